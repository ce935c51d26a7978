/**
 * What the description states about the edges of a number that clean examples never reach
 * (round 10). People give examples whose quotients come out whole (1000 / (10 - 5) units, 20
 * minutes per 500 g of a 1 kg roast) and whose differences stay positive, so a program without
 * the stated rounding direction or the stated zero fits them all and is wrong on the first
 * input that is not so tidy. Two statements are read:
 *
 * - **a rounding direction**: "rounded up" (or "round up", "per started hour", "any part of") is
 *   `Math.ceil`, "rounded down" is `Math.floor`; the words then speak for that direction only,
 *   not for `Math.round` (and "whole", "integer" in the same description say the same);
 * - **a zero floor**: "0 when …", "0 if …", "zero when …", "never negative": a program that
 *   subtracts (and so can cross zero) is clamped, `Math.max(0, …)`.
 *
 * Neither is a search of its own: the chosen program with the stated edge applied competes with
 * it for the choice (choose.ts), and the description's words decide, as for the other roundings.
 * Nothing is applied that the description does not state.
 */
import { runOn } from "./evaluate.ts";
import { tidy } from "./number-words.ts";
import { walk } from "./rank.ts";
import { STEP_OP_NAMES } from "./stated-step.ts";
import type { Expr, Json } from "./types.ts";
import { op } from "./expr.ts";

export type StatedEdge = "ceil" | "floor" | "zeroFloor" | "excess";

/** [phrase, edge, ops the phrase is evidence for]. A phrase read here is not read again as "rounded". */
const PHRASES: readonly [RegExp, StatedEdge, readonly string[]][] = [
  [/\b(round(ed|ing|s)? up|per started|any part of|part thereof)\b/g, "ceil", ["ceil"]],
  [/\b(round(ed|ing|s)? down)\b/g, "floor", ["floor"]],
  // "a charge that does not go up costs 0", "a profit of 0 or less gives 0" (round 26) too.
  [/\b((0|zero) (if|when|once|whenever)|never (negative|below (0|zero))|at least (0|zero)|costs? (0|zero|nothing)|(0|zero) or (less|below|negative) (gives|is|means|returns) (0|zero))\b/g, "zeroFloor", ["max2"]],
];

/** Words that name a whole number: with a stated direction they say the same as it, not "Math.round". */
const WHOLE_WORDS = /\b(whole|integer)\b/g;

export interface StatedEdges {
  /** The description with the phrases read here taken out. */
  readonly text: string;
  readonly edges: ReadonlySet<StatedEdge>;
  /** Ops each phrase speaks for, one group per phrase. */
  readonly evidence: readonly (readonly string[])[];
  /** The thresholds an excess is stated over ("beyond the first 5 GB": 5). */
  readonly thresholds: readonly number[];
}

/**
 * An excess over a stated threshold (round 23) and the number it is over: "per cubic metre beyond
 * the first 10", "for each sale beyond the target of 20", "in excess of 40 hours", "free for the
 * first 3 days", "the first 3 nights are free". Only what lies past the threshold counts, so the
 * difference from it (and only that difference) never goes below zero. A phrase with no number
 * ("the distance beyond the line") states none.
 */
const THRESHOLDS = [
  /\b(?:beyond|in excess of|(?:over|above|after|past) the first|free for the first)\s+(?:the\s+(?:first|target|limit|threshold|allowance)\s+(?:of\s+)?)?(\d+(?:\.\d+)?)\b/g,
  /\bthe first (\d+(?:\.\d+)?) [a-z]+ (?:are|is) free\b/g,
];

/** The edges a (lower-cased) description states, and its text without the phrases that state them. */
export function readStatedEdges(description: string): StatedEdges {
  const thresholds = [...new Set(THRESHOLDS.flatMap((re) => [...description.matchAll(re)].map((m) => Number(m[1]))))];
  let text = description;
  const edges = new Set<StatedEdge>();
  const evidence: (readonly string[])[] = [];
  if (thresholds.length > 0) {
    edges.add("excess");
    evidence.push(["max2"]);
  }
  for (const [re, edge, ops] of PHRASES) {
    if (!re.test(text)) continue;
    re.lastIndex = 0;
    edges.add(edge);
    evidence.push(ops);
    text = text.replace(re, " ");
  }
  if (edges.has("ceil") || edges.has("floor")) text = text.replace(WHOLE_WORDS, " ");
  return { text, edges, evidence, thresholds };
}

