/**
 * Attack on stop 53 (a definition rounded by the clause after it, "the rounded amounts are added up",
 * a stated null beside number answers): 30 specs a subagent wrote against the change, the breaks
 * and controls kept here. Specs invented for the attack, none from a set under tests/fixtures/specs.
 * STOP53_ATTACK_TRACE=1 prints what the backend asked and published.
 *
 * Standing after the mends (each a `BREAK` until it holds):
 * - Held since the attack: the stated places settle the rounding of a rounded definition (a reading
 *   rounding it to 1 place was asked first, or chosen); the rounded things added over a plain list,
 *   a mean, or a sum inside more arithmetic; a null for an empty list that a program answering there
 *   (a sum gives 0) no longer asks about.
 * - Open (`BREAK`): the sum of rounded points beside the sum of prices (the search's program is no
 *   sum of the rounded things), three fields of an object rounded and added, a stated null for an
 *   empty list whose answers are lists, and "no id gives null" of a text field. These publish wrong
 *   in silence, as they did before stop 53.
 * - taxUnused, a definition no formula uses ("the tax is 8%, rounded …; the answer is price ×
 *   quantity"), asks seven questions and publishes nothing: the search rounds the answer as the
 *   words round the tax, and asks about the unused 8. It keeps the promise, at a cost.
 */
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { attackSuite, keepsStatedPromise } from "./stated-attacks.ts";
import type { StatedAttack } from "./stated-attacks.ts";

const backend = createExampleBackend();
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const r2 = (x: number): number => Math.round(x * 100) / 100;

