/**
 * Round 23 (issue #17): an excess over a stated threshold. "10 euros for each kg beyond 23 kg",
 * "20 euros for every hour in excess of 38", "4 euros per GB beyond the first 5": only what lies
 * past the threshold counts. Clean examples all lie past it, so `10 × (kg − 23)` fits them and is
 * published as a formula that writes every stated constant, negative for a light bag. The phrase now
 * states a zero floor (stated-edges.ts), and the floor is tried inside the formula too (the
 * difference, not the whole bill, is clamped), so the clamped reading ranks first and the backend
 * asks below the threshold instead of publishing. Specs invented here; attack-round22's
 * bonus_beyond_target is the break that led to it.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { readStatedEdges, statedEdgeVariants } from "../../src/agents/synthesizer/stated-edges.ts";
import { emitFunction } from "../../src/agents/synthesizer/index.ts";
import type { Expr } from "../../src/agents/synthesizer/types.ts";
import { ANSWERED_MS, firstReadingRight, holds } from "./answered.ts";
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
    expect(readStatedEdges(text).edges.has("zeroFloor")).toBe(true);
  });

  it.each([
    "the price of the items",
    "how far the first runner is ahead",
    "the total for the first three items",
    "over the years the price rose",
  ])("'%s' states none", (text) => {
    expect(readStatedEdges(text).edges.has("zeroFloor")).toBe(false);
  });

  it("clamps each difference inside the formula as well as the whole: 12 + 2 × max(m3 − 10, 0) is one of the variants", () => {
    const bill = op("add", num(12), op("mul", num(2), op("sub", field("m3"), num(10))));
    const variants = statedEdgeVariants(bill, 7, new Set(["zeroFloor"])).map((v) => emitFunction(v.expr, "f"));
    expect(variants.some((code) => code.includes("return 12 + 2 * Math.max(input.m3 - 10, 0);"))).toBe(true);
    expect(variants.some((code) => code.includes("return Math.max(12 + 2 * (input.m3 - 10), 0);"))).toBe(true);
  });

  it("reads a line in one field as a base plus a rate on the excess over the stated threshold: 4 × gb − 5 over 5 is 15 + 4 × max(gb − 5, 0)", () => {
    const line = op("sub", op("mul", field("gb"), num(4)), num(5));
    const variants = statedEdgeVariants(line, 5, new Set(["zeroFloor"]), [5]).map((v) => emitFunction(v.expr, "f"));
    expect(variants.some((code) => code.includes("return 15 + 4 * Math.max(input.gb - 5, 0);"))).toBe(true);
    // Not a line (a square), or no threshold stated: no such reading.
    expect(statedEdgeVariants(op("mul", field("gb"), field("gb")), 3, new Set(["zeroFloor"]), [5]).map((v) => emitFunction(v.expr, "f")).join()).not.toContain("Math.max(input.gb - 5, 0)");
    expect(statedEdgeVariants(line, 5, new Set(["zeroFloor"]), []).map((v) => emitFunction(v.expr, "f")).join()).not.toContain("15 +");
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
