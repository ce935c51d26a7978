// The specs of tests/fixtures/specs/holdout2 without their outputs: description, schemas and the
// inputs of the examples and the named tests. scripts/make-holdout2-specs.mjs adds the outputs.

import { T, obj, arr, HHMM, ISO_DATE, rows } from "./spec-schemas.mjs";

export const SPECS = [];
const spec = (capability, description, inputSchema, outputSchema, examples, tests) =>
  SPECS.push({ capability, description, inputSchema, outputSchema, examples, tests });

// ---- arithmetic on records ---------------------------------------------------------------------

spec("recipe_scaled_grams",
  "An ingredient's weight for a different number of servings: grams is for servings_from servings; give it for servings_to servings, rounded to 1 decimal.",
  obj({ ingredient: "string", grams: "number", servings_from: { type: "integer", minimum: 1 }, servings_to: { type: "integer", minimum: 1 } }), T("number"),
  [
    { ingredient: "flour", grams: 200, servings_from: 4, servings_to: 6 },
    { ingredient: "butter", grams: 125, servings_from: 4, servings_to: 2 },
    { ingredient: "sugar", grams: 90, servings_from: 6, servings_to: 4 },
  ],
  {
    same_servings: { ingredient: "salt", grams: 5, servings_from: 4, servings_to: 4 },
    thirds: { ingredient: "rice", grams: 100, servings_from: 3, servings_to: 2 },
    down_to_one: { ingredient: "oats", grams: 240, servings_from: 8, servings_to: 1 },
    up_many: { ingredient: "milk", grams: 250, servings_from: 2, servings_to: 9 },
    rounds_half_up: { ingredient: "yeast", grams: 7, servings_from: 4, servings_to: 3 },
    fractional_grams: { ingredient: "cocoa", grams: 37.5, servings_from: 5, servings_to: 8 },
    sixths: { ingredient: "honey", grams: 15, servings_from: 6, servings_to: 5 },
    zero_grams: { ingredient: "water", grams: 0, servings_from: 4, servings_to: 10 },
    one_to_twelve: { ingredient: "egg", grams: 55, servings_from: 1, servings_to: 12 },
    sevenths: { ingredient: "pasta", grams: 500, servings_from: 7, servings_to: 3 },
  });

spec("miles_to_km_rounded",
  "A distance in miles converted to kilometres, rounded to 2 decimals.",
  obj({ miles: { type: "number", minimum: 0 } }), T("number"),
  [{ miles: 10 }, { miles: 26.2 }, { miles: 3 }],
  {
    zero: { miles: 0 }, one: { miles: 1 }, half: { miles: 0.5 }, hundred: { miles: 100 }, long_haul: { miles: 2450 },
    tenth: { miles: 0.1 }, half_marathon: { miles: 13.1 }, near_hundred_km: { miles: 62.137 }, seven: { miles: 7 },
  });

spec("pounds_to_kg",
  "A weight in pounds converted to kilograms, rounded to 2 decimals.",
  obj({ pounds: { type: "number", minimum: 0 } }), T("number"),
  [{ pounds: 10 }, { pounds: 150 }, { pounds: 2.2 }],
  {
    zero: { pounds: 0 }, one: { pounds: 1 }, half: { pounds: 0.5 }, about_100_kg: { pounds: 220.5 }, sixteen: { pounds: 16 },
    thousand: { pounds: 1000 }, fraction: { pounds: 3.75 }, adult: { pounds: 185 }, heavy: { pounds: 4400 },
  });

spec("litres_to_us_gallons",
  "A volume in litres converted to US gallons, rounded to 2 decimals.",
  obj({ litres: { type: "number", minimum: 0 } }), T("number"),
  [{ litres: 10 }, { litres: 3.785 }, { litres: 50 }],
  {
    zero: { litres: 0 }, one: { litres: 1 }, water_jug: { litres: 18.9 }, hundred: { litres: 100 }, half: { litres: 0.5 },
    twenty_gallons: { litres: 75.7 }, thousand: { litres: 1000 }, four: { litres: 4 }, tank: { litres: 62.5 },
  });

spec("shipment_total_weight_kg",
  "Total weight of a shipment in kilograms: every package's weight_g times its count, summed and converted from grams, rounded to 3 decimals; 0 when there are no packages.",
  obj({ shipment_id: "string", packages: arr(obj({ label: "string", weight_g: { type: "integer", minimum: 0 }, count: { type: "integer", minimum: 0 } })) }), T("number"),
  [
    { shipment_id: "SH-101", packages: rows(["label", "weight_g", "count"], ["box", 1200, 2], ["tube", 350, 1]) },
    { shipment_id: "SH-102", packages: rows(["label", "weight_g", "count"], ["crate", 15000, 1]) },
  ],
  {
    no_packages: { shipment_id: "SH-200", packages: [] },
    zero_count: { shipment_id: "SH-201", packages: rows(["label", "weight_g", "count"], ["box", 900, 0], ["bag", 400, 3]) },
    light: { shipment_id: "SH-202", packages: rows(["label", "weight_g", "count"], ["envelope", 45, 1]) },
    one_gram: { shipment_id: "SH-203", packages: rows(["label", "weight_g", "count"], ["sample", 1, 1]) },
    many_kinds: { shipment_id: "SH-204", packages: rows(["label", "weight_g", "count"], ["box", 2500, 4], ["bag", 730, 6], ["tube", 120, 10], ["crate", 18250, 2], ["pallet", 96000, 1]) },
    same_label_twice: { shipment_id: "SH-205", packages: rows(["label", "weight_g", "count"], ["box", 500, 2], ["box", 500, 3]) },
    big_count: { shipment_id: "SH-206", packages: rows(["label", "weight_g", "count"], ["bottle", 1333, 12]) },
    all_zero: { shipment_id: "SH-207", packages: rows(["label", "weight_g", "count"], ["empty", 0, 5]) },
  });

spec("timesheet_hours",
  "Total hours worked over an employee's shifts (each shift starts and ends on the same day, times as HH:MM), rounded to 2 decimals.",
  obj({ employee: "string", shifts: arr(obj({ start: HHMM, end: HHMM })) }), T("number"),
  [
    { employee: "Rosa", shifts: [{ start: "09:00", end: "17:00" }] },
    { employee: "Malik", shifts: [{ start: "08:30", end: "12:00" }, { start: "13:00", end: "17:15" }] },
  ],
  {
    no_shifts: { employee: "Ines", shifts: [] },
    twenty_minutes: { employee: "Ines", shifts: [{ start: "10:00", end: "10:20" }] },
    ten_minutes: { employee: "Jon", shifts: [{ start: "23:40", end: "23:50" }] },
    zero_length: { employee: "Jon", shifts: [{ start: "09:00", end: "09:00" }] },
    across_the_hour: { employee: "Ana", shifts: [{ start: "07:45", end: "08:30" }] },
    split_day: { employee: "Ana", shifts: [{ start: "06:00", end: "10:05" }, { start: "18:10", end: "22:00" }] },
    week: {
      employee: "Kwame",
      shifts: [
        { start: "09:00", end: "17:30" }, { start: "09:15", end: "17:00" }, { start: "08:50", end: "16:40" },
        { start: "10:00", end: "19:00" }, { start: "09:00", end: "13:07" },
      ],
    },
    whole_day: { employee: "Lee", shifts: [{ start: "00:00", end: "23:59" }] },
  });

spec("average_basket_size",
  "Mean number of items per basket, rounded to 1 decimal; 0 when there are no baskets.",
  obj({ store: "string", baskets: arr(obj({ id: "string", items: arr("string") })) }), T("number"),
  [
    { store: "north", baskets: [{ id: "b1", items: ["milk", "bread"] }, { id: "b2", items: ["eggs", "tea", "jam", "rice"] }] },
    { store: "south", baskets: [{ id: "b3", items: ["apples"] }, { id: "b4", items: ["soap", "salt"] }, { id: "b5", items: ["oil", "flour", "sugar"] }] },
  ],
  {
    no_baskets: { store: "east", baskets: [] },
    one_empty_basket: { store: "east", baskets: [{ id: "b6", items: [] }] },
    thirds: { store: "west", baskets: [{ id: "b7", items: ["a"] }, { id: "b8", items: [] }, { id: "b9", items: [] }] },
    two_thirds: { store: "west", baskets: [{ id: "b10", items: ["a", "b"] }, { id: "b11", items: [] }, { id: "b12", items: [] }] },
    quarter: { store: "mall", baskets: [{ id: "c1", items: ["a"] }, { id: "c2", items: [] }, { id: "c3", items: [] }, { id: "c4", items: [] }] },
    repeated_items: { store: "mall", baskets: [{ id: "c5", items: ["tea", "tea", "tea"] }] },
    six_baskets: {
      store: "airport",
      baskets: [
        { id: "d1", items: ["gum"] }, { id: "d2", items: ["water", "crisps"] }, { id: "d3", items: ["book", "pen", "pen", "map", "mints"] },
        { id: "d4", items: [] }, { id: "d5", items: ["coffee", "cake"] }, { id: "d6", items: ["water"] },
      ],
    },
    seven_eighths: {
      store: "kiosk",
      baskets: [
        { id: "e1", items: ["a"] }, { id: "e2", items: ["b"] }, { id: "e3", items: ["c"] }, { id: "e4", items: ["d"] },
        { id: "e5", items: ["e"] }, { id: "e6", items: ["f"] }, { id: "e7", items: ["g"] }, { id: "e8", items: [] },
      ],
    },
  });

spec("percent_on_time",
  "Percentage of deliveries that arrived on time, rounded to 1 decimal; 0 when there are no deliveries.",
  obj({ deliveries: arr(obj({ id: "string", on_time: "boolean" })) }), T("number"),
  [
    { deliveries: rows(["id", "on_time"], ["d1", true], ["d2", true], ["d3", false], ["d4", true]) },
    { deliveries: rows(["id", "on_time"], ["d5", true], ["d6", false], ["d7", true]) },
  ],
  {
    none: { deliveries: [] },
    all_on_time: { deliveries: rows(["id", "on_time"], ["a", true], ["b", true]) },
    none_on_time: { deliveries: rows(["id", "on_time"], ["a", false], ["b", false], ["c", false]) },
    one_of_three: { deliveries: rows(["id", "on_time"], ["a", false], ["b", true], ["c", false]) },
    one_of_eight: { deliveries: rows(["id", "on_time"], ["a", true], ["b", false], ["c", false], ["d", false], ["e", false], ["f", false], ["g", false], ["h", false]) },
    five_of_six: { deliveries: rows(["id", "on_time"], ["a", true], ["b", true], ["c", true], ["d", false], ["e", true], ["f", true]) },
    seven_of_nine: { deliveries: rows(["id", "on_time"], ["a", true], ["b", true], ["c", true], ["d", false], ["e", true], ["f", true], ["g", false], ["h", true], ["i", true]) },
    single_on_time: { deliveries: rows(["id", "on_time"], ["a", true]) },
    single_late: { deliveries: rows(["id", "on_time"], ["a", false]) },
  });

