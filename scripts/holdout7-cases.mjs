// The specs of tests/fixtures/specs/holdout7 without their outputs: description, schemas and the
// inputs of the examples and the named tests. scripts/make-holdout7-specs.mjs adds the outputs.

import { T, obj, arr, HHMM, ISO_DATE, rows } from "./spec-schemas.mjs";
const NONNEG = { type: "number", minimum: 0 };
const POSITIVE = { type: "number", exclusiveMinimum: 0 };
const COUNT = { type: "integer", minimum: 0 };
const NAMES = arr("string");
const STAMP = { type: "string", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]$" };
/** One single-field input per value: each("inches", {zero: 0}) -> {zero: {inches: 0}}. */
const each = (field, named) => Object.fromEntries(Object.entries(named).map(([name, v]) => [name, { [field]: v }]));

export const SPECS = [];
const spec = (capability, description, inputSchema, outputSchema, examples, tests) =>
  SPECS.push({ capability, description, inputSchema, outputSchema, examples, tests });

// ---- arithmetic on records ---------------------------------------------------------------------

spec("tablespoons_to_ml",
  "An amount in US tablespoons converted to millilitres, rounded to 1 decimal.",
  obj({ tablespoons: NONNEG }), T("number"),
  [{ tablespoons: 1 }, { tablespoons: 2 }],
  each("tablespoons", { zero: 0, half: 0.5, one_and_a_half: 1.5, three: 3, quarter_cup: 4, half_cup: 8, cup: 16, ten: 10, pint: 32, hundred: 100 }));

spec("ac_btu_to_kw",
  "An air conditioner's cooling power in BTU per hour converted to kilowatts, rounded to 2 decimals.",
  obj({ btu_per_hour: NONNEG }), T("number"),
  [{ btu_per_hour: 10000 }, { btu_per_hour: 12000 }],
  each("btu_per_hour", { zero: 0, one_thousand: 1000, small_window_unit: 5000, six_thousand: 6000, nine_thousand: 9000, odd_rating: 15500, eighteen_thousand: 18000, two_ton: 24000, three_ton: 36000, four_ton: 48000 }));

spec("blood_pressure_mmhg_to_kpa",
  "A blood pressure reading in mmHg (systolic over diastolic) converted to kilopascals, each rounded to 1 decimal.",
  obj({ systolic: NONNEG, diastolic: NONNEG }), obj({ systolic_kpa: T("number"), diastolic_kpa: T("number") }),
  [{ systolic: 120, diastolic: 80 }, { systolic: 140, diastolic: 90 }],
  {
    low: { systolic: 90, diastolic: 60 },
    high: { systolic: 160, diastolic: 100 },
    crisis: { systolic: 185, diastolic: 125 },
    odd_values: { systolic: 117, diastolic: 73 },
    child: { systolic: 100, diastolic: 65 },
    zero: { systolic: 0, diastolic: 0 },
    wide_gap: { systolic: 150, diastolic: 58 },
    borderline: { systolic: 139, diastolic: 89 },
    decimal_readings: { systolic: 128.5, diastolic: 84.5 },
  });

spec("run_pace_per_mile",
  "The pace of a run in minutes per mile, from the distance run in kilometres and the time it took in minutes, rounded to 2 decimals.",
  obj({ km: POSITIVE, minutes: NONNEG }), T("number"),
  [{ km: 5, minutes: 25 }, { km: 10, minutes: 60 }],
  {
    five_k_in_thirty: { km: 5, minutes: 30 },
    marathon_four_hours: { km: 42.195, minutes: 240 },
    one_km: { km: 1, minutes: 4.5 },
    half_marathon: { km: 21.1, minutes: 120 },
    no_time: { km: 3, minutes: 0 },
    exactly_a_mile: { km: 1.609344, minutes: 8 },
    three_km: { km: 3, minutes: 15.5 },
    eight_km: { km: 8, minutes: 42 },
    fifteen_km: { km: 15, minutes: 80 },
  });

spec("tv_size_inches_to_cm",
  "A television's screen size (its diagonal) in inches converted to centimetres, rounded to a whole centimetre.",
  obj({ inches: NONNEG }), T("number"),
  [{ inches: 50 }, { inches: 40 }],
  each("inches", { zero: 0, laptop: 13.3, big_laptop: 15.6, monitor: 24, big_monitor: 27, small_tv: 32, forty_three: 43, fifty_five: 55, sixty_five: 65, huge: 98 }));

spec("body_surface_area_m2",
  "A patient's body surface area in square metres by the Mosteller formula, from height in centimetres and weight in kilograms, rounded to 2 decimals.",
  obj({ height_cm: NONNEG, weight_kg: NONNEG }), T("number"),
  [{ height_cm: 180, weight_kg: 80 }, { height_cm: 150, weight_kg: 54 }],
  {
    no_weight: { height_cm: 170, weight_kg: 0 },
    child: { height_cm: 110, weight_kg: 18 },
    average: { height_cm: 165, weight_kg: 60 },
    decimals: { height_cm: 172.5, weight_kg: 68.2 },
    tall_heavy: { height_cm: 200, weight_kg: 120 },
    newborn: { height_cm: 50, weight_kg: 3.5 },
    short_heavy: { height_cm: 160, weight_kg: 90 },
    tall_light: { height_cm: 190, weight_kg: 75 },
    small_adult: { height_cm: 155, weight_kg: 48 },
  });

spec("reading_time_minutes",
  "How many minutes a text takes to read at a given number of words a minute, rounded up to a whole minute; words are separated by spaces, tabs or line breaks.",
  obj({ text: "string", words_per_minute: { type: "integer", minimum: 1 } }), T("integer"),
  [{ text: "one two three four five six", words_per_minute: 3 }, { text: "a b c d e", words_per_minute: 2 }],
  {
    empty: { text: "", words_per_minute: 200 },
    only_spaces: { text: "   ", words_per_minute: 200 },
    one_word: { text: "Hello", words_per_minute: 200 },
    exact_minutes: { text: "the cat sat on the mat", words_per_minute: 2 },
    one_word_over: { text: "the cat sat on the mat again", words_per_minute: 2 },
    extra_spaces: { text: "  lots   of   space  here ", words_per_minute: 3 },
    line_breaks: { text: "Dear Sam,\nThanks for the book.\n\nBest,\nAl", words_per_minute: 2 },
    tabs: { text: "a\tb\tc\td", words_per_minute: 4 },
    long_paragraph: { text: "It was a bright cold day in April, and the clocks were striking thirteen.", words_per_minute: 5 },
  });

spec("pizzas_to_order",
  "How many pizzas to order for a party: every guest eats the given number of slices and a pizza is cut into 8 slices; whole pizzas, rounded up.",
  obj({ guests: COUNT, slices_each: COUNT }), T("integer"),
  [{ guests: 4, slices_each: 2 }, { guests: 10, slices_each: 3 }],
  {
    no_guests: { guests: 0, slices_each: 3 },
    nobody_hungry: { guests: 12, slices_each: 0 },
    exactly_two: { guests: 8, slices_each: 2 },
    one_slice: { guests: 1, slices_each: 1 },
    fifteen_slices: { guests: 5, slices_each: 3 },
    big_eaters: { guests: 12, slices_each: 4 },
    large_party: { guests: 25, slices_each: 3 },
    whole_pizza_each: { guests: 7, slices_each: 8 },
    one_over: { guests: 9, slices_each: 1 },
  });

spec("hours_slept",
  "How many hours I slept, from the time I went to bed and the time I woke up (24-hour HH:MM); a wake-up time at or before the bedtime is on the next day. Rounded to 2 decimals.",
  obj({ bed: HHMM, wake: HHMM }), T("number"),
  [{ bed: "23:00", wake: "07:00" }, { bed: "22:30", wake: "06:00" }],
  {
    after_midnight: { bed: "01:15", wake: "09:00" },
    nap: { bed: "13:00", wake: "13:20" },
    same_time: { bed: "07:00", wake: "07:00" },
    a_minute_short_of_a_day: { bed: "08:00", wake: "07:59" },
    midnight_bed: { bed: "00:00", wake: "08:00" },
    odd_minutes: { bed: "21:45", wake: "05:10" },
    two_minutes: { bed: "23:59", wake: "00:01" },
    late_riser: { bed: "22:10", wake: "06:50" },
    night_shift: { bed: "08:30", wake: "15:40" },
  });

