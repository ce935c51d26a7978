/**
 * "At most c" against "equal to c" (round 18): `xs.some((x) => x <= 0)` and `xs.some((x) => x ===
 * 0)` fit alike on examples that never show a value below 0 ("whether the list contains a zero"),
 * and part on a list with a negative number. Equality with the bound is a rival reading of a
 * comparison with a constant, asked about on an input with one number past it, unless the
 * description states that bound (round 18c): a comparison written beside the number ("at most 0",
 * "0 or less", "below 1", "under 5"), or none of a thing where the bound is 0 ("has zero stock",
 * "no money left"; bound-words.ts). On whole numbers `x < 1` and `!(x >= 1)` bound at 0 as `x <= 0`
 * does, and `Math.min(...xs) <= 0` has `Math.min(...xs) === 0` as its rival. Round 20a: only words
 * about this very comparison silence the rival (a main-clause bound on its side, none of the field
 * compared); weaker words put it last (`later`), asked about after every other check.
 */
import { everywhere } from "./rival-readings.ts";
import { walk } from "./rank.ts";
import type { Prior } from "./rank.ts";
import type { Expr, Json } from "./types.ts";

/** Which way from the bound each comparison holds (-1: at or below it), and how far the bound is from the constant on whole numbers. */
const SIDES: Readonly<Record<string, { past: -1 | 1; shift: number }>> = {
  le: { past: -1, shift: 0 },
  ge: { past: 1, shift: 0 },
  lt: { past: -1, shift: -1 },
  gt: { past: 1, shift: 1 },
};
/** The comparison that holds where one does not (`!(x >= 1)` is `x < 1`). */
const NEGATED: Readonly<Record<string, string>> = { le: "gt", ge: "lt", lt: "ge", gt: "le" };
/** The same comparison with its sides swapped (`0 >= x` is `x <= 0`). */
const SWAPPED: Readonly<Record<string, string>> = { le: "ge", ge: "le", lt: "gt", gt: "lt" };

/** A comparison of `a` with a number bound: the value at the bound, and which way is past it. */
interface Bound {
  readonly a: Expr;
  readonly at: number;
  readonly past: -1 | 1;
}

/**
 * The bound a node states, read through `!` and swapped sides; a strict comparison only where
 * every number of the inputs is whole (`x < 1` is `x <= 0` there, not on 0.5).
 */
function boundOf(n: Expr, whole: boolean): Bound | undefined {
  if (n.k !== "op") return undefined;
  if (n.op === "not") {
    const inner = n.args[0];
    if (inner?.k !== "op" || !(inner.op in NEGATED)) return undefined;
    return boundOf({ ...inner, op: NEGATED[inner.op] as string }, whole);
  }
  const side = SIDES[n.op];
  if (!side) return undefined;
  let [a, c] = n.args;
  let op = n.op;
  if (a?.k === "const" && c && c.k !== "const") {
    [a, c] = [c, a];
    op = SWAPPED[op] as string;
  }
  const s = SIDES[op] as { past: -1 | 1; shift: number };
  if (!a || c?.k !== "const" || typeof c.value !== "number" || a.k === "const") return undefined;
  if (s.shift !== 0 && !(whole && Number.isInteger(c.value))) return undefined;
  return { a, at: c.value + s.shift, past: s.past };
}

/**
 * How strongly the description states this bound (round 20a): "strong" for a comparison in the main
 * clause that holds at its number on the same side ("at most 0" for `x <= 0`) or a strict one beside
 * the next number out ("below 1"), or none of a thing at 0 whose noun names the field compared ("has
 * zero stock" for `stock`); "weak" for such words at the number that are not about this comparison
 * (a bound elsewhere than the main clause, on the other side, none of another noun): the rival is
 * still asked about, after the others; "none" where nothing is said at the number.
 */
function stated(b: Bound, prior: Prior, names: readonly string[]): "strong" | "weak" | "none" {
  const atNumber = (prior.bounds ?? []).filter((s) => (s.at === b.at && !s.strict) || (s.at === b.at - b.past && s.strict));
  if (atNumber.some((s) => s.main && s.side === b.past)) return "strong";
  const nouns = b.at === 0 ? (prior.none ?? []) : [];
  if (nouns.some((n) => names.some((f) => namesField(n, f)))) return "strong";
  return atNumber.length > 0 || nouns.length > 0 ? "weak" : "none";
}

/** The words of a field's name, lower-cased: "unitsInStock" is units, in, stock; "stock_level" is stock, level. */
function fieldWords(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== "");
}

/** A noun and a word alike but for a plural ending: "point" and "points", "battery" and "batteries", "box" and "boxes". */
function sameWord(a: string, b: string): boolean {
  const stem = (w: string): string => w.replace(/ies$/, "y").replace(/(?<=(?:s|x|z|ch|sh))es$/, "").replace(/(?<!s)s$/, "");
  return a === b || stem(a) === stem(b);
}

