/**
 * `npm run bench -- eventlog [--events N] [--fsync-events N]`: file-log append (pipelined into group
 * commits, and one at a time with fsync), JetStream append (awaiting each ack, and pipelined), replay
 * into the projections from each adapter, and — the local limit — a bare read + JSON.parse of the
 * same events from a JSONL file. All in one run, on the same machine, side by side.
 */
import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { ALL_EVENTS, openFileLog } from "../src/events/index.ts";
import type { AnyStoredEvent, EventLog, NewEvent } from "../src/events/index.ts";
import { allProjections, createProjector } from "../projections/index.ts";
import { uuidIds, systemClock } from "../src/platform/index.ts";
import { flag, fmt, rate, table } from "./_stats.ts";
import { natsFigures } from "./_nats-eventlog.ts";
import { conditionalAppendsFromProcesses } from "./_file-processes.ts";

const TEXT = "x".repeat(40);
export const benchEvent = (i: number): NewEvent => ({ type: "OperatorNote", subject: `capsmith.evt.note.n${i % 1000}`, data: { text: `${TEXT}${i}` } });

/** Appends `n` events with up to `window` appends in flight (group commit batches what is in flight). */
export async function pipelined(log: EventLog, n: number, window: number, subjectsDistinct = true): Promise<number> {
  const start = performance.now();
  let inFlight: Promise<unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const e = subjectsDistinct ? { ...benchEvent(i), subject: `capsmith.evt.note.n${i}` } : benchEvent(i);
    inFlight.push(log.append([e as NewEvent]));
    if (inFlight.length >= window) {
      await Promise.all(inFlight);
      inFlight = [];
    }
  }
  await Promise.all(inFlight);
  return performance.now() - start;
}

export async function replayRate(log: EventLog): Promise<{ events: number; ms: number }> {
  const start = performance.now();
  const view = await createProjector({ log, projections: allProjections }).catchUp();
  const ms = performance.now() - start;
  const events = view.states.logStats.events;
  return { events, ms };
}

async function bareJsonl(events: AnyStoredEvent[], dir: string): Promise<{ ms: number; bytes: number }> {
  const file = join(dir, "bare.jsonl");
  await writeFile(file, events.map((e) => JSON.stringify(e)).join("\n") + "\n");
  const start = performance.now();
  let count = 0;
  const rl = createInterface({ input: createReadStream(file, { highWaterMark: 4 * 1024 * 1024 }), crlfDelay: Infinity });
  for await (const line of rl) if (JSON.parse(line)) count++;
  const ms = performance.now() - start;
  if (count !== events.length) throw new Error("bare read miscounted");
  return { ms, bytes: (await stat(file)).size };
}

export async function run(args: string[]): Promise<void> {
  const n = flag(args, "events", 1_000_000);
  const fsyncN = flag(args, "fsync-events", 2_000);
  const dir = await mkdtemp(join(tmpdir(), "capsmith-bench-"));
  const rows: (string | number)[][] = [["measure", "events", "ms", "events/s"]];
  const notes: string[] = [];
  try {
    // File log, one append at a time: each waits for its own fdatasync.
    const one = await openFileLog({ dir: join(dir, "one"), clock: systemClock, newId: uuidIds, actor: "bench" });
    const t0 = performance.now();
    for (let i = 0; i < fsyncN; i++) await one.append([benchEvent(i)]);
    const oneMs = performance.now() - t0;
    await one.close();
    rows.push(["file append, one at a time (fsync each)", fsyncN, fmt(oneMs), fmt(rate(fsyncN, oneMs))]);

    // File log, batched: one decision's events appended as one record (100 events a record).
    const batched = await openFileLog({ dir: join(dir, "batched"), clock: systemClock, newId: uuidIds, actor: "bench" });
    const t1 = performance.now();
    for (let i = 0; i < n; i += 100) {
      await batched.append(Array.from({ length: 100 }, (_, k) => ({ ...benchEvent(i + k), subject: `capsmith.evt.note.b${i % 1000}` }) as NewEvent));
    }
    const batchedMs = performance.now() - t1;
    await batched.close();
    rows.push(["file append, batched (100-event records, fsync each)", n, fmt(batchedMs), fmt(rate(n, batchedMs))]);

    // Batched and pipelined: 100-event records, 8 appends in flight, sharing writes and fsyncs.
    const both = await openFileLog({ dir: join(dir, "both"), clock: systemClock, newId: uuidIds, actor: "bench" });
    const t2 = performance.now();
    let flight: Promise<unknown>[] = [];
    for (let i = 0; i < n; i += 100) {
      flight.push(both.append(Array.from({ length: 100 }, (_, k) => ({ ...benchEvent(i + k), subject: `capsmith.evt.note.c${(i / 100) % 1000}` }) as NewEvent)));
      if (flight.length >= 8) {
        await Promise.all(flight);
        flight = [];
      }
    }
    await Promise.all(flight);
    const bothMs = performance.now() - t2;
    await both.close();
    rows.push(["file append, batched + pipelined (100-event records, 8 in flight)", n, fmt(bothMs), fmt(rate(n, bothMs))]);

    // File log, pipelined: appends in flight share one write + fdatasync (group commit).
    const log = await openFileLog({ dir: join(dir, "main"), clock: systemClock, newId: uuidIds, actor: "bench" });
    const pipeMs = await pipelined(log, n, 10_000, false);
    rows.push(["file append, pipelined 10k in flight (group commit)", n, fmt(pipeMs), fmt(rate(n, pipeMs))]);
    await log.close();
    const logBytes = (await stat(join(dir, "main", "events.log"))).size;

    const reader = await openFileLog({ dir: join(dir, "main"), clock: systemClock, newId: uuidIds, actor: "bench", readOnly: true });
    const replay = await replayRate(reader);
    rows.push(["file replay into projections", replay.events, fmt(replay.ms), fmt(rate(replay.events, replay.ms))]);
    const events: AnyStoredEvent[] = [];
    for await (const e of reader.read(ALL_EVENTS)) events.push(e);
    await reader.close();
    const bare = await bareJsonl(events, dir);
    rows.push(["bare JSONL read + JSON.parse (local limit)", events.length, fmt(bare.ms), fmt(rate(events.length, bare.ms))]);

    const procs = flag(args, "processes", 4);
    const each = flag(args, "conditional-appends", 1_000);
    const shared = await conditionalAppendsFromProcesses(join(dir, "shared"), procs, each);
    rows.push([`file, ${procs} processes x ${fmt(each)} conditional appends on one subject`, shared.appends, fmt(shared.ms), fmt(rate(shared.appends, shared.ms))]);
    notes.push(`${procs} processes on one subject: ${shared.conflicts} conflicts retried, ${shared.forks} forks, ${shared.lostAcks} lost acknowledgements`);

    rows.push(...(await natsFigures(n, args)));
    console.log(table(rows));
    console.log(`\nevent size: ${fmt(bare.bytes / events.length)} bytes as JSON; file log ${fmt(logBytes / n)} bytes/event on disk`);
    console.log(`file replay / bare read: ${((rate(replay.events, replay.ms) / rate(events.length, bare.ms)) * 100).toFixed(0)}%`);
    for (const line of notes) console.log(line);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
