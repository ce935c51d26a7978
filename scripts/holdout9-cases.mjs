// The specs of tests/fixtures/specs/holdout9 without their outputs: description, schemas and the
// inputs of the examples and the named tests. scripts/make-holdout9-specs.mjs adds the outputs.
// New tasks (none a renamed task of an earlier set, checked against their file names only), written
// without running the synthesizer or reading its code, in the proportions of the brief: 20 records
// and lists, 15 strings, 10 numbers and units, 10 dates and times, 5 utility functions.

import { T, obj, arr, ISO_DATE, rows } from "./spec-schemas.mjs";
const NONNEG = { type: "number", minimum: 0 };
const POSITIVE = { type: "number", exclusiveMinimum: 0 };
const COUNT = { type: "integer", minimum: 0 };
const PERCENT = { type: "number", minimum: 0, maximum: 100 };
const NUMBER_OR_NULL = { type: ["number", "null"] };
const STRING_OR_NULL = { type: ["string", "null"] };
const SCALAR = { type: ["string", "number", "boolean"] };
/** One single-field input per value: each("name", {solo: "Cher"}) -> {solo: {name: "Cher"}}. */
const each = (field, named) => Object.fromEntries(Object.entries(named).map(([name, v]) => [name, { [field]: v }]));

export const SPECS = [];
const spec = (capability, description, inputSchema, outputSchema, examples, tests) =>
  SPECS.push({ capability, description, inputSchema, outputSchema, examples, tests });

// ---- records and lists (20) ----------------------------------------------------------------------

const BASKET = arr(obj({ item: "string", quantity: COUNT, unit_price: NONNEG }));
const basket = (...r) => rows(["item", "quantity", "unit_price"], ...r);
spec("basket_total_after_coupon_and_tax",
  "What I pay for a shopping basket: add up quantity times unit price over the lines, take the coupon's percentage off that subtotal, then add sales tax at tax_rate percent on the discounted amount. Rounded to 2 decimals.",
  obj({ lines: BASKET, coupon_percent: PERCENT, tax_rate: NONNEG }), T("number"),
  [
    { lines: basket(["Notebook", 3, 4.5], ["Pen", 10, 1.2]), coupon_percent: 10, tax_rate: 8 },
    { lines: basket(["Desk lamp", 1, 39.99]), coupon_percent: 0, tax_rate: 7.25 },
  ],
  {
    empty_basket: { lines: [], coupon_percent: 20, tax_rate: 8 },
    free_with_full_coupon: { lines: basket(["Mug", 2, 9.99]), coupon_percent: 100, tax_rate: 8 },
    no_tax: { lines: basket(["Mug", 2, 9.99]), coupon_percent: 15, tax_rate: 0 },
    no_coupon_no_tax: { lines: basket(["Cable", 4, 2.49], ["Plug", 1, 5]), coupon_percent: 0, tax_rate: 0 },
    zero_quantity_line: { lines: basket(["Chair", 0, 89], ["Cushion", 2, 12.4]), coupon_percent: 5, tax_rate: 6 },
    quarter_off_vat: { lines: basket(["Boots", 1, 120], ["Socks", 3, 4.2]), coupon_percent: 25, tax_rate: 20 },
    free_item: { lines: basket(["Sticker", 5, 0], ["Poster", 1, 14.5]), coupon_percent: 12, tax_rate: 9.5 },
    many_lines: { lines: basket(["A", 1, 1.11], ["B", 2, 2.22], ["C", 3, 3.33], ["D", 4, 4.44], ["E", 5, 0.55]), coupon_percent: 7.5, tax_rate: 8.875 },
    big_order: { lines: basket(["Laptop", 12, 899], ["Dock", 12, 149.99]), coupon_percent: 18, tax_rate: 4 },
  });

const SESSIONS = arr(obj({ app: "string", minutes: NONNEG }));
const sessions = (...r) => rows(["app", "minutes"], ...r);
spec("mean_session_minutes_by_app",
  "From a log of app sessions, the average session length in minutes for each app: an object from app name to its mean, rounded to 1 decimal, with the apps in the order they first appear in the log.",
  obj({ sessions: SESSIONS }), { type: "object", additionalProperties: T("number") },
  [
    { sessions: sessions(["Maps", 12], ["Mail", 3], ["Maps", 20]) },
    { sessions: sessions(["Chess", 7], ["Chess", 8], ["Chess", 10], ["News", 2.5]) },
  ],
  each("sessions", {
    empty_log: [],
    one_session: sessions(["Camera", 1.26]),
    zero_minutes: sessions(["Clock", 0], ["Clock", 0]),
    one_app_many_times: sessions(["Radio", 30], ["Radio", 45], ["Radio", 52]),
    thirds: sessions(["Notes", 1], ["Notes", 1], ["Notes", 2]),
    interleaved: sessions(["B", 4], ["A", 6], ["B", 9], ["C", 1], ["A", 7], ["B", 2]),
    long_sessions: sessions(["Video", 187], ["Video", 64.4], ["Podcast", 92]),
    similar_names: sessions(["Mail", 5], ["Mail Pro", 11], ["Mail", 8]),
  }));

const OFFERS = arr(obj({ code: "string", airline: "string", fare: NONNEG }));
const offers = (...r) => rows(["code", "airline", "fare"], ...r);
spec("cheapest_fare_code",
  "The flight code of the cheapest offer in a list of flight offers; when several share the lowest fare, the one listed first. null when there are no offers.",
  obj({ offers: OFFERS }), STRING_OR_NULL,
  [
    { offers: offers(["BA117", "British Airways", 412], ["VS3", "Virgin", 389.5], ["AA101", "American", 455]) },
    { offers: offers(["LH400", "Lufthansa", 620], ["UA961", "United", 598]) },
  ],
  each("offers", {
    no_offers: [],
    single_offer: offers(["KL643", "KLM", 530]),
    tie_goes_to_first: offers(["DL1", "Delta", 300], ["B6 7", "JetBlue", 250], ["NK9", "Spirit", 250]),
    cheapest_last: offers(["A1", "X", 99], ["A2", "X", 98.99], ["A3", "X", 98.5]),
    cheapest_first: offers(["Z9", "Y", 12], ["Z8", "Y", 120], ["Z7", "Y", 1200]),
    free_ticket: offers(["QF1", "Qantas", 1450], ["REWARD", "Qantas", 0]),
    all_equal: offers(["F1", "A", 75], ["F2", "B", 75], ["F3", "C", 75]),
    cents_apart: offers(["SK1", "SAS", 211.01], ["AY5", "Finnair", 211], ["IB3", "Iberia", 211.1]),
  }));

const BIDS = arr(obj({ lot: "string", bidder: "string", amount: POSITIVE }));
const bids = (...r) => rows(["lot", "bidder", "amount"], ...r);
spec("top_bid_per_lot",
  "Who is winning each lot of an auction: an object from lot to the bidder with the highest bid on it. If two bids on a lot are equal, the one placed first (earlier in the list) wins. Lots in the order they first appear.",
  obj({ bids: BIDS }), { type: "object", additionalProperties: T("string") },
  [
    { bids: bids(["L1", "maria", 50], ["L2", "tom", 20], ["L1", "jin", 65]) },
    { bids: bids(["vase", "ana", 120], ["clock", "ben", 80], ["vase", "cy", 110], ["clock", "ana", 95]) },
  ],
  each("bids", {
    no_bids: [],
    one_bid: bids(["L7", "olu", 5]),
    equal_bids_first_wins: bids(["L1", "first", 40], ["L1", "second", 40]),
    raised_again_by_same_bidder: bids(["L1", "a", 10], ["L1", "b", 12], ["L1", "a", 15]),
    lower_late_bid: bids(["L1", "a", 30], ["L1", "b", 25]),
    many_lots: bids(["L3", "x", 1], ["L1", "y", 2], ["L2", "z", 3], ["L1", "x", 2.5], ["L3", "z", 0.5]),
    equal_after_higher: bids(["L1", "a", 10], ["L1", "b", 20], ["L1", "c", 20], ["L1", "d", 15]),
    decimal_bids: bids(["print", "kim", 19.99], ["print", "lee", 20.01], ["print", "max", 20]),
  }));

