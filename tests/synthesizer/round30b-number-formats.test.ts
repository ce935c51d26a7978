/**
 * Round 30b: numbers written as people write them, beside a description's bounds (written-numbers.ts,
 * number-marks.ts). Thousands grouped with an apostrophe ("2'500", "1’200"), a no-break, narrow
 * no-break or thin space; Indian grouping ("10,00,000"); a k or M after the digits ("50K", "2.5M",
 * but "5km" and "3kg" are units); a currency sign or code before or after the number; a percent with
 * a decimal comma as a factor; a doubtful bound on the answer itself. Hostile ones too: a field named
 * k, a version or a phone number in prose. Specs invented here (written before the rule), none
 * copied from a set under tests/fixtures/specs. A `simple` spec must be published within six
 * answers; every other one may ask or give up, never publish wrong. R30B_TRACE=1 prints what was asked.
 * Before the round: 12 of the 26 specs and 1 of the 5 reading checks passed; after: all 31 (the
 * doubtful bounds on the answer are asked about, or nothing is published, never published unguarded).
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { writtenReadings } from "../../src/agents/synthesizer/written-numbers.ts";
import { ANSWERED_MS } from "./answered.ts";
import { keepsStatedPromise } from "./stated-attacks.ts";
import type { Attack } from "./attack-round28-variants.ts";

const backend = createExampleBackend();
const NUMBER_OR_NULL = { anyOf: [{ type: "number" }, { type: "null" }] };

const SEPARATORS: Record<string, Attack> = {
  swissApostropheBelow: {
    name: "spend_rebate",
    description: "Rebate: 0 when the spend is below 2'500, else 0.04 × spend.",
    examples: [[{ spend: 3000 }, 120], [{ spend: 6000 }, 240]],
    person: (i) => (i.spend < 2500 ? 0 : 0.04 * i.spend),
    probes: [{ spend: 1000 }, { spend: 2500 }, { spend: 2400 }],
    simple: true,
  },
  typographicApostropheOver: {
    name: "speed_fine",
    description: "Fine: 3 × speed; null when the speed is over 1’200.",
    examples: [[{ speed: 100 }, 300], [{ speed: 500 }, 1500]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.speed > 1200 ? null : 3 * i.speed),
    probes: [{ speed: 1300 }, { speed: 1200 }, { speed: 800 }],
    simple: true,
  },
  noBreakSpaceAtMost: {
    name: "salary_levy",
    description: "Levy: 0 when the salary is at most 30\u00a0000, else 0.1 × salary.",
    examples: [[{ salary: 40000 }, 4000], [{ salary: 60000 }, 6000]],
    person: (i) => (i.salary <= 30000 ? 0 : 0.1 * i.salary),
    probes: [{ salary: 20000 }, { salary: 30000 }, { salary: 35000 }],
    simple: true,
  },
  narrowNoBreakMillion: {
    name: "sum_premium",
    description: "Premium: 0.002 × sum; null when the sum is above 2\u202f000\u202f000.",
    examples: [[{ sum: 100000 }, 200], [{ sum: 500000 }, 1000]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.sum > 2000000 ? null : 0.002 * i.sum),
    probes: [{ sum: 3000000 }, { sum: 2000000 }, { sum: 1500000 }],
    simple: true,
  },
  thinSpaceUnder: {
    name: "bulk_discount",
    description: "Price: 0 when the quantity is under 1\u2009500, else 2 × quantity.",
    examples: [[{ quantity: 2000 }, 4000], [{ quantity: 3000 }, 6000]],
    person: (i) => (i.quantity < 1500 ? 0 : 2 * i.quantity),
    probes: [{ quantity: 1000 }, { quantity: 1500 }, { quantity: 1400 }],
    simple: true,
  },
  indianTenLakh: {
    name: "turnover_surcharge",
    description: "Surcharge: 0.05 × turnover; null when the turnover is above 10,00,000.",
    examples: [[{ turnover: 200000 }, 10000], [{ turnover: 500000 }, 25000]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.turnover > 1000000 ? null : 0.05 * i.turnover),
    probes: [{ turnover: 1200000 }, { turnover: 1000000 }, { turnover: 900000 }],
    simple: true,
  },
  indianCrore: {
    name: "wealth_tax",
    description: "Wealth tax: 0 when the wealth is below 1,00,00,000, else 0.01 × wealth.",
    examples: [[{ wealth: 200000000 }, 2000000], [{ wealth: 300000000 }, 3000000]],
    person: (i) => (i.wealth < 10000000 ? 0 : 0.01 * i.wealth),
    probes: [{ wealth: 5000000 }, { wealth: 10000000 }, { wealth: 20000000 }],
    simple: true,
  },
};

const SUFFIXES: Record<string, Attack> = {
  kiloUpper: {
    name: "revenue_bonus",
    description: "Bonus: 0 when the revenue is below 50K, else 0.02 × revenue.",
    examples: [[{ revenue: 60000 }, 1200], [{ revenue: 100000 }, 2000]],
    person: (i) => (i.revenue < 50000 ? 0 : 0.02 * i.revenue),
    probes: [{ revenue: 40000 }, { revenue: 50000 }, { revenue: 55000 }],
    simple: true,
  },
  megaDecimal: {
    name: "project_grant",
    description: "Grant: 0.1 × cost; null when the cost is over 2.5M.",
    examples: [[{ cost: 1000000 }, 100000], [{ cost: 2000000 }, 200000]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.cost > 2500000 ? null : 0.1 * i.cost),
    probes: [{ cost: 3000000 }, { cost: 2500000 }, { cost: 2400000 }],
    simple: true,
  },
  // Hostile: "5km" is five kilometres, not 5000.
  kmIsNoKilo: {
    name: "taxi_fare",
    description: "Fare: 5 + 2 × distance; null when the distance is over 5km.",
    examples: [[{ distance: 1 }, 7], [{ distance: 3 }, 11]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.distance > 5 ? null : 5 + 2 * i.distance),
    probes: [{ distance: 6 }, { distance: 5 }, { distance: 4 }],
    simple: true,
  },
  // Hostile: "3kg" is three kilograms.
  kgIsNoKilo: {
    name: "light_postage",
    description: "Postage: 4 + weight; null when the weight is above 3kg.",
    examples: [[{ weight: 1 }, 5], [{ weight: 2 }, 6]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.weight > 3 ? null : 4 + i.weight),
    probes: [{ weight: 4 }, { weight: 3 }, { weight: 2.5 }],
    simple: true,
  },
  // Hostile: a field named k is no thousand.
  fieldNamedK: {
    name: "spring_force",
    description: "Result: 3 × k; null when k is over 10.",
    examples: [[{ k: 2 }, 6], [{ k: 4 }, 12]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.k > 10 ? null : 3 * i.k),
    probes: [{ k: 11 }, { k: 10 }, { k: 5 }],
    simple: true,
  },
};

const CURRENCIES: Record<string, Attack> = {
  dollarPlainUnder: {
    name: "sale_commission",
    description: "Commission: 0.05 × price; 0 when the price is under $500.",
    examples: [[{ price: 1000 }, 50], [{ price: 2000 }, 100]],
    person: (i) => (i.price < 500 ? 0 : 0.05 * i.price),
    probes: [{ price: 400 }, { price: 500 }, { price: 600 }],
    simple: true,
  },
  poundDoubtful: {
    name: "spend_voucher",
    description: "Voucher: 0.01 × spend; 0 when the spend is below £1,500.",
    examples: [[{ spend: 2000 }, 20], [{ spend: 3000 }, 30]],
    person: (i) => (i.spend < 1500 ? 0 : 0.01 * i.spend),
    probes: [{ spend: 1000 }, { spend: 1500 }, { spend: 1400 }],
  },
  usdCodeAfter: {
    name: "wire_fee",
    description: "Fee: 0.01 × amount; null when the amount is above 20000 USD.",
    examples: [[{ amount: 1000 }, 10], [{ amount: 5000 }, 50]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.amount > 20000 ? null : 0.01 * i.amount),
    probes: [{ amount: 25000 }, { amount: 20000 }, { amount: 15000 }],
    simple: true,
  },
  chfCodeApostrophe: {
    name: "income_tax",
    description: "Tax: 0 when the income is below CHF 14'500, else 0.08 × income.",
    examples: [[{ income: 20000 }, 1600], [{ income: 30000 }, 2400]],
    person: (i) => (i.income < 14500 ? 0 : 0.08 * i.income),
    probes: [{ income: 10000 }, { income: 14500 }, { income: 14000 }],
    simple: true,
  },
  rupeeIndian: {
    name: "income_cess",
    description: "Cess: 0 when the income is below ₹2,50,000, else 0.05 × income.",
    examples: [[{ income: 300000 }, 15000], [{ income: 500000 }, 25000]],
    person: (i) => (i.income < 250000 ? 0 : 0.05 * i.income),
    probes: [{ income: 200000 }, { income: 250000 }, { income: 260000 }],
    simple: true,
  },
  euroSignAfterSpace: {
    name: "order_fee",
    description: "Fee: 0.03 × total; null when the total is over 750 €.",
    examples: [[{ total: 100 }, 3], [{ total: 500 }, 15]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.total > 750 ? null : 0.03 * i.total),
    probes: [{ total: 800 }, { total: 750 }, { total: 700 }],
    simple: true,
  },
};

const PERCENTS_AND_ANSWERS: Record<string, Attack> = {
  percentCommaTip: {
    name: "bill_tip",
    description: "Tip: bill × 12,5 %.",
    examples: [[{ bill: 100 }, 12.5], [{ bill: 200 }, 25]],
    person: (i) => i.bill * 0.125,
    probes: [{ bill: 0 }, { bill: 80 }],
    simple: true,
  },
  percentCommaOf: {
    name: "sales_commission",
    description: "Commission: 2,5 % of sales.",
    examples: [[{ sales: 1000 }, 25], [{ sales: 4000 }, 100]],
    person: (i) => 0.025 * i.sales,
    probes: [{ sales: 0 }, { sales: 200 }],
    simple: true,
  },
  // A doubtful bound on the answer itself: asked about, or not published.
  answerProfitDoubtful: {
    name: "profit",
    description: "Profit: revenue − costs; 0 when the profit is below 5.000.",
    examples: [[{ revenue: 20000, costs: 5000 }, 15000], [{ revenue: 30000, costs: 10000 }, 20000]],
    person: (i) => (i.revenue - i.costs < 5000 ? 0 : i.revenue - i.costs),
    probes: [{ revenue: 8000, costs: 4000 }, { revenue: 9000, costs: 2000 }],
  },
  // The answer in proportion to a field, not one for one: the question must still find the area between the readings.
  answerAreaDoubtful: {
    name: "plot_value",
    description: "Area: width × height; 0 when the area is below 1.000.",
    examples: [[{ width: 50, height: 40 }, 2000], [{ width: 100, height: 30 }, 3000]],
    person: (i) => (i.width * i.height < 1000 ? 0 : i.width * i.height),
    probes: [{ width: 10, height: 50 }, { width: 40, height: 40 }, { width: 0.5, height: 1 }],
  },
  // No field moved one at a time puts the answer between 1 and 1000 (it is 1000 at level 0):
  // asked about some other way, or not published, never published without the guard.
  answerOffsetDoubtful: {
    name: "level_score",
    description: "Score: 1000 + 10 × level; 0 when the score is below 1.000.",
    examples: [[{ level: 10 }, 1100], [{ level: 30 }, 1300]],
    person: (i) => (1000 + 10 * i.level < 1000 ? 0 : 1000 + 10 * i.level),
    probes: [{ level: -50 }, { level: 20 }, { level: -0.05 }],
  },
  answerMarginSpace: {
    name: "margin",
    description: "Margin: price − cost; null when the margin is above 10 000.",
    examples: [[{ price: 50, cost: 20 }, 30], [{ price: 80, cost: 30 }, 50]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.price - i.cost > 10000 ? null : i.price - i.cost),
    probes: [{ price: 20000, cost: 5000 }, { price: 9000, cost: 1000 }],
  },
};

/** Numbers in prose that bound nothing: they must not become a bound, nor stop the plain task. */
const HOSTILE_PROSE: Record<string, Attack> = {
  versionInProse: {
    name: "points_score",
    description: "Score: 2 × points; null when the points are over 50 (rules version 1.000).",
    examples: [[{ points: 10 }, 20], [{ points: 20 }, 40]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.points > 50 ? null : 2 * i.points),
    probes: [{ points: 60 }, { points: 50 }, { points: 30 }],
    simple: true,
  },
  phoneInProse: {
    name: "call_cost",
    description: "Call cost: 0.1 × minutes; null when the minutes are over 600. Helpline 1 000 000 000.",
    examples: [[{ minutes: 10 }, 1], [{ minutes: 100 }, 10]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.minutes > 600 ? null : 0.1 * i.minutes),
    probes: [{ minutes: 700 }, { minutes: 600 }, { minutes: 300 }],
    simple: true,
  },
};

