/**
 * A call's clock covers the time its isolate spends waiting on callbacks into the worker.
 * isolated-vm pauses an isolate's timeout while a callback runs (a host operation's synchronous
 * part, a log line, a promise settling, a generated-code compile), so a plugin that spends most of
 * its time in callbacks ran past its limit until the host killed the worker for it
 * (`observed: "host_timer"`). The worker now checks the deadline around every callback
 * (plugin-isolate.ts): such a call ends `timeout` on its own, and its worker lives on.
 * Real isolates in real worker processes; no timing assertions, only outcomes and counts.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createPluginHost } from "../../src/sandbox/index.ts";
import type { CallResult, PluginHost, PluginHostOptions } from "../../src/sandbox/index.ts";

const code = (r: CallResult): string => (r.ok ? "ok" : r.error.code);
const pids = async (h: PluginHost): Promise<(number | undefined)[]> => (await h.stats()).map((s) => s.pid);

/** A host whose `invoke` runs the capability's loaded plugin within the root's time (as the agents do); counts invokes. */
function treeHost(options: PluginHostOptions): { host: PluginHost; invokes: () => number } {
  let invokes = 0;
  const host: PluginHost = createPluginHost({
    ...options,
    invoke: async (request, signal) => {
      invokes++;
      const r = await host.call(request.capability, request.input, { deadline: request.deadline, root: request.root, signal, chain: [...request.chain, request.capability] });
      return r.ok ? { ok: true, output: r.output } : { ok: false, code: r.error.code, message: r.error.message };
    },
  });
  return { host, invokes: () => invokes };
}

describe("the call's clock covers callbacks into the worker", () => {
  it("a call looping on refused host operations with large arguments ends at its deadline without the host killing the worker", { timeout: 120_000 }, async () => {
    // Each refusal copies ~900 KB out of the isolate and back into an error while the isolate's
    // timer is paused: before the fix this call ran more than twice its limit (host_timer).
    const h = createPluginHost({ workers: 1, graceMs: 1_000 });
    try {
      await h.load({ id: "refused", limits: { timeoutMs: 2_000 }, code: `export default (x, host) => { const s = "x".repeat(900000); let n = 0; for (;;) { try { host.invoke("nope", s); } catch (e) { n++; } } }` });
      const before = await pids(h);
      const r = await h.call("refused", null);
      expect(code(r)).toBe("timeout");
      if (!r.ok) expect(r.error.details?.["observed"]).toBeUndefined();
      expect(await pids(h)).toEqual(expect.arrayContaining(before));
    } finally {
      await h.close();
    }
  });

  it("a plugin spending its time in callbacks of every kind ends timeout on its own, and a benign neighbour on workers: 1 still answers", { timeout: 120_000 }, async () => {
    const { host: h, invokes } = treeHost({ workers: 1, graceMs: 1_000 });
    try {
      await h.load({ id: "leaf", code: `export default (x) => x` });
      await h.load({ id: "benign", code: `export default (x) => x + 1` });
      // Log lines, refused host operations (profile and dependency), granted nested invokes left
      // pending, rate-limited ones past 32, big refused arguments, and generated-code compiles.
      await h.load({
        id: "every",
        allow: ["eval"],
        dependencies: ["leaf"],
        limits: { timeoutMs: 2_000 },
        code: `export default (x, host) => {
          const big = "y".repeat(900000);
          for (let i = 0; i < 150; i++) host.log("line", i);
          for (let i = 0; i < 20; i++) eval("(async () => " + i + ")");
          // No compile after this point: before the fix only compiles checked the deadline.
          for (let i = 0; ; i++) {
            console.log("more", i);
            try { host.fetch("http://a.example/"); } catch (e) {}
            try { host.invoke("leaf", i).catch(() => {}); } catch (e) {}
            try { host.invoke("nope", big); } catch (e) {}
            Promise.resolve(i).then(() => {});
          }
        }`,
      });
      const before = await pids(h);
      const [hostile, benign] = await Promise.all([h.call("every", null), h.call("benign", 1)]);
      expect(code(hostile)).toBe("timeout");
      if (!hostile.ok) expect(hostile.error.details?.["observed"]).toBeUndefined();
      // 100 lines and the one that says more were dropped; at most 32 host operations reached the host.
      expect(hostile.logs.length).toBe(101);
      expect(invokes()).toBeGreaterThan(0);
      expect(invokes()).toBeLessThanOrEqual(32);
      expect(benign).toMatchObject({ ok: true, output: 2 });
      expect(await h.call("benign", 2)).toMatchObject({ ok: true, output: 3 });
      expect(await pids(h)).toEqual(expect.arrayContaining(before));
    } finally {
      await h.close();
    }
  });

  it("time a host operation's answer takes counts too: a call awaiting an answer that never comes ends timeout without resuming", { timeout: 60_000 }, async () => {
    let requests = 0;
    const server = createServer(() => {
      requests++; // never answered until the server closes
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    const h = createPluginHost({ workers: 1, graceMs: 1_000 });
    try {
      await h.load({ id: "waits", profile: "integration", permissions: { net: [`127.0.0.1:${port}`] }, limits: { timeoutMs: 1_000 }, code: `export default async (url, host) => { host.log("before"); await host.fetch(url); host.log("after"); return "resumed"; }` });
      const r = await h.call("waits", `http://127.0.0.1:${port}/`);
      expect(code(r)).toBe("timeout");
      if (!r.ok) expect(r.error.details?.["observed"]).toBeUndefined();
      expect(r.logs).toEqual(["before"]);
      expect(requests).toBe(1);
    } finally {
      await h.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
