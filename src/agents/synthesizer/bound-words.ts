/**
 * Which bounds a description states (round 18c): the numbers it puts in a comparison ("at most 0",
 * "0 or less", "below 1", "no more than 0", "under 5"), and whether it speaks of none of a thing
 * ("zero stock", "no money left"). Read apart from equality-readings.ts so that the ranking prior
 * can carry them. A bound or amount word anywhere else ("an empty log", "out of doors", "at least
 * one" about how many) says nothing about the number compared, so it is not read.
 *
 * Round 19c: these words silence a rival reading, so only strong evidence counts. A bound keeps
 * whether it is strict ("below 1" bounds whole numbers at 0, "at least 1" does not); none of a thing
 * is read only in the description's main clause (before any ";", "." or parenthesis) and only as
 * what something has or holds ("has zero stock", not "equals zero degrees" nor "saw no change");
 * and where the description says its values may go below zero ("can be overdrawn", "negative"),
 * none of a thing bounds nothing.
 */
/** Number words up to ten, for "at most one", "zero or less". */
const NUMBER_WORDS: readonly string[] = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
const NUMBER = `(-?\\d+(?:\\.\\d+)?|${NUMBER_WORDS.join("|")})`;

/** A comparison written before its number that holds at the number: "at most 0", "up to 5", "<= 0". */
const INCLUSIVE = "at most|at least|no more than|no less than|no fewer than|not more than|not less than|up to|<=|>=|≤|≥";
/** A comparison written before its number that does not hold at it: "less than 1", "under 5". */
const STRICT = "less than|fewer than|more than|greater than|smaller than|larger than|lower than|higher than|below|under|above|over|exceeds?|<|>";
/** A comparison written after its number: "0 or less", "18 and over". */
const AFTER = "(?:or|and) (?:less|fewer|below|under|lower|more|above|over|greater|higher|up|down)";

/**
 * The number of "at most N", not followed by "of" or another number: "at least one of the scores",
 * "at least one zero score" count the scores, they bound none of them.
 */
const STATED_BEFORE = new RegExp(`(?:^|[^a-z])(${INCLUSIVE}|${STRICT}) ${NUMBER}(?![a-z0-9]|\\.\\d)(?! (?:of|${NUMBER}|${NUMBER}s)\\b)`, "g");
const STATED_AFTER = new RegExp(`(?:^|[^a-z0-9.-])${NUMBER} ${AFTER}\\b`, "g");

/**
 * "No N" or "zero N" as what something has or holds: none of N, which no amount below zero
 * contradicts. After any other word the zero names a value ("a zero balance", "is zero degrees",
 * "equals zero") or the "no" is about something else ("saw no change", "do no rounding"), and a
 * number after it is what is counted ("no zeros").
 */
const NONE = /\b(?:has|have|had|having|with|holds?|held) (?:no|zero) (?!(?:of|more|less|fewer|longer|zeroe?s|0s?|nothing)\b)[a-z]+/;
/** Words saying the values may go below zero, where "has zero N" is no bound at 0. */
const NEGATIVES = /\b(negative|minus|overdrawn|overdraft|in debt|deficit|below zero|less than zero|under zero|below 0|less than 0)\b/;

/** A bound the description states: its number, and whether the comparison holds at it. */
export interface StatedBound {
  readonly at: number;
  readonly strict: boolean;
}

/** The value of a number as written: "0", "-1", "two". */
function valueOf(word: string): number {
  const at = NUMBER_WORDS.indexOf(word);
  return at >= 0 ? at : Number(word);
}

/** The bounds the description states, by a comparison written beside their numbers. */
export function statedBoundForms(description: string): StatedBound[] {
  const text = description.toLowerCase().replace(/\s+/g, " ");
  const out = new Map<string, StatedBound>();
  const add = (at: number, strict: boolean): void => void out.set(`${at}:${strict}`, { at, strict });
  for (const m of text.matchAll(STATED_BEFORE)) add(valueOf(m[2] as string), new RegExp(`^(?:${STRICT})$`).test(m[1] as string));
  for (const m of text.matchAll(STATED_AFTER)) add(valueOf(m[1] as string), false);
  return [...out.values()];
}

/** The numbers the description states a bound at, by a comparison written beside them. */
export function statedBounds(description: string): number[] {
  return [...new Set(statedBoundForms(description).map((b) => b.at))];
}

/** The description's main clause: before any ";", sentence end or parenthesis. */
function mainClause(text: string): string {
  return text.split(/[;(]|\.(?:\s|$)/)[0] ?? "";
}

/** Whether the description speaks of none of a thing ("has zero stock", "no money left"), and not of values below zero. */
export function statesNone(description: string): boolean {
  const text = description.toLowerCase().replace(/\s+/g, " ");
  return NONE.test(mainClause(text)) && !NEGATIVES.test(text);
}