const NUMERIC = new Set(["add", "sub", "mul", "div", "mean", "median", "sum", "round", "roundTo", "floor", "ceil", "max2", "min2"]);
const ROUNDERS = new Set(["round", "roundTo", "floor", "ceil"]);


function subtracts(e: Expr): boolean {
  if (e.k !== "op") return false;
  return e.op === "sub" || e.args.some(subtracts);
}

function mapsElements(e: Expr): boolean {
  if (e.k === "lam") return true;
  return e.k === "op" && e.args.some(mapsElements);
}

/**
 * `e` rounded in the stated direction: its own rounding replaced, or one added. Not around a
 * program over a list's elements: "each item's count rounded up, summed" rounds inside the map,
 * which the search builds itself, and around the sum it would be a rival that wins by position.
 */
function directed(e: Expr, size: number, direction: "ceil" | "floor"): { expr: Expr; size: number } | undefined {
  if (e.k !== "op" || mapsElements(e)) return undefined;
  // A rounding up or down to a stated step ("up to the next 0.25") is the direction already.
  if (e.op === direction || STEP_OP_NAMES.has(e.op)) return undefined;
  if (ROUNDERS.has(e.op)) {
    const inner = e.args[0] as Expr;
    return { expr: op(direction, inner), size: size - (e.op === "roundTo" ? 2 : 1) + 1 };
  }
  return { expr: op(direction, e), size: size + 1 };
}

/**
 * The chosen program with the edges the description states applied (none when it states none, or
 * the program is no arithmetic). The clamp counts as one step: its 0 is the description's own.
 */
export function statedEdgeVariants(e: Expr, size: number, edges: ReadonlySet<StatedEdge>, thresholds: readonly number[] = []): { expr: Expr; size: number }[] {
  if (e.k !== "op" || !NUMERIC.has(e.op)) return [];
  const out: { expr: Expr; size: number }[] = [];
  const direction = edges.has("ceil") ? "ceil" : edges.has("floor") ? "floor" : undefined;
  const bases: { expr: Expr; size: number }[] = [{ expr: e, size }];
  const turned = direction ? directed(e, size, direction) : undefined;
  if (turned) {
    out.push(turned);
    bases.push(turned);
  }
  if (edges.has("zeroFloor")) for (const b of bases) out.push(...clampedAtZero(b.expr, b.size));
  if (edges.has("excess")) for (const b of bases) out.push(...clampedInside(b.expr, b.size, thresholds), ...excessForms(b.expr, thresholds));
  return out;
}

/**
 * A line in one field read as a base plus a rate on the excess over a stated threshold: "15 euros
 * a month plus 4 euros per GB beyond the first 5 GB" is found as 4 × gb − 5 (every example uses
 * more than 5 GB) and has the reading 15 + 4 × max(gb − 5, 0), the same past the threshold. The
 * base and the rate are the program's own values at the threshold, not fitted anew.
 */
function excessForms(e: Expr, thresholds: readonly number[]): { expr: Expr; size: number }[] {
  const path = onlyField(e);
  if (!path || thresholds.length === 0) return [];
  const at = (v: number): number | undefined => {
    const out = runOn(e, nested(path, v));
    return typeof out === "number" && Number.isFinite(out) ? out : undefined;
  };
  const out: { expr: Expr; size: number }[] = [];
  for (const t of thresholds) {
    const [base, next, far] = [at(t), at(t + 1), at(t + 7)];
    if (base === undefined || next === undefined || far === undefined) continue;
    const rate = next - base;
    // A line only (7 steps on, 7 rates on), with a rate and a base: without a base it is clampedInside's.
    if (rate === 0 || base === 0 || Math.abs(base + 7 * rate - far) > 1e-9 * Math.max(1, Math.abs(far))) continue;
    const excess = op("max2", op("sub", { k: "in", path }, { k: "const", value: t }), { k: "const", value: 0 });
    out.push({ expr: op("add", { k: "const", value: tidy(base) }, op("mul", { k: "const", value: tidy(rate) }, excess)), size: 8 });
  }
  return out;
}

