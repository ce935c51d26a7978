/**
 * Plausible inputs the examples did not show, to tell apart programs that all fit the examples:
 * each example input changed in one place (a number or string swapped for one seen at the same
 * place in another example or nudged, a flag flipped, an array reversed, shortened, with an
 * element repeated or with another example's elements), then a few mixes. Same shapes, same value
 * pools: what a person could have typed. Deterministic.
 */
import type { Json } from "./types.ts";

type Pools = Map<string, Json[]>;

const MAX_PROBES = 400;
/** Elements of one array changed one at a time (the first ones and the last). */
const MAX_VARIED = 6;
/** Values seen elsewhere at the same place tried for one leaf (spread over them). */
const MAX_FROM_POOL = 8;

/** `n` of `items`, spread evenly over them (each example and each place gets its turn). */
export function spread<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)] as T);
}

export function isObj(v: Json): v is Record<string, Json> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** `labels`: the places where some text recurs (a status "open" twice): a closed set of labels. */
function collect(v: Json, path: string, pools: Pools, labels?: Set<string>): void {
  if (Array.isArray(v)) for (const e of v) collect(e, `${path}[]`, pools, labels);
  else if (isObj(v)) for (const [k, e] of Object.entries(v)) collect(e, `${path}.${k}`, pools, labels);
  else {
    const list = pools.get(path) ?? [];
    if (!list.some((x) => x === v)) list.push(v);
    else if (typeof v === "string") labels?.add(path);
    pools.set(path, list);
  }
}

/**
 * Every way to change one leaf of `v`, in order, each as a function that builds the changed copy:
 * lazy, so that a record of thousands of fields is copied only for the changes taken (copying it
 * for every change of every field ran out of heap: attack-work-clock, stop 49).
 */
function* leafChanges(v: Json, path: string, pools: Pools, arrays: Map<string, Json[][]>, labels: ReadonlySet<string>): Generator<() => Json> {
  if (Array.isArray(v)) {
    if (v.length > 1) {
      yield () => [...v].reverse();
      yield () => v.slice(1);
      yield () => v.slice(0, -1);
      yield () => [v[1] as Json, v[0] as Json, ...v.slice(2)];
    }
    if (v.length > 0) {
      yield () => [...v, v[0] as Json];
      yield () => [v[0] as Json];
    }
    yield () => [];
    for (const other of arrays.get(path) ?? []) if (other !== v && other.length > 0) yield () => [...v, ...other];
    // A few elements are changed one at a time, the first ones and the last: a long array (an
    // example with thousands of rows) would otherwise give thousands of copies of itself.
    for (const [i, e] of v.entries()) {
      if (i >= MAX_VARIED && i !== v.length - 1) continue;
      for (const changed of leafChanges(e, `${path}[]`, pools, arrays, labels)) yield () => v.map((x, j) => (j === i ? changed() : x));
    }
    return;
  }
  if (isObj(v)) {
    for (const [k, e] of Object.entries(v)) for (const changed of leafChanges(e, `${path}.${k}`, pools, arrays, labels)) yield () => ({ ...v, [k]: changed() });
    return;
  }
  for (const x of leafValues(v, path, pools, labels)) yield () => x;
}

/** The values a leaf `v` at `path` may be changed to. */
function leafValues(v: Json, path: string, pools: Pools, labels: ReadonlySet<string>): Json[] {
  const pool = pools.get(path) ?? [];
  const out: Json[] = spread(pool.filter((p) => p !== v), MAX_FROM_POOL);
  if (typeof v === "boolean") out.push(!v);
  // A label is varied only by the other labels seen there: "opennn" is no status anyone types.
  if (typeof v === "string" && !labels.has(path)) out.push(...stringVariants(v, pool));
  if (typeof v === "number") {
    const ints = pool.every((p) => typeof p !== "number" || Number.isInteger(p));
    const nonNeg = pool.every((p) => typeof p !== "number" || p >= 0);
    for (const n of [v + 1, v - 1, v * 2, Math.round(v / 2), v + 0.5, 0, v * 10 + 3]) {
      if ((ints && !Number.isInteger(n)) || (nonNeg && n < 0) || n === v) continue;
      out.push(n);
    }
  }
  return out;
}

