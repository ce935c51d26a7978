/**
 * Round 23 (issue #17): an excess over a stated threshold. "10 euros for each kg beyond 23 kg",
 * "20 euros for every hour in excess of 38", "4 euros per GB beyond the first 5": only what lies
 * past the threshold counts. Clean examples all lie past it, so `10 × (kg − 23)` fits them and is
 * published as a formula that writes every stated constant, negative for a light bag. The phrase now
 * states a zero floor (stated-edges.ts), and the floor is tried inside the formula too (the
 * difference, not the whole bill, is clamped), so the clamped reading ranks first and the backend
 * asks below the threshold instead of publishing. Specs invented here; attack-round22's
 * bonus_beyond_target is the break that led to it.
 *
 * Round 23c: a rule that turns at a stated number ("free for orders of 50 euros or more", "more
 * than 14 days", "aged 65 or over"). Clean examples sit on one side, so the search finds a constant
 * program, one that reads the named field only to cancel it (`order / 50 − order / 50`), or a
 * threshold the examples set (`age <= 30`), and the questions walked one number at a time or far
 * from the turn. Now a named field read to no effect counts as unread; the unread field and the
 * unused stated number are asked about AT the stated number (then one past it); and a comparison's
 * constant has the stated number as a rival.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { readStatedEdges, statedEdgeVariants } from "../../src/agents/synthesizer/stated-edges.ts";
import { emitFunction } from "../../src/agents/synthesizer/index.ts";
import { runOn } from "../../src/agents/synthesizer/evaluate.ts";
import type { Expr } from "../../src/agents/synthesizer/types.ts";
import { unreadNamedField } from "../../src/agents/synthesizer/unread-fields.ts";
import { unusedNumber } from "../../src/agents/synthesizer/loose-constants.ts";
import { mutants } from "../../src/agents/synthesizer/rival-readings.ts";
import { afterAnswers, ANSWERED_MS, firstReadingRight, holds } from "./answered.ts";
import { makeSpec } from "./fixtures.ts";
import type { Attack, Person } from "./answered.ts";

const backend = createExampleBackend();
const on = <T>(f: (i: T) => unknown): Person => f as Person;
const op = (name: string, ...args: Expr[]): Expr => ({ k: "op", op: name, args });
const field = (name: string): Expr => ({ k: "in", path: [name] });
const num = (value: number): Expr => ({ k: "const", value });

describe("an excess over a stated threshold is a zero floor", () => {
  it.each([
    "10 euros for each kg beyond 23 kg",
    "20 euros for every hour in excess of 38 hours",
    "4 euros per gb used beyond the first 5 gb",
    "parking is free for the first 2 hours, then 3 euros per hour",
    "1.5 times the rate for hours over the first 40",
    "the first 3 days are free",
  ])("'%s' states one", (text) => {
    expect(readStatedEdges(text).edges.has("excess")).toBe(true);
  });

  it.each([
    "the price of the items",
    "how far the first runner is ahead",
    "the total for the first three items",
    "over the years the price rose",
    "the distance beyond the line, negative for a short throw",
  ])("'%s' states none", (text) => {
    expect(readStatedEdges(text).edges.has("excess")).toBe(false);
  });

  it("clamps the difference from the stated threshold, never the whole formula: 12 + 2 × max(m3 − 10, 0)", () => {
    const bill = op("add", num(12), op("mul", num(2), op("sub", field("m3"), num(10))));
    const variants = statedEdgeVariants(bill, 7, new Set(["excess"]), [10]).map((v) => emitFunction(v.expr, "f"));
    expect(variants.some((code) => code.includes("return 12 + 2 * Math.max(input.m3 - 10, 0);"))).toBe(true);
    // (attack-round23: a whole line clamped, 50 + 10 × (kg − 23) at 0, charged 20 euros for 20 kg.)
    expect(variants.some((code) => code.includes("return Math.max(12 + 2 * (input.m3 - 10), 0);"))).toBe(false);
    // A difference from another number than the threshold is not clamped.
    expect(statedEdgeVariants(bill, 7, new Set(["excess"]), [5]).map((v) => emitFunction(v.expr, "f")).join()).not.toContain("Math.max(input.m3 - 10, 0)");
  });

  it("reads a line in one field as a base plus a rate on the excess over the stated threshold: 4 × gb − 5 over 5 is 15 + 4 × max(gb − 5, 0)", () => {
    const line = op("sub", op("mul", field("gb"), num(4)), num(5));
    const variants = statedEdgeVariants(line, 5, new Set(["excess"]), [5]).map((v) => emitFunction(v.expr, "f"));
    expect(variants.some((code) => code.includes("return 15 + 4 * Math.max(input.gb - 5, 0);"))).toBe(true);
    // Not a line (a square), or no threshold stated: no such reading.
    expect(statedEdgeVariants(op("mul", field("gb"), field("gb")), 3, new Set(["excess"]), [5]).map((v) => emitFunction(v.expr, "f")).join()).not.toContain("Math.max(input.gb - 5, 0)");
    expect(statedEdgeVariants(line, 5, new Set(["excess"]), []).map((v) => emitFunction(v.expr, "f")).join()).not.toContain("15 +");
  });

  it.each([
    ["4 euros per gb used beyond the first 5 gb", [5]],
    ["a bonus for each sale beyond the target of 20 sales", [20]],
    ["20 euros for every hour in excess of 38 hours", [38]],
    ["free for the first 3 days, then 2 euros per day", [3]],
    ["10 euros for each kg beyond 23.5 kg", [23.5]],
    ["the price of 3 items", []],
  ])("'%s' states the thresholds %j", (text, thresholds) => {
    expect(readStatedEdges(text).thresholds).toEqual(thresholds);
  });

  it("leaves a formula without a difference alone", () => {
    expect(statedEdgeVariants(op("mul", num(3), field("h")), 3, new Set(["zeroFloor"]))).toEqual([]);
  });
});

const EXCESS: Attack[] = [
  {
    name: "luggage_fee",
    description: "Checked luggage costs 10 euros for each kg beyond 23 kg.",
    examples: [[{ kg: 30 }, 70], [{ kg: 25 }, 20]],
    person: on((i: { kg: number }) => 10 * Math.max(0, i.kg - 23)),
    probes: [{ kg: 10 }, { kg: 23 }, { kg: 0 }],
  },
  {
    name: "overtime_pay",
    description: "Overtime pay: 20 euros for every hour in excess of 38 hours a week.",
    examples: [[{ hours: 45 }, 140], [{ hours: 40 }, 40]],
    person: on((i: { hours: number }) => 20 * Math.max(0, i.hours - 38)),
    probes: [{ hours: 20 }, { hours: 38 }, { hours: 0 }],
  },
  {
    name: "phone_plan_data",
    description: "A phone plan costs 15 euros a month plus 4 euros per GB used beyond the first 5 GB.",
    examples: [[{ gb: 8 }, 27], [{ gb: 10 }, 35]],
    person: on((i: { gb: number }) => 15 + 4 * Math.max(0, i.gb - 5)),
    probes: [{ gb: 0 }, { gb: 3 }, { gb: 5 }],
  },
  {
    name: "royalty_copies",
    description: "An author earns 2 euros for every copy sold beyond the first 1000 copies.",
    examples: [[{ copies: 1500 }, 1000], [{ copies: 1200 }, 400]],
    person: on((i: { copies: number }) => 2 * Math.max(0, i.copies - 1000)),
    probes: [{ copies: 300 }, { copies: 1000 }, { copies: 0 }],
  },
];

describe("a fee on the excess over a stated threshold: the clamped reading first, never the unclamped one published", () => {
  for (const attack of EXCESS) {
    it(`${attack.name}: first reading right`, () => firstReadingRight(backend, attack), ANSWERED_MS);
    it(`${attack.name}: right after the person's answers`, () => holds(backend, attack), ANSWERED_MS);
  }
});

describe("a rule that turns at a stated number is asked about there", () => {
  const shipping = "Shipping costs 5 euros plus 1 euro per kg, and is free for orders of 50 euros or more.";
  const schema = { type: "object", properties: { order: { type: "number" }, kg: { type: "number" } }, required: ["order", "kg"] };
  const inputs = [{ order: 20, kg: 3 }, { order: 30, kg: 5 }];

  it("a named field read only to cancel out is unread, and asked about at the number its clause states", () => {
    // 5 + order / 50 + (kg − order / 50): reads `order`, answers the same whatever it is.
    const cancels = op("add", op("add", num(5), op("div", field("order"), num(50))), op("sub", field("kg"), op("div", field("order"), num(50))));
    const asked = unreadNamedField(cancels, inputs, [8, 10], shipping, schema);
    expect(asked?.input).toEqual({ order: 50, kg: 3 });
    // A field of a list's elements is not judged so: changed in every element at once, "all in the
    // same currency" answers the same with every EUR made USD, though it reads the currency.
    const payments = [{ payments: [{ amount: 10, currency: "EUR" }, { amount: 5, currency: "EUR" }] }, { payments: [{ amount: 3, currency: "USD" }, { amount: 4, currency: "EUR" }] }];
    const same: Expr = { k: "lam", op: "every", arr: { k: "in", path: ["payments"] }, body: op("eq", { k: "x", path: ["currency"] }, { k: "get", obj: op("at", { k: "in", path: ["payments"] }, num(0)), key: "currency" }) };
    expect(runOn(same, payments[0]!)).toBe(true);
    expect(runOn(same, payments[1]!)).toBe(false);
    expect(unreadNamedField(same, payments, [true, false], "True when all the payments are in the same currency.", { type: "object", properties: { payments: { type: "array", items: { type: "object", properties: { amount: { type: "number" }, currency: { type: "string" } } } } } })).toBeUndefined();
    // A program that reads it to some effect is not asked about.
    expect(unreadNamedField(op("add", field("kg"), op("div", field("order"), num(10))), inputs, [8, 10], shipping, schema)).toBeUndefined();
  });

  it("an unused stated number is asked about where a number of the input is that number", () => {
    const flat = num(4);
    const asked = unusedNumber(flat, [{ basket: 12, items: 3 }, { basket: 25, items: 6 }], "Delivery costs 4 euros, or nothing for baskets of 30 euros or more.", { type: "object", properties: { basket: { type: "number" }, items: { type: "number" } } });
    expect(asked?.input).toEqual({ basket: 30, items: 3 });
  });

  it("a comparison's constant has the stated number as a rival, both ways round", () => {
    const young = op("le", field("age"), num(30));
    const rivals = mutants({ k: "if", cond: young, then: num(12), else: num(8) }, undefined, [65, 8, 12]).map((e) => emitFunction(e, "f"));
    expect(rivals.some((code) => code.includes("input.age < 65 ? 12 : 8"))).toBe(true);
    expect(rivals.some((code) => code.includes("input.age <= 65 ? 12 : 8"))).toBe(true);
  });
});

const TURNS: Attack[] = [
  {
    name: "delivery_free_from_30",
    description: "Delivery costs 4 euros, or nothing for baskets of 30 euros or more.",
    examples: [[{ basket: 12, items: 3 }, 4], [{ basket: 25, items: 6 }, 4]],
    person: on((i: { basket: number }) => (i.basket >= 30 ? 0 : 4)),
    probes: [{ basket: 30, items: 1 }, { basket: 29.5, items: 2 }, { basket: 80, items: 9 }],
  },
  {
    name: "late_fee_after_14_days",
    description: "A late fee of 10 euros applies when a book is returned more than 14 days after it was borrowed; otherwise there is no fee.",
    examples: [[{ days: 3 }, 0], [{ days: 20 }, 10]],
    person: on((i: { days: number }) => (i.days > 14 ? 10 : 0)),
    probes: [{ days: 14 }, { days: 15 }, { days: 11 }],
  },
  {
    name: "senior_ticket_from_65",
    description: "A museum ticket costs 12 euros; visitors aged 65 or over pay 8 euros.",
    examples: [[{ age: 30 }, 12], [{ age: 70 }, 8]],
    person: on((i: { age: number }) => (i.age >= 65 ? 8 : 12)),
    probes: [{ age: 64 }, { age: 65 }, { age: 40 }],
  },
];

/** Published within six answers, and right on the attack's probes (round 22's main kept asking, one number at a time). */
async function publishedRight(attack: Attack): Promise<void> {
  const got = await afterAnswers(backend, makeSpec(attack.name, attack.description, attack.examples as [never, never][]), attack.person);
  expect(got, "still asks (or gave up) after six answers").toEqual(expect.objectContaining({ asked: expect.any(Number) }));
  if (typeof got === "string") return;
  for (const p of attack.probes) expect(got.run(p), JSON.stringify(p)).toEqual(attack.person(p as never));
}

describe("a rule that turns at a stated number: published right after the person's answers", () => {
  for (const attack of TURNS) it(`${attack.name}`, () => publishedRight(attack), ANSWERED_MS);
});
