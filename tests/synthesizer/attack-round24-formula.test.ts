/**
 * Attacks on round 24a (formulas written in the description): specs invented here, each checking the
 * promise that a program fitting every example but wrong on a plausible input is never published
 * silently. A break is `it.fails("BROKE: …")`, an attempt that held is `it("held: …")`.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { runOn } from "../../src/agents/synthesizer/evaluate.ts";
import type { Expr, Json } from "../../src/agents/synthesizer/types.ts";
import { ANSWERED_MS, holds } from "./answered.ts";
import type { Attack } from "./answered.ts";
import { makeSpec } from "./fixtures.ts";

const backend = createExampleBackend();
const T = ANSWERED_MS;

const r1 = (x: number): number => Math.round(x * 10) / 10;
const r2 = (x: number): number => Math.round(x * 100) / 100;

/** An input of named numbers, as a person reads it. */
type P = Record<"age" | "hits" | "misses" | "radiusCm" | "fixedCosts" | "unitCost" | "airTemp" | "booked" | "capacity" | "cost" | "distance" | "foot" | "gross" | "grossWeight" | "heightM" | "hours" | "km" | "ladder" | "length" | "massKg" | "paid" | "pay" | "price" | "principal" | "rate" | "revenue" | "rise" | "start" | "used" | "velocity" | "volume" | "wallHeight" | "wallWidth" | "waste" | "weightKg" | "windSpeed" | "years", number>;
const fn = (f: (i: P) => unknown) => f as (input: never) => unknown;

/**
 * The answer a person gives where a divisor is 0 (null) must fit the output schema, so the specs
 * whose person answers null admit it (round 25). With numbers only, the plugin's Infinity there is
 * refused by its own output check when it runs (`output_invalid`), and nothing is asked.
 */
const NUMBER_OR_NULL = { anyOf: [{ type: "number" }, { type: "null" }] };

