/**
 * Round 22 attack (issue #17): numbers in words (number-words.ts), factors made of stated numbers
 * (stated-scale.ts) and the stated formula that ranks first and skips leave-one-out
 * (stated-program.ts, example-backend.ts) held to the promise that a program fitting the examples
 * is never published silently wrong. Specs invented here, not taken from any fixture set. Each case
 * answers the backend's questions as a person would (tests/synthesizer/answered.ts): it HOLDS when
 * the backend still asks after six answers, gives up, or is right on the probes.
 * `it.fails("BROKE: ...")` marks a break with the src line where the fix belongs; "(before r22 too)"
 * marks breaks that main (round 21) shows as well.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { numberWords } from "../../src/agents/synthesizer/number-words.ts";
import { firstReadingRight, holds, ANSWERED_MS } from "./answered.ts";
import type { Attack, Person } from "./answered.ts";
import { makeSpec } from "./fixtures.ts";

const backend = createExampleBackend();

/** A person reading the input record. */
const on = <T>(f: (i: T) => unknown): Person => f as Person;
const round2 = (x: number): number => Math.round(x * 100) / 100;
type Week = { hours: number; rate: number };
const overtime = (i: Week): number => i.rate * (Math.min(i.hours, 40) + 1.5 * Math.max(0, i.hours - 40));
const WEEKS: [unknown, unknown][] = [[{ hours: 50, rate: 10 }, 550], [{ hours: 45, rate: 20 }, 950]];

/** Published (at once or after the person's answers) and wrong on a probe. */
/** The breaks round 22b mended (each passes now, as a plain `it`). */
const MENDED = new Set(["dollars_to_euros_shop_hours", "overtime_1_5_times", "overtime_time_and_a_half", "eggs_whole_boxes_of_a_dozen", "courier_minimum_charge", "storage_free_first_3_days", "water_bill_beyond_the_first_10", "rectangle_area_cm2", "population_density_km2", "teaspoons_rounded_down", "cost_per_thousand_views"]);

const MENDED_23 = new Set(["bonus_beyond_target", "shipping_free_from_50"]);
/** Mended in round 33: "orders over 100" names the number the rule changes at, asked about (threshold-bends.ts). */
const MENDED_33 = new Set(["discount_orders_over_100"]);

