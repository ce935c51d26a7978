/**
 * Sorting, solved top-down: when each target is an input array's elements (or a field of each) in
 * some order, the order is looked for directly among small keys over the elements (`x.qty * x.price`)
 * instead of waiting for bottom-up search to reach `map(sort(items, key), name)`. Every key that
 * orders every example right is kept: they are the competing readings the ambiguity check tells apart.
 *
 * A **tie-break order** (round 11: "by aisle, and alphabetically within an aisle", "by season, then
 * by episode") is two keys: where a first key puts every example's elements in the right runs but
 * orders some run of equal keys otherwise than the target, a second key is looked for that orders
 * those runs. It is written as two stable sorts, the second key's first
 * (`sort(sort(items, name), aisle)`), which is what sorting by the pair means.
 */
import { jsonEqual } from "../../spec/index.ts";
import type { LambdaSource } from "./bank.ts";
import type { Budget } from "./budget.ts";
import { OPS_BY_NAME } from "./op-table.ts";
import type { Found } from "./search.ts";
import { NUMBER_TEXT_OPS } from "./ops.ts";
import type { Entry, Expr, Json } from "./types.ts";

const MAX_KEY = 3;
const MAX_PROJECTION = 2;

function valueOf(src: LambdaSource, body: Entry, r: number, el: Json): Json | undefined {
  const i = src.lookup[r]?.get(el);
  return i === undefined ? undefined : (body.vals[i] as Json);
}

function keysOf(src: LambdaSource, key: Entry, r: number, arr: readonly Json[]): (number | string)[] | undefined {
  const keys = arr.map((el) => valueOf(src, key, r, el));
  const kind = typeof keys[0];
  if (keys.some((k) => k === undefined || (typeof k !== "number" && typeof k !== "string") || typeof k !== kind)) return undefined;
  return keys as (number | string)[];
}

const compare = (p: number | string, q: number | string, desc: boolean): number => {
  const [a, b] = desc ? [q, p] : [p, q];
  return a < b ? -1 : a > b ? 1 : 0;
};

/** Stable sort by `key`, ties broken by `then` when given (the emitted `sort(sort(arr, then), key)`). */
function sortedBy(src: LambdaSource, key: Entry, r: number, arr: readonly Json[], desc: boolean, then?: { key: Entry; desc: boolean }): Json[] | undefined {
  const keys = keysOf(src, key, r, arr);
  const second = then ? keysOf(src, then.key, r, arr) : undefined;
  if (!keys || (then && !second)) return undefined;
  const idx = arr.map((_, i) => i);
  idx.sort((i, j) => compare(keys[i] as number, keys[j] as number, desc) || (second ? compare(second[i] as number, second[j] as number, then?.desc ?? false) : 0));
  return idx.map((i) => arr[i] as Json);
}

/**
 * Whether ordering `sorted` (by a first key, `keys` its keys in that order) within its runs of
 * equal keys could give `target` under projection `p`: each run holds the target's elements at
 * the run's places, and some run is out of order (else the first key alone fits or not at all).
 */
function runsHold(src: LambdaSource, p: Entry | undefined, r: number, sorted: readonly Json[], keys: readonly (number | string)[], target: readonly Json[]): "fits" | "runs" | "no" {
  if (sorted.length !== target.length) return "no";
  const show = (el: Json): string => JSON.stringify(p ? (valueOf(src, p, r, el) ?? null) : el);
  let outOfOrder = false;
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && keys[j] === keys[i]) j++;
    const have = sorted.slice(i, j).map(show);
    const want = target.slice(i, j).map((t) => JSON.stringify(t));
    if (have.some((h, n) => h !== want[n])) {
      if (j - i === 1 || [...have].sort().join("\u0000") !== [...want].sort().join("\u0000")) return "no";
      outOfOrder = true;
    }
    i = j;
  }
  return outOfOrder ? "runs" : "fits";
}

/** Largest array (an input's, or one filtered from it: "those below the pass mark, lowest first") sorted top-down. */
export const MAX_SORTED_ARRAY = 5;