const ATTACKS: Record<string, StatedAttack> = {
  // ---- a definition rounded by the clause after it ----
  discountRounded: {
    name: "discount_rounded_then_sub",
    description: "The discount is the price times 0.15, rounded to 2 decimal places; the answer is the price minus the discount.",
    examples: [[{ price: 20 }, 17], [{ price: 10 }, 8.5], [{ price: 40 }, 34]],
    person: (i) => r2(i.price - r2(i.price * 0.15)),
    probes: [{ price: 3.33 }, { price: 0.1 }],
  },
  twoDefsRounded: {
    name: "two_defs_rounded",
    description: "The unit price is the pack price divided by the pack size, rounded to 2 decimal places; the discount is the unit price times 0.15, rounded to 2 decimal places; the answer is the unit price minus the discount.",
    examples: [[{ packPrice: 20, packSize: 4 }, 4.25], [{ packPrice: 40, packSize: 2 }, 17], [{ packPrice: 6, packSize: 3 }, 1.7]],
    person: (i) => {
      const unit = r2(i.packPrice / i.packSize);
      return r2(unit - r2(unit * 0.15));
    },
    probes: [{ packPrice: 10, packSize: 3 }, { packPrice: 7, packSize: 6 }],
  },
  bothRounded: {
    name: "both_rounded",
    description: "The unit price is the pack price divided by the pack size, rounded to 2 decimal places; the answer is the unit price times the quantity, rounded to 2 decimal places.",
    examples: [[{ packPrice: 20, packSize: 4, quantity: 3 }, 15], [{ packPrice: 9, packSize: 3, quantity: 2 }, 6], [{ packPrice: 5, packSize: 2, quantity: 4 }, 10]],
    person: (i) => r2(r2(i.packPrice / i.packSize) * i.quantity),
    probes: [{ packPrice: 10, packSize: 3, quantity: 7 }, { packPrice: 1, packSize: 3, quantity: 9 }],
    settled: () => true,
  },
  hourlyRate: {
    name: "hourly_rate_rounded",
    description: "The hourly rate is the yearly salary divided by 2080, rounded to the nearest cent; the answer is the hourly rate times the hours worked.",
    examples: [[{ yearlySalary: 20800, hoursWorked: 3 }, 30], [{ yearlySalary: 41600, hoursWorked: 2 }, 40], [{ yearlySalary: 2080, hoursWorked: 5 }, 5]],
    person: (i) => r2(r2(i.yearlySalary / 2080) * i.hoursWorked),
    probes: [{ yearlySalary: 50000, hoursWorked: 10 }],
    settled: () => true,
  },
  // Controls: the definition is the answer, or its rounding the only one.
  ctlAverageSpeed: {
    name: "avg_speed_ctrl",
    description: "The average speed is the distance divided by the time, rounded to 1 decimal place.",
    examples: [[{ distance: 100, time: 2 }, 50], [{ distance: 30, time: 4 }, 7.5], [{ distance: 9, time: 3 }, 3]],
    person: (i) => Math.round((i.distance / i.time) * 10) / 10,
    probes: [{ distance: 10, time: 3 }],
  },
  ctlPercentThenTenth: {
    name: "pct_whole",
    description: "The percentage is the part divided by the whole times 100, rounded to the nearest whole number. The answer is the percentage divided by 10.",
    examples: [[{ part: 1, whole: 2 }, 5], [{ part: 3, whole: 4 }, 7.5], [{ part: 1, whole: 5 }, 2]],
    person: (i) => Math.round((i.part / i.whole) * 100) / 10,
    probes: [{ part: 1, whole: 3 }],
  },
  // A definition no formula uses: its rounding is no rounding of the answer.
  taxUnused: {
    name: "tax_unused",
    description: "The tax is 8% of the price, rounded to the nearest cent. The answer is the price times the quantity.",
    examples: [[{ price: 2, quantity: 3 }, 6], [{ price: 1.5, quantity: 2 }, 3], [{ price: 10, quantity: 1 }, 10]],
    person: (i) => i.price * i.quantity,
    probes: [{ price: 0.125, quantity: 3 }],
  },
  // ---- the rounded things added ----
  plainListRounded: {
    name: "prices_2dp_plain_list",
    description: "Each price is rounded to 2 decimal places, and the rounded prices are added up.",
    examples: [[{ prices: [1.5, 2] }, 3.5], [{ prices: [0.25, 0.25] }, 0.5], [{ prices: [3] }, 3]],
    person: (i) => r2(sum(i.prices.map(r2))),
    probes: [{ prices: [0.125, 0.125, 0.125] }],
    settled: () => true,
  },
  wholeKilograms: {
    name: "rounded_weights_sum_whole",
    description: "The shipping weight: each parcel's weight is rounded to the nearest whole kilogram and the rounded weights are added up.",
    examples: [[{ weights: [1, 2] }, 3], [{ weights: [4] }, 4], [{ weights: [2, 2, 3] }, 7]],
    person: (i) => sum(i.weights.map(Math.round)),
    probes: [{ weights: [1.4, 1.4] }],
    settled: () => true,
  },
  sumThenTimes: {
    name: "sum_rounded_then_tax",
    description: "Each line amount is rounded to 2 decimal places, and the sum of the rounded amounts is multiplied by 1.1.",
    examples: [[{ amounts: [10, 20] }, 33], [{ amounts: [5] }, 5.5], [{ amounts: [1, 2, 7] }, 11]],
    person: (i) => sum(i.amounts.map(r2)) * 1.1,
    probes: [{ amounts: [0.125, 0.125] }],
    settled: () => true,
  },
  meanOfRounded: {
    name: "mean_of_rounded",
    description: "Each score is rounded to the nearest whole number, and the rounded scores are added up and divided by the number of scores.",
    examples: [[{ scores: [2, 4] }, 3], [{ scores: [5] }, 5], [{ scores: [1, 2, 6] }, 3]],
    person: (i) => sum(i.scores.map(Math.round)) / i.scores.length,
    probes: [{ scores: [1.5, 2.5] }, { scores: [1.4, 1.4] }],
  },
  pointsBesidePrices: {
    name: "points_sum_rounded",
    description: "Each price earns points equal to the price divided by 10, rounded to the nearest whole number; the answer is the sum of the prices plus the sum of the rounded points.",
    examples: [[{ prices: [10, 20] }, 33], [{ prices: [50] }, 55], [{ prices: [30, 40] }, 77]],
    person: (i) => sum(i.prices) + sum(i.prices.map((p: number) => Math.round(p / 10))),
    probes: [{ prices: [12.5] }, { prices: [4, 4] }],
  },
  objectFeesRounded: {
    name: "fees_object_rounded_added",
    description: "Each of the three fees is rounded to the nearest cent, and the rounded fees are added up.",
    examples: [[{ feeA: 1.5, feeB: 2, feeC: 0.25 }, 3.75], [{ feeA: 1, feeB: 1, feeC: 1 }, 3], [{ feeA: 0.5, feeB: 0, feeC: 2 }, 2.5]],
    person: (i) => r2(r2(i.feeA) + r2(i.feeB) + r2(i.feeC)),
    probes: [{ feeA: 0.125, feeB: 0.125, feeC: 0.125 }],
  },
  // Controls: the total rounded once.
  ctlNotSumOfRounded: {
    name: "not_sum_of_rounded",
    description: "The total of the prices, rounded to 2 decimal places once at the end (not the sum of the rounded prices).",
    examples: [[{ prices: [1.5, 2] }, 3.5], [{ prices: [0.25, 0.25] }, 0.5], [{ prices: [3] }, 3]],
    person: (i) => r2(sum(i.prices)),
    probes: [{ prices: [0.125, 0.125, 0.125] }],
  },
  ctlRoundedTotalAdded: {
    name: "rounded_total_added_elsewhere",
    description: "The charges are summed and the total is rounded to 2 decimal places; the rounded total is then added to the customer's bill by the billing service.",
    examples: [[{ charges: [1.5, 2] }, 3.5], [{ charges: [0.25, 0.25] }, 0.5], [{ charges: [3] }, 3]],
    person: (i) => r2(sum(i.charges)),
    probes: [{ charges: [0.125, 0.125, 0.125] }],
  },
  // ---- null for an empty list ----
  countsAsZero: {
    name: "day_no_readings_counts_zero",
    description: "Total rainfall: the sum of the daily amounts. A day with no readings gives null in the sensor feed and counts as 0 here.",
    examples: [[{ amounts: [1, 2] }, 3], [{ amounts: [4] }, 4], [{ amounts: [0.5, 0.5, 2] }, 3]],
    person: (i) => sum(i.amounts),
    probes: [{ amounts: [] }],
    settled: (i) => i.amounts.length === 0,
  },
  longestOrNull: {
    name: "text_longest_null",
    description: "The longest name; no names gives null.",
    examples: [[{ names: ["ann", "bobby"] }, "bobby"], [{ names: ["x"] }, "x"], [{ names: ["cat", "mouse", "ox"] }, "mouse"]],
    person: (i) => (i.names.length === 0 ? null : i.names.reduce((a: string, b: string) => (b.length > a.length ? b : a))),
    probes: [{ names: [] }],
    settled: (i) => i.names.length === 0,
  },
  averageOrNull: {
    name: "avg_rounded_null",
    description: "The average reading, rounded to 1 decimal place; no readings gives null.",
    examples: [[{ readings: [1, 2] }, 1.5], [{ readings: [4] }, 4], [{ readings: [1, 1, 2] }, 1.3]],
    person: (i) => (i.readings.length === 0 ? null : Math.round((sum(i.readings) / i.readings.length) * 10) / 10),
    probes: [{ readings: [] }, { readings: [1, 2, 2] }],
    settled: (i) => i.readings.length === 0,
  },
  sortedOrNull: {
    name: "list_sorted_null",
    description: "The names sorted alphabetically; no names gives null.",
    examples: [[{ names: ["b", "a"] }, ["a", "b"]], [{ names: ["x"] }, ["x"]], [{ names: ["c", "a", "b"] }, ["a", "b", "c"]]],
    person: (i) => (i.names.length === 0 ? null : [...i.names].sort()),
    probes: [{ names: [] }],
    settled: (i) => i.names.length === 0,
  },
  noIdNull: {
    name: "missing_id_null",
    description: "The total of the amounts; an order with no id gives null.",
    examples: [[{ id: "a1", amounts: [1, 2] }, 3], [{ id: "b2", amounts: [4] }, 4], [{ id: "c3", amounts: [] }, 0]],
    person: (i) => (i.id === "" ? null : sum(i.amounts)),
    probes: [{ id: "", amounts: [1] }, { id: "d", amounts: [] }],
    settled: (i) => i.id === "",
  },
};

