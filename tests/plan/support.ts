import { parsePlan } from "../../src/agents/plan/index.ts";
import type { ExecutePlanDeps, Plan, PlanRunEvent, StepInvocation, StepOutcome } from "../../src/agents/plan/index.ts";

/** Lets every pending promise callback run (ordering, not timing: nothing waits on a clock). */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function plan(steps: unknown[], output: unknown = null, extra: Record<string, unknown> = {}): Plan {
  return parsePlan({ plan: "test_plan", steps, output, ...extra });
}

export interface PendingCall {
  readonly step: StepInvocation;
  readonly signal: AbortSignal;
  resolve(outcome: StepOutcome): void;
  reject(error: unknown): void;
}

/** An `invoke` whose calls stay pending until the test settles them, one by one, in any order. */
export function controlledInvoke(): { invoke: ExecutePlanDeps["invoke"]; calls: PendingCall[]; call(path: string): PendingCall } {
  const calls: PendingCall[] = [];
  const invoke: ExecutePlanDeps["invoke"] = (step, signal) =>
    new Promise<StepOutcome>((resolve, reject) => {
      calls.push({ step, signal, resolve, reject });
    });
  const call = (path: string): PendingCall => {
    const found = calls.find((c) => c.step.path === path);
    if (!found) throw new Error(`no call for ${path}; calls: ${calls.map((c) => c.step.path).join(", ")}`);
    return found;
  };
  return { invoke, calls, call };
}

/** Records events as compact strings such as `started:cost`, `finished:cost`, `failed:cost:fatal`. */
export function recorder(): { onEvent(e: PlanRunEvent): void; events: PlanRunEvent[]; log: string[] } {
  const events: PlanRunEvent[] = [];
  const log: string[] = [];
  return {
    events,
    log,
    onEvent(e) {
      events.push(e);
      if (e.type === "run_finished") log.push(`run:${e.ok ? "ok" : "failed"}`);
      else if (e.type === "step_failed") log.push(`failed:${e.path}:${e.handled}`);
      else log.push(`${e.type.slice(5)}:${e.path}`);
    },
  };
}

/** An invoke that answers at once from a table of capability → function of the input. */
export function tableInvoke(table: Record<string, (input: unknown) => unknown>): ExecutePlanDeps["invoke"] {
  return async (step) => {
    const fn = table[step.capability];
    if (!fn) return { ok: false, code: "capability_not_found", message: `no plugin for ${step.capability}` };
    try {
      return { ok: true, output: fn(step.input) };
    } catch (e) {
      return { ok: false, code: "plugin_error", message: (e as Error).message };
    }
  };
}
