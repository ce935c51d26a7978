/**
 * Round 20b: a number inside a text (the seconds of a timestamp, the minutes of a clock time) that
 * is all zeros in every example. People write round values in their examples, so a program fitted
 * to them may never read that part (Unix time read to the minute) or read it as the constant 0 it
 * always was (a start's minutes multiplied in): the examples cannot say. The person is asked about
 * an example with that part set to 1.
 */
import { validateInput } from "../../spec/index.ts";
import { runOn } from "./evaluate.ts";
import { isObj } from "./probes.ts";
import { toldInWords } from "./reading.ts";
import type { Ambiguity } from "./reading.ts";
import type { Expr, Json } from "./types.ts";

/** Each text of `v` outside arrays, by its path of keys. */
function textPaths(v: Json, at: readonly string[] = [], into: string[][] = []): string[][] {
  if (typeof v === "string") into.push([...at]);
  else if (isObj(v)) for (const [k, x] of Object.entries(v)) textPaths(x, [...at, k], into);
  return into;
}

function get(v: Json, path: readonly string[]): Json | undefined {
  let cur: Json | undefined = v;
  for (const k of path) cur = cur !== undefined && isObj(cur) ? cur[k] : undefined;
  return cur;
}

function set(v: Json, path: readonly string[], x: Json): Json {
  const [k, ...rest] = path;
  if (k === undefined || !isObj(v)) return x;
  return { ...v, [k]: set(v[k] as Json, rest, x) };
}

/** The digit runs of `s`, each with where it starts. */
function runs(s: string): { at: number; digits: string }[] {
  return [...s.matchAll(/\d+/g)].map((m) => ({ at: m.index, digits: m[0] }));
}

/** `s` with its `j`th digit run, all zeros, ending in 1 instead. */
function withOne(s: string, j: number): string {
  const r = runs(s)[j] as { at: number; digits: string };
  return `${s.slice(0, r.at + r.digits.length - 1)}1${s.slice(r.at + r.digits.length)}`;
}

/** Where every example's text at one place has a run of two or more zeros at the same position: the program's answer with it set to 1. */
export function zeroPart(e: Expr, inputs: readonly Json[], inputSchema: unknown): Ambiguity | undefined {
  const first = inputs[0];
  if (first === undefined || inputs.length < 2) return undefined;
  for (const path of textPaths(first)) {
    const texts = inputs.map((i) => get(i, path));
    if (!texts.every((t): t is string => typeof t === "string")) continue;
    const count = runs(texts[0] as string).length;
    if (!texts.every((t) => runs(t).length === count)) continue;
    for (let j = 0; j < count; j++) {
      if (!texts.every((t) => /^00+$/.test((runs(t)[j] as { digits: string }).digits))) continue;
      for (const [r, inp] of inputs.entries()) {
        const probe = set(inp, path, withOne(texts[r] as string, j));
        if (!validateInput(inputSchema, probe).ok) continue;
        const out = runOn(e, probe);
        if (out === undefined) continue;
        return toldInWords(e, probe, out, `what a number other than 0 at that place of ${path.join(".")} changes, which no example shows`);
      }
    }
  }
  return undefined;
}
