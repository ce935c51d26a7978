import { afterAll, beforeAll, expect, it } from "vitest";
import { installDouble, openHarness } from "../../../tests/repl/harness.ts";
import type { Harness } from "../../../tests/repl/harness.ts";
import { revert } from "./revert.ts";

let h: Harness;
beforeAll(async () => (h = await openHarness()));
afterAll(() => h.close());

it("/revert asks first, then undoes hub changes after the point", async () => {
  const before = await h.log.lastSeq();
  await installDouble(h);
  expect(await revert.run(h.ctx(["n"]), String(before))).toMatchObject({ type: "message", text: "Nothing reverted." });
  expect((await h.runtime.hub.state()).capabilities["double_it"]?.active).toBe("double_it@1.0.0");
  const done = await revert.run(h.ctx(["y"]), String(before));
  expect(done).toMatchObject({ type: "message", text: expect.stringContaining(`hub reverted to seq ${before}`) });
  expect((await h.runtime.hub.state()).capabilities["double_it"]?.active ?? null).toBeNull();
});
it("/revert needs a seq or a time", async () => {
  expect(await revert.run(h.ctx(), "")).toMatchObject({ type: "error", code: "usage" });
  await expect(revert.run(h.ctx(), "yesterday")).rejects.toMatchObject({ code: "usage" });
});
