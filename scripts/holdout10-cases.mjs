// The specs of tests/fixtures/specs/holdout10 without their outputs: description, schemas and the
// inputs of the examples and the named tests. scripts/make-holdout10-specs.mjs adds the outputs.
// New tasks (none a renamed task of an earlier set, checked against their file names only), written
// without running the synthesizer or reading its code, in the proportions of the brief: 20 records
// and lists, 15 strings, 10 numbers and units, 10 dates and times, 5 utility functions.

import { T, obj, arr, HHMM, ISO_DATE, rows } from "./spec-schemas.mjs";
const NONNEG = { type: "number", minimum: 0 };
const COUNT = { type: "integer", minimum: 0 };
const NUMBER_OR_NULL = { type: ["number", "null"] };
const STRING_OR_NULL = { type: ["string", "null"] };
const DATE_OR_NULL = { anyOf: [ISO_DATE, T("null")] };
const ANY_JSON = { type: ["string", "number", "boolean", "null", "object", "array"] };
const RECORD = { type: "object" };
const mapOf = (values) => ({ type: "object", additionalProperties: values });
/** One single-field input per value: each("name", {solo: "Cher"}) -> {solo: {name: "Cher"}}. */
const each = (field, named) => Object.fromEntries(Object.entries(named).map(([name, v]) => [name, { [field]: v }]));

export const SPECS = [];
const spec = (capability, description, inputSchema, outputSchema, examples, tests) =>
  SPECS.push({ capability, description, inputSchema, outputSchema, examples, tests });

// ---- records and lists (20) ----------------------------------------------------------------------

spec("three_day_moving_average",
  "The 3-day moving average of daily readings: for each day from the third one on, the mean of that day and the two days before it, rounded to 1 decimal. An empty list when there are fewer than 3 readings.",
  obj({ readings: arr("number") }), arr("number"),
  [{ readings: [12, 15, 18, 14, 20] }, { readings: [3.2, 4.1, 5, 6.3] }],
  each("readings", {
    no_readings: [],
    two_readings: [7, 9],
    exactly_three: [10, 20, 40],
    constant: [5, 5, 5, 5, 5],
    below_zero: [-4, -2, -7, 1, 3],
    zeros: [0, 0, 0, 0],
    spike: [2, 2, 50, 2, 2, 2],
    a_week: [1012, 1008, 1015, 1021, 1019, 1003, 998],
    decimals: [0.12, 0.31, 0.27, 0.4],
  }));

const DINER_ITEMS = arr(obj({ diner: "string", dish: "string", price: NONNEG }));
const dinerItems = (...r) => rows(["diner", "dish", "price"], ...r);
spec("bill_share_per_diner",
  "Split a restaurant bill by what each person ordered: each diner pays the total of their own items plus the tip percentage on that total. An object from diner to amount, rounded to 2 decimals, diners in the order they first appear.",
  obj({ items: DINER_ITEMS, tip_percent: NONNEG }), mapOf(T("number")),
  [
    { items: dinerItems(["Ana", "Risotto", 16], ["Ben", "Burger", 14.5], ["Ana", "Wine", 7]), tip_percent: 10 },
    { items: dinerItems(["Kai", "Soup", 6.4], ["Lou", "Steak", 27], ["Mo", "Salad", 9.8], ["Lou", "Beer", 5.2]), tip_percent: 15 },
  ],
  {
    no_items: { items: [], tip_percent: 12 },
    no_tip: { items: dinerItems(["Ana", "Tea", 3.2], ["Ben", "Cake", 4.75]), tip_percent: 0 },
    one_diner: { items: dinerItems(["Solo", "Pasta", 13], ["Solo", "Espresso", 2.4]), tip_percent: 18 },
    free_item: { items: dinerItems(["Ana", "Water", 0], ["Ben", "Pie", 8]), tip_percent: 10 },
    similar_names: { items: dinerItems(["Sam", "Fish", 18], ["sam", "Chips", 4], ["Sam ", "Peas", 2]), tip_percent: 10 },
    big_tip: { items: dinerItems(["Eve", "Lobster", 48], ["Fin", "Oysters", 22]), tip_percent: 25 },
    many_items: { items: dinerItems(["A", "x", 3.3], ["B", "y", 4.4], ["C", "z", 5.5], ["A", "w", 1.1], ["B", "v", 2.3], ["A", "u", 0.9]), tip_percent: 12.5 },
    odd_cents: { items: dinerItems(["Ida", "Bagel", 3.99], ["Jon", "Muffin", 2.79]), tip_percent: 20 },
  });

const KM_LOG = arr(obj({ date: ISO_DATE, km: NONNEG }));
const kmLog = (...r) => rows(["date", "km"], ...r);
const MARCH_RUNS = kmLog(["2026-03-01", 5], ["2026-03-02", 8.5], ["2026-03-04", 10], ["2026-03-05", 6], ["2026-03-07", 21.1]);
spec("date_challenge_goal_reached",
  "On which date a running challenge reached its goal: add up the daily distances in the order of the log (it is in date order) and give the first date on which the running total is at least goal_km. null if the total never gets there.",
  obj({ log: KM_LOG, goal_km: NONNEG }), DATE_OR_NULL,
  [
    { log: MARCH_RUNS, goal_km: 25 },
    { log: kmLog(["2026-06-10", 3], ["2026-06-11", 4], ["2026-06-12", 2.5]), goal_km: 20 },
  ],
  {
    empty_log: { log: [], goal_km: 10 },
    first_day_enough: { log: MARCH_RUNS, goal_km: 4 },
    exactly_on_goal: { log: MARCH_RUNS, goal_km: 13.5 },
    just_over: { log: MARCH_RUNS, goal_km: 13.6 },
    needs_every_day: { log: MARCH_RUNS, goal_km: 50.6 },
    a_bit_short: { log: MARCH_RUNS, goal_km: 50.7 },
    zero_goal: { log: MARCH_RUNS, goal_km: 0 },
    rest_days: { log: kmLog(["2026-01-01", 0], ["2026-01-02", 0], ["2026-01-03", 7]), goal_km: 5 },
    across_year: { log: kmLog(["2026-12-30", 12], ["2026-12-31", 9], ["2027-01-01", 15]), goal_km: 30 },
    tenths: { log: kmLog(["2026-05-01", 0.1], ["2026-05-02", 0.2], ["2026-05-03", 0.1]), goal_km: 0.3 },
  });

const MOVEMENTS = arr(obj({ sku: "string", direction: { type: "string", enum: ["in", "out"] }, quantity: COUNT }));
const moves = (...r) => rows(["sku", "direction", "quantity"], ...r);
spec("stock_after_movements",
  "The stock of each product after a day of stock movements: start from the opening stock (an object from sku to count), add the quantity of every \"in\" movement and take away the quantity of every \"out\" movement. A product that only appears in the movements starts from 0.",
  obj({ opening: mapOf(COUNT), movements: MOVEMENTS }), mapOf(T("integer")),
  [
    { opening: { "A-100": 20, "B-200": 5 }, movements: moves(["A-100", "out", 3], ["B-200", "in", 10], ["A-100", "out", 4]) },
    { opening: { mug: 12 }, movements: moves(["plate", "in", 30], ["mug", "out", 12]) },
  ],
  {
    no_movements: { opening: { x: 4, y: 0 }, movements: [] },
    nothing_at_all: { opening: {}, movements: [] },
    only_new_products: { opening: {}, movements: moves(["p1", "in", 5], ["p2", "in", 7], ["p1", "in", 1]) },
    sold_out: { opening: { s: 9 }, movements: moves(["s", "out", 4], ["s", "out", 5]) },
    restocked_after_selling: { opening: { s: 2 }, movements: moves(["s", "out", 2], ["s", "in", 24], ["s", "out", 3]) },
    zero_quantity: { opening: { s: 6 }, movements: moves(["s", "in", 0], ["s", "out", 0]) },
    untouched_products_stay: { opening: { a: 1, b: 2, c: 3 }, movements: moves(["b", "in", 8]) },
    case_matters: { opening: { Ab: 10 }, movements: moves(["ab", "in", 3], ["Ab", "out", 1]) },
    busy_day: { opening: { k1: 100, k2: 50 }, movements: moves(["k1", "out", 17], ["k3", "in", 40], ["k2", "out", 25], ["k1", "in", 60], ["k3", "out", 12], ["k2", "out", 25]) },
  });

