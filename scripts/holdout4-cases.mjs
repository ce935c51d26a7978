// The specs of tests/fixtures/specs/holdout4 without their outputs: description, schemas and the
// inputs of the examples and the named tests. scripts/make-holdout4-specs.mjs adds the outputs.

import { T, obj, arr, HHMM, ISO_DATE, rows } from "./spec-schemas.mjs";
const NONNEG = { type: "number", minimum: 0 };
const POSITIVE = { type: "number", exclusiveMinimum: 0 };
const COUNT = { type: "integer", minimum: 0 };
/** One single-field input per value: each("psi", {zero: 0}) -> {zero: {psi: 0}}. */
const each = (field, named) => Object.fromEntries(Object.entries(named).map(([name, v]) => [name, { [field]: v }]));

export const SPECS = [];
const spec = (capability, description, inputSchema, outputSchema, examples, tests) =>
  SPECS.push({ capability, description, inputSchema, outputSchema, examples, tests });

// ---- arithmetic on records ---------------------------------------------------------------------

spec("fluid_ounces_to_ml",
  "A volume in US fluid ounces converted to millilitres, rounded to 1 decimal.",
  obj({ fl_oz: NONNEG }), T("number"),
  [{ fl_oz: 1 }, { fl_oz: 8 }, { fl_oz: 16 }],
  each("fl_oz", { zero: 0, half: 0.5, can: 12, bottle: 16.9, quart: 32, gallon: 128, shot: 1.5, tiny: 0.1, big_jug: 200 }));

spec("psi_to_bar",
  "A tyre pressure in psi converted to bar, rounded to 2 decimals.",
  obj({ psi: NONNEG }), T("number"),
  [{ psi: 30 }, { psi: 35 }, { psi: 100 }],
  each("psi", { zero: 0, one: 1, bike_road: 110, bike_mtb: 28, truck: 120, car_low: 26, ten: 10, half: 0.5, spare: 60 }));

spec("weekly_rainfall_mm",
  "Total rainfall of the week in millimetres, from the daily amounts measured in inches, rounded to 1 decimal.",
  obj({ station: "string", daily_inches: arr(NONNEG) }), T("number"),
  [{ station: "Elm Park", daily_inches: [1, 0, 0, 0, 0, 0, 0] }, { station: "Hilltop", daily_inches: [0.5, 0.5, 1, 0, 0, 0, 0] }],
  {
    dry_week: { station: "Dunes", daily_inches: [0, 0, 0, 0, 0, 0, 0] },
    no_readings: { station: "New", daily_inches: [] },
    drizzle: { station: "Coast", daily_inches: [0.01, 0.02, 0.01, 0, 0.03, 0.01, 0] },
    storm: { station: "Bay", daily_inches: [0.2, 3.75, 2.1, 0.4, 0, 0, 0.05] },
    one_day: { station: "Ridge", daily_inches: [0.33] },
    hundredths: { station: "Mill", daily_inches: [0.12, 0.47, 0.08, 0.91, 0.3, 0.06, 0.19] },
    wet_week: { station: "Fen", daily_inches: [1.2, 1.4, 0.9, 1.1, 1.3, 0.8, 1] },
    quarter_inches: { station: "Lake", daily_inches: [0.25, 0.25, 0.25, 0.25] },
  });

const ING = ["name", "cost"];
spec("recipe_cost_per_serving",
  "Cost of one serving of a recipe: the ingredients' costs added up and divided by the number of servings, rounded to 2 decimals.",
  obj({ recipe: "string", servings: { type: "integer", minimum: 1 }, ingredients: arr(obj({ name: "string", cost: NONNEG })) }), T("number"),
  [
    { recipe: "pancakes", servings: 4, ingredients: rows(ING, ["flour", 1], ["eggs", 2], ["milk", 1]) },
    { recipe: "omelette", servings: 1, ingredients: rows(ING, ["eggs", 1.5], ["cheese", 2]) },
  ],
  {
    no_ingredients: { recipe: "water", servings: 2, ingredients: [] },
    free_herbs: { recipe: "salad", servings: 2, ingredients: rows(ING, ["basil", 0], ["tomato", 3]) },
    thirds: { recipe: "soup", servings: 3, ingredients: rows(ING, ["stock", 2], ["leeks", 1.5], ["potatoes", 1.2]) },
    big_batch: { recipe: "chili", servings: 12, ingredients: rows(ING, ["beef", 14.5], ["beans", 3.2], ["tomatoes", 2.75], ["spices", 1.9], ["onions", 1.1]) },
    half_cent: { recipe: "toast", servings: 8, ingredients: rows(ING, ["bread", 1]) },
    seven_servings: { recipe: "curry", servings: 7, ingredients: rows(ING, ["chicken", 9.99], ["rice", 2.49], ["coconut milk", 1.79]) },
    one_serving_cents: { recipe: "shake", servings: 1, ingredients: rows(ING, ["banana", 0.35], ["milk", 0.6], ["oats", 0.15]) },
    many_cheap: { recipe: "trail mix", servings: 10, ingredients: rows(ING, ["nuts", 4.2], ["raisins", 1.3], ["seeds", 2.05], ["chocolate", 2.58]) },
  });

spec("parcel_tier_postage",
  "Postage for a parcel by its weight in kg: 4.50 up to 1 kg, 8.00 up to 5 kg, 14.00 up to 20 kg; above 20 kg, 14.00 plus 0.60 for every started kg over 20.",
  obj({ weight_kg: POSITIVE }), T("number"),
  [{ weight_kg: 0.5 }, { weight_kg: 3 }, { weight_kg: 10 }],
  each("weight_kg", { exactly_one: 1, just_over_one: 1.01, exactly_five: 5, just_over_five: 5.2, exactly_twenty: 20, started_kg: 20.1,
    whole_kg_over: 22, part_kg_over: 23.5, heavy: 41.7 }));

const AB = ["date", "at_bats", "hits"];
spec("batting_average",
  "A batter's average over the games: total hits divided by total at_bats, rounded to 3 decimals; 0 when there were no at-bats.",
  obj({ player: "string", games: arr(obj({ date: ISO_DATE, at_bats: COUNT, hits: COUNT })) }), T("number"),
  [
    { player: "Ruiz", games: rows(AB, ["2025-04-01", 4, 1], ["2025-04-02", 4, 1]) },
    { player: "Cole", games: rows(AB, ["2025-04-01", 3, 1]) },
  ],
  {
    no_games: { player: "Ng", games: [] },
    no_at_bats: { player: "Ng", games: rows(AB, ["2025-04-03", 0, 0]) },
    hitless: { player: "Ott", games: rows(AB, ["2025-04-03", 4, 0], ["2025-04-04", 3, 0]) },
    perfect: { player: "Lee", games: rows(AB, ["2025-04-03", 2, 2]) },
    half_up: { player: "Paz", games: rows(AB, ["2025-04-05", 8, 0], ["2025-04-06", 8, 1]) },
    sevenths: { player: "Kim", games: rows(AB, ["2025-04-07", 7, 2]) },
    season: {
      player: "Diaz",
      games: rows(AB, ["2025-05-01", 4, 2], ["2025-05-02", 5, 1], ["2025-05-03", 3, 0], ["2025-05-04", 4, 1], ["2025-05-05", 0, 0], ["2025-05-06", 4, 3]),
    },
    pinch_hitter: { player: "Ito", games: rows(AB, ["2025-06-01", 1, 0], ["2025-06-02", 0, 0], ["2025-06-03", 1, 1]) },
    three_sixteenths: { player: "Vos", games: rows(AB, ["2025-06-04", 16, 3]) },
  });

spec("heart_rate_zone",
  "Training zone of a heart rate, as a percentage of the maximum heart rate (220 minus age): 'rest' below 50%, 'easy' from 50% up to 60%, 'fat burn' from 60% up to 70%, 'cardio' from 70% up to 85%, 'peak' at 85% or more.",
  obj({ age: { type: "integer", minimum: 1, maximum: 110 }, bpm: COUNT }), { type: "string", enum: ["rest", "easy", "fat burn", "cardio", "peak"] },
  [{ age: 20, bpm: 150 }, { age: 40, bpm: 120 }],
  {
    resting: { age: 30, bpm: 60 },
    exactly_half: { age: 20, bpm: 100 },
    just_below_half: { age: 20, bpm: 99 },
    fifty_nine_percent: { age: 50, bpm: 100 },
    sixty_five_percent: { age: 60, bpm: 104 },
    just_below_cardio: { age: 30, bpm: 132 },
    just_below_peak: { age: 40, bpm: 152 },
    over_max: { age: 70, bpm: 160 },
    young_sprint: { age: 16, bpm: 190 },
    zero: { age: 45, bpm: 0 },
  });

spec("tiered_water_bill",
  "A household water bill: the first 10 cubic metres at 1.50 each, the next 20 at 2.00 each, everything above 30 at 3.00 each, plus a fixed charge of 12.00; rounded to 2 decimals.",
  obj({ account: "string", cubic_metres: NONNEG }), T("number"),
  [{ account: "A-1", cubic_metres: 5 }, { account: "A-2", cubic_metres: 20 }, { account: "A-3", cubic_metres: 40 }],
  Object.fromEntries(Object.entries({ none: 0, exactly_ten: 10, fraction_first: 7.5, just_over_ten: 10.5, exactly_thirty: 30, just_over_thirty: 30.25,
    heavy: 125, tiny: 0.02, odd: 18.37 }).map(([name, m], i) => [name, { account: `B-${i + 1}`, cubic_metres: m }])));

