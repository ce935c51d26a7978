/**
 * `ineligibility` (src/hub/decisions.ts): why a switch that holds only while its target is eligible
 * may not activate it, judged at the transaction's start and again at its activate step, over the hub
 * the real `hub` projection folds. The transaction's own InstallStarted (the target installing) is no
 * reason; anything else that makes the resolver pass the target over, or a dependent's range exclude
 * it, is.
 */
import { describe, expect, it } from "vitest";
import { hub as hubProjection } from "../../projections/index.ts";
import type { HubState } from "../../projections/index.ts";
import type { StoredEvent } from "../../src/events/index.ts";
import { ineligibility } from "../../src/hub/decisions.ts";
import { installEvents } from "../support/hub-events.ts";

const TARGET = "double_it@1.0.0";

class Hub {
  state: HubState = hubProjection.initial();
  private seq = 0;

  apply(type: string, data: Record<string, unknown>): void {
    this.state = hubProjection.apply(this.state, { type, data, seq: ++this.seq } as unknown as StoredEvent);
  }

  install(pluginId: string, dependencies: Record<string, string> = {}): void {
    for (const e of installEvents(pluginId, { txId: `tx${this.seq}`, manifest: { dependencies } })) this.apply(e.type, e.data);
  }

  /** A rollback transaction to `pluginId` started (its InstallStarted only), as `txId`. */
  startRollback(pluginId: string, txId: string): void {
    const started = installEvents(pluginId, { txId, kind: "rollback", previousActive: null })[0]!;
    this.apply(started.type, started.data);
  }

  why(txId?: string): string | undefined {
    return ineligibility(this.state, this.state.plugins[TARGET]!, txId);
  }
}

/** double_it 1.0.0 then 2.0.0 (quarantined, nothing active); a rollback to 1.0.0 started as tx-rb. */
function midRollback(): Hub {
  const h = new Hub();
  h.install(TARGET);
  h.install("double_it@2.0.0");
  h.apply("PluginQuarantined", { pluginId: "double_it@2.0.0", reason: "slo budget_breach", rollback: true });
  expect(h.why()).toBeUndefined();
  h.startRollback(TARGET, "tx-rb");
  return h;
}

describe("ineligibility", () => {
  it("does not count the transaction's own start against its target, but another transaction's does", () => {
    const h = midRollback();
    expect(h.state.plugins[TARGET]!.status).toBe("installing");
    expect(h.why("tx-rb")).toBeUndefined();
    expect(h.why("tx-other")).toBe("status installing");
    expect(h.why()).toBe("status installing");
  });

  it("names a target quarantined, uninstalled or set to T0 after the transaction started", () => {
    const quarantined = midRollback();
    quarantined.apply("PluginQuarantined", { pluginId: TARGET, reason: "withdrawn" });
    expect(quarantined.why("tx-rb")).toBe("status quarantined");
    const uninstalled = midRollback();
    uninstalled.apply("PluginUninstalled", { pluginId: TARGET, capability: "double_it", reason: "withdrawn" });
    expect(uninstalled.why("tx-rb")).toBe("status uninstalled");
    const demoted = midRollback();
    demoted.apply("PluginTierAssigned", { pluginId: TARGET, tier: "T0", reasons: ["revoked"] });
    expect(demoted.why("tx-rb")).toBe("tier T0 (quarantined)");
  });

  it("names a dependent re-trusted after the transaction started whose range excludes the target", () => {
    const h = new Hub();
    h.install(TARGET);
    h.install("double_it@2.0.0");
    h.install("quad_it@1.0.0", { double_it: "^2.0.0" });
    h.apply("PluginTierAssigned", { pluginId: "quad_it@1.0.0", tier: "T0", reasons: ["revoked"] });
    h.apply("PluginQuarantined", { pluginId: "double_it@2.0.0", reason: "slo budget_breach", rollback: true });
    h.startRollback(TARGET, "tx-rb");
    expect(h.why("tx-rb")).toBeUndefined();
    h.apply("PluginTierAssigned", { pluginId: "quad_it@1.0.0", tier: "T1", reasons: ["re-trusted"] });
    expect(h.why("tx-rb")).toBe("outside the range of quad_it@1.0.0 (^2.0.0)");
  });
});
