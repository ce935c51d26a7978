/**
 * A lookup key: a field of the input that names an entry of a list of the input in every example
 * ("the price of the entry whose sku is the given one", "the manager of the named employee"), the
 * answer read from that entry rather than counted. An input whose key names no entry is outside
 * the task's domain: a person has no answer of the output's kind for it, so no question is about
 * one. The inputs worth asking about keep the key among the list's keys: an example with its key
 * set to another entry's ("the price of B2 in this catalog"), asked once before anything is
 * published where no two examples show the answer following the key over one list (a program
 * may fit them reading the cheapest entry, or the first, and never the key).
 *
 * The description decides too: where it speaks of a key no entry has ("0 when the inventory does
 * not list it", "or -1 when none"), such inputs are the task's. Where those words state one answer
 * for them ("0 when the catalog lacks that sku", "minus one for a sku outside the catalog"), the
 * key is a lookup with that answer for a key that names no entry (`missing`); where they state
 * none, or more than one, no key is read as a lookup.
 */
import { jsonEqual } from "../../spec/index.ts";
import { runOn } from "./evaluate.ts";
import { isObj } from "./probes.ts";
import { MISSING_WORDS, missingAnswer, readsAmongCount, speaksOfEntry } from "./missing-keys.ts";
import { toldInWords } from "./reading.ts";
import type { Ambiguity } from "./reading.ts";
import type { Expr, Json } from "./types.ts";

/** A field of the input (`key`) that names an entry of a list field (`list`) by the entry's part at `at` ([] for the entry itself). */
export interface LookupKey {
  readonly key: string;
  readonly list: string;
  readonly at: readonly (string | number)[];
  /** The answer the description states for a key that names no entry of the list, if it states one. */
  readonly missing?: Json;
  /** Whether the words name the entry ignoring case or spaces around it (INEXACT): "Ann" then names "ann ". */
  readonly loose?: boolean;
}

/** Fewer examples than this may name an entry by chance. */
const MIN_EXAMPLES = 2;
/**
 * Words by which the key names its entry less than exactly: ignoring case, spaces around it (round
 * 32's attacker). The lookup program compares exactly and is then no reading of its own, and an
 * input whose key differs from an entry's only so is inside the task's domain.
 */
export const INEXACT = /\b(?:ignor\w*|case|insensitive\w*|trim\w*|stray|spaces?|whitespace)\b/i;

/**
 * Words by which the key only approaches an entry's part (round 31's attacker): a code that starts
 * with a prefix, the size nearest the given one, the highest minimum a score reaches. No key then.
 */
const APPROACHED = /\b(?:starts?|begins?|ends?|prefix|suffix|contains?|includes?|nearest|closest|highest|lowest|reach\w*|least|most|minimum|maximum|range|between|above|below|after|before|next|previous|following|preceding)\b/i;

export function partAt(entry: Json | undefined, at: readonly (string | number)[]): Json | undefined {
  let v: Json | undefined = entry;
  for (const step of at) {
    if (typeof step === "number") v = Array.isArray(v) ? v[step] : undefined;
    else v = v !== undefined && isObj(v) ? v[step] : undefined;
  }
  return v;
}

/** The parts of an entry that may name it: the entry itself when a text or number, each field, each element of a pair. */
function namingParts(entry: Json): (string | number)[][] {
  if (typeof entry === "string" || typeof entry === "number") return [[]];
  if (isObj(entry)) return Object.keys(entry).map((k) => [k]);
  if (Array.isArray(entry)) return entry.map((_, i) => [i]);
  return [];
}

export const names = (list: readonly Json[], at: readonly (string | number)[], key: Json | undefined): number => list.filter((e) => partAt(e, at) === key).length;

/**
 * The lookup keys of a task: its naming keys, where the description brings the key no nearer than
 * an entry's own part (APPROACHED), reads no count of entries ("the first 3 entries"), and says
 * nothing of a key that names no entry or states one answer for it (`missing`).
 */
export function lookupKeys(inputs: readonly Json[], outputs: readonly Json[], description: string): LookupKey[] {
  return INEXACT.test(description) ? keysOf(inputs, outputs, description).map((k) => ({ ...k, loose: true })) : keysOf(inputs, outputs, description);
}

