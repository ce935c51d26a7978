/**
 * Round 21: the answer a description states for an empty list or text ("-1 for an empty list",
 * "0 when the list is empty", "null when nothing was sold", "an empty text when they share none").
 * People's examples are of the ordinary case, so programs that fit them may part only on the empty
 * input; where the description says what the empty input gives and the chosen program gives it, a
 * rival that answers otherwise there contradicts the description and is no reading of it.
 */
import { jsonEqual } from "../../spec/index.ts";
import { runOn } from "./evaluate.ts";
import { isObj } from "./probes.ts";
import { konst, op } from "./expr.ts";
import { partAt } from "./lookup-keys.ts";
import { walk } from "./rank.ts";
import { toldInWords } from "./reading.ts";
import type { Ambiguity } from "./reading.ts";
import { fieldWords, fieldsNamed, keyWords } from "./described-formula/bind.ts";
import type { Expr, Json } from "./types.ts";

const VALUE = String.raw`(-?\d+(?:\.\d+)?|null|true|false|an empty (?:text|string|list|array|object|map)|empty|""|''|\{\}|\[\])`;
const EMPTY_THING = String.raw`(?:list|lists|text|texts|string|input|array|word list)`;
/** What an empty input "gives": "No amounts gives []", "with no tasks, return an empty string", "an empty cart costs 0". */
const GIVES = String.raw`\s*[,:]?\s*(?:then\s+)?(?:gives?|returns?|yields?|costs?|is|are|means|(?:the\s+)?(?:answer|result|output|total)\s+is)`;
/**
 * Statements of the answer for an empty input, each with the group of the words that may name the
 * emptied field (none where they name no field: "for an empty list", "when there is nothing"):
 * "-1 for an empty list", "0 if the list is empty", "null when nothing was sold", "empty when the
 * list is empty", "No amounts gives []", "With no deliveries the answer is 0", "Nobody gives {}".
 */
const STATED: ReadonlyArray<{ readonly re: RegExp; readonly value: number; readonly words?: number; readonly empties?: true }> = [
  { re: new RegExp(String.raw`${VALUE}\s+(?:for|with|on|given)\s+(?:an?\s+|the\s+)?empty\s+(${EMPTY_THING})\b`, "g"), value: 1, words: 2, empties: true },
  { re: new RegExp(String.raw`${VALUE}\s+(?:when|if|where)\s+(?:the|a|an|either|any|both)\s+((?:\w+\s+){0,2})(?:is|are)\s+empty\b`, "g"), value: 1, words: 2, empties: true },
  // "-1 if there is none" is as often about the entries that qualify as about an empty list.
  { re: new RegExp(String.raw`${VALUE}\s+(?:when|if)\s+(?:there (?:is|are) )?(?:nothing|none)\b`, "g"), value: 1 },
  { re: new RegExp(String.raw`\b(?:no|an empty|empty)\s+((?:[a-z]+\s+){0,2}?[a-z]+)${GIVES}\s+${VALUE}`, "g"), value: 2, words: 1, empties: true },
  { re: new RegExp(String.raw`\b(nobody|no one)${GIVES}\s+${VALUE}`, "g"), value: 2, empties: true },
  { re: new RegExp(String.raw`\bnothing${GIVES}\s+${VALUE}`, "g"), value: 1 },
];

/** An answer stated for an empty input, and the words that may name what is empty. */
interface StatedEmpty {
  readonly answer: string;
  readonly words: readonly string[];
  /** Whether the words say what is empty (a list they name, "an empty list", "nobody"), not only that none qualifies ("-1 if there is none"). */
  readonly empties: boolean;
}

/** The value a stated answer names, as the output would hold it for a kind of output. */
function valueOf(word: string, sample: Json): Json | undefined {
  if (/^-?\d/.test(word)) return Number(word);
  if (word === "null") return null;
  if (word === "true" || word === "false") return word === "true";
  if (word === "{}") return {};
  if (word === "[]") return [];
  if (word === '""' || word === "''") return "";
  // "Empty" names the empty value of the output's own kind.
  if (Array.isArray(sample)) return [];
  if (typeof sample === "string") return "";
  if (isObj(sample)) return {};
  return undefined;
}

