// Writes the development specs beyond the original 24 into tests/fixtures/specs/dev: each kind is a
// generator of random inputs and the reference function, so the held-out `tests` are honest. Seeded:
// running it again writes the same files. `node scripts/make-dev-specs.ts`
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { int, list, pick, rngFor, schemaOf } from "./spec-rng.ts";
import type { Rng } from "./spec-rng.ts";

type J = unknown;

const NAMES = ["ana", "bo", "cy", "dee", "eli", "fay", "gus", "hal", "ivy", "jo", "kai", "lu", "mo", "nia", "oz"];
const FIRST = ["Nancy", "Ahmed", "Lucia", "Tomas", "Grace", "Omar", "Mei", "Ivan", "Sara", "Paulo", "Erin", "Kofi"];
const LAST = ["FreeHafer", "Okafor", "Silva", "Novak", "Hopper", "Haddad", "Chen", "Petrov", "Lind", "Costa", "Walsh", "Mensah"];
const WORDS = ["alpha", "delta", "river", "stone", "maple", "cloud", "ember", "frost", "grove", "harbor", "island", "jungle"];
const CATS = ["tools", "food", "toys", "books"];
const CITIES = ["rome", "oslo", "lima", "kyiv", "pune", "baku"];
const INDUSTRIES = ["Mining", "Fishing", "Farming", "Banking", "Retail"];

