/**
 * A constant run of one character against a run as long as a text of the input (round 18,
 * fill-ops.ts): alike on examples whose texts are all as long, parted by a text of another length.
 */
import { fillExpr, runOf } from "./fill-ops.ts";
import { everywhere } from "./rival-readings.ts";
import { walk } from "./rank.ts";
import type { Expr, Json } from "./types.ts";

const isStr = (v: Json): v is string => typeof v === "string";

/** The input's text fields (top level) as long as the answer on every example: a run in the answer may stand for their characters one for one. */
function sameLengthTexts(inputs: readonly Json[], outputs: readonly Json[]): string[] {
  const first = inputs[0];
  if (first === null || typeof first !== "object" || Array.isArray(first)) return [];
  return Object.keys(first).filter((k) => inputs.every((input, r) => {
    const v = (input as Record<string, Json> | null)?.[k];
    const o = outputs[r];
    return isStr(v as Json) && isStr(o as Json) && (v as string).length === (o as string).length;
  }));
}

/**
 * The chosen program with a constant run of one character replaced by the run as long as a text
 * of the input less a fixed count, for each text as long as the answer on every example: alike
 * there, since every example's text is as long, and parted by a text of another length.
 */
export function fillRivals(e: Expr, inputs: readonly Json[], outputs: readonly Json[]): Expr[] {
  const texts = sameLengthTexts(inputs, outputs);
  if (texts.length === 0) return [];
  const lengths = (k: string): Set<number> => new Set(inputs.map((input) => ((input as Record<string, Json>)[k] as string).length));
  return everywhere(e, (n) => {
    if (n.k !== "const" || !isStr(n.value)) return [];
    const ch = runOf(n.value);
    if (ch === undefined) return [];
    const run = n.value.length;
    return texts.flatMap((k) => {
      const [len] = [...lengths(k)];
      return lengths(k).size === 1 && len !== undefined && len > run ? [fillExpr(ch, { k: "in", path: [k] }, len - run)] : [];
    });
  });
}

/** Whether a program repeats a character to a text's length. */
function fills(e: Expr): boolean {
  let found = false;
  walk(e, (n) => (found ||= n.k === "op" && n.op === "repeatChar"));
  return found;
}

/** Each example's texts one character shorter and one longer (its first character dropped or doubled): where a constant run and a run to the text's length part. */
export function fillProbes(rivals: readonly Expr[], inputs: readonly Json[]): Json[] {
  if (!rivals.some(fills)) return [];
  const out: Json[] = [];
  for (const input of inputs) {
    if (input === null || typeof input !== "object" || Array.isArray(input)) continue;
    for (const [k, v] of Object.entries(input)) {
      if (!isStr(v) || v.length < 2) continue;
      out.push({ ...input, [k]: v.slice(1) }, { ...input, [k]: `${v.charAt(0)}${v}` });
    }
  }
  return out;
}
