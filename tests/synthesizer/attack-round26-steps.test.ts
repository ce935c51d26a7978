/**
 * Attacks on round 26b's rounding to a stated step (issue #17), re-created in round 27a from the
 * attacker's findings (its file was lost): specs invented here, none copied from a set under
 * tests/fixtures/specs. A break mended is `it("FIXED …")`, one still open `it.fails("BROKE: …")`
 * with why, a spec that must keep working `it("control: …")`. End-to-end tests answer the
 * backend's questions as the person would (at most six) and check the published program on inputs
 * the examples leave open, as round26-step-rounding.test.ts does.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { findAmbiguity } from "../../src/agents/synthesizer/ambiguity.ts";
import { runOn } from "../../src/agents/synthesizer/evaluate.ts";
import { emitFunction } from "../../src/agents/synthesizer/emit.ts";
import { priorFor } from "../../src/agents/synthesizer/rank.ts";
import { liftedRounding, restate } from "../../src/agents/synthesizer/restate.ts";
import { statedSteps, stepNumbers } from "../../src/agents/synthesizer/stated-step.ts";
import type { Expr, Json } from "../../src/agents/synthesizer/types.ts";
import { ANSWERED_MS, answeredPlugin } from "./answered.ts";
import { makeSpec } from "./fixtures.ts";
import { loadPlugin } from "./load-plugin.ts";

const backend = createExampleBackend();

/** `v` to a multiple of `step` as a person reads each rule, written with the step's decimals. */
const tidy = (v: number): number => Number(v.toFixed(6)) || 0;
const nearest = (v: number, step: number): number => tidy(Math.round(v / step + 1e-9) * step);
const awayFromZero = (v: number, step: number): number => tidy(Math.sign(v) * Math.round(Math.abs(v) / step + 1e-9) * step);
const towardsZero = (v: number, step: number): number => tidy(Math.trunc(v / step + Math.sign(v) * 1e-9) * step);
const halvesDown = (v: number, step: number): number => tidy(Math.ceil(v / step - 0.5 - 1e-9) * step);
const r1 = (v: number): number => Math.round(v * 10) / 10;

const x: Expr = { k: "in", path: ["x"] };
const num = (value: number): Expr => ({ k: "const", value });
const op = (name: string, ...args: Expr[]): Expr => ({ k: "op", op: name, args });

/** The backend, after the person's answers, publishes a program right on every probe. */
async function publishesRight(name: string, description: string, examples: [unknown, unknown][], person: (input: never) => unknown, probes: unknown[]): Promise<void> {
  const { run, asked } = await answeredPlugin(backend, makeSpec(name, description, examples), person);
  for (const p of probes) expect(run(p), `${JSON.stringify(p)} after ${asked} answers`).toEqual(person(p as never));
}

/** The backend's first reading (published, or the one it asks about first) is right on every probe. */
async function firstReadingRight(name: string, description: string, examples: [unknown, unknown][], person: (input: never) => unknown, probes: unknown[]): Promise<void> {
  const result = await backend.synthesize(makeSpec(name, description, examples));
  for (const p of probes) expect(runOn(result.program as Expr, p as Json), `${JSON.stringify(p)} by ${result.code}`).toEqual(person(p as never));
}

