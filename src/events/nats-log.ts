/**
 * The `EventLog` on NATS JetStream. One append = one message on the events' subject, payload the
 * sealed record; its stream sequence is the record's seq. Every publish carries the subject head it
 * was sealed against as expected-last-subject-sequence, so the hash chain cannot fork, and the
 * record's msgId as Nats-Msg-Id, so a repeated append is acknowledged as a duplicate.
 */
import { jetstream, jetstreamManager } from "@nats-io/jetstream";
import type { PubAck } from "@nats-io/jetstream";
import { connect, errors as natsErrors } from "@nats-io/transport-node";
import type { NatsConnection } from "@nats-io/transport-node";
import { pino } from "pino";
import type { Logger } from "pino";
import type { AnyStoredEvent, LogRecord, NewEvent } from "./envelope.ts";
import { ConcurrencyError, EventLogError } from "./errors.ts";
import type { AppendOptions, AppendResult, Clock, EventHandler, EventLog, IdSource, ReadOptions, SubscribeOptions, Subscription } from "./event-log.ts";
import { decodeRecord, sleep, withSeq } from "./nats-context.ts";
import type { NatsContext } from "./nats-context.ts";
import { connectError, isTransient, isWrongLastSequence, operationError, redactUrl } from "./nats-errors.ts";
import { readNats } from "./nats-read.ts";
import { createAckedPublisher } from "./nats-publisher.ts";
import type { AckedPublisher, PublishExpectations } from "./nats-publisher.ts";
import { ensureStream } from "./nats-stream.ts";
import { subscribeNats } from "./nats-subscription.ts";
import { recordHead, sealRecord, validateBatch } from "./seal.ts";
import type { EventSigner, SealContext } from "./seal.ts";
import { assertSubject } from "./subjects.ts";

export interface NatsLogOptions {
  /** One server URL, or several comma-separated (the servers of a cluster). */
  url: string;
  /** JetStream stream holding `capsmith.evt.>` (default CAPSMITH_EVENTS). */
  stream?: string;
  clock: Clock;
  newId: IdSource;
  actor: string;
  /** How long the server remembers a msgId for de-duplication (default 2 min). */
  duplicateWindowMs?: number;
  /** Stream replicas on a cluster (default 1). */
  replicas?: number;
  logger?: Logger;
  user?: string;
  pass?: string;
  token?: string;
  /** How long the first connect may take before `log_unavailable` (default 5 s). */
  connectTimeoutMs?: number;
  /** How long one JetStream request waits for its answer (default 5 s). */
  requestTimeoutMs?: number;
  /** How long an append keeps retrying through a reconnect before `log_unavailable` (default 15 s). */
  operationTimeoutMs?: number;
  /** Signs what this process appends (see seal.ts). */
  sign?: EventSigner;
}

export const DEFAULT_STREAM = "CAPSMITH_EVENTS";
const DEFAULT_DUPLICATE_WINDOW_MS = 120_000;
/** Appends without an expected seq re-read the head and re-seal this often before giving up. */
const MAX_APPEND_ATTEMPTS = 10;
/** An expected stream sequence no stream reaches: the server answers duplicate or rejects. */
const DEDUP_PROBE_SEQ = Number.MAX_SAFE_INTEGER;
/** Subject heads remembered from this process's own appends, so most appends need no head read. */
const HEAD_CACHE_SIZE = 10_000;

interface Head {
  seq: number;
  hash: string | null;
}
const NEW_SUBJECT: Head = { seq: 0, hash: null };