/**
 * Text a person could have typed instead: one more word (a word of another example's text, or of
 * its own, put between its first two or at the end; in free text only, not in formats) and a
 * longer first word. Programs that fit by the examples' token counts or lengths disagree here.
 */
function stringVariants(v: string, pool: readonly Json[]): string[] {
  const out: string[] = [];
  const m = /^([^A-Za-z0-9]*)([A-Za-z0-9]+)([^A-Za-z0-9]+)([A-Za-z0-9][\s\S]*)$/.exec(v);
  const other = pool.find((p): p is string => typeof p === "string" && p !== v && /[A-Za-z0-9]/.test(p));
  const extra = (other?.match(/[A-Za-z0-9]+/) ?? [])[0] ?? (v.match(/[A-Za-z0-9]+/) ?? [])[0];
  // Token counts change in free text (words between spaces), not in formats (dates, codes, URLs).
  if (m && /\s/.test(m[3] as string)) {
    const [, pre, first, sep, rest] = m as unknown as [string, string, string, string, string];
    if (extra !== undefined) out.push(`${pre}${first}${sep}${extra}${sep}${rest}`);
  }
  if (extra !== undefined && /\s/.test(v)) out.push(`${v} ${extra}`);
  // Words joined by one punctuation mark (a file name "report.pdf", "snake_case"): one more word
  // there too ("report.notes.pdf"), not in numbers such as dates or codes.
  const joined = /^([A-Za-z]+)([._\-/,;:])([A-Za-z][\s\S]*)$/.exec(v);
  if (joined && extra !== undefined && /^[A-Za-z]+$/.test(extra)) out.push(`${joined[1]}${joined[2]}${extra}${joined[2]}${joined[3]}`);
  // A longer word (not a longer number: "01:30" has two digits by its format).
  const tok = /[A-Za-z]+/.exec(v);
  if (tok) out.push(v.slice(0, tok.index + tok[0].length) + tok[0].slice(-1).repeat(2) + v.slice(tok.index + tok[0].length));
  out.push(...numberInTextVariants(v, pool));
  return out.filter((x) => x !== v);
}

/** Digit runs of a text changed, at most this many runs per text. */
const MAX_NUMBERS_IN_TEXT = 3;

/**
 * The text with one of its numbers one more or one less, as wide as it was and within the range
 * the examples show at that place ("2024-02-10", with months 2 to 12 seen, gives "2024-03-10" and
 * "2024-01-10" is not asked): a program that reads the month out of a date by a coincidence of the
 * examples' months (`1 + month / 4` for the quarter) disagrees with the right one there, and no
 * question is about a 13th month.
 */
function numberInTextVariants(v: string, pool: readonly Json[]): string[] {
  const runs = (t: string): number[] => [...t.matchAll(/[0-9]+/g)].map((m) => Number(m[0]));
  const seen = pool.filter((p): p is string => typeof p === "string").map(runs);
  const out: string[] = [];
  for (const [i, m] of [...v.matchAll(/[0-9]+/g)].slice(0, MAX_NUMBERS_IN_TEXT).entries()) {
    const n = Number(m[0]);
    const here = seen.map((r) => r[i]).filter((x): x is number => x !== undefined);
    for (const x of [n + 1, n - 1]) {
      const digits = m[0].startsWith("0") ? String(x).padStart(m[0].length, "0") : String(x);
      if (x < Math.min(...here) || x > Math.max(...here)) continue;
      // Same width (a format keeps its widths), and no all-zero field ("00" is no month or day).
      if (x < 0 || digits.length !== m[0].length || (m[0].length > 1 && /^0+$/.test(digits))) continue;
      out.push(v.slice(0, m.index) + digits + v.slice(m.index + m[0].length));
    }
  }
  return out;
}