spec("prorated_leave_days",
  "The holiday entitlement of someone who works only part of the year: the full-year days times the months worked out of 12, rounded up to a whole day.",
  obj({ annual_days: NONNEG, months_worked: { type: "integer", minimum: 0, maximum: 12 } }), T("integer"),
  [{ annual_days: 24, months_worked: 6 }, { annual_days: 20, months_worked: 3 }],
  {
    no_months: { annual_days: 25, months_worked: 0 },
    full_year: { annual_days: 25, months_worked: 12 },
    seven_months: { annual_days: 25, months_worked: 7 },
    one_month: { annual_days: 28, months_worked: 1 },
    nine_months_exact: { annual_days: 20, months_worked: 9 },
    third_of_a_year: { annual_days: 33, months_worked: 4 },
    half_days_allowance: { annual_days: 22.5, months_worked: 8 },
    five_months: { annual_days: 26, months_worked: 5 },
    no_allowance: { annual_days: 0, months_worked: 6 },
    eleven_months: { annual_days: 30, months_worked: 11 },
  });

spec("roof_rainwater_litres",
  "How many litres of rain a roof collects into a water butt: the roof area in square metres times the rainfall in millimetres, less 10% lost to splashing and evaporation, rounded to a whole litre.",
  obj({ roof_m2: NONNEG, rain_mm: NONNEG }), T("number"),
  [{ roof_m2: 100, rain_mm: 10 }, { roof_m2: 50, rain_mm: 4 }],
  {
    dry_day: { roof_m2: 80, rain_mm: 0 },
    no_roof: { roof_m2: 0, rain_mm: 12 },
    inch_of_rain: { roof_m2: 120, rain_mm: 25.4 },
    shed: { roof_m2: 35.5, rain_mm: 7 },
    one_mm: { roof_m2: 80, rain_mm: 1 },
    drizzle: { roof_m2: 200, rain_mm: 0.5 },
    garage: { roof_m2: 64, rain_mm: 12.3 },
    small_porch: { roof_m2: 15, rain_mm: 3.3 },
    monsoon: { roof_m2: 250, rain_mm: 100 },
  });

spec("gear_inches",
  "The size of a bicycle gear in gear inches: the wheel diameter in inches times the teeth on the front chainring divided by the teeth on the rear cog, rounded to 1 decimal.",
  obj({ chainring: { type: "integer", minimum: 1 }, cog: { type: "integer", minimum: 1 }, wheel_inches: POSITIVE }), T("number"),
  [{ chainring: 40, cog: 20, wheel_inches: 26 }, { chainring: 50, cog: 25, wheel_inches: 27 }],
  {
    one_to_one: { chainring: 34, cog: 34, wheel_inches: 26 },
    top_gear: { chainring: 53, cog: 11, wheel_inches: 27 },
    road_climb: { chainring: 39, cog: 21, wheel_inches: 27 },
    fixie: { chainring: 46, cog: 17, wheel_inches: 28 },
    kids_bike: { chainring: 32, cog: 16, wheel_inches: 20 },
    mountain_bike_fast: { chainring: 44, cog: 12, wheel_inches: 29 },
    compact_low: { chainring: 50, cog: 34, wheel_inches: 26 },
    touring: { chainring: 36, cog: 28, wheel_inches: 27 },
    granny_gear: { chainring: 22, cog: 36, wheel_inches: 26 },
  });

spec("total_climb_metres",
  "The total climb of a hike from the elevations (in metres) recorded along it in order: the sum of every rise from one reading to the next; descents do not count. Rounded to 1 decimal.",
  obj({ elevations: arr("number") }), T("number"),
  [{ elevations: [100, 150, 120, 200] }, { elevations: [500, 400, 300] }],
  each("elevations", {
    no_readings: [],
    one_reading: [250],
    flat: [80, 80, 80],
    all_uphill: [10, 20, 35, 60],
    decimals: [10.5, 12.3, 11.1, 15.6],
    zigzag: [100, 110, 100, 110, 100, 110],
    below_sea_level: [-20, -5, -10, 3],
    long_day: [320, 410, 405, 520, 610, 590, 700, 650, 640, 820, 760],
    tiny_steps: [0.1, 0.2, 0.3, 0.2, 0.4],
  }));

spec("salt_from_sodium_g",
  "The salt in a food in grams from the sodium on its label in milligrams (salt is 2.5 times the sodium), rounded to 2 decimals.",
  obj({ sodium_mg: NONNEG }), T("number"),
  [{ sodium_mg: 400 }, { sodium_mg: 1000 }],
  each("sodium_mg", { none: 0, one_mg: 1, crackers: 120, soup: 575, daily_limit: 2300, tiny: 33, ready_meal: 851, salty_snack: 1999, bread_slice: 60 }));

spec("chargeable_weight_kg",
  "The weight a courier charges a parcel for: the greater of its actual weight in kilograms and its volume weight (length times width times height in centimetres, divided by 5000), rounded up to the next half kilogram.",
  obj({ weight_kg: NONNEG, length_cm: NONNEG, width_cm: NONNEG, height_cm: NONNEG }), T("number"),
  [
    { weight_kg: 2, length_cm: 30, width_cm: 20, height_cm: 10 },
    { weight_kg: 1, length_cm: 50, width_cm: 40, height_cm: 30 },
    { weight_kg: 3.2, length_cm: 10, width_cm: 10, height_cm: 10 },
  ],
  {
    exactly_a_half: { weight_kg: 2.5, length_cm: 20, width_cm: 20, height_cm: 20 },
    feather: { weight_kg: 0.1, length_cm: 10, width_cm: 5, height_cm: 2 },
    nothing: { weight_kg: 0, length_cm: 0, width_cm: 0, height_cm: 0 },
    bulky_and_light: { weight_kg: 1, length_cm: 45, width_cm: 35, height_cm: 25 },
    just_over_ten: { weight_kg: 10.01, length_cm: 20, width_cm: 20, height_cm: 20 },
    both_the_same: { weight_kg: 4.8, length_cm: 40, width_cm: 30, height_cm: 20 },
    suitcase_box: { weight_kg: 7, length_cm: 61, width_cm: 46, height_cm: 46 },
    heavy_and_small: { weight_kg: 25.5, length_cm: 60, width_cm: 40, height_cm: 40 },
  });

spec("concrete_bags_needed",
  "How many bags of ready-mix concrete a rectangular slab needs: its length and width in metres and its thickness in centimetres give the volume, and one bag makes 0.01 cubic metres; whole bags, rounded up.",
  obj({ length_m: NONNEG, width_m: NONNEG, thickness_cm: NONNEG }), T("integer"),
  [{ length_m: 2, width_m: 1, thickness_cm: 10 }, { length_m: 3, width_m: 2, thickness_cm: 5 }],
  {
    path_slab: { length_m: 1.5, width_m: 1.2, thickness_cm: 7.5 },
    no_thickness: { length_m: 4, width_m: 3, thickness_cm: 0 },
    shed_base: { length_m: 2.4, width_m: 2.4, thickness_cm: 10 },
    one_bag: { length_m: 1, width_m: 1, thickness_cm: 1 },
    garage_floor: { length_m: 5, width_m: 4, thickness_cm: 12 },
    post_pad: { length_m: 0.6, width_m: 0.6, thickness_cm: 5 },
    awkward_decimals: { length_m: 3.3, width_m: 3, thickness_cm: 10 },
    driveway: { length_m: 10, width_m: 3, thickness_cm: 15 },
    step: { length_m: 1.25, width_m: 0.8, thickness_cm: 10 },
  });

spec("fathoms_to_metres",
  "A water depth in fathoms converted to metres, rounded to 1 decimal.",
  obj({ fathoms: NONNEG }), T("number"),
  [{ fathoms: 1 }, { fathoms: 10 }],
  each("fathoms", { zero: 0, half: 0.5, two: 2, three_and_a_half: 3.5, mark_six: 6, twelve: 12, twenty_five: 25, fifty: 50, hundred: 100, thousand: 1000 }));

