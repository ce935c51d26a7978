// The specs of tests/fixtures/specs/holdout22 without their outputs: description, schemas and the
// inputs of the examples and the named tests. scripts/make-holdout22-specs.mjs adds the outputs.
// New tasks (none a renamed task of an earlier set, checked against the file names of every set under
// tests/fixtures/specs and tests/fixtures/strings, and the descriptions of holdout19, holdout20 and
// holdout21), written without running the synthesizer or reading its code, in the proportions of the
// brief: 20 records and lists, 15 strings, 10 numbers and units, 10 dates and times, 5 utility
// functions; about a third of them simple everyday tasks.

import { obj, arr, HHMM } from "./spec-schemas.mjs";
const NUMBER = { type: "number" };
const NONNEG = { type: "number", minimum: 0 };
const INTEGER = { type: "integer" };
const COUNT = { type: "integer", minimum: 0 };
const TEXT = { type: "string" };
const BOOL = { type: "boolean" };
/** A real calendar date's shape: months 01-12 and days 01-31. */
const ISO_DATE = { type: "string", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" };
/** A date of the years 1900 to 2099, for tasks that walk through the days or months of a range. */
const NEAR_DATE = { type: "string", pattern: "^(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" };
/** A date the program writes: a date after 9999-12-31 runs into a five-digit year. */
const OUT_DATE = { type: "string", pattern: "^[0-9]{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" };
const NEAR_STAMP = { type: "string", pattern: "^(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]$" };
const OUT_STAMP = { type: "string", pattern: "^[0-9]{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]$" };
const WEEKDAY = { type: "string", enum: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] };
const mapOf = (values) => ({ type: "object", additionalProperties: values });
const orNull = (s) => ({ anyOf: [s, { type: "null" }] });
const int = (minimum, maximum) => ({ type: "integer", minimum, maximum });
const num = (minimum, maximum) => ({ type: "number", minimum, maximum });
const upTo = (items, maxItems) => ({ ...arr(items), maxItems });
/** One single-field input per value: each("text", {empty: ""}) -> {empty: {text: ""}}. */
const each = (field, named) => Object.fromEntries(Object.entries(named).map(([name, v]) => [name, { [field]: v }]));

export const SPECS = [];
const spec = (capability, description, inputSchema, outputSchema, examples, tests) =>
  SPECS.push({ capability, description, inputSchema, outputSchema, examples, tests });

// ---- records and lists (20) ----------------------------------------------------------------------

const night = (date, lowC) => ({ date, lowC });
spec("frost_nights_count",
  "How many nights had a frost? Each reading has a `date` and that night's lowest temperature `lowC` in °C. A night with a frost is one whose low is below 0 °C (a low of exactly 0 is not a frost). Every reading counts, even when a date is listed twice. Return the number of frost nights; 0 when there are no readings.",
  obj({ nights: arr(obj({ date: ISO_DATE, lowC: NUMBER })) }), COUNT,
  [
    { nights: [night("2026-12-01", -2.5), night("2026-12-02", 3), night("2026-12-03", -0.5)] },
    { nights: [night("2026-11-20", 4), night("2026-11-21", 1.5), night("2026-11-22", -1), night("2026-11-23", 6)] },
  ],
  each("nights", {
    no_readings: [],
    exactly_zero_is_no_frost: [night("2026-12-01", 0), night("2026-12-02", 0)],
    just_below_zero: [night("2026-12-01", -0.1), night("2026-12-02", 0.1)],
    all_frost: [night("2027-01-01", -8), night("2027-01-02", -12.5), night("2027-01-03", -3)],
    none_frost: [night("2026-07-01", 14), night("2026-07-02", 11)],
    repeated_date_counts_each: [night("2026-12-05", -1), night("2026-12-05", -2)],
    deep_cold: [night("2026-02-01", -40)],
    one_warm_one_cold: [night("2026-03-01", 2), night("2026-03-02", -4)],
  }));

const call = (contact, seconds) => ({ contact, seconds });
spec("longest_call_per_contact",
  "From my phone's call log, the longest call with each contact: each call has a `contact` and its length in `seconds`. Return an object from each contact (exactly as written, so \"Mum\" and \"mum\" are different) to the length of their longest call in seconds, contacts in order of first appearance in the log. Missed calls have 0 seconds and still count, so a contact with only missed calls gets 0.",
  obj({ calls: arr(obj({ contact: TEXT, seconds: COUNT })) }), mapOf(COUNT),
  [
    { calls: [call("Mum", 320), call("Dentist", 95), call("Mum", 1210), call("Sam", 40)] },
    { calls: [call("Work", 600), call("Work", 45)] },
  ],
  each("calls", {
    empty_log: [],
    missed_calls_only: [call("Unknown", 0), call("Unknown", 0)],
    names_case_sensitive: [call("Mum", 10), call("mum", 99)],
    single_call: [call("Bank", 181)],
    equal_longest: [call("A", 60), call("A", 60)],
    later_contact_first_kept_order: [call("Zoe", 5), call("Adam", 500), call("Zoe", 700)],
    missed_then_answered: [call("Tom", 0), call("Tom", 42)],
    spaces_kept_in_names: [call("Ann ", 3), call("Ann", 4)],
  }));

const match = (home, away, homeGoals, awayGoals) => ({ home, away, homeGoals, awayGoals });
spec("win_draw_loss_per_team",
  "Each team's record from the match results: every match has a `home` and an `away` team and the goals each scored (`homeGoals`, `awayGoals`). The team with more goals wins and the other loses; equal goals is a draw for both. Return an object from each team to {won, drawn, lost}, teams in order of first appearance (within a match, home before away). Team names are compared exactly, and a match of a team against itself is ignored.",
  obj({ matches: arr(obj({ home: TEXT, away: TEXT, homeGoals: COUNT, awayGoals: COUNT })) }), mapOf(obj({ won: COUNT, drawn: COUNT, lost: COUNT })),
  [
    { matches: [match("Rovers", "United", 2, 1), match("City", "Rovers", 0, 0), match("United", "City", 3, 1)] },
    { matches: [match("Hawks", "Owls", 1, 4), match("Owls", "Hawks", 2, 2)] },
  ],
  each("matches", {
    no_matches: [],
    goalless_draw: [match("A", "B", 0, 0)],
    away_win: [match("A", "B", 0, 5)],
    team_against_itself_ignored: [match("A", "A", 3, 1), match("B", "C", 1, 0)],
    names_case_sensitive: [match("Reds", "reds", 1, 0)],
    one_team_many_games: [match("X", "Y", 1, 0), match("X", "Z", 0, 1), match("W", "X", 2, 2), match("X", "V", 4, 0)],
    order_home_before_away: [match("Second", "First", 1, 1), match("First", "Third", 0, 2)],
    high_scores: [match("P", "Q", 10, 9)],
  }));

spec("column_totals_of_table",
  "Add up each column of a table of numbers, like the totals row of a spreadsheet: `rows` is a list of rows, each a list of numbers. Return the column totals, first column first, each rounded to 2 decimals (halves up). Rows may have different lengths: a missing cell counts as 0, and there are as many totals as the longest row has cells ([] when there are no rows or only empty ones).",
  obj({ rows: arr(arr(NUMBER)) }), arr(NUMBER),
  [
    { rows: [[1, 2, 3], [4, 5, 6]] },
    { rows: [[12.5, 3], [7.25, 1], [0.25, 10]] },
  ],
  each("rows", {
    no_rows: [],
    only_empty_rows: [[], []],
    ragged_rows: [[1], [1, 2, 3], [1, 2]],
    single_row: [[9.99, 0, -1]],
    negatives_cancel: [[5, -2], [-5, 2]],
    cents_add_up: [[0.1, 0.7], [0.2, 0.1]],
    empty_row_in_middle: [[1, 1], [], [2, 2]],
    single_column: [[3], [4], [5]],
  }));

spec("rock_paper_scissors_tally",
  "Score a game of rock-paper-scissors between two players: each round is a pair [first player's move, second player's move], each \"rock\", \"paper\" or \"scissors\" (upper/lower case and spaces at either end ignored). Rock beats scissors, scissors beats paper and paper beats rock; the same move twice is a draw. A round with any other move, or that is not exactly two moves, is not counted. Return {first, second, draws}: the rounds won by each player and the drawn rounds.",
  obj({ rounds: arr(arr(TEXT)) }), obj({ first: COUNT, second: COUNT, draws: COUNT }),
  [
    { rounds: [["rock", "scissors"], ["paper", "scissors"], ["rock", "rock"]] },
    { rounds: [["scissors", "paper"], ["paper", "rock"], ["rock", "paper"], ["scissors", "rock"]] },
  ],
  each("rounds", {
    no_rounds: [],
    all_draws: [["paper", "paper"], ["scissors", "scissors"]],
    case_and_spaces_ignored: [[" Rock", "SCISSORS "], ["Paper", "rock"]],
    unknown_move_not_counted: [["rock", "lizard"], ["spock", "paper"], ["rock", "paper"]],
    wrong_length_not_counted: [["rock"], ["rock", "paper", "scissors"], ["scissors", "paper"]],
    empty_move_not_counted: [["", "rock"]],
    second_player_sweeps: [["rock", "paper"], ["paper", "scissors"], ["scissors", "rock"]],
    inner_space_not_a_move: [["pa per", "rock"]],
  }));

const did = (child, chore) => ({ child, chore });
spec("chore_points_per_child",
  "Add up the points each child earned for chores: `points` gives each chore's points and `done` lists who did which chore (a chore done twice counts twice). Chore names are compared ignoring upper/lower case; when `points` lists a chore twice in different cases, the first one counts, and a chore not in `points` earns nothing. Return an object from each child in `done` (names exactly as written, in order of first appearance) to their total points.",
  obj({ points: mapOf(COUNT), done: arr(obj({ child: TEXT, chore: TEXT })) }), mapOf(COUNT),
  [
    { points: { dishes: 3, hoover: 5, bins: 2 }, done: [did("Ella", "dishes"), did("Max", "hoover"), did("Ella", "bins"), did("Ella", "dishes")] },
    { points: { "walk dog": 4, "tidy room": 2 }, done: [did("Jo", "walk dog"), did("Kit", "tidy room")] },
  ],
  {
    nothing_done: { points: { dishes: 3 }, done: [] },
    unknown_chore_earns_nothing: { points: { dishes: 3 }, done: [did("Ella", "homework")] },
    case_ignored: { points: { Dishes: 3 }, done: [did("Ella", "DISHES"), did("Ella", "dishes")] },
    first_listing_counts: { points: { bins: 2, BINS: 9 }, done: [did("Max", "Bins")] },
    zero_point_chore: { points: { "feed cat": 0 }, done: [did("Kit", "feed cat")] },
    child_names_exact: { points: { bins: 1 }, done: [did("Max", "bins"), did("max", "bins")] },
    no_points_table: { points: {}, done: [did("Jo", "bins"), did("Jo", "dishes")] },
    spaces_matter: { points: { bins: 2 }, done: [did("Jo", " bins")] },
  });

