import type { Command } from "commander";
import { loopStats, PROJECTION_NAMES, readModelProjections, unfinished } from "../../../projections/index.ts";
import type { ProjectionName, ProjectionView, ReadStates } from "../../../projections/index.ts";
import { action } from "../command-kit.ts";
import { UsageError } from "../errors.ts";
import { withReader } from "../capsmith-access.ts";
import { parsePoint } from "../parse-point.ts";
import { replaySession } from "../../repl/replay-session.ts";
import { SUMMARIES } from "./summaries.ts";

export function registerReplay(program: Command): void {
  program
    .command("replay")
    .description(SUMMARIES.replay)
    .option("--until <seq|time>", "state as of this record sequence or ISO time")
    .option("--projection <name>", `one projection's whole state (${PROJECTION_NAMES.join(", ")})`)
    .option("--from-scratch", "ignore snapshots: fold the whole log again and compare with the snapshot-based state")
    .option("--session <id>", "show a REPL session again: what was asked and answered (`list` lists sessions)")
    .action(
      action(async (ctx, opts: { until?: string; projection?: string; fromScratch?: boolean; session?: string }) => {
        if (opts.session !== undefined) return withReader(ctx, ({ log }) => replaySession(log, opts.session!));
        const point = parsePoint(opts.until);
        if (opts.projection !== undefined && !(PROJECTION_NAMES as string[]).includes(opts.projection)) {
          throw new UsageError("usage", `no projection named "${opts.projection}"`, { nextStep: `Use one of: ${PROJECTION_NAMES.join(", ")}.` });
        }
        if (opts.fromScratch && opts.until !== undefined) {
          throw new UsageError("usage", "--from-scratch compares the state now; --until already replays from the start", { nextStep: "Use one of them." });
        }
        const names = opts.projection ? [opts.projection as ProjectionName] : PROJECTION_NAMES;
        return withReader(ctx, async ({ readModel }) => {
          const view: ProjectionView<ReadStates> = opts.until === undefined ? await readModel.current() : await readModel.asOf(point);
          const projections = readModelProjections();
          const out = Object.fromEntries(names.map((name) => {
            const p = projections[name] as { snapshot?(s: unknown): unknown };
            const state = view.states[name];
            return [name, { stateHash: view.hash(name), state: p.snapshot ? p.snapshot(state) : state }];
          }));
          const compared = opts.fromScratch ? await compare(readModel, view) : undefined;
          const json = { ok: compared ? compared.every((c) => c.equal) : true, seq: view.seq, projections: out, ...(compared ? { fromScratch: compared } : {}) };
          const text = opts.projection
            ? `${opts.projection} as of seq ${view.seq} (state ${view.hash(opts.projection as ProjectionName).slice(0, 16)})\n${JSON.stringify(out[opts.projection]!.state, null, 2)}`
            : summary(view, names, compared);
          return { json, text };
        });
      }),
    );
}

/** Folds the whole log again, up to the same position, and compares each state's hash. */
async function compare(readModel: { asOf(p: { untilSeq: number }): Promise<ProjectionView<ReadStates>> }, view: ProjectionView<ReadStates>): Promise<{ projection: string; equal: boolean; snapshotBased: string; fromScratch: string }[]> {
  const scratch = await readModel.asOf({ untilSeq: view.seq });
  return PROJECTION_NAMES.map((name) => ({ projection: name, equal: scratch.hash(name) === view.hash(name), snapshotBased: view.hash(name), fromScratch: scratch.hash(name) }));
}

/** What a person wants from a replay: where the log is, the hub, the loop, each state's hash. */
function summary(view: ProjectionView<ReadStates>, names: readonly ProjectionName[], compared?: { projection: string; equal: boolean }[]): string {
  const { hub, logStats, gaps, installs, runs } = view.states;
  const loop = loopStats(gaps);
  const caps = Object.entries(hub.capabilities);
  const width = Math.min(32, Math.max(10, ...caps.map(([name]) => name.length)));
  const runList = Object.values(runs.runs);
  const lines = [
    `as of seq ${view.seq}: ${logStats.events} events in ${logStats.records} records`,
    `hub: ${caps.length} capabilities, ${Object.values(hub.plugins).filter((p) => p.status !== "uninstalled").length} plugins installed; ${unfinished(installs).length} installs unfinished`,
    ...caps.map(([name, c]) => `  ${name.padEnd(width)}  ${(c.active ?? "(none active)").padEnd(24)}  versions ${c.versions.map((v) => v.split("@")[1]).join(", ")}`),
    `loop: ${loop.gaps} gaps, ${loop.gapsClosedOk} closed with a plugin; runs: ${runList.length} (${runList.filter((r) => r.status === "ok").length} ok, ${runList.filter((r) => r.status === "failed").length} failed)`,
    "state hashes:",
    ...names.map((name) => {
      const c = compared?.find((x) => x.projection === name);
      return `  ${name.padEnd(10)} ${view.hash(name).slice(0, 16)}${c ? (c.equal ? "  = from scratch" : "  DIFFERS from scratch") : ""}`;
    }),
    "(--json prints every state whole; --projection NAME one of them)",
  ];
  return lines.join("\n");
}
