// The specs of tests/fixtures/specs/dev4 without their outputs: description, schemas and the inputs
// of the examples and the named tests. scripts/make-dev4-specs.mjs adds the outputs.
// Development material from the start (made 2026-12-07 to study what the synthesizer publishes wrong
// after a person answers its questions). Everyday business-data tasks of the kinds of specs/dev and
// specs/holdout2, written as a user would write them, without running the synthesizer or reading its
// code: 14 sums and aggregates over records, 10 filters, 8 grouping and keyed results, 8 sorting and
// ranking, 10 small string reformattings, 6 numbers with a stated rule, 4 two-step compositions.
// No capability shares a name with a spec of an earlier set (the reference test checks this), and none
// repeats a task of specs/dev as far as its file names show.

import { obj, arr, rows } from "./spec-schemas.mjs";
const NUMBER = { type: "number" };
const NONNEG = { type: "number", minimum: 0 };
const COUNT = { type: "integer", minimum: 0 };
const TEXT = { type: "string" };
const BOOL = { type: "boolean" };
const ISO_DATE = { type: "string", pattern: "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" };
const mapOf = (values) => ({ type: "object", additionalProperties: values });
const orNull = (s) => ({ anyOf: [s, { type: "null" }] });
const oneOf = (...values) => ({ type: "string", enum: values });
/** One single-field input per value: each("text", {empty: ""}) -> {empty: {text: ""}}. */
const each = (field, named) => Object.fromEntries(Object.entries(named).map(([name, v]) => [name, { [field]: v }]));

export const SPECS = [];
const spec = (capability, description, inputSchema, outputSchema, examples, tests) =>
  SPECS.push({ capability, description, inputSchema, outputSchema, examples, tests });

// ---- sums and aggregates over records (14) -------------------------------------------------------

spec("cart_total_after_coupon",
  "Work out what the customer pays for their cart: add up price times quantity for every item, then take the coupon's percentage off that total. Round the result to 2 decimal places. An empty cart costs 0.",
  obj({ items: arr(obj({ name: TEXT, price: NONNEG, quantity: COUNT })), coupon_percent: { type: "number", minimum: 0, maximum: 100 } }), NONNEG,
  [
    { items: rows(["name", "price", "quantity"], ["mug", 8.5, 2], ["tea", 4.2, 3]), coupon_percent: 10 },
    { items: rows(["name", "price", "quantity"], ["lamp", 39.99, 1]), coupon_percent: 15 },
  ],
  {
    empty_cart: { items: [], coupon_percent: 20 },
    no_coupon: { items: rows(["name", "price", "quantity"], ["pen", 1.2, 5], ["pad", 3.4, 2]), coupon_percent: 0 },
    full_coupon: { items: rows(["name", "price", "quantity"], ["gift", 25, 2]), coupon_percent: 100 },
    zero_quantity_item: { items: rows(["name", "price", "quantity"], ["sock", 6, 0], ["hat", 12.5, 1]), coupon_percent: 10 },
    fractional_percent: { items: rows(["name", "price", "quantity"], ["book", 19.99, 3]), coupon_percent: 12.5 },
    many_items: { items: rows(["name", "price", "quantity"], ["a", 0.99, 7], ["b", 2.49, 4], ["c", 10, 1], ["d", 0.05, 20]), coupon_percent: 5 },
    free_item: { items: rows(["name", "price", "quantity"], ["sample", 0, 3], ["soap", 3.3, 3]), coupon_percent: 0 },
    rounding_needed: { items: rows(["name", "price", "quantity"], ["bolt", 0.37, 13]), coupon_percent: 7 },
  });

spec("large_paid_invoice_count",
  "How many invoices are paid and for at least 1000? An invoice counts when its status is \"paid\" (in any capitals, e.g. \"Paid\" or \"PAID\") and its amount is 1000 or more.",
  obj({ invoices: arr(obj({ number: TEXT, status: TEXT, amount: NUMBER })) }), COUNT,
  [
    { invoices: rows(["number", "status", "amount"], ["INV-1", "paid", 2400], ["INV-2", "open", 5100], ["INV-3", "paid", 320]) },
    { invoices: rows(["number", "status", "amount"], ["A7", "Paid", 1800], ["A8", "paid", 1250.5], ["A9", "void", 1900]) },
  ],
  each("invoices", {
    none: [],
    exactly_1000: rows(["number", "status", "amount"], ["X1", "paid", 1000], ["X2", "paid", 999.99]),
    upper_case_status: rows(["number", "status", "amount"], ["X1", "PAID", 4000], ["X2", "pAiD", 1001]),
    all_open: rows(["number", "status", "amount"], ["X1", "open", 3000], ["X2", "overdue", 8000]),
    status_with_more_words: rows(["number", "status", "amount"], ["X1", "partly paid", 3000], ["X2", "unpaid", 3000], ["X3", "paid", 3000]),
    negative_credit_note: rows(["number", "status", "amount"], ["CN1", "paid", -1500], ["X2", "paid", 1500]),
    all_count: rows(["number", "status", "amount"], ["1", "paid", 1000], ["2", "paid", 10000], ["3", "Paid", 1000.01]),
    small_paid: rows(["number", "status", "amount"], ["1", "paid", 10], ["2", "paid", 999]),
  }));

spec("average_delivery_days",
  "Average number of days our deliveries took, rounded to 1 decimal place. With no deliveries the answer is 0.",
  obj({ deliveries: arr(obj({ order: TEXT, days: COUNT })) }), NONNEG,
  [
    { deliveries: rows(["order", "days"], ["o-1", 3], ["o-2", 5], ["o-3", 2]) },
    { deliveries: rows(["order", "days"], ["o-7", 4], ["o-8", 4]) },
  ],
  each("deliveries", {
    none: [],
    one: rows(["order", "days"], ["a", 6]),
    same_day: rows(["order", "days"], ["a", 0], ["b", 0]),
    thirds: rows(["order", "days"], ["a", 1], ["b", 1], ["c", 2]),
    two_thirds: rows(["order", "days"], ["a", 2], ["b", 2], ["c", 3]),
    long_tail: rows(["order", "days"], ["a", 1], ["b", 2], ["c", 30], ["d", 3], ["e", 2], ["f", 1]),
    sevenths: rows(["order", "days"], ["a", 1], ["b", 1], ["c", 1], ["d", 1], ["e", 1], ["f", 1], ["g", 5]),
    whole_average: rows(["order", "days"], ["a", 10], ["b", 14]),
  }));

spec("heaviest_parcel_id",
  "Give me the id of the heaviest parcel. If several parcels share the top weight, the one listed first wins. With no parcels, return null.",
  obj({ parcels: arr(obj({ id: TEXT, weight_kg: NONNEG })) }), orNull(TEXT),
  [
    { parcels: rows(["id", "weight_kg"], ["P-10", 2.4], ["P-11", 7.9], ["P-12", 3.1]) },
    { parcels: rows(["id", "weight_kg"], ["A", 12], ["B", 0.5]) },
  ],
  each("parcels", {
    none: [],
    single: rows(["id", "weight_kg"], ["only", 1.5]),
    tie_first_wins: rows(["id", "weight_kg"], ["x", 4], ["y", 9], ["z", 9]),
    heaviest_last: rows(["id", "weight_kg"], ["x", 1], ["y", 2], ["z", 3]),
    all_zero: rows(["id", "weight_kg"], ["x", 0], ["y", 0]),
    close_weights: rows(["id", "weight_kg"], ["x", 5.01], ["y", 5.1], ["z", 5.009]),
    empty_id: rows(["id", "weight_kg"], ["", 20], ["b", 3]),
    tie_at_start: rows(["id", "weight_kg"], ["first", 8], ["second", 8], ["third", 2]),
  }));

spec("earliest_due_task",
  "Which task is due first? Each task has a title and a due date (YYYY-MM-DD). Return the title of the task with the earliest due date; if several share it, the one listed first. With no tasks, return an empty string.",
  obj({ tasks: arr(obj({ title: TEXT, due: ISO_DATE })) }), TEXT,
  [
    { tasks: rows(["title", "due"], ["File VAT return", "2026-01-31"], ["Renew domain", "2026-01-12"], ["Pay rent", "2026-02-01"]) },
    { tasks: rows(["title", "due"], ["Order paper", "2025-11-03"], ["Call plumber", "2025-11-20"]) },
  ],
  each("tasks", {
    none: [],
    one: rows(["title", "due"], ["Only thing", "2026-05-05"]),
    same_date_first_wins: rows(["title", "due"], ["B task", "2026-03-01"], ["A task", "2026-03-01"]),
    across_years: rows(["title", "due"], ["new year", "2027-01-01"], ["old year", "2026-12-31"]),
    earliest_last: rows(["title", "due"], ["a", "2026-06-10"], ["b", "2026-06-09"], ["c", "2026-06-08"]),
    month_before_day: rows(["title", "due"], ["feb", "2026-02-28"], ["oct", "2026-10-01"]),
    blank_title: rows(["title", "due"], ["", "2026-01-01"], ["named", "2026-01-02"]),
    tie_after_later: rows(["title", "due"], ["late", "2026-09-09"], ["x", "2026-04-04"], ["y", "2026-04-04"]),
  }));

spec("weekly_payroll_cost",
  "Total payroll for the week: for each employee multiply the hours they worked by their hourly rate, and add it all up. Round to 2 decimal places. No employees means 0.",
  obj({ employees: arr(obj({ name: TEXT, hours: NONNEG, rate: NONNEG })) }), NONNEG,
  [
    { employees: rows(["name", "hours", "rate"], ["Ana", 38, 21.5], ["Ben", 20, 18]) },
    { employees: rows(["name", "hours", "rate"], ["Cara", 40, 32.75], ["Dev", 12.5, 19.2], ["Eli", 0, 25]) },
  ],
  each("employees", {
    none: [],
    one: rows(["name", "hours", "rate"], ["Solo", 40, 20]),
    fractional_hours: rows(["name", "hours", "rate"], ["a", 7.25, 16.4], ["b", 3.75, 22.4]),
    zero_rate_volunteer: rows(["name", "hours", "rate"], ["vol", 10, 0], ["paid", 10, 15]),
    rounding_up: rows(["name", "hours", "rate"], ["a", 1.3, 17.37]),
    many: rows(["name", "hours", "rate"], ["a", 40, 15], ["b", 35, 15.5], ["c", 22, 18.25], ["d", 8, 30]),
    cents_add_up: rows(["name", "hours", "rate"], ["a", 0.1, 0.1], ["b", 0.2, 0.1]),
    big_numbers: rows(["name", "hours", "rate"], ["ceo", 60, 450]),
  }));

