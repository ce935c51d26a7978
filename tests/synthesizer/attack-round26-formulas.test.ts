/**
 * Attacks on round 26 (functions, pi and units written in a formula; an operand converted into the
 * unit its phrase names; an answer stated for inputs at or below 0 as a guard): specs invented here,
 * none copied from a set under tests/fixtures/specs. Each holds the backend to its promise — never
 * publish a program that fits the examples but is wrong where the description settles the answer;
 * when unsure, ask — or, for `settled`, to ask nothing the description answers.
 * Every spec is answered as at `/need` (keepsPromise): the person answers up to six questions, none
 * may be about an input whose answer the description states, and what is published at the end must
 * answer the probes as the person does (still asking, or giving up, keeps the promise; a control must
 * be published). A break is `it.fails("BROKE: …")` (asserts the promise, fails while it is broken; once
 * mended it is `it("FIXED …")`), an
 * attempt that held is `it("held: …")`, a benign spec that must keep working `it("control: …")`.
 * R26_TRACE=1 prints what the backend asked and published for each spec.
 */
import { describe, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { keepsStatedPromise } from "./stated-attacks.ts";
import type { StatedAttack } from "./stated-attacks.ts";

const backend = createExampleBackend();
/** One search of up to 5 s of CPU, its rival search and folds: generous for a loaded machine. */
const T = 120_000;
const NUMBER = { type: "number" };
const NUMBER_OR_NULL = { anyOf: [{ type: "number" }, { type: "null" }] };
const r1 = (x: number): number => Math.round(x * 10) / 10;
const r2 = (x: number): number => Math.round(x * 100) / 100;

/** An invented spec (stated-attacks.ts), and whether it must be published. */
interface Attack extends StatedAttack {
  /** A benign spec: it must be published (after answers), not given up on or left asking. */
  readonly control?: true;
}

/** The promise (stated-attacks.ts), published within six answers where the spec says it must be. */
const keepsPromise = (a: Attack): Promise<void> => keepsStatedPromise(backend, a, { mustPublish: a.control === true, traceVar: "R26_TRACE" });

// ---------------------------------------------------------------------------------------------
// A stated range misread (stated-range.ts).
// ---------------------------------------------------------------------------------------------

const RANGES: Record<string, Attack> = {
  // "An excess of 0 or less": the excess is weight − 23, no field; the only number field is guarded instead.
  excessOfDerived: {
    name: "excess_baggage_fee",
    description: "Excess-baggage fee in euros: 12 × (weight − 23) for the kilos above the 23 kg allowance. An excess of 0 or less gives 0.",
    examples: [[{ weight: 25 }, 24], [{ weight: 30 }, 84]],
    person: (i) => Math.max(0, 12 * ((i.weight as number) - 23)),
    probes: [{ weight: 20 }, { weight: 23 }, { weight: 26 }],
  },
  // "A taxable income of 0 or less": the phrase names the field `income`, but taxable income is income − 12000.
  taxableIncome: {
    name: "income_tax_owed",
    description: "Income tax owed: 20% of the taxable income, which is income − 12000. A taxable income of 0 or less gives 0.",
    examples: [[{ income: 32000 }, 4000], [{ income: 52000 }, 8000]],
    person: (i) => Math.max(0, 0.2 * ((i.income as number) - 12000)),
    probes: [{ income: 10000 }, { income: 40000 }],
  },
  // "A profit of 0 or less": a quantity of two fields, no field named: no guard, and nothing asked.
  profitOfTwoFields: {
    name: "sales_commission",
    description: "Sales commission: 10% of the profit (revenue − costs). A profit of 0 or less gives 0.",
    examples: [[{ revenue: 5000, costs: 3000 }, 200], [{ revenue: 8000, costs: 2000 }, 600]],
    person: (i) => Math.max(0, 0.1 * ((i.revenue as number) - (i.costs as number))),
    probes: [{ revenue: 1000, costs: 3000 }, { revenue: 4000, costs: 1000 }],
  },
  // "or × 0.05 when the balance is negative": the number before "when" is a rate, not the answer.
  factorReadAsAnswer: {
    name: "monthly_interest",
    description: "Monthly interest on an account: the balance × 0.01, or × 0.05 when the balance is negative (the overdraft rate).",
    examples: [[{ balance: 1000 }, 10], [{ balance: 250 }, 2.5]],
    person: (i) => ((i.balance as number) < 0 ? (i.balance as number) * 0.05 : (i.balance as number) * 0.01),
    probes: [{ balance: -200 }, { balance: 400 }],
    outputSchema: NUMBER,
  },
  // "plus 5 when the temperature is below 0": 5 more, not 5 in all; the guard also reads `temperature`,
  // which an unread-field check would otherwise have asked about.
  surchargeReadAsAnswer: {
    name: "delivery_fee",
    description: "Delivery fee: 2 per km, plus 5 when the temperature is below 0 (a winter surcharge).",
    examples: [[{ km: 10, temperature: 12 }, 20], [{ km: 4, temperature: 20 }, 8]],
    person: (i) => 2 * (i.km as number) + ((i.temperature as number) < 0 ? 5 : 0),
    probes: [{ km: 10, temperature: -3 }, { km: 6, temperature: 15 }],
  },
  // "below 0.5": RANGE's "below 0" matches the start of "0.5" (a word boundary before the dot).
  belowAHalf: {
    name: "valve_flow",
    description: "Flow through a valve in litres per minute: 60 × √(pressure), rounded to 1 decimal (halves up). null when the pressure is below 0.5 (the valve stays shut).",
    examples: [[{ pressure: 4 }, 120], [{ pressure: 2.25 }, 90]],
    person: (i) => ((i.pressure as number) < 0.5 ? null : r1(60 * Math.sqrt(i.pressure as number))),
    settled: (i) => (i.pressure as number) < 0.5,
    probes: [{ pressure: 0.25 }, { pressure: 0.4 }, { pressure: 1 }],
    outputSchema: NUMBER_OR_NULL,
  },
  // "at most 0.2": the same, another wording.
  atMostAFifth: {
    name: "signal_to_noise_db",
    description: "Signal-to-noise ratio in dB: 10 × log10(signal ÷ 0.2), rounded to 1 decimal (halves up); null when the signal is at most 0.2 (lost in the noise).",
    examples: [[{ signal: 20 }, 20], [{ signal: 2 }, 10]],
    person: (i) => ((i.signal as number) <= 0.2 ? null : r1(10 * Math.log10((i.signal as number) / 0.2))),
    settled: (i) => (i.signal as number) <= 0.2,
    probes: [{ signal: 0.1 }, { signal: 0.15 }, { signal: 200 }],
    outputSchema: NUMBER_OR_NULL,
  },
  // "negative or zero": 0 is in the range, but only "0 or negative" is read with 0.
  negativeOrZero: {
    name: "interest_earned",
    description: "Interest earned this year: balance × rate ÷ 100, rounded to 2 decimals. -1 when the balance is negative or zero (the account is closed).",
    examples: [[{ balance: 1000, rate: 2 }, 20], [{ balance: 500, rate: 3 }, 15]],
    person: (i) => ((i.balance as number) <= 0 ? -1 : r2(((i.balance as number) * (i.rate as number)) / 100)),
    settled: (i) => (i.balance as number) <= 0,
    probes: [{ balance: 0, rate: 2 }, { balance: -50, rate: 2 }, { balance: 300, rate: 1.5 }],
    outputSchema: NUMBER,
  },
  // "either side": a quantifier that names no field, and a product has no critical fields: no guard.
  eitherSideOfAProduct: {
    name: "plot_area",
    description: "Area of a rectangular plot in m²: length × width. null when either side is 0 or less.",
    examples: [[{ length: 20, width: 15 }, 300], [{ length: 8, width: 12.5 }, 100]],
    person: (i) => ((i.length as number) <= 0 || (i.width as number) <= 0 ? null : (i.length as number) * (i.width as number)),
    settled: (i) => (i.length as number) <= 0 || (i.width as number) <= 0,
    probes: [{ length: -5, width: 10 }, { length: 0, width: 7 }, { length: 3, width: 4 }],
    outputSchema: NUMBER_OR_NULL,
  },
  // "any of the dimensions": "of the" makes it every number field, the price per cubic metre too.
  anyDimensionGuardsThePrice: {
    name: "freight_charge",
    description: "Freight charge: length × width × height (in metres) × the price per cubic metre. null when any of the dimensions is 0 or less.",
    examples: [[{ length: 2, width: 1, height: 1, pricePerCubicMetre: 50 }, 100], [{ length: 3, width: 2, height: 1.5, pricePerCubicMetre: 40 }, 360]],
    person: (i) => ([i.length, i.width, i.height].some((d) => (d as number) <= 0) ? null : (i.length as number) * (i.width as number) * (i.height as number) * (i.pricePerCubicMetre as number)),
    probes: [{ length: 2, width: 1, height: 1, pricePerCubicMetre: 0 }, { length: 0, width: 1, height: 1, pricePerCubicMetre: 50 }],
    outputSchema: NUMBER_OR_NULL,
  },
  // "0 when the balance is not negative": the negation drops the statement (no guard), and no question either.
  notNegative: {
    name: "overdraft_fee",
    description: "Overdraft fee: 20% of the amount overdrawn, that is -0.2 × balance; 0 when the balance is not negative.",
    examples: [[{ balance: -100 }, 20], [{ balance: -50 }, 10]],
    person: (i) => ((i.balance as number) >= 0 ? 0 : -0.2 * (i.balance as number)),
    settled: (i) => (i.balance as number) >= 0,
    probes: [{ balance: 100 }, { balance: 0 }, { balance: -20 }],
  },
  // The description says null for a count of 0 or less; an example answers 0 at count 0. The guard is
  // dropped whole, so a negative count (where nothing contradicts the description) is computed.
  contradictedAtZeroOnly: {
    name: "price_per_item",
    description: "Average price per item: total ÷ count, rounded to 2 decimals. null when the count is 0 or less.",
    examples: [[{ total: 10, count: 4 }, 2.5], [{ total: 0, count: 0 }, 0], [{ total: 9, count: 3 }, 3]],
    person: (i) => ((i.count as number) === 0 ? 0 : (i.count as number) < 0 ? null : r2((i.total as number) / (i.count as number))),
    probes: [{ total: 6, count: -2 }, { total: 7, count: 2 }],
    outputSchema: NUMBER_OR_NULL,
  },
  // "the time" names no field of `metres`, `seconds`: no guard, so a question at seconds 0 the description answers.
  timeBySynonym: {
    name: "average_speed_ms",
    description: "Average speed in m/s: metres ÷ seconds, rounded to 2 decimals. null when the time is 0 or less.",
    examples: [[{ metres: 100, seconds: 12.5 }, 8], [{ metres: 400, seconds: 50 }, 8], [{ metres: 1500, seconds: 240 }, 6.25]],
    person: (i) => ((i.seconds as number) <= 0 ? null : r2((i.metres as number) / (i.seconds as number))),
    settled: (i) => (i.seconds as number) <= 0,
    probes: [{ metres: 100, seconds: 0 }, { metres: 100, seconds: -10 }, { metres: 200, seconds: 25 }],
    outputSchema: NUMBER_OR_NULL,
  },
  // "0 when both readings are 0 or less": "both" is read as "either" (each critical field guarded alone).
  bothReadAsEither: {
    name: "level_change_db",
    description: "Change in sound level in dB: 10 × log10(after ÷ before), rounded to 1 decimal (halves up). 0 when both readings are 0 or less (nothing was measured).",
    examples: [[{ after: 100, before: 1 }, 20], [{ after: 5, before: 50 }, -10]],
    person: (i) => ((i.after as number) <= 0 && (i.before as number) <= 0 ? 0 : (i.after as number) <= 0 || (i.before as number) <= 0 ? null : r1(10 * Math.log10((i.after as number) / (i.before as number)))),
    settled: (i) => (i.after as number) <= 0 && (i.before as number) <= 0,
    probes: [{ after: 0, before: 5 }, { after: 5, before: -1 }, { after: 0, before: 0 }, { after: 10, before: 1 }],
    outputSchema: NUMBER_OR_NULL,
  },
  // "minus 1 for a goal difference that is negative": 1 read as the whole answer.
  minusOneReadAsAnswer: {
    name: "league_score",
    description: "League score: 3 × wins + draws, minus 1 for a goal difference that is negative.",
    examples: [[{ wins: 5, draws: 2, goalDifference: 4 }, 17], [{ wins: 3, draws: 4, goalDifference: 1 }, 13]],
    person: (i) => 3 * (i.wins as number) + (i.draws as number) - ((i.goalDifference as number) < 0 ? 1 : 0),
    probes: [{ wins: 4, draws: 1, goalDifference: -3 }, { wins: 2, draws: 2, goalDifference: 0 }],
  },
  // Two ranges of one field, the narrower stated second: only the first becomes a guard.
  narrowerRangeDropped: {
    name: "doubling_time_coded",
    description: "Years for a deposit to double: ln 2 ÷ ln(1 + rate/100), rounded to 1 decimal (halves up). 0 when the rate is 0 or less, -1 when the rate is negative.",
    examples: [[{ rate: 8 }, 9], [{ rate: 3 }, 23.4]],
    person: (i) => ((i.rate as number) < 0 ? -1 : (i.rate as number) === 0 ? 0 : r1(Math.log(2) / Math.log(1 + (i.rate as number) / 100))),
    probes: [{ rate: -5 }, { rate: 0 }, { rate: 7 }],
    outputSchema: NUMBER,
  },
};

describe("round 26 attack: a stated range misread", () => {
  it("held (round 27: guarded as stated, where it only asked before): \"an excess of 0 or less gives 0\" (excess = weight − 23) was guarded as weight ≤ 0, the wrong quantity; the one written difference is the excess: weight ≤ 23 ? 0", () => keepsPromise(RANGES.excessOfDerived as Attack), T);
  it("held (round 27: guarded as stated, where it asked its way to it before): \"a taxable income of 0 or less\" was guarded as income ≤ 0; \"taxable\" is no word of `income`, and the written income − 12000 is the quantity: income ≤ 12000 ? 0", () => keepsPromise(RANGES.taxableIncome as Attack), T);
  it("held (round 27: guarded as stated, where it asked its way to it before): \"a profit of 0 or less gives 0\" over the written (revenue − costs): guarded as revenue − costs ≤ 0", () => keepsPromise(RANGES.profitOfTwoFields as Attack), T);
  it("FIXED (round 26, broke before): \"the balance × 0.01, or × 0.05 when the balance is negative\": published balance < 0 ? 0.05 : balance × 0.01; 0.05 at balance −200 (want −10)", () => keepsPromise(RANGES.factorReadAsAnswer as Attack), T);
  it("held (asks): \"plus 5 when the temperature is below 0\" first guarded as temperature < 0 ? 5; since round 27 as temperature < 0 ? … + 5, and the backend asks about the description's 2 (the program adds km + km)", () => keepsPromise(RANGES.surchargeReadAsAnswer as Attack), T);
  it("FIXED (round 26, broke before): \"null when the pressure is below 0.5\" read as below 0: the guard is pressure < 0 and a question is asked at pressure 0, which the description answers (null)", () => keepsPromise(RANGES.belowAHalf as Attack), T);
  it("FIXED (round 26, broke before): \"null when the signal is at most 0.2\" read as at most 0: published signal ≤ 0 ? null : …; 0.2 at signal 0.1 (want null)", () => keepsPromise(RANGES.atMostAFifth as Attack), T);
  it("FIXED (round 26, broke before): \"-1 when the balance is negative or zero\" read without zero: published balance < 0 ? -1 : …; 0 at balance 0 (want -1)", () => keepsPromise(RANGES.negativeOrZero as Attack), T);
  it("FIXED (round 27, broke before): \"null when either side is 0 or less\" on length × width: no guard (no field named, a product has no critical field); published length × width, −50 at length −5 (want null). \"side\" names the fields of a length", () => keepsPromise(RANGES.eitherSideOfAProduct as Attack), T);
  it("FIXED (round 27, broke before): \"null when any of the dimensions is 0 or less\" guarded no field (a product has no critical field); \"dimension\" names length, width, height, not the price per cubic metre (a rate)", () => keepsPromise(RANGES.anyDimensionGuardsThePrice as Attack), T);
  it("FIXED (round 27, broke before): \"0 when the balance is not negative\" dropped (a negated phrase is about no field): asked at balance 1, which the description answers (0). \"not negative\" is a range above: balance ≥ 0 ? 0", () => keepsPromise(RANGES.notNegative as Attack), T);
  it("held (asks): \"null when the count is 0 or less\" against an example answering 0 at count 0: the guard is dropped whole, but nothing wrong is published", () => keepsPromise(RANGES.contradictedAtZeroOnly as Attack), T);
  it("FIXED (round 27, broke before): \"null when the time is 0 or less\" beside `seconds`: no field named, no guard; asked at seconds 0 (the description answers null), then published −10 at seconds −10 (want null). \"time\" names the one field in a unit of time", () => keepsPromise(RANGES.timeBySynonym as Attack), T);
  it("FIXED (round 26, broke before): \"0 when both readings are 0 or less\": each reading guarded alone; published 0 at after 0, before 5 (a logarithm of 0, which the description leaves open: want a question, or null)", () => keepsPromise(RANGES.bothReadAsEither as Attack), T);
  it("FIXED (round 27, broke before): \"minus 1 for a goal difference that is negative\": published 3 × wins + draws, ignoring goalDifference; 13 at 4 wins, 1 draw, −3 (want 12). An amount added in a range is a guard: goalDifference < 0 ? … − 1", () => keepsPromise(RANGES.minusOneReadAsAnswer as Attack), T);
  it("FIXED (round 26, broke before): \"0 when the rate is 0 or less, -1 when the rate is negative\": the second range, on a field already guarded, is dropped; published 0 at rate −5 (want −1)", () => keepsPromise(RANGES.narrowerRangeDropped as Attack), T);
});

// ---------------------------------------------------------------------------------------------
// Units of an operand (bind.ts inUnitsOf, units.ts), functions, words after numbers, "of N", pi (parse.ts).
// ---------------------------------------------------------------------------------------------

const FORMULAS: Record<string, Attack> = {
  // `pricePerFoot` named by "the price per metre": a price per unit converts inversely to the unit.
  pricePerUnitInverted: {
    name: "cable_cost",
    description: "Cost of a cable: the length in metres × the price per metre, rounded to 2 decimals. The shop lists its price per foot.",
    examples: [[{ lengthMetres: 10, pricePerFoot: 2 }, 65.62], [{ lengthMetres: 4, pricePerFoot: 0.5 }, 6.56]],
    person: (i) => r2(((i.lengthMetres as number) * (i.pricePerFoot as number)) / 0.3048),
    probes: [{ lengthMetres: 25, pricePerFoot: 1.2 }],
    outputSchema: NUMBER,
  },
  // "in gallons" beside `tankLitres`: a conversion into the phrase's unit. Control.
  gallonsFromLitres: {
    name: "tank_fill_minutes",
    description: "Minutes to fill a tank: the tank's volume in gallons ÷ 5 gallons per minute, rounded to 1 decimal (halves up). The volume is given in litres.",
    examples: [[{ tankLitres: 378.5411784 }, 20], [{ tankLitres: 100 }, 5.3]],
    person: (i) => r1((i.tankLitres as number) / 3.785411784 / 5),
    control: true,
    probes: [{ tankLitres: 50 }, { tankLitres: 1000 }],
    outputSchema: NUMBER,
  },
  // "lg" is log2 to a computer scientist; only log10 is bound, and the search cannot build log2.
  lgIsLog2: {
    name: "binary_search_steps",
    description: "Worst-case comparisons of a binary search over n sorted items: floor(lg(n)) + 1.",
    examples: [[{ n: 8 }, 4], [{ n: 100 }, 7], [{ n: 1000 }, 10]],
    person: (i) => ((i.n as number) <= 0 ? null : Math.floor(Math.log2(i.n as number)) + 1),
    probes: [{ n: 1 }, { n: 16 }, { n: 1000000 }],
    outputSchema: NUMBER_OR_NULL,
  },
  // "log" alone, both logarithms bound; the examples (a decibel scale) leave only log10. Control.
  logIsDecimalHere: {
    name: "power_ratio_db",
    description: "A power ratio in decibels: 10 × log(output ÷ input), rounded to 1 decimal (halves up). null when either power is 0 or less.",
    examples: [[{ output: 100, input: 1 }, 20], [{ output: 50, input: 5 }, 10]],
    person: (i) => ((i.output as number) <= 0 || (i.input as number) <= 0 ? null : r1(10 * Math.log10((i.output as number) / (i.input as number)))),
    settled: (i) => (i.output as number) <= 0 || (i.input as number) <= 0,
    control: true,
    probes: [{ output: 2, input: 1 }, { output: 1000, input: 2 }],
    outputSchema: NUMBER_OR_NULL,
  },
  // "2 l w + 2 l h + 2 w h": "l" and "w", "h" after a number are read as litres, watts, hours and dropped.
  boxSurfaceLettersAsUnits: {
    name: "box_surface_area",
    description: "Surface area of a closed box in cm²: 2 l w + 2 l h + 2 w h, with l the length, w the width and h the height.",
    examples: [[{ length: 3, width: 2, height: 1 }, 22], [{ length: 5, width: 4, height: 3 }, 94], [{ length: 10, width: 1, height: 2 }, 64]],
    person: (i) => 2 * ((i.length as number) * (i.width as number) + (i.length as number) * (i.height as number) + (i.width as number) * (i.height as number)),
    probes: [{ length: 6, width: 6, height: 6 }, { length: 2, width: 7, height: 4 }],
  },
  // "the natural log of 2": the phrase ending in "of" before a number is dropped, the logarithm with it.
  naturalLogOfTwo: {
    name: "doubling_years",
    description: "Years for a population to double: the natural log of 2 divided by the yearly growth rate (as a fraction), rounded to 1 decimal (halves up).",
    examples: [[{ rate: 0.07 }, 9.9], [{ rate: 0.035 }, 19.8]],
    person: (i) => r1(Math.LN2 / (i.rate as number)),
    probes: [{ rate: 0.01 }, { rate: 0.2 }],
    outputSchema: NUMBER,
  },
  // "the larger of 10 and 3 × weight": "of 10" is the number, "and" cuts the clause: the maximum is lost.
  largerOfTenAnd: {
    name: "parcel_fee",
    description: "Parcel fee: the larger of 10 and 3 × weight (a minimum fee of 10).",
    examples: [[{ weight: 5 }, 15], [{ weight: 8 }, 24]],
    person: (i) => Math.max(10, 3 * (i.weight as number)),
    probes: [{ weight: 1 }, { weight: 2 }, { weight: 10 }],
  },
  // "PI the price index": the short name is read as π in the formula.
  priceIndexAsPi: {
    name: "real_wage",
    description: "Real wage: wage ÷ PI × 100, with PI the price index, rounded to 2 decimals.",
    examples: [[{ wage: 2000, priceIndex: 125 }, 1600], [{ wage: 1500, priceIndex: 120 }, 1250]],
    person: (i) => r2(((i.wage as number) / (i.priceIndex as number)) * 100),
    probes: [{ wage: 1000, priceIndex: 110 }, { wage: 3000, priceIndex: 100 }],
    outputSchema: NUMBER,
  },
  // "two pi times radius". Control.
  twoPiCircumference: {
    name: "wheel_circumference",
    description: "Circumference of a wheel: two pi times the radius, rounded to 2 decimals.",
    examples: [[{ radius: 1 }, 6.28], [{ radius: 0.35 }, 2.2]],
    person: (i) => r2(2 * Math.PI * (i.radius as number)),
    control: true,
    probes: [{ radius: 10 }, { radius: 0.5 }],
    outputSchema: NUMBER,
  },
  // "the square root of 2 times the height divided by 9.81": √(2h / 9.81). Control.
  fallTimeInWords: {
    name: "fall_time",
    description: "Seconds a stone takes to fall: the square root of 2 times the height divided by 9.81, rounded to 2 decimals.",
    examples: [[{ height: 19.62 }, 2], [{ height: 4.905 }, 1]],
    person: (i) => r2(Math.sqrt((2 * (i.height as number)) / 9.81)),
    control: true,
    probes: [{ height: 100 }, { height: 1 }],
    outputSchema: NUMBER,
  },
  // "the width" beside `widthMm` in a formula in cm: offered as is and in metres, neither is right.
  mixedUnitsPerimeter: {
    name: "frame_perimeter_cm",
    description: "Perimeter of a picture frame in cm: 2 × (length + width). The length is measured in cm, the width in mm.",
    examples: [[{ lengthCm: 30, widthMm: 200 }, 100], [{ lengthCm: 50, widthMm: 100 }, 120]],
    person: (i) => 2 * ((i.lengthCm as number) + (i.widthMm as number) / 10),
    probes: [{ lengthCm: 10, widthMm: 10 }, { lengthCm: 70, widthMm: 550 }],
    outputSchema: NUMBER,
  },
  // "the length in cm" beside `lengthCm`: the same unit, no conversion offered. Control.
  sameUnitPhrase: {
    name: "shelf_boards",
    description: "Boards of 80 cm needed for a shelf: the length in cm ÷ 80, rounded up.",
    examples: [[{ lengthCm: 240 }, 3], [{ lengthCm: 100 }, 2]],
    person: (i) => Math.ceil((i.lengthCm as number) / 80),
    control: true,
    probes: [{ lengthCm: 81 }, { lengthCm: 400 }],
  },
  // "bars" in `barsEaten` is no pressure: the field is offered as is and × 100000; the examples decide.
  barsAreNotPressure: {
    name: "calories_from_bars",
    description: "Calories from chocolate: the number eaten × 230 calories per bar.",
    examples: [[{ barsEaten: 2 }, 460], [{ barsEaten: 5 }, 1150]],
    person: (i) => 230 * (i.barsEaten as number),
    probes: [{ barsEaten: 1 }, { barsEaten: 0 }, { barsEaten: 12 }],
  },
};

describe("round 26 attack: formulas, units and words", () => {
  it("held: \"the price per metre\" beside `pricePerFoot` is offered ÷ 3.2808 (the wrong way for a price per unit) and as is; neither fits, and the search finds × 3.2808 itself", () => keepsPromise(FORMULAS.pricePerUnitInverted as Attack), T);
  it("control: \"the tank's volume in gallons\" beside `tankLitres` is converted (published right, if with a needless × tankLitres ÷ tankLitres)", () => keepsPromise(FORMULAS.gallonsFromLitres as Attack), T);
  it("held (asks, or gives up): \"floor(lg(n)) + 1\" binds lg as log10 only (a computer scientist means log2); nothing wrong is published", () => keepsPromise(FORMULAS.lgIsLog2 as Attack), T);
  it("control: \"10 × log(output ÷ input)\", null when either power is 0 or less: log10 chosen by the examples, guarded as stated, no question", () => keepsPromise(FORMULAS.logIsDecimalHere as Attack), T);
  it("held (after answers): \"2 l w + 2 l h + 2 w h\": the letters after 2 are dropped as litres, watts, hours, but the search finds the surface area itself", () => keepsPromise(FORMULAS.boxSurfaceLettersAsUnits as Attack), T);
  it("FIXED (round 26, broke before): \"the natural log of 2 divided by the rate\": \"of 2\" makes the phrase the number 2 and the logarithm is lost; after 2 answers published round(2 ÷ rate × 0.347, 1): 69.4 at rate 0.01 (want 69.3)", () => keepsPromise(FORMULAS.naturalLogOfTwo as Attack), T);
  it("held (after answers): \"the larger of 10 and 3 × weight\": \"of 10\" is the number and \"and\" cuts the clause, but the questions find max(3 × weight, 10)", () => keepsPromise(FORMULAS.largerOfTenAnd as Attack), T);
  it("held: \"wage ÷ PI × 100, with PI the price index\": PI read as π in the formula, but the search finds wage ÷ priceIndex × 100", () => keepsPromise(FORMULAS.priceIndexAsPi as Attack), T);
  it("control: \"two pi times the radius\"", () => keepsPromise(FORMULAS.twoPiCircumference as Attack), T);
  it("control: \"the square root of 2 times the height divided by 9.81\" is √(2h ÷ 9.81)", () => keepsPromise(FORMULAS.fallTimeInWords as Attack), T);
  it("held (after answers): \"2 × (length + width)\" with `lengthCm` and `widthMm`: the width is offered as is and in metres, and the program found is in metres × 100, right", () => keepsPromise(FORMULAS.mixedUnitsPerimeter as Attack), T);
  it("control: \"the length in cm\" beside `lengthCm` is not converted", () => keepsPromise(FORMULAS.sameUnitPhrase as Attack), T);
  it("FIXED (round 26, broke before): \"the number eaten × 230 calories per bar\": \"calories\" is no unit dropped after 230, so \"calories per bar\" binds `barsEaten` (its word \"bar\"); published barsEaten × 230 × barsEaten ÷ barsEaten, NaN at 0 bars (want 0)", () => keepsPromise(FORMULAS.barsAreNotPressure as Attack), T);
});

// ---------------------------------------------------------------------------------------------
// Controls that must keep working, and questions the description settles.
// ---------------------------------------------------------------------------------------------

const CONTROLS: Record<string, Attack> = {
  doublingWithNull: {
    name: "deposit_doubling_years",
    description: "Years for a deposit to double: ln 2 ÷ ln(1 + rate/100), rounded to 1 decimal (halves up). Return null when the rate is 0 or less.",
    examples: [[{ rate: 8 }, 9], [{ rate: 3 }, 23.4]],
    person: (i) => ((i.rate as number) <= 0 ? null : r1(Math.log(2) / Math.log(1 + (i.rate as number) / 100))),
    settled: (i) => (i.rate as number) <= 0,
    control: true,
    probes: [{ rate: 0 }, { rate: -5 }, { rate: 7 }],
    outputSchema: NUMBER_OR_NULL,
  },
  fencePostsZero: {
    name: "fence_posts_needed",
    description: "Posts for a fence with a post every 2.5 metres: the length ÷ 2.5 rounded up, + 1. A length of 0 or less gives 0.",
    examples: [[{ length: 10 }, 5], [{ length: 12 }, 6]],
    person: (i) => ((i.length as number) <= 0 ? 0 : Math.ceil((i.length as number) / 2.5) + 1),
    settled: (i) => (i.length as number) <= 0,
    control: true,
    probes: [{ length: 0 }, { length: -3 }, { length: 5 }],
  },
  bitsWithNull: {
    name: "password_entropy_bits",
    description: "Entropy of a random password in bits: length × log2(alphabet), rounded to 1 decimal (halves up). null when the alphabet is 0 or less.",
    examples: [[{ length: 8, alphabet: 26 }, 37.6], [{ length: 12, alphabet: 62 }, 71.5]],
    person: (i) => ((i.alphabet as number) <= 0 ? null : r1((i.length as number) * Math.log2(i.alphabet as number))),
    settled: (i) => (i.alphabet as number) <= 0,
    control: true,
    probes: [{ length: 10, alphabet: 0 }, { length: 10, alphabet: -4 }, { length: 10, alphabet: 10 }],
    outputSchema: NUMBER_OR_NULL,
  },
  // "0 or negative" with "less than 0" elsewhere: the guard is the field's, both bounds as written.
  pHFromConcentration: {
    name: "ph_value",
    description: "pH of a solution: -log10(concentration), rounded to 2 decimals (halves up). null when the concentration is 0 or negative.",
    examples: [[{ concentration: 0.001 }, 3], [{ concentration: 0.00002 }, 4.7]],
    person: (i) => ((i.concentration as number) <= 0 ? null : r2(-Math.log10(i.concentration as number))),
    settled: (i) => (i.concentration as number) <= 0,
    control: true,
    probes: [{ concentration: 0 }, { concentration: -1 }, { concentration: 0.1 }],
    outputSchema: NUMBER_OR_NULL,
  },
  // "null when the time is 0 or less" beside `distance` and `time`: the time guarded, the distance not.
  guardOnTheNamedFieldOnly: {
    name: "pace_min_per_km",
    description: "Running pace in minutes per km: time ÷ distance, rounded to 2 decimals. null when the distance is 0 or less.",
    examples: [[{ time: 50, distance: 10 }, 5], [{ time: 27, distance: 5 }, 5.4]],
    person: (i) => ((i.distance as number) <= 0 ? null : r2((i.time as number) / (i.distance as number))),
    settled: (i) => (i.distance as number) <= 0,
    control: true,
    probes: [{ time: 30, distance: 0 }, { time: 30, distance: -2 }, { time: 0, distance: 4 }],
    outputSchema: NUMBER_OR_NULL,
  },
  // "log" alone where only the natural logarithm fits (a continuous rate).
  continuousRateLn: {
    name: "continuous_growth_rate",
    description: "Continuous yearly growth rate: log(final ÷ initial) ÷ years, rounded to 4 decimals (halves up). null when either amount is 0 or less, and for 0 years.",
    examples: [[{ initial: 100, final: 200, years: 10 }, 0.0693], [{ initial: 50, final: 150, years: 5 }, 0.2197]],
    person: (i) => ((i.final as number) > 0 && (i.initial as number) > 0 && (i.years as number) !== 0 ? Math.round((Math.log((i.final as number) / (i.initial as number)) / (i.years as number)) * 10000) / 10000 : null),
    settled: (i) => (i.final as number) <= 0 || (i.initial as number) <= 0 || (i.years as number) === 0,
    control: true,
    probes: [{ initial: 10, final: 80, years: 3 }, { initial: 7, final: 7, years: 2 }],
    outputSchema: NUMBER_OR_NULL,
  },
};

describe("round 26 attack: controls", () => {
  it("control: ln 2 ÷ ln(1 + rate/100), null when the rate is 0 or less", () => keepsPromise(CONTROLS.doublingWithNull as Attack), T);
  it("control: \"a length of 0 or less gives 0\" on ceil(length ÷ 2.5) + 1", () => keepsPromise(CONTROLS.fencePostsZero as Attack), T);
  it("control: length × log2(alphabet), null when the alphabet is 0 or less", () => keepsPromise(CONTROLS.bitsWithNull as Attack), T);
  it("control: -log10(concentration), null when it is 0 or negative", () => keepsPromise(CONTROLS.pHFromConcentration as Attack), T);
  it("control: \"null when the distance is 0 or less\" guards the distance, not the time", () => keepsPromise(CONTROLS.guardOnTheNamedFieldOnly as Attack), T);
  it("control: log(final ÷ initial) ÷ years: ln chosen by the examples, guarded where stated", () => keepsPromise(CONTROLS.continuousRateLn as Attack), T);
});
