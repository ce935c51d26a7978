/**
 * The third held-out set (tests/fixtures/specs/holdout2) is honest: every spec parses with the
 * project's spec parser, has 2 to 4 examples and 8 to 15 tests, every case fits the spec's schemas
 * (validateInput / validateOutput), and the reference program written from the description alone
 * (holdout2.reference.mjs) gives exactly the expected output on every example and test. A wrong
 * expected output, or a description that no longer matches its cases, fails here and not in a
 * benchmark figure. The synthesizer is never run here: the set is measured, not tuned on.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { checkSpec } from "../support/reference-specs.ts";
import type { Reference } from "../support/reference-specs.ts";

const SPECS = join(import.meta.dirname, "..", "fixtures", "specs");
const DIR = join(SPECS, "holdout2");
const { reference } = (await import(pathToFileURL(join(SPECS, "holdout2.reference.mjs")).href)) as { reference: Record<string, Reference> };

const files = readdirSync(DIR).filter((f) => f.endsWith(".json")).sort();
const read = (file: string): unknown => JSON.parse(readFileSync(join(DIR, file), "utf8"));

describe("specs/holdout2", () => {
  it("holds 72 specs, one reference program for each and none left over", () => {
    expect(files).toHaveLength(72);
    const names = files.map((f) => f.replace(/\.json$/, ""));
    expect(Object.keys(reference).sort()).toEqual(names);
  });

  it.each(files.map((f) => [f]))("%s: parses, fits its schemas and sizes, and its reference gives every expected output", (file) => {
    expect(checkSpec(file, read(file), reference)).toEqual([]);
  });

  it("is not read by the synthesizer: nothing under src/ names the set, its reference or its cases", () => {
    const hits: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(ts|tsx|js|mjs)$/.test(entry.name) && /holdout2/.test(readFileSync(path, "utf8"))) hits.push(path);
      }
    };
    walk(join(import.meta.dirname, "..", "..", "src"));
    expect(hits).toEqual([]);
  });
});

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
