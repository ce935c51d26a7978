import { describe, expect, it } from "vitest";
import { SpecError, jsonEqual, parseSpec } from "../../src/spec/index.ts";

const valid = {
  capability: "total_cost",
  description: "Sum of qty * price.",
  inputSchema: { type: "object" },
  outputSchema: { type: "number" },
  constraints: ["deterministic", "schema_validated"],
  examples: [{ input: { items: [] }, output: 0 }],
  tests: [{ name: "golden_1", input: { items: [] }, output: 0 }],
};

function issuesOf(value: unknown): { path: string; message: string }[] {
  try {
    parseSpec(value);
  } catch (err) {
    expect(err).toBeInstanceOf(SpecError);
    expect((err as SpecError).code).toBe("invalid_spec");
    expect((err as SpecError).nextStep).toBeTruthy();
    return (err as SpecError).details?.["issues"] as { path: string; message: string }[];
  }
  throw new Error("expected parseSpec to throw");
}

describe("parseSpec", () => {
  it("accepts a spec in docs/spec-format.md and keeps its fields", () => {
    const spec = parseSpec(valid);
    expect(spec.capability).toBe("total_cost");
    expect(spec.examples).toHaveLength(1);
    expect(spec.tests?.[0]?.name).toBe("golden_1");
  });

  it("defaults constraints to none and tests to absent", () => {
    const { constraints: _c, tests: _t, ...rest } = valid;
    const spec = parseSpec(rest);
    expect(spec.constraints).toEqual([]);
    expect(spec.tests).toBeUndefined();
  });

  it("rejects an unknown constraint instead of ignoring it", () => {
    const issues = issuesOf({ ...valid, constraints: ["deterministic", "fast"] });
    expect(issues.map((i) => i.path)).toContain("constraints.1");
  });

  it("rejects capability names outside [a-z][a-z0-9_]{1,63}", () => {
    for (const name of ["Total", "1abc", "a", "has-dash", "x".repeat(65)]) {
      expect(issuesOf({ ...valid, capability: name }).map((i) => i.path)).toContain("capability");
    }
    expect(parseSpec({ ...valid, capability: "ab" }).capability).toBe("ab");
  });

  it("keeps the outputs offered with an answered example, and refuses a bad offer", () => {
    const answered = { input: { items: [{ qty: 1, price: 2 }] }, output: 2, offered: [3, "three"] };
    expect(parseSpec({ ...valid, examples: [...valid.examples, answered] }).examples[1]).toEqual(answered);
    expect(issuesOf({ ...valid, examples: [{ ...answered, offered: 3 }] }).map((i) => i.path)).toContain("examples.0.offered");
    expect(issuesOf({ ...valid, examples: [{ ...answered, offered: [] }] }).map((i) => i.path)).toContain("examples.0.offered");
    expect(issuesOf({ ...valid, examples: [{ ...answered, offered: Array.from({ length: 9 }, (_, i) => i) }] }).map((i) => i.path)).toContain("examples.0.offered");
  });

  it("requires at least one example", () => {
    expect(issuesOf({ ...valid, examples: [] }).map((i) => i.path)).toContain("examples");
    expect(issuesOf({ ...valid, examples: undefined }).map((i) => i.path)).toContain("examples");
  });

  it("reports every problem with its path, including unknown top-level fields", () => {
    const issues = issuesOf({ ...valid, inputSchema: 3, extra: true, tests: [{ input: 1, output: 2 }] });
    const paths = issues.map((i) => i.path);
    expect(paths).toContain("inputSchema");
    expect(paths).toContain("tests.0.name");
    expect(issues.some((i) => i.path === "(root)" && /extra/.test(i.message))).toBe(true);
  });
});

describe("jsonEqual", () => {
  it("treats numbers within 1e-9 relative tolerance as equal", () => {
    expect(jsonEqual(6.666666666666667, 20 / 3)).toBe(true);
    expect(jsonEqual(0.1 + 0.2, 0.3)).toBe(true);
    expect(jsonEqual(1e12, 1e12 + 0.5)).toBe(true);
    expect(jsonEqual(1, 1 + 1e-6)).toBe(false);
    expect(jsonEqual(0, 1e-12)).toBe(false);
  });

  it("ignores object key order but not array order", () => {
    expect(jsonEqual({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(jsonEqual({ a: 1, b: 2 }, { a: 1, c: 2 })).toBe(false);
  });

  it("does not confuse types", () => {
    expect(jsonEqual("1", 1)).toBe(false);
    expect(jsonEqual([], {})).toBe(false);
    expect(jsonEqual(null, {})).toBe(false);
    expect(jsonEqual(null, null)).toBe(true);
    expect(jsonEqual(true, 1)).toBe(false);
    expect(jsonEqual([{ x: [1, { y: "z" }] }], [{ x: [1, { y: "z" }] }])).toBe(true);
  });
});
