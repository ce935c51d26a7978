/**
 * The index checkpoint, `events.index` beside `events.log`: what the index knew at one position
 * (each record's byte offset and subject, every subject's head, the msgId table, the quarantined
 * records), so opening a log of a million records reads 25 MB of arrays instead of parsing 700 MB
 * of JSON. It is a cache, never trusted blindly: the file carries a checksum, and before use the
 * lines it names as samples (the first, the last and some between) are read from the log and must
 * match the checksums it recorded for them and end where it says; a checkpoint that fails any of
 * this is ignored and the index is built from the log again.
 *
 * Layout: `CSMIDX01`, u32 header length, the JSON header, zero padding to 8 bytes, then f64
 * offsets[count + 1], u32 subjectIds[count], u32 msgHashes[n], u32 msgSeqs[n], and a u32 crc32 of
 * everything before it.
 */
import type { FileHandle } from "node:fs/promises";
import { crc32 } from "node:zlib";
import type { QuarantinedRecord } from "./event-log.ts";

/** How an index checkpoint starts (src/cli/data-dir-contents.ts tells a data directory by it too). */
export const CHECKPOINT_MAGIC = "CSMIDX01";
export const CHECKPOINT_FORMAT = "capsmith-log-index/v1";
/** Subject id of a quarantined record. */
export const NO_SUBJECT = 0xffff_ffff;

export interface CheckpointHeader {
  format: typeof CHECKPOINT_FORMAT;
  count: number;
  end: number;
  firstHash: string | undefined;
  subjects: string[];
  /** Head of `subjects[i]`: [seq, hash]. */
  heads: [number, string][];
  quarantined: QuarantinedRecord[];
  /** [seq, crc32 of the record's line with its newline]. */
  samples: [number, number][];
  msgIds: number;
}

export interface Checkpoint {
  header: CheckpointHeader;
  offsets: Float64Array;
  subjectIds: Uint32Array;
  msgHashes: Uint32Array;
  msgSeqs: Uint32Array;
}

const pad8 = (n: number): number => (n + 7) & ~7;

export function encodeCheckpoint(c: Checkpoint): Buffer {
  const header = Buffer.from(JSON.stringify(c.header));
  const arraysAt = pad8(CHECKPOINT_MAGIC.length + 4 + header.length);
  const parts = [c.offsets, c.subjectIds, c.msgHashes, c.msgSeqs];
  const size = arraysAt + parts.reduce((n, a) => n + a.byteLength, 0) + 4;
  const out = Buffer.alloc(size);
  out.write(CHECKPOINT_MAGIC, 0, "latin1");
  out.writeUInt32LE(header.length, CHECKPOINT_MAGIC.length);
  header.copy(out, CHECKPOINT_MAGIC.length + 4);
  let at = arraysAt;
  for (const a of parts) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += a.byteLength;
  }
  out.writeUInt32LE(crc32(out.subarray(0, at)), at);
  return out;
}

/** The checkpoint in `bytes`, or a reason it is not one. */
export function decodeCheckpoint(bytes: Buffer): Checkpoint | string {
  if (bytes.length < CHECKPOINT_MAGIC.length + 8 || bytes.toString("latin1", 0, CHECKPOINT_MAGIC.length) !== CHECKPOINT_MAGIC) return "not an index checkpoint";
  const body = bytes.length - 4;
  if (crc32(bytes.subarray(0, body)) !== bytes.readUInt32LE(body)) return "the checkpoint does not match its checksum";
  const headerLength = bytes.readUInt32LE(CHECKPOINT_MAGIC.length);
  let header: CheckpointHeader;
  try {
    header = JSON.parse(bytes.toString("utf8", CHECKPOINT_MAGIC.length + 4, CHECKPOINT_MAGIC.length + 4 + headerLength)) as CheckpointHeader;
  } catch {
    return "the checkpoint header is not JSON";
  }
  if (header.format !== CHECKPOINT_FORMAT) return `unknown checkpoint format ${String(header.format)}`;
  let at = pad8(CHECKPOINT_MAGIC.length + 4 + headerLength);
  // The arrays are used in place where the bytes are aligned for them (a file read whole is), else copied.
  const take = <T extends Float64Array | Uint32Array>(make: (buffer: ArrayBuffer, offset: number, n: number) => T, n: number, width: number): T => {
    const start = bytes.byteOffset + at;
    at += n * width;
    if (start % width === 0) return make(bytes.buffer as ArrayBuffer, start, n);
    const copy = new Uint8Array(n * width);
    copy.set(bytes.subarray(at - n * width, at));
    return make(copy.buffer, 0, n);
  };
  if (at + (header.count + 1) * 8 + header.count * 4 + header.msgIds * 8 !== body) return "the checkpoint's arrays do not fit its header";
  const offsets = take((b, o, n) => new Float64Array(b, o, n), header.count + 1, 8);
  const subjectIds = take((b, o, n) => new Uint32Array(b, o, n), header.count, 4);
  const msgHashes = take((b, o, n) => new Uint32Array(b, o, n), header.msgIds, 4);
  const msgSeqs = take((b, o, n) => new Uint32Array(b, o, n), header.msgIds, 4);
  return { header, offsets, subjectIds, msgHashes, msgSeqs };
}

/** Which records a checkpoint of `count` records samples: the first, the last and 14 between. */
export function sampleSeqs(count: number): number[] {
  const seqs = new Set<number>();
  for (let i = 0; i <= 15; i++) seqs.add(Math.max(1, Math.round((count * i) / 15)));
  return [...seqs].filter((s) => s >= 1 && s <= count).sort((a, b) => a - b);
}

/** crc32 of the bytes `[start, end)` of the log, and whether they end with a newline. */
export async function lineChecksum(handle: FileHandle, start: number, end: number): Promise<{ crc: number; terminated: boolean } | undefined> {
  if (!(end > start)) return undefined;
  const buffer = Buffer.allocUnsafe(end - start);
  const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
  if (bytesRead !== buffer.length) return undefined;
  return { crc: crc32(buffer), terminated: buffer[buffer.length - 1] === 10 };
}
