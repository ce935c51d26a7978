/**
 * SLO figures over a window, relative to a reference time the caller passes in (never the clock).
 * A window of N hours is the N hourly buckets ending with the one that holds `now`, so it covers
 * from N-1 to N hours and ends at `now`; the previous window is the N buckets before it.
 */
import type { JsHistogram } from "hdr-histogram-js";
import type { SloTargets } from "./slo-config.ts";
import { DEFAULT_SLO_TARGETS } from "./slo-config.ts";
import { addTo, newHistogram, percentileMs, round3, shareAtOrUnder } from "./slo-histogram.ts";
import { minuteAt } from "./slo-series.ts";
import type { HourBucket, Series } from "./slo-series.ts";
import type { BlockedRollback, OpenAlert, SloState } from "./slo.ts";

export const WINDOWS = { "1h": 1, "24h": 24, "7d": 168, "30d": 720 } as const;
export type WindowName = keyof typeof WINDOWS;
export const WINDOW_NAMES = Object.keys(WINDOWS) as WindowName[];

const HOUR_MS = 3_600_000;

export interface Figures {
  from: string;
  to: string;
  /** Hours the window covers (the current one is partial). */
  hours: number;
  calls: number;
  successes: number;
  failures: number;
  callsPerHour: number;
  /** Success rate; null without calls. */
  availability: number | null;
  latencyMs: { p50: number; p95: number; p99: number; max: number } | null;
  /** Share of calls at or under the latency target (null without a target or calls). */
  latencyCompliance: number | null;
  errorBudget: {
    target: number;
    /** Share of the window's error budget left (negative when overspent); null without calls. */
    remaining: number | null;
    /** Error rate over the budgeted rate: 1 spends the budget exactly over the window. */
    burnRate: number | null;
  };
  cost: {
    cpuMs: number;
    cpuMsPerSuccess: number | null;
    /** Tokens and cost only from calls that reported them (agent plugins); null when none did. */
    tokens: number | null;
    tokensPerSuccess: number | null;
    costUsd: number | null;
    costUsdPerSuccess: number | null;
  };
  heapMaxBytes: number;
}

export interface SloRow {
  scope: "plugin" | "capability";
  id: string;
  capability: string;
  current: Figures;
  previous: Figures;
  trend: Trend;
  /** Calls and failures per slot across the current window, oldest first (for sparklines). */
  spark: { calls: number[]; failures: number[] };
}

/** Current vs previous: differences for rates, ratios for magnitudes; null when either side lacks data. */
export interface Trend {
  availability: number | null;
  p95: number | null;
  cpuMsPerSuccess: number | null;
  callsPerHour: number | null;
}

export interface SloView {
  now: string;
  window: WindowName;
  targets: { availability: number; latencyMs: number | null };
  fleet: { current: Figures; previous: Figures; trend: Trend };
  plugins: SloRow[];
  capabilities: SloRow[];
  alerts: OpenAlert[];
  /** Capabilities with no active version since a governor found nothing to roll back to. */
  blockedRollbacks: BlockedRollback[];
  /** With the `plugin` option: what it named — one plugin, or a capability and so each of its versions. */
  selected?: { id: string; kind: "plugin" | "capability" | "none"; plugins: string[] };
}

export interface ViewOptions {
  now: Date | string;
  window: WindowName;
  targets?: SloTargets;
  /**
   * Only this plugin (and its capability); a capability name means every version of it that was
   * called, as `/show` takes a capability for its plugins.
   */
  plugin?: string;
}

