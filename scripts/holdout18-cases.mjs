// The specs of tests/fixtures/specs/holdout18 without their outputs: description, schemas and the
// inputs of the examples and the named tests. scripts/make-holdout18-specs.mjs adds the outputs.
// New tasks (none a renamed task of an earlier set, checked against the file names of dev, dev3,
// holdout and holdout2 to holdout17, and the descriptions of holdout16 and holdout17), written without
// running the synthesizer or reading its code, in the proportions of the brief: 20 records and lists,
// 15 strings, 10 numbers and units, 10 dates and times, 5 utility functions.

import { obj, arr, HHMM, rows } from "./spec-schemas.mjs";
const NONNEG = { type: "number", minimum: 0 };
const NUM = { type: "number" };
const COUNT = { type: "integer", minimum: 0 };
const TEXT = { type: "string" };
/** A real calendar date's shape: months 01-12 and days 01-31. */
const ISO_DATE = { type: "string", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" };
/** A date the program writes: a date late in 9999 plus some days runs into a five-digit year. */
const OUT_DATE = { type: "string", pattern: "^[0-9]{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" };
const STAMP = { type: "string", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]$" };
const OUT_STAMP = { type: "string", pattern: "^[0-9]{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]$" };
const YEAR = { type: "integer", minimum: 1900, maximum: 2099 };
const SCALAR = { type: ["string", "number", "boolean", "null"] };
const WEEKDAY = { type: "string", enum: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] };
const mapOf = (values) => ({ type: "object", additionalProperties: values });
const orNull = (s) => ({ anyOf: [s, { type: "null" }] });
/** One single-field input per value: each("text", {empty: ""}) -> {empty: {text: ""}}. */
const each = (field, named) => Object.fromEntries(Object.entries(named).map(([name, v]) => [name, { [field]: v }]));

export const SPECS = [];
const spec = (capability, description, inputSchema, outputSchema, examples, tests) =>
  SPECS.push({ capability, description, inputSchema, outputSchema, examples, tests });

// ---- records and lists (20) ----------------------------------------------------------------------

const scores = (...r) => rows(["name", "score"], ...r);
spec("average_rank_for_ties",
  "Rank players for a results sheet, highest score first, where players with equal scores share the average of the places they cover: two players tied for 2nd and 3rd place both get 2.5, three tied for 1st to 3rd all get 2. Return {name, rank} for every player, in the order of the input list.",
  obj({ scores: arr(obj({ name: TEXT, score: NUM })) }), arr(obj({ name: TEXT, rank: NONNEG })),
  [
    { scores: scores(["Ann", 88], ["Bob", 95], ["Cy", 88], ["Dee", 70]) },
    { scores: scores(["Eli", 12], ["Fay", 15], ["Gus", 9]) },
  ],
  each("scores", {
    nobody: [],
    one_player: scores(["solo", 50]),
    all_tied: scores(["a", 7], ["b", 7], ["c", 7], ["d", 7]),
    tie_at_top: scores(["a", 90], ["b", 90], ["c", 80]),
    three_tied_in_middle: scores(["a", 100], ["b", 50], ["c", 50], ["d", 50], ["e", 10]),
    negative_scores: scores(["a", -3], ["b", 0], ["c", -3]),
    decimals: scores(["a", 9.5], ["b", 9.25], ["c", 9.5]),
    no_ties_reverse_order: scores(["a", 1], ["b", 2], ["c", 3], ["d", 4]),
  }));

spec("approval_vote_winner",
  "Approval voting: each ballot lists the options the voter approves of (an option listed twice on one ballot counts once). The option approved on the most ballots wins; when several tie, the one first in alphabetical order (plain character order, capitals first). Options are compared exactly. null when no ballot approves of anything.",
  obj({ ballots: arr(arr(TEXT)) }), orNull(TEXT),
  [
    { ballots: [["pizza", "tacos"], ["tacos"], ["sushi", "pizza", "tacos"]] },
    { ballots: [["Park"], ["Beach", "Park"], ["Beach"], ["Museum", "Beach"]] },
  ],
  each("ballots", {
    no_ballots: [],
    only_empty_ballots: [[], []],
    tie_alphabetical: [["pear"], ["apple"]],
    listed_twice_on_one_ballot: [["b", "b", "b"], ["a"], ["a"]],
    case_differs: [["Tea"], ["tea"], ["tea"]],
    capitals_first_in_tie: [["zebra"], ["Zebra"]],
    one_ballot: [["only", "these"]],
    clear_winner_late: [["a"], ["b"], ["c", "b"], ["c", "d"], ["c"]],
  }));

const payments = (...r) => rows(["id", "payee", "amount", "date"], ...r);
spec("duplicate_payments_flagged",
  "Flag payments that look like duplicates: a payment is a duplicate when an earlier payment in the list has the same payee (ignoring upper/lower case and spaces at both ends), the same amount and the same date. Return the ids of the duplicates in list order; the first payment of each such group is not flagged.",
  obj({ payments: arr(obj({ id: TEXT, payee: TEXT, amount: NUM, date: ISO_DATE })) }), arr(TEXT),
  [
    { payments: payments(["p1", "Acme Ltd", 120, "2026-03-02"], ["p2", "Bolt", 40, "2026-03-02"], ["p3", "Acme Ltd", 120, "2026-03-02"]) },
    { payments: payments(["a", "Gas Co", 75.5, "2026-05-01"], ["b", "Gas Co", 75.5, "2026-06-01"]) },
  ],
  each("payments", {
    no_payments: [],
    one_payment: payments(["x", "Shop", 10, "2026-01-01"]),
    payee_case_and_spaces: payments(["x", "Shop", 10, "2026-01-01"], ["y", " shop ", 10, "2026-01-01"]),
    different_amount: payments(["x", "Shop", 10, "2026-01-01"], ["y", "Shop", 10.01, "2026-01-01"]),
    triple_flags_two: payments(["x", "Shop", 5, "2026-01-01"], ["y", "Shop", 5, "2026-01-01"], ["z", "Shop", 5, "2026-01-01"]),
    interleaved_groups: payments(["1", "A", 1, "2026-02-28"], ["2", "B", 2, "2026-02-28"], ["3", "B", 2, "2026-02-28"], ["4", "A", 1, "2026-02-28"]),
    refunds_negative: payments(["r1", "Shop", -20, "2026-07-07"], ["r2", "Shop", -20, "2026-07-07"], ["r3", "Shop", 20, "2026-07-07"]),
    same_id_text_kept: payments(["dup", "A", 3, "2026-12-31"], ["dup", "A", 3, "2026-12-31"]),
  }));

const tx = (...r) => rows(["description", "amount"], ...r);
const rule = (...r) => rows(["keyword", "category"], ...r);
spec("spending_categorized_by_keyword",
  "Total my bank transactions by category: a transaction belongs to the category of the first rule whose keyword appears anywhere in its description (ignoring upper/lower case); a transaction that matches no rule goes to \"Other\". Return an object from category to the total amount, rounded to 2 decimals (halves up), categories in the order they first get a transaction. Refunds have negative amounts.",
  obj({ transactions: arr(obj({ description: TEXT, amount: NUM })), rules: arr(obj({ keyword: TEXT, category: TEXT })) }), mapOf(NUM),
  [
    { transactions: tx(["TESCO STORES 2231", 54.2], ["Shell fuel", 60], ["Tesco Express", 12.35]), rules: rule(["tesco", "Groceries"], ["shell", "Car"]) },
    { transactions: tx(["Netflix.com", 10.99], ["Cinema City", 18], ["Corner cafe", 4.5]), rules: rule(["netflix", "Fun"], ["cinema", "Fun"]) },
  ],
  {
    no_transactions: { transactions: [], rules: rule(["a", "A"]) },
    no_rules_all_other: { transactions: tx(["x", 1], ["y", 2]), rules: [] },
    first_rule_wins: { transactions: tx(["Amazon Fresh", 30]), rules: rule(["fresh", "Groceries"], ["amazon", "Shopping"]) },
    refund_reduces_total: { transactions: tx(["Zara", 80], ["ZARA refund", -30]), rules: rule(["zara", "Clothes"]) },
    decimals_add_up: { transactions: tx(["bus", 0.1], ["bus", 0.2]), rules: rule(["BUS", "Travel"]) },
    other_comes_first: { transactions: tx(["mystery", 5], ["rent june", 900]), rules: rule(["rent", "Home"]) },
    keyword_inside_word: { transactions: tx(["Uber Eats", 22.4], ["Ubering", 7.6]), rules: rule(["uber", "Taxi"]) },
    total_zero: { transactions: tx(["gym", 25], ["gym refund", -25]), rules: rule(["gym", "Health"]) },
  });

spec("kits_buildable_from_parts",
  "How many complete kits can we build from stock? `kit` gives the parts one kit needs (an object from part to quantity) and `stock` the units we have of each part (a part missing from stock has 0). A part the kit needs 0 of does not limit it; a kit that needs nothing at all gives 0.",
  obj({ kit: mapOf(COUNT), stock: mapOf(COUNT) }), COUNT,
  [
    { kit: { screw: 4, plank: 2, glue: 1 }, stock: { screw: 50, plank: 9, glue: 6 } },
    { kit: { wheel: 4, frame: 1 }, stock: { wheel: 10, frame: 7 } },
  ],
  {
    part_missing_from_stock: { kit: { a: 1, b: 1 }, stock: { a: 5 } },
    exactly_enough: { kit: { a: 3 }, stock: { a: 12 } },
    zero_need_ignored: { kit: { a: 2, b: 0 }, stock: { a: 8 } },
    kit_needs_nothing: { kit: {}, stock: { a: 8 } },
    zero_stock: { kit: { a: 1 }, stock: { a: 0 } },
    extra_stock_irrelevant: { kit: { a: 1 }, stock: { a: 2, b: 100 } },
    just_short: { kit: { a: 5, b: 1 }, stock: { a: 24, b: 100 } },
    large_counts: { kit: { chip: 3, board: 1 }, stock: { chip: 3000000, board: 999999 } },
  });

