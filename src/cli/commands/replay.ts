import { join } from "node:path";
import type { Command } from "commander";
import { allProjections, createProjector, fileCheckpointStore } from "../../../projections/index.ts";
import { action } from "../command-kit.ts";
import { UsageError } from "../errors.ts";
import { withLog } from "../log-access.ts";
import { parsePoint } from "../parse-point.ts";
import { replaySession } from "../../repl/replay-session.ts";

export function registerReplay(program: Command): void {
  program
    .command("replay")
    .description("rebuild projections from the log and print their state, now or as of a point")
    .option("--until <seq|time>", "state as of this record sequence or ISO time")
    .option("--projection <name>", `one projection (${allProjections.map((p) => p.name).join(", ")})`)
    .option("--session <id>", "show a REPL session again: what was asked and answered (`list` lists sessions)")
    .action(
      action(async (ctx, opts: { until?: string; projection?: string; session?: string }) => {
        if (opts.session !== undefined) return withLog(ctx, { readOnly: true }, (log) => replaySession(log, opts.session!));
        const point = parsePoint(opts.until);
        const projections = opts.projection ? allProjections.filter((p) => p.name === opts.projection) : allProjections;
        if (projections.length === 0) {
          throw new UsageError("usage", `no projection named "${opts.projection}"`, {
            nextStep: `Use one of: ${allProjections.map((p) => p.name).join(", ")}.`,
          });
        }
        const view = await withLog(ctx, { readOnly: true }, (log) => {
          const store = fileCheckpointStore(join(ctx.options.data, "checkpoints", log.kind));
          const projector = createProjector({ log, projections, store, logger: ctx.logger });
          return opts.until === undefined ? projector.catchUp() : projector.asOf(point);
        });
        // A projection that keeps non-JSON state (histograms, maps) prints its snapshot: the JSON form
        // its state hash is taken over.
        const byName = new Map(projections.map((p) => [p.name, p]));
        const projectionsOut = Object.fromEntries(
          Object.entries(view.states).map(([name, state]) => {
            const snapshot = byName.get(name)?.snapshot;
            return [name, { stateHash: view.hashes[name], state: snapshot ? snapshot(state) : state }];
          }),
        );
        const text = Object.entries(projectionsOut)
          .map(([name, p]) => `${name} as of seq ${view.seq} (state ${p.stateHash!.slice(0, 16)})\n${JSON.stringify(p.state, null, 2)}`)
          .join("\n\n");
        return { json: { ok: true, seq: view.seq, projections: projectionsOut }, text };
      }),
    );
}
