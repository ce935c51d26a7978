import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { installDouble, openHarness } from "../../../tests/repl/harness.ts";
import type { Harness } from "../../../tests/repl/harness.ts";
import { invoke } from "./invoke.ts";

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
  await installDouble(h);
});
afterAll(() => h.close());

it("/invoke runs the active plugin on inline JSON or a file", async () => {
  expect(await invoke.run(h.ctx(), 'double_it {"n": 21}')).toMatchObject({ type: "json", value: 42, title: expect.stringContaining("double_it@1.0.0") });
  await writeFile(join(h.dir, "in.json"), '{"n": 5}');
  expect(await invoke.run(h.ctx(), "double_it in.json")).toMatchObject({ type: "json", value: 10 });
  const state = await h.runtime.hub.state();
  expect(state.plugins["double_it@1.0.0"]!.usage.calls).toBe(2);
});
it("/invoke explains a missing capability, bad JSON and missing arguments", async () => {
  expect(await invoke.run(h.ctx(), "nothing {}")).toMatchObject({ type: "error", code: "capability_not_found", nextStep: expect.stringContaining("/need nothing") });
  await expect(invoke.run(h.ctx(), "double_it {n: 1}")).rejects.toMatchObject({ code: "invalid_json" });
  expect(await invoke.run(h.ctx(), "double_it")).toMatchObject({ type: "error", code: "usage" });
});
