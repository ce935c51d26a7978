/**
 * Prefixes and suffixes: "the first product whose code starts with the given prefix", "files whose
 * name ends with .csv". Without them the search fits such examples with `includes` (every example's
 * pattern stood at the start) or with a piece cut at a fixed length, and publishes "XAB1" as
 * starting with "AB" (issue 17's round-32b attacker). Built only where the description's words
 * speak of a start or an end of a text (as formula-ops.ts builds roots): built for every spec, a
 * test of a text's first letters fits a yes/no question's examples by accident.
 */
import { method } from "./code.ts";
import type { Code } from "./code.ts";
import type { OpDef } from "./ops.ts";
import { FAIL, searchedFor } from "./ops.ts";

/**
 * Words of a text's start or end: they build the ops here, speak for them in the ranking (rank.ts)
 * and move a lookup's key off its entry (key-questions.ts). "Opens with", "begins in" and "leading
 * letters" since round 36; "first letters", "headed by", "last characters" since stop 49.
 */
export const START_WORDS = /\b(starts?|starting|begins?|beginning|opens?|opening) (with|in)\b|\bprefix(es|ed)?\b|\b(leading|first) (letters|characters|digits)\b|\bleading (letter|character|digit|part)\b|\bheaded (by|with)\b/i;
export const END_WORDS = /\b(ends?|ending|finish(es)?|finishing) (with|in)\b|\bsuffix(es|ed)?\b|\b(trailing|last) (letters|characters|digits)\b|\btrailing (letter|character|digit|part)\b/i;

function affix(name: "startsWith" | "endsWith"): OpDef {
  return {
    name,
    arity: 2,
    kinds: [["str"], ["str"]],
    accepts: searchedFor,
    apply: (a, b) => (typeof a === "string" && typeof b === "string" ? a[name](b) : FAIL),
    emit: ([a, b]) => method(a as Code, name, b as Code),
  };
}

const STARTS_WITH = affix("startsWith");
const ENDS_WITH = affix("endsWith");

/** Every affix op, for evaluation and emission (op-table.ts). */
export const AFFIX_OPS: readonly OpDef[] = [STARTS_WITH, ENDS_WITH];

/** The affix ops the description speaks of. */
export function affixOps(description: string): OpDef[] {
  return [...(START_WORDS.test(description) ? [STARTS_WITH] : []), ...(END_WORDS.test(description) ? [ENDS_WITH] : [])];
}
