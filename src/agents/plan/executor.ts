import { CONTINUE, DEFAULT_CONCURRENCY } from "./constants.ts";
import { PlanError } from "./errors.ts";
import { createLimiter } from "./limiter.ts";
import type { Plan, PlanStep } from "./plan-schema.ts";
import { referencedSteps, resolveReferences } from "./references.ts";
import type { ReferenceScope } from "./references.ts";
import type { ExecutePlanDeps, PlanRunEvent, StepOutcome, StepRef } from "./run-types.ts";
import { createStepIds, elementPath, fallbackPath } from "./step-ids.ts";

export type PlanRunResult =
  | { readonly ok: true; readonly output: unknown; readonly steps: Record<string, unknown> }
  | { readonly ok: false; readonly error: PlanError; readonly steps: Record<string, unknown> };

interface Failure {
  readonly code: string;
  readonly message: string;
  readonly retryable: boolean;
  readonly reference?: string;
  /** What the person does next, when the step knows better than "see details.cause". */
  readonly nextStep?: string;
}

/** `cancelled`: the run had already stopped, so the node did not (or no longer) matter. */
type NodeResult = { readonly ok: true; readonly output: unknown } | { readonly ok: false; readonly cancelled: boolean };

interface Deferred {
  readonly promise: Promise<void>;
  resolve(): void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

function failureOf(error: unknown): Failure {
  if (error instanceof PlanError) {
    const reference = error.details?.reference;
    return { code: error.code, message: error.message, retryable: false, ...(typeof reference === "string" ? { reference } : {}) };
  }
  const e = error as { code?: unknown; message?: unknown; retryable?: unknown } | null;
  return {
    code: typeof e?.code === "string" ? e.code : "invoke_threw",
    message: typeof e?.message === "string" ? e.message : String(error),
    retryable: e?.retryable === true,
  };
}

function runError(ref: StepRef, failure: Failure): PlanError {
  const at = ref.path === ref.stepId ? `step "${ref.stepId}"` : `step "${ref.stepId}" at ${ref.path}`;
  const details = { stepId: ref.stepId, path: ref.path, stepKey: ref.stepKey, capability: ref.capability };
  if (failure.code === "reference_unresolved" || failure.code === "foreach_not_list") {
    return new PlanError(failure.code, failure.message, {
      nextStep: "Fix the reference in the plan or the plan input; or give the step onError to tolerate it.",
      details: { ...details, ...(failure.reference === undefined ? {} : { reference: failure.reference }) },
    });
  }
  return new PlanError("step_failed", `${at} (capability ${ref.capability}) failed: ${failure.code}: ${failure.message}`, {
    retryable: failure.retryable,
    nextStep: failure.nextStep ?? `See details.cause for why ${ref.capability} failed; give the step "onError" to continue or fall back instead.`,
    details: { ...details, cause: { code: failure.code, message: failure.message, retryable: failure.retryable } },
  });
}

/**
 * Runs a plan that came from `parsePlan`. A step starts once every step its `input`, `when` and
 * `forEach` reference has finished; ready steps start in plan order; invocations are bounded by
 * `deps.concurrency`. A fallback step never runs on its own: it runs, with its own `when`, `forEach`
 * and `onError`, only in place of a step that failed, and its output becomes that step's output.
 * For a `forEach` step, `onError` applies to each element. The first fatal failure stops the run:
 * nothing new starts, in-flight invocations see their signal abort, and the result is returned once
 * they have settled. No clock, no randomness: all I/O goes through `deps`.
 */
export async function executePlan(plan: Plan, input: unknown, deps: ExecutePlanDeps): Promise<PlanRunResult> {
  const concurrency = deps.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new PlanError("invalid_options", `concurrency must be a positive integer, got ${concurrency}`, { nextStep: "Pass concurrency >= 1 or leave it out (default 4)." });
  }
  const planInput = input === undefined ? {} : input;
  const ids = createStepIds(plan);
  const byId = new Map(plan.steps.map((s) => [s.id, s]));
  const fallbacks = new Set(plan.steps.flatMap((s) => (s.onError !== undefined && s.onError !== CONTINUE ? [s.onError] : [])));
  const outputs = new Map<string, unknown>();
  const finished = new Map(plan.steps.map((s) => [s.id, deferred()]));
  const limiter = createLimiter(concurrency);
  const controller = new AbortController();
  let error: PlanError | undefined;

  const stop = (e: PlanError): void => {
    if (error) return;
    error = e;
    limiter.close();
    controller.abort(e);
  };
  const emit = (event: PlanRunEvent): void => {
    if (!deps.onEvent) return;
    try {
      deps.onEvent(event);
    } catch (cause) {
      stop(new PlanError("event_handler_failed", `onEvent threw on ${event.type}: ${String(cause)}`, { cause, nextStep: "Make the onEvent handler not throw." }));
    }
  };
  const onAbort = (): void => stop(new PlanError("run_aborted", "the run was aborted by its caller", { retryable: true, nextStep: "Run the plan again." }));
  if (deps.signal?.aborted) onAbort();
  else deps.signal?.addEventListener("abort", onAbort, { once: true });

  const scope = (item: unknown): ReferenceScope => ({ input: planInput, steps: outputs, item });
  const refOf = (step: PlanStep, path: string): StepRef => ({ stepId: step.id, path, stepKey: ids.stepKey(path), capability: step.capability });
  const waitFor = async (ids: readonly string[]): Promise<void> => {
    await Promise.all(ids.map((id) => finished.get(id)?.promise));
  };
  const cancelled: NodeResult = { ok: false, cancelled: true };

