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
it("/invoke refuses an input the schema does not accept as the caller's error, not the plugin's", async () => {
  const result = await invoke.run(h.ctx(), 'double_it {"n": "two"}');
  expect(result).toMatchObject({ type: "error", code: "input_invalid", message: expect.stringContaining("/n") });
  expect(JSON.stringify(result)).not.toMatch(/fix the plugin/i);
  expect((await h.runtime.hub.state()).plugins["double_it@1.0.0"]!.usage.failures).toBe(0);
});
it("/invoke offers a near match for a misspelt capability", async () => {
  expect(await invoke.run(h.ctx(), "double_itt {}")).toMatchObject({ type: "error", code: "capability_not_found", message: expect.stringContaining("Did you mean double_it") });
});
