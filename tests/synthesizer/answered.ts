/** A person answering the example backend's questions, as at `/need`, for the synthesis round tests. */
import { expect } from "vitest";
import type { SynthesisBackend } from "../../src/agents/synthesizer/index.ts";
import type { CapabilitySpec } from "../../src/spec/index.ts";
import { loadPlugin } from "./load-plugin.ts";

/**
 * Answers the backend's questions with `person` until it publishes (at most 6 answers; the test fails
 * if it still asks). With `offered`, each answer carries the outputs the question offered, as the
 * REPL records them. Returns how many answers it took and the published program.
 */
export async function answeredPlugin(
  backend: SynthesisBackend,
  spec: CapabilitySpec,
  person: (input: never) => unknown,
  options: { offered?: boolean } = {},
): Promise<{ asked: number; run: (input: unknown) => unknown }> {
  const examples = [...spec.examples];
  let result = await backend.synthesize(spec);
  let asked = 0;
  while (result.ambiguity && asked < 6) {
    const question = result.ambiguity;
    examples.push({ input: question.input, output: person(question.input as never), ...(options.offered ? { offered: question.readings.map((r) => r.output) } : {}) });
    asked++;
    result = await backend.synthesize({ ...spec, examples });
  }
  expect(result.ambiguity, result.code).toBeUndefined();
  const fn = await loadPlugin(result.code);
  return { asked, run: (input) => fn(structuredClone(input), {}) };
}
