/**
 * Round 32: what a description says of a lookup's key that names no entry of its list. Where it
 * states one answer for that case ("0 when the catalog lacks that sku", "unknown tiers get 5",
 * "null if nobody has that username"), that is the lookup's answer there (lookup-keys.ts) and no
 * question is about such a key. Where it speaks of the case and states no one answer ("costs what
 * sku H0 costs", "overdrawn by 50", "or in the clearance list if the catalog lacks it"), such keys
 * are the task's: a program that reads only named entries has no answer for them and must not be
 * published before one is asked about (key-questions.ts `keyMissing`).
 */
import type { Json } from "./types.ts";

/** Words by which a description speaks of a key that names no entry, of an answer for that case, or of an empty list. */
export const MISSING_WORDS = /\b(?:not|no|none|nothing|nobody|missing|absent|unknown|unlisted|otherwise|else|null|defaults?|empty|if|unless|lacks?|omits?|without|outside|free|minus one)\b|n't\b|[-−–]1\b/i;
/** A number as a clause's answer writes it: "0", "-1" (any minus sign); not "by 50" (a change), "4-letter" or "2.5k". */
const MISSING_NUMBER = /(?<![\w.,]|\bby )([-−–]?\d+(?:\.\d+)?)(?![\w-]|[.,]\d)/gi;
/**
 * Answers said in words. Where a clause says none, nothing, nobody or free, its digits are something
 * else ("free within 3 days", "the 2024 catalog"); "zero", "minus one" and "null" stand beside its
 * digits ("a discount of null counts as 0" says two things).
 */
const ANSWER_WORDS = /\b(none|nothing|free|nobody)\b/gi;
const NUMBER_WORDS = /\b(minus one|zero|null)\b/gi;
const SPOKEN: Readonly<Record<string, Json>> = { "minus one": -1, zero: 0, none: 0, nothing: 0, free: 0, nobody: null, null: null };
/** A text answer in quotes. */
const QUOTED = /"([^"]*)"|“([^”]*)”|(?<!\w)'([^']+)'(?!\w)|‘([^’]*)’/g;
/** Words that end a clause's answer and begin its condition ("0 when …", "-1 for a room …"). */
const CONDITION_WORDS = "when|whenever|if|unless|for|where|in case";
const CONDITION = new RegExp(`\\b(?:${CONDITION_WORDS})\\b`, "i");
/** A clause that is only a condition: it begins with one of those words. */
const CONDITION_FIRST = new RegExp(`^\\s*(?:${CONDITION_WORDS})\\b`, "i");
/** Words by which a clause reckons with its number rather than stating it as the answer. */
const RECKONED = /\b(?:more|less|fewer|times|plus|than|per|percent|twice|double|half|off|extra|added|above|below|over|under|at (?:least|most))\b|[%×*+/]/i;

/** The answers a clause states before its condition: a quoted text, an answer word, else its numbers in words and digits. */
function clauseAnswers(clause: string): Set<string> {
  const said = new Set<string>();
  for (const m of clause.matchAll(QUOTED)) said.add(JSON.stringify(m[1] ?? m[2] ?? m[3] ?? m[4] ?? ""));
  const head = clause.replace(QUOTED, " ").split(CONDITION)[0] ?? "";
  for (const m of head.matchAll(ANSWER_WORDS)) said.add(JSON.stringify(SPOKEN[(m[1] as string).toLowerCase()]));
  if (said.size > 0) return said;
  for (const m of head.matchAll(NUMBER_WORDS)) said.add(JSON.stringify(SPOKEN[(m[1] as string).toLowerCase()]));
  for (const m of head.matchAll(MISSING_NUMBER)) said.add(JSON.stringify(Number((m[1] as string).replace(/^[−–]/, "-"))));
  return said;
}

/**
 * The one answer the description's clauses about a missing key state ("0 when the catalog lacks
 * that sku", "(defaults to 0 for skus the catalog omits)", "nobody (JSON null) for a name the list
 * lacks", "items missing from the inventory have none"): a clause is cut at ";", ",", "and" and a
 * sentence's end, and speaks of a missing key (or an empty list) where it holds one of
 * MISSING_WORDS; its answer is what it states before its condition. Undefined where one of those
 * clauses states no answer ("gets the first entry's price"), or two, or they differ ("nobody" for a
 * missing name, null for an empty list), or one reckons with its number ("10 more than the cheapest
 * entry", "5% off"): the missing key's answer is then not one value.
 */
export function missingAnswer(description: string): Json | undefined {
  const answers = new Set<string>();
  // A clause that is only a condition ("If the catalog lacks the sku", "for a sku the catalog
  // lacks") speaks for the clause after it, which states the answer ("the answer is 0", "0").
  let carried = false;
  for (const clause of description.split(/[;,]|\.(?!\d)|\band\b/)) {
    const speaks = carried || MISSING_WORDS.test(clause);
    carried = false;
    if (!speaks) continue;
    if (RECKONED.test(clause)) return undefined;
    const said = clauseAnswers(clause);
    if (said.size === 0 && CONDITION_FIRST.test(clause)) {
      carried = true;
      continue;
    }
    // A clause with no answer and no word of a missing key ("if the catalog lists it", "not counting
    // tax") is about something else; one that speaks of a missing key without an answer ("gets the
    // first entry's price") leaves the answer unstated.
    if (said.size === 0 && !KEY_MISSING.test(clause)) continue;
    if (said.size !== 1) return undefined;
    for (const a of said) answers.add(a);
  }
  const [only] = answers;
  return answers.size === 1 && only !== undefined ? (JSON.parse(only) as Json) : undefined;
}

/**
 * Words by which a description speaks of a key its list has no entry for (narrower than MISSING_WORDS:
 * no "not", "if", "null", "empty", "defaults").
 */
export const KEY_MISSING = /\b(?:lacks?|omits?|missing|absent|unknown|unlisted|not (?:found|present|there|in|on)|isn't (?:there|in|on)|no (?:such|entry|match)|(?:no|nobody|no one|none)(?: \w+)? (?:has|have|holds|matches)|has no|outside|neither|without)\b/i;

/** A count of entries the answer is read among ("the first 3 entries", "top 5", "2 rows"). */
const ENTRY_COUNT = /\b(?:first|last|top|bottom|latest|earliest|newest|oldest)\s+\d+|\b\d+\s+(?:entries|items|rows|lines|records|elements|places)\b/i;

/**
 * Whether the description reads the answer among a count of entries ("among the catalog's first 3
 * entries"): it then hangs on more than the entry the key names (round 32's attacker). Not any
 * number: "the place (1 for the winner)" states what the answer is.
 */
export function readsAmongCount(description: string): boolean {
  return ENTRY_COUNT.test(description);
}

/**
 * Whether the description speaks of whether the key's entry is there: a word of a missing key, or of
 * a list that lists or has it ("if the catalog lists it, else 0", "when the catalog has it; 0
 * otherwise"). A stated answer is a missing key's only then: "null when they sum to 0" is none,
 * though each example's value is one of its values.
 */
export function speaksOfEntry(description: string): boolean {
  return KEY_MISSING.test(description) || /\b(?:lists?|listed|(?:has|have|holds?) (?:it|them|one|an entry|that \w+))\b/i.test(description);
}
