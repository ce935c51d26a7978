/**
 * What the governor activates after the slo agent quarantined the active version and asked for a
 * rollback (pure, over the hub state the real `hub` projection folds): the newest good earlier
 * version that every dependent's range accepts, passing over the newer ones that would break one.
 */
import { describe, expect, it } from "vitest";
import { hub as hubProjection } from "../../projections/index.ts";
import type { HubState } from "../../projections/index.ts";
import type { StoredEvent } from "../../src/events/index.ts";
import { rollbackWithinDependents } from "../../src/hub/index.ts";
import { installEvents } from "../support/hub-events.ts";

class Hub {
  state: HubState = hubProjection.initial();
  private seq = 0;

  private apply(type: string, data: Record<string, unknown>): void {
    this.state = hubProjection.apply(this.state, { type, data, seq: ++this.seq } as unknown as StoredEvent);
  }

  install(pluginId: string, dependencies: Record<string, string> = {}): void {
    for (const e of installEvents(pluginId, { txId: `tx${this.seq}`, manifest: { dependencies } })) this.apply(e.type, e.data);
  }

  quarantine(pluginId: string): void {
    this.apply("PluginQuarantined", { pluginId, reason: "slo budget_breach", rollback: true });
  }

  plugin(pluginId: string) {
    return this.state.plugins[pluginId]!;
  }
}

describe("rollbackWithinDependents", () => {
  it("takes the newest good earlier version when no dependent objects", () => {
    const h = new Hub();
    h.install("word_count@1.0.0");
    h.install("word_count@1.1.0");
    h.install("word_count@2.0.0");
    h.quarantine("word_count@2.0.0");
    expect(rollbackWithinDependents(h.state, h.plugin("word_count@2.0.0"))).toMatchObject({ target: { id: "word_count@1.1.0" }, refused: [] });
  });

  it("passes over an earlier version a dependent's range excludes for an older one it accepts", () => {
    const h = new Hub();
    h.install("word_count@1.0.0");
    h.install("word_count@1.1.0");
    h.install("wc_double@1.0.0", { word_count: "~1.0.0" });
    h.install("word_count@1.2.0");
    h.quarantine("word_count@1.2.0");
    const choice = rollbackWithinDependents(h.state, h.plugin("word_count@1.2.0"));
    expect(choice.target?.id).toBe("word_count@1.0.0");
    expect(choice.refused).toEqual([{ pluginId: "word_count@1.1.0", code: "dependents_broken", dependents: [{ id: "wc_double@1.0.0", capability: "word_count", range: "~1.0.0" }] }]);
  });

  it("chooses nothing when every earlier version breaks a dependent, or there is none", () => {
    const h = new Hub();
    h.install("word_count@1.0.0");
    h.install("word_count@2.0.0");
    h.install("wc_double@1.0.0", { word_count: "^2.0.0" });
    h.quarantine("word_count@2.0.0");
    expect(rollbackWithinDependents(h.state, h.plugin("word_count@2.0.0"))).toEqual({ target: undefined, refused: [{ pluginId: "word_count@1.0.0", code: "dependents_broken", dependents: [{ id: "wc_double@1.0.0", capability: "word_count", range: "^2.0.0" }] }] });
    const alone = new Hub();
    alone.install("word_count@1.0.0");
    alone.quarantine("word_count@1.0.0");
    expect(rollbackWithinDependents(alone.state, alone.plugin("word_count@1.0.0"))).toEqual({ target: undefined, refused: [] });
  });
});
