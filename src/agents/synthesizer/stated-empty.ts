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
import type { Expr, Json } from "./types.ts";

const VALUE = String.raw`(-?\d+(?:\.\d+)?|null|true|false|an empty (?:text|string|list|array)|empty|""|'')`;
const EMPTY_THING = String.raw`(?:list|lists|text|texts|string|input|array|word list)`;
/** "-1 for an empty list", "0 if the list is empty", "null when nothing was sold", "empty when the list is empty". */
const STATED = [
  new RegExp(String.raw`${VALUE}\s+(?:for|with|on|given)\s+(?:an?\s+|the\s+)?empty\s+${EMPTY_THING}\b`, "g"),
  new RegExp(String.raw`${VALUE}\s+(?:when|if|where)\s+(?:the|a|an|either|any|both)\s+(?:\w+\s+){0,2}(?:is|are)\s+empty\b`, "g"),
  new RegExp(String.raw`${VALUE}\s+(?:when|if)\s+(?:there (?:is|are) )?(?:nothing|none)\b`, "g"),
];

/** The value a stated answer names, as the output would hold it for a kind of output. */
function valueOf(word: string, sample: Json): Json | undefined {
  if (/^-?\d/.test(word)) return Number(word);
  if (word === "null") return null;
  if (word === "true" || word === "false") return word === "true";
  // "Empty" names the empty value of the output's own kind.
  if (Array.isArray(sample)) return [];
  if (typeof sample === "string") return "";
  return undefined;
}

/** The answers a description states for an empty input (as words), in order. */
export function statedEmptyAnswers(description: string): string[] {
  const text = description.toLowerCase().replace(/\s+/g, " ");
  return STATED.flatMap((re) => [...text.matchAll(re)].map((m) => (m[1] as string).replace(/^an empty .*/, "empty")));
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
