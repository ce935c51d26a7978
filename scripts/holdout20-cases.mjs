// The specs of tests/fixtures/specs/holdout20 without their outputs: description, schemas and the
// inputs of the examples and the named tests. scripts/make-holdout20-specs.mjs adds the outputs.
// New tasks (none a renamed task of an earlier set, checked against the file names of dev, dev3,
// validation, holdout and holdout2 to holdout19, and the descriptions of holdout17, holdout18 and
// holdout19), written without running the synthesizer or reading its code, in the proportions of the
// brief: 20 records and lists, 15 strings, 10 numbers and units, 10 dates and times, 5 utility functions.

import { obj, arr, HHMM } from "./spec-schemas.mjs";
const NUMBER = { type: "number" };
const NONNEG = { type: "number", minimum: 0 };
const INTEGER = { type: "integer" };
const COUNT = { type: "integer", minimum: 0 };
const TEXT = { type: "string" };
/** A real calendar date's shape: months 01-12 and days 01-31. */
const ISO_DATE = { type: "string", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" };
/** A date of the years 1900 to 2099, for tasks that list every day or week of a range. */
const NEAR_DATE = { type: "string", pattern: "^(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" };
/** A date the program writes: a birthday 150 years after 9999 runs into a five-digit year. */
const OUT_DATE = { type: "string", pattern: "^[0-9]{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" };
const NEAR_STAMP = { type: "string", pattern: "^(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]$" };
const STAMP = { type: "string", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]$" };
const OUT_STAMP = { type: "string", pattern: "^[0-9]{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]$" };
const WEEKDAY = { type: "string", enum: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] };
const mapOf = (values) => ({ type: "object", additionalProperties: values });
const orNull = (s) => ({ anyOf: [s, { type: "null" }] });
const int = (minimum, maximum) => ({ type: "integer", minimum, maximum });
const upTo = (items, maxItems) => ({ ...arr(items), maxItems });
/** One single-field input per value: each("text", {empty: ""}) -> {empty: {text: ""}}. */
const each = (field, named) => Object.fromEntries(Object.entries(named).map(([name, v]) => [name, { [field]: v }]));

export const SPECS = [];
const spec = (capability, description, inputSchema, outputSchema, examples, tests) =>
  SPECS.push({ capability, description, inputSchema, outputSchema, examples, tests });

// ---- records and lists (20) ----------------------------------------------------------------------

spec("round_robin_fixtures",
  "Draw up a round-robin league where every team meets every other team once, by the circle method. With an odd number of teams, add \"BYE\" at the end of the list. Then there are n - 1 rounds for n teams: in round 1 the teams stand in list order; before each later round the first team stays where it is and the last team moves to just after it (everyone else shifts one place down). In each round the 1st team plays the last, the 2nd the second-to-last, and so on, each game written [home, away] with the team nearer the front at home. Games against \"BYE\" are left out. Return the rounds in order, each a list of its games; fewer than two teams gives [].",
  obj({ teams: upTo(TEXT, 16) }), arr(arr(arr(TEXT))),
  [
    { teams: ["Lions", "Tigers", "Bears", "Wolves"] },
    { teams: ["Red", "Blue", "Green"] },
  ],
  each("teams", {
    no_teams: [],
    one_team: ["Solo"],
    two_teams: ["A", "B"],
    five_teams_with_bye: ["A", "B", "C", "D", "E"],
    six_teams: ["A", "B", "C", "D", "E", "F"],
    team_named_like_bye_case: ["bye", "X", "Y"],
    spaces_in_names: ["FC North ", " United", "City"],
    eight_teams: ["t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8"],
  }));

spec("condorcet_winner",
  "Find the Condorcet winner of a ranked vote: each ballot lists options from most to least preferred. The options are every name on any ballot; on a ballot, a listed option is preferred to every option listed after it and to every option the ballot leaves out (two left-out options are not compared). An option listed twice on a ballot counts at its first place. Option A beats option B when more ballots prefer A to B than prefer B to A. The winner is the option that beats every other option; return null when there is none (a tie between two options means neither beats the other), or when there are no options. A single option wins on its own. Names are compared exactly.",
  obj({ ballots: arr(arr(TEXT)) }), orNull(TEXT),
  [
    { ballots: [["tea", "coffee", "juice"], ["coffee", "tea", "juice"], ["tea", "juice", "coffee"]] },
    { ballots: [["A", "B", "C"], ["B", "C", "A"], ["C", "A", "B"]] },
  ],
  each("ballots", {
    no_ballots: [],
    empty_ballots: [[], []],
    single_option: [["only"], ["only"]],
    two_way_tie: [["x", "y"], ["y", "x"]],
    left_out_option_loses: [["a"], ["b", "a"], ["a", "c"]],
    listed_twice_counts_first: [["b", "a", "b"], ["a", "b"], ["b"]],
    case_differs: [["Pizza", "pasta"], ["pizza", "Pizza"], ["Pizza"]],
    beats_all_without_majority_of_firsts: [["c", "a", "b"], ["b", "a", "c"], ["a", "b", "c"], ["a", "c", "b"], ["c", "a", "b"]],
  }));

const parcel = (id, kg) => ({ id, kg });
spec("van_loads_in_order",
  "Load parcels into van trips in the order they are listed: keep adding parcels to the current trip while its total weight stays at or under `capacity` kg; a parcel that would take it over starts a new trip (trips are never revisited). A parcel heavier than the capacity on its own still goes, in a trip by itself. Return the trips as lists of parcel ids; no parcels gives [].",
  obj({ capacity: NONNEG, parcels: arr(obj({ id: TEXT, kg: NONNEG })) }), arr(arr(TEXT)),
  [
    { capacity: 100, parcels: [parcel("p1", 40), parcel("p2", 50), parcel("p3", 30), parcel("p4", 20)] },
    { capacity: 25, parcels: [parcel("A", 10), parcel("B", 10), parcel("C", 10)] },
  ],
  {
    no_parcels: { capacity: 50, parcels: [] },
    exactly_full: { capacity: 30, parcels: [parcel("a", 10), parcel("b", 20), parcel("c", 5)] },
    decimal_weights_exactly_full: { capacity: 0.3, parcels: [parcel("a", 0.1), parcel("b", 0.2), parcel("c", 0.1)] },
    oversized_parcel_alone: { capacity: 20, parcels: [parcel("a", 5), parcel("big", 45), parcel("b", 5)] },
    oversized_first: { capacity: 20, parcels: [parcel("big", 21), parcel("a", 19)] },
    no_going_back: { capacity: 10, parcels: [parcel("a", 6), parcel("b", 6), parcel("c", 4), parcel("d", 3)] },
    zero_weight_parcels: { capacity: 10, parcels: [parcel("a", 10), parcel("b", 0), parcel("c", 0)] },
    zero_capacity: { capacity: 0, parcels: [parcel("a", 1), parcel("b", 0), parcel("c", 2)] },
  });

spec("unmatched_bank_transactions",
  "Reconcile a bank statement with our ledger: go through the bank amounts in order, and match each with one ledger amount of the same value (compared to the cent) that no earlier bank amount has used. Return the bank amounts that find no match, in statement order, as given.",
  obj({ bank: arr(NUMBER), ledger: arr(NUMBER) }), arr(NUMBER),
  [
    { bank: [120.5, 45, 80], ledger: [80, 120.5] },
    { bank: [10, 10, 25.99], ledger: [10, 25.99, 7] },
  ],
  {
    empty_statement: { bank: [], ledger: [5, 6] },
    empty_ledger: { bank: [5, -6], ledger: [] },
    each_ledger_entry_used_once: { bank: [20, 20, 20], ledger: [20, 20] },
    refunds_are_negative: { bank: [-15, 15], ledger: [15] },
    same_to_the_cent: { bank: [0.3, 9.999], ledger: [0.1 + 0.2, 10] },
    zero_amounts: { bank: [0, 0], ledger: [0] },
    order_of_ledger_irrelevant: { bank: [1, 2, 3], ledger: [3, 2, 1] },
    duplicates_in_ledger_left_over: { bank: [50], ledger: [50, 50, 50] },
  });

const sku = (id, annualValue) => ({ sku: id, annualValue });
spec("abc_inventory_classes",
  "ABC analysis of our stock: order the items by annual value, highest first (equal values keep list order), and walk down that list. An item is class \"A\" when the items before it take up less than 80% of the total annual value, \"B\" when they take up less than 95%, and \"C\" otherwise; so the top item is always A. An sku listed more than once is one item with its values added. When the total is 0, every item is C. Return an object from each sku to its class.",
  obj({ items: arr(obj({ sku: TEXT, annualValue: NONNEG })) }), mapOf({ type: "string", enum: ["A", "B", "C"] }),
  [
    { items: [sku("bolt", 5000), sku("nut", 1000), sku("gear", 30000), sku("belt", 4000)] },
    { items: [sku("x1", 700), sku("x2", 200), sku("x3", 100)] },
  ],
  each("items", {
    no_items: [],
    single_item: [sku("only", 10)],
    all_zero: [sku("a", 0), sku("b", 0)],
    exactly_80_percent_before: [sku("a", 80), sku("b", 15), sku("c", 5)],
    exactly_95_percent_before: [sku("a", 50), sku("b", 45), sku("c", 4), sku("d", 1)],
    ties_keep_list_order: [sku("p", 40), sku("q", 40), sku("r", 20)],
    repeated_sku_added: [sku("a", 30), sku("b", 50), sku("a", 30)],
    zero_value_item: [sku("a", 100), sku("b", 0)],
  }));

