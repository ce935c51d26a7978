/**
 * Which synthesis backend a gap gets: `example` (offline, always there, searching in a worker
 * thread), `llm` (an OpenAI-compatible server, when one is configured), or `auto` — llm when
 * configured, falling back to example when it fails; else example.
 */
import { CapsmithError } from "../events/index.ts";
import { createFallbackBackend, createThreadedExampleBackend } from "./synthesizer/index.ts";
import type { SynthesisBackend } from "./synthesizer/index.ts";

export type BackendChoice = "auto" | "example" | "llm";

export function createBackendChooser(options: { llm?: () => SynthesisBackend; llmConfigured?: boolean; example?: SynthesisBackend } = {}): (choice: BackendChoice) => SynthesisBackend {
  const example = options.example ?? createThreadedExampleBackend();
  let llm: SynthesisBackend | undefined;
  let auto: SynthesisBackend | undefined;
  const getLlm = (): SynthesisBackend => {
    if (!options.llm) {
      throw new CapsmithError("backend_unavailable", "the llm backend is not available in this build", { nextStep: "Use --backend example." });
    }
    return (llm ??= options.llm());
  };
  return (choice) => {
    if (choice === "example") return example;
    if (choice === "llm") return getLlm();
    if (!(options.llmConfigured && options.llm)) return example;
    return (auto ??= createFallbackBackend(getLlm(), example));
  };
}
