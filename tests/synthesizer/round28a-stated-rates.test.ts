/**
 * Round 28a: rates and ranges stated in words, the four open breaks of attack-round27's ranges in
 * general form. "plus 3.5 for each kg above 20" is a rate on the excess over a threshold, not a flat
 * amount; "over 2.5" after "is" is a range (a "÷" is no longer read "over"); a range's bound written
 * "1,000" is removed from what the ranking reads; "a net bonus of 0 or less gives 0" where "net
 * bonus" names the answer guards the whole answer, not a difference the formula writes. Specs
 * invented for the round (none from a set under tests/fixtures/specs): the targets' variants were
 * written before the rules and not looked at while tuning them.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { namesAnswer } from "../../src/agents/synthesizer/range-subjects.ts";
import { doubledAsStated } from "../../src/agents/synthesizer/restate.ts";
import { statedGuards, statedRanges, withoutGuarded } from "../../src/agents/synthesizer/stated-range.ts";
import type { Expr } from "../../src/agents/synthesizer/types.ts";
import { ANSWERED_MS } from "./answered.ts";
import { keepsStatedPromise } from "./stated-attacks.ts";
import type { StatedAttack } from "./stated-attacks.ts";

const backend = createExampleBackend();
const NUMBER_OR_NULL = { anyOf: [{ type: "number" }, { type: "null" }] };
const r1 = (x: number): number => Math.round(x * 10) / 10;

/** Published within six answers, right on every probe, no question about a settled input. */
const publishes = (a: StatedAttack): Promise<void> => keepsStatedPromise(backend, a, { mustPublish: true, traceVar: "R28A_TRACE" });

