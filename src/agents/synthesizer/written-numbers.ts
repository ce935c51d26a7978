/**
 * Numbers written in another format (round 29a). "1,5" is one and a half: a comma followed by other
 * than three digits separates no thousands. "1,000,000" and "1.000.000" are a million, and
 * "1,000.50" a thousand and a half: two groups, or a decimal mark of the other kind after them,
 * settle which mark is the decimal one. But "1,000", "1.000" and "100 000" may each be two numbers
 * (a thousand, or 1 with three decimals; a hundred thousand, or 100 beside 000), and which one the
 * person meant no format rule can say. Such a text is read twice: `first` with every doubtful
 * number grouped in thousands, `second` with each read the other way; where the two readings give
 * a statement different numbers, the examples or a question have to settle it (stated-range.ts).
 * Some formats leave no doubt (round 30b): thousands grouped by a mark no decimal is written with,
 * an apostrophe ("2'500", "1’200"), a no-break, narrow no-break or thin space ("30 000"); and the
 * Indian grouping in pairs before the last three digits ("1,00,000", "10,00,000"). A currency and a
 * k or M beside the digits are number-marks.ts's; a k or M is doubtful too (a thousand, or a unit).
 */
import { CURRENCY_BEFORE, hasShorthand, plainNumberMarks, shorthandPatterns, withDecimals } from "./number-marks.ts";

/** Digits in groups of three after one to three digits, and a decimal part after them. */
const GROUPED = /(?<![\d.,])(-?)(\d{1,3})([,. ])(\d{3}(?:\3\d{3})*)(?:([.,])(\d+))?(?![\d]|[.,]\d)/g;
/** The marks that group thousands and nothing else: apostrophes, a no-break, narrow no-break or thin space. */
const MARKS = "'’\u00a0\u202f\u2009";
/** Thousands grouped by one of `MARKS`, and a decimal part after them ("14'500.50", "1 000,50"). */
const CERTAIN_GROUPED = new RegExp(`(?<![\\d.,${MARKS}])(-?)(\\d{1,3})([${MARKS}])(\\d{3}(?:\\3\\d{3})*)(?:[.,](\\d+))?(?![\\d]|[.,${MARKS}]\\d)`, "g");
/** Indian grouping: pairs of digits before the last three ("1,00,000", "1,00,00,000"), a decimal point after. */
const INDIAN = /(?<![\d.,])(-?)(\d{1,2}),((?:\d{2},)+)(\d{3})(?:\.(\d+))?(?![\d]|[.,]\d)/g;

/** The text with its numbers of a certain format in plain digits, no currency beside them, a k or M written out (`shorthand`) or left off. */
function certainNumbers(text: string, shorthand: boolean): string {
  return plainNumberMarks(text, shorthand)
    .replace(INDIAN, (_all, sign: string, lead: string, pairs: string, last: string, decimals: string | undefined) => withDecimals(`${sign}${lead}${pairs.split(",").join("")}${last}`, decimals))
    .replace(CERTAIN_GROUPED, (_all, sign: string, lead: string, mark: string, groups: string, decimals: string | undefined) => withDecimals(`${sign}${lead}${groups.split(mark).join("")}`, decimals));
}

/** A decimal comma: "1,5", "0,75", "12,25" (not a list "1,5,7"). */
const DECIMAL_COMMA = /(?<![\d.,])(-?\d+),(\d+)(?![\d]|[.,]\d)/g;

export interface WrittenReadings {
  /** The text with each number in plain digits, doubtful ones grouped in thousands. */
  readonly first: string;
  /** The text with each doubtful number read the other way; undefined where none is doubtful. */
  readonly second?: string;
}

/** The two readings of a text's numbers. */
export function writtenReadings(text: string): WrittenReadings {
  // A k or M after a number is a thousand or a million, or a unit (number-marks.ts): doubtful.
  let doubtful = hasShorthand(text);
  const read = (other: boolean): string =>
    certainNumbers(text, !other)
      .replace(GROUPED, (all, sign: string, lead: string, mark: string, groups: string, decimalMark: string | undefined, decimals: string | undefined) => {
        const digits = groups.split(mark).join("");
        // "0,500" and "0.125": a leading 0 groups no thousands.
        if (lead.startsWith("0") && lead.length === 1 && mark !== " ") return `${sign}${lead}.${digits}`;
        if (lead.startsWith("0")) return all;
        const whole = `${sign}${lead}${digits}`;
        if (decimalMark !== undefined) return decimalMark === mark ? all : `${whole}.${decimals}`;
        // Two groups after a comma or a dot: thousands (no number has two decimal marks).
        if (mark !== " " && groups.length > 3) return whole;
        doubtful = true;
        if (!other) return whole;
        return mark === " " ? `${sign}${lead}` : `${sign}${lead}.${digits}`;
      })
      .replace(DECIMAL_COMMA, "$1.$2");
  const first = read(false);
  if (!doubtful) return { first };
  return { first, second: read(true) };
}

/**
 * A number of the plain text as the description may write it: "1000" as "1,000", "1.000" or
 * "1 000", "1'000" or "1,00,000" (Indian) or "1k", "1.5" as "1,5", a currency before it (a pattern
 * for finding the statement's words again).
 */
export function writtenPattern(digits: string): string {
  const [whole = "", decimals] = digits.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, `[,. ${MARKS}]?`);
  const indian = whole.length > 5 ? [`${whole.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, ",")},${whole.slice(-3)}`] : [];
  const forms = [grouped, ...indian].map((w) => (decimals === undefined ? w : `${w}[.,]${decimals}`));
  return `${CURRENCY_BEFORE}(?:${[...forms, ...shorthandPatterns(digits)].join("|")})`;
}

/**
 * A number with a decimal comma at the start of a formula's text ("1,5 %" is one and a half
 * percent, "12,25 × hours"), `before` the character ahead of it: the text it takes and its value.
 * Undefined where no such number starts there, in a list ("1,5,7"), or where the comma may group
 * thousands ("1,000": doubtful, left to the examples).
 */
export function decimalCommaAt(rest: string, before: string): { readonly length: number; readonly value: number } | undefined {
  const m = /^(\d+),(\d+)(?![\d]|[.,]\d)/.exec(rest);
  if (!m || /[\d.,]/.test(before)) return undefined;
  const [all, whole = "", decimals = ""] = m;
  if (decimals.length === 3 && whole !== "0") return undefined;
  return { length: all.length, value: Number(`${whole}.${decimals}`) };
}
