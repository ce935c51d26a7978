/**
 * The check behind the reference tests of the hand-written spec sets (dev3, holdout2, holdout3): a
 * spec file is honest when it parses, has 2 to 4 examples and 8 to 15 tests, every case fits its
 * schemas, and the reference program written from its description gives exactly every expected
 * output. `describeReferenceSet` runs it over a whole set, with the checks a held-out set adds.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
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

const SPECS = join(import.meta.dirname, "..", "fixtures", "specs");

export interface ReferenceSet {
  /** The folder under tests/fixtures/specs; its references are `<set>.reference.mjs` beside it. */
  readonly set: string;
  /** How many specs it holds (held-out sets are fixed); at least this many for a development set. */
  readonly count: number;
  /**
   * A held-out set: nothing under src/ may name it (the synthesizer never reads it), and no
   * capability of these earlier sets may come back in it.
   */
  readonly heldOut?: { readonly earlier: readonly string[] };
}

/** Registers the tests that a spec set is honest; returns its references and a reader for its files. */
export async function describeReferenceSet(opts: ReferenceSet): Promise<{ reference: Record<string, Reference>; read(file: string): unknown }> {
  const dir = join(SPECS, opts.set);
  const { reference } = (await import(pathToFileURL(join(SPECS, `${opts.set}.reference.mjs`)).href)) as { reference: Record<string, Reference> };
  const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
  const read = (file: string): unknown => JSON.parse(readFileSync(join(dir, file), "utf8"));

  describe(`specs/${opts.set}`, () => {
    it(`holds ${opts.heldOut ? "" : "at least "}${opts.count} specs, one reference program for each and none left over`, () => {
      if (opts.heldOut) expect(files).toHaveLength(opts.count);
      else expect(files.length).toBeGreaterThanOrEqual(opts.count);
      expect(Object.keys(reference).sort()).toEqual(files.map((f) => f.replace(/\.json$/, "")));
    });

    it.each(files.map((f) => [f]))("%s: parses, fits its schemas and sizes, and its reference gives every expected output", (file) => {
      expect(checkSpec(file, read(file), reference)).toEqual([]);
    });

    const heldOut = opts.heldOut;
    if (!heldOut) return;
    it(`names no capability of an earlier set (${heldOut.earlier.join(", ")})`, () => {
      const earlier = new Set(heldOut.earlier.flatMap((set) => readdirSync(join(SPECS, set)).filter((f) => f.endsWith(".json"))));
      expect(files.filter((f) => earlier.has(f))).toEqual([]);
    });

    it("is not read by the synthesizer: nothing under src/ names the set, its reference or its cases", () => {
      const hits: string[] = [];
      const walk = (at: string): void => {
        for (const entry of readdirSync(at, { withFileTypes: true })) {
          const path = join(at, entry.name);
          if (entry.isDirectory()) walk(path);
          else if (/\.(ts|tsx|js|mjs)$/.test(entry.name) && readFileSync(path, "utf8").includes(opts.set)) hits.push(path);
        }
      };
      walk(join(import.meta.dirname, "..", "..", "src"));
      expect(hits).toEqual([]);
    });
  });
  return { reference, read };
}
