// The specs of tests/fixtures/specs/holdout13 without their outputs: description, schemas and the
// inputs of the examples and the named tests. scripts/make-holdout13-specs.mjs adds the outputs.
// New tasks (none a renamed task of an earlier set, checked against their file names only), written
// without running the synthesizer or reading its code, in the proportions of the brief: 20 records
// and lists, 15 strings, 10 numbers and units, 10 dates and times, 5 utility functions.

import { T, obj, arr, HHMM, rows } from "./spec-schemas.mjs";
const NONNEG = { type: "number", minimum: 0 };
const COUNT = { type: "integer", minimum: 0 };
/** A real calendar date's shape: months 01-12 and days 01-31, so no reference meets month 13. */
const ISO_DATE = { type: "string", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" };
const YEAR_MONTH = { type: "string", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])$" };
const TIMESTAMP = { type: "string", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$" };
const YEAR = { type: "integer", minimum: 1, maximum: 9999 };
const MONTH = { type: "integer", minimum: 1, maximum: 12 };
const ANY_JSON = { type: ["string", "number", "boolean", "null", "object", "array"] };
const RECORD = { type: "object" };
const mapOf = (values) => ({ type: "object", additionalProperties: values });
/** One single-field input per value: each("text", {empty: ""}) -> {empty: {text: ""}}. */
const each = (field, named) => Object.fromEntries(Object.entries(named).map(([name, v]) => [name, { [field]: v }]));

export const SPECS = [];
const spec = (capability, description, inputSchema, outputSchema, examples, tests) =>
  SPECS.push({ capability, description, inputSchema, outputSchema, examples, tests });

// ---- records and lists (20) ----------------------------------------------------------------------

const ENTRIES = arr(obj({ date: ISO_DATE, amount: T("number") }));
const spend = (...r) => rows(["date", "amount"], ...r);
spec("month_to_date_totals",
  "My running spend for the month: entries are {date, amount} in date order (a refund is a negative amount). For each entry, the total of the amounts from the first entry of its calendar month up to and including it; the total starts again from 0 whenever the month changes. One total per entry, rounded to 2 decimals.",
  obj({ entries: ENTRIES }), arr(T("number")),
  [
    { entries: spend(["2026-03-02", 12.5], ["2026-03-15", 40], ["2026-04-01", 9.99], ["2026-04-20", 20]) },
    { entries: spend(["2026-07-04", 100], ["2026-07-05", 25.25]) },
  ],
  each("entries", {
    no_entries: [],
    one_entry: spend(["2026-05-05", 7.8]),
    refund: spend(["2026-06-01", 50], ["2026-06-03", -20], ["2026-06-09", 5]),
    year_end: spend(["2025-12-30", 10], ["2025-12-31", 15], ["2026-01-01", 4]),
    same_month_next_year: spend(["2025-05-10", 30], ["2026-05-10", 30]),
    zero_amounts: spend(["2026-02-01", 0], ["2026-02-02", 0]),
    cents_add_up: spend(["2026-09-01", 0.1], ["2026-09-02", 0.2], ["2026-09-03", 0.7]),
    leap_day: spend(["2024-02-28", 3], ["2024-02-29", 4], ["2024-03-01", 5]),
    busy_month: spend(["2026-10-01", 12], ["2026-10-03", 8.4], ["2026-10-07", 33.15], ["2026-10-12", 2], ["2026-10-20", 61.3], ["2026-10-31", 9.99]),
  }));

const PRODUCTS = arr(obj({ name: "string", category: "string", rating: { type: "number", minimum: 0, maximum: 5 } }));
const products = (...r) => rows(["name", "category", "rating"], ...r);
spec("two_best_rated_per_category",
  "The two best-rated products in each category of our shop: each product has a name, a category and a rating. An object from category to the names of its two highest-rated products (fewer if it has fewer), best first; products with the same rating keep the order of the list. Categories in the order they first appear.",
  obj({ products: PRODUCTS }), mapOf(arr("string")),
  [
    { products: products(["Kettle", "kitchen", 4.5], ["Toaster", "kitchen", 4.1], ["Blender", "kitchen", 4.7], ["Desk lamp", "office", 3.9], ["Chair", "office", 4.4]) },
    { products: products(["Tent", "outdoor", 4.2], ["Stove", "outdoor", 4.8], ["Lantern", "outdoor", 3.5]) },
  ],
  each("products", {
    no_products: [],
    one_product: products(["Mug", "kitchen", 4]),
    tie_keeps_list_order: products(["A", "c", 4], ["B", "c", 4.5], ["C", "c", 4.5]),
    three_way_tie: products(["X", "c", 3], ["Y", "c", 3], ["Z", "c", 3]),
    category_case_matters: products(["A", "Garden", 4], ["B", "garden", 5]),
    zero_ratings: products(["Old", "misc", 0], ["Older", "misc", 0], ["New", "misc", 0.5]),
    close_decimals: products(["p", "t", 4.49], ["q", "t", 4.5], ["r", "t", 4.51]),
    many_categories: products(["a", "one", 1], ["b", "two", 2], ["c", "one", 3], ["d", "three", 5], ["e", "two", 2.5], ["f", "one", 2], ["g", "three", 4.9], ["h", "two", 2.5]),
  }));

const TASKS = arr(obj({ id: "string", done: "boolean", depends_on: arr("string") }));
const tasks = (...r) => rows(["id", "done", "depends_on"], ...r);
spec("tasks_waiting_on_others",
  "Which tasks can't be started yet: each task has an id, whether it is done, and the ids of the tasks it depends on. A task that is not done is waiting when at least one task it depends on is not done; a dependency on an id that isn't in the list is ignored. The ids of the waiting tasks, in list order.",
  obj({ tasks: TASKS }), arr("string"),
  [
    { tasks: tasks(["design", true, []], ["build", false, ["design"]], ["test", false, ["build"]], ["docs", false, ["design"]]) },
    { tasks: tasks(["T-1", false, []], ["T-2", false, ["T-1"]], ["T-3", true, ["T-1"]]) },
  ],
  each("tasks", {
    no_tasks: [],
    no_dependencies: tasks(["a", false, []], ["b", false, []]),
    all_done: tasks(["a", true, []], ["b", true, ["a"]]),
    dependency_done: tasks(["a", true, []], ["b", false, ["a"]]),
    unknown_dependency: tasks(["a", false, ["zzz"]]),
    depends_on_itself: tasks(["loop", false, ["loop"]]),
    one_of_several_open: tasks(["a", true, []], ["b", false, []], ["c", false, ["a", "b"]]),
    listed_after_dependency: tasks(["late", false, ["early"]], ["early", false, []]),
    id_case_matters: tasks(["Setup", false, []], ["run", false, ["setup"]]),
    long_chain: tasks(["s1", true, []], ["s2", true, ["s1"]], ["s3", false, ["s2"]], ["s4", false, ["s3"]], ["s5", false, ["s4", "s1"]], ["s6", false, ["s2"]]),
  }));

const LINES = arr(obj({ speaker: "string", text: "string" }));
const said = (...r) => rows(["speaker", "text"], ...r);
spec("words_spoken_by_speaker",
  "How many words each person said in a meeting transcript: each line is {speaker, text}, and words are the pieces of text separated by whitespace. An object from speaker to their total number of words, speakers in the order they first speak; a speaker whose lines hold no words still appears, with 0.",
  obj({ lines: LINES }), mapOf(COUNT),
  [
    { lines: said(["Maya", "Shall we start with the budget?"], ["Tom", "Yes, numbers first."], ["Maya", "Great."]) },
    { lines: said(["Host", "Welcome everyone to the call"], ["Guest", "Thanks for having me"]) },
  ],
  each("lines", {
    empty_transcript: [],
    blank_line: said(["Ann", ""], ["Ben", "hi"]),
    extra_spaces: said(["Ann", "  so   many    spaces  "]),
    tabs_and_newlines: said(["Ann", "one\ttwo\nthree\r\nfour"]),
    speaker_case_matters: said(["ann", "a b"], ["Ann", "c"]),
    punctuation_alone_counts: said(["Cy", "well - maybe ..."]),
    hyphenated_word: said(["Di", "a well-known long-term plan"]),
    one_speaker_many_lines: said(["Ed", "one"], ["Ed", "two three"], ["Ed", "four five six"]),
    numbers_are_words: said(["Fo", "call 555 0199 at 9"]),
  }));

const FILES = arr(obj({ path: "string", bytes: COUNT }));
const files = (...r) => rows(["path", "bytes"], ...r);
spec("bytes_by_file_extension",
  "Disk usage by file type: each file has a path (folders separated by /) and a size in bytes. An object from extension to total bytes, extensions in the order they first appear. The extension is the part of the file's name after its last dot, in lowercase; a name with no dot, or whose only dot is its first character (like .bashrc), has the extension \"\".",
  obj({ files: FILES }), mapOf(COUNT),
  [
    { files: files(["photos/beach.jpg", 2400000], ["notes.txt", 1200], ["photos/sunset.JPG", 3100000], ["report.pdf", 540000]) },
    { files: files(["src/main.rs", 8000], ["src/lib.rs", 12000], ["Cargo.toml", 600]) },
  ],
  each("files", {
    no_files: [],
    no_extension: files(["Makefile", 300], ["bin/run", 50]),
    dotfile: files([".bashrc", 120], ["home/.profile", 80]),
    dot_in_folder_name: files(["v1.2/README", 900]),
    double_extension: files(["backup.tar.gz", 5000], ["logs.gz", 100]),
    case_merged: files(["a.PNG", 10], ["b.png", 20], ["c.Png", 30]),
    empty_files: files(["empty.log", 0], ["also.log", 0]),
    trailing_dot: files(["odd.", 7]),
    mixed_folder: files(["a/b/c.md", 1], ["x.md", 2], ["y.css", 3], ["z.html", 4], ["w.css", 5], ["q", 6]),
  }));

const CATEGORIES = arr(obj({ name: "string", parent: { type: ["string", "null"] } }));
const cats = (...r) => rows(["name", "parent"], ...r);
spec("category_tree_depths",
  "How deep each category sits in our product category tree: each category has a name and the name of its parent (null at the top). Top-level categories have depth 1, their children 2, their grandchildren 3 and so on; a category whose parent is not in the list counts as top-level. An object from name to depth, in list order.",
  obj({ categories: CATEGORIES }), mapOf(T("integer")),
  [
    { categories: cats(["Electronics", null], ["Phones", "Electronics"], ["Cases", "Phones"], ["Books", null]) },
    { categories: cats(["Home", null], ["Kitchen", "Home"], ["Garden", "Home"]) },
  ],
  each("categories", {
    no_categories: [],
    all_top_level: cats(["A", null], ["B", null]),
    child_listed_before_parent: cats(["Cases", "Phones"], ["Phones", "Electronics"], ["Electronics", null]),
    deep_chain: cats(["L1", null], ["L2", "L1"], ["L3", "L2"], ["L4", "L3"], ["L5", "L4"]),
    unknown_parent: cats(["Orphan", "Missing"], ["Child", "Orphan"]),
    parent_case_matters: cats(["Toys", null], ["Lego", "toys"]),
    siblings: cats(["Root", null], ["a", "Root"], ["b", "Root"], ["c", "Root"]),
    two_trees: cats(["Men", null], ["Women", null], ["Shoes", "Women"], ["Boots", "Shoes"], ["Shirts", "Men"]),
  }));

const PARTIES = arr(obj({ party: "string", votes: { type: "integer", minimum: 0, maximum: 1_000_000_000 } }));
const parties = (...r) => rows(["party", "votes"], ...r);
spec("seats_by_largest_remainder",
  "Share out seats in proportion to votes with the largest-remainder (Hamilton) method: each party first gets the whole part of its votes × seats ÷ total votes; the seats still left over go one each to the parties with the largest leftover fractions, and on equal fractions the party listed first gets a seat first. An object from party to seats, in the order given; every party gets 0 when nobody voted.",
  obj({ parties: PARTIES, seats: { type: "integer", minimum: 0, maximum: 10_000 } }), mapOf(COUNT),
  [
    { parties: parties(["Green", 47000], ["Red", 16000], ["Blue", 15800], ["Yellow", 12000], ["White", 6100], ["Black", 3100]), seats: 10 },
    { parties: parties(["North", 5200], ["South", 3100], ["East", 1700]), seats: 7 },
  ],
  {
    nobody_voted: { parties: parties(["A", 0], ["B", 0]), seats: 5 },
    no_seats: { parties: parties(["A", 60], ["B", 40]), seats: 0 },
    shares_exact: { parties: parties(["A", 600], ["B", 300], ["C", 100]), seats: 10 },
    equal_fractions_first_listed: { parties: parties(["A", 100], ["B", 100], ["C", 100]), seats: 2 },
    one_party: { parties: parties(["Only", 12345]), seats: 9 },
    zero_vote_party: { parties: parties(["A", 700], ["B", 0], ["C", 300]), seats: 3 },
    more_parties_than_seats: { parties: parties(["A", 30], ["B", 25], ["C", 20], ["D", 15], ["E", 10]), seats: 3 },
    no_parties: { parties: [], seats: 4 },
    big_counts: { parties: parties(["P", 123456789], ["Q", 98765432], ["R", 45678901]), seats: 650 },
  });

const BOOKINGS = arr(obj({ start: HHMM, end: HHMM }));
const slots = (...r) => rows(["start", "end"], ...r);
spec("peak_concurrent_bookings",
  "The most meeting rooms in use at the same time: each booking has a start and an end time (HH:MM on the same day). A booking that ends at 10:00 frees its room for one that starts at 10:00, and a booking whose end is not after its start takes no room. The largest number of bookings running at once; 0 when there are none.",
  obj({ bookings: BOOKINGS }), COUNT,
  [
    { bookings: slots(["09:00", "10:00"], ["09:30", "11:00"], ["10:30", "12:00"]) },
    { bookings: slots(["13:00", "14:00"], ["14:00", "15:00"]) },
  ],
  each("bookings", {
    no_bookings: [],
    one_booking: slots(["08:00", "17:00"]),
    overlap_by_a_minute: slots(["09:00", "10:01"], ["10:00", "11:00"]),
    identical: slots(["11:00", "12:00"], ["11:00", "12:00"], ["11:00", "12:00"]),
    nested: slots(["08:00", "18:00"], ["09:00", "10:00"], ["09:15", "09:45"]),
    zero_length: slots(["10:00", "10:00"], ["10:00", "11:00"]),
    end_before_start: slots(["15:00", "14:00"]),
    whole_day: slots(["00:00", "23:59"], ["12:00", "12:30"]),
    busy_morning: slots(["08:00", "09:30"], ["08:30", "10:00"], ["09:00", "09:15"], ["09:15", "10:30"], ["10:00", "11:00"], ["10:15", "10:45"]),
  }));

const CART = arr(obj({ sku: "string", qty: T("integer") }));
const cart = (...r) => rows(["sku", "qty"], ...r);
spec("cart_lines_merged",
  "Tidy up a shopping cart: lines with the same sku are merged into one whose qty is the sum of theirs (a negative qty takes items off), a merged line whose qty comes to 0 or less is dropped, and each remaining line sits where its sku first appeared. A list of {sku, qty}.",
  obj({ lines: CART }), arr(obj({ sku: "string", qty: T("integer") })),
  [
    { lines: cart(["TEE-M", 1], ["MUG", 2], ["TEE-M", 2]) },
    { lines: cart(["BOOK-17", 1], ["PEN", 5], ["PEN", -2], ["BOOK-17", -1]) },
  ],
  each("lines", {
    empty_cart: [],
    nothing_to_merge: cart(["A", 1], ["B", 2]),
    comes_to_zero: cart(["A", 3], ["A", -3]),
    below_zero: cart(["A", 1], ["A", -4], ["B", 1]),
    zero_line: cart(["A", 0]),
    sku_case_matters: cart(["cap", 1], ["CAP", 1]),
    removal_before_add: cart(["A", -1], ["B", 1], ["A", 3]),
    many_lines: cart(["x", 1], ["y", 1], ["x", 1], ["z", 4], ["y", -1], ["x", 1], ["w", 2], ["z", 1]),
  }));

spec("instant_runoff_winner",
  "The winner of a ranked-choice (instant-runoff) vote: each ballot lists candidates in order of preference, not necessarily all of them; names not among the candidates are ignored. In each round a ballot counts for its highest-ranked candidate still in the race; a candidate with more than half of the ballots counted in that round wins. Otherwise the candidate with the fewest votes is knocked out (if several share the fewest, the one that comes last in candidates) and the count is repeated. The last candidate left wins; null when there are no candidates.",
  obj({ candidates: arr("string"), ballots: arr(arr("string")) }), { type: ["string", "null"] },
  [
    { candidates: ["Oak", "Elm", "Ash"], ballots: [["Oak", "Ash"], ["Elm"], ["Ash", "Elm"], ["Oak"], ["Elm", "Oak"]] },
    { candidates: ["Pizza", "Curry", "Salad"], ballots: [["Curry"], ["Pizza", "Curry"], ["Curry", "Pizza"], ["Salad", "Pizza"], ["Pizza"]] },
  ],
  {
    no_candidates: { candidates: [], ballots: [["X"]] },
    one_candidate: { candidates: ["Solo"], ballots: [] },
    majority_first_round: { candidates: ["A", "B", "C"], ballots: [["A"], ["A"], ["B"]] },
    exactly_half_is_not_enough: { candidates: ["A", "B", "C"], ballots: [["A"], ["A"], ["B", "A"], ["C", "B"]] },
    tie_for_fewest_last_listed_out: { candidates: ["A", "B", "C"], ballots: [["A"], ["A"], ["B", "C"], ["C", "B"]] },
    exhausted_ballots: { candidates: ["A", "B", "C"], ballots: [["A"], ["A"], ["B"], ["B"], ["C"]] },
    unknown_names_ignored: { candidates: ["A", "B"], ballots: [["Z", "B"], ["A"], ["Q", "Y", "B"]] },
    two_way_tie: { candidates: ["Left", "Right"], ballots: [["Right"], ["Left"]] },
    no_ballots: { candidates: ["First", "Second", "Third"], ballots: [] },
    transfers_decide: { candidates: ["R", "S", "T", "U"], ballots: [["R"], ["R"], ["R"], ["S", "T"], ["S", "T"], ["T", "S"], ["U", "T"], ["U", "S"], ["T"]] },
  });

const LOTS = arr(obj({ units: COUNT, unit_cost: NONNEG }));
const lots = (...r) => rows(["units", "unit_cost"], ...r);
spec("cost_of_units_sold_fifo",
  "The cost of the goods I sold, first in first out: lots are the batches I bought, oldest first, each with a number of units and a cost per unit, and the units sold come out of the oldest lot first. The total cost of the units sold, rounded to 2 decimals; if I sold more than I ever bought, only the units I had count.",
  obj({ lots: LOTS, sold: COUNT }), NONNEG,
  [
    { lots: lots([100, 2.5], [50, 2.75], [80, 3.1]), sold: 130 },
    { lots: lots([10, 19.99], [10, 21.49]), sold: 4 },
  ],
  {
    nothing_sold: { lots: lots([5, 3]), sold: 0 },
    no_lots: { lots: [], sold: 10 },
    exactly_first_lot: { lots: lots([20, 1.5], [20, 9]), sold: 20 },
    one_into_second_lot: { lots: lots([20, 1.5], [20, 9]), sold: 21 },
    everything: { lots: lots([3, 4], [2, 5]), sold: 5 },
    sold_more_than_bought: { lots: lots([3, 4], [2, 5]), sold: 9 },
    empty_lot_skipped: { lots: lots([0, 100], [4, 2]), sold: 3 },
    free_units: { lots: lots([5, 0], [5, 1.2]), sold: 7 },
    many_lots: { lots: lots([12, 0.83], [30, 0.79], [18, 0.91], [25, 0.88], [40, 0.95]), sold: 97 },
  });

spec("incomplete_rows",
  "Which rows of a spreadsheet import are incomplete: a row is incomplete when any of the required fields is missing, null, or text that is empty or only whitespace (0, false and empty lists count as filled in). The 1-based row numbers of the incomplete rows, in order.",
  obj({ rows: arr(RECORD), required: arr("string") }), arr(T("integer")),
  [
    { rows: [{ name: "Ada", email: "ada@x.example" }, { name: "", email: "bob@x.example" }, { name: "Cy" }], required: ["name", "email"] },
    { rows: [{ sku: "A1", qty: 0 }, { sku: null, qty: 3 }], required: ["sku", "qty"] },
  ],
  {
    no_rows: { rows: [], required: ["name"] },
    nothing_required: { rows: [{}, { a: "" }], required: [] },
    zero_and_false_filled: { rows: [{ n: 0, ok: false }], required: ["n", "ok"] },
    whitespace_only: { rows: [{ name: "  \t" }, { name: " x " }], required: ["name"] },
    field_name_case: { rows: [{ Name: "Ada" }], required: ["name"] },
    empty_list_filled: { rows: [{ tags: [] }, { tags: {} }], required: ["tags"] },
    other_fields_ignored: { rows: [{ id: 1, note: "" }, { id: 2, note: null }], required: ["id"] },
    all_incomplete: { rows: [{}, { a: null }, { a: "" }], required: ["a"] },
    long_import: { rows: [{ a: 1, b: 2 }, { a: 1 }, { b: 2 }, { a: "x", b: "y" }, { a: " ", b: "y" }, { a: "z", b: false }], required: ["a", "b"] },
  });

spec("friend_suggestions",
  "People you may know: friendships are pairs of names, and a friendship goes both ways. For a person, everyone who is a friend of one of their friends but is neither the person nor already one of their friends, sorted alphabetically.",
  obj({ friendships: arr(arr("string")), person: "string" }), arr("string"),
  [
    { friendships: [["Ana", "Ben"], ["Ben", "Cleo"], ["Ben", "Dev"], ["Ana", "Dev"], ["Cleo", "Eli"]], person: "Ana" },
    { friendships: [["Kim", "Lou"], ["Lou", "Max"], ["Max", "Ned"]], person: "Max" },
  ],
  {
    no_friendships: { friendships: [], person: "Ana" },
    not_in_network: { friendships: [["A", "B"], ["B", "C"]], person: "Z" },
    only_direct_friends: { friendships: [["A", "B"], ["A", "C"]], person: "A" },
    listed_the_other_way: { friendships: [["B", "A"], ["C", "B"]], person: "A" },
    three_steps_away_not_suggested: { friendships: [["A", "B"], ["B", "C"], ["C", "D"]], person: "A" },
    mutual_friend_counted_once: { friendships: [["A", "B"], ["A", "C"], ["B", "D"], ["C", "D"]], person: "A" },
    name_case_matters: { friendships: [["A", "B"], ["B", "a"]], person: "A" },
    friends_of_each_other: { friendships: [["A", "B"], ["A", "C"], ["B", "C"]], person: "A" },
    big_circle: { friendships: [["Me", "Pat"], ["Me", "Quinn"], ["Pat", "Zed"], ["Pat", "Ravi"], ["Quinn", "Ravi"], ["Quinn", "Sam"], ["Ravi", "Tia"], ["Sam", "Me"]], person: "Me" },
  });

spec("fewest_flights_between",
  "The fewest flights needed to get from one airport to another: routes are direct flights, each a [from, to] pair that only flies that way. 0 when from and to are the same airport; null when to can't be reached.",
  obj({ routes: arr(arr("string")), from: "string", to: "string" }), { type: ["integer", "null"] },
  [
    { routes: [["LHR", "JFK"], ["JFK", "LAX"], ["LHR", "DXB"], ["DXB", "SYD"], ["LAX", "SYD"]], from: "LHR", to: "SYD" },
    { routes: [["OSL", "CPH"], ["CPH", "BER"]], from: "OSL", to: "BER" },
  ],
  {
    same_airport: { routes: [["A", "B"]], from: "A", to: "A" },
    direct: { routes: [["A", "B"], ["B", "C"]], from: "A", to: "B" },
    one_way_only: { routes: [["A", "B"]], from: "B", to: "A" },
    unreachable: { routes: [["A", "B"], ["C", "D"]], from: "A", to: "D" },
    no_routes: { routes: [], from: "A", to: "B" },
    round_in_circles: { routes: [["A", "B"], ["B", "C"], ["C", "A"], ["C", "D"]], from: "A", to: "D" },
    shorter_of_two_ways: { routes: [["A", "B"], ["B", "C"], ["C", "D"], ["D", "E"], ["A", "X"], ["X", "E"]], from: "A", to: "E" },
    code_case_matters: { routes: [["ams", "BCN"]], from: "AMS", to: "BCN" },
    same_airport_not_listed: { routes: [], from: "ZRH", to: "ZRH" },
  });

spec("boxes_needed_first_fit",
  "How many boxes I need when I pack items in the order given, first fit: each item goes into the first box that still has room for it (a box holds up to capacity kg), and a new box is opened when none has. An item heavier than the capacity is shipped on its own and counts as one box.",
  obj({ weights: arr(NONNEG), capacity: { type: "number", exclusiveMinimum: 0 } }), COUNT,
  [
    { weights: [4, 8, 1, 4, 2, 1], capacity: 10 },
    { weights: [12.5, 7.5, 5, 9], capacity: 20 },
  ],
  {
    no_items: { weights: [], capacity: 10 },
    one_item: { weights: [3], capacity: 10 },
    exactly_full: { weights: [6, 4, 10], capacity: 10 },
    just_over: { weights: [6, 4.01], capacity: 10 },
    later_item_fills_gap: { weights: [7, 6, 3], capacity: 10 },
    too_heavy_alone: { weights: [2, 15, 3], capacity: 10 },
    weightless_items: { weights: [0, 0, 0], capacity: 5 },
    decimals_fill_exactly: { weights: [0.1, 0.2], capacity: 0.3 },
    all_the_same: { weights: [3, 3, 3, 3, 3, 3, 3], capacity: 10 },
    first_fit_not_best_fit: { weights: [5, 7, 5, 3], capacity: 10 },
  });

const ITEMS = arr(obj({ item: "string", price: NONNEG, shared_by: arr("string") }));
const dishes = (...r) => rows(["item", "price", "shared_by"], ...r);
spec("shared_items_bill_per_person",
  "Who owes what for a shared meal: each item on the bill has a price and the names of the people who shared it, who split it equally. An object from person to the total of their shares, rounded to 2 decimals, people in the order they first appear; an item nobody shared is left out.",
  obj({ items: ITEMS }), mapOf(NONNEG),
  [
    { items: dishes(["Pizza", 18, ["Ava", "Ben"]], ["Wine", 30, ["Ava", "Ben", "Cal"]], ["Salad", 7.5, ["Cal"]]) },
    { items: dishes(["Nachos", 9.6, ["Dee", "Eli", "Fay"]], ["Beer", 5.2, ["Eli"]]) },
  ],
  each("items", {
    no_items: [],
    one_person: dishes(["Soup", 6.4, ["Gus"]]),
    three_way_split: dishes(["Cake", 10, ["A", "B", "C"]]),
    nobody_shared: dishes(["Bread", 3, []], ["Tea", 2, ["Hal"]]),
    free_item: dishes(["Water", 0, ["A", "B"]]),
    name_case_matters: dishes(["Fries", 4, ["ivy", "Ivy"]]),
    thirds_add_up: dishes(["Dip", 1, ["A", "B", "C"]], ["Chips", 2, ["A", "B", "C"]]),
    big_table: dishes(["Starter", 24, ["J", "K", "L", "M"]], ["Main", 62.7, ["J", "K", "L"]], ["Dessert", 14.4, ["L", "M"]], ["Coffee", 11.2, ["J", "M"]]),
  }));

const CHANGES = arr(obj({ action: { type: "string", enum: ["join", "leave"] }, name: "string" }));
const changes = (...r) => rows(["action", "name"], ...r);
spec("waiting_list_after_changes",
  "Who is on the waiting list after a series of changes, in list order: each change is {action, name} with action \"join\" or \"leave\". Joining adds the name at the end unless it is already on the list; leaving takes it off (nothing happens if it isn't on the list).",
  obj({ changes: CHANGES }), arr("string"),
  [
    { changes: changes(["join", "Priya"], ["join", "Sam"], ["join", "Olu"], ["leave", "Sam"]) },
    { changes: changes(["join", "Lee"], ["leave", "Lee"], ["join", "Mo"]) },
  ],
  each("changes", {
    no_changes: [],
    join_twice: changes(["join", "A"], ["join", "B"], ["join", "A"]),
    leave_not_on_list: changes(["leave", "Ghost"], ["join", "A"]),
    rejoin_goes_to_back: changes(["join", "A"], ["join", "B"], ["leave", "A"], ["join", "A"]),
    name_case_matters: changes(["join", "kim"], ["join", "Kim"], ["leave", "KIM"]),
    everyone_leaves: changes(["join", "A"], ["join", "B"], ["leave", "B"], ["leave", "A"]),
    leave_twice: changes(["join", "A"], ["leave", "A"], ["leave", "A"]),
    busy_day: changes(["join", "p"], ["join", "q"], ["join", "r"], ["leave", "q"], ["join", "s"], ["join", "q"], ["leave", "p"], ["join", "t"]),
  }));

spec("ranking_moves_since_last_week",
  "How each entry of this week's chart moved since last week: both charts list names from first place down. For each name on this week's chart, in its order, {name, change} where change is how many places it went up since last week (negative if it went down, 0 if it stayed put), or null if it wasn't on last week's chart.",
  obj({ last_week: arr("string"), this_week: arr("string") }), arr(obj({ name: "string", change: { type: ["integer", "null"] } })),
  [
    { last_week: ["Song A", "Song B", "Song C", "Song D"], this_week: ["Song C", "Song A", "Song B", "Song E"] },
    { last_week: ["Ada", "Bo"], this_week: ["Bo", "Ada"] },
  ],
  {
    empty_charts: { last_week: [], this_week: [] },
    everything_new: { last_week: [], this_week: ["x", "y"] },
    nothing_moved: { last_week: ["a", "b", "c"], this_week: ["a", "b", "c"] },
    dropped_out_not_listed: { last_week: ["a", "b", "c"], this_week: ["a", "c"] },
    big_climb: { last_week: ["a", "b", "c", "d", "e", "f"], this_week: ["f", "a", "b", "c", "d", "e"] },
    name_case_matters: { last_week: ["Hello"], this_week: ["hello"] },
    one_entry: { last_week: ["solo"], this_week: ["solo"] },
    empty_this_week: { last_week: ["a", "b"], this_week: [] },
    reshuffle: { last_week: ["p", "q", "r", "s", "t"], this_week: ["t", "r", "new", "p", "q"] },
  });

const PLAYERS = arr(obj({ name: "string", rating: T("number") }));
const players = (...r) => rows(["name", "rating"], ...r);
spec("snake_draft_teams",
  "Split players into two teams with a snake draft: sort the players by rating, best first (equal ratings keep the order of the list), then hand them out in the pick order A, B, B, A, A, B, B, A, ... Both teams as lists of names in the order picked: {a, b}.",
  obj({ players: PLAYERS }), obj({ a: arr("string"), b: arr("string") }),
  [
    { players: players(["Jo", 1500], ["Kai", 1720], ["Lin", 1610], ["Max", 1390], ["Nia", 1805], ["Oli", 1450]) },
    { players: players(["P", 7], ["Q", 9], ["R", 8], ["S", 6]) },
  ],
  each("players", {
    nobody: [],
    one_player: players(["Solo", 10]),
    two_players: players(["Low", 1], ["High", 2]),
    three_players: players(["a", 3], ["b", 2], ["c", 1]),
    equal_ratings_keep_order: players(["first", 5], ["second", 5], ["third", 5], ["fourth", 5]),
    negative_ratings: players(["m", -2], ["n", 0], ["o", -1]),
    decimal_ratings: players(["u", 4.25], ["v", 4.5], ["w", 4.3]),
    odd_number: players(["a", 9], ["b", 8], ["c", 7], ["d", 6], ["e", 5]),
    ten_players: players(["p1", 55], ["p2", 71], ["p3", 63], ["p4", 80], ["p5", 49], ["p6", 71], ["p7", 66], ["p8", 58], ["p9", 90], ["p10", 62]),
  }));

const VIEWS = arr(obj({ visitor: "string", minute: { type: "integer", minimum: 0, maximum: 1439 } }));
const views = (...r) => rows(["visitor", "minute"], ...r);
spec("sessions_per_visitor",
  "How many visits each visitor made to our site today: each page view has a visitor and the minute of the day it happened (page views are not necessarily in time order). A visitor's views belong to the same visit while each comes less than 30 minutes after the one before; a gap of 30 minutes or more starts a new visit. An object from visitor to number of visits, visitors in the order they first appear in the list.",
  obj({ views: VIEWS }), mapOf(COUNT),
  [
    { views: views(["u1", 540], ["u2", 545], ["u1", 550], ["u1", 640], ["u2", 560]) },
    { views: views(["anna", 60], ["anna", 100], ["anna", 120]) },
  ],
  each("views", {
    no_views: [],
    one_view: views(["x", 0]),
    gap_of_exactly_30: views(["x", 100], ["x", 130]),
    gap_of_29: views(["x", 100], ["x", 129]),
    out_of_order: views(["x", 300], ["x", 100], ["x", 110], ["x", 290]),
    same_minute_twice: views(["x", 5], ["x", 5]),
    visitor_case_matters: views(["Bo", 10], ["bo", 11]),
    whole_day: views(["z", 0], ["z", 1439]),
    many_visitors: views(["a", 10], ["b", 20], ["a", 50], ["c", 60], ["b", 45], ["a", 70], ["c", 200], ["b", 300], ["a", 99]),
  }));

// ---- strings (15) --------------------------------------------------------------------------------

spec("longest_same_character_run",
  "The longest run of one character repeated back to back in a text, like \"ooo\" in \"Whooops\", given as the run itself. Every character counts, spaces and punctuation included, and case matters (\"aA\" is two runs of one). If several runs are equally long, the first one; \"\" for an empty text.",
  obj({ text: "string" }), T("string"),
  [{ text: "Whooops" }, { text: "bookkeeper" }],
  each("text", {
    empty: "",
    one_character: "x",
    no_repeats: "abc",
    tie_first_wins: "aabbcc",
    case_matters: "aAaA",
    spaces_count: "a    b  c",
    whole_text: "zzzzz",
    digits: "1000000 or 99",
    at_the_end: "hi!!!",
    crlf_lines: "a\r\n\r\nb",
  }));

spec("trailing_whitespace_trimmed",
  "Remove the spaces and tabs at the end of every line of a text, keeping the line breaks as they are (\\n or \\r\\n) and leaving everything else unchanged.",
  obj({ text: "string" }), T("string"),
  [{ text: "def main():   \n    print('hi')\t\n" }, { text: "Dear team,  \nThanks!" }],
  each("text", {
    empty: "",
    nothing_to_trim: "a\nb",
    tabs_and_spaces: "x \t \ny\t",
    crlf_kept: "one  \r\ntwo \r\n",
    line_of_spaces: "a\n    \nb",
    leading_spaces_kept: "   indented   ",
    spaces_inside_kept: "a  b  c  ",
    only_spaces: "     ",
    blank_lines_kept: "\n\n  \n",
  }));

spec("tabs_expanded_to_spaces",
  "Replace each tab in a text with spaces up to the next tab stop, as an editor does: tab stops are every width columns, counted from column 0 at the start of each line, so a tab always becomes at least one space. Lines are separated by \\n.",
  obj({ text: "string", width: { type: "integer", minimum: 1, maximum: 16 } }), T("string"),
  [
    { text: "name\tage\nAda\t36", width: 8 },
    { text: "\tindented\n\t\tmore", width: 4 },
  ],
  {
    empty: { text: "", width: 4 },
    no_tabs: { text: "plain text", width: 4 },
    tab_right_on_a_stop: { text: "abcd\tx", width: 4 },
    tab_one_before_stop: { text: "abc\tx", width: 4 },
    two_tabs_in_a_row: { text: "a\t\tb", width: 4 },
    column_restarts_each_line: { text: "abcdef\tx\nab\tx", width: 4 },
    width_one: { text: "a\tb\tc", width: 1 },
    trailing_tab: { text: "end\t", width: 8 },
    table: { text: "id\tname\tcity\n1\tKim\tSeoul\n22\tAlexandra\tLima", width: 8 },
  });

spec("atbash_cipher_text",
  "Encode a text with the Atbash cipher: each letter of the English alphabet is replaced by the letter the same distance from the other end (a and z swap, b and y, and so on), keeping its case; everything else (digits, spaces, punctuation, accented letters) stays as it is.",
  obj({ text: "string" }), T("string"),
  [{ text: "hello" }, { text: "Attack at Dawn!" }],
  each("text", {
    empty: "",
    whole_alphabet: "abcdefghijklmnopqrstuvwxyz",
    capitals: "ABC XYZ",
    middle_letters: "mn MN",
    digits_kept: "room 101",
    accents_kept: "café",
    encoded_twice_is_original: "svool",
    punctuation_only: "?!.,;:",
    sentence: "The Quick Brown Fox",
  }));

spec("average_word_length",
  "The average length of the words in a text, rounded to 2 decimals: a word is a run of letters and digits, and an apostrophe (' or ’) between two letters or digits (as in \"don't\") keeps the word together but isn't counted in its length. Punctuation and spaces don't count. 0 for a text with no words.",
  obj({ text: "string" }), NONNEG,
  [{ text: "The cat sat on the mat." }, { text: "Don't panic, it's only a test!" }],
  each("text", {
    empty: "",
    punctuation_only: "... -- !!",
    one_word: "extraordinary",
    hyphen_splits_words: "well-known",
    digits_count: "call 911 now",
    repeating_decimal: "ab cd e",
    accented_letters: "café au lait",
    newlines_and_tabs: "one\ttwo\nthree\r\nfour",
    long_sentence: "It was the best of times, it was the worst of times.",
    curly_apostrophe: "It’s fine, isn’t it",
  }));

spec("lines_as_bullet_list",
  "Turn lines of text into a Markdown bullet list: each line that isn't blank, with the whitespace around it removed, becomes \"- \" followed by the line; blank lines are dropped; the bullets are joined with \\n. The input's lines end with \\n or \\r\\n.",
  obj({ text: "string" }), T("string"),
  [{ text: "milk\neggs\nbread" }, { text: "Call the bank\n\nBook dentist\n" }],
  each("text", {
    empty: "",
    one_line: "just this",
    crlf: "first\r\nsecond\r\n",
    spaces_around: "   padded   \n\tindented",
    blank_lines_dropped: "\n\na\n\n\nb\n\n",
    only_blank_lines: "\n  \n\t\n",
    dash_already_there: "- item",
    inner_spaces_kept: "two  spaces here",
    numbers: "1\n2\n3",
  }));

spec("nato_phonetic_spelling",
  "Spell out a text with the NATO phonetic alphabet, as over the phone: each letter becomes its code word (Alfa, Bravo, Charlie, Delta, Echo, Foxtrot, Golf, Hotel, India, Juliett, Kilo, Lima, Mike, November, Oscar, Papa, Quebec, Romeo, Sierra, Tango, Uniform, Victor, Whiskey, X-ray, Yankee, Zulu) whatever its case, and each digit its name (Zero, One, Two, Three, Four, Five, Six, Seven, Eight, Nine); the words separated by single spaces. Any other character is skipped.",
  obj({ text: "string" }), T("string"),
  [{ text: "K7P" }, { text: "Bob" }],
  each("text", {
    empty: "",
    lowercase: "xyz",
    digits: "2026",
    spaces_skipped: "a b",
    punctuation_only: "-/.",
    booking_reference: "QX-4J9",
    juliett_and_alfa: "ja",
    accented_skipped: "é1",
    every_letter: "abcdefghijklmnopqrstuvwxyz",
  }));

spec("word_at_cursor",
  "The word under a text cursor: given a text and a 0-based cursor position, the word (a run of letters, digits and underscores) that contains the character at that position, or else the word that ends just before it (the cursor sits right after a word). \"\" when there is no word there or the position is past the end of the text.",
  obj({ text: "string", position: COUNT }), T("string"),
  [
    { text: "let total = price * qty", position: 6 },
    { text: "hello world", position: 5 },
  ],
  {
    start_of_word: { text: "hello world", position: 6 },
    end_of_text: { text: "hello world", position: 11 },
    past_the_end: { text: "hello", position: 9 },
    empty_text: { text: "", position: 0 },
    between_two_spaces: { text: "a  b", position: 2 },
    underscore_joins: { text: "max_retry_count = 3", position: 4 },
    on_punctuation_after_word: { text: "f(x, y)", position: 1 },
    on_punctuation_alone: { text: "a + b", position: 2 },
    digits_are_word: { text: "room 404 now", position: 7 },
    first_character: { text: "word", position: 0 },
  });

spec("html_escaped_text",
  "Make a text safe to put inside HTML: replace & with &amp;, < with &lt;, > with &gt;, \" with &quot; and ' with &#39;; everything else stays as it is.",
  obj({ text: "string" }), T("string"),
  [{ text: "Tom & Jerry" }, { text: "<b>Sale</b> \"today\" only" }],
  each("text", {
    empty: "",
    nothing_to_escape: "plain words 123",
    already_escaped: "&amp; &lt;",
    apostrophe: "it's",
    script_tag: "<script>alert('x')</script>",
    all_five: "&<>\"'",
    unicode_kept: "café — naïve ✓",
    newlines_kept: "a < b\nc > d",
    comparison: "if (a<b && b>c)",
  }));

spec("first_appearance_of_each_character",
  "Keep only the first appearance of each character in a text and drop every later repeat, so \"banana\" becomes \"ban\". Case matters (\"A\" and \"a\" are different characters), and spaces and punctuation count as characters too.",
  obj({ text: "string" }), T("string"),
  [{ text: "banana" }, { text: "Mississippi" }],
  each("text", {
    empty: "",
    no_repeats: "abc",
    all_the_same: "zzzz",
    case_matters: "AaAa",
    spaces_repeat: "a b c",
    digits: "1122334455",
    sentence: "hello world",
    emoji: "😀a😀b",
    newlines: "a\nb\nc\n",
  }));

spec("named_email_address",
  "Write a name and an email address the way an email header shows them: the name, a space and the address in angle brackets, like Ada Lovelace <ada@example.com>. Whitespace around the name and the address is removed. If the name contains a comma or a double quote, it is put in double quotes, with each double quote inside it written as \\\"; with an empty name, just the address.",
  obj({ name: "string", address: "string" }), T("string"),
  [
    { name: "Ada Lovelace", address: "ada@example.com" },
    { name: "Support Team", address: "help@shop.example" },
  ],
  {
    empty_name: { name: "", address: "noreply@x.example" },
    name_only_spaces: { name: "   ", address: "a@b.example" },
    comma_in_name: { name: "Doe, Jane", address: "jane@doe.example" },
    quote_in_name: { name: "Bob \"Bobby\" Ray", address: "bob@ray.example" },
    spaces_around: { name: "  Kim Lee ", address: " kim@lee.example  " },
    apostrophe_not_quoted: { name: "Seán O'Neill", address: "sean@irl.example" },
    dot_not_quoted: { name: "J. R. Smith", address: "jr@smith.example" },
    comma_and_quote: { name: "\"Acme\", Inc", address: "info@acme.example" },
  });

spec("english_plural_of_noun",
  "The plural of a lowercase English noun, by the regular rules: a noun ending in s, x, z, ch or sh adds \"es\"; a noun ending in y after a consonant (any letter but a, e, i, o, u) changes the y to \"ies\"; every other noun adds \"s\".",
  obj({ noun: { type: "string", pattern: "^[a-z]+$" } }), T("string"),
  [{ noun: "box" }, { noun: "city" }, { noun: "dog" }],
  each("noun", {
    ends_in_s: "bus",
    ends_in_ch: "church",
    ends_in_sh: "dish",
    ends_in_z: "waltz",
    vowel_then_y: "key",
    consonant_then_y: "baby",
    ends_in_h_not_ch: "month",
    single_letter: "a",
    just_y: "y",
    ends_in_e: "house",
  }));

spec("template_placeholders",
  "The names of the placeholders in a text template, like name in \"Hello {{ name }}\": whatever stands between {{ and the next }}, without the spaces around it. Each name once, in the order it first appears; empty placeholders ({{ }}) and a {{ that is never closed are skipped.",
  obj({ template: "string" }), arr("string"),
  [
    { template: "Hello {{ first_name }}, your order {{order_id}} ships on {{ date }}." },
    { template: "Dear {{name}}, thanks {{name}}!" },
  ],
  each("template", {
    empty: "",
    no_placeholders: "Nothing to fill in.",
    spaces_trimmed: "{{   padded   }}",
    empty_placeholder: "a {{ }} b {{}}",
    never_closed: "{{ closed }} then {{ dangling",
    single_braces_ignored: "{name} and {{real}}",
    case_differs: "{{Name}} {{name}}",
    back_to_back: "{{a}}{{b}}{{a}}",
    over_lines: "Line 1: {{ x }}\r\nLine 2: {{ y }}",
    dotted_names: "{{ user.email }} / {{ user.phone }}",
  }));

spec("most_common_letter",
  "The letter that appears most often in a text, counting capital and small letters as the same, given in lowercase. Only the letters a to z count. On a tie, the one earliest in the alphabet; null when the text has no such letters.",
  obj({ text: "string" }), { type: ["string", "null"] },
  [{ text: "Mississippi" }, { text: "hello world" }],
  each("text", {
    empty: "",
    no_letters: "123 !?",
    tie_goes_to_alphabet: "ba",
    capitals_merged: "AaBbA",
    one_letter: "Q",
    accents_ignored: "ééé a",
    digits_ignored: "a1111",
    sentence: "The quick brown fox jumps over the lazy dog",
    all_tied: "zyx",
  }));

spec("uuid_dashed",
  "Write a UUID in its standard form: its 32 hex digits in lowercase, grouped 8-4-4-4-12 with dashes. The input may already have dashes, or have spaces, curly braces or capitals; null if, once the dashes, whitespace and braces are taken out, it isn't exactly 32 hex digits.",
  obj({ text: "string" }), { type: ["string", "null"] },
  [{ text: "123E4567E89B12D3A456426614174000" }, { text: "{550e8400-e29b-41d4-a716-446655440000}" }],
  each("text", {
    already_standard: "f47ac10b-58cc-4372-a567-0e02b2c3d479",
    empty: "",
    spaces_inside: "f47ac10b 58cc 4372 a567 0e02b2c3d479",
    too_short: "f47ac10b58cc4372a5670e02b2c3d47",
    too_long: "f47ac10b58cc4372a5670e02b2c3d4790",
    not_hex: "g47ac10b58cc4372a5670e02b2c3d479",
    urn_prefix: "urn:uuid:f47ac10b-58cc-4372-a567-0e02b2c3d479",
    dashes_in_odd_places: "f47a-c10b58cc-4372a5670e02-b2c3d479",
    all_zero: "00000000000000000000000000000000",
  }));

// ---- numbers and units (10) ----------------------------------------------------------------------

spec("oven_gas_mark",
  "The gas mark to set for an oven temperature in °C: the mark whose temperature in this table is nearest (mark 1/4 is 110 °C, 1/2 is 120, 1 is 140, 2 is 150, 3 is 170, 4 is 180, 5 is 190, 6 is 200, 7 is 220, 8 is 230 and 9 is 240); exactly halfway between two marks takes the lower one. Marks 1/4 and 1/2 are given as 0.25 and 0.5.",
  obj({ celsius: T("number") }), { type: "number", minimum: 0.25, maximum: 9 },
  [{ celsius: 180 }, { celsius: 165 }, { celsius: 210 }],
  each("celsius", {
    exactly_a_mark: 230,
    halfway_takes_lower: 130,
    just_above_halfway: 130.5,
    very_cool: 50,
    below_zero: -5,
    hottest_mark: 240,
    hotter_than_any: 290,
    one_degree_off: 199,
    quarter_mark: 112,
  }));

spec("tyre_overall_diameter_inches",
  "The overall diameter of a tyre in inches from its size code like \"205/55R16\": width in millimetres / sidewall height as a percentage of the width R rim diameter in inches. Diameter = rim + 2 × width × percentage / 100, with the millimetres turned into inches (25.4 mm to the inch). Rounded to 1 decimal.",
  obj({ size: { type: "string", pattern: "^[0-9]{3}/[0-9]{2}R[0-9]{2}$" } }), NONNEG,
  [{ size: "205/55R16" }, { size: "265/70R17" }],
  each("size", {
    low_profile: "245/35R19",
    small_car: "155/80R13",
    truck: "315/75R16",
    wide_and_flat: "335/25R22",
    common_suv: "225/65R17",
    tall_sidewall: "185/95R15",
    zero_width: "000/50R15",
    rim_only_sizes: "100/00R20",
  }));

const BAND = { type: "string", enum: ["black", "brown", "red", "orange", "yellow", "green", "blue", "violet", "grey", "white"] };
const MULTIPLIER = { type: "string", enum: [...BAND.enum, "gold", "silver"] };
spec("resistor_colour_code_ohms",
  "A resistor's value in ohms from its colour bands: the first two bands are digits (black 0, brown 1, red 2, orange 3, yellow 4, green 5, blue 6, violet 7, grey 8, white 9) and the third multiplies the two-digit number by 10 to the power of its digit, or by 0.1 for gold and 0.01 for silver.",
  obj({ first: BAND, second: BAND, multiplier: MULTIPLIER }), NONNEG,
  [
    { first: "yellow", second: "violet", multiplier: "red" },
    { first: "brown", second: "black", multiplier: "orange" },
  ],
  {
    all_black: { first: "black", second: "black", multiplier: "black" },
    gold_multiplier: { first: "yellow", second: "violet", multiplier: "gold" },
    silver_multiplier: { first: "red", second: "red", multiplier: "silver" },
    leading_zero: { first: "black", second: "violet", multiplier: "brown" },
    times_one: { first: "green", second: "blue", multiplier: "black" },
    megaohms: { first: "brown", second: "black", multiplier: "green" },
    biggest: { first: "white", second: "white", multiplier: "white" },
    grey_and_violet: { first: "grey", second: "violet", multiplier: "yellow" },
  });

spec("triangle_area_from_sides",
  "The area of a triangle from the lengths of its three sides, with Heron's formula: s = (a + b + c) / 2 and area = √(s(s − a)(s − b)(s − c)). Rounded to 2 decimals; 0 when the sides can't make a triangle or make a flat one.",
  obj({ a: NONNEG, b: NONNEG, c: NONNEG }), NONNEG,
  [{ a: 3, b: 4, c: 5 }, { a: 7, b: 8, c: 9 }],
  {
    equilateral: { a: 2, b: 2, c: 2 },
    flat: { a: 1, b: 2, c: 3 },
    impossible: { a: 1, b: 1, c: 5 },
    zero_side: { a: 0, b: 4, c: 4 },
    all_zero: { a: 0, b: 0, c: 0 },
    isosceles: { a: 5, b: 5, c: 6 },
    decimals: { a: 2.5, b: 3.1, c: 4.4 },
    long_and_thin: { a: 100, b: 100, c: 1 },
    big_field: { a: 120, b: 160, c: 200 },
  });

const PLACE = obj({ lat: { type: "number", minimum: -90, maximum: 90 }, lon: { type: "number", minimum: -180, maximum: 180 } });
const place = (lat, lon) => ({ lat, lon });
spec("great_circle_distance_km",
  "The distance between two places on Earth along its surface, from their latitudes and longitudes in degrees, by the haversine formula with an Earth radius of 6371 km: h = sin²(Δlat/2) + cos(lat1)·cos(lat2)·sin²(Δlon/2) and distance = 2·6371·asin(√h). In km, rounded to 1 decimal.",
  obj({ from: PLACE, to: PLACE }), NONNEG,
  [
    { from: place(51.5074, -0.1278), to: place(48.8566, 2.3522) },
    { from: place(40.7128, -74.006), to: place(34.0522, -118.2437) },
  ],
  {
    same_place: { from: place(10, 20), to: place(10, 20) },
    pole_to_pole: { from: place(90, 0), to: place(-90, 0) },
    along_equator: { from: place(0, 0), to: place(0, 90) },
    across_date_line: { from: place(0, 179.5), to: place(0, -179.5) },
    opposite_sides: { from: place(0, 0), to: place(0, 180) },
    southern_hemisphere: { from: place(-33.8688, 151.2093), to: place(-36.8485, 174.7633) },
    short_hop: { from: place(52.52, 13.405), to: place(52.53, 13.405) },
    one_degree_north: { from: place(45, 7), to: place(46, 7) },
  });

spec("effective_annual_rate_percent",
  "The effective annual interest rate of a savings account: the nominal annual rate r (a percentage) is paid in periods_per_year equal parts and compounded, so the effective rate is (1 + r/100/periods_per_year)^periods_per_year − 1. As a percentage, rounded to 2 decimals.",
  obj({ nominal_percent: NONNEG, periods_per_year: { type: "integer", minimum: 1 } }), NONNEG,
  [{ nominal_percent: 5, periods_per_year: 12 }, { nominal_percent: 3.6, periods_per_year: 4 }],
  {
    no_interest: { nominal_percent: 0, periods_per_year: 12 },
    once_a_year: { nominal_percent: 4.25, periods_per_year: 1 },
    twice_a_year: { nominal_percent: 6, periods_per_year: 2 },
    daily: { nominal_percent: 5, periods_per_year: 365 },
    weekly: { nominal_percent: 2.4, periods_per_year: 52 },
    high_rate_monthly: { nominal_percent: 24, periods_per_year: 12 },
    tiny_rate: { nominal_percent: 0.1, periods_per_year: 12 },
    hundred_percent_daily: { nominal_percent: 100, periods_per_year: 365 },
  });

spec("stair_steps_for_height",
  "How many steps a staircase needs to climb a height in millimetres when no step may rise more than max_riser_mm, and how tall each step then is: steps = height ÷ max riser, rounded up to a whole number, and riser_mm = height ÷ steps, rounded to 1 decimal. As {steps, riser_mm}; a height of 0 needs {steps: 0, riser_mm: 0}.",
  obj({ height_mm: COUNT, max_riser_mm: { type: "integer", minimum: 1 } }), obj({ steps: COUNT, riser_mm: NONNEG }),
  [{ height_mm: 2650, max_riser_mm: 190 }, { height_mm: 2400, max_riser_mm: 200 }],
  {
    no_height: { height_mm: 0, max_riser_mm: 190 },
    exactly_divides: { height_mm: 1800, max_riser_mm: 180 },
    one_mm_over: { height_mm: 1801, max_riser_mm: 180 },
    single_step: { height_mm: 150, max_riser_mm: 200 },
    exactly_one_riser: { height_mm: 200, max_riser_mm: 200 },
    short_riser_rule: { height_mm: 3000, max_riser_mm: 170 },
    repeating_decimal: { height_mm: 1000, max_riser_mm: 180 },
    tall_building_floor: { height_mm: 4200, max_riser_mm: 175 },
  });

spec("inches_to_nearest_sixteenth",
  "A length in inches written the way a carpenter reads a tape measure: rounded to the nearest 1/16 inch and written as whole inches and a fraction in its lowest terms, like \"3 5/16\"; just \"3\" when there is no fraction, just \"5/8\" under an inch, and \"0\" for nothing.",
  obj({ inches: NONNEG }), T("string"),
  [{ inches: 3.3125 }, { inches: 0.625 }, { inches: 12 }],
  each("inches", {
    zero: 0,
    rounds_to_zero: 0.02,
    rounds_up_to_whole: 4.98,
    one_sixteenth: 0.0625,
    half: 7.5,
    quarter_from_decimal: 2.26,
    three_quarters: 10.74,
    odd_sixteenths: 1.94,
    eighths_reduced: 5.37,
  }));

spec("video_file_size_mb",
  "How big a video file will be, in megabytes: its total bitrate (video and audio together) in kilobits per second times its length in seconds gives the kilobits; 1 kilobit is 1000 bits, 8 bits make a byte and 1 MB is 1,000,000 bytes. Rounded to 1 decimal.",
  obj({ bitrate_kbps: NONNEG, seconds: NONNEG }), NONNEG,
  [{ bitrate_kbps: 5000, seconds: 600 }, { bitrate_kbps: 128, seconds: 215 }],
  {
    no_length: { bitrate_kbps: 8000, seconds: 0 },
    no_bitrate: { bitrate_kbps: 0, seconds: 3600 },
    one_second: { bitrate_kbps: 8000, seconds: 1 },
    feature_film: { bitrate_kbps: 4500, seconds: 7200 },
    small_clip: { bitrate_kbps: 750, seconds: 9 },
    decimal_seconds: { bitrate_kbps: 2500, seconds: 12.7 },
    rounds_to_zero: { bitrate_kbps: 64, seconds: 0.3 },
    four_k: { bitrate_kbps: 45000, seconds: 1800 },
  });

spec("fence_posts_for_length",
  "How many posts a straight fence needs: one at each end, and enough in between that no gap between neighbouring posts is longer than max_gap_m. That is length ÷ max gap rounded up to a whole number of gaps, plus 1 post; 0 posts for a fence of length 0.",
  obj({ length_m: NONNEG, max_gap_m: { type: "number", exclusiveMinimum: 0 } }), NONNEG,
  [{ length_m: 20, max_gap_m: 2.4 }, { length_m: 12, max_gap_m: 3 }],
  {
    no_fence: { length_m: 0, max_gap_m: 2 },
    shorter_than_one_gap: { length_m: 1.5, max_gap_m: 2 },
    exactly_one_gap: { length_m: 2, max_gap_m: 2 },
    just_over_a_gap: { length_m: 2.01, max_gap_m: 2 },
    decimals_divide_exactly: { length_m: 4.35, max_gap_m: 0.05 },
    tenths: { length_m: 0.3, max_gap_m: 0.1 },
    long_boundary: { length_m: 150, max_gap_m: 2.5 },
    gap_longer_than_fence: { length_m: 3, max_gap_m: 10 },
  });

// ---- dates and times (10) ------------------------------------------------------------------------

const STAYS = arr(obj({ check_in: ISO_DATE, check_out: ISO_DATE }));
const stays = (...r) => rows(["check_in", "check_out"], ...r);
spec("nights_booked_in_month",
  "How many room-nights of our bookings fall in a given month (YYYY-MM): each booking has a check-in and a check-out date (YYYY-MM-DD), and the guest stays the nights from the check-in date up to the night before check-out. The number of those nights, over all bookings, whose date is in the month; a booking whose check-out is not after its check-in has no nights.",
  obj({ bookings: STAYS, month: YEAR_MONTH }), COUNT,
  [
    { bookings: stays(["2026-06-10", "2026-06-14"], ["2026-06-28", "2026-07-03"], ["2026-05-30", "2026-06-02"]), month: "2026-06" },
    { bookings: stays(["2026-08-01", "2026-08-08"]), month: "2026-08" },
  ],
  {
    no_bookings: { bookings: [], month: "2026-06" },
    other_month: { bookings: stays(["2026-03-01", "2026-03-05"]), month: "2026-04" },
    check_out_on_the_first: { bookings: stays(["2026-04-28", "2026-05-01"]), month: "2026-05" },
    check_in_on_the_last_day: { bookings: stays(["2026-04-30", "2026-05-02"]), month: "2026-04" },
    whole_month_and_more: { bookings: stays(["2026-01-20", "2026-03-10"]), month: "2026-02" },
    leap_february: { bookings: stays(["2028-01-31", "2028-03-01"]), month: "2028-02" },
    across_new_year: { bookings: stays(["2026-12-29", "2027-01-03"]), month: "2027-01" },
    same_day_no_night: { bookings: stays(["2026-06-05", "2026-06-05"]), month: "2026-06" },
    check_out_before_check_in: { bookings: stays(["2026-06-10", "2026-06-08"]), month: "2026-06" },
    many_guests: { bookings: stays(["2026-09-01", "2026-09-03"], ["2026-09-02", "2026-09-09"], ["2026-08-25", "2026-09-01"], ["2026-09-29", "2026-10-02"], ["2026-09-15", "2026-09-16"]), month: "2026-09" },
  });

spec("clock_hands_angle",
  "The angle between the hour and minute hands of an analogue clock at a time given as HH:MM on a 24-hour clock: the hour hand moves smoothly, half a degree a minute, and the minute hand six degrees a minute. In degrees, the smaller of the two angles between the hands (0 to 180).",
  obj({ time: HHMM }), { type: "number", minimum: 0, maximum: 180 },
  [{ time: "03:00" }, { time: "09:45" }],
  each("time", {
    midnight: "00:00",
    noon: "12:00",
    half_past_twelve: "12:30",
    six_oclock: "18:00",
    quarter_past_three: "15:15",
    almost_midnight: "23:59",
    one_minute_past: "00:01",
    twenty_to_nine: "20:40",
    afternoon: "14:27",
  }));

spec("nth_working_day_of_month",
  "The date of the nth working day (Monday to Friday) of a month, as YYYY-MM-DD; null if the month doesn't have that many working days.",
  obj({ year: YEAR, month: MONTH, n: { type: "integer", minimum: 1 } }), { anyOf: [ISO_DATE, T("null")] },
  [{ year: 2026, month: 3, n: 1 }, { year: 2026, month: 7, n: 10 }],
  {
    month_starts_saturday: { year: 2026, month: 8, n: 1 },
    month_starts_sunday: { year: 2026, month: 2, n: 1 },
    fifth_over_a_weekend: { year: 2026, month: 6, n: 5 },
    last_working_day: { year: 2026, month: 9, n: 22 },
    one_too_many: { year: 2026, month: 9, n: 23 },
    leap_february_end: { year: 2024, month: 2, n: 21 },
    february_non_leap: { year: 2027, month: 2, n: 20 },
    december: { year: 2026, month: 12, n: 17 },
    far_too_many: { year: 2026, month: 1, n: 400 },
  });

spec("appointment_slot_start_times",
  "The start times of the appointments that fit between opening and closing time: back-to-back appointments of the given length in minutes, the first starting at opening time, each of which must end by closing time. HH:MM times on one day; an empty list if closing is not after opening.",
  obj({ open: HHMM, close: HHMM, minutes: { type: "integer", minimum: 1 } }), arr(HHMM),
  [
    { open: "09:00", close: "12:00", minutes: 45 },
    { open: "14:00", close: "16:00", minutes: 30 },
  ],
  {
    last_one_ends_at_close: { open: "10:00", close: "11:00", minutes: 20 },
    last_one_would_overrun: { open: "10:00", close: "11:00", minutes: 25 },
    longer_than_the_day: { open: "10:00", close: "11:00", minutes: 90 },
    exactly_one: { open: "08:30", close: "09:00", minutes: 30 },
    close_before_open: { open: "17:00", close: "09:00", minutes: 30 },
    open_equals_close: { open: "12:00", close: "12:00", minutes: 15 },
    odd_start: { open: "07:50", close: "09:10", minutes: 25 },
    till_late: { open: "21:00", close: "23:59", minutes: 60 },
    from_midnight: { open: "00:00", close: "01:00", minutes: 15 },
  });

spec("fortnightly_paydays_in_year",
  "All my paydays in a year when I'm paid every two weeks: paydays fall every 14 days before and after a payday I know (which may be in another year). The paydays that fall in the given year, in order, as YYYY-MM-DD.",
  obj({ payday: ISO_DATE, year: YEAR }), arr(ISO_DATE),
  [
    { payday: "2026-01-09", year: 2026 },
    { payday: "2026-03-27", year: 2026 },
  ],
  {
    known_payday_next_year: { payday: "2027-06-18", year: 2026 },
    known_payday_years_ago: { payday: "2019-11-22", year: 2026 },
    lands_on_new_years_day: { payday: "2026-12-18", year: 2027 },
    twenty_seven_paydays: { payday: "2027-01-01", year: 2027 },
    new_years_eve: { payday: "2025-12-31", year: 2026 },
    leap_year: { payday: "2024-02-29", year: 2024 },
    century_year: { payday: "2000-01-14", year: 2100 },
    year_before: { payday: "2026-01-02", year: 2025 },
  });

spec("weekday_counts_in_month",
  "How many of each day of the week a month has: an object from Monday, Tuesday, Wednesday, Thursday, Friday, Saturday and Sunday (in that order) to how many times that day occurs in the month.",
  obj({ year: YEAR, month: MONTH }), mapOf(T("integer")),
  [{ year: 2026, month: 12 }, { year: 2026, month: 4 }],
  {
    february_four_weeks: { year: 2026, month: 2 },
    leap_february: { year: 2024, month: 2 },
    leap_february_starting_sunday: { year: 2032, month: 2 },
    starts_on_saturday_31_days: { year: 2026, month: 8 },
    starts_on_sunday_30_days: { year: 2026, month: 11 },
    century_non_leap: { year: 1900, month: 2 },
    millennium_leap: { year: 2000, month: 2 },
    january: { year: 2027, month: 1 },
  });

spec("bin_collection_for_date",
  "Which bin gets collected on a date: bins go out every Tuesday, alternating between \"recycling\" and \"general waste\", and first_recycling is a Tuesday on which recycling was collected (the alternation runs forwards and backwards from it). The bin for the date, or null when the date isn't a Tuesday.",
  obj({ first_recycling: ISO_DATE, date: ISO_DATE }), { type: ["string", "null"], enum: ["recycling", "general waste", null] },
  [
    { first_recycling: "2026-01-06", date: "2026-01-13" },
    { first_recycling: "2026-01-06", date: "2026-03-03" },
  ],
  {
    same_day: { first_recycling: "2026-01-06", date: "2026-01-06" },
    not_a_tuesday: { first_recycling: "2026-01-06", date: "2026-01-14" },
    week_before: { first_recycling: "2026-01-06", date: "2025-12-30" },
    two_weeks_before: { first_recycling: "2026-01-06", date: "2025-12-23" },
    across_year_end: { first_recycling: "2025-12-09", date: "2026-01-06" },
    leap_year_spring: { first_recycling: "2028-02-29", date: "2028-03-14" },
    a_year_later: { first_recycling: "2026-01-06", date: "2027-01-05" },
    sunday: { first_recycling: "2026-01-06", date: "2026-05-03" },
    long_ago: { first_recycling: "2026-01-06", date: "2020-01-07" },
  });

spec("chinese_zodiac_animal",
  "The Chinese zodiac animal of a year, by calendar year (ignoring the date Chinese New Year falls on): the animals go Rat, Ox, Tiger, Rabbit, Dragon, Snake, Horse, Goat, Monkey, Rooster, Dog, Pig, one a year, repeating every 12 years, and 2020 was a year of the Rat.",
  obj({ year: { type: "integer", minimum: 1 } }), { type: "string", enum: ["Rat", "Ox", "Tiger", "Rabbit", "Dragon", "Snake", "Horse", "Goat", "Monkey", "Rooster", "Dog", "Pig"] },
  [{ year: 2026 }, { year: 1988 }],
  each("year", {
    year_of_the_rat: 2020,
    year_before: 2019,
    twelve_years_later: 2032,
    end_of_cycle: 2031,
    year_2000: 2000,
    year_one: 1,
    year_1900: 1900,
    far_future: 3000,
    year_1066: 1066,
  }));

spec("next_monthly_due_date",
  "When a monthly bill is next due: it is due on the given day of every month, or on the last day of a month that is too short for that day. The first due date on or after today, as YYYY-MM-DD.",
  obj({ today: ISO_DATE, day: { type: "integer", minimum: 1, maximum: 31 } }), T("string"),
  [{ today: "2026-03-10", day: 15 }, { today: "2026-03-20", day: 15 }],
  {
    due_today: { today: "2026-05-15", day: 15 },
    day_31_in_april: { today: "2026-04-02", day: 31 },
    day_31_after_april_30: { today: "2026-04-30", day: 31 },
    february_non_leap: { today: "2027-02-01", day: 30 },
    february_leap: { today: "2028-02-10", day: 30 },
    into_short_february: { today: "2026-01-31", day: 30 },
    year_end: { today: "2026-12-20", day: 5 },
    day_one: { today: "2026-06-02", day: 1 },
    century_february: { today: "2100-02-27", day: 29 },
  });

spec("time_ago_label",
  "How long ago something happened, the way a social feed shows it, from then to now (both YYYY-MM-DDTHH:MM:SS in UTC): \"just now\" under a minute, else \"N minutes ago\" under an hour, else \"N hours ago\" under a day, else \"N days ago\", counting whole units (rounded down) and writing \"1 minute ago\", \"1 hour ago\", \"1 day ago\" for one. \"in the future\" when then is after now.",
  obj({ then: TIMESTAMP, now: TIMESTAMP }), T("string"),
  [
    { then: "2026-05-04T09:15:00", now: "2026-05-04T09:42:30" },
    { then: "2026-05-01T18:00:00", now: "2026-05-04T09:00:00" },
  ],
  {
    same_moment: { then: "2026-05-04T09:00:00", now: "2026-05-04T09:00:00" },
    fifty_nine_seconds: { then: "2026-05-04T09:00:00", now: "2026-05-04T09:00:59" },
    exactly_a_minute: { then: "2026-05-04T09:00:00", now: "2026-05-04T09:01:00" },
    exactly_an_hour: { then: "2026-05-04T09:00:00", now: "2026-05-04T10:00:00" },
    across_midnight: { then: "2026-05-03T23:30:00", now: "2026-05-04T00:10:00" },
    one_second_short_of_a_day: { then: "2026-05-03T09:00:00", now: "2026-05-04T08:59:59" },
    across_year_end: { then: "2025-12-31T12:00:00", now: "2026-01-02T11:00:00" },
    leap_day_in_between: { then: "2028-02-28T10:00:00", now: "2028-03-01T10:00:00" },
    in_the_future: { then: "2026-05-04T09:00:01", now: "2026-05-04T09:00:00" },
    over_a_year: { then: "2025-01-01T00:00:00", now: "2026-01-01T00:00:00" },
  });

// ---- utility functions (5) -----------------------------------------------------------------------

spec("table_transposed",
  "Transpose a table given as a list of rows: the cell in row i, column j ends up in row j, column i. Rows may have different lengths; missing cells are filled with null, so every new row has one cell per original row. An empty list when there are no cells at all.",
  obj({ rows: arr(arr(ANY_JSON)) }), arr(arr(ANY_JSON)),
  [{ rows: [[1, 2, 3], [4, 5, 6]] }, { rows: [["name", "age"], ["Ada", 36], ["Bo", 41]] }],
  each("rows", {
    no_rows: [],
    only_empty_rows: [[], []],
    one_row: [["a", "b", "c"]],
    one_column: [[1], [2], [3]],
    ragged_rows: [[1, 2, 3], [4], [5, 6]],
    nulls_kept: [[null, 1], [2, null]],
    nested_values_untouched: [[[1, 2], { k: "v" }]],
    square: [[1, 2, 3], [4, 5, 6], [7, 8, 9]],
  }));

spec("list_flattened_fully",
  "Flatten a list that may contain lists, to any depth, into one flat list of everything that isn't a list, in order. Objects are kept whole (not opened), and empty lists simply disappear.",
  obj({ items: arr(ANY_JSON) }), arr(ANY_JSON),
  [{ items: [1, [2, [3, [4]], 5]] }, { items: [["a", "b"], ["c"], "d"] }],
  each("items", {
    empty: [],
    already_flat: [1, 2, 3],
    empty_lists_vanish: [[], [[]], 1, [[], [2]]],
    very_deep: [[[[[["bottom"]]]]]],
    objects_kept_whole: [{ list: [1, 2] }, [{ a: 1 }]],
    nulls_and_booleans: [null, [false, [true, null]]],
    mixed_types: ["x", [1, ["y", [2.5]]], {}],
    order_kept: [[3, 2], 1, [[0]]],
  }));

spec("records_sorted_by_fields",
  "Sort records by several fields: by the first name in fields, then by the second among records equal on the first, and so on, each from smallest to largest. Numbers sort by value and come before text, text sorts by character code (so capitals before small letters), and a record missing the field, or holding anything else there (null, true/false, a list or an object), comes last. Records equal on every field keep their order.",
  obj({ records: arr(RECORD), fields: arr("string") }), arr(RECORD),
  [
    { records: [{ name: "Cy", age: 30 }, { name: "Ann", age: 25 }, { name: "Bo", age: 30 }], fields: ["age", "name"] },
    { records: [{ city: "Oslo", pop: 700 }, { city: "Bergen", pop: 290 }], fields: ["city"] },
  ],
  {
    no_records: { records: [], fields: ["a"] },
    no_fields_keeps_order: { records: [{ a: 2 }, { a: 1 }], fields: [] },
    missing_field_last: { records: [{ b: 1 }, { a: 2 }, { a: 1 }], fields: ["a"] },
    null_counts_as_missing: { records: [{ a: null }, { a: 5 }], fields: ["a"] },
    numbers_before_text: { records: [{ a: "10" }, { a: 9 }, { a: "9" }], fields: ["a"] },
    capitals_first: { records: [{ n: "apple" }, { n: "Banana" }, { n: "Apple" }], fields: ["n"] },
    ties_keep_order: { records: [{ k: 1, id: "x" }, { k: 1, id: "y" }, { k: 0, id: "z" }], fields: ["k"] },
    negative_and_decimal: { records: [{ v: 0 }, { v: -1.5 }, { v: 2 }, { v: -10 }], fields: ["v"] },
    three_fields: { records: [{ a: 1, b: 2, c: 3 }, { a: 1, b: 2, c: 1 }, { a: 1, b: 1, c: 9 }, { a: 0, b: 9, c: 9 }], fields: ["a", "b", "c"] },
  });

spec("sliding_windows_of_size",
  "All the runs of size consecutive items in a list, in order: [1, 2, 3] with size 2 gives [[1, 2], [2, 3]]. An empty list when the list is shorter than size.",
  obj({ items: arr(ANY_JSON), size: { type: "integer", minimum: 1 } }), arr(arr(ANY_JSON)),
  [{ items: [1, 2, 3, 4, 5], size: 3 }, { items: ["mon", "tue", "wed"], size: 2 }],
  {
    empty_list: { items: [], size: 1 },
    size_one: { items: ["a", "b"], size: 1 },
    size_equals_length: { items: [1, 2, 3], size: 3 },
    size_longer_than_list: { items: [1, 2], size: 3 },
    huge_size: { items: [1, 2, 3], size: 1000000000 },
    repeats_kept: { items: [7, 7, 7], size: 2 },
    mixed_values: { items: [null, { a: 1 }, [2], "x"], size: 2 },
    longer_list: { items: [1, 2, 3, 4, 5, 6, 7, 8], size: 4 },
  });

spec("values_deeply_equal",
  "Whether two JSON values are equal all the way down: the same type, the same number or text, lists with equal items in the same order, objects with the same keys (in any order) and equal values under each. A number and a text are never equal (1 is not \"1\"), and null is only equal to null.",
  obj({ a: ANY_JSON, b: ANY_JSON }), T("boolean"),
  [
    { a: { name: "Ada", tags: ["x", "y"] }, b: { tags: ["x", "y"], name: "Ada" } },
    { a: [1, 2, 3], b: [1, 3, 2] },
  ],
  {
    same_number: { a: 42, b: 42 },
    number_and_text: { a: 1, b: "1" },
    null_and_null: { a: null, b: null },
    null_and_missing_key: { a: { x: null }, b: {} },
    extra_key: { a: { x: 1 }, b: { x: 1, y: 2 } },
    empty_list_and_object: { a: [], b: {} },
    nested_difference: { a: { p: { q: [1, { r: true }] } }, b: { p: { q: [1, { r: false }] } } },
    nested_same: { a: { p: { q: [1, { r: true }] } }, b: { p: { q: [1, { r: true }] } } },
    zero_and_false: { a: 0, b: false },
    text_case: { a: "Yes", b: "yes" },
  });
