// The specs of tests/fixtures/specs/holdout17 without their outputs: description, schemas and the
// inputs of the examples and the named tests. scripts/make-holdout17-specs.mjs adds the outputs.
// New tasks (none a renamed task of an earlier set, checked against the file names of dev, dev3,
// holdout and holdout2 to holdout16, and the descriptions of holdout15 and holdout16), written without
// running the synthesizer or reading its code, in the proportions of the brief: 20 records and lists,
// 15 strings, 10 numbers and units, 10 dates and times, 5 utility functions.

import { obj, arr, HHMM, rows } from "./spec-schemas.mjs";
const NONNEG = { type: "number", minimum: 0 };
const COUNT = { type: "integer", minimum: 0 };
const TEXT = { type: "string" };
/** A real calendar date's shape: months 01-12 and days 01-31. */
const ISO_DATE = { type: "string", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" };
/** A date the program writes: a working-day count from 9999-12-31 runs into a five-digit year. */
const OUT_DATE = { type: "string", pattern: "^[0-9]{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" };
const ZONED_STAMP = { type: "string", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9](Z|[+-](0[0-9]|1[0-4]):[0-5][0-9])$" };
const YEAR = { type: "integer", minimum: 1900, maximum: 2099 };
const SCALAR = { type: ["string", "number", "boolean", "null"] };
const BLOOD = { type: "string", enum: ["O+", "O-", "A+", "A-", "B+", "B-", "AB+", "AB-"] };
const WEEKDAY = { type: "string", enum: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] };
const mapOf = (values) => ({ type: "object", additionalProperties: values });
const orNull = (s) => ({ anyOf: [s, { type: "null" }] });
/** One single-field input per value: each("text", {empty: ""}) -> {empty: {text: ""}}. */
const each = (field, named) => Object.fromEntries(Object.entries(named).map(([name, v]) => [name, { [field]: v }]));

export const SPECS = [];
const spec = (capability, description, inputSchema, outputSchema, examples, tests) =>
  SPECS.push({ capability, description, inputSchema, outputSchema, examples, tests });

// ---- records and lists (20) ----------------------------------------------------------------------

const swap = (a, b) => ({ a, b });
spec("seat_swaps_applied",
  "Apply seat swaps to a seating plan: `seats` lists people in seat order, and each swap names two people (a and b) who trade seats, applied in the order given. A person is found at the first seat with exactly their name (case matters). A swap naming someone who is not seated, or the same person twice, changes nothing. Return the seating plan after all the swaps.",
  obj({ seats: arr(TEXT), swaps: arr(obj({ a: TEXT, b: TEXT })) }), arr(TEXT),
  [
    { seats: ["Ann", "Bob", "Cy", "Dee"], swaps: [swap("Ann", "Cy")] },
    { seats: ["Pia", "Quin", "Rae"], swaps: [swap("Pia", "Quin"), swap("Quin", "Rae")] },
  ],
  {
    no_swaps: { seats: ["a", "b"], swaps: [] },
    nobody_seated: { seats: [], swaps: [swap("a", "b")] },
    unknown_person_skipped: { seats: ["a", "b", "c"], swaps: [swap("a", "zed"), swap("b", "c")] },
    same_person_twice: { seats: ["a", "b"], swaps: [swap("a", "a")] },
    swapped_back: { seats: ["x", "y", "z"], swaps: [swap("x", "z"), swap("z", "x")] },
    case_matters: { seats: ["Ann", "ann", "Bo"], swaps: [swap("ann", "Bo")] },
    first_and_last: { seats: ["p", "q", "r", "s", "t"], swaps: [swap("t", "p")] },
    duplicate_name_first_seat: { seats: ["Jo", "Al", "Jo"], swaps: [swap("Al", "Jo")] },
  });

spec("gift_exchange_by_rotation",
  "Secret Santa by rotation: each person gives a present to the next person in the list, and the last gives to the first. An object from giver to receiver. A name listed more than once counts once, at its first place. Nobody may give to themselves, so with fewer than two different people the result is an empty object.",
  obj({ people: arr(TEXT) }), mapOf(TEXT),
  [{ people: ["Ann", "Bob", "Cy"] }, { people: ["Dee", "Eli", "Fay", "Gus"] }],
  each("people", {
    nobody: [],
    one_person: ["Solo"],
    two_people: ["a", "b"],
    one_person_twice: ["Kim", "Kim"],
    duplicate_later: ["x", "y", "x", "z"],
    case_differs: ["lee", "Lee"],
    five_people: ["1", "2", "3", "4", "5"],
    blank_name: ["", "b", "c"],
  }));

const medals = (...r) => rows(["country", "medal"], ...r);
spec("medal_table_order",
  "Order a medal table: each medal won is listed as {country, medal} with medal gold, silver or bronze. Countries are ranked by number of golds, then silvers, then bronzes (more first); countries level on all three are in alphabetical order (plain character order, capitals first). Return the country names, best first.",
  obj({ medals: arr(obj({ country: TEXT, medal: { type: "string", enum: ["gold", "silver", "bronze"] } })) }), arr(TEXT),
  [
    { medals: medals(["Kenya", "gold"], ["Norway", "silver"], ["Norway", "gold"], ["Japan", "bronze"]) },
    { medals: medals(["Peru", "silver"], ["Chile", "silver"], ["Chile", "bronze"]) },
  ],
  each("medals", {
    no_medals: [],
    one_gold_beats_many_silvers: medals(["A", "silver"], ["A", "silver"], ["A", "silver"], ["B", "gold"]),
    level_alphabetical: medals(["Spain", "gold"], ["Italy", "gold"]),
    bronze_decides: medals(["X", "gold"], ["Y", "gold"], ["Y", "bronze"]),
    capitals_first: medals(["brazil", "silver"], ["Canada", "silver"]),
    only_bronzes: medals(["C", "bronze"], ["D", "bronze"], ["D", "bronze"], ["E", "bronze"]),
    silver_before_bronze_count: medals(["M", "silver"], ["N", "bronze"], ["N", "bronze"], ["N", "bronze"]),
    many_countries: medals(["F", "gold"], ["G", "silver"], ["H", "gold"], ["H", "silver"], ["F", "bronze"], ["G", "gold"], ["G", "gold"]),
  }));

const riders = (...r) => rows(["name", "km"], ...r);
spec("fuel_cost_shared_by_distance",
  "Split a car's fuel bill between the riders in proportion to how far each rode: a rider's share is the total cost × their km ÷ all riders' km, rounded to 2 decimals (halves up). An object from name to share; a name listed twice has its km added up. When nobody rode any km, every share is 0.",
  obj({ cost: NONNEG, riders: arr(obj({ name: TEXT, km: NONNEG })) }), mapOf(NONNEG),
  [
    { cost: 60, riders: riders(["Ann", 100], ["Bob", 50], ["Cy", 50]) },
    { cost: 45, riders: riders(["Dee", 30], ["Eli", 60]) },
  ],
  {
    nobody: { cost: 50, riders: [] },
    one_rider_pays_all: { cost: 38.7, riders: riders(["solo", 12]) },
    zero_km_everyone: { cost: 20, riders: riders(["a", 0], ["b", 0]) },
    zero_km_rider_pays_nothing: { cost: 30, riders: riders(["a", 10], ["b", 0]) },
    name_twice_adds_up: { cost: 90, riders: riders(["a", 10], ["b", 20], ["a", 30]) },
    thirds: { cost: 100, riders: riders(["a", 1], ["b", 1], ["c", 1]) },
    free_trip: { cost: 0, riders: riders(["a", 5], ["b", 7]) },
    decimal_km: { cost: 72.4, riders: riders(["p", 12.5], ["q", 7.3], ["r", 31]) },
  });

const bookings = (...r) => rows(["room", "slot", "person"], ...r);
spec("double_booked_slots",
  "Spot double bookings: each booking is {room, slot, person}. A room and slot with two or more bookings (even by the same person) is double-booked. Return a label \"room slot\" (the room, a space, the slot) for each double-booked one, once each, in the order they become double-booked (where their second booking is listed). Rooms and slots are compared exactly.",
  obj({ bookings: arr(obj({ room: TEXT, slot: TEXT, person: TEXT })) }), arr(TEXT),
  [
    { bookings: bookings(["Oak", "09:00", "ann"], ["Elm", "09:00", "bob"], ["Oak", "09:00", "cy"]) },
    { bookings: bookings(["A", "mon", "x"], ["A", "tue", "y"], ["B", "mon", "z"]) },
  ],
  each("bookings", {
    no_bookings: [],
    one_booking: bookings(["Oak", "10:00", "ann"]),
    same_person_twice: bookings(["Oak", "10:00", "ann"], ["Oak", "10:00", "ann"]),
    triple_booked_once: bookings(["R", "1", "a"], ["R", "1", "b"], ["R", "1", "c"]),
    order_of_second_booking: bookings(["X", "1", "a"], ["Y", "2", "b"], ["Y", "2", "c"], ["X", "1", "d"]),
    case_differs: bookings(["oak", "9", "a"], ["Oak", "9", "b"]),
    same_slot_other_rooms: bookings(["A", "noon", "a"], ["B", "noon", "b"], ["C", "noon", "c"]),
    spaces_in_names: bookings(["Big Hall", "2 pm", "a"], ["Big Hall", "2 pm", "b"]),
  }));