const trip = (mode, km) => ({ mode, km });
spec("distance_by_travel_mode",
  "Where did my kilometres come from? Each trip has a `mode` (\"bike\", \"bus\", ...) and its distance in `km`. Add up the km per mode (modes compared exactly) and return [{mode, km}] with km rounded to 1 decimal (halves up), the biggest rounded total first; modes with equal rounded totals in alphabetical order (plain character order, capitals first).",
  obj({ trips: arr(obj({ mode: TEXT, km: NONNEG })) }), arr(obj({ mode: TEXT, km: NONNEG })),
  [
    { trips: [trip("bike", 4.2), trip("bus", 12), trip("bike", 3.9), trip("walk", 1.1)] },
    { trips: [trip("train", 48.5), trip("car", 20.27)] },
  ],
  each("trips", {
    no_trips: [],
    single_trip: [trip("walk", 0.8)],
    tie_alphabetical: [trip("walk", 5), trip("bike", 5), trip("Bus", 5)],
    equal_after_rounding: [trip("tram", 3.04), trip("bus", 3.01)],
    zero_km_trip_listed: [trip("ferry", 0), trip("car", 2)],
    modes_case_sensitive: [trip("Bike", 1), trip("bike", 2)],
    many_small_trips: [trip("bike", 0.1), trip("bike", 0.2), trip("bike", 0.3), trip("walk", 0.5)],
    long_distances: [trip("plane", 1234.56), trip("train", 987.64)],
  }));

const sl = (last, rolls, jumps) => ({ last, rolls, jumps });
const BOARD = { 3: 22, 5: 8, 11: 26, 20: 29, 17: 4, 19: 7, 21: 9, 27: 1 };
spec("snakes_and_ladders_final_square",
  "Play snakes and ladders for one player: start on square 0 (off the board) and, for each die roll in order, move forward that many squares. The board ends at square `last`; a roll that would go past it bounces back: move forward to `last` and back by the squares left over (never below 0). Landing exactly on `last` ends the game, and later rolls are ignored. Otherwise, when the square landed on is in `jumps` (squares written as whole numbers without leading zeros, like \"17\", each mapped to where its ladder or snake takes you), go there, one jump per move (no jumping on from where you arrive); a jump to a square outside 0 to `last` is not taken, and a jump that arrives on `last` also ends the game. Return the square the player ends on.",
  obj({ last: int(1, 200), rolls: arr(int(1, 6)), jumps: mapOf(int(0, 1000)) }), COUNT,
  [
    sl(30, [3, 4, 6, 2], BOARD),
    sl(30, [5, 5, 6, 6, 6], BOARD),
  ],
  {
    no_rolls: sl(30, [], BOARD),
    ladder_to_the_end: sl(30, [6, 5, 6, 3, 6, 1], { 27: 30 }),
    exact_finish_ignores_later_rolls: sl(10, [4, 6, 3, 2], {}),
    bounce_back: sl(10, [6, 6], {}),
    bounce_onto_snake: sl(10, [6, 6], { 8: 2 }),
    no_chained_jumps: sl(30, [2, 1], { 2: 5, 5: 25 }),
    jump_off_board_not_taken: sl(20, [4], { 4: 50 }),
    tiny_board_never_below_zero: sl(1, [6, 1], {}),
  });

spec("utility_bill_split_by_days",
  "Split a shared utility bill between flatmates by the days each lived in the flat during the billing period: each person's share is totalCents × their days ÷ everyone's days added up. Everyone first pays their share in whole cents rounded down; the cents still missing go one each to the people whose shares lost the biggest fractions of a cent (equal fractions: earlier in the list first). A name listed twice is one person with the days added up. Return an object from name to cents, names in order of first appearance; when nobody has any days, everyone pays 0.",
  obj({ totalCents: int(0, 100000000), people: arr(obj({ name: TEXT, days: int(0, 366) })) }), mapOf(COUNT),
  [
    { totalCents: 12000, people: [{ name: "Ana", days: 30 }, { name: "Ben", days: 30 }, { name: "Cy", days: 15 }] },
    { totalCents: 10000, people: [{ name: "Dee", days: 31 }, { name: "Eli", days: 10 }] },
  ],
  {
    nobody: { totalCents: 5000, people: [] },
    no_days_at_all: { totalCents: 5000, people: [{ name: "A", days: 0 }, { name: "B", days: 0 }] },
    even_split_remainder_to_first: { totalCents: 100, people: [{ name: "A", days: 10 }, { name: "B", days: 10 }, { name: "C", days: 10 }] },
    biggest_fraction_gets_cent: { totalCents: 1000, people: [{ name: "A", days: 1 }, { name: "B", days: 2 }, { name: "C", days: 4 }] },
    zero_days_pays_nothing: { totalCents: 999, people: [{ name: "A", days: 0 }, { name: "B", days: 28 }] },
    name_twice_added: { totalCents: 3000, people: [{ name: "A", days: 10 }, { name: "B", days: 10 }, { name: "A", days: 10 }] },
    zero_bill: { totalCents: 0, people: [{ name: "A", days: 5 }] },
    one_cent_three_people: { totalCents: 1, people: [{ name: "A", days: 3 }, { name: "B", days: 5 }, { name: "C", days: 4 }] },
  });

const prod = (sku, price, cost, competitors) => ({ sku, price, cost, competitors });
spec("price_matched_to_competitors",
  "Price-match our products: each product has our `price`, its `cost` to us and the `competitors`' prices for it. The candidate price is the lowest competitor price minus 0.01, raised to cost × 1.05 when it is below that (we never sell at less than a 5% margin). When the candidate is below our price, it becomes the new price; otherwise our price stays, and a product with no competitor prices keeps its price too. Return [{sku, price}] in list order with prices rounded to 2 decimals (halves up).",
  obj({ products: arr(obj({ sku: TEXT, price: NONNEG, cost: NONNEG, competitors: arr(NONNEG) })) }), arr(obj({ sku: TEXT, price: NONNEG })),
  [
    { products: [prod("kettle", 29.99, 18, [27.5, 31]), prod("toaster", 24.99, 15, [26, 25.49])] },
    { products: [prod("lamp", 40, 30, [33]), prod("mug", 6.5, 2, [])] },
  ],
  each("products", {
    no_products: [],
    no_competitors_keeps_price: [prod("a", 10, 5, [])],
    competitor_dearer_keeps_price: [prod("a", 10, 5, [12, 10.5])],
    competitor_one_cent_above: [prod("a", 10, 5, [10.01])],
    margin_floor: [prod("a", 10, 9, [8])],
    floor_above_our_price_keeps_it: [prod("a", 10, 9.8, [9])],
    lowest_of_several: [prod("a", 50, 10, [45, 39.99, 41])],
    zero_cost: [prod("a", 3, 0, [0.5])],
  }));

spec("mastermind_pegs",
  "Score a Mastermind guess against the secret code: both are lists of colours, compared exactly. Black pegs are the positions where the guess has the same colour as the secret. White pegs are the guess's right colours in the wrong places: for each colour, take the smaller of how often it is in the guess and how often in the secret, add these up over all colours and subtract the black pegs. Return {black, white}.",
  obj({ secret: arr(TEXT), guess: arr(TEXT) }), obj({ black: COUNT, white: COUNT }),
  [
    { secret: ["red", "blue", "green", "yellow"], guess: ["red", "green", "blue", "purple"] },
    { secret: ["red", "red", "blue", "blue"], guess: ["blue", "red", "white", "white"] },
  ],
  {
    all_right: { secret: ["a", "b", "c", "d"], guess: ["a", "b", "c", "d"] },
    nothing_right: { secret: ["a", "a", "a", "a"], guess: ["b", "c", "d", "e"] },
    all_colours_wrong_places: { secret: ["a", "b", "c", "d"], guess: ["d", "c", "b", "a"] },
    repeated_guess_colour_counted_once: { secret: ["a", "b", "c", "d"], guess: ["b", "b", "b", "b"] },
    repeated_secret_colour: { secret: ["a", "a", "b", "b"], guess: ["a", "b", "a", "c"] },
    case_sensitive: { secret: ["Red", "blue"], guess: ["red", "Blue"] },
    empty_lists: { secret: [], guess: [] },
    different_lengths: { secret: ["a", "b"], guess: ["b", "a", "a"] },
  });

const tap = (date, fare) => ({ date, fare });
spec("fares_with_daily_cap",
  "What my travel card charges per day with a daily cap: each tap has a `date` (YYYY-MM-DD) and a `fare`. A day's fares are added up, but a day never costs more than `cap`: once the cap is reached, further taps that day are free. Return an object from each date with taps to what was charged that day, rounded to 2 decimals (halves up), dates in calendar order (earliest first).",
  obj({ cap: NONNEG, taps: arr(obj({ date: ISO_DATE, fare: NONNEG })) }), mapOf(NONNEG),
  [
    { cap: 8.1, taps: [tap("2026-12-07", 2.8), tap("2026-12-07", 2.8), tap("2026-12-07", 2.8), tap("2026-12-08", 1.75)] },
    { cap: 5, taps: [tap("2026-12-02", 1.5), tap("2026-12-01", 4), tap("2026-12-01", 4)] },
  ],
  {
    no_taps: { cap: 8, taps: [] },
    exactly_at_cap: { cap: 6, taps: [tap("2026-12-07", 3), tap("2026-12-07", 3), tap("2026-12-07", 3)] },
    under_cap: { cap: 10, taps: [tap("2026-12-07", 2.4), tap("2026-12-07", 2.4)] },
    cents_add_exactly: { cap: 0.3, taps: [tap("2026-12-07", 0.1), tap("2026-12-07", 0.2)] },
    zero_cap_all_free: { cap: 0, taps: [tap("2026-12-07", 2.5)] },
    across_year_end: { cap: 7, taps: [tap("2027-01-01", 3.5), tap("2026-12-31", 5), tap("2026-12-31", 5)] },
    free_tap_still_listed: { cap: 7, taps: [tap("2026-12-09", 0)] },
    single_fare_above_cap: { cap: 4, taps: [tap("2026-12-10", 12)] },
  });

