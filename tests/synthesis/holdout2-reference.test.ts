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
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { parseSpec, validateInput, validateOutput } from "../../src/spec/index.ts";

type Reference = (input: unknown) => unknown;

const SPECS = join(import.meta.dirname, "..", "fixtures", "specs");
const DIR = join(SPECS, "holdout2");
const { reference } = (await import(pathToFileURL(join(SPECS, "holdout2.reference.mjs")).href)) as { reference: Record<string, Reference> };

/** What is wrong with one spec file: empty when it parses, fits its sizes and schemas and its reference agrees. */
function checkSpec(file: string, raw: unknown, references: Record<string, Reference>): string[] {
  let spec;
  try {
    spec = parseSpec(raw);
  } catch (error) {
    return [`${file}: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  if (`${spec.capability}.json` !== file) problems.push(`${file}: capability ${spec.capability} does not match the file name`);
  const tests = spec.tests ?? [];
  if (spec.examples.length < 2 || spec.examples.length > 4) problems.push(`${file}: ${spec.examples.length} examples, want 2 to 4`);
  if (tests.length < 8 || tests.length > 15) problems.push(`${file}: ${tests.length} tests, want 8 to 15`);
  const f = references[spec.capability];
  if (!f) return [...problems, `${file}: no reference program for ${spec.capability}`];
  const cases = [...spec.examples.map((e, i) => ({ ...e, name: `examples[${i}]` })), ...tests];
  for (const c of cases) {
    const input = validateInput(spec.inputSchema, c.input, { subject: spec.capability });
    if (!input.ok) problems.push(`${file}: ${c.name}: input does not fit inputSchema: ${input.error.message}`);
    const output = validateOutput(spec.outputSchema, c.output, { subject: spec.capability });
    if (!output.ok) problems.push(`${file}: ${c.name}: output does not fit outputSchema: ${output.error.message}`);
    let got: unknown;
    try {
      got = f(structuredClone(c.input));
    } catch (error) {
      problems.push(`${file}: ${c.name}: the reference throws: ${(error as Error).message}`);
      continue;
    }
    // Exact: the reference computed these outputs, so any difference means the file or the reference changed.
    if (!isDeepStrictEqual(got, c.output)) problems.push(`${file}: ${c.name}: expected ${JSON.stringify(c.output)}, the reference gives ${JSON.stringify(got)}`);
  }
  return problems;
}

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
