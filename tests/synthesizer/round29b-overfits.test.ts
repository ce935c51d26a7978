/**
 * Round 29b (issue #17): three kinds of silent overfit, on specs invented here (none is a bench
 * spec). A truncation the description states ("cut", "truncated", "rounded down", "drop the rest"
 * to N decimals) against a rounding the examples cannot tell from it; a count of the words that
 * start with a mark against a count of the mark; a name's initial by token class against a name
 * with a hyphen or a middle name. Each is held to "asking or right" after the person's answers;
 * the controls ("rounded to one decimal") must keep publishing their rounding.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { ANSWERED_MS, afterAnswers, holds, text } from "./answered.ts";
import type { Person } from "./answered.ts";
import { makeSpec } from "./fixtures.ts";
import { statedSteps } from "../../src/agents/synthesizer/stated-step.ts";
import { statedWordMarks } from "../../src/agents/synthesizer/word-marks.ts";

const backend = createExampleBackend();

/** `v` cut (towards minus infinity) to `places` decimals, as a person writes it. */
const cut = (v: number, places: number): number => Math.floor(v * 10 ** places + 1e-9) / 10 ** places;
const rounded = (v: number, places: number): number => Math.round(v * 10 ** places) / 10 ** places;

/** Publishes after the person's answers, right on every probe. */
async function publishesRight(name: string, description: string, examples: [unknown, unknown][], person: Person, probes: unknown[]): Promise<void> {
  const outcome = await afterAnswers(backend, makeSpec(name, description, examples), person);
  expect(outcome).not.toBe("asks");
  expect(outcome).not.toBe("gave up");
  if (typeof outcome === "string") return;
  for (const p of probes) expect(outcome.run(p), JSON.stringify(p)).toBeCloseTo(person(p as never) as number, 9);
}

describe("what the description states", () => {
  it("reads a cut to decimals as a step towards zero, 'rounded down' as down, and no cut where it says otherwise", () => {
    expect(statedSteps("Average speed, cut (not rounded) to one decimal.")).toEqual([{ step: 0.1, direction: "zero" }]);
    expect(statedSteps("The share, truncated to 2 decimal places.")).toEqual([{ step: 0.01, direction: "zero" }]);
    expect(statedSteps("Litres per 100 km, rounded down to 1 decimal.")).toEqual([{ step: 0.1, direction: "down" }]);
    expect(statedSteps("The ratio at one decimal, the rest dropped.")).toEqual([{ step: 0.1, direction: "zero" }]);
    expect(statedSteps("The mean, rounded to 2 decimals, not truncated.")).toEqual([]);
    expect(statedSteps("The mean, rounded to one decimal.")).toEqual([]);
  });

  it("reads the marks words start with, and none elsewhere", () => {
    expect(statedWordMarks("How many hashtags: words that start with #.")).toEqual(["#"]);
    expect(statedWordMarks("Mentions (words beginning with '@').")).toEqual(["@"]);
    expect(statedWordMarks("How many words start with a capital letter.")).toEqual([]);
    expect(statedWordMarks("How many # signs the post has.")).toEqual([]);
  });
});

describe("a truncation to decimals the description states", () => {
  const pace = (i: { metres: number; seconds: number }): number => cut(i.metres / i.seconds, 1);
  it("'truncated to one decimal' publishes the truncation", async () => {
    await publishesRight("pace_truncated", "Running pace in metres per second, truncated to one decimal.", [
      [{ metres: 100, seconds: 3 }, 33.3],
      [{ metres: 250, seconds: 4 }, 62.5],
      [{ metres: 90, seconds: 1.5 }, 60],
    ], pace as Person, [{ metres: 200, seconds: 3 }, { metres: 59.99, seconds: 1 }, { metres: 1000, seconds: 11 }]);
  }, ANSWERED_MS);

  it("'cut to two decimals' publishes the cut", async () => {
    const person = ((i: { total: number; people: number }) => cut(i.total / i.people, 2)) as Person;
    await publishesRight("share_cut", "Each person's share of the bill, cut to two decimals.", [
      [{ total: 100, people: 3 }, 33.33],
      [{ total: 10, people: 4 }, 2.5],
      [{ total: 7, people: 2 }, 3.5],
    ], person, [{ total: 200, people: 3 }, { total: 20, people: 3 }, { total: 1, people: 6 }]);
  }, ANSWERED_MS);

  it("'rounded down to 1 decimal' publishes the floor", async () => {
    const person = ((i: { litres: number; km: number }) => cut((i.litres / i.km) * 100, 1)) as Person;
    await publishesRight("fuel_down", "Fuel use in litres per 100 km, rounded down to 1 decimal.", [
      [{ litres: 10, km: 300 }, 3.3],
      [{ litres: 5, km: 100 }, 5],
      [{ litres: 9, km: 200 }, 4.5],
    ], person, [{ litres: 20, km: 300 }, { litres: 17, km: 300 }, { litres: 7, km: 90 }]);
  }, ANSWERED_MS);

  it("'one decimal, the rest dropped (not rounded)' publishes the cut", async () => {
    const person = ((i: { a: number; b: number }) => cut(i.a / i.b, 1)) as Person;
    await publishesRight("ratio_dropped", "The ratio a to b at one decimal, the rest dropped (not rounded).", [
      [{ a: 10, b: 3 }, 3.3],
      [{ a: 5, b: 2 }, 2.5],
      [{ a: 9, b: 3 }, 3],
    ], person, [{ a: 20, b: 3 }, { a: 2, b: 3 }, { a: 17, b: 6 }]);
  }, ANSWERED_MS);

  it("control: 'rounded to one decimal' still publishes the rounding", async () => {
    const person = ((i: { metres: number; seconds: number }) => rounded(i.metres / i.seconds, 1)) as Person;
    await publishesRight("pace_rounded", "Running pace in metres per second, rounded to one decimal.", [
      [{ metres: 100, seconds: 3 }, 33.3],
      [{ metres: 250, seconds: 4 }, 62.5],
      [{ metres: 90, seconds: 1.5 }, 60],
    ], person, [{ metres: 200, seconds: 3 }, { metres: 59.99, seconds: 1 }, { metres: 1000, seconds: 11 }]);
  }, ANSWERED_MS);
});

