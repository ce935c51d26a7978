/**
 * What only the JetStream adapter has to prove: the stream it creates or refuses, a clear error for
 * a server that is not there, surviving a server restart without losing or doubling events, and a
 * durable shared with another process. The port's semantics are in event-log-contract.test.ts.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { jetstreamManager } from "@nats-io/jetstream";
import type { ConsumerInfo } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ALL_EVENTS, ChainVerifier, ConcurrencyError } from "../../src/events/index.ts";
import type { AnyStoredEvent, EventLog, NewEvent, QuarantinedRecord, Subscription } from "../../src/events/index.ts";
import { openNatsBlobStore } from "../../src/blobs/nats-blob-store.ts";
import { openNatsLog } from "../../src/events/nats-log.ts";
import type { NatsLogOptions } from "../../src/events/nats-log.ts";
import { counterIds, steppingClock } from "../support/deterministic.ts";
import { findNatsServerBinary, freePort, startNatsServer, waitForEndpoint } from "../support/nats-server.ts";
import type { NatsServerHandle } from "../support/nats-server.ts";

const note = (subject: string, text: string): NewEvent => ({ type: "OperatorNote", subject, data: { text } });
const text = (e: AnyStoredEvent): string => (e.data as { text: string }).text;

async function collect(iterable: AsyncIterable<AnyStoredEvent>): Promise<AnyStoredEvent[]> {
  const out: AnyStoredEvent[] = [];
  for await (const e of iterable) out.push(e);
  return out;
}

async function until(predicate: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function untilAsync(predicate: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function consumerInfo(stream: string, name: string): Promise<ConsumerInfo> {
  const nc = await connect({ servers: server.url });
  try {
    return await (await jetstreamManager(nc)).consumers.info(stream, name);
  } finally {
    await nc.close();
  }
}

// Restarts need a server of our own, so this suite never uses NATS_URL.
let server: NatsServerHandle;
let streamCounter = 0;
const logs: EventLog[] = [];

async function open(overrides: Partial<NatsLogOptions> = {}): Promise<EventLog> {
  const log = await openNatsLog({ url: server.url, clock: steppingClock(), newId: counterIds(`p${logs.length}`), actor: "test", ...overrides });
  logs.push(log);
  return log;
}

async function deleteStream(stream: string): Promise<void> {
  const nc = await connect({ servers: server.url });
  try {
    await (await jetstreamManager(nc)).streams.delete(stream);
  } finally {
    await nc.close();
  }
}

/** Each test gets its own stream; streams may not overlap in subjects, so the previous one goes. */
async function freshStream(): Promise<string> {
  const nc = await connect({ servers: server.url });
  try {
    const jsm = await jetstreamManager(nc);
    for await (const name of jsm.streams.names()) await jsm.streams.delete(name);
  } finally {
    await nc.close();
  }
  return `NATS_TEST_${++streamCounter}`;
}

beforeAll(async () => {
  server = await startNatsServer({ useEnv: false });
});
afterEach(async () => {
  await Promise.allSettled(logs.splice(0).map((l) => l.close()));
});
afterAll(() => server.stop());

