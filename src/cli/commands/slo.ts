import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { reportMarkdown, sloReport, sloTargets, sloView, WINDOW_NAMES } from "../../../projections/index.ts";
import type { Figures, SloRow, SloState, SloView, WindowName } from "../../../projections/index.ts";
import { systemClock } from "../../platform/index.ts";
import { action } from "../command-kit.ts";
import type { CommandContext } from "../command-kit.ts";
import { UsageError } from "../errors.ts";
import { withReader } from "../capsmith-access.ts";
import { SUMMARIES } from "./summaries.ts";

interface ViewOpts {
  plugin?: string;
  window: string;
  at?: string;
  policy?: string;
}

export function registerSlo(program: Command): void {
  const cmd = program
    .command("slo")
    .description(SUMMARIES.slo)
    .option("--plugin <id>", "only this plugin (and its capability); a capability name means every version of it")
    .option("--window <w>", WINDOW_NAMES.join("|"), "24h")
    .option("--at <iso-time>", "reference time (default: now)")
    .option("--policy <file>", "policy file with the slo targets")
    .action(
      action(async (ctx, opts: ViewOpts) => {
        const window = parseWindow(opts.window);
        const { state, targets, now } = await load(ctx, opts);
        const view = sloView(state, { now, window, targets, ...(opts.plugin ? { plugin: opts.plugin } : {}) });
        if (view.selected && view.selected.plugins.length === 0) {
          throw new UsageError("usage", `no usage recorded for ${opts.plugin} (neither a plugin id nor a capability that was called)`, { nextStep: "Run capsmith slo without --plugin to list plugins with usage." });
        }
        return { json: { ok: true, ...view }, text: renderView(view) };
      }),
    );
  cmd
    .command("report")
    .description("the weekly report: fleet summary, top failing, top costly, trends vs the previous week")
    .option("--format <format>", "md|json", "md")
    .option("-o, --out <file>", "write the report here (default: stdout)")
    .option("--at <iso-time>", "reference time (default: now)")
    .option("--policy <file>", "policy file with the slo targets")
    .action(
      action(async (ctx, own: { format: string; out?: string }, command: Command) => {
        // --at and --policy also belong to `slo`, which takes them wherever they appear.
        const opts = command.optsWithGlobals<{ format: string; out?: string; at?: string; policy?: string }>();
        if (opts.format !== "md" && opts.format !== "json") throw new UsageError("usage", `--format takes md or json, not "${opts.format}"`, { nextStep: "Use --format md or --format json." });
        const { state, targets, now } = await load(ctx, opts);
        const report = sloReport(state, { now, targets });
        const body = opts.format === "md" ? reportMarkdown(report) : JSON.stringify(report, null, 2) + "\n";
        if (own.out) await writeFile(own.out, body);
        return { json: { ok: true, format: opts.format, ...(opts.out ? { file: opts.out } : {}), report }, text: opts.out ? `wrote ${opts.out}` : body };
      }),
    );
}

async function load(ctx: CommandContext, opts: { at?: string; policy?: string }): Promise<{ state: SloState; targets: ReturnType<typeof sloTargets>; now: Date }> {
  const now = opts.at === undefined ? systemClock.now() : new Date(opts.at);
  if (Number.isNaN(now.getTime())) throw new UsageError("usage", `--at takes an ISO time, not "${opts.at}"`, { nextStep: "Use e.g. --at 2026-11-22T10:00:00Z." });
  return withReader(ctx, async ({ readModel, policy }) => ({ state: await readModel.state("slo"), targets: sloTargets(policy.slo), now }), { policyFile: opts.policy });
}

function parseWindow(value: string): WindowName {
  if ((WINDOW_NAMES as string[]).includes(value)) return value as WindowName;
  throw new UsageError("usage", `--window takes ${WINDOW_NAMES.join(", ")}, not "${value}"`, { nextStep: "Use e.g. --window 7d." });
}

