/**
 * What a stated range is about (rounds 26, 27): the quantities that "the rate", "either side", "any
 * of the dimensions", "the time" or "an excess" name in "null when <phrase> is 0 or less". A field
 * the words name; the fields of the kind a word names where they name none ("the time" beside
 * `seconds`, "either side" of `length` × `width`); or the one difference the description writes
 * ("an excess of 0 or less" beside "12 × (weight − 23)"), a quantity of no field of its own.
 */
import { describedFormulas } from "./described-formula/index.ts";
import { fieldWords, fieldsNamed, keyWords } from "./described-formula/bind.ts";
import { LOGARITHMS } from "./formula-ops.ts";
import { walk } from "./rank.ts";
import type { Expr } from "./types.ts";
import { sameExpr } from "./expr.ts";

/** Words that end one subject and begin another: "the quantity and the discount is held …" is about the discount. */
const BREAK = new Set(["and", "or", "with", "then"]);

/**
 * The words of a phrase that a statement is about: those after its last break word. A regex starts
 * a phrase at the leftmost word that lets it match, so it can hold the end of the clause before.
 * Before a plural verb ("the length and the width are held …"), "and"/"or" join one list of subjects.
 */
export function subjectWords(words: readonly string[], plural = false): string[] {
  const last = words.findLastIndex((w) => BREAK.has(w) && !(plural && (w === "and" || w === "or")));
  return words.slice(last + 1);
}

/**
 * Words for a kind of quantity, and the words of the fields of that kind: "the time" is `seconds`,
 * "either side" and "any of the dimensions" are `length`, `width` and `height`. A rate (`pricePerCubicMetre`)
 * is no quantity of the kind its unit is.
 */
const KINDS: readonly { readonly phrase: RegExp; readonly field: RegExp }[] = [
  { phrase: /^(time|duration)$/, field: /^(time|duration|second|sec|minute|min|hour|hr|day|week|ms|millisecond)$/ },
  { phrase: /^(side|dimension|edge)$/, field: /^(length|width|height|depth|breadth|thickness|side|edge)$/ },
  { phrase: /^distance$/, field: /^(distance|metre|meter|km|kilometre|kilometer|mile|yard|foot|feet|ft)$/ },
  // A unit is the kind of its quantity ("for each kg above 20" of `weight`, round 28a).
  // "pound" is no unit here: it is money as often as weight (attack-round28 poundIsMoney).
  { phrase: /^(weight|mass|kg|kilogram|gram|g|lb|lbs|tonne|ton)$/, field: /^(weight|mass|kg|kilogram|gram|g|lb|lbs|tonne|ton)$/ },
  { phrase: /^(degree|celsius|fahrenheit|kelvin)$/, field: /^(temperature|temp|degree|celsius|fahrenheit|kelvin)$/ },
];

/** The fields of the kinds a phrase's words name. */
export function fieldsOfKind(words: readonly string[], fields: readonly string[]): string[] {
  const kinds = KINDS.filter((k) => keyWords(words).some((w) => k.phrase.test(w)));
  return fields.filter((f) => {
    const fw = fieldWords(f);
    return !fw.includes("per") && kinds.some((k) => fw.some((w) => k.field.test(w)));
  });
}

const QUANTIFIER = new Set(["any", "either", "all", "every", "each", "one"]);
/** "an input", "a number", "any value": one of every input, not an input named so. */
const ANY_INPUT = /^(an?|any|each|every) (input|argument|number|value)$/;
/** "any of the three", "either of them", "any input": every number field. */
const EVERY_ONE = /\b(of (them|these|those)|of the (two|three|four|five|inputs|numbers|values)|inputs?|numbers?|values?)\b/;

/** The top-level fields read where a number has no value: under a root or a logarithm, or as a divisor. */
function criticalFields(e: Expr): string[] {
  const out = new Set<string>();
  walk(e, (n) => {
    if (n.k !== "op") return;
    const at = n.op === "sqrt" || LOGARITHMS.has(n.op) ? n.args[0] : n.op === "div" ? n.args[1] : undefined;
    if (at) walk(at, (r) => r.k === "in" && r.path.length === 1 && out.add(r.path[0] as string));
  });
  return [...out];
}

/**
 * The fields a statement's words are about: those they name; every number where they say "any of
 * the three"; the fields of the kind they name ("either side", "the time"); for "either distance"
 * that names none, the fields the program needs positive; for a singular phrase that names none,
 * the only number field there is. A phrase that negates ("no voltage is left") or names nothing that
 * fits is about no field. A quantity of no field ("an excess") is derivedQuantity's, asked first.
 */
