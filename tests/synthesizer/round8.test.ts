/**
 * Round 8: operations that name things (the weekday and month of an ISO date, digits read out as
 * words), and what the description says the answer ignores or how it writes it ("ignoring letter
 * case", "trimmed", "uppercase"), checked on an example's input changed in that way.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { statedInvariance } from "../../src/agents/synthesizer/stated-invariance.ts";
import type { Expr } from "../../src/agents/synthesizer/types.ts";
import type { CapabilitySpec } from "../../src/spec/index.ts";
import { makeSpec } from "./fixtures.ts";
import { answeredPlugin } from "./answered.ts";
import { loadPlugin } from "./load-plugin.ts";

const backend = createExampleBackend();

async function plugin(spec: CapabilitySpec): Promise<(input: unknown) => unknown> {
  const result = await backend.synthesize(spec);
  expect(result.ambiguity, result.code).toBeUndefined();
  const fn = await loadPlugin(result.code);
  return (input) => fn(structuredClone(input), {});
}

/** Answers the backend's questions with `person`, as at `/need`, until it publishes (at most 6). */
const answered = (spec: CapabilitySpec, person: (input: never) => unknown) => answeredPlugin(backend, spec, person);

describe("names the search can write", () => {
  it("the weekday of an ISO date, across years and leap days", async () => {
    const run = await plugin(makeSpec("meeting_weekday", "On which day of the week the meeting falls.", [[{ on: "2023-07-04" }, "Tuesday"], [{ on: "2022-12-25" }, "Sunday"]]));
    expect(run({ on: "2026-01-01" })).toBe("Thursday");
    expect(run({ on: "2028-02-29" })).toBe("Tuesday");
  });

  it("the month of an ISO date as its English name", async () => {
    const run = await plugin(makeSpec("due_month", "The month a parcel is due, written out in full.", [[{ due: "2024-05-17" }, "May"], [{ due: "2023-11-02" }, "November"], [{ due: "2021-09-30" }, "September"]]));
    expect(run({ due: "2025-02-10" })).toBe("February");
  });

  it("the digits of a text read out as words, other characters skipped", async () => {
    const run = await plugin(makeSpec("pin_read_aloud", "A PIN read aloud: each digit as an English word, separated by spaces.", [[{ pin: "4071" }, "four zero seven one"], [{ pin: "58" }, "five eight"]]));
    expect(run({ pin: "9-3" })).toBe("nine three");
    expect(run({ pin: "" })).toBe("");
  });
});

describe("what the description says the answer ignores", () => {
  const sameCode = (x: { a: string; b: string }): boolean => x.a.toLowerCase() === x.b.toLowerCase();
  const codesSpec = makeSpec("same_booking_code", "Whether two booking codes are the same, ignoring letter case.", [
    [{ a: "abc", b: "abc" }, true],
    [{ a: "xyz", b: "xya" }, false],
  ]);

  it("asks about an example with one text's case flipped when the program answers otherwise", async () => {
    const result = await backend.synthesize(codesSpec);
    const a = result.ambiguity;
    expect(a, result.code).toBeDefined();
    expect(JSON.stringify(a!.input).toLowerCase()).toBe(JSON.stringify(codesSpec.examples[0]!.input));
    expect(a!.readings.map((r) => r.output)).toEqual([false, true]);
  });

  it("without the words, the same examples raise no such question", () => {
    const exact: Expr = { k: "op", op: "eq", args: [{ k: "in", path: ["a"] }, { k: "in", path: ["b"] }] };
    const inputs = codesSpec.examples.map((e) => e.input);
    const outputs = codesSpec.examples.map((e) => e.output);
    expect(statedInvariance(exact, inputs as never, outputs as never, "Whether two booking codes are the same.", codesSpec.inputSchema)).toBeUndefined();
    expect(statedInvariance(exact, inputs as never, outputs as never, "Whether two booking codes are the same, ignoring letter case.", codesSpec.inputSchema)).toBeDefined();
  });

  it("answered as the person would, the program compares the codes in one case", async () => {
    const { asked, run } = await answered(codesSpec, sameCode);
    expect(asked).toBeGreaterThan(0);
    expect(run({ a: "Qrs", b: "qRS" })).toBe(true);
    expect(run({ a: "Qrs", b: "qRT" })).toBe(false);
  });

  it("spaces around a text the description trims leave the answer as it was", async () => {
    const cut = (x: { tag: string }): string => x.tag.trim().toLowerCase();
    const spec = makeSpec("tag_cleaned", "A tag trimmed and lowercased.", [[{ tag: "Red" }, "red"], [{ tag: "BLUE" }, "blue"]]);
    const { asked, run } = await answered(spec, cut);
    expect(asked).toBeGreaterThan(0);
    expect(run({ tag: "  Green " })).toBe("green");
  });
});

describe("how the description says the answer is written", () => {
  const country = (x: { plate: string }): string => x.plate.split("-")[0]!.toUpperCase();
  const plates = makeSpec("plate_country", "The country code of a licence plate (the letters before the dash), in uppercase.", [
    [{ plate: "GB-1234" }, "GB"],
    [{ plate: "DE-77" }, "DE"],
  ]);

  it("an input typed in lowercase must still give an uppercase answer", async () => {
    const { asked, run } = await answered(plates, country);
    expect(asked).toBeGreaterThan(0);
    expect(run({ plate: "fr-9" })).toBe("FR");
  });

  it("the question's rival is the chosen answer in that case", () => {
    const before: Expr = { k: "op", op: "at", args: [{ k: "op", op: "split", args: [{ k: "in", path: ["plate"] }, { k: "const", value: "-" }] }, { k: "const", value: 0 }] };
    const a = statedInvariance(before, plates.examples.map((e) => e.input) as never, plates.examples.map((e) => e.output) as never, plates.description, plates.inputSchema);
    expect(a).toBeDefined();
    expect(a!.input).toEqual({ plate: "gb-1234" });
    expect(a!.readings.map((r) => r.output)).toEqual(["gb", "GB"]);
  });
});
