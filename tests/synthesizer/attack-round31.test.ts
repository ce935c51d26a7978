/**
 * Attack round 31 (issue 17) on the lead's round-31 mends, none attacked before:
 * - lookup-keys.ts / lookup-program.ts: tasks that look like a lookup and are not (the last entry
 *   with the key, a sum over the entries with it, keys compared without case or by a prefix, the
 *   nearest entry, the entry after the named one, a pair's second element as the key), and a
 *   description that says what a missing key gives in words MISSING_WORDS does not hold.
 * - stated-range.ts / rate-scope.ts: caps and floors after a rate in other words, a "then" that is
 *   no tier, a rate past a bound written without the number right after "past"/"exceeding", a rate
 *   whose unit is another field.
 * - stated-ordinary.ts, number-marks.ts, case-tests.ts: labels, money marks and case words in more wordings.
 * Specs invented here, none copied from a set under tests/fixtures/specs. Each holds the backend to
 * its promise (stated-attacks.ts); a `simple` spec must be published within six answers.
 * A31_TRACE=1 prints what the backend asked and published.
 */
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { attackSuite, keepsStatedPromise } from "./stated-attacks.ts";
import type { AttackStanding } from "./stated-attacks.ts";
import type { In } from "./stated-attacks.ts";
import type { Attack } from "./attack-round28-variants.ts";

const backend = createExampleBackend();
const keepsPromise = (a: Attack): Promise<void> => keepsStatedPromise(backend, a, { mustPublish: a.simple === true, traceVar: "A31_TRACE" });
const NUMBER_OR_NULL = { anyOf: [{ type: "number" }, { type: "null" }] };
const over = (x: number, n: number): number => Math.max(0, x - n);
const all = (): boolean => true;

/** The entries of `list` whose `key` passes `same`; a person has no answer when there is none. */
function named(list: readonly In[], same: (e: In) => boolean): In[] {
  const found = list.filter(same);
  if (found.length === 0) throw new Error(`outside the domain: no entry is named in ${JSON.stringify(list)}`);
  return found;
}

// ---------------------------------------------------------------------------------------------
// 1. Tasks that look like a lookup and are not.
// ---------------------------------------------------------------------------------------------

