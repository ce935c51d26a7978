/**
 * Anchors: a signed statement of what the log held at one position, kept where the log's own
 * directory cannot reach it. The statement names the log (its identity), the position, the hash of
 * every subject's head there, and a fingerprint of every record up to it, in blocks: the record's
 * last event hash (16 hex digits), and for a block of several records a Merkle digest of theirs.
 * A log that was rewritten before the anchor — one record edited and re-hashed, every chain after it
 * recomputed, checkpoints and snapshots rewritten to match — no longer matches the statement, and the
 * first block that differs says where. Who signs is not decided here: callers pass a signer.
 */
import { z } from "zod";
import { canonicalJson } from "./canonical-json.ts";
import { sha256 } from "./hash-chain.ts";

export const ANCHOR_FORMAT = "capsmith-anchor/v1";

/** At most this many block fingerprints per anchor: the block size doubles as the log grows. */
export const MAX_BLOCKS = 4096;

const HASH = z.string().regex(/^[0-9a-f]{64}$/);
const FINGERPRINT = z.string().regex(/^[0-9a-z]{16}$/);

const statementSchema = z
  .object({
    format: z.literal(ANCHOR_FORMAT),
    log: z.object({ id: z.string(), kind: z.enum(["file", "nats"]), location: z.string(), namespace: z.string().optional(), firstHash: HASH.optional() }).strict(),
    /** The position the statement covers (every record from 1 to it). */
    seq: z.number().int().nonnegative(),
    /** Hash of the last event of the last readable record at or before `seq` (null for an empty log). */
    lastHash: HASH.nullable(),
    events: z.number().int().nonnegative(),
    heads: z.record(z.string(), z.object({ seq: z.number().int().positive(), hash: HASH }).strict()),
    /** Records per block: a power of two. */
    blockSize: z.number().int().positive(),
    /** One fingerprint per block of `blockSize` records (the last one may be partial). */
    blocks: z.array(FINGERPRINT),
    time: z.string(),
  })
  .strict();

export type AnchorStatement = z.infer<typeof statementSchema>;

const signatureSchema = z.object({ keyId: z.string().regex(/^[0-9a-f]{16}$/), publicKey: z.string().min(1), value: z.string().min(1) }).strict();
export type AnchorSignature = z.infer<typeof signatureSchema>;

export const anchorFileSchema = z.object({ statement: statementSchema, signature: signatureSchema }).strict();
export type AnchorFile = z.infer<typeof anchorFileSchema>;

/** The exact text a signature covers. */
export function anchorSigningText(statement: AnchorStatement): string {
  return `capsmith-anchor:${canonicalJson(statement)}`;
}

/** The smallest power of two that keeps a log of `records` within MAX_BLOCKS blocks. */
export function blockSizeFor(records: number): number {
  let size = 1;
  while (Math.ceil(records / size) > MAX_BLOCKS) size *= 2;
  return size;
}

/** A record's fingerprint: the first 16 hex digits of its last event's hash. */
export function recordFingerprint(lastHash: string): string {
  return lastHash.slice(0, 16);
}

/** The fingerprint of a position that holds no readable record (quarantined, or missing). */
export function unreadableFingerprint(reason: string): string {
  return `q${sha256(`unreadable:${reason}`).slice(0, 15)}`;
}

export function combine(left: string, right: string): string {
  return sha256(left + right).slice(0, 16);
}

/**
 * Folds fingerprints into block digests as they come (a binary-counter Merkle tree per block).
 * A complete block of size 2^k is a perfect tree, so two adjacent blocks of size B combine into the
 * digest of the block of size 2B that holds them.
 */
export class BlockDigests {
  readonly blocks: string[];
  private stack: { level: number; digest: string }[] = [];
  private inBlock = 0;
  readonly size: number;

  constructor(size: number, completed: string[] = []) {
    this.size = size;
    this.blocks = [...completed];
  }

  /** Records folded so far (including those of the completed blocks given at the start). */
  get records(): number {
    return this.blocks.length * this.size + this.inBlock;
  }

  add(fingerprint: string): string | undefined {
    let node = { level: 0, digest: fingerprint };
    while (this.stack.length > 0 && this.stack.at(-1)!.level === node.level) {
      const left = this.stack.pop()!;
      node = { level: node.level + 1, digest: combine(left.digest, node.digest) };
    }
    this.stack.push(node);
    this.inBlock++;
    if (this.inBlock < this.size) return undefined;
    const done = this.stack.pop()!.digest;
    this.stack = [];
    this.inBlock = 0;
    this.blocks.push(done);
    return done;
  }

  /** The digest of the partial block in progress, if any. */
  partial(): string | undefined {
    if (this.inBlock === 0) return undefined;
    let acc = this.stack.at(-1)!.digest;
    for (let i = this.stack.length - 2; i >= 0; i--) acc = combine(this.stack[i]!.digest, acc);
    return acc;
  }

  /** Every block digest, the partial one last. */
  all(): string[] {
    const partial = this.partial();
    return partial === undefined ? [...this.blocks] : [...this.blocks, partial];
  }
}

/** The complete blocks of `statement` regrouped into blocks of `size` (a multiple of its own). */
export function regroup(statement: Pick<AnchorStatement, "seq" | "blockSize" | "blocks">, size: number): string[] {
  let blocks = statement.blocks.slice(0, Math.floor(statement.seq / statement.blockSize));
  for (let at = statement.blockSize; at < size; at *= 2) {
    const next: string[] = [];
    for (let i = 0; i + 1 < blocks.length; i += 2) next.push(combine(blocks[i]!, blocks[i + 1]!));
    blocks = next;
  }
  return blocks;
}
