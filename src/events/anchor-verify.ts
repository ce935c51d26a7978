/**
 * Verifies a log against an anchor the caller trusts (its signature checked by the caller).
 *
 * - **incremental** (the default): the prefix was verified when the anchor was taken, so only what
 *   can have changed since is read — the record at every anchored subject head (each must still
 *   hash to what the anchor says), the records of the anchor's last, partial block, and everything
 *   after the anchor, whose chains must continue from the anchored heads.
 * - **full**: every record is read and fingerprinted, and compared block by block with the anchor.
 *
 * Whenever the incremental check finds a difference, the full walk runs to name the first record
 * that differs.
 */
import type { AnchorStatement } from "./anchor.ts";
import { BlockDigests } from "./anchor.ts";
import { sameLog } from "./anchor-take.ts";
import { checkAnchoredHeads, walkLog } from "./anchor-walk.ts";
import type { AnchorDifference, WalkResult } from "./anchor-walk.ts";
import type { EventLog, QuarantinedRecord } from "./event-log.ts";
import type { ChainBreak } from "./hash-chain.ts";

export interface AnchorCheck {
  ok: boolean;
  mode: "incremental" | "full";
  /** The log's last position when checked. */
  logSeq: number;
  /** Records read, and events whose chain link and hash were checked. */
  records: number;
  events: number;
  /** Anchored subject heads read back (incremental). */
  headsChecked: number;
  difference?: AnchorDifference;
  /** A break of the hash chain in what was verified (from the anchor on, or all of it). */
  firstBreak?: ChainBreak;
  quarantined: QuarantinedRecord[];
  /** No difference from the anchor and no chain break, quarantined records aside (as verifyLog's). */
  chainsIntact: boolean;
}

export async function verifyAgainstAnchor(log: EventLog, anchor: AnchorStatement, options: { full?: boolean } = {}): Promise<AnchorCheck> {
  const logSeq = await log.lastSeq();
  if (!options.full) {
    const incremental = await incrementalCheck(log, anchor, logSeq);
    if (incremental.ok || !incremental.difference) return incremental;
    // Something before the anchor changed: the full walk names the first record that differs.
  }
  const walked = await walkLog(log, { from: 1, until: logSeq, chainFrom: 1, seed: {}, compare: anchor, compareDigests: new BlockDigests(anchor.blockSize), compareHeads: true });
  return result("full", logSeq, walked, 0, walked.difference ?? identityDifference(anchor, await log.identity()));
}

async function incrementalCheck(log: EventLog, anchor: AnchorStatement, logSeq: number): Promise<AnchorCheck> {
  const empty: AnchorCheck = { ok: false, mode: "incremental", logSeq, records: 0, events: 0, headsChecked: 0, quarantined: [], chainsIntact: false };
  const identity = await log.identity();
  const other = identityDifference(anchor, identity);
  if (other) return { ...empty, difference: other };
  if (logSeq < anchor.seq) {
    return { ...empty, difference: { problem: "records_missing", seq: logSeq + 1, subject: null, expected: `records up to ${anchor.seq}`, found: `the log ends at ${logSeq}`, detail: "the log was cut short of the anchor" } };
  }
  const heads = await checkAnchoredHeads(log, anchor);
  if (heads.difference) return { ...empty, headsChecked: heads.checked, difference: heads.difference };
  const headsChecked = heads.checked;
  const size = anchor.blockSize;
  const complete = Math.floor(anchor.seq / size);
  const walked = await walkLog(log, {
    from: complete * size + 1, until: logSeq, chainFrom: anchor.seq + 1, seed: anchor.heads,
    compare: anchor, compareDigests: new BlockDigests(size, anchor.blocks.slice(0, complete)),
  });
  return result("incremental", logSeq, walked, headsChecked, walked.difference);
}

function result(mode: AnchorCheck["mode"], logSeq: number, walked: WalkResult, headsChecked: number, difference: AnchorDifference | undefined): AnchorCheck {
  const chainsIntact = !difference && !walked.firstBreak;
  return {
    ok: chainsIntact && walked.quarantined.length === 0, chainsIntact, mode, logSeq, records: walked.records, events: walked.events, headsChecked,
    ...(difference ? { difference } : {}),
    ...(walked.firstBreak ? { firstBreak: walked.firstBreak } : {}),
    quarantined: walked.quarantined,
  };
}

function identityDifference(anchor: AnchorStatement, identity: { kind: string; firstHash?: string }): AnchorDifference | undefined {
  if (sameLog(anchor, identity)) return undefined;
  return {
    problem: "log_differs", seq: 1, subject: null,
    expected: `${anchor.log.kind} log whose first event is ${anchor.log.firstHash ?? "(none)"}`,
    found: `${identity.kind} log whose first event is ${identity.firstHash ?? "(none)"}`,
    detail: "this is not the log the anchor was taken of, or its first record was rewritten",
  };
}
