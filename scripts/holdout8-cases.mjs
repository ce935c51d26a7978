// The specs of tests/fixtures/specs/holdout8 without their outputs: description, schemas and the
// inputs of the examples and the named tests. scripts/make-holdout8-specs.mjs adds the outputs.
// New tasks (none a renamed task of an earlier set), written without reading the synthesizer: about
// half record arithmetic and list work, a third string reformatting, the rest utility functions.

import { T, obj, arr, HHMM, ISO_DATE, rows } from "./spec-schemas.mjs";
const NONNEG = { type: "number", minimum: 0 };
const POSITIVE = { type: "number", exclusiveMinimum: 0 };
const COUNT = { type: "integer", minimum: 0 };
const NAMES = arr("string");
const NUMBERS = arr("number");
const SCALAR = { type: ["string", "number"] };
const STAMP = { type: "string", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]$" };
const MAYBE_DATE = { anyOf: [ISO_DATE, T("null")] };
const MONEY_BY_NAME = { type: "object", additionalProperties: T("number") };
/** One single-field input per value: each("miles", {zero: 0}) -> {zero: {miles: 0}}. */
const each = (field, named) => Object.fromEntries(Object.entries(named).map(([name, v]) => [name, { [field]: v }]));

export const SPECS = [];
const spec = (capability, description, inputSchema, outputSchema, examples, tests) =>
  SPECS.push({ capability, description, inputSchema, outputSchema, examples, tests });

// ---- money, dates and records ------------------------------------------------------------------

spec("late_fee_for_invoice",
  "The late fee on an invoice: 1.5% of the amount for every full 30 days between the due date and the day it was paid (dates as YYYY-MM-DD), rounded to 2 decimals; no fee when it was paid on or before the due date.",
  obj({ amount: NONNEG, due: ISO_DATE, paid: ISO_DATE }), T("number"),
  [{ amount: 1200, due: "2026-03-01", paid: "2026-04-15" }, { amount: 850, due: "2026-01-31", paid: "2026-05-10" }],
  {
    paid_early: { amount: 500, due: "2026-06-30", paid: "2026-06-12" },
    paid_on_the_day: { amount: 500, due: "2026-06-30", paid: "2026-06-30" },
    a_day_late: { amount: 500, due: "2026-06-30", paid: "2026-07-01" },
    exactly_thirty_days: { amount: 1000, due: "2026-09-01", paid: "2026-10-01" },
    twenty_nine_days: { amount: 1000, due: "2026-09-01", paid: "2026-09-30" },
    fifty_nine_days: { amount: 2000, due: "2026-01-10", paid: "2026-03-10" },
    sixty_days: { amount: 2000, due: "2026-01-10", paid: "2026-03-11" },
    across_new_year: { amount: 333.33, due: "2026-11-15", paid: "2027-02-20" },
    leap_february: { amount: 100, due: "2028-02-01", paid: "2028-03-02" },
    nothing_owed: { amount: 0, due: "2026-01-01", paid: "2026-12-31" },
  });

spec("mileage_allowance",
  "The mileage allowance for the business miles someone drove in a tax year: 45p a mile for the first 10,000 miles and 25p a mile for every mile after that, in pounds, rounded to 2 decimals.",
  obj({ miles: NONNEG }), T("number"),
  [{ miles: 3200 }, { miles: 12500 }],
  each("miles", { none: 0, one_mile: 1, exactly_ten_thousand: 10000, one_over: 10001, just_under: 9999.2, a_little_over: 10000.4, decimals: 123.4, twenty_thousand: 20000, long_year: 48750 }));

const TICKETS = arr(obj({ id: "string", opened: STAMP, closed: { anyOf: [STAMP, T("null")] } }));
const tickets = (...r) => rows(["id", "opened", "closed"], ...r);
spec("mean_resolution_hours",
  "The mean time in hours it took to close support tickets, from each ticket's opened and closed times (YYYY-MM-DDTHH:MM); tickets not closed yet (closed is null) are left out. Rounded to 1 decimal, and null when no ticket is closed.",
  obj({ tickets: TICKETS }), { type: ["number", "null"] },
  [
    { tickets: tickets(["T-1", "2026-05-04T09:00", "2026-05-04T13:00"], ["T-2", "2026-05-04T10:30", "2026-05-05T10:30"]) },
    { tickets: tickets(["T-7", "2026-05-06T08:15", "2026-05-06T09:45"], ["T-8", "2026-05-06T11:00", null]) },
  ],
  each("tickets", {
    no_tickets: [],
    all_still_open: tickets(["A", "2026-01-01T10:00", null], ["B", "2026-01-02T10:00", null]),
    half_an_hour: tickets(["A", "2026-03-03T14:00", "2026-03-03T14:30"]),
    closed_at_once: tickets(["A", "2026-03-03T14:00", "2026-03-03T14:00"]),
    over_midnight: tickets(["A", "2026-03-03T22:40", "2026-03-04T01:10"]),
    over_month_end: tickets(["A", "2026-04-30T18:00", "2026-05-01T06:00"]),
    over_new_year: tickets(["A", "2026-12-31T23:00", "2027-01-02T01:00"]),
    thirds: tickets(["A", "2026-02-02T09:00", "2026-02-02T09:20"], ["B", "2026-02-02T09:00", "2026-02-02T09:20"], ["C", "2026-02-02T09:00", "2026-02-02T10:20"]),
    mixed: tickets(["A", "2026-07-01T09:00", "2026-07-03T17:00"], ["B", "2026-07-02T09:00", null], ["C", "2026-07-02T12:05", "2026-07-02T12:53"], ["D", "2026-07-03T08:00", "2026-07-03T16:30"]),
  }));

const STOCK = arr(obj({ sku: "string", stock: COUNT, minimum: COUNT, target: COUNT, case_size: { type: "integer", minimum: 1 } }));
const stock = (...r) => rows(["sku", "stock", "minimum", "target", "case_size"], ...r);
spec("restock_cases_to_order",
  "What to reorder: for each product whose stock is below its minimum, how many whole cases (each holding case_size units) bring it up to at least its target level; products at or above their minimum are left out; in the order given.",
  obj({ products: STOCK }), arr(obj({ sku: "string", cases: COUNT })),
  [
    { products: stock(["MUG-01", 4, 10, 30, 6], ["TEA-02", 25, 20, 50, 12]) },
    { products: stock(["PEN-10", 0, 50, 200, 24], ["PAD-11", 12, 15, 40, 10], ["INK-12", 3, 2, 10, 5]) },
  ],
  each("products", {
    nothing: [],
    all_well_stocked: stock(["A", 10, 5, 20, 4], ["B", 7, 7, 20, 4]),
    exactly_at_minimum: stock(["A", 5, 5, 10, 1]),
    one_below_minimum: stock(["A", 4, 5, 10, 1]),
    exact_cases: stock(["A", 2, 10, 26, 8]),
    rounds_up: stock(["A", 2, 10, 27, 8]),
    empty_shelf: stock(["A", 0, 1, 1, 12]),
    big_cases: stock(["A", 9, 10, 11, 100]),
    order_kept: stock(["Z", 1, 5, 9, 2], ["Y", 6, 5, 9, 2], ["X", 0, 3, 12, 5], ["W", 2, 3, 3, 3]),
  }));

const WEEKDAY_OR_NULL = { type: ["string", "null"] };
spec("busiest_weekday",
  "The day of the week with the most visits, from the visit dates (YYYY-MM-DD), as its English name; a tie goes to the day that comes first in the week counting from Monday; null when there are no visits.",
  obj({ dates: arr(ISO_DATE) }), WEEKDAY_OR_NULL,
  [{ dates: ["2026-06-01", "2026-06-02", "2026-06-08", "2026-06-10"] }, { dates: ["2026-06-06", "2026-06-13", "2026-06-07"] }],
  each("dates", {
    no_visits: [],
    one_visit: ["2026-08-14"],
    sunday_and_monday_tie: ["2026-08-09", "2026-08-10"],
    midweek_tie: ["2026-08-14", "2026-08-12", "2026-08-21", "2026-08-19"],
    same_day_twice: ["2026-08-13", "2026-08-13", "2026-08-10"],
    only_sundays: ["2026-01-04", "2026-01-11", "2026-01-18"],
    leap_day: ["2028-02-29", "2028-03-01", "2028-03-07"],
    across_years: ["2025-12-31", "2026-12-30", "2027-01-01"],
    busy_month: ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-08", "2026-10-09", "2026-10-12", "2026-10-15", "2026-10-16", "2026-10-23"],
  }));

