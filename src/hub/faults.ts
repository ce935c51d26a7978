/**
 * Failure injection for install transactions, so every phase's failure and crash path is tested:
 * `CAPSMITH_FAULT=fail:verify` makes that phase fail; `CAPSMITH_FAULT=crash:activate` kills the
 * process (SIGKILL) once that phase's work is done but before its completion is durable, leaving the
 * transaction unfinished (for `activate`: after the new version became active).
 * `CAPSMITH_FAULT=pause:health-check` stops the process (SIGSTOP) at the same point instead, so a
 * test can hold an install past its ack wait and lease, let another daemon take it over, and SIGCONT
 * the first to see both drive one transaction.
 */
import { INSTALL_PHASES } from "../../projections/index.ts";
import type { InstallPhase } from "../../projections/index.ts";
import { HubError } from "./errors.ts";

export interface FaultPlan {
  fail?: InstallPhase;
  crash?: InstallPhase;
  pause?: InstallPhase;
}

/** Reads a fault plan (the config's `fault`, from `CAPSMITH_FAULT`): `fail:<phase>`, `crash:<phase>` or `pause:<phase>`. */
export function parseFaults(value: string | undefined): FaultPlan {
  if (!value) return {};
  const [mode, phase] = value.split(":");
  if ((mode !== "fail" && mode !== "crash" && mode !== "pause") || !INSTALL_PHASES.includes(phase as InstallPhase)) {
    throw new HubError("injected_failure", `CAPSMITH_FAULT must be fail:<phase>, crash:<phase> or pause:<phase>, not "${value}"`, {
      nextStep: `Phases: ${INSTALL_PHASES.join(", ")}.`,
    });
  }
  return { [mode]: phase as InstallPhase };
}

/** Called where a phase would fail; throws when the plan names it. */
export function failIfPlanned(plan: FaultPlan, phase: InstallPhase): void {
  if (plan.fail === phase) throw new HubError("injected_failure", `injected failure in phase ${phase}`, { nextStep: "Unset CAPSMITH_FAULT." });
}

/**
 * Called when a phase's work is done, before its completion event; kills the process when planned,
 * or stops it (once: woken, the process goes on, as one that was merely slow would).
 */
export function crashIfPlanned(plan: FaultPlan, phase: InstallPhase): void {
  if (plan.crash === phase) process.kill(process.pid, "SIGKILL");
  if (plan.pause === phase) {
    delete plan.pause;
    process.kill(process.pid, "SIGSTOP");
  }
}
