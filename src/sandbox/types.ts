import type { SandboxError } from "./errors.ts";

/** What a plugin may reach beyond pure computation (docs/architecture.md: least privilege by default). */
export type Profile = "node" | "integration" | "agent" | "quality_gate";
export const PROFILES: readonly Profile[] = ["node", "integration", "agent", "quality_gate"];

/** The longest id the sandbox loads a plugin under (the invoker's is `id#checksum`). */
export const MAX_PLUGIN_KEY_LENGTH = 200;

/** A plugin's code, in UTF-8 bytes, unless the host is given another limit. */
export const DEFAULT_MAX_CODE_BYTES = 1024 * 1024;

export interface PluginPermissions {
  /**
   * Where `host.fetch` may connect (integration profile only): `host` (the scheme's default port) or
   * `host:port`; `*.example.com` matches subdomains. A name that resolves to a loopback, private or
   * link-local address is refused unless an entry names that address itself (docs/sandbox.md).
   */
  net?: string[];
}

/** The manifest's `permissions.llm`: narrows the host's LLM budget for this plugin. */
export interface PluginLlmBudget {
  maxTokensPerCall?: number;
  maxCostPerDay?: number;
}

export interface PluginLimits {
  /** Isolate memory limit in MB (default 64, minimum 8). */
  memoryMB?: number;
  /** Wall-clock limit per call in ms, promises included (default 1,000). */
  timeoutMs?: number;
}

export interface PluginDefinition {
  id: string;
  /** ES module source whose default export is `(input, host) => output | Promise<output>`. */
  code: string;
  profile?: Profile;
  permissions?: PluginPermissions;
  limits?: PluginLimits;
  /** JSON Schema of the output; when given, every output is validated (`output_invalid`). */
  outputSchema?: Record<string, unknown> | boolean;
  /** Capabilities the plugin may call with `host.invoke` (its manifest's dependencies). */
  dependencies?: string[];
  /** Static-scan rules this plugin is exempt from, by policy (e.g. `["eval"]`). */
  allow?: ScanRule[];
  /** The manifest's LLM budget (agent profile), within the host's. */
  llm?: PluginLlmBudget;
}

export interface PluginHandle {
  readonly id: string;
  readonly profile: Profile;
}

export interface CallOptions {
  /** The clock inside the plugin (`Date.now()`), ms since the epoch; default: the host's clock. */
  now?: number;
  /** Seed of `Math.random` inside the plugin; default 0. */
  seed?: number | string;
  /** Overrides the plugin's limits.timeoutMs for this call. */
  timeoutMs?: number;
  /** Capabilities already on the stack above this call (`host.invoke` chains), for cycle detection. */
  chain?: readonly string[];
  /**
   * The root call's deadline (`performance.now()` ms) for a nested call: the call gets what is left
   * of it when a worker starts it, never more than its own limit.
   */
  deadline?: number;
  /** Cancels the call: a queued call is dropped, a running one ended (`cancelled`). */
  signal?: AbortSignal;
  /** A nested call's root (InvokeRequest.root): it may run on the workers its tree holds. */
  root?: number;
}

/**
 * Resources one call used. `queueMs` is the time the call waited for a worker (and for its worker's
 * thread between host operations); `wallMs` is the time it ran. CPU time is time holding the
 * isolate's thread; heap figures are sampled at the end.
 */
export interface Usage {
  queueMs: number;
  wallMs: number;
  cpuMs: number;
  heapUsedBytes: number;
  heapPeakBytes: number;
  now: number;
  seed: string;
}

export type CallResult =
  | { ok: true; output: unknown; usage: Usage; logs: string[] }
  | { ok: false; error: SandboxError; usage?: Usage; logs: string[] };

export type ScanRule =
  | "parse_error"
  | "no_default_export"
  | "import"
  | "dynamic_import"
  | "import_meta"
  | "eval"
  | "function_constructor"
  | "top_level_await"
  | "html_comment"
  | "reserved_name";

export interface ScanFinding {
  rule: ScanRule;
  message: string;
  line: number;
  column: number;
}