describe("break 1: a step in cents where the amount is in euro cents", () => {
  const description = "Cash total in euro cents: the basket total in cents less a 10% discount, rounded to the nearest 5 cents.";

  it("FIXED: \"in euro cents\" is an amount in cents: the step is 5 first, 0.05 of a euro after", () => {
    // Only "in cents" exactly was read so; 0.05 alone, where 5 was meant.
    expect(statedSteps(description).map((s) => s.step)).toEqual([5, 0.05]);
    expect(statedSteps("The price in euros, rounded to the nearest 5 cents.").map((s) => s.step)).toEqual([0.05]);
  });

  it("FIXED: a program whose answers are whole is restated to 5 cents, not wrapped in a rounding to 0.05 (a no-op on whole cents)", () => {
    // The search fit floor(cents − cents ÷ 10); its rounding to 0.05 was published.
    const cents: Expr = { k: "in", path: ["cents"] };
    const found = op("floor", op("sub", cents, op("div", cents, num(10))));
    const restated = restate({ expr: found, size: 6 }, [{ cents: 1234 }, { cents: 500 }], [1110, 450], priorFor(description, [10, 5]), description).expr;
    expect(emitFunction(restated, "f")).toContain("/ 5) * 5");
    expect(runOn(restated, { cents: 1003 })).toBe(905);
  });

  it("FIXED: fuel cost in euro cents to the nearest 5 cents (was published as Math.round(169 × litres ÷ 5) ÷ (litres ÷ (litres × 5)), no answer at 0 litres)", async () => {
    await publishesRight("fuel_cents", "Fuel cost in euro cents: litres × 169 cents, rounded to the nearest 5 cents.", [
      [{ litres: 20 }, 3380],
      [{ litres: 31.5 }, 5325],
    ], (i: { litres: number }) => nearest(i.litres * 169, 5), [{ litres: 0 }, { litres: 1 }, { litres: 12.3 }, { litres: 44.44 }]);
  }, ANSWERED_MS);

  it("FIXED: the cash total to the nearest 5 cents (was floor(cents − cents ÷ 10) \"rounded to 0.05\", 902 at 1003 cents)", async () => {
    await publishesRight("cash_total_cents", description, [
      [{ cents: 1234 }, 1110],
      [{ cents: 500 }, 450],
    ], (i: { cents: number }) => nearest(i.cents * 0.9, 5), [{ cents: 1003 }, { cents: 77 }, { cents: 618 }, { cents: 2999 }]);
  }, ANSWERED_MS);
});

describe("break 2: a step written as a fraction", () => {
  it("FIXED: \"the nearest 1/4 star\" is a step of 0.25 (it was read as 1)", () => {
    expect(statedSteps("Average rating of the reviews, rounded to the nearest 1/4 star.")).toEqual([{ step: 0.25, direction: "nearest" }]);
    expect(statedSteps("Rounded up to the next 3/4 hour.")).toEqual([{ step: 0.75, direction: "up" }]);
  });

  it("FIXED: a stated step rounds the answer a rounding of a part is lifted to (a step read switched the stated rounding off)", () => {
    const description = "The mean of the scores, rounded to the nearest 1/4.";
    const prior = priorFor(description, [0.25]);
    const mean: Expr = op("div", op("round", op("mul", x, num(2))), num(2));
    const lifted = liftedRounding(mean, prior, description);
    expect(lifted && emitFunction(lifted, "f")).toContain("Math.round(input.x * 2 / 2 * 4) / 4");
  });

  it("FIXED: the average rating to the nearest 1/4 star (its first reading was the mean unrounded)", async () => {
    const mean = (xs: number[]): number => xs.reduce((s, v) => s + v, 0) / xs.length;
    const spec = makeSpec("star_rating", "Average rating of the reviews, rounded to the nearest 1/4 star.", [
      [{ stars: [4, 5, 3] }, 4],
      [{ stars: [5, 4] }, 4.5],
    ]);
    const first = await backend.synthesize(spec);
    for (const p of [{ stars: [4, 4, 5] }, { stars: [1, 2, 2] }, { stars: [5, 5, 4, 4, 4, 3] }]) expect(runOn(first.program as Expr, p), `${JSON.stringify(p)} by ${first.code}`).toBe(nearest(mean(p.stars), 0.25));
    await publishesRight("star_rating", spec.description, [[{ stars: [4, 5, 3] }, 4], [{ stars: [5, 4] }, 4.5]],
      (i: { stars: number[] }) => nearest(mean(i.stars), 0.25), [{ stars: [4, 4, 5] }, { stars: [1, 2, 2] }, { stars: [3] }]);
  }, ANSWERED_MS);
});