describe("NATS JetStream event log", () => {
  it("creates the stream on first start with file storage and a duplicate window, and reuses it after", async () => {
    const stream = await freshStream();
    const log = await open({ stream });
    await log.append([note("capsmith.evt.plugin.a", "one")]);
    const nc = await connect({ servers: server.url });
    try {
      const { config } = await (await jetstreamManager(nc)).streams.info(stream);
      expect(config).toMatchObject({ subjects: [ALL_EVENTS], storage: "file", max_msgs_per_subject: -1, duplicate_window: 120_000_000_000 });
    } finally {
      await nc.close();
    }
    const again = await open({ stream, duplicateWindowMs: 60_000 });
    expect(await again.lastSeq()).toBe(1);
  });

  it("refuses a stream of that name that holds other subjects, with a clear error", async () => {
    const stream = await freshStream();
    const nc = await connect({ servers: server.url });
    try {
      await (await jetstreamManager(nc)).streams.add({ name: stream, subjects: ["orders.>"] });
    } finally {
      await nc.close();
    }
    await expect(open({ stream })).rejects.toMatchObject({
      code: "log_unavailable",
      message: expect.stringMatching(/not an event log stream: subjects are \[orders\.>\]/),
      nextStep: expect.stringContaining("another stream name"),
    });
  });

  it("answers an unreachable server with log_unavailable, quickly", async () => {
    const started = Date.now();
    const attempt = openNatsLog({ url: "nats://127.0.0.1:1", clock: steppingClock(), newId: counterIds(), actor: "test", connectTimeoutMs: 2_000 });
    await expect(attempt).rejects.toMatchObject({ code: "log_unavailable", retryable: true, message: expect.stringContaining("cannot reach NATS at nats://127.0.0.1:1") });
    await expect(attempt).rejects.toMatchObject({ nextStep: expect.stringContaining("nats-server -js") });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("re-seals against a moved head but still reports a repeated msgId as the duplicate it is", async () => {
    const stream = await freshStream();
    const log = await open({ stream });
    const subject = "capsmith.evt.plugin.dedup";
    const first = await log.append([note(subject, "once")], { msgId: "reaction-1" });
    await log.append([note(subject, "moved on")]);
    const plain = await log.append([note(subject, "once")], { msgId: "reaction-1" });
    expect(plain).toMatchObject({ duplicate: true, seq: first.seq });
    expect(plain.events).toEqual(first.events);
    // A stale expected seq does not turn a repeat into a conflict either: the duplicate wins.
    const stale = await log.append([note(subject, "once")], { msgId: "reaction-1", expectedSubjectSeq: 0 });
    expect(stale).toMatchObject({ duplicate: true, seq: first.seq });
    await expect(log.append([note(subject, "new")], { msgId: "reaction-2", expectedSubjectSeq: 0 })).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await log.lastSeq()).toBe(2);
  });

  it("keeps one chain per subject when two connections append to it, and reports a real conflict", async () => {
    const stream = await freshStream();
    const a = await open({ stream });
    const b = await open({ stream, newId: counterIds("b") });
    const subject = "capsmith.evt.plugin.shared";
    const a1 = await a.append([note(subject, "a1")]);
    await b.append([note(subject, "b1")]); // a's remembered head is stale now
    await a.append([note(subject, "a2")]);
    await expect(a.append([note(subject, "stale")], { expectedSubjectSeq: a1.seq })).rejects.toMatchObject({ code: "concurrency_conflict", actual: 3 });
    const events = await collect(a.read(subject));
    expect(events.map(text)).toEqual(["a1", "b1", "a2"]);
    const verifier = new ChainVerifier();
    for (const e of events) expect(verifier.check(e)).toBeUndefined();
  });

  it("refuses to reuse a durable name with another filter", async () => {
    const stream = await freshStream();
    const log = await open({ stream });
    const sub = await log.subscribe("hub", { filter: "capsmith.evt.plugin.>" }, async () => {});
    await sub.stop();
    await expect(log.subscribe("hub", { filter: "capsmith.evt.run.>" }, async () => {})).rejects.toMatchObject({
      code: "invalid_subject",
      message: expect.stringContaining("already exists with filter capsmith.evt.plugin.>"),
    });
  });

  it("survives a server restart: appends before, during and after; nothing lost or doubled, acked records not redelivered", async () => {
    const stream = await freshStream();
    const log = await open({ stream });
    const seen = new Map<string, number>();
    // The ack wait leaves room for a loaded machine: records pulled together wait their turn unacked.
    const sub = await log.subscribe("restart-watcher", { filter: ALL_EVENTS, ackWaitMs: 15_000 }, async (e) => {
      seen.set(text(e), (seen.get(text(e)) ?? 0) + 1);
    });
    for (let i = 0; i < 30; i++) await log.append([note(`capsmith.evt.before.b${i % 3}`, `before-${i}`)]);
    await until(() => seen.size === 30);
    // An ack lost to the restart would rightly mean a redelivery; this test is about the log, so the
    // restart comes once the server holds every ack.
    await untilAsync(async () => (await consumerInfo(stream, "restart-watcher")).ack_floor.stream_seq === 30);

    const restarting = server.restart();
    const during = Promise.all(Array.from({ length: 10 }, (_, i) => log.append([note(`capsmith.evt.during.d${i}`, `during-${i}`)])));
    await restarting;
    await during;
    for (let i = 0; i < 30; i++) await log.append([note(`capsmith.evt.after.a${i % 3}`, `after-${i}`)]);

    await until(() => seen.size === 70, 30_000);
    await new Promise((r) => setTimeout(r, 500));
    await sub.stop();
    // Every record exactly once, to this subscriber: one in flight during the restart may be
    // offered again (its ack lost with the server), and the subscription acknowledges that repeat
    // instead of handing it over twice.
    expect(seen.size).toBe(70);
    expect([...seen].filter(([, n]) => n !== 1)).toEqual([]);

    const events = await collect(log.read(ALL_EVENTS));
    expect(events).toHaveLength(70);
    expect(new Set(events.map((e) => e.id)).size).toBe(70);
    expect(await log.lastSeq()).toBe(70);
    const verifier = new ChainVerifier();
    for (const e of events) expect(verifier.check(e)).toBeUndefined();
  }, 60_000);

  // The subscription's memory of finished records (nats-subscription.ts) must never swallow a record
  // that is not a repeat: its attacker had both of these acked unhandled.
  /** A live member of durable "worker" that has handled (and the server acked) five records named `name-i`. */
  async function fiveHandled(name: string): Promise<{ stream: string; log: EventLog; handled: string[]; sub: Subscription }> {
    const stream = await freshStream();
    const log = await open({ stream });
    for (let i = 0; i < 5; i++) await log.append([note(`capsmith.evt.job.o${i}`, `${name}-${i}`)]);
    const handled: string[] = [];
    const sub = await log.subscribe("worker", { filter: ALL_EVENTS, ackWaitMs: 5_000 }, async (e) => void handled.push(text(e)));
    await until(() => handled.length === 5);
    await untilAsync(async () => (await consumerInfo(stream, "worker")).ack_floor.stream_seq === 5);
    return { stream, log, handled, sub };
  }

  it("hands over the records of a stream deleted and made again under a live subscription, though their seqs are the old ones", async () => {
    const { stream, handled, sub } = await fiveHandled("old");
    // `nats stream rm`, then another process opens the log (a new stream, numbered from 1 again)
    // and makes the durable again before it goes away.
    await deleteStream(stream);
    const b = await open({ stream, newId: counterIds("b") });
    await (await b.subscribe("worker", { filter: ALL_EVENTS, ackWaitMs: 5_000 }, async () => {})).stop();
    for (let i = 0; i < 6; i++) await b.append([note(`capsmith.evt.job.n${i}`, `new-${i}`)]);
    await until(() => handled.length === 11, 30_000);
    await sub.stop();
    expect(handled).toEqual([...Array.from({ length: 5 }, (_, i) => `old-${i}`), ...Array.from({ length: 6 }, (_, i) => `new-${i}`)]);
  }, 90_000);

  it("hands every record over again to a live member when its durable is deleted and made again to start it over", async () => {
    const { stream, log: a, handled, sub } = await fiveHandled("r");
    const nc = await connect({ servers: server.url });
    try {
      const jsm = await jetstreamManager(nc);
      const { config } = await jsm.consumers.info(stream, "worker");
      await jsm.consumers.delete(stream, "worker");
      await jsm.consumers.add(stream, config); // as a member starting elsewhere makes it
    } finally {
      await nc.close();
    }
    await a.append([note("capsmith.evt.job.z", "r-5")]);
    await until(() => handled.includes("r-5") && handled.length >= 11, 30_000);
    await sub.stop();
    expect(handled.slice(5)).toEqual(["r-0", "r-1", "r-2", "r-3", "r-4", "r-5"]);
  }, 90_000);

  it("finishes a read that a server restart interrupts, without gaps or repeats", async () => {
    const stream = await freshStream();
    const log = await open({ stream });
    const n = 25_000; // more than one pull holds, so the read needs the restarted server
    await Promise.all(Array.from({ length: n }, (_, i) => log.append([note(`capsmith.evt.bulk.s${i}`, `e${i}`)])));
    const seqs: number[] = [];
    let restart: Promise<void> | undefined;
    const started = Date.now();
    for await (const e of log.read(ALL_EVENTS)) {
      seqs.push(e.seq);
      if (seqs.length === 100) restart = server.restart();
      if (seqs.length === 100) await restart;
    }
    expect(seqs).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 60_000);

  it("shares one durable between two processes: each record handled by exactly one", async () => {
    const stream = await freshStream();
    const log = await open({ stream });
    const mine: string[] = [];
    const sub = await log.subscribe("shared-worker", { filter: ALL_EVENTS }, async (e) => {
      await new Promise((r) => setTimeout(r, 2));
      mine.push(text(e));
    });
    const other = startWorker(server.url, stream, "shared-worker");
    await other.ready;
    const n = 200;
    await Promise.all(Array.from({ length: n }, (_, i) => log.append([note(`capsmith.evt.job.j${i}`, `job-${i}`)])));
    await until(() => mine.length + other.handled.length >= n, 30_000);
    await new Promise((r) => setTimeout(r, 500));
    await sub.stop();
    await other.stop();
    const all = [...mine, ...other.handled].sort();
    expect(all).toEqual(Array.from({ length: n }, (_, i) => `job-${i}`).sort());
    expect(mine.length).toBeGreaterThan(0);
    expect(other.handled.length).toBeGreaterThan(0);
  }, 60_000);
});

describe("NATS namespaces", () => {
  it("keeps two namespaces and the default on one server apart: reads, subscriptions, heads, identities", async () => {
    await freshStream();
    const subject = "capsmith.evt.plugin.total_cost";
    const a = await open({ namespace: "team-a" });
    const b = await open({ namespace: "team_b", newId: counterIds("b") });
    const plain = await open({ newId: counterIds("plain") });
    await a.append([note(subject, "a1")]);
    await a.append([note(subject, "a2")]);
    await b.append([note(subject, "b1")]);
    await plain.append([note(subject, "p1")]);
    const texts = async (log: EventLog): Promise<string[]> => (await collect(log.read(ALL_EVENTS))).map(text);
    expect(await texts(a)).toEqual(["a1", "a2"]);
    expect(await texts(b)).toEqual(["b1"]);
    expect(await texts(plain)).toEqual(["p1"]);
    expect(await a.subjectHead(subject)).toMatchObject({ seq: 2 });
    expect(await b.subjectHead(subject)).toMatchObject({ seq: 1 });
    expect(await b.lastSeq()).toBe(1);
    // Conditional appends count each namespace's own records only.
    await b.append([note(subject, "b2")], { expectedSubjectSeq: 1 });
    await expect(b.append([note(subject, "stale")], { expectedSubjectSeq: 1 })).rejects.toBeInstanceOf(ConcurrencyError);
    const seen: string[] = [];
    const sub = await a.subscribe("agent-governor", { filter: "capsmith.evt.plugin.>" }, async (e) => {
      seen.push(text(e));
    });
    const subB = await b.subscribe("agent-governor", { filter: "capsmith.evt.plugin.>" }, async () => {});
    await b.append([note(subject, "b3")]);
    await a.append([note(subject, "a3")]);
    await until(() => seen.length === 3);
    await new Promise((r) => setTimeout(r, 300));
    await Promise.all([sub.stop(), subB.stop()]);
    expect(seen).toEqual(["a1", "a2", "a3"]);
    const [ida, idb, idp] = await Promise.all([a.identity(), b.identity(), plain.identity()]);
    expect(ida).toMatchObject({ kind: "nats", location: "CAPSMITH_EVENTS_team-a", namespace: "team-a" });
    expect(idb).toMatchObject({ location: "CAPSMITH_EVENTS_team_b", namespace: "team_b" });
    expect(idp.location).toBe("CAPSMITH_EVENTS");
    expect(idp.namespace).toBeUndefined();
    // On the server the subjects carry the namespace.
    const nc = await connect({ servers: server.url });
    try {
      const jsm = await jetstreamManager(nc);
      expect((await jsm.streams.info("CAPSMITH_EVENTS_team-a")).config.subjects).toEqual(["team-a.capsmith.evt.>"]);
      expect((await jsm.streams.getMessage("CAPSMITH_EVENTS_team-a", { seq: 1 }))?.subject).toBe(`team-a.${subject}`);
    } finally {
      await nc.close();
    }
  });

  it("refuses a namespace that is not one subject token", async () => {
    await expect(open({ namespace: "a.b" })).rejects.toMatchObject({ code: "invalid_namespace" });
    await expect(open({ namespace: "x>" })).rejects.toMatchObject({ code: "invalid_namespace" });
  });

  it("quarantines a record whose events claim a subject other than the one it was published on", async () => {
    await freshStream();
    const log = await open();
    const forged = { msgId: "forged", events: [{ id: "f1", type: "PluginActivated", subject: "capsmith.evt.plugin.evil", time: "2026-01-01T00:00:00.000Z", actor: "governor", correlationId: "f1", causationId: null, schemaVersion: 1, data: {}, prevHash: null, hash: "x" }] };
    const nc = await connect({ servers: server.url });
    try {
      await nc.request("capsmith.evt.usage.total_cost", JSON.stringify(forged), { timeout: 5_000 });
    } finally {
      await nc.close();
    }
    await log.append([note("capsmith.evt.plugin.evil", "real")]);
    const quarantined: QuarantinedRecord[] = [];
    const events = await collect(log.read(ALL_EVENTS, { onQuarantine: (q) => quarantined.push(q) }));
    expect(events.map(text)).toEqual(["real"]);
    expect(quarantined).toEqual([expect.objectContaining({ seq: 1, subject: "capsmith.evt.usage.total_cost", reason: "not_a_record", message: expect.stringContaining("capsmith.evt.plugin.evil") })]);
    expect(await log.subjectHead("capsmith.evt.usage.total_cost")).toBeUndefined();
  });
});

describe("NATS permissions", () => {
  let dir: string;
  let proc: ChildProcess | undefined;
  let url = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "capsmith-nats-perm-"));
    const port = await freePort();
    const monitor = await freePort();
    const conf = join(dir, "server.conf");
    await writeFile(conf, `listen: 127.0.0.1:${port}
http: 127.0.0.1:${monitor}
jetstream { store_dir: "${join(dir, "store")}" }
accounts { A { jetstream: enabled, users: [
  { user: admin, password: adminpw }
  { user: runner, password: runnerpw, permissions: { publish: ["$JS.API.>", "$JS.ACK.>", "capsmith.evt.run.>"], subscribe: ["_INBOX.>"] } }
${await namespaceExample("teama")}
${await namespaceExample("teamb")}
] } }
`);
    const env = { ...process.env, CAPSMITH_NATS_TEAMA_OPERATOR_PASS: "apw", CAPSMITH_NATS_TEAMB_OPERATOR_PASS: "bpw" };
    proc = spawn(findNatsServerBinary(), ["-c", conf], { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    proc.stderr!.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
    await waitForEndpoint(proc, monitor, "/healthz", 10_000, () => output);
    url = `nats://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    if (proc && proc.exitCode === null) {
      const exited = new Promise((r) => proc!.once("exit", r));
      proc.kill("SIGTERM");
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  });

  it("answers a publish the server refuses with permission_denied naming the subject, not with a timeout", async () => {
    await open({ url: url.replace("//", "//admin:adminpw@") });
    // Timeouts far longer than the test: only the server's refusal can end this append in time.
    const runner = await open({ url: url.replace("//", "//runner:runnerpw@"), requestTimeoutMs: 60_000, operationTimeoutMs: 120_000 });
    await runner.append([note("capsmith.evt.run.r1", "allowed")]);
    const denied = runner.append([note("capsmith.evt.plugin.total_cost", "not for runners")]);
    await expect(denied).rejects.toMatchObject({
      code: "permission_denied",
      retryable: false,
      message: expect.stringContaining("capsmith.evt.plugin.total_cost"),
      details: { subject: "capsmith.evt.plugin.total_cost" },
    });
    // The connection stays usable for what the user may do.
    expect((await runner.append([note("capsmith.evt.run.r1", "still allowed")])).seq).toBe(2);
  }, 30_000);

  it("scopes a namespace's users as deploy/nats/accounts.conf shows: their own log and blobs, nobody else's", async () => {
    const as = (user: string, pass: string): string => url.replace("//", `//${user}:${pass}@`);
    const a = await open({ url: as("teama-operator", "apw"), namespace: "teama", requestTimeoutMs: 60_000, operationTimeoutMs: 120_000 });
    await a.append([note("capsmith.evt.plugin.total_cost", "team a")]);
    expect((await collect(a.read(ALL_EVENTS))).map(text)).toEqual(["team a"]);
    const seen: string[] = [];
    const sub = await a.subscribe("agent-governor", { filter: ALL_EVENTS }, async (e) => {
      seen.push(text(e));
    });
    await until(() => seen.length === 1);
    await sub.stop();
    const blobs = await openNatsBlobStore({ url: as("teama-operator", "apw"), namespace: "teama" });
    try {
      const hash = await blobs.put(new TextEncoder().encode("team a's package"));
      expect(new TextDecoder().decode(await blobs.get(hash))).toBe("team a's package");
    } finally {
      await blobs.close();
    }
    const b = await open({ url: as("teamb-operator", "bpw"), namespace: "teamb" });
    await b.append([note("capsmith.evt.plugin.total_cost", "team b")]);
    // Team a's credential reaches neither team b's namespace nor the default one.
    await expect(open({ url: as("teama-operator", "apw"), namespace: "teamb" })).rejects.toMatchObject({ code: "permission_denied" });
    await expect(open({ url: as("teama-operator", "apw") })).rejects.toMatchObject({ code: "permission_denied" });
    await expect(openNatsBlobStore({ url: as("teama-operator", "apw"), namespace: "teamb" })).rejects.toMatchObject({ code: "permission_denied" });
    expect((await collect(b.read(ALL_EVENTS))).map(text)).toEqual(["team b"]);
  }, 60_000);
});

