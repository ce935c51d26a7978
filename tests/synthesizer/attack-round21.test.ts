/**
 * Round 21 attack (issue #17): the round-21 restatement (restate.ts: an inner rounding lifted to the
 * answer, a program that rounds nothing rounded as stated, a solved factor replaced by a stated number,
 * a sort given the second key a tie sentence names) held to the promise that a program fitting the
 * examples is never published silently wrong. Specs invented here, not taken from any fixture set.
 * Each case answers the backend's questions as a person would (tests/synthesizer/answered.ts): it
 * HOLDS when the backend still asks after six answers, gives up, or is right on the probes.
 * `it.fails("BROKE: ...")` marks a spec published without a question and wrong on a probe (or, for the
 * first-reading cases, a first reading wrong where round 20b's was right), with the src line where the
 * fix belongs. "(before r21 too)" marks breaks that main (round 20b) shows as well.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { runOn } from "../../src/agents/synthesizer/evaluate.ts";
import { priorFor } from "../../src/agents/synthesizer/rank.ts";
import { roundedAsStated, statedFactor } from "../../src/agents/synthesizer/restate.ts";
import type { Expr } from "../../src/agents/synthesizer/types.ts";
import { firstReadingRight, holds, ANSWERED_MS } from "./answered.ts";
import type { Attack, Person } from "./answered.ts";

const backend = createExampleBackend();

/** A person reading the input record. */
const on = <T>(f: (i: T) => unknown): Person => f as Person;
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const round2 = (x: number): number => Math.round(x * 100) / 100;
type Named = { name: string; score: number };
const PLAYERS: [unknown, unknown][] = [
  [{ players: [{ name: "cy", score: 3 }, { name: "al", score: 9 }, { name: "bo", score: 5 }] }, ["al", "bo", "cy"]],
  [{ players: [{ name: "ed", score: 1 }, { name: "di", score: 4 }] }, ["di", "ed"]],
];

