/**
 * The synthesizer: backends that turn a capability spec into a plugin (code + golden tests). Today
 * the offline `example` backend (programming by example); the `llm` backend and the agent that
 * reacts to gap events use the same `SynthesisBackend` interface.
 */
export { createExampleBackend } from "./example-backend.ts";
export type { ExampleBackendOptions } from "./example-backend.ts";
export { DEFAULT_BUDGET_MS } from "./backend.ts";
export type { GoldenTest, SynthesisBackend, SynthesisOptions, SynthesisResult } from "./backend.ts";
export { SynthesizerError } from "./errors.ts";
export type { SynthesizerErrorCode } from "./errors.ts";
export { evaluate } from "./evaluate.ts";
export { FAIL } from "./ops.ts";
export { emitFunction } from "./emit.ts";
export type { Expr, Json } from "./types.ts";