const STUDENT_MARKS = arr(obj({ name: "string", marks: mapOf(T("number")) }));
const studentMarks = (...r) => rows(["name", "marks"], ...r);
const FORM_4B = studentMarks(
  ["Aisha", { maths: 72, english: 65, science: 58 }],
  ["Ben", { maths: 38, english: 81, science: 60 }],
  ["Chloe", { maths: 50, english: 50, science: 91 }],
);
spec("students_passing_every_subject",
  "The names of the students who passed every one of their subjects, that is scored at least pass_mark in each, in the order given. A student with no marks at all is not listed.",
  obj({ students: STUDENT_MARKS, pass_mark: T("number") }), arr("string"),
  [
    { students: FORM_4B, pass_mark: 50 },
    { students: studentMarks(["Dev", { art: 88, music: 70 }], ["Ema", { art: 59, music: 95 }]), pass_mark: 60 },
  ],
  {
    no_students: { students: [], pass_mark: 40 },
    higher_bar: { students: FORM_4B, pass_mark: 60 },
    everyone_passes: { students: FORM_4B, pass_mark: 30 },
    nobody_passes: { students: FORM_4B, pass_mark: 95 },
    no_marks: { students: studentMarks(["New", {}], ["Old", { maths: 70 }]), pass_mark: 50 },
    one_subject: { students: studentMarks(["Fay", { history: 40 }], ["Gil", { history: 39.5 }]), pass_mark: 40 },
    many_subjects_one_fail: { students: studentMarks(["Hal", { a: 90, b: 85, c: 77, d: 49, e: 99 }]), pass_mark: 50 },
    decimal_marks: { students: studentMarks(["Ivy", { a: 44.5, b: 45 }], ["Jo", { a: 45, b: 45.1 }]), pass_mark: 45 },
    zero_pass_mark: { students: studentMarks(["Kim", { a: 0, b: 3 }]), pass_mark: 0 },
  });

const WISHLIST = arr(obj({ name: "string", current_price: NONNEG, target_price: NONNEG }));
const wishlist = (...r) => rows(["name", "current_price", "target_price"], ...r);
spec("wishlist_items_at_target_price",
  "Which items on my wishlist I can buy now: the names of the items whose current price is at or below the price I said I would pay (target_price), in wishlist order.",
  obj({ wishlist: WISHLIST }), arr("string"),
  [
    { wishlist: wishlist(["Headphones", 89, 99], ["Tent", 240, 180], ["Lamp", 35, 35]) },
    { wishlist: wishlist(["Book", 12.99, 10], ["Boots", 74.5, 80]) },
  ],
  each("wishlist", {
    empty_wishlist: [],
    nothing_cheap_enough: wishlist(["Bike", 650, 500], ["Drone", 320, 300]),
    everything: wishlist(["A", 1, 2], ["B", 3, 3], ["C", 0, 0]),
    a_cent_over: wishlist(["Jacket", 60.01, 60], ["Scarf", 19.99, 20]),
    free_item: wishlist(["Sample", 0, 5]),
    zero_target: wishlist(["Gift", 1, 0], ["Freebie", 0, 0]),
    keeps_order: wishlist(["Z", 5, 9], ["M", 50, 9], ["A", 9, 9], ["Q", 8.5, 9]),
    same_name_twice: wishlist(["Mug", 8, 10], ["Mug", 12, 10]),
  }));

const CATEGORIES = arr(obj({ id: T("integer"), name: "string", parent: { type: ["integer", "null"] } }));
const categories = (...r) => rows(["id", "name", "parent"], ...r);
const SHOP_TREE = categories(
  [1, "Home", null], [2, "Kitchen", 1], [3, "Pans", 2], [4, "Garden", null], [5, "Tools", 4], [6, "Frying pans", 3], [7, "Knives", 2],
);
spec("category_breadcrumb",
  "The breadcrumb trail of a category in a shop's category tree: the names from its top-level category down to the category itself, joined with \" > \". Each category has an id, a name and its parent's id (null for a top-level one). null if there is no category with that id.",
  obj({ categories: CATEGORIES, id: T("integer") }), STRING_OR_NULL,
  [
    { categories: SHOP_TREE, id: 3 },
    { categories: SHOP_TREE, id: 5 },
  ],
  {
    top_level: { categories: SHOP_TREE, id: 4 },
    deepest: { categories: SHOP_TREE, id: 6 },
    sibling: { categories: SHOP_TREE, id: 7 },
    unknown_id: { categories: SHOP_TREE, id: 99 },
    no_categories: { categories: [], id: 1 },
    listed_child_first: { categories: categories([30, "Shirts", 20], [20, "Men", 10], [10, "Clothing", null]), id: 30 },
    names_with_spaces: { categories: categories([1, "Books & Media", null], [2, "Science Fiction", 1]), id: 2 },
    single_category: { categories: categories([8, "Sale", null]), id: 8 },
    zero_id: { categories: categories([0, "Root", null], [9, "Leaf", 0]), id: 9 },
  });

spec("percentile_rank_of_score",
  "The percentile rank of a score among a class's scores: the percentage of the scores in the list that are strictly below it, rounded to the nearest whole number. 0 when the list is empty.",
  obj({ scores: arr("number"), score: T("number") }), { type: "integer", minimum: 0, maximum: 100 },
  [
    { scores: [55, 61, 70, 70, 82, 90, 95], score: 70 },
    { scores: [12, 18, 25], score: 30 },
  ],
  {
    empty_class: { scores: [], score: 50 },
    lowest: { scores: [40, 50, 60], score: 40 },
    below_everyone: { scores: [40, 50, 60], score: 10 },
    highest: { scores: [40, 50, 60, 70, 80, 90], score: 90 },
    not_in_list: { scores: [20, 40, 60, 80, 100, 30], score: 50 },
    all_equal: { scores: [75, 75, 75, 75], score: 75 },
    thirds: { scores: [1, 2, 3], score: 2 },
    unsorted_with_ties: { scores: [88, 65, 72, 65, 91, 72, 59, 80, 77, 65, 99], score: 72 },
    decimals: { scores: [7.5, 8.25, 6.75, 9.5, 8], score: 8.1 },
    negative_scores: { scores: [-3, -1, 0, 2, 5, -8, 4], score: 0 },
  });

const EXPENSES = arr(obj({ category: "string", amount: NONNEG }));
const expenses = (...r) => rows(["category", "amount"], ...r);
const POLICY = { meals: 25, hotel: 150, taxi: 40 };
spec("reimbursable_expense_total",
  "How much of an expense claim is paid back: each expense is reimbursed up to the per-item cap for its category (caps is an object from category to cap), and expenses in a category without a cap are reimbursed in full. The total, rounded to 2 decimals.",
  obj({ expenses: EXPENSES, caps: mapOf(NONNEG) }), T("number"),
  [
    { expenses: expenses(["meals", 32.5], ["hotel", 129], ["taxi", 18.4]), caps: POLICY },
    { expenses: expenses(["hotel", 210], ["train", 86.2], ["meals", 19.9]), caps: POLICY },
  ],
  {
    no_expenses: { expenses: [], caps: POLICY },
    no_caps: { expenses: expenses(["meals", 80], ["hotel", 300]), caps: {} },
    all_under_cap: { expenses: expenses(["meals", 12], ["meals", 24.99], ["taxi", 39.99]), caps: POLICY },
    exactly_at_cap: { expenses: expenses(["meals", 25], ["taxi", 40]), caps: POLICY },
    cap_is_per_item: { expenses: expenses(["meals", 20], ["meals", 20], ["meals", 30]), caps: POLICY },
    zero_cap: { expenses: expenses(["alcohol", 45], ["meals", 10]), caps: { alcohol: 0, meals: 25 } },
    category_case_differs: { expenses: expenses(["Meals", 60]), caps: POLICY },
    free_expense: { expenses: expenses(["parking", 0], ["hotel", 0]), caps: POLICY },
    long_trip: { expenses: expenses(["hotel", 165], ["hotel", 142.5], ["meals", 27.8], ["meals", 18.35], ["taxi", 55], ["flight", 412.9], ["taxi", 22.1]), caps: POLICY },
  });

spec("scores_with_bonus_capped",
  "Add the same number of bonus points to every exam score (out of 100), but no score may go above 100.",
  obj({ scores: arr({ type: "number", minimum: 0, maximum: 100 }), bonus: NONNEG }), arr("number"),
  [{ scores: [62, 88, 97, 45], bonus: 5 }, { scores: [70, 99], bonus: 2 }],
  {
    no_scores: { scores: [], bonus: 10 },
    no_bonus: { scores: [55, 100, 0], bonus: 0 },
    lands_on_100: { scores: [90, 95], bonus: 10 },
    already_full: { scores: [100, 100], bonus: 3 },
    zero_score: { scores: [0], bonus: 4 },
    huge_bonus: { scores: [10, 50, 80], bonus: 200 },
    half_points: { scores: [67.5, 99.5, 40], bonus: 0.5 },
    one_point: { scores: [98, 99, 100, 12], bonus: 1 },
  });

