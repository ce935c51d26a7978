/**
 * One walk over a range of the log that does what anchoring and verifying against an anchor need:
 * it checks the hash chain (from a position, seeded with the heads before it), folds every record's
 * fingerprint into block digests, and compares them — and the heads — with an anchor's, naming the
 * first record that differs. Quarantined positions take an "unreadable" fingerprint, so a bad line
 * put where a good record was is a difference too.
 */
import { recordFingerprint, unreadableFingerprint } from "./anchor.ts";
import type { AnchorStatement, BlockDigests } from "./anchor.ts";
import type { EventLog, QuarantinedRecord } from "./event-log.ts";
import { ChainVerifier } from "./hash-chain.ts";
import type { ChainBreak } from "./hash-chain.ts";
import { ALL_EVENTS } from "./subjects.ts";

export type Heads = Record<string, { seq: number; hash: string }>;

/** Where the log differs from an anchor: the first record, with what the anchor holds and what the log does. */
export interface AnchorDifference {
  problem: "record_differs" | "head_differs" | "records_missing" | "log_differs";
  seq: number;
  subject: string | null;
  expected: string;
  found: string;
  /** The records of the first block whose fingerprint differs (blocks hold `blockSize` records). */
  block?: { from: number; to: number };
  detail: string;
}

export interface WalkOptions {
  /** First position to read. */
  from: number;
  /** Last position to read. */
  until: number;
  /** Chain-check positions from here on, starting from `seed` (the heads just before it). */
  chainFrom: number;
  seed: Heads;
  /** Fingerprints go here (seeded with the complete blocks before `from`). */
  build?: BlockDigests;
  /** Compare with this anchor (its blocks from `compareDigests`' start; its heads when `compareHeads`). */
  compare?: AnchorStatement;
  compareDigests?: BlockDigests;
  compareHeads?: boolean;
  /** Stop at the first chain break (verify) rather than going on (never: anchoring refuses a broken log). */
  onRecord?(seq: number): void;
}

export interface WalkResult {
  /** Events chain-checked. */
  events: number;
  records: number;
  heads: Heads;
  /** Hash of the last event of the last readable record read at or after `chainFrom`. */
  lastHash: string | undefined;
  lastSeq: number;
  firstBreak?: ChainBreak;
  quarantined: QuarantinedRecord[];
  difference?: AnchorDifference;
}

interface Seen {
  seq: number;
  subject: string | null;
  fingerprint: string;
}

export async function walkLog(log: EventLog, options: WalkOptions): Promise<WalkResult> {
  const { from, until, chainFrom, build, compare, compareDigests } = options;
  const verifier = new ChainVerifier(options.seed);
  const quarantined = new Map<number, QuarantinedRecord>();
  const result: WalkResult = { events: 0, records: 0, heads: {}, lastHash: undefined, lastSeq: from - 1, quarantined: [] };
  const compareSize = compare?.blockSize ?? 1;
  let inBlock: Seen[] = [];
  let firstBlock: { index: number; seen: Seen[] } | undefined;
  let headsAtAnchor: Heads | undefined;

  const settle = (seq: number, subject: string | null, fingerprint: string): void => {
    result.lastSeq = seq;
    result.records++;
    build?.add(fingerprint);
    if (!compare || !compareDigests || seq > compare.seq) return;
    inBlock.push({ seq, subject, fingerprint });
    const done = compareDigests.add(fingerprint) ?? (seq === compare.seq ? compareDigests.partial() : undefined);
    if (done !== undefined) {
      const index = Math.floor((seq - 1) / compareSize);
      if (!firstBlock && compare.blocks[index] !== done) firstBlock = { index, seen: inBlock };
      inBlock = [];
    }
    if (seq === compare.seq && options.compareHeads) headsAtAnchor = Object.fromEntries([...verifier.subjects()].map(([s, h]) => [s, { seq: h.seq, hash: h.hash }]));
  };
  /** Positions the read skipped (quarantined, or missing from the stream) up to `seq` (exclusive). */
  const fill = (seq: number): void => {
    for (let at = result.lastSeq + 1; at < seq; at++) {
      const q = quarantined.get(at);
      settle(at, q?.subject ?? null, unreadableFingerprint(q ? q.reason : "missing"));
    }
  };

  let current: { seq: number; subject: string; hash: string } | undefined;
  const close = (): void => {
    if (!current) return;
    settle(current.seq, current.subject, recordFingerprint(current.hash));
    if (current.seq >= chainFrom) result.lastHash = current.hash;
    current = undefined;
  };
  for await (const event of log.read(ALL_EVENTS, { fromSeq: from, untilSeq: until, onQuarantine: (q) => quarantined.set(q.seq, q) })) {
    if (current && current.seq !== event.seq) close();
    if (!current) {
      fill(event.seq);
      current = { seq: event.seq, subject: event.subject, hash: event.hash };
      options.onRecord?.(event.seq);
    }
    current.hash = event.hash;
    if (event.seq >= chainFrom && !result.firstBreak) {
      result.events++;
      const broken = verifier.check(event);
      if (broken) result.firstBreak = broken;
    }
  }
  close();
  const end = Math.min(until, Math.max(result.lastSeq, ...quarantined.keys()));
  fill(end + 1);
  result.quarantined = [...quarantined.values()].sort((a, b) => a.seq - b.seq);
  for (const [subject, head] of verifier.subjects()) result.heads[subject] = { seq: head.seq, hash: head.hash };
  if (compare) result.difference = differenceFrom(compare, result, firstBlock, headsAtAnchor, options.compareHeads ?? false);
  return result;
}

