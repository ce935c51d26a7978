/**
 * Round 20b: a description that says the answer's numbers are rounded to N decimals ("each rounded
 * to 2 decimals") against a program that writes more decimals than that on an input the examples
 * never showed (one field of two divided and rounded, the other only divided: the examples came out
 * whole or at one decimal either way). Where the program answers a changed example with a number
 * finer than the stated rounding, it contradicts the description: asked about, with the answer
 * rounded as stated as the rival reading.
 */
import { validateInput } from "../../spec/index.ts";
import { runOn } from "./evaluate.ts";
import { isObj } from "./probes.ts";
import { toldInWords } from "./reading.ts";
import type { Ambiguity } from "./reading.ts";
import type { Expr, Json } from "./types.ts";

const COUNTS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4 };

const WHOLE = /\brounded\b[^.;]{0,30}?\bto (a |the )?(whole|nearest (whole )?(number|integer|unit))\b/i;

/** The decimals the description rounds its answer to: N for "to N decimals", 0 for "to a whole number"; undefined when it states neither. */
export function statedRoundingDigits(description: string): number | undefined {
  return statedDecimals(description) ?? (WHOLE.test(description) ? 0 : undefined);
}

/** The number of decimals the description rounds to, if it states one. */
export function statedDecimals(description: string): number | undefined {
  const m = /\brounded\b[^.;]{0,40}?\bto (\d|one|two|three|four) (?:decimals?|decimal places?|places?)\b/i.exec(description);
  if (!m) return undefined;
  const n = m[1]?.toLowerCase() ?? "";
  return COUNTS[n] ?? Number(n);
}

/** `v` with every number rounded to `places` decimals, halves up. */
function roundedTo(v: Json, places: number): Json {
  const f = 10 ** places;
  if (typeof v === "number") return Math.round(v * f) / f;
  if (Array.isArray(v)) return v.map((x) => roundedTo(x, places));
  if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, roundedTo(x, places)]));
  return v;
}

/** Whether some number in `v` has more than `places` decimals. */
function finer(v: Json, places: number): boolean {
  if (typeof v === "number") return Number.isFinite(v) && Math.abs(Math.round(v * 10 ** places) / 10 ** places - v) > 1e-9 * Math.max(1, Math.abs(v));
  if (Array.isArray(v)) return v.some((x) => finer(x, places));
  if (isObj(v)) return Object.values(v).some((x) => finer(x, places));
  return false;
}

/** Each example with one top-level number changed by a small odd step (a value no example shows). */
function changedNumbers(inputs: readonly Json[]): Json[] {
  const out: Json[] = [];
  for (const i of inputs) {
    if (!isObj(i)) continue;
    for (const [k, v] of Object.entries(i)) if (typeof v === "number") for (const d of [1, 7, -1]) out.push({ ...i, [k]: v + d });
  }
  return out;
}

/** Where `e` answers a changed example with more decimals than the description's rounding allows. */
export function finerThanStated(e: Expr, inputs: readonly Json[], description: string, inputSchema: unknown): Ambiguity | undefined {
  const places = statedDecimals(description);
  if (places === undefined) return undefined;
  for (const probe of changedNumbers(inputs)) {
    if (!validateInput(inputSchema, probe).ok) continue;
    const out = runOn(e, probe);
    if (out === undefined || !finer(out, places)) continue;
    return toldInWords(e, probe, out, `every number rounded to ${places} decimals, as the description states`, roundedTo(out, places));
  }
  return undefined;
}
