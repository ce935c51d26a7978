// The specs of tests/fixtures/specs/holdout6 without their outputs: description, schemas and the
// inputs of the examples and the named tests. scripts/make-holdout6-specs.mjs adds the outputs.

import { T, obj, arr, HHMM, ISO_DATE, rows } from "./spec-schemas.mjs";
const NONNEG = { type: "number", minimum: 0 };
const POSITIVE = { type: "number", exclusiveMinimum: 0 };
const COUNT = { type: "integer", minimum: 0 };
const NAMES = arr("string");
const SPAN = obj({ start: HHMM, end: HHMM });
/** One single-field input per value: each("hp", {zero: 0}) -> {zero: {hp: 0}}. */
const each = (field, named) => Object.fromEntries(Object.entries(named).map(([name, v]) => [name, { [field]: v }]));
/** Busy spans from pairs: spans(["09:00", "10:00"]) -> [{start: "09:00", end: "10:00"}]. */
const spans = (...pairs) => rows(["start", "end"], ...pairs);

export const SPECS = [];
const spec = (capability, description, inputSchema, outputSchema, examples, tests) =>
  SPECS.push({ capability, description, inputSchema, outputSchema, examples, tests });

// ---- arithmetic on records ---------------------------------------------------------------------

spec("stones_and_pounds_to_kg",
  "A person's weight in stones and pounds (14 pounds to the stone) converted to kilograms, rounded to 1 decimal.",
  obj({ stones: COUNT, pounds: NONNEG }), T("number"),
  [{ stones: 10, pounds: 0 }, { stones: 12, pounds: 7 }],
  {
    zero: { stones: 0, pounds: 0 },
    pounds_only: { stones: 0, pounds: 9 },
    one_stone: { stones: 1, pounds: 0 },
    heavy: { stones: 20, pounds: 3 },
    half_pound: { stones: 11, pounds: 4.5 },
    pounds_past_a_stone: { stones: 9, pounds: 16 },
    child: { stones: 5, pounds: 2 },
    thirteen_and_thirteen: { stones: 13, pounds: 13 },
    light: { stones: 7, pounds: 1 },
  });

spec("wind_speed_mph_to_ms",
  "A wind speed in miles per hour converted to metres per second, rounded to 1 decimal.",
  obj({ mph: NONNEG }), T("number"),
  [{ mph: 10 }, { mph: 50 }],
  each("mph", { calm: 0, one: 1, light_air: 3, gentle: 7.5, fractional: 12.3, gale: 39, storm: 55, hurricane: 74, record_gust: 253 }));

spec("uk_pints_to_litres",
  "An amount of beer in UK (imperial) pints converted to litres, rounded to 2 decimals.",
  obj({ pints: NONNEG }), T("number"),
  [{ pints: 1 }, { pints: 4 }],
  each("pints", { zero: 0, half: 0.5, quarter: 0.25, two: 2, three_and_a_half: 3.5, six: 6, ten: 10, crate: 24, barrel: 288, hundred: 100 }));

spec("pressure_hpa_to_inhg",
  "Air pressure read at a weather station in hectopascals (millibars) converted to inches of mercury, rounded to 2 decimals.",
  obj({ station: "string", hpa: NONNEG }), T("number"),
  [{ station: "Home", hpa: 1000 }, { station: "Harbour", hpa: 1020 }],
  {
    standard: { station: "Sea level", hpa: 1013.25 },
    low: { station: "Moor", hpa: 950 },
    stormy: { station: "Cape", hpa: 978 },
    high: { station: "Plain", hpa: 1041 },
    record_low: { station: "Typhoon Tip", hpa: 870 },
    record_high: { station: "Agata", hpa: 1084.8 },
    zero: { station: "Vacuum", hpa: 0 },
    mountain: { station: "Summit", hpa: 700 },
    decimal: { station: "Roof", hpa: 1008.7 },
  });

spec("gold_holding_value",
  "What a holding of gold weighed in troy ounces is worth at a given price per gram, rounded to 2 decimals.",
  obj({ troy_ounces: NONNEG, price_per_gram: NONNEG }), T("number"),
  [{ troy_ounces: 1, price_per_gram: 60 }, { troy_ounces: 2, price_per_gram: 50 }],
  {
    no_gold: { troy_ounces: 0, price_per_gram: 62.5 },
    free_gold: { troy_ounces: 3, price_per_gram: 0 },
    tenth_ounce_coin: { troy_ounces: 0.1, price_per_gram: 65.5 },
    quarter_ounce: { troy_ounces: 0.25, price_per_gram: 58.2 },
    half_ounce: { troy_ounces: 0.5, price_per_gram: 72 },
    ounce_and_a_half: { troy_ounces: 1.5, price_per_gram: 63.8 },
    two_and_a_half: { troy_ounces: 2.5, price_per_gram: 61.37 },
    three_coins: { troy_ounces: 3, price_per_gram: 64.1 },
    four_ounces: { troy_ounces: 4, price_per_gram: 67.25 },
  });

spec("calories_from_macros",
  "The energy of a food in kilocalories from its grams of protein, carbohydrate and fat, using the standard Atwater factors, rounded to a whole number.",
  obj({ protein_g: NONNEG, carbs_g: NONNEG, fat_g: NONNEG }), T("number"),
  [{ protein_g: 10, carbs_g: 20, fat_g: 5 }, { protein_g: 0, carbs_g: 50, fat_g: 0 }],
  {
    nothing: { protein_g: 0, carbs_g: 0, fat_g: 0 },
    one_gram_fat: { protein_g: 0, carbs_g: 0, fat_g: 1 },
    protein_only: { protein_g: 25, carbs_g: 0, fat_g: 0 },
    label_decimals: { protein_g: 12.6, carbs_g: 30.2, fat_g: 8.1 },
    butter: { protein_g: 0.9, carbs_g: 0.1, fat_g: 81 },
    chicken_breast: { protein_g: 31, carbs_g: 0, fat_g: 3.6 },
    oats: { protein_g: 13.2, carbs_g: 67.7, fat_g: 6.5 },
    big_meal: { protein_g: 55, carbs_g: 120, fat_g: 42 },
    tiny: { protein_g: 0.2, carbs_g: 0.3, fat_g: 0.1 },
  });

spec("break_even_units",
  "How many units a small business must sell to cover its fixed costs: the fixed costs divided by the profit on each unit (selling price minus the variable cost of a unit), rounded up to a whole unit.",
  obj({ fixed_costs: NONNEG, price: NONNEG, unit_cost: NONNEG }), T("integer"),
  [{ fixed_costs: 1000, price: 10, unit_cost: 5 }, { fixed_costs: 500, price: 20, unit_cost: 15 }],
  {
    no_fixed_costs: { fixed_costs: 0, price: 12, unit_cost: 4 },
    exact: { fixed_costs: 3000, price: 25, unit_cost: 10 },
    round_up: { fixed_costs: 1000, price: 7, unit_cost: 4 },
    just_over: { fixed_costs: 1001, price: 10, unit_cost: 5 },
    cents_margin: { fixed_costs: 100, price: 2.5, unit_cost: 1.75 },
    coffee_cart: { fixed_costs: 1850, price: 3.2, unit_cost: 0.95 },
    big_ticket: { fixed_costs: 250000, price: 1299, unit_cost: 870 },
    one_unit: { fixed_costs: 50, price: 80, unit_cost: 20 },
    thin_margin: { fixed_costs: 40000, price: 9.99, unit_cost: 9.49 },
  });