const en = (student, course) => ({ student, course });
const ex = (course, slot) => ({ course, slot });
spec("students_with_exam_clashes",
  "Which students have an exam clash? `enrolments` says which student takes which course, and `exams` gives each course's exam slot (a label like \"Mon AM\"). A student clashes when two or more different courses they take have their exams in the same slot. A course with no exam is ignored; a course listed twice in `exams` has the slot of its first listing; a student enrolled twice on one course takes it once. Return the clashing students' names once each, in alphabetical order (plain character order, so capitals first).",
  obj({ enrolments: arr(obj({ student: TEXT, course: TEXT })), exams: arr(obj({ course: TEXT, slot: TEXT })) }), arr(TEXT),
  [
    { enrolments: [en("Ann", "Maths"), en("Ann", "Physics"), en("Ben", "Maths"), en("Ben", "Art")], exams: [ex("Maths", "Mon AM"), ex("Physics", "Mon AM"), ex("Art", "Tue PM")] },
    { enrolments: [en("Zoe", "Bio"), en("Zoe", "Chem"), en("Yan", "Bio"), en("Yan", "Chem")], exams: [ex("Bio", "Fri"), ex("Chem", "Fri")] },
  ],
  {
    nobody: { enrolments: [], exams: [ex("Maths", "Mon")] },
    no_exams: { enrolments: [en("a", "x"), en("a", "y")], exams: [] },
    same_course_twice_no_clash: { enrolments: [en("a", "x"), en("a", "x")], exams: [ex("x", "Mon")] },
    course_without_exam: { enrolments: [en("a", "x"), en("a", "y")], exams: [ex("x", "Mon")] },
    first_listing_counts: { enrolments: [en("a", "x"), en("a", "y")], exams: [ex("x", "Mon"), ex("y", "Tue"), ex("y", "Mon")] },
    slot_labels_exact: { enrolments: [en("a", "x"), en("a", "y")], exams: [ex("x", "Mon AM"), ex("y", "mon am")] },
    three_courses_one_slot: { enrolments: [en("cy", "x"), en("cy", "y"), en("cy", "z"), en("Bo", "x"), en("Bo", "z")], exams: [ex("x", "S1"), ex("y", "S1"), ex("z", "S1")] },
    capitals_sort_first: { enrolments: [en("amy", "p"), en("amy", "q"), en("Zed", "p"), en("Zed", "q")], exams: [ex("p", "1"), ex("q", "1")] },
  });

spec("sticker_album_status",
  "Where am I with my sticker album? The album has stickers numbered 1 to `size`, and `stickers` lists the ones I have, repeats included. Return {missing, spares}: `missing` is the album numbers I have no copy of, in ascending order; `spares` is every copy I can swap away, in ascending order with repeats: all copies but one of each album number, and every copy of a number that is not in the album at all.",
  obj({ size: int(0, 1000), stickers: arr(INTEGER) }), obj({ missing: arr(INTEGER), spares: arr(INTEGER) }),
  [
    { size: 10, stickers: [3, 1, 7, 3, 10, 2, 7, 7] },
    { size: 5, stickers: [5, 4, 3, 2, 1, 1] },
  ],
  {
    no_stickers: { size: 4, stickers: [] },
    empty_album: { size: 0, stickers: [1, 2] },
    complete_no_spares: { size: 3, stickers: [2, 3, 1] },
    numbers_outside_album: { size: 3, stickers: [0, 4, -1, 2, 4] },
    last_number_is_in_album: { size: 6, stickers: [6, 6, 7] },
    many_copies: { size: 2, stickers: [1, 1, 1, 1] },
    unsorted_input: { size: 8, stickers: [8, 2, 5, 2, 8, 1] },
    nothing_owned_large_album: { size: 12, stickers: [13] },
  });

spec("latest_version_per_major",
  "For each major version of a package, its latest release: versions are written MAJOR.MINOR.PATCH (three runs of digits separated by dots, nothing else); anything else in the list is ignored. Versions are compared part by part as numbers (1.10.0 is later than 1.9.3). Return an object from each major number (as text, written without leading zeros) to the latest version with that major, as it was written; when two entries are the same version (like 2.01.0 and 2.1.0), the first one listed is kept.",
  obj({ versions: arr(TEXT) }), mapOf(TEXT),
  [
    { versions: ["1.2.0", "1.10.1", "2.0.0", "1.9.9", "2.0.3"] },
    { versions: ["3.1.4", "3.1.10", "4.0.0"] },
  ],
  each("versions", {
    none: [],
    all_malformed: ["1.2", "v1.2.3", "1.2.3-beta", "latest"],
    numeric_not_text_order: ["0.9.0", "0.10.0", "0.2.11"],
    leading_zero_major: ["01.0.5", "1.0.4"],
    same_version_first_kept: ["2.01.0", "2.1.0"],
    patch_decides: ["5.5.5", "5.5.6", "5.5.4"],
    spaces_not_allowed: [" 1.0.0", "1.0.1 ", "1.0.0"],
    major_zero_and_big: ["0.0.1", "12.0.0", "12.0.0"],
  }));

spec("seeded_bracket_pairs",
  "First-round matches of a seeded knockout bracket: `players` is in seed order, best first. The bracket size is the smallest power of two that holds everyone (2 for two players), and the seeds missing to fill it are byes, written \"BYE\". The seed order down the bracket is built up from [1, 2]: each step doubles the bracket by following every seed s with (new size + 1 - s), so 4 gives 1, 4, 2, 3 and 8 gives 1, 8, 4, 5, 2, 7, 3, 6. Consecutive seeds in that order play each other. Return the matches as [name, name] pairs in bracket order; fewer than two players gives [].",
  obj({ players: upTo(TEXT, 64) }), arr(arr(TEXT)),
  [
    { players: ["Ava", "Ben", "Cal", "Dot"] },
    { players: ["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8"] },
  ],
  each("players", {
    nobody: [],
    one_player: ["Solo"],
    two_players: ["A", "B"],
    three_players_one_bye: ["A", "B", "C"],
    five_players: ["A", "B", "C", "D", "E"],
    six_players: ["p1", "p2", "p3", "p4", "p5", "p6"],
    nine_players_to_sixteen: ["a", "b", "c", "d", "e", "f", "g", "h", "i"],
    duplicate_names_kept: ["Sam", "Sam", "Lee"],
  }));

const task = (id, needs) => ({ id, needs });
spec("tasks_ready_to_start",
  "Which tasks can start now? Each task has an id and the ids it `needs` finished first; `done` lists the finished tasks. A task is ready when it is not itself done and everything it needs is in `done` (a task that needs nothing is ready). Ids are compared exactly. Return the ready tasks' ids in list order.",
  obj({ tasks: arr(obj({ id: TEXT, needs: arr(TEXT) })), done: arr(TEXT) }), arr(TEXT),
  [
    { tasks: [task("design", []), task("build", ["design"]), task("test", ["build"]), task("docs", ["design"])], done: ["design"] },
    { tasks: [task("a", []), task("b", ["a"]), task("c", [])], done: [] },
  ],
  {
    no_tasks: { tasks: [], done: ["x"] },
    everything_done: { tasks: [task("a", []), task("b", ["a"])], done: ["a", "b"] },
    needs_unknown_task: { tasks: [task("a", ["ghost"])], done: [] },
    needs_unknown_but_done: { tasks: [task("a", ["ghost"])], done: ["ghost"] },
    all_needs_required: { tasks: [task("z", ["x", "y"])], done: ["x"] },
    ids_case_sensitive: { tasks: [task("b", ["A"])], done: ["a"] },
    duplicate_needs: { tasks: [task("b", ["a", "a"])], done: ["a"] },
    ready_and_blocked_mixed: { tasks: [task("w", ["v"]), task("x", []), task("y", ["x"]), task("v", [])], done: ["v"] },
  });

const ct = (name, phone) => ({ name, phone });
spec("contacts_sharing_phone_number",
  "Find contacts that share a phone number, however it was typed: two phones are the same when they have the same digits in the same order, ignoring spaces, dashes, brackets, plus signs and anything else that is not a digit. A phone with no digits at all matches nothing. Return the groups of two or more names with the same number, each group in list order, the groups ordered by where their first member is in the list.",
  obj({ contacts: arr(obj({ name: TEXT, phone: TEXT })) }), arr(arr(TEXT)),
  [
    { contacts: [ct("Ann", "(555) 123-4567"), ct("Bob", "555 987 6543"), ct("Annie", "555.123.4567")] },
    { contacts: [ct("Li", "020 7946 0018"), ct("Mo", "02079460018"), ct("Ng", "020-7946-0018"), ct("Oz", "0161 496 0000")] },
  ],
  each("contacts", {
    nobody: [],
    all_different: [ct("a", "1"), ct("b", "2")],
    no_digit_phones_never_match: [ct("a", "n/a"), ct("b", "n/a"), ct("c", "")],
    plus_sign_ignored: [ct("a", "+44 20 1234"), ct("b", "4420 1234")],
    leading_zero_counts: [ct("a", "0123"), ct("b", "123")],
    two_groups_ordered_by_first: [ct("p", "9"), ct("q", "8"), ct("r", "8"), ct("s", "9")],
    same_name_twice: [ct("Kim", "11-22"), ct("Kim", "1122")],
    tabs_and_letters_ignored: [ct("x", "ext\t42"), ct("y", "4 2")],
  }));

