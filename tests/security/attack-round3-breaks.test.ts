/**
 * Attack round 3 on this stop's promises (docs/threat-model.md): each test here is an attack that
 * broke a promise on the main it was written against, so each fails there.
 *
 * "Every text a plugin controls leaves the worker well-formed", "no event can hold a lone
 * surrogate", so "a hostile plugin's error message cannot leave its install open": the worker
 * clips and repairs error messages, but the host then cuts texts again (golden-cases.ts slices a
 * wrong output's message at 500 characters, the hub's rollback at 2,000), and a plugin's OUTPUT is
 * never repaired at all: it reaches the tester's report (`got`) as it left the plugin.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createBackendChooser } from "../../src/agents/backends.ts";
import { gapDetector } from "../../src/agents/gap-detector.ts";
import type { Reactor } from "../../src/agents/loop/context.ts";
import { createSynthesizerAgent } from "../../src/agents/synthesizer-agent.ts";
import { createTester } from "../../src/agents/tester.ts";
import { ALL_EVENTS, withActor } from "../../src/events/index.ts";
import type { AnyStoredEvent, NewEvent, StoredEvent } from "../../src/events/index.ts";
import { parsePolicy } from "../../src/hub/index.ts";
import { uuidIds } from "../../src/platform/index.ts";
import { runPlan } from "../../src/agents/index.ts";
import { parsePlan } from "../../src/agents/plan/index.ts";
import { createLlmBackend } from "../../src/agents/synthesizer/index.ts";
import { pack } from "../hub/fixtures.ts";
import { codeReply, startFakeOpenAi } from "../support/fake-openai-server.ts";
import { TEST_HOST_VERSION, openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";
import { handAgents } from "../support/hand-agents.ts";

let capsmith: TestCapsmith | undefined;
afterEach(async () => {
  await capsmith?.dispose();
  capsmith = undefined;
});

const signed = async (): Promise<TestCapsmith> => (capsmith = await openTestCapsmith({ policy: parsePolicy({ requireSignedEvents: true }), roles: [], config: { installLeaseMs: 300 } }));

describe("break: plugin-controlled text with a lone surrogate still reaches events", () => {
  // A wrong output of 300 emoji: golden-cases.ts writes `expected 6, got "😀😀…"` and slices it at
  // 500 UTF-16 units, which cuts the last emoji's pair in two; the health check's failure message
  // (the InstallRolledBack record) then holds a lone high surrogate: the rollback cannot be
  // appended (invalid_event) and the install stays open, as the threat model says it no longer can.
  it("a wrong output whose message the 500-character cut splits cannot leave its install open", { timeout: 60_000 }, async () => {
    const c = await signed();
    const code = 'export default function () { return "\\u{1F600}".repeat(300); }\n';
    const outcome = await c.runtime.hub.install(pack({ code }), { source: "test" }).catch((e: unknown) => ({ threw: (e as { code?: string }).code, message: String((e as Error).message).slice(0, 200) }));
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: false, failure: { code: "health_check_failed" } });
    const outcomes = Object.values((await c.runtime.hub.transactions()).transactions).map((t) => t.outcome);
    expect(outcomes).toEqual(["rolled_back"]);
  });

  // The same cut by the hub itself: the rollback message is `failure.message.slice(0, 2_000)`. A
  // plugin error the worker clipped to well-formed text, behind the case's name (the package's own
  // spec), straddles the 2,000th unit with an emoji.
  it("a failure message the rollback's 2,000-character cut splits cannot leave its install open", { timeout: 60_000 }, async () => {
    const c = await signed();
    // "1 of 1 golden cases failed; first: example_1: [plugin_error] " is 61 units; the worker's clip keeps
    // what the plugin threw whole when short enough, so put an emoji across the 2,000th unit.
    const code = 'export default function () { throw new Error("\\u{1F600}".repeat(990)); }\n';
    const outcome = await c.runtime.hub.install(pack({ code, manifest: { version: "1.0.1" } }), { source: "test" }).catch((e: unknown) => ({ threw: (e as { code?: string }).code, message: String((e as Error).message).slice(0, 200) }));
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: false, failure: { code: "health_check_failed" } });
    const outcomes = Object.values((await c.runtime.hub.transactions()).transactions).map((t) => t.outcome);
    expect(outcomes).toEqual(["rolled_back"]);
  });

  // The output schema is the host's check (src/sandbox/output-schema.ts): its message names the path
  // of the wrong value, and the plugin chose that path's key. A key with a lone surrogate puts one in
  // the health check's failure, and the rollback cannot be recorded.
  it("an output whose wrong value sits under a key with a lone surrogate cannot leave its install open", { timeout: 60_000 }, async () => {
    const c = await signed();
    const spec = { outputSchema: { type: "object", additionalProperties: { type: "number" } }, constraints: ["deterministic", "schema_validated"], examples: [{ input: { items: [] }, output: { total: 0 } }] };
    const code = 'export default function () { return { [String.fromCharCode(0xd800)]: "not a number" }; }\n';
    const outcome = await c.runtime.hub.install(pack({ code, spec }), { source: "test" }).catch((e: unknown) => ({ threw: (e as { code?: string }).code, message: String((e as Error).message).slice(0, 200) }));
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: false, failure: { code: "health_check_failed" } });
  });

  // The runner: a step's failure becomes `step "costs" (capability total_cost) failed: plugin_error:
  // total_cost@1.0.0: <message>` (77 units before the plugin's text), and RunFinished keeps its
  // first 2,000 units. The worker's 2,000-unit clip left the plugin's 999 emoji whole; the prefix
  // pushes one across the cut, and the run's end cannot be recorded: runPlan throws invalid_event,
  // and the log holds a RunStarted that never finishes.
  it("a step's failure message the run's 2,000-character cut splits still finishes the run", { timeout: 60_000 }, async () => {
    const c = await signed();
    expect(await c.runtime.hub.install(pack({ code: 'export default function (input) { if (input.items.length === 0) throw new Error("\\u{1F600}".repeat(999)); return input.items.reduce((s, i) => s + i.qty * i.price, 0); }\n' }), { source: "test" })).toMatchObject({ ok: true });
    const plan = parsePlan({ plan: "cost", steps: [{ id: "costs", capability: "total_cost", input: { items: "$input.items" } }], output: "$steps.costs" });
    const outcome = await runPlan(c.runtime, plan, { items: [] }, { newId: uuidIds }).catch((e: unknown) => ({ threw: (e as { code?: string }).code, message: String((e as Error).message).slice(0, 200) }));
    expect(outcome, JSON.stringify(outcome).slice(0, 300)).toMatchObject({ ok: false, error: { code: "step_failed" } });
    const finished: AnyStoredEvent[] = [];
    for await (const e of c.log.read(ALL_EVENTS)) if (e.type === "RunFinished") finished.push(e);
    expect(finished).toHaveLength(1);
  });

  // The tester reports a draft's wrong output as the plugin gave it (`got`), unrepaired: a draft
  // answering a lone surrogate makes its PluginTested unrecordable, the tester's handler fails on
  // every delivery, and the gap stays `drafted` for good (no report, no GapClosed).
  it("a draft whose wrong output holds a lone surrogate is still reported on", { timeout: 120_000 }, async () => {
    const c = await signed();
    const { as, only, requestDouble } = handAgents(c);
    await requestDouble("example", { constraints: ["deterministic"] });
    await gapDetector.handle((await only("CapabilityRequested"))[0]!, as("gap"));
    const gap = (await only("CapabilityGapDetected"))[0] as StoredEvent<"CapabilityGapDetected">;
    const draft = { gapId: gap.data.gapId, draftId: "d-hostile", capability: "double_it", version: gap.data.version, code: "export default function () { return String.fromCharCode(0xd800); }\n", backend: "llm", model: "m", size: 1, candidates: 1, elapsedMs: 1 };
    await withActor(c.log, "synthesizer").append([{ type: "PluginDrafted", subject: gap.subject, data: draft } as NewEvent]);
    const drafted = (await only("PluginDrafted"))[0]!;
    const tester: Reactor = createTester({ sandbox: c.runtime.sandbox, hostVersion: TEST_HOST_VERSION });
    const handled = await tester.handle(drafted, as("tester")).then(() => "ok", (e: unknown) => `${(e as { code?: string }).code}: ${String((e as Error).message).slice(0, 120)}`);
    expect(handled).toBe("ok");
    expect((await only("PluginTested")).map((e) => (e.data as { report: { failed: number } }).report.failed)).toEqual([3]);
  });

  // Minor: a plan input holding a lone surrogate (serve's /run JSON body, an MCP tool call) is not
  // refused at the edge with a code: the run id's hash of the input (canonicalize) throws a raw
  // "Lone surrogate is not allowed" Error with no code and no next step. (Nothing is appended, so
  // nothing is left open; a plugin's output with one handed to the next step runs fine.)
  it("a plan input with a lone surrogate is refused with a coded error", { timeout: 60_000 }, async () => {
    const c = await signed();
    expect(await c.runtime.hub.install(pack(), { source: "test" })).toMatchObject({ ok: true });
    const plan = parsePlan({ plan: "cost", steps: [{ id: "costs", capability: "total_cost", input: { items: "$input.items" } }], output: "$steps.costs" });
    const outcome = await runPlan(c.runtime, plan, { items: [{ qty: 1, price: 2, [String.fromCharCode(0xd800)]: 3 }] }, { newId: uuidIds }).catch((e: unknown) => ({ threw: (e as { code?: string }).code ?? "no code", message: String((e as Error).message).slice(0, 200) }));
    expect(outcome, JSON.stringify(outcome).slice(0, 300)).not.toMatchObject({ threw: "no code" });
    // Refused before any event, naming where: the caller's data is refused, never altered.
    expect(outcome).toMatchObject({ threw: "invalid_input", message: expect.stringContaining("input.items[0] (a key)") });
    const started: AnyStoredEvent[] = [];
    for await (const e of c.log.read(ALL_EVENTS)) if (e.type === "RunStarted") started.push(e);
    expect(started).toHaveLength(0);
  });

  // The LLM's answer is the synthesizer's draft as the server sent it. JSON's "\ud800" escape gives
  // code with a lone surrogate (which still runs and passes the examples); PluginDrafted cannot hold
  // it, the synthesizer rethrows the log's invalid_event as a log failure ("the event comes again"),
  // and every redelivery asks the model again: the gap stays open with neither draft nor failure.
  for (const [name, reply] of [
    ["code with a lone surrogate", codeReply('export default function (input) { const tag = "\uD800"; return input.n * 2; }\n')],
  ] as const) {
    it(`an LLM answer holding ${name} still settles the gap`, { timeout: 60_000 }, async () => {
      const c = await signed();
      const server = await startFakeOpenAi([reply, reply, reply]);
      try {
        const llm = createLlmBackend({ baseURL: server.baseURL, apiKey: "sk-test-key", model: "fake-model", maxRounds: 1, maxRetries: 0, caseTimeoutMs: 2_000 });
        const { as, only, requestDouble } = handAgents(c);
        await requestDouble("llm");
        await gapDetector.handle((await only("CapabilityRequested"))[0]!, as("gap"));
        const synthesizer = createSynthesizerAgent({ backendFor: createBackendChooser({ llm: () => llm, llmConfigured: true }) });
        const handled = await synthesizer.handle((await only("CapabilityGapDetected"))[0]!, as("synthesizer")).then(() => "ok", (e: unknown) => `${(e as { code?: string }).code}: ${String((e as Error).message).slice(0, 120)}`);
        expect(handled).toBe("ok");
        expect([...(await only("PluginDrafted")), ...(await only("SynthesisFailed"))]).toHaveLength(1);
        // Such code is a failed candidate, never a draft: the gap fails with the reason.
        expect((await only("SynthesisFailed")).map((e) => (e.data as { code: string }).code)).toEqual(["no_program_found"]);
      } finally {
        await server.close();
      }
    });
  }
});

