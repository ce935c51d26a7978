// The specs of tests/fixtures/specs/holdout21 without their outputs: description, schemas and the
// inputs of the examples and the named tests. scripts/make-holdout21-specs.mjs adds the outputs.
// New tasks (none a renamed task of an earlier set, checked against the file names of every set under
// tests/fixtures/specs and the descriptions of holdout18, holdout19 and holdout20), written blind:
// without running the synthesizer or reading its code, in the proportions of the brief: 20 records and
// lists, 15 strings, 10 numbers and units, 10 dates and times, 5 utility functions, about a third of
// them simple everyday tasks.

import { obj, arr, rows } from "./spec-schemas.mjs";
const NUMBER = { type: "number" };
const NONNEG = { type: "number", minimum: 0 };
const COUNT = { type: "integer", minimum: 0 };
const INTEGER = { type: "integer" };
const TEXT = { type: "string" };
const BOOL = { type: "boolean" };
/** A real calendar date's shape: months 01-12 and days 01-31. */
const ISO_DATE = { type: "string", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" };
/** A date of the years 1900 to 2099, for tasks that step back or forward across a year end. */
const NEAR_DATE = { type: "string", pattern: "^(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" };
/** A date the program writes. */
const OUT_DATE = { type: "string", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" };
const NEAR_STAMP = { type: "string", pattern: "^(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]$" };
const STAMP = { type: "string", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]$" };
const SCALAR = { type: ["string", "number", "boolean", "null"] };
const mapOf = (values) => ({ type: "object", additionalProperties: values });
const orNull = (s) => ({ anyOf: [s, { type: "null" }] });
const int = (minimum, maximum) => ({ type: "integer", minimum, maximum });
/** One single-field input per value: each("text", {empty: ""}) -> {empty: {text: ""}}. */
const each = (field, named) => Object.fromEntries(Object.entries(named).map(([name, v]) => [name, { [field]: v }]));

export const SPECS = [];
const spec = (capability, description, inputSchema, outputSchema, examples, tests) =>
  SPECS.push({ capability, description, inputSchema, outputSchema, examples, tests });

// ---- records and lists (20) ----------------------------------------------------------------------

const seeds = (...r) => rows(["variety", "packets", "seedsPerPacket"], ...r);
spec("seed_packets_total_seeds",
  "How many seeds have I got? Each line of my seed box has a `variety`, the number of `packets` of it and the `seedsPerPacket` printed on them. Return the total number of seeds: packets × seedsPerPacket added up over all the lines (0 when there are no lines).",
  obj({ lines: arr(obj({ variety: TEXT, packets: int(0, 10000), seedsPerPacket: int(0, 10000) })) }), COUNT,
  [
    { lines: seeds(["Carrot", 3, 200], ["Basil", 2, 50]) },
    { lines: seeds(["Tomato", 1, 25], ["Pea", 4, 40], ["Lettuce", 2, 300]) },
  ],
  each("lines", {
    no_lines: [],
    one_line: seeds(["Radish", 5, 100]),
    zero_packets: seeds(["Kale", 0, 150], ["Leek", 2, 10]),
    zero_seeds_per_packet: seeds(["Empty", 7, 0], ["Chard", 1, 60]),
    same_variety_twice: seeds(["Bean", 2, 15], ["Bean", 3, 15]),
    single_seed_packets: seeds(["Squash", 9, 1]),
    large_numbers: seeds(["Poppy", 250, 2000], ["Cress", 1000, 1500]),
    product_not_sum: seeds(["A", 2, 2], ["B", 3, 3], ["C", 1, 10]),
  }));

const car = (...r) => rows(["plate", "km"], ...r);
spec("cars_over_mileage_limit",
  "Which hire cars have gone over the mileage limit? Each car has a `plate` and the `km` it has been driven. Return the plates of the cars whose km is strictly more than `limit` (a car exactly on the limit is fine), in list order; [] when there are none.",
  obj({ cars: arr(obj({ plate: TEXT, km: NONNEG })), limit: NONNEG }), arr(TEXT),
  [
    { cars: car(["AB12 CDE", 1520], ["FG34 HIJ", 870], ["KL56 MNO", 2210]), limit: 1500 },
    { cars: car(["X1", 300], ["X2", 310]), limit: 305 },
  ],
  {
    no_cars: { cars: [], limit: 1000 },
    exactly_on_limit: { cars: car(["EQ", 1000], ["OVER", 1000.5]), limit: 1000 },
    none_over: { cars: car(["a", 10], ["b", 20]), limit: 100 },
    all_over: { cars: car(["a", 10], ["b", 20]), limit: 5 },
    zero_limit: { cars: car(["parked", 0], ["moved", 0.1]), limit: 0 },
    decimal_km: { cars: car(["p", 499.99], ["q", 500.01]), limit: 500 },
    list_order_kept: { cars: car(["z", 900], ["a", 800], ["m", 100]), limit: 500 },
    same_plate_twice: { cars: car(["dup", 600], ["dup", 400], ["dup", 700]), limit: 500 },
  });

const order = (id, status) => ({ id, status });
spec("unpaid_orders_count",
  "How many orders are still waiting for payment? Count the orders whose `status` is \"unpaid\", ignoring upper/lower case and whitespace at either end (so \" Unpaid \" counts, but \"unpaid later\" or \"un paid\" does not). 0 when there are no orders.",
  obj({ orders: arr(obj({ id: TEXT, status: TEXT })) }), COUNT,
  [
    { orders: [order("A1", "paid"), order("A2", "unpaid"), order("A3", "unpaid"), order("A4", "shipped")] },
    { orders: [order("B1", "unpaid"), order("B2", "paid")] },
  ],
  each("orders", {
    no_orders: [],
    none_unpaid: [order("1", "paid"), order("2", "refunded")],
    upper_case: [order("1", "UNPAID"), order("2", "Unpaid")],
    spaces_around: [order("1", "  unpaid "), order("2", "unpaid\t")],
    longer_status_not_counted: [order("1", "unpaid later"), order("2", "partly unpaid"), order("3", "un paid")],
    all_unpaid: [order("1", "unpaid"), order("2", "unpaid"), order("3", "unpaid")],
    empty_status: [order("1", ""), order("2", "unpaid")],
    similar_words: [order("1", "paid"), order("2", "unpaid!"), order("3", "Unpaid")],
  }));

const user = (id, login, mail, created) => ({ id, login, mail, created });
spec("users_renamed_for_mailing",
  "Export our users for the mailing tool, which wants other field names: for each user return {userId, email}, where userId is the user's `id` and email is their `mail`, both unchanged. The other fields (`login`, `created`) are left out. Keep the order of the list.",
  obj({ users: arr(obj({ id: { type: "integer", minimum: 1 }, login: TEXT, mail: TEXT, created: ISO_DATE })) }),
  arr(obj({ userId: { type: "integer", minimum: 1 }, email: TEXT })),
  [
    { users: [user(7, "ann", "ann@example.com", "2025-03-01"), user(12, "bob", "bob@example.org", "2026-01-15")] },
    { users: [user(3, "cy", "Cy.Lee@Mail.com", "2024-11-30")] },
  ],
  each("users", {
    no_users: [],
    one_user: [user(1, "solo", "solo@x.io", "2026-12-05")],
    mail_case_kept: [user(5, "dee", "DEE@EXAMPLE.COM", "2026-02-01")],
    empty_mail_kept: [user(9, "eli", "", "2026-02-02")],
    order_not_by_id: [user(30, "z", "z@a.b", "2026-01-01"), user(2, "a", "a@a.b", "2026-01-02"), user(17, "m", "m@a.b", "2026-01-03")],
    same_mail_twice: [user(4, "p", "team@a.b", "2026-05-05"), user(6, "q", "team@a.b", "2026-05-06")],
    login_differs_from_mail: [user(8, "fred.smith", "f.smith@work.example", "2023-07-07")],
    mail_with_spaces_kept: [user(11, "g", " g@a.b ", "2026-06-06")],
  }));

const book = (...r) => rows(["title", "shelf", "thicknessMm"], ...r);
spec("shelf_width_used_per_shelf",
  "How much of each shelf is used? Each book has a `title`, a `shelf` label and its `thicknessMm`. Shelf labels are compared ignoring upper/lower case and whitespace at both ends, and written in upper case without that whitespace (\" b2 \" is \"B2\"); a book whose label is empty after trimming is not on a shelf and is not counted. Return an object from each shelf label to the total thickness of its books in mm, labels in alphabetical order (plain character order).",
  obj({ books: arr(obj({ title: TEXT, shelf: TEXT, thicknessMm: int(0, 1000) })) }), mapOf(COUNT),
  [
    { books: book(["Dune", "A1", 45], ["Emma", "A1", 30], ["Ulysses", "B2", 60]) },
    { books: book(["Kim", "C3", 22], ["Beloved", "A1", 28]) },
  ],
  each("books", {
    no_books: [],
    one_book: book(["Solo", "D4", 33]),
    case_ignored: book(["x", "b2", 10], ["y", "B2", 15]),
    spaces_trimmed: book(["x", " a1 ", 12], ["y", "A1", 8]),
    empty_label_skipped: book(["x", "", 50], ["y", "   ", 40], ["z", "C1", 5]),
    zero_thickness: book(["pamphlet", "E5", 0]),
    alphabetical_labels: book(["x", "Z9", 1], ["y", "a10", 2], ["z", "A2", 3]),
    many_on_one_shelf: book(["a", "F", 20], ["b", "f", 20], ["c", " F", 20], ["d", "F ", 21]),
  }));

const scorer = (...r) => rows(["name", "goals", "assists"], ...r);
spec("players_by_goals_then_assists",
  "Order the season's scorers for the club newsletter: most goals first; with equal goals, most assists first; equal in both, by name in alphabetical order ignoring upper/lower case (the lower-cased names compared in plain character order; names that are equal ignoring case keep their list order). Return the names in that order.",
  obj({ players: arr(obj({ name: TEXT, goals: COUNT, assists: COUNT })) }), arr(TEXT),
  [
    { players: scorer(["Ana", 5, 2], ["Ben", 8, 1], ["Cai", 5, 4]) },
    { players: scorer(["Dev", 3, 3], ["Eve", 2, 9]) },
  ],
  each("players", {
    no_players: [],
    one_player: scorer(["Solo", 0, 0]),
    goals_beat_assists: scorer(["a", 1, 10], ["b", 2, 0]),
    assists_break_tie: scorer(["a", 4, 1], ["b", 4, 3], ["c", 4, 2]),
    name_breaks_full_tie: scorer(["Zed", 2, 2], ["amy", 2, 2], ["Bo", 2, 2]),
    case_equal_names_list_order: scorer(["kim", 1, 1], ["KIM", 1, 1], ["Kim", 1, 1]),
    all_zero: scorer(["c", 0, 0], ["a", 0, 0], ["b", 0, 0]),
    mixed: scorer(["p", 3, 0], ["q", 7, 2], ["r", 3, 5], ["s", 7, 2], ["t", 0, 9]),
  }));

const entry = (...r) => rows(["grower", "kg"], ...r);
spec("heaviest_pumpkin_grower",
  "Who grew the heaviest pumpkin at the village show? Each entry has a `grower` and the pumpkin's weight in `kg`. Return the grower of the heaviest entry; when entries tie for the heaviest, the one entered first (earliest in the list) wins. null when there are no entries.",
  obj({ entries: arr(obj({ grower: TEXT, kg: NONNEG })) }), orNull(TEXT),
  [
    { entries: entry(["Mabel", 212.5], ["Tom", 340.2], ["Iris", 298]) },
    { entries: entry(["Ray", 88], ["Jo", 102.4]) },
  ],
  each("entries", {
    no_entries: [],
    one_entry: entry(["Solo", 12]),
    tie_first_entered_wins: entry(["Early", 150], ["Late", 150]),
    tie_not_first_in_list: entry(["a", 10], ["b", 90], ["c", 90]),
    heaviest_last: entry(["a", 1], ["b", 2], ["c", 3]),
    all_zero: entry(["x", 0], ["y", 0]),
    small_difference: entry(["p", 100.01], ["q", 100.02]),
    same_grower_twice: entry(["Ann", 50], ["Bob", 70], ["Ann", 60]),
  }));

const cust = (...r) => rows(["id", "city"], ...r);
const ord = (...r) => rows(["id", "customerId"], ...r);
spec("orders_with_customer_city",
  "Add each order's delivery city: `orders` have an `id` and a `customerId`, and `customers` an `id` and a `city`. For each order, in order, return {id, city} with the city of the customer whose id equals the order's customerId exactly; when several customers have that id, the first one listed; when none has it, city is null.",
  obj({ orders: arr(obj({ id: TEXT, customerId: TEXT })), customers: arr(obj({ id: TEXT, city: TEXT })) }),
  arr(obj({ id: TEXT, city: orNull(TEXT) })),
  [
    { orders: ord(["o1", "c1"], ["o2", "c2"], ["o3", "c1"]), customers: cust(["c1", "Leeds"], ["c2", "York"]) },
    { orders: ord(["o9", "c7"]), customers: cust(["c7", "Bath"], ["c8", "Hull"]) },
  ],
  {
    no_orders: { orders: [], customers: cust(["c1", "Leeds"]) },
    no_customers: { orders: ord(["o1", "c1"]), customers: [] },
    unknown_customer: { orders: ord(["o1", "zz"], ["o2", "c1"]), customers: cust(["c1", "Ely"]) },
    duplicate_customer_first_wins: { orders: ord(["o1", "c1"]), customers: cust(["c1", "First"], ["c1", "Second"]) },
    case_matters: { orders: ord(["o1", "C1"]), customers: cust(["c1", "Derby"]) },
    customer_without_orders: { orders: ord(["o1", "c2"]), customers: cust(["c1", "Wells"], ["c2", "Ripon"], ["c3", "Truro"]) },
    empty_city_kept: { orders: ord(["o1", "c1"]), customers: cust(["c1", ""]) },
    order_ids_repeat: { orders: ord(["o1", "c1"], ["o1", "c2"]), customers: cust(["c2", "Ayr"], ["c1", "Oban"]) },
  });

const item = (...r) => rows(["supplier", "qty", "unitCost"], ...r);
spec("stock_value_by_supplier",
  "Value our stock by supplier: each stock item has a `supplier`, a `qty` and a `unitCost`. Return an object from each supplier (exactly as written) to the total of qty × unitCost over its items, rounded to 2 decimals (halves up), suppliers in order of first appearance. A supplier whose items all have qty 0 still appears, with 0.",
  obj({ items: arr(obj({ supplier: TEXT, qty: COUNT, unitCost: NONNEG })) }), mapOf(NONNEG),
  [
    { items: item(["Acme", 10, 2.5], ["Bolt Co", 4, 12.99], ["Acme", 3, 1.2]) },
    { items: item(["Nordic", 2, 40]) },
  ],
  each("items", {
    no_items: [],
    zero_qty_supplier_kept: item(["Idle", 0, 9.99], ["Busy", 1, 1]),
    cents_add_up: item(["S", 3, 0.1], ["S", 1, 0.7]),
    order_of_first_appearance: item(["Zeta", 1, 1], ["Alpha", 2, 2], ["Zeta", 3, 3]),
    case_matters: item(["acme", 1, 5], ["Acme", 1, 6]),
    rounding_needed: item(["R", 3, 0.333]),
    free_items: item(["Gift", 5, 0]),
    large_quantities: item(["Bulk", 12000, 0.04], ["Bulk", 250, 19.95]),
  }));

const emp = (...r) => rows(["name", "entitlement", "taken"], ...r);
spec("leave_days_carried_over",
  "How many leave days each employee carries into next year: the days left are `entitlement` minus `taken`, never below 0, and at most `cap` days carry over (the same cap for everyone). Return an object from each employee's name to the days carried over, names in list order; when a name is listed twice, it keeps its first place but the later entry's figures count.",
  obj({ employees: arr(obj({ name: TEXT, entitlement: NONNEG, taken: NONNEG })), cap: NONNEG }), mapOf(NONNEG),
  [
    { employees: emp(["Ann", 25, 20], ["Bob", 25, 12]), cap: 5 },
    { employees: emp(["Cy", 28, 26.5]), cap: 10 },
  ],
  {
    no_employees: { employees: [], cap: 5 },
    exactly_cap_left: { employees: emp(["a", 20, 15]), cap: 5 },
    overdrawn_gives_zero: { employees: emp(["a", 20, 23]), cap: 5 },
    cap_zero: { employees: emp(["a", 25, 10], ["b", 25, 25]), cap: 0 },
    half_days: { employees: emp(["a", 22.5, 20], ["b", 25, 24.5]), cap: 3 },
    all_used: { employees: emp(["a", 30, 30]), cap: 8 },
    name_twice_later_counts: { employees: emp(["x", 20, 19], ["y", 20, 10], ["x", 20, 2]), cap: 6 },
    none_taken: { employees: emp(["new", 12, 0]), cap: 20 },
  });

spec("free_coffees_earned",
  "Our coffee loyalty card: `stamps` lists the customer's name for every coffee bought (one stamp each), and every `stampsPerFree` stamps earn one free coffee. Return an object from each customer (names compared exactly, in order of first appearance) to the free coffees they have earned: their number of stamps divided by stampsPerFree, rounded down (a customer with too few stamps gets 0).",
  obj({ stamps: arr(TEXT), stampsPerFree: int(1, 100) }), mapOf(COUNT),
  [
    { stamps: ["Ann", "Bob", "Ann", "Ann", "Ann", "Bob"], stampsPerFree: 2 },
    { stamps: ["Cy", "Cy", "Cy", "Dee"], stampsPerFree: 3 },
  ],
  {
    no_stamps: { stamps: [], stampsPerFree: 10 },
    exactly_enough: { stamps: ["a", "a", "a", "a", "a"], stampsPerFree: 5 },
    one_short: { stamps: ["a", "a", "a", "a"], stampsPerFree: 5 },
    every_coffee_free: { stamps: ["a", "b", "a"], stampsPerFree: 1 },
    case_matters: { stamps: ["ann", "Ann", "ann", "ANN"], stampsPerFree: 2 },
    two_free: { stamps: ["z", "z", "z", "z", "z", "z", "z"], stampsPerFree: 3 },
    first_appearance_order: { stamps: ["Zoe", "Al", "Zoe", "Al", "Mo"], stampsPerFree: 2 },
    empty_name: { stamps: ["", "", "x"], stampsPerFree: 2 },
  });

const resp = (...r) => rows(["question", "answer"], ...r);
spec("survey_answer_counts",
  "Tally a survey: each response has a `question` and an `answer`. Answers are compared ignoring upper/lower case and whitespace at both ends, and written trimmed and in lower case; an answer that is empty after trimming is skipped. Return an object from each question (exactly as written) to an object from each answer to how many responses gave it: questions in order of first appearance, and the answers within a question in order of first appearance. A question whose answers were all skipped does not appear.",
  obj({ responses: arr(obj({ question: TEXT, answer: TEXT })) }), mapOf(mapOf(COUNT)),
  [
    { responses: resp(["Colour?", "Blue"], ["Colour?", "red"], ["Colour?", "blue"], ["Pet?", "Dog"]) },
    { responses: resp(["Service?", "Good"], ["Service?", "ok"], ["Service?", "good "]) },
  ],
  each("responses", {
    no_responses: [],
    one_response: resp(["Q", "Yes"]),
    case_and_spaces_merged: resp(["Q", " YES"], ["Q", "yes "], ["Q", "Yes"]),
    empty_answer_skipped: resp(["Q", ""], ["Q", "  "], ["Q", "no"]),
    question_all_skipped_left_out: resp(["Skipped", " "], ["Kept", "maybe"]),
    question_case_matters: resp(["Pet?", "cat"], ["pet?", "cat"]),
    answer_order_first_appearance: resp(["Q", "zebra"], ["Q", "apple"], ["Q", "Zebra"]),
    questions_interleaved: resp(["A", "x"], ["B", "y"], ["A", "y"], ["B", "y"]),
  }));

const todo = (assignee, due, done) => ({ assignee, due, done });
spec("overdue_tasks_per_assignee",
  "Count overdue tasks per person for the Monday meeting: a task is overdue when it is not `done` and its `due` date (YYYY-MM-DD) is before `today` (a task due today is not overdue yet). Return an object from each assignee with at least one overdue task to their number of overdue tasks, assignees in alphabetical order (plain character order, capitals first).",
  obj({ tasks: arr(obj({ assignee: TEXT, due: ISO_DATE, done: BOOL })), today: ISO_DATE }), mapOf(COUNT),
  [
    { tasks: [todo("Kim", "2026-12-01", false), todo("Lee", "2026-12-03", false), todo("Kim", "2026-11-20", false), todo("Lee", "2026-11-01", true)], today: "2026-12-02" },
    { tasks: [todo("Max", "2026-10-10", false)], today: "2026-10-11" },
  ],
  {
    no_tasks: { tasks: [], today: "2026-12-05" },
    due_today_not_overdue: { tasks: [todo("a", "2026-12-05", false)], today: "2026-12-05" },
    done_not_overdue: { tasks: [todo("a", "2026-01-01", true)], today: "2026-12-05" },
    across_year_end: { tasks: [todo("a", "2025-12-31", false), todo("b", "2026-01-01", false)], today: "2026-01-01" },
    capitals_first: { tasks: [todo("bea", "2026-01-01", false), todo("Cal", "2026-01-01", false), todo("Abe", "2026-01-01", false)], today: "2026-02-01" },
    due_in_future: { tasks: [todo("a", "2027-03-01", false), todo("a", "2026-03-01", false)], today: "2026-12-05" },
    leap_day: { tasks: [todo("x", "2024-02-29", false), todo("y", "2024-03-01", false)], today: "2024-03-01" },
    many_for_one: { tasks: [todo("z", "2026-06-01", false), todo("z", "2026-06-02", false), todo("z", "2026-06-03", false), todo("z", "2026-06-04", true)], today: "2026-07-01" },
  });

spec("scores_scaled_to_top_mark",
  "Scale test scores so that the best score becomes 100: each score × 100 ÷ the highest score, rounded to 1 decimal (halves up), in list order. When the highest score is 0, every score becomes 0. [] when there are no scores.",
  obj({ scores: arr(NONNEG) }), arr(NONNEG),
  [
    { scores: [40, 32, 25] },
    { scores: [18, 24, 12, 21] },
  ],
  each("scores", {
    no_scores: [],
    one_score: [37],
    best_already_100: [100, 73, 58.4],
    all_zero: [0, 0, 0],
    zero_among_others: [0, 15, 30],
    ties_for_best: [9, 9, 3],
    repeating_decimal: [3, 1, 2],
    decimal_scores: [7.5, 6.2, 0.9],
  }));

const reading = (...r) => rows(["at", "value"], ...r);
spec("first_reading_out_of_order",
  "Find where a sensor log goes back in time: each reading has a time stamp `at` (YYYY-MM-DDTHH:MM) and a `value`. Return the position (counting from 0) of the first reading whose time is earlier than the time of the reading just before it; a reading at the same minute as the one before is in order. -1 when every reading is in order (also for 0 or 1 readings).",
  obj({ readings: arr(obj({ at: STAMP, value: NUMBER })) }), { type: "integer", minimum: -1 },
  [
    { readings: reading(["2026-12-01T10:00", 20.5], ["2026-12-01T10:05", 20.7], ["2026-12-01T10:03", 20.6]) },
    { readings: reading(["2026-12-01T08:00", 3], ["2026-12-01T09:00", 4]) },
  ],
  each("readings", {
    no_readings: [],
    one_reading: reading(["2026-01-01T00:00", 1]),
    same_minute_in_order: reading(["2026-05-05T12:00", 1], ["2026-05-05T12:00", 2]),
    back_at_start: reading(["2026-05-05T12:01", 1], ["2026-05-05T12:00", 2]),
    across_midnight_in_order: reading(["2026-05-05T23:59", 1], ["2026-05-06T00:00", 2]),
    across_year_end_in_order: reading(["2025-12-31T23:30", 1], ["2026-01-01T00:10", 2]),
    only_first_reported: reading(["2026-03-01T10:00", 1], ["2026-03-01T09:00", 2], ["2026-03-01T08:00", 3]),
    earlier_than_two_back_but_not_previous: reading(["2026-03-01T10:00", 1], ["2026-03-01T11:00", 2], ["2026-03-01T11:30", 3], ["2026-03-01T11:20", 4]),
  }));

const sku = (s, qty) => ({ sku: s, qty });
spec("order_items_flattened",
  "One row per ordered item for the packing sheet: each order has an `id` and its `items` ({sku, qty}). Return [{order, sku, qty}] for every item of every order (order is the order's id), orders in list order and each order's items in their order, leaving out items with qty 0.",
  obj({ orders: arr(obj({ id: TEXT, items: arr(obj({ sku: TEXT, qty: COUNT })) })) }),
  arr(obj({ order: TEXT, sku: TEXT, qty: { type: "integer", minimum: 1 } })),
  [
    { orders: [{ id: "A1", items: [sku("MUG", 2), sku("TEA", 1)] }, { id: "A2", items: [sku("CUP", 4)] }] },
    { orders: [{ id: "B7", items: [sku("PEN", 10)] }] },
  ],
  each("orders", {
    no_orders: [],
    order_without_items: [{ id: "E", items: [] }, { id: "F", items: [sku("X", 1)] }],
    zero_qty_left_out: [{ id: "G", items: [sku("A", 0), sku("B", 3)] }],
    same_sku_twice_kept: [{ id: "H", items: [sku("A", 1), sku("A", 2)] }],
    same_order_id_twice: [{ id: "I", items: [sku("A", 1)] }, { id: "I", items: [sku("B", 1)] }],
    all_zero: [{ id: "J", items: [sku("A", 0)] }],
    three_orders: [{ id: "k1", items: [sku("P", 1)] }, { id: "k2", items: [] }, { id: "k3", items: [sku("Q", 5), sku("R", 6)] }],
    items_keep_order: [{ id: "L", items: [sku("Z", 1), sku("A", 1), sku("M", 1)] }],
  }));

const vote = (shares, v) => ({ shares, vote: v });
spec("resolution_passes_two_thirds",
  "Does a shareholder resolution pass? Each vote has the number of `shares` held and a `vote` of \"yes\", \"no\" or \"abstain\". Abstentions do not count at all. The resolution passes when the yes shares are at least two thirds of the yes and no shares together; when there are no yes or no shares at all, it does not pass.",
  obj({ votes: arr(obj({ shares: COUNT, vote: { type: "string", enum: ["yes", "no", "abstain"] } })) }), BOOL,
  [
    { votes: [vote(700, "yes"), vote(200, "no"), vote(100, "abstain")] },
    { votes: [vote(500, "yes"), vote(500, "no")] },
  ],
  each("votes", {
    no_votes: [],
    only_abstentions: [vote(100, "abstain")],
    exactly_two_thirds: [vote(200, "yes"), vote(100, "no")],
    just_below_two_thirds: [vote(199, "yes"), vote(101, "no")],
    abstentions_ignored: [vote(20, "yes"), vote(10, "no"), vote(1000, "abstain")],
    unanimous_yes: [vote(1, "yes")],
    all_no: [vote(50, "no"), vote(50, "no")],
    zero_share_votes: [vote(0, "yes"), vote(0, "no")],
  }));

spec("longest_run_of_consecutive_numbers",
  "The longest run of consecutive whole numbers among some raffle ticket numbers: the numbers may come in any order and may repeat. Return the length of the longest run n, n+1, n+2, ... of numbers that are all present (a repeated number counts once); 0 for an empty list.",
  obj({ numbers: arr(int(-1000000, 1000000)) }), COUNT,
  [
    { numbers: [104, 101, 102, 200, 103] },
    { numbers: [7, 9, 8, 20, 21] },
  ],
  each("numbers", {
    no_numbers: [],
    one_number: [42],
    repeats_count_once: [5, 5, 6, 6, 7],
    no_neighbours: [10, 20, 30],
    negative_numbers: [-2, -1, 0, 1, 5],
    two_runs_longer_second: [1, 2, 10, 11, 12, 13],
    unsorted_long_run: [9, 3, 7, 5, 8, 4, 6],
    equal_runs: [1, 2, 3, 7, 8, 9],
  }));

const line = (...r) => rows(["sku", "qty"], ...r);
spec("net_units_sold_after_returns",
  "Net units sold per product: `sales` and `returns` are lists of {sku, qty}. For each sku, the units sold minus the units returned. Return an object from sku to that number, skus in alphabetical order (plain character order, capitals first), leaving out skus whose net is 0 (a sku that was only returned has a negative net).",
  obj({ sales: arr(obj({ sku: TEXT, qty: COUNT })), returns: arr(obj({ sku: TEXT, qty: COUNT })) }), mapOf(INTEGER),
  [
    { sales: line(["HAT", 5], ["SCARF", 3], ["HAT", 2]), returns: line(["HAT", 1]) },
    { sales: line(["MUG", 4]), returns: line(["MUG", 1], ["BOWL", 2]) },
  ],
  {
    nothing: { sales: [], returns: [] },
    only_sales: { sales: line(["B", 1], ["A", 2]), returns: [] },
    only_returns_negative: { sales: [], returns: line(["X", 3]) },
    net_zero_left_out: { sales: line(["Z", 2], ["Y", 1]), returns: line(["Z", 2]) },
    capitals_first: { sales: line(["b", 1], ["A", 1], ["a", 1]), returns: [] },
    more_returned_than_sold: { sales: line(["K", 1]), returns: line(["K", 4]) },
    zero_qty_lines: { sales: line(["Q", 0]), returns: line(["R", 0]) },
    many_lines_same_sku: { sales: line(["S", 1], ["S", 1], ["S", 1]), returns: line(["S", 1], ["T", 1], ["T", 1]) },
  });

spec("bill_split_in_cents",
  "Split a bill in whole cents: `totalCents` is shared between `people` as evenly as possible. Everyone pays totalCents ÷ the number of people, rounded down, and the cents left over are added one each to the first people in the list. Return [{name, cents}] in list order ([] when there are no people).",
  obj({ totalCents: int(0, 1000000000), people: arr(TEXT) }), arr(obj({ name: TEXT, cents: COUNT })),
  [
    { totalCents: 10000, people: ["Ann", "Bob", "Cy"] },
    { totalCents: 4550, people: ["Dee", "Eli"] },
  ],
  {
    no_people: { totalCents: 500, people: [] },
    one_person_pays_all: { totalCents: 1234, people: ["solo"] },
    splits_evenly: { totalCents: 900, people: ["a", "b", "c"] },
    two_cents_left_over: { totalCents: 1002, people: ["a", "b", "c", "d"] },
    zero_total: { totalCents: 0, people: ["a", "b"] },
    fewer_cents_than_people: { totalCents: 2, people: ["a", "b", "c"] },
    same_name_twice: { totalCents: 101, people: ["Jo", "Jo"] },
    large_bill: { totalCents: 1000000, people: ["a", "b", "c", "d", "e", "f", "g"] },
  });

// ---- strings (15) --------------------------------------------------------------------------------

spec("tag_normalized_lowercase",
  "Tidy a tag someone typed before we store it: lower-case it, drop whitespace at both ends, and replace each run of whitespace inside it with a single hyphen (\"  Summer Sale \" becomes \"summer-sale\"). Everything else stays as typed.",
  obj({ tag: TEXT }), TEXT,
  [{ tag: "Summer Sale" }, { tag: "  New   Arrivals " }],
  each("tag", {
    empty: "",
    only_spaces: "   ",
    one_word: "Clearance",
    already_tidy: "black-friday",
    tabs_and_newlines: "Gift\t\tIdeas\r\nFor Him",
    upper_case: "LAST CHANCE",
    punctuation_kept: "50% Off!",
    digits: "Top 10 Picks",
  }));

const addr = (street, postcode, city) => ({ street, postcode, city });
spec("shipping_label_line",
  "One-line shipping address for a label: the street, then a comma and a space, then the postcode, a space and the city, like \"12 High St, LS1 4AB Leeds\". Each part is first trimmed of whitespace at both ends; an empty part is left out together with the separator it would need (no city: \"12 High St, LS1 4AB\"; no street: \"LS1 4AB Leeds\"), and three empty parts give \"\".",
  obj({ street: TEXT, postcode: TEXT, city: TEXT }), TEXT,
  [addr("12 High St", "LS1 4AB", "Leeds"), addr("3 Mill Lane", "YO1 7HH", "York")],
  {
    all_empty: addr("", "", ""),
    no_city: addr("12 High St", "LS1 4AB", ""),
    no_street: addr("", "LS1 4AB", "Leeds"),
    no_postcode: addr("5 Quay Rd", "", "Hull"),
    only_city: addr(" ", "", "Bath"),
    spaces_trimmed: addr("  7 Elm Row ", " EH1 2AB", "Edinburgh  "),
    only_street: addr("Flat 2, 9 Park Ave", "", ""),
    only_postcode: addr("", "CF10 1AA", ""),
  });

spec("invisible_characters_shown",
  "Make invisible characters visible for a code review: every space becomes \"·\", every tab becomes \"→\", every carriage return (\\r) becomes \"␍\", and every line feed (\\n) becomes \"↵\" followed by the line feed itself, so the lines stay lines. Every other character stays as it is.",
  obj({ text: TEXT }), TEXT,
  [{ text: "let x = 1;\n\treturn x;" }, { text: "a b\r\nc" }],
  each("text", {
    empty: "",
    no_whitespace: "abc",
    only_spaces: "   ",
    trailing_space: "end \n",
    tab_only: "\t",
    crlf_lines: "one\r\ntwo\r\n",
    blank_lines: "\n\n",
    mixed: " \t \r\n x",
  }));

spec("numbers_in_text_summed",
  "Add up the whole numbers in a text: a number is a run of digits 0-9 (anything else, a dot or comma too, ends it, so \"1,500\" is 1 and 500). A \"-\" directly before the digits makes the number negative, unless a letter or digit comes directly before that \"-\" (so in \"pages 3-5\" the 5 is positive, and in \"-4 and x-2\" only the 4 is negative). 0 when there are no numbers.",
  obj({ text: TEXT }), NUMBER,
  [{ text: "3 apples and 12 pears" }, { text: "Balance -20, deposit 50" }],
  each("text", {
    empty: "",
    no_numbers: "no digits here",
    only_a_number: "42",
    leading_minus: "-7",
    range_not_negative: "pages 3-5",
    letter_before_minus: "x-2 and -4",
    comma_splits: "1,500",
    zeros_and_padding: "007 and 0",
  }));

spec("repeated_lines_dropped",
  "Remove repeated lines from a pasted list, keeping the first copy of each: lines are separated by \\n, and a \\r at the end of a line is dropped. Two lines are the same when they are equal after trimming whitespace at both ends; the kept line is written as it was (less its \\r). Return the remaining lines joined with \\n (an empty text gives \"\").",
  obj({ text: TEXT }), TEXT,
  [{ text: "milk\neggs\nmilk\nbread" }, { text: "red\nblue\nred\nred" }],
  each("text", {
    empty: "",
    no_repeats: "a\nb\nc",
    crlf: "x\r\ny\r\nx\r\n",
    spaces_make_no_difference: "tea\n tea \ntea  ",
    first_copy_kept_as_written: "  coffee\ncoffee",
    case_matters: "Milk\nmilk",
    repeated_empty_lines: "a\n\nb\n\nc",
    all_same: "z\nz\nz",
  }));

spec("lines_right_aligned",
  "Right-align the lines of a text for a receipt `width` characters wide: lines are separated by \\n (a \\r at a line's end is dropped); each line first loses the spaces at its end, then gets spaces in front until it is `width` characters long. A line that is already that long or longer is left as it is, and a line that is empty after losing its end spaces stays empty (no spaces are added). Characters are counted as a person sees them (an emoji is one). Return the lines joined with \\n.",
  obj({ text: TEXT, width: int(0, 200) }), TEXT,
  [{ text: "Tea 2.50\nCake 3.75", width: 12 }, { text: "TOTAL\n6.25", width: 8 }],
  {
    empty_text: { text: "", width: 5 },
    width_zero: { text: "abc", width: 0 },
    exactly_width: { text: "abcde", width: 5 },
    longer_than_width: { text: "abcdefgh", width: 4 },
    trailing_spaces_removed: { text: "ab   ", width: 4 },
    crlf: { text: "x\r\nyy\r\n", width: 3 },
    leading_spaces_kept: { text: "  a", width: 5 },
    emoji_one_character: { text: "🍰 1", width: 5 },
  });

spec("bracket_tags_of_subject",
  "Read the tags at the start of an email subject like \"[Urgent][billing] Refund due\": after any whitespace at the start, each [text] that follows (whitespace between tags allowed) is a tag, where the text has no [ or ] in it; reading stops at the first thing that is not such a tag, so a bracket later in the subject is no tag. A tag's text is trimmed of whitespace at both ends and lower-cased; empty tags (\"[]\", \"[ ]\") are skipped, and a tag already found is not listed again. Return the tags in order.",
  obj({ subject: TEXT }), arr(TEXT),
  [{ subject: "[Urgent][billing] Refund due" }, { subject: "[SALES] Q4 figures [draft]" }],
  each("subject", {
    empty: "",
    no_tags: "Lunch on Friday?",
    spaces_between_tags: "  [a]  [B] rest",
    empty_tags_skipped: "[] [ ] [real] x",
    repeated_tag_once: "[x][X][ x ] hello",
    bracket_later_not_tag: "Hello [not a tag]",
    unclosed_bracket_stops: "[ok] [broken text",
    nested_bracket_stops: "[a] [[b]] c",
  }));

spec("preview_cut_at_word",
  "A preview of a post at most `limit` characters long: the text is first tidied (whitespace at both ends removed, every run of whitespace inside made one space). If the tidied text is at most `limit` characters it is the preview. Otherwise the preview is as many whole words from the start as fit with \"...\" after them (one space between words, no space before the dots, the three dots counting towards the limit); when not even the first word fits, the preview is just \"...\". Characters are counted as a person sees them (an emoji is one).",
  obj({ text: TEXT, limit: int(3, 1000) }), TEXT,
  [{ text: "The quick brown fox jumps over the lazy dog", limit: 20 }, { text: "Short note", limit: 40 }],
  {
    empty_text: { text: "", limit: 10 },
    exactly_limit: { text: "abc def", limit: 7 },
    one_over_limit: { text: "abc defg", limit: 7 },
    first_word_too_long: { text: "Supercalifragilistic word", limit: 8 },
    whitespace_tidied_first: { text: "  a   b\n\nc  ", limit: 5 },
    dots_count: { text: "one two three", limit: 10 },
    minimum_limit: { text: "hello", limit: 3 },
    emoji_counts_one: { text: "🎉 party time", limit: 8 },
  });

spec("ascii_only_text",
  "Keep only plain ASCII in a text for an old system: remove every character outside the ASCII range (codes 0 to 127), such as accented letters, emoji and curly quotes. Everything else stays, line breaks included.",
  obj({ text: TEXT }), TEXT,
  [{ text: "Café “Olé”" }, { text: "Price: 5€ only" }],
  each("text", {
    empty: "",
    already_ascii: "Plain text, 100%!",
    all_removed: "éüß",
    emoji_removed: "ok 👍 done",
    line_breaks_kept: "a\r\nb\tc",
    accented_names: "Zoë Ångström",
    dashes: "10–12 — done",
    tilde_and_delete_kept: "~\u007f",
  }));

spec("lines_sorted_ignoring_case",
  "Sort the lines of a text alphabetically, ignoring upper/lower case: lines are separated by \\n (a \\r at a line's end is dropped) and empty lines are dropped. Lines are compared in lower case, in plain character order; lines that are equal ignoring case keep their order. Return the lines joined with \\n.",
  obj({ text: TEXT }), TEXT,
  [{ text: "banana\nApple\ncherry" }, { text: "Zeta\nalpha\nBeta" }],
  each("text", {
    empty: "",
    one_line: "only",
    empty_lines_dropped: "b\n\na\n",
    case_equal_keep_order: "abc\nABC\nAbc",
    crlf: "y\r\nx\r\n",
    digits_first: "b2\n10\nA",
    already_sorted: "a\nb\nc",
    spaces_count: " b\na",
  }));

spec("decimal_trailing_zeros_trimmed",
  "Tidy the decimal numbers in a text: in every number written as digits, a dot and digits, the zeros at the end of the part after the dot are removed, and the dot too when nothing is left after it (\"2.500 kg\" becomes \"2.5 kg\", \"3.0\" becomes \"3\", \"10.05\" stays). Numbers without a dot, like \"100\", are left alone, and so is everything else.",
  obj({ text: TEXT }), TEXT,
  [{ text: "Weight 2.500 kg, price 3.0" }, { text: "Took 1.20 h" }],
  each("text", {
    empty: "",
    no_decimals: "100 apples",
    nothing_to_trim: "10.05 and 0.5",
    all_zeros_after_dot: "7.000",
    zero_itself: "0.0",
    several_numbers: "1.10, 2.20, 3.30",
    dot_without_digits_after: "End. 5. 6.",
    glued_to_letters: "v2.50a",
  }));

spec("shell_argument_quoted",
  "Quote a text as one argument for a Unix shell (POSIX sh): a non-empty text made only of the characters A-Z, a-z, 0-9 and _ . / - : = @ % + , is returned as it is. Anything else (the empty text too) is wrapped in single quotes, with each ' inside it written as '\\''.",
  obj({ text: TEXT }), TEXT,
  [{ text: "report.pdf" }, { text: "my file.txt" }],
  each("text", {
    empty: "",
    safe_characters: "a-b_c/d.e:f=g@h%i+j,k",
    single_quote: "it's",
    only_quote: "'",
    dollar_sign: "$HOME",
    newline: "a\nb",
    star: "*.txt",
    unicode: "café",
  }));

spec("number_ranges_with_en_dash",
  "Typeset number ranges: a hyphen \"-\" with a digit directly before it and a digit directly after it (no spaces) becomes an en dash \"–\", so \"pages 10-12\" becomes \"pages 10–12\". Every other hyphen stays.",
  obj({ text: TEXT }), TEXT,
  [{ text: "See pages 10-12." }, { text: "Open 9-5, Mon-Fri" }],
  each("text", {
    empty: "",
    no_hyphens: "nothing here",
    spaced_hyphen_stays: "10 - 12",
    word_hyphen_stays: "well-known",
    chain_of_ranges: "1-2-3",
    hyphen_after_digit_only: "4-a and b-5",
    leading_minus_stays: "-5 to -3",
    double_hyphen_stays: "1--2",
  }));

spec("capitalised_words_extracted",
  "List the capitalised words in a text, to spot names: a word is a run of the letters A-Z and a-z, and it is capitalised when its first letter is upper case. Return each capitalised word once (exact spelling, so \"Paris\" and \"PARIS\" are different), in order of first appearance; a one-letter word counts (\"I\").",
  obj({ text: TEXT }), arr(TEXT),
  [{ text: "Yesterday Anna met Tom in Paris." }, { text: "the BBC said Tom and I agree" }],
  each("text", {
    empty: "",
    none: "all lower case here",
    repeated_once: "Bob and Bob and Bob",
    different_spelling_kept: "Paris PARIS paris",
    split_by_digits: "R2D2 rocks",
    apostrophe_splits: "O'Brien's",
    accented_letter_splits: "Zoë Élise",
    one_letter_words: "I A i",
  }));

spec("letters_of_each_word_reversed",
  "Reverse every word of a text in place: a word is a run of characters other than whitespace, and each is written backwards (by characters as a person counts them, so an emoji stays whole), while the whitespace between and around the words stays exactly as it is.",
  obj({ text: TEXT }), TEXT,
  [{ text: "hello world" }, { text: "Keep  the  gaps" }],
  each("text", {
    empty: "",
    one_letter_words: "a b c",
    punctuation_part_of_word: "Hi, there!",
    leading_and_trailing_space: "  ab  ",
    line_breaks_kept: "ab\r\ncd",
    palindrome: "level",
    emoji_whole: "ab😀",
    tabs: "x\tyz",
  }));

// ---- numbers and units (10) ----------------------------------------------------------------------

spec("yearly_cost_from_monthly_fee",
  "What does a monthly subscription cost per year? The monthly fee × 12, rounded to 2 decimals (halves up).",
  obj({ monthly: NONNEG }), NONNEG,
  [{ monthly: 9.99 }, { monthly: 15 }],
  each("monthly", {
    zero: 0,
    whole_amount: 100,
    one_cent: 0.01,
    cents: 4.49,
    large: 1250.5,
    three_decimals: 2.333,
    small_fraction: 0.004,
    round_cents: 7.25,
  }));

spec("rain_inches_to_mm",
  "Convert a rainfall reading from inches to millimetres (1 inch = 25.4 mm), rounded to 1 decimal (halves up).",
  obj({ inches: NONNEG }), NONNEG,
  [{ inches: 2 }, { inches: 0.3 }],
  each("inches", {
    zero: 0,
    one_inch: 1,
    hundredth: 0.01,
    tenths: 1.7,
    large: 48.2,
    rounds_down: 0.33,
    rounds_up: 0.37,
    three_decimals: 2.123,
  }));

const room = (lengthM, widthM, pricePerM2) => ({ lengthM, widthM, pricePerM2 });
spec("carpet_cost_for_room",
  "What carpet for a rectangular room costs: the floor area (`lengthM` × `widthM`, in metres) plus 10% extra for waste, times the price per square metre, rounded to 2 decimals (halves up).",
  obj({ lengthM: NONNEG, widthM: NONNEG, pricePerM2: NONNEG }), NONNEG,
  [room(4, 3, 20), room(5.2, 3.8, 14.99)],
  {
    zero_length: room(0, 3, 20),
    zero_price: room(4, 4, 0),
    square_room: room(3, 3, 10),
    small_room: room(1.1, 0.9, 30),
    expensive: room(6, 4.5, 89.5),
    decimal_price: room(2, 2, 12.34),
    long_hall: room(12.3, 1.05, 18),
    one_metre: room(1, 1, 1),
  });

spec("resistor_power_watts",
  "How much power a resistor turns into heat: P = V² ÷ R watts, with V the voltage across it in volts and R its resistance in ohms, rounded to 3 decimals (halves up). null when R is 0 or less.",
  obj({ volts: NUMBER, ohms: NUMBER }), orNull(NONNEG),
  [{ volts: 5, ohms: 220 }, { volts: 12, ohms: 1000 }],
  {
    zero_volts: { volts: 0, ohms: 100 },
    zero_ohms: { volts: 5, ohms: 0 },
    negative_ohms: { volts: 5, ohms: -10 },
    negative_volts_same_power: { volts: -9, ohms: 330 },
    small_resistance: { volts: 3.3, ohms: 0.5 },
    large_resistance: { volts: 230, ohms: 47000 },
    one_ohm: { volts: 1.5, ohms: 1 },
    tiny_power: { volts: 0.1, ohms: 10000 },
  });

spec("dog_daily_calories",
  "A dog's daily energy need in kcal: the resting energy is 70 × (weight in kg) raised to the power 0.75, and it is multiplied by a factor for the dog's `stage`: 3.0 for a \"puppy\", 1.8 for an \"adult\", 1.6 for a \"neutered\" adult and 1.4 for a \"senior\". Rounded to the nearest whole kcal (halves up); 0 for a weight of 0.",
  obj({ weightKg: NONNEG, stage: { type: "string", enum: ["puppy", "adult", "neutered", "senior"] } }), NONNEG,
  [{ weightKg: 10, stage: "adult" }, { weightKg: 4, stage: "puppy" }],
  {
    zero_weight: { weightKg: 0, stage: "adult" },
    neutered: { weightKg: 10, stage: "neutered" },
    senior: { weightKg: 10, stage: "senior" },
    one_kg: { weightKg: 1, stage: "adult" },
    large_dog: { weightKg: 45, stage: "neutered" },
    small_puppy: { weightKg: 1.5, stage: "puppy" },
    decimal_weight: { weightKg: 7.3, stage: "senior" },
    sixteen_kg: { weightKg: 16, stage: "adult" },
  });

spec("stopping_distance_metres",
  "A car's stopping distance in metres: the reaction distance (speed in m/s × 1.5 seconds of reaction time) plus the braking distance (speed in m/s, squared, ÷ (2 × 7), with 7 m/s² the braking deceleration). The speed is given in km/h (m/s = km/h ÷ 3.6). Rounded to 1 decimal (halves up); 0 for a speed of 0 or less.",
  obj({ kmh: NUMBER }), NONNEG,
  [{ kmh: 50 }, { kmh: 100 }],
  each("kmh", {
    zero: 0,
    negative: -30,
    walking_pace: 5,
    town: 30,
    rural: 80,
    motorway: 130,
    decimal: 62.5,
    very_slow: 1,
  }));

spec("lens_angle_of_view_degrees",
  "The horizontal angle of view of a lens on a full-frame camera (a sensor 36 mm wide): 2 × arctan(36 ÷ (2 × focal length in mm)), in degrees, rounded to 1 decimal (halves up). null when the focal length is 0 or less.",
  obj({ focalMm: NUMBER }), orNull(NONNEG),
  [{ focalMm: 50 }, { focalMm: 24 }],
  each("focalMm", {
    zero: 0,
    negative: -35,
    ultra_wide: 16,
    normal_35: 35,
    portrait: 85,
    telephoto: 200,
    super_telephoto: 600,
    fractional: 18.5,
  }));

const throwAt = (speed, angle) => ({ speed, angle });
spec("projectile_range_metres",
  "How far a ball lands on flat ground when thrown at `speed` m/s and `angle` degrees above the horizontal, ignoring air: range = speed² × sin(2 × angle) ÷ 9.81 metres, rounded to 2 decimals (halves up). An angle below 0 or above 90, or a speed below 0, gives 0.",
  obj({ speed: NUMBER, angle: NUMBER }), NONNEG,
  [throwAt(20, 45), throwAt(10, 30)],
  {
    zero_speed: throwAt(0, 45),
    zero_angle: throwAt(15, 0),
    straight_up: throwAt(15, 90),
    angle_over_90: throwAt(15, 100),
    negative_angle: throwAt(15, -10),
    negative_speed: throwAt(-5, 45),
    complementary_angle: throwAt(10, 60),
    steep: throwAt(25, 75),
  });

spec("max_heart_rate_tanaka",
  "Estimate someone's maximum heart rate by the Tanaka formula: 208 - 0.7 × age in years, rounded to the nearest whole beat per minute (halves up).",
  obj({ age: int(0, 120) }), NUMBER,
  [{ age: 40 }, { age: 23 }],
  each("age", {
    newborn: 0,
    teen: 16,
    thirty: 30,
    sixty_two: 62,
    eighty_one: 81,
    one: 1,
    ninety_eight: 98,
    oldest: 120,
  }));

const plan = (monthlyFee, allowanceGb, usedGb, pricePerGb) => ({ monthlyFee, allowanceGb, usedGb, pricePerGb });
spec("mobile_data_overage_cost",
  "What I pay for mobile data this month: the plan's `monthlyFee` covers `allowanceGb` of data; data used beyond that is charged per started GB (the extra is rounded up to a whole number of GB) at `pricePerGb`. Total rounded to 2 decimals (halves up).",
  obj({ monthlyFee: NONNEG, allowanceGb: NONNEG, usedGb: NONNEG, pricePerGb: NONNEG }), NONNEG,
  [plan(15, 10, 12.5, 2), plan(20, 30, 18, 3)],
  {
    exactly_allowance: plan(15, 10, 10, 2),
    just_over: plan(15, 10, 10.1, 2),
    whole_gb_over: plan(15, 10, 13, 2),
    decimals_subtract_cleanly: plan(10, 3.3, 5.3, 1.5),
    zero_allowance: plan(5, 0, 0.2, 4),
    nothing_used: plan(12.99, 5, 0, 2.5),
    free_plan: plan(0, 1, 3.4, 0.99),
    zero_price: plan(8, 2, 9, 0),
  });

// ---- dates and times (10) ------------------------------------------------------------------------

spec("date_plus_weeks",
  "The date `weeks` weeks after `date` (YYYY-MM-DD), or before it when `weeks` is negative, as YYYY-MM-DD.",
  obj({ date: NEAR_DATE, weeks: int(-520, 520) }), OUT_DATE,
  [{ date: "2026-12-05", weeks: 2 }, { date: "2026-03-10", weeks: 6 }],
  {
    zero_weeks: { date: "2026-06-15", weeks: 0 },
    across_year_end: { date: "2026-12-28", weeks: 1 },
    backwards: { date: "2026-01-05", weeks: -1 },
    into_leap_day: { date: "2024-02-22", weeks: 1 },
    across_february_non_leap: { date: "2026-02-25", weeks: 1 },
    century_non_leap: { date: "1900-02-22", weeks: 1 },
    many_weeks: { date: "2026-01-01", weeks: 52 },
    back_across_year: { date: "2027-01-03", weeks: -10 },
  });

spec("first_day_of_next_month",
  "The first day of the month after the one `date` (YYYY-MM-DD) is in, as YYYY-MM-DD: 2026-12-15 gives 2027-01-01.",
  obj({ date: NEAR_DATE }), OUT_DATE,
  [{ date: "2026-03-17" }, { date: "2026-07-01" }],
  each("date", {
    december: "2026-12-15",
    last_day_of_month: "2026-04-30",
    leap_february: "2024-02-29",
    february_28: "2026-02-28",
    first_of_month: "2026-01-01",
    new_years_eve: "1999-12-31",
    thirty_first: "2026-10-31",
    november: "2099-11-11",
  }));

spec("days_overdue",
  "How many days late is an invoice? When `today` is after the `due` date (both YYYY-MM-DD), the number of days from due to today; otherwise 0 (an invoice due today is not late).",
  obj({ due: ISO_DATE, today: ISO_DATE }), COUNT,
  [{ due: "2026-11-20", today: "2026-12-05" }, { due: "2026-12-10", today: "2026-12-05" }],
  {
    due_today: { due: "2026-12-05", today: "2026-12-05" },
    one_day_late: { due: "2026-12-04", today: "2026-12-05" },
    across_year_end: { due: "2025-12-30", today: "2026-01-02" },
    across_leap_february: { due: "2024-02-27", today: "2024-03-01" },
    across_non_leap_february: { due: "2026-02-27", today: "2026-03-01" },
    century_year: { due: "2000-02-28", today: "2000-03-01" },
    a_year_late: { due: "2025-12-05", today: "2026-12-05" },
    far_future_due: { due: "2030-01-01", today: "2026-12-05" },
  });

spec("is_last_friday_of_month",
  "Is `date` (YYYY-MM-DD) the last Friday of its month? (Our team lunch is then.) true only when it is a Friday and the date 7 days later is in another month.",
  obj({ date: ISO_DATE }), BOOL,
  [{ date: "2026-12-25" }, { date: "2026-12-18" }],
  each("date", {
    not_a_friday: "2026-12-31",
    last_friday_on_last_day: "2026-07-31",
    leap_february: "2024-02-23",
    february_non_leap: "2026-02-27",
    first_friday: "2026-05-01",
    last_friday_of_year_change: "2027-12-31",
    thursday_before: "2026-07-30",
    penultimate_friday: "2026-07-24",
  }));

spec("quarter_days_count",
  "How many days are in the calendar quarter that `date` (YYYY-MM-DD) falls in? The quarters are January-March, April-June, July-September and October-December, with February having 29 days in leap years (years divisible by 4, except century years not divisible by 400).",
  obj({ date: ISO_DATE }), COUNT,
  [{ date: "2026-05-20" }, { date: "2026-02-14" }],
  each("date", {
    leap_first_quarter: "2024-01-31",
    century_non_leap: "1900-03-01",
    century_leap: "2000-02-29",
    third_quarter: "2026-07-01",
    fourth_quarter: "2026-12-31",
    quarter_end: "2026-06-30",
    quarter_start: "2026-10-01",
    year_2100: "2100-03-31",
  }));

spec("events_per_hour_of_day",
  "Count events by hour of the day for a chart: each time stamp (YYYY-MM-DDTHH:MM) counts for its hour, whatever its date. Return an object from \"HH:00\" to the number of events in that hour, for every hour that has events, hours in order from \"00:00\" to \"23:00\".",
  obj({ stamps: arr(STAMP) }), mapOf({ type: "integer", minimum: 1 }),
  [
    { stamps: ["2026-12-01T09:15", "2026-12-01T09:50", "2026-12-02T14:05"] },
    { stamps: ["2026-11-30T23:59", "2026-12-01T00:00"] },
  ],
  each("stamps", {
    no_events: [],
    one_event: ["2026-01-01T12:30"],
    same_hour_different_days: ["2026-01-01T08:00", "2026-06-15T08:59", "2027-03-03T08:30"],
    hour_order_not_list_order: ["2026-01-01T22:00", "2026-01-01T03:00", "2026-01-01T11:00"],
    midnight_hour: ["2026-01-01T00:00", "2026-01-01T00:59"],
    last_minute_of_hour: ["2026-01-01T10:59", "2026-01-01T11:00"],
    many_in_one_hour: ["2026-02-02T17:01", "2026-02-02T17:02", "2026-02-02T17:03", "2026-02-02T18:00"],
    leap_day: ["2024-02-29T06:45"],
  }));

spec("birthday_passed_this_year",
  "Has someone's birthday already come this year? Given `birthday` and `today` (YYYY-MM-DD; only the birthday's month and day matter), true when this year's birthday is on or before today. Someone born on 29 February has their birthday on 28 February in years that are not leap years.",
  obj({ birthday: ISO_DATE, today: ISO_DATE }), BOOL,
  [{ birthday: "1990-03-14", today: "2026-12-05" }, { birthday: "1985-12-24", today: "2026-12-05" }],
  {
    birthday_today: { birthday: "2000-12-05", today: "2026-12-05" },
    day_before_birthday: { birthday: "2000-12-06", today: "2026-12-05" },
    first_of_january: { birthday: "1970-01-01", today: "2026-01-01" },
    new_years_eve_birthday: { birthday: "1970-12-31", today: "2026-12-30" },
    leap_birthday_non_leap_year_on_28th: { birthday: "2004-02-29", today: "2026-02-28" },
    leap_birthday_leap_year_on_28th: { birthday: "2004-02-29", today: "2028-02-28" },
    leap_birthday_leap_year_on_29th: { birthday: "2004-02-29", today: "2028-02-29" },
    born_this_year_later: { birthday: "2026-12-20", today: "2026-12-05" },
  });

spec("reminder_dates_before_due",
  "Reminder dates for a bill: for each number in `daysBefore`, the date that many days before `due` (YYYY-MM-DD). Negative numbers are ignored, and 0 means the due date itself. Return the distinct dates as YYYY-MM-DD in calendar order, earliest first.",
  obj({ due: NEAR_DATE, daysBefore: arr(int(-3650, 3650)) }), arr(OUT_DATE),
  [{ due: "2026-12-20", daysBefore: [7, 1] }, { due: "2026-06-15", daysBefore: [1, 3, 14] }],
  {
    no_reminders: { due: "2026-12-20", daysBefore: [] },
    due_date_itself: { due: "2026-12-20", daysBefore: [0] },
    negatives_ignored: { due: "2026-12-20", daysBefore: [-1, 2] },
    repeats_once: { due: "2026-12-20", daysBefore: [3, 3, 3] },
    across_year_start: { due: "2027-01-03", daysBefore: [5, 2] },
    across_leap_february: { due: "2024-03-02", daysBefore: [2, 3] },
    across_non_leap_february: { due: "2026-03-02", daysBefore: [2] },
    a_year_before: { due: "2026-12-20", daysBefore: [365, 30] },
  });

spec("timestamp_after_minutes",
  "The time stamp `minutes` minutes after `at` (YYYY-MM-DDTHH:MM), or before it when `minutes` is negative, as YYYY-MM-DDTHH:MM. Days, months and years roll over as on a calendar, with leap years (no time zones and no daylight saving).",
  obj({ at: NEAR_STAMP, minutes: int(-1000000, 1000000) }), STAMP,
  [{ at: "2026-12-05T10:30", minutes: 45 }, { at: "2026-12-05T08:00", minutes: 150 }],
  {
    zero_minutes: { at: "2026-05-05T12:00", minutes: 0 },
    past_midnight: { at: "2026-05-05T23:50", minutes: 15 },
    back_past_midnight: { at: "2026-05-06T00:10", minutes: -20 },
    new_year: { at: "2026-12-31T23:59", minutes: 1 },
    leap_day: { at: "2024-02-28T22:00", minutes: 180 },
    non_leap_february: { at: "2026-02-28T22:00", minutes: 180 },
    several_days: { at: "2026-01-30T06:00", minutes: 4320 },
    back_across_year: { at: "2026-01-01T00:00", minutes: -1 },
  });

spec("same_week_monday_to_sunday",
  "Are two dates (YYYY-MM-DD) in the same week, with weeks running Monday to Sunday? (A Sunday and the Monday after it are in different weeks.)",
  obj({ a: ISO_DATE, b: ISO_DATE }), BOOL,
  [{ a: "2026-12-01", b: "2026-12-05" }, { a: "2026-12-05", b: "2026-12-08" }],
  {
    same_day: { a: "2026-12-05", b: "2026-12-05" },
    sunday_then_monday: { a: "2026-12-06", b: "2026-12-07" },
    monday_and_sunday: { a: "2026-11-30", b: "2026-12-06" },
    order_does_not_matter: { a: "2026-12-06", b: "2026-11-30" },
    across_year_end: { a: "2026-12-31", b: "2027-01-03" },
    across_year_end_next_week: { a: "2027-01-03", b: "2027-01-04" },
    seven_days_apart: { a: "2026-12-02", b: "2026-12-09" },
    leap_day_week: { a: "2024-02-26", b: "2024-03-01" },
  });

// ---- utility-library functions (5) ---------------------------------------------------------------

spec("keys_zipped_with_values",
  "Build an object from a list of `keys` and a list of `values` paired by position, like lodash's zipObject: the first key gets the first value, and so on. A key with no value left gets null, values after the last key are ignored, and when a key repeats, the later pairing wins but the key keeps its first place.",
  obj({ keys: arr(TEXT), values: arr(SCALAR) }), mapOf(SCALAR),
  [{ keys: ["name", "age"], values: ["Ann", 31] }, { keys: ["a", "b", "c"], values: [true, null, "x"] }],
  {
    both_empty: { keys: [], values: [] },
    no_keys: { keys: [], values: [1, 2] },
    fewer_values: { keys: ["x", "y", "z"], values: [1] },
    more_values: { keys: ["only"], values: [1, 2, 3] },
    repeated_key_later_wins: { keys: ["k", "j", "k"], values: [1, 2, 3] },
    empty_key: { keys: [""], values: ["blank"] },
    case_matters: { keys: ["Id", "id"], values: [1, 2] },
    mixed_values: { keys: ["n", "s", "b"], values: [0, "", false] },
  });

spec("items_taken_while_below",
  "Take the numbers from the start of a list while each is below `limit`, like lodash's takeWhile: stop at the first number that is equal to the limit or above it, and return the numbers before it.",
  obj({ numbers: arr(NUMBER), limit: NUMBER }), arr(NUMBER),
  [{ numbers: [1, 2, 5, 1], limit: 4 }, { numbers: [10, 20, 30], limit: 25 }],
  {
    empty_list: { numbers: [], limit: 5 },
    first_too_big: { numbers: [9, 1, 1], limit: 5 },
    equal_stops: { numbers: [1, 5, 2], limit: 5 },
    all_below: { numbers: [1, 2, 3], limit: 100 },
    negative_limit: { numbers: [-5, -3, -1], limit: -2 },
    later_small_numbers_dropped: { numbers: [1, 7, 1, 1], limit: 5 },
    decimals: { numbers: [0.1, 0.2, 0.30000001], limit: 0.3 },
    zero_limit: { numbers: [-1, 0, -2], limit: 0 },
  });

spec("object_inverted_to_lists",
  "Invert an object, like lodash's invertBy: the result maps each value of `object` (a text) to the list of keys that had that value, keys listed in the object's order, and the values in order of first appearance.",
  obj({ object: mapOf(TEXT) }), mapOf(arr(TEXT)),
  [{ object: { ann: "admin", bob: "user", cy: "admin" } }, { object: { red: "warm", blue: "cool" } }],
  each("object", {
    empty: {},
    one_key: { only: "one" },
    all_same_value: { a: "v", b: "v", c: "v" },
    all_different: { a: "x", b: "y", c: "z" },
    empty_value: { a: "", b: "" },
    case_matters: { a: "Yes", b: "yes" },
    value_equals_a_key: { a: "b", b: "a" },
    first_appearance_order: { k1: "zeta", k2: "alpha", k3: "zeta" },
  }));

const move = (items, from, to) => ({ items, from, to });
spec("list_with_item_moved",
  "Move one item of a list to a new position, like dragging a row: the item at index `from` (counting from 0) is taken out and put back so that it ends up at index `to`. A `to` past the end puts it last and a `to` below 0 puts it first. When `from` is not an index of the list, the list comes back unchanged.",
  obj({ items: arr(SCALAR), from: INTEGER, to: INTEGER }), arr(SCALAR),
  [move(["a", "b", "c", "d"], 0, 2), move(["x", "y", "z"], 2, 0)],
  {
    empty_list: move([], 0, 1),
    same_position: move(["a", "b", "c"], 1, 1),
    to_past_end: move(["a", "b", "c"], 0, 10),
    to_negative: move(["a", "b", "c"], 2, -3),
    from_out_of_range: move(["a", "b"], 5, 0),
    from_negative: move(["a", "b"], -1, 0),
    to_last_index: move([1, 2, 3, 4], 1, 3),
    duplicates_in_list: move(["a", "a", "b"], 2, 0),
  });

spec("last_index_above_threshold",
  "The position (counting from 0) of the last number in the list that is greater than `threshold`, like lodash's findLastIndex with that test; -1 when no number is.",
  obj({ numbers: arr(NUMBER), threshold: NUMBER }), { type: "integer", minimum: -1 },
  [{ numbers: [3, 8, 1, 9, 2], threshold: 5 }, { numbers: [1, 2, 3], threshold: 10 }],
  {
    empty_list: { numbers: [], threshold: 0 },
    equal_not_greater: { numbers: [5, 5, 5], threshold: 5 },
    last_item: { numbers: [1, 2, 7], threshold: 6 },
    first_item_only: { numbers: [7, 1, 2], threshold: 6 },
    negative_threshold: { numbers: [-5, -1, -3], threshold: -2 },
    decimals: { numbers: [0.5, 0.51, 0.49], threshold: 0.5 },
    all_greater: { numbers: [10, 20, 30], threshold: 0 },
    one_item: { numbers: [4], threshold: 4 },
  });
