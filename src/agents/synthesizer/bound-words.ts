/**
 * Which bounds a description states (round 18c): the numbers it puts in a comparison ("at most 0",
 * "0 or less", "below 1", "no more than 0", "under 5"), and whether it speaks of none of a thing
 * ("zero stock", "no money left"). Read apart from equality-readings.ts so that the ranking prior
 * can carry them. A bound or amount word anywhere else ("an empty log", "out of doors", "at least
 * one" about how many) says nothing about the number compared, so it is not read.
 */

/** Number words up to ten, for "at most one", "zero or less". */
const NUMBER_WORDS: readonly string[] = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
const NUMBER = `(-?\\d+(?:\\.\\d+)?|${NUMBER_WORDS.join("|")})`;

/** A comparison written before its number: "at most 0", "less than 1", "under 5", "<= 0". */
const BEFORE = "at most|at least|no more than|no less than|no fewer than|not more than|not less than|up to|less than|fewer than|more than|greater than|smaller than|larger than|lower than|higher than|below|under|above|over|exceeds?|<=|>=|<|>|≤|≥";
/** A comparison written after its number: "0 or less", "18 and over". */
const AFTER = "(?:or|and) (?:less|fewer|below|under|lower|more|above|over|greater|higher|up|down)";

/**
 * The number of "at most N", not followed by "of" or another number: "at least one of the scores",
 * "at least one zero score" count the scores, they bound none of them.
 */
const STATED_BEFORE = new RegExp(`(?:^|[^a-z])(?:${BEFORE}) ${NUMBER}(?![a-z0-9]|\\.\\d)(?! (?:of|${NUMBER}|${NUMBER}s)\\b)`, "g");
const STATED_AFTER = new RegExp(`(?:^|[^a-z0-9.-])${NUMBER} ${AFTER}\\b`, "g");

/**
 * "No N" or "zero N" opening a noun phrase: none of N, which no amount below zero contradicts. After
 * an article, a number or a form of "be" the word names a value instead ("a zero balance", "one zero
 * score", "is zero degrees"), and a number after it is what is counted ("no zeros").
 */
const NONE = /(?:^|\b(\w+) )(?:no|zero) (?!(?:of|more|less|fewer|longer|zeroe?s|0s?|nothing)\b)[a-z]+/g;
const NOT_A_QUANTIFIER = new Set(["a", "an", "the", "is", "are", "was", "were", "be", "been", "being", ...NUMBER_WORDS]);

/** The value of a number as written: "0", "-1", "two". */
function valueOf(word: string): number {
  const at = NUMBER_WORDS.indexOf(word);
  return at >= 0 ? at : Number(word);
}

/** The numbers the description states a bound at, by a comparison written beside them. */
export function statedBounds(description: string): number[] {
  const text = description.toLowerCase().replace(/\s+/g, " ");
  const out = new Set<number>();
  for (const m of text.matchAll(STATED_BEFORE)) out.add(valueOf(m[1] as string));
  for (const m of text.matchAll(STATED_AFTER)) out.add(valueOf(m[1] as string));
  return [...out];
}

/** Whether the description speaks of none of a thing ("has zero stock", "no money left"). */
export function statesNone(description: string): boolean {
  const text = description.toLowerCase().replace(/\s+/g, " ");
  for (const m of text.matchAll(NONE)) if (!NOT_A_QUANTIFIER.has(m[1] ?? "")) return true;
  return false;
}