const people = (...r) => rows(["name", "born"], ...r);
spec("shared_birthday_groups",
  "Which people share a birthday (the same month and day, in any year)? Return the groups of two or more names, each group in list order, the groups ordered through the calendar year from 1 January; 29 February is its own day. A name listed twice counts twice.",
  obj({ people: arr(obj({ name: TEXT, born: ISO_DATE })) }), arr(arr(TEXT)),
  [
    { people: people(["Ann", "1990-06-14"], ["Bob", "1985-02-03"], ["Cy", "2001-06-14"], ["Dee", "1990-11-30"]) },
    { people: people(["Eli", "1979-09-09"], ["Fay", "1979-09-10"]) },
  ],
  each("people", {
    nobody: [],
    one_person: people(["solo", "2000-01-01"]),
    same_date_same_year: people(["a", "1999-05-05"], ["b", "1999-05-05"]),
    leap_day_pair: people(["a", "2000-02-29"], ["b", "2004-02-29"], ["c", "2001-02-28"], ["d", "2001-03-01"]),
    group_of_three: people(["a", "1970-07-04"], ["b", "1980-07-04"], ["c", "1990-07-04"]),
    calendar_order_not_list_order: people(["a", "1990-12-25"], ["b", "1991-03-01"], ["c", "1992-12-25"], ["d", "1993-03-01"]),
    year_end_and_start: people(["a", "1990-12-31"], ["b", "1991-01-01"], ["c", "1992-01-01"], ["d", "1993-12-31"]),
    same_name_twice: people(["Jo", "1988-08-08"], ["Jo", "1988-08-08"]),
  }));

const customers = (...r) => rows(["name", "arrives", "service"], ...r);
spec("checkout_queue_wait_minutes",
  "One till serves customers one at a time in list order. `arrives` is the minute a customer joins the queue and `service` how many minutes serving them takes. A customer starts being served when they arrive or when the previous customer is finished, whichever is later. Return how many minutes each customer waits before being served, in list order.",
  obj({ customers: arr(obj({ name: TEXT, arrives: NONNEG, service: NONNEG })) }), arr(NONNEG),
  [
    { customers: customers(["Ann", 0, 4], ["Bob", 1, 3], ["Cy", 2, 2]) },
    { customers: customers(["Dee", 5, 2], ["Eli", 10, 1]) },
  ],
  each("customers", {
    nobody: [],
    one_customer: customers(["solo", 7, 5]),
    arrives_as_previous_finishes: customers(["a", 0, 5], ["b", 5, 1]),
    all_at_once: customers(["a", 3, 2], ["b", 3, 2], ["c", 3, 2]),
    zero_service: customers(["a", 0, 0], ["b", 0, 4], ["c", 0, 0]),
    gap_clears_queue: customers(["a", 0, 10], ["b", 2, 1], ["c", 30, 2], ["d", 31, 1]),
    decimal_minutes: customers(["a", 0, 1.5], ["b", 0.5, 2.25], ["c", 1, 1]),
    long_queue: customers(["a", 0, 3], ["b", 0, 3], ["c", 1, 3], ["d", 2, 3], ["e", 3, 3]),
  }));

spec("tennis_game_score_call",
  "Call the score of one tennis game from the points won, in order, by player A or B. Scores are called with A's first, as love, 15, 30 or 40 joined by \"-\" (like \"30-15\" or \"love-40\"). Once both have at least 3 points, equal points are \"deuce\" and one point ahead is \"advantage A\" or \"advantage B\". A player with at least 4 points and 2 more than the other has won: \"game A\" or \"game B\", and points listed after that are ignored.",
  obj({ points: arr({ type: "string", enum: ["A", "B"] }) }), TEXT,
  [{ points: ["A", "A", "B"] }, { points: ["B", "A", "B", "B"] }],
  each("points", {
    no_points: [],
    straight_game: ["A", "A", "A", "A"],
    forty_all_is_deuce: ["A", "B", "A", "B", "A", "B"],
    advantage_b: ["A", "A", "A", "B", "B", "B", "B"],
    back_to_deuce: ["A", "A", "A", "B", "B", "B", "A", "B"],
    game_after_deuce: ["B", "B", "B", "A", "A", "A", "B", "B"],
    points_after_game_ignored: ["B", "B", "B", "B", "A", "A", "A"],
    forty_thirty: ["A", "B", "A", "A", "B"],
  }));

const legs = (...r) => rows(["from", "to"], ...r);
spec("itinerary_from_shuffled_legs",
  "Put a trip's flight legs back in order: each leg goes from one city to another, and the list is shuffled. Start at the first city (going through the legs in list order) that some leg leaves from and no leg arrives at; when there is none (a round trip), at the first leg's `from`. Then keep taking the first unused leg, in list order, that leaves from the current city. Return the cities visited in order, the start included; legs never reached are left out.",
  obj({ legs: arr(obj({ from: TEXT, to: TEXT })) }), arr(TEXT),
  [
    { legs: legs(["Paris", "Rome"], ["London", "Paris"], ["Rome", "Athens"]) },
    { legs: legs(["JFK", "LAX"], ["LAX", "SFO"]) },
  ],
  each("legs", {
    no_legs: [],
    one_leg: legs(["A", "B"]),
    start_listed_last: legs(["B", "C"], ["C", "D"], ["A", "B"]),
    round_trip: legs(["Oslo", "Bergen"], ["Bergen", "Oslo"]),
    two_legs_from_same_city: legs(["A", "B"], ["B", "A"], ["A", "C"]),
    unconnected_leg_left_out: legs(["A", "B"], ["X", "Y"]),
    case_matters: legs(["a", "B"], ["b", "C"]),
    longer_trip: legs(["D", "E"], ["B", "C"], ["E", "F"], ["A", "B"], ["C", "D"]),
  }));

const seeded = (...r) => rows(["name", "rating"], ...r);
spec("knockout_bracket_rounds",
  "Play out a knockout tournament: in each round the players are paired in list order (1st against 2nd, 3rd against 4th, ...); the one with the higher rating wins, and with equal ratings the one listed first. A player left without an opponent at the end of a round goes through. Winners keep their order into the next round, until one player is left. Return the names in each round, from the first round to the champion alone; an empty list gives [].",
  obj({ players: arr(obj({ name: TEXT, rating: NUM })) }), arr(arr(TEXT)),
  [
    { players: seeded(["Ann", 1800], ["Bob", 1650], ["Cy", 1700], ["Dee", 1900]) },
    { players: seeded(["Eli", 5], ["Fay", 7]) },
  ],
  each("players", {
    nobody: [],
    one_player: seeded(["solo", 1000]),
    equal_ratings: seeded(["a", 1500], ["b", 1500]),
    odd_three: seeded(["a", 1], ["b", 3], ["c", 2]),
    five_players: seeded(["a", 10], ["b", 20], ["c", 30], ["d", 40], ["e", 50]),
    upsets_order: seeded(["a", 9], ["b", 1], ["c", 2], ["d", 8], ["e", 3], ["f", 7], ["g", 4], ["h", 6]),
    negative_ratings: seeded(["a", -5], ["b", -2]),
    six_players_bye_later: seeded(["a", 6], ["b", 5], ["c", 4], ["d", 3], ["e", 2], ["f", 1]),
  }));

spec("settle_up_payments",
  "Settle up after a shared holiday: `balances` maps each person to what they are owed (positive) or owe (negative), in money. Amounts are first rounded to cents. Then, again and again, the person who owes the most pays the person who is owed the most the smaller of the two amounts, until nobody owes or nobody is owed anything. Ties are broken by name (plain character order, capitals first). Return the payments in order as {from, to, amount}.",
  obj({ balances: mapOf(NUM) }), arr(obj({ from: TEXT, to: TEXT, amount: NONNEG })),
  [
    { balances: { Ann: 30, Bob: -20, Cy: -10 } },
    { balances: { Dee: -45.5, Eli: 20.25, Fay: 25.25 } },
  ],
  each("balances", {
    nobody: {},
    all_square: { a: 0, b: 0 },
    two_people: { a: -12.5, b: 12.5 },
    ties_by_name: { d: -10, c: -10, b: 10, a: 10 },
    one_owes_everyone: { a: -60, b: 10, c: 20, d: 30 },
    does_not_add_up: { a: -5, b: 8 },
    cents_rounded_first: { a: -10.004, b: 10.004 },
    capitals_first: { zed: -5, Zed: -5, amy: 10 },
  }));

const entries = (...r) => rows(["name", "score"], ...r);
spec("high_score_table_after_entry",
  "Add a new score to an arcade high-score table: `table` is kept best first, and the new entry goes just above the first entry with a lower score (so below every entry with a higher or equal score, at the end when there is none). The table then keeps only its first `size` entries. Return the names in the table, best first.",
  obj({ table: arr(obj({ name: TEXT, score: NUM })), entry: obj({ name: TEXT, score: NUM }), size: { type: "integer", minimum: 1, maximum: 100 } }), arr(TEXT),
  [
    { table: entries(["AAA", 9000], ["BOB", 7500], ["CYD", 4000]), entry: { name: "NEW", score: 8000 }, size: 5 },
    { table: entries(["ZED", 300], ["YAN", 200]), entry: { name: "XIA", score: 100 }, size: 3 },
  ],
  {
    empty_table: { table: [], entry: { name: "me", score: 10 }, size: 10 },
    tie_goes_below: { table: entries(["a", 50], ["b", 40]), entry: { name: "me", score: 50 }, size: 5 },
    full_table_low_score_dropped: { table: entries(["a", 50], ["b", 40], ["c", 30]), entry: { name: "me", score: 10 }, size: 3 },
    equal_to_last_of_full_table: { table: entries(["a", 50], ["b", 40], ["c", 30]), entry: { name: "me", score: 30 }, size: 3 },
    new_top_pushes_last_out: { table: entries(["a", 50], ["b", 40], ["c", 30]), entry: { name: "me", score: 99 }, size: 3 },
    size_one: { table: entries(["a", 5]), entry: { name: "me", score: 6 }, size: 1 },
    negative_scores: { table: entries(["a", -1], ["b", -10]), entry: { name: "me", score: -5 }, size: 4 },
    table_longer_than_size: { table: entries(["a", 9], ["b", 8], ["c", 7], ["d", 6]), entry: { name: "me", score: 1 }, size: 2 },
  });

