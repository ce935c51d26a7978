import { afterAll, beforeAll, expect, it } from "vitest";
import { requestCapability, waitForEvent } from "../../agents/index.ts";
import { parsePolicy } from "../../hub/index.ts";
import { uuidIds } from "../../platform/index.ts";
import { openHarness, totalCostSpec } from "../../../tests/repl/harness.ts";
import type { Harness } from "../../../tests/repl/harness.ts";
import { reject } from "./reject.ts";

let h: Harness;
beforeAll(async () => (h = await openHarness({ roles: ["gap", "synthesizer", "tester", "governor"], policy: parsePolicy({ approvalRequired: { profiles: ["node"] } }) })));
afterAll(() => h.close());

it("/reject asks why, records it, and the gap closes rejected", async () => {
  const answer = requestCapability(h.readModel, "total_cost", { spec: totalCostSpec, source: "repl", newId: uuidIds, timeoutMs: 60_000 });
  await waitForEvent(h.readModel, "capsmith.evt.gap.total_cost", 0, (e) => e.type === "ApprovalRequested", { timeoutMs: 30_000 });
  const ctx = h.ctx(["reads nothing it should not, but we do not need it"]);
  expect(await reject.run(ctx, "total_cost")).toMatchObject({ type: "message", text: expect.stringContaining("rejected total_cost@1.0.0") });
  const closed = await answer;
  expect(closed).toMatchObject({ ok: false, outcome: "rejected" });
});
