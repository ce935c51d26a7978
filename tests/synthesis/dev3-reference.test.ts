/**
 * The dev3 development set (tests/fixtures/specs/dev3, written by scripts/make-dev3-specs.ts) is
 * honest: every spec parses, has 2 to 4 examples and 8 to 15 tests, every case fits the spec's
 * schemas, and the reference program written from the description (dev3.reference.mjs) gives
 * exactly the expected output on every example and test. The synthesizer is not run here.
 */
import { expect, it } from "vitest";
import { checkSpec, describeReferenceSet } from "../support/reference-specs.ts";

const { reference, read } = await describeReferenceSet({ set: "dev3", count: 40 });

it("catches a wrong expected output", () => {
  const raw = read("order_subtotal.json") as { tests: { output: number }[] };
  (raw.tests[0] as { output: number }).output += 1;
  expect(checkSpec("order_subtotal.json", raw, reference).join("\n")).toMatch(/golden_1: expected .*, the reference gives/);
});