const job = (id, days, needs) => ({ id, days, needs });
spec("project_finish_day_from_dependencies",
  "How many days will a project take? Each task has an `id`, a number of `days` and the ids it `needs` finished first. A task starts as soon as everything it needs has finished (tasks that do not wait on each other run at the same time), and the project ends when its last task finishes. Return the number of days from the start to the end of the project (0 when there are no tasks). Needs naming no task are ignored, and when an id is listed twice only its first listing counts. When the needs go round in a circle (a task needing itself too), return null.",
  obj({ tasks: arr(obj({ id: TEXT, days: COUNT, needs: arr(TEXT) })) }), orNull(COUNT),
  [
    { tasks: [job("design", 3, []), job("build", 5, ["design"]), job("docs", 2, ["design"]), job("test", 2, ["build"])] },
    { tasks: [job("a", 4, []), job("b", 6, [])] },
  ],
  each("tasks", {
    no_tasks: [],
    single_task: [job("only", 7, [])],
    longest_chain_wins: [job("a", 1, []), job("b", 1, ["a"]), job("c", 1, ["b"]), job("d", 2, ["a"])],
    waits_for_slowest_need: [job("a", 2, []), job("b", 9, []), job("c", 1, ["a", "b"])],
    unknown_need_ignored: [job("a", 3, ["ghost"])],
    circle_gives_null: [job("a", 1, ["b"]), job("b", 1, ["a"]), job("c", 5, [])],
    needs_itself: [job("a", 2, ["a"])],
    id_twice_first_counts: [job("a", 2, []), job("b", 3, ["a"]), job("a", 10, [])],
  }));

const person = (name, cm) => ({ name, cm });
spec("photo_rows_by_height",
  "Arrange people for a group photo: sort them by height in cm, shortest first (equal heights in alphabetical order of name, plain character order, capitals first), then fill rows of `perRow` people from the front: the first perRow people make the front row, the next perRow the row behind, and so on; the back row may be shorter. Return the rows from front to back, each a list of names in that order. No people, or perRow 0, gives [].",
  obj({ people: arr(obj({ name: TEXT, cm: NONNEG })), perRow: int(0, 50) }), arr(arr(TEXT)),
  [
    { people: [person("Ava", 150), person("Ben", 182), person("Cal", 165), person("Dot", 171), person("Eve", 158)], perRow: 3 },
    { people: [person("Kim", 140), person("Lou", 120), person("Mo", 130), person("Ned", 110)], perRow: 2 },
  ],
  {
    nobody: { people: [], perRow: 3 },
    per_row_zero: { people: [person("A", 150)], perRow: 0 },
    one_row_holds_all: { people: [person("B", 170), person("A", 160)], perRow: 10 },
    equal_heights_by_name: { people: [person("zed", 160), person("Amy", 160), person("bob", 160)], perRow: 2 },
    one_per_row: { people: [person("X", 180), person("Y", 175), person("Z", 190)], perRow: 1 },
    exact_rows: { people: [person("a", 1), person("b", 4), person("c", 3), person("d", 2)], perRow: 2 },
    decimal_heights: { people: [person("P", 162.5), person("Q", 162.4)], perRow: 2 },
    same_name_twice: { people: [person("Sam", 170), person("Sam", 150), person("Al", 160)], perRow: 2 },
  });

spec("darts_score_left_after_turns",
  "Play a game of darts counting down from `start` (501 in a normal game) for one player: each turn is the list of the darts' scores thrown in it, and only its first three darts count. Each dart's score is taken off in turn. When a dart takes the score below 0 or to exactly 1, the turn is bust: it ends at once and the score goes back to what it was at the start of that turn. Reaching exactly 0 wins: the game ends and every later dart and turn is ignored. Return the score left.",
  obj({ start: int(2, 1001), turns: arr(arr(int(0, 60))) }), COUNT,
  [
    { start: 501, turns: [[60, 60, 60], [20, 1, 5], [57, 19, 60]] },
    { start: 101, turns: [[60, 20, 1], [20, 20]] },
  ],
  {
    no_turns: { start: 501, turns: [] },
    finish_exactly: { start: 40, turns: [[20, 20]] },
    bust_below_zero: { start: 40, turns: [[20, 30], [10, 10]] },
    bust_on_one: { start: 40, turns: [[39], [20]] },
    win_ignores_the_rest: { start: 32, turns: [[16, 16, 60], [60]] },
    only_three_darts_count: { start: 301, turns: [[1, 1, 1, 60, 60]] },
    all_misses: { start: 170, turns: [[0, 0, 0], [0]] },
    empty_turn: { start: 60, turns: [[], [60]] },
  });

const hole = (par, strokes, shots) => ({ par, strokes, shots });
spec("stableford_points_total",
  "A golfer's Stableford points for a round: on each hole, with its `par`, the `strokes` taken and the handicap `shots` received there, the net score is strokes minus shots, and the hole scores 2 plus par minus the net score, but never below 0 (so a net par is 2 points, a net birdie 3, a net double bogey or worse 0). A hole with 0 strokes was not finished and scores 0. Return the round's total.",
  obj({ holes: arr(obj({ par: int(3, 6), strokes: int(0, 20), shots: int(-2, 4) })) }), COUNT,
  [
    { holes: [hole(4, 5, 1), hole(3, 3, 0), hole(5, 8, 1), hole(4, 3, 1)] },
    { holes: [hole(4, 4, 0), hole(4, 4, 0)] },
  ],
  each("holes", {
    no_holes: [],
    not_finished_scores_zero: [hole(4, 0, 2)],
    net_double_bogey_zero: [hole(4, 7, 1)],
    never_below_zero: [hole(3, 12, 0)],
    hole_in_one_par_five: [hole(5, 1, 0)],
    plus_handicap_shot_given_back: [hole(4, 4, -1)],
    two_shots_received: [hole(5, 6, 2)],
    net_bogey_one_point: [hole(3, 5, 1), hole(4, 5, 0)],
  }));

const slot = (name, capacity) => ({ name, capacity });
const ord = (id, slot) => ({ id, slot });
spec("delivery_slot_assignments",
  "Assign grocery orders to delivery slots: the slots are listed in time order, each with a `name` and a `capacity` (how many orders it can take). Orders are handled in list order: each goes to the slot it asked for when that slot still has room, otherwise to the first later slot with room. An order whose slot does not exist, or when no slot from its chosen one on has room, gets null. Slot names are compared exactly; when two slots have the same name, an order asking for it means the first. Return [{id, slot}] in order of the orders.",
  obj({ slots: arr(obj({ name: TEXT, capacity: int(0, 1000) })), orders: arr(obj({ id: TEXT, slot: TEXT })) }), arr(obj({ id: TEXT, slot: orNull(TEXT) })),
  [
    { slots: [slot("Mon 8-10", 2), slot("Mon 10-12", 1), slot("Mon 12-14", 2)], orders: [ord("o1", "Mon 8-10"), ord("o2", "Mon 8-10"), ord("o3", "Mon 8-10"), ord("o4", "Mon 10-12")] },
    { slots: [slot("AM", 1), slot("PM", 1)], orders: [ord("a", "PM"), ord("b", "AM")] },
  ],
  {
    no_orders: { slots: [slot("AM", 1)], orders: [] },
    no_slots: { slots: [], orders: [ord("a", "AM")] },
    unknown_slot_null: { slots: [slot("AM", 5)], orders: [ord("a", "am")] },
    never_earlier_slot: { slots: [slot("AM", 3), slot("PM", 1)], orders: [ord("a", "PM"), ord("b", "PM")] },
    zero_capacity_skipped: { slots: [slot("S1", 0), slot("S2", 0), slot("S3", 1)], orders: [ord("a", "S1"), ord("b", "S1")] },
    all_full: { slots: [slot("A", 1), slot("B", 1)], orders: [ord("x", "A"), ord("y", "A"), ord("z", "A")] },
    duplicate_slot_name_first: { slots: [slot("X", 1), slot("Y", 0), slot("X", 5)], orders: [ord("p", "X"), ord("q", "X")] },
    spills_several_slots: { slots: [slot("1", 1), slot("2", 0), slot("3", 0), slot("4", 2)], orders: [ord("a", "1"), ord("b", "1"), ord("c", "2")] },
  });

const pax = (name, seat) => ({ name, seat });
spec("boarding_order_back_to_front",
  "Boarding order for a plane, by zones from the back: a seat is written as a row number of 1 or more (digits, leading zeros allowed) and a letter A to F (either case), like \"23C\". Rows are grouped into zones of `zoneSize` rows (rows 1 to zoneSize are zone 1, the next zoneSize rows zone 2, and so on), and the highest zone boards first. Within a zone, window seats (A and F) board first, then middle seats (B and E), then aisle seats (C and D); after that, list order. Passengers whose seat is not written like that board last, in list order. Return the names in boarding order.",
  obj({ passengers: arr(obj({ name: TEXT, seat: TEXT })), zoneSize: int(1, 100) }), arr(TEXT),
  [
    { passengers: [pax("Ann", "3C"), pax("Bo", "12A"), pax("Cy", "7F"), pax("Di", "11B"), pax("Ed", "2A")], zoneSize: 5 },
    { passengers: [pax("Fay", "1D"), pax("Gus", "1A"), pax("Hal", "2E")], zoneSize: 10 },
  ],
  {
    nobody: { passengers: [], zoneSize: 5 },
    zone_edge_rows: { passengers: [pax("a", "5C"), pax("b", "6C"), pax("c", "10C"), pax("d", "11C")], zoneSize: 5 },
    window_middle_aisle: { passengers: [pax("aisle", "4D"), pax("middle", "4B"), pax("window", "4F")], zoneSize: 10 },
    lower_case_letter: { passengers: [pax("p", "8a"), pax("q", "8c")], zoneSize: 3 },
    bad_seats_last: { passengers: [pax("x", "G7"), pax("y", "7G"), pax("z", "0A"), pax("w", "1A")], zoneSize: 4 },
    same_seat_class_list_order: { passengers: [pax("one", "9A"), pax("two", "9F"), pax("three", "10A")], zoneSize: 2 },
    one_row_zones: { passengers: [pax("r1", "1A"), pax("r3", "3C"), pax("r2", "2B")], zoneSize: 1 },
    leading_zero_row: { passengers: [pax("z", "07A"), pax("y", "15A")], zoneSize: 10 },
  });

