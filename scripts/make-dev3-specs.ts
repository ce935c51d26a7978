// Writes the third development set, tests/fixtures/specs/dev3: for each kind, the examples a person
// would give (few, small or round values, hand-picked so that they often admit several readings) and
// held-out tests drawn at random plus edge inputs (zeros, negatives, one element, ties, boundaries).
// Every output is computed by the reference program in tests/fixtures/specs/dev3.reference.mjs,
// never by hand. Seeded: running it again writes the same files. `node scripts/make-dev3-specs.ts`
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { int, list, pick, rngFor, schemaOf } from "./spec-rng.ts";
import type { Rng } from "./spec-rng.ts";
// @ts-expect-error -- a plain ES module of reference functions, shared with the reference test
import { reference } from "../tests/fixtures/specs/dev3.reference.mjs";

type J = unknown;
const pad2 = (n: number): string => String(n).padStart(2, "0");

const NAMES = ["ana", "bo", "cy", "dee", "eli", "fay", "gus", "hal", "ivy", "jo", "kai", "lu"];
const FIRST = ["Nora", "Ahmed", "Lucia", "Tomas", "Grace", "Omar", "Mei", "Ivan", "Sara", "Paulo"];
const LAST = ["Okafor", "Silva", "Novak", "Hopper", "Haddad", "Chen", "Petrov", "Lind", "Costa", "Walsh"];
const WORDS = ["apple", "banana", "cherry", "river", "stone", "maple", "cloud", "ember", "frost", "grove", "harbor", "island", "localization", "accessibility", "kubernetes"];
const CITIES = ["Rome", "Oslo", "Lima", "Kyiv", "Pune", "Baku"];
const STREETS = ["1 Main St", "22 Oak Road", "5 Elm Way", "310 Bay Ave", "7 Hill Lane"];
const TITLES = ["Dune", "Emma", "Hamlet", "War and Peace", "The Hobbit", "Middlemarch", "Moby Dick", "The Left Hand of Darkness", "Ulysses", "Beloved"];
const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

interface Kind {
  name: string;
  description: string;
  /** The examples' inputs, as a person would pick them. */
  examples: J[];
  gen: (r: Rng) => J;
  /** Held-out inputs a person would not think of giving but a user will send. */
  edges?: J[];
}

const line = (r: Rng) => ({ qty: int(r, 1, 9), price: int(r, 1, 50) });

