import { afterAll, beforeAll, expect, it } from "vitest";
import { installDouble, openHarness } from "../../../tests/repl/harness.ts";
import type { Harness } from "../../../tests/repl/harness.ts";
import { percentile, slo } from "./slo.ts";

let h: Harness;
beforeAll(async () => (h = await openHarness()));
afterAll(() => h.close());

it("percentiles are nearest-rank", () => {
  expect(percentile([1, 2, 3, 4], 50)).toBe(2);
  expect(percentile([1, 2, 3, 4], 99)).toBe(4);
  expect(percentile([], 50)).toBeNull();
});

it("/slo counts calls and failures per plugin", async () => {
  expect(await slo.run(h.ctx(), "")).toMatchObject({ type: "message" });
  await installDouble(h);
  const plugin = h.runtime.invoker.resolve(await h.runtime.hub.state(), "double_it")!;
  await h.runtime.invoker.invoke(plugin, { n: 1 });
  await h.runtime.invoker.invoke(plugin, { n: 2 });
  const result = await slo.run(h.ctx(), "");
  expect(result.type).toBe("table");
  if (result.type !== "table") return;
  const row = result.rows.find((r) => r[0] === "double_it@1.0.0")!;
  expect(row.slice(0, 4)).toEqual(["double_it@1.0.0", "2", "0", "0.0%"]);
  expect(Number(row[4])).toBeGreaterThan(0);
});
