import { pendingApprovals, pluginTable } from "../../hub/index.ts";
import type { SlashCommand } from "../core/types.ts";

export const plugins: SlashCommand = {
  name: "plugins",
  usage: "/plugins",
  summary: "every plugin: status, tier, calls; and what waits for approval",
  async run(ctx) {
    const state = await ctx.services.hub.state();
    const waiting = await pendingApprovals(ctx.services.readModel);
    const table = pluginTable(state, { all: true, waiting });
    if (table.rows.length === 0) return { type: "message", text: "No plugins yet. Build one with /need CAPABILITY or /synthesize SPEC.json." };
    return { type: "table", title: "Plugins:", ...table, ...(waiting.length ? { footer: `Waiting for you: ${waiting.map((w) => `/approve ${w.pluginId}`).join(", ")}` } : {}) };
  },
};