spec("order_total_with_tax",
  "Compute an order's total including sales tax. Each line has a unit price, a quantity and whether it is taxable. The subtotal is unit price times quantity summed over all lines; add 8% tax on the taxable lines only. Round the final total to 2 decimal places. An empty order is 0.",
  obj({ lines: arr(obj({ unit_price: NONNEG, quantity: COUNT, taxable: BOOL })) }), NONNEG,
  [
    { lines: rows(["unit_price", "quantity", "taxable"], [10, 2, true], [5, 1, false]) },
    { lines: rows(["unit_price", "quantity", "taxable"], [3.99, 4, true], [12.5, 2, true], [2.2, 3, false]) },
  ],
  each("lines", {
    empty: [],
    nothing_taxable: rows(["unit_price", "quantity", "taxable"], [9.99, 3, false], [1.5, 2, false]),
    all_taxable: rows(["unit_price", "quantity", "taxable"], [100, 1, true], [20, 5, true]),
    zero_quantity_taxable: rows(["unit_price", "quantity", "taxable"], [50, 0, true], [7, 1, false]),
    rounding: rows(["unit_price", "quantity", "taxable"], [0.99, 7, true]),
    free_line: rows(["unit_price", "quantity", "taxable"], [0, 3, true], [4.1, 1, true]),
    mixed_many: rows(["unit_price", "quantity", "taxable"], [1.25, 8, true], [19.95, 1, false], [6.4, 3, true], [0.5, 11, false]),
    single_large: rows(["unit_price", "quantity", "taxable"], [1299, 1, true]),
  }));

spec("refund_total",
  "Total amount refunded: add up the amounts of the transactions whose type is \"refund\" (sales are ignored). Amounts are positive numbers. Round to 2 decimal places; no refunds gives 0.",
  obj({ transactions: arr(obj({ id: TEXT, type: { type: "string", enum: ["sale", "refund"] }, amount: NONNEG })) }), NONNEG,
  [
    { transactions: rows(["id", "type", "amount"], ["t1", "sale", 40], ["t2", "refund", 12.5], ["t3", "refund", 7.25]) },
    { transactions: rows(["id", "type", "amount"], ["t9", "sale", 99.9], ["t10", "refund", 15]) },
  ],
  each("transactions", {
    none: [],
    only_sales: rows(["id", "type", "amount"], ["a", "sale", 10], ["b", "sale", 20]),
    only_refunds: rows(["id", "type", "amount"], ["a", "refund", 10.1], ["b", "refund", 20.2]),
    zero_refund: rows(["id", "type", "amount"], ["a", "refund", 0], ["b", "sale", 5]),
    tenths_add_up: rows(["id", "type", "amount"], ["a", "refund", 0.1], ["b", "refund", 0.2], ["c", "refund", 0.3]),
    many: rows(["id", "type", "amount"], ["a", "refund", 3.33], ["b", "sale", 100], ["c", "refund", 3.33], ["d", "refund", 3.34], ["e", "sale", 1]),
    one_refund: rows(["id", "type", "amount"], ["a", "refund", 249.99]),
    large: rows(["id", "type", "amount"], ["a", "refund", 12000], ["b", "refund", 3500.75]),
  }));

spec("net_balance",
  "What is the account's balance after these transactions, starting from the opening balance? Credits add their amount and debits take it away. Round to 2 decimal places; the answer can be negative.",
  obj({ opening: NUMBER, transactions: arr(obj({ kind: { type: "string", enum: ["credit", "debit"] }, amount: NONNEG })) }), NUMBER,
  [
    { opening: 100, transactions: rows(["kind", "amount"], ["credit", 50], ["debit", 30.5]) },
    { opening: 1250.4, transactions: rows(["kind", "amount"], ["debit", 800], ["debit", 120.15], ["credit", 42]) },
  ],
  {
    no_transactions: { opening: 75.5, transactions: [] },
    goes_negative: { opening: 20, transactions: rows(["kind", "amount"], ["debit", 35.75]) },
    starts_negative: { opening: -10, transactions: rows(["kind", "amount"], ["credit", 4], ["credit", 6]) },
    zero_opening: { opening: 0, transactions: rows(["kind", "amount"], ["credit", 0.1], ["credit", 0.2]) },
    only_debits: { opening: 500, transactions: rows(["kind", "amount"], ["debit", 100], ["debit", 200], ["debit", 199.99]) },
    back_to_zero: { opening: 60, transactions: rows(["kind", "amount"], ["debit", 60]) },
    zero_amounts: { opening: 12.34, transactions: rows(["kind", "amount"], ["credit", 0], ["debit", 0]) },
    many: { opening: 1000, transactions: rows(["kind", "amount"], ["debit", 12.99], ["credit", 250], ["debit", 45.6], ["debit", 0.01], ["credit", 3.3]) },
  });

spec("mean_completed_order_value",
  "Average value of completed orders: take the orders whose status is \"completed\" and average their amounts, rounded to 2 decimal places. The status must be exactly \"completed\"; other statuses (\"pending\", \"cancelled\", ...) are left out. If there are no completed orders, return 0.",
  obj({ orders: arr(obj({ id: TEXT, status: TEXT, amount: NONNEG })) }), NONNEG,
  [
    { orders: rows(["id", "status", "amount"], ["1", "completed", 40], ["2", "completed", 60], ["3", "pending", 500]) },
    { orders: rows(["id", "status", "amount"], ["a", "completed", 19.99], ["b", "cancelled", 5], ["c", "completed", 25.5], ["d", "completed", 8]) },
  ],
  each("orders", {
    none: [],
    none_completed: rows(["id", "status", "amount"], ["1", "pending", 10], ["2", "cancelled", 20]),
    one_completed: rows(["id", "status", "amount"], ["1", "completed", 33.3], ["2", "pending", 1000]),
    thirds: rows(["id", "status", "amount"], ["1", "completed", 10], ["2", "completed", 10], ["3", "completed", 20]),
    zero_amount: rows(["id", "status", "amount"], ["1", "completed", 0], ["2", "completed", 9]),
    status_capitals_differ: rows(["id", "status", "amount"], ["1", "Completed", 100], ["2", "completed", 50]),
    cancelled_huge: rows(["id", "status", "amount"], ["1", "cancelled", 99999], ["2", "completed", 12], ["3", "completed", 14]),
    many: rows(["id", "status", "amount"], ["1", "completed", 5.55], ["2", "completed", 6.66], ["3", "completed", 7.77], ["4", "completed", 1.01]),
  }));

spec("billable_hours",
  "How many billable hours are in this timesheet? Add up the minutes of the entries marked billable, convert to hours, and round to 2 decimal places. Non-billable entries don't count; an empty timesheet gives 0.",
  obj({ entries: arr(obj({ task: TEXT, minutes: COUNT, billable: BOOL })) }), NONNEG,
  [
    { entries: rows(["task", "minutes", "billable"], ["design", 90, true], ["meeting", 30, false], ["build", 150, true]) },
    { entries: rows(["task", "minutes", "billable"], ["call", 45, true], ["admin", 60, false]) },
  ],
  each("entries", {
    empty: [],
    none_billable: rows(["task", "minutes", "billable"], ["a", 120, false], ["b", 15, false]),
    exactly_one_hour: rows(["task", "minutes", "billable"], ["a", 60, true]),
    twenty_minutes: rows(["task", "minutes", "billable"], ["a", 20, true]),
    forty_minutes: rows(["task", "minutes", "billable"], ["a", 25, true], ["b", 15, true]),
    zero_minutes: rows(["task", "minutes", "billable"], ["a", 0, true], ["b", 0, false]),
    one_minute: rows(["task", "minutes", "billable"], ["a", 1, true]),
    long_week: rows(["task", "minutes", "billable"], ["a", 480, true], ["b", 470, true], ["c", 60, false], ["d", 515, true], ["e", 7, true]),
  }));

spec("hottest_city",
  "From a list of temperature readings (a city and a temperature in °C each), return the city with the highest reading. If two readings tie for the highest, return the city of the one that comes first. With no readings, return null.",
  obj({ readings: arr(obj({ city: TEXT, temp_c: NUMBER })) }), orNull(TEXT),
  [
    { readings: rows(["city", "temp_c"], ["Oslo", 12.5], ["Madrid", 31], ["Rome", 28.4]) },
    { readings: rows(["city", "temp_c"], ["Lima", 19], ["Quito", 14]) },
  ],
  each("readings", {
    none: [],
    all_below_zero: rows(["city", "temp_c"], ["Nuuk", -12], ["Yakutsk", -30], ["Tromso", -4.5]),
    tie_first_wins: rows(["city", "temp_c"], ["Cairo", 35], ["Dubai", 38], ["Doha", 38]),
    same_city_twice: rows(["city", "temp_c"], ["Paris", 20], ["Lyon", 22], ["Paris", 24]),
    zero_and_negative: rows(["city", "temp_c"], ["A", -1], ["B", 0]),
    single: rows(["city", "temp_c"], ["Perth", 27.3]),
    decimals_close: rows(["city", "temp_c"], ["X", 21.05], ["Y", 21.5], ["Z", 21.45]),
    hottest_first: rows(["city", "temp_c"], ["Phoenix", 45], ["Denver", 30], ["Boston", 25]),
  }));