const REVIEWS = arr(obj({ author: "string", stars: { type: "integer", minimum: 1, maximum: 5 }, text: "string" }));
const reviews = (...r) => rows(["author", "stars", "text"], ...r);
spec("reviews_per_star_rating",
  "How many reviews gave each star rating: a list of five counts, for 1 star, 2 stars, up to 5 stars, with 0 for a rating nobody gave.",
  obj({ reviews: REVIEWS }), { type: "array", items: COUNT, minItems: 5, maxItems: 5 },
  [
    { reviews: reviews(["sam", 5, "Great"], ["ivy", 4, "Good"], ["raj", 5, "Loved it"]) },
    { reviews: reviews(["a", 1, "Broke"], ["b", 3, "OK"], ["c", 2, "Meh"], ["d", 3, "Fine"]) },
  ],
  each("reviews", {
    no_reviews: [],
    one_review: reviews(["x", 2, "Not great"]),
    all_one_star: reviews(["a", 1, ""], ["b", 1, ""], ["c", 1, ""]),
    every_rating_once: reviews(["a", 5, ""], ["b", 4, ""], ["c", 3, ""], ["d", 2, ""], ["e", 1, ""]),
    text_mentions_stars: reviews(["a", 2, "5 stars? no"], ["b", 4, "1 star off"]),
    same_author_twice: reviews(["pat", 3, "first"], ["pat", 4, "edit"]),
    mostly_top: reviews(["a", 5, ""], ["b", 5, ""], ["c", 5, ""], ["d", 5, ""], ["e", 4, ""], ["f", 1, ""]),
    only_middle: reviews(["a", 3, "fine"], ["b", 3, "fine"]),
  }));

const DAY = { type: "string", enum: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] };
const VOLUNTEERS = arr(obj({ name: "string", free: arr(DAY) }));
const volunteers = (...r) => rows(["name", "free"], ...r);
spec("volunteers_available_on_day",
  "The names of the volunteers who can help on a given day of the week (each volunteer lists the days they are free, like \"Sat\"), in alphabetical order.",
  obj({ volunteers: VOLUNTEERS, day: DAY }), arr("string"),
  [
    { volunteers: volunteers(["Priya", ["Sat", "Sun"]], ["Dan", ["Mon", "Sat"]], ["Lena", ["Wed"]]), day: "Sat" },
    { volunteers: volunteers(["Tom", ["Tue"]], ["Ada", ["Tue", "Thu"]]), day: "Thu" },
  ],
  {
    no_volunteers: { volunteers: [], day: "Mon" },
    nobody_free: { volunteers: volunteers(["Ola", ["Mon"]], ["Eve", ["Fri"]]), day: "Sun" },
    everyone_free: { volunteers: volunteers(["Zoe", ["Fri"]], ["Bea", ["Fri", "Sat"]], ["Max", ["Thu", "Fri"]]), day: "Fri" },
    no_days_listed: { volunteers: volunteers(["Kai", []], ["Uma", ["Wed"]]), day: "Wed" },
    already_in_order: { volunteers: volunteers(["Abe", ["Tue"]], ["Bo", ["Tue"]], ["Cy", ["Tue"]]), day: "Tue" },
    reverse_order: { volunteers: volunteers(["Yusuf", ["Sun"]], ["Mia", ["Sun"]], ["Ali", ["Sun"]]), day: "Sun" },
    same_first_letter: { volunteers: volunteers(["Sara", ["Mon"]], ["Sam", ["Mon"]], ["Sal", ["Mon", "Tue"]]), day: "Mon" },
    every_day_volunteer: { volunteers: volunteers(["Nell", ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]], ["Ida", ["Thu"]]), day: "Thu" },
  });

const PALLETS = arr(obj({ pallet_id: "string", boxes: COUNT, box_kg: NONNEG, empty_kg: NONNEG }));
const pallets = (...r) => rows(["pallet_id", "boxes", "box_kg", "empty_kg"], ...r);
spec("total_pallet_weight_kg",
  "The total shipping weight of a load of pallets in kg: each pallet weighs its own empty weight plus its number of boxes times the weight of one box. Rounded to 1 decimal.",
  obj({ pallets: PALLETS }), T("number"),
  [
    { pallets: pallets(["P1", 40, 12.5, 25], ["P2", 30, 8, 22]) },
    { pallets: pallets(["EUR-7", 16, 20.3, 25]) },
  ],
  each("pallets", {
    no_pallets: [],
    empty_pallet: pallets(["P0", 0, 15, 20]),
    weightless_boxes: pallets(["P1", 10, 0, 18.2]),
    one_box: pallets(["P1", 1, 3.33, 24]),
    many_light_boxes: pallets(["P1", 144, 0.35, 21.5]),
    three_pallets: pallets(["A", 10, 10, 20], ["B", 20, 5.5, 20], ["C", 7, 31.07, 25.4]),
    heavy_load: pallets(["H1", 48, 22.75, 30], ["H2", 48, 22.75, 30], ["H3", 36, 19.9, 30]),
    decimal_pallet: pallets(["X", 3, 1.1, 0.9]),
  }));

const TEAMS = arr(obj({ team: "string", points: COUNT, goals_for: COUNT, goals_against: COUNT }));
const teams = (...r) => rows(["team", "points", "goals_for", "goals_against"], ...r);
spec("league_table_order",
  "The team names in league-table order: most points first; on equal points the better goal difference (goals for minus goals against); then the most goals scored; then by team name alphabetically.",
  obj({ teams: TEAMS }), arr("string"),
  [
    { teams: teams(["Rovers", 10, 8, 5], ["United", 12, 9, 4], ["City", 10, 11, 6]) },
    { teams: teams(["Wanderers", 7, 6, 6], ["Athletic", 7, 9, 9], ["Albion", 9, 5, 7]) },
  ],
  each("teams", {
    no_teams: [],
    one_team: teams(["Solo", 0, 0, 0]),
    points_decide: teams(["A", 1, 10, 0], ["B", 3, 0, 10], ["C", 2, 5, 5]),
    goal_difference_decides: teams(["Low", 6, 9, 8], ["High", 6, 4, 1]),
    negative_goal_difference: teams(["Minus3", 4, 2, 5], ["Minus1", 4, 1, 2], ["Zero", 4, 0, 0]),
    goals_scored_decide: teams(["Tight", 5, 2, 2], ["Open", 5, 7, 7]),
    name_decides: teams(["Zebras", 3, 3, 3], ["Ants", 3, 3, 3], ["Moles", 3, 3, 3]),
    all_rules: teams(["E", 9, 10, 2], ["D", 9, 12, 4], ["C", 9, 8, 0], ["B", 9, 7, 0], ["A", 11, 1, 9], ["F", 9, 8, 0]),
    start_of_season: teams(["North", 0, 0, 0], ["South", 0, 0, 0], ["East", 0, 0, 0]),
  }));

const PRIORITY = { type: "string", enum: ["high", "medium", "low"] };
const TODOS = arr(obj({ title: "string", due: ISO_DATE, priority: PRIORITY }));
const todos = (...r) => rows(["title", "due", "priority"], ...r);
spec("tasks_by_due_then_priority",
  "Order my to-do items: earliest due date (YYYY-MM-DD) first; items due the same day go high priority first, then medium, then low; items equal on both stay in the order given. Return the titles.",
  obj({ todos: TODOS }), arr("string"),
  [
    { todos: todos(["Pay rent", "2026-04-01", "high"], ["Call mum", "2026-03-28", "low"], ["Book dentist", "2026-04-01", "medium"]) },
    { todos: todos(["Taxes", "2026-04-15", "low"], ["Gym", "2026-04-10", "low"], ["Report", "2026-04-15", "high"]) },
  ],
  each("todos", {
    nothing_to_do: [],
    one_item: todos(["Water plants", "2026-05-05", "medium"]),
    same_day_all_priorities: todos(["L", "2026-06-01", "low"], ["M", "2026-06-01", "medium"], ["H", "2026-06-01", "high"]),
    equal_items_keep_order: todos(["First", "2026-06-02", "medium"], ["Second", "2026-06-02", "medium"], ["Third", "2026-06-02", "medium"]),
    date_beats_priority: todos(["Later but urgent", "2026-06-03", "high"], ["Sooner and minor", "2026-06-02", "low"]),
    across_months: todos(["A", "2026-07-01", "low"], ["B", "2026-06-30", "low"], ["C", "2026-07-10", "high"]),
    across_years: todos(["New year", "2027-01-02", "high"], ["Old year", "2026-12-31", "low"]),
    mixed: todos(["a", "2026-08-02", "low"], ["b", "2026-08-01", "medium"], ["c", "2026-08-02", "high"], ["d", "2026-08-01", "high"], ["e", "2026-08-02", "low"], ["f", "2026-08-01", "medium"]),
  }));

