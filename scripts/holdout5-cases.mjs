// The specs of tests/fixtures/specs/holdout5 without their outputs: description, schemas and the
// inputs of the examples and the named tests. scripts/make-holdout5-specs.mjs adds the outputs.

import { T, obj, arr, HHMM, ISO_DATE, rows } from "./spec-schemas.mjs";
const NONNEG = { type: "number", minimum: 0 };
const COUNT = { type: "integer", minimum: 0 };
const NAMES = arr("string");
/** One single-field input per value: each("hp", {zero: 0}) -> {zero: {hp: 0}}. */
const each = (field, named) => Object.fromEntries(Object.entries(named).map(([name, v]) => [name, { [field]: v }]));

export const SPECS = [];
const spec = (capability, description, inputSchema, outputSchema, examples, tests) =>
  SPECS.push({ capability, description, inputSchema, outputSchema, examples, tests });

// ---- arithmetic on records ---------------------------------------------------------------------

spec("nautical_miles_to_km",
  "A distance at sea in nautical miles converted to kilometres, rounded to 2 decimals.",
  obj({ nautical_miles: NONNEG }), T("number"),
  [{ nautical_miles: 1 }, { nautical_miles: 10 }],
  each("nautical_miles", { zero: 0, half: 0.5, quarter: 0.25, channel_crossing: 21, hundred: 100, three_and_a_half: 3.5, fractional: 12.75, ocean_leg: 2450, tenth: 0.1 }));

spec("cubic_feet_to_litres",
  "A fridge's capacity in cubic feet converted to litres, rounded to a whole litre.",
  obj({ model: "string", cubic_feet: NONNEG }), T("number"),
  [{ model: "CoolMax 200", cubic_feet: 10 }, { model: "MiniChill", cubic_feet: 2 }],
  {
    zero: { model: "Display", cubic_feet: 0 },
    one: { model: "Cube", cubic_feet: 1 },
    half: { model: "Bar", cubic_feet: 0.5 },
    big_american: { model: "Frost XL", cubic_feet: 25.4 },
    chest_freezer: { model: "Deep 7", cubic_feet: 7 },
    decimal: { model: "Slim 14", cubic_feet: 14.6 },
    compact: { model: "Dorm", cubic_feet: 3.2 },
    family: { model: "Family 18", cubic_feet: 18.2 },
    walk_in: { model: "Cold Room", cubic_feet: 120 },
  });

spec("horsepower_to_kw",
  "A car engine's power in (mechanical) horsepower converted to kilowatts, rounded to 1 decimal.",
  obj({ horsepower: NONNEG }), T("number"),
  [{ horsepower: 100 }, { horsepower: 150 }, { horsepower: 200 }],
  each("horsepower", { zero: 0, one: 1, small_car: 68, hatchback: 118, sports: 414, lawn_mower: 5.5, truck: 475, scooter: 12, supercar: 789 }));

spec("food_energy_kj",
  "Energy of a food portion in kilojoules from its grams of fat, carbohydrate and protein: fat gives 9 kcal per gram, carbohydrate and protein 4 kcal per gram each. Rounded to a whole kJ.",
  obj({ fat_g: NONNEG, carbs_g: NONNEG, protein_g: NONNEG }), T("number"),
  [{ fat_g: 10, carbs_g: 0, protein_g: 0 }, { fat_g: 0, carbs_g: 20, protein_g: 5 }, { fat_g: 5, carbs_g: 30, protein_g: 10 }],
  {
    nothing: { fat_g: 0, carbs_g: 0, protein_g: 0 },
    pure_sugar: { fat_g: 0, carbs_g: 100, protein_g: 0 },
    egg: { fat_g: 4.8, carbs_g: 0.4, protein_g: 6.3 },
    banana: { fat_g: 0.4, carbs_g: 27, protein_g: 1.3 },
    butter_pat: { fat_g: 8.1, carbs_g: 0, protein_g: 0.1 },
    chicken_breast: { fat_g: 3.6, carbs_g: 0, protein_g: 31 },
    chocolate_bar: { fat_g: 13.5, carbs_g: 26.6, protein_g: 3.4 },
    one_gram_protein: { fat_g: 0, carbs_g: 0, protein_g: 1 },
    pizza_slice: { fat_g: 10.4, carbs_g: 35.7, protein_g: 12.2 },
  });

const PIECE = ["pattern", "yards"];
spec("fabric_yards_to_metres",
  "Total length of fabric in an order, in metres, from the lengths of its pieces in yards, rounded to 2 decimals.",
  obj({ pieces: arr(obj({ pattern: "string", yards: NONNEG })) }), T("number"),
  [{ pieces: rows(PIECE, ["gingham", 1]) }, { pieces: rows(PIECE, ["denim", 2], ["linen", 3]) }],
  {
    empty_order: { pieces: [] },
    half_yard: { pieces: rows(PIECE, ["velvet", 0.5]) },
    quarters: { pieces: rows(PIECE, ["cotton", 0.25], ["silk", 0.75], ["tweed", 1.25]) },
    big_roll: { pieces: rows(PIECE, ["canvas", 50]) },
    eighth: { pieces: rows(PIECE, ["lace", 0.125]) },
    curtains: { pieces: rows(PIECE, ["floral", 6.5], ["lining", 6.5], ["trim", 2]) },
    zero_piece: { pieces: rows(PIECE, ["sample", 0], ["felt", 1]) },
    five_patterns: { pieces: rows(PIECE, ["a", 1.5], ["b", 2.25], ["c", 0.5], ["d", 3], ["e", 4.75]) },
  });

spec("blood_glucose_mg_dl",
  "A blood sugar reading in mmol/L converted to mg/dL, rounded to a whole number.",
  obj({ mmol_per_l: NONNEG }), T("number"),
  [{ mmol_per_l: 5 }, { mmol_per_l: 10 }],
  each("mmol_per_l", { zero: 0, low: 3.9, fasting: 5.6, after_meal: 7.7, high: 11.1, very_high: 22.2, one: 1, decimal: 6.4, hypo: 2.8 }));

spec("roast_cooking_minutes",
  "Roasting time for a joint of meat in minutes: 20 minutes per 500 g plus 20 minutes more, rounded up to a whole minute.",
  obj({ weight_kg: NONNEG }), T("integer"),
  [{ weight_kg: 1 }, { weight_kg: 2 }],
  each("weight_kg", { half_kilo: 0.5, quarter_kilo: 0.25, one_and_a_half: 1.5, odd_weight: 1.2, part_of_a_minute: 1.37, big_turkey: 6.3, small: 0.75, awkward: 1.33, three: 3, over_four: 4.1 }));

spec("money_transfer_received",
  "What the recipient gets from a money transfer: the fee is taken off the amount sent, the rest is converted at the exchange rate and rounded to 2 decimals. 0 if the fee is as large as the amount.",
  obj({ amount: NONNEG, fee: NONNEG, rate: NONNEG }), T("number"),
  [{ amount: 100, fee: 0, rate: 2 }, { amount: 100, fee: 10, rate: 1.5 }, { amount: 500, fee: 5, rate: 0.9 }],
  {
    fee_equals_amount: { amount: 5, fee: 5, rate: 1.2 },
    fee_larger: { amount: 3, fee: 4.99, rate: 1.1 },
    nothing_sent: { amount: 0, fee: 0, rate: 1.3 },
    usd_to_eur: { amount: 250, fee: 3.99, rate: 0.9213 },
    gbp_to_inr: { amount: 1000, fee: 2.75, rate: 105.37 },
    rate_one: { amount: 80, fee: 1.25, rate: 1 },
    eur_to_jpy: { amount: 300, fee: 0, rate: 161.42 },
    small_rate: { amount: 40, fee: 0.5, rate: 0.0123 },
    cents: { amount: 19.99, fee: 0.99, rate: 1.08 },
  });

spec("income_tax_due",
  "Income tax on a yearly income: nothing on the first 12,570; 20% on the part between 12,570 and 50,270; 40% on the part between 50,270 and 125,140; 45% on everything above 125,140. Rounded to 2 decimals.",
  obj({ income: NONNEG }), T("number"),
  [{ income: 10000 }, { income: 20000 }, { income: 60000 }],
  each("income", {
    zero: 0,
    at_allowance: 12570,
    just_over_allowance: 12571,
    top_of_basic: 50270,
    into_higher: 50271,
    top_of_higher: 125140,
    additional: 150000,
    pence: 31234.56,
    part_time: 15000.5,
    very_high: 1000000,
  }));

