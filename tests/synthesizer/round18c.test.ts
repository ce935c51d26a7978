/**
 * Round 18c: equality with a constant as a rival of a comparison with it, silenced only where the
 * description states that bound beside its number ("at most 0", "below 1", "0 or less") or speaks
 * of none of a thing ("has zero stock"); a bound or amount word about anything else leaves the
 * rival standing. The rival is read through the forms the search writes: strict comparisons on
 * whole numbers, `!`, and bounds on the least or greatest of a list.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend, emitFunction } from "../../src/agents/synthesizer/index.ts";
import type { Expr, Json } from "../../src/agents/synthesizer/index.ts";
import { statedBounds, statesNone } from "../../src/agents/synthesizer/bound-words.ts";
import { equalityRivals } from "../../src/agents/synthesizer/equality-readings.ts";
import { priorFor } from "../../src/agents/synthesizer/rank.ts";
import { holds, list, ANSWERED_MS } from "./answered.ts";

const backend = createExampleBackend();

const xs: Expr = { k: "in", path: ["xs"] };
const el: Expr = { k: "x", path: [] };
const num = (value: number): Expr => ({ k: "const", value });
const op = (name: string, ...args: Expr[]): Expr => ({ k: "op", op: name, args });
const some = (body: Expr): Expr => ({ k: "lam", op: "some", arr: xs, body });
const WHOLE = [{ xs: [4, 0, 7] }, { xs: [3, 9] }];
/** The rivals' programs as code, and the values just past their bounds. */
const rivals = (e: Expr, description: string, inputs: readonly Json[] = WHOLE) => equalityRivals(e, priorFor(description, []), inputs).map((r) => ({ code: emitFunction(r.expr, "f"), past: r.past }));

describe("the bound a description states", () => {
  it("is a number a comparison is written beside, not one counted or named elsewhere", () => {
    expect(statedBounds("Whether some price is at most 0.")).toEqual([0]);
    expect(statedBounds("Whether a level is 3 or less, or no more than ten.")).toEqual([10, 3]);
    expect(statedBounds("Whether at least one of the players scored 0.")).toEqual([]);
    expect(statedBounds("Whether at least two zero readings are in the log.")).toEqual([]);
    expect(statedBounds("Whether the tank log contains 0; an empty tank log gives false.")).toEqual([]);
  });

  it("is none of a thing only where no article, number or 'is' makes the zero a value", () => {
    expect(statesNone("Whether some shelf has zero books.")).toBe(true);
    expect(statesNone("Whether a player has no points left.")).toBe(true);
    expect(statesNone("Whether some player has a zero score.")).toBe(false);
    expect(statesNone("Whether the wait is zero minutes.")).toBe(false);
    expect(statesNone("Whether the list has no zeros.")).toBe(false);
  });
});

describe("equality as a rival of a comparison with a constant", () => {
  const atMostZero = some(op("le", el, num(0)));

  it("stands where a bound or amount word speaks of something else", () => {
    expect(rivals(atMostZero, "Whether some player has a zero score.")).toHaveLength(1);
    expect(rivals(atMostZero, "Whether the tank log contains 0; an empty tank log gives false.")).toHaveLength(1);
    expect(rivals(atMostZero, "Whether the level was 0 on some day; it moves at most 5 a day.")).toHaveLength(1);
  });

  it("is silenced where the description states that bound, or none of the thing compared", () => {
    expect(rivals(atMostZero, "Whether some price is at most 0.")).toEqual([]);
    expect(rivals(atMostZero, "Whether some price is below 1.")).toEqual([]);
    // Round 20a: none of "books" silences the rival only where the books are what is compared.
    const books: Expr = { k: "lam", op: "some", arr: { k: "in", path: ["shelves"] }, body: op("le", { k: "x", path: ["books"] }, num(0)) };
    expect(rivals(books, "Whether some shelf has zero books.", [{ shelves: [{ books: 4 }, { books: 0 }] }])).toEqual([]);
    expect(rivals(atMostZero, "Whether some shelf has zero books.")).toHaveLength(1);
  });

  it("reads a strict comparison on whole numbers at the number next to its constant", () => {
    const belowOne = some(op("lt", el, num(1)));
    const one = rivals(belowOne, "Whether some score is 0.");
    expect(one.map((r) => r.past)).toEqual([-1]);
    expect(one[0]?.code).toContain("x === 0");
    const long = rivals(op("not", op("le", op("len", xs), num(2))), "Whether the list is long.");
    expect(long.map((r) => r.past)).toEqual([4]);
    expect(long[0]?.code).toContain("=== 3");
    expect(rivals(belowOne, "Whether some score is 0.", [{ xs: [0.5, 2] }])).toEqual([]);
  });

  it("reads a bound on the least of a list for each element, and not the comparison under a `!` alone", () => {
    const r = rivals(op("not", op("ge", op("min", xs), num(1))), "Whether some score is 0.");
    expect(r.map((x) => x.past)).toEqual([-1, -1]);
    expect(r.map((x) => x.code).join("\n")).toContain("input.xs.some((x) => x === 0)");
    expect(r.map((x) => x.code).join("\n")).not.toContain("=== 1");
    expect(rivals(op("le", op("max", xs), num(10)), "Whether every mark is 10.").map((x) => x.code).join("\n")).toContain("input.xs.every((x) => x === 10)");
  });
});

describe("answered as a person would", () => {
  it("asks about a negative number where 'zero' names a value, and reaches equality", { timeout: ANSWERED_MS }, async () => {
    await holds(backend, {
      name: "zero_score_round",
      description: "Whether some player has a zero score this round.",
      examples: [[{ xs: [6, 0, 2] }, true], [{ xs: [8, 1] }, false]],
      person: list((v) => v.includes(0)),
      probes: [{ xs: [-3, 4] }, { xs: [0] }],
    });
  });
});
