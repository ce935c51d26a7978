/**
 * Round 18a: spaces at either end of a text, where the description says they are removed or
 * ignored ("the region code with spaces at either end removed", "trimmed", "leading and trailing
 * spaces"; since round 19a also "whitespace around the name is removed"). People's examples are typed clean, so the program that reads the text as it is fits
 * them as well as the one that trims it first, and no probe made from clean examples has a space
 * at an end. So, only where the description speaks of such spaces: each text field the program
 * reads has its trimmed self as a rival reading, and each example with one text padded by spaces
 * is a probe. Nothing here names a task: the words say only that end spaces are a case of their own.
 */
import { runOn } from "./evaluate.ts";
import { isObj } from "./probes.ts";
import { everywhere } from "./rival-readings.ts";
import type { Expr, Json } from "./types.ts";

/**
 * Round 19c: the concept, not a phrasing. Trimming is about a text's ends whatever words stand
 * beside it; spaces, whitespace or padding are, where the description also says they are removed
 * or ignored in any words ("padding removed", "stripped of whitespace on both sides", "ignoring any
 * spaces before or after it"), or speaks of ends (round 18a: "leading spaces"; round 19a: "whitespace around the name"). Spaces put between
 * things ("joined by one space") or padding added ("padded with zeros") are neither.
 */
const SPACE_WORD = /^(spaces?|spaced|spacing|whitespaces?|blanks?|padding|padded|pad)$/;
const END_WORD = /^(ends?|leading|trailing|surrounding|around)$/;
const TRIM_WORD = /^(trim|trims|trimmed|trimming|unpadded)$/;
/** Words saying something is taken away or not read. */
const REMOVAL_WORD = /^(remov\w*|ignor\w*|strip\w*|drop\w*|delet\w*|discard\w*|clean\w*|without|exclud\w*|omit\w*|disregard\w*)$/;

/** Whether the description's words speak of spaces at the ends of a text, or of trimming. */
export function speaksOfEndSpaces(words: ReadonlySet<string> | undefined): boolean {
  if (!words) return false;
  const has = (re: RegExp): boolean => [...words].some((w) => re.test(w));
  if (has(TRIM_WORD)) return true;
  return has(SPACE_WORD) && (has(END_WORD) || has(REMOVAL_WORD));
}

/** Each input field of `e` that is a text on every example, read trimmed (one at a time). */
export function trimmedRivals(e: Expr, inputs: readonly Json[]): Expr[] {
  return everywhere(e, (n) => {
    if (n.k !== "in" || n.path.length === 0) return [];
    const texts = inputs.every((i) => typeof runOn(n, i) === "string");
    return texts ? [{ k: "op", op: "trim", args: [n] }] : [];
  });
}

/** Most padded probes made. */
const MAX_PADDED = 24;

/** Each example with one of its texts (not inside an array) given spaces at both ends. */
export function paddedProbes(inputs: readonly Json[]): Json[] {
  const out: Json[] = [];
  const visit = (v: Json, set: (x: Json) => Json): void => {
    if (typeof v === "string" && v.trim() !== "") out.push(set(`  ${v} `));
    else if (isObj(v)) for (const [k, e] of Object.entries(v)) visit(e, (x) => set({ ...v, [k]: x }));
  };
  for (const i of inputs) visit(i, (x) => x);
  return out.slice(0, MAX_PADDED);
}