const duty = (name, start, end) => ({ name, start, end });
spec("staff_on_duty_at_time",
  "Who is on duty at a given time? Each shift has a `name`, a `start` and an `end` (HH:MM, 24-hour). A shift covers the minutes from its start up to, but not including, its end. A shift whose end is earlier than its start runs past midnight (22:00 to 06:00 covers 23:30 and 05:59 but not 06:00), and one whose end equals its start covers the whole day. Return the names of everyone on duty at `time`, each once, in list order.",
  obj({ shifts: arr(obj({ name: TEXT, start: HHMM, end: HHMM })), time: HHMM }), arr(TEXT),
  [
    { shifts: [duty("Ama", "07:00", "15:00"), duty("Raj", "14:00", "22:00"), duty("Lee", "22:00", "07:00")], time: "14:30" },
    { shifts: [duty("Ama", "07:00", "15:00"), duty("Raj", "14:00", "22:00"), duty("Lee", "22:00", "07:00")], time: "03:15" },
  ],
  {
    no_shifts: { shifts: [], time: "12:00" },
    start_included: { shifts: [duty("a", "09:00", "17:00")], time: "09:00" },
    end_excluded: { shifts: [duty("a", "09:00", "17:00")], time: "17:00" },
    overnight_before_midnight: { shifts: [duty("n", "22:00", "06:00")], time: "23:59" },
    overnight_end_excluded: { shifts: [duty("n", "22:00", "06:00")], time: "06:00" },
    whole_day_shift: { shifts: [duty("w", "08:00", "08:00")], time: "07:59" },
    name_once: { shifts: [duty("a", "08:00", "12:00"), duty("b", "09:00", "10:00"), duty("a", "11:00", "13:00")], time: "11:30" },
    midnight_exactly: { shifts: [duty("x", "00:00", "08:00"), duty("y", "16:00", "00:00"), duty("z", "23:00", "01:00")], time: "00:00" },
  });

spec("votes_needed_for_majority",
  "How many more votes does each candidate need for an absolute majority? `votes` maps each candidate to their votes so far, and `remaining` more votes are still to be counted. A majority is strictly more than half of all the votes (those so far plus the remaining ones). For each candidate, the votes they still need: 0 when they already have a majority, null when even all the remaining votes would not be enough. Return an object from candidate to that, in the order of `votes`.",
  obj({ votes: mapOf(COUNT), remaining: COUNT }), mapOf(orNull(COUNT)),
  [
    { votes: { Green: 420, Blue: 380, Red: 100 }, remaining: 200 },
    { votes: { yes: 60, no: 30 }, remaining: 10 },
  ],
  {
    no_candidates: { votes: {}, remaining: 10 },
    nothing_left_to_count: { votes: { a: 5, b: 5 }, remaining: 0 },
    exactly_half_is_not_majority: { votes: { a: 50, b: 40 }, remaining: 10 },
    needs_every_remaining_vote: { votes: { a: 40, b: 50 }, remaining: 11 },
    odd_total: { votes: { a: 10, b: 10 }, remaining: 1 },
    nobody_voted_yet: { votes: { a: 0, b: 0 }, remaining: 7 },
    single_candidate: { votes: { solo: 0 }, remaining: 0 },
    out_of_reach: { votes: { a: 3, b: 90 }, remaining: 20 },
  });

// ---- strings (15) --------------------------------------------------------------------------------

spec("characters_left_in_post",
  "How many characters can I still type in a post limited to `limit` characters? Characters are counted by Unicode code points, so an emoji like 😀 or an accented letter like é counts as one. Return the limit minus the number of characters in `text`; negative when the text is already too long.",
  obj({ text: TEXT, limit: int(0, 100000) }), INTEGER,
  [
    { text: "Off to the beach!", limit: 280 },
    { text: "Happy birthday 🎉", limit: 20 },
  ],
  {
    empty_text: { text: "", limit: 280 },
    exactly_full: { text: "12345", limit: 5 },
    too_long_is_negative: { text: "abcdefgh", limit: 5 },
    zero_limit: { text: "hi", limit: 0 },
    spaces_and_newlines_count: { text: " a\nb ", limit: 10 },
    emoji_count_one_each: { text: "😀😀😀", limit: 4 },
    accented_letters: { text: "café crème", limit: 12 },
    long_text: { text: "x".repeat(300), limit: 280 },
  });

spec("yes_no_answer_to_boolean",
  "Read a yes/no answer from a form: after trimming whitespace at both ends and ignoring upper/lower case, \"yes\", \"y\", \"true\", \"1\" and \"ok\" mean true; \"no\", \"n\", \"false\" and \"0\" mean false; anything else, an empty answer too, gives null.",
  obj({ answer: TEXT }), orNull(BOOL),
  [
    { answer: "Yes" },
    { answer: "no" },
  ],
  each("answer", {
    empty: "",
    upper_case_y: "Y",
    spaces_trimmed: "  false ",
    one_is_true: "1",
    zero_is_false: "0",
    ok_is_true: "OK",
    maybe_is_null: "maybe",
    yes_please_is_null: "yes please",
  }));

spec("text_mentions_all_keywords",
  "Does a text mention every keyword? Words are runs of the letters a-z and A-Z and the digits 0-9; everything else separates them. A keyword (trimmed of whitespace at both ends) is mentioned when it is one of the text's words, ignoring upper/lower case; a keyword that is empty or holds anything other than letters and digits is never mentioned. Return true when every keyword is mentioned (also when there are no keywords).",
  obj({ text: TEXT, keywords: arr(TEXT) }), BOOL,
  [
    { text: "The meeting about the budget moved to Friday.", keywords: ["budget", "friday"] },
    { text: "Lunch at noon, then the budget review.", keywords: ["budget", "Monday"] },
  ],
  {
    no_keywords: { text: "anything", keywords: [] },
    empty_text: { text: "", keywords: ["a"] },
    part_of_word_not_mentioned: { text: "budgeting is fun", keywords: ["budget"] },
    case_ignored: { text: "PARIS in spring", keywords: ["paris", "Spring"] },
    punctuation_separates: { text: "tea,coffee;juice", keywords: ["coffee"] },
    keyword_trimmed: { text: "call Sam", keywords: [" sam "] },
    phrase_never_mentioned: { text: "ice cream van", keywords: ["ice cream"] },
    digits_are_words: { text: "room 101 is free", keywords: ["101"] },
  });

spec("message_is_shouting",
  "Is a chat message shouting? It is when it has at least 5 letters (only a-z and A-Z count as letters here) and more than 80% of those letters are capitals. Return true or false.",
  obj({ text: TEXT }), BOOL,
  [
    { text: "WHERE ARE YOU?" },
    { text: "See you at 5" },
  ],
  each("text", {
    empty: "",
    too_few_letters: "HEY!",
    exactly_five_capitals: "HELLO",
    exactly_80_percent_is_not: "HELLo",
    just_over_80_percent: "HELLO WORLd",
    digits_do_not_count: "OK 12345 NOW",
    accented_capitals_not_letters: "ÉÉÉÉÉÉ abc",
    normal_sentence: "This is Fine",
  }));

spec("reply_subject_line",
  "The subject line for a reply: the original subject trimmed of whitespace at both ends, with \"Re: \" in front, unless the trimmed subject already starts with \"re:\" in any upper/lower case, in which case it is used as it is. An empty (or all-whitespace) subject gives \"Re:\".",
  obj({ subject: TEXT }), TEXT,
  [
    { subject: "Lunch on Friday?" },
    { subject: "Re: Invoice 4512" },
  ],
  each("subject", {
    empty: "",
    only_spaces: "   ",
    trimmed: "  Quarterly report ",
    upper_case_prefix_kept: "RE: plans",
    no_space_after_colon: "re:plans",
    re_inside_word_not_prefix: "Renewal notice",
    forward_gets_re: "Fwd: photos",
    already_re_after_trim: "  Re: hello",
  }));

spec("scrabble_word_score",
  "The Scrabble score of a word: the letters score A, E, I, O, U, L, N, S, T, R 1 point; D, G 2; B, C, M, P 3; F, H, V, W, Y 4; K 5; J, X 8; Q, Z 10, in either case, and any other character (a blank tile written as ?, for instance) 0. The letters' total is multiplied by `wordMultiplier` (1, 2 or 3, for a double or triple word square), and then a word of 7 or more characters (blanks included) gets 50 points more.",
  obj({ word: TEXT, wordMultiplier: int(1, 3) }), COUNT,
  [
    { word: "QUIZ", wordMultiplier: 1 },
    { word: "jumping", wordMultiplier: 2 },
  ],
  {
    empty_word: { word: "", wordMultiplier: 1 },
    blank_tiles_zero: { word: "CA?", wordMultiplier: 1 },
    triple_word: { word: "fox", wordMultiplier: 3 },
    six_letters_no_bonus: { word: "PLAYER", wordMultiplier: 1 },
    seven_with_blank_bonus: { word: "RETAIN?", wordMultiplier: 1 },
    bonus_not_multiplied: { word: "ZEBRAS?", wordMultiplier: 2 },
    mixed_case: { word: "jAzZ", wordMultiplier: 1 },
    accented_letter_scores_zero: { word: "café", wordMultiplier: 1 },
  });

