/**
 * Attacks on `capsmith serve` with capability names that are also members of Object.prototype.
 * `constructor` passes the capability-name rule ([a-z][a-z0-9_]{1,63}), so any token that may
 * request, roll back or invoke can send it; every name-keyed lookup it reaches must find only what
 * the log put there. Each case here broke before the lookups were made own-entry only: a 500 on
 * rollback, a request that never settled (the gap detector took Object's `constructor` for an open
 * gap), and a real plugin for `constructor` that the hub could not roll back.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideGap } from "../../src/agents/gap-detector.ts";
import { sha256 } from "../../src/events/index.ts";
import type { StoredEvent } from "../../src/events/index.ts";
import { budgetFor, keys, sloTargets } from "../../projections/index.ts";
import type { PluginPackage } from "../../src/hub/package-format.ts";
import { startTestServer } from "../support/serve.ts";
import type { TestServer } from "../support/serve.ts";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
}, 60_000);
afterAll(async () => {
  await t.dispose();
});

function timesPackage(capability: string, version: string, factor: number): PluginPackage {
  const code = `export default function (input) { return input.n * ${factor}; }\n`;
  return {
    format: "capsmith-plugin/v1",
    manifest: {
      id: `${capability}@${version}`, capability, version, apiVersion: "capsmith.plugin/v1", hostRange: ">=0.1.0", profile: "node",
      permissions: {}, dependencies: {}, limits: { memoryMB: 64, timeoutMs: 2_000 }, checksum: `sha256:${sha256(code)}`, provenance: { origin: "authored" },
    },
    code,
    spec: {
      capability,
      description: `n times ${factor}`,
      inputSchema: { type: "object", properties: { n: { type: "number" } }, required: ["n"] },
      outputSchema: { type: "number" },
      constraints: ["deterministic"],
      examples: [{ input: { n: 2 }, output: 2 * factor }, { input: { n: 3 }, output: 3 * factor }],
    },
  } as PluginPackage;
}

describe("capability names that are Object.prototype members", () => {
  it("rolls back `constructor` with a coded 404, not a 500, while nothing was installed for it", async () => {
    for (const role of ["operator", "governor"] as const) {
      const res = await t.call("POST", "/v1/capabilities/constructor/rollback", { role, body: {} });
      expect(res.status, JSON.stringify(res.json)).toBe(404);
      expect((res.json["error"] as { code: string }).code).toBe("unknown_capability");
    }
  });

  it("settles a bare request for `constructor` (nothing serves it, no spec) instead of leaving it pending", async () => {
    const res = await t.call("POST", "/v1/requests?wait=20", { role: "runner", body: { capability: "constructor" } });
    expect(res.json).toMatchObject({ status: "failed", outcome: "synthesis_failed" });
    expect(res.status).toBe(200);
  });

  it("the gap detector opens a gap for `constructor` when no gap is open for it", () => {
    const spec = timesPackage("constructor", "1.0.0", 2).spec as Record<string, unknown>;
    const state = { hub: { capabilities: {}, plugins: {}, pendingApprovals: {} }, gaps: { gaps: {}, openByCapability: {}, runs: {}, runsByCapability: {} } };
    const decision = decideGap(state as unknown as Parameters<typeof decideGap>[0], { requestId: "r", capability: "constructor", spec, source: "api", backend: "auto" } as Parameters<typeof decideGap>[1]);
    expect(decision).toMatchObject({ kind: "gap", version: "1.0.0" });
  });

  it("serves, lists, invokes and rolls back a real plugin named `constructor` like any other", async () => {
    const hub = t.capsmith.runtime.hub;
    expect(await hub.install(timesPackage("constructor", "1.0.0", 2), { source: "test" })).toMatchObject({ ok: true });
    expect(await hub.install(timesPackage("constructor", "1.1.0", 3), { source: "test" })).toMatchObject({ ok: true });

    const invoked = await t.call("POST", "/v1/capabilities/constructor/invoke", { role: "runner", body: { input: { n: 5 } } });
    expect(invoked.json).toMatchObject({ ok: true, pluginId: "constructor@1.1.0", output: 15 });
    const shown = await t.call("GET", "/v1/plugins/constructor", { role: "viewer" });
    expect(shown.status).toBe(200);
    expect((shown.json["versions"] as { id: string }[]).map((v) => v.id).sort()).toEqual(["constructor@1.0.0", "constructor@1.1.0"]);

    const back = await t.call("POST", "/v1/capabilities/constructor/rollback", { role: "governor", body: {} });
    expect(back.status, JSON.stringify(back.json)).toBe(200);
    expect(back.json).toMatchObject({ ok: true, pluginId: "constructor@1.0.0" });
    const again = await t.call("POST", "/v1/capabilities/constructor/invoke", { role: "runner", body: { input: { n: 5 } } });
    expect(again.json).toMatchObject({ ok: true, pluginId: "constructor@1.0.0", output: 10 });
  });
});

describe("name-keyed lookups outside serve that the same names reach", () => {
  it("finds no SLO budget for a plugin named `constructor` when the policy gives none", () => {
    expect(budgetFor(sloTargets({}), "constructor@1.0.0", "constructor")).toBeUndefined();
    expect(budgetFor(sloTargets({ budgets: { "*": { cpuMsPerCall: 5 } } }), "constructor@1.0.0", "constructor")).toEqual({ cpuMsPerCall: 5 });
  });

  it("a KeyRevoked naming `constructor` changes no key and leaves Object alone", () => {
    const state = keys.initial();
    const event = { seq: 1, type: "KeyRevoked", data: { keyId: "constructor", reason: "x" } } as unknown as StoredEvent;
    keys.apply(state, event);
    expect(Object.keys(state.keys)).toEqual([]);
    expect(Object.hasOwn(Object, "revoked")).toBe(false);
  });
});

