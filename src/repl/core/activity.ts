/**
 * Reads the log as a person would want to watch it: which agent is working on what, a progress
 * line per install transaction, and each outcome (published, rejected with reasons, rolled back).
 * A tracker keeps just enough state (the install transactions) to phrase the next line.
 */
import type { AnyStoredEvent, StoredEvent } from "../../events/index.ts";
import { INSTALL_PHASES, installs } from "../../../projections/index.ts";
import type { InstallsState, Transaction } from "../../../projections/index.ts";
import type { Activity } from "./types.ts";

export interface ActivityTracker {
  apply(event: AnyStoredEvent): Activity[];
}

export function createActivityTracker(): ActivityTracker {
  let txs: InstallsState = installs.initial();
  return {
    apply(any) {
      txs = installs.apply(txs, any);
      const event = any as StoredEvent;
      const agent = (key: string, name: string, capability: string, text: string, state: "working" | "done" | "failed" = "working"): Activity =>
        ({ type: "agent", key, agent: name, capability, text, state });
      switch (event.type) {
        case "CapabilityRequested":
          return [agent(`gap:${event.data.capability}`, "gap detector", event.data.capability, `looking for a plugin that serves ${event.data.capability}`)];
        case "CapabilityResolved":
          return [agent(`gap:${event.data.capability}`, "gap detector", event.data.capability, `${event.data.capability} is served by ${event.data.pluginId}`, "done")];
        case "CapabilityGapDetected": {
          const d = event.data;
          return [
            agent(`gap:${d.capability}`, "gap detector", d.capability, `no plugin serves ${d.capability}: gap opened`, "done"),
            agent(`work:${d.gapId}`, "synthesizer", d.capability, `writing ${d.capability} ${d.version} (backend ${d.backend})`),
          ];
        }
        case "PluginDrafted": {
          const d = event.data;
          const how = d.model ? `${d.backend} ${d.model}` : `${d.backend}, ${d.candidates} candidates`;
          return [agent(`work:${d.gapId}`, "tester", d.capability, `testing the draft of ${d.capability} ${d.version} (${how}, ${Math.round(d.elapsedMs)} ms) in the sandbox`)];
        }
        case "SynthesisAmbiguous":
          return [agent(`work:${event.data.gapId}`, "synthesizer", event.data.capability, `the examples leave ${event.data.capability} open: asking`, "done")];
        case "SynthesisFailed":
          return [agent(`work:${event.data.gapId}`, "synthesizer", event.data.capability, `could not write ${event.data.capability}: [${event.data.code}] ${event.data.message}`, "failed")];
        case "PluginTested": {
          const r = event.data.report;
          return [agent(`work:${event.data.gapId}`, "governor", event.data.capability, `applying policy to ${event.data.capability}: ${r.passed}/${r.passed + r.failed} cases passed${r.deterministic ? ", deterministic" : ", NOT deterministic"}`)];
        }
        case "ApprovalRequested": {
          const d = event.data;
          const capability = d.pluginId.split("@")[0]!;
          return [
            agent(`work:${d.gapId}`, "governor", capability, `${d.pluginId} waits for an operator: ${d.reasons.join("; ")}`, "done"),
            { type: "approval", key: `approval:${d.gapId}`, gapId: d.gapId, pluginId: d.pluginId, capability, reasons: d.reasons },
          ];
        }
        case "PluginApproved":
          return [{ type: "outcome", key: `approved:${event.seq}`, capability: event.data.pluginId.split("@")[0]!, outcome: "approved", ok: true, text: `${event.data.pluginId} approved by key ${event.data.keyId}` }];
        case "PluginRejected":
          return [{ type: "outcome", key: `rejected:${event.seq}`, capability: event.data.pluginId.split("@")[0]!, outcome: "rejected", ok: false, text: `${event.data.pluginId} rejected: ${event.data.reasons.join("; ")}` }];
        case "InstallStarted":
        case "InstallPhaseCompleted":
        case "InstallCommitted":
        case "InstallRolledBack": {
          const tx = txs.transactions[(event.data as { txId: string }).txId];
          return tx ? [installLine(tx)] : [];
        }
        case "GapClosed": {
          const d = event.data;
          const text = d.ok ? `${d.pluginId} published (${d.reason})` : `${d.capability}: ${d.outcome.replace("_", " ")}: ${d.reason}`;
          return [
            agent(`work:${d.gapId}`, "governor", d.capability, d.ok ? `published ${d.pluginId}` : `${d.outcome.replace("_", " ")}`, d.ok ? "done" : "failed"),
            { type: "outcome", key: `closed:${d.gapId}`, capability: d.capability, outcome: d.outcome, ok: d.ok, text },
          ];
        }
        case "PluginActivated":
          if (event.data.reason !== "rollback" && event.data.reason !== "revert" && event.data.reason !== "recovery") return [];
          return [{ type: "outcome", key: `activated:${event.seq}:${event.data.capability}`, capability: event.data.capability, outcome: "rolled_back", ok: true, text: `${event.data.pluginId} is active again (${event.data.reason})` }];
        case "PluginQuarantined":
          return [{ type: "outcome", key: `quarantined:${event.seq}`, capability: event.data.pluginId.split("@")[0]!, outcome: "quarantined", ok: false, text: `${event.data.pluginId} quarantined: ${event.data.reason}` }];
        case "RollbackBlocked":
          return [{ type: "outcome", key: `rollback-blocked:${event.seq}`, capability: event.data.capability, outcome: "rollback_blocked", ok: false, text: `${event.data.capability}: no rollback after ${event.data.pluginId}'s quarantine: ${event.data.reason}` }];
        case "TamperDetected":
          return [{ type: "outcome", key: `tamper:${event.seq}`, capability: event.data.pluginId.split("@")[0]!, outcome: "tamper", ok: false, text: `TAMPER: ${event.data.check} of ${event.data.pluginId} does not match (at ${event.data.where})` }];
        default:
          return [];
      }
    },
  };
}

/** "Installing total_cost 1.0.0 — phase 3/5 dependency-prepare", then done or rolled back. */
export function installLine(tx: Transaction): Activity {
  const verb = tx.kind === "install" ? "Installing" : tx.kind === "update" ? "Updating to" : "Rolling back to";
  const what = `${verb} ${tx.capability} ${tx.version}`;
  const done = tx.phases.length;
  if (tx.outcome === "committed") return { type: "install", key: `tx:${tx.txId}`, text: `${what} — done (${done}/5 phases)`, phase: 5, state: "done" };
  if (tx.outcome === "rolled_back") {
    const f = tx.failure!;
    return { type: "install", key: `tx:${tx.txId}`, text: `${what} — failed at ${f.phase} [${f.code}] ${f.message}; ${f.restored ? `rolled back to ${f.restored}` : "no version active"}`, phase: done, state: "failed" };
  }
  const next = Math.min(done + 1, 5);
  return { type: "install", key: `tx:${tx.txId}`, text: `${what} — phase ${next}/5 ${INSTALL_PHASES[next - 1]}`, phase: next, state: "working" };
}