spec("parking_fee",
  "Parking fee for a stay on one day (entry and exit as HH:MM): stays of up to 30 minutes are free; longer stays cost 2.50 for every started hour of the stay, but never more than 18.00.",
  obj({ plate: "string", entry: HHMM, exit: HHMM }), T("number"),
  [{ plate: "KX1", entry: "09:00", exit: "10:00" }, { plate: "KX2", entry: "09:00", exit: "09:20" }, { plate: "KX3", entry: "08:00", exit: "11:30" }],
  {
    zero_minutes: { plate: "P1", entry: "12:00", exit: "12:00" },
    exactly_thirty: { plate: "P2", entry: "13:15", exit: "13:45" },
    thirty_one: { plate: "P3", entry: "13:15", exit: "13:46" },
    exactly_two_hours: { plate: "P4", entry: "10:30", exit: "12:30" },
    two_hours_one: { plate: "P5", entry: "10:30", exit: "12:31" },
    hits_cap: { plate: "P6", entry: "07:00", exit: "15:00" },
    just_under_cap: { plate: "P7", entry: "07:00", exit: "13:59" },
    all_day: { plate: "P8", entry: "00:00", exit: "23:59" },
    across_hour_marks: { plate: "P9", entry: "09:50", exit: "10:40" },
  });

spec("mean_daily_steps",
  "Mean steps per day over the days the watch recorded steps (a day without a steps field is left out), rounded to a whole number with halves up; 0 when no day has steps.",
  obj({ days: arr(obj({ date: ISO_DATE, "steps?": COUNT })) }), T("integer"),
  [
    { days: [{ date: "2025-02-01", steps: 8000 }, { date: "2025-02-02", steps: 10000 }] },
    { days: [{ date: "2025-02-03", steps: 5000 }, { date: "2025-02-04" }, { date: "2025-02-05", steps: 7000 }] },
  ],
  {
    no_days: { days: [] },
    all_missing: { days: [{ date: "2025-03-01" }, { date: "2025-03-02" }] },
    one_day: { days: [{ date: "2025-03-03", steps: 12345 }] },
    zero_steps_counts: { days: [{ date: "2025-03-04", steps: 0 }, { date: "2025-03-05", steps: 9000 }] },
    half_up: { days: [{ date: "2025-03-06", steps: 4001 }, { date: "2025-03-07", steps: 4002 }] },
    thirds: { days: [{ date: "2025-03-08", steps: 1000 }, { date: "2025-03-09", steps: 1000 }, { date: "2025-03-10", steps: 1001 }] },
    two_thirds: { days: [{ date: "2025-03-11", steps: 1000 }, { date: "2025-03-12", steps: 1001 }, { date: "2025-03-13", steps: 1001 }] },
    week_with_gaps: {
      days: [{ date: "2025-04-01", steps: 6543 }, { date: "2025-04-02" }, { date: "2025-04-03", steps: 11020 }, { date: "2025-04-04", steps: 8790 },
        { date: "2025-04-05" }, { date: "2025-04-06", steps: 15001 }, { date: "2025-04-07", steps: 3002 }],
    },
  });

spec("loan_monthly_payment",
  "Monthly repayment of a loan paid back in equal instalments over `months` months at annual_rate_percent a year (a twelfth of that rate each month, compounded monthly); the principal divided by months when the rate is 0; rounded to 2 decimals.",
  obj({ principal: NONNEG, annual_rate_percent: NONNEG, months: { type: "integer", minimum: 1 } }), T("number"),
  [{ principal: 1200, annual_rate_percent: 0, months: 12 }, { principal: 10000, annual_rate_percent: 6, months: 12 }],
  {
    one_month: { principal: 500, annual_rate_percent: 12, months: 1 },
    car_loan: { principal: 25000, annual_rate_percent: 4.9, months: 60 },
    mortgage: { principal: 300000, annual_rate_percent: 3.75, months: 360 },
    zero_principal: { principal: 0, annual_rate_percent: 5, months: 24 },
    zero_rate_thirds: { principal: 1000, annual_rate_percent: 0, months: 3 },
    high_rate: { principal: 2000, annual_rate_percent: 24, months: 18 },
    small_loan: { principal: 750, annual_rate_percent: 9.5, months: 6 },
    two_years: { principal: 5000, annual_rate_percent: 7, months: 24 },
  });

spec("portfolio_value",
  "Value of a portfolio: each holding's shares times the price of its ticker in prices, summed and rounded to 2 decimals; a holding whose ticker has no price counts as 0.",
  obj({ holdings: arr(obj({ ticker: "string", shares: NONNEG })), prices: { type: "object", additionalProperties: T("number") } }), T("number"),
  [
    { holdings: [{ ticker: "AAA", shares: 10 }, { ticker: "BBB", shares: 5 }], prices: { AAA: 20, BBB: 100 } },
    { holdings: [{ ticker: "CCC", shares: 2 }], prices: { CCC: 50, DDD: 10 } },
  ],
  {
    empty: { holdings: [], prices: { AAA: 1 } },
    missing_price: { holdings: [{ ticker: "XYZ", shares: 40 }, { ticker: "AAA", shares: 1 }], prices: { AAA: 12.5 } },
    no_prices: { holdings: [{ ticker: "AAA", shares: 3 }], prices: {} },
    fractional_shares: { holdings: [{ ticker: "IDX", shares: 2.345 }], prices: { IDX: 412.37 } },
    same_ticker_twice: { holdings: [{ ticker: "AAA", shares: 10 }, { ticker: "AAA", shares: 15 }], prices: { AAA: 8.04 } },
    zero_shares: { holdings: [{ ticker: "BIG", shares: 0 }], prices: { BIG: 3150 } },
    penny_stock: { holdings: [{ ticker: "PNY", shares: 12000 }], prices: { PNY: 0.0137 } },
    mixed: {
      holdings: [{ ticker: "AAPL", shares: 12 }, { ticker: "MSFT", shares: 4.5 }, { ticker: "GONE", shares: 100 }, { ticker: "VTI", shares: 30.25 }],
      prices: { AAPL: 189.95, MSFT: 415.1, VTI: 251.33 },
    },
  });

const LOT = ["shares", "price_paid"];
spec("holding_gain_percent",
  "Gain on a stock bought in several lots, as a percentage of what it cost: all the shares at current_price minus the total cost (each lot's shares times its price_paid), over the total cost, times 100; rounded to 2 decimals; 0 when nothing was paid.",
  obj({ current_price: NONNEG, lots: arr(obj({ shares: NONNEG, price_paid: NONNEG })) }), T("number"),
  [
    { current_price: 110, lots: rows(LOT, [10, 100]) },
    { current_price: 50, lots: rows(LOT, [10, 40], [10, 60]) },
  ],
  {
    no_lots: { current_price: 30, lots: [] },
    free_shares: { current_price: 30, lots: rows(LOT, [5, 0]) },
    total_loss: { current_price: 0, lots: rows(LOT, [8, 12.5]) },
    no_change: { current_price: 25, lots: rows(LOT, [4, 25], [6, 25]) },
    doubled: { current_price: 80, lots: rows(LOT, [3, 40]) },
    thirds: { current_price: 40, lots: rows(LOT, [3, 30]) },
    small_loss: { current_price: 99.5, lots: rows(LOT, [7, 101.25], [3, 98.4]) },
    many_lots: { current_price: 172.3, lots: rows(LOT, [10, 120], [5, 150.75], [12, 181.2], [0.5, 160]) },
  });

const DOUGH = ["name", "grams", "kind"];
spec("dough_hydration_percent",
  "Hydration of a bread dough: the grams of the liquid ingredients as a percentage of the grams of the flour ingredients, rounded to 1 decimal; 0 when there is no flour.",
  obj({ ingredients: arr(obj({ name: "string", grams: NONNEG, kind: { type: "string", enum: ["flour", "liquid", "other"] } })) }), T("number"),
  [
    { ingredients: rows(DOUGH, ["bread flour", 500, "flour"], ["water", 350, "liquid"], ["salt", 10, "other"]) },
    { ingredients: rows(DOUGH, ["flour", 1000, "flour"], ["water", 700, "liquid"], ["milk", 50, "liquid"]) },
  ],
  {
    no_ingredients: { ingredients: [] },
    no_flour: { ingredients: rows(DOUGH, ["water", 200, "liquid"]) },
    no_liquid: { ingredients: rows(DOUGH, ["flour", 300, "flour"], ["butter", 150, "other"]) },
    two_flours: { ingredients: rows(DOUGH, ["white", 400, "flour"], ["rye", 100, "flour"], ["water", 375, "liquid"]) },
    thirds: { ingredients: rows(DOUGH, ["flour", 300, "flour"], ["water", 200, "liquid"]) },
    wet_dough: { ingredients: rows(DOUGH, ["flour", 250, "flour"], ["water", 230, "liquid"], ["olive oil", 20, "liquid"], ["yeast", 3, "other"]) },
    starter_counts_as_other: { ingredients: rows(DOUGH, ["flour", 450, "flour"], ["starter", 100, "other"], ["water", 315, "liquid"], ["salt", 9, "other"]) },
    sevenths: { ingredients: rows(DOUGH, ["flour", 700, "flour"], ["water", 466, "liquid"]) },
  });

const MATCH = ["home", "away", "home_goals", "away_goals"];
spec("league_points",
  "Points the team earned from the results: 3 for a win and 1 for a draw, whether it played at home or away; matches between other teams don't count.",
  obj({ team: "string", results: arr(obj({ home: "string", away: "string", home_goals: COUNT, away_goals: COUNT })) }), T("integer"),
  [
    { team: "Lions", results: rows(MATCH, ["Lions", "Bears", 2, 0], ["Wolves", "Lions", 1, 1]) },
    { team: "Bears", results: rows(MATCH, ["Lions", "Bears", 2, 0], ["Bears", "Wolves", 3, 1]) },
  ],
  {
    no_results: { team: "Lions", results: [] },
    not_playing: { team: "Hawks", results: rows(MATCH, ["Lions", "Bears", 1, 0], ["Wolves", "Bears", 2, 2]) },
    away_win: { team: "Hawks", results: rows(MATCH, ["Lions", "Hawks", 0, 4]) },
    home_loss: { team: "Hawks", results: rows(MATCH, ["Hawks", "Lions", 0, 1]) },
    goalless_draw: { team: "Hawks", results: rows(MATCH, ["Hawks", "Bears", 0, 0], ["Lions", "Hawks", 0, 0]) },
    all_losses: { team: "Owls", results: rows(MATCH, ["Owls", "A", 1, 2], ["B", "Owls", 3, 0], ["Owls", "C", 0, 5]) },
    season: {
      team: "Foxes",
      results: rows(MATCH, ["Foxes", "A", 2, 1], ["B", "Foxes", 0, 0], ["Foxes", "C", 1, 3], ["D", "Foxes", 1, 2], ["A", "B", 4, 4], ["Foxes", "B", 5, 0], ["C", "Foxes", 2, 2]),
    },
    similar_name: { team: "United", results: rows(MATCH, ["United B", "City", 3, 0], ["United", "City", 0, 1]) },
  });