const ATTACKS: Record<string, Attack> = {
  divZero: {
    name: "average_speed_kmh",
    description: "The average speed of a trip in km/h: speed = distance ÷ hours, rounded to 1 decimal (halves up).",
    examples: [[{ distance: 120, hours: 2 }, 60], [{ distance: 100, hours: 3 }, 33.3]],
    person: fn((i) => (i.hours === 0 ? null : r1(i.distance / i.hours))),
    probes: [{ distance: 50, hours: 0 }, { distance: 7, hours: 4 }],
    outputSchema: NUMBER_OR_NULL,
  },
  powHalf: {
    name: "ramp_run",
    description: "The horizontal run of a ramp: run = (length² − rise²)^0.5, rounded to 2 decimals (halves up).",
    examples: [[{ length: 5, rise: 3 }, 4], [{ length: 10, rise: 6 }, 8]],
    person: fn((i) => (i.rise > i.length ? null : r2(Math.sqrt(i.length ** 2 - i.rise ** 2)))),
    probes: [{ length: 3, rise: 5 }, { length: 7, rise: 2 }],
  },
  windChillNegSpeed: {
    name: "wind_chill",
    description: "Wind chill in °C: 13.12 + 0.6215 × T − 11.37 × V^0.16 + 0.3965 × T × V^0.16, with T the air temperature in °C and V the wind speed in km/h. Rounded to 1 decimal (halves up).",
    examples: [[{ airTemp: -10, windSpeed: 20 }, -17.9], [{ airTemp: 0, windSpeed: 30 }, -6.5]],
    person: fn((i) => (i.windSpeed < 0 ? null : r1(13.12 + 0.6215 * i.airTemp - 11.37 * i.windSpeed ** 0.16 + 0.3965 * i.airTemp * i.windSpeed ** 0.16))),
    probes: [{ airTemp: -5, windSpeed: -10 }, { airTemp: -20, windSpeed: 50 }],
  },
  neverBelowZero: {
    name: "seats_left",
    description: "Seats left on a flight: capacity − booked, never below 0.",
    examples: [[{ capacity: 180, booked: 150 }, 30], [{ capacity: 90, booked: 12 }, 78]],
    person: fn((i) => Math.max(0, i.capacity - i.booked)),
    probes: [{ capacity: 100, booked: 120 }, { capacity: 50, booked: 50 }],
  },
  atLeast: {
    name: "taxi_fare",
    description: "A taxi fare: fare = 2.5 + 1.2 × km, but never less than 5.",
    examples: [[{ km: 10 }, 14.5], [{ km: 5 }, 8.5]],
    person: fn((i) => Math.max(5, 2.5 + 1.2 * i.km)),
    probes: [{ km: 1 }, { km: 0 }, { km: 20 }],
  },
  ruleInWords: {
    name: "ticket_price",
    description: "A ticket costs 4 + 0.5 × age, and children under 3 go free.",
    examples: [[{ age: 10 }, 9], [{ age: 30 }, 19]],
    person: fn((i) => (i.age < 3 ? 0 : 4 + 0.5 * i.age)),
    probes: [{ age: 1 }, { age: 50 }],
  },
  twoWeights: {
    name: "parcel_postage",
    description: "Postage for a parcel: 3 + 0.8 × weight, in euros.",
    examples: [[{ netWeight: 2, grossWeight: 2 }, 4.6], [{ netWeight: 5, grossWeight: 5 }, 7]],
    person: fn((i) => 3 + 0.8 * i.grossWeight),
    probes: [{ netWeight: 2, grossWeight: 3 }],
  },
  lookAlikeFields: {
    name: "room_paint",
    description: "Litres of paint for a wall: area ÷ 10, with area = wall height × wall width.",
    examples: [[{ wallHeight: 3, wallWidth: 5, doorHeight: 2, doorWidth: 1 }, 1.5], [{ wallHeight: 2, wallWidth: 10, doorHeight: 2, doorWidth: 1 }, 2]],
    person: fn((i) => (i.wallHeight * i.wallWidth) / 10),
    probes: [{ wallHeight: 4, wallWidth: 4, doorHeight: 2, doorWidth: 1 }],
  },
  noFieldName: {
    name: "kinetic_energy",
    description: "Kinetic energy in joules: E = ½ × m × v², with m the mass in kg and v the speed.",
    examples: [[{ weightKg: 2, velocity: 3 }, 9], [{ weightKg: 4, velocity: 2 }, 8]],
    person: fn((i) => 0.5 * i.weightKg * i.velocity ** 2),
    probes: [{ weightKg: 1, velocity: 10 }, { weightKg: 10, velocity: 1 }],
  },
  passingBmi: {
    name: "ponderal_index",
    description: "The ponderal index of a person: unlike BMI = kg / m², it divides the mass by the height cubed. Rounded to 1 decimal (halves up).",
    examples: [[{ massKg: 64, heightM: 2 }, 8], [{ massKg: 27, heightM: 1.5 }, 8]],
    person: fn((i) => r1(i.massKg / i.heightM ** 3)),
    probes: [{ massKg: 80, heightM: 1.8 }, { massKg: 50, heightM: 1.6 }],
  },
  percent: {
    name: "price_with_tax",
    description: "A price with tax: price + price × rate%, rounded to 2 decimals (halves up).",
    examples: [[{ price: 100, rate: 20 }, 120], [{ price: 50, rate: 10 }, 55]],
    person: fn((i) => r2(i.price + (i.price * i.rate) / 100)),
    probes: [{ price: 80, rate: 5 }, { price: 19.99, rate: 7 }],
  },
  marginDivZero: {
    name: "profit_margin",
    description: "Profit margin in percent: profit = revenue − cost and margin = profit ÷ revenue × 100, rounded to 1 decimal (halves up).",
    examples: [[{ revenue: 200, cost: 150 }, 25], [{ revenue: 80, cost: 60 }, 25]],
    person: fn((i) => (i.revenue === 0 ? null : r1(((i.revenue - i.cost) / i.revenue) * 100))),
    probes: [{ revenue: 0, cost: 10 }, { revenue: 100, cost: 130 }, { revenue: 300, cost: 100 }],
    outputSchema: NUMBER_OR_NULL,
  },
  expOverflow: {
    name: "bacteria_count",
    description: "Bacteria after some hours: N = start × e^(0.7 × hours), rounded to a whole number (halves up).",
    examples: [[{ start: 100, hours: 1 }, 201], [{ start: 10, hours: 3 }, 82]],
    person: fn((i) => Math.round(i.start * Math.exp(0.7 * i.hours))),
    probes: [{ start: 5, hours: 2 }, { start: 1, hours: 1200 }],
  },
  taxDefinedOverField: {
    name: "net_pay",
    description: "Net pay: net = gross − tax, where tax = gross × 0.2.",
    examples: [[{ gross: 100, tax: 20 }, 80], [{ gross: 50, tax: 10 }, 40]],
    person: fn((i) => i.gross - i.gross * 0.2),
    probes: [{ gross: 100, tax: 30 }, { gross: 300, tax: 0 }],
  },
  roundedUp: {
    name: "cab_fare_whole",
    description: "A cab fare in whole euros: 2.5 + 1.2 × km, rounded up to the next whole euro.",
    examples: [[{ km: 5 }, 9], [{ km: 10 }, 15]],
    person: fn((i) => Math.ceil(2.5 + 1.2 * i.km)),
    probes: [{ km: 3 }, { km: 1 }, { km: 7 }],
  },
  refundNeverBelow: {
    name: "deposit_refund",
    description: "The refund of a deposit: 0.8 × (paid − used), never below 0.",
    examples: [[{ paid: 100, used: 40 }, 48], [{ paid: 60, used: 10 }, 40]],
    person: fn((i) => Math.max(0, 0.8 * (i.paid - i.used))),
    probes: [{ paid: 20, used: 50 }, { paid: 30, used: 30 }],
  },
  sqrtOfDifferenceNoRoot: {
    name: "ladder_height",
    description: "How high a ladder reaches up a wall: height = √(ladder² − foot²), with foot the distance of its foot from the wall. Rounded to 2 decimals (halves up).",
    examples: [[{ ladder: 5, foot: 3 }, 4], [{ ladder: 13, foot: 5 }, 12]],
    person: fn((i) => (i.foot > i.ladder ? null : r2(Math.sqrt(i.ladder ** 2 - i.foot ** 2)))),
    probes: [{ ladder: 2, foot: 6 }, { ladder: 10, foot: 1 }],
  },
  cubeRootPow: {
    name: "cube_side",
    description: "The side of a cube holding a volume: side = (volume − waste)^(1/3), rounded to 2 decimals (halves up).",
    examples: [[{ volume: 28, waste: 1 }, 3], [{ volume: 70, waste: 6 }, 4]],
    person: fn((i) => (i.waste > i.volume ? null : r2(Math.cbrt(i.volume - i.waste)))),
    probes: [{ volume: 5, waste: 13 }, { volume: 126, waste: 1 }],
  },
  compoundVsSimple: {
    name: "compound_interest",
    description: "Interest earned: unlike simple interest (principal × rate × years ÷ 100), compound interest is principal × (1 + rate ÷ 100)^years − principal. Rounded to 2 decimals (halves up).",
    examples: [[{ principal: 1000, rate: 5, years: 1 }, 50], [{ principal: 200, rate: 10, years: 1 }, 20]],
    person: fn((i) => r2(i.principal * (1 + i.rate / 100) ** i.years - i.principal)),
    probes: [{ principal: 1000, rate: 5, years: 2 }, { principal: 500, rate: 4, years: 10 }],
  },
  divZeroStated: {
    name: "hourly_rate",
    description: "The hourly rate earned: rate = pay ÷ hours, or 0 when hours is 0. Rounded to 2 decimals (halves up).",
    examples: [[{ pay: 300, hours: 20 }, 15], [{ pay: 100, hours: 8 }, 12.5]],
    person: fn((i) => (i.hours === 0 ? 0 : r2(i.pay / i.hours))),
    probes: [{ pay: 50, hours: 0 }, { pay: 70, hours: 3 }],
  },
  capAndFloor: {
    name: "quiz_score",
    description: "A quiz score: 10 × hits − 2 × misses, at most 100 and never below 0.",
    examples: [[{ hits: 5, misses: 3 }, 44], [{ hits: 8, misses: 1 }, 78]],
    person: fn((i) => Math.min(100, Math.max(0, 10 * i.hits - 2 * i.misses))),
    probes: [{ hits: 12, misses: 0 }, { hits: 1, misses: 9 }, { hits: 6, misses: 2 }],
  },
  juxtaposed: {
    name: "wheel_circumference",
    description: "The circumference of a wheel: 2πr with r the radius in cm, rounded to 1 decimal (halves up).",
    examples: [[{ radiusCm: 10 }, 62.8], [{ radiusCm: 3 }, 18.8]],
    person: fn((i) => r1(2 * Math.PI * i.radiusCm)),
    probes: [{ radiusCm: 7 }, { radiusCm: 33 }],
  },
  divByDifference: {
    name: "units_to_break_even",
    description: "Units to sell to break even: fixed costs ÷ (price − unit cost), rounded up to a whole unit.",
    examples: [[{ fixedCosts: 1000, price: 15, unitCost: 5 }, 100], [{ fixedCosts: 900, price: 20, unitCost: 8 }, 75]],
    person: fn((i) => (i.price <= i.unitCost ? null : Math.ceil(i.fixedCosts / (i.price - i.unitCost)))),
    probes: [{ fixedCosts: 500, price: 10, unitCost: 10 }, { fixedCosts: 500, price: 8, unitCost: 10 }, { fixedCosts: 100, price: 7, unitCost: 4 }],
  },
};

