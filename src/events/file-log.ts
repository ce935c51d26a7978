/**
 * The embedded default adapter: an append-only file `events.log` in the data directory, shared by
 * every process that opens it (the REPL, `capsmith invoke`, a daemon). Appends are group-committed:
 * every append queued while a write is in progress goes into the next write, made under the log's
 * lock (held for that write only) after the index caught up with what other processes appended, and
 * acknowledged only after fdatasync. Reads, heads and subscriptions catch up with the file first.
 * The index starts from the checkpoint `events.index` when it matches the log; a writer saves a
 * new one as the log grows and when it closes, so no process reads the whole log to open it.
 */
import { constants } from "node:fs";
import { mkdir, realpath } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "pino";
import type { AnyStoredEvent, NewEvent } from "./envelope.ts";
import { EventLogError } from "./errors.ts";
import type { AppendOptions, AppendResult, Clock, EventHandler, EventLog, IdSource, LogIdentity, ReadOptions, SubscribeOptions, Subscription } from "./event-log.ts";
import { absentFileLog } from "./file-log-absent.ts";
import { GroupCommit } from "./file-log-append.ts";
import { sealBatch, settleBatch, writeBatch } from "./file-log-commit.ts";
import type { PendingAppend } from "./file-log-commit.ts";
import { newHolder } from "./file-holder.ts";
import { fileMutex } from "./file-lock.ts";
import type { FileMutex } from "./file-lock.ts";
import { FileLogIndex } from "./file-log-index.ts";
import { readEvents } from "./file-log-read.ts";
import type { LogFile } from "./file-log-read.ts";
import { catchUpAndCutTornTail, confirmHeads } from "./file-log-recover.ts";
import { FileLogDurables, LogChanges, recordSource } from "./file-log-subscribe.ts";
import { logIdentity } from "./log-identity.ts";
import { openRegular } from "./open-regular.ts";
import { keyedOptions, validateBatch } from "./seal.ts";
import type { EventSigner } from "./seal.ts";
import { assertFilter } from "./subjects.ts";

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

/** Opens the log of `options.dir`: a writer makes the directory and an empty log if missing, a reader makes nothing. */
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

/**
 * The file log of one process: it owns the file, the index and the lock, and runs every change of the
 * index one at a time (`exclusive`). The parts it coordinates live beside it: reading records
 * (file-log-read.ts), the append queue (file-log-append.ts), the repairs under the lock
 * (file-log-recover.ts), sealing and writing a batch (file-log-commit.ts), and subscriptions and
 * tailing (file-log-subscribe.ts).
 */
class FileLog implements EventLog {
  readonly kind = "file" as const;
  private readonly index: FileLogIndex;
  private readonly file: LogFile;
  private readonly holder = newHolder();
  private readonly mutex: FileMutex | undefined;
  private readonly appends: GroupCommit | undefined;
  private readonly changes = new LogChanges();
  private readonly durables: FileLogDurables;
  /** Every change of the index goes through here, one at a time. */
  private lane: Promise<unknown> = Promise.resolve();
  private refreshQueued: Promise<void> | undefined;
  private checkpointing: Promise<void> | undefined;
  private closed = false;

  private readonly options: FileLogOptions;
  private readonly path: string;
  private readonly handle: FileHandle;

  constructor(options: FileLogOptions, path: string, handle: FileHandle) {
    this.options = options;
    this.path = path;
    this.handle = handle;
    this.index = new FileLogIndex(handle, path, join(options.dir, "events.index"), options.logger);
    this.file = { path, handle, index: this.index, logger: options.logger };
    this.mutex = options.readOnly ? undefined : fileMutex(join(options.dir, "events.lock"), this.holder, { what: `the event log in ${options.dir}`, ...(options.lockTimeoutMs ? { timeoutMs: options.lockTimeoutMs } : {}) });
    this.appends = this.mutex && new GroupCommit(this.mutex, (batch) => this.exclusive(() => this.commit(batch)));
    this.durables = new FileLogDurables(options.dir, recordSource(this.file, this.holder, this.changes), options.logger);
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.lane.then(task, task);
    this.lane = run.catch(() => undefined);
    return run;
  }

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

  /** Catches the index up with the file (other processes' appends); callers share a catch-up not yet started. */
  refresh(): Promise<void> {
    this.refreshQueued ??= this.exclusive(async () => {
      this.refreshQueued = undefined;
      const before = this.index.count;
      await this.index.catchUp();
      if (this.index.count > before) this.changes.changed();
    });
    return this.refreshQueued;
  }

  append(events: NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    try {
      this.assertOpen();
      if (!this.appends) {
        throw new EventLogError("log_closed", "this event log was opened read-only", { nextStep: "Open it for writing to append." });
      }
      const subject = validateBatch(events, options);
      return this.appends.enqueue({ events, subject, options: keyedOptions(options, events, this.options) });
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }

  /** Under the lock: catch up, cut a torn tail, confirm the heads, seal against them, write once, fsync once. */
  private async commit(batch: PendingAppend[]): Promise<void> {
    const before = this.index.count;
    await catchUpAndCutTornTail(this.file);
    await confirmHeads(this.file, new Set(batch.map((p) => p.subject)));
    const sealed = await sealBatch(this.file, this.options, batch);
    if (!(await writeBatch(this.file, sealed))) return;
    settleBatch(this.file, sealed);
    if (this.index.count > before) this.changes.changed();
    if (this.index.count - this.index.checkpointed >= (this.options.checkpointEvery ?? 50_000)) void this.checkpoint();
  }

  async *read(filter: string, options: ReadOptions = {}): AsyncGenerator<AnyStoredEvent> {
    assertFilter(filter);
    this.assertOpen();
    await this.refresh();
    yield* readEvents(this.file, filter, options);
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
    return this.durables.join(durable, options, handler);
  }

  /** Calls `listener` whenever records were appended, by this process or another (tail-follow). */
  watch(listener: () => void): () => void {
    this.follow();
    return this.changes.onChange(listener);
  }

  /** Starts following the file (notifications, and a poll as the fallback and the durables' tick). */
  private follow(): void {
    if (this.closed) return;
    this.changes.follow(this.path, this.options.followIntervalMs ?? 200, () => this.refresh());
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.changes.stop();
    await this.appends?.drained();
    if (this.mutex && this.index.count - this.index.checkpointed >= Math.min(CHECKPOINT_ON_CLOSE_AFTER, this.options.checkpointEvery ?? CHECKPOINT_ON_CLOSE_AFTER)) {
      await this.lane;
      await this.checkpoint();
    }
    await this.checkpointing;
    await this.durables.close();
    await this.mutex?.dispose();
    this.holder.release();
    await this.lane;
    await this.handle.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new EventLogError("log_closed", "the event log is closed", { nextStep: "Open it again." });
  }
}
