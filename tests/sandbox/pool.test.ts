/**
 * F3: a pool of workers, one call at a time per worker thread, kill timers that start when the
 * worker starts the call, queue time reported apart from run time. An honest slow computation does
 * not get its neighbours killed, and independent calls run at once.
 */
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { createPluginHost } from "../../src/sandbox/index.ts";
import type { CallResult, PluginHost } from "../../src/sandbox/index.ts";
import { holdServer } from "./hold-server.ts";
import type { HoldServer } from "./hold-server.ts";

// Busy work: `n` loop turns (plugins see no clock).
const SLOW = `export default (n) => { let s = 0; for (let i = 0; i < n; i++) s = (s + i * 7) % 1000003; return s; }`;

let host: PluginHost | undefined;
const servers: HoldServer[] = [];
/** A hold server closed after the test. */
const serve = async (opts: Parameters<typeof holdServer>[0]): Promise<HoldServer> => {
  const s = await holdServer(opts);
  servers.push(s);
  return s;
};
afterEach(async () => {
  await host?.close();
  host = undefined;
  for (const s of servers.splice(0)) await s.close();
});

const outcome = (r: CallResult): unknown => (r.ok ? r.output : r.error.code);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
/** A call's result with the moment (performance.now()) the test saw it. */
const timed = (p: Promise<CallResult>): Promise<{ r: CallResult; at: number }> => p.then((r) => ({ r, at: performance.now() }));
/**
 * A test's time limit: above the sum of its polls' own limits, so on a loaded machine a slow poll
 * fails by naming what it waited for, not by the test running out of time first (stop 51's CI).
 */
const LOADED = { timeout: 120_000 };

describe("worker pool", LOADED, () => {
  it("defaults to one worker per core", async () => {
    // No call counts as long here (on a loaded machine one can pass 100 ms of CPU, and a long call's
    // worker joins the background lane, which the pool then refills): only the default size is tested.
    host = createPluginHost({ backgroundAfterMs: 60_000 });
    await host.load({ id: "p", code: SLOW, limits: { timeoutMs: 10_000 } });
    // More concurrent calls than cores: every worker of the pool gets one.
    await Promise.all(Array.from({ length: availableParallelism() * 3 }, () => host!.call("p", 3e6)));
    expect((await host.stats()).length).toBe(availableParallelism());
  });

  it("lets a call queued behind a long one for longer than its own time limit run: neither is killed, and the wait is queue time, not run time", async () => {
    // Calls of a plugin known to run long share the background lane (one worker for `workers: 1`).
    // A holds it, waiting on a fetch the test answers when it likes; B, sent meanwhile with a
    // 500 ms limit, waits for it for over 1 s. Every bound below follows from what happened
    // when (B cannot start before A is released), not from how fast the machine is.
    const server = await serve({ giveUpMs: 60_000 });
    host = createPluginHost({ workers: 1, graceMs: 500 });
    await host.load({
      id: "long", profile: "integration", permissions: { net: server.net }, limits: { timeoutMs: 30_000 },
      code: `export default async (x, host) => { if (x === "spin") for (;;) {} if (x === "now") return "quick"; return (await host.fetch(x)).body; }`,
    });
    // Out of time once: the plugin is known to run long.
    expect(outcome(await host.call("long", "spin", { timeoutMs: 300 }))).toBe("timeout");
    const sentA = performance.now();
    const a = timed(host.call("long", `${server.url}/a`));
    await expect.poll(() => server.inFlight(), { timeout: 20_000 }).toBe(1);
    const fetchedA = performance.now();
    const b = timed(host.call("long", "now", { timeoutMs: 500 }));
    await expect.poll(() => host!.counts().queued, { timeout: 20_000 }).toBe(1);
    const queuedB = performance.now();
    // Longer than B's own limit: a kill timer started when B was sent would have ended it.
    await sleep(1_000);
    const released = performance.now();
    server.release();
    const [ra, rb] = await Promise.all([a, b]);
    expect([outcome(ra.r), outcome(rb.r)]).toEqual(["/a|released", "quick"]);
    // B waited from before `queuedB` until after `released`: queue time. It ran only after that.
    expect(rb.r.usage!.queueMs).toBeGreaterThanOrEqual(released - queuedB);
    expect(rb.r.usage!.wallMs).toBeLessThanOrEqual(rb.at - released);
    // A ran (waiting on its fetch) from before `fetchedA` until after `released`: run time, not queue time.
    expect(ra.r.usage!.wallMs).toBeGreaterThanOrEqual(released - fetchedA);
    expect(ra.r.usage!.queueMs).toBeLessThanOrEqual(fetchedA - sentA + (ra.at - released));
  });

  it("lets a slow call and a benign call run side by side on two workers", async () => {
    host = createPluginHost({ workers: 2, graceMs: 500 });
    // Its limit outlasts the test: it computes until the host closes.
    await host.load({ id: "slow", code: `export default () => { for (;;) {} }`, limits: { timeoutMs: 600_000 } });
    await host.load({ id: "benign", code: `export default (x) => x * 2` });
    let slowDone = false;
    void host.call("slow", null).then(() => (slowDone = true));
    await expect.poll(() => host!.counts().running, { timeout: 20_000 }).toBe(1);
    expect(await host.call("benign", 21)).toMatchObject({ ok: true, output: 42 });
    expect(slowDone).toBe(false);
  });

  it("runs calls to one plugin in parallel on different workers, one at a time per isolate", async () => {
    const server = await serve({ giveUpMs: 60_000 });
    host = createPluginHost({ workers: 2, graceMs: 500 });
    await host.load({ id: "same", profile: "integration", permissions: { net: server.net }, code: `export default async (u, host) => (await host.fetch(u)).body`, limits: { timeoutMs: 30_000 } });
    const calls = [host.call("same", `${server.url}/1`), host.call("same", `${server.url}/2`)];
    // Both are inside the plugin at once: neither queued behind the other.
    await expect.poll(() => server.inFlight(), { timeout: 20_000 }).toBe(2);
    server.release();
    expect((await Promise.all(calls)).map(outcome).sort()).toEqual(["/1|released", "/2|released"]);
    // Two workers hold a copy of the plugin each (a worker serves one root call at a time).
    expect((await host.stats()).filter((w) => w.loadedPlugins === 1).length).toBe(2);
  });
});