spec("net_promoter_score",
  "Net Promoter Score of a survey: each answer is a score from 0 to 10; 9 and 10 are promoters, 0 to 6 detractors and 7 or 8 passives. The score is the percentage of promoters minus the percentage of detractors, out of all answers, rounded to a whole number (halves up). 0 when there are no answers.",
  obj({ scores: arr({ type: "integer", minimum: 0, maximum: 10 }) }), { type: "integer" },
  [{ scores: [10, 9, 8, 6, 10] }, { scores: [3, 7, 9, 5] }],
  each("scores", {
    no_answers: [],
    all_promoters: [9, 10, 10],
    all_detractors: [0, 6, 2],
    all_passives: [7, 8, 8, 7],
    six_is_detractor: [6, 9],
    nine_is_promoter: [9, 7, 7],
    thirds_round: [10, 10, 7],
    sevenths: [10, 10, 10, 0, 7, 7, 8],
  }));

const tutoring = (...r) => rows(["student", "tutor"], ...r);
spec("tutees_by_tutor",
  "Group students under their tutors: each record is {student, tutor}. An object from tutor to the list of their students in alphabetical order (plain character order, capitals first). A student listed twice under the same tutor appears once.",
  obj({ records: arr(obj({ student: TEXT, tutor: TEXT })) }), mapOf(arr(TEXT)),
  [
    { records: tutoring(["Zoe", "Ms Reed"], ["Adam", "Mr Cole"], ["Ben", "Ms Reed"]) },
    { records: tutoring(["Cy", "T1"], ["Al", "T1"], ["Bo", "T1"]) },
  ],
  each("records", {
    no_records: [],
    one_record: tutoring(["Solo", "Dr Who"]),
    listed_twice: tutoring(["Amy", "T"], ["Amy", "T"], ["Bea", "T"]),
    same_student_two_tutors: tutoring(["Amy", "T1"], ["Amy", "T2"]),
    capitals_first: tutoring(["bob", "T"], ["Carl", "T"], ["alice", "T"]),
    many_tutors: tutoring(["s1", "A"], ["s2", "B"], ["s3", "C"], ["s0", "A"]),
    case_differs_kept: tutoring(["amy", "T"], ["Amy", "T"]),
    numbers_as_text: tutoring(["10", "T"], ["9", "T"], ["100", "T"]),
  }));

spec("my_place_in_queue",
  "Where am I in the queue now? `queue` lists names front first, and `left` lists people who have since left it (every entry with such a name is removed). My place counted from 1 at the front, using my first entry, after those people are gone; null when `me` is not in the queue or has left. Names are compared exactly.",
  obj({ queue: arr(TEXT), left: arr(TEXT), me: TEXT }), orNull({ type: "integer", minimum: 1 }),
  [
    { queue: ["Ann", "Bob", "Cy", "Dee"], left: ["Bob"], me: "Dee" },
    { queue: ["x", "y", "z"], left: [], me: "y" },
  ],
  {
    empty_queue: { queue: [], left: [], me: "me" },
    not_in_queue: { queue: ["a", "b"], left: [], me: "c" },
    i_left: { queue: ["a", "me", "b"], left: ["me"], me: "me" },
    front_of_queue: { queue: ["me", "a"], left: ["a"], me: "me" },
    everyone_ahead_left: { queue: ["a", "b", "c", "me"], left: ["c", "a", "b"], me: "me" },
    leaver_behind_me: { queue: ["a", "me", "b"], left: ["b"], me: "me" },
    leaver_listed_twice_in_queue: { queue: ["a", "b", "a", "me"], left: ["a"], me: "me" },
    case_matters: { queue: ["Me", "me"], left: ["ME"], me: "me" },
  });

const donors = (...r) => rows(["name", "type"], ...r);
spec("compatible_blood_donors",
  "Which donors can give blood to a patient: a blood type is a group (O, A, B or AB) and an Rh sign (+ or -). The group fits when the donor is O, or has the patient's group, or the patient is AB. The sign fits when the donor is -, or both are +. Return the names of the donors whose group and sign both fit, in list order.",
  obj({ patient: BLOOD, donors: arr(obj({ name: TEXT, type: BLOOD })) }), arr(TEXT),
  [
    { patient: "A+", donors: donors(["Ann", "O-"], ["Bob", "B+"], ["Cy", "A+"]) },
    { patient: "B-", donors: donors(["Dee", "B+"], ["Eli", "O-"], ["Fay", "AB-"]) },
  ],
  {
    no_donors: { patient: "O+", donors: [] },
    o_negative_receives_only_o_negative: { patient: "O-", donors: donors(["a", "O+"], ["b", "O-"], ["c", "A-"]) },
    ab_positive_receives_all: { patient: "AB+", donors: donors(["a", "O-"], ["b", "A+"], ["c", "B-"], ["d", "AB+"]) },
    ab_negative: { patient: "AB-", donors: donors(["a", "AB+"], ["b", "A-"], ["c", "O+"], ["d", "B-"]) },
    a_not_to_b: { patient: "B+", donors: donors(["a", "A+"], ["b", "A-"], ["c", "B-"]) },
    ab_donor_only_to_ab: { patient: "A-", donors: donors(["a", "AB-"], ["b", "A-"]) },
    o_positive_patient: { patient: "O+", donors: donors(["a", "O+"], ["b", "O-"], ["c", "A+"]) },
    same_name_twice: { patient: "A+", donors: donors(["a", "O+"], ["a", "B+"], ["a", "A-"]) },
  });

spec("spans_above_threshold",
  "Find the stretches where a sensor ran hot: from readings in time order, every run of consecutive readings strictly above `limit`, as [first index, last index] with indexes counted from 0, in order. A single reading above the limit is a run on its own; a reading equal to the limit ends a run.",
  obj({ readings: arr("number"), limit: "number" }), arr(arr({ type: "integer" })),
  [{ readings: [20, 31, 33, 25, 40], limit: 30 }, { readings: [5, 6, 7], limit: 4 }],
  {
    no_readings: { readings: [], limit: 10 },
    never_above: { readings: [1, 2, 3], limit: 10 },
    equal_to_limit_ends_run: { readings: [11, 10, 11], limit: 10 },
    single_reading_runs: { readings: [0, 9, 0, 9, 0], limit: 5 },
    run_at_the_end: { readings: [1, 1, 7, 8], limit: 5 },
    negative_limit: { readings: [-5, -1, -3, -2], limit: -3 },
    decimals: { readings: [30.01, 29.99, 30.5], limit: 30 },
    all_equal_limit: { readings: [4, 4, 4], limit: 4 },
  });

const talks = (...r) => rows(["title", "track", "start"], ...r);
spec("talks_by_track_in_time_order",
  "A conference programme by track: each talk has a title, a track and a start time (HH:MM, 24-hour). An object from track to its talk titles ordered by start time; talks of a track starting at the same time are ordered by title (plain character order, capitals first).",
  obj({ talks: arr(obj({ title: TEXT, track: TEXT, start: HHMM })) }), mapOf(arr(TEXT)),
  [
    { talks: talks(["Rust", "Dev", "11:00"], ["Keynote", "Main", "09:00"], ["Go", "Dev", "09:30"]) },
    { talks: talks(["Late", "A", "16:00"], ["Early", "A", "08:15"]) },
  ],
  each("talks", {
    no_talks: [],
    one_talk: talks(["Solo", "Main", "12:00"]),
    same_time_by_title: talks(["b talk", "T", "10:00"], ["A talk", "T", "10:00"], ["a talk", "T", "10:00"]),
    ten_before_nine_as_text: talks(["ten", "T", "10:00"], ["nine", "T", "09:00"]),
    midnight_first: talks(["late", "Night", "23:59"], ["start", "Night", "00:00"]),
    many_tracks: talks(["x", "A", "10:00"], ["y", "B", "09:00"], ["z", "A", "09:00"], ["w", "C", "08:00"]),
    same_title_twice: talks(["Q&A", "T", "12:00"], ["Q&A", "T", "11:00"]),
    minutes_decide: talks(["m", "T", "14:45"], ["n", "T", "14:05"], ["o", "T", "14:30"]),
  }));

