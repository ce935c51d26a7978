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

/** Decodes one line (without its newline); undefined when the checksum or JSON is bad. */
export function decodeRecord(line: string): StoredRecord | undefined {
  if (line.length < 10 || line[8] !== " ") return undefined;
  const json = line.slice(9);
  if (crc32(json) !== Number.parseInt(line.slice(0, 8), 16)) return undefined;
  try {
    const record = JSON.parse(json) as StoredRecord;
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

/** Splits a buffer into newline-terminated lines, calling `onLine(text, offset)` for each. */
export function* lines(buffer: Buffer, base = 0): Generator<{ text: string; offset: number; end: number }, number> {
  let start = 0;
  for (;;) {
    const nl = buffer.indexOf(10, start);
    if (nl === -1) return start;
    yield { text: buffer.toString("utf8", start, nl), offset: base + start, end: base + nl + 1 };
    start = nl + 1;
  }
}
