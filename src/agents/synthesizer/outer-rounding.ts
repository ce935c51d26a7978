/**
 * Round 18a: a rounding the description states ("rounded to 2 decimals", "to cents") is a rounding
 * of the answer. A program may owe its credit for it to a rounding of one term inside
 * (`sum - (doors * 1.9 + round2(windows * 1.2))`), and then its answer can hold more decimals than
 * the description allows (6.6314, or 7.199999999999999 from floating point): examples whose
 * answers happen to be round cannot show it. So a numeric program not rounded at its outside has
 * the same program rounded there, as stated, as a rival reading; they part only on inputs where
 * the program's answer breaks the stated rounding, which is where it is wrong by the description.
 */
import type { Prior } from "./rank.ts";
import { STEP_OP_NAMES } from "./stated-step.ts";
import type { Expr, Json } from "./types.ts";

const OUTER = new Set(["round", "roundTo", "floor", "ceil", "toFixed", "grouped", ...STEP_OP_NAMES]);
/** Decimals a description may state, most first. */
const DECIMALS = [3, 2, 1];

/** The program rounded at its outside to the decimals the description states, when it is not so already. */
export function statedRoundingRival(e: Expr, outputs: readonly Json[], prior: Prior): Expr | undefined {
  if (outputs.length === 0 || !outputs.every((o) => typeof o === "number")) return undefined;
  if (e.k === "op" && OUTER.has(e.op)) return undefined;
  const d = DECIMALS.find((n) => prior.evidence.has(`roundTo:${n}`));
  if (d === undefined) return undefined;
  return { k: "op", op: "roundTo", args: [e, { k: "const", value: d }] };
}

/** Most finer probes made. */
const MAX_FINER = 24;

const decimalsOf = (v: number): number => (String(v).split(".")[1] ?? "").length;

/**
 * Each example with one of its fractional numbers given one more decimal (2.4 → 2.41): the
 * examples' numbers are round enough that their products and sums stay within the stated
 * rounding, and a number typed with one more digit is where an unrounded answer shows.
 */
export function finerProbes(inputs: readonly Json[]): Json[] {
  const out: Json[] = [];
  const visit = (v: Json, set: (x: Json) => Json): void => {
    if (typeof v === "number" && !Number.isInteger(v)) out.push(set(Number((v + 10 ** -(decimalsOf(v) + 1)).toFixed(decimalsOf(v) + 1))));
    else if (Array.isArray(v)) v.forEach((e, i) => visit(e, (x) => set(v.map((y, j) => (j === i ? x : y)))));
    else if (v !== null && typeof v === "object") for (const [k, e] of Object.entries(v)) visit(e, (x) => set({ ...v, [k]: x }));
  };
  for (const i of inputs) visit(i, (x) => x);
  return out.slice(0, MAX_FINER);
}