/**
 * Words by which a statement is denied, or told of something other than the answer asked for: "an
 * empty list does not give null here", "the legacy service returned null for an empty list" (stop
 * 54's attacker: both guarded the program with null).
 */
const DENIED = /\b(?:not|never|no longer|unlike|legacy|old|previous(?:ly)?|formerly|used to|returned|gave|was|were|instead of|rather than)\b|n't\b/;

/** Whether a statement's own words or those of its clause before it deny it or tell of something else (`DENIED`). */
function denied(text: string, m: RegExpMatchArray): boolean {
  const at = m.index ?? 0;
  const clause = Math.max(...[".", ";", ",", ":"].map((mark) => text.lastIndexOf(mark, at))) + 1;
  return DENIED.test(`${text.slice(clause, at)} ${m[0]}`);
}

function statedEmpties(description: string): StatedEmpty[] {
  const text = description.toLowerCase().replace(/\s+/g, " ");
  return STATED.flatMap(({ re, value, words, empties }) =>
    [...text.matchAll(re)].filter((m) => !denied(text, m)).map((m) => ({ answer: (m[value] as string).replace(/^an empty .*/, "empty"), words: words === undefined ? [] : (m[words] ?? "").split(" ").filter(Boolean), empties: empties === true })),
  );
}

/**
 * The description without its statements of what an empty list gives, for the search's ranking:
 * the guard (`emptyGuarded`) answers there, and the number the statement gives ("No deliveries
 * gives -1") is no constant of the ordinary case's program.
 */
export function withoutStatedEmpty(description: string): string {
  const text = description.replace(/\s+/g, " ");
  return STATED.filter((s) => s.empties).reduce((t, { re }) => t.replace(new RegExp(re.source, "gi"), " "), text);
}

/** The answers a description states for an empty input (as words), in order. */
export function statedEmptyAnswers(description: string): string[] {
  return statedEmpties(description).map((s) => s.answer);
}

/** Each input with one of its lists or texts (at the top or one level down) emptied. */
function emptied(inputs: readonly Json[]): Json[] {
  const out: Json[] = [];
  for (const input of inputs) {
    if (!isObj(input)) continue;
    for (const [k, v] of Object.entries(input)) {
      if (Array.isArray(v) && v.length > 0) out.push({ ...input, [k]: [] });
      else if (typeof v === "string" && v !== "") out.push({ ...input, [k]: "" });
    }
  }
  return out;
}

/**
 * A test of rivals against the stated answer for an empty input: true for a rival that answers
 * otherwise on an emptied input where the chosen program gives the stated answer. Never true when
 * the description states no answer for an empty input (`statedAnswers`, read by
 * `statedEmptyAnswers`), or states more than one.
 */
export function contradictsStatedEmpty(chosen: Expr, inputs: readonly Json[], outputs: readonly Json[], statedAnswers: readonly string[]): (rival: Expr) => boolean {
  const stated = [...new Set(statedAnswers)];
  const answer = stated.length === 1 ? valueOf(stated[0] as string, outputs[0] as Json) : undefined;
  if (answer === undefined) return () => false;
  // The list a guard of the chosen program is on, emptied too: one inside an object ("an empty
  // order" of its lines), which `emptied` does not reach (stop 54's attacker).
  const guardedPath = guardedList(chosen);
  const inGuard = guardedPath?.k === "in" && guardedPath.path.length > 1 ? inputs.map((i) => withAt(i, guardedPath.path, emptyOf(partAt(i, guardedPath.path)))) : [];
  const probes = [...emptied(inputs), ...inGuard].filter((p) => {
    const v = runOn(chosen, p);
    return v !== undefined && jsonEqual(v, answer);
  });
  if (probes.length === 0) return () => false;
  // A chosen program guarded as stated (`emptyGuarded`) had no answer there itself: a rival with
  // none is guarded alike once chosen, and stays a reading (stop 51: every rival had been dropped).
  const guarded = guardedList(chosen) !== undefined;
  return (rival) => probes.some((p) => {
    const v = runOn(rival, p);
    return v === undefined ? !guarded : !jsonEqual(v, answer);
  });
}

