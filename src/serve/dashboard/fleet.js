// The fleet: how every plugin is doing now against the previous window, the trend, the plugins,
// the worst and the costliest.
import { api } from "./api.js";
import { trendCharts } from "./charts.js";
import { card, h, table, viewLink } from "./dom.js";
import { ms, num, pct, pp, ratio, times, tone, usd } from "./format.js";

export async function fleetView(signal) {
  const [plugins, slo, report, approvals, trend] = await Promise.all([
    api("/v1/plugins", { signal }),
    api("/v1/slo?window=24h", { signal }),
    api("/v1/slo/report", { signal }),
    api("/v1/approvals", { signal }),
    api("/v1/slo/trend?window=7d", { signal }),
  ]);
  const f = slo.fleet.current;
  const target = slo.targets.availability;
  const active = plugins.plugins.filter((p) => p.active);
  const rows = new Map(slo.plugins.map((r) => [r.id, r]));
  return h("section", { class: "fleet" },
    h("h1", {}, "Fleet"),
    h("div", { class: "cards" },
      card("Active plugins", num(active.length), `${plugins.plugins.length} installed · log at seq ${num(plugins.seq)}`),
      card("Calls, 24h", num(f.calls), ratio(slo.fleet.trend.callsPerHour)),
      card("Availability, 24h", pct(f.availability), pp(slo.fleet.trend.availability) || `target ${pct(target)}`, tone(f.availability, target)),
      card("p95 latency", ms(f.latencyMs?.p95), ratio(slo.fleet.trend.p95)),
      card("Error budget left", pct(f.errorBudget.remaining, 1), `burn ${times(f.errorBudget.burnRate)}`, f.errorBudget.remaining !== null && f.errorBudget.remaining < 0 ? "bad" : ""),
      card("CPU per success", ms(f.cost.cpuMsPerSuccess), f.cost.costUsdPerSuccess === null ? "" : `${usd(f.cost.costUsdPerSuccess)} per success`),
      card("Open alerts", num(slo.alerts.length), slo.alerts[0]?.message, slo.alerts.length ? "bad" : "good"),
      card("Pending approvals", num(approvals.approvals.length), approvals.approvals.length ? "an operator must decide" : "", approvals.approvals.length ? "warn" : ""),
    ),
    h("h2", {}, "Fleet trend, 7 days against the previous 7"),
    trendCharts(trend),
    h("h2", {}, "Plugins"),
    table(["plugin", "status", "tier", "calls 24h", "availability", "p95", "budget left", "burn", "description"],
      plugins.plugins.map((p) => {
        const r = rows.get(p.id)?.current;
        return [viewLink(p.id, "plugin", p.id), h("span", { class: `status ${p.status}` }, p.active ? "● active" : p.status), p.tier, num(r?.calls ?? 0), pct(r?.availability), ms(r?.latencyMs?.p95), pct(r?.errorBudget.remaining, 1), times(r?.errorBudget.burnRate), h("span", { class: "muted" }, p.description)];
      }), { class: "plugins" }),
    h("div", { class: "two" },
      h("div", {}, h("h2", {}, "Top failing this week"), report.report.topFailing.length ? table(["plugin", "failures", "availability"], report.report.topFailing.map((l) => [viewLink(l.pluginId, "plugin", l.pluginId), num(l.failures), pct(l.availability)])) : h("p", { class: "muted" }, "no failures this week")),
      h("div", {}, h("h2", {}, "Top costly this week"), report.report.topCostly.length ? table(["plugin", "CPU ms", "per success", "cost"], report.report.topCostly.map((l) => [viewLink(l.pluginId, "plugin", l.pluginId), num(l.cpuMs), ms(l.cpuMsPerSuccess), usd(l.costUsd)])) : h("p", { class: "muted" }, "no usage this week")),
    ),
  );
}
