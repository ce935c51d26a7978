/**
 * The rival search: programs that reproduce every example but answer a plausible unseen input
 * otherwise are found by enumerating again on the examples and on probe inputs, so parts that only
 * the examples make alike (a number written into a name and the number field beside it) stay apart.
 */
import { describe, expect, it } from "vitest";
import { jsonEqual } from "../../src/spec/index.ts";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { priorFor } from "../../src/agents/synthesizer/rank.ts";
import { keyProbes, searchRivals } from "../../src/agents/synthesizer/rival-search.ts";
import { runOn } from "../../src/agents/synthesizer/evaluate.ts";
import type { Expr, Json } from "../../src/agents/synthesizer/types.ts";
import { makeSpec } from "./fixtures.ts";
import { loadPlugin } from "./load-plugin.ts";

const backend = createExampleBackend();
const limits = { maxBody: 5, maxLambdaEntries: 20_000 };
const T = (name: string, priority: number): Json => ({ name, priority });

/** Every task's name ends in its priority: the examples cannot tell the name's number from the field. */
const TASK_EXAMPLES: [Json, Json][] = [
  [{ tasks: [T("deploy12", 12), T("fix3", 3), T("test7", 7)] }, ["fix3", "test7", "deploy12"]],
  [{ tasks: [T("docs9", 9), T("review2", 2)] }, ["review2", "docs9"]],
  [{ tasks: [T("plan5", 5), T("ship11", 11), T("lint1", 1)] }, ["lint1", "plan5", "ship11"]],
];

describe("rival search", () => {
  it("asks instead of publishing an order taken from numbers that only happen to match a field", async () => {
    const spec = makeSpec("by_priority", "Task names ordered by priority, lowest first.", TASK_EXAMPLES);
    const result = await backend.synthesize(spec);
    const a = result.ambiguity;
    expect(a, result.code).toBeDefined();
    expect(spec.examples.some((e) => jsonEqual(e.input, a!.input))).toBe(false);
    // Each reading is a real program: it fits every example and gives its own answer to the question.
    const answers = new Set<string>();
    for (const reading of a!.readings) {
      const fn = await loadPlugin(`export default function f(input) {\n${reading.program.includes("return ") ? reading.program : `return ${reading.program};`}\n}`);
      for (const e of spec.examples) expect(fn(structuredClone(e.input), {})).toEqual(e.output);
      answers.add(JSON.stringify(fn(structuredClone(a!.input), {})));
    }
    expect(answers.size).toBeGreaterThanOrEqual(2);
  });

  it("finds the reading that observational equivalence on the examples alone folds into the chosen one", () => {
    const inputs = TASK_EXAMPLES.map(([i]) => i);
    const outputs = TASK_EXAMPLES.map(([, o]) => o);
    // Sorted by the number in the name: the field `priority` is the same on every example.
    const byName: Expr = { k: "lam", op: "map", arr: { k: "lam", op: "sortAsc", arr: { k: "in", path: ["tasks"] }, body: { k: "op", op: "numAt", args: [{ k: "x", path: ["name"] }, { k: "const", value: 0 }] } }, body: { k: "x", path: ["name"] } };
    for (const [i, input] of inputs.entries()) expect(runOn(byName, input)).toEqual(outputs[i]);
    const rivals = searchRivals({ expr: byName, size: 6 }, inputs, outputs, { spec: { description: "Task names in order.", enums: [] }, limits, prior: priorFor("Task names in order.", []) });
    const readsPriority = rivals.filter((r) => JSON.stringify(r.expr).includes('"priority"'));
    expect(readsPriority.length).toBeGreaterThan(0);
    for (const r of readsPriority) {
      for (const [i, input] of inputs.entries()) expect(runOn(r.expr, input)).toEqual(outputs[i]);
      // ...and some probe it was kept apart on tells it from the chosen program.
      expect(keyProbes(byName, inputs).some((p) => !jsonEqual(runOn(r.expr, p) ?? null, runOn(byName, p) ?? null))).toBe(true);
    }
  });

  it("stops at its time guard and hands on the rivals found by then, however many candidates its counts allow", () => {
    const inputs = TASK_EXAMPLES.map(([i]) => i);
    const outputs = TASK_EXAMPLES.map(([, o]) => o);
    const byName: Expr = { k: "lam", op: "map", arr: { k: "lam", op: "sortAsc", arr: { k: "in", path: ["tasks"] }, body: { k: "op", op: "numAt", args: [{ k: "x", path: ["name"] }, { k: "const", value: 0 }] } }, body: { k: "x", path: ["name"] } };
    const opts = { spec: { description: "Task names in order.", enums: [] }, limits, prior: priorFor("Task names in order.", []) };
    expect(searchRivals({ expr: byName, size: 6 }, inputs, outputs, opts).length).toBeGreaterThan(0);
    // A clock already past the guard: the search ends before it reaches the reading by priority.
    const late = { now: () => 1, end: 0 };
    expect(searchRivals({ expr: byName, size: 6 }, inputs, outputs, { ...opts, time: late })).toEqual([]);
  });

  it("offers no rounding nobody asked for as a rival, and leaves examples that pin the program solved", async () => {
    const spec = makeSpec("per_head", "Cost divided by the number of people.", [
      [{ cost: 66, people: 6 }, 11],
      [{ cost: 138, people: 6 }, 23],
      [{ cost: 24, people: 4 }, 6],
      [{ cost: 152, people: 8 }, 19],
    ]);
    const result = await backend.synthesize(spec);
    expect(result.ambiguity, JSON.stringify(result.ambiguity)).toBeUndefined();
    const fn = await loadPlugin(result.code);
    expect(fn({ cost: 1, people: 4 }, {})).toBe(0.25);
  });
});