/** The figures of one or more series over hours [firstHour, lastHour], the window ending at `toMs`. */
export function figures(series: readonly Series[], firstHour: number, lastHour: number, toMs: number, targets: SloTargets): Figures {
  const sum: Sums = { calls: 0, failures: 0, cpuMs: 0, metered: 0, tokens: 0, costUsd: 0, heapMaxBytes: 0 };
  const h = newHistogram();
  const visit = (b: HourBucket): void => {
    sum.calls += b.calls;
    sum.failures += b.failures;
    sum.cpuMs += b.cpuMs;
    sum.metered += b.metered;
    sum.tokens += b.tokens;
    sum.costUsd += b.costUsd;
    if (b.heapMaxBytes > sum.heapMaxBytes) sum.heapMaxBytes = b.heapMaxBytes;
    addTo(h, b.latency);
  };
  for (const s of series) {
    // Walk whichever is smaller: the window's hours or the series' buckets (hour order either way).
    if (lastHour - firstHour + 1 <= s.hours.size) {
      for (let k = firstHour; k <= lastHour; k++) {
        const b = s.hours.get(k);
        if (b) visit(b);
      }
    } else {
      for (const k of [...s.hours.keys()].sort((a, b) => a - b)) if (k >= firstHour && k <= lastHour) visit(s.hours.get(k)!);
    }
  }
  return figuresFrom(sum, h, firstHour, toMs, targets);
}

/** A window's totals: an hour bucket's counters, summed, without its histogram. */
type Sums = Omit<HourBucket, "latency">;

function figuresFrom(sum: Sums, h: JsHistogram, firstHour: number, toMs: number, targets: SloTargets): Figures {
  const successes = sum.calls - sum.failures;
  const fromMs = firstHour * HOUR_MS;
  const hours = Math.max((toMs - fromMs) / HOUR_MS, 1 / 60);
  const budget = 1 - targets.availability;
  const errorRate = sum.calls > 0 ? sum.failures / sum.calls : null;
  const per = (x: number): number | null => (successes > 0 ? round3(x / successes) : null);
  return {
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    hours: round3(hours),
    calls: sum.calls,
    successes,
    failures: sum.failures,
    callsPerHour: round3(sum.calls / hours),
    availability: errorRate === null ? null : round6(1 - errorRate),
    latencyMs: h.totalCount === 0 ? null : { p50: percentileMs(h, 50)!, p95: percentileMs(h, 95)!, p99: percentileMs(h, 99)!, max: percentileMs(h, 100)! },
    latencyCompliance: targets.latencyMs === null ? null : nullable(shareAtOrUnder(h, targets.latencyMs), round6),
    errorBudget: {
      target: targets.availability,
      remaining: errorRate === null ? null : round6(1 - errorRate / budget),
      burnRate: errorRate === null ? null : round6(errorRate / budget),
    },
    cost: {
      cpuMs: round3(sum.cpuMs),
      cpuMsPerSuccess: per(sum.cpuMs),
      tokens: sum.metered > 0 ? round3(sum.tokens) : null,
      tokensPerSuccess: sum.metered > 0 ? per(sum.tokens) : null,
      costUsd: sum.metered > 0 ? round6(sum.costUsd) : null,
      costUsdPerSuccess: sum.metered > 0 && successes > 0 ? round6(sum.costUsd / successes) : null,
    },
    heapMaxBytes: sum.heapMaxBytes,
  };
}

export function trend(current: Figures, previous: Figures): Trend {
  const ratio = (a: number | null | undefined, b: number | null | undefined): number | null => (a == null || b == null || b === 0 ? null : round3(a / b));
  return {
    availability: current.availability === null || previous.availability === null ? null : round6(current.availability - previous.availability),
    p95: ratio(current.latencyMs?.p95, previous.latencyMs?.p95),
    cpuMsPerSuccess: ratio(current.cost.cpuMsPerSuccess, previous.cost.cpuMsPerSuccess),
    callsPerHour: previous.calls === 0 ? null : ratio(current.callsPerHour, previous.callsPerHour),
  };
}

/** Slots for a window's sparkline: [slot count, minutes per slot]. */
const SPARK: Record<WindowName, [number, number]> = { "1h": [12, 5], "24h": [24, 60], "7d": [28, 360], "30d": [30, 1440] };

