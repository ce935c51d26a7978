/**
 * The weekly SLO report (pure): fleet summary against the previous week, top failing and top
 * costly plugins, each plugin's trend, and the alerts open at the report's reference time.
 */
import type { SloTargets } from "./slo-config.ts";
import { sloView } from "./slo-window.ts";
import type { Figures, SloRow, Trend, WindowName } from "./slo-window.ts";
import type { BlockedRollback, OpenAlert, SloState } from "./slo.ts";

export interface SloReport {
  title: string;
  now: string;
  window: WindowName;
  from: string;
  targets: { availability: number; latencyMs: number | null };
  fleet: { current: Figures; previous: Figures; trend: Trend; plugins: number; capabilities: number };
  topFailing: ReportLine[];
  topCostly: ReportLine[];
  trends: ReportLine[];
  alerts: OpenAlert[];
  blockedRollbacks: BlockedRollback[];
}

export interface ReportLine {
  pluginId: string;
  capability: string;
  calls: number;
  failures: number;
  availability: number | null;
  p95Ms: number | null;
  cpuMs: number;
  cpuMsPerSuccess: number | null;
  costUsd: number | null;
  burnRate: number | null;
  trend: Trend;
}

const line = (r: SloRow): ReportLine => ({
  pluginId: r.id, capability: r.capability, calls: r.current.calls, failures: r.current.failures, availability: r.current.availability, p95Ms: r.current.latencyMs?.p95 ?? null,
  cpuMs: r.current.cost.cpuMs, cpuMsPerSuccess: r.current.cost.cpuMsPerSuccess, costUsd: r.current.cost.costUsd, burnRate: r.current.errorBudget.burnRate, trend: r.trend,
});

export function sloReport(state: SloState, options: { now: Date | string; targets?: SloTargets; window?: WindowName; top?: number }): SloReport {
  const window = options.window ?? "7d";
  const top = options.top ?? 5;
  const view = sloView(state, { now: options.now, window, ...(options.targets ? { targets: options.targets } : {}) });
  const used = view.plugins.filter((r) => r.current.calls > 0 || r.previous.calls > 0);
  const byId = (a: ReportLine, b: ReportLine): number => (a.pluginId < b.pluginId ? -1 : 1);
  return {
    title: `capsmith SLO report — ${window} to ${view.now}`,
    now: view.now,
    window,
    from: view.fleet.current.from,
    targets: view.targets,
    fleet: { ...view.fleet, plugins: used.filter((r) => r.current.calls > 0).length, capabilities: view.capabilities.filter((r) => r.current.calls > 0).length },
    topFailing: used.filter((r) => r.current.failures > 0).map(line).sort((a, b) => b.failures - a.failures || byId(a, b)).slice(0, top),
    topCostly: used.filter((r) => r.current.calls > 0).map(line).sort((a, b) => (b.costUsd ?? 0) - (a.costUsd ?? 0) || b.cpuMs - a.cpuMs || byId(a, b)).slice(0, top),
    trends: used.map(line).sort(byId),
    alerts: view.alerts,
    blockedRollbacks: view.blockedRollbacks,
  };
}

const pct = (x: number | null, digits = 2): string => (x === null ? "–" : `${(x * 100).toFixed(digits)}%`);
const num = (x: number | null | undefined, unit = ""): string => (x === null || x === undefined ? "–" : `${x}${unit}`);
const delta = (x: number | null): string => (x === null ? "–" : `${x >= 0 ? "+" : ""}${(x * 100).toFixed(2)} pp`);
const ratio = (x: number | null): string => (x === null ? "–" : `×${x}`);

/** The report as Markdown. */
export function reportMarkdown(r: SloReport): string {
  const f = r.fleet.current;
  const p = r.fleet.previous;
  const out = [
    `# ${r.title}`,
    "",
    `Window ${r.from} → ${r.now}, compared with the ${r.window} before it. Target availability ${pct(r.targets.availability)}${r.targets.latencyMs ? `, p95 latency ≤ ${r.targets.latencyMs} ms` : ""}.`,
    "",
    "## Fleet",
    "",
    "| | this window | previous | change |",
    "|---|---:|---:|---:|",
    `| calls | ${f.calls} | ${p.calls} | ${ratio(r.fleet.trend.callsPerHour)} per hour |`,
    `| availability | ${pct(f.availability)} | ${pct(p.availability)} | ${delta(r.fleet.trend.availability)} |`,
    `| p95 latency | ${num(f.latencyMs?.p95, " ms")} | ${num(p.latencyMs?.p95, " ms")} | ${ratio(r.fleet.trend.p95)} |`,
    `| error budget left | ${pct(f.errorBudget.remaining, 1)} | ${pct(p.errorBudget.remaining, 1)} | |`,
    `| CPU ms per success | ${num(f.cost.cpuMsPerSuccess)} | ${num(p.cost.cpuMsPerSuccess)} | ${ratio(r.fleet.trend.cpuMsPerSuccess)} |`,
    ...(f.cost.costUsd !== null || p.cost.costUsd !== null ? [`| cost (USD) | ${num(f.cost.costUsd)} | ${num(p.cost.costUsd)} | |`] : []),
    "",
    `${r.fleet.plugins} plugin(s) of ${r.fleet.capabilities} capability(ies) ran in this window.`,
    "",
    "## Top failing",
    "",
    ...table(["plugin", "failures", "calls", "availability", "burn rate"], r.topFailing.map((l) => [l.pluginId, String(l.failures), String(l.calls), pct(l.availability), l.burnRate === null ? "–" : `${l.burnRate.toFixed(2)}x`]), "No failures."),
    "",
    "## Top costly",
    "",
    ...table(["plugin", "CPU ms", "CPU ms / success", "cost (USD)", "calls"], r.topCostly.map((l) => [l.pluginId, String(l.cpuMs), num(l.cpuMsPerSuccess), num(l.costUsd), String(l.calls)]), "No calls."),
    "",
    "## Trends vs the previous window",
    "",
    ...table(["plugin", "availability", "Δ availability", "p95", "p95 change", "CPU/success change", "calls/hour change"], r.trends.map((l) => [l.pluginId, pct(l.availability), delta(l.trend.availability), num(l.p95Ms, " ms"), ratio(l.trend.p95), ratio(l.trend.cpuMsPerSuccess), ratio(l.trend.callsPerHour)]), "No plugin ran."),
    "",
    "## Open alerts",
    "",
    ...table(["alert", "severity", "since", "message"], r.alerts.map((a) => [a.alertId, a.severity, a.raisedAt, a.message]), "None."),
    "",
    "## Capabilities with no active version (rollback blocked)",
    "",
    ...table(["capability", "quarantined", "since", "why no rollback"], r.blockedRollbacks.map((b) => [b.capability, b.pluginId, b.at, b.reason]), "None."),
  ];
  return out.join("\n") + "\n";
}

function table(head: string[], rows: string[][], empty: string): string[] {
  if (rows.length === 0) return [empty];
  const esc = (s: string): string => s.replaceAll("|", "\\|");
  return [`| ${head.join(" | ")} |`, `|${head.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`, ...rows.map((r) => `| ${r.map(esc).join(" | ")} |`)];
}