spec("paint_tins_needed",
  "How many 2.5-litre tins of paint to buy for a room: the area of the walls (each wall's width times height, in metres) less the area of the doors and windows, times the number of coats, with a litre covering 10 square metres; whole tins, rounded up.",
  obj({ walls: arr(obj({ width: NONNEG, height: NONNEG })), openings_m2: NONNEG, coats: COUNT }), T("integer"),
  [
    { walls: rows(["width", "height"], [4, 2.5], [4, 2.5], [3, 2.5], [3, 2.5]), openings_m2: 5, coats: 2 },
    { walls: rows(["width", "height"], [5, 2]), openings_m2: 0, coats: 1 },
  ],
  {
    no_walls: { walls: [], openings_m2: 0, coats: 2 },
    no_coats: { walls: rows(["width", "height"], [4, 2.5]), openings_m2: 0, coats: 0 },
    exactly_one_tin: { walls: rows(["width", "height"], [5, 2.5], [5, 2.5]), openings_m2: 0, coats: 1 },
    just_over_one_tin: { walls: rows(["width", "height"], [5, 2.5], [5, 2.6]), openings_m2: 0, coats: 1 },
    exactly_two_tins: { walls: rows(["width", "height"], [10, 2.5], [10, 2.5], [5, 2]), openings_m2: 10, coats: 1 },
    three_coats: { walls: rows(["width", "height"], [3.6, 2.4], [3.6, 2.4], [2.8, 2.4], [2.8, 2.4]), openings_m2: 3.5, coats: 3 },
    big_hall: { walls: rows(["width", "height"], [12, 4], [12, 4], [8, 4], [8, 4]), openings_m2: 22, coats: 2 },
    one_small_wall: { walls: rows(["width", "height"], [1.2, 2]), openings_m2: 0, coats: 2 },
    doors_and_windows: { walls: rows(["width", "height"], [4.2, 2.7], [4.2, 2.7], [3.9, 2.7], [3.9, 2.7]), openings_m2: 6.3, coats: 2 },
  });

spec("annual_growth_rate_percent",
  "The compound annual growth rate of an investment in percent, from its value at the start, its value at the end and the number of years between, rounded to 1 decimal.",
  obj({ start_value: POSITIVE, end_value: NONNEG, years: { type: "integer", minimum: 1 } }), T("number"),
  [{ start_value: 100, end_value: 200, years: 1 }, { start_value: 1000, end_value: 1210, years: 2 }],
  {
    flat: { start_value: 500, end_value: 500, years: 4 },
    loss: { start_value: 1000, end_value: 810, years: 2 },
    doubled_in_ten_years: { start_value: 100, end_value: 200, years: 10 },
    three_years_of_ten: { start_value: 100, end_value: 133.1, years: 3 },
    five_years: { start_value: 5000, end_value: 8000, years: 5 },
    twenty_years: { start_value: 10000, end_value: 50000, years: 20 },
    halved_in_three: { start_value: 2000, end_value: 1000, years: 3 },
    small_gain_one_year: { start_value: 250, end_value: 260, years: 1 },
    wiped_out: { start_value: 800, end_value: 0, years: 2 },
  });

spec("ev_range_km",
  "How far an electric car can still drive, in kilometres rounded to a whole number, from its battery capacity in kWh, its charge level in percent and its consumption in kWh per 100 km.",
  obj({ battery_kwh: POSITIVE, charge_percent: { type: "number", minimum: 0, maximum: 100 }, kwh_per_100km: POSITIVE }), T("number"),
  [{ battery_kwh: 60, charge_percent: 100, kwh_per_100km: 15 }, { battery_kwh: 50, charge_percent: 50, kwh_per_100km: 20 }],
  {
    flat_battery: { battery_kwh: 75, charge_percent: 0, kwh_per_100km: 16 },
    eighty_percent: { battery_kwh: 77, charge_percent: 80, kwh_per_100km: 17.2 },
    efficient: { battery_kwh: 58, charge_percent: 100, kwh_per_100km: 13.5 },
    winter: { battery_kwh: 64, charge_percent: 90, kwh_per_100km: 23.8 },
    big_battery: { battery_kwh: 100, charge_percent: 65, kwh_per_100km: 18.7 },
    nearly_empty: { battery_kwh: 40, charge_percent: 4, kwh_per_100km: 14.9 },
    city_car: { battery_kwh: 27.4, charge_percent: 55, kwh_per_100km: 12.1 },
    truck: { battery_kwh: 540, charge_percent: 100, kwh_per_100km: 110 },
  });

spec("download_minutes",
  "How long a download takes in minutes, rounded to 1 decimal, from the file size in gigabytes (1 GB being 1000 MB) and the connection speed in megabits per second.",
  obj({ size_gb: NONNEG, speed_mbps: POSITIVE }), T("number"),
  [{ size_gb: 1, speed_mbps: 100 }, { size_gb: 6, speed_mbps: 50 }],
  {
    empty_file: { size_gb: 0, speed_mbps: 20 },
    half_gig_slow_line: { size_gb: 0.5, speed_mbps: 10 },
    game: { size_gb: 100, speed_mbps: 500 },
    dvd_image: { size_gb: 4.7, speed_mbps: 20 },
    gigabit: { size_gb: 25, speed_mbps: 1000 },
    dial_up_ish: { size_gb: 0.7, speed_mbps: 2 },
    backup: { size_gb: 50, speed_mbps: 75 },
    exact_hour: { size_gb: 4.5, speed_mbps: 10 },
    film: { size_gb: 12, speed_mbps: 35 },
  });

spec("tank_volume_litres",
  "How many litres a cylindrical water tank holds, from its inside diameter and height in centimetres, rounded to a whole litre.",
  obj({ diameter_cm: NONNEG, height_cm: NONNEG }), T("number"),
  [{ diameter_cm: 100, height_cm: 100 }, { diameter_cm: 50, height_cm: 120 }],
  {
    no_height: { diameter_cm: 80, height_cm: 0 },
    tiny: { diameter_cm: 10, height_cm: 10 },
    rain_butt: { diameter_cm: 58, height_cm: 90 },
    large: { diameter_cm: 200, height_cm: 250 },
    tall: { diameter_cm: 120, height_cm: 180 },
    odd_sizes: { diameter_cm: 30.5, height_cm: 45 },
    thimble: { diameter_cm: 1, height_cm: 1 },
    farm_tank: { diameter_cm: 300, height_cm: 300 },
    squat: { diameter_cm: 75, height_cm: 60 },
  });

spec("heating_degree_days",
  "Heating degree days over a run of days: for each day's mean temperature in °C, how far it is below the base of 15.5 °C (nothing for a day at or above it), added up and rounded to 1 decimal.",
  obj({ daily_mean_c: arr("number") }), T("number"),
  [{ daily_mean_c: [10, 12, 20] }, { daily_mean_c: [15.5, 5] }],
  each("daily_mean_c", {
    no_days: [],
    all_warm: [18, 21.5, 16],
    exactly_base: [15.5, 15.5],
    just_below: [15.4],
    frost: [-3.2, -0.5, 1],
    mixed_week: [12.3, 14.8, 16.2, 9.7, 7.1, 15.5, 11.9],
    winter_fortnight: [4.2, 3.8, 5.1, 2.9, 0.4, -1.6, -2.3, 1.8, 3.3, 6.2, 7.4, 5.5, 4.9, 3.1],
    one_cold_day: [0],
  }));

spec("months_to_savings_goal",
  "How many months of saving it takes to reach a goal, from what is already saved, the goal and the amount put aside each month (no interest): whole months, rounded up; 0 when the goal is already reached.",
  obj({ saved: NONNEG, goal: NONNEG, monthly: POSITIVE }), T("integer"),
  [{ saved: 0, goal: 1000, monthly: 100 }, { saved: 500, goal: 2000, monthly: 200 }],
  {
    already_there: { saved: 1500, goal: 1200, monthly: 100 },
    exactly_there: { saved: 800, goal: 800, monthly: 50 },
    one_cent_short: { saved: 999.99, goal: 1000, monthly: 50 },
    one_month_exact: { saved: 900, goal: 1000, monthly: 100 },
    holiday: { saved: 240, goal: 1850, monthly: 175 },
    car: { saved: 2500, goal: 12000, monthly: 350 },
    house_deposit: { saved: 8000, goal: 30000, monthly: 1200 },
    odd_amounts: { saved: 123.45, goal: 987.65, monthly: 48.5 },
    big_monthly: { saved: 0, goal: 300, monthly: 1000 },
  });