spec("cards_dealt_evenly",
  "Deal cards for a game: one card at a time from the top of `cards`, to player 1, player 2, ... and round again, but only as many full rounds as the deck allows, so every player gets the same number of cards. The cards left over form the kitty, in deck order. Return {hands: one list per player, kitty}.",
  obj({ cards: arr(TEXT), players: { type: "integer", minimum: 1, maximum: 20 } }), obj({ hands: arr(arr(TEXT)), kitty: arr(TEXT) }),
  [
    { cards: ["AS", "KH", "QD", "JC", "10S", "9H", "8D"], players: 3 },
    { cards: ["2C", "3C", "4C", "5C"], players: 2 },
  ],
  {
    no_cards: { cards: [], players: 4 },
    fewer_cards_than_players: { cards: ["a", "b"], players: 3 },
    exact_rounds: { cards: ["a", "b", "c", "d", "e", "f"], players: 3 },
    one_player_takes_all: { cards: ["a", "b", "c"], players: 1 },
    one_left_over: { cards: ["a", "b", "c", "d", "e"], players: 2 },
    same_card_twice: { cards: ["x", "x", "y", "y"], players: 2 },
    cards_equal_players: { cards: ["p", "q", "r", "s"], players: 4 },
    big_kitty: { cards: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"], players: 4 },
  });

const lots = (...r) => rows(["lot", "expires", "qty"], ...r);
spec("lots_picked_first_expiry_first",
  "Pick stock first-expiry-first-out: take `want` units from the lots, starting with the lot that expires soonest (lots expiring on the same day in list order), taking all of a lot before moving on. Return the picks in picking order as {lot, qty}, leaving out lots nothing is taken from. When there is not enough stock, every unit there is gets picked.",
  obj({ lots: arr(obj({ lot: TEXT, expires: ISO_DATE, qty: COUNT })), want: COUNT }), arr(obj({ lot: TEXT, qty: COUNT })),
  [
    { lots: lots(["L1", "2026-09-01", 40], ["L2", "2026-07-15", 25], ["L3", "2026-08-01", 60]), want: 50 },
    { lots: lots(["A", "2027-01-31", 10], ["B", "2026-12-31", 10]), want: 5 },
  ],
  {
    want_nothing: { lots: lots(["A", "2026-01-01", 5]), want: 0 },
    no_lots: { lots: [], want: 3 },
    not_enough_stock: { lots: lots(["A", "2026-03-01", 2], ["B", "2026-02-01", 3]), want: 10 },
    exactly_one_lot: { lots: lots(["A", "2026-03-01", 7], ["B", "2026-02-01", 7]), want: 7 },
    same_day_list_order: { lots: lots(["X", "2026-05-05", 4], ["Y", "2026-05-05", 4]), want: 6 },
    empty_lot_skipped: { lots: lots(["E", "2026-01-01", 0], ["F", "2026-02-01", 9]), want: 2 },
    year_end_before_new_year: { lots: lots(["new", "2027-01-01", 5], ["old", "2026-12-31", 5]), want: 8 },
    three_lots_spanned: { lots: lots(["a", "2026-04-30", 1], ["b", "2026-04-29", 1], ["c", "2026-04-28", 1], ["d", "2026-05-01", 9]), want: 4 },
  });

const skills = (...r) => rows(["name", "skill"], ...r);
spec("balanced_teams_by_skill",
  "Split players into `teams` balanced teams: players are taken from the highest skill down (equal skills in list order), and each joins the team whose total skill is lowest so far (an empty team has 0; on a tie, the team with the lower number). Return each team's player names in the order they joined, team 1 first.",
  obj({ players: arr(obj({ name: TEXT, skill: NONNEG })), teams: { type: "integer", minimum: 1, maximum: 10 } }), arr(arr(TEXT)),
  [
    { players: skills(["Ann", 9], ["Bob", 4], ["Cy", 7], ["Dee", 6]), teams: 2 },
    { players: skills(["Eli", 3], ["Fay", 8], ["Gus", 5]), teams: 3 },
  ],
  {
    no_players: { players: [], teams: 2 },
    one_team: { players: skills(["a", 1], ["b", 2]), teams: 1 },
    more_teams_than_players: { players: skills(["a", 5]), teams: 3 },
    equal_skills_list_order: { players: skills(["a", 5], ["b", 5], ["c", 5], ["d", 5]), teams: 2 },
    zero_skills: { players: skills(["a", 0], ["b", 0], ["c", 0]), teams: 2 },
    strong_player_alone: { players: skills(["star", 20], ["a", 3], ["b", 3], ["c", 3]), teams: 2 },
    decimal_skills: { players: skills(["a", 2.5], ["b", 1.25], ["c", 1.25], ["d", 0.5]), teams: 2 },
    three_teams_six_players: { players: skills(["a", 1], ["b", 2], ["c", 3], ["d", 4], ["e", 5], ["f", 6]), teams: 3 },
  });

const tasks = (...r) => rows(["title", "status"], ...r);
spec("tasks_sorted_by_status_order",
  "Sort tasks for a board by their status, in the order the statuses are listed in `order`; tasks whose status is not in `order` come last. Within a status the tasks keep their list order. Statuses are compared exactly; a status listed twice in order counts at its first place. Return the titles.",
  obj({ tasks: arr(obj({ title: TEXT, status: TEXT })), order: arr(TEXT) }), arr(TEXT),
  [
    { tasks: tasks(["Ship", "done"], ["Write", "doing"], ["Plan", "todo"]), order: ["todo", "doing", "done"] },
    { tasks: tasks(["a", "review"], ["b", "blocked"], ["c", "review"]), order: ["blocked", "review"] },
  ],
  {
    no_tasks: { tasks: [], order: ["todo"] },
    empty_order_unchanged: { tasks: tasks(["x", "done"], ["y", "todo"]), order: [] },
    unknown_status_last: { tasks: tasks(["x", "???"], ["y", "todo"], ["z", "later"]), order: ["todo"] },
    case_differs_is_unknown: { tasks: tasks(["x", "Todo"], ["y", "todo"]), order: ["todo"] },
    status_listed_twice: { tasks: tasks(["x", "b"], ["y", "a"]), order: ["a", "b", "a"] },
    all_same_status: { tasks: tasks(["3", "s"], ["1", "s"], ["2", "s"]), order: ["s"] },
    reverse_of_list: { tasks: tasks(["p", "1"], ["q", "2"], ["r", "3"]), order: ["3", "2", "1"] },
    stable_within_status: { tasks: tasks(["a", "y"], ["b", "x"], ["c", "y"], ["d", "x"]), order: ["x", "y"] },
  });

spec("best_single_trade_profit",
  "The best profit from one trade: from a share's daily prices, oldest first, buy on one day and sell on a later day. The largest sell price minus buy price, rounded to 2 decimals (halves up); 0 when the price never rises from one day to a later day or there are fewer than two days.",
  obj({ prices: arr(NONNEG) }), NONNEG,
  [{ prices: [7, 1, 5, 3, 6, 4] }, { prices: [20, 22.5, 21, 25] }],
  each("prices", {
    no_days: [],
    one_day: [10],
    only_falling: [9, 7, 4, 1],
    flat: [3, 3, 3],
    lowest_after_highest: [10, 12, 2, 5],
    rise_at_the_end: [5, 4, 3, 8],
    decimals: [1.1, 1.35, 1.2],
    best_not_from_lowest: [2, 9, 1, 4],
  }));

const stops = (...r) => rows(["name", "x", "y"], ...r);
spec("nearest_next_stop_route",
  "Plan a delivery round greedily: from the depot at `start`, always drive to the nearest stop not yet visited, where distance is counted in blocks as |x difference| + |y difference|; when several are equally near, the one listed first. Return the stop names in visiting order.",
  obj({ start: obj({ x: NUM, y: NUM }), stops: arr(obj({ name: TEXT, x: NUM, y: NUM })) }), arr(TEXT),
  [
    { start: { x: 0, y: 0 }, stops: stops(["Bakery", 5, 5], ["Cafe", 1, 2], ["Deli", 4, 1]) },
    { start: { x: 10, y: 10 }, stops: stops(["North", 10, 20], ["South", 10, 5]) },
  ],
  {
    no_stops: { start: { x: 0, y: 0 }, stops: [] },
    one_stop: { start: { x: 3, y: 3 }, stops: stops(["only", -4, 9]) },
    tie_listed_first: { start: { x: 0, y: 0 }, stops: stops(["east", 2, 0], ["north", 0, 2]) },
    stop_at_depot: { start: { x: 1, y: 1 }, stops: stops(["far", 9, 9], ["here", 1, 1]) },
    negative_coordinates: { start: { x: 0, y: 0 }, stops: stops(["a", -3, -3], ["b", 2, 3], ["c", -1, 0]) },
    greedy_not_shortest: { start: { x: 0, y: 0 }, stops: stops(["a", 1, 0], ["b", -2, 0], ["c", 4, 0]) },
    same_place_twice: { start: { x: 0, y: 0 }, stops: stops(["p", 2, 2], ["q", 2, 2]) },
    decimal_positions: { start: { x: 0.5, y: 0.5 }, stops: stops(["a", 1.75, 0.5], ["b", 0.5, -0.5]) },
  });

const part = (...r) => rows(["part", "qty"], ...r);
spec("parts_needed_for_assembly",
  "Basic parts needed to build `count` of `item` from a bill of materials: `bom` maps an item to the parts one of it is made from ({part, qty}). Every part that has its own non-empty entry in bom is broken down further; the rest are basic parts. A part that would contain itself (it is already being broken down higher up) counts as a basic part. An item with no entry is itself the only part. Return an object from basic part to total quantity, parts in the order first reached going through the lists depth first; parts with a total of 0 are left out.",
  obj({ bom: mapOf(arr(obj({ part: TEXT, qty: COUNT }))), item: TEXT, count: COUNT }), mapOf(NONNEG),
  [
    { bom: { bike: part(["wheel", 2], ["frame", 1]), wheel: part(["spoke", 32], ["rim", 1]) }, item: "bike", count: 3 },
    { bom: { table: part(["leg", 4], ["top", 1], ["screw", 8]), leg: part(["screw", 2]) }, item: "table", count: 1 },
  ],
  {
    item_not_in_bom: { bom: { x: part(["y", 1]) }, item: "z", count: 5 },
    count_zero: { bom: { x: part(["y", 2]) }, item: "x", count: 0 },
    empty_parts_list_is_basic: { bom: { kit: part(["box", 1], ["pad", 2]), pad: [] }, item: "kit", count: 2 },
    three_levels: { bom: { a: part(["b", 2]), b: part(["c", 3]), c: part(["d", 4]) }, item: "a", count: 1 },
    part_contains_itself: { bom: { loop: part(["loop", 2], ["nut", 1]) }, item: "loop", count: 1 },
    zero_qty_line_left_out: { bom: { x: part(["y", 0], ["z", 1]) }, item: "x", count: 4 },
    shared_part_adds_up: { bom: { car: part(["door", 4], ["bolt", 10]), door: part(["bolt", 6], ["glass", 1]) }, item: "car", count: 2 },
    mutual_cycle: { bom: { p: part(["q", 1]), q: part(["p", 1], ["r", 2]) }, item: "p", count: 1 },
  });

const standings = (...r) => rows(["name", "points"], ...r);
spec("points_behind_leader",
  "How far each team is behind the leader: an object from each team to the points it is behind the team with the most points (the leader, and any team level with it, get 0). A team listed more than once has its points added up first. An empty list gives an empty object.",
  obj({ standings: arr(obj({ name: TEXT, points: NUM })) }), mapOf(NONNEG),
  [
    { standings: standings(["Lions", 42], ["Tigers", 38], ["Bears", 45]) },
    { standings: standings(["Red", 7], ["Blue", 12]) },
  ],
  each("standings", {
    no_teams: [],
    one_team: standings(["solo", 3]),
    level_leaders: standings(["a", 10], ["b", 10], ["c", 4]),
    negative_points: standings(["a", -2], ["b", -7]),
    listed_twice_added: standings(["a", 5], ["b", 8], ["a", 6]),
    all_zero: standings(["a", 0], ["b", 0]),
    half_points: standings(["a", 4.5], ["b", 2], ["c", 3.5]),
    many_teams: standings(["a", 1], ["b", 2], ["c", 3], ["d", 4], ["e", 5], ["f", 6]),
  }));

// ---- strings (15) --------------------------------------------------------------------------------

spec("lines_fully_justified",
  "Fully justify a paragraph to `width` characters: words (runs of characters other than whitespace) fill each line greedily, as many as fit with one space between them. Then every line but the last gets extra spaces between its words until it is exactly `width` long, spread as evenly as possible with the leftmost gaps getting one more. The last line, and a line with a single word, keep single spaces and get no padding. A word longer than `width` stands alone on its line. Return the lines; a text without words gives [].",
  obj({ text: TEXT, width: { type: "integer", minimum: 1, maximum: 200 } }), arr(TEXT),
  [
    { text: "This is an example of text justification.", width: 16 },
    { text: "The quick brown fox jumps over the lazy dog", width: 20 },
  ],
  {
    empty_text: { text: "", width: 10 },
    one_word: { text: "hello", width: 10 },
    fits_on_one_line: { text: "a b c", width: 10 },
    word_longer_than_width: { text: "hi extraordinary yo", width: 5 },
    uneven_gaps_left_first: { text: "a b c d e", width: 8 },
    single_word_line_not_padded: { text: "antidisestablishment is long", width: 20 },
    newlines_and_tabs_are_spaces: { text: "one\ttwo\r\nthree  four\nfive", width: 9 },
    exact_fit: { text: "abc def ghi", width: 7 },
  });

spec("text_quoted_for_reply",
  "Quote a message for an email reply: every line gets \"> \" in front of it, except that an empty line, or a line that already starts with \">\", gets just \">\" (so \"> hi\" becomes \">> hi\"). Lines are separated by \\n (a \\r before it is dropped) and joined with \\n. An empty text is one empty line.",
  obj({ text: TEXT }), TEXT,
  [{ text: "Thanks, see you Monday.\nBest,\nAnn" }, { text: "Sounds good" }],
  each("text", {
    empty_text: "",
    blank_line_in_middle: "Hi\n\nBye",
    already_quoted: "> earlier\nnew",
    crlf_lines: "one\r\ntwo\r\n",
    spaces_only_line: "a\n  \nb",
    quote_mark_inside_line: "a > b",
    double_quoted: ">> older\n> old",
    trailing_newline: "last line\n",
  }));

spec("tsv_as_markdown_table",
  "Turn tab-separated rows pasted from a spreadsheet into a markdown table: the first row is the header; each row is written \"| a | b |\" (cells trimmed of spaces, a | inside a cell written \\|), with \"| --- | --- |\" (one --- per column) after the header. Rows shorter than the longest row get empty cells at the end. Lines are separated by \\n (a \\r before it is dropped), and blank lines (nothing but spaces or tabs) are skipped. Lines joined with \\n; an empty text (or only blank lines) gives an empty text.",
  obj({ text: TEXT }), TEXT,
  [{ text: "Name\tAge\nAnn\t34\nBob\t27" }, { text: "City\tCountry\tPop\nLyon\tFrance\t0.5M" }],
  each("text", {
    empty_text: "",
    header_only: "a\tb\tc",
    short_row_padded: "a\tb\tc\n1\n2\t3",
    pipe_escaped: "x\ty\nA|B\tC",
    crlf_and_blank_lines: "h1\th2\r\n\r\nv1\tv2\r\n",
    cells_trimmed: " a \t b \n 1 \t 2 ",
    longer_data_row: "h\n1\t2\t3",
    empty_cell_and_tabs_only_line: "a\t\tc\n\t\t",
  }));

spec("pasted_line_numbers_removed",
  "Remove line numbers from code pasted out of a viewer: at the start of each line, spaces or tabs, a number (digits), then either one of : . ) followed by an optional single space or tab, or a single space or tab, or the end of the line, are removed. The rest of each line is kept exactly, including its own indentation. Lines without such a number are unchanged. Lines are separated by \\n (a \\r before it is dropped) and joined with \\n.",
  obj({ text: TEXT }), TEXT,
  [{ text: "1: def add(a, b):\n2:     return a + b" }, { text: " 9. let x = 1;\n10. x++;" }],
  each("text", {
    empty_text: "",
    no_numbers: "plain\n  indented",
    space_separated: "1 print('hi')\n2 exit()",
    bracket_style: "1) first\n2)second",
    number_alone: "7\n8\n",
    indentation_after_number_kept: "3:\t\tdeep\n4:  two",
    crlf_lines: "1: a\r\n2: b\r\n",
    digits_then_letters_unchanged: "12abc\nx 1: y",
  }));

spec("email_signature_removed",
  "Cut the signature off an email: it starts at the first line that is exactly \"--\" or \"-- \" (the usual signature line; a \\r at its end ignored). That line and everything after it are dropped, and then any blank lines (nothing but spaces or tabs) left at the end too. Lines are separated by \\n (a \\r before it is dropped) and joined with \\n.",
  obj({ text: TEXT }), TEXT,
  [{ text: "See you at 3.\n\n-- \nAnn Lee\nSales" }, { text: "Thanks!\n--\nBob" }],
  each("text", {
    empty_text: "",
    no_signature: "just\nthis\n",
    signature_on_first_line: "-- \nonly a sig",
    dashes_with_text_not_signature: "-- not a sig\nkeep",
    three_dashes_not_signature: "---\nkeep",
    crlf_signature: "Hi\r\n\r\n-- \r\nName\r\n",
    second_delimiter_inside_signature: "body\n--\nsig\n-- \nmore",
    blank_lines_with_spaces_dropped: "body\n  \n\t\n-- \nx",
  }));

spec("receipt_line_parsed",
  "Read one line of a till receipt like \"2 x Oat Milk @ 1.85\": an optional count followed by x (either case), the item, \"@\" and the unit price (digits, optionally a dot and more digits). Spaces around x and @ are optional; without a count the quantity is 1. Return {item, qty, unitPrice, total}, the item trimmed of spaces and total = qty × unitPrice rounded to 2 decimals (halves up). null when the line does not have that shape.",
  obj({ line: TEXT }), orNull(obj({ item: TEXT, qty: NONNEG, unitPrice: NONNEG, total: NONNEG })),
  [{ line: "2 x Oat Milk @ 1.85" }, { line: "3 X Bagel @ 0.95" }],
  each("line", {
    empty_line: "",
    no_count: "Sourdough loaf @ 3.20",
    no_spaces: "4xApple@0.3",
    whole_price: "1 x Newspaper @ 2",
    no_price: "2 x Milk",
    zero_count: "0 x Gum @ 0.75",
    spaces_around: "   10 x  Eggs   @   0.29  ",
    comma_decimal_not_a_price: "2 x Tea @ 1,50",
  }));

spec("longest_line_number",
  "Which line of a text is the longest? Lines are separated by \\n (a \\r at a line's end is not counted); length is in characters as a person sees them (an emoji counts as one). Return the line's number counting from 1, the first of them when several are equally long; 0 when every line is empty (an empty text included).",
  obj({ text: TEXT }), COUNT,
  [{ text: "short\na much longer line\nmid line" }, { text: "alpha\nbeta\ngammadelta" }],
  each("text", {
    empty_text: "",
    only_newlines: "\n\n\n",
    tie_first_wins: "abc\nxyz\nab",
    crlf_not_counted: "abcd\r\nabcde",
    emoji_is_one_character: "\u{1F600}\u{1F600}\nabc",
    spaces_count: "a\n    \nab",
    single_line: "just one",
    last_line_longest: "a\nbb\nccc",
  }));

spec("class_name_to_source_path",
  "Where a Java class lives in a Maven project: \"com.example.app.Main\" is in \"src/main/java/com/example/app/Main.java\". The dots of the fully qualified name become slashes, \"src/main/java/\" goes in front and \".java\" at the end. A nested class is in its outer class's file: everything from the first $ on is dropped (\"a.Outer$Inner\" is in a/Outer.java). Spaces at both ends of the name are trimmed first; an empty name gives an empty text.",
  obj({ name: TEXT }), TEXT,
  [{ name: "com.example.app.Main" }, { name: "org.shop.Cart" }],
  each("name", {
    empty_name: "",
    no_package: "Hello",
    nested_class: "com.acme.Outer$Inner",
    doubly_nested: "x.A$B$C",
    spaces_trimmed: "  io.Util  ",
    underscores_and_digits: "my_pkg.v2.Parser2",
    long_package: "a.b.c.d.e.F",
    blank_name: "   ",
  }));

spec("deepest_bracket_nesting",
  "How deeply round brackets nest in a text: reading left to right, the most ( brackets open at the same time. A ) with no open bracket to close is ignored; other kinds of bracket ([ ] { }) do not count. 0 when there are none.",
  obj({ text: TEXT }), COUNT,
  [{ text: "f(a, g(b, h(c)))" }, { text: "(x + y) * (z - 1)" }],
  each("text", {
    empty_text: "",
    no_brackets: "plain text",
    never_closed: "((( open",
    stray_closing_ignored: "))(a)",
    square_brackets_ignored: "[[[(x)]]]",
    closing_resets: "(())(((a)))",
    after_stray_close: "(a))(b(c))",
    smiley: "hello :) and (wink ;)",
  }));

spec("csv_column_values",
  "Pull one column out of simple CSV text: the first line is the header, fields are split at every comma (no quoting), lines are separated by \\n (a \\r before it is dropped) and blank lines (nothing but spaces or tabs) are skipped. The column is the first header equal to `column` after trimming spaces at both ends, ignoring upper/lower case. Return its value in each data row, trimmed; a row too short for it gives an empty text. [] when no header matches.",
  obj({ text: TEXT, column: TEXT }), arr(TEXT),
  [
    { text: "name,email,city\nAnn,ann@x.org,Leeds\nBob,bob@y.com,York", column: "email" },
    { text: "id, Score\n1, 40\n2, 55", column: "score" },
  ],
  {
    empty_text: { text: "", column: "a" },
    header_only: { text: "a,b", column: "b" },
    no_such_column: { text: "a,b\n1,2", column: "c" },
    short_row: { text: "a,b,c\n1,2\n4,5,6", column: "c" },
    blank_lines_and_crlf: { text: "a,b\r\n\r\n1,2\r\n  \r\n3,4\r\n", column: "B" },
    first_of_duplicate_headers: { text: "x,x\n1,2", column: "x" },
    empty_values: { text: "k,v\nk1,\nk2, ", column: "v" },
    first_column: { text: "Name,Age\nCy,4", column: " name " },
  });

spec("cheque_amount_in_words",
  "Write an amount on a cheque: the whole dollars in English words, lower case, with no \"and\" and with hyphens from twenty-one to ninety-nine (\"one thousand two hundred forty-five\", \"zero\" for none), then \" and \", the cents as two digits over 100, and \" dollars\": 1245.07 is \"one thousand two hundred forty-five and 07/100 dollars\". The amount is first rounded to cents (halves up).",
  obj({ amount: { type: "number", minimum: 0, maximum: 999999.99 } }), TEXT,
  [{ amount: 1245.07 }, { amount: 86.5 }],
  each("amount", {
    zero: 0,
    cents_only: 0.99,
    exact_hundred: 100,
    teens: 13.13,
    thousands_with_zero_hundreds: 7005,
    largest: 999999.99,
    round_thousands: 250000,
    hyphenated_tens: 91.4,
  }));

spec("photo_filename_to_timestamp",
  "When was a photo taken, from its file name? Phone cameras name files like IMG_20240315_142233.jpg: find the first group of 8 digits (year, month, day), an underscore or hyphen, and 6 digits (hours, minutes, seconds), with no digit directly before or after it, and write it as \"YYYY-MM-DD HH:MM:SS\". The digits are not checked for being a real date or time. null when the name has no such group.",
  obj({ name: TEXT }), orNull(TEXT),
  [{ name: "IMG_20240315_142233.jpg" }, { name: "Screenshot_20231225-081500.png" }],
  each("name", {
    empty_name: "",
    no_timestamp: "holiday.png",
    hyphen_separator: "VID-20260101-000000.mp4",
    seven_digits_not_enough: "IMG_2024031_142233.jpg",
    digit_right_after: "IMG_20240315_1422339.jpg",
    first_of_two: "20200101_010101 copy of 20210202_020202.jpg",
    not_checked_as_date: "IMG_99999999_999999.jpg",
    bare_timestamp: "20261204_235959",
  }));

spec("ordered_list_renumbered",
  "Renumber a markdown numbered list after editing: a line that starts (after any spaces or tabs) with digits, a dot and a space is an item; items are renumbered 1, 2, 3, ... in order, keeping the indentation and the rest of the line. Any line that is not an item (a blank line too) ends the list, and the next item starts again from 1. Lines are separated by \\n (a \\r before it is dropped) and joined with \\n.",
  obj({ text: TEXT }), TEXT,
  [{ text: "1. eggs\n1. milk\n1. bread" }, { text: "Steps:\n3. open\n7. pour\n2. close" }],
  each("text", {
    empty_text: "",
    no_items: "just text\nmore",
    blank_line_restarts: "5. a\n\n9. b\n9. c",
    text_line_restarts: "1. a\nnote\n1. b",
    indented_items: "  4. a\n  8. b",
    no_space_after_dot_not_item: "1.5 is a number\n2. item",
    crlf_lines: "3. x\r\n4. y\r\n",
    big_numbers: "100. a\n200. b\n300. c",
  }));

spec("spoonerism",
  "Make a spoonerism: swap the beginnings of the first two words, where a word's beginning is everything before its first vowel (a, e, i, o or u, either case), which is nothing for a word starting with a vowel and the whole word when it has none. \"bad salad\" becomes \"sad balad\". Words are runs of characters other than whitespace; the result is all the words joined by single spaces. Fewer than two words: just those words joined by single spaces.",
  obj({ text: TEXT }), TEXT,
  [{ text: "bad salad" }, { text: "belly jeans" }],
  each("text", {
    empty_text: "",
    one_word: "  hello  ",
    first_starts_with_vowel: "eat cake",
    no_vowels: "rhythm nymph",
    capitals_kept_as_they_are: "Wicked Pony",
    more_words_kept: "crushing blow today",
    extra_spaces: "  fight   lane  ",
    clusters: "shake strong",
  }));

spec("clock_times_mentioned",
  "Find the clock times in a message: H:MM or HH:MM with hours 0 to 23 and minutes 00 to 59, with no digit or ':' directly before or after. A time may be followed by am or pm (either case, after at most one space, and not followed by a letter), which makes it a 12-hour time: hours 1 to 12 only (12am is 00, 12pm is 12, 1pm is 13); a 12-hour time with another hour is skipped. Return the times as HH:MM (24-hour), in order, repeats kept.",
  obj({ text: TEXT }), arr(HHMM),
  [{ text: "Standup at 9:30, lunch 12:15, demo at 4:00pm" }, { text: "Trains: 07:05 and 19:40" }],
  each("text", {
    empty_text: "",
    no_times: "call me later",
    midnight_and_noon_12h: "12:00am and 12:00pm",
    invalid_hours_and_minutes: "24:00 9:60 23:59",
    pm_hour_too_big: "13:00pm then 1:00 PM",
    part_of_longer_number: "1:2:33 and 10:305",
    am_inside_word: "9:30 amazing",
    repeats_kept: "0:00, 00:00 and 00:00",
  }));

// ---- numbers and units (10) ----------------------------------------------------------------------

spec("elo_rating_after_game",
  "Chess ratings after one game by the Elo system: A's expected score is 1 / (1 + 10^((ratingB - ratingA) / 400)) and B's is 1 minus that. Each new rating is the old one plus 32 × (actual score - expected score), where a win scores 1, a draw 0.5 and a loss 0; `result` is A's result. Return {a, b}, the new ratings each rounded to a whole number (halves up).",
  obj({ ratingA: NUM, ratingB: NUM, result: { type: "string", enum: ["win", "draw", "loss"] } }), obj({ a: NUM, b: NUM }),
  [{ ratingA: 1500, ratingB: 1700, result: "win" }, { ratingA: 2100, ratingB: 1950, result: "draw" }],
  {
    equal_ratings_draw: { ratingA: 1600, ratingB: 1600, result: "draw" },
    equal_ratings_win: { ratingA: 1600, ratingB: 1600, result: "win" },
    favourite_loses: { ratingA: 2400, ratingB: 1800, result: "loss" },
    favourite_wins_little: { ratingA: 2400, ratingB: 1800, result: "win" },
    underdog_draws: { ratingA: 1200, ratingB: 1500, result: "draw" },
    zero_ratings: { ratingA: 0, ratingB: 0, result: "loss" },
    huge_gap: { ratingA: 3000, ratingB: 1000, result: "loss" },
    decimal_ratings: { ratingA: 1523.4, ratingB: 1498.9, result: "win" },
  });

spec("loan_balance_after_payments",
  "What I still owe on a loan after some monthly payments: each month, interest of annualRate ÷ 12 percent of the balance is added, then the payment is taken off; once the balance reaches 0 or less the loan is paid off and stays at 0. The balance after `months` months, rounded to 2 decimals (halves up) at the end only.",
  obj({ principal: NONNEG, annualRate: { type: "number", minimum: 0, maximum: 100 }, payment: NONNEG, months: { type: "integer", minimum: 0, maximum: 600 } }), NONNEG,
  [{ principal: 10000, annualRate: 6, payment: 500, months: 3 }, { principal: 2500, annualRate: 12, payment: 100, months: 12 }],
  {
    no_months: { principal: 1234.56, annualRate: 5, payment: 100, months: 0 },
    zero_rate: { principal: 1000, annualRate: 0, payment: 150, months: 4 },
    paid_off_early: { principal: 300, annualRate: 12, payment: 200, months: 5 },
    paid_off_exactly: { principal: 200, annualRate: 0, payment: 100, months: 2 },
    payment_below_interest_grows: { principal: 10000, annualRate: 24, payment: 100, months: 2 },
    nothing_borrowed: { principal: 0, annualRate: 10, payment: 50, months: 6 },
    no_payments: { principal: 1000, annualRate: 12, payment: 0, months: 12 },
    mortgage_year: { principal: 250000, annualRate: 4.5, payment: 1266.71, months: 12 },
  });

spec("stock_solution_ml_for_dilution",
  "Make up a dilution: by C1 × V1 = C2 × V2, the ml of stock solution (concentration `stock`) needed to make `volume` ml at concentration `target`, and the ml of water to add (volume minus the stock). Both rounded to 1 decimal (halves up), as {stockMl, waterMl}. null when the target is stronger than the stock or the stock concentration is 0.",
  obj({ stock: NONNEG, target: NONNEG, volume: NONNEG }), orNull(obj({ stockMl: NONNEG, waterMl: NONNEG })),
  [{ stock: 10, target: 2, volume: 500 }, { stock: 70, target: 35, volume: 250 }],
  {
    target_zero: { stock: 5, target: 0, volume: 100 },
    same_strength: { stock: 3, target: 3, volume: 40 },
    target_stronger: { stock: 1, target: 2, volume: 100 },
    stock_zero: { stock: 0, target: 0, volume: 100 },
    volume_zero: { stock: 8, target: 4, volume: 0 },
    thirds: { stock: 3, target: 1, volume: 100 },
    small_amounts: { stock: 1000, target: 1, volume: 10 },
    decimal_strengths: { stock: 12.5, target: 0.8, volume: 750 },
  });

spec("voltage_drop_percent",
  "Voltage drop along a DC cable run: the drop in volts is 2 × the run's length in m × the current in A × the cable's resistance in ohms per metre (the 2 because the current goes out and back). Return the drop as a percentage of the supply voltage, rounded to 2 decimals (halves up); 0 when the supply voltage is 0.",
  obj({ length: NONNEG, current: NONNEG, ohmsPerMetre: NONNEG, volts: NONNEG }), NONNEG,
  [{ length: 10, current: 5, ohmsPerMetre: 0.0075, volts: 12 }, { length: 25, current: 2, ohmsPerMetre: 0.012, volts: 24 }],
  {
    no_current: { length: 10, current: 0, ohmsPerMetre: 0.01, volts: 12 },
    no_supply: { length: 10, current: 5, ohmsPerMetre: 0.01, volts: 0 },
    zero_length: { length: 0, current: 5, ohmsPerMetre: 0.01, volts: 12 },
    over_hundred_percent: { length: 100, current: 20, ohmsPerMetre: 0.01, volts: 12 },
    mains_long_run: { length: 40, current: 16, ohmsPerMetre: 0.0074, volts: 230 },
    tiny_drop: { length: 1, current: 0.1, ohmsPerMetre: 0.001, volts: 5 },
    exact_one_percent: { length: 3, current: 2, ohmsPerMetre: 0.02, volts: 24 },
    solar_run: { length: 15, current: 8.5, ohmsPerMetre: 0.0046, volts: 48 },
  });

spec("air_changes_per_hour",
  "How often a room's air is replaced: the fan's airflow in cubic metres per hour divided by the room's volume (length × width × height, in metres). Air changes per hour, rounded to 1 decimal (halves up); 0 when the room has no volume.",
  obj({ airflow: NONNEG, length: NONNEG, width: NONNEG, height: NONNEG }), NONNEG,
  [{ airflow: 150, length: 4, width: 3, height: 2.5 }, { airflow: 400, length: 6, width: 5, height: 2.4 }],
  {
    no_airflow: { airflow: 0, length: 4, width: 3, height: 2.5 },
    no_height: { airflow: 100, length: 4, width: 3, height: 0 },
    exactly_one_change: { airflow: 30, length: 3, width: 4, height: 2.5 },
    thirds: { airflow: 10, length: 3, width: 1, height: 1 },
    big_hall: { airflow: 5000, length: 30, width: 20, height: 6 },
    bathroom_fan: { airflow: 54, length: 2.1, width: 1.7, height: 2.4 },
    decimal_airflow: { airflow: 87.3, length: 2, width: 2, height: 2 },
    tiny_room: { airflow: 1, length: 0.5, width: 0.5, height: 0.5 },
  });

spec("road_gradient_percent",
  "How steep a road is, as a percentage: rise ÷ horizontal distance × 100. The road's length is measured along the road itself, so the horizontal distance is √(length² - rise²). Rounded to 1 decimal (halves up); negative for a road going down (a negative rise). null when the rise is as long as the road or longer (in size).",
  obj({ rise: NUM, length: NONNEG }), orNull(NUM),
  [{ rise: 50, length: 1000 }, { rise: 120, length: 800 }],
  {
    flat: { rise: 0, length: 500 },
    downhill: { rise: -50, length: 1000 },
    vertical: { rise: 10, length: 10 },
    rise_longer_than_road: { rise: 30, length: 20 },
    zero_length: { rise: 0, length: 0 },
    forty_five_degrees: { rise: 7.0710678118654755, length: 10 },
    steep_street: { rise: 3, length: 10 },
    short_ramp: { rise: 0.5, length: 6 },
  });

spec("price_after_yearly_inflation",
  "What a price becomes after some years of inflation: starting from `amount`, each year's inflation rate (a percentage; negative for prices falling) is applied in turn, compounding. The result rounded to 2 decimals (halves up); with no years it is the amount itself, rounded.",
  obj({ amount: NONNEG, rates: arr({ type: "number", minimum: -100 }) }), NONNEG,
  [{ amount: 100, rates: [3, 2.5, 4] }, { amount: 2.4, rates: [10, 10] }],
  {
    no_years: { amount: 19.999, rates: [] },
    zero_inflation: { amount: 50, rates: [0, 0, 0] },
    deflation: { amount: 200, rates: [-1.5] },
    up_then_down_not_back: { amount: 100, rates: [10, -10] },
    prices_wiped_out: { amount: 80, rates: [5, -100] },
    nothing_costs_nothing: { amount: 0, rates: [7, 8] },
    hyperinflation: { amount: 1, rates: [100, 100, 100, 100, 100] },
    ten_years: { amount: 1000, rates: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2] },
  });

