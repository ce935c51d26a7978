// The specs of tests/fixtures/specs/holdout19 without their outputs: description, schemas and the
// inputs of the examples and the named tests. scripts/make-holdout19-specs.mjs adds the outputs.
// New tasks (none a renamed task of an earlier set, checked against the file names of dev, dev3,
// validation, holdout and holdout2 to holdout18, and the descriptions of holdout16, holdout17 and
// holdout18), written without running the synthesizer or reading its code, in the proportions of the
// brief: 20 records and lists, 15 strings, 10 numbers and units, 10 dates and times, 5 utility functions.

import { obj, arr, HHMM, rows } from "./spec-schemas.mjs";
const NUMBER = { type: "number" };
const NONNEG = { type: "number", minimum: 0 };
const COUNT = { type: "integer", minimum: 0 };
const TEXT = { type: "string" };
/** A real calendar date's shape: months 01-12 and days 01-31. */
const ISO_DATE = { type: "string", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" };
/** A date of the years 1900 to 2099, for tasks that step back or forward across a year end. */
const NEAR_DATE = { type: "string", pattern: "^(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" };
/** A date the program writes: a week's end after 9999-12-31 runs into a five-digit year. */
const OUT_DATE = { type: "string", pattern: "^[0-9]{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" };
const NEAR_STAMP = { type: "string", pattern: "^(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]$" };
const STAMP = { type: "string", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]$" };
const SCALAR = { type: ["string", "number", "boolean", "null"] };
const WEEKDAY = { type: "string", enum: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] };
const SEX = { type: "string", enum: ["male", "female"] };
const mapOf = (values) => ({ type: "object", additionalProperties: values });
const orNull = (s) => ({ anyOf: [s, { type: "null" }] });
const int = (minimum, maximum) => ({ type: "integer", minimum, maximum });
/** One single-field input per value: each("text", {empty: ""}) -> {empty: {text: ""}}. */
const each = (field, named) => Object.fromEntries(Object.entries(named).map(([name, v]) => [name, { [field]: v }]));

export const SPECS = [];
const spec = (capability, description, inputSchema, outputSchema, examples, tests) =>
  SPECS.push({ capability, description, inputSchema, outputSchema, examples, tests });

// ---- records and lists (20) ----------------------------------------------------------------------

const ch = (winner, loser) => ({ winner, loser });
spec("squash_ladder_after_challenges",
  "Update our squash ladder: `ladder` lists the players from the top (first place) down. Challenges are played in the order given. When the winner is lower on the ladder than the loser, the winner takes the loser's place and the loser and everyone between them move down one place; when the winner is already higher, nothing changes. A challenge naming someone not on the ladder, or the same player twice, changes nothing. Names are compared exactly (case matters), and a name on the ladder twice is found at its higher place. Return the ladder after all the challenges.",
  obj({ ladder: arr(TEXT), challenges: arr(obj({ winner: TEXT, loser: TEXT })) }), arr(TEXT),
  [
    { ladder: ["Ann", "Bob", "Cy", "Dee"], challenges: [ch("Cy", "Ann")] },
    { ladder: ["Pia", "Quin", "Rae", "Sol"], challenges: [ch("Sol", "Rae"), ch("Quin", "Pia")] },
  ],
  {
    no_challenges: { ladder: ["a", "b", "c"], challenges: [] },
    empty_ladder: { ladder: [], challenges: [ch("a", "b")] },
    higher_player_wins: { ladder: ["a", "b", "c"], challenges: [ch("a", "c")] },
    bottom_beats_top: { ladder: ["a", "b", "c", "d", "e"], challenges: [ch("e", "a")] },
    unknown_player: { ladder: ["a", "b"], challenges: [ch("zed", "a"), ch("b", "nobody")] },
    same_player_twice: { ladder: ["a", "b"], challenges: [ch("b", "b")] },
    case_matters: { ladder: ["Ann", "Bo", "ann"], challenges: [ch("ann", "Bo")] },
    chain_of_challenges: { ladder: ["a", "b", "c", "d"], challenges: [ch("d", "c"), ch("d", "b"), ch("c", "a"), ch("b", "d")] },
  });

const guest = (name, arrive, depart) => ({ name, arrive, depart });
spec("rooms_assigned_to_guests",
  "Give each hotel guest a room, rooms numbered from 1. A stay uses the nights from `arrive` up to the night before `depart` (YYYY-MM-DD), so a room is free again on a guest's departure day. Guests are handled in order of arrival date (the same arrival date: in list order), and each gets the lowest-numbered room that is free on every night of their stay (a stay with no nights, departing on or before its arrival, fits in room 1). Return the room numbers in the order of the guest list.",
  obj({ guests: arr(obj({ name: TEXT, arrive: ISO_DATE, depart: ISO_DATE })) }), arr({ type: "integer", minimum: 1 }),
  [
    { guests: [guest("Ann", "2026-06-01", "2026-06-04"), guest("Bob", "2026-06-02", "2026-06-03"), guest("Cy", "2026-06-04", "2026-06-06")] },
    { guests: [guest("Dee", "2026-07-10", "2026-07-12"), guest("Eli", "2026-07-10", "2026-07-11")] },
  ],
  each("guests", {
    nobody: [],
    one_guest: [guest("solo", "2026-01-05", "2026-01-06")],
    checkout_day_frees_room: [guest("a", "2026-03-01", "2026-03-03"), guest("b", "2026-03-03", "2026-03-05")],
    later_arrival_listed_first: [guest("late", "2026-05-10", "2026-05-12"), guest("early", "2026-05-09", "2026-05-11")],
    lowest_free_room_reused: [guest("a", "2026-04-01", "2026-04-10"), guest("b", "2026-04-02", "2026-04-04"), guest("c", "2026-04-03", "2026-04-05"), guest("d", "2026-04-04", "2026-04-06")],
    across_year_end: [guest("a", "2026-12-30", "2027-01-02"), guest("b", "2027-01-01", "2027-01-03"), guest("c", "2027-01-02", "2027-01-04")],
    no_nights: [guest("a", "2026-08-01", "2026-08-05"), guest("b", "2026-08-02", "2026-08-02")],
    same_arrival_list_order: [guest("x", "2026-09-01", "2026-09-02"), guest("y", "2026-09-01", "2026-09-03"), guest("z", "2026-09-01", "2026-09-02")],
  }));

const task = (id, days, ...after) => ({ id, days, after });
spec("project_length_in_days",
  "How many days will a project take when tasks run side by side as far as they can? Each task takes `days` days and can start only once every task named in its `after` list has finished. A task may only wait for tasks listed before it: a name in `after` that is not an earlier task's id is ignored, and waiting for an id that several earlier tasks share means waiting for all of them. The project's length is the latest finish of any task, 0 when there are no tasks.",
  obj({ tasks: arr(obj({ id: TEXT, days: int(0, 1000), after: arr(TEXT) })) }), COUNT,
  [
    { tasks: [task("design", 5), task("build", 10, "design"), task("docs", 3, "design")] },
    { tasks: [task("a", 2), task("b", 4), task("c", 1, "a", "b")] },
  ],
  each("tasks", {
    no_tasks: [],
    one_task: [task("solo", 7)],
    all_parallel: [task("a", 3), task("b", 8), task("c", 5)],
    chain: [task("a", 1), task("b", 2, "a"), task("c", 3, "b"), task("d", 4, "c")],
    unknown_dependency_ignored: [task("a", 4, "ghost"), task("b", 2, "a")],
    later_task_not_waited_for: [task("a", 3, "b"), task("b", 6)],
    zero_day_milestone: [task("a", 5), task("gate", 0, "a"), task("b", 2, "gate")],
    shared_id_waits_for_all: [task("x", 9), task("x", 2), task("y", 1, "x")],
  }));

const spend = (...r) => rows(["category", "amount"], ...r);
spec("category_totals_rolled_up",
  "Roll up spending through a category tree: a category is a path like \"Home/Garden/Tools\", its parts separated by /. An expense counts towards its own category and every category above it (\"Home/Garden\" and \"Home\"). Parts are trimmed of spaces at both ends and empty parts are dropped, so \" Home//Garden \" is \"Home/Garden\"; an expense whose path has no parts left counts nowhere. Return an object from every category path to its total, rounded to 2 decimals (halves up), paths in alphabetical order (plain character order, capitals first). Refunds are negative amounts.",
  obj({ expenses: arr(obj({ category: TEXT, amount: NUMBER })) }), mapOf(NUMBER),
  [
    { expenses: spend(["Home/Garden", 40], ["Home/Kitchen", 25.5], ["Food", 12]) },
    { expenses: spend(["Travel/Train", 30], ["Travel/Train/Seat", 5], ["Travel/Bus", 2.4]) },
  ],
  each("expenses", {
    no_expenses: [],
    one_level: spend(["Food", 3.2], ["Food", 4.1]),
    deep_path: spend(["A/B/C/D", 1]),
    spaces_and_empty_parts: spend([" Home//Garden ", 10], ["Home/ Garden", 5]),
    empty_path_counts_nowhere: spend(["", 9], ["/ /", 4], ["Gifts", 6]),
    refund_negative: spend(["Shop/Clothes", 50], ["Shop/Clothes", -20.25]),
    capitals_first: spend(["food", 1], ["Food", 2], ["Bills", 3]),
    sums_to_cents: spend(["x/y", 0.1], ["x/y", 0.2], ["x/z", 0.7]),
  }));

