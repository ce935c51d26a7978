import { afterAll, beforeAll, expect, it } from "vitest";
import { installDouble, openHarness } from "../../../tests/repl/harness.ts";
import type { Harness } from "../../../tests/repl/harness.ts";
import { replay } from "./replay.ts";

let h: Harness;
beforeAll(async () => (h = await openHarness()));
afterAll(() => h.close());

it("/replay shows the hub now and as of an earlier point", async () => {
  await installDouble(h, "1.0.0");
  const mid = await h.log.lastSeq();
  await installDouble(h, "1.1.0");
  const now = await replay.run(h.ctx(), "");
  expect(now).toMatchObject({ type: "table", rows: [["double_it", "double_it@1.1.0", "double_it@1.0.0, double_it@1.1.0"]] });
  const then = await replay.run(h.ctx(), String(mid));
  expect(then).toMatchObject({ type: "table", rows: [["double_it", "double_it@1.0.0", "double_it@1.0.0"]], title: expect.stringContaining(`as of seq ${mid}`) });
});
