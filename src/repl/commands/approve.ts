import { approvalCandidate } from "../../hub/index.ts";
import { approve as approveCandidate, summary } from "../core/approval.ts";
import { firstWord } from "../core/registry.ts";
import type { SlashCommand } from "../core/types.ts";

export const approve: SlashCommand = {
  name: "approve",
  usage: "/approve ID [NOTE]",
  summary: "approve a plugin policy holds for a person (signed with your operator key)",
  args: ["plugin"],
  async run(ctx, args) {
    const [id, note] = firstWord(args);
    if (!id) return { type: "error", code: "usage", message: "name the plugin (or its gap) to approve", nextStep: "/plugins lists what waits for approval." };
    const candidate = await approvalCandidate(ctx.services.readModel, id);
    ctx.ui.show({ type: "message", text: summary(candidate) });
    return approveCandidate(ctx, candidate, note || undefined);
  },
};
