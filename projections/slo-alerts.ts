/**
 * Alert rules, evaluated purely over the SLO state at a reference time (the slo agent passes the
 * triggering usage event's time). Each rule answers firing, ok, or unknown (too few calls to tell):
 * unknown leaves an alert as it is, so a quiet start of an hour neither raises nor clears.
 *
 * Error-budget burn (Google SRE workbook, multi-window, multi-burn-rate; a 30-day SLO period):
 *   burn_fast    page    1h  and 5m  both burning ≥ 14.4x  (2% of the budget in an hour)
 *   burn_slow    page    6h  and 30m both burning ≥ 6x     (5% in six hours)
 *   burn_ticket  ticket  3d  and 6h  both burning ≥ 1x     (10% in three days)
 * The short windows (5m, 30m, 6h) and 1h are sliding windows over minute buckets; 3d is the 72
 * hourly buckets ending with the current hour. The long window needs ≥ 10 calls; a short window
 * with no calls is not burning.
 *
 * latency_regression: p95 of the current hour ≥ 1.5x the p95 of the 24 hours before it and at
 * least 5 ms more (≥ 20 calls this hour, ≥ 50 in the baseline).
 * cost_anomaly: cost per successful execution (CPU ms; tokens and USD when reported) this hour ≥ 3x
 * the 24 hours before it (≥ 20 successes this hour, ≥ 50 in the baseline; CPU at least 1 ms more).
 * budget_breach: the plugin broke its policy budget in each of the last N completed hours in which it
 * ran (N = onBreach.consecutiveWindows); clears once a completed hour is within budget.
 */
import type { BreachAction, SloBudget, SloTargets } from "./slo-config.ts";
import { budgetFor } from "./slo-config.ts";
import { figures } from "./slo-window.ts";
import type { Figures } from "./slo-window.ts";
import { minuteAt } from "./slo-series.ts";
import type { Series } from "./slo-series.ts";
import type { OpenAlert, SloState } from "./slo.ts";

export type AlertRule = "burn_fast" | "burn_slow" | "burn_ticket" | "latency_regression" | "cost_anomaly" | "budget_breach";

export interface RuleResult {
  alertId: string;
  rule: AlertRule;
  severity: "page" | "ticket";
  pluginId: string;
  capability: string;
  status: "firing" | "ok" | "unknown";
  value: number;
  threshold: number;
  message: string;
  action?: BreachAction;
}

interface BurnRule {
  rule: "burn_fast" | "burn_slow" | "burn_ticket";
  severity: "page" | "ticket";
  longMinutes: number;
  shortMinutes: number;
  factor: number;
}

export const BURN_RULES: readonly BurnRule[] = [
  { rule: "burn_fast", severity: "page", longMinutes: 60, shortMinutes: 5, factor: 14.4 },
  { rule: "burn_slow", severity: "page", longMinutes: 360, shortMinutes: 30, factor: 6 },
  { rule: "burn_ticket", severity: "ticket", longMinutes: 72 * 60, shortMinutes: 360, factor: 1 },
];
export const MIN_BURN_CALLS = 10;
export const LATENCY = { factor: 1.5, minDeltaMs: 5, minCalls: 20, minBaselineCalls: 50, baselineHours: 24 } as const;
export const COST = { factor: 3, minDeltaCpuMs: 1, minSuccesses: 20, minBaselineSuccesses: 50, baselineHours: 24 } as const;

const MINUTE_MS = 60_000;

export function alertId(rule: AlertRule, pluginId: string): string {
  return `${rule}:${pluginId}`;
}

/** Calls and failures in the `minutes` ending with the minute that holds now (minute buckets, or hours past 6h). */
function window(series: Series, nowMinute: number, minutes: number): { calls: number; failures: number } {
  let calls = 0;
  let failures = 0;
  if (minutes <= 360) {
    for (let m = nowMinute - minutes + 1; m <= nowMinute; m++) {
      const b = minuteAt(series, m);
      if (b) {
        calls += b.calls;
        failures += b.failures;
      }
    }
  } else {
    const nowHour = Math.floor(nowMinute / 60);
    for (let h = nowHour - minutes / 60 + 1; h <= nowHour; h++) {
      const b = series.hours.get(h);
      if (b) {
        calls += b.calls;
        failures += b.failures;
      }
    }
  }
  return { calls, failures };
}