const BROKEN: (Attack & { why: string })[] = [
  {
    name: "dollars_to_euros_shop_hours",
    description: "A price in dollars in euros at today's rate, rounded to whole euros. The shop is open 11 months a year, 12 hours a day.",
    examples: [[{ usd: 50 }, 46], [{ usd: 25 }, 23]],
    person: on((i: { usd: number }) => Math.round(i.usd * 0.92)),
    probes: [{ usd: 1000 }, { usd: 500 }],
    why: "published at once as round(usd * 11 / 12): the months and hours make a stated factor (stated-scale.ts:48) that uses every written constant, so it is a 'stated formula' and skips leave-one-out (example-backend.ts:168); main asked",
  },
  {
    name: "overtime_1_5_times",
    description: "Weekly pay: hours over 40 are paid at 1.5 times the hourly rate.",
    examples: WEEKS,
    person: on(overtime),
    probes: [{ hours: 30, rate: 10 }, { hours: 20, rate: 10 }],
    why: "published at once as -rate * (1.5 * (40 - hours) - 40), the overtime rule applied below 40 hours too: a piecewise rule ('over 40') written with + - × only passes statesEveryConstant (stated-program.ts:65) and skips leave-one-out; main asked",
  },
  {
    name: "overtime_time_and_a_half",
    description: "Weekly pay: hours over 40 are paid at time and a half.",
    examples: WEEKS,
    person: on(overtime),
    probes: [{ hours: 30, rate: 10 }, { hours: 50, rate: 5 }],
    why: "published at once as hours + (rate + 40) + (hours + rate * 40): HALF is a /g regex used with .test (number-words.ts:28/45), so a call after another misses 'a half', writtenConstants sees only 40 and the nonsense program 'states every constant' (skips leave-one-out); with HALF mended it still publishes rate * (hours + 0.5 * (hours - 40)), wrong below 40 hours; main asked",
  },
  {
    name: "eggs_whole_boxes_of_a_dozen",
    description: "Eggs are only sold in whole boxes of a dozen at 3 euros a box; the cost of buying at least n eggs.",
    examples: [[{ n: 12 }, 3], [{ n: 36 }, 9]],
    person: on((i: { n: number }) => 3 * Math.ceil(i.n / 12)),
    probes: [{ n: 13 }, { n: 25 }],
    why: "after two answers (n 6 and 0) published 3 * round(n / 12): 'a dozen' makes 12 a stated constant, the rounded formula writes 3 and 12 and skips leave-one-out (example-backend.ts:168); 'whole boxes' / 'at least' (a ceiling) is never asked; main gave up",
  },
  {
    name: "courier_minimum_charge",
    description: "A courier charges 4 euros per km with a minimum charge of 10 euros.",
    examples: [[{ km: 5 }, 20], [{ km: 10 }, 40]],
    person: on((i: { km: number }) => Math.max(10, 4 * i.km)),
    probes: [{ km: 2 }, { km: 7 }],
    why: "after one answer (km 0 -> 10) published round(1 + km / 4) * 10, which writes 4 and 10 (a 'stated formula', no leave-one-out) and answers 20 at 2 km and 20 at 7 km; main kept asking",
  },
  {
    name: "discount_orders_over_100",
    description: "Orders over 100 euros get a 10% discount; the amount to pay for an order total in euros.",
    examples: [[{ total: 200 }, 180], [{ total: 300 }, 270]],
    person: on((i: { total: number }) => (i.total > 100 ? i.total * 0.9 : i.total)),
    probes: [{ total: 50 }, { total: 80 }],
    why: "(before r22 too, published at once there) after two answers (1 and 7, below 100) published ceil(total - total / 10): the threshold 100 is never asked about; unusedNumber (loose-constants.ts) sees 10 / 100 as 'used'",
  },
  {
    name: "shipping_free_from_50",
    description: "Shipping costs 5 euros plus 1 euro per kg, and is free for orders of 50 euros or more.",
    examples: [[{ order: 20, kg: 3 }, 8], [{ order: 30, kg: 5 }, 10]],
    person: on((i: { order: number; kg: number }) => (i.order >= 50 ? 0 : 5 + i.kg)),
    probes: [{ order: 60, kg: 3 }, { order: 100, kg: 1 }],
    why: "(before r22 too: kg + 5) published 50 * (kg + 5) / 50, which 'uses' 50 to pass statesEveryConstant (stated-program.ts:65); the order field is never read and no question reaches an order of 50 or more",
  },
  {
    name: "tickets_half_price_from_the_third",
    description: "Tickets cost 12 euros each; from the third ticket on, each costs half.",
    examples: [[{ n: 4 }, 36], [{ n: 6 }, 48]],
    person: on((i: { n: number }) => 12 * Math.min(i.n, 2) + 6 * Math.max(0, i.n - 2)),
    probes: [{ n: 1 }, { n: 2 }],
    why: "(before r22 too, after one answer there) published at once n * 12 / (1 + n / 12): with 'half' dropped by the /g HALF (number-words.ts:28/45) the only written constant is 12, used twice, so it is a 'stated formula' and skips leave-one-out; with HALF mended it publishes 12 + 12 * (n * 0.5), wrong at 1 ticket",
  },
  {
    name: "storage_free_first_3_days",
    description: "Storage is free for the first 3 days, then 2 euros per day.",
    examples: [[{ days: 5 }, 4], [{ days: 10 }, 14]],
    person: on((i: { days: number }) => 2 * Math.max(0, i.days - 3)),
    probes: [{ days: 1 }, { days: 2 }],
    why: "published at once as 2 * (days - 3), negative for a stay of 1 or 2 days: 'the first 3 days' free is a piecewise rule, but the one-sided formula writes 2 and 3, so it skips leave-one-out (example-backend.ts:168); main asked at days 0 and published 2 * (days - min(days, 3))",
  },
  {
    name: "water_bill_beyond_the_first_10",
    description: "A water bill: a standing charge of 12 euros plus 2 euros per cubic metre used beyond the first 10.",
    examples: [[{ m3: 20 }, 32], [{ m3: 15 }, 22]],
    person: on((i: { m3: number }) => 12 + 2 * Math.max(0, i.m3 - 10)),
    probes: [{ m3: 5 }, { m3: 0 }],
    why: "after one answer (21 m3, above 10) published 12 + 2 * (m3 - 10), 2 euros at 5 m3 and -8 at 0: the one-sided formula writes 12, 2 and 10 and skips leave-one-out (example-backend.ts:168); main kept asking",
  },
  {
    name: "bonus_beyond_target",
    description: "A bonus of 25 euros for each sale beyond the target of 20 sales a month.",
    examples: [[{ sales: 30 }, 250], [{ sales: 24 }, 100]],
    person: on((i: { sales: number }) => 25 * Math.max(0, i.sales - 20)),
    probes: [{ sales: 10 }, { sales: 19 }],
    why: "(before r22 too: main asked once, then published 25 * (sales % 20)) published at once as 25 * (sales - 20), negative below the target: the stated formula skips leave-one-out (example-backend.ts:168)",
  },
  {
    name: "taxi_distance_rounded_up",
    description: "A taxi ride costs 3 euros plus 2 euros per km, with the distance rounded up to whole km.",
    examples: [[{ km: 5 }, 13], [{ km: 10 }, 23]],
    person: on((i: { km: number }) => 3 + 2 * Math.ceil(i.km)),
    probes: [{ km: 5.5 }, { km: 0.2 }],
    why: "(before r22 too, published at once there) after two answers at whole km published round((km + 3 * (km + 2)) / 2): 'rounded up' of an input is no stated rounding of the answer and no question reaches a fractional km",
  },
];

