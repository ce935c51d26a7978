/**
 * Plan runs: each run, its steps (keyed by step key: one per step, one per `forEach` element) and
 * how each ended, from RunStarted / StepBlocked / StepFinished / RunFinished on the run's subject.
 */
import type { StoredEvent } from "../src/events/index.ts";
import { own, put } from "./own-entry.ts";
import type { Projection } from "./projection.ts";

export interface RunStep {
  stepId: string;
  capability: string;
  status: "blocked" | "ok" | "failed";
  /** Times it waited for the loop to provide its capability. */
  blocked: number;
  /** It was blocked, the loop provided the capability, and the retry succeeded. */
  recovered: boolean;
  code: string | null;
  finishedAt: string | null;
}

export interface Run {
  runId: string;
  plan: string;
  planHash: string;
  status: "running" | "ok" | "failed";
  startedAt: string;
  startedSeq: number;
  finishedAt: string | null;
  code: string | null;
  message: string | null;
  steps: Record<string, RunStep>;
}

export interface RunsState {
  runs: Record<string, Run>;
}

export const runs: Projection<RunsState> = {
  name: "runs",
  version: 1,
  initial: () => ({ runs: {} }),
  apply(state, any) {
    const event = any as StoredEvent;
    switch (event.type) {
      case "RunStarted": {
        const d = event.data;
        if (!own(state.runs, d.runId)) {
          put(state.runs, d.runId, {
            runId: d.runId, plan: d.plan, planHash: d.planHash, status: "running", startedAt: event.time, startedSeq: event.seq,
            finishedAt: null, code: null, message: null, steps: {},
          });
        }
        return state;
      }
      case "StepBlocked":
        return step(state, event.data.runId, event.data.stepId, event.data.capability, (s) => {
          s.status = "blocked";
          s.blocked++;
        });
      case "StepFinished":
        return step(state, event.data.runId, event.data.stepId, event.data.capability, (s) => {
          s.status = event.data.ok ? "ok" : "failed";
          s.recovered = event.data.ok && (event.data.recovered || s.blocked > 0);
          s.code = event.data.code;
          s.finishedAt = event.time;
        });
      case "RunFinished": {
        const r = own(state.runs, event.data.runId);
        if (r) Object.assign(r, { status: event.data.ok ? "ok" : "failed", finishedAt: event.time, code: event.data.code, message: event.data.message });
        return state;
      }
      default:
        return state;
    }
  },
};

function step(state: RunsState, runId: string, stepId: string, capability: string, change: (s: RunStep) => void): RunsState {
  const r = own(state.runs, runId);
  if (!r) return state;
  const s = own(r.steps, stepId) ?? put(r.steps, stepId, { stepId, capability, status: "blocked", blocked: 0, recovered: false, code: null, finishedAt: null });
  change(s);
  return state;
}
