/**
 * F4: nested `host.invoke` calls belong to their root call. They get what is left of the root's
 * time (however long they waited for a worker), and when the root call ends they are cancelled:
 * none keeps running or waiting, and the next caller is not stuck behind them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "../../src/agents/index.ts";
import { sha256 } from "../../src/events/index.ts";
import type { EventLog } from "../../src/events/index.ts";
import type { PluginPackage } from "../../src/hub/index.ts";
import { invokeCapability, openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";

let capsmith: TestCapsmith;
let log: EventLog;
let runtime: Runtime;

function pkg(capability: string, code: string, timeoutMs: number, dependencies: Record<string, string> = {}): PluginPackage {
  return {
    format: "capsmith-plugin/v1",
    manifest: {
      id: `${capability}@1.0.0`, capability, version: "1.0.0", apiVersion: "capsmith.plugin/v1", hostRange: ">=0.1.0", profile: "node",
      permissions: {}, dependencies, limits: { memoryMB: 64, timeoutMs }, checksum: `sha256:${sha256(code)}`, provenance: { origin: "authored" },
    },
    code,
    spec: {
      capability,
      description: "test",
      inputSchema: { type: "object", properties: { n: { type: "number" } }, required: ["n"] },
      outputSchema: { type: "number" },
      constraints: ["deterministic"],
      examples: [{ input: { n: 1 }, output: 1 }],
    },
  };
}

beforeAll(async () => {
  capsmith = await openTestCapsmith();
  ({ log, runtime } = capsmith);
});

afterAll(async () => {
  await capsmith.dispose();
});

const call = (capability: string, input: unknown) => invokeCapability(runtime, capability, input);

describe("nested calls", () => {
  it("cancels the fan-out of a root call that ran out of time, and the next caller is not kept waiting", async () => {
    // Busy for a long while (limit 10 s) when n > 1; quick on its example.
    const slow = `export default (i) => { let s = 0; if (i.n > 1) for (let k = 0; k < 4e9; k++) s = (s + k) % 7; return i.n; }\n`;
    expect((await runtime.hub.install(pkg("slow_dep", slow, 10_000), { source: "test" })).ok).toBe(true);
    const fan = `export default async (i, host) => { if (i.n === 1) return 1; const all = []; for (let k = 0; k < 30; k++) all.push(host.invoke("slow_dep", { n: 2 })); await Promise.all(all); return 0; }\n`;
    expect((await runtime.hub.install(pkg("fan_out", fan, 2_000, { slow_dep: "^1.0.0" }), { source: "test" })).ok).toBe(true);
    expect((await runtime.hub.install(pkg("quick", "export default (i) => i.n;\n", 1_000), { source: "test" })).ok).toBe(true);

    const root = await call("fan_out", { n: 2 });
    expect(root).toMatchObject({ ok: false, error: { code: "timeout" } });
    // Within the grace a wedged worker gets, nothing of the fan-out is left running or queued.
    const until = performance.now() + 4_000;
    let load = runtime.sandbox.counts();
    while ((load.running > 0 || load.queued > 0) && performance.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
      load = runtime.sandbox.counts();
    }
    expect(load).toMatchObject({ running: 0, queued: 0 });
    expect(await call("quick", { n: 5 })).toMatchObject({ ok: true, output: 5 });

    // No nested call outlived the root: none succeeded, each ended cancelled or out of the root's time.
    const nested: { ok: boolean; errorCode: string | null }[] = [];
    for await (const e of log.read("capsmith.evt.usage.slow_dep")) if (e.type === "PluginInvoked") nested.push(e.data as never);
    expect(nested.filter((n) => n.ok)).toEqual([]);
    for (const n of nested) expect(n.errorCode).toBeOneOf(["timeout", "cancelled"]);
  });

  it("hands a nested call the root's remaining time, not a fresh one", async () => {
    const requests: number[] = [];
    const invoke = runtime.invoker.nested.bind(runtime.invoker);
    runtime.invoker.nested = async (request, signal) => {
      requests.push(request.deadline - performance.now());
      return invoke(request, signal);
    };
    try {
      const waiter = `export default async (i, host) => { if (i.n === 1) return 1; let s = 0; for (let k = 0; k < 3e7; k++) s = (s + k) % 7; return host.invoke("quick", { n: 3 }); }\n`;
      expect((await runtime.hub.install(pkg("waiter", waiter, 3_000, { quick: "^1.0.0" }), { source: "test" })).ok).toBe(true);
      expect(await call("waiter", { n: 2 })).toMatchObject({ ok: true, output: 3 });
      expect(requests).toHaveLength(1);
      expect(requests[0]).toBeLessThan(3_000);
    } finally {
      runtime.invoker.nested = invoke;
    }
  });
});
