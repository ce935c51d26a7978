/**
 * "At most c" against "equal to c" (round 18): `xs.some((x) => x <= 0)` and `xs.some((x) => x ===
 * 0)` fit alike on examples that never show a value below 0 ("whether the list contains a zero"),
 * and part on a list with a negative number. Equality with the constant is a rival reading of `<=`
 * or `>=` that constant, asked about on an input with one number past it, unless the description's
 * words speak for an amount rather than a value: "at most", "or less" (the comparisons rank.ts
 * reads), "zero stock", "no items", "out of" — a quantity of nothing, which nothing may be below —
 * and do not name the constant as a value ("a zero", "zeros", "equal to", "exactly").
 */
import { everywhere } from "./rival-readings.ts";
import { walk } from "./rank.ts";
import type { Prior } from "./rank.ts";
import type { Expr, Json } from "./types.ts";

const EDGE: Readonly<Record<string, -1 | 1>> = { le: -1, ge: 1 };

/**
 * Whether the description's words speak for the bound: a comparison rank.ts reads ("at most", "or
 * less") or an amount of nothing ("zero stock", "no items left": bound-words.ts).
 */
export function boundInWords(prior: Prior): boolean {
  return prior.evidence.has("le") || prior.evidence.has("ge") || prior.evidence.has("amount");
}

/** `a <= c` or `a >= c` with a number constant `c`: the place and which way is past it. */
function bound(n: Expr): { a: Expr; c: number; past: -1 | 1 } | undefined {
  if (n.k !== "op" || !(n.op in EDGE)) return undefined;
  const [a, c] = n.args;
  if (!a || c?.k !== "const" || typeof c.value !== "number" || a.k === "const") return undefined;
  return { a, c: c.value, past: EDGE[n.op] as -1 | 1 };
}

/**
 * The program with one `<=`/`>=` a constant read as `===` it, each with the value just past the
 * constant where the two part (the caller keeps those that fit every example).
 */
export function equalityRivals(e: Expr, prior: Prior): { expr: Expr; past: number }[] {
  if (boundInWords(prior)) return [];
  const out: { expr: Expr; past: number }[] = [];
  walk(e, (node) => {
    const b = bound(node);
    if (!b) return;
    const eq: Expr = { k: "op", op: "eq", args: [b.a, { k: "const", value: b.c }] };
    for (const expr of everywhere(e, (n) => (n === node ? [eq] : []))) out.push({ expr, past: b.c + b.past });
  });
  return out;
}

/** Most inputs made per constant. */
const MAX_PER_CONSTANT = 40;

/**
 * Each example input with one of its numbers set just past a constant that a rival compares with
 * equality (one below `c` for `<=`, one above for `>=`), negative though no example is: it is the
 * value the examples never showed, where "at most 0" and "is 0" part.
 */
export function pastProbes(pasts: readonly number[], inputs: readonly Json[]): Json[] {
  const out: Json[] = [];
  for (const value of new Set(pasts)) {
    const made: Json[] = [];
    const visit = (v: Json, set: (x: Json) => Json): void => {
      if (made.length >= MAX_PER_CONSTANT) return;
      if (typeof v === "number" && v !== value) made.push(set(value));
      else if (Array.isArray(v)) v.forEach((x, i) => visit(x, (y) => set(v.map((z, j) => (j === i ? y : z)))));
      else if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) visit(x, (y) => set({ ...v, [k]: y }));
    };
    for (const input of inputs) visit(input, (x) => x);
    out.push(...made);
  }
  return out;
}