spec("loan_to_value_percent",
  "A mortgage's loan-to-value ratio: the loan (the property price less the deposit) as a percentage of the price, rounded to 1 decimal.",
  obj({ price: POSITIVE, deposit: NONNEG }), T("number"),
  [{ price: 200000, deposit: 20000 }, { price: 300000, deposit: 75000 }],
  {
    no_deposit: { price: 180000, deposit: 0 },
    cash_buyer: { price: 240000, deposit: 240000 },
    fifteen_percent: { price: 250000, deposit: 37500 },
    odd_deposit: { price: 187500, deposit: 12345 },
    two_thirds: { price: 360000, deposit: 120000 },
    nearly_ninety: { price: 99999, deposit: 9999 },
    expensive: { price: 1250000, deposit: 350000 },
    small_flat: { price: 150000, deposit: 16500 },
    one_third: { price: 90000, deposit: 60000 },
  });

spec("screen_ppi",
  "A screen's pixel density in pixels per inch, from its resolution (width and height in pixels) and its diagonal size in inches, rounded to a whole number.",
  obj({ width_px: COUNT, height_px: COUNT, diagonal_in: POSITIVE }), T("number"),
  [{ width_px: 1920, height_px: 1080, diagonal_in: 24 }, { width_px: 300, height_px: 400, diagonal_in: 5 }],
  {
    monitor_4k: { width_px: 3840, height_px: 2160, diagonal_in: 27 },
    phone: { width_px: 1170, height_px: 2532, diagonal_in: 6.1 },
    old_laptop: { width_px: 1366, height_px: 768, diagonal_in: 15.6 },
    qhd_monitor: { width_px: 2560, height_px: 1440, diagonal_in: 27 },
    square: { width_px: 1000, height_px: 1000, diagonal_in: 10 },
    notebook: { width_px: 1280, height_px: 800, diagonal_in: 13.3 },
    retina_laptop: { width_px: 3024, height_px: 1964, diagonal_in: 14.2 },
    svga_tablet: { width_px: 800, height_px: 600, diagonal_in: 10 },
    big_tv: { width_px: 3840, height_px: 2160, diagonal_in: 65 },
  });

spec("battery_watt_hours",
  "A power bank's energy in watt-hours (what airlines ask for), from its capacity in mAh and its voltage, rounded to 1 decimal.",
  obj({ mah: NONNEG, volts: NONNEG }), T("number"),
  [{ mah: 10000, volts: 3.7 }, { mah: 20000, volts: 5 }],
  {
    empty_spec: { mah: 0, volts: 3.7 },
    phone: { mah: 4000, volts: 3.85 },
    laptop: { mah: 6000, volts: 11.1 },
    airline_limit: { mah: 26800, volts: 3.6 },
    small: { mah: 5000, volts: 3.7 },
    just_under_100: { mah: 27000, volts: 3.7 },
    earbuds: { mah: 2600, volts: 3.7 },
    camera: { mah: 3000, volts: 7.4 },
    aa_cell: { mah: 1500, volts: 1.2 },
  });

spec("price_from_cost_markup",
  "A shop's selling price from what it paid for an item and its markup in percent added on top of that cost, rounded to 2 decimals.",
  obj({ cost: NONNEG, markup_percent: NONNEG }), T("number"),
  [{ cost: 10, markup_percent: 50 }, { cost: 80, markup_percent: 25 }],
  {
    no_markup: { cost: 12.4, markup_percent: 0 },
    free_item: { cost: 0, markup_percent: 40 },
    doubled: { cost: 7.5, markup_percent: 100 },
    third: { cost: 10, markup_percent: 33 },
    pennies: { cost: 19.99, markup_percent: 40 },
    odd_cost: { cost: 7.49, markup_percent: 60 },
    small: { cost: 1.25, markup_percent: 12 },
    vat_like: { cost: 250, markup_percent: 17.5 },
    triple: { cost: 0.99, markup_percent: 200 },
  });

// ---- filtering, sorting and grouping lists of records ------------------------------------------

spec("merged_busy_intervals",
  "A day's busy times (start and end as HH:MM, in any order) merged into the fewest separate blocks, in order of start time; times that overlap or touch (one ends as the next starts) become one block.",
  obj({ busy: arr(SPAN) }), arr(SPAN),
  [
    { busy: spans(["09:00", "10:00"], ["09:30", "11:00"], ["13:00", "14:00"]) },
    { busy: spans(["14:00", "15:00"], ["10:00", "11:00"]) },
  ],
  each("busy", {
    nothing: [],
    one: spans(["08:15", "08:45"]),
    touching: spans(["10:00", "11:00"], ["11:00", "12:00"]),
    nested: spans(["09:00", "17:00"], ["10:00", "11:00"]),
    one_minute_apart: spans(["10:00", "11:00"], ["11:01", "12:00"]),
    chain_out_of_order: spans(["12:00", "13:30"], ["09:00", "10:30"], ["13:00", "15:00"], ["10:15", "12:00"]),
    duplicates: spans(["16:00", "16:30"], ["16:00", "16:30"]),
    reverse_overlapping: spans(["15:00", "16:00"], ["14:30", "15:15"], ["14:00", "14:45"]),
    midnight_to_dawn: spans(["00:00", "06:00"], ["23:00", "23:59"], ["05:59", "07:00"]),
  }));

spec("free_slots_in_workday",
  "The free gaps in a working day from 09:00 to 17:00, given the day's meetings (start and end as HH:MM, in any order, possibly overlapping, possibly starting before 09:00 or ending after 17:00): each gap as a start and end, in order.",
  obj({ meetings: arr(SPAN) }), arr(SPAN),
  [{ meetings: spans(["10:00", "11:00"]) }, { meetings: spans(["09:00", "12:00"], ["13:00", "17:00"]) }],
  each("meetings", {
    no_meetings: [],
    all_day: spans(["09:00", "17:00"]),
    longer_than_the_day: spans(["08:00", "18:00"]),
    overlapping: spans(["10:00", "11:30"], ["11:00", "12:00"], ["14:00", "15:00"]),
    early_breakfast: spans(["08:00", "09:30"]),
    evening_only: spans(["17:00", "19:00"], ["18:00", "20:00"]),
    back_to_back: spans(["09:00", "10:00"], ["10:00", "11:00"], ["11:01", "17:00"]),
    out_of_order: spans(["15:30", "16:00"], ["09:15", "09:45"], ["12:00", "13:00"]),
    ends_late: spans(["16:30", "17:30"], ["13:00", "13:30"]),
  }));

spec("files_in_natural_order",
  "File names sorted the way a person expects: runs of digits compare by their number (file2 before file10), everything else alphabetically ignoring letter case.",
  obj({ files: NAMES }), NAMES,
  [{ files: ["img10.png", "img2.png", "img1.png"] }, { files: ["track 3.mp3", "Track 12.mp3", "track 1.mp3"] }],
  each("files", {
    nothing: [],
    one: ["notes.txt"],
    version_numbers: ["v1.10.txt", "v1.9.txt", "v1.2.txt", "v2.0.txt"],
    letter_case: ["b2", "A10", "a2", "B1"],
    no_digits: ["zebra.txt", "Apple.txt", "mango.txt"],
    leading_numbers: ["10 Intro.mp4", "2 Setup.mp4", "1 Start.mp4", "11 Outro.mp4"],
    prefix_first: ["report1.pdf", "report.pdf", "report10.pdf"],
    long_numbers: ["IMG_20240105_2.jpg", "IMG_20231231_10.jpg", "IMG_20240105_10.jpg"],
    chapters: ["Chapter 9.docx", "chapter 100.docx", "Chapter 20.docx", "appendix.docx"],
  }));

