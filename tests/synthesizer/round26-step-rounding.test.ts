/**
 * Round 26b (issue #17): a rounding to a step the description states — "to the nearest half size",
 * "to the nearest 15 minutes", "to the nearest 0.05", "to the nearest 10", "rounded up to the next
 * 0.25 hour", "rounded down to a multiple of 15". Specs invented here. Each end-to-end test answers
 * the backend's questions as the person would and checks the published program on inputs the
 * examples leave open; the controls state no step, and no step rounding may appear in them.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { runOn } from "../../src/agents/synthesizer/evaluate.ts";
import { emitFunction } from "../../src/agents/synthesizer/emit.ts";
import { priorFor } from "../../src/agents/synthesizer/rank.ts";
import { restate } from "../../src/agents/synthesizer/restate.ts";
import { roundToStep, statedSteps, stepOps } from "../../src/agents/synthesizer/stated-step.ts";
import type { Expr } from "../../src/agents/synthesizer/types.ts";
import { ANSWERED_MS, answeredPlugin, uses } from "./answered.ts";
import { makeSpec } from "./fixtures.ts";
import { loadPlugin } from "./load-plugin.ts";

const backend = createExampleBackend();

/** `v` to the nearest multiple of `step`, halves up, written with the step's decimals: as a person reads it. */
const nearest = (v: number, step: number): number => Number((Math.round(v / step + 1e-9) * step).toFixed(6));
const up = (v: number, step: number): number => Number((Math.ceil(v / step - 1e-9) * step).toFixed(6));
const down = (v: number, step: number): number => Number((Math.floor(v / step + 1e-9) * step).toFixed(6));

const STEP_OPS = ["roundStep", "ceilStep", "floorStep"];
const stepsIn = (e: Expr | undefined): string[] => STEP_OPS.filter((o) => uses(e, o));

/** The backend, after the person's answers, publishes a program right on every probe. */
async function publishesRight(name: string, description: string, examples: [unknown, unknown][], person: (input: never) => unknown, probes: unknown[]): Promise<void> {
  const spec = makeSpec(name, description, examples);
  const { run, asked } = await answeredPlugin(backend, spec, person);
  for (const p of probes) expect(run(p), `${JSON.stringify(p)} after ${asked} answers`).toEqual(person(p as never));
}

