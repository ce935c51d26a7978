/**
 * `npm run bench -- hub [--installs N]`: install (all five phases, health check in the sandbox
 * included) of a small plugin on the embedded log; each install is a new version of one capability,
 * so every one after the first is an update. Then what the hub fold costs on that log from scratch,
 * and the part of it that checks each install's package (projections/package-consistency.ts: the
 * code's sha256 among it), for this small package and for one with code at the 1 MB package limit.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ALL_EVENTS, sha256 } from "../src/events/index.ts";
import type { AnyStoredEvent } from "../src/events/index.ts";
import { hub as hubProjection, packageProblem } from "../projections/index.ts";
import type { InstallClaim } from "../projections/index.ts";
import { DEFAULT_POLICY } from "../src/hub/index.ts";
import type { PluginPackage } from "../src/hub/index.ts";
import { benchCapsmith } from "./_capsmith.ts";
import { flag, fmt, percentile, table } from "./_stats.ts";

const spec = {
  capability: "double_it",
  description: "Twice the number.",
  inputSchema: { type: "object", properties: { n: { type: "number" } }, required: ["n"] },
  outputSchema: { type: "number" },
  constraints: ["deterministic", "schema_validated"] as ("deterministic" | "schema_validated")[],
  examples: [{ input: { n: 2 }, output: 4 }, { input: { n: -3 }, output: -6 }],
  tests: [{ name: "golden_1", input: { n: 10 }, output: 20 }],
};

function pkg(i: number): PluginPackage {
  const code = `export default function (input) { return input.n * 2; } // build ${i}\n`;
  const version = `1.0.${i}`;
  return {
    format: "capsmith-plugin/v1",
    manifest: {
      id: `double_it@${version}`, capability: "double_it", version, apiVersion: "capsmith.plugin/v1", hostRange: ">=0.1.0", profile: "node",
      permissions: {}, dependencies: {}, limits: { memoryMB: 64, timeoutMs: 1_000 }, checksum: `sha256:${sha256(code)}`, provenance: { origin: "authored" },
    },
    code,
    spec,
    testReport: { id: `r${i}`, passed: 3, failed: 0, cases: [] },
  };
}

export async function run(args: string[]): Promise<void> {
  const n = flag(args, "installs", 50);
  const dir = await mkdtemp(join(tmpdir(), "capsmith-bench-hub-"));
  const capsmith = await benchCapsmith(dir, { policy: DEFAULT_POLICY });
  try {
    const hub = capsmith.runtime.hub;
    await hub.install(pkg(0), { source: "warm-up" });
    const times: number[] = [];
    for (let i = 1; i <= n; i++) {
      const started = performance.now();
      const outcome = await hub.install(pkg(i), { source: "bench" });
      times.push(performance.now() - started);
      if (!outcome.ok) throw new Error(`install ${i} failed: ${JSON.stringify(outcome.failure)}`);
    }
    times.sort((a, b) => a - b);
    console.log(table([
      ["measure", "installs", "p50 ms", "p90 ms", "max ms"],
      ["install, 5 phases + health check (embedded log)", n, percentile(times, 50).toFixed(1), percentile(times, 90).toFixed(1), times[times.length - 1]!.toFixed(1)],
    ]));
    console.log(`\nlog: ${fmt(await capsmith.log.lastSeq())} records`);
    const events: AnyStoredEvent[] = [];
    for await (const e of capsmith.log.read(ALL_EVENTS)) events.push(e);
    console.log(`\n${table(foldCost(events, n))}`);
  } finally {
    await capsmith.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Median of `rounds` timings of `work`, in ms. */
function medianMs(rounds: number, work: () => void): number {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return percentile(times.sort((a, b) => a - b), 50);
}

/** The hub fold from scratch over `events`, and the package checks within it, per install. */
function foldCost(events: AnyStoredEvent[], installs: number): (string | number)[][] {
  const claims = events.filter((e) => e.type === "InstallStarted").map((e) => e.data as unknown as InstallClaim);
  const fold = medianMs(21, () => void events.reduce((state, e) => hubProjection.apply(state, e), hubProjection.initial()));
  const checks = medianMs(21, () => void claims.forEach((c) => packageProblem(c)));
  const big = "// ".padEnd(999_000, "x") + "\nexport default function (input) { return input.n * 2; }\n";
  const bigClaim: InstallClaim = { ...claims[0]!, package: { ...claims[0]!.package, code: big, manifest: { ...(claims[0]!.package["manifest"] as object), checksum: `sha256:${sha256(big)}` } } };
  const bigCheck = medianMs(21, () => void packageProblem(bigClaim));
  return [
    ["measure (median of 21)", "events", "ms", "µs per install"],
    ["hub fold from scratch, package checks included", events.length, fold.toFixed(2), ((fold / (installs + 1)) * 1_000).toFixed(1)],
    ["of which: package checks (sha256 of the code ...)", claims.length, checks.toFixed(2), ((checks / claims.length) * 1_000).toFixed(1)],
    ["one package check, code at the 1 MB limit", 1, bigCheck.toFixed(2), (bigCheck * 1_000).toFixed(1)],
  ];
}
