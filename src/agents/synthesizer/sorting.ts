/**
 * Sorting, solved top-down: when each target is an input array's elements (or a field of each) in
 * some order, the order is looked for directly among small keys over the elements (`x.qty * x.price`)
 * instead of waiting for bottom-up search to reach `map(sort(items, key), name)`. Every key that
 * orders every example right is kept: they are the competing readings the ambiguity check tells apart.
 */
import { jsonEqual } from "../../spec/index.ts";
import type { LambdaSource } from "./bank.ts";
import type { Found } from "./search.ts";
import type { Entry, Expr, Json } from "./types.ts";

const MAX_KEY = 3;
const MAX_PROJECTION = 2;

function valueOf(src: LambdaSource, body: Entry, r: number, el: Json): Json | undefined {
  const i = src.lookup[r]?.get(el);
  return i === undefined ? undefined : (body.vals[i] as Json);
}

function sortedBy(src: LambdaSource, key: Entry, r: number, arr: readonly Json[], desc: boolean): Json[] | undefined {
  const keys = arr.map((el) => valueOf(src, key, r, el));
  const kind = typeof keys[0];
  if (keys.some((k) => k === undefined || (typeof k !== "number" && typeof k !== "string") || typeof k !== kind)) return undefined;
  const idx = arr.map((_, i) => i);
  idx.sort((i, j) => {
    const [p, q] = desc ? [keys[j], keys[i]] : [keys[i], keys[j]];
    return (p as number) < (q as number) ? -1 : (p as number) > (q as number) ? 1 : 0;
  });
  return idx.map((i) => arr[i] as Json);
}

/** Programs `map(sort(arr, key), projection)` (or the sort alone) that give every target. */
export function sortFits(terminals: readonly Entry[], sources: ReadonlyMap<string, LambdaSource>, targets: readonly Json[]): Found[] {
  if (!targets.every((t) => Array.isArray(t))) return [];
  const out: Found[] = [];
  for (const arr of terminals) {
    const src = arr.src ? sources.get(arr.src) : undefined;
    if (!src || arr.kind !== "arr" || arr.size !== 1) continue;
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
    for (let ks = 1; ks <= MAX_KEY; ks++) {
      for (const key of bodies(ks, ["num", "str"])) {
        for (const desc of [false, true]) {
          const sorted = rows.map((a, r) => sortedBy(src, key, r, a, desc));
          if (sorted.some((s) => s === undefined)) continue;
          for (const p of projections) {
            const fits = (sorted as Json[][]).every((s, r) => jsonEqual((p ? s.map((el) => valueOf(src, p, r, el) ?? null) : s).slice(0, whole ? undefined : k), targets[r]));
            if (!fits) continue;
            const sort: Expr = { k: "lam", op: desc ? "sortDesc" : "sortAsc", arr: arr.expr, body: key.expr };
            const sortSize = 1 + arr.size + key.size; // as the bank sizes a lambda
            const found: Found = p ? { expr: { k: "lam", op: "map", arr: sort, body: p.expr }, size: sortSize + 1 + p.size } : { expr: sort, size: sortSize };
            out.push(whole ? found : { expr: { k: "op", op: "sliceTo", args: [found.expr, { k: "const", value: k }] }, size: found.size + 2 });
          }
        }
      }
    }
  }
  return out;
}
