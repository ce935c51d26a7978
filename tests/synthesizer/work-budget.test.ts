import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { CPU_CEILING, WORK_PER_MS, createBudget, workClock } from "../../src/agents/synthesizer/budget.ts";
import { SynthesizerError, createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { makeSpec } from "./fixtures.ts";

// The search's budget is counted in work (budget.ts's workClock), not in time: the same spec and
// budget must meet the same program, and give up at the same candidate, on an idle or a loaded machine.

const impossible = makeSpec("noise", "Unrelated words.", [
  [{ n: 1 }, "qzx"],
  [{ n: 2 }, "plm"],
  [{ n: 3 }, "wer"],
  [{ n: 4 }, "tyu"],
  [{ n: 5 }, "bnm"],
]);

async function giveUp(budgetMs: number): Promise<Record<string, unknown>> {
  try {
    await createExampleBackend().synthesize(impossible, { budgetMs });
  } catch (err) {
    expect(err).toBeInstanceOf(SynthesizerError);
    return (err as SynthesizerError).details ?? {};
  }
  throw new Error("expected the search to run out of budget");
}

/** Threads that spin on every core: the machine as loaded as we can make it from here. */
function load(threads: number): Worker[] {
  return Array.from({ length: threads }, () => new Worker("for (;;) {}", { eval: true }));
}

let spinning: Worker[] = [];
afterEach(async () => {
  await Promise.all(spinning.map((w) => w.terminate()));
  spinning = [];
});

describe("a budget counted in work", () => {
  it("gives up at the same candidate alone and beside threads that load every core", async () => {
    const alone = await giveUp(400);
    expect(alone["reason"]).toBe("budget");
    const again = await giveUp(400);
    spinning = load(3);
    const loaded = await giveUp(400);
    // A CPU-time budget stops somewhere else each run (it reads the clock every 256 candidates).
    expect([again["candidates"], loaded["candidates"]]).toEqual([alone["candidates"], alone["candidates"]]);
    expect(loaded["sizeReached"]).toBe(alone["sizeReached"]);
  });

  it("gives a bigger budget more of the same search", async () => {
    const small = await giveUp(200);
    const big = await giveUp(400);
    expect(big["candidates"] as number).toBeGreaterThan(small["candidates"] as number);
  });

  it("reads work in budget milliseconds, and the thread's CPU time past its ceiling", () => {
    let cpu = 1_000;
    const clock = workClock(() => cpu);
    const budget = createBudget(clock, 10);
    expect(clock()).toBe(0);
    budget.tick(5 * WORK_PER_MS);
    expect(clock()).toBe(5);
    expect(budget.expired()).toBe(false);
    // Work far costlier than the calibration's: the CPU guard ends the budget.
    cpu += 10 * CPU_CEILING;
    expect(clock()).toBe(10);
    expect(budget.expired()).toBe(true);
  });
});
