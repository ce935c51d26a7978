/**
 * `npm run bench -- parallel [--ms 1500] [--steps 3] [--io]`: a plan of independent steps, each a
 * plugin call of about `--ms`, run by the real runner on the embedded log, against one such step
 * alone and the steps' sum. By default each step computes (CPU-bound, calibrated first) and the
 * report gives the floor the cores set (steps × ms ÷ cores when steps > cores); with `--io` each
 * step waits on `host.fetch` of a local server that answers after `--ms` (an integration plugin).
 * Goal (issue 15): three 1.5 s steps within 2 s.
 */
import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import { parsePlan, runPlan } from "../src/agents/index.ts";
import { DEFAULT_POLICY } from "../src/hub/index.ts";
import type { Policy } from "../src/hub/index.ts";
import { uuidIds } from "../src/platform/index.ts";
import { packageOf } from "../tests/contracts/packages.ts";
import { benchCapsmith } from "./_capsmith.ts";
import { flag, table } from "./_stats.ts";

const SPIN = "export default (i) => { let x = 0; for (let k = 0; k < i.n; k++) x = (x * 31 + k) | 0; return x; };\n";
const WAIT = "export default async (i, host) => { const r = await host.fetch(i.url + '?n=' + i.n); return Number(r.body); };\n";
/** Integration plugins need neither an approval nor T2 here: the bench measures the runner, not governance. */
const IO_POLICY: Policy = { ...DEFAULT_POLICY, minTier: { ...DEFAULT_POLICY.minTier, integration: "T1" }, approvalRequired: { permissions: [], profiles: [] } };
const spin = (n: number): number => {
  let x = 0;
  for (let k = 0; k < n; k++) x = (x * 31 + k) | 0;
  return x;
};

export async function run(args: string[]): Promise<void> {
  const targetMs = flag(args, "ms", 1_500);
  const steps = flag(args, "steps", 3);
  const io = args.includes("--io");
  const dir = await mkdtemp(join(tmpdir(), "capsmith-bench-parallel-"));
  const capsmith = await benchCapsmith(dir, { policy: io ? IO_POLICY : DEFAULT_POLICY, roles: [] });
  const server = io ? await slowServer(targetMs) : undefined;
  const load = [loadavg()[0]!.toFixed(1)];
  try {
    const inputSchema = { type: "object", properties: { n: { type: "integer", minimum: 0 }, url: { type: "string" } }, required: ["n"] };
    const pkg = server
      ? packageOf({ capability: "spin", code: WAIT, inputSchema, outputSchema: { type: "integer" }, examples: [{ input: { n: 1000, url: server.url }, output: 1000 }] })
      : packageOf({ capability: "spin", code: SPIN, inputSchema, outputSchema: { type: "integer" }, examples: [{ input: { n: 1000 }, output: spin(1000) }] });
    pkg.manifest["limits"] = { memoryMB: 64, timeoutMs: Math.max(10_000, targetMs * 6) };
    if (server) Object.assign(pkg.manifest, { profile: "integration", permissions: { net: [new URL(server.url).host] } });
    const installed = await capsmith.runtime.hub.install(pkg, { source: "bench" });
    if (!installed.ok) throw new Error(`install failed: ${JSON.stringify(installed.failure)}`);
    const runSteps = async (count: number, n: number): Promise<number> => {
      const plan = parsePlan({
        plan: "parallel_bench",
        steps: Array.from({ length: count }, (_, i) => ({ id: `s${i}`, capability: "spin", input: { n: n + i, ...(server ? { url: server.url } : {}) } })),
        output: Object.fromEntries(Array.from({ length: count }, (_, i) => [`s${i}`, `$steps.s${i}`])),
      });
      const started = performance.now();
      const outcome = await runPlan(capsmith.runtime, plan, {}, { newId: uuidIds });
      if (!outcome.ok) throw new Error(`run failed: ${outcome.error.code}: ${outcome.error.message}`);
      return performance.now() - started;
    };
    // Calibrate: iterations for about targetMs in one step (warm: the isolate is loaded by then).
    let n = 10_000_000;
    await runSteps(1, n);
    if (!server) for (let i = 0; i < 3; i++) n = Math.max(1, Math.round(n * (targetMs / (await runSteps(1, n)))));
    const one = [await runSteps(1, n), await runSteps(1, n), await runSteps(1, n)].sort((a, b) => a - b)[1]!;
    const together = [await runSteps(steps, n), await runSteps(steps, n), await runSteps(steps, n)].sort((a, b) => a - b)[1]!;
    load.push(loadavg()[0]!.toFixed(1));
    const cores = availableParallelism();
    const floor = steps > cores && !server ? (steps * one) / cores : one;
    console.log(table([
      ["measure (median of 3)", "wall ms"],
      ["one step alone", one.toFixed(0)],
      [`${steps} independent steps, one plan`, together.toFixed(0)],
      [`${steps} steps one after another (sum)`, (steps * one).toFixed(0)],
      server ? ["floor (steps wait on I/O: one step)", floor.toFixed(0)] : [`floor on ${cores} cores (${steps} × one ÷ ${Math.min(cores, steps)})`, floor.toFixed(0)],
    ]));
    console.log(`\n${server ? "I/O-bound" : "CPU-bound"} steps: ${steps} steps in ${(together / one).toFixed(2)}x one step's time (sequential: ${steps}x); ${(together / floor).toFixed(2)}x the cores' floor; load average ${load.join(" → ")}`);
  } finally {
    await capsmith.close();
    server?.server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** A local server answering `n` (from the query) after `ms`: a step that waits on I/O. */
async function slowServer(ms: number): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    setTimeout(() => res.end(new URL(req.url ?? "/", "http://x").searchParams.get("n") ?? "0"), ms);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}