const claim = (id, category, amount) => ({ id, category, amount });
spec("claims_over_policy_limit",
  "Check expense claims against the policy: `limits` gives the most that may be claimed per claim in each category. A claim whose amount is more than its category's limit is over by the difference; a claim exactly at the limit is fine, and a category with no limit has no cap. Return {id, over} for each claim over its limit, in list order, with `over` rounded to 2 decimals (halves up).",
  obj({ limits: mapOf(NUMBER), claims: arr(obj({ id: TEXT, category: TEXT, amount: NUMBER })) }), arr(obj({ id: TEXT, over: NUMBER })),
  [
    { limits: { meals: 50, hotel: 180 }, claims: [claim("c1", "meals", 62.4), claim("c2", "hotel", 150), claim("c3", "meals", 48)] },
    { limits: { taxi: 40 }, claims: [claim("t1", "taxi", 55.25), claim("t2", "train", 300)] },
  ],
  {
    no_claims: { limits: { a: 1 }, claims: [] },
    no_limits: { limits: {}, claims: [claim("x", "meals", 1000)] },
    exactly_at_limit: { limits: { meals: 50 }, claims: [claim("x", "meals", 50)] },
    one_cent_over: { limits: { meals: 50 }, claims: [claim("x", "meals", 50.01)] },
    sum_like_binary_noise: { limits: { snacks: 0.3 }, claims: [claim("x", "snacks", 0.1 + 0.2), claim("y", "snacks", 0.7)] },
    zero_limit: { limits: { gifts: 0 }, claims: [claim("g", "gifts", 12.5), claim("h", "gifts", 0)] },
    category_case_matters: { limits: { Meals: 10 }, claims: [claim("x", "meals", 99)] },
    negative_amount_refund: { limits: { meals: 20 }, claims: [claim("r", "meals", -30)] },
  });

const bk = (title, callNumber) => ({ title, callNumber });
spec("books_in_shelf_order",
  "Put library books in shelf order by call number, like \"823.914 ORW\": the call number starts with a class number (digits, optionally a dot and more digits) compared as a decimal number, then after optional spaces come the author letters, compared ignoring upper/lower case; books with the same class number and letters are ordered by title (plain character order). A call number that does not start with a digit goes after all the others, those ordered by title. Return the titles in shelf order.",
  obj({ books: arr(obj({ title: TEXT, callNumber: TEXT })) }), arr(TEXT),
  [
    { books: [bk("1984", "823.912 ORW"), bk("Dune", "813.54 HER"), bk("Emma", "823.7 AUS")] },
    { books: [bk("Cosmos", "520 SAG"), bk("Atlas", "912 OXF"), bk("Brief History", "523.1 HAW")] },
  ],
  each("books", {
    no_books: [],
    decimal_not_text_order: [bk("a", "100.5 X"), bk("b", "100.25 X"), bk("c", "99 X")],
    letters_ignore_case: [bk("t1", "500 smi"), bk("t2", "500 ADA"), bk("t3", "500 Jon")],
    same_call_number_by_title: [bk("Zeta", "300 KIM"), bk("Alpha", "300 KIM"), bk("beta", "300 KIM")],
    no_class_number_last: [bk("Ref", "REF 030"), bk("Novel", "813 POE"), bk("Atlas", "Atlas")],
    no_space_before_letters: [bk("x", "610JON"), bk("y", "610 ABE")],
    no_letters: [bk("x", "610"), bk("y", "610 ABE")],
    trailing_zero_same_number: [bk("second", "500.10 B"), bk("first", "500.1 A")],
  }));

const dish = (guest, course) => ({ guest, course });
spec("potluck_courses_uncovered",
  "Which courses does nobody bring to the potluck? `needed` lists the courses we want and `dishes` what each guest brings, with its course. Courses are compared ignoring upper/lower case and spaces at either end. Return the needed courses nobody brings, in the order of `needed` and written as there, each once.",
  obj({ needed: arr(TEXT), dishes: arr(obj({ guest: TEXT, course: TEXT })) }), arr(TEXT),
  [
    { needed: ["starter", "main", "dessert", "drinks"], dishes: [dish("Ann", "main"), dish("Bob", "dessert")] },
    { needed: ["salad", "bread"], dishes: [dish("Cy", "bread"), dish("Di", "salad"), dish("Ed", "cake")] },
  ],
  {
    nothing_needed: { needed: [], dishes: [dish("a", "main")] },
    no_dishes: { needed: ["main", "side"], dishes: [] },
    case_and_spaces_ignored: { needed: ["Dessert", " Main "], dishes: [dish("a", "DESSERT "), dish("b", "main")] },
    needed_listed_twice: { needed: ["side", "Side", "side"], dishes: [] },
    inner_spaces_matter: { needed: ["ice cream"], dishes: [dish("a", "icecream")] },
    extra_courses_ignored: { needed: ["main"], dishes: [dish("a", "snacks"), dish("b", "main")] },
    empty_course_name: { needed: ["", "main"], dishes: [dish("a", "  ")] },
    everything_covered: { needed: ["a", "b"], dishes: [dish("x", "b"), dish("y", "a")] },
  });

spec("places_gained_in_race",
  "How many places did each runner gain between the first checkpoint and the finish? `start` and `finish` list runners in the order they passed each point (1st place first). A runner's gain is their place at the start minus their place at the finish, so losing places gives a negative number. Only runners in both lists count; a name listed twice in one list counts at its first place there. Return an object from runner to gain.",
  obj({ start: arr(TEXT), finish: arr(TEXT) }), mapOf(INTEGER),
  [
    { start: ["Ana", "Bo", "Cai", "Dee"], finish: ["Cai", "Ana", "Dee", "Bo"] },
    { start: ["x", "y", "z"], finish: ["x", "y", "z"] },
  ],
  {
    empty_lists: { start: [], finish: [] },
    did_not_finish: { start: ["a", "b", "c"], finish: ["c", "a"] },
    joined_late: { start: ["a"], finish: ["new", "a"] },
    last_to_first: { start: ["a", "b", "c", "d", "e"], finish: ["e", "a", "b", "c", "d"] },
    names_case_sensitive: { start: ["Kim", "kim"], finish: ["kim", "Kim"] },
    listed_twice_first_counts: { start: ["a", "b", "a"], finish: ["b", "a", "b"] },
    no_one_in_both: { start: ["a"], finish: ["b"] },
    single_runner: { start: ["solo"], finish: ["solo"] },
  });

const tm = (name, group, points, goalDiff) => ({ name, group, points, goalDiff });
spec("playoff_qualifiers_per_group",
  "Who goes through to the playoffs? Each team has a name, a group, its points and its goal difference. In every group the teams are ranked by points, then goal difference (higher first), then name (plain character order), and the top `perGroup` teams qualify (all of them when the group is smaller). Return the qualifiers' names, the groups in alphabetical order of their names (plain character order) and each group's teams in rank order.",
  obj({ teams: arr(obj({ name: TEXT, group: TEXT, points: INTEGER, goalDiff: INTEGER })), perGroup: int(0, 10) }), arr(TEXT),
  [
    { teams: [tm("Ajax", "A", 7, 3), tm("Benfica", "A", 4, 0), tm("Celtic", "A", 6, 2), tm("Dortmund", "B", 9, 8), tm("Eintracht", "B", 3, -2), tm("Feyenoord", "B", 5, 1)], perGroup: 2 },
    { teams: [tm("Reds", "North", 10, 5), tm("Blues", "North", 12, 2), tm("Greens", "East", 8, 0)], perGroup: 1 },
  ],
  {
    no_teams: { teams: [], perGroup: 2 },
    none_qualify: { teams: [tm("a", "A", 3, 0)], perGroup: 0 },
    points_tie_goal_difference: { teams: [tm("x", "A", 6, 1), tm("y", "A", 6, 4), tm("z", "A", 6, -3)], perGroup: 2 },
    full_tie_by_name: { teams: [tm("Zulu", "A", 4, 2), tm("alpha", "A", 4, 2), tm("Bravo", "A", 4, 2)], perGroup: 2 },
    small_group_all_go: { teams: [tm("a", "G", 1, 0), tm("b", "H", 2, 0), tm("c", "H", 3, 0)], perGroup: 3 },
    group_names_plain_order: { teams: [tm("t1", "b", 1, 0), tm("t2", "B", 1, 0), tm("t3", "a", 1, 0)], perGroup: 1 },
    negative_goal_difference: { teams: [tm("p", "A", 0, -5), tm("q", "A", 0, -1)], perGroup: 1 },
    points_beat_goal_difference: { teams: [tm("p", "A", 3, -10), tm("q", "A", 2, 20)], perGroup: 1 },
  });

const line = (name, price, qty) => ({ name, price, qty });
spec("cart_total_three_for_two",
  "Total a basket during our 3-for-2 offer: on every product, each third unit is free, so a product bought `qty` times costs price × (qty - ⌊qty / 3⌋). Lines with the same product name are put together first (their quantities added, at the first line's price). Return the basket total rounded to 2 decimals (halves up).",
  obj({ lines: arr(obj({ name: TEXT, price: NONNEG, qty: COUNT })) }), NUMBER,
  [
    { lines: [line("soap", 1.2, 3), line("shampoo", 4.5, 1)] },
    { lines: [line("socks", 3, 7), line("hat", 12, 2)] },
  ],
  each("lines", {
    empty_basket: [],
    fewer_than_three: [line("pen", 0.99, 2)],
    exactly_three: [line("pen", 0.99, 3)],
    six_gives_two_free: [line("cup", 2.5, 6)],
    lines_combined_first: [line("tea", 2, 2), line("tea", 2, 1)],
    combined_at_first_price: [line("jam", 3, 1), line("jam", 5, 2)],
    zero_quantity: [line("mug", 8, 0), line("plate", 4, 1)],
    names_case_sensitive: [line("Bun", 1, 2), line("bun", 1, 1)],
  }));

