/**
 * The embedded default adapter: an append-only file `events.log` in the data directory. Appends are
 * group-committed (every append queued while a write is in progress goes into the next write) and
 * acknowledged only after fdatasync. Open repairs a torn last record and refuses a corrupt one.
 */
import { EventEmitter } from "node:events";
import { mkdir, open } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "pino";
import type { AnyStoredEvent, NewEvent } from "./envelope.ts";
import { ConcurrencyError, EventLogError } from "./errors.ts";
import type { AppendOptions, AppendResult, Clock, EventHandler, EventLog, IdSource, ReadOptions, SubscribeOptions, Subscription } from "./event-log.ts";
import { FileDurable } from "./file-durable.ts";
import { acquireLock } from "./file-lock.ts";
import type { FileLock } from "./file-lock.ts";
import { decodeRecord, encodeRecord, lines } from "./file-log-format.ts";
import type { StoredRecord } from "./file-log-format.ts";
import { recordHead, sealRecord, validateBatch } from "./seal.ts";
import type { EventSigner } from "./seal.ts";
import { assertFilter, compileFilter } from "./subjects.ts";

export interface FileLogOptions {
  /** The data directory (default `./.capsmith` is chosen by the caller). */
  dir: string;
  clock: Clock;
  newId: IdSource;
  /** Actor recorded on events that name none. */
  actor: string;
  /** Open for reading only: no lock, no repair; reads stop before a corrupt record. */
  readOnly?: boolean;
  logger?: Logger;
  /** Signs what this process appends (see seal.ts). */
  sign?: EventSigner;
}

const CHUNK = 4 * 1024 * 1024;

interface PendingAppend {
  events: NewEvent[];
  subject: string;
  options: AppendOptions;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

export async function openFileLog(options: FileLogOptions): Promise<EventLog> {
  await mkdir(options.dir, { recursive: true });
  const lock = options.readOnly ? undefined : await acquireLock(join(options.dir, "events.lock"), options.dir);
  try {
    const path = join(options.dir, "events.log");
    await (await open(path, "a")).close(); // create if missing
    const handle = await open(path, options.readOnly ? "r" : "r+");
    const log = new FileLog(options, path, handle, lock);
    await log.scan();
    return log;
  } catch (err) {
    await lock?.release();
    throw err;
  }
}

class FileLog implements EventLog {
  readonly kind = "file" as const;
  private offsets: number[] = [0];
  private readonly heads = new Map<string, { seq: number; hash: string }>();
  private readonly msgIds = new Map<string, number>();
  private corruptAt: { offset: number; seq: number } | undefined;
  private queue: PendingAppend[] = [];
  private flushing: Promise<void> | undefined;
  private readonly appended = new EventEmitter();
  private readonly durables = new Map<string, Promise<FileDurable>>();
  private closed = false;

  private readonly options: FileLogOptions;
  private readonly path: string;
  private readonly handle: FileHandle;
  private readonly lock: FileLock | undefined;

  constructor(options: FileLogOptions, path: string, handle: FileHandle, lock: FileLock | undefined) {
    this.options = options;
    this.path = path;
    this.handle = handle;
    this.lock = lock;
    this.appended.setMaxListeners(0);
  }

  private get count(): number {
    return this.offsets.length - 1;
  }