/** The list `e` is guarded on, where it is a program guarded by `emptyGuarded` (the stated answer where a list is empty, else the program). */
function guardedList(e: Expr): Expr | undefined {
  if (e.k !== "if" || e.then.k !== "const" || e.cond.k !== "op" || e.cond.op !== "eq") return undefined;
  const [len, zero] = e.cond.args;
  return len?.k === "op" && len.op === "len" && zero?.k === "const" && zero.value === 0 ? len.args[0] : undefined;
}

/** Whether `e` gives, on some input with a list or text emptied, the number the description states for an empty input. */
export function givesStatedEmpty(e: Expr, inputs: readonly Json[], description: string, n: number): boolean {
  if (!statedEmptyAnswers(description).some((w) => Number(w) === n)) return false;
  return emptied(inputs).some((p) => runOn(e, p) === n);
}

/** Words that name no field, only that it is a list or a text. */
const LIST_WORDS = new Set(["list", "lists", "array", "input", "entries", "data"]);
const TEXT_WORDS = new Set(["text", "texts", "string", "word", "input"]);

/** The top-level fields and those of the entries of its lists: what a word of the description may name. */
function allFields(input: Record<string, Json>): string[] {
  const inner = Object.values(input).flatMap((v) => (Array.isArray(v) ? v.flatMap((e) => (isObj(e) ? Object.keys(e) : [])) : isObj(v) ? Object.keys(v) : []));
  return [...new Set([...Object.keys(input), ...inner])];
}

/** What a statement empties: a path to a list or text of the input, and whether its words narrow it ("no paid invoices": those that qualify). */
interface Emptied {
  readonly path: readonly string[];
  readonly qualified: boolean;
}

const withAt = (input: Json, path: readonly string[], value: Json): Json => {
  if (path.length === 0 || !isObj(input)) return value;
  const [k, ...rest] = path as [string, ...string[]];
  return { ...input, [k]: withAt(input[k] as Json, rest, value) };
};
const listOrText = (v: Json | undefined): boolean => Array.isArray(v) || typeof v === "string";

/**
 * The list or text of the input a statement empties: the top-level field its words name ("no
 * deliveries"; "an empty order" of an order holding one list: that list), narrowed where more of
 * its words name no part of it ("no paid invoices"); none where they name a field of each entry ("a
 * product with no reviews"). Where they name no field ("an empty list", "an empty cart",
 * "nobody"), the input's only list (or only text). Of a named object holding more than one list,
 * the one whose emptying leaves the program with no answer, else the one the program reads.
 */
function emptiedBy(stated: StatedEmpty, input: Record<string, Json>, program?: Expr): Emptied | undefined {
  const lists = Object.keys(input).filter((k) => Array.isArray(input[k]));
  const texts = Object.keys(input).filter((k) => typeof input[k] === "string");
  const said = keyWords(stated.words);
  const named = said.length > 0 ? fieldsNamed(stated.words, allFields(input)) : [];
  if (named.length > 0) {
    const top = named.filter((f) => f in input && (listOrText(input[f]) || isObj(input[f] as Json)));
    if (top.length !== 1) return undefined;
    const field = top[0] as string;
    const own = new Set(fieldWords(field));
    const qualified = !said.every((w) => own.has(w) || LIST_WORDS.has(w) || TEXT_WORDS.has(w));
    if (listOrText(input[field])) return { path: [field], qualified };
    const inner = Object.keys(input[field] as Record<string, Json>).filter((k) => Array.isArray((input[field] as Record<string, Json>)[k]));
    // Of an object holding more than one list, the one the program has no answer without (stop 51b:
    // "an empty order gives 0" of an order's lines beside its tags), else the one it reads (stop 54).
    const one = (keys: readonly string[]): Emptied | undefined => (keys.length === 1 ? { path: [field, keys[0] as string], qualified } : undefined);
    if (inner.length <= 1 || program === undefined) return one(inner);
    const noAnswer = inner.filter((k) => runOn(program, withAt(input, [field, k], [])) === undefined);
    return noAnswer.length > 0 ? one(noAnswer) : one(inner.filter((k) => readsPath(program, [field, k])));
  }
  const only = (fields: readonly string[]): Emptied | undefined => (fields.length === 1 ? { path: [fields[0] as string], qualified: false } : undefined);
  if (said.some((w) => LIST_WORDS.has(w))) return only(lists);
  if (said.some((w) => TEXT_WORDS.has(w))) return only(texts);
  return lists.length > 0 ? only(lists) : only(texts);
}