const bkg = (room, start, end) => ({ room, start, end });
spec("booked_minutes_per_room",
  "How many minutes is each meeting room booked today? Each booking has a room and a start and end time (HH:MM, 24-hour, the same day). Where bookings of one room overlap, the overlapping minutes count once. A booking whose end is not after its start is ignored, but its room still appears with whatever it has (0 if nothing). Return an object from each room named in the bookings to its booked minutes.",
  obj({ bookings: arr(obj({ room: TEXT, start: HHMM, end: HHMM })) }), mapOf(COUNT),
  [
    { bookings: [bkg("Oak", "09:00", "10:30"), bkg("Pine", "13:00", "14:00"), bkg("Oak", "11:00", "11:45")] },
    { bookings: [bkg("Elm", "08:00", "09:00"), bkg("Elm", "08:30", "10:00")] },
  ],
  each("bookings", {
    no_bookings: [],
    back_to_back: [bkg("A", "09:00", "10:00"), bkg("A", "10:00", "11:00")],
    one_inside_another: [bkg("A", "09:00", "12:00"), bkg("A", "10:00", "11:00")],
    end_before_start_ignored: [bkg("A", "17:00", "09:00")],
    zero_length_ignored: [bkg("A", "10:00", "10:00"), bkg("B", "10:00", "10:01")],
    whole_day: [bkg("A", "00:00", "23:59")],
    room_names_exact: [bkg("Oak", "09:00", "09:30"), bkg("oak", "09:00", "09:30")],
    three_overlapping: [bkg("A", "09:00", "10:00"), bkg("A", "09:30", "10:30"), bkg("A", "10:15", "11:00"), bkg("A", "12:00", "12:10")],
  }));

spec("blackjack_hand_total",
  "The value of a blackjack hand: cards 2 to 10 count their number, J, Q and K count 10, and an ace (A) counts 11 unless that would take the hand over 21, in which case it counts 1 (with several aces, as many as needed count 1). Card letters may be upper or lower case; anything that is not a card counts 0. Return the hand's value.",
  obj({ cards: arr(TEXT) }), COUNT,
  [
    { cards: ["K", "7"] },
    { cards: ["A", "6"] },
  ],
  each("cards", {
    no_cards: [],
    blackjack: ["A", "K"],
    ace_drops_to_one: ["A", "9", "5"],
    two_aces: ["A", "A"],
    four_aces_and_seven: ["A", "A", "A", "A", "7"],
    bust_stays_bust: ["K", "Q", "5"],
    lower_case_faces: ["q", "a"],
    not_cards_count_zero: ["Joker", "1", "11", "10"],
  }));

const car = (plate, lastServiceDate, lastServiceKm, odometerKm) => ({ plate, lastServiceDate, lastServiceKm, odometerKm });
spec("cars_due_for_service",
  "Which fleet cars are due a service on `today`? A car is due once it has done 15,000 km or more since its last service, or once a year has passed: from the same date one year after the last service (a service on 29 February is due a year later on 1 March). Return the plates of the due cars in list order.",
  obj({ today: ISO_DATE, cars: arr(obj({ plate: TEXT, lastServiceDate: ISO_DATE, lastServiceKm: NONNEG, odometerKm: NONNEG })) }), arr(TEXT),
  [
    { today: "2026-06-15", cars: [car("AB12 CDE", "2025-09-01", 40000, 56000), car("FG34 HIJ", "2025-06-10", 10000, 12000), car("KL56 MNO", "2026-01-20", 5000, 9000)] },
    { today: "2026-03-01", cars: [car("X1", "2025-03-02", 0, 100), car("X2", "2025-03-01", 0, 100)] },
  ],
  {
    no_cars: { today: "2026-01-01", cars: [] },
    exactly_15000_km: { today: "2026-05-05", cars: [car("A", "2026-01-01", 20000, 35000), car("B", "2026-01-01", 20000, 34999.9)] },
    exactly_one_year: { today: "2026-07-31", cars: [car("A", "2025-07-31", 0, 1), car("B", "2025-08-01", 0, 1)] },
    leap_day_service_due_march_first: { today: "2025-02-28", cars: [car("L", "2024-02-29", 0, 1)] },
    leap_day_service_on_march_first: { today: "2025-03-01", cars: [car("L", "2024-02-29", 0, 1)] },
    across_year_end: { today: "2027-01-02", cars: [car("A", "2026-01-02", 100, 200), car("B", "2026-01-03", 100, 200)] },
    odometer_behind_record: { today: "2026-05-05", cars: [car("A", "2026-04-01", 50000, 20000)] },
    service_in_future_date: { today: "2026-05-05", cars: [car("A", "2026-12-01", 0, 0)] },
  });

// ---- strings (15) --------------------------------------------------------------------------------

spec("conventional_commit_parsed",
  "Read a commit message written in the Conventional Commits style, like \"feat(api)!: add paging\". Only the first line counts for the header (lines are separated by \\n, a \\r at a line's end is ignored): it must be a type (letters only), optionally a scope in round brackets (one or more characters, none of them a round bracket), optionally \"!\", then \": \" and a subject that is not empty once spaces at its ends are trimmed. Return {type, scope, breaking, subject} with the type in lower case, the scope as written (null when there is none), the subject trimmed, and breaking true when the header has \"!\" or any later line starts with \"BREAKING CHANGE: \". A message whose first line does not fit gives null.",
  obj({ message: TEXT }), orNull(obj({ type: TEXT, scope: orNull(TEXT), breaking: { type: "boolean" }, subject: TEXT })),
  [
    { message: "feat(parser): support nested arrays" },
    { message: "fix: handle empty input\n\nCloses #12" },
  ],
  each("message", {
    empty: "",
    not_conventional: "Update README",
    bang_is_breaking: "refactor(core)!: drop node 16",
    breaking_footer: "feat: new config format\n\nBREAKING CHANGE: old keys removed",
    crlf_lines: "docs: fix typo\r\n\r\nBREAKING CHANGE: none really\r\n",
    type_upper_case_lowered: "Fix(UI): Button colour ",
    empty_scope_rejected: "feat(): something",
    missing_space_after_colon: "chore:bump deps",
  }));

spec("lines_centred_to_width",
  "Centre every line of a text in a column `width` characters wide: lines are separated by \\n (a \\r at a line's end is dropped); each line is first trimmed of spaces at both ends, then padded with spaces on both sides, the left getting half the padding rounded down and the right the rest. A line longer than the width is left as it is (trimmed). Return the lines joined with \\n.",
  obj({ text: TEXT, width: int(0, 120) }), TEXT,
  [
    { text: "Menu\nSoup of the day\nBread", width: 15 },
    { text: "Hi", width: 6 },
  ],
  {
    empty_text: { text: "", width: 4 },
    odd_padding_more_on_right: { text: "abc", width: 6 },
    exact_width: { text: "12345", width: 5 },
    longer_than_width: { text: "  too long here ", width: 4 },
    crlf_lines: { text: "a\r\nbb\r\n", width: 4 },
    zero_width: { text: "x\n", width: 0 },
    blank_line_padded: { text: "top\n   \nend", width: 5 },
    tabs_are_not_trimmed: { text: "\tx", width: 5 },
  });

spec("colons_aligned_in_lines",
  "Line up the values of \"key: value\" lines: in every line that has a colon, the key is what comes before the first colon and the value what comes after it, both trimmed of spaces and tabs at their ends. Each such line is rewritten as key, colon, then enough spaces that every value starts one column after the colon of the longest key (so the longest key gets one space). A line whose value is empty is just key and colon. Lines without a colon stay as they are. Lines are separated by \\n (a \\r at a line's end is dropped), and the result is joined with \\n.",
  obj({ text: TEXT }), TEXT,
  [
    { text: "name: Ada\nrole:   engineer\nlocation: London" },
    { text: "a: 1\nbbb: 2" },
  ],
  each("text", {
    empty: "",
    no_colons: "just text\nmore",
    only_first_colon_splits: "time: 10:30\nat: home",
    spaces_around_key: "  id : 7\nlongkey:8",
    empty_value: "title:\nsubtitle:   \nx: y",
    crlf_input: "k: v\r\nkey: value\r\n",
    mixed_with_plain_lines: "# settings\nport: 80\n\nhost: example.org",
    empty_key: ": lonely\nab: c",
  }));

spec("line_word_character_counts",
  "Count a text's lines, words and characters, like a word-count tool: lines are separated by \\n (a \\r before it belongs to the line break); a last line without a \\n after it still counts, but a text that ends with \\n has no extra empty line after it, and an empty text has 0 lines. Words are runs of characters other than whitespace. Characters are all the characters except the line breaks (\\n and a \\r before it); an emoji counts as one. Return {lines, words, characters}.",
  obj({ text: TEXT }), obj({ lines: COUNT, words: COUNT, characters: COUNT }),
  [
    { text: "The quick brown fox\njumps over the lazy dog\n" },
    { text: "one line only" },
  ],
  each("text", {
    empty: "",
    just_newline: "\n",
    blank_lines_count: "a\n\n\nb",
    crlf_breaks: "ab\r\ncd\r\n",
    spaces_only: "   \t ",
    emoji_is_one_character: "hi 👋",
    no_final_newline: "x\ny",
    lone_carriage_return_is_a_character: "a\rb",
  }));

spec("text_in_ascii_box",
  "Draw a box around a text for a plain-text email: lines are separated by \\n (a \\r at a line's end is dropped) and lose their trailing spaces. With w the length of the longest line, the box's top and bottom are \"+\", w + 2 dashes and \"+\", and each line is written \"| \", the line padded with spaces to w characters, \" |\". An empty text is one empty line. Return the box's lines joined with \\n.",
  obj({ text: TEXT }), TEXT,
  [
    { text: "Hello\nWorld!" },
    { text: "Build passed" },
  ],
  each("text", {
    empty: "",
    blank_line_inside: "a\n\nbcd",
    trailing_spaces_dropped: "x   \nyy",
    leading_spaces_kept: "  indented\nno",
    crlf_lines: "ab\r\nc\r\n",
    single_character: "x",
    only_spaces: "    ",
    accented_letters: "café\nnaïve",
  }));

