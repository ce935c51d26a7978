/**
 * One plugin's (or capability's) usage over time: hourly buckets (calls, failures, CPU, tokens,
 * cost, peak heap, latency sketch) kept for 61 days — a 30-day window and the one before it — and
 * minute buckets of calls and failures kept for 6 hours, for the short windows of burn-rate alerts.
 * Bucket keys are the event time truncated to the hour / minute (epoch hours / minutes).
 */
import { emptySketch, freeze, recordLatency, sketchFromJson, sketchJson } from "./slo-histogram.ts";
import type { LatencySketch } from "./slo-histogram.ts";

export const KEEP_HOURS = 61 * 24;
export const KEEP_MINUTES = 6 * 60;

export interface HourBucket {
  calls: number;
  failures: number;
  cpuMs: number;
  /** Calls that reported tokens or cost (agent plugins), and what they reported. */
  metered: number;
  tokens: number;
  costUsd: number;
  heapMaxBytes: number;
  latency: LatencySketch;
}

export interface MinuteBucket {
  calls: number;
  failures: number;
}

export interface Series {
  capability: string;
  hours: Map<number, HourBucket>;
  minutes: Map<number, MinuteBucket>;
  /** Latest hour / minute with data (retention and freezing are relative to them). */
  latestHour: number;
  latestMinute: number;
  /** Id of the last usage event applied: the slo agent judges a plugin at its latest event. */
  lastEventId: string;
  /** Buckets whose latency sketch is a live histogram (the latest hour, and late-written ones). */
  live: HourBucket[];
  // Lookup cache: consecutive events mostly fall in the same buckets.
  cacheHour: number;
  cacheHourBucket: HourBucket | undefined;
  cacheMinute: number;
  cacheMinuteBucket: MinuteBucket | undefined;
}

export interface Usage {
  ok: boolean;
  latencyMs: number;
  cpuMs: number;
  heapBytes: number;
  tokens?: number | undefined;
  costUsd?: number | undefined;
}

export function newSeries(capability: string): Series {
  return {
    capability, hours: new Map(), minutes: new Map(), latestHour: -Infinity, latestMinute: -Infinity, lastEventId: "", live: [],
    cacheHour: Number.NaN, cacheHourBucket: undefined, cacheMinute: Number.NaN, cacheMinuteBucket: undefined,
  };
}

function newHour(): HourBucket {
  return { calls: 0, failures: 0, cpuMs: 0, metered: 0, tokens: 0, costUsd: 0, heapMaxBytes: 0, latency: emptySketch() };
}

let memoPrefix = "";
let memoMinute = 0;
/** Epoch minute of an ISO time (`...Z`, as every envelope has); memoised on the minute prefix. */
export function minuteOf(iso: string): number {
  const prefix = iso.slice(0, 16);
  if (prefix !== memoPrefix) {
    const ms = Date.parse(iso);
    memoMinute = Math.floor(ms / 60_000);
    memoPrefix = prefix;
  }
  return memoMinute;
}

export function record(series: Series, minute: number, eventId: string, u: Usage): void {
  const hour = Math.floor(minute / 60);
  const hb = series.cacheHour === hour ? series.cacheHourBucket! : hourBucket(series, hour);
  hb.calls++;
  if (!u.ok) hb.failures++;
  hb.cpuMs += u.cpuMs;
  if (u.heapBytes > hb.heapMaxBytes) hb.heapMaxBytes = u.heapBytes;
  if (u.tokens !== undefined || u.costUsd !== undefined) {
    hb.metered++;
    hb.tokens += u.tokens ?? 0;
    hb.costUsd += u.costUsd ?? 0;
  }
  if (recordLatency(hb.latency, Math.round(u.latencyMs * 1000))) series.live.push(hb);
  const mb = series.cacheMinute === minute ? series.cacheMinuteBucket! : minuteBucket(series, minute);
  mb.calls++;
  if (!u.ok) mb.failures++;
  series.lastEventId = eventId;
}

function hourBucket(series: Series, hour: number): HourBucket {
  let hb = series.hours.get(hour);
  if (!hb) {
    hb = newHour();
    series.hours.set(hour, hb);
    if (hour > series.latestHour) {
      // A new hour: the hours before it are done being written (mostly), so their sketches freeze.
      for (const b of series.live) freeze(b.latency);
      series.live = [];
      series.latestHour = hour;
      if (series.hours.size > KEEP_HOURS + 24) prune(series.hours, hour - KEEP_HOURS);
    }
  }
  series.cacheHour = hour;
  series.cacheHourBucket = hb;
  return hb;
}

function minuteBucket(series: Series, minute: number): MinuteBucket {
  let mb = series.minutes.get(minute);
  if (!mb) {
    mb = { calls: 0, failures: 0 };
    series.minutes.set(minute, mb);
    if (minute > series.latestMinute) {
      series.latestMinute = minute;
      if (series.minutes.size > KEEP_MINUTES + 60) prune(series.minutes, minute - KEEP_MINUTES);
    }
  }
  series.cacheMinute = minute;
  series.cacheMinuteBucket = mb;
  return mb;
}

/** Deletes keys at or below `floor`. */
function prune<V>(map: Map<number, V>, floor: number): void {
  for (const key of map.keys()) if (key <= floor) map.delete(key);
}

export interface SeriesJson {
  capability: string;
  lastEventId: string;
  hours: Record<string, { calls: number; failures: number; cpuMs: number; metered: number; tokens: number; costUsd: number; heapMaxBytes: number; latency: [number, number][] }>;
  minutes: Record<string, [number, number]>;
}

/** JSON form, holding only buckets inside retention (what a pruned state would hold). */
export function seriesJson(series: Series): SeriesJson {
  const hours: SeriesJson["hours"] = {};
  for (const [h, b] of series.hours) {
    if (h <= series.latestHour - KEEP_HOURS) continue;
    hours[h] = { calls: b.calls, failures: b.failures, cpuMs: b.cpuMs, metered: b.metered, tokens: b.tokens, costUsd: b.costUsd, heapMaxBytes: b.heapMaxBytes, latency: sketchJson(b.latency) };
  }
  const minutes: SeriesJson["minutes"] = {};
  for (const [m, b] of series.minutes) if (m > series.latestMinute - KEEP_MINUTES) minutes[m] = [b.calls, b.failures];
  return { capability: series.capability, lastEventId: series.lastEventId, hours, minutes };
}

export function seriesFromJson(json: SeriesJson): Series {
  const series = newSeries(json.capability);
  series.lastEventId = json.lastEventId;
  for (const [key, b] of Object.entries(json.hours)) {
    const h = Number(key);
    series.hours.set(h, { calls: b.calls, failures: b.failures, cpuMs: b.cpuMs, metered: b.metered, tokens: b.tokens, costUsd: b.costUsd, heapMaxBytes: b.heapMaxBytes, latency: sketchFromJson(b.latency) });
    if (h > series.latestHour) series.latestHour = h;
  }
  for (const [key, [calls, failures]] of Object.entries(json.minutes)) {
    const m = Number(key);
    series.minutes.set(m, { calls, failures });
    if (m > series.latestMinute) series.latestMinute = m;
  }
  return series;
}
