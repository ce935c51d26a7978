import { afterAll, beforeAll, expect, it } from "vitest";
import { installDouble, openHarness } from "../../../tests/repl/harness.ts";
import type { Harness } from "../../../tests/repl/harness.ts";
import { slo } from "./slo.ts";

let h: Harness;
beforeAll(async () => (h = await openHarness()));
afterAll(() => h.close());

it("/slo shows calls, failures and availability per plugin from the SLO projection", async () => {
  expect(await slo.run(h.ctx(), "")).toMatchObject({ type: "message" });
  await installDouble(h);
  const plugin = h.runtime.invoker.resolve(await h.runtime.hub.state(), "double_it")!;
  await h.runtime.invoker.invoke(plugin, { n: 1 });
  await h.runtime.invoker.invoke(plugin, { n: 2 });
  await h.runtime.invoker.invoke(plugin, "not an object"); // fails: n of a string is no number
  const result = await slo.run(h.ctx(), "double_it@1.0.0 24h");
  expect(result.type).toBe("table");
  if (result.type !== "table") return;
  const row = result.rows.find((r) => r[0] === "double_it@1.0.0")!;
  expect(row.slice(0, 4)).toEqual(["double_it@1.0.0", "3", "1", "66.67%"]);
  expect(Number(row[4])).toBeGreaterThan(0);
  expect(result.title).toContain("last 24h");
});