/** Published at once (no question) and wrong on a probe. */
const BROKEN: (Attack & { why: string })[] = [
  {
    name: "highest_first_same_score_by_name",
    description: "The player names, highest score first, and players with the same score by name.",
    examples: PLAYERS,
    person: on((i: { players: Named[] }) => [...i.players].sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : 1)).map((p) => p.name)),
    probes: [{ players: [{ name: "zed", score: 5 }, { name: "amy", score: 5 }, { name: "bo", score: 1 }] }],
    why: "names Z to A: DESCENDING reads 'highest' of the first key anywhere in the tie sentence (tie-break-words.ts:47); round 20b asked",
  },
  {
    name: "youngest_same_name_contacts",
    description: "The contacts' phone numbers, youngest first. Two contacts can have the same name, and the name comes first in the address book.",
    examples: [
      [{ contacts: [{ name: "bo", age: 40, phone: "555-1" }, { name: "al", age: 20, phone: "555-2" }, { name: "cy", age: 30, phone: "555-3" }] }, ["555-2", "555-3", "555-1"]],
      [{ contacts: [{ name: "ed", age: 9, phone: "555-4" }, { name: "di", age: 50, phone: "555-5" }] }, ["555-4", "555-5"]],
    ],
    person: on((i: { contacts: { age: number; phone: string }[] }) => [...i.contacts].sort((a, b) => a.age - b.age).map((c) => c.phone)),
    probes: [{ contacts: [{ name: "zed", age: 30, phone: "1" }, { name: "amy", age: 30, phone: "2" }] }],
    why: "'the same name' (not a tie) and 'first' in one sentence give a name tie-break (tie-break-words.ts:43); round 20b was right",
  },
  {
    name: "tied_as_in_list_not_by_name",
    description: "The player names by score, highest first; tied players are ordered as in the list, not by name.",
    examples: PLAYERS,
    person: on((i: { players: Named[] }) => [...i.players].sort((a, b) => b.score - a.score).map((p) => p.name)),
    probes: [{ players: [{ name: "zed", score: 5 }, { name: "amy", score: 5 }] }],
    why: "LIST_ORDER misses 'as in the list' and the negation 'not by name' is read as naming the tie key (tie-break-words.ts:13/43); round 20b asked",
  },
  {
    name: "newest_same_day_by_title",
    description: "Post titles, newest day first, and posts of the same day by title.",
    examples: [
      [{ posts: [{ title: "b", day: 3 }, { title: "a", day: 9 }, { title: "c", day: 5 }] }, ["a", "c", "b"]],
      [{ posts: [{ title: "e", day: 1 }, { title: "d", day: 4 }] }, ["d", "e"]],
    ],
    person: on((i: { posts: { title: string; day: number }[] }) => [...i.posts].sort((a, b) => b.day - a.day || (a.title < b.title ? -1 : 1)).map((p) => p.title)),
    probes: [{ posts: [{ title: "a", day: 5 }, { title: "z", day: 5 }] }],
    why: "titles Z to A: 'newest' of the first key read as the tie direction (tie-break-words.ts:47); round 20b published list order, wrong too",
  },
  {
    name: "cents_per_gram",
    description: "The price per gram in cents: the pack's price in cents divided by its weight in grams.",
    examples: [[{ cents: 250, grams: 100 }, 2.5], [{ cents: 300, grams: 200 }, 1.5]],
    person: on((i: { cents: number; grams: number }) => i.cents / i.grams),
    probes: [{ cents: 100, grams: 3 }, { cents: 199, grams: 1000 }],
    why: "(before r21 too) 'cents' as a unit read as 'rounded to 2 decimals' (rank.ts:104/106); restate.ts:66 would wrap it as stated anyway",
  },
  {
    name: "price_per_item_inputs_two_decimals",
    description: "The price per item of a pack: the pack price (given to 2 decimals) divided by the number of items in it.",
    examples: [[{ price: 10, items: 4 }, 2.5], [{ price: 7.5, items: 3 }, 2.5], [{ price: 1.2, items: 2 }, 0.6]],
    person: on((i: { price: number; items: number }) => i.price / i.items),
    probes: [{ price: 10, items: 3 }, { price: 1, items: 8 }],
    why: "(before r21 too) decimals stated of an input read as the answer's rounding (rank.ts:106; restate.ts:66 roundedAsStated has the same reading)",
  },
  {
    name: "round_trip_fare",
    description: "The fare of a round trip: twice the one-way fare.",
    examples: [[{ fare: 12 }, 24], [{ fare: 30 }, 60]],
    person: on((i: { fare: number }) => i.fare * 2),
    probes: [{ fare: 12.25 }, { fare: 7.75 }],
    why: "(before r21 too) 'round trip' read as a rounding word (rank.ts:104), so round(fare + fare) is chosen and never asked",
  },
  {
    name: "weight_rounded_times_rate",
    description: "The postage of a parcel: its weight rounded to the nearest kg, times 3.5 euros per kg.",
    examples: [[{ kg: 2 }, 7], [{ kg: 4 }, 14]],
    person: on((i: { kg: number }) => Math.round(i.kg) * 3.5),
    probes: [{ kg: 3 }, { kg: 2.4 }],
    why: "(before r21 too) a rounding of an input put on the answer, round(kg * 3.5); liftedRounding (restate.ts:47) makes the same move and roundsParts (restate.ts:132) does not see a part named",
  },
  {
    name: "largest_number_rounded_whole",
    description: "The largest of the numbers, rounded to a whole number.",
    examples: [[{ xs: [3, 5, 4] }, 5], [{ xs: [1, 2] }, 2]],
    person: on((i: { xs: number[] }) => Math.round(Math.max(...i.xs))),
    probes: [{ xs: [1.6, 1.2] }, { xs: [0.4] }],
    why: "the whole-number branch of statedRounding never fires: its regex holds literal backspace characters, not \\b (restate.ts:69)",
  },
  {
    name: "cheapest_same_price_id_more_than_one",
    description: "The item ids, cheapest first; items with the same price in id order (more than one item may share a price).",
    examples: [
      [{ items: [{ id: 3, price: 9 }, { id: 1, price: 2 }, { id: 2, price: 5 }] }, [1, 2, 3]],
      [{ items: [{ id: 7, price: 4 }, { id: 5, price: 1 }] }, [5, 7]],
    ],
    person: on((i: { items: { id: number; price: number }[] }) => [...i.items].sort((a, b) => a.price - b.price || a.id - b.id).map((x) => x.id)),
    probes: [{ items: [{ id: 8, price: 3 }, { id: 2, price: 3 }, { id: 1, price: 9 }] }],
    why: "(before r21 too) its question ties ids 1 and 2 already in id order, so the answer cannot part id order from list order and the stable sort is published; 'more than one' turns the named id order descending (tie-break-words.ts:47), and statesTieBreak (tie-break-words.ts:53) does not count 'in id order' as a stated order, so no tie rival is left to ask",
  },
  {
    name: "priority_later_ones_after",
    description: "The task ids by priority, lowest first; tasks of the same priority in id order, later ones after.",
    examples: [
      [{ tasks: [{ id: 3, priority: 2 }, { id: 1, priority: 5 }, { id: 2, priority: 1 }] }, [2, 3, 1]],
      [{ tasks: [{ id: 7, priority: 4 }, { id: 5, priority: 1 }] }, [5, 7]],
    ],
    person: on((i: { tasks: { id: number; priority: number }[] }) => [...i.tasks].sort((a, b) => a.priority - b.priority || a.id - b.id).map((x) => x.id)),
    probes: [{ tasks: [{ id: 9, priority: 3 }, { id: 4, priority: 3 }] }],
    why: "(before r21 too, published at once there) 'later ones after' read as descending (tie-break-words.ts:47); the one question's tie is in id order already, after which the stable sort is published (tie-break-words.ts:53 raises no tie rival)",
  },
  {
    name: "last_coldest_day",
    description: "The position (counting from 0) of the last day on which the lowest temperature of the list was measured.",
    examples: [[{ temps: [5, 2, 8] }, 1], [{ temps: [4, 9, 6, 1] }, 3]],
    person: on((i: { temps: number[] }) => i.temps.lastIndexOf(Math.min(...i.temps))),
    probes: [{ temps: [1, 3, 1] }, { temps: [2, 2] }],
    why: "the new indexOfMin (ops.ts:194) takes the first position; asked only about [] and published, wrong where the lowest repeats ('the last day'); round 20b kept asking, on ties too",
  },
  {
    name: "euros_to_pounds_days_hours",
    description: "A price in euros in pounds at the shop's rate, rounded to whole pounds. The shop opens 6 days a week, 7 hours a day.",
    examples: [[{ euros: 10 }, 9], [{ euros: 20 }, 17], [{ euros: 30 }, 26]],
    person: on((i: { euros: number }) => Math.round(i.euros * 0.86)),
    probes: [{ euros: 500 }, { euros: 1000 }],
    why: "(before r21 too) euros - euros / 7 (the 6/7 of '6 days' and '7 hours') fits the rounded examples; its one question (11 euros) cannot part 6/7 from 0.86 and it is published: a stated number is taken as the rate whatever it counts (example-backend.ts:139 looseConstant passes every stated number)",
  },
];