spec("ini_file_to_object",
  "Read an INI settings file into an object of sections: lines are separated by \\n (a \\r at a line's end is dropped) and trimmed of whitespace at both ends. A line [name] starts a section (the name trimmed); a key = value line (split at the first =, key and value trimmed) belongs to the latest section, and one before any section header to a section named \"\". Empty lines, lines starting with ; or #, lines with no = and lines with an empty key are skipped. A key given twice in a section keeps its first place but its last value, and a section header given twice continues the same section. Return an object from section name to an object of its keys and values, sections in order of first appearance; a section with no keys is still listed (as {}), but the \"\" section only when it has a key.",
  obj({ text: TEXT }), mapOf(mapOf(TEXT)),
  [
    { text: "[server]\nhost = example.org\nport = 8080\n\n[client]\nretries=3" },
    { text: "; settings\nname = demo\n[paths]\nroot = /srv/app" },
  ],
  each("text", {
    empty: "",
    section_without_keys: "[empty]\n[full]\na = 1",
    repeated_key_last_value: "[s]\nk = 1\nj = 2\nk = 3",
    repeated_section_continues: "[a]\nx = 1\n[b]\ny = 2\n[a]\nz = 3",
    value_with_equals: "[db]\nurl = postgres://u:p@h/db?sslmode=require",
    crlf_and_spaces: "  [ main ]  \r\n  key   =   value  \r\n",
    comments_and_junk_skipped: "# comment\n[x]\n; note\njunk line\n= no key\nok = yes",
    empty_value_kept: "[x]\nblank =\n",
  }));

spec("log_levels_counted",
  "Count a log's lines by level: lines are separated by \\n (a \\r at a line's end is dropped). A line's level is the first of its words (runs of characters other than whitespace) that is exactly ERROR, WARN, INFO or DEBUG (upper case only); a line without such a word is not counted. Return {ERROR, WARN, INFO, DEBUG} with the number of lines at each level.",
  obj({ text: TEXT }), obj({ ERROR: COUNT, WARN: COUNT, INFO: COUNT, DEBUG: COUNT }),
  [
    { text: "2026-12-05 10:00:01 INFO server started\n2026-12-05 10:00:05 WARN disk 85% full\n2026-12-05 10:01:00 INFO request served" },
    { text: "ERROR cannot open file\nDEBUG retrying\nERROR gave up" },
  ],
  each("text", {
    empty: "",
    lower_case_not_a_level: "info started\nerror failed",
    first_level_word_counts: "10:00 INFO saw ERROR in reply",
    bracketed_not_a_word_match: "[ERROR] failed\nERROR: failed",
    crlf_lines: "WARN a\r\nWARN b\r\n",
    no_levels: "just text\n\n",
    level_alone_on_line: "DEBUG",
    tab_separated: "12:00\tERROR\tboom",
  }));

spec("subtitle_times_shifted",
  "Shift the times in an SRT subtitle file by `ms` milliseconds (a negative number makes them earlier): every line that is exactly of the form HH:MM:SS,mmm --> HH:MM:SS,mmm (two-digit hours, minutes from 00 to 59 and seconds from 00 to 59, three-digit milliseconds, one space either side of the arrow) gets both times moved, written in the same form; a time that would go below 00:00:00,000 becomes 00:00:00,000, and hours beyond 99 are written with more digits. A \\r at the end of such a line is kept. Every other line stays as it is. Lines are separated by \\n.",
  obj({ text: TEXT, ms: int(-86400000, 86400000) }), TEXT,
  [
    { text: "1\n00:00:01,000 --> 00:00:03,500\nHello there\n\n2\n00:00:04,000 --> 00:00:06,250\nGeneral Kenobi", ms: 1500 },
    { text: "7\n01:02:03,400 --> 01:02:05,000\nLate line", ms: -2500 },
  ],
  {
    empty: { text: "", ms: 1000 },
    zero_shift: { text: "00:00:01,000 --> 00:00:02,000", ms: 0 },
    carry_into_minutes_and_hours: { text: "00:59:59,900 --> 01:59:59,999", ms: 150 },
    clamped_at_zero: { text: "00:00:01,000 --> 00:00:04,000", ms: -2000 },
    crlf_lines: { text: "1\r\n00:00:01,000 --> 00:00:02,000\r\nHi\r\n", ms: 500 },
    malformed_lines_kept: { text: "00:00:01.000 --> 00:00:02.000\n0:00:01,000 --> 0:00:02,000\n00:00:01,000-->00:00:02,000", ms: 1000 },
    seconds_out_of_range_kept: { text: "00:00:61,000 --> 00:00:62,000", ms: 1000 },
    past_99_hours: { text: "99:59:59,000 --> 99:59:59,500", ms: 3600000 },
  });

spec("todo_txt_sorted_by_priority",
  "Sort a todo.txt list for today: one task per line (lines are separated by \\n; a \\r at a line's end is dropped, and lines that are empty or only whitespace are dropped). A line starting with \"x \" is done and is left out. A line starting with \"(A) \" to \"(Z) \" (a capital letter in round brackets, then a space) has that priority: A first, then B, and so on; lines without a priority come after all the others, and lines of equal priority keep their order. Return the lines as written.",
  obj({ text: TEXT }), arr(TEXT),
  [
    { text: "(B) Call the plumber\nBuy milk\n(A) Pay rent @home\nx 2026-12-01 Send card" },
    { text: "(C) Tidy desk\n(C) File taxes\n(A) Book dentist" },
  ],
  each("text", {
    empty: "",
    all_done: "x one\nx two",
    no_priorities_keep_order: "b task\na task",
    lower_case_priority_is_not_one: "(a) small\n(B) big",
    priority_needs_space: "(A)no space\n(B) spaced",
    capital_x_not_done: "X marks\n(A) first",
    crlf_and_blank_lines: "(B) two\r\n\r\n   \r\n(A) one\r\n",
    priority_later_in_line_ignored: "Pay (A) bill\n(Z) last one",
  }));

spec("outline_numbers_from_indentation",
  "Number the lines of an indented outline: lines are separated by \\n (a \\r at a line's end is dropped), and lines that are empty or only whitespace are skipped. A line's depth is its number of leading spaces divided by 2, rounded down, but at most one more than the depth of the line before it (the first line is always depth 0, whatever its spaces). Each line gets a number like 1, 1.1, 1.2, 2, 2.1.1: the counter at its depth goes up by one and the counters of deeper levels start again. Return each line as its number, a space, and the line's text trimmed of whitespace at both ends.",
  obj({ text: TEXT }), arr(TEXT),
  [
    { text: "Introduction\n  Background\n  Goals\nMethod\n  Data\n    Sources" },
    { text: "Fruit\n  Apples\n  Pears\nVegetables" },
  ],
  each("text", {
    empty: "",
    flat_list: "a\nb\nc",
    jump_two_levels_counts_one: "top\n      deep",
    first_line_depth_zero_caps_next: "    start\n    next",
    odd_spaces_round_down: "a\n   b\n     c",
    back_up_two_levels: "a\n  b\n    c\nd\n  e",
    blank_lines_skipped: "a\n\n   \n  b",
    crlf_lines: "x\r\n  y\r\n",
  }));

spec("fixed_width_fields_split",
  "Split a fixed-width text report into fields: `widths` gives each column's width in characters, left to right. Each line (lines are separated by \\n, a \\r at a line's end is dropped, and empty lines are skipped) is cut into consecutive pieces of those widths, and each piece is trimmed of spaces at both ends. A line too short for some columns gives \"\" for the columns it does not reach, and characters past the last column are dropped. Characters are counted by code points. Return the rows, each the list of its fields.",
  obj({ text: TEXT, widths: upTo(int(0, 200), 50) }), arr(arr(TEXT)),
  [
    { text: "Smith     John  42\nO'Neil    Ann   7", widths: [10, 6, 3] },
    { text: "AB12 Widget    3.50", widths: [5, 10, 4] },
  ],
  {
    empty_text: { text: "", widths: [3] },
    no_columns: { text: "abc", widths: [] },
    short_line_padded_with_empty: { text: "ab", widths: [2, 3, 3] },
    extra_characters_dropped: { text: "abcdefgh", widths: [2, 2] },
    zero_width_column: { text: "abcd", widths: [2, 0, 2] },
    crlf_and_empty_lines: { text: "ab cd\r\n\r\nef gh\r\n", widths: [3, 2] },
    spaces_only_field_empty: { text: "a      b", widths: [1, 6, 1] },
    emoji_is_one_character: { text: "😀ab", widths: [1, 2] },
  });

spec("changelog_sections_to_lists",
  "Read a Keep a Changelog style release section: a line that starts with \"### \" starts a group named by the rest of the line, trimmed; each later line that starts (after any spaces) with \"- \" or \"* \" is an entry of the current group, its text being what follows the marker, trimmed. Any other line starting with # ends the current group, so entries after it are skipped until the next \"### \" line; entries before any group, and entries whose text is empty, are skipped too. Lines are separated by \\n (a \\r at a line's end is dropped). Return an object from group name to its entries in order: a group named twice collects into one, groups come in order of first appearance, and a group without entries is listed with [].",
  obj({ text: TEXT }), mapOf(arr(TEXT)),
  [
    { text: "## [1.2.0] - 2026-12-01\n### Added\n- Dark mode\n- Export to CSV\n### Fixed\n- Crash on start" },
    { text: "### Changed\n* Faster search\n\n### Removed\n* Old API" },
  ],
  each("text", {
    empty: "",
    entries_before_group_skipped: "- orphan\n### Added\n- kept",
    other_heading_ends_group: "### Added\n- one\n## [1.1.0]\n- not kept\n### Fixed\n- two",
    group_named_twice_collects: "### Added\n- a\n### Fixed\n- b\n### Added\n- c",
    empty_group_listed: "### Security\n### Added\n- x",
    indented_and_crlf: "### Fixed\r\n   - spaced entry  \r\n\t- tab is not a marker\r\n",
    four_hashes_end_group: "### Added\n- a\n#### Details\n- b",
    empty_entry_skipped: "### Added\n-  \n- real\n-no space",
  }));

spec("quoted_printable_decoded",
  "Decode the quoted-printable text of an email: \"=\" followed by two hex digits (either case) stands for the byte with that value, and the bytes are read as UTF-8 (so =C3=A9 is é); an \"=\" at the very end of a line (just before \\n or \\r\\n, or at the end of the text) is a soft line break and is removed together with that line break. Every other character stays as it is, an \"=\" not followed by two hex digits included. Bytes that are not valid UTF-8 become the replacement character �, as a web browser decodes them.",
  obj({ text: TEXT }), TEXT,
  [
    { text: "Caf=C3=A9 au lait =E2=82=AC3" },
    { text: "This line is long and =\nwraps here." },
  ],
  each("text", {
    empty: "",
    plain_text_unchanged: "Hello, world!",
    lower_case_hex: "=c3=bc",
    equals_sign_encoded: "1+1=3D2",
    soft_break_crlf: "soft=\r\nbreak",
    equals_at_very_end: "end=",
    lone_equals_kept: "a = b and =ZZ",
    invalid_utf8_byte: "bad =FF byte",
  }));

