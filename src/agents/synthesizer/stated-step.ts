/**
 * Round 26b (issue #17): a rounding to a step the description states. People round to a step as
 * often as to decimals: "rounded to the nearest half size (halves up)", "to the nearest 5 minutes",
 * "to the nearest 0.05 (5 cents)", "to the nearest 10", "rounded up to the next 0.25 hour",
 * "rounded down to a multiple of 15". No sum, product or rounding of the DSL says that, so the
 * search fit coincidences of two examples (`x + x - round(x * 10) / 10`) and asked or published
 * them.
 *
 * Three operations round `x` to a multiple of a step: `roundStep` to the nearest (halves up, as
 * `Math.round`), `ceilStep` up, `floorStep` down; round 27a added `truncStep` ("rounded towards
 * zero"), `roundStepAway` ("halves away from zero") and `roundStepHalfDown` ("halves down"). Their answer is written with the step's own
 * decimals (`Math.round(x * 20) / 20`, never `Math.round(x / 0.05) * 0.05`, which gives
 * 0.30000000000000004). Like the roots of formula-ops.ts, the search builds them only with a step
 * the description states, in the direction it states; the step is the description's number, never
 * fitted. restate.ts rounds the chosen program to the stated step where the examples allow it.
 *
 * A step read from a unit is read both ways where the description leaves the unit open: "the
 * nearest 15 minutes" is 15 for an answer in minutes and 0.25 for one in hours, and the examples
 * decide (a step that fits neither is no program). "5 cents" is 0.05 of a currency unit, and 5
 * first where the description speaks of an amount "in cents" ("in euro cents"). A rounding of
 * ties these do not write ("to even", "towards zero") reads no step. A step is stated with a
 * rounding word next to its phrase, a unit or a fraction word: "the next 100 m marker, rounded to
 * 1 decimal" rounds to a decimal.
 */
import { PREC, binary, call, code } from "./code.ts";
import type { Code } from "./code.ts";
import { FAIL } from "./ops.ts";
import type { OpDef } from "./ops.ts";
import type { Entry, Expr } from "./types.ts";
import { op } from "./expr.ts";

/**
 * "zero": towards zero ("rounded towards zero to a multiple of 0.5"), down for positives, up for
 * negatives. "away": to the nearest with halves away from zero (−2.25 to −2.5, where `roundStep`'s
 * `Math.round` gives −2). "halfDown": to the nearest with halves down (37.75 to 37.5 on a step of 0.5).
 */
export type StepDirection = "nearest" | "up" | "down" | "zero" | "away" | "halfDown";

/** A step the description rounds its answer to, and which way. */
export interface StatedStep {
  readonly step: number;
  readonly direction: StepDirection;
  /** The factor between units the step was read across (60 for "15 minutes" as 0.25 of an hour). */
  readonly factor?: number;
}

/** The op that rounds in each direction. */
export const STEP_OPS: Readonly<Record<StepDirection, string>> = { nearest: "roundStep", up: "ceilStep", down: "floorStep", zero: "truncStep", away: "roundStepAway", halfDown: "roundStepHalfDown" };
export const STEP_OP_NAMES: ReadonlySet<string> = new Set(Object.values(STEP_OPS));

/** Steps written as words. */
const STEP_WORDS: Readonly<Record<string, number>> = {
  half: 0.5, quarter: 0.25, tenth: 0.1, hundredth: 0.01,
  two: 2, three: 3, four: 4, five: 5, six: 6, ten: 10, twelve: 12, fifteen: 15, twenty: 20, "twenty-five": 25, thirty: 30, fifty: 50,
  hundred: 100, thousand: 1000,
};

/** A number, a decimal or a fraction ("1/4 star"). */
const NUMBER = String.raw`(?:[$€£]\s?)?(?<num>\d+\/[1-9]\d*|\d+(?:\.\d+)?|\.\d+)`;
const WORD = `(?<word>${Object.keys(STEP_WORDS).sort((a, b) => b.length - a.length).join("|")})\\b`;
const UNITS = String.raw`minutes?|mins?|hours?|hrs?|cents?`;
/** The unit after a step: "5 minutes", "15-minute", "half hour", "quarter of an hour", "5 cents". */
const UNIT = String.raw`(?:[\s-]*(?:of an?\s+)?(?<unit>${UNITS})\b)?`;
const STEP = `(?:${NUMBER}|${WORD})${UNIT}`;