spec("posts_with_tag",
  "The titles of the blog posts tagged with a given tag, in their original order; tags are compared ignoring letter case.",
  obj({ posts: arr(obj({ title: "string", tags: NAMES })), tag: "string" }), NAMES,
  [
    { posts: [{ title: "Rome in 3 days", tags: ["travel", "food"] }, { title: "Sourdough basics", tags: ["food"] }, { title: "Packing light", tags: ["travel"] }], tag: "food" },
    { posts: [{ title: "Hello", tags: ["news"] }, { title: "Update", tags: ["news", "meta"] }], tag: "meta" },
  ],
  {
    no_posts: { posts: [], tag: "food" },
    no_match: { posts: [{ title: "A", tags: ["x"] }, { title: "B", tags: ["y"] }], tag: "z" },
    case_differs: { posts: [{ title: "Vegan chili", tags: ["Food", "Vegan"] }, { title: "Travel tips", tags: ["travel"] }], tag: "food" },
    query_in_capitals: { posts: [{ title: "Tax year end", tags: ["finance"] }, { title: "Budgeting", tags: ["Finance", "home"] }], tag: "FINANCE" },
    part_of_a_tag: { posts: [{ title: "Best cafes", tags: ["foodie"] }, { title: "Street food", tags: ["food"] }], tag: "food" },
    untagged_post: { posts: [{ title: "Draft", tags: [] }, { title: "Garden", tags: ["home"] }], tag: "home" },
    tag_twice: { posts: [{ title: "Oops", tags: ["home", "Home"] }], tag: "home" },
    all_match: { posts: [{ title: "One", tags: ["go"] }, { title: "Two", tags: ["rust", "go"] }, { title: "Three", tags: ["GO"] }], tag: "go" },
  });

spec("weekend_order_ids",
  "The ids of the orders placed on a Saturday or a Sunday, in their original order.",
  obj({ orders: arr(obj({ id: "string", date: ISO_DATE })) }), NAMES,
  [
    { orders: rows(["id", "date"], ["A1", "2024-06-01"], ["A2", "2024-06-03"], ["A3", "2024-06-02"]) },
    { orders: rows(["id", "date"], ["B7", "2024-06-05"], ["B8", "2024-06-08"]) },
  ],
  each("orders", {
    no_orders: [],
    weekdays_only: rows(["id", "date"], ["C1", "2024-06-03"], ["C2", "2024-06-07"]),
    all_weekend: rows(["id", "date"], ["D1", "2024-06-09"], ["D2", "2024-06-15"]),
    leap_day: rows(["id", "date"], ["E1", "2024-02-29"], ["E2", "2020-02-29"]),
    year_end: rows(["id", "date"], ["F1", "2023-12-31"], ["F2", "2024-01-01"], ["F3", "2023-12-30"]),
    millennium: rows(["id", "date"], ["G1", "1999-12-31"], ["G2", "2000-01-01"], ["G3", "2000-01-02"]),
    after_february: rows(["id", "date"], ["H1", "2025-02-28"], ["H2", "2025-03-01"], ["H3", "2026-03-01"]),
    same_day_twice: rows(["id", "date"], ["J1", "2026-12-05"], ["J2", "2026-12-05"], ["J3", "2026-12-04"]),
  }));

const ITEM_QTY = arr(obj({ item: "string", qty: NONNEG }));
spec("pantry_shortfall",
  "What to buy for a recipe: for each ingredient the recipe needs that the pantry holds less of, its name (as the recipe writes it) and the quantity missing, in the recipe's order. Names match ignoring letter case; the pantry may list an item more than once (add them up), and an item it does not list is missing entirely.",
  obj({ needed: ITEM_QTY, pantry: ITEM_QTY }), ITEM_QTY,
  [
    { needed: rows(["item", "qty"], ["flour", 500], ["eggs", 3], ["milk", 300]), pantry: rows(["item", "qty"], ["flour", 200], ["eggs", 6]) },
    { needed: rows(["item", "qty"], ["rice", 200]), pantry: rows(["item", "qty"], ["rice", 1000]) },
  ],
  {
    nothing_needed: { needed: [], pantry: rows(["item", "qty"], ["salt", 100]) },
    empty_pantry: { needed: rows(["item", "qty"], ["butter", 250], ["sugar", 100]), pantry: [] },
    exact_amounts: { needed: rows(["item", "qty"], ["oil", 50], ["garlic", 2]), pantry: rows(["item", "qty"], ["garlic", 2], ["oil", 50]) },
    letter_case: { needed: rows(["item", "qty"], ["Tomatoes", 6], ["Basil", 1]), pantry: rows(["item", "qty"], ["tomatoes", 4], ["basil", 3]) },
    listed_twice: { needed: rows(["item", "qty"], ["flour", 750]), pantry: rows(["item", "qty"], ["flour", 500], ["Flour", 200]) },
    two_bags_enough: { needed: rows(["item", "qty"], ["pasta", 800]), pantry: rows(["item", "qty"], ["pasta", 500], ["pasta", 500]) },
    fractions: { needed: rows(["item", "qty"], ["butter", 0.75], ["cream", 0.5]), pantry: rows(["item", "qty"], ["butter", 0.25], ["cream", 0.5]) },
    zero_in_pantry: { needed: rows(["item", "qty"], ["yeast", 7]), pantry: rows(["item", "qty"], ["yeast", 0]) },
    extra_pantry_items: { needed: rows(["item", "qty"], ["lemon", 2], ["honey", 30], ["ginger", 20]), pantry: rows(["item", "qty"], ["ginger", 5], ["chili", 3], ["honey", 500]) },
  });

spec("above_average_earners",
  "The names of the employees paid more than the team's average salary, highest salary first (equal salaries in their original order).",
  obj({ staff: arr(obj({ name: "string", salary: NONNEG })) }), NAMES,
  [
    { staff: rows(["name", "salary"], ["Ann", 50000], ["Bob", 30000], ["Cy", 40000]) },
    { staff: rows(["name", "salary"], ["Dee", 20000], ["Eve", 60000], ["Fay", 70000], ["Gus", 10000]) },
  ],
  each("staff", {
    no_staff: [],
    alone: rows(["name", "salary"], ["Hal", 45000]),
    all_equal: rows(["name", "salary"], ["Ida", 30000], ["Jo", 30000], ["Kim", 30000]),
    exactly_average: rows(["name", "salary"], ["Lu", 20000], ["Mo", 30000], ["Ned", 40000]),
    tie_above: rows(["name", "salary"], ["Oz", 52000], ["Pam", 20000], ["Quin", 52000], ["Rae", 21000]),
    one_high_earner: rows(["name", "salary"], ["Sam", 25000], ["Tia", 26000], ["Uma", 27000], ["Vic", 250000]),
    decimals: rows(["name", "salary"], ["Wes", 31250.5], ["Xi", 31250.25], ["Yan", 29000]),
    ascending: rows(["name", "salary"], ["Zoe", 10000], ["Al", 20000], ["Bea", 30000], ["Cal", 40000], ["Dan", 50000]),
  }));