export async function openNatsLog(options: NatsLogOptions): Promise<EventLog> {
  const logger = options.logger ?? pino({ level: "silent" });
  let nc: NatsConnection;
  const { servers, auth } = splitCredentials(options.url);
  try {
    nc = await connect({
      servers,
      ...auth,
      name: `capsmith ${options.actor}`,
      noAsyncTraces: true,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      timeout: options.connectTimeoutMs ?? 5_000,
      ...(options.user !== undefined ? { user: options.user } : {}),
      ...(options.pass !== undefined ? { pass: options.pass } : {}),
      ...(options.token !== undefined ? { token: options.token } : {}),
    });
  } catch (err) {
    throw connectError(options.url, err);
  }
  try {
    const timeout = options.requestTimeoutMs ?? 5_000;
    const jsm = await jetstreamManager(nc, { timeout });
    const duplicateWindowMs = options.duplicateWindowMs ?? DEFAULT_DUPLICATE_WINDOW_MS;
    const stream = options.stream ?? DEFAULT_STREAM;
    await ensureStream(jsm, { name: stream, duplicateWindowMs, duplicateWindowExplicit: options.duplicateWindowMs !== undefined, replicas: options.replicas ?? 1 }, logger);
    const log: NatsLog = new NatsLog(
      { nc, jsm, js: jetstream(nc, { timeout }), stream, logger, operationTimeoutMs: options.operationTimeoutMs ?? 15_000, requestTimeoutMs: timeout, isClosed: (): boolean => log.isClosed() },
      { clock: options.clock, newId: options.newId, actor: options.actor, ...(options.sign ? { sign: options.sign } : {}) },
      createAckedPublisher(nc, timeout),
    );
    watchStatus(nc, logger, options.url);
    logger.debug({ url: redactUrl(options.url), stream }, "event log on NATS JetStream");
    return log;
  } catch (err) {
    await nc.close().catch(() => undefined);
    throw err instanceof EventLogError ? err : connectError(options.url, err);
  }
}

class NatsLog implements EventLog {
  readonly kind = "nats" as const;
  private closed = false;
  private closing: Promise<void> | undefined;
  private readonly heads = new HeadCache(HEAD_CACHE_SIZE);
  private readonly tails = new Map<string, Promise<void>>();
  private readonly subscriptions = new Set<Subscription>();
  private readonly ctx: NatsContext;
  private readonly seal: SealContext;
  private readonly publisher: AckedPublisher;

  constructor(ctx: NatsContext, seal: SealContext, publisher: AckedPublisher) {
    this.ctx = ctx;
    this.seal = seal;
    this.publisher = publisher;
  }

  async append(events: NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    this.assertOpen();
    const subject = validateBatch(events, options);
    return this.oneAtATime(subject, () => this.appendTo(subject, events, options));
  }

  /**
   * Appends to one subject from this process go one after another: they would only conflict on the
   * subject head. Appends to different subjects stay concurrent (pipelined).
   */
  private async oneAtATime<T>(subject: string, task: () => Promise<T>): Promise<T> {
    const before = this.tails.get(subject);
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = before ? before.then(() => mine) : mine;
    this.tails.set(subject, tail);
    try {
      if (before) await before;
      return await task();
    } finally {
      release();
      if (this.tails.get(subject) === tail) this.tails.delete(subject);
    }
  }

  private async appendTo(subject: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    // Ids are fixed once, so every re-seal carries the same msgId and de-duplication holds across retries.
    const fixed = events.map((e) => (e.id === undefined ? { ...e, id: this.seal.newId() } : e));
    const msgId = options.msgId ?? fixed[0]!.id!;
    const expected = options.expectedSubjectSeq;
    // Without a remembered head, guess a new subject: a wrong guess costs what reading the head costs.
    let head = this.heads.get(subject) ?? (expected === undefined || expected === 0 ? NEW_SUBJECT : undefined);
    let fresh = false;
    for (let attempt = 1; ; attempt++) {
      if (head === undefined || (expected !== undefined && head.seq !== expected && !fresh)) {
        head = await this.readHead(subject);
        fresh = true;
      }
      const record = sealRecord(fixed, head.hash, this.seal, msgId);
      if (expected !== undefined && head.seq !== expected) {
        // A msgId this call just made up cannot be a duplicate; any other one might be.
        if (options.msgId === undefined && events[0]!.id === undefined) throw new ConcurrencyError(subject, expected, head.seq);
        return this.duplicateOrConflict(record, subject, expected, head.seq);
      }
      const tried = head.seq;
      let sent: { ack: PubAck; resent: boolean };
      try {
        sent = await this.publish(subject, record, { lastSubjectSequence: head.seq });
      } catch (err) {
        if (!isWrongLastSequence(err)) throw operationError(`append to ${subject}`, err);
        // The publish carried the msgId, so this is not a duplicate: the subject moved on.
        this.heads.delete(subject);
        head = await this.readHead(subject);
        fresh = true;
        if (expected !== undefined && head.seq !== expected) throw new ConcurrencyError(subject, expected, head.seq);
        if (attempt >= MAX_APPEND_ATTEMPTS) throw new ConcurrencyError(subject, tried, head.seq);
        // Another process won the head; back off a little (spread by msgId, no randomness) and re-seal.
        await sleep(attempt * 5 + (msgId.charCodeAt(msgId.length - 1) % 10));
        continue;
      }
      return this.result(subject, record, sent.ack, sent.resent);
    }
  }