spec("inventory_value",
  "Value of the stock on hand: for every product multiply units in stock by unit cost and add it up, rounded to 2 decimal places. A negative stock figure means units on back-order and counts as nothing (not as a negative value). No products gives 0.",
  obj({ products: arr(obj({ sku: TEXT, stock: { type: "integer" }, unit_cost: NONNEG })) }), NONNEG,
  [
    { products: rows(["sku", "stock", "unit_cost"], ["A-1", 10, 2.5], ["B-2", 4, 12]) },
    { products: rows(["sku", "stock", "unit_cost"], ["K-7", 120, 0.35], ["K-8", 15, 4.99], ["K-9", 0, 80]) },
  ],
  each("products", {
    none: [],
    back_order_ignored: rows(["sku", "stock", "unit_cost"], ["a", -5, 10], ["b", 3, 10]),
    all_back_ordered: rows(["sku", "stock", "unit_cost"], ["a", -1, 4], ["b", -20, 1]),
    zero_cost: rows(["sku", "stock", "unit_cost"], ["free", 100, 0], ["paid", 2, 1.5]),
    rounding: rows(["sku", "stock", "unit_cost"], ["a", 3, 0.333], ["b", 7, 0.111]),
    single: rows(["sku", "stock", "unit_cost"], ["x", 1, 999.99]),
    many: rows(["sku", "stock", "unit_cost"], ["a", 12, 1.25], ["b", 40, 0.6], ["c", -3, 9], ["d", 8, 14.2], ["e", 1, 0.01]),
    zero_stock: rows(["sku", "stock", "unit_cost"], ["a", 0, 5], ["b", 0, 7]),
  }));

spec("open_high_priority_count",
  "Count the support tickets that are still open and have priority \"high\".",
  obj({ tickets: arr(obj({ id: TEXT, priority: oneOf("low", "medium", "high"), open: BOOL })) }), COUNT,
  [
    { tickets: rows(["id", "priority", "open"], ["T1", "high", true], ["T2", "low", true], ["T3", "high", false], ["T4", "high", true]) },
    { tickets: rows(["id", "priority", "open"], ["T8", "medium", true], ["T9", "high", true]) },
  ],
  each("tickets", {
    none: [],
    all_closed_high: rows(["id", "priority", "open"], ["a", "high", false], ["b", "high", false]),
    open_but_not_high: rows(["id", "priority", "open"], ["a", "medium", true], ["b", "low", true]),
    all_match: rows(["id", "priority", "open"], ["a", "high", true], ["b", "high", true], ["c", "high", true]),
    single_match: rows(["id", "priority", "open"], ["a", "high", true]),
    mixed: rows(["id", "priority", "open"], ["a", "low", false], ["b", "high", true], ["c", "medium", false], ["d", "high", false], ["e", "high", true], ["f", "low", true]),
    closed_low: rows(["id", "priority", "open"], ["a", "low", false]),
    duplicate_ids: rows(["id", "priority", "open"], ["a", "high", true], ["a", "high", true]),
  }));

// ---- filters (10) --------------------------------------------------------------------------------

spec("low_stock_items",
  "Which items need reordering? Return the names of the items whose stock is at or below their reorder level, in the order given.",
  obj({ items: arr(obj({ name: TEXT, stock: COUNT, reorder_level: COUNT })) }), arr(TEXT),
  [
    { items: rows(["name", "stock", "reorder_level"], ["printer paper", 3, 10], ["toner", 12, 4], ["staples", 1, 5]) },
    { items: rows(["name", "stock", "reorder_level"], ["gloves", 40, 20], ["masks", 15, 25]) },
  ],
  each("items", {
    none: [],
    exactly_at_level: rows(["name", "stock", "reorder_level"], ["a", 5, 5], ["b", 6, 5]),
    all_fine: rows(["name", "stock", "reorder_level"], ["a", 50, 10], ["b", 11, 10]),
    zero_stock: rows(["name", "stock", "reorder_level"], ["a", 0, 0], ["b", 0, 3]),
    one_above: rows(["name", "stock", "reorder_level"], ["a", 4, 3]),
    order_kept: rows(["name", "stock", "reorder_level"], ["zeta", 1, 2], ["alpha", 0, 2], ["mid", 9, 2], ["beta", 2, 2]),
    duplicate_names: rows(["name", "stock", "reorder_level"], ["pens", 1, 5], ["pens", 2, 5]),
    zero_level_with_stock: rows(["name", "stock", "reorder_level"], ["a", 1, 0]),
  }));

spec("customers_in_city",
  "List the names of the customers who live in the given city, in the order given. Compare city names ignoring upper/lower case and any spaces at the start or end, so \" london\" matches \"London\".",
  obj({ customers: arr(obj({ name: TEXT, city: TEXT })), city: TEXT }), arr(TEXT),
  [
    { customers: rows(["name", "city"], ["Amy Chen", "London"], ["Raj Patel", "Leeds"], ["Tom Ward", "london"]), city: "London" },
    { customers: rows(["name", "city"], ["Lea Roux", "Paris"], ["Max Weber", "Berlin"]), city: "Berlin" },
  ],
  {
    no_customers: { customers: [], city: "Paris" },
    nobody_there: { customers: rows(["name", "city"], ["a", "Rome"], ["b", "Milan"]), city: "Turin" },
    spaces_around: { customers: rows(["name", "city"], ["a", "  Oslo "], ["b", "Oslo"]), city: "oslo " },
    upper_case_query: { customers: rows(["name", "city"], ["a", "New York"], ["b", "new york"], ["c", "Newark"]), city: "NEW YORK" },
    partial_name_no_match: { customers: rows(["name", "city"], ["a", "Manchester"], ["b", "Chester"]), city: "Chester" },
    inner_space_matters: { customers: rows(["name", "city"], ["a", "SanJose"], ["b", "San Jose"]), city: "San Jose" },
    empty_city_query: { customers: rows(["name", "city"], ["a", ""], ["b", "Bonn"]), city: "" },
    all_match: { customers: rows(["name", "city"], ["x", "Riga"], ["y", "RIGA"], ["z", "riga"]), city: "Riga" },
  });

spec("orders_over_amount",
  "Give me the orders worth at least the minimum amount (amount ≥ min), as the same records, in their original order.",
  obj({ orders: arr(obj({ id: TEXT, customer: TEXT, amount: NUMBER })), min: NUMBER }), arr(obj({ id: TEXT, customer: TEXT, amount: NUMBER })),
  [
    { orders: rows(["id", "customer", "amount"], ["1001", "acme", 250], ["1002", "bolt", 80], ["1003", "acme", 1200]), min: 200 },
    { orders: rows(["id", "customer", "amount"], ["77", "zed", 45.5], ["78", "yan", 60]), min: 50 },
  ],
  {
    no_orders: { orders: [], min: 10 },
    equal_to_min: { orders: rows(["id", "customer", "amount"], ["a", "x", 100], ["b", "x", 99.99]), min: 100 },
    zero_min_keeps_zero: { orders: rows(["id", "customer", "amount"], ["a", "x", 0], ["b", "x", -5]), min: 0 },
    none_qualify: { orders: rows(["id", "customer", "amount"], ["a", "x", 10], ["b", "y", 20]), min: 500 },
    all_qualify: { orders: rows(["id", "customer", "amount"], ["a", "x", 600], ["b", "y", 700]), min: 500 },
    negative_min: { orders: rows(["id", "customer", "amount"], ["a", "x", -20], ["b", "y", -5]), min: -10 },
    decimal_min: { orders: rows(["id", "customer", "amount"], ["a", "x", 19.99], ["b", "y", 20], ["c", "z", 20.01]), min: 20 },
    order_kept: { orders: rows(["id", "customer", "amount"], ["c", "x", 300], ["a", "y", 100], ["b", "z", 200]), min: 150 },
  });

spec("emails_at_domain",
  "Pick out the email addresses at a given domain: keep an address when the part after its last @ equals the domain, ignoring upper/lower case. Return them as written, in order. Subdomains don't count (\"mail.acme.com\" is not \"acme.com\"), and an address without @ never matches.",
  obj({ emails: arr(TEXT), domain: TEXT }), arr(TEXT),
  [
    { emails: ["ana@acme.com", "bob@freemail.example", "Cy@ACME.com"], domain: "acme.com" },
    { emails: ["sales@shop.io", "help@shop.io", "me@other.org"], domain: "shop.io" },
  ],
  {
    no_emails: { emails: [], domain: "acme.com" },
    subdomain_excluded: { emails: ["a@mail.acme.com", "b@acme.com"], domain: "acme.com" },
    upper_case_domain_query: { emails: ["a@Acme.Com", "b@acme.co"], domain: "ACME.COM" },
    no_at_sign: { emails: ["acme.com", "x@acme.com"], domain: "acme.com" },
    domain_as_user_part: { emails: ["acme.com@freemail.example", "z@acme.com"], domain: "acme.com" },
    two_at_signs: { emails: ["odd@name@acme.com", "n@acme.com.au"], domain: "acme.com" },
    none_match: { emails: ["a@b.c", "d@e.f"], domain: "x.y" },
    duplicates_kept: { emails: ["a@q.org", "a@q.org", "b@q.org"], domain: "q.org" },
  });

spec("affordable_matches",
  "Search the catalogue: return the names of the products whose name contains the search word (ignoring upper/lower case) and whose price is at most the budget, in catalogue order. An empty search word matches every name.",
  obj({ products: arr(obj({ name: TEXT, price: NONNEG })), word: TEXT, budget: NONNEG }), arr(TEXT),
  [
    { products: rows(["name", "price"], ["Blue Desk Lamp", 29.99], ["Lamp Shade", 12], ["Floor Lamp", 89]), word: "lamp", budget: 50 },
    { products: rows(["name", "price"], ["Coffee Mug", 9.5], ["Travel Mug", 22], ["Tea Pot", 18]), word: "mug", budget: 25 },
  ],
  {
    no_products: { products: [], word: "lamp", budget: 100 },
    price_equal_budget: { products: rows(["name", "price"], ["Chair", 45], ["Armchair", 45.01]), word: "chair", budget: 45 },
    word_inside_name: { products: rows(["name", "price"], ["Bookshelf", 60], ["Notebook", 3], ["Pen", 1]), word: "BOOK", budget: 100 },
    empty_word: { products: rows(["name", "price"], ["A", 5], ["B", 15]), word: "", budget: 10 },
    nothing_cheap_enough: { products: rows(["name", "price"], ["Gold Ring", 500], ["Silver Ring", 120]), word: "ring", budget: 100 },
    name_matches_nothing: { products: rows(["name", "price"], ["Sofa", 300], ["Rug", 80]), word: "table", budget: 1000 },
    zero_budget_free_item: { products: rows(["name", "price"], ["Free Sticker", 0], ["Sticker Pack", 2]), word: "sticker", budget: 0 },
    word_with_space: { products: rows(["name", "price"], ["Desk Lamp", 20], ["DeskLamp", 20], ["desk  lamp", 20]), word: "desk lamp", budget: 30 },
  });