const LOOKALIKES: Record<string, Attack> = {
  // Prices logged oldest first: the latest one for the sku is the last entry with it.
  latestPrice: {
    name: "latest_price",
    description: "The latest price logged for the given sku; the log lists prices oldest first and a sku may be logged many times.",
    examples: [
      [{ sku: "A1", log: [{ sku: "A1", price: 5 }, { sku: "B2", price: 8 }] }, 5],
      [{ sku: "C3", log: [{ sku: "D4", price: 2 }, { sku: "C3", price: 12 }] }, 12],
    ],
    person: (i) => named(i.log, (e) => e.sku === i.sku).at(-1)!.price,
    probes: [{ sku: "A1", log: [{ sku: "A1", price: 5 }, { sku: "A1", price: 7 }] }, { sku: "B2", log: [{ sku: "B2", price: 1 }, { sku: "C3", price: 4 }, { sku: "B2", price: 3 }] }],
  },
  // A sum over every order line of the sku.
  totalOfSku: {
    name: "total_quantity_of_sku",
    description: "Total quantity ordered of the given sku, summed over all order lines.",
    examples: [
      [{ sku: "A1", lines: [{ sku: "A1", qty: 3 }, { sku: "B2", qty: 8 }] }, 3],
      [{ sku: "C3", lines: [{ sku: "D4", qty: 2 }, { sku: "C3", qty: 12 }] }, 12],
    ],
    person: (i) => named(i.lines, (e) => e.sku === i.sku).reduce((s, e) => s + e.qty, 0),
    probes: [{ sku: "A1", lines: [{ sku: "A1", qty: 3 }, { sku: "A1", qty: 4 }] }, { sku: "B2", lines: [{ sku: "B2", qty: 1 }, { sku: "C3", qty: 4 }, { sku: "B2", qty: 6 }] }],
  },
  // The best of a player's scores, a player listed once per game.
  bestScore: {
    name: "best_score_of_player",
    description: "The best score of the named player over all the games listed (one entry per game played).",
    examples: [
      [{ player: "mia", games: [{ name: "leo", score: 14 }, { name: "mia", score: 21 }] }, 21],
      [{ player: "tom", games: [{ name: "tom", score: 9 }, { name: "ida", score: 30 }] }, 9],
    ],
    person: (i) => Math.max(...named(i.games, (e) => e.name === i.player).map((e) => e.score as number)),
    probes: [{ player: "mia", games: [{ name: "mia", score: 4 }, { name: "mia", score: 18 }] }, { player: "ida", games: [{ name: "ida", score: 30 }, { name: "tom", score: 2 }, { name: "ida", score: 31 }] }],
  },
  // Names matched without regard to case: every example's key in the entry's own case.
  ignoringCase: {
    name: "email_by_name",
    description: "The email of the user whose name matches the given name, ignoring upper and lower case.",
    examples: [
      [{ name: "Ann", users: [{ name: "Ann", email: "a@x.org" }, { name: "Bob", email: "b@x.org" }] }, "a@x.org"],
      [{ name: "cleo", users: [{ name: "dan", email: "d@y.org" }, { name: "cleo", email: "c@y.org" }] }, "c@y.org"],
    ],
    person: (i) => named(i.users, (e) => e.name.toLowerCase() === i.name.toLowerCase())[0]!.email,
    probes: [{ name: "ann", users: [{ name: "Ann", email: "a@x.org" }] }, { name: "BOB", users: [{ name: "Ann", email: "a@x.org" }, { name: "Bob", email: "b@x.org" }] }],
  },
  // A prefix names the product, every example's prefix the whole code.
  codePrefix: {
    name: "price_by_prefix",
    description: "The price of the first product whose code starts with the given prefix.",
    examples: [
      [{ prefix: "AB", products: [{ code: "AB", price: 4 }, { code: "CD", price: 9 }] }, 4],
      [{ prefix: "XY", products: [{ code: "QQ", price: 1 }, { code: "XY", price: 6 }] }, 6],
    ],
    person: (i) => named(i.products, (e) => e.code.startsWith(i.prefix))[0]!.price,
    probes: [{ prefix: "AB", products: [{ code: "AB-1", price: 4 }, { code: "CD-2", price: 9 }] }, { prefix: "C", products: [{ code: "AB", price: 4 }, { code: "CD", price: 9 }] }],
  },
  // The nearest size in the table: every example's size is in the table.
  nearestSize: {
    name: "price_of_nearest_size",
    description: "The price for the given size: the table entry whose size is nearest the given one.",
    examples: [
      [{ size: 10, table: [{ size: 10, price: 3 }, { size: 20, price: 5 }] }, 3],
      [{ size: 40, table: [{ size: 30, price: 7 }, { size: 40, price: 9 }] }, 9],
    ],
    person: (i) => [...(i.table as In[])].sort((a, b) => Math.abs(a.size - i.size) - Math.abs(b.size - i.size))[0]!.price,
    probes: [{ size: 12, table: [{ size: 10, price: 3 }, { size: 20, price: 5 }] }, { size: 38, table: [{ size: 30, price: 7 }, { size: 40, price: 9 }] }],
  },
  // A grade table of minimum scores: the grade of the highest minimum at or below the score.
  gradeTable: {
    name: "grade_for_score",
    description: "The grade for the score, from the table of minimum scores: the grade of the highest minimum the score reaches.",
    examples: [
      [{ score: 90, table: [{ min: 90, grade: "A" }, { min: 75, grade: "B" }, { min: 0, grade: "C" }] }, "A"],
      [{ score: 75, table: [{ min: 90, grade: "A" }, { min: 75, grade: "B" }, { min: 0, grade: "C" }] }, "B"],
    ],
    person: (i) => [...(i.table as In[])].filter((e) => e.min <= i.score).sort((a, b) => b.min - a.min)[0]!.grade,
    probes: [{ score: 80, table: [{ min: 90, grade: "A" }, { min: 75, grade: "B" }, { min: 0, grade: "C" }] }, { score: 99, table: [{ min: 90, grade: "A" }, { min: 75, grade: "B" }, { min: 0, grade: "C" }] }],
  },
  // The train after the named one: the named entry is no answer.
  trainAfter: {
    name: "next_departure",
    description: "The departure time of the train listed right after the named train.",
    examples: [
      [{ train: "IC1", trains: [{ name: "IC1", time: 800 }, { name: "RE4", time: 815 }, { name: "S2", time: 830 }] }, 815],
      [{ train: "RE4", trains: [{ name: "IC1", time: 900 }, { name: "RE4", time: 915 }, { name: "S2", time: 940 }] }, 940],
    ],
    person: (i) => {
      const at = (i.trains as In[]).findIndex((t) => t.name === i.train);
      if (at < 0 || at + 1 >= i.trains.length) throw new Error(`outside the domain: ${JSON.stringify(i)}`);
      return i.trains[at + 1].time;
    },
    probes: [{ train: "A", trains: [{ name: "A", time: 1 }, { name: "B", time: 2 }] }, { train: "B", trains: [{ name: "A", time: 1 }, { name: "B", time: 2 }, { name: "C", time: 3 }] }],
  },
  // Pairs keyed by their second element.
  countryOfCapital: {
    name: "country_of_capital",
    description: "The country whose capital is the given city, from the list of [country, capital] pairs.",
    examples: [
      [{ city: "Paris", pairs: [["Spain", "Madrid"], ["France", "Paris"]] }, "France"],
      [{ city: "Lima", pairs: [["Peru", "Lima"], ["Chile", "Santiago"]] }, "Peru"],
    ],
    person: (i) => named(i.pairs.map((p: string[]) => ({ c: p[0], k: p[1] })), (e) => e.k === i.city)[0]!.c,
    probes: [{ city: "Santiago", pairs: [["Peru", "Lima"], ["Chile", "Santiago"]] }, { city: "Tokyo", pairs: [["Japan", "Tokyo"], ["Peru", "Lima"], ["Cuba", "Havana"]] }],
  },
  // Names with spaces around them in the list: the key is matched trimmed.
  trimmedNames: {
    name: "desk_of_person",
    description: "The desk of the named person; names in the seating list may carry stray spaces around them, which do not count.",
    examples: [
      [{ name: "Ann", seats: [{ name: "Ann", desk: 4 }, { name: "Bob", desk: 7 }] }, 4],
      [{ name: "Cy", seats: [{ name: "Dee", desk: 2 }, { name: "Cy", desk: 9 }] }, 9],
    ],
    person: (i) => named(i.seats, (e) => e.name.trim() === i.name)[0]!.desk,
    probes: [{ name: "Ann", seats: [{ name: " Ann ", desk: 4 }, { name: "Bob", desk: 7 }] }, { name: "Bob", seats: [{ name: "Bob  ", desk: 1 }] }],
  },
  // How much the named account's balance changed: the sum of its movements.
  netMovement: {
    name: "net_movement",
    description: "The net amount moved on the given account: every movement's amount for that account added up.",
    examples: [
      [{ account: "acc1", moves: [{ account: "acc1", amount: 50 }, { account: "acc2", amount: -20 }] }, 50],
      [{ account: "acc3", moves: [{ account: "acc4", amount: 10 }, { account: "acc3", amount: -35 }] }, -35],
    ],
    person: (i) => named(i.moves, (e) => e.account === i.account).reduce((s, e) => s + e.amount, 0),
    probes: [{ account: "acc1", moves: [{ account: "acc1", amount: 50 }, { account: "acc1", amount: -20 }] }, { account: "x", moves: [{ account: "x", amount: 1 }, { account: "y", amount: 2 }, { account: "x", amount: 3 }] }],
  },
  // The named runner's time less the winner's: a lookup and more.
  gapToWinner: {
    name: "gap_to_winner",
    description: "How many seconds the named runner finished behind the winner (the fastest time in the results).",
    examples: [
      [{ runner: "bea", results: [{ name: "cal", secs: 100 }, { name: "bea", secs: 100 }] }, 0],
      [{ runner: "dov", results: [{ name: "dov", secs: 130 }, { name: "eli", secs: 130 }] }, 0],
      [{ runner: "fin", results: [{ name: "fin", secs: 95 }, { name: "gus", secs: 120 }] }, 0],
    ],
    person: (i) => named(i.results, (e) => e.name === i.runner)[0]!.secs - Math.min(...i.results.map((e: In) => e.secs)),
    probes: [{ runner: "gus", results: [{ name: "fin", secs: 95 }, { name: "gus", secs: 120 }] }, { runner: "b", results: [{ name: "a", secs: 10 }, { name: "b", secs: 12 }, { name: "c", secs: 9 }] }],
  },
};