spec("order_total_with_shipping",
  "An order's total: the sum of qty times price over its items, plus shipping_fee unless that sum is at least free_shipping_over; rounded to 2 decimals.",
  obj({ items: arr(obj({ sku: "string", qty: { type: "integer", minimum: 0 }, price: "number" })), shipping_fee: "number", free_shipping_over: "number" }), T("number"),
  [
    { items: rows(["sku", "qty", "price"], ["TS-01", 2, 12.5], ["MG-07", 1, 8]), shipping_fee: 4.99, free_shipping_over: 50 },
    { items: rows(["sku", "qty", "price"], ["BK-12", 3, 18], ["PN-02", 5, 1.2]), shipping_fee: 4.99, free_shipping_over: 50 },
  ],
  {
    exactly_at_threshold: { items: rows(["sku", "qty", "price"], ["A", 2, 25]), shipping_fee: 3.5, free_shipping_over: 50 },
    just_under: { items: rows(["sku", "qty", "price"], ["A", 1, 49.99]), shipping_fee: 3.5, free_shipping_over: 50 },
    empty_order: { items: [], shipping_fee: 2.95, free_shipping_over: 40 },
    zero_qty: { items: rows(["sku", "qty", "price"], ["A", 0, 99], ["B", 1, 10]), shipping_fee: 5, free_shipping_over: 30 },
    free_threshold_zero: { items: rows(["sku", "qty", "price"], ["A", 1, 1.1]), shipping_fee: 5, free_shipping_over: 0 },
    cents_add_up: { items: rows(["sku", "qty", "price"], ["A", 3, 0.1], ["B", 7, 0.2]), shipping_fee: 0.99, free_shipping_over: 20 },
    many_lines: {
      items: rows(["sku", "qty", "price"], ["A", 4, 3.75], ["B", 2, 19.99], ["C", 1, 0.5], ["D", 10, 2.2], ["E", 6, 7.45]),
      shipping_fee: 6.5, free_shipping_over: 150,
    },
    over_threshold: { items: rows(["sku", "qty", "price"], ["A", 12, 14.95]), shipping_fee: 9.99, free_shipping_over: 100 },
  });

spec("discount_percent",
  "How much cheaper a product is now than it was, as a whole-number percentage of the old price (halves round up; negative when the price went up).",
  obj({ was: { type: "number", exclusiveMinimum: 0 }, now: { type: "number", minimum: 0 } }), T("integer"),
  [{ was: 80, now: 60 }, { was: 50, now: 45 }, { was: 30, now: 20 }],
  {
    no_change: { was: 25, now: 25 }, half_price: { was: 64, now: 32 }, half_rounds_up: { was: 8, now: 7 }, tiny_cut: { was: 40, now: 39.9 },
    seven_eighths_off: { was: 64, now: 8 }, free: { was: 120, now: 0 }, prices_with_cents: { was: 19.99, now: 9.99 },
    sixteenth_off: { was: 16, now: 14 }, price_rose: { was: 10, now: 11 }, two_thirds_off: { was: 45, now: 15 },
  });

spec("tip_split_per_person",
  "Each person's share of a restaurant bill after adding a tip of tip_percent percent, rounded up to the next cent.",
  obj({ bill: { type: "number", minimum: 0 }, tip_percent: { type: "number", minimum: 0 }, people: { type: "integer", minimum: 1 } }), T("number"),
  [{ bill: 100, tip_percent: 10, people: 3 }, { bill: 64, tip_percent: 15, people: 3 }, { bill: 85.5, tip_percent: 18, people: 2 }],
  {
    no_tip: { bill: 90, tip_percent: 0, people: 3 }, alone: { bill: 42.1, tip_percent: 12, people: 1 }, thirds_round_up: { bill: 100, tip_percent: 0, people: 3 },
    small_bill: { bill: 10, tip_percent: 15, people: 3 }, eighth_percent: { bill: 50, tip_percent: 12.5, people: 4 }, nothing_to_pay: { bill: 0, tip_percent: 20, people: 2 },
    five_people: { bill: 73.4, tip_percent: 18, people: 5 }, big_table: { bill: 1000, tip_percent: 20, people: 7 }, almost_whole: { bill: 19.99, tip_percent: 10, people: 2 },
  });

spec("fuel_cost_for_trip",
  "What the fuel for a trip costs: the car uses litres_per_100km litres every 100 km, and fuel costs price_per_litre; rounded to 2 decimals.",
  obj({ distance_km: { type: "number", minimum: 0 }, litres_per_100km: "number", price_per_litre: "number" }), T("number"),
  [{ distance_km: 250, litres_per_100km: 6, price_per_litre: 1.8 }, { distance_km: 100, litres_per_100km: 5.5, price_per_litre: 2 }],
  {
    zero_distance: { distance_km: 0, litres_per_100km: 7, price_per_litre: 1.9 },
    short_trip: { distance_km: 42, litres_per_100km: 7.2, price_per_litre: 1.95 },
    thousand_km: { distance_km: 1000, litres_per_100km: 8, price_per_litre: 1.659 },
    tiny: { distance_km: 12.5, litres_per_100km: 4, price_per_litre: 2 },
    odd_numbers: { distance_km: 333, litres_per_100km: 6.5, price_per_litre: 1.749 },
    thirsty_van: { distance_km: 180, litres_per_100km: 12.4, price_per_litre: 1.62 },
    free_fuel: { distance_km: 500, litres_per_100km: 6, price_per_litre: 0 },
    one_km: { distance_km: 1, litres_per_100km: 5, price_per_litre: 1.8 },
  });

spec("energy_bill",
  "An energy bill: the units used (the current meter reading minus the previous one) at unit_price each, plus the standing charge; rounded to 2 decimals.",
  obj({ account: "string", meter: obj({ previous: { type: "integer", minimum: 0 }, current: { type: "integer", minimum: 0 } }), unit_price: "number", standing_charge: "number" }), T("number"),
  [
    { account: "AC-1001", meter: { previous: 10250, current: 10600 }, unit_price: 0.28, standing_charge: 14.5 },
    { account: "AC-1002", meter: { previous: 500, current: 620 }, unit_price: 0.3, standing_charge: 12 },
  ],
  {
    nothing_used: { account: "AC-2000", meter: { previous: 7777, current: 7777 }, unit_price: 0.25, standing_charge: 9.6 },
    no_standing_charge: { account: "AC-2001", meter: { previous: 0, current: 1000 }, unit_price: 0.1975, standing_charge: 0 },
    one_unit: { account: "AC-2002", meter: { previous: 41, current: 42 }, unit_price: 0.375, standing_charge: 0 },
    half_cent: { account: "AC-2003", meter: { previous: 100, current: 101 }, unit_price: 0.125, standing_charge: 10 },
    big_house: { account: "AC-2004", meter: { previous: 88213, current: 90147 }, unit_price: 0.2634, standing_charge: 17.85 },
    cheap_units: { account: "AC-2005", meter: { previous: 3000, current: 3333 }, unit_price: 0.09, standing_charge: 5.25 },
    whole_prices: { account: "AC-2006", meter: { previous: 10, current: 30 }, unit_price: 2, standing_charge: 3 },
    three_digit: { account: "AC-2007", meter: { previous: 950, current: 1234 }, unit_price: 0.2875, standing_charge: 11.11 },
  });

spec("weighted_course_mark",
  "A student's final course mark: each component's mark (out of 100) counts for weight_percent percent of the total (the weights add up to 100); rounded to 1 decimal.",
  obj({ course: "string", components: arr(obj({ name: "string", weight_percent: { type: "integer", minimum: 0, maximum: 100 }, mark: { type: "number", minimum: 0, maximum: 100 } })) }), T("number"),
  [
    { course: "Physics", components: rows(["name", "weight_percent", "mark"], ["exam", 60, 70], ["labs", 40, 85]) },
    { course: "History", components: rows(["name", "weight_percent", "mark"], ["essay", 50, 64], ["exam", 50, 71]) },
  ],
  {
    single_component: { course: "Art", components: rows(["name", "weight_percent", "mark"], ["portfolio", 100, 77.5]) },
    all_full_marks: { course: "Maths", components: rows(["name", "weight_percent", "mark"], ["exam", 70, 100], ["quiz", 30, 100]) },
    all_zero: { course: "Maths", components: rows(["name", "weight_percent", "mark"], ["exam", 70, 0], ["quiz", 30, 0]) },
    three_parts: { course: "Biology", components: rows(["name", "weight_percent", "mark"], ["exam", 50, 58], ["labs", 30, 91], ["quiz", 20, 66]) },
    zero_weight_component: { course: "Music", components: rows(["name", "weight_percent", "mark"], ["practice", 0, 10], ["recital", 100, 82]) },
    rounds_half_up: { course: "Chemistry", components: rows(["name", "weight_percent", "mark"], ["exam", 75, 67], ["labs", 25, 72]) },
    uneven_weights: { course: "Economics", components: rows(["name", "weight_percent", "mark"], ["midterm", 35, 73], ["final", 45, 62], ["homework", 15, 95], ["participation", 5, 100]) },
    decimal_marks: { course: "Latin", components: rows(["name", "weight_percent", "mark"], ["exam", 80, 62.5], ["oral", 20, 88.5]) },
  });

spec("loan_simple_interest",
  "Simple interest owed on a loan: the principal at rate_percent percent a year, for the number of years; rounded to 2 decimals.",
  obj({ principal: { type: "number", minimum: 0 }, rate_percent: { type: "number", minimum: 0 }, years: { type: "number", minimum: 0 } }), T("number"),
  [{ principal: 1000, rate_percent: 5, years: 2 }, { principal: 2500, rate_percent: 4, years: 3 }, { principal: 800, rate_percent: 7.5, years: 1 }],
  {
    zero_years: { principal: 5000, rate_percent: 6, years: 0 }, zero_rate: { principal: 5000, rate_percent: 0, years: 10 },
    half_year: { principal: 1200, rate_percent: 5, years: 0.5 }, small_loan: { principal: 99.99, rate_percent: 3.25, years: 1 },
    long_term: { principal: 250000, rate_percent: 3.9, years: 25 }, quarter_year: { principal: 10000, rate_percent: 8, years: 0.25 },
    odd_rate: { principal: 3333, rate_percent: 2.75, years: 4 }, no_principal: { principal: 0, rate_percent: 9, years: 3 },
    cents: { principal: 1, rate_percent: 1, years: 1 },
  });

spec("hours_minutes_to_decimal",
  "A task's duration given in hours and minutes, as a number of hours, rounded to 2 decimals.",
  obj({ task: "string", duration: obj({ hours: { type: "integer", minimum: 0 }, minutes: { type: "integer", minimum: 0, maximum: 59 } }) }), T("number"),
  [
    { task: "design review", duration: { hours: 2, minutes: 30 } },
    { task: "standup", duration: { hours: 1, minutes: 15 } },
    { task: "invoice run", duration: { hours: 0, minutes: 45 } },
  ],
  {
    twenty_minutes: { task: "call", duration: { hours: 0, minutes: 20 } }, whole_hours: { task: "workshop", duration: { hours: 3, minutes: 0 } },
    nothing: { task: "cancelled", duration: { hours: 0, minutes: 0 } }, ten_past: { task: "triage", duration: { hours: 1, minutes: 10 } },
    almost_eight: { task: "shift", duration: { hours: 7, minutes: 59 } }, one_minute: { task: "ping", duration: { hours: 0, minutes: 1 } },
    forty_minutes: { task: "migration", duration: { hours: 12, minutes: 40 } }, five_minutes: { task: "check", duration: { hours: 0, minutes: 5 } },
    long_job: { task: "backfill", duration: { hours: 100, minutes: 50 } },
  });

