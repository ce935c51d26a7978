/**
 * A plugin that policy holds for an operator's approval, seen by a one-shot command (`synthesize
 * --publish`, `run`): it cannot approve on the spot as the REPL does, so the hold is its answer,
 * with who decides and how.
 */
import { own } from "../../projections/index.ts";
import type { ReadModel } from "../../projections/index.ts";
import { subjectFor } from "../events/index.ts";
import { approvalCandidate, verifyApproval } from "../hub/index.ts";
import { heldForApproval } from "./request-capability.ts";
import type { CapabilityAnswer } from "./request-capability.ts";

/**
 * A plugin of this capability that policy already holds for an operator who has not approved it yet:
 * a new request would join that gap (the gap detector answers it with the gap's outcome), so the
 * hold is the answer now. Once a trusted operator approved it, this process's governor publishes it
 * (it catches up on the approval), and the request waits for that as for any gap.
 */
export async function alreadyHeld(readModel: ReadModel, capability: string): Promise<CapabilityAnswer | undefined> {
  const { gaps, hub, keys } = (await readModel.current(["gaps", "hub", "keys"])).states;
  const gapId = own(gaps.openByCapability, capability);
  const gap = gapId ? own(gaps.gaps, gapId) : undefined;
  if (gap?.status !== "awaiting_approval" || !gap.pluginId) return undefined;
  // A governor claimed the hold for an approval and is publishing it (hold-claim.ts): decided.
  if (gap.claimedBy !== null) return undefined;
  const candidate = await approvalCandidate(readModel, gap.gapId);
  // An install the approval started holds it on the plugin's record: approved, and being published.
  const given = [...(own(hub.pendingApprovals, gap.pluginId) ?? []), ...(own(hub.plugins, gap.pluginId)?.approvals ?? [])];
  if (given.some((a) => verifyApproval({ pluginId: candidate.pluginId, checksum: candidate.checksum, ...a }, keys).ok)) return undefined;
  if (await rejectedSinceHeld(readModel, capability, gap.gapId, gap.pluginId)) return undefined;
  return heldForApproval({ gapId: gap.gapId, pluginId: gap.pluginId, reasons: candidate.reasons });
}

/** An operator rejected the held plugin after it was held: the governor closes the gap on catching up. */
async function rejectedSinceHeld(readModel: ReadModel, capability: string, gapId: string, pluginId: string): Promise<boolean> {
  let held = false;
  let rejected = false;
  for await (const e of readModel.log.read(subjectFor("gap", capability))) {
    if (e.type === "ApprovalRequested" && (e.data as { gapId: string }).gapId === gapId) [held, rejected] = [true, false];
    else if (held && e.type === "PluginRejected" && (e.data as { pluginId: string }).pluginId === pluginId) rejected = true;
  }
  return rejected;
}

/**
 * What to do about a held plugin. The governor publishes on the approval; with no agents running
 * elsewhere (serve, daemons), the command run again is the governor that does.
 */
export function approvalNextStep(pluginId: string, again: string): string {
  return `An operator approves it with capsmith plugin approve ${pluginId} --key OPERATOR_KEY, then ${again} to publish it (a running capsmith serve or governor daemon publishes it at once), or rejects it with capsmith plugin reject ${pluginId} --reason TEXT.`;
}
