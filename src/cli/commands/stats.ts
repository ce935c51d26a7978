import type { Command } from "commander";
import { createProjector, gaps, loopStats } from "../../../projections/index.ts";
import type { GapsState } from "../../../projections/index.ts";
import { action } from "../command-kit.ts";
import { withLog } from "../log-access.ts";

const pct = (x: number | null): string => (x === null ? "n/a" : `${(x * 100).toFixed(0)}%`);

export function registerStats(program: Command): void {
  program
    .command("stats")
    .description("how the loop is doing: steps recovered by synthesis, plugin reuse, time to capability")
    .action(
      action(async (ctx) => {
        const state = await withLog(ctx, { readOnly: true }, async (log) => (await createProjector({ log, projections: [gaps] }).catchUp()).states["gaps"] as GapsState);
        const s = loopStats(state);
        const text = [
          `gaps: ${s.gaps} (${s.gapsClosedOk} closed with a published plugin)`,
          `failed steps recovered by synthesis: ${pct(s.recoveryRate)} (${s.recoveredSteps} of ${s.blockedSteps})`,
          `plugin reuse across runs: ${pct(s.reuseRate)}`,
          `median time to capability: ${s.medianTimeToCapabilityMs === null ? "n/a" : `${s.medianTimeToCapabilityMs} ms`}`,
        ].join("\n");
        return { json: { ok: true, ...s }, text };
      }),
    );
}
