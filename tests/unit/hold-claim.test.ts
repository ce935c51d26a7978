/**
 * A hold's claim as the gaps projection folds it (the first claim on a held gap stands) and as the
 * governor reads it (`mayDecide`: only the claimed decision may still decide the hold). Pure: events
 * built by hand, no log.
 */
import { describe, expect, it } from "vitest";
import { gaps } from "../../projections/index.ts";
import type { Gap, GapsState } from "../../projections/index.ts";
import type { AnyStoredEvent } from "../../src/events/index.ts";
import { mayDecide } from "../../src/agents/hold-claim.ts";

let seq = 0;
const event = (type: string, data: Record<string, unknown>): AnyStoredEvent =>
  ({ type, data, seq: ++seq, id: `e${seq}`, time: "2026-01-01T00:00:00.000Z", subject: "capsmith.evt.gap.total_cost", actor: "governor" }) as unknown as AnyStoredEvent;

function fold(events: AnyStoredEvent[]): GapsState {
  return events.reduce((s, e) => gaps.apply(s, e), gaps.initial());
}

const detected = event("CapabilityGapDetected", { gapId: "g1", capability: "total_cost", spec: {}, specHash: "h", version: "1.0.0", backend: "example" });
const drafted = event("PluginDrafted", { gapId: "g1", draftId: "d1" });
const tested = event("PluginTested", { gapId: "g1", draftId: "d1" });
const held = event("ApprovalRequested", { gapId: "g1", pluginId: "total_cost@1.0.0", reasons: ["profile node"] });
const claim = (decisionId: string): AnyStoredEvent => event("HoldClaimed", { gapId: "g1", pluginId: "total_cost@1.0.0", decisionId });

describe("a hold's claim", () => {
  it("is taken by the first claim on a held gap; a second claim does not replace it", () => {
    expect(fold([detected, drafted, tested, held]).gaps["g1"]?.claimedBy).toBeNull();
    expect(fold([detected, drafted, tested, held, claim("approval-1")]).gaps["g1"]?.claimedBy).toBe("approval-1");
    expect(fold([detected, drafted, tested, held, claim("approval-1"), claim("approval-2")]).gaps["g1"]?.claimedBy).toBe("approval-1");
  });

  it("claims nothing on a gap that is not held", () => {
    expect(fold([detected, drafted, tested, claim("approval-1")]).gaps["g1"]?.claimedBy).toBeNull();
  });

  it("lets only the claimed decision decide a claimed hold, any decision an unclaimed one, none a closed one", () => {
    const judged: Gap = { ...fold([detected, drafted, tested, held]).gaps["g1"]! };
    const approval = { id: "approval-1" } as AnyStoredEvent;
    const rejection = { id: "rejection-1" } as AnyStoredEvent;
    expect(mayDecide(judged, judged, rejection)).toBe(true);
    const claimed = fold([detected, drafted, tested, held, claim("approval-1")]).gaps["g1"];
    expect(mayDecide(claimed, judged, approval)).toBe(true);
    expect(mayDecide(claimed, judged, rejection)).toBe(false);
    const closed = fold([detected, drafted, tested, held, event("GapClosed", { gapId: "g1", capability: "total_cost", ok: false, pluginId: null, outcome: "rejected", reason: "no" })]).gaps["g1"];
    expect(mayDecide(closed, judged, approval)).toBe(false);
    expect(mayDecide(undefined, judged, approval)).toBe(false);
  });
});
