/**
 * Round 19c attack: the round-19c rules (docs/synthesis.md "Round 19c") held to the promise of issue
 * #17 that an ambiguous program is never published silently. None of a thing said with a word of
 * having that is about something else, or where values going below zero are said in other words
 * (bound-words.ts); a stated bound whose direction is the other side of the comparison
 * (equality-readings.ts); trimming said in words the lists miss, or only in the examples
 * (trim-readings.ts); ties described by their outcome or in words the tie list misses
 * (tie-break-words.ts); measures that fit the examples by accident of other kinds
 * (suspect-arithmetic.ts). Each case answers the backend's questions as a person would
 * (tests/synthesizer/answered.ts); a case holds when the backend still asks after six answers, gives
 * up, or is right on the plausible inputs the examples leave open. `it.fails` marks a spec published
 * without the question that parts it from the right reading, and wrong on such an input: the promise
 * broken, kept open here with the rule that lets it through. Round 20a moved the seven cases of none of
 * another noun and of a bound on the other side to HELD: such words no longer silence a rival, they
 * only put it last (tests/synthesizer/round20a.test.ts).
 */
import { describe, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { holds, list, text, ANSWERED_MS } from "./answered.ts";
import type { Attack, Person } from "./answered.ts";

const backend = createExampleBackend();

/** A person reading the input record. */
const on = <T>(f: (i: T) => unknown): Person => f as Person;

/** A team of a league table. */
interface Team {
  name: string;
  wins: number;
  goals: number;
}
/** Team names by wins, most first, then by goals, most first. */
const byWinsThenGoals = (i: { teams: Team[] }): string[] => [...i.teams].sort((a, b) => b.wins - a.wins || b.goals - a.goals).map((t) => t.name);
/** Two examples of teams with no two wins equal, goals in another order. */
const TEAMS: [unknown, unknown][] = [
  [{ teams: [{ name: "ash", wins: 3, goals: 9 }, { name: "elm", wins: 7, goals: 2 }, { name: "oak", wins: 5, goals: 4 }] }, ["elm", "oak", "ash"]],
  [{ teams: [{ name: "fir", wins: 1, goals: 1 }, { name: "yew", wins: 4, goals: 8 }] }, ["yew", "fir"]],
];
/** A probe with two teams on equal wins, the later one with more goals. */
const TIED_TEAMS = { teams: [{ name: "ash", wins: 5, goals: 1 }, { name: "oak", wins: 5, goals: 8 }, { name: "elm", wins: 2, goals: 3 }] };
/** A player with points. */
interface Player {
  name: string;
  points: number;
}
/** Player names by points, highest first, then by name A to Z. */
const byPointsThenName = (i: { players: Player[] }): string[] =>
  [...i.players].sort((a, b) => b.points - a.points || (a.name < b.name ? -1 : 1)).map((p) => p.name);
/** Two examples of players with no two points equal. */
const PLAYERS: [unknown, unknown][] = [
  [{ players: [{ name: "cy", points: 3 }, { name: "al", points: 9 }, { name: "bo", points: 5 }] }, ["al", "bo", "cy"]],
  [{ players: [{ name: "ed", points: 1 }, { name: "di", points: 4 }] }, ["di", "ed"]],
];
/** A probe with two players on equal points, the later one first by name. */
const TIED_PLAYERS = { players: [{ name: "zed", points: 5 }, { name: "amy", points: 5 }, { name: "bo", points: 1 }] };

/** Published without a question that parts it from the right reading, and wrong on a probe: the promise broken. */
const BROKEN: (Attack & { open: string })[] = [
  // Trimming in other words.
  {
    // Publishes `s.toLowerCase()` at once: "\tnews\n".
    name: "tabs_and_line_breaks_dropped",
    description: "The word in lower case, with tabs and line breaks at either side dropped.",
    examples: [[{ s: "News" }, "news"], [{ s: "SPORT" }, "sport"]],
    person: text((s) => s.trim().toLowerCase()),
    probes: [{ s: "\tNews\n" }, { s: "  News " }],
    open: "tabs and line breaks are whitespace, but SPACE_WORD (trim-readings.ts:22) lists neither, so speaksOfEndSpaces (trim-readings.ts:33) is false and no trimmed rival is raised",
  },
  {
    // Publishes `s.toUpperCase()` at once: "  EU ".
    name: "spaces_on_either_side_cut_off",
    description: "The code in capitals, with any spaces on either side cut off.",
    examples: [[{ s: "eu" }, "EU"], [{ s: "us" }, "US"]],
    person: text((s) => s.trim().toUpperCase()),
    probes: [{ s: "  eu " }],
    open: "\"on either side\" is no END_WORD (trim-readings.ts:23) and \"cut off\" no REMOVAL_WORD, so spaces alone do not raise the trimmed rival (trim-readings.ts:33)",
  },
  {
    // Publishes `s.toUpperCase()` at once: "  ADA ".
    name: "name_tidied_of_stray_blanks",
    description: "The name in capitals, tidied of stray blanks at the start and finish.",
    examples: [[{ s: "ada" }, "ADA"], [{ s: "alan" }, "ALAN"]],
    person: text((s) => s.trim().toUpperCase()),
    probes: [{ s: "  ada " }],
    open: "\"blanks\" is a SPACE_WORD but \"start and finish\" are no END_WORD (trim-readings.ts:23) and \"tidied\" no REMOVAL_WORD, so no trimmed rival (trim-readings.ts:33)",
  },
  // Ties in words the tie list misses, or by their outcome.
  {
    // Asks once (about goals doubled, where the orders agree), then publishes the stable sort by wins.
    name: "teams_level_on_wins_go_by_goals",
    description: "The team names by wins, most first; teams level on wins go by goals, most first.",
    examples: TEAMS,
    person: on(byWinsThenGoals),
    probes: [TIED_TEAMS],
    open: "two keys (\"by wins\", \"by goals\") but \"level\" is no TIE word (tie-break-words.ts:21), so namesTieOrder (tie-break-words.ts:27) is false and no tie is asked about",
  },
  {
    // Publishes the stable sort by points at once.
    name: "a_to_z_where_points_match",
    description: "The player names by points, highest first, A to Z where points match.",
    examples: PLAYERS,
    person: on(byPointsThenName),
    probes: [TIED_PLAYERS],
    open: "\"match\" is no TIE word (tie-break-words.ts:21) and \"A to Z\" is not ALPHABETICAL's \"a-z\" (tie-break-words.ts:22)",
  },
  {
    // Publishes the stable sort by points at once.
    name: "finish_together_dictionary_first",
    description: "The player names by points, highest first; if two players finish together, the one whose name comes first in the dictionary goes first.",
    examples: PLAYERS,
    person: on(byPointsThenName),
    probes: [TIED_PLAYERS],
    open: "a tie described by its outcome (\"finish together\") and an order by its outcome (\"comes first in the dictionary\"): neither a TIE word nor ALPHABETICAL (tie-break-words.ts:21-22)",
  },
  {
    // Publishes the stable sort by points at once.
    name: "dead_heat_name_order",
    description: "The player names ranked by points, highest first, with a dead heat settled by name.",
    examples: PLAYERS,
    person: on(byPointsThenName),
    probes: [TIED_PLAYERS],
    open: "two keys (\"by points\", \"by name\") but \"dead heat\" is no TIE word (tie-break-words.ts:21)",
  },
  {
    // Asks once (where the orders agree), then publishes the stable sort by wins.
    name: "draw_more_goals_first",
    description: "The team names sorted by wins, most first; in a draw, the team with more goals goes first.",
    examples: TEAMS,
    person: on(byWinsThenGoals),
    probes: [TIED_TEAMS],
    open: "\"in a draw\" is no TIE word (tie-break-words.ts:21) and \"more goals\" is no \"by X\" key",
  },
  // A measure that fits by accident, of another kind.
  {
    // Publishes `${n} `.indexOf(" ") at once: 3 for -12.
    name: "digits_in_the_number",
    description: "How many digits the whole number has.",
    examples: [[{ n: 123 }, 3], [{ n: 4567 }, 4], [{ n: 9 }, 1]],
    person: on((i: { n: number }) => String(Math.abs(i.n)).length),
    probes: [{ n: -12 }, { n: 100000 }],
    open: "the length of a written number read as the index of an appended space: coincidentalMeasure doubts only `len` of a number text (suspect-arithmetic.ts:67), not `indexOf`, and measureProbes makes probes only from texts, none from a number",
  },
  {
    // Publishes `s.length` at once: 5 for "1,234".
    name: "digits_in_the_amount",
    description: "How many digits the amount has.",
    examples: [[{ s: "1234" }, 4], [{ s: "56" }, 2], [{ s: "7" }, 1]],
    person: text((s) => (s.match(/\d/g) ?? []).length),
    probes: [{ s: "1,234" }, { s: "12.50" }],
    open: "the length of a text of digits fits a count of digits by accident; coincidentalMeasure (suspect-arithmetic.ts:67) doubts `len` only of a computed text (`n.args[0]?.k === \"op\"`), not of an input field, so no mark probe (\"1,234\") is made",
  },
  {
    // Publishes the stable sort by points at once.
    name: "identical_points_a_to_z",
    description: "The player names by points, highest first; players with identical points go A to Z.",
    examples: PLAYERS,
    person: on(byPointsThenName),
    probes: [TIED_PLAYERS],
    open: "\"identical\" is a TIE word but \"A to Z\" is not ALPHABETICAL's \"a-z\" (tie-break-words.ts:22) and there is one \"by X\" key only, so namesTieOrder (tie-break-words.ts:27) is false",
  },
  {
    // Publishes `s.length` at once: 5 for "AB 12".
    name: "characters_not_counting_spaces",
    description: "How many characters the code has, not counting spaces.",
    examples: [[{ s: "AB12" }, 4], [{ s: "XYZ" }, 3], [{ s: "Q1234" }, 5]],
    person: text((s) => s.replace(/ /g, "").length),
    probes: [{ s: "AB 12" }, { s: "X Y Z" }],
    open: "a space is a mark the description names and no example shows, but MARKS (stated-marks.ts:20) lists only punctuation, no space, so no example with a space put in is asked about; nor does trim-readings.ts raise anything (\"not counting\" is no REMOVAL_WORD, and the space is inside)",
  },
];

/** Asked (or right) when attacked: the promise held. */
const HELD: Attack[] = [
  // None of a thing about another noun than the one compared, or a stated bound on the other side
  // or in another clause: asked about by default since round 20a.
  {
    // Round 20a: none of "faults" names no field compared (`xs`), so `x === 0` is asked about last, not silenced.
    name: "sensor_with_no_faults_zero_celsius",
    description: "Whether some reading from a sensor with no faults is 0 degrees Celsius.",
    examples: [[{ xs: [4, 0, 7] }, true], [{ xs: [3, 9] }, false]],
    person: list((xs) => xs.includes(0)),
    probes: [{ xs: [-3, 4] }, { xs: [0] }],
  },
  {
    // Round 20a: none of "money" names no field compared (`xs`): the rival is asked about last.
    name: "zero_money_dip_into_the_red",
    description: "Whether any account has zero money left; accounts can dip into the red.",
    examples: [[{ xs: [10, 0, 5] }, true], [{ xs: [7, 2] }, false]],
    person: list((xs) => xs.includes(0)),
    probes: [{ xs: [-5, 3] }, { xs: [0] }],
  },
  {
    // Round 20a: none of "points" names no field compared (`xs`): the rival is asked about last.
    name: "ends_with_no_points_penalties",
    description: "Whether some player ends the round with no points (penalties take points away).",
    examples: [[{ xs: [4, 0, 7] }, true], [{ xs: [3, 9] }, false]],
    person: list((xs) => xs.includes(0)),
    probes: [{ xs: [-2, 5] }, { xs: [0] }],
  },
  {
    // Round 20a: "0 or more" bounds from below, and outside the main clause: the rival of `x <= 0` is asked about last.
    name: "zero_balance_0_or_more_in_credit",
    description: "Whether some balance is 0; balances of 0 or more count as in credit.",
    examples: [[{ xs: [10, 0, 5] }, true], [{ xs: [7, 2] }, false]],
    person: list((xs) => xs.includes(0)),
    probes: [{ xs: [-5, 3] }, { xs: [0] }],
  },
  {
    // Round 20a: "at least 0" bounds from below, the other side of `x <= 0`: the rival is asked about last.
    name: "zero_balance_at_least_0_no_fee",
    description: "Whether some balance is 0; balances of at least 0 pay no fee.",
    examples: [[{ xs: [10, 0, 5] }, true], [{ xs: [7, 2] }, false]],
    person: list((xs) => xs.includes(0)),
    probes: [{ xs: [-4, 6] }, { xs: [0] }],
  },
  {
    // Round 20a: "over 1" bounds from below, the other side of `x <= 0`: the rival is asked about last.
    name: "zero_balance_over_1_dollar_interest",
    description: "Whether some balance is 0; balances over 1 dollar earn interest, debts earn none.",
    examples: [[{ xs: [10, 0, 5] }, true], [{ xs: [7, 2] }, false]],
    person: list((xs) => xs.includes(0)),
    probes: [{ xs: [-5, 3] }, { xs: [0] }],
  },
  {
    // Round 20a: "zero and up" bounds from below, the other side of `x <= 0`: the rival is asked about last.
    name: "freezing_zero_and_up_is_thawed",
    description: "Whether some day's low was 0 degrees; lows of zero and up mean the pond did not freeze.",
    examples: [[{ xs: [6, 0, 2] }, true], [{ xs: [3, 8] }, false]],
    person: list((xs) => xs.includes(0)),
    probes: [{ xs: [-4, 2] }, { xs: [0] }],
  },
  {
    // Asks about "eu  us", then publishes `s.trim().toUpperCase()`: the example's trailing space leaves only the trimmed readings.
    name: "trailing_space_only_in_example",
    description: "The region code in capitals.",
    examples: [[{ s: "eu " }, "EU"], [{ s: "us" }, "US"]],
    person: text((s) => s.trim().toUpperCase()),
    probes: [{ s: " us" }, { s: "  eu " }],
  },
  {
    // Control of teams_level_on_wins_go_by_goals: "equal" is a TIE word with two keys.
    name: "teams_equal_on_wins_go_by_goals",
    description: "The team names by wins, most first; teams with equal wins go by goals, most first.",
    examples: TEAMS,
    person: on(byWinsThenGoals),
    probes: [TIED_TEAMS],
  },
  {
    // Control of the bound cases: "below 0" is strict at 0, no bound of `x <= 0`, so the rival stands.
    name: "zero_score_below_0_penalty",
    description: "Whether some score is 0; scores below 0 are penalties.",
    examples: [[{ xs: [4, 0, 7] }, true], [{ xs: [3, 9] }, false]],
    person: list((xs) => xs.includes(0)),
    probes: [{ xs: [-2, 5] }, { xs: [0] }],
  },
  {
    // A count of letters, not a cut: published right at once.
    name: "letters_in_the_code",
    description: "How many letters the product code has.",
    examples: [[{ s: "AB12" }, 2], [{ s: "XYZ9" }, 3], [{ s: "Q123" }, 1]],
    person: text((s) => (s.match(/\p{L}/gu) ?? []).length),
    probes: [{ s: "AB-12" }, { s: "AB 12" }],
  },
  {
    // Words split on runs of whitespace: published right at once.
    name: "words_in_the_title",
    description: "How many words the book title has.",
    examples: [[{ s: "The Hobbit" }, 2], [{ s: "Dune" }, 1], [{ s: "War and Peace" }, 3]],
    person: text((s) => s.split(/\s+/).filter((w) => w !== "").length),
    probes: [{ s: "A Tale of Two Cities" }, { s: "The Lord of the Rings" }],
  },
  {
    // The first number of the date: right on every date.
    name: "year_of_the_date",
    description: "The year of the date, as a number.",
    examples: [[{ s: "2024-03-15" }, 2024], [{ s: "1999-12-01" }, 1999]],
    person: text((s) => Number(s.split("-")[0])),
    probes: [{ s: "2031-07-04" }, { s: "2000-01-09" }],
  },
];

describe("round 19c attack: the round-19c rules' words, read short or on the wrong side", () => {
  for (const attack of BROKEN) {
    it.fails(`${attack.name}: open: ${attack.open}`, () => holds(backend, attack), ANSWERED_MS);
  }
  for (const attack of HELD) {
    it(`${attack.name}: asks, gives up, or is right on ${JSON.stringify(attack.probes[0])}`, () => holds(backend, attack), ANSWERED_MS);
  }
});
