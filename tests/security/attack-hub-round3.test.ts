/**
 * Round 3 of the attacks on the hub fold (docs/threat-model.md, "What a governor key can still do"):
 * a stolen governor key reuses the transaction id of an honest install. The governor's ids derive
 * from the event it handles (`tx-<PluginTested id>`), which anyone reading the log sees, so the
 * attacker can start a transaction under it first, or while the honest one runs. The honest install
 * must still end active, in the fold and through the real install service. A real file log whose
 * events are signed with the data directory's role keys (the governor's for the forged ones), the
 * real sandbox running the golden cases. Each test fails on the main it was written against.
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

describe("round 3: a reused transaction id does not block an honest install", () => {
  // The installs view kept the forged InstallStarted under the id; the install service took it for a
  // redelivery of its own install (one install per transaction id) and returned its outcome: the
  // forged transaction, taken over at its lease's end and rolled back, so 2.0.0 never installed.
  it("a forged install the fold refuses, started first under the honest install's id, does not stand for it", { timeout: 60_000 }, async () => {
    const c = await hubs.withTotalCost();
    const evil = { ...pack({ manifest: { version: "9.9.9" } }), code: "export default function () { return 42; }\n" }; // code not its checksum: the fold refuses it
    await c.log.append(governor([started(TX, evil, "total_cost@9.9.9", "9.9.9")]));
    expect((await c.runtime.hub.state()).plugins["total_cost@9.9.9"]).toBeUndefined();
    const outcome = await c.runtime.hub.install(pack({ manifest: { version: "2.0.0" } }), { source: "gap:g1", txId: TX });
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true, pluginId: "total_cost@2.0.0" });
    await expectServing(c, "total_cost@2.0.0");
    // A redelivery of the same decision is still one install: its outcome, no second transaction.
    const again = await c.runtime.hub.install(pack({ manifest: { version: "2.0.0" } }), { source: "gap:g1", txId: TX });
    expect(again).toMatchObject({ ok: true, pluginId: "total_cost@2.0.0" });
    const transactions = Object.values((await c.runtime.hub.transactions()).transactions).filter((t) => t.pluginId === "total_cost@2.0.0");
    expect(transactions.map((t) => t.outcome)).toEqual(["committed"]);
  });

  // A reinstall of the held 1.0.0 (the same package: the fold takes it) under the honest id, rolled
  // back at once: the service returned that rollback as the honest install's outcome.
  it("a forged, rolled-back reinstall of a held version under the honest install's id does not stand for it", { timeout: 60_000 }, async () => {
    const c = await hubs.withTotalCost();
    await c.log.append(governor([
      started(TX, pack(), "total_cost@1.0.0", "1.0.0"),
      { type: "InstallRolledBack", data: { txId: TX, pluginId: "total_cost@1.0.0", phase: "verify", code: "forged", message: "forged", restored: "total_cost@1.0.0" } },
    ]));
    const outcome = await c.runtime.hub.install(pack({ manifest: { version: "2.0.0" } }), { source: "gap:g1", txId: TX });
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true, pluginId: "total_cost@2.0.0" });
    await expectServing(c, "total_cost@2.0.0");
  });

  // While the honest install runs, the attacker starts a reinstall of the held 1.0.0 under the same
  // id. The fold credited the health check to the first plugin with that transaction (1.0.0, older
  // in the hub), so 2.0.0's activation and commit were refused and 1.0.0 kept serving. The honest
  // events are the ones the install service writes (src/hub/install-phases.ts), in its order.
  it("a forged reinstall started under an honest install's id while it runs does not take its health check", { timeout: 60_000 }, async () => {
    const c = await hubs.withTotalCost();
    const honest = pack({ manifest: { version: "2.0.0" } });
    const phase = (name: string, index: number, details?: Record<string, unknown>) => ({ type: "InstallPhaseCompleted", data: { txId: TX, phase: name, index, ...(details ? { details } : {}) } });
    await c.log.append(governor([started(TX, honest, "total_cost@2.0.0", "2.0.0")]));
    await c.log.append(governor([started(TX, pack(), "total_cost@1.0.0", "1.0.0")])); // the attacker's
    await c.log.append(governor([phase("download", 1), phase("verify", 2), phase("dependency-prepare", 3), phase("health-check", 4, { passed: 2, failed: 0 })]));
    await c.log.append(governor([
      { type: "PluginTierAssigned", data: { pluginId: "total_cost@2.0.0", tier: "T1", reasons: ["unsigned"] } },
      { type: "PluginActivated", data: { pluginId: "total_cost@2.0.0", capability: "total_cost", version: "2.0.0", txId: TX, reason: "update" } },
      phase("activate", 5),
      { type: "InstallCommitted", data: { txId: TX, pluginId: "total_cost@2.0.0", tier: "T1" } },
    ]));
    await expectServing(c, "total_cost@2.0.0");
    // The installs view keeps the honest transaction under the id, committed.
    expect((await c.runtime.hub.transactions()).transactions[TX]).toMatchObject({ pluginId: "total_cost@2.0.0", outcome: "committed" });
  });

  // What a governor key still can do, and what the views must then agree on: a rollback of the
  // honest transaction before its commit is a governor's decision (docs/threat-model.md). The hub
  // refuses the later commit; the installs view said `committed` (the last outcome won) while the
  // hub said `failed`.
  it("a governor's rollback of an open honest transaction stands in the hub and in the installs view alike", { timeout: 60_000 }, async () => {
    const c = await hubs.withTotalCost();
    const phase = (name: string, index: number, details?: Record<string, unknown>) => ({ type: "InstallPhaseCompleted", data: { txId: TX, phase: name, index, ...(details ? { details } : {}) } });
    await c.log.append(governor([started(TX, pack({ manifest: { version: "2.0.0" } }), "total_cost@2.0.0", "2.0.0"), phase("health-check", 4, { passed: 2, failed: 0 })]));
    await c.log.append(governor([{ type: "InstallRolledBack", data: { txId: TX, pluginId: "total_cost@2.0.0", phase: "health-check", code: "forged", message: "forged", restored: "total_cost@1.0.0" } }]));
    await c.log.append(governor([
      { type: "PluginActivated", data: { pluginId: "total_cost@2.0.0", capability: "total_cost", version: "2.0.0", txId: TX, reason: "update" } },
      { type: "InstallCommitted", data: { txId: TX, pluginId: "total_cost@2.0.0", tier: "T1" } },
    ]));
    await expectServing(c, "total_cost@1.0.0");
    expect((await c.runtime.hub.state()).plugins["total_cost@2.0.0"]?.status).toBe("failed");
    expect((await c.runtime.hub.transactions()).transactions[TX]?.outcome).toBe("rolled_back");
  });

  // The live path end to end: the loop's agents, each signing as its role, bring a tested draft of
  // double_it; before the governor handles the report, the attacker starts a transaction under the id
  // the governor derives from it (`tx-<PluginTested id>`), with a package the fold refuses. The
  // governor took that transaction for its own and closed the gap `install_failed`.
  it("the governor agent installs a tested draft whose transaction id a forged install took first", { timeout: 120_000 }, async () => {
    const c = await hubs.withoutAgents();
    const { as, only, step, requestDouble } = handAgents(c);
    await requestDouble("example");
    await step(gapDetector, "gap", "CapabilityRequested", "CapabilityGapDetected");
    await step(createSynthesizerAgent({ backendFor: createBackendChooser() }), "synthesizer", "CapabilityGapDetected", "PluginDrafted");
    const tested = await step(createTester({ sandbox: c.runtime.sandbox, hostVersion: TEST_HOST_VERSION }), "tester", "PluginDrafted", "PluginTested");

    const evil = { ...pack({ manifest: { capability: "double_it", version: "9.9.9" }, spec: { ...doubleSpec } }), code: "export default function () { return 42; }\n" };
    await c.log.append([{ type: "InstallStarted", subject: subjectFor("plugin", "double_it"), actor: "governor", data: { txId: `tx-${tested.id}`, kind: "install", pluginId: "double_it@9.9.9", capability: "double_it", version: "9.9.9", package: evil, previousActive: null, source: "forged" } } as NewEvent]);

    await createGovernor({ hub: c.runtime.hub, policy: c.runtime.policy, hostVersion: TEST_HOST_VERSION }).handle(tested, as("governor"));
    const closed = await only("GapClosed");
    expect(closed.map((e) => e.data), JSON.stringify(closed.map((e) => e.data))).toEqual([expect.objectContaining({ ok: true, outcome: "published" })]);
    const pluginId = (closed[0]!.data as { pluginId: string }).pluginId;
    const state = await c.runtime.hub.state();
    expect({ active: state.capabilities["double_it"]?.active, status: state.plugins[pluginId]?.status }).toEqual({ active: pluginId, status: "active" });
    const call = await invokeCapability(c.runtime, "double_it", { n: 5 });
    expect(call.ok ? { ran: call.pluginId, output: call.output } : call).toEqual({ ran: pluginId, output: 10 });
  });
});