/** Plain tasks: publishing nothing within six answers is a break too. */
const MUST = new Set(["discountRounded", "bothRounded", "hourlyRate", "ctlAverageSpeed", "ctlPercentThenTenth", "plainListRounded", "wholeKilograms", "sumThenTimes", "meanOfRounded", "ctlNotSumOfRounded", "ctlRoundedTotalAdded", "countsAsZero", "longestOrNull", "averageOrNull"]);
const BREAKS = new Set(["pointsBesidePrices"]);
const ONLY = (process.env.STOP53_ATTACK_ONLY ?? "").split(",").filter(Boolean);
const chosen = Object.fromEntries(Object.entries(ATTACKS).filter(([key]) => ONLY.length === 0 || ONLY.includes(key)));
const keyOf = new Map(Object.entries(ATTACKS).map(([key, a]) => [a, key]));
const LATER = new Set(["sortedOrNull", "noIdNull", "objectFeesRounded"]);
const held = new Set(Object.keys(ATTACKS).filter((k) => !k.startsWith("ctl") && !BREAKS.has(k) && !LATER.has(k) && k !== "taxUnused"));
attackSuite("stop 53 attack: rounded definitions, rounded things added, null for an empty list", chosen, { breaks: BREAKS, fixed: [["stop 53, lead", held], ["stop 54, lead", LATER]] }, (a) =>
  keepsStatedPromise(backend, a, { mustPublish: MUST.has(keyOf.get(a) ?? ""), traceVar: "STOP53_ATTACK_TRACE", answers: 6 }));
