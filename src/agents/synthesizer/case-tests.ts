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

/** The case changes `e` compares a text with: "upper" for `t === t.toUpperCase()`, "lower" for lower. */
function comparedCases(e: Expr): Set<"upper" | "lower"> {
  const out = new Set<"upper" | "lower">();
  const ownChange = (t: Expr, c: Expr): void => {
    if (c.k === "op" && (c.op === "upper" || c.op === "lower") && c.args[0] !== undefined && sameExpr(c.args[0], t)) out.add(c.op);
  };
  walk(e, (n) => {
    if (n.k !== "op" || (n.op !== "eq" && n.op !== "ne") || n.args.length !== 2) return;
    const [a, b] = n.args as [Expr, Expr];
    ownChange(a, b);
    ownChange(b, a);
  });
  return out;
}

/** Whether some text of `v` holds a letter that has a case. */
function hasLetter(v: Json): boolean {
  if (typeof v === "string") return v.toUpperCase() !== v.toLowerCase();
  if (Array.isArray(v)) return v.some(hasLetter);
  if (v !== null && typeof v === "object") return Object.values(v).some(hasLetter);
  return false;
}

export function caseTestDoubt(e: Expr, inputs: readonly Json[], prior: Prior, allowed: (input: Json) => boolean): Ambiguity | undefined {
  if (CASE_WORDS.test(prior.description ?? "")) return undefined;
  for (const to of comparedCases(e)) {
    const change = to === "upper" ? (s: string): string => s.toUpperCase() : (s: string): string => s.toLowerCase();
    // An example already in that case showed what the test does there: one with a letter in it
    // (an empty text or one of spaces is in every case, and shows nothing: round 30's attacker).
    if (inputs.some((i) => hasLetter(i) && jsonEqual(normalized(i, change), i))) continue;
    for (const input of inputs) {
      const probe = normalized(input, change);
      const out = runOn(e, probe);
      if (out === undefined || !allowed(probe)) continue;
      return toldInWords(e, probe, out, `a test of the letters' case, which the description does not speak of: the texts all in ${to} case`);
    }
  }
  return undefined;
}
