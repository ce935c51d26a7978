/**
 * Round 26 (issue 17): a written formula read further. Logarithms written by name ("ln 2 ÷ ln(1 +
 * rate/100)", "10 × log10(P ÷ P0)") are functions, not a phrase "ln" multiplied by its argument; "two
 * pi" and "the gravity of 9.81 m/s²" are numbers; "the square root of its length divided by g" is the
 * root of the quotient; an operand the formula measures in another unit than its field ("the trail's
 * length in miles" beside `trailKm`) is converted; and an answer the description states for inputs at
 * or below zero ("null when the rate is 0 or less") guards the program, with no question asked there.
 * Specs invented for the round, none from a held-out set.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { parseFormula } from "../../src/agents/synthesizer/described-formula/parse.ts";
import { describedFormulas } from "../../src/agents/synthesizer/described-formula/index.ts";
import { statedRanges } from "../../src/agents/synthesizer/stated-range.ts";
import { statedClamps } from "../../src/agents/synthesizer/stated-clamps.ts";
import { evaluate, runOn } from "../../src/agents/synthesizer/evaluate.ts";
import type { Expr, Json } from "../../src/agents/synthesizer/types.ts";
import { makeSpec } from "./fixtures.ts";

const backend = createExampleBackend();

/** The value of the description's first binding on an input. */
function firstBinding(description: string, input: Record<string, number>): unknown {
  const [bound] = describedFormulas(description, Object.keys(input));
  if (!bound) throw new Error("no formula bound");
  return evaluate(bound.expr, { input: input as Json });
}

describe("functions and numbers written in a formula", () => {
  it.each([
    ["years = ln 2 ÷ ln(1 + rate/100)", { rate: 8 }, Math.log(2) / Math.log(1.08)],
    ["gain = 10 × log10(watts ÷ reference)", { watts: 50, reference: 2 }, 10 * Math.log10(25)],
    ["bits = log2(symbols)", { symbols: 64 }, 6],
    ["circumference = two pi times radius", { radius: 3 }, 6 * Math.PI],
    ["t = the square root of drop divided by 4.9", { drop: 19.6 }, 2],
    ["period = 2 × π × √(length ÷ the gravity of 9.81 m/s²)", { length: 9.81 }, 2 * Math.PI],
  ])("%s", (description, input, expected) => {
    expect(firstBinding(description, input)).toBeCloseTo(expected, 9);
  });

  it("a function's name followed by a word is no function, and neither is a name inside a word", () => {
    expect(parseFormula("the log of visits")).toEqual({ t: "phrase", words: ["the", "log", "of", "visits"] });
    expect(parseFormula("blog + 2")).toEqual({ t: "bin", op: "add", a: { t: "phrase", words: ["blog"] }, b: { t: "num", v: 2 } });
  });

  it("\"log\" alone is either logarithm: both are bound", () => {
    const bound = describedFormulas("level = log(ratio)", ["ratio"]);
    expect(bound.map((b) => evaluate(b.expr, { input: { ratio: 100 } }))).toEqual([Math.log(100), 2]);
  });
});

describe("percentages and names that point back", () => {
  it("a percentage is a hundredth: \"(to − from)% of its capacity\"", () => {
    expect(firstBinding("the share is (toLevel - fromLevel)% of its capacity", { toLevel: 80, fromLevel: 20, capacity: 50 })).toBeCloseTo(30, 9);
  });

  it("\"that share\" is the share defined before it", () => {
    const bound = describedFormulas("The tank's share to fill is (full - level) × size. So the water bought is that share ÷ 0.8.", ["full", "level", "size"]);
    expect(bound.map((b) => evaluate(b.expr, { input: { full: 1, level: 0.5, size: 100 } }))).toEqual([50, 62.5]);
  });

  it("a phrase in a unit names the only field in a unit of that kind, converted: \"the current in amps\" beside `milliamps`", () => {
    const bound = describedFormulas("The power is the voltage × the current in amps.", ["volts", "milliamps"]);
    expect(bound.map((b) => evaluate(b.expr, { input: { volts: 5, milliamps: 200 } }))).toContain(1);
  });
});

