/**
 * Did the examples teach the program, or does it hang on each of them? (issue 17, round 9)
 *
 * For each example in turn, the same search runs on the other examples alone and the program it
 * would take is asked for the example left out. When one of them is missed, the examples only just
 * pin the program down: this search's leave-one-out error on them is above zero, and it estimates
 * how often the next input, one the examples did not show, will find another program's answer
 * right and this one's wrong. Such a program is not published silently: the person is asked
 * whether its output is right on an input unlike the examples (reason "unstable"), and the answer
 * is one more example for the next round. A program every example was predicted for by the others
 * is published as before.
 *
 * This is a statement about the search and the examples, not about any task: it reads no word of
 * the description beyond what the search itself reads, and it has no list of programs.
 */
import { jsonEqual } from "../../spec/index.ts";
import type { SpecExample } from "../../spec/index.ts";
import { AMBIGUITY_MARGIN, body } from "./ambiguity.ts";
import type { Ambiguity } from "./ambiguity.ts";
import { createBudget } from "./budget.ts";
import { chooseProgram } from "./choose.ts";
import type { ExampleSearch } from "./choose.ts";
import { SynthesizerError } from "./errors.ts";
import { runOn } from "./evaluate.ts";
import { confirmingProbe } from "./unconfirmed.ts";
import { programScore } from "./rank.ts";
import type { Prior } from "./rank.ts";
import type { Found } from "./search.ts";
import type { Expr, Json } from "./types.ts";

/** One example left out: the program taken without it, and what that program gives for it. */
export interface Fold {
  /** Index of the example left out. */
  readonly left: number;
  /** The program the search takes on the other examples, or undefined when it found none in time. */
  readonly program?: Expr;
  /** Its output for the example left out (undefined when it throws or there is no program). */
  readonly predicted?: Json;
  readonly ok: boolean;
}

export interface FoldBudget {
  /** CPU clock of the search, in milliseconds. */
  readonly now: () => number;
  /** Most time one fold may search. */
  readonly foldMs: number;
  /** Most time all folds together may search. */
  readonly totalMs: number;
}

/**
 * The programs a search's result stands for as readings: the one taken and those ranked close
 * enough to it that the backend would ask which one is meant (ambiguity.ts). An example one of
 * them gives is an answer to a question the search on the others would have asked, not a surprise.
 */
function readings(found: Found, prior: Prior): Expr[] {
  const best = programScore(found.expr, found.size, prior);
  return [found, ...(found.alts ?? [])].filter((a) => a === found || a.otherFamily === true || programScore(a.expr, a.size, prior) - best < AMBIGUITY_MARGIN).map((a) => a.expr);
}

/**
 * The folds of `examples`, stopping at the first one that misses. A fold the total time leaves no
 * room for has not shown its example predicted and counts as missed. A fold whose search finds no
 * program within its time counts as predicted: it has fewer examples to fit than the search that
 * found the program, so what stops it is the search's own bar (a linear relation is solved only
 * from three examples, an object decomposed only from two), which the program taken on every
 * example stood.
 */
export function folds(search: ExampleSearch, examples: readonly SpecExample[], time: FoldBudget): Fold[] {
  const out: Fold[] = [];
  const end = time.now() + time.totalMs;
  for (let left = 0; left < examples.length; left++) {
    const start = time.now();
    if (start >= end) {
      out.push({ left, ok: false });
      break;
    }
    const budget = createBudget(time.now, Math.min(end, start + time.foldMs));
    const found = chooseProgram(search, examples.filter((_, i) => i !== left), budget);
    const example = examples[left] as SpecExample;
    const predicted = found ? runOn(found.expr, example.input as Json) : undefined;
    const ok = found === undefined || readings(found, search.prior).some((e) => {
      const v = runOn(e, example.input as Json);
      return v !== undefined && jsonEqual(v, example.output);
    });
    out.push({ left, ...(found ? { program: found.expr } : {}), ...(predicted !== undefined ? { predicted } : {}), ok });
    if (!ok) break;
  }
  return out;
}

/**
 * The question to ask about `expr` when one example could not be predicted from the others, or
 * undefined when every fold predicted its example. When no input can be made to ask about (the
 * examples' values leave nothing to vary that the program answers), the program is not published
 * either: `no_program_found`, with the example it rests on.
 */
export function unstable(expr: Expr, search: ExampleSearch, examples: readonly SpecExample[], time: FoldBudget): Ambiguity | undefined {
  const missed = folds(search, examples, time).find((f) => !f.ok);
  if (!missed) return undefined;
  const probe = confirmingProbe(expr, examples.map((e) => e.input as Json), missed.program);
  if (!probe) {
    const without = missed.program ? `the search on the others takes \`${body(missed.program)}\`, which gives ${JSON.stringify(missed.predicted ?? null)} for it` : "the search on the others finds no program in time";
    throw new SynthesizerError("no_program_found", `a program fits every example of ${search.spec.capability}, but it rests on example ${missed.left + 1} alone (${without}), and no input could be made to confirm it`, {
      nextStep: "Add an example unlike the others (other values in every field) and ask again: a program is published only when each example could be foreseen from the others.",
      details: { reason: "unstable", program: body(expr), example: missed.left + 1 },
    });
  }
  return { input: probe.input, readings: [{ program: body(expr), output: probe.output }], reason: "unstable", programs: [expr] };
}
