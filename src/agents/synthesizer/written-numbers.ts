/**
 * Numbers written in another format (round 29a). "1,5" is one and a half: a comma followed by other
 * than three digits separates no thousands. "1,000,000" and "1.000.000" are a million, and
 * "1,000.50" a thousand and a half: two groups, or a decimal mark of the other kind after them,
 * settle which mark is the decimal one. But "1,000", "1.000" and "100 000" may each be two numbers
 * (a thousand, or 1 with three decimals; a hundred thousand, or 100 beside 000), and which one the
 * person meant no format rule can say. Such a text is read twice: `first` with every doubtful
 * number grouped in thousands, `second` with each read the other way; where the two readings give
 * a statement different numbers, the examples or a question have to settle it (stated-range.ts).
 */

/** Digits in groups of three after one to three digits, and a decimal part after them. */
const GROUPED = /(?<![\d.,])(-?)(\d{1,3})([,. ])(\d{3}(?:\3\d{3})*)(?:([.,])(\d+))?(?![\d]|[.,]\d)/g;
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
  let doubtful = false;
  const read = (other: boolean): string =>
    text
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
 * "1 000", "1.5" as "1,5" (a pattern for finding the statement's words again).
 */
export function writtenPattern(digits: string): string {
  const [whole = "", decimals] = digits.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, "[,. ]?");
  return decimals === undefined ? grouped : `${grouped}[.,]${decimals}`;
}
