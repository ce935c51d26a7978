/**
 * Arithmetic that fits examples by coincidence far more often than by intent: a remainder by
 * something other than a constant (`kg % m > 1` for "BMI above 25", `total % (5 - total % 50)` for a
 * shipping fee). `n % 2` or `minutes % 60` divide by a constant and are left alone, as is any `%`
 * the description asks for ("remainder"). A program holding such a part does not win by rank alone:
 * every other program that fits the examples is a rival reading, however far behind it ranked.
 */
import { jsonEqual } from "../../spec/index.ts";
import { evaluate } from "./evaluate.ts";
import { FAIL } from "./ops.ts";
import { walk } from "./rank.ts";
import type { Prior } from "./rank.ts";
import type { Expr, Json } from "./types.ts";

export function coincidentalArithmetic(e: Expr, prior: Prior): boolean {
  if (prior.evidence.has("mod")) return false;
  let found = false;
  walk(e, (n) => (found ||= n.k === "op" && n.op === "mod" && n.args[1]?.k !== "const"));
  return found;
}

/**
 * A remainder that changes nothing on any example (`month % 12` when every month is below 12): the
 * examples never ask for it, so a rival holding one is the chosen program with an untried guard,
 * not another reading of them. (Inside a lambda the part is not looked at.)
 */
export function idleRemainder(e: Expr, inputs: readonly Json[]): boolean {
  return idleOp(e, inputs, "mod");
}

/**
 * A cut that cuts nothing on any example (`label.slice(0, id)` where every id is past the label's
 * end): like an idle remainder, the chosen program with an untried guard, not another reading.
 */
export function idleCut(e: Expr, inputs: readonly Json[]): boolean {
  return inputs.length > 0 && (idleOp(e, inputs, "sliceTo") || idleOp(e, inputs, "sliceFrom"));
}

/** Whether some `name` operation of `e` gives its first argument back on every example. */
function idleOp(e: Expr, inputs: readonly Json[], name: string): boolean {
  let found = false;
  walk(e, (n) => {
    if (found || n.k !== "op" || n.op !== name) return;
    const whole = n.args[0] as Expr;
    found = inputs.every((input) => {
      const v = evaluate(n, { input });
      return v !== FAIL && jsonEqual(v, evaluate(whole, { input }));
    });
  });
  return found;
}

/** Counts of a class of characters (char-ops.ts): as a position in a text, they stand where a mark should. */
const CLASS_COUNTS = new Set(["countVowels", "countVowelsY", "countConsonants", "countDigits", "countLetters", "countUpper"]);
/** Cuts of a text or list at a computed position, and the argument that is the position. */
const CUTS: Readonly<Record<string, number>> = { sliceFrom: 1, sliceTo: 1, at: 1 };
/** Texts of numbers written out: digits, signs, points, separators and nothing else. */
const NUMBER_TEXT = /^[\d\s.,:;+-]*$/;

/**
 * Round 19c: numbers that measure a text by accident. A text cut where a count of one class of its
 * characters says (`s.slice(count of digits)` for "the cents of $12.50": the digits before the point
 * happen to number as many as the characters), the length of a text built from numbers
 * (`xs.join(" ").length >= 7`: counting digits of the examples' magnitudes), and a number read from
 * text written as text again (`String(0 - Number(run)).slice(1)`: the run as written, but for its
 * leading zeros). Like a coincidental remainder, such a program has no claim to rank: every fitting
 * program is its rival.
 */
export function coincidentalMeasure(e: Expr, inputs: readonly Json[]): boolean {
  let found = false;
  const holds = (n: Expr, op: string | readonly string[]): boolean => {
    let has = false;
    walk(n, (x) => (has ||= x.k === "op" && (typeof op === "string" ? x.op === op : op.includes(x.op))));
    return has;
  };
  walk(e, (n) => {
    if (found || n.k !== "op") return;
    const at = CUTS[n.op];
    if (at !== undefined && n.args[at]) found = holds(n.args[at] as Expr, [...CLASS_COUNTS]);
    else if (n.op === "len" && n.args[0]?.k === "op") {
      const t = n.args[0];
      found = inputs.length > 0 && inputs.every((input) => {
        const v = evaluate(t, { input });
        return typeof v === "string" && /\d/.test(v) && NUMBER_TEXT.test(v);
      });
    } else if (n.op === "toString" && n.args[0]) found = holds(n.args[0], ["toNumber", "numAt"]);
  });
  return found;
}

/** Most probes made for a text measured by accident. */
const MAX_MEASURE_PROBES = 12;

/**
 * Where a text measured by accident parts from a reading that measures it (round 19c): each example
 * with one of its texts given a leading zero on its first number ("AB1234CD" → "AB0234CD", which a
 * number read and written back loses), its first mark doubled ("$12.50" → "$$12.50", which moves
 * every position but no count of letters or digits), or each word cut to its first letter ("ana,,bo"
 * → "a,,b": fewer letters than parts, where a list cut at the count of letters loses one).
 */
export function measureProbes(inputs: readonly Json[]): Json[] {
  const out: Json[] = [];
  const variants = (s: string): string[] => {
    const v: string[] = [];
    const digit = s.search(/[1-9]/);
    if (digit >= 0 && (digit === 0 || !/\d/.test(s[digit - 1] as string))) v.push(`${s.slice(0, digit)}0${s.slice(digit + 1)}`);
    const mark = s.search(/[^\p{L}\p{N}]/u);
    if (mark >= 0) v.push(`${s.slice(0, mark + 1)}${s.slice(mark)}`);
    const initials = s.replace(/(\p{L})\p{L}+/gu, "$1");
    if (initials !== s) v.push(initials);
    return v;
  };
  const visit = (v: Json, set: (x: Json) => Json): void => {
    if (typeof v === "string") for (const t of variants(v)) out.push(set(t));
    else if (v !== null && typeof v === "object" && !Array.isArray(v)) for (const [k, e] of Object.entries(v)) visit(e, (x) => set({ ...v, [k]: x }));
  };
  for (const input of inputs) visit(input, (x) => x);
  return out.slice(0, MAX_MEASURE_PROBES);
}
