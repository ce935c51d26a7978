/**
 * Fewer silent overfits (issue 17): a program that fits every example is published only when it
 * also runs as emitted and nothing in it rests on one example by coincidence; otherwise the
 * backend answers `ambiguous`, with an input no example shows and what the readings give for it.
 */
import { describe, expect, it } from "vitest";
import { jsonEqual } from "../../src/spec/index.ts";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { findAmbiguity } from "../../src/agents/synthesizer/ambiguity.ts";
import { evaluate } from "../../src/agents/synthesizer/evaluate.ts";
import { probeInputs } from "../../src/agents/synthesizer/probes.ts";
import { priorFor } from "../../src/agents/synthesizer/rank.ts";
import { coincidentalArithmetic, idleRemainder } from "../../src/agents/synthesizer/suspect-arithmetic.ts";
import { hasThinClamp, withoutThinTerms } from "../../src/agents/synthesizer/thin-terms.ts";
import type { Expr, Json } from "../../src/agents/synthesizer/types.ts";
import type { CapabilitySpec } from "../../src/spec/index.ts";
import { makeSpec } from "../synthesizer/fixtures.ts";
import { loadPlugin } from "../synthesizer/load-plugin.ts";

const backend = createExampleBackend();

/** The published program run as JavaScript on every example: what the search fit is what runs. */
async function runsAsEmitted(spec: CapabilitySpec, code: string): Promise<void> {
  const fn = await loadPlugin(code);
  for (const e of spec.examples) expect(fn(structuredClone(e.input), {}), code).toEqual(e.output);
}

describe("emitted string programs", () => {
  it("cut at a '/' run as JavaScript as they ran in the search", async () => {
    const spec = makeSpec("month_year", "Month and year of a date.", [[{ s: "01/15/2013" }, "01/2013"], [{ s: "03/07/2011" }, "03/2011"]]);
    const result = await backend.synthesize(spec);
    await runsAsEmitted(spec, result.code);
    const fn = await loadPlugin(result.code);
    if (!result.ambiguity) expect(fn({ s: "05/09/2009" }, {})).toBe("05/2009");
  });
});

const field = (name: string): Expr => ({ k: "in", path: [name] });
const op = (name: string, ...args: Expr[]): Expr => ({ k: "op", op: name, args });
const num = (value: number): Expr => ({ k: "const", value });

describe("a term only one example asks for", () => {
  // Weekly pay with overtime, from three examples of which one has overtime: the remainder term is
  // 0 on the other two and gives the missing 25 on the third by coincidence.
  const inputs: Json[] = [{ hours: 38, rate: 20 }, { hours: 40, rate: 10 }, { hours: 45, rate: 10 }];
  const outputs: Json[] = [760, 400, 475];
  const coincidence = op("add", op("mul", field("hours"), field("rate")), op("mod", op("mul", field("hours"), field("hours")), op("min2", field("hours"), num(40))));

  it("holds the program as ambiguous, the program without that term as the rival reading", () => {
    for (const [r, inp] of inputs.entries()) expect(evaluate(coincidence, { input: inp })).toBe(outputs[r]);
    const a = findAmbiguity({ expr: coincidence, size: 11 }, inputs, outputs, priorFor("Pay for a week.", []));
    expect(a?.reason).toBe("programs_disagree");
    expect(inputs.some((i) => jsonEqual(i, a!.input))).toBe(false);
    expect(a!.readings).toHaveLength(2);
    expect(a!.readings[1]!.program).toBe("input.hours * input.rate");
    // Each reading's output is what its program gives on the input asked about.
    expect(a!.readings[0]!.output).toBe(evaluate(coincidence, { input: a!.input }));
    expect(a!.readings[1]!.output).toBe(evaluate(op("mul", field("hours"), field("rate")), { input: a!.input }));
    expect(jsonEqual(a!.readings[0]!.output, a!.readings[1]!.output)).toBe(false);
  });

  it("leaves alone a field the examples happen to leave at 0 (the spec gave it), and a term every example uses", () => {
    expect(withoutThinTerms(op("add", op("mul", field("hours"), field("rate")), field("bonus")), [{ hours: 1, rate: 2, bonus: 0 }, { hours: 2, rate: 2, bonus: 0 }, { hours: 3, rate: 1, bonus: 5 }])).toEqual([]);
    const settled = op("add", field("base"), op("mul", field("kg"), field("per_kg")));
    expect(withoutThinTerms(settled, [{ base: 5, kg: 1, per_kg: 2 }, { base: 5, kg: 3, per_kg: 2 }, { base: 4, kg: 2, per_kg: 1 }])).toEqual([]);
  });
});

