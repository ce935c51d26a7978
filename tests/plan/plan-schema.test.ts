import { describe, expect, it } from "vitest";
import { PlanError, parsePlan } from "../../src/agents/plan/index.ts";

const spec = { description: "d", inputSchema: { type: "object" }, outputSchema: { type: "number" }, examples: [{ input: {}, output: 0 }] };

function issuesOf(value: unknown): { path: string; message: string }[] {
  try {
    parsePlan(value);
  } catch (e) {
    expect(e).toBeInstanceOf(PlanError);
    expect((e as PlanError).code).toBe("invalid_plan");
    expect((e as PlanError).nextStep).toMatch(/capsmith help plan-format/);
    return (e as PlanError).details?.issues as { path: string; message: string }[];
  }
  throw new Error("parsePlan accepted an invalid plan");
}

const base = (steps: unknown[], output: unknown = null): unknown => ({ plan: "p", steps, output });

describe("parsePlan", () => {
  it("accepts a valid plan and fills defaults", () => {
    const plan = parsePlan({
      plan: "p",
      capabilities: { total_cost: spec },
      steps: [{ id: "a", capability: "total_cost", input: { x: "$input.x" }, when: "$input.go", onError: "continue" }],
      output: "$steps.a",
    });
    expect(plan.capabilities.total_cost?.constraints).toEqual([]);
    expect(plan.steps[0]?.when).toBe("$input.go");
    expect(parsePlan({ plan: "p", steps: [{ id: "a", capability: "total_cost", input: {} }], output: 1 }).capabilities).toEqual({});
  });

  it("reports zod issues with their paths", () => {
    const issues = issuesOf({ plan: "", steps: [{ id: "a", capability: "total_cost", input: {}, foreach: "$input.x" }, { id: "b", capability: "total_cost" }] });
    const paths = issues.map((i) => i.path);
    expect(paths).toContain("plan");
    expect(paths).toContain("steps.0");
    expect(issues.find((i) => i.path === "steps.0")?.message).toMatch(/foreach/);
    expect(issues.find((i) => i.path === "steps.1.input")?.message).toBe("is required");
    expect(issues.find((i) => i.path === "output")?.message).toBe("is required");
  });

  it("rejects a plan with no steps and a non-reference when/forEach", () => {
    expect(issuesOf(base([])).map((i) => i.path)).toEqual(["steps"]);
    const issues = issuesOf(base([{ id: "a", capability: "total_cost", input: {}, when: "yes", forEach: "$steps" }]));
    expect(issues.map((i) => i.path)).toEqual(["steps.0.when", "steps.0.forEach"]);
  });

  it("rejects capability names that do not match CAPABILITY_NAME, in steps and in the capabilities map", () => {
    const issues = issuesOf({ plan: "p", capabilities: { "Total-Cost": spec }, steps: [{ id: "a", capability: "TotalCost", input: {} }], output: null });
    expect(issues).toContainEqual({ path: "capabilities.Total-Cost", message: expect.stringMatching(/capability name must match/) });
    expect(issues).toContainEqual({ path: "steps.0.capability", message: expect.stringMatching(/capability name must match/) });
  });

  it("rejects a spec in the capabilities map that carries the capability field", () => {
    const issues = issuesOf({ plan: "p", capabilities: { total_cost: { ...spec, capability: "total_cost" } }, steps: [{ id: "a", capability: "total_cost", input: {} }], output: null });
    expect(issues.map((i) => i.path)).toEqual(["capabilities.total_cost"]);
  });

  it("rejects bad and reserved step ids", () => {
    const issues = issuesOf(base([{ id: "a.b", capability: "x_y", input: {} }, { id: "continue", capability: "x_y", input: {} }]));
    expect(issues.map((i) => i.path)).toEqual(["steps.0.id", "steps.1.id"]);
  });

  it("reports duplicate step ids at the duplicate", () => {
    const issues = issuesOf(base([{ id: "a", capability: "x_y", input: {} }, { id: "b", capability: "x_y", input: {} }, { id: "a", capability: "x_y", input: {} }]));
    expect(issues).toEqual([{ path: "steps.2.id", message: 'duplicate step id "a" (first used at steps.0)' }]);
  });

  it("reports a reference to an unknown step where it is, in input, when, forEach and output", () => {
    const issues = issuesOf(
      base([{ id: "a", capability: "x_y", input: { deep: [1, { v: "$steps.nope.x" }] }, when: "$steps.ghost", forEach: "$steps.gone.list" }], { r: "$steps.missing" }),
    );
    expect(issues).toEqual([
      { path: "steps.0.input.deep.1.v", message: 'reference "$steps.nope.x" names unknown step "nope"' },
      { path: "steps.0.when", message: 'reference "$steps.ghost" names unknown step "ghost"' },
      { path: "steps.0.forEach", message: 'reference "$steps.gone.list" names unknown step "gone"' },
      { path: "output.r", message: 'reference "$steps.missing" names unknown step "missing"' },
    ]);
  });

  it("reports malformed references inside input and output", () => {
    const issues = issuesOf(base([{ id: "a", capability: "x_y", input: { a: "$inputs", b: "$steps.", c: "$input..x", d: "$$input.literal", e: "$other" } }], "$item."));
    expect(issues.map((i) => i.path)).toEqual(["steps.0.input.a", "steps.0.input.b", "steps.0.input.c", "output"]);
    expect(issues[0]?.message).toMatch(/malformed reference "\$inputs"/);
  });

  it("reports a step that references itself", () => {
    const issues = issuesOf(base([{ id: "a", capability: "x_y", input: { v: "$steps.a" } }]));
    expect(issues).toEqual([{ path: "steps.0.input.v", message: 'step "a" references its own output' }]);
  });

  it("reports a cycle at the reference that closes it, naming the cycle", () => {
    const issues = issuesOf(
      base([
        { id: "a", capability: "x_y", input: { v: "$steps.c" } },
        { id: "b", capability: "x_y", input: { v: "$steps.a" } },
        { id: "c", capability: "x_y", input: {}, when: "$steps.b.ok" },
      ]),
    );
    expect(issues).toEqual([{ path: "steps.1.input.v", message: 'step "b" depends on "a", which closes a cycle: a → c → b → a' }]);
  });

  it("counts onError as an edge: a fallback that waits for its own primary is a cycle", () => {
    const issues = issuesOf(
      base([
        { id: "a", capability: "x_y", input: {}, onError: "fix" },
        { id: "b", capability: "x_y", input: { v: "$steps.a" } },
        { id: "fix", capability: "x_y", input: { v: "$steps.b" } },
      ]),
    );
    expect(issues).toEqual([{ path: "steps.1.input.v", message: 'step "b" depends on "a", which closes a cycle: a → fix → b → a' }]);
    const self = issuesOf(base([{ id: "a", capability: "x_y", input: {}, onError: "a" }]));
    expect(self).toEqual([{ path: "steps.0.onError", message: 'step "a" falls back to "a", which closes a cycle: a → a' }]);
  });

  it("reports onError naming an unknown step", () => {
    const issues = issuesOf(base([{ id: "a", capability: "x_y", input: {}, onError: "retry" }]));
    expect(issues).toEqual([{ path: "steps.0.onError", message: 'onError names unknown step "retry"; use "continue" or the id of a step in this plan' }]);
  });

  it("rejects direct references to a fallback step", () => {
    const issues = issuesOf(
      base(
        [
          { id: "a", capability: "x_y", input: {}, onError: "fix" },
          { id: "fix", capability: "x_y", input: {} },
          { id: "b", capability: "x_y", input: { v: "$steps.fix" } },
        ],
        "$steps.fix",
      ),
    );
    expect(issues.map((i) => i.path)).toEqual(["steps.2.input.v", "output"]);
    expect(issues[0]?.message).toMatch(/fallback step "fix", which runs only in place of a failed step/);
  });

  it("reports $item outside a forEach step, in forEach itself, and in the output", () => {
    const issues = issuesOf(
      base(
        [
          { id: "a", capability: "x_y", input: { v: "$item.name" } },
          { id: "b", capability: "x_y", input: {}, forEach: "$item.list" },
          { id: "c", capability: "x_y", input: { v: "$item" }, forEach: "$input.list", when: "$item.on" },
        ],
        { v: "$item" },
      ),
    );
    expect(issues.map((i) => i.path)).toEqual(["steps.0.input.v", "steps.1.forEach", "steps.2.when", "output.v"]);
    expect(issues[0]?.message).toMatch(/\$item is only defined inside a forEach step's input/);
  });

  it("lets the fallback of a forEach step use $item (it stands in for one element), but not a fallback of a plain step", () => {
    expect(() =>
      parsePlan(base([{ id: "a", capability: "x_y", input: { v: "$item" }, forEach: "$input.list", onError: "fix" }, { id: "fix", capability: "x_y", input: { v: "$item.name" }, when: "$item.retry" }])),
    ).not.toThrow();
    const issues = issuesOf(base([{ id: "a", capability: "x_y", input: {}, onError: "fix" }, { id: "fix", capability: "x_y", input: { v: "$item" } }]));
    expect(issues.map((i) => i.path)).toEqual(["steps.1.input.v"]);
  });

  it("summarises the first issue in the message", () => {
    expect(() => parsePlan(base([{ id: "a", capability: "x_y", input: { v: "$steps.zz" } }]))).toThrow(/invalid plan: steps.0.input.v: reference "\$steps.zz" names unknown step "zz"/);
  });
});