const ORDER_LINES = arr(obj({ sku: "string", qty: COUNT }));
const CATALOGUE = arr(obj({ sku: "string", name: "string", price: NONNEG }));
const olines = (...r) => rows(["sku", "qty"], ...r);
const catalogue = (...r) => rows(["sku", "name", "price"], ...r);
const SHOP = catalogue(["TB-1", "Toothbrush", 2.49], ["SP-2", "Soap", 1.75], ["SH-3", "Shampoo", 5.6], ["TW-4", "Towel", 12]);
spec("order_lines_with_product_names",
  "Turn an order's lines (sku and quantity) into a printable list using the product catalogue: for each line, the product's name, the quantity and the line total (quantity times the catalogue price, rounded to 2 decimals), in the order of the lines. Lines whose sku is not in the catalogue are skipped.",
  obj({ lines: ORDER_LINES, catalogue: CATALOGUE }), arr(obj({ name: "string", qty: COUNT, total: NONNEG })),
  [
    { lines: olines(["SP-2", 3], ["TB-1", 2]), catalogue: SHOP },
    { lines: olines(["TW-4", 1], ["XX-9", 5], ["SH-3", 2]), catalogue: SHOP },
  ],
  {
    no_lines: { lines: [], catalogue: SHOP },
    empty_catalogue: { lines: olines(["SP-2", 1]), catalogue: [] },
    nothing_known: { lines: olines(["AA", 1], ["BB", 2]), catalogue: SHOP },
    zero_quantity: { lines: olines(["TW-4", 0]), catalogue: SHOP },
    same_sku_twice: { lines: olines(["SP-2", 1], ["SP-2", 4]), catalogue: SHOP },
    case_matters: { lines: olines(["sp-2", 1], ["SP-2", 1]), catalogue: SHOP },
    many_units: { lines: olines(["TB-1", 37], ["SH-3", 11]), catalogue: SHOP },
    free_product: { lines: olines(["GIFT", 1]), catalogue: catalogue(["GIFT", "Sample", 0]) },
    catalogue_order_differs: { lines: olines(["c", 1], ["a", 2], ["b", 3]), catalogue: catalogue(["a", "Apple", 0.3], ["b", "Banana", 0.25], ["c", "Cherry", 4.1]) },
  });

const INVOICES = arr(obj({ number: "string", amount: NONNEG }));
const PAYMENTS = arr(obj({ invoice: "string", paid: NONNEG }));
const invoices = (...r) => rows(["number", "amount"], ...r);
const payments = (...r) => rows(["invoice", "paid"], ...r);
spec("invoices_still_owing",
  "Which invoices are not fully paid yet: add up the payments made against each invoice number and list every invoice whose payments come to less than its amount, with how much is still owed (rounded to 2 decimals), in the order of the invoices.",
  obj({ invoices: INVOICES, payments: PAYMENTS }), arr(obj({ number: "string", owed: POSITIVE })),
  [
    { invoices: invoices(["INV-1", 200], ["INV-2", 150], ["INV-3", 80]), payments: payments(["INV-1", 200], ["INV-2", 100]) },
    { invoices: invoices(["A7", 99.5], ["A8", 40]), payments: payments(["A8", 15], ["A8", 10], ["A7", 20]) },
  ],
  {
    no_invoices: { invoices: [], payments: payments(["X", 10]) },
    no_payments: { invoices: invoices(["I1", 10], ["I2", 20.25]), payments: [] },
    all_paid: { invoices: invoices(["I1", 10], ["I2", 20]), payments: payments(["I2", 20], ["I1", 10]) },
    paid_in_parts: { invoices: invoices(["I1", 100]), payments: payments(["I1", 50], ["I1", 25], ["I1", 25]) },
    overpaid: { invoices: invoices(["I1", 60], ["I2", 60]), payments: payments(["I1", 75], ["I2", 59]) },
    payment_for_unknown_invoice: { invoices: invoices(["I1", 30]), payments: payments(["I9", 30]) },
    a_cent_short: { invoices: invoices(["I1", 45.5]), payments: payments(["I1", 45.49]) },
    zero_amount_invoice: { invoices: invoices(["I0", 0], ["I1", 5]), payments: [] },
    several: { invoices: invoices(["C", 310.4], ["A", 75], ["B", 1200]), payments: payments(["B", 600], ["C", 300], ["B", 550.25], ["A", 80]) },
  });

const ROOMS = arr(obj({ room: "string", area_m2: POSITIVE, temp_c: T("number") }));
const rooms = (...r) => rows(["room", "area_m2", "temp_c"], ...r);
spec("area_weighted_mean_temperature",
  "The average temperature of a flat where each room counts in proportion to its floor area: the sum of area times temperature over the rooms, divided by the total area, rounded to 1 decimal. null when there are no rooms.",
  obj({ rooms: ROOMS }), NUMBER_OR_NULL,
  [
    { rooms: rooms(["Living", 30, 21], ["Bedroom", 10, 17]) },
    { rooms: rooms(["Kitchen", 12, 22.5], ["Bath", 6, 24], ["Hall", 8, 18]) },
  ],
  each("rooms", {
    no_rooms: [],
    one_room: rooms(["Studio", 28, 20.4]),
    equal_areas: rooms(["A", 10, 18], ["B", 10, 22]),
    tiny_cold_room: rooms(["Lounge", 40, 21], ["Larder", 1, 8]),
    below_freezing: rooms(["Garage", 20, -3], ["Shed", 5, -6]),
    same_temperature: rooms(["A", 7.5, 19], ["B", 13.2, 19], ["C", 4.1, 19]),
    decimal_areas: rooms(["A", 12.4, 20.1], ["B", 9.7, 18.6], ["C", 3.3, 23.9]),
    big_house: rooms(["1", 25, 21], ["2", 18, 20], ["3", 14, 19], ["4", 12, 18], ["5", 9, 23], ["6", 6, 16]),
  }));

const DELIVERIES = arr(obj({ driver: "string", order: "string", rating: { type: "integer", minimum: 1, maximum: 5 } }));
const deliveries = (...r) => rows(["driver", "order", "rating"], ...r);
const ROUND = deliveries(["Kofi", "o1", 5], ["Rita", "o2", 3], ["Kofi", "o3", 4], ["Rita", "o4", 4], ["Kofi", "o5", 4]);
spec("driver_mean_rating",
  "The average customer rating (1 to 5) of one driver's deliveries, rounded to 2 decimals; deliveries by other drivers don't count. null when that driver has no deliveries.",
  obj({ deliveries: DELIVERIES, driver: "string" }), NUMBER_OR_NULL,
  [
    { deliveries: ROUND, driver: "Kofi" },
    { deliveries: ROUND, driver: "Rita" },
  ],
  {
    unknown_driver: { deliveries: ROUND, driver: "Sven" },
    no_deliveries: { deliveries: [], driver: "Kofi" },
    name_case_differs: { deliveries: ROUND, driver: "kofi" },
    one_delivery: { deliveries: deliveries(["Ama", "x", 2]), driver: "Ama" },
    all_fives: { deliveries: deliveries(["Ama", "x", 5], ["Ama", "y", 5]), driver: "Ama" },
    two_thirds: { deliveries: deliveries(["Ama", "x", 1], ["Ama", "y", 2], ["Ama", "z", 2]), driver: "Ama" },
    sevenths: { deliveries: deliveries(["B", "1", 5], ["B", "2", 4], ["B", "3", 4], ["B", "4", 5], ["B", "5", 3], ["B", "6", 5], ["B", "7", 5]), driver: "B" },
    others_pull_down: { deliveries: deliveries(["C", "1", 1], ["D", "2", 5], ["C", "3", 1], ["D", "4", 4]), driver: "D" },
  });

const FORECAST = arr(obj({ date: ISO_DATE, high_c: T("number"), low_c: T("number") }));
const forecast = (...r) => rows(["date", "high_c", "low_c"], ...r);
spec("hottest_day_in_forecast",
  "The date with the highest daytime high in a list of daily forecasts; the earliest listed if several tie. null when the list is empty.",
  obj({ forecast: FORECAST }), STRING_OR_NULL,
  [
    { forecast: forecast(["2026-07-06", 24, 14], ["2026-07-07", 29, 17], ["2026-07-08", 26, 15]) },
    { forecast: forecast(["2026-01-12", -2, -9], ["2026-01-13", 1.5, -4]) },
  ],
  each("forecast", {
    no_days: [],
    one_day: forecast(["2026-03-01", 9, 2]),
    tie_goes_to_first: forecast(["2026-08-01", 31, 20], ["2026-08-02", 33, 21], ["2026-08-03", 33, 22]),
    all_below_zero: forecast(["2026-02-01", -8, -15], ["2026-02-02", -4.5, -12], ["2026-02-03", -6, -11]),
    warm_night_cool_day: forecast(["2026-05-01", 18, 16], ["2026-05-02", 22, 5]),
    hottest_last: forecast(["2026-06-01", 20, 10], ["2026-06-02", 21, 11], ["2026-06-03", 21.1, 12]),
    not_in_date_order: forecast(["2026-09-10", 25, 12], ["2026-09-08", 27, 13], ["2026-09-09", 27, 15]),
    decimals: forecast(["2026-04-04", 14.7, 6], ["2026-04-05", 14.75, 5], ["2026-04-06", 14.69, 7]),
  }));