const VARIANTS: Record<string, StatedAttack> = {
  // A rate on the excess over a threshold: "for each/every/per UNIT above/over/beyond N".
  perMileEveryKgOver: {
    name: "delivery_charge",
    description: "Delivery charge: 1.5 per mile, plus 2 for every kg over 10.",
    examples: [[{ miles: 10, kg: 3 }, 15], [{ miles: 4, kg: 8 }, 6]],
    person: (i) => 1.5 * i.miles + 2 * Math.max(0, i.kg - 10),
    probes: [{ miles: 2, kg: 12 }, { miles: 0, kg: 20 }, { miles: 6, kg: 10 }],
  },
  baggageEachKgAbove: {
    name: "baggage_fee",
    description: "Baggage fee: 30, plus 12 for each kg above 23.",
    examples: [[{ weightKg: 20 }, 30], [{ weightKg: 10 }, 30]],
    person: (i) => 30 + 12 * Math.max(0, i.weightKg - 23),
    probes: [{ weightKg: 25 }, { weightKg: 23 }, { weightKg: 5 }],
  },
  everyKwhAbove: {
    name: "electricity_bill",
    description: "Electricity bill: 0.2 × kwh, plus 0.1 for every kWh above 300.",
    examples: [[{ kwh: 100 }, 20], [{ kwh: 250 }, 50]],
    person: (i) => 0.2 * i.kwh + 0.1 * Math.max(0, i.kwh - 300),
    probes: [{ kwh: 400 }, { kwh: 300 }, { kwh: 50 }],
  },
  eachDegreeBelow: {
    name: "heating_surcharge",
    description: "Heating surcharge: 5, plus 2 for each degree below 15.",
    examples: [[{ temperature: 20 }, 5], [{ temperature: 18 }, 5]],
    person: (i) => 5 + 2 * Math.max(0, 15 - i.temperature),
    probes: [{ temperature: 10 }, { temperature: 15 }, { temperature: 30 }],
  },
  eachDayBeyond: {
    name: "library_fine",
    description: "Library fine: 50, plus 10 for each day beyond 14.",
    examples: [[{ daysLate: 3 }, 50], [{ daysLate: 10 }, 50]],
    person: (i) => 50 + 10 * Math.max(0, i.daysLate - 14),
    probes: [{ daysLate: 20 }, { daysLate: 14 }, { daysLate: 0 }],
  },
  // "over N" after "is/are/for a …" is a range, "÷" is no "over".
  passengersOver: {
    name: "ride_fare",
    description: "Ride fare: 3 + 1.5 × km; null when the passengers are over 4.",
    examples: [[{ km: 2, passengers: 1 }, 6], [{ km: 10, passengers: 3 }, 18]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.passengers > 4 ? null : 3 + 1.5 * i.km),
    probes: [{ km: 2, passengers: 5 }, { km: 4, passengers: 4 }, { km: 0, passengers: 2 }],
  },
  ageOverDivided: {
    name: "dose_ml",
    description: "Dose in ml: weight ÷ 10, rounded to 1 decimal; 0 when the age is over 65.",
    examples: [[{ weight: 70, age: 30 }, 7], [{ weight: 55, age: 50 }, 5.5]],
    person: (i) => (i.age > 65 ? 0 : r1(i.weight / 10)),
    probes: [{ weight: 70, age: 70 }, { weight: 62, age: 65 }, { weight: 33, age: 20 }],
  },
  incomeOver: {
    name: "flat_tax",
    description: "Tax: income ÷ 5; null for an income over 100000.",
    examples: [[{ income: 1000 }, 200], [{ income: 5000 }, 1000]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.income > 100000 ? null : i.income / 5),
    probes: [{ income: 200000 }, { income: 50000 }, { income: 100000 }],
  },
  minutesOverRatio: {
    name: "points_per_minute",
    description: "Points per minute: points ÷ minutes; null when the minutes are over 90.",
    examples: [[{ points: 30, minutes: 10 }, 3], [{ points: 50, minutes: 25 }, 2]],
    outputSchema: NUMBER_OR_NULL,
    // No points per minute in no minutes: a person answers null there (Infinity is no JSON answer).
    person: (i) => (i.minutes > 90 || i.minutes === 0 ? null : i.points / i.minutes),
    probes: [{ points: 10, minutes: 100 }, { points: 45, minutes: 90 }, { points: 8, minutes: 4 }],
  },
  // A bound written with thousands commas.
  basketAtLeast: {
    name: "delivery_fee",
    description: "Delivery fee: 5 + 0.1 × distance; 0 when the basket total is at least 2,500.",
    examples: [[{ distance: 10, basketTotal: 300 }, 6], [{ distance: 40, basketTotal: 1000 }, 9]],
    person: (i) => (i.basketTotal >= 2500 ? 0 : 5 + 0.1 * i.distance),
    probes: [{ distance: 10, basketTotal: 3000 }, { distance: 10, basketTotal: 2499 }, { distance: 0, basketTotal: 2500 }],
  },
  salesAboveMillion: {
    name: "sales_bonus",
    description: "Bonus: 0.05 × sales, null when the sales are above 1,000,000.",
    examples: [[{ sales: 1000 }, 50], [{ sales: 20000 }, 1000]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.sales > 1000000 ? null : 0.05 * i.sales),
    probes: [{ sales: 2000000 }, { sales: 1000000 }, { sales: 300 }],
  },
  valueMoreThan: {
    name: "insurance_premium",
    description: "Insurance premium: 200 + 0.02 × value; null when the value is more than 50,000.",
    examples: [[{ value: 1000 }, 220], [{ value: 10000 }, 400]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.value > 50000 ? null : 200 + 0.02 * i.value),
    probes: [{ value: 60000 }, { value: 40000 }, { value: 50000 }],
  },
  // "X of 0 or less gives 0" where X names the answer: the guard is on the whole answer.
  profitLabel: {
    name: "profit",
    description: "Profit: revenue − 2 × units − 50. A profit of 0 or less gives 0.",
    examples: [[{ revenue: 200, units: 10 }, 130], [{ revenue: 500, units: 100 }, 250]],
    person: (i) => Math.max(0, i.revenue - 2 * i.units - 50),
    probes: [{ revenue: 60, units: 10 }, { revenue: 100, units: 20 }, { revenue: 300, units: 5 }],
  },
  takeHomeEquals: {
    name: "take_home",
    description: "Take-home pay = 0.8 × (gross − 1000) − 200. A take-home pay of 0 or less gives 0.",
    examples: [[{ gross: 3000 }, 1400], [{ gross: 2000 }, 600]],
    person: (i) => Math.max(0, 0.8 * (i.gross - 1000) - 200),
    probes: [{ gross: 1100 }, { gross: 1300 }, { gross: 900 }],
  },
  refundIsNegative: {
    name: "refund",
    description: "The refund is 0.9 × (paid − 20) − 5; a refund that is negative gives 0.",
    examples: [[{ paid: 120 }, 85], [{ paid: 70 }, 40]],
    person: (i) => Math.max(0, 0.9 * (i.paid - 20) - 5),
    probes: [{ paid: 22 }, { paid: 30 }, { paid: 10 }],
  },
  scoreWithDifference: {
    name: "league_score",
    description: "Score: 3 × wins − 2 × (losses − 1) − 4. A score of 0 or less gives 0.",
    examples: [[{ wins: 5, losses: 3 }, 7], [{ wins: 4, losses: 1 }, 8]],
    person: (i) => Math.max(0, 3 * i.wins - 2 * (i.losses - 1) - 4),
    probes: [{ wins: 0, losses: 2 }, { wins: 1, losses: 0 }, { wins: 6, losses: 4 }],
  },
};