spec("pool_lengths_for_distance",
  "How many lengths of a swimming pool I must swim to cover a distance given in kilometres, from the pool's length in metres; whole lengths, rounded up.",
  obj({ km: NONNEG, pool_m: POSITIVE }), T("integer"),
  [{ km: 1, pool_m: 25 }, { km: 1.5, pool_m: 50 }],
  {
    no_distance: { km: 0, pool_m: 25 },
    four_hundred_metres: { km: 0.4, pool_m: 25 },
    odd_pool: { km: 1, pool_m: 33 },
    two_km: { km: 2, pool_m: 25 },
    hundred_metres_long_pool: { km: 0.1, pool_m: 50 },
    ironman_swim: { km: 3.8, pool_m: 50 },
    third_of_a_hundred: { km: 1.2, pool_m: 33.33 },
    five_km: { km: 5, pool_m: 25 },
    hotel_pool: { km: 0.75, pool_m: 20 },
    decimal_km: { km: 1.1, pool_m: 25 },
  });

// ---- filtering, sorting and grouping lists of records ------------------------------------------

spec("page_numbers_as_ranges",
  "A list of page numbers written compactly: pages in a row joined into a range like 3-5, single pages on their own, in ascending order, each page once, separated by a comma and a space.",
  obj({ pages: arr({ type: "integer", minimum: 1 }) }), T("string"),
  [{ pages: [1, 2, 3, 5] }, { pages: [8, 7, 10] }],
  each("pages", {
    none: [],
    one_page: [4],
    two_in_a_row: [4, 5],
    repeated: [2, 2, 3, 3, 3],
    all_apart: [1, 3, 5, 7],
    shuffled: [12, 10, 11, 1, 2],
    long_range: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    mixed: [3, 4, 5, 9, 14, 15, 16, 17, 20, 22, 23],
    big_numbers: [99, 100, 101, 1000],
  }));

const PLAYERS = arr(obj({ name: "string", score: "number" }));
const players = (...pairs) => rows(["name", "score"], ...pairs);
spec("competition_ranking",
  "Players ranked by score, highest first, each with their rank; players on the same score share a rank and the next rank skips the places they took (1, 2, 2, 4); players on the same score stay in the order given.",
  obj({ players: PLAYERS }), arr(obj({ name: "string", rank: COUNT })),
  [{ players: players(["Ann", 50], ["Ben", 70], ["Cy", 60]) }, { players: players(["Dee", 10], ["Eli", 20], ["Fay", 20], ["Gus", 5]) }],
  each("players", {
    nobody: [],
    one: players(["Solo", 3]),
    all_tied: players(["P", 7], ["Q", 7], ["R", 7]),
    tie_at_top: players(["Hal", 90], ["Ivy", 95], ["Jo", 95], ["Kit", 80]),
    tie_at_bottom: players(["Lu", 40], ["Max", 30], ["Ned", 30]),
    zeros_and_negatives: players(["Oz", 0], ["Pam", -5], ["Quin", 0], ["Rex", 2]),
    decimals: players(["Sid", 9.75], ["Tia", 9.8], ["Uma", 9.75]),
    two_ties: players(["V", 1], ["W", 3], ["X", 1], ["Y", 3], ["Z", 2]),
    long_list: players(["a", 12], ["b", 15], ["c", 9], ["d", 15], ["e", 20], ["f", 9], ["g", 11], ["h", 15]),
  }));

const BOOKINGS = arr(obj({ room: "string", start: HHMM, end: HHMM }));
const bookings = (...r) => rows(["room", "start", "end"], ...r);
spec("rooms_free_at",
  "The meeting rooms free at a given time, in alphabetical order: a room is busy from the start of a booking up to, but not including, its end.",
  obj({ rooms: NAMES, bookings: BOOKINGS, at: HHMM }), NAMES,
  [
    { rooms: ["Blue", "Red", "Green"], bookings: bookings(["Red", "09:00", "10:00"]), at: "09:30" },
    { rooms: ["Oak", "Elm"], bookings: bookings(["Oak", "13:00", "14:00"], ["Elm", "09:00", "17:00"]), at: "15:00" },
  ],
  {
    no_bookings: { rooms: ["Z", "A", "M"], bookings: [], at: "12:00" },
    no_rooms: { rooms: [], bookings: [], at: "12:00" },
    at_the_start: { rooms: ["Red", "Blue"], bookings: bookings(["Red", "10:00", "11:00"]), at: "10:00" },
    at_the_end: { rooms: ["Red", "Blue"], bookings: bookings(["Red", "10:00", "11:00"]), at: "11:00" },
    all_busy: { rooms: ["A", "B"], bookings: bookings(["A", "08:00", "12:00"], ["B", "11:30", "12:30"]), at: "11:45" },
    back_to_back: { rooms: ["Hall", "Nook"], bookings: bookings(["Hall", "09:00", "10:00"], ["Hall", "10:00", "11:00"]), at: "10:00" },
    several_bookings_one_room: { rooms: ["Pod", "Den", "Attic"], bookings: bookings(["Den", "08:00", "09:00"], ["Den", "14:00", "15:00"], ["Pod", "13:00", "16:00"]), at: "14:30" },
    midnight: { rooms: ["Night", "Day"], bookings: bookings(["Day", "08:00", "18:00"], ["Night", "00:00", "06:00"]), at: "00:00" },
    last_minute: { rooms: ["Late"], bookings: bookings(["Late", "22:00", "23:59"]), at: "23:58" },
  });

spec("order_ids_by_status",
  "Order ids grouped by status: an object with a key for each status that occurs, listing the ids of the orders in that status in the order given.",
  obj({ orders: arr(obj({ id: "string", status: "string" })) }), { type: "object", additionalProperties: NAMES },
  [
    { orders: rows(["id", "status"], ["A1", "paid"], ["A2", "shipped"], ["A3", "paid"]) },
    { orders: rows(["id", "status"], ["B7", "new"]) },
  ],
  each("orders", {
    no_orders: [],
    all_one_status: rows(["id", "status"], ["1", "open"], ["2", "open"], ["3", "open"]),
    every_status_different: rows(["id", "status"], ["x", "new"], ["y", "paid"], ["z", "void"]),
    letter_case_differs: rows(["id", "status"], ["C1", "Paid"], ["C2", "paid"]),
    interleaved: rows(["id", "status"], ["o1", "shipped"], ["o2", "new"], ["o3", "shipped"], ["o4", "new"], ["o5", "returned"], ["o6", "shipped"]),
    status_with_space: rows(["id", "status"], ["D1", "on hold"], ["D2", "paid"], ["D3", "on hold"]),
    numbers_as_ids: rows(["id", "status"], ["1003", "paid"], ["1001", "paid"], ["1002", "refunded"]),
    long_list: rows(["id", "status"], ["a", "new"], ["b", "paid"], ["c", "paid"], ["d", "shipped"], ["e", "new"], ["f", "delivered"], ["g", "shipped"], ["h", "paid"]),
  }));

spec("alarm_times_in_order",
  "Times of day written the 12-hour way (like 7:30 am, 12 pm or 9:05PM, any letter case, with or without a space and minutes) sorted from earliest to latest in the day, each kept exactly as written; equal times keep their order.",
  obj({ times: NAMES }), NAMES,
  [{ times: ["9:00 pm", "7:30 am", "1:15 pm"] }, { times: ["10 am", "8 am"] }],
  each("times", {
    none: [],
    one: ["6:45 am"],
    midnight_first: ["1:00 am", "12:00 am", "11:59 pm"],
    noon_before_one: ["1 pm", "12 pm", "11 am"],
    capitals_no_space: ["9:05PM", "9:05AM", "12:30PM"],
    same_time_written_twice: ["7 am", "6:59 am", "7:00 AM"],
    no_minutes: ["5 pm", "5:01 pm", "4:59 pm"],
    morning_and_evening_same_digits: ["8:15 pm", "8:15 am", "8:14 pm"],
    long_list: ["3:00 pm", "12:15 am", "6:30 am", "11:45 pm", "12:00 pm", "9:20 am", "2 am"],
  }));

