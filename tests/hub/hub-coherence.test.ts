/**
 * The hub fold over transactions as logs hold them (pure, the real `hub` projection): the order the
 * install service writes now, the order logs were written in before health-check came first (the
 * activation recorded before the check takes effect at the commit, and never when the check fails),
 * and records out of their transaction, which change nothing and are counted in `ignored`.
 */
import { describe, expect, it } from "vitest";
import { hub as hubProjection } from "../../projections/index.ts";
import type { HubState } from "../../projections/index.ts";
import type { StoredEvent } from "../../src/events/index.ts";
import { installEvents } from "../support/hub-events.ts";

class Fold {
  state: HubState = hubProjection.initial();
  private seq = 0;

  apply(...events: { type: string; data: Record<string, unknown> }[]): this {
    for (const { type, data } of events) this.state = hubProjection.apply(this.state, { type, data, seq: ++this.seq } as unknown as StoredEvent);
    return this;
  }

  get active(): string | null {
    return this.state.capabilities["word_count"]?.active ?? null;
  }
}

const phase = (txId: string, name: string, index: number, details?: Record<string, unknown>) => ({ type: "InstallPhaseCompleted", data: { txId, phase: name, index, ...(details ? { details } : {}) } });

/** word_count@1.1.0's transaction in the order logs were written before health-check came first. */
function legacyOrder(passed: boolean): { before: ReturnType<typeof installEvents>; after: ReturnType<typeof installEvents> } {
  const [started, , tier, activated, committed] = installEvents("word_count@1.1.0", { txId: "tx-old", kind: "update", previousActive: "word_count@1.0.0" });
  const early = [phase("tx-old", "download", 1), phase("tx-old", "verify", 2), phase("tx-old", "dependency-prepare", 3)];
  const health = phase("tx-old", "health-check", 5, { passed: passed ? 2 : 1, failed: passed ? 0 : 1 });
  const outcome = passed
    ? [health, tier!, committed!]
    : [{ type: "InstallRolledBack", data: { txId: "tx-old", pluginId: "word_count@1.1.0", phase: "health-check", code: "health_check_failed", message: "1 of 2 failed", restored: "word_count@1.0.0" } }];
  return { before: [started!, ...early, activated!, phase("tx-old", "activate", 4)], after: outcome };
}

describe("the hub fold and install transactions", () => {
  it("activates a candidate with its commit, after its health check passed (the order written now)", () => {
    const f = new Fold().apply(...installEvents("word_count@1.0.0"), ...installEvents("word_count@1.1.0", { kind: "update", previousActive: "word_count@1.0.0" }));
    expect(f.active).toBe("word_count@1.1.0");
    expect(f.state.plugins["word_count@1.0.0"]!.status).toBe("inactive");
    expect(f.state.ignored ?? 0).toBe(0);
  });

  it("takes an activation logged before the health check (older logs) at the commit, and never when the check failed", () => {
    const good = legacyOrder(true);
    const f = new Fold().apply(...installEvents("word_count@1.0.0"), ...good.before);
    expect(f.active).toBe("word_count@1.0.0");
    f.apply(...good.after);
    expect(f.active).toBe("word_count@1.1.0");
    expect(f.state.plugins["word_count@1.1.0"]!.status).toBe("active");

    const bad = legacyOrder(false);
    const g = new Fold().apply(...installEvents("word_count@1.0.0"), ...bad.before, ...bad.after);
    expect(g.active).toBe("word_count@1.0.0");
    expect(g.state.plugins["word_count@1.1.0"]!.status).toBe("failed");
    expect(g.state.ignored ?? 0).toBe(0);
  });

  it("counts records out of their transaction in ignored, and they change nothing", () => {
    const f = new Fold().apply(...installEvents("word_count@1.0.0"), ...installEvents("word_count@1.1.0", { kind: "update" }));
    const before = JSON.stringify(f.state);
    f.apply(
      // the committed transaction's records again, and a rollback of it
      { type: "PluginActivated", data: { pluginId: "word_count@1.0.0", capability: "word_count", version: "1.0.0", txId: "tx-word_count@1.0.0", reason: "install" } },
      { type: "InstallCommitted", data: { txId: "tx-word_count@1.0.0", pluginId: "word_count@1.0.0", tier: "T3" } },
      { type: "InstallRolledBack", data: { txId: "tx-word_count@1.1.0", pluginId: "word_count@1.1.0", phase: "verify", code: "x", message: "x", restored: null } },
      // an activation under another capability's name, and of a version the hub does not hold
      { type: "PluginActivated", data: { pluginId: "word_count@1.0.0", capability: "total_cost", version: "1.0.0", txId: null, reason: "revert" } },
      { type: "PluginActivated", data: { pluginId: "word_count@9.0.0", capability: "word_count", version: "9.0.0", txId: null, reason: "revert" } },
    );
    expect(f.state.ignored).toBe(5);
    delete f.state.ignored;
    expect(JSON.stringify(f.state)).toBe(before);
  });
});
