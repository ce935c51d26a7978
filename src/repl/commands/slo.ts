/**
 * `/slo`: per plugin, calls, failures, error rate and latency percentiles, from the usage events
 * (PluginInvoked) on the log. The SLO projection with windows and alerts is its own area; this view
 * reads the same events directly so it works on any log.
 */
import type { StoredEvent } from "../../events/index.ts";
import type { SlashCommand } from "../core/types.ts";

export function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const slo: SlashCommand = {
  name: "slo",
  usage: "/slo [CAPABILITY]",
  summary: "calls, failures, error rate and latency (p50/p95/p99) per plugin",
  args: ["capability"],
  async run(ctx, args) {
    const only = args.trim();
    const filter = only ? `capsmith.evt.usage.${only}` : "capsmith.evt.usage.>";
    const by = new Map<string, { calls: number; failures: number; latencies: number[]; codes: Map<string, number> }>();
    for await (const any of ctx.services.log.read(filter)) {
      if (any.type !== "PluginInvoked") continue;
      const d = (any as StoredEvent<"PluginInvoked">).data;
      let s = by.get(d.pluginId);
      if (!s) by.set(d.pluginId, (s = { calls: 0, failures: 0, latencies: [], codes: new Map() }));
      s.calls++;
      s.latencies.push(d.latencyMs);
      if (!d.ok) {
        s.failures++;
        s.codes.set(d.errorCode ?? "?", (s.codes.get(d.errorCode ?? "?") ?? 0) + 1);
      }
    }
    if (by.size === 0) return { type: "message", text: only ? `no calls of ${only} yet` : "no plugin has been called yet; try /invoke CAPABILITY JSON" };
    const ms = (v: number | null): string => (v === null ? "-" : `${v.toFixed(1)}`);
    const rows = [...by.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([id, s]) => {
      const sorted = [...s.latencies].sort((a, b) => a - b);
      const codes = [...s.codes.entries()].map(([c, n]) => `${c}×${n}`).join(" ");
      return [id, String(s.calls), String(s.failures), `${((s.failures / s.calls) * 100).toFixed(1)}%`, ms(percentile(sorted, 50)), ms(percentile(sorted, 95)), ms(percentile(sorted, 99)), codes];
    });
    return { type: "table", title: "Service levels (all time, from the usage events; latency in ms):", columns: ["plugin", "calls", "failures", "errors", "p50", "p95", "p99", "error codes"], rows };
  },
};
