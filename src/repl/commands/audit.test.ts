import { afterAll, beforeAll, expect, it } from "vitest";
import { installDouble, openHarness } from "../../../tests/repl/harness.ts";
import type { Harness } from "../../../tests/repl/harness.ts";
import { audit } from "./audit.ts";

let h: Harness;
beforeAll(async () => (h = await openHarness()));
afterAll(() => h.close());

it("/audit shows the trail, all of it or of one plugin", async () => {
  expect(await audit.run(h.ctx(), "")).toMatchObject({ type: "message", text: "the audit trail is empty" });
  await installDouble(h);
  const all = await audit.run(h.ctx(), "");
  expect(all.type).toBe("table");
  if (all.type !== "table") return;
  expect(all.rows.map((r) => r[3]).join("\n")).toContain("double_it@1.0.0 installed at tier T1");
  expect(await audit.run(h.ctx(), "double_it")).toMatchObject({ type: "table" });
  expect(await audit.run(h.ctx(), "other")).toMatchObject({ type: "message", text: "no audit entries about other" });
});
