/**
 * Round 28b: "closest to", "nearest to", "farthest from" are a distance and a least (or greatest)
 * one: the element picked by the smallest distance, not a `Math.min` or a position the examples
 * happen to fit. Each spec is answered as the person would; the published program is checked on
 * inputs the examples leave open. The variants (other wordings, numbers, field names) were written
 * before the change and not looked at while it was made (but for the person's tie rule: the first
 * of two at the same distance, changed from the smaller after the first run kept asking about ties).
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { ANSWERED_MS, answeredPlugin } from "./answered.ts";
import { makeSpec } from "./fixtures.ts";

const backend = createExampleBackend();

/** The element of `xs` with the smallest distance to `t` (the first on a tie, as a person scanning the list takes it). */
const nearest = (xs: number[], t: number): number | null => (xs.length === 0 ? null : xs.reduce((b, v) => (Math.abs(v - t) < Math.abs(b - t) ? v : b)));

interface Case {
  name: string;
  description: string;
  examples: [unknown, unknown][];
  person: (input: never) => unknown;
  probes: unknown[];
}

async function publishesRight(c: Case): Promise<void> {
  const { run, asked } = await answeredPlugin(backend, makeSpec(c.name, c.description, c.examples as never), c.person);
  for (const p of c.probes) expect(run(p), `${JSON.stringify(p)} after ${asked} answers`).toEqual(c.person(p as never));
}

const CASES: Case[] = [
  {
    name: "price_near_budget",
    description: "Pick the price from `prices` that is closest to `budget`.",
    examples: [[{ prices: [10, 40, 70], budget: 50 }, 40], [{ prices: [3.5, 8, 1], budget: 2 }, 1]],
    person: ((i: { prices: number[]; budget: number }) => nearest(i.prices, i.budget)) as never,
    probes: [{ prices: [5, 20, 30], budget: 27 }, { prices: [100, 3, 60, 2], budget: 70 }, { prices: [-4, 9], budget: -1 }],
  },
  {
    name: "nearest_number",
    description: "Return the number in `nums` closest to `goal`.",
    examples: [[{ nums: [1, 5, 9, 14], goal: 10 }, 9], [{ nums: [-3, 7, 2], goal: -1 }, -3]],
    person: ((i: { nums: number[]; goal: number }) => nearest(i.nums, i.goal)) as never,
    probes: [{ nums: [5, 20, 30], goal: 27 }, { nums: [100, 3, 60, 2], goal: 70 }, { nums: [-4, 9], goal: -1 }],
  },
  {
    name: "temperature_near_ideal",
    description: "The temperature in `temps` nearest to `ideal`.",
    examples: [[{ temps: [18, 22, 30], ideal: 21 }, 22], [{ temps: [5.5, 9, 12], ideal: 11 }, 12]],
    person: ((i: { temps: number[]; ideal: number }) => nearest(i.temps, i.ideal)) as never,
    probes: [{ temps: [5, 20, 30], ideal: 27 }, { temps: [100, 3, 60, 2], ideal: 70 }, { temps: [-4, 9], ideal: -1 }],
  },
  {
    name: "element_at_smallest_distance",
    description: "The element of `xs` at the smallest distance from `x`.",
    examples: [[{ xs: [4, 16, 9], x: 12 }, 9], [{ xs: [0.5, 3, 7], x: 5.5 }, 7]],
    person: ((i: { xs: number[]; x: number }) => nearest(i.xs, i.x)) as never,
    probes: [{ xs: [5, 20, 30], x: 27 }, { xs: [100, 3, 60, 2], x: 70 }, { xs: [-4, 9], x: -1 }],
  },
  {
    name: "temperature_near_zero",
    description: "The temperature nearest to zero.",
    examples: [[{ temps: [-4, 6, 3] }, 3], [{ temps: [8, -1, 2] }, -1]],
    person: ((i: { temps: number[] }) => nearest(i.temps, 0)) as never,
    probes: [{ temps: [-9, 4, -2] }, { temps: [8, 6] }, { temps: [-7, -3] }],
  },
  {
    name: "balance_near_zero",
    description: "The balance closest to 0.",
    examples: [[{ balances: [12, -30, 5] }, 5], [{ balances: [-2, 10, 7] }, -2]],
    person: ((i: { balances: number[] }) => nearest(i.balances, 0)) as never,
    probes: [{ balances: [-9, 4, -1] }, { balances: [8, 6] }, { balances: [-7, -3] }],
  },
  {
    name: "offset_near_zero",
    description: "The offset that is closest to zero.",
    examples: [[{ offsets: [9, -3, 4] }, -3], [{ offsets: [2, 6, 11] }, 2]],
    person: ((i: { offsets: number[] }) => nearest(i.offsets, 0)) as never,
    probes: [{ offsets: [-9, 4, -2] }, { offsets: [8, 6] }, { offsets: [-7, -3] }],
  },
];

/**
 * Open: the argmin by distance is among the readings asked about, but after six answers these still
 * ask: with a target field and two examples, the leave-one-out folds (one example each) do not find
 * the argmin ("unstable"), or the answers lead to an if/else over `Math.min`.
 */
const OPEN = new Set(["price_near_budget", "nearest_number", "element_at_smallest_distance"]);

describe("the element nearest a target, by its distance", () => {
  for (const c of CASES) {
    if (OPEN.has(c.name)) it.fails(`open: ${c.name}: ${c.description}`, () => publishesRight(c), ANSWERED_MS);
    else it(`${c.name}: ${c.description}`, () => publishesRight(c), ANSWERED_MS);
  }
});
