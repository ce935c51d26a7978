/**
 * The attacks on round 29a (attack-round29.test.ts runs them): numbers written in other formats
 * beside a description's bounds. Separators written.ts does not know (an apostrophe, a no-break or
 * thin space), a currency sign or word before a doubtful number, a doubtful number that is a rate or
 * an answer rather than a bound, several doubtful bounds, a doubtful bound held, guarding the answer
 * itself, or under a certain one; examples that settle a reading yet leave the guard out; and the
 * ranges whose examples the search now leaves to the guard. Specs invented here, none copied from a
 * set under tests/fixtures/specs.
 */
import type { Attack } from "./attack-round28-variants.ts";

const NUMBER_OR_NULL = { anyOf: [{ type: "number" }, { type: "null" }] };
const over = (x: number, n: number): number => Math.max(0, x - n);

// ---------------------------------------------------------------------------------------------
// Separators other than ",", "." and " ": the apostrophe (Swiss), no-break and thin spaces (French).
// ---------------------------------------------------------------------------------------------

export const SEPARATORS: Record<string, Attack> = {
  // "1'000" is a thousand (Swiss): "over 1" would be refuted by the examples and dropped.
  apostropheThousands: {
    name: "bulk_shipping",
    description: "Shipping: 5 + 0.01 × weight; null when the weight is over 1'000.",
    examples: [[{ weight: 200 }, 7], [{ weight: 500 }, 10]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.weight > 1000 ? null : 5 + 0.01 * i.weight),
    probes: [{ weight: 1500 }, { weight: 1000 }, { weight: 800 }],
  },
  // "10’000" with a typographic apostrophe: the guard must not be "below 10".
  typographicApostrophe: {
    name: "value_levy",
    description: "Levy: 0 when the value is below 10’000, else 0.01 × value.",
    examples: [[{ value: 20000 }, 200], [{ value: 50000 }, 500]],
    person: (i) => (i.value < 10000 ? 0 : 0.01 * i.value),
    probes: [{ value: 5000 }, { value: 10000 }, { value: 30000 }],
  },
  // "100 000" with a no-break space (U+00A0): a hundred thousand, or 100 beside 000; never "over 100" for certain.
  noBreakSpace: {
    name: "small_tax",
    description: "Tax: income ÷ 5; null for an income over 100\u00a0000.",
    examples: [[{ income: 50 }, 10], [{ income: 80 }, 16]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.income > 100000 ? null : i.income / 5),
    probes: [{ income: 500 }, { income: 200000 }, { income: 100000 }],
  },
  // "250 000" with a narrow no-break space (U+202F, French typography).
  narrowNoBreakSpace: {
    name: "stamp_duty",
    description: "Stamp duty: 0 when the price is below 250\u202f000, else price × 0.03.",
    examples: [[{ price: 300000 }, 9000], [{ price: 500000 }, 15000]],
    person: (i) => (i.price < 250000 ? 0 : i.price * 0.03),
    probes: [{ price: 100000 }, { price: 250000 }, { price: 400000 }],
  },
  // "5 000" with a thin space (U+2009).
  thinSpace: {
    name: "transfer_fee",
    description: "Fee: 0.02 × amount; null when the amount is above 5\u2009000.",
    examples: [[{ amount: 100 }, 2], [{ amount: 2000 }, 40]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.amount > 5000 ? null : 0.02 * i.amount),
    probes: [{ amount: 6000 }, { amount: 5000 }, { amount: 4000 }],
  },
  // "1 000,50": a space groups the thousands and the comma is the decimal mark, certain: a plain task.
  spaceThousandsCommaDecimal: {
    name: "free_delivery",
    description: "Delivery: 0 when the basket is above 1 000,50, else 7.",
    examples: [[{ basket: 500 }, 7], [{ basket: 2000 }, 0]],
    person: (i) => (i.basket > 1000.5 ? 0 : 7),
    probes: [{ basket: 1000.5 }, { basket: 1000.75 }, { basket: 900 }],
    simple: true,
  },
  // "1.000,5": a dot groups the thousands and the comma is the decimal mark, certain.
  dotThousandsCommaDecimal: {
    name: "energy_levy",
    description: "Energy levy: 0.1 × kwh, plus 0.05 for each kWh above 1.000,5.",
    examples: [[{ kwh: 100 }, 10], [{ kwh: 500 }, 50]],
    person: (i) => 0.1 * i.kwh + 0.05 * over(i.kwh, 1000.5),
    probes: [{ kwh: 1500 }, { kwh: 1000 }, { kwh: 200 }],
  },
  // "1 000 000" with spaces: two groups, but a space may still part two numbers; read as the examples settle or asked.
  spaceMillion: {
    name: "wealth_levy",
    description: "Levy: 0 when the value is below 1 000 000, else 0.01 × value.",
    examples: [[{ value: 2000000 }, 20000], [{ value: 3000000 }, 30000]],
    person: (i) => (i.value < 1000000 ? 0 : 0.01 * i.value),
    probes: [{ value: 500000 }, { value: 1000000 }, { value: 4000000 }],
  },
  // "1,00,000" (Indian grouping, a lakh): groups of two after the first comma.
  indianLakh: {
    name: "income_cess",
    description: "Cess: 0.02 × income; null when the income is above 1,00,000.",
    examples: [[{ income: 40000 }, 800], [{ income: 90000 }, 1800]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.income > 100000 ? null : 0.02 * i.income),
    probes: [{ income: 150000 }, { income: 100000 }, { income: 60000 }],
  },
  // "10k": a thousand's shorthand; "over 10" would be refuted and dropped.
  kiloShorthand: {
    name: "card_fee",
    description: "Card fee: 0.01 × amount; null when the amount is over 10k.",
    examples: [[{ amount: 2000 }, 20], [{ amount: 5000 }, 50]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.amount > 10000 ? null : 0.01 * i.amount),
    probes: [{ amount: 15000 }, { amount: 10000 }, { amount: 8000 }],
  },
  // "2 million" in words after the digits.
  millionWord: {
    name: "estate_levy",
    description: "Estate levy: 0.01 × estate; null when the estate is above 2 million.",
    examples: [[{ estate: 300000 }, 3000], [{ estate: 900000 }, 9000]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.estate > 2000000 ? null : 0.01 * i.estate),
    probes: [{ estate: 3000000 }, { estate: 2000000 }, { estate: 1500000 }],
  },
};

