import { pendingApprovals } from "../core/approval.ts";
import type { SlashCommand } from "../core/types.ts";

export const plugins: SlashCommand = {
  name: "plugins",
  usage: "/plugins",
  summary: "every plugin: status, tier, calls; and what waits for approval",
  async run(ctx) {
    const state = await ctx.services.hub.state();
    const all = Object.values(state.plugins).sort((a, b) => a.capability.localeCompare(b.capability) || a.installedSeq - b.installedSeq);
    const waiting = await pendingApprovals(ctx.services.log);
    if (all.length === 0 && waiting.length === 0) return { type: "message", text: "No plugins yet. Build one with /need CAPABILITY or /synthesize SPEC.json." };
    const rows = all.map((p) => [
      `${state.capabilities[p.capability]?.active === p.id ? "●" : " "} ${p.id}`, p.status, p.tier, p.profile, String(p.usage.calls), String(p.usage.failures), String((p.manifest["provenance"] as { origin?: string } | undefined)?.origin ?? ""),
    ]);
    for (const w of waiting) rows.push([`? ${w.pluginId}`, "awaiting approval", "-", "-", "0", "0", `gap ${w.gapId.slice(0, 8)}`]);
    return { type: "table", title: "Plugins (● active):", columns: ["plugin", "status", "tier", "profile", "calls", "failures", "origin"], rows, ...(waiting.length ? { footer: `Waiting for you: ${waiting.map((w) => `/approve ${w.pluginId}`).join(", ")}` } : {}) };
  },
};