spec("invoice_due_on_workday",
  "The due date of an invoice: the issue date plus the payment terms in days; a due date that falls on a Saturday or a Sunday moves to the Monday after (dates as YYYY-MM-DD).",
  obj({ issued: ISO_DATE, terms_days: COUNT }), ISO_DATE,
  [{ issued: "2026-03-02", terms_days: 30 }, { issued: "2026-03-05", terms_days: 14 }],
  {
    due_at_once: { issued: "2026-07-08", terms_days: 0 },
    issued_on_saturday: { issued: "2026-07-11", terms_days: 0 },
    lands_on_sunday: { issued: "2026-07-05", terms_days: 7 },
    lands_on_friday: { issued: "2026-07-03", terms_days: 7 },
    into_next_month: { issued: "2026-01-20", terms_days: 30 },
    into_next_year: { issued: "2026-12-15", terms_days: 30 },
    leap_february: { issued: "2028-02-20", terms_days: 9 },
    sixty_days: { issued: "2026-09-01", terms_days: 60 },
    weekend_into_new_month: { issued: "2026-10-01", terms_days: 30 },
  });

spec("subscription_renewal_date",
  "The date a subscription renews: its start date (YYYY-MM-DD) plus a number of whole months; when that month has no such day, the last day of that month.",
  obj({ start: ISO_DATE, months: COUNT }), ISO_DATE,
  [{ start: "2026-04-15", months: 1 }, { start: "2026-01-31", months: 1 }],
  {
    no_months: { start: "2026-05-31", months: 0 },
    into_leap_february: { start: "2028-01-30", months: 1 },
    from_leap_day_a_year: { start: "2028-02-29", months: 12 },
    from_leap_day_four_years: { start: "2028-02-29", months: 48 },
    thirty_first_to_thirtieth: { start: "2026-08-31", months: 1 },
    march_end: { start: "2026-03-31", months: 1 },
    a_year: { start: "2026-11-05", months: 12 },
    across_year: { start: "2026-11-30", months: 3 },
    two_years_and_a_month: { start: "2026-01-29", months: 25 },
    quarterly: { start: "2026-05-31", months: 3 },
  });

spec("age_on_date",
  "A person's age in whole years on a given date, from their date of birth (both YYYY-MM-DD); someone born on 29 February turns a year older on 1 March in years without a 29 February.",
  obj({ born: ISO_DATE, on: ISO_DATE }), COUNT,
  [{ born: "1990-06-15", on: "2026-12-02" }, { born: "2001-12-25", on: "2026-12-02" }],
  {
    birthday_today: { born: "2000-03-10", on: "2026-03-10" },
    day_before_birthday: { born: "2000-03-10", on: "2026-03-09" },
    born_today: { born: "2026-12-02", on: "2026-12-02" },
    baby: { born: "2026-01-15", on: "2026-11-30" },
    leap_born_on_28_feb: { born: "2004-02-29", on: "2027-02-28" },
    leap_born_on_1_march: { born: "2004-02-29", on: "2027-03-01" },
    leap_born_in_leap_year: { born: "2004-02-29", on: "2028-02-29" },
    new_years_eve: { born: "1985-12-31", on: "2026-12-31" },
    centenarian: { born: "1926-07-04", on: "2026-07-04" },
  });

const SALES = arr(obj({ date: ISO_DATE, amount: "number" }));
const sales = (...r) => rows(["date", "amount"], ...r);
spec("sales_by_quarter",
  "A year's sales (each a date YYYY-MM-DD and an amount) totalled by calendar quarter: an object with keys Q1 to Q4 (January to March is Q1), each rounded to 2 decimals, 0 for a quarter without sales.",
  obj({ sales: SALES }), obj({ Q1: "number", Q2: "number", Q3: "number", Q4: "number" }),
  [
    { sales: sales(["2026-01-14", 1200], ["2026-02-03", 800], ["2026-05-20", 450.5], ["2026-11-30", 999.99]) },
    { sales: sales(["2026-07-01", 300], ["2026-09-15", 120.25]) },
  ],
  each("sales", {
    no_sales: [],
    one_sale: sales(["2026-04-01", 10]),
    quarter_edges: sales(["2026-03-31", 1], ["2026-04-01", 2], ["2026-06-30", 3], ["2026-07-01", 4], ["2026-09-30", 5], ["2026-10-01", 6], ["2026-12-31", 7], ["2026-01-01", 8]),
    cents: sales(["2026-02-01", 0.1], ["2026-02-02", 0.2], ["2026-08-08", 0.7]),
    refund: sales(["2026-05-05", 250], ["2026-05-06", -75.5]),
    all_in_q4: sales(["2026-10-10", 100], ["2026-11-11", 200], ["2026-12-12", 300]),
    leap_day: sales(["2028-02-29", 29.29]),
    busy_year: sales(["2026-01-05", 1500.4], ["2026-03-17", 220], ["2026-04-22", 310.1], ["2026-06-02", 99.9], ["2026-08-19", 5000], ["2026-10-31", 13.13], ["2026-12-24", 64]),
  }));

const HOURLY = arr(obj({ hour: { type: "integer", minimum: 0, maximum: 23 }, kwh: NONNEG }));
const hourly = (...r) => rows(["hour", "kwh"], ...r);
spec("time_of_use_electricity_cost",
  "The cost of a day's electricity from hourly meter readings (the hour, 0 to 23, and the kWh used in it): the hours from 16 to 19 (4 pm up to 8 pm) are charged at the peak rate per kWh and every other hour at the off-peak rate; rounded to 2 decimals.",
  obj({ readings: HOURLY, peak_rate: NONNEG, offpeak_rate: NONNEG }), T("number"),
  [
    { readings: hourly([7, 1.2], [12, 0.8], [18, 2.5]), peak_rate: 0.42, offpeak_rate: 0.18 },
    { readings: hourly([16, 1], [17, 1], [22, 3]), peak_rate: 0.35, offpeak_rate: 0.15 },
  ],
  {
    no_readings: { readings: [], peak_rate: 0.4, offpeak_rate: 0.2 },
    edges_of_peak: { readings: hourly([15, 1], [16, 1], [19, 1], [20, 1]), peak_rate: 0.5, offpeak_rate: 0.1 },
    midnight: { readings: hourly([0, 4], [23, 2]), peak_rate: 0.5, offpeak_rate: 0.12 },
    nothing_used: { readings: hourly([17, 0], [3, 0]), peak_rate: 0.5, offpeak_rate: 0.12 },
    free_night: { readings: hourly([2, 5], [18, 1]), peak_rate: 0.3, offpeak_rate: 0 },
    same_hour_twice: { readings: hourly([18, 0.5], [18, 0.25]), peak_rate: 0.4, offpeak_rate: 0.2 },
    small_amounts: { readings: hourly([9, 0.333], [10, 0.333], [17, 0.333]), peak_rate: 0.456, offpeak_rate: 0.123 },
    whole_day: { readings: Array.from({ length: 24 }, (_, hour) => ({ hour, kwh: 0.5 })), peak_rate: 0.4, offpeak_rate: 0.2 },
  });

const TEAMS = arr(obj({ team: "string", scores: NUMBERS }));
const teams = (...r) => rows(["team", "scores"], ...r);
spec("teams_meeting_target_average",
  "The teams whose members' mean score is at or above a target, in the order given; a team without members never meets it.",
  obj({ teams: TEAMS, target: "number" }), NAMES,
  [
    { teams: teams(["Red", [70, 80, 90]], ["Blue", [60, 65]], ["Green", [85]]), target: 75 },
    { teams: teams(["North", [3.5, 4.0]], ["South", [4.5, 4.8, 4.1]]), target: 4 },
  ],
  {
    no_teams: { teams: [], target: 50 },
    team_without_members: { teams: teams(["Ghost", []], ["Real", [10]]), target: 0 },
    exactly_on_target: { teams: teams(["A", [70, 80]]), target: 75 },
    just_below: { teams: teams(["A", [74, 75.9]]), target: 75 },
    everyone: { teams: teams(["A", [90]], ["B", [95, 99]], ["C", [100, 80]]), target: 80 },
    nobody: { teams: teams(["A", [10, 20]], ["B", [30]]), target: 31 },
    negative_scores: { teams: teams(["A", [-5, 5]], ["B", [-10, -2]]), target: -3 },
    decimal_means: { teams: teams(["A", [1, 2, 2]], ["B", [1, 1, 2]]), target: 1.6 },
    single_members: { teams: teams(["Solo", [50]], ["Duo", [49, 52]], ["Trio", [40, 50, 60]]), target: 50 },
  });