/**
 * Where a step is stated: "to the nearest STEP", "to the next STEP", "to a multiple of STEP",
 * "in steps of STEP", "in 15-minute increments". The text before it in its clause gives the
 * direction ("rounded up", "rounded down").
 */
const PHRASES: readonly RegExp[] = [
  new RegExp(String.raw`\b(?:to|at)\s+the\s+(?<how>nearest|closest|next)\s+(?:multiple\s+of\s+)?${STEP}`, "g"),
  new RegExp(String.raw`\bto\s+(?:a|the)\s+(?<how>multiple)s?\s+of\s+${STEP}`, "g"),
  new RegExp(String.raw`\bin\s+(?<how>steps|increments|blocks)\s+of\s+${STEP}`, "g"),
  new RegExp(String.raw`\bin\s+(?:whole\s+)?(?:${NUMBER}|${WORD})[\s-]*(?<unit>${UNITS})?[\s-]+(?<how>steps|increments|blocks)\b`, "g"),
];

/** Ties rounded away from zero: the op of its own that does it ("halves away from zero"). */
const AWAY_TIES = /\b(halves|half|ties?|midpoints?|a value exactly between|exactly halfway)\b[^.;]{0,20}?\baway\s+from\s+zero\b/;
/** Ties rounded down ("halves down", "round half down"): the op of its own that does it. */
const DOWN_TIES = /\b(halves|ties?|midpoints?|a value exactly between|exactly halfway)\b[^.;]{0,20}?\bdown\b|\bhalf[\s-]+(?:(?:goes|go|rounded|rounds?|going)\s+)?down\b/;
/**
 * Ties rounded some other way than up, down or away from zero (to even, towards zero): not what
 * these ops do. "Half" is a ties word only next
 * to its rule ("round half down", "half to even"): "half the distance down the trail" is a quantity.
 */
const OTHER_TIES = /\b(halves|ties?|midpoints?|a value exactly between|exactly halfway)\b[^.;]{0,20}?\b(down|even|odd|towards? zero)\b|\bhalf[\s-]+(?:(?:goes|go|rounded|rounds?|going)\s+)?(?:down|to\s+even|even|odd|towards?\s+zero)\b|\bbanker/;
const FRACTIONS: ReadonlySet<string> = new Set(["half", "quarter", "tenth", "hundredth"]);
const ROUNDING_BEFORE = /\bround(?:ed|s|ing)?\b/;
/**
 * A rounding word next to the phrase: a few words before it ("rounded up to the next", "round the
 * price to the nearest") or just after it ("in 15-minute increments, rounded up"). One further off
 * rounds something else: "metres to the next 100 m marker, rounded to 1 decimal" rounds the metres
 * to a decimal, the marker is part of the task.
 */
const ROUNDING_JUST_BEFORE = /\b(?:round(?:ed|s|ing)?|truncat\w*)\b(?:[\s,]+[^\s.;,]+){0,3}[\s,]*$/;
const ROUNDING_JUST_AFTER = /^[\s,]*(?:and\s+)?round(?:ed|s|ing)?\b/;
const ZERO_BEFORE = /\b(?:round(?:ed|s|ing)?|truncat\w*)\s+(?:towards?|toward)\s+zero\b[^.;]*$/;
const ZERO_AFTER = /^[\s,]*(?:(?:and\s+)?round(?:ed|s|ing)?\s+)?(?:towards?|toward)\s+zero\b/;
const UP_BEFORE = /\b(round(?:ed|s|ing)?\s+up|ceil\w*)\b[^.;]*$|\bup\s*$/;
const UP_AFTER = /\bround(?:ed|s|ing)?\s+up\b/;
const DOWN_AFTER = /\bround(?:ed|s|ing)?\s+down\b/;
const DOWN_BEFORE = /\b(round(?:ed|s|ing)?\s+down|truncat\w*|floor\w*)\b[^.;]*$|\bdown\s*$/;

