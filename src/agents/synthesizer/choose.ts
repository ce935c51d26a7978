/**
 * One search over a set of examples, to the program the backend would take: enumerate (search.ts),
 * keep what the reference evaluator confirms, and rank the chosen program against its rounded and
 * near variants. The backend runs it once on all the examples, and again on all but one of them to
 * see whether the examples taught the program (leave-one-out.ts).
 */
import { jsonEqual } from "../../spec/index.ts";
import type { CapabilitySpec, SpecExample } from "../../spec/index.ts";
import { OutOfBudget } from "./budget.ts";
import type { Budget } from "./budget.ts";
import { evaluate } from "./evaluate.ts";
import { topContext } from "./problem.ts";
import type { ProblemLimits, SpecText } from "./problem.ts";
import type { Prior } from "./rank.ts";
import { mutants, roundings, siblingFields } from "./rival-readings.ts";
import { rankFits } from "./rank.ts";
import { solve } from "./search.ts";
import type { Found, SearchOptions } from "./search.ts";
import { atZeroFloor, clampedAtZero, roundingMoved, statedEdgeVariants } from "./stated-edges.ts";
import { solveStrings } from "./strings/index.ts";
import { guardedAtZeroDivisor } from "./zero-divisor.ts";
import { statedAtZero } from "./stated-zero.ts";
import type { Expr, Json } from "./types.ts";

/** What stays the same between the searches of one synthesis. */
export interface ExampleSearch {
  readonly spec: CapabilitySpec;
  readonly specText: SpecText;
  readonly prior: Prior;
  readonly limits: ProblemLimits;
  readonly maxSize: number;
  readonly maxEntries: number;
}

/** The share of the budget the search of the examples that do not answer null may take. */
const GUARD_SHARE = 0.3;

/** Whether `f` gives every example's output, by the reference evaluator. */
export function fitsAll(f: Found, examples: readonly SpecExample[]): boolean {
  return examples.every((e) => jsonEqual(evaluate(f.expr, { input: e.input as Json }), e.output));
}

/** The programs the search finds fitting `examples` (the best first), none when out of budget. */
function searchFits(search: ExampleSearch, examples: readonly SpecExample[], budget: Budget, report: Pick<SearchOptions, "onLevel" | "onClosest" | "onFull">): Found[] {
  const inputs = examples.map((e) => e.input as Json);
  const outputs = examples.map((e) => e.output as Json);
  let found: Found | undefined;
  try {
    const ctx = topContext(search.specText, inputs, outputs, budget, search.limits);
    found = solve(ctx, outputs, search.spec.outputSchema, { budget, prior: search.prior, maxSize: search.maxSize, maxEntries: search.maxEntries, strings: solveStrings, ...report });
  } catch (err) {
    if (!(err instanceof OutOfBudget)) throw err;
  }
  return found ? [found, ...(found.alts ?? [])] : [];
}

/**
 * The program taken for `examples` with the other programs that fit them (`alts`), or undefined
 * when none was found within `budget`.
 */
export function chooseProgram(
  search: ExampleSearch,
  examples: readonly SpecExample[],
  budget: Budget,
  report: Pick<SearchOptions, "onLevel" | "onClosest" | "onFull"> = {},
): Found | undefined {
  // Every program is checked by the reference evaluator before it is taken: a candidate the
  // search's vector arithmetic accepted by rounding (or a bug) gives way to the next one.
  const reproduces = (f: Found): boolean => fitsAll(f, examples);
  // A zero floor the description states ("0 when the goal is reached") explains the examples
  // that answer 0: the program under the floor is searched on the others, then clamped; when
  // no clamped program fits them all, the search runs on every example as usual. An excess over a
  // stated threshold ("25 euros for each sale beyond 20", answered 0 at 0 sales) is clamped on its
  // difference from the threshold only (stated-edges.ts), never around the whole program.
  const stated = search.prior.edges;
  const floored = stated?.has("zeroFloor") || stated?.has("excess") ? atZeroFloor(examples) : [];
  const under = floored.length > 0 ? searchFits(search, examples.filter((e) => !floored.includes(e)), budget, report) : [];
  const clamped = (f: Found): { expr: Expr; size: number }[] => [
    ...(stated?.has("zeroFloor") ? clampedAtZero(f.expr, f.size) : []),
    ...(stated?.has("excess") ? statedEdgeVariants(f.expr, f.size, new Set(["excess"]), search.prior.thresholds) : []),
  ];
  let verified = under.flatMap((f) => [f, ...clamped(f)]).filter(reproduces);
  // Examples that answer null (or a number stated for an input at 0) where the program of the
  // others divides by 0 (round 25).
  if (verified.length === 0) verified = guardedAtZeroDivisor(examples, [null, ...new Set(statedAtZero(search.spec.description).map((s) => s.answer))], (others) => searchFits(search, others, budget.slice(GUARD_SHARE), report)).filter(reproduces);
  if (verified.length === 0) verified = searchFits(search, examples, budget, report).filter(reproduces);
  const chosen = verified[0];
  if (!chosen) return undefined;
  // Observational equivalence kept one of programs alike on the examples (`>= 10` or `> 10`):
  // the chosen one's neighbours that fit too are ranked with it, so the description decides.
  // The chosen one rounded or not competes for the choice too (the description decides), but a
  // rounding nobody asked for is no rival reading: those are not kept as alternatives.
  // So does the chosen one with an edge the description states that no example reaches
  // ("rounded up" where every quotient came out whole, "0 when the goal is reached").
  const roundedAlike = roundings(chosen.expr, chosen.size);
  const edges = stated ? [chosen, ...roundedAlike].flatMap((f) => statedEdgeVariants(f.expr, f.size, stated, search.prior.thresholds)) : [];
  const rounded = roundedAlike.filter(reproduces);
  // Last in line, so that at an equal score a program the search found itself (a rounding inside
  // a map: "each item's count rounded up, summed") goes before the one the edge was put around.
  const edged = edges.filter(reproduces);
  const roundedKeys = new Set([...rounded, ...edged].map((f) => JSON.stringify(f.expr)));
  const near = [...mutants(chosen.expr, siblingFields(examples.map((e) => e.input as Json)), search.prior.mentioned).map((expr) => ({ expr, size: chosen.size })), ...roundingMoved(chosen.expr, chosen.size)].filter(reproduces);
  const ranked = near.length + rounded.length + edged.length > 0 ? rankFits([chosen, ...near, ...rounded, ...verified.slice(1), ...edged], search.prior) : { expr: chosen.expr, size: chosen.size, alts: verified.slice(1) };
  return { ...ranked, alts: (ranked.alts ?? []).filter((a) => !roundedKeys.has(JSON.stringify(a.expr))) };
}