spec("footnotes_renumbered_in_order",
  "Renumber the footnotes of a markdown text in the order they are first referenced: a footnote is written [^label], where the label is one or more characters other than ], ^ and whitespace. The labels get the numbers 1, 2, 3, ... in the order they first appear in the text, and every [^label] (the definitions \"[^label]: ...\" too) is rewritten with its number. Labels are compared exactly. Everything else stays as it is.",
  obj({ text: TEXT }), TEXT,
  [
    { text: "Cats sleep a lot[^sleep] and purr[^purr].\n\n[^purr]: Mostly when happy.\n[^sleep]: Up to 16 hours." },
    { text: "See[^7] and again[^7], then[^2].\n[^2]: two\n[^7]: seven" },
  ],
  each("text", {
    empty: "",
    no_footnotes: "Plain [text] here.",
    already_in_order: "a[^1] b[^2]",
    labels_case_sensitive: "x[^Note] y[^note]",
    empty_label_not_a_footnote: "odd [^] and [^ x] here[^a]",
    definition_first_counts_first: "[^z]: zed\nUse[^y] and[^z]",
    adjacent_footnotes: "one[^b][^a][^b]",
    caret_inside_not_a_label: "[^a^b] and [^c]",
  }));

// ---- numbers and units (10) ----------------------------------------------------------------------

spec("road_bike_frame_size_cm",
  "Which road bike frame size do I need? Multiply the inside-leg length in cm by 0.665 and round to the nearest whole cm (halves up). 0 for a leg length of 0 or less.",
  obj({ insideLegCm: NUMBER }), COUNT,
  [
    { insideLegCm: 84 },
    { insideLegCm: 79.5 },
  ],
  each("insideLegCm", {
    zero: 0,
    negative: -80,
    child: 60,
    tall_rider: 95.5,
    rounds_down: 81.5,
    rounds_up: 82.5,
    whole_result: 80,
    tiny: 1,
  }));

spec("beer_abv_from_gravity",
  "Alcohol by volume of a home brew from its hydrometer readings: ABV = (OG − FG) × 131.25, with OG the original gravity and FG the final gravity (readings like 1.050 and 1.010). In percent, rounded to 1 decimal (halves up); 0 when FG is not below OG.",
  obj({ og: NUMBER, fg: NUMBER }), NONNEG,
  [
    { og: 1.052, fg: 1.01 },
    { og: 1.065, fg: 1.012 },
  ],
  {
    no_fermentation: { og: 1.04, fg: 1.04 },
    fg_above_og: { og: 1.02, fg: 1.03 },
    strong_ale: { og: 1.09, fg: 1.015 },
    light_beer: { og: 1.032, fg: 1.006 },
    cider_below_one: { og: 1.055, fg: 0.998 },
    tiny_difference: { og: 1.001, fg: 1.0 },
    wine_must: { og: 1.1, fg: 0.995 },
    stout: { og: 1.072, fg: 1.018 },
  });

spec("sheet_weight_grams_from_gsm",
  "How much a stack of paper weighs: paper is sold by gsm (grams per square metre), and a sheet of `widthMm` × `heightMm` millimetres weighs gsm × widthMm × heightMm ÷ 1,000,000 grams. Return the weight of `sheets` such sheets in grams, rounded to 2 decimals (halves up).",
  obj({ gsm: NONNEG, widthMm: NONNEG, heightMm: NONNEG, sheets: COUNT }), NONNEG,
  [
    { gsm: 80, widthMm: 210, heightMm: 297, sheets: 1 },
    { gsm: 120, widthMm: 148, heightMm: 210, sheets: 25 },
  ],
  {
    no_sheets: { gsm: 80, widthMm: 210, heightMm: 297, sheets: 0 },
    ream_of_a4: { gsm: 80, widthMm: 210, heightMm: 297, sheets: 500 },
    one_square_metre: { gsm: 90, widthMm: 1000, heightMm: 1000, sheets: 1 },
    card_stock: { gsm: 300, widthMm: 105, heightMm: 148, sheets: 10 },
    zero_gsm: { gsm: 0, widthMm: 210, heightMm: 297, sheets: 5 },
    letter_size: { gsm: 75, widthMm: 215.9, heightMm: 279.4, sheets: 3 },
    tissue_paper: { gsm: 17, widthMm: 500, heightMm: 750, sheets: 2 },
    a3_poster: { gsm: 170, widthMm: 297, heightMm: 420, sheets: 1 },
  });

spec("cat_age_in_human_years",
  "A cat's age in human years: its first year counts as 15 human years, its second as 9 more (24 at two), and every year after that as 4 more. Ages are in years and may have a fraction; within a year the count grows in proportion (half a year old is 7.5). Round to 1 decimal (halves up); 0 for an age of 0 or less.",
  obj({ years: NUMBER }), NONNEG,
  [
    { years: 3 },
    { years: 10 },
  ],
  each("years", {
    zero: 0,
    negative: -1,
    six_months: 0.5,
    exactly_one: 1,
    one_and_a_half: 1.5,
    exactly_two: 2,
    old_cat: 18.25,
    kitten_weeks: 0.1,
  }));

spec("wet_bulb_temperature_stull",
  "The wet-bulb temperature by Stull's formula: Tw = T × atan(0.151977 × (RH + 8.313659)^(1/2)) + atan(T + RH) − atan(RH − 1.676331) + 0.00391838 × RH^(3/2) × atan(0.023101 × RH) − 4.686035, with T the air temperature in °C, RH the relative humidity in percent and atan in radians. Return Tw in °C rounded to 1 decimal (halves up).",
  obj({ celsius: NUMBER, humidity: num(0, 100) }), NUMBER,
  [
    { celsius: 20, humidity: 50 },
    { celsius: 30, humidity: 70 },
  ],
  {
    dry_heat: { celsius: 40, humidity: 10 },
    saturated: { celsius: 25, humidity: 99 },
    cold_and_damp: { celsius: 5, humidity: 80 },
    freezing: { celsius: -5, humidity: 60 },
    zero_zero: { celsius: 0, humidity: 0 },
    tropical: { celsius: 33, humidity: 85 },
    full_humidity: { celsius: 15, humidity: 100 },
    desert: { celsius: 45, humidity: 5 },
  });

spec("months_to_repay_loan",
  "How many monthly payments pay off a loan? With balance B, a yearly interest rate of R percent (a monthly rate r = R ÷ 1200) and a fixed monthly payment P, the number of months is −ln(1 − r × B ÷ P) ÷ ln(1 + r), rounded up to a whole month (the last payment is a smaller one); with a rate of 0 it is B ÷ P rounded up. 0 when the balance is 0 or less; null when the payment is 0 or less, or when it does not cover more than the first month's interest (r × B ≥ P).",
  obj({ balance: NUMBER, ratePercent: NONNEG, payment: NUMBER }), orNull(COUNT),
  [
    { balance: 10000, ratePercent: 6, payment: 300 },
    { balance: 2500, ratePercent: 19.9, payment: 100 },
  ],
  {
    no_balance: { balance: 0, ratePercent: 5, payment: 100 },
    zero_rate_exact: { balance: 1200, ratePercent: 0, payment: 100 },
    zero_rate_rounds_up: { balance: 1250, ratePercent: 0, payment: 100 },
    payment_only_covers_interest: { balance: 12000, ratePercent: 12, payment: 120 },
    zero_payment: { balance: 1000, ratePercent: 5, payment: 0 },
    payment_covers_all_at_once: { balance: 50, ratePercent: 10, payment: 500 },
    mortgage: { balance: 250000, ratePercent: 4.5, payment: 1400 },
    car_loan: { balance: 18000, ratePercent: 7.2, payment: 420 },
  });

spec("density_altitude_feet",
  "Density altitude for a pilot: at a pressure altitude of PA feet, the standard temperature is 15 − 2 × PA ÷ 1000 °C, and the density altitude is PA plus 120 feet for every degree °C the outside air is warmer than that standard (minus 120 feet for every degree colder). Rounded to the nearest 10 feet (halves up).",
  obj({ pressureAltitudeFt: NUMBER, outsideCelsius: NUMBER }), NUMBER,
  [
    { pressureAltitudeFt: 5000, outsideCelsius: 30 },
    { pressureAltitudeFt: 1200, outsideCelsius: 25 },
  ],
  {
    standard_day_sea_level: { pressureAltitudeFt: 0, outsideCelsius: 15 },
    cold_day_below_pressure_altitude: { pressureAltitudeFt: 3000, outsideCelsius: -10 },
    hot_sea_level: { pressureAltitudeFt: 0, outsideCelsius: 38 },
    below_sea_level: { pressureAltitudeFt: -200, outsideCelsius: 45 },
    high_airfield: { pressureAltitudeFt: 8750, outsideCelsius: 22 },
    decimal_temperature: { pressureAltitudeFt: 2345, outsideCelsius: 18.4 },
    standard_at_altitude: { pressureAltitudeFt: 10000, outsideCelsius: -5 },
    rounds_to_tens: { pressureAltitudeFt: 1234, outsideCelsius: 20.1 },
  });

spec("capacitor_charge_percent",
  "How charged a capacitor is after charging through a resistor for a while: percent = 100 × (1 − e^(−t ÷ (R × C))), with R in kΩ, C in µF and t in milliseconds (kΩ × µF is milliseconds). Rounded to 1 decimal (halves up). 0 when t is 0 or less; 100 when R or C is 0 (it charges at once) and t is above 0.",
  obj({ kiloOhms: NONNEG, microFarads: NONNEG, ms: NUMBER }), num(0, 100),
  [
    { kiloOhms: 10, microFarads: 100, ms: 1000 },
    { kiloOhms: 4.7, microFarads: 220, ms: 500 },
  ],
  {
    no_time: { kiloOhms: 10, microFarads: 100, ms: 0 },
    negative_time: { kiloOhms: 10, microFarads: 100, ms: -5 },
    zero_resistance: { kiloOhms: 0, microFarads: 100, ms: 1 },
    zero_capacitance: { kiloOhms: 10, microFarads: 0, ms: 3 },
    two_time_constants: { kiloOhms: 1, microFarads: 1, ms: 2 },
    five_time_constants: { kiloOhms: 2, microFarads: 50, ms: 500 },
    very_long: { kiloOhms: 1, microFarads: 1, ms: 100 },
    short_pulse: { kiloOhms: 100, microFarads: 10, ms: 20 },
  });

