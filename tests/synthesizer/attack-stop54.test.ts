/**
 * Attack on stop 54 (a stated null for an empty input guards a program that answers there; an
 * addition of the input's fields has each field rounded where the words add the rounded things; "an
 * empty order" of an order holding more than one list guards the list the program has no answer
 * without). Specs invented for the attack, none from a set under tests/fixtures/specs.
 * STOP54_ATTACK_TRACE=1 prints what the backend asked and published; STOP54_ATTACK_ONLY=key1,key2
 * runs only those.
 *
 * Standing (each `BREAK` an `it.fails` until it holds):
 * - Held since the lead's mends: a "null" the words deny or tell of something else ("an empty list
 *   does not give null here", "the legacy service returned null for an empty list") states nothing
 *   (`denied`, stated-empty.ts); "rather than / instead of the sum of the rounded fees" rounds no
 *   field; only the fields the rounded things name are rounded, and a tip "added as it is, not
 *   rounded" leaves the total unrounded; only "as 0" says the words give the program's answer too,
 *   not "above 0"; "an empty order" of an order holding lines and tags guards the list the program
 *   reads, and rivals are told apart on it.
 * - Open: "each score is from 0 to 10; no scores gives null" asks about no scores after four
 *   questions on the range; "no paid invoices gives null" asks about no invoices; an empty order of
 *   two lists the program has no answer without (-Infinity published); each rounded to cents then
 *   the total to dollars; rounded products added; rounded fees minus a discount (the search's
 *   program is no addition of fields).
 */
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { attackSuite, keepsStatedPromise } from "./stated-attacks.ts";
import type { StatedAttack } from "./stated-attacks.ts";

const backend = createExampleBackend();
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const r2 = (x: number): number => Math.round(x * 100) / 100;

