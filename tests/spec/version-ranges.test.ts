/** Specs and plan steps may carry a semver range; anything else there is refused at the edge with its path. */
import { describe, expect, it } from "vitest";
import { parsePlan } from "../../src/agents/plan/index.ts";
import { parseSpec } from "../../src/spec/index.ts";
import { loadTask } from "../support/tasks.ts";

const spec = loadTask("total_cost");
const { capability: _c, ...planSpec } = spec;
const plan = (step: Record<string, unknown>) => ({
  plan: "p",
  capabilities: { total_cost: planSpec },
  steps: [{ id: "cost", capability: "total_cost", input: { items: "$input.items" }, ...step }],
  output: "$steps.cost",
});

describe("version ranges", () => {
  it("are accepted on a spec and on a plan step", () => {
    expect(parseSpec({ ...spec, version: "^1.2.0" }).version).toBe("^1.2.0");
    expect(parsePlan(plan({ version: ">=1.0.0 <3.0.0" })).steps[0]!.version).toBe(">=1.0.0 <3.0.0");
    expect(parsePlan({ ...plan({}), capabilities: { total_cost: { ...planSpec, version: "1.x" } } }).capabilities["total_cost"]!.version).toBe("1.x");
  });

  it("are optional: a step without one takes any version", () => {
    expect(parsePlan(plan({})).steps[0]!.version).toBeUndefined();
  });

  it("refuse what is not a semver range, with the path", () => {
    expect(() => parseSpec({ ...spec, version: "latest please" })).toThrow(/version: must be a semver range/);
    for (const version of ["one", 1, "^1.2.0".repeat(60)]) {
      try {
        parsePlan(plan({ version }));
        throw new Error("accepted");
      } catch (e) {
        expect((e as { code: string }).code).toBe("invalid_plan");
        expect((e as { details: { issues: { path: string }[] } }).details.issues[0]!.path).toBe("steps.0.version");
      }
    }
  });
});