spec("scuba_max_operating_depth_m",
  "The maximum operating depth of a nitrox diving mix: MOD = (maxPpO2 ÷ FO2 − 1) × 10 metres, where FO2 is the oxygen fraction (the mix's oxygen percentage ÷ 100, so EAN32 is 0.32) and maxPpO2 the highest oxygen partial pressure allowed, in bar (1.4 is usual). Rounded down to 0.1 m, to stay on the safe side; 0 when it comes out below 0; null when the oxygen percentage is 0 or less or above 100.",
  obj({ oxygenPercent: NUMBER, maxPpO2: NONNEG }), orNull(NONNEG),
  [
    { oxygenPercent: 32, maxPpO2: 1.4 },
    { oxygenPercent: 36, maxPpO2: 1.6 },
  ],
  {
    air: { oxygenPercent: 21, maxPpO2: 1.4 },
    pure_oxygen: { oxygenPercent: 100, maxPpO2: 1.6 },
    zero_oxygen: { oxygenPercent: 0, maxPpO2: 1.4 },
    over_hundred: { oxygenPercent: 101, maxPpO2: 1.4 },
    below_surface_is_zero: { oxygenPercent: 80, maxPpO2: 0.7 },
    exact_whole_depth: { oxygenPercent: 40, maxPpO2: 1.6 },
    ean50: { oxygenPercent: 50, maxPpO2: 1.6 },
    low_limit: { oxygenPercent: 28, maxPpO2: 1.2 },
  });

spec("half_life_amount_remaining",
  "How much of a radioactive sample is left after a time: N = N0 × (1/2)^(t ÷ T), with N0 the starting amount in grams, t the time passed and T the half-life in the same unit as t. In grams, rounded to 3 decimals (halves up). A time below 0 counts as 0; null when the half-life is 0 or less.",
  obj({ grams: NONNEG, elapsed: NUMBER, halfLife: NUMBER }), orNull(NONNEG),
  [
    { grams: 100, elapsed: 10, halfLife: 5 },
    { grams: 50, elapsed: 3, halfLife: 8 },
  ],
  {
    no_time: { grams: 20, elapsed: 0, halfLife: 4 },
    negative_time: { grams: 20, elapsed: -4, halfLife: 4 },
    zero_half_life: { grams: 20, elapsed: 1, halfLife: 0 },
    negative_half_life: { grams: 20, elapsed: 1, halfLife: -2 },
    one_half_life: { grams: 7, elapsed: 5730, halfLife: 5730 },
    many_half_lives: { grams: 1000, elapsed: 100, halfLife: 10 },
    nothing_to_start: { grams: 0, elapsed: 3, halfLife: 1 },
    fraction_of_half_life: { grams: 64, elapsed: 1, halfLife: 3 },
  });

// ---- dates and times (10) ------------------------------------------------------------------------

spec("days_alive_on_date",
  "How many days has someone been alive on `date`? The number of days from `birth` to `date` (both YYYY-MM-DD), so on the day they are born it is 0; 0 as well when `date` is before `birth`.",
  obj({ birth: ISO_DATE, date: ISO_DATE }), COUNT,
  [
    { birth: "1990-05-17", date: "2026-12-05" },
    { birth: "2026-11-01", date: "2026-12-05" },
  ],
  {
    day_of_birth: { birth: "2026-12-05", date: "2026-12-05" },
    date_before_birth: { birth: "2026-12-05", date: "2026-12-04" },
    one_day_old: { birth: "2026-12-31", date: "2027-01-01" },
    across_leap_day: { birth: "2024-02-28", date: "2024-03-01" },
    century_not_leap: { birth: "1900-02-28", date: "1900-03-01" },
    first_birthday_leap_year: { birth: "2023-06-01", date: "2024-06-01" },
    hundred_years: { birth: "1926-12-05", date: "2026-12-05" },
    born_on_leap_day: { birth: "2000-02-29", date: "2001-02-28" },
  });

spec("is_leap_year",
  "Is `year` a leap year in the Gregorian calendar? Every year divisible by 4 is, except century years (divisible by 100), which are leap years only when divisible by 400.",
  obj({ year: int(1, 9999) }), BOOL,
  [
    { year: 2024 },
    { year: 2026 },
  ],
  each("year", {
    century_not_leap: 1900,
    four_hundred_leap: 2000,
    next_century_not_leap: 2100,
    year_four: 4,
    year_one: 1,
    far_future_leap: 2400,
    odd_year: 2027,
    divisible_by_two_only: 2022,
  }));

spec("bedtime_for_wake_time",
  "When should I go to bed to sleep `hours` hours and wake at `wake` (HH:MM, 24-hour)? `hours` may have a fraction (7.5 is 7 hours 30 minutes); it is first turned into whole minutes, rounded to the nearest minute (halves up). Return the bedtime as HH:MM, going back past midnight as needed.",
  obj({ wake: HHMM, hours: num(0, 48) }), HHMM,
  [
    { wake: "07:00", hours: 8 },
    { wake: "06:30", hours: 7.5 },
  ],
  {
    no_sleep: { wake: "07:00", hours: 0 },
    bedtime_same_evening: { wake: "23:00", hours: 2 },
    wake_at_midnight: { wake: "00:00", hours: 9 },
    full_day: { wake: "08:15", hours: 24 },
    more_than_a_day: { wake: "08:15", hours: 30 },
    fraction_to_minutes: { wake: "05:45", hours: 6.2 },
    rounds_to_nearest_minute: { wake: "07:00", hours: 7.99 },
    nap: { wake: "15:10", hours: 0.25 },
  });

const pay = (from, to) => ({ from, to });
spec("semi_monthly_paydays_between",
  "Paydays of a twice-monthly payroll: pay is due on the 15th and on the last day of every month, and when that day is a Saturday or a Sunday it is paid on the Friday before instead. Return the dates actually paid between `from` and `to` (YYYY-MM-DD, both included), in order; [] when `to` is before `from`.",
  obj({ from: NEAR_DATE, to: NEAR_DATE }), arr(OUT_DATE),
  [
    pay("2026-12-01", "2026-12-31"),
    pay("2026-02-01", "2026-03-31"),
  ],
  {
    to_before_from: pay("2026-12-31", "2026-12-01"),
    single_day_payday: pay("2026-12-15", "2026-12-15"),
    single_day_not_payday: pay("2026-12-16", "2026-12-16"),
    moved_payday_outside_range: pay("2026-08-15", "2026-08-31"),
    leap_february: pay("2024-02-01", "2024-02-29"),
    across_year_end: pay("2026-12-20", "2027-01-20"),
    sunday_fifteenth: pay("2026-11-01", "2026-11-30"),
    century_february: pay("1900-02-01", "1900-02-28"),
  });

spec("fixed_term_end_date",
  "The last day of a fixed-term contract: it starts on `start` (YYYY-MM-DD) and runs for `months` months, so it ends the day before the same day of the month `months` months later. When that later month has no such day (31 January plus one month), the month's last day is used instead, and the contract ends the day before that. Return YYYY-MM-DD.",
  obj({ start: ISO_DATE, months: int(1, 600) }), OUT_DATE,
  [
    { start: "2026-01-01", months: 12 },
    { start: "2026-03-15", months: 6 },
  ],
  {
    one_month: { start: "2026-12-05", months: 1 },
    across_year_end: { start: "2026-11-20", months: 3 },
    end_of_january_short_february: { start: "2026-01-31", months: 1 },
    leap_february: { start: "2024-01-30", months: 1 },
    first_of_month_ends_last_of_month: { start: "2026-03-01", months: 1 },
    from_leap_day: { start: "2024-02-29", months: 12 },
    long_contract: { start: "2020-07-31", months: 59 },
    start_on_first_of_year: { start: "2027-01-01", months: 1 },
  });

const tk = (opened, hours) => ({ opened, hours });
spec("response_due_in_business_hours",
  "When is a support ticket's answer due? `hours` business hours after it was `opened` (YYYY-MM-DDTHH:MM), where business hours are 09:00 to 17:00, Monday to Friday (no holidays). Time outside business hours does not count, so a ticket opened in the evening or at a weekend starts counting at the next opening. When the hours run out exactly at 17:00, the answer is that day's 17:00. 0 hours gives `opened` itself. Return the due moment as YYYY-MM-DDTHH:MM.",
  obj({ opened: NEAR_STAMP, hours: int(0, 2000) }), OUT_STAMP,
  [
    tk("2026-12-07T10:30", 4),
    tk("2026-12-04T15:00", 8),
  ],
  {
    zero_hours: tk("2026-12-05T11:00", 0),
    runs_out_at_closing: tk("2026-12-07T09:00", 8),
    opened_saturday: tk("2026-12-05T11:00", 2),
    opened_after_closing: tk("2026-12-07T18:45", 1),
    opened_before_opening: tk("2026-12-08T06:00", 3),
    across_year_end: tk("2026-12-31T16:00", 3),
    whole_week: tk("2026-12-07T09:00", 40),
    friday_closing_time: tk("2026-12-11T17:00", 1),
  });

