import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PLAN_SCHEMA_FILE, renderPlanSchema } from "../../scripts/write-plan-schema.ts";

describe("schemas/plan.schema.json", () => {
  it("equals a fresh export of the zod plan schema (run `node scripts/write-plan-schema.ts` after changing it)", () => {
    expect(readFileSync(PLAN_SCHEMA_FILE, "utf8")).toBe(renderPlanSchema());
  });

  it("describes the plan fields and the reference grammar", () => {
    const schema = JSON.parse(renderPlanSchema()) as { required: string[]; properties: { steps: { items: { properties: Record<string, { pattern?: string }> } } } };
    expect(schema.required).toEqual(["plan", "steps", "output"]);
    const step = schema.properties.steps.items.properties;
    expect(Object.keys(step)).toEqual(["id", "capability", "version", "description", "input", "when", "forEach", "onError"]);
    expect(new RegExp(step.when?.pattern ?? "").test("$steps.top.0.name")).toBe(true);
    expect(new RegExp(step.when?.pattern ?? "").test("$steps")).toBe(false);
  });
});
