/**
 * The fast path of a JetStream read: one ephemeral pull consumer without acks, pulled directly on a
 * reply subscription with a thousand messages kept owed, its messages handed over a batch at a time. The
 * client's ordered consumer spends most of a read on per-message bookkeeping (a JsMsg, an iterator
 * step, an ordering check each); here a message costs parsing its ack subject (for the stream seq
 * and the consumer's own delivery seq) and a push. Order is checked with the delivery seq: a gap or
 * a consumer that stops answering (a dead cluster node, a restart) ends the range with a retryable
 * error, and the caller reads on after the last message it has, without a consumer: the messages are
 * fetched one by one from the stream leader, as a short range (a tail) always is.
 */
import { AckPolicy, DeliverPolicy } from "@nats-io/jetstream";
import type { JetStreamManager } from "@nats-io/jetstream";
import { createInbox, nanos, nuid } from "@nats-io/transport-node";
import type { Msg } from "@nats-io/transport-node";
import { EventLogError } from "./errors.ts";
import type { NatsContext } from "./nats-context.ts";
import { operationError } from "./nats-errors.ts";
import { subjectMatches } from "./subjects.ts";

export interface RawMessage {
  seq: number;
  /** Physical subject. */
  subject: string;
  data: Uint8Array;
}

/** Messages kept owed by pull requests in flight; refilled once a quarter of them arrived. */
const PULL_BATCH = 1_000;
const REFILL_AT = 750;
const PULL_EXPIRES_MS = 2_000;
const IDLE_HEARTBEAT_MS = 500;
/** Waiting this long (to twice this) without a message or heartbeat: the consumer is gone or stuck. */
const STALL_MS = 1_500;
/** Creating a read's consumer takes milliseconds; one placed on a dead node never answers. */
const CREATE_TIMEOUT_MS = 1_500;
/**
 * A range this short (a read model's tail, a head's neighbourhood) is fetched message by message from
 * the stream leader instead: no consumer to create, so none to place on a dead cluster node (2.9 places
 * an R1 consumer on any peer of the stream it has not yet marked offline, a SIGKILLed one included).
 */
const GET_RANGE = 64;
/** Single gets in flight at once when a range is read without a consumer. */
const GET_CHUNK = 256;

/**
 * Messages matching `filter` (physical) with seqs in `[from, end]`, in order, a batch at a time.
 * `attempt` (0 first): a retry after a failed attempt reads without a consumer.
 */
