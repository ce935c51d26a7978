import { afterAll, beforeAll, expect, it } from "vitest";
import { requestCapability, waitForEvent } from "../../agents/index.ts";
import { parsePolicy } from "../../hub/index.ts";
import { uuidIds } from "../../platform/index.ts";
import { openHarness, totalCostSpec } from "../../../tests/repl/harness.ts";
import type { Harness } from "../../../tests/repl/harness.ts";
import { approve } from "./approve.ts";

let h: Harness;
// Policy holds every node plugin for a person, so the loop stops at ApprovalRequested.
beforeAll(async () => (h = await openHarness({ roles: ["gap", "synthesizer", "tester", "governor"], policy: parsePolicy({ approvalRequired: { profiles: ["node"] } }) })));
afterAll(() => h.close());

it("/approve offers an operator key, signs the approval, and the governor publishes the plugin", async () => {
  const answer = requestCapability(h.readModel, "total_cost", { spec: totalCostSpec, source: "repl", newId: uuidIds, timeoutMs: 60_000 });
  await waitForEvent(h.readModel, "capsmith.evt.gap.total_cost", 0, (e) => e.type === "ApprovalRequested", { timeoutMs: 30_000 });
  const ctx = h.ctx(["y"]);
  const result = await approve.run(ctx, "total_cost@1.0.0");
  expect(result).toMatchObject({ type: "message", text: expect.stringContaining("approved total_cost@1.0.0 with key operator") });
  expect(ctx.shown[0]).toMatchObject({ type: "message", text: expect.stringContaining("total_cost@1.0.0 waits for your approval") });
  expect(ctx.asked[0]!.text).toContain("no trusted operator key");
  expect(await answer).toMatchObject({ ok: true, pluginId: "total_cost@1.0.0", outcome: "published" });
});

it("/approve says when nothing by that name waits", async () => {
  await expect(approve.run(h.ctx(), "nothing@1.0.0")).rejects.toMatchObject({ code: "unknown_plugin", nextStep: expect.any(String) });
  expect(await approve.run(h.ctx(), "")).toMatchObject({ type: "error", code: "usage" });
});