spec("tiles_needed",
  "Number of square tiles to buy for a floor: the floor's area divided by the area of one tile, plus 10% extra for cuts and breakage, rounded up to a whole tile.",
  obj({ length_m: NONNEG, width_m: NONNEG, tile_cm: { type: "number", minimum: 1 } }), T("integer"),
  [{ length_m: 2, width_m: 2, tile_cm: 50 }, { length_m: 3, width_m: 4, tile_cm: 30 }],
  {
    one_square_metre_15cm: { length_m: 1, width_m: 1, tile_cm: 15 },
    exact_whole: { length_m: 5, width_m: 2, tile_cm: 100 },
    bathroom: { length_m: 2.4, width_m: 1.8, tile_cm: 20 },
    kitchen: { length_m: 3.6, width_m: 2.7, tile_cm: 45 },
    hallway: { length_m: 6, width_m: 1.1, tile_cm: 60 },
    mosaic: { length_m: 1.2, width_m: 0.6, tile_cm: 2.5 },
    no_floor: { length_m: 0, width_m: 3, tile_cm: 30 },
    big_tile_small_room: { length_m: 1, width_m: 0.9, tile_cm: 120 },
    patio: { length_m: 4.5, width_m: 4.5, tile_cm: 60 },
  });

spec("charging_minutes",
  "Minutes needed to charge an electric car from one battery percentage to another on a charger of a given power in kW, ignoring losses, rounded up to a whole minute. 0 if the battery is already at or above the target.",
  obj({ battery_kwh: NONNEG, from_percent: NONNEG, to_percent: NONNEG, charger_kw: { type: "number", minimum: 0.1 } }), T("integer"),
  [{ battery_kwh: 60, from_percent: 20, to_percent: 80, charger_kw: 12 }, { battery_kwh: 50, from_percent: 0, to_percent: 100, charger_kw: 50 }],
  {
    already_full: { battery_kwh: 75, from_percent: 90, to_percent: 80, charger_kw: 11 },
    same_level: { battery_kwh: 40, from_percent: 55, to_percent: 55, charger_kw: 7.4 },
    home_charger: { battery_kwh: 58, from_percent: 15, to_percent: 90, charger_kw: 7.4 },
    rapid: { battery_kwh: 77, from_percent: 10, to_percent: 80, charger_kw: 150 },
    top_up: { battery_kwh: 64, from_percent: 78, to_percent: 80, charger_kw: 22 },
    three_pin_plug: { battery_kwh: 40, from_percent: 30, to_percent: 100, charger_kw: 2.3 },
    exact_hour: { battery_kwh: 100, from_percent: 50, to_percent: 61, charger_kw: 11 },
    big_truck: { battery_kwh: 210, from_percent: 5, to_percent: 95, charger_kw: 350 },
    one_percent: { battery_kwh: 50, from_percent: 49, to_percent: 50, charger_kw: 50 },
  });

spec("cricket_run_rate",
  "Runs per over in a cricket innings, rounded to 2 decimals. Overs are written overs.balls, so 12.3 is 12 overs and 3 balls (6 balls to an over). 0 before a ball has been bowled.",
  obj({ runs: COUNT, overs: NONNEG }), T("number"),
  [{ runs: 60, overs: 10 }, { runs: 120, overs: 20 }, { runs: 45, overs: 7.3 }],
  {
    no_balls_yet: { runs: 0, overs: 0 },
    one_ball: { runs: 4, overs: 0.1 },
    five_balls: { runs: 10, overs: 0.5 },
    full_t20: { runs: 187, overs: 20 },
    odi_part: { runs: 213, overs: 38.4 },
    slow_start: { runs: 11, overs: 6.2 },
    duck_innings: { runs: 0, overs: 3 },
    big_hitting: { runs: 96, overs: 8.5 },
    test_day: { runs: 284, overs: 90 },
  });

const PLAYER = ["name", "free_throws", "two_pointers", "three_pointers"];
spec("basketball_team_points",
  "A basketball team's score from its players' made shots: free throws count 1 point, two-pointers 2 and three-pointers 3.",
  obj({ team: "string", players: arr(obj({ name: "string", free_throws: COUNT, two_pointers: COUNT, three_pointers: COUNT })) }), T("integer"),
  [
    { team: "Hawks", players: rows(PLAYER, ["Ann", 1, 1, 1]) },
    { team: "Owls", players: rows(PLAYER, ["Ben", 2, 3, 0], ["Cal", 0, 0, 2]) },
  ],
  {
    no_players: { team: "Empty", players: [] },
    scoreless: { team: "Zeros", players: rows(PLAYER, ["Dan", 0, 0, 0], ["Eve", 0, 0, 0]) },
    only_threes: { team: "Snipers", players: rows(PLAYER, ["Fay", 0, 0, 7]) },
    only_free_throws: { team: "Line", players: rows(PLAYER, ["Gus", 9, 0, 0]) },
    full_five: { team: "Bulls", players: rows(PLAYER, ["H", 4, 8, 3], ["I", 2, 5, 1], ["J", 0, 3, 4], ["K", 6, 2, 0], ["L", 1, 1, 1]) },
    bench_scores: { team: "Depth", players: rows(PLAYER, ["M", 3, 6, 2], ["N", 0, 1, 0], ["O", 2, 0, 0], ["P", 0, 0, 1], ["Q", 1, 2, 0], ["R", 0, 0, 0], ["S", 5, 4, 2]) },
    single_star: { team: "Solo", players: rows(PLAYER, ["T", 12, 15, 6]) },
    twos_only: { team: "Paint", players: rows(PLAYER, ["U", 0, 10, 0], ["V", 0, 4, 0]) },
  });

spec("prorated_first_month_rent",
  "First month's rent when moving in part way through a month: the monthly rent times the number of days from the move-in day to the end of that month (both counted), divided by the number of days in the month, rounded to 2 decimals.",
  obj({ monthly_rent: NONNEG, move_in: ISO_DATE }), T("number"),
  [{ monthly_rent: 900, move_in: "2026-06-01" }, { monthly_rent: 900, move_in: "2026-06-16" }, { monthly_rent: 620, move_in: "2026-03-01" }],
  {
    last_day_of_30: { monthly_rent: 1200, move_in: "2026-09-30" },
    last_day_of_31: { monthly_rent: 1550, move_in: "2026-12-31" },
    february: { monthly_rent: 1000, move_in: "2026-02-15" },
    leap_february: { monthly_rent: 1000, move_in: "2028-02-15" },
    leap_day: { monthly_rent: 870, move_in: "2028-02-29" },
    mid_july: { monthly_rent: 1350, move_in: "2026-07-20" },
    second_of_month: { monthly_rent: 725.5, move_in: "2027-01-02" },
    november: { monthly_rent: 990, move_in: "2026-11-11" },
    free_room: { monthly_rent: 0, move_in: "2026-05-05" },
  });

spec("annual_plan_saving_percent",
  "How much a yearly subscription saves compared with paying the monthly price for 12 months, as a whole percent (0 when the yearly plan saves nothing).",
  obj({ monthly_price: NONNEG, annual_price: NONNEG }), T("number"),
  [{ monthly_price: 10, annual_price: 100 }, { monthly_price: 5, annual_price: 60 }],
  {
    two_months_free: { monthly_price: 12, annual_price: 120 },
    dearer_yearly: { monthly_price: 8, annual_price: 99 },
    streaming: { monthly_price: 15.99, annual_price: 159.99 },
    music: { monthly_price: 10.99, annual_price: 109 },
    half_price: { monthly_price: 20, annual_price: 120 },
    free_year: { monthly_price: 4.99, annual_price: 0 },
    tiny_saving: { monthly_price: 9.99, annual_price: 119 },
    cloud_storage: { monthly_price: 2.99, annual_price: 29.99 },
    gym: { monthly_price: 39, annual_price: 399 },
  });

const ATTENDEE = ["name", "hourly_rate"];
spec("meeting_cost",
  "What a meeting costs in salaries: every attendee's hourly rate for the length of the meeting in minutes, added up and rounded to 2 decimals.",
  obj({ minutes: NONNEG, attendees: arr(obj({ name: "string", hourly_rate: NONNEG })) }), T("number"),
  [
    { minutes: 60, attendees: rows(ATTENDEE, ["Ana", 30], ["Bo", 40]) },
    { minutes: 30, attendees: rows(ATTENDEE, ["Cy", 50]) },
  ],
  {
    nobody: { minutes: 45, attendees: [] },
    zero_minutes: { minutes: 0, attendees: rows(ATTENDEE, ["Di", 60]) },
    standup: { minutes: 15, attendees: rows(ATTENDEE, ["E", 42], ["F", 38.5], ["G", 55], ["H", 47.25]) },
    all_hands: { minutes: 80, attendees: rows(ATTENDEE, ["I", 120], ["J", 85], ["K", 62.5], ["L", 40], ["M", 33], ["N", 28.75]) },
    odd_minutes: { minutes: 7, attendees: rows(ATTENDEE, ["O", 36], ["P", 24]) },
    unpaid_intern: { minutes: 60, attendees: rows(ATTENDEE, ["Q", 0], ["R", 45]) },
    long_workshop: { minutes: 240, attendees: rows(ATTENDEE, ["S", 51.2], ["T", 49.8]) },
    third_of_hour: { minutes: 20, attendees: rows(ATTENDEE, ["U", 100]) },
  });

