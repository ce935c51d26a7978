/**
 * Inputs with one item changed, to ask about where every item of every example answered alike
 * (every order paid and kept, every line no ERROR and none kept): a flag flipped, a text's first
 * letter re-cased or emptied, a word or number the description names put in, a number's sign
 * changed, an item repeated, a value seen elsewhere at that place. Ordered by what is likeliest to
 * turn the item's answer: to drop an item that every example keeps, or to keep one that every
 * example drops. Deterministic, same shapes as the examples.
 */
import { isObj } from "./probes.ts";
import type { Json } from "./types.ts";

export type ChangeKind = "flag" | "case" | "named" | "sign" | "empty" | "repeat" | "seen";

/** Kinds in the order asked when every example keeps every item: a change that could drop one. */
export const TO_DROP: readonly ChangeKind[] = ["flag", "named", "case", "sign", "empty", "seen", "repeat"];
/** Kinds in the order asked when every example keeps none: a change that could keep one. */
export const TO_KEEP: readonly ChangeKind[] = ["named", "flag", "repeat", "empty", "case", "sign", "seen"];

/** What the description names that the inputs never show: words in capitals or quotes, numbers. */
export interface Named {
  readonly words: readonly string[];
  readonly numbers: readonly number[];
}

/** One changed copy: of what kind, and (for an item of a list) at which index the list changed. */
export interface Changed {
  readonly kind: ChangeKind;
  readonly value: Json;
  readonly at?: number;
}

/** Values seen elsewhere at one place, tried for a leaf. */
const MAX_SEEN = 2;
/** Most changed inputs returned (a bound on the work of the doubt). */
const MAX_CHANGED = 200;

/**
 * Words in capitals ("ERROR", two letters or more) and quoted texts of the description, and its
 * numbers, that no input holds already: a log level, a tag, a threshold the examples never reach.
 */
export function namedValues(description: string, inputs: readonly Json[], numbers: readonly number[]): Named {
  const seen = JSON.stringify(inputs);
  const capitals = description.match(/\b[A-Z][A-Z0-9_]+\b/g) ?? [];
  const quoted = [...description.matchAll(/["“`]([^"”`]+)["”`]|(?:^|\s)'([^'\s][^']*?)'(?=[\s.,;:!?)]|$)/g)].map((m) => (m[1] ?? m[2]) as string);
  const words = [...new Set([...capitals, ...quoted])].filter((w) => !seen.includes(w));
  return { words, numbers: [...new Set(numbers)] };
}

type Pools = Map<string, Json[]>;

/** Every leaf value seen at each place (`.orders[].paid`), and every list seen at each place. */
function collect(v: Json, path: string, pools: Pools, lists: Map<string, Json[][]>): void {
  if (Array.isArray(v)) {
    lists.set(path, [...(lists.get(path) ?? []), v]);
    for (const e of v) collect(e, `${path}[]`, pools, lists);
  } else if (isObj(v)) for (const [k, e] of Object.entries(v)) collect(e, `${path}.${k}`, pools, lists);
  else {
    const list = pools.get(path) ?? [];
    if (!list.includes(v)) list.push(v);
    pools.set(path, list);
  }
}

/** One changed leaf value, with its kind. */
interface Leaf {
  readonly kind: ChangeKind;
  readonly value: Json;
}

/** The side of `n` that `x` is on: -1, 0 or 1. */
const side = (x: number, n: number): number => Math.sign(x - n);
const caseOf = (t: string): string => (t.charAt(0) === t.charAt(0).toLowerCase() ? (t.charAt(0) === t.charAt(0).toUpperCase() ? "none" : "lower") : "upper");

/**
 * The changes of one leaf that no example shows already at its place: a flag that is the same on
 * every item, texts that all start in one case, numbers all on one side of 0 or of a number the
 * description states, no empty text or zero. Once an answered item shows one (an order unpaid and
 * kept), it is no longer asked about, so the questions move on to another place or kind.
 */
