import { describe, expect, it } from "vitest";
import { jsonEqual } from "../../src/spec/index.ts";
import { SynthesizerError, createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { NOISE_SPEC, OWN_SPECS, makeSpec, onlyConfirmation } from "./fixtures.ts";
import { loadPlugin } from "./load-plugin.ts";

const backend = createExampleBackend();

describe("example backend on specs whose shapes are not in the task set", () => {
  for (const spec of OWN_SPECS) {
    it(`solves ${spec.capability} and generalizes to held-out tests`, async () => {
      const result = await backend.synthesize({ ...spec, tests: undefined }, { budgetMs: 5000 });
      expect(result.backend).toBe("example");
      expect(result.size).toBeGreaterThan(0);
      expect(result.elapsedMs).toBeLessThan(5000);
      const fn = await loadPlugin(result.code);
      for (const t of [...spec.examples, ...(spec.tests ?? [])]) {
        const got = fn(structuredClone(t.input), {});
        expect(jsonEqual(got, t.output), `${result.code}\non ${JSON.stringify(t.input)} gave ${JSON.stringify(got)}`).toBe(true);
      }
      expect(result.tests).toEqual(spec.examples.map((e, i) => ({ name: `example_${i + 1}`, input: e.input, output: e.output })));
      expect(onlyConfirmation(result.ambiguity), JSON.stringify(result.ambiguity)).toBe(true);
    });
  }

  it("is deterministic: the same spec gives the same program", async () => {
    const spec = OWN_SPECS[1]!;
    const a = await backend.synthesize(spec);
    const b = await backend.synthesize(spec);
    expect(a.code).toBe(b.code);
    expect(a.candidates).toBe(b.candidates);
  });

  it("does not answer with a constant that merely copies an example output", async () => {
    const spec = makeSpec("double_it", "Twice the number.", [[{ n: 21 }, 42]]);
    const result = await backend.synthesize(spec);
    const fn = await loadPlugin(result.code);
    expect(fn({ n: 5 }, {})).toBe(10);
  });
});


async function failure(run: Promise<unknown>): Promise<SynthesizerError> {
  try {
    await run;
  } catch (err) {
    expect(err).toBeInstanceOf(SynthesizerError);
    return err as SynthesizerError;
  }
  throw new Error("expected the synthesis to fail");
}

describe("giving up", () => {
  it("stops at the budget with no_program_found, the size reached, what was close and the hand-written route", async () => {
    const err = await failure(backend.synthesize(NOISE_SPEC, { budgetMs: 300 }));
    expect(err.code).toBe("no_program_found");
    expect(err.details?.["reason"]).toBe("budget");
    expect(err.message).toContain("within 300 ms of search");
    expect(err.nextStep).toContain("capsmith plugin new noise");
    expect(err.nextStep).toContain("The offline backend writes");
    expect(err.details?.["sizeReached"]).toBeGreaterThan(1);
    expect(err.details?.["candidates"]).toBeGreaterThan(0);
    expect(err.message).toMatch(/size \d+/);
  });

  it("uses an injected clock for the budget (no real time needed)", async () => {
    let t = 0;
    const ticking = createExampleBackend({ now: () => (t += 1) });
    const err = await failure(ticking.synthesize(NOISE_SPEC, { budgetMs: 50 }));
    expect(err.code).toBe("no_program_found");
    expect(err.details?.["reason"]).toBe("budget");
  });

  it("ends with cancelled when the signal aborts", async () => {
    const controller = new AbortController();
    controller.abort();
    const err = await failure(backend.synthesize(NOISE_SPEC, { budgetMs: 5000, signal: controller.signal }));
    expect(err.code).toBe("cancelled");
  });
});
