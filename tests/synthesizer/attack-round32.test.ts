/**
 * Attack round 32 (issue 17) on e9f399b: the answer a description states for a lookup key that
 * names no entry of its list (lookup-keys.ts `missingAnswer`, lookup-program.ts `lookupExpr`).
 * Once a lookup key is read, no question is ever asked about an input whose key names no entry
 * (`namesAnEntry`), so whatever `missingAnswer` reads is published unchecked. Attacks: a number in
 * the missing clause that is no answer (a year, a count of days, a code's length, a season), an
 * answer stated for an empty list only, two lists, keys matched ignoring case or trimmed, the last
 * entry with the key, a sum over the entries with it, a missing clause about another field, a text
 * answer beside a null. Controls: plain lookups with a stated answer in new wordings, which must be
 * published. Specs invented here. A32_TRACE=1 prints what the backend asked and published.
 */
import { describe, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { ANSWERED_MS } from "./answered.ts";
import { keepsStatedPromise } from "./stated-attacks.ts";
import { absent, lookup, P, SKU_EXAMPLES, SKU_PROBES, STOCK_EXAMPLES, STOCK_PROBES } from "./lookup-specs.ts";
import type { In, StatedAttack } from "./stated-attacks.ts";

const backend = createExampleBackend();
const keeps = (a: StatedAttack, mustPublish: boolean): Promise<void> => keepsStatedPromise(backend, a, { mustPublish, traceVar: "A32_TRACE", answers: 8 });



/** Plain lookups with the missing key's answer stated in wordings round 32 did not test: must be published right. */
const CONTROLS: Record<string, StatedAttack> = {
  notFound: {
    name: "weight_or_zero",
    description: "Weight of the part in the parts list; 0 if the part is not found.",
    examples: [
      [{ part: "gear", parts: [{ part: "gear", weight: 120 }, { part: "axle", weight: 340 }] }, 120],
      [{ part: "cam", parts: [{ part: "pin", weight: 5 }, { part: "cam", weight: 66 }] }, 66],
      [{ part: "axle", parts: [{ part: "gear", weight: 120 }, { part: "axle", weight: 340 }] }, 340],
    ],
    person: P(lookup("parts", "part", "weight", 0)), settled: absent("parts", "part"),
    probes: [{ part: "hub", parts: [{ part: "gear", weight: 2 }] }, { part: "gear", parts: [] }, { part: "pin", parts: [{ part: "cam", weight: 1 }, { part: "pin", weight: 9 }] }],
  },
  omitsFourteen: {
    name: "lead_days",
    description: "Lead time in days of the part in the suppliers list; parts the list omits take 14 days.",
    examples: [
      [{ part: "gear", suppliers: [{ part: "gear", days: 3 }, { part: "axle", days: 9 }] }, 3],
      [{ part: "cam", suppliers: [{ part: "pin", days: 2 }, { part: "cam", days: 21 }] }, 21],
      [{ part: "axle", suppliers: [{ part: "gear", days: 3 }, { part: "axle", days: 9 }] }, 9],
    ],
    person: P(lookup("suppliers", "part", "days", 14)), settled: absent("suppliers", "part"),
    probes: [{ part: "hub", suppliers: [{ part: "gear", days: 2 }] }, { part: "gear", suppliers: [] }, { part: "pin", suppliers: [{ part: "cam", days: 1 }, { part: "pin", days: 30 }] }],
  },
  unicodeMinus: {
    name: "floor_of_room",
    description: "Floor of the room in the directory, or −1 for a room the directory lacks.",
    examples: [
      [{ room: "A12", directory: [{ room: "A12", floor: 4 }, { room: "B3", floor: 1 }] }, 4],
      [{ room: "C7", directory: [{ room: "D1", floor: 0 }, { room: "C7", floor: 6 }] }, 6],
      [{ room: "B3", directory: [{ room: "A12", floor: 4 }, { room: "B3", floor: 1 }] }, 1],
    ],
    person: P(lookup("directory", "room", "floor", -1)), settled: absent("directory", "room"),
    probes: [{ room: "E5", directory: [{ room: "A12", floor: 2 }] }, { room: "A12", directory: [] }, { room: "D1", directory: [{ room: "C7", floor: 3 }, { room: "D1", floor: 8 }] }],
  },
  decimalDefault: {
    name: "state_tax_rate",
    description: "Tax rate of the state in the rates table; states not in the table default to 0.05.",
    examples: [
      [{ state: "OR", rates: [{ state: "OR", rate: 0.01 }, { state: "TX", rate: 0.0625 }] }, 0.01],
      [{ state: "NY", rates: [{ state: "CA", rate: 0.0725 }, { state: "NY", rate: 0.04 }] }, 0.04],
      [{ state: "TX", rates: [{ state: "OR", rate: 0.01 }, { state: "TX", rate: 0.0625 }] }, 0.0625],
    ],
    person: P(lookup("rates", "state", "rate", 0.05)), settled: absent("rates", "state"),
    probes: [{ state: "WA", rates: [{ state: "OR", rate: 0.02 }] }, { state: "OR", rates: [] }, { state: "CA", rates: [{ state: "NY", rate: 0.03 }, { state: "CA", rate: 0.08 }] }],
  },
  nullEmail: {
    name: "email_of_user",
    description: "Email of the user in the directory; null if nobody has that username.",
    examples: [
      [{ user: "ana", directory: [{ user: "ana", email: "ana@x.io" }, { user: "bo", email: "bo@y.io" }] }, "ana@x.io"],
      [{ user: "cy", directory: [{ user: "dee", email: "d@z.io" }, { user: "cy", email: "cy@q.io" }] }, "cy@q.io"],
    ],
    outputSchema: { anyOf: [{ type: "string" }, { type: "null" }] },
    person: P(lookup("directory", "user", "email", null)), settled: absent("directory", "user"),
    probes: [{ user: "eli", directory: [{ user: "ana", email: "a@a.io" }] }, { user: "ana", directory: [] }, { user: "bo", directory: [{ user: "bo", email: "b@b.io" }, { user: "ana", email: "a@a.io" }] }],
  },
  pairs: {
    name: "price_of_pair",
    description: "Price of the sku in the list of [sku, price] pairs; 0 if no pair has the sku.",
    examples: [
      [{ sku: "K7", pairs: [["K7", 14], ["M2", 9]] }, 14],
      [{ sku: "P4", pairs: [["R8", 3], ["P4", 21]] }, 21],
      [{ sku: "M2", pairs: [["K7", 14], ["M2", 9]] }, 9],
    ],
    person: P((i) => (i.pairs as [string, number][]).find((e) => e[0] === i.sku)?.[1] ?? 0),
    settled: (i) => !(i.pairs as [string, number][]).some((e) => e[0] === i.sku),
    probes: [{ sku: "Z1", pairs: [["K7", 4]] }, { sku: "K7", pairs: [] }, { sku: "R8", pairs: [["P4", 6], ["R8", 30]] }],
  },
  numericId: {
    name: "score_by_id",
    description: "Score of the player with the given id on the board; 0 for an id not on the board.",
    examples: [
      [{ id: 17, board: [{ id: 17, score: 230 }, { id: 4, score: 90 }] }, 230],
      [{ id: 8, board: [{ id: 31, score: 15 }, { id: 8, score: 400 }] }, 400],
      [{ id: 4, board: [{ id: 17, score: 230 }, { id: 4, score: 90 }] }, 90],
    ],
    person: P(lookup("board", "id", "score", 0)), settled: absent("board", "id"),
    probes: [{ id: 99, board: [{ id: 17, score: 5 }] }, { id: 17, board: [] }, { id: 31, board: [{ id: 8, score: 1 }, { id: 31, score: 77 }] }],
  },
};

/** The number in the missing clause is no answer, or the stated answer is not the lookup's for every missing key. */
const HOSTILE: Record<string, StatedAttack> = {
  // A year in the missing clause; "free" is the answer (0).
  year: {
    name: "price_2024",
    description: "Price of the sku in the catalog; skus missing from the 2024 catalog are free.",
    examples: SKU_EXAMPLES, person: P(lookup("catalog", "sku", "price", 0)), settled: absent("catalog", "sku"), probes: SKU_PROBES,
  },
  // A count of days in the missing clause; "none" is the answer (0).
  restockDays: {
    name: "stock_restock",
    description: "Stock of the item in the inventory; items missing from the inventory have none (restocking takes 3 days).",
    examples: STOCK_EXAMPLES,
    person: P(lookup("inventory", "item", "stock", 0)), settled: absent("inventory", "item"),
    probes: STOCK_PROBES,
  },
  // A code's length in the missing clause.
  fourLetter: {
    name: "price_four_letter",
    description: "Price of the sku in the catalog; an unlisted 4-letter sku is free.",
    examples: [
      [{ sku: "KLMN", catalog: [{ sku: "KLMN", price: 14 }, { sku: "ABCD", price: 9 }] }, 14],
      [{ sku: "PQRS", catalog: [{ sku: "WXYZ", price: 3 }, { sku: "PQRS", price: 21 }] }, 21],
      [{ sku: "ABCD", catalog: [{ sku: "KLMN", price: 14 }, { sku: "ABCD", price: 9 }] }, 9],
    ],
    person: P(lookup("catalog", "sku", "price", 0)), settled: absent("catalog", "sku"),
    probes: [{ sku: "EFGH", catalog: [{ sku: "KLMN", price: 4 }] }, { sku: "KLMN", catalog: [] }, { sku: "WXYZ", catalog: [{ sku: "PQRS", price: 6 }, { sku: "WXYZ", price: 30 }] }],
  },
  // "Within 3 days" beside "free": the answer is 0.
  shipWithin: {
    name: "zone_shipping",
    description: "Shipping cost of the zone in the rates table; zones not in the table ship free within 3 days.",
    examples: [
      [{ zone: "north", rates: [{ zone: "north", cost: 12 }, { zone: "south", cost: 7 }] }, 12],
      [{ zone: "east", rates: [{ zone: "west", cost: 5 }, { zone: "east", cost: 19 }] }, 19],
      [{ zone: "south", rates: [{ zone: "north", cost: 12 }, { zone: "south", cost: 7 }] }, 7],
    ],
    person: P(lookup("rates", "zone", "cost", 0)), settled: absent("rates", "zone"),
    probes: [{ zone: "isle", rates: [{ zone: "north", cost: 4 }] }, { zone: "north", rates: [] }, { zone: "west", rates: [{ zone: "east", cost: 2 }, { zone: "west", cost: 11 }] }],
  },
  // A season number in the missing clause.
  season: {
    name: "player_season_score",
    description: "Score of the player on the board; players not on the board scored nothing in season 3.",
    examples: [
      [{ player: "kim", board: [{ player: "kim", score: 230 }, { player: "lee", score: 90 }] }, 230],
      [{ player: "mo", board: [{ player: "ned", score: 15 }, { player: "mo", score: 400 }] }, 400],
      [{ player: "lee", board: [{ player: "kim", score: 230 }, { player: "lee", score: 90 }] }, 90],
    ],
    person: P(lookup("board", "player", "score", 0)), settled: absent("board", "player"),
    probes: [{ player: "oz", board: [{ player: "kim", score: 5 }] }, { player: "kim", board: [] }, { player: "ned", board: [{ player: "mo", score: 1 }, { player: "ned", score: 77 }] }],
  },
  // Only the first 3 entries are searched; "else 0" is for any other sku.
  firstThree: {
    name: "featured_price",
    description: "Price of the sku among the catalog's first 3 entries (the featured ones), else 0.",
    examples: SKU_EXAMPLES,
    person: P((i) => (i.catalog as In[]).slice(0, 3).find((e) => e.sku === i.sku)?.price ?? 0),
    probes: [...SKU_PROBES, { sku: "Q9", catalog: [{ sku: "K7", price: 1 }, { sku: "M2", price: 2 }, { sku: "R8", price: 3 }, { sku: "Q9", price: 44 }] }],
  },
  // Two lists: the clearance list answers a sku the catalog lacks.
  twoLists: {
    name: "price_or_clearance",
    description: "Price of the sku in the catalog, or in the clearance list if the catalog lacks it; 0 if neither lists it.",
    examples: [
      [{ sku: "K7", catalog: [{ sku: "K7", price: 14 }, { sku: "M2", price: 9 }], clearance: [{ sku: "T1", price: 2 }] }, 14],
      [{ sku: "P4", catalog: [{ sku: "R8", price: 3 }, { sku: "P4", price: 21 }], clearance: [{ sku: "K7", price: 5 }] }, 21],
      [{ sku: "M2", catalog: [{ sku: "K7", price: 14 }, { sku: "M2", price: 9 }], clearance: [{ sku: "T1", price: 2 }] }, 9],
    ],
    person: P((i) => (i.catalog as In[]).find((e) => e.sku === i.sku)?.price ?? (i.clearance as In[]).find((e) => e.sku === i.sku)?.price ?? 0),
    settled: (i) => absent("catalog", "sku")(i) && absent("clearance", "sku")(i),
    probes: [
      { sku: "T1", catalog: [{ sku: "K7", price: 4 }], clearance: [{ sku: "T1", price: 2 }] },
      { sku: "Z1", catalog: [{ sku: "K7", price: 4 }], clearance: [] },
      { sku: "K7", catalog: [], clearance: [{ sku: "K7", price: 3 }] },
    ],
  },
  // The number is stated for an empty catalog only; a missing sku takes the first entry's price.
  emptyOnly: {
    name: "price_or_first",
    description: "Price of the sku in the catalog; a sku the catalog lacks gets the price of the catalog's first entry, and an empty catalog gives -1.",
    examples: SKU_EXAMPLES,
    person: P((i) => { const c = i.catalog as In[]; return c.length === 0 ? -1 : (c.find((e) => e.sku === i.sku) ?? c[0])?.price; }),
    settled: (i) => (i.catalog as In[]).length === 0,
    probes: [{ sku: "Z1", catalog: [{ sku: "K7", price: 4 }] }, { sku: "K7", catalog: [] }, { sku: "Q2", catalog: [{ sku: "K7", price: 4 }, { sku: "M2", price: 30 }] }],
  },
  // Keys matched ignoring case.
  ignoringCase: {
    name: "price_any_case",
    description: "Price of the sku in the catalog, ignoring case; 0 if it isn't listed.",
    examples: SKU_EXAMPLES,
    person: P((i) => (i.catalog as In[]).find((e) => (e.sku as string).toLowerCase() === (i.sku as string).toLowerCase())?.price ?? 0),
    probes: [...SKU_PROBES, { sku: "k7", catalog: [{ sku: "K7", price: 14 }, { sku: "M2", price: 9 }] }],
  },
  // Keys matched after trimming stray spaces.
  trimmed: {
    name: "price_trimmed",
    description: "Price of the sku in the catalog (a sku may carry stray spaces around it); 0 if it isn't listed.",
    examples: SKU_EXAMPLES,
    person: P((i) => (i.catalog as In[]).find((e) => (e.sku as string).trim() === (i.sku as string).trim())?.price ?? 0),
    probes: [...SKU_PROBES, { sku: " K7 ", catalog: [{ sku: "K7", price: 14 }, { sku: "M2", price: 9 }] }],
  },
  // The last entry with the key, in words MANY_ENTRIES lacks.
  laterOverrides: {
    name: "price_later_wins",
    description: "Price of the sku in the catalog, where a later entry for the same sku overrides an earlier one; 0 if it isn't listed.",
    examples: SKU_EXAMPLES,
    person: P((i) => [...(i.catalog as In[])].reverse().find((e) => e.sku === i.sku)?.price ?? 0),
    probes: [...SKU_PROBES, { sku: "K7", catalog: [{ sku: "K7", price: 14 }, { sku: "M2", price: 9 }, { sku: "K7", price: 16 }] }],
  },
  // A sum over the entries with the key, in words MANY_ENTRIES lacks.
  addingUp: {
    name: "units_of_sku",
    description: "Units of the sku on the order lines, adding up the lines for it; 0 when no line has it.",
    examples: [
      [{ sku: "K7", lines: [{ sku: "K7", units: 3 }, { sku: "M2", units: 5 }] }, 3],
      [{ sku: "P4", lines: [{ sku: "R8", units: 1 }, { sku: "P4", units: 6 }] }, 6],
      [{ sku: "M2", lines: [{ sku: "K7", units: 3 }, { sku: "M2", units: 5 }] }, 5],
    ],
    person: P((i) => (i.lines as In[]).filter((e) => e.sku === i.sku).reduce((s, e) => s + (e.units as number), 0)),
    settled: absent("lines", "sku"),
    probes: [{ sku: "Z1", lines: [{ sku: "K7", units: 4 }] }, { sku: "K7", lines: [] }, { sku: "K7", lines: [{ sku: "K7", units: 2 }, { sku: "M2", units: 1 }, { sku: "K7", units: 7 }] }],
  },
  // The missing clause is about the sale list, not the catalog.
  onSale: {
    name: "price_unless_on_sale",
    description: "Price of the sku in the catalog, or 0 if the sku is in the giveaway list.",
    examples: [
      [{ sku: "K7", catalog: [{ sku: "K7", price: 14 }, { sku: "M2", price: 9 }], giveaway: ["T1"] }, 14],
      [{ sku: "P4", catalog: [{ sku: "R8", price: 3 }, { sku: "P4", price: 21 }], giveaway: ["R8"] }, 21],
      [{ sku: "M2", catalog: [{ sku: "K7", price: 14 }, { sku: "M2", price: 9 }], giveaway: ["T1"] }, 9],
    ],
    person: P((i) => ((i.giveaway as string[]).includes(i.sku as string) ? 0 : (i.catalog as In[]).find((e) => e.sku === i.sku)?.price)),
    probes: [
      { sku: "K7", catalog: [{ sku: "K7", price: 14 }, { sku: "M2", price: 9 }], giveaway: ["K7"] },
      { sku: "R8", catalog: [{ sku: "R8", price: 30 }, { sku: "P4", price: 6 }], giveaway: ["R8", "P4"] },
      { sku: "M2", catalog: [{ sku: "M2", price: 5 }], giveaway: [] },
    ],
  },
  // The missing clause is about a member flag, not the catalog.
  member: {
    name: "member_price",
    description: "Price of the sku in the catalog, or 0 if the customer is not a paying member.",
    examples: [
      [{ sku: "K7", paying: true, catalog: [{ sku: "K7", price: 14 }, { sku: "M2", price: 9 }] }, 14],
      [{ sku: "P4", paying: true, catalog: [{ sku: "R8", price: 3 }, { sku: "P4", price: 21 }] }, 21],
      [{ sku: "M2", paying: true, catalog: [{ sku: "K7", price: 14 }, { sku: "M2", price: 9 }] }, 9],
    ],
    person: P((i) => (i.paying ? (i.catalog as In[]).find((e) => e.sku === i.sku)?.price : 0)),
    probes: [{ sku: "K7", paying: false, catalog: [{ sku: "K7", price: 14 }] }, { sku: "R8", paying: true, catalog: [{ sku: "P4", price: 6 }, { sku: "R8", price: 30 }] }],
  },
  // A text answer for a missing name beside null for an empty list.
  nobodyText: {
    name: "manager_or_nobody",
    description: "Manager of the named employee; \"nobody\" when the staff list has no such name, and null when the staff list is empty.",
    examples: [
      [{ name: "ivo", staff: [{ name: "ivo", manager: "lin" }, { name: "max", manager: "ned" }] }, "lin"],
      [{ name: "oda", staff: [{ name: "pia", manager: "quin" }, { name: "oda", manager: "rey" }] }, "rey"],
      [{ name: "max", staff: [{ name: "ivo", manager: "lin" }, { name: "max", manager: "ned" }] }, "ned"],
    ],
    outputSchema: { anyOf: [{ type: "string" }, { type: "null" }] },
    person: P((i) => ((i.staff as In[]).length === 0 ? null : (i.staff as In[]).find((e) => e.name === i.name)?.manager ?? "nobody")),
    settled: absent("staff", "name"),
    probes: [{ name: "sol", staff: [{ name: "ivo", manager: "lin" }] }, { name: "ivo", staff: [] }, { name: "pia", staff: [{ name: "pia", manager: "tess" }] }],
  },
  // The default said in other words: the price of a named fallback sku (no number read).
  fallbackSku: {
    name: "price_or_house_brand",
    description: "Price of the sku in the catalog; a sku the catalog lacks costs what sku H0 costs.",
    examples: [
      [{ sku: "K7", catalog: [{ sku: "K7", price: 14 }, { sku: "H0", price: 2 }] }, 14],
      [{ sku: "P4", catalog: [{ sku: "H0", price: 3 }, { sku: "P4", price: 21 }] }, 21],
      [{ sku: "H0", catalog: [{ sku: "K7", price: 14 }, { sku: "H0", price: 2 }] }, 2],
    ],
    person: P((i) => (i.catalog as In[]).find((e) => e.sku === i.sku)?.price ?? (i.catalog as In[]).find((e) => e.sku === "H0")?.price),
    probes: [{ sku: "Z1", catalog: [{ sku: "K7", price: 4 }, { sku: "H0", price: 1 }] }, { sku: "K7", catalog: [{ sku: "H0", price: 5 }, { sku: "K7", price: 30 }] }],
  },
  // The last entry with the key, in words MANY_ENTRIES holds (no lookup program, but no question on a missing key either).
  latestLog: {
    name: "latest_logged_price",
    description: "Latest price of the sku in the price log (oldest first); 0 if the log lacks the sku.",
    examples: [
      [{ sku: "K7", log: [{ sku: "K7", price: 14 }, { sku: "M2", price: 9 }, { sku: "K7", price: 16 }] }, 16],
      [{ sku: "P4", log: [{ sku: "R8", price: 3 }, { sku: "P4", price: 21 }] }, 21],
      [{ sku: "M2", log: [{ sku: "M2", price: 8 }, { sku: "K7", price: 14 }, { sku: "M2", price: 9 }] }, 9],
    ],
    person: P((i) => [...(i.log as In[])].reverse().find((e) => e.sku === i.sku)?.price ?? 0),
    settled: absent("log", "sku"),
    probes: [{ sku: "Z1", log: [{ sku: "K7", price: 4 }] }, { sku: "K7", log: [] }, { sku: "R8", log: [{ sku: "R8", price: 1 }, { sku: "P4", price: 6 }, { sku: "R8", price: 30 }] }],
  },
  // A sum over the entries with the key, in words MANY_ENTRIES holds.
  totalUnits: {
    name: "total_units_of_sku",
    description: "Total units of the sku over the order lines; 0 when no line has it.",
    examples: [
      [{ sku: "K7", lines: [{ sku: "K7", units: 3 }, { sku: "M2", units: 5 }, { sku: "K7", units: 4 }] }, 7],
      [{ sku: "P4", lines: [{ sku: "R8", units: 1 }, { sku: "P4", units: 6 }] }, 6],
      [{ sku: "M2", lines: [{ sku: "K7", units: 3 }, { sku: "M2", units: 5 }] }, 5],
    ],
    person: P((i) => (i.lines as In[]).filter((e) => e.sku === i.sku).reduce((s, e) => s + (e.units as number), 0)),
    settled: absent("lines", "sku"),
    probes: [{ sku: "Z1", lines: [{ sku: "K7", units: 4 }] }, { sku: "K7", lines: [] }, { sku: "K7", lines: [{ sku: "K7", units: 2 }, { sku: "M2", units: 1 }, { sku: "K7", units: 7 }] }],
  },
  // The answer 0 stated with a word RECKONED holds ("each"): no lookup key, the search's pick.
  zeroEach: {
    name: "price_zero_each",
    description: "Price of the sku in the catalog; skus not in the catalog cost 0 each.",
    examples: SKU_EXAMPLES, person: P(lookup("catalog", "sku", "price", 0)), settled: absent("catalog", "sku"), probes: SKU_PROBES,
  },
  // The answer stated in words ("one dollar"): no number read, no lookup key.
  wordOne: {
    name: "price_one_dollar",
    description: "Price of the sku in the catalog; skus not in the catalog cost one dollar.",
    examples: SKU_EXAMPLES, person: P(lookup("catalog", "sku", "price", 1)), settled: absent("catalog", "sku"), probes: SKU_PROBES,
  },
  // The number is the size of a debt: the answer is -50.
  overdrawn: {
    name: "ledger_balance",
    description: "Balance of the account in the ledger; accounts the ledger lacks are overdrawn by 50.",
    examples: [
      [{ account: "A-1", ledger: [{ account: "A-1", balance: 120 }, { account: "B-2", balance: -30 }] }, 120],
      [{ account: "C-3", ledger: [{ account: "D-4", balance: 5 }, { account: "C-3", balance: 940 }] }, 940],
      [{ account: "B-2", ledger: [{ account: "A-1", balance: 120 }, { account: "B-2", balance: -30 }] }, -30],
    ],
    person: P(lookup("ledger", "account", "balance", -50)), settled: absent("ledger", "account"),
    probes: [{ account: "E-5", ledger: [{ account: "A-1", balance: 7 }] }, { account: "A-1", ledger: [] }, { account: "D-4", ledger: [{ account: "C-3", balance: 1 }, { account: "D-4", balance: 66 }] }],
  },
  // A default for another field of the entry (its discount), not for the key.
  otherFieldDefault: {
    name: "discount_of_sku",
    description: "Discount of the sku in the catalog; a discount of null counts as 0.",
    examples: [
      [{ sku: "K7", catalog: [{ sku: "K7", discount: 4 }, { sku: "M2", discount: 1 }] }, 4],
      [{ sku: "P4", catalog: [{ sku: "R8", discount: 3 }, { sku: "P4", discount: 7 }] }, 7],
      [{ sku: "M2", catalog: [{ sku: "K7", discount: 4 }, { sku: "M2", discount: 1 }] }, 1],
    ],
    person: P((i) => (i.catalog as In[]).find((x) => x.sku === i.sku)?.discount ?? 0),
    probes: [{ sku: "K7", catalog: [{ sku: "K7", discount: null }, { sku: "M2", discount: 2 }] }, { sku: "M2", catalog: [{ sku: "K7", discount: 9 }, { sku: "M2", discount: 5 }] }],
  },
};

/**
 * The attacks that still break the promise (each asks about an input whose answer the description
 * states, in words the backend does not read; none is published wrong): the names of a staff list
 * "nobody" for a missing name beside null for an empty list (two answers: no lookup; a missing name
 * asked), "cost one dollar" (no number read; a missing sku asked), "overdrawn by 50" (-50: a change,
 * not read; a missing account asked).
 */
const BREAKS: ReadonlySet<string> = new Set(["nobodyText", "wordOne", "overdrawn"]);

/**
 * Broke e9f399b, mended by the lead in round 32 (what was published then):
 * - missing-keys.ts reads a missing key's answer before the clause's condition, an answer word
 *   ("free", "none", "nothing", "nobody") over the clause's digits, no number after "by" or before
 *   "-letter", a quoted text; every clause about a missing key (cut also at "and") must state the
 *   same one answer: year (`: 2024`), restockDays (`: 3`), fourLetter (`: 4`), shipWithin (`: 3`),
 *   season (`: 3`), emptyOnly (`: -1`, the empty catalog's answer).
 * - lookup-keys.ts: no stated answer where the input holds a second list (twoLists, onSale: `: 0`),
 *   nor a lookup where another clause states a number (firstThree, found held before and broken by
 *   the first mend).
 * - key-questions.ts `keyMissing`: where the words speak of a missing key and no lookup reads its
 *   answer, one such key is asked about (fallbackSku: `find(sku).price`, which throws there).
 * - lookup-program.ts `missingAsStated`: a program that does not give the stated answer for a missing
 *   key is not published (latestLog: asked settled skus; zeroEach: asked settled skus).
 * - example-backend.ts `firstAskable`: no check asks about an input outside `allowed` (restockDays
 *   asked a missing item for the "3").
 */
const FIXED = new Set<string>(["year", "restockDays", "fourLetter", "shipWithin", "season", "twoLists", "emptyOnly", "onSale", "fallbackSku", "latestLog", "zeroEach"]);

describe("round 32 attack: the answer stated for a key no entry has", () => {
  for (const [key, a] of Object.entries(CONTROLS)) it(`control, published right: ${key} — ${a.description}`, () => keeps(a, true), ANSWERED_MS);
  for (const [key, a] of Object.entries(HOSTILE)) {
    const test = BREAKS.has(key) ? it.fails : it;
    const standing = BREAKS.has(key) ? "BREAK" : FIXED.has(key) ? "FIXED (round 32, lead)" : "hostile, held";
    test(`${standing}: ${key} — ${a.description}`, () => keeps(a, false), ANSWERED_MS);
  }
});