const keeps = (a: Attack): Promise<void> => keepsStatedPromise(backend, a, { mustPublish: a.simple === true, traceVar: "R30B_TRACE" });

function variants(title: string, list: Record<string, Attack>): void {
  describe(title, () => {
    for (const [key, a] of Object.entries(list)) it(`${key} — ${a.description}`, () => keeps(a), ANSWERED_MS);
  });
}

variants("thousands separators and Indian grouping", SEPARATORS);
variants("k and M after the digits, and units that are no k", SUFFIXES);
variants("a currency before or after the number", CURRENCIES);
variants("a percent with a decimal comma; a doubtful bound on the answer", PERCENTS_AND_ANSWERS);
variants("numbers in prose", HOSTILE_PROSE);

describe("the readings of a text (written-numbers.ts)", () => {
  const reads = (text: string): [string, string | undefined] => {
    const r = writtenReadings(text);
    return [r.first, r.second];
  };
  it("a thousands separator other than ',', '.' and ' ' is certain", () => {
    expect(reads("over 1'000 or 12’500 or 30\u00a0000 or 2\u202f000\u202f000 or 1\u2009500")).toEqual(["over 1000 or 12500 or 30000 or 2000000 or 1500", undefined]);
  });
  it("Indian grouping is certain", () => {
    expect(reads("above 1,00,000 and 10,00,000 and 1,00,00,000")).toEqual(["above 100000 and 1000000 and 10000000", undefined]);
  });
  it("k and M after the digits, not a unit", () => {
    expect(reads("over 10k, 50K, 2.5M; 5km, 3kg, 4 k, 7MB")[0]).toBe("over 10000, 50000, 2500000; 5km, 3kg, 4 k, 7MB");
  });
  it("a currency sign or code beside a number is no clause break", () => {
    expect(reads("under $500, £20 or 750 € or CHF 14'500 or 20000 USD or ₹2,50,000")[0]).toBe("under 500, 20 or 750 or 14500 or 20000 or 250000");
  });
  it("a currency code alone, or a word in capitals, stays", () => {
    expect(reads("paid in EUR; the USD rate")[0]).toBe("paid in EUR; the USD rate");
  });
});
