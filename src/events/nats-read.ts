/**
 * `read` on JetStream: an ordered consumer over the filter, large pulls, ending at `untilSeq` or at
 * the last matching message as of the start of the read, so a read always terminates. Short
 * `expires` (2 s) with idle heartbeats (0.5 s) let a read recover from a server restart in ~1.5 s (2.9.10 stalls
 * ~45 s on the client defaults). A read cut off by a lost connection resumes where it stopped, within
 * the operation timeout, so callers see a restart as a pause.
 */
import { DeliverPolicy } from "@nats-io/jetstream";
import { errors as natsErrors } from "@nats-io/transport-node";
import type { ConsumerMessages } from "@nats-io/jetstream";
import type { AnyStoredEvent, LogRecord } from "./envelope.ts";
import { EventLogError } from "./errors.ts";
import type { ReadOptions } from "./event-log.ts";
import { decodeRecord, normalizeTime, sleep } from "./nats-context.ts";
import type { NatsContext } from "./nats-context.ts";
import { operationError } from "./nats-errors.ts";
import { ALL_EVENTS, assertFilter } from "./subjects.ts";

/** Messages per pull; the client asks for more once a quarter is left. */
const PULL_BATCH = 10_000;
const PULL_EXPIRES_MS = 2_000;
const IDLE_HEARTBEAT_MS = 500;
/**
 * A read waiting this long (to twice this) for its next record gives its consumer up and starts a
 * new one after the last record it yielded. On a 2.9 cluster with a node down, an ephemeral consumer
 * placed on the dead node never answers, and the client's ordered consumer keeps recreating it.
 */
const STALL_MS = 1_500;
/** Creating a read's consumer takes milliseconds; one placed on a dead node never answers. Try another. */
const CREATE_TIMEOUT_MS = 1_500;
/** Attempts after a transient failure (with no progress between them) before a read fails. */
const READ_ATTEMPTS = 6;

export async function* readNats(ctx: NatsContext, filter: string, options: ReadOptions = {}): AsyncGenerator<AnyStoredEvent> {
  assertFilter(filter);
  if (ctx.isClosed()) throw new EventLogError("log_closed", "the event log is closed", { nextStep: "Open it again." });
  const fromTime = options.fromTime === undefined ? undefined : normalizeTime(options.fromTime);
  const untilTime = options.untilTime === undefined ? undefined : normalizeTime(options.untilTime);
  let from = Math.max(1, options.fromSeq ?? 1);
  const retry = createRetry(ctx);
  let last: number | undefined;
  while (last === undefined) {
    try {
      last = await lastMatchingSeq(ctx, filter);
    } catch (err) {
      if (!(await retry(err))) throw err;
    }
  }
  const end = Math.min(last, options.untilSeq ?? Number.POSITIVE_INFINITY);
  // A read interrupted by a lost connection resumes after the last record it yielded.
  while (from <= end) {
    try {
      for await (const { seq, record } of readRecords(ctx, filter, from, end)) {
        for (const e of record.events) {
          if (fromTime !== undefined && e.time < fromTime) continue;
          if (untilTime !== undefined && e.time > untilTime) continue;
          yield { ...e, seq };
        }
        from = seq + 1;
        retry.progress();
      }
      return;
    } catch (err) {
      if (!(await retry(err))) throw err;
    }
  }
}

/**
 * Whether to try again after `err`: only a transient failure of an open log, until both the
 * attempts and the waits (counted, not clocked) since the last progress are used up.
 */
function createRetry(ctx: NatsContext): ((err: unknown) => Promise<boolean>) & { progress(): void } {
  let waited = 0;
  let attempt = 0;
  const retry = async (err: unknown): Promise<boolean> => {
    if (ctx.isClosed() || !(err instanceof EventLogError) || !err.retryable) return false;
    if (attempt + 1 >= READ_ATTEMPTS && waited >= ctx.operationTimeoutMs) return false;
    const pause = Math.min(1_000, 100 * 2 ** attempt++);
    ctx.logger.debug({ err, attempt }, "read waiting for NATS");
    await sleep(pause);
    waited += pause + CREATE_TIMEOUT_MS;
    return true;
  };
  return Object.assign(retry, {
    progress(): void {
      waited = 0;
      attempt = 0;
    },
  });
}

