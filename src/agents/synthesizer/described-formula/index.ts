/**
 * Formulas written in the description, as terminals of the top-level search (round 24). About a
 * third of the specs a person writes state their formula ("humidex = T + 0.5555 × (6.11 ×
 * e^(5417.7530 × (1/273.16 - 1/(273.15 + Td))) - 10)"), with constants and shapes the bottom-up
 * search cannot reach from two examples. Each binding of each written formula that computes a
 * number on every example is one more terminal: the search may round it, guard it or combine it,
 * and the ranking and every ambiguity check apply to it as to any other program. A formula that
 * fits no example is simply never chosen.
 */
import { evaluate } from "../evaluate.ts";
import { FAIL } from "../ops.ts";
import { kindOf } from "../kinds.ts";
import { bindFormula, namesOf } from "./bind.ts";
import type { Bound } from "./bind.ts";
import { statements } from "./spans.ts";
import type { Entry, Expr, Json } from "../types.ts";

/** Most formula terminals per spec: each one more terminal the search combines with every other. */
const MAX_TERMS = 12;

/** The top-level fields that are numbers on every example. */
export function numericFields(inputs: readonly Json[]): string[] {
  const first = inputs[0];
  if (first === null || typeof first !== "object" || Array.isArray(first)) return [];
  return Object.keys(first).filter((k) => inputs.every((row) => row !== null && typeof row === "object" && !Array.isArray(row) && typeof row[k] === "number"));
}

function readsInput(e: Expr): boolean {
  if (e.k === "in") return true;
  return e.k === "op" && e.args.some(readsInput);
}

/** Operands that are no guess: fields and numbers. */
function leaves(e: Expr): number {
  if (e.k === "in" || e.k === "const") return 1;
  return e.k === "op" ? e.args.reduce((n, a) => n + leaves(a), 0) : 0;
}

/** A binding that reads the input and has an operand that is no guess (no formula made only of guesses). */
const named = (b: Bound): boolean => readsInput(b.expr) && leaves(b.expr) > b.holes;

/**
 * The bindings of the description's formulas worth trying, bindings by name before guesses: where a
 * formula binds without holes, its guessed bindings are left out.
 */
export function describedFormulas(description: string, fields: readonly string[]): Bound[] {
  const stated = statements(description);
  const names = namesOf(stated, fields);
  const out: Bound[] = [];
  for (const s of stated) {
    if (s.k === "alias") continue;
    const all = bindFormula(s.body, names, new Set([s.body])).filter(named);
    const sure = all.filter((b) => b.holes === 0);
    out.push(...(sure.length > 0 ? sure : all));
  }
  return out;
}

/**
 * The terminals: each distinct binding that is a finite number on every example row (the first
 * `exampleRows`), with its values on every row (null where it fails on a probe row).
 */
export function formulaTerminals(description: string, inputs: readonly Json[], exampleRows = inputs.length): Entry[] {
  const fields = numericFields(inputs.slice(0, exampleRows));
  if (fields.length === 0) return [];
  const seen = new Set<string>();
  const out: Entry[] = [];
  for (const b of describedFormulas(description, fields)) {
    const key = JSON.stringify(b.expr);
    if (seen.has(key)) continue;
    seen.add(key);
    const vals = inputs.map((input) => {
      const v = evaluate(b.expr, { input });
      return v === FAIL || typeof v !== "number" || !Number.isFinite(v) ? null : v;
    });
    if (vals.slice(0, exampleRows).some((v) => v === null)) continue;
    const { kind } = kindOf(vals);
    out.push({ expr: b.expr.k === "op" ? { ...b.expr, stated: true } : b.expr, size: 1, vals, kind });
    if (out.length >= MAX_TERMS) break;
  }
  return out;
}
