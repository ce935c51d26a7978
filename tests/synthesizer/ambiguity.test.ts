/**
 * Knowing when the examples do not settle the program: competing readings are found and told apart
 * by an input; a program that ignores its input is suspect; contradictory examples are reported at
 * once, before any search.
 */
import { describe, expect, it } from "vitest";
import { jsonEqual } from "../../src/spec/index.ts";
import { SynthesizerError, createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { byValue, makeSpec } from "./fixtures.ts";
import { loadPlugin } from "./load-plugin.ts";

const backend = createExampleBackend();
type Item = { name: string; qty: number; price: number };
const I = (name: string, qty: number, price: number): Item => ({ name, qty, price });

describe("ambiguity", () => {
  it("finds an input on which programs that fit every example disagree, and says what each gives", async () => {
    const result = await backend.synthesize(byValue);
    const a = result.ambiguity;
    expect(a?.reason).toBe("programs_disagree");
    expect(byValue.examples.some((e) => jsonEqual(e.input, a!.input))).toBe(false);
    expect(a!.readings).toHaveLength(2);
    const [first, second] = a!.readings;
    expect(jsonEqual(first!.output, second!.output)).toBe(false);
    // Each reading is a real program: run as JavaScript, it fits every example and gives its output.
    for (const reading of a!.readings) {
      const fn = await loadPlugin(`export default function f(input) {\n${reading.program.includes("return ") ? reading.program : `return ${reading.program};`}\n}`);
      for (const e of byValue.examples) expect(fn(structuredClone(e.input), {})).toEqual(e.output);
      expect(fn(structuredClone(a!.input), {})).toEqual(reading.output);
    }
    // The chosen program is the first reading.
    const chosen = await loadPlugin(result.code);
    expect(chosen(structuredClone(a!.input), {})).toEqual(first!.output);
  });

  it("converges on the person's reading when each answer goes on as an example", async () => {
    const value = (input: { items: Item[] }): string[] => [...input.items].sort((p, q) => q.qty * q.price - p.qty * p.price).map((i) => i.name);
    let spec = byValue;
    let result = await backend.synthesize(spec);
    for (let round = 0; round < 5 && result.ambiguity; round++) {
      const input = result.ambiguity.input as { items: Item[] };
      spec = { ...spec, examples: [...spec.examples, { input, output: value(input) }] };
      result = await backend.synthesize(spec);
    }
    const fn = await loadPlugin(result.code);
    const probe = { items: [I("x", 1, 100), I("y", 10, 2), I("z", 3, 3)] };
    expect(fn(probe, {}), result.code).toEqual(value(probe));
  }, 180_000);

  it("does not flag a spec whose examples settle it", async () => {
    const spec = makeSpec("total", "Sum of qty * price over the items.", [
      [{ items: [I("a", 2, 3)] }, 6], [{ items: [I("a", 1, 5), I("b", 3, 1)] }, 8], [{ items: [] }, 0], [{ items: [I("c", 4, 0.5)] }, 2],
    ]);
    expect((await backend.synthesize(spec)).ambiguity).toBeUndefined();
  });

  it("does not publish silently a program that ignores its input when few examples show it", async () => {
    const spec = makeSpec("always", "Whether the order can ship.", [[{ qty: 3, country: "it" }, true], [{ qty: 1, country: "fr" }, true]]);
    const result = await backend.synthesize(spec);
    // Either it is held as ignoring its input, or a competing reading tells it apart: never silent.
    expect(result.ambiguity).toBeDefined();
    expect(result.code).not.toMatch(/input\.(\w+) === input\.\1/);
  });
});

describe("contradictory examples", () => {
  it("are reported at once, naming both, before any search", async () => {
    const spec = makeSpec("twice", "Twice n.", [[{ n: 1 }, 2], [{ n: 2 }, 4], [{ n: 1 }, 3]]);
    let err: SynthesizerError | undefined;
    try {
      await backend.synthesize(spec, { budgetMs: 60_000 });
    } catch (e) {
      err = e as SynthesizerError;
    }
    expect(err).toBeInstanceOf(SynthesizerError);
    expect(err!.code).toBe("contradictory_examples");
    expect(err!.details).toMatchObject({ examples: [1, 3], input: { n: 1 }, outputs: [2, 3] });
    expect(err!.nextStep).toMatch(/Correct or remove/);
  });
});