spec("episodes_in_watch_order",
  "TV episode codes like S01E02 (any letter case, season and episode numbers of any length) put in watching order: by season, then by episode; each code kept as written.",
  obj({ codes: NAMES }), NAMES,
  [{ codes: ["S01E03", "S01E01", "S01E02"] }, { codes: ["S02E01", "S01E10"] }],
  each("codes", {
    none: [],
    one: ["S03E07"],
    ten_after_two: ["S1E10", "S1E2", "S1E1"],
    season_ten_after_nine: ["S10E01", "S9E12", "S2E05"],
    lower_case: ["s02e01", "S01E05", "s01e04"],
    same_episode_twice: ["S01E02", "S01E01", "S01E02"],
    three_digit_episodes: ["S01E100", "S01E099", "S01E101"],
    two_seasons_mixed: ["S02E02", "S01E02", "S02E01", "S01E01", "S01E03"],
    specials_season_zero: ["S01E01", "S00E02", "S00E01"],
  }));

spec("names_by_grade_letter",
  "Students grouped by letter grade from their score out of 100 (A from 90, B from 80, C from 70, D from 60, F below that): an object with the keys A, B, C, D and F, each listing the names with that grade in alphabetical order.",
  obj({ students: arr(obj({ name: "string", score: NONNEG })) }),
  obj({ A: NAMES, B: NAMES, C: NAMES, D: NAMES, F: NAMES }),
  [{ students: rows(["name", "score"], ["Zoe", 95], ["Adam", 82], ["Mia", 91]) }, { students: rows(["name", "score"], ["Tom", 55], ["Sue", 65]) }],
  each("students", {
    no_students: [],
    on_each_boundary: rows(["name", "score"], ["Ava", 90], ["Bo", 80], ["Cal", 70], ["Dev", 60]),
    just_below_each_boundary: rows(["name", "score"], ["Eve", 89.9], ["Fin", 79.5], ["Gia", 69.99], ["Hugo", 59.9]),
    full_and_zero: rows(["name", "score"], ["Ian", 100], ["Jan", 0]),
    all_fail: rows(["name", "score"], ["Kai", 12], ["Leo", 40], ["Ada", 3]),
    same_grade_sorted: rows(["name", "score"], ["Yara", 84], ["Bea", 88], ["Noor", 80], ["Carl", 86]),
    shared_first_letter: rows(["name", "score"], ["Sam", 75], ["Sally", 72], ["Sabine", 79]),
    whole_class: rows(["name", "score"], ["Uma", 67], ["Rob", 93], ["Pia", 71], ["Olga", 58], ["Quinn", 81], ["Max", 99], ["Lea", 60], ["Ned", 45]),
  }));

spec("readings_far_from_mean",
  "The sensor readings that lie more than two standard deviations from the mean of all the readings (the population standard deviation), in the order given.",
  obj({ readings: arr("number") }), arr("number"),
  [{ readings: [10, 10, 10, 10, 10, 10, 10, 10, 10, 50] }, { readings: [1, 2, 3] }],
  each("readings", {
    no_readings: [],
    one_reading: [5],
    all_equal: [7, 7, 7, 7],
    exactly_two_deviations: [0, 0, 0, 0, 10],
    low_outlier: [20, 21, 19, 20, 22, 21, 20, 19, 20, -15],
    two_outliers: [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 40, -30],
    negatives: [-3, -4, -3, -5, -4, -3, -4, -40],
    decimals: [0.5, 0.6, 0.55, 0.5, 0.6, 0.55, 0.5, 0.6, 0.55, 3.2],
    spread_out: [1, 9, 3, 7, 5, 2, 8],
  }));

const TASKS = arr(obj({ name: "string", after: NAMES }));
const tasks = (...r) => rows(["name", "after"], ...r);
spec("task_order_by_dependencies",
  "An order to do tasks in so that each task comes after all the tasks it depends on; whenever several tasks are ready at once, the alphabetically first one goes next. A dependency on a task that is not in the list is ignored.",
  obj({ tasks: TASKS }), NAMES,
  [{ tasks: tasks(["deploy", ["test"]], ["build", []], ["test", ["build"]]) }, { tasks: tasks(["b", []], ["a", []]) }],
  each("tasks", {
    no_tasks: [],
    one_task: tasks(["only", []]),
    chain_backwards: tasks(["c", ["b"]], ["b", ["a"]], ["a", []]),
    diamond: tasks(["top", []], ["left", ["top"]], ["right", ["top"]], ["bottom", ["left", "right"]]),
    unknown_dependency: tasks(["paint", ["buy brushes"]], ["clean", []]),
    ready_later_but_first_alphabetically: tasks(["alpha", ["zulu"]], ["zulu", []], ["mike", []]),
    two_chains: tasks(["b2", ["b1"]], ["a2", ["a1"]], ["b1", []], ["a1", []]),
    many_dependencies: tasks(["launch", ["docs", "code", "tests"]], ["tests", ["code"]], ["docs", []], ["code", []]),
    house: tasks(["roof", ["walls"]], ["walls", ["foundation"]], ["foundation", ["permit"]], ["permit", []], ["garden", []], ["windows", ["walls"]]),
  }));

const FILES = arr(obj({ path: "string", checksum: "string" }));
const files = (...r) => rows(["path", "checksum"], ...r);
spec("duplicate_file_groups",
  "Files with the same content, found by their checksums: each group of two or more paths that share a checksum, paths in the order given, groups in the order their first file appears.",
  obj({ files: FILES }), arr(NAMES),
  [{ files: files(["a.txt", "111"], ["b.txt", "222"], ["c.txt", "111"]) }, { files: files(["x.png", "9f"], ["y.png", "8e"]) }],
  each("files", {
    no_files: [],
    one_file: files(["solo.doc", "abc"]),
    all_the_same: files(["1.jpg", "ff"], ["2.jpg", "ff"], ["3.jpg", "ff"]),
    two_groups: files(["p/a", "h2"], ["p/b", "h1"], ["p/c", "h2"], ["p/d", "h1"], ["p/e", "h3"]),
    group_order_by_first_file: files(["late1", "zz"], ["early1", "aa"], ["early2", "aa"], ["late2", "zz"]),
    same_name_different_content: files(["docs/readme.md", "c1"], ["src/readme.md", "c2"]),
    checksum_case_matters: files(["up.bin", "ABC"], ["low.bin", "abc"]),
    same_path_listed_twice: files(["dup.txt", "77"], ["dup.txt", "77"]),
    photos: files(["IMG_1.jpg", "e3b0"], ["IMG_2.jpg", "a1f4"], ["copy of IMG_1.jpg", "e3b0"], ["IMG_3.jpg", "9c0d"], ["IMG_2 (1).jpg", "a1f4"], ["backup/IMG_1.jpg", "e3b0"]),
  }));

const PLACES = arr(obj({ name: "string", x: "number", y: "number" }));
const places = (...r) => rows(["name", "x", "y"], ...r);
spec("stops_by_distance_from_home",
  "Places sorted by straight-line distance from home, nearest first, from their x and y map coordinates in kilometres; places at the same distance keep the order given.",
  obj({ home: obj({ x: "number", y: "number" }), places: PLACES }), NAMES,
  [
    { home: { x: 0, y: 0 }, places: places(["Shop", 3, 4], ["Park", 1, 0], ["Gym", 0, 2]) },
    { home: { x: 5, y: 5 }, places: places(["Far", 15, 5], ["Near", 6, 5]) },
  ],
  {
    no_places: { home: { x: 0, y: 0 }, places: [] },
    one_place: { home: { x: 2, y: 2 }, places: places(["Only", 9, 9]) },
    at_home: { home: { x: 1, y: 1 }, places: places(["Away", 2, 1], ["Here", 1, 1]) },
    ties_keep_order: { home: { x: 0, y: 0 }, places: places(["East", 5, 0], ["North", 0, 5], ["Diag", 3, 4], ["West", -5, 0]) },
    negative_coordinates: { home: { x: -2, y: -3 }, places: places(["A", 0, 0], ["B", -2, -1], ["C", -6, -3]) },
    diagonal_beats_straight: { home: { x: 0, y: 0 }, places: places(["Straight", 0, 3], ["Diagonal", 2, 2]) },
    decimals: { home: { x: 0.5, y: 0.5 }, places: places(["P", 1.5, 0.5], ["Q", 0.5, 1.2], ["R", 0, 0]) },
    home_not_at_origin: { home: { x: 10, y: 10 }, places: places(["Origin", 0, 0], ["Close", 11, 11], ["Mid", 5, 10]) },
    many: { home: { x: 0, y: 0 }, places: places(["s1", 7, 1], ["s2", -1, -1], ["s3", 0, 6], ["s4", 4, -4], ["s5", -3, 2], ["s6", 2, 0]) },
  });

