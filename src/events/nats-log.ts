/**
 * The `EventLog` on NATS JetStream. One append = one message on the events' subject, payload the
 * sealed record; its stream sequence is the record's seq. Every publish carries the subject head it
 * was sealed against as expected-last-subject-sequence, so the hash chain cannot fork, and the
 * record's msgId as Nats-Msg-Id, so a repeated append is acknowledged as a duplicate. An append
 * conditional on the whole log (`expectedLastSeq`) adds expected-last-sequence to the same publish.
 */
import { jetstream, jetstreamManager } from "@nats-io/jetstream";
import type { PubAck } from "@nats-io/jetstream";
import { errors as natsErrors } from "@nats-io/transport-node";
import { pino } from "pino";
import type { Logger } from "pino";
import type { AnyStoredEvent, LogRecord, NewEvent } from "./envelope.ts";
import { ConcurrencyError, EventLogError } from "./errors.ts";
import type { AppendOptions, AppendResult, Clock, EventHandler, EventLog, IdSource, LogIdentity, ReadOptions, SubscribeOptions, Subscription } from "./event-log.ts";
import { CLOSE_WAIT_MS, settlesWithin } from "./event-log.ts";
import { logIdentity } from "./log-identity.ts";
import { assertNamespace, decodeMessage, decodeRecord, isQuarantined, logical, physical, reportQuarantined, sleep, withSeq } from "./nats-context.ts";
import type { NatsContext } from "./nats-context.ts";
import { closeConnection, connectNats, pick, watchStatus } from "./nats-connect.ts";
import { connectError, isTransient, isWrongLastSequence, operationError, redactUrl } from "./nats-errors.ts";
import { readNats, readRecords } from "./nats-read.ts";
import { createAckedPublisher } from "./nats-publisher.ts";
import type { AckedPublisher, PublishExpectations } from "./nats-publisher.ts";
import { ensureStream } from "./nats-stream.ts";
import { subscribeNats } from "./nats-subscription.ts";
import { keyedOptions, recordHead, sealRecord, validateBatch } from "./seal.ts";
import type { EventSigner, SealContext } from "./seal.ts";
import { ALL_EVENTS, assertSubject } from "./subjects.ts";
import type { Head } from "./nats-heads.ts";
import { RecentMap } from "./recent-map.ts";

export interface NatsLogOptions {
  /** One server URL, or several comma-separated (the servers of a cluster). */
  url: string;
  /**
   * Several deployments on one server: names the stream (CAPSMITH_EVENTS_<namespace>) and prefixes
   * every subject on the server (`<namespace>.capsmith.evt.…`). Inside capsmith subjects stay as they are.
   */
  namespace?: string;
  /** JetStream stream holding the events (default CAPSMITH_EVENTS, or CAPSMITH_EVENTS_<namespace>). */
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

const NEW_SUBJECT: Head = { seq: 0, hash: null, raw: 0 };

export async function openNatsLog(options: NatsLogOptions): Promise<EventLog> {
  const logger = options.logger ?? pino({ level: "silent" });
  if (options.namespace !== undefined) assertNamespace(options.namespace);
  const prefix = options.namespace ? `${options.namespace}.` : "";
  const nc = await connectNats({ url: options.url, name: `capsmith ${options.actor}`, ...pick(options, "connectTimeoutMs", "user", "pass", "token") });
  try {
    const timeout = options.requestTimeoutMs ?? 5_000;
    const jsm = await jetstreamManager(nc, { timeout });
    const duplicateWindowMs = options.duplicateWindowMs ?? DEFAULT_DUPLICATE_WINDOW_MS;
    const stream = options.stream ?? streamName(options.namespace);
    await ensureStream(jsm, { name: stream, prefix, duplicateWindowMs, duplicateWindowExplicit: options.duplicateWindowMs !== undefined, replicas: options.replicas ?? 1 }, logger);
    const log: NatsLog = new NatsLog(
      { nc, jsm, js: jetstream(nc, { timeout }), stream, prefix, logger, operationTimeoutMs: options.operationTimeoutMs ?? 15_000, requestTimeoutMs: timeout, isClosed: (): boolean => log.isClosed() },
      { clock: options.clock, newId: options.newId, actor: options.actor, ...(options.sign ? { sign: options.sign } : {}) },
      createAckedPublisher(nc, timeout),
    );
    watchStatus(nc, logger, options.url);
    logger.debug({ url: redactUrl(options.url), stream, namespace: options.namespace }, "event log on NATS JetStream");
    return log;
  } catch (err) {
    await nc.close().catch(() => undefined);
    throw err instanceof EventLogError ? err : connectError(options.url, err);
  }
}

/** The stream of a namespace: CAPSMITH_EVENTS, or CAPSMITH_EVENTS_<namespace>. */
export function streamName(namespace?: string): string {
  return namespace ? `${DEFAULT_STREAM}_${namespace}` : DEFAULT_STREAM;
}

class NatsLog implements EventLog {
  readonly kind = "nats" as const;
  private closed = false;
  private closing: Promise<void> | undefined;
  private readonly heads = new RecentMap<Head>(HEAD_CACHE_SIZE);
  private readonly tails = new Map<string, (() => void)[]>();
  private readonly subscriptions = new Set<Subscription>();
  private readonly ctx: NatsContext;
  private readonly seal: SealContext;
  private readonly publisher: AckedPublisher;