spec("active_premium_users",
  "Usernames of the active users on a paid plan. The paid plans are \"premium\" and \"business\"; \"free\" users are left out, and so is anyone not active. Keep the order given.",
  obj({ users: arr(obj({ username: TEXT, plan: oneOf("free", "premium", "business"), active: BOOL })) }), arr(TEXT),
  [
    { users: rows(["username", "plan", "active"], ["kate", "premium", true], ["li", "free", true], ["mo", "premium", false]) },
    { users: rows(["username", "plan", "active"], ["nia", "business", true], ["oz", "premium", true], ["pat", "free", false]) },
  ],
  each("users", {
    none: [],
    all_free: rows(["username", "plan", "active"], ["a", "free", true], ["b", "free", true]),
    all_inactive_paid: rows(["username", "plan", "active"], ["a", "premium", false], ["b", "business", false]),
    business_only: rows(["username", "plan", "active"], ["corp1", "business", true]),
    order_kept: rows(["username", "plan", "active"], ["zed", "business", true], ["amy", "premium", true], ["kim", "free", true]),
    inactive_free: rows(["username", "plan", "active"], ["a", "free", false]),
    mixed: rows(["username", "plan", "active"], ["a", "premium", true], ["b", "business", false], ["c", "free", true], ["d", "business", true], ["e", "premium", false]),
    same_name_twice: rows(["username", "plan", "active"], ["sam", "premium", true], ["sam", "free", true]),
  }));

spec("late_shipments",
  "Which shipments arrived late? Each shipment has a promised date and a delivered date (YYYY-MM-DD), or delivered null if it hasn't arrived yet. Return the ids of the shipments delivered after their promised date, in order. Arriving on the promised day is on time, and shipments not yet delivered are not listed.",
  obj({ shipments: arr(obj({ id: TEXT, promised: ISO_DATE, delivered: orNull(ISO_DATE) })) }), arr(TEXT),
  [
    { shipments: rows(["id", "promised", "delivered"], ["S1", "2026-03-10", "2026-03-12"], ["S2", "2026-03-10", "2026-03-09"], ["S3", "2026-03-11", "2026-03-15"]) },
    { shipments: rows(["id", "promised", "delivered"], ["X9", "2026-07-01", "2026-07-03"], ["X10", "2026-07-02", null]) },
  ],
  each("shipments", {
    none: [],
    same_day_on_time: rows(["id", "promised", "delivered"], ["a", "2026-05-05", "2026-05-05"], ["b", "2026-05-05", "2026-05-06"]),
    not_delivered: rows(["id", "promised", "delivered"], ["a", "2020-01-01", null], ["b", "2026-01-01", null]),
    across_month_end: rows(["id", "promised", "delivered"], ["a", "2026-01-31", "2026-02-01"], ["b", "2026-02-28", "2026-02-27"]),
    across_year_end: rows(["id", "promised", "delivered"], ["a", "2026-12-31", "2027-01-02"]),
    all_early: rows(["id", "promised", "delivered"], ["a", "2026-06-10", "2026-06-01"], ["b", "2026-06-10", "2026-06-09"]),
    all_late: rows(["id", "promised", "delivered"], ["c", "2026-01-01", "2026-01-02"], ["a", "2026-02-01", "2026-03-01"]),
    one_day_late: rows(["id", "promised", "delivered"], ["a", "2026-09-29", "2026-09-30"]),
  }));

spec("students_needing_retake",
  "Which students must retake the course? A student retakes if their exam score is below 40 or their attendance is below 75 percent (or both). Return their names in the order given.",
  obj({ students: arr(obj({ name: TEXT, score: { type: "number", minimum: 0, maximum: 100 }, attendance: { type: "number", minimum: 0, maximum: 100 } })) }), arr(TEXT),
  [
    { students: rows(["name", "score", "attendance"], ["Ava", 72, 90], ["Ben", 35, 88], ["Cleo", 64, 60]) },
    { students: rows(["name", "score", "attendance"], ["Dan", 55, 95], ["Eve", 81, 100]) },
  ],
  each("students", {
    none: [],
    score_exactly_40: rows(["name", "score", "attendance"], ["a", 40, 90], ["b", 39.5, 90]),
    attendance_exactly_75: rows(["name", "score", "attendance"], ["a", 70, 75], ["b", 70, 74.9]),
    both_low: rows(["name", "score", "attendance"], ["a", 10, 20]),
    all_pass: rows(["name", "score", "attendance"], ["a", 100, 100], ["b", 40, 75]),
    zeros: rows(["name", "score", "attendance"], ["a", 0, 0], ["b", 0, 100], ["c", 100, 0]),
    order_kept: rows(["name", "score", "attendance"], ["Zed", 20, 80], ["Amy", 90, 50], ["Kim", 50, 80]),
    high_score_low_attendance: rows(["name", "score", "attendance"], ["genius", 99, 30]),
  }));

spec("pricey_in_category",
  "From the product list, return the products in the given category that cost more than 100 (strictly more), as the same records and in the same order. The category must match exactly.",
  obj({ products: arr(obj({ name: TEXT, category: TEXT, price: NONNEG })), category: TEXT }), arr(obj({ name: TEXT, category: TEXT, price: NONNEG })),
  [
    { products: rows(["name", "category", "price"], ["Drill", "tools", 149], ["Hammer", "tools", 25], ["Sofa", "furniture", 899]), category: "tools" },
    { products: rows(["name", "category", "price"], ["Desk", "furniture", 240], ["Stool", "furniture", 60], ["Bed", "furniture", 410]), category: "furniture" },
  ],
  {
    no_products: { products: [], category: "tools" },
    exactly_100: { products: rows(["name", "category", "price"], ["a", "tools", 100], ["b", "tools", 100.01]), category: "tools" },
    category_case_differs: { products: rows(["name", "category", "price"], ["a", "Tools", 500], ["b", "tools", 500]), category: "tools" },
    none_expensive: { products: rows(["name", "category", "price"], ["a", "garden", 10], ["b", "garden", 99.99]), category: "garden" },
    unknown_category: { products: rows(["name", "category", "price"], ["a", "garden", 300]), category: "kitchen" },
    all_qualify: { products: rows(["name", "category", "price"], ["a", "toys", 101], ["b", "toys", 250]), category: "toys" },
    other_category_expensive: { products: rows(["name", "category", "price"], ["tv", "electronics", 999], ["cable", "electronics", 9], ["lamp", "home", 120]), category: "home" },
    empty_category: { products: rows(["name", "category", "price"], ["a", "", 200], ["b", "x", 200]), category: "" },
  });

spec("short_titles",
  "Keep the titles that are at most 20 characters long once whitespace (spaces, tabs) at the start and end is trimmed, and return them trimmed, in order. Titles that are empty after trimming are dropped.",
  obj({ titles: arr(TEXT) }), arr(TEXT),
  [
    { titles: ["Quarterly report", "  Meeting notes ", "Annual general meeting agenda 2026"] },
    { titles: ["Budget", "Customer feedback summary for Q3"] },
  ],
  each("titles", {
    none: [],
    exactly_20: ["12345678901234567890", "123456789012345678901"],
    trimmed_to_fit: ["   twenty characters!   ", " twenty one characters "],
    blank_dropped: ["", "   ", "ok"],
    inner_spaces_count: ["a  b  c  d  e  f  g h", "a b c"],
    all_long: ["This title is definitely too long", "And so is this one, by a mile"],
    tabs_trimmed: ["\tTabbed title\t", "plain"],
    duplicates_kept: ["Memo", "Memo", " Memo"],
  }));

// ---- grouping and keyed results (8) --------------------------------------------------------------

spec("orders_per_status",
  "Count the orders in each status, as an object from status to count. Statuses are used exactly as written. No orders gives {}.",
  obj({ orders: arr(obj({ id: TEXT, status: TEXT })) }), mapOf(COUNT),
  [
    { orders: rows(["id", "status"], ["1", "shipped"], ["2", "pending"], ["3", "shipped"]) },
    { orders: rows(["id", "status"], ["a", "cancelled"], ["b", "delivered"], ["c", "delivered"], ["d", "delivered"]) },
  ],
  each("orders", {
    none: [],
    one: rows(["id", "status"], ["1", "pending"]),
    all_same: rows(["id", "status"], ["1", "new"], ["2", "new"], ["3", "new"]),
    case_kept_apart: rows(["id", "status"], ["1", "Shipped"], ["2", "shipped"]),
    empty_status: rows(["id", "status"], ["1", ""], ["2", "open"], ["3", ""]),
    many: rows(["id", "status"], ["1", "a"], ["2", "b"], ["3", "c"], ["4", "a"], ["5", "c"], ["6", "a"]),
    status_with_spaces: rows(["id", "status"], ["1", "on hold"], ["2", "on hold"]),
    numberlike_status: rows(["id", "status"], ["1", "2"], ["2", "1"], ["3", "2"]),
  }));

spec("revenue_by_region",
  "Revenue per region: for each sale, revenue is units times unit price; add it up by region and return an object from region to revenue, each rounded to 2 decimal places. No sales gives {}.",
  obj({ sales: arr(obj({ region: TEXT, units: COUNT, unit_price: NONNEG })) }), mapOf(NONNEG),
  [
    { sales: rows(["region", "units", "unit_price"], ["north", 10, 2.5], ["south", 4, 10], ["north", 2, 7]) },
    { sales: rows(["region", "units", "unit_price"], ["EU", 3, 19.99], ["US", 1, 45]) },
  ],
  each("sales", {
    none: [],
    one_region: rows(["region", "units", "unit_price"], ["west", 1, 1.1], ["west", 2, 2.2], ["west", 3, 3.3]),
    zero_units: rows(["region", "units", "unit_price"], ["east", 0, 99], ["west", 1, 5]),
    rounding: rows(["region", "units", "unit_price"], ["a", 3, 0.333], ["b", 7, 1.111]),
    case_kept_apart: rows(["region", "units", "unit_price"], ["North", 1, 10], ["north", 1, 20]),
    many: rows(["region", "units", "unit_price"], ["a", 5, 4], ["b", 2, 8.5], ["c", 10, 0.99], ["a", 1, 0.5], ["b", 3, 1]),
    free_items: rows(["region", "units", "unit_price"], ["promo", 50, 0]),
    tenths: rows(["region", "units", "unit_price"], ["x", 1, 0.1], ["x", 1, 0.2]),
  }));