const SALES = arr(obj({ region: "string", product: "string", amount: NONNEG }));
const sales = (...r) => rows(["region", "product", "amount"], ...r);
spec("sales_pivot_by_region_and_product",
  "A sales summary table: an object from region to an object from product to the total amount sold of it in that region, rounded to 2 decimals. Regions and products appear in the order they first show up.",
  obj({ sales: SALES }), mapOf(mapOf(T("number"))),
  [
    { sales: sales(["North", "Tea", 120], ["South", "Tea", 80], ["North", "Coffee", 200], ["North", "Tea", 30.5]) },
    { sales: sales(["EU", "Widget", 19.99], ["US", "Gadget", 45], ["EU", "Widget", 5.01]) },
  ],
  each("sales", {
    no_sales: [],
    one_sale: sales(["West", "Pens", 3.4]),
    one_region_many_products: sales(["East", "A", 1], ["East", "B", 2], ["East", "C", 3]),
    one_product_many_regions: sales(["R1", "X", 10], ["R2", "X", 20], ["R3", "X", 30]),
    zero_sale: sales(["North", "Samples", 0]),
    cents_add_up: sales(["N", "P", 0.1], ["N", "P", 0.2], ["N", "P", 0.3]),
    case_matters: sales(["north", "tea", 1], ["North", "Tea", 2], ["North", "tea", 4]),
    quarter: sales(["UK", "Boots", 1250], ["IE", "Boots", 310], ["UK", "Socks", 88.6], ["IE", "Hats", 41.25], ["UK", "Boots", 975.5], ["IE", "Boots", 120]),
  }));

const TEAMS = arr(obj({ team: "string", members: arr("string") }));
const teams = (...r) => rows(["team", "members"], ...r);
spec("member_team_labels",
  "Every team member in one list of labels like \"Ana (Design)\": for each team in order, each of its members in order, followed by the team's name in brackets.",
  obj({ teams: TEAMS }), arr("string"),
  [
    { teams: teams(["Design", ["Ana", "Raj"]], ["Backend", ["Lee"]]) },
    { teams: teams(["Sales", ["Tom", "Ines", "Oleg"]]) },
  ],
  each("teams", {
    no_teams: [],
    empty_team: teams(["Ghost", []], ["Ops", ["Kim"]]),
    all_empty: teams(["A", []], ["B", []]),
    person_in_two_teams: teams(["Red", ["Sam"]], ["Blue", ["Sam", "Ali"]]),
    long_names: teams(["Customer Success", ["Mary-Jane Watson"]]),
    brackets_in_team_name: teams(["QA (EU)", ["Lars"]]),
    many_teams: teams(["T1", ["a"]], ["T2", ["b", "c"]], ["T3", ["d"]], ["T4", ["e", "f", "g"]]),
    same_member_twice: teams(["Pair", ["Bo", "Bo"]]),
  }));

const FOODS = arr(obj({ food: "string", grams: NONNEG, kcal_per_100g: NONNEG }));
const foods = (...r) => rows(["food", "grams", "kcal_per_100g"], ...r);
spec("meal_energy_kcal",
  "The energy of a meal in kcal: each food gives how many grams were eaten and its kcal per 100 g; add up grams / 100 times kcal_per_100g over the foods and round to the nearest whole kcal.",
  obj({ foods: FOODS }), COUNT,
  [
    { foods: foods(["Oats", 60, 379], ["Milk", 200, 64], ["Banana", 118, 89]) },
    { foods: foods(["Rice", 150, 130], ["Chicken", 120, 165]) },
  ],
  each("foods", {
    no_food: [],
    one_food: foods(["Apple", 182, 52]),
    zero_grams: foods(["Butter", 0, 717], ["Bread", 40, 265]),
    water: foods(["Water", 500, 0]),
    exactly_100g: foods(["Cheese", 100, 402]),
    small_portion: foods(["Olive oil", 13.5, 884]),
    decimal_values: foods(["Yogurt", 125, 59.3], ["Honey", 21, 304], ["Granola", 45, 471.2]),
    big_dinner: foods(["Pasta", 250, 158], ["Sauce", 180, 91], ["Parmesan", 20, 431], ["Salad", 80, 17], ["Tiramisu", 140, 283]),
  }));

const STORES = arr(obj({ store: "string", prices: mapOf(NONNEG) }));
const stores = (...r) => rows(["store", "prices"], ...r);
const TOWN = stores(
  ["FreshCo", { milk: 1.2, bread: 2.1, eggs: 3.4, apples: 2.8 }],
  ["ValueMart", { milk: 0.99, bread: 1.85, eggs: 3.6 }],
  ["CornerShop", { milk: 1.5, bread: 2.5, eggs: 3.9, apples: 2.2, tea: 4 }],
);
spec("store_with_cheapest_basket",
  "Which store sells my whole shopping list for the least: each store has a price list (an object from item to price), and a store that lacks any item on my list can't be chosen. The name of the store with the lowest total for the list; the first one listed if several tie; null if no store has everything.",
  obj({ list: arr("string"), stores: STORES }), STRING_OR_NULL,
  [
    { list: ["milk", "bread", "eggs"], stores: TOWN },
    { list: ["milk", "apples"], stores: TOWN },
  ],
  {
    nobody_has_it: { list: ["caviar"], stores: TOWN },
    only_one_has_it: { list: ["tea", "milk"], stores: TOWN },
    empty_list: { list: [], stores: TOWN },
    no_stores: { list: ["milk"], stores: [] },
    tie_goes_to_first: { list: ["soap"], stores: stores(["A", { soap: 2 }], ["B", { soap: 1.5 }], ["C", { soap: 1.5 }]) },
    cheapest_lacks_item: { list: ["a", "b"], stores: stores(["Cheap", { a: 0.1 }], ["Dear", { a: 5, b: 5 }]) },
    free_item: { list: ["leaflet", "milk"], stores: stores(["S1", { leaflet: 0, milk: 1.1 }], ["S2", { leaflet: 0.05, milk: 1.1 }]) },
    cents_decide: { list: ["x", "y", "z"], stores: stores(["P", { x: 0.1, y: 0.2, z: 0.3 }], ["Q", { x: 0.3, y: 0.3, z: 0.01 }]) },
    item_listed_twice: { list: ["bread", "bread"], stores: TOWN },
  });

const GUESTS = arr(obj({ name: "string", reply: { type: "string", enum: ["yes", "no", "maybe"] }, plus_ones: COUNT }));
const guests = (...r) => rows(["name", "reply", "plus_ones"], ...r);
spec("rsvp_headcount",
  "How many people are coming to a party: every guest who replied \"yes\" counts as one, plus the number of people they are bringing; guests who replied \"no\" or \"maybe\" don't count.",
  obj({ guests: GUESTS }), COUNT,
  [
    { guests: guests(["Ola", "yes", 1], ["Pat", "no", 0], ["Quinn", "yes", 0], ["Rae", "maybe", 2]) },
    { guests: guests(["Sid", "yes", 3], ["Tia", "yes", 1]) },
  ],
  each("guests", {
    nobody_invited: [],
    all_declined: guests(["A", "no", 0], ["B", "no", 1]),
    maybe_with_guests: guests(["C", "maybe", 4]),
    declined_but_plus_ones: guests(["D", "no", 2], ["E", "yes", 0]),
    just_one: guests(["F", "yes", 0]),
    big_family: guests(["G", "yes", 6], ["H", "maybe", 1], ["I", "yes", 2]),
    everyone_yes: guests(["J", "yes", 1], ["K", "yes", 1], ["L", "yes", 1], ["M", "yes", 1]),
    everyone_maybe: guests(["N", "maybe", 0], ["O", "maybe", 0]),
  }));

spec("forward_fill_missing_readings",
  "Fill the gaps in a series of meter readings: each missing reading (null) takes the value of the last reading before it; missing readings at the start, before any reading, stay null.",
  obj({ readings: arr(NUMBER_OR_NULL) }), arr(NUMBER_OR_NULL),
  [{ readings: [4.2, null, 4.8, null, null, 5.1] }, { readings: [null, 10, 11, null] }],
  each("readings", {
    no_readings: [],
    no_gaps: [1, 2, 3],
    all_missing: [null, null, null],
    one_missing: [null],
    zero_is_a_reading: [0, null, null, 7],
    long_gap: [100, null, null, null, null, null, 103],
    negative_values: [-2.5, null, -1, null],
    ends_missing: [9, 8, 7, null, null],
    leading_gap_then_gap: [null, null, 3, null, 5, null],
  }));

const PRICE_LIST = arr(obj({ sku: "string", price: NONNEG }));
const prices = (...r) => rows(["sku", "price"], ...r);
const YESTERDAY = prices(["TEA-1", 3.5], ["MUG-2", 8], ["JAM-3", 4.25], ["OAT-4", 2.1]);
spec("price_changes_between_lists",
  "Compare yesterday's and today's price lists (sku and price) and list the products whose price changed, as {sku, old, new}, in the order of today's list. Products that are only in one of the two lists are left out.",
  obj({ yesterday: PRICE_LIST, today: PRICE_LIST }), arr(obj({ sku: "string", old: NONNEG, new: NONNEG })),
  [
    { yesterday: YESTERDAY, today: prices(["TEA-1", 3.75], ["MUG-2", 8], ["JAM-3", 3.99], ["OAT-4", 2.1]) },
    { yesterday: YESTERDAY, today: prices(["OAT-4", 2.4], ["NEW-9", 1], ["TEA-1", 3.5]) },
  ],
  {
    both_empty: { yesterday: [], today: [] },
    nothing_changed: { yesterday: YESTERDAY, today: YESTERDAY },
    all_new_products: { yesterday: YESTERDAY, today: prices(["A", 1], ["B", 2]) },
    today_empty: { yesterday: YESTERDAY, today: [] },
    price_to_zero: { yesterday: prices(["FREE", 1.5]), today: prices(["FREE", 0]) },
    tiny_change: { yesterday: prices(["X", 10]), today: prices(["X", 10.01]) },
    different_order: { yesterday: prices(["a", 1], ["b", 2], ["c", 3]), today: prices(["c", 4], ["b", 2], ["a", 0.5]) },
    sku_case_differs: { yesterday: prices(["abc", 5]), today: prices(["ABC", 6], ["abc", 5.5]) },
    every_price_up: { yesterday: YESTERDAY, today: prices(["TEA-1", 3.85], ["MUG-2", 8.8], ["JAM-3", 4.68], ["OAT-4", 2.31]) },
  });