spec("weeks_to_target_weight",
  "How many weeks to reach a target weight with a daily calorie deficit, taking 1 kg of body weight as 7700 kcal: the weeks needed to lose (current - target) kg, rounded up to whole weeks. 0 when current is already at or below target; null when there is weight to lose but the daily deficit is 0.",
  obj({ currentKg: NONNEG, targetKg: NONNEG, dailyDeficit: NONNEG }), orNull(COUNT),
  [{ currentKg: 85, targetKg: 80, dailyDeficit: 500 }, { currentKg: 70, targetKg: 68, dailyDeficit: 750 }],
  {
    already_there: { currentKg: 60, targetKg: 60, dailyDeficit: 500 },
    below_target: { currentKg: 55, targetKg: 60, dailyDeficit: 500 },
    no_deficit: { currentKg: 90, targetKg: 80, dailyDeficit: 0 },
    no_deficit_nothing_to_lose: { currentKg: 80, targetKg: 80, dailyDeficit: 0 },
    exactly_whole_weeks: { currentKg: 71, targetKg: 70, dailyDeficit: 1100 },
    just_over_a_week: { currentKg: 71.01, targetKg: 70, dailyDeficit: 1100 },
    small_loss: { currentKg: 65.5, targetKg: 65, dailyDeficit: 300 },
    big_loss: { currentKg: 140, targetKg: 90, dailyDeficit: 1000 },
  });

