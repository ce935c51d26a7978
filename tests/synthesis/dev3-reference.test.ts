/**
 * The dev3 development set (tests/fixtures/specs/dev3, written by scripts/make-dev3-specs.ts) is
 * honest: every spec parses, has 2 to 4 examples and 8 to 15 tests, every case fits the spec's
 * schemas, and the reference program written from the description (dev3.reference.mjs) gives
 * exactly the expected output on every example and test. The synthesizer is not run here.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { parseSpec, validateInput, validateOutput } from "../../src/spec/index.ts";

type Reference = (input: unknown) => unknown;

const SPECS = join(import.meta.dirname, "..", "fixtures", "specs");
const DIR = join(SPECS, "dev3");
const { reference } = (await import(pathToFileURL(join(SPECS, "dev3.reference.mjs")).href)) as { reference: Record<string, Reference> };

/** What is wrong with one spec file: empty when it parses, fits its sizes and schemas and its reference agrees. */
function checkSpec(file: string, raw: unknown): string[] {
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
  const f = reference[spec.capability];
  if (!f) return [...problems, `${file}: no reference program for ${spec.capability}`];
  for (const c of [...spec.examples.map((e, i) => ({ ...e, name: `examples[${i}]` })), ...tests]) {
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
    if (!isDeepStrictEqual(got, c.output)) problems.push(`${file}: ${c.name}: expected ${JSON.stringify(c.output)}, the reference gives ${JSON.stringify(got)}`);
  }
  return problems;
}

const files = readdirSync(DIR).filter((f) => f.endsWith(".json")).sort();

describe("specs/dev3", () => {
  it("holds one reference program for each spec and none left over", () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(reference).sort()).toEqual(files.map((f) => f.replace(/\.json$/, "")));
  });

  it.each(files.map((f) => [f]))("%s: parses, fits its schemas and sizes, and its reference gives every expected output", (file) => {
    expect(checkSpec(file, JSON.parse(readFileSync(join(DIR, file), "utf8")))).toEqual([]);
  });

  it("catches a wrong expected output", () => {
    const raw = JSON.parse(readFileSync(join(DIR, "order_subtotal.json"), "utf8")) as { tests: { output: number }[] };
    (raw.tests[0] as { output: number }).output += 1;
    expect(checkSpec("order_subtotal.json", raw).join("\n")).toMatch(/golden_1: expected .*, the reference gives/);
  });
});