/** Programs `map(sort(arr, key), projection)` (or the sort alone) that give every target, `arr` one of `arrays`. */
export function sortFits(arrays: readonly Entry[], sources: ReadonlyMap<string, LambdaSource>, targets: readonly Json[], budget: Budget): Found[] {
  if (!targets.every((t) => Array.isArray(t))) return [];
  const out: Found[] = [];
  for (const arr of arrays) {
    const src = arr.src ? sources.get(arr.src) : undefined;
    if (!src || arr.kind !== "arr" || arr.size > MAX_SORTED_ARRAY) continue;
    const rows = arr.vals as Json[][];
    // The whole array in order, or its first k ("the three most expensive").
    const lengths = targets.map((t) => (t as Json[]).length);
    const k = Math.max(...lengths);
    const whole = rows.every((a, r) => a.length === lengths[r]);
    const top = !whole && k > 0 && rows.every((a, r) => Math.min(a.length, k) === lengths[r]);
    // Orders only tell programs apart when some example has two elements or more.
    if ((!whole && !top) || !rows.some((a) => a.length > 1)) continue;
    src.bank.growTo(MAX_KEY);
    const bodies = (size: number, kinds: readonly string[]): Entry[] => (src.bank.levels[size] ?? []).filter((b) => kinds.includes(b.kind) && !b.isConst && !b.threshold);
    const projections: (Entry | undefined)[] = [undefined];
    for (let s = 1; s <= MAX_PROJECTION; s++) projections.push(...bodies(s, ["str", "num", "bool", "obj"]));
    // Text made of a number or of a list joined compares by its first character or piece, an
    // order of the examples by accident ("" < "build" < "test" for the tasks each waits on): no key.
    const keys: Entry[] = [];
    for (let ks = 1; ks <= MAX_KEY; ks++) keys.push(...bodies(ks, ["num", "str"]).filter((b) => !(b.expr.k === "op" && (NUMBER_TEXT_OPS.includes(b.expr.op) || b.expr.op === "join"))));
    const emit = (key: Entry, desc: boolean, p: Entry | undefined, then?: { key: Entry; desc: boolean }): void => {
      // As the bank sizes a lambda; a tie-break is a stable sort by the second key inside.
      const inner: { expr: Expr; size: number } = then ? { expr: { k: "lam", op: then.desc ? "sortDesc" : "sortAsc", arr: arr.expr, body: then.key.expr }, size: 1 + arr.size + then.key.size } : { expr: arr.expr, size: arr.size };
      const sort: Expr = { k: "lam", op: desc ? "sortDesc" : "sortAsc", arr: inner.expr, body: key.expr };
      const sortSize = 1 + inner.size + key.size;
      const found: Found = p ? { expr: { k: "lam", op: "map", arr: sort, body: p.expr }, size: sortSize + 1 + p.size } : { expr: sort, size: sortSize };
      out.push(whole ? found : { expr: { k: "op", op: "sliceTo", args: [found.expr, { k: "const", value: k }] }, size: found.size + 2 });
    };
    // Each sort is work of the budget's, its elements, and so is each projection of it compared.
    const elements = rows.reduce((n, a) => n + a.length, 0);
    for (const key of keys) {
      for (const desc of [false, true]) {
        budget.charge(elements, "sortElement");
        const sorted = rows.map((a, r) => sortedBy(src, key, r, a, desc));
        if (sorted.some((s) => s === undefined)) continue;
        for (const p of projections) {
          budget.charge(elements, "sortElement");
          const fits = (sorted as Json[][]).every((s, r) => jsonEqual((p ? s.map((el) => valueOf(src, p, r, el) ?? null) : s).slice(0, whole ? undefined : k), targets[r]));
          if (fits) {
            emit(key, desc, p);
            continue;
          }
          // A tie-break: the first key makes the right runs, some run is out of order.
          if (!whole) continue;
          const held = (sorted as Json[][]).map((s, r) => runsHold(src, p, r, s, keysOf(src, key, r, rows[r] as Json[])?.slice().sort((a, b) => compare(a, b, desc)) ?? [], targets[r] as Json[]));
          if (held.includes("no") || !held.includes("runs")) continue;
          for (const second of keys) {
            if (second === key) continue;
            for (const desc2 of [false, true]) {
              budget.charge(elements, "sortElement");
              const then = { key: second, desc: desc2 };
              const both = rows.map((a, r) => sortedBy(src, key, r, a, desc, then));
              if (both.every((s, r) => s !== undefined && jsonEqual(p ? s.map((el) => valueOf(src, p, r, el) ?? null) : s, targets[r]))) emit(key, desc, p, then);
            }
          }
        }
      }
    }
    // Texts in natural order ("S1E2" before "S1E10"): the plain order's rival where numbers sit inside text,
    // after it, so that where nothing speaks for either the plain order is taken and the other asked about.
    const natural = OPS_BY_NAME.get("sortNatural");
    if (natural?.accepts(arr, arr) && whole) {
      const sorted = rows.map((a) => natural.apply(a, null));
      if (sorted.every((s, r) => jsonEqual(s as Json, targets[r]))) out.push({ expr: { k: "op", op: "sortNatural", args: [arr.expr] }, size: arr.size + (natural.cost ?? 1) });
    }
  }
  return out;
}
