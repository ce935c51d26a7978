/**
 * Round 18 attack: the round-18b rules (docs/synthesis.md "Round 18b") and their neighbours, held to
 * the promise of issue #17 that an ambiguous program is never published silently. A run of one
 * character as long as a text of the input (masking other characters, other kept lengths, the end
 * instead of the start, padding to a width) where every example's text is as long; `x === c` against
 * `x <= c` / `x >= c` where the description's words are on the other side of the rule, or speak of
 * a bound or an amount about something else; `>= c` where the examples show only `c` itself. Each
 * case answers the backend's questions as a person would (tests/synthesizer/answered.ts); a case
 * holds when the backend still asks after six answers, gives up, or is right on the plausible inputs
 * the examples leave open. `it.fails` marks a spec published without the question that parts it from
 * the right reading, and wrong on such an input: the promise broken, kept open here.
 */
import { describe, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { holds, list, text, ANSWERED_MS } from "./answered.ts";
import type { Attack, Person } from "./answered.ts";

const backend = createExampleBackend();

/** A person reading the input record. */
const on = <T>(f: (i: T) => unknown): Person => f as Person;

/** Every character of `s` but the last `keep` replaced by `ch`. */
const maskStart = (s: string, keep: number, ch: string): string => ch.repeat(Math.max(0, s.length - keep)) + s.slice(Math.max(0, s.length - keep));

/** Published without a question that parts it from the right reading, and wrong on a probe: the promise broken. */
const BROKEN: (Attack & { open: string })[] = [];

/** Asked (or right) when attacked: the promise held. */
const HELD: Attack[] = [
  // A run of one character as long as a text of the input, every example's text as long.
  {
    // Asks about a longer code (tracking run rival), then writes `"x".repeat(...)`: right after 3 answers.
    name: "show_first_two",
    description: "Show the first two characters of the code and replace the rest with x.",
    examples: [[{ s: "AB1234" }, "ABxxxx"], [{ s: "CD9876" }, "CDxxxx"]],
    person: text((s) => s.slice(0, 2) + "x".repeat(Math.max(0, s.length - 2))),
    probes: [{ s: "EF12345" }, { s: "GH1" }],
  },
  {
    // Asks about a longer code; answered, `s.slice(0, -3) + "***"`: right after 2 answers.
    name: "mask_last_three",
    description: "The code with its last three characters replaced by *.",
    examples: [[{ s: "ABCDEF" }, "ABC***"], [{ s: "QRSTUV" }, "QRS***"]],
    person: text((s) => s.slice(0, Math.max(0, s.length - 3)) + "*".repeat(Math.min(3, s.length))),
    probes: [{ s: "ABCDEFG" }, { s: "WXYZ" }],
  },
  {
    // Asks about ever longer passwords (the first question offering only the constant run); right after 5 answers.
    name: "password_stars",
    description: "The password hidden: one * for each of its characters.",
    examples: [[{ s: "secret" }, "******"], [{ s: "hunter" }, "******"]],
    person: text((s) => "*".repeat(s.length)),
    probes: [{ s: "pass" }, { s: "opensesame" }],
  },
  {
    // Right after 2 answers (the run between the ends tracks the length).
    name: "first_and_last_letter",
    description: "The word with every letter between the first and the last replaced by *.",
    examples: [[{ s: "abcde" }, "a***e"], [{ s: "vwxyz" }, "v***z"]],
    person: text((s) => (s.length <= 2 ? s : s.charAt(0) + "*".repeat(s.length - 2) + s.slice(-1))),
    probes: [{ s: "abcdef" }, { s: "word" }],
  },
  {
    // Right after 2 answers.
    name: "serial_zeroed",
    description: "The serial with every digit but the last two replaced by 0.",
    examples: [[{ s: "123456" }, "000056"], [{ s: "987654" }, "000054"]],
    person: text((s) => maskStart(s, 2, "0")),
    probes: [{ s: "12345" }, { s: "1234567" }],
  },
  {
    // round 18d: the tracking run is read over nested texts too (fill-readings.ts): asks about a 15-digit card, then right.
    name: "nested_card",
    description: "The account's card number with all but the last four digits replaced by #.",
    examples: [[{ account: { card: "1234567812345678" } }, "############5678"], [{ account: { card: "4000123412341234" } }, "############1234"]],
    person: on((i: { account: { card: string } }) => maskStart(i.account.card, 4, "#")),
    probes: [{ account: { card: "378282246310005" } }],
  },
  {
    // round 18d: the run beside the cut tracks the text's length, and slice(4) has slice(-4) as a rival: asks about a 7-digit card, then right.
    name: "bracketed_mask",
    description: "The card number in square brackets, with every digit but the last four replaced by *.",
    examples: [[{ s: "12345678" }, "[****5678]"], [{ s: "87654321" }, "[****4321]"]],
    person: text((s) => `[${maskStart(s, 4, "*")}]`),
    probes: [{ s: "123456789" }, { s: "1234567" }],
  },
  {
    // round 18d: `s.padEnd(10, ".")` (fill-ops.ts) is a rival of the constant dots, asked about on a shorter name: then right.
    name: "name_dot_padded",
    description: "The name padded with dots on the right to 10 characters.",
    examples: [[{ s: "bob" }, "bob......."], [{ s: "ann" }, "ann......."]],
    person: text((s) => s.padEnd(10, ".")),
    probes: [{ s: "alice" }, { s: "jo" }],
  },
  {
    // Gives up after 4 right answers (no_program_found): the promise holds, but a solvable spec is lost
    // (round 18d: still so; the questions after the first swap the unread name, and the one card of
    // another length is then "rested on alone", unconfirmed.ts).
    name: "card_beside_name",
    description: "The card number with every digit but the last four replaced by *.",
    examples: [[{ name: "ann", card: "1234567812345678" }, "************5678"], [{ name: "bob", card: "4000123412341234" }, "************1234"]],
    person: on((i: { card: string }) => maskStart(i.card, 4, "*")),
    probes: [{ name: "cy", card: "378282246310005" }],
  },
  {
    // round 18d: `s.padStart(10, "*")` (fill-ops.ts) is a rival of the constant stars, asked about on a shorter amount: right after 2 answers.
    name: "cheque_star_padded",
    description: "The cheque amount padded on the left with * to 10 characters.",
    examples: [[{ s: "125" }, "*******125"], [{ s: "980" }, "*******980"]],
    person: text((s) => s.padStart(10, "*")),
    probes: [{ s: "1250" }, { s: "75" }],
  },
  {
    // `String(id).padStart(6, "0")` at once ("digits", "zeros" speak for padStart, rank.ts).
    name: "id_six_digits",
    description: "The id as 6 digits with leading zeros.",
    examples: [[{ id: 42 }, "000042"], [{ id: 17 }, "000017"]],
    person: on((i: { id: number }) => String(i.id).padStart(6, "0")),
    probes: [{ id: 123 }, { id: 7 }],
  },
  {
    // As id_six_digits, the id a text.
    name: "id_text_six_digits",
    description: "The id as 6 digits with leading zeros.",
    examples: [[{ s: "42" }, "000042"], [{ s: "17" }, "000017"]],
    person: text((s) => s.padStart(6, "0")),
    probes: [{ s: "123" }, { s: "7" }],
  },
  {
    // padStart at once though no word names zeros or digits.
    name: "ticket_six_places",
    description: "The ticket number shown in six places, filled on the left.",
    examples: [[{ n: 15 }, "000015"], [{ n: 38 }, "000038"]],
    person: on((i: { n: number }) => String(i.n).padStart(6, "0")),
    probes: [{ n: 123 }, { n: 4 }],
  },

  // `x === c` against `x <= c` / `x >= c`.
  {
    // Asks about -1 (equality rival), then still asks after 6 answers about other balances.
    name: "balance_is_zero",
    description: "Whether the balance is zero.",
    examples: [[{ balance: 0 }, true], [{ balance: 25 }, false], [{ balance: 3 }, false]],
    person: on((i: { balance: number }) => i.balance === 0),
    probes: [{ balance: -5 }, { balance: 1 }],
  },
  {
    // Asks about a -1; answered, `=== 0`: right after 3 answers.
    name: "some_balance_is_zero",
    description: "Whether some account's balance is zero.",
    examples: [[{ balances: [10, 0, 5] }, true], [{ balances: [7, 2] }, false]],
    person: on((i: { balances: number[] }) => i.balances.includes(0)),
    probes: [{ balances: [-5, 3] }, { balances: [0] }],
  },
  {
    // "equals" names the constant as a value: asks about -1, right after 3 answers.
    name: "stock_equals_zero",
    description: "True when some item's stock equals zero.",
    examples: [[{ stocks: [3, 0, 4] }, true], [{ stocks: [1, 2] }, false]],
    person: on((i: { stocks: number[] }) => i.stocks.includes(0)),
    probes: [{ stocks: [-1, 2] }, { stocks: [0, 0] }],
  },
  {
    // Right after 4 answers.
    name: "reading_exactly_100",
    description: "Whether some reading is exactly 100.",
    examples: [[{ xs: [50, 100, 20] }, true], [{ xs: [30, 40] }, false]],
    person: list((xs) => xs.includes(100)),
    probes: [{ xs: [101, 5] }, { xs: [150] }, { xs: [99] }],
  },
  {
    // "at most 5" bounds the move, not the change at 0: since round 18c the equality rival stands, and it still asks after 6 answers.
    name: "price_unchanged_some_day",
    description: "Whether the price change was 0 on some day; the price moves at most 5 a day.",
    examples: [[{ xs: [2, 0, 3] }, true], [{ xs: [1, 4] }, false]],
    person: list((xs) => xs.includes(0)),
    probes: [{ xs: [-2, 3] }, { xs: [0] }],
  },
  {
    // Asks about -1 (equality rival, no bound words); answered true, `n <= 0`: right after 2 answers.
    name: "countdown_reached_zero",
    description: "Whether the countdown has reached zero.",
    examples: [[{ n: 0 }, true], [{ n: 5 }, false], [{ n: 2 }, false]],
    person: on((i: { n: number }) => i.n <= 0),
    probes: [{ n: -1 }, { n: 1 }],
  },
  // Published silently before round 18c: a bound or amount word about something else, and min forms.
  {
    // round 18c: "a zero balance" states no bound (an article before "zero": a value), so asks about [10, -1, 5]; right after 3 answers.
    name: "a_zero_balance",
    description: "Whether any account has a zero balance.",
    examples: [[{ balances: [10, 0, 5] }, true], [{ balances: [7, 2] }, false]],
    person: on((i: { balances: number[] }) => i.balances.includes(0)),
    probes: [{ balances: [-5, 3] }, { balances: [0] }],
  },
  {
    // round 18c: "at least one of" counts the scores, it bounds none; `!(Math.min(...xs) >= 1)` has `Math.min(...xs) === 0` and `xs.some((x) => x === 0)` as rivals, asks about [-1, 0, 7] then [-1]; still asks after 6 answers, `xs.some((x) => x === 0)` by then.
    name: "at_least_one_zero_score",
    description: "Whether at least one of the round scores is 0 (penalties can make a score negative).",
    examples: [[{ xs: [4, 0, 7] }, true], [{ xs: [3, 9] }, false]],
    person: list((xs) => xs.includes(0)),
    probes: [{ xs: [-1, 2] }, { xs: [0] }],
  },
  {
    // round 18c: `Math.min(...seats) <= 0` has `seats.some((x) => x === 0)` as a rival, asks about [-1, 0, 2] then [-1]; right after 5 answers.
    name: "empty_seat_not_broken",
    description: "Whether the row has an empty seat: 0 marks an empty seat, -1 a broken one.",
    examples: [[{ seats: [3, 0, 2] }, true], [{ seats: [1, 5] }, false]],
    person: on((i: { seats: number[] }) => i.seats.includes(0)),
    probes: [{ seats: [-1, 4] }, { seats: [0, -1] }],
  },
  {
    // round 18c: "an empty log" bounds no number; asks about [3, -1, 5], right after 3 answers.
    name: "log_contains_zero",
    description: "Whether the sensor log contains the value 0. An empty log gives false.",
    examples: [[{ xs: [3, 0, 5] }, true], [{ xs: [2, 7] }, false], [{ xs: [] }, false]],
    person: list((xs) => xs.includes(0)),
    probes: [{ xs: [-2, 4] }, { xs: [0] }],
  },
  {
    // round 18c: "out of doors" bounds no number; asks about [5, -1, 3], right after 3 answers.
    name: "zero_degrees_out_of_doors",
    description: "Whether any temperature in the list is 0 degrees (readings taken out of doors, in winter).",
    examples: [[{ xs: [5, 0, 3] }, true], [{ xs: [2, 8] }, false]],
    person: list((xs) => xs.includes(0)),
    probes: [{ xs: [-3, 5] }, { xs: [0, -1] }],
  },

  // `>= c` where the examples show only `c` itself.
  {
    // Asks about 4 tickets; right after 1 answer.
    name: "enough_tickets",
    description: "Whether the player can enter: entry needs 3 tickets.",
    examples: [[{ tickets: 3 }, true], [{ tickets: 2 }, false], [{ tickets: 0 }, false]],
    person: on((i: { tickets: number }) => i.tickets >= 3),
    probes: [{ tickets: 5 }, { tickets: 1 }],
  },
  {
    // Asks about 501; right after 1 answer.
    name: "savings_goal_reached",
    description: "Whether the savings reached the goal of 500.",
    examples: [[{ saved: 500 }, true], [{ saved: 200 }, false], [{ saved: 499 }, false]],
    person: on((i: { saved: number }) => i.saved >= 500),
    probes: [{ saved: 650 }, { saved: 10 }],
  },
];

describe("round 18 attack: runs as long as a text, and equality against a bound", () => {
  for (const attack of BROKEN) {
    it.fails(`${attack.name}: open: ${attack.open}`, () => holds(backend, attack), ANSWERED_MS);
  }
  for (const attack of HELD) {
    it(`${attack.name}: asks, gives up, or is right on ${JSON.stringify(attack.probes[0])}`, () => holds(backend, attack), ANSWERED_MS);
  }
});
