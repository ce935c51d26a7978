/**
 * Reading the file log's records back: one record by its position, a range streamed a chunk at a
 * time, the events of a range that match a read's filter and times, and the record that carries a
 * msgId. Every read goes through the index (where each record starts and ends) and decodes the line
 * with its checksum (file-log-format.ts); a line that does not decode is skipped and reported, never
 * thrown, so one damaged record does not make the rest of the log unreadable.
 */
import type { FileHandle } from "node:fs/promises";
import type { Logger } from "pino";
import type { AnyStoredEvent } from "./envelope.ts";
import { EventLogError } from "./errors.ts";
import type { QuarantinedRecord, ReadOptions } from "./event-log.ts";
import type { FileLogIndex } from "./file-log-index.ts";
import { decodeLine, isBad, readLines } from "./file-log-format.ts";
import type { StoredRecord } from "./file-log-format.ts";
import { compileFilter } from "./subjects.ts";

/** The open log file and its index: what every part of the file log reads and writes through. */
export interface LogFile {
  readonly path: string;
  readonly handle: FileHandle;
  readonly index: FileLogIndex;
  readonly logger: Logger | undefined;
}

/** The record at `seq`, or undefined when it does not read (quarantined). */
export async function readRecord(file: LogFile, seq: number): Promise<StoredRecord | undefined> {
  const start = file.index.offsetOf(seq);
  const end = file.index.endOf(seq);
  if (start === undefined || end === undefined) throw new EventLogError("invalid_event", `no record ${seq}`);
  const buffer = Buffer.allocUnsafe(end - start);
  await file.handle.read(buffer, 0, buffer.length, start);
  const decoded = decodeLine(buffer, 0, buffer.length - 1, seq);
  return isBad(decoded) ? undefined : decoded;
}

/** The error for a record the index knows but that no longer reads (a duplicate's first record). */
export function unreadable(file: LogFile, seq: number): EventLogError {
  return new EventLogError("log_corrupt", `record ${seq} of ${file.path} no longer reads`, { nextStep: "Run `capsmith audit verify` to see what is quarantined." });
}

/** The record that carries `msgId`, if any (a hash match in the index is confirmed by reading the record). */
export async function seqOfMsgId(file: LogFile, msgId: string): Promise<number | undefined> {
  const found = file.index.msgIds.lookup(msgId);
  if ("seq" in found) return found.seq;
  for (const seq of found.candidates) if ((await readRecord(file, seq))?.msgId === msgId) return seq;
  return undefined;
}

/** The events of the records the index holds that match `filter` and the read's positions and times (the caller caught the index up). */
export async function* readEvents(file: LogFile, filter: string, options: ReadOptions): AsyncGenerator<AnyStoredEvent> {
  const from = Math.max(1, options.fromSeq ?? 1);
  const until = Math.min(file.index.count, options.untilSeq ?? Number.POSITIVE_INFINITY);
  const fromTime = options.fromTime === undefined ? undefined : normalizeTime(options.fromTime);
  const untilTime = options.untilTime === undefined ? undefined : normalizeTime(options.untilTime);
  const matches = compileFilter(filter);
  if (from > until) return;
  for await (const chunk of readRecords(file, from, until, options.onQuarantine)) {
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
async function* readRecords(file: LogFile, from: number, until: number, onQuarantine: ReadOptions["onQuarantine"]): AsyncGenerator<StoredRecord[]> {
  const reading = readLines(file.handle, file.index.offsetOf(from)!, file.index.endOf(until)!);
  let seq = from;
  for await (const { buffer, lines } of reading) {
    const chunk: StoredRecord[] = [];
    for (const line of lines) {
      const decoded = decodeLine(buffer, line.start, line.stop, seq);
      if (isBad(decoded)) skip(file, { seq, offset: line.offset, ...decoded }, onQuarantine);
      else chunk.push(decoded);
      seq++;
    }
    yield chunk;
  }
}

/** A bad record met by a read: reported to the caller, and warned about unless the index already did. */
function skip(file: LogFile, q: QuarantinedRecord, onQuarantine: ReadOptions["onQuarantine"]): void {
  if (!file.index.quarantined.has(q.seq)) file.logger?.warn({ file: file.path, seq: q.seq, offset: q.offset, reason: q.reason }, `skipping record ${q.seq} of the event log: ${q.message}`);
  onQuarantine?.(q);
}

/** A read's time bound as the ISO form events carry, so times compare as strings. */
function normalizeTime(time: string): string {
  const ms = Date.parse(time);
  if (Number.isNaN(ms)) {
    throw new EventLogError("invalid_event", `not an ISO time: ${time}`, { nextStep: "Use an ISO 8601 time such as 2026-11-22T10:00:00Z." });
  }
  return new Date(ms).toISOString();
}
