/**
 * Attack on stop 51's mends (1549525): the guard on the list the program takes from (stated-empty.ts
 * emptiedTaken/emptyGuarded), the examples withheld for the guard (emptyAnswered), rivals kept beside a
 * guarded program (contradictsStatedEmpty), "a negative stock figure counts as nothing" (stated-clamps.ts
 * negativeAsZero), and "each rounded to 2 decimal places" (restate.ts eachRoundedAsStated). Specs
 * invented here, none from a set under tests/fixtures/specs.
 * STOP51B_ATTACK_TRACE=1 prints what the backend asked and published; STOP51B_ATTACK_ONLY=key,key runs a few.
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

/** Plain tasks: publishing nothing within six answers is a break too. */
const MUST = new Set<string>([
  "ctlMeanTwoLists", "ctlNoAmountsList", "ctlNegativeFloor", "ctlEachRounded", "ctlPaidMax", "ctlNobodyObject",
  "twoNamedLists", "totalOneEach", "nestedTwoLists", "ctlOpenTickets", "ctlWithheld", "openTicketsNoEmpty",
]);

const ATTACKS: Record<string, StatedAttack> = {
  // ---- the guard on a derived list ----
  // "No invoices gives 0", "none paid gives -1": the guard goes on the paid invoices' amounts (the list the
  // mean takes from), so an all-unpaid list gives 0, not the -1 the words state.
  qualifiedElse: {
    name: "mean_paid_invoice",
    description: "The average amount of the paid invoices. With no invoices the answer is 0. If every invoice is unpaid, return -1.",
    examples: [
      [{ invoices: [{ amount: 100, paid: true }, { amount: 40, paid: false }, { amount: 50, paid: true }] }, 75],
      [{ invoices: [{ amount: 30, paid: true }] }, 30],
      [{ invoices: [{ amount: 90, paid: false }, { amount: 10, paid: true }, { amount: 20, paid: true }] }, 15],
    ],
    person: (i) => {
      const inv = i.invoices as In[];
      if (inv.length === 0) return 0;
      const p = inv.filter((x) => x.paid).map((x) => x.amount as number);
      return p.length === 0 ? -1 : mean(p);
    },
    probes: [{ invoices: [] }, { invoices: [{ amount: 5, paid: false }, { amount: 7, paid: false }] }, { invoices: [{ amount: 8, paid: true }, { amount: 2, paid: true }] }],
    settled: (i) => (i.invoices as In[]).length === 0 || (i.invoices as In[]).every((x) => !x.paid),
  },
  // The lowest passing score; nobody passing has its own stated answer (the highest score).
  lowestPassingElse: {
    name: "lowest_passing_score",
    description: "The lowest passing score (a score of 50 or more). With no scores the answer is -1. When nobody passed, the answer is the highest score.",
    examples: [
      [{ scores: [60, 30, 80] }, 60],
      [{ scores: [55, 90] }, 55],
      [{ scores: [70, 20, 51] }, 51],
    ],
    person: (i) => {
      const s = i.scores as number[];
      if (s.length === 0) return -1;
      const p = s.filter((x) => x >= 50);
      return p.length === 0 ? Math.max(...s) : Math.min(...p);
    },
    probes: [{ scores: [] }, { scores: [30, 20] }, { scores: [99, 50] }],
    settled: (i) => (i.scores as number[]).length === 0 || (i.scores as number[]).every((x) => x < 50),
  },
  // A slice: the warm-up lap left out; the guard on the slice would answer 0 for one lap.
  warmupSlice: {
    name: "mean_lap_after_warmup",
    description: "The average lap time, leaving out the first lap (a warm-up). With no laps the answer is 0; with only the warm-up lap, the answer is that lap's time.",
    examples: [
      [{ laps: [90, 60, 62] }, 61],
      [{ laps: [80, 50] }, 50],
      [{ laps: [100, 70, 72, 74] }, 72],
    ],
    person: (i) => {
      const l = i.laps as number[];
      if (l.length === 0) return 0;
      if (l.length === 1) return l[0] as number;
      return mean(l.slice(1));
    },
    probes: [{ laps: [] }, { laps: [88] }, { laps: [10, 20, 40] }],
    settled: (i) => (i.laps as number[]).length <= 1,
  },
  // A text of spaces only: not empty, yet its words are none; the stated answer is for an empty note.
  spacesNote: {
    name: "longest_word_length",
    description: "The length of the longest word in the note (words are separated by spaces). An empty note gives -1.",
    examples: [
      [{ note: "buy milk today" }, 5],
      [{ note: "hi there" }, 5],
      [{ note: "a bb ccc" }, 3],
    ],
    person: (i) => {
      const n = i.note as string;
      if (n === "") return -1;
      const w = n.split(" ").filter(Boolean);
      return w.length === 0 ? 0 : Math.max(...w.map((x) => x.length));
    },
    probes: [{ note: "" }, { note: "one" }, { note: "x yy" }, { note: "longest a" }],
    settled: (i) => i.note === "",
  },
  // ---- two lists ----
  // The words name one of two lists whose names share a word: the guard must be on evening_readings.
  twoNamedLists: {
    name: "morning_minus_evening",
    description: "The mean of the morning readings minus the mean of the evening readings. With no evening readings the answer is 0.",
    examples: [
      [{ morning_readings: [10, 20], evening_readings: [5, 7] }, 9],
      [{ morning_readings: [4], evening_readings: [1, 3] }, 2],
      [{ morning_readings: [30, 10, 20], evening_readings: [8] }, 12],
    ],
    person: (i) => ((i.evening_readings as number[]).length === 0 ? 0 : mean(i.morning_readings as number[]) - mean(i.evening_readings as number[])),
    probes: [{ morning_readings: [3, 5], evening_readings: [] }, { morning_readings: [6], evening_readings: [2] }],
    settled: (i) => (i.evening_readings as number[]).length === 0,
  },
  // The stated empty is of one list, the program's mean of the other: no guard may go on the other list
  // (a mean of no sales with visits is the words' business only for no visits).
  guardOtherList: {
    name: "sales_per_visit",
    description: "Total sales divided by the number of visits. With no visits the answer is 0.",
    examples: [
      [{ sales: [10, 20], visits: [1, 2, 3] }, 10],
      [{ sales: [50], visits: [1, 1] }, 25],
      [{ sales: [8, 4, 4], visits: [7, 9, 3, 1] }, 4],
    ],
    person: (i) => ((i.visits as number[]).length === 0 ? 0 : sum(i.sales as number[]) / (i.visits as number[]).length),
    probes: [{ sales: [10], visits: [] }, { sales: [], visits: [1, 2] }, { sales: [9], visits: [1, 2, 3] }],
    settled: (i) => (i.visits as number[]).length === 0,
  },
  // ---- a stated answer read from a sentence about something else ----
  // "A loan with no due date is -1 days overdue" read as the answer for no loans: the count asks
  // about an empty list of loans, or guards it to -1.
  elsewhereCount: {
    name: "overdue_loans",
    description: "The number of overdue loans (days_late above 0). A loan with no due date is -1 days late in the records.",
    examples: [
      [{ loans: [{ id: 1, days_late: 3 }, { id: 2, days_late: 0 }, { id: 3, days_late: -1 }] }, 1],
      [{ loans: [{ id: 4, days_late: 10 }, { id: 5, days_late: 2 }] }, 2],
      [{ loans: [{ id: 6, days_late: 0 }] }, 0],
    ],
    person: (i) => (i.loans as In[]).filter((l) => (l.days_late as number) > 0).length,
    probes: [{ loans: [] }, { loans: [{ id: 7, days_late: 5 }, { id: 8, days_late: -1 }] }],
  },
  // ---- rivals dropped ----
  // One-entry lists: max, sum, first all fit; the sum answers 0 on no parcels, not the stated -1, yet is
  // the person's reading.
  totalOneEach: {
    name: "parcel_total",
    description: "The total weight of the parcels. No parcels gives -1.",
    examples: [
      [{ parcels: [7] }, 7],
      [{ parcels: [3] }, 3],
      [{ parcels: [12] }, 12],
    ],
    person: (i) => ((i.parcels as number[]).length === 0 ? -1 : sum(i.parcels as number[])),
    probes: [{ parcels: [] }, { parcels: [3, 5] }, { parcels: [1, 1, 1] }],
    settled: (i) => (i.parcels as number[]).length === 0,
  },
  // The largest vs the last with sorted examples: both throw on no readings, both guarded; the rival must be asked.
  sortedLastVsMax: {
    name: "peak_reading",
    description: "The highest reading. With no readings the answer is 0.",
    examples: [
      [{ readings: [1, 4, 9] }, 9],
      [{ readings: [2, 3] }, 3],
      [{ readings: [5, 6, 8, 11] }, 11],
    ],
    person: (i) => ((i.readings as number[]).length === 0 ? 0 : Math.max(...(i.readings as number[]))),
    probes: [{ readings: [] }, { readings: [9, 1] }, { readings: [3, 10, 2] }],
    settled: (i) => (i.readings as number[]).length === 0,
  },
  // ---- negative floor ----
  // The same field name in two lists: only the items' stock is floored; a move's negative stock counts.
  floorBothLists: {
    name: "net_units",
    description: "Net units: the total stock of the items plus the total stock of the moves. A negative item stock figure counts as nothing; a move may have a negative stock (goods sent out).",
    examples: [
      [{ items: [{ sku: "a", stock: 5 }, { sku: "b", stock: 3 }], moves: [{ ref: 1, stock: 2 }] }, 10],
      [{ items: [{ sku: "c", stock: 1 }], moves: [{ ref: 2, stock: 4 }, { ref: 3, stock: 1 }] }, 6],
      [{ items: [{ sku: "d", stock: 0 }], moves: [] }, 0],
    ],
    person: (i) => sum((i.items as In[]).map((x) => Math.max(x.stock as number, 0))) + sum((i.moves as In[]).map((m) => m.stock as number)),
    probes: [{ items: [{ sku: "e", stock: -4 }, { sku: "f", stock: 2 }], moves: [{ ref: 4, stock: 1 }] }, { items: [{ sku: "g", stock: 3 }], moves: [{ ref: 5, stock: -2 }] }],
  },
  // The same, a move's negative stock shown in an example: the items' floor must still be read.
  floorBlockedByOther: {
    name: "net_units_shown",
    description: "Net units: the total stock of the items plus the total stock of the moves. A negative item stock figure counts as nothing; a move may have a negative stock (goods sent out).",
    examples: [
      [{ items: [{ sku: "a", stock: 5 }, { sku: "b", stock: 3 }], moves: [{ ref: 1, stock: -2 }] }, 6],
      [{ items: [{ sku: "c", stock: 1 }], moves: [{ ref: 2, stock: 4 }, { ref: 3, stock: 1 }] }, 6],
      [{ items: [{ sku: "d", stock: 2 }], moves: [] }, 2],
    ],
    person: (i) => sum((i.items as In[]).map((x) => Math.max(x.stock as number, 0))) + sum((i.moves as In[]).map((m) => m.stock as number)),
    probes: [{ items: [{ sku: "e", stock: -4 }, { sku: "f", stock: 2 }], moves: [{ ref: 4, stock: 1 }] }, { items: [{ sku: "g", stock: 3 }], moves: [{ ref: 5, stock: -2 }] }],
  },
  // ---- each rounded ----
  // Only the total is rounded; the share is not (the examples' shares are round by chance).
  shareNotRounded: {
    name: "refund_summary",
    description: "An object with the total of the amounts, rounded to 2 decimal places, and the share of the total that was refunded (refunded divided by the total, as is).",
    examples: [
      [{ amounts: [10, 10], refunded: 5 }, { total: 20, share: 0.25 }],
      [{ amounts: [4, 4], refunded: 4 }, { total: 8, share: 0.5 }],
      [{ amounts: [2.5, 7.5], refunded: 1 }, { total: 10, share: 0.1 }],
    ],
    person: (i) => {
      const t = sum(i.amounts as number[]);
      return { total: r2(t), share: (i.refunded as number) / t };
    },
    probes: [{ amounts: [1, 2], refunded: 1 }, { amounts: [0.125, 0.125], refunded: 0.05 }],
  },
  // A list of averages "each rounded" beside a count per entry? Here: a list of per-student averages, a
  // list of numbers; the rounding must reach each.
  eachRoundedList: {
    name: "student_means",
    description: "The average mark of each student, in order, each rounded to 2 decimal places.",
    examples: [
      [{ students: [{ name: "a", marks: [1, 2] }, { name: "b", marks: [4] }] }, [1.5, 4]],
      [{ students: [{ name: "c", marks: [3, 3, 6] }] }, [4]],
      [{ students: [{ name: "d", marks: [10, 5] }, { name: "e", marks: [2, 2] }] }, [7.5, 2]],
    ],
    person: (i) => (i.students as In[]).map((s) => r2(mean(s.marks as number[]))),
    probes: [{ students: [{ name: "f", marks: [1, 1, 2] }] }, { students: [{ name: "g", marks: [5] }, { name: "h", marks: [2, 3, 3] }] }],
  },
  // "An empty order gives 0" of an order holding two lists: which list is empty is not said; the largest
  // line total must not be published as Math.max of no lines (-Infinity).
  nestedTwoLists: {
    name: "largest_order_line",
    description: "The largest line total (qty times price) of the order. An empty order gives 0.",
    examples: [
      [{ order: { id: 1, lines: [{ qty: 2, price: 5 }, { qty: 1, price: 7 }], tags: ["rush"] } }, 10],
      [{ order: { id: 2, lines: [{ qty: 3, price: 3 }], tags: [] } }, 9],
      [{ order: { id: 3, lines: [{ qty: 1, price: 4 }, { qty: 5, price: 1 }], tags: ["gift", "vip"] } }, 5],
    ],
    person: (i) => {
      const l = (i.order as In).lines as In[];
      return l.length === 0 ? 0 : Math.max(...l.map((x) => (x.qty as number) * (x.price as number)));
    },
    probes: [{ order: { id: 4, lines: [], tags: ["x"] } }, { order: { id: 5, lines: [{ qty: 2, price: 2 }], tags: [] } }],
    settled: (i) => ((i.order as In).lines as In[]).length === 0,
  },
  // The stated empty example is withheld for the guard; the others must still be searched.
  ctlOpenTickets: {
    name: "oldest_open_ticket",
    description: "The age in days of the oldest open ticket. No open tickets gives 0.",
    examples: [
      [{ tickets: [{ id: 1, open: true, age: 4 }, { id: 2, open: false, age: 30 }, { id: 3, open: true, age: 9 }] }, 9],
      [{ tickets: [{ id: 4, open: true, age: 2 }] }, 2],
      [{ tickets: [{ id: 5, open: false, age: 50 }, { id: 6, open: true, age: 1 }] }, 1],
      [{ tickets: [] }, 0],
    ],
    person: (i) => {
      const o = (i.tickets as In[]).filter((t) => t.open).map((t) => t.age as number);
      return o.length === 0 ? 0 : Math.max(...o);
    },
    probes: [{ tickets: [] }, { tickets: [{ id: 7, open: false, age: 3 }] }, { tickets: [{ id: 8, open: true, age: 6 }, { id: 9, open: true, age: 8 }] }],
    settled: (i) => (i.tickets as In[]).every((t) => !t.open),
  },
  // An answered empty example withheld: the smallest, -1 for no temperatures.
  ctlWithheld: {
    name: "coldest_day",
    description: "The lowest of the temperatures. No temperatures gives -1.",
    examples: [
      [{ temperatures: [12, 4, 9] }, 4],
      [{ temperatures: [] }, -1],
      [{ temperatures: [30, 31] }, 30],
      [{ temperatures: [8] }, 8],
    ],
    person: (i) => ((i.temperatures as number[]).length === 0 ? -1 : Math.min(...(i.temperatures as number[]))),
    probes: [{ temperatures: [] }, { temperatures: [5, 2, 7] }],
    settled: (i) => (i.temperatures as number[]).length === 0,
  },
  // ctlOpenTickets without its answered empty example.
  openTicketsNoEmpty: {
    name: "oldest_open_ticket_plain",
    description: "The age in days of the oldest open ticket. No open tickets gives 0.",
    examples: [
      [{ tickets: [{ id: 1, open: true, age: 4 }, { id: 2, open: false, age: 30 }, { id: 3, open: true, age: 9 }] }, 9],
      [{ tickets: [{ id: 4, open: true, age: 2 }] }, 2],
      [{ tickets: [{ id: 5, open: false, age: 50 }, { id: 6, open: true, age: 1 }] }, 1],
    ],
    person: (i) => {
      const o = (i.tickets as In[]).filter((t) => t.open).map((t) => t.age as number);
      return o.length === 0 ? 0 : Math.max(...o);
    },
    probes: [{ tickets: [] }, { tickets: [{ id: 7, open: false, age: 3 }] }, { tickets: [{ id: 8, open: true, age: 6 }, { id: 9, open: true, age: 8 }] }],
    settled: (i) => (i.tickets as In[]).every((t) => !t.open),
  },
  // spacesNote without its stated-empty sentence: is the last word's length published alike?
  spacesNotePlain: {
    name: "longest_word_length_plain",
    description: "The length of the longest word in the note (words are separated by spaces).",
    examples: [
      [{ note: "buy milk today" }, 5],
      [{ note: "hi there" }, 5],
      [{ note: "a bb ccc" }, 3],
    ],
    person: (i) => Math.max(...(i.note as string).split(" ").filter(Boolean).map((x) => x.length)),
    probes: [{ note: "one" }, { note: "x yy" }, { note: "longest a" }],
  },
  // ---- controls ----
  ctlMeanTwoLists: {
    name: "mean_delivery_days",
    description: "Average days of the deliveries. With no deliveries the answer is 0.",
    examples: [
      [{ deliveries: [3, 5, 4], holidays: [1] }, 4],
      [{ deliveries: [10, 2], holidays: [] }, 6],
      [{ deliveries: [7], holidays: [2, 3] }, 7],
    ],
    person: (i) => ((i.deliveries as number[]).length === 0 ? 0 : mean(i.deliveries as number[])),
    probes: [{ deliveries: [], holidays: [1] }, { deliveries: [1, 2], holidays: [] }],
    settled: (i) => (i.deliveries as number[]).length === 0,
  },
  ctlNoAmountsList: {
    name: "doubled_amounts",
    description: "Each amount doubled. No amounts gives [].",
    examples: [
      [{ amounts: [1, 2, 3] }, [2, 4, 6]],
      [{ amounts: [5] }, [10]],
      [{ amounts: [0, 7] }, [0, 14]],
    ],
    person: (i) => (i.amounts as number[]).map((x) => x * 2),
    probes: [{ amounts: [] }, { amounts: [4, 4] }],
    settled: (i) => (i.amounts as number[]).length === 0,
  },
  ctlPaidMax: {
    name: "largest_paid_bill",
    description: "The largest amount among the paid bills. If there are no paid bills, return 0.",
    examples: [
      [{ bills: [{ amount: 120, paid: true }, { amount: 300, paid: false }, { amount: 80, paid: true }] }, 120],
      [{ bills: [{ amount: 45, paid: true }, { amount: 60, paid: true }] }, 60],
      [{ bills: [{ amount: 500, paid: false }, { amount: 20, paid: true }] }, 20],
    ],
    person: (i) => {
      const p = (i.bills as In[]).filter((x) => x.paid).map((x) => x.amount as number);
      return p.length === 0 ? 0 : Math.max(...p);
    },
    probes: [{ bills: [] }, { bills: [{ amount: 70, paid: false }] }, { bills: [{ amount: 5, paid: true }] }],
    settled: (i) => (i.bills as In[]).every((x) => !x.paid),
  },
  ctlNobodyObject: {
    name: "count_by_team",
    description: "How many people are in each team, as an object from team to count. Nobody gives {}.",
    examples: [
      [{ people: [{ name: "a", team: "red" }, { name: "b", team: "blue" }, { name: "c", team: "red" }] }, { red: 2, blue: 1 }],
      [{ people: [{ name: "d", team: "green" }] }, { green: 1 }],
      [{ people: [{ name: "e", team: "x" }, { name: "f", team: "x" }] }, { x: 2 }],
    ],
    person: (i) => {
      const o: Record<string, number> = {};
      for (const p of i.people as In[]) o[p.team as string] = (o[p.team as string] ?? 0) + 1;
      return o;
    },
    probes: [{ people: [] }, { people: [{ name: "g", team: "y" }, { name: "h", team: "z" }] }],
    settled: (i) => (i.people as In[]).length === 0,
  },
  ctlNegativeFloor: {
    name: "stock_value",
    description: "Total value of the stock: stock times unit cost, summed over the entries. A negative stock figure means units on back-order and counts as nothing.",
    examples: [
      [{ entries: [{ sku: "a", stock: 2, unit_cost: 3 }, { sku: "b", stock: 1, unit_cost: 10 }] }, 16],
      [{ entries: [{ sku: "c", stock: 4, unit_cost: 5 }] }, 20],
      [{ entries: [{ sku: "d", stock: 0, unit_cost: 9 }, { sku: "e", stock: 3, unit_cost: 2 }] }, 6],
    ],
    person: (i) => sum((i.entries as In[]).map((e) => Math.max(e.stock as number, 0) * (e.unit_cost as number))),
    probes: [{ entries: [{ sku: "f", stock: -3, unit_cost: 4 }, { sku: "g", stock: 2, unit_cost: 1 }] }],
  },
  ctlEachRounded: {
    name: "revenue_by_city",
    description: "Revenue per city, as an object from city to the sum of its sale amounts, each rounded to 2 decimal places.",
    examples: [
      [{ sales: [{ city: "oslo", amount: 10.5 }, { city: "rome", amount: 3 }, { city: "oslo", amount: 1.25 }] }, { oslo: 11.75, rome: 3 }],
      [{ sales: [{ city: "lima", amount: 2 }] }, { lima: 2 }],
      [{ sales: [{ city: "x", amount: 0.5 }, { city: "x", amount: 0.25 }] }, { x: 0.75 }],
    ],
    person: (i) => {
      const o: Record<string, number> = {};
      for (const s of i.sales as In[]) o[s.city as string] = (o[s.city as string] ?? 0) + (s.amount as number);
      return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, r2(v)]));
    },
    probes: [{ sales: [{ city: "a", amount: 0.1 }, { city: "a", amount: 0.2 }, { city: "b", amount: 1.005 }] }],
  },
};