const FLIGHTS = arr(obj({ flight: "string", departs: HHMM }));
const flights = (...r) => rows(["flight", "departs"], ...r);
spec("catchable_connections",
  "The onward flights I can still catch after landing: those departing the same day at least the minimum connection time (in minutes) after my arrival (times HH:MM), earliest first; flights at the same time keep the order given.",
  obj({ arrival: HHMM, min_connection: COUNT, flights: FLIGHTS }), NAMES,
  [
    { arrival: "10:00", min_connection: 60, flights: flights(["BA1", "10:30"], ["BA2", "11:30"], ["BA3", "11:00"]) },
    { arrival: "14:00", min_connection: 45, flights: flights(["LH9", "16:00"], ["LH8", "15:00"]) },
  ],
  {
    no_flights: { arrival: "09:00", min_connection: 30, flights: [] },
    exactly_the_minimum: { arrival: "12:00", min_connection: 50, flights: flights(["AF1", "12:50"], ["AF2", "12:49"]) },
    all_gone: { arrival: "22:00", min_connection: 40, flights: flights(["X1", "06:00"], ["X2", "21:55"]) },
    earlier_flights_missed: { arrival: "08:20", min_connection: 45, flights: flights(["K1", "07:00"], ["K2", "09:05"], ["K3", "08:30"], ["K4", "12:00"]) },
    same_departure_time: { arrival: "11:00", min_connection: 30, flights: flights(["Z9", "13:00"], ["Y2", "12:00"], ["A5", "12:00"]) },
    no_minimum: { arrival: "16:10", min_connection: 0, flights: flights(["Q1", "16:10"], ["Q2", "16:09"]) },
    across_the_hour: { arrival: "09:50", min_connection: 75, flights: flights(["M1", "11:04"], ["M2", "11:05"], ["M3", "11:06"]) },
    long_minimum: { arrival: "06:00", min_connection: 180, flights: flights(["L1", "08:59"], ["L2", "09:00"], ["L3", "23:30"]) },
    late_evening: { arrival: "21:30", min_connection: 60, flights: flights(["N1", "23:59"], ["N2", "22:30"], ["N3", "22:29"]) },
  });

const guests = (...r) => rows(["name", "table"], ...r);
spec("guests_by_table",
  "A seating plan from a guest list: one entry for each table number used, in ascending table order, with the names of its guests in alphabetical order.",
  obj({ guests: arr(obj({ name: "string", table: COUNT })) }), arr(obj({ table: COUNT, guests: NAMES })),
  [{ guests: guests(["Tom", 2], ["Ann", 1], ["Bea", 2]) }, { guests: guests(["Zed", 5], ["Kim", 5]) }],
  each("guests", {
    no_guests: [],
    one_guest: guests(["Lone", 3]),
    gaps_in_numbers: guests(["A", 10], ["B", 1], ["C", 4]),
    head_table_zero: guests(["Bride", 0], ["Groom", 0], ["Aunt May", 3]),
    ten_after_two: guests(["P", 10], ["Q", 2], ["R", 1]),
    same_first_letter: guests(["Sara", 1], ["Sam", 1], ["Sal", 1]),
    everyone_apart: guests(["D", 4], ["C", 3], ["B", 2], ["A", 1]),
    wedding: guests(["Olivia", 2], ["Noah", 1], ["Emma", 2], ["Liam", 3], ["Ava", 1], ["Mason", 3], ["Isla", 2], ["Ethan", 1]),
  }));

spec("recent_searches",
  "The recent-searches list of a search box from its history (oldest first): most recent first, each search once ignoring letter case and spaces around it (shown trimmed, as last typed), at most 5, blank searches left out.",
  obj({ history: NAMES }), NAMES,
  [{ history: ["cats", "dogs", "cats"] }, { history: ["a", "b", "c", "d", "e", "f"] }],
  each("history", {
    no_history: [],
    one_search: ["weather"],
    letter_case: ["Paris hotels", "paris Hotels", "rome"],
    spaces_around: ["  pizza ", "pasta", "pizza"],
    blank_search: ["", "news", "   "],
    same_search_over_and_over: ["x", "x", "x", "x"],
    exactly_five: ["one", "two", "three", "four", "five"],
    many_with_repeats: ["red", "blue", "green", "Blue", "yellow", "purple", "red", "black", "white"],
    old_repeat_dropped: ["q1", "q2", "q3", "q4", "q5", "q6", "q1"],
  }));

// ---- booleans over lists: checksums, brackets, coverage, order ---------------------------------

spec("isbn13_valid",
  "Whether a book's ISBN-13 is valid: 13 digits once hyphens and spaces are removed, with the right check digit.",
  obj({ isbn: "string" }), T("boolean"),
  [{ isbn: "978-0-306-40615-7" }, { isbn: "978-0-306-40615-6" }],
  each("isbn", {
    no_hyphens: "9780306406157",
    spaces: "978 1 86197 876 9",
    wrong_check_digit: "9781861978768",
    too_short: "978030640615",
    too_long: "97803064061570",
    isbn_10_is_not_13: "0-306-40615-2",
    letters: "978-0-306-4061X-7",
    another_valid_book: "978-0-596-52068-7",
    swapped_digits: "978-0-360-40615-7",
    empty: "",
  }));

spec("brackets_balanced",
  "Whether the brackets in a line of text are balanced: every (, [ and { is closed later by its own kind, in the right order; other characters do not matter.",
  obj({ text: "string" }), T("boolean"),
  [{ text: "f(a[1]) + {b}" }, { text: "(]" }],
  each("text", {
    empty: "",
    no_brackets: "hello world",
    nested: "{[()()]}",
    unclosed: "((a)",
    closed_too_soon: ")(",
    crossed: "([)]",
    extra_closer: "(a))",
    long_balanced: "if (x[i] > y[j]) { z = (a + b) * [c, d]; }",
    wrong_kind_at_end: "{[()]",
  }));

const PLAYERS_TEAMS = arr(obj({ name: "string", team: "string" }));
const signed = (...r) => rows(["name", "team"], ...r);
spec("every_team_can_field_side",
  "Whether every team in the league can field a side: each listed team has at least the given number of players signed up for it (players of teams not listed do not count).",
  obj({ teams: NAMES, players: PLAYERS_TEAMS, side_size: COUNT }), T("boolean"),
  [
    { teams: ["Reds", "Blues"], players: signed(["Al", "Reds"], ["Bo", "Blues"], ["Cy", "Reds"], ["Di", "Blues"]), side_size: 2 },
    { teams: ["Reds", "Blues"], players: signed(["Al", "Reds"], ["Bo", "Reds"], ["Cy", "Blues"]), side_size: 2 },
  ],
  {
    no_teams: { teams: [], players: signed(["Ed", "Owls"]), side_size: 5 },
    no_players: { teams: ["Owls"], players: [], side_size: 1 },
    side_of_zero: { teams: ["Owls", "Bats"], players: [], side_size: 0 },
    exactly_enough: { teams: ["Owls"], players: signed(["A", "Owls"], ["B", "Owls"], ["C", "Owls"]), side_size: 3 },
    one_short: { teams: ["Owls", "Bats"], players: signed(["A", "Owls"], ["B", "Owls"], ["C", "Bats"], ["D", "Bats"]), side_size: 3 },
    unlisted_team_players: { teams: ["Owls"], players: signed(["A", "Owls"], ["B", "Cats"], ["C", "Cats"]), side_size: 2 },
    side_of_one: { teams: ["Owls", "Bats"], players: signed(["A", "Bats"], ["B", "Owls"]), side_size: 1 },
    one_team_empty: { teams: ["Owls", "Bats", "Rams"], players: signed(["A", "Owls"], ["B", "Bats"]), side_size: 1 },
    five_a_side: { teams: ["North", "South"], players: signed(["1", "North"], ["2", "South"], ["3", "North"], ["4", "South"], ["5", "North"], ["6", "South"], ["7", "North"], ["8", "South"], ["9", "North"], ["10", "South"], ["11", "South"]), side_size: 5 },
  });