describe("an operand in another unit than its field", () => {
  it("a phrase's unit against the field's: miles from km", () => {
    expect(firstBinding("minutes = the trail's length in miles ÷ 3 × 60", { trailKm: 9.656064 })).toBeCloseTo(120, 6);
  });

  it("a phrase with no unit beside a field in a smaller unit: the field as it is, or in the base unit", () => {
    const bound = describedFormulas("energy = ½ × mass × speed²", ["massGrams", "speed"]);
    expect(bound.map((b) => evaluate(b.expr, { input: { massGrams: 2000, speed: 3 } }))).toEqual([9000, 9]);
  });

  it("end to end: a walking time from a distance in km, the formula in miles", async () => {
    const spec = makeSpec("trail_walk_minutes", "How long a walk takes at 3 miles per hour: the trail's length in miles ÷ 3 × 60 minutes, rounded to a whole minute (halves up). The length is given in km.", [[{ trailKm: 9.656064 }, 120], [{ trailKm: 4 }, 50]]);
    const result = await backend.synthesize(spec);
    const program = (result.ambiguity?.programs[0] ?? result.program) as Expr;
    expect(runOn(program, { trailKm: 16.09344 } as Json)).toBe(200);
    expect(runOn(program, { trailKm: 1 } as Json)).toBe(12);
  });

  it("end to end: kinetic energy with the mass in grams", async () => {
    const spec = makeSpec("kinetic_energy_joules", "Kinetic energy in joules: ½ × mass × speed², with the mass given in grams and the speed in m/s. Rounded to 2 decimals (halves up).", [[{ massGrams: 2000, speed: 3 }, 9], [{ massGrams: 500, speed: 4 }, 4]]);
    const result = await backend.synthesize(spec);
    const program = (result.ambiguity?.programs[0] ?? result.program) as Expr;
    expect(runOn(program, { massGrams: 100, speed: 10 } as Json)).toBe(5);
    expect(runOn(program, { massGrams: 1500, speed: 2.5 } as Json)).toBe(4.69);
  });
});