const KINDS: Kind[] = [
  // ── arithmetic over records ──
  { name: "order_subtotal", description: "Subtotal of the order: the sum over the lines of qty times price.",
    examples: [{ lines: [{ qty: 1, price: 10 }, { qty: 2, price: 5 }] }, { lines: [{ qty: 3, price: 4 }] }],
    gen: (r) => ({ lines: list(r, 1, 4, () => line(r)) }), edges: [{ lines: [] }, { lines: [{ qty: 1, price: 7 }] }] },
  { name: "rent_share", description: "Each person's share of the rent, rounded to cents.",
    examples: [{ rent: 1200, people: 3 }, { rent: 1000, people: 4 }],
    gen: (r) => ({ rent: int(r, 300, 2500), people: int(r, 1, 6) }), edges: [{ rent: 1000, people: 3 }, { rent: 500, people: 1 }] },
  { name: "floor_area", description: "Total floor area of the rooms (width times length of each).",
    examples: [{ rooms: [{ width: 3, length: 3 }, { width: 2, length: 2 }] }, { rooms: [{ width: 4, length: 4 }] }],
    gen: (r) => ({ rooms: list(r, 1, 4, () => ({ width: int(r, 2, 9), length: int(r, 2, 12) })) }) },
  { name: "trip_fuel_cost", description: "Fuel cost of a trip from its length, the car's consumption per 100 km and the fuel price, rounded to cents.",
    examples: [{ km: 100, litres_per_100km: 5, price_per_litre: 2 }, { km: 200, litres_per_100km: 6, price_per_litre: 1.5 }],
    gen: (r) => ({ km: int(r, 10, 900), litres_per_100km: int(r, 4, 12), price_per_litre: int(r, 120, 220) / 100 }) },
  { name: "sale_price", description: "Price after taking percent_off percent off.",
    examples: [{ price: 100, percent_off: 10 }, { price: 50, percent_off: 20 }],
    gen: (r) => ({ price: int(r, 1, 400), percent_off: pick(r, [5, 10, 15, 25, 30, 50]) }), edges: [{ price: 80, percent_off: 0 }, { price: 30, percent_off: 100 }] },
  { name: "tip_amount", description: "Tip to leave: tip_percent percent of the bill, rounded to cents.",
    examples: [{ bill: 100, tip_percent: 15 }, { bill: 40, tip_percent: 10 }],
    gen: (r) => ({ bill: int(r, 500, 20000) / 100, tip_percent: pick(r, [10, 12, 15, 18, 20]) }) },
  { name: "age_in_year", description: "How old someone born in birth_year is (or turns) in the given year.",
    examples: [{ birth_year: 2000, year: 2020 }, { birth_year: 1990, year: 2025 }],
    gen: (r) => ({ birth_year: int(r, 1940, 2015), year: int(r, 2016, 2030) }) },
  { name: "shift_hours", description: "Total hours worked over the shifts (each from start hour to end hour).",
    examples: [{ shifts: [{ start: 9, end: 17 }] }, { shifts: [{ start: 8, end: 12 }, { start: 13, end: 17 }] }],
    gen: (r) => ({ shifts: list(r, 1, 4, () => { const s = int(r, 6, 14); return { start: s, end: s + int(r, 1, 9) }; }) }), edges: [{ shifts: [] }] },
  { name: "stock_value", description: "Value of the stock: the sum of stock times unit cost over the items.",
    examples: [{ items: [{ stock: 10, cost: 2 }, { stock: 5, cost: 4 }] }, { items: [{ stock: 1, cost: 30 }] }],
    gen: (r) => ({ items: list(r, 1, 4, () => ({ stock: pick(r, [0, int(r, 1, 40)]), cost: int(r, 1, 25) })) }), edges: [{ items: [{ stock: 0, cost: 9 }] }] },
  // ── aggregates of lists ──
  { name: "lowest_reading", description: "The lowest of the readings.",
    examples: [{ readings: [1, 5, 3] }, { readings: [2, 8] }],
    gen: (r) => ({ readings: list(r, 1, 6, () => int(r, -20, 40)) }), edges: [{ readings: [7] }, { readings: [9, 4, -3] }] },
  { name: "team_points", description: "Total points scored by the team's players.",
    examples: [{ players: [{ name: "ana", points: 10 }, { name: "bo", points: 20 }] }, { players: [{ name: "cy", points: 5 }] }],
    gen: (r) => ({ players: list(r, 1, 5, () => ({ name: pick(r, NAMES), points: int(r, 0, 30) })) }), edges: [{ players: [] }] },
  { name: "mean_age_rounded", description: "Average age of the people, rounded to a whole year.",
    examples: [{ people: [{ age: 20 }, { age: 30 }] }, { people: [{ age: 40 }] }],
    gen: (r) => ({ people: list(r, 1, 5, () => ({ age: int(r, 1, 90) })) }), edges: [{ people: [{ age: 20 }, { age: 21 }, { age: 21 }] }] },
  { name: "sum_of_evens", description: "Sum of the even numbers in the list.",
    examples: [{ numbers: [1, 2, 3, 4] }, { numbers: [2, 2] }, { numbers: [5] }],
    gen: (r) => ({ numbers: list(r, 0, 6, () => int(r, -9, 20)) }), edges: [{ numbers: [] }, { numbers: [6, 1, 8] }] },
  { name: "net_change", description: "Change over the period: the last reading minus the first.",
    examples: [{ readings: [10, 12, 15] }, { readings: [5, 9] }],
    gen: (r) => ({ readings: list(r, 1, 6, () => int(r, 0, 50)) }), edges: [{ readings: [20, 50, 10] }, { readings: [8] }] },
  { name: "longest_name_length", description: "Length of the longest name.",
    examples: [{ names: ["ana", "bo"] }, { names: ["grace", "ivy", "tomas"] }],
    gen: (r) => ({ names: list(r, 1, 5, () => pick(r, [...NAMES, ...FIRST])) }), edges: [{ names: ["bo", "lucia"] }] },
  // ── filters and counts ──
  { name: "count_positive", description: "How many of the numbers are positive.",
    examples: [{ numbers: [1, -2, 3] }, { numbers: [4, 5] }],
    gen: (r) => ({ numbers: list(r, 0, 6, () => int(r, -5, 9)) }), edges: [{ numbers: [0, 0, 1] }, { numbers: [] }] },
  { name: "failed_test_count", description: "Number of test results that did not pass.",
    examples: [{ results: [{ test: "a", passed: true }, { test: "b", passed: false }] }, { results: [{ test: "c", passed: true }] }],
    gen: (r) => ({ results: list(r, 1, 6, () => ({ test: pick(r, NAMES), passed: r() < 0.6 })) }) },
  { name: "names_above_limit", description: "Names of the people whose score is above the limit.",
    examples: [{ limit: 50, people: [{ name: "ana", score: 60 }, { name: "bo", score: 40 }] }, { limit: 10, people: [{ name: "cy", score: 20 }] }],
    gen: (r) => ({ limit: pick(r, [10, 25, 50, 70]), people: list(r, 1, 5, () => ({ name: pick(r, NAMES), score: int(r, 0, 100) })) }),
    edges: [{ limit: 50, people: [{ name: "dee", score: 50 }, { name: "eli", score: 51 }] }] },
  { name: "open_ticket_ids", description: "Ids of the tickets whose status is open.",
    examples: [{ tickets: [{ id: 1, status: "open" }, { id: 2, status: "closed" }] }, { tickets: [{ id: 3, status: "open" }] }],
    gen: (r) => ({ tickets: list(r, 1, 5, () => ({ id: int(r, 1, 99), status: pick(r, ["open", "closed", "pending"]) })) }) },
  { name: "prices_at_least", description: "How many prices are at least the threshold.",
    examples: [{ threshold: 10, prices: [5, 15, 20] }, { threshold: 100, prices: [50] }],
    gen: (r) => ({ threshold: pick(r, [10, 20, 50]), prices: list(r, 0, 6, () => int(r, 1, 80)) }), edges: [{ threshold: 20, prices: [20, 19, 21] }] },
  { name: "words_with_letter_first", description: "The words that start with the letter.",
    examples: [{ letter: "a", words: ["apple", "banana", "avocado"] }, { letter: "c", words: ["cherry"] }],
    gen: (r) => { const ws = list(r, 1, 5, () => pick(r, WORDS)); return { letter: pick(r, [...ws.map((w) => w[0] as string), "z"]), words: ws }; } },
  { name: "long_title_count", description: "How many titles are longer than 10 characters.",
    examples: [{ titles: ["Dune", "The Hobbit", "War and Peace"] }, { titles: ["Emma"] }],
    gen: (r) => ({ titles: list(r, 0, 5, () => pick(r, TITLES)) }) },
  // ── string formatting ──
  { name: "address_line", description: "One-line address: street, a comma, then the zip code and the city.",
    examples: [{ street: "1 Main St", city: "Oslo", zip: "0150" }, { street: "22 Oak Road", city: "Rome", zip: "00184" }],
    gen: (r) => ({ street: pick(r, STREETS), city: pick(r, CITIES), zip: String(int(r, 1000, 99999)) }) },
  { name: "surname_caps_first", description: "The surname in capitals, a comma, then the first name.",
    examples: [{ first: "Nora", last: "Lind" }, { first: "Omar", last: "Chen" }],
    gen: (r) => ({ first: pick(r, FIRST), last: pick(r, LAST) }) },
  { name: "percent_label", description: "The ratio as a whole percentage with a percent sign.",
    examples: [{ ratio: 0.5 }, { ratio: 0.25 }],
    gen: (r) => ({ ratio: int(r, 0, 1000) / 1000 }), edges: [{ ratio: 0 }, { ratio: 1 }, { ratio: 0.333 }] },
  { name: "numeronym", description: "Numeronym of the word: first letter, number of letters in between, last letter (like i18n).",
    examples: [{ word: "localization" }, { word: "kubernetes" }],
    gen: (r) => ({ word: pick(r, WORDS) }) },
  { name: "words_reversed", description: "The sentence with its words in reverse order.",
    examples: [{ sentence: "hello world" }, { sentence: "one two three" }],
    gen: (r) => ({ sentence: list(r, 1, 5, () => pick(r, WORDS)).join(" ") }) },
  { name: "title_case", description: "The text with the first letter of every word upper-cased.",
    examples: [{ text: "hello world" }, { text: "the river" }],
    gen: (r) => ({ text: list(r, 1, 4, () => pick(r, WORDS)).join(" ") }) },
  { name: "file_stem", description: "The file name without its extension (the part after the last dot).",
    examples: [{ file: "report.pdf" }, { file: "notes.txt" }],
    gen: (r) => ({ file: `${pick(r, WORDS)}${r() < 0.5 ? `.${pick(r, ["v2", "final", "tar"])}` : ""}.${pick(r, ["pdf", "txt", "gz", "json"])}` }) },
  // ── dates and times ──
  { name: "year_of_iso_date", description: "The year of the ISO date, as a number.",
    examples: [{ date: "2024-03-05" }, { date: "1999-12-31" }],
    gen: (r) => ({ date: `${int(r, 1950, 2040)}-${pad2(int(r, 1, 12))}-${pad2(int(r, 1, 28))}` }) },
  { name: "clock_minutes", description: "Minutes since midnight of the 24-hour clock time HH:MM.",
    examples: [{ time: "01:00" }, { time: "00:30" }, { time: "02:15" }],
    gen: (r) => ({ time: `${pad2(int(r, 0, 23))}:${pad2(int(r, 0, 59))}` }) },
  { name: "quarter_of_month", description: "Quarter of the year (1 to 4) that the month number (1 to 12) falls in.",
    examples: [{ month: 1 }, { month: 4 }, { month: 12 }],
    gen: (r) => ({ month: int(r, 1, 12) }), edges: [{ month: 3 }, { month: 6 }, { month: 7 }] },
  { name: "seconds_as_clock", description: "A duration in seconds written as minutes:seconds, the seconds on two digits.",
    examples: [{ seconds: 60 }, { seconds: 125 }],
    gen: (r) => ({ seconds: int(r, 0, 3600) }), edges: [{ seconds: 5 }, { seconds: 600 }] },
  // ── booleans over collections ──
  { name: "all_positive", description: "True when every number is positive.",
    examples: [{ numbers: [1, 2, 3] }, { numbers: [-1, 2] }],
    gen: (r) => ({ numbers: list(r, 1, 5, () => int(r, -3, 9)) }), edges: [{ numbers: [0, 4] }, { numbers: [5, -2] }, { numbers: [] }] },
  { name: "any_admin", description: "True when some user has the admin role.",
    examples: [{ users: [{ name: "ana", role: "admin" }, { name: "bo", role: "user" }] }, { users: [{ name: "cy", role: "user" }] }],
    gen: (r) => ({ users: list(r, 1, 5, () => ({ name: pick(r, NAMES), role: pick(r, ["user", "user", "admin", "guest"]) })) }), edges: [{ users: [{ name: "dee", role: "guest" }, { name: "eli", role: "admin" }] }] },
  { name: "is_non_decreasing", description: "True when the numbers never go down from one to the next.",
    examples: [{ numbers: [1, 2, 3] }, { numbers: [3, 1] }],
    gen: (r) => ({ numbers: list(r, 1, 5, () => int(r, 0, 9)) }), edges: [{ numbers: [1, 5, 2, 6] }, { numbers: [2, 2, 3] }, { numbers: [4] }] },
  { name: "single_currency", description: "True when all the payments are in the same currency.",
    examples: [{ payments: [{ amount: 10, currency: "EUR" }, { amount: 5, currency: "EUR" }] }, { payments: [{ amount: 3, currency: "USD" }, { amount: 4, currency: "EUR" }] }],
    gen: (r) => ({ payments: list(r, 1, 4, () => ({ amount: int(r, 1, 99), currency: pick(r, ["EUR", "EUR", "USD", "GBP"]) })) }),
    edges: [{ payments: [{ amount: 1, currency: "GBP" }, { amount: 2, currency: "GBP" }, { amount: 3, currency: "EUR" }] }] },
  { name: "is_weekend", description: "True when the day is a weekend day.",
    examples: [{ day: "Sat" }, { day: "Mon" }],
    gen: (r) => ({ day: pick(r, DAYS) }), edges: DAYS.map((day) => ({ day })) },
  // ── lookups ──
  { name: "price_of_sku", description: "Price of the catalog entry whose sku is the given one.",
    examples: [{ sku: "A1", catalog: [{ sku: "A1", price: 5 }, { sku: "B2", price: 8 }] }, { sku: "C3", catalog: [{ sku: "C3", price: 12 }] }],
    gen: (r) => { const cat = ["A1", "B2", "C3", "D4"].slice(0, int(r, 1, 4)).map((sku) => ({ sku, price: int(r, 1, 60) })); return { sku: pick(r, cat).sku, catalog: cat }; } },
  { name: "letter_grade", description: "Letter grade of the score: A from 90, B from 80, C from 70, otherwise F.",
    examples: [{ score: 95 }, { score: 85 }, { score: 72 }, { score: 40 }],
    gen: (r) => ({ score: int(r, 0, 100) }), edges: [{ score: 90 }, { score: 80 }, { score: 70 }, { score: 69 }] },
  { name: "manager_of", description: "The manager of the named employee.",
    examples: [{ name: "ana", staff: [{ name: "ana", manager: "bo" }, { name: "cy", manager: "dee" }] }, { name: "eli", staff: [{ name: "fay", manager: "gus" }, { name: "eli", manager: "gus" }] }],
    gen: (r) => { const staff = list(r, 1, 4, () => ({ name: pick(r, NAMES), manager: pick(r, FIRST) })); return { name: pick(r, staff).name, staff }; } },
  { name: "stock_of_item", description: "How many of the item are in stock (0 when the inventory does not list it).",
    examples: [{ item: "pen", inventory: [{ item: "pen", stock: 10 }, { item: "ink", stock: 3 }] }, { item: "cap", inventory: [{ item: "pen", stock: 4 }] }],
    gen: (r) => ({ item: pick(r, ["pen", "ink", "cap", "pad"]), inventory: list(r, 0, 3, () => ({ item: pick(r, ["pen", "ink", "cap", "pad"]), stock: int(r, 0, 20) })) }) },
];

