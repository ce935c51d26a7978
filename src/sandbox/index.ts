/**
 * The sandbox: runs untrusted plugin code in isolated-vm isolates inside a pool of supervised
 * worker processes, behind `load / call / dispose`. Plugins see standard ECMAScript only, plus the
 * host functions their profile grants; every call has a wall-clock limit (promises included, every
 * one settled inside it), every isolate a memory limit and every worker a resident-memory budget,
 * and only size- and depth-capped JSON crosses the boundary. A plugin that crashes V8 takes down
 * one worker, which is replaced; the host process goes on. docs/sandbox.md has the whole model.
 */
export { createPluginHost } from "./plugin-host.ts";
export type { InvokeFn, InvokeRequest, PluginHost, PluginHostOptions, WorkerStats } from "./plugin-host.ts";
export { runPluginOnce } from "./run-once.ts";
export { scanPlugin } from "./static-scan.ts";
export type { ScanResult } from "./static-scan.ts";
export { SandboxError, isSandboxErrorCode } from "./errors.ts";
export type { SandboxErrorCode } from "./errors.ts";
export { DEFAULT_LLM_BUDGET } from "./llm-budget.ts";
export type { AgentLlmOptions, CompletionFn, LlmBudget, LlmRequest, LlmResponse } from "./llm-budget.ts";
export { MAX_OUTPUT_DEPTH } from "./safe-json.ts";
export { WORKER_MEMORY_MARGIN_MB } from "./worker-pool.ts";
export { PROFILES } from "./types.ts";
export type { CallOptions, CallResult, PluginDefinition, PluginHandle, PluginLimits, PluginLlmBudget, PluginPermissions, Profile, ScanFinding, ScanRule, Usage } from "./types.ts";