/** Round 21's first reading wrong where round 20b published the right program. */
const FIRST_READING: (Attack & { why: string })[] = [
  {
    name: "converted_rounded_times_qty",
    description: "A price in dollars converted to euros at the given rate and rounded to cents, times the quantity.",
    examples: [[{ usd: 1.11, rate: 0.9, qty: 3 }, 3], [{ usd: 2.22, rate: 0.9, qty: 2 }, 4], [{ usd: 10, rate: 0.5, qty: 4 }, 20]],
    person: on((i: { usd: number; rate: number; qty: number }) => round2(i.usd * i.rate) * i.qty),
    probes: [{ usd: 1.11, rate: 0.9, qty: 10 }, { usd: 3.33, rate: 0.3, qty: 7 }],
    why: "the rounding of the converted price lifted to the total (restate.ts:47); 'round' is said once of a part, which roundsParts (restate.ts:132) does not read",
  },
  {
    name: "tenths_of_degree_to_f",
    description: "A thermometer reading given in tenths of a degree Celsius (215 means 21.5 °C), in degrees Fahrenheit: F = C × 9 / 5 + 32.",
    examples: [[{ tenths: 215 }, 70.7], [{ tenths: 300 }, 86], [{ tenths: 0 }, 32]],
    person: on((i: { tenths: number }) => ((i.tenths / 10) * 9) / 5 + 32),
    probes: [{ tenths: 217 }, { tenths: 1 }],
    why: "'tenths' (the input's unit) read as 'rounded to 1 decimal' (rank.ts:107) and roundedAsStated wraps the right program in it (restate.ts:49/66); round 20b's first reading was tenths * 0.18 + 32",
  },
];

