/**
 * Whether a description states an order among ties of its own ("equal scores in alphabetical
 * order", "by season, then by episode"): the words only, apart from tie-breaks.ts so that the
 * ranking prior can read them without the rival readings.
 */

/**
 * Words stating a second order among equals (beside a word of order, so that "within a day" is
 * none), and not list order ("in the order given", "keep
 * their list order": that is the stable sort the search writes already).
 */
const STATED = /\b(then (by|alphabetical\w*|ascending|descending)|(alphabetical(ly)?|sorted|ordered|ascending|descending|by \w+) within (a|an|each|the same|one|its|their) \w+|(equal|same|tied) [a-z ]{0,30}\b(in|by) (alphabetical|ascending|descending|name|their|its)\w*|(equal|same|tied) [a-z ]{0,60}\b(are|is) (ordered|sorted|listed|given) (alphabetical\w*|ascending|descending|by \w+)|ties? (are )?(broken|go|goes|sorted|ordered) by)\b/;
const LIST_ORDER = /\b(order given|given order|list order|order (they|in which)|menu order|as listed|as (in|on) the list|as given|as they come|keep(s)? (the|their) (order|place))\b/;

/**
 * Round 19c: the concept rather than its phrasings. A sentence that speaks of ties (ties, tied,
 * equal, same, identical) and names an order of its own among them: an alphabetical order, or a
 * second key ("by name" beside "by score"), wherever they stand ("when two scores are equal, by
 * name", "by name if prices tie", "alphabetically for the same age").
 */
const TIE = /\b(ties?|tied|tying|equal|same|identical)\b/;
const ALPHABETICAL = /\b(alphabetical\w*|a-z|z-a|lexicographic\w*)\b/;
const KEY = /\bby (?:their |its |the )?([a-z]+)\b/g;

/** Whether a sentence speaks of ties and names an order for them (an alphabetical one or a second key). */
function namesTieOrder(sentence: string): boolean {
  if (!TIE.test(sentence)) return false;
  const keys = new Set([...sentence.matchAll(KEY)].map((m) => m[1] as string));
  return ALPHABETICAL.test(sentence) || keys.size >= 2;
}

/** Round 21: ties spoken of ("equally full", "the same score"), and an order word beside them. */
const TIED = /\b(ties?|tied|tying|equal|equally|same|identical)\b/;
const ORDER_WORD = /\b(order|ordered|sorted|first|before|after|alphabetical\w*|ascending|descending)\b/;
const DESCENDING = /\b(descending|reverse|z to a|z-a|more|most|higher|highest|larger|largest|bigger|biggest|greater|greatest|later|latest|newer|newest|longer|longest)\b/;

/**
 * The one field of `fields` that a sentence speaking of ties names as their order ("bins equally
 * full in id order": `id`), and whether that order is descending; undefined when no such sentence
 * names exactly one of them. A field is named by its own word (`id`) or its words (`lastName`: "last name").
 */
export function namedTieField(description: string, fields: readonly string[]): { field: string; descending: boolean } | undefined {
  const sentences = description.toLowerCase().split(/\.(?:\s|$)|;/).filter((s) => TIED.test(s) && ORDER_WORD.test(s) && !LIST_ORDER.test(s));
  for (const sentence of sentences) {
    const words = ` ${sentence.replace(/[^a-z0-9]+/g, " ")} `;
    // Named as an order ("by name", "in id order", "by their title"), not only spoken of
    // ("two contacts can have the same name"), and not ruled out ("not by name").
    const named = fields.filter((f) => {
      const name = f.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const order = new RegExp(String.raw` (?<!not )(by|in) (?:(?:the|their|its|plain|alphabetical|ascending|descending) )*${name} | ${name} order `);
      return order.test(words);
    });
    // The direction is that of the words after the tie ("highest first, breaking ties by name": by name, A to Z).
    const after = sentence.slice(sentence.search(TIED));
    if (named.length === 1) return { field: named[0] as string, descending: DESCENDING.test(after) };
  }
  return undefined;
}

/** Whether the description states an order among ties that is not the list's own. */
export function statesTieBreak(description: string): boolean {
  const text = description.toLowerCase();
  if (text.split(/[.;]/).some((clause) => STATED.test(clause) && !LIST_ORDER.test(clause))) return true;
  return text.split(/\.(?:\s|$)/).some((sentence) => namesTieOrder(sentence) && !LIST_ORDER.test(sentence));
}
