/**
 * Round 32: questions about a lookup's key that names no entry exactly, where the description's
 * words make such keys the task's and no example shows one.
 *
 * A key the description only brings near an entry ("the price of the first product whose
 * code starts with the given prefix", "the table entry whose size is nearest the given one"). People
 * write such examples with the key equal to an entry's own part, so the exact lookup fits them all,
 * no rival parts from it on the examples' neighbours, and it was published (round 31's attacker) to
 * throw on the first prefix that is only a prefix. Where no example shows a key that only
 * approaches, the first example is asked about with the named entry moved off its key as the words
 * allow: its text lengthened past a prefix (or before a suffix, or on both sides of a part it
 * contains), or the key's number moved a quarter of the way to the next entry's.
 *
 * A key no entry has, of which the description speaks without stating one answer for it ("costs
 * what sku H0 costs", "overdrawn by 50", "or in the clearance list if the catalog lacks it"): asked
 * once with the key set to one no entry has (missing-keys.ts reads the words).
 */
import { END_WORDS, START_WORDS } from "./affix-ops.ts";
import { runOn } from "./evaluate.ts";
import { namingKeys, partAt, unnamedKeyShown, withAbsentKey } from "./lookup-keys.ts";
import { KEY_MISSING } from "./missing-keys.ts";
import type { LookupKey } from "./lookup-keys.ts";
import { isObj } from "./probes.ts";
import { toldInWords } from "./reading.ts";
import type { Ambiguity } from "./reading.ts";
import type { Expr, Json } from "./types.ts";

/**
 * How the words let a text key approach an entry's text, and that text moved off the key so. A part
 * the text contains comes first: moved on both sides it tells containing from starting and ending
 * too, where the words speak of both ("the title contains the word; the list starts with the oldest
 * book", round 36).
 */
const TEXT_APPROACHES: readonly (readonly [RegExp, (part: string) => string])[] = [
  // "has the given word somewhere in it", "anywhere in the title" (stop 49).
  [/\b(?:contains?|containing|includes?|including)\b|\b(?:somewhere|anywhere) in(?:side)?\b|\bhas\b[^.;]{0,40}\bin it\b/i, (part) => `1-${part}-1`],
  [START_WORDS, (part) => `${part}-1`],
  [END_WORDS, (part) => `1-${part}`],
];
/** Words by which a number key approaches an entry's number. */
const NUMBER_APPROACH = /\b(?:nearest|closest|near(?:est)? to|closest to)\b/i;

/** The keys the words bring near an entry, with how to move an input off its named entry; none where they say nothing of it. */
export interface ApproachedKey extends LookupKey {
  readonly moved: (input: Record<string, Json>) => Json | undefined;
}

/** The naming keys of the examples that the description's words only bring near an entry. */
export function approachedKeys(inputs: readonly Json[], outputs: readonly Json[], description: string): ApproachedKey[] {
  const text = TEXT_APPROACHES.find(([words]) => words.test(description))?.[1];
  const number = NUMBER_APPROACH.test(description);
  if (!text && !number) return [];
  const out: ApproachedKey[] = [];
  for (const k of namingKeys(inputs, outputs)) {
    const { key, list, at } = k;
    out.push({
      ...k,
      moved: (input) => {
        const entries = input[list];
        const value = input[key];
        if (!Array.isArray(entries)) return undefined;
        if (typeof value === "string" && text) {
          const i = entries.findIndex((e) => partAt(e, at) === value);
          const entry: Json | undefined = entries[i];
          const field = at[0];
          if (at.length !== 1 || typeof field !== "string" || entry === undefined || !isObj(entry)) return undefined;
          const movedEntries: Json[] = entries.map((e: Json, j: number): Json => (j === i ? { ...entry, [field]: text(value) } : e));
          return { ...input, [list]: movedEntries };
        }
        if (typeof value === "number" && number) {
          const gaps = entries.map((e) => partAt(e, at)).filter((p): p is number => typeof p === "number" && p !== value).map((p) => Math.abs(p - value));
          const gap = gaps.length > 0 ? gaps.reduce((a, b) => Math.min(a, b)) / 4 : 1;
          const step = Number.isInteger(value) && gap >= 1 ? Math.floor(gap) : gap;
          return step > 0 ? { ...input, [key]: value + step } : undefined;
        }
        return undefined;
      },
    });
  }
  return out;
}

/**
 * Where no example's key only approaches an entry, the first example moved off its named entry,
 * beside what `e` answers there (no answer offered as null: an exact lookup has none).
 */
export function keyApproached(e: Expr, keys: readonly ApproachedKey[], inputs: readonly Json[], allowed: (input: Json) => boolean): Ambiguity | undefined {
  for (const k of keys) {
    // An example whose key names no entry exactly shows the answer for a key that only approaches.
    if (unnamedKeyShown(k, inputs)) continue;
    for (const input of inputs) {
      const probe = isObj(input) ? k.moved(input) : undefined;
      if (probe === undefined || !allowed(probe)) continue;
      return toldInWords(e, probe, runOn(e, probe) ?? null, "an entry the key only comes near, as the description's words allow: no example shows one");
    }
  }
  return undefined;
}

/**
 * Where the description speaks of a key no entry has and no lookup reads its answer for one (`keys`
 * are the naming keys of a task with no lookup keys), and no example shows such a key: the first
 * example with its key set to one no entry has (an entry of another list first), beside what `e`
 * answers there (null where it has none).
 */
export function keyMissing(e: Expr, keys: readonly LookupKey[], inputs: readonly Json[], description: string, allowed: (input: Json) => boolean): Ambiguity | undefined {
  if (!KEY_MISSING.test(description)) return undefined;
  for (const k of keys) {
    if (unnamedKeyShown(k, inputs)) continue;
    for (const input of inputs) {
      const probe = isObj(input) ? withAbsentKey(input, k) : undefined;
      if (probe === undefined || !allowed(probe)) continue;
      return toldInWords(e, probe, runOn(e, probe) ?? null, "a key no entry of the list has, of which the description speaks: no example shows one");
    }
  }
  return undefined;
}
