/**
 * Round 31b (issue 17): questions about inputs outside the task's domain. Where programs fitting
 * the examples disagree the backend asks about a distinguishing input; on a lookup ("the price of
 * the entry whose sku is the given one") it asked about a key no entry has, where the person's
 * reading has no answer and no value of the output schema can be given. Each person here THROWS
 * on such an input, so a question about one fails the test. Two specs are dev3's (price_of_sku,
 * manager_of, with their examples), the others are invented; the controls state the answer for a
 * missing key or are no lookup. R31B_TRACE=1 prints what the backend asked and published.
 */
import { describe, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { ANSWERED_MS } from "./answered.ts";
import { keepsStatedPromise } from "./stated-attacks.ts";
import type { In, StatedAttack } from "./stated-attacks.ts";

const backend = createExampleBackend();
const keeps = (a: StatedAttack): Promise<void> => keepsStatedPromise(backend, a, { mustPublish: true, traceVar: "R31B_TRACE" });

/** The first entry of `list` whose `key` is `value`; a person has no answer when there is none. */
function entry(list: readonly In[], key: string, value: unknown): In {
  const found = list.find((e) => e[key] === value);
  if (!found) throw new Error(`outside the domain: no entry whose ${key} is ${JSON.stringify(value)}`);
  return found;
}

/** Lookups whose key must name an entry of the list: the person cannot answer about any other. */
const LOOKUPS: Record<string, StatedAttack> = {
  priceOfSku: {
    name: "price_of_sku",
    description: "Price of the catalog entry whose sku is the given one.",
    examples: [
      [{ sku: "A1", catalog: [{ sku: "A1", price: 5 }, { sku: "B2", price: 8 }] }, 5],
      [{ sku: "C3", catalog: [{ sku: "C3", price: 12 }] }, 12],
    ],
    outputSchema: { type: "integer" },
    person: (i: In) => entry(i.catalog, "sku", i.sku).price as number,
    probes: [
      { sku: "B2", catalog: [{ sku: "A1", price: 35 }, { sku: "B2", price: 39 }] },
      { sku: "C3", catalog: [{ sku: "A1", price: 32 }, { sku: "B2", price: 20 }, { sku: "C3", price: 44 }, { sku: "D4", price: 5 }] },
      { sku: "A1", catalog: [{ sku: "A1", price: 16 }] },
      { sku: "B2", catalog: [{ sku: "A1", price: 9 }, { sku: "B2", price: 5 }, { sku: "C3", price: 2 }] },
    ],
  },
  managerOf: {
    name: "manager_of",
    description: "The manager of the named employee.",
    examples: [
      [{ name: "ana", staff: [{ name: "ana", manager: "bo" }, { name: "cy", manager: "dee" }] }, "bo"],
      [{ name: "eli", staff: [{ name: "fay", manager: "gus" }, { name: "eli", manager: "gus" }] }, "gus"],
    ],
    outputSchema: { type: "string" },
    person: (i: In) => entry(i.staff, "name", i.name).manager as string,
    probes: [
      { name: "hal", staff: [{ name: "hal", manager: "Grace" }, { name: "eli", manager: "Ivan" }, { name: "lu", manager: "Ahmed" }] },
      { name: "gus", staff: [{ name: "hal", manager: "Paulo" }, { name: "gus", manager: "Grace" }, { name: "kai", manager: "Nora" }] },
      { name: "kai", staff: [{ name: "kai", manager: "Mei" }] },
      { name: "cy", staff: [{ name: "ana", manager: "bo" }, { name: "cy", manager: "dee" }, { name: "eli", manager: "gus" }] },
    ],
  },
  stockOfNamedItem: {
    name: "stock_of_named_item",
    description: "How many of the named item are in stock.",
    examples: [
      [{ item: "pen", inventory: [{ item: "pen", stock: 10 }, { item: "ink", stock: 3 }] }, 10],
      [{ item: "cap", inventory: [{ item: "pad", stock: 4 }, { item: "cap", stock: 7 }] }, 7],
    ],
    person: (i: In) => entry(i.inventory, "item", i.item).stock as number,
    probes: [
      { item: "ink", inventory: [{ item: "pen", stock: 2 }, { item: "ink", stock: 9 }, { item: "cap", stock: 1 }] },
      { item: "pad", inventory: [{ item: "pad", stock: 0 }] },
      { item: "ink", inventory: [{ item: "pen", stock: 2 }, { item: "ink", stock: 5 }, { item: "cap", stock: 8 }] },
    ],
  },
  emailOfUser: {
    name: "email_of_user",
    description: "The email of the user with the given id.",
    examples: [
      [{ id: 7, users: [{ id: 3, email: "a@x.org" }, { id: 7, email: "b@y.com" }] }, "b@y.com"],
      [{ id: 12, users: [{ id: 12, email: "c@z.net" }] }, "c@z.net"],
    ],
    person: (i: In) => entry(i.users, "id", i.id).email as string,
    probes: [
      { id: 5, users: [{ id: 5, email: "d@q.io" }, { id: 6, email: "e@q.io" }] },
      { id: 40, users: [{ id: 1, email: "f@r.io" }, { id: 2, email: "g@r.io" }, { id: 40, email: "h@r.io" }] },
      { id: 2, users: [{ id: 9, email: "f@r.io" }, { id: 2, email: "g@r.io" }, { id: 40, email: "h@r.io" }] },
    ],
  },
  capitalOfCountry: {
    name: "capital_of_country",
    description: "The capital of the given country, from the list of [country, capital] pairs.",
    examples: [
      [{ country: "France", pairs: [["Spain", "Madrid"], ["France", "Paris"]] }, "Paris"],
      [{ country: "Peru", pairs: [["Peru", "Lima"], ["Chile", "Santiago"], ["Cuba", "Havana"]] }, "Lima"],
    ],
    person: (i: In) => {
      const pair = (i.pairs as string[][]).find((p) => p[0] === i.country);
      if (!pair) throw new Error(`outside the domain: no pair for ${String(i.country)}`);
      return pair[1] as string;
    },
    probes: [
      { country: "Cuba", pairs: [["Peru", "Lima"], ["Chile", "Santiago"], ["Cuba", "Havana"]] },
      { country: "Japan", pairs: [["Japan", "Tokyo"]] },
      { country: "Chile", pairs: [["Peru", "Lima"], ["Chile", "Santiago"], ["Cuba", "Havana"]] },
    ],
  },
  scoreOfPlayer: {
    name: "score_of_player",
    description: "The score of the named player.",
    examples: [
      [{ player: "mia", scores: [{ name: "leo", score: 14 }, { name: "mia", score: 21 }] }, 21],
      [{ player: "tom", scores: [{ name: "tom", score: 9 }, { name: "ida", score: 30 }] }, 9],
    ],
    person: (i: In) => entry(i.scores, "name", i.player).score as number,
    probes: [
      { player: "ida", scores: [{ name: "tom", score: 9 }, { name: "ida", score: 30 }, { name: "ann", score: 2 }] },
      { player: "zoe", scores: [{ name: "zoe", score: 0 }] },
      { player: "tom", scores: [{ name: "ida", score: 30 }, { name: "tom", score: 12 }, { name: "ann", score: 2 }] },
    ],
  },
  ageOfPerson: {
    name: "age_of_person",
    description: "Age of the person with the given name.",
    examples: [
      [{ name: "Ann", people: [{ name: "Ann", age: 31 }, { name: "Bob", age: 45 }] }, 31],
      [{ name: "Cleo", people: [{ name: "Dan", age: 19 }, { name: "Cleo", age: 62 }] }, 62],
    ],
    person: (i: In) => entry(i.people, "name", i.name).age as number,
    probes: [
      { name: "Bob", people: [{ name: "Ann", age: 31 }, { name: "Bob", age: 45 }, { name: "Eve", age: 8 }] },
      { name: "Eve", people: [{ name: "Eve", age: 8 }] },
      { name: "Bob", people: [{ name: "Ann", age: 31 }, { name: "Bob", age: 25 }, { name: "Eve", age: 8 }] },
    ],
  },
  phoneOfContact: {
    name: "phone_of_contact",
    description: "The phone number of the contact with the given name.",
    examples: [
      [{ name: "Jo", contacts: [{ name: "Jo", phone: "555-0101" }, { name: "Al", phone: "555-0199" }] }, "555-0101"],
      [{ name: "Sue", contacts: [{ name: "Kim", phone: "555-0142" }, { name: "Sue", phone: "555-0177" }] }, "555-0177"],
    ],
    person: (i: In) => entry(i.contacts, "name", i.name).phone as string,
    probes: [
      { name: "Al", contacts: [{ name: "Jo", phone: "555-0101" }, { name: "Al", phone: "555-0199" }, { name: "Kim", phone: "555-0142" }] },
      { name: "Ned", contacts: [{ name: "Ned", phone: "555-0123" }] },
      { name: "Kim", contacts: [{ name: "Jo", phone: "555-0101" }, { name: "Kim", phone: "555-0142" }, { name: "Al", phone: "555-0199" }] },
    ],
  },
  titleOfIsbn: {
    name: "title_of_isbn",
    description: "Title of the book whose isbn is the given one.",
    examples: [
      [{ isbn: "978-1", books: [{ isbn: "978-2", title: "Dune" }, { isbn: "978-1", title: "Emma" }] }, "Emma"],
      [{ isbn: "978-5", books: [{ isbn: "978-5", title: "Ulysses" }] }, "Ulysses"],
    ],
    person: (i: In) => entry(i.books, "isbn", i.isbn).title as string,
    probes: [
      { isbn: "978-2", books: [{ isbn: "978-2", title: "Dune" }, { isbn: "978-1", title: "Emma" }, { isbn: "978-9", title: "Beloved" }] },
      { isbn: "978-3", books: [{ isbn: "978-3", title: "Ivanhoe" }] },
      { isbn: "978-1", books: [{ isbn: "978-2", title: "Dune" }, { isbn: "978-1", title: "Emma" }, { isbn: "978-0", title: "Beloved" }] },
    ],
  },
  quantityOfOrder: {
    name: "quantity_of_order",
    description: "The quantity of the order with the given order id.",
    examples: [
      [{ orderId: "o-2", orders: [{ orderId: "o-1", quantity: 3 }, { orderId: "o-2", quantity: 11 }] }, 11],
      [{ orderId: "o-9", orders: [{ orderId: "o-9", quantity: 1 }, { orderId: "o-4", quantity: 6 }] }, 1],
    ],
    person: (i: In) => entry(i.orders, "orderId", i.orderId).quantity as number,
    probes: [
      { orderId: "o-4", orders: [{ orderId: "o-9", quantity: 1 }, { orderId: "o-4", quantity: 6 }, { orderId: "o-5", quantity: 2 }] },
      { orderId: "o-7", orders: [{ orderId: "o-7", quantity: 25 }] },
      { orderId: "o-5", orders: [{ orderId: "o-9", quantity: 1 }, { orderId: "o-5", quantity: 4 }, { orderId: "o-1", quantity: 6 }] },
    ],
  },
  departmentOf: {
    name: "department_of",
    description: "The department of the named employee.",
    examples: [
      [{ employee: "raj", staff: [{ name: "raj", department: "sales" }, { name: "lin", department: "legal" }] }, "sales"],
      [{ employee: "ola", staff: [{ name: "max", department: "ops" }, { name: "ola", department: "it" }] }, "it"],
    ],
    person: (i: In) => entry(i.staff, "name", i.employee).department as string,
    probes: [
      { employee: "lin", staff: [{ name: "raj", department: "sales" }, { name: "lin", department: "legal" }, { name: "max", department: "ops" }] },
      { employee: "kit", staff: [{ name: "kit", department: "hr" }] },
      { employee: "max", staff: [{ name: "raj", department: "sales" }, { name: "max", department: "ops" }, { name: "lin", department: "legal" }] },
    ],
  },
  placeOfRunner: {
    name: "place_of_runner",
    description: "The place (1 for the winner) at which the named runner finished, from the finishing order.",
    examples: [
      [{ runner: "bea", finish: ["cal", "bea", "dov"] }, 2],
      [{ runner: "ezra", finish: ["ezra", "fin"] }, 1],
    ],
    person: (i: In) => {
      const at = (i.finish as string[]).indexOf(i.runner as string);
      if (at < 0) throw new Error(`outside the domain: ${String(i.runner)} did not finish`);
      return at + 1;
    },
    probes: [{ runner: "dov", finish: ["cal", "bea", "dov"] }, { runner: "gil", finish: ["hal", "ivo", "jan", "gil"] }, { runner: "kim", finish: ["kim"] }, { runner: "ivo", finish: ["hal", "ivo", "jan"] }],
  },
  unitPriceOfProduct: {
    name: "unit_price_of_product",
    description: "The unit price of the product with the given code.",
    examples: [
      [{ code: "P-10", products: [{ code: "P-10", unitPrice: 2.5 }, { code: "P-11", unitPrice: 4 }] }, 2.5],
      [{ code: "P-30", products: [{ code: "P-20", unitPrice: 1.25 }, { code: "P-30", unitPrice: 9.99 }] }, 9.99],
    ],
    outputSchema: { type: "number" },
    person: (i: In) => entry(i.products, "code", i.code).unitPrice as number,
    probes: [
      { code: "P-11", products: [{ code: "P-10", unitPrice: 2.5 }, { code: "P-11", unitPrice: 4 }, { code: "P-12", unitPrice: 0.5 }] },
      { code: "P-40", products: [{ code: "P-40", unitPrice: 7 }] },
      { code: "P-11", products: [{ code: "P-10", unitPrice: 2.5 }, { code: "P-11", unitPrice: 1 }, { code: "P-12", unitPrice: 0.5 }] },
    ],
  },
};

/** A count of entries carrying a tag: a tag no entry has is in the domain (the answer is 0). */
const TAG_COUNT: StatedAttack = {
  name: "count_with_tag",
  description: "How many of the entries carry the given tag.",
  examples: [
    [{ tag: "red", entries: [{ id: 1, tags: ["red", "big"] }, { id: 2, tags: ["blue"] }, { id: 3, tags: ["red"] }] }, 2],
    [{ tag: "new", entries: [{ id: 4, tags: ["old"] }, { id: 5, tags: ["new", "hot"] }] }, 1],
    [{ tag: "big", entries: [{ id: 6, tags: ["small"] }] }, 0],
  ],
  person: (i: In) => (i.entries as In[]).filter((e) => (e.tags as string[]).includes(i.tag as string)).length,
  probes: [
    { tag: "hot", entries: [{ id: 1, tags: ["hot"] }, { id: 2, tags: ["hot", "new"] }, { id: 3, tags: ["hot"] }] },
    { tag: "x", entries: [] },
    { tag: "blue", entries: [{ id: 1, tags: ["red"] }, { id: 2, tags: ["blue", "blue"] }] },
    { tag: "red", entries: [{ id: 1, tags: ["reddish"] }, { id: 2, tags: ["red", "big"] }] },
  ],
};

/** Controls: the description states the answer for a key no entry has, or the task is no lookup. */
const CONTROLS: Record<string, StatedAttack> = {
  stockOrZero: {
    name: "stock_of_item",
    description: "How many of the item are in stock (0 when the inventory does not list it).",
    examples: [
      [{ item: "pen", inventory: [{ item: "pen", stock: 10 }, { item: "ink", stock: 3 }] }, 10],
      [{ item: "cap", inventory: [{ item: "pen", stock: 4 }] }, 0],
    ],
    outputSchema: { type: "integer" },
    person: (i: In) => ((i.inventory as In[]).find((e) => e.item === i.item)?.stock as number | undefined) ?? 0,
    probes: [
      { item: "pad", inventory: [{ item: "pad", stock: 17 }, { item: "cap", stock: 11 }] },
      { item: "ink", inventory: [] },
      { item: "cap", inventory: [{ item: "pad", stock: 3 }, { item: "ink", stock: 6 }] },
    ],
  },
  catalogTotal: {
    name: "catalog_total",
    description: "The sum of the prices of every catalog entry.",
    examples: [
      [{ catalog: [{ sku: "A1", price: 5 }, { sku: "B2", price: 8 }] }, 13],
      [{ catalog: [{ sku: "C3", price: 12 }] }, 12],
      [{ catalog: [] }, 0],
    ],
    person: (i: In) => (i.catalog as In[]).reduce((s, e) => s + (e.price as number), 0),
    probes: [{ catalog: [{ sku: "A1", price: 1 }, { sku: "B2", price: 2 }, { sku: "C3", price: 3 }] }, { catalog: [{ sku: "Z", price: 40 }] }],
  },
  priceOrMinusOne: {
    name: "price_or_minus_one",
    description: "Price of the catalog entry whose sku is the given one, or -1 when no entry has that sku.",
    examples: [
      [{ sku: "A1", catalog: [{ sku: "A1", price: 5 }, { sku: "B2", price: 8 }] }, 5],
      [{ sku: "C3", catalog: [{ sku: "D4", price: 12 }] }, -1],
      [{ sku: "B2", catalog: [{ sku: "A1", price: 5 }, { sku: "B2", price: 8 }] }, 8],
    ],
    person: (i: In) => ((i.catalog as In[]).find((e) => e.sku === i.sku)?.price as number | undefined) ?? -1,
    probes: [
      { sku: "Q9", catalog: [] },
      { sku: "C3", catalog: [{ sku: "A1", price: 32 }, { sku: "C3", price: 44 }] },
      { sku: "A1", catalog: [{ sku: "B2", price: 20 }] },
    ],
  },
};

/** Variants still failing (none is weakened): each says why. */
const OPEN = new Set<string>([
  // OPEN: published as `tags.join("").includes(tag)`, a tag inside another ("red" in "reddish")
  // counted: no example shows one, and no rival with `includes` on the list itself is asked about.
  "countWithTag",
]);
/** Controls still failing, not on questions outside the domain (each asks or gives up on inputs a person can answer). */
const OPEN_CONTROLS = new Set<string>([
  // OPEN: still asks after six answers, about repeated items and stocks of 0 (in the domain): no
  // program of `find … ?? 0` is reached, the rivals reading the cheapest or the last entry stay.
  "stockOrZero",
  // OPEN: gives up after two answers (an empty catalog answered -1): the search reaches no `find … ?? -1`.
  "priceOrMinusOne",
]);

describe("a lookup is asked about keys that name an entry, never about a key no entry has", () => {
  for (const [key, a] of Object.entries(LOOKUPS)) {
    if (OPEN.has(key)) it.fails(`OPEN: ${key} — ${a.description}`, () => keeps(a), ANSWERED_MS);
    else it(`${key} — ${a.description}`, () => keeps(a), ANSWERED_MS);
  }
  if (OPEN.has("countWithTag")) it.fails(`OPEN: countWithTag — ${TAG_COUNT.description}`, () => keeps(TAG_COUNT), ANSWERED_MS);
  else it(`countWithTag — ${TAG_COUNT.description}`, () => keeps(TAG_COUNT), ANSWERED_MS);
});

describe("controls: the answer for a missing key is stated, or the task is no lookup", () => {
  for (const [key, a] of Object.entries(CONTROLS)) {
    if (OPEN_CONTROLS.has(key)) it.fails(`OPEN: (control) ${key} — ${a.description}`, () => keeps(a), ANSWERED_MS);
    else it(`(control) ${key} — ${a.description}`, () => keeps(a), ANSWERED_MS);
  }
});
