/**
 * Word casing (round 12): a phrase or an identifier rewritten in another case style. A person
 * writes "UserAccount" for "user account", "First name" for `firstName`, "date-of-birth" for
 * `date_of_birth`; the string sub-language cuts pieces and re-cases each, so two examples of two
 * words fit a program of two pieces that is wrong on three words or on a camelCase key. These read
 * the text's words the way identifiers are split — at spaces, hyphens, underscores, dots and other
 * punctuation, and where a lower-case letter or digit meets a capital (`firstName`, `XMLParser` →
 * XML, Parser) — and write them back in one style:
 *
 * - `pascalCase` "UserAccount" (and `pascalWords`, the words broken at punctuation and spaces only:
 *   "OrderLine" → "Orderline"), `camelCase` "userAccount", `snakeCase` "user_account",
 *   `kebabCase` "user-account", `constantCase` "USER_ACCOUNT", `labelCase` "User account",
 *   `lowerWords` "user account";
 * - `capitalizeFirst` "User account" from "user account" (round 16): the first letter only;
 * - `titleCase` "The Lord Of The Rings" (each word of a phrase, split at spaces only, capital
 *   first and the rest lower case) and `capitalizeWords` (the rest as typed: "McDonald" stays):
 *   readings the examples part on only where a word has a capital inside it.
 *
 * Words keep their digits ("http2 server" → "Http2Server"). Each style is a rival reading of the
 * others where the examples cannot tell them apart (one word, lower case).
 */
import { code, helper } from "./code.ts";
import { PREC } from "./code.ts";
import type { Code, Scope } from "./code.ts";
import { FAIL } from "./ops.ts";
import { CAP_JS, CASE_STYLES, STYLES, WORDS_JS } from "./case-styles.ts";
import type { OpDef, Out } from "./ops.ts";
import { isObj } from "./probes.ts";
import { walk } from "./rank.ts";
import type { Entry, Expr, Json } from "./types.ts";

/**
 * A text of the input with a letter in some example: not a constant, nor text built by the search
 * (a number turned into text has no words to re-case).
 */
const inputText = (e: Entry): boolean =>
  e.kind === "str" && !e.isConst && !e.threshold && (e.expr.k === "in" || e.expr.k === "x" || e.expr.k === "get" || (e.expr.k === "op" && e.expr.op === "trim")) && e.vals.some((v) => /[A-Za-z]/.test(v as string));

export const CASE_OPS: readonly OpDef[] = STYLES.map((style) => ({
  name: style.name,
  arity: 1,
  accepts: (a: Entry) => inputText(a),
  apply: (a: Json): Out => (typeof a === "string" ? style.apply(a) : FAIL),
  emit: ([a]: readonly Code[], s: Scope): Code => {
    const text = (a as Code).prec < PREC.member ? `(${(a as Code).text})` : (a as Code).text;
    const words = style.phrase ? "" : helper(s, "words", WORDS_JS).text;
    const capName = style.ownCase ? "" : helper(s, "capitalized", CAP_JS).text;
    return code(style.js(words, capName, text), PREC.member);
  },
}));

/** Whether a program writes words in a case style. */
export function usesCaseStyle(e: Expr): boolean {
  let found = false;
  walk(e, (n) => (found ||= n.k === "op" && CASE_STYLES.includes(n.op)));
  return found;
}

/**
 * Inputs where title case's two readings part: each text of an example in capitals (does a word
 * keep its capitals inside?). Only for a program that writes title case: elsewhere a text in
 * capitals is no question the description raises.
 */
export function caseProbes(e: Expr, inputs: readonly Json[]): Json[] {
  let titled = false;
  walk(e, (n) => (titled ||= n.k === "op" && (n.op === "titleCase" || n.op === "capitalizeWords")));
  const out: Json[] = usesCaseStyle(e) ? secondWordProbes(inputs) : [];
  if (!titled) return out;
  for (const input of inputs.filter(isObj)) {
    for (const [k, v] of Object.entries(input)) if (typeof v === "string" && /[a-z]/.test(v)) out.push({ ...input, [k]: v.toUpperCase() });
  }
  return out;
}

/**
 * Each field of records as its values across the examples (`values[r]` is example r's), for
 * probes that change one field of every example; none unless every input is a record.
 */
function fieldsAcross(inputs: readonly Json[]): { objects: Record<string, Json>[]; fields: { key: string; values: Json[] }[] } {
  const objects = inputs.filter(isObj);
  if (objects.length !== inputs.length) return { objects: [], fields: [] };
  return { objects, fields: Object.keys(objects[0] ?? {}).map((key) => ({ key, values: objects.map((o) => o[key] as Json) })) };
}

const ONE_WORD = /^[A-Za-z0-9]+$/;

/**
 * Where every example's text (of one field) is one word, the styles cannot be told apart: a
 * capitalized word is also PascalCase, title case and a capital first letter (round 16). Each such
 * text with a second word after a space (another example's, or its own) is where they part; asked
 * about only where a rival style fitting the examples answers it otherwise.
 */
function secondWordProbes(inputs: readonly Json[]): Json[] {
  const { objects, fields } = fieldsAcross(inputs);
  const out: Json[] = [];
  for (const { key, values: texts } of fields) {
    if (!texts.every((t): t is string => typeof t === "string" && ONE_WORD.test(t))) continue;
    objects.forEach((o, r) => out.push({ ...o, [key]: `${texts[r] as string} ${(texts[(r + 1) % texts.length] as string).toLowerCase()}` }));
  }
  return out;
}

/**
 * Inputs in the case the examples never show (round 16): a list of words all in lower case with
 * its last word capitalized (code-unit order puts capitals first, alphabetical order does not),
 * and a text whose every word is capitalized (names) typed in lower case (are initials or pieces
 * cut from it capitalized by the program, or only because the examples were?). Asked about only
 * where a rival reading answers otherwise.
 */
export function unseenCaseProbes(inputs: readonly Json[]): Json[] {
  const { objects, fields } = fieldsAcross(inputs);
  const out: Json[] = [];
  const lowerWord = (v: Json): v is string => typeof v === "string" && /^[a-z]+$/.test(v);
  const capitalized = (v: Json | undefined): v is string => typeof v === "string" && /^[A-Z][a-z]+(\s+[A-Z][a-z]+)+$/.test(v);
  for (const { key, values } of fields) {
    if (values.every((v) => Array.isArray(v) && v.length > 1 && v.every(lowerWord))) {
      for (const o of objects) {
        const words = o[key] as string[];
        const last = words.at(-1) as string;
        out.push({ ...o, [key]: [...words.slice(0, -1), last.charAt(0).toUpperCase() + last.slice(1)] });
      }
    } else if (values.every(capitalized)) {
      for (const o of objects) out.push({ ...o, [key]: (o[key] as string).toLowerCase() });
    }
  }
  return out;
}