spec("ticket_numbers_complete",
  "Whether the raffle ticket stubs handed back are complete: exactly the numbers 1 up to the number of tickets sold, each once, in any order.",
  obj({ sold: COUNT, stubs: arr("integer") }), T("boolean"),
  [{ sold: 3, stubs: [2, 3, 1] }, { sold: 3, stubs: [1, 2] }],
  {
    none_sold: { sold: 0, stubs: [] },
    none_sold_one_stub: { sold: 0, stubs: [1] },
    one_sold: { sold: 1, stubs: [1] },
    duplicate_instead_of_missing: { sold: 3, stubs: [1, 2, 2] },
    starts_at_zero: { sold: 3, stubs: [0, 1, 2] },
    number_too_high: { sold: 4, stubs: [1, 2, 3, 5] },
    extra_stub: { sold: 2, stubs: [1, 2, 3] },
    negative: { sold: 2, stubs: [-1, 2] },
    long_complete: { sold: 12, stubs: [7, 3, 12, 1, 9, 5, 11, 2, 10, 4, 8, 6] },
    long_missing_one: { sold: 12, stubs: [7, 3, 12, 1, 9, 5, 11, 2, 10, 4, 8, 8] },
  });

const SHIFTS = arr(obj({ start: STAMP, end: STAMP }));
const shifts = (...r) => rows(["start", "end"], ...r);
spec("rest_between_shifts_ok",
  "Whether a worker's shifts (in order, each with a start and end as YYYY-MM-DDTHH:MM local time, clock changes ignored) always leave at least 11 hours of rest between the end of one shift and the start of the next.",
  obj({ shifts: SHIFTS }), T("boolean"),
  [
    { shifts: shifts(["2026-03-02T09:00", "2026-03-02T17:00"], ["2026-03-03T09:00", "2026-03-03T17:00"]) },
    { shifts: shifts(["2026-03-02T14:00", "2026-03-02T23:00"], ["2026-03-03T07:00", "2026-03-03T15:00"]) },
  ],
  each("shifts", {
    no_shifts: [],
    one_shift: shifts(["2026-05-01T06:00", "2026-05-01T18:00"]),
    exactly_eleven_hours: shifts(["2026-05-01T08:00", "2026-05-01T20:00"], ["2026-05-02T07:00", "2026-05-02T15:00"]),
    one_minute_short: shifts(["2026-05-01T08:00", "2026-05-01T20:01"], ["2026-05-02T07:00", "2026-05-02T15:00"]),
    night_shift_into_next_day: shifts(["2026-06-10T22:00", "2026-06-11T06:00"], ["2026-06-11T17:00", "2026-06-12T01:00"]),
    across_month_end: shifts(["2026-04-30T15:00", "2026-04-30T23:30"], ["2026-05-01T08:00", "2026-05-01T16:00"]),
    across_leap_day: shifts(["2028-02-28T20:00", "2028-02-29T04:00"], ["2028-02-29T15:00", "2028-02-29T23:00"], ["2028-03-01T10:00", "2028-03-01T18:00"]),
    across_new_year: shifts(["2026-12-31T12:00", "2026-12-31T23:00"], ["2027-01-01T09:00", "2027-01-01T17:00"]),
    short_gap_later_in_the_week: shifts(["2026-07-06T09:00", "2026-07-06T17:00"], ["2026-07-07T09:00", "2026-07-07T17:00"], ["2026-07-07T23:00", "2026-07-08T07:00"]),
    days_off_between: shifts(["2026-08-01T09:00", "2026-08-01T21:00"], ["2026-08-04T06:00", "2026-08-04T14:00"]),
  }));

spec("noughts_crosses_x_wins",
  "Whether X has three in a row on a noughts-and-crosses board given as three rows of three characters (X, O, or . for an empty square, letters in either case): across, down or diagonally.",
  obj({ board: { type: "array", items: { type: "string", pattern: "^[XOxo.]{3}$" }, minItems: 3, maxItems: 3 } }), T("boolean"),
  [{ board: ["XXX", "OO.", "..."] }, { board: ["OOO", "XX.", "X.."] }],
  each("board", {
    empty: ["...", "...", "..."],
    column: ["XO.", "XO.", "X.."],
    main_diagonal: ["XOO", ".X.", "O.X"],
    other_diagonal: ["O.X", ".X.", "XO."],
    bottom_row: ["O.O", ".O.", "XXX"],
    lower_case: ["x..", "ox.", "o.x"],
    full_draw: ["XOX", "XOO", "OXX"],
    two_in_a_row_only: ["XX.", "OO.", "..."],
    mixed_line: ["XOX", "...", "..."],
  }));

spec("readings_evenly_spaced",
  "Whether a meter's readings were taken at even intervals: the times (in minutes since the start) go up by the same positive amount each time; no reading or a single reading counts as even.",
  obj({ minutes: arr("number") }), T("boolean"),
  [{ minutes: [0, 15, 30, 45] }, { minutes: [0, 10, 25] }],
  each("minutes", {
    none: [],
    one: [7],
    two_rising: [3, 9],
    two_equal: [5, 5],
    going_down: [30, 20, 10],
    stalls: [0, 10, 10, 20],
    gap_at_end: [0, 5, 10, 15, 21],
    not_starting_at_zero: [60, 120, 180, 240, 300],
    decimal_steps: [0, 1.5, 3, 4.5],
    long_even: [0, 7, 14, 21, 28, 35, 42, 49, 56, 63],
  }));

// ---- string reformatting -----------------------------------------------------------------------

spec("dutch_mobile_international",
  "A Dutch mobile number, written the home way (06 and eight digits) or already with +31 or 0031, with any spaces, dashes, dots or brackets, in international form: +31, a space, 6, a space and the eight digits.",
  obj({ number: "string" }), T("string"),
  [{ number: "06-12345678" }, { number: "06 1234 5678" }],
  each("number", {
    bare: "0612345678",
    dots: "06.12.34.56.78",
    pairs: "06 12 34 56 78",
    already_international: "+31 6 12345678",
    plus_no_spaces: "+31612345678",
    double_zero: "0031 6 2345 6789",
    brackets: "(06) 98765432",
    spaces_around: "  06-87654321 ",
    trunk_zero_in_brackets: "+31 (0)6 11223344",
  }));

spec("name_without_honorifics",
  "A person's name without the titles before it (Mr, Mrs, Ms, Miss, Dr, Prof, Sir, Dame; with or without a full stop, any letter case) or the suffixes after it (Jr, Sr, PhD, MD, perhaps after a comma), extra spaces removed.",
  obj({ name: "string" }), T("string"),
  [{ name: "Dr. Jane Smith" }, { name: "Mr John Doe Jr." }],
  each("name", {
    nothing_to_remove: "Ann Lee",
    lower_case: "mrs. ann lee",
    two_titles: "Prof. Dr. Hans Meier",
    comma_suffix: "Martin Luther King, Jr.",
    degree: "Jane Smith, PhD",
    title_inside_a_name: "Drake Bell",
    extra_spaces: "  Ms   Kay   Orr  ",
    knight: "Sir Ian McKellen",
    title_and_degree: "Dr Sam Patel MD",
  }));

spec("uk_short_date_to_iso",
  "A date written the British way with a two-digit year (day/month/year; the years 00 to 99 mean 2000 to 2099) as an ISO date YYYY-MM-DD; the separator may be /, - or . and the day and month may have one or two digits.",
  obj({ date: "string" }), ISO_DATE,
  [{ date: "3/4/26" }, { date: "25/12/30" }],
  each("date", {
    padded: "01/01/00",
    dashes: "31-12-99",
    dots: "9.11.05",
    leap_day: "29/2/28",
    day_above_twelve: "13/1/27",
    month_twelve_day_one: "1/12/26",
    two_digit_day_one_digit_month: "15/7/09",
    spaces_around: " 5/6/41 ",
    first_of_year: "1.1.01",
  }));

