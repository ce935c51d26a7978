/**
 * One plugin's (or capability's) usage over time: hourly buckets (calls, failures, CPU, tokens,
 * cost, peak heap, latency sketch) kept for 61 days — a 30-day window and the one before it — and
 * minute buckets of calls and failures kept for 6 hours, for the short windows of burn-rate alerts.
 * Bucket keys are the event time truncated to the hour / minute (epoch hours / minutes).
 */
import type { JsHistogram } from "hdr-histogram-js";
import { emptySketch, freeze, newHistogram, sketchFromJson, sketchJson, thaw } from "./slo-histogram.ts";
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
  /**
   * Minute buckets as a ring (no allocation per minute): slot `m % KEEP_MINUTES` holds minute
   * `ringMinute[slot]` with its calls and failures; a slot is reused once its minute is 6 hours old.
   */
  ringMinute: Float64Array;
  ringCalls: Float64Array;
  ringFailures: Float64Array;
  /** Latest hour / minute with data (retention and freezing are relative to them). */
  latestHour: number;
  latestMinute: number;
  /** Id of the last usage event applied: the slo agent judges a plugin at its latest event. */
  lastEventId: string;
  /** Buckets whose latency sketch is a live histogram (the latest hour, and late-written ones). */
  live: HourBucket[];
  /** A histogram freed by the last freeze, reused by the next live bucket (no allocation, no resizing). */
  spare: JsHistogram | undefined;
  // Lookup cache: consecutive events mostly fall in the same hour.
  cacheHour: number;
  cacheHourBucket: HourBucket | undefined;
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
    capability, hours: new Map(), ringMinute: new Float64Array(KEEP_MINUTES).fill(-1), ringCalls: new Float64Array(KEEP_MINUTES), ringFailures: new Float64Array(KEEP_MINUTES),
    latestHour: -Infinity, latestMinute: -Infinity, lastEventId: "", live: [], spare: undefined, cacheHour: Number.NaN, cacheHourBucket: undefined,
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
  if (!hb.latency.live) {
    thaw(hb.latency, series.spare ?? newHistogram());
    series.spare = undefined;
    series.live.push(hb);
  }
  hb.latency.live!.recordValue(Math.round(u.latencyMs * 1000));
  countMinute(series, minute, u.ok);
  series.lastEventId = eventId;
}

function hourBucket(series: Series, hour: number): HourBucket {
  let hb = series.hours.get(hour);
  if (!hb) {
    hb = newHour();
    series.hours.set(hour, hb);
    if (hour > series.latestHour) {
      // A new hour: the hours before it are done being written (mostly), so their sketches freeze.
      for (const b of series.live) {
        const freed = freeze(b.latency);
        if (freed) series.spare = freed;
      }
      series.live = [];
      series.latestHour = hour;
      if (series.hours.size > KEEP_HOURS + 24) prune(series.hours, hour - KEEP_HOURS);
    }
  }
  series.cacheHour = hour;
  series.cacheHourBucket = hb;
  return hb;
}

function countMinute(series: Series, minute: number, ok: boolean): void {
  const slot = minute % KEEP_MINUTES;
  const held = series.ringMinute[slot]!;
  if (held > minute) return; // 6 hours older than what the slot holds: only the hourly figures keep it
  if (held !== minute) {
    series.ringMinute[slot] = minute;
    series.ringCalls[slot] = 0;
    series.ringFailures[slot] = 0;
    if (minute > series.latestMinute) series.latestMinute = minute;
  }
  series.ringCalls[slot]!++;
  if (!ok) series.ringFailures[slot]!++;
}

/** Calls and failures of one minute, if it is still kept. */
export function minuteAt(series: Series, minute: number): MinuteBucket | undefined {
  const slot = minute % KEEP_MINUTES;
  return series.ringMinute[slot] === minute ? { calls: series.ringCalls[slot]!, failures: series.ringFailures[slot]! } : undefined;
}

/** Deletes keys at or below `floor` (a full scan: the result must not depend on insertion order). */
function prune<V>(map: Map<number, V>, floor: number): void {
  for (const key of map.keys()) if (key <= floor) map.delete(key);
}

export interface SeriesJson {
  capability: string;
  lastEventId: string;
  hours: Record<string, { calls: number; failures: number; cpuMs: number; metered: number; tokens: number; costUsd: number; heapMaxBytes: number; latency: [number, number][] }>;
  minutes: Record<string, [number, number]>;
}

/** JSON form: every bucket held, so a restored series is the same as the live one. */
export function seriesJson(series: Series): SeriesJson {
  const hours: SeriesJson["hours"] = {};
  for (const [h, b] of series.hours) {
    hours[h] = { calls: b.calls, failures: b.failures, cpuMs: b.cpuMs, metered: b.metered, tokens: b.tokens, costUsd: b.costUsd, heapMaxBytes: b.heapMaxBytes, latency: sketchJson(b.latency) };
  }
  const minutes: SeriesJson["minutes"] = {};
  for (let slot = 0; slot < KEEP_MINUTES; slot++) {
    const m = series.ringMinute[slot]!;
    if (m >= 0) minutes[m] = [series.ringCalls[slot]!, series.ringFailures[slot]!];
  }
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
    const slot = m % KEEP_MINUTES;
    series.ringMinute[slot] = m;
    series.ringCalls[slot] = calls;
    series.ringFailures[slot] = failures;
    if (m > series.latestMinute) series.latestMinute = m;
  }
  return series;
}
