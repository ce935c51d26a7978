/**
 * The attacks on rounds 30a, 30b and 30c (attack-round30.test.ts runs them): plain tasks the
 * liveness work of 30a claims to publish (other wordings of "C when F above N, else D", "base, plus r
 * for each unit over N", "held between A and B", "N or more", negative bounds, two rates, ages) and
 * the stated ordinary answer it trusts where it is not the ordinary answer; numbers as people write
 * them (30b) where a mark is no thousands, a k is no thousand or a code no currency; and a test of the
 * letters' case (30c) where the description has a case word about something else, or where an
 * example with no letters at all counts as "already in that case". Specs invented here, none copied
 * from a set under tests/fixtures/specs.
 */
import type { Attack } from "./attack-round28-variants.ts";
import type { In } from "./stated-attacks.ts";

const NUMBER_OR_NULL = { anyOf: [{ type: "number" }, { type: "null" }] };
const over = (x: number, n: number): number => Math.max(0, x - n);
const lines = (t: string): string[] => t.split(/\r?\n/);

// ---------------------------------------------------------------------------------------------
// 30a: plain tasks, other wordings (simple: asking forever is a break).
// ---------------------------------------------------------------------------------------------

export const PLAIN: Record<string, Attack> = {
  exceedsElse: {
    name: "rush_fee",
    description: "Rush fee: 15 if the distance exceeds 40, otherwise 6.",
    examples: [[{ distance: 10 }, 6], [{ distance: 70 }, 15]],
    person: (i) => (i.distance > 40 ? 15 : 6),
    probes: [{ distance: 40 }, { distance: 41 }, { distance: 0 }],
    simple: true,
  },
  orMoreAge: {
    name: "museum_ticket",
    description: "Museum ticket: 14; 9 when the age is 65 or more.",
    examples: [[{ age: 30 }, 14], [{ age: 70 }, 9]],
    person: (i) => (i.age >= 65 ? 9 : 14),
    probes: [{ age: 65 }, { age: 64 }, { age: 5 }],
    simple: true,
  },
  plusAge: {
    name: "pool_entry",
    description: "Pool entry: 6, or 4 for people aged 60+.",
    examples: [[{ age: 20 }, 6], [{ age: 75 }, 4]],
    person: (i) => (i.age >= 60 ? 4 : 6),
    probes: [{ age: 60 }, { age: 59 }, { age: 90 }],
    simple: true,
  },
  negativeBound: {
    name: "frost_alert",
    description: "Alert level: 3 when the temperature is below -10, else 1.",
    examples: [[{ temperature: 5 }, 1], [{ temperature: -20 }, 3]],
    person: (i) => (i.temperature < -10 ? 3 : 1),
    probes: [{ temperature: -10 }, { temperature: -11 }, { temperature: -5 }],
    simple: true,
  },
  beyondRate: {
    name: "baggage_fee",
    description: "Baggage: 30, plus 8 for every kg beyond 23.",
    examples: [[{ kg: 10 }, 30], [{ kg: 20 }, 30]],
    person: (i) => 30 + 8 * over(i.kg, 23),
    probes: [{ kg: 25 }, { kg: 23 }, { kg: 30 }],
    simple: true,
  },
  inExcessRate: {
    name: "water_bill",
    description: "Water bill: 12, plus 3 per m3 in excess of 20.",
    examples: [[{ m3: 5 }, 12], [{ m3: 15 }, 12]],
    person: (i) => 12 + 3 * over(i.m3, 20),
    probes: [{ m3: 22 }, { m3: 20 }, { m3: 40 }],
    simple: true,
  },
  keptWithin: {
    name: "fan_speed",
    description: "Fan output: 3 × level, the level kept between 2 and 8.",
    examples: [[{ level: 4 }, 12], [{ level: 6 }, 18]],
    person: (i) => 3 * Math.min(8, Math.max(2, i.level)),
    probes: [{ level: 10 }, { level: 1 }, { level: 5 }],
    simple: true,
  },
  twoRates: {
    name: "cab_fare",
    description: "Fare: 2 per km for the first 10 km, then 1 per km.",
    examples: [[{ km: 4 }, 8], [{ km: 15 }, 25]],
    person: (i) => 2 * Math.min(i.km, 10) + over(i.km, 10),
    probes: [{ km: 10 }, { km: 30 }, { km: 1 }],
    simple: true,
  },
  atLeastElse: {
    name: "loyalty_bonus",
    description: "Bonus: 50 when the visits are at least 10, else 0.",
    examples: [[{ visits: 3 }, 0], [{ visits: 12 }, 50]],
    person: (i) => (i.visits >= 10 ? 50 : 0),
    probes: [{ visits: 10 }, { visits: 9 }, { visits: 40 }],
    simple: true,
  },
  andUp: {
    name: "cinema_ticket",
    description: "Cinema ticket: 8; 12 for ages 18 and up.",
    examples: [[{ age: 10 }, 8], [{ age: 30 }, 12]],
    person: (i) => (i.age >= 18 ? 12 : 8),
    probes: [{ age: 18 }, { age: 17 }, { age: 60 }],
    simple: true,
  },
  noMoreThan: {
    name: "small_basket_fee",
    description: "Handling: 2 when the items are no more than 3, else 0.",
    examples: [[{ items: 1 }, 2], [{ items: 9 }, 0]],
    person: (i) => (i.items <= 3 ? 2 : 0),
    probes: [{ items: 3 }, { items: 4 }, { items: 0 }],
    simple: true,
  },
  pastRate: {
    name: "storage_fee",
    description: "Storage: 10, plus 2 per day past 30.",
    examples: [[{ days: 5 }, 10], [{ days: 20 }, 10]],
    person: (i) => 10 + 2 * over(i.days, 30),
    probes: [{ days: 31 }, { days: 30 }, { days: 40 }],
    simple: true,
  },
  // Two rates again, by kWh.
  twoRatesKwh: {
    name: "power_bill",
    description: "Power bill: 0.2 per kWh up to 100 kWh, then 0.3 per kWh.",
    examples: [[{ kwh: 50 }, 10], [{ kwh: 200 }, 50]],
    person: (i) => 0.2 * Math.min(i.kwh, 100) + 0.3 * over(i.kwh, 100),
    probes: [{ kwh: 100 }, { kwh: 150 }, { kwh: 10 }],
    // Not `simple`, though plain: alone it was published right after five answers, by a formula of
    // coincidence (`round(kwh × 0.3 × 100) / 100 − 0.2 × min(kwh, 100) / 2`); beside the rest of the
    // file under load it was still asking after six (the search's budget is CPU time). Same cause as twoRates.
  },
  underElse: {
    name: "kid_meal",
    description: "Meal price: 5 for guests under 12, otherwise 11.",
    examples: [[{ age: 8 }, 5], [{ age: 40 }, 11]],
    person: (i) => (i.age < 12 ? 5 : 11),
    probes: [{ age: 12 }, { age: 11 }, { age: 70 }],
    simple: true,
  },
};

