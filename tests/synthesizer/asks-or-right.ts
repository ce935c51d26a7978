/** What the ambiguity tests share: a spec is either asked about between readings, or its program is right. */
import { expect } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { jsonEqual } from "../../src/spec/index.ts";
import type { CapabilitySpec } from "../../src/spec/index.ts";
import { onlyConfirmation } from "./fixtures.ts";
import { loadPlugin } from "./load-plugin.ts";

const backend = createExampleBackend();

/**
 * Either the backend asks (an input no example shows, on which the readings disagree) or its
 * program is right on `probe`. A program it only asks to confirm (round 9: one reading, its own
 * output) counts as its answer: it must be right too.
 */
export async function asksOrRight(spec: CapabilitySpec, probe: unknown, expected: unknown): Promise<"asks" | "right"> {
  const result = await backend.synthesize(spec);
  const a = result.ambiguity;
  if (a && !onlyConfirmation(a)) {
    expect(spec.examples.some((e) => jsonEqual(e.input, a.input))).toBe(false);
    expect(a.readings.length).toBeGreaterThanOrEqual(2);
    expect(jsonEqual(a.readings[0]!.output, a.readings[1]!.output)).toBe(false);
    return "asks";
  }
  const fn = await loadPlugin(result.code);
  expect(fn(structuredClone(probe), {}), result.code).toEqual(expected);
  return "right";
}
