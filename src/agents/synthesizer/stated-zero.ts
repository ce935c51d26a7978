/**
 * Round 19a: an answer the description states for an input number at 0 ("0 posts for a fence of
 * length 0", "1 page for a text with 0 words"). People's examples are of the ordinary case, so a
 * formula that fits them (`Math.ceil((length + gap) / gap)`, one post too many at length 0) is
 * never shown the edge the description spells out. Where the description pairs a number with an
 * input number at 0, each numeric field its words name is set to 0 on an example; a program that
 * answers otherwise than the stated number there is asked about that input, the stated number being
 * the rival reading. Nothing is asked where the program already gives the stated answer.
 */
import { validateInput } from "../../spec/index.ts";
import { runOn } from "./evaluate.ts";
import { isObj } from "./probes.ts";
import { toldInWords } from "./reading.ts";
import type { Ambiguity } from "./reading.ts";
import type { Expr, Json } from "./types.ts";

/** "N (up to three words) for/with/when/if/at (up to four words) 0 (up to two words)": the stated answer and the words round it. */
const AT_ZERO = /\b((?:minus)?\d+(?:\.\d+)?) ((?:[a-z]+ ){0,3}?)(?:for|with|when|if|at|on) ((?:[a-z]+ ){0,4}?)(?:0|zero)\b((?: [a-z]+){0,2})/g;

/** A statement of the answer at 0: the stated answer and the words of the phrase. */
export interface StatedAtZero {
  readonly answer: number;
  readonly words: ReadonlySet<string>;
}

/** The answers the description states for an input number at 0. */
export function statedAtZero(description: string): StatedAtZero[] {
  // Clauses kept apart ("plus 1 sheet for the cover; 0 sheets for …" states no 1 at 0).
  // A minus sign before a number ("-1 when hours is 0") is kept as the word "minus" (round 25's
  // attacker: it was a clause break, and the stated answer read 1).
  const signed = description.toLowerCase().replace(/(^|[^a-z0-9])[-−](?=\d)/g, "$1minus");
  const text = signed.replace(/[.](?!\d)|[^a-z0-9. ]+/g, (m) => (/[a-z0-9 ]/.test(m) ? " " : " | ")).replace(/\s+/g, " ");
  return [...text.matchAll(AT_ZERO)].map((m) => ({ answer: Number((m[1] as string).replace("minus", "-")), words: new Set(`${m[2] ?? ""} ${m[3] ?? ""} ${m[4] ?? ""}`.split(" ").filter((w) => w !== "")) }));
}

/** Whether a word of the phrase names the field (a part of its name of three letters or more: `length_m` or `heightCm` by "length", "height"). */
const namedIn = (field: string, words: ReadonlySet<string>): boolean =>
  field.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).some((part) => part.length >= 3 && (words.has(part) || words.has(`${part}s`)));

/**
 * Where the description states the answer for a named input number at 0 and `e` answers otherwise
 * on an example with that number set to 0: that input, asked about with the stated answer as rival.
 */
export function zeroAnswer(e: Expr, inputs: readonly Json[], description: string, inputSchema: unknown): Ambiguity | undefined {
  for (const stated of statedAtZero(description)) {
    for (const input of inputs) {
      if (!isObj(input)) continue;
      for (const [field, v] of Object.entries(input)) {
        if (typeof v !== "number" || v === 0 || !namedIn(field, stated.words)) continue;
        const probe: Json = { ...input, [field]: 0 };
        if (!validateInput(inputSchema, probe).ok) continue;
        const out = runOn(e, probe);
        if (out === stated.answer || (out !== undefined && typeof out !== "number")) continue;
        // A program that fails there (a division by the 0) answers nothing: asked about too (round 22).
        return toldInWords(e, probe, out ?? null, `the answer the description states at ${field} 0`, stated.answer);
      }
    }
  }
  return undefined;
}