spec("apartments_closest_to_budget",
  "The names of the three apartments whose monthly rent is closest to a budget, above or below it, closest first; at an equal distance the cheaper one first, then list order. Fewer when the list has fewer than three.",
  obj({ apartments: arr(obj({ name: "string", rent: NONNEG })), budget: NONNEG }), NAMES,
  [
    { apartments: rows(["name", "rent"], ["A", 900], ["B", 1200], ["C", 1050], ["D", 700]), budget: 1000 },
    { apartments: rows(["name", "rent"], ["Loft", 1500], ["Studio", 800]), budget: 1000 },
  ],
  {
    no_apartments: { apartments: [], budget: 900 },
    one: { apartments: rows(["name", "rent"], ["Attic", 2000]), budget: 900 },
    exact_match: { apartments: rows(["name", "rent"], ["Elm St", 950], ["Oak Ave", 1000], ["Pine Rd", 1020], ["Ash Ct", 700]), budget: 1000 },
    equal_distance: { apartments: rows(["name", "rent"], ["Over", 1100], ["Under", 900], ["Far", 1500]), budget: 1000 },
    same_rent: { apartments: rows(["name", "rent"], ["First", 980], ["Second", 980], ["Third", 980], ["Fourth", 980]), budget: 1000 },
    all_above: { apartments: rows(["name", "rent"], ["P", 1600], ["Q", 1300], ["R", 1450], ["S", 1900]), budget: 1200 },
    zero_budget: { apartments: rows(["name", "rent"], ["Dear", 1400], ["Cheap", 600], ["Mid", 900], ["Free room", 0]), budget: 0 },
    many: { apartments: rows(["name", "rent"], ["N1", 1180], ["N2", 1330], ["N3", 1240], ["N4", 1275], ["N5", 1260], ["N6", 990]), budget: 1250 },
  });

const DAY = { type: "string", enum: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] };
spec("common_free_days",
  "The days of the week on which both of us are free, given each person's free days (Mon to Sun), in week order starting on Monday, each once.",
  obj({ mine: arr(DAY), theirs: arr(DAY) }), arr(DAY),
  [{ mine: ["Fri", "Mon", "Wed"], theirs: ["Wed", "Thu", "Mon"] }, { mine: ["Sat", "Sun"], theirs: ["Sun"] }],
  {
    nothing_in_common: { mine: ["Mon", "Tue"], theirs: ["Thu", "Fri"] },
    i_am_never_free: { mine: [], theirs: ["Mon", "Wed"] },
    both_never_free: { mine: [], theirs: [] },
    identical: { mine: ["Tue", "Thu"], theirs: ["Tue", "Thu"] },
    sunday_last: { mine: ["Sun", "Mon", "Sat"], theirs: ["Sat", "Mon", "Sun"] },
    repeated_days: { mine: ["Wed", "Wed", "Fri"], theirs: ["Fri", "Wed", "Fri"] },
    whole_week: { mine: ["Sun", "Sat", "Fri", "Thu", "Wed", "Tue", "Mon"], theirs: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] },
    one_each: { mine: ["Thu"], theirs: ["Thu"] },
  });

spec("guests_not_replied",
  "The invited guests who have not replied yet, in the order of the invitation list; a reply matches a guest by name ignoring letter case and spaces around it.",
  obj({ invited: NAMES, replied: NAMES }), NAMES,
  [{ invited: ["Ann", "Bob", "Cat"], replied: ["Bob"] }, { invited: ["Dan", "Eve"], replied: ["Eve", "Dan"] }],
  {
    no_replies: { invited: ["Fay", "Gil"], replied: [] },
    nobody_invited: { invited: [], replied: ["Hal"] },
    letter_case: { invited: ["Ian Smith", "Jo Brown"], replied: ["ian smith"] },
    spaces: { invited: ["Kay", "Leo", "Mia"], replied: [" Leo ", "Mia  "] },
    stranger_replied: { invited: ["Ned", "Oli"], replied: ["Pat", "Ned"] },
    same_reply_twice: { invited: ["Quy", "Ria", "Sol"], replied: ["Ria", "ria"] },
    capitals_in_invite: { invited: ["TOM", "Uli"], replied: ["Tom"] },
    long_list: { invited: ["Ada", "Ben", "Cleo", "Dev", "Ezra", "Finn"], replied: ["Cleo", "ada", "Finn"] },
  });

spec("status_runs",
  "A service's status log (one status per check, oldest first) summarised as runs: each stretch of the same status in a row as the status and how many checks it lasted, in order.",
  obj({ statuses: NAMES }), arr(obj({ status: "string", count: COUNT })),
  [{ statuses: ["up", "up", "down", "up"] }, { statuses: ["ok", "ok", "ok"] }],
  each("statuses", {
    no_checks: [],
    one_check: ["degraded"],
    alternating: ["up", "down", "up", "down"],
    long_outage: ["up", "down", "down", "down", "down", "down", "up", "up"],
    returns_to_earlier_status: ["green", "amber", "green", "green", "amber", "amber", "amber"],
    three_statuses: ["up", "degraded", "degraded", "down", "degraded", "up"],
    outage_at_start: ["down", "down", "up", "up", "up"],
    ends_with_single: ["ok", "ok", "ok", "ok", "fail"],
  }));

spec("words_by_length",
  "The words of a text (runs of letters; digits and punctuation are not part of a word) lowercased and grouped by length: an object from each length to that length's words, each once, in order of first appearance.",
  obj({ text: "string" }), { type: "object", additionalProperties: NAMES },
  [{ text: "The cat sat on the mat" }, { text: "Big dogs, small dogs." }],
  each("text", {
    empty: "",
    only_punctuation: "... !!! ??",
    one_word: "Hello",
    repeated_in_other_case: "Go go GO gone",
    digits_between: "room 101 has 2 beds",
    hyphenated: "a well-known half-price sale",
    long_words: "Internationalization and localization matter",
    sentence_with_commas: "Red, green, blue; then red again.",
    many_lengths: "I am the best coder in this whole wide world",
  }));

spec("meter_daily_usage",
  "Daily usage from cumulative meter readings taken once a day: each reading minus the one before it, rounded to 1 decimal (one value fewer than there are readings).",
  obj({ readings: arr(NONNEG) }), arr("number"),
  [{ readings: [100, 105, 112] }, { readings: [2000, 2000, 2010] }],
  each("readings", {
    no_readings: [],
    one_reading: [4521.3],
    decimals: [1234.5, 1238.7, 1243.1, 1250],
    no_use: [88.8, 88.8, 88.8],
    big_meter: [987654.3, 987670.1, 987689.9],
    week: [5120.2, 5131.7, 5140.4, 5152.9, 5160.3, 5171.8, 5180.6],
    small_steps: [0.1, 0.3, 0.6, 1],
    from_zero: [0, 12, 24.6],
  }));

spec("best_value_packs_first",
  "Pack names from best value to worst: by price per unit (the pack's price divided by the number of units in it), cheapest per unit first; packs with the same price per unit keep their list order.",
  obj({ packs: arr(obj({ name: "string", price: NONNEG, units: { type: "integer", minimum: 1 } })) }), NAMES,
  [
    { packs: rows(["name", "price", "units"], ["Single", 1, 1], ["Six-pack", 4.5, 6], ["Twelve", 8.4, 12]) },
    { packs: rows(["name", "price", "units"], ["Big", 10, 4], ["Small", 3, 1]) },
  ],
  each("packs", {
    no_packs: [],
    one_pack: rows(["name", "price", "units"], ["Only", 2.99, 3]),
    same_unit_price: rows(["name", "price", "units"], ["Pair", 1, 2], ["Four", 2, 4], ["Dozen", 6, 12]),
    bulk_is_worse: rows(["name", "price", "units"], ["Bulk 24", 12, 24], ["Pack of 10", 4.9, 10], ["Pack of 3", 1.35, 3]),
    free_sample: rows(["name", "price", "units"], ["Paid", 1.2, 1], ["Sample", 0, 1]),
    close_prices: rows(["name", "price", "units"], ["A", 3.33, 10], ["B", 1, 3], ["C", 6.65, 20]),
    equal_then_cheaper: rows(["name", "price", "units"], ["X", 5, 5], ["Y", 2.5, 5], ["Z", 1, 1]),
    many: rows(["name", "price", "units"], ["P1", 0.6, 1], ["P4", 2.2, 4], ["P8", 3.6, 8], ["P16", 7.5, 16], ["P32", 16, 32]),
  }));

// ---- booleans over lists: any, all, repeats, order ---------------------------------------------