/** The words of `s` (split on spaces) that start with `mark`. */
const startingWith = (mark: string) => (s: string): number => s.split(/\s+/).filter((w) => w.startsWith(mark)).length;

describe("a count of the words that start with a mark", () => {
  it("mentions: words that start with @", async () => {
    await holds(backend, {
      name: "mention_count", description: "How many people the message mentions: words that start with @.",
      examples: [[{ s: "thanks @ann and @bob" }, 2], [{ s: "nothing" }, 0], [{ s: "@x @y @z" }, 3]],
      person: text(startingWith("@")), probes: [{ s: "mail a@b.com to @ann" }, { s: "end @" }, { s: "" }, { s: "a@ @b" }],
    });
  }, ANSWERED_MS);

  it("tags: words beginning with #", async () => {
    await holds(backend, {
      name: "tag_words", description: "The number of tags in the caption (words beginning with #).",
      examples: [[{ s: "#cat on a #mat" }, 2], [{ s: "plain caption" }, 0], [{ s: "#a #b" }, 2]],
      person: text(startingWith("#")), probes: [{ s: "F# and #fsharp" }, { s: "room 4# #ok" }, { s: "#" }],
    });
  }, ANSWERED_MS);

  it("prices: words starting with $", async () => {
    await holds(backend, {
      name: "price_words", description: "How many prices the line has: words starting with $.",
      examples: [[{ s: "$5 for two, $9 for four" }, 2], [{ s: "free" }, 0], [{ s: "$1 $2 $3" }, 3]],
      person: text(startingWith("$")), probes: [{ s: "US$5 or $6" }, { s: "5$ and $7" }],
    });
  }, ANSWERED_MS);
});

/** First name and the last token's first letter with a dot. */
const firstAndInitial = (s: string): string => {
  const t = s.split(" ");
  return `${t[0]} ${(t.at(-1) ?? "").charAt(0)}.`;
};

describe("a name's initial where the last name has a hyphen or a middle name", () => {
  // Expected to fail: after the person's answers about a middle name, the program taken cuts the
  // last word at its last capital ("Jean Paul-S."); the reading by words (a character of the last
  // word) is no one-step rival of it, so no question about a hyphen is asked.
  it.fails("given name and surname initial", async () => {
    await holds(backend, {
      name: "given_surname_initial", description: "The given name, then the first letter of the surname and a full stop.",
      examples: [[{ s: "Marie Curie" }, "Marie C."], [{ s: "Niels Bohr" }, "Niels B."], [{ s: "Max Planck" }, "Max P."]],
      person: text(firstAndInitial), probes: [{ s: "Jean Paul-Sartre" }, { s: "Ole Hansen-Lund" }, { s: "Lise Meitner" }],
    });
  }, ANSWERED_MS);

  it.fails("first name and last initial, hyphenated surnames", async () => {
    await holds(backend, {
      name: "author_short", description: "Author's first name followed by the initial of the last name and a period.",
      examples: [[{ s: "Jane Austen" }, "Jane A."], [{ s: "Mark Twain" }, "Mark T."], [{ s: "Toni Morrison" }, "Toni M."]],
      person: text(firstAndInitial), probes: [{ s: "Ngaio Marsh-Smith" }, { s: "Amy Levy-Ross" }, { s: "Zadie Smith" }],
    });
  }, ANSWERED_MS);
});
