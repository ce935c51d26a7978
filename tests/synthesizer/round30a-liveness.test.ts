/**
 * Round 30a (issue 17): plain tasks asked about forever. A description that states the answer of
 * its ordinary case ("else 7", "Late return: 5, plus 0.5 for each day over 7", "Ticket price: 12;
 * 8 when the age is over 64") and a range whose answer it states had its constant doubted as one
 * the examples show by chance (ambiguity.ts, leave-one-out.ts), and a field held between two
 * numbers had those numbers called unused (loose-constants.ts). Specs invented here, none copied
 * from a set under tests/fixtures/specs; plain variants of the breaks in attack-round28/29 (other
 * wording, numbers, fields), each published within six answers, and hostile ones where the
 * examples fit a constant the description does not state as the answer: those must keep asking
 * (or publish the person's program). R30_TRACE=1 prints what the backend asked and published.
 */
import { describe, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { ANSWERED_MS } from "./answered.ts";
import { keepsStatedPromise } from "./stated-attacks.ts";
import type { Attack } from "./attack-round28-variants.ts";

const backend = createExampleBackend();
const over = (x: number, n: number): number => Math.max(0, x - n);
const under = (x: number, n: number): number => Math.max(0, n - x);
const keepsPromise = (a: Attack): Promise<void> => keepsStatedPromise(backend, a, { mustPublish: a.simple === true, traceVar: "R30_TRACE" });

/** Plain tasks: the description states every answer; published within six answers. */
const PLAIN: Record<string, Attack> = {
  aboveElse: {
    name: "free_postage",
    description: "Postage: 0 when the order is above 250, else 4.5.",
    examples: [[{ order: 80 }, 4.5], [{ order: 400 }, 0]],
    person: (i) => (i.order > 250 ? 0 : 4.5),
    probes: [{ order: 250 }, { order: 251 }, { order: 10 }],
    simple: true,
  },
  underOtherwise: {
    name: "entry_fee",
    description: "Entry fee: 0 if the age is under 5, otherwise 9.",
    examples: [[{ age: 30 }, 9], [{ age: 3 }, 0]],
    person: (i) => (i.age < 5 ? 0 : 9),
    probes: [{ age: 5 }, { age: 4 }, { age: 70 }],
    simple: true,
  },
  ratePerMinute: {
    name: "parking_fine",
    description: "Parking fine: 20, plus 2 for each minute over 15.",
    examples: [[{ minutes: 5 }, 20], [{ minutes: 10 }, 20]],
    person: (i) => 20 + 2 * over(i.minutes, 15),
    probes: [{ minutes: 15 }, { minutes: 30 }, { minutes: 1 }],
    simple: true,
  },
  decimalRate: {
    name: "overtime_pay",
    description: "Overtime pay: 100, plus 1.5 for each hour above 40.",
    examples: [[{ hours: 30 }, 100], [{ hours: 38 }, 100]],
    person: (i) => 100 + 1.5 * over(i.hours, 40),
    probes: [{ hours: 44 }, { hours: 40 }, { hours: 2 }],
    simple: true,
  },
  heldBetween: {
    name: "dimmer_level",
    description: "Dimmer level: 3 × knob; the knob is held between 2 and 8.",
    examples: [[{ knob: 4 }, 12], [{ knob: 5 }, 15]],
    person: (i) => 3 * Math.min(8, Math.max(2, i.knob)),
    probes: [{ knob: 10 }, { knob: 1 }, { knob: 7 }],
    simple: true,
  },
  orMore: {
    name: "sales_bonus",
    description: "Bonus: 50, plus 25 when the sales are 100 or more.",
    examples: [[{ sales: 20 }, 50], [{ sales: 60 }, 50]],
    person: (i) => (i.sales >= 100 ? 75 : 50),
    probes: [{ sales: 100 }, { sales: 99 }, { sales: 300 }],
    simple: true,
  },
  negativeBound: {
    name: "chill_alert",
    description: "Chill alert: 2, plus 3 for each degree below -10.",
    examples: [[{ temperature: -2 }, 2], [{ temperature: 4 }, 2]],
    person: (i) => 2 + 3 * under(i.temperature, -10),
    probes: [{ temperature: -12 }, { temperature: -10 }, { temperature: 9 }],
    simple: true,
  },
  belowZeroWord: {
    name: "pipe_alarm",
    description: "Pipe alarm: 6, plus 1 for each degree below zero.",
    examples: [[{ temperature: 8 }, 6], [{ temperature: 15 }, 6]],
    person: (i) => 6 + under(i.temperature, 0),
    probes: [{ temperature: -4 }, { temperature: 0 }, { temperature: 30 }],
    simple: true,
  },
  ageOver: {
    name: "bus_fare",
    description: "Bus fare: 3; 1.5 when the age is over 65.",
    examples: [[{ age: 40 }, 3], [{ age: 70 }, 1.5]],
    person: (i) => (i.age > 65 ? 1.5 : 3),
    probes: [{ age: 65 }, { age: 66 }, { age: 20 }],
    simple: true,
  },
  ageUnder: {
    name: "cinema_ticket",
    description: "Cinema ticket: 11; 7 when the age is under 12.",
    examples: [[{ age: 30 }, 11], [{ age: 8 }, 7]],
    person: (i) => (i.age < 12 ? 7 : 11),
    probes: [{ age: 12 }, { age: 11 }, { age: 50 }],
    simple: true,
  },
  ratePerKm: {
    name: "speed_fine",
    description: "Speed fine: 40, plus 4 for each km over 50.",
    examples: [[{ km: 30 }, 40], [{ km: 45 }, 40]],
    person: (i) => 40 + 4 * over(i.km, 50),
    probes: [{ km: 60 }, { km: 50 }, { km: 5 }],
    simple: true,
  },
  zeroBase: {
    name: "luggage_fee",
    description: "Luggage: 0, plus 10 when the bags are 3 or more.",
    examples: [[{ bags: 1 }, 0], [{ bags: 2 }, 0]],
    person: (i) => (i.bags >= 3 ? 10 : 0),
    probes: [{ bags: 3 }, { bags: 5 }, { bags: 0 }],
    simple: true,
  },
  twoRates: {
    name: "power_bill",
    description: "Electricity: 8, plus 1 for each kwh above 100 and 3 for each kwh above 200.",
    examples: [[{ kwh: 30 }, 8], [{ kwh: 90 }, 8]],
    person: (i) => 8 + over(i.kwh, 100) + 3 * over(i.kwh, 200),
    probes: [{ kwh: 150 }, { kwh: 250 }, { kwh: 100 }],
    simple: true,
  },
  // A unit that ends in a digit ("m2"): the rate is read all the same.
  digitUnit: {
    name: "bay_rent",
    description: "Bay rent: 6, plus 0.5 for each m2 above 12.",
    examples: [[{ m2: 4 }, 6], [{ m2: 10 }, 6]],
    person: (i) => 6 + 0.5 * over(i.m2, 12),
    probes: [{ m2: 20 }, { m2: 12 }, { m2: 1 }],
    simple: true,
  },
  // An amount past a bound written "2.000": the examples between 2 and 2000 fit the stated formula
  // without the amount, so the bound is 2000.
  doubtfulAmount: {
    name: "cargo_fee",
    description: "Cargo fee: 2 × crates, plus 30 when the crates are over 2.000.",
    examples: [[{ crates: 5 }, 10], [{ crates: 800 }, 1600]],
    person: (i) => 2 * i.crates + (i.crates > 2000 ? 30 : 0),
    probes: [{ crates: 2500 }, { crates: 2000 }, { crates: 50 }],
    simple: true,
  },
  heldBetweenKept: {
    name: "fan_speed",
    description: "Fan speed: 2 × dial; the dial is kept between 1 and 5.",
    examples: [[{ dial: 2 }, 4], [{ dial: 3 }, 6]],
    person: (i) => 2 * Math.min(5, Math.max(1, i.dial)),
    probes: [{ dial: 9 }, { dial: 0 }, { dial: 4 }],
    simple: true,
  },
};

/** Hostile: the examples fit a constant the description does not state as the ordinary answer. */
const HOSTILE: Record<string, Attack> = {
  // The ordinary answer is a rate, not the examples' constant.
  elseRate: {
    name: "weight_postage",
    description: "Postage: 0 when the basket is above 100, else 2 per kg.",
    examples: [[{ basket: 50, kg: 3 }, 6], [{ basket: 20, kg: 3 }, 6]],
    person: (i) => (i.basket > 100 ? 0 : 2 * i.kg),
    probes: [{ basket: 50, kg: 1 }, { basket: 10, kg: 5 }, { basket: 200, kg: 3 }],
  },
  // "5 per day": the examples' days are all 1.
  perDayBase: {
    name: "late_fee",
    description: "Late fee: 5 per day, plus 2 for each day over 10.",
    examples: [[{ days: 1, member: true }, 5], [{ days: 1, member: false }, 5]],
    person: (i) => 5 * i.days + 2 * over(i.days, 10),
    probes: [{ days: 3, member: true }, { days: 12, member: false }],
  },
  // The ordinary answer stated is 7; the examples say 9 for small baskets.
  elseDiffers: {
    name: "delivery_fee",
    description: "Delivery: 0 when the basket is above 1000, else 7.",
    examples: [[{ basket: 300 }, 9], [{ basket: 500 }, 9]],
    person: (i) => (i.basket > 1000 ? 0 : i.basket < 600 ? 9 : 7),
    probes: [{ basket: 800 }, { basket: 2000 }, { basket: 100 }],
  },
  // No ordinary answer stated at all.
  notStated: {
    name: "senior_ticket",
    description: "Ticket price: 8 when the age is over 64.",
    examples: [[{ age: 30 }, 12], [{ age: 40 }, 12]],
    person: (i) => (i.age > 64 ? 8 : i.age < 16 ? 6 : 12),
    probes: [{ age: 10 }, { age: 70 }, { age: 50 }],
  },
  // A rate per kg beside the base: the examples' weights are all 0.
  baseAndRate: {
    name: "parcel_rate",
    description: "Shipping: 6 plus 1 per kg, plus 5 when the weight is 20 kg or more.",
    examples: [[{ weight: 0, zone: 1 }, 6], [{ weight: 0, zone: 2 }, 6]],
    person: (i) => 6 + i.weight + (i.weight >= 20 ? 5 : 0),
    probes: [{ weight: 5, zone: 1 }, { weight: 25, zone: 2 }],
  },
  // A second rate on another field, every example at 0 km.
  secondRate: {
    name: "frost_trip",
    description: "Frost trip: 4, plus 1 for each degree below zero, plus 0.5 per km.",
    examples: [[{ temperature: 5, km: 0 }, 4], [{ temperature: 12, km: 0 }, 4]],
    person: (i) => 4 + under(i.temperature, 0) + 0.5 * i.km,
    probes: [{ temperature: 5, km: 10 }, { temperature: -2, km: 4 }],
  },
  // "for each whole m3": the excess counts in whole units, which no example below the bound shows.
  wholeUnits: {
    name: "gas_bill",
    description: "Gas bill: 15, plus 3 for each whole m3 above 30.",
    examples: [[{ m3: 10 }, 15], [{ m3: 25.5 }, 15]],
    person: (i) => 15 + 3 * Math.floor(over(i.m3, 30)),
    probes: [{ m3: 31.5 }, { m3: 32 }, { m3: 30.9 }],
  },
  // "for each full m2": the same rate on whole units only.
  wholeDigitUnit: {
    name: "bay_rent",
    description: "Bay rent: 6, plus 0.5 for each full m2 above 12.",
    examples: [[{ m2: 4 }, 6], [{ m2: 10.5 }, 6]],
    person: (i) => 6 + 0.5 * Math.floor(over(i.m2, 12)),
    probes: [{ m2: 13.5 }, { m2: 20 }, { m2: 12.9 }],
  },
  // "for each started day": the excess counts up to whole days.
  startedDay: {
    name: "storage_fee",
    description: "Storage fee: 8, plus 5 for each started day over 2.",
    examples: [[{ days: 1 }, 8], [{ days: 1.5 }, 8]],
    person: (i) => 8 + 5 * Math.ceil(over(i.days, 2)),
    probes: [{ days: 2.25 }, { days: 3.5 }, { days: 4 }],
  },
  // No formula stated: the examples' program may hold the amount already (bound 1, not 1000).
  doubtfulAmountUnstated: {
    name: "pallet_freight",
    description: "Freight by pallets, plus 50 when the pallets are over 1,000.",
    examples: [[{ pallets: 10 }, 80], [{ pallets: 400 }, 1250]],
    person: (i) => 3 * i.pallets + (i.pallets > 1 ? 50 : 0),
    probes: [{ pallets: 1 }, { pallets: 1500 }, { pallets: 700 }],
  },
  // A second sentence states another answer no example shows.
  secondSentence: {
    name: "museum_ticket",
    description: "Ticket price: 12; 8 when the age is over 64. Students pay 6.",
    examples: [[{ age: 30, student: false }, 12], [{ age: 40, student: false }, 12]],
    person: (i) => (i.student ? 6 : i.age > 64 ? 8 : 12),
    probes: [{ age: 20, student: true }, { age: 70, student: false }, { age: 50, student: false }],
  },
  // "or 3 for members": the else-value is not every ordinary input's answer.
  elseForMembers: {
    name: "member_delivery",
    description: "Delivery: 0 when the basket is above 100, else 7, or 3 for members.",
    examples: [[{ basket: 50, member: false }, 7], [{ basket: 20, member: false }, 7]],
    person: (i) => (i.basket > 100 ? 0 : i.member ? 3 : 7),
    probes: [{ basket: 50, member: true }, { basket: 200, member: true }, { basket: 10, member: false }],
  },
  // "for adults": the base is not every age's answer.
  forAdults: {
    name: "adult_ticket",
    description: "Ticket price: 12 for adults; 8 when the age is over 64.",
    examples: [[{ age: 30 }, 12], [{ age: 45 }, 12]],
    person: (i) => (i.age > 64 ? 8 : i.age < 18 ? 6 : 12),
    probes: [{ age: 10 }, { age: 70 }, { age: 40 }],
  },
};

/**
 * Still failing after round 30a, published wrong before it too (the description states no answer
 * for them, so stated-ordinary.ts leaves them as they were): a stated "else 7" against examples
 * that say 9 is published as the examples' 9 (`basket + (7 + (2 - basket))`), and with no ordinary
 * answer stated a program of coincidental arithmetic (`${age} `.indexOf(" ") * 6) gives 12 for age 10.
 */
const OPEN = new Set<string>(["elseDiffers", "notStated"]);

for (const [title, list] of [["plain tasks, published within six answers", PLAIN], ["hostile: the examples' constant is not the stated answer", HOSTILE]] as const) {
  describe(title, () => {
    for (const [key, a] of Object.entries(list)) {
      if (OPEN.has(key)) it.fails(`OPEN: ${key} — ${a.description}`, () => keepsPromise(a), ANSWERED_MS);
      else it(`round 30a: ${key} — ${a.description}`, () => keepsPromise(a), ANSWERED_MS);
    }
  });
}
