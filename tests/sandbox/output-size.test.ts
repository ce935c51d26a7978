/**
 * A result (or host-operation arguments) whose JSON cannot fit the limit is refused as soon as
 * that is certain, while it is written: a value with millions of keys (a 10 M-element typed array
 * serializes as an object of 10 M keys) held the worker ~10 s in one step before, until the host
 * killed it. Values whose JSON fits, to the last character, still come back whole.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHost } from "../../src/sandbox/index.ts";
import type { PluginHost } from "../../src/sandbox/index.ts";
import { pids } from "./attack-harness.ts";

/** The result limit of the host below, in characters of JSON. */
const LIMIT = 10_000;

describe("result size", () => {
  let host: PluginHost;
  beforeAll(() => {
    host = createPluginHost({ workers: 1, graceMs: 1_000, maxResultBytes: LIMIT, maxInputBytes: LIMIT, invoke: async () => ({ ok: true, output: 1 }) });
  });
  afterAll(async () => {
    await host.close();
  });

  it("refuses a 10 M-element typed array as result_too_large by the worker's own check, its worker kept", { timeout: 60_000 }, async () => {
    await host.load({ id: "typed", code: `export default () => new Uint8Array(1e7)`, limits: { timeoutMs: 500 } });
    const before = await pids(host);
    const r = await host.call("typed", null);
    expect(r.ok ? "ok" : r.error.code).toBe("result_too_large");
    expect(await pids(host)).toEqual(before);
  });

  it("refuses host-operation arguments of millions of keys the same way", { timeout: 60_000 }, async () => {
    await host.load({ id: "args", dependencies: ["dep"], code: `export default async (x, host) => { try { await host.invoke("dep", new Uint8Array(1e7)); return "sent"; } catch (e) { return e.code; } }`, limits: { timeoutMs: 500 } });
    expect(await host.call("args", null)).toMatchObject({ ok: true, output: "input_too_large" });
  });

  // Each value's JSON as long as fits, then one step longer: the bound counts no more than is written.
  const shapes: [string, string][] = [
    ["an array of numbers", `(n) => Array.from({ length: n }, () => 7)`],
    ["an object of short keys", `(n) => Object.fromEntries(Array.from({ length: n }, (_, i) => ["k" + i, i]))`],
    ["an object with skipped members", `(n) => ({ a: undefined, f() {}, [Symbol("s")]: 1, s: "x".repeat(n) })`],
    ["strings that escape", `(n) => ["\\n\\"".repeat(n)]`],
    ["a toJSON that answers a long string", `(n) => ({ toJSON: () => "y".repeat(n) })`],
    ["nested arrays with holes", `(n) => [[, undefined, () => 1], "z".repeat(n)]`],
    ["a typed array", `(n) => ({ t: new Uint8Array(n) })`],
    ["a typed array of wide numbers", `(n) => [new Float64Array(n).fill(1.5)]`],
  ];
  for (const [name, make] of shapes) {
    it(`${name}: whole at the limit, result_too_large past it`, { timeout: 60_000 }, async () => {
      // The largest n whose JSON fits, found in the sandbox with the engine's own stringify: that
      // value must come back whole, the next one refused.
      const code = `const make = ${make}; export default (extra) => { let lo = 0, hi = ${LIMIT}; while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (JSON.stringify(make(mid)).length <= ${LIMIT}) lo = mid; else hi = mid - 1; } return make(lo + extra); }`;
      await host.load({ id: "shape", code, limits: { timeoutMs: 5_000 } });
      const fits = await host.call("shape", 0);
      expect(fits.ok ? "ok" : fits.error.code).toBe("ok");
      const over = await host.call("shape", 1);
      expect(over.ok ? "ok" : over.error.code).toBe("result_too_large");
    });
  }
});
