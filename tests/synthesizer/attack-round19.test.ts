/**
 * Round 19 attack: the round-18 rules (docs/synthesis.md "Round 18a"-"Round 18d") held to the promise
 * of issue #17 that an ambiguous program is never published silently. The equality rival of `x <= c`
 * where the description's words silence it in the wrong place (bound-words.ts: "no N" or "zero N"
 * after a verb, a bound stated about another amount); the trimmed rival where end spaces are spoken
 * of in other words (trim-readings.ts); a tie-break stated in other words (tie-break-words.ts); the
 * empty-list readings, the stated rounding, runs and cuts of texts. Each case answers the backend's
 * questions as a person would (tests/synthesizer/answered.ts); a case holds when the backend still
 * asks after six answers, gives up, or is right on the plausible inputs the examples leave open.
 * `it.fails` marks a spec published without the question that parts it from the right reading, and
 * wrong on such an input: the promise broken, kept open here with the rule that lets it through.
 */
import { describe, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { holds, list, text, ANSWERED_MS } from "./answered.ts";
import type { Attack, Person } from "./answered.ts";

const backend = createExampleBackend();

/** A person reading the input record. */
const on = <T>(f: (i: T) => unknown): Person => f as Person;
/** The mean of a list of numbers. */
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
/** A number rounded to 2 decimals. */
const r2 = (v: number): number => Math.round(v * 100) / 100;

/** Published without a question that parts it from the right reading, and wrong on a probe: the promise broken. */
const BROKEN: (Attack & { open: string })[] = [
  // Overfits no round-18 rule doubts.
  {
    // Asks four times, then publishes `mean(xs) === median(xs)`: true on [1, 2, 4, 5], false on []. Round 19c: not reached (two aggregates equal by the examples' symmetry is no class doubted yet).
    name: "even_steps_short_true",
    description: "Whether the numbers go up by the same amount each time; lists with fewer than three numbers count as true.",
    examples: [[{ xs: [1, 3, 5, 7] }, true], [{ xs: [2, 4, 7] }, false], [{ xs: [10, 20, 30] }, true]],
    person: list((xs) => xs.length < 3 || xs.every((x, i) => i === 0 || x - (xs[i - 1] as number) === (xs[1] as number) - (xs[0] as number))),
    probes: [{ xs: [1, 2, 4, 5] }, { xs: [] }],
    open: "the mean equal to the median fits every example and answer; no rival of it is a step count (empty-readings.ts:27 doubts only `len(distinct(steps)) === 1`), so neither [1, 2, 4, 5] nor [] is asked",
  },
  {
    // Round 19c: the number read and written back is doubted (coincidentalMeasure) and "AB0234CD" is asked; after that answer the first run of digits, wrong on "ABC1D2EF", is published.
    name: "code_without_two_each_end",
    description: "The code without its first two and last two characters.",
    examples: [[{ s: "AB1234CD" }, "1234"], [{ s: "XY9876ZW" }, "9876"]],
    person: text((s) => s.slice(2, -2)),
    probes: [{ s: "AB12345CD" }, { s: "AB0042CD" }, { s: "ABC1D2EF" }],
    open: "after the leading-zero answer, the first run of digits (a cut at a class's run) fits codes of digits between letters; textPositionTwins (fill-readings.ts) reads only sliceFrom/sliceTo, so the fixed cut `s.slice(2, -2)` is no rival and no probe puts a letter in the middle",
  },
];

/** Asked (or right) when attacked: the promise held. */
const HELD: Attack[] = [
  {
    // The brief's "no duplicates are given": after "; " NONE (bound-words.ts:30) finds no word before "no", so the rival stands: asks about [3, -1, 5], right after 3 answers.
    name: "zero_no_duplicates",
    description: "Whether the list contains a 0; no duplicates are given.",
    examples: [[{ xs: [3, 0, 5] }, true], [{ xs: [2, 7] }, false]],
    person: list((xs) => xs.includes(0)),
    probes: [{ xs: [-2, 4] }, { xs: [0] }],
  },
  {
    // "shows zero degrees" silences `=== 0` too, but the rival about [1] keeps asking: still asks after 6 answers.
    name: "shows_zero_degrees",
    description: "Whether the thermometer shows zero degrees.",
    examples: [[{ t: 0 }, true], [{ t: 5 }, false], [{ t: 12 }, false]],
    person: on((i: { t: number }) => i.t === 0),
    probes: [{ t: -4 }, { t: 1 }],
  },
  {
    // "more than 1 minute" is read as a bound at 1; still asks after 6 answers (about other counts).
    name: "countdown_shows_0_minutes",
    description: "Whether the countdown shows 0; countdowns of more than 1 minute are shown elsewhere.",
    examples: [[{ n: 0 }, true], [{ n: 5 }, false], [{ n: 2 }, false]],
    person: on((i: { n: number }) => i.n === 0),
    probes: [{ n: -1 }, { n: 1 }],
  },
  {
    // "more than 1,000" is read as a bound at 1; still asks after 6 answers (about other lists).
    name: "zero_sale_thousands",
    description: "Whether some sale is 0; sales of more than 1,000 are rare.",
    examples: [[{ xs: [30, 0, 50] }, true], [{ xs: [20, 70] }, false]],
    person: list((xs) => xs.includes(0)),
    probes: [{ xs: [-20, 40] }, { xs: [0] }],
  },
  {
    // A count of the list's own elements (not doubted by empty-readings.ts), yet the edge probes ask about ["EUR"] and []: right after 3 answers.
    name: "one_currency_empty_true",
    description: "Whether all payments are in one currency. An empty list counts as true.",
    examples: [[{ xs: ["EUR", "EUR", "EUR"] }, true], [{ xs: ["EUR", "USD"] }, false], [{ xs: ["USD", "USD"] }, true]],
    person: on((i: { xs: string[] }) => new Set(i.xs).size <= 1),
    probes: [{ xs: [] }, { xs: ["GBP"] }],
  },
  {
    // "two decimal places" gives no `roundTo:2` evidence (rank.ts:104), but the rounding words ask: right after 3 answers.
    name: "mean_two_decimal_places",
    description: "The average of the prices, rounded to two decimal places.",
    examples: [[{ xs: [1, 2, 3] }, 2], [{ xs: [2, 4] }, 3], [{ xs: [10, 20, 30, 40] }, 25]],
    person: list((xs) => r2(mean(xs))),
    probes: [{ xs: [1, 2, 2] }, { xs: [1, 1, 2] }],
  },
  {
    // "2 d.p.": no rounding word at all; still asks after 6 answers.
    name: "mean_2_dp",
    description: "The average of the prices, given to 2 d.p.",
    examples: [[{ xs: [1, 2, 3] }, 2], [{ xs: [2, 4] }, 3], [{ xs: [10, 20, 30, 40] }, 25]],
    person: list((xs) => r2(mean(xs))),
    probes: [{ xs: [1, 2, 2] }, { xs: [1, 1, 2] }],
  },
  {
    // A run beside a space, not beside the cut: the run still tracks the card; right after 2 answers.
    name: "card_masked_space_before_last_four",
    description: "The card number with a * for every digit but the last four, and a space before the last four.",
    examples: [[{ s: "1234567812345678" }, "************ 5678"], [{ s: "4000123412341234" }, "************ 1234"]],
    person: text((s) => "*".repeat(Math.max(0, s.length - 4)) + " " + s.slice(-4)),
    probes: [{ s: "378282246310005" }],
  },
  {
    // Same marks at the same places (fill-readings.ts fixedFormat), no cut twin; the stem op is chosen, right after 1 answer.
    name: "file_name_without_extension",
    description: "The file name without its extension.",
    examples: [[{ s: "report.pdf" }, "report"], [{ s: "budget.xls" }, "budget"]],
    person: text((s) => (s.lastIndexOf(".") >= 0 ? s.slice(0, s.lastIndexOf(".")) : s)),
    probes: [{ s: "summary.docx" }, { s: "a.txt" }],
  },
  {
    // Fixed format, no cut twin; `split("-").at(-1)` is chosen at once: right.
    name: "part_after_dash",
    description: "The part of the product code after the dash.",
    examples: [[{ s: "AB-1234" }, "1234"], [{ s: "CD-5678" }, "5678"]],
    person: text((s) => s.slice(s.indexOf("-") + 1)),
    probes: [{ s: "ABC-99" }, { s: "X-123456" }],
  },
  {
    // "ordered by title in reverse alphabetical order": the tie is asked about; right after 3 answers.
    name: "tie_break_reverse_alpha",
    description: "The book titles, longest first; books with the same pages are ordered by title in reverse alphabetical order.",
    examples: [[{ books: [{ title: "b", pages: 100 }, { title: "a", pages: 300 }, { title: "c", pages: 200 }] }, ["a", "c", "b"]], [{ books: [{ title: "x", pages: 50 }, { title: "y", pages: 80 }] }, ["y", "x"]]],
    person: on((i: { books: { title: string; pages: number }[] }) => [...i.books].sort((a, b) => b.pages - a.pages || (a.title < b.title ? 1 : -1)).map((p) => p.title)),
    probes: [{ books: [{ title: "a", pages: 90 }, { title: "z", pages: 90 }, { title: "m", pages: 10 }] }],
  },
  // Round 19c: broken in round 19, held now by the rules named in each comment.
  {
    // Was broken: Asks about [1] and [0, 3], then publishes `xs.some((x) => x <= 0)`: true on -3 degrees. Now round 19c: "equals" is no word of having (bound-words.ts NONE), so the `x === 0` rival stands and is asked about.
    name: "equals_zero_degrees",
    description: "Whether some temperature equals zero degrees.",
    examples: [[{ xs: [5, 0, 3] }, true], [{ xs: [2, 8] }, false]],
    person: list((xs) => xs.includes(0)),
    probes: [{ xs: [-3, 5] }, { xs: [0, -1] }],
  },
  {
    // Was broken: Asks three times, never about a negative balance; publishes `xs.some((x) => x <= 0)`. Now round 19c: the description says values go below zero ("overdrawn"), so "zero dollars" bounds nothing; the rival is asked about.
    name: "holds_zero_dollars",
    description: "Whether any account holds zero dollars (accounts can be overdrawn).",
    examples: [[{ xs: [10, 0, 5] }, true], [{ xs: [7, 2] }, false]],
    person: list((xs) => xs.includes(0)),
    probes: [{ xs: [-5, 3] }, { xs: [0] }],
  },
  {
    // Was broken: "do no rounding" speaks of no balance; publishes `xs.some((x) => x <= 0)` after 3 answers. Now round 19c: none of a thing is read only in the main clause, as what something has; "do no rounding" is neither.
    name: "balance_zero_do_no_rounding",
    description: "Whether some balance is 0; do no rounding.",
    examples: [[{ xs: [10, 0, 5] }, true], [{ xs: [7, 2] }, false]],
    person: list((xs) => xs.includes(0)),
    probes: [{ xs: [-5, 3] }, { xs: [0] }],
  },
  {
    // Was broken: The brief's "no duplicates": publishes `xs.some((x) => x <= 0)` after 2 answers. Now round 19c: "(the list has no duplicates)" is in parentheses, outside the main clause, so the rival stands.
    name: "zero_has_no_duplicates",
    description: "Whether some reading is 0 (the list has no duplicates).",
    examples: [[{ xs: [3, 0, 5] }, true], [{ xs: [2, 7] }, false]],
    person: list((xs) => xs.includes(0)),
    probes: [{ xs: [-2, 4] }, { xs: [0] }],
  },
  {
    // Was broken: Asks three times about [4, 4], [0, 3], [0]; publishes `xs.some((x) => x <= 0)`. Now round 19c: "saw" is no word of having, so "no change" bounds nothing; the rival is asked about.
    name: "price_saw_no_change",
    description: "Whether on some day the price saw no change (the daily change is 0).",
    examples: [[{ xs: [2, 0, 3] }, true], [{ xs: [1, 4] }, false]],
    person: list((xs) => xs.includes(0)),
    probes: [{ xs: [-2, 3] }, { xs: [0] }],
  },
  {
    // Was broken: Publishes `xs.some((x) => x <= 0)` after 2 answers. Now round 19c: "at least 1" holds at 1, so it states no bound at 0 for `x <= 0` (only a strict "below 1" would).
    name: "zero_list_at_least_1",
    description: "Whether some reading is 0. The list has at least 1 reading.",
    examples: [[{ xs: [3, 0, 5] }, true], [{ xs: [2, 7] }, false]],
    person: list((xs) => xs.includes(0)),
    probes: [{ xs: [-2, 4] }, { xs: [0] }],
  },
  {
    // Was broken: Publishes `xs.some((x) => x <= 0)` after 3 answers. Now round 19c: "over 0" is strict at 0, the other side of `x <= 0`; it states no bound there.
    name: "score_zero_bonus_over_0",
    description: "Whether some player scored 0 points; players with over 0 points get a bonus elsewhere (penalties can make a score negative).",
    examples: [[{ xs: [4, 0, 7] }, true], [{ xs: [3, 9] }, false]],
    person: list((xs) => xs.includes(0)),
    probes: [{ xs: [-1, 2] }, { xs: [0] }],
  },
  {
    // Was broken: Publishes `s.toUpperCase()` at once. Now round 19c: any padding, stripping or trimming word raises the trimmed rival (trim-readings.ts).
    name: "code_padding_removed",
    description: "The region code with any padding removed, in capitals.",
    examples: [[{ s: "eu" }, "EU"], [{ s: "us" }, "US"]],
    person: text((s) => s.trim().toUpperCase()),
    probes: [{ s: "  eu " }],
  },
  {
    // Was broken: Publishes `s.toUpperCase()` at once. Now round 19c: "stripped" is a trimming word, and "whitespace" on a text answer is enough.
    name: "title_stripped_upper",
    description: "The title stripped of whitespace on both sides, then upper-cased.",
    examples: [[{ s: "dune" }, "DUNE"], [{ s: "emma" }, "EMMA"]],
    person: text((s) => s.trim().toUpperCase()),
    probes: [{ s: "  dune " }],
  },
  {
    // Was broken: Publishes `s.toLowerCase()` at once. Now round 19c: spaces spoken of at all, on a text answer, raise the trimmed rival.
    name: "tag_spaces_before_after",
    description: "The tag lower-cased, ignoring any spaces before or after it.",
    examples: [[{ s: "News" }, "news"], [{ s: "SPORT" }, "sport"]],
    person: text((s) => s.trim().toLowerCase()),
    probes: [{ s: "  News " }],
  },
  {
    // Was broken: Publishes `s.toUpperCase()` at once. Now round 19c: spaces spoken of at all, on a text answer, raise the trimmed rival.
    name: "code_start_finish_spaces",
    description: "The code in capitals, with spaces at its start and finish removed.",
    examples: [[{ s: "eu" }, "EU"], [{ s: "us" }, "US"]],
    person: text((s) => s.trim().toUpperCase()),
    probes: [{ s: "  eu " }],
  },
  {
    // Was broken: Publishes the stable sort by score at once. Now round 19c: a sentence with a tie word ("equal") and two keys ("by score", "by name") states a tie-break (tie-break-words.ts).
    name: "tie_break_after_comma",
    description: "The player names sorted by score, highest first; when two scores are equal, by name.",
    examples: [[{ players: [{ name: "cy", score: 3 }, { name: "al", score: 9 }, { name: "bo", score: 5 }] }, ["al", "bo", "cy"]], [{ players: [{ name: "di", score: 1 }, { name: "ed", score: 4 }] }, ["ed", "di"]]],
    person: on((i: { players: { name: string; score: number }[] }) => [...i.players].sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : 1)).map((p) => p.name)),
    probes: [{ players: [{ name: "zed", score: 5 }, { name: "amy", score: 5 }, { name: "bo", score: 1 }] }],
  },
  {
    // Was broken: Publishes the stable sort by price at once. Now round 19c: "tie" with two keys ("by price", "by name") states a tie-break.
    name: "price_ties_by_name",
    description: "The item names sorted by price, cheapest first, and by name if prices tie.",
    examples: [[{ items: [{ name: "tea", price: 3 }, { name: "jam", price: 1 }, { name: "oil", price: 2 }] }, ["jam", "oil", "tea"]], [{ items: [{ name: "egg", price: 5 }, { name: "bun", price: 4 }] }, ["bun", "egg"]]],
    person: on((i: { items: { name: string; price: number }[] }) => [...i.items].sort((a, b) => a.price - b.price || (a.name < b.name ? -1 : 1)).map((p) => p.name)),
    probes: [{ items: [{ name: "tea", price: 2 }, { name: "oil", price: 2 }, { name: "jam", price: 1 }] }],
  },
  {
    // Was broken: Publishes the stable sort by score at once. Now round 19c: "ties" with two keys states a tie-break.
    name: "breaking_ties_by_name",
    description: "The player names sorted by score, highest first, breaking ties by name.",
    examples: [[{ players: [{ name: "cy", score: 3 }, { name: "al", score: 9 }, { name: "bo", score: 5 }] }, ["al", "bo", "cy"]], [{ players: [{ name: "di", score: 1 }, { name: "ed", score: 4 }] }, ["ed", "di"]]],
    person: on((i: { players: { name: string; score: number }[] }) => [...i.players].sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : 1)).map((p) => p.name)),
    probes: [{ players: [{ name: "zed", score: 5 }, { name: "amy", score: 5 }, { name: "bo", score: 1 }] }],
  },
  {
    // Was broken: Publishes the stable sort by age at once. Now round 19c: "same" with "alphabetically" states a tie-break.
    name: "alpha_for_same_age",
    description: "The names sorted by age, oldest first, and alphabetically for the same age.",
    examples: [[{ people: [{ name: "cy", age: 30 }, { name: "al", age: 70 }, { name: "bo", age: 50 }] }, ["al", "bo", "cy"]], [{ people: [{ name: "di", age: 9 }, { name: "ed", age: 40 }] }, ["ed", "di"]]],
    person: on((i: { people: { name: string; age: number }[] }) => [...i.people].sort((a, b) => b.age - a.age || (a.name < b.name ? -1 : 1)).map((p) => p.name)),
    probes: [{ people: [{ name: "zed", age: 50 }, { name: "amy", age: 50 }, { name: "bo", age: 9 }] }],
  },
  {
    // Was broken: Asks six times, then publishes `xs.join(" ").length >= 7`. Now round 19c: the length of numbers written out is a measure by accident (suspect-arithmetic.ts coincidentalMeasure): every fitting program is a rival, and it still asks after six answers.
    name: "arith_needs_three",
    description: "Whether the numbers go up by the same amount each time; a list needs at least three numbers to count.",
    examples: [[{ xs: [1, 3, 5, 7] }, true], [{ xs: [2, 4, 7] }, false], [{ xs: [10, 20, 30] }, true]],
    person: list((xs) => xs.length >= 3 && xs.every((x, i) => i === 0 || x - (xs[i - 1] as number) === (xs[1] as number) - (xs[0] as number))),
    probes: [{ xs: [5] }, { xs: [4, 9] }, { xs: [1, 2, 4, 5] }],
  },
  {
    // Was broken: Publishes `s.slice((s.match(/\p{N}/gu) ?? []).length)` at once: ".00" for "$1,250.00". Now round 19c: a cut at a count of digits is a measure by accident; the price with its first mark doubled ("$$12.50") parts it from the cut at the last run, asked about.
    name: "cents_of_price",
    description: "The cents part of the price (the digits after the point).",
    examples: [[{ s: "$12.50" }, "50"], [{ s: "$99.05" }, "05"]],
    person: text((s) => s.slice(s.indexOf(".") + 1)),
    probes: [{ s: "$5.25" }, { s: "$1,250.00" }],
  },
];

describe("round 19 attack: the round-18 rules' words, silenced in the wrong place", () => {
  for (const attack of BROKEN) {
    it.fails(`${attack.name}: open: ${attack.open}`, () => holds(backend, attack), ANSWERED_MS);
  }
  for (const attack of HELD) {
    it(`${attack.name}: asks, gives up, or is right on ${JSON.stringify(attack.probes[0])}`, () => holds(backend, attack), ANSWERED_MS);
  }
});
