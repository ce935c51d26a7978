/**
 * A constant the examples do not pin down. "Speed in km/h in knots, rounded to 1 decimal" from
 * 100 → 54 and 50 → 27 fits `kmh * 0.54`, and as well any factor from 0.5395 to 0.5405: rounding
 * hides the difference on the examples, and a larger speed shows it. A constant neither the
 * description nor the arithmetic of the task gives (a fitted conversion factor) that can move
 * that far and still fit every example is a guess; the person is asked for the output of an input
 * where the guesses part, and the answer narrows it.
 */
import { jsonEqual, validateInput } from "../../spec/index.ts";
import { body } from "./reading.ts";
import { replaceConstant } from "./rival-readings.ts";
import type { Ambiguity } from "./reading.ts";
import { runOn } from "./evaluate.ts";
import { probeInputs } from "./probes.ts";
import { statedConstants, walk } from "./rank.ts";
import { numbersIn } from "./rival-readings.ts";
import type { Expr, Json } from "./types.ts";
import { NUMBER_WITH_UNIT } from "./units.ts";
import { givesStatedEmpty } from "./stated-empty.ts";
import { stepsUsed } from "./stated-step.ts";

/** Relative moves of a constant tried, largest first: one that still fits says the examples leave that much open. */
const MOVES = [0.01, 0.003, 0.001, 0.0003, 0.0001];

/** Constants of everyday arithmetic: a count, a percent base, time and calendar units. */
function natural(c: number): boolean {
  const a = Math.abs(c);
  return (Number.isInteger(a) && a <= 12) || [24, 60, 100, 1000, 3600, 365, 52, 1024, 0.5, 0.25, 0.1, 0.01, 0.001].includes(a);
}

/** Whole numbers ten apart are two numbers (round 34). */
const TWO_NUMBERS = { wholeTens: "apart" } as const;

/**
 * Is `c` one of the description's numbers, or what a percent of one makes (20 → 0.2, 1.2, 0.8)? With
 * `wholeTens: "apart"`, two whole numbers a factor of ten apart are two numbers, not one written
 * twice: a cap of 20 beside a threshold of 2 is not used by it (round 34).
 */
function given(c: number, mentioned: readonly number[], { wholeTens = "same" }: { wholeTens?: "same" | "apart" } = {}): boolean {
  const near = (x: number): boolean => Math.abs(x - c) <= 1e-9 * Math.max(1, Math.abs(c));
  return mentioned.some((m) => {
    const tens = wholeTens === "same" || !(Number.isInteger(m) && Number.isInteger(c)) ? [m * 10, m / 10] : [];
    return [m, m / 100, 1 + m / 100, 1 - m / 100, 1 / m, 100 / m, ...tens].some(near);
  });
}

/** The text constants a program holds. */
function stringsIn(e: Expr): string[] {
  const out: string[] = [];
  walk(e, (n) => {
    if (n.k === "const" && typeof n.value === "string") out.push(n.value);
  });
  return out;
}

/** Every number in `v` multiplied by `k` (a larger case of the same shape). */
function scaled(v: Json, k: number): Json {
  if (typeof v === "number") return v * k;
  if (Array.isArray(v)) return v.map((x) => scaled(x, k));
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([key, x]) => [key, scaled(x, k)]));
  return v;
}

/**
 * The first constant of `expr` that the examples leave loose, asked about where the loosest
 * programs that still fit give other outputs; undefined when every constant is given or pinned.
 */
const replaceNumber = (e: Expr, c: number, by: number): Expr => replaceConstant(e, c, { k: "const", value: by });

export function looseConstant(expr: Expr, inputs: readonly Json[], outputs: readonly Json[], mentioned: readonly number[], inputSchema: unknown): Ambiguity | undefined {
  const fits = (e: Expr): boolean => inputs.every((inp, r) => {
    const v = runOn(e, inp);
    return v !== undefined && jsonEqual(v, outputs[r] as Json);
  });
  // A number of a formula the description writes is the description's, however it writes its sign.
  const stated = new Set([...statedConstants(expr)].map((n) => (n.k === "const" ? n.value : null)));
  const candidates = [...new Set(numbersIn(expr))].filter((c) => c !== 0 && !natural(c) && !given(c, mentioned) && !stated.has(c) && !stated.has(-c));
  if (candidates.length === 0) return undefined;
  const probes = [...inputs.flatMap((i) => [10, 100, 7, 1000].map((k) => scaled(i, k))), ...probeInputs(inputs)].filter((p) => validateInput(inputSchema, p).ok);
  for (const c of candidates) {
    const rivals = [1, -1].flatMap((sign) => {
      const move = MOVES.find((m) => fits(replaceNumber(expr, c, c * (1 + sign * m))));
      return move === undefined ? [] : [replaceNumber(expr, c, c * (1 + sign * move))];
    });
    for (const p of probes) {
      const mine = runOn(expr, p);
      if (mine === undefined) continue;
      const readings = [{ program: body(expr), output: mine }];
      const programs = [expr];
      for (const rival of rivals) {
        const theirs = runOn(rival, p);
        if (theirs === undefined || readings.some((r) => jsonEqual(r.output, theirs))) continue;
        readings.push({ program: body(rival), output: theirs });
        programs.push(rival);
      }
      if (readings.length > 1) return { input: p, readings, reason: "programs_disagree", programs };
    }
  }
  return undefined;
}

