// The specs of tests/fixtures/specs/holdout3 without their outputs: description, schemas and the
// inputs of the examples and the named tests. scripts/make-holdout3-specs.mjs adds the outputs.

import { T, obj, arr, HHMM, ISO_DATE, rows } from "./spec-schemas.mjs";
const NONNEG = { type: "number", minimum: 0 };
const COUNT = { type: "integer", minimum: 0 };
/** One single-field input per value: each("miles", {zero: 0}) -> {zero: {miles: 0}}. */
const each = (field, named) => Object.fromEntries(Object.entries(named).map(([name, v]) => [name, { [field]: v }]));

export const SPECS = [];
const spec = (capability, description, inputSchema, outputSchema, examples, tests) =>
  SPECS.push({ capability, description, inputSchema, outputSchema, examples, tests });

// ---- arithmetic on records ---------------------------------------------------------------------

spec("ounces_to_grams",
  "A weight in ounces converted to grams, rounded to 1 decimal.",
  obj({ ounces: NONNEG }), T("number"),
  [{ ounces: 1 }, { ounces: 8 }, { ounces: 16 }],
  each("ounces", { zero: 0, half: 0.5, quarter: 0.25, three: 3, twelve: 12, pound_and_a_half: 24, big_bag: 100, eighth: 0.125, thousand: 1000 }));

spec("kmh_to_knots",
  "A speed in km/h converted to knots, rounded to 1 decimal.",
  obj({ kmh: NONNEG }), T("number"),
  [{ kmh: 100 }, { kmh: 50 }],
  each("kmh", { zero: 0, one: 1, walking: 5, one_knot: 1.852, cruise: 900, harbour_limit: 9.26, twenty_five: 25, fraction: 37.5, sixty: 60 }));

spec("sqft_to_square_metres",
  "A floor area in square feet converted to square metres, rounded to 2 decimals.",
  obj({ square_feet: NONNEG }), T("number"),
  [{ square_feet: 100 }, { square_feet: 500 }, { square_feet: 1000 }],
  each("square_feet", { zero: 0, one: 1, small_room: 120, studio: 450.5, house: 2150, tiny: 2.25, office: 10000, ten: 10 }));

spec("mpg_to_litres_per_100km",
  "A car's fuel economy in US miles per gallon converted to litres per 100 km, rounded to 1 decimal.",
  obj({ mpg: { type: "number", exclusiveMinimum: 0 } }), T("number"),
  [{ mpg: 30 }, { mpg: 25 }, { mpg: 40 }],
  each("mpg", { thirsty_truck: 12, hybrid: 55, one: 1, fraction: 22.5, hundred: 100, twenty: 20, thirty_five: 35, eighteen: 18 }));

const SET = ["reps", "weight_kg"];
spec("workout_volume_kg",
  "Total weight lifted in a workout: reps times weight_kg, summed over every set of every exercise; 0 for a workout with no sets.",
  obj({ date: ISO_DATE, exercises: arr(obj({ name: "string", sets: arr(obj({ reps: COUNT, weight_kg: NONNEG })) })) }), T("number"),
  [
    { date: "2025-03-03", exercises: [{ name: "squat", sets: rows(SET, [5, 100], [5, 100]) }] },
    { date: "2025-03-05", exercises: [{ name: "bench", sets: rows(SET, [10, 60]) }, { name: "row", sets: rows(SET, [8, 50], [8, 50]) }] },
  ],
  {
    no_exercises: { date: "2025-03-07", exercises: [] },
    exercise_without_sets: { date: "2025-03-07", exercises: [{ name: "plank", sets: [] }] },
    zero_reps: { date: "2025-03-08", exercises: [{ name: "deadlift", sets: rows(SET, [0, 140], [3, 140]) }] },
    bodyweight_zero_kg: { date: "2025-03-09", exercises: [{ name: "pull-up", sets: rows(SET, [12, 0]) }] },
    quarter_plates: { date: "2025-03-10", exercises: [{ name: "curl", sets: rows(SET, [12, 12.5], [10, 13.75], [8, 15.25]) }] },
    pyramid: { date: "2025-03-11", exercises: [{ name: "press", sets: rows(SET, [12, 40], [10, 45], [8, 50], [6, 55], [4, 60]) }] },
    many_exercises: {
      date: "2025-03-12",
      exercises: [
        { name: "squat", sets: rows(SET, [5, 120], [5, 120], [5, 120]) },
        { name: "lunge", sets: rows(SET, [10, 20], [10, 20]) },
        { name: "calf raise", sets: rows(SET, [15, 35.5]) },
        { name: "leg curl", sets: rows(SET, [12, 27.5], [12, 27.5]) },
      ],
    },
    single_rep: { date: "2025-03-13", exercises: [{ name: "snatch", sets: rows(SET, [1, 72.5]) }] },
  });

spec("pace_seconds_per_km",
  "Running pace in seconds per kilometre, rounded to the nearest whole second (halves up), for a run of distance_km km that took time (H:MM:SS).",
  obj({ distance_km: { type: "number", exclusiveMinimum: 0 }, time: { type: "string", pattern: "^[0-9]+:[0-5][0-9]:[0-5][0-9]$" } }), T("integer"),
  [{ distance_km: 5, time: "0:25:00" }, { distance_km: 10, time: "0:50:00" }, { distance_km: 21.1, time: "1:45:30" }],
  {
    marathon: { distance_km: 42.195, time: "3:30:00" }, one_km: { distance_km: 1, time: "0:04:07" }, half_second_up: { distance_km: 2, time: "0:06:41" },
    over_an_hour: { distance_km: 12, time: "1:02:18" }, short_fast: { distance_km: 0.4, time: "0:01:06" }, slow_walk: { distance_km: 3, time: "0:33:20" },
    quarter_km: { distance_km: 0.25, time: "0:00:55" }, ultra: { distance_km: 100, time: "11:47:09" }, four_km: { distance_km: 4, time: "0:19:58" },
  });

spec("savings_after_years",
  "Balance of a savings account after `years` years of yearly compound interest at rate_percent on the deposit, rounded to 2 decimals at the end only.",
  obj({ deposit: NONNEG, rate_percent: NONNEG, years: COUNT }), T("number"),
  [{ deposit: 1000, rate_percent: 5, years: 1 }, { deposit: 1000, rate_percent: 5, years: 2 }, { deposit: 500, rate_percent: 10, years: 3 }],
  {
    zero_years: { deposit: 750, rate_percent: 4, years: 0 }, zero_rate: { deposit: 1200, rate_percent: 0, years: 10 }, zero_deposit: { deposit: 0, rate_percent: 3, years: 5 },
    ten_years: { deposit: 2000, rate_percent: 3.5, years: 10 }, thirty_years: { deposit: 10000, rate_percent: 7, years: 30 }, small_rate: { deposit: 100, rate_percent: 0.25, years: 4 },
    cents_deposit: { deposit: 99.99, rate_percent: 2, years: 3 }, doubling: { deposit: 1000, rate_percent: 100, years: 3 }, one_year_odd: { deposit: 340, rate_percent: 4.5, years: 1 },
  });

const LINE = ["sku", "qty", "unit_price", "discount_percent"];
const noDiscount = (sku, qty, unit_price) => ({ sku, qty, unit_price });
spec("order_total_line_discounts",
  "An order's total: each line's qty times unit_price, less that line's discount_percent (a line with no discount_percent has none), summed and rounded to 2 decimals.",
  obj({ lines: arr(obj({ sku: "string", qty: COUNT, unit_price: NONNEG, "discount_percent?": { type: "number", minimum: 0, maximum: 100 } })) }), T("number"),
  [
    { lines: rows(LINE, ["MUG-1", 2, 10, 10], ["TEE-4", 1, 20, 0]) },
    { lines: [noDiscount("CAP-2", 3, 15)] },
  ],
  {
    empty: { lines: [] },
    all_missing_discount: { lines: [noDiscount("A", 2, 4.5), noDiscount("B", 1, 0.99)] },
    mixed_missing: { lines: [...rows(LINE, ["A", 4, 12.5, 25]), noDiscount("B", 2, 7.25)] },
    full_discount: { lines: rows(LINE, ["FREE", 3, 9.99, 100], ["PAID", 1, 5, 0]) },
    zero_qty: { lines: rows(LINE, ["A", 0, 50, 10], ["B", 1, 8, 50]) },
    odd_percent: { lines: rows(LINE, ["A", 3, 19.99, 15]) },
    many_lines: { lines: [...rows(LINE, ["A", 1, 100, 12.5], ["B", 6, 2.4, 5], ["C", 10, 0.35, 20]), noDiscount("D", 2, 49), ...rows(LINE, ["E", 5, 3.3, 30])] },
    rounds_half_cent: { lines: rows(LINE, ["A", 1, 0.25, 50]) },
    small_discount: { lines: rows(LINE, ["A", 7, 1.5, 2]) },
  });

const EXP = ["what", "amount", "currency"];
spec("expenses_in_euros",
  "Total of a trip's expenses in euros, rounded to 2 decimals: an amount in EUR counts as it is, any other amount is multiplied by its currency's rate in rates (euros per unit of that currency).",
  obj({ expenses: arr(obj({ what: "string", amount: NONNEG, currency: { type: "string", pattern: "^[A-Z]{3}$" } })), rates: { type: "object", additionalProperties: { type: "number" } } }), T("number"),
  [
    { expenses: rows(EXP, ["hotel", 200, "EUR"], ["taxi", 50, "USD"]), rates: { USD: 0.9 } },
    { expenses: rows(EXP, ["train", 100, "GBP"]), rates: { GBP: 1.2, USD: 0.9 } },
  ],
  {
    no_expenses: { expenses: [], rates: { USD: 0.92 } },
    all_euros: { expenses: rows(EXP, ["lunch", 12.5, "EUR"], ["museum", 18, "EUR"]), rates: {} },
    unused_rates: { expenses: rows(EXP, ["coffee", 3.2, "EUR"]), rates: { USD: 0.92, JPY: 0.0061, CHF: 1.05 } },
    yen: { expenses: rows(EXP, ["ramen", 1200, "JPY"], ["hotel", 18000, "JPY"]), rates: { JPY: 0.0061 } },
    three_currencies: { expenses: rows(EXP, ["flight", 320.4, "USD"], ["hostel", 95, "CHF"], ["bus", 7.5, "EUR"], ["snacks", 14.75, "USD"]), rates: { USD: 0.92, CHF: 1.05 } },
    zero_amount: { expenses: rows(EXP, ["free tour", 0, "GBP"], ["tip", 5, "EUR"]), rates: { GBP: 1.17 } },
    rate_below_one: { expenses: rows(EXP, ["souvenir", 250, "CZK"]), rates: { CZK: 0.04 } },
    long_trip: {
      expenses: rows(EXP, ["hotel", 540, "EUR"], ["car", 310, "USD"], ["fuel", 88.6, "USD"], ["ferry", 64, "GBP"], ["meals", 212.3, "EUR"], ["parking", 36, "GBP"]),
      rates: { USD: 0.92, GBP: 1.17 },
    },
  });

