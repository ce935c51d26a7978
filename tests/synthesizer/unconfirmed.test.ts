/**
 * No silent publish after a surprising answer (issue 17, round 7): an answered example whose
 * output is none of the outputs offered with it means the search had not reached the person's
 * program, so the program found next is published only once a later answer confirms one offer.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend, describeAmbiguity } from "../../src/agents/synthesizer/index.ts";
import { jsonEqual } from "../../src/spec/index.ts";
import type { CapabilitySpec } from "../../src/spec/index.ts";
import { makeSpec } from "./fixtures.ts";
import { loadPlugin } from "./load-plugin.ts";

const backend = createExampleBackend();
// Settled by its examples alone: the backend publishes `n * 2` without a question.
const twice = makeSpec("twice", "twice n", [[{ n: 2 }, 4], [{ n: -3 }, -6], [{ n: 0 }, 0]]);
const answer = (spec: CapabilitySpec, example: CapabilitySpec["examples"][number]): CapabilitySpec => ({ ...spec, examples: [...spec.examples, example] });

describe("a program found after a surprising answer", () => {
  it("is published when no answer recorded what was offered (unchanged behaviour)", async () => {
    const result = await backend.synthesize(answer(twice, { input: { n: 5 }, output: 10 }));
    expect(result.ambiguity).toBeUndefined();
  });

  it("is asked about (reason unconfirmed) until a later answer matches what was offered", async () => {
    // The person answered 10 where 7 was offered: a surprise.
    const surprised = answer(twice, { input: { n: 5 }, output: 10, offered: [7] });
    const first = await backend.synthesize(surprised);
    const a = first.ambiguity;
    expect(a?.reason).toBe("unconfirmed");
    expect(a!.readings).toHaveLength(1);
    expect(surprised.examples.some((e) => jsonEqual(e.input, a!.input))).toBe(false);
    expect(describeAmbiguity(a!)).toContain(`is ${JSON.stringify(a!.readings[0]!.output)} right for ${JSON.stringify(a!.input)}`);
    // The one reading is what the found program gives there.
    expect((await loadPlugin(first.code))(structuredClone(a!.input), {})).toEqual(a!.readings[0]!.output);

    // Confirmed: the same output as offered, so the program is published.
    const confirmed = await backend.synthesize(answer(surprised, { input: a!.input, output: a!.readings[0]!.output, offered: [a!.readings[0]!.output] }));
    expect(confirmed.ambiguity).toBeUndefined();

    // Not confirmed: one more surprise, and whatever is found next is asked about, not published.
    const other = (a!.readings[0]!.output as number) + 1;
    const again = answer(surprised, { input: a!.input, output: other, offered: [a!.readings[0]!.output] });
    const next = await backend.synthesize(again);
    expect(next.ambiguity).toBeDefined();
    expect(again.examples.some((e) => jsonEqual(e.input, next.ambiguity!.input))).toBe(false);
  });

  it("a confirmation before the last surprise does not count", async () => {
    const spec = answer(answer(twice, { input: { n: 7 }, output: 14, offered: [14, 9] }), { input: { n: 5 }, output: 10, offered: [7] });
    expect((await backend.synthesize(spec)).ambiguity?.reason).toBe("unconfirmed");
  });
});
