/**
 * SLO figures slot by slot across a window and the window before it, for trend charts: a 24h window
 * in hours, 7d in six-hour slots, 30d in days. Slot i of `previous` is slot i of `current` one window
 * earlier, so the two overlay. Pure: a function of the state and a reference time the caller passes.
 */
import type { SloTargets } from "./slo-config.ts";
import { DEFAULT_SLO_TARGETS } from "./slo-config.ts";
import type { Series } from "./slo-series.ts";
import type { SloState } from "./slo.ts";
import { figures, WINDOWS } from "./slo-window.ts";

export const TREND_WINDOWS = { "24h": 1, "7d": 6, "30d": 24 } as const;
export type TrendWindow = keyof typeof TREND_WINDOWS;

export interface TrendPoint {
  /** Start of the slot. */
  t: string;
  calls: number;
  failures: number;
  availability: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  cpuMsPerSuccess: number | null;
  costUsdPerSuccess: number | null;
  /** Error rate over the budgeted rate in the slot. */
  burnRate: number | null;
}

export interface SloTrend {
  /** A plugin id, a capability, or "fleet". */
  id: string;
  window: TrendWindow;
  now: string;
  slotHours: number;
  current: TrendPoint[];
  previous: TrendPoint[];
}

const HOUR_MS = 3_600_000;

/** The trend of a plugin (`name@version`), a capability, or the fleet (no id); undefined for an unknown id. */
export function sloTrend(state: SloState, options: { now: Date | string; window: TrendWindow; id?: string; targets?: SloTargets }): SloTrend | undefined {
  const targets = options.targets ?? DEFAULT_SLO_TARGETS;
  const nowMs = typeof options.now === "string" ? Date.parse(options.now) : options.now.getTime();
  const series = seriesOf(state, options.id);
  if (!series) return undefined;
  const slotHours = TREND_WINDOWS[options.window];
  const hours = WINDOWS[options.window];
  const slots = hours / slotHours;
  const last = Math.floor(nowMs / HOUR_MS);
  const first = last - hours + 1;
  const points = (start: number): TrendPoint[] =>
    Array.from({ length: slots }, (_, i) => {
      const from = start + i * slotHours;
      const to = from + slotHours - 1;
      const f = figures(series, from, to, Math.min((to + 1) * HOUR_MS, Math.max(nowMs, from * HOUR_MS + 1)), targets);
      return {
        t: new Date(from * HOUR_MS).toISOString(),
        calls: f.calls,
        failures: f.failures,
        availability: f.availability,
        p50: f.latencyMs?.p50 ?? null,
        p95: f.latencyMs?.p95 ?? null,
        p99: f.latencyMs?.p99 ?? null,
        cpuMsPerSuccess: f.cost.cpuMsPerSuccess,
        costUsdPerSuccess: f.cost.costUsdPerSuccess,
        burnRate: f.errorBudget.burnRate,
      };
    });
  return { id: options.id ?? "fleet", window: options.window, now: new Date(nowMs).toISOString(), slotHours, current: points(first), previous: points(first - hours) };
}

function seriesOf(state: SloState, id: string | undefined): Series[] | undefined {
  if (id === undefined) return [...state.capabilities.values()];
  const one = id.includes("@") ? state.plugins.get(id) : state.capabilities.get(id);
  return one ? [one] : undefined;
}
