/**
 * The five phases of an install transaction (download → verify → dependency-prepare →
 * health-check → activate), each appending its record conditionally on the capability's head, and
 * the bookkeeping a driver keeps while it runs them. The transaction around them (begin, rollback)
 * is hub-service.ts; taking one over when its lease expired is takeover.ts.
 */
import semver from "semver";
import { ConcurrencyError } from "../events/index.ts";
import type { NewEvent } from "../events/index.ts";
import { INSTALL_PHASES, own } from "../../projections/index.ts";
import type { InstallPhase, Transaction } from "../../projections/index.ts";
import { crashIfPlanned, failIfPlanned } from "./faults.ts";
import type { FaultPlan } from "./faults.ts";
import { ineligibility } from "./decisions.ts";
import { HubError } from "./errors.ts";
import { checkLoadId, runGoldenCases } from "./golden-cases.ts";
import type { GoldenReport } from "./golden-cases.ts";
import type { HubDecisionState, HubServiceOptions, Verification } from "./hub-service.ts";
import type { PluginPackage } from "./package-format.ts";

/** A phase that failed: the rollback records its phase, code and message. */
export class PhaseFailure extends Error {
  readonly phase: InstallPhase;
  readonly code: string;
  readonly problems: Verification["problems"] | undefined;
  constructor(phase: InstallPhase, code: string, message: string, problems?: Verification["problems"]) {
    super(message);
    this.phase = phase;
    this.code = code;
    this.problems = problems;
  }
}

export const PHASE_INDEX = Object.fromEntries(INSTALL_PHASES.map((p, i) => [p, i + 1])) as Record<InstallPhase, number>;

/** Where a transaction stands while this process drives it: the package, and the head it last saw. */
export interface Drive {
  pkg: PluginPackage;
  kind: Transaction["kind"];
  txId: string;
  previousActive: string | null;
  /** The subject's head as this process last appended or read it. */
  head: number;
  /** The seq of this process's last append for the transaction (0: none yet). */
  mine: number;
  /** Hub and keys as the transaction began: what verify and dependency-prepare decide on (activate reads them again). */
  states: HubDecisionState;
  /** A switch that holds only while its target is eligible (SwitchRequest.whileEligible): activate judges it again. */
  whileEligible?: boolean;
  /** The health report, once the health-check ran (or what a taken-over one recorded). */
  health?: GoldenReport;
}

/** The record of a completed phase. */
const phase = (txId: string, p: InstallPhase, details?: Record<string, unknown>): NewEvent =>
  ({ type: "InstallPhaseCompleted", data: { txId, phase: p, index: PHASE_INDEX[p], ...(details ? { details } : {}) } }) as NewEvent;

/**
 * How many times the activate step judges the hub again because the log moved between its read and
 * its append; then the transaction stays open and the step fails with the retryable `log_busy`.
 */
export const ACTIVATE_ATTEMPTS = 8;

/** What the phases need from the transaction's driver: the policy's decisions and its conditional append. */
export interface PhaseContext extends Pick<HubServiceOptions, "sandbox" | "verify" | "tierFor"> {
  faults: FaultPlan;
  /**
   * Appends on the capability's subject, conditional on `tx.head`; moves `tx.head` and `tx.mine`.
   * With `readSeq`, also conditional on the log's last record being the one the decision read
   * (a ConcurrencyError with scope "log" otherwise).
   */
  commit(capability: string, events: NewEvent[], txId: string | null, tx: { head: number; mine?: number }, readSeq?: number): Promise<void>;
  /** The hub and the trust store as they are now, and the log position they cover: what the activate step decides on. */
  current(): Promise<HubDecisionState & { seq: number }>;
}