/**
 * Breaks at 1549525:
 * (a) published wrong in silence:
 * - qualifiedElse: guard on the paid invoices' amounts (emptiedTaken): all unpaid gives 0, the words say -1.
 * - warmupSlice: guard on laps.slice(1): one lap gives 0, the words say that lap's time (88).
 * - floorBothLists: "a negative item stock figure" floors the moves' stock too (same field name): moves -2 gives 3, want 1.
 * - floorBlockedByOther: a move's negative stock in an example drops the items' floor: item -4 gives -1, want 3.
 * - shareNotRounded: only the total is said rounded; the share is rounded too (1/3 gives 0.33, want 0.333…).
 * - nestedTwoLists: "An empty order gives 0" of an order with lines and tags: no guard, no question, -Infinity on no lines.
 * - spacesNote / spacesNotePlain: the last word's length published, never asked against the longest ("longest a" gives 1, want 7); not the guard's doing (plain alike).
 * (b) asks forever, or asks what the words settle:
 * - lowestPassingElse: still asking after six answers, and asks scores [30] whose answer the words state (the highest).
 * - totalOneEach: asks parcels [] which "No parcels gives -1" settles (then right).
 * - ctlOpenTickets / openTicketsNoEmpty: "No open tickets gives 0" (the paid-bills control with an id and age field): still asking, asks all-closed lists the words settle.
 */
