/**
 * A program the examples only just pin down is asked about, not published (issue 17, round 9):
 * for each example, the search runs on the others, and when the program it takes then misses the
 * example left out, the backend asks the person to confirm its program's output on a new input.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend, describeAmbiguity, offeredOutputs } from "../../src/agents/synthesizer/index.ts";
import { folds, twinGroups } from "../../src/agents/synthesizer/leave-one-out.ts";
import { chooseProgram } from "../../src/agents/synthesizer/choose.ts";
import { createBudget } from "../../src/agents/synthesizer/budget.ts";
import type { Expr } from "../../src/agents/synthesizer/types.ts";
import { priorFor } from "../../src/agents/synthesizer/rank.ts";
import { descriptionNumbers, schemaEnums } from "../../src/agents/synthesizer/constants.ts";
import type { ExampleSearch } from "../../src/agents/synthesizer/choose.ts";
import { jsonEqual } from "../../src/spec/index.ts";
import type { CapabilitySpec } from "../../src/spec/index.ts";
import { makeSpec } from "./fixtures.ts";
import { loadPlugin } from "./load-plugin.ts";

const backend = createExampleBackend();

function searchOf(spec: CapabilitySpec): ExampleSearch {
  return {
    spec,
    specText: { description: spec.description, enums: schemaEnums(spec.inputSchema) },
    prior: priorFor(spec.description, descriptionNumbers(spec.description)),
    limits: { maxBody: 5, maxLambdaEntries: 20_000 },
    maxSize: 12,
    maxEntries: 400_000,
  };
}
const cpu = (): number => performance.now();
/** The program the search takes on every example of `spec`. */
function chosen(spec: CapabilitySpec): Expr {
  const found = chooseProgram(searchOf(spec), spec.examples, createBudget(cpu, cpu() + 10_000));
  if (!found) throw new Error(`no program for ${spec.capability}`);
  return found.expr;
}

// Two examples of a subscription's age in months: the search takes a coincidence of the two dates
// (the length of today's weekday name), and either example alone is explained otherwise.
const tenure = makeSpec("tenure_months", "Whole months a subscription has run, from its start date to today (ISO dates).", [
  [{ start: "2025-01-20", today: "2025-03-20" }, 2],
  [{ start: "2025-01-20", today: "2025-03-19" }, 1],
]);
// Two examples of a share rounded up: right, but neither example is foreseen from the other.
const rent = makeSpec("rent_share", "Each flatmate's share of the rent in whole euros, enough that the rent is covered.", [
  [{ rent: 1000, people: 3 }, 334],
  [{ rent: 900, people: 2 }, 450],
]);
const share = (input: unknown): number => {
  const { rent: r, people } = input as { rent: number; people: number };
  return Math.ceil(r / people);
};
// Three examples of a sum: each one is what the other two teach.
const sum = makeSpec("sum_pair", "Sum of a and b.", [
  [{ a: 3, b: 4 }, 7],
  [{ a: 10, b: 2 }, 12],
  [{ a: 0, b: 5 }, 5],
]);

describe("leave-one-out", () => {
  it("folds: each example predicted from the others when they teach the program", () => {
    const f = folds(searchOf(sum), chosen(sum), sum.examples, { now: cpu, foldCandidates: 50_000, totalMs: 20_000 });
    expect(f.map((x) => x.ok)).toEqual([true, true, true]);
    expect(f.map((x) => x.predicted)).toEqual([7, 12, 5]);
  });

  it("folds: a miss stops the folds; a fold with no time left counts as missed", () => {
    const f = folds(searchOf(tenure), chosen(tenure), tenure.examples, { now: cpu, foldCandidates: 50_000, totalMs: 20_000 });
    expect(f.at(-1)?.ok).toBe(false);
    expect(f.filter((x) => !x.ok)).toHaveLength(1);
    const none = folds(searchOf(sum), chosen(sum), sum.examples, { now: cpu, foldCandidates: 50_000, totalMs: 0 });
    expect(none).toEqual([{ left: 0, group: [0], ok: false }]);
  });

  it("folds: copies of an example, or twins in every field the program reads, are left out together", () => {
    const twice = { ...tenure, examples: [...tenure.examples, ...tenure.examples.map((e) => ({ ...e }))] };
    expect(twinGroups(chosen(tenure), twice.examples)).toEqual([[0, 2], [1, 3]]);
    const sumTwins = makeSpec("sum_pair", "Sum of a and b.", [[{ a: 3, b: 4, note: "x" }, 7], [{ a: 3, b: 4, note: "y" }, 7], [{ a: 10, b: 2, note: "x" }, 12]]);
    expect(twinGroups(chosen(sum), sumTwins.examples)).toEqual([[0, 1], [2]]);
  });

  it("copied examples do not make a coincidence foreseen", async () => {
    const twice = { ...tenure, examples: [...tenure.examples, ...tenure.examples.map((e) => ({ ...e }))] };
    const outcome = await backend.synthesize(twice).then(
      (r) => r.ambiguity?.reason ?? "published",
      (e: { code?: string; details?: { reason?: string } }) => `${e.code}:${e.details?.reason}`,
    );
    expect(["unstable", "no_program_found:unstable"]).toContain(outcome);
  });

  it("a program each example was foreseen for is published without a question", async () => {
    const result = await backend.synthesize(sum);
    expect(result.ambiguity).toBeUndefined();
  });

  it("a program resting on one example alone is not published silently", async () => {
    // Whether it asks (an input to confirm on) or refuses (none can be made), it never publishes.
    const outcome = await backend.synthesize(tenure).then(
      (r) => r.ambiguity?.reason ?? "published",
      (e: { code?: string; details?: { reason?: string } }) => `${e.code}:${e.details?.reason}`,
    );
    expect(["unstable", "no_program_found:unstable"]).toContain(outcome);
  });

  it("asks to confirm a program the examples only just pin down, and publishes it once the answers teach it", async () => {
    let spec = rent;
    const first = await backend.synthesize(spec);
    const a = first.ambiguity;
    expect(a?.reason).toBe("unstable");
    expect(a!.readings).toHaveLength(1);
    expect(describeAmbiguity(a!)).toContain(`right for ${JSON.stringify(a!.input)}`);
    expect((await loadPlugin(first.code))(structuredClone(a!.input), {})).toEqual(a!.readings[0]!.output);
    expect(spec.examples.some((e) => jsonEqual(e.input, a!.input))).toBe(false);
    // A person who knows the task answers every question, as at /need.
    let result = first;
    for (let answers = 0; result.ambiguity && answers < 6; answers++) {
      const q = result.ambiguity;
      spec = { ...spec, examples: [...spec.examples, { input: q.input, output: share(q.input), offered: offeredOutputs(q) }] };
      result = await backend.synthesize(spec);
    }
    expect(result.ambiguity).toBeUndefined();
    const published = await loadPlugin(result.code);
    for (const input of [{ rent: 1, people: 4 }, { rent: 700, people: 3 }, { rent: 1234, people: 5 }, { rent: 0, people: 2 }]) expect(published(input, {})).toBe(share(input));
  });
});