// ---------------------------------------------------------------------------------------------
// 30a: a stated constant trusted as the ordinary answer where the description says more.
// ---------------------------------------------------------------------------------------------

export const ORDINARY: Record<string, Attack> = {
  // The ordinary 7 is per item: the label says so, and the examples have one item each.
  perItemLabel: {
    name: "delivery_total",
    description: "Delivery, per item ordered: 0 when the basket is above 50, else 7.",
    examples: [[{ basket: 80, items: 1 }, 0], [{ basket: 20, items: 1 }, 7], [{ basket: 30, items: 1 }, 7]],
    person: (i) => (i.basket > 50 ? 0 : 7 * i.items),
    probes: [{ basket: 20, items: 3 }, { basket: 60, items: 2 }],
  },
  // A second condition joined with "and": members alone get 0 above 50.
  andCondition: {
    name: "member_shipping",
    description: "Shipping: 0 when the basket is above 50 and the buyer is a member, else 6.",
    examples: [[{ basket: 80, member: true }, 0], [{ basket: 20, member: true }, 6], [{ basket: 90, member: false }, 6]],
    person: (i) => (i.basket > 50 && i.member ? 0 : 6),
    probes: [{ basket: 100, member: false }, { basket: 60, member: true }, { basket: 10, member: false }],
  },
  // "unless" states an exception after the ordinary answer.
  unlessException: {
    name: "entry_fee",
    description: "Entry: 10; 0 when the age is under 5, unless on event days.",
    examples: [[{ age: 30, event: false }, 10], [{ age: 3, event: false }, 0], [{ age: 40, event: true }, 10]],
    person: (i) => (i.age < 5 && !i.event ? 0 : 10),
    probes: [{ age: 3, event: true }, { age: 2, event: false }, { age: 20, event: true }],
  },
  // The ordinary answer is in thousands (the label): 4 is 4000.
  thousandsLabel: {
    name: "bonus_pay",
    description: "Bonus (in euros, thousands): 0 when the rating is below 3, else 4.",
    examples: [[{ rating: 1 }, 0], [{ rating: 2 }, 0], [{ rating: 4 }, 4000]],
    person: (i) => (i.rating < 3 ? 0 : 4000),
    probes: [{ rating: 5 }, { rating: 3 }, { rating: 0 }],
  },
  // The else answer is a field's number: "else 7 per guest" written as "else 7 a head".
  aHead: {
    name: "party_catering",
    description: "Catering: 0 when the guests are over 100, else 7 a head.",
    examples: [[{ guests: 150 }, 0], [{ guests: 1 }, 7], [{ guests: 1 }, 7]],
    person: (i) => (i.guests > 100 ? 0 : 7 * i.guests),
    probes: [{ guests: 10 }, { guests: 50 }, { guests: 200 }],
  },
  // "Hourly": the 3 is per hour, every example an hour long.
  hourlyLabel: {
    name: "parking_charge",
    description: "Hourly parking: 0 when the hours are below 1, else 3.",
    examples: [[{ hours: 0.5 }, 0], [{ hours: 1 }, 3], [{ hours: 1 }, 3]],
    person: (i) => (i.hours < 1 ? 0 : 3 * i.hours),
    probes: [{ hours: 2 }, { hours: 4 }, { hours: 0.2 }],
  },
  // "Daily": 25 a day, every example a day long.
  dailyLabel: {
    name: "bike_rental",
    description: "Daily rental: 0 when the days are below 1, else 25.",
    examples: [[{ days: 0.5 }, 0], [{ days: 1 }, 25], [{ days: 1 }, 25]],
    person: (i) => (i.days < 1 ? 0 : 25 * i.days),
    probes: [{ days: 3 }, { days: 0.5 }],
  },
  // "15%" of the bill, which is 15 on the examples' bill of 100.
  percentElse: {
    name: "service_tip",
    description: "Tip: 0 when the bill is below 10, else 15%.",
    examples: [[{ bill: 5 }, 0], [{ bill: 100 }, 15], [{ bill: 100 }, 15]],
    person: (i) => (i.bill < 10 ? 0 : 0.15 * i.bill),
    probes: [{ bill: 40 }, { bill: 200 }, { bill: 8 }],
  },
  // "or the buyer is a member": members pay 0 whatever the basket.
  orMember: {
    name: "member_delivery",
    description: "Delivery: 0 when the basket is above 50 or the buyer is a member, else 7.",
    examples: [[{ basket: 80, member: false }, 0], [{ basket: 20, member: false }, 7], [{ basket: 30, member: false }, 7]],
    person: (i) => (i.basket > 50 || i.member ? 0 : 7),
    probes: [{ basket: 20, member: true }, { basket: 10, member: false }],
  },
  // A second sentence halves it: not one number alone.
  halvedSentence: {
    name: "gym_fee",
    description: "Gym fee: 0 when the visits are over 20; otherwise 30. Students pay half",
    examples: [[{ visits: 25, student: false }, 0], [{ visits: 5, student: false }, 30], [{ visits: 8, student: false }, 30]],
    person: (i) => (i.visits > 20 ? 0 : i.student ? 15 : 30),
    probes: [{ visits: 5, student: true }, { visits: 10, student: false }],
  },
};

