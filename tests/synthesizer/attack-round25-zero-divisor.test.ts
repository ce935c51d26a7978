/**
 * Attacks on round 25a (a divisor the input schema lets be 0): specs invented here, each checking
 * one of the round's promises —
 *  1. a program that divides by a number the schema lets be 0 is never published answering
 *     Infinity/NaN there when the output schema admits null (the person is asked first);
 *  2. the person's answer there is kept as `divisor === 0 ? answer : program` and the rest stays right;
 *  3. no question is about an input the input schema forbids.
 * A break is `it.fails("BROKE: …")` (asserts the promise, fails while it is broken), an attempt
 * that held is `it("held: …")`, a break mended after the attack `it("FIXED (round 25a, broke before): …")`
 * (the lead: roots of each divisor solved as a line through one number, several guards, a minus sign
 * in a stated answer, text answers, and every question of the chain kept inside the schema).
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { runOn } from "../../src/agents/synthesizer/evaluate.ts";
import type { Expr, Json } from "../../src/agents/synthesizer/types.ts";
import { validateInput } from "../../src/spec/index.ts";
import type { CapabilitySpec } from "../../src/spec/index.ts";
import { ANSWERED_MS, afterAnswers, holds } from "./answered.ts";
import type { Attack, Person } from "./answered.ts";
import { makeSpec } from "./fixtures.ts";

const backend = createExampleBackend();
const T = ANSWERED_MS;
const NUMBER_OR_NULL = { anyOf: [{ type: "number" }, { type: "null" }] };
const r2 = (x: number): number => Math.round(x * 100) / 100;
const r3 = (x: number): number => Math.round(x * 1000) / 1000;
const r4 = (x: number): number => Math.round(x * 10000) / 10000;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const fn = (f: (i: any) => unknown): Person => f as Person;

/** `spec` with its input schema replaced by an object of these properties, all required. */
function bounded(spec: CapabilitySpec, properties: Record<string, unknown>): CapabilitySpec {
  return { ...spec, inputSchema: { type: "object", properties, required: Object.keys(properties) } };
}

/** `holds` for a spec whose input schema is not the one inferred from its examples. */
async function holdsOn(spec: CapabilitySpec, person: Person, probes: unknown[]): Promise<void> {
  const outcome = await afterAnswers(backend, spec, person);
  if (outcome === "asks" || outcome === "gave up") return;
  for (const probe of probes) {
    const got = outcome.run(probe);
    const want = person(probe as never);
    const why = `${JSON.stringify(probe)} after ${outcome.asked} answers`;
    if (typeof want === "number" && typeof got === "number") expect(got, why).toBeCloseTo(want, 9);
    else expect(got, why).toEqual(want);
  }
}

/** Promise 3: every question asked while `person` answers (up to six) is about an input the schema allows. */
async function asksWithinSchema(spec: CapabilitySpec, person: Person): Promise<void> {
  const examples = [...spec.examples];
  for (let asked = 0; asked < 6; asked++) {
    const q = (await backend.synthesize({ ...spec, examples })).ambiguity;
    if (!q) return;
    expect(validateInput(spec.inputSchema, q.input).ok, `question ${asked + 1} (${q.reason}) about ${JSON.stringify(q.input)}`).toBe(true);
    examples.push({ input: q.input, output: person(q.input as never), offered: q.readings.map((r) => r.output) });
  }
}

/** Promise 2: after the person's answers a program is published (not given up on) and right on `probes`. */
async function publishedRight(spec: CapabilitySpec, person: Person, probes: unknown[]): Promise<void> {
  const outcome = await afterAnswers(backend, spec, person);
  expect(outcome === "gave up" || outcome === "asks" ? outcome : "published").toBe("published");
  if (outcome === "gave up" || outcome === "asks") return;
  for (const p of probes) expect(outcome.run(p), JSON.stringify(p)).toEqual(person(p as never));
}

// ---------------------------------------------------------------------------------------------
// Promise 1: divisors the zeroing probes (zero-divisor.ts `zeroingProbes`) never make 0.
// ---------------------------------------------------------------------------------------------

