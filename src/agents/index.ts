/**
 * The agents and the loop: gap detector, synthesizer, tester and governor as reactors on the log;
 * the invoker that runs active plugins; plans and the runner that executes them, asking the agents
 * for capabilities it lacks. Decisions are functions of (state, event, injected clock and ids).
 */
export { startRuntime } from "./runtime.ts";
export type { Runtime, RuntimeOptions } from "./runtime.ts";
export { AGENT_ROLES } from "./loop/context.ts";
export type { AgentContext, AgentRole, LoopState, Reactor } from "./loop/context.ts";
export { heldForApproval, requestCapability } from "./request-capability.ts";
export { alreadyHeld, approvalNextStep } from "./held.ts";
export type { CapabilityAnswer, RequestOptions } from "./request-capability.ts";
export { createInvoker } from "./invoke.ts";
export { createCompletion } from "./llm-completion.ts";
export type { InvokeResult, Invoker } from "./invoke.ts";
export { decideGap } from "./gap-detector.ts";
export type { GapDecision } from "./gap-detector.ts";
export { createBackendChooser } from "./backends.ts";
export { describeAmbiguity, offeredOutputs } from "./synthesizer/index.ts";
export type { BackendChoice } from "./backends.ts";
export { runPlan } from "./run-plan.ts";
export type { RunOptions, RunOutcome, RunnerEvent } from "./run-plan.ts";
export { PlanError, parsePlan } from "./plan/index.ts";
export type { Plan } from "./plan/index.ts";
export type { AgentRunOptions } from "./loop/start-agents.ts";
export { tailLog } from "./loop/tail.ts";
export { waitForEvent } from "./loop/wait-for.ts";
export type { LogFollower } from "./loop/wait-for.ts";
export { findEvent } from "./loop/find-event.ts";
export { findDeadLetter, handBack, isAgentRole, readDeadLetters, redriveFor } from "./loop/redrive.ts";
export type { DeadLetter, HandBack, Redrive } from "./loop/redrive.ts";
export { RedriveError } from "./loop/errors.ts";
export type { RedriveErrorCode } from "./loop/errors.ts";
