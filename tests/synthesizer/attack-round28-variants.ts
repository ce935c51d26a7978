/**
 * More attacks on round 28a (attack-round28.test.ts runs them): variants of its breaks (other
 * wordings, numbers and fields), plain tasks of the same forms, a rate beside a cap, a floor or
 * another unit, words that only look like a rate, and bounds written "1,5", "100 000", "30 kg or more".
 * Specs invented here, none copied from a set under tests/fixtures/specs.
 */
import type { StatedAttack } from "./stated-attacks.ts";

/** An invented spec, and whether its task is plain enough that it must be published within six answers. */
export interface Attack extends StatedAttack {
  readonly simple?: true;
}

const NUMBER_OR_NULL = { anyOf: [{ type: "number" }, { type: "null" }] };
const over = (x: number, n: number): number => Math.max(0, x - n);
const under = (x: number, n: number): number => Math.max(0, n - x);
// ---------------------------------------------------------------------------------------------
// Variants of the breaks above (other wordings, numbers and fields), and more plain tasks.
// ---------------------------------------------------------------------------------------------

export const VARIANTS: Record<string, Attack> = {
  // "degree" is the roof's pitch here, not a temperature.
  degreeIsAngle: {
    name: "roof_surcharge",
    description: "Roof pitch surcharge: 100, plus 20 for each degree above 30.",
    examples: [[{ pitch: 20, outsideTemp: 35 }, 100], [{ pitch: 25, outsideTemp: 10 }, 100]],
    person: (i) => 100 + 20 * over(i.pitch, 30),
    probes: [{ pitch: 35, outsideTemp: 10 }, { pitch: 10, outsideTemp: 40 }, { pitch: 30, outsideTemp: 31 }],
  },
  // "pound" as money again, beside a `weightKg` field.
  poundSterling: {
    name: "import_duty",
    description: "Import duty: 5, plus 0.2 for each pound above 135 of the value.",
    examples: [[{ weightKg: 3, value: 100 }, 5], [{ weightKg: 8, value: 50 }, 5]],
    person: (i) => 5 + 0.2 * over(i.value, 135),
    probes: [{ weightKg: 3, value: 235 }, { weightKg: 200, value: 10 }],
  },
  // A marginal rate again: "22 per hour above 8" replaces the 15 there.
  marginalHours: {
    name: "day_wage",
    description: "Day wage: 15 per hour up to 8 hours and 22 per hour above 8.",
    examples: [[{ hours: 4 }, 60], [{ hours: 6 }, 90]],
    person: (i) => (i.hours <= 8 ? 15 * i.hours : 120 + 22 * (i.hours - 8)),
    probes: [{ hours: 10 }, { hours: 8 }, { hours: 3 }],
  },
  // The first "is" names a field's unit again: "a distance of 0 or less" is the input's km.
  distanceIsNotTheAnswer: {
    name: "cab_fare",
    description: "Distance is in km. Cab fare: 3 + 1.5 × km; a distance of 0 or less gives null.",
    examples: [[{ km: 2 }, 6], [{ km: 10 }, 18]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.km <= 0 ? null : 3 + 1.5 * i.km),
    probes: [{ km: 0 }, { km: -2 }, { km: 4 }],
  },
  timeIsNotTheAnswer: {
    name: "call_cost",
    description: "Time is counted in minutes. Call cost: 0.5 + 0.2 × minutes; a time of 0 or less gives 0.",
    examples: [[{ minutes: 10 }, 2.5], [{ minutes: 5 }, 1.5]],
    person: (i) => (i.minutes <= 0 ? 0 : 0.5 + 0.2 * i.minutes),
    probes: [{ minutes: 0 }, { minutes: -1 }, { minutes: 20 }],
  },
  // "1.000" again, a European thousand.
  europeanThousandsAbove: {
    name: "free_delivery",
    description: "Delivery: 0 when the basket is above 2.000, else 9.",
    examples: [[{ basket: 3000 }, 0], [{ basket: 5000 }, 0]],
    person: (i) => (i.basket > 2000 ? 0 : 9),
    probes: [{ basket: 1500 }, { basket: 2500 }],
  },
  // A speeding fine past a bound that is a field, not a number.
  boundIsField: {
    name: "speeding_fine",
    description: "Speeding fine: 0, plus 10 for every km/h over the limit.",
    examples: [[{ speed: 40, limit: 50 }, 0], [{ speed: 70, limit: 80 }, 0]],
    person: (i) => 10 * over(i.speed, i.limit),
    probes: [{ speed: 60, limit: 50 }, { speed: 50, limit: 50 }],
  },
  // Plain tasks: a rate below a negative bound, "below zero", "or more", two tiers, "2 per", "over 64".
  negativeBoundMinus: {
    name: "cold_store",
    description: "Cold store alert: 3, plus 1 for each degree below -20.",
    examples: [[{ temperature: -5 }, 3], [{ temperature: -12 }, 3]],
    person: (i) => 3 + under(i.temperature, -20),
    probes: [{ temperature: -25 }, { temperature: -20 }, { temperature: 0 }],
    simple: true,
  },
  orMoreSurcharge: {
    name: "bulk_surcharge",
    description: "Handling: 3, plus 7 when the items are 10 or more.",
    examples: [[{ items: 2 }, 3], [{ items: 6 }, 3]],
    person: (i) => (i.items >= 10 ? 10 : 3),
    probes: [{ items: 10 }, { items: 9 }, { items: 30 }],
    simple: true,
  },
  doubledMiles: {
    name: "bike_hire",
    description: "Bike hire: 5 + 2 per mile.",
    examples: [[{ miles: 2 }, 9], [{ miles: 8 }, 21]],
    person: (i) => 5 + 2 * i.miles,
    probes: [{ miles: 0 }, { miles: 3.5 }],
    simple: true,
  },
  doubledHours: {
    name: "locker_fee",
    description: "Locker fee: 1 + 2 per hour.",
    examples: [[{ hours: 1 }, 3], [{ hours: 5 }, 11]],
    person: (i) => 1 + 2 * i.hours,
    probes: [{ hours: 0 }, { hours: 12 }],
    simple: true,
  },
  seniorOver60: {
    name: "museum_entry",
    description: "Museum entry: 15; 9 when the age is over 60.",
    examples: [[{ age: 40 }, 15], [{ age: 75 }, 9]],
    person: (i) => (i.age > 60 ? 9 : 15),
    probes: [{ age: 60 }, { age: 61 }, { age: 5 }],
    simple: true,
  },
};

