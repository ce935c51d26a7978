/**
 * The synthesizer: backends that turn a capability spec into a plugin (code + golden tests): the
 * offline `example` backend (programming by example) and the `llm` backend (a chat model on any
 * OpenAI-compatible server, refined against the examples in the sandbox). The agent that reacts
 * to gap events uses the same `SynthesisBackend` interface.
 */
export { createExampleBackend, threadCpuMs } from "./example-backend.ts";
export { createThreadedExampleBackend } from "./threaded-backend.ts";
export { createFallbackBackend } from "./fallback-backend.ts";
export type { ExampleBackendOptions } from "./example-backend.ts";
export { createLlmBackend, DEFAULT_LLM_BUDGET_MS, DEFAULT_MAX_ROUNDS } from "./llm-backend.ts";
export type { LlmBackend, LlmBackendOptions, LlmRound, LlmSynthesisResult } from "./llm-backend.ts";
export { DEFAULT_LLM_MODEL } from "./llm-config.ts";
export type { LlmConfig } from "./llm-config.ts";
export { createSandboxEvaluator } from "./refine.ts";
export type { CandidateEvaluator, CaseFailure, SandboxEvaluatorOptions } from "./refine.ts";
export { DEFAULT_BUDGET_MS } from "./backend.ts";
export type { GoldenTest, SynthesisBackend, SynthesisOptions, SynthesisResult } from "./backend.ts";
export { SynthesizerError } from "./errors.ts";
export type { SynthesizerErrorCode } from "./errors.ts";
export { evaluate } from "./evaluate.ts";
export { FAIL } from "./ops.ts";
export { emitFunction } from "./emit.ts";
export type { Expr, Json } from "./types.ts";
export type { Ambiguity, Reading } from "./reading.ts";
export { describeAmbiguity, offeredOutputs } from "./reading.ts";
export { DSL_SUMMARY } from "./expressible.ts";