spec("baby_age_in_months",
  "A baby's age in completed months on a given day: one more month is counted each time the day of the month of the birth comes round again.",
  obj({ born: ISO_DATE, today: ISO_DATE }), T("integer"),
  [{ born: "2026-01-10", today: "2026-04-10" }, { born: "2026-01-10", today: "2026-04-09" }],
  {
    newborn: { born: "2026-11-20", today: "2026-11-20" },
    three_weeks: { born: "2026-11-01", today: "2026-11-22" },
    across_year_end: { born: "2025-11-15", today: "2026-02-14" },
    exactly_one_year: { born: "2025-12-02", today: "2026-12-02" },
    day_before_birthday: { born: "2024-06-05", today: "2026-06-04" },
    toddler: { born: "2023-08-12", today: "2026-12-02" },
    first_of_month: { born: "2026-03-01", today: "2026-09-01" },
    late_in_month: { born: "2026-02-28", today: "2026-03-27" },
    leap_year_birth: { born: "2024-02-29", today: "2024-03-29" },
  });

spec("pan_scale_factor",
  "By how much to multiply a cake recipe's ingredients when baking it in a round pan of another diameter: the new pan's area over the recipe pan's area, rounded to 2 decimals.",
  obj({ recipe_diameter_cm: { type: "number", minimum: 1 }, pan_diameter_cm: { type: "number", minimum: 1 } }), T("number"),
  [{ recipe_diameter_cm: 20, pan_diameter_cm: 20 }, { recipe_diameter_cm: 10, pan_diameter_cm: 20 }],
  {
    smaller_pan: { recipe_diameter_cm: 24, pan_diameter_cm: 18 },
    bigger_pan: { recipe_diameter_cm: 20, pan_diameter_cm: 26 },
    inches: { recipe_diameter_cm: 8, pan_diameter_cm: 9 },
    half_size: { recipe_diameter_cm: 30, pan_diameter_cm: 15 },
    tiny_ramekin: { recipe_diameter_cm: 23, pan_diameter_cm: 8 },
    wedding_tier: { recipe_diameter_cm: 20, pan_diameter_cm: 35 },
    nearly_same: { recipe_diameter_cm: 22, pan_diameter_cm: 23 },
    three_times: { recipe_diameter_cm: 12, pan_diameter_cm: 36 },
  });

// ---- filtering, sorting and grouping ---------------------------------------------------------------

const DISH = ["dish", "price", "tags"];
spec("vegetarian_dishes_cheapest_first",
  "Names of the dishes on a menu tagged vegetarian or vegan, cheapest first (dishes at the same price stay in menu order).",
  obj({ menu: arr(obj({ dish: "string", price: NONNEG, tags: arr("string") })) }), NAMES,
  [
    { menu: rows(DISH, ["Steak", 20, []], ["Salad", 8, ["vegetarian"]], ["Soup", 5, ["vegan"]]) },
    { menu: rows(DISH, ["Fish", 15, ["gluten-free"]], ["Risotto", 12, ["vegetarian"]]) },
  ],
  {
    empty_menu: { menu: [] },
    no_veggie: { menu: rows(DISH, ["Burger", 11, []], ["Ribs", 16, ["spicy"]]) },
    same_price: { menu: rows(DISH, ["Falafel", 9, ["vegan"]], ["Halloumi", 9, ["vegetarian"]], ["Tofu bowl", 9, ["vegan", "spicy"]]) },
    many_tags: { menu: rows(DISH, ["Curry", 13.5, ["spicy", "vegan", "gluten-free"]], ["Pad thai", 12.95, ["nuts", "vegetarian"]], ["Chicken wrap", 8, ["spicy"]]) },
    both_tags: { menu: rows(DISH, ["Fruit salad", 4.5, ["vegetarian", "vegan"]], ["Cheesecake", 6, ["vegetarian"]]) },
    all_veggie_reverse: { menu: rows(DISH, ["C", 30, ["vegan"]], ["B", 20, ["vegan"]], ["A", 10, ["vegan"]]) },
    other_words: { menu: rows(DISH, ["Veggie burger", 10, ["plant-based"]], ["Caprese", 7, ["vegetarian"]], ["Pescatarian plate", 14, ["pescatarian"]]) },
    free_item: { menu: rows(DISH, ["Bread basket", 0, ["vegan"]], ["Olives", 3.5, ["vegan"]], ["Calamari", 7, []]) },
    long_menu: { menu: rows(DISH, ["a", 5, ["vegan"]], ["b", 3, []], ["c", 4, ["vegetarian"]], ["d", 4, ["vegan"]], ["e", 2, ["vegetarian"]], ["f", 6, []], ["g", 1, ["vegan"]]) },
  });

const PLANT = ["name", "last_watered", "every_days"];
spec("plants_due_for_water",
  "Names of the plants that need watering today or are overdue, in the list's order: a plant is due every_days days after it was last watered.",
  obj({ today: ISO_DATE, plants: arr(obj({ name: "string", last_watered: ISO_DATE, every_days: { type: "integer", minimum: 1 } })) }), NAMES,
  [
    { today: "2026-05-10", plants: rows(PLANT, ["fern", "2026-05-08", 2], ["cactus", "2026-05-01", 14]) },
    { today: "2026-05-10", plants: rows(PLANT, ["basil", "2026-05-09", 1], ["mint", "2026-05-09", 3]) },
  ],
  {
    no_plants: { today: "2026-05-10", plants: [] },
    watered_today: { today: "2026-05-10", plants: rows(PLANT, ["orchid", "2026-05-10", 7]) },
    one_day_early: { today: "2026-05-10", plants: rows(PLANT, ["ivy", "2026-05-04", 7]) },
    long_overdue: { today: "2026-05-10", plants: rows(PLANT, ["palm", "2026-03-01", 10]) },
    across_month: { today: "2026-07-02", plants: rows(PLANT, ["monstera", "2026-06-25", 7], ["pothos", "2026-06-28", 5]) },
    across_year: { today: "2027-01-03", plants: rows(PLANT, ["aloe", "2026-12-20", 14], ["lemon tree", "2026-12-31", 3]) },
    leap_february: { today: "2028-03-01", plants: rows(PLANT, ["snake plant", "2028-02-23", 7], ["jade", "2028-02-22", 7]) },
    mixed_garden: {
      today: "2026-08-15",
      plants: rows(PLANT, ["tomato", "2026-08-14", 1], ["rose", "2026-08-12", 4], ["lavender", "2026-08-01", 14], ["peace lily", "2026-08-10", 5], ["succulent", "2026-08-05", 21]),
    },
  });

const RUNNER = ["name", "age", "time"];
spec("fastest_by_age_group",
  "The fastest runner's name in each age group of a race (under 40, 40-49, 50+), from finishing times written H:MM:SS. A group nobody ran in is left out; a tie goes to the runner listed first.",
  obj({ runners: arr(obj({ name: "string", age: COUNT, time: { type: "string", pattern: "^[0-9]+:[0-5][0-9]:[0-5][0-9]$" } })) }),
  { type: "object", properties: { "under 40": T("string"), "40-49": T("string"), "50+": T("string") }, additionalProperties: false },
  [
    { runners: rows(RUNNER, ["Ava", 30, "3:30:00"], ["Ben", 45, "3:10:00"], ["Cid", 60, "4:00:00"]) },
    { runners: rows(RUNNER, ["Dee", 25, "2:59:00"], ["Eli", 35, "2:50:00"]) },
  ],
  {
    nobody: { runners: [] },
    boundary_ages: { runners: rows(RUNNER, ["Fin", 39, "3:00:00"], ["Gil", 40, "3:05:00"], ["Hal", 49, "2:58:00"], ["Ida", 50, "3:20:00"]) },
    tie_in_group: { runners: rows(RUNNER, ["Jo", 42, "3:15:30"], ["Kit", 47, "3:15:30"]) },
    seconds_decide: { runners: rows(RUNNER, ["Lu", 52, "4:01:59"], ["Mo", 58, "4:01:58"], ["Ned", 66, "4:02:00"]) },
    hours_matter: { runners: rows(RUNNER, ["Oz", 20, "10:05:00"], ["Pia", 22, "9:59:59"]) },
    only_veterans: { runners: rows(RUNNER, ["Qi", 71, "5:12:40"], ["Rae", 55, "4:48:05"]) },
    short_race: { runners: rows(RUNNER, ["Sam", 12, "0:21:30"], ["Tia", 44, "0:19:45"], ["Uma", 51, "0:24:10"], ["Vic", 38, "0:18:59"]) },
    slower_listed_first: { runners: rows(RUNNER, ["Wes", 33, "1:45:00"], ["Xan", 31, "1:44:59"], ["Yul", 48, "1:50:00"], ["Zed", 43, "1:49:00"]) },
  });