const NOT_ZEROED: Record<string, Attack> = {
  // `guests + 1` is 0 only at guests = −1: the probes try 0, the program's constants (1, not −1)
  // and the input's own numbers and their negatives (2, 4, 6, 90 …), never −1.
  negativeOnly: {
    name: "share_per_person",
    description: "What each person pays when the host joins the guests: bill ÷ (guests + 1); null where nobody pays.",
    examples: [[{ bill: 90, guests: 2 }, 30], [{ bill: 100, guests: 4 }, 20], [{ bill: 70, guests: 6 }, 10]],
    person: fn((i) => (i.guests + 1 === 0 ? null : i.bill / (i.guests + 1))),
    probes: [{ bill: 10, guests: -1 }, { bill: 30, guests: 2 }],
    outputSchema: NUMBER_OR_NULL,
  },
  // Absolute zero: `b + 273.15` is 0 at b = −273.15; the program holds 273.15, the probes never negate it.
  kelvin: {
    name: "kelvin_ratio",
    description: "How many times hotter in absolute terms: (a + 273.15) ÷ (b + 273.15), temperatures in °C, rounded to 3 decimals; null where it has no value.",
    examples: [[{ a: 26.85, b: 26.85 }, 1], [{ a: 326.85, b: 26.85 }, 2], [{ a: 26.85, b: -123.15 }, 2]],
    person: fn((i) => (i.b === -273.15 ? null : r3((i.a + 273.15) / (i.b + 273.15)))),
    probes: [{ a: 0, b: -273.15 }, { a: 100, b: 0 }],
    outputSchema: NUMBER_OR_NULL,
  },
  // `price − 2 × cost` is 0 at price = 2 × cost, which is neither 0, a constant nor another number of the input.
  twiceCost: {
    name: "margin_ratio",
    description: "Markup over cost as a ratio: (price − cost) ÷ (price − 2 × cost), rounded to 4 decimals; null where it has no value.",
    examples: [[{ price: 30, cost: 10 }, 2], [{ price: 50, cost: 20 }, 3], [{ price: 70, cost: 20 }, 1.6667]],
    person: fn((i) => (i.price - 2 * i.cost === 0 ? null : r4((i.price - i.cost) / (i.price - 2 * i.cost)))),
    probes: [{ price: 40, cost: 20 }, { price: 90, cost: 30 }],
    outputSchema: NUMBER_OR_NULL,
  },
  // A record of 13 numbers: each gets 27 candidate values, so the first example alone fills the
  // 200 probes (MAX_PROBES) before `hours`, its 13th number, is ever set to 0.
  manyFields: {
    name: "route_speed",
    description: "Average speed of a delivery route: km ÷ hours; null where no time was logged.",
    examples: [
      [{ id: 101, year: 2024, month: 3, day: 7, zone: 4, shift: 2, crew: 3, truck: 17, depot: 5, route: 12, stops: 9, km: 120, hours: 2 }, 60],
      [{ id: 102, year: 2024, month: 3, day: 8, zone: 2, shift: 1, crew: 2, truck: 11, depot: 3, route: 8, stops: 14, km: 90, hours: 3 }, 30],
      [{ id: 103, year: 2024, month: 4, day: 1, zone: 1, shift: 3, crew: 4, truck: 9, depot: 2, route: 6, stops: 5, km: 100, hours: 4 }, 25],
    ],
    person: fn((i) => (i.hours === 0 ? null : i.km / i.hours)),
    probes: [{ id: 101, year: 2024, month: 3, day: 7, zone: 4, shift: 2, crew: 3, truck: 17, depot: 5, route: 12, stops: 9, km: 120, hours: 0 }],
    outputSchema: NUMBER_OR_NULL,
  },
  // The divisor is a count of a text's letters: only numbers are probed, never a text.
  lettersOfText: {
    name: "capital_share",
    description: "Share of the letters of a text that are capitals: capitals ÷ length of the text; null for an empty text.",
    examples: [[{ s: "ABcd" }, 0.5], [{ s: "Abcd" }, 0.25], [{ s: "ABCD" }, 1], [{ s: "abcd" }, 0]],
    person: fn((i) => (i.s.length === 0 ? null : [...(i.s as string)].filter((c) => /[A-Z]/.test(c)).length / i.s.length)),
    probes: [{ s: "" }, { s: "Ab" }],
    outputSchema: NUMBER_OR_NULL,
  },
  // The divisor is the sum of a list: numbers inside arrays are never probed.
  shareOfListTotal: {
    name: "share_of_total",
    description: "The share of the total that `value` is: value ÷ the sum of all the values; null when they sum to 0.",
    examples: [[{ value: 5, values: [5, 10, 5] }, 0.25], [{ value: 3, values: [3, 3, 6] }, 0.25], [{ value: 10, values: [10, 10] }, 0.5]],
    person: fn((i) => {
      const t = (i.values as number[]).reduce((a, b) => a + b, 0);
      return t === 0 ? null : i.value / t;
    }),
    probes: [{ value: 0, values: [] }, { value: 0, values: [0, 0] }, { value: 2, values: [2, 6] }],
    outputSchema: NUMBER_OR_NULL,
  },
  // A mean is `mean`, no `div`: "the edge probes' question" (zero-divisor.ts) — but nothing asks it.
  meanOfEmpty: {
    name: "average_score",
    description: "Average of the scores; null when there are none.",
    examples: [[{ scores: [2, 4, 6] }, 4], [{ scores: [10, 20] }, 15], [{ scores: [7] }, 7]],
    person: fn((i) => (i.scores.length === 0 ? null : (i.scores as number[]).reduce((a, b) => a + b, 0) / i.scores.length)),
    probes: [{ scores: [] }, { scores: [1, 2] }],
    outputSchema: NUMBER_OR_NULL,
  },
  // The output is an object whose fields admit null; zeroDivisor only looks at null for the whole output.
  nullableFields: {
    name: "stock_ratios",
    description: "Price-to-earnings (price ÷ eps) and dividend yield (dividend ÷ price); null where either has no value.",
    examples: [[{ price: 100, eps: 5, dividend: 2 }, { pe: 20, yield: 0.02 }], [{ price: 50, eps: 2, dividend: 1 }, { pe: 25, yield: 0.02 }], [{ price: 40, eps: 4, dividend: 4 }, { pe: 10, yield: 0.1 }]],
    person: fn((i) => ({ pe: i.eps === 0 ? null : i.price / i.eps, yield: i.price === 0 ? null : i.dividend / i.price })),
    probes: [{ price: 100, eps: 0, dividend: 2 }],
    outputSchema: { type: "object", properties: { pe: NUMBER_OR_NULL, yield: NUMBER_OR_NULL }, required: ["pe", "yield"] },
  },
};

