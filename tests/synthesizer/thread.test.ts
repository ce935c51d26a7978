/**
 * The search off the caller's thread: the caller's event loop keeps running while it searches,
 * aborting stops it at once, and its budget is CPU time (a sleeping thread spends none).
 */
import { describe, expect, it } from "vitest";
import { SynthesizerError, createThreadedExampleBackend, threadCpuMs } from "../../src/agents/synthesizer/index.ts";
import { OWN_SPECS, makeSpec } from "./fixtures.ts";
import { jsonEqual } from "../../src/spec/index.ts";
import { loadPlugin } from "./load-plugin.ts";

const impossible = makeSpec("noise", "Unrelated words.", [[{ n: 1 }, "qzx"], [{ n: 2 }, "plm"], [{ n: 3 }, "wer"], [{ n: 4 }, "tyu"]]);
const backend = createThreadedExampleBackend();

describe("the threaded example backend", () => {
  it("returns the same program as the in-thread search, with its tests", async () => {
    const spec = OWN_SPECS.find((s) => s.capability === "oldest_name")!;
    const result = await backend.synthesize(spec);
    const fn = await loadPlugin(result.code);
    for (const t of spec.tests ?? []) expect(jsonEqual(fn(structuredClone(t.input), {}), t.output)).toBe(true);
    expect(result.tests).toHaveLength(spec.examples.length);
    // The worker is kept for the next search: a second and third one answer too.
    for (const next of OWN_SPECS.slice(1, 3)) expect((await backend.synthesize(next)).capability).toBe(next.capability);
  });

  it("keeps the caller's event loop running while it searches, and stops at once when aborted", async () => {
    const controller = new AbortController();
    let ticks = 0;
    const timer = setInterval(() => {
      ticks++;
      // Abort only once the caller has been served many times during the search.
      if (ticks === 20) controller.abort();
    }, 5);
    const run = backend.synthesize(impossible, { budgetMs: 120_000, signal: controller.signal });
    let err: unknown;
    try {
      await run;
    } catch (e) {
      err = e;
    } finally {
      clearInterval(timer);
    }
    expect(err).toBeInstanceOf(SynthesizerError);
    expect((err as SynthesizerError).code).toBe("cancelled");
    expect(ticks).toBeGreaterThanOrEqual(20);
  });

  it("reports the search's coded errors across the thread", async () => {
    const err = await backend.synthesize(impossible, { budgetMs: 200 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SynthesizerError);
    expect((err as SynthesizerError).code).toBe("no_program_found");
    expect((err as SynthesizerError).details?.["reason"]).toBe("budget");
  });
});

describe("the budget clock", () => {
  it("counts CPU time of the thread: waiting spends none, working does", async () => {
    const before = threadCpuMs();
    await new Promise((r) => setTimeout(r, 300));
    const waited = threadCpuMs() - before;
    const start = threadCpuMs();
    let x = 0;
    const until = performance.now() + 300;
    while (performance.now() < until) x += Math.sqrt(x + 1);
    const worked = threadCpuMs() - start;
    expect(x).toBeGreaterThan(0);
    expect(waited).toBeLessThan(worked);
    expect(worked).toBeGreaterThan(0);
  });
});
