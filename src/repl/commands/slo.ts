/**
 * `/slo [PLUGIN] [1h|24h|7d|30d]`: the SLO view — availability, latency percentiles, error budget
 * and burn rate per plugin — from the same projection and targets as `capsmith slo`.
 */
import { createProjector, slo as sloProjection, sloTargets, sloView, WINDOW_NAMES } from "../../../projections/index.ts";
import type { SloState, WindowName } from "../../../projections/index.ts";
import type { SlashCommand } from "../core/types.ts";

const pct = (x: number | null): string => (x === null ? "-" : `${(x * 100).toFixed(2)}%`);
const ms = (x: number | undefined): string => (x === undefined ? "-" : x.toFixed(1));

export const slo: SlashCommand = {
  name: "slo",
  usage: "/slo [PLUGIN] [1h|24h|7d|30d]",
  summary: "availability, latency (p50/p95/p99), error budget and burn rate per plugin",
  args: ["plugin"],
  async run(ctx, args) {
    const words = args.trim().split(/\s+/).filter(Boolean);
    const window = (words.find((w) => (WINDOW_NAMES as string[]).includes(w)) ?? "24h") as WindowName;
    const plugin = words.find((w) => !(WINDOW_NAMES as string[]).includes(w));
    const { log, policy, clock } = ctx.services;
    const state = (await createProjector({ log, projections: [sloProjection] }).catchUp()).states["slo"] as SloState;
    const view = sloView(state, { now: clock.now(), window, targets: sloTargets(policy.slo), ...(plugin ? { plugin } : {}) });
    if (view.plugins.length === 0) {
      return { type: "message", text: plugin ? `no calls of ${plugin} in the last ${window}` : `no plugin was called in the last ${window}; try /invoke CAPABILITY JSON` };
    }
    const rows = view.plugins.map((r) => [
      r.id, String(r.current.calls), String(r.current.failures), pct(r.current.availability),
      ms(r.current.latencyMs?.p50), ms(r.current.latencyMs?.p95), ms(r.current.latencyMs?.p99),
      pct(r.current.errorBudget.remaining), r.current.errorBudget.burnRate === null ? "-" : `${r.current.errorBudget.burnRate.toFixed(2)}x`,
    ]);
    return {
      type: "table",
      title: `Service levels over the last ${window} (latency in ms; target availability ${pct(sloTargets(policy.slo).availability)}):`,
      columns: ["plugin", "calls", "failures", "availability", "p50", "p95", "p99", "budget left", "burn"],
      rows,
    };
  },
};
