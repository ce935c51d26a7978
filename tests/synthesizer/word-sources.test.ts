/**
 * Stop 52 (issue 17): where the description speaks of a text's words, the words are elements the
 * search's lambdas range over (line-sources.ts wordSources), as a text's lines are: "the length of
 * the longest word" is the largest of the words' lengths, and examples whose longest word comes last
 * do not publish the last word's length. Specs invented here, none from a set under tests/fixtures/specs.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { ANSWERED_MS, afterAnswers } from "./answered.ts";
import { loadPlugin } from "./load-plugin.ts";
import { makeSpec } from "./fixtures.ts";

const backend = createExampleBackend();
const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

describe("a text's words as elements", () => {
  it("reads 'the longest word' as the largest length, asked against the last word where every example ends with it", async () => {
    const spec = makeSpec("longest_word_in_title", "How many letters the longest word of the title has.", [
      [{ title: "a big elephant" }, 8],
      [{ title: "go home" }, 4],
      [{ title: "an ox is strong" }, 6],
    ]);
    const first = await backend.synthesize(spec);
    // Never published as the last word's length with no question.
    if (!first.ambiguity) expect((await loadPlugin(first.code))({ title: "enormous cat" }, {})).toBe(8);
    const done = await afterAnswers(backend, spec, (i: { title: string }) => Math.max(...words(i.title).map((w) => w.length)));
    expect(done).not.toBe("asks");
    expect(done).not.toBe("gave up");
    if (typeof done === "string") return;
    expect(done.run({ title: "enormous cat" })).toBe(8);
    expect(done.run({ title: "a b cde f" })).toBe(3);
  }, ANSWERED_MS);

  it("keeps the last word where the words say last", async () => {
    const spec = makeSpec("last_word_length", "The length of the last word of the sentence.", [
      [{ sentence: "the cat sat" }, 3],
      [{ sentence: "hello big world" }, 5],
      [{ sentence: "we went home again" }, 5],
    ]);
    const done = await afterAnswers(backend, spec, (i: { sentence: string }) => (words(i.sentence).at(-1) ?? "").length);
    expect(typeof done).toBe("object");
    if (typeof done === "string") return;
    expect(done.run({ sentence: "a enormous b" })).toBe(1);
  }, ANSWERED_MS);
});