/** What each attack showed: a break of the promise (a wrong program published without asking), or held. */
const BROKE: Record<string, string> = {
  windChillNegSpeed: "the wind-chill formula's V^0.16 is published; a negative wind speed the schema allows gives NaN, not asked there",
};
/**
 * Mended after the attack (lead): a power with a fractional exponent of a negative number is asked
 * about like a root; round 25: an input the schema allows on which a divisor is 0 is asked about;
 * round 33: "children under 3" names the number a rule changes at, and the formula's line through
 * ages 10 and 30 is asked about at 2 (threshold-bends.ts).
 */
const FIXED: Record<string, string> = {
  divZero: "a division by a field that can be 0 (speed = distance ÷ hours) is published; hours = 0 gives Infinity, not asked there",
  marginDivZero: "a defined name divided by a field (margin = profit ÷ revenue × 100) is published; revenue = 0 gives -Infinity, not asked there",
  powHalf: "a root written as ^0.5 ((length² − rise²)^0.5) is published without asking where the base is negative (NaN); √ of the same is asked",
  cubeRootPow: "a cube root written as ^(1/3) of a difference is published; a negative difference gives NaN, not asked there",
  ruleInWords: "a formula plus a rule in words (children under 3 go free) is published as the formula alone after one answer about age 9",
};
const HELD: Record<string, string> = {
  capAndFloor: "10 × hits − 2 × misses, at most 100 and never below 0",
  juxtaposed: "2πr written without signs",
  divByDifference: "fixed costs ÷ (price − unit cost) where price and cost can be equal",
  neverBelowZero: "capacity − booked, never below 0",
  refundNeverBelow: "0.8 × (paid − used), never below 0",
  atLeast: "a fare formula that is never less than 5",
  roundedUp: "a fare formula rounded up to the next whole euro",
  twoWeights: "a formula naming 'weight' with netWeight and grossWeight equal on every example",
  lookAlikeFields: "wall height × wall width beside doorHeight and doorWidth",
  noFieldName: "½ × m × v² with short names whose phrases name no field",
  passingBmi: "a formula only named in passing (unlike BMI = kg / m²)",
  percent: "price + price × rate% (the % sign dropped)",
  expOverflow: "start × e^(0.7 × hours) for a huge number of hours",
  taxDefinedOverField: "a name the description defines (tax = gross × 0.2) that is also a field equal to it on the examples",
  sqrtOfDifferenceNoRoot: "√(ladder² − foot²) where the foot is further than the ladder is long",
  compoundVsSimple: "a compound-interest formula beside the simple one in passing, examples all over one year",
  divZeroStated: "pay ÷ hours, or 0 when hours is 0",
};

