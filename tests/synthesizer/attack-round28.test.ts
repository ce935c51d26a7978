/**
 * Attacks on round 28a (issue 17): rates past a stated bound ("plus 3.5 for each kg above 20",
 * stated-range.ts RATE), "÷" read "divided-by" so that "over N" is a range again, bounds written
 * "1,000", a range on the answer's own name guarding the whole answer (range-subjects.ts
 * namesAnswer), units as kinds of fields ("kg" a weight, "degree" a temperature), and `x + x` restated
 * `2 × x` (restate.ts). Specs invented here, none copied from a set under tests/fixtures/specs.
 * Each holds the backend to its promise: never publish a program that fits the examples but is
 * wrong where the description settles the answer; when unsure, ask. The person answers up to six
 * questions (as at `/need`, offered outputs recorded); what is published must answer every probe as
 * the person does. Giving up keeps the promise; still asking after six answers keeps it too, except
 * for a `simple` spec, whose task is plain enough that asking forever is itself a break.
 * A break is `it.fails("BREAK: …")` (asserts the promise, fails while it is broken), an attempt that
 * held `it("held: …")`, a benign spec that must keep working `it("control: …")`.
 * R28_TRACE=1 prints what the backend asked and published for each spec.
 */
import { describe, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { ANSWERED_MS } from "./answered.ts";
import { attackSuite, keepsStatedPromise } from "./stated-attacks.ts";
import type { AttackStanding } from "./stated-attacks.ts";
import { BESIDE, MORE, VARIANTS } from "./attack-round28-variants.ts";
import type { Attack } from "./attack-round28-variants.ts";

const backend = createExampleBackend();
const NUMBER_OR_NULL = { anyOf: [{ type: "number" }, { type: "null" }] };
const over = (x: number, n: number): number => Math.max(0, x - n);
const under = (x: number, n: number): number => Math.max(0, n - x);

/** The promise (stated-attacks.ts), published within six answers where the spec says it must be. */
const keepsPromise = (a: Attack): Promise<void> => keepsStatedPromise(backend, a, { mustPublish: a.simple === true, traceVar: "R28_TRACE" });

// ---------------------------------------------------------------------------------------------
// Rates read wrong: the wrong field, whole units, a marginal rate that replaces, a rate in other words.
// ---------------------------------------------------------------------------------------------

const RATES: Record<string, Attack> = {
  // "pound" is money here, not a weight: the rate is on the price past 100, not on the weight field.
  poundIsMoney: {
    name: "handling_fee",
    description: "Handling fee: 2 + 0.5 × weight, plus 0.1 for each pound above 100 of the price.",
    examples: [[{ weight: 4, price: 50 }, 4], [{ weight: 10, price: 80 }, 7]],
    person: (i) => 2 + 0.5 * i.weight + 0.1 * over(i.price, 100),
    probes: [{ weight: 4, price: 150 }, { weight: 120, price: 20 }, { weight: 2, price: 100 }],
  },
  // "for each full kg": the excess counts in whole kilograms.
  fullKg: {
    name: "excess_baggage",
    description: "Excess baggage fee: 10, plus 4 for each full kg above 20.",
    examples: [[{ kg: 12 }, 10], [{ kg: 18.5 }, 10]],
    person: (i) => 10 + 4 * Math.floor(over(i.kg, 20)),
    probes: [{ kg: 21.5 }, { kg: 22 }, { kg: 20.9 }],
  },
  // "for each started hour": the excess counts up to whole hours.
  startedHour: {
    name: "parking_fee",
    description: "Parking fee: 3, plus 2 for each started hour over 1.",
    examples: [[{ hours: 0.5 }, 3], [{ hours: 1 }, 3]],
    person: (i) => 3 + 2 * Math.ceil(over(i.hours, 1)),
    probes: [{ hours: 1.25 }, { hours: 2.5 }, { hours: 3 }],
  },
  // "per 100 g over 1 kg": the rate's unit is 100 g, the bound in kg, the field in grams.
  per100g: {
    name: "letter_postage",
    description: "Postage: 1.2, plus 0.3 per 100 g over 1 kg (the weight is in grams).",
    examples: [[{ grams: 400 }, 1.2], [{ grams: 900 }, 1.2]],
    person: (i) => 1.2 + 0.3 * (over(i.grams, 1000) / 100),
    probes: [{ grams: 1500 }, { grams: 1000 }, { grams: 2000 }],
  },
  // A marginal rate: "3 per kg above 20" replaces the 2 there, it does not add to it.
  marginalReplaces: {
    name: "courier_rate",
    description: "Courier: 2 per kg up to 20 kg and 3 per kg above 20.",
    examples: [[{ kg: 5 }, 10], [{ kg: 12 }, 24]],
    person: (i) => (i.kg <= 20 ? 2 * i.kg : 40 + 3 * (i.kg - 20)),
    probes: [{ kg: 25 }, { kg: 20 }, { kg: 30 }],
  },
  // "parcels over 20 kg go by freight": a null answer, no rate; the words between "per" and "over" are a clause's.
  freightNoRate: {
    name: "parcel_postage",
    description: "Parcel postage: 0.5 per kg and every parcel over 20 kg goes by freight, so null.",
    examples: [[{ kg: 4 }, 2], [{ kg: 10 }, 5]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.kg > 20 ? null : 0.5 * i.kg),
    probes: [{ kg: 25 }, { kg: 20 }, { kg: 2 }],
  },
  // "1,5" is a European decimal: the rate is 1.5, not 5.
  europeanDecimal: {
    name: "overweight_charge",
    description: "Overweight charge: 8, plus 1,5 for each kg above 30.",
    examples: [[{ kg: 10 }, 8], [{ kg: 25 }, 8]],
    person: (i) => 8 + 1.5 * over(i.kg, 30),
    probes: [{ kg: 32 }, { kg: 30 }, { kg: 40 }],
  },
  // The rate written after the bound's clause: "each kg above 20 costs 3.5 more".
  rateAfter: {
    name: "freight_charge",
    description: "Freight charge: 25; each kg above 20 costs 3.5 more.",
    examples: [[{ kg: 5 }, 25], [{ kg: 15 }, 25]],
    person: (i) => 25 + 3.5 * over(i.kg, 20),
    probes: [{ kg: 22 }, { kg: 20 }, { kg: 30 }],
  },
  // "below zero" in words: a rate below a bound of 0.
  belowZeroWord: {
    name: "frost_surcharge",
    description: "Frost surcharge: 4, plus 1 for each degree below zero.",
    examples: [[{ temperature: 5 }, 4], [{ temperature: 12 }, 4]],
    person: (i) => 4 + under(i.temperature, 0),
    probes: [{ temperature: -3 }, { temperature: 0 }, { temperature: 20 }],
    simple: true,
  },
  // An inclusive bound with its unit between ("20 kg or more"): a plain amount added from 20 on.
  inclusiveOrMore: {
    name: "heavy_surcharge",
    description: "Shipping: 6, plus 5 when the weight is 20 kg or more.",
    examples: [[{ weight: 3 }, 6], [{ weight: 15 }, 6]],
    person: (i) => (i.weight >= 20 ? 11 : 6),
    probes: [{ weight: 20 }, { weight: 25 }, { weight: 19.9 }],
    simple: true,
  },
  // "for each kg of net weight above 20": the net weight is gross less tare, no field of its own.
  netWeight: {
    name: "net_freight",
    description: "Freight: 10, plus 2 for each net kg above 20, where the net weight is grossKg − tareKg.",
    examples: [[{ grossKg: 15, tareKg: 2 }, 10], [{ grossKg: 24, tareKg: 6 }, 10]],
    person: (i) => 10 + 2 * over(i.grossKg - i.tareKg, 20),
    probes: [{ grossKg: 30, tareKg: 5 }, { grossKg: 21, tareKg: 3 }, { grossKg: 40, tareKg: 25 }],
  },
  // Two rates in one description, tiers that stack.
  twoRates: {
    name: "water_bill",
    description: "Water bill: 10, plus 1 for each m3 above 50 and 2 for each m3 above 100.",
    examples: [[{ m3: 20 }, 10], [{ m3: 40 }, 10]],
    person: (i) => 10 + over(i.m3, 50) + 2 * over(i.m3, 100),
    probes: [{ m3: 60 }, { m3: 120 }, { m3: 50 }],
    simple: true,
  },
  // Two rates on two fields.
  twoFields: {
    name: "van_hire",
    description: "Van hire: 40, plus 0.3 for every km over 100 and 15 for every day over 2.",
    examples: [[{ km: 80, days: 1 }, 40], [{ km: 50, days: 2 }, 40]],
    person: (i) => 40 + 0.3 * over(i.km, 100) + 15 * over(i.days, 2),
    probes: [{ km: 150, days: 1 }, { km: 90, days: 4 }, { km: 200, days: 3 }],
  },
  // Examples past the bound: the rule stands aside; a line through them is no answer of the description.
  examplesPast: {
    name: "baggage_charge",
    description: "Baggage charge: 30, plus 12 for each kg above 23.",
    examples: [[{ kg: 25 }, 54], [{ kg: 10 }, 30]],
    person: (i) => 30 + 12 * over(i.kg, 23),
    probes: [{ kg: 15 }, { kg: 30 }, { kg: 23 }],
  },
  // Negative inputs below a negative bound.
  negativeBound: {
    name: "freezer_alarm",
    description: "Alarm level: 1, plus 2 for each degree below -18.",
    examples: [[{ temperature: -10 }, 1], [{ temperature: -15 }, 1]],
    person: (i) => 1 + 2 * under(i.temperature, -18),
    probes: [{ temperature: -20 }, { temperature: -18 }, { temperature: 4 }],
    simple: true,
  },
};

// ---------------------------------------------------------------------------------------------
// The answer's own name, "over" and "÷", hostile numbers.
// ---------------------------------------------------------------------------------------------

const NAMES: Record<string, Attack> = {
  // The first "is" names a field's unit, not the answer: "a weight of 0 or less" is the input's kg.
  weightIsNotTheAnswer: {
    name: "shipping_cost",
    description: "Weight is in kg. Shipping cost: 4 + 2 × kg; a weight of 0 or less gives null.",
    examples: [[{ kg: 3 }, 10], [{ kg: 1 }, 6]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.kg <= 0 ? null : 4 + 2 * i.kg),
    probes: [{ kg: 0 }, { kg: -1 }, { kg: 5 }],
  },
  // "the output" is the machine's output, an input here (`powerOut`), not the answer.
  outputIsAnInput: {
    name: "efficiency_percent",
    description: "Efficiency in percent: powerOut ÷ powerIn × 100; null when the output is 0 or less.",
    examples: [[{ powerOut: 40, powerIn: 50 }, 80], [{ powerOut: 30, powerIn: 60 }, 50]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.powerOut <= 0 ? null : (i.powerOut / i.powerIn) * 100),
    probes: [{ powerOut: 0, powerIn: 50 }, { powerOut: -5, powerIn: 50 }, { powerOut: 10, powerIn: 40 }],
  },
  // "over 4" is a fraction here ("the gap over 4"), and "exceeds 10" the range.
  overAsFraction: {
    name: "lane_score",
    description: "Lane score: 100 − gap; null if the gap over 4 exceeds 10.",
    examples: [[{ gap: 8 }, 92], [{ gap: 20 }, 80]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.gap / 4 > 10 ? null : 100 - i.gap),
    probes: [{ gap: 6 }, { gap: 30 }, { gap: 44 }],
  },
  // A bound of a million written with commas, and a rate past it.
  millionRate: {
    name: "luxury_levy",
    description: "Luxury levy: 0.02 × price, plus 0.01 for each euro above 1,000,000.",
    examples: [[{ price: 100000 }, 2000], [{ price: 500000 }, 10000]],
    person: (i) => 0.02 * i.price + 0.01 * over(i.price, 1000000),
    probes: [{ price: 2000000 }, { price: 1000000 }, { price: 50000 }],
  },
  // A bound written "1.000" (European thousands): a range above a thousand, not above 1.
  europeanThousands: {
    name: "order_discount",
    description: "Discount: 0 when the order total is below 1.000, else 0.05 × total.",
    examples: [[{ total: 2000 }, 100], [{ total: 4000 }, 200]],
    person: (i) => (i.total < 1000 ? 0 : 0.05 * i.total),
    probes: [{ total: 500 }, { total: 1000 }, { total: 3000 }],
  },
};

// ---------------------------------------------------------------------------------------------
// Plain tasks the round's rules are about ("2 per km", "over 64"): each must be published.
// ---------------------------------------------------------------------------------------------

const PLAIN: Record<string, Attack> = {
  doubled: {
    name: "taxi_fare",
    description: "Taxi fare: 4 + 2 per km.",
    examples: [[{ km: 3 }, 10], [{ km: 10 }, 24]],
    person: (i) => 4 + 2 * i.km,
    probes: [{ km: 0 }, { km: 7.5 }],
    simple: true,
  },
  ageOver: {
    name: "senior_price",
    description: "Ticket price: 12; 8 when the age is over 64.",
    examples: [[{ age: 30 }, 12], [{ age: 70 }, 8]],
    person: (i) => (i.age > 64 ? 8 : 12),
    probes: [{ age: 64 }, { age: 65 }, { age: 10 }],
    simple: true,
  },
};

// ---------------------------------------------------------------------------------------------
// Controls: plain specs that must keep working, published within six answers.
// ---------------------------------------------------------------------------------------------

const CONTROLS: Record<string, Attack> = {
  parkingRate: {
    name: "car_park",
    description: "Car park: 2, plus 1.5 for every hour over 3.",
    examples: [[{ hours: 1 }, 2], [{ hours: 2 }, 2]],
    person: (i) => 2 + 1.5 * over(i.hours, 3),
    probes: [{ hours: 5 }, { hours: 3 }, { hours: 0 }],
    simple: true,
  },
  weightKind: {
    name: "crate_fee",
    description: "Crate fee: 15, plus 2 for each kg above 50.",
    examples: [[{ weight: 20 }, 15], [{ weight: 45 }, 15]],
    person: (i) => 15 + 2 * over(i.weight, 50),
    probes: [{ weight: 60 }, { weight: 50 }, { weight: 10 }],
    simple: true,
  },
  dividedBy: {
    name: "per_head",
    description: "Cost per head: total ÷ people, rounded to 2 decimals.",
    examples: [[{ total: 100, people: 4 }, 25], [{ total: 50, people: 3 }, 16.67]],
    person: (i) => Math.round((i.total / i.people) * 100) / 100,
    probes: [{ total: 10, people: 3 }, { total: 99, people: 9 }],
    simple: true,
  },
};


/** A describe of attacks, each named by how it stands (stated-attacks.ts). */
function attacks(title: string, list: Record<string, Attack>, kind = "held"): void {
  const standing: AttackStanding = { breaks: BREAKS, fixed: [["round 28, lead", FIXED], ["round 29a", FIXED_29A], ["round 30a", FIXED_30A]] };
  attackSuite(title, list, standing, keepsPromise, kind);
}

/** The attacks that break the promise (each described in the round's report). */
const BREAKS = new Set<string>([]);
/**
 * Broke round 28a, mended by the lead (stated-range.ts, range-subjects.ts): "pound" is no unit of
 * weight (it is money as often); a rate above a bound replaces the one "up to" it (a tier adds the
 * difference); "Weight is in kg." and "Input: …" name no answer, and "a weight" beside `kg` is an
 * input of that kind; "an input of 0 or less" is any input; "30 kg or more" is a range with its unit.
 */
const FIXED = new Set<string>(["poundIsMoney", "poundOfCost", "marginalReplaces", "marginalPostage", "weightIsNotTheAnswer", "distanceIsNotTheAnswer", "inputNamedFirst", "unitOrMoreNull"]);
/**
 * Broke round 28a, mended in round 29a (written-numbers.ts, doubtful-bounds.ts): "1,5" is one and a
 * half; "1.000" and "100 000" are each read as the examples settle, else asked about between the two
 * readings; an example a stated range answers is the guard's, not the search's ("over 60" → 9);
 * a term twice in a sum is restated doubled (`km + (km + 4)` is `2 × km + 4`, "2 per km").
 */
const FIXED_29A = new Set<string>(["europeanDecimalGuard", "spaceThousands", "europeanThousands", "europeanThousandsAbove", "seniorOver60", "doubled"]);

/**
 * Broke round 28a (asked forever), mended in round 30a (stated-ordinary.ts): the base a description
 * states alone in its clause ("4, plus 1 for each degree below zero", "12; 8 when the age is over
 * 64") is the answer of every input its ranges leave, not a constant the examples show by chance;
 * "for each m3 above 50" is a rate on a unit that ends in a digit.
 */
const FIXED_30A = new Set<string>(["twoRates", "belowZeroWord", "inclusiveOrMore", "negativeBound", "negativeBoundMinus", "orMoreSurcharge", "ageOver"]);

attacks("rates past a stated bound", RATES);
attacks("the answer's own name, \"over\" and \"÷\", hostile numbers", NAMES);
attacks("plain tasks", PLAIN);
attacks("more variants: marginal rates, pounds, hostile bounds", MORE);
attacks("a rate beside a cap, a floor, another unit; look-alikes", BESIDE);
attacks("variants of the breaks, and plain tasks", VARIANTS);

describe("controls", () => {
  for (const [key, a] of Object.entries(CONTROLS)) it(`control: ${key} — ${a.description}`, () => keepsPromise(a), ANSWERED_MS);
});
