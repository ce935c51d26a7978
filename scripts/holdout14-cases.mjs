// The specs of tests/fixtures/specs/holdout14 without their outputs: description, schemas and the
// inputs of the examples and the named tests. scripts/make-holdout14-specs.mjs adds the outputs.
// New tasks (none a renamed task of an earlier set, checked against their file names only), written
// without running the synthesizer or reading its code, in the proportions of the brief: 20 records
// and lists, 15 strings, 10 numbers and units, 10 dates and times, 5 utility functions.

import { T, obj, arr, HHMM, rows } from "./spec-schemas.mjs";
const NONNEG = { type: "number", minimum: 0 };
const COUNT = { type: "integer", minimum: 0 };
/** A real calendar date's shape: months 01-12 and days 01-31, so no reference meets month 13. */
const ISO_DATE = { type: "string", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" };
const TIMESTAMP = { type: "string", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$" };
const YEAR = { type: "integer", minimum: 1, maximum: 9999 };
const MONTH = { type: "integer", minimum: 1, maximum: 12 };
const ANY_JSON = { type: ["string", "number", "boolean", "null", "object", "array"] };
const RECORD = { type: "object" };
const SCALAR = { type: ["string", "number"] };
const WEEKDAY = { type: "string", enum: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] };
const mapOf = (values) => ({ type: "object", additionalProperties: values });
/** One single-field input per value: each("text", {empty: ""}) -> {empty: {text: ""}}. */
const each = (field, named) => Object.fromEntries(Object.entries(named).map(([name, v]) => [name, { [field]: v }]));

export const SPECS = [];
const spec = (capability, description, inputSchema, outputSchema, examples, tests) =>
  SPECS.push({ capability, description, inputSchema, outputSchema, examples, tests });

// ---- records and lists (20) ----------------------------------------------------------------------

const customers = (...r) => rows(["name", "arrives", "minutes"], ...r);
spec("bank_queue_waiting_minutes",
  "How long each customer waits at our single counter: customers are listed in the order they arrive, each with a name, the minute they arrive (minutes after opening) and how many minutes they need. The counter serves one customer at a time, in list order, and is free at minute 0; a customer is served as soon as they have arrived and the counter is free. For each customer, the minutes they waited before being served (0 when the counter was free when they arrived).",
  obj({ customers: arr(obj({ name: "string", arrives: COUNT, minutes: COUNT })) }), arr(NONNEG),
  [
    { customers: customers(["Ana", 0, 5], ["Ben", 2, 3], ["Cleo", 4, 4]) },
    { customers: customers(["Dev", 10, 2], ["Eve", 20, 6], ["Finn", 21, 1]) },
  ],
  each("customers", {
    no_customers: [],
    one_customer: customers(["Solo", 7, 9]),
    arrives_as_counter_frees: customers(["A", 0, 5], ["B", 5, 2]),
    one_minute_early: customers(["A", 0, 5], ["B", 4, 2]),
    zero_minute_service: customers(["A", 3, 0], ["B", 3, 4], ["C", 3, 0]),
    everyone_at_opening: customers(["A", 0, 3], ["B", 0, 3], ["C", 0, 3], ["D", 0, 3]),
    idle_gap_then_rush: customers(["A", 0, 2], ["B", 30, 10], ["C", 31, 5], ["D", 32, 1], ["E", 50, 4]),
    same_name_twice: customers(["Sam", 1, 4], ["Sam", 2, 4]),
  }));

const comments = (...r) => rows(["id", "parent"], ...r);
spec("reply_counts_per_comment",
  "How many replies each top-level comment of a thread has drawn: each comment has an id and the id of the comment it replies to (parent), or null when it is a top-level comment. For every top-level comment, the number of comments under it at any depth (replies to replies count too). An object from top-level comment id to its count, in list order. A reply whose parent is not in the list (or whose chain of parents never reaches a top-level comment) is counted nowhere.",
  obj({ comments: arr(obj({ id: "string", parent: { type: ["string", "null"] } })) }), mapOf(COUNT),
  [
    { comments: comments(["c1", null], ["c2", "c1"], ["c3", "c2"], ["c4", null], ["c5", "c1"]) },
    { comments: comments(["a", null], ["b", null], ["r1", "b"], ["r2", "b"]) },
  ],
  each("comments", {
    no_comments: [],
    only_top_level: comments(["x", null], ["y", null]),
    deep_chain: comments(["t", null], ["1", "t"], ["2", "1"], ["3", "2"], ["4", "3"]),
    reply_listed_before_parent: comments(["r", "p"], ["p", null]),
    missing_parent: comments(["t", null], ["orphan", "gone"], ["child", "orphan"]),
    loop_without_top: comments(["a", "b"], ["b", "a"], ["t", null]),
    wide_thread: comments(["q", null], ["a1", "q"], ["a2", "q"], ["a3", "q"], ["b1", "a1"], ["b2", "a2"], ["z", null], ["z1", "z"]),
    reply_to_reply_of_other_thread: comments(["one", null], ["two", null], ["x", "one"], ["y", "x"], ["w", "two"]),
  }));

const doors = (...r) => rows(["a", "b"], ...r);
spec("rooms_reachable_through_doors",
  "Which rooms of a building I can walk to from the room I'm in: each door connects two rooms and can be used both ways. The rooms reachable from start through any number of doors, not counting start itself, sorted by name (plain character order, so capitals before lower case). Empty when no door leads anywhere from start.",
  obj({ doors: arr(obj({ a: "string", b: "string" })), start: "string" }), arr("string"),
  [
    { doors: doors(["hall", "kitchen"], ["hall", "lounge"], ["kitchen", "pantry"], ["garage", "shed"]), start: "hall" },
    { doors: doors(["A", "B"], ["B", "C"]), start: "C" },
  ],
  {
    no_doors: { doors: [], start: "hall" },
    start_not_in_any_door: { doors: doors(["x", "y"]), start: "z" },
    door_to_itself: { doors: doors(["loft", "loft"]), start: "loft" },
    cycle_of_rooms: { doors: doors(["a", "b"], ["b", "c"], ["c", "a"]), start: "b" },
    separate_wing: { doors: doors(["lobby", "office"], ["lab", "store"], ["store", "yard"]), start: "store" },
    capitals_sort_first: { doors: doors(["m", "beta"], ["m", "Alpha"], ["m", "alpha"]), start: "m" },
    long_corridor: { doors: doors(["r1", "r2"], ["r2", "r3"], ["r3", "r4"], ["r4", "r5"], ["r5", "r6"], ["r6", "r7"]), start: "r4" },
    repeated_door: { doors: doors(["a", "b"], ["b", "a"], ["a", "b"]), start: "a" },
  });

const modules = (...r) => rows(["name", "imports"], ...r);
spec("has_circular_imports",
  "Does my project have a circular import? Each module has a name and the names of the modules it imports. True when some module imports itself, directly or through a chain of imports; imports of a module that is not in the list are ignored. A name listed twice imports everything either entry lists.",
  obj({ modules: arr(obj({ name: "string", imports: arr("string") })) }), T("boolean"),
  [
    { modules: modules(["app", ["db", "ui"]], ["db", ["log"]], ["ui", ["log"]], ["log", []]) },
    { modules: modules(["a", ["b"]], ["b", ["c"]], ["c", ["a"]]) },
  ],
  each("modules", {
    no_modules: [],
    imports_itself: modules(["self", ["self"]]),
    diamond_no_cycle: modules(["top", ["l", "r"]], ["l", ["base"]], ["r", ["base"]], ["base", []]),
    unknown_import: modules(["a", ["lodash"]], ["b", ["a", "react"]]),
    two_module_cycle: modules(["x", ["y"]], ["y", ["x"]], ["z", ["x"]]),
    cycle_off_the_main_path: modules(["main", ["util"]], ["util", []], ["p", ["q"]], ["q", ["r"]], ["r", ["p"]]),
    duplicate_entry_closes_loop: modules(["a", ["b"]], ["b", []], ["b", ["a"]]),
    long_chain_no_cycle: modules(["m1", ["m2"]], ["m2", ["m3"]], ["m3", ["m4"]], ["m4", ["m5"]], ["m5", ["m6"]], ["m6", []]),
  }));

const sales = (...r) => rows(["name", "sales"], ...r);
spec("pareto_cumulative_percent",
  "A Pareto table of our products: sort the products by sales, highest first (equal sales: name in alphabetical order), and give each its cumulative share of total sales, the percent of the total made by it and every product before it, rounded to 1 decimal. A list of {name, percent}. When total sales are 0, every percent is 0.",
  obj({ products: arr(obj({ name: "string", sales: NONNEG })) }), arr(obj({ name: "string", percent: NONNEG })),
  [
    { products: sales(["bolts", 200], ["nuts", 500], ["washers", 300]) },
    { products: sales(["tea", 40], ["coffee", 90], ["cocoa", 10], ["juice", 60]) },
  ],
  each("products", {
    no_products: [],
    one_product: sales(["only", 12.5]),
    all_zero: sales(["a", 0], ["b", 0]),
    tie_alphabetical: sales(["pear", 50], ["apple", 50], ["fig", 100]),
    some_zero_sales: sales(["x", 0], ["y", 30], ["z", 0]),
    thirds: sales(["a", 1], ["b", 1], ["c", 1]),
    decimals: sales(["p", 12.34], ["q", 56.78], ["r", 9.1]),
    long_tail: sales(["a", 500], ["b", 250], ["c", 120], ["d", 60], ["e", 40], ["f", 20], ["g", 10]),
  }));

const runs = (...r) => rows(["runner", "seconds"], ...r);
spec("personal_best_flags",
  "Mark personal bests in our running club's results: runs are listed in date order, each with the runner's name and their time in seconds. For each run, true when it is a new personal best for that runner: faster (fewer seconds) than every earlier run of the same runner. A runner's first run is always a personal best; equalling the best so far is not a new one.",
  obj({ runs: arr(obj({ runner: "string", seconds: NONNEG })) }), arr("boolean"),
  [
    { runs: runs(["Kim", 1500], ["Lee", 1620], ["Kim", 1480], ["Lee", 1650]) },
    { runs: runs(["Ola", 300.5], ["Ola", 299.9], ["Ola", 301]) },
  ],
  each("runs", {
    no_runs: [],
    one_run: runs(["Pat", 1234]),
    equal_to_best: runs(["A", 600], ["A", 600]),
    slower_then_faster: runs(["A", 600], ["A", 610], ["A", 590]),
    names_differ_in_case: runs(["jo", 500], ["Jo", 520]),
    interleaved_runners: runs(["A", 10], ["B", 20], ["A", 9], ["B", 21], ["A", 9.5], ["B", 19]),
    zero_seconds: runs(["Z", 0], ["Z", 0]),
    steady_improvement: runs(["R", 2000], ["R", 1990], ["R", 1985], ["R", 1985.5], ["R", 1970], ["R", 1969.9]),
  }));

const people = (...r) => rows(["name", "member", "signed_up"], ...r);
spec("waitlist_by_membership_then_signup",
  "The order of a class waitlist: each person has a name, whether they are a member and when they signed up (a timestamp). Members come first, then non-members; within each, earlier sign-up first; at the same sign-up time, name in alphabetical order ignoring case; still tied, the order of the list. The names in waitlist order.",
  obj({ people: arr(obj({ name: "string", member: "boolean", signed_up: TIMESTAMP })) }), arr("string"),
  [
    { people: people(["Zoe", false, "2026-03-01T09:00:00"], ["Yan", true, "2026-03-02T10:00:00"], ["Xia", true, "2026-03-01T12:00:00"]) },
    { people: people(["Bo", false, "2026-05-10T08:30:00"], ["Al", false, "2026-05-09T20:15:00"]) },
  ],
  each("people", {
    no_people: [],
    one_person: people(["Una", false, "2026-01-01T00:00:00"]),
    same_time_by_name: people(["carl", true, "2026-02-02T10:00:00"], ["Anna", true, "2026-02-02T10:00:00"], ["bea", true, "2026-02-02T10:00:00"]),
    same_name_any_case_keeps_list_order: people(["max", false, "2026-02-02T10:00:00"], ["Max", false, "2026-02-02T10:00:00"]),
    seconds_apart: people(["Late", true, "2026-04-04T12:00:01"], ["Early", true, "2026-04-04T12:00:00"]),
    non_member_signed_earlier: people(["Early", false, "2025-12-31T23:59:59"], ["Member", true, "2026-01-01T00:00:00"]),
    all_non_members: people(["c", false, "2026-06-03T09:00:00"], ["a", false, "2026-06-01T09:00:00"], ["b", false, "2026-06-02T09:00:00"]),
    mixed_group: people(["Ivy", false, "2026-07-01T09:00:00"], ["Hal", true, "2026-07-02T09:00:00"], ["Gus", true, "2026-07-01T09:00:00"], ["Fay", false, "2026-07-01T09:00:00"], ["Eli", true, "2026-07-01T09:00:00"]),
  }));

const requests = (...r) => rows(["team", "amount"], ...r);
spec("budget_filled_in_priority_order",
  "Share out a budget among funding requests listed in priority order, each with a team and an amount. Going down the list, each request is funded in full while the money left covers it; the first request that the money left does not cover gets whatever is left, and every request after it gets 0. An object from team to the amount it gets, rounded to 2 decimals (a team with several requests gets their sum), teams in the order they first appear.",
  obj({ requests: arr(obj({ team: "string", amount: NONNEG })), budget: NONNEG }), mapOf(NONNEG),
  [
    { requests: requests(["design", 3000], ["ops", 5000], ["sales", 4000]), budget: 10000 },
    { requests: requests(["infra", 1200.5], ["qa", 800]), budget: 5000 },
  ],
  {
    no_requests: { requests: [], budget: 1000 },
    zero_budget: { requests: requests(["a", 10], ["b", 20]), budget: 0 },
    exactly_used_up: { requests: requests(["a", 600], ["b", 400], ["c", 50]), budget: 1000 },
    small_request_after_shortfall_gets_nothing: { requests: requests(["big", 900], ["small", 10]), budget: 500 },
    zero_request: { requests: requests(["free", 0], ["paid", 100]), budget: 50 },
    same_team_twice: { requests: requests(["web", 100], ["app", 200], ["web", 300]), budget: 450 },
    cents: { requests: requests(["x", 0.1], ["y", 0.2], ["z", 0.3]), budget: 0.45 },
    many_teams: { requests: requests(["t1", 250], ["t2", 250], ["t3", 250], ["t4", 250], ["t5", 250]), budget: 1100 },
  });

const demands = (...r) => rows(["user", "wants"], ...r);
spec("bandwidth_fair_share",
  "Split a link's capacity fairly among users who each want some amount (max-min fairness): nobody gets more than they want; the capacity is first shared equally, and whatever a user does not need of their equal share is shared equally again among the users who still want more, until everyone has what they want or the capacity is used up. The amount each user gets, in list order, rounded to 2 decimals.",
  obj({ capacity: NONNEG, users: arr(obj({ user: "string", wants: NONNEG })) }), arr(NONNEG),
  [
    { capacity: 10, users: demands(["a", 2], ["b", 8], ["c", 8]) },
    { capacity: 100, users: demands(["tv", 50], ["phone", 10], ["laptop", 30]) },
  ],
  {
    no_users: { capacity: 10, users: [] },
    zero_capacity: { capacity: 0, users: demands(["a", 5], ["b", 1]) },
    everyone_satisfied: { capacity: 50, users: demands(["a", 5], ["b", 10]) },
    equal_wants: { capacity: 9, users: demands(["a", 10], ["b", 10], ["c", 10]) },
    wants_exactly_equal_share: { capacity: 30, users: demands(["a", 10], ["b", 10], ["c", 25]) },
    someone_wants_nothing: { capacity: 12, users: demands(["idle", 0], ["x", 20], ["y", 20]) },
    thirds_of_ten: { capacity: 10, users: demands(["a", 10], ["b", 10], ["c", 10]) },
    cascade: { capacity: 20, users: demands(["a", 1], ["b", 3], ["c", 5], ["d", 9], ["e", 9]) },
    one_user: { capacity: 7.5, users: demands(["solo", 100]) },
  });

spec("page_shown_after_each_navigation",
  "Like a browser's back and forward buttons: I start on a page, then each action is \"BACK\", \"FORWARD\" (exactly, in capitals) or the address of a page I open. Opening a page goes to it and forgets the forward history; BACK returns to the page before the current one if there is one (otherwise nothing happens); FORWARD goes to the page I last came back from, if there is one (otherwise nothing happens). The page shown after each action.",
  obj({ start: "string", actions: arr("string") }), arr("string"),
  [
    { start: "home", actions: ["news", "sport", "BACK", "BACK", "FORWARD"] },
    { start: "a.com", actions: ["b.com", "BACK", "c.com", "FORWARD"] },
  ],
  {
    no_actions: { start: "home", actions: [] },
    back_at_start: { start: "home", actions: ["BACK", "BACK"] },
    forward_with_nothing_ahead: { start: "home", actions: ["x", "FORWARD"] },
    open_clears_forward: { start: "p1", actions: ["p2", "p3", "BACK", "BACK", "p4", "FORWARD", "BACK"] },
    lower_case_back_is_a_page: { start: "home", actions: ["back", "BACK"] },
    same_page_twice: { start: "home", actions: ["home", "BACK", "BACK"] },
    back_then_forward_all_the_way: { start: "1", actions: ["2", "3", "4", "BACK", "BACK", "BACK", "FORWARD", "FORWARD", "FORWARD", "FORWARD"] },
    empty_address: { start: "home", actions: ["", "BACK"] },
  });

spec("lift_stop_order",
  "In what order will the lift stop? It is at floor `at`, moving `direction` (\"up\" or \"down\"), with a list of requested floors. It first stops at every requested floor ahead of it in its direction, nearest first, then turns round and stops at the requested floors on the other side, nearest first. A request for the floor it is at is served first; a floor requested more than once is stopped at once. Floors are whole numbers (basements are negative).",
  obj({ at: T("integer"), direction: { type: "string", enum: ["up", "down"] }, requests: arr(T("integer")) }), arr(T("integer")),
  [
    { at: 3, direction: "up", requests: [5, 1, 7, 2] },
    { at: 6, direction: "down", requests: [8, 2, 4] },
  ],
  {
    no_requests: { at: 0, direction: "up", requests: [] },
    only_behind: { at: 5, direction: "up", requests: [1, 4, 2] },
    current_floor_requested: { at: 4, direction: "down", requests: [6, 4, 1] },
    duplicates: { at: 2, direction: "up", requests: [5, 5, 0, 0, 5] },
    basements: { at: 0, direction: "down", requests: [-2, 3, -1, 1] },
    all_ahead_going_down: { at: 10, direction: "down", requests: [9, 3, 7] },
    only_current_floor: { at: 7, direction: "up", requests: [7, 7] },
    busy_building: { at: 12, direction: "up", requests: [15, 3, 20, 12, 9, 14, 1, 30] },
  });

spec("words_grouped_as_anagrams",
  "Group a list of words into anagrams: two words are in the same group when they are made of the same characters the same number of times, ignoring case (Listen and silent). Groups in the order their first word appears, the words of each group in list order as written; repeated words are kept, and a word with no anagram is a group of its own.",
  obj({ words: arr("string") }), arr(arr("string")),
  [
    { words: ["listen", "google", "Silent", "enlist", "banana"] },
    { words: ["tea", "eat", "ate", "tan", "nat"] },
  ],
  each("words", {
    no_words: [],
    one_word: ["solo"],
    repeated_word: ["stop", "pots", "stop"],
    case_only: ["Dog", "god", "GOD"],
    different_counts: ["aab", "abb", "bab"],
    with_spaces: ["dormitory", "dirty room", "dirtyroom"],
    empty_word: ["", "a", ""],
    many_groups: ["rat", "tar", "art", "star", "tars", "cheese", "arts", "rats", "Tsar"],
  }));

const invoices = (...r) => rows(["id", "amount", "days_overdue"], ...r);
spec("receivables_aging_buckets",
  "An aging report of what customers owe us: each unpaid invoice has an id, an amount and how many days overdue it is (0 or negative when not yet overdue). The total amount in each bucket: \"current\" (0 days or fewer), \"1-30\", \"31-60\", \"61-90\" and \"over 90\" days overdue. All five buckets are always given, in that order, each rounded to 2 decimals.",
  obj({ invoices: arr(obj({ id: "string", amount: T("number"), days_overdue: T("integer") })) }),
  obj({ current: T("number"), "1-30": T("number"), "31-60": T("number"), "61-90": T("number"), "over 90": T("number") }),
  [
    { invoices: invoices(["INV-1", 500, 12], ["INV-2", 250, -5], ["INV-3", 1200, 45], ["INV-4", 80, 120]) },
    { invoices: invoices(["A", 99.99, 0], ["B", 10, 75]) },
  ],
  each("invoices", {
    no_invoices: [],
    bucket_edges_low: invoices(["a", 1, 1], ["b", 2, 31], ["c", 4, 61], ["d", 8, 91]),
    bucket_edges_high: invoices(["a", 1, 30], ["b", 2, 60], ["c", 4, 90], ["d", 8, 0]),
    long_overdue: invoices(["x", 300, 400], ["y", 0.5, 365]),
    credit_note: invoices(["inv", 100, 20], ["credit", -30, 20]),
    cents: invoices(["a", 0.1, 5], ["b", 0.2, 6], ["c", 0.7, 7]),
    all_current: invoices(["a", 10, -30], ["b", 20, 0]),
    zero_amounts: invoices(["a", 0, 50]),
  }));

const charges = (...r) => rows(["id", "card", "amount", "minute"], ...r);
spec("possible_double_charges",
  "Flag possible double charges: charges are listed in time order, each with an id, a card, an amount and the minute it happened. A charge is a possible double charge when an earlier charge on the same card for the same amount happened at most 5 minutes before it (exactly 5 minutes counts). The ids of those charges, in list order.",
  obj({ charges: arr(obj({ id: "string", card: "string", amount: T("number"), minute: COUNT })) }), arr("string"),
  [
    { charges: charges(["t1", "4111", 19.99, 100], ["t2", "4111", 19.99, 102], ["t3", "5500", 19.99, 103]) },
    { charges: charges(["a", "c1", 50, 0], ["b", "c1", 50, 30], ["c", "c1", 5, 31]) },
  ],
  each("charges", {
    no_charges: [],
    exactly_five_minutes: charges(["a", "k", 10, 60], ["b", "k", 10, 65]),
    six_minutes: charges(["a", "k", 10, 60], ["b", "k", 10, 66]),
    same_minute: charges(["a", "k", 3.5, 9], ["b", "k", 3.5, 9]),
    different_amount: charges(["a", "k", 10, 1], ["b", "k", 10.01, 2]),
    triple_charge: charges(["a", "k", 7, 10], ["b", "k", 7, 12], ["c", "k", 7, 16]),
    chain_each_within_five: charges(["a", "k", 7, 0], ["b", "k", 7, 4], ["c", "k", 7, 8]),
    other_card_between: charges(["a", "x", 20, 5], ["b", "y", 20, 6], ["c", "x", 20, 9]),
    many: charges(["1", "p", 5, 0], ["2", "q", 5, 1], ["3", "p", 6, 2], ["4", "p", 5, 3], ["5", "q", 5, 7], ["6", "q", 5, 12], ["7", "p", 6, 20]),
  }));

const paths = (...r) => rows(["from", "to", "minutes"], ...r);
spec("quickest_walking_minutes",
  "The quickest walk between two places on campus: each path joins two places and takes some minutes, the same either way. The fewest total minutes to walk from `from` to `to` along paths; 0 when they are the same place, -1 when no paths connect them.",
  obj({ paths: arr(obj({ from: "string", to: "string", minutes: NONNEG })), from: "string", to: "string" }), T("number"),
  [
    { paths: paths(["library", "cafe", 4], ["cafe", "gym", 6], ["library", "gym", 12]), from: "library", to: "gym" },
    { paths: paths(["A", "B", 3], ["B", "C", 3], ["A", "C", 5], ["C", "D", 1]), from: "D", to: "A" },
  ],
  {
    no_paths: { paths: [], from: "a", to: "b" },
    same_place: { paths: paths(["a", "b", 2]), from: "a", to: "a" },
    same_place_not_on_map: { paths: [], from: "x", to: "x" },
    unreachable: { paths: paths(["a", "b", 2], ["c", "d", 2]), from: "a", to: "d" },
    longer_route_is_quicker: { paths: paths(["s", "t", 30], ["s", "m", 10], ["m", "n", 10], ["n", "t", 9]), from: "s", to: "t" },
    parallel_paths: { paths: paths(["a", "b", 8], ["b", "a", 5], ["a", "b", 6]), from: "a", to: "b" },
    zero_minute_path: { paths: paths(["a", "b", 0], ["b", "c", 4]), from: "a", to: "c" },
    half_minutes: { paths: paths(["a", "b", 1.5], ["b", "c", 2.5], ["a", "c", 4.5]), from: "c", to: "a" },
    grid: { paths: paths(["a1", "a2", 2], ["a2", "a3", 2], ["b1", "b2", 1], ["b2", "b3", 7], ["a1", "b1", 3], ["a2", "b2", 1], ["a3", "b3", 1]), from: "b1", to: "b3" },
  });

const files = (...r) => rows(["path", "bytes"], ...r);
spec("folder_total_sizes",
  "How much space each folder takes: files are given by their path (folders separated by \"/\", no leading slash, at most 260 characters) and size in bytes. Every folder's total is the bytes of all files in it and in its subfolders, at any depth; a file at the top level is in no folder. An object from folder path (like \"docs/img\") to total bytes, folders in the order they are first met going down the list, a folder before its own subfolders.",
  obj({ files: arr(obj({ path: { type: "string", maxLength: 260 }, bytes: COUNT })) }), mapOf(COUNT),
  [
    { files: files(["docs/readme.md", 1200], ["docs/img/logo.png", 5400], ["src/main.js", 800]) },
    { files: files(["a/b/c/d.txt", 10], ["a/x.txt", 5]) },
  ],
  each("files", {
    no_files: [],
    top_level_only: files(["notes.txt", 100], ["todo.md", 50]),
    empty_file: files(["logs/empty.log", 0]),
    sibling_folders: files(["music/rock/a.mp3", 3000], ["music/jazz/b.mp3", 2000], ["music/rock/c.mp3", 1000]),
    similar_names: files(["app/x", 1], ["apple/y", 2], ["app/le/z", 4]),
    subfolder_first: files(["p/q/r.txt", 7], ["p/s.txt", 3]),
    case_sensitive: files(["Docs/a", 1], ["docs/b", 2]),
    deep_and_wide: files(["r/a/1", 1], ["r/a/2", 2], ["r/b/3", 4], ["r/b/c/4", 8], ["r/5", 16], ["t/6", 32]),
  }));

const staff = (...r) => rows(["name", "manager"], ...r);
spec("reporting_line_to_top",
  "Who does this person report to, all the way up? Each person has a name and their manager's name (null for the person at the top). The chain of managers above `person`, nearest first. The chain ends at someone whose manager is null, or at a manager who is not in the list (their name is still the last one given), or just before a name would come up a second time (a loop). Empty when `person` is not in the list; if a name is listed twice, its first entry counts.",
  obj({ staff: arr(obj({ name: "string", manager: { type: ["string", "null"] } })), person: "string" }), arr("string"),
  [
    { staff: staff(["Ceo", null], ["Vp", "Ceo"], ["Lead", "Vp"], ["Dev", "Lead"]), person: "Dev" },
    { staff: staff(["Ann", null], ["Bob", "Ann"], ["Cy", "Ann"]), person: "Cy" },
  ],
  {
    no_staff: { staff: [], person: "Dev" },
    person_at_top: { staff: staff(["Boss", null]), person: "Boss" },
    person_missing: { staff: staff(["Boss", null], ["Me", "Boss"]), person: "You" },
    manager_not_listed: { staff: staff(["Me", "Outsider"]), person: "Me" },
    loop: { staff: staff(["a", "b"], ["b", "c"], ["c", "a"]), person: "a" },
    manages_self: { staff: staff(["odd", "odd"]), person: "odd" },
    listed_twice: { staff: staff(["x", "first"], ["x", "second"], ["first", null], ["second", null]), person: "x" },
    long_chain: { staff: staff(["l6", "l5"], ["l5", "l4"], ["l4", "l3"], ["l3", "l2"], ["l2", "l1"], ["l1", null]), person: "l6" },
  });

spec("average_so_far_after_each_game",
  "A player's points per game as the season goes on: the points they scored in each game, in order, or null for a game they did not play. After each game, the average of the points in the games played so far, rounded to 1 decimal; null while no game has been played yet. A game not played does not count.",
  obj({ points: arr({ type: ["number", "null"] }) }), arr({ type: ["number", "null"] }),
  [
    { points: [12, 20, null, 7] },
    { points: [null, 30, 25] },
  ],
  each("points", {
    no_games: [],
    all_missed: [null, null],
    zeros: [0, 0, 10],
    one_game: [17],
    thirds: [10, 11, 11],
    negative_points: [-2, 4],
    decimals: [2.5, 3.5, 4.25],
    long_season: [22, 18, null, 31, 9, 14, null, null, 27, 20, 16, 25],
  }));

const tables = (...r) => rows(["name", "seats"], ...r);
spec("party_table_assignment",
  "Seat walk-in parties at a restaurant: the tables each have a name and a number of seats, and parties arrive in order, given by their size. Each party gets the smallest free table with at least as many seats as people; among equally small tables, the one listed first. A table once given stays taken. A party that no free table fits gets null. The table name for each party, in arrival order.",
  obj({ tables: arr(obj({ name: "string", seats: COUNT })), parties: arr(COUNT) }), arr({ type: ["string", "null"] }),
  [
    { tables: tables(["T1", 2], ["T2", 4], ["T3", 6]), parties: [3, 2, 5] },
    { tables: tables(["bar", 2], ["window", 4]), parties: [4, 4, 1] },
  ],
  {
    no_parties: { tables: tables(["A", 4]), parties: [] },
    no_tables: { tables: [], parties: [2, 1] },
    exact_fit: { tables: tables(["A", 4], ["B", 3]), parties: [3, 4] },
    equal_tables_list_order: { tables: tables(["X", 4], ["Y", 4], ["Z", 4]), parties: [2, 2] },
    too_big: { tables: tables(["A", 6]), parties: [8, 6] },
    party_of_zero: { tables: tables(["A", 2], ["B", 0]), parties: [0, 1] },
    big_party_takes_last_big_table: { tables: tables(["s", 2], ["m", 4], ["l", 8]), parties: [5, 3, 3, 2, 2] },
    busy_night: { tables: tables(["1", 2], ["2", 2], ["3", 4], ["4", 4], ["5", 6], ["6", 10]), parties: [4, 2, 6, 1, 3, 4, 2, 2, 7] },
  });

const follows = (...r) => rows(["from", "to"], ...r);
spec("mutual_follower_pairs",
  "Who follows each other back? Each entry says that `from` follows `to`. The pairs of people who follow each other, each pair once as [a, b] with a before b in plain character order, the pairs sorted by their first name then their second. Following yourself does not count.",
  obj({ follows: arr(obj({ from: "string", to: "string" })) }), arr(arr("string")),
  [
    { follows: follows(["ana", "ben"], ["ben", "ana"], ["ana", "cat"], ["cat", "dan"], ["dan", "cat"]) },
    { follows: follows(["x", "y"], ["y", "z"]) },
  ],
  each("follows", {
    no_follows: [],
    self_follow: follows(["me", "me"]),
    listed_twice: follows(["a", "b"], ["b", "a"], ["a", "b"], ["b", "a"]),
    case_matters: follows(["Ann", "bob"], ["bob", "ann"]),
    capitals_first: follows(["zed", "Zed"], ["Zed", "zed"]),
    one_way_only: follows(["a", "b"], ["a", "c"], ["a", "d"]),
    everyone_mutual: follows(["c", "a"], ["a", "c"], ["b", "c"], ["c", "b"], ["a", "b"], ["b", "a"]),
    mixed: follows(["m", "k"], ["k", "m"], ["k", "j"], ["j", "m"], ["m", "j"], ["q", "q"], ["p", "k"]),
  }));

// ---- strings (15) --------------------------------------------------------------------------------

spec("soundex_code_of_surname",
  "The Soundex code of a surname, for finding names that sound alike: keep the first letter, in capitals; code the other letters b f p v = 1; c g j k q s x z = 2; d t = 3; l = 4; m n = 5; r = 6. Letters next to each other with the same code (the first letter included) give that code once; h and w are skipped without separating such letters; a e i o u y are dropped but do separate them, so the same code after a vowel is written again. Anything but the letters a-z (either case) is ignored. Pad with 0s or cut to four characters; \"\" when the name has no letter.",
  obj({ name: "string" }), T("string"),
  [{ name: "Robert" }, { name: "Tymczak" }, { name: "Lee" }],
  each("name", {
    empty: "",
    no_letters: "123 -",
    ashcraft_h_does_not_separate: "Ashcraft",
    pfister_first_letter_code: "Pfister",
    vowel_separates: "Tutu",
    lower_case_and_apostrophe: "o'hara",
    long_name: "Washington",
    single_letter: "x",
    double_barrelled: "Smith-Jones",
    accented_letter_ignored: "Müller",
  }));

spec("wordiest_line",
  "Which line of a text has the most words? Words are runs of characters other than spaces and tabs. The line with the most words, without its line ending (\\n or \\r\\n) and without spaces or tabs at its start and end; on a tie, the first such line. \"\" for an empty text.",
  obj({ text: "string" }), T("string"),
  [
    { text: "Dear team,\nthe launch moves to next Tuesday.\nThanks" },
    { text: "one two\nthree four five\nsix" },
  ],
  each("text", {
    empty: "",
    one_line: "  just this line  ",
    tie_first_wins: "a b\nc d\ne",
    crlf: "short\r\nthis one is longer\r\nmid line here",
    blank_lines: "\n\n   \n",
    tabs_separate_words: "a\tb\tc\nd e",
    many_spaces: "x     y\nz",
    trailing_newline: "first line\nsecond line here\n",
  }));

spec("url_encoded_text",
  "Percent-encode a text to put it in a URL: the letters A-Z and a-z, the digits and the four characters - _ . ~ stay as they are; every other character becomes, for each byte of its UTF-8 encoding, a % followed by two capital hex digits (a space is %20, é is %C3%A9).",
  obj({ text: "string" }), T("string"),
  [{ text: "hello world" }, { text: "price=10&currency=€" }],
  each("text", {
    empty: "",
    unreserved_kept: "Az09-_.~",
    reserved_encoded: "!*'();:@&=+$,/?#[]",
    percent_sign: "100%",
    accents: "café crème",
    emoji: "ok 👍",
    newline_and_tab: "a\nb\tc",
    plus_is_not_space: "1+1",
  }));

spec("words_from_one_keyboard_row",
  "The words I can type using the letters of only one row of a US keyboard: qwertyuiop, asdfghjkl or zxcvbnm, ignoring case. A word with any character that is not a letter a-z, or with no letter at all, is left out. The words that qualify, in list order, as written.",
  obj({ words: arr("string") }), arr("string"),
  [{ words: ["Alaska", "Dad", "Peace", "typewriter"] }, { words: ["zoom", "mnm", "sad"] }],
  each("words", {
    no_words: [],
    empty_word: [""],
    single_letters: ["q", "A", "z"],
    mixed_rows: ["hello", "world", "flash"],
    upper_case: ["QWERTY", "ASDF"],
    with_digit_or_hyphen: ["pop2", "fad-fad", "tree"],
    repeated_words: ["err", "err", "all"],
    longer_list: ["proprietor", "equipotential", "flags", "zxcvb", "rupture", "bank", "pretty", "gaffs"],
  }));

spec("first_unrepeated_character",
  "The first character of a text that appears in it exactly once. Every character counts, spaces and punctuation included, and case matters (A and a are different). \"\" when every character repeats or the text is empty.",
  obj({ text: "string" }), T("string"),
  [{ text: "swiss" }, { text: "level up" }],
  each("text", {
    empty: "",
    all_repeat: "aabbcc",
    case_differs: "aA",
    space_is_a_character: "aa bb",
    last_character: "xxyyz",
    single: "q",
    digits: "1231",
    long_text: "the quick brown fox jumps over the lazy dog the quick brown fox",
  }));

spec("case_swapped_text",
  "Swap the case of a text's letters, like Caps Lock left on by mistake: the letters A-Z become a-z and a-z become A-Z; every other character, accented letters included, stays as it is.",
  obj({ text: "string" }), T("string"),
  [{ text: "hELLO wORLD" }, { text: "Caps Lock" }],
  each("text", {
    empty: "",
    digits_and_symbols: "R2-D2 & c3po!",
    all_upper: "SHOUTING",
    all_lower: "quiet",
    accented_unchanged: "Éclair über",
    newlines: "Line One\nline TWO",
    mixed: "iPhone XR, macOS",
    single: "z",
  }));

spec("settings_aligned_on_equals",
  "Tidy a settings file of key=value lines so the equals signs line up: each line with an = becomes the key, padded with spaces on the right to the length of the longest key, then \" = \", then the value; key and value are trimmed of spaces, and the line is split at its first =. Lines without an = stay as they are and do not count for the width. Lines end with \\n in the result (a \\r\\n becomes \\n).",
  obj({ text: "string" }), T("string"),
  [
    { text: "host=localhost\nport = 8080\ntimeout_seconds=30" },
    { text: "# database\nname=shop\nuser =admin" },
  ],
  each("text", {
    empty: "",
    one_line: "a=b",
    value_with_equals: "url=http://x.io/?a=1\nk=v",
    empty_value: "debug=\nlevel=info",
    crlf: "aa=1\r\nb=2",
    trailing_newline: "x=1\nlong_key=2\n",
    spaces_around: "   spaced   =   out   \nk=v",
    no_equals_anywhere: "just text\nmore text",
  }));

spec("dna_reverse_complement",
  "The reverse complement of a DNA strand: read the strand backwards and swap A with T and C with G, keeping each letter's case (a becomes t). Any other character (N, a dash) stays as it is, in its reversed position.",
  obj({ strand: "string" }), T("string"),
  [{ strand: "ATGC" }, { strand: "GGCATTA" }],
  each("strand", {
    empty: "",
    single_base: "A",
    lower_case: "atgc",
    mixed_case: "AaCcGgTt",
    unknown_bases: "ANNG-T",
    palindrome: "GAATTC",
    long_strand: "ATGCGTACGTTAGCCATGGCTAGCTAGGCTAACGT",
    u_is_other: "AUG",
  }));

spec("first_clock_time_in_text",
  "Find the first time of day written in a message, as H:MM or HH:MM on a 24-hour clock (hours 0 to 23, minutes 00 to 59), and give it as HH:MM with a leading zero. A time must not be part of a longer run of digits (the 23:45 in 123:45 is not a time, nor the 12:34 in 12:345); am and pm are not read. \"\" when there is none.",
  obj({ text: "string" }), T("string"),
  [{ text: "Meeting moved to 9:30 in room 4" }, { text: "Train leaves 17:05, arrives 19:40" }],
  each("text", {
    empty: "",
    no_time: "See you tomorrow",
    midnight: "Deadline 0:00 sharp",
    late_evening: "at 23:59",
    hour_24_invalid: "24:00 then 7:15",
    minutes_60_invalid: "12:60 or 12:59",
    inside_digits: "code 123:45 and 12:345",
    seconds_after: "log at 10:30:15",
    pm_ignored: "call at 3:15pm",
    start_of_text: "08:00 standup",
  }));

spec("words_per_sentence",
  "How long are my sentences? Every '.', '!' or '?' ends a sentence (a run of them, like \"?!\" or \"...\", ends just one), and text after the last one is a sentence too if it has words. Words are runs of characters other than spaces, tabs and line breaks. The number of words in each sentence, in order; a sentence with no words is left out.",
  obj({ text: "string" }), arr(COUNT),
  [{ text: "I came. I saw. I conquered!" }, { text: "Is it ready? Not yet, maybe tomorrow" }],
  each("text", {
    empty: "",
    no_ending: "just some words here",
    ellipsis: "Well... I guess so.",
    only_punctuation: "?!.",
    decimal_point_splits: "It costs 3.50 today.",
    line_breaks: "First line\nstill first. Second\nsentence!",
    many_sentences: "Go. Stop. Go again. Wait for it... Now! Done?",
    extra_spaces: "   spaced    out   .   ",
  }));

spec("spoonerism_of_two_words",
  "Make a spoonerism of two words by swapping their beginnings: a word's beginning is everything before its first vowel (a, e, i, o or u, either case), so a word starting with a vowel has an empty beginning and a word with no vowel is all beginning. The two new words joined by one space; letters move as they are, case unchanged.",
  obj({ first: "string", second: "string" }), T("string"),
  [{ first: "belly", second: "jeans" }, { first: "crushing", second: "blow" }],
  {
    vowel_start: { first: "apple", second: "tree" },
    both_vowel_start: { first: "owl", second: "eagle" },
    no_vowel_word: { first: "shh", second: "mate" },
    capitals_move: { first: "Trade", second: "Lime" },
    y_is_not_a_vowel: { first: "fly", second: "sky" },
    empty_word: { first: "", second: "bat" },
    clusters: { first: "shrink", second: "scrap" },
    same_beginning: { first: "big", second: "bag" },
  });

spec("diff_added_removed_counts",
  "Summarise a unified diff: count the added lines (starting with '+') and the removed lines (starting with '-'), not counting the file header lines that start with '+++' or '---'. Lines end with \\n or \\r\\n. An object {added, removed}.",
  obj({ diff: "string" }), obj({ added: COUNT, removed: COUNT }),
  [
    { diff: "--- a/app.js\n+++ b/app.js\n@@ -1,3 +1,3 @@\n const a = 1;\n-const b = 2;\n+const b = 3;\n+const c = 4;" },
    { diff: "@@ -5,2 +5,1 @@\n-old line\n-another\n+new" },
  ],
  each("diff", {
    empty: "",
    context_only: " a\n b\n c",
    headers_only: "--- a/x\n+++ b/x",
    crlf: "+a\r\n-b\r\n+c\r\n",
    plus_plus_not_header: "++i;\n--j;",
    indented_plus_is_context: " +not added\n -not removed",
    two_files: "--- a/1\n+++ b/1\n+x\n--- a/2\n+++ b/2\n-y\n-z",
    four_dashes_header: "----\n++++",
  }));

spec("multitap_key_presses",
  "How many key presses to type a text message on an old phone keypad: each letter takes as many presses as its place on its key, with 2 abc, 3 def, 4 ghi, 5 jkl, 6 mno, 7 pqrs, 8 tuv and 9 wxyz (so a is 1 press, c 3, s 4, z 4), in either case; a space is 1 press (of 0). Any other character cannot be typed and adds nothing. The total number of presses.",
  obj({ text: "string" }), COUNT,
  [{ text: "hi" }, { text: "see you soon" }],
  each("text", {
    empty: "",
    fourth_letters: "sz",
    upper_case: "ABC",
    punctuation_ignored: "ok!?",
    only_spaces: "   ",
    digits_ignored: "4 u",
    every_letter: "abcdefghijklmnopqrstuvwxyz",
    accents_ignored: "café",
  }));

spec("bold_markdown_as_html",
  "Turn Markdown bold into HTML: going left to right, each pair of double asterisks with at least one character between them on the same line, **like this**, becomes <b>like this</b>, taking the nearest closing ** each time. A ** without a partner, and four asterisks in a row with nothing between, stay as they are. Nothing else changes.",
  obj({ text: "string" }), T("string"),
  [{ text: "This is **important** news" }, { text: "**a** and **b**" }],
  each("text", {
    empty: "",
    no_bold: "plain *italic* text",
    unpaired: "price **10 off",
    nothing_between: "empty **** here",
    not_across_lines: "**start\nend**",
    three_markers: "**one** two **three",
    single_character: "x**y**z",
    spaces_inside: "** spaced **",
  }));

spec("text_shortened_in_middle",
  "Shorten a long file name or text to fit in `max` characters by cutting out its middle: if it has at most `max` characters it stays as it is; otherwise keep its first (max - 1) / 2 characters rounded up and its last (max - 1) / 2 rounded down, with a single \"…\" between them, so the result is exactly `max` characters long.",
  obj({ text: "string", max: { type: "integer", minimum: 1 } }), T("string"),
  [{ text: "quarterly_report_final_v2.pdf", max: 15 }, { text: "short.txt", max: 20 }],
  {
    empty: { text: "", max: 5 },
    exactly_max: { text: "abcde", max: 5 },
    one_over: { text: "abcdef", max: 5 },
    even_max: { text: "0123456789", max: 6 },
    max_one: { text: "hello", max: 1 },
    max_two: { text: "hello", max: 2 },
    max_three: { text: "hello", max: 3 },
    long_path: { text: "/home/user/projects/capsmith/tests/fixtures/specs/file.json", max: 24 },
  });

// ---- numbers and units (10) ----------------------------------------------------------------------

spec("thunder_distance_km",
  "How far away is the storm? Count the seconds between the lightning and the thunder; sound travels 343 metres a second. The distance in kilometres, rounded to 1 decimal.",
  obj({ seconds: NONNEG }), NONNEG,
  [{ seconds: 3 }, { seconds: 10 }],
  each("seconds", {
    zero: 0,
    one_second: 1,
    half_second: 0.5,
    just_under_a_km: 2.9,
    a_minute: 60,
    fractional: 7.3,
    long_delay: 45,
    two_seconds: 2,
  }));

spec("microwave_time_for_wattage",
  "Adjust a ready meal's microwave time to my oven: the packet says `seconds` at `packet_watts`, and my microwave has `my_watts`. The time scales inversely with the power (seconds × packet_watts / my_watts), rounded to the nearest 5 seconds, and is given as M:SS (minutes without a leading zero and possibly above 59, seconds with two digits).",
  obj({ seconds: COUNT, packet_watts: { type: "number", minimum: 1 }, my_watts: { type: "number", minimum: 1 } }), T("string"),
  [{ seconds: 240, packet_watts: 800, my_watts: 1000 }, { seconds: 150, packet_watts: 900, my_watts: 700 }],
  {
    same_power: { seconds: 90, packet_watts: 800, my_watts: 800 },
    zero_seconds: { seconds: 0, packet_watts: 750, my_watts: 900 },
    under_a_minute: { seconds: 45, packet_watts: 1000, my_watts: 850 },
    rounds_down: { seconds: 61, packet_watts: 1000, my_watts: 1000 },
    rounds_up: { seconds: 64, packet_watts: 1000, my_watts: 1000 },
    weak_oven: { seconds: 300, packet_watts: 1100, my_watts: 600 },
    over_an_hour: { seconds: 3000, packet_watts: 1200, my_watts: 500 },
    exact_minute: { seconds: 100, packet_watts: 600, my_watts: 1000 },
  });

spec("shirt_size_from_chest_cm",
  "Which shirt size fits a chest measurement in centimetres: XS below 86; S from 86 up to but not including 94; M from 94 below 102; L from 102 below 110; XL from 110 below 118; XXL at 118 or more.",
  obj({ chest_cm: NONNEG }), { type: "string", enum: ["XS", "S", "M", "L", "XL", "XXL"] },
  [{ chest_cm: 98 }, { chest_cm: 112.5 }],
  each("chest_cm", {
    zero: 0,
    just_below_s: 85.9,
    s_starts: 86,
    m_starts: 94,
    just_below_l: 101.99,
    l_starts: 102,
    xl_starts: 110,
    xxl_starts: 118,
    very_large: 150,
  }));

spec("full_frame_equivalent_focal_mm",
  "The full-frame equivalent focal length of a lens on a camera's sensor: the focal length times the sensor's crop factor, which is 1 for \"full frame\", 1.5 for \"APS-C\", 1.6 for \"Canon APS-C\", 2 for \"Micro Four Thirds\" and 2.7 for \"1-inch\". In millimetres, rounded to a whole number.",
  obj({ focal_mm: NONNEG, sensor: { type: "string", enum: ["full frame", "APS-C", "Canon APS-C", "Micro Four Thirds", "1-inch"] } }), NONNEG,
  [{ focal_mm: 50, sensor: "APS-C" }, { focal_mm: 25, sensor: "Micro Four Thirds" }],
  {
    full_frame_unchanged: { focal_mm: 50, sensor: "full frame" },
    canon_crop: { focal_mm: 18, sensor: "Canon APS-C" },
    one_inch: { focal_mm: 8.8, sensor: "1-inch" },
    zero: { focal_mm: 0, sensor: "APS-C" },
    fractional_focal: { focal_mm: 4.3, sensor: "Micro Four Thirds" },
    telephoto: { focal_mm: 300, sensor: "Canon APS-C" },
    one_inch_long: { focal_mm: 37.1, sensor: "1-inch" },
    apsc_fractional: { focal_mm: 16.5, sensor: "APS-C" },
  });

spec("led_series_resistor_ohms",
  "Which resistor to put in series with an LED: the resistance needed is (supply_v − led_v) / current, with the current given in milliamps (20 mA is 0.02 A). Give the smallest standard E12 value at or above it: 10, 12, 15, 18, 22, 27, 33, 39, 47, 56, 68 or 82 times a power of ten, the smallest being 1 ohm (1, 1.2, 1.5, ... 8.2, 10, 12, ...). 0 when the supply is not above the LED's voltage.",
  obj({ supply_v: NONNEG, led_v: NONNEG, current_ma: { type: "number", minimum: 0.001 } }), NONNEG,
  [{ supply_v: 5, led_v: 2, current_ma: 20 }, { supply_v: 12, led_v: 3.2, current_ma: 15 }],
  {
    exactly_standard: { supply_v: 9, led_v: 2.2, current_ma: 10 },
    supply_equal_to_led: { supply_v: 3, led_v: 3, current_ma: 20 },
    supply_below_led: { supply_v: 2, led_v: 3, current_ma: 20 },
    tiny_resistance: { supply_v: 3.3, led_v: 3.2, current_ma: 200 },
    between_decades: { supply_v: 5, led_v: 1.8, current_ma: 3.5 },
    just_above_82: { supply_v: 5, led_v: 1, current_ma: 48 },
    high_resistance: { supply_v: 24, led_v: 2, current_ma: 0.5 },
    three_point_three_volts: { supply_v: 3.3, led_v: 2.1, current_ma: 10 },
  });

spec("price_per_litre_from_gallon",
  "Compare fuel prices across the Atlantic: turn a price per US gallon into a price per litre. A US gallon is 3.785411784 litres. The price per litre, rounded to 3 decimals.",
  obj({ per_gallon: NONNEG }), NONNEG,
  [{ per_gallon: 3.49 }, { per_gallon: 4.15 }],
  each("per_gallon", {
    zero: 0,
    one_dollar: 1,
    exactly_one_litre_worth: 3.785411784,
    cheap: 2.19,
    expensive: 6.89,
    whole: 5,
    tiny: 0.01,
    big: 100,
  }));

spec("wallpaper_rolls_for_room",
  "How many rolls of wallpaper for a rectangular room: the wall area is the room's perimeter, 2 × (length + width), times the wall height, all in metres (doors and windows are not taken off). A roll is 10.05 m long and 0.53 m wide, so it covers 5.3265 m². The rolls needed are the wall area divided by a roll's area, rounded up to a whole roll, plus 1 spare roll; 0 (no spare either) when the wall area is 0.",
  obj({ length_m: NONNEG, width_m: NONNEG, height_m: NONNEG }), COUNT,
  [{ length_m: 4, width_m: 3, height_m: 2.4 }, { length_m: 5.5, width_m: 4.2, height_m: 2.7 }],
  {
    zero_height: { length_m: 4, width_m: 3, height_m: 0 },
    zero_room: { length_m: 0, width_m: 0, height_m: 2.5 },
    tiny_area: { length_m: 0.5, width_m: 0.5, height_m: 0.5 },
    narrow_corridor: { length_m: 8, width_m: 1, height_m: 2.5 },
    square_room: { length_m: 3, width_m: 3, height_m: 2.4 },
    tall_hall: { length_m: 6, width_m: 5, height_m: 4 },
    just_over_one_roll: { length_m: 1, width_m: 0.5, height_m: 1.8 },
    big_room: { length_m: 12, width_m: 9.5, height_m: 3.1 },
  });

spec("slope_angle_degrees",
  "The angle of a slope from its rise and its run (the same units for both): the angle whose tangent is rise / run, in degrees, rounded to 1 decimal. A run of 0 with some rise is 90; no rise is 0.",
  obj({ rise: NONNEG, run: NONNEG }), NONNEG,
  [{ rise: 1, run: 12 }, { rise: 3, run: 4 }],
  {
    flat: { rise: 0, run: 10 },
    vertical: { rise: 5, run: 0 },
    both_zero: { rise: 0, run: 0 },
    forty_five: { rise: 2.5, run: 2.5 },
    steep: { rise: 10, run: 1 },
    gentle_ramp: { rise: 1, run: 20 },
    roof_pitch: { rise: 7, run: 12 },
    centimetres: { rise: 17.5, run: 28 },
  });

spec("scale_model_size_cm",
  "How big is the model? A real object `real_m` metres long built at a scale of 1:`scale` (so 1:87 means the model is 87 times smaller). The model's length in centimetres, rounded to 1 decimal.",
  obj({ real_m: NONNEG, scale: { type: "number", minimum: 1 } }), NONNEG,
  [{ real_m: 20.3, scale: 87 }, { real_m: 4.5, scale: 18 }],
  {
    zero_length: { real_m: 0, scale: 72 },
    scale_one: { real_m: 1.25, scale: 1 },
    aircraft: { real_m: 70.7, scale: 144 },
    ship: { real_m: 269, scale: 700 },
    n_gauge: { real_m: 23.5, scale: 160 },
    tiny_part: { real_m: 0.05, scale: 35 },
    figure: { real_m: 1.8, scale: 6 },
    building: { real_m: 443, scale: 1000 },
  });

spec("guitar_fret_distance_mm",
  "Where to put a guitar's frets: on a string of scale length `scale_mm` (nut to bridge), fret n sits at scale_mm − scale_mm / 2^(n/12) from the nut, so the 12th fret is halfway. That distance in millimetres, rounded to 1 decimal; fret 0 is the nut itself, at 0.",
  obj({ scale_mm: NONNEG, fret: { type: "integer", minimum: 0, maximum: 36 } }), NONNEG,
  [{ scale_mm: 648, fret: 1 }, { scale_mm: 628, fret: 5 }],
  {
    nut: { scale_mm: 648, fret: 0 },
    twelfth_is_half: { scale_mm: 648, fret: 12 },
    twenty_fourth: { scale_mm: 648, fret: 24 },
    bass_scale: { scale_mm: 864, fret: 3 },
    short_scale: { scale_mm: 610, fret: 7 },
    zero_scale: { scale_mm: 0, fret: 5 },
    last_fret_allowed: { scale_mm: 648, fret: 36 },
    ukulele: { scale_mm: 330, fret: 10 },
  });

// ---- dates and times (10) ------------------------------------------------------------------------

spec("night_hours_in_shift",
  "How many hours of a shift fall in the night premium window, 22:00 to 06:00: the shift starts at `start` and ends at `end` (HH:MM); an end at or before the start means the shift ends the next day (equal times are a 24-hour shift). The hours between 22:00 and 06:00, rounded to 2 decimals.",
  obj({ start: HHMM, end: HHMM }), NONNEG,
  [{ start: "20:00", end: "04:00" }, { start: "05:00", end: "13:30" }],
  {
    day_shift: { start: "09:00", end: "17:00" },
    whole_night: { start: "22:00", end: "06:00" },
    ends_at_22: { start: "14:00", end: "22:00" },
    starts_at_6: { start: "06:00", end: "14:00" },
    midnight_to_midnight: { start: "00:00", end: "00:00" },
    after_midnight_only: { start: "01:15", end: "03:45" },
    evening_into_morning: { start: "18:30", end: "07:10" },
    one_minute: { start: "21:59", end: "22:01" },
    twenty_four_from_noon: { start: "12:00", end: "12:00" },
  });

spec("working_minutes_between",
  "How much working time passed between two moments: count only Monday to Friday, 09:00 to 17:00, between `from` and `to` (timestamps YYYY-MM-DDTHH:MM:SS). The working minutes, with seconds as fractions of a minute, rounded to 2 decimals; 0 when `to` is not after `from`.",
  obj({ from: TIMESTAMP, to: TIMESTAMP }), NONNEG,
  [
    { from: "2026-03-02T10:00:00", to: "2026-03-02T15:30:00" },
    { from: "2026-03-06T16:00:00", to: "2026-03-09T10:00:00" },
  ],
  {
    same_moment: { from: "2026-03-03T12:00:00", to: "2026-03-03T12:00:00" },
    backwards: { from: "2026-03-04T12:00:00", to: "2026-03-03T12:00:00" },
    weekend_only: { from: "2026-03-07T08:00:00", to: "2026-03-08T20:00:00" },
    before_opening_to_after_closing: { from: "2026-03-03T06:00:00", to: "2026-03-03T19:00:00" },
    seconds: { from: "2026-03-03T09:00:30", to: "2026-03-03T09:02:00" },
    whole_week: { from: "2026-03-02T00:00:00", to: "2026-03-09T00:00:00" },
    across_year_end: { from: "2025-12-31T16:00:00", to: "2026-01-02T10:00:00" },
    several_weeks: { from: "2026-02-04T13:15:00", to: "2026-03-18T11:45:00" },
    closing_time_exactly: { from: "2026-03-05T17:00:00", to: "2026-03-06T09:00:00" },
  });

spec("weekday_of_birthday_in_year",
  "What day of the week does my birthday fall on in a given year? The birthday is MM-DD and the answer is the weekday's English name (Monday to Sunday). A day past the end of its month in that year, like 29 February in a year that is not a leap year, is celebrated on the month's last day.",
  obj({ birthday: { type: "string", pattern: "^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" }, year: YEAR }), WEEKDAY,
  [{ birthday: "07-14", year: 2026 }, { birthday: "12-25", year: 2027 }],
  {
    leap_day_in_leap_year: { birthday: "02-29", year: 2028 },
    leap_day_in_common_year: { birthday: "02-29", year: 2027 },
    century_not_leap: { birthday: "02-29", year: 2100 },
    four_hundred_is_leap: { birthday: "02-29", year: 2000 },
    day_31_in_short_month: { birthday: "04-31", year: 2026 },
    new_year: { birthday: "01-01", year: 2026 },
    new_years_eve: { birthday: "12-31", year: 1999 },
    far_future: { birthday: "06-15", year: 2400 },
  });

spec("next_daily_run_time",
  "When will a daily job next run? It runs every day at `at` (HH:MM, seconds :00). Given the moment `now` (YYYY-MM-DDTHH:MM:SS), the next run at or after it, as YYYY-MM-DDTHH:MM:SS.",
  obj({ now: TIMESTAMP, at: HHMM }), T("string"),
  [{ now: "2026-05-10T08:15:00", at: "09:00" }, { now: "2026-05-10T21:30:00", at: "02:00" }],
  {
    exactly_now: { now: "2026-05-10T09:00:00", at: "09:00" },
    one_second_late: { now: "2026-05-10T09:00:01", at: "09:00" },
    midnight_job: { now: "2026-05-10T23:59:59", at: "00:00" },
    month_end: { now: "2026-04-30T22:00:00", at: "06:30" },
    year_end: { now: "2026-12-31T23:00:00", at: "01:00" },
    leap_day_next: { now: "2028-02-28T12:00:00", at: "08:00" },
    common_year_feb_end: { now: "2027-02-28T12:00:00", at: "08:00" },
    just_before: { now: "2026-06-01T17:44:59", at: "17:45" },
  });

spec("minutes_until_friday_five",
  "How long until the weekend starts? The whole minutes from `now` (YYYY-MM-DDTHH:MM:SS) until the next Friday 17:00:00, leftover seconds dropped. 0 when it is exactly Friday 17:00:00; later on a Friday counts to the next week's Friday.",
  obj({ now: TIMESTAMP }), COUNT,
  [{ now: "2026-03-04T09:00:00" }, { now: "2026-03-06T16:30:00" }],
  each("now", {
    exactly_then: "2026-03-06T17:00:00",
    one_second_after: "2026-03-06T17:00:01",
    one_second_before: "2026-03-06T16:59:59",
    saturday: "2026-03-07T10:00:00",
    monday_midnight: "2026-03-09T00:00:00",
    friday_morning: "2026-03-13T08:00:00",
    across_month_end: "2026-03-30T12:00:00",
    across_year_end: "2026-12-31T23:59:00",
  }));

spec("days_30_360_between",
  "Count the days between two dates the way bond interest is counted (European 30/360): every month has 30 days, so a day 31 in either date is taken as 30 (February is not adjusted), and the days are (year2 − year1) × 360 + (month2 − month1) × 30 + (day2 − day1). Negative when `end` is before `start`.",
  obj({ start: ISO_DATE, end: ISO_DATE }), T("integer"),
  [{ start: "2026-01-15", end: "2026-07-15" }, { start: "2026-03-31", end: "2026-04-30" }],
  {
    same_day: { start: "2026-05-05", end: "2026-05-05" },
    whole_year: { start: "2025-06-01", end: "2026-06-01" },
    end_on_31: { start: "2026-01-01", end: "2026-01-31" },
    both_31: { start: "2026-01-31", end: "2026-03-31" },
    february_end: { start: "2026-02-28", end: "2026-03-31" },
    leap_february: { start: "2028-02-29", end: "2028-03-01" },
    backwards: { start: "2026-12-10", end: "2026-11-20" },
    across_years: { start: "2023-10-31", end: "2026-02-15" },
  });

spec("week_of_term",
  "Which teaching week is a date in? Weeks run Monday to Sunday, and week 1 is the week that contains the first day of term, `term_start`. The week number of `date`; 0 when the date is before term_start.",
  obj({ term_start: ISO_DATE, date: ISO_DATE }), COUNT,
  [{ term_start: "2026-09-07", date: "2026-09-23" }, { term_start: "2026-09-09", date: "2026-09-14" }],
  {
    first_day: { term_start: "2026-09-07", date: "2026-09-07" },
    day_before: { term_start: "2026-09-07", date: "2026-09-06" },
    first_sunday: { term_start: "2026-09-09", date: "2026-09-13" },
    same_week_before_start: { term_start: "2026-09-10", date: "2026-09-08" },
    starts_on_sunday: { term_start: "2026-09-13", date: "2026-09-14" },
    across_year: { term_start: "2026-11-30", date: "2027-01-04" },
    leap_year_february: { term_start: "2028-01-31", date: "2028-03-01" },
    long_term: { term_start: "2026-01-05", date: "2026-12-31" },
  });

spec("day_length_from_sunrise_sunset",
  "How long is the day? From sunrise and sunset times (HH:MM, same day), the daylight as \"Hh MMm\": hours without a leading zero, minutes with two digits, like \"9h 05m\". \"0h 00m\" when sunset is not after sunrise.",
  obj({ sunrise: HHMM, sunset: HHMM }), T("string"),
  [{ sunrise: "06:42", sunset: "17:47" }, { sunrise: "04:43", sunset: "21:21" }],
  {
    equal: { sunrise: "07:00", sunset: "07:00" },
    sunset_before_sunrise: { sunrise: "08:00", sunset: "07:59" },
    whole_day: { sunrise: "00:00", sunset: "23:59" },
    exactly_twelve: { sunrise: "06:00", sunset: "18:00" },
    minutes_only: { sunrise: "11:30", sunset: "12:15" },
    one_minute: { sunrise: "12:00", sunset: "12:01" },
    borrow_hour: { sunrise: "08:50", sunset: "16:05" },
    winter_north: { sunrise: "09:12", sunset: "14:48" },
  });

spec("dates_of_weekday_in_month",
  "All the dates of a given weekday in a month: for `year`, `month` (1-12) and `weekday` (Monday to Sunday), every date in that month falling on that weekday, as YYYY-MM-DD, in order.",
  obj({ year: YEAR, month: MONTH, weekday: WEEKDAY }), arr("string"),
  [{ year: 2026, month: 3, weekday: "Tuesday" }, { year: 2026, month: 8, weekday: "Saturday" }],
  {
    five_of_them: { year: 2026, month: 1, weekday: "Thursday" },
    leap_february_five_sundays: { year: 2032, month: 2, weekday: "Sunday" },
    common_february: { year: 2026, month: 2, weekday: "Sunday" },
    century_february: { year: 2100, month: 2, weekday: "Monday" },
    december: { year: 2026, month: 12, weekday: "Friday" },
    month_starts_on_it: { year: 2026, month: 6, weekday: "Monday" },
    month_ends_on_it: { year: 2026, month: 9, weekday: "Wednesday" },
    early_year: { year: 1, month: 1, weekday: "Monday" },
  });

spec("times_in_business_day_order",
  "Sort clock times (HH:MM) in the order they come in a business day that starts at `day_starts` and runs for 24 hours, so times before the start belong to the night at the end of that day (with a 06:00 start, 06:00 comes first and 05:59 last). Repeated times are kept.",
  obj({ times: arr(HHMM), day_starts: HHMM }), arr(HHMM),
  [{ times: ["23:30", "07:15", "02:00", "12:00"], day_starts: "06:00" }, { times: ["18:00", "09:00", "13:45"], day_starts: "08:00" }],
  {
    no_times: { times: [], day_starts: "06:00" },
    start_at_midnight: { times: ["12:00", "00:00", "23:59"], day_starts: "00:00" },
    exactly_start_first: { times: ["05:59", "06:00", "06:01"], day_starts: "06:00" },
    repeated: { times: ["01:00", "22:00", "01:00"], day_starts: "20:00" },
    all_after_midnight: { times: ["03:00", "01:00", "02:00"], day_starts: "18:00" },
    start_late_evening: { times: ["23:00", "23:59", "00:00", "22:59"], day_starts: "23:00" },
    one_time: { times: ["10:10"], day_starts: "10:10" },
    busy_night: { times: ["21:00", "04:30", "19:00", "00:15", "16:59", "17:00", "03:00"], day_starts: "17:00" },
  });

// ---- utility functions (5) -----------------------------------------------------------------------

spec("lists_union_in_order",
  "The union of two lists: every distinct value of `a` and then of `b`, each once, in the order of its first appearance. Values are strings or numbers compared exactly, so 1 and \"1\" are different.",
  obj({ a: arr(SCALAR), b: arr(SCALAR) }), arr(SCALAR),
  [{ a: [1, 2, 3], b: [3, 4, 1, 5] }, { a: ["red", "blue"], b: ["green", "red"] }],
  {
    both_empty: { a: [], b: [] },
    first_empty: { a: [], b: [2, 2, 1] },
    repeats_inside_a: { a: ["x", "x", "y"], b: [] },
    number_and_text: { a: [1, "1"], b: ["1", 1, 2] },
    case_matters: { a: ["A"], b: ["a", "A"] },
    decimals: { a: [0.5, 1.5], b: [1.5, 2.5, 0.5] },
    empty_string: { a: [""], b: ["", " "] },
    longer: { a: [9, 8, 7, 6, 5], b: [1, 2, 3, 5, 7, 9, 11] },
  });

spec("same_items_ignoring_order",
  "Do two lists hold the same items, in any order? True when every value appears the same number of times in both. Values are strings or numbers compared exactly (1 and \"1\" differ, case matters).",
  obj({ a: arr(SCALAR), b: arr(SCALAR) }), T("boolean"),
  [{ a: [3, 1, 2], b: [1, 2, 3] }, { a: ["x", "y"], b: ["x", "x"] }],
  {
    both_empty: { a: [], b: [] },
    one_empty: { a: [], b: [1] },
    different_counts: { a: [1, 1, 2], b: [1, 2, 2] },
    different_lengths: { a: [1, 2], b: [1, 2, 2] },
    number_vs_text: { a: [1], b: ["1"] },
    case_matters: { a: ["a"], b: ["A"] },
    repeats_match: { a: ["p", "q", "p", "r"], b: ["r", "p", "p", "q"] },
    decimals: { a: [0.1, 0.2], b: [0.2, 0.1] },
  });

spec("object_without_null_fields",
  "Clean a JSON record: a copy with every field whose value is null removed, in nested objects too at any depth. Arrays are kept exactly as they are (nulls inside them stay, and objects inside them are not cleaned). The other fields keep their order.",
  obj({ record: RECORD }), RECORD,
  [
    { record: { name: "Ada", email: null, age: 36 } },
    { record: { id: 7, address: { street: "Main St", flat: null }, tags: ["a", null] } },
  ],
  each("record", {
    empty: {},
    all_null: { a: null, b: null },
    nested_empty_after: { a: { b: null } },
    false_and_zero_kept: { off: false, count: 0, text: "", nothing: null },
    objects_in_arrays_untouched: { list: [{ x: null }, null] },
    deep: { l1: { l2: { l3: { keep: 1, drop: null } }, gone: null } },
    no_nulls: { a: 1, b: [2, 3], c: { d: "e" } },
    string_null_kept: { a: "null", b: null },
  }));

spec("field_values_plucked",
  "Pick one field out of a list of records: the value of `field` in each record, in list order, null for a record that has no such field. Values are given as they are (objects and arrays too).",
  obj({ records: arr(RECORD), field: "string" }), arr(ANY_JSON),
  [
    { records: [{ name: "pen", price: 2 }, { name: "ink", price: 9 }], field: "name" },
    { records: [{ id: 1, tags: ["a"] }, { id: 2 }], field: "tags" },
  ],
  {
    no_records: { records: [], field: "x" },
    field_missing_everywhere: { records: [{ a: 1 }, { b: 2 }], field: "c" },
    null_value: { records: [{ v: null }, {}], field: "v" },
    case_matters: { records: [{ Name: "A", name: "b" }], field: "name" },
    empty_field_name: { records: [{ "": "blank key" }, { x: 1 }], field: "" },
    nested_object_value: { records: [{ meta: { k: [1, 2] } }], field: "meta" },
    falsy_values: { records: [{ f: 0 }, { f: false }, { f: "" }], field: "f" },
    dotted_name_is_one_field: { records: [{ "a.b": 1, a: { b: 2 } }], field: "a.b" },
  });

spec("position_of_sublist",
  "Where does one list first appear inside another? The first index (counting from 0) at which the items of `part` appear in `list` one after another in the same order; -1 when they never do. An empty part is found at 0. Values are strings or numbers compared exactly.",
  obj({ list: arr(SCALAR), part: arr(SCALAR) }), T("integer"),
  [{ list: [1, 2, 3, 4, 5], part: [3, 4] }, { list: ["a", "b", "a", "b", "c"], part: ["a", "b", "c"] }],
  {
    empty_part: { list: [1, 2], part: [] },
    both_empty: { list: [], part: [] },
    empty_list: { list: [], part: [1] },
    not_found: { list: [1, 2, 3], part: [2, 4] },
    not_contiguous: { list: [1, 2, 3], part: [1, 3] },
    part_longer: { list: [1], part: [1, 1] },
    at_the_end: { list: [5, 6, 7], part: [6, 7] },
    number_vs_text: { list: [1, "2", 2], part: [2] },
    overlapping_prefix: { list: [1, 1, 1, 2], part: [1, 1, 2] },
  });
