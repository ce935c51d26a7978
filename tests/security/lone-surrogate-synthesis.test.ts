/**
 * The synthesizer agent's own guards, whatever the backend (attack round 3's L5 came through the
 * llm backend, which now retries such code as a bad round): code holding a lone surrogate closes the
 * gap with SynthesisFailed instead of an unrecordable PluginDrafted, and an ambiguity whose readings
 * (a candidate program's outputs: a slice can cut a pair in two) hold one is still recorded. A real
 * signed capsmith, scripted backends.
 */
import { afterEach, describe, expect, it } from "vitest";
import { gapDetector } from "../../src/agents/gap-detector.ts";
import { createSynthesizerAgent } from "../../src/agents/synthesizer-agent.ts";
import type { SynthesisBackend, SynthesisResult } from "../../src/agents/synthesizer/index.ts";
import { loneSurrogatePath } from "../../src/events/index.ts";
import type { AnyStoredEvent } from "../../src/events/index.ts";
import { parsePolicy } from "../../src/hub/index.ts";
import { openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";
import { handAgents } from "../support/hand-agents.ts";

const LONE = String.fromCharCode(0xd800);
let capsmith: TestCapsmith | undefined;
afterEach(async () => {
  await capsmith?.dispose();
  capsmith = undefined;
});

async function synthesizeWith(result: Omit<SynthesisResult, "capability" | "tests">): Promise<{ handled: string; events: AnyStoredEvent[] }> {
  const c = (capsmith = await openTestCapsmith({ policy: parsePolicy({ requireSignedEvents: true }), roles: [] }));
  const { as, all, requestDouble } = handAgents(c);
  await requestDouble("example");
  await gapDetector.handle((await all()).find((e) => e.type === "CapabilityRequested")!, as("gap"));
  const backend: SynthesisBackend = { name: "scripted", synthesize: async () => ({ ...result, capability: "double_it", tests: [] }) };
  const synthesizer = createSynthesizerAgent({ backendFor: () => backend });
  const handled = await synthesizer.handle((await all()).find((e) => e.type === "CapabilityGapDetected")!, as("synthesizer")).then(() => "ok", (e: unknown) => `${(e as { code?: string }).code}: ${String((e as Error).message).slice(0, 120)}`);
  return { handled, events: await all() };
}

describe("the synthesizer agent never leaves a gap open on text no event can hold", () => {
  it("turns a backend's code with a lone surrogate into SynthesisFailed, never a draft", { timeout: 60_000 }, async () => {
    const { handled, events } = await synthesizeWith({ backend: "scripted", code: `export default (input) => { const tag = "${LONE}"; return input.n * 2; };\n`, size: 1, candidates: 1, elapsedMs: 1 });
    expect(handled).toBe("ok");
    expect(events.filter((e) => e.type === "PluginDrafted")).toHaveLength(0);
    const failed = events.filter((e) => e.type === "SynthesisFailed").map((e) => e.data as { code: string; message: string });
    expect(failed).toEqual([{ gapId: expect.any(String), capability: "double_it", code: "no_program_found", message: expect.stringContaining("lone surrogate") }]);
    expect(events.filter((e) => e.type === "GapClosed").map((e) => (e.data as { outcome: string }).outcome)).toEqual(["synthesis_failed"]);
  });

  it("records an ambiguity whose readings hold a lone surrogate, repaired", { timeout: 60_000 }, async () => {
    const ambiguity = {
      input: { n: 3 }, reason: "programs_disagree" as const, programs: [],
      readings: [{ program: "input.s.slice(0, 1)", output: { [LONE]: LONE } }, { program: "input.s", output: "\u{1F600}" }],
    };
    const { handled, events } = await synthesizeWith({ backend: "scripted", code: "export default (input) => input.n * 2;\n", size: 1, candidates: 1, elapsedMs: 1, ambiguity });
    expect(handled).toBe("ok");
    const recorded = events.filter((e) => e.type === "SynthesisAmbiguous");
    expect(recorded).toHaveLength(1);
    expect(loneSurrogatePath(recorded[0]!.data)).toBeUndefined();
    expect((recorded[0]!.data as { readings: unknown[] }).readings).toEqual([{ program: "input.s.slice(0, 1)", output: { "\uFFFD": "\uFFFD" } }, { program: "input.s", output: "\u{1F600}" }]);
    expect(events.filter((e) => e.type === "GapClosed").map((e) => (e.data as { outcome: string }).outcome)).toEqual(["ambiguous"]);
  });
});