interface Kind {
  name: string;
  description: string;
  examples: number;
  gen: (r: Rng) => J;
  f: (input: J) => J;
  /** Hand-picked examples (inputs) used first, e.g. the edge cases a person would give. */
  fixed?: J[];
  outputSchema?: Record<string, unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type A = any;
const round2 = (v: number): number => Math.round(v * 100) / 100;
const sum = (xs: number[]): number => xs.reduce((s, v) => s + v, 0);
const item = (r: Rng) => ({ name: pick(r, WORDS), qty: int(r, 1, 9), unit_price: int(r, 1, 40) });

const KINDS: Kind[] = [
  // ── arithmetic with constants that appear in no example ──
  { name: "minutes_total", description: "Total minutes of a duration given in hours and minutes.", examples: 3,
    gen: (r) => ({ hours: int(r, 0, 12), minutes: int(r, 0, 59) }), f: (i: A) => i.hours * 60 + i.minutes },
  { name: "invoice_total", description: "Invoice total: the sum of qty * unit_price over the lines, plus tax at tax_rate.", examples: 4,
    gen: (r) => ({ tax_rate: pick(r, [0.1, 0.2, 0.05, 0.25]), lines: list(r, 1, 3, () => item(r)) }),
    f: (i: A) => sum(i.lines.map((l: A) => l.qty * l.unit_price)) * (1 + i.tax_rate) },
  { name: "weighted_score", description: "Weighted mean of the scores, each weighted by its weight.", examples: 3,
    gen: (r) => ({ parts: list(r, 2, 4, () => ({ score: int(r, 40, 100), weight: int(r, 1, 4) })) }),
    f: (i: A) => sum(i.parts.map((p: A) => p.score * p.weight)) / sum(i.parts.map((p: A) => p.weight)) },
  { name: "mean_stars_rounded", description: "Mean of the review stars, rounded to the nearest whole star.", examples: 4,
    gen: (r) => ({ reviews: list(r, 1, 5, () => ({ stars: int(r, 1, 5) })) }),
    fixed: [{ reviews: [{ stars: 4 }, { stars: 5 }] }, { reviews: [{ stars: 1 }, { stars: 3 }, { stars: 1 }] }],
    f: (i: A) => Math.round(sum(i.reviews.map((x: A) => x.stars)) / i.reviews.length) },
  { name: "fraction_done", description: "Fraction of the tasks that are done (between 0 and 1).", examples: 4,
    gen: (r) => ({ tasks: list(r, 1, 5, () => ({ done: r() < 0.5 })) }),
    fixed: [{ tasks: [{ done: true }, { done: false }] }, { tasks: [{ done: true }, { done: true }, { done: false }, { done: true }] }],
    f: (i: A) => i.tasks.filter((t: A) => t.done).length / i.tasks.length },
  { name: "celsius_to_fahrenheit", description: "Convert a temperature from Celsius to Fahrenheit.", examples: 3,
    gen: (r) => ({ celsius: int(r, -20, 40) }), fixed: [{ celsius: 0 }, { celsius: 100 }, { celsius: 37 }], f: (i: A) => (i.celsius * 9) / 5 + 32 },
  { name: "rect_perimeter", description: "Perimeter of a rectangle.", examples: 3,
    gen: (r) => ({ width: int(r, 1, 30), height: int(r, 1, 30) }), f: (i: A) => 2 * (i.width + i.height) },
  { name: "price_with_vat", description: "Price including 20% VAT, rounded to cents.", examples: 3,
    gen: (r) => ({ net: int(r, 100, 9999) / 100 }), f: (i: A) => round2(i.net * 1.2) },
  { name: "total_grams_in_kg", description: "Total weight of the parcels in kilograms (weights are in grams).", examples: 3,
    gen: (r) => ({ parcels: list(r, 1, 4, () => ({ grams: int(r, 50, 5000) })) }), f: (i: A) => sum(i.parcels.map((p: A) => p.grams)) / 1000 },
  { name: "value_range", description: "Spread of the readings: largest minus smallest.", examples: 3,
    gen: (r) => ({ readings: list(r, 1, 6, () => int(r, -10, 90)) }), f: (i: A) => Math.max(...i.readings) - Math.min(...i.readings) },
  { name: "average_order_value", description: "Average amount per order.", examples: 3,
    gen: (r) => ({ orders: list(r, 1, 5, () => ({ id: int(r, 1, 999), amount: int(r, 5, 200) })) }),
    f: (i: A) => sum(i.orders.map((o: A) => o.amount)) / i.orders.length },
  { name: "speed_kmh", description: "Average speed in km/h from a distance in metres and a time in seconds.", examples: 3,
    gen: (r) => ({ metres: int(r, 1, 50) * 100, seconds: int(r, 1, 20) * 60 }), f: (i: A) => (i.metres / i.seconds) * 3.6 },
  { name: "bmi", description: "Body mass index: weight in kg divided by the square of the height in metres, rounded to one decimal.", examples: 3,
    gen: (r) => ({ kg: int(r, 45, 110), metres: int(r, 150, 200) / 100 }), f: (i: A) => Math.round((i.kg / (i.metres * i.metres)) * 10) / 10 },
  { name: "pages_needed", description: "How many pages are needed to show the rows, at most per_page rows on a page.", examples: 4,
    gen: (r) => ({ rows: int(r, 0, 95), per_page: pick(r, [10, 20, 25]) }), fixed: [{ rows: 40, per_page: 20 }, { rows: 41, per_page: 20 }], f: (i: A) => Math.ceil(i.rows / i.per_page) },
  // ── predicates ──
  { name: "has_duplicate_ids", description: "True when some id occurs more than once.", examples: 4,
    gen: (r) => ({ records: list(r, 1, 5, () => ({ id: int(r, 1, 6) })) }),
    fixed: [{ records: [{ id: 1 }, { id: 2 }, { id: 1 }] }, { records: [{ id: 3 }, { id: 4 }] }, { records: [{ id: 5 }, { id: 6 }, { id: 2 }, { id: 6 }] }, { records: [{ id: 9 }] }],
    f: (i: A) => new Set(i.records.map((x: A) => x.id)).size !== i.records.length },
  { name: "is_adult", description: "True when the person is 18 or older.", examples: 4,
    gen: (r) => ({ name: pick(r, NAMES), age: int(r, 5, 70) }), fixed: [{ name: "ana", age: 18 }, { name: "bo", age: 17 }], f: (i: A) => i.age >= 18 },
  { name: "any_overdue", description: "True when some invoice is past its due day.", examples: 4,
    gen: (r) => ({ today: int(r, 10, 30), invoices: list(r, 1, 4, () => ({ due: int(r, 1, 40) })) }), f: (i: A) => i.invoices.some((v: A) => v.due < i.today) },
  // ── filtering, grouping, sorting ──
  { name: "sort_by_line_total", description: "Item names ordered by qty * unit_price, largest first.", examples: 3,
    gen: (r) => ({ items: list(r, 2, 4, () => item(r)) }),
    f: (i: A) => [...i.items].sort((a: A, b: A) => b.qty * b.unit_price - a.qty * a.unit_price).map((x: A) => x.name) },
  { name: "cheap_names", description: "Names of the products priced under 20.", examples: 3,
    gen: (r) => ({ products: list(r, 1, 5, () => ({ name: pick(r, WORDS), price: int(r, 1, 40) })) }),
    f: (i: A) => i.products.filter((p: A) => p.price < 20).map((p: A) => p.name) },
  { name: "count_by_category", description: "Number of products in each category, as an object keyed by category.", examples: 3,
    gen: (r) => ({ products: list(r, 1, 5, () => ({ name: pick(r, WORDS), category: pick(r, CATS) })) }),
    f: (i: A) => { const o: Record<string, number> = {}; for (const p of i.products) o[p.category] = (o[p.category] ?? 0) + 1; return o; },
    outputSchema: { type: "object", additionalProperties: { type: "integer" } } },
  { name: "best_score_by_player", description: "Best (highest) score of each player, as an object keyed by player.", examples: 3,
    gen: (r) => ({ games: list(r, 2, 6, () => ({ player: pick(r, NAMES.slice(0, 4)), score: int(r, 0, 50) })) }),
    f: (i: A) => { const o: Record<string, number> = {}; for (const g of i.games) o[g.player] = Math.max(o[g.player] ?? -Infinity, g.score); return o; },
    outputSchema: { type: "object", additionalProperties: { type: "integer" } } },
  { name: "names_alphabetical", description: "The names sorted alphabetically.", examples: 3,
    gen: (r) => ({ names: list(r, 1, 5, () => pick(r, NAMES)) }), f: (i: A) => [...i.names].sort() },
  { name: "oldest_first", description: "Names of the people, oldest first.", examples: 3,
    gen: (r) => ({ people: list(r, 2, 4, () => ({ name: pick(r, NAMES), age: int(r, 1, 90) })) }),
    f: (i: A) => [...i.people].sort((a: A, b: A) => b.age - a.age).map((p: A) => p.name) },
  { name: "in_stock_skus", description: "SKUs of the items that are in stock.", examples: 3,
    gen: (r) => ({ items: list(r, 1, 5, () => ({ sku: `S${int(r, 100, 999)}`, stock: pick(r, [0, 0, int(r, 1, 30)]) })) }),
    f: (i: A) => i.items.filter((x: A) => x.stock > 0).map((x: A) => x.sku) },
  { name: "spend_by_customer", description: "Total amount spent by each customer, as an object keyed by customer.", examples: 3,
    gen: (r) => ({ orders: list(r, 1, 5, () => ({ customer: pick(r, NAMES.slice(0, 4)), amount: int(r, 1, 99) })) }),
    f: (i: A) => { const o: Record<string, number> = {}; for (const x of i.orders) o[x.customer] = (o[x.customer] ?? 0) + x.amount; return o; },
    outputSchema: { type: "object", additionalProperties: { type: "number" } } },
  { name: "longest_word", description: "The longest word of the list (the first one on a tie).", examples: 3,
    gen: (r) => ({ words: list(r, 1, 5, () => pick(r, [...WORDS, ...NAMES])) }),
    f: (i: A) => i.words.reduce((b: string, w: string) => (w.length > b.length ? w : b)) },
  { name: "last_event_name", description: "Name of the most recent event (the last one in the list).", examples: 3,
    gen: (r) => ({ events: list(r, 1, 4, () => ({ name: pick(r, WORDS), at: int(r, 1, 99) })) }), f: (i: A) => i.events.at(-1).name },
  { name: "distinct_city_count", description: "How many different cities the customers live in.", examples: 3,
    gen: (r) => ({ customers: list(r, 1, 5, () => ({ name: pick(r, NAMES), city: pick(r, CITIES) })) }),
    f: (i: A) => new Set(i.customers.map((c: A) => c.city)).size },
  { name: "second_highest", description: "The second highest of the scores.", examples: 3,
    gen: (r) => ({ scores: list(r, 2, 5, () => int(r, 0, 100)) }), f: (i: A) => [...i.scores].sort((a, b) => b - a)[1] },
  // ── strings, FlashFill-style ──
  { name: "initials", description: "Initials of the name, each followed by a dot.", examples: 2,
    gen: (r) => ({ name: `${pick(r, FIRST)} ${pick(r, LAST)}` }), f: (i: A) => i.name.split(" ").map((w: string) => `${w[0]}.`).join("") },
  { name: "phone_parens", description: "Phone number with the area code in parentheses.", examples: 2,
    gen: (r) => ({ phone: `${int(r, 200, 999)}-${int(r, 100, 999)}-${int(r, 1000, 9999)}` }),
    f: (i: A) => `(${i.phone.slice(0, 3)}) ${i.phone.slice(4)}` },
  { name: "digits_only", description: "Only the digits of the phone number.", examples: 2,
    gen: (r) => ({ phone: pick(r, [`<${int(r, 100, 999)}> ${int(r, 100, 999)}-${int(r, 1000, 9999)}`, `(${int(r, 100, 999)}) ${int(r, 100, 999)} ${int(r, 1000, 9999)}`]) }),
    fixed: [{ phone: "<978> 654-0299" }], f: (i: A) => i.phone.replace(/\D/g, "") },
  { name: "first_word", description: "The first word of the company's industry.", examples: 3,
    gen: (r) => ({ industry: r() < 0.5 ? pick(r, INDUSTRIES) : `${pick(r, INDUSTRIES)} ${pick(r, ["US", "EU", "Asia"])}` }),
    fixed: [{ industry: "Mining US" }, { industry: "Fishing" }], f: (i: A) => i.industry.split(" ")[0] },
  { name: "last_comma_first", description: "The name written as last name, comma, first name.", examples: 2,
    gen: (r) => ({ name: `${pick(r, FIRST)} ${pick(r, LAST)}` }), f: (i: A) => { const [a, b] = i.name.split(" "); return `${b}, ${a}`; } },
  { name: "file_suffix", description: "Extension of the file name (after the last dot).", examples: 3,
    gen: (r) => ({ file: `${pick(r, WORDS)}${r() < 0.5 ? `.${pick(r, ["v2", "final", "old"])}` : ""}.${pick(r, ["pdf", "txt", "csv", "json"])}` }),
    fixed: [{ file: "report.final.pdf" }], f: (i: A) => i.file.split(".").at(-1) },
  { name: "date_dmy", description: "The ISO date (year-month-day) written as day/month/year.", examples: 2,
    gen: (r) => ({ date: `${int(r, 1990, 2030)}-${String(int(r, 1, 12)).padStart(2, "0")}-${String(int(r, 1, 28)).padStart(2, "0")}` }),
    f: (i: A) => i.date.split("-").reverse().join("/") },
  { name: "username_from_email", description: "Lower-cased user part of the email address (before the @).", examples: 2,
    gen: (r) => ({ email: `${pick(r, FIRST)}.${pick(r, LAST)}@${pick(r, WORDS)}.com` }), f: (i: A) => i.email.split("@")[0].toLowerCase() },
  { name: "capitalize", description: "The word with its first letter upper-cased.", examples: 2,
    gen: (r) => ({ word: pick(r, WORDS) }), f: (i: A) => i.word[0].toUpperCase() + i.word.slice(1) },
  { name: "count_letter", description: "How many times the letter occurs in the word.", examples: 3,
    gen: (r) => { const w = pick(r, [...FIRST, ...WORDS]); return { word: w, letter: pick(r, [...w.toLowerCase()]) }; },
    fixed: [{ word: "Hannah", letter: "n" }], f: (i: A) => i.word.split(i.letter).length - 1 },
  { name: "month_abbrev", description: "Three-letter abbreviation of the month name.", examples: 2,
    gen: (r) => ({ month: pick(r, ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]) }), f: (i: A) => i.month.slice(0, 3) },
  { name: "product_code", description: "Product code: the first three letters of the name upper-cased, a dash, the id.", examples: 2,
    gen: (r) => ({ name: pick(r, WORDS), id: int(r, 1, 999) }), f: (i: A) => `${i.name.slice(0, 3).toUpperCase()}-${i.id}` },
  { name: "slug", description: "URL slug of the title: lower case, words joined by dashes.", examples: 2,
    gen: (r) => ({ title: list(r, 2, 4, () => pick(r, FIRST)).join(" ") }), f: (i: A) => i.title.toLowerCase().split(" ").join("-") },
  { name: "padded_id", description: "The ticket number padded with zeros to 5 digits.", examples: 3,
    gen: (r) => ({ number: int(r, 1, 9999) }), f: (i: A) => String(i.number).padStart(5, "0") },
  { name: "money_label", description: "The amount as dollars with two decimals, e.g. $3.50.", examples: 3,
    gen: (r) => ({ amount: int(r, 1, 99999) / 100 }), fixed: [{ amount: 3.5 }], f: (i: A) => `$${i.amount.toFixed(2)}` },
  { name: "greeting", description: "A greeting for the person.", examples: 2,
    gen: (r) => ({ name: pick(r, FIRST), city: pick(r, CITIES) }), f: (i: A) => `Hello, ${i.name} from ${i.city}!` },
  { name: "domain_upper", description: "The email's domain name without its top-level part, upper-cased.", examples: 2,
    gen: (r) => ({ email: `${pick(r, NAMES)}@${pick(r, WORDS)}.${pick(r, ["com", "org", "io"])}` }), f: (i: A) => i.email.split("@")[1].split(".")[0].toUpperCase() },
];

