/**
 * A question for a bound written in a doubtful format (round 29a). "0 when the total is below
 * 1.000" may be below a thousand or below 1, and "null over 100 000" over a hundred thousand or over
 * 100 (written-numbers.ts); where no example lies between the two bounds, the examples fit both
 * readings and no guard is taken (stated-range.ts readGuards, its `doubts`). Publishing either would be a
 * guess, so the person is asked about an input between the bounds: an example's input with the
 * guarded field moved there. Their answer lies in one reading's range only, and settles it.
 */
import { jsonEqual } from "../../spec/index.ts";
import { runOn } from "./evaluate.ts";
import { isObj } from "./probes.ts";
import { body } from "./reading.ts";
import type { Ambiguity } from "./reading.ts";
import { guardedAsStated } from "./stated-range.ts";
import type { StatedGuard } from "./stated-range.ts";
import type { Expr, Json } from "./types.ts";

/** Values strictly between two bounds, rounder ones first: half the higher, the middle, the quarters. */
function between(lo: number, hi: number): number[] {
  const span = hi - lo;
  const values = [hi / 2, lo + span / 2, lo + span / 4, lo + (3 * span) / 4, lo + span / 8, hi - span / 8];
  return [...new Set(values.map((v) => (Math.abs(v) >= 10 ? Math.round(v) : v)))].filter((v) => v > lo && v < hi);
}

/** The question about the first doubtful bound whose readings answer an input between them otherwise; undefined where there is none. */
export function doubtfulBound(program: Expr, doubts: readonly (readonly [StatedGuard, StatedGuard])[], inputs: readonly Json[], allowed: (p: Json) => boolean): Ambiguity | undefined {
  const seen = new Set(inputs.map((i) => JSON.stringify(i)));
  for (const [a, b] of doubts) {
    const field = a.field;
    if (field === undefined || field !== b.field) continue;
    const programs = [guardedAsStated(program, [a]), guardedAsStated(program, [b])] as const;
    const [lo, hi] = [Math.min(a.range.bound, b.range.bound), Math.max(a.range.bound, b.range.bound)];
    for (const input of inputs) {
      if (!isObj(input)) continue;
      for (const v of between(lo, hi)) {
        const p: Json = { ...input, [field]: v };
        if (seen.has(JSON.stringify(p)) || !allowed(p)) continue;
        const [x, y] = programs.map((e) => runOn(e, p));
        if (x === undefined || y === undefined || jsonEqual(x, y)) continue;
        return { input: p, readings: [{ program: body(programs[0]), output: x }, { program: body(programs[1]), output: y }], reason: "programs_disagree", programs: [...programs] };
      }
    }
  }
  return undefined;
}