spec("text_as_utf8_hex_bytes",
  "Show a text's bytes in UTF-8, for debugging an encoding problem: each byte as two lower-case hex digits, separated by single spaces (\"A\" is \"41\", \"é\" is \"c3 a9\"). An empty text gives \"\". A broken character (half of a surrogate pair) is written as the replacement character, ef bf bd.",
  obj({ text: TEXT }), TEXT,
  [
    { text: "Hi!" },
    { text: "café" },
  ],
  each("text", {
    empty: "",
    space_and_tab: " \t",
    crlf: "a\r\nb",
    euro_sign_three_bytes: "€5",
    emoji_four_bytes: "😀",
    digits: "09",
    control_character: "\u0000",
    greek_two_bytes: "Ω",
  }));

spec("csv_line_fields_with_quotes",
  "Split one line of CSV into its fields: fields are separated by commas, except inside double quotes. A field that starts with a double quote runs to the next quote that is not doubled (a doubled quote \"\" inside stands for one \"), and anything between that closing quote and the next comma is added to the field as it is. Fields are not trimmed. A line ending (\\n or \\r\\n) at the very end is dropped first. A quote that is never closed takes the rest of the line. An empty line is one empty field.",
  obj({ line: TEXT }), arr(TEXT),
  [
    { line: "Ada,Lovelace,1815" },
    { line: "\"Smith, John\",\"He said \"\"hi\"\"\",42" },
  ],
  each("line", {
    empty_line: "",
    trailing_comma_empty_field: "a,b,",
    only_commas: ",,",
    spaces_kept: " a , b ",
    crlf_at_end: "x,y\r\n",
    unclosed_quote: "a,\"b,c",
    text_after_closing_quote: "\"ab\"cd,e",
    quote_in_middle_is_plain: "ab\"c,d",
  }));

spec("front_matter_fields",
  "Read the front matter at the top of a markdown file: it starts with a first line that is exactly \"---\" and ends at the next line that is exactly \"---\" (a \\r at a line's end ignored). Each line in between of the form key: value gives a field: the key is what comes before the first colon and the value what comes after it, both trimmed of spaces and tabs, and a value wrapped in a matching pair of double or single quotes loses them. Lines with no colon or an empty key are skipped, and a key given twice keeps its last value. A file with no front matter (or one never closed) gives {}.",
  obj({ text: TEXT }), mapOf(TEXT),
  [
    { text: "---\ntitle: Hello World\ndate: 2026-12-05\n---\n# Body" },
    { text: "---\nauthor: \"Ada L.\"\ntags: 'a, b'\n---\n" },
  ],
  each("text", {
    empty: "",
    no_front_matter: "# Title\ntitle: not a field",
    never_closed: "---\ntitle: x\n",
    crlf_lines: "---\r\nlayout: post\r\n---\r\nText",
    value_with_colon: "---\ntime: 10:30\n---",
    repeated_key_last_wins: "---\nk: one\nk: two\n---",
    mismatched_quotes_kept: "---\na: \"x'\nb: \"\"\n---",
    skipped_lines: "---\njust words\n: novalue\n\nkey:\n---",
  }));

spec("caps_lock_accident_fixed",
  "Fix text typed with caps lock on by mistake: a word (a run of the letters a-z and A-Z) of two or more letters whose first letter is lower case and all its other letters upper case has the case of every letter swapped, so \"hELLO\" becomes \"Hello\". Every other word and every other character stays as it is.",
  obj({ text: TEXT }), TEXT,
  [
    { text: "hELLO wORLD" },
    { text: "tHANKS for the NOTE, jOHN" },
  ],
  each("text", {
    empty: "",
    single_letter_unchanged: "i a B",
    all_caps_unchanged: "NASA ESA",
    normal_text_unchanged: "Hello there",
    digits_split_words: "pASS1wORD",
    apostrophe_splits_word: "dON'T",
    mixed_case_inside_unchanged: "hElLO",
    two_letter_word: "oK",
  }));

spec("lines_added_and_removed",
  "Compare two versions of a list kept one item per line: lines are separated by \\n (a \\r at a line's end is dropped), an empty text has no lines, and a final \\n does not start another line. Return \"- \" and the line for every line of `before` that `after` lacks, in before's order, followed by \"+ \" and the line for every line of `after` that `before` lacks, in after's order. Lines are compared exactly and copies are counted: a line twice in before and once in after is removed once.",
  obj({ before: TEXT, after: TEXT }), arr(TEXT),
  [
    { before: "milk\neggs\nbread", after: "milk\nbread\nbutter" },
    { before: "a\nb", after: "b\na" },
  ],
  {
    both_empty: { before: "", after: "" },
    all_new: { before: "", after: "x\ny\n" },
    all_removed: { before: "x\ny", after: "" },
    copies_counted: { before: "a\na\nb", after: "a\nb\nb" },
    case_matters: { before: "Apple", after: "apple" },
    crlf_same_as_lf: { before: "a\r\nb\r\n", after: "a\nb" },
    blank_line_is_a_line: { before: "a\n\nb", after: "a\nb" },
    trailing_spaces_matter: { before: "x ", after: "x" },
  });

spec("http_header_lines_to_object",
  "Turn raw HTTP response headers into an object: lines are separated by \\n (a \\r at a line's end is dropped). A first line starting with \"HTTP/\" is the status line and is skipped, and the headers end at the first empty line. Every header line is Name: value, split at the first colon; the name is trimmed and lower-cased and the value trimmed. A header that appears more than once has its values joined with \", \" in order. Lines with no colon or an empty name are skipped.",
  obj({ text: TEXT }), mapOf(TEXT),
  [
    { text: "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 512\r\n\r\n<html>" },
    { text: "Cache-Control: no-cache\nSet-Cookie: a=1\nSet-Cookie: b=2" },
  ],
  each("text", {
    empty: "",
    status_line_only: "HTTP/2 404",
    value_with_colons: "Location: https://example.org:8080/x",
    stops_at_blank_line: "A: 1\n\nB: 2",
    names_lower_cased: "X-Request-ID: abc\nx-request-id: def",
    no_colon_skipped: "garbage line\nHost: a.b",
    empty_value_kept: "X-Empty:   \nVia: proxy",
    status_line_not_first_is_header: "Server: x\nHTTP/1.1 200 OK",
  }));

spec("unchecked_checklist_items",
  "List the unticked items of a markdown checklist: an item is a line that starts (after any spaces or tabs) with -, * or +, then one or more spaces, then a box: \"[ ]\" is unticked and \"[x]\" or \"[X]\" ticked, then at least one space and the item's text. Return the text of every unticked item, trimmed, in order, leaving out items whose text is empty. Lines are separated by \\n (a \\r at a line's end is dropped).",
  obj({ text: TEXT }), arr(TEXT),
  [
    { text: "## Trip\n- [x] book flights\n- [ ] pack bags\n- [ ] water plants" },
    { text: "* [ ] call Sam\n* [X] pay rent" },
  ],
  each("text", {
    empty: "",
    all_ticked: "- [x] a\n- [X] b",
    indented_items: "  - [ ] nested\n\t+ [ ] tabbed",
    crlf_lines: "- [ ] one\r\n- [ ] two\r\n",
    not_items: "[ ] no bullet\n-[ ] no space\n- [] no box",
    text_trimmed: "- [ ]    spaced out   ",
    empty_text_left_out: "- [ ]  \n- [ ] real",
    numbered_list_not_items: "1. [ ] numbered\n- [ ] bullet",
  }));

spec("mixed_fraction_value",
  "Read a measurement written as a fraction, like \"1 3/4\" or \"3/8\", as a number rounded to 4 decimals (halves up). Accepted forms, with spaces at either end allowed: a whole number, a decimal number (digits, a dot, digits), a fraction a/b, or a whole number, one or more spaces and a fraction; a leading \"-\" makes the whole value negative. Anything else, or a fraction whose bottom is 0, gives null.",
  obj({ text: TEXT }), orNull(NUMBER),
  [
    { text: "1 3/4" },
    { text: "2/3" },
  ],
  each("text", {
    empty: "",
    whole_number: "5",
    decimal: " 2.25 ",
    negative_mixed: "-2 1/2",
    improper_fraction: "9/4",
    zero_denominator: "1/0",
    zero_numerator: "0/7",
    words_rejected: "one half",
  }));

spec("minutes_in_time_range_text",
  "How many minutes does a time range like \"9am-5:30pm\" or \"21:00 - 02:30\" cover? The range is two times joined by \"-\" with optional spaces around it. A time is either 12-hour (hour 1 to 12, optionally a colon and two-digit minutes, then optional spaces and am or pm in either case; 12am is midnight and 12pm noon) or 24-hour (hour 0 to 23, a colon and two-digit minutes). When the end is earlier than the start the range runs past midnight, and equal times give 0. Anything else gives null.",
  obj({ text: TEXT }), orNull(COUNT),
  [
    { text: "9am-5:30pm" },
    { text: "21:00 - 05:30" },
  ],
  each("text", {
    empty: "",
    midnight_to_noon: "12am-12pm",
    noon_to_midnight: "12pm - 12am",
    same_time_is_zero: "10:00-10:00",
    one_minute_past_midnight: "23:59-00:00",
    upper_case_and_spaces: "7:15 AM - 8 PM",
    bare_hour_needs_am_pm: "9-17",
    hour_out_of_range: "13pm-2pm",
  }));

spec("broken_words_rejoined",
  "Re-join words that were split across lines with a hyphen, as in text copied out of a PDF: wherever a letter (a-z or A-Z) is followed by \"-\", a line break (\\n or \\r\\n) and another letter, the hyphen and the line break are removed so the word is whole again. Every other hyphen and line break stays as it is.",
  obj({ text: TEXT }), TEXT,
  [
    { text: "The commit-\ntee met on Mon-\nday." },
    { text: "well-known\nfacts" },
  ],
  each("text", {
    empty: "",
    crlf_break: "infor-\r\nmation",
    digit_after_break_kept: "page-\n12",
    space_before_break_kept: "word -\nnext",
    two_breaks_kept: "half-\n\nway",
    hyphen_at_end_of_text: "trailing-",
    several_in_a_row: "a-\nb-\nc",
    capital_after_break: "New-\nYork",
  }));