const CUSTOMERS = arr(obj({ name: "string", last_order: MAYBE_DATE }));
const customers = (...r) => rows(["name", "last_order"], ...r);
spec("customers_lapsed_since",
  "The customers who have not ordered since a cutoff date: their last order (YYYY-MM-DD) is before the cutoff, or they have never ordered (null); names in alphabetical order.",
  obj({ customers: CUSTOMERS, cutoff: ISO_DATE }), NAMES,
  [
    { customers: customers(["Zara", "2026-01-10"], ["Amir", "2026-06-01"], ["Beth", null]), cutoff: "2026-03-01" },
    { customers: customers(["Acme Ltd", "2025-12-31"], ["Bolt Inc", "2026-01-02"]), cutoff: "2026-01-01" },
  ],
  {
    no_customers: { customers: [], cutoff: "2026-01-01" },
    ordered_on_cutoff: { customers: customers(["A", "2026-05-05"]), cutoff: "2026-05-05" },
    ordered_day_before: { customers: customers(["A", "2026-05-04"]), cutoff: "2026-05-05" },
    never_ordered: { customers: customers(["Nia", null], ["Leo", null]), cutoff: "2026-05-05" },
    everyone_active: { customers: customers(["A", "2026-09-01"], ["B", "2026-10-01"]), cutoff: "2026-08-31" },
    everyone_lapsed: { customers: customers(["Yves", "2020-01-01"], ["Cleo", "2024-07-07"], ["Moe", null]), cutoff: "2026-01-01" },
    long_ago_years: { customers: customers(["Old", "1999-12-31"], ["New", "2027-01-01"]), cutoff: "2026-12-31" },
    names_with_spaces: { customers: customers(["Mary Ann", null], ["Mary", null], ["Marco", "2025-05-05"]), cutoff: "2026-01-01" },
    mixed: { customers: customers(["Quinn", "2026-02-28"], ["Pat", "2026-03-01"], ["Ola", null], ["Ned", "2026-02-01"], ["Kai", "2026-04-15"]), cutoff: "2026-03-01" },
  });

const ENTRIES = arr(obj({ customer: "string", amount: "number" }));
const entries = (...r) => rows(["customer", "amount"], ...r);
spec("balance_owed_by_customer",
  "What each customer still owes: the amounts of their invoices less their payments, as an object by customer name with only the customers whose balance is not 0 (negative when they paid too much), rounded to 2 decimals.",
  obj({ invoices: ENTRIES, payments: ENTRIES }), MONEY_BY_NAME,
  [
    { invoices: entries(["Acme", 500], ["Bolt", 320], ["Acme", 150]), payments: entries(["Acme", 500], ["Bolt", 320]) },
    { invoices: entries(["Cato", 99.99]), payments: entries(["Cato", 50]) },
  ],
  {
    nothing: { invoices: [], payments: [] },
    paid_in_full: { invoices: entries(["A", 100]), payments: entries(["A", 60], ["A", 40]) },
    paid_too_much: { invoices: entries(["A", 100]), payments: entries(["A", 120]) },
    payment_without_invoice: { invoices: [], payments: entries(["B", 15]) },
    nothing_paid: { invoices: entries(["A", 10], ["B", 20], ["A", 5]), payments: [] },
    cents_cancel_out: { invoices: entries(["A", 0.1], ["A", 0.2]), payments: entries(["A", 0.3]) },
    cents_left: { invoices: entries(["A", 19.99], ["A", 5.01]), payments: entries(["A", 12.34]) },
    one_settled_one_not: { invoices: entries(["A", 10], ["B", 10]), payments: entries(["B", 10], ["A", 2.5]) },
    several: { invoices: entries(["X", 1000], ["Y", 250], ["Z", 75.5], ["Y", 250]), payments: entries(["Y", 500], ["X", 999], ["W", 5]) },
  });

const PRODUCTS = arr(obj({ name: "string", list_price: POSITIVE, sale_price: NONNEG }));
const products = (...r) => rows(["name", "list_price", "sale_price"], ...r);
spec("products_by_discount_percent",
  "Products on sale sorted by their discount (how far the sale price is below the list price, as a share of the list price), biggest first; products with the same discount in alphabetical order; just the names.",
  obj({ products: PRODUCTS }), NAMES,
  [
    { products: products(["Kettle", 40, 30], ["Toaster", 25, 20], ["Blender", 80, 48]) },
    { products: products(["Lamp", 60, 45], ["Rug", 200, 150]) },
  ],
  each("products", {
    none: [],
    one: products(["Desk", 150, 120]),
    no_discount: products(["Chair", 50, 50], ["Stool", 30, 27]),
    given_away: products(["Sample", 5, 0], ["Mat", 20, 2]),
    three_way_tie: products(["Cup", 10, 8], ["Bowl", 5, 4], ["Apron", 30, 24]),
    big_price_small_share: products(["TV", 1000, 900], ["Cable", 10, 8.5]),
    decimals: products(["Soap", 3.99, 2.99], ["Shampoo", 7.49, 5.49], ["Towel", 12.5, 9.99]),
    tie_of_three_names: products(["Zip", 10, 5], ["Yak", 10, 5], ["Apple", 10, 5]),
    long_list: products(["A1", 100, 70], ["B2", 100, 90], ["C3", 50, 25], ["D4", 80, 60], ["E5", 20, 15], ["F6", 9, 9]),
  }));

const STAFF = arr(obj({ name: "string", started: ISO_DATE }));
const staff = (...r) => rows(["name", "started"], ...r);
const MONTH = { type: "integer", minimum: 1, maximum: 12 };
spec("work_anniversaries_in_month",
  "Staff with a work anniversary in a given month (1 to 12) of a given year: those who started (YYYY-MM-DD) in that month at least a year earlier, each written as \"Name (N years)\" (\"1 year\" for one), ordered by day of the month and then by name.",
  obj({ staff: STAFF, year: { type: "integer", minimum: 1900, maximum: 2200 }, month: MONTH }), NAMES,
  [
    { staff: staff(["Priya", "2019-03-14"], ["Tom", "2023-03-02"], ["Lena", "2021-07-01"]), year: 2026, month: 3 },
    { staff: staff(["Omar", "2025-11-20"], ["Jade", "2016-11-20"]), year: 2026, month: 11 },
  ],
  {
    nobody: { staff: [], year: 2026, month: 5 },
    started_this_year: { staff: staff(["New", "2026-05-10"]), year: 2026, month: 5 },
    starts_next_year: { staff: staff(["Future", "2027-05-10"]), year: 2026, month: 5 },
    exactly_one_year: { staff: staff(["Ann", "2025-05-31"]), year: 2026, month: 5 },
    same_day_by_name: { staff: staff(["Zed", "2020-06-01"], ["Abe", "2018-06-01"], ["Mo", "2024-06-01"]), year: 2026, month: 6 },
    other_months_left_out: { staff: staff(["A", "2020-01-31"], ["B", "2020-02-01"], ["C", "2020-12-31"]), year: 2026, month: 1 },
    decades: { staff: staff(["Vet", "1996-09-09"], ["Mid", "2016-09-19"]), year: 2026, month: 9 },
    leap_day_starter: { staff: staff(["Leap", "2024-02-29"], ["Early", "2024-02-01"]), year: 2027, month: 2 },
    december: { staff: staff(["Eve", "2010-12-24"], ["Nick", "2010-12-06"], ["Holly", "2025-12-24"]), year: 2026, month: 12 },
  });

const ORDERS_BY_NAME = arr(obj({ name: "string", amount: NONNEG }));
const diners = (...r) => rows(["name", "amount"], ...r);
spec("bill_split_with_service",
  "What each diner pays: what they ordered plus a service charge of the given percent on it, rounded to 2 decimals, as an object by name; a diner listed more than once pays for all of it.",
  obj({ orders: ORDERS_BY_NAME, service_percent: NONNEG }), MONEY_BY_NAME,
  [
    { orders: diners(["Ana", 24.5], ["Ben", 18], ["Cai", 31.2]), service_percent: 10 },
    { orders: diners(["Dee", 40], ["Eli", 40]), service_percent: 12.5 },
  ],
  {
    nobody: { orders: [], service_percent: 10 },
    no_service: { orders: diners(["A", 12.34], ["B", 5]), service_percent: 0 },
    listed_twice: { orders: diners(["A", 10], ["B", 20], ["A", 5]), service_percent: 10 },
    rounding: { orders: diners(["A", 9.99], ["B", 0.05]), service_percent: 15 },
    only_drinks: { orders: diners(["A", 0], ["B", 3.5]), service_percent: 20 },
    odd_percent: { orders: diners(["A", 33.33]), service_percent: 13.5 },
    big_table: { orders: diners(["A", 18.9], ["B", 22.1], ["C", 15.2], ["D", 27.45], ["E", 12]), service_percent: 12.5 },
    everyone_the_same: { orders: diners(["A", 20], ["B", 20], ["C", 20]), service_percent: 10 },
  });