  /** Rebuilds the index (offsets, subject heads, message ids); repairs or reports a bad tail. */
  async scan(): Promise<void> {
    const { size } = await this.handle.stat();
    let position = 0;
    let carry = Buffer.alloc(0);
    let bad: { offset: number; seq: number } | undefined;
    while (position < size) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, size - position));
      const { bytesRead } = await this.handle.read(chunk, 0, chunk.length, position);
      const buffer = carry.length ? Buffer.concat([carry, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
      const base = position - carry.length;
      position += bytesRead;
      const it = lines(buffer, base);
      let step = it.next();
      while (!step.done) {
        const { start, stop, offset, end } = step.value;
        const record = bad ? undefined : decodeRecord(buffer, start, stop);
        if (record && record.seq === this.count + 1) this.index(record, end);
        else if (!bad) bad = { offset, seq: this.count + 1 };
        else if (decodeRecord(buffer, start, stop)) {
          this.corruptAt = bad;
          break;
        }
        step = it.next();
      }
      if (this.corruptAt || !step.done) break;
      carry = Buffer.from(buffer.subarray(step.value));
    }
    if (this.corruptAt) {
      if (!this.options.readOnly) throw this.corruptError();
      return;
    }
    const end = this.offsets[this.count]!;
    if (end < size) {
      // A torn last write: the crash came before the append was acknowledged, so nothing is lost.
      if (this.options.readOnly) return;
      this.options.logger?.warn({ file: this.path, offset: end, bytes: size - end }, "repairing torn tail of the event log");
      await this.handle.truncate(end);
      await this.handle.sync();
    }
  }

  private index(record: StoredRecord, end: number): void {
    this.offsets.push(end);
    const subject = record.events[0]!.subject;
    this.heads.set(subject, { seq: record.seq, hash: recordHead(record) });
    this.msgIds.set(record.msgId, record.seq);
  }

  private corruptError(): EventLogError {
    const at = this.corruptAt!;
    return new EventLogError("log_corrupt", `corrupt record in ${this.path} at byte offset ${at.offset} (record ${at.seq})`, {
      nextStep: `Records before offset ${at.offset} are intact and readable (capsmith replay/audit open the log read-only). Restore the file from a backup, or cut it at that offset after saving a copy.`,
      details: { file: this.path, offset: at.offset, seq: at.seq },
    });
  }

