/**
 * Attacks on the read fallback of commit 782feb4: after one failed attempt, `pullRange` reads the
 * rest of its range by single gets in chunks. Whatever the range — deleted seqs, a subject filter,
 * chunk boundaries, a range past the stream's end or below its first seq (purged) — it must yield
 * exactly what a consumer would: every matching message once, in order.
 */
import { jetstream, jetstreamManager } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import type { NatsConnection } from "@nats-io/transport-node";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NatsContext } from "../../src/events/nats-context.ts";
import { pullRange } from "../../src/events/nats-pull.ts";
import { ALL_EVENTS } from "../../src/events/index.ts";
import type { NewEvent } from "../../src/events/index.ts";
import { openNatsLog } from "../../src/events/nats-log.ts";
import { counterIds, steppingClock } from "../support/deterministic.ts";
import { startNatsServer } from "../support/nats-server.ts";
import type { NatsServerHandle } from "../support/nats-server.ts";

const STREAM = "ATTACK_PULL";
let server: NatsServerHandle;
let nc: NatsConnection;
let ctx: NatsContext;
/** seq → subject of every message still in the stream. */
const present = new Map<number, string>();
let lastSeq = 0;

async function seqsOf(filter: string, from: number, end: number, attempt: number): Promise<number[]> {
  const seqs: number[] = [];
  for await (const batch of pullRange(ctx, filter, from, end, attempt)) for (const m of batch) seqs.push(m.seq);
  return seqs;
}

function expected(filter: string, from: number, end: number): number[] {
  const prefix = filter.endsWith(".>") ? filter.slice(0, -1) : undefined;
  return [...present.entries()]
    .filter(([seq, subject]) => seq >= from && seq <= end && (prefix ? subject.startsWith(prefix) : subject === filter))
    .map(([seq]) => seq)
    .sort((a, b) => a - b);
}

beforeAll(async () => {
  server = await startNatsServer({ useEnv: false });
  nc = await connect({ servers: server.url });
  const jsm = await jetstreamManager(nc);
  const js = jetstream(nc);
  await jsm.streams.add({ name: STREAM, subjects: ["t.>"] });
  for (let i = 1; i <= 700; i++) {
    const subject = i % 3 === 0 ? "t.a.x" : i % 3 === 1 ? "t.b.y" : "t.a.z";
    const ack = await js.publish(subject, new TextEncoder().encode(String(i)));
    present.set(ack.seq, subject);
    lastSeq = ack.seq;
  }
  // Holes: single deleted seqs, a deleted run across a chunk boundary, the first ten purged.
  for (const seq of [7, 64, 65, 255, 256, 257, 258, 300, 513, 700]) {
    await jsm.streams.deleteMessage(STREAM, seq);
    present.delete(seq);
  }
  await jsm.streams.purge(STREAM, { seq: 11 });
  for (let seq = 1; seq <= 10; seq++) present.delete(seq);
  ctx = {
    nc, js, jsm, stream: STREAM, prefix: "", logger: pino({ level: "silent" }),
    operationTimeoutMs: 10_000, requestTimeoutMs: 5_000, isClosed: () => nc.isClosed(),
  };
}, 60_000);

afterAll(async () => {
  await nc?.close();
  await server?.stop();
});

describe("pullRange after a failed attempt (single gets)", () => {
  const cases: [string, string, number, () => number][] = [
    ["the whole stream", "t.>", 1, () => lastSeq],
    ["a filter", "t.a.>", 1, () => lastSeq],
    ["an exact subject", "t.b.y", 1, () => lastSeq],
    ["from inside a deleted run", "t.>", 256, () => 600],
    ["past the stream's last seq", "t.>", 650, () => lastSeq + 500],
    ["only purged seqs", "t.>", 1, () => 10],
    ["one chunk exactly", "t.>", 257, () => 512],
  ];
  it.each(cases)("%s: the same messages as a consumer, once each, in order", async (_what, filter, from, endOf) => {
    const end = endOf();
    const want = expected(filter, from, end);
    const fallback = await seqsOf(filter, from, end, 1);
    expect(fallback).toEqual(want);
    // A consumer (attempt 0) agrees, when the range is within the stream.
    if (end <= lastSeq && want.length > 0) expect(await seqsOf(filter, from, end, 0)).toEqual(want);
  }, 60_000);
});

describe("a read cut off twice: the second restart comes while the fallback reads", () => {
  it("yields every record once, in order", async () => {
    const stream = "ATTACK_RESTART_TWICE";
    const log = await openNatsLog({ url: server.url, clock: steppingClock(), newId: counterIds("rr"), actor: "test", stream });
    try {
      const n = 6_000;
      const note = (i: number): NewEvent => ({ type: "OperatorNote", subject: `capsmith.evt.bulk.s${i % 7}`, data: { text: `e${i}` } });
      for (let i = 0; i < n; i += 500) await Promise.all(Array.from({ length: Math.min(500, n - i) }, (_, j) => log.append([note(i + j)])));
      const seqs: number[] = [];
      for await (const e of log.read(ALL_EVENTS)) {
        seqs.push(e.seq);
        // The first restart ends the consumer; the second lands in the single gets that follow.
        if (seqs.length === 100 || seqs.length === 1_500) await server.restart();
      }
      expect(seqs.length).toBe(n);
      expect(new Set(seqs).size).toBe(n);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      // A filtered read over the same restarts: only its subject, each once.
      const filtered: number[] = [];
      for await (const e of log.read("capsmith.evt.bulk.s3")) {
        filtered.push(e.seq);
        if (filtered.length === 20 || filtered.length === 400) await server.restart();
      }
      const all: number[] = [];
      for await (const e of log.read(ALL_EVENTS)) if (e.subject === "capsmith.evt.bulk.s3") all.push(e.seq);
      expect(filtered).toEqual(all);
    } finally {
      await log.close();
    }
  }, 180_000);
});