const COUNTERS = arr(obj({ number: { type: "integer", minimum: 1 }, waiting: COUNT, open: "boolean" }));
const counters = (...r) => rows(["number", "waiting", "open"], ...r);
spec("shortest_queue_counter",
  "Which checkout counter to send a customer to: the open counter with the fewest people waiting; among equally short queues, the lowest counter number. Closed counters (open is false) can't be chosen; null if none is open.",
  obj({ counters: COUNTERS }), { type: ["integer", "null"] },
  [
    { counters: counters([1, 4, true], [2, 2, true], [3, 0, false]) },
    { counters: counters([5, 3, true], [2, 3, true], [7, 6, true]) },
  ],
  each("counters", {
    no_counters: [],
    all_closed: counters([1, 0, false], [2, 0, false]),
    one_open: counters([4, 9, true], [5, 0, false]),
    empty_queue: counters([1, 3, true], [2, 0, true], [3, 1, true]),
    tie_lowest_number_listed_last: counters([9, 1, true], [6, 1, true], [3, 1, true]),
    closed_is_shorter: counters([1, 5, true], [2, 1, false], [3, 6, true]),
    long_queues: counters([10, 14, true], [11, 12, true], [12, 13, true]),
    all_empty: counters([8, 0, true], [4, 0, true]),
  }));

spec("group_ticket_cost",
  "The cost of museum tickets for a group: adults pay the adult price and children the child price, and a group of 10 or more people in all gets 15% off the whole bill. Rounded to 2 decimals.",
  obj({ adults: COUNT, children: COUNT, adult_price: NONNEG, child_price: NONNEG }), T("number"),
  [
    { adults: 2, children: 3, adult_price: 12.5, child_price: 6 },
    { adults: 8, children: 4, adult_price: 12.5, child_price: 6 },
  ],
  {
    nobody: { adults: 0, children: 0, adult_price: 12.5, child_price: 6 },
    nine_people: { adults: 5, children: 4, adult_price: 14, child_price: 7 },
    exactly_ten: { adults: 5, children: 5, adult_price: 14, child_price: 7 },
    ten_adults: { adults: 10, children: 0, adult_price: 9.9, child_price: 4.5 },
    only_children: { adults: 0, children: 30, adult_price: 16, child_price: 3.8 },
    children_free: { adults: 2, children: 2, adult_price: 18, child_price: 0 },
    large_school_trip: { adults: 6, children: 54, adult_price: 11, child_price: 5.5 },
    one_adult: { adults: 1, children: 0, adult_price: 23.45, child_price: 10 },
    eleven: { adults: 3, children: 8, adult_price: 19.99, child_price: 9.99 },
  });

const MOVES = arr(obj({ kind: { type: "string", enum: ["deposit", "withdrawal"] }, amount: NONNEG }));
const moves = (...r) => rows(["kind", "amount"], ...r);
spec("balance_after_each_transaction",
  "The account balance after each transaction, starting from the opening balance: deposits add to it and withdrawals take from it. One balance per transaction, each rounded to 2 decimals.",
  obj({ opening: T("number"), transactions: MOVES }), arr("number"),
  [
    { opening: 100, transactions: moves(["deposit", 50], ["withdrawal", 30]) },
    { opening: 12.5, transactions: moves(["withdrawal", 20], ["deposit", 7.5], ["deposit", 0.1]) },
  ],
  {
    no_transactions: { opening: 250, transactions: [] },
    from_zero: { opening: 0, transactions: moves(["deposit", 10]) },
    goes_negative: { opening: 5, transactions: moves(["withdrawal", 8], ["withdrawal", 2]) },
    back_to_zero: { opening: 40, transactions: moves(["withdrawal", 40]) },
    overdrawn_opening: { opening: -15.75, transactions: moves(["deposit", 20], ["withdrawal", 4.25]) },
    many_small_cents: { opening: 0, transactions: moves(["deposit", 0.1], ["deposit", 0.2], ["deposit", 0.3], ["withdrawal", 0.6], ["deposit", 0.7]) },
    zero_amounts: { opening: 9.99, transactions: moves(["deposit", 0], ["withdrawal", 0]) },
    salary_month: { opening: 312.4, transactions: moves(["deposit", 2450], ["withdrawal", 950], ["withdrawal", 64.99], ["withdrawal", 120.35], ["deposit", 35]) },
  });

const SALES = arr(obj({ product: "string", units: COUNT, price: NONNEG }));
const sales = (...r) => rows(["product", "units", "price"], ...r);
const WEEK = sales(["Latte", 40, 3.2], ["Scone", 25, 2.5], ["Tea", 30, 2], ["Latte", 10, 3.2], ["Bagel", 12, 4]);
spec("top_products_by_revenue",
  "The names of the n products that brought in the most money, biggest first. A product's revenue is units times price summed over all of its sales lines. Equal revenue: alphabetical order. With fewer than n products, all of them.",
  obj({ sales: SALES, n: COUNT }), arr("string"),
  [
    { sales: WEEK, n: 2 },
    { sales: sales(["Pen", 100, 0.5], ["Ink", 10, 6], ["Pad", 20, 2.5]), n: 3 },
  ],
  {
    no_sales: { sales: [], n: 3 },
    n_zero: { sales: WEEK, n: 0 },
    n_larger_than_products: { sales: WEEK, n: 10 },
    top_one: { sales: WEEK, n: 1 },
    lines_add_up: { sales: sales(["A", 1, 10], ["B", 1, 15], ["A", 1, 10]), n: 1 },
    tie_alphabetical: { sales: sales(["Mango", 2, 3], ["Kiwi", 3, 2], ["Fig", 1, 6]), n: 3 },
    unsold_product: { sales: sales(["Old", 0, 99], ["New", 1, 1]), n: 2 },
    cents: { sales: sales(["X", 3, 1.1], ["Y", 1, 3.31], ["Z", 11, 0.3]), n: 2 },
  });

const PAID = arr(obj({ person: "string", amount: NONNEG }));
const paid = (...r) => rows(["person", "amount"], ...r);
spec("trip_expense_balances",
  "Settling shared trip costs split evenly between everyone who appears in the payments list (a person may have paid several times): each person's balance is what they paid in total minus an equal share of the grand total, so negative means they owe. An object from person to balance rounded to 2 decimals, people in the order they first appear.",
  obj({ payments: PAID }), { type: "object", additionalProperties: T("number") },
  [
    { payments: paid(["Ana", 90], ["Ben", 30], ["Cleo", 0]) },
    { payments: paid(["Dev", 40], ["Eli", 25], ["Dev", 15]) },
  ],
  each("payments", {
    nobody: [],
    one_person: paid(["Solo", 120]),
    all_paid_the_same: paid(["A", 20], ["B", 20], ["C", 20]),
    thirds: paid(["A", 100], ["B", 0], ["C", 0]),
    one_paid_nothing_listed_twice: paid(["A", 0], ["B", 50], ["A", 0]),
    nobody_paid_anything: paid(["A", 0], ["B", 0]),
    cents: paid(["A", 12.34], ["B", 56.78], ["C", 9.1]),
    many_payments: paid(["Kim", 62.5], ["Lou", 18], ["Kim", 7.25], ["Max", 41], ["Lou", 30.75], ["Nia", 0], ["Oli", 10.2]),
  }));

const PRODUCTS = arr(obj({ name: "string", price: NONNEG }));
const products = (...r) => rows(["name", "price"], ...r);
const SHELF = products(["Kettle", 24.99], ["Toaster", 32], ["Blender", 49.5], ["Grater", 6.75], ["Scales", 24.99]);
spec("products_in_price_band",
  "The names of the products priced between low and high, both included, cheapest first; products with the same price in alphabetical order.",
  obj({ products: PRODUCTS, low: NONNEG, high: NONNEG }), arr("string"),
  [
    { products: SHELF, low: 20, high: 40 },
    { products: SHELF, low: 0, high: 10 },
  ],
  {
    no_products: { products: [], low: 0, high: 100 },
    none_in_band: { products: SHELF, low: 50, high: 60 },
    bounds_included: { products: SHELF, low: 6.75, high: 32 },
    single_price_band: { products: SHELF, low: 24.99, high: 24.99 },
    everything: { products: SHELF, low: 0, high: 1000 },
    same_price_alphabetical: { products: products(["Zip", 5], ["Ant", 5], ["Mid", 5], ["Big", 9]), low: 1, high: 9 },
    just_outside: { products: SHELF, low: 24.991, high: 31.99 },
    free_items: { products: products(["Leaflet", 0], ["Badge", 0], ["Poster", 2]), low: 0, high: 1 },
  });

// ---- strings (15) --------------------------------------------------------------------------------