  constructor(ctx: NatsContext, seal: SealContext, publisher: AckedPublisher) {
    this.ctx = ctx;
    this.seal = seal;
    this.publisher = publisher;
  }

  append(events: NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    try {
      this.assertOpen();
      const subject = validateBatch(events, options);
      const keyed = keyedOptions(options, events, this.seal);
      return this.oneAtATime(subject, () => this.appendTo(subject, events, keyed));
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }

  /**
   * Appends to one subject from this process go one after another: they would only conflict on the
   * subject head. Appends to different subjects stay concurrent (pipelined). An append to a subject
   * nobody else is appending to costs one map entry and no promise of its own: at tens of thousands
   * of appends a second, every promise and async frame on this path shows.
   */
  private oneAtATime<T>(subject: string, task: () => Promise<T>): Promise<T> {
    const waiting = this.tails.get(subject);
    let run: Promise<T>;
    if (waiting) run = new Promise<void>((resolve) => waiting.push(resolve)).then(task);
    else {
      this.tails.set(subject, []);
      run = task();
    }
    const release = (): void => {
      const next = this.tails.get(subject)?.shift();
      if (next) next();
      else this.tails.delete(subject);
    };
    run.then(release, release);
    return run;
  }

  private async appendTo(subject: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    // Ids are fixed once, so every re-seal carries the same msgId and de-duplication holds across retries.
    const fixed = events.map((e) => (e.id === undefined ? { ...e, id: this.seal.newId() } : e));
    const msgId = options.msgId ?? fixed[0]!.id!;
    const expected = options.expectedSubjectSeq;
    const lastExpected = options.expectedLastSeq;
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
        // Both conditions in one publish: the server refuses it (one error code for either) unless
        // the subject's head and, when asked, the stream's last sequence are as the caller read them.
        sent = await this.publish(subject, record, { lastSubjectSequence: head.raw, ...(lastExpected !== undefined ? { lastSequence: lastExpected } : {}) });
      } catch (err) {
        if (!isWrongLastSequence(err)) throw operationError(`append to ${subject}`, err, this.ctx.prefix);
        // The publish carried the msgId, so this is not a duplicate: the subject or the log moved on.
        this.heads.delete(subject);
        head = await this.readHead(subject);
        fresh = true;
        if (expected !== undefined && head.seq !== expected) throw new ConcurrencyError(subject, expected, head.seq);
        if (lastExpected !== undefined) {
          const last = await this.lastSeq();
          if (last !== lastExpected) throw new ConcurrencyError(subject, lastExpected, last, "log");
        }
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
      throw operationError(`append to ${subject}`, err, this.ctx.prefix);
    }
    if (!sent.ack.duplicate) throw new EventLogError("log_unavailable", `stream ${this.ctx.stream} stored a probe it should have refused`);
    return this.result(subject, record, sent.ack, sent.resent);
  }

  private result(subject: string, record: LogRecord, ack: PubAck, resent: boolean): AppendResult | Promise<AppendResult> {
    if (!ack.duplicate) {
      this.remember(subject, { seq: ack.seq, hash: recordHead(record), raw: ack.seq });
      return { seq: ack.seq, duplicate: false, events: withSeq(record, ack.seq) };
    }
    return this.duplicateResult(subject, record, ack, resent);
  }

  private async duplicateResult(subject: string, record: LogRecord, ack: PubAck, resent: boolean): Promise<AppendResult> {
    const stored = await this.readRecord(ack.seq, subject);
    // A resend after a lost ack finds our own first send: that is this append, not a duplicate.
    const ours = resent && recordHead(stored) === recordHead(record);
    if (ours) this.remember(subject, { seq: ack.seq, hash: recordHead(stored), raw: ack.seq });
    return { seq: ack.seq, duplicate: !ours, events: withSeq(stored, ack.seq) };
  }

  /** Publishes one record; a failure goes to republish. */
  private publish(subject: string, record: LogRecord, expect: PublishExpectations): Promise<{ ack: PubAck; resent: boolean }> {
    const payload = JSON.stringify(record);
    return this.publisher.publish(physical(this.ctx, subject), payload, record.msgId, expect).then(
      (ack) => ({ ack, resent: false }),
      (err: unknown) => this.republish(subject, record, payload, expect, err),
    );
  }