spec("average_speed_mph",
  "Average speed in miles per hour over all the legs of a journey (total miles over total time), rounded to 1 decimal; 0 when the legs take no time.",
  obj({ journey: "string", legs: arr(obj({ miles: { type: "number", minimum: 0 }, minutes: { type: "integer", minimum: 0 } })) }), T("number"),
  [
    { journey: "commute", legs: [{ miles: 30, minutes: 30 }, { miles: 10, minutes: 30 }] },
    { journey: "coast road", legs: [{ miles: 45, minutes: 60 }, { miles: 12, minutes: 20 }, { miles: 3, minutes: 10 }] },
  ],
  {
    no_legs: { journey: "none", legs: [] },
    zero_minutes: { journey: "teleport", legs: [{ miles: 5, minutes: 0 }] },
    one_leg: { journey: "sprint", legs: [{ miles: 1, minutes: 4 }] },
    standing_still: { journey: "traffic", legs: [{ miles: 0, minutes: 25 }] },
    mean_of_speeds_differs: { journey: "hills", legs: [{ miles: 10, minutes: 10 }, { miles: 10, minutes: 30 }] },
    thirds: { journey: "walk", legs: [{ miles: 1, minutes: 18 }] },
    long_trip: { journey: "road trip", legs: [{ miles: 210.5, minutes: 195 }, { miles: 88, minutes: 70 }, { miles: 142.3, minutes: 150 }, { miles: 12, minutes: 35 }] },
    half_up: { journey: "canal", legs: [{ miles: 4.25, minutes: 60 }] },
  });

spec("profit_margin_percent",
  "A product's profit margin: profit (revenue minus cost) as a percentage of revenue, rounded to 1 decimal; 0 when revenue is 0.",
  obj({ product: "string", revenue: { type: "number", minimum: 0 }, cost: { type: "number", minimum: 0 } }), T("number"),
  [{ product: "mug", revenue: 200, cost: 150 }, { product: "lamp", revenue: 90, cost: 60 }],
  {
    no_revenue: { product: "sample", revenue: 0, cost: 12 }, no_cost: { product: "ebook", revenue: 40, cost: 0 },
    break_even: { product: "chair", revenue: 75, cost: 75 }, loss: { product: "desk", revenue: 100, cost: 130 },
    sevenths: { product: "pen", revenue: 7, cost: 5 }, cents: { product: "sticker", revenue: 2.5, cost: 1.99 },
    big: { product: "server", revenue: 125000, cost: 98765.43 }, eighth: { product: "cable", revenue: 80, cost: 70 },
    half_up: { product: "hat", revenue: 16, cost: 15 },
  });

spec("fahrenheit_list_to_celsius",
  "A weather station's temperatures in Fahrenheit, each converted to Celsius and rounded to 1 decimal, in the same order.",
  obj({ station: "string", temps_f: arr("number") }), arr("number"),
  [{ station: "Dover", temps_f: [32, 50, 68] }, { station: "Reno", temps_f: [212, 77] }],
  {
    no_readings: { station: "Nome", temps_f: [] }, freezing_below: { station: "Nome", temps_f: [0, -40, 14] },
    body_temperature: { station: "clinic", temps_f: [98.6] }, repeats: { station: "Austin", temps_f: [100, 100, 100] },
    ninths: { station: "Boise", temps_f: [33, 34, 35, 61] }, decimals: { station: "Tampa", temps_f: [88.3, 71.9, 45.5] },
    long_day: { station: "Denver", temps_f: [41, 43, 47, 52, 58, 63, 66, 64, 59, 53, 48, 44] },
    just_below_zero_c: { station: "Fargo", temps_f: [31, 30, 1] },
  });

spec("acres_to_hectares",
  "An area in acres converted to hectares, rounded to 2 decimals.",
  obj({ acres: { type: "number", minimum: 0 } }), T("number"),
  [{ acres: 10 }, { acres: 2.5 }, { acres: 640 }],
  {
    zero: { acres: 0 }, one: { acres: 1 }, tenth: { acres: 0.1 }, about_100_ha: { acres: 247.1 }, farm: { acres: 1234.5 },
    quarter: { acres: 0.25 }, three: { acres: 3 }, ranch: { acres: 50000 },
  });

spec("largest_order_total",
  "A customer's largest order: the highest order total (qty times price summed over the order's lines), rounded to 2 decimals; 0 when there are no orders.",
  obj({ customer: "string", orders: arr(obj({ id: "string", lines: arr(obj({ qty: { type: "integer", minimum: 0 }, price: "number" })) })) }), T("number"),
  [
    { customer: "Hana", orders: [{ id: "o1", lines: [{ qty: 2, price: 15 }, { qty: 1, price: 5 }] }, { id: "o2", lines: [{ qty: 1, price: 30 }] }] },
    { customer: "Femi", orders: [{ id: "o3", lines: [{ qty: 3, price: 9.5 }] }, { id: "o4", lines: [{ qty: 1, price: 12 }, { qty: 4, price: 2.25 }] }] },
  ],
  {
    no_orders: { customer: "Zoe", orders: [] },
    one_empty_order: { customer: "Zoe", orders: [{ id: "o5", lines: [] }] },
    many_cheap_lines_win: {
      customer: "Ivo",
      orders: [{ id: "o6", lines: [{ qty: 1, price: 40 }] }, { id: "o7", lines: [{ qty: 10, price: 3 }, { qty: 5, price: 2.5 }] }],
    },
    single_expensive_line_wins: {
      customer: "Ivo",
      orders: [{ id: "o8", lines: [{ qty: 1, price: 99.99 }] }, { id: "o9", lines: [{ qty: 9, price: 10 }, { qty: 1, price: 9.98 }] }],
    },
    tie: { customer: "Ana", orders: [{ id: "p1", lines: [{ qty: 2, price: 10 }] }, { id: "p2", lines: [{ qty: 4, price: 5 }] }] },
    cents: { customer: "Ana", orders: [{ id: "p3", lines: [{ qty: 3, price: 0.1 }, { qty: 3, price: 0.2 }] }] },
    zero_qty: { customer: "Bea", orders: [{ id: "p4", lines: [{ qty: 0, price: 500 }] }, { id: "p5", lines: [{ qty: 1, price: 1 }] }] },
    four_orders: {
      customer: "Cal",
      orders: [
        { id: "q1", lines: [{ qty: 2, price: 14.5 }, { qty: 1, price: 3.2 }] },
        { id: "q2", lines: [{ qty: 6, price: 7.25 }] },
        { id: "q3", lines: [{ qty: 1, price: 20 }, { qty: 1, price: 19.99 }, { qty: 2, price: 0.5 }] },
        { id: "q4", lines: [{ qty: 3, price: 13.01 }] },
      ],
    },
  });

spec("mean_of_best_three",
  "An athlete's mean of their three highest scores (of all their scores when they have fewer than three), rounded to 2 decimals; 0 when there are none.",
  obj({ athlete: "string", scores: arr("integer") }), T("number"),
  [{ athlete: "Mira", scores: [7, 9, 4, 8] }, { athlete: "Tariq", scores: [12, 15, 11, 10, 14] }],
  {
    no_scores: { athlete: "Lia", scores: [] }, one_score: { athlete: "Lia", scores: [6] }, two_scores: { athlete: "Lia", scores: [6, 9] },
    exactly_three: { athlete: "Ugo", scores: [1, 2, 2] }, ties_at_top: { athlete: "Ugo", scores: [5, 9, 9, 9, 9] },
    best_at_end: { athlete: "Eva", scores: [1, 1, 1, 1, 10, 20, 30] }, thirds: { athlete: "Eva", scores: [10, 10, 11, 3] },
    negative_scores: { athlete: "Max", scores: [-2, -5, -1, -8] }, long_list: { athlete: "Joy", scores: [55, 61, 48, 70, 66, 59, 71, 42, 68, 63] },
  });

// ---- filtering, sorting, grouping --------------------------------------------------------------

spec("adult_member_names",
  "Names of the club members aged 18 or over, in the order they are listed.",
  obj({ members: arr(obj({ name: "string", age: { type: "integer", minimum: 0 } })) }), arr("string"),
  [
    { members: rows(["name", "age"], ["Ada", 36], ["Ben", 12], ["Cleo", 19]) },
    { members: rows(["name", "age"], ["Dev", 17], ["Ema", 44]) },
  ],
  {
    no_members: { members: [] }, exactly_eighteen: { members: rows(["name", "age"], ["Fin", 18], ["Gia", 17]) },
    all_children: { members: rows(["name", "age"], ["Hal", 3], ["Ida", 9]) }, all_adults: { members: rows(["name", "age"], ["Jun", 70], ["Kit", 25], ["Lou", 31]) },
    keeps_order: { members: rows(["name", "age"], ["Zed", 40], ["Amy", 22], ["Moe", 16], ["Bob", 65]) },
    same_names: { members: rows(["name", "age"], ["Sam", 30], ["Sam", 10], ["Sam", 18]) },
    baby: { members: rows(["name", "age"], ["Neo", 0]) },
    long_list: { members: rows(["name", "age"], ["a", 5], ["b", 18], ["c", 81], ["d", 17], ["e", 19], ["f", 100], ["g", 1], ["h", 42], ["i", 16], ["j", 18]) },
  });

spec("open_tickets_oldest_first",
  "Ids of the tickets whose status is \"open\", the oldest opened first (tickets opened the same day keep their order).",
  obj({ tickets: arr(obj({ id: "string", status: { type: "string", enum: ["open", "pending", "closed"] }, opened: ISO_DATE })) }), arr("string"),
  [
    { tickets: rows(["id", "status", "opened"], ["T-3", "open", "2026-03-04"], ["T-1", "closed", "2026-01-10"], ["T-7", "open", "2026-02-20"]) },
    { tickets: rows(["id", "status", "opened"], ["T-9", "pending", "2026-05-01"], ["T-4", "open", "2026-04-30"]) },
  ],
  {
    no_tickets: { tickets: [] }, none_open: { tickets: rows(["id", "status", "opened"], ["A", "closed", "2026-01-01"], ["B", "pending", "2025-12-31"]) },
    same_day_keeps_order: { tickets: rows(["id", "status", "opened"], ["B", "open", "2026-06-01"], ["A", "open", "2026-06-01"], ["C", "open", "2026-05-31"]) },
    across_years: { tickets: rows(["id", "status", "opened"], ["X", "open", "2026-01-02"], ["Y", "open", "2025-12-30"], ["Z", "open", "2024-07-15"]) },
    pending_is_not_open: { tickets: rows(["id", "status", "opened"], ["P", "pending", "2020-01-01"], ["Q", "open", "2026-09-09"]) },
    already_sorted: { tickets: rows(["id", "status", "opened"], ["1", "open", "2026-01-01"], ["2", "open", "2026-02-01"], ["3", "open", "2026-03-01"]) },
    mixed: {
      tickets: rows(["id", "status", "opened"],
        ["T-10", "open", "2026-08-14"], ["T-11", "closed", "2026-01-01"], ["T-12", "open", "2026-02-28"], ["T-13", "pending", "2026-02-01"],
        ["T-14", "open", "2026-11-30"], ["T-15", "open", "2026-02-28"], ["T-16", "closed", "2026-02-27"]),
    },
    single: { tickets: rows(["id", "status", "opened"], ["only", "open", "2026-12-01"]) },
  });