/** Every rule for one plugin at `now`. */
export function evaluatePlugin(state: SloState, pluginId: string, now: Date | string, targets: SloTargets): RuleResult[] {
  const series = state.plugins.get(pluginId);
  if (!series) return [];
  const nowMs = typeof now === "string" ? Date.parse(now) : now.getTime();
  const nowMinute = Math.floor(nowMs / MINUTE_MS);
  const base = { pluginId, capability: series.capability };
  const results: RuleResult[] = [];
  const budget = 1 - targets.availability;

  for (const r of BURN_RULES) {
    const long = window(series, nowMinute, r.longMinutes);
    const short = window(series, nowMinute, r.shortMinutes);
    const burnLong = long.calls > 0 ? long.failures / long.calls / budget : 0;
    const burnShort = short.calls > 0 ? short.failures / short.calls / budget : 0;
    const status = long.calls === 0 || short.calls === 0 ? "ok" : long.calls < MIN_BURN_CALLS ? "unknown" : burnLong >= r.factor && burnShort >= r.factor ? "firing" : "ok";
    results.push({
      ...base, alertId: alertId(r.rule, pluginId), rule: r.rule, severity: r.severity, status, value: round2(burnLong), threshold: r.factor,
      message: `error budget burning ${round2(burnLong)}x over ${span(r.longMinutes)} and ${round2(burnShort)}x over ${span(r.shortMinutes)} (alert at ${r.factor}x; target ${pct(targets.availability)})`,
    });
  }

  const nowHour = Math.floor(nowMinute / 60);
  const current = figures([series], nowHour, nowHour, nowMs, targets);
  const baseline = figures([series], nowHour - LATENCY.baselineHours, nowHour - 1, nowHour * 3_600_000, targets);
  results.push(latencyRule(base, current, baseline));
  results.push(costRule(base, current, baseline));
  const breach = budgetRule(base, series, nowHour, targets);
  if (breach) results.push(breach);
  return results;
}

function latencyRule(base: { pluginId: string; capability: string }, current: Figures, baseline: Figures): RuleResult {
  const cur = current.latencyMs?.p95 ?? 0;
  const was = baseline.latencyMs?.p95 ?? 0;
  const enough = current.calls >= LATENCY.minCalls && baseline.calls >= LATENCY.minBaselineCalls;
  const firing = enough && cur >= LATENCY.factor * was && cur - was >= LATENCY.minDeltaMs;
  const ratio = was > 0 ? round2(cur / was) : 0;
  return {
    ...base, alertId: alertId("latency_regression", base.pluginId), rule: "latency_regression", severity: "ticket",
    status: current.calls === 0 ? "ok" : !enough ? "unknown" : firing ? "firing" : "ok", value: ratio, threshold: LATENCY.factor,
    message: `p95 ${cur} ms this hour vs ${was} ms over the previous ${LATENCY.baselineHours}h (${ratio}x; alert at ${LATENCY.factor}x)`,
  };
}

function costRule(base: { pluginId: string; capability: string }, current: Figures, baseline: Figures): RuleResult {
  const ratios: { metric: string; now: number; was: number }[] = [];
  const add = (metric: string, now: number | null, was: number | null): void => {
    if (now !== null && was !== null && was > 0) ratios.push({ metric, now, was });
  };
  add("CPU ms", current.cost.cpuMsPerSuccess, baseline.cost.cpuMsPerSuccess);
  add("tokens", current.cost.tokensPerSuccess, baseline.cost.tokensPerSuccess);
  add("USD", current.cost.costUsdPerSuccess, baseline.cost.costUsdPerSuccess);
  const enough = current.successes >= COST.minSuccesses && baseline.successes >= COST.minBaselineSuccesses;
  const significant = (r: (typeof ratios)[number]): boolean => r.now >= COST.factor * r.was && (r.metric !== "CPU ms" || r.now - r.was >= COST.minDeltaCpuMs);
  const worst = ratios.reduce<(typeof ratios)[number] | undefined>((w, r) => (!w || r.now / r.was > w.now / w.was ? r : w), undefined);
  const firing = enough && ratios.some(significant);
  const shown = (firing ? ratios.filter(significant).sort((a, b) => b.now / b.was - a.now / a.was)[0] : worst) ?? { metric: "CPU ms", now: 0, was: 0 };
  const ratio = shown.was > 0 ? round2(shown.now / shown.was) : 0;
  return {
    ...base, alertId: alertId("cost_anomaly", base.pluginId), rule: "cost_anomaly", severity: "ticket",
    status: current.calls === 0 ? "ok" : !enough ? "unknown" : firing ? "firing" : "ok", value: ratio, threshold: COST.factor,
    message: `${shown.metric} per successful execution ${shown.now} this hour vs ${shown.was} over the previous ${COST.baselineHours}h (${ratio}x; alert at ${COST.factor}x)`,
  };
}