spec("driver_championship_points",
  "Championship standings: each race is a list of driver names in finishing order. The first ten places score 25, 18, 15, 12, 10, 8, 6, 4, 2 and 1 points; eleventh place and lower score 0, but the driver is still in the standings. Return a list of {driver, points} with each driver's total, most points first; drivers level on points in alphabetical order (plain character order).",
  obj({ races: arr(arr(TEXT)) }), arr(obj({ driver: TEXT, points: COUNT })),
  [
    { races: [["Max", "Lewis", "Charles"], ["Lewis", "Max", "Lando"]] },
    { races: [["Ana", "Bea"]] },
  ],
  each("races", {
    no_races: [],
    empty_race: [[]],
    level_on_points: [["B", "A"], ["A", "B"]],
    eleventh_scores_zero: [["p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9", "p10", "p11", "p12"]],
    tenth_scores_one: [["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"], ["j", "a"]],
    many_seconds_beat_one_win: [["W", "S"], ["X", "S"], ["Y", "S"]],
    capitals_first_on_tie: [["zed", "Amy"], ["Amy", "zed"]],
    three_races: [["A", "B", "C"], ["C", "B", "A"], ["B", "C", "A"]],
  }));

spec("borda_count_winner",
  "Pick a winner by Borda count: each ballot lists options from most to least preferred. On a ballot of n options the first gets n-1 points, the second n-2, and so on down to 0 for the last. The option with the most points over all ballots wins; when several tie, the one first in alphabetical order (plain character order). null when no ballot names any option.",
  obj({ ballots: arr(arr(TEXT)) }), orNull(TEXT),
  [
    { ballots: [["pizza", "curry", "salad"], ["curry", "salad", "pizza"], ["curry", "pizza", "salad"]] },
    { ballots: [["red", "blue"], ["blue", "red"], ["red", "blue"]] },
  ],
  each("ballots", {
    no_ballots: [],
    empty_ballots: [[], []],
    single_option_ballot: [["only"]],
    tie_goes_alphabetical: [["b", "a"], ["a", "b"]],
    shorter_ballots_give_fewer_points: [["x", "y", "z", "w"], ["y", "x"], ["y", "x"]],
    most_firsts_not_enough: [["a", "b", "c"], ["a", "b", "c"], ["b", "c", "a"], ["c", "b", "a"], ["b", "c", "a"]],
    last_place_scores_nothing: [["p", "q"]],
    capitals_first: [["apple", "Zebra"], ["Zebra", "apple"]],
  }));

spec("students_absent_three_days_running",
  "From a school's daily absence lists (one list of absent names per school day, in order), the students absent on at least three school days in a row. Names once each, in alphabetical order (plain character order). A name listed twice on one day counts once for that day; names are compared exactly (case matters).",
  obj({ days: arr(arr(TEXT)) }), arr(TEXT),
  [
    { days: [["Amy", "Ben"], ["Amy"], ["Amy", "Cal"], ["Ben"]] },
    { days: [["Dan"], ["Eve", "Dan"], ["Dan", "Eve"], ["Eve"]] },
  ],
  each("days", {
    no_days: [],
    two_days_only: [["a"], ["a"]],
    gap_breaks_run: [["a"], ["a"], [], ["a"], ["a"]],
    exactly_three: [["a"], ["a"], ["a"]],
    twice_on_one_day: [["a", "a"], ["a"], ["b"]],
    alphabetical: [["zoe", "Al", "bea"], ["bea", "Al", "zoe"], ["Al", "zoe", "bea"]],
    long_run_late: [[], [], ["x"], ["x"], ["x"], ["x"]],
    case_differs: [["Sam"], ["sam"], ["Sam"]],
  }));

const shifts = (...r) => rows(["name", "date", "hours"], ...r);
spec("daily_overtime_hours_by_person",
  "Overtime from a timesheet: each entry is {name, date, hours}. A person's hours on one date are added up first, and the hours over 8 on that date are overtime. An object from every name in the timesheet to their total overtime hours, rounded to 2 decimals (halves up); 0 for someone with none.",
  obj({ entries: arr(obj({ name: TEXT, date: ISO_DATE, hours: NONNEG })) }), mapOf(NONNEG),
  [
    { entries: shifts(["Ann", "2026-03-02", 9.5], ["Bob", "2026-03-02", 8], ["Ann", "2026-03-03", 10]) },
    { entries: shifts(["Cy", "2026-05-04", 6], ["Cy", "2026-05-04", 4]) },
  ],
  each("entries", {
    no_entries: [],
    exactly_eight: shifts(["a", "2026-01-05", 8]),
    split_shift_same_day: shifts(["a", "2026-01-05", 5], ["b", "2026-01-05", 7], ["a", "2026-01-05", 5]),
    short_day_does_not_offset: shifts(["a", "2026-01-05", 4], ["a", "2026-01-06", 11]),
    different_dates_not_added: shifts(["a", "2026-01-05", 6], ["a", "2026-01-06", 6]),
    quarter_hours: shifts(["a", "2026-02-10", 8.25], ["a", "2026-02-11", 9.75]),
    zero_hours: shifts(["a", "2026-02-10", 0]),
    long_day: shifts(["night", "2026-12-31", 14], ["night", "2026-12-31", 1.4]),
  }));

const follows = (...r) => rows(["from", "to"], ...r);
spec("mutual_followers",
  "Who follows each other: each follow is {from, to}, meaning `from` follows `to`. Every pair of two different people who follow each other, as [first, second] in alphabetical order (plain character order), each pair once; the pairs sorted by their first name, then their second. Names are compared exactly (case matters).",
  obj({ follows: arr(obj({ from: TEXT, to: TEXT })) }), arr(arr(TEXT)),
  [
    { follows: follows(["ann", "bob"], ["bob", "ann"], ["cy", "ann"]) },
    { follows: follows(["x", "y"], ["y", "z"], ["z", "y"], ["y", "x"]) },
  ],
  each("follows", {
    no_follows: [],
    one_way_only: follows(["a", "b"], ["b", "c"]),
    follows_self: follows(["a", "a"]),
    listed_twice: follows(["a", "b"], ["b", "a"], ["a", "b"]),
    order_within_pair: follows(["zed", "amy"], ["amy", "zed"]),
    pairs_sorted: follows(["d", "c"], ["c", "d"], ["b", "a"], ["a", "b"], ["a", "c"], ["c", "a"]),
    case_differs: follows(["Ann", "bob"], ["bob", "ann"]),
    capitals_first: follows(["bob", "Zoe"], ["Zoe", "bob"]),
  }));

const temps = (...r) => rows(["date", "low", "high"], ...r);
spec("day_with_widest_temperature_range",
  "Which day had the biggest swing in temperature: each day has a date (YYYY-MM-DD), a low and a high in °C. The date whose high minus low is largest; when several days tie, the earliest date. null when there are no days.",
  obj({ days: arr(obj({ date: ISO_DATE, low: "number", high: "number" })) }), orNull(ISO_DATE),
  [
    { days: temps(["2026-07-01", 14, 25], ["2026-07-02", 12, 29], ["2026-07-03", 15, 22]) },
    { days: temps(["2026-01-10", -4, 3], ["2026-01-11", -9, -1]) },
  ],
  each("days", {
    no_days: [],
    one_day: temps(["2026-04-04", 7, 7]),
    tie_earliest_date_not_first_listed: temps(["2026-05-09", 10, 20], ["2026-05-02", 5, 15]),
    negative_temperatures: temps(["2026-02-01", -20, -5], ["2026-02-02", -3, 8]),
    decimals_tie: temps(["2026-03-02", 1.1, 9.3], ["2026-03-01", 2.2, 10.4]),
    across_year_end: temps(["2027-01-01", 0, 10], ["2026-12-31", 0, 10]),
    biggest_last: temps(["2026-06-01", 10, 12], ["2026-06-02", 10, 13], ["2026-06-03", 0, 30]),
    decimal_winner: temps(["2026-08-01", 11.5, 20], ["2026-08-02", 11.4, 20]),
  }));

