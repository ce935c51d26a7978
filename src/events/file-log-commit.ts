/**
 * One group commit of the file log, under its lock once the index is current: each queued append is
 * de-duplicated by msgId, checked against its conditions (`expectedSubjectSeq`, `expectedLastSeq`)
 * and sealed onto its subject's head — the heads and ids of earlier appends of the same batch count
 * — then the batch is written with one write and one fdatasync, indexed, and only then answered.
 * A failed write is cut off again and fails every append of the batch, so nothing half-written is
 * ever acknowledged.
 */
import type { AnyStoredEvent, NewEvent } from "./envelope.ts";
import { ConcurrencyError, EventLogError } from "./errors.ts";
import type { AppendOptions, AppendResult } from "./event-log.ts";
import { encodeRecord } from "./file-log-format.ts";
import type { StoredRecord } from "./file-log-format.ts";
import { readRecord, seqOfMsgId, unreadable } from "./file-log-read.ts";
import type { LogFile } from "./file-log-read.ts";
import { recordHead, sealRecord } from "./seal.ts";
import type { SealContext } from "./seal.ts";

/** An append waiting for the next group commit (validated, its msgId keyed) and how to answer it. */
export interface PendingAppend {
  events: NewEvent[];
  subject: string;
  options: AppendOptions;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

/** A batch after sealing: the records to write (one line each, `text` all of them) and the appends that repeat a stored msgId. */
export interface SealedBatch {
  written: { p: PendingAppend; record: StoredRecord; bytes: number }[];
  duplicates: { p: PendingAppend; seq: number }[];
  text: string;
}

/** Seals every append of `batch` that is no duplicate and whose conditions hold; the others are rejected here. */
export async function sealBatch(file: LogFile, seal: SealContext, batch: readonly PendingAppend[]): Promise<SealedBatch> {
  const index = file.index;
  const heads = new Map<string, { seq: number; hash: string }>();
  const ids = new Map<string, number>();
  const out: SealedBatch = { written: [], duplicates: [], text: "" };
  for (const p of batch) {
    try {
      const head = heads.get(p.subject) ?? index.heads.get(p.subject);
      const dupSeq = p.options.msgId === undefined ? undefined : (ids.get(p.options.msgId) ?? (await seqOfMsgId(file, p.options.msgId)));
      if (dupSeq !== undefined) {
        out.duplicates.push({ p, seq: dupSeq });
        continue;
      }
      const expected = p.options.expectedSubjectSeq;
      if (expected !== undefined && expected !== (head?.seq ?? 0)) throw new ConcurrencyError(p.subject, expected, head?.seq ?? 0);
      const sealed = sealRecord(p.events, head?.hash ?? null, seal, p.options.msgId);
      const existing = ids.get(sealed.msgId) ?? (await seqOfMsgId(file, sealed.msgId));
      if (existing !== undefined) {
        out.duplicates.push({ p, seq: existing });
        continue;
      }
      // After de-duplication, as JetStream checks it: the log's last record as this append would
      // follow it (records of this batch count too).
      const last = index.count + out.written.length;
      if (p.options.expectedLastSeq !== undefined && p.options.expectedLastSeq !== last) throw new ConcurrencyError(p.subject, p.options.expectedLastSeq, last, "log");
      const record: StoredRecord = { seq: last + 1, ...sealed };
      const line = encodeRecord(record);
      out.text += line;
      heads.set(p.subject, { seq: record.seq, hash: recordHead(record) });
      ids.set(record.msgId, record.seq);
      out.written.push({ p, record, bytes: Buffer.byteLength(line) });
    } catch (err) {
      p.reject(err);
    }
  }
  return out;
}

/**
 * Writes the sealed records at the index's end, fdatasyncs and indexes them. False when the write
 * failed: the file is cut back, and every append of the batch (duplicates too) is rejected.
 */
export async function writeBatch(file: LogFile, sealed: SealedBatch): Promise<boolean> {
  if (sealed.written.length === 0) return true;
  const start = file.index.end;
  try {
    const bytes = Buffer.from(sealed.text);
    await file.handle.write(bytes, 0, bytes.length, start);
    await file.handle.datasync();
  } catch (cause) {
    await file.handle.truncate(start).catch(() => undefined);
    const error = new EventLogError("log_write_failed", `could not write to ${file.path}: ${(cause as Error).message}`, {
      cause,
      retryable: true,
      nextStep: "Check free disk space and permissions of the data directory, then retry.",
    });
    for (const { p } of sealed.written) p.reject(error);
    for (const { p } of sealed.duplicates) p.reject(error);
    return false;
  }
  let end = start;
  for (const { record, bytes } of sealed.written) {
    end += bytes;
    file.index.add(record, end);
  }
  return true;
}

/** Answers a written batch: its records as written, each duplicate with the record first stored under its msgId. */
export function settleBatch(file: LogFile, sealed: SealedBatch): void {
  for (const { p, record } of sealed.written) p.resolve({ seq: record.seq, duplicate: false, events: withSeq(record) });
  for (const { p, seq } of sealed.duplicates) {
    readRecord(file, seq).then((r) => (r ? p.resolve({ seq, duplicate: true, events: withSeq(r) }) : p.reject(unreadable(file, seq))), p.reject);
  }
}

function withSeq(record: StoredRecord): AnyStoredEvent[] {
  return record.events.map((e) => ({ ...e, seq: record.seq }) as AnyStoredEvent);
}
