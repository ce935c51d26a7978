// The specs of tests/fixtures/specs/holdout12 without their outputs: description, schemas and the
// inputs of the examples and the named tests. scripts/make-holdout12-specs.mjs adds the outputs.
// New tasks (none a renamed task of an earlier set, checked against their file names only), written
// without running the synthesizer or reading its code, in the proportions of the brief: 12 arithmetic
// over records, 14 lists of records, 12 strings, 8 predicates, 6 dates and times, 5 keyed results and
// lookups, 3 small algorithms.

import { T, obj, arr, HHMM, rows } from "./spec-schemas.mjs";
const NONNEG = { type: "number", minimum: 0 };
const COUNT = { type: "integer", minimum: 0 };
const NUMBER_OR_NULL = { type: ["number", "null"] };
const STRING_OR_NULL = { type: ["string", "null"] };
/** A real calendar date's shape: months 01-12 and days 01-31 (the cases use real dates only). */
const ISO_DATE = { type: "string", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" };
const DATE_OR_NULL = { anyOf: [ISO_DATE, T("null")] };
const HHMMSS = { type: "string", pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$" };
const mapOf = (values) => ({ type: "object", additionalProperties: values });
/** One single-field input per value: each("text", {empty: ""}) -> {empty: {text: ""}}. */
const each = (field, named) => Object.fromEntries(Object.entries(named).map(([name, v]) => [name, { [field]: v }]));

export const SPECS = [];
const spec = (capability, description, inputSchema, outputSchema, examples, tests) =>
  SPECS.push({ capability, description, inputSchema, outputSchema, examples, tests });

// ---- everyday arithmetic over records (12) ---------------------------------------------------------

const bottles = (...r) => rows(["size_ml", "count"], ...r);
spec("bottle_deposit_refund",
  "How much deposit I get back for the bottles I return: 10 cents for each bottle smaller than 1000 ml, 25 cents for each bottle of 1000 ml (one litre) or more. Each entry is a bottle size in millilitres and how many of that size. The refund in dollars (1.35 for a dollar thirty-five); 0 when there are no bottles.",
  obj({ bottles: arr(obj({ size_ml: NONNEG, count: COUNT })) }), T("number"),
  [
    { bottles: bottles([330, 6], [1500, 2]) },
    { bottles: bottles([500, 12], [750, 1], [2000, 3]) },
  ],
  each("bottles", {
    no_bottles: [],
    exactly_one_litre: bottles([1000, 1]),
    just_under_a_litre: bottles([999, 1]),
    zero_count: bottles([330, 0], [2000, 0]),
    many_small: bottles([250, 48]),
    many_sizes: bottles([330, 24], [500, 6], [1000, 4], [1250, 2], [2000, 1], [200, 10]),
    same_size_twice: bottles([330, 3], [330, 4]),
    only_big: bottles([3000, 5]),
  }));

const fills = (...r) => rows(["miles", "gallons"], ...r);
spec("mpg_from_fillups",
  "My car's fuel economy in miles per gallon from my fill-ups: the total miles driven divided by the total gallons bought, over all fill-ups, rounded to one decimal place. null when no gallons were bought (no fill-ups, or every fill-up has 0 gallons).",
  obj({ fillups: arr(obj({ miles: NONNEG, gallons: NONNEG })) }), NUMBER_OR_NULL,
  [
    { fillups: fills([312, 10.4], [287, 9.8]) },
    { fillups: fills([410.5, 12.1], [398.2, 11.7], [120, 4]) },
  ],
  each("fillups", {
    no_fillups: [],
    zero_gallons: fills([50, 0]),
    single: fills([300, 10]),
    zero_miles: fills([0, 5]),
    one_zero_gallon_entry: fills([100, 0], [200, 8]),
    repeating_decimal: fills([100, 3]),
    many: fills([250, 8.2], [260, 8.9], [245.5, 8.1], [300, 9.6], [280.3, 9.05], [199.9, 6.4]),
    tiny_amounts: fills([1.2, 0.05]),
  }));

spec("water_bill_with_rollover",
  "Our water bill from two meter readings. The meter shows whole cubic metres and rolls over from 99999 back to 0, so when the current reading is lower than the previous one it has gone past 99999 (usage = current + 100000 - previous); otherwise usage = current - previous. Bill = usage * price_per_m3 + standing_charge, rounded to cents (2 decimals).",
  obj({ previous: { type: "integer", minimum: 0, maximum: 99999 }, current: { type: "integer", minimum: 0, maximum: 99999 }, price_per_m3: NONNEG, standing_charge: NONNEG }), T("number"),
  [
    { previous: 1520, current: 1558, price_per_m3: 2.13, standing_charge: 12.5 },
    { previous: 40210, current: 40297, price_per_m3: 1.87, standing_charge: 9.99 },
  ],
  {
    no_usage: { previous: 3000, current: 3000, price_per_m3: 2.13, standing_charge: 12.5 },
    rolled_over: { previous: 99990, current: 15, price_per_m3: 2, standing_charge: 10 },
    rolled_to_zero: { previous: 99995, current: 0, price_per_m3: 3, standing_charge: 0 },
    from_zero: { previous: 0, current: 42, price_per_m3: 1.5, standing_charge: 7.25 },
    no_standing_charge: { previous: 100, current: 133, price_per_m3: 2.49, standing_charge: 0 },
    free_water: { previous: 100, current: 180, price_per_m3: 0, standing_charge: 15 },
    big_usage: { previous: 12000, current: 12950, price_per_m3: 1.234, standing_charge: 20 },
    full_circle_minus_one: { previous: 50000, current: 49999, price_per_m3: 0.01, standing_charge: 0 },
  });

spec("commute_cost_per_month",
  "What my commute costs a month. I travel there and back on each commuting day, so that is two one-way fares per day; a week costs days_per_week * 2 * one_way_fare, but never more than weekly_cap when there is one (weekly_cap null means no cap). A month is 52/12 weeks: monthly cost = weekly cost * 52 / 12, rounded to cents (2 decimals).",
  obj({ days_per_week: { type: "integer", minimum: 0, maximum: 7 }, one_way_fare: NONNEG, weekly_cap: NUMBER_OR_NULL }), T("number"),
  [
    { days_per_week: 5, one_way_fare: 2.8, weekly_cap: null },
    { days_per_week: 5, one_way_fare: 4.1, weekly_cap: 35 },
    { days_per_week: 3, one_way_fare: 3.25, weekly_cap: 40 },
  ],
  {
    no_days: { days_per_week: 0, one_way_fare: 3, weekly_cap: null },
    week_exactly_at_cap: { days_per_week: 4, one_way_fare: 5, weekly_cap: 40 },
    just_over_cap: { days_per_week: 4, one_way_fare: 5.01, weekly_cap: 40 },
    free_fare: { days_per_week: 5, one_way_fare: 0, weekly_cap: 20 },
    every_day: { days_per_week: 7, one_way_fare: 2.4, weekly_cap: null },
    one_day: { days_per_week: 1, one_way_fare: 6.7, weekly_cap: 30 },
    zero_cap: { days_per_week: 5, one_way_fare: 3, weekly_cap: 0 },
    every_day_capped: { days_per_week: 7, one_way_fare: 3.5, weekly_cap: 44.6 },
  });

const shifts = (...r) => rows(["hours", "night"], ...r);
spec("pay_with_night_premium",
  "Pay for a run of shifts: each shift's hours are paid at hourly_rate, and hours on a night shift are paid 25% more (hourly_rate * 1.25). The total for all shifts, rounded to cents (2 decimals); 0 when there are no shifts.",
  obj({ hourly_rate: NONNEG, shifts: arr(obj({ hours: NONNEG, night: "boolean" })) }), T("number"),
  [
    { hourly_rate: 14, shifts: shifts([8, false], [8, true], [6, false]) },
    { hourly_rate: 17.4, shifts: shifts([7.5, true], [7.5, true]) },
  ],
  {
    no_shifts: { hourly_rate: 15, shifts: [] },
    all_day_shifts: { hourly_rate: 12.2, shifts: shifts([8, false], [8, false], [4, false]) },
    all_night_shifts: { hourly_rate: 12.2, shifts: shifts([10, true], [10, true]) },
    zero_hours: { hourly_rate: 20, shifts: shifts([0, true], [0, false]) },
    zero_rate: { hourly_rate: 0, shifts: shifts([8, true]) },
    quarter_hours: { hourly_rate: 13.85, shifts: shifts([3.75, true], [4.25, false]) },
    long_rota: { hourly_rate: 16.1, shifts: shifts([8, false], [8, false], [12, true], [12, true], [6, false], [9.5, true], [7, false]) },
    one_short_night: { hourly_rate: 11.6, shifts: shifts([1, true]) },
  });

const cups = (...r) => rows(["name", "cups"], ...r);
spec("baking_cups_to_grams_total",
  "Total weight in grams of the dry and solid ingredients of a recipe given in cups, using these grams per cup: flour 120, sugar 200, butter 227, rice 185, oats 90. An ingredient's name is matched ignoring upper/lower case and spaces around it; an ingredient not in this table is left out (counts 0). The total rounded to the nearest whole gram; 0 for no ingredients.",
  obj({ ingredients: arr(obj({ name: "string", cups: NONNEG })) }), T("number"),
  [
    { ingredients: cups(["flour", 2], ["sugar", 1], ["butter", 1]) },
    { ingredients: cups(["oats", 1.5], ["flour", 0.75], ["milk", 1]) },
  ],
  each("ingredients", {
    no_ingredients: [],
    only_unknown: cups(["milk", 2], ["water", 1]),
    capitalised_names: cups(["Flour", 1], ["SUGAR", 0.25]),
    spaces_around_name: cups([" rice ", 2]),
    zero_cups: cups(["butter", 0], ["flour", 0]),
    fraction_of_butter: cups(["butter", 0.33]),
    same_ingredient_twice: cups(["flour", 1], ["flour", 1.25]),
    third_of_a_cup: cups(["sugar", 1 / 3]),
    full_list: cups(["flour", 3], ["sugar", 1.5], ["butter", 0.75], ["rice", 0.2], ["oats", 2], ["eggs", 2], ["vanilla", 0.01]),
  }));

const walls = (...r) => rows(["width_m", "height_m"], ...r);
spec("wall_area_to_paint_m2",
  "How many square metres of wall I have to paint: the sum of width * height over the walls, less 1.9 m² for each door and 1.2 m² for each window. Never below 0 (a tiny wall with many openings gives 0). Rounded to 2 decimals.",
  obj({ walls: arr(obj({ width_m: NONNEG, height_m: NONNEG })), doors: COUNT, windows: COUNT }), T("number"),
  [
    { walls: walls([4, 2.5], [3.2, 2.5], [4, 2.5], [3.2, 2.5]), doors: 1, windows: 2 },
    { walls: walls([5.1, 2.4], [2.8, 2.4]), doors: 0, windows: 1 },
  ],
  {
    no_walls: { walls: [], doors: 0, windows: 0 },
    no_openings: { walls: walls([3, 2.4]), doors: 0, windows: 0 },
    openings_exceed_wall: { walls: walls([1, 2]), doors: 1, windows: 1 },
    openings_exactly_wall: { walls: walls([1.55, 2]), doors: 1, windows: 1 },
    openings_without_walls: { walls: [], doors: 2, windows: 3 },
    zero_height_wall: { walls: walls([4, 0], [3, 2.5]), doors: 0, windows: 0 },
    many_windows: { walls: walls([6, 3], [6, 3], [4.5, 3], [4.5, 3]), doors: 2, windows: 6 },
    odd_sizes: { walls: walls([2.37, 2.41], [1.17, 2.41]), doors: 1, windows: 0 },
  });

const screen = (...r) => rows(["day", "minutes"], ...r);
spec("screen_time_daily_average_hours",
  "My average screen time per day in hours: the total minutes over the days listed, divided by the number of days listed (days with 0 minutes count too), then by 60, rounded to one decimal place. 0 when no days are listed.",
  obj({ days: arr(obj({ day: "string", minutes: COUNT })) }), T("number"),
  [
    { days: screen(["Mon", 185], ["Tue", 240], ["Wed", 162]) },
    { days: screen(["Sat", 412], ["Sun", 388]) },
  ],
  each("days", {
    no_days: [],
    one_day: screen(["Mon", 90]),
    all_zero: screen(["Mon", 0], ["Tue", 0]),
    zero_day_counts: screen(["Mon", 300], ["Tue", 0]),
    under_an_hour: screen(["Mon", 20], ["Tue", 25]),
    full_week: screen(["Mon", 200], ["Tue", 175], ["Wed", 240], ["Thu", 190], ["Fri", 260], ["Sat", 410], ["Sun", 365]),
    whole_hours: screen(["Mon", 120], ["Tue", 240]),
    very_long_day: screen(["Sun", 1000]),
  }));

const boxes = (...r) => rows(["length_cm", "width_cm", "height_cm", "count"], ...r);
spec("shipping_boxes_volume_m3",
  "Total volume of a shipment in cubic metres: each entry is a box size in centimetres and how many boxes of that size; volume = length * width * height * count summed over the entries, divided by 1,000,000 (cm³ to m³), rounded to 3 decimals. 0 for no boxes.",
  obj({ boxes: arr(obj({ length_cm: NONNEG, width_cm: NONNEG, height_cm: NONNEG, count: COUNT })) }), T("number"),
  [
    { boxes: boxes([40, 30, 30, 10], [60, 40, 40, 2]) },
    { boxes: boxes([120, 80, 100, 1]) },
  ],
  each("boxes", {
    no_boxes: [],
    zero_count: boxes([50, 50, 50, 0]),
    one_cubic_metre: boxes([100, 100, 100, 1]),
    tiny_box: boxes([10, 10, 10, 1]),
    very_small_rounds_to_zero: boxes([5, 4, 3, 2]),
    flat_box: boxes([30, 20, 0, 5]),
    decimal_sizes: boxes([32.5, 21.3, 14.7, 12]),
    many_sizes: boxes([40, 30, 20, 15], [60, 40, 30, 8], [25, 25, 25, 40], [80, 60, 50, 3], [10, 10, 90, 6]),
  }));

const order = (...r) => rows(["item", "weight_g", "price"], ...r);
spec("price_per_kg_of_order",
  "What my grocery order cost per kilogram overall: the total price divided by the total weight in kilograms (the weights are in grams, 1000 g = 1 kg), rounded to cents (2 decimals). null when the total weight is 0 (no lines, or every line weighs 0 g).",
  obj({ lines: arr(obj({ item: "string", weight_g: NONNEG, price: NONNEG })) }), NUMBER_OR_NULL,
  [
    { lines: order(["apples", 1200, 3.6], ["cheese", 250, 4.2]) },
    { lines: order(["rice", 2000, 3.1], ["beans", 400, 1.15], ["coffee", 500, 7.9]) },
  ],
  each("lines", {
    no_lines: [],
    weightless: order(["gift card", 0, 20]),
    exactly_one_kilo: order(["flour", 1000, 1.29]),
    free_items: order(["sample", 300, 0]),
    weightless_line_counts_price: order(["bag", 0, 0.1], ["potatoes", 2500, 2]),
    small_weight: order(["saffron", 1, 6.5]),
    many_lines: order(["milk", 1030, 1.1], ["bread", 800, 2.45], ["butter", 250, 2.3], ["eggs", 720, 3.2], ["ham", 200, 2.99], ["tea", 250, 4.75]),
    repeating_result: order(["nuts", 300, 1]),
  }));

const devices = (...r) => rows(["name", "draw_ma", "on"], ...r);
spec("battery_life_hours",
  "How long a battery lasts with the devices that are switched on: capacity in mAh divided by the total current draw in mA of the devices whose on is true (switched-off devices draw nothing), rounded to one decimal place. null when the devices switched on draw nothing in total (none on, none listed, or all drawing 0 mA).",
  obj({ capacity_mah: NONNEG, devices: arr(obj({ name: "string", draw_ma: NONNEG, on: "boolean" })) }), NUMBER_OR_NULL,
  [
    { capacity_mah: 10000, devices: devices(["phone", 450, true], ["lamp", 120, true]) },
    { capacity_mah: 5000, devices: devices(["radio", 80, true], ["fan", 300, false], ["gps", 65, true]) },
  ],
  {
    no_devices: { capacity_mah: 3000, devices: [] },
    all_off: { capacity_mah: 3000, devices: devices(["fan", 300, false], ["lamp", 120, false]) },
    drawing_zero: { capacity_mah: 3000, devices: devices(["clock", 0, true]) },
    empty_battery: { capacity_mah: 0, devices: devices(["lamp", 120, true]) },
    one_device: { capacity_mah: 2600, devices: devices(["torch", 700, true]) },
    whole_hours: { capacity_mah: 2000, devices: devices(["a", 250, true], ["b", 250, true]) },
    same_name_twice: { capacity_mah: 4000, devices: devices(["led", 30, true], ["led", 30, true]) },
    many_devices: { capacity_mah: 20000, devices: devices(["phone", 500, true], ["tablet", 900, false], ["lamp", 150, true], ["speaker", 330, true], ["fan", 420, false], ["tracker", 15, true]) },
  });

const coins = (...r) => rows(["cents", "count"], ...r);
spec("coin_jar_total_dollars",
  "How much is in my coin jar, as text: each entry is a coin's value in cents and how many of those coins there are. The total written as a dollar amount: a $ sign, the whole dollars with a comma between each group of three digits, a point, and always two digits of cents, like $1,234.05 or $0.00.",
  obj({ coins: arr(obj({ cents: COUNT, count: COUNT })) }), T("string"),
  [
    { coins: coins([25, 14], [10, 22], [5, 9], [1, 37]) },
    { coins: coins([100, 3], [50, 1]) },
  ],
  each("coins", {
    empty_jar: [],
    only_pennies: coins([1, 7]),
    exactly_a_dollar: coins([25, 4]),
    zero_counts: coins([25, 0], [10, 0]),
    just_under_thousand: coins([25, 3999], [10, 9], [5, 1], [1, 4]),
    thousands: coins([100, 1234], [1, 5]),
    millions: coins([200, 600000], [50, 3]),
    same_coin_twice: coins([10, 5], [10, 6]),
  }));

// ---- lists of records (14) --------------------------------------------------------------------------

const books = (...r) => rows(["title", "pages"], ...r);
spec("books_longest_first",
  "My reading list ordered from the longest book to the shortest (most pages first). Books with the same number of pages are ordered alphabetically by title, ignoring upper/lower case; titles that are the same apart from case keep their order in the list. Give the titles; an empty list for no books.",
  obj({ books: arr(obj({ title: "string", pages: COUNT })) }), arr("string"),
  [
    { books: books(["Dune", 412], ["Emma", 474], ["Beloved", 324]) },
    { books: books(["Ulysses", 730], ["The Hobbit", 310], ["Middlemarch", 880]) },
  ],
  each("books", {
    no_books: [],
    one_book: books(["Solaris", 204]),
    tie_by_title: books(["Persuasion", 249], ["Kindred", 264], ["Atonement", 249]),
    tie_ignoring_case: books(["beloved", 300], ["Atlas", 300], ["Carrie", 300]),
    same_title_other_case: books(["it", 1100], ["IT", 1100], ["Hamlet", 150]),
    zero_pages: books(["Blank", 0], ["Tiny", 1]),
    already_ordered: books(["C", 300], ["B", 200], ["A", 100]),
    ascending_order: books(["A", 100], ["B", 200], ["C", 300], ["D", 400]),
    long_list: books(["Sula", 174], ["Matilda", 240], ["Jaws", 278], ["Heidi", 240], ["Rebecca", 410], ["Ivanhoe", 528], ["Carmilla", 108], ["Frankenstein", 280]),
  }));

const runners = (...r) => rows(["name", "minutes"], ...r);
spec("runners_within_cutoff",
  "Which runners finished within the race's cutoff time: those whose finishing time in minutes is less than or equal to cutoff_minutes (finishing exactly on the cutoff counts). Their names in the order the runners are listed; an empty list when nobody made it.",
  obj({ runners: arr(obj({ name: "string", minutes: NONNEG })), cutoff_minutes: NONNEG }), arr("string"),
  [
    { runners: runners(["Aoife", 52.3], ["Bram", 61], ["Chidi", 47.9]), cutoff_minutes: 60 },
    { runners: runners(["Dana", 230], ["Eli", 281], ["Femi", 299], ["Gus", 312]), cutoff_minutes: 300 },
  ],
  {
    no_runners: { runners: [], cutoff_minutes: 60 },
    exactly_on_cutoff: { runners: runners(["Hana", 60], ["Ivo", 60.01]), cutoff_minutes: 60 },
    nobody_made_it: { runners: runners(["Jo", 75], ["Kai", 80]), cutoff_minutes: 70 },
    everybody_made_it: { runners: runners(["Lia", 40], ["Max", 45], ["Ned", 39]), cutoff_minutes: 90 },
    zero_cutoff: { runners: runners(["Ola", 0], ["Pia", 1]), cutoff_minutes: 0 },
    same_name_twice: { runners: runners(["Sam", 50], ["Sam", 70], ["Sam", 55]), cutoff_minutes: 60 },
    keeps_list_order: { runners: runners(["Zed", 30], ["Amy", 20], ["Moe", 25]), cutoff_minutes: 35 },
    fractional_cutoff: { runners: runners(["Quin", 45.5], ["Rui", 45.49], ["Sol", 45.51]), cutoff_minutes: 45.5 },
    long_field: { runners: runners(["A", 58], ["B", 66], ["C", 59.99], ["D", 61], ["E", 44], ["F", 60], ["G", 72], ["H", 12]), cutoff_minutes: 60 },
  });

const legs = (...r) => rows(["to", "km"], ...r);
spec("cumulative_distance_by_stop",
  "For a road trip made of legs in order, how far I will have driven by each stop: one entry per leg with the stop the leg ends at and the total kilometres from the start up to that stop, rounded to one decimal place. An empty list for no legs.",
  obj({ legs: arr(obj({ to: "string", km: NONNEG })) }), arr(obj({ stop: "string", total_km: "number" })),
  [
    { legs: legs(["Lyon", 465.2], ["Avignon", 229.8], ["Nice", 266.4]) },
    { legs: legs(["Bath", 185], ["Bristol", 21.6]) },
  ],
  each("legs", {
    no_legs: [],
    one_leg: legs(["Porto", 313.42]),
    zero_length_leg: legs(["Depot", 0], ["Depot", 0], ["Town", 12.3]),
    same_stop_twice: legs(["Home", 5], ["Shop", 2.5], ["Home", 2.5]),
    small_legs: legs(["a", 0.04], ["b", 0.04], ["c", 0.04]),
    tenths_add_up: legs(["x", 0.1], ["y", 0.2], ["z", 0.3]),
    long_trip: legs(["Graz", 198.4], ["Ljubljana", 172.9], ["Zagreb", 140.1], ["Split", 408.6], ["Dubrovnik", 229.3], ["Kotor", 92.7], ["Tirana", 181.2]),
    whole_numbers: legs(["North", 100], ["East", 250], ["South", 75]),
  }));

const calls = (...r) => rows(["caller", "seconds"], ...r);
spec("longest_calls_top_k",
  "Who made the k longest calls in the call log: the callers of the k calls with the most seconds, longest first. Calls of the same length keep their order in the log. A caller appears once per call, so the same caller can appear more than once. All of them when there are fewer than k calls; an empty list when k is 0 or the log is empty.",
  obj({ calls: arr(obj({ caller: "string", seconds: COUNT })), k: COUNT }), arr("string"),
  [
    { calls: calls(["Ann", 320], ["Bob", 95], ["Cal", 610], ["Dee", 240]), k: 2 },
    { calls: calls(["Eve", 45], ["Fay", 1200], ["Gil", 300]), k: 3 },
  ],
  {
    empty_log: { calls: [], k: 3 },
    k_zero: { calls: calls(["Ann", 320]), k: 0 },
    fewer_calls_than_k: { calls: calls(["Ann", 30], ["Bob", 90]), k: 5 },
    tie_keeps_log_order: { calls: calls(["Hal", 200], ["Ida", 300], ["Jon", 300], ["Kim", 300]), k: 2 },
    tie_at_the_cut: { calls: calls(["Lee", 500], ["Mo", 120], ["Nia", 120]), k: 2 },
    same_caller_twice: { calls: calls(["Ann", 400], ["Bob", 100], ["Ann", 350]), k: 2 },
    zero_second_calls: { calls: calls(["Oz", 0], ["Pat", 0], ["Quy", 5]), k: 2 },
    k_equals_length: { calls: calls(["Ray", 10], ["Sue", 30], ["Tom", 20]), k: 3 },
    long_log: { calls: calls(["A", 61], ["B", 305], ["C", 18], ["D", 940], ["E", 305], ["F", 77], ["G", 1210], ["H", 5], ["I", 640]), k: 4 },
  });

const trips = (...cities) => cities.map((city) => ({ city }));
spec("cities_visited_distinct",
  "The different cities in my travel log, in the order I first visited them. Two entries are the same city when they match ignoring upper/lower case and spaces at either end; each city is reported the way it was written the first time, without the spaces at either end. Blank entries are skipped. An empty list for an empty log.",
  obj({ trips: arr(obj({ city: "string" })) }), arr("string"),
  [
    { trips: trips("Madrid", "Seville", "Madrid", "Granada") },
    { trips: trips("Oslo", "Bergen", "Oslo", "Oslo", "Tromsø") },
  ],
  each("trips", {
    empty_log: [],
    one_trip: trips("Cairo"),
    case_differs: trips("paris", "Paris", "PARIS", "Lyon"),
    spaces_around: trips(" Rome ", "Rome", "Milan  "),
    blank_entries: trips("", "  ", "Kyoto", ""),
    all_same: trips("Quito", "Quito", "Quito"),
    first_spelling_kept: trips("new york", "New York", "Boston", "BOSTON"),
    inner_space_matters: trips("San Jose", "SanJose", "san jose"),
    long_log: trips("Lima", "Cusco", "Puno", "Cusco", "Arequipa", "Lima", "Ica", "Nazca", "ica", "Lima"),
  }));

const stock = (...r) => rows(["name", "stock", "min_stock"], ...r);
spec("restock_by_shortfall",
  "What to reorder for the shop: every product whose stock is below its min_stock, with how many to order to get back to min_stock (min_stock - stock). Biggest order first; equal orders alphabetically by name ignoring upper/lower case. A product exactly at its minimum needs nothing. An empty list when nothing is short.",
  obj({ products: arr(obj({ name: "string", stock: "integer", min_stock: COUNT })) }), arr(obj({ name: "string", order: "integer" })),
  [
    { products: stock(["pens", 12, 50], ["paper", 3, 10], ["tape", 20, 15]) },
    { products: stock(["cups", 0, 24], ["lids", 30, 24], ["straws", 10, 40]) },
  ],
  each("products", {
    no_products: [],
    nothing_short: stock(["a", 5, 5], ["b", 9, 3]),
    exactly_at_minimum: stock(["glue", 10, 10], ["clips", 9, 10]),
    tie_by_name: stock(["rulers", 0, 5], ["Erasers", 5, 10], ["Chalk", 2, 7]),
    tie_ignoring_case: stock(["beta", 0, 3], ["Alpha", 0, 3]),
    negative_stock: stock(["backordered", -4, 6], ["fine", 6, 6]),
    zero_minimum: stock(["old stock", 0, 0]),
    long_list: stock(["A4", 120, 500], ["A3", 20, 100], ["ink", 2, 12], ["toner", 1, 4], ["labels", 300, 200], ["folders", 35, 60], ["staples", 0, 25], ["envelopes", 410, 500]),
  }));

const songs = (...r) => rows(["title", "artist", "year"], ...r);
spec("songs_by_artist_then_year",
  "Order my playlist by artist, then by year: artists alphabetically ignoring upper/lower case; an artist's songs oldest year first; songs by the same artist in the same year alphabetically by title ignoring case (songs equal in all three keep their order in the list). Give the song titles; an empty list for an empty playlist.",
  obj({ songs: arr(obj({ title: "string", artist: "string", year: "integer" })) }), arr("string"),
  [
    { songs: songs(["Hey Jude", "The Beatles", 1968], ["Heroes", "David Bowie", 1977], ["Help!", "The Beatles", 1965]) },
    { songs: songs(["Hurt", "Nine Inch Nails", 1994], ["Jolene", "Dolly Parton", 1973], ["9 to 5", "Dolly Parton", 1980], ["Closer", "Nine Inch Nails", 1994]) },
  ],
  each("songs", {
    empty_playlist: [],
    one_song: songs(["Vogue", "Madonna", 1990]),
    artist_case_differs: songs(["b-side", "abba", 1976], ["Waterloo", "ABBA", 1974], ["Other", "Abc", 1982]),
    same_year_by_title: songs(["Yesterday", "The Beatles", 1965], ["help!", "The Beatles", 1965], ["Girl", "The Beatles", 1965]),
    year_before_title: songs(["Zebra", "Beach House", 2010], ["Apple", "Beach House", 2015]),
    full_tie_keeps_order: songs(["Intro", "Xx", 2009], ["intro", "XX", 2009]),
    numbers_in_titles: songs(["99 Problems", "Jay-Z", 2004], ["4:44", "Jay-Z", 2017], ["22", "Taylor Swift", 2012]),
    long_playlist: songs(["Roxanne", "The Police", 1978], ["Creep", "Radiohead", 1992], ["Karma Police", "Radiohead", 1997], ["Message in a Bottle", "The Police", 1979], ["Airbag", "Radiohead", 1997], ["Teardrop", "Massive Attack", 1998], ["Angel", "Massive Attack", 1998], ["Unfinished Sympathy", "Massive Attack", 1991]),
  }));

const flats = (...r) => rows(["address", "bedrooms", "rent"], ...r);
spec("flats_matching_search",
  "Flats that match my search: at least min_bedrooms bedrooms and a monthly rent of at most max_rent (both limits included). Their addresses, cheapest rent first; flats with the same rent keep their order in the list. An empty list when none match.",
  obj({ listings: arr(obj({ address: "string", bedrooms: COUNT, rent: NONNEG })), min_bedrooms: COUNT, max_rent: NONNEG }), arr("string"),
  [
    { listings: flats(["4 Elm Rd", 2, 1450], ["18 Oak St", 1, 1100], ["7 Ash Ln", 3, 1390]), min_bedrooms: 2, max_rent: 1500 },
    { listings: flats(["2 Bay Ct", 1, 980], ["9 Hill Rd", 2, 1210], ["11 Mill St", 1, 1020]), min_bedrooms: 1, max_rent: 1100 },
  ],
  {
    no_listings: { listings: [], min_bedrooms: 1, max_rent: 2000 },
    exactly_max_rent: { listings: flats(["A", 2, 1500], ["B", 2, 1500.01]), min_bedrooms: 2, max_rent: 1500 },
    exactly_min_bedrooms: { listings: flats(["C", 2, 900], ["D", 1, 800]), min_bedrooms: 2, max_rent: 1000 },
    nothing_matches: { listings: flats(["E", 1, 900], ["F", 3, 2500]), min_bedrooms: 2, max_rent: 2000 },
    same_rent_keeps_order: { listings: flats(["Z St", 2, 1200], ["A St", 3, 1200], ["M St", 2, 1100]), min_bedrooms: 2, max_rent: 1300 },
    studio_search: { listings: flats(["Studio 1", 0, 700], ["Flat 2", 1, 750]), min_bedrooms: 0, max_rent: 720 },
    zero_budget: { listings: flats(["Free room", 1, 0], ["G", 1, 10]), min_bedrooms: 1, max_rent: 0 },
    long_list: { listings: flats(["1 A", 2, 1325], ["2 B", 4, 1890], ["3 C", 3, 1600], ["4 D", 2, 1180], ["5 E", 1, 990], ["6 F", 3, 1600], ["7 G", 2, 1450], ["8 H", 5, 2400]), min_bedrooms: 2, max_rent: 1700 },
  });

const todos = (...r) => rows(["title", "due"], ...r);
spec("todo_titles_by_deadline",
  "My to-do list in deadline order: tasks with a due date first, earliest date first (tasks due the same day keep their order in the list), then the tasks without a due date (due null) in their order in the list. Give the titles; an empty list for no tasks.",
  obj({ tasks: arr(obj({ title: "string", due: DATE_OR_NULL })) }), arr("string"),
  [
    { tasks: todos(["pay rent", "2025-03-01"], ["call mum", null], ["renew passport", "2025-02-14"]) },
    { tasks: todos(["taxes", "2025-04-15"], ["gym", null], ["dentist", "2025-04-02"], ["read", null]) },
  ],
  each("tasks", {
    no_tasks: [],
    all_undated: todos(["b", null], ["a", null], ["c", null]),
    all_same_day: todos(["x", "2025-05-05"], ["y", "2025-05-05"]),
    across_year_end: todos(["new year", "2026-01-01"], ["christmas", "2025-12-25"], ["eve", "2025-12-31"]),
    across_month_end: todos(["first", "2025-02-01"], ["last", "2025-01-31"]),
    undated_first_in_list: todos(["someday", null], ["soon", "2025-06-01"]),
    leap_day: todos(["march", "2024-03-01"], ["leap", "2024-02-29"], ["feb", "2024-02-28"]),
    one_task: todos(["only", "2030-10-10"]),
    long_list: todos(["t1", "2025-09-10"], ["t2", null], ["t3", "2025-08-31"], ["t4", "2025-09-10"], ["t5", "2024-12-31"], ["t6", null], ["t7", "2025-09-01"], ["t8", "2025-08-31"]),
  }));

const swimmers = (...r) => rows(["team", "seconds"], ...r);
spec("relay_team_total_times",
  "Relay results from the individual swims: each swimmer has a team name and a time in seconds. A team's total is the sum of its swimmers' times; only teams with exactly four swimmers are ranked (others are left out). Fastest (lowest) total first; equal totals alphabetically by team name ignoring upper/lower case. Team names are matched exactly as written. Each total rounded to 2 decimals; an empty list when no team has four swimmers.",
  obj({ swimmers: arr(obj({ team: "string", seconds: NONNEG })) }), arr(obj({ team: "string", total_seconds: "number" })),
  [
    { swimmers: swimmers(["Sharks", 31.2], ["Eels", 33.05], ["Sharks", 30.88], ["Eels", 32.4], ["Sharks", 32.1], ["Eels", 31.9], ["Sharks", 29.95], ["Eels", 30.3]) },
    { swimmers: swimmers(["Otters", 60.5], ["Otters", 59.8], ["Otters", 61.2], ["Otters", 58.9], ["Seals", 57.1], ["Seals", 58]) },
  ],
  each("swimmers", {
    no_swimmers: [],
    three_swimmers_only: swimmers(["A", 30], ["A", 31], ["A", 32]),
    five_swimmers: swimmers(["B", 30], ["B", 30], ["B", 30], ["B", 30], ["B", 30]),
    tie_by_name: swimmers(["rays", 30], ["Cods", 30], ["rays", 30], ["Cods", 30], ["rays", 30], ["Cods", 30], ["rays", 30], ["Cods", 30]),
    names_differ_in_case: swimmers(["Fins", 30], ["Fins", 30], ["fins", 30], ["Fins", 30], ["Fins", 31]),
    zero_times: swimmers(["Z", 0], ["Z", 0], ["Z", 0], ["Z", 0]),
    sums_with_decimals: swimmers(["Pike", 28.11], ["Pike", 27.93], ["Pike", 29.07], ["Pike", 28.49]),
    three_teams: swimmers(["Red", 50], ["Blue", 48], ["Green", 55], ["Red", 51], ["Blue", 49], ["Green", 50], ["Red", 47], ["Blue", 52], ["Green", 45], ["Red", 49], ["Blue", 50], ["Green", 48]),
  }));

spec("sizes_ordered_distinct",
  "Which clothing sizes were ordered, each once, from smallest to largest in the order XS, S, M, L, XL, XXL. Sizes are matched ignoring upper/lower case and spaces at either end and given in capitals; anything that is not one of these six sizes is ignored. An empty list when no known size was ordered.",
  obj({ orders: arr("string") }), arr("string"),
  [
    { orders: ["M", "L", "M", "S"] },
    { orders: ["XL", "xs", "L", "XL"] },
  ],
  each("orders", {
    no_orders: [],
    lower_case: ["m", "s", "xxl"],
    spaces_around: [" L", "M ", " xl "],
    unknown_sizes: ["XXXL", "4XL", "medium", ""],
    all_sizes_reversed: ["XXL", "XL", "L", "M", "S", "XS"],
    one_size_many_times: ["S", "s", " S ", "S"],
    mixed_known_unknown: ["L", "large", "XS", "Xs", "tall"],
    inner_space_not_a_size: ["X L", "X-L", "XL"],
  }));

const temps = (...r) => rows(["date", "high_c"], ...r);
spec("record_high_dates",
  "On which days a new record high was set: going through the days in the order listed (they are in date order), a day sets a record when its high is strictly higher than every earlier day's high; the first day always sets one. A day that only equals the record does not. The dates of the record days; an empty list for no days.",
  obj({ days: arr(obj({ date: ISO_DATE, high_c: "number" })) }), arr(ISO_DATE),
  [
    { days: temps(["2025-07-01", 24], ["2025-07-02", 27.5], ["2025-07-03", 26], ["2025-07-04", 29]) },
    { days: temps(["2025-01-10", -3], ["2025-01-11", -5], ["2025-01-12", -1]) },
  ],
  each("days", {
    no_days: [],
    one_day: temps(["2025-03-03", 12]),
    equal_is_not_a_record: temps(["2025-05-01", 20], ["2025-05-02", 20], ["2025-05-03", 20.1]),
    falling: temps(["2025-09-01", 30], ["2025-09-02", 28], ["2025-09-03", 25]),
    rising_every_day: temps(["2025-06-28", 18], ["2025-06-29", 19], ["2025-06-30", 21], ["2025-07-01", 22.5]),
    negatives_and_zero: temps(["2025-12-30", -8], ["2025-12-31", 0], ["2026-01-01", -2], ["2026-01-02", 0.5]),
    tiny_step: temps(["2024-02-28", 10], ["2024-02-29", 10.01]),
    long_run: temps(["2025-08-01", 21], ["2025-08-02", 23], ["2025-08-03", 22], ["2025-08-04", 23], ["2025-08-05", 25], ["2025-08-06", 24], ["2025-08-07", 26], ["2025-08-08", 19], ["2025-08-09", 26.2]),
  }));

const invoices = (...r) => rows(["customer", "days_late"], ...r);
spec("worst_late_payers",
  "Customers who paid late, worst first: a customer is late if any of their invoices has days_late above 0 (0 is on time, a negative number means paid early). Order them by their most days late on a single invoice, most first; customers with the same most days late alphabetically by name ignoring upper/lower case. Each customer once; names are matched exactly as written. An empty list when nobody paid late.",
  obj({ invoices: arr(obj({ customer: "string", days_late: "integer" })) }), arr("string"),
  [
    { invoices: invoices(["Acme", 12], ["Birch Ltd", 0], ["Acme", 3], ["Corvo", 30]) },
    { invoices: invoices(["Delta", -2], ["Echo", 5], ["Delta", 9]) },
  ],
  each("invoices", {
    no_invoices: [],
    all_on_time: invoices(["A", 0], ["B", -3]),
    one_day_late: invoices(["Fern", 1]),
    tie_by_name: invoices(["zeta", 7], ["Alpha", 7], ["mid", 7]),
    worst_invoice_counts: invoices(["Gale", 2], ["Gale", 40], ["Hart", 39]),
    early_then_late: invoices(["Iona", -10], ["Iona", 4]),
    name_case_differs: invoices(["jay", 5], ["Jay", 6]),
    long_ledger: invoices(["K", 14], ["L", 0], ["M", 60], ["K", 3], ["N", -1], ["O", 14], ["P", 90], ["M", 2], ["Q", 1]),
  }));

spec("readings_without_repeats",
  "Tidy a sensor log by dropping repeats: remove every reading that is equal to the reading just before it, so each run of equal readings becomes one. Readings that come back later after a different value are kept. An empty list stays empty.",
  obj({ readings: arr("number") }), arr("number"),
  [
    { readings: [20, 20, 21, 21, 21, 20] },
    { readings: [5.5, 5.5, 6, 7, 7] },
  ],
  each("readings", {
    no_readings: [],
    one_reading: [3],
    all_equal: [4, 4, 4, 4],
    no_repeats: [1, 2, 3, 2, 1],
    zeros_and_negatives: [0, 0, -1, -1, 0, -0.5, -0.5],
    alternating: [1, 2, 1, 2, 1],
    close_but_different: [10, 10.001, 10.001, 10],
    long_log: [18, 18, 18, 19, 19, 20, 20, 20, 20, 19, 18, 18, 17, 17, 17, 18],
  }));

// ---- strings (12) -----------------------------------------------------------------------------------

spec("surname_initials_badge",
  "Name badge text from a full name: the last word is the surname, written with a capital first letter and the rest in lower case; then a space and the initials of the other names, each a capital letter followed by a point, with no spaces between them (\"Doe J.M.\"). Words are separated by spaces (any amount, and spaces at either end are ignored). A single word gives just the surname; an empty or blank name gives an empty text.",
  obj({ name: "string" }), T("string"),
  [
    { name: "Jane Mary Doe" },
    { name: "ahmed khan" },
  ],
  each("name", {
    empty: "",
    blank: "   ",
    single_word: "prince",
    surname_in_capitals: "Ola NORDMANN",
    extra_spaces: "  Li   Wei  Zhang ",
    four_names: "john ronald reuel tolkien",
    initial_already_dotted: "J. Smith",
    lower_case_given_names: "maría josé garcía",
    one_letter_names: "a b c",
  }));

spec("irish_mobile_spaced",
  "Format an Irish mobile number the standard way, \"08X XXX XXXX\". Keep only the digits of what was typed; if they start with 00353 or 353 (the country code), replace that with 0. What remains must be exactly 10 digits starting with 08, otherwise the answer is null.",
  obj({ phone: "string" }), STRING_OR_NULL,
  [
    { phone: "0871234567" },
    { phone: "+353 86 555 0192" },
  ],
  each("phone", {
    empty: "",
    dashes: "085-123-4567",
    brackets_and_spaces: "(083) 987 6543",
    double_zero_prefix: "00353 89 111 2222",
    country_code_without_plus: "353871234567",
    landline: "014567890",
    too_short: "087123456",
    too_long: "08712345678",
    letters_only: "call me",
    dots: "087.765.4321",
  }));

spec("shipment_reference",
  "Make a shipment reference from its parts: the region code in capitals with spaces at either end removed, a dash, the year, a dash, and the sequence number padded with zeros on the left to 5 digits (a longer number is kept whole). For example EU-2025-00042.",
  obj({ region: "string", year: { type: "integer", minimum: 1000, maximum: 9999 }, sequence: COUNT }), T("string"),
  [
    { region: "EU", year: 2025, sequence: 42 },
    { region: "apac", year: 2024, sequence: 1387 },
  ],
  {
    zero_sequence: { region: "NA", year: 2025, sequence: 0 },
    five_digits_already: { region: "EU", year: 2025, sequence: 12345 },
    six_digits: { region: "EU", year: 2025, sequence: 123456 },
    spaces_around_region: { region: "  latam ", year: 2023, sequence: 7 },
    mixed_case_region: { region: "Emea", year: 2026, sequence: 99 },
    empty_region: { region: "", year: 2025, sequence: 5 },
    one_digit: { region: "UK", year: 1999, sequence: 1 },
    four_digits: { region: "me", year: 2030, sequence: 9999 },
  });

spec("oracle_style_date",
  "Write a date (YYYY-MM-DD) the way our old database wants it: two-digit day, a dash, the month as its first three letters in capitals (JAN, FEB, ... DEC), a dash, and the last two digits of the year, like 05-MAR-24.",
  obj({ date: ISO_DATE }), T("string"),
  [
    { date: "2024-03-05" },
    { date: "2019-11-23" },
  ],
  each("date", {
    new_year: "2025-01-01",
    new_years_eve: "2025-12-31",
    leap_day: "2024-02-29",
    year_2000: "2000-06-15",
    year_ending_09: "2009-09-09",
    old_year: "1987-10-30",
    may: "2023-05-17",
    august: "2031-08-08",
  }));

spec("team_short_code",
  "A short code for a team name, for a scoreboard. Words are separated by spaces (extra spaces ignored). A one-word name gives its first three characters in capitals (the whole word if it is shorter). A name of several words gives the first character of each word (letters in capitals), using at most the first four words. An empty or blank name gives an empty text.",
  obj({ team: "string" }), T("string"),
  [
    { team: "Arsenal" },
    { team: "Manchester United" },
    { team: "real madrid club de futbol" },
  ],
  each("team", {
    empty: "",
    blank: "  ",
    short_word: "Ac",
    lower_case_word: "juventus",
    extra_spaces: "  Bayern   Munich ",
    exactly_four_words: "Paris Saint Germain Football",
    five_words: "one two three four five",
    starts_with_number: "1860 Munich",
    three_letter_word: "PSV",
  }));

spec("hashtag_as_words",
  "Turn a hashtag back into plain words in lower case, separated by single spaces. The words in the tag are: a run of digits; a run of capital letters not followed by a small letter (an abbreviation like NYC); or an optional capital letter followed by small letters. So a new word starts at a capital after a small letter, before the last capital of a run that is followed by small letters, and where digits start or stop. The # and any other characters (underscores, dashes, punctuation) only separate words. An empty text, or one with no letters or digits, gives an empty text.",
  obj({ tag: "string" }), T("string"),
  [
    { tag: "#SummerSale2025" },
    { tag: "#ThrowbackThursday" },
  ],
  each("tag", {
    empty: "",
    only_hash: "#",
    abbreviation_then_word: "#NYCMarathon",
    abbreviation_at_end: "#VisitUSA",
    underscores: "#no_filter_needed",
    all_lower: "#tbt",
    digits_in_middle: "#Top10Tips",
    leading_digits: "#2025Goals",
    no_hash: "LoveWhereYouLive",
    punctuation: "#rock&roll!",
  }));

spec("house_number_split",
  "Split the first line of an address into house number and street. Words are separated by spaces (extra spaces ignored). When the first word starts with a digit it is the number, kept as written (\"221B\", \"12-14\"), and the street is the rest of the words joined by single spaces; otherwise number is null and the street is all the words joined by single spaces. An empty or blank line gives number null and street \"\".",
  obj({ address: "string" }), obj({ number: STRING_OR_NULL, street: "string" }),
  [
    { address: "221B Baker Street" },
    { address: "10 Downing Street" },
  ],
  each("address", {
    empty: "",
    blank: "   ",
    no_number: "Rose Cottage",
    range_number: "12-14 High St",
    extra_spaces: "  7   Elm    Grove ",
    number_only: "42",
    number_later: "Flat 3 Park Road",
    letter_number_mix: "9a Church Lane",
    zero_number: "0 Null Island Way",
  }));

spec("duration_words_to_clock",
  "Turn a duration written in words into H:MM (hours, a colon, minutes as two digits). Read every number followed by an hour word (hour, hours, hr, hrs) or a minute word (minute, minutes, min, mins), with or without a space between, ignoring upper/lower case; add them all up; minutes of 60 or more carry into hours. Other words (and, commas) are ignored. Text without any such number gives 0:00.",
  obj({ text: "string" }), T("string"),
  [
    { text: "2 hours 30 minutes" },
    { text: "45 mins" },
    { text: "1 hour and 5 minutes" },
  ],
  each("text", {
    empty: "",
    no_numbers: "a while",
    minutes_carry: "90 minutes",
    exactly_an_hour_of_minutes: "60 min",
    upper_case: "3 HOURS 15 MINS",
    no_space: "2hrs 10min",
    hours_only: "1 hr",
    zero: "0 minutes",
    parts_repeated: "1 hour, 1 hour, 30 minutes, 45 minutes",
    many_hours: "26 hours 1 minute",
  }));

spec("numbered_lines",
  "Make a numbered list from items: each item on its own line as \"1. item\", \"2. item\" and so on, lines joined by a newline (no newline at the end). Spaces at either end of an item are removed, and blank items are skipped and do not take a number. No items (or only blank ones) gives an empty text.",
  obj({ items: arr("string") }), T("string"),
  [
    { items: ["milk", "eggs", "bread"] },
    { items: ["Call the bank", "Book flights"] },
  ],
  each("items", {
    no_items: [],
    only_blank: ["", "  "],
    one_item: ["just this"],
    blank_in_middle: ["first", "", "second"],
    spaces_around: ["  padded  ", "\ttabbed"],
    ten_items: ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"],
    already_numbered_text: ["1. old", "2. older"],
    inner_spaces_kept: ["two  spaces inside"],
  }));

spec("canadian_postal_code_formatted",
  "Format a Canadian postal code as \"A1A 1A1\": remove spaces and dashes, put letters in capitals; the result must be letter, digit, letter, digit, letter, digit (six characters), written with one space after the third character. Anything else gives null.",
  obj({ code: "string" }), STRING_OR_NULL,
  [
    { code: "k1a0b1" },
    { code: "M5V 3L9" },
  ],
  each("code", {
    empty: "",
    already_formatted: "H2X 1Y4",
    dash: "V6B-4Y8",
    extra_spaces: "  t2p   1j9 ",
    too_short: "K1A 0B",
    too_long: "K1A 0B12",
    digit_first: "1KA 0B1",
    us_zip: "90210",
    letter_o_for_zero: "K1A OB1",
    mixed_case: "m5V3l9",
  }));

spec("clock_time_in_words",
  "Say a 24-hour clock time (HH:MM) the way people say it, with the hour as a word on a 12-hour clock (one ... twelve; 00 and 12 are twelve). On the hour: \"three o'clock\". At :15 \"quarter past three\", at :30 \"half past three\", at :45 \"quarter to four\" (the next hour). Other minutes before half past: \"10 minutes past three\" (\"1 minute past three\" for one); after half past, the minutes left to the next hour: \"20 minutes to four\" (\"1 minute to four\"). The minutes are written in digits.",
  obj({ time: HHMM }), T("string"),
  [
    { time: "15:00" },
    { time: "09:20" },
    { time: "18:45" },
  ],
  each("time", {
    midnight: "00:00",
    noon: "12:00",
    quarter_past_midnight: "00:15",
    half_past: "07:30",
    one_minute_past: "04:01",
    one_minute_to: "10:59",
    to_midnight: "23:40",
    quarter_to_noon: "11:45",
    twenty_nine_past: "13:29",
    thirty_one_minutes: "13:31",
  }));

spec("quote_with_attribution",
  "Format a quote for a slide: the quote in straight double quotes, then a space, a dash, a space and the author, like \"Stay hungry\" - Steve Jobs. Spaces at either end of the quote and of the author are removed; if the quote already starts and ends with a straight double quote, those are removed first (and spaces just inside them too) so it is not quoted twice. An empty or blank author is written Unknown.",
  obj({ quote: "string", author: "string" }), T("string"),
  [
    { quote: "Stay hungry, stay foolish.", author: "Steve Jobs" },
    { quote: "  Less is more ", author: " Mies van der Rohe" },
  ],
  {
    already_quoted: { quote: "\"To be or not to be\"", author: "Shakespeare" },
    quoted_with_inner_spaces: { quote: "\" Hello \"", author: "Adele" },
    blank_author: { quote: "Anonymous wisdom", author: "  " },
    empty_author: { quote: "Be kind", author: "" },
    empty_quote: { quote: "", author: "Nobody" },
    only_opening_quote: { quote: "\"Half open", author: "Tester" },
    inner_quotes_kept: { quote: "He said \"no\" twice", author: "Sam" },
    single_quotes_kept: { quote: "'Single'", author: "Ann" },
  });

// ---- predicates and validation (8) ------------------------------------------------------------------

spec("username_meets_rules",
  "Whether a new username follows our rules: 3 to 16 characters long; only small letters a-z, digits and underscores; starts with a letter; no two underscores in a row; does not end with an underscore. true when it follows all of them.",
  obj({ username: "string" }), T("boolean"),
  [
    { username: "sam_92" },
    { username: "Sam" },
    { username: "_hidden" },
  ],
  each("username", {
    empty: "",
    two_chars: "ab",
    three_chars: "abc",
    sixteen_chars: "abcdefghijklmnop",
    seventeen_chars: "abcdefghijklmnopq",
    double_underscore: "a__b",
    ends_with_underscore: "abc_",
    starts_with_digit: "9lives",
    has_space: "big cat",
    has_dash: "big-cat",
    single_underscores: "a_b_c_1",
  }));

spec("triangle_sides_valid",
  "Whether three lengths can be the sides of a real triangle: all three must be greater than 0 and each must be strictly less than the sum of the other two (lengths that only lie flat, where one equals the sum of the other two, do not count).",
  obj({ a: "number", b: "number", c: "number" }), T("boolean"),
  [
    { a: 3, b: 4, c: 5 },
    { a: 1, b: 2, c: 10 },
  ],
  {
    equilateral: { a: 2, b: 2, c: 2 },
    flat: { a: 1, b: 2, c: 3 },
    flat_other_order: { a: 5, b: 2, c: 3 },
    zero_side: { a: 0, b: 4, c: 4 },
    negative_side: { a: -3, b: 4, c: 5 },
    almost_flat: { a: 1, b: 2, c: 2.999 },
    long_first_side: { a: 10, b: 3, c: 4 },
    decimals: { a: 0.3, b: 0.4, c: 0.5 },
    isosceles: { a: 7, b: 7, c: 13 },
  });

spec("ipv4_address_valid",
  "Whether a text is a valid IPv4 address: exactly four parts separated by dots, each part a whole number from 0 to 255 written in digits only, with no leading zeros (\"0\" itself is fine, \"01\" is not), and nothing else (no spaces, no signs).",
  obj({ address: "string" }), T("boolean"),
  [
    { address: "192.168.1.10" },
    { address: "256.1.1.1" },
  ],
  each("address", {
    empty: "",
    all_zero: "0.0.0.0",
    broadcast: "255.255.255.255",
    three_parts: "10.0.1",
    five_parts: "1.2.3.4.5",
    leading_zero: "10.01.0.1",
    trailing_dot: "10.0.0.1.",
    space_inside: "10.0. 0.1",
    negative: "10.-1.0.1",
    letters: "a.b.c.d",
    just_over: "10.0.0.256",
  }));

spec("strings_are_rotations",
  "Whether the second text is a rotation of the first: the same characters with some taken off the front and put at the end (\"erbottlewat\" is a rotation of \"waterbottle\"). A text is a rotation of itself; both must have the same length; upper and lower case count as different. Two empty texts are rotations of each other.",
  obj({ first: "string", second: "string" }), T("boolean"),
  [
    { first: "waterbottle", second: "erbottlewat" },
    { first: "abcd", second: "acbd" },
  ],
  {
    both_empty: { first: "", second: "" },
    one_empty: { first: "a", second: "" },
    same_text: { first: "hello", second: "hello" },
    case_differs: { first: "Hello", second: "lohel" },
    different_lengths: { first: "abc", second: "abca" },
    one_step: { first: "rotation", second: "otationr" },
    reversed_is_not_rotation: { first: "abc", second: "cba" },
    repeated_letters: { first: "aab", second: "aba" },
    with_spaces: { first: "ab cd", second: "cdab " },
  });

spec("meeting_inside_work_hours",
  "Whether a meeting fits inside the working day: it must start before it ends, start no earlier than day_start and end no later than day_end (starting exactly at day_start or ending exactly at day_end is fine). All times are 24-hour HH:MM on the same day.",
  obj({ start: HHMM, end: HHMM, day_start: HHMM, day_end: HHMM }), T("boolean"),
  [
    { start: "10:00", end: "11:00", day_start: "09:00", day_end: "17:30" },
    { start: "17:00", end: "18:00", day_start: "09:00", day_end: "17:30" },
  ],
  {
    starts_at_day_start: { start: "09:00", end: "09:30", day_start: "09:00", day_end: "17:00" },
    ends_at_day_end: { start: "16:30", end: "17:00", day_start: "09:00", day_end: "17:00" },
    whole_day: { start: "09:00", end: "17:00", day_start: "09:00", day_end: "17:00" },
    starts_a_minute_early: { start: "08:59", end: "10:00", day_start: "09:00", day_end: "17:00" },
    ends_a_minute_late: { start: "16:00", end: "17:01", day_start: "09:00", day_end: "17:00" },
    zero_length: { start: "12:00", end: "12:00", day_start: "09:00", day_end: "17:00" },
    end_before_start: { start: "14:00", end: "13:00", day_start: "09:00", day_end: "17:00" },
    midnight_start_day: { start: "00:00", end: "00:30", day_start: "00:00", day_end: "23:59" },
    early_shift: { start: "05:15", end: "06:45", day_start: "05:00", day_end: "13:00" },
  });

const coupon = (code, min_total, expires) => ({ code, min_total, expires });
spec("coupon_is_applicable",
  "Whether the coupon code a customer entered can be used on their cart: the entered code, with spaces at either end removed, must match the coupon's code ignoring upper/lower case; the cart total must be at least the coupon's min_total; and today must be on or before the coupon's expires date (it still works on that day). true only when all three hold.",
  obj({ entered_code: "string", cart_total: NONNEG, today: ISO_DATE, coupon: obj({ code: "string", min_total: NONNEG, expires: ISO_DATE }) }), T("boolean"),
  [
    { entered_code: "SPRING10", cart_total: 64.5, today: "2025-04-02", coupon: coupon("SPRING10", 50, "2025-04-30") },
    { entered_code: "spring10", cart_total: 45, today: "2025-04-02", coupon: coupon("SPRING10", 50, "2025-04-30") },
  ],
  {
    lower_case_entry: { entered_code: "welcome", cart_total: 20, today: "2025-01-05", coupon: coupon("WELCOME", 0, "2025-12-31") },
    spaces_around_entry: { entered_code: "  SAVE5 ", cart_total: 30, today: "2025-06-01", coupon: coupon("SAVE5", 25, "2025-06-30") },
    exactly_minimum: { entered_code: "SAVE5", cart_total: 25, today: "2025-06-01", coupon: coupon("SAVE5", 25, "2025-06-30") },
    cent_below_minimum: { entered_code: "SAVE5", cart_total: 24.99, today: "2025-06-01", coupon: coupon("SAVE5", 25, "2025-06-30") },
    on_expiry_day: { entered_code: "XMAS", cart_total: 100, today: "2025-12-25", coupon: coupon("XMAS", 10, "2025-12-25") },
    day_after_expiry: { entered_code: "XMAS", cart_total: 100, today: "2025-12-26", coupon: coupon("XMAS", 10, "2025-12-25") },
    expired_last_year: { entered_code: "NY", cart_total: 80, today: "2026-01-01", coupon: coupon("NY", 0, "2025-12-31") },
    wrong_code: { entered_code: "SAVE50", cart_total: 100, today: "2025-06-01", coupon: coupon("SAVE5", 25, "2025-06-30") },
    inner_space_in_entry: { entered_code: "SAVE 5", cart_total: 100, today: "2025-06-01", coupon: coupon("SAVE5", 25, "2025-06-30") },
    empty_cart: { entered_code: "FREE", cart_total: 0, today: "2025-03-01", coupon: coupon("FREE", 0, "2025-03-31") },
  });

spec("words_alphabetical_order",
  "Whether the words of a text are in alphabetical order, ignoring upper/lower case: each word must come after, or be the same as, the word before it. A word is a run of the letters A-Z or a-z; everything else (spaces, punctuation, digits) just separates words. A text with fewer than two words is in order.",
  obj({ text: "string" }), T("boolean"),
  [
    { text: "almost every good boy" },
    { text: "apples, bananas, cherries" },
    { text: "zebra ant" },
  ],
  each("text", {
    empty: "",
    one_word: "hello",
    mixed_case: "Apple banana Cherry",
    repeated_word: "go go go",
    prefix_first: "art artist",
    prefix_second: "artist art",
    punctuation_only: "!!! ???",
    digits_separate: "a1b2c",
    capital_would_mislead: "bee Cat",
    long_sentence: "a big cat did eat four grey hens in july",
  }));

spec("numbers_form_arithmetic_sequence",
  "Whether a list of whole numbers goes up or down in equal steps (an arithmetic sequence): every difference between neighbours is the same. Lists with fewer than three numbers always count as true; a step of 0 (all equal) counts too.",
  obj({ numbers: arr("integer") }), T("boolean"),
  [
    { numbers: [3, 7, 11, 15] },
    { numbers: [1, 2, 4, 8] },
  ],
  each("numbers", {
    empty: [],
    one_number: [42],
    two_numbers: [5, -9],
    all_equal: [6, 6, 6, 6],
    going_down: [10, 7, 4, 1, -2],
    negatives: [-8, -6, -4],
    last_step_off: [2, 4, 6, 9],
    first_step_off: [1, 4, 6, 8],
    long_sequence: [0, 25, 50, 75, 100, 125, 150, 175, 200, 225],
    zigzag: [1, 3, 1, 3],
  }));

// ---- dates and times (6) ----------------------------------------------------------------------------

spec("gap_in_weeks_and_days",
  "How far apart two dates are, in weeks and days: count the days between them (the order does not matter), then say it as \"3 weeks 2 days\": whole weeks first, then the days left over; \"1 week\" and \"1 day\" in the singular; a part that is 0 is left out (\"2 weeks\", \"5 days\"), and the same date gives \"0 days\".",
  obj({ from: ISO_DATE, to: ISO_DATE }), T("string"),
  [
    { from: "2025-03-01", to: "2025-03-24" },
    { from: "2025-06-10", to: "2025-06-15" },
  ],
  {
    same_day: { from: "2025-05-05", to: "2025-05-05" },
    exactly_one_week: { from: "2025-05-05", to: "2025-05-12" },
    one_day: { from: "2025-05-05", to: "2025-05-06" },
    reversed_order: { from: "2025-03-24", to: "2025-03-01" },
    across_year_end: { from: "2025-12-20", to: "2026-01-04" },
    across_leap_february: { from: "2024-02-20", to: "2024-03-05" },
    non_leap_february: { from: "2025-02-20", to: "2025-03-05" },
    one_week_one_day: { from: "2025-08-01", to: "2025-08-09" },
    whole_year: { from: "2023-01-01", to: "2024-01-01" },
    century_not_leap: { from: "2100-02-27", to: "2100-03-01" },
  });

spec("fiscal_half_label",
  "Which half of our financial year a date falls in, as \"H1 FY2025\". The financial year starts on the 1st of year_starts_month (1 = January, 4 = April, ...); H1 is its first six months and H2 the last six. The year in the label is the calendar year in which that financial year started. With year_starts_month 1 this is just the calendar year's first or second half.",
  obj({ date: ISO_DATE, year_starts_month: { type: "integer", minimum: 1, maximum: 12 } }), T("string"),
  [
    { date: "2025-03-15", year_starts_month: 1 },
    { date: "2025-11-02", year_starts_month: 4 },
  ],
  {
    calendar_second_half: { date: "2025-07-01", year_starts_month: 1 },
    last_day_of_first_half: { date: "2025-06-30", year_starts_month: 1 },
    before_april_start: { date: "2026-02-10", year_starts_month: 4 },
    first_day_of_april_year: { date: "2025-04-01", year_starts_month: 4 },
    last_day_of_april_year: { date: "2026-03-31", year_starts_month: 4 },
    october_start_in_december: { date: "2024-12-31", year_starts_month: 10 },
    october_start_in_april: { date: "2025-04-01", year_starts_month: 10 },
    july_start_new_years_day: { date: "2025-01-01", year_starts_month: 7 },
    december_start: { date: "2025-12-01", year_starts_month: 12 },
    december_start_june: { date: "2025-06-01", year_starts_month: 12 },
  });

spec("days_to_payday",
  "How many days until payday. We are paid on the 25th of every month, but when the 25th is a Saturday or Sunday we are paid on the Friday before it. Count the days from the given date to the next payday on or after it: 0 on payday itself; after this month's payday, count to next month's (December's is followed by January's of the next year).",
  obj({ date: ISO_DATE }), COUNT,
  [
    { date: "2025-03-10" },
    { date: "2025-04-28" },
  ],
  each("date", {
    on_payday: "2025-03-25",
    day_after_payday: "2025-03-26",
    weekend_25th_saturday: "2025-10-20",
    weekend_25th_sunday: "2025-05-20",
    between_friday_and_weekend_25th: "2025-10-25",
    december_to_january: "2025-12-29",
    february_leap: "2024-02-26",
    first_of_month: "2025-07-01",
    month_end: "2025-01-31",
  }));

spec("date_from_day_number",
  "Which date is day N of a year: day 1 is 1 January, day 32 is 1 February, and so on, as YYYY-MM-DD. A leap year (divisible by 4, except century years not divisible by 400) has 366 days, other years 365. null when the day is below 1 or past the year's last day.",
  obj({ year: { type: "integer", minimum: 1, maximum: 9999 }, day: "integer" }), DATE_OR_NULL,
  [
    { year: 2025, day: 45 },
    { year: 2025, day: 200 },
  ],
  {
    first_day: { year: 2025, day: 1 },
    day_zero: { year: 2025, day: 0 },
    negative_day: { year: 2025, day: -5 },
    last_day_common_year: { year: 2025, day: 365 },
    day_366_common_year: { year: 2025, day: 366 },
    day_366_leap_year: { year: 2024, day: 366 },
    leap_day: { year: 2024, day: 60 },
    day_60_common_year: { year: 2023, day: 60 },
    century_not_leap: { year: 1900, day: 366 },
    four_hundred_leap: { year: 2000, day: 366 },
  });

spec("next_leap_day",
  "The next 29 February strictly after a date, as YYYY-MM-DD. Leap years are divisible by 4, except century years, which are leap years only when divisible by 400 (2000 was, 2100 is not). On 29 February itself the answer is the following one.",
  obj({ date: ISO_DATE }), ISO_DATE,
  [
    { date: "2025-06-15" },
    { date: "2024-01-10" },
  ],
  each("date", {
    on_leap_day: "2024-02-29",
    day_before_leap_day: "2024-02-28",
    day_after_leap_day: "2024-03-01",
    leap_year_new_years_eve: "2024-12-31",
    skips_2100: "2097-03-01",
    year_2000_counts: "1999-05-05",
    from_1896: "1896-03-01",
    common_year_january: "2027-01-01",
  }));

spec("seconds_between_clock_times",
  "How many seconds from one clock time to another (both HH:MM:SS, 24-hour). When the end is earlier than the start it is on the next day (the count goes past midnight); equal times give 0.",
  obj({ start: HHMMSS, end: HHMMSS }), COUNT,
  [
    { start: "09:15:00", end: "09:47:30" },
    { start: "23:59:50", end: "00:00:10" },
  ],
  {
    equal_times: { start: "12:00:00", end: "12:00:00" },
    one_second: { start: "12:00:00", end: "12:00:01" },
    one_second_back: { start: "12:00:01", end: "12:00:00" },
    whole_day_minus_one: { start: "00:00:00", end: "23:59:59" },
    midnight_to_noon: { start: "00:00:00", end: "12:00:00" },
    across_hour: { start: "10:59:58", end: "11:00:03" },
    evening_to_morning: { start: "22:30:00", end: "06:15:45" },
    to_midnight: { start: "18:00:00", end: "00:00:00" },
  });

// ---- keyed results and lookups (5) ------------------------------------------------------------------

const staffHours = (...r) => rows(["name", "hours"], ...r);
spec("tip_pool_by_hours",
  "Share the tip pool among the staff by hours worked: each person gets pool * their hours / everyone's hours, rounded to cents (2 decimals). A name listed more than once is one person whose hours are added up. When nobody worked any hours everyone gets 0. An object from each name to its share; {} for no staff.",
  obj({ pool: NONNEG, staff: arr(obj({ name: "string", hours: NONNEG })) }), mapOf(T("number")),
  [
    { pool: 300, staff: staffHours(["Ana", 6], ["Ben", 4], ["Cleo", 10]) },
    { pool: 184.5, staff: staffHours(["Dev", 8], ["Eun", 5]) },
  ],
  {
    no_staff: { pool: 100, staff: [] },
    nobody_worked: { pool: 100, staff: staffHours(["Fay", 0], ["Gus", 0]) },
    empty_pool: { pool: 0, staff: staffHours(["Hal", 5], ["Ivy", 3]) },
    one_person: { pool: 77.77, staff: staffHours(["Jo", 2]) },
    name_twice: { pool: 120, staff: staffHours(["Kai", 3], ["Lu", 3], ["Kai", 3]) },
    someone_with_zero: { pool: 90, staff: staffHours(["Mo", 0], ["Ned", 4.5], ["Oli", 4.5]) },
    thirds: { pool: 100, staff: staffHours(["P", 1], ["Q", 1], ["R", 1]) },
    big_team: { pool: 642.3, staff: staffHours(["S", 7.5], ["T", 8], ["U", 4], ["V", 6.25], ["W", 8], ["X", 3]) },
  });

spec("tally_answers_ignoring_case",
  "Count the answers to a survey question: answers are the same when they match ignoring upper/lower case and spaces at either end. An object from each answer, in lower case without the spaces at either end, to how many times it was given. Blank answers are not counted. {} for no answers.",
  obj({ answers: arr("string") }), mapOf(COUNT),
  [
    { answers: ["Yes", "no", "YES", "Maybe", "yes"] },
    { answers: ["Blue", "Green", "blue "] },
  ],
  each("answers", {
    no_answers: [],
    only_blank: ["", "   "],
    one_answer: ["Coffee"],
    spaces_around: ["  tea", "tea  ", "Tea"],
    inner_spaces_differ: ["ice cream", "icecream", "Ice Cream"],
    all_different: ["a", "b", "c"],
    with_digits: ["Option 1", "option 1", "OPTION 2"],
    many_answers: ["red", "Red", "blue", "RED", "green", "", "Blue", "red ", "yellow", "GREEN"],
  }));

spec("glossary_replaced_text",
  "Replace words using a glossary: a word (a run of the letters A-Z or a-z) that is a key of the glossary, compared ignoring upper/lower case, is replaced by that key's value exactly as written in the glossary; every other word and all spaces, digits and punctuation stay as they are. (No two glossary keys differ only in case.)",
  obj({ text: "string", glossary: mapOf(T("string")) }), T("string"),
  [
    { text: "Meet me at the car park by the lift.", glossary: { "lift": "elevator", "car": "parking" } },
    { text: "ASAP please, FYI the report is late", glossary: { "asap": "as soon as possible", "fyi": "for your information" } },
  ],
  {
    empty_text: { text: "", glossary: { "a": "b" } },
    empty_glossary: { text: "Nothing changes here.", glossary: {} },
    part_of_word_not_replaced: { text: "carpet car cars", glossary: { "car": "auto" } },
    case_of_replacement_kept: { text: "Colour colour COLOUR", glossary: { "colour": "color" } },
    punctuation_around: { text: "(lift)! lift? lift.", glossary: { "lift": "elevator" } },
    digits_split_words: { text: "flat2 flat 2flat", glossary: { "flat": "apartment" } },
    replacement_with_spaces: { text: "see you tmrw", glossary: { "tmrw": "to  morrow" } },
    replaced_value_not_replaced_again: { text: "a b", glossary: { "a": "b", "b": "c" } },
    glossary_key_in_capitals: { text: "the nhs and the Nhs", glossary: { "NHS": "National Health Service" } },
  });

const readings = (...r) => rows(["sensor", "value"], ...r);
spec("min_max_per_sensor",
  "The lowest and highest reading of each sensor: an object from each sensor name (matched exactly as written) to {min, max} of its values. A sensor with one reading has min and max equal to it. {} for no readings.",
  obj({ readings: arr(obj({ sensor: "string", value: "number" })) }), mapOf(obj({ min: "number", max: "number" })),
  [
    { readings: readings(["kitchen", 21.5], ["garage", 12], ["kitchen", 23.1], ["kitchen", 20.8]) },
    { readings: readings(["t1", 5], ["t2", 7], ["t1", 9]) },
  ],
  each("readings", {
    no_readings: [],
    one_reading: readings(["attic", 30.2]),
    negatives: readings(["freezer", -18], ["freezer", -21.5], ["freezer", -17]),
    zero_values: readings(["x", 0], ["x", 0]),
    names_differ_in_case: readings(["Lab", 1], ["lab", 2]),
    same_value_repeated: readings(["s", 4], ["s", 4], ["s", 4]),
    crossing_zero: readings(["porch", 2], ["porch", -3], ["porch", 0.5]),
    many_sensors: readings(["a", 3], ["b", 8], ["c", -1], ["a", 5], ["b", 2], ["c", -4], ["a", 1], ["d", 100], ["b", 8]),
  }));

spec("settings_from_env_strings",
  "Apply text overrides (as from environment variables) to default settings. The result has exactly the keys of defaults. For a key that also appears in overrides: a text default is replaced by the override as written; a number default is replaced by the override's number when the override, with spaces at either end removed, is a plain decimal number (digits, an optional leading minus, an optional point followed by digits, like 8080, -2 or 0.75), and otherwise kept; a true/false default is replaced when the override, trimmed and ignoring upper/lower case, is \"true\" or \"false\", and otherwise kept. Override keys that are not in defaults are ignored.",
  obj({ defaults: mapOf({ type: ["string", "number", "boolean"] }), overrides: mapOf(T("string")) }), mapOf({ type: ["string", "number", "boolean"] }),
  [
    { defaults: { port: 8080, host: "localhost", debug: false }, overrides: { port: "9000", debug: "true" } },
    { defaults: { workers: 4, name: "api", verbose: true }, overrides: { workers: "many", name: "billing", extra: "1" } },
  ],
  {
    no_overrides: { defaults: { a: 1, b: "x", c: true }, overrides: {} },
    empty_defaults: { defaults: {}, overrides: { a: "1" } },
    spaces_around_number: { defaults: { port: 80 }, overrides: { port: " 443 " } },
    negative_and_decimal: { defaults: { offset: 0, ratio: 1 }, overrides: { offset: "-2", ratio: "0.75" } },
    not_plain_numbers: { defaults: { a: 1, b: 2, c: 3, d: 4 }, overrides: { a: "1e3", b: "", c: ".5", d: "12px" } },
    boolean_case_and_spaces: { defaults: { x: false, y: true }, overrides: { x: " TRUE ", y: "False" } },
    boolean_not_understood: { defaults: { x: false, y: true }, overrides: { x: "yes", y: "0" } },
    text_override_kept_as_written: { defaults: { greeting: "hi" }, overrides: { greeting: "  hello there " } },
    empty_text_override: { defaults: { suffix: "-prod" }, overrides: { suffix: "" } },
  });

// ---- small algorithms (3) ---------------------------------------------------------------------------

spec("collatz_steps",
  "How many steps the Collatz rule takes to bring n down to 1: at each step, an even number is halved and an odd number becomes 3 * n + 1. Count the steps until the number is 1; n = 1 takes 0 steps.",
  obj({ n: { type: "integer", minimum: 1, maximum: 1000000 } }), COUNT,
  [
    { n: 6 },
    { n: 7 },
  ],
  each("n", {
    one: 1,
    two: 2,
    three: 3,
    power_of_two: 1024,
    twenty_seven: 27,
    ninety_seven: 97,
    big_number: 837799,
    one_hundred: 100,
  }));

spec("look_and_say_next",
  "The next term of the look-and-say sequence: read the digits aloud in groups of the same digit next to each other, and write each group as how many, then the digit (\"1211\" is one 1, one 2, two 1s, so \"111221\"). An empty text gives an empty text.",
  obj({ digits: { type: "string", pattern: "^[0-9]*$" } }), T("string"),
  [
    { digits: "1211" },
    { digits: "21" },
  ],
  each("digits", {
    empty: "",
    one: "1",
    run_of_three: "222",
    long_run: "5555555555",
    zeros: "00100",
    all_different: "9876",
    next_of_111221: "111221",
    mixed: "3322251",
  }));

spec("pascal_triangle_row",
  "Row number row of Pascal's triangle, counting the top row [1] as row 0: each row starts and ends with 1 and every other number is the sum of the two numbers above it (row 2 is [1, 2, 1]).",
  obj({ row: { type: "integer", minimum: 0, maximum: 40 } }), arr("integer"),
  [
    { row: 4 },
    { row: 1 },
  ],
  each("row", {
    top_row: 0,
    row_two: 2,
    row_five: 5,
    row_six: 6,
    row_ten: 10,
    row_twenty: 20,
    row_thirty: 30,
    row_forty: 40,
  }));