// ---------------------------------------------------------------------------------------------
// 2. A missing key's answer in words MISSING_WORDS does not hold: the lookup alone is wrong.
// ---------------------------------------------------------------------------------------------

const priceOr = (d: number) => (i: In): number => ((i.catalog as In[]).find((e) => e.sku === i.sku)?.price as number | undefined) ?? d;
const CATALOG_EXAMPLES: [In, number][] = [
  [{ sku: "A1", catalog: [{ sku: "A1", price: 5 }, { sku: "B2", price: 8 }] }, 5],
  [{ sku: "C3", catalog: [{ sku: "D4", price: 2 }, { sku: "C3", price: 12 }] }, 12],
  [{ sku: "B2", catalog: [{ sku: "A1", price: 5 }, { sku: "B2", price: 8 }] }, 8],
];
const MISSING_PROBES = [{ sku: "Q9", catalog: [{ sku: "A1", price: 5 }] }, { sku: "A1", catalog: [] }, { sku: "C3", catalog: [{ sku: "C3", price: 7 }] }];

const MISSING: Record<string, Attack> = {
  lacks: {
    name: "price_or_zero_lacks",
    description: "Price of the catalog entry whose sku is the given one; 0 when the catalog lacks that sku.",
    examples: CATALOG_EXAMPLES, person: priceOr(0), probes: MISSING_PROBES,
  },
  defaultsTo: {
    name: "price_defaults",
    description: "Price of the catalog entry with the given sku (defaults to 0 for skus the catalog omits).",
    examples: CATALOG_EXAMPLES, person: priceOr(0), probes: MISSING_PROBES,
  },
  unicodeMinus: {
    name: "price_or_minus",
    description: "Price of the catalog entry with the given sku; −1 when the catalog lacks the sku.",
    examples: CATALOG_EXAMPLES, person: priceOr(-1), probes: MISSING_PROBES,
  },
  minusOneWords: {
    name: "price_or_minus_one_words",
    description: "Price of the catalog entry with the given sku, minus one for a sku outside the catalog.",
    examples: CATALOG_EXAMPLES, person: priceOr(-1), probes: MISSING_PROBES,
  },
  freeWhenAbsentWords: {
    name: "price_free_outside",
    description: "Price of the given sku in the catalog; skus the catalog does without are free (price 0).",
    examples: CATALOG_EXAMPLES, person: priceOr(0), probes: MISSING_PROBES,
  },
  withoutEntry: {
    name: "stock_without_entry",
    description: "Stock of the item; an item without an entry in the inventory has a stock of 0.",
    examples: [
      [{ item: "pen", inventory: [{ item: "pen", stock: 10 }, { item: "ink", stock: 3 }] }, 10],
      [{ item: "cap", inventory: [{ item: "pad", stock: 4 }, { item: "cap", stock: 7 }] }, 7],
    ],
    person: (i) => ((i.inventory as In[]).find((e) => e.item === i.item)?.stock as number | undefined) ?? 0,
    probes: [{ item: "zip", inventory: [{ item: "pen", stock: 1 }] }, { item: "pen", inventory: [] }],
  },
  nullWord: {
    name: "manager_or_nobody",
    description: "The manager of the named employee, or nobody (JSON null) for a name the staff list lacks.",
    examples: [
      [{ name: "ana", staff: [{ name: "ana", manager: "bo" }, { name: "cy", manager: "dee" }] }, "bo"],
      [{ name: "eli", staff: [{ name: "fay", manager: "gus" }, { name: "eli", manager: "gus" }] }, "gus"],
    ],
    outputSchema: { anyOf: [{ type: "string" }, { type: "null" }] },
    person: (i) => ((i.staff as In[]).find((e) => e.name === i.name)?.manager as string | undefined) ?? null,
    probes: [{ name: "zed", staff: [{ name: "ana", manager: "bo" }] }, { name: "ana", staff: [] }],
  },
};