const SONG = ["title", "seconds"];
spec("songs_that_fit",
  "Titles of the songs that make it onto a mix of at most limit_minutes: songs are taken in the list's order until the next one would take the total over the limit; that song and the ones after it are left off.",
  obj({ limit_minutes: NONNEG, songs: arr(obj({ title: "string", seconds: COUNT })) }), NAMES,
  [
    { limit_minutes: 10, songs: rows(SONG, ["Intro", 200], ["Rain", 240], ["Home", 300]) },
    { limit_minutes: 5, songs: rows(SONG, ["Wake", 180], ["Run", 120]) },
  ],
  {
    no_songs: { limit_minutes: 30, songs: [] },
    first_too_long: { limit_minutes: 3, songs: rows(SONG, ["Epic", 600], ["Short", 60]) },
    exact_fit: { limit_minutes: 6, songs: rows(SONG, ["A", 120], ["B", 120], ["C", 120], ["D", 1]) },
    stops_not_skips: { limit_minutes: 8, songs: rows(SONG, ["One", 200], ["Two", 290], ["Three", 30], ["Four", 10]) },
    zero_limit: { limit_minutes: 0, songs: rows(SONG, ["Any", 1]) },
    everything_fits: { limit_minutes: 60, songs: rows(SONG, ["x", 210], ["y", 185], ["z", 242]) },
    half_minute_limit: { limit_minutes: 4.5, songs: rows(SONG, ["Blue", 150], ["Green", 120], ["Red", 30]) },
    long_list: { limit_minutes: 20, songs: rows(SONG, ["s1", 215], ["s2", 187], ["s3", 243], ["s4", 199], ["s5", 260], ["s6", 201], ["s7", 90]) },
  });

const ITEM = ["item", "aisle"];
spec("shopping_list_by_aisle",
  "A shopping list put in the order of the shop's aisles: items sorted by aisle number, and alphabetically within an aisle.",
  obj({ items: arr(obj({ item: "string", aisle: COUNT })) }), NAMES,
  [
    { items: rows(ITEM, ["milk", 5], ["bread", 1], ["apples", 2]) },
    { items: rows(ITEM, ["tea", 3], ["coffee", 3]) },
  ],
  {
    empty_list: { items: [] },
    one_item: { items: rows(ITEM, ["eggs", 4]) },
    all_same_aisle: { items: rows(ITEM, ["pears", 2], ["bananas", 2], ["kiwis", 2], ["apples", 2]) },
    already_ordered: { items: rows(ITEM, ["bread", 1], ["carrots", 2], ["rice", 6]) },
    aisle_zero: { items: rows(ITEM, ["flowers", 0], ["soap", 9], ["newspaper", 0]) },
    double_digit_aisles: { items: rows(ITEM, ["bin bags", 12], ["pasta", 3], ["cat food", 10], ["batteries", 11], ["tinned tomatoes", 3]) },
    weekly_shop: {
      items: rows(ITEM, ["yoghurt", 5], ["cheese", 5], ["onions", 2], ["cereal", 4], ["butter", 5], ["potatoes", 2], ["jam", 4], ["crisps", 7]),
    },
    shared_prefix: { items: rows(ITEM, ["peanut butter", 4], ["peanuts", 4], ["pea", 4]) },
  });

spec("emails_by_domain",
  "Email addresses grouped by domain (the part after the @, in lower case); each group keeps its addresses as written and in the given order.",
  obj({ emails: arr("string") }), { type: "object", additionalProperties: arr("string") },
  [
    { emails: ["ann@mail.com", "bob@work.org", "cat@mail.com"] },
    { emails: ["dan@shop.net"] },
  ],
  {
    no_emails: { emails: [] },
    mixed_case_domain: { emails: ["Eve@Mail.com", "fred@mail.COM", "gina@MAIL.com"] },
    one_domain: { emails: ["a@team.io", "b@team.io", "c@team.io"] },
    subdomains: { emails: ["h@eu.corp.example", "i@corp.example", "j@us.corp.example", "k@eu.corp.example"] },
    dots_in_names: { emails: ["mary.jane@uni.ac.uk", "j.smith@uni.ac.uk", "admin@school.org"] },
    plus_addresses: { emails: ["me+news@inbox.dev", "me+bills@inbox.dev", "you@post.dev"] },
    all_different: { emails: ["x@one.com", "y@two.com", "z@three.com"] },
    interleaved: { emails: ["p@a.com", "q@b.com", "r@a.com", "s@c.com", "t@b.com", "u@a.com"] },
  });

const PERSON = ["name", "birthday"];
spec("birthdays_next_30_days",
  "Names of the people whose next birthday falls today or within the 30 days after today, soonest first (same day: in list order). Birthdays are given with the year of birth.",
  obj({ today: ISO_DATE, people: arr(obj({ name: "string", birthday: ISO_DATE })) }), NAMES,
  [
    { today: "2026-04-01", people: rows(PERSON, ["Amy", "1990-04-20"], ["Raj", "1985-04-05"], ["Tom", "1992-08-01"]) },
    { today: "2026-04-01", people: rows(PERSON, ["Lea", "2001-04-01"], ["Max", "1999-03-31"]) },
  ],
  {
    nobody: { today: "2026-06-01", people: [] },
    exactly_30_days: { today: "2026-06-01", people: rows(PERSON, ["Ola", "1980-07-01"], ["Pat", "1980-07-02"]) },
    just_passed: { today: "2026-06-10", people: rows(PERSON, ["Quin", "1995-06-09"]) },
    across_year_end: { today: "2026-12-20", people: rows(PERSON, ["Rosa", "1970-01-05"], ["Sid", "1988-12-25"], ["Tess", "2000-01-25"]) },
    same_day: { today: "2026-09-01", people: rows(PERSON, ["Uli", "1990-09-15"], ["Val", "1975-09-15"], ["Wyn", "1982-09-03"]) },
    all_far: { today: "2026-02-01", people: rows(PERSON, ["Xia", "1991-05-05"], ["Yan", "1993-11-11"]) },
    february_month_end: { today: "2026-02-10", people: rows(PERSON, ["Zoe", "1996-03-12"], ["Abe", "1996-03-13"], ["Bea", "2004-02-28"]) },
    born_this_year: { today: "2026-10-01", people: rows(PERSON, ["Baby", "2026-10-15"], ["Gran", "1940-10-30"]) },
  });

const STATION = ["name", "price", "km"];
spec("cheapest_station_in_range",
  "The name of the cheapest fuel station within max_km, the nearer one if two cost the same (and the one listed first if they are as near too), or null if none is in range.",
  obj({ max_km: NONNEG, stations: arr(obj({ name: "string", price: NONNEG, km: NONNEG })) }), T(["string", "null"]),
  [
    { max_km: 10, stations: rows(STATION, ["Shell Rd", 1.5, 3], ["Main St", 1.4, 8], ["Far Away", 1.2, 20]) },
    { max_km: 5, stations: rows(STATION, ["North", 1.6, 2], ["South", 1.55, 4]) },
  ],
  {
    no_stations: { max_km: 10, stations: [] },
    none_in_range: { max_km: 2, stations: rows(STATION, ["A", 1.3, 5], ["B", 1.35, 2.1]) },
    edge_of_range: { max_km: 7, stations: rows(STATION, ["C", 1.62, 7], ["D", 1.65, 1]) },
    price_tie_nearer: { max_km: 15, stations: rows(STATION, ["E", 1.499, 9], ["F", 1.499, 4], ["G", 1.52, 1]) },
    full_tie: { max_km: 15, stations: rows(STATION, ["H", 1.45, 6], ["I", 1.45, 6]) },
    tenths_of_a_cent: { max_km: 25, stations: rows(STATION, ["J", 1.579, 12], ["K", 1.578, 24.9], ["L", 1.58, 0.5]) },
    zero_range: { max_km: 0, stations: rows(STATION, ["Here", 1.7, 0], ["Next door", 1.6, 0.2]) },
    many: { max_km: 12, stations: rows(STATION, ["M", 1.61, 3], ["N", 1.57, 11], ["O", 1.49, 13], ["P", 1.57, 10], ["Q", 1.59, 2]) },
  });

const FILE = ["path", "bytes"];
spec("big_files_largest_first",
  "Paths of the files of at least min_mb megabytes (1 MB = 1,000,000 bytes), largest first (files of the same size in list order).",
  obj({ min_mb: NONNEG, files: arr(obj({ path: "string", bytes: COUNT })) }), NAMES,
  [
    { min_mb: 1, files: rows(FILE, ["a.txt", 500], ["movie.mp4", 3000000], ["song.mp3", 2000000]) },
    { min_mb: 10, files: rows(FILE, ["backup.zip", 12000000], ["photo.jpg", 4000000]) },
  ],
  {
    no_files: { min_mb: 1, files: [] },
    none_big_enough: { min_mb: 100, files: rows(FILE, ["x.iso", 99999999], ["y.log", 1234]) },
    exactly_the_limit: { min_mb: 5, files: rows(FILE, ["edge.bin", 5000000], ["under.bin", 4999999]) },
    mebibyte_is_enough: { min_mb: 1, files: rows(FILE, ["mib.dat", 1048576], ["kb.dat", 999999]) },
    same_size: { min_mb: 2, files: rows(FILE, ["first.raw", 8000000], ["second.raw", 8000000], ["third.raw", 9000000]) },
    zero_limit: { min_mb: 0, files: rows(FILE, ["empty.txt", 0], ["tiny.txt", 12]) },
    half_megabyte: { min_mb: 0.5, files: rows(FILE, ["doc.pdf", 750000], ["icon.png", 20480], ["slides.pptx", 500000]) },
    project_folder: {
      min_mb: 3,
      files: rows(FILE, ["src/app.js", 48213], ["dist/bundle.js", 3400000], ["assets/video.webm", 48000000], ["assets/hero.png", 3100000], ["node.tar.gz", 27500000]),
    },
  });

