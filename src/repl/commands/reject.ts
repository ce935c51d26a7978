import { rejectionTarget } from "../../hub/index.ts";
import { reject as rejectCandidate } from "../core/approval.ts";
import { firstWord } from "../core/registry.ts";
import type { SlashCommand } from "../core/types.ts";

export const reject: SlashCommand = {
  name: "reject",
  usage: "/reject ID [REASON]",
  summary: "reject a plugin that waits for approval, or withdraw an approval given before its install (the reason goes in the audit trail)",
  args: ["plugin"],
  async run(ctx, args) {
    const [id, given] = firstWord(args);
    if (!id) return { type: "error", code: "usage", message: "name the plugin (or its gap) to reject", nextStep: "/plugins lists what waits for approval." };
    // What `capsmith plugin reject` means too: a held or installed plugin, or a package approved ahead of its install.
    const target = await rejectionTarget(ctx.services.readModel, id);
    let reason = given;
    if (!reason && ctx.ui.interactive) reason = (await ctx.ui.ask({ text: `Why reject ${target.pluginId}? (one line)` })) ?? "";
    return rejectCandidate(ctx, target, [reason.trim() || "rejected at the REPL"]);
  },
};
