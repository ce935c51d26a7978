/**
 * A text compared with itself upper- or lower-cased (`x !== x.toUpperCase()`: "holds a lower-case
 * letter") where the description speaks of no case. Examples of ordinary lines, words or names in
 * mixed case pass it by coincidence: it stands for "is not blank", "has letters", "is a word", and
 * the examples cannot tell (a development spec's bullet list, round 30: "each line that isn't blank" was
 * published as the lines with a lower-case letter, and lines of digits vanished). Asked about once,
 * on an example with every text in the case the test turns on, unless an example is already so.
 */
import { jsonEqual } from "../../spec/index.ts";
import { runOn } from "./evaluate.ts";
import { sameExpr } from "./expr.ts";
import { walk } from "./rank.ts";
import type { Prior } from "./rank.ts";
import { toldInWords } from "./reading.ts";
import type { Ambiguity } from "./reading.ts";
import { normalized } from "./stated-invariance.ts";
import type { Expr, Json } from "./types.ts";

/** Words by which a description speaks of the case of letters. */
const CASE_WORDS = /\b(case|cased|upper-?case|lower-?case|upper|lower|capital\w*|caps|shout\w*|small letters?)\b/i;

/** The tests: a text equal to itself upper-cased or lower-cased, and a text whose two cases differ (it has a letter). */
type Test = "upper" | "lower" | "letters";
const CHANGES: Readonly<Record<Test, (s: string) => string>> = {
  upper: (s) => s.toUpperCase(),
  lower: (s) => s.toLowerCase(),
  // Each letter a digit in turn: "milk" is "1234", a text with no letter and as long.
  letters: (s) => {
    let k = 0;
    return s.replace(/\p{L}/gu, () => String((k++ % 9) + 1));
  },
};
/** Whether an example shows what the test does there: one already in that case with a letter, or a text of no letter and not blank. */
const SHOWN: Readonly<Record<Test, (input: Json) => boolean>> = {
  upper: (i) => hasLetter(i) && jsonEqual(normalized(i, CHANGES.upper), i),
  lower: (i) => hasLetter(i) && jsonEqual(normalized(i, CHANGES.lower), i),
  letters: (i) => someText(i, (t) => t.trim() !== "" && !hasLetter(t)),
};
const WORDING: Readonly<Record<Test, string>> = { upper: "the texts all in upper case", lower: "the texts all in lower case", letters: "the texts' letters all digits" };

const isCaseChange = (c: Expr): boolean => c.k === "op" && (c.op === "upper" || c.op === "lower");

/**
 * The case changes `e` compares a text with ("upper" for `t === t.toUpperCase()`, "lower" for
 * lower), and whether it changes the case of a text otherwise too (`transforms`: the answer "in upper case").
 */
function comparedCases(e: Expr): { cases: Set<Test>; transforms: boolean } {
  const cases = new Set<Test>();
  const compared = new Set<Expr>();
  const ownChange = (t: Expr, c: Expr): void => {
    if (c.k === "op" && isCaseChange(c) && c.args[0] !== undefined && sameExpr(c.args[0], t)) {
      cases.add(c.op as "upper" | "lower");
      compared.add(c);
    }
  };
  walk(e, (n) => {
    if (n.k !== "op" || (n.op !== "eq" && n.op !== "ne") || n.args.length !== 2) return;
    const [a, b] = n.args as [Expr, Expr];
    // `t.toUpperCase() !== t.toLowerCase()`: whether the text has a letter.
    if (a.k === "op" && b.k === "op" && isCaseChange(a) && isCaseChange(b) && a.op !== b.op && a.args[0] !== undefined && b.args[0] !== undefined && sameExpr(a.args[0], b.args[0])) {
      cases.add("letters");
      compared.add(a).add(b);
    }
    ownChange(a, b);
    ownChange(b, a);
  });
  let transforms = false;
  walk(e, (n) => {
    if (isCaseChange(n) && !compared.has(n)) transforms = true;
  });
  return { cases, transforms };
}

/** Whether some text of `v` passes `test`. */
function someText(v: Json, test: (t: string) => boolean): boolean {
  if (typeof v === "string") return test(v);
  if (Array.isArray(v)) return v.some((x) => someText(x, test));
  if (v !== null && typeof v === "object") return Object.values(v).some((x) => someText(x, test));
  return false;
}
/** Whether some text of `v` holds a letter that has a case. */
const hasLetter = (v: Json): boolean => someText(v, (t) => t.toUpperCase() !== t.toLowerCase());

/**
 * The question about a test of case, if one is due. Case words in the description license the
 * test only where the program changes no text's case otherwise: "each line that isn't blank, in
 * upper case" speaks of the answer's case, not of a test (round 31's attacker).
 */
export function caseTestDoubt(e: Expr, inputs: readonly Json[], prior: Prior, allowed: (input: Json) => boolean): Ambiguity | undefined {
  const { cases, transforms } = comparedCases(e);
  if (CASE_WORDS.test(prior.description ?? "") && !transforms) return undefined;
  for (const to of cases) {
    // An example already in that case showed what the test does there: one with a letter in it
    // (an empty text or one of spaces is in every case, and shows nothing: round 30's attacker).
    if (inputs.some(SHOWN[to])) continue;
    for (const input of inputs) {
      const probe = normalized(input, CHANGES[to]);
      const out = runOn(e, probe);
      if (out === undefined || !allowed(probe)) continue;
      return toldInWords(e, probe, out, `a test of the letters' case, which the description does not speak of: ${WORDING[to]}`);
    }
  }
  return undefined;
}