  /** After a failed publish: resends the identical message through reconnects (de-duplication makes that safe). */
  private async republish(subject: string, record: LogRecord, payload: string, expect: PublishExpectations, first: unknown): Promise<{ ack: PubAck; resent: boolean }> {
    let err = first;
    let waited = 0;
    for (let attempt = 0; ; attempt++) {
      if (!isTransient(err) || this.closed || waited >= this.ctx.operationTimeoutMs) throw err;
      this.ctx.logger.debug({ err, subject, attempt }, "append waiting for NATS");
      const pause = Math.min(1_000, 100 * 2 ** attempt);
      await sleep(pause);
      // Counted, not clocked: a timed-out attempt took the request timeout.
      waited += pause + (err instanceof natsErrors.TimeoutError ? this.ctx.requestTimeoutMs : 0);
      try {
        return { ack: await this.publisher.publish(physical(this.ctx, subject), payload, record.msgId, expect), resent: true };
      } catch (next) {
        err = next;
      }
    }
  }

  private remember(subject: string, head: Head): void {
    this.heads.set(subject, head);
  }

  /**
   * Reads a subject's head. A transient failure (a timeout or no responders while the server or its
   * stream leader restarts) is retried with backoff within the operation's budget, as appends are:
   * a reconnect must not turn into a failed decision.
   */
  private async readHead(subject: string): Promise<Head> {
    let m;
    let waited = 0;
    for (let attempt = 0; ; attempt++) {
      try {
        m = await this.ctx.jsm.streams.getMessage(this.ctx.stream, { last_by_subj: physical(this.ctx, subject) });
        break;
      } catch (err) {
        if (!isTransient(err) || this.closed || waited >= this.ctx.operationTimeoutMs) throw operationError(`reading the head of ${subject}`, err, this.ctx.prefix);
        this.ctx.logger.debug({ err, subject, attempt }, "head read waiting for NATS");
        const pause = Math.min(1_000, 100 * 2 ** attempt);
        await sleep(pause);
        // Counted, not clocked: a timed-out attempt took the request timeout.
        waited += pause + (err instanceof natsErrors.TimeoutError ? this.ctx.requestTimeoutMs : 0);
      }
    }
    if (!m) return NEW_SUBJECT;
    const decoded = decodeMessage(m.data, m.seq, subject);
    let head: Head;
    if (!isQuarantined(decoded)) head = { seq: m.seq, hash: recordHead(decoded), raw: m.seq };
    else {
      // A stray message ends the subject: the chain goes on from the last readable record before it.
      reportQuarantined(this.ctx, decoded, undefined);
      let last: { seq: number; record: LogRecord } | undefined;
      for await (const r of readRecords(this.ctx, subject, 1, m.seq, undefined)) last = r;
      head = last ? { seq: last.seq, hash: recordHead(last.record), raw: m.seq } : { ...NEW_SUBJECT, raw: m.seq };
    }
    this.remember(subject, head);
    return head;
  }

  private async readRecord(seq: number, subject: string): Promise<LogRecord> {
    let m;
    try {
      m = await this.ctx.jsm.streams.getMessage(this.ctx.stream, { seq });
    } catch (err) {
      throw operationError(`reading record ${seq}`, err, this.ctx.prefix);
    }
    if (!m) throw new EventLogError("log_unavailable", `record ${seq} of stream ${this.ctx.stream} is gone`, { nextStep: "Check the stream's limits." });
    return decodeRecord(m.data, seq, subject, this.ctx.stream);
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
      throw operationError("reading the last seq", err, this.ctx.prefix);
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

  async identity(): Promise<LogIdentity> {
    this.assertOpen();
    let firstHash: string | undefined;
    let state;
    try {
      state = (await this.ctx.jsm.streams.info(this.ctx.stream)).state;
      const m = state.messages > 0 ? await this.ctx.jsm.streams.getMessage(this.ctx.stream, { seq: state.first_seq }) : null;
      const decoded = m ? decodeMessage(m.data, m.seq, logical(this.ctx, m.subject)) : undefined;
      if (decoded && !isQuarantined(decoded)) firstHash = decoded.events[0]!.hash;
    } catch (err) {
      throw operationError("reading the identity of the log", err, this.ctx.prefix);
    }
    // A stray message first: the first readable record, skipping strays as every reader does.
    if (firstHash === undefined && state.messages > 0) {
      for await (const { record } of readRecords(this.ctx, ALL_EVENTS, state.first_seq, state.last_seq, undefined)) {
        firstHash = record.events[0]!.hash;
        break;
      }
    }
    return logIdentity({ kind: "nats", location: this.ctx.stream, namespace: this.ctx.prefix.slice(0, -1) || undefined, firstHash });
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      // Subscriptions drain first: their in-flight handlers finish and ack while the connection lives.
      const drained = await settlesWithin(Promise.allSettled([...this.subscriptions].map((s) => s.stop())), CLOSE_WAIT_MS);
      if (!drained) this.ctx.logger.warn({ waitedMs: CLOSE_WAIT_MS }, "closing with handlers in flight: their records stay unacknowledged and will be redelivered");
      this.closed = true;
      this.publisher.close();
      // Draining flushes through the server, which one that stopped answering (SIGSTOP, a partition,
      // a reconnect that never comes) never confirms: after CLOSE_WAIT_MS the connection just closes.
      await closeConnection(this.ctx.nc);
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