const TWO_TESTS = arr(obj({ name: "string", first: NONNEG, second: NONNEG }));
const twoTests = (...r) => rows(["name", "first", "second"], ...r);
spec("most_improved_student",
  "The name of the student whose score went up the most from the first test to the second; if several improved by the same amount, the name that comes first alphabetically. null for an empty class.",
  obj({ students: TWO_TESTS }), STRING_OR_NULL,
  [
    { students: twoTests(["Maya", 61, 74], ["Omar", 80, 85], ["Lina", 45, 66]) },
    { students: twoTests(["Zed", 50, 60], ["Abe", 70, 72]) },
  ],
  each("students", {
    empty_class: [],
    one_student: twoTests(["Solo", 40, 41]),
    tie_alphabetical: twoTests(["Rosa", 50, 70], ["Carl", 60, 80], ["Nia", 10, 25]),
    someone_dropped: twoTests(["Up", 50, 52], ["Down", 90, 60]),
    big_jump_from_low: twoTests(["Low", 5, 60], ["High", 80, 100]),
    decimals: twoTests(["A", 62.5, 70], ["B", 71, 78.6], ["C", 50, 57.5]),
    same_scores: twoTests(["P", 70, 70], ["Q", 88, 90]),
    capital_letters_sort: twoTests(["bea", 10, 30], ["Ann", 20, 40]),
  }));

const ORDER_LINES = arr(obj({ name: "string", quantity: COUNT, price: NONNEG, taxable: "boolean" }));
const orderLines = (...r) => rows(["name", "quantity", "price", "taxable"], ...r);
spec("order_total_taxable_items_only",
  "The total of an order where sales tax applies only to the items marked taxable: the sum of quantity times price over all lines, plus tax_rate percent of the amount of the taxable lines. Rounded to 2 decimals.",
  obj({ lines: ORDER_LINES, tax_rate: NONNEG }), T("number"),
  [
    { lines: orderLines(["Bread", 2, 3.5, false], ["Soap", 3, 2, true]), tax_rate: 8 },
    { lines: orderLines(["Shampoo", 1, 6.49, true], ["Apples", 4, 0.75, false], ["Batteries", 2, 5.99, true]), tax_rate: 6.25 },
  ],
  {
    empty_order: { lines: [], tax_rate: 8 },
    nothing_taxable: { lines: orderLines(["Milk", 2, 1.29, false], ["Eggs", 1, 3.1, false]), tax_rate: 10 },
    everything_taxable: { lines: orderLines(["Pen", 10, 1.5, true], ["Pad", 2, 4, true]), tax_rate: 10 },
    no_tax: { lines: orderLines(["Pen", 10, 1.5, true], ["Milk", 2, 1.29, false]), tax_rate: 0 },
    zero_quantity: { lines: orderLines(["TV", 0, 499, true], ["Rice", 1, 2.2, false]), tax_rate: 7 },
    free_taxable_item: { lines: orderLines(["Sample", 1, 0, true], ["Jam", 1, 4.2, false]), tax_rate: 20 },
    big_order: { lines: orderLines(["Chair", 6, 49.9, true], ["Desk", 2, 189, true], ["Coffee", 5, 7.8, false], ["Plant", 3, 12.5, true]), tax_rate: 8.875 },
    single_line: { lines: orderLines(["Laptop", 1, 1199, true]), tax_rate: 4.7 },
  });

const POINTS = arr(obj({ x: T("number"), y: T("number") }));
const points = (...r) => rows(["x", "y"], ...r);
spec("route_length_metres",
  "The length of a walking route drawn as a list of points (x and y in metres): the sum of the straight-line distances from each point to the next one, rounded to 1 decimal. 0 for fewer than two points.",
  obj({ points: POINTS }), NONNEG,
  [{ points: points([0, 0], [30, 40], [30, 100]) }, { points: points([0, 0], [10, 10]) }],
  each("points", {
    no_points: [],
    one_point: points([5, 5]),
    same_point_twice: points([3, 4], [3, 4]),
    straight_line: points([0, 0], [0, 25], [0, 60]),
    back_and_forth: points([0, 0], [50, 0], [0, 0]),
    negative_coordinates: points([-10, -10], [-13, -14], [2, 6]),
    square_loop: points([0, 0], [100, 0], [100, 100], [0, 100], [0, 0]),
    decimals: points([1.5, 2.5], [4, 8.1], [9.2, 3.3]),
    long_walk: points([0, 0], [120, 35], [260, 80], [300, 210], [410, 260], [520, 255]),
  }));

// ---- strings (15) --------------------------------------------------------------------------------

const URL = { type: "string", pattern: "^https?://[^/?#]+" };
spec("url_path_segments",
  "The path segments of a URL as a list: \"https://shop.example.com/men/shoes/42?color=red\" gives [\"men\", \"shoes\", \"42\"]. The query string and the fragment are not part of the path, and empty segments (from a trailing or doubled slash) are left out.",
  obj({ url: URL }), arr("string"),
  [{ url: "https://shop.example.com/men/shoes/42?color=red" }, { url: "http://blog.example.org/2026/03/hello-world/" }],
  each("url", {
    no_path: "https://example.com",
    root_only: "https://example.com/",
    fragment: "https://docs.example.com/guide/install#linux",
    query_without_path: "https://example.com?page=2",
    doubled_slash: "https://example.com/a//b",
    port_in_host: "http://localhost:8080/api/v1/users",
    file_name: "https://cdn.example.net/img/logo.svg",
    slash_in_query: "https://example.com/search?q=a/b/c",
    encoded_space: "https://example.com/my%20files/notes.txt",
  }));

spec("url_port_or_default",
  "The port a URL connects to: the number written after the host (as in http://localhost:8080/), or the scheme's default when there is none — 80 for http and 443 for https.",
  obj({ url: URL }), { type: "integer", minimum: 0 },
  [{ url: "http://localhost:8080/admin" }, { url: "https://example.com/login" }, { url: "http://example.org" }],
  each("url", {
    https_with_port: "https://api.example.com:8443/v2",
    http_default_written: "http://example.com:80/",
    port_then_query: "http://127.0.0.1:3000?debug=1",
    no_path_https: "https://example.com",
    colon_in_path: "https://example.com/time/12:30",
    colon_in_query: "http://example.com/?t=10:15",
    user_and_password: "https://user:secret@example.com/private",
    user_and_port: "http://admin:pw@db.local:5432/",
    high_port: "http://example.com:65535/x",
  }));

const ABS_PATH = { type: "string", pattern: "^/" };
spec("common_folder_of_paths",
  "The deepest folder that holds all of the given files, from their Unix paths (like /home/ana/docs/a.txt): the folders at the start of the paths that they all share, as a path like /home/ana; \"/\" when they share only the root; null for an empty list.",
  obj({ paths: arr(ABS_PATH) }), STRING_OR_NULL,
  [
    { paths: ["/home/ana/docs/a.txt", "/home/ana/docs/b.txt", "/home/ana/music/c.mp3"] },
    { paths: ["/var/log/syslog", "/var/log/nginx/access.log"] },
  ],
  each("paths", {
    no_paths: [],
    one_file: ["/etc/nginx/nginx.conf"],
    same_folder: ["/srv/app/a.js", "/srv/app/b.js"],
    only_root_shared: ["/usr/bin/env", "/etc/hosts"],
    file_in_root: ["/notes.txt", "/home/x/y.txt"],
    similar_folder_names: ["/home/ana/file1", "/home/anna/file2"],
    same_file_twice: ["/tmp/x.log", "/tmp/x.log"],
    deep: ["/a/b/c/d/e/f.txt", "/a/b/c/d/g.txt", "/a/b/c/d/e/h/i.txt"],
    file_named_like_folder: ["/data/reports", "/data/reports/2026.csv"],
  }));