describe("an answer stated for inputs at or below a bound", () => {
  it.each([
    ["A length of 0 or less gives 0.", { answer: 0, words: ["a", "length"], bound: 0, inclusive: true }],
    ["Return null when the rate is 0 or negative (it never grows).", { answer: null, words: ["the", "rate"], bound: 0, inclusive: true }],
    ["-1 when any of the three is negative.", { answer: -1, words: ["any", "of", "the", "three"], bound: 0, inclusive: false }],
    ["Return null for a width of 0 or less.", { answer: null, words: ["a", "width"], bound: 0, inclusive: true }],
    ["null when the pressure is below 0.5 (the valve stays shut).", { answer: null, words: ["the", "pressure"], bound: 0.5, inclusive: false }],
    ["null when the signal is at most 0.2.", { answer: null, words: ["the", "signal"], bound: 0.2, inclusive: true }],
  ])("%s", (description, expected) => {
    expect(statedRanges(description)).toEqual([expected]);
  });

  it("states nothing where no answer is given for the range", () => {
    expect(statedRanges("Negative amounts are refunds; a total of 0 or less is shown in red.")).toEqual([]);
  });

  it("a half-life from a decay rate: published guarded as stated, and asked only where the logarithm has no value", async () => {
    const spec = makeSpec("half_life_years", "Half-life in years from a yearly decay rate in percent: ln 2 ÷ -ln(1 - rate/100), rounded to 1 decimal (halves up). Return null when the rate is 0 or less.", [[{ rate: 10 }, 6.6], [{ rate: 25 }, 2.4]], [], { type: ["number", "null"] });
    const result = await backend.synthesize(spec);
    const program = (result.ambiguity?.programs[0] ?? result.program) as Expr;
    expect(runOn(program, { rate: 50 } as Json)).toBe(1);
    expect(runOn(program, { rate: 0 } as Json)).toBeNull();
    expect(runOn(program, { rate: -5 } as Json)).toBeNull();
    // A rate of 100 % or more leaves the logarithm without a value: that, and only that, may be asked.
    if (result.ambiguity) expect((result.ambiguity.input as { rate: number }).rate).toBeGreaterThanOrEqual(100);
  });

  it("a decibel gain: null where either power is 0 or less, the rest computed", async () => {
    const spec = makeSpec("amplifier_gain_db", "An amplifier's gain in dB: 10 × log10(output power ÷ input power), rounded to 1 decimal (halves up). null when either power is 0 or less.", [[{ outputWatts: 100, inputWatts: 1 }, 20], [{ outputWatts: 50, inputWatts: 2 }, 14]], [], { type: ["number", "null"] });
    const result = await backend.synthesize(spec);
    const program = (result.ambiguity?.programs[0] ?? result.program) as Expr;
    expect(runOn(program, { outputWatts: 0, inputWatts: 5 } as Json)).toBeNull();
    expect(runOn(program, { outputWatts: 5, inputWatts: -1 } as Json)).toBeNull();
    expect(runOn(program, { outputWatts: 1, inputWatts: 100 } as Json)).toBe(-20);
  });

  it("fields held between two numbers are read through the clamp; \"costs 0\" floors the answer", async () => {
    expect(statedClamps("The levels are first held between 0 and 100; nothing else.", [{ fromLevel: 10, toLevel: 90, litres: 5 }])).toEqual([
      { field: "fromLevel", low: 0, high: 100 },
      { field: "toLevel", low: 0, high: 100 },
    ]);
    const spec = makeSpec("tank_top_up_cost", "What topping up a tank costs: the share to fill is (toLevel - fromLevel)% of its capacity in litres, times the price per litre, rounded to 2 decimals (halves up). The levels are first held between 0 and 100; a top-up that does not go up costs 0.", [[{ capacityLitres: 200, fromLevel: 25, toLevel: 75, pricePerLitre: 1.5 }, 150], [{ capacityLitres: 80, fromLevel: 10, toLevel: 60, pricePerLitre: 2 }, 80]]);
    const right = (i: { capacityLitres: number; fromLevel: number; toLevel: number; pricePerLitre: number }): number => {
      const held = (v: number): number => Math.min(Math.max(v, 0), 100);
      return Math.max(0, Math.round(((held(i.toLevel) - held(i.fromLevel)) / 100) * i.capacityLitres * i.pricePerLitre * 100) / 100);
    };
    const result = await backend.synthesize(spec);
    if (result.ambiguity) {
      // Asked: the right answer is among the readings, and the question is inside what the description leaves open.
      const asked = result.ambiguity.input as Parameters<typeof right>[0];
      expect(asked.fromLevel >= 0 && asked.fromLevel <= 100 && asked.toLevel >= 0 && asked.toLevel <= 100).toBe(true);
      return;
    }
    for (const input of [{ capacityLitres: 100, fromLevel: 50, toLevel: 130, pricePerLitre: 1 }, { capacityLitres: 100, fromLevel: -20, toLevel: 30, pricePerLitre: 1 }, { capacityLitres: 100, fromLevel: 60, toLevel: 40, pricePerLitre: 1 }]) {
      expect(runOn(result.program as Expr, input as Json)).toBe(right(input));
    }
  });

  it("no guard where an example answers otherwise inside the range", async () => {
    const spec = makeSpec("fence_posts_stated", "Posts for a fence: the length ÷ 2 + 1. A length of 0 or less gives 0.", [[{ length: 10 }, 6], [{ length: 0 }, 1], [{ length: 4 }, 3]]);
    const result = await backend.synthesize(spec);
    const program = (result.ambiguity?.programs[0] ?? result.program) as Expr;
    expect(runOn(program, { length: 0 } as Json)).toBe(1);
  });
});