// ---------------------------------------------------------------------------------------------
// 3. Rates past a bound: caps and floors in other words, a "then" that is no tier, other senses.
// ---------------------------------------------------------------------------------------------

const RATES: Record<string, Attack> = {
  capNeverMore: {
    name: "storage_never_more",
    description: "Storage: 10, plus 2 per day past 30, but never more than 40 in all.",
    examples: [[{ days: 5 }, 10], [{ days: 20 }, 10]],
    person: (i) => Math.min(40, 10 + 2 * over(i.days, 30)),
    probes: [{ days: 31 }, { days: 60 }, { days: 100 }],
    settled: all,
  },
  capTopsOut: {
    name: "data_tops_out",
    description: "Data charge: 20, plus 4 per GB in excess of 10; the charge tops out at 60.",
    examples: [[{ gb: 3 }, 20], [{ gb: 12 }, 28]],
    person: (i) => Math.min(60, 20 + 4 * over(i.gb, 10)),
    probes: [{ gb: 20 }, { gb: 50 }, { gb: 11 }],
    settled: all,
  },
  floorNoLower: {
    name: "battery_floor",
    description: "Battery score: 100, minus 2 for each cycle past 500, bottoming out at 20.",
    examples: [[{ cycles: 100 }, 100], [{ cycles: 510 }, 80]],
    person: (i) => Math.max(20, 100 - 2 * over(i.cycles, 500)),
    probes: [{ cycles: 600 }, { cycles: 1000 }, { cycles: 520 }],
    settled: all,
  },
  thenFree: {
    name: "parking_then_free",
    description: "Parking: 3 per hour for the first 2 hours, then free.",
    examples: [[{ hours: 1 }, 3], [{ hours: 2 }, 6]],
    person: (i) => 3 * Math.min(i.hours, 2),
    probes: [{ hours: 5 }, { hours: 3 }, { hours: 0.5 }],
    settled: all,
  },
  thenRounded: {
    name: "fare_then_rounded",
    description: "Fare: 2 per km for the first 10 km, then rounded up to a whole number.",
    examples: [[{ km: 3 }, 6], [{ km: 2.5 }, 5]],
    person: (i) => Math.ceil(2 * Math.min(i.km, 10)),
    probes: [{ km: 2.2 }, { km: 12 }],
    settled: all,
  },
  exceedingGrace: {
    name: "late_grace",
    description: "Late fee: 5 per day exceeding the grace period of 3 days.",
    examples: [[{ days: 1 }, 0], [{ days: 2 }, 0], [{ days: 3 }, 0]],
    person: (i) => 5 * over(i.days, 3),
    probes: [{ days: 4 }, { days: 10 }],
    settled: all,
  },
  pastTheFirst: {
    name: "freight_past_first",
    description: "Freight: 50, plus 0.5 per km past the first 100 km.",
    examples: [[{ km: 20 }, 50], [{ km: 80 }, 50]],
    person: (i) => 50 + 0.5 * over(i.km, 100),
    probes: [{ km: 140 }, { km: 300 }],
    settled: all,
  },
  perPassenger: {
    name: "shuttle_fee",
    description: "Shuttle fee: 12, plus 3 per passenger over 4, on every km driven.",
    examples: [[{ passengers: 2, km: 1 }, 12], [{ passengers: 4, km: 1 }, 12], [{ passengers: 6, km: 1 }, 18]],
    person: (i) => i.km * (12 + 3 * over(i.passengers, 4)),
    probes: [{ passengers: 6, km: 3 }, { passengers: 1, km: 10 }],
  },
  pastAsFormer: {
    name: "loyalty_discount",
    description: "Loyalty discount: 5 for each past order, the discount capped at 30.",
    examples: [[{ orders: 1 }, 5], [{ orders: 3 }, 15]],
    person: (i) => Math.min(30, 5 * i.orders),
    probes: [{ orders: 6 }, { orders: 10 }, { orders: 0 }],
    settled: all,
  },
  tierThenHalfCap: {
    name: "energy_bill",
    description: "Energy: 0.2 per kWh for the first 100 kWh, then 0.3 per kWh; at least 5.",
    examples: [[{ kwh: 50 }, 10], [{ kwh: 100 }, 20]],
    person: (i) => Math.max(5, 0.2 * Math.min(i.kwh, 100) + 0.3 * over(i.kwh, 100)),
    probes: [{ kwh: 10 }, { kwh: 200 }],
    settled: all,
  },
};

