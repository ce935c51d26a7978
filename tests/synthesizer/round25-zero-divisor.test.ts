/**
 * Round 25: where a quotient has no value. A program that divides by a number the schema lets be 0
 * is asked about there (never published to answer Infinity), the person's answer (null) is kept as
 * `divisor === 0 ? null : program`, and no question is about an input the schema forbids. Specs
 * invented here (plausible requests, none from tests/fixtures/specs/).
 */
import { describe, expect, it } from "vitest";
import { createExampleBackend } from "../../src/agents/synthesizer/index.ts";
import { validateInput } from "../../src/spec/index.ts";
import type { CapabilitySpec } from "../../src/spec/index.ts";
import { ANSWERED_MS, answeredPlugin } from "./answered.ts";
import { makeSpec } from "./fixtures.ts";

const backend = createExampleBackend();
const NUMBER_OR_NULL = { anyOf: [{ type: "number" }, { type: "null" }] };
const r2 = (x: number): number => Math.round(x * 100) / 100;

interface Case {
  spec: CapabilitySpec;
  person: (i: never) => unknown;
  /** Inputs the published program must answer as the person does. */
  probes: unknown[];
  /** Where the divisor is 0. */
  zero: (i: never) => boolean;
}

const CASES: Record<string, Case> = {
  speed: {
    spec: makeSpec("average_speed_kmh", "Average speed in km/h: distance ÷ hours. null when no time was recorded.", [[{ km: 120, hours: 2 }, 60], [{ km: 45, hours: 0.5 }, 90]], [], NUMBER_OR_NULL),
    person: ((i: { km: number; hours: number }) => (i.hours === 0 ? null : i.km / i.hours)) as never,
    probes: [{ km: 10, hours: 0 }, { km: 0, hours: 0 }, { km: 30, hours: 3 }, { km: 7, hours: 2 }],
    zero: ((i: { hours: number }) => i.hours === 0) as never,
  },
  change: {
    spec: makeSpec("price_change_percent", "The change from the old price to the new one in percent: (new − old) ÷ old × 100, rounded to 1 decimal. null where the old price is 0.", [[{ old: 50, new: 60 }, 20], [{ old: 80, new: 60 }, -25]], [], NUMBER_OR_NULL),
    person: ((i: { old: number; new: number }) => (i.old === 0 ? null : Math.round(((i.new - i.old) / i.old) * 1000) / 10)) as never,
    probes: [{ old: 0, new: 5 }, { old: 30, new: 40 }, { old: 200, new: 150 }],
    zero: ((i: { old: number }) => i.old === 0) as never,
  },
  perGuest: {
    spec: makeSpec("cost_per_remaining_guest", "Cost each guest still coming pays: total ÷ (invited − cancelled), rounded to cents; null when everyone cancelled.", [[{ total: 300, invited: 10, cancelled: 4 }, 50], [{ total: 100, invited: 8, cancelled: 0 }, 12.5]], [], NUMBER_OR_NULL),
    person: ((i: { total: number; invited: number; cancelled: number }) => (i.invited === i.cancelled ? null : r2(i.total / (i.invited - i.cancelled)))) as never,
    probes: [{ total: 90, invited: 5, cancelled: 5 }, { total: 90, invited: 7, cancelled: 1 }, { total: 10, invited: 3, cancelled: 0 }],
    zero: ((i: { invited: number; cancelled: number }) => i.invited === i.cancelled) as never,
  },
};

describe("round 25: a divisor that can be 0", () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(`${name}: the person is asked where the divisor is 0 before anything is published`, async () => {
      const examples = [...c.spec.examples];
      const asked: unknown[] = [];
      for (let n = 0; n < 6; n++) {
        const q = (await backend.synthesize({ ...c.spec, examples })).ambiguity;
        if (!q) break;
        asked.push(q.input);
        examples.push({ input: q.input, output: c.person(q.input as never) });
      }
      expect(asked.some((i) => c.zero(i as never)), JSON.stringify(asked)).toBe(true);
    }, ANSWERED_MS);

    it(`${name}: after the person's answers the program answers null there and the formula elsewhere`, async () => {
      const { run } = await answeredPlugin(backend, c.spec, c.person);
      for (const p of c.probes) expect(run(p), JSON.stringify(p)).toEqual(c.person(p as never));
    }, ANSWERED_MS);
  }

  it("asks about no input the schema forbids: a divisor the schema keeps above 0 is published without a question about 0", async () => {
    const spec: CapabilitySpec = {
      ...makeSpec("unit_price", "Price of one unit: the pack's price ÷ the units in it.", [[{ price: 12, units: 4 }, 3], [{ price: 10, units: 5 }, 2]]),
      inputSchema: { type: "object", properties: { price: { type: "number", minimum: 0 }, units: { type: "integer", minimum: 1 } }, required: ["price", "units"] },
    };
    const result = await backend.synthesize(spec);
    if (result.ambiguity) expect(validateInput(spec.inputSchema, result.ambiguity.input).ok, JSON.stringify(result.ambiguity.input)).toBe(true);
    expect(JSON.stringify(result.ambiguity?.input ?? {})).not.toContain('"units":0');
  }, ANSWERED_MS);

  it("asks about no input past a schema's maximum (a loss above 100 %)", async () => {
    const spec: CapabilitySpec = {
      ...makeSpec("loss_recovery_gain", "The gain in percent that makes up for a loss: loss ÷ (100 − loss) × 100, rounded to 2 decimals; null for a loss of 100.", [[{ loss: 20 }, 25], [{ loss: 50 }, 100]], [], NUMBER_OR_NULL),
      inputSchema: { type: "object", properties: { loss: { type: "number", minimum: 0, maximum: 100 } }, required: ["loss"] },
    };
    const person = (i: { loss: number }): number | null => (i.loss === 100 ? null : r2((i.loss / (100 - i.loss)) * 100));
    const examples = [...spec.examples];
    for (let asked = 0; asked < 6; asked++) {
      const result = await backend.synthesize({ ...spec, examples });
      if (!result.ambiguity) break;
      expect(validateInput(spec.inputSchema, result.ambiguity.input).ok, JSON.stringify(result.ambiguity.input)).toBe(true);
      examples.push({ input: result.ambiguity.input, output: person(result.ambiguity.input as { loss: number }) });
    }
    const { run } = await answeredPlugin(backend, spec, person as never);
    for (const loss of [100, 0, 99.5, 12.5]) expect(run({ loss }), String(loss)).toEqual(person({ loss }));
  }, ANSWERED_MS);
});