const mail = (id, flagged, unread, received) => ({ id, flagged, unread, received });
spec("inbox_sorted_for_triage",
  "Order my inbox for triage: flagged emails first; within the flagged ones and within the rest, unread before read; and within each of those groups newest first by `received` (YYYY-MM-DDTHH:MM). Emails received in the same minute keep their list order. Return the ids in that order.",
  obj({ emails: arr(obj({ id: TEXT, flagged: { type: "boolean" }, unread: { type: "boolean" }, received: STAMP })) }), arr(TEXT),
  [
    { emails: [mail("m1", false, true, "2026-12-01T09:00"), mail("m2", true, false, "2026-12-01T08:00"), mail("m3", false, false, "2026-12-01T10:00")] },
    { emails: [mail("a", false, true, "2026-11-30T12:00"), mail("b", false, true, "2026-12-01T07:30")] },
  ],
  each("emails", {
    empty_inbox: [],
    one_email: [mail("only", false, false, "2026-01-01T00:00")],
    flagged_read_beats_unread: [mail("u", false, true, "2026-12-02T10:00"), mail("f", true, false, "2026-12-01T10:00")],
    unread_first_among_flagged: [mail("fr", true, false, "2026-12-03T10:00"), mail("fu", true, true, "2026-12-01T10:00")],
    newest_first: [mail("old", false, false, "2026-12-01T23:59"), mail("new", false, false, "2026-12-02T00:00")],
    same_minute_list_order: [mail("x", false, true, "2026-12-01T09:15"), mail("y", false, true, "2026-12-01T09:15"), mail("z", false, true, "2026-12-01T09:15")],
    across_year_end: [mail("dec", false, false, "2025-12-31T23:00"), mail("jan", false, false, "2026-01-01T01:00")],
    all_four_groups: [mail("rr", false, false, "2026-12-05T08:00"), mail("ru", false, true, "2026-12-04T08:00"), mail("fr", true, false, "2026-12-03T08:00"), mail("fu", true, true, "2026-12-02T08:00"), mail("fu2", true, true, "2026-12-06T08:00")],
  }));

const run = (...r) => rows(["runner", "date", "km"], ...r);
spec("monthly_distance_leader",
  "Our running club's award for each month: each run has a runner, a date (YYYY-MM-DD) and a distance in km. For every month that has runs, the runner with the most km that month (their runs added up). When runners tie, the one whose name comes first in alphabetical order (plain character order, capitals first). An object from month (YYYY-MM) to the runner, months in calendar order.",
  obj({ runs: arr(obj({ runner: TEXT, date: ISO_DATE, km: NONNEG })) }), mapOf(TEXT),
  [
    { runs: run(["Ann", "2026-03-02", 10], ["Bob", "2026-03-05", 12], ["Ann", "2026-03-20", 5]) },
    { runs: run(["Cy", "2026-04-01", 8], ["Dee", "2026-05-01", 3]) },
  ],
  each("runs", {
    no_runs: [],
    one_run: run(["solo", "2026-06-15", 4.2]),
    runs_add_up: run(["a", "2026-01-03", 5], ["b", "2026-01-04", 9], ["a", "2026-01-09", 5]),
    tie_alphabetical: run(["Zoe", "2026-02-01", 7], ["Amy", "2026-02-02", 7]),
    capitals_first_tie: run(["bea", "2026-02-10", 6], ["Cal", "2026-02-11", 6]),
    month_boundaries: run(["a", "2026-01-31", 20], ["b", "2026-02-01", 1], ["b", "2026-01-01", 3]),
    months_in_calendar_order: run(["a", "2026-12-01", 1], ["b", "2025-12-31", 1], ["c", "2026-02-28", 1]),
    decimal_tie: run(["p", "2026-07-01", 0.1], ["p", "2026-07-02", 0.2], ["o", "2026-07-03", 0.3]),
  }));

spec("stocktake_discrepancies",
  "Compare a stocktake with the stock records: `expected` maps each item to the units the records say we have, and `counted` to the units found on the shelves; an item missing from either counts as 0 there. Return {item, difference} (counted minus expected) for every item where the two differ, in alphabetical order of item (plain character order, capitals first).",
  obj({ expected: mapOf(COUNT), counted: mapOf(COUNT) }), arr(obj({ item: TEXT, difference: { type: "integer" } })),
  [
    { expected: { bolts: 120, nuts: 80, washers: 200 }, counted: { bolts: 118, nuts: 80, washers: 205 } },
    { expected: { "A-100": 5, "B-200": 9 }, counted: { "A-100": 3, "B-200": 9 } },
  ],
  {
    both_empty: { expected: {}, counted: {} },
    all_match: { expected: { x: 4, y: 0 }, counted: { x: 4, y: 0 } },
    missing_from_count: { expected: { glue: 7 }, counted: {} },
    found_unrecorded: { expected: {}, counted: { tape: 3 } },
    zero_versus_missing: { expected: { a: 0 }, counted: { b: 0 } },
    capitals_first: { expected: { apple: 1, Zebra: 1, Mango: 2 }, counted: { apple: 2, Zebra: 3, Mango: 1 } },
    large_gap: { expected: { pallets: 1000 }, counted: { pallets: 1 } },
    mixed: { expected: { c: 5, a: 2, b: 3 }, counted: { b: 3, d: 1, a: 1 } },
  });

const trip = (from, to) => ({ from, to });
spec("dock_net_change_by_station",
  "Bike-share rebalancing: each trip takes a bike from station `from` to station `to`. For every station, the net change in bikes over the trips: arrivals minus departures. An object from station to its change, stations in the order they first appear in the trips (within a trip, `from` before `to`); a station whose change comes to 0 is still listed. A trip that starts and ends at the same station changes nothing for it.",
  obj({ trips: arr(obj({ from: TEXT, to: TEXT })) }), mapOf({ type: "integer" }),
  [
    { trips: [trip("Park", "Station"), trip("Park", "Market"), trip("Market", "Park")] },
    { trips: [trip("A", "B"), trip("A", "B"), trip("C", "A")] },
  ],
  each("trips", {
    no_trips: [],
    one_trip: [trip("here", "there")],
    round_trip_same_station: [trip("loop", "loop")],
    back_and_forth_zero: [trip("x", "y"), trip("y", "x")],
    order_of_first_appearance: [trip("b", "a"), trip("c", "b")],
    case_differs: [trip("Dock", "dock")],
    many_to_one: [trip("p", "hub"), trip("q", "hub"), trip("r", "hub"), trip("hub", "p")],
    spaces_in_names: [trip("Main St", "Main St "), trip("Main St ", "Main St")],
  }));

spec("positions_of_repeated_values",
  "Find the repeated entries in a list: for each text that appears more than once, the positions where it appears, counting from 0. An object from the text to its positions in ascending order, texts in the order they first appear; texts that appear once are left out. Texts are compared exactly (case and spaces matter).",
  obj({ items: arr(TEXT) }), mapOf(arr(COUNT)),
  [{ items: ["red", "blue", "red", "green", "blue", "red"] }, { items: ["INV-1", "INV-2", "INV-3", "INV-2"] }],
  each("items", {
    empty_list: [],
    no_repeats: ["a", "b", "c"],
    all_same: ["x", "x", "x", "x"],
    case_matters: ["Tom", "tom", "Tom"],
    spaces_matter: ["a", "a ", " a", "a"],
    empty_texts: ["", "b", ""],
    first_appearance_order: ["b", "a", "a", "b"],
    adjacent_pair: ["k", "q", "q"],
  }));

