/**
 * Resolution by meaning: the runner and host.invoke pick the newest eligible version within the
 * step's (or the dependency's) range that serves the requested schemas; the gap detector opens a gap
 * only when nothing compatible exists (an added `description` does not make a new major); a missing
 * capability's error names near matches.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideGap, runPlan } from "../../src/agents/index.ts";
import type { Runtime } from "../../src/agents/index.ts";
import { parsePlan } from "../../src/agents/plan/index.ts";
import { invokeCapability, openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";
import { TOTAL_COST_SPEC, totalCost, wcDouble, wordCount } from "./packages.ts";

let capsmith: TestCapsmith;
let runtime: Runtime;
let n = 0;
const newId = () => `id-${++n}`;
const TEXT_IN = { type: "object", properties: { text: { type: "string" } }, required: ["text"] };

beforeAll(async () => {
  // The gap detector runs (so a request without a spec is answered at once); no synthesizer.
  capsmith = await openTestCapsmith({ roles: ["gap"] });
  runtime = capsmith.runtime;
  for (const pkg of [totalCost(), wordCount("1.0.0"), wcDouble(), wordCount("2.0.0")]) {
    expect((await runtime.hub.install(pkg, { source: "test" })).ok).toBe(true);
  }
  expect((await runtime.hub.state()).capabilities["word_count"]!.active).toBe("word_count@2.0.0");
});
afterAll(() => capsmith.dispose());

const request = (capability: string, spec: Record<string, unknown> | null) =>
  ({ requestId: "r1", capability, spec, source: "plan", runId: null, stepId: null, backend: "auto" }) as Parameters<typeof decideGap>[1];

describe("the gap detector decides by meaning", () => {
  it("resolves a spec that only adds a description to the input schema (no new major)", async () => {
    const state = { hub: await runtime.hub.state(), gaps: await capsmith.readModel.state("gaps") };
    const annotated = { ...TOTAL_COST_SPEC, inputSchema: { ...TOTAL_COST_SPEC.inputSchema, description: "the basket" } };
    expect(decideGap(state, request("total_cost", annotated))).toEqual({ kind: "resolved", pluginId: "total_cost@1.0.0" });
  });

  it("resolves to an older eligible version that serves the spec when the active one does not", async () => {
    const state = { hub: await runtime.hub.state(), gaps: await capsmith.readModel.state("gaps") };
    const wantsNumber = { description: "words", inputSchema: TEXT_IN, outputSchema: { type: "number" }, examples: [{ input: { text: "a b" }, output: 2 }] };
    expect(decideGap(state, request("word_count", wantsNumber))).toEqual({ kind: "resolved", pluginId: "word_count@1.0.0" });
  });

  it("opens a gap, as a new major, only when nothing compatible exists", async () => {
    const state = { hub: await runtime.hub.state(), gaps: await capsmith.readModel.state("gaps") };
    const wantsBoolean = { ...TOTAL_COST_SPEC, outputSchema: { type: "boolean" }, examples: [{ input: { items: [] }, output: false }] };
    expect(decideGap(state, request("total_cost", wantsBoolean))).toMatchObject({ kind: "gap", version: "2.0.0" });
    // A plugin that accepts more serves a request that sends less: a new minor would not be needed either.
    const narrower = { ...TOTAL_COST_SPEC, inputSchema: { ...TOTAL_COST_SPEC.inputSchema, additionalProperties: false } };
    expect(decideGap(state, request("total_cost", narrower))).toMatchObject({ kind: "resolved" });
  });
});

describe("the runner resolves by range and schema", () => {
  it("honours a step's version range: word_count ^1.0.0 keeps answering numbers after 2.0.0", async () => {
    const plan = parsePlan({ plan: "count_v1", steps: [{ id: "count", capability: "word_count", version: "^1.0.0", input: { text: "$input.text" } }], output: "$steps.count" });
    expect(await runPlan(runtime, plan, { text: "one two three" }, { newId })).toMatchObject({ ok: true, output: 3 });
  });

  it("picks the version whose output schema the plan's spec accepts", async () => {
    const spec = { description: "words", inputSchema: TEXT_IN, outputSchema: { type: "integer" }, examples: [{ input: { text: "a" }, output: 1 }] };
    const plan = parsePlan({ plan: "count_int", capabilities: { word_count: spec }, steps: [{ id: "count", capability: "word_count", input: { text: "$input.text" } }], output: "$steps.count" });
    expect(await runPlan(runtime, plan, { text: "a b" }, { newId })).toMatchObject({ ok: true, output: 2 });
    const plain = parsePlan({ plan: "count_any", steps: [{ id: "count", capability: "word_count", input: { text: "$input.text" } }], output: "$steps.count" });
    expect(await runPlan(runtime, plain, { text: "a b" }, { newId })).toMatchObject({ ok: true, output: "2" });
  });

  it("never hands a step a value its schema refuses: a step expecting strings does not get total_cost's number", async () => {
    const spec = { ...TOTAL_COST_SPEC, outputSchema: { type: "string" }, examples: [{ input: { items: [{ qty: 2, price: 3 }] }, output: "6" }] };
    const plan = parsePlan({ plan: "cost_text", capabilities: { total_cost: spec }, steps: [{ id: "cost", capability: "total_cost", input: { items: "$input.items" } }], output: "$steps.cost" });
    const outcome = await runPlan(runtime, plan, { items: [{ qty: 2, price: 3 }] }, { newId, gapTimeoutMs: 1_500 });
    expect(outcome.ok).toBe(false);
    expect(JSON.stringify(outcome)).not.toContain("\"output\":6");
  });

  it("names a near match when a step asks for a capability that does not exist", async () => {
    const plan = parsePlan({ plan: "typo", steps: [{ id: "cost", capability: "total_costs", input: { items: "$input.items" } }], output: "$steps.cost" });
    const outcome = await runPlan(runtime, plan, { items: [] }, { newId, gapTimeoutMs: 10_000 });
    expect(outcome.ok).toBe(false);
    expect(JSON.stringify(outcome)).toContain("Did you mean total_cost");
  });
});

describe("host.invoke honours the caller's dependency range", () => {
  it("wc_double (word_count ^1.0.0) keeps using 1.x after word_count 2.0.0 is active", async () => {
    expect(await invokeCapability(runtime, "wc_double", { text: "a b c" })).toMatchObject({ ok: true, output: 6 });
  });
});
