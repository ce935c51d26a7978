import { afterAll, beforeAll, expect, it } from "vitest";
import { installDouble, openHarness } from "../../../tests/repl/harness.ts";
import type { Harness } from "../../../tests/repl/harness.ts";
import { plugins } from "./plugins.ts";

let h: Harness;
beforeAll(async () => (h = await openHarness()));
afterAll(() => h.close());

it("/plugins says how to start when there are none, then lists them, each version's status saying which is active", async () => {
  expect(await plugins.run(h.ctx(), "")).toMatchObject({ type: "message", text: expect.stringContaining("/need") });
  await installDouble(h, "1.0.0");
  await installDouble(h, "1.1.0");
  const result = await plugins.run(h.ctx(), "");
  expect(result.type).toBe("table");
  if (result.type !== "table") return;
  expect(result.rows.map((r) => r.slice(0, 3))).toEqual([["double_it@1.0.0", "inactive", "T1"], ["double_it@1.1.0", "active", "T1"]]);
  expect(result.columns).toEqual(["plugin", "status", "tier", "profile", "calls", "fails", "origin"]);
});
