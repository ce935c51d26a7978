/**
 * Round 18a: readings that part only where there are no steps at all. "Every step between
 * neighbours is the same" is written as "one distinct step" (`len(distinct(steps)) === 1`) as
 * readily as "at most one distinct step" (`<= 1`): alike wherever the steps counted are not none,
 * which is every example a person gives of a non-trivial case, and apart on a list of one number
 * or none (no steps), the case a description settles ("fewer than three always count") and no
 * example shows. So a count of the steps between neighbours (pairs or windows of a list) compared
 * equal to 1 has the count at most 1 as a rival reading; the edge inputs of a predicate
 * (edge-probes.ts: an empty list, a list of one) are where they part. A count over the list's own
 * elements is not doubted so ("all in the same currency" asked about no payments at all is a
 * question about an empty input, not about the reading: readings.test's `single_currency`).
 */
import { walk } from "./rank.ts";
import { everywhere } from "./rival-readings.ts";
import type { Expr } from "./types.ts";

const STEPS = new Set(["pairs", "windows"]);
const isOne = (e: Expr | undefined): boolean => e?.k === "const" && e.value === 1;
const isCount = (e: Expr | undefined): boolean => {
  if (e?.k !== "op" || e.op !== "len") return false;
  let steps = false;
  walk(e, (n) => (steps ||= n.k === "op" && STEPS.has(n.op)));
  return steps;
};

/** Each `len(X) === 1` of `e` over steps between neighbours (one at a time) read as `len(X) <= 1`. */
export function atMostOneTwins(e: Expr): Expr[] {
  return everywhere(e, (n) => {
    if (n.k !== "op" || n.op !== "eq") return [];
    const [a, b] = n.args;
    if (isCount(a) && isOne(b)) return [{ k: "op", op: "le", args: [a as Expr, b as Expr] }];
    if (isOne(a) && isCount(b)) return [{ k: "op", op: "le", args: [b as Expr, a as Expr] }];
    return [];
  });
}