/** How an hour broke a budget (empty: within it). */
export function budgetBreaches(b: { calls: number; cpuMs: number; metered: number; tokens: number; costUsd: number; heapMaxBytes: number }, p95: number | null, budget: SloBudget): string[] {
  const out: string[] = [];
  if (budget.latencyP95Ms !== undefined && p95 !== null && p95 > budget.latencyP95Ms) out.push(`p95 ${p95} ms > ${budget.latencyP95Ms} ms`);
  if (budget.memoryMB !== undefined && b.heapMaxBytes > budget.memoryMB * 1024 * 1024) out.push(`peak heap ${round2(b.heapMaxBytes / 1024 / 1024)} MB > ${budget.memoryMB} MB`);
  if (budget.cpuMsPerCall !== undefined && b.calls > 0 && b.cpuMs / b.calls > budget.cpuMsPerCall) out.push(`CPU ${round2(b.cpuMs / b.calls)} ms/call > ${budget.cpuMsPerCall}`);
  if (budget.tokensPerCall !== undefined && b.metered > 0 && b.tokens / b.metered > budget.tokensPerCall) out.push(`${round2(b.tokens / b.metered)} tokens/call > ${budget.tokensPerCall}`);
  if (budget.costUsdPerCall !== undefined && b.metered > 0 && b.costUsd / b.metered > budget.costUsdPerCall) out.push(`$${b.costUsd / b.metered}/call > $${budget.costUsdPerCall}`);
  return out;
}

/** Consecutive completed hours (in which the plugin ran) that broke its budget, newest first. */
function budgetRule(base: { pluginId: string; capability: string }, series: Series, nowHour: number, targets: SloTargets): RuleResult | undefined {
  const budget = budgetFor(targets, base.pluginId, base.capability);
  if (!budget) return undefined;
  const needed = targets.onBreach.consecutiveWindows;
  let streak = 0;
  let latest: string[] = [];
  let sawHour = false;
  const hours = [...series.hours.keys()].filter((h) => h < nowHour).sort((a, b) => b - a);
  for (const h of hours) {
    const b = series.hours.get(h)!;
    if (b.calls === 0) continue;
    sawHour = true;
    const broke = budgetBreaches(b, figures([series], h, h, (h + 1) * 3_600_000, targets).latencyMs?.p95 ?? null, budget);
    if (broke.length === 0) break;
    if (streak === 0) latest = broke;
    if (++streak >= needed) break;
  }
  const status = streak >= needed ? "firing" : streak === 0 && sawHour ? "ok" : "unknown";
  return {
    ...base, alertId: alertId("budget_breach", base.pluginId), rule: "budget_breach", severity: "page", status, value: streak, threshold: needed, action: targets.onBreach.action,
    message: streak > 0 ? `broke its budget in ${streak} consecutive hour(s) it ran (${latest.join("; ")}); policy: ${targets.onBreach.action} after ${needed}` : "within its budget in the last completed hour it ran",
  };
}

export interface AlertChanges {
  raise: RuleResult[];
  clear: { alert: OpenAlert; message: string }[];
}

/** What to raise and clear so the open alerts match the rule results (unknown changes nothing). */
export function alertChanges(state: SloState, results: readonly RuleResult[]): AlertChanges {
  const changes: AlertChanges = { raise: [], clear: [] };
  for (const r of results) {
    const open = state.alerts.get(r.alertId);
    if (r.status === "firing" && !open) changes.raise.push(r);
    if (r.status === "ok" && open) changes.clear.push({ alert: open, message: r.message });
  }
  return changes;
}

/** Plugins to judge at a usage event: its own, plus every plugin with an open alert (so alerts clear as time passes). */
export function pluginsToJudge(state: SloState, pluginId: string): string[] {
  const ids = new Set<string>([pluginId]);
  for (const a of state.alerts.values()) ids.add(a.pluginId);
  return [...ids].sort();
}

function span(minutes: number): string {
  return minutes % 1440 === 0 ? `${minutes / 1440}d` : minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}m`;
}

function pct(x: number): string {
  return `${round2(x * 100)}%`;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
