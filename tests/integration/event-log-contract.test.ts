/**
 * The EventLog contract, run unchanged against the embedded file log and NATS JetStream.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ALL_EVENTS, ChainVerifier, ConcurrencyError, verifyLog } from "../../src/events/index.ts";
import type { AnyStoredEvent, EventLog, NewEvent, QuarantinedRecord } from "../../src/events/index.ts";
import { generateSigningKey, signHash } from "../../src/hub/index.ts";
import { counterIds, steppingClock } from "../support/deterministic.ts";
import { fileFactory, natsFactory } from "../support/log-factories.ts";

const note = (subject: string, text: string): NewEvent => ({ type: "OperatorNote", subject, data: { text } });
const PLUGIN_A = "capsmith.evt.plugin.total_cost";
const PLUGIN_B = "capsmith.evt.plugin.max_price";
const RUN = "capsmith.evt.run.r1";

async function collect(iterable: AsyncIterable<AnyStoredEvent>): Promise<AnyStoredEvent[]> {
  const out: AnyStoredEvent[] = [];
  for await (const e of iterable) out.push(e);
  return out;
}

function until(predicate: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = (): void => {
      if (predicate()) resolve();
      else if (Date.now() > deadline) reject(new Error("condition not reached in time"));
      else setTimeout(tick, 10);
    };
    tick();
  });
}

describe.each([fileFactory(), natsFactory()])("EventLog contract: $name", (factory) => {
  let log: EventLog;
  beforeAll(() => factory.setup());
  afterAll(() => factory.teardown());
  beforeEach(async () => {
    await factory.reset();
    log = await factory.open({ clock: steppingClock(), newId: counterIds() });
  });
  afterEach(() => log.close());

  it("stores an append as one record and reads it back with seq, chain and envelope", async () => {
    const first = await log.append([note(PLUGIN_A, "one"), note(PLUGIN_A, "two")]);
    expect(first).toMatchObject({ seq: 1, duplicate: false });
    const second = await log.append([note(PLUGIN_B, "three")], { msgId: "m-3" });
    expect(second.seq).toBe(2);
    const events = await collect(log.read(ALL_EVENTS));
    expect(events.map((e) => [e.seq, e.data])).toEqual([[1, { text: "one" }], [1, { text: "two" }], [2, { text: "three" }]]);
    const [a, b, c] = events as [AnyStoredEvent, AnyStoredEvent, AnyStoredEvent];
    expect(a).toMatchObject({ id: "evt-000001", type: "OperatorNote", actor: "test", schemaVersion: 1, prevHash: null, causationId: null });
    expect(b.prevHash).toBe(a.hash);
    expect(b.correlationId).toBe(a.correlationId);
    expect(c.prevHash).toBeNull();
    expect(Date.parse(a.time)).toBe(Date.parse("2026-01-01T00:00:00.000Z"));
    const verifier = new ChainVerifier();
    for (const e of events) expect(verifier.check(e)).toBeUndefined();
    expect(await log.lastSeq()).toBe(2);
    expect(await log.subjectHead(PLUGIN_A)).toEqual({ seq: 1, hash: b.hash });
    expect(await log.subjectHead("capsmith.evt.plugin.none")).toBeUndefined();
  });

  it("rejects a bad batch before writing anything", async () => {
    await expect(log.append([])).rejects.toMatchObject({ code: "invalid_event" });
    await expect(log.append([note(PLUGIN_A, "x"), note(PLUGIN_B, "y")])).rejects.toMatchObject({ code: "invalid_event" });
    await expect(log.append([note(PLUGIN_A, "")])).rejects.toMatchObject({ code: "invalid_event", details: { issues: [{ path: "text" }] } });
    await expect(log.append([{ type: "NoSuchType", subject: PLUGIN_A, data: {} } as unknown as NewEvent])).rejects.toMatchObject({ code: "invalid_event" });
    await expect(log.append([note("plugin.bad subject", "x")])).rejects.toMatchObject({ code: "invalid_subject" });
    expect(await log.lastSeq()).toBe(0);
  });

  it("enforces optimistic concurrency per subject and writes nothing on conflict", async () => {
    await log.append([note(PLUGIN_A, "new")], { expectedSubjectSeq: 0 });
    await log.append([note(PLUGIN_B, "other subject")]);
    const conflict = log.append([note(PLUGIN_A, "stale")], { expectedSubjectSeq: 0 });
    await expect(conflict).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(conflict).rejects.toMatchObject({ code: "concurrency_conflict", expected: 0, actual: 1 });
    await log.append([note(PLUGIN_A, "after")], { expectedSubjectSeq: 1 });
    const texts = (await collect(log.read(PLUGIN_A))).map((e) => (e.data as { text: string }).text);
    expect(texts).toEqual(["new", "after"]);
  });

  it("lets exactly one of two racing writers win on the same expected seq", async () => {
    await log.append([note(PLUGIN_A, "base")]);
    const results = await Promise.allSettled([
      log.append([note(PLUGIN_A, "w1")], { expectedSubjectSeq: 1 }),
      log.append([note(PLUGIN_A, "w2")], { expectedSubjectSeq: 1 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason)).toEqual([expect.any(ConcurrencyError)]);
    expect(await collect(log.read(PLUGIN_A))).toHaveLength(2);
  });

  it("conditions an append on the log's last seq: a record on any other subject since makes it conflict, writing nothing", async () => {
    await log.append([note(PLUGIN_A, "read")]);
    const readAt = await log.lastSeq();
    await log.append([note(RUN, "elsewhere")]); // another subject moved the log, not PLUGIN_A
    const stale = log.append([note(PLUGIN_A, "stale")], { expectedSubjectSeq: 1, expectedLastSeq: readAt });
    await expect(stale).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(stale).rejects.toMatchObject({ code: "concurrency_conflict", scope: "log", expected: 1, actual: 2 });
    // Also alone, and on a subject that never had a record.
    await expect(log.append([note(PLUGIN_B, "stale")], { expectedLastSeq: readAt })).rejects.toMatchObject({ scope: "log", actual: 2 });
    expect(await log.lastSeq()).toBe(2);
    // At the log's real last seq it lands, and both conditions still chain the subject.
    const fresh = await log.append([note(PLUGIN_A, "fresh")], { expectedSubjectSeq: 1, expectedLastSeq: 2 });
    expect(fresh.seq).toBe(3);
    const onA = await collect(log.read(PLUGIN_A));
    expect(onA.map((e) => (e.data as { text: string }).text)).toEqual(["read", "fresh"]);
    expect(onA[1]!.prevHash).toBe(onA[0]!.hash);
    // The subject's condition is still the subject's: a stale subject seq is a subject conflict.
    await expect(log.append([note(PLUGIN_A, "x")], { expectedSubjectSeq: 1, expectedLastSeq: 3 })).rejects.toMatchObject({ scope: "subject", expected: 1, actual: 3 });
    await expect(log.append([note(PLUGIN_A, "x")], { expectedLastSeq: -1 })).rejects.toMatchObject({ code: "invalid_event" });
  });

  it("acknowledges a repeated message id as its duplicate even when the log moved past the append's expected last seq", async () => {
    const first = await log.append([note(PLUGIN_A, "once")], { msgId: "decision-7", expectedLastSeq: 0 });
    await log.append([note(RUN, "later")]);
    const again = await log.append([note(PLUGIN_A, "once")], { msgId: "decision-7", expectedLastSeq: 0 });
    expect(again).toMatchObject({ duplicate: true, seq: first.seq });
    expect(await log.lastSeq()).toBe(2);
  });

  it("lets exactly one of two writers conditioned on the same last seq win, on different subjects", async () => {
    await log.append([note(RUN, "base")]);
    const results = await Promise.allSettled([
      log.append([note(PLUGIN_A, "w1")], { expectedLastSeq: 1 }),
      log.append([note(PLUGIN_B, "w2")], { expectedLastSeq: 1 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason)).toEqual([expect.objectContaining({ scope: "log" })]);
    expect(await log.lastSeq()).toBe(2);
  });

  it("keeps the hash chain linear when unconditioned appends race on one subject", async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => log.append([note(PLUGIN_A, `n${i}`)])));
    const verifier = new ChainVerifier();
    const events = await collect(log.read(ALL_EVENTS));
    expect(events).toHaveLength(20);
    for (const e of events) expect(verifier.check(e)).toBeUndefined();
  });

  it("acknowledges a repeated message id as a duplicate without storing it twice", async () => {
    const first = await log.append([note(PLUGIN_A, "once")], { msgId: "reaction-to-42" });
    await log.append([note(PLUGIN_B, "between")]);
    const again = await log.append([note(PLUGIN_A, "once")], { msgId: "reaction-to-42" });
    expect(again).toMatchObject({ duplicate: true, seq: first.seq });
    expect(await log.lastSeq()).toBe(2);
    expect(await collect(log.read(PLUGIN_A))).toHaveLength(1);
  });

  it("keeps a signed writer's message ids its own: a record someone stored first under the same id does not swallow its append", async () => {
    // An agent's msgId is predictable (`governor:<the event it reacts to>`): anyone allowed to append
    // can store a record of their own under it first.
    await log.append([note(PLUGIN_A, "squatted")], { msgId: "governor:evt-42" });
    const key = generateSigningKey("governor", "governor");
    const signed = await factory.open({ clock: steppingClock(), newId: counterIds("signed"), actor: "governor", sign: (hash) => signHash(hash, key) });
    try {
      const decided = await signed.append([note(PLUGIN_A, "the governor's decision")], { msgId: "governor:evt-42" });
      expect(decided.duplicate).toBe(false);
      // The same key redelivered: still one record.
      const again = await signed.append([note(PLUGIN_A, "the governor's decision")], { msgId: "governor:evt-42" });
      expect(again).toMatchObject({ duplicate: true, seq: decided.seq });
      const texts = (await collect(log.read(PLUGIN_A))).map((e) => (e.data as { text: string }).text);
      expect(texts).toEqual(["squatted", "the governor's decision"]);
    } finally {
      await signed.close();
    }
  });

  it("reads by subject filter, sequence range and time range", async () => {
    for (const [subject, text] of [[PLUGIN_A, "a1"], [RUN, "r1"], [PLUGIN_B, "b1"], [PLUGIN_A, "a2"], [RUN, "r2"]] as const) {
      await log.append([note(subject, text)]);
    }
    const texts = async (filter: string, opts = {}): Promise<string[]> =>
      (await collect(log.read(filter, opts))).map((e) => (e.data as { text: string }).text);
    expect(await texts("capsmith.evt.plugin.*")).toEqual(["a1", "b1", "a2"]);
    expect(await texts("capsmith.evt.run.>")).toEqual(["r1", "r2"]);
    expect(await texts(ALL_EVENTS, { fromSeq: 2, untilSeq: 4 })).toEqual(["r1", "b1", "a2"]);
    const all = await collect(log.read(ALL_EVENTS));
    expect(await texts(ALL_EVENTS, { fromTime: all[1]!.time, untilTime: all[3]!.time })).toEqual(["r1", "b1", "a2"]);
    expect(await texts(ALL_EVENTS, { fromSeq: 9 })).toEqual([]);
    await expect(collect(log.read("not.a.capsmith.filter"))).rejects.toMatchObject({ code: "invalid_subject" });
  });

  it("delivers a durable subscription's records once, in order, and resumes after the acked ones", async () => {
    await log.append([note(PLUGIN_A, "a1"), note(PLUGIN_A, "a1b")]);
    await log.append([note(RUN, "r1")]);
    const seen: string[] = [];
    const sub = await log.subscribe("governor", { filter: "capsmith.evt.plugin.>" }, async (e) => {
      seen.push((e.data as { text: string }).text);
    });
    await log.append([note(PLUGIN_B, "b1")]);
    await until(() => seen.length === 3);
    await sub.stop();
    expect(seen).toEqual(["a1", "a1b", "b1"]);
    await log.append([note(PLUGIN_A, "a2")]);
    const resumed: string[] = [];
    const sub2 = await log.subscribe("governor", { filter: "capsmith.evt.plugin.>" }, async (e) => {
      resumed.push((e.data as { text: string }).text);
    });
    await until(() => resumed.length >= 1);
    await new Promise((r) => setTimeout(r, 200));
    await sub2.stop();
    expect(resumed).toEqual(["a2"]);
  });

  it("redelivers a record whose handler failed", async () => {
    await log.append([note(PLUGIN_A, "flaky")]);
    const attempts: number[] = [];
    const sub = await log.subscribe("tester", { filter: ALL_EVENTS, retryDelayMs: 50 }, async (_e, delivery) => {
      attempts.push(delivery.attempt);
      if (delivery.attempt === 1) throw new Error("transient");
    });
    await until(() => attempts.length === 2);
    await sub.stop();
    expect(attempts).toEqual([1, 2]);
  });

  it("does not hand a member a record its handler already finished, even when the handler outlasted the ack wait", async () => {
    // Past the ack wait the log may offer the record again (JetStream does, to the waiting pull of
    // this very member); once the handler has succeeded, that offer must be acknowledged, not handled.
    await log.append([note(PLUGIN_A, "slow")]);
    await log.append([note(PLUGIN_B, "next")]);
    const handled: string[] = [];
    const sub = await log.subscribe("slow-worker", { filter: ALL_EVENTS, ackWaitMs: 1_000 }, async (e) => {
      const text = (e.data as { text: string }).text;
      if (text === "slow") await new Promise((r) => setTimeout(r, 3_000));
      handled.push(text);
    });
    await until(() => handled.length >= 2, 20_000);
    await log.append([note(PLUGIN_A, "after")]); // the durable has moved on past both
    await until(() => handled.includes("after"), 20_000);
    await new Promise((r) => setTimeout(r, 2_500)); // two more ack waits: room for a late repeat
    await sub.stop();
    expect(handled).toEqual(["slow", "next", "after"]);
  }, 60_000);

  it("shares a durable's work between two members: each record handled by exactly one", async () => {
    const handled = new Map<string, string[]>([["m1", []], ["m2", []]]);
    const member = (name: string) => async (e: AnyStoredEvent) => {
      await new Promise((r) => setTimeout(r, 5));
      handled.get(name)!.push((e.data as { text: string }).text);
    };
    const s1 = await log.subscribe("synthesizer", { filter: ALL_EVENTS }, member("m1"));
    const s2 = await log.subscribe("synthesizer", { filter: ALL_EVENTS }, member("m2"));
    const n = 40;
    await Promise.all(Array.from({ length: n }, (_, i) => log.append([note(`capsmith.evt.gap.g${i}`, `g${i}`)])));
    await until(() => handled.get("m1")!.length + handled.get("m2")!.length >= n);
    await new Promise((r) => setTimeout(r, 200));
    await Promise.all([s1.stop(), s2.stop()]);
    const all = [...handled.get("m1")!, ...handled.get("m2")!];
    expect(all.sort()).toEqual(Array.from({ length: n }, (_, i) => `g${i}`).sort());
    expect(handled.get("m1")!.length).toBeGreaterThan(0);
    expect(handled.get("m2")!.length).toBeGreaterThan(0);
  });

  it("starts a new durable at the end of the log when asked for new records only", async () => {
    await log.append([note(PLUGIN_A, "old")]);
    const seen: string[] = [];
    const sub = await log.subscribe("tail", { filter: ALL_EVENTS, deliver: "new" }, async (e) => {
      seen.push((e.data as { text: string }).text);
    });
    await log.append([note(PLUGIN_A, "fresh")]);
    await until(() => seen.length === 1);
    await sub.stop();
    expect(seen).toEqual(["fresh"]);
  });

  it("names the log it is: stable across a reopen, its first record's hash, another log another identity", async () => {
    const empty = await log.identity();
    expect(empty).toMatchObject({ kind: factory.name });
    expect(empty.firstHash).toBeUndefined();
    const first = await log.append([note(PLUGIN_A, "first")]);
    await log.append([note(PLUGIN_B, "second")]);
    const id = await log.identity();
    expect(id.firstHash).toBe(first.events[0]!.hash);
    expect(id.location).toBe(empty.location);
    expect(id.id).toContain(first.events[0]!.hash);
    await log.close();
    log = await factory.open({ clock: steppingClock(), newId: counterIds("again") });
    expect(await log.identity()).toEqual(id);
    await log.close();
    await factory.reset();
    log = await factory.open({ clock: steppingClock("2026-02-01T00:00:00Z"), newId: counterIds("other") });
    await log.append([note(PLUGIN_A, "first")]);
    expect((await log.identity()).id).not.toBe(id.id);
  });

  it("quarantines a stray record: reads and subscriptions skip it and say where, appends on its subject go on, audit lists it", async () => {
    const usage = "capsmith.evt.usage.total_cost";
    await log.append([note(usage, "u1")]);
    await factory.injectStray(usage, "hello");
    await log.append([note(usage, "u2")]);
    const head = await log.subjectHead(usage);
    await log.append([note(usage, "u3")], { expectedSubjectSeq: head!.seq });
    await log.append([note(PLUGIN_A, "a1")]);
    const quarantined: QuarantinedRecord[] = [];
    const events = await collect(log.read(ALL_EVENTS, { onQuarantine: (q) => quarantined.push(q) }));
    expect(events.map((e) => [e.seq, (e.data as { text: string }).text])).toEqual([[1, "u1"], [3, "u2"], [4, "u3"], [5, "a1"]]);
    expect(quarantined).toEqual([expect.objectContaining({ seq: 2, reason: "unreadable" })]);
    const verifier = new ChainVerifier();
    for (const e of events) expect(verifier.check(e)).toBeUndefined();
    expect(await log.lastSeq()).toBe(5);

    const seen: number[] = [];
    const skipped: number[] = [];
    const sub = await log.subscribe("usage-reader", { filter: "capsmith.evt.usage.>", onQuarantine: (q) => skipped.push(q.seq) }, async (e) => {
      seen.push(e.seq);
    });
    await until(() => seen.length === 3 && skipped.length === 1);
    await sub.stop();
    expect(seen).toEqual([1, 3, 4]);
    expect(skipped).toEqual([2]);

    const report = await verifyLog(log);
    expect(report).toMatchObject({ ok: false, events: 4, firstBreak: { problem: "quarantined", seq: 2 } });
    expect(report.quarantined.map((q) => q.seq)).toEqual([2]);
  });

  it("lets two logs opened on one store see each other's appends, conflicts, message ids and durable work", async () => {
    const other = await factory.open({ clock: steppingClock(), newId: counterIds("other") });
    try {
      await log.append([note(PLUGIN_A, "from one")]);
      expect(await other.lastSeq()).toBe(1);
      expect(await other.subjectHead(PLUGIN_A)).toEqual(await log.subjectHead(PLUGIN_A));
      expect((await collect(other.read(ALL_EVENTS))).map((e) => (e.data as { text: string }).text)).toEqual(["from one"]);
      const race = await Promise.allSettled([
        log.append([note(PLUGIN_A, "one wins")], { expectedSubjectSeq: 1 }),
        other.append([note(PLUGIN_A, "other wins")], { expectedSubjectSeq: 1 }),
      ]);
      expect(race.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const again = await Promise.all([log.append([note(PLUGIN_B, "once")], { msgId: "shared-id" }), other.append([note(PLUGIN_B, "once")], { msgId: "shared-id" })]);
      expect(again[0].seq).toBe(again[1].seq);
      expect(again.filter((r) => r.duplicate)).toHaveLength(1);

      const handled: string[] = [];
      const member = (who: string) => async (e: AnyStoredEvent) => {
        await new Promise((r) => setTimeout(r, 2));
        handled.push(`${who}:${(e.data as { text: string }).text}`);
      };
      const s1 = await log.subscribe("shared-work", { filter: "capsmith.evt.gap.>" }, member("one"));
      const s2 = await other.subscribe("shared-work", { filter: "capsmith.evt.gap.>" }, member("other"));
      const n = 30;
      for (let i = 0; i < n; i++) await (i % 2 ? log : other).append([note(`capsmith.evt.gap.g${i}`, `g${i}`)]);
      await until(() => handled.length >= n);
      await new Promise((r) => setTimeout(r, 300));
      await Promise.all([s1.stop(), s2.stop()]);
      expect(handled.map((h) => h.split(":")[1]).sort()).toEqual(Array.from({ length: n }, (_, i) => `g${i}`).sort());
      const verifier = new ChainVerifier();
      for (const e of await collect(other.read(ALL_EVENTS))) expect(verifier.check(e)).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  it("closes without waiting for a handler that never finishes, and the next member handles its record", async () => {
    const other = await factory.open({ clock: steppingClock(), newId: counterIds("stuck") });
    let started!: () => void;
    const inFlight = new Promise<void>((resolve) => (started = resolve));
    let release!: () => void;
    const held = new Promise<void>((_, reject) => (release = () => reject(new Error("released"))));
    held.catch(() => undefined);
    await other.subscribe("stuck-work", { filter: "capsmith.evt.gap.>", ackWaitMs: 1_000 }, () => (started(), held));
    const appended = await log.append([note("capsmith.evt.gap.held", "held")]);
    await inFlight;
    // Without the bound on close this waits as long as the handler: forever.
    expect(await Promise.race([other.close().then(() => "closed"), new Promise((r) => setTimeout(() => r("still waiting"), 20_000))])).toBe("closed");
    const handled: number[] = [];
    const next = await log.subscribe("stuck-work", { filter: "capsmith.evt.gap.>", ackWaitMs: 1_000 }, async (e) => void handled.push(e.seq));
    try {
      await until(() => handled.includes(appended.seq), 30_000);
    } finally {
      release();
      await next.stop();
    }
  }, 60_000);

  it("refuses appends after close, and closes twice without error", async () => {
    await log.close();
    await log.close();
    await expect(log.append([note(PLUGIN_A, "late")])).rejects.toMatchObject({ code: "log_closed" });
    log = await factory.open({ clock: steppingClock(), newId: counterIds("x") });
  });
});
