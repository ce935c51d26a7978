/** What `executePlan` needs from its caller and what it reports: the ports and the event union. */

/** One capability call: a step, or one element of a `forEach` step, or a fallback in a step's place. */
export interface StepInvocation {
  /** The id of the step whose capability runs (for a fallback, the fallback step's id). */
  readonly id: string;
  /** Deterministic key of this invocation's path (see step-ids.ts). */
  readonly stepKey: string;
  /** `cost`, `enrich[3]`, `cost/fix`. */
  readonly path: string;
  readonly capability: string;
  /** The step's input with every reference resolved (a copy the callee may keep). */
  readonly input: unknown;
}

export type StepOutcome =
  | { readonly ok: true; readonly output: unknown }
  | { readonly ok: false; readonly code: string; readonly message: string; readonly retryable?: boolean; readonly nextStep?: string };

export interface ExecutePlanDeps {
  /** Runs one capability. Should settle soon after `signal` aborts; a rejection counts as a failure. */
  invoke(step: StepInvocation, signal: AbortSignal): Promise<StepOutcome>;
  /** Called synchronously for every event, in order. Must not throw (a throw stops the run). */
  onEvent?(event: PlanRunEvent): void;
  /** In-flight invocations at most; default 4. */
  concurrency?: number;
  /** Aborting it stops the run: no new invocations, in-flight ones see their signal abort. */
  signal?: AbortSignal;
}

/** Which node of the run an event is about. */
export interface StepRef {
  readonly stepId: string;
  readonly path: string;
  readonly stepKey: string;
  readonly capability: string;
}

/** An invocation begins (`input` set) or a forEach step fans out (`items` set). */
export interface StepStartedEvent extends StepRef {
  readonly type: "step_started";
  readonly input?: unknown;
  readonly items?: number;
}

export interface StepFinishedEvent extends StepRef {
  readonly type: "step_finished";
  readonly output: unknown;
}

/** `when` was false: the step's output is `null`. */
export interface StepSkippedEvent extends StepRef {
  readonly type: "step_skipped";
  readonly reason: "when_false";
}

/**
 * A node failed. `handled` says what happened next: `continue` (output `null`), `fallback` (the
 * step named in `fallback` runs in its place), `fatal` (the run fails), `cancelled` (the run had
 * already stopped). May come without `step_started` when resolving the step's references failed.
 */
export interface StepFailedEvent extends StepRef {
  readonly type: "step_failed";
  readonly code: string;
  readonly message: string;
  readonly retryable: boolean;
  readonly handled: "continue" | "fallback" | "fatal" | "cancelled";
  readonly fallback?: string;
}

export type RunFinishedEvent =
  | { readonly type: "run_finished"; readonly ok: true; readonly output: unknown }
  | { readonly type: "run_finished"; readonly ok: false; readonly error: Record<string, unknown> };

export type PlanRunEvent = StepStartedEvent | StepFinishedEvent | StepSkippedEvent | StepFailedEvent | RunFinishedEvent;
