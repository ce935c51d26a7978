/**
 * Install transactions: each one's phase timeline and outcome, and the ones left unfinished (a
 * crash mid-install), which a live process finishes or rolls back once their lease expires.
 */
import type { StoredEvent } from "../src/events/index.ts";
import { packageDigestOf } from "../src/hub/signature.ts";
import { packageProblem } from "./package-consistency.ts";
import { own, put } from "./own-entry.ts";
import type { Projection } from "./projection.ts";

/**
 * The phases in the order they run. The candidate is health-checked before it is activated, so the
 * version in service keeps serving until the candidate has proved itself; activation, its tier and
 * the commit are then one record. (Logs written before this order recorded activate as phase 4 and
 * health-check as phase 5; each event carries its own index, so both fold the same way.)
 */
export const INSTALL_PHASES = ["download", "verify", "dependency-prepare", "health-check", "activate"] as const;
export type InstallPhase = (typeof INSTALL_PHASES)[number];

export interface Transaction {
  txId: string;
  kind: "install" | "update" | "rollback";
  pluginId: string;
  capability: string;
  version: string;
  previousActive: string | null;
  /** Only while its target stays eligible (InstallStarted `whileEligible`): a takeover's activation judges it again. */
  whileEligible?: boolean;
  startedSeq: number;
  startedAt: string;
  /**
   * The digest of the package it installs (manifest with the code's checksum, spec, test report), or
   * null when the package cannot be what the install says (the hub fold refuses it). A redelivered
   * install knows its own transaction by this, not by the plugin id anyone can name.
   */
  packageDigest: string | null;
  /** Its phases in order: a phase event counts only as the transaction's next phase. */
  phases: { phase: InstallPhase; index: number; seq: number; time: string }[];
  outcome: "in_progress" | "committed" | "rolled_back";
  /** The tier the committed plugin got. */
  tier?: "T0" | "T1" | "T2" | "T3";
  /** Why it rolled back, and which plugin it left active. */
  failure?: { phase: string; code: string; message: string; restored: string | null };
}

export interface InstallsState {
  transactions: Record<string, Transaction>;
}

export const installs: Projection<InstallsState> = {
  name: "installs",
  // 3: a transaction id is the first install's that used it: a later InstallStarted with the same id
  // (a forged one, attack round 3) no longer replaces it; an outcome naming another plugin is not
  // its, and its first outcome is its only one (the hub fold takes no commit after a rollback either).
  // 4: a transaction records its package's digest (null for a package the hub refuses), and a phase
  // event counts only as the transaction's next phase while it is open (forged phases under an
  // honest id made a takeover resume past activation, attack round 3).
  // 5: a transaction records `whileEligible`, so a takeover keeps the condition its starter had.
  version: 5,
  initial: () => ({ transactions: {} }),
  apply(state, any) {
    const event = any as StoredEvent;
    switch (event.type) {
      case "InstallStarted": {
        const d = event.data;
        // The first install that used an id keeps it: one writing the same id again (a stolen
        // governor key reusing an honest transaction's id) would otherwise erase the honest one's
        // record and have lease takeovers finish its own. The install service gives an install
        // whose id another plugin's transaction holds an id of its own (src/hub/hub-service.ts).
        if (own(state.transactions, d.txId)) return state;
        put(state.transactions, d.txId, {
          txId: d.txId, kind: d.kind, pluginId: d.pluginId, capability: d.capability, version: d.version,
          previousActive: d.previousActive, startedSeq: event.seq, startedAt: event.time, packageDigest: digestOf(d), phases: [], outcome: "in_progress",
          ...(d.whileEligible === true ? { whileEligible: true } : {}),
        });
        return state;
      }
      case "InstallPhaseCompleted": {
        // Only the open transaction's next phase, in either order the service ever wrote: anything
        // else (a phase repeated, skipped or after the outcome) is not this transaction's progress.
        const tx = own(state.transactions, event.data.txId);
        const { phase, index } = event.data;
        if (tx && tx.outcome === "in_progress" && index === tx.phases.length + 1 && isPhaseAt(phase, index)) {
          tx.phases.push({ phase, index, seq: event.seq, time: event.time });
        }
        return state;
      }
      case "InstallCommitted": {
        const tx = own(state.transactions, event.data.txId);
        if (tx && tx.pluginId === event.data.pluginId && tx.outcome === "in_progress") {
          tx.outcome = "committed";
          tx.tier = event.data.tier;
        }
        return state;
      }
      case "InstallRolledBack": {
        const tx = own(state.transactions, event.data.txId);
        if (tx && tx.pluginId === event.data.pluginId && tx.outcome === "in_progress") {
          const { phase, code, message, restored } = event.data;
          tx.outcome = "rolled_back";
          tx.failure = { phase, code, message, restored };
        }
        return state;
      }
      default:
        return state;
    }
  },
};

/** The package digest of an install, or null when the package cannot be what it says (packageProblem). */
function digestOf(d: { pluginId: string; capability: string; version: string; package: Record<string, unknown> }): string | null {
  if (packageProblem(d)) return null;
  return packageDigestOf(d.package as { manifest: unknown; spec: unknown; testReport?: unknown });
}

/** Whether `phase` is the index-th phase in the current order, or in the order logs used before health-check came first. */
function isPhaseAt(phase: string, index: number): boolean {
  if (INSTALL_PHASES[index - 1] === phase) return true;
  return (index === 4 && phase === "activate") || (index === 5 && phase === "health-check");
}

export function unfinished(state: InstallsState): Transaction[] {
  return Object.values(state.transactions).filter((t) => t.outcome === "in_progress");
}

/** "Installing total_cost 1.0.0 (phase 3/5 dependency-prepare)", "Rolled back to total_cost@1.2.0". */
export function describeTransaction(tx: Transaction): string {
  const what = `${tx.kind === "install" ? "Installing" : tx.kind === "update" ? "Updating to" : "Rolling back to"} ${tx.capability} ${tx.version}`;
  if (tx.outcome === "committed") return `${what}: done (${tx.phases.length}/5 phases)`;
  if (tx.outcome === "rolled_back") {
    const f = tx.failure!;
    return `${what}: failed at ${f.phase} [${f.code}] ${f.message}; ${f.restored ? `rolled back to ${f.restored}` : "no version active"}`;
  }
  const last = tx.phases[tx.phases.length - 1];
  const next = INSTALL_PHASES[last ? last.index : 0];
  return `${what} (phase ${(last?.index ?? 0) + 1}/5 ${next ?? ""})`.trim();
}

