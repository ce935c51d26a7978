/**
 * F1: every promise a plugin creates settles inside its timed call. A rejection nobody handles is
 * the call's `plugin_error`, with a clipped message read inside the call's time; it never escapes
 * as a crash of the worker, a 20 MB message, or plugin code running after the call's timer.
 */
import { describe, expect, it } from "vitest";
import { loadBenign, useHost } from "./host-fixture.ts";

const MAX_MESSAGE = 2_100;

describe("unhandled rejections", () => {
  const host = useHost({ workers: 1, graceMs: 2_000 }, loadBenign);

  async function run(code: string, memoryMB = 64, timeoutMs = 500) {
    await host().load({ id: "p", code, limits: { timeoutMs, memoryMB } });
    return host().call("p", null);
  }

  const unhandled: [string, string][] = [
    ["Promise.reject in the sync part", `export default () => { Promise.reject(new Error("x")); return 1; }`],
    ["a rejection after an await", `export default async () => { Promise.reject(new Error("y")); await null; return 2; }`],
    ["a discarded async function that throws", `export default () => { (async () => { throw new Error("z"); })(); return 3; }`],
    ["a discarded async method", `const o = { async m() { await null; throw new Error("m"); } }; export default () => { o.m(); return 4; }`],
    ["a then() callback that throws", `export default () => { Promise.resolve(1).then(() => { throw new Error("t"); }); return 5; }`],
    ["a new Promise whose executor throws", `export default () => { new Promise(() => { throw new Error("e"); }); return 6; }`],
    ["an async generator whose next() rejects", `async function* g() { throw new Error("g"); } export default () => { g().next(); return 7; }`],
    ["Promise.all over a rejection", `export default () => { Promise.all([Promise.reject(new Error("a")).catch(() => 1), Promise.reject(new Error("b"))]); return 8; }`],
    ["a non-Error reason", `export default () => { Promise.reject("plain string reason"); return 9; }`],
  ];

  for (const [name, code] of unhandled) {
    it(`fails the call as plugin_error: ${name}`, async () => {
      const r = await run(code);
      expect(r.ok ? `ok ${JSON.stringify(r.output)}` : r.error.code).toBe("plugin_error");
      if (!r.ok) expect(r.error.message).toMatch(/unhandled/i);
    });
  }

  it("clips a 20 MB rejection message before it leaves the worker", async () => {
    // Building and clipping 20 MB takes a few hundred ms on a busy machine: a budget that the 500 ms
    // of the other cases would make a timeout under load; the clip is what is tested, not the speed.
    const r = await run(`export default () => { Promise.reject(new Error("x".repeat(2e7))); return 1; }`, 256, 5_000);
    expect(r.ok ? "ok" : r.error.code).toBe("plugin_error");
    if (!r.ok) {
      expect(r.error.message.length).toBeLessThan(MAX_MESSAGE);
      expect(JSON.stringify(r.error.details ?? {}).length).toBeLessThan(10_000);
    }
  });

  it("reads a looping message getter inside the call's time: a timeout, not a killed worker", async () => {
    const r = await run(`export default () => { Promise.reject({ get message() { for (;;) {} } }); return 1; }`);
    expect(r.ok ? "ok" : r.error.code).toBe("timeout");
    // Stopped by the isolate's own timer: a worker the host killed for its deadline says so
    // (observed: host_timer). Worker pids are no evidence either way: the worker that ran long moves
    // to the background lane, and an idle background worker beyond the lane's size is retired.
    if (!r.ok) expect(r.error.details?.["observed"]).toBeUndefined();
    expect(await host().call("benign", 1)).toMatchObject({ ok: true, output: 2 });
  });

  it("reads a Proxy reason inside the call's time", async () => {
    const r = await run(`export default () => { Promise.reject(new Proxy({}, { get() { for (;;) {} } })); return 1; }`);
    expect(r.ok ? "ok" : r.error.code).toBe("timeout");
  });

  it("does not count a rejection the plugin handles, however late in the call", async () => {
    const handled = [
      `export default async () => { try { await Promise.reject(new Error("x")); } catch { return "caught"; } }`,
      `export default async () => { const p = Promise.reject(new Error("x")); await null; await null; return p.catch(() => "caught"); }`,
      `export default async () => { const f = async () => { throw new Error("x"); }; try { await f(); } catch { return "caught"; } }`,
      `export default async () => { const r = await Promise.allSettled([Promise.reject(1), Promise.resolve(2)]); return r.map((x) => x.status).join() === "rejected,fulfilled" ? "caught" : "wrong"; }`,
      `export default () => { const p = Promise.reject(new Error("x")); p.then(null, () => 0); return "caught"; }`,
      `async function* g() { yield 1; throw new Error("g"); } export default async () => { try { for await (const x of g()) {} } catch { return "caught"; } }`,
    ];
    for (const code of handled) {
      const r = await run(code);
      expect(r.ok ? r.output : `${r.error.code}: ${r.error.message}`).toBe("caught");
    }
  });

  it("keeps the call's own rejection as its error (not an unhandled one)", async () => {
    const r = await run(`export default async () => { throw new TypeError("mine"); }`);
    expect(r).toMatchObject({ ok: false, error: { code: "plugin_error", message: "mine" } });
  });

  it("refuses to let a plugin subclass Promise past the tracking", async () => {
    const r = await run(`class P extends Promise { static get [Symbol.species]() { throw new Error("no"); } } export default () => { P.reject(new Error("s")); return 1; }`);
    expect(r.ok).toBe(false);
    expect(await host().call("benign", 1)).toMatchObject({ ok: true, output: 2 });
  });
});
