/**
 * Round 23 attack (issue #17): the excess over a stated threshold read as a zero floor
 * (stated-edges.ts), a named field read to no effect and an unused stated number asked about at the
 * stated number (unread-fields.ts, loose-constants.ts), and the description's numbers as rivals of a
 * comparison's constant (rival-readings.ts), held to the promise that a program is never published
 * wrong on a plausible input without asking. The specs are in attack-round23-specs.ts, invented
 * here, not taken from any fixture set; each answers the backend's questions as a person would
 * (tests/synthesizer/answered.ts): it HOLDS when the backend still asks after six answers, gives up,
 * or is right on the probes. `it.fails("BROKE: ...")` marks a break with the src line where the fix
 * belongs; "(on r22 too)" marks breaks round 22 (bee5317, before 03bf3e8) shows as well.
 */
import { describe, expect, it } from "vitest";
import { jsonEqual } from "../../src/spec/index.ts";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { firstReadingRight, holds, ANSWERED_MS } from "./answered.ts";
import type { Attack } from "./answered.ts";
import { makeSpec } from "./fixtures.ts";
import { SPECS } from "./attack-round23-specs.ts";

const backend = createExampleBackend();
const spec = (name: string): Attack => {
  const found = SPECS.find((s) => s.name === name);
  if (!found) throw new Error(`no spec ${name}`);
  return found;
};

/** Published (at once or after the person's answers) and wrong on a probe: [name, what it did]. */
const MENDED = new Set([
  "first_3_nights_are_free_with_cleaning", "overtime_beyond_40_at_rate_25_per_hour", "hours_over_the_first_38_paid_18", "fine_beyond_twice_the_limit",
  "javelin_distance_beyond_the_line", "score_beyond_par_signed", "year_beyond_2000",
  "pass_mark_with_question_count", "max_of_price_and_minimum_charge_field", "boxes_rounded_up_box_size_field", "adult_at_18_with_price_12",
  "seniors_from_65_price_65", "largest_reading_with_limit_field", "sales_commission_beyond_10", "first_2_hours_are_free_then_capped",
]);

const BROKEN: [string, string][] = [
  ["baggage_fee_jumps_beyond_23", "after two answers (0 kg and 1 kg, both 0) published max(50 + 10 * (kg - 23), 0), 20 euros for a 20 kg bag that flies free: the zero floor 'beyond 23 kg' states is put around the whole line (clampedAtZero, stated-edges.ts:178), whose zero is at 18 kg, not at the stated 23, and the floor is only asked about at 0 and 1 (choose.ts:68 atZeroFloor), never between the line's zero and the threshold; r22 kept asking"],
  ["first_3_nights_are_free_with_cleaning", "(on r22 too: 25 + 40 * (nights - 3), -15 at 2 nights) after one answer (6 nights, above the threshold) published max(25 + 40 * (nights - 3), 0), 0 for 2 nights where the cleaning fee of 25 is always paid: 'the first 3 nights are free' states a zero floor (PHRASES) but THRESHOLD (stated-edges.ts:49) has no 'the first N X are free' form, so no excess form 25 + 40 * max(nights - 3, 0) is read, and nothing is asked below 3 nights"],
  ["overtime_beyond_40_at_rate_25_per_hour", "after two answers (0 hours -> 0, 90 hours) published max(25 * hours - 400, 0), 350 for 30 hours instead of 450: 'each hour beyond 40' makes the outer zero clamp of a line whose zero is at 16 hours rank first (stated-edges.ts:178 clampedAtZero); the answer at 0 hours agrees with it and nothing is asked between 16 and 40 (choose.ts:68); r22 asked five times and published 15 * min(hours, 40) + 25 * (hours - min(hours, 40)), right"],
  ["hours_over_the_first_38_paid_18", "after three answers (0 hours -> 0, 80 hours, 403 hours) published max(18 * (hours - 38) + 12 * 38, 0), i.e. max(18 * hours - 228, 0): 312 for 30 hours instead of 360. The same outer clamp as overtime_beyond_40 (stated-edges.ts:178): its zero is at 12.7 hours, the answer at 0 agrees with it, and no question falls below the stated 38 (choose.ts:68); r22 asked at 0, 1, 3 and 41 hours and published 12 * min(hours, 38) + 18 * (hours - min(hours, 38)), right"],
  ["fine_beyond_twice_the_limit", "after five answers published max(5 * (db - 40) * (2 + db / (40 - db)), 0), which is 5 * (db - 80) everywhere but NaN at exactly 40 dB, the limit the description states: the clamped variants (stated-edges.ts:178) let a formula with a pole at a stated number through and no check runs a published program at the stated numbers (loose-constants.ts:112 asks there only when a number is unused); r22 kept asking"],
];

/** Main (r22) published right at once; round 23 asks: [name, why]. */
const NOW_ASKS: [string, string][] = [
  ["javelin_distance_beyond_the_line", "'beyond the 60 metre line' states a zero floor (stated-edges.ts:25 PHRASES) though the same sentence says 'a short throw gives a negative number'; a stated negative does not cancel it, so max(0, metres - 60) ranks first and it asks at 0"],
  ["hours_banked_beyond_40", "'beyond 40' is a zero floor (stated-edges.ts:25 PHRASES) though 'a short week takes hours out of it' says the balance goes below zero"],
  ["score_beyond_par_signed", "'strokes beyond par' is a zero floor (stated-edges.ts:25 PHRASES) though 'under par is negative' is stated"],
  ["year_beyond_2000", "'beyond the year 2000' is a zero floor (stated-edges.ts:25 PHRASES) though 'years before 2000 give a negative count'; a year is no threshold of an excess"],
];