const holds = (...r) => rows(["member", "book"], ...r);
spec("returned_books_to_waiting_members",
  "Library holds: `holds` lists reservations in the order they were made, each {member, book}; `returns` lists titles as copies come back, in order. Each returned copy goes to the oldest hold on that title not yet served; a copy nobody is waiting for goes back on the shelf. Return the handovers in order, each {book, member}. Titles are compared exactly.",
  obj({ holds: arr(obj({ member: TEXT, book: TEXT })), returns: arr(TEXT) }), arr(obj({ book: TEXT, member: TEXT })),
  [
    { holds: holds(["ann", "Dune"], ["bob", "Emma"], ["cy", "Dune"]), returns: ["Dune", "Dune"] },
    { holds: holds(["dee", "Ulysses"]), returns: ["Emma", "Ulysses"] },
  ],
  {
    nothing_returned: { holds: holds(["a", "X"]), returns: [] },
    no_holds: { holds: [], returns: ["X", "Y"] },
    more_copies_than_holds: { holds: holds(["a", "X"]), returns: ["X", "X"] },
    same_member_two_holds: { holds: holds(["a", "X"], ["a", "X"], ["b", "X"]), returns: ["X", "X", "X"] },
    order_of_returns: { holds: holds(["a", "X"], ["b", "Y"]), returns: ["Y", "X"] },
    case_of_title_matters: { holds: holds(["a", "dune"]), returns: ["Dune"] },
    interleaved_titles: { holds: holds(["a", "X"], ["b", "Y"], ["c", "X"], ["d", "Y"]), returns: ["X", "Y", "Y", "X", "X"] },
    shelf_then_hold_still_waits: { holds: holds(["late", "Z"]), returns: ["Q", "Z"] },
  });

const candidates = (...r) => rows(["name", "skills"], ...r);
spec("candidates_with_all_skills",
  "Shortlist candidates: each has a name and a list of skills. Return the names of those who have every skill in `required`, comparing skills without regard to upper/lower case or spaces at either end, in list order. When nothing is required, everyone is on the list.",
  obj({ candidates: arr(obj({ name: TEXT, skills: arr(TEXT) })), required: arr(TEXT) }), arr(TEXT),
  [
    { candidates: candidates(["Ann", ["sql", "python"]], ["Bob", ["python"]], ["Cy", ["python", "sql", "go"]]), required: ["python", "sql"] },
    { candidates: candidates(["Dee", ["excel"]], ["Eli", ["word"]]), required: ["excel"] },
  ],
  {
    no_candidates: { candidates: [], required: ["x"] },
    nothing_required: { candidates: candidates(["a", []], ["b", ["x"]]), required: [] },
    case_ignored: { candidates: candidates(["a", ["SQL"]], ["b", ["Sql "]]), required: ["sql"] },
    spaces_ignored: { candidates: candidates(["a", ["  go"]]), required: ["go  "] },
    required_twice: { candidates: candidates(["a", ["x"]], ["b", ["y"]]), required: ["x", "x"] },
    no_skills: { candidates: candidates(["a", []]), required: ["x"] },
    inner_space_matters: { candidates: candidates(["a", ["machine learning"]], ["b", ["machinelearning"]]), required: ["Machine Learning"] },
    nobody_fits: { candidates: candidates(["a", ["x"]], ["b", ["y"]]), required: ["x", "y"] },
  });

const bids = (...r) => rows(["bidder", "amount"], ...r);
spec("second_price_auction_result",
  "Settle a sealed-bid second-price auction: bids are {bidder, amount} in the order they arrived. The highest bid wins; when several bids share the highest amount, the one that arrived first. The winner pays the highest of all the other bids (so the tied amount when tied), or their own bid when there is no other bid. {winner, price}, or null when there are no bids.",
  obj({ bids: arr(obj({ bidder: TEXT, amount: NONNEG })) }), orNull(obj({ winner: TEXT, price: NONNEG })),
  [
    { bids: bids(["ann", 120], ["bob", 150], ["cy", 90]) },
    { bids: bids(["dee", 40], ["eli", 55]) },
  ],
  each("bids", {
    no_bids: [],
    single_bid: bids(["solo", 75]),
    tie_first_arrival_wins: bids(["a", 50], ["b", 50], ["c", 10]),
    winner_bid_twice: bids(["a", 10], ["a", 30], ["b", 20]),
    all_zero: bids(["a", 0], ["b", 0]),
    cents: bids(["a", 10.5], ["b", 10.49], ["c", 9.99]),
    winner_last: bids(["a", 1], ["b", 2], ["c", 3], ["d", 4]),
    second_highest_first: bids(["a", 80], ["b", 20], ["c", 100]),
  }));

// ---- strings (15) --------------------------------------------------------------------------------

spec("longest_sentence_by_words",
  "The sentence of a text with the most words: a sentence ends at '.', '!' or '?' (a run of them ends one sentence), and whatever follows the last of them is a sentence too. Words are runs of letters (a-z, either case) and digits. Return the sentence with whitespace at both ends trimmed, its closing punctuation included; when several have as many words, the first. An empty text when the text has no words.",
  obj({ text: TEXT }), TEXT,
  [{ text: "I came. I saw the city at night. I left." }, { text: "Stop! Who goes there? A friend" }],
  each("text", {
    empty: "",
    no_punctuation: "just some words here",
    tie_first_wins: "One two. Three four.",
    run_of_marks: "Really?!? Yes it is true.",
    newlines_are_spaces: "First line\ncontinues here. Short.",
    only_punctuation: "...!?",
    decimal_point_splits: "Pay 3.50 now please. Thanks a lot!",
    trailing_words_longest: "Hi. and then we went home without a word",
  }));

spec("markdown_bold_as_html",
  "Turn markdown bold into HTML: find the marks ** from left to right and pair the first with the second, the third with the fourth, and so on; the text between a pair is wrapped in <b> and </b> in place of the marks. A pair with nothing between stays as written, and a last mark with no partner stays as written. Nothing else changes.",
  obj({ text: TEXT }), TEXT,
  [{ text: "This is **very** important." }, { text: "**Note:** read **all** of it" }],
  each("text", {
    empty: "",
    no_marks: "plain * text",
    unpaired_last_mark: "a **b** c **d",
    empty_pair: "x **** y",
    single_asterisks_kept: "*not bold* but **bold**",
    three_asterisks: "***wow***",
    across_lines: "**line one\nline two**",
    spaces_inside: "** spaced **",
  }));

spec("ticket_keys_in_text",
  "Find the issue keys mentioned in a message, like ABC-123: two to ten capital letters A-Z, a hyphen and one or more digits, with no letter or digit directly before or after it. Each key once, in the order first mentioned. Lower-case keys like abc-123 don't count.",
  obj({ text: TEXT }), arr(TEXT),
  [{ text: "Fixed in PAY-101, see also OPS-7." }, { text: "Blocked by WEB-22 and WEB-22 again, then DB-3" }],
  each("text", {
    empty: "",
    no_keys: "nothing to see here - 42",
    lower_case_ignored: "abc-123 and Abc-12",
    one_letter_too_short: "A-1 and AB-1",
    eleven_letters_too_long: "ABCDEFGHIJK-5 but ABCDEFGHIJ-5",
    glued_to_word: "xPAY-1 PAY-2x PAY-3",
    in_brackets_and_branch: "(CORE-9) feature/CORE-10-login",
    leading_zeros_kept: "QA-007, QA-7",
  }));

spec("words_typed_on_one_keyboard_row",
  "Which words can be typed using letters from a single row of a QWERTY keyboard (qwertyuiop, asdfghjkl or zxcvbnm), ignoring case? Words are runs of the letters a-z in either case. Return those words as written, in text order, repeats included.",
  obj({ text: TEXT }), arr(TEXT),
  [{ text: "Type the word typewriter or flask" }, { text: "Alaska has a Dad" }],
  each("text", {
    empty: "",
    none: "hello world",
    mixed_case: "TyPe QWERTY",
    repeats_kept: "zoo add add",
    single_letters: "a b z q",
    digits_split_words: "pop3rope flask2",
    apostrophe_splits: "we're all sad",
    punctuation_around: "(Sass!) 'Zzz'",
  }));

spec("last_word_per_line",
  "The last word of every line of a text: lines are separated by \\n (a \\r before it is ignored), and a word is a run of characters other than spaces and tabs. A list with one entry per line; a line with no word gives an empty text (so an empty text gives one empty entry).",
  obj({ text: TEXT }), arr(TEXT),
  [{ text: "Dear Sam,\nThanks for the tea.\nBest, Jo" }, { text: "one two\nthree" }],
  each("text", {
    empty: "",
    trailing_spaces: "end here   \n\tlast\t",
    blank_line_in_middle: "a\n   \nb",
    windows_line_endings: "x y\r\nz\r\n",
    single_word: "word",
    punctuation_is_part: "Is it done?\nYes!",
    tabs_separate: "key\tvalue",
    final_newline: "first\n",
  }));