describe("the steps a description states", () => {
  it("reads the step, its unit and its direction", () => {
    expect(statedSteps("EU glove size: cm ÷ 2.54, rounded to the nearest half size (a value exactly between goes up).")).toEqual([{ step: 0.5, direction: "nearest" }]);
    expect(statedSteps("Scores rounded to the nearest quarter.")).toEqual([{ step: 0.25, direction: "nearest" }]);
    expect(statedSteps("The price, rounded to the nearest 0.05 (5 cents).")).toEqual([{ step: 0.05, direction: "nearest" }]);
    expect(statedSteps("The price in euros, rounded to the nearest 5 cents.")).toEqual([{ step: 0.05, direction: "nearest", factor: 100 }]);
    expect(statedSteps("Guests, rounded to the nearest ten.")).toEqual([{ step: 10, direction: "nearest" }]);
    expect(statedSteps("Billable hours, rounded up to the next 0.25.")).toEqual([{ step: 0.25, direction: "up" }]);
    expect(statedSteps("Minutes, rounded down to a multiple of 15.")).toEqual([{ step: 15, direction: "down" }]);
    expect(statedSteps("Minutes billed in 15-minute increments, rounded up.")).toEqual([{ step: 15, direction: "up" }]);
    // After "nearest", an "up" is of the halves.
    expect(statedSteps("Rounded to the nearest 0.5, a value exactly between rounded up.")).toEqual([{ step: 0.5, direction: "nearest" }]);
    // Minutes in an answer in hours are read both ways: the examples decide.
    expect(statedSteps("Hours worked, rounded to the nearest 15 minutes.").map((s) => s.step)).toEqual([15, 0.25]);
  });

  it("reads no step where none is stated, or ties go another way", () => {
    expect(statedSteps("The distance to the nearest 3 stores, summed.")).toEqual([]);
    expect(statedSteps("The mean, rounded to the nearest whole number.")).toEqual([]);
    expect(statedSteps("Half the price plus a fee of 2, rounded to 2 decimals.")).toEqual([]);
    // Halves down has an op of its own since round 27a (attack-round26-steps.test.ts); to even has none.
    expect(statedSteps("Rounded to the nearest 0.5, halves to even.")).toEqual([]);
    expect(stepOps("The total, rounded to 1 decimal.")).toEqual([]);
  });

  it("writes the answer with the step's decimals, as its JavaScript computes it", async () => {
    expect(roundToStep(0.175, 0.05, Math.round)).toBe(0.2);
    expect(roundToStep(7.74, 0.05, Math.round)).toBe(7.75);
    expect(roundToStep(1.1, 0.75, Math.round)).toBe(0.75);
    expect(roundToStep(1.01, 0.25, Math.ceil)).toBe(1.25);
    expect(roundToStep(44, 15, Math.floor)).toBe(30);
    for (const [name, step] of [["roundStep", 0.05], ["ceilStep", 0.25], ["floorStep", 15], ["roundStep", 0.75], ["roundStep", 10]] as const) {
      const e: Expr = { k: "op", op: name, args: [{ k: "in", path: ["x"] }, { k: "const", value: step }] };
      const code = emitFunction(e, "f");
      const f = await loadPlugin(code);
      for (const x of [0.175, 1.3, 7.74, 44, 61.2, 2.2 + 0.1]) expect(f({ x }, {}), `${code} of ${x}`).toBe(runOn(e, { x }));
    }
  });

  it("restates the program's rounding as the stated step where the examples allow it", () => {
    const description = "Shoe size: the foot length in cm times 1.5, rounded to the nearest half size.";
    const prior = priorFor(description, [1.5, 0.5]);
    // Whole answers on both examples: `round` fits them, the stated half size is meant.
    const whole: Expr = { k: "op", op: "round", args: [{ k: "op", op: "mul", args: [{ k: "in", path: ["cm"] }, { k: "const", value: 1.5 }] }] };
    const restated = restate({ expr: whole, size: 4 }, [{ cm: 25.3 }, { cm: 26.1 }], [38, 39], prior, description);
    expect(restated.expr.k === "op" && restated.expr.op).toBe("roundStep");
    expect(runOn(restated.expr, { cm: 25 })).toBe(37.5);
  });
});

