import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPluginHost } from "../../src/sandbox/index.ts";
import type { PluginHost, SandboxError } from "../../src/sandbox/index.ts";
import { hostileCases } from "./hostile-plugins.ts";

const TIMEOUT_MS = 300;
const GRACE_MS = 400;
// Generous: a contained plugin ends within its timeout plus the grace before a wedged worker is
// killed, plus room for a replacement worker to start on a busy 2-core machine.
const boundMs = (timeoutMs: number): number => timeoutMs + GRACE_MS + 4_000;

describe("hostile battery", () => {
  let host: PluginHost;
  let rssBefore = 0;

  beforeAll(async () => {
    host = createPluginHost({ workers: 2, graceMs: GRACE_MS, invoke: async () => ({ ok: true, output: 1 }) });
    await host.load({ id: "benign", code: `export default (input) => ({ sum: input.a + input.b })` });
    expect((await host.call("benign", { a: 1, b: 2 })).ok).toBe(true);
    rssBefore = process.memoryUsage().rss;
  });

  afterAll(async () => {
    await host.close();
  });

  it("has at least 40 hostile plugins", () => {
    expect(hostileCases.length).toBeGreaterThanOrEqual(40);
  });

  let ran = 0;

  for (const c of hostileCases) {
    it(`contains: ${c.name}`, async () => {
      const loaded = await host
        .load({ id: "hostile", code: c.code, limits: { timeoutMs: c.timeoutMs ?? TIMEOUT_MS, memoryMB: c.memoryMB ?? 64 }, ...(c.dependencies ? { dependencies: c.dependencies } : {}) })
        .then(() => undefined, (e: unknown) => e as SandboxError);
      ran++;
      if (loaded) {
        // Refused before it ran (the static scan): contained if that is what the case expects.
        expect(c.expect === "ok" ? `refused: ${loaded.code}` : loaded.code).toBeOneOf(c.expect === "ok" ? ["ok"] : c.expect);
        return;
      }
      const started = performance.now();
      const result = await host.call("hostile", c.input ?? null, { now: 86_400_000, seed: 7 });
      const elapsed = performance.now() - started;
      expect(elapsed).toBeLessThan(boundMs(c.timeoutMs ?? TIMEOUT_MS));
      if (c.expect === "ok") {
        expect(result.ok ? "ok" : `${result.error.code}: ${result.error.message}`).toBe("ok");
        if (result.ok) c.check?.(result.output);
      } else {
        expect(result.ok ? `ok: ${JSON.stringify(result.output).slice(0, 200)}` : result.error.code).toBeOneOf(c.expect);
      }
      for (const line of result.logs) expect(line.length).toBeLessThanOrEqual(2_100);
      expect(result.logs.length).toBeLessThanOrEqual(101);
      // The host and the pool go on: a benign plugin still answers.
      const benign = await host.call("benign", { a: 2, b: 3 });
      expect(benign.ok && benign.output).toEqual({ sum: 5 });
    });
  }

  it("is the same long-lived host after all of them, and a benign call still answers correctly", async () => {
    expect(ran).toBe(hostileCases.length);
    for (let i = 0; i < 20; i++) expect(await host.call("benign", { a: i, b: 1 })).toMatchObject({ ok: true, output: { sum: i + 1 } });
  });

  it("ends with the host's memory back near where it started and the workers within bounds", async () => {
    const grown = process.memoryUsage().rss - rssBefore;
    expect(grown).toBeLessThan(100 * 1024 * 1024);
    for (const w of await host.stats()) expect(w.rssBytes).toBeLessThan(1024 * 1024 * 1024);
  });
});