  append(events: NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    try {
      this.assertOpen();
      if (this.options.readOnly) {
        throw new EventLogError("log_closed", "this event log was opened read-only", { nextStep: "Open it for writing to append." });
      }
      const subject = validateBatch(events, options);
      return new Promise((resolve, reject) => {
        this.queue.push({ events, subject, options, resolve, reject });
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

  /** Group commit: seal every queued append against the heads so far, write once, fsync once. */
  private async flush(): Promise<void> {
    await Promise.resolve();
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      const heads = new Map<string, { seq: number; hash: string }>();
      const ids = new Map<string, number>();
      const written: { p: PendingAppend; record: StoredRecord; bytes: number }[] = [];
      const duplicates: { p: PendingAppend; seq: number }[] = [];
      let text = "";
      for (const p of batch) {
        try {
          const head = heads.get(p.subject) ?? this.heads.get(p.subject);
          const dupSeq = p.options.msgId === undefined ? undefined : (ids.get(p.options.msgId) ?? this.msgIds.get(p.options.msgId));
          if (dupSeq !== undefined) {
            duplicates.push({ p, seq: dupSeq });
            continue;
          }
          const expected = p.options.expectedSubjectSeq;
          if (expected !== undefined && expected !== (head?.seq ?? 0)) throw new ConcurrencyError(p.subject, expected, head?.seq ?? 0);
          const sealed = sealRecord(p.events, head?.hash ?? null, this.options, p.options.msgId);
          const existing = ids.get(sealed.msgId) ?? this.msgIds.get(sealed.msgId);
          if (existing !== undefined) {
            duplicates.push({ p, seq: existing });
            continue;
          }
          const record: StoredRecord = { seq: this.count + written.length + 1, ...sealed };
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
        const start = this.offsets[this.count]!;
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
          continue;
        }
        let end = start;
        for (const { record, bytes } of written) {
          end += bytes;
          this.index(record, end);
        }
      }
      for (const { p, record } of written) p.resolve({ seq: record.seq, duplicate: false, events: withSeq(record) });
      for (const { p, seq } of duplicates) {
        this.readRecord(seq).then((r) => p.resolve({ seq, duplicate: true, events: withSeq(r) }), p.reject);
      }
      if (written.length > 0) this.appended.emit("append");
    }
  }

  async *read(filter: string, options: ReadOptions = {}): AsyncGenerator<AnyStoredEvent> {
    assertFilter(filter);
    this.assertOpen();
    const from = Math.max(1, options.fromSeq ?? 1);
    const until = Math.min(this.count, options.untilSeq ?? Number.POSITIVE_INFINITY);
    const fromTime = options.fromTime === undefined ? undefined : normalizeTime(options.fromTime);
    const untilTime = options.untilTime === undefined ? undefined : normalizeTime(options.untilTime);
    const matches = compileFilter(filter);
    if (from <= until) {
      for await (const chunk of this.records(from, until)) {
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
    if (this.corruptAt && (options.untilSeq === undefined || options.untilSeq >= this.corruptAt.seq)) throw this.corruptError();
  }

  /** Streams records `from..until`, a chunk's worth at a time; each is checked against its checksum. */
  private async *records(from: number, until: number): AsyncGenerator<StoredRecord[]> {
    let position = this.offsets[from - 1]!;
    const end = this.offsets[until]!;
    let carry: Buffer | undefined;
    while (position < end) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, end - position));
      const { bytesRead } = await this.handle.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) break;
      const buffer = carry ? Buffer.concat([carry, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
      const base = position - (carry?.length ?? 0);
      position += bytesRead;
      const it = lines(buffer, base);
      const chunkRecords: StoredRecord[] = [];
      let step = it.next();
      while (!step.done) {
        const record = decodeRecord(buffer, step.value.start, step.value.stop);
        if (!record) {
          yield chunkRecords;
          this.corruptAt = { offset: step.value.offset, seq: this.seqAt(step.value.offset) };
          throw this.corruptError();
        }
        chunkRecords.push(record);
        step = it.next();
      }
      yield chunkRecords;
      carry = Buffer.from(buffer.subarray(step.value));
    }
  }

  private seqAt(offset: number): number {
    return this.offsets.findIndex((o) => o === offset) + 1;
  }

  async readRecord(seq: number): Promise<StoredRecord> {
    const start = this.offsets[seq - 1];
    const end = this.offsets[seq];
    if (start === undefined || end === undefined) throw new EventLogError("invalid_event", `no record ${seq}`);
    const buffer = Buffer.allocUnsafe(end - start);
    await this.handle.read(buffer, 0, buffer.length, start);
    const record = decodeRecord(buffer, 0, buffer.length - 1);
    if (!record) {
      this.corruptAt = { offset: start, seq };
      throw this.corruptError();
    }
    return record;
  }

  async subjectHead(subject: string): Promise<{ seq: number; hash: string } | undefined> {
    const head = this.heads.get(subject);
    return head ? { ...head } : undefined;
  }

  async lastSeq(): Promise<number> {
    return this.count;
  }

  async subscribe(durable: string, options: SubscribeOptions, handler: EventHandler): Promise<Subscription> {
    assertFilter(options.filter);
    this.assertOpen();
    let opening = this.durables.get(durable);
    if (!opening) {
      const source = {
        count: () => this.count,
        readRecord: (seq: number) => this.readRecord(seq),
        onAppend: (listener: () => void) => {
          this.appended.on("append", listener);
          return () => this.appended.off("append", listener);
        },
      };
      const dir = join(this.options.dir, "consumers");
      opening = mkdir(dir, { recursive: true }).then(() => FileDurable.open(dir, durable, options, source, this.options.logger));
      this.durables.set(durable, opening);
      opening.catch(() => this.durables.delete(durable));
    }
    return (await opening).join(options, handler);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    while (this.flushing) await this.flushing;
    for (const durable of this.durables.values()) await (await durable.catch(() => undefined))?.close();
    await this.handle.close();
    await this.lock?.release();
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
