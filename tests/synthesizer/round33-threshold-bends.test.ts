/**
 * Round 33 (issue 17): a rule that changes at a stated threshold. Stop 46's CI published, for "a bag
 * of up to 23 kg flies free; a bag beyond 23 kg pays a 50 euro fee plus 10 euros for each kg beyond
 * 23", after five answers, max(10 × kg − 180, 0): 0 up to 18 kg, 20 euros at 20 kg. Locally the same
 * answers led to more questions: which program came first hung on how much search the CPU-time
 * budget bought on a loaded machine. Now a program of one number that bends 2 or more away from the
 * stated threshold, with no example in between, is asked about next to the threshold
 * (threshold-bends.ts), whatever the search found first.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { op } from "../../src/agents/synthesizer/expr.ts";
import { bendOffThreshold, ruleNumbers } from "../../src/agents/synthesizer/threshold-bends.ts";
import type { Expr, Json } from "../../src/agents/synthesizer/types.ts";
import { ANSWERED_MS } from "./answered.ts";
import { keepsStatedPromise } from "./stated-attacks.ts";
import type { StatedAttack } from "./stated-attacks.ts";
import { makeSpec } from "./fixtures.ts";
import { loadPlugin } from "./load-plugin.ts";

const kg: Expr = { k: "in", path: ["kg"] };
const n = (value: number): Expr => ({ k: "const", value });
const at = (...kgs: number[]): Json[] => kgs.map((k) => ({ kg: k }));
const anyInput = (): boolean => true;

describe("bendOffThreshold: where the program bends against where the description says the rule changes", () => {
  it("asks next to the threshold, on the side of a bend the examples leave open", () => {
    const line = op("max2", op("sub", op("mul", n(10), kg), n(180)), n(0));
    const asked = bendOffThreshold(line, at(25, 30, 0, 1, 24, 13), [23], anyInput);
    expect(asked?.input).toEqual({ kg: 22 });
    expect(asked?.readings[0]?.output).toBe(40);
  });

  it("asks past the threshold where the program jumps there (a rounding of kg / 50 that fits every example)", () => {
    const jump = op("mul", op("round", op("div", kg, n(50))), op("add", n(50), op("mul", n(10), op("max2", op("sub", kg, n(23)), n(0)))));
    expect(bendOffThreshold(jump, at(25, 30, 0, 50, 1, 22, 3), [23], anyInput)?.input).toEqual({ kg: 24 });
  });

  it("leaves a program that bends at the threshold, one whose bend an example settles, and a staircase", () => {
    const excess = op("add", n(50), op("mul", n(10), op("max2", op("sub", kg, n(23)), n(0))));
    expect(bendOffThreshold(excess, at(25, 30, 0), [23], anyInput)).toBeUndefined();
    const line = op("max2", op("sub", op("mul", n(10), kg), n(180)), n(0));
    expect(bendOffThreshold(line, at(25, 30, 20), [23], anyInput)).toBeUndefined();
    expect(bendOffThreshold(op("mul", n(10), op("ceil", op("div", kg, n(5)))), at(25, 30), [23], anyInput)).toBeUndefined();
    expect(bendOffThreshold(line, at(25, 30, 0), [], anyInput)).toBeUndefined();
  });

  it("asks at the threshold where the program jumps there and no example sits on it", () => {
    const fee = op("add", n(20), op("mul", n(5), op("sub", kg, n(30))));
    const from30 = op("mul", op("floor", op("div", kg, op("max2", kg, n(30)))), fee);
    const asked = bendOffThreshold(from30, at(32, 40, 0, 29), [30], anyInput);
    expect(asked?.input).toEqual({ kg: 30 });
    expect(asked?.readings.map((r) => r.output)).toEqual([20, 0]);
    expect(bendOffThreshold(from30, at(32, 40, 0, 30), [30], anyInput)).toBeUndefined();
  });

  it("asks on the other side of the number where a line's examples all lie on one side of it", () => {
    const deficit = op("mul", n(3), op("sub", n(15), { k: "in", path: ["temp"] }));
    const asked = bendOffThreshold(deficit, [{ temp: 5 }, { temp: 10 }], [15], anyInput);
    expect(asked?.input).toEqual({ temp: 16 });
    expect(asked?.readings[0]?.output).toBe(-3);
    expect(bendOffThreshold(deficit, [{ temp: 5 }, { temp: 20 }], [15], anyInput)).toBeUndefined();
  });

  it("asks just past a bend beyond every example that no stated number explains", () => {
    const sale: Expr = { k: "in", path: ["sale"] };
    const steps = op("mul", sale, op("div", op("ceil", op("div", sale, n(1000))), n(100)));
    const shown = [500, 2000, 999, 1001, 1000, 3].map((v) => ({ sale: v }));
    expect(bendOffThreshold(steps, shown, [1000], anyInput)?.input).toEqual({ sale: 2002 });
  });

  it("reads the numbers a rule changes at in the words people use", () => {
    expect(ruleNumbers("Bags above 23 kg pay 50 euros; lighter bags are free.", [])).toEqual([23]);
    expect(ruleNumbers("each degree below 15 costs 3 euros; children under 12 pay half", [])).toEqual([15, 12]);
    expect(ruleNumbers("a discount of over 10% on orders", [])).toEqual([]);
    expect(ruleNumbers("each kg beyond 23 costs 10 euros, heavier than 32 kg is refused", [23])).toEqual([23, 32]);
  });

  it("asks nothing the caller does not allow", () => {
    const line = op("max2", op("sub", op("mul", n(10), kg), n(180)), n(0));
    expect(bendOffThreshold(line, at(25, 30, 0), [23], (i) => (i as { kg: number }).kg !== 22)).toBeUndefined();
  });
});

const BAGGAGE = "Baggage: a bag of up to 23 kg flies free; a bag beyond 23 kg pays a 50 euro fee plus 10 euros for each kg beyond 23.";
const bagFee = (i: { kg: number }): number => (i.kg <= 23 ? 0 : 50 + 10 * (i.kg - 23));

describe("the baggage fee after the answers that reached a wrong program", () => {
  // The answers (with the outputs each question offered) of stop 46's CI run and of the local runs around it.
  const ANSWERED: [number, number, unknown[]][][] = [
    [[0, 0, [50]], [50, 320, [300, null]], [1, 0, [50]], [24, 60, [60, 0]], [13, 0, [0]]],
    [[0, 0, [50]], [50, 320, [300, null]], [1, 0, [50]], [24, 60, [60, 0]], [3, 0, [0]]],
    [[0, 0, [50]], [50, 320, [300, null]], [1, 0, [50]], [22, 0, [40, null]], [3, 0, [0]]],
  ];
  const backend = createExampleBackend();
  for (const [i, answers] of ANSWERED.entries()) {
    it(`asks, or publishes the fee right between 18 and 25 kg and far past 23 (answers ${i + 1})`, async () => {
      const spec = makeSpec("baggage_fee", BAGGAGE, [[{ kg: 25 }, 70], [{ kg: 30 }, 120]]);
      const examples = [...spec.examples, ...answers.map(([k, out, offered]) => ({ input: { kg: k }, output: out, offered }))];
      const result = await backend.synthesize({ ...spec, examples });
      if (result.ambiguity) return;
      const run = await loadPlugin(result.code);
      for (const k of [18, 20, 22, 23, 24, 26, 75, 120]) expect(run({ kg: k }, {}), `kg ${k} by ${result.code}`).toBe(bagFee({ kg: k }));
    }, ANSWERED_MS);
  }
});

/** Others of the kind: a charge that starts at a stated threshold, as a person answers it. */
const KIND: StatedAttack[] = [
  {
    name: "parcel_surcharge_beyond_30",
    description: "Parcel surcharge: parcels up to 30 kg pay none; a parcel beyond 30 kg pays 20 euros plus 5 euros for each kg beyond 30.",
    examples: [[{ kg: 32 }, 30], [{ kg: 40 }, 70]],
    person: ((i: { kg: number }) => (i.kg <= 30 ? 0 : 20 + 5 * (i.kg - 30))) as StatedAttack["person"],
    probes: [{ kg: 27 }, { kg: 29 }, { kg: 30 }, { kg: 31 }, { kg: 90 }],
  },
  {
    name: "late_fee_beyond_7_days",
    description: "Library late fee: a book returned within 7 days costs nothing; beyond 7 days the fee is 3 euros plus 1 euro for each day beyond 7.",
    examples: [[{ days: 10 }, 6], [{ days: 15 }, 11]],
    person: ((i: { days: number }) => (i.days <= 7 ? 0 : 3 + (i.days - 7))) as StatedAttack["person"],
    probes: [{ days: 5 }, { days: 6 }, { days: 7 }, { days: 8 }, { days: 40 }],
  },
];

describe("a charge that starts at a stated threshold: asked about, or published right", () => {
  const backend = createExampleBackend();
  for (const a of KIND) it(a.name, () => keepsStatedPromise(backend, a, { mustPublish: false, traceVar: "R33_TRACE" }), ANSWERED_MS);
});
