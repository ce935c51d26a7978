/**
 * Fewer silent overfits (issue 17): a program that fits every example is published only when it
 * also runs as emitted and nothing in it rests on one example by coincidence; otherwise the
 * backend answers `ambiguous`, with an input no example shows and what the readings give for it.
 */
import { describe, expect, it } from "vitest";
import { jsonEqual } from "../../src/spec/index.ts";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import type { CapabilitySpec } from "../../src/spec/index.ts";
import { makeSpec } from "../synthesizer/fixtures.ts";
import { loadPlugin } from "../synthesizer/load-plugin.ts";

const backend = createExampleBackend();

/** The published program run as JavaScript on every example: what the search fit is what runs. */
async function runsAsEmitted(spec: CapabilitySpec, code: string): Promise<void> {
  const fn = await loadPlugin(code);
  for (const e of spec.examples) expect(fn(structuredClone(e.input), {}), code).toEqual(e.output);
}

describe("emitted string programs", () => {
  it("cut at a '/' run as JavaScript as they ran in the search", async () => {
    const spec = makeSpec("month_year", "Month and year of a date.", [[{ s: "01/15/2013" }, "01/2013"], [{ s: "03/07/2011" }, "03/2011"]]);
    const result = await backend.synthesize(spec);
    await runsAsEmitted(spec, result.code);
    const fn = await loadPlugin(result.code);
    if (!result.ambiguity) expect(fn({ s: "05/09/2009" }, {})).toBe("05/2009");
  });
});

/** The backend asks, with an input no example shows on which its readings disagree. */
function expectAsks(spec: CapabilitySpec, a: NonNullable<Awaited<ReturnType<typeof backend.synthesize>>["ambiguity"]>): void {
  expect(spec.examples.some((e) => jsonEqual(e.input, a.input))).toBe(false);
  expect(a.readings.length).toBeGreaterThanOrEqual(2);
  expect(jsonEqual(a.readings[0]!.output, a.readings[1]!.output)).toBe(false);
}
export { expectAsks };