/** A stated answer for an empty input, read against an input. */
interface EmptyReading extends Emptied {
  readonly answer: Json;
}

/**
 * The one answer stated for an empty input (a value of the output's kind) and what it empties;
 * undefined where there is none, or more than one. With `empties`, only statements that say what is
 * empty: the ones a program may be guarded by.
 */
function statedEmptyOf(description: string, input: Json, outputs: readonly Json[], fitsOutput: (v: Json) => boolean, empties = false, program?: Expr): EmptyReading | undefined {
  if (!isObj(input)) return undefined;
  const read = statedEmpties(description).flatMap((s) => {
    if (empties && !s.empties) return [];
    const answer = valueOf(s.answer, outputs[0] as Json);
    const emptied = emptiedBy(s, input, program);
    return answer === undefined || emptied === undefined || !fitsOutput(answer) ? [] : [{ ...emptied, answer }];
  });
  const [first] = read;
  const same = (r: EmptyReading): boolean => first !== undefined && r.path.join(".") === first.path.join(".") && r.qualified === first.qualified && jsonEqual(r.answer, first.answer);
  return first !== undefined && read.every(same) ? first : undefined;
}

/**
 * Whether a stated answer for an empty input may guard a program: one the output schema allows, or
 * null. A schema written from the examples (which show the ordinary case) has never seen the empty
 * one, and "no readings gives null" is no field of the answer: the words are kept, and
 * `emptyOutsideSchema` tells the person (stop 53). Such a null guards the program at once
 * (`emptyGuarded`), unless the words also give the program's answer there.
 */
const admitting =
  (fitsOutput: (v: Json) => boolean) =>
  (answer: Json): boolean =>
    answer === null || fitsOutput(answer);

/** Where `e` is guarded with a stated answer for an empty input that the output schema does not allow: a note saying so. */
export function emptyOutsideSchema(e: Expr, fitsOutput: (v: Json) => boolean): string | undefined {
  if (guardedList(e) === undefined || e.k !== "if" || e.then.k !== "const" || fitsOutput(e.then.value)) return undefined;
  return `The description states ${JSON.stringify(e.then.value)} for an empty input, which the output schema does not allow: add it to outputSchema, or the plugin's answer there fails its schema check.`;
}

/**
 * Whether the description also states `out` as what the case counts as ("gives null in the sensor
 * feed and counts as 0 here"); not a number said of something else ("each score is from 0 to 10",
 * "above 0": stop 54's attacker).
 */
const alsoStated = (description: string, out: Json | undefined): boolean =>
  typeof out === "number" && new RegExp(String.raw`\bas\s+${String(out).replace(/[.\-]/g, "\\$&")}(?![\d.])`, "i").test(description);

/** Whether `e` reads the input at `path` (or inside it). */
function readsPath(e: Expr, path: readonly string[]): boolean {
  let found = false;
  walk(e, (n) => (found ||= n.k === "in" && path.every((k, i) => n.path[i] === k)));
  return found;
}

const emptyOf = (v: Json | undefined): Json => (Array.isArray(v) ? [] : "");
const isEmpty = (v: Json | undefined): boolean => (Array.isArray(v) ? v.length === 0 : v === "");
/** The input with what a statement empties emptied. */
const emptiedInput = (input: Json, r: Emptied): Json => withAt(input, r.path, emptyOf(partAt(input, r.path)));

/**
 * The examples the description's answer for an empty list or text gives (a person's answer to the
 * question `emptyAnswer` asks): the guard's, not the search's, as a stated range's are (round 29a);
 * none where no other example is left to search on.
 */
export function emptyAnswered<T extends { readonly input: unknown; readonly output: unknown }>(description: string, examples: readonly T[], fitsOutput: (v: Json) => boolean): T[] {
  const outputs = examples.map((e) => e.output as Json);
  const stated = examples[0] === undefined ? undefined : statedEmptyOf(description, examples[0].input as Json, outputs, admitting(fitsOutput), true);
  if (stated === undefined || stated.qualified) return [];
  const answered = examples.filter((e) => isEmpty(partAt(e.input as Json, stated.path)) && jsonEqual(e.output as Json, stated.answer));
  return answered.length < examples.length ? answered : [];
}