spec("card_number_passes_luhn",
  "Whether a payment card number passes the Luhn checksum; the number may have spaces or dashes between groups of digits.",
  obj({ card_number: { type: "string", pattern: "^[0-9][0-9 -]*$" } }), T("boolean"),
  [{ card_number: "4539 1488 0343 6467" }, { card_number: "1234 5678 9012 3456" }],
  each("card_number", {
    classic_valid: "79927398713",
    classic_off_by_one: "79927398710",
    dashes: "4111-1111-1111-1111",
    amex_groups: "3782 822463 10005",
    transposed_digits: "3782 822463 10050",
    all_zeros: "0000 0000 0000 0000",
    nines: "9999 9999 9999 9995",
    last_digit_changed: "4111 1111 1111 1112",
    no_spaces_valid: "5555555555554444",
  }));

spec("all_in_same_month",
  "Whether all the dates (YYYY-MM-DD) fall in the same calendar month of the same year; true when there are none.",
  obj({ dates: arr(ISO_DATE) }), T("boolean"),
  [{ dates: ["2024-05-01", "2024-05-20", "2024-05-09"] }, { dates: ["2024-05-31", "2024-06-01"] }],
  each("dates", {
    no_dates: [],
    one_date: ["2023-11-15"],
    same_month_other_year: ["2023-05-10", "2024-05-10"],
    same_day_repeated: ["2022-02-02", "2022-02-02", "2022-02-02"],
    year_end: ["2023-12-31", "2024-01-01"],
    first_and_last: ["2024-02-01", "2024-02-29"],
    one_stray: ["2025-07-01", "2025-07-14", "2025-08-14", "2025-07-30"],
    same_day_number_other_month: ["2025-03-12", "2025-04-12"],
    unsorted_same_month: ["2026-10-30", "2026-10-02", "2026-10-17"],
  }));

spec("gift_card_pair_exact",
  "Whether two different items on the list together cost exactly the value of a gift card (prices and card value in cents).",
  obj({ prices: arr(COUNT), card: COUNT }), T("boolean"),
  [{ prices: [1500, 2500, 1000], card: 2500 }, { prices: [1200, 3000, 900], card: 5000 }],
  {
    no_items: { prices: [], card: 2000 },
    single_item_equal_to_card: { prices: [2000], card: 2000 },
    one_item_half_the_card: { prices: [1000, 1700], card: 2000 },
    two_items_same_price: { prices: [1000, 1700, 1000], card: 2000 },
    three_needed: { prices: [500, 700, 800], card: 2000 },
    last_pair: { prices: [150, 320, 999, 1280, 1001], card: 2000 },
    over_by_a_cent: { prices: [1001, 1000], card: 2000 },
    free_item: { prices: [0, 2500, 4200], card: 2500 },
    many_items: { prices: [199, 349, 1299, 2499, 899, 4999, 650, 1150], card: 3148 },
  });

spec("no_repeated_letters",
  "Whether a word or phrase uses no letter more than once, ignoring letter case, spaces and hyphens.",
  obj({ text: "string" }), T("boolean"),
  [{ text: "lumberjack" }, { text: "letter" }],
  each("text", {
    empty: "",
    hyphens: "six-year-old",
    same_letter_other_case: "Alpha",
    long_isogram: "Dermatoglyphics",
    background: "background",
    two_words: "up to",
    repeats_across_words: "hello world",
    capital_start: "The Quick",
    repeat_far_apart: "cryptogram",
    single_letter: "a",
  }));

spec("steps_done_in_order",
  "Whether all the required steps appear in an activity log in the given order (other entries may come in between, and a step needed twice must appear twice).",
  obj({ required: NAMES, log: NAMES }), T("boolean"),
  [
    { required: ["login", "pay", "logout"], log: ["login", "browse", "pay", "logout"] },
    { required: ["login", "pay"], log: ["pay", "login"] },
  ],
  {
    nothing_required: { required: [], log: ["open"] },
    empty_log: { required: ["open"], log: [] },
    both_empty: { required: [], log: [] },
    exact: { required: ["a", "b", "c"], log: ["a", "b", "c"] },
    missing_step: { required: ["a", "b", "c"], log: ["a", "c"] },
    needed_twice_done_once: { required: ["save", "save"], log: ["edit", "save", "close"] },
    needed_twice_done_twice: { required: ["save", "save"], log: ["save", "edit", "save"] },
    late_repeat_rescues: { required: ["check", "ship"], log: ["ship", "check", "pack", "ship"] },
    longer_than_log: { required: ["a", "b", "c", "d"], log: ["a", "b", "c"] },
    out_of_order_end: { required: ["wash", "rinse", "dry"], log: ["wash", "dry", "rinse"] },
  });

spec("majority_voted_yes",
  "Whether a motion passes: more than half of all the votes cast are yes (abstentions count as votes cast).",
  obj({ votes: arr({ type: "string", enum: ["yes", "no", "abstain"] }) }), T("boolean"),
  [{ votes: ["yes", "yes", "no"] }, { votes: ["yes", "no"] }],
  each("votes", {
    no_votes: [],
    one_yes: ["yes"],
    one_no: ["no"],
    abstentions_block: ["yes", "yes", "no", "abstain", "abstain"],
    exactly_half: ["yes", "yes", "no", "abstain"],
    just_over_half: ["yes", "yes", "yes", "no", "abstain"],
    all_abstain: ["abstain", "abstain"],
    big_no: ["no", "no", "no", "yes"],
    big_yes: ["yes", "no", "yes", "yes", "abstain", "yes", "no", "yes"],
  }));

spec("shifts_cover_opening_hours",
  "Whether the staff shifts (start and end as HH:MM, in any order, possibly overlapping) together cover the shop's whole opening time, from opening to closing, without a gap.",
  obj({ open: HHMM, close: HHMM, shifts: arr(SPAN) }), T("boolean"),
  [
    { open: "09:00", close: "17:00", shifts: spans(["09:00", "13:00"], ["13:00", "17:00"]) },
    { open: "09:00", close: "17:00", shifts: spans(["09:00", "12:00"], ["13:00", "17:00"]) },
  ],
  {
    no_shifts: { open: "10:00", close: "18:00", shifts: [] },
    one_long_shift: { open: "10:00", close: "18:00", shifts: spans(["08:00", "20:00"]) },
    one_minute_gap: { open: "08:00", close: "16:00", shifts: spans(["08:00", "12:00"], ["12:01", "16:00"]) },
    overlapping_out_of_order: { open: "07:00", close: "22:00", shifts: spans(["14:00", "22:00"], ["07:00", "11:00"], ["10:30", "15:00"]) },
    starts_late: { open: "09:00", close: "17:00", shifts: spans(["09:15", "17:00"]) },
    ends_early: { open: "09:00", close: "17:00", shifts: spans(["09:00", "16:45"]) },
    nested_shifts: { open: "12:00", close: "14:00", shifts: spans(["11:00", "14:30"], ["12:30", "13:00"]) },
    gap_hidden_by_order: { open: "06:00", close: "12:00", shifts: spans(["09:00", "12:00"], ["06:00", "08:00"], ["07:00", "08:30"]) },
    shift_outside_hours: { open: "09:00", close: "17:00", shifts: spans(["09:00", "17:00"], ["18:00", "20:00"]) },
  });

// ---- string reformatting -----------------------------------------------------------------------

spec("australian_mobile_spaced",
  "An Australian mobile number written the usual way, 04XX XXX XXX, however it was typed: with spaces, dashes, dots or brackets, or with the country code 61 (with or without a +) in place of the leading 0.",
  obj({ phone: "string" }), T("string"),
  [{ phone: "0412345678" }, { phone: "+61 412 345 678" }],
  each("phone", {
    dashes: "0412-345-678",
    country_code_without_plus: "61412345678",
    compact_international: "+61412345678",
    brackets: "(04) 1234 5678",
    dots: "0498.765.432",
    already_spaced: "0400 000 111",
    spaced_oddly: "04 12 34 56 78",
    other_prefix: "+61 499 001 002",
  }));