spec("budget_left_by_category",
  "How much of each category's budget is left after the expenses: an object with every budgeted category and its budget less what was spent in it (negative when overspent), rounded to 2 decimals; spending in a category without a budget is ignored.",
  obj({ budgets: MONEY_BY_NAME, expenses: arr(obj({ category: "string", amount: "number" })) }), MONEY_BY_NAME,
  [
    { budgets: { food: 400, travel: 150 }, expenses: rows(["category", "amount"], ["food", 120.5], ["travel", 40], ["food", 75.25]) },
    { budgets: { rent: 1200, fun: 100 }, expenses: rows(["category", "amount"], ["fun", 130]) },
  ],
  {
    nothing_spent: { budgets: { a: 10, b: 20 }, expenses: [] },
    no_budgets: { budgets: {}, expenses: rows(["category", "amount"], ["a", 10]) },
    spent_exactly: { budgets: { a: 50 }, expenses: rows(["category", "amount"], ["a", 20], ["a", 30]) },
    unbudgeted_ignored: { budgets: { a: 50 }, expenses: rows(["category", "amount"], ["b", 20], ["a", 5]) },
    overspent: { budgets: { gifts: 80 }, expenses: rows(["category", "amount"], ["gifts", 60], ["gifts", 45.99]) },
    cents: { budgets: { a: 1 }, expenses: rows(["category", "amount"], ["a", 0.1], ["a", 0.2], ["a", 0.3]) },
    refund: { budgets: { clothes: 100 }, expenses: rows(["category", "amount"], ["clothes", 80], ["clothes", -25]) },
    many_categories: { budgets: { rent: 950, food: 300, bus: 60, gym: 35 }, expenses: rows(["category", "amount"], ["food", 82.4], ["bus", 2.8], ["food", 47.15], ["rent", 950], ["bus", 2.8], ["gym", 35]) },
    zero_budget: { budgets: { treats: 0, bills: 300 }, expenses: rows(["category", "amount"], ["treats", 4.5], ["bills", 299.99]) },
  });

spec("longest_gap_between_dates",
  "The longest stretch in days between one date and the next in a list of dates (YYYY-MM-DD, in any order); 0 when there are fewer than two dates.",
  obj({ dates: arr(ISO_DATE) }), COUNT,
  [{ dates: ["2026-01-05", "2026-01-20", "2026-03-01"] }, { dates: ["2026-09-10", "2026-09-01", "2026-09-04"] }],
  each("dates", {
    none: [],
    one: ["2026-04-04"],
    same_date_twice: ["2026-04-04", "2026-04-04"],
    consecutive_days: ["2026-05-01", "2026-05-02", "2026-05-03"],
    leap_february: ["2028-02-28", "2028-03-01"],
    common_february: ["2027-02-28", "2027-03-01"],
    across_years: ["2026-12-25", "2027-01-07", "2026-11-30"],
    shuffled: ["2026-08-30", "2026-02-14", "2026-06-01", "2026-02-20", "2026-12-31"],
    gap_at_the_start: ["2020-01-01", "2026-01-01", "2026-01-02"],
  }));

const SUBMITTERS = arr(obj({ name: "string", submitted: NAMES }));
const submitters = (...r) => rows(["name", "submitted"], ...r);
spec("students_missing_assignments",
  "The students who have not handed in every assignment, each with how many they are missing, in the order given; an assignment handed in twice counts once, and anything handed in that is not on the assignment list does not count.",
  obj({ assignments: NAMES, students: SUBMITTERS }), arr(obj({ name: "string", missing: COUNT })),
  [
    { assignments: ["essay", "lab1", "lab2"], students: submitters(["Ava", ["essay", "lab1", "lab2"]], ["Ben", ["lab1"]], ["Cora", []]) },
    { assignments: ["hw1", "hw2"], students: submitters(["Dan", ["hw2"]], ["Eve", ["hw1", "hw2"]]) },
  ],
  {
    no_students: { assignments: ["a"], students: [] },
    no_assignments: { assignments: [], students: submitters(["A", []], ["B", ["x"]]) },
    everyone_done: { assignments: ["a", "b"], students: submitters(["A", ["b", "a"]], ["B", ["a", "b"]]) },
    nothing_handed_in: { assignments: ["a", "b", "c"], students: submitters(["A", []], ["B", []]) },
    handed_in_twice: { assignments: ["a", "b"], students: submitters(["A", ["a", "a"]]) },
    extra_work: { assignments: ["a", "b"], students: submitters(["A", ["a", "bonus", "c"]]) },
    one_missing_each: { assignments: ["a", "b", "c"], students: submitters(["A", ["a", "b"]], ["B", ["b", "c"]], ["C", ["a", "c"]]) },
    order_kept: { assignments: ["q1", "q2", "q3", "q4"], students: submitters(["Zoe", ["q1"]], ["Yan", ["q1", "q2", "q3", "q4"]], ["Xia", ["q4", "q2"]], ["Wil", ["q3"]]) },
  });

const PERCENT = { type: "number", minimum: 0, maximum: 100 };
spec("stacked_discounts_price",
  "A price after several percentage discounts, applied one after another, each to the price left by the one before; rounded to 2 decimals.",
  obj({ price: NONNEG, discounts: arr(PERCENT) }), T("number"),
  [{ price: 80, discounts: [20, 10] }, { price: 249.99, discounts: [15] }],
  {
    no_discounts: { price: 19.99, discounts: [] },
    zero_percent: { price: 50, discounts: [0, 0] },
    free: { price: 50, discounts: [100] },
    free_then_more: { price: 50, discounts: [100, 20] },
    two_halves: { price: 100, discounts: [50, 50] },
    three_discounts: { price: 1000, discounts: [10, 20, 30] },
    decimal_percent: { price: 12.5, discounts: [7.5] },
    nothing_to_pay: { price: 0, discounts: [25] },
    many_small: { price: 64.4, discounts: [5, 5, 5, 5] },
  });

spec("mean_of_last_n",
  "The mean of the last n readings of a list (all of them when there are fewer than n), rounded to 1 decimal; null when the list is empty.",
  obj({ readings: NUMBERS, n: { type: "integer", minimum: 1 } }), { type: ["number", "null"] },
  [{ readings: [72, 75, 71, 78, 80], n: 3 }, { readings: [18.2, 19.5, 21.1, 20.3], n: 2 }],
  {
    empty: { readings: [], n: 3 },
    fewer_than_n: { readings: [10, 20], n: 5 },
    exactly_n: { readings: [1, 2, 3, 4], n: 4 },
    last_one: { readings: [5, 6, 7], n: 1 },
    negatives: { readings: [3, -4, -6, -1], n: 3 },
    rounds_up: { readings: [0, 0.1, 0.25], n: 2 },
    thirds: { readings: [99, 1, 1, 2], n: 3 },
    single_reading: { readings: [42.26], n: 7 },
    long_list: { readings: [5, 9, 2, 8, 7, 7, 3, 6, 10, 4], n: 3 },
  });

const SHIPMENTS = arr(obj({ id: "string", ordered: ISO_DATE, shipped: MAYBE_DATE }));
const shipments = (...r) => rows(["id", "ordered", "shipped"], ...r);
spec("late_shipment_ids",
  "The ids of late orders, in the order given: an order is late when it shipped more than the allowed number of days after it was ordered, or when it has not shipped yet (shipped is null) and more than that many days have passed by today; dates as YYYY-MM-DD.",
  obj({ orders: SHIPMENTS, max_days: COUNT, today: ISO_DATE }), NAMES,
  [
    { orders: shipments(["A100", "2026-06-01", "2026-06-03"], ["A101", "2026-06-01", "2026-06-08"], ["A102", "2026-06-02", null]), max_days: 3, today: "2026-06-10" },
    { orders: shipments(["B7", "2026-06-09", null], ["B8", "2026-06-05", "2026-06-06"]), max_days: 2, today: "2026-06-10" },
  ],
  {
    no_orders: { orders: [], max_days: 2, today: "2026-06-10" },
    shipped_on_the_limit: { orders: shipments(["X", "2026-03-01", "2026-03-04"]), max_days: 3, today: "2026-04-01" },
    shipped_a_day_over: { orders: shipments(["X", "2026-03-01", "2026-03-05"]), max_days: 3, today: "2026-04-01" },
    waiting_on_the_limit: { orders: shipments(["X", "2026-03-01", null]), max_days: 3, today: "2026-03-04" },
    waiting_a_day_over: { orders: shipments(["X", "2026-03-01", null]), max_days: 3, today: "2026-03-05" },
    same_day_promise: { orders: shipments(["X", "2026-03-01", "2026-03-01"], ["Y", "2026-03-01", "2026-03-02"]), max_days: 0, today: "2026-03-02" },
    over_month_end: { orders: shipments(["X", "2026-01-30", "2026-02-02"], ["Y", "2026-02-26", "2026-03-02"]), max_days: 3, today: "2026-03-10" },
    leap_year: { orders: shipments(["X", "2028-02-27", "2028-03-01"]), max_days: 2, today: "2028-03-10" },
    mixed: { orders: shipments(["o1", "2026-05-01", "2026-05-02"], ["o2", "2026-05-01", null], ["o3", "2026-05-08", null], ["o4", "2026-04-20", "2026-05-01"], ["o5", "2026-05-06", "2026-05-11"]), max_days: 4, today: "2026-05-10" },
  });