// ---------------------------------------------------------------------------------------------
// 4. The stated number, money marks and case words in more wordings.
// ---------------------------------------------------------------------------------------------

const WORDINGS: Record<string, Attack> = {
  // A number field that no guard reads and is no part of the answer: the seat number.
  seatField: {
    name: "ticket_with_seat",
    description: "Ticket price: 12; 9 when the age is over 64.",
    examples: [[{ age: 30, seat: 14 }, 12], [{ age: 70, seat: 3 }, 9]],
    person: (i) => (i.age > 64 ? 9 : 12),
    probes: [{ age: 64, seat: 1 }, { age: 65, seat: 99 }, { age: 10, seat: 50 }],
    settled: all,
    simple: true,
  },
  // "by courier" is a way of sending, not a rate.
  byCourier: {
    name: "courier_shipping",
    description: "Shipping by courier: 0 when the basket is above 50, else 9.",
    examples: [[{ basket: 80 }, 0], [{ basket: 20 }, 9]],
    person: (i) => (i.basket > 50 ? 0 : 9),
    probes: [{ basket: 50 }, { basket: 51 }, { basket: 1 }],
    settled: all,
    simple: true,
  },
  // "7.00 EUR" after the number.
  euroAfter: {
    name: "postage_euro",
    description: "Postage: 0 when the order is above 30, else 7.00 EUR.",
    examples: [[{ order: 10 }, 7], [{ order: 60 }, 0]],
    person: (i) => (i.order > 30 ? 0 : 7),
    probes: [{ order: 30 }, { order: 31 }, { order: 2 }],
    settled: all,
    simple: true,
  },
  // "1.5k€": a thousand and a half euros, the k beside the digits and the sign.
  kiloEuroTight: {
    name: "bike_levy",
    description: "Levy: 0 when the price is below 1.5k€, else 0.1 × price.",
    examples: [[{ price: 2000 }, 200], [{ price: 5000 }, 500]],
    person: (i) => (i.price < 1500 ? 0 : 0.1 * i.price),
    probes: [{ price: 1000 }, { price: 1500 }, { price: 1499 }],
  },
  // "2 mln": a million in an abbreviation.
  mlnWord: {
    name: "grant_mln",
    description: "Grant: 0.1 × cost; null when the cost is over 2 mln.",
    examples: [[{ cost: 1000000 }, 100000], [{ cost: 1500000 }, 150000]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.cost > 2000000 ? null : 0.1 * i.cost),
    probes: [{ cost: 3000000 }, { cost: 2000000 }, { cost: 2000001 }],
    settled: all,
  },
  // "40 thousand" in words, examples above it.
  thousandWords: {
    name: "salary_levy_words",
    description: "Levy: 0 when the salary is below 40 thousand, else 0.1 × salary.",
    examples: [[{ salary: 80000 }, 8000], [{ salary: 100000 }, 10000]],
    person: (i) => (i.salary < 40000 ? 0 : 0.1 * i.salary),
    probes: [{ salary: 30000 }, { salary: 40000 }, { salary: 39999 }],
    settled: all,
    simple: true,
  },
  // "$1.2M" with a capital M beside a dollar sign.
  dollarMega: {
    name: "house_tax",
    description: "Tax: 0.01 × price; 0.02 × price when the price is over $1.2M.",
    examples: [[{ price: 500000 }, 5000], [{ price: 1000000 }, 10000]],
    person: (i) => (i.price > 1200000 ? 0.02 * i.price : 0.01 * i.price),
    probes: [{ price: 2000000 }, { price: 1200000 }, { price: 1200001 }],
    settled: all,
  },
  // "in capitals" about the output: the filter keeps the names that are not empty.
  capitalsOutput: {
    name: "names_in_capitals",
    description: "The names that are not empty, each written in capitals.",
    examples: [[{ names: ["ann", "", "bob"] }, ["ANN", "BOB"]], [{ names: ["", "cleo"] }, ["CLEO"]]],
    person: (i) => (i.names as string[]).filter((n) => n !== "").map((n) => n.toUpperCase()),
    probes: [{ names: ["AL", "", "Bo"] }, { names: ["42", "x"] }, { names: ["new york", ""] }],
  },
  // "lowercased": the case words spent on the answer.
  lowercasedLines: {
    name: "lowercased_tags",
    description: "The tags that are not blank, lowercased.",
    examples: [[{ tags: ["Red", " ", "BLUE"] }, ["red", "blue"]], [{ tags: ["", "Green"] }, ["green"]]],
    person: (i) => (i.tags as string[]).filter((t) => t.trim() !== "").map((t) => t.toLowerCase()),
    probes: [{ tags: ["red", "", "x1"] }, { tags: ["42"] }, { tags: ["Dark Red", ""] }],
  },
  // The example backend must not ask about an example's own input (the team field is free text).
  exampleInput: {
    name: "team_size",
    description: "How many players the team has.",
    examples: [[{ team: "Reds", players: ["a", "b"] }, 2], [{ team: "Blues", players: ["c"] }, 1], [{ team: "FC", players: [] }, 0]],
    person: (i) => (i.players as string[]).length,
    probes: [{ team: "X", players: ["a", "b", "c"] }],
    simple: true,
  },
};

