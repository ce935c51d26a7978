/**
 * Windows over an input array (round 15): the pairs of consecutive elements (`{ prev, cur }`) and
 * the runs of k consecutive elements, each an array the search's lambdas range over like an input
 * array (contexts.ts sources). "The change from each reading to the next", "the distance from
 * point to point" or "a 3-day moving average" is a map, a filter or a sum over such a window; over
 * the input's own elements no lambda reaches them. Pairs are built where the description speaks
 * of consecutive elements or of change between them, windows of k where it speaks of a moving
 * (rolling, sliding) window and states k: built for every array of every spec, a lambda over pairs
 * fits two examples by accident more often than it is meant. The words say such a window exists
 * in the task, never which program over it: the examples decide.
 */
import { code, method } from "./code.ts";
import type { Code } from "./code.ts";
import { FAIL } from "./ops.ts";
import type { OpDef } from "./ops.ts";
import type { Json } from "./types.ts";

const PAIR_WORDS = /\b(consecutive|successive|adjacent|neighbou?ring|next|previous|preceding|prior|before it|one before|changes?|changed|differences?|increases?|decreases?|rises?|drops?|jumps?|gaps?|steps?|moving|rolling|running|in a row|streaks?|runs?)\b/i;
const WINDOW_WORDS = /\b(moving|rolling|sliding|trailing|window)\b/i;
const NUMBER_WORDS: Readonly<Record<string, number>> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };
/** Largest window size read from the description. */
const MAX_WINDOW = 12;

/** `[a, b, c]` → `[{ prev: a, cur: b }, { prev: b, cur: c }]`. */
export function pairsOf(arr: readonly Json[]): Json[] {
  const out: Json[] = [];
  for (let i = 1; i < arr.length; i++) out.push({ prev: arr[i - 1] as Json, cur: arr[i] as Json });
  return out;
}

/** The runs of `k` consecutive elements, each ending at one element from the k-th on. */
export function windowsOf(arr: readonly Json[], k: number): Json[] {
  const out: Json[] = [];
  for (let i = k - 1; i < arr.length; i++) out.push(arr.slice(i - k + 1, i + 1));
  return out;
}

/** Never built by the bank's enumeration: a window is a source's terminal (contexts.ts). */
const never = (): boolean => false;

export const PAIRS: OpDef = {
  name: "pairs",
  arity: 1,
  accepts: never,
  apply: (a) => (Array.isArray(a) ? pairsOf(a) : FAIL),
  emit: ([a]) => method(a as Code, "flatMap", code("(cur, i, all) => (i > 0 ? [{ prev: all[i - 1], cur }] : [])")),
};

export const WINDOWS: OpDef = {
  name: "windows",
  arity: 2,
  accepts: never,
  apply: (a, k) => (Array.isArray(a) && typeof k === "number" && Number.isInteger(k) && k >= 1 ? windowsOf(a, k) : FAIL),
  emit: ([a, k]) => {
    const n = (k as Code).text;
    return method(a as Code, "flatMap", code(`(x, i, all) => (i + 1 >= ${n} ? [all.slice(i + 1 - ${n}, i + 1)] : [])`));
  },
};

export const WINDOW_OPS: readonly OpDef[] = [PAIRS, WINDOWS];

/** Whether the description speaks of consecutive elements (pairs are built). */
export function speaksOfPairs(description: string): boolean {
  return PAIR_WORDS.test(description);
}

/** The window sizes the description states beside a moving (rolling, sliding) window: "3-day", "7 readings". */
export function windowSizes(description: string): number[] {
  if (!WINDOW_WORDS.test(description)) return [];
  const sizes = new Set<number>();
  for (const m of description.toLowerCase().matchAll(/\b(\d+|two|three|four|five|six|seven)\b/g)) {
    const k = NUMBER_WORDS[m[1] as string] ?? Number(m[1]);
    if (k >= 2 && k <= MAX_WINDOW) sizes.add(k);
  }
  return [...sizes].sort((p, q) => p - q);
}