spec("word_wrap_lines",
  "Wrap a text into lines of at most width characters, breaking only between words (words are separated by spaces) and putting as many words on each line as fit; a word longer than the width goes on a line of its own.",
  obj({ text: "string", width: { type: "integer", minimum: 1 } }), arr("string"),
  [
    { text: "The quick brown fox jumps over the lazy dog", width: 15 },
    { text: "Meeting moved to Thursday at noon", width: 12 },
  ],
  {
    empty_text: { text: "", width: 10 },
    fits_on_one_line: { text: "short line", width: 40 },
    exact_fit: { text: "abc def ghi", width: 7 },
    one_word_per_line: { text: "alpha beta gamma", width: 5 },
    word_too_long: { text: "see https://example.com/a/very/long/link now", width: 10 },
    extra_spaces: { text: "  lots   of    spaces  here ", width: 9 },
    width_one: { text: "a b c", width: 1 },
    whole_text_exact: { text: "twelve chars", width: 12 },
    longer_paragraph: { text: "It was the best of times, it was the worst of times, it was the age of wisdom", width: 20 },
  });

spec("name_has_only_letters",
  "Whether a name is made only of letters, spaces, hyphens and apostrophes, like \"Mary-Jane O'Neil\", and has at least one letter. Accented letters such as é count as letters.",
  obj({ name: "string" }), T("boolean"),
  [{ name: "Mary-Jane O'Neil" }, { name: "R2-D2" }],
  each("name", {
    plain: "Oscar",
    accented: "José Núñez",
    umlaut: "Zoë Müller",
    empty: "",
    only_spaces: "   ",
    only_punctuation: "-'-",
    with_dot: "John Jr.",
    with_digits: "Anna 2",
    with_underscore: "first_last",
    at_sign: "@mila",
    lower_case: "van der berg",
  }));

spec("run_length_encoded",
  "Compress a text by run lengths: each run of the same character becomes the character followed by how many times it repeats, so \"aaabccdddd\" becomes \"a3b1c2d4\".",
  obj({ text: "string" }), T("string"),
  [{ text: "aaabccdddd" }, { text: "hello" }],
  each("text", {
    empty: "",
    one_char: "x",
    no_repeats: "abc",
    all_same: "zzzzzzzzzzzz",
    case_differs: "aAAa",
    spaces: "a  b",
    digits: "1112",
    same_char_in_two_runs: "aabaa",
    punctuation: "!!??..",
  }));

spec("common_prefix_of_words",
  "The longest beginning that all of the given words share: \"interview\", \"internet\" and \"interval\" share \"inter\". Case matters. An empty text when they share nothing or there are no words.",
  obj({ words: arr("string") }), T("string"),
  [{ words: ["interview", "internet", "interval"] }, { words: ["flower", "flow", "flight"] }],
  each("words", {
    no_words: [],
    one_word: ["solitude"],
    nothing_shared: ["dog", "cat", "cow"],
    identical: ["same", "same"],
    one_is_prefix: ["pre", "prefix", "prepare"],
    empty_word: ["abc", "", "abd"],
    case_matters: ["Apple", "apple"],
    spaces_count: ["new york", "new jersey", "newark"],
    digits: ["2026-03-01", "2026-03-15", "2026-04-01"],
  }));

spec("caesar_shifted_text",
  "Shift every letter of a message forward in the alphabet by a number of places, wrapping from z back to a and keeping capitals as capitals; every other character stays as it is.",
  obj({ text: "string", shift: COUNT }), T("string"),
  [{ text: "Hello, World!", shift: 3 }, { text: "xyz", shift: 2 }],
  {
    no_shift: { text: "Stay Put", shift: 0 },
    empty: { text: "", shift: 5 },
    full_circle: { text: "Round", shift: 26 },
    more_than_26: { text: "abc", shift: 27 },
    wrap_capitals: { text: "XYZ", shift: 4 },
    digits_untouched: { text: "Room 101", shift: 1 },
    rot13: { text: "Why did the chicken cross the road?", shift: 13 },
    accented_untouched: { text: "café", shift: 1 },
    big_shift: { text: "Zebra", shift: 100 },
  });

spec("card_brand_from_number",
  "The card network of a card number from its first digits: \"Visa\" if it starts with 4, \"Mastercard\" for 51 to 55, \"American Express\" for 34 or 37, \"Discover\" for 6011 or 65, and \"Unknown\" otherwise. Spaces and dashes in the number don't matter.",
  obj({ number: { type: "string", pattern: "^[0-9 -]*$" } }), { type: "string", enum: ["Visa", "Mastercard", "American Express", "Discover", "Unknown"] },
  [{ number: "4111 1111 1111 1111" }, { number: "5500-0000-0000-0004" }, { number: "378282246310005" }],
  each("number", {
    discover_6011: "6011 0009 9013 9424",
    discover_65: "6500000000000002",
    mastercard_51: "5105105105105100",
    fifty_six_unknown: "5610591081018250",
    fifty_unknown: "5018000000000009",
    amex_34: "3400 000000 00009",
    thirty_five_unknown: "3530111333300000",
    six_zero_one_two: "6012000000000000",
    empty: "",
    leading_space: " 4000 0566 5566 5556",
  }));

spec("cookie_header_to_object",
  "Read a Cookie header like \"theme=dark; lang=en\" into an object from cookie name to value (as text): spaces around names and values are trimmed, a value may itself contain =, and a part without any = is skipped. If a name appears twice, the first one counts.",
  obj({ header: "string" }), mapOf(T("string")),
  [{ header: "theme=dark; lang=en" }, { header: "session=abc123; cart=3;tracking=off" }],
  each("header", {
    empty: "",
    one_cookie: "id=42",
    value_with_equals: "token=dGVzdA==; user=ana",
    empty_value: "flag=; mode=fast",
    part_without_equals: "secure; a=1",
    repeated_name: "a=first; a=second",
    extra_spaces: "  x = 1 ;  y=2  ",
    trailing_semicolon: "k=v;",
    spaces_inside_value: "greeting=hello there",
  }));

spec("repeated_words_removed",
  "Remove accidentally doubled words from a sentence: when the same word comes two or more times in a row (ignoring capitals, as in \"The the\"), keep only the first of them. Words are separated by single spaces.",
  obj({ text: { type: "string", pattern: "^([^ ]+( [^ ]+)*)?$" } }), T("string"),
  [{ text: "I saw the the cat" }, { text: "The the end is is near" }],
  each("text", {
    empty: "",
    one_word: "hello",
    nothing_doubled: "a b a b",
    tripled: "no no no way",
    whole_text_same_word: "go Go GO",
    punctuation_makes_it_different: "it is, is it",
    at_the_end: "see you later later",
    numbers: "wait 10 10 minutes",
    repeated_non_adjacent: "to be or not to be",
  }));

spec("is_palindrome_phrase",
  "Whether a phrase reads the same backwards and forwards, looking only at its letters and digits and ignoring capitals, like \"Never odd or even\".",
  obj({ phrase: "string" }), T("boolean"),
  [{ phrase: "Never odd or even" }, { phrase: "Hello there" }],
  each("phrase", {
    panama: "A man, a plan, a canal: Panama!",
    single_word: "Racecar",
    one_letter: "x",
    digits: "12321",
    digits_not: "12345",
    almost: "abca",
    punctuation_between: "Was it a car or a cat I saw?",
    mixed_letters_and_digits: "1a2 2A1",
    two_words: "top spot",
  }));

spec("quoted_phrases",
  "The phrases written in double quotes in a text, without the quotes, in the order they appear; a quote mark that is never closed is ignored.",
  obj({ text: "string" }), arr("string"),
  [{ text: "She said \"hello\" and then \"see you soon\"." }, { text: "Search for \"red shoes\" size 9" }],
  each("text", {
    no_quotes: "nothing quoted here",
    empty_text: "",
    empty_quotes: "an empty \"\" pair",
    unclosed: "he said \"wait",
    three_quote_marks: "\"one\" and \"two",
    single_quotes_ignored: "it's 'not' this",
    quote_at_start_and_end: "\"whole thing\"",
    adjacent: "\"a\"\"b\"",
    quoted_with_spaces: "title: \"  spaced  \" end",
  }));

spec("safe_file_name",
  "Make a text safe to use as a file name: every character that is not a letter from A to Z (either case), a digit, a dot, a hyphen or an underscore becomes an underscore, and runs of underscores are squeezed into one.",
  obj({ text: "string" }), T("string"),
  [{ text: "My Report (final).pdf" }, { text: "invoice #2026-03.csv" }],
  each("text", {
    already_safe: "data_2026-03.json",
    empty: "",
    spaces: "a b  c",
    accents: "café menu.txt",
    slashes: "docs/2026\\march.txt",
    existing_double_underscore: "a__b",
    only_bad: "???",
    leading_and_trailing: " notes ",
    colon_time: "backup 12:30:00.tar",
  }));

spec("first_sentence",
  "The first sentence of a text: everything up to and including the first \".\", \"!\" or \"?\" that is followed by a space or ends the text, with spaces at either end trimmed; the whole trimmed text when there is no such mark.",
  obj({ text: "string" }), T("string"),
  [{ text: "We shipped the update. It fixes the login bug." }, { text: "Is it ready? Not yet." }],
  each("text", {
    no_mark: "just a fragment",
    empty: "",
    one_sentence: "Done.",
    exclamation: "Wow! That was fast.",
    decimal_number: "Prices rose 3.5 percent this year. Wages did not.",
    leading_spaces: "   Hello there. Bye.",
    ellipsis: "Well... maybe later.",
    mark_without_space: "See example.com for details. Thanks.",
    question_at_end: "Are you coming?",
  }));