spec("initials_then_surname",
  "Shorten a full name to the capital initials of every given name, each followed by a dot, then the surname as written, like \"J. R. R. Tolkien\". The surname is the last word; extra spaces are ignored, and a name of one word stays as it is.",
  obj({ name: "string" }), T("string"),
  [{ name: "John Ronald Reuel Tolkien" }, { name: "Ada Lovelace" }],
  each("name", {
    one_word: "Cher",
    extra_spaces: "  George   Herbert Walker  Bush ",
    lower_case_given_names: "mary Shelley",
    given_name_already_an_initial: "Ursula K. Heinz",
    middle_initial_without_dot: "Harry S Truman",
    four_given_names: "Anna Maria Luisa Carla Rossi",
    surname_with_apostrophe: "Sinead O'Connor",
    two_letter_names: "Bo Li",
  }));

spec("us_phone_dashed",
  "Write a US phone number as 415-555-0132 however it was typed: spaces, dots, dashes and brackets are dropped, and so is a leading country code 1 (with or without +). null when what is left is not 10 digits.",
  obj({ phone: { type: "string", pattern: "^[0-9+ ().-]*$" } }), STRING_OR_NULL,
  [{ phone: "(415) 555 0132" }, { phone: "+1 212.555.0199" }, { phone: "3125550147" }],
  each("phone", {
    dashed_already: "646-555-0100",
    dots: "206.555.0123",
    one_without_plus: "1 (305) 555-0177",
    plus_one_no_spaces: "+17185550111",
    too_short: "555-0134",
    too_long: "+44 20 7946 0958",
    empty: "",
    brackets_no_space: "(702)555-0165",
    double_spaces: "  503  555  0188 ",
  }));

spec("german_date_to_iso",
  "A date written the German way, day.month.year like 3.7.2026 or 03.07.2026, as YYYY-MM-DD.",
  obj({ date: { type: "string", pattern: "^[0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{4}$" } }), ISO_DATE,
  [{ date: "3.7.2026" }, { date: "24.12.2025" }],
  each("date", {
    padded_already: "03.07.2026",
    day_padded_month_not: "09.4.2027",
    first_of_january: "1.1.2026",
    last_of_december: "31.12.2026",
    leap_day: "29.2.2028",
    day_above_twelve: "13.05.2026",
    month_padded_day_not: "5.08.2026",
    old_date: "17.6.1953",
  }));

spec("order_number_from_subject",
  "Pull the order number out of an email subject: the letters, digits and dashes straight after the first '#'. null when there is no '#' followed by at least one of them.",
  obj({ subject: "string" }), STRING_OR_NULL,
  [{ subject: "Re: Your order #A-10293 has shipped!" }, { subject: "Order #55812." }],
  each("subject", {
    no_hash: "Thanks for your order",
    empty: "",
    hash_then_space: "Ticket # 4411 received",
    at_the_start: "#ZX9 delivered",
    in_brackets: "Refund issued (order #R-77-B)",
    two_numbers: "Merge #1001 into #1002",
    followed_by_comma: "Your order #7731, dispatched",
    lower_case_letters: "order #abc-12 was cancelled",
    hash_at_end: "Which order? #",
  }));

spec("constant_name_to_kebab",
  "Turn a constant's name like MAX_RETRY_COUNT into kebab-case, max-retry-count: lower case, with the underscores as dashes; a run of underscores counts as one, and underscores at either end are dropped.",
  obj({ name: { type: "string", pattern: "^[A-Z0-9_]*$" } }), T("string"),
  [{ name: "MAX_RETRY_COUNT" }, { name: "HTTP_PORT" }],
  each("name", {
    single_word: "TIMEOUT",
    with_digits: "OAUTH2_CLIENT_ID",
    double_underscore: "CACHE__TTL",
    leading_underscore: "_PRIVATE_KEY",
    trailing_underscores: "BUFFER_SIZE__",
    empty: "",
    digits_segment: "RETRY_3_TIMES",
    long_name: "AWS_S3_BUCKET_NAME_FOR_BACKUPS",
  }));

spec("redact_digits",
  "Hide every digit in a message by replacing it with '*', leaving everything else as it is.",
  obj({ message: "string" }), T("string"),
  [{ message: "My PIN is 4821" }, { message: "Call 07700 900123 after 6pm" }],
  each("message", {
    no_digits: "Nothing to hide here.",
    empty: "",
    only_digits: "0123456789",
    decimals_and_signs: "Balance: -1,204.55 EUR",
    digits_inside_words: "Flat 3B, 21st floor, route A40",
    dates: "Born 1990-02-14",
    spaced_card: "4000 1234 5678 9010",
    unicode_text: "Größe 42, Preis 19€",
  }));

spec("comma_list_item_count",
  "How many items are in a comma-separated list a person typed: items are trimmed, and empty ones (from doubled or trailing commas, or only spaces between commas) don't count.",
  obj({ list: "string" }), COUNT,
  [{ list: "apples, pears, plums" }, { list: "red,green,,blue," }],
  each("list", {
    empty: "",
    only_spaces: "   ",
    one_item: "bread",
    only_commas: ",,,",
    spaces_between_commas: "a, ,b,  ,c",
    leading_comma: ",tea,coffee",
    items_with_spaces_inside: "New York, Los Angeles, San Francisco",
    semicolons_are_not_separators: "a;b;c, d",
    repeated_items_count: "x, x, x",
  }));

spec("receipt_line_dotted",
  "One line of a receipt, exactly width characters long: the item name on the left, the price with 2 decimals on the right, and dots filling the space between (at least one dot). A name too long to fit is cut short so that one dot still fits.",
  obj({ item: "string", price: { type: "number", minimum: 0, maximum: 99999.99 }, width: { type: "integer", minimum: 12, maximum: 80 } }), T("string"),
  [{ item: "Coffee", price: 3.5, width: 20 }, { item: "Blueberry muffin", price: 2.25, width: 24 }],
  {
    whole_price: { item: "Tea", price: 2, width: 16 },
    free_item: { item: "Water", price: 0, width: 14 },
    exactly_fits: { item: "Sandwich", price: 5.95, width: 13 },
    one_too_long: { item: "Sandwiches", price: 5.95, width: 14 },
    far_too_long: { item: "Extra large seasonal pumpkin spice latte", price: 5.45, width: 24 },
    big_price: { item: "Catering", price: 1250.8, width: 22 },
    empty_name: { item: "", price: 1.1, width: 12 },
    wide_line: { item: "Soup", price: 4.1, width: 40 },
    name_with_spaces: { item: "Tip (15%)", price: 3.08, width: 20 },
  });

spec("first_year_in_text",
  "The first year mentioned in a piece of text: a 4-digit number from 1900 to 2099 that is not part of a longer number, as a number. null when there is none.",
  obj({ text: "string" }), { type: ["integer", "null"] },
  [{ text: "Founded in 1987 and relaunched in 2015." }, { text: "No dates here, sorry." }],
  each("text", {
    empty: "",
    year_at_start: "2024 was a good year",
    year_at_end: "Class of 1999",
    out_of_range_first: "The 1850 map was redrawn in 1921",
    part_of_longer_number: "Invoice 120195 from 2026",
    phone_number: "Call 0207 946 0958",
    year_with_punctuation: "(c)2003-2011 Example Ltd",
    just_below_range: "Temperatures of 1899 degrees",
    two_thousand_ninety_nine: "Plans for 2099.",
  }));

spec("uk_plate_normalized",
  "Tidy a UK number plate typed any which way: capital letters, no spaces except exactly one before the last three characters, e.g. \"ab12cde\" becomes \"AB12 CDE\".",
  obj({ plate: { type: "string", pattern: "^[A-Za-z0-9 ]*[A-Za-z0-9][A-Za-z0-9 ]*[A-Za-z0-9][A-Za-z0-9 ]*[A-Za-z0-9][A-Za-z0-9 ]*[A-Za-z0-9][A-Za-z0-9 ]*$" } }), T("string"),
  [{ plate: "ab12cde" }, { plate: "LR 68 XYZ" }],
  each("plate", {
    already_tidy: "AB12 CDE",
    space_in_wrong_place: "AB1 2CDE",
    lots_of_spaces: "  y 6 5   f g h ",
    older_style: "a123bcd",
    short_private_plate: "k1 ngs",
    four_characters: "a1bc",
    mixed_case: "Gx17vWm",
    digits_at_end: "abc123",
  }));

spec("profile_handle_from_link",
  "The @handle from a link to someone's profile, e.g. https://twitter.com/jane_doe?lang=en gives @jane_doe: the first part of the path after the site's name, without any query, fragment or trailing slash. null when the link has no path.",
  obj({ url: { type: "string", pattern: "^https?://[^/?#]+" } }), STRING_OR_NULL,
  [{ url: "https://twitter.com/jane_doe?lang=en" }, { url: "https://www.instagram.com/sunny.bakes/" }],
  each("url", {
    plain: "https://x.com/nasa",
    http: "http://github.com/octocat",
    deeper_path: "https://github.com/torvalds/linux/tree/master",
    fragment: "https://example.social/alex#posts",
    no_path: "https://twitter.com",
    only_slash: "https://twitter.com/",
    query_without_path: "https://twitter.com?ref=home",
    digits_and_dashes: "https://www.tiktok.com/dance-crew-42?is_from_webapp=1",
    capitals_kept: "https://twitter.com/NASA_Webb/status/1",
  }));

