import { afterAll, beforeAll, expect, it } from "vitest";
import { installDouble, openHarness } from "../../../tests/repl/harness.ts";
import type { Harness } from "../../../tests/repl/harness.ts";
import { show } from "./show.ts";

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
  await installDouble(h);
});
afterAll(() => h.close());

it("/show finds a plugin by id or by capability and shows its code and tests", async () => {
  const byId = await show.run(h.ctx(), "double_it@1.0.0");
  expect(byId).toMatchObject({ type: "message", text: expect.stringContaining("double_it@1.0.0  active  tier T1") });
  expect((byId as { text: string }).text).toContain("return input.n * 2;");
  expect(await show.run(h.ctx(), "double_it")).toEqual(byId);
});
it("/show says what is wrong with a bad id", async () => {
  expect(await show.run(h.ctx(), "nope")).toMatchObject({ type: "error", code: "not_found" });
  expect(await show.run(h.ctx(), "")).toMatchObject({ type: "error", code: "usage" });
});
