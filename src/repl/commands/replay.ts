import { createProjector, gaps, hub, installs, logStats, loopStats, unfinished } from "../../../projections/index.ts";
import type { GapsState, HubState, InstallsState, LogStats } from "../../../projections/index.ts";
import { parsePoint } from "../core/parse-point.ts";
import type { SlashCommand } from "../core/types.ts";

export const replay: SlashCommand = {
  name: "replay",
  usage: "/replay [SEQ|TIME]",
  summary: "rebuild the projections from the log, now or as of a point, and show the hub then",
  async run(ctx, args) {
    const projector = createProjector({ log: ctx.services.log, projections: [logStats, hub, installs, gaps] });
    const point = args.trim() ? parsePoint(args, "/replay") : undefined;
    const view = point ? await projector.asOf(point) : await projector.catchUp();
    const h = view.states["hub"] as HubState;
    const stats = view.states["log-stats"] as LogStats | undefined;
    const loop = loopStats(view.states["gaps"] as GapsState);
    const rows = Object.entries(h.capabilities).map(([cap, c]) => [cap, c.active ?? "(none)", c.versions.join(", ")]);
    const open = unfinished(view.states["installs"] as InstallsState).length;
    const lines = [
      `as of seq ${view.seq}${stats ? ` (${stats.events} events in ${stats.records} records)` : ""}`,
      `gaps ${loop.gaps}, closed ok ${loop.gapsClosedOk}; unfinished installs ${open}`,
      ...Object.entries(view.hashes).map(([name, hash]) => `  ${name.padEnd(10)} state ${hash.slice(0, 16)}`),
    ];
    return { type: "table", title: lines.join("\n"), columns: ["capability", "active", "versions"], rows, ...(rows.length ? {} : { footer: "(no capabilities then)" }) };
  },
};
