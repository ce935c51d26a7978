import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { CPU_CEILING, CPU_GRACE_MS, WORK_COST_US, createBudget, workClock } from "../../src/agents/synthesizer/budget.ts";
import { SynthesizerError, createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { NOISE_SPEC, makeSpec } from "./fixtures.ts";

// The search's budget is counted in work (budget.ts's workClock, the example backend's default), not
// in time: the same spec and budget must meet the same program, and give up at the same candidate, on
// an idle or a loaded machine.

// The attacker's break (texts of twenty short words of a, b and c): the string search scanned them
// for every piece with no tick, the CPU guard ended the search, and four runs gave two programs.
const sortedWords = makeSpec("sorted_words", "The words of the sentence in alphabetical order.", [
  [{ s: "cab bb cbaab bb cb caca aaac bc bca bbc bac bba ccaac acbc ccabb cbcab cbb bcc abcc ac" }, "aaac abcc ac acbc bac bb bb bba bbc bc bca bcc cab caca cb cbaab cbb cbcab ccaac ccabb"],
  [{ s: "bbcab bc caaca ac bcb bbcc bc cca abbcc cbb bbac bcaa cca cb ca ab ba acab aaab cbc" }, "aaab ab abbcc ac acab ba bbac bbcab bbcc bc bc bcaa bcb ca caaca cb cbb cbc cca cca"],
  [{ s: "bcbb aabbb ababc cba aba ca cccbc ccc accab ccba aaab ab cabc aaca cba ba aacc cabac bcbab baaab" }, "aaab aabbb aaca aacc ab aba ababc accab ba baaab bcbab bcbb ca cabac cabc cba cba ccba ccc cccbc"],
  [{ s: "bba cabc ccbc aca aa cab ccbb baba accab ba aabac accac bb ccab aaba ab aa cba ba aca" }, "aa aa aaba aabac ab aca aca accab accac ba ba baba bb bba cab cabc cba ccab ccbb ccbc"],
  [{ s: "bcbcb baacb aa ccbb bbaab abacc cbbac baa abab cc abba abcb bac aa ab bc ca ca bbba cb" }, "aa aa ab abab abacc abba abcb baa baacb bac bbaab bbba bc bcbcb ca ca cb cbbac cc ccbb"],
]);

async function giveUp(budgetMs: number): Promise<Record<string, unknown>> {
  try {
    await createExampleBackend().synthesize(NOISE_SPEC, { budgetMs });
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

  it("meets the same program after the same candidates on texts the string search scans at length, alone and loaded", async () => {
    const run = async (): Promise<string> => {
      const r = await createExampleBackend().synthesize(sortedWords, { budgetMs: 300 });
      return JSON.stringify([r.program, r.candidates, r.ambiguity?.input ?? null]);
    };
    const alone = await run();
    const again = await run();
    spinning = load(3);
    const loaded = await run();
    expect([again, loaded]).toEqual([alone, alone]);
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
    // Each kind at its own cost: 3 ms of op rows and 2 ms of kept values.
    budget.charge(3_000 / WORK_COST_US.opRow, "opRow");
    budget.charge(2_000 / WORK_COST_US.entry, "entry");
    expect(clock()).toBeCloseTo(5, 9);
    expect(budget.expired()).toBe(false);
    // A fresh process compiling the searcher: within the grace, the CPU guard is not the clock.
    cpu += CPU_GRACE_MS;
    expect(clock()).toBeCloseTo(5, 9);
    cpu -= CPU_GRACE_MS;
    // Work far costlier than the calibration's: the CPU guard ends the budget.
    cpu += CPU_GRACE_MS + 10 * CPU_CEILING;
    expect(clock()).toBe(10);
    expect(budget.expired()).toBe(true);
  });
});
