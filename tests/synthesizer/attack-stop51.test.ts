/**
 * Attack on stop 51 (07c4c38, eb09815): a ladder put on a measure the words name (stated-ladder.ts
 * measureOf/subjectsOf), the stated answer for an empty list or text (stated-empty.ts), and "rounded
 * to 2 decimal places" as a rounding to cents (rank.ts evidence, restate.ts outerAsStated). Specs
 * invented here, none from a set under tests/fixtures/specs.
 * STOP51_ATTACK_TRACE=1 prints what the backend asked and published; STOP51_ATTACK_ONLY=key,key runs a few.
 */
import { describe, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { ANSWERED_MS } from "./answered.ts";
import { keepsStatedPromise } from "./stated-attacks.ts";
import type { In, StatedAttack } from "./stated-attacks.ts";

const backend = createExampleBackend();
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const mean = (xs: readonly number[]): number => sum(xs) / xs.length;
const r2 = (x: number): number => Math.round(x * 100) / 100;
const words = (s: string): number => s.split(/\s+/).filter(Boolean).length;

/** Plain tasks: publishing nothing within six answers is a break too. */
const MUST = new Set<string>([
  "ctlMeanGuard", "ctlSumLadder", "ctlHowManyGuests", "ctlCents", "ctlEmptyList",
  "noneQualifyMean", "noneQualifyMax", "conflictingEmpties", "textBesideList", "fuzzyField",
  "lengthInWords", "countQualified", "textBesideList2", "nestedList", "ctlPasswordLength", "roundThenMultiply", "nullNotInSchema", "totalWeightOf", "lengthOfListOf", "oneDecimalStated", "optionalNote", "twoFieldsNamed", "ctlHundredth", "askedThenFound", "ctlCountLate", "ctlBestScore", "inputDecimals", "hoursWhole", "partsRounded", "objectOfNumbers", "decimalDigits", "totalOfRecords",
]);

const ATTACKS: Record<string, StatedAttack> = {
  // ---- stated answer for an empty input ----
  // "No completed orders": the list is not empty but nothing qualifies; the guard is on orders.length.
  noneQualifyMean: {
    name: "mean_completed_order",
    description: "Average total of the completed orders (status \"done\"), rounded to 2 decimal places. If there are no completed orders, return 0.",
    examples: [
      [{ orders: [{ id: 1, status: "done", total: 10 }, { id: 2, status: "open", total: 99 }, { id: 3, status: "done", total: 20 }] }, 15],
      [{ orders: [{ id: 4, status: "done", total: 7.5 }, { id: 5, status: "open", total: 3 }] }, 7.5],
      [{ orders: [{ id: 6, status: "done", total: 4 }, { id: 7, status: "done", total: 5 }, { id: 8, status: "done", total: 6 }] }, 5],
    ],
    person: (i) => {
      const d = (i.orders as In[]).filter((o) => o.status === "done").map((o) => o.total as number);
      return d.length === 0 ? 0 : r2(mean(d));
    },
    probes: [{ orders: [] }, { orders: [{ id: 9, status: "open", total: 12 }] }, { orders: [{ id: 10, status: "done", total: 1 }, { id: 11, status: "done", total: 2 }] }],
    settled: (i) => (i.orders as In[]).every((o) => o.status !== "done"),
  },
  // The same with the largest: no paid invoice among several unpaid.
  noneQualifyMax: {
    name: "largest_paid_invoice",
    description: "The largest amount among the paid invoices. If there are no paid invoices, return 0.",
    examples: [
      [{ invoices: [{ amount: 120, paid: true }, { amount: 300, paid: false }, { amount: 80, paid: true }] }, 120],
      [{ invoices: [{ amount: 45, paid: true }, { amount: 60, paid: true }] }, 60],
      [{ invoices: [{ amount: 500, paid: false }, { amount: 20, paid: true }] }, 20],
    ],
    person: (i) => {
      const p = (i.invoices as In[]).filter((x) => x.paid).map((x) => x.amount as number);
      return p.length === 0 ? 0 : Math.max(...p);
    },
    probes: [{ invoices: [] }, { invoices: [{ amount: 70, paid: false }, { amount: 10, paid: false }] }, { invoices: [{ amount: 5, paid: true }] }],
    settled: (i) => (i.invoices as In[]).every((x) => !x.paid),
  },
  // Two statements about two empties of one list (a per-employee one, "no sales is 0", read as of the
  // employees): they disagree, so neither guards; the mean of no employees has no answer.
  conflictingEmpties: {
    name: "mean_employee_sales",
    description: "Average over the employees of each employee's total sales; an employee with no sales is 0. With no employees the answer is -1.",
    examples: [
      [{ employees: [{ name: "a", sales: [10, 20] }, { name: "b", sales: [30] }] }, 30],
      [{ employees: [{ name: "c", sales: [5, 5, 5] }, { name: "d", sales: [] }] }, 7.5],
      [{ employees: [{ name: "e", sales: [8] }] }, 8],
    ],
    person: (i) => ((i.employees as In[]).length === 0 ? -1 : mean((i.employees as In[]).map((e) => sum(e.sales as number[])))),
    probes: [{ employees: [] }, { employees: [{ name: "f", sales: [] }, { name: "g", sales: [4] }] }],
    settled: (i) => (i.employees as In[]).length === 0,
  },
  // "An empty list" beside a text field: two fields a list or a text, none named, no guard.
  textBesideList: {
    name: "best_round_score",
    description: "The best score of the round. An empty list gives -1.",
    examples: [
      [{ round: "heat 1", scores: [12, 40, 33] }, 40],
      [{ round: "final", scores: [7, 3] }, 7],
      [{ round: "heat 2", scores: [19] }, 19],
    ],
    person: (i) => ((i.scores as number[]).length === 0 ? -1 : Math.max(...(i.scores as number[]))),
    probes: [{ round: "heat 3", scores: [] }, { round: "", scores: [5, 6] }, { round: "x", scores: [2] }],
    settled: (i) => (i.scores as number[]).length === 0 || i.round === "",
  },
  // The words name the list, and a text field whose name shares its word: two fields named, no guard.
  fuzzyField: {
    name: "mean_shipment_days",
    description: "Average days of the shipments. With no shipments the answer is 0.",
    examples: [
      [{ shipments: [3, 5, 4], shipment_note: "fragile" }, 4],
      [{ shipments: [10, 2], shipment_note: "none" }, 6],
      [{ shipments: [7], shipment_note: "rush" }, 7],
    ],
    person: (i) => ((i.shipments as number[]).length === 0 ? 0 : mean(i.shipments as number[])),
    probes: [{ shipments: [], shipment_note: "x" }, { shipments: [1, 2], shipment_note: "" }],
    settled: (i) => (i.shipments as number[]).length === 0,
  },
  // The stated answer of the wrong kind for a text output ("0" for the longest name): guarded to 0?
  wrongKind: {
    name: "longest_guest_name",
    description: "The longest name among the guests, the first on a tie. Nobody gives \"\".",
    examples: [
      [{ guests: ["Ann", "Bartholomew", "Cy"] }, "Bartholomew"],
      [{ guests: ["Li", "Mo"] }, "Li"],
      [{ guests: ["Zed", "Alexandra"] }, "Alexandra"],
    ],
    person: (i) => ((i.guests as string[]).length === 0 ? "" : (i.guests as string[]).reduce((a, b) => (b.length > a.length ? b : a))),
    probes: [{ guests: [] }, { guests: ["Bo", "Al", "Jo"] }],
    settled: (i) => (i.guests as string[]).length === 0,
  },
  // A "no X gives V" in a sentence about something else (a product with no reviews is rated 0):
  // read as the answer for no products.
  noXElsewhere: {
    name: "lowest_rated_product",
    description: "The lowest rating among the products; a product with no reviews gives 0 as its rating. The rating of a product is the mean of its reviews.",
    examples: [
      [{ products: [{ sku: "a", reviews: [4, 5] }, { sku: "b", reviews: [2, 4] }] }, 3],
      [{ products: [{ sku: "c", reviews: [5] }, { sku: "d", reviews: [] }] }, 0],
      [{ products: [{ sku: "e", reviews: [1, 3] }] }, 2],
    ],
    person: (i) => Math.min(...(i.products as In[]).map((p) => ((p.reviews as number[]).length === 0 ? 0 : mean(p.reviews as number[])))),
    probes: [{ products: [{ sku: "f", reviews: [] }, { sku: "g", reviews: [2] }] }, { products: [{ sku: "h", reviews: [3, 4] }] }, { products: [{ sku: "i", reviews: [3, 3, 3] }] }, { products: [{ sku: "j", reviews: [5] }] }],
  },
  // Control: the mean of no trips guarded as stated.
  ctlMeanGuard: {
    name: "mean_trip_km",
    description: "Average length of the trips in km. No trips gives 0.",
    examples: [
      [{ trips: [12, 18, 30] }, 20],
      [{ trips: [5, 7] }, 6],
      [{ trips: [40] }, 40],
    ],
    person: (i) => ((i.trips as number[]).length === 0 ? 0 : mean(i.trips as number[])),
    probes: [{ trips: [] }, { trips: [1, 2] }],
    settled: (i) => (i.trips as number[]).length === 0,
  },
  // Control: "-1 for an empty list" on the smallest.
  ctlEmptyList: {
    name: "smallest_reading",
    description: "The smallest reading, -1 for an empty list.",
    examples: [
      [{ readings: [12, 4, 9] }, 4],
      [{ readings: [30, 31] }, 30],
      [{ readings: [8] }, 8],
    ],
    person: (i) => ((i.readings as number[]).length === 0 ? -1 : Math.min(...(i.readings as number[]))),
    probes: [{ readings: [] }, { readings: [5, 2, 7] }],
    settled: (i) => (i.readings as number[]).length === 0,
  },

  // A count answers 0 on no deliveries; the words state -1 there: asked, then the guard must be found.
  askedThenFound: {
    name: "late_delivery_count",
    description: "The number of late deliveries. No deliveries gives -1.",
    examples: [
      [{ deliveries: [{ id: 1, late: true }, { id: 2, late: false }, { id: 3, late: true }] }, 2],
      [{ deliveries: [{ id: 4, late: false }] }, 0],
      [{ deliveries: [{ id: 5, late: true }] }, 1],
    ],
    person: (i) => ((i.deliveries as In[]).length === 0 ? -1 : (i.deliveries as In[]).filter((d) => d.late).length),
    probes: [{ deliveries: [] }, { deliveries: [{ id: 6, late: false }, { id: 7, late: false }] }, { deliveries: [{ id: 8, late: true }, { id: 9, late: true }] }],
  },
  // Control for askedThenFound: the same count, no stated answer for no deliveries.
  ctlCountLate: {
    name: "late_delivery_count_plain",
    description: "The number of late deliveries.",
    examples: [
      [{ deliveries: [{ id: 1, late: true }, { id: 2, late: false }, { id: 3, late: true }] }, 2],
      [{ deliveries: [{ id: 4, late: false }] }, 0],
      [{ deliveries: [{ id: 5, late: true }] }, 1],
    ],
    person: (i) => (i.deliveries as In[]).filter((d) => d.late).length,
    probes: [{ deliveries: [] }, { deliveries: [{ id: 6, late: false }, { id: 7, late: false }] }, { deliveries: [{ id: 8, late: true }, { id: 9, late: true }] }],
  },
  // Control for textBesideList: the best score with no stated empty answer.
  ctlBestScore: {
    name: "best_round_score_plain",
    description: "The best score of the stage.",
    examples: [
      [{ stage: "heat 1", scores: [12, 40, 33] }, 40],
      [{ stage: "final", scores: [7, 3] }, 7],
      [{ stage: "heat 2", scores: [19] }, 19],
    ],
    person: (i) => Math.max(...(i.scores as number[])),
    probes: [{ stage: "", scores: [5, 6] }, { stage: "x", scores: [2] }],
  },
  // ---- ladder on a measure ----
  // "The length of the message in words": the measure is read as characters.
  lengthInWords: {
    name: "message_size_words",
    description: 'Size of the message by the length of the message in words: "long" from 5, otherwise "short".',
    examples: [
      [{ message: "hi" }, "short"],
      [{ message: "a b c d e" }, "long"],
      [{ message: "yes" }, "short"],
      [{ message: "I am on my way home" }, "long"],
    ],
    person: (i) => (words(i.message as string) >= 5 ? "long" : "short"),
    probes: [{ message: "hello there" }, { message: "ok" }, { message: "one two three four five" }, { message: "internationalization" }],
    settled: () => true,
  },
  // "The number of items that are fragile": the measure is read as all items.
  countQualified: {
    name: "parcel_handling_fragile",
    description: 'Handling of the parcel by the number of items that are fragile: "special" from 2, otherwise "standard".',
    examples: [
      [{ items: [{ name: "vase", fragile: true }, { name: "glass", fragile: true }] }, "special"],
      [{ items: [{ name: "cup", fragile: true }] }, "standard"],
      [{ items: [{ name: "mirror", fragile: true }, { name: "plate", fragile: true }, { name: "bowl", fragile: true }] }, "special"],
      [{ items: [{ name: "book", fragile: false }] }, "standard"],
    ],
    person: (i) => ((i.items as In[]).filter((x) => x.fragile).length >= 2 ? "special" : "standard"),
    probes: [{ items: [{ name: "a", fragile: false }, { name: "b", fragile: false }, { name: "c", fragile: false }] }, { items: [{ name: "d", fragile: true }, { name: "e", fragile: false }] }, { items: [{ name: "f", fragile: true }, { name: "g", fragile: true }] }],
  },
  // "The total of the items" where items are records with a price: no measure fits.
  totalOfRecords: {
    name: "shipping_class_total",
    description: 'Shipping class by the total of the item prices: "free" from 50, otherwise "paid".',
    examples: [
      [{ items: [{ name: "a", price: 30 }, { name: "b", price: 25 }] }, "free"],
      [{ items: [{ name: "c", price: 10 }] }, "paid"],
      [{ items: [{ name: "d", price: 60 }] }, "free"],
      [{ items: [{ name: "e", price: 20 }, { name: "f", price: 5 }] }, "paid"],
    ],
    person: (i) => (sum((i.items as In[]).map((x) => x.price as number)) >= 50 ? "free" : "paid"),
    probes: [{ items: [{ name: "g", price: 49 }] }, { items: [{ name: "h", price: 25 }, { name: "i", price: 25 }] }, { items: [{ name: "j", price: 10 }, { name: "k", price: 10 }, { name: "l", price: 10 }] }],
    settled: () => true,
  },
  // The measure named of one list, a second list fitting the examples as well.
  measureOtherList: {
    name: "crew_size_band",
    description: 'Band of the crew by the number of members: "large" from 4, otherwise "small".',
    examples: [
      [{ members: ["a", "b", "c", "d"], guests: ["x", "y", "z", "w", "v"] }, "large"],
      [{ members: ["e"], guests: ["u"] }, "small"],
      [{ members: ["f", "g", "h", "i", "j"], guests: ["t", "s", "r", "q"] }, "large"],
      [{ members: ["k", "l"], guests: ["p", "o", "n"] }, "small"],
    ],
    person: (i) => ((i.members as string[]).length >= 4 ? "large" : "small"),
    probes: [{ members: ["a"], guests: ["1", "2", "3", "4", "5"] }, { members: ["a", "b", "c", "d"], guests: [] }],
    settled: () => true,
  },
  // Control: the sum of the amounts.
  ctlSumLadder: {
    name: "spend_risk_sum",
    description: 'Risk of the account by the sum of the amounts: "high" above 100, otherwise "low".',
    examples: [
      [{ amounts: [50, 60] }, "high"],
      [{ amounts: [10, 20] }, "low"],
      [{ amounts: [99] }, "low"],
      [{ amounts: [200, 1] }, "high"],
    ],
    person: (i) => (sum(i.amounts as number[]) > 100 ? "high" : "low"),
    probes: [{ amounts: [100] }, { amounts: [50, 51] }, { amounts: [] }, { amounts: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14] }],
    settled: () => true,
  },
  // Control: "how many guests" on a list of names beside a numeric field.
  ctlHowManyGuests: {
    name: "table_by_guests",
    description: 'Table for the booking by how many guests: "big" from 6, otherwise "small".',
    examples: [
      [{ guests: ["a", "b"], hour: 19 }, "small"],
      [{ guests: ["a", "b", "c", "d", "e", "f", "g"], hour: 20 }, "big"],
      [{ guests: ["a"], hour: 21 }, "small"],
      [{ guests: ["a", "b", "c", "d", "e", "f"], hour: 18 }, "big"],
    ],
    person: (i) => ((i.guests as string[]).length >= 6 ? "big" : "small"),
    probes: [{ guests: ["a", "b", "c", "d", "e"], hour: 30 }, { guests: ["a", "b", "c", "d", "e", "f"], hour: 1 }, { guests: [], hour: 19 }],
    settled: () => true,
  },

  // As textBesideList, the text field not named "round" (a rounding word), "0 when the list is empty".
  textBesideList2: {
    name: "best_stage_score",
    description: "The best score of the stage, 0 when the list is empty.",
    examples: [
      [{ stage: "heat 1", scores: [12, 40, 33] }, 40],
      [{ stage: "final", scores: [7, 3] }, 7],
      [{ stage: "heat 2", scores: [19] }, 19],
    ],
    person: (i) => ((i.scores as number[]).length === 0 ? 0 : Math.max(...(i.scores as number[]))),
    probes: [{ stage: "heat 3", scores: [] }, { stage: "", scores: [5, 6] }, { stage: "x", scores: [2] }],
    settled: (i) => (i.scores as number[]).length === 0 || i.stage === "",
  },
  // "An empty order" of a list one level down: the field named is no list, no guard.
  nestedList: {
    name: "dearest_order_line",
    description: "The highest line price of the order. An empty order gives 0.",
    examples: [
      [{ order: { id: "o1", lines: [{ sku: "a", price: 5 }, { sku: "b", price: 12 }] } }, 12],
      [{ order: { id: "o2", lines: [{ sku: "c", price: 3 }] } }, 3],
      [{ order: { id: "o3", lines: [{ sku: "d", price: 8 }, { sku: "e", price: 1 }, { sku: "f", price: 6 }] } }, 8],
    ],
    person: (i) => {
      const l = (i.order as In).lines as In[];
      return l.length === 0 ? 0 : Math.max(...l.map((x) => x.price as number));
    },
    probes: [{ order: { id: "o4", lines: [] } }, { order: { id: "o5", lines: [{ sku: "g", price: 2 }, { sku: "h", price: 9 }] } }],
    settled: (i) => ((i.order as In).lines as In[]).length === 0,
  },
  // Control: the length of the password beside a user name.
  ctlPasswordLength: {
    name: "password_strength_len",
    description: 'Strength by the length of the password: "strong" from 12, "medium" from 8, otherwise "weak".',
    examples: [
      [{ user: "ann", password: "abc" }, "weak"],
      [{ user: "bob", password: "abcdefghij" }, "medium"],
      [{ user: "cyrillus", password: "abcdefghijklmnop" }, "strong"],
      [{ user: "di", password: "abcdefg" }, "weak"],
    ],
    person: (i) => ((i.password as string).length >= 12 ? "strong" : (i.password as string).length >= 8 ? "medium" : "weak"),
    probes: [{ user: "x", password: "12345678" }, { user: "abcdefghijklmnopq", password: "a" }, { user: "y", password: "123456789012" }, { user: "z", password: "1234567" }],
    settled: () => true,
  },
  // "No readings gives null" with number answers and no schema allowing null.
  nullNotInSchema: {
    name: "warmest_reading_null",
    description: "The warmest reading in degrees; no readings gives null.",
    examples: [
      [{ readings: [4, 19, 15] }, 19],
      [{ readings: [-3, -1] }, -1],
      [{ readings: [7] }, 7],
    ],
    person: (i) => ((i.readings as number[]).length === 0 ? null : Math.max(...(i.readings as number[]))),
    probes: [{ readings: [] }, { readings: [1, 2] }],
    settled: (i) => (i.readings as number[]).length === 0,
  },
  // "The total weight of the parcels": the measure word names no field, the list of numbers is the parcels.
  totalWeightOf: {
    name: "postage_total_weight",
    description: 'Postage by the total weight of the parcels: "heavy" from 20, otherwise "light".',
    examples: [
      [{ parcels: [12, 9] }, "heavy"],
      [{ parcels: [3, 4] }, "light"],
      [{ parcels: [25] }, "heavy"],
      [{ parcels: [10, 2, 1] }, "light"],
    ],
    person: (i) => (sum(i.parcels as number[]) >= 20 ? "heavy" : "light"),
    probes: [{ parcels: [19] }, { parcels: [10, 10] }, { parcels: [1, 1, 1, 1, 1] }, { parcels: [] }],
    settled: () => true,
  },
  // "The length of the list of tags": the measure names "list", no field.
  lengthOfListOf: {
    name: "tag_count_band",
    description: 'Label by the length of the list of tags: "many" from 3, otherwise "few".',
    examples: [
      [{ tags: ["a", "b", "c"] }, "many"],
      [{ tags: ["a"] }, "few"],
      [{ tags: ["x", "y", "z", "w"] }, "many"],
      [{ tags: [] }, "few"],
    ],
    person: (i) => ((i.tags as string[]).length >= 3 ? "many" : "few"),
    probes: [{ tags: ["a", "b"] }, { tags: ["a", "b", "c", "d", "e", "f", "g"] }, { tags: ["longer tag", "x"] }],
    settled: () => true,
  },
  // "-1 for an empty list" beside a note on the first example only: the first example has two fields
  // a list or a text, so neither the guard nor the question looks further; the sum answers 0 there.
  optionalNote: {
    name: "refund_total_note",
    description: "The total of the refunds, -1 for an empty list.",
    examples: [
      [{ refunds: [5, 10, 2.5], note: "late" }, 17.5],
      [{ refunds: [40, 1] }, 41],
      [{ refunds: [3] }, 3],
    ],
    person: (i) => ((i.refunds as number[]).length === 0 ? -1 : sum(i.refunds as number[])),
    probes: [{ refunds: [] }, { refunds: [1, 2] }],
    settled: (i) => (i.refunds as number[]).length === 0,
  },
  // Two fields named in the ladder's sentence; the weight fits the examples as the count does.
  twoFieldsNamed: {
    name: "order_band_not_weight",
    description: 'Band of the order by the number of items, whatever the weight: "bulk" from 10, otherwise "single".',
    examples: [
      [{ items: Array.from({ length: 12 }, (_, j) => `i${j}`), weight: 15 }, "bulk"],
      [{ items: ["a", "b"], weight: 3 }, "single"],
      [{ items: Array.from({ length: 10 }, (_, j) => `k${j}`), weight: 11 }, "bulk"],
      [{ items: ["c"], weight: 8 }, "single"],
    ],
    person: (i) => ((i.items as string[]).length >= 10 ? "bulk" : "single"),
    probes: [{ items: ["a"], weight: 50 }, { items: Array.from({ length: 11 }, (_, j) => `m${j}`), weight: 1 }],
    settled: () => true,
  },
  // ---- decimal places ----
  // Control: "to the nearest hundredth" (no "round" word), whole example answers.
  ctlHundredth: {
    name: "mean_reading_hundredth",
    description: "The mean of the readings, to the nearest hundredth.",
    examples: [
      [{ readings: [10, 20] }, 15],
      [{ readings: [3, 4, 5] }, 4],
      [{ readings: [8] }, 8],
    ],
    person: (i) => r2(mean(i.readings as number[])),
    probes: [{ readings: [1, 2, 2] }, { readings: [10, 11, 11] }],
    settled: () => true,
  },
  // "2 decimal places" said of the weights; the answer to 1 decimal place.
  oneDecimalStated: {
    name: "mean_weight_one_decimal",
    description: "Weights are given to 2 decimal places. The average weight, rounded to 1 decimal place.",
    examples: [
      [{ weights: [2, 4] }, 3],
      [{ weights: [1.5, 2.5] }, 2],
      [{ weights: [3] }, 3],
    ],
    person: (i) => Math.round(mean(i.weights as number[]) * 10) / 10,
    probes: [{ weights: [1.25, 1.5] }, { weights: [1, 2, 2] }],
    settled: () => true,
  },
  // The unit price rounded to 2 decimal places, then times the quantity: a part rounded.
  roundThenMultiply: {
    name: "unit_price_times_qty",
    description: "The unit price is the pack price divided by the pack size, rounded to 2 decimal places; the answer is the unit price times the quantity.",
    examples: [
      [{ pack: 10, size: 4, qty: 2 }, 5],
      [{ pack: 9, size: 3, qty: 5 }, 15],
      [{ pack: 8, size: 2, qty: 3 }, 12],
    ],
    person: (i) => r2(r2((i.pack as number) / (i.size as number)) * (i.qty as number)),
    probes: [{ pack: 10, size: 3, qty: 3 }, { pack: 1, size: 3, qty: 9 }, { pack: 7, size: 2, qty: 1 }],
    settled: () => true,
  },
  // "2 decimal places" said of the prices; the answer rounded to the nearest whole euro.
  inputDecimals: {
    name: "whole_euro_total",
    description: "Prices are given with 2 decimal places. The total of the prices, rounded to the nearest whole euro.",
    examples: [
      [{ prices: [1.25, 2.75] }, 4],
      [{ prices: [0.5, 1.5, 3] }, 5],
      [{ prices: [2.4, 0.6] }, 3],
    ],
    person: (i) => Math.round(sum(i.prices as number[])),
    probes: [{ prices: [1.2] }, { prices: [3.75, 1] }, { prices: [2, 2] }],
    settled: (i) => Math.abs((sum(i.prices as number[]) % 1) - 0.5) > 1e-9,
  },
  // Whole hours, rounded to the nearest hour; "2 decimal places" said of the logged minutes.
  hoursWhole: {
    name: "hours_worked_whole",
    description: "Minutes are logged to 2 decimal places. Hours worked: the sum of the minutes divided by 60, rounded to the nearest whole hour.",
    examples: [
      [{ minutes: [60, 120] }, 3],
      [{ minutes: [30, 30, 60] }, 2],
      [{ minutes: [240] }, 4],
    ],
    person: (i) => Math.round(sum(i.minutes as number[]) / 60),
    probes: [{ minutes: [90] }, { minutes: [100, 20.5] }, { minutes: [10] }],
    settled: (i) => Math.abs(((sum(i.minutes as number[]) / 60) % 1) - 0.5) > 1e-9,
  },
  // Each line rounded to 2 decimal places before the lines are added (no "each" word).
  partsRounded: {
    name: "invoice_lines_rounded",
    description: "Invoice total: every line's amount (price times quantity) is rounded to 2 decimal places, and the rounded amounts are added up.",
    examples: [
      [{ lines: [{ price: 2.5, qty: 2 }, { price: 1, qty: 3 }] }, 8],
      [{ lines: [{ price: 4, qty: 1 }, { price: 0.5, qty: 4 }] }, 6],
      [{ lines: [{ price: 10, qty: 3 }] }, 30],
    ],
    person: (i) => r2(sum((i.lines as In[]).map((l) => r2((l.price as number) * (l.qty as number))))),
    probes: [{ lines: [{ price: 0.375, qty: 1 }, { price: 0.375, qty: 1 }] }, { lines: [{ price: 1.005, qty: 1 }] }, { lines: [{ price: 0.125, qty: 1 }, { price: 0.125, qty: 1 }] }],
    settled: () => true,
  },
  // Outputs that are objects of numbers: "rounded to 2 decimal places" of the average, whole examples.
  objectOfNumbers: {
    name: "price_stats_object",
    description: "The total and the average of the prices, as {total, average}, each rounded to 2 decimal places.",
    examples: [
      [{ prices: [2, 4] }, { total: 6, average: 3 }],
      [{ prices: [1, 2, 3] }, { total: 6, average: 2 }],
      [{ prices: [10] }, { total: 10, average: 10 }],
    ],
    person: (i) => ({ total: r2(sum(i.prices as number[])), average: r2(mean(i.prices as number[])) }),
    probes: [{ prices: [1, 2, 2] }, { prices: [0.333, 0.333] }],
    settled: () => true,
  },
  // "Two decimal digits" with no "round" word, whole example answers.
  decimalDigits: {
    name: "mean_speed_digits",
    description: "The average of the speeds, given with two decimal digits.",
    examples: [
      [{ speeds: [10, 20] }, 15],
      [{ speeds: [3, 4, 5] }, 4],
      [{ speeds: [7] }, 7],
    ],
    person: (i) => r2(mean(i.speeds as number[])),
    probes: [{ speeds: [1, 2, 2] }, { speeds: [10, 11, 11] }],
    settled: () => true,
  },
  // Control: "rounded to 2 decimal places" from whole answers is to cents.
  ctlCents: {
    name: "mean_price_cents",
    description: "The average of the prices, rounded to 2 decimal places.",
    examples: [
      [{ prices: [10, 20] }, 15],
      [{ prices: [3, 4, 5] }, 4],
      [{ prices: [8] }, 8],
    ],
    person: (i) => r2(mean(i.prices as number[])),
    probes: [{ prices: [1, 2, 2] }, { prices: [10, 11, 11] }],
    settled: () => true,
  },
};

