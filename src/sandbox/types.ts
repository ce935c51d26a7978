import type { SandboxError } from "./errors.ts";

/** What a plugin may reach beyond pure computation (DESIGN.md: least privilege by default). */
export type Profile = "node" | "integration" | "agent" | "quality_gate";
export const PROFILES: readonly Profile[] = ["node", "integration", "agent", "quality_gate"];

export interface PluginPermissions {
  /** Hostnames `host.fetch` may reach (integration profile only); `*.example.com` matches subdomains. */
  net?: string[];
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
}

/** Resources one call used. CPU time is time holding the isolate's thread; heap figures are sampled at the end. */
export interface Usage {
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

export type ScanRule = "parse_error" | "no_default_export" | "import" | "dynamic_import" | "import_meta" | "eval" | "function_constructor" | "top_level_await";

export interface ScanFinding {
  rule: ScanRule;
  message: string;
  line: number;
  column: number;
}
