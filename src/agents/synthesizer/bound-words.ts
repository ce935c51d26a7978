/**
 * Whether a description speaks of a bound or an amount rather than of a value (round 18): the
 * words only, apart from equality-readings.ts so that the ranking prior can read them without the
 * rival readings.
 */

/** The constant named as a value: "contains a zero", "any zeros", "equal to 5", "exactly 3". */
const VALUE_WORDS = /\b(an?|any|one) (zero|0)\b(?! [a-z])|\bzeroe?s\b|\b(equals?|equal to|exactly)\b/;
/** A quantity of nothing or a bound: "zero stock", "no items", "out of stock", "empty", "run out", "left". */
const AMOUNT_WORDS = /\b(zero|no|none) (?!of\b)[a-z]+|\bout of\b|\b(empty|run out|used up|left)\b/;

/** Whether the description names an amount (of nothing) and never the constant as a value. */
export function statesAmount(description: string): boolean {
  const text = description.toLowerCase();
  return !VALUE_WORDS.test(text) && AMOUNT_WORDS.test(text);
}
