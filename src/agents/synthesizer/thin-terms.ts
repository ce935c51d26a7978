/**
 * Arithmetic that one example alone asks for. In `hours * rate + hours * hours % min(hours, 40)` the
 * second term is 0 on every example but one, where it happens to give the missing 25: any term with
 * that one value there fits, so nothing says it is the right one (overtime pay is not a remainder).
 * Such a term (added or subtracted, 0 elsewhere; or a factor or divisor, 1 elsewhere) makes the
 * program suspect; the program without it is the rival reading the person is asked to choose from.
 */
import { runOn } from "./evaluate.ts";
import type { Expr, Json } from "./types.ts";

/** Where a term is neutral: 0 next to `+`/`-`, 1 as a factor or divisor. */
const NEUTRAL: Readonly<Record<string, number>> = { add: 0, sub: 0, mul: 1, div: 1 };
/** Examples on which the term must be neutral before it counts as resting on the one left. */
const MIN_NEUTRAL = 2;

/** A term made of more than a field: a field the examples leave at 0 is what the spec gave, not a guess. */
function compound(e: Expr): boolean {
  return e.k === "op" || e.k === "lam" || e.k === "if";
}

/**
 * Programs that are `e` without one of its top-level arithmetic terms (not inside a lambda or a
 * branch, where not every example reaches it), for each term neutral on all examples but one (and
 * on at least two).
 */
export function withoutThinTerms(e: Expr, inputs: readonly Json[]): Expr[] {
  const out: Expr[] = [];
  const visit = (n: Expr, rebuild: (m: Expr) => Expr): void => {
    if (n.k === "op") {
      const neutral = NEUTRAL[n.op];
      if (neutral !== undefined && n.args.length === 2) {
        // `a + t`, `t + a`, `a - t`, `a * t`, `t * a`, `a / t`: which arguments may be dropped.
        const droppable = n.op === "add" || n.op === "mul" ? [0, 1] : [1];
        for (const i of droppable) {
          const term = n.args[i] as Expr;
          if (!compound(term)) continue;
          const vals = inputs.map((inp) => runOn(term, inp));
          if (vals.some((v) => typeof v !== "number")) continue;
          const off = vals.filter((v) => v !== neutral).length;
          if (off === 1 && vals.length - off >= MIN_NEUTRAL) out.push(rebuild(n.args[1 - i] as Expr));
        }
      }
      n.args.forEach((a, i) => visit(a, (m) => rebuild({ ...n, args: n.args.map((x, j) => (j === i ? m : x)) })));
    } else if (n.k === "obj") {
      n.fields.forEach(([k, v], i) => visit(v, (m) => rebuild({ ...n, fields: n.fields.map((f, j) => (j === i ? ([k, m] as const) : f)) })));
    }
  };
  visit(e, (m) => m);
  return out;
}

/**
 * A clamp (`Math.max(minutes, 24)`, `Math.min(a, b)`) that binds on one example only, the other
 * argument winning on at least two: like a thin term, the one example is all that asks for it.
 */
export function hasThinClamp(e: Expr, inputs: readonly Json[]): boolean {
  let found = false;
  const visit = (n: Expr): void => {
    if (found || n.k !== "op") return;
    if ((n.op === "min2" || n.op === "max2") && n.args.length === 2) {
      const wins = [0, 0];
      for (const input of inputs) {
        const [a, b] = n.args.map((x) => runOn(x, input));
        if (typeof a !== "number" || typeof b !== "number" || a === b) continue;
        const first = n.op === "min2" ? a < b : a > b;
        wins[first ? 0 : 1] = (wins[first ? 0 : 1] ?? 0) + 1;
      }
      found = Math.min(...(wins as [number, number])) === 1 && Math.max(...(wins as [number, number])) >= MIN_NEUTRAL;
    }
    n.args.forEach(visit);
  };
  visit(e);
  return found;
}
