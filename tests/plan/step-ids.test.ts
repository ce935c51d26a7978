import { describe, expect, it } from "vitest";
import { ID_LENGTH, createStepIds, elementPath, fallbackPath, planHash, runId } from "../../src/agents/plan/index.ts";
import { plan } from "./support.ts";

const steps = [
  { id: "cost", capability: "total_cost", input: { items: "$input.items" } },
  { id: "enrich", capability: "lookup", input: { v: "$item" }, forEach: "$input.items" },
];

describe("step ids", () => {
  it("are stable across runs: the same plan and path give the same key", () => {
    const a = createStepIds(plan(steps));
    const b = createStepIds(plan(structuredClone(steps)));
    expect(a.planHash).toBe(b.planHash);
    expect(a.stepKey("cost")).toBe(b.stepKey("cost"));
    expect(a.stepKey("cost")).toMatch(new RegExp(`^[0-9a-f]{${ID_LENGTH}}$`));
  });

  it("differ for different paths, forEach indices and fallbacks", () => {
    const ids = createStepIds(plan(steps));
    const keys = ["cost", "enrich", elementPath("enrich", 0), elementPath("enrich", 3), fallbackPath("cost", "fix"), fallbackPath(elementPath("enrich", 3), "fix")].map(ids.stepKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(elementPath("enrich", 3)).toBe("enrich[3]");
    expect(fallbackPath("enrich[3]", "fix")).toBe("enrich[3]/fix");
  });

  it("differ between plans, even for the same path", () => {
    const other = plan(steps, null, { plan: "another_plan" });
    expect(createStepIds(other).stepKey("cost")).not.toBe(createStepIds(plan(steps)).stepKey("cost"));
    const changed = plan([{ ...steps[0], input: { items: "$input.other" } }, steps[1]]);
    expect(planHash(changed)).not.toBe(planHash(plan(steps)));
    expect(createStepIds(changed).stepKey("cost")).not.toBe(createStepIds(plan(steps)).stepKey("cost"));
  });

  it("derive the run id from plan hash, input and nonce; key order in the input does not matter", () => {
    const hash = planHash(plan(steps));
    const id = runId({ planHash: hash, input: { a: 1, b: 2 }, nonce: "1" });
    expect(runId({ planHash: hash, input: { b: 2, a: 1 }, nonce: "1" })).toBe(id);
    expect(runId({ planHash: hash, input: { a: 1, b: 2 }, nonce: "2" })).not.toBe(id);
    expect(runId({ planHash: hash, input: { a: 1, b: 3 }, nonce: "1" })).not.toBe(id);
    expect(runId({ planHash: hash.replace(/^./, hash[0] === "0" ? "1" : "0"), input: { a: 1, b: 2 }, nonce: "1" })).not.toBe(id);
    expect(id).toHaveLength(ID_LENGTH);
  });
});