const BARS = "▁▂▃▄▅▆▇█";
/** Unicode sparkline, scaled to the series' maximum. */
export function sparkline(values: readonly number[]): string {
  const max = Math.max(...values, 0);
  return values.map((v) => (max === 0 ? BARS[0] : BARS[Math.min(BARS.length - 1, Math.round((v / max) * (BARS.length - 1)))])).join("");
}

const pct = (x: number | null): string => (x === null ? "–" : `${(x * 100).toFixed(2)}%`);
const ms = (x: number | null | undefined): string => (x === null || x === undefined ? "–" : x >= 100 ? String(Math.round(x)) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const signed = (x: number | null): string => (x === null ? "" : x === 0 ? "=" : `${x > 0 ? "+" : ""}${(x * 100).toFixed(2)}`);

function cells(r: { id: string; current: Figures; trend: SloRow["trend"]; spark?: SloRow["spark"] }): string[] {
  const c = r.current;
  return [
    r.id, String(c.calls), pct(c.availability), signed(r.trend.availability), ms(c.latencyMs?.p50), ms(c.latencyMs?.p95), ms(c.latencyMs?.p99),
    pct(c.errorBudget.remaining), c.errorBudget.burnRate === null ? "–" : `${c.errorBudget.burnRate.toFixed(2)}x`, ms(c.cost.cpuMsPerSuccess),
    c.cost.costUsdPerSuccess === null ? "–" : `$${c.cost.costUsdPerSuccess}`,
    r.spark ? sparkline(r.spark.calls) : "", r.spark ? sparkline(r.spark.failures) : "",
  ];
}

const HEAD = ["", "calls", "avail", "Δ pp", "p50 ms", "p95 ms", "p99 ms", "budget left", "burn", "cpu ms/ok", "$/ok", "calls", "errors"];

function renderView(view: SloView): string {
  const lines = [`SLO ${view.window} to ${view.now} (target ${pct(view.targets.availability)}${view.targets.latencyMs ? `, p95 ≤ ${view.targets.latencyMs} ms` : ""}); Δ vs the previous ${view.window}`];
  if (view.selected?.kind === "capability") lines.push(selectedCapability(view.selected));
  lines.push("");
  const used = (rows: SloRow[]): SloRow[] => rows.filter((r) => r.current.calls > 0 || r.previous.calls > 0);
  lines.push(grid([["plugin", ...HEAD.slice(1)], ...used(view.plugins).map(cells)]), "");
  lines.push(grid([["capability", ...HEAD.slice(1)], ...used(view.capabilities).map(cells), ["fleet", ...cells({ id: "fleet", ...view.fleet }).slice(1)]]));
  if (used(view.plugins).length === 0) lines.push("", `no usage in the last ${view.window}`);
  lines.push("", view.alerts.length === 0 ? "no open alerts" : `open alerts (${view.alerts.length}):`);
  for (const a of view.alerts) lines.push(`  [${a.severity}] ${a.alertId} since ${a.raisedAt}: ${a.message}`);
  if (view.blockedRollbacks.length > 0) lines.push("", ...blockedLines(view.blockedRollbacks));
  return lines.join("\n");
}

/** Capabilities left with no active version after a quarantine the governor could not roll back, and what to do. */
export function blockedLines(blocked: SloView["blockedRollbacks"]): string[] {
  return [
    `no active version (rollback blocked) (${blocked.length}):`,
    ...blocked.map((b) => `  ${b.capability} since ${b.at}: no rollback after ${b.pluginId}'s quarantine: ${b.reason}`),
    "  An operator decides: capsmith plugin rollback CAPABILITY --to VERSION [--force], or install a fixed version.",
  ];
}

/** Says that a capability name stood for its plugins, and which. */
export function selectedCapability(selected: NonNullable<SloView["selected"]>): string {
  return `${selected.id} is a capability: every version of it with usage (${selected.plugins.join(", ")})`;
}

function grid(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? "")].length)));
  return rows.map((r) => r.map((v, c) => (c === 0 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join("  ").trimEnd()).join("\n");
}
