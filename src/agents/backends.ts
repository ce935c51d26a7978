/**
 * Which synthesis backend a gap gets: `example` (offline, always there), `llm` (an OpenAI-compatible
 * server, when one is configured), or `auto` — llm when configured, else example.
 */
import { CapsmithError } from "../events/index.ts";
import { createExampleBackend } from "./synthesizer/index.ts";
import type { SynthesisBackend } from "./synthesizer/index.ts";

export type BackendChoice = "auto" | "example" | "llm";

export function llmConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env["OPENAI_API_KEY"] || env["OPENAI_BASE_URL"] || env["CAPSMITH_LLM_BASE_URL"] || env["CAPSMITH_LLM_API_KEY"]);
}

export function createBackendChooser(options: { llm?: () => SynthesisBackend; env?: NodeJS.ProcessEnv } = {}): (choice: BackendChoice) => SynthesisBackend {
  const example = createExampleBackend();
  let llm: SynthesisBackend | undefined;
  const getLlm = (): SynthesisBackend => {
    if (!options.llm) {
      throw new CapsmithError("backend_unavailable", "the llm backend is not available in this build", { nextStep: "Use --backend example." });
    }
    return (llm ??= options.llm());
  };
  return (choice) => {
    if (choice === "example") return example;
    if (choice === "llm") return getLlm();
    return llmConfigured(options.env) && options.llm ? getLlm() : example;
  };
}
