/**
 * Attacks on round 27 (issue 17): the ranking searching past a poor first fit (search.ts), the bank
 * keeping the likelier of two same-valued expressions (bank.ts), the constants between two named
 * temperature scales (constants.ts/units.ts), and answers stated for ranges (stated-range.ts,
 * range-subjects.ts). Specs invented here, none copied from a set under tests/fixtures/specs.
 * Each holds the backend to its promise: never publish a program that fits the examples but is
 * wrong where the description settles the answer; when unsure, ask. The person answers up to six
 * questions (as at `/need`, offered outputs recorded); what is published must answer every probe as
 * the person does. Giving up keeps the promise; still asking after six answers keeps it too, except
 * for a `simple` spec, whose task is plain enough that asking forever is itself a break.
 * A break is `it.fails("BREAK: …")` (asserts the promise, fails while it is broken), an attempt that
 * held `it("held: …")`, a benign spec that must keep working `it("control: …")`.
 * R27_TRACE=1 prints what the backend asked and published for each spec.
 */
import { describe, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { ANSWERED_MS } from "./answered.ts";
import { attackSuite, keepsStatedPromise } from "./stated-attacks.ts";
import type { AttackStanding } from "./stated-attacks.ts";
import type { StatedAttack } from "./stated-attacks.ts";

const backend = createExampleBackend();
const NUMBER = { type: "number" };
const NUMBER_OR_NULL = { anyOf: [{ type: "number" }, { type: "null" }] };
const r1 = (x: number): number => Math.round(x * 10) / 10;
const r2 = (x: number): number => Math.round(x * 100) / 100;

type Row = { price: number };
type Person = { name: string; age: number };
type Parcel = { id: string; kg: number };

/** An invented spec (stated-attacks.ts), and whether it must be published. */
interface Attack extends StatedAttack {
  /** A task so plain that it must be published within six answers (a control, or an attack on asking forever). */
  readonly simple?: true;
}

/** The promise (stated-attacks.ts), published within six answers where the spec says it must be. */
const keepsPromise = (a: Attack): Promise<void> => keepsStatedPromise(backend, a, { mustPublish: a.simple === true, traceVar: "R27_TRACE" });


const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

// ---------------------------------------------------------------------------------------------
// Points 1–3: the deeper ranking, the likelier of two same-valued expressions, temperature constants.
// ---------------------------------------------------------------------------------------------

const LIKELIER: Record<string, Attack> = {
  // "Celsius" and "Fahrenheit" are named, so 1.8 is a search constant; "above freezing" states no
  // number, and `x > 1.8` fits the examples as well as `x > 0`.
  aboveFreezing: {
    name: "above_freezing_count",
    description: "How many of the readings in Celsius are above freezing (the sensor shows Fahrenheit too, but the readings here are Celsius).",
    examples: [[{ readings: [-2, 40, 36] }, 2], [{ readings: [-5, -1] }, 0]],
    person: (i) => (i.readings as number[]).filter((r) => r > 0).length,
    probes: [{ readings: [10, 20, -3] }, { readings: [0, 1] }, { readings: [0.5, 1.5] }],
  },
  // The same, below freezing: published `x < 1.8` without a question.
  frostBelow: {
    name: "frost_count",
    description: "How many of the Celsius readings are below freezing (the Fahrenheit column is not used).",
    examples: [[{ readings: [-3, 5, 40] }, 1], [{ readings: [10, 20] }, 0]],
    person: (i) => (i.readings as number[]).filter((r) => r < 0).length,
    probes: [{ readings: [1, -1, 0.5] }, { readings: [0, -10] }],
  },
  // The mean of two Fahrenheit readings in Celsius: ((a + b) ÷ 2 − 32) ÷ 1.8, a plain task; asked seven times.
  meanFahrenheitInCelsius: {
    name: "mean_in_celsius",
    description: "The mean of two oven readings in Fahrenheit, given in Celsius, rounded to 1 decimal.",
    examples: [[{ a: 212, b: 230 }, 105], [{ a: 32, b: 68 }, 10]],
    person: (i) => r1(((i.a + i.b) / 2 - 32) / 1.8),
    probes: [{ a: 100, b: 100 }, { a: 350, b: 400 }, { a: -40, b: -40 }],
    simple: true,
  },
  // The reading nearest zero is an argmin by |x|; `Math.min` fits both examples (the negative one is nearest).
  closestToZero: {
    name: "reading_nearest_zero",
    description: "The reading closest to zero.",
    examples: [[{ readings: [7, -2, 5] }, -2], [{ readings: [3, 9, 4] }, 3]],
    person: (i) => (i.readings as number[]).reduce((b, x) => (Math.abs(x) < Math.abs(b) ? x : b)),
    probes: [{ readings: [-9, 4, -1] }, { readings: [8, 6] }],
  },
  // The same in a lambda body: the sensors "above freezing" kept as `c > 1.8`, after two questions
  // that never put a reading between 0 and 1.8.
  thawedSensors: {
    name: "thawed_sensors",
    description: "The names of the sensors whose Celsius reading is above freezing; a Fahrenheit reading is never given.",
    examples: [[{ sensors: [{ name: "a", c: 4 }, { name: "b", c: -3 }, { name: "c", c: 12 }] }, ["a", "c"]], [{ sensors: [{ name: "d", c: -8 }] }, []]],
    person: (i) => (i.sensors as { name: string; c: number }[]).filter((s) => s.c > 0).map((s) => s.name),
    probes: [{ sensors: [{ name: "x", c: 1 }, { name: "y", c: 0 }, { name: "z", c: 2 }] }],
  },
  // "heavier than 2.5 kg": `kg > 2.5` and `kg >= 2.5` both mention 2.5 and agree on the examples;
  // the bank keeps `>=`, and the question asked (at 2 kg) does not separate them.
  heavierThan: {
    name: "heavy_ids",
    description: "The ids of the parcels heavier than 2.5 kg.",
    examples: [[{ parcels: [{ id: "a", kg: 1 }, { id: "b", kg: 3 }, { id: "c", kg: 4 }] }, ["b", "c"]], [{ parcels: [{ id: "d", kg: 0.5 }] }, []]],
    person: (i) => (i.parcels as Parcel[]).filter((p) => p.kg > 2.5).map((p) => p.id),
    probes: [{ parcels: [{ id: "x", kg: 2.5 }, { id: "y", kg: 2.6 }, { id: "z", kg: 2 }] }],
  },
  // A plain count within one degree of a target, beside two named scales: asked seven times (an
  // empty list, 208, 0 …), never published.
  withinADegree: {
    name: "near_target_count",
    description: "How many of the Celsius readings are within one degree of the target (the Fahrenheit readings are kept elsewhere).",
    examples: [[{ readings: [20.5, 30, 22], target: 21 }, 2], [{ readings: [10, 15], target: 12.5 }, 0]],
    person: (i) => (i.readings as number[]).filter((r) => Math.abs(r - i.target) <= 1).length,
    probes: [{ readings: [22.5, 21], target: 21 }, { readings: [19.6, 18], target: 21 }],
    simple: true,
  },
  // Kelvin readings warmer than 20 °C (293.15 K): asked seven times, mostly the examples' readings
  // reordered (answers that cannot tell a threshold apart), never published.
  warmInKelvin: {
    name: "warm_in_kelvin",
    description: "How many of the readings, in kelvin, are warmer than 20 degrees Celsius.",
    examples: [[{ readings: [300, 280, 310] }, 2], [{ readings: [250] }, 0]],
    person: (i) => (i.readings as number[]).filter((k) => k > 293.15).length,
    probes: [{ readings: [293, 294] }, { readings: [290, 295.5] }],
    simple: true,
  },
  // Held: "not over 65" kept as `age <= 65` (asked at 65).
  notOver65: {
    name: "names_not_over_65",
    description: "The names of the people who are not over 65, in the order given.",
    examples: [[{ people: [{ name: "Al", age: 30 }, { name: "Bea", age: 70 }, { name: "Cid", age: 50 }] }, ["Al", "Cid"]], [{ people: [{ name: "Dot", age: 80 }] }, []]],
    person: (i) => (i.people as Person[]).filter((p) => p.age <= 65).map((p) => p.name),
    probes: [{ people: [{ name: "E", age: 65 }, { name: "F", age: 66 }] }, { people: [{ name: "G", age: 10 }] }],
  },
  // Held: "no more than 2 kg" kept as `kg <= 2`, not `kg < 2` (both mention 2).
  noMoreThan2kg: {
    name: "light_parcel_ids",
    description: "The ids of the parcels that weigh no more than 2 kg.",
    examples: [[{ parcels: [{ id: "a", kg: 1.2 }, { id: "b", kg: 3.5 }, { id: "c", kg: 0.4 }] }, ["a", "c"]], [{ parcels: [{ id: "d", kg: 7 }] }, []]],
    person: (i) => (i.parcels as Parcel[]).filter((p) => p.kg <= 2).map((p) => p.id),
    probes: [{ parcels: [{ id: "x", kg: 2 }, { id: "y", kg: 2.5 }, { id: "z", kg: 1.9 }] }],
  },
  // Held: "at least 37.5" kept as `>= 37.5`, not `> 37.5`.
  feverAtLeast: {
    name: "fever_count",
    description: "How many of the temperature readings are at least 37.5 (a fever).",
    examples: [[{ readings: [36.6, 38.2, 37.1, 39] }, 2], [{ readings: [36.9] }, 0]],
    person: (i) => (i.readings as number[]).filter((r) => r >= 37.5).length,
    probes: [{ readings: [37.5, 37.4] }, { readings: [38, 37.6, 36] }],
  },
  // Held: a difference of two Celsius readings in Fahrenheit degrees gets no + 32.
  riseInFahrenheit: {
    name: "rise_in_fahrenheit",
    description: "How much warmer it got, in Fahrenheit degrees, between two readings taken in Celsius (after minus before).",
    examples: [[{ before: 10, after: 20 }, 18], [{ before: -5, after: 5 }, 18]],
    person: (i) => (i.after - i.before) * 1.8,
    probes: [{ before: 0, after: 5 }, { before: 20, after: 15 }, { before: 3, after: 33 }],
  },
  // Held: "30 or more" beside named scales is not moved to 32 (asked at 30).
  hotDays: {
    name: "hot_days",
    description: "The number of hot days: readings in Celsius of 30 or more (the Fahrenheit log is ignored).",
    examples: [[{ readings: [35, 10, 40] }, 2], [{ readings: [5] }, 0]],
    person: (i) => (i.readings as number[]).filter((r) => r >= 30).length,
    probes: [{ readings: [30, 31, 29] }, { readings: [33] }],
  },
  // Held: the mean of Celsius readings in Fahrenheit.
  meanCelsiusInFahrenheit: {
    name: "mean_fahrenheit",
    description: "The mean of the Celsius readings, given in Fahrenheit.",
    examples: [[{ readings: [10, 30] }, 68], [{ readings: [0, 0, 30] }, 50]],
    person: (i) => (sum(i.readings) / i.readings.length) * 1.8 + 32,
    probes: [{ readings: [100] }, { readings: [-40, -40] }, { readings: [20, 25, 30] }],
  },
  // Held: the second-highest score, past the position that holds it in both examples.
  secondHighest: {
    name: "second_highest_score",
    description: "The second-highest score.",
    examples: [[{ scores: [40, 90, 75] }, 75], [{ scores: [12, 30, 18, 5] }, 18]],
    person: (i) => [...(i.scores as number[])].sort((a, b) => b - a)[1] as number,
    probes: [{ scores: [1, 2, 3] }, { scores: [9, 8, 7] }, { scores: [5, 50, 20, 40] }],
  },
  // Held: "items over 20 euros" is a filter, not a division.
  itemsOver20: {
    name: "total_over_20",
    description: "The total price of the items over 20 euros.",
    examples: [[{ items: [{ price: 25 }, { price: 10 }, { price: 40 }] }, 65], [{ items: [{ price: 5 }] }, 0]],
    person: (i) => sum((i.items as Row[]).filter((x) => x.price > 20).map((x) => x.price)),
    probes: [{ items: [{ price: 20 }, { price: 21 }] }, { items: [{ price: 30 }, { price: 15 }] }],
  },
  // Held: kelvin for a corrected Celsius reading (273.15 a search constant, − 2 stated).
  kelvinCorrected: {
    name: "kelvin_offset",
    description: "Temperature in kelvin for a Celsius reading from a sensor that reads 2 degrees high (subtract 2 first).",
    examples: [[{ celsius: 27 }, 298.15], [{ celsius: 2 }, 273.15]],
    person: (i) => i.celsius - 2 + 273.15,
    probes: [{ celsius: 100 }, { celsius: -50 }],
  },
  // Held: Fahrenheit to kelvin, rounded (after four questions, as (1.8 + (f − 32) ÷ 273.15) × 151.75: right, if odd).
  fahrenheitToKelvin: {
    name: "fahrenheit_to_kelvin",
    description: "Convert a Fahrenheit reading to kelvin, rounded to 2 decimals.",
    examples: [[{ fahrenheit: 32 }, 273.15], [{ fahrenheit: 212 }, 373.15]],
    person: (i) => r2((i.fahrenheit - 32) / 1.8 + 273.15),
    probes: [{ fahrenheit: -40 }, { fahrenheit: 98.6 }, { fahrenheit: 451 }],
    simple: true,
  },
};

// ---------------------------------------------------------------------------------------------
// Point 4: answers stated for ranges (stated-range.ts, range-subjects.ts).
// ---------------------------------------------------------------------------------------------

const RANGES: Record<string, Attack> = {
  // "− 5 when …": a minus sign becomes "-" and ANSWER_FIRST's look-behind excludes only the words
  // "times|over|plus|minus|by", so 5 is read as the whole answer, not an amount taken off.
  minusSign: {
    name: "gym_fee",
    description: "Monthly gym fee: 25 + 8 × classes − 5 when the member years are at least 3 (a loyalty discount).",
    examples: [[{ classes: 2, memberYears: 1 }, 41], [{ classes: 5, memberYears: 2 }, 65]],
    person: (i) => 25 + 8 * i.classes - (i.memberYears >= 3 ? 5 : 0),
    probes: [{ classes: 2, memberYears: 3 }, { classes: 4, memberYears: 7 }, { classes: 1, memberYears: 0 }],
  },
  // "less 10 when …": the same look-behind; "less" is a word for minus.
  lessWord: {
    name: "club_fee",
    description: "Club fee: 40 + 15 × classes, less 10 when the member years are at least 5.",
    examples: [[{ classes: 2, memberYears: 1 }, 70], [{ classes: 4, memberYears: 3 }, 100]],
    person: (i) => 40 + 15 * i.classes - (i.memberYears >= 5 ? 10 : 0),
    probes: [{ classes: 2, memberYears: 5 }, { classes: 1, memberYears: 9 }],
  },
  // "with a discount of 3 when …": the 3 is an amount off, read as the ticket's price.
  discountOf: {
    name: "cinema_ticket",
    description: "Cinema ticket price: 6 + 2.5 × the films, with a discount of 3 when the age is under 12.",
    examples: [[{ films: 1, age: 30 }, 8.5], [{ films: 2, age: 45 }, 11]],
    person: (i) => 6 + 2.5 * i.films - (i.age < 12 ? 3 : 0),
    probes: [{ films: 1, age: 8 }, { films: 2, age: 11 }, { films: 3, age: 20 }],
  },
  // "A net bonus of 0 or less gives 0": the quantity is the answer, 2 × (sales − 500) − 100, but
  // derivedQuantity takes the one difference written, sales − 500: at sales 520 the answer is −60.
  netBonusIsTheAnswer: {
    name: "net_bonus",
    description: "Net bonus: 2 × (sales − 500) − 100 (a fixed fee is taken off). A net bonus of 0 or less gives 0.",
    examples: [[{ sales: 700 }, 300], [{ sales: 1000 }, 900]],
    person: (i) => Math.max(0, 2 * (i.sales - 500) - 100),
    probes: [{ sales: 520 }, { sales: 549 }, { sales: 400 }, { sales: 800 }],
  },
  // "at least 1,000": the comma is a clause break, so the bound reads as 1; the examples contradict
  // that, the guard is dropped, and the backend asks about order totals 601, 602, … without end.
  thousandsComma: {
    name: "shipping_fee_big",
    description: "Shipping fee in euros: 15 + 0.8 × weight; 0 when the order total is at least 1,000 (free shipping).",
    examples: [[{ weight: 10, orderTotal: 250 }, 23], [{ weight: 5, orderTotal: 600 }, 19]],
    outputSchema: NUMBER,
    person: (i) => (i.orderTotal >= 1000 ? 0 : 15 + 0.8 * i.weight),
    probes: [{ weight: 10, orderTotal: 1500 }, { weight: 2, orderTotal: 999 }],
    simple: true,
  },
  // "over 2.5" is left out of ABOVE (÷ is read "over"), so no range is stated and the backend asks
  // about the voltage at 230, 229, 231, 460, 2303 … without end.
  overAsAbove: {
    name: "fuse_current",
    description: "Current through the fuse in amperes: voltage ÷ 230 × 10, rounded to 2 decimals; null when the load is over 2.5 (the fuse blows).",
    examples: [[{ voltage: 230, load: 1 }, 10], [{ voltage: 115, load: 2 }, 5]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.load > 2.5 ? null : r2((i.voltage / 230) * 10)),
    probes: [{ voltage: 230, load: 3 }, { voltage: 46, load: 0.5 }],
    simple: true,
  },
  // "plus 3.5 for each kg above 20" is a rate on the excess; AMOUNT_FIRST reads it as 3.5 once,
  // and the backend then asks seven times.
  perKgAbove: {
    name: "courier_fee",
    description: "Courier fee: 2 per km, plus 3.5 for each kg above 20.",
    examples: [[{ km: 10, kg: 5 }, 20], [{ km: 3, kg: 12 }, 6]],
    person: (i) => 2 * i.km + 3.5 * Math.max(0, i.kg - 20),
    probes: [{ km: 10, kg: 22 }, { km: 1, kg: 30 }, { km: 4, kg: 20 }],
    simple: true,
  },
  // Held: "isn't negative" (no range read) — the examples' `−balance` is clamped at 0 after one question.
  isntNegative: {
    name: "overdraft_fee",
    description: "Overdraft fee: 0.2 × the overdrawn amount (−balance); 0 when the balance isn't negative.",
    examples: [[{ balance: -100 }, 20], [{ balance: -50 }, 10]],
    outputSchema: NUMBER,
    person: (i) => (i.balance < 0 ? -0.2 * i.balance : 0),
    probes: [{ balance: 100 }, { balance: 0 }, { balance: -10 }],
  },
  // Held: "any of the dimensions" guards length, width and height, not the discount.
  anyDimensionNotDiscount: {
    name: "crate_price",
    description: "Crate price: length × width × height × 40 − discount. null when any of the dimensions is 0 or less.",
    examples: [[{ length: 2, width: 1, height: 1, discount: 10 }, 70], [{ length: 1, width: 1.5, height: 2, discount: 20 }, 100]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.length <= 0 || i.width <= 0 || i.height <= 0 ? null : i.length * i.width * i.height * 40 - i.discount),
    settled: (i) => i.length <= 0 || i.width <= 0 || i.height <= 0,
    probes: [{ length: 1, width: 1, height: 1, discount: 0 }, { length: 0, width: 2, height: 2, discount: 5 }, { length: 2, width: 2, height: 2, discount: 5 }],
  },
  // Held: "the width or the height is 0 or less" guards both, not the height alone (a cut at "or").
  widthOrHeight: {
    name: "panel_area",
    description: "Panel area in m²: width × height; null when the width or the height is 0 or less.",
    examples: [[{ width: 2, height: 3 }, 6], [{ width: 1.5, height: 4 }, 6]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.width <= 0 || i.height <= 0 ? null : i.width * i.height),
    settled: (i) => i.width <= 0 || i.height <= 0,
    probes: [{ width: 0, height: 3 }, { width: -1, height: 2 }, { width: 2, height: 0 }, { width: 3, height: 3 }],
  },
  // Held: "65 or over" (no range read) is learnt from answers.
  orOver: {
    name: "bus_fare",
    description: "Bus fare: 1.5 + 0.2 × stops; 0 when the age is 65 or over (free for seniors).",
    examples: [[{ stops: 5, age: 30 }, 2.5], [{ stops: 10, age: 40 }, 3.5]],
    outputSchema: NUMBER,
    person: (i) => (i.age >= 65 ? 0 : 1.5 + 0.2 * i.stops),
    probes: [{ stops: 5, age: 65 }, { stops: 5, age: 80 }, { stops: 2, age: 64 }],
  },
  // Held: "plus 10 when the temperature is below −5" (a minus sign in the bound) adds 10 below −5.
  negativeBound: {
    name: "heating_power",
    description: "Heater power in kW: 2 × (20 − temperature), plus 10 when the temperature is below −5.",
    examples: [[{ temperature: 10 }, 20], [{ temperature: 0 }, 40]],
    person: (i) => 2 * (20 - i.temperature) + (i.temperature < -5 ? 10 : 0),
    probes: [{ temperature: -5 }, { temperature: -6 }, { temperature: -20 }],
  },
};

const CONTROLS: Record<string, Attack> = {
  taxi: {
    name: "taxi_fare",
    description: "Taxi fare: 3 + 2 × km, plus 4 when the bags are at least 3.",
    examples: [[{ km: 5, bags: 1 }, 13], [{ km: 12, bags: 0 }, 27]],
    person: (i) => 3 + 2 * i.km + (i.bags >= 3 ? 4 : 0),
    probes: [{ km: 5, bags: 3 }, { km: 1, bags: 2 }, { km: 2, bags: 6 }],
    simple: true,
  },
  triangle: {
    name: "triangle_area",
    description: "Area of a triangle: base × height ÷ 2. null when the base or the height is 0 or less.",
    examples: [[{ base: 4, height: 3 }, 6], [{ base: 10, height: 5 }, 25]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.base <= 0 || i.height <= 0 ? null : (i.base * i.height) / 2),
    settled: (i) => i.base <= 0 || i.height <= 0,
    probes: [{ base: 0, height: 3 }, { base: 3, height: -1 }, { base: 7, height: 2 }],
    simple: true,
  },
};

// fahrenheitToKelvin held while the scales' constants were search constants; with them taken back
// (see round27-likelier.test.ts) the search finds no program for the plain conversion and gives up.
const BREAKS = new Set(["fahrenheitToKelvin", "meanFahrenheitInCelsius", "withinADegree", "warmInKelvin"]);
/**
 * Broke before the lead's mends of round 27: temperature constants only where a temperature is
 * converted (units.ts conversionConstants), "heavier/warmer/colder … than" as comparisons (rank.ts),
 * an amount after "-", "less", "a discount of" is no stated answer (stated-range.ts ANSWER_FIRST).
 */
const FIXED = new Set(["aboveFreezing", "frostBelow", "thawedSensors", "heavierThan", "minusSign", "lessWord", "discountOf"]);
/**
 * Mended by round 28a (stated-range.ts, range-subjects.ts, restate.ts): "for each kg above 20" is a
 * rate on the excess, "over 2.5" a range ("÷" is read "divided-by"), "1,000" is taken out of what the
 * ranking reads with its guard, and a range on the answer's own name guards the whole answer.
 */
const FIXED_R28A = new Set(["netBonusIsTheAnswer", "thousandsComma", "overAsAbove", "perKgAbove"]);
/** Broke before round 28b: "closest to zero" is the smallest distance to it (rank.ts asDistance), a rival to `Math.min` that is asked about. */
const FIXED_R28B = new Set(["closestToZero"]);

/** A describe of attacks, each named by how it stands (stated-attacks.ts). */
function attacks(title: string, list: Record<string, Attack>, kind = "held"): void {
  const standing: AttackStanding = { breaks: BREAKS, fixed: [["round 27", FIXED], ["round 28a", FIXED_R28A], ["round 28b", FIXED_R28B]] };
  attackSuite(title, list, standing, keepsPromise, kind);
}

attacks("the deeper ranking, the likelier expression, the temperature constants", LIKELIER);
attacks("answers stated for ranges", RANGES);

describe("controls", () => {
  for (const [key, a] of Object.entries(CONTROLS)) it(`control: ${key} — ${a.description}`, () => keepsPromise(a), ANSWERED_MS);
});
