/**
 * Capability gaps and their lifecycle (detected → drafted → tested → closed), and the loop's
 * metrics: how many blocked steps synthesis recovered, plugin reuse across runs, and time from gap
 * to active capability.
 */
import type { StoredEvent } from "../src/events/index.ts";
import { own, put } from "./own-entry.ts";
import type { Projection } from "./projection.ts";

export type GapStatus = "open" | "drafted" | "tested" | "awaiting_approval" | "closed";

export interface Gap {
  gapId: string;
  capability: string;
  status: GapStatus;
  openedAt: string;
  openedSeq: number;
  version: string;
  specHash: string;
  backend: string;
  draftId: string | null;
  closedAt: string | null;
  ok: boolean | null;
  outcome: string | null;
  reason: string | null;
  pluginId: string | null;
  /**
   * The operator decision (its event id) a governor claimed this hold for (HoldClaimed): while set,
   * that decision is being carried out and no other decision on the hold counts. Null otherwise.
   */
  claimedBy: string | null;
  /** The seq of that claim: the trust store as it stood there judges the approval it names. */
  claimedSeq: number | null;
}

export interface GapsState {
  gaps: Record<string, Gap>;
  /** The open gap of each capability, if any: at most one at a time. */
  openByCapability: Record<string, string>;
  runs: Record<string, RunTally>;
  /** Runs that used each capability (for reuse). */
  runsByCapability: Record<string, number>;
}

/**
 * One run's steps, by plan node: the elements of a `forEach` are one node (`enrich[0]`..`enrich[3]`
 * are `enrich`), a fallback standing in for a step is its own (`cost/fix`).
 */
export interface RunTally {
  steps: Record<string, StepTally>;
  capabilitiesUsed: string[];
}

export interface StepTally {
  /** Some invocation of it waited for the loop to provide its capability. */
  blocked: boolean;
  /** Some invocation of it finished ok, or failed. */
  succeeded: boolean;
  failed: boolean;
}

/** The plan node of a step event: its path without element indices; events of older builds carry no path, only the invocation's key. */
function stepNode(data: { stepId: string; path?: string | undefined }): string {
  return data.path === undefined ? data.stepId : data.path.replace(/\[\d+\]/g, "");
}

export const gaps: Projection<GapsState> = {
  name: "gaps",
  version: 3,
  initial: () => ({ gaps: {}, openByCapability: {}, runs: {}, runsByCapability: {} }),
  apply(state, any) {
    const event = any as StoredEvent;
    switch (event.type) {
      case "CapabilityGapDetected": {
        const d = event.data;
        put(state.gaps, d.gapId, {
          gapId: d.gapId, capability: d.capability, status: "open", openedAt: event.time, openedSeq: event.seq, version: d.version,
          specHash: d.specHash, backend: d.backend, draftId: null, closedAt: null, ok: null, outcome: null, reason: null, pluginId: null, claimedBy: null, claimedSeq: null,
        });
        put(state.openByCapability, d.capability, d.gapId);
        return state;
      }
      case "PluginDrafted":
        return gap(state, event.data.gapId, (g) => {
          g.status = "drafted";
          g.draftId = event.data.draftId;
        });
      case "PluginTested":
        return gap(state, event.data.gapId, (g) => (g.status = "tested"));
      case "ApprovalRequested":
        return gap(state, event.data.gapId, (g) => {
          g.status = "awaiting_approval";
          g.pluginId = event.data.pluginId;
        });
      case "HoldClaimed":
        return gap(state, event.data.gapId, (g) => {
          // Only a hold's first claim counts (a claim is appended on the gap's head, so a second one is a forgery or a bug).
          // A claim for another plugin than the one held claims nothing.
          if (g.status !== "awaiting_approval" || g.claimedBy !== null || event.data.pluginId !== g.pluginId) return;
          g.claimedBy = event.data.decisionId;
          g.claimedSeq = event.seq;
        });
      case "GapClosed": {
        const d = event.data;
        gap(state, d.gapId, (g) => {
          Object.assign(g, { status: "closed", closedAt: event.time, ok: d.ok, outcome: d.outcome, reason: d.reason, pluginId: d.pluginId });
        });
        if (own(state.openByCapability, d.capability) === d.gapId) delete state.openByCapability[d.capability];
        return state;
      }
      case "RunStarted":
        put(state.runs, event.data.runId, { steps: {}, capabilitiesUsed: [] });
        return state;
      case "StepBlocked":
        return run(state, event.data.runId, (r) => (step(r, stepNode(event.data)).blocked = true));
      case "StepFinished":
        return run(state, event.data.runId, (r) => {
          const s = step(r, stepNode(event.data));
          if (event.data.ok) s.succeeded = true;
          else s.failed = true;
          if (event.data.ok && !r.capabilitiesUsed.includes(event.data.capability)) {
            r.capabilitiesUsed.push(event.data.capability);
            put(state.runsByCapability, event.data.capability, (own(state.runsByCapability, event.data.capability) ?? 0) + 1);
          }
        });
      default:
        return state;
    }
  },
};

function gap(state: GapsState, gapId: string, change: (g: Gap) => void): GapsState {
  const g = own(state.gaps, gapId);
  if (g) change(g);
  return state;
}

function run(state: GapsState, runId: string, change: (r: RunTally) => void): GapsState {
  const r = own(state.runs, runId);
  if (r) change(r);
  return state;
}

function step(run: RunTally, node: string): StepTally {
  return own(run.steps, node) ?? put(run.steps, node, { blocked: false, succeeded: false, failed: false });
}

export interface LoopStats {
  gaps: number;
  gapsClosedOk: number;
  /**
   * Of the steps that were blocked on a missing capability, the share the loop recovered: a step is
   * recovered when, after the loop provided its capability, it succeeded (every invocation of it,
   * each element of a `forEach` included). A `forEach` is one step however many elements it has.
   */
  blockedSteps: number;
  recoveredSteps: number;
  recoveryRate: number | null;
  /** Of the capabilities used in runs, the share used by more than one run. */
  reuseRate: number | null;
  /** Median gap-detected → plugin-active time, in ms. */
  medianTimeToCapabilityMs: number | null;
}

/** The metrics `capsmith stats` prints, derived from the projection (pure). */
export function loopStats(state: GapsState): LoopStats {
  const all = Object.values(state.gaps);
  const closedOk = all.filter((g) => g.ok === true && g.closedAt);
  const durations = closedOk.map((g) => Date.parse(g.closedAt!) - Date.parse(g.openedAt)).sort((a, b) => a - b);
  const steps = Object.values(state.runs).flatMap((r) => Object.values(r.steps));
  const blocked = steps.filter((s) => s.blocked).length;
  const recovered = steps.filter((s) => s.blocked && s.succeeded && !s.failed).length;
  const used = Object.values(state.runsByCapability);
  return {
    gaps: all.length,
    gapsClosedOk: closedOk.length,
    blockedSteps: blocked,
    recoveredSteps: recovered,
    recoveryRate: blocked ? recovered / blocked : null,
    reuseRate: used.length ? used.filter((n) => n > 1).length / used.length : null,
    medianTimeToCapabilityMs: durations.length ? durations[Math.floor((durations.length - 1) / 2)]! : null,
  };
}
