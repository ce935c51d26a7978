/**
 * Runs a plugin's golden cases (its spec's examples and tests) in the sandbox and compares outputs
 * by the spec's rules. The install health check uses it; so does the tester agent.
 */
import { jsonEqual } from "../agents/spec/index.ts";
import type { PluginHost, Profile } from "../sandbox/index.ts";
import type { PluginPackage } from "./package-format.ts";

export interface CaseResult {
  name: string;
  ok: boolean;
  latencyMs: number;
  error?: string;
  code?: string;
}

export interface GoldenReport {
  passed: number;
  failed: number;
  cases: CaseResult[];
}

export async function runGoldenCases(host: PluginHost, pkg: Pick<PluginPackage, "manifest" | "code" | "spec">, loadId: string): Promise<GoldenReport> {
  const { manifest, spec } = pkg;
  const handle = await host.load({
    id: loadId,
    code: pkg.code,
    profile: manifest.profile as Profile,
    permissions: manifest.permissions.net ? { net: manifest.permissions.net } : {},
    limits: { memoryMB: manifest.limits.memoryMB, timeoutMs: manifest.limits.timeoutMs },
    ...(spec.constraints.includes("schema_validated") ? { outputSchema: spec.outputSchema } : {}),
  });
  const cases = [
    ...spec.examples.map((e, i) => ({ name: `example_${i + 1}`, input: e.input, output: e.output })),
    ...(spec.tests ?? []),
  ];
  const results: CaseResult[] = [];
  try {
    for (const c of cases) {
      const started = performance.now();
      const result = await host.call(handle, c.input);
      const latencyMs = performance.now() - started;
      if (!result.ok) results.push({ name: c.name, ok: false, latencyMs, code: result.error.code, error: result.error.message });
      else if (!jsonEqual(result.output, c.output)) {
        results.push({ name: c.name, ok: false, latencyMs, code: "wrong_output", error: `expected ${JSON.stringify(c.output)}, got ${JSON.stringify(result.output)}`.slice(0, 500) });
      } else results.push({ name: c.name, ok: true, latencyMs });
    }
  } finally {
    host.dispose(handle);
  }
  const passed = results.filter((r) => r.ok).length;
  return { passed, failed: results.length - passed, cases: results };
}
