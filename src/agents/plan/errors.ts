import { CapsmithError } from "../../events/index.ts";

export type PlanErrorCode =
  /** The plan does not follow docs/plan-format.md; `details.issues` lists each problem with its path. */
  | "invalid_plan"
  /** A reference named a path that is not there (`details.reference`, `details.stepId`). */
  | "reference_unresolved"
  /** A `forEach` reference resolved to something that is not a list. */
  | "foreach_not_list"
  /** A step's capability failed and the step has no `onError`; `details.cause` says why. */
  | "step_failed"
  /** The caller's abort signal fired before the run finished. */
  | "run_aborted"
  /** `deps.onEvent` threw; the run stops rather than go on with a broken observer. */
  | "event_handler_failed"
  /** `executePlan` was called with options it cannot honour (e.g. `concurrency: 0`). */
  | "invalid_options"
  /** The run's input cannot be recorded (a string or key with a lone surrogate, `details.path`): refused before any event. */
  | "invalid_input";

/** A plan that cannot be accepted or a run that cannot finish; `code` says which, `nextStep` what to do. */
export class PlanError extends CapsmithError<PlanErrorCode> {
  override name = "PlanError";
}