spec("books_by_year_then_title",
  "Book titles ordered by publication year, oldest first; books of the same year in alphabetical order of title.",
  obj({ books: arr(obj({ title: "string", year: "integer" })) }), arr("string"),
  [
    { books: rows(["title", "year"], ["Emma", 1815], ["Dracula", 1897], ["Frankenstein", 1818]) },
    { books: rows(["title", "year"], ["Ulysses", 1922], ["Jacob's Room", 1922], ["Babbitt", 1922], ["Siddhartha", 1922]) },
  ],
  {
    no_books: { books: [] }, one_book: { books: rows(["title", "year"], ["Beloved", 1987]) },
    year_beats_title: { books: rows(["title", "year"], ["Anna Karenina", 1878], ["Walden", 1854]) },
    same_year_by_title: { books: rows(["title", "year"], ["Middlemarch", 1871], ["Erewhon", 1872], ["Alice", 1871]) },
    prefix_first: { books: rows(["title", "year"], ["Dune Messiah", 1969], ["Dune", 1969], ["Ada", 1969]) },
    already_ordered: { books: rows(["title", "year"], ["A", 1900], ["B", 1950], ["C", 2000]) },
    reverse_ordered: { books: rows(["title", "year"], ["C", 2000], ["B", 1950], ["A", 1900]) },
    mixed: {
      books: rows(["title", "year"], ["Solaris", 1961], ["Dune", 1965], ["Catch-22", 1961], ["Neuromancer", 1984], ["Kindred", 1979], ["Stoner", 1965], ["Beloved", 1987]),
    },
  });

spec("employees_by_department",
  "Employees grouped by department: an object from each department to the names in it, in the order they are listed.",
  obj({ employees: arr(obj({ name: "string", dept: "string" })) }), { type: "object", additionalProperties: arr("string") },
  [
    { employees: rows(["name", "dept"], ["Ana", "sales"], ["Raj", "ops"], ["Li", "sales"]) },
    { employees: rows(["name", "dept"], ["Tom", "hr"]) },
  ],
  {
    nobody: { employees: [] }, one_department: { employees: rows(["name", "dept"], ["A", "it"], ["B", "it"], ["C", "it"]) },
    everyone_alone: { employees: rows(["name", "dept"], ["A", "it"], ["B", "hr"], ["C", "ops"]) },
    keeps_listing_order: { employees: rows(["name", "dept"], ["Zara", "legal"], ["Adam", "legal"], ["Mona", "legal"]) },
    case_matters: { employees: rows(["name", "dept"], ["Ed", "Sales"], ["Flo", "sales"]) },
    same_name_twice: { employees: rows(["name", "dept"], ["Kim", "ops"], ["Kim", "ops"], ["Kim", "it"]) },
    interleaved: {
      employees: rows(["name", "dept"], ["a", "x"], ["b", "y"], ["c", "x"], ["d", "z"], ["e", "y"], ["f", "x"], ["g", "z"], ["h", "y"]),
    },
    spaced_names: { employees: rows(["name", "dept"], ["Mary Ann", "customer care"], ["Jo Lee", "customer care"], ["Al", "r&d"]) },
  });

spec("total_stock_by_warehouse",
  "Total quantity in stock per warehouse: an object from each warehouse to the sum of qty over its items.",
  obj({ items: arr(obj({ sku: "string", warehouse: "string", qty: { type: "integer", minimum: 0 } })) }), { type: "object", additionalProperties: T("integer") },
  [
    { items: rows(["sku", "warehouse", "qty"], ["A1", "leeds", 10], ["B2", "york", 4], ["C3", "leeds", 5]) },
    { items: rows(["sku", "warehouse", "qty"], ["D4", "hull", 0], ["E5", "hull", 12]) },
  ],
  {
    no_items: { items: [] }, zero_stock: { items: rows(["sku", "warehouse", "qty"], ["A", "bath", 0]) },
    same_sku_two_places: { items: rows(["sku", "warehouse", "qty"], ["A", "bath", 3], ["A", "wells", 7]) },
    same_sku_same_place: { items: rows(["sku", "warehouse", "qty"], ["A", "bath", 3], ["A", "bath", 7]) },
    one_warehouse: { items: rows(["sku", "warehouse", "qty"], ["a", "w", 1], ["b", "w", 2], ["c", "w", 3], ["d", "w", 4]) },
    big_numbers: { items: rows(["sku", "warehouse", "qty"], ["p", "north", 120000], ["q", "south", 99999], ["r", "north", 1]) },
    many: {
      items: rows(["sku", "warehouse", "qty"], ["a", "ely", 5], ["b", "rye", 8], ["c", "ely", 0], ["d", "kew", 13], ["e", "rye", 2], ["f", "kew", 21], ["g", "ely", 34]),
    },
    case_matters: { items: rows(["sku", "warehouse", "qty"], ["a", "Leeds", 1], ["b", "leeds", 2]) },
  });

spec("cheapest_per_category",
  "The cheapest product's name in each category, as an object from category to name; when two are equally cheap, the one listed first.",
  obj({ products: arr(obj({ name: "string", category: "string", price: "number" })) }), { type: "object", additionalProperties: T("string") },
  [
    { products: rows(["name", "category", "price"], ["oak desk", "furniture", 240], ["pine desk", "furniture", 180], ["lamp", "lighting", 35]) },
    { products: rows(["name", "category", "price"], ["bulb", "lighting", 4.5], ["spot", "lighting", 12], ["sofa", "furniture", 700]) },
  ],
  {
    no_products: { products: [] }, tie_keeps_first: { products: rows(["name", "category", "price"], ["red mug", "kitchen", 6], ["blue mug", "kitchen", 6]) },
    cheapest_last: { products: rows(["name", "category", "price"], ["a", "x", 9], ["b", "x", 8], ["c", "x", 7]) },
    free_item: { products: rows(["name", "category", "price"], ["sticker", "gifts", 0], ["card", "gifts", 2.5]) },
    cents_matter: { products: rows(["name", "category", "price"], ["pen", "office", 1.1], ["pencil", "office", 1.09], ["ruler", "office", 1.1]) },
    single_each: { products: rows(["name", "category", "price"], ["a", "p", 3], ["b", "q", 2], ["c", "r", 1]) },
    interleaved: {
      products: rows(["name", "category", "price"], ["t1", "toys", 15], ["b1", "books", 9.99], ["t2", "toys", 12.5], ["b2", "books", 12], ["t3", "toys", 12.5], ["g1", "games", 30], ["b3", "books", 8.75]),
    },
    tie_then_cheaper: { products: rows(["name", "category", "price"], ["a", "x", 5], ["b", "x", 5], ["c", "x", 4]) },
  });

spec("runners_by_finish_time",
  "Runners ordered by finishing time (MM:SS), fastest first; runners with the same time keep their order.",
  obj({ results: arr(obj({ runner: "string", time: { type: "string", pattern: "^[0-9]{1,3}:[0-5][0-9]$" } })) }), arr("string"),
  [
    { results: rows(["runner", "time"], ["Ola", "24:10"], ["Ben", "22:45"], ["Kai", "23:05"]) },
    { results: rows(["runner", "time"], ["Sue", "31:00"], ["Ray", "29:59"]) },
  ],
  {
    no_runners: { results: [] }, same_time_keeps_order: { results: rows(["runner", "time"], ["B", "20:00"], ["A", "20:00"], ["C", "19:59"]) },
    minutes_not_text: { results: rows(["runner", "time"], ["slow", "100:00"], ["fast", "9:59"], ["mid", "10:00"]) },
    seconds_decide: { results: rows(["runner", "time"], ["x", "15:09"], ["y", "15:10"], ["z", "15:01"]) },
    one_runner: { results: rows(["runner", "time"], ["solo", "42:42"]) },
    single_digit_minutes: { results: rows(["runner", "time"], ["p", "5:30"], ["q", "4:59"], ["r", "05:00"]) },
    field: {
      results: rows(["runner", "time"], ["Ann", "27:33"], ["Bo", "25:02"], ["Cy", "31:47"], ["Di", "25:02"], ["Ed", "22:58"], ["Fa", "29:00"], ["Gu", "24:59"]),
    },
    already_sorted: { results: rows(["runner", "time"], ["a", "1:00"], ["b", "2:00"], ["c", "3:00"]) },
  });

spec("top_n_scores",
  "The players with the n highest points, highest first; players with equal points keep their order. All players when there are fewer than n.",
  obj({ scores: arr(obj({ player: "string", points: "integer" })), n: { type: "integer", minimum: 0 } }), arr("string"),
  [
    { scores: rows(["player", "points"], ["ann", 40], ["bob", 75], ["cat", 60], ["dan", 10]), n: 2 },
    { scores: rows(["player", "points"], ["eve", 5], ["fox", 9], ["gil", 7]), n: 3 },
  ],
  {
    no_players: { scores: [], n: 3 }, n_zero: { scores: rows(["player", "points"], ["a", 1]), n: 0 },
    fewer_than_n: { scores: rows(["player", "points"], ["a", 1], ["b", 2]), n: 5 },
    tie_keeps_order: { scores: rows(["player", "points"], ["x", 50], ["y", 80], ["z", 80], ["w", 80]), n: 2 },
    tie_at_cutoff: { scores: rows(["player", "points"], ["p", 90], ["q", 70], ["r", 70]), n: 2 },
    negative_points: { scores: rows(["player", "points"], ["a", -5], ["b", 0], ["c", -1]), n: 2 },
    top_one: { scores: rows(["player", "points"], ["a", 3], ["b", 9], ["c", 6]), n: 1 },
    long_board: {
      scores: rows(["player", "points"], ["a", 12], ["b", 45], ["c", 33], ["d", 45], ["e", 8], ["f", 61], ["g", 33], ["h", 27], ["i", 50], ["j", 19]),
      n: 4,
    },
  });

spec("flights_under_price",
  "Codes of the flights costing at most max_price, in listed order; when nonstop_only is true, only flights with no stops.",
  obj({ flights: arr(obj({ code: "string", price: "number", stops: { type: "integer", minimum: 0 } })), max_price: "number", "nonstop_only?": "boolean" }), arr("string"),
  [
    { flights: rows(["code", "price", "stops"], ["BA117", 420, 0], ["LH400", 380, 1], ["UA901", 510, 0]), max_price: 450 },
    { flights: rows(["code", "price", "stops"], ["AF22", 300, 1], ["KL64", 320, 0]), max_price: 400, nonstop_only: true },
  ],
  {
    no_flights: { flights: [], max_price: 500 },
    exactly_max: { flights: rows(["code", "price", "stops"], ["A1", 200, 2], ["B2", 200.01, 0]), max_price: 200 },
    nonstop_false: { flights: rows(["code", "price", "stops"], ["A1", 100, 0], ["B2", 100, 3]), max_price: 150, nonstop_only: false },
    nonstop_missing: { flights: rows(["code", "price", "stops"], ["A1", 100, 0], ["B2", 100, 3]), max_price: 150 },
    nonstop_true: { flights: rows(["code", "price", "stops"], ["A1", 100, 0], ["B2", 100, 3]), max_price: 150, nonstop_only: true },
    nothing_cheap_enough: { flights: rows(["code", "price", "stops"], ["A1", 999, 0]), max_price: 998.99 },
    nonstop_but_too_dear: { flights: rows(["code", "price", "stops"], ["A1", 700, 0], ["B2", 350, 1], ["C3", 340, 0]), max_price: 400, nonstop_only: true },
    many: {
      flights: rows(["code", "price", "stops"], ["EK1", 812, 0], ["QR7", 640, 1], ["TK5", 455, 1], ["SQ3", 455, 0], ["EY9", 700, 2], ["LX2", 699.99, 0]),
      max_price: 700,
    },
  });