spec("missing_full_stops_added",
  "Add missing full stops: lines are separated by \\n; spaces and tabs at the end of every line are removed, and then a line that is not empty and does not end in '.', '!', '?' or ':' gets a '.' at its end. Empty lines stay empty. The lines joined back with \\n.",
  obj({ text: TEXT }), TEXT,
  [{ text: "Buy milk\nCall mum.\nWhy not" }, { text: "Agenda:\nBudget \nQ&A!" }],
  each("text", {
    empty: "",
    already_done: "Done.",
    blank_line_kept: "a\n\nb",
    spaces_only_line: "x\n   \ny",
    trailing_tab_removed: "note\t\t",
    ends_with_comma: "first, second,",
    ends_with_closing_bracket: "(see above)",
    final_newline: "one\ntwo\n",
  }));

spec("straight_quotes_to_curly",
  "Typographer's quotes: each straight double quote \" becomes an opening “ when it is at the start of the text or right after a space, tab, newline or opening bracket ( [ {, and a closing ” otherwise. Straight single quotes ' become ‘ or ’ by the same rule (so an apostrophe inside a word becomes ’). Everything else stays.",
  obj({ text: TEXT }), TEXT,
  [{ text: "She said \"hello\" to me" }, { text: "It's 'fine'" }],
  each("text", {
    empty: "",
    no_quotes: "plain text",
    at_start: "\"Go!\" he said",
    after_bracket: "(\"quoted\") and ['x']",
    after_newline: "line\n\"next\"",
    quote_after_punctuation_closes: "end.\" and ,'",
    rock_n_roll: "rock 'n' roll's",
    lone_quote_at_end: "6 feet 2\"",
  }));

spec("words_per_paragraph",
  "Word count per paragraph: paragraphs are separated by one or more blank lines (lines with nothing but spaces or tabs); lines are separated by \\n (a \\r before it is ignored). Words are runs of characters other than whitespace. The word counts of the paragraphs in order; a text with no words gives an empty list.",
  obj({ text: TEXT }), arr(COUNT),
  [{ text: "Hello there.\nHow are you?\n\nFine, thanks." }, { text: "One paragraph only" }],
  each("text", {
    empty: "",
    only_blank_lines: "\n  \n\t\n",
    several_blank_lines: "a b\n\n\n\nc",
    spaces_on_blank_line: "a\n   \nb c d",
    windows_line_endings: "x y\r\n\r\nz\r\n",
    leading_blank_lines: "\n\nstart here",
    punctuation_counts_as_word: "wait - what ?",
    three_paragraphs: "one\n\ntwo two\n\nthree three three",
  }));

spec("number_words_as_digits",
  "Write small numbers as digits: every whole word from zero to ten (zero, one, two, ... ten, in any letter case) becomes its digit or digits (ten becomes 10); a whole word has no letter directly before or after it. Everything else stays as it is.",
  obj({ text: TEXT }), TEXT,
  [{ text: "I have two cats and one dog" }, { text: "Ten green bottles, nine left" }],
  each("text", {
    empty: "",
    no_number_words: "nothing here at all",
    inside_longer_words: "someone often weighted anyone",
    capitals: "THREE Four fIVE",
    zero_and_ten: "zero to ten",
    eleven_not_changed: "eleven twelve twenty",
    punctuation_around: "(one),two;three!",
    hyphen_separates: "twenty-one, seven-eight",
  }));

spec("post_length_with_short_links",
  "How long a post counts on a site that shortens links: every web address (http:// or https://, in any letter case, and the characters up to the next whitespace) counts as 23 characters whatever its length; every other character counts as one, an emoji as one.",
  obj({ text: TEXT }), COUNT,
  [{ text: "Read this https://example.com/a/very/long/path/to/an/article today" }, { text: "No links here" }],
  each("text", {
    empty: "",
    short_link_still_23: "http://a.b",
    two_links: "https://x.io https://y.io",
    upper_case_scheme: "HTTPS://EXAMPLE.COM",
    no_scheme_not_a_link: "www.example.com",
    emoji: "hi 😀",
    link_then_newline: "see http://a.bc/d\nok",
    ftp_not_a_link: "ftp://files.example.org/x",
  }));

spec("leetspeak_to_letters",
  "Decode leetspeak: 4 and @ become a, 3 becomes e, 1 becomes i, 0 becomes o, 5 and $ become s, and 7 becomes t, wherever they appear; every other character stays as it is.",
  obj({ text: TEXT }), TEXT,
  [{ text: "h3ll0 w0rld" }, { text: "l33t h4ck3r 5k1ll5" }],
  each("text", {
    empty: "",
    nothing_to_change: "plain Text!",
    every_symbol: "4@31055$7",
    other_digits_stay: "2 6 8 9",
    capitals_stay: "C0D3",
    dollar_and_at: "$up3r @g3nt",
    number_in_sentence: "1n 2026",
    spaces_kept: "  7 0  ",
  }));

spec("word_with_most_vowels",
  "The word with the most vowels (a, e, i, o and u in either case; y is not a vowel). Words are runs of the letters a-z in either case. When several words have as many, the first; return the word as written. An empty text when no word has a vowel.",
  obj({ text: TEXT }), TEXT,
  [{ text: "The education system works" }, { text: "I ate an apple" }],
  each("text", {
    empty: "",
    no_vowels: "rhythm myths by",
    tie_first: "boat coat",
    capitals_count: "AEIOU aeio",
    y_not_vowel: "yay eye",
    digits_split: "b2aaa aa",
    accents_split: "café au",
    single_word: "queueing",
  }));

spec("chess_square_colours",
  "Colours of chessboard squares from their names: each name is a file letter a to h (either case) and then a rank 1 to 8, like e4. a1 is a dark square, and the colours alternate along every file and rank. For each square in the list, \"dark\" or \"light\", in list order.",
  obj({ squares: arr({ type: "string", pattern: "^[a-hA-H][1-8]$" }) }), arr({ type: "string", enum: ["dark", "light"] }),
  [{ squares: ["a1", "e4"] }, { squares: ["b1", "h8", "c3"] }],
  each("squares", {
    none: [],
    h1: ["h1"],
    a8: ["a8"],
    corners: ["a1", "a8", "h1", "h8"],
    upper_case: ["D5", "d5"],
    d1_and_e1: ["d1", "e1"],
    same_square_twice: ["g7", "g7"],
    whole_file: ["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"],
  }));

spec("markdown_table_row_cells",
  "Split a row of a markdown table into its cells: cells are separated by | and the pipes at the very start and end of the row (after trimming spaces) are optional. Each cell is trimmed of spaces at both ends; a \\| inside a cell is a literal | in that cell. An empty row (or one with nothing but spaces) gives an empty list.",
  obj({ row: TEXT }), arr(TEXT),
  [{ row: "| Name | Age |" }, { row: "apple | 1.20 | in stock" }],
  each("row", {
    empty: "",
    only_spaces: "   ",
    empty_cells: "| a || c |",
    escaped_pipe: "| a \\| b | c |",
    leading_pipe_only: "| x | y",
    single_cell: "| lone |",
    separator_row: "|---|:---:|",
    spaces_inside_kept: "|  two words  |x|",
  }));

spec("iso_dates_rewritten_day_first",
  "Rewrite dates in a text for a UK reader: every date written YYYY-MM-DD (four digits, a hyphen, two digits, a hyphen, two digits, with no digit directly before or after) becomes DD/MM/YYYY. The numbers are not checked for being a real date. Everything else stays.",
  obj({ text: TEXT }), TEXT,
  [{ text: "Due 2026-03-05, paid 2026-03-09." }, { text: "Born 1990-12-25" }],
  each("text", {
    empty: "",
    no_dates: "call 555-1234 now",
    not_a_real_date: "2026-13-45",
    longer_digit_run: "12026-01-01 and 2026-01-011",
    slashes_untouched: "2026/01/02",
    one_digit_month: "2026-1-02",
    dates_back_to_back: "2026-01-01/2026-12-31",
    timestamp: "2026-06-30T12:00",
  }));

// ---- numbers and units (10) ----------------------------------------------------------------------

