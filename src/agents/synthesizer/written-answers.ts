/**
 * Round 19a: an answer written out where every example's answer is drawn from the input. When
 * each example's answer is made of characters of a text of its input, in order ("ban" from
 * "banana", "hello" from "hello world"), a program that writes one of those answers as a constant
 * (`text.includes("ban") ? "ban" : "Misp"`) has learnt the examples by heart, not how the answer is
 * drawn: on any other text it still writes the same word. Every answer an example shows is a
 * candidate for such a lookup, so the rank cannot tell; the input can. The program is asked about
 * an example with one of its texts reversed (characters no example shows in that order), where it
 * answers with a written constant that the reversed input no longer holds. Nothing here names a
 * task: the relation is read off the examples, and the question is only put where the program
 * breaks it.
 */
import { validateInput } from "../../spec/index.ts";
import { runOn } from "./evaluate.ts";
import { isObj } from "./probes.ts";
import { walk } from "./rank.ts";
import { toldInWords } from "./reading.ts";
import type { Ambiguity } from "./reading.ts";
import type { Expr, Json } from "./types.ts";

/** Whether `small` is made of characters of `big`, in order (not necessarily side by side). */
export function drawnFrom(small: string, big: string): boolean {
  let i = 0;
  for (const c of big) if (i < small.length && c === small[i]) i++;
  return i === small.length;
}

/** Every text in `v`, at any depth. */
function textsIn(v: Json, into: string[] = []): string[] {
  if (typeof v === "string") into.push(v);
  else if (Array.isArray(v)) for (const x of v) textsIn(x, into);
  else if (isObj(v)) for (const x of Object.values(v)) textsIn(x, into);
  return into;
}

/** Whether `answer` is drawn from some text of `input`. */
const drawnFromInput = (answer: string, input: Json): boolean => textsIn(input).some((t) => drawnFrom(answer, t));

/** Each example with one of its texts (not inside an array) reversed, where that changes it. */
export function reversedProbes(inputs: readonly Json[]): Json[] {
  const out: Json[] = [];
  const visit = (v: Json, set: (x: Json) => Json): void => {
    if (typeof v === "string") {
      const r = [...v].reverse().join("");
      if (r !== v) out.push(set(r));
    } else if (isObj(v)) for (const [k, e] of Object.entries(v)) visit(e, (x) => set({ ...v, [k]: x }));
  };
  for (const i of inputs) visit(i, (x) => x);
  return out;
}

/**
 * Where every example's answer (a text of two characters or more) is drawn from a text of its
 * input and `e` writes some of those answers as constants: the first reversed example on which it
 * answers with such a constant its input does not hold, asked about with that one reading.
 */
export function writtenAnswer(e: Expr, inputs: readonly Json[], outputs: readonly Json[], inputSchema: unknown): Ambiguity | undefined {
  if (!outputs.every((o, r) => typeof o === "string" && o.length >= 2 && drawnFromInput(o, inputs[r] as Json))) return undefined;
  const answers = new Set(outputs as string[]);
  const written = new Set<string>();
  walk(e, (n) => {
    if (n.k === "const" && typeof n.value === "string" && answers.has(n.value)) written.add(n.value);
  });
  if (written.size === 0) return undefined;
  for (const probe of reversedProbes(inputs)) {
    if (!validateInput(inputSchema, probe).ok) continue;
    const out = runOn(e, probe);
    if (typeof out !== "string" || !written.has(out) || drawnFromInput(out, probe)) continue;
    return toldInWords(e, probe, out, "an answer drawn from the input, as every example's is, not written out");
  }
  return undefined;
}
