/**
 * Inputs that tell natural order from the plain order of texts (round 11). On examples whose
 * numbers inside text are all as wide ("S01E02", "file07") the two orders agree; they part where
 * a number is wider yet larger ("S1E10" after "S1E9" naturally, before it letter by letter). So
 * each array of texts with digits is asked about with leading zeros dropped and its largest last
 * number grown to the next power of ten (9 → 10, 12 → 100): a number that starts with a 1.
 */
import type { Json } from "./types.ts";

const MAX_WIDTH_PROBES = 4;

function lastRun(t: string): { at: number; run: string } | undefined {
  const m = [...t.matchAll(/\d+/g)].at(-1);
  return m?.index === undefined ? undefined : { at: m.index, run: m[0] };
}

function widened(arr: readonly string[]): string[] | undefined {
  const bare = arr.map((t) => t.replace(/\d+/g, (d) => String(Number(d))));
  let top = -1;
  bare.forEach((t, i) => {
    const r = lastRun(t);
    const best = top >= 0 ? lastRun(bare[top] as string) : undefined;
    if (r && (!best || Number(r.run) > Number(best.run))) top = i;
  });
  if (top < 0) return undefined;
  const t = bare[top] as string;
  const r = lastRun(t) as { at: number; run: string };
  const grown = String(10 ** r.run.length);
  bare[top] = t.slice(0, r.at) + grown + t.slice(r.at + r.run.length);
  return bare;
}

/** Each example with one of its arrays of texts (digits among other characters) widened as above. */
export function widthProbes(inputs: readonly Json[]): Json[] {
  const out: Json[] = [];
  for (const input of inputs) {
    if (input === null || typeof input !== "object" || Array.isArray(input)) continue;
    for (const [k, v] of Object.entries(input)) {
      if (!Array.isArray(v) || v.length < 2 || !v.every((t) => typeof t === "string" && /\d/.test(t) && /\D/.test(t))) continue;
      const w = widened(v as string[]);
      if (w && out.length < MAX_WIDTH_PROBES) out.push({ ...input, [k]: w });
    }
  }
  return out;
}