function differenceFrom(anchor: AnchorStatement, walked: WalkResult, firstBlock: { index: number; seen: Seen[] } | undefined, heads: Heads | undefined, compareHeads: boolean): AnchorDifference | undefined {
  const size = anchor.blockSize;
  const changedSubjects = new Set<string>();
  if (heads) {
    for (const subject of new Set([...Object.keys(anchor.heads), ...Object.keys(heads)])) {
      if (anchor.heads[subject]?.hash !== heads[subject]?.hash) changedSubjects.add(subject);
    }
  }
  if (firstBlock) {
    const block = { from: firstBlock.index * size + 1, to: Math.min(anchor.seq, (firstBlock.index + 1) * size) };
    const expectedBlock = anchor.blocks[firstBlock.index] ?? "(none)";
    if (size === 1) {
      const seen = firstBlock.seen[0]!;
      return { problem: "record_differs", seq: seen.seq, subject: seen.subject, expected: expectedBlock, found: seen.fingerprint, block, detail: `record ${seen.seq} is not the one anchored (fingerprints: first 16 hex digits of its last event hash)` };
    }
    const named = firstBlock.seen.find((s) => s.subject !== null && changedSubjects.has(s.subject)) ?? firstBlock.seen[0]!;
    const subject = named.subject;
    if (subject !== null && changedSubjects.has(subject)) {
      return {
        problem: "record_differs", seq: named.seq, subject, expected: anchor.heads[subject]?.hash ?? "(no such subject)", found: heads?.[subject]?.hash ?? "(no such subject)", block,
        detail: `records ${block.from}–${block.to} differ from the anchor; the first of them on a subject whose head at the anchor differs is ${named.seq} (expected/found: that subject's head hash at seq ${anchor.seq})`,
      };
    }
    return { problem: "record_differs", seq: named.seq, subject, expected: expectedBlock, found: "(another block digest)", block, detail: `records ${block.from}–${block.to} differ from the anchor (a block of ${size} records)` };
  }
  if (walked.lastSeq < anchor.seq) {
    return { problem: "records_missing", seq: walked.lastSeq + 1, subject: null, expected: `records up to ${anchor.seq}`, found: `the log ends at ${walked.lastSeq}`, detail: "the log was cut short of the anchor" };
  }
  if (compareHeads && changedSubjects.size > 0) {
    const subject = [...changedSubjects].sort()[0]!;
    return { problem: "head_differs", seq: anchor.heads[subject]?.seq ?? heads?.[subject]?.seq ?? anchor.seq, subject, expected: anchor.heads[subject]?.hash ?? "(no such subject)", found: heads?.[subject]?.hash ?? "(no such subject)", detail: `the head of ${subject} at seq ${anchor.seq} is not the one anchored` };
  }
  return undefined;
}

/** Reads back the record at every anchored subject head: each must still hold that subject's event with that hash. */
export async function checkAnchoredHeads(log: EventLog, anchor: Pick<AnchorStatement, "heads">): Promise<{ checked: number; difference?: AnchorDifference }> {
  const bySeq = Object.entries(anchor.heads).sort((a, b) => a[1].seq - b[1].seq);
  let checked = 0;
  for (const [subject, head] of bySeq) {
    let found: string | null = null;
    for await (const event of log.read(ALL_EVENTS, { fromSeq: head.seq, untilSeq: head.seq })) if (event.subject === subject) found = event.hash;
    checked++;
    if (found !== head.hash) {
      return { checked, difference: { problem: "head_differs", seq: head.seq, subject, expected: head.hash, found: found ?? "(no such event)", detail: `the anchored head of ${subject} at seq ${head.seq} is not there` } };
    }
  }
  return { checked };
}