function build(kind: Kind): Record<string, unknown> {
  const f = (reference as Record<string, (input: J) => J>)[kind.name];
  if (!f) throw new Error(`no reference program for ${kind.name}`);
  const r = rngFor(kind.name);
  const seen = new Set(kind.examples.map((e) => JSON.stringify(e)));
  const examples = kind.examples.map((input) => ({ input, output: f(structuredClone(input)) }));
  const inputs: J[] = [];
  // Edges are tested even when an example holds the same input (a small domain such as the weekdays).
  const take = (input: J): void => {
    seen.add(JSON.stringify(input));
    inputs.push(input);
  };
  for (const e of kind.edges ?? []) if (!inputs.some((x) => JSON.stringify(x) === JSON.stringify(e))) take(e);
  for (let tries = 0; inputs.length < 10 && tries < 500; tries++) {
    const input = kind.gen(r);
    if (!seen.has(JSON.stringify(input))) take(input);
  }
  for (let k = 0; inputs.length < 8 && k < kind.examples.length; k++) inputs.push(kind.examples[k]);
  const tests = inputs.slice(0, 15).map((input, i) => ({ name: `golden_${i + 1}`, input, output: f(structuredClone(input)) }));
  const all = [...examples, ...tests];
  return {
    capability: kind.name,
    description: kind.description,
    inputSchema: schemaOf(all.map((e) => e.input)),
    outputSchema: schemaOf(all.map((e) => e.output)),
    constraints: ["deterministic", "schema_validated"],
    examples,
    tests,
  };
}

const dir = join(import.meta.dirname, "../tests/fixtures/specs/dev3");
await mkdir(dir, { recursive: true });
for (const kind of KINDS) await writeFile(join(dir, `${kind.name}.json`), JSON.stringify(build(kind), null, 2) + "\n");
console.log(`wrote ${KINDS.length} specs to ${dir}`);
