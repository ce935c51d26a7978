/**
 * Round 27 (issue #17): the program the description makes likelier is found and taken, not the
 * first one the examples happen to fit. Specs invented here, of the simple everyday kind a person
 * asks for first:
 * - the search looks past a first fit that only a constant no description states makes fit
 *   (`values[2]` for "the value closest to the target") as deep as that fit's score, not two
 *   levels, and one more while the best fit leaves words unused (search.ts, round 28b);
 * - (open) a filter by a stated bound where a slice fits the examples as well ("aged 18 or over");
 * - (open) a conversion between temperature scales from two examples.
 * Each end-to-end test answers the backend's questions as the person would and checks the
 * published program on inputs the examples leave open.
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { ANSWERED_MS, answeredPlugin } from "./answered.ts";
import { makeSpec } from "./fixtures.ts";
import { loadPlugin } from "./load-plugin.ts";

const backend = createExampleBackend();

type Person = { name: string; age: number };
type Item = { name: string; price: number };

/** The first reading: the program the backend takes before anyone answers. */
async function firstReading(name: string, description: string, examples: [unknown, unknown][]): Promise<(input: unknown) => unknown> {
  const result = await backend.synthesize(makeSpec(name, description, examples as never));
  const fn = await loadPlugin(result.code);
  return (input) => fn(structuredClone(input), {});
}

async function publishesRight(name: string, description: string, examples: [unknown, unknown][], person: (input: never) => unknown, probes: unknown[]): Promise<number> {
  const { run, asked } = await answeredPlugin(backend, makeSpec(name, description, examples as never), person);
  for (const p of probes) {
    const want = person(p as never);
    // A number is read as a person reads it: 98.60000000000001 is 98.6, -0 is 0.
    if (typeof want === "number") expect(run(p), `${JSON.stringify(p)} after ${asked} answers`).toBeCloseTo(want, 9);
    else expect(run(p), `${JSON.stringify(p)} after ${asked} answers`).toEqual(want);
  }
  return asked;
}

const closest = ({ values, target }: { values: number[]; target: number }): number | null =>
  values.length === 0 ? null : values.reduce((best, v) => (Math.abs(v - target) < Math.abs(best - target) || (Math.abs(v - target) === Math.abs(best - target) && v < best) ? v : best));

describe("the likelier program, not the first that fits", () => {
  // Round 28b: a junk fit that scores well ("smallest" for `Math.min(middle, last)`) ended the ranking
  // at size 5, before the argmin by distance (size 6) was built; the ranking now goes a level deeper
  // while the best fit leaves some of the description's words ("distance") unused (search.ts).
  it(
    "the value nearest a target: its distance, not a position that happens to hold it",
    async () => {
      const examples: [unknown, unknown][] = [
        [{ values: [12, 25, 31, 48], target: 29 }, 31],
        [{ values: [2.5, 4.1, 0.9], target: 1.2 }, 0.9],
      ];
      const description = "Snap a reading to the allowed value nearest to it: the value in `values` with the smallest distance to `target`.";
      const first = await firstReading("nearest_allowed_value", description, examples);
      for (const p of [{ values: [5, 20, 30], target: 27 }, { values: [100, 3, 60, 2], target: 70 }, { values: [-4, 9], target: -1 }]) expect(first(p), JSON.stringify(p)).toBe(closest(p));
    },
    ANSWERED_MS,
  );

  // Open: tried in round 27 and taken back. A bank that keeps the likelier of two expressions with
  // the same values (`age >= 18` over `age > 17`) found this filter, but published four held attacks
  // wrong (attack-round16's first negative position and sum of evens, attack-round22's free shipping
  // and room area): the likelier part is not the likelier whole.
  it.fails(
    "a filter by a stated bound is kept over a slice the examples happen to fit",
    async () => {
      const adults = ({ people }: { people: Person[] }): string[] => people.filter((p) => p.age >= 18).map((p) => p.name);
      const examples: [unknown, unknown][] = [
        [{ people: [{ name: "Ann", age: 17 }, { name: "Bo", age: 18 }, { name: "Cy", age: 40 }] }, ["Bo", "Cy"]],
        [{ people: [{ name: "Di", age: 12 }] }, []],
      ];
      const description = "The names of the people aged 18 or over, in the order given.";
      const first = await firstReading("names_of_grown_ups", description, examples);
      const probes = [{ people: [{ name: "Ed", age: 30 }, { name: "Fa", age: 5 }, { name: "Gu", age: 18 }] }, { people: [{ name: "Hu", age: 70 }] }, { people: [] }];
      for (const p of probes) expect(first(p), JSON.stringify(p)).toEqual(adults(p));
      await publishesRight("names_of_grown_ups", description, examples, adults as never, probes);
    },
    ANSWERED_MS,
  );

  it(
    "the most expensive item's name: by its price, whatever the order",
    async () => {
      const priciest = ({ items }: { items: Item[] }): string | null => (items.length === 0 ? null : items.reduce((b, x) => (x.price > b.price ? x : b)).name);
      const examples: [unknown, unknown][] = [
        [{ items: [{ name: "pen", price: 2 }, { name: "lamp", price: 30 }, { name: "mug", price: 8 }] }, "lamp"],
        [{ items: [{ name: "tea", price: 3.5 }] }, "tea"],
      ];
      const first = await firstReading("priciest_item", "The name of the most expensive item.", examples);
      for (const p of [{ items: [{ name: "a", price: 9 }, { name: "bb", price: 1 }] }, { items: [{ name: "x", price: 1 }, { name: "y", price: 2 }, { name: "z", price: 3 }] }]) expect(first(p), JSON.stringify(p)).toBe(priciest(p));
    },
    ANSWERED_MS,
  );
});

// Tried in round 27 and taken back: the scales' constants (1.8, 32) as search constants found the
// conversion from two examples, but made `(f − 32) ÷ 1.8` a small program with rivals (an `abs`
// below absolute zero, `x > 1.8` beside `x > 0` for "above freezing") where a linear fit of three
// examples had published it without a question. Two examples still find nothing.
describe("the constants between the temperature scales a description names", () => {
  it.fails(
    "Celsius to Fahrenheit from two examples",
    async () => {
      const f = ({ celsius }: { celsius: number }): number => Number((celsius * 1.8 + 32).toFixed(6));
      await publishesRight("celsius_as_fahrenheit", "Convert a temperature from Celsius to Fahrenheit.", [[{ celsius: 100.5 }, 212.9], [{ celsius: 0 }, 32]], f as never, [{ celsius: -40 }, { celsius: 37 }, { celsius: 21.5 }]);
    },
    ANSWERED_MS,
  );
});