const PURCHASE = ["date", "amount"];
spec("spending_by_weekday",
  "Total spent on each day of the week, keyed Mon, Tue, Wed, Thu, Fri, Sat, Sun, from dated purchases, rounded to 2 decimals; days with no purchase are left out.",
  obj({ purchases: arr(obj({ date: ISO_DATE, amount: NONNEG })) }), { type: "object", additionalProperties: T("number") },
  [
    { purchases: rows(PURCHASE, ["2026-11-30", 10], ["2026-12-01", 5], ["2026-12-07", 20]) },
    { purchases: rows(PURCHASE, ["2026-12-05", 12.5], ["2026-12-06", 7.5]) },
  ],
  {
    no_purchases: { purchases: [] },
    one_purchase: { purchases: rows(PURCHASE, ["2026-12-02", 3.2]) },
    same_weekday_weeks_apart: { purchases: rows(PURCHASE, ["2026-10-02", 9.99], ["2026-10-09", 9.99], ["2026-10-16", 9.99]) },
    across_year_end: { purchases: rows(PURCHASE, ["2026-12-31", 40], ["2027-01-01", 15.5], ["2027-01-04", 6]) },
    leap_day: { purchases: rows(PURCHASE, ["2028-02-29", 25], ["2028-03-01", 4.75]) },
    cents_add_up: { purchases: rows(PURCHASE, ["2026-06-01", 0.1], ["2026-06-01", 0.2], ["2026-06-08", 0.3]) },
    whole_week: {
      purchases: rows(PURCHASE, ["2026-03-02", 1], ["2026-03-03", 2], ["2026-03-04", 3], ["2026-03-05", 4], ["2026-03-06", 5], ["2026-03-07", 6], ["2026-03-08", 7]),
    },
    free_item: { purchases: rows(PURCHASE, ["2026-07-14", 0], ["2026-07-15", 8.4]) },
  });

const STUDENT = ["name", "score"];
spec("resit_list",
  "Names of the students who have to resit the exam because they scored below the pass mark, lowest score first, equal scores in alphabetical order.",
  obj({ pass_mark: NONNEG, students: arr(obj({ name: "string", score: NONNEG })) }), NAMES,
  [
    { pass_mark: 50, students: rows(STUDENT, ["Ava", 45], ["Ben", 70], ["Cal", 30]) },
    { pass_mark: 40, students: rows(STUDENT, ["Dot", 80], ["Eli", 41]) },
  ],
  {
    no_students: { pass_mark: 50, students: [] },
    exactly_pass_mark: { pass_mark: 50, students: rows(STUDENT, ["Fay", 50], ["Gus", 49.5]) },
    equal_scores: { pass_mark: 60, students: rows(STUDENT, ["Zak", 20], ["Amir", 20], ["Mei", 20]) },
    zero_score: { pass_mark: 35, students: rows(STUDENT, ["Hal", 0], ["Ivy", 34], ["Jon", 90]) },
    everyone_fails: { pass_mark: 100, students: rows(STUDENT, ["Kai", 99], ["Liv", 12], ["Mo", 56]) },
    zero_pass_mark: { pass_mark: 0, students: rows(STUDENT, ["Nia", 0], ["Oli", 3]) },
    half_marks: { pass_mark: 55.5, students: rows(STUDENT, ["Pam", 55], ["Quy", 55.5], ["Ron", 54.5]) },
    class_of_eight: {
      pass_mark: 45,
      students: rows(STUDENT, ["Sue", 67], ["Ted", 44], ["Una", 38], ["Vik", 44], ["Wes", 81], ["Xiu", 12], ["Yas", 45], ["Ada", 38]),
    },
  });

const DEPARTURE = ["time", "destination"];
spec("next_departures",
  "The next three trains leaving at or after the given time, as \"HH:MM Destination\", earliest first (trains at the same time in list order); fewer if fewer are left today.",
  obj({ now: HHMM, departures: arr(obj({ time: HHMM, destination: "string" })) }), NAMES,
  [
    { now: "08:00", departures: rows(DEPARTURE, ["07:45", "Leeds"], ["08:10", "York"], ["08:30", "Hull"], ["09:00", "Leeds"], ["09:15", "Selby"]) },
    { now: "22:00", departures: rows(DEPARTURE, ["21:50", "Derby"], ["22:40", "Crewe"]) },
  ],
  {
    empty_board: { now: "12:00", departures: [] },
    all_gone: { now: "23:30", departures: rows(DEPARTURE, ["22:00", "Bath"], ["23:10", "Bristol"]) },
    leaving_now: { now: "10:15", departures: rows(DEPARTURE, ["10:15", "Oxford"], ["10:20", "Reading"]) },
    unsorted_board: { now: "06:00", departures: rows(DEPARTURE, ["07:30", "Ely"], ["06:05", "Diss"], ["09:00", "Lynn"], ["06:45", "March"]) },
    same_time: { now: "14:00", departures: rows(DEPARTURE, ["14:30", "Dover"], ["14:30", "Deal"], ["14:10", "Ashford"], ["15:00", "Canterbury"]) },
    start_of_day: { now: "00:00", departures: rows(DEPARTURE, ["05:30", "Luton"], ["00:05", "Gatwick"], ["23:59", "Brighton"], ["04:00", "Stansted"]) },
    hour_boundary: { now: "09:59", departures: rows(DEPARTURE, ["09:58", "Bury"], ["10:00", "Wigan"], ["09:59", "Bolton"]) },
    busy_hub: {
      now: "17:20",
      departures: rows(DEPARTURE, ["17:05", "Slough"], ["17:21", "Didcot"], ["17:25", "Swindon"], ["17:40", "Cardiff"], ["17:22", "Newbury"], ["18:00", "Bath"]),
    },
  });

const RESTAURANT = ["name", "rating", "reviews"];
spec("top_rated_restaurants",
  "The three best-rated restaurants among those with at least min_reviews reviews, as names, highest rating first; at the same rating the one with more reviews first, then list order. Fewer than three if fewer qualify.",
  obj({ min_reviews: COUNT, restaurants: arr(obj({ name: "string", rating: NONNEG, reviews: COUNT })) }), NAMES,
  [
    { min_reviews: 10, restaurants: rows(RESTAURANT, ["Luigi's", 4.5, 120], ["Taco Town", 4.8, 5], ["Noodle Bar", 4.2, 60], ["Bistro 9", 4.6, 30]) },
    { min_reviews: 1, restaurants: rows(RESTAURANT, ["Cafe Uno", 3.9, 2], ["Grill House", 4.1, 8]) },
  ],
  {
    no_restaurants: { min_reviews: 5, restaurants: [] },
    none_qualify: { min_reviews: 50, restaurants: rows(RESTAURANT, ["Tiny", 5, 3], ["New", 4.9, 49]) },
    exactly_min_reviews: { min_reviews: 20, restaurants: rows(RESTAURANT, ["Edge", 4.4, 20], ["Below", 4.9, 19]) },
    rating_tie_more_reviews: { min_reviews: 0, restaurants: rows(RESTAURANT, ["Few", 4.7, 15], ["Many", 4.7, 300], ["Mid", 4.7, 80]) },
    full_tie: { min_reviews: 0, restaurants: rows(RESTAURANT, ["First", 4, 10], ["Second", 4, 10], ["Third", 4, 10], ["Fourth", 4, 10]) },
    more_than_three: {
      min_reviews: 25,
      restaurants: rows(RESTAURANT, ["A", 4.1, 200], ["B", 4.9, 26], ["C", 3.2, 900], ["D", 4.6, 44], ["E", 4.6, 45], ["F", 5, 24]),
    },
    zero_rating: { min_reviews: 1, restaurants: rows(RESTAURANT, ["Awful", 0, 12], ["Meh", 2.5, 3]) },
    decimals_close: { min_reviews: 10, restaurants: rows(RESTAURANT, ["P", 4.35, 40], ["Q", 4.3, 400], ["R", 4.36, 11], ["S", 4.29, 1000]) },
  });

