/**
 * A program the description states number by number (round 22). "331.3 m/s at 0 °C, plus 0.606
 * m/s for every degree", "width times height divided by one million": every constant the
 * description writes is in the program, none was fitted to the examples or comes from nowhere, it
 * rounds and clamps as the description says, and every example fits. Such a program is ranked as
 * if one more group of words spoke for it (rank.ts `formula`), and is taken first where a rival of
 * the search's choice is one (`formulaFirst`): evidence for a reading, never a licence to publish.
 * It still passes every check, leave-one-out included: a rule stated in pieces ("free for the first
 * 3 days, then 2 euros per day") is written with every number by `2 × (days - 3)`, and two
 * examples on one side of the threshold cannot tell (round 22's attacker, ten such specs).
 */
import { DECIMALS_OPS, NEUTRAL_NUMBERS, walk } from "./rank.ts";
import { numberWords } from "./number-words.ts";
import { statedRoundingDigits } from "./stated-decimals.ts";
import { readStatedEdges } from "./stated-edges.ts";
import type { StatedEdge } from "./stated-edges.ts";
import { STEP_OP_NAMES, stepNumbers } from "./stated-step.ts";
import type { Found } from "./search.ts";
import type { Expr } from "./types.ts";
import { konst } from "./expr.ts";

/** Numbers that state no constant: a count of decimals ("to 2 decimals"), halves. */
const NOT_CONSTANTS = /\b\d+\s*(decimals?|decimal places?|places?|significant (digits|figures))\b/gi;
/**
 * The operations a stated formula is written with: arithmetic, a clamp, powers and roots, the
 * answer's rounding. Not a remainder, a string or a list operation: `kg + 4.5 - kg % 1.2` writes
 * both of "4.5 for the first kg and 1.2 for every kg after it" and fits two examples, and is no
 * formula anybody stated. A rounding to a step the description states is the answer's rounding
 * (stated-step.ts).
 */
const FORMULA_OPS = new Set(["add", "sub", "mul", "div", "max2", "min2", "pow", "sqrt", "exp", "ln", "log10", "log2", "neg", "round", "roundTo", "toFixed", ...STEP_OP_NAMES]);

/**
 * A written number that is a measure, not a count: a small whole number (2 to 12) counts things
 * ("6 days a week, 7 hours a day") more often than it scales an answer, and a formula made only of
 * such numbers (`pounds × 7 / 6` for a shop's rate of 1.17) is no stated formula.
 */
const measure = (n: number): boolean => !(Number.isInteger(n) && n >= 2 && n <= 12);

/** What a description states of a formula: the constants it writes, and the decimals it rounds the answer to. */
export interface StatedFormula {
  readonly written: readonly number[];
  readonly digits: number | undefined;
  /** Numbers written only as a count of decimals ("to 2 decimals"): no constant of the formula. */
  readonly counts: readonly number[];
  /** The edges the description states (stated-edges.ts): a floor of 0 ("0 when the water is already at 100 °C"), a rounding up or down. */
  readonly edges: ReadonlySet<StatedEdge>;
  /** Numbers the description states as bounds in words ("at most 100", "never below 0"). */
  readonly bounds: readonly number[];
}

const BOUND = /\b(?:at most|at least|never (?:below|above|more than|less than|under|over)|no (?:more|less|fewer) than|not (?:more|less) than|up to|capped at|(?:a )?(?:minimum|maximum)(?: of)?)\s+(-?\d+(?:\.\d+)?)/gi;

export function statedFormula(description: string): StatedFormula {
  // The step the answer is rounded to ("to the nearest 15 minutes") is its rounding, not a constant of the formula.
  const steps = stepNumbers(description);
  const written = writtenConstants(description).filter((n) => !steps.includes(n));
  const counts = [...description.matchAll(NOT_CONSTANTS)].map((m) => parseInt(m[0], 10)).filter((n) => !written.includes(n));
  const bounds = [...description.matchAll(BOUND)].map((m) => Number(m[1]));
  return { written, digits: statedRoundingDigits(description), counts, edges: readStatedEdges(description.toLowerCase()).edges, bounds };
}

/** Whether `expr` does what each stated edge says: a floor of 0 (`max(x, 0)`), a rounding up (`ceil`) or down (`floor`). */
function holdsEdges(expr: Expr, edges: ReadonlySet<StatedEdge>): boolean {
  const has = { zeroFloor: false, ceil: false, floor: false, excess: false };
  walk(expr, (n) => {
    if (n.k !== "op") return;
    if (n.op === "max2" && n.args.some((a) => a.k === "const" && a.value === 0)) has.zeroFloor = has.excess = true;
    if (n.op === "ceil" || n.op === "ceilStep") has.ceil = true;
    if (n.op === "floor" || n.op === "floorStep") has.floor = true;
  });
  return [...edges].every((edge) => has[edge]);
}

/** Whether `expr` rounds its answer to `decimals` (when a rounding is stated). */
function roundedAsStated(expr: Expr, decimals: number | undefined): boolean {
  if (decimals === undefined) return true;
  if (expr.k !== "op") return false;
  if (expr.op === "round") return decimals === 0;
  const digits = expr.args[1];
  return (expr.op === "roundTo" || expr.op === "toFixed") && digits?.k === "const" && digits.value === decimals;
}