describe("round 25a attack: divisors the zeroing probes never make 0 (promise 1)", () => {
  it("FIXED (round 25a, broke before): bill ÷ (guests + 1) published with no question; Infinity at guests = −1 (the schema's integer allows it)", () => holds(backend, NOT_ZEROED.negativeOnly as Attack), T);
  it("FIXED (round 25a, broke before): (a + 273.15) ÷ (b + 273.15) published after 2 answers, none at b = −273.15; Infinity there", () => holds(backend, NOT_ZEROED.kelvin as Attack), T);
  it("FIXED (round 25a, broke before): (price − cost) ÷ (price − 2 × cost) published after 3 answers, never asked at price = 2 × cost; Infinity at 40/20", () => holds(backend, NOT_ZEROED.twiceCost as Attack), T);
  it("FIXED (round 25a, broke before): km ÷ hours on a 13-number record published after 4 answers, none at hours 0 (probes capped at 200 before reaching it); Infinity there", () => holds(backend, NOT_ZEROED.manyFields as Attack), T);
  // Stop 51 (stated-empty.ts): "null for an empty text" guards the program, or asks where it answers otherwise.
  it("FIXED (stop 51, broke before): capitals ÷ letters of a text published with no question; NaN for the empty text", () => holds(backend, NOT_ZEROED.lettersOfText as Attack), T);
  it.fails("BROKE: value ÷ sum(values) published with no question; NaN for an empty or all-zero list", () => holds(backend, NOT_ZEROED.shareOfListTotal as Attack), T);
  it("FIXED (stop 51, broke before): the mean of the scores published with no question; NaN for no scores, though null is admitted and described", () => holds(backend, NOT_ZEROED.meanOfEmpty as Attack), T);
  it.fails("BROKE: { pe: price ÷ eps, … } with nullable fields published with no question; pe is Infinity at eps 0", () => holds(backend, NOT_ZEROED.nullableFields as Attack), T);

  // divisorsOf visits a lambda's array, never its body: `x / people` is no divisor though it reads no element.
  it.fails("BROKE: each amount ÷ people with an output of numbers or null published with no question; [Infinity, Infinity] at people 0", () => holds(backend, {
    name: "shares",
    description: "Each amount split between the people: amount ÷ people, for every amount; null when there are no people.",
    examples: [[{ amounts: [10, 20], people: 2 }, [5, 10]], [{ amounts: [9, 3, 6], people: 3 }, [3, 1, 2]], [{ amounts: [8], people: 4 }, [2]]],
    person: fn((i) => (i.people === 0 ? null : (i.amounts as number[]).map((a) => a / i.people))),
    probes: [{ amounts: [4, 6], people: 0 }, { amounts: [4, 6], people: 2 }],
    outputSchema: { anyOf: [{ type: "array", items: { type: "number" } }, { type: "null" }] },
  }), T);

  // Beyond the promise's "output admits null": zeroDivisor's reason for asking nothing otherwise is
  // that the plugin's own output check refuses Infinity. A text output takes it: "Infinity km/h".
  it("FIXED (round 25a, broke before; rationale): a quotient written into a text, output schema string only: published with no question at hours 0; the plugin answers \"Infinity km/h\", which the output check accepts", async () => {
    const person = fn((i) => (i.hours === 0 ? "no time logged" : `${(i.km / i.hours).toFixed(1)} km/h`));
    const outcome = await afterAnswers(backend, makeSpec("speed_text", "Speed as text: km ÷ hours with 1 decimal, then ' km/h'.", [[{ km: 120, hours: 2 }, "60.0 km/h"], [{ km: 45, hours: 3 }, "15.0 km/h"], [{ km: 100, hours: 8 }, "12.5 km/h"]]), person);
    if (outcome === "asks" || outcome === "gave up") return;
    expect(String(outcome.run({ km: 10, hours: 0 }))).not.toMatch(/Infinity|NaN/);
  }, T);

  // The divisor is a number read out of a text ("0 h"): zeroingProbes sets numbers only, never texts.
  it.fails("BROKE: km and hours read from texts ('120 km', '2 h'): published with no question (as Math.abs(Math.abs(Math.abs(km ÷ h)))); Infinity at '0 h'", () => holds(backend, {
    name: "speed_from_text",
    description: "Average speed in km/h from a distance like '120 km' and a time like '2 h': km ÷ hours; null when no time was logged.",
    examples: [[{ distance: "120 km", time: "2 h" }, 60], [{ distance: "45 km", time: "3 h" }, 15], [{ distance: "100 km", time: "4 h" }, 25]],
    person: fn((i) => {
      const h = parseFloat(i.time);
      return h === 0 ? null : parseFloat(i.distance) / h;
    }),
    probes: [{ distance: "50 km", time: "0 h" }, { distance: "30 km", time: "5 h" }],
    outputSchema: NUMBER_OR_NULL,
  }), T);

  it("held: a bare number as the whole input (1 ÷ x): asked at 0, guarded there", () => holds(backend, {
    name: "reciprocal",
    description: "One divided by the number; null for 0.",
    examples: [[4, 0.25], [2, 0.5], [5, 0.2]],
    person: fn((i) => (i === 0 ? null : 1 / i)),
    probes: [0, 8, -2],
    outputSchema: NUMBER_OR_NULL,
  }), T);

  it("FIXED (round 25a, broke before): wins ÷ (wins + losses) with both at least 0 published with no question; NaN at 0 games (one number changed at a time never zeroes a sum of two)", async () => {
    const spec = bounded(
      makeSpec("win_share", "Share of games won: wins ÷ (wins + losses), rounded to 2 decimals; null when no games were played.", [[{ wins: 3, losses: 1 }, 0.75], [{ wins: 2, losses: 8 }, 0.2], [{ wins: 5, losses: 5 }, 0.5]], [], NUMBER_OR_NULL),
      { wins: { type: "integer", minimum: 0 }, losses: { type: "integer", minimum: 0 } },
    );
    await holdsOn(spec, fn((i) => (i.wins + i.losses === 0 ? null : r2(i.wins / (i.wins + i.losses)))), [{ wins: 0, losses: 0 }, { wins: 1, losses: 3 }]);
  }, T);
});

