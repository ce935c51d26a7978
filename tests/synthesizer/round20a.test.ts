/**
 * Round 20a: rivals ask by default. A stated bound keeps its side and whether it is in the main
 * clause, none of a thing keeps its noun; the `x === c` rival of a comparison is silenced only by a
 * main-clause bound at that number on the comparison's side, or by none of the very field compared.
 * Any weaker words mark it `later`: still asked about, after every other check.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend, emitFunction } from "../../src/agents/synthesizer/index.ts";
import type { Expr } from "../../src/agents/synthesizer/index.ts";
import { noneOf, statedBoundForms } from "../../src/agents/synthesizer/bound-words.ts";
import { equalityRivals } from "../../src/agents/synthesizer/equality-readings.ts";
import { priorFor } from "../../src/agents/synthesizer/rank.ts";
import { holds, list, ANSWERED_MS } from "./answered.ts";
import type { Person } from "./answered.ts";
import { makeSpec } from "./fixtures.ts";

const backend = createExampleBackend();

const num = (value: number): Expr => ({ k: "const", value });
const op = (name: string, ...args: Expr[]): Expr => ({ k: "op", op: name, args });
/** `input.LIST.some((x) => BODY)`. */
const some = (field: string, body: Expr): Expr => ({ k: "lam", op: "some", arr: { k: "in", path: [field] }, body });
const el = (...path: string[]): Expr => ({ k: "x", path });
const WHOLE = [{ xs: [4, 0, 7] }, { xs: [3, 9] }];
/** The rivals of `e` under a description: code, whether they are asked about last. */
const rivals = (e: Expr, description: string, inputs: readonly unknown[] = WHOLE) =>
  equalityRivals(e, priorFor(description, []), inputs as never).map((r) => ({ code: emitFunction(r.expr, "f"), later: r.later === true }));
const atMostZero = some("xs", op("le", el(), num(0)));

describe("the side and clause of a stated bound", () => {
  it("reads which way a comparison holds, before or after its number", () => {
    const sides = (d: string) => statedBoundForms(d).map((b) => [b.at, b.side]);
    expect(sides("Whether some balance is at most 0.")).toEqual([[0, -1]]);
    expect(sides("Whether some balance is 0 or less.")).toEqual([[0, -1]]);
    expect(sides("Whether some balance is below 1.")).toEqual([[1, -1]]);
    expect(sides("Whether some balance is 0 or more.")).toEqual([[0, 1]]);
    expect(sides("Whether some balance is at least 0.")).toEqual([[0, 1]]);
    expect(sides("Whether some balance is over 1.")).toEqual([[1, 1]]);
    expect(sides("Whether some low was zero and up.")).toEqual([[0, 1]]);
  });

  it("is in the main clause only before any ';', sentence end or parenthesis", () => {
    expect(statedBoundForms("Whether a queue holds at most 3 jobs; 8 or more is rare.").map((b) => [b.at, b.main])).toEqual([[3, true], [8, false]]);
    expect(statedBoundForms("Whether some tank is empty (at most 0 litres).").map((b) => b.main)).toEqual([false]);
  });

  it("keeps the noun none of which the main clause speaks, none where values go below zero", () => {
    expect(noneOf("True when some item has zero stock.")).toEqual(["stock"]);
    expect(noneOf("Whether some reading from a sensor with no faults is 0.")).toEqual(["faults"]);
    expect(noneOf("Whether some level is 0 (each tank has no lid).")).toEqual([]);
    expect(noneOf("Whether a card has zero credit; credit can go negative.")).toEqual([]);
  });
});