spec("hotel_stay_total",
  "Cost of a hotel stay: the number of nights from check_in to check_out (ISO dates) times nightly_rate, plus cleaning_fee once; rounded to 2 decimals.",
  obj({ check_in: ISO_DATE, check_out: ISO_DATE, nightly_rate: NONNEG, cleaning_fee: NONNEG }), T("number"),
  [
    { check_in: "2025-06-10", check_out: "2025-06-12", nightly_rate: 100, cleaning_fee: 20 },
    { check_in: "2025-07-01", check_out: "2025-07-08", nightly_rate: 80, cleaning_fee: 0 },
  ],
  {
    one_night: { check_in: "2025-05-05", check_out: "2025-05-06", nightly_rate: 129.99, cleaning_fee: 15 },
    same_day: { check_in: "2025-05-05", check_out: "2025-05-05", nightly_rate: 90, cleaning_fee: 25 },
    across_month: { check_in: "2025-04-28", check_out: "2025-05-03", nightly_rate: 75.5, cleaning_fee: 30 },
    across_year: { check_in: "2024-12-30", check_out: "2025-01-02", nightly_rate: 210, cleaning_fee: 45 },
    leap_february: { check_in: "2024-02-27", check_out: "2024-03-01", nightly_rate: 60, cleaning_fee: 10 },
    plain_february: { check_in: "2025-02-27", check_out: "2025-03-01", nightly_rate: 60, cleaning_fee: 10 },
    month_long: { check_in: "2025-08-01", check_out: "2025-08-31", nightly_rate: 48.25, cleaning_fee: 60 },
    free_nights: { check_in: "2025-09-01", check_out: "2025-09-04", nightly_rate: 0, cleaning_fee: 35 },
    cents: { check_in: "2025-10-10", check_out: "2025-10-13", nightly_rate: 99.95, cleaning_fee: 12.5 },
  });

spec("sales_commission",
  "A salesperson's commission for the month: 5% of their total sales up to 10,000 plus 8% of the part of the total above 10,000; rounded to 2 decimals.",
  obj({ rep: "string", sales: arr(NONNEG) }), T("number"),
  [{ rep: "Dana", sales: [2000, 3000] }, { rep: "Eli", sales: [8000, 4000] }, { rep: "Fay", sales: [10000] }],
  {
    no_sales: { rep: "Gus", sales: [] }, one_small: { rep: "Hal", sales: [99.99] }, just_over: { rep: "Ivy", sales: [10000, 0.5] },
    way_over: { rep: "Jo", sales: [25000, 17500, 3200] }, many_small: { rep: "Kai", sales: [120, 340.5, 78.25, 910, 55, 1200, 66.6] },
    zero_sales: { rep: "Lou", sales: [0, 0] }, exactly_split: { rep: "Max", sales: [5000, 5000] }, big_month: { rep: "Ned", sales: [100000] },
  });

const APP = ["name", "watts", "hours_per_day"];
spec("appliance_running_cost",
  "Cost of running appliances for a 30-day month: each one's watts times hours_per_day times 30 days gives watt-hours, converted to kWh and priced at price_per_kwh; all appliances summed and rounded to 2 decimals.",
  obj({ appliances: arr(obj({ name: "string", watts: NONNEG, hours_per_day: { type: "number", minimum: 0, maximum: 24 } })), price_per_kwh: NONNEG }), T("number"),
  [
    { appliances: rows(APP, ["fridge", 100, 24]), price_per_kwh: 0.3 },
    { appliances: rows(APP, ["tv", 100, 5], ["lamp", 10, 10]), price_per_kwh: 0.25 },
  ],
  {
    none: { appliances: [], price_per_kwh: 0.3 },
    switched_off: { appliances: rows(APP, ["heater", 2000, 0]), price_per_kwh: 0.28 },
    free_power: { appliances: rows(APP, ["kettle", 3000, 0.25]), price_per_kwh: 0 },
    half_hour: { appliances: rows(APP, ["kettle", 2200, 0.5]), price_per_kwh: 0.31 },
    all_day: { appliances: rows(APP, ["server", 350, 24]), price_per_kwh: 0.2725 },
    household: {
      appliances: rows(APP, ["fridge", 150, 24], ["washer", 500, 1], ["laptop", 65, 8], ["router", 12, 24], ["oven", 2400, 0.75]),
      price_per_kwh: 0.34,
    },
    tiny_load: { appliances: rows(APP, ["charger", 5, 2]), price_per_kwh: 0.3 },
    fractional_watts: { appliances: rows(APP, ["led", 7.5, 6], ["clock", 1.5, 24]), price_per_kwh: 0.45 },
  });

const CART = ["sku", "qty", "per_carton"];
spec("cartons_needed",
  "How many cartons an order ships in: each line is packed on its own into cartons of per_carton units, needing one more carton for any remainder; total over all lines.",
  obj({ order: "string", lines: arr(obj({ sku: "string", qty: COUNT, per_carton: { type: "integer", minimum: 1 } })) }), T("integer"),
  [
    { order: "PO-1", lines: rows(CART, ["cups", 24, 12]) },
    { order: "PO-2", lines: rows(CART, ["plates", 10, 6], ["bowls", 5, 6]) },
  ],
  {
    no_lines: { order: "PO-3", lines: [] },
    zero_qty: { order: "PO-4", lines: rows(CART, ["forks", 0, 50]) },
    one_unit: { order: "PO-5", lines: rows(CART, ["tray", 1, 20]) },
    exact_fill: { order: "PO-6", lines: rows(CART, ["cans", 48, 24], ["jars", 30, 10]) },
    one_over: { order: "PO-7", lines: rows(CART, ["cans", 25, 24]) },
    one_per_carton: { order: "PO-8", lines: rows(CART, ["tv", 7, 1]) },
    remainders_not_pooled: { order: "PO-9", lines: rows(CART, ["red", 5, 10], ["blue", 5, 10], ["green", 5, 10]) },
    big_order: { order: "PO-10", lines: rows(CART, ["a", 1000, 36], ["b", 999, 100], ["c", 37, 12], ["d", 144, 144]) },
  });

spec("trimmed_mean_score",
  "A competitor's final score: the judges' marks with one highest and one lowest mark removed, averaged and rounded to 2 decimals; with fewer than 3 marks, the plain average (0 with no marks).",
  obj({ competitor: "string", marks: arr(NONNEG) }), T("number"),
  [{ competitor: "Ana", marks: [7, 8, 9] }, { competitor: "Ben", marks: [6, 9, 8, 10] }],
  {
    no_marks: { competitor: "Cy", marks: [] }, one_mark: { competitor: "Di", marks: [7.5] }, two_marks: { competitor: "Ed", marks: [6, 9.5] },
    all_equal: { competitor: "Flo", marks: [8, 8, 8, 8] }, ties_at_top: { competitor: "Gil", marks: [9, 9, 7, 8] },
    unsorted_five: { competitor: "Hana", marks: [8.5, 9.25, 7, 9.75, 8] }, six_marks: { competitor: "Ivo", marks: [5, 7, 6, 10, 6, 0] },
    seven_judges: { competitor: "Jun", marks: [9.1, 8.7, 9.4, 8.9, 9.0, 7.2, 9.8] }, zeros: { competitor: "Kim", marks: [0, 0, 0] },
  });

const ACT = ["name", "met", "minutes"];
spec("workout_calories",
  "Calories burned over the day's activities: for each, its MET value times body weight_kg times the hours it lasted (minutes / 60); summed and rounded to a whole number (halves up).",
  obj({ weight_kg: { type: "number", exclusiveMinimum: 0 }, activities: arr(obj({ name: "string", met: NONNEG, minutes: NONNEG })) }), T("integer"),
  [
    { weight_kg: 70, activities: rows(ACT, ["running", 10, 60]) },
    { weight_kg: 60, activities: rows(ACT, ["walking", 3, 30], ["cycling", 8, 30]) },
  ],
  {
    rest_day: { weight_kg: 80, activities: [] },
    zero_minutes: { weight_kg: 80, activities: rows(ACT, ["yoga", 2.5, 0]) },
    quarter_hour: { weight_kg: 64, activities: rows(ACT, ["rope", 12, 15]) },
    half_up: { weight_kg: 55, activities: rows(ACT, ["walk", 3, 30]) },
    odd_minutes: { weight_kg: 72.5, activities: rows(ACT, ["swim", 7, 37]) },
    full_day: { weight_kg: 91, activities: rows(ACT, ["walk", 3.5, 45], ["gym", 6, 50], ["bike", 7.5, 25], ["dance", 5, 40]) },
    light_person: { weight_kg: 45, activities: rows(ACT, ["hike", 6, 180]) },
    ten_minutes: { weight_kg: 75, activities: rows(ACT, ["stairs", 8.8, 10]) },
  });

const ASG = ["title", "earned", "possible"];
spec("assignment_percentage",
  "A student's overall percentage: total points earned over total points possible across all assignments, times 100, rounded to 1 decimal; 0 when no points were possible.",
  obj({ student: "string", assignments: arr(obj({ title: "string", earned: NONNEG, possible: NONNEG })) }), T("number"),
  [
    { student: "Mia", assignments: rows(ASG, ["essay", 8, 10], ["quiz", 9, 10]) },
    { student: "Noah", assignments: rows(ASG, ["lab", 45, 50]) },
  ],
  {
    none: { student: "Ola", assignments: [] },
    nothing_possible: { student: "Ola", assignments: rows(ASG, ["bonus", 0, 0]) },
    perfect: { student: "Pia", assignments: rows(ASG, ["a", 20, 20], ["b", 30, 30]) },
    zero_earned: { student: "Quin", assignments: rows(ASG, ["a", 0, 25]) },
    weighted_by_points: { student: "Rae", assignments: rows(ASG, ["quiz", 10, 10], ["exam", 50, 100]) },
    thirds: { student: "Sol", assignments: rows(ASG, ["a", 1, 3]) },
    half_up: { student: "Teo", assignments: rows(ASG, ["a", 1, 8], ["b", 2, 8]) },
    extra_credit: { student: "Uma", assignments: rows(ASG, ["a", 22, 20]) },
    many: { student: "Vik", assignments: rows(ASG, ["hw1", 9, 10], ["hw2", 7.5, 10], ["hw3", 0, 10], ["mid", 71, 100], ["proj", 38, 40], ["final", 88, 120]) },
  });

