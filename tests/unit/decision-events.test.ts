/**
 * DECISION_EVENTS lists the events a hub decision can rest on; an activation judged on the log lands
 * after any other event without being judged again (src/hub/side-events.ts appendWhileJudged). That
 * is safe only if the list is whole: a type missing from it that the hub's fold or the trust store's
 * reads would let an activation land on a judgement that event made stale. So every catalog type
 * outside the list is folded, with data that throws when read, into the hub and the keys, plain and
 * signed, and must leave them as they were (PluginInvoked may change a plugin's usage counts only).
 */
import { describe, expect, it } from "vitest";
import { eventCatalog } from "../../src/events/catalog.ts";
import type { AnyStoredEvent } from "../../src/events/index.ts";
import { DECISION_EVENTS, hub, keys, signedHub } from "../../projections/index.ts";
import type { HubState, Projection } from "../../projections/index.ts";
import { signedKeys } from "../../projections/gated.ts";

const TYPES = Object.keys(eventCatalog);

/** Data whose every read throws, naming the field (a fold that reads it would throw). */
function untouchable(type: string): unknown {
  return new Proxy({}, {
    get(_target, name) {
      if (typeof name === "symbol") return undefined;
      throw new Error(`the fold read ${type}.data.${name}`);
    },
    has(_target, name) {
      throw new Error(`the fold asked for ${type}.data.${String(name)}`);
    },
    ownKeys() {
      throw new Error(`the fold listed ${type}.data`);
    },
  });
}

function eventOf(type: string, actor: string, data: unknown, seq = 7): AnyStoredEvent {
  return { id: `e-${seq}`, seq, type, subject: `capsmith.evt.test.${type}`, actor, time: "2026-12-05T00:00:00.000Z", schemaVersion: 1, causationId: null, correlationId: null, data, hash: "0".repeat(64), prev: null } as unknown as AnyStoredEvent;
}

/** A hub holding one active plugin (and, behind the signature gate, an empty trust store): what a decision would read. */
function populated(): HubState {
  const state = Object.assign(hub.initial(), { trust: {} });
  state.capabilities["double_it"] = { active: "double_it@1.0.0", versions: ["double_it@1.0.0"], history: ["double_it@1.0.0"] } as never;
  state.plugins["double_it@1.0.0"] = { id: "double_it@1.0.0", capability: "double_it", version: "1.0.0", status: "active", tier: "T1", usage: { calls: 3, failures: 1 } } as never;
  return state;
}

const folds: [string, Projection<unknown>, () => unknown][] = [
  ["hub", hub as Projection<unknown>, populated],
  ["signed hub", signedHub as Projection<unknown>, populated],
  ["keys", keys as Projection<unknown>, () => ({ keys: { "0123456789abcdef": { publicKey: "k", name: "ops", role: "operator", revoked: false, trustedSeq: 1, revokedSeq: null, revokedReason: null } } })],
  ["signed keys", signedKeys as Projection<unknown>, () => ({ keys: {} })],
];

/** The state without what no decision reads: usage counts, and the gate's count of events it ignored. */
function decisionView(state: unknown): unknown {
  return JSON.parse(JSON.stringify(state, (key, value: unknown) => (key === "usage" || key === "ignored" ? undefined : value)));
}

describe("DECISION_EVENTS holds every event a hub decision can rest on", () => {
  it("names only event types the catalog has", () => {
    expect([...DECISION_EVENTS].filter((t) => !TYPES.includes(t))).toEqual([]);
  });

  const others = TYPES.filter((t) => !DECISION_EVENTS.has(t) && t !== "PluginInvoked");
  it("leaves most of the catalog out (usage, runs, gaps, alerts, notes...)", () => {
    expect(others.length).toBeGreaterThan(20);
    expect(others).toEqual(expect.arrayContaining(["CallRejected", "RunStarted", "OperatorNote", "AlertRaised"]));
  });

  describe.each(folds)("the %s fold", (_name, projection, initial) => {
    it.each(others.flatMap((type) => ["governor", "operator", "runner"].map((actor) => [type, actor] as const)))("folds %s by %s without reading it, and changes nothing", (type, actor) => {
      const state = initial();
      const before = JSON.stringify(decisionView(state));
      const after = projection.apply(state, eventOf(type, actor, untouchable(type)));
      expect(JSON.stringify(decisionView(after))).toBe(before);
    });

    it("folds a call (PluginInvoked) into nothing but usage counts", () => {
      const state = initial();
      const before = JSON.stringify(decisionView(state));
      const call = eventOf("PluginInvoked", "runner", { pluginId: "double_it@1.0.0", capability: "double_it", runId: null, ok: false, errorCode: "timeout", latencyMs: 1, cpuMs: 1, heapBytes: 1 });
      expect(JSON.stringify(decisionView(projection.apply(state, call)))).toBe(before);
    });
  });

  // The check above must be able to fail: a type the hub reads, left out of the list, is caught.
  it.each(["PluginQuarantined", "PluginTierAssigned", "InstallCommitted", "PluginApproved"])("would catch %s left out of the list (the hub reads its data)", (type) => {
    expect(() => hub.apply(populated(), eventOf(type, "governor", untouchable(type)))).toThrow(/the fold (read|asked for|listed)/);
  });
  it.each(["KeyTrusted", "KeyRevoked"])("would catch %s left out of the list (the trust store reads its data)", (type) => {
    expect(() => keys.apply({ keys: {} }, eventOf(type, "operator", untouchable(type)))).toThrow(/the fold (read|asked for|listed)/);
  });
});