function leafChanges(v: Json, pool: readonly Json[], named: Named): Leaf[] {
  const texts = pool.filter((p): p is string => typeof p === "string");
  const nums = pool.filter((p): p is number => typeof p === "number");
  const out: Leaf[] = [];
  if (typeof v === "boolean" && pool.every((p) => p === v)) out.push({ kind: "flag", value: !v });
  if (typeof v === "string") {
    // A word in capitals takes the place of the text's own word in capitals ("INFO start" gives
    // "ERROR start"); a quoted text stands for the whole text.
    for (const w of named.words) {
      if (!/^[A-Z][A-Z0-9_]+$/.test(w)) out.push({ kind: "named", value: w });
      else if (/\b[A-Z][A-Z0-9_]+\b/.test(v)) out.push({ kind: "named", value: v.replace(/\b[A-Z][A-Z0-9_]+\b/, w) });
    }
    // A text as long as the other side of a length the description states ("more than 3 letters": "ho").
    for (const n of named.numbers) {
      if (!Number.isInteger(n) || n < 1 || n > 40 || texts.some((t) => side(t.length, n) !== side(v.length, n))) continue;
      if (v.length > n && n > 1) out.push({ kind: "named", value: v.slice(0, n - 1) });
      if (v.length < n && v !== "") out.push({ kind: "named", value: v + v.charAt(v.length - 1).repeat(n + 1 - v.length) });
    }
    const cased = caseOf(v);
    if (cased !== "none" && texts.every((t) => caseOf(t) === cased || caseOf(t) === "none")) {
      out.push({ kind: "case", value: (cased === "upper" ? v.charAt(0).toLowerCase() : v.charAt(0).toUpperCase()) + v.slice(1) });
    }
    if (v !== "" && !texts.includes("")) out.push({ kind: "empty", value: "" });
  }
  if (typeof v === "number") {
    // The other side of each number the description states ("more than 100": 101 for 40).
    for (const n of named.numbers) if (n !== v && nums.every((x) => side(x, n) === side(v, n))) out.push({ kind: "named", value: v < n ? n + 1 : n - 1 });
    if (v !== 0 && nums.every((x) => Math.sign(x) === Math.sign(v))) out.push({ kind: "sign", value: -v });
    if (v !== 0 && !nums.includes(0)) out.push({ kind: "empty", value: 0 });
  }
  for (const value of pool.filter((p) => p !== v).slice(0, MAX_SEEN)) out.push({ kind: "seen", value });
  return out;
}

/** Every way to change one leaf of `v` (or repeat one item of a list in it), each with its kind. */
function variants(v: Json, path: string, pools: Pools, lists: Map<string, Json[][]>, named: Named): Changed[] {
  if (Array.isArray(v)) {
    const repeats = (lists.get(path) ?? []).some((l) => new Set(l.map((x) => JSON.stringify(x))).size < l.length);
    // The first item repeated right after itself, not at the end: a copy at the end is where a
    // program that cuts the list at its count of distinct items ("slice from the set's size") fits too.
    const out: Changed[] = v.length > 0 && !repeats ? [{ kind: "repeat", value: [v[0] as Json, ...v], at: 0 }] : [];
    // The first item and the last: a long list would otherwise give a copy per item.
    for (const i of new Set([0, v.length - 1].filter((i) => i >= 0))) {
      for (const c of variants(v[i] as Json, `${path}[]`, pools, lists, named)) out.push({ kind: c.kind, value: v.map((x, j) => (j === i ? c.value : x)), at: i });
    }
    return out;
  }
  if (isObj(v)) return Object.entries(v).flatMap(([k, e]) => variants(e, `${path}.${k}`, pools, lists, named).map((c) => ({ kind: c.kind, value: { ...v, [k]: c.value } })));
  return leafChanges(v, pools.get(path) ?? [], named);
}

/**
 * The inputs changed in one place, each example in turn, ordered by `kinds`; none that is an
 * example's own input. `within`: the path of the list whose items are changed (every place when
 * absent).
 */
export function changedItems(inputs: readonly Json[], named: Named, kinds: readonly ChangeKind[], within?: readonly string[]): Changed[] {
  const pools: Pools = new Map();
  const lists = new Map<string, Json[][]>();
  for (const i of inputs) collect(i, "", pools, lists);
  const own = new Set(inputs.map((i) => JSON.stringify(i)));
  const all: Changed[] = [];
  for (const input of inputs) {
    if (within === undefined) {
      all.push(...variants(input, "", pools, lists, named));
      continue;
    }
    const list = at(input, within);
    if (!Array.isArray(list)) continue;
    const place = within.map((k) => `.${k}`).join("");
    for (const c of variants(list, place, pools, lists, named)) all.push({ ...c, value: put(input, within, c.value) });
  }
  const seen = new Set<string>();
  const rank = (c: Changed): number => kinds.indexOf(c.kind);
  return all
    .filter((c) => rank(c) >= 0)
    .map((c, i) => [rank(c), i, c] as const)
    .sort((x, y) => x[0] - y[0] || x[1] - y[1])
    .map(([, , c]) => c)
    .filter((c) => {
      const k = JSON.stringify(c.value);
      if (own.has(k) || seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .slice(0, MAX_CHANGED);
}

/** The value at `path` of `v` (object keys only), or undefined. */
export function at(v: Json, path: readonly string[]): Json | undefined {
  let x: Json | undefined = v;
  for (const k of path) x = isObj(x as Json) ? (x as Record<string, Json>)[k] : undefined;
  return x;
}

function put(v: Json, path: readonly string[], value: Json): Json {
  if (path.length === 0) return value;
  const [k, ...rest] = path as [string, ...string[]];
  const o = v as Record<string, Json>;
  return { ...o, [k]: put(o[k] as Json, rest, value) };
}
