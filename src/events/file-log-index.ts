/**
 * What a process knows about the file log without reading it again: where each record starts, its
 * subject, every subject's head, every msgId, and the quarantined positions. It starts from the
 * index checkpoint beside the log when that still matches the log (file-log-checkpoint.ts), and
 * catches up from the end it knows to the file's end (other processes append too), indexing
 * complete lines only: an unterminated last line is a write in progress or a torn one, and only a
 * writer holding the lock may tell which and cut it.
 */
import { constants } from "node:fs";
import { open, rename, rm } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";
import { dirname } from "node:path";
import type { Logger } from "pino";
import type { QuarantinedRecord } from "./event-log.ts";
import { NO_SUBJECT, CHECKPOINT_FORMAT, decodeCheckpoint, encodeCheckpoint, lineChecksum, sampleSeqs } from "./file-log-checkpoint.ts";
import type { Checkpoint } from "./file-log-checkpoint.ts";
import { decodeLine, isBad, readLines } from "./file-log-format.ts";
import type { StoredRecord } from "./file-log-format.ts";
import { GrowableArray } from "./growable-array.ts";
import { MsgIdTable } from "./msg-id-table.ts";
import { EventLogError } from "./errors.ts";
import { openRegular } from "./open-regular.ts";
import { recordHead } from "./seal.ts";

export interface Head {
  seq: number;
  hash: string;
}

interface IndexedHead extends Head {
  subject: string;
}

export class FileLogIndex {
  /** `offsets[i]` is where record i + 1 starts; `offsets[count]` is the end of the last complete line. */
  private offsets: GrowableArray<Float64Array> = new GrowableArray((n) => new Float64Array(n), Float64Array.of(0));
  /** Subject (by its number in `subjectNames`) of record i + 1; NO_SUBJECT when quarantined. */
  private subjectIds: GrowableArray<Uint32Array> = new GrowableArray((n) => new Uint32Array(n));
  private subjectNames: string[] = [];
  private readonly subjectNumbers = new Map<string, number>();
  readonly heads = new Map<string, IndexedHead>();
  /**
   * Subjects whose head came from the checkpoint and was not read back from the log since: a
   * writer confirms one before it chains an append to it (the checkpoint samples lines, not heads).
   */
  readonly uncheckedHeads = new Set<string>();
  readonly msgIds = new MsgIdTable();
  readonly quarantined = new Map<number, QuarantinedRecord>();
  /** Hash of the first event of the first good record. */
  firstHash: string | undefined;
  /** How many records the checkpoint on disk covers (as far as this process knows). */
  checkpointed = 0;

  private readonly handle: FileHandle;
  private readonly path: string;
  private readonly checkpointPath: string;
  private readonly logger: Logger | undefined;

  constructor(handle: FileHandle, path: string, checkpointPath: string, logger: Logger | undefined) {
    this.handle = handle;
    this.path = path;
    this.checkpointPath = checkpointPath;
    this.logger = logger;
  }

  get count(): number {
    return this.offsets.length - 1;
  }

  get end(): number {
    return this.offsets.at(this.count)!;
  }

  offsetOf(seq: number): number | undefined {
    return seq >= 1 ? this.offsets.at(seq - 1) : undefined;
  }

  endOf(seq: number): number | undefined {
    return seq >= 1 ? this.offsets.at(seq) : undefined;
  }

  subjectAt(seq: number): string | undefined {
    const id = this.subjectIds.at(seq - 1);
    return id === undefined || id === NO_SUBJECT ? undefined : this.subjectNames[id];
  }

  add(record: StoredRecord, end: number): void {
    this.offsets.push(end);
    const subject = record.events[0]!.subject;
    let id = this.subjectNumbers.get(subject);
    if (id === undefined) {
      id = this.subjectNames.push(subject) - 1;
      this.subjectNumbers.set(subject, id);
    }
    this.subjectIds.push(id);
    this.heads.set(subject, { seq: record.seq, hash: recordHead(record), subject: this.subjectNames[id]! });
    this.uncheckedHeads.delete(subject);
    this.msgIds.set(record.msgId, record.seq);
    this.firstHash ??= record.events[0]!.hash;
  }

  private quarantine(q: QuarantinedRecord, end: number): void {
    this.offsets.push(end);
    this.subjectIds.push(NO_SUBJECT);
    this.quarantined.set(q.seq, q);
    this.logger?.warn({ file: this.path, seq: q.seq, offset: q.offset, reason: q.reason }, `quarantined record ${q.seq} of the event log: ${q.message}`);
  }

  /**
   * Indexes the complete lines between the known end and the file's end. Returns the file size and
   * where an unterminated rest begins (equal to the size when there is none).
   */
  async catchUp(): Promise<{ size: number; restAt: number }> {
    const { size } = await this.handle.stat();
    if (size < this.end) {
      // Cut below what was indexed (a failed write undone, a file restored): index it anew.
      this.logger?.warn({ file: this.path, size, indexed: this.end }, "the event log shrank; indexing it again");
      this.reset();
    }
    const reading = readLines(this.handle, this.end, size);
    let step = await reading.next();
    while (!step.done) {
      const { buffer, lines } = step.value;
      for (const line of lines) {
        const seq = this.count + 1;
        const decoded = decodeLine(buffer, line.start, line.stop, seq);
        if (isBad(decoded)) this.quarantine({ seq, offset: line.offset, ...decoded }, line.end);
        else this.add(decoded, line.end);
      }
      step = await reading.next();
    }
    return { size, restAt: Math.max(step.value, this.end) };
  }

