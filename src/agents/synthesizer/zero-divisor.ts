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
import { toldInWords } from "./reading.ts";
import type { Ambiguity } from "./reading.ts";
import { numbersIn } from "./rival-readings.ts";
import type { Found } from "./search.ts";
import type { Expr, Json } from "./types.ts";
import { sameExpr } from "./expr.ts";

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

/** A number of an input (outside arrays), and the input with it set to another. */
interface Place {
  readonly value: number;
  readonly set: (x: number) => Json;
}

function placesOf(input: Json): Place[] {
  const out: Place[] = [];
  const visit = (v: Json, set: (x: Json) => Json): void => {
    if (typeof v === "number") out.push({ value: v, set: (x) => set(x) });
    else if (isObj(v)) for (const [k, e] of Object.entries(v)) visit(e, (x) => set({ ...v, [k]: x }));
  };
  visit(input, (x) => x);
  return out;
}

/**
 * Where `divisor` is 0 as one number of `input` moves, the others staying as they are: the root of
 * the divisor as a line through that number (`guests + 1` at −1, `price − 2 × cost` at twice the
 * cost, `b + 273.15` at −273.15), kept only where the divisor is exactly 0 there.
 */
function rootAt(divisor: Expr, place: Place): Json | undefined {
  const at = (x: number): number | undefined => {
    const v = runOn(divisor, place.set(x));
    return typeof v === "number" ? v : undefined;
  };
  const d0 = at(0);
  const d1 = at(1);
  if (d0 === undefined || d1 === undefined || d0 === d1) return undefined;
  const root = -d0 / (d1 - d0);
  const p = place.set(Number.isInteger(Math.round(root * 1e9) / 1e9) ? Math.round(root) : root);
  return runOn(divisor, p) === 0 ? p : undefined;
}

/**
 * The inputs on which a divisor may be 0, the likeliest first: for each example, each of its
 * numbers at the divisor's root with the others as they are, then with the others at 0 (a sum of
 * two numbers is 0 where both are), then each number set to 0, to a number the program holds or its
 * negative, or to another number of the same input. Only inputs the schema allows count, and only
 * so many of those.
 */
function zeroingProbes(inputs: readonly Json[], divisors: readonly Expr[], values: readonly number[], allowed: (p: Json) => boolean): Json[] {
  const out: Json[] = [];
  const seen = new Set(inputs.map((i) => JSON.stringify(i)));
  const add = (p: Json | undefined): void => {
    if (p === undefined || out.length >= MAX_PROBES) return;
    const k = JSON.stringify(p);
    if (seen.has(k)) return;
    seen.add(k);
    if (allowed(p)) out.push(p);
  };
  for (const input of inputs) {
    const places = placesOf(input);
    for (const d of divisors) {
      for (const place of places) add(rootAt(d, place));
      for (const i of places.keys()) {
        const zeroed = places.reduce<Json>((acc, _, j) => (j === i ? acc : (placesOf(acc)[j] as Place).set(0)), input);
        const moved = placesOf(zeroed)[i];
        if (moved) add(rootAt(d, moved));
      }
    }
  }
  for (const input of inputs) {
    const places = placesOf(input);
    const own = places.map((n) => n.value);
    for (const n of places) for (const x of [...values, ...values.map((v) => -v), ...own, ...own.map((o) => -o)]) if (x !== n.value) add(n.set(x));
  }
  return out;
}

/**
 * The first input the schema allows on which a divisor of the chosen program is 0 and the program
 * has no answer, asked about; only where the output schema admits null (the answer such an input
 * usually has), or the answer is a text (which would say "Infinity").
 * Where it admits numbers only, the plugin's Infinity fails its own output check when it runs (an
 * error the caller sees, `output_invalid`, not a wrong answer), and a question about 0 people for
 * every "cost divided by the number of people" would cost five published programs of the
 * development set for answers the plugin cannot give anyway.
 */
export function zeroDivisor(expr: Expr, inputs: readonly Json[], outputs: readonly Json[], schemas: { input: unknown; output: unknown }): Ambiguity | undefined {
  const divisors = divisorsOf(expr);
  // A text answer writes "Infinity km/h" where the divisor is 0, which no output check refuses.
  const written = outputs.length > 0 && outputs.every((o) => typeof o === "string");
  if (divisors.length === 0 || !(written || validateOutput(schemas.output, null).ok)) return undefined;
  const values = [0, ...new Set(numbersIn(expr))];
  for (const p of zeroingProbes(inputs, divisors, values, (q) => validateInput(schemas.input, q).ok)) {
    if (!divisors.some((d) => runOn(d, p) === 0) || runOn(expr, p) !== undefined) continue;
    return toldInWords(expr, p, null, "the answer where the program divides by 0");
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
      // Each divisor 0 on some example that gives the answer and on none of the others is guarded
      // (`km1 ÷ h1 + km2 ÷ h2` answered null at h1 = 0 and at h2 = 0).
      const zeroAt = (d: Expr, e: SpecExample): boolean => runOn(d, e.input as Json) === 0;
      const guards = unique(divisorsOf(f.expr)).filter((d) => at.some((e) => zeroAt(d, e)) && !others.some((e) => zeroAt(d, e)));
      if (guards.length > 0) out.push({ expr: guards.reduceRight((inner, d) => guarded(d, answer, inner), f.expr), size: f.size + 2 * guards.length });
    }
  }
  return out;
}

/** The expressions of `es` without repeats. */
function unique(es: readonly Expr[]): Expr[] {
  const seen = new Set<string>();
  return es.filter((e) => {
    const k = JSON.stringify(e);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
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
  const rest = { inputs: rows.map((r) => examples.inputs[r] as Json), outputs: rows.map((r) => examples.outputs[r] as Json) };
  // Guards one inside another, one per divisor: the innermost program is the one restated.
  const inner = guardedDivisor(expr.else) !== undefined ? withinGuard(expr.else, rest, restate) : restate(expr.else, rest.inputs, rest.outputs);
  return inner === expr.else ? expr : guarded(divisor, expr.then.value, inner);
}

/** The divisors a program guards at 0, outermost first (none for a program with no guard). */
export function guardedDivisors(expr: Expr): Expr[] {
  const d = guardedDivisor(expr);
  return d === undefined || expr.k !== "if" ? [] : [d, ...guardedDivisors(expr.else)];
}

/** The divisor a program guarded at its 0 (`divisor === 0 ? answer : program`) tests, or undefined for any other program. */
export function guardedDivisor(expr: Expr): Expr | undefined {
  const c = expr.k === "if" ? expr.cond : undefined;
  if (expr.k !== "if" || c?.k !== "op" || c.op !== "eq" || expr.then.k !== "const" || c.args[1]?.k !== "const" || c.args[1].value !== 0) return undefined;
  const divisor = c.args[0] as Expr;
  return divisorsOf(expr.else).some((d) => sameExpr(d, divisor)) ? divisor : undefined;
}