// ---------------------------------------------------------------------------------------------
// A currency or a percent beside a doubtful number.
// ---------------------------------------------------------------------------------------------

export const UNITS: Record<string, Attack> = {
  // "€1.000": the sign between "above" and the number must not hide the statement.
  euroSignBefore: {
    name: "free_delivery",
    description: "Delivery: 0 when the basket is above €1.000, else 9.",
    examples: [[{ basket: 3000 }, 0], [{ basket: 5000 }, 0]],
    person: (i) => (i.basket > 1000 ? 0 : 9),
    probes: [{ basket: 500 }, { basket: 1500 }],
  },
  // "$2,000": the dollar sign before a doubtful bound.
  dollarSignBefore: {
    name: "sales_bonus",
    description: "Bonus: 0.1 × sales; 0 when the sales are under $2,000.",
    examples: [[{ sales: 5000 }, 500], [{ sales: 3000 }, 300]],
    person: (i) => (i.sales < 2000 ? 0 : 0.1 * i.sales),
    probes: [{ sales: 1000 }, { sales: 2000 }, { sales: 2500 }],
  },
  // "EUR 1.000": the currency written as a word before the number.
  euroWordBefore: {
    name: "order_discount",
    description: "Discount: 0 when the order total is below EUR 1.000, else 0.05 × total.",
    examples: [[{ total: 2000 }, 100], [{ total: 4000 }, 200]],
    person: (i) => (i.total < 1000 ? 0 : 0.05 * i.total),
    probes: [{ total: 500 }, { total: 1000 }, { total: 3000 }],
  },
  // "1.000 €": the sign after the number.
  euroSignAfter: {
    name: "order_discount",
    description: "Discount: 0 when the order total is below 1.000 €, else 0.05 × total.",
    examples: [[{ total: 2000 }, 100], [{ total: 4000 }, 200]],
    person: (i) => (i.total < 1000 ? 0 : 0.05 * i.total),
    probes: [{ total: 500 }, { total: 1000 }, { total: 3000 }],
  },
  // "1,5 %": a decimal comma before a percent sign, as a bound.
  percentCommaBound: {
    name: "error_penalty",
    description: "Penalty: 10 × rate; 0 when the rate is below 1,5 %.",
    examples: [[{ rate: 3 }, 30], [{ rate: 4 }, 40]],
    person: (i) => (i.rate < 1.5 ? 0 : 10 * i.rate),
    probes: [{ rate: 1 }, { rate: 1.5 }, { rate: 2 }],
  },
  // "1,5 %" as a factor, a plain task.
  percentCommaFactor: {
    name: "yearly_interest",
    description: "Interest: balance × 1,5 %.",
    examples: [[{ balance: 1000 }, 15], [{ balance: 2000 }, 30]],
    person: (i) => i.balance * 0.015,
    probes: [{ balance: 500 }, { balance: 0 }],
    simple: true,
  },
};

// ---------------------------------------------------------------------------------------------
// A doubtful number that is no bound: a rate, an amount, an answer, a factor, a formula's constant.
// ---------------------------------------------------------------------------------------------

