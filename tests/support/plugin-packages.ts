/** Builds real plugin packages for tests: a capability spec, code, and a manifest with its checksum. */
import { sha256 } from "../../src/events/index.ts";
import type { PluginPackage } from "../../src/hub/package-format.ts";
import type { Verification } from "../../src/hub/hub-service.ts";

export const doubleSpec = {
  capability: "double_it",
  description: "Twice the number.",
  inputSchema: { type: "object", properties: { n: { type: "number" } }, required: ["n"] },
  outputSchema: { type: "number" },
  constraints: ["deterministic", "schema_validated"] as ("deterministic" | "schema_validated" | "pure")[],
  examples: [{ input: { n: 2 }, output: 4 }, { input: { n: -3 }, output: -6 }],
  tests: [{ name: "golden_1", input: { n: 10 }, output: 20 }],
};

export const GOOD_CODE = "export default function (input) { return input.n * 2; }\n";
export const GOOD_CODE_V2 = "export default function (input) { const n = input.n; return n + n; }\n";
export const WRONG_CODE = "export default function (input) { return input.n * 3; }\n";

export function makePackage(version: string, code = GOOD_CODE, overrides: Partial<PluginPackage["manifest"]> = {}): PluginPackage {
  return {
    format: "capsmith-plugin/v1",
    manifest: {
      id: `${doubleSpec.capability}@${version}`,
      capability: doubleSpec.capability,
      version,
      apiVersion: "capsmith.plugin/v1",
      hostRange: ">=0.1.0",
      profile: "node",
      permissions: {},
      dependencies: {},
      limits: { memoryMB: 64, timeoutMs: 1_000 },
      checksum: `sha256:${sha256(code)}`,
      provenance: { origin: "authored" },
      ...overrides,
    },
    code,
    spec: doubleSpec,
  };
}

/** The verify phase tests use: the checksum must match the code (preflight proper has its own tests). */
export function checksumVerify(pkg: PluginPackage): Verification {
  const found = `sha256:${sha256(pkg.code)}`;
  if (found === pkg.manifest.checksum) return { ok: true, problems: [] };
  return {
    ok: false,
    problems: [{ code: "checksum_mismatch", field: "manifest.checksum", message: "code does not match its checksum" }],
    tamper: { check: "checksum", expected: pkg.manifest.checksum, found },
  };
}

/**
 * A plugin that repeats what it is given and, asked to, fails with that text as its error message:
 * how a hostile plugin (or a hostile input) gets bytes of its choosing in front of a terminal.
 */
export function echoPackage(): PluginPackage {
  const code = "export default function (input) {\n  console.log(input.text);\n  if (input.fail) throw new Error(input.text);\n  return input.text;\n}\n";
  const spec = {
    capability: "echo_text",
    description: "The text it is given.",
    inputSchema: { type: "object", properties: { text: { type: "string" }, fail: { type: "boolean" } }, required: ["text"] },
    outputSchema: { type: "string" },
    constraints: ["deterministic"] as ("deterministic" | "schema_validated" | "pure")[],
    examples: [{ input: { text: "hi" }, output: "hi" }],
  };
  const pkg = makePackage("1.0.0", code);
  return { ...pkg, manifest: { ...pkg.manifest, id: "echo_text@1.0.0", capability: "echo_text" }, spec };
}