/**
 * The list the program takes something of that there is none of on `probe` (the largest of the
 * paid invoices' amounts, the mean of the days): the outermost list or text, outside any lambda, that
 * is empty there and whose taker has no answer there.
 */
function emptiedTaken(e: Expr, probe: Json): Expr | undefined {
  const taken = e.k === "op" ? e.args[0] : e.k === "lam" ? e.arr : undefined;
  if (taken !== undefined && isEmpty(runOn(taken, probe)) && runOn(e, probe) === undefined) return taken;
  const children = e.k === "op" ? e.args : e.k === "lam" ? [e.arr] : e.k === "if" ? [e.cond, e.then, e.else] : e.k === "get" ? [e.obj] : e.k === "obj" ? e.fields.map(([, v]) => v) : [];
  for (const c of children) {
    const found = emptiedTaken(c, probe);
    if (found) return found;
  }
  return undefined;
}

/**
 * The program guarded as the description states for an empty list or text ("With no deliveries the
 * answer is 0", "If there are no paid invoices, return 0"), where it has no answer there (a mean of
 * nothing, the best of no tasks), or, with `confirmed` (an example withheld from the search gives the
 * stated answer), answers otherwise: people's examples are of the ordinary case, and the program
 * would throw on the one input the words settle. The guard is on the list the words name, or, where
 * they qualify it, on the list the program takes from (the paid invoices' amounts, so that none paid
 * gives the stated answer). A program that answers otherwise unconfirmed is left as it is
 * (`emptyAnswer` asks), unless the stated answer is null: no program the search builds gives null
 * by chance, so the words settle it.
 */
export function emptyGuarded(e: Expr, inputs: readonly Json[], outputs: readonly Json[], description: string, fitsOutput: (v: Json) => boolean, confirmed = false): Expr {
  const input = inputs.find(isObj);
  // A null the schema has not seen is still the words' (stop 53).
  const stated = input === undefined ? undefined : statedEmptyOf(description, input, outputs, admitting(fitsOutput), true, e);
  if (input === undefined || stated === undefined) return e;
  const probe = emptiedInput(input, stated);
  const out = runOn(e, probe);
  // A stated null is no answer a program gives by chance: it settles the program's answer there, as
  // a confirmed one does, unless the words give that answer too (stop 53's attacker).
  const settled = confirmed || (stated.answer === null && !alsoStated(description, out));
  if (out !== undefined && (!settled || jsonEqual(out, stated.answer))) return e;
  // Words about the list itself guard it; words that qualify it ("no paid invoices") guard the list
  // taken from, which is empty where none qualifies (not where a slice or a filter empties it
  // otherwise: "with no laps, 0" says nothing of a single warm-up lap, stop 51b's attacker).
  const list = stated.qualified ? (out === undefined ? emptiedTaken(e, probe) : undefined) : ({ k: "in", path: stated.path } as Expr);
  if (list === undefined) return e;
  return { k: "if", cond: op("eq", op("len", list), konst(0)), then: konst(stated.answer), else: e };
}

/**
 * Where `e` answers otherwise than the description states on an example with the emptied field: that
 * input, asked about with the stated answer as rival. A stated null the output schema has not seen
 * is asked about too where no guard could be placed (`emptyGuarded` places one where it can), unless
 * the words also give the program's answer there ("gives null in the sensor feed and counts as 0
 * here").
 */
export function emptyAnswer(e: Expr, inputs: readonly Json[], outputs: readonly Json[], description: string, fitsOutput: (v: Json) => boolean, allowed: (p: Json) => boolean): Ambiguity | undefined {
  const admits = admitting(fitsOutput);
  for (const input of inputs) {
    if (!isObj(input)) continue;
    const stated = statedEmptyOf(description, input, outputs, admits, false, e);
    if (stated === undefined) return undefined;
    const probe = emptiedInput(input, stated);
    if (!allowed(probe)) continue;
    const out = runOn(e, probe);
    if (out !== undefined && jsonEqual(out, stated.answer)) continue;
    if (out !== undefined && !fitsOutput(stated.answer) && alsoStated(description, out)) continue;
    return toldInWords(e, probe, out ?? null, "the answer the description states for an empty input", stated.answer);
  }
  return undefined;
}
