/**
 * Plans (docs/plan-format.md): the zod schema and the checks behind `parsePlan`, references
 * (`$input`, `$steps.<id>`, `$item`), deterministic step and run ids, and `executePlan`, the step
 * scheduler that runs ready steps in parallel through an injected `invoke` and reports a tagged
 * `PlanRunEvent` stream. Pure: no clock, randomness or I/O except through the caller's `deps`.
 */
export { CONTINUE, DEFAULT_CONCURRENCY, STEP_ID } from "./constants.ts";
export { PlanError } from "./errors.ts";
export type { PlanErrorCode } from "./errors.ts";
export { parsePlan, planCapabilitySpecSchema, planSchema, planStepSchema } from "./plan-schema.ts";
export type { Plan, PlanCapabilitySpec, PlanInput, PlanStep } from "./plan-schema.ts";
export type { PlanIssue } from "./plan-checks.ts";
export { REFERENCE_PATTERN, classifyString, findReferences, parseReference, referencedSteps, resolveReference, resolveReferences } from "./references.ts";
export type { FoundString, Reference, ReferenceRoot, ReferenceScope, ResolveSite, StringKind } from "./references.ts";
export { ID_LENGTH, createStepIds, elementPath, fallbackPath, inputHash, planHash, runId, stepKey } from "./step-ids.ts";
export type { StepIds } from "./step-ids.ts";
export { executePlan } from "./executor.ts";
export type { PlanRunResult } from "./executor.ts";
export type {
  ExecutePlanDeps,
  PlanRunEvent,
  RunFinishedEvent,
  StepFailedEvent,
  StepFinishedEvent,
  StepInvocation,
  StepOutcome,
  StepRef,
  StepSkippedEvent,
  StepStartedEvent,
} from "./run-types.ts";