export async function* pullRange(ctx: NatsContext, filter: string, from: number, end: number, attempt = 0): AsyncGenerator<RawMessage[]> {
  // A retry reads the rest by single gets too: the consumer that failed may have been placed on a
  // dead node, and the next one may well be (the server does not notice a SIGKILLed peer for a
  // while). Slower for a long range, but it only waits on the stream leader.
  if (end - from < GET_RANGE || attempt > 0) return yield* getMessages(ctx.jsm, ctx.stream, filter, from, end);
  const name = `capsmith_read_${nuid.next()}`;
  await createConsumer(ctx, name, filter, from, CREATE_TIMEOUT_MS);
  const inbox = createInbox();
  const pullSubject = `$JS.API.CONSUMER.MSG.NEXT.${ctx.stream}.${name}`;
  const request = (batch: number): string => JSON.stringify({ batch, expires: nanos(PULL_EXPIRES_MS), idle_heartbeat: nanos(IDLE_HEARTBEAT_MS) });
  let buffer: RawMessage[] = [];
  /** Messages still owed by the pull requests in flight, oldest first. */
  const owed: number[] = [];
  let owedTotal = 0;
  let delivered = 0;
  let finished = false;
  let failure: Error | undefined;
  let activity = 0;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const fail = (err: Error): void => {
    failure ??= err;
    notify();
  };
  /** Asks for what keeps `PULL_BATCH` messages owed (the client's own consumer refills the same way). */
  const pull = (): void => {
    const batch = PULL_BATCH - owedTotal;
    if (batch <= 0) return;
    owed.push(batch);
    owedTotal += batch;
    try {
      ctx.nc.publish(pullSubject, request(batch), { reply: inbox });
    } catch (err) {
      fail(operationError(`reading ${filter}`, err));
    }
  };
  /** The oldest request ends (all sent, or expired: what it still owed never comes). */
  const endRequest = (): void => {
    owedTotal -= owed.shift() ?? 0;
  };

  // A range ends only at its last message, never on the server's pending count (2.9 can report 0
  // early, and a read that ended early would look complete to its caller). The one exception: a
  // request expired with nothing delivered since the last, and the range's last message is gone
  // (removed after the read began) with nothing left pending.
  let deliveredAtLastExpiry = -1;
  const checkExhausted = (): void => {
    void (async () => {
      const [info, last] = await Promise.all([ctx.jsm.consumers.info(ctx.stream, name), ctx.jsm.streams.getMessage(ctx.stream, { seq: end })]);
      if (info.num_pending === 0 && last === null && !finished) {
        finished = true;
        notify();
      }
    })().catch(() => undefined);
  };

  const onMessage = (err: Error | null, m: Msg): void => {
    activity++;
    if (finished || failure) return;
    if (err) return fail(err);
    if (m.data.length === 0 && m.headers) {
      const code = m.headers.code;
      if (code === 100) return; // idle heartbeat
      if (code === 404 || code === 408) {
        endRequest();
        if (delivered === deliveredAtLastExpiry) checkExhausted();
        deliveredAtLastExpiry = delivered;
        return notify();
      }
      return fail(new EventLogError("log_unavailable", `read consumer answered ${code} ${m.headers.description}`, { retryable: true }));
    }
    const ack = parseAckSubject(m.reply);
    if (!ack) return fail(new EventLogError("log_unavailable", `unexpected message on a read's inbox: ${m.subject}`, { retryable: true }));
    if (ack.dseq !== delivered + 1) return fail(new EventLogError("log_unavailable", `read lost messages after delivery ${delivered}`, { retryable: true }));
    delivered = ack.dseq;
    if (owed.length > 0 && --owed[0]! === 0) owed.shift();
    owedTotal--;
    if (ack.seq > end) {
      finished = true;
      return notify();
    }
    buffer.push({ seq: ack.seq, subject: m.subject, data: m.data });
    if (ack.seq >= end) finished = true;
    else if (owedTotal <= REFILL_AT) pull();
    if (buffer.length === 1 || finished) notify();
  };

  const sub = ctx.nc.subscribe(inbox, { callback: onMessage });
  let checked = -1;
  const watch = setInterval(() => {
    if (wake && activity === checked) fail(new EventLogError("log_unavailable", `read of ${filter} stalled`, { retryable: true }));
    checked = activity;
  }, STALL_MS);
  watch.unref();
  try {
    pull();
    for (;;) {
      if (buffer.length > 0) {
        const batch = buffer;
        buffer = [];
        yield batch;
        continue;
      }
      if (finished) return;
      if (failure) throw failure instanceof EventLogError ? failure : operationError(`reading ${filter}`, failure);
      if (ctx.isClosed()) throw new EventLogError("log_closed", "the event log was closed during a read", { nextStep: "Open it again." });
      if (owedTotal <= REFILL_AT) pull();
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    clearInterval(watch);
    sub.unsubscribe();
    if (!ctx.isClosed()) void ctx.jsm.consumers.delete(ctx.stream, name).catch(() => undefined);
  }
}

/**
 * The messages of `stream` matching `filter` with seqs in `[from, end]`, in order, read by single
 * gets from the stream leader (no consumer), `GET_CHUNK` in flight at once; a deleted seq is skipped.
 */
export async function* getMessages(jsm: JetStreamManager, stream: string, filter: string, from: number, end: number): AsyncGenerator<RawMessage[]> {
  for (let at = from; at <= end; at += GET_CHUNK) {
    const messages = await getRange(jsm, stream, filter, at, Math.min(end, at + GET_CHUNK - 1));
    if (messages.length > 0) yield messages;
  }
}

/** `[from, end]` by single gets, in parallel: the messages that match `filter`, in order (a deleted seq is skipped). */
async function getRange(jsm: JetStreamManager, stream: string, filter: string, from: number, end: number): Promise<RawMessage[]> {
  const seqs = Array.from({ length: end - from + 1 }, (_, i) => from + i);
  try {
    const got = await Promise.all(seqs.map((seq) => jsm.streams.getMessage(stream, { seq })));
    return got.flatMap((m) => (m && subjectMatches(filter, m.subject) ? [{ seq: m.seq, subject: m.subject, data: m.data }] : []));
  } catch (err) {
    throw operationError(`reading ${filter}`, err);
  }
}

async function createConsumer(ctx: NatsContext, name: string, filter: string, from: number, timeoutMs: number): Promise<void> {
  const creating = ctx.jsm.consumers.add(ctx.stream, {
    name,
    filter_subject: filter,
    deliver_policy: DeliverPolicy.StartSequence,
    opt_start_seq: from,
    ack_policy: AckPolicy.None,
    mem_storage: true,
    num_replicas: 1,
    inactive_threshold: nanos(60_000),
  });
  creating.catch(() => undefined); // one that answers late is removed by the server once inactive
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new EventLogError("log_unavailable", `creating a read consumer on ${ctx.stream} took over ${timeoutMs} ms`, { retryable: true })), timeoutMs);
  });
  try {
    await Promise.race([creating, late]);
  } catch (err) {
    throw operationError(`reading ${filter}`, err);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `$JS.ACK.<stream>.<consumer>.<delivered>.<sseq>.<dseq>.<ts>.<pending>` (or the longer form with a
 * domain and account hash in front, and a token after): the stream seq and the delivery seq.
 */
export function parseAckSubject(reply: string | undefined): { seq: number; dseq: number } | undefined {
  if (!reply?.startsWith("$JS.ACK.")) return undefined;
  // Read from the end: `<sseq>.<dseq>.<ts>.<pending>` (and `.<token>` in the long form).
  let end = reply.length;
  let dots = 0;
  for (let i = 8; i < reply.length; i++) if (reply.charCodeAt(i) === 46) dots++;
  if (dots !== 6 && dots < 9) return undefined;
  if (dots >= 9) end = reply.lastIndexOf(".", end - 1);
  const p3 = reply.lastIndexOf(".", end - 1);
  const p2 = reply.lastIndexOf(".", p3 - 1);
  const p1 = reply.lastIndexOf(".", p2 - 1);
  const p0 = reply.lastIndexOf(".", p1 - 1);
  return { seq: Number(reply.slice(p0 + 1, p1)), dseq: Number(reply.slice(p1 + 1, p2)) };
}