// ---- numbers and units (10) ----------------------------------------------------------------------

spec("heat_index_celsius",
  "The heat index (how hot it feels) by the US National Weather Service's Rothfusz formula: with T the air temperature in °F (T = °C × 9/5 + 32) and R the relative humidity in percent, HI = -42.379 + 2.04901523·T + 10.14333127·R - 0.22475541·T·R - 0.00683783·T² - 0.05481717·R² + 0.00122874·T²·R + 0.00085282·T·R² - 0.00000199·T²·R². Below 80 °F the heat index is just the air temperature. Return it in °C ((HI - 32) × 5/9), rounded to 1 decimal (halves up).",
  obj({ celsius: NUMBER, humidity: { type: "number", minimum: 0, maximum: 100 } }), NUMBER,
  [
    { celsius: 32, humidity: 60 },
    { celsius: 35, humidity: 40 },
  ],
  {
    below_80_f_is_air_temperature: { celsius: 20, humidity: 90 },
    just_below_80_f: { celsius: 26.6, humidity: 50 },
    exactly_80_f: { celsius: 26.6666666667, humidity: 40 },
    dry_air: { celsius: 40, humidity: 0 },
    saturated_air: { celsius: 30, humidity: 100 },
    freezing: { celsius: -5, humidity: 70 },
    very_hot_humid: { celsius: 38, humidity: 75 },
    zero_celsius: { celsius: 0, humidity: 0 },
  });

spec("led_resistor_ohms",
  "Which resistor do my LEDs need? The LEDs are wired in series, so the voltage left for the resistor is the supply voltage minus the number of LEDs times each LED's forward voltage; the resistance is that voltage divided by the current in amps (the current is given in milliamps). Round up to a whole ohm, since a slightly bigger resistor is the safe side. Return null when no voltage is left over (0 or less) or the current is not above 0.",
  obj({ supplyVolts: NUMBER, ledVolts: NUMBER, leds: COUNT, milliamps: NUMBER }), orNull(COUNT),
  [
    { supplyVolts: 5, ledVolts: 2, leds: 1, milliamps: 20 },
    { supplyVolts: 9, ledVolts: 3, leds: 2, milliamps: 20 },
  ],
  {
    exact_whole_ohms: { supplyVolts: 9, ledVolts: 2, leds: 2, milliamps: 25 },
    rounds_up_not_nearest: { supplyVolts: 5, ledVolts: 1.8, leds: 1, milliamps: 30 },
    no_voltage_left: { supplyVolts: 6, ledVolts: 3, leds: 2, milliamps: 20 },
    too_many_leds: { supplyVolts: 5, ledVolts: 2, leds: 3, milliamps: 10 },
    zero_current: { supplyVolts: 5, ledVolts: 2, leds: 1, milliamps: 0 },
    no_leds: { supplyVolts: 3.3, ledVolts: 2, leds: 0, milliamps: 10 },
    binary_noise_stays_whole: { supplyVolts: 3.3, ledVolts: 1.1, leds: 2, milliamps: 11 },
    negative_current: { supplyVolts: 5, ledVolts: 2, leds: 1, milliamps: -20 },
  });

spec("years_to_double_money",
  "How many years until money doubles at a yearly interest rate compounded once a year: years = ln 2 ÷ ln(1 + rate/100), rounded to 1 decimal (halves up). Return null when the rate is 0 or negative (it never doubles).",
  obj({ ratePercent: NUMBER }), orNull(NUMBER),
  [
    { ratePercent: 7 },
    { ratePercent: 3.5 },
  ],
  each("ratePercent", {
    zero_rate: 0,
    negative_rate: -2,
    hundred_percent_is_one_year: 100,
    tiny_rate: 0.1,
    six_percent: 6,
    ten_percent: 10,
    huge_rate: 900,
    twelve_percent: 12,
  }));

spec("hull_speed_knots",
  "A displacement boat's hull speed: 1.34 times the square root of its waterline length in feet, in knots. The length is given in metres (1 foot = 0.3048 m). Round to 1 decimal (halves up); a length of 0 or less gives 0.",
  obj({ waterlineMetres: NUMBER }), NUMBER,
  [
    { waterlineMetres: 9 },
    { waterlineMetres: 7.5 },
  ],
  each("waterlineMetres", {
    zero_length: 0,
    negative_length: -3,
    one_foot: 0.3048,
    hundred_feet: 30.48,
    small_dinghy: 3.2,
    large_yacht: 24,
    one_metre: 1,
    forty_feet: 12.192,
  }));

spec("eu_shoe_size_from_foot_cm",
  "EU shoe size from a foot's length in cm: (length + 1.5) × 1.5, rounded to the nearest half size (a value exactly between two half sizes goes up). Return null for a length of 0 or less.",
  obj({ footCm: NUMBER }), orNull(NUMBER),
  [
    { footCm: 26.5 },
    { footCm: 24.2 },
  ],
  each("footCm", {
    zero: 0,
    negative: -20,
    rounds_down_to_whole: 25.2,
    rounds_up_to_half: 25.4,
    child_foot: 15.7,
    big_foot: 31.9,
    whole_size: 27.5,
    half_size: 26.833333,
  }));

spec("pool_chlorine_grams",
  "How many grams of chlorine product to add to a pool: 1 ppm is 1 mg of chlorine per litre, so raising it from `currentPpm` to `targetPpm` in `litres` of water takes litres × (target - current) mg of chlorine, and the product is only `strengthPercent`% chlorine. Return the grams of product rounded to a whole number (halves up): 0 when the pool is already at or above the target, null when the strength is 0 or less.",
  obj({ litres: NONNEG, currentPpm: NONNEG, targetPpm: NONNEG, strengthPercent: NUMBER }), orNull(NONNEG),
  [
    { litres: 50000, currentPpm: 1, targetPpm: 3, strengthPercent: 65 },
    { litres: 20000, currentPpm: 0.5, targetPpm: 2, strengthPercent: 90 },
  ],
  {
    already_at_target: { litres: 30000, currentPpm: 2, targetPpm: 2, strengthPercent: 65 },
    above_target: { litres: 30000, currentPpm: 4, targetPpm: 2, strengthPercent: 65 },
    pure_chlorine: { litres: 1000, currentPpm: 0, targetPpm: 1, strengthPercent: 100 },
    zero_strength: { litres: 1000, currentPpm: 0, targetPpm: 1, strengthPercent: 0 },
    negative_strength: { litres: 1000, currentPpm: 0, targetPpm: 1, strengthPercent: -10 },
    empty_pool: { litres: 0, currentPpm: 0, targetPpm: 3, strengthPercent: 65 },
    liquid_bleach: { litres: 45000, currentPpm: 1.2, targetPpm: 3, strengthPercent: 12.5 },
    small_spa: { litres: 1500, currentPpm: 1, targetPpm: 4, strengthPercent: 56 },
  });

spec("sound_level_at_distance_db",
  "How loud a sound is further away, by the inverse-square law: L2 = L1 - 20 × log10(d2 / d1), where L1 is the level in dB measured at d1 metres and L2 the level at d2 metres (closer than d1 gives a louder level). Rounded to 1 decimal (halves up). null when either distance is 0 or less.",
  obj({ db: NUMBER, fromMetres: NUMBER, toMetres: NUMBER }), orNull(NUMBER),
  [
    { db: 100, fromMetres: 1, toMetres: 10 },
    { db: 85, fromMetres: 2, toMetres: 8 },
  ],
  {
    same_distance: { db: 70, fromMetres: 3, toMetres: 3 },
    closer_is_louder: { db: 60, fromMetres: 10, toMetres: 1 },
    zero_from: { db: 60, fromMetres: 0, toMetres: 5 },
    zero_to: { db: 60, fromMetres: 5, toMetres: 0 },
    negative_distance: { db: 60, fromMetres: -1, toMetres: 5 },
    double_distance: { db: 90, fromMetres: 5, toMetres: 10 },
    goes_below_zero_db: { db: 10, fromMetres: 1, toMetres: 100 },
    far_away: { db: 120, fromMetres: 1, toMetres: 1000 },
  });

spec("exposure_value_at_iso",
  "A camera setting's exposure value, referred to ISO 100: EV = log2(N² ÷ t) - log2(ISO ÷ 100), with N the f-number, t the shutter time in seconds and ISO the sensitivity. Rounded to 1 decimal (halves up). null when any of the three is 0 or less.",
  obj({ aperture: NUMBER, shutterSeconds: NUMBER, iso: NUMBER }), orNull(NUMBER),
  [
    { aperture: 8, shutterSeconds: 0.008, iso: 100 },
    { aperture: 2.8, shutterSeconds: 0.0333333, iso: 800 },
  ],
  {
    f1_one_second: { aperture: 1, shutterSeconds: 1, iso: 100 },
    sunny_sixteen: { aperture: 16, shutterSeconds: 0.01, iso: 100 },
    long_exposure_negative: { aperture: 2, shutterSeconds: 30, iso: 100 },
    high_iso: { aperture: 5.6, shutterSeconds: 0.004, iso: 3200 },
    low_iso: { aperture: 11, shutterSeconds: 0.5, iso: 50 },
    zero_shutter: { aperture: 8, shutterSeconds: 0, iso: 100 },
    zero_iso: { aperture: 8, shutterSeconds: 0.01, iso: 0 },
    negative_aperture: { aperture: -4, shutterSeconds: 0.01, iso: 100 },
  });

spec("pendulum_period_seconds",
  "How long one full swing of a simple pendulum takes: two pi times the square root of its length divided by the gravity of 9.81 m/s², with the length given in centimetres. In seconds, rounded to 2 decimals (halves up); a length of 0 or less gives 0.",
  obj({ lengthCm: NUMBER }), NUMBER,
  [
    { lengthCm: 100 },
    { lengthCm: 25 },
  ],
  each("lengthCm", {
    zero_length: 0,
    negative_length: -50,
    one_centimetre: 1,
    seconds_pendulum: 99.4,
    two_metres: 200,
    short_string: 10,
    ten_metres: 1000,
    grandfather_clock: 99.6,
  }));