spec("humidex_from_dew_point",
  "How hot it feels (the Canadian humidex): humidex = T + 0.5555 × (6.11 × e^(5417.7530 × (1/273.16 - 1/(273.15 + Td))) - 10), with T the air temperature and Td the dew point, both in °C. Rounded to 1 decimal (halves up).",
  obj({ temperature: { type: "number", minimum: -100, maximum: 100 }, dewPoint: { type: "number", minimum: -100, maximum: 100 } }), NUM,
  [{ temperature: 30, dewPoint: 15 }, { temperature: 25, dewPoint: 20 }],
  {
    dry_air: { temperature: 30, dewPoint: -10 },
    dew_point_zero: { temperature: 20, dewPoint: 0 },
    muggy: { temperature: 35, dewPoint: 28 },
    saturated: { temperature: 22, dewPoint: 22 },
    freezing: { temperature: -5, dewPoint: -8 },
    zero_both: { temperature: 0, dewPoint: 0 },
    decimal_inputs: { temperature: 27.5, dewPoint: 18.3 },
    tropical: { temperature: 33, dewPoint: 26 },
  });

spec("coffee_temperature_after_minutes",
  "How hot my coffee is after a while, by Newton's law of cooling: the temperature is room + (start - room) × e^(-0.05 × minutes), all in °C, with 0.05 the cooling rate per minute of our mugs. Rounded to 1 decimal (halves up). A drink colder than the room warms up towards it the same way.",
  obj({ start: { type: "number", minimum: -50, maximum: 150 }, room: { type: "number", minimum: -50, maximum: 60 }, minutes: NONNEG }), NUM,
  [{ start: 90, room: 21, minutes: 10 }, { start: 75, room: 18, minutes: 25 }],
  {
    no_time: { start: 88.5, room: 20, minutes: 0 },
    already_room_temperature: { start: 20, room: 20, minutes: 30 },
    cold_drink_warms: { start: 4, room: 22, minutes: 15 },
    very_long_wait: { start: 95, room: 21, minutes: 600 },
    freezing_room: { start: 60, room: -5, minutes: 20 },
    one_minute: { start: 100, room: 0, minutes: 1 },
    half_an_hour: { start: 85, room: 23, minutes: 30 },
    fractional_minutes: { start: 70, room: 19, minutes: 2.5 },
  });