function spark(series: Series, nowMs: number, window: WindowName): SloRow["spark"] {
  const [slots, minutesPer] = SPARK[window];
  const calls = new Array<number>(slots).fill(0);
  const failures = new Array<number>(slots).fill(0);
  const nowMinute = Math.floor(nowMs / 60_000);
  // Slots end at the end of the current hour, so they line up with the window's buckets.
  const end = (Math.floor(nowMinute / 60) + 1) * 60;
  const start = end - slots * minutesPer;
  if (minutesPer < 60) {
    for (let m = start; m < end && m <= nowMinute; m++) {
      const b = minuteAt(series, m);
      if (!b) continue;
      const i = Math.floor((m - start) / minutesPer);
      calls[i]! += b.calls;
      failures[i]! += b.failures;
    }
  } else {
    for (const [h, b] of series.hours) {
      const m = h * 60;
      if (m < start || m >= end || m > nowMinute) continue;
      const i = Math.floor((m - start) / minutesPer);
      calls[i]! += b.calls;
      failures[i]! += b.failures;
    }
  }
  return { calls, failures };
}

function row(scope: SloRow["scope"], id: string, series: Series, nowMs: number, window: WindowName, targets: SloTargets): SloRow {
  const n = WINDOWS[window];
  const last = Math.floor(nowMs / HOUR_MS);
  const current = figures([series], last - n + 1, last, nowMs, targets);
  const previous = figures([series], last - 2 * n + 1, last - n, (last - n + 1) * HOUR_MS, targets);
  return { scope, id, capability: series.capability, current, previous, trend: trend(current, previous), spark: spark(series, nowMs, window) };
}

/** The SLO view at `now` over a window (pure): fleet, per plugin and per capability, and open alerts. */
export function sloView(state: SloState, options: ViewOptions): SloView {
  const targets = options.targets ?? DEFAULT_SLO_TARGETS;
  const nowMs = typeof options.now === "string" ? Date.parse(options.now) : options.now.getTime();
  const n = WINDOWS[options.window];
  const last = Math.floor(nowMs / HOUR_MS);
  const selected = options.plugin === undefined ? undefined : select(state, options.plugin);
  const wanted = selected ? new Set(selected.plugins) : undefined;
  const onlyCapability = selected?.kind === "plugin" ? state.plugins.get(selected.id)!.capability : selected?.kind === "capability" ? selected.id : undefined;
  const plugins = [...state.plugins].filter(([id]) => !wanted || wanted.has(id)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const capabilities = [...state.capabilities].filter(([id]) => !selected || id === onlyCapability).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const fleetSeries = capabilities.map(([, s]) => s);
  const current = figures(fleetSeries, last - n + 1, last, nowMs, targets);
  const previous = figures(fleetSeries, last - 2 * n + 1, last - n, (last - n + 1) * HOUR_MS, targets);
  return {
    now: new Date(nowMs).toISOString(),
    window: options.window,
    targets: { availability: targets.availability, latencyMs: targets.latencyMs },
    fleet: { current, previous, trend: trend(current, previous) },
    plugins: plugins.map(([id, s]) => row("plugin", id, s, nowMs, options.window, targets)),
    capabilities: capabilities.map(([id, s]) => row("capability", id, s, nowMs, options.window, targets)),
    alerts: [...state.alerts.values()].filter((a) => !wanted || wanted.has(a.pluginId)).sort((a, b) => a.raisedSeq - b.raisedSeq),
    blockedRollbacks: [...state.blocked.values()].filter((b) => !selected || b.capability === onlyCapability).sort((a, b) => a.seq - b.seq),
    ...(selected ? { selected } : {}),
  };
}

/** A plugin id names itself; a capability name names every plugin of it that has usage. */
function select(state: SloState, id: string): NonNullable<SloView["selected"]> {
  if (state.plugins.has(id)) return { id, kind: "plugin", plugins: [id] };
  const versions = [...state.plugins].filter(([, s]) => s.capability === id).map(([pluginId]) => pluginId).sort();
  if (versions.length || state.capabilities.has(id)) return { id, kind: "capability", plugins: versions };
  return { id, kind: "none", plugins: [] };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function nullable<T, U>(x: T | null, f: (x: T) => U): U | null {
  return x === null ? null : f(x);
}
