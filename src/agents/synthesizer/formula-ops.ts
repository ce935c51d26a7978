/**
 * Formulas (round 13): square roots, the hypotenuse, powers and π. A person asks for "the length
 * of the diagonal", "the area of a circle from its radius" or "the balance after n years of
 * compound interest"; no sum, product or quotient of the inputs reaches those, so the search
 * either gives up or fits a coincidence of its examples. These are built only where the
 * description's words speak of them — roots, diagonals, straight-line distance (`sqrt`,
 * `hypot`), compounding, powers (`pow`) — and π is a constant where it names a circle, a sphere or
 * a cylinder: built for every number of every spec, a root or a power fits two examples by
 * accident far more often than it is meant (as units.ts gives a factor only between units the
 * description names). The words are evidence that these operations exist in the task, never a
 * program: which fields, in which arrangement, the examples decide.
 */
import { PREC, call, code, w } from "./code.ts";
import type { Code } from "./code.ts";
import { FAIL } from "./ops.ts";
import type { OpDef } from "./ops.ts";
import type { Entry } from "./types.ts";

const ROOT_WORDS = /\b(square roots?|roots?|sqrt|hypotenuse|diagonals?|pythagor\w*|straight[- ]line|as the crow flies|euclid\w*|standard deviation|geometric mean|between (the )?two points)\b/i;
// Not "power" alone: a power bank or the power of an air conditioner is no exponent.
// A superscript square or cube after a quantity ("length²", "speed³") is a power written as a
// sign; after a unit ("cm²", "kg/m³") it is part of the unit's name.
const POWER_WORDS = /\b(compound(ed|ing)?|to the power|powers of|exponent\w*|raised to|squared|cubed|doubl(es|ing) every)\b|[A-Za-z]{3}[²³]/i;
const CIRCLE_WORDS = /(\b(circles?|circular|radius|radii|diameters?|circumference|spheres?|spherical|cylinders?|cylindrical|discs?|disks?|pi)\b|π)/i;

const computed = (e: Entry): boolean => e.kind === "num" && !e.isConst && !e.threshold;
const fin = (v: number): number | typeof FAIL => (Number.isFinite(v) ? v : FAIL);

const SQRT: OpDef = {
  name: "sqrt",
  arity: 1,
  // A root of 0 or 1 on every example is the value itself there.
  accepts: (a) => computed(a) && a.vals.every((v) => (v as number) >= 0) && a.vals.some((v) => v !== 0 && v !== 1),
  apply: (a) => (typeof a === "number" && a >= 0 ? Math.sqrt(a) : FAIL),
  emit: ([a]) => call("Math.sqrt", a as Code),
};

const HYPOT: OpDef = {
  name: "hypot",
  arity: 2,
  commutative: true,
  kinds: [["num"], ["num"]],
  accepts: (a, b) => computed(a) && computed(b) && a !== b,
  apply: (a, b) => fin(Math.hypot(a as number, b as number)),
  emit: ([a, b]) => call("Math.hypot", a as Code, b as Code),
};

const POW: OpDef = {
  name: "pow",
  arity: 2,
  kinds: [["num"], ["num"]],
  // A base the examples compute (`1 + rate`) or a number (2 for doubling), an exponent that is a
  // field or a number; not both numbers, and no power of 0 or 1.
  accepts: (a, b) => a.kind === "num" && b.kind === "num" && !a.threshold && !b.threshold && a !== b && !(a.isConst && b.isConst) &&
    !(b.isConst && (b.vals[0] === 0 || b.vals[0] === 1)) && !(a.isConst && ((a.vals[0] as number) <= 1)),
  apply: (a, b) => fin(Math.pow(a as number, b as number)),
  emit: ([a, b]) => call("Math.pow", a as Code, b as Code),
};

/**
 * `e` to a power (round 24): only ever written by a formula the description states ("e^(-0.05 ×
 * minutes)", described-formula/), never built by the search, which would fit it by accident.
 */
const EXP: OpDef = {
  name: "exp",
  arity: 1,
  accepts: () => false,
  apply: (a) => (typeof a === "number" ? fin(Math.exp(a)) : FAIL),
  emit: ([a]) => call("Math.exp", a as Code),
};

/**
 * A logarithm a formula writes by name ("ln 2 ÷ ln(1 + rate/100)", "20 × log10(d2 / d1)", round 26):
 * like `exp`, never built by the search. A logarithm of 0 or less has no value.
 */
function logarithm(name: string, fn: (x: number) => number, js: string): OpDef {
  return {
    name,
    arity: 1,
    accepts: () => false,
    apply: (a) => (typeof a === "number" && a > 0 ? fin(fn(a)) : FAIL),
    emit: ([a]) => call(js, a as Code),
  };
}
/** The logarithms' op names: no value at 0 or below (domain.ts, stated-range.ts). */
export const LOGARITHMS: ReadonlySet<string> = new Set(["ln", "log10", "log2"]);
const LN = logarithm("ln", Math.log, "Math.log");
const LOG10 = logarithm("log10", Math.log10, "Math.log10");
const LOG2 = logarithm("log2", Math.log2, "Math.log2");

/** A minus sign before a number or a term of a stated formula ("e^(-0.05 × minutes)"), kept as written. */
const NEG: OpDef = {
  name: "neg",
  arity: 1,
  accepts: () => false,
  apply: (a) => (typeof a === "number" ? -a : FAIL),
  emit: ([a]) => code(`-${w(a as Code, PREC.unary)}`, PREC.unary),
};

/**
 * The formula operations the description speaks of: unary ones (`sqrt`) go with the binary ones in
 * the problem's description-dependent list, and the bank applies each by its arity.
 */
export function formulaOps(description: string): OpDef[] {
  return [...(ROOT_WORDS.test(description) ? [SQRT, HYPOT] : []), ...(POWER_WORDS.test(description) ? [POW] : [])];
}

/** Every formula op, for evaluation and emission (op-table.ts). */
export const FORMULA_OPS: readonly OpDef[] = [SQRT, HYPOT, POW, EXP, NEG, LN, LOG10, LOG2];

/** π, where the description names a circle, a sphere or a cylinder: a number it states (constants.ts). */
export function formulaNumbers(description: string): number[] {
  return CIRCLE_WORDS.test(description) ? [Math.PI] : [];
}
