/**
 * Stop 51 (issue 17): the answer a description states for an empty list ("With no calls the answer
 * is 0", "No readings gives null", "Nobody gives {}") is the program's, though no example shows it:
 * a program with no answer there (a mean of nothing, the best of no entries) is guarded as stated,
 * and one that answers otherwise is asked about. And "rounded to 2 decimal places" is a rounding to
 * cents even where every example's answer is whole (and of each number of a list or an object), and a rounding to the nearest takes the place of a
 * rounding up or down inside the program where no word speaks of one; a number counted as nothing
 * when negative is read through a floor at 0. Specs invented here, none from a set under
 * tests/fixtures/specs.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { statedEmptyAnswers } from "../../src/agents/synthesizer/stated-empty.ts";
import { liftedRounding } from "../../src/agents/synthesizer/restate.ts";
import { statedClamps } from "../../src/agents/synthesizer/stated-clamps.ts";
import { priorFor } from "../../src/agents/synthesizer/rank.ts";
import { runOn } from "../../src/agents/synthesizer/evaluate.ts";
import { konst, op } from "../../src/agents/synthesizer/expr.ts";
import type { Expr } from "../../src/agents/synthesizer/types.ts";
import { loadPlugin } from "./load-plugin.ts";
import { ANSWERED_MS, afterAnswers } from "./answered.ts";
import { makeSpec } from "./fixtures.ts";

const backend = createExampleBackend();
type J = Parameters<typeof makeSpec>[2][number][0];

/** The published program run on `input`. */
async function publishedOn(name: string, description: string, examples: [J, J][], input: J, outputSchema?: Record<string, unknown>): Promise<unknown> {
  const result = await backend.synthesize(makeSpec(name, description, examples, [], outputSchema));
  expect(result.ambiguity, JSON.stringify(result.ambiguity)).toBeUndefined();
  const run = await loadPlugin(result.code);
  return run(input, {});
}

describe("statedEmptyAnswers reads the answer for an empty input", () => {
  it("in the forms people write it", () => {
    expect(statedEmptyAnswers("Average length of the calls. With no calls the answer is 0.")).toEqual(["0"]);
    expect(statedEmptyAnswers("Longest title. With no books, return an empty string.")).toEqual(["empty"]);
    expect(statedEmptyAnswers("The amounts formatted. No amounts gives [].")).toEqual(["[]"]);
    expect(statedEmptyAnswers("Count per city. Nobody gives {}.")).toEqual(["{}"]);
    expect(statedEmptyAnswers("Cost of the basket. An empty basket costs 0.")).toEqual(["0"]);
    expect(statedEmptyAnswers("If there are no paid invoices, return 0.")).toEqual(["0"]);
    expect(statedEmptyAnswers("Warmest city; no readings gives null.")).toEqual(["null"]);
    expect(statedEmptyAnswers("-1 for an empty list")).toEqual(["-1"]);
    expect(statedEmptyAnswers("0 when the list is empty")).toEqual(["0"]);
  });

  it("not from words that state no answer for an empty input", () => {
    expect(statedEmptyAnswers("Names of the people with no phone number, in order.")).toEqual([]);
    expect(statedEmptyAnswers("Titles that are empty after trimming are dropped.")).toEqual([]);
    expect(statedEmptyAnswers("An empty search word matches every name.")).toEqual([]);
  });
});

describe("a stated answer for an empty list is the program's", () => {
  it("a mean of no calls: guarded to the stated 0", async () => {
    const out = await publishedOn("mean_call_minutes", "Average length of the calls in minutes, rounded to 1 decimal place. With no calls the answer is 0.", [
      [{ calls: [{ id: "c1", minutes: 4 }, { id: "c2", minutes: 7 }, { id: "c3", minutes: 2 }] }, 4.3],
      [{ calls: [{ id: "c4", minutes: 10 }, { id: "c5", minutes: 6 }] }, 8],
    ], { calls: [] });
    expect(out).toBe(0);
  }, ANSWERED_MS);

  it("the warmest of no readings: guarded to the stated null", async () => {
    const out = await publishedOn("warmest_place", "Which place was warmest? Return the place of the highest reading, the first listed on a tie. No readings gives null.", [
      [{ readings: [{ place: "Oslo", celsius: 4 }, { place: "Rome", celsius: 19 }, { place: "Lima", celsius: 15 }] }, "Rome"],
      [{ readings: [{ place: "Kyiv", celsius: -3 }, { place: "Riga", celsius: -1 }] }, "Riga"],
    ], { readings: [] }, { type: ["string", "null"] });
    expect(out).toBeNull();
  }, ANSWERED_MS);

  it("a sum that answers otherwise on no refunds than the words state: never published so", async () => {
    const spec = makeSpec("refund_total", "Total of the refunds. No refunds gives -1.", [
      [{ refunds: [5, 10, 2.5] }, 17.5],
      [{ refunds: [40, 1] }, 41],
    ]);
    const first = await backend.synthesize(spec);
    expect(first.ambiguity, "published with no question").toBeDefined();
    const person = (i: { refunds: number[] }): number => (i.refunds.length === 0 ? -1 : i.refunds.reduce((a, b) => a + b, 0));
    const after = await afterAnswers(backend, spec, person);
    if (typeof after !== "string") expect(after.run({ refunds: [] })).toBe(-1);
  }, ANSWERED_MS);
});

