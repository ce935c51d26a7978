/**
 * Round 24: examples that all answer alike. A person checking a predicate often gives only cases
 * that hold ("invoice_2026.pdf" matches "invoice%.pdf", "cat" matches "c_t"); two answers of `true`
 * show nothing of when the answer is `false`, yet the search found a program that is true on both
 * (`…includes("_")`) and published it as the rule. A constant program was already asked about
 * ("ignores its input"); now any program that answers otherwise than every example on some plausible
 * input is asked about there, beside the examples' common answer. Specs invented here.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { ANSWERED_MS, holds } from "./answered.ts";
import type { Attack } from "./answered.ts";
import { makeSpec } from "./fixtures.ts";

const backend = createExampleBackend();

const like = (text: string, pattern: string): boolean => {
  const re = pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/%/g, ".*").replace(/_/g, ".");
  return new RegExp(`^${re}$`, "su").test(text);
};

const ATTACKS: Attack[] = [
  {
    name: "matches_glob",
    description: "Does a file name match a pattern where % stands for any run of characters and _ for exactly one? The whole name must match.",
    examples: [[{ text: "report_2025.csv", pattern: "report%.csv" }, true], [{ text: "dog", pattern: "d_g" }, true]],
    person: ((i: { text: string; pattern: string }) => like(i.text, i.pattern)) as Attack["person"],
    probes: [{ text: "cat", pattern: "dog" }, { text: "doge", pattern: "d_g" }, { text: "a_b", pattern: "a_b" }],
  },
  {
    name: "is_product_code",
    description: "Is this a valid product code: two capital letters, a dash, then four digits?",
    examples: [[{ s: "AB-1234" }, true], [{ s: "XY-0001" }, true]],
    person: ((i: { s: string }) => /^[A-Z]{2}-\d{4}$/.test(i.s)) as Attack["person"],
    probes: [{ s: "ab-1234" }, { s: "AB1234" }, { s: "AB-12345" }, { s: "" }],
  },
  {
    name: "reads_same_backwards",
    description: "Does the word read the same backwards as forwards, ignoring case?",
    examples: [[{ s: "Level" }, true], [{ s: "noon" }, true]],
    person: ((i: { s: string }) => i.s.toLowerCase() === [...i.s.toLowerCase()].reverse().join("")) as Attack["person"],
    probes: [{ s: "abc" }, { s: "Abba" }, { s: "" }],
  },
];

describe("examples that all answer alike are asked about, not published", () => {
  it.each(ATTACKS.map((a) => [a.name, a] as const))("%s: the first synthesis asks, beside the examples' answer", async (_, attack) => {
    const result = await backend.synthesize(makeSpec(attack.name, attack.description, attack.examples));
    expect(result.ambiguity, result.code).toBeDefined();
    const answers = result.ambiguity?.readings.map((r) => r.output) ?? [];
    expect(answers.length).toBeGreaterThanOrEqual(2);
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(answers.length);
  });

  it("is_product_code: never published wrong after a person's answers", async () => {
    await holds(backend, ATTACKS[1] as Attack);
  }, ANSWERED_MS);

  // OPEN: no operation of the offline DSL matches a pattern or reverses a text, and the answers to its
  // questions steer the search to a coincidental program that fits them all (the file extensions of
  // text and pattern compared; "at most one word"), which leave-one-out does not catch.
  it.fails.each([ATTACKS[0], ATTACKS[2]].map((a) => [a?.name, a as Attack] as const))("BROKE: %s: published wrong after four answers", async (_, attack) => {
    await holds(backend, attack);
  }, ANSWERED_MS);

  it("a rule the examples do show both ways is still published: true and false answers", async () => {
    const spec = makeSpec("is_even", "Is the number even?", [[{ n: 4 }, true], [{ n: 7 }, false], [{ n: 10 }, true], [{ n: 3 }, false]]);
    const result = await backend.synthesize(spec);
    expect(result.ambiguity?.readings.some((r) => r.program === "(what every example answers)") ?? false).toBe(false);
  });
});