/** The one input field `e` reads (a number's path), or undefined when it reads none, several, or works over a list. */
function onlyField(e: Expr): readonly string[] | undefined {
  const paths = new Set<string>();
  let plain = true;
  walk(e, (n) => {
    if (n.k === "in") paths.add(JSON.stringify(n.path));
    if (n.k === "lam" || n.k === "x" || n.k === "if" || n.k === "obj" || n.k === "get") plain = false;
  });
  return plain && paths.size === 1 ? (JSON.parse([...paths][0] as string) as string[]) : undefined;
}

/** An input holding `v` at `path` and nothing else. */
function nested(path: readonly string[], v: number): Json {
  return path.reduceRight<Json>((inner, key) => ({ [key]: inner }), v);
}


/**
 * `e` with its difference from a stated threshold clamped at zero: "a standing charge of 12 plus 2
 * per cubic metre beyond the first 10" is 12 + 2 × max(m3 − 10, 0). Only a difference from the
 * threshold itself: clamping the whole bill, or a line whose zero lies elsewhere (50 + 10 × (kg − 23)
 * is 0 at 18 kg), would charge nothing where the description charges something.
 */
function clampedInside(e: Expr, size: number, thresholds: readonly number[]): { expr: Expr; size: number }[] {
  const out: { expr: Expr; size: number }[] = [];
  const fromThreshold = (n: Expr): boolean => n.k === "op" && n.op === "sub" && n.args[1]?.k === "const" && thresholds.includes(n.args[1].value as number);
  const visit = (n: Expr, rebuild: (m: Expr) => Expr): void => {
    if (n.k !== "op" || !NUMERIC.has(n.op) || n.op === "max2") return;
    if (fromThreshold(n)) out.push({ expr: rebuild(op("max2", n, { k: "const", value: 0 })), size: size + 1 });
    n.args.forEach((a, i) => visit(a, (m) => rebuild({ ...n, args: n.args.map((x, j) => (j === i ? m : x)) })));
  };
  visit(e, (m) => m);
  return out;
}

/** `Math.max(e, 0)` where `e` subtracts (and so can cross zero) and is not clamped already. */
export function clampedAtZero(e: Expr, size: number): { expr: Expr; size: number }[] {
  if (e.k !== "op" || !NUMERIC.has(e.op) || e.op === "max2" || !subtracts(e)) return [];
  return [{ expr: op("max2", e, { k: "const", value: 0 }), size: size + 1 }];
}

/**
 * The examples a stated zero floor explains: those answering 0 when every answer is a number,
 * provided at least two others are left to find the program under the floor (else none).
 */
export function atZeroFloor<T extends { readonly output: unknown }>(examples: readonly T[]): T[] {
  if (!examples.every((e) => typeof e.output === "number")) return [];
  const zero = examples.filter((e) => e.output === 0);
  return examples.length - zero.length >= 2 ? zero : [];
}

/**
 * A rounding of a sum over a list's elements moved onto each element (`Math.ceil` of the summed
 * quotients, or the quotients each rounded up and summed): the examples often cannot tell where
 * the rounding sits, so each is a rival reading of the other (none when `e` is not such a sum).
 */
export function roundingMoved(e: Expr, size: number): { expr: Expr; size: number }[] {
  if (e.k !== "op" || !ROUNDERS.has(e.op) || e.op === "roundTo") return [];
  const sum = e.args[0] as Expr;
  const map = sum.k === "op" && sum.op === "sum" ? sum.args[0] : undefined;
  if (!map || map.k !== "lam" || map.op !== "map") return [];
  return [{ expr: op("sum", { ...map, body: op(e.op, map.body) }), size }];
}

