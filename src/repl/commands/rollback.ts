import semver from "semver";
import { guardedRollback } from "../../hub/index.ts";
import type { SlashCommand } from "../core/types.ts";

export const rollback: SlashCommand = {
  name: "rollback",
  usage: "/rollback CAPABILITY [VERSION] [--force]",
  summary: "make an earlier version active again (a transaction; history is kept); --force even if it breaks a dependent's range (they go to T0)",
  args: ["capability"],
  async run(ctx, args) {
    const words = args.trim().split(/\s+/).filter(Boolean);
    const force = words.includes("--force");
    const [capability, version, extra] = words.filter((w) => w !== "--force");
    if (!capability) return { type: "error", code: "usage", message: "name the capability", nextStep: "e.g. /rollback total_cost 1.0.0" };
    if (extra !== undefined || (version && !semver.valid(version))) return { type: "error", code: "usage", message: `"${extra ?? version}" is not a version`, nextStep: "Use e.g. /rollback total_cost 1.0.0 [--force]; /show CAPABILITY lists the versions." };
    // The dependents check every surface shares: dependents_broken (naming them) unless --force.
    const outcome = await guardedRollback(ctx.services.hub, capability, { ...(version ? { version } : {}), force });
    const demoted = outcome.demoted?.length ? `; forced: ${outcome.demoted.join(", ")} now at T0` : "";
    if (outcome.ok) return { type: "message", tone: "success", text: outcome.unchanged ? `${outcome.pluginId} is already active` : `rolled back: ${outcome.pluginId} is active (tier ${outcome.tier ?? "?"})${demoted}` };
    const f = outcome.failure!;
    return { type: "error", code: f.code, message: `rollback of ${capability} failed at ${f.phase}: ${f.message}; active: ${f.restored ?? "none"}`, nextStep: "See /audit for the transaction." };
  },
};
