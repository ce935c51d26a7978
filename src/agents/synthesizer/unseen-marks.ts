/**
 * Round 20b: texts of letters, digits and blanks only in every example, read by a program whose
 * answer moves when a letter is put into one of them and stays when a punctuation mark is. Such a
 * program counts letters and digits only (a count of the letters read as "the characters without
 * the blanks"), which no example could show; the person is asked about the example with the mark
 * put in. A program the mark changes has met it, and one a letter leaves alone (a number read out
 * of the text, a count of words) counts no characters: no question then.
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

/** Each example with `mark` put into one of its top-level texts, with the example's index. */
function marked(inputs: readonly Json[], mark: string): [number, Json][] {
  const out: [number, Json][] = [];
  for (const [r, i] of inputs.entries()) {
    if (!isObj(i)) continue;
    for (const [k, v] of Object.entries(i)) if (typeof v === "string" && v.trim() !== "") out.push([r, { ...i, [k]: withMark(v, mark) }]);
  }
  return out;
}

/** Every top-level text of every example is letters, digits and blanks, and at least one has a blank. */
function plainTexts(inputs: readonly Json[]): boolean {
  const texts = inputs.flatMap((i) => (isObj(i) ? Object.values(i).filter((v): v is string => typeof v === "string") : []));
  return texts.length > 0 && texts.every((t) => /^[A-Za-z0-9\s]*$/.test(t)) && texts.some((t) => /\s/.test(t));
}

/** Where a number answered from plain texts moves with a letter put into a text and stays with a mark. */
export function markIgnored(e: Expr, inputs: readonly Json[], outputs: readonly Json[], inputSchema: unknown): Ambiguity | undefined {
  if (!outputs.every((o) => typeof o === "number") || !plainTexts(inputs)) return undefined;
  const lettered = marked(inputs, "x");
  for (const [n, [r, probe]] of marked(inputs, MARK).entries()) {
    if (!validateInput(inputSchema, probe).ok) continue;
    const base = runOn(e, inputs[r] as Json);
    const out = runOn(e, probe);
    const letter = runOn(e, lettered[n]?.[1] as Json);
    if (out === undefined || base === undefined || letter === undefined || !jsonEqual(out, base) || jsonEqual(letter, base)) continue;
    return toldInWords(e, probe, out, `what a ${JSON.stringify(MARK)} changes, which no example's text holds`);
  }
  return undefined;
}
