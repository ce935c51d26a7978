/**
 * The governor refuses to activate a version that breaks a dependent's range: a spec that wants
 * integers out (which double_n@1.0.0, returning any number, does not promise) and closes the input
 * object (narrowing what is accepted) needs a new major (2.0.0), which quad (double_n ^1.0.0) would not accept, so
 * the tested draft is rejected with dependents_broken naming quad, and 1.0.0 stays active.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { requestCapability } from "../../src/agents/index.ts";
import { uuidIds } from "../../src/platform/index.ts";
import { openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";
import { packageOf } from "./packages.ts";

let capsmith: TestCapsmith;
const N_IN = { type: "object", properties: { n: { type: "number" } }, required: ["n"] };

beforeAll(async () => {
  capsmith = await openTestCapsmith({ roles: ["gap", "synthesizer", "tester", "governor"] });
  const hub = capsmith.runtime.hub;
  expect((await hub.install(packageOf({ capability: "double_n", code: "export default (i) => i.n * 2;\n", inputSchema: N_IN, outputSchema: { type: "number" }, examples: [{ input: { n: 2 }, output: 4 }] }), { source: "test" })).ok).toBe(true);
  expect((await hub.install(packageOf({ capability: "quad", code: "export default async (i, host) => 2 * (await host.invoke(\"double_n\", { n: i.n }));\n", inputSchema: N_IN, outputSchema: { type: "number" }, examples: [{ input: { n: 1 }, output: 4 }], dependencies: { double_n: "^1.0.0" } }), { source: "test" })).ok).toBe(true);
}, 120_000);
afterAll(() => capsmith.dispose());

it("rejects a new major of double_n with dependents_broken naming quad", async () => {
  const spec = {
    description: "twice an integer n",
    inputSchema: { type: "object", properties: { n: { type: "integer" } }, required: ["n"], additionalProperties: false },
    outputSchema: { type: "integer" },
    constraints: ["deterministic"],
    examples: [{ input: { n: 2 }, output: 4 }, { input: { n: 3 }, output: 6 }, { input: { n: -1 }, output: -2 }, { input: { n: 10 }, output: 20 }],
  };
  const answer = await requestCapability(capsmith.readModel, "double_n", { spec, source: "cli", newId: uuidIds, timeoutMs: 90_000 });
  expect(answer).toMatchObject({ ok: false, outcome: "rejected", reason: expect.stringContaining("dependents_broken") });
  expect(answer.reason).toContain("quad@1.0.0");
  expect((await capsmith.runtime.hub.state()).capabilities["double_n"]!.active).toBe("double_n@1.0.0");
}, 120_000);