/** Whether a noun the description has none of names a field: its whole name or one word of it, singular or plural. */
function namesField(noun: string, field: string): boolean {
  const words = fieldWords(field);
  return sameWord(noun, field.toLowerCase()) || words.some((w) => sameWord(noun, w));
}

/** The names of the fields an expression reads (`in.stock`, `x.stock`, a computed object's `stock`: "stock"). */
function fieldsRead(e: Expr): string[] {
  const out: string[] = [];
  walk(e, (n) => {
    if ((n.k === "in" || n.k === "x") && n.path.length > 0) out.push(...n.path);
    if (n.k === "get") out.push(n.key);
  });
  return out;
}

/**
 * The names of the fields each node of the program compares: the fields it reads, or where it reads
 * only the element `x` itself, those of the list its lambda runs over (`xs.some((x) => x <= 0)`: "xs").
 */
function comparedFields(e: Expr): Map<Expr, string[]> {
  const out = new Map<Expr, string[]>();
  const visit = (n: Expr, element: readonly string[]): void => {
    const own = fieldsRead(n);
    out.set(n, own.length > 0 ? own : [...element]);
    switch (n.k) {
      case "op":
        for (const a of n.args) visit(a, element);
        return;
      case "get":
        visit(n.obj, element);
        return;
      case "lam": {
        visit(n.arr, element);
        const arr = fieldsRead(n.arr);
        const inner = arr.length > 0 ? arr : element;
        visit(n.body, inner);
        if (n.body2) visit(n.body2, inner);
        return;
      }
      case "if":
        visit(n.cond, element);
        visit(n.then, element);
        visit(n.else, element);
        return;
      case "obj":
        for (const [, v] of n.fields) visit(v, element);
        return;
      default:
        return;
    }
  };
  visit(e, []);
  return out;
}

/**
 * A bound on the least or greatest of a list read for each element: `Math.min(...xs) <= 0` is "some
 * x is at most 0", whose equality is `xs.some((x) => x === 0)` ("at least one score is 0"), not
 * `Math.min(...xs) === 0`, which a list with a -1 beside its 0 parts from; `Math.min(...xs) >= 1`
 * is "every x is at least 1", `xs.every((x) => x === 1)`.
 */
function elementwise(b: Bound): Expr[] {
  if (b.a.k !== "op" || (b.a.op !== "min" && b.a.op !== "max") || b.a.args.length !== 1) return [];
  const [arr] = b.a.args as [Expr];
  const some = (b.a.op === "min") === (b.past === -1);
  return [{ k: "lam", op: some ? "some" : "every", arr, body: { k: "op", op: "eq", args: [{ k: "x", path: [] }, { k: "const", value: b.at }] } }];
}

/** Whether every number anywhere in the inputs is whole. */
function wholeNumbers(inputs: readonly Json[]): boolean {
  const whole = (v: Json): boolean =>
    typeof v === "number" ? Number.isInteger(v) : Array.isArray(v) ? v.every(whole) : v !== null && typeof v === "object" ? Object.values(v).every(whole) : true;
  return inputs.every(whole);
}

/**
 * The program with one comparison with a constant read as equality with its bound, each with the
 * value just past the bound where the two part (the caller keeps those that fit every example).
 * `later`: the description says something at the bound that is not about this comparison (round
 * 20a), so the rival is asked about after the others rather than silenced.
 */
export function equalityRivals(e: Expr, prior: Prior, inputs: readonly Json[] = []): { expr: Expr; past: number; later?: true }[] {
  const whole = wholeNumbers(inputs);
  const out: { expr: Expr; past: number; later?: true }[] = [];
  const fields = comparedFields(e);
  // The comparison under a `!` is read with it, not alone (`!(x === 1)` is no reading of `!(x >= 1)`).
  const negated = new Set<Expr>();
  walk(e, (node) => {
    // A comparison the description states word for word (a rung of a stated ladder) is read as written.
    if (negated.has(node) || (node.k === "op" && node.stated === true)) return;
    const b = boundOf(node, whole);
    if (b && node.k === "op" && node.op === "not" && node.args[0]) negated.add(node.args[0]);
    if (!b) return;
    const said = stated(b, prior, fields.get(b.a) ?? fields.get(node) ?? []);
    if (said === "strong") return;
    const eq: Expr = { k: "op", op: "eq", args: [b.a, { k: "const", value: b.at }] };
    const readings = [eq, ...elementwise(b)];
    for (const expr of everywhere(e, (n) => (n === node ? readings : []))) out.push({ expr, past: b.at + b.past, ...(said === "weak" ? { later: true as const } : {}) });
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