/** The steps the description states, each once (a step may be read two ways: see above). */
export function statedSteps(description: string): StatedStep[] {
  const text = description.toLowerCase();
  const out: StatedStep[] = [];
  const add = (s: StatedStep): void => {
    if (s.step > 0 && Number.isFinite(s.step) && !out.some((o) => o.step === s.step && o.direction === s.direction)) out.push(s);
  };
  for (const re of PHRASES) {
    for (const m of text.matchAll(re)) {
      const clause = text.slice(0, m.index).split(/[.;:](?!\d)/).at(-1) ?? "";
      const rest = text.slice(m.index + m[0].length).split(/[.;:](?!\d)/)[0] ?? "";
      const g = m.groups ?? {};
      // "The distance to the nearest 3 stores" rounds nothing: a step is stated with a rounding
      // word, or in a unit or a fraction ("to the nearest quarter hour").
      if (!ROUNDING_JUST_BEFORE.test(clause) && !ROUNDING_JUST_AFTER.test(rest) && g.unit === undefined && !FRACTIONS.has(g.word ?? "")) continue;
      const read = directionOf(g.how ?? "", clause, rest);
      if (read === undefined) continue;
      const direction = read !== "nearest" ? read : AWAY_TIES.test(text) ? "away" : DOWN_TIES.test(text) ? "halfDown" : read;
      if (direction === "nearest" && OTHER_TIES.test(text)) continue;
      for (const [step, factor] of stepValues(g.num ?? g.word, g.unit ?? "", text)) add({ step, direction, ...(factor ? { factor } : {}) });
    }
  }
  for (const s of statedCuts(text)) add(s);
  return out;
}

const PLACES: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, "1": 1, "2": 2, "3": 3 };
const DECIMALS = String.raw`(?<n>[123]|one|two|three)\s+(?:decimals?|decimal\s+places?|places?)\b`;
/** A cut the clause states: "cut (not rounded) to one decimal", "truncated to 2 decimals", "rounded down to 1 decimal". */
const CUT_BEFORE = new RegExp(String.raw`\b(?<how>cut|truncat\w*|chopped|rounded\s+down|rounds?\s+down|floored)\b(?:\s*\([^)]*\))?\s+(?:to|at)\s+${DECIMALS}`, "g");
/** A cut said after the decimals: "at one decimal, the rest dropped (not rounded)". */
const CUT_AFTER = new RegExp(String.raw`\b(?:to|at)\s+${DECIMALS}(?<how>[^.;]*?\b(?:the\s+rest\s+(?:dropped|cut)|drop(?:ping|s)?\s+the\s+rest|not\s+rounded|(?<!not\s)truncated|(?<!not\s)cut\s+off))`, "g");

/**
 * Round 29b: decimals the answer is cut to, not rounded to: a step of 0.1 (0.01, 0.001) towards
 * zero, or down where the description says "rounded down" or "floored". People state a
 * truncation to decimals as often as a rounding; without it `roundTo` fit examples whose answers
 * land on the same decimals either way and was published.
 */
function statedCuts(text: string): StatedStep[] {
  return [...text.matchAll(CUT_BEFORE), ...text.matchAll(CUT_AFTER)].map((m) => {
    const g = m.groups ?? {};
    const step = tidyStep(10 ** -(PLACES[g.n ?? ""] ?? 1));
    return { step, direction: /down|floor/.test(g.how ?? "") ? "down" : "zero" };
  });
}

/**
 * Which way a phrase rounds: "nearest" to the nearest unless the clause before it says up or down;
 * "next" up; a multiple, steps or increments only where the clause speaks of rounding, before or
 * after ("billed in 15-minute increments, rounded up"). After "nearest", an "up" is of the halves
 * ("to the nearest half, a value exactly between goes up"), no direction. "Towards zero" is a
 * direction of its own, before or after ("rounded towards zero to a multiple of 0.5").
 */
function directionOf(word: string, clause: string, rest: string): StepDirection | undefined {
  const stated: StepDirection | undefined = ZERO_BEFORE.test(clause) || ZERO_AFTER.test(rest) ? "zero" : UP_BEFORE.test(clause) ? "up" : DOWN_BEFORE.test(clause) ? "down" : undefined;
  if (word === "nearest" || word === "closest") return stated ?? "nearest";
  if (word === "next") return stated === "down" || stated === "zero" ? undefined : "up";
  const after: StepDirection | undefined = UP_AFTER.test(rest) ? "up" : DOWN_AFTER.test(rest) ? "down" : undefined;
  return stated ?? after ?? (ROUNDING_BEFORE.test(clause + rest) ? "nearest" : undefined);
}