/** Variants that still fail (left open, each named in the round's report). */
const OPEN = new Set<string>([]);

describe("round 28a: rates and ranges stated in words (variants of attack-round27's breaks)", () => {
  for (const [key, a] of Object.entries(VARIANTS)) {
    if (OPEN.has(key)) it.fails(`OPEN: ${key} — ${a.description}`, () => publishes(a), ANSWERED_MS);
    else it(`${key} — ${a.description}`, () => publishes(a), ANSWERED_MS);
  }
});

describe("round 28a: reading the statements", () => {
  const field = (name: string): Expr => ({ k: "in", path: [name] });
  it('"plus 3.5 for each kg above 20" is a rate past the bound, not 3.5 once', () => {
    expect(statedRanges("Courier fee: 2 per km, plus 3.5 for each kg above 20.")).toEqual([{ answer: 3.5, words: ["kg"], bound: 20, inclusive: false, above: true, adds: true, per: true }]);
    expect(statedRanges("Fine: 50, minus 2 for every degree below 15.")).toMatchObject([{ answer: -2, bound: 15, adds: true, per: true }]);
  });
  it('"over 2.5" after "is" is a range; a "÷" is no "over"', () => {
    expect(statedRanges("null when the load is over 2.5")).toMatchObject([{ answer: null, words: ["the", "load"], bound: 2.5, inclusive: false, above: true }]);
    expect(statedRanges("Current: voltage ÷ 230 × 10, rounded to 2 decimals.")).toEqual([]);
  });
  it('a bound written "1,000" is taken out with its statement', () => {
    const d = "Fee: 15 + 0.8 × weight; 0 when the order total is at least 1,000 (free shipping).";
    const guards = statedGuards({ k: "const", value: 0 }, d, { inputs: [{ weight: 10, orderTotal: 250 }], outputs: [23] }, () => true);
    expect(withoutGuarded(d, guards)).not.toMatch(/1,000/);
  });
  it("a phrase names the answer by the description's own name for it, never where it names a field", () => {
    expect(namesAnswer(["a", "net", "bonus"], ["sales"], "Net bonus: 2 × (sales − 500) − 100.")).toBe(true);
    expect(namesAnswer(["a", "net", "bonus"], ["netBonus"], "Net bonus: 2 × (netBonus − 500).")).toBe(false);
    expect(namesAnswer(["an", "excess"], ["weight"], "Fee: 12 × (weight − 23).")).toBe(false);
  });
  it("a guard on the answer guards each program it is put around, not the one it was read for", () => {
    const d = "Net bonus: 2 × (sales − 500) − 100. A net bonus of 0 or less gives 0.";
    const [g] = statedGuards(field("sales"), d, { inputs: [{ sales: 700 }], outputs: [300] }, () => true);
    expect(g?.onAnswer).toBe(true);
  });
  it("`x + x` is `2 × x` where the description writes a 2, a text's `s + s` stays", () => {
    const sum = (e: Expr): Expr => ({ k: "op", op: "add", args: [e, e] });
    expect(doubledAsStated(sum(field("km")), [2], [{ km: 3 }])).toEqual({ k: "op", op: "mul", args: [{ k: "const", value: 2 }, field("km")] });
    expect(doubledAsStated(sum(field("s")), [2], [{ s: "ab" }])).toEqual(sum(field("s")));
    expect(doubledAsStated(sum(field("km")), [3], [{ km: 3 }])).toEqual(sum(field("km")));
  });
});