// ---------------------------------------------------------------------------------------------
// Controls: plain specs that must publish right within six answers.
// ---------------------------------------------------------------------------------------------

const CONTROLS: Record<string, Attack> = {
  lookupPrice: {
    name: "price_of_code",
    description: "The price of the product with the given code.",
    examples: [
      [{ code: "P1", products: [{ code: "P1", price: 3 }, { code: "P2", price: 8 }] }, 3],
      [{ code: "P9", products: [{ code: "P7", price: 1 }, { code: "P9", price: 6 }] }, 6],
    ],
    person: (i) => named(i.products, (e) => e.code === i.code)[0]!.price,
    probes: [{ code: "P2", products: [{ code: "P1", price: 3 }, { code: "P2", price: 8 }] }, { code: "Z", products: [{ code: "Z", price: 0 }] }],
    simple: true,
  },
  lookupPairSecond: {
    name: "owner_of_pet",
    description: "The pet of the named owner, from the list of [owner, pet] pairs.",
    examples: [
      [{ owner: "ann", pairs: [["bob", "cat"], ["ann", "dog"]] }, "dog"],
      [{ owner: "cy", pairs: [["cy", "fish"], ["dee", "bird"]] }, "fish"],
    ],
    person: (i) => named(i.pairs.map((p: string[]) => ({ o: p[0], p: p[1] })), (e) => e.o === i.owner)[0]!.p,
    probes: [{ owner: "bob", pairs: [["bob", "cat"], ["ann", "dog"]] }, { owner: "eve", pairs: [["eve", "rat"]] }],
    simple: true,
  },
  exceedingPlain: {
    name: "overtime_plain",
    description: "Overtime pay: 0, plus 30 per hour in excess of 38.",
    examples: [[{ hours: 30 }, 0], [{ hours: 36 }, 0]],
    person: (i) => 30 * over(i.hours, 38),
    probes: [{ hours: 39 }, { hours: 38 }, { hours: 45 }],
    simple: true,
  },
  thereafterPlain: {
    name: "copy_cost",
    description: "Copies: 0.1 per page up to 50 pages, and 0.05 per page thereafter.",
    examples: [[{ pages: 20 }, 2], [{ pages: 150 }, 10]],
    person: (i) => 0.1 * Math.min(i.pages, 50) + 0.05 * over(i.pages, 50),
    probes: [{ pages: 50 }, { pages: 51 }, { pages: 5 }],
    simple: true,
  },
  poundMillion: {
    name: "estate_duty",
    description: "Duty: 0 when the estate is below £1m, else 0.4 × estate.",
    examples: [[{ estate: 2000000 }, 800000], [{ estate: 3000000 }, 1200000]],
    person: (i) => (i.estate < 1000000 ? 0 : 0.4 * i.estate),
    probes: [{ estate: 500000 }, { estate: 1000000 }],
    simple: true,
  },
  elseDollar: {
    name: "wrap_fee",
    description: "Gift wrap: 0 when the order is above $40, else $3.",
    examples: [[{ order: 10 }, 3], [{ order: 60 }, 0]],
    person: (i) => (i.order > 40 ? 0 : 3),
    probes: [{ order: 40 }, { order: 41 }, { order: 1 }],
    settled: all,
    simple: true,
  },
};