spec("distinct_countries",
  "Which countries did our visitors come from? Return each country once, in the order it first appears, spelled as it was first written but without spaces around it. Two spellings that differ only in upper/lower case or spaces at the start or end are the same country; empty or blank entries are skipped.",
  obj({ visitors: arr(obj({ name: TEXT, country: TEXT })) }), arr(TEXT),
  [
    { visitors: rows(["name", "country"], ["a", "France"], ["b", "Spain"], ["c", "France"]) },
    { visitors: rows(["name", "country"], ["d", "Japan"], ["e", "japan"], ["f", "Peru"], ["g", "Chile"]) },
  ],
  each("visitors", {
    none: [],
    one: rows(["name", "country"], ["a", "Ghana"]),
    case_variants: rows(["name", "country"], ["a", "GERMANY"], ["b", "Germany"], ["c", "germany"]),
    spaces_around: rows(["name", "country"], ["a", " Italy"], ["b", "Italy "], ["c", "Malta"]),
    blank_skipped: rows(["name", "country"], ["a", ""], ["b", "  "], ["c", "Chad"]),
    first_spelling_kept: rows(["name", "country"], ["a", "new zealand"], ["b", "New Zealand"]),
    inner_space_differs: rows(["name", "country"], ["a", "South Africa"], ["b", "SouthAfrica"]),
    all_different: rows(["name", "country"], ["a", "Chad"], ["b", "Mali"], ["c", "Niger"], ["d", "Togo"]),
  }));

spec("duplicate_emails",
  "Find the email addresses that appear more than once in the sign-up list, comparing them ignoring upper/lower case and spaces at the start or end. Return each duplicated address once, in lower case and trimmed, in the order of its first appearance. Blank entries are ignored. No duplicates gives [].",
  obj({ emails: arr(TEXT) }), arr(TEXT),
  [
    { emails: ["ann@x.com", "bo@y.org", "ann@x.com"] },
    { emails: ["Kim@mail.net", "lee@mail.net", "kim@MAIL.net", "lee@mail.net", "max@mail.net"] },
  ],
  each("emails", {
    none: [],
    no_duplicates: ["a@b.c", "d@e.f"],
    triple_listed_once: ["a@b.c", "a@b.c", "a@b.c"],
    spaces_around: [" z@q.io", "z@q.io ", "y@q.io"],
    first_appearance_order: ["late@x.com", "early@x.com", "early@x.com", "late@x.com"],
    case_only: ["ME@SITE.COM", "me@site.com"],
    blank_entries_ignored: ["", "", "  ", "a@b.c"],
    one_entry: ["solo@x.com"],
  }));

spec("headcount_by_team",
  "How many people are in each team? Return an object from team name to number of people. People whose team is empty (or only spaces) are counted under \"unassigned\". Team names are used as written otherwise. Nobody gives {}.",
  obj({ people: arr(obj({ name: TEXT, team: TEXT })) }), mapOf(COUNT),
  [
    { people: rows(["name", "team"], ["Ana", "sales"], ["Bo", "support"], ["Cy", "sales"]) },
    { people: rows(["name", "team"], ["Di", "ops"], ["Ed", ""], ["Fi", "ops"]) },
  ],
  each("people", {
    nobody: [],
    all_unassigned: rows(["name", "team"], ["a", ""], ["b", "  "]),
    one_team: rows(["name", "team"], ["a", "dev"], ["b", "dev"], ["c", "dev"]),
    case_kept_apart: rows(["name", "team"], ["a", "Dev"], ["b", "dev"]),
    team_called_unassigned: rows(["name", "team"], ["a", "unassigned"], ["b", ""]),
    single: rows(["name", "team"], ["a", "finance"]),
    many_teams: rows(["name", "team"], ["a", "x"], ["b", "y"], ["c", "z"], ["d", "y"], ["e", ""], ["f", "x"], ["g", "x"]),
    same_name_twice: rows(["name", "team"], ["sam", "hr"], ["sam", "hr"]),
  }));

spec("latest_price_per_sku",
  "From a log of price changes (sku, price, date as YYYY-MM-DD), return the current price of each sku: an object from sku to the price of its latest change. If a sku has two changes on the same latest date, the one listed later wins. An empty log gives {}.",
  obj({ changes: arr(obj({ sku: TEXT, price: NONNEG, date: ISO_DATE })) }), mapOf(NONNEG),
  [
    { changes: rows(["sku", "price", "date"], ["A1", 9.99, "2026-01-05"], ["B2", 4.5, "2026-01-07"], ["A1", 10.49, "2026-02-01"]) },
    { changes: rows(["sku", "price", "date"], ["X", 120, "2026-03-01"], ["X", 110, "2026-02-01"]) },
  ],
  each("changes", {
    empty: [],
    one_change: rows(["sku", "price", "date"], ["Z9", 3, "2025-12-31"]),
    same_date_later_wins: rows(["sku", "price", "date"], ["A", 5, "2026-04-04"], ["A", 6, "2026-04-04"]),
    log_out_of_order: rows(["sku", "price", "date"], ["A", 3, "2026-06-01"], ["A", 1, "2026-04-01"], ["A", 2, "2026-05-01"]),
    across_years: rows(["sku", "price", "date"], ["A", 50, "2026-12-31"], ["A", 55, "2027-01-01"]),
    price_to_zero: rows(["sku", "price", "date"], ["G", 15, "2026-01-01"], ["G", 0, "2026-01-02"]),
    many_skus: rows(["sku", "price", "date"], ["a", 1, "2026-01-01"], ["b", 2, "2026-01-01"], ["a", 1.5, "2026-01-03"], ["c", 3, "2026-01-02"], ["b", 2.5, "2026-01-02"], ["c", 2.75, "2026-01-01"]),
    case_kept_apart: rows(["sku", "price", "date"], ["ab", 1, "2026-01-01"], ["AB", 2, "2026-01-01"]),
  }));

spec("posts_per_tag",
  "For each tag, how many posts use it? Each post has a list of tags; a tag listed twice on one post counts once for that post. Tags are compared exactly. Return an object from tag to number of posts; no posts gives {}.",
  obj({ posts: arr(obj({ title: TEXT, tags: arr(TEXT) })) }), mapOf(COUNT),
  [
    { posts: [{ title: "Baking bread", tags: ["food", "howto"] }, { title: "Pasta night", tags: ["food"] }] },
    { posts: [{ title: "Trip to Kyoto", tags: ["travel", "japan"] }, { title: "Tokyo food", tags: ["food", "japan"] }, { title: "Packing list", tags: ["travel"] }] },
  ],
  each("posts", {
    none: [],
    untagged_post: [{ title: "a", tags: [] }, { title: "b", tags: ["x"] }],
    repeated_on_one_post: [{ title: "a", tags: ["x", "x", "y"] }, { title: "b", tags: ["x"] }],
    case_kept_apart: [{ title: "a", tags: ["News"] }, { title: "b", tags: ["news"] }],
    all_untagged: [{ title: "a", tags: [] }, { title: "b", tags: [] }],
    one_post_many_tags: [{ title: "a", tags: ["q", "r", "s", "t"] }],
    same_title_twice: [{ title: "dup", tags: ["k"] }, { title: "dup", tags: ["k"] }],
    empty_tag: [{ title: "a", tags: ["", "z"] }, { title: "b", tags: [""] }],
  }));

spec("names_by_initial",
  "Group the names by their first letter: return an object from the first character, in upper case, to the list of names starting with it (names as written, in the given order). Leading spaces are ignored when picking the first character; names that are empty or only spaces are skipped.",
  obj({ names: arr(TEXT) }), mapOf(arr(TEXT)),
  [
    { names: ["Alice", "bob", "Anna", "Carl"] },
    { names: ["zoe", "Yuki", "zack"] },
  ],
  each("names", {
    none: [],
    blank_skipped: ["", "   ", "Eve"],
    leading_space: ["  dora", "Dan"],
    one_name: ["Mia"],
    same_letter_order_kept: ["bea", "Bo", "bill", "Ben"],
    digits_first: ["3M", "7-Eleven", "Apple"],
    duplicates_kept: ["Ivy", "Ivy"],
    many_letters: ["ana", "ben", "cal", "dee", "Ana", "Ben"],
  }));

// ---- sorting and ranking (8) ---------------------------------------------------------------------

spec("names_by_price_low_first",
  "List the product names from cheapest to most expensive. Products with the same price keep their original order.",
  obj({ products: arr(obj({ name: TEXT, price: NONNEG })) }), arr(TEXT),
  [
    { products: rows(["name", "price"], ["Kettle", 34.99], ["Toaster", 24.5], ["Blender", 59]) },
    { products: rows(["name", "price"], ["Fork", 2], ["Plate", 6.5], ["Cup", 3.25], ["Bowl", 5]) },
  ],
  each("products", {
    none: [],
    one: rows(["name", "price"], ["Solo", 1]),
    ties_keep_order: rows(["name", "price"], ["b", 5], ["a", 5], ["c", 1]),
    already_sorted: rows(["name", "price"], ["x", 1], ["y", 2], ["z", 3]),
    reversed: rows(["name", "price"], ["x", 3], ["y", 2], ["z", 1]),
    free_items: rows(["name", "price"], ["paid", 0.01], ["free", 0], ["gift", 0]),
    numeric_not_text_order: rows(["name", "price"], ["ten", 10], ["nine", 9], ["hundred", 100]),
    all_same_price: rows(["name", "price"], ["q", 7], ["r", 7], ["s", 7]),
  }));

