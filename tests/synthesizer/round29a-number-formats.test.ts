/**
 * Round 29a: bounds and amounts written in other number formats (stated-range.ts reads them through
 * written-numbers.ts). "1,5" is one and a half; "1,000", "1.000" and "100 000" may each be two
 * numbers, so such a bound is read the way the examples settle (an example between the readings),
 * or else it guards nothing and the backend asks about an input between them: never a silent guess.
 * Specs invented here (written before the rule), none copied from a set under tests/fixtures/specs.
 * A spec marked `simple` must be published within six answers. R29A_TRACE=1 prints what was asked.
 */
import { describe, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { ANSWERED_MS } from "./answered.ts";
import { keepsStatedPromise } from "./stated-attacks.ts";
import type { Attack } from "./attack-round28-variants.ts";

const backend = createExampleBackend();
const NUMBER_OR_NULL = { anyOf: [{ type: "number" }, { type: "null" }] };
const over = (x: number, n: number): number => Math.max(0, x - n);

const FORMATS: Record<string, Attack> = {
  // A decimal comma with one digit after it is no thousands separator: the bound is 2.5.
  commaDecimalBelow: {
    name: "dose_guard",
    description: "Dose: 2 × weight; null when the weight is below 2,5.",
    examples: [[{ weight: 10 }, 20], [{ weight: 4 }, 8]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.weight < 2.5 ? null : 2 * i.weight),
    probes: [{ weight: 2 }, { weight: 2.5 }, { weight: 3 }],
  },
  // A rate written with a decimal comma, a leading 0 ("0,75" is no thousand).
  commaDecimalRate: {
    name: "late_return",
    description: "Late return: 5, plus 0,75 for each day over 7.",
    examples: [[{ days: 2 }, 5], [{ days: 6 }, 5]],
    person: (i) => 5 + 0.75 * over(i.days, 7),
    probes: [{ days: 10 }, { days: 7 }, { days: 1 }],
  },
  // "0,500" is half: a leading 0 is no group of thousands.
  leadingZeroComma: {
    name: "level_fine",
    description: "Fine: 100 × level; null when the level is above 0,500.",
    examples: [[{ level: 0.2 }, 20], [{ level: 0.3 }, 30]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.level > 0.5 ? null : 100 * i.level),
    probes: [{ level: 0.6 }, { level: 0.5 }, { level: 0.4 }],
  },
  // "5.000" is 5 or 5000; the example at 2000 (not null) leaves only 5000.
  dotThousandsSettled: {
    name: "transfer_fee",
    description: "Fee: 0.02 × amount; null when the amount is above 5.000.",
    examples: [[{ amount: 100 }, 2], [{ amount: 2000 }, 40]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.amount > 5000 ? null : 0.02 * i.amount),
    probes: [{ amount: 6000 }, { amount: 5000 }, { amount: 4000 }],
  },
  // "250 000" is 250 or 250000; nothing in the examples settles it: ask, never guess.
  spaceThousandsBelow: {
    name: "stamp_duty",
    description: "Stamp duty: 0 when the price is below 250 000, else price × 0.03.",
    examples: [[{ price: 300000 }, 9000], [{ price: 500000 }, 15000]],
    person: (i) => (i.price < 250000 ? 0 : i.price * 0.03),
    probes: [{ price: 100000 }, { price: 250000 }, { price: 400000 }],
  },
  // "2,000" is 2000 or 2 (a decimal comma); nothing settles it: ask.
  commaThousandsUnsettled: {
    name: "sales_bonus",
    description: "Bonus: 0.1 × sales; 0 when the sales are under 2,000.",
    examples: [[{ sales: 5000 }, 500], [{ sales: 3000 }, 300]],
    person: (i) => (i.sales < 2000 ? 0 : 0.1 * i.sales),
    probes: [{ sales: 1000 }, { sales: 2000 }, { sales: 2500 }],
  },
  // A rate above "1.000": the examples at 100 and 500 add nothing, so the bound is no 1.
  dotThousandsRate: {
    name: "energy_levy",
    description: "Energy levy: 0.1 × kwh, plus 0.05 for each kWh above 1.000.",
    examples: [[{ kwh: 100 }, 10], [{ kwh: 500 }, 50]],
    person: (i) => 0.1 * i.kwh + 0.05 * over(i.kwh, 1000),
    probes: [{ kwh: 1500 }, { kwh: 1000 }, { kwh: 200 }],
  },
};

/** Plain readings that must keep working, published within six answers. */
const CONTROLS: Record<string, Attack> = {
  // "1,000" with an example on each side of a thousand: the examples settle it.
  commaThousandsSettled: {
    name: "bulk_shipping",
    description: "Shipping: 5 + 0.01 × weight; null when the weight is over 1,000.",
    examples: [[{ weight: 200 }, 7], [{ weight: 1500 }, null]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.weight > 1000 ? null : 5 + 0.01 * i.weight),
    probes: [{ weight: 1000 }, { weight: 1001 }, { weight: 50 }],
    simple: true,
  },
  // "2.5" is a decimal, with a unit after it.
  plainDecimal: {
    name: "small_parcel_fee",
    description: "Parcel: 3 + 2 × kg; null when the parcel is over 2.5 kg.",
    examples: [[{ kg: 1 }, 5], [{ kg: 2 }, 7]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.kg > 2.5 ? null : 3 + 2 * i.kg),
    probes: [{ kg: 2.5 }, { kg: 3 }, { kg: 0.5 }],
    simple: true,
  },
  // Two groups of thousands after dots: only a million reads it.
  dotMillion: {
    name: "wealth_levy",
    description: "Levy: 0 when the value is below 1.000.000, else 0.01 × value.",
    examples: [[{ value: 2000000 }, 20000], [{ value: 3000000 }, 30000]],
    person: (i) => (i.value < 1000000 ? 0 : 0.01 * i.value),
    probes: [{ value: 500000 }, { value: 1000000 }, { value: 4000000 }],
    simple: true,
  },
};

/**
 * The variants that still fail (each explained in the round's report). plainDecimal: "the parcel
 * is over 2.5 kg" reads 2.5 right, but a unit after the bound names no field (only "30 kg or more"
 * does), so no guard is taken and `3 + 2 × kg` is published, wrong at 3 kg.
 */
const OPEN = new Set<string>(["plainDecimal"]);

const keeps = (a: Attack): Promise<void> => keepsStatedPromise(backend, a, { mustPublish: a.simple === true, traceVar: "R29A_TRACE" });

describe("bounds and amounts in other number formats", () => {
  for (const [key, a] of Object.entries(FORMATS)) {
    if (OPEN.has(key)) it.fails(`OPEN: ${key} — ${a.description}`, () => keeps(a), ANSWERED_MS);
    else it(`${key} — ${a.description}`, () => keeps(a), ANSWERED_MS);
  }
});

describe("controls", () => {
  for (const [key, a] of Object.entries(CONTROLS)) {
    if (OPEN.has(key)) it.fails(`OPEN control: ${key} — ${a.description}`, () => keeps(a), ANSWERED_MS);
    else it(`control: ${key} — ${a.description}`, () => keeps(a), ANSWERED_MS);
  }
});