describe("break 3: a step that is part of the task, not its rounding", () => {
  const description = "Metres left to the next 100 m marker from the metres walked past the last one, rounded to 1 decimal.";

  it("FIXED: \"the next 100 m marker\" is no step: the rounding word is about the decimal", () => {
    expect(statedSteps(description)).toEqual([]);
    expect(statedSteps("Metres left to the next 100 m marker, rounded to 1 decimal.")).toEqual([]);
    // A rounding word next to the phrase still states a step, before or after it.
    expect(statedSteps("The total, rounded, in each case, to the nearest 10.")).toEqual([{ step: 10, direction: "nearest" }]);
    expect(statedSteps("The minutes, rounded up to the next 15.")).toEqual([{ step: 15, direction: "up" }]);
    expect(statedSteps("Minutes billed in 15-minute increments, rounded up.")).toEqual([{ step: 15, direction: "up" }]);
  });

  it("FIXED: the rounding inside is lifted to the stated decimal", () => {
    const prior = priorFor(description, [100, 1]);
    const inner: Expr = op("sub", num(100), op("roundTo", x, num(1)));
    const lifted = liftedRounding(inner, prior, description);
    expect(lifted && emitFunction(lifted, "f")).toContain("Math.round((100 - input.x) * 10) / 10");
  });

  // In this wording the search finds no rounding inside to lift, so round 26b published it right too:
  // it stays as the break's spec, end to end.
  it("held: published as 100 − the metres, to 1 decimal", async () => {
    await publishesRight("metres_to_marker", description, [
      [{ past: 37.25 }, 62.8],
      [{ past: 80 }, 20],
    ], (i: { past: number }) => r1(100 - i.past), [{ past: 12.34 }, { past: 99.96 }, { past: 0.5 }]);
  }, ANSWERED_MS);
});

describe("breaks 4 and 5: ties away from zero, a rounding towards zero", () => {
  const away = "Temperature change: the reading now minus the reading before, rounded to the nearest 0.5 (halves away from zero).";
  const trunc = "Net change rounded towards zero to a multiple of 0.5: the closing value minus the opening value.";

  it("FIXED: the rule for halves and the direction towards zero are read", () => {
    expect(statedSteps(away)).toEqual([{ step: 0.5, direction: "away" }]);
    expect(statedSteps(trunc)).toEqual([{ step: 0.5, direction: "zero" }]);
    expect(statedSteps("The balance, rounded to a multiple of 10 towards zero.")).toEqual([{ step: 10, direction: "zero" }]);
  });

  it("FIXED: halves away from zero, −2.25 to −2.5 (was −2, Math.round's halves up)", async () => {
    await publishesRight("temp_change_halves", away, [
      [{ now: 21.2, before: 19 }, 2],
      [{ now: 18, before: 21.4 }, -3.5],
    ], (i: { now: number; before: number }) => awayFromZero(i.now - i.before, 0.5), [{ now: 17, before: 19.25 }, { now: 20.25, before: 18 }, { now: 10.1, before: 10 }, { now: 3, before: 8.75 }]);
  }, ANSWERED_MS);

  it("FIXED: towards zero, −3.9 to −3.5, from the first reading (read as to the nearest, which fits neither example: six questions)", async () => {
    const examples: [unknown, unknown][] = [[{ open: 10, close: 12.3 }, 2], [{ open: 10, close: 6.1 }, -3.5]];
    const person = (i: { open: number; close: number }): number => towardsZero(i.close - i.open, 0.5);
    const probes = [{ open: 5, close: 3.2 }, { open: 5, close: 6.9 }, { open: 0, close: -1.7 }, { open: 2, close: 9.99 }];
    await firstReadingRight("net_change_trunc", trunc, examples, person, probes);
    await publishesRight("net_change_trunc", trunc, examples, person, probes);
  }, ANSWERED_MS);

  it("control: no truncStep or roundStepAway where the description states neither", async () => {
    const result = await backend.synthesize(makeSpec("net_change_nearest", "Net change: the closing value minus the opening value, rounded to the nearest 0.5.", [
      [{ open: 10, close: 12.3 }, 2.5],
      [{ open: 10, close: 6.1 }, -4],
    ]));
    expect(result.code).not.toMatch(/Math\.trunc|Math\.sign/);
  }, ANSWERED_MS);
});

describe("break 6: a fraction of an hour with no unit after it", () => {
  it("FIXED: \"to the nearest quarter\" in hours from minutes brings the minutes' 60 beside it", () => {
    const description = "Hours parked: the minutes on the ticket as hours, rounded to the nearest quarter.";
    expect(statedSteps(description)).toEqual([{ step: 0.25, direction: "nearest", factor: 60 }]);
    expect(stepNumbers(description)).toEqual([0.25, 60]);
    expect(statedSteps("Scores rounded to the nearest quarter.")).toEqual([{ step: 0.25, direction: "nearest" }]);
  });

  for (const [name, said] of [["hours_parked", "quarter"], ["hours_parked_hour", "quarter hour"]] as const) {
    it(`${said === "quarter" ? "FIXED" : "control"}: hours parked to the nearest ${said}`, async () => {
      await publishesRight(name, `Hours parked: the minutes on the ticket as hours, rounded to the nearest ${said}.`, [
        [{ minutes: 130 }, 2.25],
        [{ minutes: 50 }, 0.75],
      ], (i: { minutes: number }) => nearest(i.minutes / 60, 0.25), [{ minutes: 100 }, { minutes: 8 }, { minutes: 610 }, { minutes: 22 }]);
    }, ANSWERED_MS);
  }
});