const tariff = (base_fare, per_km, per_minute, minimum_fare) => ({ base_fare, per_km, per_minute, minimum_fare });
spec("taxi_fare",
  "A taxi fare: the tariff's base_fare plus per_km for each km plus per_minute for each minute of the ride, but never less than its minimum_fare; rounded to 2 decimals.",
  obj({ km: NONNEG, minutes: NONNEG, tariff: obj({ base_fare: NONNEG, per_km: NONNEG, per_minute: NONNEG, minimum_fare: NONNEG }) }), T("number"),
  [
    { km: 10, minutes: 20, tariff: tariff(3, 1.5, 0.25, 8) },
    { km: 2, minutes: 5, tariff: tariff(3, 1.5, 0.25, 8) },
  ],
  {
    no_ride: { km: 0, minutes: 0, tariff: tariff(2.5, 1.2, 0.3, 6) },
    exactly_minimum: { km: 2, minutes: 4, tariff: tariff(2, 1.5, 0.25, 6) },
    just_above_minimum: { km: 2.1, minutes: 4, tariff: tariff(2, 1.5, 0.25, 6) },
    no_minimum: { km: 0.5, minutes: 2, tariff: tariff(2.2, 1.1, 0.4, 0) },
    stuck_in_traffic: { km: 1.5, minutes: 55, tariff: tariff(3.5, 1.8, 0.45, 9) },
    airport: { km: 42.6, minutes: 48, tariff: tariff(4, 1.95, 0.35, 10) },
    no_time_charge: { km: 12.25, minutes: 30, tariff: tariff(3, 2, 0, 7) },
    high_minimum: { km: 5, minutes: 10, tariff: tariff(1, 1, 0.1, 25) },
  });

spec("library_fine",
  "Fine for a library book: 0.25 for every day it was returned after its due date (ISO dates), but never more than 10; 0 when returned on time or early.",
  obj({ title: "string", due: ISO_DATE, returned: ISO_DATE }), T("number"),
  [
    { title: "Dune", due: "2025-03-10", returned: "2025-03-14" },
    { title: "Emma", due: "2025-03-10", returned: "2025-03-08" },
  ],
  {
    on_due_date: { title: "Ulysses", due: "2025-05-01", returned: "2025-05-01" },
    one_day: { title: "Beloved", due: "2025-05-01", returned: "2025-05-02" },
    across_month: { title: "Ivanhoe", due: "2025-01-30", returned: "2025-02-02" },
    across_year: { title: "Kim", due: "2024-12-28", returned: "2025-01-03" },
    leap_day: { title: "Walden", due: "2024-02-28", returned: "2024-03-01" },
    at_cap: { title: "Middlemarch", due: "2025-06-01", returned: "2025-07-11" },
    over_cap: { title: "War and Peace", due: "2025-01-01", returned: "2025-06-30" },
    just_under_cap: { title: "Rebecca", due: "2025-06-01", returned: "2025-07-10" },
    long_early: { title: "Persuasion", due: "2025-09-30", returned: "2025-08-01" },
  });

spec("tank_refill_litres",
  "Litres needed to fill a fuel tank: capacity_litres times the empty part of the tank (100 minus gauge_percent, as a percentage), rounded to 1 decimal.",
  obj({ capacity_litres: NONNEG, gauge_percent: { type: "number", minimum: 0, maximum: 100 } }), T("number"),
  [{ capacity_litres: 50, gauge_percent: 50 }, { capacity_litres: 60, gauge_percent: 25 }],
  {
    empty: { capacity_litres: 45, gauge_percent: 0 }, full: { capacity_litres: 45, gauge_percent: 100 }, eighth_left: { capacity_litres: 64, gauge_percent: 12.5 },
    odd_percent: { capacity_litres: 52, gauge_percent: 37 }, motorbike: { capacity_litres: 14.5, gauge_percent: 20 }, lorry: { capacity_litres: 400, gauge_percent: 63 },
    half_up: { capacity_litres: 50, gauge_percent: 87.5 }, nearly_full: { capacity_litres: 70, gauge_percent: 99 }, third: { capacity_litres: 48, gauge_percent: 33 },
  });

spec("unit_price_per_100g",
  "Shelf-label unit price: a pack's price per 100 g, rounded to 2 decimals; size is in grams when unit is 'g' and in kilograms when unit is 'kg'.",
  obj({ product: "string", price: NONNEG, size: { type: "number", exclusiveMinimum: 0 }, unit: { type: "string", enum: ["g", "kg"] } }), T("number"),
  [
    { product: "coffee", price: 5, size: 250, unit: "g" },
    { product: "rice", price: 2, size: 1, unit: "kg" },
    { product: "tea", price: 3, size: 100, unit: "g" },
  ],
  {
    free_sample: { product: "crackers", price: 0, size: 40, unit: "g" },
    small_pack: { product: "saffron", price: 7.49, size: 2, unit: "g" },
    half_kilo: { product: "pasta", price: 1.35, size: 0.5, unit: "kg" },
    big_sack: { product: "flour", price: 11.99, size: 16, unit: "kg" },
    odd_grams: { product: "cheese", price: 4.29, size: 375, unit: "g" },
    exactly_100: { product: "chocolate", price: 1.99, size: 100, unit: "g" },
    quarter_kilo: { product: "butter", price: 2.25, size: 0.25, unit: "kg" },
    thirds: { product: "nuts", price: 1, size: 300, unit: "g" },
  });

// ---- filtering, sorting, grouping ----------------------------------------------------------------

const TRACK = ["title", "length"];
const M_SS = { type: "string", pattern: "^[0-9]+:[0-5][0-9]$" };
spec("tracks_over_minutes",
  "Titles of the tracks that last at least `minutes` minutes (length as m:ss), in playlist order.",
  obj({ minutes: COUNT, tracks: arr(obj({ title: "string", length: M_SS })) }), arr("string"),
  [
    { minutes: 5, tracks: rows(TRACK, ["Intro", "1:30"], ["Epic", "7:10"], ["Single", "3:45"]) },
    { minutes: 3, tracks: rows(TRACK, ["A", "3:20"], ["B", "2:50"]) },
  ],
  {
    empty_playlist: { minutes: 4, tracks: [] },
    exactly_on_limit: { minutes: 4, tracks: rows(TRACK, ["On", "4:00"], ["Under", "3:59"], ["Over", "4:01"]) },
    zero_minutes: { minutes: 0, tracks: rows(TRACK, ["Silence", "0:00"], ["Jingle", "0:15"]) },
    none_long_enough: { minutes: 10, tracks: rows(TRACK, ["A", "9:59"], ["B", "5:00"]) },
    long_tracks: { minutes: 20, tracks: rows(TRACK, ["Suite", "23:45"], ["Jam", "19:59"], ["Opera", "120:00"]) },
    keeps_order: { minutes: 3, tracks: rows(TRACK, ["Z", "6:00"], ["A", "3:00"], ["M", "4:30"], ["B", "2:59"]) },
    same_title_twice: { minutes: 2, tracks: rows(TRACK, ["Echo", "2:10"], ["Echo", "2:10"], ["Short", "0:45"]) },
    all_qualify: { minutes: 1, tracks: rows(TRACK, ["One", "1:00"], ["Two", "1:01"], ["Three", "10:00"]) },
  });

const HOTEL = ["name", "price", "rating"];
spec("hotels_by_price_then_rating",
  "Hotel names from cheapest price per night to dearest; at the same price the higher rating comes first, and at the same price and rating they keep their list order.",
  obj({ city: "string", hotels: arr(obj({ name: "string", price: NONNEG, rating: { type: "number", minimum: 0, maximum: 5 } })) }), arr("string"),
  [
    { city: "Rome", hotels: rows(HOTEL, ["Roma Inn", 120, 4], ["Cheap Stay", 60, 3], ["Grand", 300, 5]) },
    { city: "Oslo", hotels: rows(HOTEL, ["Fjord", 150, 4.5], ["Nord", 150, 4]) },
  ],
  {
    no_hotels: { city: "Nowhere", hotels: [] },
    one_hotel: { city: "Bath", hotels: rows(HOTEL, ["Spa", 99, 4]) },
    rating_breaks_tie: { city: "Lyon", hotels: rows(HOTEL, ["B", 80, 3.5], ["A", 80, 4.5], ["C", 80, 4]) },
    full_tie_keeps_order: { city: "Gent", hotels: rows(HOTEL, ["Zed", 70, 4], ["Alpha", 70, 4], ["Mid", 70, 4]) },
    cheaper_beats_better: { city: "Nice", hotels: rows(HOTEL, ["Luxe", 200, 5], ["Basic", 199.99, 1]) },
    already_sorted: { city: "Pisa", hotels: rows(HOTEL, ["A", 50, 3], ["B", 60, 3], ["C", 70, 3]) },
    reversed: { city: "Bern", hotels: rows(HOTEL, ["C", 90, 2], ["B", 80, 2], ["A", 70, 2]) },
    mixed: {
      city: "Porto",
      hotels: rows(HOTEL, ["Ribeira", 110, 4.5], ["Hostel X", 25, 3.5], ["Douro", 110, 4.8], ["Casa", 75, 4], ["Bolhao", 25, 4.1], ["Sé", 75, 4]),
    },
    free_room: { city: "Camp", hotels: rows(HOTEL, ["Tent", 0, 2], ["Hut", 10, 3]) },
  });

const SPEND = ["date", "category", "amount"];
spec("expense_totals_by_category",
  "Spending per category as a list of {category, total}, totals rounded to 2 decimals, largest total first (equal totals in alphabetical order of category).",
  obj({ expenses: arr(obj({ date: ISO_DATE, category: "string", amount: NONNEG })) }),
  arr(obj({ category: "string", total: "number" })),
  [
    { expenses: rows(SPEND, ["2025-01-02", "food", 30], ["2025-01-03", "rent", 800], ["2025-01-05", "food", 20]) },
    { expenses: rows(SPEND, ["2025-02-01", "fun", 15]) },
  ],
  {
    no_expenses: { expenses: [] },
    tie_alphabetical: { expenses: rows(SPEND, ["2025-03-01", "travel", 50], ["2025-03-02", "books", 50], ["2025-03-03", "gym", 50]) },
    cents_add_up: { expenses: rows(SPEND, ["2025-03-01", "coffee", 0.1], ["2025-03-02", "coffee", 0.2], ["2025-03-03", "snacks", 0.3]) },
    zero_amount: { expenses: rows(SPEND, ["2025-03-04", "gifts", 0], ["2025-03-05", "food", 12.5]) },
    many: {
      expenses: rows(SPEND,
        ["2025-04-01", "food", 42.35], ["2025-04-01", "transport", 2.8], ["2025-04-02", "food", 18.9], ["2025-04-03", "utilities", 120],
        ["2025-04-04", "transport", 2.8], ["2025-04-05", "fun", 64], ["2025-04-06", "food", 57.25], ["2025-04-07", "transport", 45.6]),
    },
    one_category: { expenses: rows(SPEND, ["2025-05-01", "rent", 950], ["2025-06-01", "rent", 950]) },
    order_by_total_not_input: { expenses: rows(SPEND, ["2025-05-02", "books", 5], ["2025-05-03", "travel", 300], ["2025-05-04", "food", 45.5], ["2025-05-05", "books", 40]) },
    small_beats_none: { expenses: rows(SPEND, ["2025-05-04", "a", 0.01], ["2025-05-05", "b", 0]) },
  });

