/**
 * Every capability spec kept as a fixture (tests/fixtures/specs/**, tests/fixtures/strings/**) is a
 * valid spec: it parses with `parseSpec`, its examples and tests fit its own schemas, its capability
 * name is unique in its set (a folder of JSON files), and a held-out set shares no name with the set it
 * is held out from (the second and third held-out sets, specs/holdout and specs/holdout2, with no other
 * set at all). A malformed fixture fails here rather than skewing a benchmark run.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, describe, expect, it } from "vitest";
import { canonicalJson } from "../../src/events/index.ts";
import { parseSpec } from "../../src/spec/index.ts";
import type { CapabilitySpec } from "../../src/spec/index.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");
const ROOTS = [join(FIXTURES, "specs"), join(FIXTURES, "strings")];

/** Each folder holding JSON files is one set; returns set folder → its JSON files. */
function fixtureSets(roots: string[]): Map<string, string[]> {
  const sets = new Map<string, string[]>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".json")) sets.set(dir, [...(sets.get(dir) ?? []), path]);
    }
  };
  roots.forEach(walk);
  return sets;
}

interface Loaded {
  specs: CapabilitySpec[];
  problems: string[];
}

/** Parses every spec of one set and lists what is wrong with it, each problem prefixed by its file. */
function checkSet(files: string[], base: string): Loaded {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const problems: string[] = [];
  const specs: CapabilitySpec[] = [];
  const owner = new Map<string, string>();
  for (const file of [...files].sort()) {
    const where = relative(base, file);
    let spec: CapabilitySpec;
    try {
      spec = parseSpec(JSON.parse(readFileSync(file, "utf8")));
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}`);
      continue;
    }
    specs.push(spec);
    const first = owner.get(spec.capability);
    if (first) problems.push(`${where}: capability ${spec.capability} is also ${first}`);
    else owner.set(spec.capability, where);
    let fitsInput, fitsOutput;
    try {
      fitsInput = ajv.compile(spec.inputSchema);
      fitsOutput = ajv.compile(spec.outputSchema);
    } catch (error) {
      problems.push(`${where}: schema does not compile: ${(error as Error).message}`);
      continue;
    }
    const cases = [...spec.examples.map((e, i) => ({ ...e, name: `examples[${i}]` })), ...(spec.tests ?? [])];
    for (const c of cases) {
      if (!fitsInput(c.input)) problems.push(`${where}: ${c.name}: input does not fit inputSchema (${ajv.errorsText(fitsInput.errors)})`);
      if (!fitsOutput(c.output)) problems.push(`${where}: ${c.name}: output does not fit outputSchema (${ajv.errorsText(fitsOutput.errors)})`);
    }
    const names = (spec.tests ?? []).map((t) => t.name);
    if (new Set(names).size !== names.length) problems.push(`${where}: two tests share a name`);
  }
  return { specs, problems };
}

/** Cases of a spec as canonical strings, sorted: two specs hold the same cases when these are equal. */
function caseKeys(spec: CapabilitySpec, withTests: boolean): string[] {
  const cases = [...spec.examples, ...(withTests ? (spec.tests ?? []) : [])];
  return cases.map((c) => canonicalJson([c.input, c.output])).sort();
}

/** Capability names that `held` shares with any of `others`, sorted. */
function sharedNames(held: CapabilitySpec[], others: CapabilitySpec[][]): string[] {
  const taken = new Set(others.flat().map((s) => s.capability));
  return held.map((s) => s.capability).filter((n) => taken.has(n)).sort();
}

/** Held-out spec sets: each with the sets whose names it must not use. */
const HELD_OUT: [string, string[] | "every other set"][] = [
  ["specs/validation", ["specs/dev"]],
  ["specs/holdout", "every other set"],
  ["specs/holdout2", "every other set"],
  ["strings/validation", ["strings/dev"]],
];

const sets = fixtureSets(ROOTS);
const loaded = new Map([...sets].map(([dir, files]) => [dir, checkSet(files, FIXTURES)]));
const specsOf = (dir: string): CapabilitySpec[] => loaded.get(join(FIXTURES, dir))?.specs ?? [];
const setNames = [...sets.keys()].map((d) => relative(FIXTURES, d).split("\\").join("/"));

describe("fixture specs", () => {
  it("has the development and the held-out sets", () => {
    expect(setNames).toEqual(expect.arrayContaining(["specs/dev", "specs/validation", "specs/holdout", "specs/holdout2", "strings/dev", "strings/validation", "strings/all-constraints/dev", "strings/all-constraints/validation"]));
  });

  it.each([...sets.keys()].map((d) => [relative(FIXTURES, d)]))("%s: every spec parses, fits its schemas and has a unique name", (dir) => {
    const set = loaded.get(join(FIXTURES, dir));
    expect(set?.problems).toEqual([]);
    expect(set?.specs.length).toBeGreaterThan(0);
  });

  it("held-out sets share no capability with the sets they are held out from", () => {
    for (const [held, from] of HELD_OUT) {
      const others = from === "every other set" ? setNames.filter((n) => n !== held) : from;
      expect(others.length, held).toBeGreaterThan(0);
      expect(sharedNames(specsOf(held), others.map(specsOf)), `${held} vs ${others.join(", ")}`).toEqual([]);
    }
  });

  it("specs/holdout is a full second held-out set: at least 48 specs, 2 to 5 examples and 4 to 8 tests each", () => {
    const holdout = specsOf("specs/holdout");
    expect(holdout.length).toBeGreaterThanOrEqual(48);
    const offSize = holdout.filter((s) => s.examples.length < 2 || s.examples.length > 5 || (s.tests ?? []).length < 4 || (s.tests ?? []).length > 8);
    expect(offSize.map((s) => s.capability)).toEqual([]);
  });

  it("the strings benchmark's two protocols hold the same tasks and the same constraints", () => {
    for (const part of ["dev", "validation"]) {
      const split = loaded.get(join(FIXTURES, "strings", part))?.specs ?? [];
      const whole = new Map((loaded.get(join(FIXTURES, "strings", "all-constraints", part))?.specs ?? []).map((s) => [s.capability, s]));
      expect([...whole.keys()].sort(), part).toEqual(split.map((s) => s.capability).sort());
      for (const spec of split) {
        const all = whole.get(spec.capability);
        // The split protocol keeps each distinct constraint once; the benchmark's own may repeat some.
        expect(all && [...new Set(caseKeys(all, false))], spec.capability).toEqual([...new Set(caseKeys(spec, true))]);
        expect(all?.tests ?? [], spec.capability).toEqual([]);
        expect(spec.examples.length, spec.capability).toBeLessThanOrEqual(4);
      }
    }
  });
});

describe("the fixture check itself", () => {
  const dir = mkdtempSync(join(tmpdir(), "capsmith-fixtures-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, spec: unknown): string => {
    const file = join(dir, "set", name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(spec));
    return file;
  };
  const good = {
    capability: "double_it",
    description: "Twice n.",
    inputSchema: { type: "object", properties: { n: { type: "number" } }, required: ["n"] },
    outputSchema: { type: "number" },
    examples: [{ input: { n: 2 }, output: 4 }],
    tests: [{ name: "three", input: { n: 3 }, output: 6 }],
  };

  it("accepts a good spec", () => {
    expect(checkSet([write("good.json", good)], dir).problems).toEqual([]);
  });

  it("catches a spec that does not parse, an output off its schema, a duplicate name and a bad file", () => {
    const files = [
      write("a.json", good),
      write("b.json", good),
      write("c.json", { ...good, capability: "no_examples", examples: [] }),
      write("d.json", { ...good, capability: "wrong_type", tests: [{ name: "t", input: { n: 1 }, output: "2" }] }),
      write("e.json", { ...good, capability: "bad_input", examples: [{ input: { m: 1 }, output: 2 }] }),
    ];
    writeFileSync(join(dir, "set", "f.json"), "{ not json");
    const { problems } = checkSet([...files, join(dir, "set", "f.json")], dir);
    expect(problems).toEqual([
      expect.stringMatching(/^set\/b\.json: capability double_it is also set\/a\.json/),
      expect.stringMatching(/^set\/c\.json: invalid capability spec: examples/),
      expect.stringMatching(/^set\/d\.json: t: output does not fit outputSchema/),
      expect.stringMatching(/^set\/e\.json: examples\[0\]: input does not fit inputSchema/),
      expect.stringMatching(/^set\/f\.json: /),
    ]);
  });

  it("finds a capability a held-out set shares with any of the others", () => {
    const spec = (capability: string): CapabilitySpec => parseSpec({ ...good, capability });
    expect(sharedNames([spec("a_one"), spec("b_two")], [[spec("c_three")], []])).toEqual([]);
    expect(sharedNames([spec("b_two"), spec("a_one"), spec("d_four")], [[spec("c_three")], [spec("a_one"), spec("b_two")]])).toEqual(["a_one", "b_two"]);
  });

  it("compares the two protocols' cases as JSON values, whatever order their keys come in", () => {
    const pair = { ...good, inputSchema: { type: "object" }, examples: [{ input: { a: 1, b: 2 }, output: 3 }], tests: [] };
    const swapped = { ...pair, examples: [{ output: 3, input: { b: 2, a: 1 } }] };
    expect(caseKeys(parseSpec(pair), true)).toEqual(caseKeys(parseSpec(swapped), true));
    expect(caseKeys(parseSpec(pair), true)).not.toEqual(caseKeys(parseSpec({ ...pair, examples: [{ input: { a: 1, b: 2 }, output: 4 }] }), true));
  });
});
