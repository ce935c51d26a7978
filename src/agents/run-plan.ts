/**
 * The plan runner. Before each step the resolver picks the newest eligible version of the capability
 * within the step's range that serves the plan's schemas for it (resolveCapability); when there is
 * none the step is blocked on a gap, the agents are asked for the capability (with the plan's own spec), and
 * the step is retried with the new plugin. Every step and the run itself are events on the run's
 * subject, so runs correlate and replay.
 */
import { eventText, loneSurrogatePath, subjectFor } from "../events/index.ts";
import type { IdSource, NewEvent } from "../events/index.ts";
import { PlanError, createStepIds, executePlan, runId as deriveRunId } from "./plan/index.ts";
import type { Plan, PlanRunEvent, StepInvocation, StepOutcome } from "./plan/index.ts";
import type { BackendChoice } from "./backends.ts";
import { requestCapability } from "./request-capability.ts";
import { alreadyHeld, approvalNextStep } from "./held.ts";
import { resolveCapability } from "../hub/index.ts";
import type { CapabilityRequest } from "../hub/index.ts";
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
  /**
   * A step whose plugin policy holds for an operator fails `awaiting_approval` at once, saying how
   * to approve it, rather than wait for the approval (a one-shot command; the REPL asks on the spot).
   */
  stopWhenHeld?: boolean;
}

export type RunOutcome =
  | { ok: true; runId: string; output: unknown }
  | { ok: false; runId: string; error: { code: string; message: string; nextStep?: string; details?: Record<string, unknown> } };

export async function runPlan(runtime: Runtime, plan: Plan, input: unknown, options: RunOptions): Promise<RunOutcome> {
  const { log, invoker, readModel } = runtime;
  // The input is hashed into the run id and handed to steps whose events record it: text with a
  // lone surrogate has no form there. It is the caller's data, so refuse it (never alter it).
  const lone = loneSurrogatePath(input, "input");
  if (lone !== undefined) {
    throw new PlanError("invalid_input", `the run's input holds a lone surrogate at ${lone}, which no event can record`, {
      details: { path: lone },
      nextStep: "Fix the input to well-formed Unicode text (a \\ud800 escape needs its low half, \\udc00 to \\udfff) and run the plan again.",
    });
  }
  const ids = createStepIds(plan);
  const runId = deriveRunId({ planHash: ids.planHash, input, nonce: options.newId() });
  const subject = subjectFor("run", runId);
  const record = (type: string, data: Record<string, unknown>): Promise<unknown> =>
    log.append([{ type, subject, correlationId: runId, data: { runId, ...data } } as NewEvent]);
  await record("RunStarted", { plan: plan.plan, planHash: ids.planHash, steps: plan.steps.length });

  /**
   * What a step asks for: its capability, the range from the step (or the plan's spec for it), and
   * the plan's schemas for it, so that any version serving them within the range will do.
   */
  function requestOf(step: StepInvocation): { request: CapabilityRequest; spec: Record<string, unknown> | null } {
    const spec = (plan.capabilities && Object.hasOwn(plan.capabilities, step.capability) ? plan.capabilities[step.capability] ?? null : null) as Record<string, unknown> | null;
    const range = plan.steps.find((s) => s.id === step.id)?.version ?? (spec?.["version"] as string | undefined);
    const request: CapabilityRequest = {
      capability: step.capability,
      ...(range ? { range } : {}),
      ...(spec ? { inputSchema: spec["inputSchema"], outputSchema: spec["outputSchema"] } : {}),
    };
    return { request, spec: spec && range ? { ...spec, version: range } : spec };
  }

  async function invoke(step: StepInvocation): Promise<StepOutcome> {
    let recovered = false;
    const { request, spec } = requestOf(step);
    for (;;) {
      const resolution = resolveCapability(await readModel.state("hub"), request);
      if (!resolution.ok) {
        if (resolution.code === "invalid_range") return { ok: false, code: "invalid_range", message: resolution.message };
        if (recovered) return { ok: false, code: "capability_unavailable", message: `${step.capability} was published but nothing serves the step: ${resolution.message}` };
        options.onEvent?.({ type: "capability_missing", stepId: step.id, capability: step.capability });
        const requestId = options.newId();
        await record("StepBlocked", { stepId: step.stepKey, path: step.path, capability: step.capability, requestId });
        const answer = (options.stopWhenHeld ? await alreadyHeld(readModel, step.capability) : undefined) ?? await requestCapability(readModel, step.capability, {
          spec, source: "plan", runId, stepId: step.stepKey, newId: options.newId, correlationId: runId, requestId,
          ...(options.backend ? { backend: options.backend } : {}),
          ...(options.gapTimeoutMs ? { timeoutMs: options.gapTimeoutMs } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
          ...(options.stopWhenHeld ? { stopWhenHeld: true } : {}),
        });
        if (answer.outcome === "awaiting_approval") {
          options.onEvent?.({ type: "capability_unavailable", capability: step.capability, reason: answer.reason });
          await record("StepFinished", { stepId: step.stepKey, path: step.path, capability: step.capability, ok: false, recovered: false, code: "awaiting_approval" });
          return { ok: false, code: "awaiting_approval", message: answer.reason, nextStep: approvalNextStep(answer.pluginId!, "run the plan again") };
        }
        if (!answer.ok) {
          options.onEvent?.({ type: "capability_unavailable", capability: step.capability, reason: answer.reason });
          await record("StepFinished", { stepId: step.stepKey, path: step.path, capability: step.capability, ok: false, recovered: false, code: "capability_unavailable" });
          const near = resolution.near[0] ? ` Did you mean ${resolution.near[0].capability}${resolution.near[0].servesRequest ? " (it serves this step)" : ""}?` : "";
          return { ok: false, code: "capability_unavailable", message: `no plugin serves ${step.capability}${request.range ? ` ${request.range}` : ""} (${resolution.code}) and the gap could not be closed (${answer.outcome}): ${answer.reason}.${near}` };
        }
        options.onEvent?.({ type: "capability_ready", capability: step.capability, pluginId: answer.pluginId!, synthesized: answer.synthesized });
        recovered = true;
        continue;
      }
      const plugin = resolution.plugin;
      const result = await invoker.invoke(plugin, step.input, { runId, correlationId: runId });
      await record("StepFinished", { stepId: step.stepKey, path: step.path, capability: step.capability, ok: result.ok, recovered, code: result.error?.code ?? null });
      if (result.ok) return { ok: true, output: result.output };
      // A refused input is the plan's error (its references or literals), not the plugin's.
      return { ok: false, code: result.error!.code, message: result.rejected ? `step ${step.path}: ${result.error!.message}` : `${plugin.id}: ${result.error!.message}` };
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
  await record("RunFinished", { ok: false, code: e.code, message: eventText(e.message, 2_000) });
  return { ok: false, runId, error: { code: e.code, message: e.message, ...(e.nextStep ? { nextStep: e.nextStep } : {}), ...(e.details ? { details: e.details } : {}) } };
}
