/**
 * Attack round 3 on "reusing an honest transaction's id cannot block an honest install"
 * (docs/threat-model.md): a stolen governor key writes under the id the governor derives for an
 * honest install (`tx-<PluginTested id>`, readable by anyone). A real signed file log (the
 * forged events signed with the data directory's governor key), the real install service and
 * sandbox. Each test here broke the promise on the main it was written against, so each fails there.
 */
import { describe, expect, it } from "vitest";
import { createBackendChooser } from "../../src/agents/backends.ts";
import { gapDetector } from "../../src/agents/gap-detector.ts";
import { createGovernor } from "../../src/agents/governor.ts";
import { createSynthesizerAgent } from "../../src/agents/synthesizer-agent.ts";
import { createTester } from "../../src/agents/tester.ts";
import { subjectFor } from "../../src/events/index.ts";
import type { NewEvent } from "../../src/events/index.ts";
import { pack } from "../hub/fixtures.ts";
import { TEST_HOST_VERSION, invokeCapability } from "../support/capsmith.ts";
import { handAgents } from "../support/hand-agents.ts";
import { doubleSpec } from "../support/plugin-packages.ts";
import { TX, expectServing, governor, started, useSignedHubs } from "./forged-installs.ts";

const hubs = useSignedHubs();
const phase = (name: string, index: number, details?: Record<string, unknown>) => ({ type: "InstallPhaseCompleted", data: { txId: TX, phase: name, index, ...(details ? { details } : {}) } });