spec("staff_by_hire_date",
  "Order the staff by seniority: earliest hire date (YYYY-MM-DD) first. People hired on the same day are ordered by name alphabetically, ignoring upper/lower case. Return the names.",
  obj({ staff: arr(obj({ name: TEXT, hired: ISO_DATE })) }), arr(TEXT),
  [
    { staff: rows(["name", "hired"], ["Priya", "2019-04-01"], ["Jon", "2015-09-14"], ["Mei", "2021-01-11"]) },
    { staff: rows(["name", "hired"], ["Oscar", "2020-02-03"], ["Hana", "2018-07-30"]) },
  ],
  each("staff", {
    none: [],
    one: rows(["name", "hired"], ["Solo", "2000-01-01"]),
    same_day_by_name: rows(["name", "hired"], ["zara", "2022-05-05"], ["Adam", "2022-05-05"], ["mike", "2022-05-05"]),
    same_day_case_ignored: rows(["name", "hired"], ["bob", "2020-01-01"], ["Alice", "2020-01-01"]),
    across_years: rows(["name", "hired"], ["a", "2010-12-31"], ["b", "2011-01-01"], ["c", "2009-06-15"]),
    month_order: rows(["name", "hired"], ["oct", "2020-10-01"], ["feb", "2020-02-01"], ["sep", "2020-09-30"]),
    mixed_ties: rows(["name", "hired"], ["Eve", "2017-03-03"], ["dan", "2016-01-01"], ["Cat", "2017-03-03"], ["ben", "2016-01-01"]),
    identical_entries: rows(["name", "hired"], ["Kim", "2019-09-09"], ["Kim", "2019-09-09"]),
  }));

spec("top_sellers",
  "Who are the top n sellers? Return the names of the n sellers with the highest sales, highest first. Sellers with equal sales keep their original order. If there are fewer than n sellers, return them all (sorted); n = 0 gives [].",
  obj({ sellers: arr(obj({ name: TEXT, sales: NONNEG })), n: COUNT }), arr(TEXT),
  [
    { sellers: rows(["name", "sales"], ["Ann", 5200], ["Ben", 8100], ["Cat", 4300], ["Dev", 6000]), n: 2 },
    { sellers: rows(["name", "sales"], ["Eli", 300], ["Fay", 900], ["Gus", 600]), n: 3 },
  ],
  {
    no_sellers: { sellers: [], n: 3 },
    n_zero: { sellers: rows(["name", "sales"], ["a", 1], ["b", 2]), n: 0 },
    n_larger_than_list: { sellers: rows(["name", "sales"], ["a", 10], ["b", 30], ["c", 20]), n: 10 },
    tie_at_cutoff: { sellers: rows(["name", "sales"], ["a", 50], ["b", 70], ["c", 50], ["d", 10]), n: 2 },
    all_tied: { sellers: rows(["name", "sales"], ["x", 5], ["y", 5], ["z", 5]), n: 2 },
    top_one: { sellers: rows(["name", "sales"], ["a", 100.5], ["b", 100.25], ["c", 99]), n: 1 },
    zero_sales: { sellers: rows(["name", "sales"], ["a", 0], ["b", 0], ["c", 1]), n: 2 },
    exact_length: { sellers: rows(["name", "sales"], ["p", 2], ["q", 1]), n: 2 },
  });

spec("tasks_by_priority_then_due",
  "Sort my tasks: \"high\" priority first, then \"medium\", then \"low\". Within the same priority, the earlier due date (YYYY-MM-DD) comes first; tasks with the same priority and due date keep their original order. Return the titles.",
  obj({ tasks: arr(obj({ title: TEXT, priority: oneOf("high", "medium", "low"), due: ISO_DATE })) }), arr(TEXT),
  [
    { tasks: rows(["title", "priority", "due"], ["Write report", "medium", "2026-03-02"], ["Fix login bug", "high", "2026-03-05"], ["Tidy desk", "low", "2026-03-01"]) },
    { tasks: rows(["title", "priority", "due"], ["Email client", "high", "2026-04-10"], ["Backup server", "high", "2026-04-08"], ["Book flights", "medium", "2026-04-01"]) },
  ],
  each("tasks", {
    none: [],
    one: rows(["title", "priority", "due"], ["only", "low", "2026-01-01"]),
    same_priority_by_date: rows(["title", "priority", "due"], ["c", "low", "2026-05-03"], ["a", "low", "2026-05-01"], ["b", "low", "2026-05-02"]),
    full_tie_keeps_order: rows(["title", "priority", "due"], ["second", "medium", "2026-02-02"], ["first", "medium", "2026-02-02"]),
    priority_beats_date: rows(["title", "priority", "due"], ["low early", "low", "2020-01-01"], ["high late", "high", "2030-01-01"], ["medium mid", "medium", "2025-01-01"]),
    across_years: rows(["title", "priority", "due"], ["next", "high", "2027-01-01"], ["this", "high", "2026-12-31"]),
    reverse_input: rows(["title", "priority", "due"], ["l", "low", "2026-01-01"], ["m", "medium", "2026-01-01"], ["h", "high", "2026-01-01"]),
    mixed: rows(["title", "priority", "due"], ["a", "medium", "2026-06-06"], ["b", "high", "2026-06-07"], ["c", "medium", "2026-06-05"], ["d", "high", "2026-06-07"], ["e", "low", "2026-06-01"]),
  }));

spec("leaderboard_ranks",
  "Build a leaderboard: sort the players by points, highest first, and give each a rank. Players with equal points share the same rank, and the next rank skips accordingly (100, 90, 90, 80 gets ranks 1, 2, 2, 4). Tied players keep their original order. Return a list of {rank, name, points}.",
  obj({ players: arr(obj({ name: TEXT, points: { type: "integer" } })) }), arr(obj({ rank: { type: "integer", minimum: 1 }, name: TEXT, points: { type: "integer" } })),
  [
    { players: rows(["name", "points"], ["Ivy", 320], ["Jay", 410], ["Kai", 150]) },
    { players: rows(["name", "points"], ["Lu", 75], ["Mo", 90], ["Ned", 75], ["Ola", 60]) },
  ],
  each("players", {
    none: [],
    one: rows(["name", "points"], ["solo", 10]),
    all_tied: rows(["name", "points"], ["a", 5], ["b", 5], ["c", 5]),
    tie_at_top: rows(["name", "points"], ["a", 80], ["b", 100], ["c", 100], ["d", 90]),
    skip_after_tie: rows(["name", "points"], ["a", 100], ["b", 90], ["c", 90], ["d", 80]),
    zero_and_negative: rows(["name", "points"], ["a", 0], ["b", -5], ["c", 3]),
    two_ties: rows(["name", "points"], ["a", 1], ["b", 2], ["c", 1], ["d", 2], ["e", 3]),
    already_sorted: rows(["name", "points"], ["x", 30], ["y", 20], ["z", 10]),
  }));

spec("rooms_by_price_per_person",
  "Rank the hotel rooms by price per person (nightly price divided by how many people the room sleeps), cheapest per person first. Rooms with the same price per person keep their original order. Return the room names.",
  obj({ rooms: arr(obj({ name: TEXT, price: NONNEG, sleeps: { type: "integer", minimum: 1 } })) }), arr(TEXT),
  [
    { rooms: rows(["name", "price", "sleeps"], ["Single", 80, 1], ["Double", 120, 2], ["Family", 200, 4]) },
    { rooms: rows(["name", "price", "sleeps"], ["Suite", 300, 3], ["Twin", 110, 2]) },
  ],
  each("rooms", {
    none: [],
    one: rows(["name", "price", "sleeps"], ["only", 99, 2]),
    same_per_person_keeps_order: rows(["name", "price", "sleeps"], ["big", 200, 4], ["small", 50, 1]),
    cheaper_total_not_cheaper_each: rows(["name", "price", "sleeps"], ["cheap single", 60, 1], ["pricey quad", 200, 4]),
    thirds: rows(["name", "price", "sleeps"], ["a", 100, 3], ["b", 33.34, 1], ["c", 33.33, 1]),
    free_room: rows(["name", "price", "sleeps"], ["paid", 10, 5], ["comp", 0, 2]),
    dorm: rows(["name", "price", "sleeps"], ["private", 90, 2], ["dorm", 240, 12], ["double", 70, 2]),
    all_equal: rows(["name", "price", "sleeps"], ["x", 40, 1], ["y", 80, 2], ["z", 120, 3]),
  }));

spec("three_lowest_stock",
  "Which three products are we shortest of? Return the names of the three products with the lowest stock, lowest first; products with equal stock keep their original order. With fewer than three products, return them all in that order.",
  obj({ products: arr(obj({ name: TEXT, stock: COUNT })) }), arr(TEXT),
  [
    { products: rows(["name", "stock"], ["bolts", 340], ["nuts", 12], ["washers", 85], ["screws", 40], ["rivets", 600]) },
    { products: rows(["name", "stock"], ["red", 5], ["blue", 2], ["green", 9], ["white", 7]) },
  ],
  each("products", {
    none: [],
    two_only: rows(["name", "stock"], ["a", 9], ["b", 3]),
    exactly_three: rows(["name", "stock"], ["a", 3], ["b", 1], ["c", 2]),
    tie_at_cutoff: rows(["name", "stock"], ["a", 1], ["b", 5], ["c", 2], ["d", 5], ["e", 9]),
    zeros: rows(["name", "stock"], ["a", 0], ["b", 4], ["c", 0], ["d", 0], ["e", 0]),
    all_tied: rows(["name", "stock"], ["w", 7], ["x", 7], ["y", 7], ["z", 7]),
    one: rows(["name", "stock"], ["only", 10]),
    already_low_first: rows(["name", "stock"], ["p", 1], ["q", 2], ["r", 3], ["s", 4]),
  }));

spec("words_longest_first",
  "Sort the words by length, longest first. Words of the same length go in alphabetical order, ignoring upper/lower case (if they are equal ignoring case, keep their original order).",
  obj({ words: arr(TEXT) }), arr(TEXT),
  [
    { words: ["pear", "banana", "fig", "apple"] },
    { words: ["sun", "moon", "star", "sky"] },
  ],
  each("words", {
    none: [],
    one: ["solo"],
    same_length_alphabetical: ["dog", "cat", "ant"],
    case_ignored_in_ties: ["Bee", "ant", "Cow"],
    equal_ignoring_case_keep_order: ["ABC", "abc", "Abc"],
    empty_word_last: ["", "a", "bb"],
    already_sorted: ["elephant", "horse", "cat"],
    mixed: ["kiwi", "Plum", "grape", "lime", "Melon", "date"],
  }));

