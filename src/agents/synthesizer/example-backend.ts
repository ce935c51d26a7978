/**
 * The offline `example` backend: programming by example over a typed DSL of JSON operations
 * (bottom-up enumeration with observational equivalence, guided by the schemas, with object and
 * element-wise decomposition and if/else chains). No network, no model, deterministic.
 */
import { jsonEqual } from "../../spec/index.ts";
import type { CapabilitySpec } from "../../spec/index.ts";
import { DEFAULT_BUDGET_MS } from "./backend.ts";
import type { SynthesisBackend, SynthesisOptions, SynthesisResult } from "./backend.ts";
import { OutOfBudget, createBudget } from "./budget.ts";
import { SynthesizerError } from "./errors.ts";
import { evaluate } from "./evaluate.ts";
import { pluginModule, goldenTests } from "./plugin.ts";
import { descriptionNumbers, schemaEnums } from "./constants.ts";
import { topContext } from "./problem.ts";
import { solve } from "./search.ts";
import type { Found } from "./search.ts";
import type { Json } from "./types.ts";

export interface ExampleBackendOptions {
  /** Milliseconds clock used only to enforce the budget (default `performance.now`). */
  readonly now?: () => number;
  /** Largest program size to enumerate per (sub)problem. */
  readonly maxSize?: number;
  /** Most expressions kept per bank, a memory bound. */
  readonly maxEntries?: number;
  /** Largest lambda body size. */
  readonly maxBody?: number;
}

export function createExampleBackend(options: ExampleBackendOptions = {}): SynthesisBackend {
  const now = options.now ?? (() => performance.now());
  const limits = { maxBody: options.maxBody ?? 5, maxLambdaEntries: 20_000 };
  return {
    name: "example",
    async synthesize(spec: CapabilitySpec, opts: SynthesisOptions = {}): Promise<SynthesisResult> {
      const budgetMs = opts.budgetMs ?? DEFAULT_BUDGET_MS;
      const start = now();
      const clock = (): number => (opts.signal?.aborted ? Number.POSITIVE_INFINITY : now());
      const budget = createBudget(clock, start + budgetMs);
      const inputs = spec.examples.map((e) => e.input as Json);
      const outputs = spec.examples.map((e) => e.output as Json);
      let sizeReached = 0;
      let found: Found | undefined;
      try {
        const ctx = topContext({ description: spec.description, enums: schemaEnums(spec.inputSchema) }, inputs, outputs, budget, limits);
        found = solve(ctx, outputs, spec.outputSchema, {
          budget,
          mentioned: descriptionNumbers(spec.description),
          maxSize: options.maxSize ?? 12,
          maxEntries: options.maxEntries ?? 400_000,
          onLevel: (s) => (sizeReached = Math.max(sizeReached, s)),
        });
      } catch (err) {
        if (!(err instanceof OutOfBudget)) throw err;
      }
      const elapsedMs = Math.round(now() - start);
      if (opts.signal?.aborted) {
        throw new SynthesizerError("cancelled", "synthesis was cancelled", { details: { sizeReached, candidates: budget.candidates, elapsedMs } });
      }
      if (!found) {
        const ranOut = budget.expired();
        throw new SynthesizerError(
          "no_program_found",
          `no program fits the ${spec.examples.length} example(s) of ${spec.capability} ${ranOut ? `within ${budgetMs} ms` : "in the search space"} (explored programs up to size ${sizeReached})`,
          {
            nextStep: ranOut
              ? "Give the search more time (--budget-ms), add examples that make the pattern clearer, or use the llm backend."
              : "Add examples that make the pattern clearer, split the capability into simpler ones, or use the llm backend.",
            details: { sizeReached, candidates: budget.candidates, elapsedMs, budgetMs, reason: ranOut ? "budget" : "exhausted" },
          },
        );
      }
      for (const [i, e] of spec.examples.entries()) {
        if (!jsonEqual(evaluate(found.expr, { input: e.input as Json }), e.output)) {
          throw new Error(`internal: program does not reproduce example ${i + 1}`);
        }
      }
      return {
        backend: "example",
        capability: spec.capability,
        code: pluginModule(spec, found.expr, found.size),
        program: found.expr,
        size: found.size,
        candidates: budget.candidates,
        elapsedMs,
        tests: goldenTests(spec),
      };
    },
  };
}