describe("a clamp only one example asks for", () => {
  // Minutes since midnight: `Math.max(m, 24) * (2h + 1)` fits three examples as `h * 60 + m` does,
  // its clamp binding on the one example with m = 0.
  const inputs: Json[] = [{ h: 1, m: 30 }, { h: 0, m: 45 }, { h: 2, m: 0 }];
  const outputs: Json[] = [90, 45, 120];
  const plain = op("add", op("mul", field("h"), num(60)), field("m"));
  const clamped = op("mul", op("max2", field("m"), num(24)), op("add", op("add", field("h"), field("h")), num(1)));

  it("makes no rival reading against a program without one", () => {
    for (const e of [plain, clamped]) for (const [r, inp] of inputs.entries()) expect(evaluate(e, { input: inp })).toBe(outputs[r]);
    expect(hasThinClamp(clamped, inputs)).toBe(true);
    expect(hasThinClamp(plain, inputs)).toBe(false);
    expect(findAmbiguity({ expr: plain, size: 5, alts: [{ expr: clamped, size: 5 }] }, inputs, outputs, priorFor("A time as minutes since midnight.", [60, 24]))).toBeUndefined();
  });
});

describe("numbers inside text", () => {
  // The quarter of a date from three examples (months 2, 8, 12): `1 + month / 4` rounded down fits
  // them as well as the month divided by 3 rounded up; only another month tells them apart.
  const month = op("numAt", field("date"), num(1));
  const inputs: Json[] = [{ date: "2024-02-10" }, { date: "2024-08-15" }, { date: "2023-12-01" }];
  const outputs: Json[] = [1, 3, 4];
  const byFour = op("floor", op("add", num(1), op("div", month, num(4))));
  const byThree = op("ceil", op("div", month, num(3)));

  it("are changed one at a time, as wide as they were, so programs reading them by coincidence disagree", () => {
    for (const e of [byFour, byThree]) for (const [r, inp] of inputs.entries()) expect(evaluate(e, { input: inp })).toBe(outputs[r]);
    const a = findAmbiguity({ expr: byFour, size: 7, alts: [{ expr: byThree, size: 6 }] }, inputs, outputs, priorFor("The calendar quarter of a date.", []));
    expect(a?.reason).toBe("programs_disagree");
    const date = (a!.input as { date: string }).date;
    expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(inputs.some((i) => jsonEqual(i, a!.input))).toBe(false);
    expect(a!.readings.map((r) => r.output)).toEqual([evaluate(byFour, { input: a!.input }), evaluate(byThree, { input: a!.input })]);
  });

  it("keep their width and stay within the range the examples show at that place", () => {
    const dates = probeInputs([{ date: "2024-01-10" }, { date: "2024-09-05" }]).map((p) => (p as { date: string }).date);
    expect(dates).toContain("2024-02-10");
    expect(dates).toContain("2024-08-05");
    expect(dates).toContain("2024-09-06");
    // Month 10 and day 4 lie beyond what the examples show; the year is the same in both.
    for (const beyond of ["2024-10-05", "2024-09-04", "2025-01-10", "2024-00-10"]) expect(dates).not.toContain(beyond);
    expect(dates.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
  });
});

describe("a remainder by something other than a constant", () => {
  // "Above 25 kg/m²" from three examples: `kg % m > 1` fits them by coincidence, and so does `kg > 60`,
  // which ranks well behind it; neither is right, and only asking tells.
  const inputs: Json[] = [{ kg: 90, m: 1.8 }, { kg: 60, m: 1.7 }, { kg: 70, m: 1.6 }];
  const outputs: Json[] = [true, false, true];
  const remainder = op("gt", op("mod", field("kg"), field("m")), num(1));
  const heavy = op("gt", field("kg"), num(60));

  it("lets every program that fits compete with it, however far behind it ranked", () => {
    const found = { expr: remainder, size: 5, alts: [{ expr: heavy, size: 5 }] };
    const a = findAmbiguity(found, inputs, outputs, priorFor("Whether the weight over the square of the height is above 25.", [25]));
    expect(a?.reason).toBe("programs_disagree");
    expect(a!.readings[1]!.program).toBe("input.kg > 60");
    expect(a!.readings[0]!.output).not.toEqual(a!.readings[1]!.output);
  });

  it("does not stand as a rival reading against a program without one", () => {
    // Months 3 and 11: `month % 12` and `month % year` fit as the month does, and differ on month 24.
    const month = field("month");
    const inputs: Json[] = [{ month: 3, year: 2024 }, { month: 11, year: 2023 }];
    const alts = [{ expr: op("mod", month, num(12)), size: 3 }, { expr: op("mod", month, field("year")), size: 3 }];
    expect(findAmbiguity({ expr: month, size: 1, alts }, inputs, [3, 11], priorFor("The month number of a date.", [12]))).toBeUndefined();
    expect(idleRemainder(alts[0]!.expr, inputs)).toBe(true);
    // Once an example exercises the remainder, it is a reading of its own.
    expect(idleRemainder(alts[0]!.expr, [...inputs, { month: 12, year: 2022 }])).toBe(false);
  });

  it("is not suspect when the description asks for a remainder, nor when it divides by a constant", () => {
    expect(coincidentalArithmetic(remainder, priorFor("Whether the remainder of kg by m exceeds 1.", []))).toBe(false);
    expect(coincidentalArithmetic(op("mod", field("n"), num(2)), priorFor("Whether n is odd.", []))).toBe(false);
    expect(coincidentalArithmetic(remainder, priorFor("Whether the weight is high.", []))).toBe(true);
  });
});