const SALE_LINES = arr(obj({ category: "string", qty: COUNT, unit_price: NONNEG }));
const lines = (...r) => rows(["category", "qty", "unit_price"], ...r);
spec("revenue_share_by_category",
  "Each category's share of the total revenue (quantity times unit price, summed over its sales) as a percentage rounded to 1 decimal, in an object by category; an empty object when there is no revenue at all.",
  obj({ sales: SALE_LINES }), MONEY_BY_NAME,
  [
    { sales: lines(["books", 3, 12], ["games", 1, 60], ["books", 2, 9]) },
    { sales: lines(["coffee", 10, 3.5], ["cake", 4, 4.25], ["tea", 6, 2.5]) },
  ],
  each("sales", {
    no_sales: [],
    one_category: lines(["pens", 5, 1.2], ["pens", 1, 3]),
    even_thirds: lines(["a", 1, 10], ["b", 1, 10], ["c", 1, 10]),
    nothing_sold: lines(["a", 0, 10], ["b", 0, 5]),
    free_items: lines(["free", 3, 0], ["paid", 2, 5]),
    half_and_half: lines(["x", 2, 25], ["y", 1, 50]),
    tiny_share: lines(["big", 1, 9999], ["small", 1, 1]),
    small_share: lines(["a", 1, 1], ["b", 12, 1]),
    many: lines(["hats", 4, 15], ["socks", 12, 3.5], ["coats", 1, 120], ["hats", 2, 18], ["gloves", 3, 9.99]),
  }));

const FLIGHTS = arr(obj({ code: "string", seats: COUNT, booked: COUNT }));
const flights = (...r) => rows(["code", "seats", "booked"], ...r);
spec("overbooked_flights",
  "The flights with more bookings than seats, the most overbooked first (by how many bookings are over); flights over by the same number stay in the order given. Just the flight codes.",
  obj({ flights: FLIGHTS }), NAMES,
  [
    { flights: flights(["BA117", 180, 186], ["LH400", 300, 290], ["AF22", 150, 162]) },
    { flights: flights(["UA9", 120, 121], ["DL4", 100, 100]) },
  ],
  each("flights", {
    no_flights: [],
    exactly_full: flights(["X1", 50, 50]),
    one_over: flights(["X1", 50, 51]),
    none_over: flights(["X1", 50, 10], ["X2", 80, 0]),
    tie_keeps_order: flights(["B2", 100, 105], ["A1", 200, 205], ["C3", 90, 100]),
    no_seats_sold: flights(["Z0", 0, 3], ["Z1", 0, 0]),
    all_over: flights(["P1", 10, 11], ["P2", 10, 13], ["P3", 10, 12]),
    long_list: flights(["K1", 180, 190], ["K2", 180, 170], ["K3", 180, 181], ["K4", 150, 160], ["K5", 200, 230], ["K6", 100, 99]),
  }));

spec("loyalty_points_earned",
  "Loyalty points earned on a list of purchase amounts: a point for every whole 10 spent on each purchase, and double points on a purchase of 100 or more.",
  obj({ purchases: arr(NONNEG) }), COUNT,
  [{ purchases: [45.5, 120, 18.99] }, { purchases: [9.99, 250] }],
  each("purchases", {
    none: [],
    under_ten: [9.99, 5, 0.5],
    exactly_ten: [10],
    just_under_a_hundred: [99.99],
    exactly_a_hundred: [100],
    big_spend: [1234.56],
    zero: [0],
    several_small: [10, 20, 30, 40],
    mixed: [19.5, 100.01, 99, 210, 10.1, 0],
  }));

spec("lowest_running_balance",
  "The lowest a bank balance got: starting from the opening balance and applying the transactions in order (deposits positive, withdrawals negative), the smallest balance it reached, the opening balance included; rounded to 2 decimals.",
  obj({ opening: "number", transactions: NUMBERS }), T("number"),
  [{ opening: 500, transactions: [-200, -350, 1000] }, { opening: 120.5, transactions: [30, -40.25] }],
  {
    no_transactions: { opening: 75, transactions: [] },
    only_deposits: { opening: 10, transactions: [5, 20] },
    opening_overdrawn: { opening: -30, transactions: [100, -20] },
    empties_to_zero: { opening: 60, transactions: [-60, 10] },
    dips_twice: { opening: 100, transactions: [-90, 100, -150, 50] },
    cents: { opening: 0.3, transactions: [-0.1, -0.2] },
    ends_lowest: { opening: 1000, transactions: [-100, -200, -300, -400.99] },
    zero_opening: { opening: 0, transactions: [25, -25, 0] },
    salary_month: { opening: 2300.4, transactions: [-1200, -64.99, -312.5, 2850, -900, -45.3] },
  });

const ATTENDANCE = arr(obj({ student: "string", present: "boolean" }));
const attendance = (...r) => rows(["student", "present"], ...r);
spec("attendance_percent_by_student",
  "Each student's attendance: the share of the sessions recorded for them at which they were present, as a whole-number percentage rounded to the nearest whole number (halves up), in an object by name.",
  obj({ records: ATTENDANCE }), { type: "object", additionalProperties: COUNT },
  [
    { records: attendance(["Ali", true], ["Ali", true], ["Bea", false], ["Ali", false], ["Bea", true]) },
    { records: attendance(["Cy", true], ["Cy", true], ["Cy", true]) },
  ],
  each("records", {
    no_records: [],
    never_came: attendance(["A", false], ["A", false]),
    one_of_three: attendance(["A", true], ["A", false], ["A", false]),
    two_of_three: attendance(["A", true], ["A", true], ["A", false]),
    one_of_eight: attendance(["A", true], ...Array.from({ length: 7 }, () => ["A", false])),
    three_of_eight: attendance(["A", false], ["A", true], ["A", true], ["A", false], ["A", true], ["A", false], ["A", false], ["A", false]),
    single_session: attendance(["A", true], ["B", false]),
    interleaved: attendance(["Z", true], ["Y", false], ["Z", false], ["X", true], ["Y", true], ["Z", true], ["Y", true], ["X", true]),
  }));

const INVOICE_LINES = arr(obj({ net: "number", rate: PERCENT }));
const vatLines = (...r) => rows(["net", "rate"], ...r);
spec("vat_by_rate",
  "The VAT on an invoice's lines totalled by rate: each line's net amount times its VAT rate (in percent), summed per rate into an object keyed like \"20%\", rounded to 2 decimals; only the rates that occur.",
  obj({ lines: INVOICE_LINES }), MONEY_BY_NAME,
  [
    { lines: vatLines([100, 20], [40, 5], [60, 20]) },
    { lines: vatLines([12.99, 20], [3.5, 0]) },
  ],
  each("lines", {
    no_lines: [],
    zero_rated: vatLines([50, 0], [25, 0]),
    one_line: vatLines([19.99, 20]),
    decimal_rate: vatLines([200, 5.5], [10, 5.5]),
    credit_line: vatLines([100, 20], [-30, 20]),
    rounding_per_rate: vatLines([0.05, 20], [0.05, 20], [0.05, 20]),
    three_rates: vatLines([10, 20], [10, 12.5], [10, 5], [10, 20]),
    whole_and_decimal_rate: vatLines([100, 7], [100, 7.7]),
  }));

spec("rent_rise_capped",
  "The new monthly rent after the yearly rise: the rent grows by the inflation rate (in percent), but by no more than 5%, and it never falls when inflation is negative; rounded to 2 decimals.",
  obj({ rent: NONNEG, inflation_percent: "number" }), T("number"),
  [{ rent: 950, inflation_percent: 3.2 }, { rent: 1200, inflation_percent: 7.1 }],
  {
    no_inflation: { rent: 800, inflation_percent: 0 },
    deflation: { rent: 800, inflation_percent: -1.5 },
    exactly_the_cap: { rent: 1000, inflation_percent: 5 },
    just_over_the_cap: { rent: 1000, inflation_percent: 5.01 },
    high_inflation: { rent: 1475.6, inflation_percent: 11.4 },
    small_rise: { rent: 640, inflation_percent: 0.4 },
    odd_rent: { rent: 733.33, inflation_percent: 2.5 },
    no_rent: { rent: 0, inflation_percent: 4 },
    just_under_the_cap: { rent: 2000, inflation_percent: 4.99 },
  });

spec("days_of_stock_cover",
  "How many whole days the stock will last at the average of the daily sales given, rounded down; null when nothing was sold.",
  obj({ stock: NONNEG, daily_sales: arr(NONNEG) }), { type: ["integer", "null"] },
  [{ stock: 120, daily_sales: [8, 12, 10] }, { stock: 45, daily_sales: [3, 0, 4, 6, 2, 5, 1] }],
  {
    no_sales_data: { stock: 100, daily_sales: [] },
    nothing_sold: { stock: 100, daily_sales: [0, 0, 0] },
    out_of_stock: { stock: 0, daily_sales: [5, 5] },
    exact_days: { stock: 60, daily_sales: [6, 6] },
    just_short: { stock: 59, daily_sales: [6, 6] },
    less_than_a_day: { stock: 3, daily_sales: [4] },
    one_day_of_data: { stock: 100, daily_sales: [7] },
    decimal_sales: { stock: 10, daily_sales: [1.5, 2.5] },
    slow_seller: { stock: 500, daily_sales: [0, 1, 0, 0, 2, 0, 0] },
  });

// ---- reformatting strings ----------------------------------------------------------------------

