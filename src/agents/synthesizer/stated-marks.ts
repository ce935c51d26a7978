/**
 * Round 19a: a punctuation mark the description names and no example shows ("if the name contains
 * a comma or a double quote, it is put in double quotes"; "a word is a run of letters, digits and
 * underscores"). People's examples are of the ordinary case, so the program fitted to them has
 * never met the mark, and whatever it does with one is a guess no example checked. Where the
 * description names a mark that no text of any example's input holds and the program has no
 * constant holding it either (it neither tests for it nor writes it), the person is asked about an
 * example with the mark put into one of its texts. Answered, the new example shows what the mark
 * changes, or that it changes nothing. A mark the examples show is left to them.
 */
import { validateInput } from "../../spec/index.ts";
import { runOn } from "./evaluate.ts";
import { isObj } from "./probes.ts";
import { walk } from "./rank.ts";
import { toldInWords } from "./reading.ts";
import type { Ambiguity } from "./reading.ts";
import type { Expr, Json } from "./types.ts";

/** [name as the description writes it, the mark]. Longer names first ("semicolon" before "colon"). */
const MARKS: readonly [RegExp, string][] = [
  [/\bcommas?\b/, ","],
  [/\b(double quotes?|quotation marks?|double-quotes?)\b/, '"'],
  [/\bapostrophes?\b/, "'"],
  [/\bsemicolons?\b/, ";"],
  [/\b(?<!semi)colons?\b/, ":"],
  [/\bhyphens?\b/, "-"],
  [/\bbackslash(es)?\b/, "\\"],
  [/\b(?<!back)slash(es)?\b/, "/"],
  [/\bampersands?\b/, "&"],
  [/\basterisks?\b/, "*"],
  [/\bunderscores?\b/, "_"],
];

/** The marks the description names. */
export function namedMarks(description: string): string[] {
  const text = description.toLowerCase();
  return MARKS.filter(([re]) => re.test(text)).map(([, mark]) => mark);
}

/** Every text in `v`, at any depth. */
function textsIn(v: Json, into: string[] = []): string[] {
  if (typeof v === "string") into.push(v);
  else if (Array.isArray(v)) for (const x of v) textsIn(x, into);
  else if (isObj(v)) for (const x of Object.values(v)) textsIn(x, into);
  return into;
}

/** `s` with `mark` put in: before its first space (`"Ada, Lovelace"`), else after its first character. */
export function withMark(s: string, mark: string): string {
  const space = s.indexOf(" ");
  const at = space > 0 ? space : Math.min(1, s.length);
  return `${s.slice(0, at)}${mark}${s.slice(at)}`;
}

/** Each example with `mark` put into one of its texts (not inside an array). */
function markedProbes(inputs: readonly Json[], mark: string): Json[] {
  const out: Json[] = [];
  const visit = (v: Json, set: (x: Json) => Json): void => {
    if (typeof v === "string" && v !== "") out.push(set(withMark(v, mark)));
    else if (isObj(v)) for (const [k, e] of Object.entries(v)) visit(e, (x) => set({ ...v, [k]: x }));
  };
  for (const i of inputs) visit(i, (x) => x);
  return out;
}

/**
 * Where the description names a mark that no example's input holds and `e` holds no constant with
 * it: an example with the mark put into a text, asked about with the program's answer as the one reading.
 */
export function unseenMark(e: Expr, inputs: readonly Json[], description: string, inputSchema: unknown): Ambiguity | undefined {
  const seen = inputs.flatMap((i) => textsIn(i)).join("\n");
  const held: string[] = [];
  walk(e, (n) => {
    if (n.k === "const" && typeof n.value === "string") held.push(n.value);
  });
  for (const mark of namedMarks(description)) {
    if (seen.includes(mark) || held.some((c) => c.includes(mark))) continue;
    for (const probe of markedProbes(inputs, mark)) {
      if (!validateInput(inputSchema, probe).ok) continue;
      const out = runOn(e, probe);
      if (out === undefined) continue;
      return toldInWords(e, probe, out, `what the description says of a ${JSON.stringify(mark)}, which no example shows`);
    }
  }
  return undefined;
}