describe("the equality rival of a comparison with a constant", () => {
  it("is silenced by a main-clause bound on the comparison's side", () => {
    expect(rivals(atMostZero, "Whether some balance is at most 0.")).toEqual([]);
    expect(rivals(atMostZero, "Whether some balance is below 1.")).toEqual([]);
    expect(rivals(some("xs", op("ge", el(), num(0))), "Whether some balance is 0 or more.")).toEqual([]);
  });

  it("is asked about later, not silenced, where '0 or more' bounds the other side of a `<=`", () => {
    const r = rivals(atMostZero, "Whether some balance is 0 or more.");
    expect(r).toHaveLength(1);
    expect(r[0]?.code).toContain("x === 0");
    expect(r[0]?.later).toBe(true);
    expect(rivals(atMostZero, "Whether some balance is over 1.").map((x) => x.later)).toEqual([true]);
  });

  it("is asked about later where the bound stands in a subordinate clause", () => {
    expect(rivals(atMostZero, "Whether some balance is 0; balances at most 0 are frozen.").map((x) => x.later)).toEqual([true]);
    expect(rivals(atMostZero, "Whether some balance is 0 (a balance can be 0 or less).").map((x) => x.later)).toEqual([true]);
  });

  it("is silenced by 'has zero stock' only where the field compared is the stock", () => {
    const stock = some("items", op("le", el("stock"), num(0)));
    const inputs = [{ items: [{ stock: 3 }, { stock: 0 }] }, { items: [{ stock: 5 }] }];
    expect(rivals(stock, "True when some item has zero stock.", inputs)).toEqual([]);
    expect(rivals(some("stocks", op("le", el(), num(0))), "True when some item has zero stock.")).toEqual([]);
    const price = some("items", op("le", el("price"), num(0)));
    expect(rivals(price, "True when some item has zero stock.", [{ items: [{ price: 3 }, { price: 0 }] }]).map((x) => x.later)).toEqual([true]);
    expect(rivals(atMostZero, "True when some item has zero stock.").map((x) => x.later)).toEqual([true]);
  });

  it("tolerates singular and plural and a word of a longer field name", () => {
    const points = (field: string) => some("players", op("le", el(field), num(0)));
    const inputs = (field: string) => [{ players: [{ [field]: 3 }, { [field]: 0 }] }];
    expect(rivals(points("point"), "Whether some player has no points left.", inputs("point"))).toEqual([]);
    expect(rivals(points("pointsLeft"), "Whether some player has no points left.", inputs("pointsLeft"))).toEqual([]);
    expect(rivals(points("battery"), "Whether some phone has no batteries.", inputs("battery"))).toEqual([]);
    expect(rivals(points("score"), "Whether some player has no points left.", inputs("score")).map((x) => x.later)).toEqual([true]);
  });

  it("stands, not later, where nothing is said at its number", () => {
    expect(rivals(atMostZero, "Whether the list contains a zero.").map((x) => x.later)).toEqual([false]);
    expect(rivals(atMostZero, "Whether some level is 0; it moves at most 5 a day.").map((x) => x.later)).toEqual([false]);
  });
});

/** A balance of exactly 0, the right reading: true on [0], false on [-5, 3]. */
const isZero: Person = list((xs) => xs.includes(0));
const BALANCES: [unknown, unknown][] = [[{ xs: [10, 0, 5] }, true], [{ xs: [7, 2] }, false]];
/** Four examples, one with a 1 answered false, so that no comparison with 1 fits as well and none rests on one example. */
const BALANCES_WITH_ONE: [unknown, unknown][] = [[{ xs: [10, 0, 5] }, true], [{ xs: [7, 1] }, false], [{ xs: [0, 3] }, true], [{ xs: [2, 9, 4] }, false]];

describe("answered as a person would", () => {
  it("asks about a negative balance where '0 or more' bounds from below, and reaches equality", { timeout: ANSWERED_MS }, async () => {
    await holds(backend, {
      name: "zero_balance_0_or_more_safe",
      description: "Whether some balance is 0; balances of 0 or more are safe.",
      examples: BALANCES,
      person: isZero,
      probes: [{ xs: [-5, 3] }, { xs: [0] }],
    });
  });

  it("asks where none of a thing names another field than the one compared", { timeout: ANSWERED_MS }, async () => {
    await holds(backend, {
      name: "zero_reading_with_no_alarms",
      description: "Whether some reading from a meter with no alarms is 0.",
      examples: [[{ readings: [6, 0, 2] }, true], [{ readings: [8, 1] }, false]],
      person: (i: { readings: number[] }) => i.readings.includes(0),
      probes: [{ readings: [-3, 4] }, { readings: [0] }],
    });
  });

  it("still publishes at once where the main clause states the bound on the comparison's side", async () => {
    const result = await backend.synthesize(makeSpec("overdrawn_or_empty", "Whether some balance is 0 or less.", BALANCES_WITH_ONE));
    expect(result.ambiguity, JSON.stringify(result.ambiguity)).toBeUndefined();
    expect(result.code).toMatch(/<= 0|< 1/);
  });
});
