/**
 * Round 18b: two readings the examples' shapes could not tell apart. A run of one character as
 * long as a text of the input against a constant run (masking all but the last characters: every
 * example as long), and "equal to c" against "at most c" (no example past c), unless the
 * description speaks of an amount.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend, evaluate } from "../../src/agents/synthesizer/index.ts";
import type { Expr, Json } from "../../src/agents/synthesizer/index.ts";
import { equalityRivals, pastProbes } from "../../src/agents/synthesizer/equality-readings.ts";
import { fillRivals } from "../../src/agents/synthesizer/fill-readings.ts";
import { priorFor } from "../../src/agents/synthesizer/rank.ts";
import { holds, list, text, uses, ANSWERED_MS } from "./answered.ts";
import { makeSpec } from "./fixtures.ts";
import { loadPlugin } from "./load-plugin.ts";

const backend = createExampleBackend();

const mask = (keep: number, ch: string) => (s: string): string => ch.repeat(Math.max(0, s.length - keep)) + s.slice(-keep);

describe("a run of one character as long as a text of the input", () => {
  it("is written where the examples' lengths differ, and right on a third length", async () => {
    const spec = makeSpec("hide_account", "The account number with all but the last two characters replaced by #.", [
      [{ s: "AB123456" }, "######56"],
      [{ s: "XY98765" }, "#####65"],
    ]);
    const result = await backend.synthesize(spec);
    expect(uses(result.program, "repeatChar"), result.code).toBe(true);
    expect(result.code).toContain('"#".repeat(');
    const run = await loadPlugin(result.code);
    for (const s of ["QQ1", "LONGER1234567", "7"]) expect(run({ s }, {}), result.code).toBe(mask(2, "#")(s));
  });

  it("is asked about, on a text of another length, where every example's text is as long", async () => {
    const spec = makeSpec("hide_account", "The account number with all but the last two characters replaced by #.", [
      [{ s: "AB123456" }, "######56"],
      [{ s: "XY987654" }, "######54"],
    ]);
    const result = await backend.synthesize(spec);
    const a = result.ambiguity;
    expect(a, result.code).toBeDefined();
    expect((a!.input as { s: string }).s.length).not.toBe(8);
    const outputs = a!.readings.map((r) => r.output);
    expect(outputs).toContain(mask(2, "#")((a!.input as { s: string }).s));
  });

  it("is reached by answering, and right on a card of another length", { timeout: ANSWERED_MS }, async () => {
    await holds(backend, {
      name: "masked_pin",
      description: "The code with every character but the last one replaced by x.",
      examples: [[{ s: "4821" }, "xxx1"], [{ s: "9930" }, "xxx0"]],
      person: text(mask(1, "x")),
      probes: [{ s: "12345" }, { s: "77" }],
    });
  });

  it("is no rival where the answer is not as long as the text (a cut with dots added)", () => {
    const e: Expr = { k: "op", op: "concat", args: [{ k: "op", op: "sliceTo", args: [{ k: "in", path: ["s"] }, { k: "const", value: 5 }] }, { k: "const", value: "..." }] };
    expect(fillRivals(e, [{ s: "hello world" }, { s: "abcdefghijk" }], ["hello...", "abcde..."])).toEqual([]);
    expect(fillRivals({ k: "op", op: "concat", args: [{ k: "const", value: "****" }, { k: "op", op: "sliceFrom", args: [{ k: "in", path: ["s"] }, { k: "const", value: -2 }] }] }, [{ s: "abcdef" }], ["****ef"])).toHaveLength(1);
  });

  it("never throws on a text shorter than the characters kept", async () => {
    const fill: Expr = { k: "op", op: "repeatChar", args: [{ k: "const", value: "*" }, { k: "op", op: "sub", args: [{ k: "op", op: "len", args: [{ k: "in", path: ["s"] }] }, { k: "const", value: 4 }] }] };
    expect(evaluate(fill, { input: { s: "ab" } as Json })).toBe("");
    expect(evaluate(fill, { input: { s: "abcdef" } as Json })).toBe("**");
  });
});

describe("equal to a constant against at most (or at least) it", () => {
  const atMostZero: Expr = { k: "lam", op: "some", arr: { k: "in", path: ["xs"] }, body: { k: "op", op: "le", args: [{ k: "x", path: [] }, { k: "const", value: 0 }] } };

  it("is a rival where the description names the constant as a value, and not where it speaks of an amount or a bound", () => {
    expect(equalityRivals(atMostZero, priorFor("Whether the list contains a zero.", [])).map((r) => r.past)).toEqual([-1]);
    expect(equalityRivals(atMostZero, priorFor("Whether some reading is exactly 0.", []))).toHaveLength(1);
    // Round 20a: none of "stock" or "money" names no field of `xs`, so the rival is asked about last, not silenced.
    expect(equalityRivals(atMostZero, priorFor("True when some item has zero stock.", [])).map((r) => r.later)).toEqual([true]);
    expect(equalityRivals(atMostZero, priorFor("Whether some account has no money left.", [])).map((r) => r.later)).toEqual([true]);
    const money: Expr = { k: "lam", op: "some", arr: { k: "in", path: ["accounts"] }, body: { k: "op", op: "le", args: [{ k: "x", path: ["money"] }, { k: "const", value: 0 }] } };
    expect(equalityRivals(money, priorFor("Whether some account has no money left.", []))).toEqual([]);
    expect(equalityRivals(atMostZero, priorFor("Whether some number is 0 or less.", []))).toEqual([]);
  });

  it("is told apart on an input with one number just past the constant, negative though no example is", () => {
    expect(pastProbes([-1], [{ xs: [1, 0] }])).toEqual([{ xs: [-1, 0] }, { xs: [1, -1] }]);
  });

  it("is offered at the first question, on a list with a number below 0", async () => {
    const spec = makeSpec("zero_reading", "Whether any of the meter readings is a zero.", [[{ readings: [7, 0, 3] }, true], [{ readings: [2, 9] }, false]]);
    const result = await backend.synthesize(spec);
    const a = result.ambiguity;
    expect(a, result.code).toBeDefined();
    expect((a!.input as { readings: number[] }).readings.some((x) => x < 0)).toBe(true);
    expect(a!.readings.some((r) => r.program.includes("=== 0")), JSON.stringify(a!.readings)).toBe(true);
  });

  it("is asked about, and answering reaches equality", { timeout: ANSWERED_MS }, async () => {
    await holds(backend, {
      name: "any_empty_box",
      description: "Whether any of the boxes holds exactly 0 items.",
      examples: [[{ xs: [4, 0, 2] }, true], [{ xs: [5, 1] }, false]],
      person: list((xs) => xs.includes(0)),
      probes: [{ xs: [-1, 3] }, { xs: [0] }, { xs: [2, 2] }],
    });
  });
});