const LOAN = ["borrower", "title", "due", "returned"];
const unreturned = (borrower, title, due) => ({ borrower, title, due });
spec("late_return_borrowers",
  "Names of borrowers who returned at least one book after its due date (ISO dates), each name once, in alphabetical order; a loan not yet returned (no returned date) does not count.",
  obj({ loans: arr(obj({ borrower: "string", title: "string", due: ISO_DATE, "returned?": ISO_DATE })) }), arr("string"),
  [
    { loans: rows(LOAN, ["Sam", "Dune", "2025-03-01", "2025-03-05"], ["Ada", "Emma", "2025-03-01", "2025-02-28"]) },
    { loans: rows(LOAN, ["Zoe", "Kim", "2025-04-10", "2025-04-11"], ["Bob", "Odyssey", "2025-04-10", "2025-04-20"]) },
  ],
  {
    no_loans: { loans: [] },
    on_due_date: { loans: rows(LOAN, ["Cal", "Ivanhoe", "2025-05-01", "2025-05-01"]) },
    not_returned: { loans: [unreturned("Dee", "Walden", "2024-01-01")] },
    twice_late: { loans: rows(LOAN, ["Eve", "A", "2025-01-10", "2025-01-12"], ["Eve", "B", "2025-02-10", "2025-02-15"]) },
    late_and_on_time: { loans: rows(LOAN, ["Fin", "A", "2025-01-10", "2025-01-09"], ["Fin", "B", "2025-02-10", "2025-02-11"]) },
    across_year: { loans: rows(LOAN, ["Gia", "A", "2024-12-31", "2025-01-01"]) },
    all_early: { loans: rows(LOAN, ["Hu", "A", "2025-02-10", "2025-02-01"], ["Ida", "B", "2025-02-10", "2025-02-09"]) },
    mixed: {
      loans: [
        ...rows(LOAN, ["Olga", "A", "2025-06-01", "2025-06-03"], ["Ben", "B", "2025-06-01", "2025-05-30"], ["Abe", "C", "2025-06-05", "2025-06-30"]),
        unreturned("Carl", "D", "2025-06-01"),
        ...rows(LOAN, ["Mona", "E", "2025-06-02", "2025-06-02"], ["Olga", "F", "2025-07-01", "2025-07-04"]),
      ],
    },
  });

const EMP = ["name", "hired"];
spec("employees_hired_in_year",
  "Names of the employees hired in the given year (hired is an ISO date), earliest hire first; people hired on the same day keep their list order.",
  obj({ year: "integer", employees: arr(obj({ name: "string", hired: ISO_DATE })) }), arr("string"),
  [
    { year: 2023, employees: rows(EMP, ["Ann", "2023-05-01"], ["Raj", "2022-11-15"], ["Lin", "2023-02-10"]) },
    { year: 2022, employees: rows(EMP, ["Ann", "2023-05-01"], ["Raj", "2022-11-15"]) },
  ],
  {
    no_employees: { year: 2024, employees: [] },
    nobody_that_year: { year: 2019, employees: rows(EMP, ["A", "2020-01-01"], ["B", "2018-12-31"]) },
    year_edges: { year: 2021, employees: rows(EMP, ["Dec31", "2021-12-31"], ["Jan1", "2021-01-01"], ["Before", "2020-12-31"], ["After", "2022-01-01"]) },
    same_day: { year: 2024, employees: rows(EMP, ["Zack", "2024-03-04"], ["Amy", "2024-03-04"], ["Early", "2024-01-15"]) },
    all_that_year: { year: 2025, employees: rows(EMP, ["C", "2025-09-01"], ["B", "2025-06-01"], ["A", "2025-03-01"]) },
    old_year: { year: 1999, employees: rows(EMP, ["Vet", "1999-07-19"], ["New", "2024-07-19"]) },
    many: {
      year: 2020,
      employees: rows(EMP, ["P", "2020-11-02"], ["Q", "2019-11-02"], ["R", "2020-02-29"], ["S", "2020-06-30"], ["T", "2021-02-01"], ["U", "2020-06-03"]),
    },
    same_month_day_other_year: { year: 2023, employees: rows(EMP, ["Old", "2013-04-04"], ["Now", "2023-04-04"]) },
  });

const PLAY = ["artist", "track", "plays"];
spec("top_artist_by_plays",
  "The artist with the most plays in total across the listening history (on a tie, the alphabetically first artist); an empty string when the history is empty.",
  obj({ history: arr(obj({ artist: "string", track: "string", plays: COUNT })) }), T("string"),
  [
    { history: rows(PLAY, ["Adele", "Hello", 10], ["Queen", "Bohemian Rhapsody", 7]) },
    { history: rows(PLAY, ["Queen", "Bohemian Rhapsody", 7], ["Adele", "Hello", 3], ["Queen", "Radio Ga Ga", 2]) },
  ],
  {
    empty: { history: [] },
    one_entry: { history: rows(PLAY, ["Bjork", "Joga", 1]) },
    sum_beats_single_hit: { history: rows(PLAY, ["Hitmaker", "Big One", 50], ["Steady", "A", 20], ["Steady", "B", 20], ["Steady", "C", 11]) },
    tie_alphabetical: { history: rows(PLAY, ["Muse", "Uprising", 9], ["Blur", "Song 2", 9]) },
    tie_after_summing: { history: rows(PLAY, ["Yes", "Roundabout", 4], ["Abba", "SOS", 3], ["Yes", "Owner", 1], ["Abba", "Waterloo", 2]) },
    zero_plays: { history: rows(PLAY, ["Nobody", "Silent", 0]) },
    many: {
      history: rows(PLAY,
        ["Radiohead", "Creep", 12], ["Beyonce", "Halo", 30], ["Radiohead", "Karma Police", 15], ["Drake", "Hotline", 8],
        ["Radiohead", "No Surprises", 6], ["Beyonce", "Formation", 2], ["Drake", "One Dance", 25]),
    },
    three_way_tie: { history: rows(PLAY, ["Sting", "Fields", 6], ["Eno", "Music", 6], ["Moby", "Porcelain", 6]) },
  });

const PAX = ["name", "seat"];
spec("passengers_by_seat",
  "Passenger names in seat order: by row number, then by seat letter (seats are written like '12C').",
  obj({ flight: "string", passengers: arr(obj({ name: "string", seat: { type: "string", pattern: "^[0-9]{1,2}[A-K]$" } })) }), arr("string"),
  [
    { flight: "BA12", passengers: rows(PAX, ["Ola", "3C"], ["Ken", "1A"], ["Ivy", "2B"]) },
    { flight: "LH4", passengers: rows(PAX, ["Tom", "5F"], ["Uma", "5A"]) },
  ],
  {
    no_passengers: { flight: "X1", passengers: [] },
    one_passenger: { flight: "X2", passengers: rows(PAX, ["Solo", "14D"]) },
    row_9_before_10: { flight: "X3", passengers: rows(PAX, ["Ten", "10A"], ["Nine", "9F"], ["Two", "2C"]) },
    same_row: { flight: "X4", passengers: rows(PAX, ["F", "7F"], ["C", "7C"], ["A", "7A"], ["D", "7D"]) },
    row_beats_letter: { flight: "X5", passengers: rows(PAX, ["Late", "12A"], ["Early", "11K"]) },
    already_in_order: { flight: "X6", passengers: rows(PAX, ["A", "1A"], ["B", "1B"], ["C", "2A"]) },
    full_cabin: {
      flight: "X7",
      passengers: rows(PAX, ["p1", "23B"], ["p2", "3A"], ["p3", "30F"], ["p4", "3F"], ["p5", "23A"], ["p6", "1C"], ["p7", "19E"], ["p8", "8B"]),
    },
    leading_zero_row: { flight: "X8", passengers: rows(PAX, ["Zero", "04C"], ["Three", "3D"], ["Five", "5A"]) },
  });

const ORD = ["id", "placed"];
spec("orders_between_dates",
  "Ids of the orders placed from `from` to `to`, both dates included (ISO dates), in list order.",
  obj({ from: ISO_DATE, to: ISO_DATE, orders: arr(obj({ id: "string", placed: ISO_DATE })) }), arr("string"),
  [
    { from: "2025-01-01", to: "2025-01-31", orders: rows(ORD, ["o1", "2025-01-15"], ["o2", "2025-02-02"], ["o3", "2024-12-30"]) },
    { from: "2025-03-01", to: "2025-03-02", orders: rows(ORD, ["o4", "2025-03-01"], ["o5", "2025-03-03"]) },
  ],
  {
    no_orders: { from: "2025-01-01", to: "2025-12-31", orders: [] },
    both_edges: { from: "2025-04-10", to: "2025-04-20", orders: rows(ORD, ["start", "2025-04-10"], ["end", "2025-04-20"], ["before", "2025-04-09"], ["after", "2025-04-21"]) },
    single_day: { from: "2025-05-05", to: "2025-05-05", orders: rows(ORD, ["a", "2025-05-05"], ["b", "2025-05-04"], ["c", "2025-05-05"]) },
    to_before_from: { from: "2025-06-10", to: "2025-06-01", orders: rows(ORD, ["a", "2025-06-05"]) },
    across_years: { from: "2024-12-15", to: "2025-01-15", orders: rows(ORD, ["x", "2025-01-01"], ["y", "2024-12-20"], ["z", "2024-11-30"]) },
    keeps_list_order: { from: "2025-07-01", to: "2025-07-31", orders: rows(ORD, ["late", "2025-07-30"], ["early", "2025-07-02"], ["mid", "2025-07-15"]) },
    none_inside: { from: "2025-08-01", to: "2025-08-31", orders: rows(ORD, ["a", "2025-07-31"], ["b", "2025-09-01"]) },
    leap_day: { from: "2024-02-28", to: "2024-03-01", orders: rows(ORD, ["leap", "2024-02-29"], ["march", "2024-03-02"]) },
  });

const COURSE = ["code", "capacity", "enrolled"];
spec("courses_with_free_seats",
  "Codes of the courses that still have free seats (capacity minus enrolled), most free seats first; equal numbers of free seats in alphabetical order of code.",
  obj({ courses: arr(obj({ code: "string", capacity: COUNT, enrolled: COUNT })) }), arr("string"),
  [
    { courses: rows(COURSE, ["MATH101", 30, 25], ["ART200", 20, 20], ["BIO110", 40, 10]) },
    { courses: rows(COURSE, ["CS50", 100, 99]) },
  ],
  {
    no_courses: { courses: [] },
    all_full: { courses: rows(COURSE, ["A1", 10, 10], ["B2", 5, 5]) },
    overbooked: { courses: rows(COURSE, ["HIST9", 20, 23], ["PHYS1", 20, 19]) },
    tie_by_code: { courses: rows(COURSE, ["ZOO1", 10, 5], ["ECON2", 30, 25], ["ART3", 8, 3]) },
    empty_course: { courses: rows(COURSE, ["NEW1", 15, 0], ["OLD1", 50, 40]) },
    zero_capacity: { courses: rows(COURSE, ["GHOST", 0, 0], ["REAL", 1, 0]) },
    many: {
      courses: rows(COURSE, ["CHEM1", 24, 20], ["LAW2", 60, 12], ["MUS3", 15, 15], ["GEO4", 30, 26], ["PE5", 40, 41], ["LIT6", 25, 13], ["ENG7", 18, 14]),
    },
    one_seat_each: { courses: rows(COURSE, ["c", 2, 1], ["a", 2, 1], ["b", 2, 1]) },
  });