/** The attacks that break the promise, by cause, with what was published (A31_TRACE=1 shows each trace). */
const BREAKS = new Set<string>([
  // PUBLISHED WRONG, no question: a "then" that ends a rate rather than tiers it. "3 per hour for the
  // first 2 hours, then free" as `hours * 3` (5 h → 15, want 6); "2 per km for the first 10 km, then
  // rounded up" as `Math.ceil(2 * km)` (12 km → 24, want 20).
  "thenFree", "thenRounded",
  // PUBLISHED WRONG, no question: a floor after a tier, "…, then 0.3 per kWh; at least 5", published as
  // `kwh > 100 ? kwh / 5 + 0.1 * (kwh - 100) : kwh / 5` (10 kWh → 2, want 5).
  "tierThenHalfCap",
  // ASKED OUTSIDE THE DOMAIN: "the train listed right after the named train" asked IC1 in a reversed
  // list where IC1 is last (no train after it); the person has no answer.
  "trainAfter",
  // ASKED ABOUT SETTLED INPUTS. A cap or floor after a rate in other words: "but never more than 40
  // in all" asks days 6, 4, 40, 30, 53, 2, 3 and never publishes; "the charge tops out at 60" asks gb
  // 10, 33, 20, 4, 13, 24, then publishes `60 + Math.max(0, 4 * Math.max(gb, 10)) - 4 * Math.max(gb,
  // 20)` (right); "bottoming out at 20" asks cycles 99, 0, 101, 993, 1 and gives up.
  "capNeverMore", "capTopsOut", "floorNoLower",
  // ASKED ABOUT SETTLED INPUTS. A bound not right after the rate's word: "5 per day exceeding the grace
  // period of 3 days" asks days 6, 4, 0, 7 then publishes `5 * (days - Math.min(days, 3))`; "0.5 per km
  // past the first 100 km" asks km 0, 1, 3, 2, … forever. "5 for each past order, … capped at 30" asks
  // orders 8 (programs_disagree), then publishes `Math.min(30, orders * 5)`.
  "exceedingGrace", "pastTheFirst", "pastAsFormer",
  // ASKED FOREVER ABOUT SETTLED INPUTS (plain tasks): a number field no guard reads beside the stated
  // answer ("Ticket price: 12; 9 when the age is over 64" with `seat`) asks ages 0, 1, 3, 2, …; "Shipping
  // by courier" (read as a rate "by …") asks basket 0, 1, 3, 2, ….
  "seatField", "byCourier",
  // ASKED ABOUT SETTLED INPUTS: thousands and millions number-marks.ts does not write out. "over 2 mln"
  // asks cost 2, 3, 1000001, …; "below 40 thousand" (a plain task) asks salary 80001, 40002, … forever;
  // "over $1.2M" asks price 500001, 499999, 250000, ….
  "mlnWord", "thousandWords", "dollarMega",
]);

