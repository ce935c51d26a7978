// The specs of tests/fixtures/specs/holdout11 without their outputs: description, schemas and the
// inputs of the examples and the named tests. scripts/make-holdout11-specs.mjs adds the outputs.
// New tasks (none a renamed task of an earlier set, checked against their file names only), written
// without running the synthesizer or reading its code, in the proportions of the brief: 20 records
// and lists, 15 strings, 10 numbers and units, 10 dates and times, 5 utility functions.

import { T, obj, arr, HHMM, rows } from "./spec-schemas.mjs";
const NONNEG = { type: "number", minimum: 0 };
const COUNT = { type: "integer", minimum: 0 };
const STRING_OR_NULL = { type: ["string", "null"] };
/** A real calendar date's shape: months 01-12 and days 01-31, so no reference meets month 13. */
const ISO_DATE = { type: "string", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" };
const DATE_OR_NULL = { anyOf: [ISO_DATE, T("null")] };
const ANY_JSON = { type: ["string", "number", "boolean", "null", "object", "array"] };
const RECORD = { type: "object" };
const mapOf = (values) => ({ type: "object", additionalProperties: values });
/** One single-field input per value: each("text", {empty: ""}) -> {empty: {text: ""}}. */
const each = (field, named) => Object.fromEntries(Object.entries(named).map(([name, v]) => [name, { [field]: v }]));

export const SPECS = [];
const spec = (capability, description, inputSchema, outputSchema, examples, tests) =>
  SPECS.push({ capability, description, inputSchema, outputSchema, examples, tests });

// ---- records and lists (20) ----------------------------------------------------------------------

const EMPLOYEES = arr(obj({ name: "string", manager: STRING_OR_NULL }));
const staff = (...r) => rows(["name", "manager"], ...r);
const ORG = staff(
  ["Grace", null], ["Hugo", "Grace"], ["Iris", "Grace"], ["Jonas", "Hugo"], ["Kemal", "Hugo"], ["Lena", "Jonas"], ["Milo", "Iris"], ["Nadia", "Lena"],
);
spec("everyone_under_manager",
  "Everyone who works under a manager in our org chart, directly or further down (the reports of their reports, and so on). Each employee has a name and the name of their manager (null for the person at the top). The names sorted alphabetically; an empty list if nobody reports to them.",
  obj({ employees: EMPLOYEES, manager: "string" }), arr("string"),
  [
    { employees: ORG, manager: "Hugo" },
    { employees: ORG, manager: "Iris" },
  ],
  {
    whole_company: { employees: ORG, manager: "Grace" },
    nobody_under: { employees: ORG, manager: "Nadia" },
    not_in_chart: { employees: ORG, manager: "Zoe" },
    no_employees: { employees: [], manager: "Grace" },
    chain: { employees: ORG, manager: "Jonas" },
    listed_before_their_manager: { employees: staff(["Ugo", "Tess"], ["Tess", "Sam"], ["Sam", null], ["Vic", "Sam"]), manager: "Sam" },
    flat_team: { employees: staff(["Boss", null], ["Dan", "Boss"], ["Ava", "Boss"], ["Cy", "Boss"], ["Bea", "Boss"]), manager: "Boss" },
    two_top_people: { employees: staff(["P", null], ["Q", null], ["R", "Q"], ["S", "P"]), manager: "Q" },
    name_spelled_differently: { employees: staff(["Ana", null], ["Bo", "ana"]), manager: "Ana" },
  });

spec("poll_winner_by_votes",
  "Who won our team poll: votes has one name per ballot. The name with the most votes wins; if several names share the most votes, the one that received a vote first (earliest in the list) wins. Names count as the same only when spelled exactly the same. null when nobody voted.",
  obj({ votes: arr("string") }), STRING_OR_NULL,
  [
    { votes: ["Tacos", "Pizza", "Tacos", "Sushi", "Pizza", "Tacos"] },
    { votes: ["Friday", "Thursday", "Thursday"] },
  ],
  each("votes", {
    no_votes: [],
    one_vote: ["Lisbon"],
    two_way_tie: ["Red", "Blue", "Blue", "Red"],
    tie_first_voted_wins: ["Oak", "Elm", "Elm", "Ash", "Oak", "Ash"],
    late_surge: ["A", "A", "B", "B", "B", "C"],
    everyone_different: ["x", "y", "z"],
    case_matters: ["tea", "Tea", "TEA", "Tea"],
    spaces_matter: ["Jo", "Jo ", "Jo "],
    landslide: ["Yes", "Yes", "Yes", "Yes", "No", "Yes", "Yes", "No", "Yes"],
  }));

const MARKS = arr(obj({ student: "string", assignment: "string", mark: NONNEG }));
const marks = (...r) => rows(["student", "assignment", "mark"], ...r);
spec("average_mark_per_assignment",
  "The class average for each assignment in the gradebook: an object from assignment to the mean of the marks handed in for it, rounded to 1 decimal, assignments in the order they first appear.",
  obj({ marks: MARKS }), mapOf(T("number")),
  [
    { marks: marks(["Amy", "Essay", 72], ["Amy", "Quiz 1", 9], ["Bob", "Essay", 65], ["Bob", "Quiz 1", 7], ["Cal", "Essay", 81]) },
    { marks: marks(["Dee", "Lab", 18], ["Eli", "Lab", 15]) },
  ],
  each("marks", {
    empty_gradebook: [],
    one_mark: marks(["Fay", "Project", 88]),
    zero_mark: marks(["Gus", "Test", 0], ["Hal", "Test", 10]),
    repeating_decimal: marks(["A", "T", 10], ["B", "T", 10], ["C", "T", 11]),
    decimal_marks: marks(["A", "Quiz", 7.5], ["B", "Quiz", 8.25], ["C", "Quiz", 6.5]),
    case_matters: marks(["A", "essay", 50], ["B", "Essay", 70]),
    same_student_twice: marks(["Ivy", "Retake", 40], ["Ivy", "Retake", 60]),
    many_assignments: marks(["A", "HW1", 10], ["A", "HW2", 8], ["A", "HW3", 6], ["B", "HW3", 9], ["B", "HW1", 7], ["C", "HW2", 5], ["C", "HW1", 9]),
    all_full_marks: marks(["A", "Final", 100], ["B", "Final", 100], ["C", "Final", 100]),
  }));

const CARS = arr(obj({ driver: "string", free_seats: COUNT }));
const cars = (...r) => rows(["driver", "free_seats"], ...r);
spec("carpool_riders_without_seat",
  "How many people still need a lift to the away game: each car has a driver and a number of free seats (not counting the driver), and riders is how many people need a seat. 0 if there are enough seats.",
  obj({ cars: CARS, riders: COUNT }), COUNT,
  [
    { cars: cars(["Mum", 3], ["Coach", 2]), riders: 8 },
    { cars: cars(["Raj", 4], ["Lea", 1], ["Tom", 2]), riders: 6 },
  ],
  {
    no_cars: { cars: [], riders: 5 },
    nobody_needs_a_lift: { cars: cars(["Ann", 2]), riders: 0 },
    exactly_enough: { cars: cars(["Ann", 2], ["Ben", 3]), riders: 5 },
    one_short: { cars: cars(["Ann", 2], ["Ben", 3]), riders: 6 },
    full_cars: { cars: cars(["Ann", 0], ["Ben", 0]), riders: 3 },
    nothing_at_all: { cars: [], riders: 0 },
    minibus: { cars: cars(["Club", 15], ["Pat", 4]), riders: 12 },
    many_cars: { cars: cars(["a", 1], ["b", 1], ["c", 2], ["d", 3], ["e", 1], ["f", 4]), riders: 20 },
  });

const LOANS = arr(obj({ member: "string", title: "string", returned: "boolean" }));
const loans = (...r) => rows(["member", "title", "returned"], ...r);
spec("books_on_loan_by_member",
  "How many books each library member still has out: an object from member to the number of their loans not yet returned. Members with nothing out are left out; members in the order their first unreturned loan appears.",
  obj({ loans: LOANS }), mapOf(COUNT),
  [
    { loans: loans(["M-17", "Dune", false], ["M-03", "Emma", true], ["M-17", "Ulysses", false], ["M-03", "Beloved", false]) },
    { loans: loans(["Ruth", "Atlas", true], ["Sven", "Ivanhoe", false]) },
  ],
  each("loans", {
    no_loans: [],
    all_returned: loans(["A", "x", true], ["B", "y", true]),
    none_returned: loans(["A", "x", false], ["B", "y", false], ["A", "z", false]),
    returned_first_then_out: loans(["Kit", "Old", true], ["Lou", "New", false], ["Kit", "Newer", false]),
    same_book_twice: loans(["Max", "Heidi", false], ["Max", "Heidi", false]),
    member_case_matters: loans(["m-1", "a", false], ["M-1", "b", false]),
    one_member: loans(["Only", "a", false], ["Only", "b", true], ["Only", "c", false], ["Only", "d", false]),
    busy_branch: loans(["P", "a", false], ["Q", "b", true], ["R", "c", false], ["P", "d", true], ["Q", "e", false], ["R", "f", false], ["S", "g", true]),
  }));

const PRICE_HISTORY = arr(obj({ date: ISO_DATE, price: NONNEG }));
const history = (...r) => rows(["date", "price"], ...r);
spec("date_of_lowest_price",
  "When was this product cheapest? Given its price history (dates and prices, not necessarily in date order), the date of the lowest price; if the lowest price was seen on several dates, the earliest of them. null for an empty history.",
  obj({ history: PRICE_HISTORY }), DATE_OR_NULL,
  [
    { history: history(["2026-03-01", 59.99], ["2026-03-08", 54.99], ["2026-03-15", 57.49]) },
    { history: history(["2026-11-27", 199], ["2026-10-02", 249], ["2026-12-24", 229]) },
  ],
  each("history", {
    empty_history: [],
    one_price: history(["2026-01-05", 12]),
    tie_earliest_date: history(["2026-05-20", 9.5], ["2026-05-10", 9.5], ["2026-05-15", 11]),
    tie_listed_late: history(["2026-06-01", 30], ["2026-07-01", 25], ["2026-02-01", 25]),
    free: history(["2026-04-01", 4.99], ["2026-04-02", 0], ["2026-04-03", 4.99]),
    cents_apart: history(["2026-08-01", 10.01], ["2026-08-02", 10]),
    across_years: history(["2027-01-02", 80], ["2026-12-30", 80], ["2026-12-31", 85]),
    never_changed: history(["2026-09-09", 5], ["2026-09-01", 5], ["2026-09-05", 5]),
    falling_prices: history(["2026-01-01", 100], ["2026-02-01", 90], ["2026-03-01", 80], ["2026-04-01", 70]),
  }));

const RECIPES = mapOf(obj({ serves: { type: "integer", minimum: 1 }, grams: mapOf(NONNEG) }));
const MEALS = arr(obj({ recipe: "string", people: COUNT }));
const meals = (...r) => rows(["recipe", "people"], ...r);
const COOKBOOK = {
  porridge: { serves: 2, grams: { oats: 80, milk: 400, honey: 20 } },
  pancakes: { serves: 4, grams: { flour: 200, milk: 300, eggs: 120 } },
  omelette: { serves: 1, grams: { eggs: 165, butter: 10 } },
};
spec("ingredients_for_meal_plan",
  "The shopping list for a week of meals: each recipe says how many people it serves and the grams of each ingredient; each meal in the plan names a recipe and how many people will eat it, so the recipe is scaled to that many people. The total grams of each ingredient over the plan, rounded to whole grams, ingredients in the order they first come up. Meals naming a recipe we don't have are skipped.",
  obj({ recipes: RECIPES, meals: MEALS }), mapOf(NONNEG),
  [
    { recipes: COOKBOOK, meals: meals(["porridge", 2], ["pancakes", 4]) },
    { recipes: COOKBOOK, meals: meals(["omelette", 3], ["porridge", 1]) },
  ],
  {
    no_meals: { recipes: COOKBOOK, meals: [] },
    unknown_recipe: { recipes: COOKBOOK, meals: meals(["lasagne", 4], ["omelette", 1]) },
    nobody_eating: { recipes: COOKBOOK, meals: meals(["pancakes", 0]) },
    scaled_down: { recipes: COOKBOOK, meals: meals(["pancakes", 1]) },
    scaled_to_thirds: { recipes: { stew: { serves: 3, grams: { beef: 500, carrots: 250 } } }, meals: meals(["stew", 2]) },
    same_recipe_twice: { recipes: COOKBOOK, meals: meals(["omelette", 1], ["omelette", 2], ["omelette", 1]) },
    shared_ingredient: { recipes: COOKBOOK, meals: meals(["pancakes", 2], ["porridge", 2], ["omelette", 2]) },
    recipe_name_case: { recipes: COOKBOOK, meals: meals(["Porridge", 2]) },
    no_recipes: { recipes: {}, meals: meals(["porridge", 2]) },
  });

spec("first_round_pairings",
  "The first-round matches of a knockout tournament: players are listed by seed, best first. The best seed plays the worst, the second best plays the second worst, and so on; each match is [better seed, worse seed], in order of the better seed. With an odd number of players the top seed gets a bye and is paired with nobody.",
  obj({ players: arr("string") }), arr(arr("string")),
  [
    { players: ["Alcaraz", "Sinner", "Zverev", "Medvedev", "Rune", "Fritz", "Ruud", "Hurkacz"] },
    { players: ["Ana", "Bea", "Cleo", "Dora"] },
  ],
  each("players", {
    no_players: [],
    one_player: ["Solo"],
    two_players: ["P1", "P2"],
    three_players: ["Top", "Mid", "Low"],
    five_players: ["s1", "s2", "s3", "s4", "s5"],
    six_players: ["A", "B", "C", "D", "E", "F"],
    names_out_of_alphabetical_order: ["Zed", "Amy", "Max", "Bob"],
    sixteen: ["p01", "p02", "p03", "p04", "p05", "p06", "p07", "p08", "p09", "p10", "p11", "p12", "p13", "p14", "p15", "p16"],
  }));

const COMMITS = arr(obj({ author: "string", message: "string" }));
const commits = (...r) => rows(["author", "message"], ...r);
spec("commit_count_leaderboard",
  "A leaderboard of who committed most: one {author, commits} entry per author with their number of commits, most commits first; authors with the same number are sorted by name (A to Z).",
  obj({ commits: COMMITS }), arr(obj({ author: "string", commits: T("integer") })),
  [
    { commits: commits(["Priya", "Fix login"], ["Tom", "Add tests"], ["Priya", "Refactor auth"], ["Lars", "Docs"], ["Priya", "Bump deps"], ["Tom", "Lint"]) },
    { commits: commits(["Wen", "Init"], ["Ade", "README"]) },
  ],
  each("commits", {
    no_commits: [],
    one_commit: commits(["Solo", "First"]),
    tie_by_name: commits(["Zoe", "a"], ["Bea", "b"], ["Max", "c"]),
    tie_for_second: commits(["Eve", "1"], ["Dan", "2"], ["Eve", "3"], ["Cai", "4"], ["Dan", "5"], ["Eve", "6"], ["Cai", "7"]),
    one_author: commits(["Kim", "a"], ["Kim", "b"], ["Kim", "c"]),
    author_case_matters: commits(["sam", "x"], ["Sam", "y"], ["Sam", "z"]),
    same_message: commits(["Ali", "wip"], ["Ben", "wip"], ["Ben", "wip"]),
    bot_wins: commits(["dependabot", "bump"], ["Joy", "feat"], ["dependabot", "bump"], ["dependabot", "bump"], ["Joy", "fix"]),
  }));

const NORTHERN_LINE = ["Morden", "Tooting", "Clapham", "Stockwell", "Oval", "Kennington", "Bank", "Angel", "Camden"];
spec("stops_between_on_route",
  "The stops I pass between two stops on a line (not counting the two themselves), in the order I pass them: the route lists the stops from one end to the other, and I may be travelling in either direction. An empty list when either stop is not on the route.",
  obj({ route: arr("string"), from: "string", to: "string" }), arr("string"),
  [
    { route: NORTHERN_LINE, from: "Tooting", to: "Oval" },
    { route: NORTHERN_LINE, from: "Camden", to: "Kennington" },
  ],
  {
    next_stop: { route: NORTHERN_LINE, from: "Bank", to: "Angel" },
    same_stop: { route: NORTHERN_LINE, from: "Oval", to: "Oval" },
    end_to_end: { route: NORTHERN_LINE, from: "Morden", to: "Camden" },
    end_to_end_backwards: { route: NORTHERN_LINE, from: "Camden", to: "Morden" },
    unknown_stop: { route: NORTHERN_LINE, from: "Bank", to: "Euston" },
    empty_route: { route: [], from: "A", to: "B" },
    case_matters: { route: NORTHERN_LINE, from: "bank", to: "Morden" },
    two_stops_apart_backwards: { route: ["A", "B", "C", "D"], from: "C", to: "A" },
    short_line: { route: ["North", "South"], from: "North", to: "South" },
  });

const PASSENGERS = arr(obj({ name: "string", tier: { type: "string", enum: ["gold", "silver", "bronze", "none"] }, miles: COUNT }));
const passengers = (...r) => rows(["name", "tier", "miles"], ...r);
spec("upgrade_priority_order",
  "The order in which passengers are offered a seat upgrade: gold members first, then silver, then bronze, then passengers with no status; within a tier, more miles flown first; passengers equal on both keep the order of the list. The names in that order.",
  obj({ passengers: PASSENGERS }), arr("string"),
  [
    { passengers: passengers(["Ito", "silver", 42000], ["Ruiz", "gold", 18000], ["Berg", "silver", 67000], ["Okafor", "none", 90000]) },
    { passengers: passengers(["Lim", "bronze", 5000], ["Cole", "gold", 120000]) },
  ],
  each("passengers", {
    nobody: [],
    one_passenger: passengers(["Only", "none", 0]),
    miles_dont_beat_tier: passengers(["Frequent", "bronze", 500000], ["Rare", "silver", 10]),
    same_tier_and_miles: passengers(["First", "gold", 1000], ["Second", "gold", 1000], ["Third", "gold", 1000]),
    no_status_by_miles: passengers(["a", "none", 10], ["b", "none", 300], ["c", "none", 20]),
    zero_miles: passengers(["New", "silver", 0], ["Old", "silver", 1]),
    every_tier_reversed: passengers(["N", "none", 4], ["B", "bronze", 3], ["S", "silver", 2], ["G", "gold", 1]),
    full_flight: passengers(["p1", "bronze", 2000], ["p2", "gold", 5000], ["p3", "none", 0], ["p4", "gold", 9000], ["p5", "bronze", 2000], ["p6", "silver", 100], ["p7", "none", 700]),
  }));

const ORDERS = arr(obj({ id: "string", items: mapOf(COUNT) }));
const orders = (...r) => rows(["id", "items"], ...r);
spec("orders_fillable_from_stock",
  "Which orders we can ship today, going through them in the order they came in: an order ships only if every item in it is in stock in full (no partial shipping); a shipped order uses up its items, and an order we can't fill takes nothing. stock is an object from sku to units on hand (a sku not listed has none). The ids of the orders that ship.",
  obj({ stock: mapOf(COUNT), orders: ORDERS }), arr("string"),
  [
    { stock: { mug: 5, tee: 2 }, orders: orders(["#101", { mug: 2 }], ["#102", { tee: 3 }], ["#103", { mug: 3, tee: 2 }]) },
    { stock: { cap: 1 }, orders: orders(["A1", { cap: 1 }], ["A2", { cap: 1 }]) },
  ],
  {
    no_orders: { stock: { mug: 5 }, orders: [] },
    empty_warehouse: { stock: {}, orders: orders(["1", { mug: 1 }]) },
    exactly_enough: { stock: { pen: 10 }, orders: orders(["o1", { pen: 4 }], ["o2", { pen: 6 }]) },
    skipped_order_leaves_stock: { stock: { pen: 5, ink: 1 }, orders: orders(["big", { pen: 2, ink: 2 }], ["small", { pen: 5 }]) },
    later_smaller_order_ships: { stock: { bag: 3 }, orders: orders(["x", { bag: 4 }], ["y", { bag: 3 }], ["z", { bag: 1 }]) },
    unknown_sku: { stock: { a: 9 }, orders: orders(["q", { a: 1, b: 1 }], ["r", { a: 1 }]) },
    zero_quantity_line: { stock: {}, orders: orders(["free", { sticker: 0 }]) },
    order_with_no_items: { stock: { a: 1 }, orders: orders(["blank", {}]) },
    sku_case_matters: { stock: { Mug: 3 }, orders: orders(["m", { mug: 1 }], ["M", { Mug: 1 }]) },
  });

spec("readings_histogram",
  "A histogram of readings: how many readings fall in each bin of width bin_width starting from 0 ([0, w), [w, 2w), ...), as a list of counts from the first bin up to the bin holding the largest reading (bins in between that are empty count 0). An empty list when there are no readings.",
  obj({ values: arr({ type: "number", minimum: 0, maximum: 1_000_000 }), bin_width: { type: "integer", minimum: 1 } }), arr(COUNT),
  [
    { values: [3, 7, 12, 14, 8, 1, 19], bin_width: 5 },
    { values: [62, 75, 88, 91, 70, 79], bin_width: 10 },
  ],
  {
    no_values: { values: [], bin_width: 10 },
    on_bin_edge: { values: [0, 10, 20], bin_width: 10 },
    just_below_edge: { values: [9.99, 19.99], bin_width: 10 },
    gap_in_middle: { values: [1, 2, 31], bin_width: 10 },
    all_zero: { values: [0, 0, 0], bin_width: 3 },
    width_one: { values: [2.5, 0.4, 2, 1.9, 3], bin_width: 1 },
    one_value: { values: [47], bin_width: 20 },
    wide_bin: { values: [5, 999, 450], bin_width: 1000 },
    big_spread: { values: [150, 320, 90, 410, 280, 330, 15, 260], bin_width: 100 },
  });

const PURCHASES = arr(obj({ customer: "string", amount: NONNEG }));
const purchases = (...r) => rows(["customer", "amount"], ...r);
spec("customer_tiers_from_spend",
  "Each customer's loyalty tier from what they spent this year: add up each customer's purchases; \"gold\" from 1000 up, \"silver\" from 500 up, \"bronze\" below that. An object from customer to tier, customers in the order they first appear.",
  obj({ purchases: PURCHASES }), mapOf({ type: "string", enum: ["gold", "silver", "bronze"] }),
  [
    { purchases: purchases(["Ada", 420], ["Ben", 1250], ["Ada", 190.5], ["Cy", 75]) },
    { purchases: purchases(["Dot", 999], ["Eli", 60]) },
  ],
  each("purchases", {
    no_purchases: [],
    exactly_1000: purchases(["Fin", 1000]),
    exactly_500: purchases(["Gia", 500]),
    just_under_500: purchases(["Hoa", 499.99]),
    cents_add_to_1000: purchases(["Ian", 999.9], ["Ian", 0.1]),
    many_small: purchases(["Jo", 120], ["Jo", 120], ["Jo", 120], ["Jo", 120], ["Jo", 120]),
    zero_spend: purchases(["Kai", 0]),
    name_case_matters: purchases(["lee", 600], ["Lee", 600]),
    whole_shop: purchases(["M", 1500], ["N", 20], ["O", 501], ["N", 480], ["P", 999.99], ["M", 1]),
  }));

const LEVELS = arr(obj({ level: "string", capacity: COUNT }));
const PARKED = arr(obj({ plate: "string", level: "string" }));
const levels = (...r) => rows(["level", "capacity"], ...r);
const parked = (...r) => rows(["plate", "level"], ...r);
const GARAGE = levels(["P1", 3], ["P2", 2], ["Roof", 4]);
spec("free_spaces_per_level",
  "How many free spaces each level of the car park has: each level has a capacity, and each parked car says which level it is on. An object from level to capacity minus the cars on it (never below 0), levels in the order given; cars on a level we don't know are ignored.",
  obj({ levels: LEVELS, cars: PARKED }), mapOf(COUNT),
  [
    { levels: GARAGE, cars: parked(["AB12 CDE", "P1"], ["XY99 ZZZ", "Roof"], ["KL07 MNO", "P1"]) },
    { levels: levels(["Ground", 10]), cars: parked(["A", "Ground"]) },
  ],
  {
    empty_car_park: { levels: GARAGE, cars: [] },
    no_levels: { levels: [], cars: parked(["A", "P1"]) },
    level_full: { levels: GARAGE, cars: parked(["a", "P2"], ["b", "P2"]) },
    overfull: { levels: GARAGE, cars: parked(["a", "P2"], ["b", "P2"], ["c", "P2"]) },
    unknown_level: { levels: GARAGE, cars: parked(["a", "P9"], ["b", "P1"]) },
    level_case_matters: { levels: GARAGE, cars: parked(["a", "roof"], ["b", "Roof"]) },
    closed_level: { levels: levels(["B1", 0], ["B2", 5]), cars: parked(["a", "B2"]) },
    busy_day: { levels: GARAGE, cars: parked(["1", "P1"], ["2", "P2"], ["3", "Roof"], ["4", "P1"], ["5", "Roof"], ["6", "P1"], ["7", "Roof"]) },
  });

const CARDS = arr(obj({ title: "string", column: "string" }));
const cards = (...r) => rows(["title", "column"], ...r);
const WIP = { "To do": 5, Doing: 3, Review: 2 };
spec("columns_over_wip_limit",
  "Which columns of our kanban board are over their work-in-progress limit: limits is an object from column to the most cards it should hold; a column is over when it holds more cards than that. The column names in the order of limits; columns without a limit are never over.",
  obj({ cards: CARDS, limits: mapOf(COUNT) }), arr("string"),
  [
    { cards: cards(["Login page", "Doing"], ["API docs", "Review"], ["Search", "Doing"], ["Cache", "Doing"], ["Export", "Doing"], ["Billing", "Review"]), limits: WIP },
    { cards: cards(["A", "Review"], ["B", "Review"], ["C", "Review"], ["D", "Done"]), limits: WIP },
  ],
  {
    empty_board: { cards: [], limits: WIP },
    at_the_limit: { cards: cards(["a", "Review"], ["b", "Review"]), limits: WIP },
    no_limits: { cards: cards(["a", "Doing"], ["b", "Doing"]), limits: {} },
    zero_limit: { cards: cards(["a", "Blocked"]), limits: { Blocked: 0, Doing: 3 } },
    unlimited_column_full: { cards: cards(["a", "Done"], ["b", "Done"], ["c", "Done"], ["d", "Done"]), limits: WIP },
    column_case_matters: { cards: cards(["a", "review"], ["b", "review"], ["c", "review"]), limits: WIP },
    every_column_over: { cards: cards(["1", "To do"], ["2", "To do"], ["3", "To do"], ["4", "To do"], ["5", "To do"], ["6", "To do"], ["7", "Doing"], ["8", "Doing"], ["9", "Doing"], ["10", "Doing"], ["11", "Review"], ["12", "Review"], ["13", "Review"]), limits: WIP },
    order_of_limits: { cards: cards(["a", "Y"], ["b", "Y"], ["c", "X"], ["d", "X"]), limits: { X: 1, Y: 1 } },
  });

const MESSAGES = arr(obj({ from: "string", to: arr("string") }));
const messages = (...r) => rows(["from", "to"], ...r);
spec("thread_participants",
  "Everyone taking part in an email thread: the sender and the recipients of every message, as lowercase addresses with surrounding spaces removed, each address once, in the order they first show up (a message's sender before its recipients).",
  obj({ messages: MESSAGES }), arr("string"),
  [
    { messages: messages(["maria@shop.example", ["sales@shop.example", "tom@shop.example"]], ["tom@shop.example", ["maria@shop.example"]]) },
    { messages: messages(["Ops@Corp.example", ["dev@corp.example"]]) },
  ],
  each("messages", {
    no_messages: [],
    note_to_self: messages(["me@home.example", ["me@home.example"]]),
    no_recipients: messages(["draft@x.example", []]),
    case_differs: messages(["Ann@X.example", ["ann@x.example", "ANN@X.EXAMPLE"]]),
    spaces_around: messages([" bo@y.example", ["bo@y.example "]]),
    reply_all: messages(["a@z.example", ["b@z.example", "c@z.example"]], ["c@z.example", ["a@z.example", "b@z.example", "d@z.example"]]),
    long_thread: messages(["p@q.example", ["r@q.example"]], ["r@q.example", ["p@q.example"]], ["s@q.example", ["p@q.example", "t@q.example"]], ["t@q.example", ["u@q.example"]]),
    recipient_listed_twice: messages(["x@w.example", ["y@w.example", "y@w.example"]]),
  }));

spec("chores_rota",
  "Our weekly chores rota: in week 1 the first chore goes to the first person, the second chore to the second person and so on (starting again from the first person when there are more chores than people); every week each chore moves on to the next person in the list, wrapping around. An object from chore to who does it in the given week; empty when there is nobody.",
  obj({ people: arr("string"), chores: arr("string"), week: { type: "integer", minimum: 1 } }), mapOf(T("string")),
  [
    { people: ["Ava", "Ben", "Cat"], chores: ["dishes", "bins", "hoovering"], week: 1 },
    { people: ["Ava", "Ben", "Cat"], chores: ["dishes", "bins", "hoovering"], week: 2 },
  ],
  {
    week_three: { people: ["Ava", "Ben", "Cat"], chores: ["dishes", "bins", "hoovering"], week: 3 },
    back_to_start: { people: ["Ava", "Ben", "Cat"], chores: ["dishes", "bins", "hoovering"], week: 4 },
    nobody: { people: [], chores: ["dishes"], week: 1 },
    no_chores: { people: ["Ava"], chores: [], week: 5 },
    one_person: { people: ["Solo"], chores: ["cook", "clean", "shop"], week: 7 },
    more_chores_than_people: { people: ["X", "Y"], chores: ["a", "b", "c", "d", "e"], week: 1 },
    more_people_than_chores: { people: ["P", "Q", "R", "S"], chores: ["bathroom"], week: 3 },
    late_in_year: { people: ["Mo", "Ned", "Oz", "Pia"], chores: ["garden", "laundry"], week: 52 },
  });

spec("changed_fields",
  "Which fields of a record changed between two versions of it: the names of the fields that were added, removed, or whose value is different (nested values compared in full, so a list or object counts as changed if anything inside it changed), sorted alphabetically.",
  obj({ before: RECORD, after: RECORD }), arr("string"),
  [
    { before: { name: "Ada", email: "ada@old.example", age: 36 }, after: { name: "Ada", email: "ada@new.example", age: 37 } },
    { before: { id: 7, tags: ["a", "b"] }, after: { id: 7, tags: ["a", "b"], archived: true } },
  ],
  {
    nothing_changed: { before: { a: 1, b: "x" }, after: { a: 1, b: "x" } },
    both_empty: { before: {}, after: {} },
    field_removed: { before: { a: 1, b: 2 }, after: { a: 1 } },
    number_became_text: { before: { zip: 12345 }, after: { zip: "12345" } },
    null_vs_missing: { before: { note: null }, after: {} },
    to_null: { before: { note: "hi" }, after: { note: null } },
    list_order_changed: { before: { tags: ["x", "y"] }, after: { tags: ["y", "x"] } },
    nested_change: { before: { address: { city: "Oslo", zip: "0150" } }, after: { address: { city: "Oslo", zip: "0151" } } },
    nested_same_key_order_differs: { before: { address: { city: "Oslo", zip: "0150" } }, after: { address: { zip: "0150", city: "Oslo" } } },
    sorted_not_in_input_order: { before: { zeta: 1, alpha: 1, mid: 1 }, after: { zeta: 2, alpha: 2, mid: 2 } },
  });

const SUBSCRIPTIONS = arr(obj({ name: "string", price: NONNEG, period: { type: "string", enum: ["weekly", "monthly", "yearly"] } }));
const subs = (...r) => rows(["name", "price", "period"], ...r);
spec("monthly_subscription_cost_total",
  "What my subscriptions cost per month altogether: a monthly price counts as it is, a yearly price is divided by 12, and a weekly price is multiplied by 52 and divided by 12. The total, rounded to 2 decimals.",
  obj({ subscriptions: SUBSCRIPTIONS }), NONNEG,
  [
    { subscriptions: subs(["Streaming", 15.49, "monthly"], ["Cloud storage", 99.99, "yearly"], ["Newspaper", 4.5, "weekly"]) },
    { subscriptions: subs(["Gym", 39, "monthly"], ["Music", 10.99, "monthly"]) },
  ],
  each("subscriptions", {
    none: [],
    only_yearly: subs(["Antivirus", 60, "yearly"]),
    only_weekly: subs(["Veg box", 12, "weekly"]),
    free_tier: subs(["Email", 0, "monthly"], ["Notes", 0, "yearly"]),
    yearly_not_divisible: subs(["Domain", 13, "yearly"]),
    weekly_odd_cents: subs(["Coffee club", 3.33, "weekly"]),
    same_name_twice: subs(["Music", 10.99, "monthly"], ["Music", 109, "yearly"]),
    household: subs(["Phone", 25, "monthly"], ["Broadband", 32.5, "monthly"], ["TV licence", 169.5, "yearly"], ["Milk", 6.2, "weekly"], ["Insurance", 420, "yearly"]),
  }));

// ---- strings (15) --------------------------------------------------------------------------------

spec("short_commit_hash",
  "The short form of a git commit hash, as shown in logs: its first 7 characters in lowercase, ignoring whitespace around it. A hash shorter than 7 characters comes back whole.",
  obj({ hash: "string" }), T("string"),
  [{ hash: "9fceb02d0ae598e95dc970b74767f19372d61af8" }, { hash: "e83c5163316f89bfbde7d9ab23ca2e25604af290" }],
  each("hash", {
    empty: "",
    uppercase: "A1B2C3D4E5F60718293A4B5C6D7E8F9012345678",
    spaces_around: "  3f786850e387550fdab836ed7e6dc881de23001b \n",
    exactly_seven: "abc1234",
    shorter: "deadb",
    eight_chars: "0123456789",
    mixed_case: "FeEdFaCe00112233",
    all_zero: "0000000000000000000000000000000000000000",
  }));

spec("first_and_last_words_swapped",
  "Swap the first and the last word of a text, keeping the words in between where they are; words are separated by spaces and the result joins them with single spaces. A text of one word comes back as that word.",
  obj({ text: "string" }), T("string"),
  [{ text: "quick brown fox" }, { text: "Meeting moved to Thursday afternoon" }],
  each("text", {
    empty: "",
    one_word: "Hello",
    two_words: "left right",
    extra_spaces: "  alpha   beta  gamma ",
    same_first_and_last: "no means no",
    punctuation_stays_on_word: "Well, that was fast!",
    numbers: "1 2 3 4 5",
    only_spaces: "    ",
    long_sentence: "the train leaves the station at nine",
  }));

spec("text_without_vowels",
  "Remove every vowel (a, e, i, o, u, in either case) from a text, keeping everything else, including y, spaces and punctuation.",
  obj({ text: "string" }), T("string"),
  [{ text: "Programming is fun" }, { text: "Hello, World!" }],
  each("text", {
    empty: "",
    only_vowels: "AeIoUaeiou",
    no_vowels: "rhythm myths",
    y_stays: "Yay, yoyo!",
    capitals: "EUROPE AND ASIA",
    digits_and_symbols: "R2-D2 & C-3PO #1",
    spaces_kept: "a e i o u x",
    accented_vowels_stay: "café naïve",
    long_sentence: "The quick brown fox jumps over the lazy dog",
  }));

spec("alternating_case_text",
  "Write a text in alternating case, like \"hElLo\": the first letter lowercase, the next uppercase, and so on. Only letters count toward the alternation; spaces, digits and punctuation stay as they are and don't break the pattern.",
  obj({ text: "string" }), T("string"),
  [{ text: "hello" }, { text: "Good Morning" }],
  each("text", {
    empty: "",
    one_letter: "Q",
    already_upper: "SHOUTING",
    spaces_skipped: "a b c d",
    digits_skipped: "abc123def",
    punctuation: "wait... what?!",
    no_letters: "12:30 - 14:00",
    mixed_input: "mIxEd CaSe InPuT",
    two_letters: "OK",
  }));

spec("hex_colours_in_text",
  "Every hex colour code in a piece of CSS or text: a # followed by exactly 6 or exactly 3 hex digits (not more, and not followed by another letter or digit), in lowercase, in the order they appear, repeats included.",
  obj({ text: "string" }), arr("string"),
  [{ text: "body { color: #333; background: #FAFAFA; border-color: #e0e0e0; }" }, { text: "Brand colours are #FF5733 and #1a2B3c." }],
  each("text", {
    empty: "",
    no_colours: "margin: 0 auto; font-size: 14px;",
    four_digits: "#abcd is not a colour here",
    eight_digits: "with alpha #11223344 skipped",
    not_hex: "#ggg and #12345g are not colours",
    repeats: "#fff on #FFF on #fff",
    issue_numbers_not_colours: "fixed in #1234 and #99",
    back_to_back: "#abc,#def;#123456",
    three_digit_number: "see #123 below",
    hash_alone: "# heading and #",
  }));

spec("sql_in_clause",
  "Turn a list of text values into the bracketed list of an SQL IN clause: each value in single quotes (a quote inside a value written twice), separated by a comma and a space, all inside round brackets, like ('a', 'b'). () for an empty list.",
  obj({ values: arr("string") }), T("string"),
  [{ values: ["London", "Paris", "Berlin"] }, { values: ["SKU-1"] }],
  each("values", {
    no_values: [],
    apostrophe: ["O'Brien", "Smith"],
    two_quotes: ["it''s"],
    empty_string: ["", "x"],
    spaces_kept: [" padded ", "two words"],
    numbers_as_text: ["1", "02", "3.5"],
    double_quotes_untouched: ["say \"hi\""],
    duplicates_kept: ["a", "a"],
  }));

spec("pig_latin_words",
  "Translate lowercase words into Pig Latin: a word starting with a vowel (a, e, i, o, u) gets \"way\" added; otherwise the consonants before its first vowel move to the end and \"ay\" is added; a word with no vowel at all just gets \"ay\". y counts as a consonant. Words are separated by spaces; the result joins them with single spaces.",
  obj({ text: { type: "string", pattern: "^[a-z ]*$" } }), T("string"),
  [{ text: "hello world" }, { text: "apple pie" }],
  each("text", {
    empty: "",
    vowel_start: "egg ice owl up",
    consonant_cluster: "string three",
    no_vowels: "rhythm",
    y_is_consonant: "yellow my",
    single_letters: "a b",
    qu_not_special: "queen",
    extra_spaces: "  the   cat ",
    sentence: "we love to code every day",
  }));

spec("lines_indented",
  "Indent every line of a text by the given number of spaces; lines that are empty or hold only spaces are left exactly as they are. Lines are separated by \\n.",
  obj({ text: "string", spaces: { type: "integer", minimum: 0, maximum: 40 } }), T("string"),
  [
    { text: "if (ok) {\n  run();\n}", spaces: 4 },
    { text: "Dear Sam,\n\nSee you soon.", spaces: 2 },
  ],
  {
    empty_text: { text: "", spaces: 4 },
    zero_spaces: { text: "a\nb", spaces: 0 },
    single_line: { text: "just one", spaces: 3 },
    blank_lines_stay: { text: "a\n\n\nb", spaces: 2 },
    spaces_only_line_stays: { text: "a\n   \nb", spaces: 2 },
    trailing_newline: { text: "x\ny\n", spaces: 1 },
    already_indented: { text: "  nested\n    deeper", spaces: 2 },
    tab_line: { text: "\tcode\nplain", spaces: 4 },
  });

spec("markdown_headings_outline",
  "An outline of a Markdown document: for every line that starts with 1 to 6 # characters followed by a space, a {level, title} entry where level is the number of # and title is the rest of the line without surrounding spaces; in document order. Lines end with \\n or \\r\\n.",
  obj({ markdown: "string" }), arr(obj({ level: T("integer"), title: "string" })),
  [
    { markdown: "# Install\nRun the installer.\n## Linux\n## macOS\n# Usage\nSee below." },
    { markdown: "Intro text\n### Deep heading\nmore" },
  ],
  each("markdown", {
    empty: "",
    no_headings: "just a paragraph\nand another line",
    hashtag_not_heading: "#release notes\n#2 in the list",
    seven_hashes: "####### too deep\n###### deepest",
    indented_not_heading: "  # indented\n# real",
    extra_spaces_in_title: "##    Spaced out   ",
    hash_inside_title: "# C# and F# tips",
    windows_line_endings: "# One\r\n## Two\r\n",
    all_levels: "# a\n## b\n### c\n#### d\n##### e\n###### f",
  }));

spec("middle_letters_of_word",
  "The middle of a word: the middle character when the word has an odd number of characters, the middle two when it has an even number. An empty text for an empty word.",
  obj({ word: "string" }), T("string"),
  [{ word: "testing" }, { word: "middle" }],
  each("word", {
    empty: "",
    one_letter: "A",
    two_letters: "of",
    three_letters: "cat",
    four_letters: "Ruby",
    long_odd: "antidisestablishmentarianism",
    digits: "12345",
    with_space: "ab cd",
    capitals_kept: "KAYAK",
  }));

spec("emails_found_in_text",
  "Every email address mentioned in a text, as written, in the order they appear; an address mentioned again (in any case) is listed only the first time. Punctuation right after an address is not part of it.",
  obj({ text: "string" }), arr("string"),
  [
    { text: "Contact sales@acme.example or support@acme.example for help." },
    { text: "Forwarding to j.doe+news@mail.example.co.uk, thanks" },
  ],
  each("text", {
    empty: "",
    no_addresses: "Call us on 0123 456 789 or visit our shop.",
    repeated_other_case: "Write to Info@Shop.example, or info@shop.example.",
    in_brackets: "Ana <ana@x.example> and Bo (bo@y.example)",
    at_sign_alone: "meet @ noon, @handle",
    missing_domain_dot: "user@localhost is not here",
    full_stop_after: "My address is kim@post.example.",
    many: "a@b.example;c@d.example d@e.example",
    digits_and_dashes: "ticket-42@help-desk.example",
  }));

spec("first_difference_index",
  "Where two texts first differ: the 0-based position of the first character that is not the same in both. If one text is the start of the other, the length of the shorter one; -1 if they are exactly the same.",
  obj({ a: "string", b: "string" }), T("integer"),
  [{ a: "kitten", b: "kitchen" }, { a: "version 1.4.2", b: "version 1.5.0" }],
  {
    identical: { a: "same", b: "same" },
    both_empty: { a: "", b: "" },
    one_empty: { a: "", b: "abc" },
    first_character: { a: "cat", b: "bat" },
    prefix: { a: "book", b: "bookshelf" },
    longer_first: { a: "bookshelf", b: "book" },
    case_differs: { a: "Hello", b: "hello" },
    last_character: { a: "abcd", b: "abce" },
    trailing_space: { a: "end", b: "end " },
  });

spec("text_to_morse",
  "Morse code for a message: each letter or digit as its International Morse code, letters of a word separated by a space and words separated by \" / \". Case doesn't matter; characters with no code (punctuation) are left out.",
  obj({ text: "string" }), T("string"),
  [{ text: "SOS" }, { text: "hi there" }],
  each("text", {
    empty: "",
    lowercase: "sos",
    digits: "2026",
    punctuation_dropped: "Help!",
    extra_spaces: "  a   b  ",
    word_of_punctuation_only: "yes - no",
    every_digit: "0123456789",
    mixed: "Call 911",
    letters_e_t: "et te",
  }));

spec("barcode_check_digit",
  "The check digit of an EAN-13 barcode from its first 12 digits: multiply the digits alternately by 1 and 3 (starting with 1 for the first digit), add them up, and the check digit is the amount needed to reach the next multiple of 10 (0 if the sum already is one).",
  obj({ digits: { type: "string", pattern: "^[0-9]{12}$" } }), { type: "integer", minimum: 0, maximum: 9 },
  [{ digits: "400638133393" }, { digits: "590123412345" }],
  each("digits", {
    all_zero: "000000000000",
    all_nine: "999999999999",
    sum_already_multiple: "123456789012",
    isbn_prefix: "978030640615",
    ones: "111111111111",
    only_last_digit: "000000000001",
    only_first_digit: "100000000000",
    needs_nine: "000000000010",
  }));

spec("ini_section_names",
  "The section names of an INI config file: every line that is just a name in square brackets (spaces around the line or inside the brackets are ignored), in file order. Lines end with \\n or \\r\\n.",
  obj({ text: "string" }), arr("string"),
  [{ text: "[database]\nhost = localhost\nport = 5432\n\n[cache]\nttl = 60" }, { text: "; settings\n[ main ]\nname=app" }],
  each("text", {
    empty: "",
    no_sections: "key=value\nother=1",
    commented_out: "; [old]\n# [older]\n[current]",
    text_after_bracket: "[core] extra\n[ok]",
    indented: "   [spaced]   \nx=1",
    spaces_in_name: "[my section]\nkey = 1",
    dotted_names: "[server.eu]\n[server.us]",
    brackets_in_value: "list = [1, 2, 3]\n[real]",
    crlf_lines: "[win]\r\nkey=1\r\n[dows]\r\n",
  }));

// ---- numbers and units (10) ----------------------------------------------------------------------

const PINS = { type: "integer", minimum: 0, maximum: 10 };
spec("bowling_game_score",
  "The score of a ten-pin bowling game from the pins knocked down by each ball, in order. Ten frames; a strike (all 10 with the first ball of a frame) scores 10 plus the next two balls, a spare (10 with two balls) scores 10 plus the next ball, otherwise the frame scores its pins. The tenth frame's bonus balls only count as bonuses. If the game isn't finished, balls not yet thrown count as 0.",
  obj({ rolls: arr(PINS) }), COUNT,
  [
    { rolls: [9, 0, 7, 2, 10, 5, 3, 8, 1, 6, 4, 7, 0, 3, 3, 10, 9, 1, 4] },
    { rolls: [10, 7, 3, 9, 0, 10, 0, 8, 8, 2, 0, 6, 10, 10, 10, 8, 1] },
  ],
  each("rolls", {
    no_rolls: [],
    gutter_game: new Array(20).fill(0),
    all_ones: new Array(20).fill(1),
    perfect_game: new Array(12).fill(10),
    all_spares: new Array(21).fill(5),
    spare_in_tenth: [...new Array(18).fill(0), 7, 3, 10],
    strike_in_tenth: [...new Array(18).fill(0), 10, 10, 10],
    one_strike: [10, 3, 4, ...new Array(16).fill(0)],
    unfinished: [10, 10, 4],
    ten_on_second_ball: [0, 10, 5, 0, ...new Array(16).fill(0)],
  }));

spec("combined_noise_level_db",
  "The total noise level of several machines running together, from each one's level in decibels: convert each level L to 10^(L/10), add them up, and take 10 times the base-10 log of the sum. Rounded to 1 decimal; 0 when there are no machines.",
  obj({ levels: arr({ type: "number", minimum: 0, maximum: 200 }) }), T("number"),
  [{ levels: [85, 85] }, { levels: [90, 80, 75] }],
  each("levels", {
    no_machines: [],
    one_machine: [72.5],
    three_equal: [60, 60, 60],
    ten_equal: new Array(10).fill(70),
    quiet_next_to_loud: [100, 50],
    zero_db: [0, 0],
    very_loud: [140, 138],
    mixed_decimals: [63.4, 67.9, 58.1, 70.2],
  }));

spec("parallel_resistance_ohms",
  "The total resistance of resistors connected in parallel: 1 divided by the sum of 1/R over the resistors, in ohms, rounded to 2 decimals. A 0-ohm resistor shorts the circuit, so the total is 0. null when there are no resistors.",
  obj({ ohms: arr(NONNEG) }), { type: ["number", "null"] },
  [{ ohms: [100, 100] }, { ohms: [220, 470, 1000] }],
  each("ohms", {
    none: [],
    one_resistor: [330],
    short_circuit: [0, 100],
    three_equal: [300, 300, 300],
    very_different: [1, 1000000],
    decimals: [4.7, 2.2],
    repeating: [3, 6, 9],
    many: [10, 20, 30, 40, 50, 60],
  }));

spec("two_stroke_oil_ml",
  "How much two-stroke oil to mix into petrol for a chainsaw: the mix ratio is given as the petrol-to-oil number (50 for 50:1), so the oil is the petrol in millilitres divided by the ratio. In millilitres, rounded to the nearest whole ml.",
  obj({ petrol_litres: NONNEG, ratio: { type: "number", minimum: 1 } }), NONNEG,
  [{ petrol_litres: 5, ratio: 50 }, { petrol_litres: 1, ratio: 40 }],
  {
    no_petrol: { petrol_litres: 0, ratio: 50 },
    ratio_25: { petrol_litres: 2, ratio: 25 },
    ratio_32: { petrol_litres: 3.78, ratio: 32 },
    small_amount: { petrol_litres: 0.5, ratio: 50 },
    rounds_down: { petrol_litres: 1, ratio: 33 },
    rounds_up: { petrol_litres: 1, ratio: 60 },
    big_can: { petrol_litres: 20, ratio: 50 },
    ratio_one: { petrol_litres: 0.25, ratio: 1 },
  });

spec("steps_to_kilometres",
  "How far I walked in kilometres from my step count and my stride length in centimetres: steps times stride, rounded to 2 decimals.",
  obj({ steps: COUNT, stride_cm: NONNEG }), NONNEG,
  [{ steps: 10000, stride_cm: 76 }, { steps: 6342, stride_cm: 68 }],
  {
    no_steps: { steps: 0, stride_cm: 70 },
    zero_stride: { steps: 500, stride_cm: 0 },
    one_step: { steps: 1, stride_cm: 75 },
    exactly_one_km: { steps: 1250, stride_cm: 80 },
    decimal_stride: { steps: 12345, stride_cm: 72.5 },
    marathon_day: { steps: 55000, stride_cm: 78 },
    short_walk: { steps: 180, stride_cm: 65 },
    long_stride: { steps: 3000, stride_cm: 110 },
  });

spec("solar_daily_kwh",
  "How much energy my solar panels make in a day, in kWh: number of panels times each panel's rated watts times the hours of full sun, less the system losses (a percentage), divided by 1000. Rounded to 2 decimals.",
  obj({ panels: COUNT, watts_per_panel: NONNEG, sun_hours: NONNEG, loss_percent: { type: "number", minimum: 0, maximum: 100 } }), NONNEG,
  [
    { panels: 10, watts_per_panel: 400, sun_hours: 4.5, loss_percent: 14 },
    { panels: 6, watts_per_panel: 350, sun_hours: 3, loss_percent: 20 },
  ],
  {
    no_panels: { panels: 0, watts_per_panel: 400, sun_hours: 5, loss_percent: 10 },
    no_sun: { panels: 12, watts_per_panel: 420, sun_hours: 0, loss_percent: 14 },
    no_losses: { panels: 4, watts_per_panel: 250, sun_hours: 6, loss_percent: 0 },
    all_lost: { panels: 4, watts_per_panel: 250, sun_hours: 6, loss_percent: 100 },
    one_panel: { panels: 1, watts_per_panel: 100, sun_hours: 1, loss_percent: 30 },
    decimal_hours: { panels: 16, watts_per_panel: 375, sun_hours: 2.7, loss_percent: 18.5 },
    winter_day: { panels: 8, watts_per_panel: 330, sun_hours: 0.8, loss_percent: 15 },
    big_roof: { panels: 40, watts_per_panel: 450, sun_hours: 5.5, loss_percent: 12 },
  });

spec("dew_point_celsius",
  "The dew point from the air temperature (°C) and relative humidity (%), with the Magnus formula: gamma = ln(RH/100) + a·T/(b + T) and dew point = b·gamma / (a − gamma), using a = 17.62 and b = 243.12 °C. Rounded to 1 decimal.",
  obj({ temp_c: { type: "number", minimum: -40, maximum: 60 }, humidity_percent: { type: "number", minimum: 1, maximum: 100 } }), T("number"),
  [{ temp_c: 20, humidity_percent: 60 }, { temp_c: 30, humidity_percent: 75 }],
  {
    saturated: { temp_c: 15, humidity_percent: 100 },
    freezing: { temp_c: 0, humidity_percent: 80 },
    below_zero: { temp_c: -10, humidity_percent: 70 },
    very_dry: { temp_c: 35, humidity_percent: 10 },
    decimals: { temp_c: 22.4, humidity_percent: 47.5 },
    muggy: { temp_c: 32, humidity_percent: 90 },
    cold_and_saturated: { temp_c: -5, humidity_percent: 100 },
    lowest_humidity: { temp_c: 25, humidity_percent: 1 },
  });

spec("rounded_to_significant_figures",
  "Round a number to a given number of significant figures (digits counted from the first non-zero one), for example 123456 to 3 figures is 123000 and 0.0012345 to 2 figures is 0.0012.",
  obj({ x: T("number"), figures: { type: "integer", minimum: 1, maximum: 15 } }), T("number"),
  [{ x: 123456, figures: 3 }, { x: 0.0012345, figures: 2 }],
  {
    zero: { x: 0, figures: 3 },
    negative: { x: -98765, figures: 2 },
    rounds_up_to_next_power: { x: 9.96, figures: 2 },
    one_figure: { x: 0.0456, figures: 1 },
    more_figures_than_digits: { x: 42, figures: 5 },
    whole_number_exact: { x: 1500, figures: 2 },
    small_negative: { x: -0.000349, figures: 2 },
    many_figures: { x: 3.14159265358979, figures: 6 },
    big_number: { x: 6371008.8, figures: 4 },
  });

spec("beaufort_force",
  "The Beaufort wind force for a wind speed in km/h: force 0 below 1 km/h, 1 from 1, 2 from 6, 3 from 12, 4 from 20, 5 from 29, 6 from 39, 7 from 50, 8 from 62, 9 from 75, 10 from 89, 11 from 103 and 12 (hurricane) from 118 km/h.",
  obj({ wind_kmh: NONNEG }), { type: "integer", minimum: 0, maximum: 12 },
  [{ wind_kmh: 15 }, { wind_kmh: 45 }, { wind_kmh: 3 }],
  each("wind_kmh", {
    calm: 0,
    just_below_one: 0.9,
    exactly_one: 1,
    exactly_twenty: 20,
    just_below_twenty_nine: 28.9,
    exactly_sixty_two: 62,
    storm: 105,
    exactly_hurricane: 118,
    beyond_hurricane: 250,
  }));

spec("hourly_rate_from_salary",
  "What an annual salary works out to per hour: the salary divided by 52 weeks times the hours worked per week, rounded to 2 decimals.",
  obj({ salary: NONNEG, hours_per_week: { type: "number", minimum: 1 } }), NONNEG,
  [{ salary: 52000, hours_per_week: 40 }, { salary: 31200, hours_per_week: 37.5 }],
  {
    no_salary: { salary: 0, hours_per_week: 40 },
    part_time: { salary: 18000, hours_per_week: 20 },
    long_weeks: { salary: 75000, hours_per_week: 50 },
    one_hour_week: { salary: 5200, hours_per_week: 1 },
    odd_numbers: { salary: 43750, hours_per_week: 35 },
    decimal_salary: { salary: 28999.99, hours_per_week: 37 },
    big_salary: { salary: 250000, hours_per_week: 45 },
    forty_two_hours: { salary: 60000, hours_per_week: 42 },
  });

// ---- dates and times (10) ------------------------------------------------------------------------

spec("end_of_quarter_date",
  "The last day of the calendar quarter a date falls in (quarters end on 31 March, 30 June, 30 September and 31 December), as YYYY-MM-DD.",
  obj({ date: ISO_DATE }), ISO_DATE,
  [{ date: "2026-05-14" }, { date: "2026-11-02" }],
  each("date", {
    first_day_of_year: "2026-01-01",
    last_day_of_quarter: "2026-03-31",
    first_day_of_quarter: "2026-04-01",
    end_of_june: "2026-06-30",
    august: "2026-08-19",
    new_years_eve: "2026-12-31",
    leap_february: "2024-02-29",
    october_first: "2027-10-01",
  }));

spec("minutes_to_midnight",
  "How many minutes are left until the next midnight from a 24-hour clock time HH:MM. At 00:00 itself the next midnight is a whole day away (1440).",
  obj({ time: HHMM }), { type: "integer", minimum: 1, maximum: 1440 },
  [{ time: "21:30" }, { time: "08:15" }],
  each("time", {
    midnight: "00:00",
    one_minute_to: "23:59",
    noon: "12:00",
    one_past_midnight: "00:01",
    eleven_pm: "23:00",
    early_morning: "05:45",
    half_past_midnight: "00:30",
    afternoon: "16:07",
  }));

spec("seconds_as_days_hours_minutes",
  "A duration in seconds written like \"2d 5h 30m\": whole days, hours and minutes, leftover seconds dropped (not rounded). Parts that are 0 are left out; \"0m\" for less than a minute.",
  obj({ seconds: COUNT }), T("string"),
  [{ seconds: 192600 }, { seconds: 5400 }],
  each("seconds", {
    zero: 0,
    under_a_minute: 59,
    exactly_a_minute: 60,
    seconds_dropped: 119,
    exactly_a_day: 86400,
    day_and_minutes: 86520,
    hour_and_seconds: 3605,
    almost_a_day: 86399,
    a_week: 604800,
  }));

spec("easter_sunday_date",
  "The date of (Western, Gregorian) Easter Sunday in a given year, as YYYY-MM-DD.",
  obj({ year: { type: "integer", minimum: 1583, maximum: 9999 } }), ISO_DATE,
  [{ year: 2026 }, { year: 2024 }],
  each("year", {
    earliest_possible: 1818,
    latest_possible: 1943,
    year_2000: 2000,
    in_april: 2025,
    march_end: 2016,
    year_2038: 2038,
    first_gregorian: 1583,
    far_future: 2285,
    april_25: 2190,
  }));

spec("uk_tax_year_label",
  "The UK tax year a date falls in, written like \"2025/26\": a tax year runs from 6 April to 5 April of the next year and is named by its starting year and the last two digits of the next year.",
  obj({ date: ISO_DATE }), T("string"),
  [{ date: "2026-07-15" }, { date: "2026-02-10" }],
  each("date", {
    fifth_of_april: "2026-04-05",
    sixth_of_april: "2026-04-06",
    new_years_day: "2027-01-01",
    new_years_eve: "2026-12-31",
    start_of_april: "2026-04-01",
    century_turn: "1999-12-25",
    next_year_00: "2000-03-01",
    leap_day: "2028-02-29",
  }));

spec("wake_up_times_for_cycles",
  "When to set my alarm so I wake between sleep cycles: it takes 15 minutes to fall asleep and a sleep cycle lasts 90 minutes. For each number of cycles from from_cycles to to_cycles, the time after that many full cycles, as HH:MM on a 24-hour clock (wrapping past midnight). An empty list if from_cycles is more than to_cycles.",
  obj({ bedtime: HHMM, from_cycles: { type: "integer", minimum: 0, maximum: 16 }, to_cycles: { type: "integer", minimum: 0, maximum: 16 } }), arr(HHMM),
  [
    { bedtime: "22:45", from_cycles: 4, to_cycles: 6 },
    { bedtime: "23:30", from_cycles: 5, to_cycles: 5 },
  ],
  {
    reversed_range: { bedtime: "22:00", from_cycles: 6, to_cycles: 4 },
    zero_cycles: { bedtime: "22:00", from_cycles: 0, to_cycles: 1 },
    before_midnight_wake: { bedtime: "13:00", from_cycles: 1, to_cycles: 3 },
    bed_at_midnight: { bedtime: "00:00", from_cycles: 3, to_cycles: 5 },
    lands_on_midnight: { bedtime: "19:15", from_cycles: 3, to_cycles: 3 },
    late_night: { bedtime: "02:50", from_cycles: 4, to_cycles: 5 },
    long_range: { bedtime: "21:10", from_cycles: 1, to_cycles: 8 },
    full_day: { bedtime: "06:00", from_cycles: 16, to_cycles: 16 },
  });

spec("calendar_rows_in_month",
  "How many rows (weeks) a month takes up on a wall calendar whose weeks start on Monday.",
  obj({ year: { type: "integer", minimum: 1, maximum: 9999 }, month: { type: "integer", minimum: 1, maximum: 12 } }), { type: "integer", minimum: 4, maximum: 6 },
  [{ year: 2026, month: 3 }, { year: 2026, month: 6 }],
  {
    february_from_monday: { year: 2027, month: 2 },
    leap_february: { year: 2024, month: 2 },
    six_rows: { year: 2026, month: 8 },
    starts_sunday_30_days: { year: 2026, month: 11 },
    starts_saturday_30_days: { year: 2025, month: 11 },
    starts_saturday_31_days: { year: 2027, month: 5 },
    december: { year: 2026, month: 12 },
    century_february: { year: 2100, month: 2 },
    january: { year: 2024, month: 1 },
  });

spec("last_working_day_of_month",
  "Payday is the last working day of the month: the last day of the month that is Monday to Friday and not one of the given holidays (YYYY-MM-DD dates). As YYYY-MM-DD; null if no day of the month qualifies.",
  obj({ year: { type: "integer", minimum: 1, maximum: 9999 }, month: { type: "integer", minimum: 1, maximum: 12 }, holidays: arr(ISO_DATE) }), DATE_OR_NULL,
  [
    { year: 2026, month: 1, holidays: [] },
    { year: 2026, month: 5, holidays: [] },
  ],
  {
    month_ends_on_monday: { year: 2026, month: 8, holidays: [] },
    month_ends_on_saturday: { year: 2026, month: 10, holidays: [] },
    holiday_on_last_day: { year: 2026, month: 12, holidays: ["2026-12-31"] },
    holiday_before_weekend: { year: 2026, month: 7, holidays: ["2026-07-31"] },
    holidays_in_other_months: { year: 2026, month: 3, holidays: ["2026-04-30", "2025-03-31"] },
    leap_february: { year: 2028, month: 2, holidays: [] },
    february_non_leap: { year: 2027, month: 2, holidays: [] },
    several_holidays: { year: 2026, month: 9, holidays: ["2026-09-30", "2026-09-29", "2026-09-28"] },
    all_weekdays_off: { year: 2026, month: 2, holidays: ["2026-02-02", "2026-02-03", "2026-02-04", "2026-02-05", "2026-02-06", "2026-02-09", "2026-02-10", "2026-02-11", "2026-02-12", "2026-02-13", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-23", "2026-02-24", "2026-02-25", "2026-02-26", "2026-02-27"] },
  });

spec("star_sign_from_birthday",
  "The western star sign for a birthday (YYYY-MM-DD), with these start dates: Aquarius 20 January, Pisces 19 February, Aries 21 March, Taurus 20 April, Gemini 21 May, Cancer 21 June, Leo 23 July, Virgo 23 August, Libra 23 September, Scorpio 23 October, Sagittarius 22 November, Capricorn 22 December; each sign lasts until the day before the next one starts.",
  obj({ date: ISO_DATE }), { type: "string", enum: ["Aries", "Taurus", "Gemini", "Cancer", "Leo", "Virgo", "Libra", "Scorpio", "Sagittarius", "Capricorn", "Aquarius", "Pisces"] },
  [{ date: "1990-08-05" }, { date: "1985-03-30" }],
  each("date", {
    new_years_day: "2000-01-01",
    last_capricorn_day: "1999-01-19",
    first_aquarius_day: "1999-01-20",
    leap_day: "1996-02-29",
    last_pisces_day: "2001-03-20",
    christmas: "1978-12-25",
    first_capricorn_day: "1978-12-22",
    last_sagittarius_day: "1978-12-21",
    midsummer: "2010-06-21",
    halloween: "1993-10-31",
  }));

spec("century_of_year",
  "Which century a year is in, written like \"21st century\": the 1st century is years 1 to 100, the 2nd 101 to 200, and so on (so 2000 is still the 20th century).",
  obj({ year: { type: "integer", minimum: 1 } }), T("string"),
  [{ year: 1969 }, { year: 2026 }],
  each("year", {
    year_one: 1,
    year_100: 100,
    year_101: 101,
    year_2000: 2000,
    year_2001: 2001,
    eleventh: 1066,
    twelfth: 1190,
    thirteenth: 1215,
    twenty_second: 2150,
    hundred_and_first: 10001,
  }));

// ---- utility functions (5) -----------------------------------------------------------------------

spec("object_keys_and_values_swapped",
  "Swap the keys and values of an object whose values are all text: each value becomes a key pointing to its old key. If several keys have the same value, the one that comes last wins.",
  obj({ object: mapOf(T("string")) }), mapOf(T("string")),
  [{ object: { en: "English", fr: "French", de: "German" } }, { object: { red: "#f00", green: "#0f0" } }],
  each("object", {
    empty: {},
    one_pair: { a: "b" },
    shared_value_last_wins: { first: "x", second: "x", third: "y" },
    value_equals_key: { same: "same" },
    empty_value: { blank: "" },
    numbers_as_text: { one: "1", two: "2" },
    case_kept: { Up: "DOWN", down: "up" },
    spaces_kept: { "a b": " c " },
  }));

spec("list_without_blanks",
  "Clean up a list: remove the blank entries, meaning null, empty text and text made only of whitespace (spaces, tabs, line breaks). Everything else stays, in order, including 0, false, empty lists and empty objects.",
  obj({ items: arr(ANY_JSON) }), arr(ANY_JSON),
  [{ items: ["apple", "", "pear", null, " ", "plum"] }, { items: [3, null, 0, 7] }],
  each("items", {
    empty: [],
    all_blank: [null, "", "   ", null],
    nothing_blank: ["a", 1, true],
    zero_and_false_stay: [0, false, "0", "false"],
    empty_containers_stay: [[], {}, [null], ""],
    tab_and_newline_only: ["\t", "\n", "x"],
    padded_text_stays: [" a ", "b  "],
    nested_blank_kept: [{ name: "" }, ["", null]],
  }));

spec("settings_deep_merged",
  "Merge a user's settings over the defaults, all the way down: where both have an object under the same key, the two objects are merged the same way; any other value in overrides (text, number, true/false, null or a list) replaces the default. Keys only in one of them are kept.",
  obj({ base: RECORD, overrides: RECORD }), RECORD,
  [
    { base: { theme: "light", editor: { font: "Mono", size: 12 } }, overrides: { editor: { size: 14 } } },
    { base: { lang: "en", notify: { email: true, sms: false } }, overrides: { lang: "de", notify: { sms: true }, beta: true } },
  ],
  {
    both_empty: { base: {}, overrides: {} },
    no_overrides: { base: { a: 1, b: { c: 2 } }, overrides: {} },
    no_defaults: { base: {}, overrides: { a: { b: 1 } } },
    lists_replaced_not_merged: { base: { tags: ["a", "b"] }, overrides: { tags: ["c"] } },
    null_replaces: { base: { proxy: { host: "p", port: 80 } }, overrides: { proxy: null } },
    object_replaces_value: { base: { cache: false }, overrides: { cache: { ttl: 60 } } },
    value_replaces_object: { base: { cache: { ttl: 60 } }, overrides: { cache: false } },
    three_levels: { base: { a: { b: { c: 1, d: 2 }, e: 3 } }, overrides: { a: { b: { d: 20, f: 30 } } } },
    empty_object_override: { base: { x: { y: 1 } }, overrides: { x: {} } },
  });

spec("lists_interleaved",
  "Interleave two lists: the first item of a, then the first of b, then the second of a, the second of b, and so on; when one list runs out, the rest of the other follows in order.",
  obj({ a: arr(ANY_JSON), b: arr(ANY_JSON) }), arr(ANY_JSON),
  [{ a: [1, 3, 5], b: [2, 4, 6] }, { a: ["red", "blue"], b: ["circle", "square", "star", "moon"] }],
  {
    both_empty: { a: [], b: [] },
    a_empty: { a: [], b: ["x", "y"] },
    b_empty: { a: ["x", "y"], b: [] },
    a_longer: { a: [1, 2, 3, 4], b: ["a"] },
    nulls_kept: { a: [null, null], b: [0] },
    nested_lists_not_flattened: { a: [[1, 2]], b: [[3]] },
    one_each: { a: ["only"], b: ["one"] },
    objects: { a: [{ id: 1 }], b: [{ id: 2 }, { id: 3 }] },
  });

spec("dotted_keys_to_nested",
  "Turn a flat object with dotted keys (like \"db.host\") into nested objects: each dot goes one level deeper. Keys without a dot stay at the top. If a name is given both a plain value and keys nested under it, the one that comes later in the input wins.",
  obj({ flat: RECORD }), RECORD,
  [
    { flat: { "db.host": "localhost", "db.port": 5432, debug: true } },
    { flat: { "app.name": "shop", "app.theme.color": "blue", "app.theme.dark": false } },
  ],
  each("flat", {
    empty: {},
    no_dots: { a: 1, b: "two" },
    deep: { "a.b.c.d": "deep" },
    values_of_every_kind: { "x.list": [1, 2], "x.none": null, "x.obj": { k: "v" } },
    value_then_nested: { a: 1, "a.b": 2 },
    nested_then_value: { "a.b": 2, a: 1 },
    siblings_at_many_levels: { "s.a": 1, "s.b.c": 2, "s.b.d": 3, t: 4 },
    capital_keys_apart: { "A.x": 1, "a.x": 2 },
  }));