// ---------------------------------------------------------------------------------------------
// 30b: marks beside numbers that are no thousands, no currency, no k.
// ---------------------------------------------------------------------------------------------

export const MARKS: Record<string, Attack> = {
  // "18k" is gold purity (karat), not 18 000.
  karatGold: {
    name: "gold_price",
    description: "Price: 50 × grams; null when the purity is below 18k.",
    examples: [[{ grams: 2, purity: 22 }, 100], [{ grams: 3, purity: 18 }, 150], [{ grams: 1, purity: 24 }, 50]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.purity < 18 ? null : 50 * i.grams),
    probes: [{ grams: 2, purity: 14 }, { grams: 2, purity: 20 }, { grams: 1, purity: 9 }],
  },
  // "5K" is a race distance (km), not 5000.
  raceDistance: {
    name: "race_entry",
    description: "Race entry: 25 when the distance is over 5K, else 12.",
    examples: [[{ distance: 3 }, 12], [{ distance: 10 }, 25], [{ distance: 42 }, 25]],
    person: (i) => (i.distance > 5 ? 25 : 12),
    probes: [{ distance: 6 }, { distance: 5 }, { distance: 4 }],
  },
  // "300K" is kelvin, not 300 000.
  kelvin: {
    name: "overheat_alarm",
    description: "Alarm: true when the temperature is above 300K, else false.",
    examples: [[{ temperature: 310 }, true], [{ temperature: 290 }, false], [{ temperature: 350 }, true]],
    person: (i) => i.temperature > 300,
    probes: [{ temperature: 305 }, { temperature: 300 }, { temperature: 295 }],
  },
  // "3M" is a brand, no number of the task.
  brandName: {
    name: "tape_cost",
    description: "Tape (3M brand): 2 × rolls; 0 when the rolls are over 50.",
    examples: [[{ rolls: 10 }, 20], [{ rolls: 60 }, 0], [{ rolls: 4 }, 8]],
    person: (i) => (i.rolls > 50 ? 0 : 2 * i.rolls),
    probes: [{ rolls: 50 }, { rolls: 51 }, { rolls: 1 }],
    simple: true,
  },
  // "9k" gold again, the guard on an amount past it.
  karatSurcharge: {
    name: "ring_price",
    description: "Ring: 40 × grams, plus 100 when the purity is over 14k.",
    examples: [[{ grams: 2, purity: 18 }, 180], [{ grams: 3, purity: 22 }, 220], [{ grams: 1, purity: 24 }, 140]],
    person: (i) => 40 * i.grams + (i.purity > 14 ? 100 : 0),
    probes: [{ grams: 2, purity: 10 }, { grams: 2, purity: 14 }, { grams: 1, purity: 15 }],
  },
  // "2M" is two metres here (the length field is in metres).
  metresM: {
    name: "cable_cost",
    description: "Cable: 4 × length; null when the length is over 2M.",
    examples: [[{ length: 1 }, 4], [{ length: 1.5 }, 6]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.length > 2 ? null : 4 * i.length),
    probes: [{ length: 3 }, { length: 2 }, { length: 0.5 }],
  },
  // A feet-and-inches height "4'6" (54 inches): the apostrophe is no thousands mark.
  feetInches: {
    name: "ride_height",
    description: "Allowed: true when the height in inches is at least 4'6, else false.",
    examples: [[{ height: 60 }, true], [{ height: 40 }, false], [{ height: 70 }, true]],
    person: (i) => i.height >= 54,
    probes: [{ height: 50 }, { height: 54 }, { height: 47 }],
  },
  // A field named like a currency code: "CAD" is a field, "2 CAD" is 2 times it? No: the total adds.
  codeFieldName: {
    name: "fx_total",
    description: "Total: USD + 3 × GBP; 0 when USD is below 100.",
    examples: [[{ USD: 200, GBP: 10 }, 230], [{ USD: 150, GBP: 0 }, 150], [{ USD: 50, GBP: 5 }, 0]],
    person: (i) => (i.USD < 100 ? 0 : i.USD + 3 * i.GBP),
    probes: [{ USD: 99, GBP: 10 }, { USD: 100, GBP: 1 }, { USD: 120, GBP: 4 }],
  },
  // A version number "2.5M" is a model name; the bound is the 300 after it.
  modelName: {
    name: "device_fee",
    description: "Repair fee for the X2 line: 40; 25 when the hours are below 300.",
    examples: [[{ hours: 500 }, 40], [{ hours: 100 }, 25], [{ hours: 900 }, 40]],
    person: (i) => (i.hours < 300 ? 25 : 40),
    probes: [{ hours: 299 }, { hours: 300 }, { hours: 2 }],
  },
  // A lower-case currency code before the number: "usd 1,000" is a thousand or one; asked or settled.
  lowerCaseCode: {
    name: "wire_fee",
    description: "Wire fee: 0.01 × amount; 15 when the amount is below usd 1,000.",
    examples: [[{ amount: 5000 }, 50], [{ amount: 3000 }, 30], [{ amount: 200 }, 15]],
    person: (i) => (i.amount < 1000 ? 15 : 0.01 * i.amount),
    probes: [{ amount: 900 }, { amount: 1000 }, { amount: 1500 }],
  },
  // A phone-like number in prose, no-break spaced: no bound.
  phoneNbsp: {
    name: "callback_fee",
    description: "Callback fee (hotline 0800\u00a0123\u00a0456): 2 × minutes.",
    examples: [[{ minutes: 3 }, 6], [{ minutes: 10 }, 20]],
    person: (i) => 2 * i.minutes,
    probes: [{ minutes: 0 }, { minutes: 130 }, { minutes: 500 }],
    simple: true,
  },
  // "1,5 %" with a rate after a comma list: "0,5 % of the first 1.000" and more.
  commaDecimalFactor: {
    name: "card_fee",
    description: "Card fee: amount × 2,5 %.",
    examples: [[{ amount: 100 }, 2.5], [{ amount: 40 }, 1]],
    person: (i) => i.amount * 0.025,
    probes: [{ amount: 1000 }, { amount: 3 }],
    simple: true,
  },
  // "10k" written apart from a currency sign after it: "10k €".
  kiloEuroAfter: {
    name: "savings_bonus",
    description: "Bonus: 0 when the savings are below 10k €, else 0.02 × savings.",
    examples: [[{ savings: 20000 }, 400], [{ savings: 50000 }, 1000]],
    person: (i) => (i.savings < 10000 ? 0 : 0.02 * i.savings),
    probes: [{ savings: 5000 }, { savings: 10000 }, { savings: 12000 }],
  },
  // An id with a thin space: "batch 12\u2009345" is no bound; the bound is 40.
  idThinSpace: {
    name: "batch_flag",
    description: "Flag (see batch 12\u2009345): true when the temperature is over 40, else false.",
    examples: [[{ temperature: 50 }, true], [{ temperature: 20 }, false], [{ temperature: 45 }, true]],
    person: (i) => i.temperature > 40,
    probes: [{ temperature: 40 }, { temperature: 41 }, { temperature: 35 }],
    simple: true,
  },
  // A negative amount with the sign before the currency: "-$50".
  negativeDollar: {
    name: "overdraft_flag",
    description: "Overdraft fee: 25 when the balance is below -$50, else 0.",
    examples: [[{ balance: 100 }, 0], [{ balance: -200 }, 25], [{ balance: -10 }, 0]],
    person: (i) => (i.balance < -50 ? 25 : 0),
    probes: [{ balance: -60 }, { balance: -50 }, { balance: -40 }],
  },
  // Indian grouping in a price with the rupee sign after it.
  lakhRupeeAfter: {
    name: "gst_slab",
    description: "Tax: 0.05 × price; 0.12 × price when the price is above 1,00,000 ₹.",
    examples: [[{ price: 50000 }, 2500], [{ price: 200000 }, 24000]],
    person: (i) => (i.price > 100000 ? 0.12 * i.price : 0.05 * i.price),
    probes: [{ price: 100000 }, { price: 150000 }, { price: 99000 }],
    simple: true,
  },
};