function build(kind: Kind): Record<string, unknown> {
  const r = rngFor(kind.name);
  const seen = new Set<string>();
  const draw = (): { input: J; output: J } => {
    for (let tries = 0; ; tries++) {
      const input = kind.gen(r);
      const key = JSON.stringify(input);
      if (seen.has(key) && tries < 200) continue;
      seen.add(key);
      return { input, output: kind.f(input) };
    }
  };
  const examples = (kind.fixed ?? []).slice(0, kind.examples).map((input) => (seen.add(JSON.stringify(input)), { input, output: kind.f(input) }));
  while (examples.length < kind.examples) examples.push(draw());
  const tests = Array.from({ length: 8 }, (_, i) => ({ name: `golden_${i + 1}`, ...draw() }));
  return {
    capability: kind.name,
    description: kind.description,
    inputSchema: schemaOf([...examples, ...tests].map((e) => e.input)),
    outputSchema: kind.outputSchema ?? schemaOf([...examples, ...tests].map((e) => e.output)),
    constraints: ["deterministic", "schema_validated"],
    examples,
    tests,
  };
}

const dir = join(import.meta.dirname, "../tests/fixtures/specs/dev");
for (const kind of KINDS) await writeFile(join(dir, `${kind.name}.json`), JSON.stringify(build(kind), null, 2) + "\n");
console.log(`wrote ${KINDS.length} specs to ${dir}`);
