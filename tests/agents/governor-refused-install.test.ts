/**
 * A tested draft the hub refuses to install (a newer version went active by hand while the draft was
 * tested, so the draft's would be a downgrade; or its version is taken with other code) closes the gap
 * `install_failed` with the hub's code. Before, the governor rethrew the refusal on every delivery
 * until the event went to the dead letters, and the gap stayed `tested` (found by the attack on the
 * install start-over). A real capsmith, the loop's agents driven by hand.
 */
import { afterEach, expect, it } from "vitest";
import { createBackendChooser } from "../../src/agents/backends.ts";
import { gapDetector } from "../../src/agents/gap-detector.ts";
import { createGovernor } from "../../src/agents/governor.ts";
import { createSynthesizerAgent } from "../../src/agents/synthesizer-agent.ts";
import { createTester } from "../../src/agents/tester.ts";
import { pack } from "../hub/fixtures.ts";
import { openTestCapsmith, TEST_HOST_VERSION } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";
import { handAgents } from "../support/hand-agents.ts";
import { doubleSpec } from "../support/plugin-packages.ts";

let capsmith: TestCapsmith | undefined;
afterEach(async () => {
  await capsmith?.dispose();
  capsmith = undefined;
});

const cases = [
  { name: "a newer version went active meanwhile: the draft's would be a downgrade", code: "downgrade_needs_rollback", version: (_gap: string) => "99.0.0" },
  { name: "the draft's version went in meanwhile with other code", code: "version_exists", version: (gap: string) => gap },
];

for (const c of cases) {
  it(`closes the gap install_failed when ${c.name}`, { timeout: 120_000 }, async () => {
    const cs = (capsmith = await openTestCapsmith({ roles: [] }));
    const { as, only, step, requestDouble } = handAgents(cs);
    await requestDouble("example");
    const gap = await step(gapDetector, "gap", "CapabilityRequested", "CapabilityGapDetected");
    await step(createSynthesizerAgent({ backendFor: createBackendChooser() }), "synthesizer", "CapabilityGapDetected", "PluginDrafted");
    const tested = await step(createTester({ sandbox: cs.runtime.sandbox, hostVersion: TEST_HOST_VERSION }), "tester", "PluginDrafted", "PluginTested");
    const version = c.version((gap.data as { version: string }).version);
    const byHand = pack({ manifest: { capability: "double_it", version }, spec: { ...doubleSpec }, code: "export default function (input) { return input.n + input.n; }\n" });
    expect(await cs.runtime.hub.install(byHand, { source: "operator" })).toMatchObject({ ok: true });

    const governor = createGovernor({ hub: cs.runtime.hub, policy: cs.runtime.policy, hostVersion: TEST_HOST_VERSION });
    await governor.handle(tested, as("governor"));
    await governor.handle(tested, as("governor")); // a redelivery closes nothing twice
    const closed = await only("GapClosed");
    expect(closed.map((e) => e.data)).toEqual([expect.objectContaining({ ok: false, outcome: "install_failed", reason: expect.stringContaining(`[${c.code}]`) })]);
    expect((await cs.runtime.readModel.state("gaps")).gaps[(gap.data as { gapId: string }).gapId]?.status).not.toBe("tested");
    expect((await cs.runtime.readModel.state("hub")).capabilities["double_it"]?.active).toBe(`double_it@${version}`);
  });
}