/**
 * Standing at eb09815 (each checked with STOP51_ATTACK_TRACE=1; FIXED_51 below says which hold since):
 * (a) published wrong in silence:
 * - noneQualifyMax: `invoices.length === 0 ? 0 : Math.max(...paid amounts)`: -Infinity where invoices are all unpaid (want 0).
 * - nestedList: "An empty order gives 0" of order.lines: no guard, `Math.max(...)` gives -Infinity on no lines (want 0).
 * - textBesideList2: "0 when the list is empty" beside a text field: no guard, -Infinity on no scores (want 0).
 * - nullNotInSchema: "no readings gives null" with number answers: no guard, no question, -Infinity (want null).
 * - noXElsewhere: "a product with no reviews gives 0" guards no products; the rating published as sum / 2, not the mean ([3,3,3] gives 4.5, want 3).
 * - lengthInWords: "the length of the message in words" put on characters: "hello there" gives long (want short).
 * - partsRounded: each line rounded to cents published as the total rounded ([0.375, 0.375] gives 0.75, want 0.76).
 * - roundThenMultiply: the unit price rounded, then times qty, published rounded at the outside (10/3 × 3 gives 10, want 9.99).
 * - objectOfNumbers: {total, average} "each rounded to 2 decimal places": total left unrounded ([0.333, 0.333] gives 0.666, want 0.67).
 * (b) asks forever, gives up, or asks what the words settle:
 * - noneQualifyMean: gives up after two questions ("If there are no completed orders, return 0").
 * - conflictingEmpties, textBesideList, askedThenFound, countQualified, totalOfRecords, optionalNote: still asking after six answers
 *   (askedThenFound and textBesideList publish at once without their stated-empty sentence: ctlCountLate, ctlBestScore;
 *   optionalNote asks refunds [] which "-1 for an empty list" settles).
 * - totalWeightOf (parcels [20], at the stated bound), lengthOfListOf (tags ×2), hoursWhole (minutes [2]: whole hour vs cents),
 *   oneDecimalStated (weights [2,4,2]: 1 vs 2 decimals; "2 decimal places" was said of the input): a question the words settle, then right.
 */
