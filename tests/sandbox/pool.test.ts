/**
 * F3: a pool of workers, one call at a time per worker thread, kill timers that start when the
 * worker starts the call, queue time reported apart from run time. An honest slow computation does
 * not get its neighbours killed, and independent calls run at once.
 */
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { createPluginHost } from "../../src/sandbox/index.ts";
import type { PluginHost } from "../../src/sandbox/index.ts";

// Busy work for about `ms` of one core, counted in loop turns calibrated below (plugins see no clock).
const SLOW = `export default (n) => { let s = 0; for (let i = 0; i < n; i++) s = (s + i * 7) % 1000003; return s; }`;

let host: PluginHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function turnsFor(h: PluginHost, ms: number): Promise<number> {
  await h.load({ id: "calibrate", code: SLOW, limits: { timeoutMs: 10_000 } });
  const r = await h.call("calibrate", 2e7);
  if (!r.ok) throw new Error(r.error.message);
  return Math.round((2e7 * ms) / Math.max(1, r.usage.cpuMs));
}

describe("worker pool", () => {
  it("defaults to one worker per core", async () => {
    host = createPluginHost();
    await host.load({ id: "p", code: SLOW, limits: { timeoutMs: 10_000 } });
    // More concurrent calls than cores: every worker of the pool gets one.
    await Promise.all(Array.from({ length: availableParallelism() * 3 }, () => host!.call("p", 3e6)));
    expect((await host.stats()).length).toBe(availableParallelism());
  });

  it("lets an honest slow call finish and a benign call queued behind it run: neither is killed", async () => {
    // The case: one worker, a 2.5 s computation, a benign call sent meanwhile.
    host = createPluginHost({ workers: 1, graceMs: 500 });
    const turns = await turnsFor(host, 2_500);
    // Room for a crowded machine: 2.5 s of CPU may take several times that on the clock.
    await host.load({ id: "slow", code: SLOW, limits: { timeoutMs: 25_000 } });
    await host.load({ id: "benign", code: `export default (x) => x * 2`, limits: { timeoutMs: 1_000 } });
    const slow = host.call("slow", turns);
    await new Promise((r) => setTimeout(r, 50));
    const [s, b] = await Promise.all([slow, host.call("benign", 21)]);
    expect(s.ok ? "ok" : `${s.error.code}: ${s.error.message}`).toBe("ok");
    expect(b.ok ? b.output : `${b.error.code}: ${b.error.message}`).toBe(42);
    // The benign call's time was spent waiting for the worker, reported as queue time, not run time.
    if (b.ok && s.ok) {
      expect(b.usage.queueMs).toBeGreaterThan(b.usage.wallMs);
      expect(s.usage.queueMs).toBeLessThan(s.usage.wallMs);
    }
  }, 60_000);

  it("lets a slow call and a benign call run side by side on two workers", async () => {
    host = createPluginHost({ workers: 2, graceMs: 500 });
    const turns = await turnsFor(host, 1_500);
    await host.load({ id: "slow", code: SLOW, limits: { timeoutMs: 10_000 } });
    await host.load({ id: "benign", code: `export default (x) => x * 2` });
    const order: string[] = [];
    const slow = host.call("slow", turns).then((r) => (order.push("slow"), r));
    await new Promise((r) => setTimeout(r, 50));
    const benign = host.call("benign", 21).then((r) => (order.push("benign"), r));
    const [s, b] = await Promise.all([slow, benign]);
    expect(s.ok && b.ok).toBe(true);
    expect(order).toEqual(["benign", "slow"]);
  });

  it("runs calls to one plugin in parallel on different workers, one at a time per isolate", async () => {
    host = createPluginHost({ workers: 2, graceMs: 500 });
    const turns = await turnsFor(host, 800);
    await host.load({ id: "same", code: SLOW, limits: { timeoutMs: 10_000 } });
    const results = await Promise.all([host.call("same", turns), host.call("same", turns)]);
    expect(results.every((r) => r.ok)).toBe(true);
    // Both started before either finished: the second did not queue behind the first.
    const queued = results.map((r) => (r.ok ? r.usage.queueMs : -1));
    const run = results.map((r) => (r.ok ? r.usage.wallMs : -1));
    expect(Math.min(...queued)).toBeLessThan(Math.max(...run) / 2);
    expect(Math.max(...queued)).toBeLessThan(Math.min(...run) / 2);
  });
});

describe("background lane", () => {
  it("moves plugins that run out of time to background workers, so short calls do not wait behind them", async () => {
    host = createPluginHost({ workers: 1, graceMs: 500 });
    await host.load({ id: "benign", code: `export default (x) => x + 1` });
    const hostile = ["h1", "h2", "h3"];
    for (const id of hostile) await host.load({ id, code: `export default () => { for (;;) {} }`, limits: { timeoutMs: 1_500 } });
    let stop = false;
    const timedOut = new Set<string>();
    const loops = hostile.map(async (id) => {
      while (!stop) {
        const r = await host!.call(id, null);
        if (!r.ok && r.error.code === "timeout") timedOut.add(id);
      }
    });
    try {
      while (timedOut.size < hostile.length) await new Promise((r) => setTimeout(r, 50));
      await host.stats();
      for (let i = 0; i < 20; i++) {
        const r = await host.call("benign", i);
        expect(r.ok && r.output).toBe(i + 1);
        // Never queued behind a 1.5 s busy loop.
        if (r.ok) expect(r.usage.queueMs).toBeLessThan(750);
      }
      // The background workers run at a lower CPU priority (Linux: /proc/<pid>/stat's 19th field).
      if (process.platform === "linux") {
        const nices = (await host.stats()).map((w) => Number(readFileSync(`/proc/${w.pid}/stat`, "utf8").split(") ")[1]!.split(" ")[16]));
        expect(Math.max(...nices)).toBeGreaterThan(0);
        expect(Math.min(...nices)).toBe(0);
      }
    } finally {
      stop = true;
      await Promise.all(loops);
    }
  });
});