const ch = (at, status) => ({ at, status });
spec("minutes_in_each_status",
  "How long did a ticket spend in each status? `changes` lists the moments it moved into a status ({at, status}, at as YYYY-MM-DDTHH:MM); they are first put in time order (changes in the same minute keep their list order). Each status lasts from its change until the next change, and the last one until `until`. Changes after `until` are ignored. Return an object from status to its total minutes, statuses in order of first appearance in that time order; a status that adds up to 0 minutes is still listed.",
  obj({ changes: arr(obj({ at: NEAR_STAMP, status: TEXT })), until: NEAR_STAMP }), mapOf(COUNT),
  [
    { changes: [ch("2026-12-07T09:00", "open"), ch("2026-12-07T09:45", "in progress"), ch("2026-12-07T11:00", "waiting"), ch("2026-12-07T13:30", "in progress")], until: "2026-12-07T14:00" },
    { changes: [ch("2026-12-01T10:00", "new"), ch("2026-12-02T10:00", "closed")], until: "2026-12-02T10:30" },
  ],
  {
    no_changes: { changes: [], until: "2026-12-07T12:00" },
    single_status: { changes: [ch("2026-12-07T08:00", "open")], until: "2026-12-07T08:59" },
    out_of_order_sorted: { changes: [ch("2026-12-07T10:00", "b"), ch("2026-12-07T09:00", "a")], until: "2026-12-07T11:00" },
    after_until_ignored: { changes: [ch("2026-12-07T09:00", "a"), ch("2026-12-07T12:00", "b")], until: "2026-12-07T10:00" },
    change_at_until_listed_zero: { changes: [ch("2026-12-07T09:00", "a"), ch("2026-12-07T10:00", "b")], until: "2026-12-07T10:00" },
    same_minute_list_order: { changes: [ch("2026-12-07T09:00", "x"), ch("2026-12-07T09:00", "y")], until: "2026-12-07T09:30" },
    across_midnight_and_year: { changes: [ch("2026-12-31T23:00", "open"), ch("2027-01-01T01:15", "done")], until: "2027-01-01T02:00" },
    status_returns: { changes: [ch("2026-12-07T09:00", "open"), ch("2026-12-07T09:10", "hold"), ch("2026-12-07T09:30", "open")], until: "2026-12-07T10:00" },
  });

const stay = (arrive, depart) => ({ arrive, depart });
spec("nights_per_month_of_stay",
  "Split a hotel stay's nights by month for the accounts: a stay from `arrive` to `depart` (YYYY-MM-DD) has one night for each date from arrive up to the day before depart, and each night belongs to the month of its date. Return an object from month (YYYY-MM) to its number of nights, months in calendar order; {} when depart is not after arrive.",
  obj({ arrive: NEAR_DATE, depart: NEAR_DATE }), mapOf(COUNT),
  [
    stay("2026-12-28", "2027-01-03"),
    stay("2026-06-10", "2026-06-14"),
  ],
  {
    same_day: stay("2026-12-05", "2026-12-05"),
    depart_before_arrive: stay("2026-12-05", "2026-12-01"),
    one_night: stay("2026-12-31", "2027-01-01"),
    leaving_on_the_first: stay("2026-03-30", "2026-04-01"),
    leap_february: stay("2024-02-27", "2024-03-02"),
    century_february: stay("1900-02-27", "1900-03-02"),
    three_months: stay("2026-01-31", "2026-04-01"),
    long_stay_over_year: stay("2026-11-15", "2027-02-15"),
  });

const lw = (year, weekday) => ({ year, weekday });
spec("last_weekday_dates_of_year",
  "For a monthly meetup on the last given weekday of the month (like the last Friday): for `year`, the date of the last `weekday` of each month, January to December, as YYYY-MM-DD.",
  obj({ year: int(1, 9999), weekday: WEEKDAY }), arr(OUT_DATE),
  [
    lw(2026, "Friday"),
    lw(2027, "Monday"),
  ],
  {
    leap_year_february: lw(2024, "Thursday"),
    century_not_leap: lw(1900, "Wednesday"),
    century_leap: lw(2000, "Tuesday"),
    sundays: lw(2026, "Sunday"),
    saturdays: lw(2028, "Saturday"),
    early_year: lw(45, "Friday"),
    far_future: lw(9999, "Friday"),
    wednesdays: lw(2031, "Wednesday"),
  });

const hire = (pickup, returned, graceMinutes = 59) => ({ pickup, returned, graceMinutes });
spec("rental_days_charged",
  "How many days does the car hire charge? From `pickup` to `returned` (YYYY-MM-DDTHH:MM), every full 24 hours is a day, and a part of a day left over counts as a whole day only when it is longer than `graceMinutes` minutes (up to that many minutes over are free). At least 1 day is charged, even when the car comes back at or before the pickup time.",
  obj({ pickup: NEAR_STAMP, returned: NEAR_STAMP, graceMinutes: int(0, 1439) }), COUNT,
  [
    hire("2026-12-05T10:00", "2026-12-08T09:30"),
    hire("2026-12-05T10:00", "2026-12-08T12:15"),
  ],
  {
    returned_before_pickup: hire("2026-12-05T10:00", "2026-12-05T09:00"),
    short_hire: hire("2026-12-05T10:00", "2026-12-05T16:00"),
    exactly_one_day: hire("2026-12-05T10:00", "2026-12-06T10:00"),
    grace_minutes_free: hire("2026-12-05T10:00", "2026-12-06T10:59"),
    one_minute_past_grace: hire("2026-12-05T10:00", "2026-12-06T11:00"),
    no_grace: hire("2026-12-05T10:00", "2026-12-06T10:01", 0),
    across_year_end: hire("2026-12-30T18:00", "2027-01-02T18:30", 30),
    across_leap_day: hire("2024-02-28T12:00", "2024-03-01T13:05", 60),
  });

// ---- utility-library functions (5) ---------------------------------------------------------------

spec("text_dedented",
  "Remove the common indentation from a block of text, like Python's textwrap.dedent: lines are separated by \\n. Of the lines that are not blank (blank: only spaces and tabs, or empty), take the leading spaces and tabs of each, and their longest common start (compared character by character, so a tab and a space do not match); remove it from the start of every such line. Blank lines become empty. Return the lines joined with \\n.",
  obj({ text: TEXT }), TEXT,
  [
    { text: "    def f():\n        return 1\n    print(f())" },
    { text: "  hello\n    world" },
  ],
  each("text", {
    empty: "",
    no_indentation: "a\n  b",
    blank_lines_emptied: "  a\n     \n  b",
    blank_line_does_not_limit: "    a\n\n    b",
    tab_and_space_differ: "\tx\n    y",
    common_tab: "\tx\n\t\ty",
    single_line: "      lonely",
    trailing_newline_kept: "  a\n  b\n",
  }));

spec("relative_path_between",
  "The relative path from one folder to another, like Python's os.path.relpath for POSIX paths: `from` and `to` are absolute paths, and one that does not start with / is read as if it did. In each, empty parts and \".\" parts are dropped and \"..\" goes up one folder (not above the root). The answer is \"..\" once for each folder of `from` below the folders the two paths share at their start, followed by the rest of `to`, all joined with /; \".\" when they are the same folder.",
  obj({ from: TEXT, to: TEXT }), TEXT,
  [
    { from: "/home/ann/docs", to: "/home/ann/photos/2026" },
    { from: "/var/www", to: "/var/www/site/index.html" },
  ],
  {
    same_folder: { from: "/a/b", to: "/a/b" },
    root_to_folder: { from: "/", to: "/etc/hosts" },
    folder_to_root: { from: "/usr/local/bin", to: "/" },
    nothing_shared: { from: "/a/b", to: "/c/d" },
    dots_and_slashes_tidied: { from: "/a//b/./c/", to: "/a/b/x/../y" },
    dot_dot_not_above_root: { from: "/../../a", to: "/a/b" },
    prefix_not_a_folder: { from: "/home/ann", to: "/home/anna" },
    no_leading_slash_read_from_root: { from: "srv/app", to: "/srv/logs" },
  });

spec("combinations_of_size",
  "All the ways to choose `k` items from a list, like Python's itertools.combinations: each combination keeps its items in list order, and the combinations come in order of the positions chosen (the first position first, then the next, ...). Items at different positions count as different even when they are equal. k = 0 gives one empty combination; a k larger than the list gives none.",
  obj({ items: upTo(TEXT, 12), k: int(0, 12) }), arr(arr(TEXT)),
  [
    { items: ["a", "b", "c", "d"], k: 2 },
    { items: ["red", "green", "blue"], k: 3 },
  ],
  {
    k_zero: { items: ["a", "b"], k: 0 },
    k_too_big: { items: ["a", "b"], k: 3 },
    empty_list_k_zero: { items: [], k: 0 },
    empty_list: { items: [], k: 1 },
    singles: { items: ["x", "y", "z"], k: 1 },
    equal_items_kept: { items: ["a", "a", "b"], k: 2 },
    three_of_five: { items: ["1", "2", "3", "4", "5"], k: 3 },
    all_but_one: { items: ["p", "q", "r", "s"], k: 3 },
  });

spec("text_partition_at_separator",
  "Split a text at the first place `sep` occurs, like Python's str.partition: return [the part before it, sep, the part after it]; when sep does not occur, or is empty, [text, \"\", \"\"].",
  obj({ text: TEXT, sep: TEXT }), arr(TEXT),
  [
    { text: "key=value", sep: "=" },
    { text: "user@example.com", sep: "@" },
  ],
  {
    not_found: { text: "no separator here", sep: "|" },
    empty_sep: { text: "abc", sep: "" },
    empty_text: { text: "", sep: "," },
    first_occurrence_only: { text: "a=b=c", sep: "=" },
    longer_separator: { text: "left -> right -> end", sep: " -> " },
    at_the_start: { text: ":rest", sep: ":" },
    at_the_end: { text: "rest:", sep: ":" },
    case_sensitive: { text: "ABCabc", sep: "b" },
  });

spec("percentile_linear",
  "The p-th percentile of a list of numbers, like numpy's percentile with its default (linear) method: sort the numbers and, with n of them, take the position (n − 1) × p ÷ 100, counted from 0. At a whole position the answer is the number there; between two positions it is the value that far between the two neighbours (linear interpolation). p is first held between 0 and 100. Rounded to 4 decimals (halves up); null for an empty list.",
  obj({ values: arr(NUMBER), p: NUMBER }), orNull(NUMBER),
  [
    { values: [15, 20, 35, 40, 50], p: 40 },
    { values: [3, 1, 2, 4], p: 75 },
  ],
  {
    empty_list: { values: [], p: 50 },
    single_value: { values: [7], p: 90 },
    median_even_count: { values: [1, 2, 3, 4], p: 50 },
    minimum: { values: [9, 4, 6], p: 0 },
    maximum: { values: [9, 4, 6], p: 100 },
    p_above_100_held: { values: [9, 4, 6], p: 150 },
    p_below_0_held: { values: [9, 4, 6], p: -10 },
    negatives_and_decimals: { values: [-2.5, 0, 1.25, -1], p: 10 },
  });
