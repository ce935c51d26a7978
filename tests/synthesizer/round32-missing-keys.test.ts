/**
 * Round 32 (issue 17): the answer a description states for a key no entry has. Round 31 read a
 * lookup ("the price of the catalog entry whose sku is the given one") only where the description
 * is silent on a missing key; where it states an answer ("0 when the catalog lacks that sku") no
 * lookup was read, the search's picks were asked about over and over, and on a loaded machine
 * (CI, stop 45) one was published that multiplied the price by the number of entries named and
 * threw on an empty catalog. Now the stated answer is the lookup's answer for a missing key:
 * `some(named) ? find(named).price : 0` is chosen where it fits, and the search's picks stay
 * rivals the person tells apart.
 *
 * The plain specs must be published, right on missing keys and empty lists; the hostile ones state
 * a number that is no answer (reckoned with, or two answers) and must not be published wrong.
 * R32_TRACE=1 prints what the backend asked and published.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { missingAnswer } from "../../src/agents/synthesizer/missing-keys.ts";
import { ANSWERED_MS } from "./answered.ts";
import { keepsStatedPromise } from "./stated-attacks.ts";
import { lookup, SKU_EXAMPLES, SKU_PROBES, STOCK_EXAMPLES, STOCK_PROBES } from "./lookup-specs.ts";
import type { In, StatedAttack } from "./stated-attacks.ts";

const backend = createExampleBackend();
/** A lookup's rivals (a digit read out of the key, the cheapest entry, the last) are each told apart by one answer: up to eight. */
const keeps = (a: StatedAttack, mustPublish: boolean): Promise<void> => keepsStatedPromise(backend, a, { mustPublish, traceVar: "R32_TRACE", answers: 8 });



const PLAIN: Record<string, StatedAttack> = {
  isntListed: {
    name: "price_unless_unlisted",
    description: "Price of the sku in the catalog, or 0 if it isn't listed.",
    examples: SKU_EXAMPLES, person: lookup("catalog", "sku", "price", 0) as StatedAttack["person"], probes: SKU_PROBES,
  },
  zeroWord: {
    name: "stock_or_zero",
    description: "Stock of the item in the inventory; items missing from the inventory have zero stock.",
    examples: STOCK_EXAMPLES,
    person: lookup("inventory", "item", "stock", 0) as StatedAttack["person"],
    probes: STOCK_PROBES,
  },
  unknownTier: {
    name: "tier_discount",
    description: "Discount of the customer's tier in the tiers table; unknown tiers get 5.",
    examples: [
      [{ tier: "gold", tiers: [{ tier: "gold", discount: 20 }, { tier: "silver", discount: 10 }] }, 20],
      [{ tier: "bronze", tiers: [{ tier: "silver", discount: 12 }, { tier: "bronze", discount: 7 }] }, 7],
      [{ tier: "silver", tiers: [{ tier: "gold", discount: 20 }, { tier: "silver", discount: 10 }] }, 10],
    ],
    person: lookup("tiers", "tier", "discount", 5) as StatedAttack["person"],
    probes: [{ tier: "iron", tiers: [{ tier: "gold", discount: 30 }] }, { tier: "gold", tiers: [] }, { tier: "gold", tiers: [{ tier: "silver", discount: 1 }, { tier: "gold", discount: 25 }] }],
  },
  nullManager: {
    name: "manager_or_null",
    description: "Manager of the named employee; null when the staff list has no such name.",
    examples: [
      [{ name: "ivo", staff: [{ name: "ivo", manager: "lin" }, { name: "max", manager: "ned" }] }, "lin"],
      [{ name: "oda", staff: [{ name: "pia", manager: "quin" }, { name: "oda", manager: "rey" }] }, "rey"],
    ],
    outputSchema: { anyOf: [{ type: "string" }, { type: "null" }] },
    person: lookup("staff", "name", "manager", null) as StatedAttack["person"],
    probes: [{ name: "sol", staff: [{ name: "ivo", manager: "lin" }] }, { name: "ivo", staff: [] }, { name: "max", staff: [{ name: "max", manager: "tess" }, { name: "ivo", manager: "lin" }] }],
  },
  minusOne: {
    name: "seat_or_minus_one",
    description: "Seat number of the guest in the seating list, or -1 when the guest is absent.",
    examples: [
      [{ guest: "ada", seating: [{ guest: "ada", seat: 12 }, { guest: "bea", seat: 3 }] }, 12],
      [{ guest: "cal", seating: [{ guest: "dot", seat: 7 }, { guest: "cal", seat: 18 }] }, 18],
      [{ guest: "bea", seating: [{ guest: "ada", seat: 12 }, { guest: "bea", seat: 3 }] }, 3],
    ],
    person: lookup("seating", "guest", "seat", -1) as StatedAttack["person"],
    probes: [{ guest: "eve", seating: [{ guest: "ada", seat: 2 }] }, { guest: "ada", seating: [] }, { guest: "dot", seating: [{ guest: "cal", seat: 9 }, { guest: "dot", seat: 31 }] }],
  },
};

