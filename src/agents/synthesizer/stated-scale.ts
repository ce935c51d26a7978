/**
 * A value scaled by the factors the description states (round 22): "width times height divided by
 * one million", "grams per 100 ml ÷ 4 g a teaspoon", "seconds × 343 m/s, in km", rounded as it
 * says. The plain search reaches such a program only at size 9 or more, after thousands of smaller
 * programs that fit two examples by coincidence; a linear fit solves the factor but, under
 * rounding, wants a third example to check it. Here the factor is not solved but looked up among
 * the description's own numbers (one of them, or a product or quotient of two of which one is a
 * base: a unit's factor or a power of ten), so two examples,
 * or one in a leave-one-out fold, check a program none of whose constants is fitted: the
 * description gave every one. A factor within the rounding of the answers but not stated is no fit
 * here; that is the linear fit's job.
 */
import { statedRoundingDigits } from "./stated-decimals.ts";
import { unitFactors } from "./units.ts";
import { NEUTRAL_NUMBERS } from "./rank.ts";
import { close, rounded } from "./relations.ts";
import type { Candidate } from "./relations.ts";
import type { Entry, Expr } from "./types.ts";
import { konst, op } from "./expr.ts";

/** One way to scale by stated numbers: its factor, and the program that applies it to `e`. */
interface Scale {
  readonly factor: number;
  readonly apply: (e: Expr) => Expr;
  /** How many stated constants it writes. */
  readonly constants: number;
}

/** The stated numbers' scalings, sorted by factor, and the roundings the description states. */
export interface StatedScales {
  readonly scales: readonly Scale[];
  /** Decimals the answer is rounded to (0 for a whole number), null for an exact answer. */
  readonly digits: readonly (number | null)[];
}


const POWERS_OF_TEN = new Set([10, 100, 1e3, 1e4, 1e5, 1e6, 1e9, 0.1, 0.01, 0.001]);
/**
 * What a scaled value may be: fields and the arithmetic of a formula, not a rounding, a remainder
 * or a text (`50 × round(1 / total, 1)` fits "free from 50, otherwise 5" on 80 and 20).
 */
const SCALABLE_OPS = new Set(["add", "sub", "mul", "div", "neg", "pow", "sqrt"]);
/** Most stated numbers combined in pairs (the first ones written). */
const MAX_NUMBERS = 10;

/** What the description states: the factors its numbers make, and how the answer is rounded. */
export function statedScales(description: string, mentioned: readonly number[]): StatedScales {
  const numbers = [...new Set(mentioned.filter((n) => Number.isFinite(n) && !NEUTRAL_NUMBERS.has(n)))].slice(0, MAX_NUMBERS);
  const units = new Set(unitFactors(description));
  // Two numbers combine only where one is a base ("per 100 ml", "in km"): any two of a
  // description's numbers make a quotient near some rate ("6 days a week, 7 hours a day" is 7 / 6,
  // within the rounding of a shop's exchange rate of 1.17 on three examples).
  const base = (n: number): boolean => units.has(n) || POWERS_OF_TEN.has(n);
  const scales: Scale[] = [];
  for (const a of numbers) {
    scales.push({ factor: a, apply: (e) => op("mul", e, konst(a)), constants: 1 });
    scales.push({ factor: 1 / a, apply: (e) => op("div", e, konst(a)), constants: 1 });
    for (const b of numbers) {
      if (b === a || !(base(a) || base(b))) continue;
      scales.push({ factor: a / b, apply: (e) => op("div", op("mul", e, konst(a)), konst(b)), constants: 2 });
      if (a < b) {
        scales.push({ factor: a * b, apply: (e) => op("mul", op("mul", e, konst(a)), konst(b)), constants: 2 });
        scales.push({ factor: 1 / (a * b), apply: (e) => op("div", op("div", e, konst(a)), konst(b)), constants: 2 });
      }
    }
  }
  scales.sort((x, y) => x.factor - y.factor);
  const digits = statedRoundingDigits(description);
  return { scales, digits: [null, ...(digits === undefined ? [] : [digits])] };
}

/**
 * Whether `e` is built of fields and SCALABLE_OPS only, with no constant but a power's exponent:
 * `25 × (sales - 20)` shifts by a threshold the examples show one side of ("a bonus for each sale
 * beyond the target of 20"), no scaling of a measured value.
 */
function scalable(e: Expr): boolean {
  if (e.k === "in") return true;
  if (e.k !== "op" || !SCALABLE_OPS.has(e.op)) return false;
  if (e.op === "pow") return scalable(e.args[0] as Expr) && e.args[1]?.k === "const";
  return e.args.every(scalable);
}

/** The first index of `scales` whose factor is at least `v` (they are sorted). */
function lowerBound(scales: readonly Scale[], v: number): number {
  let lo = 0;
  let hi = scales.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((scales[mid] as Scale).factor < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `target = round(e × factor)` for a factor made of stated numbers, rounded as the description
 * states (or not at all), on every row; the fewest constants first. Only a computed value (a field,
 * a product of fields), never a constant.
 */
export function statedScaleFits(e: Entry, targets: readonly number[], stated: StatedScales): Candidate[] {
  if (e.kind !== "num" || e.isConst || e.threshold || stated.scales.length === 0 || targets.length === 0 || !scalable(e.expr)) return [];
  const xs = e.vals as number[];
  // The row least hurt by rounding: the largest value.
  let big = 0;
  for (let i = 1; i < xs.length; i++) if (Math.abs(xs[i] as number) > Math.abs(xs[big] as number)) big = i;
  const x = xs[big] as number;
  const t = targets[big] as number;
  if (x === 0 || t === 0 || !Number.isFinite(x)) return [];
  const out: Candidate[] = [];
  for (const digits of stated.digits) {
    const slack = digits === null ? 1e-9 * Math.abs(t / x) : 0.5 / 10 ** digits / Math.abs(x);
    const lo = Math.min(t / x - slack, t / x + slack);
    for (let i = lowerBound(stated.scales, lo); i < stated.scales.length && (stated.scales[i] as Scale).factor <= t / x + slack; i++) {
      const s = stated.scales[i] as Scale;
      if (!xs.every((v, r) => close(rounded(v * s.factor, { digits }), targets[r] as number))) continue;
      const scaled = s.apply(e.expr);
      const expr = digits === null ? scaled : digits === 0 ? op("round", scaled) : op("roundTo", scaled, konst(digits));
      out.push({ expr, size: e.size + 2 * s.constants + (digits === null ? 0 : digits === 0 ? 1 : 2) });
    }
    if (out.length > 0) break;
  }
  return out.sort((a, b) => a.size - b.size).slice(0, 2);
}
