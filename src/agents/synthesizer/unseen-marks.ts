/**
 * Round 20b: texts of letters, digits and blanks only in every example, read by a program that
 * answers the same when a punctuation mark is put into one of them. Such a program drops every
 * character outside letters and digits (a count of the letters read as "the characters without the
 * blanks"), which no example could show; the person is asked about the example with the mark put
 * in. A program the mark changes has met it: no question then.
 */
import { jsonEqual, validateInput } from "../../spec/index.ts";
import { runOn } from "./evaluate.ts";
import { isObj } from "./probes.ts";
import { toldInWords } from "./reading.ts";
import { withMark } from "./stated-marks.ts";
import type { Ambiguity } from "./reading.ts";
import type { Expr, Json } from "./types.ts";

/** The mark put in: one most texts may hold and no letter-and-digit reading keeps. */
const MARK = "!";

/** Each example with the mark put into one of its top-level texts, with the example's index. */
function marked(inputs: readonly Json[]): [number, Json][] {
  const out: [number, Json][] = [];
  for (const [r, i] of inputs.entries()) {
    if (!isObj(i)) continue;
    for (const [k, v] of Object.entries(i)) if (typeof v === "string" && v.trim() !== "") out.push([r, { ...i, [k]: withMark(v, MARK) }]);
  }
  return out;
}

/** Every top-level text of every example is letters, digits and blanks, and at least one has a blank. */
function plainTexts(inputs: readonly Json[]): boolean {
  const texts = inputs.flatMap((i) => (isObj(i) ? Object.values(i).filter((v): v is string => typeof v === "string") : []));
  return texts.length > 0 && texts.every((t) => /^[A-Za-z0-9\s]*$/.test(t)) && texts.some((t) => /\s/.test(t));
}

/** Where a number answered from plain texts stays the same with a mark put into a text. */
export function markIgnored(e: Expr, inputs: readonly Json[], outputs: readonly Json[], inputSchema: unknown): Ambiguity | undefined {
  if (!outputs.every((o) => typeof o === "number") || !plainTexts(inputs)) return undefined;
  for (const [r, probe] of marked(inputs)) {
    if (!validateInput(inputSchema, probe).ok) continue;
    const base = runOn(e, inputs[r] as Json);
    const out = runOn(e, probe);
    if (out === undefined || base === undefined || !jsonEqual(out, base)) continue;
    return toldInWords(e, probe, out, `what a ${JSON.stringify(MARK)} changes, which no example's text holds`);
  }
  return undefined;
}