spec("brew_water_for_coffee_grams",
  "How much water for my pour-over: a mild cup uses 17 g of water per gram of coffee, a medium one 16 g and a strong one 15 g (1 g of water is 1 ml). The water in ml for the grams of coffee and the strength, rounded to a whole number (halves up).",
  obj({ coffeeGrams: NONNEG, strength: { type: "string", enum: ["mild", "medium", "strong"] } }), NONNEG,
  [{ coffeeGrams: 20, strength: "medium" }, { coffeeGrams: 15, strength: "strong" }],
  {
    no_coffee: { coffeeGrams: 0, strength: "mild" },
    mild: { coffeeGrams: 20, strength: "mild" },
    decimal_grams: { coffeeGrams: 18.3, strength: "mild" },
    rounds_down: { coffeeGrams: 12.34, strength: "medium" },
    rounds_up: { coffeeGrams: 12.38, strength: "strong" },
    big_batch: { coffeeGrams: 60, strength: "strong" },
    one_gram: { coffeeGrams: 1, strength: "medium" },
    tiny: { coffeeGrams: 0.02, strength: "mild" },
  });

spec("weekly_sleep_debt_hours",
  "Sleep debt over some nights: the goal is 8 hours a night, and each night adds the goal minus the hours slept (a long night pays some back). The total in hours, rounded to 1 decimal (halves up); negative when I slept more than the goal overall, 0 when there are no nights.",
  obj({ hoursSlept: arr(NONNEG) }), { type: "number" },
  [{ hoursSlept: [7, 6.5, 8, 5] }, { hoursSlept: [9, 8.5, 7] }],
  each("hoursSlept", {
    no_nights: [],
    exactly_goal: [8, 8, 8],
    one_long_night: [10],
    all_nighter: [0],
    minutes_as_decimals: [7.25, 7.75, 6.33],
    pays_back_exactly: [6, 10],
    week: [6, 7, 5.5, 8, 9, 10, 4],
    rounds_up: [7.96, 7.96],
  }));

spec("speed_of_sound_ms_at_celsius",
  "The speed of sound in air at a temperature: 331.3 m/s at 0 °C, plus 0.606 m/s for every degree above 0 (less for every degree below). In m/s, rounded to 1 decimal (halves up).",
  obj({ celsius: "number" }), { type: "number" },
  [{ celsius: 20 }, { celsius: 0 }],
  each("celsius", {
    freezing_cold: -40,
    hot_day: 35,
    one_degree: 1,
    minus_one: -1,
    decimal: 21.4,
    body_temperature: 37,
    room: 24,
    arctic: -12.3,
  }));

spec("lightning_distance_km",
  "How far away was the lightning: I count the seconds from the flash to the thunder, and sound travels 343 metres per second. The distance in km, rounded to 1 decimal (halves up).",
  obj({ seconds: NONNEG }), NONNEG,
  [{ seconds: 3 }, { seconds: 10 }],
  each("seconds", {
    zero: 0,
    one_second: 1,
    half_second: 0.5,
    long_wait: 30,
    decimal_seconds: 4.2,
    just_under: 2.9,
    two_seconds: 2,
    minute: 60,
  }));

spec("waist_to_height_ratio",
  "Waist-to-height ratio: the waist measured in inches (1 inch = 2.54 cm) divided by the height in cm, rounded to 2 decimals (halves up). 0 when the height is 0.",
  obj({ waistInches: NONNEG, heightCm: NONNEG }), NONNEG,
  [{ waistInches: 32, heightCm: 180 }, { waistInches: 28, heightCm: 165 }],
  {
    zero_height: { waistInches: 30, heightCm: 0 },
    zero_waist: { waistInches: 0, heightCm: 170 },
    exactly_half: { waistInches: 35, heightCm: 177.8 },
    child: { waistInches: 22, heightCm: 120 },
    decimal_waist: { waistInches: 33.5, heightCm: 172 },
    large_waist: { waistInches: 50, heightCm: 160 },
    tall: { waistInches: 36, heightCm: 201 },
    one_inch_one_cm: { waistInches: 1, heightCm: 1 },
  });

spec("kettle_boil_energy_wh",
  "How much energy my kettle uses to boil water: heating 1 litre of water by 1 °C takes 4186 joules, and 1 watt-hour is 3600 joules. From the litres of water and its starting temperature in °C, the energy to bring it to 100 °C in Wh, rounded to a whole number (halves up). 0 when the water is already at 100 °C or hotter.",
  obj({ litres: NONNEG, startCelsius: { type: "number" } }), NONNEG,
  [{ litres: 1, startCelsius: 20 }, { litres: 1.5, startCelsius: 15 }],
  {
    no_water: { litres: 0, startCelsius: 20 },
    already_boiling: { litres: 1, startCelsius: 100 },
    hotter_than_boiling: { litres: 1, startCelsius: 105 },
    from_freezing: { litres: 1, startCelsius: 0 },
    below_freezing_start: { litres: 0.5, startCelsius: -10 },
    one_cup: { litres: 0.25, startCelsius: 18 },
    warm_water: { litres: 1.7, startCelsius: 60 },
    one_degree_short: { litres: 2, startCelsius: 99 },
  });

spec("megapixels_of_image",
  "An image's resolution in megapixels: its width times its height in pixels, divided by one million, rounded to 1 decimal (halves up).",
  obj({ width: COUNT, height: COUNT }), NONNEG,
  [{ width: 4000, height: 3000 }, { width: 1920, height: 1080 }],
  {
    zero_width: { width: 0, height: 1000 },
    tiny: { width: 100, height: 100 },
    just_rounds_up: { width: 1000, height: 960 },
    phone_48mp: { width: 8000, height: 6000 },
    hd: { width: 1280, height: 720 },
    square: { width: 3024, height: 3024 },
    four_k: { width: 3840, height: 2160 },
    panorama: { width: 12000, height: 2000 },
  });

spec("wind_turbine_power_kw",
  "Power from a wind turbine: P = ½ × air density × swept area × wind speed³ × efficiency, with an air density of 1.225 kg/m³, a swept area of π × blade length² (blade length in m), the wind speed in m/s and an efficiency of 0.4; P is in watts. Give it in kW (1 kW = 1000 W), rounded to 1 decimal (halves up).",
  obj({ bladeLengthM: NONNEG, windSpeedMs: NONNEG }), NONNEG,
  [{ bladeLengthM: 10, windSpeedMs: 8 }, { bladeLengthM: 40, windSpeedMs: 12 }],
  {
    no_wind: { bladeLengthM: 10, windSpeedMs: 0 },
    no_blades: { bladeLengthM: 0, windSpeedMs: 10 },
    small_turbine: { bladeLengthM: 1.5, windSpeedMs: 5 },
    light_breeze: { bladeLengthM: 20, windSpeedMs: 3 },
    doubled_wind: { bladeLengthM: 10, windSpeedMs: 16 },
    big_blades: { bladeLengthM: 60, windSpeedMs: 10 },
    decimals: { bladeLengthM: 2.5, windSpeedMs: 6.5 },
    tiny: { bladeLengthM: 1, windSpeedMs: 1 },
  });

spec("sugar_in_teaspoons",
  "How many teaspoons of sugar are in a drink: the label gives grams of sugar per 100 ml, and the drink's volume is in ml; a teaspoon of sugar is 4 g. The teaspoons, rounded to 1 decimal (halves up).",
  obj({ sugarPer100ml: NONNEG, volumeMl: NONNEG }), NONNEG,
  [{ sugarPer100ml: 10.6, volumeMl: 330 }, { sugarPer100ml: 4.5, volumeMl: 500 }],
  {
    sugar_free: { sugarPer100ml: 0, volumeMl: 330 },
    empty_glass: { sugarPer100ml: 10, volumeMl: 0 },
    exactly_one_spoon: { sugarPer100ml: 4, volumeMl: 100 },
    small_carton: { sugarPer100ml: 9.8, volumeMl: 200 },
    big_bottle: { sugarPer100ml: 7.3, volumeMl: 750 },
    tiny_sip: { sugarPer100ml: 10, volumeMl: 3 },
    energy_drink: { sugarPer100ml: 11, volumeMl: 250 },
    rounds_up: { sugarPer100ml: 2.9, volumeMl: 250 },
  });