/** Round 22 asks (or asks more) where main published the right program at once. */
const NOW_ASKS: (Attack & { why: string })[] = [
  {
    name: "rectangle_area_cm2",
    description: "The area in cm² of a rectangle from its width and height in cm.",
    examples: [[{ w: 2, h: 3 }, 6], [{ w: 4, h: 5 }, 20]],
    person: on((i: { w: number; h: number }) => i.w * i.h),
    probes: [{ w: 3, h: 7 }, { w: 10, h: 1 }],
    why: "the ² of the unit cm² is read as a written constant 2 (SUPERSCRIPT takes two letters, number-words.ts:20), formulaFirst takes w * (h + h) / 2 (stated-program.ts:101) and asks two questions; main published w * h at once",
  },
  {
    name: "population_density_km2",
    description: "Population density in people per km², rounded to a whole number.",
    examples: [[{ people: 1000, area: 10 }, 100], [{ people: 5000, area: 20 }, 250]],
    person: on((i: { people: number; area: number }) => Math.round(i.people / i.area)),
    probes: [{ people: 1000, area: 3 }, { people: 77, area: 2 }],
    why: "km² gives a written 2 (number-words.ts:20) and turns on powers (formula-ops.ts:22); five questions before round(2 * (people / area) / 2) is published; main published round(people / area) at once",
  },
  {
    name: "teaspoons_rounded_down",
    description: "How many whole teaspoons of sugar a drink holds: the grams of sugar divided by 4 grams a teaspoon, rounded down.",
    examples: [[{ grams: 40 }, 10], [{ grams: 20 }, 5]],
    person: on((i: { grams: number }) => Math.floor(i.grams / 4)),
    probes: [{ grams: 39 }, { grams: 7 }],
    why: "formulaFirst prefers grams / 4 (a 'stated formula': floor is not in FORMULA_OPS, stated-program.ts:27, and 'rounded down' is no stated rounding) over floor(grams / 4); three questions where main published floor(grams / 4) at once",
  },
];

/** Round 22's first reading wrong where main's was right. */
const FIRST_READING: (Attack & { why: string })[] = [
  {
    name: "cost_per_thousand_views",
    description: "The cost per thousand views: the campaign cost divided by the views, times one thousand, rounded to 2 decimals.",
    examples: [[{ cost: 50, views: 10000 }, 5], [{ cost: 30, views: 4000 }, 7.5]],
    person: on((i: { cost: number; views: number }) => round2((i.cost / i.views) * 1000)),
    probes: [{ cost: 7, views: 3 }, { cost: 1, views: 7 }],
    why: "first reading cost / (views + 1) * 1000 (rounding hides the + 1 on the examples); answering its question at views 0 leaves no program (no_program_found) where main published the right one after two answers",
  },
];

