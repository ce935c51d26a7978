/** A person answering the example backend's questions, as at `/need`, for the synthesis round tests. */
import { expect } from "vitest";
import { SynthesizerError } from "../../src/agents/synthesizer/index.ts";
import type { SynthesisBackend } from "../../src/agents/synthesizer/index.ts";
import type { CapabilitySpec } from "../../src/spec/index.ts";
import { walk } from "../../src/agents/synthesizer/rank.ts";
import type { Expr, Json } from "../../src/agents/synthesizer/types.ts";
import { runOn } from "../../src/agents/synthesizer/evaluate.ts";
import { makeSpec } from "./fixtures.ts";
import { loadPlugin } from "./load-plugin.ts";

/** A test timeout for a spec that is answered: each answer is a new search of up to 5 s of CPU (more in wall time on a loaded machine). */
export const ANSWERED_MS = 300_000;

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

/** A person's reading of a spec: the output they want for an input. */
export type Person = (input: never) => unknown;

/** An attacker's spec of the "never published ambiguous in silence" promise. */
export interface Attack {
  name: string;
  description: string;
  examples: [unknown, unknown][];
  person: Person;
  /** Plausible inputs the examples leave open. */
  probes: unknown[];
  /** The output schema, where the person's answers need more than the examples' kind (null beside numbers). */
  outputSchema?: Record<string, unknown>;
}

/** A person reading a text input `{ s }`. */
export const text = (f: (s: string) => unknown): Person => ((i: { s: string }) => f(i.s)) as Person;
/** A person reading a list input `{ xs }`. */
export const list = (f: (xs: number[]) => unknown): Person => ((i: { xs: number[] }) => f(i.xs)) as Person;

/**
 * Fails when the promise breaks: the backend published, after the person's answers, a program wrong
 * on a probe. Holds when it still asks after six answers, gives up, or is right on every probe.
 */
export async function holds(backend: SynthesisBackend, attack: Attack): Promise<void> {
  const outcome = await afterAnswers(backend, makeSpec(attack.name, attack.description, attack.examples, [], attack.outputSchema), attack.person);
  if (outcome === "asks" || outcome === "gave up") return;
  for (const probe of attack.probes) {
    const got = outcome.run(probe);
    const want = attack.person(probe as never);
    const why = `${JSON.stringify(probe)} after ${outcome.asked} answers`;
    // A formula the person computes in another order may differ in the last bit: the same reading.
    if (typeof want === "number" && typeof got === "number") expect(got, why).toBeCloseTo(want, 9);
    else expect(got, why).toEqual(want);
  }
}

/** Whether program `e` uses the operation `name` anywhere. */
export const uses = (e: Expr | undefined, name: string): boolean => {
  let found = false;
  if (e) walk(e, (n) => (found ||= n.k === "op" && n.op === name));
  return found;
};

/** The program the backend takes first (published, or its first reading when it asks) is right on every probe. */
export async function firstReadingRight(backend: SynthesisBackend, attack: Attack): Promise<void> {
  const result = await backend.synthesize(makeSpec(attack.name, attack.description, attack.examples));
  for (const p of attack.probes) {
    const got = runOn(result.program as Expr, p as Json);
    const want = attack.person(p as never);
    const why = `${JSON.stringify(p)} by ${result.code}`;
    if (typeof want === "number" && typeof got === "number") expect(got, why).toBeCloseTo(want, 9);
    else expect(got, why).toEqual(want);
  }
}
