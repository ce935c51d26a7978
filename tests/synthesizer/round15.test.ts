/**
 * Round 15: lambdas over computed arrays. Pairs of consecutive elements and runs of k (a window
 * source, where the description speaks of them), and a lambda over an object's values (a group-by's
 * totals, an input's dictionary), each reached only when plain programs do not fit first.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import type { Expr } from "../../src/agents/synthesizer/index.ts";
import { windowSizes, speaksOfPairs } from "../../src/agents/synthesizer/window-ops.ts";
import type { CapabilitySpec } from "../../src/spec/index.ts";
import { makeSpec } from "./fixtures.ts";
import { solvedRightBy, usesNamed } from "./solved-right.ts";

const backend = createExampleBackend();
/** Synthesis is up to 5 s of CPU; wall time on a loaded machine is more. */
const SLOW_MS = 120_000;

const uses = usesNamed;
const solvedRight = (spec: CapabilitySpec): Promise<Expr | undefined> => solvedRightBy(backend, spec);

describe("the words that build a window", () => {
  it("reads pairs from consecutive elements or change, and window sizes only beside a moving window", () => {
    expect(speaksOfPairs("The change in level from each reading to the next.")).toBe(true);
    expect(speaksOfPairs("The total price of the basket.")).toBe(false);
    expect(windowSizes("The 4-week rolling sum of sales.")).toEqual([4]);
    expect(windowSizes("A three day moving mean.")).toEqual([3]);
    expect(windowSizes("The first 4 names.")).toEqual([]);
  });
});

describe("pairs of consecutive elements", () => {
  it("writes the change from each reading to the next", { timeout: SLOW_MS }, async () => {
    const spec = makeSpec("level_changes", "The change in the river level from each reading to the next one (a rise positive, a fall negative).", [
      [{ levels: [120, 125, 119, 119] }, [5, -6, 0]],
      [{ levels: [80, 95] }, [15]],
      [{ levels: [40, 38, 44] }, [-2, 6]],
    ], [
      [{ levels: [] }, []],
      [{ levels: [7] }, []],
      [{ levels: [1, 10, 100, 50] }, [9, 90, -50]],
    ]);
    const program = await solvedRight(spec);
    expect(uses(program, "pairs")).toBe(true);
  });

  it("counts the days the temperature rose from one day to the next", { timeout: SLOW_MS }, async () => {
    const spec = makeSpec("warmer_days", "How many times the temperature rose from one day to the next.", [
      [{ temps: [12, 14, 14, 11, 15] }, 2],
      [{ temps: [20, 19, 18] }, 0],
      [{ temps: [3, 4, 5, 6] }, 3],
      [{ temps: [8, 8, 9, 2] }, 1],
    ], [
      [{ temps: [] }, 0],
      [{ temps: [5] }, 0],
      [{ temps: [1, 2, 1, 2, 1, 2] }, 3],
      [{ temps: [-3, -2, -2] }, 1],
    ]);
    const program = await solvedRight(spec);
    expect(uses(program, "pairs")).toBe(true);
  });

  it("is not chosen where a plain program over the input fits", { timeout: SLOW_MS }, async () => {
    // The description speaks of the previous total, so pairs are built; the plain sum is smaller.
    const spec = makeSpec("steps_total", "The total of the daily step counts, each day added to the previous total.", [
      [{ steps: [4000, 6500, 3000] }, 13500],
      [{ steps: [10000, 2500] }, 12500],
      [{ steps: [700, 800, 900, 1000] }, 3400],
    ], [
      [{ steps: [] }, 0],
      [{ steps: [5] }, 5],
    ]);
    const program = await solvedRight(spec);
    expect(uses(program, "pairs")).toBe(false);
  });
});

