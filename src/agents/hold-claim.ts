/**
 * A governor's claim on a held gap (HoldClaimed), taken before it acts on an operator's approval.
 * An install is an effect on another subject (the plugin's), so the closing appended on the gap's
 * head after it cannot stop a decision made meanwhile: two governors, one installing an approval it
 * verified, the other closing the gap on a rejection that came after the approving key's revocation,
 * gave the gap two answers. The claim is appended on the gap's head as read before the decision was
 * judged, so whichever decision claims (or closes) the hold first decides it, and every other sees
 * that in the state and stands down.
 *
 * The claim belongs to the decision (the approval event), not to the process that took it: whoever
 * handles a delivery of that approval carries it out. A governor that claimed and died leaves the
 * approval unacknowledged; the log redelivers it to another governor, which installs under the same
 * transaction id (it derives from the approval) and closes the gap. A claim that expired instead
 * would give a governor that only stalled (past any timeout) a hold it no longer owns, and the race
 * back.
 */
import type { AnyStoredEvent } from "../events/index.ts";
import { own } from "../../projections/index.ts";
import type { Gap } from "../../projections/index.ts";
import { emitOnHead } from "./loop/context.ts";
import type { AgentContext } from "./loop/context.ts";

/** Whether `decision` may still decide the held `gap`: it is held as it was, and claimed by nothing else. */
export function mayDecide(now: Gap | undefined, gap: Gap, decision: AnyStoredEvent): boolean {
  return now?.status === gap.status && (now.claimedBy === null || now.claimedBy === decision.id);
}

/**
 * Claims the held `gap` for the operator's `approval`, on the gap subject's `head` as read before
 * the approval was judged. True when the hold is this approval's (claimed now, or by another
 * delivery of it); false when another decision closed or claimed it first.
 */
export async function claimHold(ctx: AgentContext, approval: AnyStoredEvent, gap: Gap, head: number): Promise<boolean> {
  const current = async (): Promise<Gap | undefined> => own((await ctx.state()).gaps.gaps, gap.gapId);
  const free = async (): Promise<boolean> => {
    const now = await current();
    return mayDecide(now, gap, approval) && now?.claimedBy === null;
  };
  const claim = { type: "HoldClaimed" as const, data: { gapId: gap.gapId, pluginId: (approval.data as { pluginId: string }).pluginId, decisionId: approval.id } };
  // Its own message id: the closing that follows takes the one derived from the approval.
  if (await emitOnHead(ctx, "governor", approval, gap.capability, [claim], head, free, { msgId: `governor:claim:${approval.id}` })) return true;
  return (await current())?.claimedBy === approval.id;
}
