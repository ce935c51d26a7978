/**
 * On-disk form of the embedded log: one record per line, `<crc32 hex8> <json>\n`, where the JSON is
 * `{seq, msgId, events}` and `seq` is the line's position (1 for the first line). Only an
 * unterminated last line is a torn write; a complete line that fails its checksum or does not parse
 * is corruption, kept where it is and quarantined (it still takes its position).
 */
import type { FileHandle } from "node:fs/promises";
import { crc32 } from "node:zlib";
import type { LogRecord } from "./envelope.ts";
import type { QuarantinedRecord } from "./event-log.ts";
import { recordProblem } from "./record-check.ts";

export interface StoredRecord extends LogRecord {
  seq: number;
}

export function encodeRecord(record: StoredRecord): string {
  const json = JSON.stringify({ seq: record.seq, msgId: record.msgId, events: record.events });
  return `${crc32(json).toString(16).padStart(8, "0")} ${json}\n`;
}

const SPACE = 0x20;

export type BadLine = Pick<QuarantinedRecord, "reason" | "message">;

/** Decodes the line `buffer[start..end)` (without its newline), expected at position `seq`. */
export function decodeLine(buffer: Buffer, start: number, end: number, seq: number): StoredRecord | BadLine {
  if (end - start < 10 || buffer[start + 8] !== SPACE) return { reason: "unreadable", message: "not a `<crc32> <json>` line" };
  if (crc32(buffer.subarray(start + 9, end)) !== Number.parseInt(buffer.toString("latin1", start, start + 8), 16)) {
    return { reason: "bad_checksum", message: "the line does not match its checksum" };
  }
  let record: StoredRecord;
  try {
    record = JSON.parse(buffer.toString("utf8", start + 9, end)) as StoredRecord;
  } catch {
    return { reason: "unreadable", message: "the line is not JSON" };
  }
  const problem = recordProblem(record);
  if (problem) return { reason: "not_a_record", message: problem };
  if (record.seq !== seq) return { reason: "misplaced", message: `the record says seq ${String(record.seq)} at position ${seq}` };
  return record;
}

export function isBad(decoded: StoredRecord | BadLine): decoded is BadLine {
  return "reason" in decoded;
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

const CHUNK = 4 * 1024 * 1024;

/**
 * Reads `[from, to)` a chunk at a time and yields each chunk's complete lines; returns the file
 * offset where the unterminated rest (if any) begins.
 */
export async function* readLines(handle: FileHandle, from: number, to: number): AsyncGenerator<{ buffer: Buffer; lines: Line[] }, number> {
  let position = from;
  let carry: Buffer | undefined;
  let restAt = from;
  while (position < to) {
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK, to - position));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
    if (bytesRead === 0) break;
    const buffer = carry ? Buffer.concat([carry, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
    const base = position - (carry?.length ?? 0);
    position += bytesRead;
    const it = lines(buffer, base);
    const found: Line[] = [];
    let step = it.next();
    while (!step.done) {
      found.push(step.value);
      step = it.next();
    }
    restAt = base + step.value;
    if (found.length > 0) yield { buffer, lines: found };
    carry = step.value < buffer.length ? Buffer.from(buffer.subarray(step.value)) : undefined;
  }
  return restAt;
}
