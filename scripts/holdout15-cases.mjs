// The specs of tests/fixtures/specs/holdout15 without their outputs: description, schemas and the
// inputs of the examples and the named tests. scripts/make-holdout15-specs.mjs adds the outputs.
// New tasks (none a renamed task of an earlier set, checked against their file names only), written
// without running the synthesizer or reading its code, in the proportions of the brief: 20 records
// and lists, 15 strings, 10 numbers and units, 10 dates and times, 5 utility functions.

import { T, obj, arr, HHMM, rows } from "./spec-schemas.mjs";
const NONNEG = { type: "number", minimum: 0 };
const COUNT = { type: "integer", minimum: 0 };
/** A real calendar date's shape: months 01-12 and days 01-31, so no reference meets month 13. */
const ISO_DATE = { type: "string", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" };
const DATE_TIME = { type: "string", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]$" };
const UTC_STAMP = { type: "string", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z$" };
const ANY_JSON = { type: ["string", "number", "boolean", "null", "object", "array"] };
const NAME_OR_NULL = { type: ["string", "null"] };
const NUMBER_OR_NULL = { type: ["number", "null"] };
const mapOf = (values) => ({ type: "object", additionalProperties: values });
const enumOf = (...values) => ({ type: "string", enum: values });
/** One single-field input per value: each("text", {empty: ""}) -> {empty: {text: ""}}. */
const each = (field, named) => Object.fromEntries(Object.entries(named).map(([name, v]) => [name, { [field]: v }]));

export const SPECS = [];
const spec = (capability, description, inputSchema, outputSchema, examples, tests) =>
  SPECS.push({ capability, description, inputSchema, outputSchema, examples, tests });

// ---- records and lists (20) ----------------------------------------------------------------------

const PLAYERS = arr(obj({ name: "string", points: "number" }));
const players = (...r) => rows(["name", "points"], ...r);
spec("dense_rank_of_scores",
  "Places for our quiz night: each player has a name and points. The most points is place 1; players with the same points share a place, and the next lower score gets the next place with no gap (so 1, 2, 2, 3). Give back the places in the same order as the players list.",
  obj({ players: PLAYERS }), arr(T("integer")),
  [
    { players: players(["Ann", 42], ["Ben", 37], ["Cal", 42], ["Dee", 30]) },
    { players: players(["Team A", 12], ["Team B", 15], ["Team C", 9]) },
  ],
  each("players", {
    no_players: [],
    one_player: players(["Solo", 5]),
    all_tied: players(["a", 7], ["b", 7], ["c", 7]),
    tie_at_bottom: players(["a", 10], ["b", 3], ["c", 3], ["d", 8]),
    gap_after_tie: players(["a", 9], ["b", 9], ["c", 9], ["d", 1]),
    negative_points: players(["a", -2], ["b", 0], ["c", -5]),
    decimals: players(["a", 7.5], ["b", 7.25], ["c", 7.5], ["d", 8]),
    already_ascending: players(["a", 1], ["b", 2], ["c", 3], ["d", 4], ["e", 5]),
  }));

const STAFF = arr(obj({ name: "string", manager: NAME_OR_NULL }));
const staff = (...r) => rows(["name", "manager"], ...r);
spec("direct_reports_count",
  "From our staff list (each person has a name and the name of their manager, or null for whoever is at the top), count how many people report directly to each manager. An object from manager name to the number of direct reports, managers in the order they first appear as someone's manager. People with no reports are left out; a manager who isn't on the list themselves still counts.",
  obj({ staff: STAFF }), mapOf(COUNT),
  [
    { staff: staff(["Grace", null], ["Hal", "Grace"], ["Ivy", "Grace"], ["Jon", "Hal"]) },
    { staff: staff(["Pia", null], ["Quinn", "Pia"], ["Rosa", "Quinn"], ["Sam", "Quinn"], ["Tess", "Quinn"]) },
  ],
  each("staff", {
    no_staff: [],
    only_the_boss: staff(["Boss", null]),
    manager_not_listed: staff(["a", "Outsider"], ["b", "Outsider"]),
    two_top_people: staff(["X", null], ["Y", null], ["z", "Y"]),
    name_case_matters: staff(["amy", "Lee"], ["bo", "lee"]),
    reports_listed_before_manager: staff(["w1", "Mgr"], ["Mgr", "CEO"], ["w2", "Mgr"], ["CEO", null]),
    deep_chain: staff(["a", null], ["b", "a"], ["c", "b"], ["d", "c"], ["e", "d"]),
    many_reports: staff(["m", null], ["r1", "m"], ["r2", "m"], ["r3", "m"], ["r4", "m"], ["r5", "r1"], ["r6", "m"]),
  }));

const GAMES = arr(obj({ team: "string", result: enumOf("W", "D", "L") }));
const games = (...r) => rows(["team", "result"], ...r);
spec("longest_winning_streak_per_team",
  "Our league's results in the order the games were played, one line per team per game: {team, result} where result is W (win), D (draw) or L (loss). For each team, its longest run of wins in a row in its own games; a draw or a loss ends a run. An object from team to that number (0 if it never won), teams in the order they first appear.",
  obj({ games: GAMES }), mapOf(COUNT),
  [
    { games: games(["Lions", "W"], ["Bears", "L"], ["Lions", "W"], ["Bears", "W"], ["Lions", "L"], ["Bears", "W"], ["Lions", "W"]) },
    { games: games(["Rovers", "W"], ["Rovers", "D"], ["Rovers", "W"], ["Rovers", "W"], ["Rovers", "W"]) },
  ],
  each("games", {
    no_games: [],
    never_won: games(["A", "L"], ["A", "D"]),
    draw_breaks_run: games(["A", "W"], ["A", "D"], ["A", "W"]),
    other_team_between: games(["A", "W"], ["B", "L"], ["A", "W"], ["B", "L"], ["A", "W"]),
    streak_at_end: games(["A", "L"], ["A", "W"], ["A", "W"], ["A", "W"], ["A", "W"]),
    single_win: games(["A", "W"]),
    team_name_case: games(["united", "W"], ["United", "W"]),
    two_equal_runs: games(["A", "W"], ["A", "W"], ["A", "L"], ["A", "W"], ["A", "W"], ["B", "D"]),
  }));

const ROOMS = arr(obj({ name: "string", seats: COUNT, has_screen: "boolean" }));
const rooms = (...r) => rows(["name", "seats", "has_screen"], ...r);
spec("meeting_rooms_biggest_first",
  "Which meeting rooms can take a group of `people`: the rooms with at least that many seats, biggest first. Rooms with the same number of seats: the ones with a screen come first, then by name from A to Z. Return the room names.",
  obj({ rooms: ROOMS, people: COUNT }), arr("string"),
  [
    { rooms: rooms(["Oak", 8, true], ["Pine", 12, false], ["Elm", 4, true], ["Birch", 10, true]), people: 6 },
    { rooms: rooms(["Alpha", 6, false], ["Beta", 20, true]), people: 2 },
  ],
  {
    none_big_enough: { rooms: rooms(["Tiny", 2, true]), people: 3 },
    exactly_enough: { rooms: rooms(["A", 5, false], ["B", 4, true]), people: 5 },
    no_rooms: { rooms: [], people: 1 },
    same_size_screen_first: { rooms: rooms(["Ash", 8, false], ["Yew", 8, true]), people: 1 },
    same_size_and_screen_by_name: { rooms: rooms(["Maple", 10, true], ["Cedar", 10, true], ["Larch", 10, false]), people: 10 },
    zero_people: { rooms: rooms(["Cupboard", 0, false], ["Hall", 50, false]), people: 0 },
    everything_fits: { rooms: rooms(["C", 3, false], ["A", 9, false], ["B", 6, true], ["D", 9, true]), people: 3 },
    name_case: { rooms: rooms(["annex", 6, false], ["Boardroom", 6, false]), people: 4 },
  });

const PURCHASES = arr(obj({ customer: "string", date: ISO_DATE }));
const purchases = (...r) => rows(["customer", "date"], ...r);
spec("first_purchase_date_per_customer",
  "When did each customer first buy from us? Purchases are {customer, date} in no particular order. An object from customer to the date (YYYY-MM-DD) of their earliest purchase, customers in the order they first appear in the list.",
  obj({ purchases: PURCHASES }), mapOf(ISO_DATE),
  [
    { purchases: purchases(["nora", "2026-03-14"], ["li", "2026-01-02"], ["nora", "2025-11-30"], ["li", "2026-02-20"]) },
    { purchases: purchases(["acme", "2024-07-01"], ["zeta", "2024-06-15"]) },
  ],
  each("purchases", {
    no_purchases: [],
    one_purchase: purchases(["x", "2026-05-05"]),
    same_day_twice: purchases(["x", "2026-05-05"], ["x", "2026-05-05"]),
    across_years: purchases(["x", "2026-01-01"], ["x", "2025-12-31"]),
    earliest_last: purchases(["y", "2026-09-09"], ["y", "2026-08-08"], ["y", "2026-07-07"]),
    customer_case: purchases(["Bo", "2026-02-02"], ["bo", "2026-01-01"]),
    month_before_day: purchases(["z", "2026-10-01"], ["z", "2026-09-30"]),
    many_customers: purchases(["a", "2023-04-04"], ["b", "2023-03-03"], ["a", "2023-02-02"], ["c", "2024-01-01"], ["b", "2022-12-31"]),
  }));

const PRICE_CHANGES = arr(obj({ from: ISO_DATE, price: NONNEG }));
const changes = (...r) => rows(["from", "price"], ...r);
const COFFEE = changes(["2025-01-01", 3.2], ["2025-06-15", 3.5], ["2026-02-01", 3.75]);
spec("price_in_effect_on_date",
  "What did an item cost on a given day? `changes` lists price changes in date order, each {from, price}: the price holds from that date (inclusive) until the next change. Return the price in effect on `date`, or null if the date is before the first change.",
  obj({ changes: PRICE_CHANGES, date: ISO_DATE }), NUMBER_OR_NULL,
  [
    { changes: COFFEE, date: "2025-08-10" },
    { changes: COFFEE, date: "2026-03-01" },
  ],
  {
    before_first: { changes: COFFEE, date: "2024-12-31" },
    on_first_day: { changes: COFFEE, date: "2025-01-01" },
    day_before_change: { changes: COFFEE, date: "2025-06-14" },
    on_change_day: { changes: COFFEE, date: "2025-06-15" },
    no_changes: { changes: [], date: "2026-01-01" },
    price_dropped: { changes: changes(["2026-01-01", 10], ["2026-03-01", 8]), date: "2026-04-01" },
    free_item: { changes: changes(["2026-01-01", 0]), date: "2026-01-02" },
    far_future: { changes: COFFEE, date: "2031-01-01" },
  });

const REPS = arr(obj({ name: "string", quota: COUNT, deals: arr(COUNT) }));
const reps = (...r) => rows(["name", "quota", "deals"], ...r);
spec("reps_who_hit_quota",
  "Which sales reps made their quota this quarter: each rep has a name, a quota in dollars and the dollar values of the deals they closed. A rep made it when their deals add up to at least the quota. Return their names, the one furthest over quota first; reps the same amount over keep the list's order.",
  obj({ reps: REPS }), arr("string"),
  [
    { reps: reps(["Ava", 50000, [20000, 35000]], ["Bo", 40000, [10000, 12000]], ["Cy", 30000, [45000]]) },
    { reps: reps(["Dana", 10000, [4000, 4000, 4000]], ["Eli", 10000, [9000]]) },
  ],
  each("reps", {
    no_reps: [],
    exactly_quota: reps(["A", 1000, [400, 600]]),
    one_short: reps(["A", 1000, [999]]),
    no_deals: reps(["A", 500, []]),
    zero_quota_no_deals: reps(["A", 0, []]),
    tie_keeps_order: reps(["A", 100, [150]], ["B", 200, [250]], ["C", 100, [130]]),
    ascending_margin: reps(["A", 100, [110]], ["B", 100, [120]], ["C", 100, [130]]),
    big_team: reps(["A", 5000, [2000, 2000]], ["B", 3000, [3500]], ["C", 2000, [500, 500, 1500]], ["D", 1000, [1000]], ["E", 8000, [9000]]),
  }));

const INTS = arr(T("integer"));
spec("pairs_adding_up_to_target",
  "How many pairs of entries in `numbers` add up exactly to `target`? A pair is two different positions in the list (each pair counted once, whatever the order), so repeated values make more pairs.",
  obj({ numbers: INTS, target: T("integer") }), COUNT,
  [
    { numbers: [1, 5, 3, 7, 4], target: 8 },
    { numbers: [2, 6, 4, 10], target: 12 },
  ],
  {
    empty: { numbers: [], target: 0 },
    single: { numbers: [4], target: 8 },
    same_value_twice: { numbers: [4, 4], target: 8 },
    three_equal: { numbers: [5, 5, 5], target: 10 },
    negatives: { numbers: [-3, 3, 0, 6, -6], target: 0 },
    no_pair: { numbers: [1, 2, 3], target: 100 },
    duplicates_on_both_sides: { numbers: [1, 1, 9, 9, 9], target: 10 },
    negative_target: { numbers: [-1, -4, 2, -7, -5], target: -5 },
  });

const RESULTS = arr(obj({ class: "string", score: NONNEG }));
const results = (...r) => rows(["class", "score"], ...r);
spec("pass_rate_by_class",
  "Exam pass rate per class: results are {class, score}, and a score of 50 or more is a pass. An object from class to the percentage of its students who passed, rounded to 1 decimal place (halves round up), classes in the order they first appear.",
  obj({ results: RESULTS }), mapOf(NONNEG),
  [
    { results: results(["7A", 64], ["7B", 41], ["7A", 38], ["7B", 77], ["7A", 90], ["7B", 55]) },
    { results: results(["Maths", 80], ["Maths", 45]) },
  ],
  each("results", {
    no_results: [],
    exactly_fifty: results(["X", 50], ["X", 49.5]),
    all_fail: results(["X", 10], ["X", 20]),
    all_pass: results(["X", 100], ["X", 51]),
    one_in_three: results(["X", 60], ["X", 30], ["X", 20]),
    one_in_eight: results(["X", 70], ["X", 1], ["X", 2], ["X", 3], ["X", 4], ["X", 5], ["X", 6], ["X", 7]),
    two_in_seven: results(["Y", 99], ["Y", 98], ["Y", 1], ["Y", 2], ["Y", 3], ["Y", 4], ["Y", 5]),
    class_case: results(["art", 60], ["Art", 40]),
  }));

const MATCHES = arr(obj({ home: "string", away: "string", home_goals: COUNT, away_goals: COUNT }));
const matches = (...r) => rows(["home", "away", "home_goals", "away_goals"], ...r);
spec("team_with_most_wins",
  "Which team won the most matches? Each match is {home, away, home_goals, away_goals}; the side with more goals wins, equal goals is a draw. Return the team with the most wins; if several share the most, the one first in alphabetical order. If nobody won a match, return null.",
  obj({ matches: MATCHES }), NAME_OR_NULL,
  [
    { matches: matches(["City", "Town", 2, 1], ["Rovers", "City", 0, 3], ["Town", "Rovers", 1, 0]) },
    { matches: matches(["Ajax", "Bolt", 1, 4], ["Ajax", "Comet", 2, 0], ["Bolt", "Comet", 2, 2], ["Comet", "Bolt", 0, 1]) },
  ],
  each("matches", {
    no_matches: [],
    all_draws: matches(["A", "B", 1, 1], ["B", "A", 0, 0]),
    away_win: matches(["Home", "Away", 0, 1]),
    tie_alphabetical: matches(["Zed", "Yak", 2, 0], ["Alp", "Bee", 3, 1]),
    more_wins_beats_alphabet: matches(["Mole", "Cat", 1, 0], ["Cat", "Dog", 1, 0], ["Dog", "Mole", 5, 0], ["Cat", "Mole", 0, 2]),
    wins_home_and_away: matches(["A", "B", 1, 0], ["B", "A", 0, 3], ["C", "A", 2, 1]),
    one_draw_one_win: matches(["A", "B", 2, 2], ["B", "C", 3, 2]),
    name_case: matches(["bees", "Ants", 1, 0], ["Ants", "bees", 2, 0], ["Ants", "Cats", 1, 0]),
  }));

const CUSTOMERS = arr(obj({ id: T("integer"), name: "string" }));
const ORDERS_BY_ID = arr(obj({ order_id: "string", customer_id: T("integer") }));
const customers = (...r) => rows(["id", "name"], ...r);
const ordersOf = (...r) => rows(["order_id", "customer_id"], ...r);
spec("customers_without_orders",
  "Customers who have never ordered: `customers` are {id, name} and `orders` are {order_id, customer_id}. Return the names of customers whose id appears in no order, in the order of the customers list.",
  obj({ customers: CUSTOMERS, orders: ORDERS_BY_ID }), arr("string"),
  [
    { customers: customers([1, "Alba"], [2, "Brio"], [3, "Cato"]), orders: ordersOf(["A-100", 1], ["A-101", 1], ["A-102", 3]) },
    { customers: customers([10, "Delta Ltd"], [11, "Echo Inc"]), orders: ordersOf(["B-1", 11]) },
  ],
  {
    no_orders: { customers: customers([1, "a"], [2, "b"]), orders: [] },
    no_customers: { customers: [], orders: ordersOf(["x", 1]) },
    everyone_ordered: { customers: customers([1, "a"], [2, "b"]), orders: ordersOf(["x", 2], ["y", 1]) },
    order_for_unknown_customer: { customers: customers([1, "a"]), orders: ordersOf(["x", 99]) },
    same_name_two_ids: { customers: customers([1, "Kim"], [2, "Kim"]), orders: ordersOf(["x", 1]) },
    id_zero: { customers: customers([0, "zero"], [5, "five"]), orders: ordersOf(["x", 5]) },
    negative_id: { customers: customers([-1, "neg"], [1, "pos"]), orders: ordersOf(["x", 1]) },
    long_lists: { customers: customers([1, "a"], [2, "b"], [3, "c"], [4, "d"], [5, "e"], [6, "f"]), orders: ordersOf(["o1", 2], ["o2", 4], ["o3", 2], ["o4", 6]) },
  });

const EVENTS = arr(obj({ ticket: "string", status: enumOf("open", "in_progress", "closed") }));
const events = (...r) => rows(["ticket", "status"], ...r);
spec("tickets_reopened_after_closing",
  "Find the tickets that were reopened. `events` are status changes {ticket, status} in time order, status being open, in_progress or closed. A ticket was reopened when, after being closed, it later gets a status other than closed. Return each such ticket once, in the order in which they were first reopened.",
  obj({ events: EVENTS }), arr("string"),
  [
    { events: events(["T1", "open"], ["T2", "open"], ["T1", "closed"], ["T2", "closed"], ["T1", "open"], ["T1", "closed"]) },
    { events: events(["BUG-7", "open"], ["BUG-7", "in_progress"], ["BUG-7", "closed"], ["BUG-8", "open"], ["BUG-8", "closed"], ["BUG-8", "in_progress"]) },
  ],
  each("events", {
    no_events: [],
    never_closed: events(["a", "open"], ["a", "in_progress"]),
    closed_twice_in_a_row: events(["a", "closed"], ["a", "closed"]),
    reopened_twice: events(["a", "closed"], ["a", "open"], ["a", "closed"], ["a", "in_progress"]),
    order_of_reopening: events(["a", "closed"], ["b", "closed"], ["b", "open"], ["a", "open"]),
    starts_closed: events(["x", "closed"], ["x", "in_progress"]),
    other_ticket_closed: events(["a", "closed"], ["b", "open"]),
    ticket_case: events(["t", "closed"], ["T", "open"]),
  }));

const MEMBERSHIPS = arr(obj({ student: "string", club: "string" }));
const joins = (...r) => rows(["student", "club"], ...r);
spec("students_in_several_clubs",
  "Students who belong to more than one club: each membership is {student, club}. Return the students in at least two different clubs (being listed twice for the same club doesn't count), sorted alphabetically.",
  obj({ memberships: MEMBERSHIPS }), arr("string"),
  [
    { memberships: joins(["Mia", "Chess"], ["Leo", "Chess"], ["Mia", "Drama"], ["Ana", "Drama"], ["Leo", "Choir"]) },
    { memberships: joins(["Zoe", "Art"], ["Yan", "Art"]) },
  ],
  each("memberships", {
    no_memberships: [],
    same_club_twice: joins(["Kai", "Chess"], ["Kai", "Chess"]),
    three_clubs: joins(["Kai", "A"], ["Kai", "B"], ["Kai", "C"]),
    alphabetical_not_list_order: joins(["Tom", "A"], ["Tom", "B"], ["Abe", "A"], ["Abe", "C"], ["Max", "B"], ["Max", "C"]),
    club_case_differs: joins(["Ida", "Chess"], ["Ida", "chess"]),
    one_each: joins(["A", "x"], ["B", "y"], ["C", "z"]),
    duplicate_then_new: joins(["Eve", "Band"], ["Eve", "Band"], ["Eve", "Choir"]),
    many: joins(["Nia", "Art"], ["Ola", "Art"], ["Nia", "Band"], ["Pat", "Band"], ["Ola", "Code"], ["Pat", "Band"], ["Ray", "Code"], ["Ray", "Art"]),
  }));

const BASKETS = arr(arr("string"));
spec("items_most_often_bought_together",
  "Which two products are most often bought together? Each basket is a list of product names (a product listed twice in one basket counts once). Find the pair of different products found together in the most baskets, and return it as the two names in alphabetical order. If several pairs tie, the pair that comes first alphabetically (by its first name, then its second). If no basket has two different products, return null.",
  obj({ baskets: BASKETS }), { type: ["array", "null"], items: T("string") },
  [
    { baskets: [["bread", "butter", "milk"], ["bread", "butter"], ["milk", "eggs"], ["butter", "jam", "bread"]] },
    { baskets: [["tea", "lemon"], ["honey", "tea", "lemon"], ["honey", "tea"]] },
  ],
  each("baskets", {
    no_baskets: [],
    single_items_only: [["a"], ["b"], ["a"]],
    same_item_twice: [["a", "a"], ["b"]],
    one_basket: [["pear", "apple"]],
    tie_alphabetical: [["x", "y"], ["b", "c"], ["a", "z"]],
    repeat_in_basket_counts_once: [["a", "b", "b"], ["c", "d"], ["c", "d"]],
    empty_baskets: [[], [], ["m", "n"]],
    case_matters: [["Tea", "milk"], ["tea", "milk"], ["tea", "milk"], ["Tea", "sugar"]],
  }));

const ORDERS = arr(obj({ id: "string", customer: "string", amount: NONNEG }));
const orders = (...r) => rows(["id", "customer", "amount"], ...r);
spec("orders_above_customer_average",
  "Orders that are bigger than usual for that customer: each order is {id, customer, amount}. Return the ids of the orders whose amount is above the average amount of that same customer's orders, in list order.",
  obj({ orders: ORDERS }), arr("string"),
  [
    { orders: orders(["o1", "ann", 20], ["o2", "ann", 50], ["o3", "bob", 15], ["o4", "ann", 20], ["o5", "bob", 25]) },
    { orders: orders(["A7", "kiosk", 12.5], ["A8", "kiosk", 9.99], ["A9", "cafe", 40]) },
  ],
  each("orders", {
    no_orders: [],
    single_order: orders(["x", "c", 10]),
    all_equal: orders(["x", "c", 30], ["y", "c", 30], ["z", "c", 30]),
    customers_apart: orders(["a1", "big", 1000], ["b1", "small", 5], ["a2", "big", 900], ["b2", "small", 6]),
    zero_amounts: orders(["x", "c", 0], ["y", "c", 0], ["z", "c", 3]),
    one_above_many_below: orders(["1", "c", 1], ["2", "c", 1], ["3", "c", 1], ["4", "c", 9]),
    customer_case: orders(["x", "Ann", 5], ["y", "ann", 50]),
    cents: orders(["x", "c", 10.1], ["y", "c", 10.2], ["z", "c", 10.4]),
  }));

const PICKS = arr(obj({ sku: "string", aisle: { type: "integer", minimum: 1 }, shelf: { type: "integer", minimum: 1 } }));
const picks = (...r) => rows(["sku", "aisle", "shelf"], ...r);
spec("pick_list_walking_order",
  "Order a warehouse pick list the way a picker walks it: aisles from lowest to highest; in odd-numbered aisles walk the shelves upward (shelf 1, 2, 3, ...), in even-numbered aisles walk them downward. Items on the same aisle and shelf keep the order they were listed in. Return the SKUs in walking order.",
  obj({ items: PICKS }), arr("string"),
  [
    { items: picks(["SKU-4", 2, 1], ["SKU-1", 1, 3], ["SKU-2", 1, 1], ["SKU-5", 2, 6]) },
    { items: picks(["B", 3, 2], ["A", 3, 9], ["C", 1, 5]) },
  ],
  each("items", {
    no_items: [],
    one_item: picks(["only", 7, 7]),
    same_spot_keeps_order: picks(["x", 1, 1], ["y", 1, 1], ["z", 1, 1]),
    even_aisle_downward: picks(["low", 4, 1], ["mid", 4, 5], ["high", 4, 9]),
    odd_aisle_upward: picks(["high", 5, 9], ["low", 5, 1], ["mid", 5, 5]),
    aisle_ten_after_nine: picks(["ten", 10, 1], ["nine", 9, 1], ["two", 2, 1]),
    same_spot_in_even_aisle: picks(["p", 2, 3], ["q", 2, 3], ["r", 2, 8]),
    full_walk: picks(["a", 3, 1], ["b", 2, 2], ["c", 1, 2], ["d", 2, 7], ["e", 3, 4], ["f", 1, 1], ["g", 4, 3], ["h", 4, 4]),
  }));

const CLAIMS = arr(obj({ person: "string", amount: NONNEG }));
const claims = (...r) => rows(["person", "amount"], ...r);
spec("reimbursement_capped_per_person",
  "Travel expense payout: claims are {person, amount}, and each person is paid back the total of their claims but never more than `cap` in all. An object from person to the amount paid back, rounded to 2 decimals (half a cent rounds up), people in the order they first claim.",
  obj({ claims: CLAIMS, cap: NONNEG }), mapOf(NONNEG),
  [
    { claims: claims(["Ines", 120.5], ["Jack", 80], ["Ines", 95]), cap: 200 },
    { claims: claims(["Kofi", 30], ["Lara", 310]), cap: 250 },
  ],
  {
    no_claims: { claims: [], cap: 100 },
    exactly_cap: { claims: claims(["a", 60], ["a", 40]), cap: 100 },
    zero_cap: { claims: claims(["a", 10], ["b", 0]), cap: 0 },
    many_small: { claims: claims(["a", 0.1], ["a", 0.2], ["a", 0.3]), cap: 50 },
    single_claim_over: { claims: claims(["a", 999.99]), cap: 500 },
    person_case: { claims: claims(["Sam", 10], ["sam", 20]), cap: 15 },
    cap_with_cents: { claims: claims(["a", 75.25], ["b", 20]), cap: 60.5 },
    mixed: { claims: claims(["x", 40], ["y", 10], ["x", 70], ["z", 5], ["y", 95.55]), cap: 100 },
  });

const PACKS = arr(obj({ size: { type: "integer", minimum: 1 }, price: NONNEG }));
const packs = (...r) => rows(["size", "price"], ...r);
const SCREWS = packs([10, 2.5], [50, 9], [25, 5.25], [100, 15]);
spec("smallest_pack_that_covers",
  "I need `needed` screws and want to buy just one pack: pick the smallest pack size that holds at least that many; if there are several packs of that size, the cheapest. Return its price, or null when no pack is big enough.",
  obj({ packs: PACKS, needed: COUNT }), NUMBER_OR_NULL,
  [
    { packs: SCREWS, needed: 30 },
    { packs: SCREWS, needed: 8 },
  ],
  {
    exactly_a_size: { packs: SCREWS, needed: 25 },
    one_more_than_a_size: { packs: SCREWS, needed: 51 },
    too_many: { packs: SCREWS, needed: 101 },
    no_packs: { packs: [], needed: 1 },
    need_zero: { packs: SCREWS, needed: 0 },
    same_size_cheaper_later: { packs: packs([20, 6], [20, 4.5], [40, 8]), needed: 15 },
    bigger_pack_cheaper: { packs: packs([30, 9], [60, 7]), needed: 20 },
    largest_only: { packs: packs([5, 1], [500, 40]), needed: 499 },
  });

const RESPONSES = arr(obj({ question: "string", answer: "string" }));
const answers = (...r) => rows(["question", "answer"], ...r);
spec("most_common_answer_per_question",
  "Survey summary: responses are {question, answer}. For each question, the answer given most often, comparing answers without regard to upper/lower case and spaces around them, written in lower case with those spaces removed. When answers tie, the one given first for that question wins. An object from question to its answer, questions in the order they first appear.",
  obj({ responses: RESPONSES }), mapOf(T("string")),
  [
    { responses: answers(["Favourite colour", "Blue"], ["Favourite colour", "green"], ["Pets?", "yes"], ["Favourite colour", "blue"], ["Pets?", "No"], ["Pets?", "no"]) },
    { responses: answers(["Q1", "Agree"], ["Q1", "Disagree"], ["Q1", "Agree"]) },
  ],
  each("responses", {
    no_responses: [],
    single: answers(["q", "Maybe"]),
    tie_first_given: answers(["q", "b"], ["q", "a"], ["q", "a"], ["q", "b"]),
    case_and_spaces_merged: answers(["q", " YES"], ["q", "no"], ["q", "yes "]),
    questions_separate: answers(["q1", "x"], ["q2", "y"], ["q2", "y"], ["q1", "z"], ["q1", "z"]),
    question_case_matters: answers(["Age", "30"], ["age", "40"]),
    empty_answer: answers(["q", ""], ["q", "  "], ["q", "x"]),
    later_overtakes: answers(["q", "a"], ["q", "b"], ["q", "b"], ["q", "c"], ["q", "c"], ["q", "c"]),
  }));

spec("repeated_names_with_counts",
  "Spot duplicate sign-ups: given the names on a sign-up sheet, which names appear more than once, and how often? Names are compared ignoring upper/lower case and spaces at either end; blank entries are skipped. An object from the name in lower case (trimmed) to its count, only for names seen at least twice, in the order each name first appears.",
  obj({ names: arr("string") }), mapOf(COUNT),
  [
    { names: ["Ana", "Ben", "ana", "Cleo", "Ben", "ANA"] },
    { names: ["Dev", "Eli", "Fay"] },
  ],
  each("names", {
    no_names: [],
    blank_entries: ["", "  ", "", "x"],
    spaces_around: [" Kim", "Kim  "],
    inner_space_kept: ["Mary Ann", "MaryAnn", "mary ann"],
    order_of_first_appearance: ["b", "a", "a", "b"],
    three_times: ["q", "Q", "q"],
    one_repeated_among_many: ["a", "b", "c", "d", "c", "e"],
    tab_at_end: ["Lou\t", "lou"],
  }));

// ---- strings (15) --------------------------------------------------------------------------------

const TEXT = obj({ text: "string" });

spec("text_without_mentions",
  "Strip the @mentions out of a post. A mention is an @ at the start of the text or right after whitespace, followed by one or more letters, digits or underscores; it is removed. Then tidy up: any run of whitespace becomes one space and there is none at either end. An @ inside a word (like an email address) is not a mention.",
  TEXT, T("string"),
  [
    { text: "@maria thanks for the help yesterday!" },
    { text: "Great talk by @dev_jo and @Sam99 today" },
  ],
  each("text", {
    empty: "",
    no_mentions: "just a normal  post",
    email_kept: "write to help@example.com or @support",
    only_mentions: "@a @b",
    mention_at_end: "see you @Tom",
    lone_at_sign: "meet @ 5pm",
    newline_before: "hello\n@bob see this",
    punctuation_after: "thanks @lee, really",
  }));

spec("question_count",
  "How many questions does a message ask? Count the question marks, but a run of question marks right next to each other counts as one question (so 'really??' is one).",
  TEXT, COUNT,
  [
    { text: "Are you coming tonight? What time??" },
    { text: "No questions here." },
  ],
  each("text", {
    empty: "",
    single: "?",
    separated_by_space: "? ?",
    mixed_marks: "what?!?",
    many_in_a_row: "why?????",
    question_in_middle: "so? anyway, fine",
    three_questions: "Who? What? Where?",
    newlines: "ok?\n?\nyes",
  }));

spec("hyphenated_word_count",
  "Count the hyphenated words in a text, like well-known or x-ray. Words are the pieces between whitespace; a word counts when it has a hyphen with a letter (a to z, either case) directly on each side. A lone dash or a double dash between words doesn't make a word hyphenated.",
  TEXT, COUNT,
  [
    { text: "A well-known, long-term plan for the x-ray unit." },
    { text: "Nothing - or almost nothing -- here." },
  ],
  each("text", {
    empty: "",
    one: "e-mail",
    trailing_hyphen: "pre- and post-war",
    digits_around: "call 555-0199 at 9-5",
    double_hyphen_in_word: "well--known",
    two_hyphens_one_word: "mother-in-law visits",
    capitals: "Jean-Luc and COVID-Nineteen",
    tabs_and_newlines: "a-b\tc-d\ne-f",
  }));

spec("doubled_letters_collapsed",
  "Squash repeated characters: wherever the same character appears several times in a row, keep only one of them (bookkeeper becomes bokeper). Upper and lower case are different characters, so 'Aa' stays as it is.",
  TEXT, T("string"),
  [
    { text: "bookkeeper" },
    { text: "Hellooo   world!!" },
  ],
  each("text", {
    empty: "",
    single_char: "a",
    case_differs: "Aa",
    all_same: "zzzzzz",
    digits: "1100222",
    no_repeats: "abcdef",
    alternating: "ababab",
    newlines: "a\n\n\nb",
  }));

spec("percentages_in_text",
  "Pull out the percentages mentioned in a report: every number written directly before a % sign (like 12% or 4.5%, or -3% with the minus right before the digits), in the order they appear, as numbers.",
  TEXT, arr(T("number")),
  [
    { text: "Sales grew 12% while costs rose 4.5%." },
    { text: "Churn fell to 3% from 7%" },
  ],
  each("text", {
    empty: "",
    no_percent: "about 50 per cent",
    space_before_sign: "almost 20 %",
    negative: "a -3% change",
    hyphen_with_space: "down - 5%",
    hundred: "100% sure",
    decimal_zero: "0.0% and 10.25%",
    lone_sign: "% of what?",
  }));

spec("lines_mentioning_word",
  "Which lines of a text mention `word`? Return the line numbers (the first line is 1) of the lines that contain it as a whole word, ignoring upper/lower case. A whole word means no letter or digit directly before or after it. Lines are separated by \\n (a \\r before it is ignored).",
  obj({ text: "string", word: { type: "string", pattern: "^[A-Za-z]+$" } }), arr(T("integer")),
  [
    { text: "Error: disk full\nretrying\nERROR again", word: "error" },
    { text: "cat\ncatalog\nthe cat sat", word: "cat" },
  ],
  {
    empty_text: { text: "", word: "x" },
    no_match: { text: "a\nb", word: "c" },
    twice_on_one_line: { text: "go go\nstop", word: "go" },
    punctuation_around: { text: "(warning)\nwarning:\nwarnings", word: "warning" },
    digit_next_to_it: { text: "v2\nv 2\nv", word: "v" },
    windows_line_endings: { text: "one\r\ntwo\r\nthree", word: "two" },
    underscore_is_not_a_letter: { text: "log_file\nlogfile", word: "log" },
    blank_lines_counted: { text: "\n\nfound it", word: "found" },
  });

spec("longest_word_with_unique_letters",
  "Find the longest word in which no letter is used twice (ignoring upper/lower case). Words are runs of the letters a to z, either case. If several are equally long, the first one; if there is none, an empty string. Return the word as written.",
  TEXT, T("string"),
  [
    { text: "the quick brown fox jumps" },
    { text: "Letters repeat in bookkeeping but not in dusty words" },
  ],
  each("text", {
    empty: "",
    no_letters: "123 456!",
    case_counts_as_same: "Anna and Bob",
    tie_first_wins: "abc def",
    punctuation_splits: "can't-stop",
    all_repeat: "aa bb cc",
    long_winner: "uncopyrightable is long",
    digits_split_words: "ab1cd",
  }));

spec("long_words_shouted",
  "Make the long words in a text stand out: every word of more than `min_length` letters is written in capitals; everything else stays as it is. A word is a run of the letters a to z (either case).",
  obj({ text: "string", min_length: COUNT }), T("string"),
  [
    { text: "this is a really important message", min_length: 5 },
    { text: "Meet at noon, bring snacks.", min_length: 4 },
  ],
  {
    empty: { text: "", min_length: 3 },
    exactly_the_length: { text: "four fives", min_length: 4 },
    zero_min: { text: "a b c", min_length: 0 },
    apostrophe_splits: { text: "shouldn't", min_length: 3 },
    already_capitals: { text: "NASA launches", min_length: 3 },
    digits_untouched: { text: "room 12345 booked", min_length: 2 },
    large_min: { text: "nothing changes here", min_length: 50 },
    hyphenated: { text: "state-of-the-art", min_length: 3 },
  });

spec("folder_depth_of_path",
  "How many folders deep is a file? The path ends in a file name and its folders are separated by / or \\. 'docs/guide/intro.md' is 2 deep, 'readme.txt' is 0. A leading /, a ./ at the start or along the way, and doubled separators add no depth.",
  obj({ path: { type: "string", minLength: 1 } }), COUNT,
  [
    { path: "docs/guide/intro.md" },
    { path: "readme.txt" },
  ],
  each("path", {
    absolute: "/usr/local/bin/tool",
    dot_slash: "./src/main.js",
    windows: "projects\\site\\index.html",
    doubled_separator: "a//b.txt",
    mixed_separators: "a\\b/c\\d.txt",
    dot_in_middle: "a/./b/c.txt",
    deep: "1/2/3/4/5/6/7/8/x",
    hidden_file: "home/.bashrc",
  }));

spec("non_space_character_count",
  "Count the characters in a post without the whitespace: spaces, tabs and line breaks are not counted, everything else is (an emoji counts as one character).",
  TEXT, COUNT,
  [
    { text: "Hello world" },
    { text: "  lots   of   space  " },
  ],
  each("text", {
    empty: "",
    only_spaces: "    ",
    tabs_and_newlines: "a\tb\nc\r\nd",
    punctuation: "!?.,;:",
    emoji: "hi 👋",
    digits: "1 000 000",
    accented: "café au lait",
    single: "x",
  }));

const BOX = { type: "string", pattern: "^ *[0-9]+(\\.[0-9]+)? *[xX×] *[0-9]+(\\.[0-9]+)? *[xX×] *[0-9]+(\\.[0-9]+)? *(mm|cm|m)$" };
spec("box_dimensions_from_text",
  "Read a parcel's size from what people type, like '30 x 20 x 10 cm': three numbers separated by x (or X or ×, spaces optional) and a unit of mm, cm or m. Return {length, width, height} in centimetres, in the order written.",
  obj({ size: BOX }), obj({ length: NONNEG, width: NONNEG, height: NONNEG }),
  [
    { size: "30 x 20 x 10 cm" },
    { size: "450x300x125mm" },
  ],
  each("size", {
    metres: "1.2 x 0.8 x 0.5 m",
    capital_x: "10X10X10cm",
    times_sign: "40 × 30 × 20 cm",
    decimals_cm: "12.5 x 7.25 x 3 cm",
    millimetre_fraction: "5 x 15 x 105 mm",
    zero_side: "0 x 10 x 10 cm",
    leading_spaces: "  20x20x20 cm",
    one_metre_cube: "1x1x1m",
  }));

spec("banned_words_starred",
  "Censor a chat message: each whole-word use of a word from `banned` (ignoring upper/lower case) is replaced by as many asterisks as it has letters. Whole word means no letter or digit directly before or after it; everything else in the message stays as it is.",
  obj({ text: "string", banned: arr({ type: "string", pattern: "^[A-Za-z]+$" }) }), T("string"),
  [
    { text: "that was a darn silly move", banned: ["darn", "silly"] },
    { text: "Heck, HECK!", banned: ["heck"] },
  ],
  {
    empty_text: { text: "", banned: ["x"] },
    nothing_banned: { text: "darn it", banned: [] },
    inside_longer_word: { text: "darned darn", banned: ["darn"] },
    next_to_digit: { text: "darn1 darn", banned: ["darn"] },
    punctuation_around: { text: "(darn) 'darn'", banned: ["darn"] },
    overlapping_banned_words: { text: "bad badly", banned: ["bad", "badly"] },
    mixed_case: { text: "DaRn", banned: ["darn"] },
    several_times: { text: "silly silly silly", banned: ["silly"] },
  });

spec("acrostic_of_lines",
  "Read the hidden word in a poem: take the first character of each line that is not a space or tab, capitalise it, and join them. Lines with nothing but spaces or tabs are skipped. Lines are separated by \\n (a \\r before it is ignored).",
  TEXT, T("string"),
  [
    { text: "Hidden in plain sight\nIt waits for you\nNever far away\nTake a look" },
    { text: "  over the hill\n  kites are flying" },
  ],
  each("text", {
    empty: "",
    blank_lines_skipped: "a\n\n   \nb",
    windows_line_endings: "one\r\ntwo\r\n",
    not_a_letter: "1 apple\n- note",
    already_capital: "Alpha\nBeta",
    tab_indent: "\tgamma\n\tdelta",
    single_line: "x marks the spot",
    accented: "élan\nécole",
  }));

spec("distinct_letters_used",
  "How many different letters of the alphabet (a to z) does a text use? Upper and lower case count as the same letter; digits, spaces, punctuation and accented letters are not counted.",
  TEXT, COUNT,
  [
    { text: "Hello, World!" },
    { text: "aaa bbb" },
  ],
  each("text", {
    empty: "",
    no_letters: "123 !?",
    case_merged: "AaBbCc",
    pangram: "The quick brown fox jumps over the lazy dog",
    accented: "éèê e",
    digits_and_letters: "a1b2c3",
    one_letter_many_times: "zzzzZZZZ",
    newlines: "x\ny\nz",
  }));

spec("dollar_amounts_total_in_text",
  "Add up the dollar amounts in a message. An amount is a $ sign followed directly by digits, possibly with commas between groups of three (like $1,200) and possibly with cents (like $4.50 or $3.5). Return the total, rounded to 2 decimals.",
  TEXT, T("number"),
  [
    { text: "Lunch was $12.50 and the taxi $30." },
    { text: "Paid $1,200 rent plus $45.99 internet" },
  ],
  each("text", {
    empty: "",
    no_amounts: "about 40 dollars",
    space_after_sign: "$ 20",
    lone_dollar: "$ signs everywhere $",
    one_cent_digit: "$3.5 and $0.05",
    big_number: "$1,234,567.89",
    cents_add_up: "$0.10 $0.20 $0.70",
    sentence_period: "It cost $8. Then $2.",
  }));

// ---- numbers and units (10) ----------------------------------------------------------------------

spec("caffeine_total_mg",
  "Estimate my caffeine for the day: a mug of brewed coffee has about 95 mg, a shot of espresso 63 mg and a can of cola 34 mg. Given how many of each I had, the total in mg.",
  obj({ coffees: COUNT, espressos: COUNT, colas: COUNT }), COUNT,
  [
    { coffees: 2, espressos: 0, colas: 1 },
    { coffees: 0, espressos: 3, colas: 0 },
  ],
  {
    nothing: { coffees: 0, espressos: 0, colas: 0 },
    one_coffee: { coffees: 1, espressos: 0, colas: 0 },
    one_cola: { coffees: 0, espressos: 0, colas: 1 },
    one_of_each: { coffees: 1, espressos: 1, colas: 1 },
    heavy_day: { coffees: 5, espressos: 4, colas: 3 },
    colas_only: { coffees: 0, espressos: 0, colas: 6 },
    espresso_and_cola: { coffees: 0, espressos: 2, colas: 2 },
    many_coffees: { coffees: 12, espressos: 0, colas: 0 },
  });

spec("flow_gpm_to_litres_per_second",
  "Convert a pump's flow from US gallons per minute to litres per second (one US gallon is 3.785411784 litres), rounded to 3 decimals, halves up.",
  obj({ gpm: NONNEG }), NONNEG,
  [
    { gpm: 10 },
    { gpm: 250 },
  ],
  each("gpm", {
    zero: 0,
    one: 1,
    fraction: 0.5,
    sixty: 60,
    large: 12000,
    decimal: 7.3,
    small: 0.02,
    hundred: 100,
  }));

spec("bill_with_tip_rounded_up",
  "What to pay at a restaurant: the bill plus a tip of `tip_percent` percent of it, rounded up to the next whole dollar (a total that is already a whole number of dollars stays as it is).",
  obj({ bill: NONNEG, tip_percent: NONNEG }), COUNT,
  [
    { bill: 42.3, tip_percent: 15 },
    { bill: 80, tip_percent: 20 },
  ],
  {
    no_tip: { bill: 19.01, tip_percent: 0 },
    whole_no_tip: { bill: 25, tip_percent: 0 },
    zero_bill: { bill: 0, tip_percent: 18 },
    exact_whole_with_tip: { bill: 50, tip_percent: 10 },
    just_over: { bill: 10.01, tip_percent: 0 },
    odd_percent: { bill: 63.45, tip_percent: 12.5 },
    small_bill: { bill: 3.2, tip_percent: 25 },
    big_tip: { bill: 100, tip_percent: 100 },
  });

spec("soil_bags_for_raised_bed",
  "How many bags of soil to fill a raised bed? The bed's inside is length × width × depth, given in centimetres (1,000 cubic centimetres make a litre), and soil comes in 40-litre bags; buy whole bags, enough to fill it.",
  obj({ length_cm: NONNEG, width_cm: NONNEG, depth_cm: NONNEG }), COUNT,
  [
    { length_cm: 120, width_cm: 60, depth_cm: 30 },
    { length_cm: 200, width_cm: 100, depth_cm: 40 },
  ],
  {
    zero_depth: { length_cm: 100, width_cm: 100, depth_cm: 0 },
    exactly_one_bag: { length_cm: 40, width_cm: 50, depth_cm: 20 },
    just_over_one_bag: { length_cm: 40, width_cm: 50, depth_cm: 20.5 },
    tiny: { length_cm: 10, width_cm: 10, depth_cm: 10 },
    square_bed: { length_cm: 90, width_cm: 90, depth_cm: 25 },
    decimals: { length_cm: 150.5, width_cm: 45.5, depth_cm: 22 },
    long_bed: { length_cm: 400, width_cm: 80, depth_cm: 45 },
    exact_ten_bags: { length_cm: 100, width_cm: 100, depth_cm: 40 },
  });

spec("bike_speed_kmh_from_cadence",
  "How fast am I riding? Each turn of the pedals turns the back wheel chainring ÷ cog times (teeth counts), and each turn of the wheel covers its circumference in millimetres. From the cadence in pedal turns per minute, the speed in km/h rounded to 1 decimal (a 5 in the second decimal rounds up).",
  obj({ cadence_rpm: NONNEG, chainring: { type: "integer", minimum: 1 }, cog: { type: "integer", minimum: 1 }, wheel_mm: NONNEG }), NONNEG,
  [
    { cadence_rpm: 90, chainring: 50, cog: 15, wheel_mm: 2105 },
    { cadence_rpm: 70, chainring: 34, cog: 28, wheel_mm: 2096 },
  ],
  {
    not_pedalling: { cadence_rpm: 0, chainring: 50, cog: 11, wheel_mm: 2105 },
    one_to_one: { cadence_rpm: 60, chainring: 30, cog: 30, wheel_mm: 2000 },
    high_cadence: { cadence_rpm: 120, chainring: 53, cog: 11, wheel_mm: 2136 },
    small_wheel: { cadence_rpm: 80, chainring: 44, cog: 16, wheel_mm: 1590 },
    climbing_gear: { cadence_rpm: 65, chainring: 34, cog: 34, wheel_mm: 2105 },
    fractional_cadence: { cadence_rpm: 87.5, chainring: 48, cog: 17, wheel_mm: 2070 },
    fixed_gear: { cadence_rpm: 95, chainring: 46, cog: 17, wheel_mm: 2096 },
    kids_bike: { cadence_rpm: 50, chainring: 28, cog: 14, wheel_mm: 1300 },
  });

spec("current_milliamps_from_ohms_law",
  "Ohm's law helper: the current through a resistor of `ohms` with `volts` across it, in milliamps, rounded to 2 decimals with halves rounded up.",
  obj({ volts: T("number"), ohms: { type: "number", minimum: 1 } }), T("number"),
  [
    { volts: 5, ohms: 220 },
    { volts: 12, ohms: 1000 },
  ],
  {
    zero_volts: { volts: 0, ohms: 100 },
    one_ohm: { volts: 1.5, ohms: 1 },
    negative_volts: { volts: -9, ohms: 470 },
    big_resistor: { volts: 3.3, ohms: 1000000 },
    decimal_ohms: { volts: 9, ohms: 4.7 },
    mains: { volts: 230, ohms: 52900 },
    usb: { volts: 5, ohms: 10000 },
    small_current: { volts: 0.7, ohms: 33000 },
  });

spec("ideal_weight_devine_kg",
  "Ideal body weight by the Devine formula: start from 50 kg for a man or 45.5 kg for a woman and add 2.3 kg for every inch of height over 5 feet (part inches count in proportion; an inch is 2.54 cm). Someone 5 feet or shorter gets just the starting weight. Height is given in cm; the answer is in kg rounded to 1 decimal, halves up.",
  obj({ height_cm: NONNEG, sex: enumOf("male", "female") }), NONNEG,
  [
    { height_cm: 180, sex: "male" },
    { height_cm: 165, sex: "female" },
  ],
  {
    exactly_five_feet: { height_cm: 152.4, sex: "male" },
    shorter_than_five_feet: { height_cm: 140, sex: "female" },
    one_inch_over: { height_cm: 154.94, sex: "female" },
    tall_man: { height_cm: 198, sex: "male" },
    tall_woman: { height_cm: 183, sex: "female" },
    same_height_both: { height_cm: 170, sex: "male" },
    same_height_female: { height_cm: 170, sex: "female" },
    zero: { height_cm: 0, sex: "male" },
  });

spec("margin_from_markup_percent",
  "Convert a markup percentage into the profit margin percentage it gives: markup is profit as a share of cost, margin is profit as a share of the selling price. Rounded to 1 decimal (halves up).",
  obj({ markup_percent: NONNEG }), NONNEG,
  [
    { markup_percent: 25 },
    { markup_percent: 50 },
  ],
  each("markup_percent", {
    zero: 0,
    hundred: 100,
    small: 5,
    thirty: 30,
    two_hundred: 200,
    decimal: 12.5,
    huge: 900,
    one: 1,
  }));

spec("print_size_inches_at_300dpi",
  "How big will my photo print at photo quality, 300 dots per inch? From the image's width and height in pixels, give {width, height} in inches, each rounded to 2 decimals (halves up).",
  obj({ width_px: COUNT, height_px: COUNT }), obj({ width: NONNEG, height: NONNEG }),
  [
    { width_px: 3000, height_px: 2400 },
    { width_px: 1920, height_px: 1080 },
  ],
  {
    zero: { width_px: 0, height_px: 0 },
    square: { width_px: 600, height_px: 600 },
    one_pixel: { width_px: 1, height_px: 1 },
    phone_photo: { width_px: 4032, height_px: 3024 },
    portrait: { width_px: 2000, height_px: 3000 },
    odd_sizes: { width_px: 1001, height_px: 799 },
    banner: { width_px: 10000, height_px: 150 },
    small: { width_px: 320, height_px: 240 },
  });

spec("daily_water_goal_ml",
  "My daily water goal: 35 ml per kg of body weight plus 12 ml for each minute of exercise, rounded up to the next multiple of 50 ml (a total already on a multiple of 50 stays).",
  obj({ weight_kg: NONNEG, exercise_minutes: COUNT }), COUNT,
  [
    { weight_kg: 70, exercise_minutes: 30 },
    { weight_kg: 58, exercise_minutes: 0 },
  ],
  {
    nothing: { weight_kg: 0, exercise_minutes: 0 },
    exercise_only: { weight_kg: 0, exercise_minutes: 10 },
    exact_multiple: { weight_kg: 60, exercise_minutes: 25 },
    decimal_weight: { weight_kg: 72.5, exercise_minutes: 45 },
    just_over_a_multiple: { weight_kg: 10.03, exercise_minutes: 0 },
    heavy: { weight_kg: 110, exercise_minutes: 90 },
    light: { weight_kg: 45, exercise_minutes: 15 },
    long_session: { weight_kg: 80, exercise_minutes: 240 },
  });

// ---- dates and times (10) ------------------------------------------------------------------------

const SLOT = obj({ start: HHMM, end: HHMM });
const meeting = (start, end) => ({ start, end });
spec("minutes_two_meetings_overlap",
  "For how many minutes do two meetings on the same day overlap? Each has a start and end time (HH:MM, 24-hour clock, the end after the start). 0 if they don't overlap or one ends exactly when the other starts.",
  obj({ first: SLOT, second: SLOT }), COUNT,
  [
    { first: meeting("09:00", "10:00"), second: meeting("09:30", "11:00") },
    { first: meeting("13:00", "14:00"), second: meeting("15:00", "15:30") },
  ],
  {
    back_to_back: { first: meeting("10:00", "11:00"), second: meeting("11:00", "12:00") },
    one_inside_other: { first: meeting("08:00", "12:00"), second: meeting("09:15", "09:45") },
    second_first: { first: meeting("14:00", "15:00"), second: meeting("13:20", "14:10") },
    identical: { first: meeting("16:05", "16:50"), second: meeting("16:05", "16:50") },
    across_hour: { first: meeting("10:50", "11:20"), second: meeting("11:05", "12:00") },
    one_minute: { first: meeting("07:00", "07:31"), second: meeting("07:30", "08:00") },
    late_evening: { first: meeting("22:00", "23:59"), second: meeting("23:00", "23:30") },
    early_morning_apart: { first: meeting("00:00", "00:30"), second: meeting("00:31", "01:00") },
  });

const PEOPLE = arr(obj({ name: "string", born: ISO_DATE }));
const people = (...r) => rows(["name", "born"], ...r);
spec("birthdays_in_calendar_order",
  "List people in the order their birthdays come round in a calendar year, starting from 1 January, whatever year they were born. People sharing a birthday (same month and day) are listed alphabetically. Return the names.",
  obj({ people: PEOPLE }), arr("string"),
  [
    { people: people(["Omar", "1990-07-14"], ["Pia", "1985-02-03"], ["Quin", "2001-11-30"]) },
    { people: people(["Rue", "1979-12-01"], ["Sol", "2010-01-15"]) },
  ],
  each("people", {
    no_people: [],
    same_birthday_different_years: people(["Zed", "1980-05-05"], ["Amy", "1999-05-05"]),
    year_ignored: people(["old", "1950-09-01"], ["young", "2020-03-01"]),
    leap_day: people(["leap", "2000-02-29"], ["march", "1990-03-01"], ["feb28", "1991-02-28"]),
    new_year_and_eve: people(["eve", "2000-12-31"], ["day", "2001-01-01"]),
    day_within_month: people(["b", "1990-04-20"], ["a", "1990-04-03"]),
    month_before_day: people(["x", "1990-10-01"], ["y", "1990-09-30"]),
    many: people(["Kit", "1992-06-06"], ["Ada", "1988-06-06"], ["Bea", "1975-01-31"], ["Cyd", "2003-12-25"], ["Dom", "1969-06-05"]),
  }));

spec("utc_timestamp_to_unix_seconds",
  "Turn a UTC timestamp like 2026-03-01T12:30:00Z into Unix time: the number of seconds since 1970-01-01T00:00:00Z (negative before then).",
  obj({ timestamp: UTC_STAMP }), T("integer"),
  [
    { timestamp: "2026-03-01T12:30:00Z" },
    { timestamp: "1970-01-02T00:00:00Z" },
  ],
  each("timestamp", {
    epoch: "1970-01-01T00:00:00Z",
    one_second: "1970-01-01T00:00:01Z",
    before_epoch: "1969-12-31T23:59:59Z",
    leap_day: "2024-02-29T06:00:00Z",
    year_2000: "2000-01-01T00:00:00Z",
    end_of_day: "2026-12-31T23:59:59Z",
    billion: "2001-09-09T01:46:40Z",
    year_2038: "2038-01-19T03:14:08Z",
  }));

spec("time_left_until_deadline",
  "A countdown label: from `now` to `deadline` (both YYYY-MM-DDTHH:MM, same time zone), the time left as days, hours and minutes like '2d 3h 15m', leaving out any part that is zero ('1d 5m', '45m'). If the deadline is now, 'due now'; if it has passed, 'overdue'.",
  obj({ now: DATE_TIME, deadline: DATE_TIME }), T("string"),
  [
    { now: "2026-05-04T09:00", deadline: "2026-05-06T12:15" },
    { now: "2026-05-04T09:00", deadline: "2026-05-04T09:45" },
  ],
  {
    due_now: { now: "2026-05-04T09:00", deadline: "2026-05-04T09:00" },
    passed: { now: "2026-05-04T09:01", deadline: "2026-05-04T09:00" },
    exactly_one_day: { now: "2026-05-04T09:00", deadline: "2026-05-05T09:00" },
    day_and_minutes: { now: "2026-05-04T09:00", deadline: "2026-05-05T09:05" },
    hours_only: { now: "2026-05-04T09:00", deadline: "2026-05-04T12:00" },
    across_month_end: { now: "2026-01-31T22:00", deadline: "2026-02-01T01:30" },
    across_leap_day: { now: "2024-02-28T12:00", deadline: "2024-03-01T12:00" },
    long_way_off: { now: "2026-01-01T00:00", deadline: "2026-12-25T18:59" },
  });

spec("seconds_as_iso_duration",
  "Write a number of seconds as an ISO 8601 duration with hours, minutes and seconds, like PT1H2M3S. Parts that are zero are left out (PT2M, PT1H5S), hours can go past 24 (no days), and zero seconds is PT0S.",
  obj({ seconds: COUNT }), T("string"),
  [
    { seconds: 3723 },
    { seconds: 90 },
  ],
  each("seconds", {
    zero: 0,
    one_second: 1,
    one_minute: 60,
    one_hour: 3600,
    hour_and_seconds: 3605,
    a_day: 86400,
    just_under_hour: 3599,
    long: 200000,
  }));

spec("in_european_summer_time",
  "Is a date in European summer time? Summer time runs from the last Sunday of March to the last Sunday of October. At the level of whole days: the last Sunday of March counts as summer time, the last Sunday of October does not.",
  obj({ date: ISO_DATE }), T("boolean"),
  [
    { date: "2026-07-01" },
    { date: "2026-12-10" },
  ],
  each("date", {
    day_before_start: "2026-03-28",
    start_day: "2026-03-29",
    day_before_end: "2026-10-24",
    end_day: "2026-10-25",
    early_march: "2026-03-01",
    start_in_other_year: "2025-03-30",
    end_on_31st: "2020-10-25",
    late_october: "2026-10-31",
  }));

spec("every_n_weeks_dates",
  "Dates for a meeting that repeats every `every_weeks` weeks: starting on `start` (included), the first `count` dates, as YYYY-MM-DD.",
  obj({ start: ISO_DATE, every_weeks: { type: "integer", minimum: 1, maximum: 8 }, count: { type: "integer", minimum: 0, maximum: 52 } }), arr(ISO_DATE),
  [
    { start: "2026-01-05", every_weeks: 2, count: 3 },
    { start: "2026-03-20", every_weeks: 1, count: 4 },
  ],
  {
    none: { start: "2026-01-05", every_weeks: 1, count: 0 },
    just_start: { start: "2026-06-30", every_weeks: 4, count: 1 },
    across_year: { start: "2026-12-17", every_weeks: 2, count: 3 },
    across_leap_day: { start: "2024-02-15", every_weeks: 2, count: 2 },
    monthly_ish: { start: "2026-01-31", every_weeks: 4, count: 4 },
    every_eight: { start: "2026-05-01", every_weeks: 8, count: 3 },
    weekly_over_month: { start: "2026-04-23", every_weeks: 1, count: 3 },
    century: { start: "2100-02-22", every_weeks: 1, count: 2 },
  });

spec("train_minutes_late",
  "How late was the train? From the scheduled and actual times (HH:MM, 24-hour), the minutes late, negative when early. A train is never more than 12 hours off, so the difference can run past midnight either way: due 23:50 and arriving 00:10 is 20 minutes late (exactly 12 hours apart counts as 12 hours late).",
  obj({ scheduled: HHMM, actual: HHMM }), T("integer"),
  [
    { scheduled: "08:15", actual: "08:22" },
    { scheduled: "17:40", actual: "17:38" },
  ],
  {
    on_time: { scheduled: "12:00", actual: "12:00" },
    past_midnight: { scheduled: "23:50", actual: "00:10" },
    early_before_midnight: { scheduled: "00:05", actual: "23:58" },
    across_hour: { scheduled: "09:55", actual: "10:07" },
    very_late: { scheduled: "06:00", actual: "17:30" },
    very_early: { scheduled: "20:00", actual: "08:30" },
    twelve_hours: { scheduled: "01:00", actual: "13:00" },
    midnight_exact: { scheduled: "23:59", actual: "00:00" },
  });

spec("school_year_label",
  "Which school year is a date in? A school year runs from 1 September to 31 August and is labelled with its two years, like 2025/26 for September 2025 to August 2026.",
  obj({ date: ISO_DATE }), T("string"),
  [
    { date: "2025-10-15" },
    { date: "2026-03-02" },
  ],
  each("date", {
    first_day: "2026-09-01",
    last_day: "2026-08-31",
    new_year: "2027-01-01",
    turn_of_century: "1999-12-01",
    century_spring: "2000-04-01",
    year_ending_09: "2009-09-09",
    early_year: "0999-09-01",
    december: "2030-12-31",
  }));

const SPLIT = { type: "string", pattern: "^[0-9]+:[0-5][0-9]$" };
spec("lap_times_from_splits",
  "My stopwatch shows the running total at the end of each lap, as m:ss (minutes can go past 59). Turn those totals into each lap's own time, in the same m:ss form (seconds always two digits).",
  obj({ splits: arr(SPLIT) }), arr(T("string")),
  [
    { splits: ["1:05", "2:12", "3:30"] },
    { splits: ["0:48", "1:40"] },
  ],
  each("splits", {
    no_laps: [],
    one_lap: ["4:59"],
    lap_across_minute: ["0:50", "1:10"],
    long_run: ["58:30", "62:05"],
    exactly_a_minute: ["1:00", "2:00", "3:00"],
    zero_start: ["0:00", "0:07"],
    hundred_minutes: ["99:59", "100:59"],
    many_laps: ["0:31", "1:02", "1:35", "2:04", "2:40"],
  }));

// ---- utility functions (5) -----------------------------------------------------------------------

spec("leading_items_within_limit",
  "Take items from the start of `values` for as long as each one is at most `limit`; stop at the first one over the limit and drop it and everything after it.",
  obj({ values: arr(T("number")), limit: T("number") }), arr(T("number")),
  [
    { values: [3, 5, 2, 9, 1], limit: 5 },
    { values: [10, 1, 1], limit: 4 },
  ],
  {
    empty: { values: [], limit: 0 },
    all_within: { values: [1, 2, 3], limit: 3 },
    first_equal: { values: [4, 5], limit: 4 },
    negatives: { values: [-5, -1, 0, -3], limit: -1 },
    decimals: { values: [0.5, 0.75, 0.76], limit: 0.75 },
    later_small_values_dropped: { values: [1, 7, 1, 1], limit: 2 },
    zero_limit: { values: [0, 0, 1, 0], limit: 0 },
    single: { values: [8], limit: 9 },
  });

const SCALARS = arr({ type: ["string", "number"] });
spec("values_in_only_one_list",
  "The symmetric difference of two lists: the values found in exactly one of `a` and `b`, each once. First those from `a` in a's order, then those from `b` in b's order. The number 1 and the text \"1\" are different values.",
  obj({ a: SCALARS, b: SCALARS }), SCALARS,
  [
    { a: [1, 2, 3], b: [3, 4] },
    { a: ["red", "green"], b: ["blue", "red", "black"] },
  ],
  {
    both_empty: { a: [], b: [] },
    a_empty: { a: [], b: [1, 1, 2] },
    same_lists: { a: [1, 2], b: [2, 1] },
    repeats_in_a: { a: [5, 5, 6], b: [6] },
    number_and_text: { a: [1], b: ["1"] },
    case_matters: { a: ["A"], b: ["a"] },
    zero_and_negative: { a: [0, -1], b: [-1, 2, 2] },
    mixed: { a: ["x", 3, "y", 3], b: [4, "y", "z", 4] },
  });

spec("item_at_position_from_either_end",
  "Get the item at `index` in `items`: 0 is the first item, 1 the second; negative indexes count from the end, so -1 is the last. Return null when there is no item at that position.",
  obj({ items: arr(ANY_JSON), index: T("integer") }), ANY_JSON,
  [
    { items: ["a", "b", "c", "d"], index: 1 },
    { items: ["a", "b", "c", "d"], index: -2 },
  ],
  {
    empty: { items: [], index: 0 },
    first: { items: [10, 20], index: 0 },
    last: { items: [10, 20], index: -1 },
    past_end: { items: [10, 20], index: 2 },
    before_start: { items: [10, 20], index: -3 },
    whole_length_back: { items: [10, 20, 30], index: -3 },
    object_item: { items: [{ id: 1 }, { id: 2 }], index: -1 },
    nested_list: { items: [[1, 2], [3]], index: 1 },
  });

spec("value_set_at_dotted_path",
  "Set a value deep inside an object: `path` names the keys to follow, separated by dots ('a.b.c'). Return a copy of `object` with `value` stored at that path; anything missing along the way is created as an empty object, and anything along the way that is not an object (a number, a text, a list, null) is replaced by one. The rest of the object stays as it was.",
  obj({ object: { type: "object" }, path: { type: "string", minLength: 1 }, value: ANY_JSON }), { type: "object" },
  [
    { object: { a: { b: 1 } }, path: "a.c", value: 2 },
    { object: {}, path: "settings.theme", value: "dark" },
  ],
  {
    top_level: { object: { x: 1 }, path: "y", value: true },
    overwrite: { object: { x: 1 }, path: "x", value: 5 },
    replace_number_on_way: { object: { a: 3 }, path: "a.b", value: 1 },
    replace_list_on_way: { object: { a: [1, 2] }, path: "a.b", value: 1 },
    null_on_way: { object: { a: null }, path: "a.b.c", value: "x" },
    keep_siblings: { object: { a: { b: 1, c: { d: 2 } }, e: 3 }, path: "a.c.f", value: null },
    set_object_value: { object: { a: 1 }, path: "b", value: { c: [1, 2] } },
    deep_new: { object: { k: "v" }, path: "one.two.three.four", value: 4 },
  });

spec("rounded_up_to_precision",
  "Round a number up (towards positive infinity) to `precision` decimal places, like a spreadsheet's ROUNDUP for positive numbers: 4.006 to 2 places is 4.01. A negative precision rounds up to tens, hundreds and so on (6040 to -2 is 6100). A number already at that precision stays as it is.",
  obj({ number: T("number"), precision: { type: "integer", minimum: -6, maximum: 10 } }), T("number"),
  [
    { number: 4.006, precision: 2 },
    { number: 6040, precision: -2 },
  ],
  {
    zero_places: { number: 4.2, precision: 0 },
    already_exact: { number: 1.1, precision: 1 },
    already_exact_two: { number: 2.35, precision: 2 },
    negative_number: { number: -2.45, precision: 1 },
    negative_to_zero: { number: -0.4, precision: 0 },
    zero: { number: 0, precision: 3 },
    tens: { number: 11, precision: -1 },
    many_places: { number: 3.14159265, precision: 4 },
  });
