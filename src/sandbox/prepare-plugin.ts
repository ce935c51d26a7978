/**
 * What a plugin definition becomes before anything runs: its limits, profile and net rules
 * checked, its code scanned, turned into the factory script a worker compiles, and that script
 * scanned as the engine will read it; its output schema compiled. Throws SandboxError
 * (`invalid_plugin`, `scan_rejected`) for a definition that cannot be loaded.
 */
import { SandboxError } from "./errors.ts";
import { moduleToFactoryScript } from "./module-transform.ts";
import { parseNetRule } from "./net-allowlist.ts";
import { compileOutputSchema } from "./output-schema.ts";
import type { OutputValidator } from "./output-schema.ts";
import type { WorkerPluginConfig } from "./protocol.ts";
import { utf8Length } from "./safe-json.ts";
import { scanCompiled, scanPlugin } from "./static-scan.ts";
import { MAX_PLUGIN_KEY_LENGTH, PROFILES } from "./types.ts";
import type { PluginDefinition, PluginLlmBudget, Profile, ScanFinding } from "./types.ts";

export interface HostLimits {
  maxCodeBytes: number;
  maxInputBytes: number;
  maxResultBytes: number;
  maxLogLines: number;
  maxLogChars: number;
  maxHostOpsPerCall: number;
}

export interface PreparedPlugin {
  profile: Profile;
  net: string[];
  timeoutMs: number;
  validate: OutputValidator | undefined;
  llm: PluginLlmBudget | undefined;
  config: WorkerPluginConfig;
}

export function preparePlugin(def: PluginDefinition, key: string, limits: HostLimits): PreparedPlugin {
  if (typeof def.id !== "string" || def.id.length === 0 || def.id.length > MAX_PLUGIN_KEY_LENGTH) throw new SandboxError("invalid_plugin", `a plugin needs an id of 1 to ${MAX_PLUGIN_KEY_LENGTH} characters`);
  if (typeof def.code !== "string") throw new SandboxError("invalid_plugin", `plugin ${def.id} has no code`);
  if (utf8Length(def.code) > limits.maxCodeBytes) throw new SandboxError("invalid_plugin", `the code of ${def.id} is over ${limits.maxCodeBytes} bytes`);
  const profile: Profile = def.profile ?? "node";
  if (!PROFILES.includes(profile)) throw new SandboxError("invalid_plugin", `unknown profile ${String(profile)}; use one of ${PROFILES.join(", ")}`);
  const net = def.permissions?.net ?? [];
  if (net.length > 0 && profile !== "integration") {
    throw new SandboxError("invalid_plugin", `plugin ${def.id} asks for network hosts but its profile is ${profile}; only the integration profile may fetch`);
  }
  for (const entry of net) {
    const rule = parseNetRule(entry);
    if (typeof rule === "string") throw new SandboxError("invalid_plugin", `plugin ${def.id}: net allowlist entry ${rule}`);
  }
  const memoryMB = def.limits?.memoryMB ?? 64;
  const timeoutMs = def.limits?.timeoutMs ?? 1_000;
  if (!Number.isInteger(memoryMB) || memoryMB < 8 || memoryMB > 4096) throw new SandboxError("invalid_plugin", `limits.memoryMB must be an integer from 8 to 4096, not ${memoryMB}`);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 600_000) throw new SandboxError("invalid_plugin", `limits.timeoutMs must be an integer from 1 to 600000, not ${timeoutMs}`);
  const allow = def.allow ?? [];
  const scan = scanPlugin(def.code, allow);
  if (scan.findings.length > 0 || !scan.program) rejected(def.id, scan.findings);
  const factorySource = moduleToFactoryScript(def.code, scan.program!);
  const compiled = scanCompiled(factorySource, allow);
  if (compiled.length > 0) rejected(def.id, compiled);
  const validate = def.outputSchema === undefined ? undefined : compileOutputSchema(def.outputSchema, def.id);
  const config: WorkerPluginConfig = {
    key,
    pluginId: def.id,
    factorySource,
    profile,
    net,
    dependencies: def.dependencies ?? [],
    memoryMB,
    allowCodegen: allow.includes("eval") || allow.includes("function_constructor"),
    maxResultChars: limits.maxResultBytes,
    maxLogLines: limits.maxLogLines,
    maxLogChars: limits.maxLogChars,
    maxHostArgChars: limits.maxInputBytes,
    maxHostOpsPerCall: limits.maxHostOpsPerCall,
  };
  return { profile, net, timeoutMs, validate, llm: def.llm, config };
}

function rejected(id: string, findings: ScanFinding[]): never {
  const first = findings[0];
  throw new SandboxError("scan_rejected", `plugin ${id} failed the static scan: ${first ? `${first.message} (line ${first.line}, column ${first.column})` : "it does not parse"}`, {
    details: { findings },
  });
}