describe("windows of k", () => {
  it("writes a rolling sum over the stated number of weeks", { timeout: SLOW_MS }, async () => {
    const spec = makeSpec("rolling_sales", "The 4-week rolling total of sales: for each week from the fourth on, the sales of that week and the three weeks before it.", [
      [{ sales: [60, 50, 40, 30, 20, 10] }, [180, 140, 100]],
      [{ sales: [5, 1, 7, 5, 9] }, [18, 22]],
    ], [
      [{ sales: [1, 2, 3] }, []],
      [{ sales: [1, 1, 1, 1] }, [4]],
      [{ sales: [0, 0, 0, 9, 0, 0, 0, 0] }, [9, 9, 9, 9, 0]],
    ]);
    const program = await solvedRight(spec);
    expect(uses(program, "windows")).toBe(true);
  });
});

describe("the ambiguity machinery over the new pieces", () => {
  it("asks, rather than publishing, when a window's examples leave a rival reading standing", { timeout: SLOW_MS }, async () => {
    // Sums that rise in every example and windows without a repeated value: a sorted result or a
    // sum of distinct values fits too, and the rival search finds them over the same window.
    const spec = makeSpec("rolling_sales_open", "The 4-week rolling total of sales: for each week from the fourth on, the sales of that week and the three weeks before it.", [
      [{ sales: [10, 20, 30, 40, 50, 60] }, [100, 140, 180]],
      [{ sales: [5, 1, 7, 2, 9] }, [15, 19]],
    ]);
    const result = await backend.synthesize(spec);
    expect(result.ambiguity, result.code).toBeDefined();
    const outputs = result.ambiguity?.readings.map((r) => JSON.stringify(r.output)) ?? [];
    expect(new Set(outputs).size).toBeGreaterThan(1);
    expect(uses(result.program, "windows")).toBe(true);
  });
});

describe("a lambda over an object's values", () => {
  it("bills each member a base fee plus a price per class attended, from a count per member", { timeout: SLOW_MS }, async () => {
    const visit = (member: string, day: string) => ({ member, day });
    const spec = makeSpec("gym_bill_per_member", "The monthly bill of each member: a base fee of 10 plus 3 for every class attended, as an object from member to amount.", [
      [{ visits: [visit("Ines", "Mon"), visit("Tom", "Mon"), visit("Ines", "Wed"), visit("Ines", "Fri")] }, { Ines: 19, Tom: 13 }],
      [{ visits: [visit("Zoe", "Tue"), visit("Zoe", "Thu")] }, { Zoe: 16 }],
      [{ visits: [visit("Al", "Sat"), visit("Bo", "Sat"), visit("Cy", "Sun"), visit("Bo", "Sun")] }, { Al: 13, Bo: 16, Cy: 13 }],
    ], [
      [{ visits: [] }, {}],
      [{ visits: [visit("Q", "Mon"), visit("Q", "Tue"), visit("Q", "Wed"), visit("Q", "Thu"), visit("R", "Fri")] }, { Q: 22, R: 13 }],
    ], { type: "object", additionalProperties: { type: "number" } });
    const program = await solvedRight(spec);
    expect(uses(program, "mapValues")).toBe(true);
    expect(uses(program, "groupBy")).toBe(true);
  });

  it("is not chosen where a group-by alone fits", { timeout: SLOW_MS }, async () => {
    const order = (customer: string, amount: number) => ({ customer, amount });
    const spec = makeSpec("spent_per_customer", "The total spent by each customer, as an object from customer to total.", [
      [{ orders: [order("ann", 12), order("bob", 5), order("ann", 3)] }, { ann: 15, bob: 5 }],
      [{ orders: [order("cat", 7), order("dan", 1), order("dan", 2), order("cat", 10)] }, { cat: 17, dan: 3 }],
    ], [
      [{ orders: [] }, {}],
      [{ orders: [order("eve", 4)] }, { eve: 4 }],
    ], { type: "object", additionalProperties: { type: "number" } });
    const program = await solvedRight(spec);
    expect(uses(program, "mapValues")).toBe(false);
  });
});