const FRIDGE = ["item", "expires"];
spec("use_soon_items",
  "Fridge items to use up soon: those whose use-by date is today or in the next 3 days, soonest first (same date: in list order). Items already past their date are left out.",
  obj({ today: ISO_DATE, items: arr(obj({ item: "string", expires: ISO_DATE })) }), NAMES,
  [
    { today: "2026-03-10", items: rows(FRIDGE, ["milk", "2026-03-12"], ["cheese", "2026-03-30"], ["ham", "2026-03-11"]) },
    { today: "2026-03-10", items: rows(FRIDGE, ["yoghurt", "2026-03-10"], ["butter", "2026-04-01"]) },
  ],
  {
    empty_fridge: { today: "2026-03-10", items: [] },
    already_expired: { today: "2026-03-10", items: rows(FRIDGE, ["cream", "2026-03-09"], ["eggs", "2026-03-13"]) },
    fourth_day: { today: "2026-03-10", items: rows(FRIDGE, ["salad", "2026-03-14"], ["soup", "2026-03-13"]) },
    across_month: { today: "2026-04-29", items: rows(FRIDGE, ["hummus", "2026-05-02"], ["juice", "2026-05-03"], ["tofu", "2026-04-30"]) },
    across_year: { today: "2026-12-30", items: rows(FRIDGE, ["turkey", "2027-01-01"], ["pudding", "2027-01-05"], ["sprouts", "2026-12-31"]) },
    same_date: { today: "2026-06-01", items: rows(FRIDGE, ["peas", "2026-06-03"], ["corn", "2026-06-02"], ["beans", "2026-06-03"]) },
    leap_february: { today: "2028-02-27", items: rows(FRIDGE, ["fish", "2028-03-01"], ["prawns", "2028-03-02"], ["steak", "2028-02-29"]) },
    nothing_soon: { today: "2026-08-08", items: rows(FRIDGE, ["jam", "2027-08-08"], ["pickles", "2026-12-01"]) },
  });

// ---- booleans over lists ---------------------------------------------------------------------------

const DIGIT = { type: "integer", minimum: 0, maximum: 9 };
spec("sudoku_row_ok",
  "Whether a Sudoku row is still valid: no digit from 1 to 9 appears in it twice. 0 marks an empty cell.",
  obj({ row: { type: "array", items: DIGIT, minItems: 9, maxItems: 9 } }), T("boolean"),
  [{ row: [5, 3, 0, 0, 7, 0, 0, 0, 0] }, { row: [5, 3, 0, 0, 5, 0, 0, 0, 0] }],
  each("row", {
    all_empty: [0, 0, 0, 0, 0, 0, 0, 0, 0],
    complete_valid: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    complete_shuffled: [9, 4, 6, 1, 8, 2, 3, 7, 5],
    repeat_at_ends: [8, 1, 2, 3, 4, 5, 6, 7, 8],
    adjacent_repeat: [0, 0, 4, 4, 0, 0, 0, 0, 0],
    one_digit: [0, 0, 0, 0, 0, 0, 0, 0, 6],
    almost_full: [2, 7, 0, 9, 1, 3, 8, 5, 6],
    full_with_repeat: [1, 2, 3, 4, 5, 6, 7, 9, 9],
    three_of_a_kind: [3, 0, 3, 0, 3, 0, 0, 0, 0],
  }));

spec("fits_in_overhead_bin",
  "Whether a cabin bag fits the airline's 55 x 40 x 23 cm size limit, whichever way round it is put in.",
  obj({ dims_cm: { type: "array", items: NONNEG, minItems: 3, maxItems: 3 } }), T("boolean"),
  [{ dims_cm: [50, 35, 20] }, { dims_cm: [60, 40, 20] }, { dims_cm: [20, 35, 50] }],
  each("dims_cm", {
    exactly_the_limit: [55, 40, 23],
    limit_turned: [23, 55, 40],
    too_deep: [55, 40, 24],
    thin_but_long: [56, 10, 5],
    fraction_over: [54, 40.5, 20],
    small_backpack: [40, 30, 15],
    cube: [30, 30, 30],
    wide_and_flat: [41, 41, 10],
    tiny: [0, 0, 0],
  }));

spec("is_pangram",
  "Whether a sentence uses every letter of the English alphabet at least once, in upper or lower case.",
  obj({ sentence: "string" }), T("boolean"),
  [{ sentence: "The quick brown fox jumps over the lazy dog" }, { sentence: "Hello world" }],
  each("sentence", {
    empty: "",
    alphabet: "abcdefghijklmnopqrstuvwxyz",
    capitals: "PACK MY BOX WITH FIVE DOZEN LIQUOR JUGS",
    missing_one: "The quick brown fox jumps over the lay dog",
    with_punctuation: "Sphinx of black quartz, judge my vow!",
    digits_not_letters: "abcdefghijklmnopqrstuvwxy 26",
    mixed_case: "Jived fox nymph grabs quick waltz",
    repeated_letters: "aaaa bbbb cccc",
    missing_z: "The five boxing wisards jump quickly",
  }));

spec("poker_flush",
  "Whether a five-card poker hand is a flush: every card of the same suit, the suit being the card's last letter (S, H, D or C).",
  obj({ cards: { type: "array", items: T("string"), minItems: 5, maxItems: 5 } }), T("boolean"),
  [{ cards: ["2H", "5H", "9H", "JH", "KH"] }, { cards: ["2H", "5H", "9S", "JH", "KH"] }],
  each("cards", {
    spades_with_ten: ["10S", "AS", "3S", "7S", "QS"],
    royal_diamonds: ["AD", "KD", "QD", "JD", "10D"],
    last_card_differs: ["4C", "6C", "8C", "9C", "2D"],
    first_card_differs: ["4H", "6C", "8C", "9C", "2C"],
    four_suits: ["AS", "AH", "AD", "AC", "KS"],
    ten_and_jack_clubs: ["10C", "JC", "3C", "5C", "7C"],
    two_and_three: ["2S", "3S", "4S", "5H", "6H"],
    low_clubs: ["2C", "3C", "4C", "5C", "7C"],
  }));

spec("yahtzee_large_straight",
  "Whether five dice make a large straight in Yahtzee: 1-2-3-4-5 or 2-3-4-5-6, in any order.",
  obj({ dice: { type: "array", items: { type: "integer", minimum: 1, maximum: 6 }, minItems: 5, maxItems: 5 } }), T("boolean"),
  [{ dice: [1, 2, 3, 4, 5] }, { dice: [1, 2, 3, 4, 6] }],
  each("dice", {
    high_straight: [2, 3, 4, 5, 6],
    shuffled_low: [5, 3, 1, 4, 2],
    shuffled_high: [6, 2, 5, 3, 4],
    small_straight_only: [1, 2, 3, 4, 4],
    yahtzee: [6, 6, 6, 6, 6],
    gap_in_middle: [1, 2, 4, 5, 6],
    full_house: [2, 2, 3, 3, 3],
    descending: [6, 5, 4, 3, 2],
    one_and_six: [1, 3, 4, 5, 6],
  }));

spec("word_chain_ok",
  "Whether a list of words is a valid word chain: each word starts with the letter the word before it ended with, upper or lower case alike. A chain of one word, or of none, is valid.",
  obj({ words: arr({ type: "string", minLength: 1 }) }), T("boolean"),
  [{ words: ["apple", "egg", "goat"] }, { words: ["apple", "banana"] }],
  each("words", {
    no_words: [],
    one_word: ["zebra"],
    different_case: ["Tiger", "Rabbit", "turtle"],
    break_at_end: ["cat", "tiger", "rat", "dog"],
    break_in_middle: ["sun", "nest", "moon", "night"],
    single_letters: ["a", "a", "a"],
    long_chain: ["lion", "newt", "trout", "toad", "duck", "kangaroo", "ostrich", "hare", "elk"],
    repeated_word: ["noon", "noon"],
    same_letter_not_chained: ["bob", "cab"],
  }));

spec("seats_together",
  "Whether a group's theatre seats are side by side: all in the same row (the letters) with seat numbers that follow on from one another without a gap, given in any order. A single seat counts as together.",
  obj({ seats: { type: "array", items: { type: "string", pattern: "^[A-Z]+[0-9]+$" }, minItems: 1 } }), T("boolean"),
  [{ seats: ["F12", "F13", "F14"] }, { seats: ["F12", "F14"] }, { seats: ["F12", "G13"] }],
  each("seats", {
    single: ["A1"],
    any_order: ["K9", "K7", "K8"],
    pair: ["B20", "B21"],
    gap_at_end: ["C1", "C2", "C4"],
    double_letter_row: ["AA3", "AA4", "AA5"],
    row_letter_prefix: ["A3", "AA4"],
    crosses_ten: ["H9", "H10", "H11"],
    long_row: ["M14", "M15", "M16", "M17", "M18", "M19"],
    different_rows_same_numbers: ["E3", "F4", "E5"],
  }));

// ---- string reformatting -------------------------------------------------------------------------------

