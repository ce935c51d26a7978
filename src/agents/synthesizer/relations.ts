/**
 * Numeric targets, solved rather than enumerated:
 * - **residuals** (meet in the middle): when an expression `e` arrives, the value another expression
 *   would need for `e ⊕ X = target` is computed and looked up among the expressions already kept,
 *   so `sum(map(qty * price)) * (1 + tax)` is found from its two halves;
 * - **linear relations** with constants solved from the examples (`hours * 60 + minutes`,
 *   `celsius * 1.8 + 32`, `net * 1.2` rounded to cents), accepted only when the constants are
 *   round numbers and at least one example is left over to check them.
 */
import type { Entry, Expr, Json } from "./types.ts";
import { konst, op } from "./expr.ts";

export interface Candidate {
  readonly expr: Expr;
  readonly size: number;
}

const solved = (value: number): Expr => ({ k: "const", value, solved: true });

/** The residual lookups of a new entry: [op, partner's value on each row, whether e is the left argument]. */
const RESIDUALS: readonly [string, (t: number, v: number) => number, boolean][] = [
  ["add", (t, v) => t - v, false],
  ["mul", (t, v) => t / v, false],
  ["div", (t, v) => t * v, false], // X / e = t
  ["div", (t, v) => v / t, true], // e / X = t
  ["sub", (t, v) => t + v, false], // X - e = t
  ["sub", (t, v) => v - t, true], // e - X = t
];
const APPLY: Readonly<Record<string, (a: number, b: number) => number>> = { add: (a, b) => a + b, mul: (a, b) => a * b, div: (a, b) => a / b, sub: (a, b) => a - b };

export function residualCandidates(e: Entry, targets: readonly number[], byValues: (vals: readonly number[]) => Entry | undefined): Candidate[] {
  if (e.kind !== "num" || e.isConst || e.threshold || targets.length < 2) return [];
  const out: Candidate[] = [];
  for (const [name, partner, eLeft] of RESIDUALS) {
    const vals: number[] = [];
    for (let r = 0; r < targets.length; r++) {
      const v = partner(targets[r] as number, e.vals[r] as number);
      if (!Number.isFinite(v)) break;
      vals.push(v);
    }
    if (vals.length !== targets.length) continue;
    const x = byValues(vals);
    if (!x || x === e || x.kind !== "num" || x.threshold || (x.isConst && (name === "mul" || name === "div") && x.vals[0] === 1)) continue;
    // Constant partners are found by the plain search and by linear fits; a residual pairs two computed values.
    if (x.isConst) continue;
    // The partner's value is what the target needs, but not every need is met: `e / X` at a row
    // where e is 0 needs X = 0, and 0 / 0 is no answer (round 21: a fit that no program gives
    // ended the search early with nothing).
    const left = (eLeft ? e.vals : x.vals) as number[];
    const right = (eLeft ? x.vals : e.vals) as number[];
    if (!targets.every((t, r) => close((APPLY[name] as (a: number, b: number) => number)(left[r] as number, right[r] as number), t))) continue;
    out.push({ expr: eLeft ? op(name, e.expr, x.expr) : op(name, x.expr, e.expr), size: e.size + x.size + 1 });
  }
  return out;
}

const SCALES = [1, 2, 4, 5, 10, 20, 100, 1000];
/** What each constant solved from the examples adds to a program's size: it was fitted, not given. */
const SOLVED = 2;
const MAX_INTERCEPT_PART = 2;

/** A round number near v (few decimals, small denominators), or undefined. */
export function roundNumber(v: number): number | undefined {
  if (!Number.isFinite(v) || Math.abs(v) > 1e6) return undefined;
  for (const s of SCALES) {
    const n = Math.round(v * s);
    if (Math.abs(n / s - v) <= 1e-9 * Math.max(1, Math.abs(v))) return n / s;
  }
  return undefined;
}

export type Rounding = { readonly digits: number | null };
const ROUNDINGS: readonly Rounding[] = [{ digits: null }, { digits: 0 }, { digits: 1 }, { digits: 2 }];

/** `v` rounded to `r.digits` decimals (halves up), or as it is for `null`. */
export function rounded(v: number, r: Rounding): number {
  if (r.digits === null) return v;
  const f = 10 ** r.digits;
  return Math.round(v * f) / f;
}

/** Equal up to floating point (1e-9, relative past 1). */
export function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function affineExpr(terms: readonly [Expr, number][], b: number, r: Rounding): Expr {
  let acc: Expr | undefined;
  for (const [x, a] of terms) {
    const term = a === 1 ? x : op("mul", x, solved(a));
    acc = acc ? op("add", acc, term) : term;
  }
  let expr = b === 0 ? (acc as Expr) : op("add", acc as Expr, solved(b));
  if (r.digits === 0) expr = op("round", expr);
  else if (r.digits !== null) expr = op("roundTo", expr, konst(r.digits));
  return expr;
}

/**
 * `target = a * e + b` (b = 0 first), possibly rounded, with round a and b; at least one example
 * more than there are unknowns.
 */