const ATTACKS: Record<string, StatedAttack> = {
  // ---- "null" in words that state no null for the empty input ----
  nullNegated: {
    name: "empty_not_null",
    description: "The total of the amounts. Unlike the old report, an empty list does not give null here.",
    examples: [[{ amounts: [1.5, 2] }, 3.5], [{ amounts: [4] }, 4], [{ amounts: [1, 2, 3] }, 6]],
    person: (i) => sum(i.amounts),
    probes: [{ amounts: [] }, { amounts: [2, 2] }],
  },
  legacyNullSorted: {
    name: "legacy_null_sorted",
    description: "The names sorted alphabetically. The legacy service returned null for an empty list; this one hands the empty list back unchanged.",
    examples: [[{ names: ["b", "a"] }, ["a", "b"]], [{ names: ["x"] }, ["x"]], [{ names: ["c", "a", "b"] }, ["a", "b", "c"]]],
    person: (i) => [...i.names].sort(),
    probes: [{ names: [] }, { names: ["z", "y"] }],
    settled: (i) => i.names.length === 0,
  },
  nullsSkipped: {
    name: "null_readings_skipped",
    description: "The sum of the readings; null readings (a sensor that did not answer) are skipped.",
    examples: [[{ readings: [1.5, null, 2] }, 3.5], [{ readings: [4, null] }, 4], [{ readings: [1, 2, 3] }, 6]],
    person: (i) => sum(i.readings.filter((r: number | null) => r !== null)),
    probes: [{ readings: [null, 5] }, { readings: [] }],
  },
  // ---- a stated null with a number elsewhere in the words ----
  zeroInRange: {
    name: "scores_range_null",
    description: "The total of the scores (each score is from 0 to 10); no scores gives null.",
    examples: [[{ scores: [1, 2] }, 3], [{ scores: [4] }, 4], [{ scores: [5, 5, 10] }, 20]],
    person: (i) => (i.scores.length === 0 ? null : sum(i.scores)),
    probes: [{ scores: [] }, { scores: [3, 3] }],
    settled: (i) => i.scores.length === 0,
  },
  countAboveZero: {
    name: "count_above_zero_null",
    description: "How many readings are above 0; no readings gives null.",
    examples: [[{ readings: [1, -2, 3] }, 2], [{ readings: [-1] }, 0], [{ readings: [5, 6, -7, 8] }, 3]],
    person: (i) => (i.readings.length === 0 ? null : i.readings.filter((r: number) => r > 0).length),
    probes: [{ readings: [] }, { readings: [-1, -2] }],
    settled: (i) => i.readings.length === 0,
  },
  // ---- a stated null for a list the program does not read, or a part of it ----
  nullOtherList: {
    name: "null_other_list",
    description: "The sum of the scores; no names gives null.",
    examples: [[{ names: ["a", "b"], scores: [1, 2] }, 3], [{ names: ["c"], scores: [4] }, 4], [{ names: ["d", "e", "f"], scores: [1, 1, 1] }, 3]],
    person: (i) => (i.names.length === 0 ? null : sum(i.scores)),
    probes: [{ names: [], scores: [1] }, { names: ["a"], scores: [] }],
    settled: (i) => i.names.length === 0,
  },
  nullQualified: {
    name: "null_no_paid",
    description: "The total of the paid invoices' amounts; no paid invoices gives null.",
    examples: [
      [{ invoices: [{ amount: 10, paid: true }, { amount: 5, paid: false }] }, 10],
      [{ invoices: [{ amount: 3, paid: true }, { amount: 4, paid: true }] }, 7],
      [{ invoices: [{ amount: 8, paid: false }, { amount: 2, paid: true }, { amount: 1, paid: true }] }, 3],
    ],
    person: (i) => {
      const paid = i.invoices.filter((v: In) => v.paid);
      return paid.length === 0 ? null : sum(paid.map((v: In) => v.amount));
    },
    probes: [{ invoices: [] }, { invoices: [{ amount: 5, paid: false }] }, { invoices: [{ amount: 6, paid: true }] }],
    settled: (i) => !i.invoices.some((v: In) => v.paid),
  },
  nullGuestsReplied: {
    name: "guests_replied_null",
    description: "The number of guests who replied; an empty guest list gives null.",
    examples: [
      [{ guests: [{ name: "a", replied: true }, { name: "b", replied: false }] }, 1],
      [{ guests: [{ name: "c", replied: true }, { name: "d", replied: true }] }, 2],
      [{ guests: [{ name: "e", replied: false }, { name: "f", replied: true }, { name: "g", replied: true }] }, 2],
    ],
    person: (i) => (i.guests.length === 0 ? null : i.guests.filter((g: In) => g.replied).length),
    probes: [{ guests: [] }, { guests: [{ name: "x", replied: false }] }],
    settled: (i) => i.guests.length === 0,
  },
  // Controls: the null stated for the program's own list.
  ctlFirstOrNull: {
    name: "first_or_null",
    description: "The first name in the list, or null if the list is empty.",
    examples: [[{ names: ["b", "a"] }, "b"], [{ names: ["x"] }, "x"], [{ names: ["c", "a", "b"] }, "c"]],
    person: (i) => (i.names.length === 0 ? null : i.names[0]),
    probes: [{ names: [] }, { names: ["q", "r"] }],
    settled: (i) => i.names.length === 0,
  },
  ctlJoinedEmptyText: {
    name: "joined_empty_not_null",
    description: "The words joined with single spaces; an empty list gives an empty string, never null.",
    examples: [[{ words: ["a", "b"] }, "a b"], [{ words: ["x"] }, "x"], [{ words: ["c", "d", "e"] }, "c d e"]],
    person: (i) => i.words.join(" "),
    probes: [{ words: [] }, { words: ["p", "q"] }],
    settled: (i) => i.words.length === 0,
  },
  ctlDoubledOrNull: {
    name: "doubled_or_null",
    description: "Each amount doubled; no amounts gives null.",
    examples: [[{ amounts: [1, 2] }, [2, 4]], [{ amounts: [5] }, [10]], [{ amounts: [3, 1, 4] }, [6, 2, 8]]],
    person: (i) => (i.amounts.length === 0 ? null : i.amounts.map((a: number) => a * 2)),
    probes: [{ amounts: [] }, { amounts: [7] }],
    settled: (i) => i.amounts.length === 0,
  },
  // ---- an order holding two lists ----
  orderTwoListsNull: {
    name: "order_two_lists_null",
    description: "The total of the order's line amounts; an empty order gives null.",
    examples: [
      [{ order: { lines: [{ amount: 2 }, { amount: 3 }], tags: ["gift"] } }, 5],
      [{ order: { lines: [{ amount: 7 }], tags: [] } }, 7],
      [{ order: { lines: [{ amount: 1 }, { amount: 1 }, { amount: 4 }], tags: ["rush", "gift"] } }, 6],
    ],
    person: (i) => (i.order.lines.length === 0 ? null : sum(i.order.lines.map((l: In) => l.amount))),
    probes: [{ order: { lines: [], tags: ["x"] } }, { order: { lines: [], tags: [] } }, { order: { lines: [{ amount: 2 }], tags: [] } }],
    settled: (i) => i.order.lines.length === 0,
  },
  orderBothNoAnswer: {
    name: "order_max_minus_min",
    description: "The largest line amount of the order minus its smallest discount; an empty order gives 0.",
    examples: [
      [{ order: { lines: [2, 9, 4], discounts: [1, 3] } }, 8],
      [{ order: { lines: [5], discounts: [2] } }, 3],
      [{ order: { lines: [1, 6], discounts: [4, 0.5, 2] } }, 5.5],
    ],
    person: (i) => (i.order.lines.length === 0 && i.order.discounts.length === 0 ? 0 : Math.max(...i.order.lines) - Math.min(...i.order.discounts)),
    probes: [{ order: { lines: [], discounts: [] } }, { order: { lines: [3, 4], discounts: [1] } }],
    settled: (i) => i.order.lines.length === 0 && i.order.discounts.length === 0,
  },
  ctlOrderLargestLine: {
    name: "order_largest_line",
    description: "The largest line amount in the order; an empty order gives 0.",
    examples: [
      [{ order: { lines: [2, 9, 4], tags: ["gift"] } }, 9],
      [{ order: { lines: [5], tags: [] } }, 5],
      [{ order: { lines: [1, 6], tags: ["a", "b"] } }, 6],
    ],
    person: (i) => (i.order.lines.length === 0 ? 0 : Math.max(...i.order.lines)),
    probes: [{ order: { lines: [], tags: ["a"] } }, { order: { lines: [3, 4], tags: [] } }],
    settled: (i) => i.order.lines.length === 0,
  },
  // ---- fields added where the words round some, or none, of them ----
  tipNotRounded: {
    name: "fees_rounded_tip_not",
    description: "Each of the two fees is rounded to the nearest cent, and the rounded fees are added up; the tip is then added as it is, not rounded.",
    examples: [[{ feeA: 1.5, feeB: 2.25, tip: 0.5 }, 4.25], [{ feeA: 1, feeB: 1, tip: 1 }, 3], [{ feeA: 0.5, feeB: 0, tip: 2 }, 2.5]],
    person: (i) => r2(i.feeA) + r2(i.feeB) + i.tip,
    probes: [{ feeA: 0.125, feeB: 0.125, tip: 0.125 }],
  },
  basePlusFees: {
    name: "base_plus_rounded_fees",
    description: "The two fees are each rounded to the nearest cent, and the rounded fees are added to the base price.",
    examples: [[{ basePrice: 10.5, feeA: 1.5, feeB: 2.25 }, 14.25], [{ basePrice: 3, feeA: 1, feeB: 1 }, 5], [{ basePrice: 7, feeA: 0.5, feeB: 0 }, 7.5]],
    person: (i) => i.basePrice + r2(i.feeA) + r2(i.feeB),
    probes: [{ basePrice: 0.125, feeA: 0.125, feeB: 0.125 }],
  },
  ratherThanRounded: {
    name: "fees_total_rather_than",
    description: "The three fees' total, rounded to the nearest cent (rather than the sum of the rounded fees).",
    examples: [[{ feeA: 1.5, feeB: 2, feeC: 0.25 }, 3.75], [{ feeA: 1, feeB: 1, feeC: 1 }, 3], [{ feeA: 0.5, feeB: 0, feeC: 2 }, 2.5]],
    person: (i) => r2(i.feeA + i.feeB + i.feeC),
    probes: [{ feeA: 0.125, feeB: 0.125, feeC: 0.125 }],
  },
  insteadOfAdding: {
    name: "fees_instead_of_adding_rounded",
    description: "The fees are added up and only the total is rounded to the nearest cent, instead of adding up the rounded fees.",
    examples: [[{ feeA: 1.5, feeB: 2, feeC: 0.25 }, 3.75], [{ feeA: 1, feeB: 1, feeC: 1 }, 3], [{ feeA: 0.5, feeB: 0, feeC: 2 }, 2.5]],
    person: (i) => r2(i.feeA + i.feeB + i.feeC),
    probes: [{ feeA: 0.125, feeB: 0.125, feeC: 0.125 }],
  },
  centsThenDollar: {
    name: "fees_cents_then_dollar",
    description: "Each fee is rounded to the nearest cent, the rounded fees are added up, and the total is rounded to the nearest whole dollar.",
    examples: [[{ feeA: 1.5, feeB: 2.5, feeC: 1 }, 5], [{ feeA: 1, feeB: 2, feeC: 3 }, 6], [{ feeA: 0.25, feeB: 0.25, feeC: 1 }, 2]],
    person: (i) => Math.round(r2(i.feeA) + r2(i.feeB) + r2(i.feeC)),
    probes: [{ feeA: 0.4, feeB: 0.4, feeC: 0.4 }, { feeA: 0.125, feeB: 0.125, feeC: 0.24 }],
  },
  feesTimesQuantity: {
    name: "fees_rounded_times_quantity",
    description: "Each of the three fees is rounded to the nearest cent, and the rounded fees are added up and multiplied by the quantity.",
    examples: [[{ feeA: 1.5, feeB: 2.25, feeC: 0.25, quantity: 2 }, 8], [{ feeA: 1, feeB: 1, feeC: 1, quantity: 3 }, 9], [{ feeA: 0.5, feeB: 0, feeC: 2, quantity: 4 }, 10]],
    person: (i) => (r2(i.feeA) + r2(i.feeB) + r2(i.feeC)) * i.quantity,
    probes: [{ feeA: 0.125, feeB: 0.125, feeC: 0.125, quantity: 2 }],
  },
  shippingHandling: {
    name: "items_rounded_plus_shipping_handling",
    description: "Each item price is rounded to the nearest cent and the rounded prices are added up; then the shipping and the handling fee are added as they are.",
    examples: [
      [{ prices: [1.5, 2.25], shipping: 4.5, handling: 0.75 }, 9],
      [{ prices: [3], shipping: 1, handling: 1 }, 5],
      [{ prices: [0.5, 0.5, 1], shipping: 0, handling: 2 }, 4],
    ],
    person: (i) => sum(i.prices.map(r2)) + i.shipping + i.handling,
    probes: [{ prices: [0.125, 0.125], shipping: 0.125, handling: 0.125 }],
  },
  linesProducts: {
    name: "two_lines_rounded",
    description: "Each line's total (its price times its quantity) is rounded to the nearest cent, and the rounded line totals are added up.",
    examples: [[{ priceA: 1.5, qtyA: 2, priceB: 2.25, qtyB: 1 }, 5.25], [{ priceA: 1, qtyA: 1, priceB: 1, qtyB: 3 }, 4], [{ priceA: 0.5, qtyA: 4, priceB: 3, qtyB: 2 }, 8]],
    person: (i) => r2(i.priceA * i.qtyA) + r2(i.priceB * i.qtyB),
    probes: [{ priceA: 0.125, qtyA: 1, priceB: 0.125, qtyB: 1 }],
  },
  feesMinusDiscount: {
    name: "fees_rounded_minus_discount",
    description: "Each of the two fees is rounded to the nearest cent, the rounded fees are added up, and the discount is subtracted.",
    examples: [[{ feeA: 1.5, feeB: 2.25, discount: 0.5 }, 3.25], [{ feeA: 4, feeB: 1, discount: 1 }, 4], [{ feeA: 2.5, feeB: 3, discount: 2 }, 3.5]],
    person: (i) => r2(i.feeA) + r2(i.feeB) - i.discount,
    probes: [{ feeA: 0.125, feeB: 0.125, discount: 0.1 }],
  },
  // Control: the rounded things added are fields, and halved.
  ctlHalvedScores: {
    name: "two_scores_rounded_halved",
    description: "Each of the two scores is rounded to the nearest whole number, and the rounded scores are added up and divided by 2.",
    examples: [[{ scoreA: 2.5, scoreB: 4 }, 3.5], [{ scoreA: 5, scoreB: 5 }, 5], [{ scoreA: 1, scoreB: 6 }, 3.5]],
    person: (i) => (Math.round(i.scoreA) + Math.round(i.scoreB)) / 2,
    probes: [{ scoreA: 1.4, scoreB: 1.4 }],
  },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- entries read by field
type In = Record<string, any>;

/** Plain tasks: publishing nothing within six answers is a break too. */
const MUST = new Set(Object.keys(ATTACKS).filter((k) => k.startsWith("ctl") || ["nullNegated", "legacyNullSorted", "ratherThanRounded", "insteadOfAdding"].includes(k)));
const BREAKS = new Set(["zeroInRange", "nullQualified", "orderBothNoAnswer", "centsThenDollar", "linesProducts", "feesMinusDiscount"]);
/** Broken by stop 54's first mends (nullNegated … insteadOfAdding), or before it, and held since the lead's second. */
const FIXED = new Set(["nullNegated", "legacyNullSorted", "ratherThanRounded", "insteadOfAdding", "tipNotRounded", "countAboveZero", "orderTwoListsNull"]);
const ONLY = (process.env.STOP54_ATTACK_ONLY ?? "").split(",").filter(Boolean);
const chosen = Object.fromEntries(Object.entries(ATTACKS).filter(([key]) => ONLY.length === 0 || ONLY.includes(key)));
const keyOf = new Map(Object.entries(ATTACKS).map(([key, a]) => [a, key]));
attackSuite("stop 54 attack: stated nulls, rounded fields added, orders of two lists", chosen, { breaks: BREAKS, fixed: [["stop 54, lead", FIXED]] }, (a) =>
  keepsStatedPromise(backend, a, { mustPublish: MUST.has(keyOf.get(a) ?? ""), traceVar: "STOP54_ATTACK_TRACE", answers: 6 }), "attack");
