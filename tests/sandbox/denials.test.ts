/**
 * F5: a refused host operation counts against the call's host-operation budget like any other, and
 * repeated refusals become one PermissionDenied event with a count, not one fsynced event each.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewEvent } from "../../src/events/index.ts";
import { createPluginHost } from "../../src/sandbox/index.ts";
import type { PluginHost } from "../../src/sandbox/index.ts";

describe("denials", () => {
  let host: PluginHost;
  const audit: NewEvent[] = [];

  beforeAll(() => {
    host = createPluginHost({ workers: 1, onAudit: (e) => void audit.push(e), maxHostOpsPerCall: 32 });
  });

  afterAll(async () => {
    await host.close();
  });

  const FLOOD = `export default async (n, host) => { const codes = {}; for (let i = 0; i < n; i++) { try { await host.fetch("http://10.0.0." + (i % 250) + "/x"); } catch (e) { codes[e.code] = (codes[e.code] ?? 0) + 1; } } return codes; }`;

  it("stops a flood of refused operations at the per-call budget", async () => {
    await host.load({ id: "flood", code: FLOOD, limits: { timeoutMs: 20_000 } });
    const r = await host.call("flood", 10_000);
    expect(r).toMatchObject({ ok: true, output: { permission_denied: 32, rate_limited: 10_000 - 32 } });
  });

  it("records repeated refusals as one event with a count", async () => {
    audit.length = 0;
    await host.load({ id: "flood2", code: FLOOD, limits: { timeoutMs: 20_000 } });
    for (let i = 0; i < 3; i++) expect((await host.call("flood2", 10_000)).ok).toBe(true);
    await host.close();
    const denied = audit.filter((e) => e.type === "PermissionDenied");
    expect(denied.length).toBeGreaterThanOrEqual(1);
    expect(denied.length).toBeLessThanOrEqual(3);
    const total = denied.reduce((s, e) => s + ((e.data as { count?: number }).count ?? 1), 0);
    expect(total).toBe(3 * 32);
    expect(denied[0]).toMatchObject({ data: { plugin: "flood2", operation: "fetch", profile: "node" } });
    host = createPluginHost({ workers: 1, onAudit: (e) => void audit.push(e) });
  });

  it("coalesces by why, not by what was asked: a different host each time is still one kind", async () => {
    audit.length = 0;
    await host.load({ id: "prober", profile: "integration", permissions: { net: ["api.example.com"] }, code: FLOOD, limits: { timeoutMs: 20_000 } });
    for (let i = 0; i < 3; i++) expect((await host.call("prober", 10_000)).ok).toBe(true);
    await host.close();
    const denied = audit.filter((e) => e.type === "PermissionDenied");
    expect(denied.length).toBeLessThanOrEqual(3);
    expect(denied.reduce((s, e) => s + ((e.data as { count?: number }).count ?? 1), 0)).toBe(3 * 32);
    host = createPluginHost({ workers: 1, onAudit: (e) => void audit.push(e) });
  });
});