// ---------------------------------------------------------------------------------------------
// Promise 2: the person's answer kept, the rest right.
// ---------------------------------------------------------------------------------------------

describe("round 25a attack: the answer at the zero divisor kept (promise 2)", () => {
  // Hostile coincidence: the example that answers null is a closed account that also has 0 months.
  // guardedAtZeroDivisor runs before the plain search and takes `months === 0 ? null : …`; the one
  // question asked is months-guard against interest-guard, never about the status the description names.
  it.fails("BROKE: 'null for closed accounts' with the closed example at 0 months: published `months === 0 ? null : interest / months`; a closed account with 5 months gets 10", () => holds(backend, {
    name: "monthly_interest",
    description: "Interest earned per month: interest ÷ months; null for closed accounts.",
    examples: [[{ status: "open", interest: 120, months: 12 }, 10], [{ status: "open", interest: 30, months: 6 }, 5], [{ status: "open", interest: 40, months: 2 }, 20], [{ status: "closed", interest: 0, months: 0 }, null]],
    person: fn((i) => (i.status === "closed" || i.months === 0 ? null : i.interest / i.months)),
    probes: [{ status: "closed", interest: 50, months: 5 }, { status: "open", interest: 9, months: 3 }],
    outputSchema: NUMBER_OR_NULL,
  }), T);

  // Two divisors: guardedAtZeroDivisor guards one divisor only (`break` after the first), so once
  // the person has answered null at h1 = 0 and at h2 = 0 no guarded program reproduces both, and
  // the plain search finds nothing: no_program_found.
  const twoLegs = (extra: [unknown, unknown][]): CapabilitySpec => makeSpec("two_speeds", "Sum of the two legs' speeds: km1 ÷ h1 + km2 ÷ h2; null where a leg has no time.", [[{ km1: 100, h1: 2, km2: 60, h2: 3 }, 70], [{ km1: 30, h1: 1, km2: 80, h2: 4 }, 50], [{ km1: 90, h1: 3, km2: 40, h2: 2 }, 50], ...extra], [], NUMBER_OR_NULL);
  const legs = fn((i) => (i.h1 === 0 || i.h2 === 0 ? null : i.km1 / i.h1 + i.km2 / i.h2));
  const legProbes = [{ km1: 10, h1: 0, km2: 5, h2: 1 }, { km1: 10, h1: 1, km2: 5, h2: 0 }, { km1: 8, h1: 2, km2: 9, h2: 3 }];
  it("FIXED (round 25a, broke before): km1 ÷ h1 + km2 ÷ h2: asked at h1 = 0, then at h2 = 0, answered null twice, then gives up (no_program_found)", () => publishedRight(twoLegs([]), legs, legProbes), T);
  it("FIXED (round 25a, broke before): the same with h1 = 0 → null among the examples: one answer (null at h2 = 0) and it gives up", () => publishedRight(twoLegs([[{ km1: 100, h1: 0, km2: 60, h2: 3 }, null]]), legs, legProbes), T);

  // "-1 when hours is 0": stated-zero.ts's AT_ZERO reads `\d+`, the minus is turned into a clause
  // break, so the stated answer is 1. The example's -1 at hours 0 is then no answer
  // guardedAtZeroDivisor keeps, and the plain search fits it by `pay / Math.min(hours, pay * hours − pay)`
  // (−1 at hours 0, and −2 at 30 pay for half an hour). Not published — unusedNumber asks
  // "the description's -1" at every answer — but the program taken is not the guard.
  it("FIXED (round 25a, broke before): '-1 when hours is 0' (statedAtZero reads 1): the example's -1 at hours 0 is not kept as a guard; the program taken answers −2 for 30 pay in half an hour", async () => {
    const spec = bounded(
      makeSpec("hourly_rate", "Hourly pay: pay ÷ hours, or -1 when hours is 0.", [[{ pay: 120, hours: 8 }, 15], [{ pay: 45, hours: 3 }, 15], [{ pay: 99, hours: 9 }, 11], [{ pay: 50, hours: 0 }, -1]], [], NUMBER_OR_NULL),
      { pay: { type: "number", minimum: 0 }, hours: { type: "number", minimum: 0 } },
    );
    const result = await backend.synthesize(spec);
    const person = (i: { pay: number; hours: number }): number => (i.hours === 0 ? -1 : i.pay / i.hours);
    for (const p of [{ pay: 10, hours: 0 }, { pay: 30, hours: 4 }, { pay: 30, hours: 0.5 }]) expect(runOn(result.program as Expr, p as Json), `${JSON.stringify(p)} by ${result.code}`).toEqual(person(p));
  }, T);

  it("held: 'null where n is 0' for a remainder: asked at n = 0, kept as `n === 0 ? null : position % n`", () => holds(backend, {
    name: "remainder_of_position",
    description: "The remainder of position ÷ n; null where n is 0.",
    examples: [[{ position: 6, n: 3 }, 0], [{ position: 7, n: 3 }, 1], [{ position: 10, n: 4 }, 2]],
    person: fn((i) => (i.n === 0 ? null : i.position % i.n)),
    probes: [{ position: 5, n: 0 }, { position: 9, n: 2 }],
    outputSchema: NUMBER_OR_NULL,
  }), T);

  it("held: a divisor inside a nested object (parcel.weight): asked at 0, guarded there", () => holds(backend, {
    name: "cost_per_kg",
    description: "Cost per kilogram of a parcel: cost ÷ parcel.weight; null where the weight is 0.",
    examples: [[{ cost: 20, parcel: { weight: 4, id: "a" } }, 5], [{ cost: 9, parcel: { weight: 3, id: "b" } }, 3], [{ cost: 14, parcel: { weight: 7, id: "c" } }, 2]],
    person: fn((i) => (i.parcel.weight === 0 ? null : i.cost / i.parcel.weight)),
    probes: [{ cost: 5, parcel: { weight: 0, id: "z" } }, { cost: 8, parcel: { weight: 2, id: "y" } }],
    outputSchema: NUMBER_OR_NULL,
  }), T);

  it("held: stated '0 when there are 0 orders' with an example that is 0 by itself (revenue 0): guard at orders 0, the formula elsewhere", () => holds(backend, {
    name: "average_order",
    description: "Average order value: revenue ÷ orders; 0 when there are 0 orders.",
    examples: [[{ revenue: 0, orders: 5 }, 0], [{ revenue: 100, orders: 4 }, 25], [{ revenue: 90, orders: 3 }, 30], [{ revenue: 50, orders: 0 }, 0]],
    person: fn((i) => (i.orders === 0 ? 0 : i.revenue / i.orders)),
    probes: [{ revenue: 10, orders: 0 }, { revenue: 30, orders: 4 }, { revenue: 7, orders: 2 }],
    outputSchema: NUMBER_OR_NULL,
  }), T);

  it("held: two examples, one 0 by itself, and 'stated 0 when there are 0 orders': the answer 0 at 0 orders leaves one other example, and the questions go on until the guard is right", () => holds(backend, {
    name: "average_order",
    description: "Average order value: revenue ÷ orders; 0 when there are 0 orders.",
    examples: [[{ revenue: 0, orders: 5 }, 0], [{ revenue: 100, orders: 4 }, 25]],
    person: fn((i) => (i.orders === 0 ? 0 : i.revenue / i.orders)),
    probes: [{ revenue: 10, orders: 0 }, { revenue: 30, orders: 4 }, { revenue: 7, orders: 2 }],
    outputSchema: NUMBER_OR_NULL,
  }), T);

  it("held: a null example already among the examples keeps the rival readings of the rest (now ÷ last − 1 against |1 − now ÷ last| asked)", () => holds(backend, {
    name: "growth",
    description: "Growth from last year to this year.",
    examples: [[{ last: 50, now: 100 }, 1], [{ last: 20, now: 40 }, 1], [{ last: 10, now: 30 }, 2], [{ last: 0, now: 30 }, null]],
    person: fn((i) => (i.last === 0 ? null : (i.now - i.last) / i.last)),
    probes: [{ last: 40, now: 50 }, { last: 9, now: 0 }, { last: 0, now: 5 }],
    outputSchema: NUMBER_OR_NULL,
  }), T);

  it("held: two divisors zero at the null example (people and adults): the two guards are asked about", () => holds(backend, {
    name: "price_per_person",
    description: "What each person pays of the bill.",
    examples: [[{ bill: 90, people: 3, adults: 3 }, 30], [{ bill: 100, people: 4, adults: 4 }, 25], [{ bill: 60, people: 2, adults: 2 }, 30], [{ bill: 50, people: 0, adults: 0 }, null]],
    person: fn((i) => (i.people === 0 ? null : i.bill / i.people)),
    probes: [{ bill: 90, people: 3, adults: 1 }, { bill: 0, people: 3, adults: 0 }],
    outputSchema: NUMBER_OR_NULL,
  }), T);

  it("held: '0 when no hours were worked' (no literal 0, statedAtZero finds nothing): after the answer 0 it keeps asking, never publishes", () => holds(backend, {
    name: "hourly_rate",
    description: "Hourly pay: pay ÷ hours; 0 when no hours were worked.",
    examples: [[{ pay: 120, hours: 8 }, 15], [{ pay: 45, hours: 3 }, 15], [{ pay: 99, hours: 9 }, 11]],
    person: fn((i) => (i.hours === 0 ? 0 : i.pay / i.hours)),
    probes: [{ pay: 10, hours: 0 }, { pay: 30, hours: 4 }, { pay: 30, hours: 0.5 }],
    outputSchema: NUMBER_OR_NULL,
  }), T);
});

