import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openHarness, totalCostSpec } from "../../../tests/repl/harness.ts";
import type { Harness } from "../../../tests/repl/harness.ts";
import { run } from "./run.ts";

let h: Harness;
beforeAll(async () => (h = await openHarness({ roles: ["gap", "synthesizer", "tester", "governor"] })));
afterAll(() => h.close());

it("/run runs a plan, closing the gap of a missing capability on the way", async () => {
  const { capability: _c, ...spec } = totalCostSpec;
  const plan = { plan: "cost", capabilities: { total_cost: spec }, steps: [{ id: "cost", capability: "total_cost", input: { items: "$input.items" } }], output: { cost: "$steps.cost" } };
  await writeFile(join(h.dir, "plan.json"), JSON.stringify(plan));
  const ctx = h.ctx();
  const result = await run.run(ctx, 'plan.json {"items": [{"qty": 3, "price": 2.5}]}');
  expect(result).toMatchObject({ type: "json", value: { cost: 7.5 } });
  expect(ctx.activities.map((a) => a.type === "step" && a.text)).toEqual(expect.arrayContaining([expect.stringContaining("no plugin for total_cost yet"), expect.stringContaining("synthesized and published total_cost@1.0.0")]));
});

it("/run explains a bad plan", async () => {
  await writeFile(join(h.dir, "bad-plan.json"), JSON.stringify({ plan: "x", steps: [] }));
  expect(await run.run(h.ctx(), "bad-plan.json")).toMatchObject({ type: "error" });
  expect(await run.run(h.ctx(), "")).toMatchObject({ type: "error", code: "usage" });
});