/**
 * The lead's mends (stop 51): words about the list itself ("with no laps", "with no invoices") guard
 * that list, not a list the program takes from (qualifiedElse and warmupSlice now publish a program
 * with no answer where no invoice is paid or one lap was run: no wrong value, and still open as
 * such); a field the entries of two lists both have gets no floor (floorBothLists and
 * floorBlockedByOther publish no floor at all: still open, the words name the items' list); only
 * words that round each value round each (shareNotRounded holds).
 */
const FIXED_51B = new Set(["shareNotRounded"]);
/** Stop 54: of an order holding lines and tags, "an empty order" is guarded on the list the program has no answer without (its lines). */
const FIXED_54 = new Set(["nestedTwoLists"]);
const BREAKS = new Set<string>([
  "qualifiedElse", "warmupSlice", "floorBothLists", "floorBlockedByOther", "spacesNote", "spacesNotePlain",
  "lowestPassingElse", "totalOneEach", "ctlOpenTickets", "openTicketsNoEmpty",
]);
const ONLY = (process.env.STOP51B_ATTACK_ONLY ?? "").split(",").filter(Boolean);
describe("stop 51b attack: guards on derived lists, floors, each rounded", () => {
  for (const [key, a] of Object.entries(ATTACKS)) {
    const run = (): Promise<void> => keepsStatedPromise(backend, a, { mustPublish: MUST.has(key), traceVar: "STOP51B_ATTACK_TRACE", answers: 6 });
    (ONLY.length && !ONLY.includes(key) ? it.skip : BREAKS.has(key) ? it.fails : it)(`${BREAKS.has(key) ? "BREAK" : FIXED_51B.has(key) ? "FIXED (stop 51, lead)" : FIXED_54.has(key) ? "FIXED (stop 54, lead)" : "held"}: ${key} — ${a.description}`, run, ANSWERED_MS);
  }
});
