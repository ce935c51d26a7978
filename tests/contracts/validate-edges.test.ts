/**
 * Inputs are validated at every edge before plugin code runs, and outputs against the output schema:
 * a refused input is the caller's error (`input_invalid`, JSON-pointer issues), recorded as a
 * CallRejected and never charged to the plugin (no PluginInvoked, nothing in its SLO series); a bad
 * output is the plugin's failure (`output_invalid`). Through the invoker (CLI, REPL and serve share
 * it), a plan step, and a nested `host.invoke`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPlan } from "../../src/agents/index.ts";
import type { Runtime } from "../../src/agents/index.ts";
import { parsePlan } from "../../src/agents/plan/index.ts";
import { invokeCapability, openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";
import { packageOf, totalCost } from "./packages.ts";

let capsmith: TestCapsmith;
let runtime: Runtime;
let n = 0;
const newId = () => `id-${++n}`;

async function eventsOf(subject: string): Promise<{ type: string; data: Record<string, unknown> }[]> {
  const out: { type: string; data: Record<string, unknown> }[] = [];
  for await (const e of capsmith.log.read(subject)) out.push({ type: e.type, data: e.data as Record<string, unknown> });
  return out;
}

beforeAll(async () => {
  capsmith = await openTestCapsmith();
  runtime = capsmith.runtime;
  expect((await runtime.hub.install(totalCost(), { source: "test" })).ok).toBe(true);
  // Says it returns a number, returns a string: the plugin breaks its own contract.
  expect((await runtime.hub.install(packageOf({ capability: "liar", code: "export default (i) => (i.n === 1 ? 1 : \"many\");\n", inputSchema: { type: "object", properties: { n: { type: "number" } }, required: ["n"] }, outputSchema: { type: "number" }, examples: [{ input: { n: 1 }, output: 1 }] }), { source: "test" })).ok).toBe(true);
  // Calls total_cost with whatever it is given.
  expect((await runtime.hub.install(packageOf({ capability: "cost_proxy", code: "export default async (i, host) => { try { return await host.invoke(\"total_cost\", i.payload); } catch (e) { return String(e.code ?? e.message); } };\n", inputSchema: { type: "object", properties: { payload: {} }, required: ["payload"] }, outputSchema: { type: ["number", "string"] }, examples: [{ input: { payload: { items: [] } }, output: 0 }], dependencies: { total_cost: "^1.0.0" } }), { source: "test" })).ok).toBe(true);
});
afterAll(() => capsmith.dispose());

describe("input validation before plugin code runs", () => {
  it("refuses an input missing a required property with input_invalid and its pointer; the plugin never runs", async () => {
    const result = await invokeCapability(runtime, "total_cost", { x: 1 });
    expect(result).toMatchObject({ ok: false, rejected: true, error: { code: "input_invalid", nextStep: expect.stringContaining("input schema") } });
    expect((result.error!.details!["issues"] as { pointer: string }[]).map((i) => i.pointer)).toContain("/items");
    expect(result.error!.nextStep).not.toMatch(/fix the plugin/i);
  });

  it("refuses strings where the schema says numbers, pointing into the element", async () => {
    const result = await invokeCapability(runtime, "total_cost", { items: [{ qty: "2", price: 3 }] });
    expect(result).toMatchObject({ ok: false, error: { code: "input_invalid" } });
    expect((result.error!.details!["issues"] as { pointer: string }[])[0]!.pointer).toBe("/items/0/qty");
  });

  it("records a refusal as CallRejected, never as the plugin's failure: no PluginInvoked, no SLO failure", async () => {
    const events = await eventsOf("capsmith.evt.usage.total_cost");
    expect(events.filter((e) => e.type === "CallRejected").length).toBeGreaterThanOrEqual(2);
    expect(events.filter((e) => e.type === "PluginInvoked" && e.data["ok"] === false)).toEqual([]);
    const slo = await capsmith.readModel.state("slo");
    const series = slo.plugins.get("total_cost@1.0.0");
    const failures = series ? [...series.hours.values()].reduce((sum, h) => sum + h.failures, 0) : 0;
    expect(failures).toBe(0);
    expect((await runtime.hub.state()).plugins["total_cost@1.0.0"]!.usage.failures).toBe(0);
    // A good call still runs and counts.
    expect(await invokeCapability(runtime, "total_cost", { items: [{ qty: 2, price: 3 }] })).toMatchObject({ ok: true, output: 6 });
  });

  it("validates a plan step's resolved input: the step fails input_invalid, not the plugin", async () => {
    const plan = parsePlan({ plan: "bad_items", steps: [{ id: "cost", capability: "total_cost", input: { items: "$input.items" } }], output: "$steps.cost" });
    const before = (await eventsOf("capsmith.evt.usage.total_cost")).filter((e) => e.type === "PluginInvoked").length;
    const outcome = await runPlan(runtime, plan, { items: 5 }, { newId });
    expect(outcome.ok).toBe(false);
    expect(JSON.stringify(outcome)).toContain("input_invalid");
    expect((await eventsOf("capsmith.evt.usage.total_cost")).filter((e) => e.type === "PluginInvoked").length).toBe(before);
  });

  it("validates a nested host.invoke input before the callee runs", async () => {
    const result = await invokeCapability(runtime, "cost_proxy", { payload: { items: "not a list" } });
    expect(result).toMatchObject({ ok: true, output: "input_invalid" });
    expect(await invokeCapability(runtime, "cost_proxy", { payload: { items: [{ qty: 1, price: 4 }] } })).toMatchObject({ ok: true, output: 4 });
  });
});

describe("output validation, always", () => {
  it("fails a plugin whose output breaks its output schema with output_invalid (the plugin's failure)", async () => {
    expect(await invokeCapability(runtime, "liar", { n: 1 })).toMatchObject({ ok: true, output: 1 });
    const result = await invokeCapability(runtime, "liar", { n: 2 });
    expect(result).toMatchObject({ ok: false, error: { code: "output_invalid" } });
    expect(result.rejected).toBeUndefined();
    const invoked = (await eventsOf("capsmith.evt.usage.liar")).filter((e) => e.type === "PluginInvoked");
    expect(invoked.map((e) => e.data["errorCode"])).toEqual([null, "output_invalid"]);
  });
});