spec("relative_day_label",
  "How far a date is from today in words: today, tomorrow, yesterday, \"in N days\" or \"N days ago\" (dates as YYYY-MM-DD).",
  obj({ today: ISO_DATE, date: ISO_DATE }), T("string"),
  [{ today: "2026-03-10", date: "2026-03-11" }, { today: "2026-03-10", date: "2026-03-05" }],
  {
    same_day: { today: "2026-07-01", date: "2026-07-01" },
    yesterday: { today: "2026-07-01", date: "2026-06-30" },
    in_two_days: { today: "2026-07-01", date: "2026-07-03" },
    across_month_end: { today: "2026-01-30", date: "2026-02-02" },
    across_year_end: { today: "2026-12-30", date: "2027-01-01" },
    back_across_year_end: { today: "2027-01-02", date: "2026-12-31" },
    leap_february: { today: "2028-02-27", date: "2028-03-01" },
    common_february: { today: "2027-02-27", date: "2027-03-01" },
    far_future: { today: "2026-01-01", date: "2027-01-01" },
  });

spec("gift_card_code_grouped",
  "A gift card code as printed on the card: spaces and dashes removed, letters in capitals, in groups of four characters joined by dashes (the last group shorter when the length is not a multiple of four).",
  obj({ code: "string" }), T("string"),
  [{ code: "abcd1234efgh5678" }, { code: "x7k2 p9qa" }],
  each("code", {
    empty: "",
    already_grouped: "ABCD-1234-EFGH",
    three_characters: "a1b",
    ten_characters: "q2w3e4r5t6",
    mixed_separators: "ab-cd ef - gh",
    digits_only: "1234567890123456",
    exactly_four: "zz99",
    lower_with_dashes_in_wrong_places: "a-bcde-fghi-j",
    five: "K3Y5Z",
  }));

spec("replace_file_extension",
  "A file name with its extension changed to a new one (given with or without its dot): the extension is the part after the last dot; a name starting with a dot and with no other dot has none, and a name without an extension gets the new one added.",
  obj({ filename: "string", extension: "string" }), T("string"),
  [{ filename: "report.docx", extension: "pdf" }, { filename: "photo.jpeg", extension: ".png" }],
  {
    two_dots: { filename: "archive.tar.gz", extension: "zip" },
    hidden_file: { filename: ".bashrc", extension: "bak" },
    hidden_file_with_extension: { filename: ".env.local", extension: "txt" },
    no_extension: { filename: "README", extension: "md" },
    capital_extension: { filename: "IMG_0001.JPG", extension: "webp" },
    many_dots: { filename: "my.file.name.txt", extension: ".md" },
    spaces_in_name: { filename: "Tax return 2025.xlsx", extension: "csv" },
    same_extension: { filename: "data.json", extension: "json" },
    trailing_dot: { filename: "notes.", extension: "txt" },
  });

