/** Plugin sources, hub states and trust stores the hub tests build on. */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { HubState, KeysState, PluginRecord } from "../../projections/index.ts";
import { generateSigningKey } from "../../src/hub/keys.ts";
import type { KeyRole, SigningKey } from "../../src/hub/keys.ts";
import type { PluginSources } from "../../src/hub/pack.ts";
import { packPlugin } from "../../src/hub/pack.ts";
import type { PluginPackage } from "../../src/hub/package-format.ts";

export const CODE = "export default function (input) {\n  return input.items.reduce((sum, i) => sum + i.qty * i.price, 0);\n}\n";

export const SPEC = {
  capability: "total_cost",
  description: "Sum of qty * price over the items.",
  inputSchema: { type: "object", properties: { items: { type: "array" } }, required: ["items"] },
  outputSchema: { type: "number" },
  constraints: ["deterministic"],
  examples: [{ input: { items: [{ qty: 2, price: 3 }] }, output: 6 }],
};

export const TEST_REPORT = { id: "report-1", passed: 2, failed: 0, cases: [{ name: "example_1", ok: true }, { name: "golden_1", ok: true }] };

export function manifestFor(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const capability = (overrides["capability"] as string | undefined) ?? "total_cost";
  const version = (overrides["version"] as string | undefined) ?? "1.0.0";
  return {
    id: `${capability}@${version}`,
    capability,
    version,
    apiVersion: "capsmith.plugin/v1",
    hostRange: ">=0.1.0 <1.0.0",
    profile: "node",
    permissions: {},
    dependencies: {},
    limits: { memoryMB: 64, timeoutMs: 1000 },
    checksum: "sha256:placeholder",
    provenance: { origin: "authored" },
    ...overrides,
  };
}

export function sources(overrides: { manifest?: Record<string, unknown>; code?: string; spec?: Record<string, unknown>; testReport?: unknown } = {}): PluginSources {
  return {
    manifest: manifestFor(overrides.manifest),
    code: overrides.code ?? CODE,
    spec: { ...SPEC, ...overrides.spec },
    testReport: "testReport" in overrides ? overrides.testReport : TEST_REPORT,
  };
}

export function pack(overrides: Parameters<typeof sources>[0] = {}, key?: SigningKey): PluginPackage {
  return packPlugin(sources(overrides), key ? { key } : {});
}

export function trustStore(...entries: { key: SigningKey; role?: KeyRole; revoked?: boolean }[]): KeysState {
  const keys: KeysState["keys"] = {};
  entries.forEach(({ key, role, revoked }, i) => {
    keys[key.keyId] = { publicKey: key.publicKey, name: key.name, role: role ?? key.role, revoked: revoked ?? false, trustedSeq: i + 1, revokedSeq: revoked ? 99 : null, revokedReason: revoked ? "compromised" : null };
  });
  return { keys };
}

export const emptyHub = (): HubState => ({ capabilities: {}, plugins: {}, pendingApprovals: {} });

/** A hub with these packages installed, the last of each capability active. */
export function hubWith(...pkgs: PluginPackage[]): HubState {
  const hub = emptyHub();
  pkgs.forEach((p, i) => {
    const record: PluginRecord = {
      id: p.manifest.id,
      capability: p.manifest.capability,
      version: p.manifest.version,
      status: "active",
      tier: "T1",
      profile: p.manifest.profile,
      manifest: p.manifest as unknown as Record<string, unknown>,
      code: p.code,
      spec: p.spec as unknown as Record<string, unknown>,
      testReport: null,
      installedSeq: i + 1,
      changedSeq: i + 1,
      approvals: [],
      usage: { calls: 0, failures: 0 },
    };
    const cap = (hub.capabilities[record.capability] ??= { active: null, versions: [], history: [] });
    for (const id of cap.versions) if (hub.plugins[id]) hub.plugins[id].status = "inactive";
    cap.versions.push(record.id);
    cap.active = record.id;
    hub.plugins[record.id] = record;
  });
  return hub;
}

export const publisher = (name = "acme"): SigningKey => generateSigningKey(name, "publisher");

/** Writes a plugin directory for `capsmith plugin pack`. */
export async function writePluginDir(dir: string, src: PluginSources = sources()): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "manifest.json"), JSON.stringify(src.manifest, null, 2));
  await writeFile(join(dir, "plugin.js"), src.code);
  await writeFile(join(dir, "spec.json"), JSON.stringify(src.spec, null, 2));
  if (src.testReport !== undefined) await writeFile(join(dir, "test-report.json"), JSON.stringify(src.testReport, null, 2));
  return dir;
}