spec("flight_code_padded",
  "A flight number written the way boarding passes print it: the airline's two-character code in capitals followed straight away by the flight number padded with zeros to 4 digits; the input may have a space or a dash between them, or nothing.",
  obj({ flight: "string" }), T("string"),
  [{ flight: "ba 12" }, { flight: "LH400" }, { flight: "EK-7" }],
  each("flight", {
    lower_no_space: "ua1",
    digit_in_airline_code: "u2 61",
    digit_first_in_code: "9w7",
    already_padded: "BA0012",
    four_digits: "DL 1234",
    spaces_around: "  af 22 ",
    zeros_given: "KL 0099",
    dash_and_capitals: "QF-001",
    mixed_case: "Nh 8",
  }));

spec("invoice_reference_code",
  "An invoice reference built from its parts: INV, the year, the customer's name as its first four letters in capitals (letters only, skipping spaces, digits and punctuation) and the invoice's number padded with zeros to 4 digits, joined with dashes.",
  obj({ year: { type: "integer", minimum: 1900, maximum: 2200 }, customer: "string", number: { type: "integer", minimum: 1 } }), T("string"),
  [{ year: 2026, customer: "Acme Ltd", number: 42 }, { year: 2026, customer: "Northwind Traders", number: 1207 }],
  {
    short_name: { year: 2026, customer: "Bo", number: 5 },
    apostrophe: { year: 2027, customer: "O'Neil & Sons", number: 310 },
    space_inside_first_four: { year: 2026, customer: "Big Co", number: 1 },
    digits_in_name: { year: 2026, customer: "3M Company", number: 88 },
    lower_case: { year: 2025, customer: "zenith", number: 9999 },
    five_digit_number: { year: 2026, customer: "Globex", number: 12345 },
    dotted: { year: 2026, customer: "J.P. Morgan", number: 77 },
    exactly_four: { year: 2030, customer: "IKEA", number: 100 },
    hyphenated: { year: 2026, customer: "Rolls-Royce", number: 3 },
  });

spec("price_from_text",
  "The first amount of money in a piece of text, as a number: digits written right after a currency sign ($, £ or €), perhaps with a decimal part, with commas between thousands ignored; null when there is none.",
  obj({ text: "string" }), { type: ["number", "null"] },
  [{ text: "Only 3 left at $1,299.99!" }, { text: "Was £20, now £15" }],
  each("text", {
    no_price: "Free delivery on all orders",
    number_without_sign: "50% off, 2 for 1",
    euro: "Ticket: €7.50 per person",
    whole_amount: "Rent is $950 a month",
    big_amount: "Sold for £2,450,000 last year",
    cents: "Price dropped to $0.99 today",
    sign_after_number: "10€ or $12",
    empty: "",
    first_of_several: "Starter €8.5, main €17.25",
  }));

spec("city_state_zip_parts",
  "The city, state and ZIP code from the last line of a US address like \"Springfield, IL 62704\": the city is everything before the comma, the state its two letters in capitals, and the ZIP the 5 digits (or 5 and 4 with a dash) as written.",
  obj({ line: "string" }), obj({ city: "string", state: "string", zip: "string" }),
  [{ line: "Springfield, IL 62704" }, { line: "Austin, TX 78701-1234" }],
  each("line", {
    lower_state: "Portland, or 97201",
    two_word_city: "San Diego, CA 92101",
    three_word_city: "San Luis Obispo, CA 93401",
    dotted_city: "St. Louis, MO 63101",
    apostrophe: "Coeur d'Alene, ID 83814",
    extra_spaces: "  Boise ,  ID   83702  ",
    capital: "Washington, DC 20500",
    leading_zero_zip: "Boston, MA 02108",
    no_space_after_comma: "Reno,NV 89501-0001",
  }));

spec("citation_key",
  "A citation key for a reference manager: the first author's surname in lower case, the year, and the first word of the title that is not a, an or the, in lower case, with nothing between; authors are written \"First Last\" and separated by \" and \", and only letters are kept of the surname and the title word.",
  obj({ authors: "string", year: { type: "integer" }, title: "string" }), T("string"),
  [
    { authors: "Donald E. Knuth", year: 1984, title: "Literate Programming" },
    { authors: "Edgar F. Codd and Chris Date", year: 1970, title: "A Relational Model of Data for Large Shared Data Banks" },
  ],
  {
    one_name_author: { authors: "Plato", year: 1943, title: "The Republic" },
    starts_with_an: { authors: "Leslie Lamport", year: 1978, title: "An Introduction to Distributed Time" },
    three_authors: { authors: "Alfred Aho and Ravi Sethi and Jeffrey Ullman", year: 1986, title: "Compilers: Principles, Techniques, and Tools" },
    colon_after_first_word: { authors: "Frank Herbert", year: 1965, title: "Dune: A Novel" },
    apostrophe_in_surname: { authors: "Flann O'Brien", year: 1939, title: "At Swim-Two-Birds" },
    hyphenated_first_word: { authors: "Daniel Sleator and Robert Tarjan", year: 1985, title: "Self-Adjusting Binary Search Trees" },
    capital_title: { authors: "Tom Brown", year: 2020, title: "GPT Language Models are Few-Shot Learners" },
    the_the: { authors: "Anna Smith", year: 2001, title: "The A Team" },
    lower_case_article: { authors: "Mary Shelley", year: 1818, title: "the modern prometheus" },
  });

spec("size_label_to_bytes",
  "A file size label like \"1.5 MB\" as a number of bytes: the units are B, KB, MB, GB and TB (any letter case, with or without a space after the number), each 1024 times the one before; rounded down to a whole byte.",
  obj({ label: "string" }), COUNT,
  [{ label: "1.5 MB" }, { label: "512 KB" }],
  each("label", {
    bytes: "900 B",
    no_space: "2GB",
    lower_case: "0.5 gb",
    terabytes: "2 TB",
    quarter: "1.25 MB",
    zero: "0 KB",
    rounds_down: "3.7kb",
    spaces_around: "  10 Mb ",
    one_byte: "1b",
  }));

spec("phone_and_extension",
  "A phone number with an extension split into the number and the extension: the extension is the digits after \"ext\", \"ext.\", \"x\" or \"extension\" (any letter case) at the end; the number is kept as written without the spaces around it, and the extension is null when there is none.",
  obj({ phone: "string" }), obj({ number: "string", extension: { type: ["string", "null"] } }),
  [{ phone: "(555) 010-4477 ext. 305" }, { phone: "555-0134 x12" }],
  each("phone", {
    no_extension: "555-0199",
    word_extension: "+1 555 010 9999 Extension 7",
    capitals: "555-0100 EXT 42",
    no_space_before_x: "555-0100x9",
    ext_without_dot: "020 7946 0000 ext 2001",
    spaces_around: "  555.010.2222  ",
    leading_zero_extension: "555-0101 ext.007",
    international: "+44 20 7946 0958 x 4",
    only_digits: "5550102030",
  }));

spec("reverse_dns_name",
  "The reverse DNS lookup name of an IPv4 address: its four numbers in reverse order joined with dots, followed by .in-addr.arpa; leading zeros of a number are dropped.",
  obj({ ip: "string" }), T("string"),
  [{ ip: "192.168.1.10" }, { ip: "8.8.4.4" }],
  each("ip", {
    loopback: "127.0.0.1",
    all_zero: "0.0.0.0",
    broadcast: "255.255.255.255",
    leading_zeros: "010.001.002.003",
    spaces_around: " 10.20.30.40 ",
    palindrome: "1.2.2.1",
    private_range: "172.16.254.3",
    zero_padded_zero: "192.168.000.001",
  }));

spec("street_address_abbreviated",
  "A street address with its common words shortened the postal way: Street to St, Avenue to Ave, Road to Rd, Boulevard to Blvd, Drive to Dr, Lane to Ln, and North, South, East and West to N, S, E and W; whole words only, in any letter case, each short form written with a capital first letter; everything else kept as written.",
  obj({ address: "string" }), T("string"),
  [{ address: "123 North Main Street" }, { address: "45 Ocean Drive" }],
  each("address", {
    nothing_to_shorten: "10 Downing St",
    capitals: "42 WEST AVENUE",
    lower_case: "7 south park road",
    inside_a_word: "9 Eastwood Drive",
    two_in_a_row: "5 Avenue Road",
    with_unit: "1600 Pennsylvania Avenue NW, Suite 200",
    comma_after: "88 Sunset Boulevard, Los Angeles",
    lane_and_east: "3 East Lane",
    word_as_part_of_name: "12 Roadside Lane",
  }));

spec("markdown_links_as_text",
  "Markdown links in a text written out for plain text: every [label](url) becomes label (url); everything else is kept as it is.",
  obj({ text: "string" }), T("string"),
  [{ text: "See [the docs](https://example.com/docs) for more." }, { text: "[Home](/) | [About](/about)" }],
  each("text", {
    no_links: "Nothing to change here.",
    empty: "",
    brackets_without_link: "Fill in [name] and [date].",
    link_at_end: "Download: [v2.1](https://example.com/v2.1.zip)",
    empty_label: "odd [](https://x.example) link",
    spaces_in_label: "Read [the full story here](https://news.example/a/1).",
    link_then_brackets: "[a](b) [c] (d)",
    mail_link: "Write to [us](mailto:hi@example.com) today",
    three_links: "[1](/one),[2](/two) and [3](/three)",
  }));