/**
 * Held since the lead's mends (stop 51): the guard is on the list the program takes from (the paid
 * invoices' amounts), else on the list the words name, a list inside a named object included; words
 * that qualify the list ("paid"), name a field of each entry ("reviews") or name no list ("the list"
 * beside a text) are read as such; an answered empty example is the guard's, not the search's, and
 * the stated number no constant of the search nor an unused number to ask about; "in words" counts
 * words; an object of numbers "each rounded" has each value rounded; a rival with no answer on the
 * empty input is kept beside a guarded program.
 */
const FIXED_51 = new Set(["noneQualifyMax", "nestedList", "textBesideList2", "noXElsewhere", "lengthInWords", "objectOfNumbers", "conflictingEmpties", "textBesideList", "askedThenFound"]);
/**
 * Held since stop 53: "no readings gives null" guards the program although the schema the examples
 * gave allows no null (the result's note says so); a definition rounded in the clause after it is
 * that rounding of the written formula, and a formula built on it uses the rounded part; "the
 * rounded amounts are added up" rounds each amount of the sum.
 */
const FIXED_53 = new Set(["nullNotInSchema", "roundThenMultiply", "partsRounded"]);
const BREAKS = new Set<string>([
  "noneQualifyMean", "countQualified", "totalOfRecords", "optionalNote",
  "totalWeightOf", "lengthOfListOf", "hoursWhole", "oneDecimalStated",
]);
const ONLY = (process.env.STOP51_ATTACK_ONLY ?? "").split(",").filter(Boolean);
describe("stop 51 attack: measures, empty inputs, decimal places", () => {
  for (const [key, a] of Object.entries(ATTACKS)) {
    const run = (): Promise<void> => keepsStatedPromise(backend, a, { mustPublish: MUST.has(key), traceVar: "STOP51_ATTACK_TRACE", answers: 6 });
    (ONLY.length && !ONLY.includes(key) ? it.skip : BREAKS.has(key) ? it.fails : it)(`${BREAKS.has(key) ? "BREAK" : FIXED_51.has(key) ? "FIXED (stop 51, lead)" : FIXED_53.has(key) ? "FIXED (stop 53, lead)" : "held"}: ${key} — ${a.description}`, run, ANSWERED_MS);
  }
});