/**
 * Broke round 31 and was published wrong ("an item without an entry in the inventory has a stock of
 * 0": the plain lookup, then after the lead's mend the largest stock); round 32 reads the stated 0
 * as the lookup's answer for a missing key (lookup-keys.ts `missingAnswer`) and publishes
 * `some(named) ? find(named).stock : 0`. And "the names that are not empty, each written in capitals"
 * was published as every name's words (`names.flatMap((x) => x.toUpperCase().split(/\s+/)…)`, "new
 * york" two names); round 32 asks about a name with a space inside where the program cuts at spaces
 * and no word of the description speaks of words (described-shapes.ts). "The code starts with the
 * given prefix" and "the size nearest the given one" were published as the exact match, which throws on
 * prefix "C" or size 12 (every example's key was an entry's own); round 32 asks once about an example
 * with the named entry moved off its key as the words allow (key-questions.ts `keyApproached`).
 */
const FIXED_32 = new Set<string>(["withoutEntry", "capitalsOutput", "codePrefix", "nearestSize"]);

/**
 * Broke round 31, mended by the lead before it landed (each was published wrong):
 * - lookup-program.ts: words that read more than the first entry the key names ("the latest … logged
 *   many times", "summed over all order lines", "every movement … added up") leave the search's pick
 *   in place of the lookup program; lookup-keys.ts asks about the named entry listed again with other
 *   numbers (the first, the last, or the sum part there).
 * - lookup-keys.ts: a key the words only bring near an entry ("the highest minimum the score
 *   reaches", "starts with", "nearest") is no lookup key; a missing key's answer in more words
 *   ("lacks", "defaults to", "−1", "minus one", "outside", "free", "without") turns the lookup off
 *   (since round 32, where those words state one answer it is the lookup's answer for a missing key).
 * - the mend of round 31pre's case words (case-tests.ts) holds for "lowercased".
 */
const FIXED = new Set<string>(["latestPrice", "totalOfSku", "netMovement", "gradeTable", "lacks", "defaultsTo", "unicodeMinus", "minusOneWords", "freeWhenAbsentWords", "lowercasedLines"]);

/** A describe of attacks, each named by how it stands (stated-attacks.ts). */
function attacks(title: string, list: Record<string, Attack>, kind = "attack"): void {
  const standing: AttackStanding = { breaks: BREAKS, fixed: [["round 32", FIXED_32], ["round 31, lead", FIXED]] };
  attackSuite(title, list, standing, keepsPromise, kind);
}

attacks("lookalikes of a lookup", LOOKALIKES);
attacks("a missing key's answer in other words", MISSING);
attacks("rates past a bound: caps, floors, a then that is no tier", RATES);
attacks("the stated number, money marks and case words", WORDINGS);
attacks("controls", CONTROLS, "control");
