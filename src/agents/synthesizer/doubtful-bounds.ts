/**
 * A question for a bound written in a doubtful format (round 29a). "0 when the total is below
 * 1.000" may be below a thousand or below 1, and "null over 100 000" over a hundred thousand or over
 * 100 (written-numbers.ts); where no example lies between the two bounds, the examples fit both
 * readings and no guard is taken (stated-range.ts readGuards, its `doubts`). Publishing either would be a
 * guess, so the person is asked about an input between the bounds: an example's input with the
 * guarded field moved there, or, for a bound on the answer itself, with a field moved so that the
 * answer lies there (round 30b). Their answer lies in one reading's range only, and settles it.
 */
import { jsonEqual } from "../../spec/index.ts";
import { runOn } from "./evaluate.ts";
import { isObj } from "./probes.ts";
import { SynthesizerError } from "./errors.ts";
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

/**
 * The inputs to try for a pair of readings: an example's input with the guarded field between the
 * bounds; where the bound is on the answer itself ("0 when the net pay is below 1.000", round 30b),
 * with one numeric field moved so that the program's answer may land between them (by the
 * difference from the example's answer either way, exact where the answer moves with the field one
 * for one; scaled by the ratio, exact where it is in proportion to it; or to the value itself). The
 * readings' answers tell which of these lands there.
 */
function candidates(guard: StatedGuard, program: Expr, input: Record<string, Json>, values: readonly number[]): Json[] {
  if (guard.field !== undefined) return values.map((v) => ({ ...input, [guard.field as string]: v }));
  const answer = runOn(program, input);
  if (!guard.onAnswer || typeof answer !== "number") return [];
  const out: Json[] = [];
  for (const [field, x] of Object.entries(input)) {
    if (typeof x !== "number") continue;
    for (const v of values) for (const moved of [x + (v - answer), x - (v - answer), x * (v / answer), v]) if (Number.isFinite(moved)) out.push({ ...input, [field]: moved });
  }
  return out;
}

/** The question about the first doubtful bound whose readings answer an input between them otherwise; undefined where there is none. */
export function doubtfulBound(program: Expr, doubts: readonly (readonly [StatedGuard, StatedGuard])[], inputs: readonly Json[], allowed: (p: Json) => boolean): Ambiguity | undefined {
  const seen = new Set(inputs.map((i) => JSON.stringify(i)));
  for (const [a, b] of doubts) {
    if (a.field !== b.field || Boolean(a.onAnswer) !== Boolean(b.onAnswer)) continue;
    const programs = [guardedAsStated(program, [a]), guardedAsStated(program, [b])] as const;
    const [lo, hi] = [Math.min(a.range.bound, b.range.bound), Math.max(a.range.bound, b.range.bound)];
    for (const input of inputs) {
      if (!isObj(input)) continue;
      for (const p of candidates(a, program, input, between(lo, hi))) {
        if (seen.has(JSON.stringify(p)) || !allowed(p)) continue;
        const [x, y] = programs.map((e) => runOn(e, p));
        if (x === undefined || y === undefined || jsonEqual(x, y)) continue;
        return { input: p, readings: [{ program: body(programs[0]), output: x }, { program: body(programs[1]), output: y }], reason: "programs_disagree", programs: [...programs] };
      }
    }
  }
  return undefined;
}

/**
 * A doubtful bound on the answer itself that no question was found for (round 30b): moving one
 * field at a time found no input whose answer lies between the readings, which does not show that
 * none does. Publishing without its guard would be a guess, so nothing is published and the person
 * is told which number to write plainly.
 */
export function unaskedAnswerBound(doubts: readonly (readonly [StatedGuard, StatedGuard])[], capability: string): SynthesizerError | undefined {
  const doubt = doubts.find(([a]) => a.onAnswer);
  if (doubt === undefined) return undefined;
  const bounds = doubt.map((g) => g.range.bound);
  return new SynthesizerError("no_program_found", `the description of ${capability} bounds its answer at a number that reads two ways (${bounds.join(" or ")}), and no input found tells the two apart`, {
    nextStep: `Write the bound in plain digits (${bounds.join(" or ")}), or add an example whose answer lies between them.`,
    details: { reason: "doubtful_bound", readings: bounds },
  });
}