describe("break 7: a question about an input an example answers; halves down", () => {
  it("FIXED: a program's constant set into one example's field is another example's input: not asked about", () => {
    // x × 2 + floor(x ÷ 9) × 5: the term rests on the example at 9 alone, and 9 set into the first
    // example is that example again; the program without the term disagrees there, and {x: 9} was asked.
    const found = op("add", op("mul", x, num(2)), op("mul", op("floor", op("div", x, num(9))), num(5)));
    const inputs: Json[] = [{ x: 4 }, { x: 6 }, { x: 9 }];
    const question = findAmbiguity({ expr: found, size: 9 }, inputs, [8, 12, 23], priorFor("Twice the size, plus 5 for each full 9.", [2, 5, 9]));
    expect(question).toBeDefined();
    expect(inputs.map((i) => JSON.stringify(i))).not.toContain(JSON.stringify(question?.input));
  });

  it("FIXED: \"halves down\" is a step of its own (round 26b read none, and Math.round fit the whole sizes)", () => {
    expect(statedSteps("Shoe size: foot length in cm × 1.5, rounded to the nearest half size (halves down).")).toEqual([{ step: 0.5, direction: "halfDown" }]);
    expect(statedSteps("Rounded to the nearest 0.5, round half down.")).toEqual([{ step: 0.5, direction: "halfDown" }]);
  });

  it("FIXED: shoe size to the nearest half size, halves down (was Math.round(cm × 1.5) with no question, 38 at 25 cm, want 37.5)", async () => {
    await publishesRight("shoe_size_down", "Shoe size: foot length in cm × 1.5, rounded to the nearest half size (halves down).", [
      [{ cm: 26 }, 39],
      [{ cm: 23.5 }, 35],
    ], (i: { cm: number }) => halvesDown(i.cm * 1.5, 0.5), [{ cm: 25 }, { cm: 24.1 }, { cm: 27.9 }, { cm: 25.5 }]);
  }, ANSWERED_MS);
});

describe("unsteady: \"half\" as a quantity is no rule for ties", () => {
  const description = "Metres to walk back: half the distance down the trail, rounded to the nearest 10.";

  it("FIXED: \"half the distance down\" states a step of 10; \"half to even\" is still a rule for ties (none of the ops)", () => {
    expect(statedSteps(description)).toEqual([{ step: 10, direction: "nearest" }]);
    expect(statedSteps("Rounded to the nearest 0.5, half to even.")).toEqual([]);
  });

  it("FIXED: published as the half distance to the nearest 10, with an answer at 0 (was round(0.5·d/10)·(10·max(d,10)/d) in 1 of 4 runs)", async () => {
    await publishesRight("trail_back", description, [
      [{ d: 250 }, 130],
      [{ d: 1234 }, 620],
    ], (i: { d: number }) => nearest(i.d / 2, 10), [{ d: 0 }, { d: 10 }, { d: 333 }, { d: 2000 }]);
  }, ANSWERED_MS);
});

describe("the step ops' code computes what the search evaluated", () => {
  it("truncStep, roundStepAway and roundStepHalfDown emit what they evaluate", async () => {
    for (const [name, step] of [["truncStep", 0.5], ["truncStep", 15], ["roundStepAway", 0.5], ["roundStepAway", 0.05], ["roundStepAway", 10], ["roundStepHalfDown", 0.5], ["roundStepHalfDown", 0.75], ["roundStepHalfDown", 5]] as const) {
      const e = op(name, x, num(step));
      const code = emitFunction(e, "f");
      const f = await loadPlugin(code);
      for (const v of [-2.25, -3.9, 2.25, -7.5, 44, -0.175, 61.2, 38.25, 37.5]) expect(f({ x: v }, {}), `${code} of ${v}`).toBe(runOn(e, { x: v }));
    }
  });
});