/** The phases of `drive`'s transaction, in order; each throws a PhaseFailure when the package fails it. */
export function phaseSteps(drive: Drive, ctx: PhaseContext): Record<InstallPhase, () => Promise<void>> {
  const { pkg, kind, txId, states } = drive;
  const { manifest } = pkg;
  const capability = manifest.capability;
  const pluginId = manifest.id;
  const before = states.hub;
  const { faults, commit } = ctx;
return {
    // download: the package is in the log now; every later phase and every hub reads it from there.
    download: async () => {
      failIfPlanned(faults, "download");
      crashIfPlanned(faults, "download");
      await commit(capability, [phase(txId, "download", { bytes: Buffer.byteLength(pkg.code) })], txId, drive);
    },
    verify: async () => {
      const verification = ctx.verify(pkg, states, { kind });
      if (verification.tamper) {
        await commit(capability, [{ type: "TamperDetected", data: { pluginId, where: kind === "install" || kind === "update" ? "install" : "load", ...verification.tamper } } as NewEvent], txId, drive);
      }
      if (!verification.ok) {
        throw new PhaseFailure("verify", "preflight_failed", verification.problems.map((p) => `${p.code} at ${p.field}: ${p.message}`).join("; "), verification.problems);
      }
      failIfPlanned(faults, "verify");
      crashIfPlanned(faults, "verify");
      await commit(capability, [phase(txId, "verify")], txId, drive);
    },
    "dependency-prepare": async () => {
      const resolved: Record<string, string> = {};
      for (const [dep, range] of Object.entries(manifest.dependencies)) {
        const active = own(before.capabilities, dep)?.active;
        const plugin = active ? own(before.plugins, active) : undefined;
        if (!plugin || !semver.satisfies(plugin.version, range)) {
          throw new PhaseFailure("dependency-prepare", "dependency_unresolved", `needs ${dep} ${range}; active: ${plugin ? plugin.id : "none"}`);
        }
        resolved[dep] = plugin.id;
      }
      failIfPlanned(faults, "dependency-prepare");
      crashIfPlanned(faults, "dependency-prepare");
      await commit(capability, [phase(txId, "dependency-prepare", { resolved })], txId, drive);
    },
    // The candidate runs its golden cases in the sandbox while the active version keeps serving.
    "health-check": async () => {
      const health = await runGoldenCases(ctx.sandbox, pkg, checkLoadId("governor", `${pluginId}#${txId}`));
      if (health.failed > 0) {
        const first = health.cases.find((c) => !c.ok)!;
        throw new PhaseFailure("health-check", "health_check_failed", `${health.failed} of ${health.cases.length} golden cases failed; first: ${first.name}: [${first.code ?? "failed"}] ${first.error ?? ""}`);
      }
      failIfPlanned(faults, "health-check");
      crashIfPlanned(faults, "health-check");
      drive.health = health;
      await commit(capability, [phase(txId, "health-check", { passed: health.passed, failed: health.failed })], txId, drive);
    },
    // One record: the tier, the switch and the commit land together or not at all. It decides on the
    // hub and keys as they are now, not as the transaction began (the phases before may take long, and
    // a takeover resumes one begun long ago): a key revoked meanwhile demotes what rested on it, and a
    // switch that holds only while its target is eligible is refused when the target no longer is
    // (withdrawn, demoted, or outside a dependent re-trusted meanwhile). Those rest on other subjects
    // (the key's, a dependent's capability), so the record is conditional on the whole log as well as
    // on the capability: anything appended after the read makes it conflict, and it is judged again
    // on the newer hub. Anything landing on the capability after this process's last append conflicts too.
    activate: async () => {
      failIfPlanned(faults, "activate");
      crashIfPlanned(faults, "activate");
      for (let attempt = 1; ; attempt++) {
        const now = await ctx.current();
        if (drive.whileEligible) {
          const target = own(now.hub.plugins, pluginId);
          const why = target ? ineligibility(now.hub, target, txId) : "no longer in the hub";
          if (why) throw new PhaseFailure("activate", "superseded", `${pluginId} changed while this ${kind} ran (${why}); it is not activated against that`);
        }
        const { tier, reasons } = ctx.tierFor(pkg, drive.health!, now);
        try {
          await commit(capability, [
            { type: "PluginTierAssigned", data: { pluginId, tier, reasons } } as NewEvent,
            { type: "PluginActivated", data: { pluginId, capability, version: manifest.version, txId, reason: kind } } as NewEvent,
            phase(txId, "activate"),
            { type: "InstallCommitted", data: { txId, pluginId, tier } } as NewEvent,
          ], txId, drive, now.seq);
          return;
        } catch (err) {
          if (!(err instanceof ConcurrencyError) || err.scope !== "log") throw err;
          if (attempt >= ACTIVATE_ATTEMPTS) {
            throw new HubError("log_busy", `the log moved between reading the hub and activating ${pluginId}, each of ${ACTIVATE_ATTEMPTS} times (last at seq ${err.actual}); nothing is activated, the transaction stays open`, {
              cause: err,
              retryable: true,
              nextStep: "Run it again with the same transaction id (an agent's delivery comes again by itself): it resumes at its activation. Any live process finishes it once its lease expires.",
              details: { pluginId, txId, attempts: ACTIVATE_ATTEMPTS },
            });
          }
        }
      }
    },
  };
}

/** The phase a transaction was in: the one after its last completed phase. */
export function currentPhase(tx: Transaction | undefined): InstallPhase {
  return INSTALL_PHASES[Math.min(tx?.phases.length ?? 0, INSTALL_PHASES.length - 1)]!;
}

/** The seq of a transaction's latest event the installs state knows. */
export function lastSeqOf(tx: Transaction): number {
  return tx.phases[tx.phases.length - 1]?.seq ?? tx.startedSeq;
}
