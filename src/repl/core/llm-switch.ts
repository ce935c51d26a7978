/**
 * The llm synthesis backend the REPL's runtime uses: it follows `/model`, so switching the model
 * applies to the next gap without restarting the agents.
 */
import { createLlmBackend } from "../../agents/synthesizer/index.ts";
import type { LlmConfig, SynthesisBackend } from "../../agents/synthesizer/index.ts";

export function switchableLlm(config: LlmConfig, currentModel: () => string): SynthesisBackend {
  const byModel = new Map<string, SynthesisBackend>();
  const backend = (): SynthesisBackend => {
    const model = currentModel() || config.model;
    let b = byModel.get(model);
    if (!b) byModel.set(model, (b = createLlmBackend({ model, ...(config.baseURL ? { baseURL: config.baseURL } : {}), ...(config.apiKey ? { apiKey: config.apiKey } : {}) })));
    return b;
  };
  return { name: "llm", synthesize: (spec, opts) => backend().synthesize(spec, opts) };
}