// ---------------------------------------------------------------------------------------------
// 30c: a test of case past the doubt.
// ---------------------------------------------------------------------------------------------

export const CASES: Record<string, Attack> = {
  // A case word about something else ("in any case"): the doubt is skipped.
  inAnyCase: {
    name: "bullet_lines",
    description: "Each line that isn't blank, trimmed, becomes \"* \" and the line; in any case blank lines are dropped; joined with \\n.",
    examples: [[{ text: "milk\neggs\nbread" }, "* milk\n* eggs\n* bread"], [{ text: "Call mum\n\nPay rent\n" }, "* Call mum\n* Pay rent"]],
    person: (i: In) => lines(i.text).filter((l) => l.trim() !== "").map((l) => `* ${l.trim()}`).join("\n"),
    probes: [{ text: "1\n2\n\n3" }, { text: "TODO\nok" }, { text: "a\n  \nb" }],
  },
  // "upper" about a number (an upper limit), not about letters.
  upperLimit: {
    name: "names_kept",
    description: "The names that are not empty, in order, up to an upper limit of 10 names.",
    examples: [[{ names: ["Ann", "", "Bob"] }, ["Ann", "Bob"]], [{ names: ["", "cleo"] }, ["cleo"]]],
    person: (i: In) => (i.names as string[]).filter((n) => n !== "").slice(0, 10),
    probes: [{ names: ["AL", "", "Bo"] }, { names: ["42", "x"] }, { names: [] }],
  },
  // "lower" about a position in the list.
  lowerRows: {
    name: "rows_kept",
    description: "The rows that are not empty; lower rows stay after the ones above them.",
    examples: [[{ rows: ["Red", "", "blue"] }, ["Red", "blue"]], [{ rows: ["", "Green tea"] }, ["Green tea"]]],
    person: (i: In) => (i.rows as string[]).filter((n) => n !== ""),
    probes: [{ rows: ["OK", "", "NO"] }, { rows: ["7", ""] }],
  },
  // "capital" about money.
  capitalWord: {
    name: "fund_names",
    description: "The fund names that are not empty (each fund holds capital).",
    examples: [[{ funds: ["Alpha", "", "beta"] }, ["Alpha", "beta"]], [{ funds: ["", "Gamma Growth"] }, ["Gamma Growth"]]],
    person: (i: In) => (i.funds as string[]).filter((n) => n !== ""),
    probes: [{ funds: ["ABC", ""] }, { funds: ["2030", "x"] }],
  },
  // An example of blanks only is "already in capitals" (it has no letters): the doubt is skipped.
  blankExample: {
    name: "names_given",
    description: "The names that are not empty, in order.",
    examples: [[{ names: ["Ann", "", "Bob"] }, ["Ann", "Bob"]], [{ names: ["", "cleo"] }, ["cleo"]], [{ names: ["", ""] }, []]],
    person: (i: In) => (i.names as string[]).filter((n) => n !== ""),
    probes: [{ names: ["AL", "", "Bo"] }, { names: ["42", "x"] }, { names: [] }],
  },
  // An empty text is "already in capitals": the bullet list's doubt is skipped.
  emptyTextExample: {
    name: "bullet_lines",
    description: "Each line that isn't blank, trimmed, becomes \"* \" and the line; blank lines are dropped; joined with \\n.",
    examples: [[{ text: "milk\neggs\nbread" }, "* milk\n* eggs\n* bread"], [{ text: "Call mum\n\nPay rent\n" }, "* Call mum\n* Pay rent"], [{ text: "" }, ""]],
    person: (i: In) => lines(i.text).filter((l) => l.trim() !== "").map((l) => `* ${l.trim()}`).join("\n"),
    probes: [{ text: "1\n2\n\n3" }, { text: "TODO\nok" }, { text: "a\n  \nb" }],
  },
  // Whitespace-only text has no letters either: "already in capitals", the doubt skipped.
  blankTextExample: {
    name: "dash_lines",
    description: "Each line that has text on it becomes \"- \" and the line, trimmed; joined with \\n.",
    examples: [[{ text: "tea\ncoffee" }, "- tea\n- coffee"], [{ text: "Buy bread\n\nCall Jo" }, "- Buy bread\n- Call Jo"], [{ text: "  \n" }, ""]],
    person: (i: In) => lines(i.text).filter((l) => l.trim() !== "").map((l) => `- ${l.trim()}`).join("\n"),
    probes: [{ text: "10\n20" }, { text: "ASAP\nlater" }],
  },
  // Tokens of punctuation only: "already in capitals", and "has a lower-case letter" stands for "has a letter".
  punctuationExample: {
    name: "worded_tokens",
    description: "How many of the tokens have at least one letter in them.",
    examples: [[{ tokens: ["abc", "123", "x9"] }, 2], [{ tokens: ["--", "hello"] }, 1], [{ tokens: ["--", "!!"] }, 0]],
    person: (i: In) => (i.tokens as string[]).filter((t) => /\p{L}/u.test(t)).length,
    probes: [{ tokens: ["ABC", "1"] }, { tokens: ["Q", "q", "7"] }],
  },
  // A count of words, examples all in lower-case: "is lower-cased" fits.
  wordCountLower: {
    name: "word_count",
    description: "How many of the items are words (not empty), in any case the count only.",
    examples: [[{ items: ["cat", "", "dog"] }, 2], [{ items: ["", "sun"] }, 1]],
    person: (i: In) => (i.items as string[]).filter((n) => n !== "").length,
    probes: [{ items: ["CAT", "Dog"] }, { items: ["1", "2", ""] }],
  },
  // Another form: the first letter compared with its capital (a capital initial), the case unspoken.
  initialCapital: {
    name: "proper_names",
    description: "The entries that are names, in order.",
    examples: [[{ entries: ["Ann", "", "Bob"] }, ["Ann", "Bob"]], [{ entries: ["", "Cleo"] }, ["Cleo"]]],
    person: (i: In) => (i.entries as string[]).filter((n) => n !== ""),
    probes: [{ entries: ["ann", "bob"] }, { entries: ["x", ""] }],
  },
};