// ---- small string reformatting (10) --------------------------------------------------------------

spec("initials_with_dots",
  "Turn a full name into initials with dots: the first letter of each word, in upper case, each followed by a dot, with no spaces (\"john ronald tolkien\" → \"J.R.T.\"). Words are separated by spaces, and extra spaces don't matter. A blank name gives \"\".",
  obj({ name: TEXT }), TEXT,
  [{ name: "Mary Ann Smith" }, { name: "george orwell" }],
  each("name", {
    empty: "",
    blank: "   ",
    one_word: "Plato",
    extra_spaces: "  ada   lovelace  ",
    hyphenated_is_one_word: "Jean-Luc Picard",
    already_upper: "J R R Tolkien",
    four_words: "maria de los angeles",
    apostrophe: "o'brien conan",
  }));

spec("surname_first_upper",
  "Reformat a name for a register: the last word (the surname) in capitals, then a comma and a space, then the other words as written (\"Mary Ann Smith\" → \"SMITH, Mary Ann\"). Extra spaces are dropped. A single word is just put in capitals; a blank name gives \"\".",
  obj({ name: TEXT }), TEXT,
  [{ name: "Ada Lovelace" }, { name: "Mary Ann Smith" }],
  each("name", {
    empty: "",
    blank: "  ",
    one_word: "Cher",
    extra_spaces: "  Alan    Turing ",
    lower_case_kept_for_first: "grace hopper",
    hyphenated_surname: "Ana Garcia-Lopez",
    apostrophe_surname: "Sinead O'Connor",
    three_given_names: "John Paul George Ringo",
  }));

spec("column_key",
  "Turn a spreadsheet column header into a snake_case key: lower case, every run of characters that are not letters a-z or digits becomes a single underscore, and no underscore at the start or end (\"Order Date (UTC)\" → \"order_date_utc\"). A header with no letters or digits gives \"\".",
  obj({ header: TEXT }), TEXT,
  [{ header: "Customer Name" }, { header: "Total (EUR)" }, { header: "Qty / Unit" }],
  each("header", {
    empty: "",
    symbols_only: "--- # ---",
    already_snake: "order_id",
    leading_trailing: "  #Items Sold#  ",
    digits_kept: "Q3 2026 Revenue",
    camel_case_just_lowered: "ShipDate",
    accents_are_not_letters: "Café Name",
    many_separators: "a...b___c  d",
    percent_sign: "Margin %",
  }));

spec("mask_card_number",
  "Mask a card number for a receipt: keep only its digits (drop spaces, dashes and anything else), then replace every digit except the last four with \"*\". If there are four digits or fewer, return the digits unchanged.",
  obj({ card: TEXT }), TEXT,
  [{ card: "4111 1111 1111 1234" }, { card: "5500-0000-0000-0004" }],
  each("card", {
    empty: "",
    four_digits: "1234",
    five_digits: "12345",
    no_separators: "378282246310005",
    mixed_junk: "card: 6011 0009 9013 9424!",
    three_digits: "9 8 7",
    no_digits: "n/a",
    leading_zeros: "0000 0000 0000 0001",
  }));

spec("phone_with_dashes",
  "Write a US phone number as 555-123-4567. Keep only the digits; if there are 11 digits and the first is 1, drop that 1. With exactly 10 digits, write them as 3-3-4 digits joined by dashes. Anything else (too few or too many digits) is returned as just its digits.",
  obj({ phone: TEXT }), TEXT,
  [{ phone: "(555) 123-4567" }, { phone: "+1 212 555 0199" }],
  each("phone", {
    empty: "",
    plain_ten: "4155550123",
    dots: "415.555.0123",
    eleven_not_starting_with_one: "24155550123",
    too_short: "555-0123",
    too_long: "+44 20 7946 0958 12",
    already_dashed: "800-555-0000",
    eleven_with_one: "1-800-555-0000",
    letters_dropped: "tel: 303 555 0142 (home)",
  }));

spec("us_dates_to_iso",
  "Convert a list of US dates written month/day/year (like 3/7/2026 or 03/07/2026, with a four-digit year) to YYYY-MM-DD, padding month and day to two digits. Keep the list order.",
  obj({ dates: arr({ type: "string", pattern: "^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}$" }) }), arr(TEXT),
  [{ dates: ["12/25/2026", "1/5/2027"] }, { dates: ["07/04/2026"] }],
  each("dates", {
    none: [],
    single_digits: ["3/7/2026"],
    already_padded: ["03/07/2026"],
    mixed_padding: ["10/1/2026", "1/10/2026"],
    year_end: ["12/31/1999", "1/1/2000"],
    leap_day: ["2/29/2024"],
    duplicates_kept: ["6/6/2026", "6/6/2026"],
    order_kept: ["9/9/2030", "1/1/2020", "5/5/2025"],
  }));

spec("sentence_case_text",
  "Fix text typed with caps lock: make everything lower case, then capitalise the first letter of the text and the first letter after each \".\", \"!\" or \"?\" (skipping spaces and other non-letters in between). Nothing else changes.",
  obj({ text: TEXT }), TEXT,
  [{ text: "HELLO THERE. HOW ARE YOU?" }, { text: "PLEASE CALL BACK! THANKS" }],
  each("text", {
    empty: "",
    already_fine: "All good. See you.",
    lower_start: "ok. fine",
    no_punctuation: "JUST ONE LONG SHOUT",
    punctuation_then_digits: "ROOM 12. 3 BEDS ARE FREE",
    multiple_marks: "WHAT?! NO WAY",
    newline_between: "FIRST LINE.\nSECOND LINE",
    starts_with_space: "  HI. BYE",
    quote_after_stop: "HE SAID. \"YES\" AND LEFT",
  }));

spec("padded_invoice_code",
  "Make an invoice number from a prefix and a sequence number: the prefix in capitals, a dash, then the number padded with zeros to 6 digits (\"inv\", 42 → \"INV-000042\"). A number that already has more than 6 digits is written in full.",
  obj({ prefix: TEXT, number: COUNT }), TEXT,
  [{ prefix: "inv", number: 42 }, { prefix: "CR", number: 1503 }],
  {
    zero: { prefix: "inv", number: 0 },
    six_digits: { prefix: "inv", number: 123456 },
    seven_digits: { prefix: "inv", number: 1234567 },
    mixed_case_prefix: { prefix: "Po", number: 7 },
    empty_prefix: { prefix: "", number: 12 },
    prefix_with_digits: { prefix: "q2x", number: 99 },
    one: { prefix: "est", number: 1 },
    five_digits: { prefix: "INV", number: 99999 },
  });

spec("site_from_url",
  "Get the site name out of a web address: drop the scheme (everything up to and including \"://\", if there is one), keep what comes before the first \"/\", \"?\" or \"#\", drop a \":port\" at its end, put it in lower case and remove a leading \"www.\". For \"https://www.Shop.com:8080/cart\" that gives \"shop.com\".",
  obj({ url: TEXT }), TEXT,
  [{ url: "https://www.example.com/about" }, { url: "http://blog.Acme.io:3000/posts?id=4" }],
  each("url", {
    empty: "",
    no_scheme: "www.news.org/today",
    bare_host: "localhost",
    port_only: "https://shop.net:443",
    query_no_path: "https://search.io?q=cats",
    fragment: "http://docs.dev#intro",
    www_inside_kept: "https://mywww.site.com/",
    upper_case_www: "HTTP://WWW.BIG.COM/INDEX",
    ftp: "ftp://files.example.org/pub/file.txt",
  }));

spec("amounts_right_aligned",
  "Format a column of amounts for printing: write each with exactly 2 decimal places (rounded), then pad them with spaces on the left so they all have the length of the longest one. Negative amounts keep their minus sign. No amounts gives [].",
  obj({ amounts: arr({ type: "number", minimum: -1e9, maximum: 1e9 }) }), arr(TEXT),
  [{ amounts: [5, 120.5, 33.333] }, { amounts: [1999.99, 0.5] }],
  each("amounts", {
    none: [],
    one: [42],
    all_same_width: [1.1, 2.2, 3.3],
    negative: [-12.5, 100],
    zero: [0, 10],
    rounding: [0.126, 9.994],
    large: [1234567.891, 1],
    negative_widest: [-1000, 5.25],
  }));

// ---- numbers with a stated rule (6) --------------------------------------------------------------

spec("shipping_fee_by_weight",
  "Shipping fee for a parcel by weight in kg: up to and including 1 kg costs 4.99; over 1 kg up to and including 5 kg costs 8.99; over 5 kg up to and including 20 kg costs 14.99; over 20 kg costs 14.99 plus 0.75 for every kilogram or part of a kilogram above 20. Return the fee rounded to 2 decimal places.",
  obj({ weight_kg: { type: "number", minimum: 0, maximum: 10000 } }), NONNEG,
  [{ weight_kg: 0.4 }, { weight_kg: 3.2 }, { weight_kg: 26 }],
  each("weight_kg", {
    zero: 0,
    exactly_1: 1,
    just_over_1: 1.01,
    exactly_5: 5,
    middle_tier: 12,
    exactly_20: 20,
    part_kilo_over_20: 20.2,
    whole_kilos_over_20: 23,
    heavy: 104.5,
  }));

spec("card_payment_fee",
  "What fee does the card processor charge on a payment? 2.9% of the amount plus 0.30, but never less than 0.50. Round to 2 decimal places. A payment of 0 (or a negative refund amount) has no fee: return 0.",
  obj({ amount: NUMBER }), NONNEG,
  [{ amount: 100 }, { amount: 49.99 }],
  each("amount", {
    zero: 0,
    tiny_gets_minimum: 1,
    refund: -20,
    just_under_minimum_area: 6,
    just_above_minimum_area: 7.5,
    large: 12500,
    cents: 0.01,
    typical: 23.4,
  }));

