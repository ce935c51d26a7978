import { createServer } from "node:http";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHost, SandboxError } from "../../src/sandbox/index.ts";
import type { CompletionFn, PluginHost } from "../../src/sandbox/index.ts";
import type { NewEvent } from "../../src/events/index.ts";

describe("plugin host", () => {
  let host: PluginHost;
  let server: Server;
  let port = 0;
  const audit: NewEvent[] = [];
  const completions: string[] = [];
  const complete: CompletionFn = async (req) => {
    completions.push(req.prompt ?? "");
    return { text: `echo:${req.prompt ?? ""}`, usage: { inputTokens: 600, outputTokens: 400, costUsd: 0.001 } };
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ path: req.url, method: req.method }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    port = (server.address() as AddressInfo).port;
    host = createPluginHost({ workers: 2, onAudit: (e) => void audit.push(e), llm: { complete, budget: { tokensPerCall: 2_500, tokensPerDay: 4_000 } } });
  });

  afterAll(async () => {
    await host.close();
    await new Promise((r) => server.close(r));
  });

  it("runs benign plugins, sync and async, and one that uses 20 MB legitimately", async () => {
    await host.load({ id: "async", code: `export default async (input) => { const parts = await Promise.all(input.map(async (x) => { await null; return x * 2; })); return parts.reduce((a, b) => a + b, 0); }` });
    expect(await host.call("async", [1, 2, 3])).toMatchObject({ ok: true, output: 12 });
    await host.load({
      id: "twenty",
      code: `export default () => { const b = new Uint8Array(20 * 1024 * 1024); for (let i = 0; i < b.length; i += 4096) b[i] = 1; const strings = []; for (let i = 0; i < 1000; i++) strings.push("y".repeat(1000) + i); let n = 0; for (let i = 0; i < b.length; i += 4096) n += b[i]; return n + strings.length; }`,
      limits: { timeoutMs: 5_000 },
    });
    const r = await host.call("twenty", null);
    expect(r).toMatchObject({ ok: true, output: 5120 + 1000 });
    expect(r.ok && r.usage.heapUsedBytes).toBeGreaterThan(20 * 1024 * 1024);
  });

  it("reports usage per call: wall, cpu, heap", async () => {
    await host.load({ id: "usage", code: `export default (n) => { let s = 0; for (let i = 0; i < n; i++) s += i; return s; }` });
    const r = await host.call("usage", 1e6);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.usage.wallMs).toBeGreaterThan(0);
    expect(r.usage.cpuMs).toBeGreaterThan(0);
    expect(r.usage.heapUsedBytes).toBeGreaterThan(0);
    expect(r.usage.heapPeakBytes).toBeGreaterThanOrEqual(r.usage.heapUsedBytes - 1024 * 1024);
  });

  it("is deterministic: Date and Math.random come from the call's clock and seed", async () => {
    await host.load({ id: "rand", code: `export default () => ({ now: Date.now(), iso: new Date().toISOString(), r: [Math.random(), Math.random()] })` });
    const a = await host.call("rand", null, { now: 1_700_000_000_000, seed: "s1" });
    const b = await host.call("rand", null, { now: 1_700_000_000_000, seed: "s1" });
    const c = await host.call("rand", null, { now: 1_700_000_000_000, seed: "s2" });
    expect(a.ok && b.ok && c.ok).toBe(true);
    expect(a.ok && a.output).toEqual(b.ok && b.output);
    expect(a.ok && (a.output as { iso: string }).iso).toBe("2023-11-14T22:13:20.000Z");
    expect(a.ok && (a.output as { r: number[] }).r).not.toEqual(c.ok && (c.output as { r: number[] }).r);
  });

  it("carries no state from one call to the next", async () => {
    await host.load({
      id: "stateful",
      code: `let calls = 0; const cache = new Map(); export default (input) => { calls++; cache.set(input, true); let globalSet = "no"; try { globalThis.leak = (globalThis.leak ?? 0) + 1; globalSet = "yes"; } catch { globalSet = "refused"; } return { calls, size: cache.size, leak: globalThis.leak ?? null, globalSet, regexp: RegExp.$1 ?? null, m: /se(cret)/.exec("secret")[1] }; }`,
    });
    const first = await host.call("stateful", "a");
    const second = await host.call("stateful", "b");
    expect(first.ok && first.output).toEqual({ calls: 1, size: 1, leak: null, globalSet: "refused", regexp: null, m: "cret" });
    expect(second.ok && second.output).toEqual(first.ok && first.output);
  });

  it("denies what a profile does not grant, inside the plugin, with a PermissionDenied audit event", async () => {
    await host.load({ id: "nosy", code: `export default async (input, host) => { try { await host.fetch("http://127.0.0.1:${port}/x"); return "fetched"; } catch (e) { return e.code + ": " + e.message; } }` });
    const r = await host.call("nosy", null);
    expect(r.ok && r.output).toMatch(/^permission_denied: fetch denied/);
    await new Promise((res) => setTimeout(res, 20));
    const event = audit.find((e) => e.type === "PermissionDenied" && e.data.plugin === "nosy");
    expect(event?.data).toMatchObject({ plugin: "nosy", operation: "fetch", target: `http://127.0.0.1:${port}/x`, profile: "node" });
    // Uncaught, the denial is the call's error code.
    await host.load({ id: "nosy2", code: `export default (input, host) => host.llm.complete({ prompt: "hi" })` });
    expect(await host.call("nosy2", null)).toMatchObject({ ok: false, error: { code: "permission_denied" } });
  });

  it("integration: fetches allowlisted hosts only, for real", async () => {
    await host.load({
      id: "fetcher",
      profile: "integration",
      permissions: { net: [`127.0.0.1:${port}`] },
      code: `export default async (input, host) => { const res = await host.fetch(input.url, { method: "POST", body: "x" }); return { status: res.status, body: JSON.parse(res.body) }; }`,
    });
    expect(await host.call("fetcher", { url: `http://127.0.0.1:${port}/hello` })).toMatchObject({ ok: true, output: { status: 200, body: { path: "/hello", method: "POST" } } });
    const denied = await host.call("fetcher", { url: `http://localhost:${port}/hello` });
    expect(denied).toMatchObject({ ok: false, error: { code: "permission_denied" } });
    const ftp = await host.call("fetcher", { url: `file:///etc/passwd` });
    expect(ftp).toMatchObject({ ok: false, error: { code: "permission_denied" } });
    expect(audit.filter((e) => e.type === "PermissionDenied" && e.data.plugin === "fetcher").length).toBeGreaterThanOrEqual(1);
  });

  it("integration profile needs a manifest entry to reach the network at all", async () => {
    await expect(host.load({ id: "bad", code: `export default () => 1`, permissions: { net: ["example.com"] } })).rejects.toMatchObject({ code: "invalid_plugin" });
  });

  it("agent: completes through the injected backend within per-call and per-day token budgets", async () => {
    await host.load({
      id: "agent",
      profile: "agent",
      code: `export default async (input, host) => { const out = []; for (let i = 0; i < input; i++) { try { out.push((await host.llm.complete({ prompt: "p" + i })).text); } catch (e) { out.push(e.code); } } return out; }`,
    });
    const first = await host.call("agent", 4, { now: Date.UTC(2025, 0, 1) });
    // 1,000 tokens per completion: the third in a call passes the 2,500 per-call budget.
    expect(first.ok && first.output).toEqual(["echo:p0", "echo:p1", "echo:p2", "budget_exceeded"]);
    // The day's 4,000 tokens: one more, then the rest of the day is refused.
    const second = await host.call("agent", 2, { now: Date.UTC(2025, 0, 1, 12) });
    expect(second.ok && second.output).toEqual(["echo:p0", "budget_exceeded"]);
    const nextDay = await host.call("agent", 1, { now: Date.UTC(2025, 0, 2) });
    expect(nextDay.ok && nextDay.output).toEqual(["echo:p0"]);
  });

  it("agent without a backend gets llm_unavailable inside the plugin", async () => {
    const bare = createPluginHost({ workers: 1 });
    try {
      await bare.load({ id: "agent", profile: "agent", code: `export default (input, host) => host.llm.complete({ prompt: "hi" })` });
      expect(await bare.call("agent", null)).toMatchObject({ ok: false, error: { code: "llm_unavailable" } });
    } finally {
      await bare.close();
    }
  });

  it("quality_gate: the input is read-only", async () => {
    await host.load({ id: "gate", profile: "quality_gate", code: `export default (input) => { const n = input.items.length; try { input.items.push(1); return "wrote"; } catch { return n; } }` });
    expect(await host.call("gate", { items: [1, 2] })).toMatchObject({ ok: true, output: 2 });
  });

  it("validates output against the schema with issue paths", async () => {
    await host.load({
      id: "typed",
      code: `export default (input) => input`,
      outputSchema: { type: "object", properties: { total: { type: "number" }, items: { type: "array", items: { type: "string" } } }, required: ["total"] },
    });
    expect(await host.call("typed", { total: 3, items: ["a"] })).toMatchObject({ ok: true });
    const bad = await host.call("typed", { total: "3", items: ["a", 2] });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe("output_invalid");
    expect(bad.error.details?.["issues"]).toEqual(expect.arrayContaining([expect.objectContaining({ path: "total" }), expect.objectContaining({ path: "items.1" })]));
  });

  it("caps input size", async () => {
    await host.load({ id: "echo", code: `export default (x) => x.length` });
    expect(await host.call("echo", "x".repeat(2 * 1024 * 1024))).toMatchObject({ ok: false, error: { code: "input_too_large" } });
    expect(await host.call("echo", "x".repeat(1000))).toMatchObject({ ok: true, output: 1000 });
  });

  it("rejects code the static scan refuses, with locations", async () => {
    const err = await host.load({ id: "evil", code: `import fs from "node:fs";\nexport default () => eval("1")` }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SandboxError);
    expect((err as SandboxError).code).toBe("scan_rejected");
    expect((err as SandboxError).details?.["findings"]).toEqual([
      expect.objectContaining({ rule: "import", line: 1, column: 0 }),
      expect.objectContaining({ rule: "eval", line: 2, column: 21 }),
    ]);
  });

  it("replaces a worker that dies and goes on", async () => {
    await host.load({ id: "crash", code: `export default () => { const a = new Array(100 * 1024 * 1024); for (let i = 0; i < a.length; i++) a[i] = i; return 1; }` });
    await host.load({ id: "after", code: `export default () => "alive"` });
    // A generous timeout: on a loaded machine V8's fatal OOM can take longer than the default 1 s to
    // arrive, and this test is about the crash, not the clock.
    const crashed = await host.call("crash", null, { timeoutMs: 20_000 });
    expect(crashed.ok ? "ok" : crashed.error.code).toBeOneOf(["sandbox_crashed", "memory_limit"]);
    expect(await host.call("after", null)).toMatchObject({ ok: true, output: "alive" });
    expect(await host.call("async", [1])).toMatchObject({ ok: true, output: 2 });
  });

  it("runs calls to different plugins concurrently and to one plugin in order", async () => {
    await host.load({ id: "slowish", code: `export default (n) => { let s = 0; for (let i = 0; i < 1e5; i++) s += i; return n; }` });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => host.call(i % 2 ? "slowish" : "usage", i % 2 ? i : 10)));
    expect(results.every((r) => r.ok)).toBe(true);
  });

  it("fails calls cleanly once closed", async () => {
    const h = createPluginHost({ workers: 1 });
    await h.load({ id: "x", code: `export default () => 1` });
    await h.close();
    expect(await h.call("x", null)).toMatchObject({ ok: false, error: { code: "host_closed" } });
    expect(await host.call("nope", null)).toMatchObject({ ok: false, error: { code: "not_loaded" } });
  });
});
