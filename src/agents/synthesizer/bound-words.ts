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
 *
 * Round 20a: a bound keeps its side (which way its comparison holds: "at most 0", "below 1", "0 or
 * less" from above; "at least 0", "over 1", "0 or more" from below) and whether it is in the main
 * clause, and none of a thing keeps its noun ("has zero stock": "stock"), so that a caller silences a
 * rival only where the words are about the comparison it reads (equality-readings.ts).
 */
/** Number words up to ten, for "at most one", "zero or less". */
const NUMBER_WORDS: readonly string[] = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
const NUMBER = `(-?\\d+(?:\\.\\d+)?|${NUMBER_WORDS.join("|")})`;

/** A comparison written before its number that holds at the number, by side: "at most 0", "at least 0". */
const INCLUSIVE_BELOW = "at most|no more than|not more than|up to|<=|≤";
const INCLUSIVE_ABOVE = "at least|no less than|no fewer than|not less than|>=|≥";
const INCLUSIVE = `${INCLUSIVE_BELOW}|${INCLUSIVE_ABOVE}`;
/** A comparison written before its number that does not hold at it, by side: "less than 1", "over 5". */
const STRICT_BELOW = "less than|fewer than|smaller than|lower than|below|under|<";
const STRICT_ABOVE = "more than|greater than|larger than|higher than|above|over|exceeds?|>";
const STRICT = `${STRICT_BELOW}|${STRICT_ABOVE}`;
/** A comparison written after its number, by side: "0 or less", "18 and over". */
const AFTER_BELOW = "less|fewer|below|under|lower|down";
const AFTER = `(?:or|and) (?:${AFTER_BELOW}|more|above|over|greater|higher|up)`;
const BELOW_BEFORE = new RegExp(`^(?:${INCLUSIVE_BELOW}|${STRICT_BELOW})$`);
const STRICT_WORD = new RegExp(`^(?:${STRICT})$`);
const BELOW_AFTER = new RegExp(`(?:${AFTER_BELOW})$`);

/**
 * The number of "at most N", not followed by "of" or another number: "at least one of the scores",
 * "at least one zero score" count the scores, they bound none of them.
 */
const STATED_BEFORE = new RegExp(`(?:^|[^a-z])(${INCLUSIVE}|${STRICT}) ${NUMBER}(?![a-z0-9]|\\.\\d)(?! (?:of|${NUMBER}|${NUMBER}s)\\b)`, "g");
const STATED_AFTER = new RegExp(`(?:^|[^a-z0-9.-])${NUMBER} (${AFTER})\\b`, "g");

/**
 * "No N" or "zero N" as what something has or holds: none of N, which no amount below zero
 * contradicts. After any other word the zero names a value ("a zero balance", "is zero degrees",
 * "equals zero") or the "no" is about something else ("saw no change", "do no rounding"), and a
 * number after it is what is counted ("no zeros"). The noun is kept: none of it bounds only a value
 * of that name.
 */
const NONE = /\b(?:has|have|had|having|with|holds?|held) (?:no|zero) (?!(?:of|more|less|fewer|longer|zeroe?s|0s?|nothing)\b)([a-z]+)/g;
/** Words saying the values may go below zero, where "has zero N" is no bound at 0. */
const NEGATIVES = /\b(negative|minus|overdrawn|overdraft|in debt|deficit|below zero|less than zero|under zero|below 0|less than 0)\b/;

/** Which way a stated comparison holds from its number: -1 at or below it ("at most 0"), 1 at or above it ("0 or more"). */
export type BoundSide = -1 | 1;

/** A bound the description states: its number, whether the comparison holds at it, its side, and whether it is in the main clause. */
export interface StatedBound {
  readonly at: number;
  readonly strict: boolean;
  readonly side: BoundSide;
  readonly main: boolean;
}

/** The value of a number as written: "0", "-1", "two". */
function valueOf(word: string): number {
  const at = NUMBER_WORDS.indexOf(word);
  return at >= 0 ? at : Number(word);
}

/** The description lower-cased with its runs of whitespace as one space, as every reading here takes it. */
function normalized(description: string): string {
  return description.toLowerCase().replace(/\s+/g, " ");
}

/** The description's main clause: before any ";", sentence end or parenthesis. */
function mainClause(text: string): string {
  return text.split(/[;(]|\.(?:\s|$)/)[0] ?? "";
}

/** The bounds the description states, by a comparison written beside their numbers. */
export function statedBoundForms(description: string): StatedBound[] {
  const text = normalized(description);
  const end = mainClause(text).length;
  const out = new Map<string, StatedBound>();
  const add = (at: number, strict: boolean, side: BoundSide, index: number): void => {
    const key = `${at}:${strict}:${side}`;
    const main = index < end || out.get(key)?.main === true;
    out.set(key, { at, strict, side, main });
  };
  for (const m of text.matchAll(STATED_BEFORE)) {
    const word = m[1] as string;
    add(valueOf(m[2] as string), STRICT_WORD.test(word), BELOW_BEFORE.test(word) ? -1 : 1, m.index);
  }
  for (const m of text.matchAll(STATED_AFTER)) add(valueOf(m[1] as string), false, BELOW_AFTER.test(m[2] as string) ? -1 : 1, m.index);
  return [...out.values()];
}

/** The numbers the description states a bound at, by a comparison written beside them. */
export function statedBounds(description: string): number[] {
  return [...new Set(statedBoundForms(description).map((b) => b.at))];
}

/**
 * The nouns the description's main clause says something has none of ("has zero stock": "stock";
 * "no money left": "money"), none where it says its values may go below zero.
 */
export function noneOf(description: string): string[] {
  const text = normalized(description);
  if (NEGATIVES.test(text)) return [];
  return [...new Set([...mainClause(text).matchAll(NONE)].map((m) => m[1] as string))];
}

/** Whether the description speaks of none of a thing ("has zero stock", "no money left"), and not of values below zero. */
export function statesNone(description: string): boolean {
  return noneOf(description).length > 0;
}