/** The number in the missing clause is no answer: reckoned with, or one of two answers. */
const HOSTILE: Record<string, StatedAttack> = {
  reckoned: {
    name: "price_or_cheapest_plus",
    description: "Price of the sku in the catalog; skus not in the catalog cost 10 more than the cheapest entry.",
    examples: SKU_EXAMPLES,
    person: (i) => (i.catalog as In[]).find((e) => e.sku === i.sku)?.price ?? Math.min(...(i.catalog as In[]).map((e) => e.price as number)) + 10,
    probes: [{ sku: "Z1", catalog: [{ sku: "K7", price: 4 }] }, { sku: "Q2", catalog: [{ sku: "K7", price: 4 }, { sku: "M2", price: 30 }] }],
  },
  twoAnswers: {
    name: "price_lacking_or_empty",
    description: "Price of the sku in the catalog: 0 when the catalog lacks it, and 1 when the catalog is empty.",
    examples: SKU_EXAMPLES,
    person: (i) => ((i.catalog as In[]).length === 0 ? 1 : ((i.catalog as In[]).find((e) => e.sku === i.sku)?.price ?? 0)),
    probes: [{ sku: "Z1", catalog: [{ sku: "K7", price: 4 }] }, { sku: "K7", catalog: [] }],
  },
};

describe("the answer a description states for a key no entry has", () => {
  for (const [key, a] of Object.entries(PLAIN)) it(`published, right on missing keys: ${key} — ${a.description}`, () => keeps(a, true), ANSWERED_MS);
  for (const [key, a] of Object.entries(HOSTILE)) it(`hostile, never published wrong: ${key} — ${a.description}`, () => keeps(a, false), ANSWERED_MS);
});

describe("missingAnswer reads the one answer of the clauses about a missing key", () => {
  it.each([
    ["Price of the catalog entry whose sku is the given one; 0 when the catalog lacks that sku.", 0],
    ["Price of the catalog entry with the given sku (defaults to 0 for skus the catalog omits).", 0],
    ["Price of the catalog entry with the given sku; −1 when the catalog lacks the sku.", -1],
    ["Price of the catalog entry with the given sku, minus one for a sku outside the catalog.", -1],
    ["The manager of the named employee, or nobody (JSON null) for a name the staff list lacks.", null],
    ["Rate of the named plan; plans not in the table pay 2.5.", 2.5],
    // Round 32's attacker: an answer word beside digits that are something else.
    ["Price of the sku in the catalog; skus missing from the 2024 catalog are free.", 0],
    ["Stock of the item; items missing from the inventory have none (restocking takes 3 days).", 0],
    ["Score of the player; players not on the board scored nothing in season 3.", 0],
    ["Price of the sku in the catalog; an unlisted 4-letter sku is free.", 0],
    ["Email of the user in the directory; null if nobody has that username.", null],
    ["Price of the sku in the catalog; skus not in the catalog cost 0 each.", 0],
    ["Manager of the named employee; \"nobody\" when the staff list has no such name.", "nobody"],
    // Round 32's second attacker: a condition apart from its answer, single quotes.
    ["The catalog price of the sku if the catalog lists it, else 0.", 0],
    ["Price of the sku. If the catalog lacks the sku, the answer is 0.", 0],
    ["Price of the sku; for a sku the catalog lacks, 0.", 0],
    ["Team of the user; 'none' for a user the roster lacks.", "none"],
    ["Price of the sku in the catalog, not counting tax; 0 if not listed.", 0],
  ])("%s → %j", (description, want) => expect(missingAnswer(description)).toEqual(want));
  it.each([
    "Price of the sku in the catalog (tax not included).",
    "Price of the sku; skus not in the catalog cost 10 more than the cheapest entry.",
    "Price of the sku: 0 when the catalog lacks it, and 1 when the catalog is empty.",
    "Price of the sku, 5% off when the customer is not a member.",
    "Price of the sku A1 or B2 unless missing.",
    // Round 32's attacker: no one answer for a missing key.
    "Balance of the account in the ledger; accounts the ledger lacks are overdrawn by 50.",
    "Price of the sku in the catalog; a sku the catalog lacks gets the price of the catalog's first entry, and an empty catalog gives -1.",
    "Manager of the named employee; \"nobody\" when the staff list has no such name, and null when the staff list is empty.",
    "Discount of the sku in the catalog; a discount of null counts as 0.",
    "Price of the sku in the catalog; a sku the catalog lacks costs what sku H0 costs.",
  ])("no answer: %s", (description) => expect(missingAnswer(description)).toBeUndefined());
});