// ---------------------------------------------------------------------------------------------
// A rate beside a cap, a floor, another unit, and words that only look like a rate or a range.
// ---------------------------------------------------------------------------------------------

export const BESIDE: Record<string, Attack> = {
  // "up to 50 in all": the rate's total is capped.
  cappedLateFee: {
    name: "late_fee",
    description: "Late fee: 5 for each day over 3, up to 50 in all.",
    examples: [[{ days: 1 }, 0], [{ days: 3 }, 0]],
    person: (i) => Math.min(50, 5 * over(i.days, 3)),
    probes: [{ days: 5 }, { days: 20 }, { days: 13 }],
  },
  // "never below 0": a rate that subtracts, floored.
  flooredCredit: {
    name: "heating_credit",
    description: "Heating credit: 20, minus 2 for each degree above 15; the credit is never below 0.",
    examples: [[{ temperature: 10 }, 20], [{ temperature: 5 }, 20]],
    person: (i) => Math.max(0, 20 - 2 * over(i.temperature, 15)),
    probes: [{ temperature: 18 }, { temperature: 30 }, { temperature: 25 }],
  },
  // The rate is per kg, the field is in grams: 20 kg is 20000 g.
  gramsField: {
    name: "bulk_postage",
    description: "Bulk postage: 10, plus 3 for each kg above 20 (the weight is given in grams).",
    examples: [[{ grams: 5000 }, 10], [{ grams: 12000 }, 10]],
    person: (i) => 10 + 3 * (over(i.grams, 20000) / 1000),
    probes: [{ grams: 25000 }, { grams: 19000 }, { grams: 21000 }],
  },
  // "over 4" as a fraction in words, beside a range on the same field.
  shareOver: {
    name: "partner_share",
    description: "Each partner's share: the profit over 4; 0 when the profit is negative.",
    examples: [[{ profit: 100 }, 25], [{ profit: 8 }, 2]],
    person: (i) => (i.profit < 0 ? 0 : i.profit / 4),
    probes: [{ profit: -20 }, { profit: 10 }, { profit: 0 }],
  },
  // "each … over 10" that is a price per head for large groups, not a rate past 10.
  groupPrice: {
    name: "group_tickets",
    description: "Tickets cost 12 each and groups over 10 pay 10 each.",
    examples: [[{ groupSize: 2 }, 24], [{ groupSize: 5 }, 60]],
    person: (i) => (i.groupSize > 10 ? 10 * i.groupSize : 12 * i.groupSize),
    probes: [{ groupSize: 12 }, { groupSize: 10 }, { groupSize: 20 }],
  },
  // A rate below a bound with "less than".
  lessThanRate: {
    name: "early_booking",
    description: "Cancellation refund: 50, minus 5 for each day less than 10 before departure.",
    examples: [[{ days: 12 }, 50], [{ days: 30 }, 50]],
    person: (i) => 50 - 5 * under(i.days, 10),
    probes: [{ days: 8 }, { days: 10 }, { days: 1 }],
  },
};

