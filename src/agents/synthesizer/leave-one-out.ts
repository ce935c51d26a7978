/**
 * Did the examples teach the program, or does it hang on each of them? (issue 17, round 9)
 *
 * For each example in turn (with its twins, `twinGroups`), the same search runs on the other
 * examples alone and the program it would take is asked for the example left out. When one of them is missed, the examples only just
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
import { jsonEqual, validateInput } from "../../spec/index.ts";
import type { SpecExample } from "../../spec/index.ts";
import { AMBIGUITY_MARGIN } from "./ambiguity.ts";
import { body } from "./reading.ts";
import type { Ambiguity } from "./reading.ts";
import { createBudget } from "./budget.ts";
import { chooseProgram } from "./choose.ts";
import type { ExampleSearch } from "./choose.ts";
import { SynthesizerError } from "./errors.ts";
import { runOn } from "./evaluate.ts";
import { confirmingProbe } from "./unconfirmed.ts";
import { divisorsOf, guardedDivisors } from "./zero-divisor.ts";
import { programScore, walk } from "./rank.ts";
import type { Prior } from "./rank.ts";
import type { Found } from "./search.ts";
import type { Expr, Json } from "./types.ts";

/** One group of examples left out: the program taken without it, and what that program gives. */
export interface Fold {
  /** Index of the first example left out (the others of its group, `group`, went with it). */
  readonly left: number;
  readonly group: readonly number[];
  /** The program the search takes on the other examples, or undefined when it found none in time. */
  readonly program?: Expr;
  /** Its output for the example left out (undefined when it throws or there is no program). */
  readonly predicted?: Json;
  readonly ok: boolean;
}

