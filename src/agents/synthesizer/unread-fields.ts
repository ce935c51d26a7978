/**
 * A field the description names that the program never reads. "Cartons of per_carton units, one
 * more for any remainder" answered by `input.lines.length + 1`, or "reps times weight_kg over every
 * set" by arithmetic on the date: with two or three examples, some program that ignores what the
 * description is about always fits. The description's own words are the evidence that such a
 * program is not the task, whatever its rank, so the person is asked about an input where that
 * field changes (and nothing else does); their answer, as a new example, shows what it changes.
 * Two mirror cases: a number read out of a label of the case (an order's "PO-1") that the
 * description does not mention, by a program that reads other data too, counts by coincidence
 * (the rival answers the same whatever the label); and one of two alike fields read without the
 * other, neither mentioned ("whether two phrases are anagrams" from the second alone).
 */
import { jsonEqual, validateInput } from "../../spec/index.ts";
import { toldInWords } from "./reading.ts";
import type { Ambiguity } from "./reading.ts";
import { descriptionNumbers } from "./constants.ts";
import { runOn } from "./evaluate.ts";
import { walk } from "./rank.ts";
import type { Expr, Json } from "./types.ts";

/** Field names that are also common words: naming them in a sentence says nothing about the field. */
const COMMON = new Set([
  "to", "from", "in", "on", "at", "by", "of", "for", "and", "or", "not", "no", "the", "an", "is", "it", "as", "with", "per", "each",
  "all", "any", "one", "up", "off", "out", "if", "than", "then", "when", "once", "how", "what", "which", "who", "new", "old", "done",
  "value", "values", "item", "items", "data", "list", "text", "input", "result", "type", "kind", "number", "count", "total", "name",
]);

/** Plurals and singulars no suffix rule makes ("people" for a field `person` and the other way). */
const IRREGULAR = new Map<string, readonly string[]>(
  [["person", "people"], ["child", "children"], ["man", "men"], ["woman", "women"], ["foot", "feet"], ["tooth", "teeth"], ["mouse", "mice"], ["goose", "geese"], ["leaf", "leaves"], ["shelf", "shelves"], ["half", "halves"], ["life", "lives"], ["wife", "wives"], ["knife", "knives"]]
    .flatMap(([one, many]) => [[one as string, [many as string]], [many as string, [one as string]]]),
);