spec("todo_comment_count",
  "Count the lines of a source file (lines are separated by newlines) that contain TODO in capital letters; a line that says it twice counts once.",
  obj({ source: "string" }), COUNT,
  [{ source: "let a = 1; // TODO rename\nlet b = 2;\n// TODO: tests" }, { source: "print('done')" }],
  each("source", {
    empty: "",
    lower_case_does_not_count: "// todo later\n// Todo maybe",
    twice_on_a_line: "// TODO TODO",
    indented_with_name: "   # TODO(ana): refactor\nx = 1\n# NOTE: fine",
    blank_lines: "\n\n// TODO\n\n",
    windows_line_endings: "a();\r\n// TODO fix\r\nb();\r\n// TODO: more\r\n",
    only_todos: "TODO\nTODO\nTODO",
    in_a_string: "log(\"TODO is not done\")\nx = 1",
  }));

spec("numbers_zero_padded_in_name",
  "Make file names sort properly: every run of digits in the name before its extension is padded with leading zeros to 3 digits; numbers that already have 3 or more digits stay as they are, and so does the extension (from the last dot on).",
  obj({ filename: "string" }), T("string"),
  [{ filename: "track 7 of 12.wav" }, { filename: "IMG_45.jpg" }, { filename: "ep 3.mp3" }],
  each("filename", {
    no_digits: "notes.txt",
    empty: "",
    three_digits_already: "scan 123.pdf",
    long_number: "photo 20260314.png",
    leading_zero: "part 05.txt",
    zero: "v0.txt",
    digits_everywhere: "s1e2 take 10.mov",
    digit_in_extension: "archive.7z",
    one_digit_name: "9",
    no_extension: "chapter 4",
    dotted_name: "v1.2.10.tar",
  }));

spec("dollar_text_to_cents",
  "A dollar amount as typed, like \"$1,234.50\", \"12\", \"$0.99\" or \"3.5\", as a whole number of cents.",
  obj({ amount: { type: "string", pattern: "^\\$?[0-9][0-9,]*(\\.[0-9]{1,2})?$" } }), COUNT,
  [{ amount: "$1,234.50" }, { amount: "12" }, { amount: "3.5" }],
  each("amount", {
    zero: "0",
    zero_with_cents: "$0.05",
    just_cents: "$0.99",
    no_dollar_sign_with_comma: "2,000",
    millions: "$4,500,000.01",
    one_decimal: "$7.1",
    large_no_commas: "98765.43",
    single_dollar: "$1",
    ten_cents_written_short: "0.1",
  }));

spec("recipient_list_split",
  "Split an email's recipients field into a list of addresses: they are separated by commas or semicolons with any spaces around them; empty entries are dropped and each address is lower-cased.",
  obj({ to: "string" }), arr("string"),
  [{ to: "Ann@Example.com; bob@test.org" }, { to: "x@a.io,y@b.io , z@c.io" }],
  each("to", {
    empty: "",
    one_address: "Solo@Mail.COM",
    trailing_semicolon: "a@b.com;",
    mixed_separators: "a@b.com, c@d.com; e@f.com",
    doubled_separators: "a@b.com,,; c@d.com",
    only_separators: " ; , ",
    duplicates_kept: "a@b.com, A@B.com",
    plus_and_dots: " First.Last+news@Sub.Example.co.uk ;x_y@z.net",
  }));

// ---- numbers and units (10) ----------------------------------------------------------------------

spec("race_time_seconds",
  "A race finishing time given as hours, minutes and seconds, as the total number of seconds.",
  obj({ hours: COUNT, minutes: COUNT, seconds: NONNEG }), NONNEG,
  [{ hours: 0, minutes: 42, seconds: 17 }, { hours: 1, minutes: 5, seconds: 0 }],
  {
    zero: { hours: 0, minutes: 0, seconds: 0 },
    only_seconds: { hours: 0, minutes: 0, seconds: 59 },
    only_hours: { hours: 3, minutes: 0, seconds: 0 },
    marathon: { hours: 2, minutes: 58, seconds: 41 },
    tenths_of_a_second: { hours: 0, minutes: 1, seconds: 52.4 },
    ultra: { hours: 26, minutes: 12, seconds: 9 },
    minutes_over_sixty: { hours: 0, minutes: 75, seconds: 30 },
    one_of_each: { hours: 1, minutes: 1, seconds: 1 },
  });

spec("cm_to_feet_and_inches",
  "A height in centimetres as feet and inches: convert to inches (2.54 cm to the inch), round to the nearest whole inch, then split into feet (12 inches to the foot) and the inches left over.",
  obj({ cm: NONNEG }), obj({ feet: COUNT, inches: { type: "integer", minimum: 0, maximum: 11 } }),
  [{ cm: 180 }, { cm: 152.4 }],
  each("cm", {
    zero: 0,
    under_a_foot: 20,
    exactly_six_feet: 182.88,
    rounds_up_to_next_foot: 181.9,
    rounds_down: 170.1,
    child: 104,
    very_tall: 231.5,
    one_inch: 2.6,
    decimal_height: 165.35,
  }));

spec("percent_change",
  "The percentage change from an old value to a new one, rounded to 1 decimal (negative when it went down). null when the old value is 0.",
  obj({ old: T("number"), new: T("number") }), NUMBER_OR_NULL,
  [{ old: 80, new: 100 }, { old: 250, new: 200 }],
  {
    no_change: { old: 42, new: 42 },
    old_zero: { old: 0, new: 15 },
    both_zero: { old: 0, new: 0 },
    doubled: { old: 7, new: 14 },
    dropped_to_zero: { old: 19.99, new: 0 },
    thirds: { old: 3, new: 4 },
    small_rise: { old: 1200, new: 1204 },
    tenfold: { old: 0.5, new: 5 },
    fall_by_a_quarter: { old: 64, new: 48 },
  });

spec("price_ending_99",
  "A shop's selling price: the smallest price ending in .99 that is not below the calculated price (so 12.30 becomes 12.99, 12.99 stays 12.99 and 13.00 becomes 13.99).",
  obj({ price: NONNEG }), T("number"),
  [{ price: 12.3 }, { price: 12.99 }, { price: 13 }],
  each("price", {
    zero: 0,
    one_cent: 0.01,
    just_under_99: 4.98,
    just_over_99: 5.991,
    whole_number: 100,
    high_price: 1499.5,
    ninety_nine_cents: 0.99,
    one_dollar: 1,
    third_decimal: 7.004,
  }));

spec("thermostat_setting",
  "What a thermostat ends up set to: the requested temperature rounded to the nearest half degree, then kept between the thermostat's minimum and maximum.",
  obj({ requested: T("number"), min: T("number"), max: T("number") }), T("number"),
  [{ requested: 21.3, min: 5, max: 30 }, { requested: 35, min: 5, max: 30 }],
  {
    already_a_half: { requested: 19.5, min: 5, max: 30 },
    rounds_down: { requested: 20.2, min: 5, max: 30 },
    rounds_up: { requested: 20.8, min: 5, max: 30 },
    below_minimum: { requested: 2, min: 5, max: 30 },
    exactly_minimum: { requested: 5, min: 5, max: 30 },
    rounds_to_maximum: { requested: 29.9, min: 5, max: 30 },
    rounds_past_maximum: { requested: 30.2, min: 10, max: 30 },
    below_zero: { requested: -3.7, min: -10, max: 10 },
    narrow_range: { requested: 18.1, min: 18.5, max: 19 },
  });

spec("ladder_reach_height",
  "How high up a wall a straight ladder reaches when its foot stands a given distance from the wall: the square root of (length squared minus distance squared), in metres rounded to 2 decimals. null when the foot is as far from the wall as the ladder is long, or farther.",
  obj({ ladder_m: POSITIVE, distance_m: NONNEG }), NUMBER_OR_NULL,
  [{ ladder_m: 5, distance_m: 3 }, { ladder_m: 4, distance_m: 1 }],
  {
    against_the_wall: { ladder_m: 3.6, distance_m: 0 },
    as_far_as_long: { ladder_m: 2, distance_m: 2 },
    farther_than_long: { ladder_m: 2, distance_m: 2.5 },
    nearly_flat: { ladder_m: 6, distance_m: 5.9 },
    steep: { ladder_m: 10, distance_m: 2.5 },
    step_ladder: { ladder_m: 1.8, distance_m: 0.6 },
    long_ladder: { ladder_m: 12.2, distance_m: 3.1 },
    thirteen_five_twelve: { ladder_m: 13, distance_m: 5 },
  });

