import { describe, expect, it } from "vitest";
import { PlanError, classifyString, parseReference, referencedSteps, resolveReferences } from "../../src/agents/plan/index.ts";

const scope = {
  input: { items: [{ qty: 2, price: 3 }], budget: 10, flags: { on: true }, nothing: null },
  steps: new Map<string, unknown>([
    ["top", [{ name: "ada" }, { name: "bob" }]],
    ["cost", 6],
    ["skipped", null],
  ]),
};

function unresolvedError(fn: () => unknown): PlanError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PlanError);
    return e as PlanError;
  }
  throw new Error("expected reference_unresolved");
}

describe("references", () => {
  it("parses the three roots with dot paths", () => {
    expect(parseReference("$input")).toEqual({ text: "$input", root: "input", path: [] });
    expect(parseReference("$steps.top.0.name")).toEqual({ text: "$steps.top.0.name", root: "steps", stepId: "top", path: ["0", "name"] });
    expect(parseReference("$item.a")).toEqual({ text: "$item.a", root: "item", path: ["a"] });
    expect(parseReference("plain")).toBeUndefined();
    expect(classifyString("$$input.x")).toEqual({ kind: "literal", value: "$input.x" });
    expect(classifyString("$steps").kind).toBe("malformed");
    expect(classifyString("$5.00")).toEqual({ kind: "literal", value: "$5.00" });
  });

  it("resolves nested objects and arrays, array indices, and leaves literals alone", () => {
    const value = {
      items: "$input.items",
      first: "$steps.top.0.name",
      pair: ["$steps.cost", "$input.items.0.qty", 7, true, null, "text", "$$steps.literal"],
      deep: { flag: "$input.flags.on", whole: "$input" },
    };
    expect(resolveReferences(value, scope)).toEqual({
      items: [{ qty: 2, price: 3 }],
      first: "ada",
      pair: [6, 2, 7, true, null, "text", "$steps.literal"],
      deep: { flag: true, whole: scope.input },
    });
  });

  it("accepts the step outputs as a plain record too", () => {
    expect(resolveReferences("$steps.cost", { input: null, steps: { cost: 6 } })).toBe(6);
  });

  it("keeps a __proto__ key as data", () => {
    const out = resolveReferences(JSON.parse('{"__proto__": {"polluted": "$steps.cost"}}'), scope) as Record<string, unknown>;
    expect(Object.hasOwn(out, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("propagates null: a path into a skipped step's null output reads as null", () => {
    expect(resolveReferences({ t: "$steps.skipped.total.x", n: "$input.nothing.deeper" }, scope)).toEqual({ t: null, n: null });
  });

  it("fails with reference_unresolved naming the reference, the step and where the path stopped", () => {
    const missingKey = unresolvedError(() => resolveReferences({ a: ["$input.items.0.colour"] }, scope, { stepId: "cost", field: "input" }));
    expect(missingKey.code).toBe("reference_unresolved");
    expect(missingKey.message).toBe('reference "$input.items.0.colour" in step "cost" (input) did not resolve: $input.items.0 has no key "colour"');
    expect(missingKey.details).toMatchObject({ reference: "$input.items.0.colour", stepId: "cost", field: "input" });

    expect(unresolvedError(() => resolveReferences("$steps.top.5.name", scope, { stepId: "x" })).message).toMatch(/\$steps.top is a list of 2 with no index 5/);
    expect(unresolvedError(() => resolveReferences("$steps.top.first", scope)).message).toMatch(/no index first/);
    expect(unresolvedError(() => resolveReferences("$steps.cost.value", scope)).message).toMatch(/\$steps.cost is a number/);
    expect(unresolvedError(() => resolveReferences("$steps.later", scope)).message).toMatch(/step "later" has no output/);
    expect(unresolvedError(() => resolveReferences("$item", scope, { stepId: "s" })).message).toMatch(/only defined inside a forEach/);
    expect(unresolvedError(() => resolveReferences("$input.items.01", scope)).message).toMatch(/no index 01/);
  });

  it("resolves $item and paths into it", () => {
    const item = { name: "ada", tags: ["x", "y"] };
    expect(resolveReferences({ n: "$item.name", t: "$item.tags.1", all: "$item" }, { ...scope, item })).toEqual({ n: "ada", t: "y", all: item });
    expect(resolveReferences("$item", { ...scope, item: 0 })).toBe(0);
  });

  it("lists the steps a value depends on, once each, in order", () => {
    expect(referencedSteps({ a: "$steps.b.x", c: ["$steps.a", "$input.q", { d: "$steps.b" }], e: "$item", f: "$$steps.z" })).toEqual(["b", "a"]);
    expect(referencedSteps(42)).toEqual([]);
  });
});