const SALE = ["date", "amount"];
spec("best_sales_month",
  "The month (as 'YYYY-MM') with the highest total sales amount; on a tie the earlier month; an empty string when there are no sales.",
  obj({ sales: arr(obj({ date: ISO_DATE, amount: NONNEG })) }), T("string"),
  [
    { sales: rows(SALE, ["2025-01-05", 100], ["2025-02-10", 300], ["2025-01-20", 150]) },
    { sales: rows(SALE, ["2025-03-01", 50]) },
  ],
  {
    no_sales: { sales: [] },
    tie_earlier_month: { sales: rows(SALE, ["2025-06-01", 200], ["2025-05-01", 200]) },
    many_small_beat_one_big: { sales: rows(SALE, ["2025-07-01", 90], ["2025-08-01", 40], ["2025-08-02", 30], ["2025-08-03", 25]) },
    same_month_other_year: { sales: rows(SALE, ["2024-01-10", 100], ["2025-01-10", 80], ["2025-01-11", 30]) },
    year_order_in_tie: { sales: rows(SALE, ["2025-01-01", 70], ["2024-12-31", 70]) },
    zeros: { sales: rows(SALE, ["2025-09-09", 0], ["2025-10-10", 0]) },
    cents: { sales: rows(SALE, ["2025-04-01", 10.1], ["2025-04-02", 0.2], ["2025-05-01", 10.25]) },
    long_year: {
      sales: rows(SALE,
        ["2025-01-03", 420], ["2025-02-14", 980], ["2025-03-08", 310], ["2025-02-20", 150], ["2025-11-25", 1200],
        ["2025-12-20", 640], ["2025-12-24", 530], ["2025-03-30", 90]),
    },
  });

const STOP = ["stop", "address", "cancelled"];
const kept = (stop, address) => ({ stop, address });
spec("delivery_stops_in_order",
  "The day's delivery addresses in driving order (by stop number, lowest first), leaving out cancelled deliveries (cancelled: true; a delivery without the field is not cancelled).",
  obj({ driver: "string", deliveries: arr(obj({ stop: { type: "integer", minimum: 1 }, address: "string", "cancelled?": "boolean" })) }), arr("string"),
  [
    { driver: "Ravi", deliveries: [kept(2, "5 Oak St"), kept(1, "9 Elm Rd"), kept(3, "1 Pine Ave")] },
    { driver: "Jo", deliveries: rows(STOP, [1, "2 Mill Ln", false], [2, "8 Bay Rd", true]) },
  ],
  {
    no_deliveries: { driver: "Kit", deliveries: [] },
    all_cancelled: { driver: "Kit", deliveries: rows(STOP, [1, "A", true], [2, "B", true]) },
    stop_10_after_9: { driver: "Lee", deliveries: [kept(10, "Ten St"), kept(9, "Nine St"), kept(1, "One St")] },
    gaps_in_numbers: { driver: "Lee", deliveries: [kept(7, "G"), kept(3, "C"), kept(15, "O")] },
    mixed_flags: {
      driver: "Mo",
      deliveries: [kept(4, "4 High St"), ...rows(STOP, [1, "1 Low St", false], [3, "3 Mid St", true]), kept(2, "2 Side St"), ...rows(STOP, [5, "5 End Rd", false])],
    },
    single: { driver: "Ned", deliveries: [kept(1, "Depot")] },
    reversed: { driver: "Ned", deliveries: [kept(5, "E"), kept(4, "D"), kept(3, "C"), kept(2, "B"), kept(1, "A")] },
    cancelled_first_stop: { driver: "Pat", deliveries: [...rows(STOP, [1, "First", true]), kept(2, "Second")] },
  });

const LEAVE = ["employee", "start", "end", "status"];
spec("leave_days_by_employee",
  "Days of approved leave per employee: each request covers start to end, both days included (ISO dates, calendar days); requests not 'approved' are ignored, and an employee with no approved request is left out.",
  obj({ requests: arr(obj({ employee: "string", start: ISO_DATE, end: ISO_DATE, status: { type: "string", enum: ["approved", "pending", "rejected"] } })) }),
  { type: "object", additionalProperties: { type: "integer" } },
  [
    { requests: rows(LEAVE, ["Ana", "2025-07-01", "2025-07-05", "approved"], ["Ben", "2025-07-03", "2025-07-03", "approved"]) },
    { requests: rows(LEAVE, ["Ana", "2025-08-01", "2025-08-02", "approved"], ["Ana", "2025-09-10", "2025-09-12", "pending"]) },
  ],
  {
    no_requests: { requests: [] },
    only_pending: { requests: rows(LEAVE, ["Cy", "2025-01-01", "2025-01-10", "pending"], ["Di", "2025-02-01", "2025-02-02", "rejected"]) },
    two_requests_summed: { requests: rows(LEAVE, ["Eve", "2025-03-03", "2025-03-07", "approved"], ["Eve", "2025-04-14", "2025-04-17", "approved"]) },
    across_month: { requests: rows(LEAVE, ["Fox", "2025-05-29", "2025-06-02", "approved"]) },
    leap_february: { requests: rows(LEAVE, ["Gus", "2024-02-27", "2024-03-01", "approved"]) },
    across_year: { requests: rows(LEAVE, ["Hal", "2024-12-24", "2025-01-02", "approved"]) },
    mixed_team: {
      requests: rows(LEAVE,
        ["Ivy", "2025-06-02", "2025-06-06", "approved"], ["Jon", "2025-06-09", "2025-06-20", "rejected"], ["Ivy", "2025-07-01", "2025-07-01", "approved"],
        ["Kay", "2025-08-11", "2025-08-22", "approved"], ["Jon", "2025-09-01", "2025-09-03", "approved"], ["Kay", "2025-12-01", "2025-12-05", "pending"]),
    },
    single_day: { requests: rows(LEAVE, ["Lu", "2025-10-31", "2025-10-31", "approved"]) },
  });

