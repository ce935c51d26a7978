import { afterAll, beforeAll, expect, it } from "vitest";
import { installDouble, openHarness } from "../../../tests/repl/harness.ts";
import type { Harness } from "../../../tests/repl/harness.ts";
import { slo } from "./slo.ts";

let h: Harness;
beforeAll(async () => (h = await openHarness()));
afterAll(() => h.close());

it("/slo shows calls, failures and availability per plugin from the SLO projection", async () => {
  expect(await slo.run(h.ctx(), "")).toMatchObject({ type: "message" });
  await installDouble(h, "1.0.0", 'export default function (input) { if (input.n === 13) throw new Error("unlucky"); return input.n * 2; }\n');
  const plugin = h.runtime.invoker.resolve(await h.runtime.hub.state(), "double_it")!;
  await h.runtime.invoker.invoke(plugin, { n: 1 });
  await h.runtime.invoker.invoke(plugin, { n: 2 });
  await h.runtime.invoker.invoke(plugin, { n: 13 }); // the plugin fails on a valid input
  await h.runtime.invoker.invoke(plugin, "not an object"); // the caller's error: refused before the plugin, not the plugin's failure
  const result = await slo.run(h.ctx(), "double_it@1.0.0 24h");
  expect(result.type).toBe("table");
  if (result.type !== "table") return;
  const row = result.rows.find((r) => r[0] === "double_it@1.0.0")!;
  expect(row.slice(0, 4)).toEqual(["double_it@1.0.0", "3", "1", "66.67%"]);
  expect(Number(row[4])).toBeGreaterThan(0);
  expect(result.title).toContain("last 24h");
});

it("/slo takes a capability for every version of it, says so, and points to a window with calls", async () => {
  await installDouble(h, "1.1.0");
  const plugin = h.runtime.invoker.resolve(await h.runtime.hub.state(), "double_it")!;
  expect(plugin.id).toBe("double_it@1.1.0");
  await h.runtime.invoker.invoke(plugin, { n: 5 });
  const result = await slo.run(h.ctx(), "double_it");
  expect(result.type).toBe("table");
  if (result.type !== "table") return;
  expect(result.title).toContain("for capability double_it (every version: double_it@1.0.0, double_it@1.1.0)");
  expect(result.rows.map((r) => [r[0], r[1]])).toEqual([["double_it@1.0.0", "3"], ["double_it@1.1.0", "1"]]);
  expect(await slo.run(h.ctx(), "no_such_thing")).toMatchObject({ type: "message", text: expect.stringContaining("no calls of no_such_thing") });
});
