/**
 * The check behind the reference tests of the hand-written spec sets (holdout2, dev3): a spec file
 * is honest when it parses, has 2 to 4 examples and 8 to 15 tests, every case fits its schemas,
 * and the reference program written from its description gives exactly every expected output.
 */
import { isDeepStrictEqual } from "node:util";
import { parseSpec, validateInput, validateOutput } from "../../src/spec/index.ts";

export type Reference = (input: unknown) => unknown;

/** What is wrong with one spec file: empty when it parses, fits its sizes and schemas and its reference agrees. */
export function checkSpec(file: string, raw: unknown, references: Record<string, Reference>): string[] {
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