spec("average_rating_by_genre",
  "Mean film rating per genre, as an object from genre to the mean rounded to 1 decimal.",
  obj({ films: arr(obj({ title: "string", genre: "string", rating: { type: "number", minimum: 0, maximum: 10 } })) }), { type: "object", additionalProperties: T("number") },
  [
    { films: rows(["title", "genre", "rating"], ["Alien", "horror", 8], ["Heat", "crime", 7], ["Us", "horror", 7]) },
    { films: rows(["title", "genre", "rating"], ["Up", "animation", 8.3], ["Cars", "animation", 7.1]) },
  ],
  {
    no_films: { films: [] }, one_film: { films: rows(["title", "genre", "rating"], ["Big", "comedy", 7.3]) },
    thirds: { films: rows(["title", "genre", "rating"], ["a", "drama", 7], ["b", "drama", 8], ["c", "drama", 8]) },
    half_rounds_up: { films: rows(["title", "genre", "rating"], ["a", "war", 7.5], ["b", "war", 8]) },
    zero_rating: { films: rows(["title", "genre", "rating"], ["flop", "musical", 0], ["hit", "musical", 9]) },
    several_genres: {
      films: rows(["title", "genre", "rating"], ["a", "scifi", 8.6], ["b", "crime", 6.2], ["c", "scifi", 7.9], ["d", "western", 7.4], ["e", "crime", 8.8], ["f", "scifi", 5.5], ["g", "crime", 7]),
    },
    same_title_twice: { films: rows(["title", "genre", "rating"], ["Dune", "scifi", 8], ["Dune", "scifi", 6.5]) },
    quarters: { films: rows(["title", "genre", "rating"], ["a", "noir", 6], ["b", "noir", 7], ["c", "noir", 7], ["d", "noir", 7]) },
  });

spec("products_by_stock_value_desc",
  "Product names ordered by the value of their stock (qty times unit_cost), highest first; equal values keep their order.",
  obj({ products: arr(obj({ name: "string", qty: { type: "integer", minimum: 0 }, unit_cost: "number" })) }), arr("string"),
  [
    { products: rows(["name", "qty", "unit_cost"], ["bolts", 500, 0.1], ["drill", 3, 80], ["saw", 10, 15]) },
    { products: rows(["name", "qty", "unit_cost"], ["tape", 40, 2], ["glue", 10, 3.5]) },
  ],
  {
    no_products: { products: [] }, qty_alone_misleads: { products: rows(["name", "qty", "unit_cost"], ["nails", 1000, 0.02], ["hammer", 2, 25]) },
    cost_alone_misleads: { products: rows(["name", "qty", "unit_cost"], ["laser", 1, 300], ["screws", 5000, 0.07]) },
    equal_values_keep_order: { products: rows(["name", "qty", "unit_cost"], ["b", 2, 5], ["a", 5, 2], ["c", 1, 10]) },
    out_of_stock_last: { products: rows(["name", "qty", "unit_cost"], ["gone", 0, 999], ["some", 1, 1]) },
    one: { products: rows(["name", "qty", "unit_cost"], ["only", 3, 3]) },
    shop: {
      products: rows(["name", "qty", "unit_cost"], ["paint", 24, 11.5], ["brush", 60, 3.2], ["roller", 15, 7.99], ["ladder", 2, 89], ["sheet", 40, 4.5], ["tray", 30, 6]),
    },
    reverse_of_input: { products: rows(["name", "qty", "unit_cost"], ["x", 1, 1], ["y", 2, 2], ["z", 3, 3]) },
  });

spec("emails_of_unverified",
  "Email addresses of the users who have not verified their account, lowercased and sorted alphabetically.",
  obj({ users: arr(obj({ email: "string", verified: "boolean" })) }), arr("string"),
  [
    { users: rows(["email", "verified"], ["zoe@mail.com", false], ["amir@mail.com", true], ["Bea@Mail.com", false]) },
    { users: rows(["email", "verified"], ["kai@web.org", false]) },
  ],
  {
    no_users: { users: [] }, all_verified: { users: rows(["email", "verified"], ["a@x.io", true], ["b@x.io", true]) },
    uppercase_sorts_after_lowering: { users: rows(["email", "verified"], ["Yan@x.io", false], ["bob@x.io", false], ["ALI@x.io", false]) },
    same_name_other_domain: { users: rows(["email", "verified"], ["sam@z.net", false], ["sam@a.net", false]) },
    dots_and_digits: { users: rows(["email", "verified"], ["j.doe@x.io", false], ["j2@x.io", false], ["jdoe@x.io", false]) },
    already_lower_sorted: { users: rows(["email", "verified"], ["a@q.com", false], ["b@q.com", false]) },
    mixed: {
      users: rows(["email", "verified"], ["Nia@shop.co", false], ["omar@shop.co", true], ["lee@Shop.co", false], ["Ana@shop.co", false], ["pip@shop.co", true], ["Hugo@SHOP.CO", false]),
    },
    single_verified: { users: rows(["email", "verified"], ["me@home.net", true]) },
  });

spec("tasks_due_within_days",
  "Titles of the tasks due from today up to `days` days after today (both ends included), earliest due date first; tasks due the same day keep their order.",
  obj({ today: ISO_DATE, days: { type: "integer", minimum: 0 }, tasks: arr(obj({ title: "string", due: ISO_DATE })) }), arr("string"),
  [
    { today: "2026-03-10", days: 7, tasks: rows(["title", "due"], ["taxes", "2026-03-15"], ["report", "2026-03-30"], ["call bank", "2026-03-11"]) },
    { today: "2026-06-01", days: 3, tasks: rows(["title", "due"], ["rent", "2026-05-31"], ["gym", "2026-06-04"]) },
  ],
  {
    no_tasks: { today: "2026-01-01", days: 10, tasks: [] },
    due_today: { today: "2026-02-02", days: 0, tasks: rows(["title", "due"], ["now", "2026-02-02"], ["tomorrow", "2026-02-03"]) },
    last_day_included: { today: "2026-04-01", days: 5, tasks: rows(["title", "due"], ["edge", "2026-04-06"], ["past edge", "2026-04-07"]) },
    across_month_end: { today: "2026-01-29", days: 4, tasks: rows(["title", "due"], ["feb", "2026-02-02"], ["jan", "2026-01-31"], ["too late", "2026-02-03"]) },
    across_year_end: { today: "2026-12-30", days: 3, tasks: rows(["title", "due"], ["new year", "2027-01-01"], ["eve", "2026-12-31"], ["old", "2026-12-29"]) },
    leap_day: { today: "2028-02-27", days: 2, tasks: rows(["title", "due"], ["leap", "2028-02-29"], ["march", "2028-03-01"]) },
    same_day_keeps_order: { today: "2026-07-01", days: 10, tasks: rows(["title", "due"], ["b", "2026-07-05"], ["a", "2026-07-05"], ["c", "2026-07-02"]) },
    all_overdue: { today: "2026-09-15", days: 30, tasks: rows(["title", "due"], ["x", "2026-09-14"], ["y", "2025-09-20"]) },
    long_window: {
      today: "2026-05-10", days: 60,
      tasks: rows(["title", "due"], ["q2 review", "2026-06-30"], ["invoice", "2026-05-12"], ["renewal", "2026-07-09"], ["audit", "2026-07-10"], ["memo", "2026-05-10"], ["plan", "2026-05-09"]),
    },
  });