spec("golf_score_to_par",
  "A golf round's score against par: total strokes minus total par over the holes played, written '+N' when over par, '-N' when under par and 'E' when even.",
  obj({ holes: arr(obj({ par: { type: "integer", minimum: 3, maximum: 6 }, strokes: { type: "integer", minimum: 1 } })) }), T("string"),
  [
    { holes: [{ par: 4, strokes: 5 }, { par: 3, strokes: 3 }] },
    { holes: [{ par: 5, strokes: 4 }, { par: 4, strokes: 4 }] },
    { holes: [{ par: 4, strokes: 4 }] },
  ],
  {
    no_holes: { holes: [] },
    hole_in_one: { holes: [{ par: 3, strokes: 1 }] },
    cancel_out: { holes: [{ par: 4, strokes: 6 }, { par: 5, strokes: 3 }] },
    double_digits_over: { holes: [{ par: 4, strokes: 9 }, { par: 4, strokes: 8 }, { par: 3, strokes: 6 }] },
    front_nine: {
      holes: [{ par: 4, strokes: 4 }, { par: 5, strokes: 4 }, { par: 3, strokes: 3 }, { par: 4, strokes: 3 }, { par: 4, strokes: 5 },
        { par: 5, strokes: 5 }, { par: 3, strokes: 2 }, { par: 4, strokes: 4 }, { par: 4, strokes: 4 }],
    },
    all_bogeys: { holes: [{ par: 4, strokes: 5 }, { par: 4, strokes: 5 }, { par: 4, strokes: 5 }, { par: 5, strokes: 6 }] },
    eagle: { holes: [{ par: 5, strokes: 3 }] },
    par_six: { holes: [{ par: 6, strokes: 7 }, { par: 3, strokes: 2 }, { par: 4, strokes: 5 }] },
  });

spec("medication_dose_ml",
  "Millilitres of a liquid medicine to give: dose mg_per_kg times the patient's weight_kg, but never more than max_dose_mg, divided by the strength mg_per_ml; rounded to 1 decimal.",
  obj({ weight_kg: POSITIVE, mg_per_kg: NONNEG, max_dose_mg: NONNEG, mg_per_ml: POSITIVE }), T("number"),
  [
    { weight_kg: 20, mg_per_kg: 10, max_dose_mg: 500, mg_per_ml: 40 },
    { weight_kg: 80, mg_per_kg: 10, max_dose_mg: 500, mg_per_ml: 50 },
  ],
  {
    exactly_at_cap: { weight_kg: 50, mg_per_kg: 10, max_dose_mg: 500, mg_per_ml: 50 },
    infant: { weight_kg: 4.2, mg_per_kg: 15, max_dose_mg: 1000, mg_per_ml: 24 },
    thirds: { weight_kg: 10, mg_per_kg: 5, max_dose_mg: 400, mg_per_ml: 30 },
    zero_dose: { weight_kg: 30, mg_per_kg: 0, max_dose_mg: 200, mg_per_ml: 20 },
    zero_cap: { weight_kg: 30, mg_per_kg: 5, max_dose_mg: 0, mg_per_ml: 20 },
    strong_syrup: { weight_kg: 18.5, mg_per_kg: 7.5, max_dose_mg: 300, mg_per_ml: 100 },
    heavy_adult: { weight_kg: 130, mg_per_kg: 12, max_dose_mg: 1200, mg_per_ml: 80 },
    weak_syrup: { weight_kg: 12, mg_per_kg: 20, max_dose_mg: 600, mg_per_ml: 8 },
  });

const TRIP = ["mode", "km"];
spec("travel_co2_kg",
  "Carbon dioxide from a set of trips in kg, using per-km factors of car 0.17, bus 0.1, train 0.04 and plane 0.25; summed and rounded to 1 decimal.",
  obj({ trips: arr(obj({ mode: { type: "string", enum: ["car", "bus", "train", "plane"] }, km: NONNEG })) }), T("number"),
  [
    { trips: rows(TRIP, ["car", 100]) },
    { trips: rows(TRIP, ["train", 100], ["bus", 10]) },
  ],
  {
    no_trips: { trips: [] },
    plane_only: { trips: rows(TRIP, ["plane", 1234]) },
    zero_km: { trips: rows(TRIP, ["car", 0], ["bus", 0]) },
    short_hops: { trips: rows(TRIP, ["bus", 2.5], ["bus", 2.5], ["train", 7.3]) },
    commute_week: { trips: rows(TRIP, ["car", 18.4], ["car", 18.4], ["train", 42], ["train", 42], ["bus", 6.1]) },
    holiday: { trips: rows(TRIP, ["car", 35], ["plane", 2210], ["bus", 14.2], ["plane", 2210], ["train", 88], ["car", 35]) },
    one_km_each: { trips: rows(TRIP, ["car", 1], ["bus", 1], ["train", 1], ["plane", 1]) },
    long_rail: { trips: rows(TRIP, ["train", 1587.6]) },
  });

// ---- filtering, sorting, grouping ----------------------------------------------------------------

spec("recipes_without_allergen",
  "Names of the recipes that can be served to someone allergic to `allergen`: those with no ingredient equal to it (ignoring letter case), in list order.",
  obj({ allergen: "string", recipes: arr(obj({ name: "string", ingredients: arr("string") })) }), arr("string"),
  [
    { allergen: "peanuts", recipes: [{ name: "satay", ingredients: ["chicken", "peanuts"] }, { name: "salad", ingredients: ["lettuce", "tomato"] }] },
    { allergen: "milk", recipes: [{ name: "porridge", ingredients: ["oats", "milk"] }, { name: "toast", ingredients: ["bread"] }, { name: "latte", ingredients: ["coffee", "milk"] }] },
  ],
  {
    no_recipes: { allergen: "eggs", recipes: [] },
    none_safe: { allergen: "eggs", recipes: [{ name: "omelette", ingredients: ["eggs"] }, { name: "quiche", ingredients: ["flour", "eggs", "ham"] }] },
    all_safe: { allergen: "fish", recipes: [{ name: "rice", ingredients: ["rice", "water"] }, { name: "dal", ingredients: ["lentils", "onion"] }] },
    case_differs: { allergen: "Sesame", recipes: [{ name: "hummus", ingredients: ["chickpeas", "SESAME", "lemon"] }, { name: "pita", ingredients: ["flour"] }] },
    no_ingredients: { allergen: "soy", recipes: [{ name: "ice", ingredients: [] }] },
    longer_word_is_other: { allergen: "egg", recipes: [{ name: "nog", ingredients: ["eggnog mix"] }, { name: "fried", ingredients: ["egg", "oil"] }] },
    same_name_twice: { allergen: "nuts", recipes: [{ name: "cake", ingredients: ["flour", "nuts"] }, { name: "cake", ingredients: ["flour", "sugar"] }] },
    many: {
      allergen: "wheat",
      recipes: [{ name: "pasta", ingredients: ["wheat", "eggs"] }, { name: "risotto", ingredients: ["rice", "stock", "parmesan"] },
        { name: "bread", ingredients: ["Wheat", "yeast", "salt"] }, { name: "polenta", ingredients: ["cornmeal", "butter"] }, { name: "stew", ingredients: ["beef", "carrot", "wheat"] }],
    },
  });

const RUN = (name, seconds) => (seconds === undefined ? { name } : { name, seconds });
spec("race_podium",
  "Names of the first three finishers of a race, fastest (fewest seconds) first; a runner without seconds did not finish and is left out; equal times keep list order. Fewer names when fewer finished.",
  obj({ runners: arr(obj({ name: "string", "seconds?": POSITIVE })) }), arr("string"),
  [
    { runners: [RUN("Ana", 300), RUN("Ben", 280), RUN("Cy", 310), RUN("Dee", 320)] },
    { runners: [RUN("Eve", 400), RUN("Fox"), RUN("Gil", 390)] },
  ],
  {
    no_runners: { runners: [] },
    nobody_finished: { runners: [RUN("A"), RUN("B")] },
    one_finisher: { runners: [RUN("A"), RUN("Solo", 1234.5)] },
    tie_for_first: { runners: [RUN("Kai", 250), RUN("Lu", 250), RUN("Mo", 260), RUN("Nia", 240.5)] },
    tie_for_third: { runners: [RUN("A", 10), RUN("B", 20), RUN("C", 30), RUN("D", 30)] },
    dnf_would_win: { runners: [RUN("Fast"), RUN("P", 61), RUN("Q", 62), RUN("R", 63), RUN("S", 64)] },
    tenths: { runners: [RUN("X", 12.3), RUN("Y", 12.25), RUN("Z", 12.35)] },
    big_field: {
      runners: [RUN("r1", 3605), RUN("r2", 3599), RUN("r3"), RUN("r4", 3720), RUN("r5", 3590), RUN("r6", 3599), RUN("r7"), RUN("r8", 4001)],
    },
  });

