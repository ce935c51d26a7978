/**
 * Stop 50 (issue 17): a text's length written out is a piece of the string sub-language (less up to
 * two characters kept beside it), where an answer has digits the text lacks: a numeronym ("i18n")
 * or a label with a count of letters. Published after the person's answers, right on words of other
 * lengths. Specs invented here, none from a set under tests/fixtures/specs.
 */
import { describe, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { ANSWERED_MS } from "./answered.ts";
import { keepsStatedPromise } from "./stated-attacks.ts";
import type { In, StatedAttack } from "./stated-attacks.ts";

const backend = createExampleBackend();
const w = (i: In): string => i.word as string;

const ATTACKS: Record<string, StatedAttack> = {
  numeronym: {
    name: "short_form",
    description: "The short form of a long word: its first letter, how many letters stand between, and its last letter.",
    examples: [[{ word: "accessibility" }, "a11y"], [{ word: "globalization" }, "g11n"], [{ word: "kubernetes" }, "k8s"]],
    person: (i) => `${w(i)[0]}${w(i).length - 2}${w(i).at(-1)}`,
    probes: [{ word: "apple" }, { word: "interoperability" }, { word: "abc" }],
  },
  counted: {
    name: "word_with_length",
    description: "The word followed by its number of letters in brackets.",
    examples: [[{ word: "river" }, "river (5)"], [{ word: "harbour" }, "harbour (7)"]],
    person: (i) => `${w(i)} (${w(i).length})`,
    probes: [{ word: "sea" }, { word: "lighthouses" }],
  },
};

describe("a text's length as a piece of the answer", () => {
  for (const [key, a] of Object.entries(ATTACKS)) {
    it(`${key}: ${a.description}`, () => keepsStatedPromise(backend, a, { mustPublish: true, traceVar: "LENGTH_TRACE" }), ANSWERED_MS);
  }
});
