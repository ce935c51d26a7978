/**
 * `--backend auto` with an LLM configured: the llm backend first, and when it fails (server down,
 * bad key, no program within its rounds) the offline `example` backend, saying so in the result.
 */
import type { CapabilitySpec } from "../../spec/index.ts";
import type { SynthesisBackend, SynthesisOptions, SynthesisResult } from "./backend.ts";
import { DEFAULT_BUDGET_MS } from "./backend.ts";
import { SynthesizerError } from "./errors.ts";

export function createFallbackBackend(primary: SynthesisBackend, fallback: SynthesisBackend, options: { fallbackBudgetMs?: number } = {}): SynthesisBackend {
  return {
    name: "auto",
    async synthesize(spec: CapabilitySpec, opts: SynthesisOptions = {}): Promise<SynthesisResult> {
      try {
        return await primary.synthesize(spec, opts);
      } catch (err) {
        if (!(err instanceof SynthesizerError) || err.code === "cancelled" || err.code === "contradictory_examples") throw err;
        const why = `the ${primary.name} backend failed (${err.code}: ${err.message})`;
        try {
          const result = await fallback.synthesize(spec, { ...opts, budgetMs: options.fallbackBudgetMs ?? DEFAULT_BUDGET_MS });
          return { ...result, note: `${why}; used the offline ${fallback.name} backend instead` };
        } catch (second) {
          if (second instanceof SynthesizerError) {
            throw new SynthesizerError(second.code, `${why}; the offline ${fallback.name} backend then: ${second.message}`, {
              ...(second.nextStep ? { nextStep: second.nextStep } : {}),
              details: { ...second.details, primary: { code: err.code, message: err.message } },
            });
          }
          throw second;
        }
      }
    },
  };
}
