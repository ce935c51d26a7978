/**
 * Attacks on round 29a (issue 17): numbers written in other formats in a description's bounds
 * (written-numbers.ts, doubtful-bounds.ts), the examples a stated range answers left to its guard
 * (example-backend.ts), and a term twice in a sum restated doubled (restate.ts). Specs invented here
 * (most in attack-round29-variants.ts), none copied from a set under tests/fixtures/specs. Each holds
 * the backend to its promise: never publish a program that fits the examples but is wrong where the
 * description settles the answer; when unsure, ask. The person answers up to six questions (as at
 * `/need`, offered outputs recorded); what is published must answer every probe as the person does.
 * Giving up or still asking keeps the promise, except for a `simple` spec, whose task is plain
 * enough that asking forever is itself a break.
 * A break is `it.fails("BREAK: …")` (asserts the promise, fails while it is broken), an attempt that
 * held `it("held: …")`, a benign spec that must keep working `it("control: …")`.
 * R29_TRACE=1 prints what the backend asked and published for each spec.
 */
import { describe, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { ANSWERED_MS } from "./answered.ts";
import { attackSuite, keepsStatedPromise } from "./stated-attacks.ts";
import type { AttackStanding } from "./stated-attacks.ts";
import type { Attack } from "./attack-round28-variants.ts";
import { NOT_BOUNDS, ON_READING, SEPARATORS, SEVERAL, UNITS } from "./attack-round29-variants.ts";

const backend = createExampleBackend();
const NUMBER_OR_NULL = { anyOf: [{ type: "number" }, { type: "null" }] };

/** The promise (stated-attacks.ts), published within six answers where the spec says it must be. */
const keepsPromise = (a: Attack): Promise<void> => keepsStatedPromise(backend, a, { mustPublish: a.simple === true, traceVar: "R29_TRACE" });

// ---------------------------------------------------------------------------------------------
// Examples a stated range answers, left out of the search: ranges the description overrides or
// that overlap.
// ---------------------------------------------------------------------------------------------

const SKIPPED: Record<string, Attack> = {
  // "except for bulky orders, which always pay 20": the range's 0 is not every large order's answer.
  exceptionOverridden: {
    name: "delivery_charge",
    description: "Delivery: 0 when the total is above 50, except for bulky orders, which always pay 20; else 5.",
    examples: [[{ total: 80, bulky: false }, 0], [{ total: 30, bulky: false }, 5], [{ total: 30, bulky: true }, 20]],
    person: (i) => (i.bulky ? 20 : i.total > 50 ? 0 : 5),
    probes: [{ total: 80, bulky: true }, { total: 100, bulky: false }, { total: 10, bulky: true }],
  },
  // Two ranges on one field, the narrower first; both examples in them are the guards'.
  nestedRanges: {
    name: "parcel_price",
    description: "Price: 2 × weight; 0 when the weight is below 1; null when the weight is below 0.5.",
    examples: [[{ weight: 0.8 }, 0], [{ weight: 3 }, 6], [{ weight: 5 }, 10]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.weight < 0.5 ? null : i.weight < 1 ? 0 : 2 * i.weight),
    probes: [{ weight: 0.3 }, { weight: 0.7 }, { weight: 2 }],
  },
  // Two minimum charges, each example but one a guard's: one example is left for the ordinary case.
  twoMinimums: {
    name: "min_charge",
    description: "Charge: 2 × weight; 0 when the weight is below 1; 1 when the weight is below 2.",
    examples: [[{ weight: 0.5 }, 0], [{ weight: 1.5 }, 1], [{ weight: 3 }, 6]],
    person: (i) => (i.weight < 1 ? 0 : i.weight < 2 ? 1 : 2 * i.weight),
    probes: [{ weight: 0.2 }, { weight: 1.2 }, { weight: 4 }],
  },
  // Every example but one is a guard's, and the description states no ordinary rule: one example
  // left to the search is no rule, so the backend has to ask (weight + 4, not 2 × weight).
  oneOrdinaryLeft: {
    name: "parcel_price",
    description: "Price by weight; 0 when the weight is below 1; null when the weight is over 50.",
    examples: [[{ weight: 0.5 }, 0], [{ weight: 60 }, null], [{ weight: 70 }, null], [{ weight: 4 }, 8]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.weight < 1 ? 0 : i.weight > 50 ? null : i.weight + 4),
    probes: [{ weight: 10 }, { weight: 2 }, { weight: 30 }],
  },
  // The range names one field, the example in it differs in another: the other field still counts.
  otherFieldInRange: {
    name: "ride_fare",
    description: "Fare: 3 + 2 × km + stops; 0 when the km are below 1.",
    examples: [[{ km: 0.5, stops: 2 }, 0], [{ km: 4, stops: 1 }, 12], [{ km: 6, stops: 0 }, 15]],
    person: (i) => (i.km < 1 ? 0 : 3 + 2 * i.km + i.stops),
    probes: [{ km: 5, stops: 3 }, { km: 0.2, stops: 5 }, { km: 10, stops: 2 }],
  },
};

// ---------------------------------------------------------------------------------------------
// A term twice in a sum: the description says "twice", "double", or a 2 for another field.
// ---------------------------------------------------------------------------------------------

const DOUBLED: Record<string, Attack> = {
  twiceWord: {
    name: "taxi_fare",
    description: "Taxi fare: 4 plus twice the km.",
    examples: [[{ km: 3 }, 10], [{ km: 10 }, 24]],
    person: (i) => 4 + 2 * i.km,
    probes: [{ km: 0 }, { km: 7.5 }],
    simple: true,
  },
  doubleWord: {
    name: "bike_hire",
    description: "Bike hire: a base of 5 plus double the miles.",
    examples: [[{ miles: 2 }, 9], [{ miles: 8 }, 21]],
    person: (i) => 5 + 2 * i.miles,
    probes: [{ miles: 0 }, { miles: 3.5 }],
    simple: true,
  },
  // Two fields each counted twice: "2 per km, and 2 per stop".
  twoDoubledFields: {
    name: "courier_fare",
    description: "Courier: 3 + 2 per km, and 2 per stop.",
    examples: [[{ km: 2, stops: 1 }, 9], [{ km: 5, stops: 3 }, 19], [{ km: 1, stops: 0 }, 5]],
    person: (i) => 3 + 2 * i.km + 2 * i.stops,
    probes: [{ km: 0, stops: 4 }, { km: 7, stops: 0 }, { km: 2.5, stops: 2 }],
    simple: true,
  },
  // Three times a term, the 2 said for another part: no "2 × km" where the description says 3.
  tripledBesideTwo: {
    name: "van_fare",
    description: "Van fare: 2 + 3 per km.",
    examples: [[{ km: 2 }, 8], [{ km: 5 }, 17]],
    person: (i) => 2 + 3 * i.km,
    probes: [{ km: 0 }, { km: 10 }],
    simple: true,
  },
};

// ---------------------------------------------------------------------------------------------
// Controls: plain specs that must keep working, published within six answers.
// ---------------------------------------------------------------------------------------------

const CONTROLS: Record<string, Attack> = {
  plainOver1000: {
    name: "bulk_shipping",
    description: "Shipping: 5 + 0.01 × weight; null when the weight is over 1000.",
    examples: [[{ weight: 200 }, 7], [{ weight: 500 }, 10]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.weight > 1000 ? null : 5 + 0.01 * i.weight),
    probes: [{ weight: 1500 }, { weight: 1000 }, { weight: 50 }],
    simple: true,
  },
  plainKgDecimal: {
    name: "small_parcel_fee",
    description: "Postage: 3 + 2 × weight; null when the weight is over 2.5 kg.",
    examples: [[{ weight: 1 }, 5], [{ weight: 2 }, 7]],
    outputSchema: NUMBER_OR_NULL,
    person: (i) => (i.weight > 2.5 ? null : 3 + 2 * i.weight),
    probes: [{ weight: 2.5 }, { weight: 3 }, { weight: 0.5 }],
    simple: true,
  },
  plainBetween: {
    name: "heater_power",
    description: "Heater power: 5 × setting; the setting is held between 10 and 20.",
    examples: [[{ setting: 12 }, 60], [{ setting: 15 }, 75]],
    person: (i) => 5 * Math.min(20, Math.max(10, i.setting)),
    probes: [{ setting: 25 }, { setting: 5 }, { setting: 18 }],
    simple: true,
  },
  // The same task as spaceThousandsCommaDecimal, its bound in plain digits.
  plainAboveElse: {
    name: "free_delivery",
    description: "Delivery: 0 when the basket is above 1000.5, else 7.",
    examples: [[{ basket: 500 }, 7], [{ basket: 2000 }, 0]],
    person: (i) => (i.basket > 1000.5 ? 0 : 7),
    probes: [{ basket: 1000.5 }, { basket: 1000.75 }, { basket: 900 }],
    simple: true,
  },
  commaMillion: {
    name: "wealth_levy",
    description: "Levy: 0 when the value is below 1,000,000, else 0.01 × value.",
    examples: [[{ value: 2000000 }, 20000], [{ value: 3000000 }, 30000]],
    person: (i) => (i.value < 1000000 ? 0 : 0.01 * i.value),
    probes: [{ value: 500000 }, { value: 1000000 }, { value: 4000000 }],
    simple: true,
  },
  // The same task as plainCommaDecimalRate, its rate written with a point.
  plainPointRate: {
    name: "late_return",
    description: "Late return: 5, plus 0.5 for each day over 7.",
    examples: [[{ days: 2 }, 5], [{ days: 6 }, 5]],
    person: (i) => 5 + 0.5 * Math.max(0, i.days - 7),
    probes: [{ days: 10 }, { days: 7 }, { days: 1 }],
    simple: true,
  },
  plainCommaDecimalRate: {
    name: "late_return",
    description: "Late return: 5, plus 0,5 for each day over 7.",
    examples: [[{ days: 2 }, 5], [{ days: 6 }, 5]],
    person: (i) => 5 + 0.5 * Math.max(0, i.days - 7),
    probes: [{ days: 10 }, { days: 7 }, { days: 1 }],
    simple: true,
  },
};

/** A describe of attacks, each named by how it stands (stated-attacks.ts). */
function attacks(title: string, list: Record<string, Attack>, kind = "held"): void {
  const standing: AttackStanding = { breaks: BREAKS, fixed: [["round 29, lead", FIXED], ["round 30a", FIXED_30A], ["round 30b", FIXED_30B]] };
  attackSuite(title, list, standing, keepsPromise, kind);
}

/** The attacks that break the promise: none left, each of round 29's 18 mended in round 30a or 30b (below). */
const BREAKS = new Set<string>([]);
/**
 * Asked forever, mended in round 30a: the answer stated for the ordinary case ("else 7", "5, plus
 * 0.5 for each day over 7") is the program there, not a constant doubted (stated-ordinary.ts); the
 * numbers of a field held between 10 and 20 are used by the program clamped as stated; an amount or
 * a rate past a doubtful bound is settled by examples the description's own formula fits without
 * it (stated-range.ts settledReading), and "for each m3" is a rate on a unit that ends in a digit.
 */
const FIXED_30A = new Set<string>(["rateAboveDoubtful", "amountAboveDoubtful", "spaceThousandsCommaDecimal", "plainAboveElse", "plainCommaDecimalRate", "plainPointRate", "plainBetween"]);
/**
 * Broke round 29a, mended by the lead (stated-range.ts `settledReading`): an example between the
 * readings whose formula gives the stated answer anyway counted as a vote for the wider reading.
 * Beside one that refutes it, the votes clashed and no reading was taken, though "1" fits every
 * example; alone, "2000" was taken, never asked. Now an answer other than the stated one refutes the
 * wider reading, and the stated answer supports it only where the program answers otherwise.
 */
const FIXED = new Set<string>(["formulaGivesAnswer", "formulaGivesAnswerPoints", "coincidenceVotesWider"]);

/**
 * Broke round 29a, mended in round 30b: separators written-numbers.ts did not know ("1'000", "10’000",
 * "100 000" with a no-break, narrow no-break or thin space, the lakh "1,00,000") and the "10k"
 * shorthand read as 1, 10 or 100 (written-numbers.ts, number-marks.ts); a currency before the
 * number ("under $2,000", "below EUR 1.000") broke the statement; "1,5 %" in a formula was read 1 ×
 * 5 % (described-formula/parse.ts); a doubtful bound on the answer itself was never asked about
 * (doubtful-bounds.ts now moves a field so that the answer lies between the readings).
 */
const FIXED_30B = new Set<string>([
  "apostropheThousands", "typographicApostrophe", "noBreakSpace", "narrowNoBreakSpace", "thinSpace", "indianLakh", "kiloShorthand",
  "dollarSignBefore", "euroWordBefore", "percentCommaFactor", "answerNamedDoubtful",
]);

attacks("separators other than ',', '.' and ' '", SEPARATORS);
attacks("a currency or a percent beside a doubtful number", UNITS);
attacks("a doubtful number that is no bound", NOT_BOUNDS);
attacks("several doubtful bounds; held, on the answer, under a certain bound", SEVERAL);
attacks("examples on one reading", ON_READING);
attacks("examples a stated range answers, left out of the search", SKIPPED);
attacks("a term twice in a sum", DOUBLED);

describe("controls", () => {
  for (const [key, a] of Object.entries(CONTROLS)) {
    if (BREAKS.has(key)) it.fails(`BREAK (control): ${key} — ${a.description}`, () => keepsPromise(a), ANSWERED_MS);
    else if (FIXED_30A.has(key)) it(`FIXED (round 30a, control): ${key} — ${a.description}`, () => keepsPromise(a), ANSWERED_MS);
    else it(`control: ${key} — ${a.description}`, () => keepsPromise(a), ANSWERED_MS);
  }
});