const TX = ["id", "at", "amount"];
spec("latest_transactions",
  "Ids of the n most recent transactions (at is 'YYYY-MM-DD HH:MM'), newest first; transactions at the same time keep their list order; all of them when there are fewer than n.",
  obj({ n: COUNT, transactions: arr(obj({ id: "string", at: { type: "string", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}$" }, amount: "number" })) }), arr("string"),
  [
    { n: 2, transactions: rows(TX, ["t1", "2025-03-01 09:00", -20], ["t2", "2025-03-02 10:30", 100], ["t3", "2025-03-01 18:45", -5]) },
    { n: 1, transactions: rows(TX, ["a", "2025-01-01 00:00", 10], ["b", "2024-12-31 23:59", 20]) },
  ],
  {
    no_transactions: { n: 3, transactions: [] },
    n_zero: { n: 0, transactions: rows(TX, ["a", "2025-01-01 10:00", 1]) },
    fewer_than_n: { n: 5, transactions: rows(TX, ["old", "2025-01-01 10:00", 1], ["new", "2025-02-01 10:00", 2]) },
    same_minute: { n: 2, transactions: rows(TX, ["x", "2025-04-04 12:00", 1], ["y", "2025-04-04 12:00", 2], ["z", "2025-04-04 11:59", 3]) },
    same_day_by_time: { n: 3, transactions: rows(TX, ["morning", "2025-05-05 08:15", -3], ["night", "2025-05-05 22:40", -9], ["noon", "2025-05-05 12:00", 40], ["dawn", "2025-05-05 05:05", -1]) },
    across_years: { n: 2, transactions: rows(TX, ["y23", "2023-12-31 23:00", 5], ["y25", "2025-01-01 01:00", 5], ["y24", "2024-06-15 14:00", 5]) },
    exactly_n: { n: 3, transactions: rows(TX, ["c", "2025-06-03 10:00", 1], ["a", "2025-06-01 10:00", 1], ["b", "2025-06-02 10:00", 1]) },
    long_history: {
      n: 4,
      transactions: rows(TX,
        ["t01", "2025-07-01 09:10", -12.5], ["t02", "2025-07-03 17:20", -40], ["t03", "2025-07-02 08:00", 1500], ["t04", "2025-07-05 19:45", -8.2],
        ["t05", "2025-07-04 12:30", -60], ["t06", "2025-07-05 07:00", -3.1], ["t07", "2025-06-30 23:59", -15]),
    },
  });

const ALBUM = ["title", "artist", "year"];
spec("albums_by_decade",
  "Album titles grouped by the decade they came out in, keyed like '1990s' (1990 to 1999); each group keeps list order.",
  obj({ albums: arr(obj({ title: "string", artist: "string", year: { type: "integer", minimum: 1900 } })) }),
  { type: "object", additionalProperties: arr("string") },
  [
    { albums: rows(ALBUM, ["Nevermind", "Nirvana", 1991], ["Thriller", "Michael Jackson", 1982], ["OK Computer", "Radiohead", 1997]) },
    { albums: rows(ALBUM, ["21", "Adele", 2011]) },
  ],
  {
    no_albums: { albums: [] },
    decade_edges: { albums: rows(ALBUM, ["End", "X", 1989], ["Start", "Y", 1990], ["Last", "Z", 1999], ["Next", "W", 2000]) },
    two_thousands: { albums: rows(ALBUM, ["Elephant", "The White Stripes", 2003], ["Kid A", "Radiohead", 2000], ["In Rainbows", "Radiohead", 2007]) },
    keeps_order_in_group: { albums: rows(ALBUM, ["Later", "A", 1975], ["Earlier", "B", 1971], ["Middle", "C", 1973]) },
    old_and_new: { albums: rows(ALBUM, ["Kind of Blue", "Miles Davis", 1959], ["Renaissance", "Beyonce", 2022], ["Blue", "Joni Mitchell", 1971]) },
    same_title_twice: { albums: rows(ALBUM, ["Greatest Hits", "Queen", 1981], ["Greatest Hits", "ABBA", 1975]) },
    many: {
      albums: rows(ALBUM,
        ["Abbey Road", "The Beatles", 1969], ["Rumours", "Fleetwood Mac", 1977], ["Purple Rain", "Prince", 1984], ["Blonde", "Frank Ocean", 2016],
        ["Revolver", "The Beatles", 1966], ["Blue Lines", "Massive Attack", 1991], ["Lemonade", "Beyonce", 2016], ["The Wall", "Pink Floyd", 1979]),
    },
    year_1900: { albums: rows(ALBUM, ["Cylinder", "Anon", 1900], ["Shellac", "Anon", 1909]) },
  });

const ROOM = ["name", "capacity", "free"];
spec("rooms_fitting_group",
  "Names of the meeting rooms that are free and seat at least `people`, smallest capacity first (equal capacities in alphabetical order of name).",
  obj({ people: { type: "integer", minimum: 1 }, rooms: arr(obj({ name: "string", capacity: COUNT, free: "boolean" })) }), arr("string"),
  [
    { people: 4, rooms: rows(ROOM, ["Board", 12, true], ["Pod", 4, true], ["Den", 6, false]) },
    { people: 10, rooms: rows(ROOM, ["Hall", 50, true], ["Loft", 10, true]) },
  ],
  {
    no_rooms: { people: 2, rooms: [] },
    none_free: { people: 2, rooms: rows(ROOM, ["A", 10, false], ["B", 20, false]) },
    exactly_fits: { people: 8, rooms: rows(ROOM, ["Eight", 8, true], ["Seven", 7, true]) },
    too_big_group: { people: 100, rooms: rows(ROOM, ["Hall", 99, true]) },
    tie_by_name: { people: 3, rooms: rows(ROOM, ["Maple", 6, true], ["Cedar", 6, true], ["Birch", 4, true], ["Ash", 6, false]) },
    one_person: { people: 1, rooms: rows(ROOM, ["Booth", 1, true], ["Zero", 0, true], ["Two", 2, true]) },
    many: {
      people: 5,
      rooms: rows(ROOM, ["Orion", 20, true], ["Lyra", 5, false], ["Vega", 6, true], ["Atlas", 30, true], ["Nova", 5, true], ["Draco", 6, true], ["Ursa", 4, true]),
    },
    capacity_zero_people_fit: { people: 2, rooms: rows(ROOM, ["Closet", 0, true], ["Huddle", 3, true], ["Suite", 3, false]) },
  });

const CONTACT = ["name", "email"];
spec("contacts_deduplicated_by_email",
  "Contact names with duplicates dropped: a contact whose email (ignoring letter case and spaces around it) already appeared earlier in the list is left out; the rest keep list order.",
  obj({ contacts: arr(obj({ name: "string", email: "string" })) }), arr("string"),
  [
    { contacts: rows(CONTACT, ["Ann Lee", "ann@x.com"], ["Annie Lee", "ann@x.com"], ["Bo Chen", "bo@y.org"]) },
    { contacts: rows(CONTACT, ["Cy", "cy@z.net"], ["Di", "di@z.net"]) },
  ],
  {
    no_contacts: { contacts: [] },
    case_differs: { contacts: rows(CONTACT, ["Eve", "Eve@Mail.com"], ["Eve Two", "eve@mail.com"]) },
    spaces_around: { contacts: rows(CONTACT, ["Fin", " fin@a.io"], ["Fin B", "fin@a.io  "]) },
    same_name_other_email: { contacts: rows(CONTACT, ["Gus", "gus@a.io"], ["Gus", "gus@b.io"]) },
    three_copies: { contacts: rows(CONTACT, ["H1", "h@x.com"], ["Other", "o@x.com"], ["H2", "H@X.COM"], ["H3", " h@x.com "]) },
    all_same: { contacts: rows(CONTACT, ["A", "a@a.a"], ["B", "a@a.a"], ["C", "a@a.a"]) },
    similar_not_same: { contacts: rows(CONTACT, ["Jo", "jo@x.com"], ["Joe", "joe@x.com"], ["Jo2", "jo@x.co"]) },
    long_list: {
      contacts: rows(CONTACT,
        ["Kai", "kai@home.net"], ["Lia", "lia@work.com"], ["KAI", "KAI@home.net"], ["Mo", "mo@work.com"], ["Lia W", "lia@work.com"], ["Ned", "ned@home.net"]),
    },
  });

// ---- booleans over lists ---------------------------------------------------------------------------

const SUB = ["name", "submitted"];
spec("every_student_submitted",
  "Whether every student in the class has handed in the homework (true for a class with no students).",
  obj({ class: "string", students: arr(obj({ name: "string", submitted: "boolean" })) }), T("boolean"),
  [
    { class: "7B", students: rows(SUB, ["Ali", true], ["Bea", true]) },
    { class: "7C", students: rows(SUB, ["Cas", true], ["Dev", false], ["Eli", true]) },
  ],
  {
    empty_class: { class: "8A", students: [] },
    one_yes: { class: "8B", students: rows(SUB, ["Fay", true]) },
    one_no: { class: "8B", students: rows(SUB, ["Fay", false]) },
    last_missing: { class: "8C", students: rows(SUB, ["A", true], ["B", true], ["C", true], ["D", false]) },
    first_missing: { class: "8D", students: rows(SUB, ["A", false], ["B", true], ["C", true]) },
    none_submitted: { class: "8E", students: rows(SUB, ["A", false], ["B", false]) },
    big_class_all: { class: "9A", students: rows(SUB, ...Array.from({ length: 12 }, (_, i) => [`s${i + 1}`, true])) },
    big_class_one_missing: { class: "9B", students: rows(SUB, ...Array.from({ length: 12 }, (_, i) => [`s${i + 1}`, i !== 6])) },
  });

const SONG = ["title", "artist"];
spec("repeats_song_back_to_back",
  "Whether a playlist plays the same song twice in a row (same title and same artist as the song just before).",
  obj({ songs: arr(obj({ title: "string", artist: "string" })) }), T("boolean"),
  [
    { songs: rows(SONG, ["Yellow", "Coldplay"], ["Yellow", "Coldplay"]) },
    { songs: rows(SONG, ["Yellow", "Coldplay"], ["Clocks", "Coldplay"], ["Yellow", "Coldplay"]) },
  ],
  {
    empty: { songs: [] },
    one_song: { songs: rows(SONG, ["Hurt", "Johnny Cash"]) },
    same_title_other_artist: { songs: rows(SONG, ["Hurt", "Nine Inch Nails"], ["Hurt", "Johnny Cash"]) },
    same_artist_other_title: { songs: rows(SONG, ["Clocks", "Coldplay"], ["Fix You", "Coldplay"]) },
    repeat_at_end: { songs: rows(SONG, ["A", "X"], ["B", "X"], ["C", "Y"], ["C", "Y"]) },
    three_in_a_row: { songs: rows(SONG, ["Loop", "Z"], ["Loop", "Z"], ["Loop", "Z"]) },
    repeat_with_gap: { songs: rows(SONG, ["A", "X"], ["B", "Y"], ["A", "X"], ["B", "Y"]) },
    long_no_repeat: { songs: rows(SONG, ["1", "a"], ["2", "a"], ["3", "b"], ["1", "a"], ["4", "c"], ["2", "a"], ["5", "d"]) },
  });

const PLAYER = ["name", "position", "injured"];
const fit = (name, position) => ({ name, position });
spec("squad_has_goalkeeper",
  "Whether the match squad has at least one fit goalkeeper: a player with position 'GK' who is not injured (a player without an injured field is fit).",
  obj({ squad: arr(obj({ name: "string", position: { type: "string", enum: ["GK", "DF", "MF", "FW"] }, "injured?": "boolean" })) }), T("boolean"),
  [
    { squad: [fit("Alisson", "GK"), fit("Virgil", "DF")] },
    { squad: [fit("Kane", "FW"), fit("Rice", "MF")] },
  ],
  {
    empty: { squad: [] },
    keeper_injured: { squad: rows(PLAYER, ["Pope", "GK", true], ["Dias", "DF", false]) },
    keeper_fit_flag: { squad: rows(PLAYER, ["Pope", "GK", false]) },
    one_of_two_keepers_injured: { squad: [...rows(PLAYER, ["Raya", "GK", true]), fit("Ramsdale", "GK")] },
    injured_outfield_only: { squad: [...rows(PLAYER, ["Saka", "FW", true]), fit("Ederson", "GK")] },
    all_injured: { squad: rows(PLAYER, ["A", "GK", true], ["B", "DF", true]) },
    keeper_last: { squad: [fit("A", "DF"), fit("B", "DF"), fit("C", "MF"), fit("D", "FW"), fit("E", "GK")] },
    full_squad_no_keeper: { squad: [fit("A", "DF"), fit("B", "DF"), fit("C", "DF"), fit("D", "MF"), fit("E", "MF"), fit("F", "FW"), fit("G", "FW")] },
  });

spec("password_is_strong",
  "Whether a password is strong: at least 10 characters, with at least one lowercase letter (a-z), one uppercase letter (A-Z) and one digit, and no spaces.",
  obj({ password: "string" }), T("boolean"),
  [{ password: "Summer2025!" }, { password: "password" }, { password: "Abcdefghi1" }],
  each("password", {
    empty: "", nine_chars: "Abcdefgh1", no_digit: "Abcdefghijk", no_upper: "abcdefgh12", no_lower: "ABCDEFGH12",
    has_space: "Correct Horse 9", long_ok: "tr0ub4dor&3XYZpass", digits_only: "1234567890", symbols_ok: "#Pa55w0rd#!", space_at_end: "Abcdefghi12 ",
  }));

const SHIFT = ["day", "person"];
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const weekdays = (person) => DAYS.slice(0, 5).map((day) => [day, person]);
spec("weekdays_all_staffed",
  "Whether every weekday, Monday to Friday, has at least one shift in the rota (weekend shifts don't matter).",
  obj({ week: ISO_DATE, shifts: arr(obj({ day: { type: "string", enum: DAYS }, person: "string" })) }), T("boolean"),
  [
    { week: "2025-06-02", shifts: rows(SHIFT, ...weekdays("Sam")) },
    { week: "2025-06-09", shifts: rows(SHIFT, ["Monday", "Sam"], ["Tuesday", "Ava"]) },
  ],
  {
    no_shifts: { week: "2025-06-16", shifts: [] },
    friday_missing: { week: "2025-06-23", shifts: rows(SHIFT, ...weekdays("Sam").slice(0, 4), ["Saturday", "Ava"], ["Sunday", "Ava"]) },
    only_weekend: { week: "2025-06-30", shifts: rows(SHIFT, ["Saturday", "Sam"], ["Sunday", "Sam"]) },
    different_people: { week: "2025-07-07", shifts: rows(SHIFT, ["Friday", "E"], ["Thursday", "D"], ["Wednesday", "C"], ["Tuesday", "B"], ["Monday", "A"]) },
    doubled_days: { week: "2025-07-14", shifts: rows(SHIFT, ...weekdays("Sam"), ...weekdays("Ava"), ["Saturday", "Lee"]) },
    monday_missing: { week: "2025-07-21", shifts: rows(SHIFT, ...weekdays("Sam").slice(1)) },
    wednesday_twice_thursday_missing: { week: "2025-07-28", shifts: rows(SHIFT, ["Monday", "A"], ["Tuesday", "A"], ["Wednesday", "A"], ["Wednesday", "B"], ["Friday", "A"]) },
    whole_week: { week: "2025-08-04", shifts: rows(SHIFT, ...DAYS.map((d) => [d, "Kim"])) },
  });

spec("are_anagrams",
  "Whether two phrases are anagrams of each other: the same letters the same number of times, ignoring letter case, spaces and punctuation.",
  obj({ a: "string", b: "string" }), T("boolean"),
  [{ a: "listen", b: "silent" }, { a: "Dormitory", b: "dirty room" }, { a: "apple", b: "paper" }],
  {
    identical: { a: "stone", b: "stone" },
    different_counts: { a: "aab", b: "abb" },
    different_lengths: { a: "note", b: "tones" },
    punctuation: { a: "Madam Curie!", b: "radium came" },
    case_only: { a: "ABC", b: "cba" },
    long_phrases: { a: "The Morse Code", b: "Here come dots" },
    one_letter_off: { a: "conversation", b: "voices rant onx" },
    both_empty: { a: "", b: "" },
    one_empty: { a: "", b: "a" },
    apostrophe: { a: "A gentleman", b: "Elegant man's" },
  });

const LEG = ["from", "to"];
spec("route_is_round_trip",
  "Whether an itinerary ends where it started: the last leg arrives in the city the first leg departed from (false when there are no legs).",
  obj({ legs: arr(obj({ from: "string", to: "string" })) }), T("boolean"),
  [
    { legs: rows(LEG, ["London", "Paris"], ["Paris", "London"]) },
    { legs: rows(LEG, ["London", "Paris"], ["Paris", "Rome"]) },
  ],
  {
    no_legs: { legs: [] },
    one_leg: { legs: rows(LEG, ["Oslo", "Bergen"]) },
    one_leg_loop: { legs: rows(LEG, ["Oslo", "Oslo"]) },
    triangle: { legs: rows(LEG, ["Madrid", "Lisbon"], ["Lisbon", "Seville"], ["Seville", "Madrid"]) },
    passes_start_midway: { legs: rows(LEG, ["Berlin", "Prague"], ["Prague", "Berlin"], ["Berlin", "Vienna"]) },
    ends_at_second_city: { legs: rows(LEG, ["Rome", "Milan"], ["Milan", "Turin"], ["Turin", "Milan"]) },
    gap_in_the_middle: { legs: rows(LEG, ["Athens", "Sofia"], ["Bucharest", "Athens"]) },
    long_tour: { legs: rows(LEG, ["NYC", "Boston"], ["Boston", "Chicago"], ["Chicago", "Denver"], ["Denver", "LA"], ["LA", "NYC"]) },
  });

// ---- string reformatting ---------------------------------------------------------------------------

spec("uk_mobile_international",
  "A UK mobile number as people type it (with spaces, dashes or brackets, starting with 0, 44 or +44) written in international form as '+44 7XXX XXXXXX'.",
  obj({ phone: "string" }), T("string"),
  [{ phone: "07700 900123" }, { phone: "+44 7700 900456" }],
  each("phone", {
    no_spaces: "07911123456", dashes: "07911-123-456", brackets: "(07700) 900 789", plus_no_space: "+447400123456",
    forty_four_no_plus: "447400654321", odd_grouping: "0 7 7 0 0 9 0 0 0 0 1", plus_with_dashes: "+44-7123-456-789",
    leading_trailing_spaces: "  07555 012345  ", dotted: "07700.900.321",
  }));

spec("date_range_label",
  "A date range (ISO start and end dates) as a short label: '3-7 Mar 2025' when both are in the same month, '28 Feb - 3 Mar 2025' in the same year, '30 Dec 2024 - 2 Jan 2025' otherwise, and just '5 Mar 2025' for a single day; months as their first three letters, days without leading zeros.",
  obj({ start: ISO_DATE, end: ISO_DATE }), T("string"),
  [{ start: "2025-03-03", end: "2025-03-07" }, { start: "2025-02-28", end: "2025-03-03" }],
  {
    single_day: { start: "2025-03-05", end: "2025-03-05" },
    across_year: { start: "2024-12-30", end: "2025-01-02" },
    whole_month: { start: "2025-09-01", end: "2025-09-30" },
    two_days: { start: "2025-11-09", end: "2025-11-10" },
    june_to_july: { start: "2025-06-28", end: "2025-07-04" },
    whole_year: { start: "2026-01-01", end: "2026-12-31" },
    leap_day: { start: "2024-02-29", end: "2024-02-29" },
    years_apart: { start: "2023-05-15", end: "2025-05-15" },
    double_digit_days: { start: "2025-10-12", end: "2025-10-25" },
  });

spec("username_from_name",
  "A username made from a person's full name: the first letter of the first name followed by the last name, all lowercase, keeping only the letters a-z (hyphens, apostrophes and such are dropped); middle names are ignored.",
  obj({ full_name: "string" }), T("string"),
  [{ full_name: "Ada Lovelace" }, { full_name: "Alan Turing" }],
  each("full_name", {
    middle_name: "Grace Brewster Hopper", apostrophe: "Mary O'Neil", hyphenated_surname: "Ana Lopez-Garcia", capitals: "LINUS TORVALDS",
    extra_spaces: "  Tim   Berners-Lee ", hyphenated_first: "Anne-Marie Duff", two_middles: "John Ronald Reuel Tolkien", short: "Bo Li",
    mixed_case: "dONALD kNUTH",
  }));

spec("acronym",
  "An acronym for a phrase: the first letter of every word, uppercase, skipping the words 'of', 'and', 'the', 'for' and 'in' in any case; words are separated by spaces or hyphens.",
  obj({ phrase: "string" }), T("string"),
  [{ phrase: "Portable Network Graphics" }, { phrase: "Department of Motor Vehicles" }, { phrase: "as soon as possible" }],
  each("phrase", {
    one_word: "Radar", skipped_words: "The Royal Society for the Protection of Birds", hyphens: "peer-to-peer", and_skipped: "Bed and Breakfast",
    all_skipped: "of the", in_skipped: "Made in China", extra_spaces: "  frequently   asked  questions ", capital_skip_words: "Bank Of The West",
    empty: "", mixed_separators: "point-of-sale system",
  }));

spec("sentence_case",
  "Text in sentence case: the first letter in the text uppercase and every other letter lowercase; everything else unchanged.",
  obj({ text: "string" }), T("string"),
  [{ text: "hello world" }, { text: "THE QUICK BROWN FOX" }],
  each("text", {
    already: "Already fine", inverted: "hELLO tHERE", empty: "", leading_spaces: "   indented line", starts_with_digit: "3 LITTLE PIGS",
    pronoun_i: "i think I can", punctuation: "\"QUOTED\" words!", single_letter: "x", no_letters: "123 - 456",
  }));

spec("split_flight_number",
  "A flight number split into its airline code (the first 2 characters, uppercase) and its number (the rest, as an integer without leading zeros); spaces anywhere are ignored.",
  obj({ flight: "string" }), obj({ airline: "string", number: "integer" }),
  [{ flight: "BA 0123" }, { flight: "lh400" }],
  each("flight", {
    digit_in_code: "U2 8401", digit_first_code: "9W 117", one_digit: "LH 1", spaces_around: "  dl 45 ", four_digits: "AF1680",
    leading_zeros: "KL 0009", lowercase: "ua900", several_spaces: "EK  0203",
  }));

spec("postcode_outward_code",
  "The outward code of a UK postcode (the part before the space), uppercase; a postcode typed without a space ends in a 3-character inward code.",
  obj({ postcode: "string" }), T("string"),
  [{ postcode: "SW1A 1AA" }, { postcode: "M1 1AE" }],
  each("postcode", {
    no_space: "sw1a1aa", short_no_space: "m11ae", three_chars: "B33 8TH", lowercase: "ec1a 1bb", padded: "  cr2 6xh ", london_w: "W1A0AX",
    four_chars: "DN55 1PT", double_space: "L1  8JQ", mixed_case: "Eh1 1yZ",
  }));

spec("hex_to_rgb_label",
  "A CSS hex colour ('#ffa500', or the short form '#fa0' where each digit is doubled; any letter case) written as 'rgb(255, 165, 0)'.",
  obj({ hex: { type: "string", pattern: "^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$" } }), T("string"),
  [{ hex: "#ff0000" }, { hex: "#00FF00" }, { hex: "#fa0" }],
  each("hex", {
    black: "#000000", white_short: "#FFF", dodger_blue: "#1E90FF", mixed_case_short: "#AbC", small_values: "#010203", grey: "#808080",
    short_digits: "#123", mixed_case_long: "#c0FfEe", navy: "#000080",
  }));

spec("tag_list_from_csv",
  "Tags typed as comma-separated text turned into a list: each tag trimmed and lowercased, empty ones dropped, and a tag that already appeared kept only the first time.",
  obj({ text: "string" }), arr("string"),
  [{ text: "Red, green, BLUE" }, { text: "travel,food" }],
  each("text", {
    empty: "", only_commas: ",, ,", duplicates_any_case: "a,A, a ,b", single: "Summer", spaces_inside: " road trip , city break ",
    blank_between: "x,,y", trailing_comma: "news, sport,", symbols: "c++, C#, .net", many: "js, TS, node, JS, deno, ts, bun",
  }));

spec("iso_duration_to_minutes",
  "An ISO 8601 duration made of hours, minutes and seconds (such as 'PT1H30M', 'PT45M', 'PT2H', 'PT90S' or 'PT1M30S') in minutes, rounded to 2 decimals.",
  obj({ duration: { type: "string", pattern: "^PT([0-9]+H)?([0-9]+M)?([0-9]+S)?$" } }), T("number"),
  [{ duration: "PT1H30M" }, { duration: "PT45M" }],
  each("duration", {
    hours_only: "PT2H", seconds_only: "PT90S", minutes_and_seconds: "PT1M30S", all_three: "PT2H5M10S", zero: "PT0S", quarter_minute: "PT15S",
    third_of_minute: "PT20S", many_minutes: "PT100M", long_day: "PT24H", hour_and_seconds: "PT1H45S",
  }));

spec("bump_minor_version",
  "The next minor release of a semantic version: minor number plus one and patch back to 0; a leading 'v' is kept and any pre-release or build suffix (after '-' or '+') is dropped.",
  obj({ version: { type: "string", pattern: "^v?[0-9]+\\.[0-9]+\\.[0-9]+([-+].*)?$" } }), T("string"),
  [{ version: "1.4.2" }, { version: "v2.0.0" }],
  each("version", {
    nine_to_ten: "1.9.7", zero_major: "0.0.1", prerelease: "1.0.0-beta.1", build: "3.2.1+build.5", prefixed_prerelease: "v4.15.3-rc.2",
    big_numbers: "12.99.100", already_zero_patch: "5.3.0", both: "2.7.9-alpha+exp.sha.5114f85",
  }));

spec("digits_spelled_out",
  "The digits of a code read out one at a time as English words separated by single spaces, skipping every character that is not a digit ('40-7' -> 'four zero seven').",
  obj({ code: "string" }), T("string"),
  [{ code: "123" }, { code: "905" }],
  each("code", {
    empty: "", no_digits: "ABC-XYZ", zeros: "000", all_digits: "9876543210", with_letters: "A1B2C3", with_spaces: "12 34",
    one_digit: "8", phone_like: "(020) 7946-0958",
  }));

spec("shift_clock_time",
  "A 24-hour clock time (HH:MM) moved by offset_hours hours (negative moves it back; fractions like 5.5 or 5.75 move it by 30 or 45 minutes), wrapping around midnight, as HH:MM.",
  obj({ time: HHMM, offset_hours: { type: "number", minimum: -12, maximum: 14 } }), HHMM,
  [{ time: "09:00", offset_hours: 2 }, { time: "14:30", offset_hours: -5 }],
  {
    no_offset: { time: "08:07", offset_hours: 0 }, past_midnight: { time: "23:30", offset_hours: 1 }, back_past_midnight: { time: "00:15", offset_hours: -1 },
    half_hour: { time: "12:00", offset_hours: 5.5 }, three_quarters: { time: "10:00", offset_hours: 5.75 }, negative_half: { time: "01:00", offset_hours: -9.5 },
    max_ahead: { time: "20:00", offset_hours: 14 }, max_behind: { time: "11:59", offset_hours: -12 }, lands_on_midnight: { time: "18:00", offset_hours: 6 },
    odd_minutes: { time: "12:34", offset_hours: -3.5 },
  });

spec("weekday_name",
  "The English name of the day of the week of an ISO date.",
  obj({ date: ISO_DATE }), T("string"),
  [{ date: "2024-03-15" }, { date: "2025-01-01" }],
  each("date", {
    leap_day: "2024-02-29", millennium: "2000-01-01", new_years_eve_1999: "1999-12-31", christmas_2025: "2025-12-25", epoch: "1970-01-01",
    moon_landing: "1969-07-20", far_future: "2100-03-01", sunday: "2023-01-01", saturday: "2025-06-14",
  }));

spec("count_label",
  "A count with its noun: the noun as given when the count is exactly 1, otherwise plural by adding 'es' to a noun ending in s, x, ch or sh and 's' to any other.",
  obj({ count: COUNT, noun: { type: "string", minLength: 1 } }), T("string"),
  [{ count: 3, noun: "apple" }, { count: 1, noun: "apple" }],
  {
    zero: { count: 0, noun: "item" }, box_plural: { count: 2, noun: "box" }, box_single: { count: 1, noun: "box" }, bus: { count: 4, noun: "bus" },
    church: { count: 5, noun: "church" }, dish: { count: 12, noun: "dish" }, class_single: { count: 1, noun: "class" }, zero_classes: { count: 0, noun: "class" },
    big_count: { count: 1000, noun: "ticket" }, ends_in_h_not_ch: { count: 3, noun: "month" },
  });

spec("squeeze_spaces",
  "Text with every run of spaces, tabs and newlines turned into a single space, and no space left at either end.",
  obj({ text: "string" }), T("string"),
  [{ text: "hello    world" }, { text: "  trim me  " }],
  each("text", {
    empty: "", only_spaces: "     ", tabs_and_newlines: "one\ttwo\nthree", mixed_run: "a \t\n b", already_clean: "fine as is", single_word: "  word ",
    many_words: "the   quick brown    fox  jumps\n\nover", leading_newline: "\nstart",
  }));

spec("display_name_from_email",
  "A display name from an email address: the part before the @, with digits removed, split at dots, underscores and hyphens, each piece capitalized (first letter uppercase, the rest lowercase) and joined with single spaces.",
  obj({ email: { type: "string", pattern: "^[^@]+@[^@]+$" } }), T("string"),
  [{ email: "john.smith@example.com" }, { email: "mary_jones@mail.org" }],
  each("email", {
    single_name: "ann@x.io", hyphen: "BOB-LEE@corp.com", digits: "sara.k2024@uni.edu", initials: "j.r.r.tolkien@books.uk", double_dot: "first..last@x.com",
    mixed_separators: "a.b-c_d@z.net", shouty: "ANNA.MARIA.LOPEZ@x.es", digits_piece: "dev.42.ops@team.io",
  }));

// ---- counting ----------------------------------------------------------------------------------------

spec("weekend_days_between",
  "How many Saturdays and Sundays there are from start to end, both dates included (ISO dates); 0 when end is before start.",
  obj({ start: ISO_DATE, end: ISO_DATE }), T("integer"),
  [{ start: "2025-06-02", end: "2025-06-08" }, { start: "2025-06-01", end: "2025-06-30" }],
  {
    single_saturday: { start: "2025-06-07", end: "2025-06-07" }, single_monday: { start: "2025-06-09", end: "2025-06-09" },
    end_before_start: { start: "2025-06-10", end: "2025-06-01" }, friday_to_monday: { start: "2025-06-13", end: "2025-06-16" },
    weekdays_only: { start: "2025-06-16", end: "2025-06-20" }, across_year: { start: "2024-12-25", end: "2025-01-08" },
    leap_february: { start: "2024-02-01", end: "2024-02-29" }, whole_year: { start: "2025-01-01", end: "2025-12-31" },
    sunday_to_saturday: { start: "2025-06-15", end: "2025-06-21" },
  });

spec("uppercase_letter_count",
  "How many uppercase letters A-Z a text contains.",
  obj({ text: "string" }), T("integer"),
  [{ text: "Hello World" }, { text: "NASA" }, { text: "quiet" }],
  each("text", {
    empty: "", digits_and_symbols: "123 !?#", camel_case: "getHTTPResponseCode", sentence: "The Cat sat on The Mat.", all_caps_with_spaces: "A B C D",
    mixed: "iPhone 15 Pro Max", long: "Meet Anna, Bob and CHARLIE at the O2 Arena in London on Friday.", single_upper: "Z",
  }));

spec("sentence_count",
  "How many sentences a text has: a sentence ends at '.', '!' or '?' (a run of them such as '?!' or '...' ends just one), and text after the last mark counts as one more sentence when it is not only spaces.",
  obj({ text: "string" }), T("integer"),
  [{ text: "Hi. How are you?" }, { text: "Wow!" }, { text: "no punctuation at all" }],
  each("text", {
    empty: "", only_spaces: "   ", ellipsis: "Well... I guess so.", mixed_run: "Really?! Yes!", trailing_fragment: "Done. and then",
    trailing_spaces: "One. Two.   ", newlines: "Line one.\nLine two!\nLine three?", no_space_after: "a.b.c",
    paragraph: "The train was late. We waited an hour! Was it worth it? Maybe. Next time we drive",
  }));

spec("palindrome_word_count",
  "How many words in a text read the same backwards as forwards, ignoring case; a word is a run of letters, and one-letter words don't count.",
  obj({ text: "string" }), T("integer"),
  [{ text: "Anna saw a racecar at noon" }, { text: "hello there" }],
  each("text", {
    empty: "", single_letters: "a I o", repeated: "wow WOW wOw", punctuation: "Madam, I'm Adam.", hyphenated: "level-headed kayak", digits_split: "civic2024refer",
    two_letter: "aa bb ab", no_palindromes: "the quick brown fox", long_text: "Otto and Hannah drove a Civic to see a solos show at noon, said Bob",
  }));

const MEET = ["title", "start", "cancelled"];
const meeting = (title, start) => ({ title, start });
spec("meetings_on_date",
  "How many meetings start on the given date (start is 'YYYY-MM-DDTHH:MM'), not counting cancelled ones (cancelled: true; a meeting without the field is not cancelled).",
  obj({ date: ISO_DATE, meetings: arr(obj({ title: "string", start: { type: "string", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}$" }, "cancelled?": "boolean" })) }), T("integer"),
  [
    { date: "2025-05-06", meetings: [meeting("standup", "2025-05-06T09:00"), meeting("review", "2025-05-07T14:00")] },
    { date: "2025-05-07", meetings: [meeting("review", "2025-05-07T14:00"), ...rows(MEET, ["1:1", "2025-05-07T16:00", true])] },
  ],
  {
    no_meetings: { date: "2025-05-08", meetings: [] },
    midnight_edges: { date: "2025-05-09", meetings: [meeting("late", "2025-05-08T23:59"), meeting("early", "2025-05-09T00:00"), meeting("last", "2025-05-09T23:59")] },
    all_cancelled: { date: "2025-05-10", meetings: rows(MEET, ["a", "2025-05-10T10:00", true], ["b", "2025-05-10T11:00", true]) },
    explicit_not_cancelled: { date: "2025-05-11", meetings: rows(MEET, ["a", "2025-05-11T10:00", false], ["b", "2025-05-11T12:00", true]) },
    same_day_other_month: { date: "2025-06-11", meetings: [meeting("a", "2025-05-11T10:00"), meeting("b", "2025-06-11T10:00"), meeting("c", "2024-06-11T10:00")] },
    same_time_twice: { date: "2025-05-12", meetings: [meeting("a", "2025-05-12T10:00"), meeting("b", "2025-05-12T10:00")] },
    busy_day: {
      date: "2025-05-13",
      meetings: [
        meeting("standup", "2025-05-13T09:00"), ...rows(MEET, ["design", "2025-05-13T10:30", false], ["lunch", "2025-05-13T12:00", true]),
        meeting("planning", "2025-05-13T14:00"), meeting("retro", "2025-05-14T09:00"), meeting("demo", "2025-05-13T16:45"),
      ],
    },
    none_that_day: { date: "2025-05-14", meetings: [meeting("a", "2025-05-15T09:00")] },
  });

spec("rainy_day_count",
  "How many days had at least 1 mm of rain.",
  obj({ station: "string", daily_mm: arr(NONNEG) }), T("integer"),
  [{ station: "Leeds", daily_mm: [0, 2.5, 10, 0] }, { station: "Seville", daily_mm: [0, 0, 0] }],
  {
    no_days: { station: "Nowhere", daily_mm: [] }, exactly_one: { station: "Bergen", daily_mm: [1, 1, 1] }, just_under: { station: "Cardiff", daily_mm: [0.75, 0.5, 0.875] },
    all_rain: { station: "Mumbai", daily_mm: [45, 120.5, 33, 8] }, drizzle_and_storm: { station: "Cork", daily_mm: [0.25, 0, 1.25, 60, 0.5, 1] },
    month: { station: "Glasgow", daily_mm: [3, 0, 0.5, 12, 7, 1, 0, 0, 2.25, 0.125, 19, 0, 4, 0.75, 1.5, 0, 0, 6, 0, 2, 0.25, 0, 8, 11, 0, 0, 1, 0.5, 3, 0] },
    single_dry: { station: "Dubai", daily_mm: [0] }, single_wet: { station: "Dubai", daily_mm: [5] },
  });
