/**
 * Resolving a request over the hub state (folded by the real `hub` projection from install,
 * activation, rollback and quarantine events): the newest eligible version within the range that
 * serves the request's schemas, the active one first; otherwise why, with near matches.
 */
import { describe, expect, it } from "vitest";
import { hub as hubProjection } from "../../projections/index.ts";
import type { HubState } from "../../projections/index.ts";
import type { StoredEvent } from "../../src/events/index.ts";
import { dependentsOf, editDistance, nameSimilarity, resolveCapability, whyIneligible } from "../../src/hub/index.ts";
import { dependentsBroken } from "../../src/spec/index.ts";
import { installEvents } from "../support/hub-events.ts";
import { loadTask } from "../support/tasks.ts";

const totalCost = loadTask("total_cost");
const wordCountSpec = { capability: "word_count", inputSchema: { type: "object", properties: { text: { type: "string" } }, required: ["text"] }, outputSchema: { type: "integer" } };

class Hub {
  state: HubState = hubProjection.initial();
  private seq = 0;

  private apply(type: string, data: Record<string, unknown>): void {
    this.state = hubProjection.apply(this.state, { type, data, seq: ++this.seq } as unknown as StoredEvent);
  }

  /** Install and activate (the five phases' outcome), at a tier. */
  install(spec: Record<string, unknown>, version: string, options: { tier?: "T0" | "T1" | "T2" | "T3"; dependencies?: Record<string, string> } = {}): string {
    const pluginId = `${spec["capability"] as string}@${version}`;
    const events = installEvents(pluginId, { txId: `tx${this.seq}`, manifest: { dependencies: options.dependencies ?? {} }, spec, tier: options.tier ?? "T1" });
    for (const e of events) this.apply(e.type, e.data);
    return pluginId;
  }

  activate(pluginId: string, reason = "rollback"): void {
    const [capability, version] = pluginId.split("@") as [string, string];
    this.apply("PluginActivated", { pluginId, capability, version, txId: null, reason });
  }

  quarantine(pluginId: string): void {
    this.apply("PluginQuarantined", { pluginId, reason: "test" });
  }
}