/** The namespace example of deploy/nats/accounts.conf, uncommented, for `namespace`. */
async function namespaceExample(namespace: string): Promise<string> {
  const conf = await readFile(join(import.meta.dirname, "../../deploy/nats/accounts.conf"), "utf8");
  const block = /# BEGIN namespace example\n([\s\S]*?)# END namespace example/.exec(conf)?.[1];
  if (!block) throw new Error("deploy/nats/accounts.conf has no namespace example");
  return block.split("\n").map((l) => l.replace(/^# ?/, "")).join("\n").replaceAll("teama", namespace).replaceAll("TEAMA", namespace.toUpperCase());
}

/** A second process subscribed to the durable; it prints each handled record's text. */
function startWorker(url: string, stream: string, durable: string): { ready: Promise<void>; handled: string[]; stop(): Promise<void> } {
  const module = new URL("../../src/events/nats-log.ts", import.meta.url).href;
  const code = `
    import { openNatsLog } from ${JSON.stringify(module)};
    let n = 0;
    const log = await openNatsLog({ url: ${JSON.stringify(url)}, stream: ${JSON.stringify(stream)}, clock: { now: () => new Date(0) }, newId: () => "w" + ++n, actor: "worker" });
    const sub = await log.subscribe(${JSON.stringify(durable)}, { filter: "capsmith.evt.>" }, async (e) => {
      await new Promise((r) => setTimeout(r, 2));
      process.stdout.write("handled " + e.data.text + "\\n");
    });
    process.stdout.write("ready\\n");
    process.stdin.resume();
    process.stdin.on("end", async () => { await sub.stop(); await log.close(); process.stdout.write("stopped\\n"); });
  `;
  const child = spawn(process.execPath, ["--input-type=module", "--no-warnings", "-e", code], { stdio: ["pipe", "pipe", "inherit"] });
  const handled: string[] = [];
  let onReady!: () => void;
  let onStopped!: () => void;
  const ready = new Promise<void>((resolve, reject) => {
    onReady = resolve;
    child.once("exit", (status) => reject(new Error(`worker exited with ${status}`)));
  });
  const stopped = new Promise<void>((resolve) => (onStopped = resolve));
  createInterface({ input: child.stdout! }).on("line", (line) => {
    if (line === "ready") onReady();
    else if (line === "stopped") onStopped();
    else if (line.startsWith("handled ")) handled.push(line.slice("handled ".length));
  });
  child.once("exit", () => onStopped());
  return {
    ready,
    handled,
    async stop() {
      child.stdin!.end();
      await stopped;
    },
  };
}