export interface FoldBudget {
  /** CPU clock of the search, in milliseconds. */
  readonly now: () => number;
  /** Most candidates one fold may try: a count, so the same examples give the same verdict. */
  readonly foldCandidates: number;
  /** Most time all folds together may search (a guard; the counts end them first). */
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

/** The input paths `expr` reads. */
function readPaths(expr: Expr): string[][] {
  const paths = new Map<string, string[]>();
  walk(expr, (n) => {
    if (n.k === "in") paths.set(JSON.stringify(n.path), [...n.path]);
  });
  return [...paths.values()];
}

/**
 * The examples in groups that look the same to `expr`: equal on every input path it reads. A copy
 * of an example (or one that differs only in a field the program never reads) foresees its twin
 * trivially, so twins are left out together.
 */
export function twinGroups(expr: Expr, examples: readonly SpecExample[]): number[][] {
  const paths = readPaths(expr);
  const groups = new Map<string, number[]>();
  examples.forEach((e, i) => {
    // Each path read as the program reads it (the evaluator), absent as null.
    const key = JSON.stringify(paths.map((path) => runOn({ k: "in", path }, e.input as Json) ?? null));
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  return [...groups.values()];
}

/**
 * Whether the examples left out hold a truth value that none of the others has (round 14): the
 * others cannot teach when it holds, so a program the search takes on them that gives it anyway is
 * a coincidence of its ranking ("has a space" from a lone true "Santa Cruz" beside two falses), no
 * foresight. Such a fold misses, like one that finds nothing.
 */
function loneTruthValue(left: readonly SpecExample[], rest: readonly SpecExample[]): boolean {
  return left.some((e) => typeof e.output === "boolean" && !rest.some((r) => r.output === e.output));
}

/**
 * The folds of `examples` for the program `expr`, one group of twins left out at a time, stopping at
 * the first that misses. A fold misses when neither the program its search takes nor a reading
 * close to it gives an example left out, when its search finds no program within its count (no
 * evidence is not evidence: a linear relation is solved only from three examples, so two say
 * nothing of the third), when nothing is left to search on, or when the total time leaves it no room.
 */
export function folds(search: ExampleSearch, expr: Expr, examples: readonly SpecExample[], time: FoldBudget): Fold[] {
  const out: Fold[] = [];
  const end = time.now() + time.totalMs;
  const groups = twinGroups(expr, examples);
  // An example the program answers by its guard where its divisor is 0 answers the question the
  // search on the others asks there (zero-divisor.ts): no surprise, where the program on the others
  // divides by 0 there too (round 25).
  const guards = guardedDivisors(expr);
  const atGuard = (others: Expr, e: SpecExample): boolean => {
    const input = e.input as Json;
    return guards.some((g) => runOn(g, input) === 0) && runOn(others, input) === undefined && divisorsOf(others).some((d) => runOn(d, input) === 0);
  };
  for (const [n, group] of groups.entries()) {
    const left = group[0] as number;
    const rest = examples.filter((_, i) => !group.includes(i));
    const start = time.now();
    if (start >= end || rest.length === 0 || loneTruthValue(group.map((g) => examples[g] as SpecExample), rest)) {
      out.push({ left, group, ok: false });
      break;
    }
    // An equal share of the time left for each fold still to run: a search spends a share of
    // whatever time it is given on parts that cannot fit (a map over the unsorted array), so a
    // fold given all of it left the later folds none, and every answer added a fold that missed.
    const share = start + (end - start) / (groups.length - n);
    const budget = createBudget(time.now, share).sliceCandidates(time.foldCandidates);
    const found = chooseProgram(search, rest, budget);
    const example = examples[left] as SpecExample;
    const predicted = found ? runOn(found.expr, example.input as Json) : undefined;
    const close = found ? readings(found, search.prior) : [];
    const ok = found !== undefined && group.every((g) => {
      const e = examples[g] as SpecExample;
      return close.some((r) => {
        const v = runOn(r, e.input as Json);
        return v !== undefined && jsonEqual(v, e.output);
      }) || atGuard(found.expr, e);
    });
    out.push({ left, group, ...(found ? { program: found.expr } : {}), ...(predicted !== undefined ? { predicted } : {}), ok });
    if (!ok) break;
  }
  return out;
}

/**
 * The question to ask about `expr` when one example could not be predicted from the others, or
 * undefined when every fold predicted its example. When no input can be made to ask about (the
 * examples' values leave nothing to vary that the program answers), the program is not published
 * either: `no_program_found`, with the example it rests on. Only inputs `askable` allows are asked
 * about (round 32's attacker: an input the description settles was asked here).
 */
export function unstable(expr: Expr, search: ExampleSearch, examples: readonly SpecExample[], time: FoldBudget, askable: (input: Json) => boolean = () => true): Ambiguity | undefined {
  const missed = folds(search, expr, examples, time).find((f) => !f.ok);
  if (!missed) return undefined;
  // A truth value only the example left out shows is confirmed where the program gives it.
  const lone = missed.group.map((g) => examples[g] as SpecExample).find((e) => loneTruthValue([e], examples.filter((_, i) => !missed.group.includes(i))));
  const allowed = (input: Json): boolean => validateInput(search.spec.inputSchema, input).ok && askable(input);
  const probe = confirmingProbe(expr, examples.map((e) => e.input as Json), allowed, missed.program, lone?.output as Json | undefined);
  if (!probe) {
    const without = missed.program ? `the search on the others takes \`${body(missed.program)}\`, which gives ${JSON.stringify(missed.predicted ?? null)} for it` : "the search on the others finds no program in time";
    throw new SynthesizerError("no_program_found", `a program fits every example of ${search.spec.capability}, but it rests on example ${missed.left + 1} alone (${without}), and no input could be made to confirm it`, {
      nextStep: "Add an example unlike the others (other values in every field) and ask again: a program is published only when each example could be foreseen from the others.",
      details: { reason: "unstable", program: body(expr), example: missed.left + 1 },
    });
  }
  return { input: probe.input, readings: [{ program: body(expr), output: probe.output }], reason: "unstable", programs: [expr] };
}