spec("last_login_per_user",
  "Each user's most recent login time, as an object from user to the latest `at` (times are YYYY-MM-DDTHH:MM).",
  obj({ logins: arr(obj({ user: "string", at: { type: "string", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}$" } })) }), { type: "object", additionalProperties: T("string") },
  [
    { logins: rows(["user", "at"], ["maria", "2026-11-02T09:15"], ["ken", "2026-11-01T22:40"], ["maria", "2026-11-03T08:05"]) },
    { logins: rows(["user", "at"], ["ola", "2026-10-10T10:10"]) },
  ],
  {
    no_logins: { logins: [] }, newest_listed_first: { logins: rows(["user", "at"], ["a", "2026-05-05T12:00"], ["a", "2026-05-04T23:59"]) },
    same_day_later_hour: { logins: rows(["user", "at"], ["b", "2026-05-05T09:00"], ["b", "2026-05-05T17:30"], ["b", "2026-05-05T11:45"]) },
    across_years: { logins: rows(["user", "at"], ["c", "2025-12-31T23:59"], ["c", "2026-01-01T00:01"]) },
    repeated_time: { logins: rows(["user", "at"], ["d", "2026-03-03T03:03"], ["d", "2026-03-03T03:03"]) },
    many_users: {
      logins: rows(["user", "at"], ["u1", "2026-08-01T08:00"], ["u2", "2026-08-02T09:00"], ["u1", "2026-07-30T10:00"], ["u3", "2026-08-03T07:00"], ["u2", "2026-08-02T21:00"], ["u1", "2026-08-01T08:01"]),
    },
    case_matters: { logins: rows(["user", "at"], ["Eve", "2026-01-01T01:00"], ["eve", "2026-01-02T01:00"]) },
    month_boundary: { logins: rows(["user", "at"], ["f", "2026-09-30T23:00"], ["f", "2026-10-01T01:00"], ["f", "2026-09-15T12:00"]) },
  });

spec("distinct_tags_sorted",
  "Every tag used on any post, each once, in alphabetical order.",
  obj({ posts: arr(obj({ id: "integer", tags: arr("string") })) }), arr("string"),
  [
    { posts: [{ id: 1, tags: ["travel", "food"] }, { id: 2, tags: ["food", "budget"] }] },
    { posts: [{ id: 3, tags: ["news"] }, { id: 4, tags: [] }, { id: 5, tags: ["art", "news"] }] },
  ],
  {
    no_posts: { posts: [] }, posts_without_tags: { posts: [{ id: 1, tags: [] }, { id: 2, tags: [] }] },
    repeated_in_one_post: { posts: [{ id: 1, tags: ["x", "x", "x"] }] },
    overlapping_posts: { posts: [{ id: 1, tags: ["rust", "go"] }, { id: 2, tags: ["go", "zig"] }, { id: 3, tags: ["zig", "rust", "c"] }] },
    hyphens_and_digits: { posts: [{ id: 1, tags: ["web-dev", "web", "2026", "web3"] }] },
    already_sorted: { posts: [{ id: 1, tags: ["a", "b"] }, { id: 2, tags: ["c"] }] },
    many_posts: {
      posts: [
        { id: 10, tags: ["garden", "spring"] }, { id: 11, tags: ["diy", "garden"] }, { id: 12, tags: ["spring", "birds", "photo"] },
        { id: 13, tags: ["photo"] }, { id: 14, tags: ["diy", "tools", "birds"] }, { id: 15, tags: ["compost"] },
      ],
    },
    single_tag: { posts: [{ id: 7, tags: ["solo"] }] },
  });

spec("shortest_route_name",
  "The name of the shortest route (fewest km); the first listed when several are equally short; an empty string when there are no routes.",
  obj({ routes: arr(obj({ name: "string", km: { type: "number", minimum: 0 } })) }), T("string"),
  [
    { routes: rows(["name", "km"], ["coast", 42.5], ["valley", 38], ["ridge", 51]) },
    { routes: rows(["name", "km"], ["A1", 120], ["M6", 118.4]) },
  ],
  {
    no_routes: { routes: [] }, one_route: { routes: rows(["name", "km"], ["only", 7]) },
    tie_keeps_first: { routes: rows(["name", "km"], ["north", 10], ["south", 10], ["east", 12]) },
    shortest_last: { routes: rows(["name", "km"], ["a", 9], ["b", 8], ["c", 7.9]) },
    zero_km: { routes: rows(["name", "km"], ["here", 0], ["there", 0.1]) },
    decimals_close: { routes: rows(["name", "km"], ["x", 12.31], ["y", 12.3], ["z", 12.35]) },
    many: { routes: rows(["name", "km"], ["r1", 55], ["r2", 48.2], ["r3", 61], ["r4", 47.9], ["r5", 47.9], ["r6", 90]) },
    names_with_spaces: { routes: rows(["name", "km"], ["old mill lane", 3.2], ["high street", 2.8]) },
  });

spec("low_battery_devices",
  "Ids of the devices whose battery is below 20 percent and that are not charging, in listed order.",
  obj({ devices: arr(obj({ id: "string", battery_percent: { type: "integer", minimum: 0, maximum: 100 }, charging: "boolean" })) }), arr("string"),
  [
    { devices: rows(["id", "battery_percent", "charging"], ["phone", 12, false], ["tablet", 8, true], ["watch", 55, false]) },
    { devices: rows(["id", "battery_percent", "charging"], ["laptop", 19, false], ["mouse", 3, false]) },
  ],
  {
    no_devices: { devices: [] }, exactly_twenty: { devices: rows(["id", "battery_percent", "charging"], ["a", 20, false], ["b", 19, false]) },
    empty_battery: { devices: rows(["id", "battery_percent", "charging"], ["dead", 0, false]) },
    all_charging: { devices: rows(["id", "battery_percent", "charging"], ["a", 1, true], ["b", 2, true]) },
    full: { devices: rows(["id", "battery_percent", "charging"], ["a", 100, false]) },
    keeps_order: { devices: rows(["id", "battery_percent", "charging"], ["z", 5, false], ["m", 15, false], ["a", 10, false]) },
    fleet: {
      devices: rows(["id", "battery_percent", "charging"], ["d1", 18, false], ["d2", 21, false], ["d3", 18, true], ["d4", 2, false], ["d5", 99, true], ["d6", 19, false], ["d7", 20, true]),
    },
    single_ok: { devices: rows(["id", "battery_percent", "charging"], ["cam", 64, false]) },
  });

spec("newest_release_per_package",
  "The newest version of each package (versions are MAJOR.MINOR.PATCH, compared as numbers), as an object from package to version.",
  obj({ releases: arr(obj({ package: "string", version: { type: "string", pattern: "^[0-9]+\\.[0-9]+\\.[0-9]+$" } })) }), { type: "object", additionalProperties: T("string") },
  [
    { releases: rows(["package", "version"], ["left-pad", "1.2.0"], ["left-pad", "1.3.0"], ["chalk", "5.0.1"]) },
    { releases: rows(["package", "version"], ["zod", "3.22.4"], ["zod", "3.21.0"]) },
  ],
  {
    no_releases: { releases: [] }, minor_ten_beats_nine: { releases: rows(["package", "version"], ["p", "1.9.3"], ["p", "1.10.0"]) },
    major_wins: { releases: rows(["package", "version"], ["p", "2.0.0"], ["p", "1.99.99"]) },
    patch_decides: { releases: rows(["package", "version"], ["p", "0.4.12"], ["p", "0.4.2"], ["p", "0.4.9"]) },
    single: { releases: rows(["package", "version"], ["solo", "0.0.1"]) },
    same_version_twice: { releases: rows(["package", "version"], ["p", "1.0.0"], ["p", "1.0.0"]) },
    many_packages: {
      releases: rows(["package", "version"], ["a", "1.0.0"], ["b", "0.9.0"], ["a", "1.0.10"], ["c", "10.0.0"], ["b", "0.10.0"], ["c", "9.9.9"], ["a", "1.0.9"]),
    },
    newest_first: { releases: rows(["package", "version"], ["q", "3.1.4"], ["q", "3.1.3"], ["q", "2.7.1"]) },
  });

// ---- booleans over lists -----------------------------------------------------------------------

spec("any_negative_balance",
  "True when at least one account's balance is below zero.",
  obj({ accounts: arr(obj({ id: "string", balance: "number" })) }), T("boolean"),
  [
    { accounts: rows(["id", "balance"], ["chk", 120.5], ["sav", -20], ["biz", 900]) },
    { accounts: rows(["id", "balance"], ["chk", 15], ["sav", 3000]) },
  ],
  {
    no_accounts: { accounts: [] }, zero_is_not_negative: { accounts: rows(["id", "balance"], ["a", 0], ["b", 0]) },
    one_cent_below: { accounts: rows(["id", "balance"], ["a", 10], ["b", -0.01]) },
    negative_first: { accounts: rows(["id", "balance"], ["a", -500], ["b", 1], ["c", 2]) },
    all_negative: { accounts: rows(["id", "balance"], ["a", -1], ["b", -2]) },
    single_positive: { accounts: rows(["id", "balance"], ["a", 0.01]) },
    many_positive: { accounts: rows(["id", "balance"], ["a", 1], ["b", 22], ["c", 333], ["d", 4444], ["e", 5], ["f", 66]) },
    negative_in_middle: { accounts: rows(["id", "balance"], ["a", 1], ["b", 22], ["c", -333], ["d", 4444], ["e", 5], ["f", 66]) },
  });

spec("all_passed",
  "True when every student scored at least pass_mark (true for an empty class).",
  obj({ results: arr(obj({ student: "string", score: { type: "integer", minimum: 0 } })), pass_mark: { type: "integer", minimum: 0 } }), T("boolean"),
  [
    { results: rows(["student", "score"], ["Ali", 72], ["Bo", 55], ["Cy", 90]), pass_mark: 50 },
    { results: rows(["student", "score"], ["Di", 48], ["Ed", 81]), pass_mark: 50 },
  ],
  {
    empty_class: { results: [], pass_mark: 40 }, exactly_pass_mark: { results: rows(["student", "score"], ["a", 40], ["b", 41]), pass_mark: 40 },
    one_below: { results: rows(["student", "score"], ["a", 39], ["b", 100]), pass_mark: 40 },
    pass_mark_zero: { results: rows(["student", "score"], ["a", 0]), pass_mark: 0 },
    single_fail: { results: rows(["student", "score"], ["a", 69]), pass_mark: 70 },
    last_fails: { results: rows(["student", "score"], ["a", 90], ["b", 88], ["c", 95], ["d", 59]), pass_mark: 60 },
    high_bar: { results: rows(["student", "score"], ["a", 99], ["b", 100]), pass_mark: 99 },
    big_class_all_pass: { results: rows(["student", "score"], ["a", 51], ["b", 67], ["c", 50], ["d", 88], ["e", 73], ["f", 90], ["g", 50]), pass_mark: 50 },
  });

spec("has_repeated_seat",
  "True when the same seat is booked more than once.",
  obj({ bookings: arr(obj({ name: "string", seat: "string" })) }), T("boolean"),
  [
    { bookings: rows(["name", "seat"], ["Ava", "12A"], ["Ben", "12B"], ["Cai", "12A"]) },
    { bookings: rows(["name", "seat"], ["Dee", "3C"], ["Eli", "4C"]) },
  ],
  {
    no_bookings: { bookings: [] }, one_booking: { bookings: rows(["name", "seat"], ["a", "1A"]) },
    same_person_two_seats: { bookings: rows(["name", "seat"], ["a", "1A"], ["a", "1B"]) },
    repeat_far_apart: { bookings: rows(["name", "seat"], ["a", "9F"], ["b", "1A"], ["c", "2B"], ["d", "3C"], ["e", "9F"]) },
    case_differs: { bookings: rows(["name", "seat"], ["a", "7d"], ["b", "7D"]) },
    similar_seats: { bookings: rows(["name", "seat"], ["a", "1A"], ["b", "11A"], ["c", "1AA"]) },
    three_times: { bookings: rows(["name", "seat"], ["a", "5E"], ["b", "5E"], ["c", "5E"]) },
    full_row_no_repeat: { bookings: rows(["name", "seat"], ["a", "8A"], ["b", "8B"], ["c", "8C"], ["d", "8D"], ["e", "8E"], ["f", "8F"]) },
  });

spec("dates_in_order",
  "True when the events are listed in date order (each date on or after the one before; YYYY-MM-DD).",
  obj({ events: arr(obj({ name: "string", date: ISO_DATE })) }), T("boolean"),
  [
    { events: rows(["name", "date"], ["kickoff", "2026-01-05"], ["review", "2026-02-10"], ["launch", "2026-04-01"]) },
    { events: rows(["name", "date"], ["beta", "2026-06-01"], ["alpha", "2026-05-01"]) },
  ],
  {
    no_events: { events: [] }, one_event: { events: rows(["name", "date"], ["a", "2026-01-01"]) },
    same_day_allowed: { events: rows(["name", "date"], ["a", "2026-03-03"], ["b", "2026-03-03"]) },
    year_goes_back: { events: rows(["name", "date"], ["a", "2026-12-01"], ["b", "2025-12-31"]) },
    across_year: { events: rows(["name", "date"], ["a", "2025-12-31"], ["b", "2026-01-01"]) },
    last_out_of_order: { events: rows(["name", "date"], ["a", "2026-01-01"], ["b", "2026-02-01"], ["c", "2026-03-01"], ["d", "2026-02-28"]) },
    first_and_last_only_ordered: { events: rows(["name", "date"], ["a", "2026-01-01"], ["b", "2026-05-01"], ["c", "2026-03-01"], ["d", "2026-12-01"]) },
    long_ordered: {
      events: rows(["name", "date"], ["a", "2024-02-29"], ["b", "2024-03-01"], ["c", "2024-03-01"], ["d", "2025-01-10"], ["e", "2025-10-01"], ["f", "2026-01-01"]),
    },
  });

spec("any_item_expired",
  "True when some item's expiry date is before today (an item expiring today has not expired yet).",
  obj({ today: ISO_DATE, items: arr(obj({ name: "string", expires: ISO_DATE })) }), T("boolean"),
  [
    { today: "2026-12-01", items: rows(["name", "expires"], ["milk", "2026-11-29"], ["cheese", "2026-12-20"]) },
    { today: "2026-12-01", items: rows(["name", "expires"], ["yogurt", "2026-12-05"]) },
  ],
  {
    nothing_in_fridge: { today: "2026-12-01", items: [] }, expires_today: { today: "2026-06-15", items: rows(["name", "expires"], ["eggs", "2026-06-15"]) },
    expired_yesterday: { today: "2026-06-15", items: rows(["name", "expires"], ["eggs", "2026-06-14"]) },
    last_year: { today: "2026-01-01", items: rows(["name", "expires"], ["jam", "2025-12-31"], ["honey", "2030-01-01"]) },
    next_month: { today: "2026-01-31", items: rows(["name", "expires"], ["tofu", "2026-02-01"]) },
    many_fresh: { today: "2026-03-10", items: rows(["name", "expires"], ["a", "2026-03-10"], ["b", "2026-03-11"], ["c", "2026-04-01"], ["d", "2027-03-09"]) },
    one_stale_among_many: { today: "2026-03-10", items: rows(["name", "expires"], ["a", "2026-03-10"], ["b", "2026-03-11"], ["c", "2026-03-09"], ["d", "2027-03-09"]) },
    all_expired: { today: "2026-08-08", items: rows(["name", "expires"], ["a", "2026-08-01"], ["b", "2026-07-31"]) },
  });

spec("all_sensors_reporting",
  "True when every sensor has a last_value (none of them is null).",
  obj({ sensors: arr(obj({ id: "string", last_value: { type: ["number", "null"] } })) }), T("boolean"),
  [
    { sensors: rows(["id", "last_value"], ["t1", 21.5], ["t2", 19.8], ["h1", 40]) },
    { sensors: rows(["id", "last_value"], ["t1", 22.1], ["t2", null]) },
  ],
  {
    no_sensors: { sensors: [] }, zero_is_a_value: { sensors: rows(["id", "last_value"], ["a", 0], ["b", 0]) },
    negative_is_a_value: { sensors: rows(["id", "last_value"], ["freezer", -18.5]) },
    single_null: { sensors: rows(["id", "last_value"], ["a", null]) },
    null_first: { sensors: rows(["id", "last_value"], ["a", null], ["b", 1], ["c", 2]) },
    all_null: { sensors: rows(["id", "last_value"], ["a", null], ["b", null]) },
    many_reporting: { sensors: rows(["id", "last_value"], ["s1", 1], ["s2", 2.5], ["s3", 0], ["s4", -3], ["s5", 1000], ["s6", 7]) },
    one_silent_of_many: { sensors: rows(["id", "last_value"], ["s1", 1], ["s2", 2.5], ["s3", 0], ["s4", null], ["s5", 1000], ["s6", 7]) },
  });

spec("is_balanced_ledger",
  "True when the ledger balances: the debit entries' amounts add up to the same total as the credit entries' amounts.",
  obj({ entries: arr(obj({ amount_cents: { type: "integer", minimum: 0 }, side: { type: "string", enum: ["debit", "credit"] } })) }), T("boolean"),
  [
    { entries: rows(["amount_cents", "side"], [5000, "debit"], [3000, "credit"], [2000, "credit"]) },
    { entries: rows(["amount_cents", "side"], [1250, "debit"], [1200, "credit"]) },
  ],
  {
    no_entries: { entries: [] }, only_debits: { entries: rows(["amount_cents", "side"], [100, "debit"]) },
    only_zero_amounts: { entries: rows(["amount_cents", "side"], [0, "debit"], [0, "debit"]) },
    off_by_one_cent: { entries: rows(["amount_cents", "side"], [10000, "debit"], [9999, "credit"]) },
    equal_counts_unequal_sums: { entries: rows(["amount_cents", "side"], [300, "debit"], [100, "debit"], [200, "credit"], [100, "credit"]) },
    unequal_counts_equal_sums: { entries: rows(["amount_cents", "side"], [600, "debit"], [100, "credit"], [200, "credit"], [300, "credit"]) },
    interleaved: { entries: rows(["amount_cents", "side"], [250, "credit"], [999, "debit"], [749, "credit"], [1500, "debit"], [1500, "credit"]) },
    one_each_equal: { entries: rows(["amount_cents", "side"], [4321, "credit"], [4321, "debit"]) },
  });

// ---- string reformatting -----------------------------------------------------------------------

spec("name_title_case",
  "A person's name with each word capitalized (first letter upper case, the rest lower case) and single spaces between words.",
  obj({ name: "string" }), T("string"),
  [{ name: "ada lovelace" }, { name: "GRACE HOPPER" }, { name: "aLaN tUrInG" }],
  {
    already_fine: { name: "Katherine Johnson" }, one_word: { name: "PRINCE" }, three_words: { name: "john ronald tolkien" },
    extra_spaces: { name: "  mary   shelley " }, single_letters: { name: "j k rowling" }, empty: { name: "" },
    lower_surname_particle: { name: "ludwig VAN beethoven" }, long_name: { name: "maria del carmen garcia lopez" },
  });

spec("iso_date_to_long",
  "An ISO date (YYYY-MM-DD) written out as day, month name and year, e.g. 7 March 2026.",
  obj({ date: ISO_DATE }), T("string"),
  [{ date: "2026-03-07" }, { date: "2025-11-23" }],
  {
    new_year: { date: "2026-01-01" }, new_years_eve: { date: "1999-12-31" }, leap_day: { date: "2024-02-29" }, august: { date: "2026-08-15" },
    june_first: { date: "2030-06-01" }, april: { date: "2026-04-10" }, july: { date: "1969-07-20" }, september: { date: "2001-09-09" },
    october: { date: "2026-10-31" }, may: { date: "2026-05-05" },
  });

spec("phone_last_four_masked",
  "A phone number with every digit except the last four replaced by *, everything else kept as it is.",
  obj({ phone: "string" }), T("string"),
  [{ phone: "555-123-4567" }, { phone: "(212) 555-0199" }],
  {
    international: { phone: "+44 7700 900123" }, plain_digits: { phone: "0612345678" }, exactly_four: { phone: "1234" },
    fewer_than_four: { phone: "911" }, dots: { phone: "415.555.2671" }, spaces_in_last_four: { phone: "020 7946 09 58" },
    extension_text: { phone: "800-555-0000 ext" }, empty: { phone: "" },
  });

spec("kebab_to_title",
  "A kebab-case key (words joined by hyphens) as a title: words separated by spaces, each capitalized (first letter upper case, the rest lower case).",
  obj({ key: "string" }), T("string"),
  [{ key: "order-total-due" }, { key: "shipping-address" }],
  {
    one_word: { key: "status" }, digits: { key: "step-2-review" }, upper_inside: { key: "api-KEY" }, long_key: { key: "last-known-good-build-number" },
    single_letters: { key: "x-y-z" }, already_capitalized: { key: "Home-Page" }, empty: { key: "" }, number_first: { key: "404-page" },
  });

spec("camel_to_snake",
  "A camelCase identifier in snake_case: an underscore before each capital letter, and everything lower case.",
  obj({ name: { type: "string", pattern: "^[a-z][a-zA-Z0-9]*$" } }), T("string"),
  [{ name: "orderTotalDue" }, { name: "userId" }],
  {
    no_capitals: { name: "total" }, one_hump: { name: "firstName" }, digit_inside: { name: "address2Line" }, single_letter: { name: "x" },
    single_letter_words: { name: "aBC" }, long_name: { name: "maxRetryDelayInSeconds" }, trailing_capital: { name: "pointX" }, digits_at_end: { name: "line2" },
  });

spec("author_citation",
  "An author's name as cited in a bibliography: last name, a comma, then the initial of the first name with a dot, and the initial of the middle name with a dot when there is one (e.g. Hopper, G. B.).",
  obj({ first: "string", "middle?": "string", last: "string" }), T("string"),
  [{ first: "Grace", middle: "Brewster", last: "Hopper" }, { first: "Alan", last: "Turing" }],
  {
    no_middle: { first: "Ada", last: "Lovelace" }, with_middle: { first: "John", middle: "Ronald", last: "Tolkien" },
    empty_middle: { first: "Mary", middle: "", last: "Shelley" }, lowercase_given: { first: "bell", last: "hooks" },
    two_word_last: { first: "Ursula", middle: "Kroeber", last: "Le Guin" }, short_names: { first: "Al", middle: "B", last: "Cy" },
    hyphenated_first: { first: "Jean-Paul", last: "Sartre" }, accents: { first: "Émile", middle: "Édouard", last: "Zola" },
  });

spec("seconds_to_mm_ss",
  "A number of seconds as minutes and seconds, M:SS (minutes not padded, seconds always two digits).",
  obj({ seconds: { type: "integer", minimum: 0 } }), T("string"),
  [{ seconds: 125 }, { seconds: 59 }, { seconds: 600 }],
  {
    zero: { seconds: 0 }, one_minute: { seconds: 60 }, one_hour: { seconds: 3600 }, long: { seconds: 7322 },
    single_digit_seconds: { seconds: 61 }, just_under_hour: { seconds: 3599 }, ten_seconds: { seconds: 10 }, nine_seconds: { seconds: 9 },
  });

spec("sku_normalized",
  "A product code as typed by a person, normalized: spaces and hyphens removed and letters upper case.",
  obj({ sku: "string" }), T("string"),
  [{ sku: "ab-12 cd" }, { sku: " xz-900 " }],
  {
    already_clean: { sku: "QK77" }, only_hyphens: { sku: "a-b-c-1-2-3" }, many_spaces: { sku: "  m  4  " }, empty: { sku: "" },
    keeps_other_symbols: { sku: "pk/22-b" }, digits_only: { sku: "12 34 56" }, mixed_case: { sku: "Tr-8o8" }, trailing_hyphen: { sku: "ab12-" },
  });

spec("iban_grouped",
  "An account number (IBAN) written in groups of four characters separated by spaces (the last group may be shorter).",
  obj({ iban: { type: "string", pattern: "^[A-Z0-9]+$" } }), T("string"),
  [{ iban: "GB29NWBK60161331926819" }, { iban: "DE89370400440532013000" }],
  {
    multiple_of_four: { iban: "NL91ABNA0417164300" }, short_norway: { iban: "NO9386011117947" }, four: { iban: "ABCD" },
    five: { iban: "ABCDE" }, three: { iban: "ABC" }, long_malta: { iban: "MT84MALT011000012345MTLCAST001S" }, belgium: { iban: "BE68539007547034" },
    france: { iban: "FR1420041010050500013M02606" },
  });

spec("file_basename",
  "The file name at the end of a Unix path, without its last extension (a name starting with a dot and no other dot is kept whole).",
  obj({ path: "string" }), T("string"),
  [{ path: "/home/ada/report.final.pdf" }, { path: "docs/notes.txt" }, { path: "Makefile" }],
  {
    no_extension: { path: "/usr/bin/env" }, dotfile: { path: "/home/bo/.bashrc" }, double_extension: { path: "backup/archive.tar.gz" },
    no_directory: { path: "photo.jpeg" }, dot_in_directory: { path: "/srv/site.v2/index" }, root_file: { path: "/boot.ini" },
    dotfile_with_extension: { path: "cfg/.env.local" }, deep: { path: "a/b/c/d/e/f/data.2026.csv" }, uppercase_extension: { path: "IMG_0042.JPG" },
  });

spec("hashtag_from_phrase",
  "A phrase as a hashtag: # followed by the words capitalized (first letter upper case, the rest lower case) and joined without spaces.",
  obj({ phrase: "string" }), T("string"),
  [{ phrase: "summer sale now" }, { phrase: "throwback thursday" }],
  {
    one_word: { phrase: "monday" }, shouting: { phrase: "NEW YORK CITY" }, extra_spaces: { phrase: "  keep   it  simple " }, digits: { phrase: "top 10 tips" },
    already_capitalized: { phrase: "World Cup" }, single_letters: { phrase: "a b c" }, mixed_case: { phrase: "iPhone tRICKS" }, long: { phrase: "the quick brown fox jumps over the lazy dog" },
  });

spec("ordinal_day",
  "A day of the month as an English ordinal: 1st, 2nd, 3rd, 4th, ...",
  obj({ day: { type: "integer", minimum: 1, maximum: 31 } }), T("string"),
  [{ day: 1 }, { day: 2 }, { day: 4 }],
  {
    third: { day: 3 }, eleventh: { day: 11 }, twelfth: { day: 12 }, thirteenth: { day: 13 }, twenty_first: { day: 21 }, twenty_second: { day: 22 },
    twenty_third: { day: 23 }, thirty_first: { day: 31 }, tenth: { day: 10 }, thirtieth: { day: 30 }, fourteenth: { day: 14 }, twentieth: { day: 20 },
  });

spec("amount_with_thousands",
  "A whole amount written with commas between groups of three digits, e.g. 1,234,567.",
  obj({ amount: { type: "integer", minimum: 0 } }), T("string"),
  [{ amount: 1234567 }, { amount: 5000 }, { amount: 250 }],
  {
    zero: { amount: 0 }, three_digits: { amount: 999 }, one_thousand: { amount: 1000 }, ten_thousand: { amount: 10000 },
    hundred_thousand: { amount: 100000 }, one_million: { amount: 1000000 }, one_digit: { amount: 7 }, billions: { amount: 9876543210 },
    four_digits: { amount: 1001 },
  });

spec("comma_name_to_natural",
  "A name written \"Last, First\" turned around to \"First Last\" (spaces around either part dropped).",
  obj({ name: "string" }), T("string"),
  [{ name: "Lovelace, Ada" }, { name: "Hopper, Grace Brewster" }],
  {
    simple: { name: "Turing, Alan" }, particle_in_last: { name: "de la Cruz, Juan" }, no_space_after_comma: { name: "Smith,John" },
    extra_spaces: { name: "  Curie ,  Marie " }, hyphenated_last: { name: "Lloyd-Webber, Andrew" }, one_letter_first: { name: "Doe, J" },
    two_word_last: { name: "Van Gogh, Vincent" }, long_first: { name: "Garcia, Maria del Carmen" },
  });

spec("time_12h_to_24h",
  "A 12-hour clock time (H:MM AM or PM) written on the 24-hour clock as HH:MM.",
  obj({ time: { type: "string", pattern: "^(1[0-2]|[1-9]):[0-5][0-9] (AM|PM)$" } }), T("string"),
  [{ time: "2:05 PM" }, { time: "9:30 AM" }],
  {
    noon: { time: "12:00 PM" }, midnight: { time: "12:00 AM" }, after_midnight: { time: "12:45 AM" }, just_after_noon: { time: "12:01 PM" },
    eleven_pm: { time: "11:59 PM" }, one_am: { time: "1:00 AM" }, ten_am: { time: "10:10 AM" }, ten_pm: { time: "10:10 PM" }, seven_pm: { time: "7:45 PM" },
  });

spec("abbreviate_middle_names",
  "A full name with each middle name cut to its initial and a dot; the first and last names stay whole, and the words are separated by single spaces.",
  obj({ name: "string" }), T("string"),
  [{ name: "John Ronald Reuel Tolkien" }, { name: "Grace Brewster Hopper" }],
  {
    no_middle: { name: "Alan Turing" }, one_word: { name: "Cher" }, one_middle: { name: "Samuel Langhorne Clemens" }, extra_spaces: { name: "Mary  Wollstonecraft  Shelley" },
    four_middles: { name: "Pablo Diego José Francisco Picasso" }, short_middle: { name: "Harry S Truman" }, lowercase: { name: "george herbert walker bush" },
    already_initial: { name: "Martin L. King" },
  });

spec("truncate_with_ellipsis",
  "Text cut to at most max characters: unchanged when it fits, otherwise its first max - 3 characters followed by \"...\".",
  obj({ text: "string", max: { type: "integer", minimum: 4 } }), T("string"),
  [{ text: "Hello, world", max: 20 }, { text: "The quick brown fox", max: 10 }],
  {
    exactly_fits: { text: "abcdef", max: 6 }, one_too_long: { text: "abcdefg", max: 6 }, empty: { text: "", max: 5 },
    smallest_max: { text: "truncate me", max: 4 }, cut_inside_space: { text: "to be or not to be", max: 9 }, long_text: { text: "Lorem ipsum dolor sit amet, consectetur adipiscing elit", max: 30 },
    already_has_dots: { text: "wait...", max: 7 }, unicode_free_long: { text: "0123456789", max: 8 },
  });

spec("email_masked",
  "An email address with its local part hidden: the first character, then ***, then the @ and domain unchanged.",
  obj({ email: { type: "string", pattern: "^[^@]+@[^@]+$" } }), T("string"),
  [{ email: "ada.lovelace@example.com" }, { email: "bob@mail.org" }],
  {
    one_letter_local: { email: "a@b.co" }, two_letters: { email: "jo@site.net" }, digits: { email: "007bond@mi6.gov.uk" }, plus_tag: { email: "kim+news@inbox.io" },
    uppercase: { email: "Zed.Smith@Corp.COM" }, subdomain: { email: "ops@eu.mail.example.com" }, long_local: { email: "first.middle.last.name@x.org" },
    underscore: { email: "_admin@host.dev" },
  });

spec("iso_week_label",
  "A year and week number as an ISO week label: YYYY-Www, with the week number always two digits.",
  obj({ year: { type: "integer", minimum: 1000, maximum: 9999 }, week: { type: "integer", minimum: 1, maximum: 53 } }), T("string"),
  [{ year: 2026, week: 5 }, { year: 2025, week: 48 }],
  {
    first_week: { year: 2026, week: 1 }, last_week: { year: 2020, week: 53 }, week_ten: { year: 2027, week: 10 }, week_nine: { year: 2027, week: 9 },
    old_year: { year: 1999, week: 52 }, far_future: { year: 2100, week: 33 }, mid_year: { year: 2026, week: 26 }, week_eleven: { year: 2031, week: 11 },
  });

// ---- counting ----------------------------------------------------------------------------------

spec("count_vowels",
  "How many vowels (a, e, i, o, u, in either case) the text contains.",
  obj({ text: "string" }), T("integer"),
  [{ text: "Hello World" }, { text: "programming" }],
  {
    empty: { text: "" }, no_vowels: { text: "rhythm myth" }, y_is_not_a_vowel: { text: "yearly" }, capitals: { text: "AEIOU aeiou" },
    digits_and_symbols: { text: "R2-D2 & C-3PO!" }, repeated: { text: "aaaa" }, sentence: { text: "The quick brown fox jumps over the lazy dog." },
    long: { text: "Onomatopoeia is an unusual and educational word in encyclopaedias" },
  });

spec("unread_message_count",
  "How many messages in the inbox have not been read.",
  obj({ messages: arr(obj({ from: "string", subject: "string", read: "boolean" })) }), T("integer"),
  [
    { messages: rows(["from", "subject", "read"], ["amy", "lunch?", false], ["bank", "statement", true], ["amy", "re: lunch", false]) },
    { messages: rows(["from", "subject", "read"], ["hr", "payslip", true]) },
  ],
  {
    empty_inbox: { messages: [] }, all_unread: { messages: rows(["from", "subject", "read"], ["a", "x", false], ["b", "y", false], ["c", "z", false]) },
    all_read: { messages: rows(["from", "subject", "read"], ["a", "x", true], ["b", "y", true]) },
    single_unread: { messages: rows(["from", "subject", "read"], ["a", "x", false]) },
    same_sender_many: { messages: rows(["from", "subject", "read"], ["boss", "1", false], ["boss", "2", true], ["boss", "3", false], ["boss", "4", false]) },
    big_inbox: {
      messages: rows(["from", "subject", "read"], ["a", "1", true], ["b", "2", false], ["c", "3", true], ["d", "4", true], ["e", "5", false], ["f", "6", true], ["g", "7", false], ["h", "8", true], ["i", "9", true], ["j", "10", false]),
    },
    unread_word_in_subject: { messages: rows(["from", "subject", "read"], ["a", "unread", true], ["b", "read", false]) },
    empty_subjects: { messages: rows(["from", "subject", "read"], ["a", "", false], ["b", "", true]) },
  });

spec("distinct_visitor_count",
  "How many different visitors appear in the page-visit log.",
  obj({ visits: arr(obj({ visitor_id: "string", page: "string" })) }), T("integer"),
  [
    { visits: rows(["visitor_id", "page"], ["v1", "/home"], ["v2", "/home"], ["v1", "/cart"]) },
    { visits: rows(["visitor_id", "page"], ["v7", "/blog"], ["v8", "/blog"], ["v9", "/about"]) },
  ],
  {
    no_visits: { visits: [] }, one_visitor_many_pages: { visits: rows(["visitor_id", "page"], ["v1", "/a"], ["v1", "/b"], ["v1", "/c"]) },
    same_page_different_visitors: { visits: rows(["visitor_id", "page"], ["x", "/home"], ["y", "/home"]) },
    case_matters: { visits: rows(["visitor_id", "page"], ["AB12", "/"], ["ab12", "/"]) },
    single: { visits: rows(["visitor_id", "page"], ["only", "/"]) },
    repeat_visits: { visits: rows(["visitor_id", "page"], ["a", "/"], ["b", "/"], ["a", "/"], ["c", "/"], ["b", "/"], ["a", "/"]) },
    many: {
      visits: rows(["visitor_id", "page"], ["u1", "/"], ["u2", "/p"], ["u3", "/q"], ["u4", "/"], ["u2", "/"], ["u5", "/r"], ["u6", "/"], ["u1", "/p"], ["u7", "/"], ["u8", "/s"]),
    },
    similar_ids: { visits: rows(["visitor_id", "page"], ["v1", "/"], ["v10", "/"], ["v1 ", "/"]) },
  });

spec("capitalized_word_count",
  "How many words in the text (separated by spaces) begin with a capital letter.",
  obj({ text: "string" }), T("integer"),
  [{ text: "Meet Ana at the Old Mill on Friday" }, { text: "no capitals here" }],
  {
    empty: { text: "" }, all_capitalized: { text: "New York City" }, shouting_counts_once_per_word: { text: "STOP right THERE" },
    digits_are_not_capitals: { text: "3 Days in 2026" }, capital_inside_word: { text: "iPhone and eBay" }, extra_spaces: { text: "  Hi   there  Bob " },
    sentence_with_punctuation: { text: "Yes, Paris is lovely. Rome too!" }, single_letter: { text: "I think I can" },
  });

spec("late_arrivals_count",
  "How many people arrived after the start time (HH:MM); arriving exactly at the start is on time.",
  obj({ arrivals: arr(obj({ name: "string", time: HHMM })), start: HHMM }), T("integer"),
  [
    { arrivals: rows(["name", "time"], ["Ali", "08:58"], ["Bea", "09:04"], ["Cem", "09:15"]), start: "09:00" },
    { arrivals: rows(["name", "time"], ["Dov", "13:30"], ["Eun", "13:29"]), start: "13:30" },
  ],
  {
    nobody: { arrivals: [], start: "10:00" }, exactly_on_time: { arrivals: rows(["name", "time"], ["a", "10:00"]), start: "10:00" },
    one_minute_late: { arrivals: rows(["name", "time"], ["a", "10:01"]), start: "10:00" },
    hour_boundary: { arrivals: rows(["name", "time"], ["a", "09:59"], ["b", "10:00"], ["c", "10:59"], ["d", "11:00"]), start: "10:30" },
    everyone_late: { arrivals: rows(["name", "time"], ["a", "23:59"], ["b", "12:00"]), start: "07:00" },
    midnight_start: { arrivals: rows(["name", "time"], ["a", "00:00"], ["b", "00:01"]), start: "00:00" },
    morning_vs_evening: { arrivals: rows(["name", "time"], ["a", "08:00"], ["b", "20:00"]), start: "09:00" },
    big_meeting: {
      arrivals: rows(["name", "time"], ["a", "14:02"], ["b", "13:55"], ["c", "14:00"], ["d", "14:10"], ["e", "13:59"], ["f", "14:01"], ["g", "15:00"], ["h", "14:00"]),
      start: "14:00",
    },
  });

spec("grade_counts",
  "How many times each letter grade occurs, as an object from grade to count (grades that do not occur are left out).",
  obj({ grades: arr({ type: "string", enum: ["A", "B", "C", "D", "E", "F"] }) }), { type: "object", additionalProperties: T("integer") },
  [{ grades: ["A", "B", "A", "C"] }, { grades: ["F", "F"] }],
  {
    no_grades: { grades: [] }, one_grade: { grades: ["E"] }, every_grade_once: { grades: ["F", "E", "D", "C", "B", "A"] },
    all_same: { grades: ["B", "B", "B", "B", "B"] },
    class_of_twelve: { grades: ["C", "B", "A", "C", "D", "B", "C", "F", "A", "C", "B", "E"] },
    two_kinds: { grades: ["A", "F", "A", "F", "A"] }, ends_with_new_grade: { grades: ["C", "C", "D"] }, mostly_a: { grades: ["A", "A", "A", "B"] },
  });