describe("resolveCapability", () => {
  it("resolves the active plugin when no range or schemas are given", () => {
    const h = new Hub();
    h.install(wordCountSpec, "1.0.0");
    h.install(wordCountSpec, "1.1.0");
    expect(resolveCapability(h.state, { capability: "word_count" })).toMatchObject({ ok: true, plugin: { id: "word_count@1.1.0" } });
  });

  it("resolves the newest eligible version within the range when the active one is outside it", () => {
    const h = new Hub();
    h.install(wordCountSpec, "1.0.0");
    h.install(wordCountSpec, "1.2.0");
    h.install({ ...wordCountSpec, outputSchema: { type: "string" } }, "2.0.0");
    const r = resolveCapability(h.state, { capability: "word_count", range: "^1.0.0" });
    expect(r).toMatchObject({ ok: true, plugin: { id: "word_count@1.2.0" } });
    expect(resolveCapability(h.state, { capability: "word_count", range: ">=2" })).toMatchObject({ ok: true, plugin: { id: "word_count@2.0.0" } });
  });

  it("skips versions whose schemas do not serve the request, and says where they differ", () => {
    const h = new Hub();
    h.install(wordCountSpec, "1.0.0");
    h.install({ ...wordCountSpec, outputSchema: { type: "string" } }, "2.0.0");
    expect(resolveCapability(h.state, { capability: "word_count", outputSchema: { type: "number" } })).toMatchObject({ ok: true, plugin: { id: "word_count@1.0.0" } });
    const none = resolveCapability(h.state, { capability: "word_count", outputSchema: { type: "boolean" } });
    expect(none).toMatchObject({ ok: false, code: "no_compatible_version" });
    if (none.ok) return;
    expect(none.candidates.map((c) => [c.pluginId, c.rejected])).toEqual([["word_count@2.0.0", "incompatible"], ["word_count@1.0.0", "incompatible"]]);
    expect(none.candidates[0]!.reasons).toMatchObject([{ side: "output", code: "type" }]);
  });

  it("keeps the issue's case out: a request expecting a string is not served by total_cost's number", () => {
    const h = new Hub();
    h.install(totalCost, "1.0.0");
    const r = resolveCapability(h.state, { capability: "total_cost", inputSchema: totalCost["inputSchema"], outputSchema: { type: "string" } });
    expect(r).toMatchObject({ ok: false, code: "no_compatible_version" });
    // Added words change nothing: the same contract still resolves.
    const described = { ...(totalCost["inputSchema"] as object), description: "the plan's items" };
    expect(resolveCapability(h.state, { capability: "total_cost", inputSchema: described, outputSchema: totalCost["outputSchema"] })).toMatchObject({ ok: true, plugin: { id: "total_cost@1.0.0" } });
  });

  it("prefers the active version an operator rolled back to, and never resolves the version rolled back from", () => {
    const h = new Hub();
    h.install(wordCountSpec, "1.0.0");
    h.install(wordCountSpec, "1.1.0");
    h.activate("word_count@1.0.0");
    expect(resolveCapability(h.state, { capability: "word_count", range: "^1.0.0" })).toMatchObject({ ok: true, plugin: { id: "word_count@1.0.0" } });
    expect(whyIneligible(h.state, h.state.plugins["word_count@1.1.0"]!)).toBe("rolled back from");
    expect(resolveCapability(h.state, { capability: "word_count", range: ">=1.1.0" })).toMatchObject({ ok: false, code: "no_version_in_range", candidates: [{ pluginId: "word_count@1.1.0", rejected: "not_eligible" }, { pluginId: "word_count@1.0.0", rejected: "out_of_range" }] });
    h.quarantine("word_count@1.0.0");
    expect(resolveCapability(h.state, { capability: "word_count" })).toMatchObject({ ok: false, code: "no_eligible_version" });
  });

  it("never resolves a quarantined version", () => {
    const h = new Hub();
    h.install(wordCountSpec, "1.0.0");
    h.install(wordCountSpec, "1.1.0");
    h.quarantine("word_count@1.1.0");
    expect(resolveCapability(h.state, { capability: "word_count" })).toMatchObject({ ok: true, plugin: { id: "word_count@1.0.0" } });
  });

  it("says which versions exist when none is in the range", () => {
    const h = new Hub();
    h.install(wordCountSpec, "1.0.0");
    h.install(wordCountSpec, "1.4.0");
    const r = resolveCapability(h.state, { capability: "word_count", range: "^2.0.0" });
    expect(r).toMatchObject({ ok: false, code: "no_version_in_range" });
    if (!r.ok) expect(r.message).toContain("1.4.0, 1.0.0");
    expect(resolveCapability(h.state, { capability: "word_count", range: "not a range" })).toMatchObject({ ok: false, code: "invalid_range" });
  });

  it("offers near matches: a similar name, and a compatible schema under another name", () => {
    const h = new Hub();
    h.install(totalCost, "1.0.0");
    h.install({ ...totalCost, capability: "sum_of_items" }, "1.0.0");
    h.install(wordCountSpec, "1.0.0");
    const byName = resolveCapability(h.state, { capability: "total_costs" });
    expect(byName).toMatchObject({ ok: false, code: "capability_not_found", near: [{ capability: "total_cost", similarName: true }] });
    if (!byName.ok) expect(byName.message).toContain("Did you mean total_cost?");

    const bySchema = resolveCapability(h.state, { capability: "cost_total", inputSchema: totalCost["inputSchema"], outputSchema: { type: "number" } });
    expect(bySchema.ok).toBe(false);
    if (bySchema.ok) return;
    expect(bySchema.near.map((n) => [n.capability, n.similarName, n.servesRequest])).toEqual([["total_cost", true, true], ["sum_of_items", false, true]]);
    expect(bySchema.message).toContain("Did you mean total_cost (it serves this request)?");
  });

  it("does not trip over capability names like __proto__ or toString", () => {
    const h = new Hub();
    h.install(wordCountSpec, "1.0.0");
    for (const capability of ["__proto__", "toString", "constructor"]) {
      expect(resolveCapability(h.state, { capability })).toMatchObject({ ok: false, code: "capability_not_found" });
    }
  });
});

describe("dependentsOf", () => {
  it("lists eligible plugins that depend on a capability, for dependentsBroken", () => {
    const h = new Hub();
    h.install(wordCountSpec, "1.0.0");
    h.install({ capability: "wc_double", inputSchema: {}, outputSchema: {} }, "1.0.0", { dependencies: { word_count: "^1.0.0" } });
    h.install({ capability: "quarantined_dep", inputSchema: {}, outputSchema: {} }, "1.0.0", { dependencies: { word_count: "^1.0.0" } });
    h.quarantine("quarantined_dep@1.0.0");
    const dependents = dependentsOf(h.state, "word_count");
    expect(dependents.map((d) => d.id)).toEqual(["wc_double@1.0.0"]);
    expect(dependentsBroken({ capability: "word_count", version: "2.0.0" }, dependents)).toEqual([{ id: "wc_double@1.0.0", capability: "word_count", range: "^1.0.0" }]);
  });
});

describe("name similarity", () => {
  it("finds typos, plurals and reordered words, and not unrelated names", () => {
    expect(editDistance("total_costs", "total_cost")).toBe(1);
    expect(editDistance("ab", "ba")).toBe(1);
    expect(nameSimilarity("total_costs", "total_cost")).toBeDefined();
    expect(nameSimilarity("cost_total", "total_cost")).toBeDefined();
    expect(nameSimilarity("max_prices", "max_price")).toBeDefined();
    expect(nameSimilarity("word_count", "total_cost")).toBeUndefined();
    expect(nameSimilarity("total_cost", "total_cost")).toBeUndefined();
  });
});