spec("address_from_mail_header",
  "The bare email address from the value of an email's From header, such as Jane Doe <Jane.Doe@Example.com>, in lowercase; a value that is only an address is just trimmed and lowercased.",
  obj({ from: "string" }), T("string"),
  [{ from: "Jane Doe <Jane.Doe@Example.com>" }, { from: "bob@example.org" }],
  each("from", {
    quoted_name_with_comma: "\"Doe, Jane\" <jane@corp.example>",
    no_name_brackets_only: "<Info@Shop.example>",
    spaces_around: "  carol@example.net  ",
    plus_addressing: "Dan <dan+news@mail.example.com>",
    subdomain: "Support Team <help@support.eu.example.com>",
    capitals_only_address: "ERIN@EXAMPLE.COM",
    name_with_dots: "Dr. F. Grant <f.grant@uni.example.ac.uk>",
    no_space_before_bracket: "Gil<gil@example.io>",
  }));

spec("list_in_words",
  "A list of names written as a phrase: commas between them and \"and\" before the last one; a single name on its own and an empty list as an empty string.",
  obj({ names: NAMES }), T("string"),
  [{ names: ["Ann", "Bob", "Cat"] }, { names: ["Dan", "Eve"] }],
  each("names", {
    nobody: [],
    one: ["Fay"],
    four: ["Gus", "Hal", "Ida", "Jo"],
    full_names: ["Kim Lee", "Lu Park", "Mo Chan"],
    same_name_twice: ["Ned", "Ned"],
    many: ["A", "B", "C", "D", "E", "F"],
    two_full_names: ["Oli Moss", "Pat Reed"],
    lowercase: ["quinn", "rae", "sol"],
  }));

spec("spreadsheet_serial_to_iso",
  "A date as an Excel spreadsheet (Windows) stores it, a serial day number, written as YYYY-MM-DD; serials start after February 1900.",
  obj({ serial: { type: "integer", minimum: 61 } }), ISO_DATE,
  [{ serial: 45000 }, { serial: 44927 }],
  each("serial", {
    first_of_march_1900: 61,
    y2k: 36526,
    unix_epoch: 25569,
    leap_day: 43890,
    after_leap_day: 43891,
    year_end: 45657,
    next_year: 45658,
    far_future: 73051,
    largest: 2958465,
  }));

