import semver from "semver";
import { firstWord } from "../core/registry.ts";
import type { SlashCommand } from "../core/types.ts";

export const rollback: SlashCommand = {
  name: "rollback",
  usage: "/rollback CAPABILITY [VERSION]",
  summary: "make an earlier version active again (a transaction; history is kept)",
  args: ["capability"],
  async run(ctx, args) {
    const [capability, version] = firstWord(args);
    if (!capability) return { type: "error", code: "usage", message: "name the capability", nextStep: "e.g. /rollback total_cost 1.0.0" };
    if (version && !semver.valid(version)) return { type: "error", code: "usage", message: `"${version}" is not a version`, nextStep: "Use e.g. 1.0.0; /show CAPABILITY lists the versions." };
    const outcome = await ctx.services.hub.switchTo(capability, { kind: "rollback", ...(version ? { version } : {}) });
    if (outcome.ok) return { type: "message", tone: "success", text: outcome.unchanged ? `${outcome.pluginId} is already active` : `rolled back: ${outcome.pluginId} is active (tier ${outcome.tier ?? "?"})` };
    const f = outcome.failure!;
    return { type: "error", code: f.code, message: `rollback of ${capability} failed at ${f.phase}: ${f.message}; active: ${f.restored ?? "none"}`, nextStep: "See /audit for the transaction." };
  },
};
