/** Real plugin packages for the contract tests: total_cost, word_count (1.x numbers, 2.x strings), wc_double. */
import { sha256 } from "../../src/events/index.ts";
import type { PluginPackage } from "../../src/hub/index.ts";

export interface PackageOptions {
  capability: string;
  version?: string;
  code: string;
  inputSchema: Record<string, unknown>;
  outputSchema: Record<string, unknown>;
  examples: { input: unknown; output: unknown }[];
  dependencies?: Record<string, string>;
}

export function packageOf(o: PackageOptions): PluginPackage {
  const version = o.version ?? "1.0.0";
  return {
    format: "capsmith-plugin/v1",
    manifest: {
      id: `${o.capability}@${version}`, capability: o.capability, version, apiVersion: "capsmith.plugin/v1", hostRange: ">=0.1.0", profile: "node",
      permissions: {}, dependencies: o.dependencies ?? {}, limits: { memoryMB: 64, timeoutMs: 5_000 }, checksum: `sha256:${sha256(o.code)}`, provenance: { origin: "authored" },
    },
    code: o.code,
    spec: { capability: o.capability, description: `${o.capability} for tests`, inputSchema: o.inputSchema, outputSchema: o.outputSchema, constraints: ["deterministic"], examples: o.examples },
  };
}

export const TOTAL_COST_SPEC = {
  description: "Sum of qty * price over the items.",
  inputSchema: { type: "object", properties: { items: { type: "array", items: { type: "object", properties: { qty: { type: "number" }, price: { type: "number" } }, required: ["qty", "price"] } } }, required: ["items"] },
  outputSchema: { type: "number" },
  examples: [{ input: { items: [{ qty: 2, price: 3 }] }, output: 6 }],
};

export const totalCost = (version = "1.0.0", code = "export default (i) => i.items.map((x) => x.qty * x.price).reduce((a, b) => a + b, 0);\n"): PluginPackage =>
  packageOf({ capability: "total_cost", version, code, ...TOTAL_COST_SPEC });

const TEXT_IN = { type: "object", properties: { text: { type: "string" } }, required: ["text"] };

/** word_count 1.x answers an integer; 2.x a string (a new major: it returns what 1.x never did). */
export const wordCount = (version: string): PluginPackage =>
  semverMajor(version) >= 2
    ? packageOf({ capability: "word_count", version, code: "export default (i) => String(i.text.split(/\\s+/).filter(Boolean).length);\n", inputSchema: TEXT_IN, outputSchema: { type: "string" }, examples: [{ input: { text: "a b" }, output: "2" }] })
    : packageOf({ capability: "word_count", version, code: "export default (i) => i.text.split(/\\s+/).filter(Boolean).length;\n", inputSchema: TEXT_IN, outputSchema: { type: "integer", minimum: 0 }, examples: [{ input: { text: "a b" }, output: 2 }] });

/** Twice word_count's answer, through host.invoke; declares word_count ^1.0.0. */
export const wcDouble = (): PluginPackage =>
  packageOf({
    capability: "wc_double",
    code: "export default async (i, host) => { const n = await host.invoke(\"word_count\", { text: i.text }); return typeof n === \"number\" ? n * 2 : null; }\n",
    inputSchema: TEXT_IN, outputSchema: { type: "integer" }, examples: [{ input: { text: "a b c" }, output: 6 }], dependencies: { word_count: "^1.0.0" },
  });

function semverMajor(v: string): number {
  return Number(v.split(".")[0]);
}