// ---- dates and times (10) ------------------------------------------------------------------------

spec("habit_streak_as_of_date",
  "My current streak for a daily habit: `done` lists the dates I did it (in any order, possibly repeated; dates after `today` are ignored). The streak is the number of days in a row, ending today, on which I did it; if I have not done it today yet, the run ending yesterday still counts, since today is not over. 0 when I did it neither today nor yesterday.",
  obj({ done: arr(ISO_DATE), today: ISO_DATE }), COUNT,
  [
    { done: ["2026-03-01", "2026-03-02", "2026-03-03", "2026-02-27"], today: "2026-03-03" },
    { done: ["2026-06-10", "2026-06-09", "2026-06-11"], today: "2026-06-12" },
  ],
  {
    nothing_done: { done: [], today: "2026-01-01" },
    only_today: { done: ["2026-05-05"], today: "2026-05-05" },
    missed_yesterday_and_today: { done: ["2026-05-01", "2026-05-02"], today: "2026-05-04" },
    repeats_count_once: { done: ["2026-05-03", "2026-05-03", "2026-05-04"], today: "2026-05-04" },
    future_dates_ignored: { done: ["2026-05-05", "2026-05-06"], today: "2026-05-04" },
    across_year_end: { done: ["2025-12-30", "2025-12-31", "2026-01-01"], today: "2026-01-01" },
    across_leap_day: { done: ["2024-02-28", "2024-02-29", "2024-03-01"], today: "2024-03-02" },
    gap_breaks_streak: { done: ["2026-08-01", "2026-08-02", "2026-08-04", "2026-08-05"], today: "2026-08-05" },
  });

