/**
 * Generated code is read in the worker process (generated-code.ts), outside every isolate's memory
 * limit: a plugin compiling 128 KiB texts in a loop grew its worker's resident memory past the
 * pool's budget (its RSS at start + WORKER_MEMORY_MARGIN_MB + 4 MB a loaded plugin + the call's
 * memory limit), so the worker was killed and the call failed `memory_limit`. With a small young
 * generation in the worker (WORKER_SEMI_SPACE_MB, sandbox-worker.ts) the garbage of those reads
 * stays within the budget. Real isolates in a real worker; its RSS read from /proc.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createPluginHost, WORKER_MEMORY_MARGIN_MB } from "../../src/sandbox/index.ts";

const MB = 1024 * 1024;
const rssOf = (pid: number): number => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) * 1024;
  } catch {
    return 0; // the process is gone: the pid check below says so
  }
};

describe.runIf(process.platform === "linux")("the worker's memory while plugins compile generated code", () => {
  it("128 KiB texts compiled in a loop, within one call and across calls, keep the worker under its memory budget", { timeout: 300_000 }, async () => {
    const h = createPluginHost({ workers: 1 });
    try {
      // Each text is new (no cache), and as dense in syntax nodes as a text gets: 65,000 literals.
      const code = `export default (n) => { const t = "[" + "1,".repeat(65000) + "]"; let k = 0; for (let i = 0; i < n; i++) { if (eval(t + "//" + i + " " + Math.random()).length === 65000) k++; } return k; }`;
      await h.load({ id: "gen", allow: ["eval"], limits: { timeoutMs: 120_000, memoryMB: 64 }, code });
      await h.load({ id: "benign", code: `export default (x) => x + 1` });
      expect(await h.call("benign", 1)).toMatchObject({ ok: true, output: 2 });
      const [worker] = await h.stats();
      const pid = worker!.pid!;
      // The pool's budget for this worker while "gen" runs (docs/sandbox.md, "Limits and time").
      const budget = worker!.rssBytes + (WORKER_MEMORY_MARGIN_MB + 4 * 2 + 64) * MB;
      let peak = 0;
      const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 5);
      try {
        for (let call = 0; call < 3; call++) {
          const r = await h.call("gen", 6);
          expect(r.ok ? r.output : r.error.code).toBe(6);
          expect(await h.call("benign", call)).toMatchObject({ ok: true, output: call + 1 });
        }
      } finally {
        clearInterval(sampler);
      }
      // Never killed for its memory (it may have moved to the background lane: the calls ran long).
      expect((await h.stats()).map((s) => s.pid)).toContain(pid);
      expect(peak).toBeGreaterThan(0);
      expect(peak).toBeLessThan(budget);
    } finally {
      await h.close();
    }
  });
});