/** Words that say a field named in the same clause does not count ("the sender does not matter"). */
const DISCOUNTED = /\b(not? matter|doesn'?t matter|irrelevant|whatever|regardless|no matter|not used|unused|disregard\w*)\b/;

/** Does the description say, in the clause that names `field`, that it does not count? */
function discounted(description: string, field: string): boolean {
  return description.split(/[.;:,()]/).some((clause) => names(clause, field) && DISCOUNTED.test(clause.toLowerCase()));
}

/** Property names of an input schema, at every depth (declared fields only, not map keys). */
export function schemaFields(schema: unknown): string[] {
  const out = new Set<string>();
  const visit = (s: unknown): void => {
    if (s === null || typeof s !== "object") return;
    const o = s as Record<string, unknown>;
    const props = o["properties"];
    if (props !== null && typeof props === "object") {
      for (const [k, v] of Object.entries(props)) {
        out.add(k);
        visit(v);
      }
    }
    for (const key of ["items", "additionalProperties"]) visit(o[key]);
    for (const key of ["anyOf", "oneOf", "allOf"]) if (Array.isArray(o[key])) for (const v of o[key] as unknown[]) visit(v);
  };
  visit(schema);
  return [...out];
}

/** Does the description name `field` (as written, with spaces for underscores, or singular/plural)? */
export function names(description: string, field: string): boolean {
  const f = field.toLowerCase();
  if (f.length < 3 || COMMON.has(f)) return false;
  const text = ` ${description.toLowerCase().replace(/[^a-z0-9_]+/g, " ")} `;
  const forms = new Set([f, f.replace(/_/g, " "), ...(IRREGULAR.get(f) ?? [])]);
  for (const form of [...forms]) {
    forms.add(`${form}s`);
    forms.add(`${form}es`);
    if (form.endsWith("s")) forms.add(form.slice(0, -1));
    if (form.endsWith("y")) forms.add(`${form.slice(0, -1)}ies`);
  }
  return [...forms].some((form) => text.includes(` ${form} `));
}

/** Every field name the program reads, at any depth; undefined when it uses the whole input. */
function fieldsRead(e: Expr): Set<string> | undefined {
  const read = new Set<string>();
  let whole = false;
  walk(e, (n) => {
    if (n.k === "in" && n.path.length === 0) whole = true;
    if (n.k === "in" || n.k === "x") for (const p of n.path) read.add(p);
    if (n.k === "get") read.add(n.key);
  });
  return whole ? undefined : read;
}

/** Object keys anywhere in `v` (an output that carries whole records carries their fields). */
function keysIn(v: Json, into: Set<string>): Set<string> {
  if (Array.isArray(v)) for (const x of v) keysIn(x, into);
  else if (v !== null && typeof v === "object") {
    for (const [k, x] of Object.entries(v)) {
      into.add(k);
      keysIn(x, into);
    }
  }
  return into;
}

/** Every value `field` takes anywhere in `v`. */
function valuesOf(v: Json, field: string, into: Json[]): Json[] {
  if (Array.isArray(v)) for (const x of v) valuesOf(x, field, into);
  else if (v !== null && typeof v === "object") {
    for (const [k, x] of Object.entries(v)) {
      if (k === field) into.push(x);
      valuesOf(x, field, into);
    }
  }
  return into;
}

/** `v` with every value of `field` replaced by `change(value)`. */
function replaced(v: Json, field: string, change: (x: Json) => Json): Json {
  if (Array.isArray(v)) return v.map((x) => replaced(x, field, change));
  if (v === null || typeof v !== "object") return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === field ? change(x) : replaced(x, field, change)]));
}

/**
 * Other values for `field`: first the numbers the description writes in the clause that names it
 * ("free for orders of 50 euros or more": an order of 50, where a stated rule turns), then numbers
 * doubled (or 1 for 0), truths flipped, texts and lists the examples show elsewhere, lists one longer.
 */
function changes(field: string, inputs: readonly Json[], description: string): ((x: Json) => Json)[] {
  const seen = inputs.flatMap((i) => valuesOf(i, field, []));
  const other = (x: Json): Json => seen.find((s) => !jsonEqual(s, x)) ?? x;
  const stated = description.split(/[.;:()]|,\s(?!\d)/).filter((clause) => names(clause, field)).flatMap((clause) => descriptionNumbers(clause));
  return [
    ...[...new Set(stated)].map((n) => (x: Json): Json => (typeof x === "number" ? n : x)),
    (x) => (typeof x === "number" ? (x === 0 ? 1 : x * 2) : typeof x === "boolean" ? !x : Array.isArray(x) && x.length > 0 ? [...x, x[0] as Json] : other(x)),
    (x) => (typeof x === "number" ? x + 1 : other(x)),
  ];
}

/**
 * A text field of the input itself that is different in every example ("class": "7B", "order":
 * "PO-1") labels the case rather than feeding the answer: a description naming the class or the
 * order speaks of the case, not of that label.
 */
function label(field: string, inputs: readonly Json[]): boolean {
  const values = inputs.map((i) => (i !== null && typeof i === "object" && !Array.isArray(i) ? i[field] : undefined));
  if (!values.every((v) => typeof v === "string") || new Set(values).size !== values.length) return false;
  // A value found elsewhere in its input is a key to look up ("category": "toys" beside items of
  // category "toys"), not a label.
  return !inputs.some((input, r) => {
    const rest = { ...(input as Record<string, Json>) };
    delete rest[field];
    return JSON.stringify(rest).includes(JSON.stringify(values[r]));
  });
}