spec("words_by_first_letter",
  "The words grouped by first letter: an object from the lower-case first letter to the words that start with it in either case, each word as given and in list order.",
  obj({ words: arr({ type: "string", minLength: 1 }) }), { type: "object", additionalProperties: arr("string") },
  [{ words: ["apple", "banana", "avocado"] }, { words: ["cherry"] }],
  {
    no_words: { words: [] },
    mixed_case: { words: ["Apple", "apricot", "Banana", "blueberry"] },
    repeats_kept: { words: ["kiwi", "kiwi", "lime"] },
    one_letter_words: { words: ["a", "I", "i", "A"] },
    all_same_letter: { words: ["pear", "plum", "peach", "Papaya"] },
    order_of_first_seen: { words: ["zebra", "yak", "zebu", "ant", "yeti"] },
    single_word: { words: ["Xylophone"] },
    long_list: { words: ["mango", "melon", "date", "fig", "Grape", "guava", "Fig", "durian", "lemon", "mulberry"] },
  });

const PATIENT = ["name", "triage", "arrived"];
spec("triage_queue",
  "Patient names in the order they will be seen: lowest triage level first, and within a level whoever arrived earlier (arrived is HH:MM on the same day); patients with the same level and time keep list order.",
  obj({ patients: arr(obj({ name: "string", triage: { type: "integer", minimum: 1, maximum: 5 }, arrived: HHMM })) }), arr("string"),
  [
    { patients: rows(PATIENT, ["Ava", 3, "10:00"], ["Bo", 1, "10:30"], ["Cal", 3, "09:00"]) },
    { patients: rows(PATIENT, ["Dot", 2, "08:15"], ["Ed", 2, "08:05"]) },
  ],
  {
    empty: { patients: [] },
    one: { patients: rows(PATIENT, ["Solo", 4, "12:00"]) },
    same_level_same_time: { patients: rows(PATIENT, ["P", 2, "11:11"], ["Q", 2, "11:11"], ["R", 1, "11:12"]) },
    level_beats_time: { patients: rows(PATIENT, ["Early", 5, "00:05"], ["Late", 1, "23:50"]) },
    times_across_noon: { patients: rows(PATIENT, ["A", 3, "13:00"], ["B", 3, "09:45"], ["C", 3, "12:59"]) },
    all_levels: { patients: rows(PATIENT, ["L5", 5, "07:00"], ["L4", 4, "07:00"], ["L3", 3, "07:00"], ["L2", 2, "07:00"], ["L1", 1, "07:00"]) },
    busy_night: {
      patients: rows(PATIENT, ["Ann", 3, "22:10"], ["Ben", 2, "22:40"], ["Cat", 3, "21:55"], ["Dan", 4, "20:00"], ["Eli", 2, "22:05"], ["Fay", 1, "23:59"], ["Gus", 3, "22:10"]),
    },
    already_in_order: { patients: rows(PATIENT, ["X", 1, "01:00"], ["Y", 1, "02:00"], ["Z", 2, "00:30"]) },
  });

spec("errors_per_service",
  "How many ERROR lines each service logged, as an object from service name to count; a log line reads 'YYYY-MM-DD HH:MM:SS LEVEL service: message', and services without errors are left out.",
  obj({ lines: arr("string") }), { type: "object", additionalProperties: COUNT },
  [
    { lines: ["2025-01-01 10:00:00 ERROR auth: bad token", "2025-01-01 10:00:05 INFO auth: login ok", "2025-01-01 10:01:00 ERROR db: timeout"] },
    { lines: ["2025-01-02 08:00:00 ERROR api: 500", "2025-01-02 08:00:01 ERROR api: 502"] },
  ],
  {
    no_lines: { lines: [] },
    no_errors: { lines: ["2025-02-01 00:00:00 INFO web: up", "2025-02-01 00:00:01 WARN web: slow"] },
    error_word_in_message: { lines: ["2025-02-02 09:00:00 INFO report: 0 ERROR rows", "2025-02-02 09:00:01 WARN report: ERROR budget low"] },
    hyphenated_service: { lines: ["2025-02-03 12:00:00 ERROR user-sync: conflict", "2025-02-03 12:00:02 ERROR user-sync: retry failed"] },
    message_with_colons: { lines: ["2025-02-04 13:00:00 ERROR cron: job 12:30: missed", "2025-02-04 13:00:00 DEBUG cron: tick"] },
    many_services: {
      lines: ["2025-03-01 01:00:00 ERROR mail: bounce", "2025-03-01 01:00:10 INFO mail: sent", "2025-03-01 01:01:00 ERROR queue: full",
        "2025-03-01 01:02:00 ERROR mail: bounce", "2025-03-01 01:03:00 WARN queue: lag", "2025-03-01 01:04:00 ERROR billing: card declined",
        "2025-03-01 01:05:00 ERROR mail: spf fail"],
    },
    single_error: { lines: ["2025-04-01 23:59:59 ERROR backup: disk full"] },
    debug_only: { lines: ["2025-04-02 10:00:00 DEBUG x: a", "2025-04-02 10:00:01 DEBUG y: b"] },
  });

const LISTING = ["neighbourhood", "rent"];
spec("median_rent_by_area",
  "Median monthly rent per neighbourhood, as an object from neighbourhood to median rent (the mean of the two middle rents when a neighbourhood has an even number of listings).",
  obj({ listings: arr(obj({ neighbourhood: "string", rent: NONNEG })) }), { type: "object", additionalProperties: T("number") },
  [
    { listings: rows(LISTING, ["Old Town", 1000], ["Old Town", 1200], ["Docks", 900]) },
    { listings: rows(LISTING, ["Hill", 800], ["Hill", 1000], ["Hill", 2000]) },
  ],
  {
    no_listings: { listings: [] },
    unsorted_odd: { listings: rows(LISTING, ["Park", 1500], ["Park", 700], ["Park", 1100], ["Park", 900], ["Park", 2500]) },
    unsorted_even: { listings: rows(LISTING, ["Park", 1500], ["Park", 700], ["Park", 1100], ["Park", 900]) },
    equal_rents: { listings: rows(LISTING, ["Quay", 1250], ["Quay", 1250]) },
    half_values: { listings: rows(LISTING, ["Mews", 999], ["Mews", 1000]) },
    interleaved_areas: { listings: rows(LISTING, ["A", 500], ["B", 1800], ["A", 700], ["B", 1600], ["A", 600], ["C", 950]) },
    numeric_not_text_order: { listings: rows(LISTING, ["Z", 950], ["Z", 1050], ["Z", 10000]) },
    many: {
      listings: rows(LISTING, ["Centre", 1450], ["North", 875.5], ["Centre", 1620], ["North", 910], ["Centre", 1399], ["North", 860], ["Centre", 2100], ["East", 780]),
    },
  });

const SKU_QTY = ["sku", "qty"];
spec("merged_stock_counts",
  "Stock counts of two warehouses combined: a list of {sku, qty} with each SKU once and all its quantities from both lists added up, sorted by SKU.",
  obj({ north: arr(obj({ sku: "string", qty: COUNT })), south: arr(obj({ sku: "string", qty: COUNT })) }), arr(obj({ sku: "string", qty: COUNT })),
  [
    { north: rows(SKU_QTY, ["A1", 5]), south: rows(SKU_QTY, ["A1", 3], ["B2", 4]) },
    { north: rows(SKU_QTY, ["C3", 10]), south: [] },
  ],
  {
    both_empty: { north: [], south: [] },
    north_empty: { north: [], south: rows(SKU_QTY, ["Z9", 1], ["M4", 2]) },
    disjoint: { north: rows(SKU_QTY, ["B", 1], ["D", 2]), south: rows(SKU_QTY, ["A", 3], ["C", 4]) },
    repeated_in_one_list: { north: rows(SKU_QTY, ["K", 2], ["K", 5]), south: rows(SKU_QTY, ["K", 1]) },
    zero_quantities: { north: rows(SKU_QTY, ["E", 0]), south: rows(SKU_QTY, ["E", 0], ["F", 0]) },
    text_order: { north: rows(SKU_QTY, ["SKU-10", 1], ["SKU-2", 1]), south: rows(SKU_QTY, ["SKU-1", 1]) },
    case_matters: { north: rows(SKU_QTY, ["ab", 1]), south: rows(SKU_QTY, ["AB", 2]) },
    many: {
      north: rows(SKU_QTY, ["TEE-M", 40], ["TEE-L", 25], ["CAP", 12], ["SOCK", 100]),
      south: rows(SKU_QTY, ["CAP", 8], ["TEE-S", 30], ["TEE-M", 15], ["BAG", 3], ["SOCK", 60]),
    },
  });

spec("top_hashtags",
  "The n most used hashtags across the posts, most used first and equal counts in alphabetical order; a hashtag is # followed by letters, digits or underscores, and tags are counted and returned in lower case.",
  obj({ n: COUNT, posts: arr("string") }), arr("string"),
  [
    { n: 2, posts: ["#sun and #sea", "more #sun"] },
    { n: 1, posts: ["#cats rule", "#dogs too", "#cats again"] },
  ],
  {
    no_posts: { n: 3, posts: [] },
    no_tags: { n: 2, posts: ["just words", "no tags # here"] },
    n_zero: { n: 0, posts: ["#a #b"] },
    case_folded: { n: 2, posts: ["#Travel #food", "#TRAVEL", "#Food #travel"] },
    punctuation_ends_tag: { n: 3, posts: ["Loving #summer!", "#summer, #beach.", "#beach_life?"] },
    tie_alphabetical: { n: 2, posts: ["#zeta #alpha #mid", "#zeta #alpha #mid"] },
    fewer_than_n: { n: 10, posts: ["#one #two", "#two"] },
    repeat_in_one_post: { n: 2, posts: ["#go #go #go", "#stop #stop", "#stop"] },
    digits_in_tags: { n: 3, posts: ["#2025goals #day1", "#day1 #day2", "#day1 #2025goals"] },
    underscores_and_case: { n: 2, posts: ["#new_york #NewYork", "#new_york", "#newyork #NEW_YORK"] },
  });