spec("ev_charge_cost",
  "What a charge of my electric car costs: the battery's share to fill is (toPercent - fromPercent)% of its capacity in kWh, and the charger loses 10% on the way, so the energy bought is that share ÷ 0.9. Multiply by the price per kWh and round to 2 decimals (halves up). The percentages are first held between 0 and 100; a charge that does not go up costs 0.",
  obj({ batteryKwh: NONNEG, fromPercent: NUMBER, toPercent: NUMBER, pricePerKwh: NONNEG }), NONNEG,
  [
    { batteryKwh: 60, fromPercent: 20, toPercent: 80, pricePerKwh: 0.3 },
    { batteryKwh: 75, fromPercent: 10, toPercent: 90, pricePerKwh: 0.27 },
  ],
  {
    already_full_enough: { batteryKwh: 60, fromPercent: 80, toPercent: 80, pricePerKwh: 0.3 },
    going_down_costs_nothing: { batteryKwh: 60, fromPercent: 90, toPercent: 50, pricePerKwh: 0.3 },
    from_empty_to_full: { batteryKwh: 40, fromPercent: 0, toPercent: 100, pricePerKwh: 0.25 },
    above_hundred_held: { batteryKwh: 50, fromPercent: 60, toPercent: 120, pricePerKwh: 0.36 },
    below_zero_held: { batteryKwh: 50, fromPercent: -10, toPercent: 20, pricePerKwh: 0.36 },
    free_charging: { batteryKwh: 50, fromPercent: 10, toPercent: 90, pricePerKwh: 0 },
    small_battery: { batteryKwh: 17.5, fromPercent: 35, toPercent: 85, pricePerKwh: 0.41 },
    one_percent: { batteryKwh: 82, fromPercent: 50, toPercent: 51, pricePerKwh: 0.33 },
  });

// ---- dates and times (10) ------------------------------------------------------------------------

const sale = (date, amount) => ({ date, amount });
spec("daily_totals_with_zero_days",
  "Daily sales for a chart, with no gaps: for every date from `from` to `to` (both included, YYYY-MM-DD) in order, {date, total} with that day's sales added up and rounded to 2 decimals (halves up), 0 for a day with no sales. Sales outside the range are left out. When `to` is before `from` the result is []; a range longer than 1000 days lists only its first 1000 days.",
  obj({ from: NEAR_DATE, to: NEAR_DATE, sales: arr(obj({ date: ISO_DATE, amount: NUMBER })) }), arr(obj({ date: OUT_DATE, total: NUMBER })),
  [
    { from: "2026-03-01", to: "2026-03-04", sales: [sale("2026-03-01", 120), sale("2026-03-03", 80.5), sale("2026-03-01", 30)] },
    { from: "2026-06-10", to: "2026-06-11", sales: [sale("2026-06-11", 9.99)] },
  ],
  {
    no_sales: { from: "2026-01-01", to: "2026-01-03", sales: [] },
    single_day: { from: "2026-05-05", to: "2026-05-05", sales: [sale("2026-05-05", 1), sale("2026-05-06", 2)] },
    to_before_from: { from: "2026-05-05", to: "2026-05-04", sales: [sale("2026-05-05", 1)] },
    across_year_end: { from: "2026-12-30", to: "2027-01-02", sales: [sale("2026-12-31", 50), sale("2027-01-01", 25)] },
    leap_february: { from: "2024-02-27", to: "2024-03-01", sales: [sale("2024-02-29", 10)] },
    century_not_leap: { from: "1900-02-27", to: "1900-03-01", sales: [sale("1900-02-28", 3)] },
    refunds_make_negative: { from: "2026-04-01", to: "2026-04-02", sales: [sale("2026-04-01", 20), sale("2026-04-01", -35.25)] },
    cents_added_exactly: { from: "2026-08-01", to: "2026-08-01", sales: [sale("2026-08-01", 0.1), sale("2026-08-01", 0.2)] },
  });

spec("dates_of_weekday_between",
  "Every date between `from` and `to` (both included, YYYY-MM-DD) that falls on `weekday`, in order, for planning a recurring class. When `to` is before `from` there are none.",
  obj({ from: NEAR_DATE, to: NEAR_DATE, weekday: WEEKDAY }), arr(OUT_DATE),
  [
    { from: "2026-12-01", to: "2026-12-31", weekday: "Tuesday" },
    { from: "2026-01-05", to: "2026-01-20", weekday: "Monday" },
  ],
  {
    to_before_from: { from: "2026-03-10", to: "2026-03-01", weekday: "Monday" },
    single_day_match: { from: "2026-12-05", to: "2026-12-05", weekday: "Saturday" },
    single_day_no_match: { from: "2026-12-05", to: "2026-12-05", weekday: "Sunday" },
    ends_exactly_on_weekday: { from: "2026-12-06", to: "2026-12-20", weekday: "Sunday" },
    across_year_end: { from: "2026-12-20", to: "2027-01-15", weekday: "Friday" },
    leap_day_included: { from: "2024-02-20", to: "2024-03-05", weekday: "Thursday" },
    century_february: { from: "2000-02-25", to: "2000-03-02", weekday: "Tuesday" },
    short_range_none: { from: "2026-06-01", to: "2026-06-04", weekday: "Sunday" },
  });

const bm = (start, end, opens = "09:00", closes = "17:00") => ({ start, end, opens, closes });
spec("business_minutes_between",
  "How many minutes of business hours passed between two moments (YYYY-MM-DDTHH:MM), for a support team's response-time figures: business hours run from `opens` to `closes` (HH:MM) on Monday to Friday, and public holidays are not considered. Minutes outside business hours do not count; when `closes` is not after `opens` there are no business hours, and when `end` is not after `start` the answer is 0.",
  obj({ start: NEAR_STAMP, end: NEAR_STAMP, opens: HHMM, closes: HHMM }), COUNT,
  [
    bm("2026-12-07T10:00", "2026-12-07T15:30"),
    bm("2026-12-04T16:00", "2026-12-07T10:00", "08:30", "17:30"),
  ],
  {
    end_before_start: bm("2026-12-07T12:00", "2026-12-07T11:00"),
    same_moment: bm("2026-12-07T12:00", "2026-12-07T12:00"),
    overnight_counts_nothing: bm("2026-12-07T17:00", "2026-12-08T09:00"),
    weekend_only: bm("2026-12-05T08:00", "2026-12-06T20:00"),
    before_opening_to_after_close: bm("2026-12-09T06:30", "2026-12-09T23:59", "07:00", "19:00"),
    across_year_end: bm("2026-12-31T16:00", "2027-01-04T09:30"),
    last_minute_of_day: bm("2026-12-08T16:59", "2026-12-08T17:00"),
    closes_not_after_opens: bm("2026-12-07T00:00", "2026-12-14T00:00", "18:00", "08:00"),
  });

const bp = (anchorDay, date) => ({ anchorDay, date });
spec("billing_period_containing_date",
  "Which billing period is a date in? Our billing periods start on day `anchorDay` of every month, or on the month's last day when the month is shorter, and each runs until the day before the next one starts. Return the period that contains `date` as {start, end}, both YYYY-MM-DD.",
  obj({ anchorDay: int(1, 31), date: NEAR_DATE }), obj({ start: OUT_DATE, end: OUT_DATE }),
  [
    bp(15, "2026-12-05"),
    bp(15, "2026-12-20"),
  ],
  {
    calendar_months: bp(1, "2026-07-19"),
    date_is_the_start: bp(10, "2026-03-10"),
    date_is_the_end: bp(10, "2026-03-09"),
    across_year_end: bp(20, "2027-01-05"),
    anchor_31_short_february: bp(31, "2026-02-28"),
    anchor_30_leap_february: bp(30, "2024-03-01"),
    century_february_not_leap: bp(29, "1900-03-15"),
    anchor_31_in_long_month: bp(31, "2026-03-31"),
  });

spec("dose_times_every_hours",
  "When to take each dose of a medicine taken every `everyHours` hours: the first dose is at `first` (YYYY-MM-DDTHH:MM) and each later one `everyHours` hours after the one before, `doses` doses in all. Return the times in the same form, carrying into the next day, month or year as needed.",
  obj({ first: NEAR_STAMP, everyHours: int(1, 48), doses: int(0, 50) }), arr(OUT_STAMP),
  [
    { first: "2026-12-05T08:00", everyHours: 8, doses: 4 },
    { first: "2026-12-05T21:30", everyHours: 6, doses: 3 },
  ],
  {
    no_doses: { first: "2026-12-05T08:00", everyHours: 8, doses: 0 },
    single_dose: { first: "2026-12-05T08:00", everyHours: 12, doses: 1 },
    across_year_end: { first: "2026-12-31T20:00", everyHours: 4, doses: 3 },
    leap_day: { first: "2024-02-28T22:00", everyHours: 24, doses: 3 },
    century_february: { first: "1900-02-28T12:00", everyHours: 12, doses: 3 },
    from_midnight: { first: "2026-06-30T00:00", everyHours: 48, doses: 2 },
    hourly: { first: "2026-03-31T22:15", everyHours: 1, doses: 3 },
    odd_interval: { first: "2026-07-01T07:45", everyHours: 5, doses: 5 },
  });

