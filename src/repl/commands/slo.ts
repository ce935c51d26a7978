/**
 * `/slo [PLUGIN|CAPABILITY] [1h|24h|7d|30d]`: the SLO view — availability, latency percentiles,
 * error budget and burn rate per plugin — from the same projection and targets as `capsmith slo`.
 * A capability name stands for every version of it, and the title says so.
 */
import { sloTargets, sloView, WINDOW_NAMES } from "../../../projections/index.ts";
import type { WindowName } from "../../../projections/index.ts";
import type { SlashCommand } from "../core/types.ts";

const pct = (x: number | null): string => (x === null ? "-" : `${(x * 100).toFixed(2)}%`);
const ms = (x: number | undefined): string => (x === undefined ? "-" : x.toFixed(1));

export const slo: SlashCommand = {
  name: "slo",
  usage: "/slo [PLUGIN|CAPABILITY] [1h|24h|7d|30d]",
  summary: "availability, latency (p50/p95/p99), error budget and burn rate per plugin (a capability: each version)",
  args: ["plugin"],
  async run(ctx, args) {
    const words = args.trim().split(/\s+/).filter(Boolean);
    const window = (words.find((w) => (WINDOW_NAMES as string[]).includes(w)) ?? "24h") as WindowName;
    const plugin = words.find((w) => !(WINDOW_NAMES as string[]).includes(w));
    const { readModel, policy, clock } = ctx.services;
    const state = await readModel.state("slo");
    const view = sloView(state, { now: clock.now(), window, targets: sloTargets(policy.slo), ...(plugin ? { plugin } : {}) });
    if (view.plugins.length === 0) {
      return { type: "message", text: plugin ? `no calls of ${plugin} (a plugin id or a capability) were ever recorded; /slo lists what was called` : `no plugin was called yet; try /invoke CAPABILITY JSON` };
    }
    const called = view.plugins.reduce((n, r) => n + r.current.calls, 0);
    const wider = called === 0 ? (WINDOW_NAMES as WindowName[]).find((w) => sloView(state, { now: clock.now(), window: w, ...(plugin ? { plugin } : {}) }).plugins.some((r) => r.current.calls > 0)) : undefined;
    const rows = view.plugins.map((r) => [
      r.id, String(r.current.calls), String(r.current.failures), pct(r.current.availability),
      ms(r.current.latencyMs?.p50), ms(r.current.latencyMs?.p95), ms(r.current.latencyMs?.p99),
      pct(r.current.errorBudget.remaining), r.current.errorBudget.burnRate === null ? "-" : `${r.current.errorBudget.burnRate.toFixed(2)}x`,
    ]);
    const footer: string[] = [];
    if (called === 0) footer.push(`No calls in the last ${window}${wider ? `; there are some in the last ${wider}: /slo ${plugin ? `${plugin} ` : ""}${wider}` : ""}.`);
    for (const b of view.blockedRollbacks) footer.push(`${b.capability} has no active version: no rollback after ${b.pluginId}'s quarantine: ${b.reason}. An operator decides (/rollback ${b.capability} VERSION [--force], or install a fixed version).`);
    const scope = view.selected?.kind === "capability" ? ` for capability ${view.selected.id} (every version: ${view.selected.plugins.join(", ")})` : "";
    return {
      type: "table",
      title: `Service levels${scope} over the last ${window} (latency in ms; target availability ${pct(sloTargets(policy.slo).availability)}):`,
      columns: ["plugin", "calls", "fails", "avail", "p50", "p95", "p99", "budget", "burn"],
      rows,
      layout: { right: [1, 2, 3, 4, 5, 6, 7, 8] },
      ...(footer.length > 0 ? { footer: footer.join("\n") } : {}),
    };
  },
};