const VISIT = ["user", "at"];
spec("unique_visitors_per_day",
  "Number of different users who visited on each day, as an object from date (YYYY-MM-DD) to count; `at` is 'YYYY-MM-DDTHH:MM'.",
  obj({ visits: arr(obj({ user: "string", at: { type: "string", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}$" } })) }),
  { type: "object", additionalProperties: COUNT },
  [
    { visits: rows(VISIT, ["ann", "2025-05-01T09:00"], ["bob", "2025-05-01T10:00"], ["ann", "2025-05-02T09:00"]) },
    { visits: rows(VISIT, ["cy", "2025-05-03T08:00"], ["cy", "2025-05-03T18:00"]) },
  ],
  {
    no_visits: { visits: [] },
    one_visit: { visits: rows(VISIT, ["dee", "2025-06-01T00:00"]) },
    midnight_edges: { visits: rows(VISIT, ["e", "2025-06-01T23:59"], ["e", "2025-06-02T00:00"], ["f", "2025-06-02T00:01"]) },
    same_user_many_times: { visits: rows(VISIT, ["g", "2025-06-03T01:00"], ["g", "2025-06-03T02:00"], ["g", "2025-06-03T03:00"], ["h", "2025-06-03T04:00"]) },
    unordered_days: { visits: rows(VISIT, ["a", "2025-07-09T10:00"], ["b", "2025-07-08T10:00"], ["c", "2025-07-09T11:00"], ["a", "2025-07-08T12:00"]) },
    case_sensitive_users: { visits: rows(VISIT, ["Ann", "2025-07-10T10:00"], ["ann", "2025-07-10T11:00"]) },
    across_year: { visits: rows(VISIT, ["x", "2024-12-31T22:00"], ["y", "2025-01-01T01:00"], ["x", "2025-01-01T02:00"]) },
    busy_day: {
      visits: rows(VISIT, ["u1", "2025-08-01T08:00"], ["u2", "2025-08-01T08:05"], ["u3", "2025-08-01T09:00"], ["u1", "2025-08-01T12:00"],
        ["u4", "2025-08-01T13:30"], ["u2", "2025-08-01T17:45"], ["u5", "2025-08-02T07:00"]),
    },
  });

const ATT = ["name", "present", "sessions"];
spec("low_attendance_students",
  "Names of the students whose attendance (present over sessions, as a percentage) is below min_percent, lowest attendance first; equal attendance in alphabetical order of name.",
  obj({ min_percent: NONNEG, students: arr(obj({ name: "string", present: COUNT, sessions: { type: "integer", minimum: 1 } })) }), arr("string"),
  [
    { min_percent: 80, students: rows(ATT, ["Ada", 10, 10], ["Ben", 6, 10], ["Cai", 7, 10]) },
    { min_percent: 50, students: rows(ATT, ["Dia", 5, 10], ["Eon", 4, 10]) },
  ],
  {
    no_students: { min_percent: 75, students: [] },
    all_fine: { min_percent: 75, students: rows(ATT, ["A", 20, 20], ["B", 18, 20]) },
    exactly_at_minimum: { min_percent: 75, students: rows(ATT, ["Edge", 15, 20], ["Under", 14, 20]) },
    different_session_counts: { min_percent: 90, students: rows(ATT, ["Pia", 8, 10], ["Quin", 3, 4], ["Ray", 25, 30]) },
    equal_attendance_by_name: { min_percent: 60, students: rows(ATT, ["Zed", 1, 2], ["Amy", 2, 4], ["Max", 5, 10]) },
    never_came: { min_percent: 10, students: rows(ATT, ["Ghost", 0, 12], ["Once", 1, 12]) },
    zero_minimum: { min_percent: 0, students: rows(ATT, ["None", 0, 5]) },
    thirds: { min_percent: 70, students: rows(ATT, ["Tia", 2, 3], ["Uma", 8, 10], ["Val", 1, 3], ["Wes", 5, 7]) },
    big_class: {
      min_percent: 85,
      students: rows(ATT, ["Noor", 30, 32], ["Omar", 24, 32], ["Lena", 27, 32], ["Ivan", 32, 32], ["Jack", 26, 32], ["Kate", 24, 32]),
    },
  });

spec("page_of_items",
  "The items shown on page `page` (counting from 1) when the list is shown per_page items at a time; an empty list for a page past the end.",
  obj({ page: { type: "integer", minimum: 1 }, per_page: { type: "integer", minimum: 1 }, items: arr("string") }), arr("string"),
  [
    { page: 1, per_page: 2, items: ["a", "b", "c", "d", "e"] },
    { page: 2, per_page: 2, items: ["a", "b", "c", "d", "e"] },
    { page: 3, per_page: 2, items: ["a", "b", "c", "d", "e"] },
  ],
  {
    empty_list: { page: 1, per_page: 10, items: [] },
    past_the_end: { page: 4, per_page: 2, items: ["a", "b", "c", "d", "e"] },
    exact_last_page: { page: 2, per_page: 3, items: ["u", "v", "w", "x", "y", "z"] },
    just_past_exact: { page: 3, per_page: 3, items: ["u", "v", "w", "x", "y", "z"] },
    one_per_page: { page: 4, per_page: 1, items: ["p1", "p2", "p3", "p4", "p5"] },
    page_bigger_than_list: { page: 1, per_page: 50, items: ["only", "two"] },
    duplicates_kept: { page: 2, per_page: 2, items: ["x", "x", "x", "x", "y"] },
    far_page: { page: 100, per_page: 10, items: ["a"] },
    middle_of_long: { page: 3, per_page: 4, items: Array.from({ length: 15 }, (_, i) => `item${i + 1}`) },
  });

spec("teams_of_size",
  "The players split into teams of `size` in list order: the first `size` players make the first team, the next `size` the second, and so on; the last team may be smaller.",
  obj({ size: { type: "integer", minimum: 1 }, players: arr("string") }), arr(arr("string")),
  [
    { size: 2, players: ["Ann", "Bob", "Cat", "Dan"] },
    { size: 3, players: ["Ann", "Bob", "Cat", "Dan"] },
  ],
  {
    no_players: { size: 4, players: [] },
    size_one: { size: 1, players: ["A", "B", "C"] },
    size_larger_than_list: { size: 10, players: ["A", "B", "C"] },
    exact_fit: { size: 3, players: ["A", "B", "C", "D", "E", "F"] },
    one_left_over: { size: 3, players: ["A", "B", "C", "D", "E", "F", "G"] },
    single_player: { size: 5, players: ["Solo"] },
    same_names: { size: 2, players: ["Sam", "Sam", "Sam"] },
    big_squad: { size: 4, players: Array.from({ length: 11 }, (_, i) => `P${i + 1}`) },
  });

const BACKORDER = (id, ...lines) => ({ id, lines: rows(SKU_QTY, ...lines) });
spec("backordered_skus",
  "SKUs whose total quantity over all the orders' lines is more than the stock on hand (a SKU missing from stock has none), in alphabetical order.",
  obj({ orders: arr(obj({ id: "string", lines: arr(obj({ sku: "string", qty: COUNT })) })), stock: { type: "object", additionalProperties: COUNT } }), arr("string"),
  [
    { orders: [BACKORDER("o1", ["pen", 5]), BACKORDER("o2", ["pen", 5], ["ink", 1])], stock: { pen: 8, ink: 3 } },
    { orders: [BACKORDER("o3", ["cup", 2])], stock: {} },
  ],
  {
    no_orders: { orders: [], stock: { pen: 1 } },
    exactly_enough: { orders: [BACKORDER("o1", ["mug", 4]), BACKORDER("o2", ["mug", 6])], stock: { mug: 10 } },
    one_short: { orders: [BACKORDER("o1", ["mug", 4]), BACKORDER("o2", ["mug", 7])], stock: { mug: 10 } },
    zero_qty_missing_sku: { orders: [BACKORDER("o1", ["ghost", 0])], stock: {} },
    order_without_lines: { orders: [BACKORDER("o1"), BACKORDER("o2", ["cap", 1])], stock: { cap: 1 } },
    same_sku_twice_in_order: { orders: [BACKORDER("o1", ["tee", 3], ["tee", 3])], stock: { tee: 5 } },
    alphabetical: { orders: [BACKORDER("o1", ["zip", 9], ["bag", 9], ["map", 9])], stock: { zip: 1, bag: 1, map: 100 } },
    zero_stock: { orders: [BACKORDER("o1", ["fan", 1])], stock: { fan: 0 } },
    many: {
      orders: [BACKORDER("A1", ["bolt", 120], ["nut", 80]), BACKORDER("A2", ["bolt", 30], ["washer", 500]), BACKORDER("A3", ["nut", 25], ["screw", 10]), BACKORDER("A4", ["washer", 1])],
      stock: { bolt: 150, nut: 100, washer: 500, screw: 200 },
    },
  });

const SESSION = ["user", "start", "end"];
spec("long_sessions",
  "Users of the sessions that lasted at least min_minutes minutes (start and end are HH:MM on the same day), longest session first; equally long sessions keep list order. A user appears once per qualifying session.",
  obj({ min_minutes: COUNT, sessions: arr(obj({ user: "string", start: HHMM, end: HHMM })) }), arr("string"),
  [
    { min_minutes: 30, sessions: rows(SESSION, ["ann", "10:00", "10:45"], ["bob", "11:00", "11:10"], ["cat", "12:00", "13:00"]) },
    { min_minutes: 60, sessions: rows(SESSION, ["dan", "09:00", "09:30"]) },
  ],
  {
    no_sessions: { min_minutes: 5, sessions: [] },
    exactly_minimum: { min_minutes: 20, sessions: rows(SESSION, ["e", "08:00", "08:20"], ["f", "08:00", "08:19"]) },
    across_hours: { min_minutes: 15, sessions: rows(SESSION, ["g", "09:50", "10:10"], ["h", "23:30", "23:59"]) },
    ties_keep_order: { min_minutes: 10, sessions: rows(SESSION, ["p", "01:00", "01:30"], ["q", "05:00", "05:30"], ["r", "02:00", "02:45"]) },
    same_user_twice: { min_minutes: 10, sessions: rows(SESSION, ["kim", "07:00", "07:40"], ["lee", "08:00", "08:05"], ["kim", "09:00", "11:00"]) },
    zero_minimum: { min_minutes: 0, sessions: rows(SESSION, ["z", "12:00", "12:00"], ["y", "12:00", "12:01"]) },
    whole_day: { min_minutes: 600, sessions: rows(SESSION, ["w", "00:00", "23:59"], ["v", "08:00", "17:59"]) },
    many: {
      min_minutes: 25,
      sessions: rows(SESSION, ["u1", "08:00", "08:24"], ["u2", "08:10", "09:05"], ["u3", "09:00", "09:25"], ["u4", "10:15", "11:10"], ["u5", "13:00", "15:30"], ["u6", "14:00", "14:30"]),
    },
  });

// ---- booleans over lists ---------------------------------------------------------------------------

const MEET = ["title", "start", "end"];
spec("meetings_overlap",
  "True when two of the day's meetings overlap in time: one starts before another has ended (a meeting may start exactly when another ends). Times are HH:MM.",
  obj({ meetings: arr(obj({ title: "string", start: HHMM, end: HHMM })) }), T("boolean"),
  [
    { meetings: rows(MEET, ["standup", "09:00", "09:30"], ["review", "10:00", "11:00"]) },
    { meetings: rows(MEET, ["standup", "09:00", "09:30"], ["sync", "09:15", "09:45"]) },
  ],
  {
    no_meetings: { meetings: [] },
    one_meeting: { meetings: rows(MEET, ["solo", "13:00", "14:00"]) },
    back_to_back: { meetings: rows(MEET, ["a", "09:00", "10:00"], ["b", "10:00", "11:00"], ["c", "11:00", "11:30"]) },
    one_minute_overlap: { meetings: rows(MEET, ["a", "09:00", "10:01"], ["b", "10:00", "11:00"]) },
    contained: { meetings: rows(MEET, ["all hands", "13:00", "17:00"], ["coffee", "15:00", "15:15"]) },
    not_in_order: { meetings: rows(MEET, ["late", "16:00", "17:00"], ["early", "08:00", "09:00"], ["mid", "16:30", "16:45"]) },
    same_times: { meetings: rows(MEET, ["x", "12:00", "12:30"], ["y", "12:00", "12:30"]) },
    far_apart_pair_overlaps: { meetings: rows(MEET, ["a", "08:00", "12:00"], ["b", "13:00", "14:00"], ["c", "15:00", "16:00"], ["d", "11:59", "12:10"]) },
    full_day_no_overlap: {
      meetings: rows(MEET, ["m1", "08:00", "08:45"], ["m2", "08:45", "09:30"], ["m3", "10:00", "12:00"], ["m4", "13:00", "13:30"], ["m5", "13:30", "17:00"]),
    },
  });

const NEED = ["name", "qty"];
spec("pantry_covers_recipe",
  "Whether the pantry has enough for the recipe: for every ingredient, the pantry's quantity under that name is at least the ingredient's qty (a name missing from the pantry counts as 0).",
  obj({ ingredients: arr(obj({ name: "string", qty: NONNEG })), pantry: { type: "object", additionalProperties: T("number") } }), T("boolean"),
  [
    { ingredients: rows(NEED, ["eggs", 2], ["flour", 200]), pantry: { eggs: 6, flour: 500 } },
    { ingredients: rows(NEED, ["eggs", 2], ["milk", 300]), pantry: { eggs: 6 } },
  ],
  {
    no_ingredients: { ingredients: [], pantry: {} },
    exactly_enough: { ingredients: rows(NEED, ["sugar", 100]), pantry: { sugar: 100 } },
    just_short: { ingredients: rows(NEED, ["sugar", 100]), pantry: { sugar: 99.5 } },
    zero_needed_missing: { ingredients: rows(NEED, ["salt", 0]), pantry: {} },
    empty_pantry: { ingredients: rows(NEED, ["rice", 1]), pantry: {} },
    case_matters: { ingredients: rows(NEED, ["Butter", 50]), pantry: { butter: 250 } },
    fractional_amounts: { ingredients: rows(NEED, ["cream", 0.25], ["vanilla", 0.5]), pantry: { cream: 0.3, vanilla: 0.5 } },
    last_one_short: { ingredients: rows(NEED, ["a", 1], ["b", 2], ["c", 3], ["d", 4]), pantry: { a: 1, b: 2, c: 3, d: 3 } },
    big_recipe_ok: { ingredients: rows(NEED, ["flour", 750], ["water", 500], ["yeast", 7], ["salt", 15], ["oil", 25]), pantry: { flour: 1000, water: 2000, yeast: 7, salt: 500, oil: 25.5, honey: 100 } },
  });

spec("lottery_ticket_valid",
  "Whether a lottery ticket is valid: exactly 6 numbers, each from 1 to 49, with no number repeated.",
  obj({ numbers: arr("integer") }), T("boolean"),
  [{ numbers: [1, 2, 3, 4, 5, 6] }, { numbers: [1, 2, 3, 4, 5, 5] }, { numbers: [10, 20, 30] }],
  {
    empty: { numbers: [] },
    seven_numbers: { numbers: [1, 2, 3, 4, 5, 6, 7] },
    top_edge: { numbers: [44, 45, 46, 47, 48, 49] },
    over_top: { numbers: [44, 45, 46, 47, 48, 50] },
    zero: { numbers: [0, 11, 22, 33, 44, 45] },
    negative: { numbers: [-3, 11, 22, 33, 44, 45] },
    unsorted_valid: { numbers: [42, 7, 19, 3, 38, 26] },
    repeat_far_apart: { numbers: [9, 14, 21, 28, 35, 9] },
    all_same: { numbers: [8, 8, 8, 8, 8, 8] },
  });

spec("three_wins_in_a_row",
  "True when the team won at least three matches in a row; results are 'W' (win), 'D' (draw) or 'L' (loss), oldest first.",
  obj({ results: arr({ type: "string", enum: ["W", "D", "L"] }) }), T("boolean"),
  [{ results: ["W", "W", "W"] }, { results: ["W", "W", "D", "W"] }],
  {
    no_matches: { results: [] },
    two_wins: { results: ["W", "W"] },
    streak_at_end: { results: ["L", "D", "W", "W", "W"] },
    streak_in_middle: { results: ["D", "W", "W", "W", "W", "L"] },
    broken_by_loss: { results: ["W", "W", "L", "W", "W", "L", "W", "W"] },
    draws_only: { results: ["D", "D", "D", "D"] },
    losses_only: { results: ["L", "L", "L"] },
    long_season_no_streak: { results: ["W", "D", "W", "W", "D", "W", "L", "W", "W", "D", "L", "W"] },
  });

spec("versions_ascending",
  "True when the versions (MAJOR.MINOR.PATCH) are listed from oldest to newest, each strictly newer than the one before, the parts compared as numbers.",
  obj({ versions: arr({ type: "string", pattern: "^[0-9]+\\.[0-9]+\\.[0-9]+$" }) }), T("boolean"),
  [{ versions: ["1.0.0", "1.1.0", "2.0.0"] }, { versions: ["1.2.0", "1.1.9"] }],
  {
    no_versions: { versions: [] },
    one_version: { versions: ["0.0.1"] },
    repeated: { versions: ["1.0.0", "1.0.0"] },
    numeric_not_text: { versions: ["1.9.0", "1.10.0"] },
    text_order_would_pass: { versions: ["1.10.0", "1.9.0"] },
    patch_steps: { versions: ["2.3.8", "2.3.9", "2.3.10", "2.3.11"] },
    major_jump_resets: { versions: ["1.99.99", "2.0.0", "2.0.1"] },
    drop_at_end: { versions: ["0.1.0", "0.2.0", "0.3.0", "0.2.5"] },
    leading_zero_parts: { versions: ["1.02.0", "1.3.0"] },
  });

spec("contact_missing_phone",
  "True when some contact has no phone number: no phone field, or a phone that is empty or only spaces.",
  obj({ contacts: arr(obj({ name: "string", "phone?": "string" })) }), T("boolean"),
  [
    { contacts: [{ name: "Ann", phone: "555-0100" }, { name: "Bob", phone: "555-0101" }] },
    { contacts: [{ name: "Ann", phone: "555-0100" }, { name: "Cal" }] },
  ],
  {
    no_contacts: { contacts: [] },
    empty_phone: { contacts: [{ name: "Dee", phone: "" }] },
    spaces_only: { contacts: [{ name: "Eli", phone: "   " }] },
    phone_with_spaces_inside: { contacts: [{ name: "Fay", phone: "555 0102" }] },
    first_missing: { contacts: [{ name: "Gus" }, { name: "Hal", phone: "555-0103" }] },
    all_missing: { contacts: [{ name: "Ivy" }, { name: "Jon" }] },
    zero_is_a_number: { contacts: [{ name: "Kai", phone: "0" }] },
    many_all_present: {
      contacts: [{ name: "Lu", phone: "+44 20 7946 0000" }, { name: "Mo", phone: "(555) 010-0199" }, { name: "Ned", phone: "555.0104" }, { name: "Oz", phone: " 5550105 " }],
    },
  });

const ENTRY = (...dates) => dates.map((date, i) => ({ date, text: `note ${i + 1}` }));
spec("every_day_logged",
  "Whether the journal has an entry for every day from start to end, both included (ISO dates); entries outside that range don't matter.",
  obj({ start: ISO_DATE, end: ISO_DATE, entries: arr(obj({ date: ISO_DATE, text: "string" })) }), T("boolean"),
  [
    { start: "2025-03-01", end: "2025-03-03", entries: ENTRY("2025-03-01", "2025-03-02", "2025-03-03") },
    { start: "2025-03-01", end: "2025-03-03", entries: ENTRY("2025-03-01", "2025-03-03") },
  ],
  {
    single_day_present: { start: "2025-04-10", end: "2025-04-10", entries: ENTRY("2025-04-10") },
    single_day_missing: { start: "2025-04-10", end: "2025-04-10", entries: ENTRY("2025-04-11") },
    no_entries: { start: "2025-04-10", end: "2025-04-12", entries: [] },
    out_of_order_and_extra: { start: "2025-05-30", end: "2025-06-02", entries: ENTRY("2025-06-02", "2025-05-29", "2025-05-31", "2025-06-01", "2025-05-30", "2025-06-05") },
    across_leap_day: { start: "2024-02-28", end: "2024-03-01", entries: ENTRY("2024-02-28", "2024-03-01") },
    across_plain_february: { start: "2025-02-27", end: "2025-03-01", entries: ENTRY("2025-02-27", "2025-02-28", "2025-03-01") },
    across_year: { start: "2024-12-30", end: "2025-01-02", entries: ENTRY("2024-12-30", "2024-12-31", "2025-01-01", "2025-01-02", "2025-01-02") },
    missing_last: { start: "2025-07-01", end: "2025-07-04", entries: ENTRY("2025-07-01", "2025-07-02", "2025-07-03") },
  });

// ---- string reformatting ---------------------------------------------------------------------------

spec("us_phone_e164",
  "A US phone number as people type it (with spaces, dots, dashes or brackets, maybe starting with 1 or +1) written in E.164 form: +1 followed by the 10 digits of the number.",
  obj({ phone: "string" }), { type: "string", pattern: "^\\+1[0-9]{10}$" },
  [{ phone: "(555) 123-4567" }, { phone: "555.123.4567" }],
  each("phone", { plain_digits: "5551234567", leading_one: "1-555-123-4567", plus_one: "+1 (212) 555-0199", spaces: "415 555 2671",
    leading_one_no_sep: "18005550123", dots_with_one: "1.646.555.0147", extra_spaces: "  ( 303 )  555 - 0110 ", plus_one_dashes: "+1-917-555-0000" }));

spec("us_long_date_to_iso",
  "A date written like 'March 7, 2025' or 'Mar 7, 2025' (the month's English name or its 3-letter abbreviation, in any case) as an ISO date YYYY-MM-DD.",
  obj({ date: "string" }), ISO_DATE,
  [{ date: "March 7, 2025" }, { date: "Dec 25, 2024" }],
  each("date", { january_first: "January 1, 2026", two_digit_day: "October 31, 2025", abbrev_sept: "Sep 9, 2019", lower_case: "february 29, 2024",
    upper_case: "JUNE 15, 2030", may: "May 5, 2005", abbreviated_aug: "Aug 18, 1999", november: "November 11, 1918", july_abbrev: "Jul 4, 1976" }));

spec("possessive_name",
  "The possessive form of a name: just an apostrophe added when the name ends in s (either case), otherwise an apostrophe and an s.",
  obj({ name: { type: "string", minLength: 1 } }), T("string"),
  [{ name: "Anna" }, { name: "James" }],
  each("name", { ends_in_z: "Liz", capital_s: "JAMES", two_words: "Mary Jones", ends_in_x: "Max", short: "Al", ends_in_ss: "Ross", one_letter: "S",
    ends_in_es: "Charles", hyphenated: "Smith-Jones" }));

spec("screaming_snake_case",
  "An identifier written in camelCase, kebab-case, snake_case or as words separated by spaces, rewritten in SCREAMING_SNAKE_CASE: its words in upper case joined by underscores.",
  obj({ name: { type: "string", minLength: 1 } }), T("string"),
  [{ name: "maxRetryCount" }, { name: "max-retry-count" }, { name: "max retry count" }],
  each("name", { already_snake: "api_base_url", single_word: "timeout", pascal_case: "DefaultPageSize", digit_then_capital: "utf8Decoder",
    mixed_separators: "cache-ttl_seconds", extra_spaces: "  log   level ", already_screaming: "MAX_SIZE", short_camel: "userId", two_words_kebab: "dark-mode" }));

spec("major_minor_version",
  "The MAJOR.MINOR part of a version string, without any leading 'v' or 'V'; a version given with only a major number gets '.0'.",
  obj({ version: "string" }), { type: "string", pattern: "^[0-9]+\\.[0-9]+$" },
  [{ version: "v2.10.3" }, { version: "1.4" }, { version: "3" }],
  each("version", { prerelease: "4.0.0-beta.2", build_suffix: "1.2.3+build.77", capital_v: "V7.1.0", zeros: "0.0.1", big_numbers: "2024.12.31",
    four_parts: "10.4.2.1", v_major_only: "v12", minor_prerelease: "5.3-rc1", already_short: "v0.9" }));

spec("dated_filename",
  "A file name with a date added before its extension: the name, an underscore, the date's eight digits (YYYYMMDD), then the extension (what follows the last dot); a name without a dot gets the date at the end.",
  obj({ file: { type: "string", minLength: 1 }, date: ISO_DATE }), T("string"),
  [{ file: "report.pdf", date: "2025-03-07" }, { file: "notes", date: "2025-03-07" }],
  {
    two_dots: { file: "archive.tar.gz", date: "2024-12-31" },
    spaces_in_name: { file: "budget final.xlsx", date: "2025-01-02" },
    upper_extension: { file: "IMG_0042.JPG", date: "2023-07-15" },
    version_dots: { file: "app-1.2.3.zip", date: "2025-10-01" },
    long_extension: { file: "slides.pptx", date: "2026-02-28" },
    underscores: { file: "q3_sales_data.csv", date: "2025-09-30" },
    no_extension_with_dash: { file: "README-draft", date: "2025-05-05" },
    single_letter: { file: "a.b", date: "2000-01-01" },
  });

spec("reverse_domain_name",
  "A domain name with its dot-separated labels in reverse order ('mail.example.com' becomes 'com.example.mail'), in lower case.",
  obj({ domain: "string" }), T("string"),
  [{ domain: "mail.example.com" }, { domain: "example.org" }],
  each("domain", { single_label: "localhost", upper_case: "API.Example.COM", four_labels: "a.b.c.d", country_tld: "shop.example.co.uk",
    hyphens: "my-app.dev-server.io", digits: "node1.cluster42.net", www: "www.wikipedia.org", long: "eu-west-1.s3.storage.example.com" }));

spec("query_string_from_params",
  "A URL query string from parameters: key=value pairs in alphabetical order of key, joined by '&'; a space in a key or value is written %20; an empty string when there are no parameters.",
  obj({ params: { type: "object", additionalProperties: T("string") } }), T("string"),
  [{ params: { q: "shoes", page: "2" } }, { params: { city: "New York" } }],
  {
    no_params: { params: {} },
    already_sorted: { params: { a: "1", b: "2", c: "3" } },
    empty_value: { params: { filter: "", sort: "asc" } },
    many_spaces: { params: { q: "red running shoes", size: "10 wide" } },
    space_in_key: { params: { "first name": "Ann" } },
    numbers_as_text: { params: { offset: "0", limit: "10" } },
    underscore_keys: { params: { page_size: "50", page: "3", order_by: "date" } },
    single: { params: { id: "12345" } },
    leading_trailing_spaces: { params: { q: " hi " } },
  });

spec("vanity_phone_digits",
  "A phone number with its letters turned into keypad digits (ABC 2, DEF 3, GHI 4, JKL 5, MNO 6, PQRS 7, TUV 8, WXYZ 9, either case); every other character stays as it is.",
  obj({ phone: "string" }), T("string"),
  [{ phone: "1-800-FLOWERS" }, { phone: "555-CALL" }],
  each("phone", { no_letters: "555-0199", lower_case: "1-800-contacts", all_letters: "ABCDEFGHIJKLMNOPQRSTUVWXYZ", spaces: "0800 GET HELP",
    mixed: "1-877-Kars4Kids", brackets: "(888) PIZZA-NOW", q_and_z: "QUIZ", empty: "" }));

spec("mac_address_colon_form",
  "A MAC address (12 hex digits, written together or grouped with colons, dashes or dots) written as six lower-case pairs separated by colons.",
  obj({ mac: "string" }), { type: "string", pattern: "^([0-9a-f]{2}:){5}[0-9a-f]{2}$" },
  [{ mac: "AA-BB-CC-DD-EE-FF" }, { mac: "aabbccddeeff" }],
  each("mac", { cisco_dots: "0011.2233.4455", already_colons: "3c:22:fb:9a:01:7e", upper_colons: "3C:22:FB:9A:01:7E", mixed_case: "De-aD-bE-eF-00-01",
    all_zeros: "000000000000", digits_only: "123456789012", plain_upper: "F0DEF1A2B3C4", dots_lower: "f0de.f1a2.b3c4" }));

spec("parse_log_line",
  "A log line 'YYYY-MM-DD HH:MM:SS LEVEL message' split into {date, time, level, message}: the level in upper case (it may be written in square brackets, which are dropped) and the message is the rest of the line, trimmed.",
  obj({ line: "string" }), obj({ date: "string", time: "string", level: "string", message: "string" }),
  [{ line: "2025-03-07 12:00:01 WARN disk nearly full" }, { line: "2025-03-07 12:00:02 [error] connection lost" }],
  each("line", { info: "2024-12-31 23:59:59 INFO year end job done", bracket_upper: "2025-01-01 00:00:00 [DEBUG] tick", trailing_spaces: "2025-02-02 08:30:00 info   started   ",
    message_with_brackets: "2025-02-03 09:00:00 WARN retry [3/5] scheduled", lower_level: "2025-02-04 10:15:30 fatal out of memory",
    numbers_in_message: "2025-02-05 11:11:11 INFO 200 OK in 35 ms", colon_in_message: "2025-02-06 06:06:06 [Info] user: ann logged in",
    single_word_message: "2025-02-07 07:07:07 ERROR boom" }));

spec("first_words_excerpt",
  "The first n words of a text joined by single spaces, followed by '...' when the text has more than n words; words are separated by any whitespace.",
  obj({ text: "string", n: { type: "integer", minimum: 1 } }), T("string"),
  [{ text: "the quick brown fox jumps", n: 3 }, { text: "hello world", n: 5 }],
  {
    exactly_n: { text: "one two three", n: 3 },
    one_more: { text: "one two three four", n: 3 },
    empty_text: { text: "", n: 2 },
    only_spaces: { text: "    ", n: 1 },
    extra_whitespace: { text: "  lots   of\tspace\nhere  ", n: 2 },
    n_one: { text: "Headline: markets rally today", n: 1 },
    punctuation_stays: { text: "Wait, what? Really.", n: 2 },
    long_text: { text: "It was the best of times, it was the worst of times, it was the age of wisdom", n: 8 },
    single_word: { text: "Hi", n: 1 },
  });

spec("european_amount",
  "An amount written the European way with two decimals: a dot between groups of three digits, a comma before the decimals (1.234,50), and a minus sign in front of a negative amount.",
  obj({ amount: T("number") }), T("string"),
  [{ amount: 1234.5 }, { amount: 12 }, { amount: 1000000 }],
  each("amount", { zero: 0, cents_only: 0.07, three_digits: 999.99, exactly_thousand: 1000, negative: -2500.75, half_cent_up: 10.125,
    rounds_to_next_group: 999.999, long: 123456789.1, negative_small: -45 }));

spec("military_date_code",
  "An ISO date written as a military-style date: the day on two digits, the month's 3-letter English abbreviation in capitals and the last two digits of the year, e.g. 07MAR25.",
  obj({ date: ISO_DATE }), { type: "string", pattern: "^[0-9]{2}[A-Z]{3}[0-9]{2}$" },
  [{ date: "2025-03-07" }, { date: "2024-12-25" }],
  each("date", { first_of_year: "2026-01-01", leap_day: "2024-02-29", year_2000: "2000-06-15", year_2009: "2009-09-09", september: "2023-09-30",
    may: "1999-05-31", october: "2010-10-10", november: "2031-11-11" }));

spec("branch_name_from_ticket",
  "A git branch name from a ticket key and title: the key and the title's words, all in lower case and joined by hyphens; only letters and digits are kept in each title word (a word left empty is dropped).",
  obj({ key: { type: "string", pattern: "^[A-Za-z]+-[0-9]+$" }, title: "string" }), T("string"),
  [{ key: "PROJ-12", title: "Fix login bug" }, { key: "WEB-7", title: "Add dark mode!" }],
  {
    apostrophe: { key: "APP-301", title: "Don't crash on empty cart" },
    extra_spaces: { key: "OPS-4", title: "  Rotate   TLS  certs " },
    dash_word_dropped: { key: "UI-88", title: "Header - footer spacing" },
    digits_in_title: { key: "API-1000", title: "Support HTTP2 and IPv6" },
    lower_key: { key: "core-5", title: "Refactor" },
    empty_title: { key: "BUG-9", title: "" },
    punctuation_heavy: { key: "DOC-42", title: "Update README (v2.0) & FAQ..." },
    slash_joins: { key: "DATA-3", title: "Import CSV/JSON files" },
  });

// ---- counting ----------------------------------------------------------------------------------------

const GAME = (date, ...scorers) => ({ date, scorers });
spec("hat_tricks_count",
  "In how many matches the player scored at least three goals; each match lists its goals' scorers, one name per goal.",
  obj({ player: "string", matches: arr(obj({ date: ISO_DATE, scorers: arr("string") })) }), COUNT,
  [
    { player: "Kane", matches: [GAME("2025-01-04", "Kane", "Kane", "Kane"), GAME("2025-01-11", "Kane", "Son")] },
    { player: "Son", matches: [GAME("2025-01-04", "Kane", "Kane", "Kane"), GAME("2025-01-11", "Kane", "Son")] },
  ],
  {
    no_matches: { player: "Kane", matches: [] },
    goalless: { player: "Kane", matches: [GAME("2025-02-01"), GAME("2025-02-08")] },
    exactly_three_spread: { player: "Mia", matches: [GAME("2025-02-15", "Mia", "Zoe", "Mia", "Ada", "Mia")] },
    four_goals_one_match: { player: "Mia", matches: [GAME("2025-02-22", "Mia", "Mia", "Mia", "Mia")] },
    three_over_two_matches: { player: "Mia", matches: [GAME("2025-03-01", "Mia", "Mia"), GAME("2025-03-08", "Mia")] },
    case_matters: { player: "Leo", matches: [GAME("2025-03-15", "Leo", "leo", "LEO")] },
    season: {
      player: "Ola",
      matches: [GAME("2025-04-05", "Ola", "Ola", "Ola"), GAME("2025-04-12", "Ben", "Ola"), GAME("2025-04-19", "Ola", "Ben", "Ola", "Ben", "Ola", "Ola"),
        GAME("2025-04-26"), GAME("2025-05-03", "Ben", "Ben", "Ben"), GAME("2025-05-10", "Ola", "Ola", "Ola")],
    },
    other_players_hat_tricks: { player: "Eve", matches: [GAME("2025-06-01", "Ann", "Ann", "Ann", "Eve")] },
  });

spec("leap_years_between",
  "How many leap years there are from start_year to end_year, both included (a leap year is divisible by 4, except century years not divisible by 400); 0 when end_year is before start_year.",
  obj({ start_year: { type: "integer", minimum: 1 }, end_year: { type: "integer", minimum: 1 } }), COUNT,
  [{ start_year: 2020, end_year: 2024 }, { start_year: 2021, end_year: 2023 }],
  {
    single_leap: { start_year: 2024, end_year: 2024 },
    single_plain: { start_year: 2025, end_year: 2025 },
    century_not_leap: { start_year: 1900, end_year: 1900 },
    century_leap: { start_year: 2000, end_year: 2000 },
    reversed: { start_year: 2030, end_year: 2000 },
    across_1900: { start_year: 1896, end_year: 1904 },
    twentieth_century: { start_year: 1901, end_year: 2000 },
    four_centuries: { start_year: 1601, end_year: 2000 },
    short_span_no_leap: { start_year: 2097, end_year: 2103 },
  });

spec("setting_changes_count",
  "How many times the thermostat setting changes from one reading to the next (a reading equal to the one before is not a change).",
  obj({ room: "string", readings: arr("number") }), COUNT,
  [{ room: "hall", readings: [20, 20, 21, 21] }, { room: "den", readings: [19, 20, 19] }],
  {
    no_readings: { room: "attic", readings: [] },
    one_reading: { room: "attic", readings: [18] },
    all_same: { room: "bath", readings: [22, 22, 22, 22, 22] },
    every_step_changes: { room: "lab", readings: [18, 19, 20, 21, 22] },
    back_and_forth: { room: "kid", readings: [20, 21, 20, 21, 20] },
    halves: { room: "office", readings: [20.5, 20.5, 21, 20.5, 20.5] },
    negative_and_zero: { room: "garage", readings: [-2, 0, 0, -2, 5] },
    long_day: { room: "lounge", readings: [17, 17, 18, 18, 18, 21, 21, 20.5, 20.5, 20.5, 19, 17, 17] },
  });

spec("character_class_counts",
  "Counts of a text's characters by kind, as {letters, digits, spaces, other}: letters are a-z and A-Z, digits 0-9, spaces are whitespace (spaces, tabs, newlines), and everything else is other.",
  obj({ text: "string" }), obj({ letters: COUNT, digits: COUNT, spaces: COUNT, other: COUNT }),
  [{ text: "Hello 42!" }, { text: "abc" }],
  each("text", { empty: "", only_spaces: "   ", tabs_and_newlines: "a\tb\nc", punctuation: "?!.,;:", accented_is_other: "café", mixed: "Order #123 shipped, 2 days.",
    digits_only: "0123456789", password_like: "P@ssw0rd_2025", emoji_free_symbols: "$5 + €3 = 8" }));

spec("flights_per_airline",
  "How many flights each airline has on the board, as an object from airline code to count; the airline code is the first two characters of the flight number, in upper case.",
  obj({ flights: arr({ type: "string", minLength: 3 }) }), { type: "object", additionalProperties: COUNT },
  [{ flights: ["BA117", "BA283", "LH400"] }, { flights: ["U21234"] }],
  {
    no_flights: { flights: [] },
    lower_case: { flights: ["ba117", "Ba283", "BA9"] },
    digit_in_code: { flights: ["U2123", "W61001", "U2999"] },
    one_each: { flights: ["AF1", "KL2", "DL3"] },
    long_numbers: { flights: ["EK0001", "EK0202", "QR1", "EK5"] },
    with_space: { flights: ["AA 100", "AA 2001", "UA 9"] },
    same_flight_twice: { flights: ["IB3166", "IB3166"] },
    busy_board: { flights: ["LH400", "LX318", "LH2022", "OS112", "LH1", "LX19", "TK1800", "LH88"] },
  });

spec("sock_pairs_count",
  "How many matching pairs can be made from a pile of socks: two socks of the same colour make a pair, colours compared ignoring case; leftover socks don't count.",
  obj({ socks: arr("string") }), COUNT,
  [{ socks: ["red", "red", "blue"] }, { socks: ["black", "black", "black", "black"] }],
  {
    no_socks: { socks: [] },
    one_sock: { socks: ["grey"] },
    no_matches: { socks: ["red", "blue", "green"] },
    odd_count_same: { socks: ["white", "white", "white"] },
    case_ignored: { socks: ["Navy", "navy", "NAVY", "nAvY"] },
    several_colours: { socks: ["red", "blue", "red", "green", "blue", "blue", "green", "green", "green"] },
    near_names_differ: { socks: ["dark blue", "blue", "darkblue"] },
    big_drawer: { socks: ["a", "b", "a", "c", "b", "a", "d", "c", "a", "e", "b", "f", "b", "c"] },
  });