function keysOf(inputs: readonly Json[], outputs: readonly Json[], description: string): LookupKey[] {
  if (APPROACHED.test(description) || readsAmongCount(description)) return [];
  if (!MISSING_WORDS.test(description)) return namingKeys(inputs, outputs);
  // A stated answer is the missing key's only where the key has one list to be missing from (round
  // 32's attacker: "or in the clearance list if the catalog lacks it; 0 if neither").
  const missing = speaksOfEntry(description) ? missingAnswer(description) : undefined;
  if (missing === undefined || !answerOfKind(missing, outputs) || lists(inputs) > 1) return [];
  return namingKeys(inputs, outputs, missing).map((k) => ({ ...k, missing }));
}

/** The most list fields one example holds. */
const lists = (inputs: readonly Json[]): number => Math.max(0, ...inputs.map((i) => (isObj(i) ? Object.values(i).filter(Array.isArray).length : 0)));

/**
 * The fields of the input that name an entry of one of its lists in every example (at least
 * MIN_EXAMPLES) but those answered with the stated `missing` answer: a text or number equal to the
 * naming part of an entry; the answers neither yes/no nor the number of entries so named (a count
 * of the entries with a tag takes any tag). Whatever the description says of them.
 */
export function namingKeys(inputs: readonly Json[], outputs: readonly Json[], missing?: Json): LookupKey[] {
  if (inputs.length < MIN_EXAMPLES || outputs.some((o) => typeof o === "boolean")) return [];
  const first = inputs[0];
  if (first === undefined || !isObj(first)) return [];
  const records = inputs.filter(isObj);
  if (records.length < inputs.length) return [];
  const found: LookupKey[] = [];
  // The lists and their naming parts, once (a record of 1,500 fields read them once per field).
  const lists = Object.entries(first)
    .filter(([, entries]) => Array.isArray(entries))
    .map(([list]) => ({ list, parts: new Map(records.flatMap((r) => (Array.isArray(r[list]) ? r[list].flatMap(namingParts) : [])).map((at) => [JSON.stringify(at), at])) }));
  for (const [key, value] of Object.entries(first)) {
    if (typeof value !== "string" && typeof value !== "number") continue;
    for (const { list, parts } of lists) {
      for (const at of parts.values()) {
        const each = records.map((r) => (Array.isArray(r[list]) ? names(r[list], at, r[key]) : 0));
        // An example whose key names no entry, answered as the description states, is no key's counterexample (a person's answer to a question).
        const naming = each.filter((n, i) => n > 0 || missing === undefined || !jsonEqual(outputs[i] as Json, missing));
        const named = each.filter((n) => n > 0).length;
        if (naming.every((n) => n > 0) && named >= MIN_EXAMPLES && outputs.some((o, i) => o !== each[i])) found.push({ key, list, at });
      }
    }
  }
  return found;
}

/** Whether the stated missing answer is of the examples' kind (a number beside numbers), or JSON's null. */
const answerOfKind = (missing: Json, outputs: readonly Json[]): boolean => missing === null || outputs.every((o) => typeof o === typeof missing);

/** Whether every lookup key of `input` names an entry of its list (an input of another shape is the schema's to judge). */
export function namesAnEntry(keys: readonly LookupKey[], input: Json): boolean {
  if (!isObj(input)) return true;
  const plain = (v: Json | undefined): Json | undefined => (typeof v === "string" ? v.trim().toLowerCase() : v);
  return keys.every(({ key, list, at, loose }) => {
    const entries = input[list];
    if (!Array.isArray(entries) || !(key in input)) return true;
    return loose ? entries.some((e) => plain(partAt(e, at)) === plain(input[key])) : names(entries, at, input[key]) > 0;
  });
}

/** Whether some example's key names no entry of its list: the answer shown for such a key. */
export function unnamedKeyShown({ key, list, at }: LookupKey, inputs: readonly Json[]): boolean {
  return inputs.some((i) => {
    const entries = isObj(i) ? i[list] : undefined;
    return isObj(i) && Array.isArray(entries) && names(entries, at, i[key]) === 0;
  });
}