export const NOT_BOUNDS: Record<string, Attack> = {
  // "1.500 for each kg": 1.5 or 1500 per kg, either way not nothing past 30 kg.
  doubtfulRate: {
    name: "overweight_charge",
    description: "Overweight charge: 8, plus 1.500 for each kg above 30.",
    examples: [[{ kg: 10 }, 8], [{ kg: 25 }, 8]],
    person: (i) => 8 + 1.5 * over(i.kg, 30),
    probes: [{ kg: 32 }, { kg: 30 }, { kg: 40 }],
  },
  // "1.000 when …": the answer is doubtful, the bound is not; either reading is no 10 × sales past 500.
  doubtfulAnswer: {
    name: "sales_reward",
    description: "Reward: 10 × sales; 1.000 when the sales are above 500.",
    examples: [[{ sales: 20 }, 200], [{ sales: 40 }, 400]],
    person: (i) => (i.sales > 500 ? 1000 : 10 * i.sales),
    probes: [{ sales: 600 }, { sales: 500 }, { sales: 30 }],
  },
  // "plus 2,500 when …": a doubtful amount added above a certain bound.
  doubtfulAmount: {
    name: "heavy_surcharge",
    description: "Freight: 2 × kg, plus 2,500 when the kg are over 50.",
    examples: [[{ kg: 10 }, 20], [{ kg: 20 }, 40]],
    person: (i) => 2 * i.kg + (i.kg > 50 ? 2500 : 0),
    probes: [{ kg: 60 }, { kg: 50 }, { kg: 5 }],
  },
  // "1.500 × units": the examples settle the factor, a plain task.
  doubtfulFactor: {
    name: "unit_fee",
    description: "Fee: 1.500 × units.",
    examples: [[{ units: 2 }, 3], [{ units: 4 }, 6]],
    person: (i) => 1.5 * i.units,
    probes: [{ units: 10 }, { units: 0 }],
    simple: true,
  },
  // "12.000" as a formula's constant and as a bound: the examples settle the formula, a question the bound.
  doubtfulOffset: {
    name: "income_tax",
    description: "Tax: 0.2 × (income − 12.000); 0 when the income is below 12.000.",
    examples: [[{ income: 20000 }, 1600], [{ income: 30000 }, 3600]],
    person: (i) => (i.income < 12000 ? 0 : 0.2 * (i.income - 12000)),
    probes: [{ income: 6000 }, { income: 12000 }, { income: 15000 }],
  },
  // "1,000" as a written formula's constant: the examples settle it, a plain task.
  commaInFormula: {
    name: "excess_fee",
    description: "Fee: 0.1 × (amount − 1,000).",
    examples: [[{ amount: 3000 }, 200], [{ amount: 5000 }, 400]],
    person: (i) => 0.1 * (i.amount - 1000),
    probes: [{ amount: 1000 }, { amount: 2500 }],
    simple: true,
  },
  // A rate past a doubtful bound: the person's answer between the readings settles it, a plain task.
  rateAboveDoubtful: {
    name: "water_bill",
    description: "Water bill: 2 × m3, plus 1 for each m3 above 1,000.",
    examples: [[{ m3: 200 }, 400], [{ m3: 500 }, 1000]],
    person: (i) => 2 * i.m3 + over(i.m3, 1000),
    probes: [{ m3: 1500 }, { m3: 1000 }, { m3: 800 }],
    simple: true,
  },
  // An amount added past a doubtful bound, a plain task.
  amountAboveDoubtful: {
    name: "bulk_surcharge",
    description: "Freight: 3 × pallets, plus 50 when the pallets are over 1,000.",
    examples: [[{ pallets: 10 }, 30], [{ pallets: 400 }, 1200]],
    person: (i) => 3 * i.pallets + (i.pallets > 1000 ? 50 : 0),
    probes: [{ pallets: 1500 }, { pallets: 1000 }, { pallets: 700 }],
    simple: true,
  },
};

// ---------------------------------------------------------------------------------------------
// Several doubtful bounds; a doubtful bound held, on the answer itself, or under a certain one.
// ---------------------------------------------------------------------------------------------

