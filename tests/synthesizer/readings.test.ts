/**
 * Readings the examples leave open (issue 17, dev3): examples a person gives are few and round, so
 * several programs fit them. Each case here was a silent overfit: the backend now either picks the
 * reading the description and the input support, or asks with an input that tells them apart.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { makeSpec } from "./fixtures.ts";
import { asksOrRight } from "./asks-or-right.ts";

const backend = createExampleBackend();
type J = Parameters<typeof makeSpec>[2][number][0];


describe("readings the examples leave open", () => {
  it("reads both fields when every example's rooms are square (width * length, not width * width)", async () => {
    const spec = makeSpec("floor_area", "Total floor area of the rooms (width times length of each).", [
      [{ rooms: [{ width: 3, length: 3 }, { width: 2, length: 2 }] }, 13], [{ rooms: [{ width: 4, length: 4 }] }, 16],
    ]);
    expect(await asksOrRight(spec, { rooms: [{ width: 2, length: 5 }] }, 10)).toBe("right");
  });

  it("does not read 'last minus first' as max minus min because every example rises", async () => {
    const spec = makeSpec("net_change", "Change over the period: the last reading minus the first.", [
      [{ readings: [10, 12, 15] }, 5], [{ readings: [5, 9] }, 4],
    ]);
    const result = await backend.synthesize(spec);
    expect(result.code).not.toMatch(/Math\.max\(\.\.\.input\.readings\) - Math\.min/);
    expect(await asksOrRight(spec, { readings: [20, 50, 10] }, -10)).toBe("asks");
  });

  it("rounds to cents when the description says so, though the examples' tips are round", async () => {
    const spec = makeSpec("tip", "Tip to leave: tip_percent percent of the bill, rounded to cents.", [
      [{ bill: 100, tip_percent: 15 }, 15], [{ bill: 40, tip_percent: 10 }, 4],
    ]);
    expect(await asksOrRight(spec, { bill: 40.5, tip_percent: 15 }, 6.08)).toBe("right");
  });

  it("writes a whole percentage when asked for one", async () => {
    const spec = makeSpec("percent_label", "The ratio as a whole percentage with a percent sign.", [[{ ratio: 0.5 }, "50%"], [{ ratio: 0.25 }, "25%"]]);
    expect(await asksOrRight(spec, { ratio: 0.333 }, "33%")).toBe("right");
  });

  it("does not read 'all the same' as 'has a repeat' from pairs", async () => {
    const pay = (...cs: string[]): J => ({ payments: cs.map((currency, i) => ({ amount: i + 1, currency })) });
    const spec = makeSpec("single_currency", "True when all the payments are in the same currency.", [[pay("EUR", "EUR"), true], [pay("USD", "EUR"), false]]);
    expect(await asksOrRight(spec, pay("EUR", "EUR", "USD"), false)).toBe("right");
  });

  it("asks when the examples' order decides an answer the description puts no order on", async () => {
    const trip = (driver: string, start_km: number, end_km: number): J => ({ driver, start_km, end_km });
    const spec = makeSpec("longest_trip_driver", "The driver of the longest trip, a trip's length being its end odometer reading minus its start reading.", [
      [{ trips: [trip("ana", 100, 180), trip("ben", 50, 200)] }, "ben"],
      [{ trips: [trip("cat", 1000, 1040), trip("dan", 20, 90), trip("eve", 500, 560)] }, "dan"],
      [{ trips: [trip("fay", 10, 30), trip("gus", 300, 400)] }, "gus"],
    ]);
    expect(await asksOrRight(spec, { trips: [trip("gus", 300, 400), trip("fay", 10, 30)] }, "gus")).toBe("asks");
  });

  it("asks whether a constant is the input field that has its value (x >= 18 where low is 18)", async () => {
    const spec = makeSpec("within_limits", "True when every reading lies within the limits, the limits themselves included.", [
      [{ readings: [20.5, 21, 22.4], low: 18, high: 25 }, true], [{ readings: [18, 19.5], low: 18, high: 25 }, true], [{ readings: [17.9, 20], low: 18, high: 25 }, false],
      [{ readings: [2, 9, 11], low: 0, high: 10 }, false],
    ]);
    expect(await asksOrRight(spec, { readings: [5], low: 0, high: 10 }, true)).toBe("asks");
  });

  it("asks about a threshold no word asked for (the sum of the even numbers read as those up to 3)", async () => {
    const spec = makeSpec("sum_of_evens", "Sum of the even numbers in the list.", [[{ numbers: [1, 2, 3, 4] }, 6], [{ numbers: [2, 2] }, 4], [{ numbers: [5] }, 0]]);
    expect(await asksOrRight(spec, { numbers: [4] }, 4)).toBe("asks");
  });

  it("asks which piece of a name with one dot is meant, with a name that has two", async () => {
    const spec = makeSpec("file_stem", "The file name without its extension (the part after the last dot).", [[{ file: "report.pdf" }, "report"], [{ file: "notes.txt" }, "notes"]]);
    const result = await backend.synthesize(spec);
    expect(result.ambiguity?.input).toEqual({ file: expect.stringMatching(/^\w+\.\w+\.\w+$/) });
  });

  it("asks when every example came out as its input", async () => {
    const spec = makeSpec("company", "The company's short name.", [[{ s: "General Electric" }, "General Electric"], [{ s: "Microsoft" }, "Microsoft"]]);
    expect(await asksOrRight(spec, { s: "Microsoft Corporation" }, "Microsoft")).toBe("asks");
  });
});
