/**
 * Round 25: answers alike item by item, seen through a list or a count. A selection whose every
 * example keeps every item ("the orders that have been paid", every order paid), a count of every
 * item ("how many of the words start with a capital", every word capitalized), and a selection
 * whose every example keeps none (every answer []) are round 24's yes/no answered alike for each
 * item: the examples never show the other answer, so no count of them makes the rule. Each is
 * asked about on an input with one item changed where the program still answers alike (item-probes.ts).
 */
import { jsonEqual } from "../../spec/index.ts";
import { runOn } from "./evaluate.ts";
import { TO_DROP, TO_KEEP, at, changedItems, namedValues } from "./item-probes.ts";
import { isObj } from "./probes.ts";
import { body, toldInWords } from "./reading.ts";
import type { Ambiguity } from "./reading.ts";
import type { Prior } from "./rank.ts";
import { nounsOf, speaksOfSelection, takesAll } from "./selection-words.ts";
import type { Expr, Json } from "./types.ts";

/** The paths of the lists every example's input holds at one place: the input itself, or a field of it. */
function listPaths(inputs: readonly Json[]): string[][] {
  if (inputs.every(Array.isArray)) return [[]];
  const first = inputs[0];
  if (!isObj(first as Json)) return [];
  return Object.keys(first as Record<string, Json>).filter((k) => inputs.every((i) => Array.isArray(at(i, [k])))).map((k) => [k]);
}

/** Whether some list or text of `v` has anything in it: an input an item's answer could be read from. */
function hasItems(v: Json): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (isObj(v)) return Object.values(v).some(hasItems);
  return typeof v === "string" && v !== "";
}

export function alikeItems(e: Expr, inputs: readonly Json[], outputs: readonly Json[], probes: readonly Json[], mine: readonly (Json | undefined)[], prior: Prior): Ambiguity | undefined {
  const named = namedValues(prior.description ?? "", inputs, prior.mentioned);
  return noneKept(e, inputs, outputs, probes, mine, named) ?? allKept(e, inputs, outputs, prior, named) ?? allCounted(e, inputs, outputs, prior, named);
}

/**
 * Every answer the empty list, from inputs with items: a selection that kept none, "no" for every
 * item, however many examples show it (round 24's attacker: the person's answers to questions
 * whose answer could only be [], an empty list of emails, brought the alike examples to four and a
 * constant [] passed). Where the program answers otherwise, that is asked; where it never does, an
 * input with one item changed towards being kept ("ERROR start", an email repeated, a field emptied).
 */
function noneKept(e: Expr, inputs: readonly Json[], outputs: readonly Json[], probes: readonly Json[], mine: readonly (Json | undefined)[], named: ReturnType<typeof namedValues>): Ambiguity | undefined {
  if (!outputs.every((o) => Array.isArray(o) && o.length === 0) || !inputs.some(hasItems)) return undefined;
  const i = mine.findIndex((m) => m !== undefined && !jsonEqual(m, []));
  if (i >= 0) return toldInWords(e, probes[i] as Json, mine[i] as Json, "what every example answers", []);
  for (const c of changedItems(inputs, named, TO_KEEP)) {
    const out = runOn(e, c.value);
    if (out === undefined) continue;
    if (!jsonEqual(out, [])) return toldInWords(e, c.value, out, "what every example answers", []);
    return { input: c.value, readings: [{ program: body(e), output: out }], reason: "ignores_input", programs: [e] };
  }
  return undefined;
}

/**
 * Every answer the whole of one input list, unless the description takes the list whole ("all the
 * orders", and no word of a selection): a selection's test was true for every item, so the examples
 * cannot show it. Asked on the list with one item changed that the program still keeps, beside the
 * list without that item.
 */
function allKept(e: Expr, inputs: readonly Json[], outputs: readonly Json[], prior: Prior, named: ReturnType<typeof namedValues>): Ambiguity | undefined {
  if (!outputs.every(Array.isArray) || outputs.every((o) => (o as Json[]).length === 0)) return undefined;
  const path = listPaths(inputs).find((p) => inputs.every((inp, r) => jsonEqual(at(inp, p) as Json, outputs[r] as Json)));
  if (!path || takesAll(prior, nounsOf(path.at(-1) ?? ""))) return undefined;
  for (const c of changedItems(inputs, named, TO_DROP, path)) {
    const list = at(c.value, path);
    const out = runOn(e, c.value);
    if (c.at === undefined || !Array.isArray(list) || out === undefined || !jsonEqual(out, list)) continue;
    return toldInWords(e, c.value, out, "the changed item left out: every item of every example was kept", list.filter((_, j) => j !== c.at));
  }
  return undefined;
}

/**
 * Every answer the length of one input list where the description asks how many of them qualify:
 * every item counted. Asked on the list with one item changed that the program still counts.
 */
function allCounted(e: Expr, inputs: readonly Json[], outputs: readonly Json[], prior: Prior, named: ReturnType<typeof namedValues>): Ambiguity | undefined {
  if (!outputs.every((o) => typeof o === "number") || outputs.every((o) => o === 0)) return undefined;
  const path = listPaths(inputs).find((p) => inputs.every((inp, r) => (at(inp, p) as Json[]).length === outputs[r]));
  if (!path || !speaksOfSelection(prior, nounsOf(path.at(-1) ?? ""))) return undefined;
  for (const c of changedItems(inputs, named, TO_DROP, path)) {
    const list = at(c.value, path);
    const out = runOn(e, c.value);
    if (c.at === undefined || c.kind === "repeat" || !Array.isArray(list) || out !== list.length) continue;
    return toldInWords(e, c.value, out, "the changed item not counted: every item of every example was counted", list.length - 1);
  }
  return undefined;
}
