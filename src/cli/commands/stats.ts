import type { Command } from "commander";
import { loopStats } from "../../../projections/index.ts";
import { action } from "../command-kit.ts";
import { withReader } from "../capsmith-access.ts";
import { SUMMARIES } from "./summaries.ts";

const pct = (x: number | null): string => (x === null ? "n/a" : `${(x * 100).toFixed(0)}%`);

export function registerStats(program: Command): void {
  program
    .command("stats")
    .description(SUMMARIES.stats)
    .action(
      action(async (ctx) => {
        const state = await withReader(ctx, ({ readModel }) => readModel.state("gaps"));
        const s = loopStats(state);
        const text = [
          `gaps: ${s.gaps} (${s.gapsClosedOk} closed with a published plugin)`,
          `blocked steps recovered by synthesis: ${pct(s.recoveryRate)} (${s.recoveredSteps} of ${s.blockedSteps})`,
          `plugin reuse across runs: ${pct(s.reuseRate)}`,
          `median time to capability: ${s.medianTimeToCapabilityMs === null ? "n/a" : `${s.medianTimeToCapabilityMs} ms`}`,
        ].join("\n");
        return { json: { ok: true, ...s }, text };
      }),
    );
}
