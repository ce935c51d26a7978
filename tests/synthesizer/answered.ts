/** A person answering the example backend's questions, as at `/need`, for the synthesis round tests. */
import { expect } from "vitest";
import { SynthesizerError } from "../../src/agents/synthesizer/index.ts";
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

/**
 * Answers the backend's questions with `person` (offered outputs recorded, as at `/need`) up to six
 * times: "asks" when it still asks after that, "gave up" when it finds nothing, else the published
 * program and how many answers it took. For tests that hold the backend to "asking or right".
 */
export async function afterAnswers(
  backend: SynthesisBackend,
  spec: CapabilitySpec,
  person: (input: never) => unknown,
): Promise<{ asked: number; run: (input: unknown) => unknown } | "asks" | "gave up"> {
  const examples = [...spec.examples];
  for (let asked = 0; ; asked++) {
    let result;
    try {
      result = await backend.synthesize({ ...spec, examples });
    } catch (err) {
      if (err instanceof SynthesizerError && err.code === "no_program_found") return "gave up";
      throw err;
    }
    const q = result.ambiguity;
    if (!q) {
      const fn = await loadPlugin(result.code);
      return { asked, run: (input) => fn(structuredClone(input), {}) };
    }
    if (asked >= 6) return "asks";
    examples.push({ input: q.input, output: person(q.input as never), offered: q.readings.map((r) => r.output) });
  }
}