  /**
   * Starts from the checkpoint beside the log if it matches the log; otherwise (none, damaged, or
   * of another log) the index stays empty and the next catch-up reads the whole log. Returns
   * whether the checkpoint was used.
   */
  async load(): Promise<boolean> {
    const bytes = await readCheckpoint(this.checkpointPath);
    if (bytes === undefined) return false;
    const decoded = decodeCheckpoint(bytes);
    const problem = typeof decoded === "string" ? decoded : await this.mismatch(decoded);
    if (problem !== undefined) {
      this.logger?.warn({ file: this.checkpointPath, problem }, `ignoring the event log's index checkpoint (${problem}); indexing the log from its start`);
      return false;
    }
    const c = decoded as Checkpoint;
    const { header } = c;
    this.offsets = new GrowableArray((n) => new Float64Array(n), c.offsets);
    this.subjectIds = new GrowableArray((n) => new Uint32Array(n), c.subjectIds);
    this.subjectNames = header.subjects;
    this.subjectNumbers.clear();
    this.heads.clear();
    header.subjects.forEach((subject, id) => {
      this.subjectNumbers.set(subject, id);
      const [seq, hash] = header.heads[id]!;
      this.heads.set(subject, { seq, hash, subject });
      this.uncheckedHeads.add(subject);
    });
    this.msgIds.load(c.msgHashes, c.msgSeqs);
    this.quarantined.clear();
    for (const q of header.quarantined) this.quarantined.set(q.seq, q);
    this.firstHash = header.firstHash;
    this.checkpointed = header.count;
    return true;
  }

  /** Why a decoded checkpoint does not describe this log, or undefined when it does. */
  private async mismatch(c: Checkpoint): Promise<string | undefined> {
    const { header, offsets, subjectIds } = c;
    if (subjectIds.length !== header.count || offsets[header.count] !== header.end || header.heads.length !== header.subjects.length) return "its arrays disagree with its header";
    const { size } = await this.handle.stat();
    if (size < header.end) return `it covers ${header.end} bytes but the log has ${size}`;
    for (const [seq, crc] of header.samples) {
      const line = await lineChecksum(this.handle, offsets[seq - 1]!, offsets[seq]!);
      if (!line || !line.terminated || line.crc !== crc) return `record ${seq} is not where, or not what, it says`;
    }
    if (header.count > 0 && header.samples.at(-1)?.[0] !== header.count) return "it does not sample its last record";
    return undefined;
  }

  /**
   * Writes a checkpoint of what is indexed now (a temporary file, fsynced, renamed over the old
   * one). The state is captured synchronously, so index changes during the write do not tear it.
   */
  async save(): Promise<void> {
    const count = this.count;
    if (count === 0) return;
    const offsets = this.offsets.view().slice();
    const subjectIds = this.subjectIds.view().slice();
    const { hashes, seqs } = this.msgIds.table();
    const subjects = [...this.subjectNames];
    const heads = subjects.map((s) => {
      const h = this.heads.get(s)!;
      return [h.seq, h.hash] as [number, string];
    });
    const quarantined = [...this.quarantined.values()];
    const firstHash = this.firstHash;
    const samples: [number, number][] = [];
    for (const seq of sampleSeqs(count)) {
      const line = await lineChecksum(this.handle, offsets[seq - 1]!, offsets[seq]!);
      if (!line) return; // the log changed under us (shrank): no checkpoint this time
      samples.push([seq, line.crc]);
    }
    const bytes = encodeCheckpoint({
      header: { format: CHECKPOINT_FORMAT, count, end: offsets[count]!, firstHash, subjects, heads, quarantined, samples, msgIds: hashes.length },
      offsets, subjectIds, msgHashes: hashes, msgSeqs: seqs,
    });
    const tmp = `${this.checkpointPath}.${process.pid}.tmp`;
    try {
      const handle = await open(tmp, "w", 0o644);
      try {
        await handle.writeFile(bytes);
        await handle.datasync();
      } finally {
        await handle.close();
      }
      await rename(tmp, this.checkpointPath);
      const dir = await open(dirname(this.checkpointPath), "r");
      await dir.sync().finally(() => dir.close());
      this.checkpointed = Math.max(this.checkpointed, count);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }

  /** Forgets everything indexed (the checkpoint included): the next catch-up reads the whole log. */
  reset(): void {
    this.uncheckedHeads.clear();
    this.offsets = new GrowableArray((n) => new Float64Array(n), Float64Array.of(0));
    this.subjectIds = new GrowableArray((n) => new Uint32Array(n));
    this.subjectNames = [];
    this.subjectNumbers.clear();
    this.heads.clear();
    this.msgIds.clear();
    this.quarantined.clear();
    this.firstHash = undefined;
    this.checkpointed = 0;
  }
}

/** The checkpoint's bytes, or undefined when there is none or it cannot be read; one that is no regular file (a FIFO would hang the read) is refused. */
async function readCheckpoint(path: string): Promise<Buffer | undefined> {
  let handle;
  try {
    handle = await openRegular(path, constants.O_RDONLY);
  } catch (err) {
    if (err instanceof EventLogError) throw err;
    return undefined;
  }
  try {
    return await handle.readFile();
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}