  /** What to do with a failed node: its step's `onError`, or stop the run. */
  const handle = async (step: PlanStep, ref: StepRef, failure: Failure, item: unknown): Promise<NodeResult> => {
    const base = { type: "step_failed", ...ref, code: failure.code, message: failure.message, retryable: failure.retryable } as const;
    if (error) {
      emit({ ...base, handled: "cancelled" });
      return cancelled;
    }
    if (step.onError === CONTINUE) {
      emit({ ...base, handled: "continue" });
      return { ok: true, output: null };
    }
    const fallback = step.onError === undefined ? undefined : byId.get(step.onError);
    if (!fallback) {
      emit({ ...base, handled: "fatal" });
      stop(runError(ref, failure));
      return { ok: false, cancelled: false };
    }
    emit({ ...base, handled: "fallback", fallback: fallback.id });
    return runNode(fallback, fallbackPath(ref.path, fallback.id), item);
  };

  /** One capability call: resolve the input, take a slot, invoke. */
  const invokeOnce = async (step: PlanStep, path: string, item: unknown): Promise<NodeResult> => {
    const ref = refOf(step, path);
    let resolved: unknown;
    try {
      resolved = resolveReferences(step.input, scope(item), { stepId: step.id, field: "input" });
    } catch (e) {
      return handle(step, ref, failureOf(e), item);
    }
    const release = await limiter.acquire();
    if (!release) return cancelled;
    if (error) {
      // A slot freed by a fatal failure can be handed over before the failure is recorded.
      release();
      return cancelled;
    }
    let outcome: StepOutcome;
    try {
      emit({ type: "step_started", ...ref, input: resolved });
      outcome = await deps.invoke({ id: step.id, stepKey: ref.stepKey, path, capability: step.capability, input: structuredClone(resolved) }, controller.signal);
    } catch (e) {
      outcome = { ok: false, ...failureOf(e) };
    } finally {
      release();
    }
    if (outcome.ok) {
      const output = outcome.output === undefined ? null : outcome.output;
      emit({ type: "step_finished", ...ref, output });
      return { ok: true, output };
    }
    return handle(step, ref, { code: outcome.code, message: outcome.message, retryable: outcome.retryable === true, ...(outcome.nextStep ? { nextStep: outcome.nextStep } : {}) }, item);
  };

  /** A step (or a fallback in a step's place): `when`, then one invocation or one per element. */
  const runNode = async (step: PlanStep, path: string, item: unknown): Promise<NodeResult> => {
    const ref = refOf(step, path);
    if (fallbacks.has(step.id)) {
      // A fallback's references were not waited for up front: its primary may never fail.
      await waitFor(referencedSteps([step.input, step.when ?? null, step.forEach ?? null]));
      if (error) return cancelled;
    }
    if (step.when !== undefined) {
      let go: unknown;
      try {
        go = resolveReferences(step.when, scope(item), { stepId: step.id, field: "when" });
      } catch {
        go = undefined; // a missing path in `when` reads as false (e.g. an optional input flag)
      }
      if (!go) {
        emit({ type: "step_skipped", ...ref, reason: "when_false" });
        return { ok: true, output: null };
      }
    }
    if (step.forEach === undefined) return invokeOnce(step, path, item);
    let list: unknown;
    try {
      list = resolveReferences(step.forEach, scope(item), { stepId: step.id, field: "forEach" });
    } catch (e) {
      return handle(step, ref, failureOf(e), item);
    }
    if (!Array.isArray(list)) {
      const got = list === null ? "null" : typeof list;
      return handle(step, ref, { code: "foreach_not_list", message: `forEach "${step.forEach}" of step "${step.id}" is ${got}, not a list`, retryable: false, reference: step.forEach }, item);
    }
    if (error) return cancelled;
    emit({ type: "step_started", ...ref, items: list.length });
    const results = await Promise.all(list.map((element, i) => invokeOnce(step, elementPath(path, i), element)));
    const outputs: unknown[] = [];
    for (const [i, result] of results.entries()) {
      if (!result.ok) {
        const code = result.cancelled ? "run_cancelled" : "element_failed";
        const message = result.cancelled ? "the run stopped before every element finished" : `element ${elementPath(path, i)} failed (see its step_failed event)`;
        emit({ type: "step_failed", ...ref, code, message, retryable: false, handled: result.cancelled ? "cancelled" : "fatal" });
        return result;
      }
      outputs.push(result.output);
    }
    emit({ type: "step_finished", ...ref, output: outputs });
    return { ok: true, output: outputs };
  };

  const runStep = async (step: PlanStep): Promise<void> => {
    try {
      await waitFor(referencedSteps([step.input, step.when ?? null, step.forEach ?? null]));
      if (error) return;
      const result = await runNode(step, step.id, undefined);
      if (result.ok) outputs.set(step.id, result.output);
    } finally {
      finished.get(step.id)?.resolve();
    }
  };

  await Promise.all(plan.steps.filter((s) => !fallbacks.has(s.id)).map(runStep));
  deps.signal?.removeEventListener("abort", onAbort);

  const steps = Object.fromEntries(plan.steps.filter((s) => outputs.has(s.id)).map((s) => [s.id, outputs.get(s.id)]));
  if (!error) {
    let output: unknown;
    try {
      output = resolveReferences(plan.output, scope(undefined), { stepId: "output" });
    } catch (e) {
      stop(e instanceof PlanError ? e : new PlanError("reference_unresolved", String(e)));
    }
    if (!error) {
      emit({ type: "run_finished", ok: true, output });
      // onEvent may have thrown on run_finished itself: the run then fails, with no second event.
      return error ? { ok: false, error, steps } : { ok: true, output, steps };
    }
  }
  const failed = error as PlanError;
  emit({ type: "run_finished", ok: false, error: failed.toJSON() });
  return { ok: false, error: failed, steps };
}