  /** The subject is not where the caller expected; still, a repeated append must read as a duplicate. */
  private async duplicateOrConflict(record: LogRecord, subject: string, expected: number, actual: number): Promise<AppendResult> {
    let sent: { ack: PubAck; resent: boolean };
    try {
      sent = await this.publish(subject, record, { lastSequence: DEDUP_PROBE_SEQ });
    } catch (err) {
      if (isWrongLastSequence(err)) throw new ConcurrencyError(subject, expected, actual);
      throw operationError(`append to ${subject}`, err);
    }
    if (!sent.ack.duplicate) throw new EventLogError("log_unavailable", `stream ${this.ctx.stream} stored a probe it should have refused`);
    return this.result(subject, record, sent.ack, sent.resent);
  }

  private async result(subject: string, record: LogRecord, ack: PubAck, resent: boolean): Promise<AppendResult> {
    if (!ack.duplicate) {
      this.remember(subject, { seq: ack.seq, hash: recordHead(record) });
      return { seq: ack.seq, duplicate: false, events: withSeq(record, ack.seq) };
    }
    const stored = await this.readRecord(ack.seq);
    // A resend after a lost ack finds our own first send: that is this append, not a duplicate.
    const ours = resent && recordHead(stored) === recordHead(record);
    if (ours) this.remember(subject, { seq: ack.seq, hash: recordHead(stored) });
    return { seq: ack.seq, duplicate: !ours, events: withSeq(stored, ack.seq) };
  }

  /** Publishes one record, resending the identical message through reconnects (de-duplication makes that safe). */
  private async publish(subject: string, record: LogRecord, expect: PublishExpectations): Promise<{ ack: PubAck; resent: boolean }> {
    const payload = JSON.stringify(record);
    let waited = 0;
    for (let attempt = 0; ; attempt++) {
      try {
        const ack = await this.publisher.publish(subject, payload, record.msgId, expect);
        return { ack, resent: attempt > 0 };
      } catch (err) {
        if (!isTransient(err) || this.closed || waited >= this.ctx.operationTimeoutMs) throw err;
        const pause = Math.min(1_000, 100 * 2 ** attempt);
        this.ctx.logger.debug({ err, subject, attempt }, "append waiting for NATS");
        await sleep(pause);
        // Counted, not clocked: a timed-out attempt took the request timeout.
        waited += pause + (err instanceof natsErrors.TimeoutError ? this.ctx.requestTimeoutMs : 0);
      }
    }
  }

  private remember(subject: string, head: Head): void {
    this.heads.set(subject, head);
  }

  private async readHead(subject: string): Promise<Head> {
    let m;
    try {
      m = await this.ctx.jsm.streams.getMessage(this.ctx.stream, { last_by_subj: subject });
    } catch (err) {
      throw operationError(`reading the head of ${subject}`, err);
    }
    if (!m) return NEW_SUBJECT;
    const head = { seq: m.seq, hash: recordHead(decodeRecord(m.data, m.seq, this.ctx.stream)) };
    this.remember(subject, head);
    return head;
  }

  private async readRecord(seq: number): Promise<LogRecord> {
    let m;
    try {
      m = await this.ctx.jsm.streams.getMessage(this.ctx.stream, { seq });
    } catch (err) {
      throw operationError(`reading record ${seq}`, err);
    }
    if (!m) throw new EventLogError("log_unavailable", `record ${seq} of stream ${this.ctx.stream} is gone`, { nextStep: "Check the stream's limits." });
    return decodeRecord(m.data, seq, this.ctx.stream);
  }