spec("iso_weeks_in_year",
  "How many weeks an ISO 8601 week-numbering year has (52 or 53), for sizing a weekly planner: ISO weeks run Monday to Sunday, week 1 is the week that contains the year's first Thursday, and the year's last week is the one that contains its last Thursday.",
  obj({ year: int(1, 9999) }), int(52, 53),
  [
    { year: 2026 },
    { year: 2020 },
  ],
  each("year", {
    starts_on_thursday: 2015,
    leap_starting_wednesday: 1992,
    leap_starting_thursday: 2004,
    ordinary: 2027,
    century_not_leap: 1900,
    century_leap: 2000,
    far_future: 2099,
    year_one: 1,
  }));

spec("date_of_turning_age",
  "On what date does someone born on `birth` (YYYY-MM-DD) turn `age`? The birthday in the year birth year + age, except that someone born on 29 February turns a year older on 1 March in a year with no 29 February. Return YYYY-MM-DD.",
  obj({ birth: ISO_DATE, age: int(0, 150) }), OUT_DATE,
  [
    { birth: "1990-05-17", age: 40 },
    { birth: "2008-11-30", age: 18 },
  ],
  {
    age_zero_is_birth: { birth: "2026-12-05", age: 0 },
    leap_day_to_leap_year: { birth: "2000-02-29", age: 24 },
    leap_day_to_common_year: { birth: "2004-02-29", age: 21 },
    leap_day_to_century_year: { birth: "1996-02-29", age: 104 },
    new_years_eve: { birth: "1999-12-31", age: 65 },
    new_years_day: { birth: "2001-01-01", age: 1 },
    hundred_years: { birth: "1926-03-15", age: 100 },
    february_28_stays: { birth: "2003-02-28", age: 1 },
  });

const shift = (start, minutes) => ({ start, minutes });
spec("shift_minutes_per_calendar_day",
  "Split a work shift across calendar days for the payroll, since night shifts cross midnight: the shift starts at `start` (YYYY-MM-DDTHH:MM) and lasts `minutes` minutes. Return an object from each date (YYYY-MM-DD) the shift has at least one minute on to the minutes worked on that date; a shift of 0 minutes gives {}.",
  obj({ start: NEAR_STAMP, minutes: int(0, 10080) }), mapOf(COUNT),
  [
    shift("2026-12-05T22:00", 510),
    shift("2026-12-07T09:00", 480),
  ],
  {
    zero_minutes: shift("2026-12-05T22:00", 0),
    one_minute_before_midnight: shift("2026-05-05T23:59", 1),
    ends_exactly_at_midnight: shift("2026-12-05T18:00", 360),
    starts_at_midnight: shift("2026-12-06T00:00", 480),
    across_year_end: shift("2026-12-31T20:00", 495),
    leap_day: shift("2024-02-28T23:00", 1560),
    century_february: shift("1900-02-28T23:30", 60),
    long_shift_three_dates: shift("2026-03-31T20:00", 1800),
  });

const wk = (now, fridayFinish) => ({ now, fridayFinish });
spec("minutes_until_weekend",
  "How long until my weekend starts: it starts on Friday at `fridayFinish` (HH:MM) and lasts until Monday 00:00. From `now` (YYYY-MM-DDTHH:MM), the minutes until the next start of the weekend; when `now` is already in the weekend (Friday at or after `fridayFinish`, Saturday or Sunday) the answer is 0.",
  obj({ now: STAMP, fridayFinish: HHMM }), COUNT,
  [
    wk("2026-12-04T14:30", "17:30"),
    wk("2026-12-02T09:00", "16:00"),
  ],
  {
    friday_exactly_at_finish: wk("2026-12-04T17:30", "17:30"),
    friday_one_minute_before: wk("2026-12-04T17:29", "17:30"),
    saturday_midnight: wk("2026-12-05T00:00", "17:00"),
    sunday_night: wk("2026-12-06T23:59", "17:00"),
    monday_midnight: wk("2026-12-07T00:00", "00:00"),
    finish_at_midnight_friday: wk("2026-12-03T23:00", "00:00"),
    across_year_end: wk("2026-12-31T12:00", "15:00"),
    leap_day_thursday: wk("2024-02-29T06:00", "18:45"),
  });

const rs = (stamp, minutes) => ({ stamp, minutes });
spec("timestamp_rounded_to_interval",
  "Round a time stamp (YYYY-MM-DDTHH:MM) to the nearest multiple of `minutes` minutes, counted from midnight at the start of its day, as a timesheet does with 15-minute blocks: a time exactly halfway between two multiples goes up. The result may carry into the next day, month or year. Return it in the same form.",
  obj({ stamp: STAMP, minutes: int(1, 1440) }), OUT_STAMP,
  [
    rs("2026-12-05T09:07", 15),
    rs("2026-12-05T13:52", 15),
  ],
  {
    already_on_a_block: rs("2026-12-05T10:45", 15),
    just_under_half_down: rs("2026-12-05T10:37", 15),
    exactly_half_up: rs("2026-12-05T10:05", 10),
    to_next_hour: rs("2026-12-05T10:53", 30),
    to_next_day: rs("2026-12-05T23:55", 15),
    to_next_year: rs("2026-12-31T23:53", 15),
    leap_day_midnight: rs("2024-02-28T23:58", 5),
    whole_day_blocks: rs("2026-06-30T12:00", 1440),
  });

// ---- utility-library functions (5) ---------------------------------------------------------------

spec("roman_numeral_value",
  "Read a Roman numeral, like the ones on clock faces and film credits: return its value, from 1 to 3999, or null when the text is not a Roman numeral in the standard form (I, V, X, L, C, D, M with at most three of the same in a row and only the subtractive pairs IV, IX, XL, XC, CD and CM; so IIII and IC are not accepted). Letters may be upper or lower case, and spaces at either end are ignored.",
  obj({ text: TEXT }), orNull(int(1, 3999)),
  [
    { text: "XIV" },
    { text: "MMXXVI" },
  ],
  each("text", {
    empty: "",
    largest: "MMMCMXCIX",
    four_in_a_row_rejected: "IIII",
    wrong_subtraction_rejected: "IC",
    lower_case: "xlii",
    spaces_trimmed: " CD ",
    not_roman: "XIZ",
    zero_has_no_numeral: "N",
  }));

spec("numbers_from_start_to_stop_by_step",
  "The numbers from `start` up to but not including `stop`, counting by `step`, like Python's range(start, stop, step): with a positive step it goes while the number is below stop, with a negative step while it is above stop. A step of 0 gives [], as does a range that goes the wrong way.",
  obj({ start: int(-1000, 1000), stop: int(-1000, 1000), step: int(-1000, 1000) }), arr(INTEGER),
  [
    { start: 0, stop: 10, step: 3 },
    { start: 5, stop: 1, step: -1 },
  ],
  {
    zero_step: { start: 0, stop: 5, step: 0 },
    wrong_direction: { start: 0, stop: 5, step: -1 },
    empty_range: { start: 3, stop: 3, step: 1 },
    stop_excluded: { start: 0, stop: 6, step: 2 },
    negative_numbers: { start: -5, stop: 0, step: 2 },
    step_larger_than_range: { start: 1, stop: 4, step: 10 },
    down_to_negative: { start: 2, stop: -7, step: -4 },
    single_item: { start: 9, stop: 10, step: 1 },
  });

spec("most_common_n_with_counts",
  "The `n` most common items of a list with their counts, like Python's Counter.most_common(n): [[item, count], ...] from the most common down; items with the same count keep the order in which they first appear in the list. When n is more than the number of distinct items, all of them. Items are compared exactly.",
  obj({ items: arr(TEXT), n: COUNT }), arr(arr({ type: ["string", "integer"] })),
  [
    { items: ["red", "blue", "red", "green", "blue", "red"], n: 2 },
    { items: ["a", "b", "c", "b"], n: 3 },
  ],
  {
    empty_list: { items: [], n: 3 },
    n_zero: { items: ["a", "a"], n: 0 },
    n_more_than_distinct: { items: ["x", "y"], n: 10 },
    ties_first_appearance: { items: ["p", "q", "q", "p", "r"], n: 2 },
    case_sensitive: { items: ["Go", "go", "go"], n: 2 },
    all_same: { items: ["z", "z", "z"], n: 1 },
    empty_strings_count: { items: ["", "", "a"], n: 1 },
    later_item_overtakes: { items: ["a", "b", "b", "c", "c", "c"], n: 3 },
  });

spec("closest_value_in_list",
  "The value in a list closest to a target, like snapping to the nearest allowed size: the one with the smallest distance to `target`; when two are equally close, the smaller value. An empty list gives null.",
  obj({ values: arr(NUMBER), target: NUMBER }), orNull(NUMBER),
  [
    { values: [10, 20, 30, 40], target: 27 },
    { values: [1.5, 3.2, 0.8], target: 1 },
  ],
  {
    empty_list: { values: [], target: 5 },
    exact_match: { values: [4, 5, 6], target: 5 },
    tie_takes_smaller: { values: [30, 10, 20], target: 25 },
    negative_values: { values: [-8, -3, 2], target: -5 },
    target_below_all: { values: [100, 50, 75], target: -10 },
    duplicates: { values: [7, 7, 9], target: 8 },
    decimal_tie_exact: { values: [0.1, 0.3], target: 0.2 },
    single_value: { values: [42], target: 1000 },
  });

spec("integer_in_base",
  "Write a whole number in another base, like JavaScript's toString(base): digits 0-9 and then lower-case letters a-z for the values 10 to 35, with a \"-\" in front of a negative number. The base is from 2 to 36.",
  obj({ value: INTEGER, base: int(2, 36) }), TEXT,
  [
    { value: 255, base: 16 },
    { value: 10, base: 2 },
  ],
  {
    zero: { value: 0, base: 7 },
    negative_hex: { value: -255, base: 16 },
    base_36: { value: 35, base: 36 },
    base_36_two_digits: { value: 1295, base: 36 },
    octal: { value: 64, base: 8 },
    base_ten_unchanged: { value: 90210, base: 10 },
    one_in_binary: { value: 1, base: 2 },
    base_three: { value: 100, base: 3 },
  });
