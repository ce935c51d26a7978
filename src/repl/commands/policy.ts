import type { SlashCommand } from "../core/types.ts";

export const policy: SlashCommand = {
  name: "policy",
  usage: "/policy",
  summary: "the governance policy in force: mode, tiers, what needs approval",
  async run(ctx) {
    const p = ctx.services.policy;
    const lines = [
      `policy from ${ctx.services.policySource}`,
      `  mode:              ${p.mode}${p.mode === "auto" ? " (publish what policy allows)" : " (nothing is published)"}`,
      `  min tier to run:   ${Object.entries(p.minTier).map(([k, v]) => `${k} ${v}`).join(", ")}`,
      `  allowed profiles:  ${p.allowedProfiles.join(", ")}`,
      `  approval needed:   permissions ${p.approvalRequired.permissions.join(", ") || "none"}; profiles ${p.approvalRequired.profiles.join(", ") || "none"}`,
      `  trusted publishers only: ${p.trustedPublishersOnly ? "yes" : "no"}`,
      `Edit ${ctx.services.dataDir}/policy.json and restart to change it.`,
    ];
    return { type: "message", text: lines.join("\n") };
  },
};