spec("version_normalized",
  "A version number written with exactly three parts, major.minor.patch: a leading v or V is dropped, missing parts are 0, and leading zeros of a part are dropped.",
  obj({ version: "string" }), T("string"),
  [{ version: "v1.2" }, { version: "3.10.0" }],
  each("version", {
    one_part: "7",
    capital_v: "V2",
    leading_zeros: "01.02.03",
    already_fine: "1.2.3",
    spaces_around: " v10.0 ",
    zeros: "0.0",
    zero_padded_zero: "v1.00.000",
    big_numbers: "2024.12.31",
    lower_v_three_parts: "v0.9.12",
  }));

spec("ni_number_spaced",
  "A UK National Insurance number in its printed form: the two letters, three pairs of digits and the final letter, separated by single spaces, in capitals (the input may have any spacing and letter case).",
  obj({ ni: "string" }), T("string"),
  [{ ni: "ab123456c" }, { ni: "QQ 12 34 56 A" }],
  each("ni", {
    no_spaces_capitals: "JG103759A",
    odd_spacing: "jg 103759 a",
    spaces_around: "  AB123456D ",
    mixed_case: "Ab12 34 56c",
    double_spaces: "NA  01  23  45  B",
    zeros: "AA000000A",
    one_space_each: "c e 1 2 3 4 5 6 d",
    letters_then_block: "PR 987654 C",
  }));

spec("without_bracketed_text",
  "A text with every part in round brackets removed, brackets and all, and the spaces that leaves tidied: no double spaces, none at either end, and none before a comma or full stop.",
  obj({ text: "string" }), T("string"),
  [{ text: "Apple (red) juice" }, { text: "Call Ann (ext 5), then Bo (ext 9)." }],
  each("text", {
    no_brackets: "Plain text stays.",
    empty: "",
    only_brackets: "(nothing else)",
    at_the_start: "(Draft) Quarterly report",
    at_the_end: "Quarterly report (final)",
    two_in_a_row: "Milk (2%) (organic) 1L",
    no_space_before: "Total(incl. tax) due",
    square_brackets_kept: "Note [1] (see below) here",
    empty_brackets: "f() returns () nothing",
  }));

spec("next_copy_name",
  "The title for a copy of a document: \"Report\" becomes \"Report (1)\", and a title already ending in a space and a number in brackets gets that number plus one (\"Report (1)\" becomes \"Report (2)\").",
  obj({ title: "string" }), T("string"),
  [{ title: "Budget" }, { title: "Budget (1)" }],
  each("title", {
    nine_to_ten: "Report (9)",
    zero: "Report (0)",
    words_in_brackets: "Notes (copy)",
    number_not_in_brackets: "Budget 2026",
    brackets_in_the_middle: "Plan (2) final",
    earlier_brackets: "Q1 (draft) (2)",
    big_number: "Scan (99)",
    spaces_inside: "Minutes of meeting (12)",
    no_space_before: "Draft(3)",
  }));

spec("tidy_repeated_punctuation",
  "A message with repeated punctuation cut down: a run of the same mark (!, ?, . or ,) becomes one, except that three or more dots in a row become an ellipsis \"...\".",
  obj({ message: "string" }), T("string"),
  [{ message: "Wow!!! Really??" }, { message: "Wait..... what,, now" }],
  each("message", {
    nothing_repeated: "Hello, world. Fine!",
    empty: "",
    two_dots: "End..",
    exactly_three_dots: "Hmm...",
    mixed_marks_kept: "What?!?!",
    long_run: "NO!!!!!!!!!!",
    dots_then_bang: "so.... good!!",
    commas: "a,,,b,,c",
    separate_runs: "!! ?? ..",
  }));

spec("time_range_12h_label",
  "An opening-hours range from two 24-hour times (HH:MM) written the short 12-hour way, like 9am–5:30pm: the hour without a leading zero, the minutes only when they are not :00, am or pm straight after, and an en dash (–) between; 00:00 is 12am and 12:00 is 12pm.",
  obj({ open: HHMM, close: HHMM }), T("string"),
  [{ open: "09:00", close: "17:30" }, { open: "11:30", close: "23:00" }],
  {
    midnight_to_noon: { open: "00:00", close: "12:00" },
    half_past_midnight: { open: "00:30", close: "06:45" },
    noon_to_midnight: { open: "12:00", close: "00:00" },
    late_night: { open: "18:05", close: "23:59" },
    both_morning: { open: "06:00", close: "11:59" },
    both_afternoon: { open: "13:15", close: "16:00" },
    same_time: { open: "08:00", close: "08:00" },
    just_after_noon: { open: "12:01", close: "13:00" },
  });

spec("sku_from_product",
  "A stock code for a product: the first three letters of each word of its name, in capitals, joined with dashes, then the size in capitals; only letters count, hyphens and other punctuation split words, and a word with no letters is skipped.",
  obj({ name: "string", size: "string" }), T("string"),
  [{ name: "Blue Cotton Shirt", size: "m" }, { name: "Wool Socks", size: "XL" }],
  {
    hyphenated: { name: "Blue Cotton T-Shirt", size: "s" },
    short_words: { name: "Go Kit", size: "l" },
    number_word: { name: "Sport Socks 3 Pack", size: "m" },
    extra_spaces: { name: "  Rain   Jacket ", size: "xs" },
    symbol_word: { name: "Tee & Shorts Set", size: "10" },
    one_word: { name: "Hat", size: "L" },
    lower_case: { name: "linen trousers", size: "32r" },
    letters_and_digits: { name: "Size2 Vest", size: "M" },
    slash: { name: "Black/White Scarf", size: "os" },
  });

spec("work_email_from_name",
  "A work email address from a person's full name and the company's domain: the first name and the last name in lower case joined by a dot (middle names left out, letters only), then @ and the domain in lower case; a single name is used on its own.",
  obj({ name: "string", domain: "string" }), T("string"),
  [{ name: "Ann Marie Lee", domain: "acme.com" }, { name: "Raj Patel", domain: "Globex.co.uk" }],
  {
    single_name: { name: "Cher", domain: "music.example" },
    hyphenated_first: { name: "Jean-Luc Picard", domain: "fleet.example" },
    apostrophe: { name: "Siobhan O'Neil", domain: "firm.ie" },
    capitals: { name: "MARY JONES", domain: "EXAMPLE.ORG" },
    extra_spaces: { name: "  Tom   Hardy  ", domain: "films.example" },
    two_middle_names: { name: "John Ronald Reuel Tolkien", domain: "oxford.example" },
    initial_in_middle: { name: "George R. Martin", domain: "books.example" },
    hyphenated_last: { name: "Ella Smith-Jones", domain: "co.example" },
    dotted_first: { name: "J.K. Rowling", domain: "pub.example" },
  });

spec("quantity_and_unit",
  "The amount and unit of a quantity written like \"250g\", \"1.5 kg\" or \"2 L\": the number (with a decimal point or a decimal comma) and the unit in lower case, with or without a space between them.",
  obj({ quantity: "string" }), obj({ amount: "number", unit: "string" }),
  [{ quantity: "250g" }, { quantity: "1.5 kg" }, { quantity: "2 L" }],
  each("quantity", {
    decimal_comma: "1,5 kg",
    capital_unit: "500 ML",
    pieces: "12 pcs",
    no_leading_digit: ".75l",
    spaces_around: " 3 oz ",
    long_unit: "2 tbsp",
    zero: "0 g",
    big_number: "1000ml",
    mixed_case_unit: "4 Cups",
  }));

spec("title_from_filename",
  "A readable title from a file name: the extension (from the last dot) removed, underscores, hyphens and dots turned into spaces, runs of spaces made one and spaces at the ends removed, and each word given a capital first letter (the rest as written).",
  obj({ filename: "string" }), T("string"),
  [{ filename: "my_holiday-photos_2024.jpg" }, { filename: "quarterly report.final.pdf" }],
  each("filename", {
    no_extension: "notes",
    capitals_kept: "IMG_0042.JPG",
    dots_inside: "report.final.v2.pdf",
    leading_underscores: "__init__.py",
    camel_case_kept: "camelCase.txt",
    double_separators: "a--b__c.md",
    digits_first: "2026-01-15_minutes.docx",
    already_a_title: "Annual Plan.xlsx",
    single_letter_words: "a_b_c.txt",
  }));

// ---- utility functions -------------------------------------------------------------------------

const ITEMS = arr(SCALAR);
spec("chunk_list",
  "A list split into consecutive groups of a given size; the last group holds what is left over when the list does not divide evenly.",
  obj({ items: ITEMS, size: { type: "integer", minimum: 1 } }), arr(ITEMS),
  [{ items: [1, 2, 3, 4, 5], size: 2 }, { items: ["a", "b", "c", "d", "e", "f"], size: 3 }],
  {
    empty: { items: [], size: 3 },
    size_one: { items: ["x", "y", "z"], size: 1 },
    size_larger_than_list: { items: [1, 2], size: 5 },
    size_equals_list: { items: [1, 2, 3], size: 3 },
    one_left_over: { items: [1, 2, 3, 4, 5, 6, 7], size: 3 },
    mixed_values: { items: ["a", 1, "b", 2], size: 2 },
    repeated_values: { items: [0, 0, 0, 0, 0], size: 4 },
    long_list: { items: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110], size: 4 },
  });

