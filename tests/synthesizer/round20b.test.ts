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
import { makeSpec } from "./fixtures.ts";

const backend = createExampleBackend();

/** Asks about something, or publishes a program right on every probe: never silently wrong. */
async function asksOrRight(spec: ReturnType<typeof makeSpec>, person: (input: never) => unknown, probes: unknown[]): Promise<void> {
  const result = await backend.synthesize(spec);
  if (result.ambiguity) return;
  const fn = await loadPlugin(result.code);
  for (const p of probes) expect(fn(structuredClone(p), {}), `${JSON.stringify(p)} published as ${result.code}`).toEqual(person(p as never));
}

const clock = (t: string): number => t.split(":").map(Number).reduce((acc, v) => acc * 60 + v, 0);
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
  it("is asked about when the program never reads it (seconds of a clock reading)", async () => {
    const spec = makeSpec(
      "seconds_since_midnight",
      "How many seconds have passed since midnight at a clock reading like 07:45:00 (HH:MM:SS, 24-hour clock)?",
      [
        [{ reading: "01:00:00" }, 3600],
        [{ reading: "10:30:00" }, 37800],
      ],
    );
    const person = ((i: { reading: string }) => clock(i.reading)) as never;
    await asksOrRight(spec, person, [{ reading: "00:00:01" }, { reading: "23:59:59" }, { reading: "12:34:56" }]);
  });

  it("is asked about when the program reads it as a number that is always 0 (minutes of a start)", async () => {
    const spec = makeSpec(
      "minutes_of_a_rehearsal",
      "How long is a rehearsal in minutes? It has a begin and a finish time on the same day (HH:MM, 24-hour clock), the finish after the begin.",
      [
        [{ begin: "08:00", finish: "09:30" }, 90],
        [{ begin: "13:00", finish: "13:45" }, 45],
      ],
    );
    const person = ((i: { begin: string; finish: string }) => clock(i.finish) - clock(i.begin)) as never;
    await asksOrRight(spec, person, [{ begin: "08:20", finish: "09:10" }, { begin: "10:59", finish: "11:01" }]);
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
  it("is asked about rather than published as the count of pairs", async () => {
    const spec = makeSpec(
      "pairs_weighing_the_load",
      "How many pairs of crates in `weights` together weigh exactly `load`? A pair is two different positions in the list, each pair counted once; equal weights make more pairs.",
      [
        [{ weights: [2, 6, 3, 5, 1], load: 7 }, 2],
        [{ weights: [4, 8, 1, 11], load: 12 }, 2],
      ],
    );
    const person = ((i: { weights: number[]; load: number }) => {
      let n = 0;
      for (let a = 0; a < i.weights.length; a++) for (let b = a + 1; b < i.weights.length; b++) n += (i.weights[a] as number) + (i.weights[b] as number) === i.load ? 1 : 0;
      return n;
    }) as never;
    await asksOrRight(spec, person, [{ weights: [3, 3, 3], load: 6 }, { weights: [], load: 5 }, { weights: [10, 20], load: 1 }]);
  });
});