spec("unix_time_to_utc",
  "A Unix timestamp (seconds since 1970-01-01 00:00:00 UTC) written as the UTC date and time YYYY-MM-DD HH:MM:SS.",
  obj({ timestamp: "integer" }), { type: "string", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$" },
  [{ timestamp: 1700000000 }, { timestamp: 0 }],
  each("timestamp", {
    last_second_of_day_one: 86399,
    billennium: 1000000000,
    leap_day_2000: 951782400,
    leap_day_noon: 1709208000,
    year_2038: 2147483647,
    second_before_epoch: -1,
    year_2100: 4102444800,
    new_year_2025: 1735689600,
    odd_time: 1234567890,
  }));

spec("first_and_last_name",
  "Just the first and last name from a full name, dropping any middle names, separated by a single space; a single name stays as it is.",
  obj({ name: "string" }), T("string"),
  [{ name: "Mary Ann Smith" }, { name: "John Smith" }],
  each("name", {
    single_name: "Cher",
    many_middle_names: "Pablo Diego José Francisco Ruiz",
    extra_spaces: "  Ada   King  ",
    hyphenated_surname: "Anna Maria Lloyd-Webber",
    hyphenated_first_name: "Jean-Luc Picard",
    lowercase_kept: "emily jane bronte",
    initial_in_middle: "George W. Bush",
    capitals: "ALAN MATHISON TURING",
  }));

spec("hex_colour_full_form",
  "A CSS hex colour in its full six-digit lowercase form with a leading #: a three-digit colour has each digit doubled; the # may be missing from the input.",
  obj({ colour: { type: "string", pattern: "^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$" } }), { type: "string", pattern: "^#[0-9a-f]{6}$" },
  [{ colour: "#abc" }, { colour: "#FF8800" }],
  each("colour", {
    white_short: "#FFF",
    no_hash_short: "abc",
    no_hash_long: "1A2B3C",
    black_short: "000",
    green_short: "#0f0",
    already_full: "#123456",
    mixed_case_short: "#aBc",
    digits_only: "#369",
  }));

spec("us_zip_plus_four",
  "A US ZIP code written properly: five digits, or ZIP+4 as five digits, a dash and four digits; the input may have the digits run together or separated by a space or a dash.",
  obj({ zip: { type: "string", pattern: "^[0-9]{5}([ -]?[0-9]{4})?$" } }), { type: "string", pattern: "^[0-9]{5}(-[0-9]{4})?$" },
  [{ zip: "123456789" }, { zip: "90210" }],
  each("zip", {
    space: "12345 6789",
    already_dashed: "12345-6789",
    leading_zero: "02134",
    leading_zero_plus_four: "021340001",
    zeros: "000000000",
    dash_leading_zero: "07030-1234",
    nines: "99999 9999",
    plain: "60601",
  }));

spec("normalized_path",
  "An absolute Unix path tidied up: repeated slashes become one, \".\" segments are dropped and each \"..\" removes the folder before it (never going above the root); no trailing slash except for the root itself.",
  obj({ path: { type: "string", pattern: "^/" } }), T("string"),
  [{ path: "/a/b/../c" }, { path: "//home//user/" }],
  each("path", {
    root: "/",
    above_root: "/../a",
    dots: "/a/./b/.",
    back_to_root: "/a/b/../../..",
    three_dots_is_a_name: "/a/.../b",
    dotted_names: "/a/..b/c./.d",
    two_levels_up: "/home/user/docs/../../etc",
    only_slashes: "////",
    trailing_dotdot: "/var/log/..",
  }));

spec("url_without_utm_params",
  "A URL with the utm_ tracking parameters (utm_source, utm_medium and the like) removed from its query string; the other parameters stay in their order, the ? goes when none are left, and a #fragment stays.",
  obj({ url: "string" }), T("string"),
  [
    { url: "https://shop.example/item?id=42&utm_source=news" },
    { url: "https://blog.example/post?utm_source=x&utm_medium=email" },
  ],
  each("url", {
    no_query: "https://example.com/page",
    nothing_to_remove: "https://example.com/search?q=shoes&page=2",
    utm_first: "https://example.com/?utm_campaign=spring&color=red&size=m",
    with_fragment: "https://example.com/docs?utm_source=tw&ref=home#install",
    only_utm_and_fragment: "https://example.com/a?utm_content=banner#top",
    not_a_prefix: "https://example.com/x?autm_x=1&utm=2&utm_term=run",
    empty_value: "https://example.com/p?utm_source=&id=7",
    many_params: "http://example.org/path/to?a=1&utm_source=fb&b=2&utm_medium=social&c=3&utm_campaign=x",
  }));

spec("css_property_to_camel",
  "A CSS property name as the camelCase name JavaScript uses for it on element.style; a vendor-prefixed property (starting with a dash) starts with a capital letter.",
  obj({ property: { type: "string", pattern: "^-?[a-z]+(-[a-z]+)*$" } }), T("string"),
  [{ property: "background-color" }, { property: "border-top-width" }],
  each("property", {
    one_word: "color",
    two_words: "font-size",
    short_word: "z-index",
    four_words: "border-top-left-radius",
    webkit: "-webkit-box-shadow",
    moz: "-moz-user-select",
    grid: "grid-template-columns",
    line_height: "line-height",
  }));

spec("follower_count_short",
  "A follower count the way social apps show it: under 1,000 as it is; from a thousand, K for thousands, M for millions and B for billions, with at most one decimal (rounded, and no .0).",
  obj({ count: COUNT }), T("string"),
  [{ count: 1500 }, { count: 2000000 }, { count: 850 }],
  each("count", {
    zero: 0,
    just_under_a_thousand: 999,
    one_thousand: 1000,
    rounds_down_to_whole: 1049,
    rounds_up: 12370,
    big_thousands: 999000,
    one_million: 1000000,
    millions_with_decimal: 2345678,
    whole_millions: 15000000,
    billions: 7210000000,
  }));

spec("accounting_amount",
  "An amount written accounting style: thousands separated by commas, always two decimals, and a negative amount in parentheses instead of with a minus sign.",
  obj({ amount: "number" }), T("string"),
  [{ amount: -1234.5 }, { amount: 1000 }],
  each("amount", {
    zero: 0,
    negative_cents: -0.5,
    a_million: 1000000,
    carry_to_thousand: 999.999,
    negative_millions: -1234567.891,
    small_whole: 12,
    hundred: 100,
    negative_thousand: -1000,
    cents_only: 0.07,
  }));

spec("without_accents",
  "Text with the accents and other diacritical marks taken off its letters, everything else unchanged.",
  obj({ text: "string" }), T("string"),
  [{ text: "Crème brûlée" }, { text: "São Paulo" }],
  each("text", {
    empty: "",
    plain: "plain text",
    umlaut: "Zürich",
    ring: "Ångström",
    diaeresis_and_acute: "naïve café",
    capitals: "ÉCOLE ÉLÉMENTAIRE",
    caron: "Dvořák",
    tilde: "Ñandú",
    cedilla_and_punctuation: "Façade, garçon!",
  }));

spec("csv_row",
  "A CSV line from a list of field values: the fields joined by commas, where a field containing a comma, a double quote or a line break is wrapped in double quotes and any double quote inside it is doubled.",
  obj({ fields: NAMES }), T("string"),
  [{ fields: ["Ann", "42", "London"] }, { fields: ["Smith, John", "7"] }],
  each("fields", {
    no_fields: [],
    one_field: ["hello"],
    quote_inside: ["He said \"hi\"", "x"],
    line_break: ["line one\nline two", "end"],
    empty_fields: ["", "a", ""],
    spaces_kept: [" padded ", "b"],
    only_a_quote: ["\""],
    everything: ["a,b", "c\"d", "e\nf", "plain"],
  }));

// ---- counting ----------------------------------------------------------------------------------

spec("longest_streak_days",
  "The longest run of consecutive calendar days in a list of dates (YYYY-MM-DD) on which a habit was kept; the dates may be out of order or repeated; 0 when there are none.",
  obj({ dates: arr(ISO_DATE) }), COUNT,
  [{ dates: ["2024-03-01", "2024-03-02", "2024-03-03", "2024-03-05"] }, { dates: ["2024-03-10", "2024-03-08"] }],
  each("dates", {
    no_dates: [],
    one_date: ["2024-07-04"],
    repeated_dates: ["2024-01-01", "2024-01-01", "2024-01-02", "2024-01-02"],
    across_month_end: ["2024-04-29", "2024-04-30", "2024-05-01", "2024-05-02"],
    across_year_end: ["2023-12-30", "2024-01-01", "2023-12-31"],
    leap_year_gap: ["2024-02-28", "2024-03-01"],
    non_leap_year: ["2023-02-27", "2023-02-28", "2023-03-01"],
    later_run_longer: ["2024-06-01", "2024-06-02", "2024-06-10", "2024-06-11", "2024-06-12"],
    unsorted_two_runs: ["2024-09-05", "2024-09-01", "2024-09-04", "2024-09-02", "2024-09-03", "2024-09-20", "2024-09-21"],
  }));

spec("distinct_mentions",
  "How many different people a post mentions: @handles (letters, digits and underscores after an @), each counted once ignoring letter case; an @ inside an email address is not a mention.",
  obj({ post: "string" }), COUNT,
  [{ post: "Thanks @ann and @bob!" }, { post: "@cat @cat @cat" }],
  each("post", {
    no_mentions: "Lovely day today",
    empty: "",
    case_differs: "@Dan and @dan and @DAN",
    punctuation_after: "cc @eve, @fay. @gus!",
    underscores_and_digits: "@hal_9000 @ida_b @hal_9000",
    email_address: "mail me at jo@example.com or ping @kim",
    lone_at_sign: "meet @ 5pm with @lu",
    start_and_end: "@mo great work @ned",
    many: "@a1 @b2 @c3 @A1 @d4 @e5 @B2",
  }));

spec("age_band_counts",
  "How many people are in each age band, \"0-17\", \"18-34\", \"35-64\" and \"65+\"; every band is present, with 0 when nobody is in it.",
  obj({ ages: arr(COUNT) }), obj({ "0-17": COUNT, "18-34": COUNT, "35-64": COUNT, "65+": COUNT }),
  [{ ages: [10, 25, 40, 70] }, { ages: [30, 31, 50] }],
  each("ages", {
    nobody: [],
    newborn: [0],
    band_edges_low: [17, 18, 34, 35],
    band_edges_high: [64, 65],
    all_children: [3, 8, 12, 17],
    all_retired: [65, 80, 99, 101],
    family: [42, 39, 12, 9, 71, 68],
    one_of_each_twice: [1, 20, 36, 90, 16, 33, 63, 66],
  }));

spec("code_line_count",
  "How many lines of a Python source file are code: lines that are not blank (nothing but whitespace) and are not comment lines (whose first non-space character is #).",
  obj({ source: "string" }), COUNT,
  [{ source: "x = 1\n\n# comment\ny = 2\n" }, { source: "print('hi')" }],
  each("source", {
    empty: "",
    only_comments: "# one\n# two\n",
    indented_comment: "def f():\n    # explain\n    return 1\n",
    inline_comment_is_code: "a = 1  # set a\n",
    whitespace_lines: "a = 1\n   \n\t\nb = 2",
    shebang: "#!/usr/bin/env python3\nimport sys\nsys.exit(0)\n",
    windows_line_endings: "a = 1\r\n\r\n# note\r\nb = 2\r\n",
    hash_in_string: "s = '#not a comment'\nt = \"#\"\n",
    blank_lines_only: "\n\n\n",
  }));

spec("missing_invoice_numbers_count",
  "How many invoice numbers are missing from a run: the numbers between the smallest and the largest on the list that do not appear on it (the list may be out of order and have repeats).",
  obj({ numbers: arr(COUNT) }), COUNT,
  [{ numbers: [101, 102, 104, 105] }, { numbers: [7, 3, 5] }],
  each("numbers", {
    no_numbers: [],
    one_number: [500],
    no_gaps: [20, 21, 22, 23],
    repeats_no_gap: [8, 8, 9, 9, 10],
    one_big_gap: [1000, 1100],
    repeats_and_gaps: [12, 15, 12, 18, 15],
    unsorted: [9, 1, 5, 3, 7, 2],
    starts_at_zero: [0, 2, 4],
    same_twice: [42, 42],
  }));

spec("pages_in_print_range",
  "How many pages a print range selects, such as \"1-3, 5, 8-10\": comma-separated page numbers and from-to ranges (both ends included), each page counted once even when it is listed more than once.",
  obj({ range: { type: "string", pattern: "^ *[0-9]+( *- *[0-9]+)?( *, *[0-9]+( *- *[0-9]+)?)* *$" } }), COUNT,
  [{ range: "1-3, 5, 8-10" }, { range: "4" }],
  each("range", {
    one_range: "1-3",
    single_page_range: "10-10",
    overlapping_ranges: "1-5,3-7",
    same_page_thrice: "2,2,2",
    out_of_order: "9-10, 1",
    spaces_everywhere: " 3 - 6 , 8 ",
    hundred_pages: "1-100",
    page_inside_range: "20-30, 25",
    two_digit_and_single: "12,1-2,15-16",
  }));
