// The specs of tests/fixtures/specs/holdout16 without their outputs: description, schemas and the
// inputs of the examples and the named tests. scripts/make-holdout16-specs.mjs adds the outputs.
// New tasks (none a renamed task of an earlier set, checked against the file names of dev, dev3,
// validation's folder, holdout and holdout2 to holdout14 only), written without running the synthesizer
// or reading its code, in the proportions of the brief: 20 records and lists, 15 strings, 10 numbers and
// units, 10 dates and times, 5 utility functions.

import { obj, arr, HHMM, rows } from "./spec-schemas.mjs";
const NONNEG = { type: "number", minimum: 0 };
const COUNT = { type: "integer", minimum: 0 };
/** A real calendar date's shape: months 01-12 and days 01-31. */
const ISO_DATE = { type: "string", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" };
const TIMESTAMP = { type: "string", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$" };
const SEAT = { type: "string", pattern: "^[1-9][0-9]?[A-F]$" };
const SIZE = { type: "string", enum: ["S", "M", "L"] };
const SCALAR = { type: ["string", "number"] };
const ANY_JSON = { type: ["string", "number", "boolean", "null", "object", "array"] };
const mapOf = (values) => ({ type: "object", additionalProperties: values });
/** One single-field input per value: each("text", {empty: ""}) -> {empty: {text: ""}}. */
const each = (field, named) => Object.fromEntries(Object.entries(named).map(([name, v]) => [name, { [field]: v }]));

export const SPECS = [];
const spec = (capability, description, inputSchema, outputSchema, examples, tests) =>
  SPECS.push({ capability, description, inputSchema, outputSchema, examples, tests });

// ---- records and lists (20) ----------------------------------------------------------------------

const players = (...r) => rows(["name", "position", "heightCm"], ...r);
spec("tallest_player_per_position",
  "For my squad list (each player has a name, a position and a height in cm), the tallest player in each position: an object from position to that player's name, positions in the order they first appear in the list. When two players of a position are equally tall, the one listed first.",
  obj({ players: arr(obj({ name: "string", position: "string", heightCm: NONNEG })) }), mapOf({ type: "string" }),
  [
    { players: players(["Ana", "guard", 180], ["Ben", "center", 205], ["Cy", "guard", 188]) },
    { players: players(["Dee", "wing", 190], ["Eli", "wing", 195], ["Fay", "center", 201]) },
  ],
  each("players", {
    no_players: [],
    one_player: players(["Solo", "keeper", 192]),
    tie_keeps_first_listed: players(["First", "wing", 190], ["Second", "wing", 190]),
    tallest_listed_last: players(["a", "back", 170], ["b", "back", 175], ["c", "back", 181]),
    decimal_heights: players(["p", "pivot", 198.5], ["q", "pivot", 198.4]),
    same_name_two_positions: players(["Max", "guard", 185], ["Max", "center", 185], ["Lo", "center", 186]),
    many_positions: players(["a", "w", 180], ["b", "x", 181], ["c", "y", 182], ["d", "z", 183], ["e", "w", 184]),
    zero_height_only: players(["unknown", "bench", 0]),
  }));

spec("missing_jersey_numbers",
  "Which shirt numbers are still free on our team: given the numbers players already wear (1 to 99, a number may be listed twice by mistake), the numbers from 1 up to the largest one worn that nobody wears, in ascending order. Empty when no number is worn.",
  obj({ numbers: arr({ type: "integer", minimum: 1, maximum: 99 }) }), arr({ type: "integer" }),
  [{ numbers: [1, 2, 4, 7] }, { numbers: [10, 3, 5] }],
  each("numbers", {
    none_worn: [],
    only_one: [1],
    no_gaps: [3, 1, 2],
    only_ninety_nine: [99],
    duplicates: [2, 2, 5, 5],
    unsorted_with_gaps: [9, 1, 6, 3],
    single_high_number: [4],
    consecutive_pair_missing: [1, 4],
  }));

spec("elevator_trips_needed",
  "How many trips the lift makes to take everyone up: people board in queue order, and a trip takes people from the front of the queue as long as their total weight stays at or under the capacity (kg); the next trip starts with the first person left. Someone heavier than the capacity on their own still rides, alone. 0 when nobody is waiting.",
  obj({ weightsKg: arr(NONNEG), capacityKg: NONNEG }), COUNT,
  [{ weightsKg: [70, 80, 60, 90], capacityKg: 160 }, { weightsKg: [50, 50, 50], capacityKg: 300 }],
  {
    nobody: { weightsKg: [], capacityKg: 200 },
    one_person: { weightsKg: [75], capacityKg: 200 },
    exactly_full: { weightsKg: [100, 100, 100], capacityKg: 200 },
    one_kilo_over: { weightsKg: [100, 101], capacityKg: 200 },
    heavier_than_capacity: { weightsKg: [60, 250, 60], capacityKg: 200 },
    queue_order_not_best_fit: { weightsKg: [90, 90, 20, 20], capacityKg: 100 },
    decimal_weights: { weightsKg: [60.5, 39.5, 0.5], capacityKg: 100 },
    zero_weight_items: { weightsKg: [0, 0, 0], capacityKg: 0 },
  });

spec("match_winner_from_set_scores",
  "Who won a match from its set scores: each set gives the games won by player A and by player B, and whoever has more games wins that set (a set with equal games counts for nobody). The player who won more sets wins the match: \"A\" or \"B\", or \"draw\" when they won as many sets each (including when no set was played).",
  obj({ sets: arr(obj({ a: { type: "integer", minimum: 0 }, b: { type: "integer", minimum: 0 } })) }), { type: "string", enum: ["A", "B", "draw"] },
  [{ sets: [{ a: 6, b: 4 }, { a: 3, b: 6 }, { a: 7, b: 5 }] }, { sets: [{ a: 2, b: 6 }, { a: 4, b: 6 }] }],
  each("sets", {
    no_sets: [],
    one_set_b: [{ a: 5, b: 7 }],
    one_all_sets: [{ a: 6, b: 3 }, { a: 3, b: 6 }],
    level_set_ignored: [{ a: 6, b: 6 }, { a: 6, b: 1 }],
    more_games_fewer_sets: [{ a: 6, b: 0 }, { a: 6, b: 0 }, { a: 5, b: 7 }, { a: 5, b: 7 }, { a: 5, b: 7 }],
    all_level: [{ a: 3, b: 3 }],
    zero_zero_then_win: [{ a: 0, b: 0 }, { a: 0, b: 1 }],
    five_sets_a: [{ a: 6, b: 7 }, { a: 7, b: 6 }, { a: 4, b: 6 }, { a: 6, b: 2 }, { a: 10, b: 8 }],
  }));

spec("books_fitting_on_shelf",
  "I put books on a shelf left to right in the order of my list, each taking its width in cm, and stop at the first book that does not fit in the space left. How many books go on? A book that exactly fills the remaining space fits.",
  obj({ widthsCm: arr(NONNEG), shelfCm: NONNEG }), COUNT,
  [{ widthsCm: [3, 4, 2, 5], shelfCm: 10 }, { widthsCm: [12, 2], shelfCm: 10 }],
  {
    no_books: { widthsCm: [], shelfCm: 80 },
    exactly_full: { widthsCm: [40, 40], shelfCm: 80 },
    stops_at_first_misfit: { widthsCm: [5, 9, 1, 1], shelfCm: 10 },
    all_fit: { widthsCm: [1, 2, 3], shelfCm: 100 },
    zero_shelf: { widthsCm: [1], shelfCm: 0 },
    zero_width_books: { widthsCm: [0, 0, 10, 0], shelfCm: 10 },
    decimals_summing_exactly: { widthsCm: [0.1, 0.2, 0.7], shelfCm: 1 },
    first_too_wide: { widthsCm: [30, 1, 1], shelfCm: 29.9 },
  });

const votes = (...r) => rows(["voter", "choice"], ...r);
spec("final_vote_tally",
  "People can change their vote until the poll closes: the votes are listed in the order they were cast (voter and choice), and only each voter's last vote counts. The tally as an object from choice to number of votes, choices in alphabetical order (plain character order, capitals first); a choice nobody ends up voting for is left out.",
  obj({ votes: arr(obj({ voter: "string", choice: "string" })) }), mapOf(COUNT),
  [
    { votes: votes(["ann", "pizza"], ["bob", "sushi"], ["ann", "tacos"]) },
    { votes: votes(["x", "blue"], ["y", "blue"], ["z", "red"]) },
  ],
  each("votes", {
    no_votes: [],
    one_vote: votes(["solo", "yes"]),
    changed_back: votes(["a", "no"], ["a", "yes"], ["a", "no"]),
    choice_emptied: votes(["a", "tea"], ["b", "coffee"], ["a", "coffee"]),
    capitals_sort_first: votes(["a", "banana"], ["b", "Apple"], ["c", "apple"]),
    everyone_switches: votes(["p", "x"], ["q", "x"], ["p", "y"], ["q", "y"]),
    many_voters: votes(["1", "c"], ["2", "a"], ["3", "b"], ["4", "a"], ["5", "c"], ["6", "a"]),
    same_vote_twice: votes(["a", "red"], ["a", "red"], ["b", "red"]),
  }));

spec("largest_price_drop_between_days",
  "From a list of daily closing prices (oldest first), the largest fall from one day to the next day, as a positive amount rounded to 2 decimals. 0 when the price never fell from one day to the next, or there are fewer than two days.",
  obj({ prices: arr(NONNEG) }), NONNEG,
  [{ prices: [10, 12, 9, 11, 7] }, { prices: [100.5, 99.25, 98] }],
  each("prices", {
    no_days: [],
    one_day: [42],
    only_rising: [1, 2, 3, 4],
    flat: [5, 5, 5],
    drop_over_two_days_not_counted: [10, 8, 6],
    drop_to_zero: [3.1, 0],
    cents: [19.99, 19.49, 19.98, 18.77],
    big_drop_late: [50, 51, 52, 53, 10],
  }));

const bins = (...r) => rows(["id", "used", "capacity"], ...r);
const CAPACITY = { type: "number", minimum: 1 };
spec("bins_fullest_first",
  "Order our storage bins from fullest to emptiest: each bin has an id, the space used and its capacity (same unit), and fullness is used divided by capacity. Fullest first; bins equally full in id order (plain character order).",
  obj({ bins: arr(obj({ id: "string", used: NONNEG, capacity: CAPACITY })) }), arr({ type: "string" }),
  [
    { bins: bins(["A", 50, 100], ["B", 30, 40], ["C", 10, 10]) },
    { bins: bins(["x", 1, 4], ["y", 3, 4]) },
  ],
  each("bins", {
    no_bins: [],
    one_bin: bins(["only", 5, 10]),
    equal_fullness_by_id: bins(["m", 2, 4], ["k", 5, 10], ["z", 1, 2]),
    bigger_used_less_full: bins(["big", 90, 1000], ["small", 9, 10]),
    empty_bins: bins(["e2", 0, 10], ["e1", 0, 50], ["f", 1, 50]),
    overfull: bins(["over", 12, 10], ["full", 10, 10]),
    decimal_capacity: bins(["a", 1, 1.5], ["b", 2, 2.5]),
    many: bins(["d", 4, 8], ["c", 3, 4], ["b", 1, 4], ["a", 7, 8]),
  }));

const lockers = (...r) => rows(["id", "size"], ...r);
spec("lockers_for_parcels",
  "Assign parcels to our parcel lockers: lockers are S, M or L, and a parcel fits a locker of its size or bigger (S < M < L). Parcels are handled in list order; each takes a free locker of the smallest size that fits it, the first such locker in the locker list, and the locker is then taken. An object from parcel id to locker id, or null when no free locker fits it.",
  obj({ lockers: arr(obj({ id: "string", size: SIZE })), parcels: arr(obj({ id: "string", size: SIZE })) }), mapOf({ type: ["string", "null"] }),
  [
    { lockers: lockers(["L1", "L"], ["M1", "M"], ["S1", "S"]), parcels: lockers(["p1", "S"], ["p2", "M"]) },
    { lockers: lockers(["A", "M"], ["B", "M"]), parcels: lockers(["x", "M"], ["y", "L"], ["z", "S"]) },
  ],
  {
    no_parcels: { lockers: lockers(["A", "S"]), parcels: [] },
    no_lockers: { lockers: [], parcels: lockers(["p", "S"]) },
    small_parcel_takes_bigger_when_needed: { lockers: lockers(["big", "L"]), parcels: lockers(["tiny", "S"], ["huge", "L"]) },
    smallest_fitting_not_first: { lockers: lockers(["L1", "L"], ["M1", "M"], ["M2", "M"]), parcels: lockers(["p", "S"], ["q", "S"], ["r", "S"]) },
    large_parcel_no_room: { lockers: lockers(["s1", "S"], ["m1", "M"]), parcels: lockers(["big", "L"], ["mid", "M"]) },
    first_of_size_in_list_order: { lockers: lockers(["M9", "M"], ["M1", "M"]), parcels: lockers(["a", "M"]) },
    all_taken_then_null: { lockers: lockers(["only", "M"]), parcels: lockers(["a", "S"], ["b", "S"]) },
    greedy_order_matters: { lockers: lockers(["m", "M"], ["l", "L"]), parcels: lockers(["first", "M"], ["second", "M"], ["third", "L"]) },
  });

const seats = (...r) => rows(["seat", "taken"], ...r);
spec("free_window_seats",
  "The free window seats on a plane: each seat is listed with its code (row number then a letter A to F, like 12A) and whether it is taken; window seats are those with letter A or F. The codes of the free window seats, by row number and then letter. A seat listed more than once counts as taken if any of its entries says it is taken.",
  obj({ seats: arr(obj({ seat: SEAT, taken: "boolean" })) }), arr({ type: "string" }),
  [
    { seats: seats(["1A", false], ["1B", false], ["1F", true], ["2F", false]) },
    { seats: seats(["10A", false], ["9F", false], ["9A", true]) },
  ],
  each("seats", {
    no_seats: [],
    all_taken: seats(["3A", true], ["3F", true]),
    no_window_seats_listed: seats(["4B", false], ["4C", false], ["4D", false], ["4E", false]),
    numeric_row_order: seats(["12A", false], ["2A", false], ["11F", false], ["1F", false]),
    taken_in_second_entry: seats(["5A", false], ["5A", true], ["6A", false]),
    free_twice_listed_once: seats(["7F", false], ["7F", false]),
    same_row_a_before_f: seats(["8F", false], ["8A", false]),
    row_99: seats(["99F", false], ["1A", true]),
  }));

const ages = (...r) => rows(["team", "age"], ...r);
spec("youngest_team_by_mean_age",
  "Which team is youngest: each player is listed with a team and an age in whole years, and a team's age is the mean of its players' ages. The name of the team with the lowest mean age; when two teams tie, the one that appears first in the list. null when there are no players.",
  obj({ players: arr(obj({ team: "string", age: COUNT })) }), { type: ["string", "null"] },
  [
    { players: ages(["Owls", 30], ["Hawks", 25], ["Owls", 20], ["Hawks", 27]) },
    { players: ages(["Reds", 18], ["Blues", 40]) },
  ],
  each("players", {
    no_players: [],
    one_team: ages(["Solo", 33], ["Solo", 35]),
    tie_first_appearing: ages(["B", 20], ["A", 22], ["A", 18], ["B", 20]),
    youngest_player_not_youngest_team: ages(["X", 10], ["X", 50], ["Y", 25], ["Y", 26]),
    mean_not_sum: ages(["Big", 10], ["Big", 10], ["Big", 10], ["Small", 20]),
    zero_ages: ages(["Babies", 0], ["Kids", 1]),
    three_teams: ages(["a", 30], ["b", 29], ["c", 31], ["b", 33], ["c", 25]),
    interleaved_tie: ages(["late", 21], ["early", 19], ["late", 19], ["early", 21]),
  }));

spec("partners_from_both_ends",
  "Pair people up for a project from a list in ranking order: the first with the last, the second with the second-to-last, and so on, working inwards. A list of pairs (each a list of two names, the earlier-ranked first); with an odd number of people, the one in the middle ends up in a group of one, last.",
  obj({ names: arr({ type: "string" }) }), arr(arr({ type: "string" })),
  [{ names: ["Ann", "Bo", "Cal", "Di"] }, { names: ["A", "B", "C", "D", "E", "F"] }],
  each("names", {
    nobody: [],
    one_person: ["Only"],
    two_people: ["X", "Y"],
    three_people: ["p", "q", "r"],
    five_people: ["1", "2", "3", "4", "5"],
    same_name_twice: ["Sam", "Lee", "Sam"],
    seven_people: ["a", "b", "c", "d", "e", "f", "g"],
    eight_people: ["a", "b", "c", "d", "e", "f", "g", "h"],
  }));

const stops = (...r) => rows(["on", "off"], ...r);
spec("passengers_on_board_after_each_stop",
  "A bus starts its route empty. At each stop some people get off first, then some get on. The number of people on board as the bus leaves each stop, in stop order. If the count says more people get off than are on board, the bus simply empties.",
  obj({ stops: arr(obj({ on: COUNT, off: COUNT })) }), arr(COUNT),
  [{ stops: stops([10, 0], [3, 4], [0, 5]) }, { stops: stops([5, 0], [5, 2]) }],
  each("stops", {
    no_stops: [],
    one_stop: stops([7, 0]),
    off_at_first_stop: stops([2, 5]),
    more_off_than_on_board: stops([4, 0], [1, 9], [3, 0]),
    nobody_moves: stops([0, 0], [0, 0]),
    all_off_then_on: stops([6, 0], [6, 6]),
    off_before_on: stops([1, 0], [5, 1]),
    long_route: stops([12, 0], [4, 3], [0, 2], [8, 1], [0, 10], [2, 0]),
  }));

spec("chores_to_least_loaded_person",
  "Share out chores: chores are handed out one at a time in list order, each to whoever has the fewest chores so far; when several are tied, the one listed earliest in people. An object from every person (in the order of people; a name listed twice is one person) to the list of their chores in the order received, an empty list for someone who got none. An empty object when there are no people.",
  obj({ people: arr({ type: "string" }), chores: arr({ type: "string" }) }), mapOf(arr({ type: "string" })),
  [
    { people: ["Ana", "Ben"], chores: ["dishes", "bins", "hoover"] },
    { people: ["Xi", "Yu", "Zo"], chores: ["cook", "shop"] },
  ],
  {
    no_chores: { people: ["a", "b"], chores: [] },
    no_people: { people: [], chores: ["dishes"] },
    one_person_everything: { people: ["Solo"], chores: ["a", "b", "c"] },
    exact_rounds: { people: ["p", "q", "r"], chores: ["1", "2", "3", "4", "5", "6"] },
    repeated_person: { people: ["a", "b", "a"], chores: ["x", "y", "z"] },
    same_chore_twice: { people: ["a", "b"], chores: ["dust", "dust"] },
    many_chores: { people: ["m", "n"], chores: ["c1", "c2", "c3", "c4", "c5"] },
    people_order_not_alphabetical: { people: ["zed", "amy"], chores: ["one"] },
  });

const moves = (...r) => rows(["from", "to", "qty"], ...r);
spec("stock_after_transfers",
  "Stock levels after a day's transfers between warehouses: stock maps each warehouse to its units, and transfers are applied in order, each moving qty units from one warehouse to another. A transfer that asks for more units than the sending warehouse has at that moment is skipped entirely. A warehouse missing from stock holds 0 and can receive; it is added after the others, in the order it first receives. The resulting object.",
  obj({ stock: mapOf(COUNT), transfers: arr(obj({ from: "string", to: "string", qty: COUNT })) }), mapOf(COUNT),
  [
    { stock: { north: 50, south: 20 }, transfers: moves(["north", "south", 30], ["south", "north", 60]) },
    { stock: { a: 10 }, transfers: moves(["a", "b", 4], ["b", "c", 1]) },
  ],
  {
    no_transfers: { stock: { x: 5, y: 0 }, transfers: [] },
    empty_everything: { stock: {}, transfers: [] },
    exactly_all_units: { stock: { a: 8, b: 0 }, transfers: moves(["a", "b", 8]) },
    one_short_skipped: { stock: { a: 8, b: 0 }, transfers: moves(["a", "b", 9]) },
    order_matters: { stock: { a: 0, b: 5 }, transfers: moves(["a", "c", 3], ["b", "a", 5], ["a", "c", 3]) },
    unknown_sender_skipped: { stock: { a: 1 }, transfers: moves(["ghost", "a", 2]) },
    zero_qty_from_unknown: { stock: { a: 1 }, transfers: moves(["ghost", "new", 0]) },
    to_itself: { stock: { a: 3 }, transfers: moves(["a", "a", 2]) },
  });

spec("most_common_shoe_size",
  "Which shoe size we sell most of: from the sizes of the pairs sold, the size that appears most often; when several sizes are equally common, the smallest of them. null when nothing was sold.",
  obj({ sizes: arr({ type: "number" }) }), { type: ["number", "null"] },
  [{ sizes: [42, 43, 42, 41] }, { sizes: [38.5, 39, 39, 38.5, 38.5] }],
  each("sizes", {
    nothing_sold: [],
    one_pair: [44],
    all_different_smallest: [45, 40, 43],
    tie_smallest_wins: [44, 44, 41, 41, 47],
    half_sizes: [9.5, 10, 9.5],
    first_seen_is_not_answer: [46, 40, 40, 46, 40],
    kids_sizes_small: [1, 13, 13, 2, 1],
    many_of_one: [37, 37, 37, 37, 38, 39, 38],
  }));

spec("fully_booked_rows",
  "Which rows of a small plane are completely booked: the booked seats are given as codes like 12C (row number, then a letter A to F; every row has the six seats A to F). The row numbers where all six seats are booked, ascending. A seat booked twice counts once.",
  obj({ seats: arr(SEAT) }), arr({ type: "integer" }),
  [{ seats: ["1A", "1B", "1C", "1D", "1E", "1F", "2A"] }, { seats: ["3A", "3B", "3C", "3D", "3E"] }],
  each("seats", {
    nothing_booked: [],
    two_full_rows_unsorted: ["9A", "9B", "9C", "9D", "9E", "9F", "4F", "4E", "4D", "4C", "4B", "4A"],
    duplicate_seat_not_six: ["5A", "5A", "5B", "5C", "5D", "5E"],
    duplicates_in_full_row: ["6A", "6B", "6C", "6D", "6E", "6F", "6A"],
    row_ten_and_one: ["10A", "10B", "10C", "10D", "10E", "10F", "1A", "1B", "1C", "1D", "1E", "1F"],
    letters_spread_across_rows: ["7A", "7B", "7C", "8D", "8E", "8F"],
    one_seat: ["12C"],
    row_99: ["99A", "99B", "99C", "99D", "99E", "99F"],
  }));

spec("warmest_week_number",
  "From daily temperatures (day 1 first), which week was warmest: the days are split into weeks of 7 starting at day 1 (a last, shorter week counts as a week), and a week's warmth is the mean of its days. The week's number, counting from 1; when weeks tie, the earlier one. 0 when there are no days.",
  obj({ temps: arr({ type: "number" }) }), COUNT,
  [
    { temps: [10, 11, 12, 10, 11, 12, 10, 15, 16, 15, 16, 15, 16, 15] },
    { temps: [20, 20, 20, 20, 20, 20, 20, 22] },
  ],
  each("temps", {
    no_days: [],
    one_day: [5],
    partial_week_only: [1, 2, 3],
    short_last_week_by_mean: [10, 10, 10, 10, 10, 10, 10, 11],
    tie_earlier: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3],
    negative_temperatures: [-5, -6, -7, -5, -6, -7, -5, -1, -2, -1, -2, -1, -2, -1],
    hottest_day_not_hottest_week: [0, 0, 0, 0, 0, 0, 40, 10, 10, 10, 10, 10, 10, 10],
    three_weeks: [1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5],
  }));

const roster = (...r) => rows(["name", "team"], ...r);
spec("turn_order_alternating_teams",
  "Turn order for a quiz where teams take turns: teams go in the order they first appear in the list, and within a team players go in list order. Round one is the first player of each team, round two the second player of each team, and so on; a team with no players left is skipped. The names in turn order.",
  obj({ players: arr(obj({ name: "string", team: "string" })) }), arr({ type: "string" }),
  [
    { players: roster(["Ann", "red"], ["Bo", "red"], ["Cy", "blue"], ["Di", "blue"]) },
    { players: roster(["x", "t1"], ["y", "t2"], ["z", "t1"]) },
  ],
  each("players", {
    no_players: [],
    one_team: roster(["a", "solo"], ["b", "solo"], ["c", "solo"]),
    uneven_teams: roster(["a1", "A"], ["a2", "A"], ["a3", "A"], ["b1", "B"]),
    team_order_by_first_appearance: roster(["b1", "B"], ["a1", "A"], ["b2", "B"], ["a2", "A"]),
    three_teams: roster(["r1", "R"], ["g1", "G"], ["b1", "Bl"], ["r2", "R"], ["b2", "Bl"]),
    one_player_each: roster(["p", "1"], ["q", "2"], ["r", "3"]),
    same_name_two_teams: roster(["Sam", "A"], ["Sam", "B"]),
    late_team: roster(["a1", "A"], ["a2", "A"], ["a3", "A"], ["c1", "C"]),
  }));

spec("fewest_donations_to_reach_goal",
  "Fundraising: given the pledged donations (whole amounts) and a goal, the fewest donations that together reach the goal (a total equal to the goal reaches it). 0 when the goal is 0; -1 when all donations together fall short.",
  obj({ donations: arr(COUNT), goal: COUNT }), { type: "integer", minimum: -1 },
  [{ donations: [50, 20, 100, 30], goal: 140 }, { donations: [10, 10, 10], goal: 25 }],
  {
    no_donations: { donations: [], goal: 10 },
    goal_zero: { donations: [5], goal: 0 },
    no_donations_goal_zero: { donations: [], goal: 0 },
    exactly_reached: { donations: [40, 60], goal: 100 },
    one_short: { donations: [40, 59], goal: 100 },
    one_big_enough: { donations: [1, 2, 500, 3], goal: 400 },
    need_all: { donations: [1, 1, 1, 1], goal: 4 },
    largest_first_not_list_order: { donations: [5, 5, 5, 5, 30, 30], goal: 60 },
  });

// ---- strings (15) --------------------------------------------------------------------------------

const TEXT = { type: "string" };
spec("checklist_progress_label",
  "How far along a markdown checklist is: a line starting with \"- [x]\" (or \"- [X]\") is a done item and a line starting with \"- [ ]\" an open one, possibly indented; other lines are not items. A label \"D/T done\" with D the done items and T all items, or \"no tasks\" when there are no items.",
  obj({ text: TEXT }), TEXT,
  [{ text: "- [x] book venue\n- [ ] send invites\n- [x] order cake" }, { text: "Shopping\n- [ ] milk\n- [ ] eggs" }],
  each("text", {
    empty: "",
    no_items: "just a note\nnothing to do",
    all_done_capital_x: "- [X] one\n- [x] two",
    indented_subitems: "- [x] trip\n  - [x] tickets\n  - [ ] hotel",
    crlf_lines: "- [x] a\r\n- [ ] b\r\n",
    not_a_checkbox: "- [y] maybe\n-[x] no space\n- [] empty\n* [x] star",
    checkbox_mid_line_ignored: "note - [x] this is not an item\n- [ ] real",
    one_open: "- [ ] only",
  }));

spec("header_row_to_field_keys",
  "Turn a spreadsheet header row into field keys: split the row at commas; in each column name, lower-case it and replace every run of characters other than a-z and 0-9 with a single underscore, then drop underscores at the start and end. Columns that end up empty are dropped. The keys in column order.",
  obj({ header: TEXT }), arr(TEXT),
  [{ header: "First Name,Last Name,E-mail Address" }, { header: " Order #, Total (EUR) ,Date" }],
  each("header", {
    empty: "",
    one_column: "Id",
    blank_columns_dropped: "a,,b, ,c",
    digits_kept: "Address Line 2,Q3 Sales",
    only_symbols: "#,***,name",
    accents_are_not_letters: "Café Name,Größe",
    already_snake: "user_id,created_at",
    trailing_comma: "Price ($),Qty,",
  }));

spec("sms_segment_count",
  "How many SMS messages a text is sent as: up to 160 characters go in one message; a longer text is split into parts of at most 153 characters each. 0 for an empty text. Count characters as a person sees them (an emoji is one character).",
  obj({ text: TEXT }), COUNT,
  [{ text: "Running late, see you at 8" }, { text: "x".repeat(200) }],
  each("text", {
    empty: "",
    exactly_160: "a".repeat(160),
    just_over_160: "a".repeat(161),
    exactly_306: "b".repeat(306),
    just_over_306: "b".repeat(307),
    one_character: "k",
    emoji_counted_once: "\u{1F600}".repeat(160),
    long_text: "word ".repeat(100),
  }));

spec("subject_without_reply_prefixes",
  "Clean an email subject for grouping threads: remove any number of leading \"Re:\", \"Fw:\" and \"Fwd:\" prefixes in any letter case (with or without spaces around them), then trim spaces at both ends. The rest of the subject is kept as it is.",
  obj({ subject: TEXT }), TEXT,
  [{ subject: "Re: Budget for Q3" }, { subject: "FWD: re: Lunch?" }],
  each("subject", {
    empty: "",
    no_prefix: "Team offsite",
    prefix_only: "Re:",
    re_inside_kept: "Invoice re: March",
    spaces_before_colon: "RE : Fw : Hello",
    word_starting_with_re: "Report: done",
    many_prefixes: "re:re:RE:Fwd:fw: Plan ",
    forward_spelled_out_kept: "Forward: notes",
  }));

spec("words_with_double_letters",
  "The words of a text that have the same letter twice in a row (like \"book\" or \"jazz\"): words are runs of the letters a-z in either case, compared and returned in lower case, each once, in the order they first appear.",
  obj({ text: TEXT }), arr(TEXT),
  [{ text: "The good book fell off the shelf" }, { text: "Jazz and Soccer, jazz again" }],
  each("text", {
    empty: "",
    none: "a cat sat on the mat",
    case_ignored_for_doubles: "Aardvark aA",
    split_by_apostrophe: "don't shall'll",
    triple_letter: "Brrr, zzz!",
    digits_split_words: "go0d te22ll",
    repeated_word_once: "Letter letter LETTER",
    double_across_words_not_counted: "mama aunt tell",
  }));

spec("mentions_expanded_to_names",
  "Replace @mentions in a chat message with people's names: a mention is @ followed by letters, digits and underscores; when that handle is a key of people (compared without regard to letter case) it is replaced, @ included, by the person's name; other mentions stay as they are.",
  obj({ text: TEXT, people: mapOf(TEXT) }), TEXT,
  [
    { text: "Thanks @ana and @ben_k!", people: { ana: "Ana Ruiz", ben_k: "Ben Kim" } },
    { text: "@sam can you check?", people: { lee: "Lee Wong" } },
  ],
  {
    empty_text: { text: "", people: { a: "A" } },
    no_people: { text: "hi @x", people: {} },
    handle_case_differs: { text: "ping @ANA", people: { ana: "Ana Ruiz" } },
    longer_handle_not_prefix: { text: "@anabel here", people: { ana: "Ana" } },
    email_address_like: { text: "mail me@ana.com", people: { ana: "Ana" } },
    same_mention_twice: { text: "@jo and @jo", people: { jo: "Jo Park" } },
    lone_at_sign: { text: "meet @ 5", people: { a: "A" } },
    punctuation_after_handle: { text: "(@kim), @kim.", people: { kim: "Kim Lo" } },
  });

spec("url_for_display",
  "Shorten a web address for display: drop the http:// or https:// at the start, a leading \"www.\", everything from the first ? or # on, and then one trailing slash.",
  obj({ url: { type: "string", pattern: "^[Hh][Tt][Tt][Pp][Ss]?://" } }), TEXT,
  [{ url: "https://www.example.com/docs/start/" }, { url: "http://shop.example.org/item?id=7#reviews" }],
  each("url", {
    bare_host: "https://example.com",
    host_with_slash: "https://www.example.com/",
    fragment_only: "https://site.io/page#top",
    www_not_at_start_kept: "https://docs.www.example.com/a",
    capital_scheme: "HTTPS://WWW.Example.com/Path",
    query_with_slash: "https://a.b/c?next=/d/",
    two_trailing_slashes: "http://a.b/c//",
    port_kept: "http://localhost:8080/api/",
  }));

spec("hangman_display",
  "Show a hangman word: each letter of the word appears if it has been guessed and as _ otherwise, with single spaces between the positions.",
  obj({ word: { type: "string", pattern: "^[a-z]+$" }, guesses: arr({ type: "string", pattern: "^[a-z]$" }) }), TEXT,
  [{ word: "apple", guesses: ["p", "e"] }, { word: "cat", guesses: [] }],
  {
    all_guessed: { word: "dog", guesses: ["g", "o", "d"] },
    one_letter_word: { word: "a", guesses: ["a"] },
    wrong_guesses_only: { word: "sun", guesses: ["x", "y"] },
    repeated_letter: { word: "banana", guesses: ["a"] },
    guess_repeated: { word: "tree", guesses: ["e", "e"] },
    one_letter_unguessed: { word: "i", guesses: ["u"] },
    long_word: { word: "mississippi", guesses: ["s", "p"] },
    guesses_in_any_order: { word: "zebra", guesses: ["a", "z", "r"] },
  });

spec("quoted_reply_lines_removed",
  "Strip the quoted part of an email reply: drop every line that starts with \">\" (after any spaces), then drop blank lines left at the end, and join the remaining lines with \"\\n\". Lines are separated by newlines (\\r\\n too); trailing spaces inside kept lines stay.",
  obj({ text: TEXT }), TEXT,
  [{ text: "Sounds good, see you then.\n\n> Can we meet at 3?\n> Thanks" }, { text: "Yes\n> q1\nNo\n> q2" }],
  each("text", {
    empty: "",
    nothing_quoted: "line one\nline two",
    everything_quoted: "> a\n>> b",
    indented_quote: "reply\n   > quoted",
    crlf: "ok\r\n> old\r\n",
    greater_than_inside_kept: "x > y is true\n> quoted",
    blank_lines_in_middle_kept: "a\n\nb\n\n> q\n\n",
    only_blank_lines: "\n\n",
  }));

spec("common_ending_of_words",
  "The longest ending that all the given words share (letter case matters), for spotting a common suffix. An empty text when they share none or the list is empty.",
  obj({ words: arr(TEXT) }), TEXT,
  [{ words: ["walking", "talking", "king"] }, { words: ["report.pdf", "invoice.pdf"] }],
  each("words", {
    no_words: [],
    one_word: ["alone"],
    nothing_shared: ["cat", "dog"],
    case_matters: ["READ", "bread"],
    whole_word_is_ending: ["ion", "station", "nation"],
    identical_words: ["same", "same"],
    empty_word: ["abc", ""],
    shared_space: ["a b", "c b"],
  }));

spec("word_letter_value",
  "A word's letter value for a puzzle: a=1, b=2, ... z=26 in either case, summed over the word's letters; any other character (spaces, digits, accents, punctuation) adds nothing.",
  obj({ word: TEXT }), COUNT,
  [{ word: "abc" }, { word: "Zoo" }],
  each("word", {
    empty: "",
    single_z: "z",
    mixed_case: "HeLLo",
    digits_ignored: "a1b2",
    spaces_and_punctuation: "a b-c!",
    accented_ignored: "café",
    all_letters: "abcdefghijklmnopqrstuvwxyz",
    capital_a: "A",
  }));

spec("shared_words_between_texts",
  "The words two texts have in common: words are runs of letters a-z and digits, compared in lower case; the shared ones in the order they first appear in a, each once.",
  obj({ a: TEXT, b: TEXT }), arr(TEXT),
  [{ a: "The quick brown fox", b: "A brown dog and a quick cat" }, { a: "Room 101 is free", b: "room 102, room 101" }],
  {
    both_empty: { a: "", b: "" },
    b_empty: { a: "hello there", b: "" },
    nothing_shared: { a: "red green", b: "blue" },
    case_differs: { a: "Apple PIE", b: "pie apple" },
    order_of_a: { a: "z y x", b: "x y z" },
    repeated_in_a_once: { a: "go go stop go", b: "GO" },
    part_of_word_not_shared: { a: "cat", b: "category" },
    punctuation_splits: { a: "e-mail, web", b: "mail" },
  });

spec("atoms_in_formula",
  "Count the atoms in a simple chemical formula (no brackets): each element is a capital letter optionally followed by a lower-case letter, then an optional count (none means 1). An object from element to its total count, elements in the order they first appear; an element written twice adds up.",
  obj({ formula: { type: "string", pattern: "^([A-Z][a-z]?[0-9]*)*$", maxLength: 200 } }), mapOf(COUNT),
  [{ formula: "H2O" }, { formula: "C6H12O6" }],
  each("formula", {
    empty: "",
    single_atom: "He",
    two_letter_and_one_letter: "NaCl",
    repeated_element: "CH3COOH",
    count_of_ten: "C10H8",
    zero_count: "C0O2",
    all_single: "HCN",
    leading_zero_count: "O02",
  }));

spec("address_lines_joined",
  "Put a postal address typed over several lines onto one line: trim spaces at both ends of each line, drop blank lines, and join the rest with \", \". Lines are separated by newlines (\\r\\n too).",
  obj({ address: TEXT }), TEXT,
  [{ address: "10 High Street\nLeeds\nLS1 4AB" }, { address: "  Flat 2 \n\n 5 Park Road\nBath " }],
  each("address", {
    empty: "",
    one_line: "PO Box 7",
    only_blank_lines: "\n  \n\t\n",
    crlf: "1 Main St\r\nSpringfield\r\n",
    commas_inside_kept: "Unit 4, Dock Yard\nHull",
    inner_spaces_kept: "The  Old   Mill\nYork",
    tabs_trimmed: "\t12 Elm Way\t\nDerby",
    trailing_newlines: "A\nB\n\n\n",
  }));

spec("text_in_parentheses",
  "Pull out the notes in round brackets: the text inside each pair of brackets that has no bracket inside it, trimmed, in order; a pair with nothing but spaces inside is skipped, as is a bracket that is never closed.",
  obj({ text: TEXT }), arr(TEXT),
  [{ text: "Milk (2 litres) and bread (wholemeal)" }, { text: "Meeting at 10 ( room 4 )" }],
  each("text", {
    empty: "",
    no_brackets: "plain text",
    empty_pair: "call () me",
    unclosed: "open (never closed",
    nested_innermost_only: "a (b (c) d) e",
    square_brackets_ignored: "[x] and {y} and (z)",
    adjacent_pairs: "(1)(2)( 3 )",
    closing_first: ") wrong ( right )",
  }));

// ---- numbers and units (10) ----------------------------------------------------------------------

spec("water_intake_litres_per_day",
  "How much water someone should drink a day by our coach's rule of thumb: 0.033 litres per kg of body weight, plus half a litre for every hour of exercise that day. In litres, rounded to 1 decimal.",
  obj({ weightKg: NONNEG, exerciseHours: NONNEG }), NONNEG,
  [{ weightKg: 70, exerciseHours: 1 }, { weightKg: 82, exerciseHours: 0 }],
  {
    no_exercise_light: { weightKg: 48, exerciseHours: 0 },
    long_exercise: { weightKg: 64, exerciseHours: 3 },
    half_hour: { weightKg: 91, exerciseHours: 0.5 },
    zero_weight: { weightKg: 0, exerciseHours: 2 },
    both_zero: { weightKg: 0, exerciseHours: 0 },
    heavy: { weightKg: 130, exerciseHours: 1.25 },
    decimal_weight: { weightKg: 57.3, exerciseHours: 0.75 },
    child: { weightKg: 22, exerciseHours: 1 },
  });

spec("reams_of_paper_needed",
  "How many reams of paper to buy for a print job: a ream is 500 sheets; each copy of the document needs one sheet per page, or one sheet per two pages when printed double-sided (a last odd page still takes a sheet). Whole reams, enough for all copies.",
  obj({ pages: COUNT, copies: COUNT, doubleSided: "boolean" }), COUNT,
  [{ pages: 20, copies: 30, doubleSided: false }, { pages: 9, copies: 100, doubleSided: true }],
  {
    nothing_to_print: { pages: 0, copies: 10, doubleSided: false },
    no_copies: { pages: 12, copies: 0, doubleSided: true },
    exactly_one_ream: { pages: 50, copies: 10, doubleSided: false },
    one_sheet_over: { pages: 501, copies: 1, doubleSided: false },
    odd_pages_double_sided: { pages: 3, copies: 250, doubleSided: true },
    even_pages_double_sided: { pages: 4, copies: 250, doubleSided: true },
    single_page: { pages: 1, copies: 1, doubleSided: true },
    big_job: { pages: 120, copies: 45, doubleSided: true },
  });

spec("resting_energy_kcal",
  "Daily resting energy need by the Mifflin-St Jeor formula: 10 x weight in kg + 6.25 x height in cm - 5 x age in years, plus 5 for a man or minus 161 for a woman. In kcal, rounded to a whole number.",
  obj({ weightKg: NONNEG, heightCm: NONNEG, age: COUNT, sex: { type: "string", enum: ["female", "male"] } }), { type: "number" },
  [{ weightKg: 70, heightCm: 175, age: 30, sex: "male" }, { weightKg: 60, heightCm: 165, age: 45, sex: "female" }],
  {
    young_woman: { weightKg: 55, heightCm: 161, age: 20, sex: "female" },
    older_man: { weightKg: 88, heightCm: 181, age: 72, sex: "male" },
    decimal_weight: { weightKg: 63.4, heightCm: 171, age: 33, sex: "female" },
    age_zero: { weightKg: 4, heightCm: 53, age: 0, sex: "male" },
    tall: { weightKg: 100, heightCm: 203, age: 25, sex: "male" },
    same_body_other_sex: { weightKg: 70, heightCm: 175, age: 30, sex: "female" },
    all_zero_female: { weightKg: 0, heightCm: 0, age: 0, sex: "female" },
    very_old: { weightKg: 50, heightCm: 151, age: 100, sex: "female" },
  });

spec("yield_tonnes_per_hectare",
  "Crop yield for a field measured in acres: the harvest in kg divided by the field's area, given in tonnes per hectare (1 acre = 0.40468564224 hectares, 1 tonne = 1000 kg), rounded to 2 decimals.",
  obj({ harvestKg: NONNEG, fieldAcres: { type: "number", minimum: 0.01 } }), NONNEG,
  [{ harvestKg: 8000, fieldAcres: 2 }, { harvestKg: 30000, fieldAcres: 10 }],
  {
    nothing_harvested: { harvestKg: 0, fieldAcres: 5 },
    one_acre: { harvestKg: 1000, fieldAcres: 1 },
    small_plot: { harvestKg: 150, fieldAcres: 0.05 },
    big_farm: { harvestKg: 2400000, fieldAcres: 640 },
    decimal_harvest: { harvestKg: 1234.5, fieldAcres: 1.5 },
    smallest_field: { harvestKg: 7, fieldAcres: 0.01 },
    exact_hectare_in_acres: { harvestKg: 5000, fieldAcres: 2.471 },
    low_yield: { harvestKg: 90, fieldAcres: 3 },
  });

spec("net_typing_speed_wpm",
  "Net typing speed from a typing test: a word is 5 characters, so gross words are characters / 5; subtract one word per uncorrected error, divide by the minutes taken (seconds / 60), and round to a whole number. Never below 0.",
  obj({ characters: COUNT, errors: COUNT, seconds: { type: "number", minimum: 1 } }), COUNT,
  [{ characters: 250, errors: 2, seconds: 60 }, { characters: 600, errors: 0, seconds: 120 }],
  {
    no_typing: { characters: 0, errors: 0, seconds: 60 },
    more_errors_than_words: { characters: 20, errors: 10, seconds: 60 },
    errors_equal_words: { characters: 50, errors: 10, seconds: 30 },
    short_test: { characters: 90, errors: 1, seconds: 15 },
    long_test: { characters: 3123, errors: 7, seconds: 300 },
    one_second: { characters: 11, errors: 0, seconds: 1 },
    fractional_seconds: { characters: 400, errors: 3, seconds: 61.7 },
    odd_characters: { characters: 333, errors: 4, seconds: 70 },
  });

spec("print_dpi_for_photo",
  "How sharp a photo prints: the print resolution is the image's pixels per inch of print, taken in whichever direction gives fewer (width pixels / print width in inches, height pixels / print height in inches). Rounded down to a whole number.",
  obj({ widthPx: COUNT, heightPx: COUNT, printWidthIn: { type: "number", minimum: 0.1 }, printHeightIn: { type: "number", minimum: 0.1 } }), COUNT,
  [{ widthPx: 3000, heightPx: 2000, printWidthIn: 6, printHeightIn: 4 }, { widthPx: 4032, heightPx: 3024, printWidthIn: 10, printHeightIn: 8 }],
  {
    exact_300: { widthPx: 1800, heightPx: 1200, printWidthIn: 6, printHeightIn: 4 },
    height_limits: { widthPx: 6000, heightPx: 1000, printWidthIn: 10, printHeightIn: 10 },
    width_limits: { widthPx: 500, heightPx: 5000, printWidthIn: 5, printHeightIn: 5 },
    rounds_down: { widthPx: 1000, heightPx: 1000, printWidthIn: 3, printHeightIn: 3 },
    zero_pixels: { widthPx: 0, heightPx: 800, printWidthIn: 4, printHeightIn: 4 },
    tiny_print: { widthPx: 640, heightPx: 480, printWidthIn: 0.5, printHeightIn: 0.5 },
    decimal_inches: { widthPx: 2480, heightPx: 3508, printWidthIn: 8.27, printHeightIn: 11.69 },
    poster: { widthPx: 6000, heightPx: 4000, printWidthIn: 36, printHeightIn: 24 },
  });

spec("current_through_resistor_ma",
  "The current through a resistor by Ohm's law: volts divided by ohms, given in milliamps (1 A = 1000 mA), rounded to 1 decimal. A negative voltage gives a negative current.",
  obj({ volts: { type: "number" }, ohms: { type: "number", minimum: 0.001 } }), { type: "number" },
  [{ volts: 5, ohms: 220 }, { volts: 12, ohms: 1000 }],
  {
    zero_volts: { volts: 0, ohms: 100 },
    negative_volts: { volts: -9, ohms: 470 },
    small_resistance: { volts: 1.5, ohms: 0.5 },
    large_resistance: { volts: 230, ohms: 1000000 },
    tiny_current: { volts: 3.3, ohms: 100000 },
    milliohm: { volts: 0.001, ohms: 0.001 },
    led_resistor: { volts: 3, ohms: 150 },
    decimal_both: { volts: 4.2, ohms: 33 },
  });

spec("savings_rate_percent",
  "My savings rate for a month: the part of income not spent, as a percentage of income, rounded to 1 decimal. Negative when I spent more than I earned.",
  obj({ income: { type: "number", minimum: 1 }, expenses: NONNEG }), { type: "number" },
  [{ income: 3000, expenses: 2400 }, { income: 2750, expenses: 2750 }],
  {
    spent_nothing: { income: 1800, expenses: 0 },
    overspent: { income: 2000, expenses: 2600 },
    overspent_double: { income: 1000, expenses: 2000 },
    odd_fraction: { income: 3100, expenses: 2890 },
    small_income: { income: 1, expenses: 0.3 },
    cents: { income: 2345.67, expenses: 1999.99 },
    tiny_saving: { income: 5000, expenses: 4999 },
    thirds: { income: 900, expenses: 600 },
  });

spec("water_boiling_point_at_altitude",
  "The temperature water boils at for a given altitude, by the rule of thumb of 1 degree Celsius less for every 300 m above sea level, starting from 100 at sea level (below sea level it boils hotter). In degrees Celsius, rounded to 1 decimal.",
  obj({ altitudeM: { type: "number" } }), { type: "number" },
  [{ altitudeM: 1500 }, { altitudeM: 2400 }],
  each("altitudeM", {
    sea_level: 0,
    below_sea_level: -420,
    everest: 8849,
    small_hill: 100,
    one_metre: 1,
    high_city: 3640,
    decimal_altitude: 1234.5,
    just_under_degree: 299,
  }));

spec("fuel_range_miles_from_litres",
  "How far I can drive on the fuel in my tank: my car's economy is given in UK miles per gallon, and a UK gallon is 4.54609 litres. The distance in miles for the litres in the tank, rounded to a whole number.",
  obj({ litres: NONNEG, mpg: NONNEG }), NONNEG,
  [{ litres: 40, mpg: 50 }, { litres: 12.5, mpg: 38 }],
  {
    empty_tank: { litres: 0, mpg: 45 },
    one_gallon_exactly: { litres: 4.54609, mpg: 30 },
    thirsty_car: { litres: 70, mpg: 18 },
    efficient_car: { litres: 55, mpg: 72.4 },
    zero_economy: { litres: 30, mpg: 0 },
    small_amount: { litres: 1, mpg: 40 },
    decimal_both: { litres: 33.3, mpg: 41.7 },
    big_tank: { litres: 120, mpg: 28 },
  });

// ---- dates and times (10) ------------------------------------------------------------------------

spec("age_in_years_and_months",
  "Someone's age in years and whole months on a given date, for a child's record: \"X years Y months\" (singular \"year\" / \"month\" for 1). A month is complete on the same day of the month as the birth day, or on the month's last day when the month is shorter. \"not born yet\" when the date is before the birth date.",
  obj({ birth: ISO_DATE, on: ISO_DATE }), TEXT,
  [{ birth: "2020-03-15", on: "2026-12-04" }, { birth: "2025-06-01", on: "2026-07-01" }],
  {
    birth_day_itself: { birth: "2024-05-05", on: "2024-05-05" },
    day_before_month_complete: { birth: "2024-05-05", on: "2024-06-04" },
    one_year_one_month: { birth: "2023-01-10", on: "2024-02-10" },
    end_of_month_birth_short_month: { birth: "2025-01-31", on: "2025-02-28" },
    leap_day_birth_non_leap_year: { birth: "2020-02-29", on: "2021-02-28" },
    before_birth: { birth: "2026-12-04", on: "2026-12-03" },
    eleven_months: { birth: "2025-12-20", on: "2026-11-25" },
    across_year_end: { birth: "2019-11-30", on: "2026-01-29" },
  });

spec("week_row_in_month_calendar",
  "Which row of a month's wall calendar a date is on, for a calendar whose weeks start on Monday: row 1 holds the 1st of the month, and a new row starts every Monday after it.",
  obj({ date: ISO_DATE }), { type: "integer", minimum: 1 },
  [{ date: "2026-12-04" }, { date: "2026-12-14" }],
  each("date", {
    first_of_month: "2026-11-01",
    month_starting_monday: "2026-06-07",
    monday_after_sunday_first: "2026-11-02",
    last_day_sixth_row: "2026-11-30",
    february_non_leap: "2026-02-28",
    leap_day: "2024-02-29",
    sunday_end_of_first_row: "2026-12-06",
    year_2000_january: "2000-01-31",
  }));

spec("days_left_in_year",
  "How many days are left in the year after a given date: the days from that date to 31 December of the same year, not counting the date itself (0 on 31 December).",
  obj({ date: ISO_DATE }), COUNT,
  [{ date: "2026-12-04" }, { date: "2026-01-01" }],
  each("date", {
    new_years_eve: "2026-12-31",
    day_before: "2026-12-30",
    leap_year_start: "2024-01-01",
    leap_day: "2024-02-29",
    century_not_leap: "1900-03-01",
    year_2000_leap: "2000-02-28",
    mid_year: "2026-07-02",
    end_of_february: "2026-02-28",
  }));

/** A timestamp up to the year 2999, so that a booking of the longest length still ends in a four-digit year. */
const BOOKING_START = { type: "string", pattern: "^(19|2[0-9])[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$" };
spec("end_time_of_booking",
  "When a booking ends: it starts at a date and time (YYYY-MM-DDTHH:MM:SS) and lasts the given number of minutes. The end as a timestamp in the same form, running into the next days, months or years as needed; no time zone changes are involved.",
  obj({ start: BOOKING_START, minutes: { type: "integer", minimum: 0, maximum: 1000000 } }), TIMESTAMP,
  [{ start: "2026-12-04T09:30:00", minutes: 90 }, { start: "2026-12-04T22:00:00", minutes: 180 }],
  {
    zero_minutes: { start: "2026-12-04T12:00:00", minutes: 0 },
    seconds_kept: { start: "2026-12-04T10:15:45", minutes: 1 },
    exactly_midnight: { start: "2026-12-04T23:00:00", minutes: 60 },
    across_year_end: { start: "2026-12-31T23:30:00", minutes: 45 },
    into_leap_day: { start: "2028-02-28T20:00:00", minutes: 600 },
    century_non_leap: { start: "2100-02-28T23:59:59", minutes: 1 },
    one_week: { start: "2026-12-01T08:00:00", minutes: 10080 },
    many_days_across_months: { start: "2026-01-30T06:00:00", minutes: 50000 },
  });

spec("events_per_iso_week",
  "Count events per ISO week: each date belongs to an ISO week (weeks start on Monday; week 1 of a year is the one with that year's first Thursday), labelled like \"2026-W49\" with the ISO week's own year and a two-digit week. An object from label to count, labels in ascending order.",
  obj({ dates: arr(ISO_DATE) }), mapOf(COUNT),
  [{ dates: ["2026-12-01", "2026-12-04", "2026-12-08"] }, { dates: ["2026-03-02", "2026-03-08"] }],
  each("dates", {
    no_dates: [],
    sunday_and_monday_split: ["2026-12-06", "2026-12-07"],
    new_year_in_previous_years_week: ["2027-01-01", "2027-01-03"],
    december_in_next_years_week: ["2024-12-30", "2025-01-01"],
    week_53: ["2026-12-31", "2020-12-31"],
    unsorted_input: ["2026-06-15", "2026-01-05", "2026-06-16"],
    single_digit_week_padded: ["2026-02-10"],
    same_date_twice: ["2026-05-05", "2026-05-05"],
  }));

const YEAR_MONTH = { type: "string", pattern: "^(19|20)[0-9]{2}-(0[1-9]|1[0-2])$" };
spec("month_ends_in_range",
  "The last day of every month from one month to another, both included (months given as YYYY-MM), as YYYY-MM-DD dates in order, for scheduling month-end reports. Empty when the end month is before the start month.",
  obj({ from: YEAR_MONTH, to: YEAR_MONTH }), arr(ISO_DATE),
  [{ from: "2026-01", to: "2026-04" }, { from: "2026-11", to: "2027-02" }],
  {
    same_month: { from: "2026-06", to: "2026-06" },
    end_before_start: { from: "2026-05", to: "2026-04" },
    leap_february: { from: "2024-02", to: "2024-03" },
    century_february_not_leap: { from: "1900-02", to: "1900-02" },
    year_2000_february: { from: "2000-01", to: "2000-02" },
    whole_year: { from: "2025-01", to: "2025-12" },
    thirty_day_months: { from: "2026-09", to: "2026-11" },
    previous_year_end: { from: "2027-01", to: "2026-12" },
  });

const shift = (start, end) => ({ start, end });
spec("overlap_minutes_of_two_shifts",
  "How many minutes two work shifts overlap: both shifts start on the same day, each with a start and end time (HH:MM, 24-hour); a shift whose end is earlier than its start runs past midnight into the next day, and one whose end equals its start lasts no time. The overlap in minutes (0 when they don't overlap).",
  obj({ a: obj({ start: HHMM, end: HHMM }), b: obj({ start: HHMM, end: HHMM }) }), COUNT,
  [{ a: shift("09:00", "17:00"), b: shift("13:00", "21:00") }, { a: shift("22:00", "06:00"), b: shift("20:00", "23:30") }],
  {
    no_overlap: { a: shift("06:00", "12:00"), b: shift("13:00", "18:00") },
    touching_ends: { a: shift("06:00", "14:00"), b: shift("14:00", "22:00") },
    one_inside_other: { a: shift("08:00", "20:00"), b: shift("10:15", "11:45") },
    both_overnight: { a: shift("21:00", "05:00"), b: shift("23:00", "07:00") },
    overnight_vs_early_same_day: { a: shift("22:00", "06:00"), b: shift("01:00", "09:00") },
    zero_length: { a: shift("10:00", "10:00"), b: shift("09:00", "11:00") },
    identical: { a: shift("07:30", "15:45"), b: shift("07:30", "15:45") },
    until_midnight: { a: shift("18:00", "00:00"), b: shift("23:00", "02:00") },
  });

spec("eu_summer_time_on_date",
  "Whether a date falls in EU summer time: summer time runs from the last Sunday of March up to the last Sunday of October. Count the March changeover Sunday as summer time and the October changeover Sunday as not summer time. true or false.",
  obj({ date: ISO_DATE }), { type: "boolean" },
  [{ date: "2026-07-15" }, { date: "2026-12-04" }],
  each("date", {
    march_changeover_sunday: "2026-03-29",
    saturday_before_march_change: "2026-03-28",
    october_changeover_sunday: "2026-10-25",
    saturday_before_october_change: "2026-10-24",
    first_of_april: "2026-04-01",
    last_sunday_is_31st: "2024-03-31",
    new_years_day: "2027-01-01",
    october_first: "2025-10-01",
  }));

spec("work_block_start_times",
  "Plan focused work blocks: starting at a clock time, do the given number of blocks, each of workMinutes followed by a break of breakMinutes. The start time of each block as HH:MM (24-hour), wrapping past midnight.",
  obj({ start: HHMM, blocks: { type: "integer", minimum: 0, maximum: 50 }, workMinutes: { type: "integer", minimum: 1, maximum: 480 }, breakMinutes: { type: "integer", minimum: 0, maximum: 240 } }), arr(HHMM),
  [{ start: "09:00", blocks: 3, workMinutes: 25, breakMinutes: 5 }, { start: "14:30", blocks: 2, workMinutes: 50, breakMinutes: 10 }],
  {
    no_blocks: { start: "09:00", blocks: 0, workMinutes: 25, breakMinutes: 5 },
    one_block: { start: "07:45", blocks: 1, workMinutes: 90, breakMinutes: 15 },
    no_breaks: { start: "10:00", blocks: 4, workMinutes: 15, breakMinutes: 0 },
    past_midnight: { start: "23:00", blocks: 3, workMinutes: 40, breakMinutes: 10 },
    across_hour: { start: "08:50", blocks: 2, workMinutes: 7, breakMinutes: 3 },
    long_blocks: { start: "00:00", blocks: 3, workMinutes: 480, breakMinutes: 240 },
    odd_minutes: { start: "13:13", blocks: 3, workMinutes: 17, breakMinutes: 4 },
    many_blocks: { start: "06:00", blocks: 8, workMinutes: 25, breakMinutes: 5 },
  });

spec("weekend_dates_moved_to_monday",
  "Move dates that fall on a weekend to the following Monday (Saturday and Sunday both go to the Monday after), leaving weekday dates as they are; the list in the same order, as YYYY-MM-DD.",
  obj({ dates: arr(ISO_DATE) }), arr(ISO_DATE),
  [{ dates: ["2026-12-05", "2026-12-07"] }, { dates: ["2026-12-06", "2026-12-04"] }],
  each("dates", {
    no_dates: [],
    friday_stays: ["2026-12-11"],
    saturday_across_month_end: ["2026-01-31"],
    sunday_across_year_end: ["2028-12-31"],
    saturday_leap_february: ["2020-02-29"],
    same_date_twice: ["2026-12-12", "2026-12-12"],
    all_weekdays: ["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10"],
    sunday_before_new_year: ["2023-12-31"],
  }));

// ---- utility functions (5) -----------------------------------------------------------------------

spec("nested_object_to_dotted_keys",
  "Flatten a nested settings object into dotted keys: every value that is not itself a non-empty object (numbers, texts, booleans, null, lists and empty objects) gets a key made of the keys leading to it joined with dots, like \"db.pool.size\". The flat object, keys in the order met walking the object depth first.",
  obj({ value: { type: "object" } }), mapOf(ANY_JSON),
  [{ value: { db: { host: "localhost", port: 5432 }, debug: true } }, { value: { a: { b: { c: 1 } }, d: [1, 2] } }],
  each("value", {
    empty: {},
    already_flat: { x: 1, y: "two" },
    empty_object_kept: { cache: {}, name: "n" },
    null_value: { a: { b: null } },
    list_of_objects_is_leaf: { items: [{ id: 1 }] },
    deep: { l1: { l2: { l3: { l4: "deep" } } } },
    key_with_dot_kept: { "a.b": { c: 1 } },
    siblings_order: { z: { y: 1, x: 2 }, a: 3 },
  }));

spec("consecutive_equal_runs",
  "Split a list into runs of equal neighbouring values: each run is a list of the values that are equal to each other and next to each other, in order. A number and a text that look alike (1 and \"1\") are different.",
  obj({ items: arr(SCALAR) }), arr(arr(SCALAR)),
  [{ items: [1, 1, 2, 3, 3, 3] }, { items: ["a", "b", "b", "a"] }],
  each("items", {
    empty: [],
    single: [7],
    all_same: ["x", "x", "x"],
    all_different: [1, 2, 3],
    number_and_text_apart: [1, "1", 1],
    same_value_later_new_run: [5, 5, 6, 5, 5],
    empty_strings: ["", "", "a"],
    decimals: [0.5, 0.5, 1.5],
  }));

spec("merged_sorted_lists",
  "Merge two lists of numbers that are each in ascending order into one ascending list, keeping repeats (a value in both lists appears twice).",
  obj({ a: arr({ type: "number" }), b: arr({ type: "number" }) }), arr({ type: "number" }),
  [{ a: [1, 4, 9], b: [2, 3, 10] }, { a: [5, 6], b: [1] }],
  {
    both_empty: { a: [], b: [] },
    a_empty: { a: [], b: [3, 4] },
    b_empty: { a: [-1, 0], b: [] },
    shared_values: { a: [1, 2, 2], b: [2, 3] },
    negatives: { a: [-10, -3, 0], b: [-5, 1] },
    all_of_b_first: { a: [7, 8], b: [1, 2, 3] },
    decimals: { a: [0.1, 0.3], b: [0.2, 0.25] },
    one_each_equal: { a: [4], b: [4] },
  });

spec("position_of_largest",
  "The position (counting from 0) of the largest number in a list; when the largest value appears more than once, its first position. -1 for an empty list.",
  obj({ values: arr({ type: "number" }) }), { type: "integer", minimum: -1 },
  [{ values: [3, 9, 4] }, { values: [10, 2, 10] }],
  each("values", {
    empty: [],
    one_value: [42],
    all_negative: [-5, -2, -9],
    largest_last: [1, 2, 3],
    all_equal: [7, 7, 7],
    zeros_and_negatives: [-1, 0, -3, 0],
    decimals: [1.25, 1.5, 1.49],
    largest_first: [100, 1, 50],
  }));

spec("all_pairs_of_two_lists",
  "Every combination of an item from the first list with an item from the second, as two-item lists: all pairs with the first item of a first (in b's order), then the second item of a, and so on. Empty when either list is empty.",
  obj({ a: arr(SCALAR), b: arr(SCALAR) }), arr(arr(SCALAR)),
  [{ a: ["S", "M"], b: ["red", "blue"] }, { a: [1, 2, 3], b: ["x"] }],
  {
    both_empty: { a: [], b: [] },
    a_empty: { a: [], b: [1, 2] },
    b_empty: { a: ["x"], b: [] },
    single_each: { a: ["only"], b: [0] },
    repeats_kept: { a: ["a", "a"], b: [1] },
    mixed_types: { a: [1, "1"], b: ["p", 2] },
    three_by_three: { a: ["a", "b", "c"], b: [1, 2, 3] },
    same_lists: { a: [0, 1], b: [0, 1] },
  });