export function linearFit(e: Entry, targets: readonly number[]): Candidate | undefined {
  if (e.kind !== "num" || e.isConst || e.threshold) return undefined;
  const xs = e.vals as number[];
  const n = targets.length;
  for (const r of ROUNDINGS) {
    // Through the origin: a from the row with the largest |x| (least hurt by rounding).
    let big = 0;
    for (let i = 1; i < n; i++) if (Math.abs(xs[i] as number) > Math.abs(xs[big] as number)) big = i;
    // Rounding hides error: a rounded fit needs two examples to check it, an exact one needs one.
    if (n >= (r.digits === null ? 2 : 3) && xs[big] !== 0) {
      const a = r.digits === null ? roundNumber((targets[big] as number) / (xs[big] as number)) : snap((targets[big] as number) / (xs[big] as number), xs[big] as number, r);
      if (a !== undefined && a !== 0 && a !== 1 && xs.every((x, i) => close(rounded(a * x, r), targets[i] as number))) {
        return { expr: affineExpr([[e.expr, a]], 0, r), size: e.size + 2 + SOLVED + (r.digits === null ? 0 : 2) };
      }
    }
    // An intercept is one more constant fitted: only on a plain value (a field, a count), never on a composite.
    if (n < 3 || r.digits !== null || e.size > MAX_INTERCEPT_PART) continue;
    const j = xs.findIndex((x) => x !== xs[0]);
    if (j < 0) continue;
    const slope = ((targets[j] as number) - (targets[0] as number)) / ((xs[j] as number) - (xs[0] as number));
    const a = roundNumber(slope);
    if (a === undefined) {
      const scaled = scaledShift(e, xs, targets, slope);
      if (scaled) return scaled;
      continue;
    }
    if (a === 0) continue;
    const b = roundNumber((targets[0] as number) - a * (xs[0] as number));
    if (b === undefined || b === 0) continue;
    if (xs.every((x, i) => close(a * x + b, targets[i] as number))) {
      return { expr: affineExpr([[e.expr, a]], b, r), size: e.size + (a === 1 ? 2 + SOLVED : 4 + 2 * SOLVED) };
    }
  }
  return undefined;
}

/**
 * `(e + c) * p / q` for a slope that is a fraction with a small denominator and a round shift
 * (`(fahrenheit - 32) * 5 / 9`): the form such relations are written in, where the intercept
 * itself (-160/9) is no round number.
 */
function scaledShift(e: Entry, xs: readonly number[], targets: readonly number[], slope: number): Candidate | undefined {
  for (let q = 2; q <= 12; q++) {
    const p = Math.round(slope * q);
    if (p === 0 || Math.abs(p) > 100 || !close(p / q, slope) || roundNumber(p / q) !== undefined) continue;
    const c = roundNumber((targets[0] as number) / slope - (xs[0] as number));
    if (c === undefined || c === 0) return undefined;
    if (!xs.every((x, i) => close(((x + c) * p) / q, targets[i] as number))) return undefined;
    const shifted = c > 0 ? op("add", e.expr, solved(c)) : op("sub", e.expr, solved(-c));
    return { expr: op("div", op("mul", shifted, solved(p)), solved(q)), size: e.size + 6 + 3 * SOLVED };
  }
  return undefined;
}

/** The roundest a such that round(a * x) is still the target on that row. */
function snap(ratio: number, x: number, r: Rounding): number | undefined {
  const tol = 0.5 / 10 ** (r.digits ?? 0) / Math.abs(x);
  for (const s of SCALES) {
    const a = Math.round(ratio * s) / s;
    if (Math.abs(a - ratio) <= tol) return a;
  }
  return undefined;
}

/** `target = a * e1 + b * e2` for two inputs, with round a and b and a third example to check them. */
export function linearFit2(e1: Entry, e2: Entry, targets: readonly number[]): Candidate | undefined {
  const n = targets.length;
  if (n < 3 || e1 === e2) return undefined;
  const x = e1.vals as number[];
  const y = e2.vals as number[];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const det = (x[i] as number) * (y[j] as number) - (x[j] as number) * (y[i] as number);
      if (Math.abs(det) < 1e-12) continue;
      const a = roundNumber(((targets[i] as number) * (y[j] as number) - (targets[j] as number) * (y[i] as number)) / det);
      const b = roundNumber(((x[i] as number) * (targets[j] as number) - (x[j] as number) * (targets[i] as number)) / det);
      if (a === undefined || b === undefined || a === 0 || b === 0 || (a === 1 && b === 1)) return undefined;
      if (!x.every((xv, r) => close(a * xv + b * (y[r] as number), targets[r] as number))) return undefined;
      return { expr: affineExpr([[e1.expr, a], [e2.expr, b]], 0, ROUNDINGS[0] as Rounding), size: e1.size + e2.size + 1 + (a === 1 ? 0 : 2 + SOLVED) + (b === 1 ? 0 : 2 + SOLVED) };
    }
  }
  return undefined;
}

export function numericTargets(targets: readonly Json[]): number[] | undefined {
  return targets.every((t) => typeof t === "number") ? (targets as number[]) : undefined;
}
