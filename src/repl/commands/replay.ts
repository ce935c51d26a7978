import { loopStats, unfinished } from "../../../projections/index.ts";
import { parsePoint } from "../core/parse-point.ts";
import type { SlashCommand } from "../core/types.ts";

export const replay: SlashCommand = {
  name: "replay",
  usage: "/replay [SEQ|TIME]",
  summary: "rebuild the projections from the log, now or as of a point, and show the hub then",
  async run(ctx, args) {
    const { readModel } = ctx.services;
    const point = args.trim() ? parsePoint(args, "/replay") : undefined;
    const names = ["logStats", "hub", "installs", "gaps"] as const;
    const view = point ? await readModel.asOf(point) : await readModel.current(names);
    const { hub: h, logStats: stats, gaps, installs } = view.states;
    const loop = loopStats(gaps);
    const rows = Object.entries(h.capabilities).map(([cap, c]) => [cap, c.active ?? "(none)", c.versions.join(", ")]);
    const open = unfinished(installs).length;
    const lines = [
      `as of seq ${view.seq} (${stats.events} events in ${stats.records} records)`,
      `gaps ${loop.gaps}, closed ok ${loop.gapsClosedOk}; unfinished installs ${open}`,
      ...names.map((name) => `  ${name.padEnd(10)} state ${view.hash(name).slice(0, 16)}`),
    ];
    return { type: "table", title: lines.join("\n"), columns: ["capability", "active", "versions"], rows, ...(rows.length ? {} : { footer: "(no capabilities then)" }) };
  },
};
