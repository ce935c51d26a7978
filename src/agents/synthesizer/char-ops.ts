/**
 * Character classes (round 13). "How many vowels", "how many digits in the code", "the title
 * without punctuation": a person counts or drops characters by their class, and two examples of
 * that fit a length, a cut or a split by coincidence ("abc" has as many letters as characters).
 * These count the characters of one class in a text of the input, or drop its punctuation:
 *
 * - `countVowels` (a, e, i, o, u in either case) and `countVowelsY` (y too): rival readings where
 *   no example has a "y";
 * - `countConsonants` (letters that are not a, e, i, o, u), `countDigits`, `countLetters`,
 *   `countUpper`;
 * - `stripPunctuation`: every character that is not a letter, a digit or white space dropped, and
 *   `stripPunctuationSpaced`: the same with the spaces left behind closed up ("a - b" → "a b"):
 *   rival readings where no example has punctuation between spaces.
 *
 * Letters are any alphabet's (`\p{L}`), so "café" has four. Each applies only to a text of the
 * input (not to text the search built), and a count only where the description names its class
 * (`countOps`), so they add little to the search elsewhere.
 */
import { code } from "./code.ts";
import { PREC } from "./code.ts";
import type { Code } from "./code.ts";
import { FAIL } from "./ops.ts";
import type { OpDef, Out } from "./ops.ts";
import { walk } from "./rank.ts";
import type { Entry, Expr, Json } from "./types.ts";

const isStr = (v: Json): v is string => typeof v === "string";
/** A text of the input with some character in some example. */
const inputText = (e: Entry): boolean =>
  e.kind === "str" && !e.isConst && !e.threshold && (e.expr.k === "in" || e.expr.k === "x" || e.expr.k === "get") && e.vals.some((v) => v !== "");

/**
 * A class of characters: its regular expression (global, Unicode) as source, for apply and emit
 * alike, and the words of a description that name it. A count is built only where the description
 * names its class: counted in any label, some class fits two examples by accident ("the same
 * currency" read as the consonants of "EUR" at most the payment's amount).
 */
const COUNTS: readonly { readonly name: string; readonly re: string; readonly needs: RegExp; readonly words: RegExp }[] = [
  { name: "countVowels", re: "[aeiou]", needs: /[a-z]/i, words: /\bvowels?\b/i },
  { name: "countVowelsY", re: "[aeiouy]", needs: /[a-z]/i, words: /\bvowels?\b/i },
  { name: "countConsonants", re: "(?![aeiou])[a-z]", needs: /[a-z]/i, words: /\bconsonants?\b/i },
  { name: "countDigits", re: "\\p{N}", needs: /\d/, words: /\b(digits?|numerals?)\b/i },
  { name: "countLetters", re: "\\p{L}", needs: /\p{L}/u, words: /\bletters?\b/i },
  { name: "countUpper", re: "\\p{Lu}", needs: /\p{Lu}/u, words: /\b(capitals?|upper-?case|caps)\b/i },
];
const flags = (name: string): string => (name === "countVowels" || name === "countVowelsY" || name === "countConsonants" ? "giu" : "gu");

const STRIP = /[^\p{L}\p{N}\s]/gu;
const PUNCTUATION = /[^\p{L}\p{N}\s]/u;
export function stripPunctuation(s: string, spaced: boolean): string {
  const t = s.replace(STRIP, "");
  return spaced ? t.replace(/\s+/g, " ").trim() : t;
}

const COUNT_OPS: readonly OpDef[] = COUNTS.map((c): OpDef => {
    const re = new RegExp(c.re, flags(c.name));
    return {
      name: c.name,
      arity: 1,
      // Counting a class no example's text holds is a constant 0 in disguise.
      accepts: (a) => inputText(a) && a.vals.some((v) => (c.needs as RegExp).test(v as string)),
      apply: (a): Out => (isStr(a) ? (a.match(re) ?? []).length : FAIL),
      emit: ([a]) => code(`(${(a as Code).prec < PREC.member ? `(${(a as Code).text})` : (a as Code).text}.match(/${c.re}/${flags(c.name)}) ?? []).length`, PREC.member),
    };
  });

/** The counts whose class the description names: they go in the problem's description-dependent list (problem.ts). */
export function countOps(description: string): OpDef[] {
  return COUNT_OPS.filter((_, i) => (COUNTS[i] as { words: RegExp }).words.test(description));
}

/** Punctuation dropped: a text only ever matches a text, so built wherever it applies. */
export const CHAR_OPS: readonly OpDef[] = [
  ...[false, true].map((spaced): OpDef => ({
    name: spaced ? "stripPunctuationSpaced" : "stripPunctuation",
    arity: 1,
    // Only where some example has punctuation to drop (elsewhere it is the text itself) and
    // letters: the dashes of "2025-01-20" or "555-0199" are a format, not punctuation of a text.
    accepts: (a) => inputText(a) && a.vals.some((v) => PUNCTUATION.test(v as string)) && a.vals.every((v) => v === "" || /\p{L}/u.test(v as string)),
    apply: (a): Out => (isStr(a) ? stripPunctuation(a, spaced) : FAIL),
    emit: ([a]) => {
      const t = (a as Code).prec < PREC.member ? `(${(a as Code).text})` : (a as Code).text;
      return code(`${t}.replace(/[^\\p{L}\\p{N}\\s]/gu, "")${spaced ? '.replace(/\\s+/g, " ").trim()' : ""}`, PREC.member);
    },
  })),
];

/** Every op of this module, for evaluation and emission (op-table.ts). */
export const ALL_CHAR_OPS: readonly OpDef[] = [...COUNT_OPS, ...CHAR_OPS];

/** Pairs the examples may not tell apart: each is a rival reading of the other (rival-readings.ts). */
export const CHAR_TWINS: Readonly<Record<string, string>> = {
  countVowels: "countVowelsY",
  countVowelsY: "countVowels",
  stripPunctuation: "stripPunctuationSpaced",
  stripPunctuationSpaced: "stripPunctuation",
};

/**
 * Inputs where those readings part: each text of an example with a "y" word put in ("sky"), or
 * with " - " put between its first two words (or at its end). Only for a chosen program that
 * uses one (as case-ops.ts: a rival's form is no question the description raises).
 */
export function charProbes(e: Expr, inputs: readonly Json[]): Json[] {
  const used = new Set<string>();
  walk(e, (n) => {
    if (n.k === "op" && CHAR_TWINS[n.op]) used.add(n.op);
  });
  if (used.size === 0) return [];
  const vowels = used.has("countVowels") || used.has("countVowelsY");
  const strip = used.has("stripPunctuation") || used.has("stripPunctuationSpaced");
  const out: Json[] = [];
  for (const input of inputs) {
    if (input === null || typeof input !== "object" || Array.isArray(input)) continue;
    for (const [k, v] of Object.entries(input)) {
      if (!isStr(v) || v === "") continue;
      if (vowels && !/y/i.test(v)) out.push({ ...input, [k]: /\s/.test(v) ? `${v} sky` : `${v}y` });
      if (strip) {
        const m = /\s+/.exec(v);
        out.push({ ...input, [k]: m ? `${v.slice(0, m.index)} - ${v.slice(m.index + m[0].length)}` : `${v} - ok` });
      }
    }
  }
  return out;
}