/** Every input with one numeric leaf set at or next to `c`: where a threshold or a boundary shows. */
export function boundaryProbes(inputs: readonly Json[], constants: readonly number[]): Json[] {
  const pools: Pools = new Map();
  for (const i of inputs) collect(i, "", pools);
  const out: Json[] = [];
  const visit = (v: Json, path: string, set: (x: Json) => Json): void => {
    // Past MAX_PROBES nothing more is kept: a record of thousands of numbers is not copied for each.
    if (out.length >= MAX_PROBES) return;
    if (typeof v === "number") {
      // Same kind of number as was seen there: whole when every example's is, not negative when none is.
      const pool = (pools.get(path) ?? []).filter((p): p is number => typeof p === "number");
      const ints = pool.every((p) => Number.isInteger(p));
      const nonNeg = pool.every((p) => p >= 0);
      for (const c of constants) {
        for (const n of Number.isInteger(c) ? [c, c - 1, c + 1] : [c, c - 0.5, c + 0.5]) {
          if (n === v || (ints && !Number.isInteger(n)) || (nonNeg && n < 0)) continue;
          out.push(set(n));
        }
      }
    } else if (Array.isArray(v)) v.forEach((e, i) => visit(e, `${path}[]`, (x) => set(v.map((y, j) => (j === i ? x : y)))));
    else if (isObj(v)) for (const [k, e] of Object.entries(v)) visit(e, `${path}.${k}`, (x) => set({ ...v, [k]: x }));
  };
  for (const i of inputs) visit(i, "", (x) => x);
  return out.slice(0, MAX_PROBES);
}

function arraysByPath(v: Json, path: string, out: Map<string, Json[][]>): void {
  if (Array.isArray(v)) {
    out.set(path, [...(out.get(path) ?? []), v]);
    for (const e of v) arraysByPath(e, `${path}[]`, out);
  } else if (isObj(v)) for (const [k, e] of Object.entries(v)) arraysByPath(e, `${path}.${k}`, out);
}

function key(v: Json): string {
  return JSON.stringify(v);
}

export function probeInputs(inputs: readonly Json[]): Json[] {
  const pools: Pools = new Map();
  const arrays = new Map<string, Json[][]>();
  const labels = new Set<string>();
  for (const i of inputs) {
    collect(i, "", pools, labels);
    arraysByPath(i, "", arrays);
  }
  const seen = new Set(inputs.map(key));
  const out: Json[] = [];
  const add = (v: Json): void => {
    const k = key(v);
    if (seen.has(k) || out.length >= MAX_PROBES) return;
    seen.add(k);
    out.push(v);
  };
  for (const i of inputs) {
    for (const make of leafChanges(i, "", pools, arrays, labels)) {
      if (out.length >= MAX_PROBES) return out;
      add(make());
    }
  }
  // Two changes at once, from the first round: catches programs that agree on every single change.
  const first = out.slice(0, 60);
  for (const v of first) {
    const more = [...leafChanges(v, "", pools, arrays, labels)];
    for (let k = 0; k < more.length; k += Math.max(1, Math.floor(more.length / 3))) add((more[k] as () => Json)());
  }
  return out;
}

/**
 * Inputs that take every other field from a second example (objects with the same fields only):
 * many fields changed at once, with values a person typed, so a program that fits only because
 * the examples' fields happened to go together answers them otherwise than the right one.
 */
export function crossedInputs(inputs: readonly Json[]): Json[] {
  const objects = inputs.filter(isObj);
  const out: Json[] = [];
  for (const a of objects) {
    const keys = Object.keys(a);
    for (const b of objects) {
      const same = Object.keys(b).length === keys.length && keys.every((k) => k in b);
      if (a === b || keys.length < 2 || !same) continue;
      out.push(Object.fromEntries(keys.map((k, i) => [k, (i % 2 === 0 ? a[k] : b[k]) as Json])));
    }
  }
  return out.slice(0, MAX_PROBES);
}
