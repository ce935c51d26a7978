/**
 * Round 18d: runs of one character beside a text of the input, where every example's text is as
 * long. The run tracks the length of a text read anywhere in the input (nested records too) and
 * beside constant text (a bracketed mask); a run beside the whole text may pad it to a width
 * (`s.padEnd(10, ".")`, written by the string solver where the lengths differ); a text cut at a
 * position from the start has the cut from its end as a rival.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend, evaluate } from "../../src/agents/synthesizer/index.ts";
import type { Expr, Json } from "../../src/agents/synthesizer/index.ts";
import { fillRivals, textLengthProbes, textPositionTwins } from "../../src/agents/synthesizer/fill-readings.ts";
import { holds, text, uses, ANSWERED_MS } from "./answered.ts";
import type { Person } from "./answered.ts";
import { makeSpec } from "./fixtures.ts";
import { loadPlugin } from "./load-plugin.ts";

const backend = createExampleBackend();

const s = (path: string[] = ["s"]): Expr => ({ k: "in", path });
const c = (value: Json): Expr => ({ k: "const", value });
const op = (name: string, ...args: Expr[]): Expr => ({ k: "op", op: name, args });
const mask = (keep: number, ch: string) => (t: string): string => ch.repeat(Math.max(0, t.length - keep)) + t.slice(Math.max(0, t.length - keep));

describe("a run that tracks the length of a text", () => {
  it("is a rival for a text nested in the input", () => {
    const e = op("concat", c("****"), op("sliceFrom", s(["user", "pin"]), c(-2)));
    const rivals = fillRivals(e, [{ user: { pin: "482193" } }, { user: { pin: "771020" } }], ["****93", "****20"]);
    expect(rivals.map((r) => evaluate(r, { input: { user: { pin: "12345678" } } }))).toContain("******78");
  });

  it("is a rival where constant text stands beside the run (the answer longer than the text)", () => {
    const e = op("concat", op("concat", c("<****"), op("sliceFrom", s(), c(4))), c(">"));
    const rivals = fillRivals(e, [{ s: "ABCD1234" }, { s: "WXYZ9876" }], ["<****1234>", "<****9876>"]);
    expect(rivals.map((r) => evaluate(r, { input: { s: "ABCDE1234" } }))).toContain("<*****E1234>");
  });

  it("is asked about for a nested text, and answering reaches the masked text of another length", { timeout: ANSWERED_MS }, async () => {
    await holds(backend, {
      name: "nested_pin",
      description: "The user's pin with every digit but the last two replaced by *.",
      examples: [[{ user: { pin: "482193" } }, "****93"], [{ user: { pin: "771020" } }, "****20"]],
      person: ((i: { user: { pin: string } }) => mask(2, "*")(i.user.pin)) as Person,
      probes: [{ user: { pin: "12345678" } }, { user: { pin: "1234" } }],
    });
  });

  it("is written beside constant text where the lengths differ, and right on a third length", async () => {
    const spec = makeSpec("angled_code", "The code in angle brackets, every character but the last three replaced by x.", [
      [{ s: "ABCDEF" }, "<xxxDEF>"],
      [{ s: "QRSTUVW" }, "<xxxxUVW>"],
    ]);
    const result = await backend.synthesize(spec);
    expect(uses(result.program, "repeatChar"), result.code).toBe(true);
    const run = await loadPlugin(result.code);
    for (const t of ["ABCDEFGHIJ", "ABCD"]) expect(run({ s: t }, {}), result.code).toBe(`<${mask(3, "x")(t)}>`);
  });
});

describe("a text cut at a position from the start against the cut from its end", () => {
  it("is a rival on texts of one length", () => {
    const e = op("concat", op("concat", c("["), op("sliceFrom", s(), c(2))), c("]"));
    const twins = textPositionTwins(e, [{ s: "AB1234" }, { s: "CD5678" }]);
    expect(twins.map((t) => evaluate(t, { input: { s: "ABC1234" } }))).toEqual(["[1234]"]);
  });

  it("is no rival where the texts' lengths differ, or on texts of a fixed format (dates)", () => {
    const day = op("sliceFrom", s(), c(8));
    expect(textPositionTwins(day, [{ s: "2024-08-15" }, { s: "2023-01-02" }])).toEqual([]);
    expect(textPositionTwins(op("sliceFrom", s(), c(2)), [{ s: "AB1234" }, { s: "CD56789" }])).toEqual([]);
    expect(textPositionTwins(op("sliceTo", s(["a", "b"]), c(-1)), [{ a: { b: "xyz" } }, { a: { b: "xy" } }])).toEqual([]);
  });

  it("is asked about on a text of another length", async () => {
    const spec = makeSpec("drop_prefix", "The code without its first characters, in parentheses.", [
      [{ s: "AB1234" }, "(1234)"],
      [{ s: "C56789" }, "(6789)"],
    ]);
    const result = await backend.synthesize(spec);
    const a = result.ambiguity;
    expect(a, result.code).toBeDefined();
    const t = (a!.input as { s: string }).s;
    expect(t.length).not.toBe(6);
    const outputs = a!.readings.map((r) => r.output);
    expect(outputs).toContain(`(${t.slice(2)})`);
    expect(outputs).toContain(`(${t.slice(-4)})`);
  });
});

describe("a text padded to a width with one character", () => {
  it("is written as padEnd or padStart where the examples' lengths differ, and right on shorter and longer texts", async () => {
    for (const [side, ch, examples] of [
      ["end", "-", [[{ s: "abc" }, "abc-----"], [{ s: "hello" }, "hello---"]]],
      ["start", "#", [[{ s: "12" }, "######12"], [{ s: "4567" }, "####4567"]]],
    ] as const) {
      const spec = makeSpec(`pad_${side}`, `The text padded with ${ch} to 8 characters.`, examples.map(([i, o]) => [i, o]) as [Json, Json][]);
      const result = await backend.synthesize(spec);
      expect(result.code).toContain(side === "end" ? `.padEnd(8, "${ch}")` : `.padStart(8, "${ch}")`);
      const run = await loadPlugin(result.code);
      for (const t of ["x", "abcdefg", "abcdefghijk"]) expect(run({ s: t }, {}), result.code).toBe(side === "end" ? t.padEnd(8, ch) : t.padStart(8, ch));
    }
  });

  it("is asked about where every example's text is as long, and answering reaches the pad", { timeout: ANSWERED_MS }, async () => {
    await holds(backend, {
      name: "label_dashes",
      description: "The label padded with dashes on the right to 8 characters.",
      examples: [[{ s: "cat" }, "cat-----"], [{ s: "dog" }, "dog-----"]],
      person: text((t) => t.padEnd(8, "-")),
      probes: [{ s: "ox" }, { s: "horse" }],
    });
  });

  it("is parted from a constant run on a shorter text, nested texts too", () => {
    expect(textLengthProbes([{ a: { b: "xyz" }, n: 1 }])).toEqual([{ a: { b: "yz" }, n: 1 }, { a: { b: "xxyz" }, n: 1 }]);
  });
});