// ---- numbers and units (10) ----------------------------------------------------------------------

spec("ball_volume_litres",
  "The volume of a ball in litres from its diameter in centimetres: 4/3 times pi times the radius cubed gives cubic centimetres, and 1000 of those make a litre. Rounded to 2 decimals.",
  obj({ diameter_cm: NONNEG }), NONNEG,
  [{ diameter_cm: 22 }, { diameter_cm: 6.7 }],
  each("diameter_cm", {
    zero: 0,
    ten: 10,
    football: 21.5,
    basketball: 24.3,
    beach_ball: 50,
    marble: 1.6,
    exercise_ball: 65,
    one_metre: 100,
  }));

spec("readings_standard_deviation",
  "The standard deviation of a list of readings: the square root of the average squared difference from their mean (dividing by the number of readings), rounded to 2 decimals; null for an empty list.",
  obj({ readings: arr("number") }), NUMBER_OR_NULL,
  [{ readings: [2, 4, 4, 4, 5, 5, 7, 9] }, { readings: [10, 12, 23, 23, 16, 23, 21, 16] }],
  each("readings", {
    empty: [],
    one_reading: [42],
    all_equal: [3.3, 3.3, 3.3],
    two_readings: [1, 4],
    negatives: [-5, -1, 0, 2, 9],
    decimals: [0.1, 0.25, 0.3, 0.5],
    large_values: [1001, 999, 1003, 997],
    zeros_and_one: [0, 0, 0, 1],
    temperatures: [18.2, 19.1, 21.4, 20, 17.8, 22.3, 19.9],
  }));

spec("dog_age_in_human_years",
  "A dog's age in human years by the common rule: the first year counts as 15 human years, the second as 9 more, and every year after that as 5; part of a year counts as that part of its year's amount (half of the first year is 7.5). Rounded to 1 decimal.",
  obj({ dog_years: NONNEG }), NONNEG,
  [{ dog_years: 1 }, { dog_years: 5 }, { dog_years: 0.5 }],
  each("dog_years", {
    newborn: 0,
    two: 2,
    three: 3,
    one_and_a_half: 1.5,
    two_and_a_bit: 2.3,
    puppy_months: 0.3,
    old_dog: 14,
    very_old: 20.4,
    just_under_two: 1.9,
  }));

spec("buses_leave_together_minutes",
  "Two buses leave the station together now; one leaves every a minutes and the other every b minutes. After how many minutes do they next leave together?",
  obj({ a: { type: "integer", minimum: 1 }, b: { type: "integer", minimum: 1 } }), { type: "integer", minimum: 1 },
  [{ a: 12, b: 18 }, { a: 10, b: 15 }],
  {
    same_interval: { a: 20, b: 20 },
    one_divides_other: { a: 15, b: 45 },
    coprime: { a: 7, b: 9 },
    every_minute: { a: 1, b: 13 },
    primes: { a: 11, b: 13 },
    larger_first: { a: 40, b: 6 },
    hourly_and_quarter: { a: 60, b: 25 },
    both_one: { a: 1, b: 1 },
  });

spec("cash_rounded_to_five_cents",
  "A cash amount rounded to the nearest 5 cents, as shops do where 1- and 2-cent coins are gone: amounts ending in 1, 2, 6 or 7 cents go down, and amounts ending in 3, 4, 8 or 9 cents go up.",
  obj({ amount: NONNEG }), NONNEG,
  [{ amount: 4.97 }, { amount: 12.33 }, { amount: 0.89 }],
  each("amount", {
    already_round: 7.5,
    whole: 20,
    ends_in_one: 3.01,
    ends_in_two: 3.02,
    ends_in_four: 3.04,
    ends_in_six: 3.06,
    up_to_next_dollar: 9.98,
    zero: 0,
    tiny: 0.02,
    big: 1234.56,
  }));

spec("wind_chill_celsius",
  "The wind chill temperature in °C from the air temperature T in °C and the wind speed V in km/h: 13.12 + 0.6215·T − 11.37·V^0.16 + 0.3965·T·V^0.16, rounded to 1 decimal. When the wind is below 4.8 km/h or the air is warmer than 10 °C, it is just the air temperature.",
  obj({ temp_c: T("number"), wind_kmh: NONNEG }), T("number"),
  [{ temp_c: -5, wind_kmh: 30 }, { temp_c: 2, wind_kmh: 15 }],
  {
    calm: { temp_c: -5, wind_kmh: 3 },
    warm_day: { temp_c: 18, wind_kmh: 40 },
    exactly_ten_degrees: { temp_c: 10, wind_kmh: 20 },
    just_above_ten: { temp_c: 10.5, wind_kmh: 20 },
    wind_at_threshold: { temp_c: 0, wind_kmh: 4.8 },
    bitter: { temp_c: -25, wind_kmh: 50 },
    freezing_point_breezy: { temp_c: 0, wind_kmh: 10 },
    storm: { temp_c: 5, wind_kmh: 90 },
    decimal_inputs: { temp_c: -12.4, wind_kmh: 22.5 },
  });

spec("compass_point_from_degrees",
  "The 8-point compass direction nearest to a bearing in degrees (0 is north, 90 is east, up to 360): N, NE, E, SE, S, SW, W or NW.",
  obj({ degrees: { type: "number", minimum: 0, maximum: 360 } }), { type: "string", enum: ["N", "NE", "E", "SE", "S", "SW", "W", "NW"] },
  [{ degrees: 90 }, { degrees: 200 }, { degrees: 47 }],
  each("degrees", {
    north: 0,
    full_circle: 360,
    almost_north: 350,
    north_east: 45,
    just_under_boundary: 22,
    just_over_boundary: 23,
    south_east: 130,
    south: 180,
    west: 271.5,
    north_west: 300,
  }));

spec("instalment_amounts",
  "Split a total in cents into n instalments as equal as possible in whole cents: when it doesn't divide evenly, the first instalments take one cent more than the rest.",
  obj({ total_cents: COUNT, n: { type: "integer", minimum: 1, maximum: 1000 } }), arr(COUNT),
  [{ total_cents: 1000, n: 3 }, { total_cents: 12000, n: 4 }],
  {
    one_instalment: { total_cents: 4999, n: 1 },
    zero_total: { total_cents: 0, n: 3 },
    two_left_over: { total_cents: 1001, n: 3 },
    more_instalments_than_cents: { total_cents: 2, n: 5 },
    twelve_months: { total_cents: 100000, n: 12 },
    even_split: { total_cents: 600, n: 6 },
    one_cent_over: { total_cents: 901, n: 9 },
    large: { total_cents: 2599999, n: 24 },
  });

spec("px_to_rem",
  "A CSS size in pixels as rem, given the root font size in pixels (usually 16): pixels divided by the root size, rounded to 4 decimals.",
  obj({ px: NONNEG, root_px: { type: "number", exclusiveMinimum: 0 } }), NONNEG,
  [{ px: 24, root_px: 16 }, { px: 14, root_px: 16 }],
  {
    zero: { px: 0, root_px: 16 },
    same_as_root: { px: 16, root_px: 16 },
    one_pixel: { px: 1, root_px: 16 },
    root_ten: { px: 13, root_px: 10 },
    thirds: { px: 20, root_px: 12 },
    root_eighteen: { px: 45, root_px: 18 },
    large: { px: 1440, root_px: 16 },
    fractional_px: { px: 10.4, root_px: 16 },
    odd_root: { px: 22, root_px: 15 },
  });

spec("aspect_ratio_label",
  "The aspect ratio of a screen or image from its width and height in pixels, in lowest terms like \"16:9\".",
  obj({ width: { type: "integer", minimum: 1 }, height: { type: "integer", minimum: 1 } }), { type: "string", pattern: "^[0-9]+:[0-9]+$" },
  [{ width: 1920, height: 1080 }, { width: 1024, height: 768 }],
  {
    square: { width: 500, height: 500 },
    portrait: { width: 1080, height: 1920 },
    ultrawide: { width: 3440, height: 1440 },
    sixteen_ten: { width: 1440, height: 900 },
    coprime: { width: 1366, height: 769 },
    old_monitor: { width: 1280, height: 1024 },
    one_by_one_pixel: { width: 1, height: 1 },
    phone: { width: 1170, height: 2532 },
    already_small: { width: 3, height: 2 },
  });

// ---- dates and times (10) ------------------------------------------------------------------------

