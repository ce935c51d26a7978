/**
 * The check behind the reference tests of the hand-written spec sets (dev3, holdout2, holdout3): a
 * spec file is honest when it parses, has 2 to 4 examples and 8 to 15 tests, every case fits its
 * schemas, and the reference program written from its description gives exactly every expected
 * output. `describeReferenceSet` runs it over a whole set, with the checks a held-out set adds and,
 * where asked, that every reference is total over its input schema.
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
  /**
   * Each reference is total over its input schema (holdout16 on): fed every schema-fitting
   * variation of its cases, it returns an output that fits the output schema and never throws,
   * because the bench's answering person asks these programs about inputs no spec lists.
   */
  readonly total?: true;
}

const NUMBERS = [0, -0, 1, -1, 0.5, 2.5, -7.25, 99, 100, 1e9, -1e9, 1e-9, 2 ** 53 + 1];
const TEXTS = ["", " ", "__proto__", "a\r\nb\n\nc", "\u{1F600}\uD800", "Re: (x) @y [ ] - [x] 12A H2O", "x".repeat(5000), "2024-02-29", "0000-01-01", "9999-12-31", "2026-02-31", "1900-02-29", "2026-04-31",
  "2026-12-31T23:59:59", "0000-01-01T00:00:00", "2026-02-30T12:00:00", "23:59", "00:00", "1900-01", "2099-12", "https://www.a.b/", "HTTP://?#", "H", "Xx99O0", "1A", "99F", "a", "z"];

/** Every value that differs from `value` in one place: a number, a text or a boolean swapped, a list emptied, grown or cut, a field dropped or a `__proto__` field added. */
export function variations(value: unknown): unknown[] {
  if (typeof value === "number") return NUMBERS.filter((n) => !Object.is(n, value));
  if (typeof value === "string") return TEXTS.filter((t) => t !== value);
  if (typeof value === "boolean") return [!value];
  if (Array.isArray(value)) {
    const out: unknown[] = [[], value.slice(1), [...value, ...value], Array.from({ length: 400 }, (_, i) => value[i % Math.max(1, value.length)]).filter((v) => v !== undefined)];
    value.forEach((item, i) => {
      for (const v of variations(item)) out.push(value.map((x, j) => (j === i ? v : x)));
    });
    return out;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    const out: unknown[] = [Object.fromEntries([...entries, ["__proto__", entries[0]?.[1] ?? 1]])];
    entries.forEach(([k, x], i) => {
      out.push(Object.fromEntries(entries.filter((_, j) => j !== i)));
      for (const v of variations(x)) out.push(Object.fromEntries(entries.map(([k2, x2]) => [k2, k2 === k ? v : x2])));
    });
    return out;
  }
  return [];
}

/** What goes wrong when `f` meets the schema-fitting variations of the spec's cases, and how many it met. */
function totality(spec: { capability: string; inputSchema: unknown; outputSchema: unknown; examples: { input: unknown }[]; tests: { input: unknown }[] }, f: Reference): { problems: string[]; tried: number } {
  const problems: string[] = [];
  let tried = 0;
  for (const c of [...spec.examples, ...spec.tests]) {
    for (const input of variations(c.input)) {
      if (!validateInput(spec.inputSchema, input, { subject: spec.capability }).ok) continue;
      tried++;
      try {
        const out = f(structuredClone(input));
        const fits = validateOutput(spec.outputSchema, out, { subject: spec.capability });
        if (!fits.ok) problems.push(`${JSON.stringify(input).slice(0, 200)} -> ${JSON.stringify(out)?.slice(0, 200)}: ${fits.error.message}`);
      } catch (error) {
        problems.push(`${JSON.stringify(input).slice(0, 200)} throws ${(error as Error).message}`);
      }
    }
  }
  return { problems, tried };
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

    if (opts.total) {
      it.each(files.map((f) => [f]))("%s: its reference returns an output fitting the output schema on every schema-fitting variation of its cases", (file) => {
        const spec = read(file) as Parameters<typeof totality>[0];
        const { problems, tried } = totality(spec, reference[spec.capability] as Reference);
        expect(problems.slice(0, 5)).toEqual([]);
        expect(tried).toBeGreaterThan(20);
      });
    }

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
