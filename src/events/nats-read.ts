/**
 * `read` on JetStream: the range from `fromSeq` to `untilSeq` or to the last matching message as of
 * the start of the read (so a read always terminates), pulled in batches (nats-pull.ts). A message
 * that is not a sealed record is skipped with a warning and reported (quarantine). A read cut off by
 * a lost connection, a restart or a dead cluster node resumes after the last record it yielded,
 * within the operation timeout, so callers see a restart as a pause.
 */
import type { AnyStoredEvent, LogRecord } from "./envelope.ts";
import { EventLogError } from "./errors.ts";
import type { QuarantineListener, ReadOptions } from "./event-log.ts";
import { decodeMessage, isQuarantined, logical, normalizeTime, physical, reportQuarantined, sleep } from "./nats-context.ts";
import type { NatsContext } from "./nats-context.ts";
import { operationError } from "./nats-errors.ts";
import { pullRange } from "./nats-pull.ts";
import { ALL_EVENTS, assertFilter } from "./subjects.ts";

/** Attempts after a transient failure (with no progress between them) before a read fails. */
const READ_ATTEMPTS = 6;
/** What one failed attempt is counted as, on top of its pause (a consumer creation that timed out). */
const ATTEMPT_COST_MS = 1_500;

export async function* readNats(ctx: NatsContext, filter: string, options: ReadOptions = {}): AsyncGenerator<AnyStoredEvent> {
  assertFilter(filter);
  if (ctx.isClosed()) throw new EventLogError("log_closed", "the event log is closed", { nextStep: "Open it again." });
  const fromTime = options.fromTime === undefined ? undefined : normalizeTime(options.fromTime);
  const untilTime = options.untilTime === undefined ? undefined : normalizeTime(options.untilTime);
  const from = Math.max(1, options.fromSeq ?? 1);
  const last = await withRetry(ctx, () => lastMatchingSeq(ctx, filter));
  const end = Math.min(last, options.untilSeq ?? Number.POSITIVE_INFINITY);
  for await (const batch of recordBatches(ctx, filter, from, end, options.onQuarantine)) {
    for (const { seq, record } of batch) {
      for (const e of record.events as AnyStoredEvent[]) {
        if (fromTime !== undefined && e.time < fromTime) continue;
        if (untilTime !== undefined && e.time > untilTime) continue;
        e.seq = seq; // parsed for this read alone: no copy needed
        yield e;
      }
    }
  }
}

/** Records of `filter` (logical) in `[from, end]`, resuming through transient failures; bad messages are reported and skipped. */
export async function* readRecords(ctx: NatsContext, filter: string, from: number, end: number, onQuarantine: QuarantineListener | undefined): AsyncGenerator<{ seq: number; record: LogRecord }> {
  for await (const batch of recordBatches(ctx, filter, from, end, onQuarantine)) yield* batch;
}

/** The same, a pulled batch at a time (one generator step per batch, not per record). */
async function* recordBatches(ctx: NatsContext, filter: string, from: number, end: number, onQuarantine: QuarantineListener | undefined): AsyncGenerator<{ seq: number; record: LogRecord }[]> {
  const retry = createRetry(ctx);
  while (from <= end) {
    try {
      for await (const messages of pullRange(ctx, physical(ctx, filter), from, end, retry.attempts())) {
        const batch: { seq: number; record: LogRecord }[] = [];
        for (const m of messages) {
          const decoded = decodeMessage(m.data, m.seq, logical(ctx, m.subject));
          if (isQuarantined(decoded)) reportQuarantined(ctx, decoded, onQuarantine);
          else batch.push({ seq: m.seq, record: decoded });
        }
        from = messages[messages.length - 1]!.seq + 1;
        retry.progress();
        yield batch;
      }
      return;
    } catch (err) {
      if (!(await retry(err))) throw err;
    }
  }
}

async function withRetry<T>(ctx: NatsContext, task: () => Promise<T>): Promise<T> {
  const retry = createRetry(ctx);
  for (;;) {
    try {
      return await task();
    } catch (err) {
      if (!(await retry(err))) throw err;
    }
  }
}

/**
 * Whether to try again after `err`: only a transient failure of an open log, until both the
 * attempts and the waits (counted, not clocked) since the last progress are used up.
 */
function createRetry(ctx: NatsContext): ((err: unknown) => Promise<boolean>) & { progress(): void; attempts(): number } {
  let waited = 0;
  let attempt = 0;
  const retry = async (err: unknown): Promise<boolean> => {
    if (ctx.isClosed() || !(err instanceof EventLogError) || !err.retryable) return false;
    if (attempt + 1 >= READ_ATTEMPTS && waited >= ctx.operationTimeoutMs) return false;
    const pause = Math.min(1_000, 100 * 2 ** attempt++);
    ctx.logger.debug({ err, attempt }, "read waiting for NATS");
    await sleep(pause);
    waited += pause + ATTEMPT_COST_MS;
    return true;
  };
  return Object.assign(retry, {
    progress(): void {
      waited = 0;
      attempt = 0;
    },
    attempts: (): number => attempt,
  });
}

/** Seq of the last message the filter matches now (0: none). */
async function lastMatchingSeq(ctx: NatsContext, filter: string): Promise<number> {
  try {
    if (filter === ALL_EVENTS) return (await ctx.jsm.streams.info(ctx.stream)).state.last_seq;
    const m = await ctx.jsm.streams.getMessage(ctx.stream, { last_by_subj: physical(ctx, filter) });
    return m?.seq ?? 0;
  } catch (err) {
    throw operationError(`reading ${filter}`, err);
  }
}