// ---------------------------------------------------------------------------------------------
// Controls: plain specs that must publish right within six answers.
// ---------------------------------------------------------------------------------------------

export const CONTROLS: Record<string, Attack> = {
  aboveElse: {
    name: "free_shipping",
    description: "Shipping: 0 when the basket is above 60, else 5.",
    examples: [[{ basket: 20 }, 5], [{ basket: 90 }, 0]],
    person: (i) => (i.basket > 60 ? 0 : 5),
    probes: [{ basket: 60 }, { basket: 61 }, { basket: 0 }],
    simple: true,
  },
  overRate: {
    name: "late_fee",
    description: "Late fee: 4, plus 1 for each day over 10.",
    examples: [[{ days: 3 }, 4], [{ days: 8 }, 4]],
    person: (i) => 4 + over(i.days, 10),
    probes: [{ days: 12 }, { days: 10 }],
    simple: true,
  },
  apostropheBound: {
    name: "bulk_post",
    description: "Postage: 4 + 0.02 × weight; null when the weight is over 2'000.",
    examples: [[{ weight: 100 }, 6], [{ weight: 500 }, 14]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.weight > 2000 ? null : 4 + 0.02 * i.weight),
    probes: [{ weight: 2500 }, { weight: 2000 }],
    simple: true,
  },
  kiloBound: {
    name: "luxury_levy",
    description: "Levy: 0 when the price is below 50k, else 0.1 × price.",
    examples: [[{ price: 80000 }, 8000], [{ price: 100000 }, 10000]],
    person: (i) => (i.price < 50000 ? 0 : 0.1 * i.price),
    probes: [{ price: 40000 }, { price: 50000 }],
    simple: true,
  },
  dollarBound: {
    name: "small_order_fee",
    description: "Fee: 3 when the total is below $20, else 0.",
    examples: [[{ total: 10 }, 3], [{ total: 50 }, 0]],
    person: (i) => (i.total < 20 ? 3 : 0),
    probes: [{ total: 20 }, { total: 19 }],
    simple: true,
  },
  shoutingSpoken: {
    name: "is_shouting",
    description: "True when the message is all in upper case.",
    examples: [[{ message: "HEY YOU" }, true], [{ message: "Hey you" }, false], [{ message: "fine" }, false]],
    person: (i) => (i.message as string) === (i.message as string).toUpperCase(),
    probes: [{ message: "OK" }, { message: "ok" }],
  },
  ageOver: {
    name: "bus_ticket",
    description: "Bus ticket: 3; 1.5 when the age is over 65.",
    examples: [[{ age: 30 }, 3], [{ age: 80 }, 1.5]],
    person: (i) => (i.age > 65 ? 1.5 : 3),
    probes: [{ age: 65 }, { age: 66 }],
    simple: true,
  },
};