/** Asks, gives up, or is right on the probes after a person's answers. */
const HELD: Attack[] = [
  {
    name: "avg_around_lake",
    description: "The average of the water temperatures measured at points around the lake.",
    examples: [[{ temps: [10, 14, 12] }, 12], [{ temps: [20, 22] }, 21]],
    person: on((i: { temps: number[] }) => mean(i.temps)),
    probes: [{ temps: [10, 11] }, { temps: [1, 2, 2] }],
  },
  {
    name: "children_per_adult_playground",
    description: "How many children there are per adult on the playground: children divided by adults.",
    examples: [[{ children: 12, adults: 3 }, 4], [{ children: 10, adults: 5 }, 2]],
    person: on((i: { children: number; adults: number }) => i.children / i.adults),
    probes: [{ children: 5, adults: 2 }, { children: 7, adults: 4 }],
  },
  {
    name: "avg_points_per_round",
    description: "The average points a player scored per round of the quiz.",
    examples: [[{ points: [4, 6, 8] }, 6], [{ points: [3, 5] }, 4]],
    person: on((i: { points: number[] }) => mean(i.points)),
    probes: [{ points: [4, 5] }, { points: [1, 1, 2] }],
  },
  {
    name: "avg_rounded_then_tripled",
    description: "The mean of a and b rounded to a whole number, then multiplied by 3.",
    examples: [[{ a: 3, b: 7 }, 15], [{ a: 10, b: 20 }, 45], [{ a: 1, b: 1 }, 3]],
    person: on((i: { a: number; b: number }) => Math.round((i.a + i.b) / 2) * 3),
    probes: [{ a: 1, b: 2 }, { a: 3, b: 4 }],
  },
  {
    name: "km_to_miles_runners",
    description: "A race distance in km, in miles rounded to 1 decimal. The club's 62 runners each pay 100 euros.",
    examples: [[{ km: 10 }, 6.2], [{ km: 5 }, 3.1], [{ km: 21 }, 13]],
    person: on((i: { km: number }) => Math.round(i.km * 0.621371 * 10) / 10),
    probes: [{ km: 100 }, { km: 42 }, { km: 50 }],
  },
  {
    name: "pounds_to_euros_days_hours",
    description: "A price in pounds in euros at the shop's rate, rounded to whole euros. The shop opens 6 days a week, 7 hours a day.",
    examples: [[{ pounds: 10 }, 12], [{ pounds: 100 }, 117], [{ pounds: 20 }, 23]],
    person: on((i: { pounds: number }) => Math.round(i.pounds * 1.17)),
    probes: [{ pounds: 300 }, { pounds: 1000 }],
  },
  {
    name: "mpg_to_km_per_litre_fleet",
    description: "Fuel economy in km per litre from miles per US gallon, rounded to 1 decimal, for a fleet of 100 cars of which 43 are vans.",
    examples: [[{ mpg: 30 }, 12.8], [{ mpg: 20 }, 8.5], [{ mpg: 10 }, 4.3]],
    person: on((i: { mpg: number }) => Math.round(i.mpg * 0.425144 * 10) / 10),
    probes: [{ mpg: 100 }, { mpg: 55 }, { mpg: 200 }],
  },
  {
    name: "same_name_files",
    description: "The file names sorted by size, largest first. Files with the same name may appear in other folders.",
    examples: [
      [{ files: [{ name: "b.txt", size: 10, folder: "x" }, { name: "a.txt", size: 30, folder: "y" }, { name: "c.txt", size: 20, folder: "x" }] }, ["a.txt", "c.txt", "b.txt"]],
      [{ files: [{ name: "d.txt", size: 1, folder: "z" }, { name: "e.txt", size: 5, folder: "z" }] }, ["e.txt", "d.txt"]],
    ],
    person: on((i: { files: { name: string; size: number }[] }) => [...i.files].sort((a, b) => b.size - a.size).map((f) => f.name)),
    probes: [{ files: [{ name: "a.txt", size: 5, folder: "x" }, { name: "b.txt", size: 5, folder: "y" }] }],
  },
  {
    name: "best_round_counting_from_1",
    description: "Which round was the best: its number counting from 1, for the highest score in the list; the first such round on ties.",
    examples: [[{ scores: [5, 9, 2] }, 2], [{ scores: [7, 1] }, 1], [{ scores: [1, 2, 3, 8] }, 4]],
    person: on((i: { scores: number[] }) => i.scores.indexOf(Math.max(...i.scores)) + 1),
    probes: [{ scores: [3, 8, 8] }, { scores: [4] }, { scores: [-1, -5] }],
  },
  {
    name: "team_mean_to_1_decimal",
    description: "Each player's share of the team score is not needed; give the team's mean score to 1 decimal place.",
    examples: [[{ a: 10, b: 20 }, 15], [{ a: 3, b: 4 }, 3.5]],
    person: on((i: { a: number; b: number }) => Math.round(((i.a + i.b) / 2) * 10) / 10),
    probes: [{ a: 1, b: 2.25 }, { a: 0.33, b: 0 }],
  },
];