/** The step a match names, in each unit it may be read in, with the factor between the units where it was converted. */
function stepValues(said: string | undefined, unit: string, text: string): [number, number?][] {
  if (said === undefined) return [];
  const n = Object.hasOwn(STEP_WORDS, said) ? (STEP_WORDS[said] as number) : fraction(said) ?? Number(said);
  if (/^min/.test(unit)) {
    // Minutes in an answer in hours ("hours worked, to the nearest 15 minutes").
    const hours = n / 60;
    return /\bhours?\b/.test(text) && decimals(hours) <= 2 ? [[n], [tidyStep(hours), 60]] : [[n]];
  }
  if (/^h/.test(unit)) {
    // "The nearest half hour": 0.5 of an hour, or 30 for an answer in minutes.
    return n < 1 && /\bminutes?\b/.test(text) ? [[n, 60], [n * 60, 60]] : [[n]];
  }
  // An amount "in cents" ("in euro cents", "in US cents") is rounded in cents: 5 first, 0.05 of a currency unit after.
  if (/^cent/.test(unit)) return IN_CENTS.test(text) ? [[n, 100], [tidyStep(n / 100), 100]] : [[tidyStep(n / 100), 100]];
  // "Hours parked, from the minutes, to the nearest quarter": a fraction of an hour, with the
  // minutes' 60 beside it as for "the nearest quarter hour".
  if (unit === "" && n < 1 && /\bhours?\b/.test(text) && /\bminutes?\b/.test(text)) return [[n, 60]];
  return [[n]];
}

/** An amount "in cents", the currency named or not. */
const IN_CENTS = /\bin\s+(?:[a-z]+\s+)?cents\b/;

/** "1/4" as 0.25 (a step of a whole number of parts of one); undefined for anything else. */
function fraction(said: string): number | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(said);
  return m ? tidyStep(Number(m[1]) / Number(m[2])) : undefined;
}

const decimals = (v: number): number => {
  for (let d = 0; d <= 6; d++) if (Math.abs(v * 10 ** d - Math.round(v * 10 ** d)) < 1e-9) return d;
  return Infinity;
};
const tidyStep = (v: number): number => Number(v.toFixed(Math.min(decimals(v), 6)));

/** `x` rounded to a multiple of `step`, written as its JavaScript is (see `stepCode`). */
export function roundToStep(x: number, step: number, round: (v: number) => number): number {
  const per = 1 / step;
  if (step < 1 && Math.abs(per - Math.round(per)) < 1e-9) return round(x * Math.round(per)) / Math.round(per);
  if (Number.isInteger(step)) return round(x / step) * step;
  const d = decimals(step);
  return (round(x / step) * Math.round(step * 10 ** d)) / 10 ** d;
}

/** `x` to the nearest multiple of `step`, halves away from zero, as `awayCode` writes it. */
const roundAway = (x: number, step: number): number => Math.sign(x) * roundToStep(Math.abs(x), step, Math.round);

/** The JavaScript of `roundAway`: `Math.sign(x) * (Math.round(Math.abs(x) * 2) / 2)`. */
const awayCode = (x: Code, step: number): Code => binary(call("Math.sign", x), "*", stepCode((v) => call("Math.round", v), call("Math.abs", x), step), PREC.mul);

/**
 * The JavaScript of `roundToStep`, `round` writing the rounding of the scaled value:
 * `Math.round(x * 4) / 4`, `Math.round(x / 15) * 15`, `Math.round(x / 0.75) * 75 / 100`.
 */
function stepCode(round: (scaled: Code) => Code, x: Code, step: number): Code {
  const per = 1 / step;
  if (step < 1 && Math.abs(per - Math.round(per)) < 1e-9) return binary(round(binary(x, "*", code(String(Math.round(per))), PREC.mul)), "/", code(String(Math.round(per))), PREC.mul);
  if (Number.isInteger(step)) return binary(round(binary(x, "/", code(String(step)), PREC.mul)), "*", code(String(step)), PREC.mul);
  const d = decimals(step);
  return binary(binary(round(binary(x, "/", code(String(step)), PREC.mul)), "*", code(String(Math.round(step * 10 ** d))), PREC.mul), "/", code(String(10 ** d)), PREC.mul);
}

const called = (fn: string) => (v: Code): Code => call(fn, v);
/** Each direction's rounding of a scaled value, and its JavaScript. */
const MATH: Readonly<Record<StepDirection, [(v: number) => number, (scaled: Code) => Code]>> = {
  nearest: [Math.round, called("Math.round")],
  up: [Math.ceil, called("Math.ceil")],
  down: [Math.floor, called("Math.floor")],
  zero: [Math.trunc, called("Math.trunc")],
  away: [(v) => Math.sign(v) * Math.round(Math.abs(v)), called("Math.round")],
  // Halves down: `Math.ceil(x * 2 - 0.5) / 2`.
  halfDown: [(v) => Math.ceil(v - 0.5), (v) => call("Math.ceil", binary(v, "-", code("0.5"), PREC.add))],
};

