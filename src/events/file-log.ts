/**
 * The embedded default adapter: an append-only file `events.log` in the data directory, shared by
 * every process that opens it (the REPL, `capsmith invoke`, a daemon). Appends are group-committed:
 * every append queued while a write is in progress goes into the next write, made under the log's
 * lock (held for that write only) after the index caught up with what other processes appended, and
 * acknowledged only after fdatasync. Reads, heads and subscriptions catch up with the file first.
 * The index starts from the checkpoint `events.index` when it matches the log; a writer saves a
 * new one as the log grows and when it closes, so no process reads the whole log to open it.
 */
import { EventEmitter } from "node:events";
import { constants } from "node:fs";
import { mkdir, realpath } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "pino";
import type { AnyStoredEvent, NewEvent } from "./envelope.ts";
import { ConcurrencyError, EventLogError } from "./errors.ts";
import type { AppendOptions, AppendResult, Clock, EventHandler, EventLog, IdSource, LogIdentity, QuarantinedRecord, ReadOptions, SubscribeOptions, Subscription } from "./event-log.ts";
import { FileDurable } from "./file-durable.ts";
import type { RecordSource } from "./file-durable.ts";
import { followFile } from "./file-follow.ts";
import type { Follower } from "./file-follow.ts";
import { absentFileLog } from "./file-log-absent.ts";
import { newHolder } from "./file-holder.ts";
import { fileMutex } from "./file-lock.ts";
import type { FileMutex } from "./file-lock.ts";
import { FileLogIndex } from "./file-log-index.ts";
import { decodeLine, encodeRecord, isBad, readLines } from "./file-log-format.ts";
import type { StoredRecord } from "./file-log-format.ts";
import { logIdentity } from "./log-identity.ts";
import { openRegular } from "./open-regular.ts";
import { keyedOptions, recordHead, sealRecord, validateBatch } from "./seal.ts";
import type { EventSigner } from "./seal.ts";
import { assertFilter, compileFilter } from "./subjects.ts";

export interface FileLogOptions {
  /** The data directory (default `./.capsmith` is chosen by the caller). */
  dir: string;
  clock: Clock;
  newId: IdSource;
  /** Actor recorded on events that name none. */
  actor: string;
  /** Open for reading only: never takes the lock, never writes (not even to cut a torn tail), never makes the directory or its log. */
  readOnly?: boolean;
  logger?: Logger;
  /** Signs what this process appends (see seal.ts). */
  sign?: EventSigner;
  /** How often a log with subscribers looks for other processes' appends besides file-change notifications (default 200 ms). */
  followIntervalMs?: number;
  /** How long a write waits for another process's write before `log_locked` (default 60 s). */
  lockTimeoutMs?: number;
  /** A writer saves the index checkpoint once this many records are not in it (default 50,000), and on close after 1,000. */
  checkpointEvery?: number;
}

const CHECKPOINT_ON_CLOSE_AFTER = 1_000;