export function fieldsOf(words: readonly string[], fields: readonly string[], program: Expr): string[] {
  // "both readings are 0 or less" holds of the two together, which a guard per field does not say.
  if (words.includes("no") || words.includes("not") || words.includes("both")) return [];
  const named = fieldsNamed(words, fields);
  if (named.length > 0) return named;
  const ofKind = fieldsOfKind(words, fields);
  // "an input of 0 or less", "a number below 0": any one of them (attack-round28 inputNamedFirst).
  if (ANY_INPUT.test(words.join(" "))) return [...fields];
  if (words.some((w) => QUANTIFIER.has(w))) {
    if (ofKind.length > 0) return ofKind;
    if (EVERY_ONE.test(words.join(" "))) return [...fields];
    const critical = criticalFields(program).filter((f) => fields.includes(f));
    return critical.length >= 2 ? critical : [];
  }
  if (ofKind.length === 1) return ofKind;
  return fields.length === 1 && keyWords(words).length > 0 ? [...fields] : [];
}


/** The differences of input numbers the description's formulas write ("weight − 23", "revenue − costs"), each once. */
function writtenDifferences(description: string, fields: readonly string[]): Expr[] {
  const out: Expr[] = [];
  for (const b of describedFormulas(description, fields)) {
    walk(b.expr, (n) => {
      const reads = n.k === "op" && n.op === "sub" && n.args.some((a) => a.k === "in") && n.args.every((a) => a.k === "in" || a.k === "const");
      if (reads && !out.some((o) => sameExpr(o, n))) out.push(n);
    });
  }
  return out;
}

/**
 * The quantity a phrase names that is no field: "an excess", "a taxable income", "a profit" beside
 * the one difference the description writes ("12 × (weight − 23)", "income − 12000", "(revenue −
 * costs)"). Only where it writes exactly one, and where the phrase names no field, or names one with
 * words its name lacks ("taxable income" is no `income`) that the difference reads.
 */
export function derivedQuantity(words: readonly string[], fields: readonly string[], description: string): Expr | undefined {
  // "either side", "any of them" are about several quantities, "no excess" about none.
  if (words.some((w) => w === "no" || w === "not" || w === "both" || QUANTIFIER.has(w)) || keyWords(words).length === 0) return undefined;
  const named = fieldsNamed(words, fields);
  const extra = keyWords(words).filter((w) => !named.some((f) => fieldWords(f).includes(w)));
  if (extra.length === 0 || fieldsOfKind(words, fields).length > 0) return undefined;
  const diffs = writtenDifferences(description, fields);
  if (diffs.length !== 1) return undefined;
  const diff = diffs[0] as Expr;
  const reads = (f: string): boolean => diff.k === "op" && diff.args.some((a) => a.k === "in" && a.path[0] === f);
  return named.length === 0 || (named.length === 1 && reads(named[0] as string)) ? diff : undefined;
}

/** Words that name the answer whatever the spec is about. */
const ANSWER_WORDS = /^(result|answer|output)$/;
/** Words that name the inputs, never the answer. */
const INPUT_WORDS = /^(inputs?|arguments?|parameters?|fields?|given)$/;

/**
 * The name the description gives its answer: the words before its first ":", "=" or "is" ("Net
 * bonus: …", "Take-home pay = …", "The refund is …"), less a unit after "in" ("Shipping fee in euros").
 */
function answerName(description: string): string[] {
  // "Weight is in kg." says what an input is measured in; "Input: a length …" names the inputs.
  const m = /^\s*([a-z][a-z' -]{0,40}?)\s*(?::|=|\bis\b(?! in\b)|\bare\b(?! in\b))/i.exec(description);
  const name = m ? keyWords((m[1] as string).toLowerCase().split(/ in /)[0]!.split(" ").filter(Boolean)) : [];
  return name.some((w) => INPUT_WORDS.test(w)) ? [] : name;
}

/**
 * Whether a phrase names the answer (round 28a): "a net bonus" beside "Net bonus: 2 × (sales − 500)
 * − 100", "the result". Not where it names a field: an input is no answer.
 */
export function namesAnswer(words: readonly string[], fields: readonly string[], description: string): boolean {
  const key = keyWords(words);
  // An input is no answer, named or of its kind ("a weight of 0 or less" beside `kg`).
  if (key.length === 0 || fieldsNamed(words, fields).length > 0 || fieldsOfKind(words, fields).length > 0) return false;
  if (key.length === 1 && ANSWER_WORDS.test(key[0] as string)) return true;
  const name = answerName(description);
  return name.length === key.length && key.every((w) => name.includes(w));
}
