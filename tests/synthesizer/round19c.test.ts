/**
 * Round 19c: a rival reading is silenced only on strong evidence. A bound keeps whether it is strict
 * ("at least 1" states no bound at 0), none of a thing is read only as what something has, in the
 * description's main clause, and not where values may go below zero; end spaces and tie-breaks are
 * read as concepts (any trimming word, spaces or padding said to be removed or ignored; ties named
 * beside an order of their own) rather than phrasings. Every spec here is worded apart from the
 * round-19 attack's (tests/synthesizer/attack-round19.test.ts) and was written before the rules.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { statedBoundForms, statesNone } from "../../src/agents/synthesizer/bound-words.ts";
import { speaksOfEndSpaces } from "../../src/agents/synthesizer/trim-readings.ts";
import { statesTieBreak } from "../../src/agents/synthesizer/tie-break-words.ts";
import { holds, list, text, ANSWERED_MS } from "./answered.ts";
import type { Attack, Person } from "./answered.ts";

const backend = createExampleBackend();

/** A person reading the input record. */
const on = <T>(f: (i: T) => unknown): Person => f as Person;
/** The words of a description, as the ranking prior reads them. */
const wordsOf = (d: string): Set<string> => new Set(d.toLowerCase().match(/[a-z0-9_]+/g) ?? []);

describe("the words that silence a rival, read strictly", () => {
  it("keeps whether a bound holds at its number", () => {
    // Round 20a: each bound also keeps its side (-1: the comparison holds at or below it) and clause.
    expect(statedBoundForms("Whether a pallet weighs under 5.")).toEqual([{ at: 5, strict: true, side: -1, main: true }]);
    expect(statedBoundForms("Whether a queue holds at most 3 jobs; 8 or more is rare.")).toEqual([
      { at: 3, strict: false, side: -1, main: true },
      { at: 8, strict: false, side: 1, main: false },
    ]);
  });

  it("reads none of a thing only as what something has, in the main clause, where nothing goes below zero", () => {
    expect(statesNone("Whether a locker has no keys left.")).toBe(true);
    expect(statesNone("Whether some sensor reads zero volts.")).toBe(false);
    expect(statesNone("Whether some level is 0 (each tank has no lid).")).toBe(false);
    expect(statesNone("Whether a card has zero credit; credit can go negative.")).toBe(false);
  });

  it("hears end spaces in any trimming word, and in spaces or padding said to be removed or ignored", () => {
    expect(speaksOfEndSpaces(wordsOf("The city name, unpadded and lower-cased."))).toBe(true);
    expect(speaksOfEndSpaces(wordsOf("The label in capitals; stray whitespace is ignored."))).toBe(true);
    expect(speaksOfEndSpaces(wordsOf("How many words the text has, split on spaces."))).toBe(false);
    expect(speaksOfEndSpaces(wordsOf("The serial padded with zeros to 8 characters."))).toBe(false);
    expect(speaksOfEndSpaces(wordsOf("The label in capitals."))).toBe(false);
  });

  it("hears an order among ties wherever it stands", () => {
    expect(statesTieBreak("Team names ordered by wins, most first; where wins are identical, order by city.")).toBe(true);
    expect(statesTieBreak("Cities by population, largest first, alphabetical when tied.")).toBe(true);
    expect(statesTieBreak("Team names by wins, most first; equal wins keep their list order.")).toBe(false);
    expect(statesTieBreak("Team names ordered by wins, most first.")).toBe(false);
  });
});

/** Specs whose rival the old words silenced, or never raised, in wording of their own. */
const CASES: Attack[] = [
  {
    name: "sensor_reads_zero_volts",
    description: "Whether some sensor reads zero volts.",
    examples: [[{ xs: [3, 0, 12] }, true], [{ xs: [5, 9] }, false]],
    person: list((xs) => xs.includes(0)),
    probes: [{ xs: [-4, 6] }, { xs: [0] }],
  },
  {
    name: "card_zero_credit_can_go_negative",
    description: "Whether some card has zero credit; credit can go negative.",
    examples: [[{ xs: [8, 0, 2] }, true], [{ xs: [6, 3] }, false]],
    person: list((xs) => xs.includes(0)),
    probes: [{ xs: [-6, 1] }, { xs: [0] }],
  },
  {
    name: "gauge_zero_at_least_1_gauge",
    description: "Whether some gauge shows 0. Every site reports at least 1 gauge.",
    examples: [[{ xs: [4, 0, 9] }, true], [{ xs: [7, 5] }, false]],
    person: list((xs) => xs.includes(0)),
    probes: [{ xs: [-1, 3] }, { xs: [0] }],
  },
  {
    name: "city_unpadded_lower",
    description: "The city name, unpadded and lower-cased.",
    examples: [[{ s: "Paris" }, "paris"], [{ s: "OSLO" }, "oslo"]],
    person: text((s) => s.trim().toLowerCase()),
    probes: [{ s: "  Paris " }],
  },
  {
    name: "label_stray_whitespace",
    description: "The label in capitals; stray whitespace is ignored.",
    examples: [[{ s: "ok" }, "OK"], [{ s: "no" }, "NO"]],
    person: text((s) => s.trim().toUpperCase()),
    probes: [{ s: " ok  " }],
  },
  {
    name: "wins_identical_by_city",
    description: "Team names ordered by wins, most first; where wins are identical, order by city.",
    examples: [
      [{ teams: [{ name: "ants", city: "rome", wins: 2 }, { name: "bees", city: "oslo", wins: 7 }, { name: "cats", city: "lima", wins: 4 }] }, ["bees", "cats", "ants"]],
      [{ teams: [{ name: "dogs", city: "bern", wins: 1 }, { name: "eels", city: "kiev", wins: 3 }] }, ["eels", "dogs"]],
    ],
    person: on((i: { teams: { name: string; city: string; wins: number }[] }) => [...i.teams].sort((a, b) => b.wins - a.wins || (a.city < b.city ? -1 : 1)).map((t) => t.name)),
    probes: [{ teams: [{ name: "ants", city: "rome", wins: 5 }, { name: "bees", city: "lima", wins: 5 }, { name: "cats", city: "oslo", wins: 1 }] }],
  },
  {
    name: "population_alpha_when_tied",
    description: "City names by population, largest first, alphabetical when tied.",
    examples: [
      [{ cities: [{ name: "oslo", pop: 7 }, { name: "lima", pop: 90 }, { name: "bern", pop: 4 }] }, ["lima", "oslo", "bern"]],
      [{ cities: [{ name: "rome", pop: 30 }, { name: "kiev", pop: 35 }] }, ["kiev", "rome"]],
    ],
    person: on((i: { cities: { name: string; pop: number }[] }) => [...i.cities].sort((a, b) => b.pop - a.pop || (a.name < b.name ? -1 : 1)).map((c) => c.name)),
    probes: [{ cities: [{ name: "rome", pop: 5 }, { name: "bern", pop: 5 }, { name: "lima", pop: 1 }] }],
  },
];

describe("answered as a person would", () => {
  for (const c of CASES) {
    it(`${c.name}: asks, gives up, or is right on ${JSON.stringify(c.probes[0])}`, () => holds(backend, c), ANSWERED_MS);
  }
});
