/**
 * JetStream figures for `npm run bench -- eventlog`: append awaiting each ack, pipelined append
 * (distinct subjects: appends in flight on one subject would only wait for each other's head), bare
 * `read(ALL_EVENTS)`, and replay into the projections. Uses NATS_URL when set, else starts a
 * nats-server of its own on a temporary store.
 *
 * Alone: `npx node bench/_nats-append.ts [--events N] [--sync-events N] [--window N]`.
 */
import { ALL_EVENTS } from "../src/events/index.ts";
import type { EventLog, NewEvent } from "../src/events/index.ts";
import { openNatsLog } from "../src/events/nats-log.ts";
import { systemClock, uuidIds } from "../src/platform/index.ts";
import { allProjections, createProjector } from "../projections/index.ts";
import { startNatsServer } from "../tests/support/nats-server.ts";
import { flag, fmt, rate, table } from "./_stats.ts";
import { bareAppend, bareRead } from "./_nats-bare.ts";

const TEXT = "x".repeat(40);
const event = (i: number, prefix: string): NewEvent => ({ type: "OperatorNote", subject: `capsmith.evt.${prefix}.n${i}`, data: { text: `${TEXT}${i}` } });

/** One append at a time, each awaiting its PubAck (`n` appends on `n % 1000` subjects). */
export async function appendAwaitingEach(log: EventLog, n: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < n; i++) await log.append([{ ...event(i % 1000, "sync") }]);
  return performance.now() - start;
}

/** Up to `window` appends in flight, each on its own subject; refills as acks arrive. */
export async function appendPipelined(log: EventLog, n: number, window: number): Promise<number> {
  const start = performance.now();
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < n) await log.append([event(next++, "pipe")]);
  };
  await Promise.all(Array.from({ length: Math.min(window, n) }, lane));
  return performance.now() - start;
}

/** `read(ALL_EVENTS)` to the end, touching each event. */
export async function readAll(log: EventLog): Promise<{ events: number; ms: number }> {
  const start = performance.now();
  let events = 0;
  for await (const e of log.read(ALL_EVENTS)) if (e.seq > 0) events++;
  return { events, ms: performance.now() - start };
}

export async function replayIntoProjections(log: EventLog): Promise<{ events: number; ms: number }> {
  const start = performance.now();
  const view = await createProjector({ log, projections: allProjections }).catchUp();
  const ms = performance.now() - start;
  return { events: view.states.logStats.events, ms };
}

/** Rows `[measure, events, ms, events/s]` for the eventlog bench table. */
export async function natsFigures(n: number, args: string[]): Promise<(string | number)[][]> {
  const syncN = flag(args, "sync-events", 10_000);
  const window = flag(args, "window", 2_000);
  const server = await startNatsServer();
  const rows: (string | number)[][] = [];
  try {
    const stream = `CAPSMITH_BENCH_${process.pid}`;
    const log = await openNatsLog({ url: server.url, stream, clock: systemClock, newId: uuidIds, actor: "bench" });
    try {
      const syncMs = await appendAwaitingEach(log, syncN);
      rows.push(["JetStream append, awaiting each ack", syncN, fmt(syncMs), fmt(rate(syncN, syncMs))]);
      // A payload of the size of the adapter's records, so the bare client moves the same bytes.
      const sample = JSON.stringify((await log.append([event(0, "sample")])).events.map(({ seq: _seq, ...e }) => e));
      const payload = (i: number): string => `{"msgId":"${i}","events":${sample}}`;
      const bareMs = await bareAppend(server.url, `BARE_${process.pid}`, n, window, payload);
      rows.push([`bare client: acked publish, pipelined ${fmt(window)} in flight`, n, fmt(bareMs), fmt(rate(n, bareMs))]);
      const pipeMs = await appendPipelined(log, n, window);
      rows.push([`JetStream append, pipelined ${fmt(window)} in flight`, n, fmt(pipeMs), fmt(rate(n, pipeMs))]);
      const bare = await bareRead(server.url, stream);
      rows.push(["bare client: ordered consumer, 1,000 a batch, JSON.parse", bare.events, fmt(bare.ms), fmt(rate(bare.events, bare.ms))]);
      const read = await readAll(log);
      rows.push(["JetStream read(ALL_EVENTS)", read.events, fmt(read.ms), fmt(rate(read.events, read.ms))]);
      const replay = await replayIntoProjections(log);
      rows.push(["JetStream replay into projections", replay.events, fmt(replay.ms), fmt(rate(replay.events, replay.ms))]);
    } finally {
      await log.close();
    }
  } finally {
    await server.stop();
  }
  return rows;
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const rows = await natsFigures(flag(args, "events", 1_000_000), args);
  console.log(table([["measure", "events", "ms", "events/s"], ...rows]));
}
