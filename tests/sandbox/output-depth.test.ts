/**
 * F2: plugin output is parsed without recursion. A result nested past the documented limit is the
 * call's `output_too_deep`, never a stack overflow thrown at the caller; so are host-operation
 * arguments nested that deep.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_OUTPUT_DEPTH, createPluginHost } from "../../src/sandbox/index.ts";
import type { PluginHost } from "../../src/sandbox/index.ts";
import { parsePluginJson } from "../../src/sandbox/safe-json.ts";

describe("deep outputs", () => {
  let host: PluginHost;
  const invoked: unknown[] = [];

  beforeAll(() => {
    host = createPluginHost({
      workers: 1,
      invoke: async (request) => {
        invoked.push(request.input);
        return { ok: true, output: 1 };
      },
    });
  });

  afterAll(async () => {
    await host.close();
  });

  it("documents a limit the rest of capsmith can walk", () => {
    expect(MAX_OUTPUT_DEPTH).toBeGreaterThanOrEqual(32);
    expect(MAX_OUTPUT_DEPTH).toBeLessThanOrEqual(256);
  });

  for (const depth of [3_600, 20_000]) {
    it(`refuses a result nested ${depth} deep with output_too_deep`, async () => {
      await host.load({ id: "deep", code: `export default (n) => { let a = 0; for (let i = 0; i < n; i++) a = i % 2 ? [a] : { a }; return a; }`, limits: { timeoutMs: 5_000 } });
      const r = await host.call("deep", depth);
      expect(r.ok ? "ok" : r.error.code).toBe("output_too_deep");
    });
  }

  it("accepts a result exactly at the limit and refuses one level more", async () => {
    await host.load({ id: "edge", code: `export default (n) => { let a = 1; for (let i = 0; i < n; i++) a = [a]; return a; }` });
    expect((await host.call("edge", MAX_OUTPUT_DEPTH)).ok).toBe(true);
    expect(await host.call("edge", MAX_OUTPUT_DEPTH + 1)).toMatchObject({ ok: false, error: { code: "output_too_deep" } });
  });

  it("counts depth in the text, not in look-alike characters inside strings", async () => {
    await host.load({ id: "brackets", code: `export default () => ({ s: "[".repeat(10000) + "{".repeat(10000), t: ["]]]}}}\\"[[["] })` });
    expect(await host.call("brackets", null)).toMatchObject({ ok: true });
  });

  it("refuses host.invoke arguments nested past the limit before they reach the resolver", async () => {
    await host.load({
      id: "deep-arg",
      dependencies: ["other"],
      code: `export default async (n, host) => { let a = 1; for (let i = 0; i < n; i++) a = [a]; try { await host.invoke("other", a); return "sent"; } catch (e) { return e.code; } }`,
    });
    expect(await host.call("deep-arg", 5_000)).toMatchObject({ ok: true, output: "output_too_deep" });
    expect(invoked).toEqual([]);
  });

  it("parses without recursion and still drops prototype keys", () => {
    expect(() => parsePluginJson("[".repeat(100_000) + "]".repeat(100_000))).toThrow(expect.objectContaining({ code: "output_too_deep" }));
    const out = parsePluginJson(`{"__proto__":{"x":1},"a":[{"constructor":{"prototype":1},"b":2}]}`) as Record<string, unknown>;
    expect(Object.hasOwn(out, "__proto__")).toBe(false);
    expect(out).toEqual({ a: [{ b: 2 }] });
  });
});