interface PendingAppend {
  events: NewEvent[];
  subject: string;
  options: AppendOptions;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

export async function openFileLog(options: FileLogOptions): Promise<EventLog> {
  const path = join(options.dir, "events.log");
  if (options.readOnly) {
    // A reader makes nothing: a directory without a log reads as empty until a writer makes one.
    const handle = await openIfThere(path);
    return handle ? started(options, path, handle) : absentFileLog(path, async () => {
      const later = await openIfThere(path);
      return later ? started(options, path, later) : undefined;
    }, options.followIntervalMs ?? 200);
  }
  await mkdir(options.dir, { recursive: true });
  return started(options, path, await openRegular(path, constants.O_RDWR | constants.O_CREAT)); // created if missing
}

async function openIfThere(path: string): Promise<FileHandle | undefined> {
  try {
    return await openRegular(path, constants.O_RDONLY);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}

async function started(options: FileLogOptions, path: string, handle: FileHandle): Promise<EventLog> {
  const log = new FileLog(options, path, handle);
  try {
    await log.start();
  } catch (err) {
    await log.close();
    throw err;
  }
  return log;
}

class FileLog implements EventLog {
  readonly kind = "file" as const;
  private readonly index: FileLogIndex;
  private readonly holder = newHolder();
  private readonly mutex: FileMutex | undefined;
  private queue: PendingAppend[] = [];
  private flushing: Promise<void> | undefined;
  private readonly changed = new EventEmitter();
  private readonly durables = new Map<string, Promise<FileDurable>>();
  private follower: Follower | undefined;
  /** Every change of the index goes through here, one at a time. */
  private lane: Promise<unknown> = Promise.resolve();
  private refreshQueued: Promise<void> | undefined;
  private closed = false;

  private readonly options: FileLogOptions;
  private readonly path: string;
  private readonly handle: FileHandle;

  constructor(options: FileLogOptions, path: string, handle: FileHandle) {
    this.options = options;
    this.path = path;
    this.handle = handle;
    this.index = new FileLogIndex(handle, path, join(options.dir, "events.index"), options.logger);
    this.mutex = options.readOnly ? undefined : fileMutex(join(options.dir, "events.lock"), this.holder, { what: `the event log in ${options.dir}`, ...(options.lockTimeoutMs ? { timeoutMs: options.lockTimeoutMs } : {}) });
    this.changed.setMaxListeners(0);
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.lane.then(task, task);
    this.lane = run.catch(() => undefined);
    return run;
  }

  private checkpointing: Promise<void> | undefined;

  /** Loads the index checkpoint (if it matches the log), then catches up with the rest of the file. */
  async start(): Promise<void> {
    await this.exclusive(() => this.index.load());
    await this.refresh();
  }

  /** Saves the index checkpoint in the background (a writer's job; failing costs time, never correctness). */
  private checkpoint(): Promise<void> {
    this.checkpointing ??= this.index
      .save()
      .catch((err: unknown) => this.options.logger?.warn({ err, file: this.path }, "could not save the event log's index checkpoint"))
      .finally(() => (this.checkpointing = undefined));
    return this.checkpointing;
  }

  /** The record that carries `msgId`, if any (a hash match in the index is confirmed by reading the record). */
  private async seqOfMsgId(msgId: string): Promise<number | undefined> {
    const found = this.index.msgIds.lookup(msgId);
    if ("seq" in found) return found.seq;
    for (const seq of found.candidates) if ((await this.readRecord(seq))?.msgId === msgId) return seq;
    return undefined;
  }

  /** Catches the index up with the file (other processes' appends); callers share a catch-up not yet started. */
  refresh(): Promise<void> {
    this.refreshQueued ??= this.exclusive(async () => {
      this.refreshQueued = undefined;
      const before = this.index.count;
      await this.index.catchUp();
      if (this.index.count > before) this.changed.emit("change");
    });
    return this.refreshQueued;
  }

  append(events: NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    try {
      this.assertOpen();
      if (!this.mutex) {
        throw new EventLogError("log_closed", "this event log was opened read-only", { nextStep: "Open it for writing to append." });
      }
      const subject = validateBatch(events, options);
      return new Promise((resolve, reject) => {
        this.queue.push({ events, subject, options: keyedOptions(options, events, this.options), resolve, reject });
        this.kick();
      });
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }

  /** Starts the flusher unless it runs; one queued after its last look at the queue restarts it. */
  private kick(): void {
    this.flushing ??= this.flush().finally(() => {
      this.flushing = undefined;
      if (this.queue.length > 0) this.kick();
    });
  }

  /** Group commit: each round takes the lock once for every append queued so far. */
  private async flush(): Promise<void> {
    await Promise.resolve();
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      let release: () => Promise<void>;
      try {
        release = await this.mutex!.acquire();
      } catch (err) {
        for (const p of batch) p.reject(err);
        continue;
      }
      try {
        await this.exclusive(() => this.commit(batch));
      } finally {
        await release();
      }
    }
  }

  /** Under the lock: catch up, cut a torn tail, seal against the current heads, write once, fsync once. */
  private async commit(batch: PendingAppend[]): Promise<void> {
    const before = this.index.count;
    const { size, restAt } = await this.index.catchUp();
    if (restAt < size) {
      // An unterminated last line under the lock: its writer died before acknowledging it.
      this.options.logger?.warn({ file: this.path, offset: restAt, bytes: size - restAt }, "cutting the torn tail of the event log");
      await this.handle.truncate(restAt);
      await this.handle.sync();
    }
    await this.confirmHeads(batch);
    const heads = new Map<string, { seq: number; hash: string }>();
    const ids = new Map<string, number>();
    const written: { p: PendingAppend; record: StoredRecord; bytes: number }[] = [];
    const duplicates: { p: PendingAppend; seq: number }[] = [];
    let text = "";
    for (const p of batch) {
      try {
        const head = heads.get(p.subject) ?? this.index.heads.get(p.subject);
        const dupSeq = p.options.msgId === undefined ? undefined : (ids.get(p.options.msgId) ?? (await this.seqOfMsgId(p.options.msgId)));
        if (dupSeq !== undefined) {
          duplicates.push({ p, seq: dupSeq });
          continue;
        }
        const expected = p.options.expectedSubjectSeq;
        if (expected !== undefined && expected !== (head?.seq ?? 0)) throw new ConcurrencyError(p.subject, expected, head?.seq ?? 0);
        const sealed = sealRecord(p.events, head?.hash ?? null, this.options, p.options.msgId);
        const existing = ids.get(sealed.msgId) ?? (await this.seqOfMsgId(sealed.msgId));
        if (existing !== undefined) {
          duplicates.push({ p, seq: existing });
          continue;
        }
        // After de-duplication, as JetStream checks it: the log's last record as this append would
        // follow it (records of this batch count too).
        const last = this.index.count + written.length;
        if (p.options.expectedLastSeq !== undefined && p.options.expectedLastSeq !== last) throw new ConcurrencyError(p.subject, p.options.expectedLastSeq, last, "log");
        const record: StoredRecord = { seq: last + 1, ...sealed };
        const line = encodeRecord(record);
        text += line;
        heads.set(p.subject, { seq: record.seq, hash: recordHead(record) });
        ids.set(record.msgId, record.seq);
        written.push({ p, record, bytes: Buffer.byteLength(line) });
      } catch (err) {
        p.reject(err);
      }
    }
    if (written.length > 0) {
      const start = this.index.end;
      try {
        const bytes = Buffer.from(text);
        await this.handle.write(bytes, 0, bytes.length, start);
        await this.handle.datasync();
      } catch (cause) {
        await this.handle.truncate(start).catch(() => undefined);
        const error = new EventLogError("log_write_failed", `could not write to ${this.path}: ${(cause as Error).message}`, {
          cause,
          retryable: true,
          nextStep: "Check free disk space and permissions of the data directory, then retry.",
        });
        for (const { p } of written) p.reject(error);
        for (const { p } of duplicates) p.reject(error);
        return;
      }
      let end = start;
      for (const { record, bytes } of written) {
        end += bytes;
        this.index.add(record, end);
      }
    }
    for (const { p, record } of written) p.resolve({ seq: record.seq, duplicate: false, events: withSeq(record) });
    for (const { p, seq } of duplicates) {
      this.readRecord(seq).then((r) => (r ? p.resolve({ seq, duplicate: true, events: withSeq(r) }) : p.reject(this.unreadable(seq))), p.reject);
    }
    if (this.index.count > before) this.changed.emit("change");
    if (this.index.count - this.index.checkpointed >= (this.options.checkpointEvery ?? 50_000)) void this.checkpoint();
  }

  /**
   * Under the lock, before sealing: each head an append chains to that came from the checkpoint is
   * read back from the log. One the log does not hold (a checkpoint edited to match its checksum)
   * would chain the append to nothing every reader knows, so the index is built from the log again.
   */
  private async confirmHeads(batch: readonly PendingAppend[]): Promise<void> {
    for (const subject of new Set(batch.map((p) => p.subject))) {
      if (!this.index.uncheckedHeads.has(subject)) continue;
      const head = this.index.heads.get(subject)!;
      const record = head.seq <= this.index.count ? await this.readRecord(head.seq) : undefined;
      const last = record?.events.at(-1);
      if (last?.subject === subject && last.hash === head.hash) {
        this.index.uncheckedHeads.delete(subject);
        continue;
      }
      this.options.logger?.warn({ file: this.path, subject, seq: head.seq }, "the index checkpoint names a subject head the log does not hold; indexing the log from its start");
      this.index.reset();
      await this.index.catchUp();
      return;
    }
  }

  async *read(filter: string, options: ReadOptions = {}): AsyncGenerator<AnyStoredEvent> {
    assertFilter(filter);
    this.assertOpen();
    await this.refresh();
    const from = Math.max(1, options.fromSeq ?? 1);
    const until = Math.min(this.index.count, options.untilSeq ?? Number.POSITIVE_INFINITY);
    const fromTime = options.fromTime === undefined ? undefined : normalizeTime(options.fromTime);
    const untilTime = options.untilTime === undefined ? undefined : normalizeTime(options.untilTime);
    const matches = compileFilter(filter);
    if (from > until) return;
    for await (const chunk of this.records(from, until, options.onQuarantine)) {
      for (const record of chunk) {
        if (!matches(record.events[0]!.subject)) continue;
        for (const event of record.events as AnyStoredEvent[]) {
          if (fromTime !== undefined && event.time < fromTime) continue;
          if (untilTime !== undefined && event.time > untilTime) continue;
          event.seq = record.seq; // the record was parsed for this read alone: no copy needed
          yield event;
        }
      }
    }
  }

  /** Streams records `from..until` a chunk's worth at a time; bad lines are skipped and reported. */
  private async *records(from: number, until: number, onQuarantine: ReadOptions["onQuarantine"]): AsyncGenerator<StoredRecord[]> {
    const reading = readLines(this.handle, this.index.offsetOf(from)!, this.index.endOf(until)!);
    let seq = from;
    for await (const { buffer, lines } of reading) {
      const chunk: StoredRecord[] = [];
      for (const line of lines) {
        const decoded = decodeLine(buffer, line.start, line.stop, seq);
        if (isBad(decoded)) this.skip({ seq, offset: line.offset, ...decoded }, onQuarantine);
        else chunk.push(decoded);
        seq++;
      }
      yield chunk;
    }
  }

  /** A bad record met by a read: reported to the caller, and warned about unless the index already did. */
  private skip(q: QuarantinedRecord, onQuarantine: ReadOptions["onQuarantine"]): void {
    if (!this.index.quarantined.has(q.seq)) this.options.logger?.warn({ file: this.path, seq: q.seq, offset: q.offset, reason: q.reason }, `skipping record ${q.seq} of the event log: ${q.message}`);
    onQuarantine?.(q);
  }

  /** The record at `seq`, or undefined when it does not read (quarantined). */
  async readRecord(seq: number): Promise<StoredRecord | undefined> {
    const start = this.index.offsetOf(seq);
    const end = this.index.endOf(seq);
    if (start === undefined || end === undefined) throw new EventLogError("invalid_event", `no record ${seq}`);
    const buffer = Buffer.allocUnsafe(end - start);
    await this.handle.read(buffer, 0, buffer.length, start);
    const decoded = decodeLine(buffer, 0, buffer.length - 1, seq);
    return isBad(decoded) ? undefined : decoded;
  }

  private unreadable(seq: number): EventLogError {
    return new EventLogError("log_corrupt", `record ${seq} of ${this.path} no longer reads`, { nextStep: "Run `capsmith audit verify` to see what is quarantined." });
  }

  async subjectHead(subject: string): Promise<{ seq: number; hash: string } | undefined> {
    this.assertOpen();
    await this.refresh();
    const head = this.index.heads.get(subject);
    return head ? { seq: head.seq, hash: head.hash } : undefined;
  }

  async lastSeq(): Promise<number> {
    this.assertOpen();
    await this.refresh();
    return this.index.count;
  }

  async identity(): Promise<LogIdentity> {
    this.assertOpen();
    await this.refresh();
    return logIdentity({ kind: "file", location: await realpath(this.path), firstHash: this.index.firstHash });
  }

  async subscribe(durable: string, options: SubscribeOptions, handler: EventHandler): Promise<Subscription> {
    assertFilter(options.filter);
    this.assertOpen();
    await this.refresh();
    this.follow();
    let opening = this.durables.get(durable);
    if (!opening) {
      const source: RecordSource = {
        holder: this.holder,
        count: () => this.index.count,
        subjectAt: (seq) => this.index.subjectAt(seq),
        quarantined: (seq) => this.index.quarantined.get(seq),
        readRecord: (seq) => this.readRecord(seq),
        onChange: (listener) => {
          // A tick with nothing new wakes durables too: a claim may have been freed elsewhere.
          this.changed.on("change", listener);
          this.changed.on("tick", listener);
          return () => {
            this.changed.off("change", listener);
            this.changed.off("tick", listener);
          };
        },
      };
      const dir = join(this.options.dir, "consumers");
      opening = mkdir(dir, { recursive: true }).then(() => FileDurable.open(dir, durable, options, source, this.options.logger));
      this.durables.set(durable, opening);
      opening.catch(() => this.durables.delete(durable));
    }
    return (await opening).join(options, handler);
  }

  /** Calls `listener` whenever records were appended, by this process or another (tail-follow). */
  watch(listener: () => void): () => void {
    this.follow();
    this.changed.on("change", listener);
    return () => this.changed.off("change", listener);
  }

  /** Starts following the file (notifications, and a poll as the fallback and the durables' tick). */
  private follow(): void {
    if (this.closed) return;
    this.follower ??= followFile(this.path, this.options.followIntervalMs ?? 200, () => {
      void this.refresh().then(() => this.changed.emit("tick"), () => undefined);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.follower?.stop();
    while (this.flushing) await this.flushing;
    if (this.mutex && this.index.count - this.index.checkpointed >= Math.min(CHECKPOINT_ON_CLOSE_AFTER, this.options.checkpointEvery ?? CHECKPOINT_ON_CLOSE_AFTER)) {
      await this.lane;
      await this.checkpoint();
    }
    await this.checkpointing;
    // All at once: each gives its handlers in flight up to CLOSE_WAIT_MS, and those waits must not add up.
    await Promise.all([...this.durables.values()].map(async (durable) => (await durable.catch(() => undefined))?.close()));
    await this.mutex?.dispose();
    this.holder.release();
    await this.lane;
    await this.handle.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new EventLogError("log_closed", "the event log is closed", { nextStep: "Open it again." });
  }
}

function withSeq(record: StoredRecord): AnyStoredEvent[] {
  return record.events.map((e) => ({ ...e, seq: record.seq }) as AnyStoredEvent);
}

function normalizeTime(time: string): string {
  const ms = Date.parse(time);
  if (Number.isNaN(ms)) {
    throw new EventLogError("invalid_event", `not an ISO time: ${time}`, { nextStep: "Use an ISO 8601 time such as 2026-11-22T10:00:00Z." });
  }
  return new Date(ms).toISOString();
}
