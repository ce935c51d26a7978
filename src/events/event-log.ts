import type { AnyStoredEvent, NewEvent } from "./envelope.ts";

/** Injected sources of time and identity (STYLE.md 4); `src/platform` has the real ones. */
export interface Clock {
  now(): Date;
}
export type IdSource = () => string;

export interface AppendOptions {
  /** Seq of the subject's last record (0: the subject must be new). Conflict → ConcurrencyError. */
  expectedSubjectSeq?: number;
  /**
   * Seq of the log's last record (0: the log must be empty), whatever its subject: a decision made on
   * state read from several subjects (the hub and the trust store as of a read model's seq) lands
   * only if nothing at all was appended since that read. Checked after de-duplication (a repeated
   * msgId is still a duplicate) and besides `expectedSubjectSeq`. Conflict → ConcurrencyError with
   * `scope` "log".
   */
  expectedLastSeq?: number;
  /**
   * De-duplication id; an append repeated with the same id is acknowledged, not stored twice. The
   * embedded log remembers ids for good; JetStream for its duplicate window (2 min by default), so
   * an effect that must never double past that also passes `expectedSubjectSeq`.
   */
  msgId?: string;
}

export interface AppendResult {
  /** Log position of the record (the original one for a duplicate). */
  seq: number;
  duplicate: boolean;
  /** The events as stored (for a duplicate: the ones the first append stored). */
  events: AnyStoredEvent[];
}

export interface ReadOptions {
  /** First record seq to include (default 1). */
  fromSeq?: number;
  /** Last record seq to include. */
  untilSeq?: number;
  /** Only events whose `time` is at or after / at or before this ISO time. */
  fromTime?: string;
  untilTime?: string;
  /** Told about each record the read skips because it does not parse or verify (see QuarantinedRecord). */
  onQuarantine?: QuarantineListener;
}

/**
 * A record set aside: a line of the file log that fails its checksum or does not parse, a record not
 * at its own position, or a JetStream message on a capsmith subject that is not a sealed record (a
 * stray `hello`). Readers and subscriptions skip it with a warning; `verifyLog` reports it. It keeps
 * its position: later records keep their seqs.
 */
export interface QuarantinedRecord {
  /** Log position of the bad record. */
  seq: number;
  reason: "bad_checksum" | "unreadable" | "not_a_record" | "misplaced";
  message: string;
  /** The subject it was published on, when the log knows it (JetStream). */
  subject?: string;
  /** Byte offset of its line (file log). */
  offset?: number;
}

export type QuarantineListener = (record: QuarantinedRecord) => void;

/**
 * What a log is, independent of how it was reached: the read model keys snapshots on `id`, so a
 * snapshot of one log is never applied to another.
 */
export interface LogIdentity {
  kind: "file" | "nats";
  /** File log: the real path of its file. JetStream: the stream name (not the server's address). */
  location: string;
  /** JetStream namespace, when one is set. */
  namespace?: string;
  /** Hash of the first event of the first readable record; absent while the log is empty. */
  firstHash?: string;
  /** `kind:location[#namespace]@firstHash`: one string to compare or key on. */
  id: string;
}

export interface SubscribeOptions {
  /** Subject filter with NATS wildcards. */
  filter: string;
  /** Start of a new durable: every record (default) or only records appended from now on. */
  deliver?: "all" | "new";
  /** How long a handler may hold a record before it is redelivered (default 30 s). */
  ackWaitMs?: number;
  /** Delay before redelivering a record whose handler failed (default 1 s). */
  retryDelayMs?: number;
  /** Told about each record the subscription skips because it does not parse or verify. */
  onQuarantine?: QuarantineListener;
}

/** What a handler learns about a delivery: which attempt this is. */
export interface Delivery {
  attempt: number;
}

export type EventHandler = (event: AnyStoredEvent, delivery: Delivery) => Promise<void>;

export interface Subscription {
  /** Stop taking new work; resolves once in-flight handlers finished (SIGTERM drains with this). */
  stop(): Promise<void>;
}

/**
 * The single source of truth. Appends are all-or-nothing records on one subject; reads are in log
 * order; durable subscriptions deliver every matching record at least once, and consumers that share
 * a durable name share its work. Several processes may open one log: each sees what the others append.
 */
export interface EventLog {
  readonly kind: "file" | "nats";
  append(events: NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  read(filter: string, options?: ReadOptions): AsyncIterable<AnyStoredEvent>;
  /** Seq and hash of the subject's last record, or undefined for a new subject. */
  subjectHead(subject: string): Promise<{ seq: number; hash: string } | undefined>;
  /** Position of the last record in the log (0 when empty). */
  lastSeq(): Promise<number>;
  subscribe(durable: string, options: SubscribeOptions, handler: EventHandler): Promise<Subscription>;
  /** Which log this is (see LogIdentity). */
  identity(): Promise<LogIdentity>;
  /**
   * Optional: calls `listener` when records may have been appended (by any process), so readers
   * wait for news instead of polling. Returns the way to stop.
   */
  watch?(listener: () => void): () => void;
  /**
   * Stops subscriptions, giving their handlers in flight up to CLOSE_WAIT_MS to finish (their
   * owners have usually drained them already), and closes. A handler still running after that is
   * abandoned: its record stays unacknowledged and is redelivered, as after a crash.
   */
  close(): Promise<void>;
}

/** How long closing a log waits for subscription handlers still in flight. */
export const CLOSE_WAIT_MS = 2_000;

/**
 * Waits for `work` at most `ms`, with a timer of its own that keeps the process alive meanwhile
 * (so the wait never depends on what `work` holds): true if it finished, false if it still runs.
 * A rejection of `work` within the time is thrown.
 */
export async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const settled = work.then(() => true);
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([settled, late]);
  } finally {
    clearTimeout(timer);
  }
}
