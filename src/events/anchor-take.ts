/**
 * Takes an anchor: the statement of the log's heads and record fingerprints at its last position.
 * From a previous anchor of the same log it reads only what that one does not cover (and the
 * records of its last, partial block, which it checks against the previous anchor on the way);
 * without one, the whole log. A log whose chain is broken, or that no longer matches the previous
 * anchor, is not anchored: the statement would bless a rewrite.
 */
import { ANCHOR_FORMAT, BlockDigests, blockSizeFor, regroup } from "./anchor.ts";
import type { AnchorStatement } from "./anchor.ts";
import { checkAnchoredHeads, walkLog } from "./anchor-walk.ts";
import type { AnchorDifference } from "./anchor-walk.ts";
import { EventLogError } from "./errors.ts";
import type { Clock, EventLog } from "./event-log.ts";

export interface TakeAnchorOptions {
  clock: Clock;
  /** A previous anchor of this log (already checked by the caller: signed by a key it trusts). */
  previous?: AnchorStatement;
}

export async function takeAnchor(log: EventLog, options: TakeAnchorOptions): Promise<AnchorStatement> {
  const identity = await log.identity();
  const seq = await log.lastSeq();
  const size = blockSizeFor(seq);
  const previous = options.previous && sameLog(options.previous, identity) && options.previous.seq <= seq ? options.previous : undefined;
  const refuse = (why: string, difference?: AnchorDifference): never => {
    throw new EventLogError("anchor_refused", `not anchoring the log at ${seq}: ${why}`, {
      nextStep: "Run `capsmith audit verify` (with --anchor FILE for your last anchor) and find out what changed before anchoring again.",
      ...(difference ? { details: { difference } } : {}),
    });
  };
  let build: BlockDigests;
  let walked: Awaited<ReturnType<typeof walkLog>>;
  if (previous) {
    // The previous anchor's heads must all still be there (a re-linked chain changes its head).
    const heads = await checkAnchoredHeads(log, previous);
    if (heads.difference) refuse(`it no longer matches the previous anchor (seq ${previous.seq}): ${heads.difference.detail}`, heads.difference);
    const complete = regroup(previous, size);
    const from = complete.length * size + 1;
    build = new BlockDigests(size, complete);
    walked = await walkLog(log, {
      from, until: seq, chainFrom: previous.seq + 1, seed: previous.heads, build,
      compare: previous, compareDigests: new BlockDigests(previous.blockSize, previous.blocks.slice(0, Math.floor((from - 1) / previous.blockSize))),
    });
    if (walked.difference) refuse(`it no longer matches the previous anchor (seq ${previous.seq}): ${walked.difference.detail}`, walked.difference);
  } else {
    build = new BlockDigests(size);
    walked = await walkLog(log, { from: 1, until: seq, chainFrom: 1, seed: {}, build });
  }
  if (walked.firstBreak) refuse(`the hash chain of ${walked.firstBreak.subject} breaks at seq ${walked.firstBreak.seq} (${walked.firstBreak.problem})`);
  if (build.records !== seq) refuse(`read ${build.records} positions of ${seq}`);
  return {
    format: ANCHOR_FORMAT,
    log: { id: identity.id, kind: identity.kind, location: identity.location, ...(identity.namespace ? { namespace: identity.namespace } : {}), ...(identity.firstHash ? { firstHash: identity.firstHash } : {}) },
    seq,
    lastHash: walked.lastHash ?? previous?.lastHash ?? null,
    events: (previous?.events ?? 0) + walked.events,
    heads: walked.heads,
    blockSize: size,
    blocks: build.all(),
    time: options.clock.now().toISOString(),
  };
}

/** Whether an anchor was taken of this log: same kind and first event (a moved data directory keeps its anchors). */
export function sameLog(anchor: Pick<AnchorStatement, "log">, identity: { kind: string; firstHash?: string }): boolean {
  return anchor.log.kind === identity.kind && anchor.log.firstHash === identity.firstHash;
}
