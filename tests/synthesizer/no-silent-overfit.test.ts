/**
 * No silent overfits: a program that fits every example but reads them by coincidence (a threshold
 * one off, the first word for "all but the last", an order from where elements stood, an if/else
 * split on one example, the digit count of a number) comes back `ambiguous`, with an input that
 * tells the readings apart, or is the right program. And what the examples do settle is found:
 * numbers read from text, relations such as (f - 32) * 5 / 9, medians.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { makeSpec } from "./fixtures.ts";
import { asksOrRight } from "./asks-or-right.ts";

const backend = createExampleBackend();
type J = Parameters<typeof makeSpec>[2][number][0];


const calls = (...minutes: number[]): J => ({ calls: minutes.map((m, i) => ({ id: i + 1, minutes: m })) });
const CALL_EXAMPLES: [J, J][] = [[calls(4, 22, 35), 2], [calls(1, 6), 0], [calls(28, 2, 50, 15), 3]];

describe("no silent overfits", () => {
  it("reads 'longer than 10' as > 10 at the boundary, and asks where no word settles the threshold", async () => {
    const said = makeSpec("long_calls", "How many calls lasted longer than 10 minutes.", CALL_EXAMPLES);
    expect(await asksOrRight(said, calls(10, 11), 1)).toBe("right");
    const unsaid = makeSpec("long_calls", "How many of the calls were long ones.", CALL_EXAMPLES);
    const result = await backend.synthesize(unsaid);
    expect(result.ambiguity, result.code).toBeDefined();
  });

  it("asks whether the first word or everything before the last one goes after the comma", async () => {
    const spec = makeSpec("last_first", "A name rewritten with the last name first, then a comma.", [
      [{ name: "Edsger Dijkstra" }, "Dijkstra, Edsger"],
      [{ name: "Barbara Liskov" }, "Liskov, Barbara"],
    ]);
    const result = await backend.synthesize(spec);
    expect(result.ambiguity, result.code).toBeDefined();
    // The question is about a name with one more word.
    expect((result.ambiguity!.input as { name: string }).name.split(" ")).toHaveLength(3);
  });

  it("does not publish an order that came from where tied elements stood (dates sorted by their first character)", async () => {
    const spec = makeSpec("by_date", "Dates written DD/MM/YYYY, earliest first.", [
      [{ dates: ["17/04/2023", "03/12/2022", "02/05/2023"] }, ["03/12/2022", "02/05/2023", "17/04/2023"]],
      [{ dates: ["20/10/2021", "19/10/2021"] }, ["19/10/2021", "20/10/2021"]],
    ]);
    expect(await asksOrRight(spec, { dates: ["02/05/2023", "03/12/2022"] }, ["03/12/2022", "02/05/2023"])).toBe("asks");
  });

  it("does not publish an if/else whose branch rests on one example", async () => {
    const spec = makeSpec("camel", "A snake_case identifier in camelCase.", [
      [{ name: "start_time" }, "startTime"],
      [{ name: "status" }, "status"],
    ]);
    expect(await asksOrRight(spec, { name: "end_time_utc" }, "endTimeUtc")).toBe("asks");
  });

  it("never counts words by the digits of a length", async () => {
    const spec = makeSpec("word_count", "Number of words in the text.", [
      [{ text: "plan the budget" }, 3],
      [{ text: "ship it" }, 2],
    ]);
    await asksOrRight(spec, { text: "one" }, 1);
    const result = await backend.synthesize(spec);
    expect(result.code).not.toMatch(/String\(|`\$\{/);
  });

  it("reads numbers out of text: a clock time HH:MM as minutes", async () => {
    const spec = makeSpec("to_minutes", "A clock time HH:MM as minutes since midnight.", [
      [{ time: "01:30" }, 90], [{ time: "00:45" }, 45], [{ time: "02:00" }, 120],
    ]);
    expect(await asksOrRight(spec, { time: "10:05" }, 605)).toBe("right");
  });

  it("solves relations with a fractional slope and a round shift: Celsius from Fahrenheit", async () => {
    const spec = makeSpec("to_celsius", "Degrees Celsius from degrees Fahrenheit.", [
      [{ fahrenheit: 212 }, 100], [{ fahrenheit: 50 }, 10], [{ fahrenheit: 32 }, 0],
    ]);
    expect(await asksOrRight(spec, { fahrenheit: 98.6 }, 37)).toBe("right");
  });

  it("tells a median from a mean, or asks", async () => {
    const spec = makeSpec("median_hours", "Median of the hours.", [
      [{ hours: [3, 1, 2] }, 2], [{ hours: [5, 9, 1, 7, 3] }, 5], [{ hours: [4] }, 4],
    ]);
    expect(await asksOrRight(spec, { hours: [1, 2, 3, 10] }, 2.5)).toBe("right");
  });
});
