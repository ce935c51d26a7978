/**
 * Runs a plugin's golden cases (its spec's examples and tests) in the sandbox and compares outputs
 * by the spec's rules. The install health check uses it; so does the tester agent.
 */
import { eventText, wellFormedDeep } from "../events/index.ts";
import { jsonEqual } from "../spec/index.ts";
import type { PluginHost, Profile } from "../sandbox/index.ts";
import type { PluginPackage } from "./package-format.ts";

/** Golden cases run under a fixed clock (2026-01-01), so their results do not depend on when. */
const FIXED_NOW = Date.UTC(2026, 0, 1);

export interface CaseResult {
  name: string;
  ok: boolean;
  latencyMs: number;
  error?: string;
  code?: string;
  /** A wrong output as the plugin gave it, when it is small enough to keep in the report. */
  got?: unknown;
}

/** Wrong outputs up to this size (as JSON) are kept whole in the report, so people can read them. */
const MAX_KEPT_OUTPUT = 4_096;

export interface GoldenReport {
  passed: number;
  failed: number;
  cases: CaseResult[];
  /** With `checkDeterminism`: every case gave the same output under another seed and clock. */
  deterministic?: boolean;
}

/**
 * Who runs a package's golden cases: the install's health check (the governor's) or a test run (the
 * tester's, or `capsmith plugin test`). The load id says which, so the calls the package makes
 * through host.invoke are recorded as that check's, never as production usage (src/agents/invoke.ts).
 */
export type CheckRole = "governor" | "tester";

const CHECK_PREFIX: Record<CheckRole, string> = { governor: "health:", tester: "test:" };

/** The sandbox load id golden cases run under, for `role`'s check of `id`. */
export function checkLoadId(role: CheckRole, id: string): string {
  return `${CHECK_PREFIX[role]}${id}`;
}

/** The role whose check a load id is (checkLoadId), or undefined for any other load (production's). */
export function checkRoleOf(loadId: string): { role: CheckRole; id: string } | undefined {
  for (const role of Object.keys(CHECK_PREFIX) as CheckRole[]) {
    if (loadId.startsWith(CHECK_PREFIX[role])) return { role, id: loadId.slice(CHECK_PREFIX[role].length) };
  }
  return undefined;
}

export interface GoldenOptions {
  /** Run each case a second time with another Math.random seed and Date, and compare. */
  checkDeterminism?: boolean;
}

export async function runGoldenCases(host: PluginHost, pkg: Pick<PluginPackage, "manifest" | "code" | "spec">, loadId: string, options: GoldenOptions = {}): Promise<GoldenReport> {
  const { manifest, spec } = pkg;
  const handle = await host.load({
    id: loadId,
    code: pkg.code,
    profile: manifest.profile as Profile,
    permissions: manifest.permissions.net ? { net: manifest.permissions.net } : {},
    dependencies: Object.keys(manifest.dependencies),
    limits: { memoryMB: manifest.limits.memoryMB, timeoutMs: manifest.limits.timeoutMs },
    ...(spec.constraints.includes("schema_validated") ? { outputSchema: spec.outputSchema } : {}),
  });
  const cases = [
    ...spec.examples.map((e, i) => ({ name: `example_${i + 1}`, input: e.input, output: e.output })),
    ...(spec.tests ?? []),
  ];
  const results: CaseResult[] = [];
  let deterministic = true;
  try {
    for (const c of cases) {
      const started = performance.now();
      // The plugin under test is the root of any host.invoke chain, so a cycle back to it is caught.
      const chain = [manifest.capability];
      const result = await host.call(handle, c.input, { seed: 1, now: FIXED_NOW, chain });
      const latencyMs = performance.now() - started;
      // Reports go into events (PluginTested, a rollback's message): every text a plugin chose is made
      // recordable here, and cuts keep surrogate pairs whole.
      if (!result.ok) results.push({ name: c.name, ok: false, latencyMs, code: result.error.code, error: eventText(result.error.message) });
      else if (!jsonEqual(result.output, c.output)) {
        const got = JSON.stringify(result.output) ?? "undefined";
        results.push({
          name: c.name, ok: false, latencyMs, code: "wrong_output", error: eventText(`expected ${JSON.stringify(c.output)}, got ${got}`, 500),
          ...(got.length <= MAX_KEPT_OUTPUT && result.output !== undefined ? { got: wellFormedDeep(result.output) } : {}),
        });
      } else results.push({ name: c.name, ok: true, latencyMs });
      if (options.checkDeterminism && result.ok) {
        const again = await host.call(handle, c.input, { seed: 2, now: FIXED_NOW + 86_400_000, chain });
        if (!again.ok || !jsonEqual(again.output, result.output)) deterministic = false;
      }
    }
  } finally {
    host.dispose(handle);
  }
  const passed = results.filter((r) => r.ok).length;
  return { passed, failed: results.length - passed, cases: results, ...(options.checkDeterminism ? { deterministic } : {}) };
}