describe("break: a reused transaction id still blocks an honest install", () => {
  // The install service tells "my redelivered install" from "someone else's transaction" by the
  // plugin id alone (transactionIdFor). The plugin id is predictable (`<capability>@<gap version>`):
  // the attacker starts, under the honest id, an install of that very plugin id with a package the
  // fold refuses (code not its checksum). The honest install takes it for its own redelivery, waits
  // out its lease, takes it over, finds no package in the hub and rolls it back: install failed.
  it("a forged install of the honest plugin id, started first under the honest id, does not stand for it", { timeout: 60_000 }, async () => {
    const c = await hubs.withTotalCost();
    const evil = { ...pack({ manifest: { version: "2.0.0" } }), code: "export default function () { return 42; }\n" };
    await c.log.append(governor([started(TX, evil, "total_cost@2.0.0", "2.0.0")]));
    expect((await c.runtime.hub.state()).plugins["total_cost@2.0.0"]).toBeUndefined();
    const outcome = await c.runtime.hub.install(pack({ manifest: { version: "2.0.0" } }), { source: "gap:g1", txId: TX });
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true, pluginId: "total_cost@2.0.0" });
    await expectServing(c, "total_cost@2.0.0");
  });

  // The derived id is no refuge: it is computed from what anyone reads (`<txId>/<pluginId>`), so the
  // attacker takes TX for another plugin and the derived id for the honest plugin id.
  it("a forged install under the derived <txId>/<pluginId> id does not stand for the honest install", { timeout: 60_000 }, async () => {
    const c = await hubs.withTotalCost();
    const evil = { ...pack({ manifest: { version: "2.0.0" } }), code: "export default function () { return 42; }\n" };
    await c.log.append(governor([started(TX, pack(), "total_cost@1.0.0", "1.0.0"), started(`${TX}/total_cost@2.0.0`, evil, "total_cost@2.0.0", "2.0.0")]));
    const outcome = await c.runtime.hub.install(pack({ manifest: { version: "2.0.0" } }), { source: "gap:g1", txId: TX });
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true, pluginId: "total_cost@2.0.0" });
    await expectServing(c, "total_cost@2.0.0");
  });

  // The same with the forgery already rolled back (a governor's InstallRolledBack of its own forged
  // transaction): the honest install returns that rollback at once as its outcome.
  it("a forged, rolled-back install of the honest plugin id under the honest id does not stand for it", { timeout: 60_000 }, async () => {
    const c = await hubs.withTotalCost();
    const evil = { ...pack({ manifest: { version: "2.0.0" } }), code: "export default function () { return 42; }\n" };
    await c.log.append(governor([
      started(TX, evil, "total_cost@2.0.0", "2.0.0"),
      { type: "InstallRolledBack", data: { txId: TX, pluginId: "total_cost@2.0.0", phase: "verify", code: "forged", message: "forged", restored: "total_cost@1.0.0" } },
    ]));
    const outcome = await c.runtime.hub.install(pack({ manifest: { version: "2.0.0" } }), { source: "gap:g1", txId: TX });
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true, pluginId: "total_cost@2.0.0" });
    await expectServing(c, "total_cost@2.0.0");
  });

  // The installs view adds every InstallPhaseCompleted naming an id to that transaction's phases,
  // whoever's it is, and a takeover resumes from `phases.length`. The honest install stopped after
  // its health check (its process died: its own events, in its order); the attacker appends one
  // forged `activate` phase under the id. The takeover (a redelivery, or recover) then runs no phase
  // at all and reports success: nothing was activated or committed, the transaction stays open.
  it("a forged phase under the honest id does not make a takeover skip the honest install's activation", { timeout: 60_000 }, async () => {
    const c = await hubs.withTotalCost();
    const honest = pack({ manifest: { version: "2.0.0" } });
    await c.log.append(governor([started(TX, honest, "total_cost@2.0.0", "2.0.0")]));
    await c.log.append(governor([phase("download", 1), phase("verify", 2), phase("dependency-prepare", 3), phase("health-check", 4, { passed: 1, failed: 0 })]));
    await c.log.append(governor([phase("activate", 5)])); // the attacker's
    // A process starting on the log finishes what the dead one left (recover takes every open transaction).
    expect(await c.runtime.hub.recover()).toEqual([TX]);
    expect((await c.runtime.hub.transactions()).transactions[TX]?.outcome).toBe("committed");
    await expectServing(c, "total_cost@2.0.0");
  });

  // The live path: the loop's agents, each signing as its role, bring a tested draft of double_it.
  // The attacker reads the gap's version and the PluginTested id, and starts `tx-<PluginTested id>`
  // for `double_it@<that version>` (the honest plugin id) with a package the fold refuses. The
  // governor's install takes it for a redelivery of its own, waits out its lease, rolls it back, and
  // closes the gap install_failed.
  it("the governor agent installs a tested draft whose transaction id and plugin id a forged install took first", { timeout: 120_000 }, async () => {
    const c = await hubs.withoutAgents();
    const { as, only, step, requestDouble } = handAgents(c);
    await requestDouble("example");
    const gap = await step(gapDetector, "gap", "CapabilityRequested", "CapabilityGapDetected");
    await step(createSynthesizerAgent({ backendFor: createBackendChooser() }), "synthesizer", "CapabilityGapDetected", "PluginDrafted");
    const tested = await step(createTester({ sandbox: c.runtime.sandbox, hostVersion: TEST_HOST_VERSION }), "tester", "PluginDrafted", "PluginTested");

    const version = (gap.data as { version: string }).version;
    const evil = { ...pack({ manifest: { capability: "double_it", version }, spec: { ...doubleSpec } }), code: "export default function () { return 42; }\n" };
    await c.log.append([{ type: "InstallStarted", subject: subjectFor("plugin", "double_it"), actor: "governor", data: { txId: `tx-${tested.id}`, kind: "install", pluginId: `double_it@${version}`, capability: "double_it", version, package: evil, previousActive: null, source: "forged" } } as NewEvent]);

    await createGovernor({ hub: c.runtime.hub, policy: c.runtime.policy, hostVersion: TEST_HOST_VERSION }).handle(tested, as("governor"));
    const closed = await only("GapClosed");
    expect(closed.map((e) => e.data), JSON.stringify(closed.map((e) => e.data))).toEqual([expect.objectContaining({ ok: true, outcome: "published" })]);
    const call = await invokeCapability(c.runtime, "double_it", { n: 5 });
    expect(call.ok ? call.output : call).toBe(10);
  });
});