/** Numbers a description states as part of the rule, not in a quoted sample, a rounding, a name ("ISO 8601") or a year. */
export function statedNumbers(description: string): number[] {
  const text = description
    .replace(/(\d),(\d{3})\b/g, "$1$2")
    .replace(/'[^']*'|"[^"]*"/g, " ")
    .replace(NUMBER_WITH_UNIT, " ")
    .replace(/\b(e\.g\.|for example|such as|like)[^,;)]*/gi, " ")
    .replace(/\(\s*-?\d+(?:\.\d+)?\s+(to|-|through)\s+-?\d+(?:\.\d+)?\s*\)/gi, " ")
    .replace(/\b(rounded|round(ed)? to|to)\s+\d+\s+(decimals?|decimal places|places|dp|digits?)\b/gi, " ")
    .replace(/\b\d+\s+(decimals?|decimal places)\b/gi, " ")
    .replace(/\b[A-Z]{2,}\s*\d+/g, " ");
  // A number of a sentence stands between spaces or a sentence's marks ("at most 10.", "5% of",
  // "($3)"), not inside markup or code ("__pwned=2<", "v1.2", "a-3").
  const found = text.match(/(?<=^|[\s($£€])-?\d+(?:\.\d+)?(?=$|[\s%.,;:)!?](?!\d))/g) ?? [];
  // A year ("2019", a source's date) names a time, not a quantity of the rule.
  return [...new Set(found.map(Number))].filter((m) => m !== 0 && m !== 1 && !(Number.isInteger(m) && m >= 1900 && m <= 2100));
}

/**
 * The examples' inputs with one number of the input set to a stated number the program does not
 * use, first where it is the number, then one past it: "more than 14 days", "baskets of 30 euros or
 * more" turn there, and an input far from it (what probes.ts makes) only shows the same answer again.
 */
function atStatedNumbers(inputs: readonly Json[], stated: readonly number[]): Json[] {
  const out: Json[] = [];
  for (const step of [0, 1]) {
    for (const m of stated) {
      for (const input of inputs) {
        if (input === null || typeof input !== "object" || Array.isArray(input)) continue;
        for (const [k, v] of Object.entries(input)) if (typeof v === "number" && v !== m + step) out.push({ ...input, [k]: m + step });
      }
    }
  }
  return out;
}

/**
 * A number the description states that the program uses in no form (as written, as a percent,
 * one plus or minus the percent, its inverse): "2 plus 0.5 per day, at most 10" answered by
 * `Math.min(days_late, 10)`. The examples happened not to need it; a plausible input where the
 * program answers is asked about, the rival being a program that uses it.
 */
export function unusedNumber(expr: Expr, inputs: readonly Json[], description: string, inputSchema: unknown): Ambiguity | undefined {
  const rounded = numbersIn(expr);
  // A step rounded to in another unit uses the number the description writes ("15 minutes" as 0.25 of an hour).
  const used = [...rounded, ...stepsUsed(description, rounded)];
  const texts = stringsIn(expr);
  // A number written into a text the program builds ("+44 ") is used too.
  // One next to it counts too: `<= 74` is "from 75".
  const beside = (m: number): boolean => Number.isInteger(m) && used.some((c) => Number.isInteger(c) && Math.abs(c - m) === 1);
  // The answer stated for an empty list is given where the program answers it there ("-1 for an
  // empty list" by `values.indexOf(Math.max(...values))`; round 21).
  const missing = statedNumbers(description).filter((m) => !given(m, used, TWO_NUMBERS) && !used.some((c) => given(c, [m], TWO_NUMBERS)) && !beside(m) && !texts.some((t) => t.includes(String(m))) && !givesStatedEmpty(expr, inputs, description, m));
  if (missing.length === 0) return undefined;
  // Not an input asked about already: its answer is an example, and asking again teaches nothing.
  for (const p of [...atStatedNumbers(inputs, missing).filter((a) => !inputs.some((i) => jsonEqual(i, a))), ...probeInputs(inputs)]) {
    if (!validateInput(inputSchema, p).ok) continue;
    const mine = runOn(expr, p);
    if (mine === undefined) continue;
    return {
      input: p,
      readings: [{ program: body(expr), output: mine }, { program: `(a program that uses the description's ${missing.join(" and ")}, which this one does not)`, output: null }],
      reason: "programs_disagree",
      programs: [expr],
    };
  }
  return undefined;
}