spec("playlist_total_length",
  "The total length of a playlist from its track lengths written as \"m:ss\", as \"h:mm:ss\" (hours not padded): tracks of 1:45 and 1:40 give \"0:03:25\".",
  obj({ tracks: arr({ type: "string", pattern: "^[0-9]+:[0-5][0-9]$" }) }), { type: "string", pattern: "^[0-9]+:[0-5][0-9]:[0-5][0-9]$" },
  [{ tracks: ["1:45", "1:40"] }, { tracks: ["3:30", "4:05", "2:58", "5:12"] }],
  each("tracks", {
    empty: [],
    one_track: ["4:33"],
    exactly_an_hour: ["30:00", "30:00"],
    over_an_hour: ["59:59", "0:02"],
    long_mix: ["74:10"],
    seconds_carry: ["0:59", "0:59", "0:59"],
    short_tracks: ["0:05", "0:07"],
    padded_minutes: ["03:15", "04:45"],
    many_hours: ["120:00", "45:30", "15:30"],
  }));

const WEEKDAY = { type: "string", enum: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] };
spec("nth_weekday_of_month",
  "The date of the nth given weekday of a month, like the 2nd Tuesday of March 2026, as YYYY-MM-DD; null when the month has no such day (not every month has a 5th Friday).",
  obj({ year: { type: "integer", minimum: 1, maximum: 9999 }, month: { type: "integer", minimum: 1, maximum: 12 }, weekday: WEEKDAY, n: { type: "integer", minimum: 1, maximum: 5 } }), DATE_OR_NULL,
  [{ year: 2026, month: 3, weekday: "Tuesday", n: 2 }, { year: 2026, month: 11, weekday: "Thursday", n: 4 }],
  {
    first_day_is_it: { year: 2026, month: 1, weekday: "Thursday", n: 1 },
    first_after_first_day: { year: 2026, month: 1, weekday: "Wednesday", n: 1 },
    fifth_exists: { year: 2026, month: 5, weekday: "Friday", n: 5 },
    fifth_missing: { year: 2026, month: 6, weekday: "Friday", n: 5 },
    february_fifth_leap: { year: 2028, month: 2, weekday: "Tuesday", n: 5 },
    february_fifth_plain: { year: 2027, month: 2, weekday: "Tuesday", n: 5 },
    mothers_day_uk_style: { year: 2026, month: 5, weekday: "Sunday", n: 2 },
    labour_day: { year: 2027, month: 9, weekday: "Monday", n: 1 },
    december_last_week: { year: 2026, month: 12, weekday: "Thursday", n: 5 },
  });

spec("dates_from_to",
  "Every date from a start date to an end date (YYYY-MM-DD), both included, in order; an empty list when the end is before the start.",
  obj({ start: ISO_DATE, end: ISO_DATE }), arr(ISO_DATE),
  [{ start: "2026-03-03", end: "2026-03-06" }, { start: "2026-04-29", end: "2026-05-02" }],
  {
    same_day: { start: "2026-07-04", end: "2026-07-04" },
    end_before_start: { start: "2026-07-04", end: "2026-07-03" },
    across_year: { start: "2026-12-30", end: "2027-01-02" },
    leap_february: { start: "2028-02-27", end: "2028-03-01" },
    plain_february: { start: "2027-02-27", end: "2027-03-01" },
    over_dst_change: { start: "2026-03-28", end: "2026-03-30" },
    whole_week: { start: "2026-06-01", end: "2026-06-07" },
    far_apart_reversed: { start: "2027-01-01", end: "2026-01-01" },
  });

const DAY = { type: "string", enum: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] };
const OPENING = mapOf(obj({ open: HHMM, close: HHMM }));
const CAFE = { Mon: { open: "08:00", close: "17:00" }, Tue: { open: "08:00", close: "17:00" }, Wed: { open: "08:00", close: "17:00" }, Thu: { open: "08:00", close: "20:00" }, Fri: { open: "08:00", close: "17:00" }, Sat: { open: "09:30", close: "14:00" } };
spec("shop_open_at",
  "Whether a shop is open on a given day at a given time (HH:MM), from its opening hours: an object from day (\"Mon\" to \"Sun\") to its opening and closing times. Days that are not listed are closed, and the shop is open from the opening time up to, but not including, the closing time.",
  obj({ hours: OPENING, day: DAY, time: HHMM }), T("boolean"),
  [{ hours: CAFE, day: "Tue", time: "12:15" }, { hours: CAFE, day: "Sun", time: "11:00" }],
  {
    at_opening: { hours: CAFE, day: "Mon", time: "08:00" },
    just_before_opening: { hours: CAFE, day: "Mon", time: "07:59" },
    at_closing: { hours: CAFE, day: "Fri", time: "17:00" },
    just_before_closing: { hours: CAFE, day: "Fri", time: "16:59" },
    late_thursday: { hours: CAFE, day: "Thu", time: "19:30" },
    late_wednesday: { hours: CAFE, day: "Wed", time: "19:30" },
    saturday_half_past: { hours: CAFE, day: "Sat", time: "09:45" },
    saturday_early: { hours: CAFE, day: "Sat", time: "09:00" },
    midnight: { hours: CAFE, day: "Mon", time: "00:00" },
    never_open: { hours: {}, day: "Wed", time: "12:00" },
  });

const STAY = obj({ check_in: ISO_DATE, check_out: ISO_DATE });
spec("nights_both_stays_overlap",
  "How many nights two hotel stays have in common, each given by check-in and check-out dates (YYYY-MM-DD); a stay covers the nights from its check-in date up to the night before check-out. 0 when they don't overlap.",
  obj({ first: STAY, second: STAY }), COUNT,
  [
    { first: { check_in: "2026-07-01", check_out: "2026-07-08" }, second: { check_in: "2026-07-05", check_out: "2026-07-12" } },
    { first: { check_in: "2026-08-10", check_out: "2026-08-12" }, second: { check_in: "2026-08-20", check_out: "2026-08-25" } },
  ],
  {
    back_to_back: { first: { check_in: "2026-07-01", check_out: "2026-07-05" }, second: { check_in: "2026-07-05", check_out: "2026-07-09" } },
    one_inside_other: { first: { check_in: "2026-07-01", check_out: "2026-07-31" }, second: { check_in: "2026-07-10", check_out: "2026-07-13" } },
    identical: { first: { check_in: "2026-09-01", check_out: "2026-09-04" }, second: { check_in: "2026-09-01", check_out: "2026-09-04" } },
    second_first: { first: { check_in: "2026-10-05", check_out: "2026-10-10" }, second: { check_in: "2026-10-01", check_out: "2026-10-07" } },
    one_night_overlap: { first: { check_in: "2026-11-01", check_out: "2026-11-03" }, second: { check_in: "2026-11-02", check_out: "2026-11-06" } },
    across_year: { first: { check_in: "2026-12-28", check_out: "2027-01-03" }, second: { check_in: "2026-12-31", check_out: "2027-01-10" } },
    across_leap_day: { first: { check_in: "2028-02-26", check_out: "2028-03-02" }, second: { check_in: "2028-02-28", check_out: "2028-03-05" } },
    far_apart: { first: { check_in: "2026-01-01", check_out: "2026-01-02" }, second: { check_in: "2027-01-01", check_out: "2027-01-02" } },
  });

spec("next_birthday_date",
  "The date of someone's next birthday on or after today (both dates YYYY-MM-DD; the year of birth doesn't matter). Someone born on 29 February celebrates on 28 February in years that are not leap years.",
  obj({ birth_date: ISO_DATE, today: ISO_DATE }), ISO_DATE,
  [{ birth_date: "1990-08-14", today: "2026-03-03" }, { birth_date: "1985-01-20", today: "2026-03-03" }],
  {
    birthday_today: { birth_date: "2000-03-03", today: "2026-03-03" },
    birthday_yesterday: { birth_date: "2000-03-02", today: "2026-03-03" },
    birthday_tomorrow: { birth_date: "2000-03-04", today: "2026-03-03" },
    new_years_eve_today: { birth_date: "1979-12-31", today: "2026-12-31" },
    new_years_day_after_eve: { birth_date: "1979-01-01", today: "2026-12-31" },
    leap_baby_plain_year: { birth_date: "2004-02-29", today: "2026-02-01" },
    leap_baby_leap_year: { birth_date: "2004-02-29", today: "2028-01-15" },
    leap_baby_after_feb: { birth_date: "2004-02-29", today: "2027-03-01" },
    born_today: { birth_date: "2026-05-05", today: "2026-05-05" },
  });

spec("meteorological_season",
  "The season of a date (YYYY-MM-DD) in the northern hemisphere, by whole months: winter for December to February, spring for March to May, summer for June to August and autumn for September to November.",
  obj({ date: ISO_DATE }), { type: "string", enum: ["winter", "spring", "summer", "autumn"] },
  [{ date: "2026-04-17" }, { date: "2026-12-25" }],
  each("date", {
    new_year: "2027-01-01",
    end_of_february: "2028-02-29",
    first_of_march: "2026-03-01",
    end_of_may: "2026-05-31",
    first_of_june: "2026-06-01",
    end_of_august: "2026-08-31",
    first_of_september: "2026-09-01",
    end_of_november: "2026-11-30",
    first_of_december: "2026-12-01",
  }));