// ---------------------------------------------------------------------------------------------
// More variants: marginal rates, money pounds, bounds written "1,5", "100 000", "30 kg or more".
// ---------------------------------------------------------------------------------------------

export const MORE: Record<string, Attack> = {
  marginalPostage: {
    name: "postage_tiers",
    description: "Postage: 1 per kg up to 10 kg and 1.5 per kg above 10.",
    examples: [[{ kg: 2 }, 2], [{ kg: 7 }, 7]],
    person: (i) => (i.kg <= 10 ? i.kg : 10 + 1.5 * (i.kg - 10)),
    probes: [{ kg: 12 }, { kg: 10 }, { kg: 20 }],
  },
  marginalKwh: {
    name: "energy_tiers",
    description: "Energy cost: 0.2 per kWh up to 300 kWh and 0.3 per kWh above 300.",
    examples: [[{ kwh: 100 }, 20], [{ kwh: 250 }, 50]],
    person: (i) => (i.kwh <= 300 ? 0.2 * i.kwh : 60 + 0.3 * (i.kwh - 300)),
    probes: [{ kwh: 400 }, { kwh: 300 }, { kwh: 1000 }],
  },
  poundOfCost: {
    name: "customs_fee",
    description: "Customs fee: 10 + 0.1 × mass, plus 0.05 for each pound above 200 of the cost.",
    examples: [[{ mass: 10, cost: 100 }, 11], [{ mass: 30, cost: 150 }, 13]],
    person: (i) => 10 + 0.1 * i.mass + 0.05 * over(i.cost, 200),
    probes: [{ mass: 10, cost: 400 }, { mass: 500, cost: 20 }],
  },
  // "1,5" is one and a half: the guard's bound is 1.5, not 1.
  europeanDecimalGuard: {
    name: "press_work",
    description: "Work: pressure × volume; null when the pressure is above 1,5.",
    examples: [[{ pressure: 0.5, volume: 10 }, 5], [{ pressure: 0.8, volume: 5 }, 4]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.pressure > 1.5 ? null : i.pressure * i.volume),
    probes: [{ pressure: 1.2, volume: 10 }, { pressure: 2, volume: 1 }, { pressure: 1.5, volume: 2 }],
  },
  // "100 000" with a space between the thousands: the bound is a hundred thousand.
  spaceThousands: {
    name: "small_tax",
    description: "Tax: income ÷ 5; null for an income over 100 000.",
    examples: [[{ income: 50 }, 10], [{ income: 80 }, 16]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.income > 100000 ? null : i.income / 5),
    probes: [{ income: 500 }, { income: 200000 }, { income: 100000 }],
  },
  // "30 kg or more": the unit between the bound and "or more".
  unitOrMoreNull: {
    name: "small_parcel",
    description: "Postage: 2 + 0.5 × weight; null when the weight is 30 kg or more.",
    examples: [[{ weight: 4 }, 4], [{ weight: 10 }, 7]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.weight >= 30 ? null : 2 + 0.5 * i.weight),
    probes: [{ weight: 30 }, { weight: 40 }, { weight: 20 }],
  },
  unitOrLessZero: {
    name: "room_heating",
    description: "Heating power: 3 × (20 − temperature); 0 when the temperature is 20 degrees or more.",
    examples: [[{ temperature: 10 }, 30], [{ temperature: 15 }, 15]],
    person: (i) => (i.temperature >= 20 ? 0 : 3 * (20 - i.temperature)),
    probes: [{ temperature: 25 }, { temperature: 20 }, { temperature: 0 }],
  },
  // The description's first ":" names no answer: "an input of 0 or less" is any input.
  inputNamedFirst: {
    name: "box_volume",
    description: "Input: a length, a width and a height. Volume: length × width × height; an input of 0 or less gives null.",
    examples: [[{ length: 2, width: 3, height: 4 }, 24], [{ length: 1, width: 5, height: 2 }, 10]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.length <= 0 || i.width <= 0 || i.height <= 0 ? null : i.length * i.width * i.height),
    probes: [{ length: -1, width: -2, height: 3 }, { length: 0, width: 2, height: 2 }, { length: 2, width: 2, height: 2 }],
  },
};