export const SEVERAL: Record<string, Attack> = {
  // Two doubtful bounds on one field: each asked about or settled.
  twoDoubtful: {
    name: "order_fee",
    description: "Fee: 0.05 × total; 0 when the total is below 1.000; null when the total is above 50.000.",
    examples: [[{ total: 2000 }, 100], [{ total: 4000 }, 200]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.total < 1000 ? 0 : i.total > 50000 ? null : 0.05 * i.total),
    probes: [{ total: 500 }, { total: 60000 }, { total: 10000 }],
  },
  // A certain bound above the doubtful one settles every input between its readings: no question
  // is allowed there, so nothing ever settles "1.000".
  certainCoversDoubtful: {
    name: "min_shipping",
    description: "Shipping: 0.01 × total; 5 when the total is below 5000; 8 when the total is below 1.000.",
    examples: [[{ total: 6000 }, 60], [{ total: 8000 }, 80]],
    person: (i) => (i.total < 1000 ? 8 : i.total < 5000 ? 5 : 0.01 * i.total),
    probes: [{ total: 500 }, { total: 3000 }, { total: 7000 }],
  },
  // A field held between 0 and a doubtful bound.
  heldDoubtful: {
    name: "heater_power",
    description: "Heater power: 5 × setting; the setting is held between 0 and 1,000.",
    examples: [[{ setting: 100 }, 500], [{ setting: 400 }, 2000]],
    person: (i) => 5 * Math.min(1000, Math.max(0, i.setting)),
    probes: [{ setting: 1500 }, { setting: -5 }, { setting: 700 }],
  },
  // A doubtful bound on the answer itself ("the net pay"): no field to ask about.
  answerNamedDoubtful: {
    name: "net_pay",
    description: "Net pay: gross − tax; 0 when the net pay is below 1.000.",
    examples: [[{ gross: 3000, tax: 500 }, 2500], [{ gross: 5000, tax: 1000 }, 4000]],
    person: (i) => (i.gross - i.tax < 1000 ? 0 : i.gross - i.tax),
    probes: [{ gross: 1200, tax: 500 }, { gross: 3000, tax: 1000 }],
  },
};

// ---------------------------------------------------------------------------------------------
// Examples on one reading, or between the readings with both answers.
// ---------------------------------------------------------------------------------------------

export const ON_READING: Record<string, Attack> = {
  // Between the readings one example gives the stated 0 by the formula and one does not: "1000"
  // is refuted, "1" (a kilo to the gram) stands, and its guard must not be dropped.
  formulaGivesAnswer: {
    name: "winch_load",
    description: "Load: 4 × (weight − 2); 0 when the weight is below 1.000 kg.",
    examples: [[{ weight: 2 }, 0], [{ weight: 3 }, 4], [{ weight: 5 }, 12]],
    person: (i) => (i.weight < 1 ? 0 : 4 * (i.weight - 2)),
    probes: [{ weight: 0.5 }, { weight: 1.5 }, { weight: 4 }],
  },
  // The same again, "2.000" points to the thousandth: the example at 4 scores the stated 0 by the
  // formula, the one at 6 does not, so "2000" is refuted and "2" stands.
  formulaGivesAnswerPoints: {
    name: "judge_score",
    description: "Score: 3 × (points − 4); 0 when the points are below 2.000.",
    examples: [[{ points: 4 }, 0], [{ points: 6 }, 6], [{ points: 10 }, 18]],
    person: (i) => (i.points < 2 ? 0 : 3 * (i.points - 4)),
    probes: [{ points: 1 }, { points: 3 }, { points: 8 }],
  },
  // The one example between the readings scores 0 by the formula too: it settles nothing (both
  // readings answer it 0), yet it is counted for "2000", and nothing between 4 and 2000 is asked.
  coincidenceVotesWider: {
    name: "judge_score",
    description: "Score: 3 × (points − 4); 0 when the points are below 2.000.",
    examples: [[{ points: 4 }, 0], [{ points: 2500 }, 7488], [{ points: 3000 }, 8988]],
    person: (i) => (i.points < 2 ? 0 : 3 * (i.points - 4)),
    probes: [{ points: 100 }, { points: 1 }, { points: 1500 }],
  },
  // An example on the bound of the larger reading ("over 1,000" and 1000 not null) settles it.
  exampleOnBound: {
    name: "bulk_shipping",
    description: "Shipping: 5 + 0.01 × weight; null when the weight is over 1,000.",
    examples: [[{ weight: 200 }, 7], [{ weight: 1000 }, 15]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.weight > 1000 ? null : 5 + 0.01 * i.weight),
    probes: [{ weight: 1001 }, { weight: 1500 }, { weight: 500 }],
    simple: true,
  },
  // An example at the larger reading's bound of an exclusive "below": in neither range, so asked.
  exampleOnExclusiveBound: {
    name: "order_discount",
    description: "Discount: 0.05 × total; 0 when the total is below 1.000.",
    examples: [[{ total: 1000 }, 50], [{ total: 3000 }, 150]],
    person: (i) => (i.total < 1000 ? 0 : 0.05 * i.total),
    probes: [{ total: 999 }, { total: 500 }, { total: 2000 }],
  },
  // An example between the readings gives the stated answer: "1.000" is a thousand.
  exampleBetween: {
    name: "order_discount",
    description: "Discount: 0 when the order total is below 1.000, else 0.05 × total.",
    examples: [[{ total: 500 }, 0], [{ total: 2000 }, 100]],
    person: (i) => (i.total < 1000 ? 0 : 0.05 * i.total),
    probes: [{ total: 800 }, { total: 1000 }, { total: 3000 }],
    simple: true,
  },
};
