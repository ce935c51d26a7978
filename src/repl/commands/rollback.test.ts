import { afterAll, beforeAll, expect, it } from "vitest";
import { installDouble, openHarness } from "../../../tests/repl/harness.ts";
import type { Harness } from "../../../tests/repl/harness.ts";
import { rollback } from "./rollback.ts";

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
  await installDouble(h, "1.0.0");
  await installDouble(h, "1.1.0", "export default function (input) { const n = input.n; return n + n; }\n");
});
afterAll(() => h.close());

it("/rollback makes the previous version active again", async () => {
  expect(await rollback.run(h.ctx(), "double_it")).toMatchObject({ type: "message", text: expect.stringContaining("double_it@1.0.0 is active") });
  expect((await h.runtime.hub.state()).capabilities["double_it"]!.active).toBe("double_it@1.0.0");
});
it("/rollback to a named version, and refuses a bad one", async () => {
  expect(await rollback.run(h.ctx(), "double_it 1.1.0")).toMatchObject({ type: "message" });
  expect((await h.runtime.hub.state()).capabilities["double_it"]!.active).toBe("double_it@1.1.0");
  expect(await rollback.run(h.ctx(), "double_it one")).toMatchObject({ type: "error", code: "usage" });
  expect(await rollback.run(h.ctx(), "")).toMatchObject({ type: "error", code: "usage" });
});