spec("pizza_area_per_dollar",
  "Value for money of a round pizza: its area in square inches (pi times the radius squared, from its diameter in inches) per dollar of its price, rounded to 1 decimal.",
  obj({ diameter_in: NONNEG, price: POSITIVE }), NONNEG,
  [{ diameter_in: 12, price: 10 }, { diameter_in: 16, price: 18.5 }],
  {
    small: { diameter_in: 8, price: 6 },
    medium: { diameter_in: 10, price: 8.99 },
    family: { diameter_in: 18, price: 21 },
    party: { diameter_in: 28, price: 39.95 },
    cheap: { diameter_in: 14, price: 1 },
    no_pizza: { diameter_in: 0, price: 5 },
    odd_size: { diameter_in: 11.5, price: 12.25 },
    expensive_slice: { diameter_in: 6, price: 15 },
  });

spec("kg_to_stones_and_pounds",
  "A body weight in kilograms as stones and pounds, the British way: 1 kg is 2.20462 pounds; round the total to the nearest whole pound, then every 14 pounds make a stone.",
  obj({ kg: NONNEG }), obj({ stones: COUNT, pounds: { type: "integer", minimum: 0, maximum: 13 } }),
  [{ kg: 75 }, { kg: 58.3 }],
  each("kg", {
    zero: 0,
    baby: 3.4,
    under_a_stone: 5,
    exactly_ten_stone: 63.503,
    rounds_up_to_a_stone: 95.1,
    heavy: 140,
    light_adult: 48.2,
    one_pound: 0.4,
    decimal: 82.75,
  }));

spec("pace_to_kmh",
  "A running pace in minutes and seconds per kilometre, like \"5:30\", as a speed in km/h rounded to 2 decimals. null for a pace of 0:00.",
  obj({ pace: { type: "string", pattern: "^[0-9]{1,2}:[0-5][0-9]$" } }), NUMBER_OR_NULL,
  [{ pace: "5:30" }, { pace: "4:00" }],
  each("pace", {
    six_minutes: "6:00",
    padded_minutes: "07:15",
    under_a_minute: "0:45",
    slow_walk: "12:00",
    very_slow: "20:31",
    fast: "2:55",
    zero: "0:00",
    odd_seconds: "3:07",
  }));

spec("percent_of_target_reached",
  "How far a fundraiser is towards its target, as a whole percentage: the amount raised divided by the target, times 100, rounded down, and never more than 100.",
  obj({ raised: NONNEG, target: POSITIVE }), { type: "integer", minimum: 0, maximum: 100 },
  [{ raised: 450, target: 1000 }, { raised: 1234, target: 1000 }],
  {
    nothing_yet: { raised: 0, target: 500 },
    exactly_met: { raised: 500, target: 500 },
    just_under: { raised: 499.99, target: 500 },
    a_third: { raised: 100, target: 300 },
    two_thirds: { raised: 200, target: 300 },
    cents: { raised: 12.34, target: 50 },
    small_fraction: { raised: 3, target: 10000 },
    way_over: { raised: 9000, target: 25 },
    decimals: { raised: 57.5, target: 80 },
  });

// ---- dates and times (10) ------------------------------------------------------------------------

spec("days_until_event",
  "How many days from today until an event (both dates as YYYY-MM-DD): 0 on the day itself, negative once the event has passed.",
  obj({ today: ISO_DATE, event: ISO_DATE }), T("integer"),
  [{ today: "2026-03-10", event: "2026-03-24" }, { today: "2026-05-02", event: "2026-04-30" }],
  {
    same_day: { today: "2026-06-15", event: "2026-06-15" },
    tomorrow: { today: "2026-06-15", event: "2026-06-16" },
    across_month: { today: "2026-01-28", event: "2026-02-03" },
    across_year: { today: "2026-12-20", event: "2027-01-05" },
    leap_february: { today: "2028-02-27", event: "2028-03-01" },
    plain_february: { today: "2027-02-27", event: "2027-03-01" },
    a_year_ahead: { today: "2026-07-01", event: "2027-07-01" },
    long_ago: { today: "2026-09-09", event: "2020-09-09" },
    over_dst_change: { today: "2026-03-28", event: "2026-03-30" },
  });

spec("date_after_n_days",
  "The date a given number of days after a start date (YYYY-MM-DD); a negative number of days goes back in time.",
  obj({ start: ISO_DATE, days: T("integer") }), ISO_DATE,
  [{ start: "2026-03-10", days: 5 }, { start: "2026-03-30", days: 3 }],
  {
    no_days: { start: "2026-08-08", days: 0 },
    back_a_day: { start: "2026-08-01", days: -1 },
    into_next_year: { start: "2026-12-30", days: 4 },
    back_into_last_year: { start: "2026-01-02", days: -3 },
    leap_day: { start: "2028-02-28", days: 1 },
    no_leap_day: { start: "2027-02-28", days: 1 },
    a_thousand_days: { start: "2026-01-01", days: 1000 },
    a_year_back: { start: "2026-06-30", days: -365 },
    over_dst_change: { start: "2026-10-24", days: 2 },
  });

const WEEKDAY = { type: "string", enum: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] };
spec("next_given_weekday",
  "The date of the next given weekday strictly after a date (YYYY-MM-DD): the next Friday after Wednesday 2026-03-04 is 2026-03-06, and if the date is itself that weekday, the answer is a week later.",
  obj({ after: ISO_DATE, weekday: WEEKDAY }), ISO_DATE,
  [{ after: "2026-03-04", weekday: "Friday" }, { after: "2026-03-06", weekday: "Monday" }],
  {
    same_weekday: { after: "2026-03-06", weekday: "Friday" },
    next_day: { after: "2026-03-07", weekday: "Sunday" },
    six_days_on: { after: "2026-03-09", weekday: "Sunday" },
    across_month: { after: "2026-04-29", weekday: "Monday" },
    across_year: { after: "2026-12-30", weekday: "Tuesday" },
    leap_day: { after: "2028-02-26", weekday: "Tuesday" },
    from_sunday_to_monday: { after: "2026-05-10", weekday: "Monday" },
    thursday_to_wednesday: { after: "2026-05-14", weekday: "Wednesday" },
  });

spec("day_month_words_to_iso",
  "A date written like \"14 March 2026\" or \"3 sep 2026\" (the day, the month's English name in full or its first three letters in any capitals, then the year) as YYYY-MM-DD; null when the month isn't recognised.",
  obj({ date: { type: "string", pattern: "^[0-9]{1,2} [A-Za-z]+ [0-9]{4}$" } }), { anyOf: [ISO_DATE, T("null")] },
  [{ date: "14 March 2026" }, { date: "3 sep 2026" }],
  each("date", {
    first_of_january: "1 January 2027",
    december_short: "25 Dec 2026",
    all_capitals: "9 JULY 2026",
    padded_day: "05 May 2026",
    leap_day: "29 Feb 2028",
    may_in_full: "31 May 2026",
    not_a_month: "12 Smarch 2026",
    october_mixed_case: "17 oCtObEr 1998",
  }));

spec("hm_duration_to_minutes",
  "A duration written like \"1h 5m\", \"2h\" or \"45m\" as a number of minutes.",
  obj({ duration: { type: "string", minLength: 2, pattern: "^([0-9]+h)? ?([0-9]+m)?$" } }), COUNT,
  [{ duration: "1h 5m" }, { duration: "2h" }, { duration: "45m" }],
  each("duration", {
    no_space: "3h20m",
    zero_minutes: "0m",
    zero_hours: "0h 12m",
    over_sixty_minutes: "90m",
    long: "26h 59m",
    padded_minutes: "1h 05m",
    one_of_each: "1h 1m",
    many_hours: "100h",
  }));

spec("days_in_given_month",
  "How many days a month has, given the year and the month number (1 to 12).",
  obj({ year: { type: "integer", minimum: 1 }, month: { type: "integer", minimum: 1, maximum: 12 } }), { type: "integer", minimum: 28, maximum: 31 },
  [{ year: 2026, month: 4 }, { year: 2026, month: 2 }],
  {
    january: { year: 2026, month: 1 },
    leap_february: { year: 2028, month: 2 },
    century_not_leap: { year: 2100, month: 2 },
    four_hundred_leap: { year: 2000, month: 2 },
    june: { year: 2027, month: 6 },
    july: { year: 2027, month: 7 },
    september: { year: 1999, month: 9 },
    december: { year: 2026, month: 12 },
  });

