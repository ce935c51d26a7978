/**
 * Where a quotient has no value (round 25). "The gain that recovers a loss is loss ÷ (100 − loss) ×
 * 100", from two ordinary losses, divides by 0 at a loss of 100: the plugin would answer Infinity
 * there, and the description may say what it should ("null for a loss of 100 %", "0 when no hours
 * were worked"). The examples never show such an input (the program computes a number on each of
 * them), so nothing in them says what the answer is where the divisor is 0.
 *
 * Where the schema allows an input that makes a divisor of the chosen program 0, the person is asked
 * for its answer instead of being told the plugin's Infinity. Such inputs are found by setting one
 * number of an example to a value that zeroes a divisor of the program: 0, a number the program
 * holds (the 100 of `100 − loss`), or another number of the same input (the cost of `price − cost`).
 * Only divisors outside a lambda are looked at, the ones a number of the input reaches directly; a
 * mean over an empty list is the edge probes' question, not this one.
 */
import { jsonEqual, validateInput, validateOutput } from "../../spec/index.ts";
import type { SpecExample } from "../../spec/index.ts";
import { runOn } from "./evaluate.ts";
import { isObj } from "./probes.ts";
import { walk } from "./rank.ts";
import { body } from "./reading.ts";
import type { Ambiguity } from "./reading.ts";
import { numbersIn } from "./rival-readings.ts";
import type { Found } from "./search.ts";
import type { Expr, Json } from "./types.ts";

/** Most inputs tried (a bound on the check's cost). */
const MAX_PROBES = 200;

/** Whether `e` reads an element of a lambda (`x`) anywhere: then it has no value of its own on an input. */
function readsElement(e: Expr): boolean {
  let found = false;
  walk(e, (n) => (found ||= n.k === "x" || n.k === "lam"));
  return found;
}

/** The divisors of the program's quotients and remainders that stand outside any lambda. */
export function divisorsOf(expr: Expr): Expr[] {
  const out: Expr[] = [];
  const visit = (e: Expr): void => {
    if (e.k === "lam") {
      visit(e.arr);
      return;
    }
    if (e.k === "op" && (e.op === "div" || e.op === "mod") && e.args[1] && !readsElement(e.args[1])) out.push(e.args[1]);
    if (e.k === "op") for (const a of e.args) visit(a);
    else if (e.k === "get") visit(e.obj);
    else if (e.k === "if") [e.cond, e.then, e.else].forEach(visit);
    else if (e.k === "obj") for (const [, v] of e.fields) visit(v);
  };
  visit(expr);
  return out;
}

/** Each input with one number of its own (outside arrays) set to one of `values`, or to another number of the same input. */
function zeroingProbes(inputs: readonly Json[], values: readonly number[]): Json[] {
  const out: Json[] = [];
  const seen = new Set(inputs.map((i) => JSON.stringify(i)));
  const add = (p: Json): void => {
    const k = JSON.stringify(p);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(p);
    }
  };
  for (const input of inputs) {
    const numbers: { set: (x: number) => Json; value: number }[] = [];
    const visit = (v: Json, set: (x: Json) => Json): void => {
      if (typeof v === "number") numbers.push({ set: (x) => set(x), value: v });
      else if (isObj(v)) for (const [k, e] of Object.entries(v)) visit(e, (x) => set({ ...v, [k]: x }));
    };
    visit(input, (x) => x);
    const own = numbers.map((n) => n.value);
    for (const n of numbers) for (const x of [...values, ...own, ...own.map((o) => -o)]) if (x !== n.value) add(n.set(x));
  }
  return out.slice(0, MAX_PROBES);
}

/**
 * The first input the schema allows on which a divisor of the chosen program is 0 and the program
 * has no answer, asked about; only where the output schema admits null (the answer such an input
 * usually has).
 * Where it admits numbers only, the plugin's Infinity fails its own output check when it runs (an
 * error the caller sees, `output_invalid`, not a wrong answer), and a question about 0 people for
 * every "cost divided by the number of people" would cost five published programs of the
 * development set for answers the plugin cannot give anyway.
 */
