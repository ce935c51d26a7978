/**
 * `npm run bench -- scale [--sizes 10000,100000,1000000] [--runs 5]`: how whole commands behave as a
 * data directory grows. For each size it builds a data directory as months of real use leave it —
 * 20 plugins installed through the hub, then usage events (one record per call, as `invoke` makes
 * them) spread over 30 days, with the read-model snapshots a long-running writer leaves behind (a
 * snapshot every 10,000 records, so up to that many records are not in one) — and then times the
 * real binary, each command as a fresh process: wall time (median of --runs) and peak RSS.
 * `capsmith --help` is shown next to `node -e 0`. `audit verify` walks the whole log. One run of
 * `plugin list` without the index checkpoint shows what opening the log costs when it must be read
 * whole. Last, 4 processes make 1,000 conditional appends each on one subject of one embedded log,
 * and the log is checked for forks and lost acknowledgements.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sha256, subjectFor } from "../src/events/index.ts";
import type { Clock, NewEvent } from "../src/events/index.ts";
import { DEFAULT_POLICY } from "../src/hub/index.ts";
import type { PluginPackage } from "../src/hub/index.ts";
import { benchCapsmith } from "./_capsmith.ts";
import { conditionalAppendsFromProcesses } from "./_file-processes.ts";
import { fmt, table } from "./_stats.ts";

const BIN = join(import.meta.dirname, "../bin/capsmith.js");
const PLUGINS = 20;
const START = Date.parse("2026-01-01T00:00:00.000Z");

function pkg(i: number): PluginPackage {
  const capability = `cap_${String(i).padStart(2, "0")}`;
  const code = `export default function (input) { return input.n * ${i + 2}; }\n`;
  return {
    format: "capsmith-plugin/v1",
    manifest: {
      id: `${capability}@1.0.0`, capability, version: "1.0.0", apiVersion: "capsmith.plugin/v1", hostRange: ">=0.1.0", profile: "node",
      permissions: {}, dependencies: {}, limits: { memoryMB: 64, timeoutMs: 1_000 }, checksum: `sha256:${sha256(code)}`, provenance: { origin: "authored" },
    },
    code,
    spec: {
      capability, description: `n times ${i + 2}`, inputSchema: { type: "object", properties: { n: { type: "number" } }, required: ["n"] },
      outputSchema: { type: "number" }, constraints: ["deterministic"], examples: [{ input: { n: 1 }, output: i + 2 }],
    },
  };
}

/** A clock the generator moves: usage spread evenly over 30 days. */
function movingClock(): Clock & { set(ms: number): void } {
  let now = START;
  return { now: () => new Date(now), set: (ms) => (now = ms) };
}