describe("a stated rounding to decimal places", () => {
  it("'rounded to 2 decimal places' from whole answers is a rounding to cents, not to a whole number", async () => {
    const out = await publishedOn("rent_share_total", "Total rent owed: for each tenant multiply the weeks by the weekly rent and add it up. Round to 2 decimal places.", [
      [{ tenants: [{ name: "a", weeks: 4, weekly: 120.5 }, { name: "b", weeks: 2, weekly: 99 }] }, 680],
      [{ tenants: [{ name: "c", weeks: 10, weekly: 80.25 }, { name: "d", weeks: 3, weekly: 50 }] }, 952.5],
    ], { tenants: [{ name: "e", weeks: 3, weekly: 33.33 }] });
    expect(out).toBe(99.99);
  }, ANSWERED_MS);

  it("'each rounded to 2 decimal places' of an object of sums rounds each value", async () => {
    type Line = { team: string; qty: number; cost: number };
    const person = (i: { lines: Line[] }): Record<string, number> => {
      const totals: Record<string, number> = {};
      for (const l of i.lines) totals[l.team] = (totals[l.team] ?? 0) + l.qty * l.cost;
      return Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, Math.round(v * 100) / 100]));
    };
    const spec = makeSpec("cost_per_team", "Cost per team: for each expense line add quantity times unit cost to its team's total; return an object from team to total, each rounded to 2 decimal places.", [
      [{ lines: [{ team: "red", qty: 2, cost: 1.5 }, { team: "blue", qty: 1, cost: 20 }, { team: "red", qty: 4, cost: 2 }] }, { red: 11, blue: 20 }],
      [{ lines: [{ team: "ops", qty: 3, cost: 9.99 }] }, { ops: 29.97 }],
    ]);
    const after = await afterAnswers(backend, spec, person);
    expect(typeof after, "published within six answers").toBe("object");
    const out = typeof after === "object" ? after.run({ lines: [{ team: "x", qty: 3, cost: 0.1 }, { team: "x", qty: 1, cost: 0.2 }, { team: "y", qty: 7, cost: 1.111 }] }) : undefined;
    expect(out).toEqual({ x: 0.5, y: 7.78 });
  }, ANSWERED_MS);
});

describe("a stated rounding to the nearest takes the place of a rounding up or down inside", () => {
  const inner: Expr = op("round", op("add", op("mul", { k: "in", path: ["inches"] }, konst(2.54)), op("ceil", op("mul", { k: "in", path: ["feet"] }, konst(30.48)))));
  it("where no word speaks of rounding up or down", () => {
    const description = "Convert a height in feet and inches to centimetres, rounded to the nearest whole centimetre.";
    const lifted = liftedRounding(inner, priorFor(description, []), description);
    expect(lifted && runOn(lifted, { feet: 5, inches: 4.25 })).toBe(163);
    expect(runOn(inner, { feet: 5, inches: 4.25 })).toBe(164);
  });
  it("not where the words speak of one ('rounded down', 'pages needed')", () => {
    const description = "Centimetres of the height, the feet rounded down to whole centimetres first, then the total rounded to the nearest.";
    expect(liftedRounding(inner, priorFor(description, []), description)).toBeUndefined();
  });
});

describe("a number the description counts as nothing when negative", () => {
  it("is read through Math.max(x, 0), of the input or of each entry, where no example shows a negative", () => {
    const entries = [{ lines: [{ sku: "a", hours: 3, rate: 10 }] }];
    expect(statedClamps("Cost of the lines. Negative hours count as zero.", entries)).toEqual([{ field: "hours", low: 0, element: true }]);
    expect(statedClamps("A negative balance means the account is overdrawn and counts as nothing.", [{ balance: 5, fee: 1 }])).toEqual([{ field: "balance", low: 0 }]);
    expect(statedClamps("Cost of the lines. Negative hours count as zero.", [{ lines: [{ sku: "a", hours: -3, rate: 10 }] }])).toEqual([]);
    expect(statedClamps("Negative hours are corrections and are listed apart.", entries)).toEqual([]);
  });

  it("published through the floor though no example is negative", async () => {
    const out = await publishedOn("billed_total", "Amount billed: for each line multiply its hours by its rate and add it all up. Negative hours count as zero.", [
      [{ lines: [{ task: "a", hours: 3, rate: 10 }, { task: "b", hours: 2, rate: 25 }] }, 80],
      [{ lines: [{ task: "c", hours: 1, rate: 40 }, { task: "d", hours: 0, rate: 30 }, { task: "e", hours: 4, rate: 5 }] }, 60],
    ], { lines: [{ task: "a", hours: -2, rate: 10 }, { task: "b", hours: 1, rate: 7 }] });
    expect(out).toBe(7);
  }, ANSWERED_MS);
});