spec("groups_as_even_as_possible",
  "Split a list into `groups` groups of consecutive items whose sizes differ by at most one, the bigger groups first: 10 items in 3 groups are groups of 4, 3 and 3. Items keep their order. There are always exactly `groups` groups; with fewer items than groups, the last groups are empty lists.",
  obj({ items: arr(TEXT), groups: int(1, 1000) }), arr(arr(TEXT)),
  [
    { items: ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"], groups: 3 },
    { items: ["Ann", "Bob", "Cy", "Dee"], groups: 2 },
  ],
  {
    empty_list: { items: [], groups: 2 },
    one_group: { items: ["x", "y", "z"], groups: 1 },
    one_item_each: { items: ["p", "q", "r"], groups: 3 },
    more_groups_than_items: { items: ["a", "b"], groups: 4 },
    two_bigger_groups: { items: ["1", "2", "3", "4", "5", "6", "7", "8"], groups: 3 },
    one_more_than_even: { items: ["a", "b", "c", "d", "e"], groups: 2 },
    exact_split: { items: ["a", "b", "c", "d", "e", "f"], groups: 3 },
    seven_into_four: { items: ["a", "b", "c", "d", "e", "f", "g"], groups: 4 },
  });

const away = (name, from, to) => ({ name, from, to });
spec("staff_away_on_date",
  "Who is away on a given day? Each leave record has a name and the first and last day of the leave (`from` and `to`, YYYY-MM-DD, both included). The names of everyone on leave on `date`, each once, in alphabetical order (plain character order, capitals first). A record whose `to` is before its `from` covers no days.",
  obj({ leave: arr(obj({ name: TEXT, from: ISO_DATE, to: ISO_DATE })), date: ISO_DATE }), arr(TEXT),
  [
    { leave: [away("Ann", "2026-07-01", "2026-07-14"), away("Bob", "2026-07-10", "2026-07-20"), away("Cy", "2026-08-01", "2026-08-05")], date: "2026-07-12" },
    { leave: [away("Dee", "2026-03-02", "2026-03-06")], date: "2026-03-09" },
  ],
  {
    no_leave: { leave: [], date: "2026-01-01" },
    first_day_included: { leave: [away("a", "2026-05-04", "2026-05-08")], date: "2026-05-04" },
    last_day_included: { leave: [away("a", "2026-05-04", "2026-05-08")], date: "2026-05-08" },
    day_after_last: { leave: [away("a", "2026-05-04", "2026-05-08")], date: "2026-05-09" },
    reversed_record: { leave: [away("a", "2026-05-08", "2026-05-04")], date: "2026-05-06" },
    two_records_one_name: { leave: [away("Kim", "2026-12-20", "2026-12-31"), away("Kim", "2026-12-24", "2027-01-02")], date: "2026-12-28" },
    across_year_end: { leave: [away("b", "2026-12-28", "2027-01-04"), away("a", "2027-01-01", "2027-01-01")], date: "2027-01-01" },
    capitals_first: { leave: [away("dan", "2026-02-01", "2026-02-28"), away("Eve", "2026-02-10", "2026-02-12"), away("Al", "2026-02-11", "2026-02-11")], date: "2026-02-11" },
  });

const lesson = (day, period) => ({ day, period });
spec("free_periods_per_day",
  "A teacher's free periods: the school day has `periods` periods numbered from 1, Monday to Friday. From the teacher's lessons (a weekday and a period number), return an object from each weekday Monday to Friday, in that order, to the list of period numbers without a lesson, ascending. Lessons on Saturday or Sunday or in a period above `periods` are ignored; two lessons in the same period leave it just as busy.",
  obj({ lessons: arr(obj({ day: WEEKDAY, period: int(1, 20) })), periods: int(1, 12) }), mapOf(arr({ type: "integer", minimum: 1 })),
  [
    { lessons: [lesson("Monday", 1), lesson("Monday", 3), lesson("Wednesday", 2), lesson("Friday", 4)], periods: 4 },
    { lessons: [lesson("Tuesday", 1), lesson("Thursday", 2)], periods: 2 },
  ],
  {
    no_lessons: { lessons: [], periods: 3 },
    one_period_day: { lessons: [lesson("Monday", 1)], periods: 1 },
    fully_booked_day: { lessons: [lesson("Tuesday", 1), lesson("Tuesday", 2), lesson("Tuesday", 3)], periods: 3 },
    weekend_ignored: { lessons: [lesson("Saturday", 1), lesson("Sunday", 2)], periods: 2 },
    period_beyond_day_ignored: { lessons: [lesson("Friday", 6), lesson("Friday", 1)], periods: 5 },
    double_booked_period: { lessons: [lesson("Thursday", 2), lesson("Thursday", 2)], periods: 3 },
    unordered_lessons: { lessons: [lesson("Wednesday", 5), lesson("Monday", 2), lesson("Wednesday", 1)], periods: 6 },
    every_day_last_period: { lessons: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"].map((d) => lesson(d, 8)), periods: 8 },
  });

const mark = (...r) => rows(["student", "mark"], ...r);
spec("course_average_dropping_lowest",
  "Course averages where each student's lowest mark is dropped: a student's average is the mean of their marks without one copy of their lowest mark (when the lowest appears twice, only one is dropped); a student with a single mark keeps it as their average. Rounded to 1 decimal (halves up). An object from student to average, students in the order they first appear.",
  obj({ marks: arr(obj({ student: TEXT, mark: { type: "number", minimum: 0, maximum: 100 } })) }), mapOf(NONNEG),
  [
    { marks: mark(["Ann", 70], ["Bob", 55], ["Ann", 90], ["Bob", 65], ["Ann", 80]) },
    { marks: mark(["Cy", 48], ["Cy", 72], ["Cy", 61]) },
  ],
  each("marks", {
    no_marks: [],
    single_mark_kept: mark(["solo", 37]),
    two_marks_keep_higher: mark(["a", 40], ["a", 95]),
    lowest_twice_one_dropped: mark(["a", 50], ["a", 50], ["a", 80]),
    zero_dropped: mark(["a", 0], ["a", 60], ["a", 70]),
    all_equal: mark(["a", 77], ["a", 77], ["a", 77]),
    thirds_round: mark(["a", 10], ["a", 70], ["a", 70], ["a", 71]),
    order_of_first_mark: mark(["z", 60], ["y", 90], ["z", 30], ["y", 20]),
  }));

spec("longest_rising_stretch",
  "The longest stretch of a series in which every value is strictly higher than the one before it: return [first index, last index], indexes counted from 0. When several stretches are equally long, the first. A single value is a stretch of length one, so any non-empty list has an answer; an equal value ends a stretch. An empty list gives null.",
  obj({ values: arr(NUMBER) }), orNull(arr(COUNT)),
  [{ values: [3, 5, 2, 4, 6, 8, 1] }, { values: [10, 11, 12, 9, 10] }],
  each("values", {
    empty_list: [],
    one_value: [42],
    all_falling: [5, 4, 3, 2],
    equal_values_break: [1, 2, 2, 3],
    tie_first_wins: [1, 2, 0, 5, 4],
    rising_to_end: [9, 1, 2, 3, 4],
    negatives: [-5, -3, -4, -2, -1, 0],
    all_equal: [7, 7, 7],
  }));

const tier = (name, minimum) => ({ name, minimum });
spec("backers_per_reward_tier",
  "Count crowdfunding backers per reward tier: each pledge gets the tier with the highest `minimum` that the pledge reaches (a pledge exactly equal to a minimum reaches it); among tiers with the same minimum, the first listed. A pledge below every minimum gets no tier. An object from every tier's name, in the order of `tiers`, to its number of backers, 0 included.",
  obj({ tiers: arr(obj({ name: TEXT, minimum: NONNEG })), pledges: arr(NONNEG) }), mapOf(COUNT),
  [
    { tiers: [tier("Thanks", 5), tier("T-shirt", 25), tier("Signed copy", 100)], pledges: [10, 30, 150, 5, 2] },
    { tiers: [tier("Bronze", 10), tier("Silver", 50)], pledges: [49, 60] },
  ],
  {
    no_pledges: { tiers: [tier("A", 1), tier("B", 10)], pledges: [] },
    no_tiers: { tiers: [], pledges: [5, 10] },
    exactly_on_minimum: { tiers: [tier("low", 10), tier("high", 20)], pledges: [20, 10] },
    just_below_minimum: { tiers: [tier("low", 10), tier("high", 20)], pledges: [19.99, 9.99] },
    tiers_listed_out_of_order: { tiers: [tier("gold", 100), tier("basic", 1), tier("silver", 40)], pledges: [45, 120, 3] },
    same_minimum_first_listed: { tiers: [tier("early bird", 20), tier("standard", 20)], pledges: [20, 35] },
    zero_minimum_tier: { tiers: [tier("anyone", 0), tier("fan", 15)], pledges: [0, 14, 15] },
    many_pledges: { tiers: [tier("s", 5), tier("m", 15), tier("l", 50)], pledges: [5, 6, 15, 49, 50, 51, 4, 100, 15] },
  });

const req = (name, give, want) => ({ name, give, want });
spec("shift_swaps_matched",
  "Match shift-swap requests: each request says someone wants to give away one shift (`give`) and take another (`want`). Two requests match when each wants the shift the other gives, and they are from different people. Going through the requests in list order, each request not yet matched is paired with the first later request, not yet matched, that matches it. Return the pairs as [earlier name, later name], in the order of their earlier request. Shifts and names are compared exactly.",
  obj({ requests: arr(obj({ name: TEXT, give: TEXT, want: TEXT })) }), arr(arr(TEXT)),
  [
    { requests: [req("Ann", "Mon early", "Tue late"), req("Bob", "Wed early", "Mon early"), req("Cy", "Tue late", "Mon early")] },
    { requests: [req("Dee", "Sat", "Sun"), req("Eli", "Sun", "Sat")] },
  ],
  each("requests", {
    no_requests: [],
    one_request: [req("a", "x", "y")],
    no_match: [req("a", "x", "y"), req("b", "y", "z")],
    same_person_not_matched: [req("a", "x", "y"), req("a", "y", "x")],
    first_later_match_wins: [req("a", "x", "y"), req("b", "y", "x"), req("c", "y", "x")],
    matched_request_not_reused: [req("a", "x", "y"), req("b", "y", "x"), req("c", "x", "y")],
    case_matters: [req("a", "Fri", "sat"), req("b", "Sat", "Fri"), req("c", "sat", "Fri")],
    two_pairs_interleaved: [req("a", "1", "2"), req("b", "3", "4"), req("c", "4", "3"), req("d", "2", "1")],
  }));

const dive = (diver, difficulty, ...scores) => ({ diver, difficulty, scores });
spec("diving_results_order",
  "Rank the divers in a competition: a dive's score is its judges' scores without the single highest and the single lowest (one of each, even when repeated), added up and multiplied by the dive's difficulty; a dive with fewer than 3 judges' scores scores 0. A diver's total is the sum of their dives. Return the divers' names by total, highest first; divers with equal totals in alphabetical order (plain character order, capitals first).",
  obj({ dives: arr(obj({ diver: TEXT, difficulty: NONNEG, scores: arr({ type: "number", minimum: 0, maximum: 10 }) })) }), arr(TEXT),
  [
    { dives: [dive("Ann", 2.0, 7, 7.5, 8, 6.5, 7), dive("Bob", 2.4, 6, 6.5, 6, 7, 5.5)] },
    { dives: [dive("Cy", 1.5, 8, 8, 9), dive("Dee", 1.8, 7, 6, 7), dive("Cy", 2.0, 5, 6, 7)] },
  ],
  each("dives", {
    no_dives: [],
    one_dive: [dive("solo", 3.0, 5, 6, 7)],
    extremes_dropped: [dive("a", 1, 0, 6, 10), dive("b", 1, 5.5, 5.5, 5.5)],
    too_few_scores: [dive("a", 3.5, 9, 9), dive("b", 1, 1, 1, 1)],
    repeated_top_score: [dive("a", 2, 8, 8, 8, 6), dive("b", 2, 8, 7, 7, 6)],
    tie_alphabetical: [dive("Zed", 2, 6, 6, 6), dive("Amy", 3, 4, 4, 4)],
    totals_over_dives: [dive("a", 1, 9, 9, 9), dive("b", 1, 5, 5, 5), dive("b", 1, 5, 5, 5)],
    zero_difficulty: [dive("a", 0, 10, 10, 10), dive("b", 1.2, 1, 2, 3)],
  }));

spec("lead_changes_during_count",
  "How many times did the lead change while votes were counted? Votes are counted one at a time in list order. The first vote counted makes its option the leader (that is not a change); after that, the leader stays the leader until another option has strictly more votes than it, and then that option becomes the leader, which is one change. Options are compared exactly. Return the number of changes; 0 when there are no votes.",
  obj({ votes: arr(TEXT) }), COUNT,
  [{ votes: ["Red", "Blue", "Blue", "Red", "Red"] }, { votes: ["Yes", "Yes", "No", "No", "No"] }],
  each("votes", {
    no_votes: [],
    one_vote: ["only"],
    level_does_not_change: ["a", "b"],
    overtake_after_level: ["a", "b", "b"],
    never_changes: ["a", "a", "b", "a", "c"],
    back_and_forth: ["a", "b", "b", "a", "a", "b", "b"],
    case_matters: ["Yes", "yes", "yes"],
    three_options: ["x", "y", "z", "z", "y", "y", "x", "x", "x"],
  }));

const room = (name, from, to) => ({ room: name, from, to });
spec("exam_room_by_surname",
  "Seat students for an exam by surname: a student's surname is the last word of their name (words are separated by whitespace), and its first letter, upper-cased, picks the first room in the list whose range `from` to `to` (capital letters, both included) holds it. An object from every room, in list order, to its students' names as written, sorted by surname and then by the whole name (plain character order, capitals first); a room nobody fits gets an empty list. Students who fit no room (a name with no words fits none) go under \"unassigned\", added after the rooms only when there is such a student.",
  obj({ rooms: arr(obj({ room: TEXT, from: { type: "string", pattern: "^[A-Z]$" }, to: { type: "string", pattern: "^[A-Z]$" } })), students: arr(TEXT) }), mapOf(arr(TEXT)),
  [
    { rooms: [room("Hall A", "A", "K"), room("Hall B", "L", "Z")], students: ["Ann Smith", "Bob Jones", "Cy Lee", "Dee Adams"] },
    { rooms: [room("R1", "A", "M"), room("R2", "N", "Z")], students: ["Maria de Souza", "Tom Young"] },
  ],
  {
    no_students: { rooms: [room("R1", "A", "Z")], students: [] },
    lower_case_surname: { rooms: [room("R1", "A", "F"), room("R2", "G", "Z")], students: ["Ludwig van beethoven", "Vincent van Gogh"] },
    range_ends_included: { rooms: [room("R1", "A", "H"), room("R2", "I", "Z")], students: ["x Hart", "y Ives", "z Adams", "w Zane"] },
    nobody_fits: { rooms: [room("R1", "A", "C")], students: ["Al Drake", "Bo Baker"] },
    no_rooms: { rooms: [], students: ["Kim Park"] },
    same_surname_by_whole_name: { rooms: [room("R", "A", "Z")], students: ["Zoe Brown", "Adam Brown", "Cy Black"] },
    first_matching_room: { rooms: [room("Small", "A", "C"), room("Big", "A", "Z")], students: ["Li Chen", "Ed Diaz"] },
    extra_spaces_and_one_word: { rooms: [room("R1", "A", "M"), room("R2", "N", "Z")], students: ["  Jo   Nash ", "Madonna", ""] },
  });

const cm = (id, parent) => ({ id, parent });
spec("comment_thread_order",
  "Show a comment thread: each comment has an id and the id of the comment it replies to (`parent`, null for a top-level comment). Display order is depth first: each comment is followed by its replies (in list order), each reply by its own replies, and so on, top-level comments in list order. A comment whose parent is not an earlier comment in the list is shown as top-level; when an id appears twice, a reply goes under the latest earlier comment with it. Return the lines: each id indented by two spaces per level of depth.",
  obj({ comments: arr(obj({ id: TEXT, parent: orNull(TEXT) })) }), arr(TEXT),
  [
    { comments: [cm("c1", null), cm("c2", "c1"), cm("c3", null), cm("c4", "c1"), cm("c5", "c2")] },
    { comments: [cm("q", null), cm("a", "q")] },
  ],
  each("comments", {
    no_comments: [],
    one_comment: [cm("only", null)],
    all_top_level: [cm("a", null), cm("b", null), cm("c", null)],
    deep_chain: [cm("a", null), cm("b", "a"), cm("c", "b"), cm("d", "c")],
    unknown_parent_top_level: [cm("a", "ghost"), cm("b", "a")],
    reply_before_parent_top_level: [cm("r", "p"), cm("p", null)],
    repeated_id_latest: [cm("x", null), cm("x", null), cm("y", "x")],
    replies_in_list_order: [cm("root", null), cm("r2", "root"), cm("r1", "root"), cm("r2a", "r2"), cm("r1a", "r1")],
  }));

// ---- strings (15) --------------------------------------------------------------------------------

spec("email_written_out_for_web",
  "Hide email addresses from spam robots on a web page: every address in the text becomes its name part, \" at \", and its domain with each dot written as \" dot \", so ann.lee@mail.example.com becomes \"ann.lee at mail dot example dot com\". An address here is one or more letters, digits, dots, underscores, plus signs or hyphens, then @, then two or more labels of letters, digits and hyphens separated by single dots (a dot at the very end is not part of it). Everything else stays as it is.",
  obj({ text: TEXT }), TEXT,
  [{ text: "Write to sales@shop.com today." }, { text: "Contacts: jo.ng@uni.ac.uk, help@x-y.org" }],
  each("text", {
    empty: "",
    no_address: "Call us on 555-0100.",
    plus_and_underscore: "bob_smith+news@mail.co",
    trailing_full_stop: "Mail me at me@site.net.",
    no_dot_in_domain: "user@localhost stays",
    two_addresses: "a@b.cc and c@d.ee",
    upper_case: "Info@Example.COM",
    newline_between: "first@one.io\r\nsecond@two.io",
  }));

spec("bare_urls_as_markdown_links",
  "Make the bare web addresses in a text into markdown links: each run that starts with http:// or https:// (lower case) and goes up to the next whitespace, less any of . , ; : ! ? ) at its end, becomes [host](address), where host is the part after :// up to the first /, ? or #. The characters dropped from the end stay after the link, and everything else stays as it is.",
  obj({ text: TEXT }), TEXT,
  [{ text: "Docs at https://docs.example.com/start now" }, { text: "See http://a.io and http://b.io/x?y=1" }],
  each("text", {
    empty: "",
    no_link: "nothing to see here",
    trailing_full_stop: "Go to https://site.org/page.",
    in_brackets: "(see https://x.com/a)",
    query_and_fragment: "https://shop.example/item?id=7#reviews",
    upper_case_scheme_left: "HTTP://LOUD.COM stays",
    several_trailing_marks: "Really? https://q.net/?!",
    links_on_lines: "one https://a.b/c\r\ntwo http://d.e",
  }));

spec("units_spaced_from_numbers",
  "Put a space between a number and the unit written straight after it, as our style guide asks (5kg becomes 5 kg, 2.5km becomes 2.5 km): a number is a run of digits, optionally a decimal point and more digits, with no letter, digit or dot directly before it; when a letter (a-z, A-Z) follows it directly, one space is put in between. Everything else stays as it is.",
  obj({ text: TEXT }), TEXT,
  [{ text: "Add 250g flour and 2tbsp sugar" }, { text: "Run 5km at 12.5km/h" }],
  each("text", {
    empty: "",
    already_spaced: "10 kg",
    letter_before_number: "H2O and mp3",
    percent_not_a_letter: "50% off, 20°C",
    unit_in_capitals: "16GB RAM, 3GHz",
    decimal_number: "0.75L bottle",
    dot_before_number: "v.2beta",
    several_per_line: "3 x 4m room\n2m wide",
  }));

spec("wordle_guess_feedback",
  "Wordle feedback for a guess against the answer (the game uses five-letter words, but any length works; upper/lower case ignored): one mark per character of the guess, G for a character at the same position in the answer, Y for one that is in the answer but elsewhere, and . otherwise. A character gets no more G and Y marks than it has copies in the answer: right-place characters are marked G first, then the remaining ones, left to right, get Y while the answer still has a copy of that character not already matched. Return the marks as one text.",
  obj({ guess: TEXT, answer: TEXT }), { type: "string", pattern: "^[GY.]*$" },
  [{ guess: "crane", answer: "react" }, { guess: "stone", answer: "store" }],
  {
    all_right: { guess: "apple", answer: "apple" },
    nothing_shared: { guess: "fuzzy", answer: "clock" },
    case_ignored: { guess: "Crane", answer: "CRANE" },
    all_letters_moved: { guess: "abcde", answer: "eabcd" },
    repeated_guess_letter_one_copy: { guess: "geese", answer: "those" },
    green_takes_the_copy: { guess: "lolly", answer: "hello" },
    yellow_left_to_right: { guess: "eerie", answer: "shelf" },
    two_copies_both_marked: { guess: "sassy", answer: "bases" },
  });

spec("run_length_decoded",
  "Expand run-length encoded text: a number (one or two digits) written before a character means that character repeated that many times (\"3a2b\" is \"aaabb\", \"12x\" is twelve x's, \"0z\" is nothing); a character with no number before it appears once. Any character can be repeated, spaces too.",
  obj({ text: { type: "string", pattern: "^([0-9]{0,2}[^0-9])*$" } }), TEXT,
  [{ text: "3a2b" }, { text: "W4BW" }],
  each("text", {
    empty: "",
    no_numbers: "abc",
    two_digit_count: "12x",
    zero_count: "a0zb",
    count_of_one: "1q1r",
    repeated_spaces: "a3 b",
    symbols: "2-3=2!",
    newline_repeated: "x2\ny",
  }));

spec("vigenere_encrypted",
  "Encrypt a text with the Vigenère cipher: each letter of the text (A-Z, a-z) is shifted forward in the alphabet by its key letter's position (a = 0, b = 1, ... z = 25), wrapping from z round to a and keeping its case. The key (letters only, case ignored) is used one letter at a time and repeated from its start when used up; only letters of the text use up a key letter, and other characters are kept as they are. An empty key leaves the text unchanged.",
  obj({ text: TEXT, key: { type: "string", pattern: "^[A-Za-z]*$" } }), TEXT,
  [{ text: "attack at dawn", key: "lemon" }, { text: "Hello", key: "b" }],
  {
    empty_text: { text: "", key: "key" },
    empty_key: { text: "Stay put!", key: "" },
    key_a_changes_nothing: { text: "Same Text", key: "a" },
    wraps_past_z: { text: "xyz", key: "c" },
    capitals_kept: { text: "ABC xyz", key: "bcd" },
    key_case_ignored: { text: "abc", key: "BcD" },
    punctuation_uses_no_key: { text: "a-b c.d", key: "ab" },
    key_longer_than_text: { text: "hi", key: "zebras" },
  });

spec("acronyms_defined_in_text",
  "Collect the acronyms a report defines, like \"World Health Organization (WHO)\": an acronym is 2 to 6 capital letters A-Z in round brackets. It is defined there when the words directly before the bracket, as many words as the acronym has letters, start with the acronym's letters in order, ignoring upper/lower case; words are runs of the letters A-Z and a-z, and anything else between them is skipped. An object from acronym to those words joined by single spaces, as written; acronyms in the order first defined, and an acronym defined twice keeps its first definition.",
  obj({ text: TEXT }), mapOf(TEXT),
  [{ text: "The World Health Organization (WHO) said so." }, { text: "We use a Content Delivery Network (CDN) and a Domain Name System (DNS)." }],
  each("text", {
    empty: "",
    no_brackets: "Plain text with no acronym.",
    words_do_not_match: "Big Data (AI) is hot.",
    small_word_inside: "Department of Defense (DOD) budget",
    punctuation_skipped: "the estimated-time.arrival, (ETA) is",
    not_enough_words: "Car (BMW)",
    first_definition_kept: "Annual Percentage Rate (APR) ... Average Page Rank (APR)",
    lower_case_not_acronym: "Hypertext Markup Language (html) and Cascading Style Sheets (CSS)",
  }));

spec("leading_spaces_to_tabs",
  "Re-indent code with tabs: the run of spaces and tabs at the start of each line is measured in columns (a space is one column, and a tab moves on to the next multiple of `width`), and rewritten as that many columns ÷ `width` tabs (whole tabs) followed by the remaining columns as spaces. The rest of each line is unchanged. Lines are separated by \\n; a \\r at a line's end stays as it is.",
  obj({ text: TEXT, width: int(1, 16) }), TEXT,
  [{ text: "def f():\n    return 1", width: 4 }, { text: "if x {\n  y()\n}", width: 2 }],
  {
    empty: { text: "", width: 4 },
    no_indent: { text: "a\nb", width: 4 },
    leftover_spaces: { text: "      six", width: 4 },
    tab_already: { text: "\tkept\n\t  two more", width: 4 },
    space_then_tab: { text: "  \tx", width: 4 },
    blank_line_of_spaces: { text: "a\n        \nb", width: 4 },
    crlf_lines: { text: "x\r\n    y\r\n", width: 4 },
    width_one: { text: "   z", width: 1 },
  });

spec("heading_anchor_ids",
  "The link anchors our documentation site gives its markdown headings: a heading is a line that starts with 1 to 6 # and then a space. Its anchor is the heading text (after that space, trimmed of spaces at both ends) in lower case, with every character other than a-z, 0-9, spaces and hyphens removed, and then each space replaced by a hyphen. When an anchor has been given before, -1 is added for its second use, -2 for its third and so on. Return the anchors in order. Lines are separated by \\n (a \\r before it is dropped).",
  obj({ markdown: TEXT }), arr(TEXT),
  [{ markdown: "# Getting Started\nText\n## Install on Linux" }, { markdown: "## FAQ\n### What's new?" }],
  each("markdown", {
    empty: "",
    no_headings: "just text\n#not a heading",
    seven_hashes: "####### too deep\n###### Deep",
    repeated_heading: "## Setup\n## Setup\n# setup",
    punctuation_removed: "# C++ & C#: a \"guide\"!",
    spaces_become_hyphens: "#   Two  Spaces   ",
    hyphens_kept: "## Step-by-step (v2.0)",
    crlf_lines: "# One\r\n# Two\r\n",
  }));

spec("morse_to_text",
  "Decode Morse code: letters are separated by spaces (one or more), and words by a / (with or without spaces around it). Use the international code for the letters A-Z and the digits 0-9; a code that is none of those becomes ?. Return capital letters, words joined by single spaces; a word with no letters (as between two slashes in a row) is left out, so a code with nothing but spaces gives an empty text.",
  obj({ code: TEXT }), TEXT,
  [{ code: "... --- ..." }, { code: ".... . .-.. .-.. --- / .-- --- .-. .-.. -.." }],
  each("code", {
    empty: "",
    one_letter: ".",
    digits: ".---- ..--- -----",
    unknown_code: "...--- .-",
    extra_spaces: "  -   .  ",
    slash_without_spaces: "..-/.-.",
    two_slashes_empty_word: ".- / / -...",
    not_morse_at_all: "abc",
  }));

spec("smileys_to_emoji",
  "Turn text smileys into emoji: :) and :-) become 🙂, :( and :-( become 🙁, :D and :-D become 😀, ;) and ;-) become 😉, :P and :-P (P in either case) become 😛, and <3 becomes ❤️. A smiley only counts when there is no letter or digit directly before it and none directly after it (so \"a:D\" and \":Dog\" stay). Everything else stays as it is.",
  obj({ text: TEXT }), TEXT,
  [{ text: "Thanks :) see you soon" }, { text: "I <3 this ;-)" }],
  each("text", {
    empty: "",
    no_smileys: "plain text: here",
    all_kinds: ":) :-) :( :-( :D :-D ;) ;-) :P :p :-p <3",
    letter_before: "a:D and b;)",
    letter_after: ":Dog and <3a",
    digit_after: "<30 and :)9",
    double_bracket: "great :)) ok",
    url_untouched: "http://x.com",
  }));

spec("hex_colours_shortened",
  "Shorten CSS colours: every # followed by exactly six hex digits (0-9, a-f in either case; with no letter, digit, hyphen or underscore directly after) is written in lower case, and when its three pairs are each one digit doubled (#aabbcc, #FF0033) in the three-digit form (#abc, #f03). Everything else stays as it is.",
  obj({ css: TEXT }), TEXT,
  [{ css: "color: #FFFFFF; background: #336699;" }, { css: "border: 1px solid #AB12CD" }],
  each("css", {
    empty: "",
    no_colours: "margin: 0 auto;",
    already_short: "color: #abc;",
    one_pair_not_doubled: "#aabbcd",
    mixed_case_pairs: "#aAbBcC",
    eight_digits_untouched: "#11223344",
    followed_by_letter: "#112233x #445566",
    several: "a{color:#000000}b{color:#00FF00;fill:#0f0F0E}",
  }));

spec("thread_posts_numbered",
  "Split a long text into numbered posts for a thread: words (runs of characters other than whitespace) are packed in order into posts, each post holding as many as fit within `limit` characters with single spaces between its words; a word longer than the limit is a post of its own. Then \" (i/n)\" is added to every post, i its number and n the number of posts (this suffix does not count towards the limit). An emoji counts as one character. A text without words gives [].",
  obj({ text: TEXT, limit: int(1, 1000) }), arr(TEXT),
  [{ text: "the quick brown fox jumps over the lazy dog", limit: 20 }, { text: "short note", limit: 50 }],
  {
    no_words: { text: "  \n ", limit: 10 },
    exactly_the_limit: { text: "abcd efgh", limit: 9 },
    one_over_the_limit: { text: "abcd efghi", limit: 9 },
    long_word_alone: { text: "a extraordinarily b", limit: 5 },
    whitespace_collapsed: { text: "one\n\ntwo\tthree", limit: 100 },
    emoji_is_one: { text: "hi 😀😀 yo", limit: 5 },
    limit_one: { text: "a b c", limit: 1 },
    ten_posts: { text: "w1 w2 w3 w4 w5 w6 w7 w8 w9 w10", limit: 3 },
  });

spec("numbers_with_ordinal_suffixes",
  "Turn the numbers in a text into ordinals: every run of digits with no letter or digit directly before or after it gets a suffix: \"st\" when its last digit is 1, \"nd\" for 2 and \"rd\" for 3, except that numbers ending in 11, 12 or 13 get \"th\", and \"th\" in every other case (1st, 12th, 22nd, 103rd, 111th, 0th). Everything else stays as it is.",
  obj({ text: TEXT }), TEXT,
  [{ text: "Finished 1 and 2 in the heats" }, { text: "Floors 3, 4 and 21" }],
  each("text", {
    empty: "",
    no_numbers: "no numbers here",
    teens: "11 12 13 14",
    hundreds: "101 111 112 123 213",
    zero: "0",
    attached_to_letters: "3rd A4 4x 7",
    punctuation_around: "(1),2.3-4",
    leading_zeros: "02 and 011",
  }));

spec("headline_title_case",
  "Title-case a headline: words are separated by spaces (runs of spaces count as one, and spaces at both ends are dropped). Every word gets its first character upper-cased and the rest lower-cased, except the small words a, an, the, and, but, or, nor, for, of, on, in, at, to and by (in any case), which are written all in lower case unless they are the first or the last word. The words joined by single spaces.",
  obj({ title: TEXT }), TEXT,
  [{ title: "the lord of the rings" }, { title: "a tale OF two cities" }],
  each("title", {
    empty: "",
    one_small_word: "the",
    small_word_last: "what are you looking at",
    shouted: "BREAKING NEWS ON THE HOUR",
    extra_spaces: "  war   and  peace ",
    hyphenated_word: "state-of-the-art design",
    small_word_inside_other: "android and ios",
    digits_first: "2 fast 2 furious",
  }));

// ---- numbers and units (10) ----------------------------------------------------------------------

const girths = (sex, heightCm, neckCm, waistCm, hipCm) => ({ sex, heightCm, neckCm, waistCm, hipCm });
spec("body_fat_navy_percent",
  "Body fat percentage by the US Navy tape-measure method (all measurements in cm): for a man, 495 / (1.0324 - 0.19077 × log10(waist - neck) + 0.15456 × log10(height)) - 450; for a woman, 495 / (1.29579 - 0.35004 × log10(waist + hip - neck) + 0.22100 × log10(height)) - 450. The hip measurement is only used for women. Rounded to 1 decimal (halves up). null when waist - neck (waist + hip - neck for a woman) or the height is not above 0.",
  obj({ sex: SEX, heightCm: NONNEG, neckCm: NONNEG, waistCm: NONNEG, hipCm: NONNEG }), orNull(NUMBER),
  [girths("male", 178, 38, 85, 95), girths("female", 165, 33, 72, 98)],
  {
    hip_ignored_for_men: girths("male", 178, 38, 85, 0),
    tall_man: girths("male", 200, 42, 100, 100),
    slim_woman: girths("female", 170, 31, 62, 88),
    waist_equal_neck_man: girths("male", 180, 40, 40, 90),
    petite_woman: girths("female", 155, 30, 64, 90),
    zero_height: girths("female", 0, 33, 72, 98),
    heavy_man: girths("male", 175, 45, 130, 120),
    short_woman: girths("female", 150, 30, 80, 110),
  });

const drinker = (grams, weightKg, sex, hours) => ({ grams, weightKg, sex, hours });
spec("blood_alcohol_estimate_percent",
  "Estimate blood alcohol by the Widmark formula: BAC (%) = grams of alcohol ÷ (body weight in grams × r) × 100, minus 0.015 for every hour since drinking started, with r = 0.68 for a man and 0.55 for a woman (weight is given in kg; 1 kg = 1000 g). Rounded to 3 decimals (halves up), never below 0. null when the weight is 0.",
  obj({ grams: NONNEG, weightKg: NONNEG, sex: SEX, hours: NONNEG }), orNull(NONNEG),
  [drinker(28, 80, "male", 1), drinker(14, 60, "female", 0.5)],
  {
    no_alcohol: drinker(0, 70, "male", 0),
    no_time_passed: drinker(42, 90, "male", 0),
    woman_same_drinks: drinker(42, 90, "female", 0),
    worn_off: drinker(14, 80, "male", 10),
    long_evening: drinker(70, 75, "female", 4),
    zero_weight: drinker(10, 0, "male", 1),
    light_person: drinker(56, 50, "female", 2),
    fraction_of_hour: drinker(20, 100, "male", 0.25),
  });

spec("hyperfocal_distance_m",
  "Hyperfocal distance for a full-frame camera (focus there and everything from half that distance to infinity is acceptably sharp): H = focal length² ÷ (f-number × 0.03) + focal length, with the focal length in mm and 0.03 mm the circle of confusion; H comes out in mm. Return it in metres (1 m = 1000 mm), rounded to 2 decimals (halves up). null when the f-number is 0.",
  obj({ focalMm: NONNEG, aperture: NONNEG }), orNull(NONNEG),
  [{ focalMm: 50, aperture: 8 }, { focalMm: 24, aperture: 11 }],
  {
    wide_open: { focalMm: 35, aperture: 1.4 },
    small_aperture: { focalMm: 16, aperture: 22 },
    telephoto: { focalMm: 200, aperture: 4 },
    zero_aperture: { focalMm: 50, aperture: 0 },
    zero_focal_length: { focalMm: 0, aperture: 8 },
    fractional_f_number: { focalMm: 85, aperture: 2.8 },
    f_one: { focalMm: 10, aperture: 1 },
    f_sixteen: { focalMm: 28, aperture: 16 },
  });

spec("gain_needed_to_recover_loss_percent",
  "After an investment falls by some percentage, what percentage gain brings it back to where it started? The gain is loss ÷ (100 - loss) × 100, in percent, rounded to 2 decimals (halves up). A loss of 0 needs 0. null for a loss of 100 %, which nothing recovers.",
  obj({ lossPercent: { type: "number", minimum: 0, maximum: 100 } }), orNull(NONNEG),
  [{ lossPercent: 20 }, { lossPercent: 50 }],
  each("lossPercent", {
    no_loss: 0,
    small_loss: 1,
    third: 33,
    big_loss: 90,
    almost_all: 99.5,
    total_loss: 100,
    fractional: 12.5,
    seventy: 70,
  }));

spec("standard_drinks_in_drink",
  "How many standard drinks are in a drink: the alcohol in grams is ml × (ABV ÷ 100) × 0.789 (the density of alcohol in g per ml), and one standard drink is 10 g of alcohol. Rounded to 1 decimal (halves up).",
  obj({ ml: NONNEG, abvPercent: { type: "number", minimum: 0, maximum: 100 } }), NONNEG,
  [{ ml: 375, abvPercent: 4.8 }, { ml: 150, abvPercent: 13 }],
  {
    alcohol_free: { ml: 330, abvPercent: 0 },
    nothing_poured: { ml: 0, abvPercent: 40 },
    spirit_shot: { ml: 30, abvPercent: 40 },
    pint_of_cider: { ml: 568, abvPercent: 5.5 },
    bottle_of_wine: { ml: 750, abvPercent: 12.5 },
    pure_alcohol: { ml: 10, abvPercent: 100 },
    light_beer: { ml: 285, abvPercent: 2.7 },
    small_sip: { ml: 5, abvPercent: 12 },
  });

spec("vo2max_from_cooper_test",
  "Estimate VO2max from the Cooper test (the distance run in 12 minutes, in metres): VO2max = (metres - 504.9) ÷ 44.73, in ml/kg/min, rounded to 1 decimal (halves up). 0 for 504.9 m or less.",
  obj({ metres: NONNEG }), NONNEG,
  [{ metres: 2400 }, { metres: 3000 }],
  each("metres", {
    no_distance: 0,
    at_the_floor: 504.9,
    just_above_floor: 550,
    walk: 1200,
    elite: 3800,
    decimal_metres: 2712.5,
    round_thousand: 2000,
    below_floor: 400,
  }));

spec("one_rep_max_estimate_kg",
  "Estimate a one-rep max from a set: by the Epley formula, weight × (1 + reps ÷ 30). A set of exactly 1 rep is the one-rep max itself (just the weight), and 0 reps gives 0. In kg, rounded to 1 decimal (halves up).",
  obj({ weightKg: NONNEG, reps: int(0, 100) }), NONNEG,
  [{ weightKg: 100, reps: 5 }, { weightKg: 60, reps: 10 }],
  {
    one_rep: { weightKg: 142.5, reps: 1 },
    no_reps: { weightKg: 80, reps: 0 },
    two_reps: { weightKg: 90, reps: 2 },
    high_reps: { weightKg: 40, reps: 30 },
    empty_bar: { weightKg: 0, reps: 8 },
    odd_weight: { weightKg: 57.5, reps: 7 },
    three_reps: { weightKg: 120, reps: 3 },
    twelve_reps: { weightKg: 22.5, reps: 12 },
  });

const saving = (start, monthly, annualRatePercent, years) => ({ start, monthly, annualRatePercent, years });
spec("savings_with_monthly_deposits",
  "How much a savings account holds after some years: it starts with `start`; each month, interest of annualRatePercent ÷ 12 percent of the balance is added and then the monthly deposit is paid in. The balance after `years` whole years (12 months each), rounded to 2 decimals (halves up) at the end only. A negative rate means charges; a negative deposit a withdrawal.",
  obj({ start: NUMBER, monthly: NUMBER, annualRatePercent: { type: "number", minimum: -100, maximum: 100 }, years: int(0, 100) }), NUMBER,
  [saving(1000, 100, 3, 1), saving(0, 250, 5, 2)],
  {
    no_years: saving(1234.567, 50, 4, 0),
    no_interest: saving(500, 20, 0, 3),
    no_deposits: saving(10000, 0, 6, 1),
    nothing_at_all: saving(0, 0, 5, 10),
    negative_rate: saving(1000, 0, -12, 1),
    withdrawals: saving(5000, -100, 2.4, 2),
    long_term: saving(0, 100, 7, 30),
    small_start: saving(0.01, 0, 12, 5),
  });

spec("temperature_converted_between_scales",
  "Convert a temperature between Celsius (C), Fahrenheit (F) and Kelvin (K): K = C + 273.15 and F = C × 9/5 + 32. Rounded to 2 decimals (halves up). null when the temperature given is below absolute zero (below 0 K); converting to the same scale just rounds.",
  obj({ value: NUMBER, from: { type: "string", enum: ["C", "F", "K"] }, to: { type: "string", enum: ["C", "F", "K"] } }), orNull(NUMBER),
  [{ value: 100, from: "C", to: "F" }, { value: 300, from: "K", to: "C" }],
  {
    freezing_to_f: { value: 0, from: "C", to: "F" },
    minus_forty: { value: -40, from: "F", to: "C" },
    body_temperature: { value: 98.6, from: "F", to: "K" },
    absolute_zero_c: { value: -273.15, from: "C", to: "K" },
    below_absolute_zero: { value: -300, from: "C", to: "F" },
    negative_kelvin: { value: -1, from: "K", to: "K" },
    same_scale_rounded: { value: 21.456, from: "C", to: "C" },
    kelvin_to_f: { value: 255.37, from: "K", to: "F" },
  });

spec("capacitance_in_series_uf",
  "Total capacitance of capacitors connected in series: 1 ÷ C = 1 ÷ C1 + 1 ÷ C2 + ..., all in µF. Rounded to 2 decimals (halves up). 0 when the list is empty or any capacitor is 0 µF.",
  obj({ capacitorsUf: arr(NONNEG) }), NONNEG,
  [{ capacitorsUf: [10, 10] }, { capacitorsUf: [4.7, 10, 22] }],
  each("capacitorsUf", {
    none: [],
    just_one: [3.3],
    zero_in_chain: [10, 0, 5],
    three_equal: [30, 30, 30],
    tiny_dominates: [0.1, 1000],
    thirds: [1, 2],
    many_small: [1, 1, 1, 1, 1, 1, 1],
    large_values: [470, 1000],
  }));

// ---- dates and times (10) ------------------------------------------------------------------------

spec("date_working_days_before",
  "When must work start to be done by a deadline? From `deadline`, step back one working day at a time, `days` times; working days are Monday to Friday except the dates in `holidays`. The deadline itself is not counted, and 0 days gives the deadline itself. As YYYY-MM-DD.",
  obj({ deadline: NEAR_DATE, days: int(0, 1000), holidays: arr(ISO_DATE) }), OUT_DATE,
  [
    { deadline: "2026-12-18", days: 5, holidays: [] },
    { deadline: "2026-04-10", days: 3, holidays: ["2026-04-08"] },
  ],
  {
    zero_days: { deadline: "2026-12-19", days: 0, holidays: [] },
    monday_back_to_friday: { deadline: "2026-12-07", days: 1, holidays: [] },
    weekend_deadline: { deadline: "2026-12-06", days: 1, holidays: [] },
    across_year_end: { deadline: "2027-01-05", days: 4, holidays: ["2027-01-01"] },
    holiday_on_weekend: { deadline: "2026-12-28", days: 1, holidays: ["2026-12-26"] },
    leap_day: { deadline: "2024-03-01", days: 1, holidays: [] },
    consecutive_holidays: { deadline: "2026-12-29", days: 2, holidays: ["2026-12-25", "2026-12-28"] },
    month_long: { deadline: "2026-03-31", days: 22, holidays: [] },
  });

spec("monthly_instalment_dates",
  "Due dates of monthly instalments: the first is due on `first`, and each later one falls on the same day of the month as `first`, or on the month's last day when that month is shorter (a plan started on 31 January is due on 28 or 29 February, then on 31 March). Return `count` dates, as YYYY-MM-DD.",
  obj({ first: ISO_DATE, count: int(0, 600) }), arr(OUT_DATE),
  [{ first: "2026-01-15", count: 3 }, { first: "2026-11-05", count: 4 }],
  {
    none: { first: "2026-05-10", count: 0 },
    just_one: { first: "2026-05-10", count: 1 },
    end_of_january: { first: "2026-01-31", count: 4 },
    leap_february: { first: "2024-01-30", count: 3 },
    century_not_leap: { first: "2100-01-29", count: 2 },
    year_2000_leap: { first: "2000-01-31", count: 2 },
    thirtieth_through_february: { first: "2026-12-30", count: 4 },
    year_end_rollover: { first: "2026-10-31", count: 5 },
  });

spec("julian_day_number_of_date",
  "The Julian Day Number astronomers use for a date (Gregorian calendar): a count of days in which 1 January 2000 is day 2451545 and each day after it is one more (each day before it one less). Return the number for the date given as YYYY-MM-DD.",
  obj({ date: ISO_DATE }), { type: "integer" },
  [{ date: "2000-01-02" }, { date: "2026-12-05" }],
  each("date", {
    epoch_day: "2000-01-01",
    day_before: "1999-12-31",
    unix_epoch: "1970-01-01",
    leap_day: "2024-02-29",
    after_leap_day: "2024-03-01",
    century_not_leap: "1900-03-01",
    year_2000_leap_day: "2000-02-29",
    far_future: "2100-12-31",
  }));

spec("week_of_fiscal_year",
  "Which week of the fiscal year a date falls in: the fiscal year starts on the 1st of `startMonth` (the latest such 1st on or before the date), week 1 is its first 7 days, week 2 the next 7, and so on (the last week of the year may be shorter). Return the week number.",
  obj({ date: ISO_DATE, startMonth: int(1, 12) }), { type: "integer", minimum: 1, maximum: 53 },
  [{ date: "2026-04-20", startMonth: 4 }, { date: "2026-12-05", startMonth: 7 }],
  {
    first_day: { date: "2026-04-01", startMonth: 4 },
    seventh_day: { date: "2026-04-07", startMonth: 4 },
    eighth_day: { date: "2026-04-08", startMonth: 4 },
    day_before_start: { date: "2026-03-31", startMonth: 4 },
    calendar_year: { date: "2026-12-31", startMonth: 1 },
    leap_year_end: { date: "2024-12-31", startMonth: 1 },
    october_year_across_new_year: { date: "2027-01-01", startMonth: 10 },
    december_start: { date: "2026-11-30", startMonth: 12 },
  });

spec("weekday_occurrence_of_date",
  "Describe a date by its weekday's place in its month, like \"2nd Tuesday of March 2026\": which occurrence of that weekday in the month it is (1st, 2nd, 3rd, 4th or 5th), the weekday and the month in English, and the year.",
  obj({ date: ISO_DATE }), TEXT,
  [{ date: "2026-03-10" }, { date: "2026-12-05" }],
  each("date", {
    first_of_month: "2026-06-01",
    seventh: "2026-06-07",
    eighth: "2026-06-08",
    fifth_occurrence: "2026-12-31",
    leap_day: "2024-02-29",
    twenty_eighth: "2026-02-28",
    new_year: "2027-01-01",
    twenty_second: "2026-11-22",
  }));

spec("week_ending_date",
  "The last day of the week a date is in, for weekly timesheets: our weeks end on `endsOn`, so a date that is itself an `endsOn` day ends its own week. As YYYY-MM-DD.",
  obj({ date: ISO_DATE, endsOn: WEEKDAY }), OUT_DATE,
  [{ date: "2026-12-02", endsOn: "Friday" }, { date: "2026-12-02", endsOn: "Sunday" }],
  {
    already_end_day: { date: "2026-12-04", endsOn: "Friday" },
    day_after_end: { date: "2026-12-05", endsOn: "Friday" },
    across_month_end: { date: "2026-11-28", endsOn: "Wednesday" },
    across_year_end: { date: "2026-12-29", endsOn: "Saturday" },
    leap_february: { date: "2024-02-27", endsOn: "Thursday" },
    non_leap_february: { date: "2026-02-26", endsOn: "Monday" },
    monday_end: { date: "2026-12-08", endsOn: "Monday" },
    sunday_date_saturday_end: { date: "2026-12-06", endsOn: "Saturday" },
  });

spec("utc_offset_from_clock_times",
  "Work out a place's UTC offset from two clocks read at the same moment, its local time and UTC (both HH:MM, 24-hour): the offset is local minus UTC, brought into the range from -12:00 up to +11:59 by adding or taking away 24 hours. Written with a sign and two-digit hours and minutes, like +05:30, -03:00 or +00:00.",
  obj({ local: HHMM, utc: HHMM }), { type: "string", pattern: "^[+-](0[0-9]|1[0-2]):[0-5][0-9]$" },
  [{ local: "14:30", utc: "09:00" }, { local: "06:00", utc: "11:00" }],
  {
    same_time: { local: "10:15", utc: "10:15" },
    local_past_midnight: { local: "01:00", utc: "20:00" },
    local_before_midnight: { local: "22:00", utc: "02:00" },
    quarter_hour: { local: "17:45", utc: "12:00" },
    minus_twelve: { local: "00:00", utc: "12:00" },
    plus_twelve_wraps: { local: "12:00", utc: "00:00" },
    plus_eleven_fifty_nine: { local: "11:59", utc: "00:00" },
    half_hour_behind: { local: "08:30", utc: "12:00" },
  });

spec("business_date_of_timestamp",
  "Which business day a sale belongs to at a bar whose trading day runs past midnight: each business day starts at the `cutoff` time (HH:MM), so a sale at a time before the cutoff counts towards the previous calendar date, and a sale at or after the cutoff towards its own date. From the sale's timestamp (YYYY-MM-DDTHH:MM), the business date as YYYY-MM-DD.",
  obj({ timestamp: NEAR_STAMP, cutoff: HHMM }), OUT_DATE,
  [{ timestamp: "2026-12-05T01:30", cutoff: "06:00" }, { timestamp: "2026-12-05T19:00", cutoff: "06:00" }],
  {
    exactly_at_cutoff: { timestamp: "2026-12-05T06:00", cutoff: "06:00" },
    minute_before_cutoff: { timestamp: "2026-12-05T05:59", cutoff: "06:00" },
    midnight: { timestamp: "2026-12-05T00:00", cutoff: "04:00" },
    cutoff_midnight: { timestamp: "2026-12-05T00:00", cutoff: "00:00" },
    new_year: { timestamp: "2027-01-01T02:00", cutoff: "05:00" },
    after_leap_day: { timestamp: "2024-03-01T03:00", cutoff: "04:30" },
    month_start_non_leap: { timestamp: "2026-03-01T00:30", cutoff: "01:00" },
    late_cutoff: { timestamp: "2026-07-15T11:00", cutoff: "12:00" },
  });

spec("calendar_weeks_touched",
  "How many calendar weeks (Monday to Sunday) a date range touches, `from` and `to` both included: a range from a Sunday to the Monday after it touches 2 weeks. 0 when `to` is before `from`.",
  obj({ from: ISO_DATE, to: ISO_DATE }), COUNT,
  [{ from: "2026-12-01", to: "2026-12-20" }, { from: "2026-12-07", to: "2026-12-13" }],
  {
    same_day: { from: "2026-12-05", to: "2026-12-05" },
    sunday_to_monday: { from: "2026-12-06", to: "2026-12-07" },
    to_before_from: { from: "2026-12-10", to: "2026-12-09" },
    monday_to_next_monday: { from: "2026-12-07", to: "2026-12-14" },
    across_year_end: { from: "2026-12-28", to: "2027-01-04" },
    leap_february: { from: "2024-02-01", to: "2024-02-29" },
    whole_year: { from: "2026-01-01", to: "2026-12-31" },
    saturday_to_sunday: { from: "2026-12-05", to: "2026-12-06" },
  });

const city = (name, offset) => ({ city: name, offset });
spec("local_start_times_for_cities",
  "When does a live stream starting at `utc` (YYYY-MM-DDTHH:MM, in UTC) start in each city? Each city comes with its UTC offset in hours (5.5 for +05:30, -3.5 for -03:30, 5.75 for +05:45); local time is UTC plus the offset, to the nearest minute. An object from city to its local start as \"YYYY-MM-DD HH:MM\", running into the previous or next day, month or year as needed; cities in list order.",
  obj({ utc: NEAR_STAMP, cities: arr(obj({ city: TEXT, offset: { type: "number", minimum: -12, maximum: 14 } })) }),
  mapOf({ type: "string", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}$" }),
  [
    { utc: "2026-12-05T18:00", cities: [city("London", 0), city("New York", -5), city("Tokyo", 9)] },
    { utc: "2026-06-01T12:30", cities: [city("Delhi", 5.5)] },
  ],
  {
    no_cities: { utc: "2026-12-05T18:00", cities: [] },
    into_next_day: { utc: "2026-12-05T20:00", cities: [city("Sydney", 11)] },
    into_previous_day: { utc: "2026-12-05T02:00", cities: [city("Los Angeles", -8)] },
    new_year_both_ways: { utc: "2027-01-01T00:30", cities: [city("Honolulu", -10), city("Auckland", 13)] },
    quarter_hour_offset: { utc: "2026-12-05T10:00", cities: [city("Kathmandu", 5.75)] },
    negative_half_hour: { utc: "2026-03-01T01:00", cities: [city("St John's", -3.5)] },
    leap_day_reached: { utc: "2024-02-28T23:00", cities: [city("Berlin", 1)] },
    plus_fourteen: { utc: "2026-12-31T10:00", cities: [city("Kiritimati", 14)] },
  });

// ---- utility functions (5) -----------------------------------------------------------------------

spec("version_satisfies_caret_range",
  "Does a version satisfy an npm-style caret range like ^1.2.3? Versions are MAJOR.MINOR.PATCH, each part a whole number compared as a number (no pre-release tags). ^X.Y.Z allows every version from X.Y.Z up to, but not including, the next major version when X is above 0; for ^0.Y.Z with Y above 0, versions from 0.Y.Z up to but not including 0.(Y+1).0; for ^0.0.Z, only 0.0.Z itself. true or false; null when the version is not three dot-separated parts of digits, or the range is not ^ followed by one.",
  obj({ version: TEXT, range: TEXT }), orNull({ type: "boolean" }),
  [{ version: "1.4.2", range: "^1.2.0" }, { version: "2.0.0", range: "^1.2.0" }],
  {
    exact_lower_bound: { version: "1.2.3", range: "^1.2.3" },
    below_lower_bound: { version: "1.2.2", range: "^1.2.3" },
    numbers_not_text: { version: "1.10.0", range: "^1.9.0" },
    not_a_version: { version: "1.2", range: "^1.0.0" },
    zero_major_next_minor: { version: "0.4.0", range: "^0.3.1" },
    zero_zero_exact: { version: "0.0.4", range: "^0.0.4" },
    zero_zero_patch_up: { version: "0.0.5", range: "^0.0.4" },
    minor_bump_allowed: { version: "3.99.0", range: "^3.0.0" },
  });

spec("grid_rotated_clockwise",
  "Rotate a grid (a list of rows) a quarter turn clockwise: the first column, read from the bottom row up, becomes the first row, the second column the second row, and so on. Rows shorter than the longest row count as padded with null at their end, so the result has as many rows as the longest row has items, each as long as the number of rows. A grid whose rows are all empty (or with no rows) gives [].",
  obj({ grid: arr(arr(SCALAR)) }), arr(arr(SCALAR)),
  [{ grid: [[1, 2, 3], [4, 5, 6]] }, { grid: [["a", "b"], ["c", "d"]] }],
  each("grid", {
    no_rows: [],
    empty_rows: [[], []],
    single_cell: [[7]],
    single_row: [[1, 2, 3]],
    single_column: [[1], [2], [3]],
    ragged_rows: [[1, 2, 3], [4], [5, 6]],
    mixed_values: [[true, null], ["x", 0]],
    tall: [[1, 2], [3, 4], [5, 6], [7, 8]],
  }));

spec("list_deduplicated_keeping_last",
  "Remove repeated items from a list, keeping the last occurrence of each: the result holds each distinct item once, in the order of their last occurrences. Items are equal only when they are the same value of the same type (1 and \"1\" are different).",
  obj({ items: arr(SCALAR) }), arr(SCALAR),
  [{ items: ["a", "b", "a", "c"] }, { items: [3, 1, 3, 2, 1] }],
  each("items", {
    empty_list: [],
    no_repeats: [1, 2, 3],
    all_same: ["x", "x", "x"],
    number_and_text_differ: [1, "1", 1],
    booleans_and_null: [true, null, false, true, null],
    case_differs: ["A", "a", "A"],
    first_item_repeated_at_end: ["p", "q", "r", "p"],
    adjacent_repeats: [5, 5, 6, 6, 5],
  }));

const snap = (value, step, min, max) => ({ value, step, min, max });
spec("value_snapped_to_step",
  "Snap a slider's value: round `value` to the nearest multiple of `step` (multiples counted from 0; a value exactly halfway goes up), then keep it between `min` and `max` (below min becomes min, above max becomes max). A step of 0 means no rounding. When min is above max, the two are swapped first.",
  obj({ value: NUMBER, step: NONNEG, min: NUMBER, max: NUMBER }), NUMBER,
  [snap(47, 5, 0, 100), snap(0.37, 0.1, 0, 1)],
  {
    already_on_step: snap(40, 10, 0, 100),
    rounds_down: snap(42, 5, 0, 100),
    below_min: snap(-12, 5, 0, 100),
    above_max_after_rounding: snap(98, 5, 0, 97),
    no_step: snap(3.14159, 0, 0, 10),
    min_above_max_swapped: snap(150, 10, 100, 0),
    negative_values: snap(-7.4, 2, -20, 20),
    fine_step: snap(1.234, 0.05, 0, 2),
  });

spec("lists_zipped_longest",
  "Zip several lists together, like Python's zip_longest: item i of the result is a list of the i-th items of every list, in the order of the lists, and the result is as long as the longest list; a list that has run out gives `fill` instead. No lists, or only empty ones, give [].",
  obj({ lists: arr(arr(SCALAR)), fill: SCALAR }), arr(arr(SCALAR)),
  [{ lists: [[1, 2, 3], ["a", "b", "c"]], fill: null }, { lists: [["x", "y"], ["z"]], fill: "-" }],
  {
    no_lists: { lists: [], fill: 0 },
    only_empty_lists: { lists: [[], []], fill: 0 },
    one_list: { lists: [[1, 2]], fill: 0 },
    first_shorter: { lists: [[1], [2, 3, 4]], fill: 0 },
    three_lists: { lists: [[1, 2], [], [true]], fill: false },
    null_items_kept: { lists: [[null, null], [1]], fill: "gap" },
    fill_is_number: { lists: [["a"], ["b", "c"]], fill: 9 },
    equal_lengths: { lists: [[1, 2], [3, 4], [5, 6]], fill: null },
  });