spec("uk_sort_code_dashed",
  "A UK bank sort code written as three pairs of digits joined by dashes, whatever spaces or dashes it was typed with.",
  obj({ sort_code: "string" }), { type: "string", pattern: "^[0-9]{2}-[0-9]{2}-[0-9]{2}$" },
  [{ sort_code: "123456" }, { sort_code: "12 34 56" }],
  each("sort_code", {
    already_dashed: "40-47-84",
    leading_zeros: "012345",
    zeros: "000000",
    mixed: "20-00 00",
    spaces_around: " 30 99 50 ",
    odd_grouping: "1234 56",
    double_spaces: "60  16  13",
    dash_and_space: "83 - 91 - 20",
  }));

spec("human_file_size",
  "A file size in bytes written for people: under 1024 bytes as \"N B\", otherwise in KB, MB, GB or TB (steps of 1024), the largest unit that keeps the number at least 1, with one decimal.",
  obj({ bytes: COUNT }), T("string"),
  [{ bytes: 500 }, { bytes: 2048 }, { bytes: 1572864 }],
  each("bytes", {
    zero: 0,
    one_byte: 1,
    just_under_a_kb: 1023,
    one_kb: 1024,
    one_and_a_half_kb: 1536,
    photo: 3473408,
    gigabyte: 1073741824,
    film: 4831838208,
    terabyte_and_a_bit: 1209462790553,
    odd_kb: 12800,
  }));

spec("roman_numeral_year",
  "A year written in Roman numerals, as on a film's copyright line.",
  obj({ year: { type: "integer", minimum: 1, maximum: 3999 } }), T("string"),
  [{ year: 2000 }, { year: 1990 }, { year: 2026 }],
  each("year", {
    one: 1,
    four: 4,
    nine: 9,
    forty_four: 44,
    nineteen_forty_nine: 1949,
    nineteen_ninety_nine: 1999,
    fourteen_ninety_two: 1492,
    largest: 3999,
    eighteen_eighty_eight: 1888,
    twenty_twenty_four: 2024,
  }));

