/**
 * Whether a description asks for some of a list's items, not all of them: a filter's words ("the
 * orders that …", "only", "whose"), a qualifier before the list's noun ("the paid orders"), or a
 * qualified count ("how many of the words …"). "All the orders" and "every word" ask for all.
 */
import type { Prior } from "./rank.ts";

/** A noun phrase with a clause on it: "the lines with ERROR", "any order having a discount". */
const WITH_CLAUSE = /\b(?:the|those|any)\s+(?:[a-z-]+\s+){0,2}?(?:with|without|having|containing)\b/i;
const HOW_MANY_OF = /\bhow many of\b/i;

/** Words before a noun that do not qualify it: determiners, numbers, verbs that take the list whole. */
const NOT_QUALIFIERS = new Set([
  "a", "an", "the", "all", "every", "each", "any", "of", "in", "from", "to", "for", "and", "or", "these", "those", "this", "that",
  "my", "your", "our", "their", "its", "his", "her", "given", "input", "many", "number", "count", "total", "by", "on", "at", "as",
  "are", "is", "both", "same", "list", "return", "give", "get", "show", "find", "sort", "sorted", "reverse", "copy", "take", "keep",
  "first", "last", "two", "three", "four", "five", "ten", "several", "some", "no", "how", "many", "new", "old", "other",
]);

/** The noun a list's field names ("orders", "user_names": "names") and its other number. */
export function nounsOf(field: string): string[] {
  const last = (field.split(/_|(?=[A-Z])/).pop() ?? field).toLowerCase();
  if (last.length < 3) return [];
  const one = last.endsWith("ies") ? `${last.slice(0, -3)}y` : last.endsWith("ses") || last.endsWith("xes") ? last.slice(0, -2) : last.endsWith("s") ? last.slice(0, -1) : last;
  return [...new Set([last, one, `${one}s`])];
}

/** A word right before one of `nouns` that qualifies it ("paid orders", "active users"). */
function qualified(description: string, nouns: readonly string[]): boolean {
  const words = description.toLowerCase().match(/[a-z0-9-]+/g) ?? [];
  return words.some((w, i) => i > 0 && nouns.includes(w) && !NOT_QUALIFIERS.has(words[i - 1] as string) && !/^\d/.test(words[i - 1] as string));
}

/** Whether the description selects some items of the list whose field names `nouns`. */
export function speaksOfSelection(prior: Prior, nouns: readonly string[]): boolean {
  const text = prior.description ?? "";
  return prior.evidence.has("filter") || WITH_CLAUSE.test(text) || HOW_MANY_OF.test(text) || qualified(text, nouns);
}

/**
 * Whether the description takes a list whole: "all the orders", "every word", "each user", "as it
 * is", "unchanged". A list passed through unchanged is doubted by default (round 25, after the
 * attacker: "keep the parcels not yet shipped", "the users who are adults", "drop any cancelled
 * ones" are selections no list of words foresaw); only these words, and no word of a selection
 * beside them, let it through unasked.
 */
const TAKES_ALL = /\b(?:all|every|each|whole|entire|unchanged|untouched|as it is|as they are|as given)\b/i;

export function takesAll(prior: Prior, nouns: readonly string[]): boolean {
  return TAKES_ALL.test(prior.description ?? "") && !speaksOfSelection(prior, nouns);
}