spec("weekdays_between_dates",
  "The number of weekdays (Monday to Friday) from a start date to an end date (YYYY-MM-DD), both days counted; 0 when the end is before the start.",
  obj({ start: ISO_DATE, end: ISO_DATE }), COUNT,
  [{ start: "2026-03-02", end: "2026-03-13" }, { start: "2026-03-06", end: "2026-03-09" }],
  {
    same_weekday: { start: "2026-03-04", end: "2026-03-04" },
    same_saturday: { start: "2026-03-07", end: "2026-03-07" },
    weekend_only: { start: "2026-03-07", end: "2026-03-08" },
    end_before_start: { start: "2026-03-10", end: "2026-03-09" },
    one_full_week: { start: "2026-03-09", end: "2026-03-15" },
    sunday_to_saturday: { start: "2026-03-08", end: "2026-03-14" },
    whole_month: { start: "2026-06-01", end: "2026-06-30" },
    across_year: { start: "2026-12-28", end: "2027-01-08" },
    whole_year: { start: "2026-01-01", end: "2026-12-31" },
  });

spec("day_of_year",
  "Which day of its year a date (YYYY-MM-DD) is: 1 for 1 January, up to 365, or 366 in a leap year, for 31 December.",
  obj({ date: ISO_DATE }), { type: "integer", minimum: 1, maximum: 366 },
  [{ date: "2026-02-01" }, { date: "2026-03-01" }],
  each("date", {
    new_years_day: "2026-01-01",
    new_years_eve: "2026-12-31",
    leap_new_years_eve: "2028-12-31",
    leap_day: "2028-02-29",
    after_leap_day: "2028-03-01",
    century_not_leap: "2100-03-01",
    midsummer: "2026-06-21",
    year_2000_march: "2000-03-01",
  }));

spec("last_day_of_month",
  "The last day of the month a date (YYYY-MM-DD) falls in, as YYYY-MM-DD.",
  obj({ date: ISO_DATE }), ISO_DATE,
  [{ date: "2026-04-13" }, { date: "2026-01-31" }],
  each("date", {
    february: "2026-02-10",
    leap_february: "2028-02-01",
    century_february: "2100-02-15",
    four_hundred_february: "2000-02-15",
    december: "2026-12-01",
    thirty_day_month: "2026-09-30",
    july: "2026-07-04",
    november: "2026-11-29",
  }));

spec("us_datetime_to_iso",
  "An American date and time like \"3/14/2026 9:05 PM\" (month/day/year, 12-hour clock) as an ISO timestamp like 2026-03-14T21:05; 12 AM is midnight and 12 PM is noon.",
  obj({ when: { type: "string", pattern: "^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4} [0-9]{1,2}:[0-5][0-9] (AM|PM|am|pm)$" } }), { type: "string", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}$" },
  [{ when: "3/14/2026 9:05 PM" }, { when: "11/2/2026 10:30 AM" }],
  each("when", {
    midnight: "1/1/2027 12:00 AM",
    just_after_midnight: "7/4/2026 12:01 AM",
    noon: "7/4/2026 12:00 PM",
    one_pm: "7/4/2026 1:00 PM",
    padded: "08/09/2026 07:45 AM",
    lower_case: "12/31/2026 11:59 pm",
    day_above_twelve: "5/25/2026 6:15 AM",
    leap_day: "2/29/2028 3:33 PM",
  }));

// ---- utility functions (5) -----------------------------------------------------------------------

spec("guests_into_tables",
  "Seat guests at tables of a given size in the order they are listed: the first `seats` guests at the first table, the next ones at the second, and so on; the last table may have fewer.",
  obj({ guests: arr("string"), seats: { type: "integer", minimum: 1 } }), arr(arr("string")),
  [{ guests: ["Ann", "Bob", "Cat", "Dan", "Eve"], seats: 2 }, { guests: ["Fay", "Gus", "Hal", "Ian", "Jo", "Kay"], seats: 3 }],
  {
    no_guests: { guests: [], seats: 4 },
    one_guest: { guests: ["Lee"], seats: 4 },
    one_seat_tables: { guests: ["A", "B", "C"], seats: 1 },
    exactly_one_table: { guests: ["A", "B", "C", "D"], seats: 4 },
    one_left_over: { guests: ["A", "B", "C", "D", "E"], seats: 4 },
    huge_table: { guests: ["A", "B"], seats: 100 },
    same_name_twice: { guests: ["Sam", "Sam", "Sam"], seats: 2 },
    ten_at_eight: { guests: ["g1", "g2", "g3", "g4", "g5", "g6", "g7", "g8", "g9", "g10"], seats: 8 },
  });

spec("pair_up_lists",
  "Pair up the items of two lists by position into [first, second] pairs; the extra items of the longer list are left out.",
  obj({ first: arr(SCALAR), second: arr(SCALAR) }), arr({ type: "array", items: SCALAR, minItems: 2, maxItems: 2 }),
  [{ first: ["a", "b", "c"], second: [1, 2, 3] }, { first: ["x", "y"], second: [true, false, true] }],
  {
    both_empty: { first: [], second: [] },
    first_empty: { first: [], second: [1, 2] },
    second_empty: { first: ["only"], second: [] },
    first_longer: { first: [1, 2, 3, 4], second: ["one", "two"] },
    one_each: { first: ["k"], second: ["v"] },
    same_list: { first: [5, 6], second: [5, 6] },
    mixed_types: { first: ["n", 0, false], second: [0, "", true] },
    duplicates: { first: ["a", "a", "a"], second: [1, 1, 2] },
  });

const RECORD = { type: "object" };
spec("first_record_per_key",
  "Remove duplicate records: keep only the first record for each value of the given field, in their original order. Records that don't have the field at all are all kept.",
  obj({ records: arr(RECORD), field: "string" }), arr(RECORD),
  [
    { records: [{ email: "a@x.com", name: "Ann" }, { email: "b@x.com", name: "Bo" }, { email: "a@x.com", name: "Annie" }], field: "email" },
    { records: [{ id: 1, v: "p" }, { id: 2, v: "q" }, { id: 2, v: "r" }, { id: 3, v: "s" }], field: "id" },
  ],
  {
    no_records: { records: [], field: "id" },
    all_different: { records: [{ k: "a" }, { k: "b" }, { k: "c" }], field: "k" },
    all_the_same: { records: [{ k: 7, n: 1 }, { k: 7, n: 2 }, { k: 7, n: 3 }], field: "k" },
    missing_field_kept: { records: [{ sku: "A" }, { name: "no sku" }, { name: "no sku" }, { sku: "A" }], field: "sku" },
    number_and_text_differ: { records: [{ code: 1 }, { code: "1" }, { code: 1 }], field: "code" },
    case_differs: { records: [{ tag: "Red" }, { tag: "red" }], field: "tag" },
    other_fields_ignored: { records: [{ city: "Oslo", pop: 1 }, { city: "Rome", pop: 1 }, { city: "Oslo", pop: 2 }], field: "pop" },
    null_values: { records: [{ ref: null, n: 1 }, { ref: null, n: 2 }, { ref: "x", n: 3 }], field: "ref" },
  });

spec("keep_only_fields",
  "Keep only the listed fields of a record; listed fields the record doesn't have are skipped, and every other field is dropped.",
  obj({ record: RECORD, fields: arr("string") }), RECORD,
  [
    { record: { id: 7, name: "Ada", email: "ada@example.com", password: "x1" }, fields: ["id", "name"] },
    { record: { title: "Dune", year: 1965 }, fields: ["year", "isbn"] },
  ],
  {
    no_fields: { record: { a: 1, b: 2 }, fields: [] },
    empty_record: { record: {}, fields: ["a"] },
    all_fields: { record: { a: 1, b: 2 }, fields: ["b", "a"] },
    nested_values_kept_whole: { record: { user: { id: 1, tags: ["x"] }, meta: { v: 2 } }, fields: ["user"] },
    null_value_kept: { record: { note: null, n: 0 }, fields: ["note"] },
    field_listed_twice: { record: { a: 1, b: 2 }, fields: ["a", "a"] },
    false_and_zero_kept: { record: { ok: false, count: 0, name: "" }, fields: ["ok", "count", "name"] },
    case_matters: { record: { Name: "X", name: "y" }, fields: ["name"] },
  });

spec("flatten_one_level",
  "Flatten a list by one level: every item that is itself a list is replaced by its items, other items stay as they are, and lists nested deeper stay lists.",
  obj({ items: T("array") }), T("array"),
  [{ items: [1, [2, 3], 4] }, { items: [["a", "b"], ["c"], "d"] }],
  each("items", {
    empty: [],
    nothing_nested: [1, 2, 3],
    empty_inner_lists: [[], 1, [], [2]],
    deeper_stays: [1, [2, [3, [4]]]],
    only_lists: [[1, 2], [3, 4], [5]],
    objects_stay: [{ a: [1] }, [{ b: 2 }]],
    strings_not_split: ["abc", ["de"]],
    nulls: [null, [null], [[null]]],
  }));
