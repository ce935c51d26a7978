/**
 * Round 19a: fields read only where their value cannot matter. A sort (or a reversal) whose result
 * is only counted, summed or searched changes nothing, so the fields its key reads are not read at
 * all: `[...bookings].sort(by start).length` reads the number of bookings, not their times. The
 * checks that ask about a field the description names and the program never reads
 * (unread-fields.ts) look at the program with such orderings taken out; it gives the same answers.
 */
import type { Expr } from "./types.ts";

/** Ops whose answer is the same whatever the order of the array they take first. */
const BLIND_OPS = new Set(["len", "sum", "max", "min", "mean", "median"]);
/** Lambda ops whose answer is the same whatever the order of their array. */
const BLIND_LAMBDAS = new Set(["count", "some", "every"]);

/** `arr` without the orderings at its top: sorts and reversals. */
function unordered(arr: Expr): Expr {
  if (arr.k === "lam" && (arr.op === "sortAsc" || arr.op === "sortDesc")) return unordered(arr.arr);
  if (arr.k === "op" && (arr.op === "reverse" || arr.op === "sortNatural") && arr.args[0]) return unordered(arr.args[0]);
  return arr;
}

/** `e` with every ordering taken out where only an order-blind op reads it: the same answers, fewer fields read. */
export function withoutBlindSorts(e: Expr): Expr {
  switch (e.k) {
    case "op": {
      const args = e.args.map(withoutBlindSorts);
      const first = args[0];
      return { ...e, args: BLIND_OPS.has(e.op) && first ? [unordered(first), ...args.slice(1)] : args };
    }
    case "lam": {
      const arr = withoutBlindSorts(e.arr);
      return { ...e, arr: BLIND_LAMBDAS.has(e.op) ? unordered(arr) : arr, body: withoutBlindSorts(e.body), ...(e.body2 ? { body2: withoutBlindSorts(e.body2) } : {}) };
    }
    case "get":
      return { ...e, obj: withoutBlindSorts(e.obj) };
    case "if":
      return { ...e, cond: withoutBlindSorts(e.cond), then: withoutBlindSorts(e.then), else: withoutBlindSorts(e.else) };
    case "obj":
      return { ...e, fields: e.fields.map(([k, v]) => [k, withoutBlindSorts(v)] as const) };
    default:
      return e;
  }
}