spec("rota_shift_on_date",
  "Which shift am I on? A rota repeats `pattern` (one entry per day, like day, day, night, night, off, off) over and over, with pattern[0] on `start`. Return the entry for `date`; dates before start count backwards through the same cycle. An empty pattern gives \"off\".",
  obj({ pattern: arr(TEXT), start: ISO_DATE, date: ISO_DATE }), TEXT,
  [
    { pattern: ["day", "day", "night", "night", "off", "off"], start: "2026-01-05", date: "2026-01-08" },
    { pattern: ["early", "late", "off"], start: "2026-03-01", date: "2026-03-10" },
  ],
  {
    empty_pattern: { pattern: [], start: "2026-01-01", date: "2026-01-02" },
    on_start_date: { pattern: ["a", "b"], start: "2026-04-04", date: "2026-04-04" },
    day_before_start: { pattern: ["a", "b", "c"], start: "2026-04-04", date: "2026-04-03" },
    one_entry: { pattern: ["always"], start: "2020-01-01", date: "2026-12-31" },
    across_leap_day: { pattern: ["x", "y"], start: "2024-02-28", date: "2024-03-01" },
    across_year_end: { pattern: ["1", "2", "3", "4"], start: "2025-12-30", date: "2026-01-02" },
    full_cycle_later: { pattern: ["a", "b", "c", "d", "e", "f", "g"], start: "2026-01-01", date: "2026-01-15" },
    long_before_start: { pattern: ["on", "on", "off"], start: "2026-01-01", date: "2025-01-01" },
  });

spec("iso_week_date_to_calendar_date",
  "Turn an ISO week date (year, week number, day of the week) into a calendar date, like 2026 week 49 day 3 for Wednesday 2 December 2026: ISO weeks run Monday (day 1) to Sunday (day 7), and week 1 of a year is the week holding that year's first Thursday, so it may start in late December of the year before. Return the date as YYYY-MM-DD; week 53 of a year with only 52 weeks runs on into the next year.",
  obj({ year: YEAR, week: { type: "integer", minimum: 1, maximum: 53 }, day: { type: "integer", minimum: 1, maximum: 7 } }), OUT_DATE,
  [{ year: 2026, week: 49, day: 3 }, { year: 2025, week: 20, day: 5 }],
  {
    week_one_starts_in_december: { year: 2025, week: 1, day: 1 },
    week_one_in_january: { year: 2027, week: 1, day: 1 },
    last_sunday: { year: 2026, week: 53, day: 7 },
    fifty_two_week_year_overflows: { year: 2025, week: 53, day: 1 },
    leap_day: { year: 2024, week: 9, day: 4 },
    century_year: { year: 2000, week: 1, day: 1 },
    monday_of_week_ten: { year: 2026, week: 10, day: 1 },
    year_1900: { year: 1900, week: 52, day: 7 },
  });

spec("sprint_number_on_date",
  "Which sprint is a date in? Sprints are `length` days each, back to back with no gaps, sprint 1 starting on `first`. Return \"Sprint N, day D\" with D counted from 1 on the sprint's first day; a date before `first` gives \"before sprint 1\".",
  obj({ first: ISO_DATE, length: { type: "integer", minimum: 1, maximum: 60 }, date: ISO_DATE }), TEXT,
  [{ first: "2026-01-05", length: 14, date: "2026-02-10" }, { first: "2026-06-01", length: 7, date: "2026-06-03" }],
  {
    first_day: { first: "2026-01-05", length: 14, date: "2026-01-05" },
    last_day_of_sprint_one: { first: "2026-01-05", length: 14, date: "2026-01-18" },
    first_day_of_sprint_two: { first: "2026-01-05", length: 14, date: "2026-01-19" },
    day_before_first: { first: "2026-01-05", length: 14, date: "2026-01-04" },
    one_day_sprints: { first: "2026-03-01", length: 1, date: "2026-03-31" },
    across_leap_day: { first: "2024-02-20", length: 10, date: "2024-03-01" },
    across_year_end: { first: "2025-12-15", length: 21, date: "2026-01-05" },
    a_year_later: { first: "2025-01-06", length: 14, date: "2026-01-05" },
  });

spec("next_scheduled_run",
  "When does a scheduled job next run? It runs at the clock time `at` on each of the listed weekdays. From `now` (YYYY-MM-DDTHH:MM), the first run strictly after now, as YYYY-MM-DDTHH:MM; a run at exactly `now` does not count. null when no weekdays are listed.",
  obj({ days: arr(WEEKDAY), at: HHMM, now: STAMP }), orNull(OUT_STAMP),
  [
    { days: ["Monday", "Wednesday", "Friday"], at: "09:00", now: "2026-12-01T10:30" },
    { days: ["Sunday"], at: "23:00", now: "2026-12-04T08:00" },
  ],
  {
    no_days: { days: [], at: "09:00", now: "2026-12-01T10:30" },
    later_today: { days: ["Tuesday"], at: "18:00", now: "2026-12-01T10:30" },
    exactly_now_is_next_week: { days: ["Tuesday"], at: "10:30", now: "2026-12-01T10:30" },
    every_day_tomorrow: { days: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], at: "06:00", now: "2026-12-01T07:00" },
    midnight_run: { days: ["Thursday"], at: "00:00", now: "2026-12-02T23:59" },
    across_year_end: { days: ["Friday"], at: "12:00", now: "2026-12-31T13:00" },
    leap_day: { days: ["Thursday"], at: "08:00", now: "2024-02-28T09:00" },
    day_listed_twice: { days: ["Saturday", "Saturday"], at: "07:30", now: "2026-12-05T07:29" },
  });

spec("salary_date_in_month",
  "When is salary paid in a month? It is paid on `day` of the month, or on the month's last day when the month is shorter; when that date is a Saturday or Sunday it is paid on the Friday before. As YYYY-MM-DD.",
  obj({ year: YEAR, month: { type: "integer", minimum: 1, maximum: 12 }, day: { type: "integer", minimum: 1, maximum: 31 } }), ISO_DATE,
  [{ year: 2026, month: 12, day: 25 }, { year: 2026, month: 3, day: 28 }],
  {
    weekday_unchanged: { year: 2026, month: 12, day: 4 },
    sunday_to_friday: { year: 2026, month: 11, day: 1 },
    saturday_to_friday_previous_month: { year: 2026, month: 8, day: 1 },
    day_31_in_thirty_day_month: { year: 2026, month: 6, day: 31 },
    february_leap_year: { year: 2024, month: 2, day: 30 },
    february_common_year: { year: 2026, month: 2, day: 31 },
    century_february: { year: 1900, month: 2, day: 29 },
    new_year_saturday_back_to_december: { year: 2028, month: 1, day: 1 },
  });