const TIMESTAMP = { type: "string", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]$" };
spec("minutes_between_timestamps",
  "The number of minutes from one timestamp to another, both written YYYY-MM-DDTHH:MM in the same time zone; negative when the second one is earlier.",
  obj({ from: TIMESTAMP, to: TIMESTAMP }), T("integer"),
  [{ from: "2026-03-03T09:15", to: "2026-03-03T11:45" }, { from: "2026-03-03T22:30", to: "2026-03-04T06:10" }],
  {
    same_time: { from: "2026-05-05T12:00", to: "2026-05-05T12:00" },
    earlier: { from: "2026-05-05T12:00", to: "2026-05-05T11:20" },
    one_minute: { from: "2026-05-05T23:59", to: "2026-05-06T00:00" },
    whole_day: { from: "2026-05-05T08:00", to: "2026-05-06T08:00" },
    across_month: { from: "2026-04-30T18:00", to: "2026-05-01T02:00" },
    across_year: { from: "2026-12-31T23:00", to: "2027-01-01T01:30" },
    leap_day: { from: "2028-02-28T12:00", to: "2028-03-01T12:00" },
    over_dst_weekend: { from: "2026-03-28T12:00", to: "2026-03-30T12:00" },
    a_week_back: { from: "2026-06-15T10:00", to: "2026-06-08T09:00" },
  });

spec("monday_of_week",
  "The Monday that starts the week (Monday to Sunday) a date (YYYY-MM-DD) falls in, as YYYY-MM-DD.",
  obj({ date: ISO_DATE }), ISO_DATE,
  [{ date: "2026-03-05" }, { date: "2026-03-08" }],
  each("date", {
    already_monday: "2026-03-09",
    tuesday: "2026-03-10",
    saturday: "2026-03-14",
    across_month: "2026-05-02",
    across_year: "2027-01-01",
    leap_day: "2028-02-29",
    after_leap_day: "2028-03-03",
    century_year: "2100-03-02",
    over_dst_change: "2026-10-25",
  }));

spec("date_is_valid",
  "Whether a text in the form YYYY-MM-DD is a real calendar date: a month from 01 to 12 and a day that the month actually has (29 February only in leap years).",
  obj({ date: ISO_DATE }), T("boolean"),
  [{ date: "2026-03-15" }, { date: "2026-02-30" }],
  each("date", {
    leap_day: "2028-02-29",
    not_leap: "2027-02-29",
    century_not_leap: "2100-02-29",
    four_hundred_leap: "2000-02-29",
    month_zero: "2026-00-10",
    month_thirteen: "2026-13-01",
    day_zero: "2026-05-00",
    april_31: "2026-04-31",
    march_31: "2026-03-31",
    december_32: "2026-12-32",
  }));

// ---- utility functions (5) -----------------------------------------------------------------------

spec("key_by_field",
  "Index a list of records by one of their fields: an object from each record's value of that field (written as text) to the record itself. When two records have the same value, the later one wins; records without the field are left out.",
  obj({ records: arr(RECORD), field: "string" }), mapOf(RECORD),
  [
    { records: [{ id: "u1", name: "Ana" }, { id: "u2", name: "Bo" }], field: "id" },
    { records: [{ sku: 17, qty: 2 }, { sku: 4, qty: 9 }, { sku: 17, qty: 5 }], field: "sku" },
  ],
  {
    no_records: { records: [], field: "id" },
    missing_field: { records: [{ id: "a" }, { name: "no id" }, { id: "b" }], field: "id" },
    all_same_value: { records: [{ k: "x", n: 1 }, { k: "x", n: 2 }, { k: "x", n: 3 }], field: "k" },
    boolean_values: { records: [{ ok: true, n: 1 }, { ok: false, n: 2 }], field: "ok" },
    number_and_text_same_key: { records: [{ code: 1, from: "number" }, { code: "1", from: "text" }], field: "code" },
    case_differs: { records: [{ tag: "Red" }, { tag: "red" }], field: "tag" },
    nested_records_kept_whole: { records: [{ id: "p", meta: { tags: ["a"] } }], field: "id" },
    field_not_anywhere: { records: [{ a: 1 }, { b: 2 }], field: "c" },
  });

spec("partition_by_flag",
  "Split a list of records in two by a true/false field: a pair of lists, first the records where the field is true, then the others, each keeping the original order.",
  obj({ records: arr(RECORD), field: "string" }), { type: "array", items: arr(RECORD), minItems: 2, maxItems: 2 },
  [
    { records: [{ task: "a", done: true }, { task: "b", done: false }, { task: "c", done: true }], field: "done" },
    { records: [{ user: "x", active: false }, { user: "y", active: false }], field: "active" },
  ],
  {
    no_records: { records: [], field: "done" },
    all_true: { records: [{ id: 1, ok: true }, { id: 2, ok: true }], field: "ok" },
    missing_field: { records: [{ id: 1 }, { id: 2, ok: true }], field: "ok" },
    null_value: { records: [{ id: 1, ok: null }, { id: 2, ok: false }], field: "ok" },
    other_field_true: { records: [{ id: 1, ok: false, paid: true }], field: "ok" },
    keeps_order: { records: [{ n: 5, f: true }, { n: 3, f: false }, { n: 1, f: true }, { n: 4, f: false }, { n: 2, f: true }], field: "f" },
    one_record: { records: [{ f: true }], field: "f" },
    nested_kept: { records: [{ f: false, inner: { f: true } }], field: "f" },
  });

spec("value_at_path",
  "Read a nested value by a dotted path like \"user.address.city\" (a number in the path picks a list item, as in \"items.0.name\"); the fallback value when some step of the path is not there.",
  obj({ data: RECORD, path: { type: "string", minLength: 1 }, fallback: ANY_JSON }), ANY_JSON,
  [
    { data: { user: { name: "Ana", address: { city: "Lisbon" } } }, path: "user.address.city", fallback: null },
    { data: { items: [{ name: "pen" }, { name: "ink" }] }, path: "items.1.name", fallback: "none" },
  ],
  {
    top_level: { data: { a: 1 }, path: "a", fallback: 0 },
    missing_top: { data: { a: 1 }, path: "b", fallback: "n/a" },
    missing_in_middle: { data: { user: {} }, path: "user.address.city", fallback: "unknown" },
    index_out_of_range: { data: { items: ["x"] }, path: "items.3", fallback: -1 },
    value_is_null: { data: { a: { b: null } }, path: "a.b", fallback: "fallback" },
    value_is_false: { data: { flags: { beta: false } }, path: "flags.beta", fallback: true },
    object_result: { data: { cfg: { db: { host: "h", port: 5432 } } }, path: "cfg.db", fallback: null },
    through_a_string: { data: { name: "Ana" }, path: "name.first", fallback: "?" },
    numeric_key_in_object: { data: { years: { 2026: "now" } }, path: "years.2026", fallback: "" },
    list_of_lists: { data: { grid: [[1, 2], [3, 4]] }, path: "grid.1.0", fallback: null },
  });

spec("rotate_list_left",
  "Rotate a list to the left by k places: the first k items move to the end in the same order; a k larger than the list's length wraps around.",
  obj({ items: T("array"), k: COUNT }), T("array"),
  [{ items: [1, 2, 3, 4, 5], k: 2 }, { items: ["mon", "tue", "wed"], k: 1 }],
  {
    empty: { items: [], k: 3 },
    no_rotation: { items: ["a", "b"], k: 0 },
    full_turn: { items: [1, 2, 3], k: 3 },
    wraps: { items: [1, 2, 3], k: 4 },
    one_item: { items: ["solo"], k: 7 },
    nearly_full_turn: { items: [1, 2, 3, 4], k: 3 },
    mixed_items: { items: [{ a: 1 }, null, [2], "x"], k: 1 },
    many_turns: { items: ["a", "b", "c", "d", "e"], k: 12 },
  });

spec("fill_missing_defaults",
  "Fill in a settings object from defaults: every field of the defaults that the settings don't have is added with its default value; fields the settings already have are kept as they are, even when they are null.",
  obj({ settings: RECORD, defaults: RECORD }), RECORD,
  [
    { settings: { theme: "dark" }, defaults: { theme: "light", font_size: 14, autosave: true } },
    { settings: { lang: "pt", volume: 0 }, defaults: { volume: 50, muted: false } },
  ],
  {
    both_empty: { settings: {}, defaults: {} },
    no_settings: { settings: {}, defaults: { a: 1, b: "x" } },
    no_defaults: { settings: { a: 1 }, defaults: {} },
    null_kept: { settings: { name: null }, defaults: { name: "guest" } },
    false_kept: { settings: { notify: false }, defaults: { notify: true } },
    empty_text_kept: { settings: { title: "" }, defaults: { title: "Untitled" } },
    nested_not_merged: { settings: { db: { host: "prod" } }, defaults: { db: { host: "localhost", port: 5432 } } },
    extra_settings_kept: { settings: { x: 1, y: 2 }, defaults: { z: 3 } },
  });