/** Do two examples differ only in `field`? Then the examples already show what it changes. */
function shown(field: string, inputs: readonly Json[]): boolean {
  const blank = inputs.map((i) => JSON.stringify(replaced(i, field, () => null)));
  return inputs.some((a, i) => inputs.some((b, j) => j > i && blank[i] === blank[j] && !jsonEqual(a, b)));
}

/**
 * The first field the description names that `expr` never reads (nor passes through in its
 * output), asked about on an example's input with that field changed; undefined when the program
 * reads every named field, or the examples already show one changing alone. A field the program's
 * stated guards read (`readAsStated`, stated-range.ts) is read.
 */
export function unreadNamedField(expr: Expr, inputs: readonly Json[], outputs: readonly Json[], description: string, inputSchema: unknown, readAsStated: ReadonlySet<string> = new Set()): Ambiguity | undefined {
  const read = fieldsRead(expr);
  if (!read) return undefined;
  const carried = new Set<string>();
  for (const o of outputs) keysIn(o, carried);
  // A field read only to cancel out (`order / 50 - order / 50`) is read by no answer: unread too.
  const unread = schemaFields(inputSchema).filter((f) => !carried.has(f) && !readAsStated.has(f) && names(description, f) && (!read.has(f) || inert(expr, f, inputs, description, inputSchema)));
  for (const field of unread) {
    if (label(field, inputs) || shown(field, inputs) || discounted(description, field)) continue;
    for (const [, probe] of changedInputs(field, inputs, description, inputSchema)) {
      const output = runOn(expr, probe);
      if (output === undefined) continue;
      return toldInWords(expr, probe, output, `a program that reads ${field}, which the description names and this one never reads`);
    }
  }
  return undefined;
}

/**
 * Whether no change of `field` (changes) on any example changes what `expr` answers. Only for a
 * number of the input itself: a field of a list's elements is changed in every element at once,
 * which keeps how the elements compare ("all in the same currency" answers the same with every
 * EUR made USD), so a program that reads it to effect would look inert.
 */
function inert(expr: Expr, field: string, inputs: readonly Json[], description: string, inputSchema: unknown): boolean {
  if (!inputs.every((i) => i !== null && typeof i === "object" && !Array.isArray(i) && typeof i[field] === "number")) return false;
  let tried = false;
  for (const [input, probe] of changedInputs(field, inputs, description, inputSchema)) {
    const before = runOn(expr, input);
    const after = runOn(expr, probe);
    if (after === undefined || before === undefined || !jsonEqual(after, before)) return false;
    tried = true;
  }
  return tried;
}

/** Each example's input with `field` changed (changes, worked out once), where that changes it and the schema still holds: [input, probe]. */
function* changedInputs(field: string, inputs: readonly Json[], description: string, inputSchema: unknown): Generator<[Json, Json]> {
  const each = changes(field, inputs, description);
  for (const input of inputs) {
    for (const change of each) {
      const probe = replaced(input, field, change);
      if (!jsonEqual(probe, input) && validateInput(inputSchema, probe).ok) yield [input, probe];
    }
  }
}

/** Does the description mention `field` at all (common words included)? */
function mentions(description: string, field: string): boolean {
  const text = ` ${description.toLowerCase().replace(/[^a-z0-9_]+/g, " ")} `;
  const f = field.toLowerCase();
  return [f, f.replace(/_/g, " ")].some((form) => text.includes(` ${form} `) || text.includes(` ${form}s `));
}

/** Top-level fields whose text the program reads a number out of (`numAt`, `Number(...)`). */
function numbersReadFrom(e: Expr): Set<string> {
  const out = new Set<string>();
  walk(e, (n) => {
    if (n.k !== "op" || (n.op !== "numAt" && n.op !== "toNumber") || n.args[0] === undefined) return;
    walk(n.args[0], (a) => {
      if (a.k === "in" && a.path[0] !== undefined) out.add(a.path[0]);
    });
  });
  return out;
}