/** Asks, gives up, or is right on the probes after a person's answers. */
const HELD: Attack[] = [
  {
    name: "tax_above_allowance",
    description: "Income tax: 20% of the income above a tax-free allowance of 10000.",
    examples: [[{ income: 30000 }, 4000], [{ income: 50000 }, 8000]],
    person: on((i: { income: number }) => Math.max(0, i.income - 10000) * 0.2),
    probes: [{ income: 5000 }, { income: 9000 }],
  },
  {
    name: "prize_twenty_five_thousand",
    description: "A prize of twenty-five thousand euros shared equally among the winners; each winner's share.",
    examples: [[{ winners: 5 }, 5000], [{ winners: 10 }, 2500]],
    person: on((i: { winners: number }) => 25000 / i.winners),
    probes: [{ winners: 4 }, { winners: 3 }],
  },
  {
    name: "third_party_fee",
    description: "A third party charges a fee of 2% of the amount plus 0.30 euros; the fee for an amount in euros.",
    examples: [[{ amount: 100 }, 2.3], [{ amount: 50 }, 1.3]],
    person: on((i: { amount: number }) => i.amount * 0.02 + 0.3),
    probes: [{ amount: 10 }, { amount: 1000 }],
  },
  {
    name: "room_area_m2_from_cm",
    description: "The floor area of a room in m² from its length and width given in cm, rounded to 2 decimals.",
    examples: [[{ l: 400, w: 300 }, 12], [{ l: 500, w: 200 }, 10]],
    person: on((i: { l: number; w: number }) => round2((i.l * i.w) / 10000)),
    probes: [{ l: 333, w: 271 }, { l: 123, w: 456 }],
  },
  {
    name: "sensor_7_fahrenheit",
    description: "Sensor 7 reports a temperature in Celsius; give it in Fahrenheit: F = C × 9 / 5 + 32.",
    examples: [[{ c: 0 }, 32], [{ c: 100 }, 212]],
    person: on((i: { c: number }) => (i.c * 9) / 5 + 32),
    probes: [{ c: 37 }, { c: -40 }],
  },
  {
    name: "age_at_end_of_2030",
    description: "How old a person born in the given year will be at the end of 2030.",
    examples: [[{ born: 1990 }, 40], [{ born: 2000 }, 30]],
    person: on((i: { born: number }) => 2030 - i.born),
    probes: [{ born: 1985 }, { born: 2020 }],
  },
  {
    name: "runner_kmh_half_juniors",
    description: "A runner's speed in km/h from the distance in metres and the time in seconds, rounded to 1 decimal; half of the runners are juniors.",
    examples: [[{ m: 1000, s: 200 }, 18], [{ m: 400, s: 100 }, 14.4]],
    person: on((i: { m: number; s: number }) => Math.round((i.m / i.s) * 3.6 * 10) / 10),
    probes: [{ m: 5000, s: 1234 }, { m: 100, s: 9.58 }],
  },
  {
    name: "pounds_to_euros_open_24_7",
    description: "A price in pounds in euros at today's rate, rounded to whole euros. Our shop is open 24/7.",
    examples: [[{ gbp: 10 }, 12], [{ gbp: 20 }, 23]],
    person: on((i: { gbp: number }) => Math.round(i.gbp * 1.17)),
    probes: [{ gbp: 100 }, { gbp: 1000 }],
  },
  {
    name: "box_litres_1000_cm3",
    description: "The volume in litres of a box from its sides in cm; 1000 cm³ make a litre.",
    examples: [[{ l: 10, w: 10, h: 10 }, 1], [{ l: 20, w: 50, h: 30 }, 30]],
    person: on((i: { l: number; w: number; h: number }) => (i.l * i.w * i.h) / 1000),
    probes: [{ l: 5, w: 4, h: 3 }, { l: 100, w: 1, h: 1 }],
  },
  {
    name: "late_fee_capped",
    description: "A late fee of 2 euros per day, at most 15 euros.",
    examples: [[{ days: 2 }, 4], [{ days: 5 }, 10]],
    person: on((i: { days: number }) => Math.min(15, 2 * i.days)),
    probes: [{ days: 10 }, { days: 8 }],
  },
  {
    name: "mph_for_hours_in_km",
    description: "The distance in km driven at a speed in mph for a time in hours, rounded to 1 decimal.",
    examples: [[{ mph: 60, hours: 2 }, 193.1], [{ mph: 30, hours: 1 }, 48.3]],
    person: on((i: { mph: number; hours: number }) => Math.round(i.mph * i.hours * 1.609344 * 10) / 10),
    probes: [{ mph: 70, hours: 3 }, { mph: 55, hours: 0.5 }],
  },
  {
    name: "parking_first_30_minutes_free",
    description: "Parking: the first 30 minutes are free, then 0.05 euros per minute.",
    examples: [[{ minutes: 90 }, 3], [{ minutes: 130 }, 5]],
    person: on((i: { minutes: number }) => 0.05 * Math.max(0, i.minutes - 30)),
    probes: [{ minutes: 10 }, { minutes: 30 }],
  },
  {
    name: "kinetic_energy_half_m_v2",
    description: "Kinetic energy in joules: ½ × mass × speed², rounded to 1 decimal.",
    examples: [[{ mass: 2, speed: 3 }, 9], [{ mass: 10, speed: 2 }, 20]],
    person: on((i: { mass: number; speed: number }) => Math.round(0.5 * i.mass * i.speed ** 2 * 10) / 10),
    probes: [{ mass: 3, speed: 7 }, { mass: 1, speed: 0.5 }],
  },
];