describe("end to end: a rounding to a stated step", () => {
  it("glove size to the nearest half size", async () => {
    await publishesRight("glove_size", "EU glove size: hand circumference in cm ÷ 2.54, rounded to the nearest half size (halves up).", [
      [{ cm: 21 }, 8.5],
      [{ cm: 20 }, 8],
    ], (i: { cm: number }) => nearest(i.cm / 2.54, 0.5), [{ cm: 19 }, { cm: 23 }, { cm: 24.5 }, { cm: 17.2 }]);
  }, ANSWERED_MS);

  it("shoe size to the nearest 0.5, from examples whose sizes are whole", async () => {
    await publishesRight("shoe_size", "Shoe size: foot length in cm × 1.5, rounded to the nearest 0.5.", [
      [{ cm: 25.3 }, 38],
      [{ cm: 26.1 }, 39],
    ], (i: { cm: number }) => nearest(i.cm * 1.5, 0.5), [{ cm: 25 }, { cm: 24.1 }, { cm: 27.9 }, { cm: 22 }]);
  }, ANSWERED_MS);

  it("timesheet hours to the nearest 15 minutes", async () => {
    await publishesRight("timesheet_hours", "Hours worked from the minutes on the timesheet, rounded to the nearest 15 minutes.", [
      [{ minutes: 487 }, 8],
      [{ minutes: 130 }, 2.25],
    ], (i: { minutes: number }) => nearest(i.minutes / 60, 0.25), [{ minutes: 100 }, { minutes: 52 }, { minutes: 8 }, { minutes: 610 }]);
  }, ANSWERED_MS);

  it("a cash price to the nearest 0.05", async () => {
    await publishesRight("cash_price", "Cash price: price × 1.08, rounded to the nearest 0.05 (5 cents).", [
      [{ price: 10 }, 10.8],
      [{ price: 3.99 }, 4.3],
    ], (i: { price: number }) => nearest(i.price * 1.08, 0.05), [{ price: 7.2 }, { price: 1.15 }, { price: 0.5 }, { price: 24.99 }]);
  }, ANSWERED_MS);

  it("expected guests to the nearest 10", async () => {
    await publishesRight("expected_guests", "Expected guests: the invited count times the acceptance rate, rounded to the nearest 10.", [
      [{ invited: 120, rate: 0.35 }, 40],
      [{ invited: 80, rate: 0.6 }, 50],
    ], (i: { invited: number; rate: number }) => nearest(i.invited * i.rate, 10), [{ invited: 200, rate: 0.12 }, { invited: 57, rate: 0.9 }, { invited: 10, rate: 0.3 }]);
  }, ANSWERED_MS);

  it("billable hours up to the next 0.25 hour", async () => {
    await publishesRight("billable_hours", "Billable hours: the minutes worked as hours, rounded up to the next 0.25 hour.", [
      [{ minutes: 70 }, 1.25],
      [{ minutes: 130 }, 2.25],
    ], (i: { minutes: number }) => up(i.minutes / 60, 0.25), [{ minutes: 1 }, { minutes: 15 }, { minutes: 46 }, { minutes: 200 }]);
  }, ANSWERED_MS);

  it("consulting hours billed in 15-minute increments, rounded up (the direction after the step)", async () => {
    await publishesRight("consulting_hours", "Consulting hours billed: the minutes of the call as hours, billed in 15-minute increments, rounded up.", [
      [{ minutes: 50 }, 1],
      [{ minutes: 95 }, 1.75],
    ], (i: { minutes: number }) => up(i.minutes / 60, 0.25), [{ minutes: 1 }, { minutes: 60 }, { minutes: 61 }, { minutes: 239 }]);
  }, ANSWERED_MS);

  it("practice minutes down to a multiple of 15", async () => {
    await publishesRight("practice_blocks", "Full quarter-hours of practice: the minutes practised, rounded down to a multiple of 15.", [
      [{ minutes: 52 }, 45],
      [{ minutes: 100 }, 90],
    ], (i: { minutes: number }) => down(i.minutes, 15), [{ minutes: 14 }, { minutes: 15 }, { minutes: 119 }, { minutes: 61 }]);
  }, ANSWERED_MS);

  it("a mean of the judges' scores to the nearest quarter", async () => {
    const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
    await publishesRight("judges_mean", "The mean of the judges' scores, rounded to the nearest quarter.", [
      [{ scores: [7.3, 8.1, 7.9] }, 7.75],
      [{ scores: [6, 6.9] }, 6.5],
    ], (i: { scores: number[] }) => nearest(mean(i.scores), 0.25), [{ scores: [5, 5.2] }, { scores: [9.9, 9.4, 9.6] }, { scores: [3, 8] }, { scores: [4.1] }]);
  }, ANSWERED_MS);

  it("a mean of two fields to the nearest quarter: the rounding of a part is lifted to the answer", async () => {
    // The search reaches `roundStep(a + b, 0.25) / 2` (eighths) as soon as `(a + b) / 2` rounded;
    // the program taken rounds the mean. (After that the two fields' coincidences take up to six
    // answers to rule out, a matter of the search, not of the rounding: the first reading is checked.)
    const spec = makeSpec("two_judges_mean", "The mean of the two judges' ratings, rounded to the nearest quarter.", [
      [{ a: 7.3, b: 8.1 }, 7.75],
      [{ a: 6, b: 6.9 }, 6.5],
    ]);
    const result = await backend.synthesize(spec);
    const program = result.program as Expr;
    expect(program.k === "op" && program.op, result.code).toBe("roundStep");
    for (const p of [{ a: 5, b: 5.2 }, { a: 9.9, b: 9.4 }, { a: 3, b: 8 }, { a: 7, b: 7.1 }]) expect(runOn(program, p), JSON.stringify(p)).toBe(nearest((p.a + p.b) / 2, 0.25));
  }, ANSWERED_MS);

  it("roasting minutes to the nearest 5 minutes", async () => {
    await publishesRight("roast_minutes", "Roasting time in minutes: 20 minutes per 500 g of the roast's weight in grams, rounded to the nearest 5 minutes.", [
      [{ grams: 1200 }, 50],
      [{ grams: 1800 }, 70],
    ], (i: { grams: number }) => nearest((20 * i.grams) / 500, 5), [{ grams: 1000 }, { grams: 1370 }, { grams: 650 }, { grams: 2990 }]);
  }, ANSWERED_MS);

  it("\"per 500 g\" is a rate, not a rounding of each part: whole-minute examples still get the stated 5-minute step", async () => {
    // Both answers are whole and multiples of 5, so Math.round fitted them; "per" before the rounding
    // read as "each part is rounded" kept the stated step out, and Math.round(20 × grams ÷ 500) was published.
    await publishesRight("roast_minutes_whole", "Roasting time in minutes: 20 minutes per 500 g of the roast's weight in grams, rounded to the nearest 5 minutes.", [
      [{ grams: 1000 }, 40],
      [{ grams: 1370 }, 55],
    ], (i: { grams: number }) => nearest((20 * i.grams) / 500, 5), [{ grams: 650 }, { grams: 2990 }, { grams: 1130 }]);
  }, ANSWERED_MS);
});