/** It asks again at an input the person already answered, so the answer adds nothing: [name, why]. */
const REPEATS: [string, string][] = [
  ["pass_mark_with_question_count", "asks 'score 40?' six times: the number of questions (40) is an unused stated number, atStatedNumbers (loose-constants.ts:112) puts the input at 40 first and never skips an input that is already an example, so the answer (true) changes nothing and the same question comes back; r22 asked at new scores"],
  ["max_of_price_and_minimum_charge_field", "asks price 5 / minimum 5 six times: the usual minimum '5 euros' is unused by max(price, minimum), and the input at 5 is asked again after it is answered (loose-constants.ts:112)"],
  ["boxes_rounded_up_box_size_field", "asks n 12 / size 12 six times: '12 in most shops' is unused by ceil(n / size) and the input at 12 comes back after each answer (loose-constants.ts:112)"],
  ["adult_at_18_with_price_12", "asks 'age 18?' four times while its program age >= 12 ? 12 : 6 is wrong for ages 12 to 17: the unused 18 is asked AT 18 (loose-constants.ts:112), where both thresholds agree, then again; the comparison rival with the stated 18 (rival-readings.ts:73) is never asked about at 12..17"],
  ["seniors_from_65_price_65", "asks 'age 60?' four times while its program age >= 40 ? 40 : 65 is wrong for ages 40 to 59: the unused 60 is asked at 60, where 'age >= 40' and 'age >= 60' agree (loose-constants.ts:112); r22 walked other ages"],
  ["largest_reading_with_limit_field", "asks xs [7,2] / limit 100 three times: the rated maximum 100 is unused by max(xs) and the answered input comes back (loose-constants.ts:112)"],
  ["sales_commission_beyond_10", "asks 'sales 20?' three times running with a right program, max(30 * sales - 10 * min(sales, 10), 0), in hand: the 20 euros per sale is written as 30 - 10 so it counts as unused, and the answered input at 20 comes back (loose-constants.ts:112); r22 published 30 * sales - 10 * min(sales, 10), right, after four answers"],
  ["first_2_hours_are_free_then_capped", "asks 'hours 15?' four times: the cap of 15 euros is read as an input number 15 (loose-constants.ts:112) and the answered input is asked again"],
];

/** The rest: asks, gives up, or is right on the probes (on syn24). */
const HELD = SPECS.map((s) => s.name).filter((n) => ![...BROKEN, ...NOW_ASKS, ...REPEATS].some(([m]) => m === n));

/** Published at once, with no question, and right on every probe. */
async function publishedRightAtOnce(attack: Attack): Promise<void> {
  const result = await backend.synthesize(makeSpec(attack.name, attack.description, attack.examples));
  expect(result.ambiguity, result.code).toBeUndefined();
  await firstReadingRight(backend, attack);
}

/** Answers up to six questions; fails when a question asks about an input the person has already answered. */
async function neverAsksTwice(attack: Attack): Promise<void> {
  const base = makeSpec(attack.name, attack.description, attack.examples);
  const examples = [...base.examples];
  for (let asked = 0; asked < 6; asked++) {
    const q = (await backend.synthesize({ ...base, examples })).ambiguity;
    if (!q) return;
    expect(examples.some((e) => jsonEqual(e.input, q.input)), `asked again about ${JSON.stringify(q.input)}`).toBe(false);
    examples.push({ input: q.input, output: attack.person(q.input as never), offered: q.readings.map((r) => r.output) });
  }
}

describe("round 23 attack: stated thresholds and stated numbers held to 'never silently wrong'", () => {
  // Mended in round 23e (an excess floor only on the difference from a stated threshold, and only
  // where the description states a number; "the first N nights are free" read; an input asked about
  // already is not asked again): passing now.
  // Mended in round 24 (the formula the description writes is a term of the search): passing now.
  const mended24 = new Set(["baggage_fee_jumps_beyond_23"]);
  const mark = (name: string, label: string): [typeof it | typeof it.fails, string] =>
    MENDED.has(name) ? [it, `FIXED (round 23e; broke before): ${label}`] : mended24.has(name) ? [it, `FIXED (round 24; broke before): ${label}`] : [it.fails, label];
  for (const [name, why] of BROKEN) {
    const [test, label] = mark(name, `BROKE: ${name}: ${why}`);
    test(label, () => holds(backend, spec(name)), ANSWERED_MS);
  }
  for (const [name, why] of NOW_ASKS) {
    const [test, label] = mark(name, `BROKE (asks where r22 published right at once): ${name}: ${why}`);
    test(label, () => publishedRightAtOnce(spec(name)), ANSWERED_MS);
  }
  for (const [name, why] of REPEATS) {
    const [test, label] = mark(name, `BROKE (asks the same question again): ${name}: ${why}`);
    test(label, () => neverAsksTwice(spec(name)), ANSWERED_MS);
  }
  // The repeated questions are a loop, not a wrong program: each of those specs still holds the promise.
  // first_2_hours_are_free_then_capped broke on r22 (min(15, 3 * (hours - 2)) after three answers, -3 for 1 hour): round 23 mended it.
  for (const [name] of REPEATS) it(`holds (asks, never publishes wrong): ${name}`, () => holds(backend, spec(name)), ANSWERED_MS);
  for (const name of HELD) it(`holds: ${name}: asks, gives up, or is right on ${JSON.stringify(spec(name).probes[0])}`, () => holds(backend, spec(name)), ANSWERED_MS);
});
