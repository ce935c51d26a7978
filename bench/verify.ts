/**
 * `npm run bench -- verify [--events 1000000] [--tail 1000] [--dir DIR]`: what verifying the log
 * costs as it grows (issue 13: full verify ≥ 300,000 events/s; incremental from the last anchor ≤ 1 s).
 * It builds a data directory as `bench scale` does (or uses DIR, as a previous run left it), then:
 *
 * - in process: opening the log, reading every event, `verifyLog` (the chain walk of `audit verify`),
 *   anchoring it (a full walk), and verifying against the anchor after `--tail` more records, both
 *   incrementally and in full;
 * - the real binary, each a fresh process: `audit verify`, `audit anchor --out`, and `audit verify
 *   --anchor FILE --public-key FILE` incremental and `--full` (wall time, peak RSS).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { ALL_EVENTS, openFileLog, subjectFor, takeAnchor, verifyAgainstAnchor, verifyLog } from "../src/events/index.ts";
import type { NewEvent } from "../src/events/index.ts";
import { openKeyStore, publicKeyFileText } from "../src/hub/index.ts";
import { benchCapsmith } from "./_capsmith.ts";
import { build } from "./scale.ts";
import { fmt, table } from "./_stats.ts";

const BIN = join(import.meta.dirname, "../bin/capsmith.js");
const clock = { now: () => new Date() };

function arg(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
}

async function timed<T>(body: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await body();
  return { ms: performance.now() - started, value };
}

function cli(argv: string[]): { ms: number; mb: number; status: number | null; out: string } {
  const gnuTime = existsSync("/usr/bin/time");
  const started = performance.now();
  const child = gnuTime
    ? spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, BIN, ...argv], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
    : spawnSync(process.execPath, [BIN, ...argv], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  const mb = gnuTime ? Number(child.stderr.trim().split("\n").pop()) / 1024 : 0;
  return { ms, mb, status: child.status, out: child.stdout.trim().split("\n").pop() ?? "" };
}

export async function run(args: string[]): Promise<void> {
  const events = Number(arg(args, "--events") ?? 1_000_000);
  const tail = Number(arg(args, "--tail") ?? 1_000);
  const given = arg(args, "--dir");
  const dir = given ?? (await mkdtemp(join(tmpdir(), "capsmith-bench-verify-")));
  const rows: (string | number)[][] = [["what", "time", "rate / memory", "result"]];
  const load = (): string => loadavg().map((l) => l.toFixed(2)).join(" ");
  try {
    if (!given || !existsSync(join(dir, "events.log"))) {
      const built = await timed(() => build(dir, events));
      console.error(`built ${fmt(events)} usage events in ${(built.ms / 1000).toFixed(1)} s`);
    }
    const keys = openKeyStore(dir);
    const key = await keys.load("bench_operator").catch(() => keys.generate("bench_operator", "operator"));
    const publicKey = join(dir, "bench_operator.pub.json");
    await writeFile(publicKey, publicKeyFileText(key));
    console.error(`load before measuring: ${load()}`);

    // In process.
    const opened = await timed(() => openFileLog({ dir, clock, newId: () => "bench", actor: "bench", readOnly: true }));
    const log = opened.value;
    const total = await log.lastSeq();
    rows.push(["open the file log (index)", `${opened.ms.toFixed(0)} ms`, `${fmt((total / opened.ms) * 1000)} records/s`, `${fmt(total)} records`]);
    const read = await timed(async () => {
      let n = 0;
      for await (const _ of log.read(ALL_EVENTS)) n++;
      return n;
    });
    rows.push(["read every event", `${read.ms.toFixed(0)} ms`, `${fmt((read.value / read.ms) * 1000)} events/s`, `${fmt(read.value)} events`]);
    const full = await timed(() => verifyLog(log));
    rows.push(["verifyLog (audit verify's chain walk)", `${full.ms.toFixed(0)} ms`, `${fmt((full.value.events / full.ms) * 1000)} events/s`, full.value.ok ? "ok" : "BROKEN"]);
    const anchored = await timed(() => takeAnchor(log, { clock }));
    rows.push(["takeAnchor (full walk)", `${anchored.ms.toFixed(0)} ms`, `${fmt((anchored.value.events / anchored.ms) * 1000)} events/s`, `seq ${fmt(anchored.value.seq)}, ${anchored.value.blocks.length} blocks of ${anchored.value.blockSize}`]);
    await log.close();

    // The anchor as the CLI writes it, then more use.
    const anchorFile = join(dir, "bench.anchor.json");
    const made = cli(["--data", dir, "--json", "audit", "anchor", "--key", "bench_operator", "--out", anchorFile]);
    rows.push(["capsmith audit anchor --out (fresh process)", `${made.ms.toFixed(0)} ms`, `${made.mb.toFixed(0)} MB`, made.status === 0 ? "ok" : `exit ${made.status}`]);
    const writer = await benchCapsmith(dir);
    try {
      const pending: Promise<unknown>[] = [];
      for (let i = 0; i < tail; i++) {
        const capability = `cap_${String(i % 20).padStart(2, "0")}`;
        const event = { type: "PluginInvoked", subject: subjectFor("usage", capability), data: { pluginId: `${capability}@1.0.0`, capability, runId: null, ok: true, errorCode: null, latencyMs: 1, cpuMs: 1, heapBytes: 1 } } as NewEvent;
        pending.push(writer.log.append([event]));
      }
      await Promise.all(pending);
    } finally {
      await writer.close();
    }

    const again = await openFileLog({ dir, clock, newId: () => "bench", actor: "bench", readOnly: true });
    try {
      const incremental = await timed(() => verifyAgainstAnchor(again, anchored.value));
      rows.push([`verify from the anchor (+${fmt(tail)} records), in process`, `${incremental.ms.toFixed(0)} ms`, `${incremental.value.headsChecked} heads re-read`, incremental.value.ok ? "ok" : "DIFFERS"]);
      const fullAnchor = await timed(() => verifyAgainstAnchor(again, anchored.value, { full: true }));
      rows.push(["verify against the anchor in full, in process", `${fullAnchor.ms.toFixed(0)} ms`, `${fmt((fullAnchor.value.events / fullAnchor.ms) * 1000)} events/s`, fullAnchor.value.ok ? "ok" : "DIFFERS"]);
    } finally {
      await again.close();
    }
    const inc = cli(["--data", dir, "--json", "audit", "verify", "--anchor", anchorFile, "--public-key", publicKey]);
    rows.push(["capsmith audit verify --anchor (incremental, fresh process)", `${inc.ms.toFixed(0)} ms`, `${inc.mb.toFixed(0)} MB`, inc.status === 0 ? "ok" : `exit ${inc.status}`]);
    const whole = cli(["--data", dir, "--json", "audit", "verify"]);
    rows.push(["capsmith audit verify (whole log, fresh process)", `${whole.ms.toFixed(0)} ms`, `${fmt(((total + tail) / whole.ms) * 1000)} events/s, ${whole.mb.toFixed(0)} MB`, whole.status === 0 ? "ok" : `exit ${whole.status}`]);
    const fullCli = cli(["--data", dir, "--json", "audit", "verify", "--anchor", anchorFile, "--public-key", publicKey, "--full"]);
    rows.push(["capsmith audit verify --anchor --full (fresh process)", `${fullCli.ms.toFixed(0)} ms`, `${fmt(((total + tail) / fullCli.ms) * 1000)} events/s, ${fullCli.mb.toFixed(0)} MB`, fullCli.status === 0 ? "ok" : `exit ${fullCli.status}`]);
    console.log(table(rows));
    console.log(`\nload average (1, 5, 15 min) after measuring: ${load()}`);
  } finally {
    if (!given) await rm(dir, { recursive: true, force: true });
  }
}
