/**
 * Numbers a description writes in words (round 22): "divided by one million", "a thousand
 * joules", "½ × density", "half the price", "a dozen eggs". A person states a formula's constants
 * this way as often as in digits, and a constant the search does not have is one it can only
 * solve from the examples (with two examples, a coincidence) or not reach at all. These are
 * constants the description names, like its digits (constants.ts), never a program.
 *
 * Not read as numbers: the rounding phrases ("halves up", "round half to even"), plurals that
 * speak of a format or a magnitude ("thousands separator", "hundreds of"), and small counting
 * words ("one of the items", "two lists"), which name no constant of arithmetic.
 */

/** Words a multiplier is made of: "twenty-five", "three", "a" ("a thousand"). */
const UNITS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Readonly<Record<string, number>> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, dozen: 12 };
const FRACTION_SIGNS: Readonly<Record<string, number>> = { "½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅕": 0.2, "⅒": 0.1 };
/** Exponents written as superscripts after a quantity ("speed³"), not a unit's ("m²", "cm²", "kg/m³"). */
const SUPERSCRIPT = /([A-Za-z]{3,}|\))([²³])/g;
const EXPONENTS: Readonly<Record<string, number>> = { "²": 2, "³": 3 };

const words = (table: Readonly<Record<string, number>>): string => Object.keys(table).join("|");
/**
 * "one million", "a thousand", "2.5 million", "a dozen", "twenty-five thousand", "three hundred
 * thousand": a multiplier (digits, a tens word with its unit, or a unit) and one or two scales in
 * the singular.
 */
const SCALED = new RegExp(
  `(?<![\\w-])(\\d+(?:\\.\\d+)?|(?:${words(TENS)})(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?|${words(UNITS)})[ -](${words(SCALES)})(?:[ -](${words(SCALES)}))?\\b(?!s)`,
  "gi",
);
/** "per thousand", "per million": a rate's base, with no multiplier written. */
const PER_SCALE = new RegExp(`\\bper (${Object.keys(SCALES).join("|")})\\b`, "gi");
/** "half" as a quantity, not "halves", "half up" / "half-even" / "round half" (rounding) or "halfway". */
const HALF = /\b(a |one )?half\b(?![- ](up|down|even|odd|away|to)\b)/i;
const HALF_IN_ROUNDING = /\bround(ed|ing|s)? half\b/i;
const QUARTER = /\b(a|one|three) quarters?\b/gi;
const THIRD = /\b(a|one|two) thirds?\b/gi;

/** The constants the description's number words name, each once, in the order first written. */
export function numberWords(description: string): number[] {
  const out = new Set<number>();
  for (const m of description.matchAll(SCALED)) {
    const times = multiplier((m[1] as string).toLowerCase());
    const scale = (SCALES[(m[2] as string).toLowerCase()] as number) * (m[3] === undefined ? 1 : (SCALES[m[3].toLowerCase()] as number));
    if (Number.isFinite(times)) out.add(tidy(times * scale));
  }
  for (const m of description.matchAll(PER_SCALE)) out.add(SCALES[(m[1] as string).toLowerCase()] as number);
  for (const [sign, value] of Object.entries(FRACTION_SIGNS)) if (description.includes(sign)) out.add(value);
  for (const m of description.matchAll(SUPERSCRIPT)) out.add(EXPONENTS[m[2] as string] as number);
  if (!HALF_IN_ROUNDING.test(description) && HALF.test(description)) out.add(0.5);
  for (const m of description.matchAll(QUARTER)) out.add((m[1] as string).toLowerCase() === "three" ? 0.75 : 0.25);
  for (const m of description.matchAll(THIRD)) out.add((m[1] as string).toLowerCase() === "two" ? tidy(2 / 3) : tidy(1 / 3));
  return [...out];
}

/** "twenty-five" is 25, "seven" 7, "2.5" 2.5. */
function multiplier(said: string): number {
  const [first, unit] = said.split(/[ -]/) as [string, string | undefined];
  if (Object.hasOwn(TENS, first)) return (TENS[first] as number) + (unit === undefined ? 0 : (UNITS[unit] as number));
  return Object.hasOwn(UNITS, first) ? (UNITS[first] as number) : Number(said);
}

/** A product of a decimal and a scale without binary noise: 2.5 × 1e6 is 2500000, not 2500000.0000000005. */
export function tidy(v: number): number {
  return Number(v.toPrecision(12));
}