spec("apache_log_timestamp",
  "A UTC timestamp in ISO form (YYYY-MM-DDTHH:MM:SSZ) written the way web server access logs write it: day/month abbreviation/year:hours:minutes:seconds followed by +0000.",
  obj({ timestamp: { type: "string", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$" } }), T("string"),
  [{ timestamp: "2026-12-02T07:05:09Z" }, { timestamp: "2026-01-15T18:30:00Z" }],
  each("timestamp", {
    new_year: "2027-01-01T00:00:00Z",
    last_second: "2026-12-31T23:59:59Z",
    leap_day: "2028-02-29T12:00:01Z",
    may: "2026-05-09T09:09:09Z",
    september: "2026-09-30T16:45:12Z",
    june: "2026-06-06T06:06:06Z",
    october_midnight: "2025-10-10T00:00:10Z",
    march_noon: "2024-03-03T12:00:00Z",
  }));

spec("french_phone_spaced",
  "A French phone number written as five pairs of digits separated by spaces, whether it was typed with dots, dashes, spaces or nothing between the digits, or with the +33 country code instead of the leading 0.",
  obj({ phone: "string" }), { type: "string", pattern: "^0[0-9] [0-9]{2} [0-9]{2} [0-9]{2} [0-9]{2}$" },
  [{ phone: "0612345678" }, { phone: "01.42.68.53.00" }],
  each("phone", {
    already_spaced: "06 12 34 56 78",
    dashes: "07-81-22-90-14",
    country_code: "+33612345678",
    country_code_spaced: "+33 1 42 68 53 00",
    paris_landline_dots: "01.45.67.89.10",
    trailing_spaces: "  0987654321 ",
    mixed_separators: "04 91.55-20 11",
    all_zeros_after: "0100000000",
  }));

spec("repo_slug_from_url",
  "The owner/name of a git repository from the address it was copied as: an https web address (possibly pointing at a file or branch inside it) or an ssh clone address like git@host:owner/name.git, with or without the .git ending.",
  obj({ url: "string" }), T("string"),
  [{ url: "https://code.example.com/alice/notes" }, { url: "git@code.example.com:alice/notes.git" }],
  each("url", {
    https_with_git: "https://code.example.com/bob/tools.git",
    deep_link: "https://code.example.com/carol/site/blob/main/README.md",
    branch_link: "https://git.example.org/team-x/api-server/tree/feature/login",
    ssh_other_host: "git@git.example.org:acme/widgets.git",
    dots_in_name: "https://code.example.com/dave/dotfiles.nvim",
    mixed_case: "https://code.example.com/Eve/MyProject",
    trailing_slash: "https://code.example.com/frank/blog/",
    ssh_without_git: "git@code.example.com:gina/recipes",
    http_plain: "http://intranet.local/ops/deploy-scripts.git",
  }));

spec("windows_path_to_unix",
  "A Windows file path rewritten the way Git Bash writes it: the drive letter in lower case after a leading slash, without its colon, and every backslash turned into a forward slash.",
  obj({ path: { type: "string", pattern: "^[A-Za-z]:" } }), T("string"),
  [{ path: "C:\\Users\\ana\\notes.txt" }, { path: "D:\\Games" }],
  each("path", {
    drive_root: "C:\\",
    lower_case_drive: "e:\\backup\\2026\\photos",
    spaces_in_names: "C:\\Program Files\\My App\\app.exe",
    trailing_backslash: "F:\\music\\",
    already_forward: "C:/tools/bin",
    deep: "Z:\\a\\b\\c\\d\\e\\f.txt",
    dots: "C:\\Users\\bo\\.config\\settings.json",
    mixed_slashes: "D:\\work/repo\\src/index.ts",
  }));

spec("lakh_grouping",
  "A whole rupee amount written with Indian digit grouping: the last three digits together, and the digits before them in groups of two, separated by commas.",
  obj({ amount: COUNT }), T("string"),
  [{ amount: 100000 }, { amount: 1234567 }, { amount: 999 }],
  each("amount", {
    zero: 0,
    one_thousand: 1000,
    ten_thousand: 10000,
    one_crore: 10000000,
    odd_length: 12345678,
    hundred_crore: 1000000000,
    just_over_lakh: 100001,
    four_digits: 4500,
    nine_digits: 987654321,
    three_digits: 100,
  }));

spec("strip_html_tags",
  "The text of a snippet of HTML with every tag removed; everything between the tags is kept exactly as it is.",
  obj({ html: "string" }), T("string"),
  [{ html: "<b>Hello</b> world" }, { html: "<p>Hi <i>there</i></p>" }],
  each("html", {
    no_tags: "plain text",
    empty: "",
    only_tags: "<br><hr/>",
    attributes: "<a href=\"https://example.com\" class=\"link\">Click here</a> now",
    self_closing: "Line one<br/>Line two",
    nested_list: "<ul><li>One</li><li>Two</li></ul>",
    spaces_kept: "<span>  a  </span> b",
    entity_kept: "<p>Fish &amp; chips</p>",
    upper_case_tags: "<DIV>Old <FONT color=red>school</FONT></DIV>",
  }));

spec("latitude_dms",
  "A latitude in decimal degrees written as degrees, minutes and seconds, rounded to the nearest whole second, followed by N for north or S for south (negative), in the form 12°34'56\"N.",
  obj({ latitude: { type: "number", minimum: -90, maximum: 90 } }), T("string"),
  [{ latitude: 51.5 }, { latitude: -33.75 }],
  each("latitude", {
    equator: 0,
    north_pole: 90,
    south_pole: -90,
    london: 51.5074,
    sydney: -33.8688,
    seconds_round_up_to_minute: 10.99999,
    small_south: -0.5,
    quarter_degree: 45.25,
    oslo: 59.9139,
    second_by_second: 12.0025,
  }));

spec("rgb_to_hex",
  "A colour given as red, green and blue values from 0 to 255 written as a web hex colour: # followed by two lower-case hex digits for each.",
  obj({ r: { type: "integer", minimum: 0, maximum: 255 }, g: { type: "integer", minimum: 0, maximum: 255 }, b: { type: "integer", minimum: 0, maximum: 255 } }),
  { type: "string", pattern: "^#[0-9a-f]{6}$" },
  [{ r: 255, g: 0, b: 0 }, { r: 0, g: 128, b: 255 }],
  {
    black: { r: 0, g: 0, b: 0 },
    white: { r: 255, g: 255, b: 255 },
    single_digits: { r: 1, g: 2, b: 3 },
    fifteen_sixteen: { r: 15, g: 16, b: 17 },
    teal: { r: 0, g: 128, b: 128 },
    coral: { r: 255, g: 127, b: 80 },
    grey: { r: 171, g: 171, b: 171 },
    navy: { r: 0, g: 0, b: 128 },
    odd_mix: { r: 202, g: 254, b: 186 },
  });

spec("shortcut_label",
  "A keyboard shortcut as typed tidied up for a menu: the keys joined by + with no spaces, each key capitalized (first letter upper case, the rest lower case).",
  obj({ keys: "string" }), T("string"),
  [{ keys: "ctrl+s" }, { keys: "ctrl + shift + p" }],
  each("keys", {
    single_key: "esc",
    already_tidy: "Alt+F4",
    shouting: "CTRL+ALT+DELETE",
    mixed_case: "cMd+sHiFt+z",
    function_key: "shift+f10",
    spaces_one_side: "alt +tab",
    digit_key: "ctrl+1",
    four_keys: "ctrl+alt+shift+t",
    word_key: "ctrl+enter",
  }));

spec("ip_padded",
  "An IPv4 address with every one of its four numbers padded with leading zeros to three digits.",
  obj({ ip: { type: "string", pattern: "^[0-9]{1,3}(\\.[0-9]{1,3}){3}$" } }), { type: "string", pattern: "^[0-9]{3}(\\.[0-9]{3}){3}$" },
  [{ ip: "10.0.0.1" }, { ip: "192.168.1.20" }],
  each("ip", {
    all_zeros: "0.0.0.0",
    broadcast: "255.255.255.255",
    already_padded: "010.001.002.003",
    loopback: "127.0.0.1",
    two_digit_parts: "34.56.78.90",
    mixed: "8.80.208.8",
    private_range: "172.16.254.3",
    partly_padded: "01.002.3.44",
  }));

spec("spreadsheet_column_letter",
  "A spreadsheet column number written as its column letters: 1 is A, 26 is Z, 27 is AA, and so on.",
  obj({ column: { type: "integer", minimum: 1 } }), { type: "string", pattern: "^[A-Z]+$" },
  [{ column: 1 }, { column: 3 }, { column: 28 }],
  each("column", {
    z: 26,
    aa: 27,
    az: 52,
    ba: 53,
    zz: 702,
    aaa: 703,
    hundred: 100,
    last_excel_column: 16384,
    fifty_two_plus_one: 79,
  }));

spec("expiry_mm_yy",
  "A card's expiry date written as MM/YY, however it was typed: a one- or two-digit month and a two- or four-digit year, separated by a slash, a dash or a space (with or without spaces around the separator).",
  obj({ expiry: "string" }), { type: "string", pattern: "^[0-9]{2}/[0-9]{2}$" },
  [{ expiry: "7/27" }, { expiry: "07/2027" }, { expiry: "12-28" }],
  each("expiry", {
    already_right: "03/26",
    dash_four_digit_year: "11-2030",
    space_separated: "5 29",
    spaces_around_slash: "9 / 31",
    january: "1/2027",
    december_short: "12/26",
    two_digit_month_dash: "06-27",
    leading_zero_long_year: "08/2099",
    october: "10 2028",
  }));

// ---- counting ---------------------------------------------------------------------------------------------

spec("working_days_in_month",
  "Number of weekdays (Monday to Friday) in a month given as YYYY-MM; public holidays are not taken into account.",
  obj({ month: { type: "string", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])$" } }), T("integer"),
  [{ month: "2026-12" }, { month: "2026-02" }],
  each("month", {
    leap_february: "2028-02",
    february_starting_monday: "2027-02",
    thirty_day_month: "2026-09",
    starts_on_saturday: "2026-08",
    starts_on_sunday: "2026-03",
    january: "2027-01",
    may: "2026-05",
    long_ago: "1999-12",
    october: "2026-10",
  }));

const RESULT = ["home", "away", "home_goals", "away_goals"];
spec("goals_scored_by_team",
  "How many goals a team scored over a list of match results, counting the games it played at home and away.",
  obj({ team: "string", results: arr(obj({ home: "string", away: "string", home_goals: COUNT, away_goals: COUNT })) }), T("integer"),
  [
    { team: "Rovers", results: rows(RESULT, ["Rovers", "City", 2, 1], ["United", "Rovers", 0, 3]) },
    { team: "City", results: rows(RESULT, ["Rovers", "City", 2, 1]) },
  ],
  {
    no_games: { team: "Rovers", results: [] },
    did_not_play: { team: "Athletic", results: rows(RESULT, ["Rovers", "City", 4, 4]) },
    goalless: { team: "Town", results: rows(RESULT, ["Town", "Villa", 0, 0], ["Villa", "Town", 5, 0]) },
    conceded_not_counted: { team: "County", results: rows(RESULT, ["County", "Wanderers", 1, 6]) },
    season: {
      team: "Albion",
      results: rows(RESULT, ["Albion", "Rangers", 3, 0], ["Celtic", "Albion", 2, 2], ["Albion", "Hearts", 1, 1], ["Rangers", "Celtic", 0, 1], ["Hearts", "Albion", 0, 4]),
    },
    similar_names: { team: "United", results: rows(RESULT, ["United", "West United", 1, 2], ["West United", "United", 3, 5]) },
    away_only: { team: "Forest", results: rows(RESULT, ["Park", "Forest", 1, 2], ["Vale", "Forest", 0, 1], ["Dale", "Forest", 2, 3]) },
    big_win: { team: "Harriers", results: rows(RESULT, ["Harriers", "Minnows", 11, 0]) },
  });

const DAY = ["date", "steps"];
spec("days_step_goal_met",
  "On how many days the step count reached the daily goal.",
  obj({ goal: COUNT, days: arr(obj({ date: ISO_DATE, steps: COUNT })) }), T("integer"),
  [
    { goal: 10000, days: rows(DAY, ["2026-11-01", 12000], ["2026-11-02", 8000], ["2026-11-03", 10500]) },
    { goal: 5000, days: rows(DAY, ["2026-11-04", 4000]) },
  ],
  {
    no_days: { goal: 8000, days: [] },
    exactly_the_goal: { goal: 10000, days: rows(DAY, ["2026-11-05", 10000], ["2026-11-06", 9999]) },
    every_day: { goal: 6000, days: rows(DAY, ["2026-11-07", 6001], ["2026-11-08", 15000], ["2026-11-09", 7000]) },
    zero_goal: { goal: 0, days: rows(DAY, ["2026-11-10", 0], ["2026-11-11", 350]) },
    sick_week: { goal: 7500, days: rows(DAY, ["2026-11-12", 120], ["2026-11-13", 300], ["2026-11-14", 0], ["2026-11-15", 2100]) },
    full_month_sample: {
      goal: 9000,
      days: rows(DAY, ["2026-10-27", 9100], ["2026-10-28", 8999], ["2026-10-29", 12345], ["2026-10-30", 9000], ["2026-10-31", 4500], ["2026-11-01", 20100], ["2026-11-02", 8800], ["2026-11-03", 9050]),
    },
    marathon_day: { goal: 10000, days: rows(DAY, ["2026-04-26", 58000]) },
    high_goal: { goal: 25000, days: rows(DAY, ["2026-11-16", 24999], ["2026-11-17", 25000], ["2026-11-18", 30000]) },
  });

spec("bingo_marked_count",
  "How many numbers on a bingo card have been called so far.",
  obj({ card: arr(COUNT), called: arr(COUNT) }), T("integer"),
  [{ card: [5, 12, 33, 48, 71], called: [12, 71, 3] }, { card: [1, 2, 3], called: [] }],
  {
    nothing_called: { card: [7, 19, 42], called: [] },
    full_house: { card: [4, 15, 26, 37, 48], called: [48, 37, 26, 15, 4, 90] },
    none_match: { card: [10, 20, 30], called: [11, 21, 31, 41] },
    empty_card: { card: [], called: [1, 2, 3] },
    free_space_zero: { card: [0, 8, 16, 24], called: [0, 16] },
    many_called: { card: [3, 18, 31, 46, 62, 75], called: [1, 3, 5, 9, 18, 22, 30, 46, 50, 61, 75] },
    order_does_not_matter: { card: [90, 1, 45], called: [45, 90] },
    close_numbers: { card: [12, 21, 13, 31], called: [11, 22, 13, 30] },
  });

spec("friday_13ths_in_year",
  "How many Friday the 13ths a year has.",
  obj({ year: { type: "integer", minimum: 1901, maximum: 2199 } }), T("integer"),
  [{ year: 2026 }, { year: 2024 }],
  each("year", {
    y2015: 2015,
    y2027: 2027,
    y2028_leap: 2028,
    y2029: 2029,
    y2000: 2000,
    y1999: 1999,
    y2032_leap: 2032,
    y2100_not_leap: 2100,
    y2009: 2009,
  }));

spec("coins_for_change",
  "The smallest number of coins that make up an amount in cents, with coins of 1, 2, 5, 10, 20, 50, 100 and 200 cents.",
  obj({ cents: COUNT }), T("integer"),
  [{ cents: 50 }, { cents: 75 }, { cents: 300 }],
  each("cents", {
    zero: 0,
    one: 1,
    three: 3,
    ninety_nine: 99,
    four_eighty_eight: 488,
    eight: 8,
    large: 1999,
    two_twenty_two: 222,
    forty_four: 44,
  }));