describe("controls: no step stated, no step rounding", () => {
  const controls: [string, string, [unknown, unknown][], (i: never) => unknown, unknown[]][] = [
    ["judges_tenths", "The mean of the two judges' ratings, rounded to 1 decimal.", [[{ a: 7.3, b: 8.1 }, 7.7], [{ a: 6, b: 6.8 }, 6.4]],
      (i: { a: number; b: number }) => Math.round(((i.a + i.b) / 2) * 10) / 10, [{ a: 5, b: 5.3 }, { a: 9.9, b: 9.4 }]],
    ["guests_whole", "Expected guests: the invited count times the acceptance rate, rounded to the nearest whole number.", [[{ invited: 120, rate: 0.35 }, 42], [{ invited: 80, rate: 0.6 }, 48]],
      (i: { invited: number; rate: number }) => Math.round(i.invited * i.rate), [{ invited: 57, rate: 0.9 }, { invited: 10, rate: 0.33 }]],
    ["half_price", "Half the price plus a fee of 2, rounded to 2 decimals.", [[{ price: 10 }, 7], [{ price: 3.99 }, 4]],
      (i: { price: number }) => Math.round((i.price / 2 + 2) * 100) / 100, [{ price: 7.25 }, { price: 0.37 }]],
  ];
  for (const [name, description, examples, person, probes] of controls) {
    it(`${name}: no step op is built, chosen or published`, async () => {
      expect(statedSteps(description)).toEqual([]);
      expect(stepOps(description)).toEqual([]);
      const first = await backend.synthesize(makeSpec(name, description, examples));
      expect(stepsIn(first.program as Expr), first.code).toEqual([]);
      const { run } = await answeredPlugin(backend, makeSpec(name, description, examples), person);
      for (const p of probes) expect(run(p), JSON.stringify(p)).toEqual(person(p as never));
    }, ANSWERED_MS);
  }
});
