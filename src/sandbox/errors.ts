import { CapsmithError, MAX_JSON_DEPTH } from "../events/index.ts";

/**
 * Every way a plugin load or call can fail. Plugin-caused failures (`timeout`, `memory_limit`,
 * `plugin_error`, ...) are returned as values from `call`; `sandbox_crashed` means the worker
 * process running the plugin died and was replaced. `timeout`, `memory_limit` and `sandbox_crashed`
 * are only ever decided from what the host observed (its timers, heap statistics, the worker's
 * resident memory, the process's exit), never from anything the plugin says.
 */
export type SandboxErrorCode =
  | "scan_rejected"
  | "invalid_plugin"
  | "not_loaded"
  | "invalid_input"
  | "input_too_large"
  | "result_too_large"
  | "output_invalid"
  | "output_too_deep"
  | "timeout"
  | "memory_limit"
  | "permission_denied"
  | "rate_limited"
  | "budget_exceeded"
  | "llm_unavailable"
  | "fetch_failed"
  | "plugin_error"
  | "sandbox_crashed"
  | "cancelled"
  | "host_closed";

const nextSteps: Record<SandboxErrorCode, string> = {
  scan_rejected: "Fix the findings the static scan lists (each has a line and column), then load the plugin again.",
  invalid_plugin: "Check that the code is an ES module whose default export is a function (input, host) => output.",
  not_loaded: "Load the plugin with host.load(...) before calling it.",
  invalid_input: "Pass a JSON value (no functions, BigInts, cycles or undefined) as the input.",
  input_too_large: "Send a smaller input, or raise the host's maxInputBytes.",
  result_too_large: "Return a smaller result, or raise the host's maxResultBytes.",
  output_invalid: "Make the plugin return a value that matches the capability's output schema (see details.issues).",
  output_too_deep: `Return flatter data: plugin output and host-operation arguments may nest at most ${MAX_JSON_DEPTH} levels.`,
  timeout: "Make the plugin finish within its time limit, or raise limits.timeoutMs in its manifest.",
  memory_limit: "Make the plugin use less memory, or raise limits.memoryMB in its manifest.",
  permission_denied: "Grant the operation in the plugin's manifest (profile and permissions); elevated grants need operator approval.",
  rate_limited: "Make fewer host calls per plugin call.",
  budget_exceeded: "Wait for the budget to reset or raise the agent profile's token/cost budget.",
  llm_unavailable: "Configure a completion backend for the agent profile.",
  fetch_failed: "Check that the allowed host is up and answers in time.",
  plugin_error: "Read the message and stack: the plugin threw. Fix the plugin code.",
  sandbox_crashed: "The worker process running the plugin died and was replaced; retry, and if it repeats, treat the plugin as hostile.",
  cancelled: "The call this one was made for (a host.invoke root) ended first; nothing needs doing.",
  host_closed: "Create a new plugin host; this one was closed.",
};

const retryable: ReadonlySet<SandboxErrorCode> = new Set(["sandbox_crashed", "rate_limited", "fetch_failed"]);

export class SandboxError extends CapsmithError<SandboxErrorCode> {
  override name = "SandboxError";

  constructor(code: SandboxErrorCode, message: string, options: { details?: Record<string, unknown>; cause?: unknown; nextStep?: string } = {}) {
    super(code, message, { nextStep: options.nextStep ?? nextSteps[code], retryable: retryable.has(code), details: options.details, cause: options.cause });
  }
}

export function isSandboxErrorCode(code: string): code is SandboxErrorCode {
  return Object.hasOwn(nextSteps, code);
}
