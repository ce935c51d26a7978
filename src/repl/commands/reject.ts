import { approvalCandidate } from "../../hub/index.ts";
import { reject as rejectCandidate } from "../core/approval.ts";
import { firstWord } from "../core/registry.ts";
import type { SlashCommand } from "../core/types.ts";

export const reject: SlashCommand = {
  name: "reject",
  usage: "/reject ID [REASON]",
  summary: "reject a plugin that waits for approval (the reason goes in the audit trail)",
  args: ["plugin"],
  async run(ctx, args) {
    const [id, given] = firstWord(args);
    if (!id) return { type: "error", code: "usage", message: "name the plugin (or its gap) to reject", nextStep: "/plugins lists what waits for approval." };
    const candidate = await approvalCandidate(ctx.services.readModel, id);
    let reason = given;
    if (!reason && ctx.ui.interactive) reason = (await ctx.ui.ask({ text: `Why reject ${candidate.pluginId}? (one line)` })) ?? "";
    return rejectCandidate(ctx, candidate, [reason.trim() || "rejected at the REPL"]);
  },
};
