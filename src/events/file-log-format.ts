/**
 * On-disk form of the embedded log: one record per line, `<crc32 hex8> <json>\n`, where the JSON is
 * `{seq, msgId, events}`. The checksum tells a torn last write (repairable) from a corrupt record.
 */
import { crc32 } from "node:zlib";
import type { LogRecord } from "./envelope.ts";

export interface StoredRecord extends LogRecord {
  seq: number;
}

export function encodeRecord(record: StoredRecord): string {
  const json = JSON.stringify({ seq: record.seq, msgId: record.msgId, events: record.events });
  return `${crc32(json).toString(16).padStart(8, "0")} ${json}\n`;
}

const SPACE = 0x20;

/** Decodes the line `buffer[start..end)` (without its newline); undefined when checksum or JSON is bad. */
export function decodeRecord(buffer: Buffer, start: number, end: number): StoredRecord | undefined {
  if (end - start < 10 || buffer[start + 8] !== SPACE) return undefined;
  if (crc32(buffer.subarray(start + 9, end)) !== Number.parseInt(buffer.toString("latin1", start, start + 8), 16)) return undefined;
  try {
    const record = JSON.parse(buffer.toString("utf8", start + 9, end)) as StoredRecord;
    return Number.isInteger(record.seq) && Array.isArray(record.events) && record.events.length > 0 ? record : undefined;
  } catch {
    return undefined;
  }
}

export interface ScanResult {
  records: number;
  /** Byte offset of each record, by seq - 1; `offsets[records]` is the end of the last good record. */
  offsets: number[];
  /** Set when bytes after the last good record do not form a record: a torn write, safe to cut. */
  tornTailAt?: number;
  /** Set when a bad record has good records after it: the log is corrupt here. */
  corruptAt?: { offset: number; seq: number };
}

export interface Line {
  /** Where the line starts and ends (before its newline) in the buffer. */
  start: number;
  stop: number;
  /** File offsets of the line's start and of the byte after its newline. */
  offset: number;
  end: number;
}

/** Splits a buffer into newline-terminated lines; returns where the unterminated rest begins. */
export function* lines(buffer: Buffer, base = 0): Generator<Line, number> {
  let start = 0;
  for (;;) {
    const nl = buffer.indexOf(10, start);
    if (nl === -1) return start;
    yield { start, stop: nl, offset: base + start, end: base + nl + 1 };
    start = nl + 1;
  }
}
