/**
 * Memory is enforced at the worker: when a worker's resident memory passes what its plugins may use
 * (their limits plus the documented margin), the worker is recycled and the call that was running
 * fails `memory_limit`, even when the isolate's own accounting missed the allocation.
 */
import { describe, expect, it } from "vitest";
import { WORKER_MEMORY_MARGIN_MB } from "../../src/sandbox/index.ts";
import { loadBenign, useHost } from "./host-fixture.ts";

describe("worker memory", () => {
  const host = useHost({ workers: 1, graceMs: 2_000 }, loadBenign);

  it("documents its margin", () => {
    expect(WORKER_MEMORY_MARGIN_MB).toBeGreaterThan(0);
    expect(WORKER_MEMORY_MARGIN_MB).toBeLessThanOrEqual(128);
  });

  // Builtins that allocate far past a 64 MB isolate's limit within one step (split's ~200 MB of
  // strings), which isolated-vm only sees after the fact: the worker passes its resident-memory
  // budget while the call runs.
  const cases: [string, string][] = [
    ["split of a 40 MB string", `export default () => { const s = "a,".repeat(2e7); return s.split(",").length; }`],
  ];

  // ICU's buffers outside the heap did the same (normalize and toUpperCase of a 40 MB string
  // recycled the worker); the sandbox now refuses such inputs before ICU sees them
  // (bootstrap-steps.ts), so the call fails and the worker stays.
  it("refuses normalize and toUpperCase of a 40 MB string before ICU allocates, the worker kept", async () => {
    const [before] = await host().stats();
    await host().load({ id: "icu", code: `export default () => { const s = "ab".repeat(2e7); return s.normalize("NFD").length + s.toUpperCase().length; }`, limits: { timeoutMs: 20_000, memoryMB: 64 } });
    const r = await host().call("icu", null);
    expect(r.ok ? "ok" : r.error.code).toBe("input_too_large");
    expect(await host().call("benign", 1)).toMatchObject({ ok: true, output: 2 });
    const [after] = await host().stats();
    expect(after!.pid).toBe(before!.pid);
  });

  for (const [name, code] of cases) {
    it(`recycles the worker and fails the call: ${name}`, async () => {
      const [before] = await host().stats();
      await host().load({ id: "hog", code, limits: { timeoutMs: 20_000, memoryMB: 64 } });
      const r = await host().call("hog", null);
      expect(r.ok ? "ok" : r.error.code).toBe("memory_limit");
      if (!r.ok) expect(r.error.details).toMatchObject({ observed: "worker_rss" });
      expect(await host().call("benign", 1)).toMatchObject({ ok: true, output: 2 });
      const [after] = await host().stats();
      expect(after!.pid).not.toBe(before!.pid);
    });
  }
});