/** The constants the description writes (digits and number words), but 0, ±1 and counts of decimals. */
export function writtenConstants(description: string): number[] {
  const text = description.replace(NOT_CONSTANTS, " ");
  // Digits standing alone: not the 2 of "H2O" or "e4", nor a version's "1.2.3"; "otherwise 5." is 5.
  const digits = (text.match(/(?<![\w.])\d+(?:\.\d+)?(?!\w|\.\d)/g) ?? []).map(Number);
  return [...new Set([...digits, ...numberWords(text)])].filter((n) => Number.isFinite(n) && !NEUTRAL_NUMBERS.has(n));
}

/**
 * Whether `expr` is a formula (FORMULA_OPS only) that writes every constant the description writes
 * (once or more: observational equivalence may keep `4.5 + kg × 1.2 - 1.2` for `4.5 + 1.2 × (kg - 1)`), and no number that is neither written there nor one of `known` (0, 1, the factors between
 * the units it names), nor fitted; rounds its answer as the description says, and holds the
 * floor of 0 it states, where it says;
 * and at least one of the written constants is a measure, not only counts.
 */
export function statesEveryConstant(expr: Expr, stated: StatedFormula, known: readonly number[]): boolean {
  const written = stated.written;
  if (written.length === 0 || !roundedAsStated(expr, stated.digits) || !holdsEdges(expr, stated.edges)) return false;
  // Around a formula the description writes out (round 24a), only the bounds it states in words
  // ("at most 100 and never below 0") are its numbers: "Sensor 7 … F = C × 9 / 5 + 32" had taken
  // `max(F, 7)` as writing every constant.
  const outside: number[] = [];
  let term = false;
  let other = false;
  const collect = (n: Expr): void => {
    if (n.k === "op" && n.stated === true) term = true;
    else if (n.k === "lam" || (n.k === "op" && !FORMULA_OPS.has(n.op))) other = true;
    else if (n.k === "const" && typeof n.value === "number") outside.push(n.value);
    // The decimals a rounding keeps, or the step it rounds to, are a format, not a number of the rule.
    else if (n.k === "op") for (const a of DECIMALS_OPS.has(n.op) || STEP_OP_NAMES.has(n.op) ? n.args.slice(0, 1) : n.args) collect(a);
  };
  collect(expr);
  if (term) return !other && outside.every((n) => stated.bounds.includes(n)) && stated.bounds.every((b) => outside.includes(b));
  const uses = new Map<number, number>();
  let foreign = false;
  let reads = false;
  // The decimals a rounding keeps are a format, not a constant of the formula.
  const decimals = new Set<Expr>();
  walk(expr, (n) => {
    if (n.k === "op" && (n.op === "roundTo" || n.op === "toFixed") && n.args[1]) decimals.add(n.args[1]);
  });
  walk(expr, (n) => {
    if (n.k === "in" || n.k === "x") reads = true;
    if (n.k === "lam" || (n.k === "op" && !FORMULA_OPS.has(n.op))) foreign = true;
    if (n.k !== "const" || typeof n.value !== "number" || decimals.has(n)) return;
    if (n.solved) foreign = true;
    else if (written.includes(n.value)) uses.set(n.value, (uses.get(n.value) ?? 0) + 1);
    else if (!NEUTRAL_NUMBERS.has(n.value) && (!known.includes(n.value) || stated.counts.includes(n.value))) foreign = true;
  });
  return reads && !foreign && written.every((w) => uses.has(w)) && written.some(measure);
}


/** `e` rounded to `digits` decimals, as the search writes a rounding. */
function roundedTo(e: Expr, digits: number): Expr {
  return digits === 0 ? { k: "op", op: "round", args: [e] } : { k: "op", op: "roundTo", args: [e, konst(digits)] };
}

/**
 * The stated formula first: where the program taken is no formula the description states
 * constant by constant but one of its rivals is (as found, or with the answer rounded as stated),
 * and it fits every example, that one is taken and the program taken before stays its rival (asked
 * about where they part). "4.5 for the first kg and 1.2 for every kg after it" fits two examples
 * as `kg + 4.5 - kg % 1.2` too, of the same size.
 */
export function formulaFirst(found: Found, stated: StatedFormula, isFormula: (e: Expr) => boolean, fits: (e: Expr) => boolean): Found {
  if (stated.written.length === 0 || isFormula(found.expr)) return found;
  const alts = found.alts ?? [];
  for (const [i, alt] of alts.entries()) {
    const rounded = stated.digits === undefined || roundedAsStated(alt.expr, stated.digits) ? [] : [{ expr: roundedTo(alt.expr, stated.digits), size: alt.size + (stated.digits === 0 ? 1 : 2) }];
    for (const f of [alt, ...rounded]) {
      if (!isFormula(f.expr) || !fits(f.expr)) continue;
      return { expr: f.expr, size: f.size, alts: [{ expr: found.expr, size: found.size }, ...alts.filter((_, j) => j !== i)] };
    }
  }
  return found;
}
