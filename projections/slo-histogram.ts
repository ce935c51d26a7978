/**
 * Latency sketches: an HDR histogram (hdr-histogram-js) while its hour is being written, frozen to
 * sparse (value, count) pairs once the hour is past, so a month of hourly buckets stays small. Both
 * forms merge into one histogram for a window's percentiles, and both snapshot to the same pairs, so
 * a state hash does not depend on which form a bucket happens to be in.
 */
import { createRequire } from "node:module";
import type { JsHistogram } from "hdr-histogram-js";
import type * as Hdr from "hdr-histogram-js";

// Required on first use, not imported: most commands never record a latency, and the library is a
// tenth of `capsmith --help`'s start-up.
const require = createRequire(import.meta.url);
let hdr: typeof Hdr | undefined;

/** Latencies are recorded in microseconds; two significant digits (1% value error) is plenty. */
const DIGITS = 2;

export interface LatencySketch {
  live: JsHistogram | null;
  /** Frozen form: lowest equivalent value (µs) of each non-empty HDR bucket, and its count. */
  values: number[];
  counts: number[];
}

export function newHistogram(): JsHistogram {
  hdr ??= require("hdr-histogram-js") as typeof Hdr;
  return hdr.build({ numberOfSignificantValueDigits: DIGITS }) as unknown as JsHistogram;
}

export function emptySketch(): LatencySketch {
  return { live: null, values: [], counts: [] };
}

/** Makes a frozen sketch live again in `into` (an empty histogram), for more recording. */
export function thaw(sketch: LatencySketch, into: JsHistogram): void {
  addTo(into, sketch);
  sketch.live = into;
  sketch.values = [];
  sketch.counts = [];
}

/** Turns a live sketch into pairs; returns its histogram, reset, for reuse. */
export function freeze(sketch: LatencySketch): JsHistogram | undefined {
  const live = sketch.live;
  if (!live) return undefined;
  const [values, counts] = pairsOf(live);
  sketch.values = values;
  sketch.counts = counts;
  sketch.live = null;
  live.reset();
  return live;
}

/** Adds a sketch's counts into a histogram (a window's merge). */
export function addTo(target: JsHistogram, sketch: LatencySketch): void {
  if (sketch.live) {
    target.add(sketch.live);
    return;
  }
  for (let i = 0; i < sketch.values.length; i++) target.recordValueWithCount(sketch.values[i]!, sketch.counts[i]!);
}

/** JSON form: `[[valueMicros, count], ...]` in value order. */
export function sketchJson(sketch: LatencySketch): [number, number][] {
  const [values, counts] = sketch.live ? pairsOf(sketch.live) : [sketch.values, sketch.counts];
  return values.map((v, i) => [v, counts[i]!]);
}

export function sketchFromJson(pairs: readonly (readonly [number, number])[]): LatencySketch {
  return { live: null, values: pairs.map((p) => p[0]), counts: pairs.map((p) => p[1]) };
}

function pairsOf(h: JsHistogram): [number[], number[]] {
  const values: number[] = [];
  const counts: number[] = [];
  if (h.totalCount === 0) return [values, counts];
  const last = h.countsArrayIndex(h.maxValue);
  for (let i = 0; i <= last; i++) {
    const c = h.getCountAtIndex(i);
    if (c > 0) {
      values.push(h.valueFromIndex(i));
      counts.push(c);
    }
  }
  return [values, counts];
}

/** Percentile in ms (HDR's highest equivalent value), or null for an empty histogram. */
export function percentileMs(h: JsHistogram, p: number): number | null {
  return h.totalCount === 0 ? null : round3(h.getValueAtPercentile(p) / 1000);
}

/** Share of recorded values at or under `ms` (within the histogram's 1% resolution). */
export function shareAtOrUnder(h: JsHistogram, ms: number): number | null {
  if (h.totalCount === 0) return null;
  const limit = Math.min(h.countsArrayIndex(Math.round(ms * 1000)), h.countsArrayLength - 1);
  let under = 0;
  for (let i = 0; i <= limit; i++) under += h.getCountAtIndex(i);
  return under / h.totalCount;
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
