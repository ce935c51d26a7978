import type { Command } from "commander";
import { describeTransaction } from "../../../projections/index.ts";
import { caseViews, draftsText, failingCaseLines, findDrafts, pluginTable } from "../../hub/index.ts";
import { plural, tableLines } from "../../terminal/index.ts";
import { action } from "../command-kit.ts";
import type { CommandContext } from "../command-kit.ts";
import { UsageError } from "../errors.ts";
import { withReader } from "../capsmith-access.ts";
import { PLUGIN_SUMMARIES } from "./summaries.ts";

/** The terminal's width when stdout is one (tables fit it); piped, tables are as wide as their cells. */
function terminalWidth(ctx: CommandContext): number | undefined {
  const out = ctx.stdout as Partial<NodeJS.WriteStream>;
  return out.isTTY && out.columns ? out.columns - 1 : undefined;
}

export function registerPluginList(plugin: Command): void {
  plugin
    .command("list")
    .description(PLUGIN_SUMMARIES.list)
    .option("--all", "include uninstalled and failed versions")
    .action(
      action(async (ctx, opts: { all?: boolean }) => {
        const { hub: state, installs: tx } = await withReader(ctx, async ({ readModel }) => (await readModel.current(["hub", "installs"])).states);
        const plugins = Object.values(state.plugins)
          .filter((p) => opts.all || (p.status !== "uninstalled" && p.status !== "failed"))
          .map(({ code: _code, spec: _spec, manifest: _manifest, testReport: _report, ...rest }) => rest);
        const inFlight = Object.values(tx.transactions).filter((t) => t.outcome === "in_progress").map(describeTransaction);
        const table = pluginTable(state, { all: Boolean(opts.all) });
        const width = terminalWidth(ctx);
        const text = [
          ...(plugins.length ? tableLines(table.columns, table.rows, { ...table.layout, ...(width ? { width } : {}) }) : ["no plugins installed; capsmith synthesize --spec SPEC.json --publish builds one (capsmith help spec-format)"]),
          ...inFlight.map((d) => `in progress: ${d}`),
        ].join("\n");
        return { json: { ok: true, capabilities: state.capabilities, plugins, inProgress: inFlight }, text };
      }),
    );

  plugin
    .command("show")
    .description(PLUGIN_SUMMARIES.show)
    .argument("<id>", "plugin id (capability@version), capability (its active plugin, else its unpublished drafts), draft id or gap id")
    .action(
      action(async (ctx, id: string) => {
        return withReader(ctx, async ({ readModel }) => {
          const { hub: state, installs: tx } = (await readModel.current(["hub", "installs"])).states;
          const pluginId = Object.hasOwn(state.plugins, id) ? id : Object.hasOwn(state.capabilities, id) ? state.capabilities[id]!.active : null;
          const plugin = pluginId ? state.plugins[pluginId] : undefined;
          const drafts = plugin && pluginId === id ? [] : await findDrafts(readModel, id);
          if (!plugin) {
            if (drafts.length === 0) {
              throw new UsageError("invalid_input", `no plugin, capability or draft "${id}" in the hub`, { nextStep: "Run capsmith plugin list for the ids (capsmith events --filter 'capsmith.evt.gap.>' for drafts)." });
            }
            return { json: { ok: true, plugin: null, drafts }, text: draftsText(id, drafts, "capsmith plugin show") };
          }
          const history = Object.values(tx.transactions).filter((t) => t.pluginId === plugin.id).map((t) => ({ ...t, summary: describeTransaction(t) }));
          const report = plugin.testReport as { passed?: number; failed?: number; cases?: Record<string, unknown>[] } | null;
          const cases = report?.cases ? caseViews(report.cases, plugin.spec) : [];
          const text = [
            `${plugin.id}  ${plugin.status}  tier ${plugin.tier}  profile ${plugin.profile}`,
            `usage: ${plural(plugin.usage.calls, "call")}, ${plural(plugin.usage.failures, "failure")}`,
            `tests: ${report ? `${report.passed ?? 0} passed, ${report.failed ?? 0} failed` : "no report"}`,
            ...failingCaseLines(cases),
            `manifest: ${JSON.stringify(plugin.manifest, null, 2)}`,
            ...history.map((h) => `history: ${h.summary}`),
            ...(drafts.length ? [`${plural(drafts.length, "unpublished draft")} of ${plugin.capability}: capsmith plugin show ${drafts[0]!.draftId}`] : []),
            "code:",
            plugin.code,
          ].join("\n");
          return { json: { ok: true, plugin, history, ...(drafts.length ? { drafts } : {}) }, text };
        });
      }),
    );
}
