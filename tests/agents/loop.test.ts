/**
 * The loop in one process over a real file log and real sandboxes: a capability request becomes a
 * gap, a draft, a test report and a published plugin; the next request is served without synthesis.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ALL_EVENTS } from "../../src/events/index.ts";
import type { AnyStoredEvent } from "../../src/events/index.ts";
import { requestCapability } from "../../src/agents/index.ts";
import type { Runtime } from "../../src/agents/index.ts";
import { DEFAULT_POLICY, parsePolicy } from "../../src/hub/index.ts";
import { uuidIds } from "../../src/platform/index.ts";
import { openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";
import { loadTask } from "../support/tasks.ts";

let capsmith: TestCapsmith | undefined;
let runtime: Runtime;

async function start(policy = DEFAULT_POLICY): Promise<Runtime> {
  capsmith = await openTestCapsmith({ policy, roles: ["gap", "synthesizer", "tester", "governor"] });
  return capsmith.runtime;
}

async function types(): Promise<string[]> {
  const out: AnyStoredEvent[] = [];
  for await (const e of capsmith!.log.read(ALL_EVENTS)) out.push(e);
  return out.map((e) => e.type);
}

afterEach(async () => {
  await capsmith?.dispose();
  capsmith = undefined;
});

describe("the loop", () => {
  it("closes a gap end to end, then serves the next request from the hub", async () => {
    runtime = await start();
    const spec = loadTask("total_cost");
    const answer = await requestCapability(runtime.readModel, "total_cost", { spec, source: "cli", newId: uuidIds, timeoutMs: 60_000 });
    expect(answer).toMatchObject({ ok: true, pluginId: "total_cost@1.0.0", synthesized: true, outcome: "published" });
    const state = await runtime.hub.state();
    expect(state.plugins["total_cost@1.0.0"]).toMatchObject({ status: "active", tier: "T1" });
    expect(state.plugins["total_cost@1.0.0"]!.manifest["provenance"]).toMatchObject({ origin: "synthesized", backend: "example" });

    for (const t of spec.tests!) {
      const result = await runtime.invoker.invoke(runtime.invoker.resolve(state, "total_cost")!, t.input);
      expect(result).toMatchObject({ ok: true, output: t.output });
    }
    const again = await requestCapability(runtime.readModel, "total_cost", { spec, source: "cli", newId: uuidIds, timeoutMs: 30_000 });
    expect(again).toMatchObject({ ok: true, synthesized: false, outcome: "resolved" });
    const all = await types();
    expect(all.filter((t) => t === "CapabilityGapDetected")).toHaveLength(1);
    expect(all.filter((t) => t === "InstallCommitted")).toHaveLength(1);
    expect(all.filter((t) => t === "PluginInvoked")).toHaveLength(spec.tests!.length);
  });

  it("revises a served capability when a request brings new examples, and reports a contradiction with its golden cases at once", async () => {
    runtime = await start();
    const spec = loadTask("total_cost");
    expect(await requestCapability(runtime.readModel, "total_cost", { spec, source: "cli", newId: uuidIds, timeoutMs: 60_000 })).toMatchObject({ ok: true, pluginId: "total_cost@1.0.0" });
    // A new example, consistent with the old ones: a new minor version built from old + new cases.
    const added = { input: { items: [{ qty: 2, price: 7 }, { qty: 1, price: 1 }] }, output: 15 };
    const revised = await requestCapability(runtime.readModel, "total_cost", { spec: { ...spec, examples: [added] }, source: "repl", newId: uuidIds, timeoutMs: 60_000 });
    expect(revised).toMatchObject({ ok: true, pluginId: "total_cost@1.1.0", synthesized: true, outcome: "published" });
    const state = await runtime.hub.state();
    const kept = state.plugins["total_cost@1.1.0"]!.spec;
    expect((kept["examples"] as unknown[]).length).toBe(spec.examples.length + 1);
    expect(kept["examples"]).toContainEqual(added);
    expect(kept["tests"]).toEqual(expect.arrayContaining(spec.tests!.map((t) => expect.objectContaining({ input: t.input, output: t.output }))));
    expect(state.capabilities["total_cost"]!.active).toBe("total_cost@1.1.0");
    // The same examples again: served, no third version.
    expect(await requestCapability(runtime.readModel, "total_cost", { spec: { ...spec, examples: [added] }, source: "repl", newId: uuidIds, timeoutMs: 30_000 })).toMatchObject({ ok: true, synthesized: false, outcome: "resolved" });
    // An old golden input with another output: reported at once, no gap opened, nothing searched.
    const gapsBefore = (await types()).filter((t) => t === "CapabilityGapDetected").length;
    const wrong = { input: spec.examples[0]!.input, output: 1 };
    const clash = await requestCapability(runtime.readModel, "total_cost", { spec: { ...spec, examples: [wrong] }, source: "repl", newId: uuidIds, timeoutMs: 30_000 });
    expect(clash).toMatchObject({ ok: false, outcome: "synthesis_failed" });
    expect(clash.reason).toMatch(/^contradictory_examples: case 1 of the request .* but total_cost@1\.1\.0's golden case gives 983/);
    expect((await types()).filter((t) => t === "CapabilityGapDetected")).toHaveLength(gapsBefore);
  });

  it("fails clearly when a gap cannot be closed, naming why", async () => {
    runtime = await start();
    const impossible = {
      description: "No program maps these.",
      inputSchema: { type: "object", properties: { x: { type: "integer" } } },
      outputSchema: { type: "integer" },
      constraints: ["deterministic"],
      examples: [{ input: { x: 1 }, output: 7 }, { input: { x: 1 }, output: 8 }],
    };
    const answer = await requestCapability(runtime.readModel, "contradiction", { spec: impossible, source: "cli", newId: uuidIds, timeoutMs: 60_000 });
    expect(answer).toMatchObject({ ok: false, outcome: "synthesis_failed" });
    // Two outputs for one input: reported at once as a contradiction, not searched for.
    expect(answer.reason).toMatch(/^contradictory_examples: examples 1 and 2/);
    const none = await requestCapability(runtime.readModel, "no_spec_given", { spec: null, source: "cli", newId: uuidIds, timeoutMs: 30_000 });
    expect(none).toMatchObject({ ok: false, outcome: "synthesis_failed" });
    expect(none.reason).toContain("no spec");
  });

  it("stops at a tested draft in dry-run mode and publishes nothing", async () => {
    runtime = await start(parsePolicy({ mode: "dry-run" }));
    const answer = await requestCapability(runtime.readModel, "max_price", { spec: loadTask("max_price"), source: "cli", newId: uuidIds, timeoutMs: 60_000 });
    expect(answer).toMatchObject({ ok: false, outcome: "dry_run" });
    expect(await types()).not.toContain("InstallStarted");
  });
});