/** Each example's input (by index) with `field` taken from another example, where that changes it and the schema allows it. */
function* swaps(inputs: readonly Json[], field: string, inputSchema: unknown): Generator<[number, Json]> {
  for (const [r, input] of inputs.entries()) {
    for (const other of inputs) {
      const probe = { ...(input as Record<string, Json>), [field]: (other as Record<string, Json>)[field] as Json };
      if (!jsonEqual(probe, input) && validateInput(inputSchema, probe).ok) yield [r, probe];
    }
  }
}

/**
 * A text field of the input itself that the description never mentions (a label of the case, an
 * order's "PO-1"), that a program reading other fields too reads a number out of, for an answer
 * that is a number or a truth value: the digits of "PO-1" counted as cartons. Asked about on an
 * example with another example's text there. (A text that is the whole input is the task's data.)
 */
export function labelRead(expr: Expr, inputs: readonly Json[], outputs: readonly Json[], description: string, inputSchema: unknown): Ambiguity | undefined {
  if (!outputs.every((o) => typeof o === "number" || typeof o === "boolean")) return undefined;
  const read = fieldsRead(expr);
  const first = inputs[0];
  if (!read || first === null || typeof first !== "object" || Array.isArray(first)) return undefined;
  const digitsOf = numbersReadFrom(expr);
  const topRead = Object.keys(first).filter((k) => read.has(k));
  for (const field of Object.keys(first)) {
    if (!digitsOf.has(field) || topRead.length < 2 || !inputs.every((i) => typeof (i as Record<string, Json>)[field] === "string") || mentions(description, field)) continue;
    for (const [r, probe] of swaps(inputs, field, inputSchema)) {
      const mine = runOn(expr, probe);
      if (mine === undefined || jsonEqual(mine, outputs[r] as Json)) continue;
      return toldInWords(expr, probe, mine, `the same answer whatever the ${field}: it names the case`, outputs[r] as Json);
    }
  }
  return undefined;
}

/** The JSON type of a value, arrays told apart from objects. */
const typeOf = (v: Json | undefined): string => (Array.isArray(v) ? "array" : v === null ? "null" : typeof v);

/**
 * Two fields of the input alike in type (`a` and `b`, two phrases), neither mentioned by the
 * description, of which the program reads one only: "whether two phrases are anagrams" read as
 * "the second has an even length". Asked about with the unread one taken from another example.
 */
export function unreadTwin(expr: Expr, inputs: readonly Json[], description: string, inputSchema: unknown, guarded: ReadonlySet<string> = new Set()): Ambiguity | undefined {
  const programRead = fieldsRead(expr);
  const first = inputs[0];
  if (!programRead || first === null || typeof first !== "object" || Array.isArray(first)) return undefined;
  // A field a stated range reads ("plus 0.5 for each day over 7") is read (round 31's attacker).
  const read = new Set([...programRead, ...guarded]);
  const given = new Set(inputs.map((i) => JSON.stringify(i)));
  const fields = Object.keys(first);
  const kind = (k: string): string => {
    const types = new Set(inputs.map((i) => typeOf((i as Record<string, Json>)[k])));
    return types.size === 1 ? ([...types][0] as string) : "mixed";
  };
  for (const f of fields) {
    if (read.has(f) || mentions(description, f) || kind(f) === "mixed") continue;
    if (!fields.some((g) => g !== f && read.has(g) && kind(g) === kind(f) && !mentions(description, g))) continue;
    for (const [, probe] of swaps(inputs, f, inputSchema)) {
      if (given.has(JSON.stringify(probe))) continue;
      const mine = runOn(expr, probe);
      if (mine !== undefined) return toldInWords(expr, probe, mine, `a program that reads ${f} too, alike to the field this one reads`);
    }
  }
  return undefined;
}