// ---------------------------------------------------------------------------------------------
// Promise 3: no question about an input the schema forbids.
// ---------------------------------------------------------------------------------------------

describe("round 25a attack: questions inside the input schema (promise 3)", () => {
  // The zero question offers null twice though the description states 0; the person's 0 matches no
  // offer, so unconfirmed.ts asks a confirming probe, chosen by confirmingProbe from probeInputs
  // with no schema check: {pay: 0, hours: 7}, where pay has exclusiveMinimum 0.
  it("FIXED (round 25a, broke before): 'or 0 when hours is 0' with pay > 0: after the answer 0 at hours 0, the 'unconfirmed' question is about pay 0", () => asksWithinSchema(
    bounded(makeSpec("hourly_rate", "Hourly pay: pay ÷ hours, or 0 when hours is 0.", [[{ pay: 120, hours: 8 }, 15], [{ pay: 45, hours: 3 }, 15], [{ pay: 99, hours: 9 }, 11]], [], NUMBER_OR_NULL), {
      pay: { type: "number", exclusiveMinimum: 0, maximum: 1000 },
      hours: { type: "number", minimum: 0, maximum: 24 },
    }),
    fn((i) => (i.hours === 0 ? 0 : i.pay / i.hours)),
  ), T);

  // same-value-comparison.ts asks its edge texts with no schema check.
  it("FIXED (round 25a, broke before): 'letters only' on a text of minLength 1: the third question (sameValueComparison) is about the empty text", () => asksWithinSchema(
    bounded(makeSpec("only_letters", "Whether the word is made of letters only.", [[{ s: "abc" }, true], [{ s: "ab1" }, false], [{ s: "Hello" }, true], [{ s: "x-y" }, false]]), { s: { type: "string", minLength: 1 } }),
    fn((i) => /^[A-Za-z]+$/.test(i.s)),
  ), T);

  // lone-doubts.ts orderMatters reverses the example's array with no schema check: a tuple [name, age] reversed.
  it("FIXED (round 25a, broke before): a [name, age] tuple (prefixItems string, integer): three questions about [31, \"ana\"] and the like, which the schema forbids", () => asksWithinSchema(
    bounded(makeSpec("entry_name", "The person's name, from an entry of name and age.", [[{ entry: ["ana", 31] }, "ana"], [{ entry: ["bo", 44] }, "bo"], [{ entry: ["cy", 25] }, "cy"]]), {
      entry: { type: "array", prefixItems: [{ type: "string" }, { type: "integer" }], items: false, minItems: 2 },
    }),
    fn((i) => i.entry[0]),
  ), T);

  // leave-one-out.ts asks confirmingProbe's input (unconfirmed.ts), which checks no schema.
  it("FIXED (round 25a, broke before): km ÷ hours with km ≥ 5: after the null at hours 0, the 'unstable' question is about km 0", () => asksWithinSchema(
    bounded(makeSpec("speed", "Speed: km ÷ hours; null when no time was logged.", [[{ km: 100, hours: 4 }, 25], [{ km: 10, hours: 2 }, 5]], [], NUMBER_OR_NULL), {
      km: { type: "number", minimum: 5, maximum: 1000 },
      hours: { type: "number", minimum: 0, maximum: 24 },
    }),
    fn((i) => (i.hours === 0 ? null : i.km / i.hours)),
  ), T);

  // line-decompose.ts blankLineDoubt adds an empty line with no schema check.
  it("FIXED (round 25a, broke before): 'last word of each line' on a text whose pattern forbids empty lines: the first question is about \"a b\\nc d\\n\"", () => asksWithinSchema(
    bounded(makeSpec("last_words", "The last word of each line.", [[{ s: "a b\nc d" }, ["b", "d"]], [{ s: "one two three\nfour" }, ["three", "four"]], [{ s: "x y\nz w\nq r" }, ["y", "w", "r"]]]), {
      s: { type: "string", pattern: "^.*\\S.*(\\n.*\\S.*)*$" },
    }),
    fn((i) => (i.s as string).split("\n").map((l) => l.trim().split(/\s+/).at(-1) ?? "")),
  ), T);

  it("held: (price − cost) ÷ (price − 2 × cost) with price ≤ 100 and cost ≤ 20: every question is inside the schema", () => asksWithinSchema(
    bounded(makeSpec("markup_ratio", "Markup over cost as a ratio: (price − cost) ÷ (price − 2 × cost), rounded to 4 decimals; null where it has no value.", [[{ price: 30, cost: 10 }, 2], [{ price: 50, cost: 20 }, 3], [{ price: 70, cost: 20 }, 1.6667]], [], NUMBER_OR_NULL), {
      price: { type: "number", minimum: 1, maximum: 100 },
      cost: { type: "number", minimum: 1, maximum: 20 },
    }),
    fn((i) => (i.price - 2 * i.cost === 0 ? null : r4((i.price - i.cost) / (i.price - 2 * i.cost)))),
  ), T);

  it("held: months given by an enum: no question about a month count the enum forbids", () => asksWithinSchema(
    bounded(makeSpec("monthly_payment", "Monthly payment of a loan paid off in equal parts.", [[{ total: 1200, months: 12 }, 100], [{ total: 2400, months: 12 }, 200], [{ total: 600, months: 12 }, 50]], [], NUMBER_OR_NULL), {
      total: { type: "number", minimum: 0 },
      months: { type: "integer", enum: [12, 24] },
    }),
    fn((i) => i.total / i.months),
  ), T);
});
