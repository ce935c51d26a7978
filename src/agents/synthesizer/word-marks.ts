/**
 * Round 29b (issue #17): words that start with a mark. "How many hashtags: words that start with
 * #", "mentions (words beginning with @)", "prices: words starting with $". A person counts the
 * words (runs of non-blanks) whose first character is the mark; no op of the DSL said that, so
 * the search fit the examples, whose marks all begin a word, with a count of the mark or a length
 * of what words leave over, and published it: wrong on "C# is #fun" and "score 3# then #win".
 *
 * `countWordsStarting(text, mark)` counts them. Like the step ops (stated-step.ts), it is built
 * only with a mark the description states a word starts with, on a text of the input that holds
 * the mark in some example; the mark is a constant of the search (a separator character of the
 * inputs, constants.ts).
 */
import { code, PREC } from "./code.ts";
import type { Code } from "./code.ts";
import { FAIL } from "./ops.ts";
import type { OpDef, Out } from "./ops.ts";
import type { Entry } from "./types.ts";

/** "words that start with #", "words beginning with '@'", "a word starting with a $". */
const STATED = /\bwords?\s+(?:that\s+|which\s+)?(?:starts?|begins?|starting|beginning)\s+with\s+(?:an?\s+)?["'`]?(?<mark>[^\s\p{L}\p{N}"'`])/giu;

/** The marks the description says words start with. */
export function statedWordMarks(description: string): string[] {
  return [...new Set([...description.matchAll(STATED)].map((m) => m.groups?.mark ?? "").filter((m) => m !== ""))];
}

/** The words of `s` (runs of non-blanks) whose first character is `mark`. */
export function countWordsStarting(s: string, mark: string): number {
  return s.split(/\s+/).filter((w) => w.startsWith(mark)).length;
}

/** A text of the input (not one the search built). */
const inputText = (e: Entry): boolean => e.kind === "str" && !e.isConst && !e.threshold && (e.expr.k === "in" || e.expr.k === "x" || e.expr.k === "get");

/** The op, accepting as its mark only one of `marks` (none: never built by the search). */
function wordMarkOp(marks: readonly string[]): OpDef {
  return {
    name: "countWordsStarting",
    arity: 2,
    kinds: [["str"], ["str"]],
    accepts: (a, b) => inputText(a) && b.isConst === true && marks.includes(b.vals[0] as string) && a.vals.some((v) => (v as string).includes(b.vals[0] as string)),
    apply: (a, b): Out => (typeof a === "string" && typeof b === "string" && b !== "" ? countWordsStarting(a, b) : FAIL),
    emit: ([a, b]) => {
      const t = (a as Code).prec < PREC.member ? `(${(a as Code).text})` : (a as Code).text;
      return code(`${t}.split(/\\s+/).filter((w) => w.startsWith(${(b as Code).text})).length`, PREC.member);
    },
  };
}

/** The op for the marks the description states (none when it states none). */
export function wordMarkOps(description: string): OpDef[] {
  const marks = statedWordMarks(description);
  return marks.length > 0 ? [wordMarkOp(marks)] : [];
}

/** The op for evaluation and emission (op-table.ts); it accepts nothing in a search. */
export const WORD_MARK_OP: OpDef = wordMarkOp([]);
