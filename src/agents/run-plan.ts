/**
 * The plan runner. Before each step the resolver looks up the active plugin; when there is none the
 * step is blocked on a gap, the agents are asked for the capability (with the plan's own spec), and
 * the step is retried with the new plugin. Every step and the run itself are events on the run's
 * subject, so runs correlate and replay.
 */
import { subjectFor } from "../events/index.ts";
import type { IdSource, NewEvent } from "../events/index.ts";
import { createStepIds, executePlan, runId as deriveRunId } from "./plan/index.ts";
import type { Plan, PlanRunEvent, StepInvocation, StepOutcome } from "./plan/index.ts";
import type { BackendChoice } from "./backends.ts";
import { requestCapability } from "./request-capability.ts";
import type { Runtime } from "./runtime.ts";

/** What the UI sees: the executor's step events, plus the loop closing gaps for blocked steps. */
export type RunnerEvent =
  | PlanRunEvent
  | { type: "capability_missing"; stepId: string; capability: string }
  | { type: "capability_ready"; capability: string; pluginId: string; synthesized: boolean }
  | { type: "capability_unavailable"; capability: string; reason: string };

export interface RunOptions {
  newId: IdSource;
  backend?: BackendChoice;
  onEvent?(event: RunnerEvent): void;
  signal?: AbortSignal;
  /** How long a blocked step waits for the agents (default 120 s). */
  gapTimeoutMs?: number;
}

export type RunOutcome =
  | { ok: true; runId: string; output: unknown }
  | { ok: false; runId: string; error: { code: string; message: string; nextStep?: string; details?: Record<string, unknown> } };

export async function runPlan(runtime: Runtime, plan: Plan, input: unknown, options: RunOptions): Promise<RunOutcome> {
  const { log, invoker, hub } = runtime;
  const ids = createStepIds(plan);
  const runId = deriveRunId({ planHash: ids.planHash, input, nonce: options.newId() });
  const subject = subjectFor("run", runId);
  const record = (type: string, data: Record<string, unknown>): Promise<unknown> =>
    log.append([{ type, subject, correlationId: runId, data: { runId, ...data } } as NewEvent]);
  await record("RunStarted", { plan: plan.plan, planHash: ids.planHash, steps: plan.steps.length });

  async function invoke(step: StepInvocation): Promise<StepOutcome> {
    let recovered = false;
    for (;;) {
      const plugin = invoker.resolve(await hub.state(), step.capability);
      if (!plugin) {
        if (recovered) return { ok: false, code: "capability_unavailable", message: `${step.capability} was published but is not active` };
        options.onEvent?.({ type: "capability_missing", stepId: step.id, capability: step.capability });
        const requestId = options.newId();
        await record("StepBlocked", { stepId: step.stepKey, capability: step.capability, requestId });
        const spec = plan.capabilities?.[step.capability] ?? null;
        const answer = await requestCapability(log, step.capability, {
          spec: spec as Record<string, unknown> | null, source: "plan", runId, stepId: step.stepKey, newId: options.newId, correlationId: runId, requestId,
          ...(options.backend ? { backend: options.backend } : {}),
          ...(options.gapTimeoutMs ? { timeoutMs: options.gapTimeoutMs } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
        });
        if (!answer.ok) {
          options.onEvent?.({ type: "capability_unavailable", capability: step.capability, reason: answer.reason });
          await record("StepFinished", { stepId: step.stepKey, capability: step.capability, ok: false, recovered: false, code: "capability_unavailable" });
          return { ok: false, code: "capability_unavailable", message: `no plugin for ${step.capability} and the gap could not be closed (${answer.outcome}): ${answer.reason}` };
        }
        options.onEvent?.({ type: "capability_ready", capability: step.capability, pluginId: answer.pluginId!, synthesized: answer.synthesized });
        recovered = true;
        continue;
      }
      const result = await invoker.invoke(plugin, step.input, { runId, correlationId: runId });
      await record("StepFinished", { stepId: step.stepKey, capability: step.capability, ok: result.ok, recovered, code: result.error?.code ?? null });
      return result.ok ? { ok: true, output: result.output } : { ok: false, code: result.error!.code, message: `${plugin.id}: ${result.error!.message}` };
    }
  }

  const result = await executePlan(plan, input, {
    invoke,
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (result.ok) {
    await record("RunFinished", { ok: true, code: null, message: null });
    return { ok: true, runId, output: result.output };
  }
  const e = result.error;
  await record("RunFinished", { ok: false, code: e.code, message: e.message.slice(0, 2_000) });
  return { ok: false, runId, error: { code: e.code, message: e.message, ...(e.nextStep ? { nextStep: e.nextStep } : {}), ...(e.details ? { details: e.details } : {}) } };
}