spec("order_quantity_in_packs",
  "Screws come in packs. Given how many screws are needed and the pack size, how many screws do we end up buying? Round the quantity up to a whole number of packs and return the number of screws (packs × pack size). Needing 0 means buying 0.",
  obj({ needed: { type: "integer", minimum: 0, maximum: 1000000000 }, pack_size: { type: "integer", minimum: 1, maximum: 1000000 } }), COUNT,
  [{ needed: 130, pack_size: 50 }, { needed: 24, pack_size: 10 }],
  {
    zero_needed: { needed: 0, pack_size: 25 },
    exact_multiple: { needed: 200, pack_size: 50 },
    one_more_than_multiple: { needed: 201, pack_size: 50 },
    pack_of_one: { needed: 37, pack_size: 1 },
    fewer_than_a_pack: { needed: 3, pack_size: 100 },
    equal_to_pack: { needed: 12, pack_size: 12 },
    large: { needed: 999999, pack_size: 1000 },
    one_needed: { needed: 1, pack_size: 6 },
  });

spec("height_to_cm",
  "Convert a height given in feet and inches to centimetres, rounded to the nearest whole centimetre.",
  obj({ feet: { type: "integer", minimum: 0, maximum: 10 }, inches: { type: "number", minimum: 0, maximum: 1000 } }), NONNEG,
  [{ feet: 5, inches: 10 }, { feet: 6, inches: 2 }],
  {
    zero: { feet: 0, inches: 0 },
    feet_only: { feet: 6, inches: 0 },
    inches_only: { feet: 0, inches: 30 },
    quarter_inch: { feet: 5, inches: 4.25 },
    short: { feet: 4, inches: 11 },
    tall: { feet: 7, inches: 1 },
    twelve_inches: { feet: 5, inches: 12 },
    one_inch: { feet: 0, inches: 1 },
  });

spec("income_tax_bands",
  "Income tax on a yearly income, in bands: the first 12,000 is tax-free; the part from 12,000 up to 50,000 is taxed at 20%; everything above 50,000 is taxed at 40%. Return the tax rounded to 2 decimal places. Zero or negative income pays 0.",
  obj({ income: NUMBER }), NONNEG,
  [{ income: 30000 }, { income: 64000 }],
  each("income", {
    zero: 0,
    negative: -5000,
    below_allowance: 11999,
    exactly_allowance: 12000,
    just_above_allowance: 12001,
    exactly_50000: 50000,
    just_above_50000: 50000.5,
    high: 150000,
    pennies: 25000.37,
  }));

spec("equipment_late_fee",
  "Late fee for rented equipment returned after its due date: up to 2 days late there is no fee. From 3 days late on, the fee is 4.00 for every day late, counting the first two days too (3 days late costs 12.00), but never more than the item's replacement cost. Return the fee rounded to 2 decimal places.",
  obj({ days_late: { type: "integer", minimum: 0, maximum: 100000 }, replacement_cost: NONNEG }), NONNEG,
  [{ days_late: 5, replacement_cost: 250 }, { days_late: 1, replacement_cost: 80 }],
  {
    on_time: { days_late: 0, replacement_cost: 100 },
    exactly_2: { days_late: 2, replacement_cost: 100 },
    exactly_3: { days_late: 3, replacement_cost: 100 },
    capped: { days_late: 30, replacement_cost: 99.99 },
    cap_equal_to_fee: { days_late: 10, replacement_cost: 40 },
    cheap_item: { days_late: 4, replacement_cost: 9.5 },
    free_item: { days_late: 8, replacement_cost: 0 },
    long_but_expensive: { days_late: 60, replacement_cost: 1500 },
  });

// ---- two-step compositions (4) -------------------------------------------------------------------

spec("top_customer_by_spend",
  "Which customer spent the most in total? Add up the order amounts per customer (customer names compared exactly) and return the customer with the biggest total. If two customers tie, return the one whose first order comes earlier in the list. No orders gives null.",
  obj({ orders: arr(obj({ customer: TEXT, amount: NONNEG })) }), orNull(TEXT),
  [
    { orders: rows(["customer", "amount"], ["acme", 120], ["globex", 300], ["acme", 250]) },
    { orders: rows(["customer", "amount"], ["ivy", 40], ["jon", 15.5], ["kim", 22], ["jon", 30]) },
  ],
  each("orders", {
    none: [],
    one: rows(["customer", "amount"], ["solo", 5]),
    tie_first_seen_wins: rows(["customer", "amount"], ["b", 10], ["a", 20], ["b", 10]),
    many_small_beat_one_big: rows(["customer", "amount"], ["big", 100], ["small", 40], ["small", 40], ["small", 40]),
    single_biggest_order_not_enough: rows(["customer", "amount"], ["x", 90], ["y", 60], ["y", 60]),
    case_kept_apart: rows(["customer", "amount"], ["Ann", 50], ["ann", 30], ["Bob", 60], ["ann", 40]),
    all_zero: rows(["customer", "amount"], ["p", 0], ["q", 0]),
    decimals: rows(["customer", "amount"], ["a", 0.1], ["a", 0.2], ["b", 0.3]),
  }));

spec("categories_over_budget",
  "Which spending categories went over budget? Add up the expenses per category and compare each total with that category's budget; return, in alphabetical order, the categories whose total is more than their budget (spending exactly the budget is fine). Categories with no budget given are ignored.",
  obj({ expenses: arr(obj({ category: TEXT, amount: NONNEG })), budgets: mapOf(NONNEG) }), arr(TEXT),
  [
    { expenses: rows(["category", "amount"], ["travel", 400], ["food", 120], ["travel", 250]), budgets: { travel: 500, food: 200 } },
    { expenses: rows(["category", "amount"], ["software", 99], ["hardware", 1500], ["office", 80]), budgets: { software: 50, hardware: 1000, office: 100 } },
  ],
  {
    no_expenses: { expenses: [], budgets: { travel: 100 } },
    exactly_on_budget: { expenses: rows(["category", "amount"], ["food", 60], ["food", 40]), budgets: { food: 100 } },
    no_budget_ignored: { expenses: rows(["category", "amount"], ["gifts", 9999], ["food", 10]), budgets: { food: 5 } },
    zero_budget: { expenses: rows(["category", "amount"], ["fun", 0.01], ["rent", 0]), budgets: { fun: 0, rent: 0 } },
    alphabetical: { expenses: rows(["category", "amount"], ["zoo", 10], ["art", 10], ["mid", 10]), budgets: { zoo: 1, art: 1, mid: 1 } },
    budget_without_spending: { expenses: rows(["category", "amount"], ["a", 5]), budgets: { a: 10, b: 0 } },
    cents_over: { expenses: rows(["category", "amount"], ["x", 33.33], ["x", 33.33], ["x", 33.35]), budgets: { x: 100 } },
    no_budgets: { expenses: rows(["category", "amount"], ["a", 1]), budgets: {} },
  });

spec("inactive_user_emails",
  "Who hasn't logged in since the cutoff date? Take the users whose last login (YYYY-MM-DD) is before the cutoff — a login on the cutoff day itself counts as active — and return their email addresses in lower case, sorted alphabetically, each once.",
  obj({ users: arr(obj({ email: TEXT, last_login: ISO_DATE })), cutoff: ISO_DATE }), arr(TEXT),
  [
    { users: rows(["email", "last_login"], ["Zoe@corp.com", "2026-01-10"], ["adam@corp.com", "2025-11-02"], ["Liu@corp.com", "2025-12-20"]), cutoff: "2026-01-01" },
    { users: rows(["email", "last_login"], ["sam@site.org", "2026-05-01"], ["kai@site.org", "2026-04-30"]), cutoff: "2026-05-01" },
  ],
  {
    no_users: { users: [], cutoff: "2026-01-01" },
    login_on_cutoff_active: { users: rows(["email", "last_login"], ["a@x.com", "2026-03-03"], ["b@x.com", "2026-03-02"]), cutoff: "2026-03-03" },
    all_active: { users: rows(["email", "last_login"], ["a@x.com", "2026-09-01"], ["b@x.com", "2026-10-01"]), cutoff: "2026-08-01" },
    sorted_after_lowering: { users: rows(["email", "last_login"], ["Bea@x.com", "2020-01-01"], ["adam@x.com", "2020-01-01"], ["CARL@x.com", "2020-01-01"]), cutoff: "2021-01-01" },
    same_email_twice: { users: rows(["email", "last_login"], ["dup@x.com", "2019-01-01"], ["DUP@x.com", "2019-02-01"]), cutoff: "2020-01-01" },
    across_year_end: { users: rows(["email", "last_login"], ["a@x.com", "2025-12-31"], ["b@x.com", "2026-01-01"]), cutoff: "2026-01-01" },
    one_inactive: { users: rows(["email", "last_login"], ["only@x.com", "2024-02-29"]), cutoff: "2024-03-01" },
    numbers_before_letters: { users: rows(["email", "last_login"], ["zed@x.com", "2020-01-01"], ["007@x.com", "2020-01-01"]), cutoff: "2022-06-15" },
  });

spec("team_average_ranking",
  "Rank the teams by their average score: group the scores by team, average each team's scores rounded to 1 decimal place, and return a list of {team, average} sorted by average, highest first. Teams with the same rounded average go in alphabetical order of team name. No scores gives [].",
  obj({ scores: arr(obj({ team: TEXT, score: { type: "number", minimum: 0, maximum: 100 } })) }), arr(obj({ team: TEXT, average: NONNEG })),
  [
    { scores: rows(["team", "score"], ["red", 80], ["blue", 70], ["red", 90], ["blue", 95]) },
    { scores: rows(["team", "score"], ["alpha", 61], ["beta", 77], ["gamma", 58], ["alpha", 66]) },
  ],
  each("scores", {
    none: [],
    one_team: rows(["team", "score"], ["solo", 50], ["solo", 60], ["solo", 61]),
    tie_alphabetical: rows(["team", "score"], ["zeta", 70], ["alpha", 60], ["alpha", 80]),
    rounded_tie: rows(["team", "score"], ["b", 70.01], ["a", 70.02]),
    thirds: rows(["team", "score"], ["x", 10], ["x", 10], ["x", 11], ["y", 10.2]),
    zero_scores: rows(["team", "score"], ["a", 0], ["b", 0], ["b", 1]),
    case_kept_apart: rows(["team", "score"], ["Red", 50], ["red", 60]),
    many: rows(["team", "score"], ["a", 88], ["b", 92], ["c", 75], ["a", 91], ["b", 84], ["c", 99], ["d", 40]),
  }));