/**
 * Broken by round 21's first version and mended before it landed: the tie direction read after the
 * tie words only, a field named as an order ("by name", "in id order") and not ruled out ("not by
 * name"), "as in the list" as list order, the rounding word required (not "tenths", not the backspaces
 * of a mistyped pattern), a rounding followed by more arithmetic kept as the first reading, and the
 * last position on ties as a twin of the first (`lastIndexOfMin`).
 */
const FIXED = new Set(["highest_first_same_score_by_name", "youngest_same_name_contacts", "tied_as_in_list_not_by_name", "newest_same_day_by_title", "largest_number_rounded_whole", "last_coldest_day", "converted_rounded_times_qty", "tenths_of_degree_to_f"]);

describe("round 21 attack: restated programs held to 'never silently wrong'", () => {
  for (const attack of BROKEN) {
    if (FIXED.has(attack.name)) it(`FIXED (broke before): ${attack.name}: ${attack.why}`, () => holds(backend, attack), ANSWERED_MS);
    else it.fails(`BROKE: ${attack.name}: ${attack.why}`, () => holds(backend, attack), ANSWERED_MS);
  }
  for (const attack of FIRST_READING) {
    if (FIXED.has(attack.name)) it(`FIXED (broke before, first reading): ${attack.name}: ${attack.why}`, () => firstReadingRight(backend, attack), ANSWERED_MS);
    else it.fails(`BROKE (first reading): ${attack.name}: ${attack.why}`, () => firstReadingRight(backend, attack), ANSWERED_MS);
  }
  for (const attack of HELD) {
    it(`${attack.name}: asks, gives up, or is right on ${JSON.stringify(attack.probes[0])}`, () => holds(backend, attack), ANSWERED_MS);
  }

  it("FIXED (broke before): 'rounded to a whole number' wraps a program that rounds nothing (restate.ts:69 regex holds backspaces, not \\b)", () => {
    const description = "The largest of the numbers, rounded to a whole number.";
    const plain: Expr = { k: "op", op: "max", args: [{ k: "in", path: ["xs"] }] };
    const rounded = roundedAsStated(plain, priorFor(description, []), description);
    expect(rounded && runOn(rounded, { xs: [1.6, 1.2] })).toBe(2);
  });

  it("FIXED (broke before; a stated number must say the solved one more precisely): statedFactor swapped a solved 0.6214 for 62 / 100, two stated numbers that count runners and euros (restate.ts:51/149)", () => {
    // "A race distance in km, in miles rounded to 1 decimal. The club's 62 runners each pay 100 euros."
    const solved: Expr = { k: "op", op: "roundTo", args: [{ k: "op", op: "mul", args: [{ k: "in", path: ["km"] }, { k: "const", value: 0.6214, solved: true }] }, { k: "const", value: 1 }] };
    const inputs = [{ km: 10 }, { km: 5 }];
    const outputs = [6.2, 3.1];
    const fits = (e: Expr): boolean => inputs.every((i, r) => runOn(e, i) === outputs[r]);
    const taken = statedFactor(solved, [62, 100], fits) ?? solved;
    expect(runOn(taken, { km: 100 })).toBe(62.1);
  });
});