/** Each process's nice value (Linux: /proc/<pid>/stat's 19th field). */
function niceOf(pids: number[]): number[] {
  return pids.map((pid) => Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ")[16]));
}

describe("background lane", LOADED, () => {
  it("moves plugins that run out of time to background workers, so short calls do not wait behind them", async () => {
    host = createPluginHost({ workers: 1, graceMs: 500 });
    await host.load({ id: "benign", code: `export default (x) => x + 1` });
    const hostile = ["h1", "h2", "h3"];
    // Their own limit outlasts the test: once moved, their calls compute until the host closes.
    for (const id of hostile) await host.load({ id, code: `export default () => { for (;;) {} }`, limits: { timeoutMs: 600_000 } });
    // Each runs out of time once (with a shorter limit for that call): it is known to run long.
    for (const id of hostile) expect(outcome(await host.call(id, null, { timeoutMs: 300 }))).toBe("timeout");
    // Asked while every worker is idle (a worker answers between calls only), once the background
    // worker the timeouts called for is up and reniced (on a loaded machine that takes a while).
    const workerPids = async (): Promise<number[]> => (await host!.stats()).map((w) => w.pid!);
    if (process.platform === "linux") await expect.poll(async () => Math.max(...niceOf(await workerPids())), { timeout: 30_000 }).toBeGreaterThan(0);
    const pids = await workerPids();
    const ended: string[] = [];
    for (const id of hostile) void host.call(id, null).then(() => ended.push(id));
    await expect.poll(() => host!.counts().running, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < 20; i++) expect(await host.call("benign", i)).toMatchObject({ ok: true, output: i + 1 });
    // Every short call answered while the busy loops still ran or waited for a background worker.
    expect(ended).toEqual([]);
    // The background workers run at a lower CPU priority (Linux: /proc/<pid>/stat's 19th field).
    if (process.platform === "linux") {
      const nices = niceOf(pids);
      expect(Math.max(...nices)).toBeGreaterThan(0);
      expect(Math.min(...nices)).toBe(0);
    }
  });

  it("sends the calls of a plugin found long that already wait to the background lane too, so a short call asked after them runs first", async () => {
    host = createPluginHost({ workers: 1, graceMs: 500 });
    await host.load({ id: "benign", code: `export default (x) => x + 1` });
    // Its limit outlasts the test (a loaded machine may take seconds to give a call its first 100 ms of CPU).
    await host.load({ id: "busy", code: `export default () => { for (;;) {} }`, limits: { timeoutMs: 120_000 } });
    // Three calls of a plugin nobody knows yet to be long, then a short one, all waiting at once.
    const busy = [1, 2, 3].map(() => host!.call("busy", null));
    const benign = await host.call("benign", 1);
    expect(benign).toMatchObject({ ok: true, output: 2 });
    // The first busy call moved to the background lane (its one worker); the two waiting behind it
    // followed it there and still wait, where before they took the foreground workers one after
    // another ahead of the short call.
    expect(host.counts()).toMatchObject({ running: 1, queued: 2 });
    await host.close();
    expect((await Promise.all(busy)).map(outcome)).toEqual(["host_closed", "host_closed", "host_closed"]);
  });

  it("confines a plugin whose call cost its worker: one call of it at a time, and its neighbours answer", async () => {
    host = createPluginHost({ workers: 2, graceMs: 200 });
    await host.load({ id: "benign", code: `export default (x) => x + 1` });
    // One step of the engine that no interrupt check splits: a 20-million-bit BigInt turned into
    // decimal by a template literal (no call a wrapper could take over; many seconds).
    await host.load({ id: "wedge", code: "export default () => `${(1n << 20000000n) - 1n}`.length", limits: { timeoutMs: 300 } });
    // Two background workers ready and idle first: a busy loop known to be long, twice at once.
    await host.load({ id: "long", code: `export default () => { for (;;) {} }`, limits: { timeoutMs: 300 } });
    expect(outcome(await host.call("long", null))).toBe("timeout");
    expect((await Promise.all([host.call("long", null), host.call("long", null)])).map(outcome)).toEqual(["timeout", "timeout"]);
    const first = await host.call("wedge", null);
    expect(outcome(first)).toBe("timeout");
    expect(!first.ok && first.error.details?.["observed"]).toBe("host_timer");
    // Three at once now: they run one after another, each costing one worker, never two at a time
    // (the background lane has two workers for them).
    let most = 0;
    let done = false;
    const calls = Promise.all([1, 2, 3].map(() => host!.call("wedge", null))).finally(() => (done = true));
    while (!done) {
      most = Math.max(most, host.counts().running);
      await sleep(5);
    }
    expect((await calls).map(outcome)).toEqual(["timeout", "timeout", "timeout"]);
    expect(most).toBe(1);
    expect(await host.call("benign", 1)).toMatchObject({ ok: true, output: 2 });
  });
});