spec("youtube_video_id",
  "The video id from a YouTube link: the v parameter of a watch link, or the part after youtu.be/, /embed/ or /shorts/, without any query or fragment.",
  obj({ url: "string" }), T("string"),
  [{ url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ" }, { url: "https://youtu.be/abc123XYZ_-" }],
  each("url", {
    with_time: "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s",
    v_not_first: "https://www.youtube.com/watch?feature=share&v=Zx9-8yW_7vU",
    mobile: "https://m.youtube.com/watch?v=M0b1L3vid00",
    no_scheme: "youtube.com/watch?v=NoScheme123",
    short_link_with_query: "https://youtu.be/ShortQ9876?si=trackingCode",
    embed: "https://www.youtube.com/embed/EmB3d_vid-1?autoplay=1",
    shorts: "https://www.youtube.com/shorts/Sh0rtsV1d3o",
    fragment: "https://www.youtube.com/watch?v=Fr4gment000#comments",
    http_short: "http://youtu.be/Plain00000",
  }));

spec("class_name_from_phrase",
  "A phrase turned into a class name in PascalCase: the words (split at spaces, hyphens, underscores and dots) each with a capital first letter and the rest lower case, joined with nothing between; digits kept.",
  obj({ phrase: "string" }), T("string"),
  [{ phrase: "user account" }, { phrase: "http-request_handler" }],
  each("phrase", {
    empty: "",
    one_word: "invoice",
    acronym: "XML parser",
    digits: "version 2 api",
    extra_separators: "  shopping__cart -- item ",
    dots: "com.example.widget",
    already_pascal_case: "OrderLine",
    shouting: "PAYMENT GATEWAY CLIENT",
    mixed: "pdf_export-v3 service",
  }));

spec("utc_offset_label",
  "A time-zone offset in minutes east of UTC written as a label like UTC+05:30 (a minus sign for west of UTC, UTC+00:00 for none).",
  obj({ minutes: { type: "integer", minimum: -720, maximum: 840 } }), T("string"),
  [{ minutes: 60 }, { minutes: -300 }],
  each("minutes", { zero: 0, india: 330, nepal: 345, newfoundland: -210, kiribati: 840, baker_island: -720, half_hour_east: 30, half_hour_west: -30, chatham: 765, marquesas: -570 }));

spec("url_query_param",
  "The value of one query parameter of a URL, decoded (%XX escapes, and + as a space), or null when the URL does not have it; the first one when it appears more than once, and an empty string when it has no value.",
  obj({ url: "string", name: "string" }), { type: ["string", "null"] },
  [{ url: "https://shop.example/search?q=shoes&page=2", name: "page" }, { url: "https://shop.example/search?q=shoes", name: "sort" }],
  {
    plus_is_space: { url: "https://shop.example/search?q=red+shoes", name: "q" },
    percent_escapes: { url: "https://x.example/?city=S%C3%A3o%20Paulo&n=1", name: "city" },
    repeated: { url: "https://x.example/?tag=a&tag=b", name: "tag" },
    no_value: { url: "https://x.example/?debug&v=1", name: "debug" },
    empty_value: { url: "https://x.example/?q=&v=1", name: "q" },
    no_query_at_all: { url: "https://x.example/path", name: "q" },
    fragment_not_query: { url: "https://x.example/?a=1#b=2", name: "b" },
    before_fragment: { url: "https://x.example/?a=1&b=two#top", name: "b" },
    name_is_a_prefix: { url: "https://x.example/?page_size=50&page=3", name: "page" },
    equals_in_value: { url: "https://x.example/?token=abc==&x=1", name: "token" },
  });

spec("parent_folder",
  "The folder a file path is in: everything before the last slash (forward or backslash), / for something at the root, and an empty string for a bare file name; a slash at the end of the path is ignored.",
  obj({ path: "string" }), T("string"),
  [{ path: "/home/ann/notes.txt" }, { path: "docs/readme.md" }],
  each("path", {
    bare_name: "notes.txt",
    at_root: "/etc",
    trailing_slash: "/var/log/",
    windows: "C:\\Users\\ann\\report.docx",
    relative_dots: "../common/data.csv",
    deep: "/a/b/c/d/e/f.txt",
    mixed_slashes: "project/src\\main.c",
    folder_with_dot: "/srv/site.v2/index.html",
    hidden_file: "/home/bo/.profile",
  }));

spec("field_label_from_key",
  "A form label from a field's key: camelCase, PascalCase, snake_case or kebab-case split into words, written with the first word capitalised and the rest in lower case.",
  obj({ key: "string" }), T("string"),
  [{ key: "firstName" }, { key: "date_of_birth" }],
  each("key", {
    one_word: "email",
    kebab: "billing-address",
    pascal: "PostalCode",
    acronym_at_end: "userID",
    acronym_at_start: "HTTPStatus",
    digits: "addressLine2",
    screaming_snake: "MAX_RETRIES",
    mixed: "shipping_addressLine1",
    double_underscore: "created__at",
  }));

spec("utc_time_at_offset",
  "A UTC time (YYYY-MM-DDTHH:MMZ) shown as the local date and time \"YYYY-MM-DD HH:MM\" at a given offset from UTC in minutes.",
  obj({ utc: { type: "string", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}Z$" }, offset_minutes: { type: "integer", minimum: -720, maximum: 840 } }), T("string"),
  [{ utc: "2026-06-01T12:00Z", offset_minutes: 60 }, { utc: "2026-06-01T12:00Z", offset_minutes: -240 }],
  {
    no_offset: { utc: "2026-06-01T08:15Z", offset_minutes: 0 },
    forward_past_midnight: { utc: "2026-06-01T22:30Z", offset_minutes: 120 },
    back_before_midnight: { utc: "2026-06-01T02:00Z", offset_minutes: -300 },
    half_hour_zone: { utc: "2026-06-01T10:00Z", offset_minutes: 330 },
    into_new_year: { utc: "2026-12-31T20:00Z", offset_minutes: 540 },
    back_into_old_year: { utc: "2027-01-01T03:00Z", offset_minutes: -480 },
    leap_day_forward: { utc: "2028-02-28T23:00Z", offset_minutes: 60 },
    common_year_february: { utc: "2027-02-28T23:00Z", offset_minutes: 60 },
    negative_half_hour: { utc: "2026-03-15T00:10Z", offset_minutes: -210 },
  });

spec("isbn10_to_isbn13",
  "An ISBN-10 (perhaps with hyphens or spaces, its last character possibly X) as the ISBN-13 of the same book, digits only: 978, the first nine digits and a new check digit.",
  obj({ isbn10: "string" }), T("string"),
  [{ isbn10: "0-306-40615-2" }, { isbn10: "1861978766" }],
  each("isbn10", {
    check_x: "0-8044-2957-X",
    lower_x: "080442957x",
    spaces: "0 596 52068 9",
    another_book: "0-7432-7356-7",
    leading_zeros: "0-00-000000-0",
    all_nines: "999999999-9",
    hyphens_elsewhere: "03-064-0615-2",
    penguin: "0-14-044913-6",
    no_hyphens_x: "155404295X",
  }));

spec("email_canonical",
  "An email address in the form used to spot duplicate sign-ups: lower case, spaces around it removed, any +tag before the @ dropped; for gmail.com and googlemail.com addresses the dots before the @ are dropped too and the domain becomes gmail.com.",
  obj({ email: "string" }), T("string"),
  [{ email: "Ann.Lee+news@Gmail.com" }, { email: "bob+shop@example.com" }],
  each("email", {
    plain: "carol@example.org",
    capitals: "Dave@Example.ORG",
    dots_kept_elsewhere: "e.f.g@company.co.uk",
    googlemail: "h.i.j@googlemail.com",
    spaces_around: "  kim@site.io ",
    plus_and_dots_gmail: "l.m+x+y@gmail.com",
    plus_elsewhere: "n.o+work@outlook.com",
    dotted_domain_not_gmail: "p.q@mail.gmail.com.evil.net",
    nothing_to_change: "rosa@gmail.com",
  }));

// ---- counting ----------------------------------------------------------------------------------

spec("carries_when_adding",
  "How many carries there are when two whole numbers are added by hand, column by column.",
  obj({ a: COUNT, b: COUNT }), T("integer"),
  [{ a: 123, b: 456 }, { a: 555, b: 555 }],
  {
    zeros: { a: 0, b: 0 },
    nine_and_one: { a: 9, b: 1 },
    chain: { a: 999, b: 1 },
    long_chain: { a: 99999, b: 1 },
    five_and_five: { a: 5, b: 5 },
    only_the_top: { a: 100, b: 900 },
    all_nines: { a: 9999, b: 9999 },
    different_lengths: { a: 1, b: 99 },
    carry_into_a_nine: { a: 1951, b: 49 },
    no_carry_big: { a: 123456, b: 321321 },
  });

spec("links_in_message",
  "How many web links a chat message contains: addresses starting with http://, https:// or www., each one counted, any letter case.",
  obj({ message: "string" }), T("integer"),
  [{ message: "see https://a.com and http://b.org" }, { message: "no links here" }],
  each("message", {
    empty: "",
    www_only: "go to www.example.com now",
    both_kinds_in_one: "https://www.example.com is one link",
    same_link_twice: "https://x.io https://x.io",
    capitals: "HTTPS://SHOUT.COM and WWW.LOUD.NET",
    in_brackets: "(see http://docs.example.com/page) thanks",
    not_a_link: "the word www and http: are not links, nor is awww.",
    new_lines: "first: https://one.example\nsecond: www.two.example\nthird: http://three.example",
    query_string: "https://shop.example/?a=1&b=2, then www.other.example/x",
  }));

const RECIPES = arr(obj({ name: "string", ingredients: NAMES }));
const recipes = (...r) => rows(["name", "ingredients"], ...r);
spec("distinct_ingredients",
  "How many different ingredients a set of recipes uses altogether, ignoring letter case and spaces around the names.",
  obj({ recipes: RECIPES }), T("integer"),
  [
    { recipes: recipes(["Pancakes", ["flour", "eggs", "milk"]], ["Omelette", ["eggs", "cheese"]]) },
    { recipes: recipes(["Toast", ["bread"]]) },
  ],
  each("recipes", {
    no_recipes: [],
    recipe_without_ingredients: recipes(["Water", []]),
    letter_case: recipes(["A", ["Salt", "salt"]], ["B", ["SALT"]]),
    spaces: recipes(["A", [" basil", "basil "]], ["B", ["Basil"]]),
    repeated_in_one_recipe: recipes(["Stew", ["onion", "onion", "beef"]]),
    nothing_shared: recipes(["A", ["rice"]], ["B", ["beans"]], ["C", ["corn"]]),
    similar_but_different: recipes(["A", ["red onion", "onion", "onions"]]),
    week_of_meals: recipes(["Mon", ["pasta", "tomato", "garlic"]], ["Tue", ["rice", "Garlic", "chicken"]], ["Wed", ["chicken", "lemon", "Tomato"]], ["Thu", ["pasta", " basil ", "tomato"]]),
  }));

spec("months_starting_on_sunday",
  "In how many months of a given year the 1st of the month falls on a Sunday.",
  obj({ year: { type: "integer", minimum: 1900, maximum: 2200 } }), T("integer"),
  [{ year: 2026 }, { year: 2025 }],
  each("year", { leap_2024: 2024, y2027: 2027, leap_2028: 2028, y2000: 2000, y1900: 1900, y2100: 2100, y2023: 2023, leap_2012: 2012, y2015: 2015 }));

const MEETINGS = arr(obj({ start: HHMM, end: HHMM }));
const meetings = (...pairs) => rows(["start", "end"], ...pairs);
spec("clashing_meeting_pairs",
  "How many pairs of a day's meetings overlap in time (start and end as HH:MM); a meeting ending exactly when another starts is no clash.",
  obj({ meetings: MEETINGS }), T("integer"),
  [{ meetings: meetings(["09:00", "10:00"], ["09:30", "11:00"], ["12:00", "13:00"]) }, { meetings: meetings(["09:00", "10:00"], ["10:00", "11:00"]) }],
  each("meetings", {
    no_meetings: [],
    one_meeting: meetings(["14:00", "15:00"]),
    all_at_once: meetings(["10:00", "11:00"], ["10:00", "11:00"], ["10:00", "11:00"]),
    one_inside_another: meetings(["09:00", "17:00"], ["12:00", "12:30"]),
    chain_of_overlaps: meetings(["09:00", "10:30"], ["10:00", "11:30"], ["11:00", "12:30"]),
    out_of_order: meetings(["15:00", "16:00"], ["08:00", "09:00"], ["15:30", "16:30"]),
    one_minute_overlap: meetings(["13:00", "14:01"], ["14:00", "15:00"]),
    busy_day: meetings(["08:00", "09:00"], ["08:30", "10:00"], ["09:45", "10:15"], ["11:00", "12:00"], ["11:00", "11:30"], ["13:00", "14:00"]),
  }));

spec("lines_over_length",
  "How many lines of a text are longer than a given number of characters (lines end at line breaks, \\n or \\r\\n).",
  obj({ text: "string", limit: COUNT }), T("integer"),
  [{ text: "short\na much longer line", limit: 10 }, { text: "abc\nabcdef", limit: 3 }],
  {
    empty: { text: "", limit: 0 },
    exactly_at_limit: { text: "12345\n1234567", limit: 5 },
    one_long_line: { text: "x".repeat(90), limit: 80 },
    windows_line_breaks: { text: "aaaa\r\nbb\r\ncccccc", limit: 3 },
    blank_lines: { text: "\n\nlong enough\n", limit: 4 },
    limit_zero: { text: "a\n\nb", limit: 0 },
    spaces_count: { text: "     \nab", limit: 4 },
    trailing_break: { text: "first line\nsecond line\n", limit: 5 },
    many_lines: { text: "one\ntwo three\nfour five six\nseven\neight nine ten eleven\n", limit: 6 },
  });