/** `input` with its key set to one no entry of its list has (absentKey), or undefined where none can be made. */
export function withAbsentKey(input: Record<string, Json>, k: LookupKey): Record<string, Json> | undefined {
  const absent = absentKey(input, k);
  return absent === undefined ? undefined : { ...input, [k.key]: absent };
}

/** A value of `key` that no entry of `list` has: another list's entry where one lacks from it, else the key made unlike any. */
function absentKey(input: Record<string, Json>, { key, list, at }: LookupKey): Json | undefined {
  const entries = input[list];
  const value = input[key];
  if (!Array.isArray(entries)) return undefined;
  const has = (v: Json | undefined): boolean => names(entries, at, v) > 0;
  for (const [field, other] of Object.entries(input)) {
    if (field === list || !Array.isArray(other)) continue;
    const elsewhere = other.map((e) => partAt(e, at)).find((v) => (typeof v === "string" || typeof v === "number") && typeof v === typeof value && !has(v));
    if (elsewhere !== undefined) return elsewhere;
  }
  if (typeof value === "string") return [`${value}0`, `${value}00`, `0${value}`].find((v) => !has(v));
  if (typeof value === "number") {
    const parts = entries.map((e) => partAt(e, at)).filter((v): v is number => typeof v === "number");
    return Math.max(value, ...parts) + 1;
  }
  return undefined;
}

/** An entry with each of its numbers one more: the same key logged again with another value. */
function bumped(entry: Json): Json {
  if (typeof entry === "number") return entry + 1;
  if (Array.isArray(entry)) return entry.map(bumped);
  if (isObj(entry)) return Object.fromEntries(Object.entries(entry).map(([k, v]) => [k, bumped(v)]));
  return entry;
}

/**
 * The questions a person can answer about a lookup: each example with its key set to every other
 * entry's, and with the entry its key names listed again at the end with other numbers (round 31's
 * attacker: the first such entry, the last, or their sum part there).
 */
export function otherEntryInputs(keys: readonly LookupKey[], inputs: readonly Json[]): Json[] {
  const out: Json[] = [];
  for (const { key, list, at } of keys) {
    for (const input of inputs) {
      if (!isObj(input) || !Array.isArray(input[list])) continue;
      const others = new Set(input[list].map((e) => partAt(e, at)).filter((v) => v !== input[key] && (typeof v === "string" || typeof v === "number")));
      for (const other of others) out.push({ ...input, [key]: other as Json });
      const named = input[list].find((e) => partAt(e, at) === input[key]);
      if (named !== undefined && typeof named === "object" && named !== null) {
        const again = bumped(named);
        // The key itself stays as it was: only the entry's other parts change.
        const copy = at.length === 1 && isObj(again) && typeof at[0] === "string" ? { ...again, [at[0]]: input[key] as Json } : Array.isArray(again) && typeof at[0] === "number" ? again.map((v, i) => (i === at[0] ? (input[key] as Json) : v)) : undefined;
        if (copy !== undefined) out.push({ ...input, [list]: [...input[list], copy] });
      }
    }
  }
  return out;
}

/** Whether two examples hold one list and name two of its entries: the answer shown following the key. */
function keyShown({ key, list }: LookupKey, inputs: readonly Json[]): boolean {
  const records = inputs.filter(isObj);
  return records.some((a, i) => records.some((b, j) => j > i && a[key] !== b[key] && jsonEqual(a[list] as Json, b[list] as Json)));
}

/**
 * Where no two examples show the answer following a lookup's key over one list, the first example
 * with its key set to another entry's, beside what the program answers there.
 */
export function keyUnshown(e: Expr, keys: readonly LookupKey[], inputs: readonly Json[], allowed: (input: Json) => boolean): Ambiguity | undefined {
  const unshown = keys.filter((k) => !keyShown(k, inputs));
  for (const input of otherEntryInputs(unshown, inputs)) {
    const output = runOn(e, input);
    if (output !== undefined && allowed(input)) return toldInWords(e, input, output, "the answer of the entry the key names: no two examples name two entries of one list");
  }
  return undefined;
}
