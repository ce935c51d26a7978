/**
 * The third held-out set (tests/fixtures/specs/holdout2) is honest: every spec parses with the
 * project's spec parser, has 2 to 4 examples and 8 to 15 tests, every case fits the spec's schemas
 * (validateInput / validateOutput), and the reference program written from the description alone
 * (holdout2.reference.mjs) gives exactly the expected output on every example and test. A wrong
 * expected output, or a description that no longer matches its cases, fails here and not in a
 * benchmark figure. The synthesizer is never run here: the set is measured, not tuned on.
 */
import { describe, expect, it } from "vitest";
import { checkSpec, describeReferenceSet } from "../support/reference-specs.ts";
import type { Reference } from "../support/reference-specs.ts";

await describeReferenceSet({ set: "holdout2", count: 72, heldOut: { earlier: ["dev", "validation", "holdout"] } });

describe("the holdout2 check itself", () => {
  const good = {
    capability: "double_it",
    description: "Twice n.",
    inputSchema: { type: "object", properties: { n: { type: "number" } }, required: ["n"] },
    outputSchema: { type: "number" },
    examples: [1, 2].map((n) => ({ input: { n }, output: 2 * n })),
    tests: [3, 4, 5, 6, 7, 8, 9, 10].map((n) => ({ name: `n${n}`, input: { n }, output: 2 * n })),
  };
  const refs: Record<string, Reference> = { double_it: (input) => 2 * (input as { n: number }).n };

  it("accepts a good spec", () => {
    expect(checkSpec("double_it.json", good, refs)).toEqual([]);
  });

  it("catches a wrong expected output, a case off its schemas, a wrong size, a missing reference and a bad spec", () => {
    const wrong = { ...good, tests: [...good.tests.slice(1), { name: "n3", input: { n: 3 }, output: 7 }] };
    expect(checkSpec("double_it.json", wrong, refs)).toEqual([expect.stringMatching(/n3: expected 7, the reference gives 6/)]);
    const offSchema = { ...good, examples: [...good.examples, { input: { n: "4" }, output: "8" }] };
    expect(checkSpec("double_it.json", offSchema, { double_it: () => "8" }).join("\n")).toMatch(/examples\[2\]: input does not fit inputSchema[\s\S]*examples\[2\]: output does not fit outputSchema/);
    expect(checkSpec("double_it.json", { ...good, tests: good.tests.slice(0, 7) }, refs)).toEqual([expect.stringMatching(/7 tests, want 8 to 15/)]);
    expect(checkSpec("double_it.json", good, {})).toEqual([expect.stringMatching(/no reference program for double_it/)]);
    expect(checkSpec("other.json", good, refs)).toEqual([expect.stringMatching(/does not match the file name/)]);
    expect(checkSpec("double_it.json", { ...good, examples: [] }, refs)).toEqual([expect.stringMatching(/invalid capability spec/)]);
  });

  it("compares exactly: an output within the tester's tolerance but not equal is still a difference", () => {
    const near = { ...good, tests: [...good.tests.slice(1), { name: "n3", input: { n: 3 }, output: 6.000000000000001 }] };
    expect(checkSpec("double_it.json", near, refs)).toEqual([expect.stringMatching(/n3: expected 6\.000000000000001/)]);
  });
});
