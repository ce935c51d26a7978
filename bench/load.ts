/**
 * `npm run bench -- load [--seconds 60] [--plugins 100] [--runs 4]`: sustained load on a hub with
 * many active plugins. Installs N authored plugins (one capability each, all five phases) through
 * the governed hub, then measures plugin invocations (resolve in the hub, run in the sandbox, record
 * usage on the log): first one caller alone (idle latency), then `--runs` concurrent callers cycling
 * through every plugin for `--seconds`. Once on the embedded log, once on JetStream (a nats-server of
 * its own). Goal: zero errors, p99 under load within 2x of the idle p99. The sandbox column is the
 * part of each call spent in the sandbox (waiting for a worker plus running), from its usage.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Runtime } from "../src/agents/index.ts";
import { sha256 } from "../src/events/index.ts";
import { DEFAULT_POLICY } from "../src/hub/index.ts";
import type { PluginPackage } from "../src/hub/index.ts";
import { startNatsServer } from "../tests/support/nats-server.ts";
import { benchCapsmith } from "./_capsmith.ts";
import { flag, fmt, percentile, table } from "./_stats.ts";

function pkg(i: number): PluginPackage {
  const capability = `load_${String(i).padStart(3, "0")}`;
  const code = `export default function (input) { return input.n * ${i + 2}; }\n`;
  return {
    format: "capsmith-plugin/v1",
    manifest: {
      id: `${capability}@1.0.0`, capability, version: "1.0.0", apiVersion: "capsmith.plugin/v1", hostRange: ">=0.1.0", profile: "node",
      permissions: {}, dependencies: {}, limits: { memoryMB: 64, timeoutMs: 1_000 }, checksum: `sha256:${sha256(code)}`, provenance: { origin: "authored" },
    },
    code,
    spec: {
      capability,
      description: `The number times ${i + 2}.`,
      inputSchema: { type: "object", properties: { n: { type: "number" } }, required: ["n"] },
      outputSchema: { type: "number" },
      constraints: ["deterministic", "schema_validated"],
      examples: [{ input: { n: 1 }, output: i + 2 }, { input: { n: 3 }, output: 3 * (i + 2) }],
      tests: [{ name: "golden_1", input: { n: 10 }, output: 10 * (i + 2) }],
    },
    testReport: { id: `r${i}`, passed: 3, failed: 0, cases: [] },
  };
}

interface Phase {
  calls: number;
  errors: number;
  ms: number;
  latencies: number[];
  /** The sandbox's part of each call: queue time plus run time. */
  sandbox: number[];
}

/** `callers` loops, each invoking the plugins in turn (offset per caller) until the deadline. */
async function drive(runtime: Runtime, capabilities: readonly string[], callers: number, seconds: number): Promise<Phase> {
  const latencies: number[] = [];
  const sandbox: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1_000;
  await Promise.all(
    Array.from({ length: callers }, async (_, c) => {
      for (let i = c * 17; performance.now() < deadline; i++) {
        const capability = capabilities[i % capabilities.length]!;
        const t = performance.now();
        try {
          const plugin = runtime.invoker.resolve(await runtime.readModel.state("hub"), capability);
          if (!plugin) throw new Error(`${capability} has no active plugin`);
          const result = await runtime.invoker.invoke(plugin, { n: i });
          if (!result.ok) throw new Error(`${capability} failed`);
          // The sandbox's part: waiting for a worker plus running in it.
          if (result.usage) sandbox.push(result.usage.queueMs + result.usage.wallMs);
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  sandbox.sort((a, b) => a - b);
  return { calls: latencies.length, errors, ms: performance.now() - started, latencies, sandbox };
}

async function measure(name: string, dir: string, options: { plugins: number; runs: number; seconds: number; natsUrl?: string }): Promise<(string | number)[][]> {
  const capsmith = await benchCapsmith(dir, { policy: DEFAULT_POLICY, ...(options.natsUrl ? { config: { nats: { url: options.natsUrl } } } : {}) });
  const { runtime } = capsmith;
  try {
    const installStart = performance.now();
    const capabilities: string[] = [];
    for (let i = 0; i < options.plugins; i++) {
      const p = pkg(i);
      const outcome = await runtime.hub.install(p, { source: "bench" });
      if (!outcome.ok) throw new Error(`install of ${p.manifest.id} failed: ${JSON.stringify(outcome.failure)}`);
      capabilities.push(p.manifest.capability);
    }
    const installMs = performance.now() - installStart;
    await drive(runtime, capabilities, 1, 2); // warm-up: every worker and isolate path once
    const idle = await drive(runtime, capabilities, 1, Math.max(5, Math.round(options.seconds / 6)));
    const load = await drive(runtime, capabilities, options.runs, options.seconds);
    const p99 = (p: Phase): number => percentile(p.latencies, 99);
    const row = (label: string, p: Phase): (string | number)[] => [
      `${name}: ${label}`, fmt(p.calls), fmt((p.calls / p.ms) * 1_000), percentile(p.latencies, 50).toFixed(2), p99(p).toFixed(2),
      `${percentile(p.sandbox, 50).toFixed(2)} / ${percentile(p.sandbox, 99).toFixed(2)}`, p.errors,
    ];
    console.error(`${name}: ${options.plugins} plugins installed in ${(installMs / 1_000).toFixed(1)} s`);
    return [
      row("idle, 1 caller", idle),
      row(`load, ${options.runs} concurrent runs, ${options.seconds} s`, load),
      [`${name}: load p99 / idle p99`, "", "", "", (p99(load) / p99(idle)).toFixed(2) + "x", "", ""],
    ];
  } finally {
    await capsmith.close();
  }
}

export async function run(args: string[]): Promise<void> {
  const options = { seconds: flag(args, "seconds", 60), plugins: flag(args, "plugins", 100), runs: flag(args, "runs", 4) };
  const rows: (string | number)[][] = [["log: phase", "calls", "calls/s", "p50 ms", "p99 ms", "sandbox p50 / p99 ms", "errors"]];

  const dir = await mkdtemp(join(tmpdir(), "capsmith-bench-load-"));
  const server = await startNatsServer({ useEnv: false });
  try {
    rows.push(...(await measure("embedded", join(dir, "embedded"), options)));
    rows.push(...(await measure("jetstream", join(dir, "jetstream"), { ...options, natsUrl: server.url })));
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
  console.log(table(rows));
}