/** Records from `from` to `end` through one ordered consumer; throws if the stream stops before `end`. */
async function* readRecords(ctx: NatsContext, filter: string, from: number, end: number): AsyncGenerator<{ seq: number; record: LogRecord }> {
  let messages: ConsumerMessages | undefined;
  let consumer: Awaited<ReturnType<NatsContext["js"]["consumers"]["get"]>> | undefined;
  let reached = false;
  try {
    const creating = ctx.js.consumers.get(ctx.stream, {
      filter_subjects: filter,
      deliver_policy: DeliverPolicy.StartSequence,
      opt_start_seq: from,
      inactive_threshold: 60_000,
    });
    // One that answers late is deleted by the server once inactive.
    creating.catch(() => undefined);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new natsErrors.TimeoutError()), CREATE_TIMEOUT_MS)));
    try {
      consumer = await Promise.race([creating, late]);
    } finally {
      clearTimeout(timer);
    }
    messages = await consumer.consume({ max_messages: PULL_BATCH, expires: PULL_EXPIRES_MS, idle_heartbeat: IDLE_HEARTBEAT_MS });
  } catch (err) {
    throw operationError(`reading ${filter}`, err);
  }
  // Stall watch: counts only time spent waiting on the server, not time the caller holds a record.
  let waiting = false;
  let received = 0;
  let checked = -1;
  let stalled = false;
  let onStall!: () => void;
  const stall = new Promise<{ done: true; value: undefined }>((resolve) => (onStall = () => resolve({ done: true, value: undefined })));
  const watch = setInterval(() => {
    if (waiting && received === checked) {
      stalled = true;
      onStall();
    }
    checked = received;
  }, STALL_MS);
  watch.unref();
  const iterator = messages[Symbol.asyncIterator]();
  try {
    for (;;) {
      waiting = true;
      const next = await Promise.race([iterator.next(), stall]);
      waiting = false;
      if (next.done) break;
      received++;
      const m = next.value;
      const seq = m.seq;
      if (seq > end) {
        reached = true;
        break;
      }
      yield { seq, record: decodeRecord(m.data, seq, ctx.stream) };
      if (seq >= end) {
        reached = true;
        break;
      }
    }
  } catch (err) {
    throw operationError(`reading ${filter}`, err);
  } finally {
    clearInterval(watch);
    if (!stalled) await iterator.return?.();
    // A stalled consumer may never confirm its close: do not wait on it for long.
    await Promise.race([messages.close().catch(() => undefined), sleep(1_000)]);
    if (!ctx.isClosed()) void consumer.delete().catch(() => undefined);
  }
  if (stalled && !reached) ctx.logger.debug({ filter, received }, "read stalled; starting a new consumer");
  if (!reached) {
    throw new EventLogError(ctx.isClosed() ? "log_closed" : "log_unavailable", `reading ${filter} stopped before seq ${end}`, {
      retryable: !ctx.isClosed(),
      nextStep: ctx.isClosed() ? "The log was closed during the read; open it again." : "The NATS connection was lost; retry the read.",
    });
  }
}

/** Seq of the last message the filter matches now (0: none). */
async function lastMatchingSeq(ctx: NatsContext, filter: string): Promise<number> {
  try {
    if (filter === ALL_EVENTS) return (await ctx.jsm.streams.info(ctx.stream)).state.last_seq;
    const m = await ctx.jsm.streams.getMessage(ctx.stream, { last_by_subj: filter });
    return m?.seq ?? 0;
  } catch (err) {
    throw operationError(`reading ${filter}`, err);
  }
}