describe("attacks on formulas written in the description (round 24a)", () => {
  for (const [key, why] of Object.entries(BROKE)) {
    it.fails(`BROKE: ${why}`, async () => {
      await holds(backend, ATTACKS[key] as Attack);
    }, T);
  }
  for (const [key, why] of Object.entries(FIXED)) {
    it(`FIXED (broke before): ${why}`, async () => {
      await holds(backend, ATTACKS[key] as Attack);
    }, T);
  }
  for (const [key, why] of Object.entries(HELD)) {
    it(`held: ${why}`, async () => {
      await holds(backend, ATTACKS[key] as Attack);
    }, T);
  }
  it("held: a formula inside 4000 nested parentheses neither crashes nor hangs", async () => {
    const deep = `${"(".repeat(4000)}a + b${")".repeat(4000)}`;
    const spec = makeSpec("deep_sum", `The total: ${deep}.`, [[{ a: 1, b: 2 }, 3], [{ a: 5, b: 4 }, 9]]);
    const result = await backend.synthesize(spec);
    expect(runOn(result.program as Expr, { a: 10, b: 20 } as Json)).toBe(30);
  }, T);
  it("held: thirty formulas made of guesses over six fields stay within a minute", async () => {
    const many = Array.from({ length: 30 }, (_, k) => `the q${k} figure = the thing ${k} × the other ${k} + the third ${k} ÷ ${k + 2}`).join("; ");
    const spec = makeSpec("many_formulas", `A score: ${many}. The score is u + v × w.`, [[{ u: 1, v: 2, w: 3, x: 4, y: 5, z: 6 }, 7], [{ u: 2, v: 3, w: 1, x: 1, y: 2, z: 9 }, 5]]);
    const t0 = Date.now();
    await backend.synthesize(spec).catch(() => undefined);
    expect(Date.now() - t0).toBeLessThan(60_000);
  }, T);
});
