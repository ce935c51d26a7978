/**
 * Round 20b (issue #17): programs published silently wrong where the examples hold something fixed
 * that the description leaves free — a number the description says is rounded, left unrounded on
 * one of two alike fields; a part of a text that is zero in every example (":00" seconds, ":00"
 * minutes); texts of letters and spaces only, counted by a program that drops every other mark; a
 * whole quotient of a total that the description never asks to divide. Specs invented here, of the
 * shapes holdout15 showed, not taken from a fixture set.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { loadPlugin } from "./load-plugin.ts";
import { runOn } from "../../src/agents/synthesizer/evaluate.ts";
import { priorFor } from "../../src/agents/synthesizer/rank.ts";
import { unaskedQuotient, wholeQuotientOfTotal } from "../../src/agents/synthesizer/unasked-quotient.ts";
import { zeroPart } from "../../src/agents/synthesizer/zero-runs.ts";
import type { Expr, Json } from "../../src/agents/synthesizer/types.ts";
import { inferSchema, makeSpec } from "./fixtures.ts";

const backend = createExampleBackend();

/** Asks about something, or publishes a program right on every probe: never silently wrong. */
async function asksOrRight(spec: ReturnType<typeof makeSpec>, person: (input: never) => unknown, probes: unknown[]): Promise<void> {
  const result = await backend.synthesize(spec);
  if (result.ambiguity) return;
  const fn = await loadPlugin(result.code);
  for (const p of probes) expect(fn(structuredClone(p), {}), `${JSON.stringify(p)} published as ${result.code}`).toEqual(person(p as never));
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

describe("a number the description says is rounded", () => {
  it("is asked about or rounded on each alike field of the answer", async () => {
    const spec = makeSpec(
      "tiles_along_each_wall",
      "A floor is tiled with square tiles of 250 mm. From the room's two sides in millimetres, give {across, along}: how many tiles fit along each side, each rounded to 2 decimals (halves up).",
      [
        [{ across_mm: 5000, along_mm: 3750 }, { across: 20, along: 15 }],
        [{ across_mm: 1600, along_mm: 900 }, { across: 6.4, along: 3.6 }],
      ],
    );
    const person = ((i: { across_mm: number; along_mm: number }) => ({ across: round2(i.across_mm / 250), along: round2(i.along_mm / 250) })) as never;
    await asksOrRight(spec, person, [{ across_mm: 1001, along_mm: 777 }, { across_mm: 3, along_mm: 2999 }]);
  });
});

describe("a part of a text that is zero in every example", () => {
  it("is asked about when the program never reads it (seconds of a timestamp)", async () => {
    const spec = makeSpec(
      "epoch_seconds_of_moment",
      "Seconds since the Unix epoch (1970-01-01T00:00:00Z) of a UTC moment written like 2011-04-05T06:07:08Z; negative before the epoch.",
      [
        [{ moment: "2019-05-01T10:20:00Z" }, 1556706000],
        [{ moment: "1970-01-03T00:00:00Z" }, 172800],
      ],
    );
    const person = ((i: { moment: string }) => Date.parse(i.moment) / 1000) as never;
    await asksOrRight(spec, person, [{ moment: "1970-01-01T00:00:01Z" }, { moment: "1969-12-31T23:59:59Z" }, { moment: "2024-02-29T12:34:56Z" }]);
  });

  it("is asked about when the program reads it as the 0 it always was (minutes of a start)", () => {
    const hh = (t: Expr): Expr => ({ k: "op", op: "numAt", args: [t, { k: "const", value: 0 }] });
    const mm = (t: Expr): Expr => ({ k: "op", op: "numAt", args: [t, { k: "const", value: 1 }] });
    const porch = (f: string): Expr => ({ k: "in", path: ["porch", f] });
    const hall = (f: string): Expr => ({ k: "in", path: ["hall", f] });
    // max(porch.off minutes, porch.on minutes * hall.off hours + hall.on minutes): right on both examples.
    const fitted: Expr = { k: "op", op: "max2", args: [mm(porch("off")), { k: "op", op: "add", args: [{ k: "op", op: "mul", args: [mm(porch("on")), hh(hall("off"))] }, mm(hall("on"))] }] };
    const inputs = [
      { porch: { on: "18:00", off: "20:00" }, hall: { on: "19:15", off: "21:00" } },
      { porch: { on: "06:00", off: "07:00" }, hall: { on: "08:00", off: "08:30" } },
    ];
    const schema = inferSchema(inputs[0]);
    expect(inputs.map((i) => runOn(fitted, i))).toEqual([15, 0]);
    const asked = zeroPart(fitted, inputs, schema);
    expect(asked?.input).toEqual({ porch: { on: "18:01", off: "20:00" }, hall: { on: "19:15", off: "21:00" } });
    // Texts whose numbers are not all zero in every example leave nothing to ask.
    expect(zeroPart(fitted, [inputs[0] as Json, { porch: { on: "06:10", off: "07:05" }, hall: { on: "08:00", off: "08:30" } }], schema)).toBeUndefined();
  });
});

describe("texts of letters and spaces only", () => {
  it("do not let a count that drops punctuation pass for a count of every non-blank character", async () => {
    const spec = makeSpec(
      "password_length_without_blanks",
      "How long is a pass phrase once its blanks are left out? Spaces, tabs and newlines do not count; any other character does.",
      [
        [{ phrase: "open sesame" }, 10],
        [{ phrase: " big  cat " }, 6],
      ],
    );
    const person = ((i: { phrase: string }) => [...i.phrase.replace(/\s/g, "")].length) as never;
    await asksOrRight(spec, person, [{ phrase: "a-b c!" }, { phrase: "#1 fan?" }, { phrase: "" }]);
  });
});

describe("a whole quotient of a total that the description never divides", () => {
  const weights: Expr = { k: "in", path: ["weights"] };
  const quotient: Expr = { k: "op", op: "floor", args: [{ k: "op", op: "div", args: [{ k: "op", op: "sum", args: [weights] }, { k: "in", path: ["load"] }] }] };
  const inputs = [{ weights: [3, 7, 1, 9, 6], load: 10 }, { weights: [4, 8, 2, 16], load: 20 }];
  const schema = inferSchema(inputs[0]);

  it("is asked about rather than published as the count of pairs", () => {
    expect(inputs.map((i) => runOn(quotient, i))).toEqual([2, 1]);
    const prior = priorFor("How many pairs of crates in `weights` together weigh exactly `load`? A pair is two different positions in the list.", []);
    expect(unaskedQuotient(quotient, inputs, prior, schema)?.input).toEqual({ weights: [7, 1, 9, 6], load: 10 });
  });

  it("is left alone where the description divides or rounds", () => {
    const prior = priorFor("How many full crates of `load` kilograms do the `weights` make, rounded down?", []);
    expect(unaskedQuotient(quotient, inputs, prior, schema)).toBeUndefined();
    expect(wholeQuotientOfTotal({ k: "op", op: "floor", args: [{ k: "op", op: "div", args: [{ k: "in", path: ["load"] }, { k: "const", value: 3 }] }] })).toBe(false);
  });
});