/** Builds the data directory: installs, then `events` usage records, snapshots as a writer leaves them. */
export async function build(dir: string, events: number): Promise<void> {
  const clock = movingClock();
  const capsmith = await benchCapsmith(dir, { policy: DEFAULT_POLICY, clock });
  try {
    for (let i = 0; i < PLUGINS; i++) {
      const outcome = await capsmith.runtime.hub.install(pkg(i), { source: "bench" });
      if (!outcome.ok) throw new Error(`install failed: ${JSON.stringify(outcome.failure)}`);
    }
    const span = 30 * 86_400_000;
    const inFlight: Promise<unknown>[] = [];
    let s = 11;
    const rnd = (): number => ((s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
    for (let i = 0; i < events; i++) {
      clock.set(START + Math.floor((i / events) * span));
      const p = i % PLUGINS;
      const capability = `cap_${String(p).padStart(2, "0")}`;
      const event: NewEvent = {
        type: "PluginInvoked", subject: subjectFor("usage", capability),
        data: { pluginId: `${capability}@1.0.0`, capability, runId: null, ok: rnd() > 0.02, errorCode: null, latencyMs: rnd() * 20, cpuMs: rnd() * 4, heapBytes: Math.floor(rnd() * 8e6) },
      };
      inFlight.push(capsmith.log.append([event]));
      if (inFlight.length >= 2_000) {
        await Promise.all(inFlight.splice(0));
        // A long-running writer's read model keeps up, and snapshots every 10,000 records.
        if (i % 10_000 < 2_000) await capsmith.readModel.current();
      }
    }
    await Promise.all(inFlight);
  } finally {
    // What a writer leaves at a clean shutdown: a snapshot only if its tail is long enough.
    await capsmith.close();
  }
}

interface Timing {
  medianMs: number;
  peakMb: number;
  ok: boolean;
}

/** Runs a command `runs` times as a fresh process: median wall time, the largest peak RSS. */
function time(argv: string[], runs: number): Timing {
  const gnuTime = existsSync("/usr/bin/time");
  const walls: number[] = [];
  let peakKb = 0;
  let ok = true;
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    const child = gnuTime
      ? spawnSync("/usr/bin/time", ["-f", "%M", ...argv], { encoding: "utf8" })
      : spawnSync(argv[0]!, argv.slice(1), { encoding: "utf8" });
    walls.push(performance.now() - started);
    if (child.status !== 0) ok = false;
    if (gnuTime) peakKb = Math.max(peakKb, Number(child.stderr.trim().split("\n").pop()));
  }
  walls.sort((a, b) => a - b);
  return { medianMs: walls[Math.floor(walls.length / 2)]!, peakMb: peakKb / 1024, ok };
}

export async function run(args: string[]): Promise<void> {
  const sizesArg = args[args.indexOf("--sizes") + 1];
  const sizes = args.includes("--sizes") && sizesArg ? sizesArg.split(",").map(Number) : [10_000, 100_000, 1_000_000];
  const runs = args.includes("--runs") ? Number(args[args.indexOf("--runs") + 1]) : 5;
  const node = process.execPath;
  const rows: (string | number)[][] = [["command", ...sizes.map((n) => `${fmt(n)} events`)]];
  const cells = new Map<string, string[]>();
  const add = (name: string, text: string): void => void cells.set(name, [...(cells.get(name) ?? []), text]);
  const show = (t: Timing): string => `${t.medianMs.toFixed(0)} ms / ${t.peakMb.toFixed(0)} MB${t.ok ? "" : " FAILED"}`;
  for (const size of sizes) {
    const dir = await mkdtemp(join(tmpdir(), "capsmith-bench-scale-"));
    try {
      const built = performance.now();
      await build(dir, size);
      console.error(`built ${fmt(size)} usage events in ${((performance.now() - built) / 1000).toFixed(1)} s`);
      const cli = (...rest: string[]): string[] => [node, BIN, "--data", dir, ...rest];
      add("node -e 0", show(time([node, "-e", "0"], runs)));
      add("capsmith --help", show(time(cli("--help"), runs)));
      add("capsmith plugin list", show(time(cli("plugin", "list"), runs)));
      add("capsmith invoke cap_07 --input '{\"n\":3}'", show(time(cli("invoke", "cap_07", "--input", '{"n":3}'), runs)));
      add("capsmith events --limit 1", show(time(cli("events", "--limit", "1"), runs)));
      // Without the checkpoint (a read-only command never writes one), then with it again.
      await rename(join(dir, "events.index"), join(dir, "events.index.away"));
      add("capsmith plugin list, no index checkpoint (1 run)", show(time(cli("plugin", "list"), 1)));
      await rename(join(dir, "events.index.away"), join(dir, "events.index"));
      const verify = time(cli("audit", "verify"), 1);
      add("capsmith audit verify (whole log, 1 run)", `${show(verify)}, ${fmt((size / verify.medianMs) * 1000)} events/s`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  for (const [name, values] of cells) rows.push([name, ...values]);
  console.log(table(rows));
  const shared = await mkdtemp(join(tmpdir(), "capsmith-bench-scale-procs-"));
  try {
    const procs = args.includes("--processes") ? Number(args[args.indexOf("--processes") + 1]) : 4;
    const f = await conditionalAppendsFromProcesses(shared, procs, 1_000);
    console.log(`\n${procs} processes x 1,000 conditional appends on one subject of one embedded log: ${f.appends} acknowledged in ${(f.ms / 1000).toFixed(1)} s, ${f.conflicts} conflicts retried, ${f.forks} forks, ${f.lostAcks} lost acknowledgements`);
  } finally {
    await rm(shared, { recursive: true, force: true });
  }
  console.log("\n(median wall time of fresh processes / largest peak RSS; load average while measuring: see `uptime`)");
}
