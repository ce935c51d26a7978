import { describe, expect, it } from "vitest";
import { createStepIds, executePlan, parsePlan } from "../../src/agents/plan/index.ts";
import type { StepInvocation } from "../../src/agents/plan/index.ts";
import { recorder, tableInvoke } from "./support.ts";

/** The example of docs/plan-format.md, with its two specs written out. */
const budgetReview = {
  plan: "budget_review",
  capabilities: {
    total_cost: {
      description: "Sum of qty * price over the items.",
      inputSchema: { type: "object", properties: { items: { type: "array" } }, required: ["items"] },
      outputSchema: { type: "number" },
      constraints: ["deterministic"],
      examples: [{ input: { items: [{ qty: 2, price: 3 }] }, output: 6 }],
      tests: [{ name: "golden_1", input: { items: [] }, output: 0 }],
    },
    within_budget: {
      description: "True when the items' total cost is at most the budget.",
      inputSchema: { type: "object", properties: { budget: { type: "number" }, items: { type: "array" } }, required: ["budget", "items"] },
      outputSchema: { type: "boolean" },
      examples: [{ input: { budget: 5, items: [{ qty: 2, price: 3 }] }, output: false }],
    },
  },
  steps: [
    { id: "cost", capability: "total_cost", input: { items: "$input.items" } },
    { id: "check", capability: "within_budget", input: { budget: "$input.budget", items: "$input.items" } },
  ],
  output: { cost: "$steps.cost", ok: "$steps.check" },
};

type Item = { qty: number; price: number };
const total = (items: Item[]): number => items.reduce((sum, i) => sum + i.qty * i.price, 0);

describe("the example in docs/plan-format.md", () => {
  it("parses, runs both steps in parallel with their inputs resolved, and returns the output", async () => {
    const plan = parsePlan(budgetReview);
    const seen: StepInvocation[] = [];
    const table = tableInvoke({
      total_cost: (i) => total((i as { items: Item[] }).items),
      within_budget: (i) => total((i as { items: Item[] }).items) <= (i as { budget: number }).budget,
    });
    const rec = recorder();
    const input = { items: [{ qty: 2, price: 3 }, { qty: 1, price: 10 }], budget: 20 };
    const result = await executePlan(plan, input, { invoke: (s, signal) => (seen.push(s), table(s, signal)), onEvent: rec.onEvent });

    expect(result).toEqual({ ok: true, output: { cost: 16, ok: true }, steps: { cost: 16, check: true } });
    expect(rec.log).toEqual(["started:cost", "started:check", "finished:cost", "finished:check", "run:ok"]);
    const ids = createStepIds(plan);
    expect(seen).toEqual([
      { id: "cost", stepKey: ids.stepKey("cost"), path: "cost", capability: "total_cost", input: { items: input.items } },
      { id: "check", stepKey: ids.stepKey("check"), path: "check", capability: "within_budget", input: { budget: 20, items: input.items } },
    ]);
    expect(seen[0]?.input).not.toBe(input.items); // the callee gets a copy
  });

  it("fails with the step and capability named when a capability is missing", async () => {
    const plan = parsePlan(budgetReview);
    const result = await executePlan(plan, { items: [], budget: 1 }, { invoke: tableInvoke({ total_cost: () => 0 }) });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toBe('step "check" (capability within_budget) failed: capability_not_found: no plugin for within_budget');
      expect(result.steps).toEqual({ cost: 0 });
    }
  });
});