spec("clamp_number",
  "A number kept inside a range given by its lower and upper bound: the lower bound when the number is below it, the upper bound when it is above it, and the number itself otherwise.",
  obj({ value: "number", lower: "number", upper: "number" }), T("number"),
  [{ value: 15, lower: 0, upper: 10 }, { value: -3, lower: 0, upper: 10 }, { value: 7, lower: 0, upper: 10 }],
  {
    on_lower: { value: 0, lower: 0, upper: 10 },
    on_upper: { value: 10, lower: 0, upper: 10 },
    negative_range: { value: -50, lower: -10, upper: -5 },
    inside_negative_range: { value: -7, lower: -10, upper: -5 },
    decimals: { value: 0.75, lower: 0, upper: 0.5 },
    single_point_range: { value: 3, lower: 4, upper: 4 },
    large: { value: 1e9, lower: 1, upper: 100 },
    just_inside: { value: 99.99, lower: 1, upper: 100 },
  });

spec("pad_both_sides",
  "A text padded on both sides to a given length with a padding text: each side is the padding repeated and cut to fit, and when the padding cannot be split evenly the right side gets the extra character; a text already that long or longer comes back unchanged.",
  obj({ text: "string", length: COUNT, chars: { type: "string", minLength: 1 } }), T("string"),
  [{ text: "abc", length: 9, chars: "*" }, { text: "abc", length: 8, chars: "_-" }],
  {
    already_long_enough: { text: "abcdef", length: 4, chars: "*" },
    exactly_long: { text: "abc", length: 3, chars: "*" },
    one_extra: { text: "abc", length: 4, chars: "*" },
    empty_text: { text: "", length: 5, chars: "ab" },
    spaces: { text: "hi", length: 6, chars: " " },
    long_padding: { text: "x", length: 6, chars: "123456789" },
    zero_length: { text: "abc", length: 0, chars: "*" },
    three_char_padding: { text: "mid", length: 12, chars: "<=>" },
  });

spec("split_into_words",
  "The words of a text, in order: runs of letters and digits, where a capital letter after a lower-case letter or a digit starts a new word, and so does the last capital of a run of capitals when a lower-case letter follows it (XMLHttp is XML and Http).",
  obj({ text: "string" }), NAMES,
  [{ text: "fooBar baz" }, { text: "XMLHttpRequest" }, { text: "hello-world_again" }],
  each("text", {
    empty: "",
    only_punctuation: "--__ !!",
    pascal_case: "UserAccountId",
    digits_stay_attached: "addressLine2",
    capital_after_digit: "v2Beta",
    all_capitals: "HTTP SERVER",
    acronym_in_middle: "parseHTMLString",
    sentence: "It's a dog-eat-dog world, isn't it?",
    single_letters: "aB cD",
  }));

spec("list_difference",
  "The items of the first list that do not appear in the second, in their original order; an item repeated in the first list is kept each time.",
  obj({ first: ITEMS, second: ITEMS }), ITEMS,
  [{ first: [1, 2, 3, 4], second: [2, 4] }, { first: ["apple", "pear", "plum"], second: ["kiwi", "pear"] }],
  {
    both_empty: { first: [], second: [] },
    second_empty: { first: [3, 1, 2], second: [] },
    first_empty: { first: [], second: [1] },
    everything_removed: { first: ["a", "b"], second: ["b", "a", "c"] },
    repeats_kept: { first: [1, 1, 2, 1], second: [2] },
    nothing_in_common: { first: [7, 8], second: [9] },
    words: { first: ["red", "green", "blue", "green"], second: ["green", "black"] },
    repeats_removed_too: { first: [5, 6, 5, 6], second: [5] },
    long_lists: { first: [10, 20, 30, 40, 50, 60, 70], second: [70, 30, 50, 90] },
  });

spec("zip_to_object",
  "An object built from a list of keys and a list of values, pairing them by position; a key without a value gets null, extra values are ignored, and when a key appears twice the later value wins.",
  obj({ keys: NAMES, values: ITEMS }), { type: "object", additionalProperties: { type: ["string", "number", "null"] } },
  [{ keys: ["a", "b"], values: [1, 2] }, { keys: ["name", "city", "zip"], values: ["Ann", "Oslo"] }],
  {
    both_empty: { keys: [], values: [] },
    no_values: { keys: ["x", "y"], values: [] },
    extra_values: { keys: ["x"], values: [1, 2, 3] },
    repeated_key: { keys: ["k", "j", "k"], values: [1, 2, 3] },
    repeated_key_without_later_value: { keys: ["k", "k"], values: [1] },
    key_with_space: { keys: ["first name", "last name"], values: ["Ada", "Lovelace"] },
    mixed_values: { keys: ["n", "s"], values: [0, ""] },
    many: { keys: ["a", "b", "c", "d", "e"], values: [5, 4, 3, 2, 1] },
  });

spec("number_range",
  "The numbers from start up to, but not including, end, going up by step each time (a negative step counts down); an empty list when the step is 0 or goes away from end.",
  obj({ start: "number", end: "number", step: "number" }), NUMBERS,
  [{ start: 0, end: 5, step: 1 }, { start: 10, end: 0, step: -3 }],
  {
    start_is_end: { start: 4, end: 4, step: 1 },
    step_zero: { start: 0, end: 5, step: 0 },
    wrong_direction: { start: 0, end: 5, step: -1 },
    wrong_direction_down: { start: 5, end: 0, step: 2 },
    step_not_dividing: { start: 1, end: 10, step: 4 },
    negative_numbers: { start: -3, end: 2, step: 1 },
    halves: { start: 0, end: 2, step: 0.5 },
    count_down_by_one: { start: 3, end: -1, step: -1 },
    big_step: { start: 0, end: 5, step: 100 },
  });

spec("in_half_open_range",
  "Whether a number lies in a range that includes its start and excludes its end; when start is greater than end, the two are swapped first.",
  obj({ value: "number", start: "number", end: "number" }), T("boolean"),
  [{ value: 3, start: 2, end: 4 }, { value: 4, start: 2, end: 4 }],
  {
    at_start: { value: 2, start: 2, end: 4 },
    below: { value: 1.99, start: 2, end: 4 },
    above: { value: 10, start: 2, end: 4 },
    swapped_inside: { value: 3, start: 4, end: 2 },
    swapped_at_lower: { value: 2, start: 4, end: 2 },
    swapped_at_upper: { value: 4, start: 4, end: 2 },
    empty_range: { value: 5, start: 5, end: 5 },
    negatives: { value: -1, start: -5, end: 0 },
    just_below_end: { value: 0.999, start: 0, end: 1 },
  });

spec("round_to_places",
  "A number rounded to a given number of decimal places, halves rounded up (toward the larger number); a negative number of places rounds to tens, hundreds and so on.",
  obj({ value: "number", places: { type: "integer", minimum: -10, maximum: 10 } }), T("number"),
  [{ value: 4.006, places: 2 }, { value: 4060, places: -2 }],
  {
    whole: { value: 2.5, places: 0 },
    half_as_written: { value: 1.005, places: 2 },
    another_half: { value: 2.345, places: 2 },
    negative_half: { value: -2.5, places: 0 },
    negative_value: { value: -3.14159, places: 3 },
    tens: { value: 1234, places: -1 },
    thousands_half: { value: 1500, places: -3 },
    already_rounded: { value: 7.25, places: 4 },
    zero: { value: 0, places: 2 },
  });

spec("common_to_all_lists",
  "The values that appear in every one of several lists, each once, in the order they first appear in the first list; an empty list when there are no lists.",
  obj({ lists: arr(ITEMS) }), ITEMS,
  [{ lists: [[1, 2, 3, 4], [2, 4, 6], [4, 2, 8]] }, { lists: [["red", "green", "blue"], ["blue", "red"]] }],
  {
    no_lists: { lists: [] },
    one_list: { lists: [[3, 1, 3, 2]] },
    nothing_shared: { lists: [[1, 2], [3, 4]] },
    one_empty_list: { lists: [[1, 2], []] },
    repeats_once: { lists: [[5, 5, 6, 5], [5, 6, 6]] },
    all_the_same: { lists: [[2, 1], [1, 2], [2, 1]] },
    words: { lists: [["tea", "milk", "bread"], ["bread", "jam", "tea"]] },
    order_of_first_list: { lists: [["z", "y", "x"], ["x", "y", "z"], ["y", "z", "x"]] },
    four_lists: { lists: [[1, 2, 3, 4, 5], [5, 4, 3], [3, 5, 7], [9, 5, 3, 1]] },
  });
