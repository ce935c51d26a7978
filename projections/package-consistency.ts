/**
 * Whether an install's package could run as the event says it would: the hub fold refuses one that
 * could not, so the read model never shows as installed or active a package the runtime would refuse
 * to load. Only what the runtime checks at load (src/agents/invoke.ts, src/sandbox/prepare-plugin.ts)
 * and what the hub keys it by: the code hashes to the manifest's checksum, the manifest names the
 * plugin, capability and version the event does, the spec is there and is the same capability's,
 * and the profile, network hosts and limits are ones the sandbox accepts. Pure (hashing is
 * computation): every reader folds the same events to the same answer.
 *
 * Not the whole of preflight: the static scan and the schemas' compilation are left to install time
 * (docs/threat-model.md says what a governor's key can still put in the log past them).
 */
import { checksumOf } from "../src/hub/manifest.ts";
import { parseNetRule } from "../src/sandbox/net-allowlist.ts";
import { DEFAULT_MAX_CODE_BYTES, MAX_PLUGIN_KEY_LENGTH, PROFILES } from "../src/sandbox/types.ts";

/** What an InstallStarted carries (the catalog types the package as an open record). */
export interface InstallClaim {
  pluginId: string;
  capability: string;
  version: string;
  package: Record<string, unknown>;
}

/** Why the package cannot be what the install says it is, or null when it can. */
export function packageProblem(d: InstallClaim): string | null {
  const pkg = d.package;
  const manifest = record(pkg["manifest"]);
  if (!manifest) return "the package has no manifest";
  const code = pkg["code"];
  if (typeof code !== "string" || code.length === 0) return "the package has no code";
  const spec = record(pkg["spec"]);
  if (!spec) return "the package has no spec";
  if (d.pluginId !== `${d.capability}@${d.version}`) return `the install names ${d.pluginId} for ${d.capability} ${d.version}`;
  if (manifest["id"] !== d.pluginId) return `the manifest is ${String(manifest["id"])}, the install ${d.pluginId}`;
  if (manifest["capability"] !== d.capability) return `the manifest is for ${String(manifest["capability"])}, the install for ${d.capability}`;
  if (manifest["version"] !== d.version) return `the manifest is version ${String(manifest["version"])}, the install ${d.version}`;
  if (spec["capability"] !== d.capability) return `the spec is for ${String(spec["capability"])}, the install for ${d.capability}`;
  // The invoker refuses to load code that does not hash to its manifest's checksum (tamper_detected),
  // and code with a lone surrogate has no checksum (checksumOf).
  if (!code.isWellFormed()) return "the code holds a lone surrogate, so it has no checksum";
  if (checksumOf(code) !== manifest["checksum"]) return "the code does not hash to the manifest's checksum";
  // The sandbox loads it as `id#checksum` (src/agents/invoke.ts) and refuses a longer key or code.
  if (`${d.pluginId}#${String(manifest["checksum"])}`.length > MAX_PLUGIN_KEY_LENGTH) return `the plugin id is too long for the sandbox to load (${MAX_PLUGIN_KEY_LENGTH} characters with its checksum)`;
  if (Buffer.byteLength(code, "utf8") > DEFAULT_MAX_CODE_BYTES) return `the code is over the sandbox's ${DEFAULT_MAX_CODE_BYTES} bytes`;
  return loadProblem(manifest);
}

/** What the sandbox would refuse at load (prepare-plugin.ts), from the manifest alone. */
function loadProblem(manifest: Record<string, unknown>): string | null {
  const profile = manifest["profile"] ?? "node";
  if (typeof profile !== "string" || !(PROFILES as readonly string[]).includes(profile)) return `the manifest's profile ${String(profile)} is not one the sandbox runs`;
  const permissions = manifest["permissions"] === undefined ? {} : record(manifest["permissions"]);
  if (!permissions) return "the manifest's permissions are not an object";
  const net = permissions["net"];
  if (net !== undefined && (!Array.isArray(net) || (net.length > 0 && profile !== "integration"))) return "the manifest grants network hosts to a profile that may not fetch";
  for (const entry of (net ?? []) as unknown[]) {
    if (typeof entry !== "string" || typeof parseNetRule(entry) === "string") return `the manifest's net allowlist entry ${JSON.stringify(entry)} is not one the sandbox parses`;
  }
  const limits = manifest["limits"] === undefined ? {} : record(manifest["limits"]);
  if (!limits) return "the manifest's limits are not an object";
  if (!within(limits["memoryMB"], 8, 4096) || !within(limits["timeoutMs"], 1, 600_000)) return "the manifest's limits are outside what the sandbox allows";
  return null;
}

function within(value: unknown, min: number, max: number): boolean {
  return value === undefined || (Number.isInteger(value) && (value as number) >= min && (value as number) <= max);
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
