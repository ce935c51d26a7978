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
import { rankFits, solve } from "./search.ts";
import type { Found, SearchOptions } from "./search.ts";
import { solveStrings } from "./strings/index.ts";
import type { Json } from "./types.ts";

/** What stays the same between the searches of one synthesis. */
export interface ExampleSearch {
  readonly spec: CapabilitySpec;
  readonly specText: SpecText;
  readonly prior: Prior;
  readonly limits: ProblemLimits;
  readonly maxSize: number;
  readonly maxEntries: number;
}

/** Whether `f` gives every example's output, by the reference evaluator. */
export function fitsAll(f: Found, examples: readonly SpecExample[]): boolean {
  return examples.every((e) => jsonEqual(evaluate(f.expr, { input: e.input as Json }), e.output));
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
  const inputs = examples.map((e) => e.input as Json);
  const outputs = examples.map((e) => e.output as Json);
  let found: Found | undefined;
  try {
    const ctx = topContext(search.specText, inputs, outputs, budget, search.limits);
    found = solve(ctx, outputs, search.spec.outputSchema, { budget, prior: search.prior, maxSize: search.maxSize, maxEntries: search.maxEntries, strings: solveStrings, ...report });
  } catch (err) {
    if (!(err instanceof OutOfBudget)) throw err;
  }
  // Every program is checked by the reference evaluator before it is taken: a candidate the
  // search's vector arithmetic accepted by rounding (or a bug) gives way to the next one.
  const reproduces = (f: Found): boolean => fitsAll(f, examples);
  const verified = found ? [found, ...(found.alts ?? [])].filter(reproduces) : [];
  const chosen = verified[0];
  if (!chosen) return undefined;
  // Observational equivalence kept one of programs alike on the examples (`>= 10` or `> 10`):
  // the chosen one's neighbours that fit too are ranked with it, so the description decides.
  // The chosen one rounded or not competes for the choice too (the description decides), but a
  // rounding nobody asked for is no rival reading: those are not kept as alternatives.
  const rounded = roundings(chosen.expr, chosen.size).filter(reproduces);
  const roundedKeys = new Set(rounded.map((f) => JSON.stringify(f.expr)));
  const near = mutants(chosen.expr, siblingFields(inputs)).map((expr) => ({ expr, size: chosen.size })).filter(reproduces);
  const ranked = near.length + rounded.length > 0 ? rankFits([chosen, ...near, ...rounded, ...verified.slice(1)], search.prior) : { expr: chosen.expr, size: chosen.size, alts: verified.slice(1) };
  return { ...ranked, alts: (ranked.alts ?? []).filter((a) => !roundedKeys.has(JSON.stringify(a.expr))) };
}
