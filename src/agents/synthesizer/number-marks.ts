/**
 * The marks people write beside a number's digits (round 30b): a currency ("under $2,000", "below
 * EUR 1.000", "750 €", "CHF 14'500") and a k or M for a thousand or a million ("10k", "50K",
 * "2.5M"). A currency sign is no clause break and a currency code no word of the statement, so both
 * are left out; the shorthand is written out in digits. A k or M right before a letter is a unit's
 * first letter ("5km", "3kg", "7MB"), and one apart from the digits ("4 k") a name: neither is read.
 * A k or M alone after the digits may still be a unit ("18k" gold, "2M" for two metres: round 30's
 * attacker), so a text that writes one is doubtful (written-numbers.ts): read with the shorthand
 * written out, and read with the bare number, and settled by the examples or asked about.
 */

/** The currency signs and the codes of the currencies people most often write beside an amount. */
const SIGNS = "$€£¥₹";
const CODES = "USD|EUR|GBP|CHF|INR|JPY|CNY|CAD|AUD|NZD|SEK|NOK|DKK|PLN|CZK|HUF|ZAR|BRL|MXN|SGD|HKD";
const NUMBER = "-?\\d";
/** A sign or code right before a number ("$500", "EUR 1.000"), and one right after it ("750 €", "20000 USD"). */
const BEFORE = new RegExp(`(?:[${SIGNS}]|\\b(?:${CODES})) ?(?=${NUMBER})`, "g");
const AFTER = new RegExp(`(?<=\\d) ?(?:[${SIGNS}]|(?:${CODES})\\b)`, "g");
/** Digits (a decimal point, or a decimal comma and one or two digits: "1,5k") with a k/K (thousand) or M (million) right after them and no letter or digit next. */
const SHORTHAND = /(?<![\p{L}\d.,])(\d+)(?:\.(\d+)|,(\d{1,2}))?([kKM])(?![\p{L}\d])/gu;
/**
 * A shorthand beside a currency is money, a thousand or a million and no unit: "£2.5m", "$3k",
 * "EUR 2M", "50 k€", "2,5k USD" (round 31's attacker); a lower-case m is a million only there.
 */
const MONEY_SHORTHAND = new RegExp(
  `(?:(?<=[${SIGNS}] ?|\\b(?:${CODES}) ?)|(?<![\\p{L}\\d.,]))(\\d+)(?:\\.(\\d+)|,(\\d{1,2}))?(?:([kKmM])(?= ?[${SIGNS}]| ?(?:${CODES})\\b)| ?([kK])(?= ?[${SIGNS}])|(?<=(?:[${SIGNS}] ?|\\b(?:${CODES}) ?)[\\d.,]+)([kKmM])(?![\\p{L}\\d]))`,
  "gu",
);
/** A thousand or a million in words after the digits: "2.5 million", "40 thousand". */
const WORDED = /(?<![\p{L}\d.,])(\d+)(?:\.(\d+)|,(\d{1,2}))? (thousand|million)\b/gu;

/** A number with a decimal part where there is one. */
export const withDecimals = (whole: string, decimals: string | undefined): string => (decimals === undefined ? whole : `${whole}.${decimals}`);

/** `whole.decimals` times ten to `zeros`, in plain digits (no float arithmetic: "1.1k" is 1100). */
function shifted(whole: string, decimals: string, zeros: number): string {
  const digits = `${whole}${decimals.slice(0, zeros).padEnd(zeros, "0")}`.replace(/^0+(?=\d)/, "");
  const rest = decimals.slice(zeros);
  return rest === "" ? digits : `${digits}.${rest}`;
}

/**
 * A text without the currencies beside its numbers, and with their k and M written out in digits
 * (`shorthand`), or left off (a k or M may as well be a unit: "18k" gold, "2M" for metres).
 */
export function plainNumberMarks(text: string, shorthand = true): string {
  return certainShorthand(text)
    .replace(BEFORE, "")
    .replace(AFTER, "")
    .replace(SHORTHAND, (_all, whole: string, point: string | undefined, comma: string | undefined, mark: string) => {
      const decimals = point ?? comma;
      return shorthand ? shifted(whole, decimals ?? "", mark === "M" ? 6 : 3) : withDecimals(whole, decimals);
    });
}

/** The text with its money shorthand and its thousands and millions in words written out in digits: no doubt about either. */
function certainShorthand(text: string): string {
  const zeros = (mark: string): number => (/^[mM]/.test(mark) ? 6 : 3);
  return text
    .replace(MONEY_SHORTHAND, (_all, whole: string, point?: string, comma?: string, ...marks: unknown[]) => {
      const mark = marks.slice(0, 3).find((m): m is string => typeof m === "string") ?? "k";
      return shifted(whole, point ?? comma ?? "", zeros(mark));
    })
    .replace(WORDED, (_all, whole: string, point: string | undefined, comma: string | undefined, word: string) => shifted(whole, point ?? comma ?? "", zeros(word)));
}

/** Whether `text` writes a number with a k or M after it: a thousand or a million, or a unit (round 30's attacker: karats, metres). */
export function hasShorthand(text: string): boolean {
  return new RegExp(SHORTHAND.source, SHORTHAND.flags.replace("g", "")).test(certainShorthand(text));
}


/** A pattern for a number's digits as a currency may precede it ("$", "EUR "): for finding the statement's words again. */
export const CURRENCY_BEFORE = `(?:[${SIGNS}]|(?:${CODES}) ?)?`;

/** The shorthand a whole number may be written in ("10000" as "10k", "2500000" as "2.5M"); none where it has no such form. */
export function shorthandPatterns(digits: string): string[] {
  if (!/^\d+$/.test(digits)) return [];
  const out: string[] = [];
  for (const [zeros, marks] of [[3, "[kK]"], [6, "M"]] as const) {
    if (digits.length <= zeros) continue;
    const whole = digits.slice(0, -zeros);
    const decimals = digits.slice(-zeros).replace(/0+$/, "");
    out.push(`${whole}${decimals === "" ? "" : `\\.${decimals}`}${marks}`);
  }
  return out;
}