spec("iv_drip_rate_drops_per_minute",
  "Drip rate for an IV infusion: drops per minute = volume in ml × the giving set's drop factor (drops per ml) ÷ the time in minutes, the time being given in hours and minutes. Rounded to a whole number of drops (halves up); 0 when the time is 0.",
  obj({ volumeMl: NONNEG, dropFactor: { type: "integer", enum: [10, 15, 20, 60] }, hours: COUNT, minutes: { type: "integer", minimum: 0, maximum: 59 } }), COUNT,
  [{ volumeMl: 1000, dropFactor: 20, hours: 8, minutes: 0 }, { volumeMl: 500, dropFactor: 15, hours: 4, minutes: 0 }],
  {
    zero_time: { volumeMl: 100, dropFactor: 20, hours: 0, minutes: 0 },
    minutes_only: { volumeMl: 100, dropFactor: 60, hours: 0, minutes: 30 },
    hours_and_minutes: { volumeMl: 250, dropFactor: 20, hours: 1, minutes: 30 },
    nothing_to_give: { volumeMl: 0, dropFactor: 10, hours: 2, minutes: 0 },
    rounds_up: { volumeMl: 1000, dropFactor: 15, hours: 6, minutes: 0 },
    rounds_down: { volumeMl: 1000, dropFactor: 20, hours: 10, minutes: 0 },
    micro_drip: { volumeMl: 50, dropFactor: 60, hours: 1, minutes: 0 },
    long_infusion: { volumeMl: 3000, dropFactor: 10, hours: 24, minutes: 0 },
  });

// ---- dates and times (10) ------------------------------------------------------------------------

spec("days_30e_360_between",
  "Days between two dates by the 30E/360 convention bankers use for interest: every month counts as 30 days and a year as 360, and a day 31 in either date is treated as day 30. The count is 360 × (year2 - year1) + 30 × (month2 - month1) + (day2 - day1), negative when `end` is before `start`.",
  obj({ start: ISO_DATE, end: ISO_DATE }), { type: "integer" },
  [{ start: "2026-01-15", end: "2026-03-15" }, { start: "2026-03-31", end: "2026-04-30" }],
  {
    same_day: { start: "2026-05-05", end: "2026-05-05" },
    end_before_start: { start: "2026-06-10", end: "2026-05-01" },
    end_on_31st: { start: "2026-01-01", end: "2026-01-31" },
    february_end: { start: "2026-02-28", end: "2026-03-31" },
    leap_day: { start: "2028-02-29", end: "2028-03-01" },
    whole_year: { start: "2026-07-01", end: "2027-07-01" },
    across_year_end: { start: "2026-12-31", end: "2027-01-01" },
    decades: { start: "1999-12-31", end: "2026-06-30" },
  });

spec("pregnancy_weeks_and_days",
  "How far along a pregnancy is, counted from the first day of the last period (`lmp`, which is day 0): on `date`, the whole weeks and the days over, written like \"12w 3d\". \"not yet\" when the date is before lmp.",
  obj({ lmp: ISO_DATE, date: ISO_DATE }), TEXT,
  [{ lmp: "2026-01-05", date: "2026-03-30" }, { lmp: "2026-05-01", date: "2026-05-20" }],
  {
    same_day: { lmp: "2026-06-01", date: "2026-06-01" },
    before_lmp: { lmp: "2026-06-01", date: "2026-05-31" },
    exactly_one_week: { lmp: "2026-06-01", date: "2026-06-08" },
    six_days: { lmp: "2026-06-01", date: "2026-06-07" },
    across_year_end: { lmp: "2026-12-20", date: "2027-01-10" },
    leap_february: { lmp: "2028-02-01", date: "2028-03-01" },
    common_february: { lmp: "2027-02-01", date: "2027-03-01" },
    full_term: { lmp: "2026-01-01", date: "2026-10-08" },
  });

spec("us_week_number_of_date",
  "US-style week number of a date: weeks start on Sunday, week 1 is the week that contains 1 January (so it may be short), and a new week starts every Sunday after it. The week number, 1 to 54.",
  obj({ date: ISO_DATE }), { type: "integer", minimum: 1 },
  [{ date: "2026-01-15" }, { date: "2026-07-04" }],
  each("date", {
    new_years_day: "2026-01-01",
    first_sunday: "2026-01-04",
    saturday_before: "2026-01-03",
    jan_1_is_sunday: "2023-01-01",
    new_years_eve: "2026-12-31",
    fifty_four_weeks: "2000-12-31",
    leap_year_end: "2028-12-31",
    century_non_leap: "1900-03-04",
  }));

spec("time_until_alarm_rings",
  "How long until my alarm rings: from the time now to the alarm time (both HH:MM, 24-hour), going forward and past midnight if needed, written as \"Xh Ym\" (like \"7h 5m\"; hours and minutes always shown). An alarm set for exactly the time now rings in 24 hours: \"24h 0m\".",
  obj({ now: HHMM, alarm: HHMM }), TEXT,
  [{ now: "22:30", alarm: "06:45" }, { now: "13:00", alarm: "14:20" }],
  {
    same_time: { now: "07:00", alarm: "07:00" },
    one_minute_later: { now: "07:00", alarm: "07:01" },
    one_minute_earlier: { now: "07:01", alarm: "07:00" },
    midnight_alarm: { now: "23:59", alarm: "00:00" },
    from_midnight: { now: "00:00", alarm: "23:59" },
    whole_hours: { now: "21:00", alarm: "05:00" },
    minutes_only: { now: "12:10", alarm: "12:55" },
    noon_to_noon_minus: { now: "12:00", alarm: "11:30" },
  });

spec("timestamps_in_true_order",
  "Put timestamps from different time zones in the order they happened: each is YYYY-MM-DDTHH:MM followed by its offset from UTC, like +02:00 or -05:30, or Z for UTC itself. Earliest first; timestamps at the same instant keep their list order. Return them as written.",
  obj({ timestamps: arr(ZONED_STAMP) }), arr(ZONED_STAMP),
  [
    { timestamps: ["2026-03-01T10:00+01:00", "2026-03-01T08:30Z", "2026-03-01T04:00-05:00"] },
    { timestamps: ["2026-06-10T09:00Z", "2026-06-10T08:00Z"] },
  ],
  each("timestamps", {
    none: [],
    one: ["2026-01-01T00:00Z"],
    same_instant_keeps_order: ["2026-05-05T12:00+02:00", "2026-05-05T10:00Z", "2026-05-05T05:00-05:00"],
    across_midnight: ["2026-05-06T00:30+02:00", "2026-05-05T23:00Z"],
    half_hour_offsets: ["2026-07-01T12:00+05:30", "2026-07-01T12:00+05:00", "2026-07-01T07:00Z"],
    across_year_end: ["2027-01-01T01:00+03:00", "2026-12-31T23:30Z"],
    big_offsets: ["2026-02-01T00:00+14:00", "2026-01-31T00:00-12:00"],
    leap_day: ["2028-03-01T00:30+01:00", "2028-02-29T23:45Z"],
  }));

spec("late_checkout_fee",
  "Late checkout charge at our hotel: checking out by 11:00 is free; after that every started hour costs `hourlyFee`, so 11:01 to 12:00 is one hour, up to 18:00 (seven hours). Checking out after 18:00 costs a full extra night, `nightRate`, instead. The checkout time is HH:MM (24-hour) on the checkout day, at or after 06:00. The charge, rounded to 2 decimals.",
  obj({ checkout: { type: "string", pattern: "^(0[6-9]|1[0-9]|2[0-3]):[0-5][0-9]$" }, hourlyFee: NONNEG, nightRate: NONNEG }), NONNEG,
  [{ checkout: "13:30", hourlyFee: 15, nightRate: 120 }, { checkout: "10:15", hourlyFee: 20, nightRate: 90 }],
  {
    exactly_eleven: { checkout: "11:00", hourlyFee: 10, nightRate: 100 },
    one_minute_late: { checkout: "11:01", hourlyFee: 10, nightRate: 100 },
    exactly_noon: { checkout: "12:00", hourlyFee: 10, nightRate: 100 },
    just_after_noon: { checkout: "12:01", hourlyFee: 10, nightRate: 100 },
    exactly_six_pm: { checkout: "18:00", hourlyFee: 10, nightRate: 100 },
    after_six_pm: { checkout: "18:01", hourlyFee: 10, nightRate: 100 },
    cheaper_night_still_charged: { checkout: "19:30", hourlyFee: 25, nightRate: 60 },
    cents: { checkout: "14:10", hourlyFee: 12.35, nightRate: 80 },
  });

spec("first_sunday_of_advent",
  "The first Sunday of Advent in a year: the fourth Sunday before Christmas Day (25 December itself not counted when it is a Sunday), which is always the Sunday from 27 November to 3 December. As YYYY-MM-DD.",
  obj({ year: { type: "integer", minimum: 1, maximum: 9999 } }), ISO_DATE,
  [{ year: 2026 }, { year: 2025 }],
  each("year", {
    christmas_on_sunday: 2022,
    earliest_possible: 2023,
    latest_possible: 2028,
    leap_year: 2024,
    year_1900: 1900,
    year_2000: 2000,
    year_2099: 2099,
    year_2030: 2030,
  }));