/** A number the search computed (not a constant, nor a threshold seen in an input). */
const computed = (e: Entry): boolean => e.kind === "num" && !e.isConst && !e.threshold;

/** The op rounding in `direction`, accepting as its step only one of `steps` (none: never built by the search). */
function stepOp(direction: StepDirection, steps: readonly number[]): OpDef {
  const [fn, js] = MATH[direction];
  return {
    name: STEP_OPS[direction],
    arity: 2,
    kinds: [["num"], ["num"]],
    // Rounding values already on the step on every example is the value itself there.
    accepts: (a, b) => computed(a) && b.isConst === true && steps.includes(b.vals[0] as number) &&
      a.vals.some((v) => Math.abs(roundToStep(v as number, b.vals[0] as number, fn) - (v as number)) > 1e-9),
    apply: (a, b) => (typeof a === "number" && typeof b === "number" && b > 0 && Number.isFinite(a) ? (direction === "away" ? roundAway(a, b) : roundToStep(a, b, fn)) : FAIL),
    emit: ([a, b]) => (direction === "away" ? awayCode(a as Code, Number((b as Code).text)) : stepCode(js, a as Code, Number((b as Code).text))),
  };
}

/** Whether a step is one `round` or `roundTo` writes already (1, 0.1, 0.01, 0.001 to the nearest). */
export function plainStep(s: StatedStep): boolean {
  if (s.direction !== "nearest" && s.direction !== "up" && s.direction !== "down") return false;
  return s.direction === "nearest" ? [1, 0.1, 0.01, 0.001].includes(s.step) : s.step === 1;
}

/** The step ops for the steps the description states (none when it states none). */
export function stepOps(description: string): OpDef[] {
  const steps = statedSteps(description).filter((s) => !plainStep(s));
  return (Object.keys(STEP_OPS) as StepDirection[])
    .map((d) => [d, steps.filter((s) => s.direction === d).map((s) => s.step)] as const)
    .filter(([, ss]) => ss.length > 0)
    .map(([d, ss]) => stepOp(d, ss));
}

/**
 * The stated steps as numbers the description gives (constants.ts): "half" is 0.5, "15 minutes"
 * 0.25 of an hour, and 60 with it: an answer in hours from minutes divides by it.
 */
export function stepNumbers(description: string): number[] {
  return statedSteps(description).filter((s) => !plainStep(s)).flatMap((s) => [s.step, ...(s.factor ? [s.factor] : [])]);
}

/**
 * The numbers of the step phrases a program rounds by: "the nearest 15 minutes" is used by a
 * rounding to 0.25 of an hour, "5 cents" by one to 0.05 (loose-constants.ts asks about a stated
 * number a program does not use).
 */
export function stepsUsed(description: string, used: readonly number[]): number[] {
  return statedSteps(description)
    .filter((s) => used.includes(s.step))
    .flatMap((s) => [s.step, ...(s.factor ? [tidyStep(s.step * s.factor), tidyStep(s.step / s.factor)] : [])]);
}

/** Every step op, for evaluation and emission (op-table.ts); these accept nothing in a search. */
export const ALL_STEP_OPS: readonly OpDef[] = (Object.keys(STEP_OPS) as StepDirection[]).map((d) => stepOp(d, []));

/** `e` rounded to the stated step: `round`, `roundTo` where they say it, else the step's op. */
export function roundedToStep(e: Expr, s: StatedStep): Expr {
  if (s.direction === "nearest" && s.step === 1) return op("round", e);
  if (s.direction === "nearest" && plainStep(s)) return op("roundTo", e, { k: "const", value: Math.round(-Math.log10(s.step)) });
  if (s.step === 1 && (s.direction === "up" || s.direction === "down")) return op(s.direction === "up" ? "ceil" : "floor", e);
  return op(STEP_OPS[s.direction], e, { k: "const", value: s.step });
}

/** Whether `e` is rounded (at its outside) to one of the stated steps. */
export function roundsToStatedStep(e: Expr, steps: readonly StatedStep[]): boolean {
  return steps.some((s) => {
    const want = roundedToStep({ k: "const", value: 0 }, s);
    return e.k === "op" && want.k === "op" && e.op === want.op && JSON.stringify(e.args.slice(1)) === JSON.stringify(want.args.slice(1));
  });
}