/** Published at once, with no question, and right on every probe. */
async function publishedRightAtOnce(attack: Attack): Promise<void> {
  const result = await backend.synthesize(makeSpec(attack.name, attack.description, attack.examples));
  expect(result.ambiguity, result.code).toBeUndefined();
  await firstReadingRight(backend, attack);
}

describe("round 22 attack: stated formulas held to 'never silently wrong'", () => {
  // Mended in round 22b (no leave-one-out skip for a stated formula; scaled values without
  // constants; superscripts after a unit; stated floors and roundings held), and in round 23 (an
  // excess over a stated threshold is a zero floor, inside the formula too; a named field read to
  // no effect is unread and asked about at the number its clause states): passing now.
  const mark = (name: string, label: string): [(label: string, body: () => Promise<void>, timeout: number) => void, string] =>
    MENDED.has(name) ? [(l, b, t) => it(l, b, t), `FIXED (round 22b; broke before): ${label}`]
    : MENDED_23.has(name) ? [(l, b, t) => it(l, b, t), `FIXED (round 23; broke before): ${label}`]
    : MENDED_33.has(name) ? [(l, b, t) => it(l, b, t), `FIXED (round 33; broke before): ${label}`]
    : [(l, b, t) => it.fails(l, b, t), label];
  for (const attack of BROKEN) {
    const [test, label] = mark(attack.name, `BROKE: ${attack.name}: ${attack.why}`);
    test(label, () => holds(backend, attack), ANSWERED_MS);
  }
  for (const attack of NOW_ASKS) {
    const [test, label] = mark(attack.name, `BROKE (asks where main published right at once): ${attack.name}: ${attack.why}`);
    test(label, () => publishedRightAtOnce(attack), ANSWERED_MS);
  }
  for (const attack of FIRST_READING) {
    const [test, label] = mark(attack.name, `BROKE (first reading): ${attack.name}: ${attack.why}`);
    test(label, () => firstReadingRight(backend, attack), ANSWERED_MS);
  }
  for (const attack of HELD) {
    it(`${attack.name}: asks, gives up, or is right on ${JSON.stringify(attack.probes[0])}`, () => holds(backend, attack), ANSWERED_MS);
  }

  it("FIXED (round 22b; broke before): BROKE: the same description read twice gives other numbers: HALF is a /g regex tested with .test, whose lastIndex carries over (number-words.ts:28/45)", () => {
    const description = "Children pay half the price.";
    const first = numberWords(description);
    expect(numberWords(description)).toEqual(first);
  });

  it("FIXED (broke before): 'twenty-five thousand' is read as 25000, not as nothing or 5000 (a tens word and its unit make the multiplier)", () => {
    expect(numberWords("A prize of twenty-five thousand euros")).toEqual([25000]);
    expect(numberWords("ninety nine thousand, or three hundred thousand at most")).toEqual([99000, 300000]);
    expect(numberWords("twenty a dozen")).toEqual([12]);
  });

  it("'one of the items' and 'two lists' name no constant", () => {
    expect(numberWords("Pick one of the items from the two lists.")).toEqual([]);
  });
});