spec("half_birthday_in_year",
  "When is someone's half-birthday in a given year? It is six months after a birthday: same day of the month, or the last day of the month when that month is shorter (31 August gives 28 or 29 February). For someone born January to June that is the half-birthday after that year's birthday; for July to December it comes from the previous year's birthday, so it also falls in `year`. As YYYY-MM-DD.",
  obj({ born: ISO_DATE, year: YEAR }), OUT_DATE,
  [{ born: "1990-03-14", year: 2026 }, { born: "2015-10-02", year: 2026 }],
  {
    born_august_31_leap: { born: "2001-08-31", year: 2024 },
    born_august_31_common: { born: "2001-08-31", year: 2026 },
    century_not_leap: { born: "1980-08-31", year: 1900 },
    born_december_31: { born: "1999-12-31", year: 2026 },
    born_leap_day: { born: "2000-02-29", year: 2026 },
    born_january_1: { born: "2010-01-01", year: 2026 },
    born_march_31: { born: "1970-03-31", year: 2026 },
    born_in_that_year: { born: "2026-05-20", year: 2026 },
  });

spec("flight_duration_across_time_zones",
  "How long is a flight? Departure and arrival are local times (YYYY-MM-DDTHH:MM), each with its place's offset from UTC in hours (5.5 for +05:30, -3 for -03:00); the UTC time is the local time minus the offset. The time in the air as \"Xh Ym\" (hours can go past 24, minutes always shown, like \"7h 5m\"), to the nearest minute; \"0h 0m\" when they are the same instant; null when the arrival is before the departure.",
  obj({ departs: STAMP, departsOffset: { type: "number", minimum: -12, maximum: 14 }, arrives: STAMP, arrivesOffset: { type: "number", minimum: -12, maximum: 14 } }), orNull(TEXT),
  [
    { departs: "2026-07-01T22:15", departsOffset: 1, arrives: "2026-07-02T06:40", arrivesOffset: 4 },
    { departs: "2026-03-10T09:00", departsOffset: -5, arrives: "2026-03-10T11:30", arrivesOffset: -8 },
  ],
  {
    same_zone: { departs: "2026-01-01T08:00", departsOffset: 0, arrives: "2026-01-01T09:05", arrivesOffset: 0 },
    same_instant: { departs: "2026-01-01T12:00", departsOffset: 2, arrives: "2026-01-01T10:00", arrivesOffset: 0 },
    arrives_earlier_local_but_later: { departs: "2026-05-05T10:00", departsOffset: 10, arrives: "2026-05-04T18:30", arrivesOffset: -7 },
    arrival_before_departure: { departs: "2026-05-05T10:00", departsOffset: 0, arrives: "2026-05-05T09:00", arrivesOffset: 0 },
    odd_offsets: { departs: "2026-09-09T23:50", departsOffset: 5.5, arrives: "2026-09-10T06:20", arrivesOffset: 5.75 },
    over_a_day: { departs: "2026-02-28T10:00", departsOffset: -10, arrives: "2026-03-02T07:00", arrivesOffset: 9 },
    leap_day_overnight: { departs: "2024-02-28T21:00", departsOffset: 0, arrives: "2024-03-01T03:00", arrivesOffset: 0 },
    across_new_year: { departs: "2026-12-31T23:00", departsOffset: -3, arrives: "2027-01-01T11:15", arrivesOffset: 1 },
  });

spec("part_of_day_for_time",
  "Which part of the day a clock time is in, to pick a greeting: \"morning\" from 05:00 to 11:59, \"afternoon\" from 12:00 to 16:59, \"evening\" from 17:00 to 21:59 and \"night\" from 22:00 to 04:59.",
  obj({ time: HHMM }), { type: "string", enum: ["morning", "afternoon", "evening", "night"] },
  [{ time: "08:30" }, { time: "19:15" }],
  each("time", {
    midnight: "00:00",
    just_before_morning: "04:59",
    morning_starts: "05:00",
    last_morning_minute: "11:59",
    noon: "12:00",
    evening_starts: "17:00",
    night_starts: "22:00",
    last_minute_of_day: "23:59",
  }));

spec("youth_age_group_for_season",
  "Youth football age group for a season: a player's age is the season year minus the birth year (their age on 31 December of the season). Ages 5 to 17 play in \"U\" followed by age + 1 (age 11 is \"U12\"); 18 and over is \"Open\"; under 5 is \"too young\".",
  obj({ born: ISO_DATE, season: YEAR }), TEXT,
  [{ born: "2014-09-03", season: 2026 }, { born: "2016-01-20", season: 2026 }],
  {
    born_on_new_years_eve: { born: "2014-12-31", season: 2026 },
    born_on_new_years_day: { born: "2015-01-01", season: 2026 },
    youngest_group: { born: "2021-06-01", season: 2026 },
    too_young: { born: "2022-01-01", season: 2026 },
    born_in_season_year: { born: "2026-03-03", season: 2026 },
    oldest_youth: { born: "2009-12-31", season: 2026 },
    open_age: { born: "2008-01-01", season: 2026 },
    leap_day_birthday: { born: "2012-02-29", season: 2025 },
  });

// ---- utility functions (5) -----------------------------------------------------------------------

spec("matrix_spiral_order",
  "Read a grid (a list of rows) in spiral order, like unrolling it: the top row left to right, then down the right column, the bottom row right to left, up the left column, and so on inwards until every cell has been read once. When rows are of different lengths, the grid is as wide as its longest row and missing cells are skipped.",
  obj({ grid: arr(arr(SCALAR)) }), arr(SCALAR),
  [{ grid: [[1, 2, 3], [4, 5, 6], [7, 8, 9]] }, { grid: [["a", "b", "c", "d"], ["e", "f", "g", "h"]] }],
  each("grid", {
    empty_grid: [],
    empty_rows: [[], []],
    one_row: [[1, 2, 3, 4]],
    one_column: [[1], [2], [3]],
    single_cell: [["x"]],
    four_by_four: [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]],
    tall_three_by_two: [[1, 2], [3, 4], [5, 6]],
    ragged_rows: [[1, 2, 3], [4], [5, 6, 7]],
  }));

spec("anagram_groups",
  "Group words that are anagrams of each other (made of the same characters the same number of times, ignoring upper/lower case): the groups in the order of their first word, and each group's words in list order as written, repeats kept. A word with no anagram in the list is a group of one.",
  obj({ words: arr(TEXT) }), arr(arr(TEXT)),
  [{ words: ["listen", "google", "silent", "enlist"] }, { words: ["rat", "tar", "art", "car"] }],
  each("words", {
    no_words: [],
    one_word: ["solo"],
    case_ignored: ["Dusty", "study"],
    repeats_kept: ["ab", "ba", "ab"],
    different_counts_not_anagrams: ["aab", "abb"],
    empty_words_together: ["", "x", ""],
    spaces_count_as_characters: ["dormitory", "dirty room", "dirtyroom"],
    all_different: ["a", "b", "c"],
  }));

spec("matches_like_pattern",
  "Does a text match an SQL LIKE pattern? In the pattern, % matches any run of characters (none too) and _ exactly one character; every other character matches only itself, upper/lower case mattering. The whole text must match the whole pattern. An emoji counts as one character.",
  obj({ text: TEXT, pattern: TEXT }), { type: "boolean" },
  [{ text: "invoice_2026.pdf", pattern: "invoice%.pdf" }, { text: "cat", pattern: "c_t" }],
  {
    empty_both: { text: "", pattern: "" },
    percent_matches_empty: { text: "", pattern: "%" },
    underscore_needs_a_character: { text: "", pattern: "_" },
    case_matters: { text: "Cat", pattern: "cat" },
    must_match_whole_text: { text: "category", pattern: "cat" },
    percent_in_middle_needs_both_ends: { text: "abcx", pattern: "a%c" },
    emoji_is_one_character: { text: "a\u{1F600}b", pattern: "a_b" },
    several_percents: { text: "mississippi", pattern: "%ss%pp_" },
  });

spec("all_modes_of_list",
  "The modes of a list of numbers: every value that appears as often as the most frequent value, each once, in ascending order. An empty list gives [].",
  obj({ values: arr(NUM) }), arr(NUM),
  [{ values: [3, 1, 3, 2, 1] }, { values: [7, 7, 8, 9] }],
  each("values", {
    empty: [],
    one_value: [5],
    all_different: [3, 1, 2],
    negatives: [-1, -1, 2, 2, 0],
    decimals: [0.5, 1.5, 0.5],
    zero_most_common: [0, 0, 0, 1, 1],
    unsorted_ties: [9, 4, 9, 4, 6],
    long_run: [2, 2, 2, 2, 3, 3, 3, 1],
  }));

spec("life_next_generation",
  "One step of Conway's Game of Life: the grid is a list of rows, each a text of '#' (a live cell) and '.' (a dead cell). A live cell with 2 or 3 live neighbours (of its 8) stays alive, a dead cell with exactly 3 live neighbours comes alive, and every other cell is dead in the next step. Cells outside the grid count as dead (no wrapping round). Rows may differ in length; each row keeps its length. Return the next grid in the same form.",
  obj({ grid: arr({ type: "string", pattern: "^[#.]*$" }) }), arr({ type: "string", pattern: "^[#.]*$" }),
  [{ grid: [".....", "..#..", "..#..", "..#..", "....."] }, { grid: ["....", ".##.", ".##.", "...."] }],
  each("grid", {
    empty_grid: [],
    empty_rows: ["", ""],
    lone_cell_dies: ["...", ".#.", "..."],
    full_block_3x3: ["###", "###", "###"],
    corner_no_wrap: ["#.#", "...", "#.#"],
    birth_from_three: ["#.#", "...", ".#."],
    glider: [".#...", "..#..", "###..", ".....", "....."],
    ragged_rows: ["###", "#", "##.."],
  }));