  read(filter: string, options: ReadOptions = {}): AsyncIterable<AnyStoredEvent> {
    // Lazy like every failure of a read: a closed log rejects on the first next(), not here.
    return readNats(this.ctx, filter, options);
  }

  async subjectHead(subject: string): Promise<{ seq: number; hash: string } | undefined> {
    this.assertOpen();
    assertSubject(subject);
    const head = await this.readHead(subject);
    return head.hash === null ? undefined : { seq: head.seq, hash: head.hash };
  }

  async lastSeq(): Promise<number> {
    this.assertOpen();
    try {
      return (await this.ctx.jsm.streams.info(this.ctx.stream)).state.last_seq;
    } catch (err) {
      throw operationError("reading the last seq", err);
    }
  }

  async subscribe(durable: string, options: SubscribeOptions, handler: EventHandler): Promise<Subscription> {
    this.assertOpen();
    const inner = await subscribeNats(this.ctx, durable, options, handler);
    const subscription: Subscription = {
      stop: async () => {
        this.subscriptions.delete(subscription);
        await inner.stop();
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      // Subscriptions drain first: their in-flight handlers finish and ack while the connection lives.
      await Promise.allSettled([...this.subscriptions].map((s) => s.stop()));
      this.closed = true;
      this.publisher.close();
      await this.ctx.nc.drain().catch(() => this.ctx.nc.close());
    })();
    return this.closing;
  }

  /** Closed or closing: no new work starts. */
  isClosed(): boolean {
    return this.closed || this.closing !== undefined;
  }

  private assertOpen(): void {
    if (this.isClosed()) throw new EventLogError("log_closed", "the event log is closed", { nextStep: "Open it again." });
  }
}

/**
 * Two generations instead of an exact LRU: evicting a Map's oldest key one at a time gets slow once
 * it has seen many deletes, while swapping generations is O(1).
 */
class HeadCache {
  private young = new Map<string, Head>();
  private old = new Map<string, Head>();
  private readonly generationSize: number;

  constructor(size: number) {
    this.generationSize = Math.max(1, Math.floor(size / 2));
  }

  get(subject: string): Head | undefined {
    return this.young.get(subject) ?? this.old.get(subject);
  }

  set(subject: string, head: Head): void {
    this.young.set(subject, head);
    if (this.young.size >= this.generationSize) {
      this.old = this.young;
      this.young = new Map();
    }
  }

  delete(subject: string): void {
    this.young.delete(subject);
    this.old.delete(subject);
  }
}

/**
 * Server URLs without their credentials, and the credentials (`user:pass@` or `token@`) the first one
 * carries: the client would ignore credentials in a URL and connect anonymously.
 */
export function splitCredentials(url: string): { servers: string[]; auth: { user?: string; pass?: string; token?: string } } {
  let auth: { user?: string; pass?: string; token?: string } = {};
  const servers = url.split(",").map((s) => s.trim()).filter(Boolean).map((server) => {
    const m = /^([a-z]+:\/\/)?([^@/]*)@(.*)$/i.exec(server);
    if (!m) return server;
    const [, scheme = "", info = "", rest = ""] = m;
    if (Object.keys(auth).length === 0 && info) {
      const colon = info.indexOf(":");
      auth = colon < 0 ? { token: decodeURIComponent(info) } : { user: decodeURIComponent(info.slice(0, colon)), pass: decodeURIComponent(info.slice(colon + 1)) };
    }
    return scheme + rest;
  });
  return { servers, auth };
}

function watchStatus(nc: NatsConnection, logger: Logger, url: string): void {
  void (async () => {
    for await (const s of nc.status()) {
      if (s.type === "disconnect") logger.warn({ url: redactUrl(url) }, "NATS connection lost; reconnecting");
      else if (s.type === "reconnect") logger.info({ url: redactUrl(url) }, "NATS connection restored");
    }
  })().catch(() => undefined);
}
