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
import { toldInWords } from "./reading.ts";
import type { Ambiguity } from "./reading.ts";
import { fieldsNamed } from "./described-formula/bind.ts";
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
const STATED: ReadonlyArray<{ readonly re: RegExp; readonly value: number; readonly words?: number }> = [
  { re: new RegExp(String.raw`${VALUE}\s+(?:for|with|on|given)\s+(?:an?\s+|the\s+)?empty\s+${EMPTY_THING}\b`, "g"), value: 1 },
  { re: new RegExp(String.raw`${VALUE}\s+(?:when|if|where)\s+(?:the|a|an|either|any|both)\s+((?:\w+\s+){0,2})(?:is|are)\s+empty\b`, "g"), value: 1, words: 2 },
  { re: new RegExp(String.raw`${VALUE}\s+(?:when|if)\s+(?:there (?:is|are) )?(?:nothing|none)\b`, "g"), value: 1 },
  { re: new RegExp(String.raw`\b(?:no|an empty|empty)\s+((?:[a-z]+\s+){0,2}?[a-z]+)${GIVES}\s+${VALUE}`, "g"), value: 2, words: 1 },
  { re: new RegExp(String.raw`\b(?:nobody|no one|nothing)${GIVES}\s+${VALUE}`, "g"), value: 1 },
];

/** An answer stated for an empty input, and the words that may name what is empty. */
interface StatedEmpty {
  readonly answer: string;
  readonly words: readonly string[];
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

function statedEmpties(description: string): StatedEmpty[] {
  const text = description.toLowerCase().replace(/\s+/g, " ");
  return STATED.flatMap(({ re, value, words }) =>
    [...text.matchAll(re)].map((m) => ({ answer: (m[value] as string).replace(/^an empty .*/, "empty"), words: words === undefined ? [] : (m[words] ?? "").split(" ").filter(Boolean) })),
  );
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
  const probes = emptied(inputs).filter((p) => {
    const v = runOn(chosen, p);
    return v !== undefined && jsonEqual(v, answer);
  });
  if (probes.length === 0) return () => false;
  return (rival) => probes.some((p) => {
    const v = runOn(rival, p);
    return v === undefined || !jsonEqual(v, answer);
  });
}

/** Whether `e` gives, on some input with a list or text emptied, the number the description states for an empty input. */
export function givesStatedEmpty(e: Expr, inputs: readonly Json[], description: string, n: number): boolean {
  if (!statedEmptyAnswers(description).some((w) => Number(w) === n)) return false;
  return emptied(inputs).some((p) => runOn(e, p) === n);
}

/**
 * The list or text field a statement empties: the one its words name, else the input's only list
 * or text ("for an empty list", "Nobody gives {}"). None where the words name another field.
 */
function emptiedField(stated: StatedEmpty, input: Record<string, Json>): string | undefined {
  const fields = Object.keys(input).filter((k) => Array.isArray(input[k]) || typeof input[k] === "string");
  const named = stated.words.length > 0 ? fieldsNamed(stated.words, Object.keys(input)) : [];
  if (named.length > 0) return named.length === 1 && fields.includes(named[0] as string) ? named[0] : undefined;
  return fields.length === 1 ? fields[0] : undefined;
}

/** The one answer stated for an empty input (a value of the output's kind) and the field it empties; undefined where there is none, or more than one. */
function statedEmptyOf(description: string, input: Json, outputs: readonly Json[], fitsOutput: (v: Json) => boolean): { field: string; answer: Json } | undefined {
  if (!isObj(input)) return undefined;
  const read = statedEmpties(description).flatMap((s) => {
    const answer = valueOf(s.answer, outputs[0] as Json);
    const field = emptiedField(s, input);
    return answer === undefined || field === undefined || !fitsOutput(answer) ? [] : [{ field, answer }];
  });
  const [first] = read;
  return first !== undefined && read.every((r) => r.field === first.field && jsonEqual(r.answer, first.answer)) ? first : undefined;
}

/**
 * The program guarded as the description states for an empty list or text ("With no deliveries the
 * answer is 0", "No amounts gives []"), where it has no answer there (a mean of nothing, the best of
 * no tasks): people's examples are of the ordinary case, and the program would throw on the one input
 * the words settle. A program that answers there is left as it is (`emptyAnswer` asks where it
 * answers otherwise).
 */
export function emptyGuarded(e: Expr, inputs: readonly Json[], outputs: readonly Json[], description: string, fitsOutput: (v: Json) => boolean): Expr {
  const input = inputs.find(isObj);
  const stated = input === undefined ? undefined : statedEmptyOf(description, input, outputs, fitsOutput);
  if (input === undefined || stated === undefined) return e;
  const empty = Array.isArray(input[stated.field]) ? [] : "";
  if (runOn(e, { ...input, [stated.field]: empty }) !== undefined) return e;
  const isEmpty = op("eq", op("len", { k: "in", path: [stated.field] }), konst(0));
  return { k: "if", cond: isEmpty, then: konst(stated.answer), else: e };
}

/** Where `e` answers otherwise than the description states on an example with the emptied field: that input, asked about with the stated answer as rival. */
export function emptyAnswer(e: Expr, inputs: readonly Json[], outputs: readonly Json[], description: string, fitsOutput: (v: Json) => boolean, allowed: (p: Json) => boolean): Ambiguity | undefined {
  for (const input of inputs) {
    if (!isObj(input)) continue;
    const stated = statedEmptyOf(description, input, outputs, fitsOutput);
    if (stated === undefined) return undefined;
    const probe: Json = { ...input, [stated.field]: Array.isArray(input[stated.field]) ? [] : "" };
    if (!allowed(probe)) continue;
    const out = runOn(e, probe);
    if (out !== undefined && jsonEqual(out, stated.answer)) continue;
    return toldInWords(e, probe, out ?? null, "the answer the description states for an empty input", stated.answer);
  }
  return undefined;
}