spec("date_after_working_days",
  "The date a job is done after a number of working days: from `start`, step forward one working day (Monday to Friday) at a time, `days` times; the start day itself is not counted, and 0 days gives the start date itself, even on a weekend. As YYYY-MM-DD.",
  obj({ start: ISO_DATE, days: { type: "integer", minimum: 0, maximum: 1000 } }), OUT_DATE,
  [{ start: "2026-03-02", days: 3 }, { start: "2026-03-05", days: 2 }],
  {
    zero_days: { start: "2026-03-04", days: 0 },
    zero_days_on_saturday: { start: "2026-03-07", days: 0 },
    from_saturday: { start: "2026-03-07", days: 1 },
    from_sunday: { start: "2026-03-08", days: 5 },
    friday_plus_one: { start: "2026-03-06", days: 1 },
    across_year_end: { start: "2026-12-30", days: 3 },
    leap_february: { start: "2028-02-25", days: 2 },
    many_days: { start: "2026-01-01", days: 260 },
  });

spec("first_working_day_of_each_month",
  "Paydays on the first working day of each month: for a year, the first Monday-to-Friday date of each month from January to December, as YYYY-MM-DD (public holidays are not considered).",
  obj({ year: { type: "integer", minimum: 1, maximum: 9999 } }), arr(ISO_DATE),
  [{ year: 2026 }, { year: 2027 }],
  each("year", {
    leap_year: 2028,
    year_2000: 2000,
    year_1900: 1900,
    year_2099: 2099,
    year_2024: 2024,
    year_2031: 2031,
    year_2033: 2033,
    year_1999: 1999,
  }));

spec("birthday_weekdays_by_year",
  "On which weekday does my birthday fall each year? From a birth date and a range of years (`from` and `to`, both included), an object from each year (as text) to the weekday of the birthday in it (Monday to Sunday, in English). Someone born on 29 February celebrates on 28 February in years that are not leap years. Years before the birth year are left out; empty when `to` is before `from`.",
  obj({ birthDate: ISO_DATE, from: YEAR, to: YEAR }), { type: "object", additionalProperties: WEEKDAY },
  [
    { birthDate: "1990-06-15", from: 2025, to: 2027 },
    { birthDate: "2010-12-25", from: 2026, to: 2026 },
  ],
  {
    to_before_from: { birthDate: "1990-06-15", from: 2027, to: 2026 },
    leap_day_birthday: { birthDate: "2000-02-29", from: 2023, to: 2025 },
    before_birth_left_out: { birthDate: "2024-03-10", from: 2022, to: 2025 },
    born_in_range_start: { birthDate: "2026-01-01", from: 2026, to: 2027 },
    new_years_eve: { birthDate: "1985-12-31", from: 2026, to: 2028 },
    century: { birthDate: "1896-02-29", from: 1900, to: 1900 },
    long_range: { birthDate: "1970-01-01", from: 2020, to: 2029 },
    all_before_birth: { birthDate: "2050-05-05", from: 2026, to: 2030 },
  });

// ---- utility functions (5) -----------------------------------------------------------------------

spec("insertion_index_in_sorted_list",
  "Where a value goes in a sorted list: `list` is in ascending order; return the first position (counting from 0) at which `value` can be inserted keeping the list in order, which is before any items equal to it. An empty list gives 0.",
  obj({ list: arr("number"), value: "number" }), COUNT,
  [{ list: [1, 3, 5, 7], value: 4 }, { list: [10, 20, 30], value: 35 }],
  {
    empty_list: { list: [], value: 5 },
    smaller_than_all: { list: [2, 4], value: 1 },
    before_equals: { list: [1, 2, 2, 2, 3], value: 2 },
    equal_to_first: { list: [5, 6], value: 5 },
    equal_to_last: { list: [5, 6], value: 6 },
    negatives: { list: [-10, -5, 0, 5], value: -7 },
    decimals: { list: [0.1, 0.2, 0.3], value: 0.25 },
    all_equal: { list: [4, 4, 4], value: 4 },
  });

spec("pairs_unzipped",
  "Unzip a list of pairs: given a list of two-item lists, return two lists, the first items in order and the second items in order, as [firsts, seconds]. An empty list gives [[], []].",
  obj({ pairs: arr({ type: "array", items: SCALAR, minItems: 2, maxItems: 2 }) }), { type: "array", items: arr(SCALAR), minItems: 2, maxItems: 2 },
  [{ pairs: [["a", 1], ["b", 2], ["c", 3]] }, { pairs: [[10, true], [20, false]] }],
  each("pairs", {
    empty: [],
    one_pair: [["x", "y"]],
    nulls_kept: [[null, 1], [2, null]],
    repeats_kept: [[1, 1], [1, 1]],
    mixed_types: [["1", 1], [true, "true"]],
    empty_texts: [["", ""]],
    numbers_order: [[3, 30], [1, 10], [2, 20]],
    negatives: [[-1, -0.5], [0, 0.5]],
  }));

spec("list_padded_to_length",
  "Pad a list at its end with `fill` until it has `length` items; a list that already has that many or more is returned unchanged.",
  obj({ list: arr(SCALAR), length: { type: "integer", minimum: 0, maximum: 1000 }, fill: SCALAR }), arr(SCALAR),
  [{ list: [1, 2], length: 4, fill: 0 }, { list: ["a", "b", "c"], length: 5, fill: "-" }],
  {
    empty_list: { list: [], length: 3, fill: "x" },
    already_long_enough: { list: [1, 2, 3], length: 3, fill: 0 },
    longer_not_cut: { list: [1, 2, 3, 4], length: 2, fill: 0 },
    zero_length: { list: [], length: 0, fill: 1 },
    null_fill: { list: ["a"], length: 3, fill: null },
    boolean_fill: { list: [true], length: 2, fill: false },
    one_short: { list: [9, 9, 9], length: 4, fill: 9 },
    empty_text_fill: { list: ["a"], length: 3, fill: "" },
  });

spec("value_rescaled_to_range",
  "Rescale a number from one range to another, like a map() function: a value equal to `fromMin` gives `toMin`, one equal to `fromMax` gives `toMax`, and any other value is placed proportionally on the straight line through those two points (values outside the range are not clamped). When fromMin equals fromMax, return toMin.",
  obj({ value: "number", fromMin: "number", fromMax: "number", toMin: "number", toMax: "number" }), { type: "number" },
  [
    { value: 5, fromMin: 0, fromMax: 10, toMin: 0, toMax: 100 },
    { value: 512, fromMin: 0, fromMax: 1024, toMin: 0, toMax: 5 },
  ],
  {
    at_from_min: { value: 2, fromMin: 2, fromMax: 6, toMin: 10, toMax: 20 },
    at_from_max: { value: 6, fromMin: 2, fromMax: 6, toMin: 10, toMax: 20 },
    reversed_target: { value: 25, fromMin: 0, fromMax: 100, toMin: 1, toMax: 0 },
    outside_not_clamped: { value: 15, fromMin: 0, fromMax: 10, toMin: 0, toMax: 100 },
    below_range: { value: -5, fromMin: 0, fromMax: 10, toMin: 0, toMax: 100 },
    empty_source_range: { value: 7, fromMin: 3, fromMax: 3, toMin: 40, toMax: 50 },
    celsius_to_fahrenheit: { value: 37, fromMin: 0, fromMax: 100, toMin: 32, toMax: 212 },
    negative_ranges: { value: -2, fromMin: -4, fromMax: 0, toMin: -100, toMax: 100 },
  });

spec("list_split_on_separator",
  "Split a list wherever `separator` appears, like splitting text at commas: the pieces between separators, in order, without the separators. Separators next to each other or at either end give empty pieces; a list without the separator gives one piece (an empty list gives [[]]). A number and a text that look alike (1 and \"1\") are different.",
  obj({ list: arr(SCALAR), separator: SCALAR }), arr(arr(SCALAR)),
  [{ list: [1, 2, 0, 3, 0, 4, 5], separator: 0 }, { list: ["a", "|", "b"], separator: "|" }],
  {
    empty_list: { list: [], separator: 0 },
    no_separator: { list: [1, 2, 3], separator: 9 },
    only_separator: { list: [0], separator: 0 },
    separators_at_ends: { list: [0, 1, 0], separator: 0 },
    adjacent_separators: { list: [1, 0, 0, 2], separator: 0 },
    text_is_not_number: { list: [1, "1", 1], separator: "1" },
    null_separator: { list: ["a", null, "b", null], separator: null },
    boolean_separator: { list: [true, false, true], separator: false },
  });