export function zeroDivisor(expr: Expr, inputs: readonly Json[], schemas: { input: unknown; output: unknown }): Ambiguity | undefined {
  const divisors = divisorsOf(expr);
  if (divisors.length === 0 || !validateOutput(schemas.output, null).ok) return undefined;
  const inputSchema = schemas.input;
  const values = [0, ...new Set(numbersIn(expr))];
  for (const p of zeroingProbes(inputs, values)) {
    if (!divisors.some((d) => runOn(d, p) === 0) || runOn(expr, p) !== undefined || !validateInput(inputSchema, p).ok) continue;
    return {
      input: p,
      readings: [{ program: body(expr), output: null }, { program: "(the answer where the program divides by 0)", output: null }],
      reason: "programs_disagree",
      programs: [expr],
    };
  }
  return undefined;
}

/**
 * The answer the person gave where the divisor is 0, kept (round 25): examples that answer null
 * where the program found on the others divides by 0 make `divisor === 0 ? null : program`. The
 * bottom-up search cannot write it, as every expression it keeps has a value on every example; so
 * the program is searched on the other examples, and the guard taken only where its divisor is 0 on
 * some of the examples that answer null and on none of the others: the examples show where, the
 * person's answer what. `answers`: null, and the numbers the description states for an input at 0
 * ("or 0 when hours is 0"), where some examples may give the same answer by the program itself.
 */
export function guardedAtZeroDivisor(examples: readonly SpecExample[], answers: readonly Json[], searchOthers: (others: readonly SpecExample[]) => readonly Found[]): Found[] {
  const out: Found[] = [];
  for (const answer of answers) {
    const at = examples.filter((e) => jsonEqual(e.output, answer));
    const others = examples.filter((e) => !at.includes(e));
    if (at.length === 0 || others.length < 2) continue;
    for (const f of searchOthers(others)) {
      for (const d of divisorsOf(f.expr)) {
        const zeroAt = (e: SpecExample): boolean => runOn(d, e.input as Json) === 0;
        if (!at.some(zeroAt) || others.some(zeroAt)) continue;
        out.push({ expr: guarded(d, answer, f.expr), size: f.size + 2 });
        break;
      }
    }
  }
  return out;
}

/** `divisor === 0 ? answer : program`. */
function guarded(divisor: Expr, answer: Json, program: Expr): Expr {
  return { k: "if", cond: { k: "op", op: "eq", args: [divisor, { k: "const", value: 0 }] }, then: { k: "const", value: answer }, else: program };
}

/**
 * A program guarded at its divisor's 0 (`guardedAtZeroDivisor`) with its unguarded part rewritten
 * by `restate` on the examples it answers (the guard's answer is the person's, not the search's);
 * any other program as it is.
 */
export function withinGuard(expr: Expr, examples: { inputs: readonly Json[]; outputs: readonly Json[] }, restate: (program: Expr, inputs: readonly Json[], outputs: readonly Json[]) => Expr): Expr {
  const divisor = guardedDivisor(expr);
  if (divisor === undefined || expr.k !== "if" || expr.then.k !== "const") return expr;
  const rows = examples.inputs.flatMap((input, r) => (runOn(divisor, input) === 0 ? [] : [r]));
  const inner = restate(expr.else, rows.map((r) => examples.inputs[r] as Json), rows.map((r) => examples.outputs[r] as Json));
  return inner === expr.else ? expr : guarded(divisor, expr.then.value, inner);
}

/** The divisor a program guarded at its 0 (`divisor === 0 ? answer : program`) tests, or undefined for any other program. */
export function guardedDivisor(expr: Expr): Expr | undefined {
  const c = expr.k === "if" ? expr.cond : undefined;
  if (expr.k !== "if" || c?.k !== "op" || c.op !== "eq" || expr.then.k !== "const" || c.args[1]?.k !== "const" || c.args[1].value !== 0) return undefined;
  const divisor = c.args[0] as Expr;
  return divisorsOf(expr.else).some((d) => JSON.stringify(d) === JSON.stringify(divisor)) ? divisor : undefined;
}
