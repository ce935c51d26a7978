/**
 * Policy holds a plugin for an operator: the gap waits, a signed approval by a trusted operator key
 * publishes it at T2; a rejection closes the gap; an approval by an untrusted key is refused by the
 * API and, appended around it, ignored by the governor.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { subjectFor } from "../../src/events/index.ts";
import type { EventLog } from "../../src/events/index.ts";
import { requestCapability } from "../../src/agents/index.ts";
import type { Runtime } from "../../src/agents/index.ts";
import { approvalCandidate, approvePlugin, generateSigningKey, parsePolicy, rejectPlugin, signApproval } from "../../src/hub/index.ts";
import type { ReadModel } from "../../projections/index.ts";
import { uuidIds } from "../../src/platform/index.ts";
import { openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";
import { loadTask } from "../support/tasks.ts";

let capsmith: TestCapsmith;
let log: EventLog;
let readModel: ReadModel;
let runtime: Runtime;

beforeEach(async () => {
  const policy = parsePolicy({ approvalRequired: { profiles: ["node"], permissions: [] } });
  capsmith = await openTestCapsmith({ policy, roles: ["gap", "synthesizer", "tester", "governor"] });
  ({ log, readModel, runtime } = capsmith);
});
afterEach(async () => {
  await capsmith.dispose();
});

/** Waits (on the read model, not by polling) until policy holds the capability's plugin for an operator. */
async function held(capability: string): Promise<{ pluginId: string; checksum: string }> {
  return readModel.waitFor(async () => {
    const gap = Object.values((await readModel.state("gaps")).gaps).find((g) => g.capability === capability && g.status === "awaiting_approval");
    if (!gap) return undefined;
    const candidate = await approvalCandidate(readModel, gap.pluginId!);
    return { pluginId: candidate.pluginId, checksum: candidate.checksum };
  }, { timeoutMs: 30_000, timeout: () => new Error("no gap awaiting approval"), cancelled: () => new Error("cancelled") });
}

async function trust(key: ReturnType<typeof generateSigningKey>): Promise<void> {
  await log.append([{ type: "KeyTrusted", subject: subjectFor("key", key.keyId), data: { keyId: key.keyId, publicKey: key.publicKey, name: key.name, role: key.role } }]);
}

describe("approvals", () => {
  it("publishes a held plugin at T2 once a trusted operator approves it, ignoring untrusted approvals", async () => {
    const answer = requestCapability(readModel, "max_price", { spec: loadTask("max_price"), source: "cli", newId: uuidIds, timeoutMs: 60_000 });
    const target = await held("max_price");
    expect(target.pluginId).toBe("max_price@1.0.0");

    const stranger = generateSigningKey("stranger", "operator"); // never trusted
    // The API refuses it outright, appending nothing ...
    const before = await log.lastSeq();
    await expect(approvePlugin(log, readModel, { ...target, pending: true }, stranger)).rejects.toMatchObject({ code: expect.any(String), nextStep: expect.any(String) });
    expect(await log.lastSeq()).toBe(before);
    // ... and one appended around the API (a well-formed signature by that untrusted key) is ignored.
    const forged = signApproval({ pluginId: target.pluginId, checksum: target.checksum }, stranger);
    await log.append([{ type: "PluginApproved", subject: subjectFor("gap", "max_price"), actor: "operator", data: { pluginId: target.pluginId, ...forged } }]);
    expect(await Promise.race([answer.then(() => "answered"), new Promise((r) => setTimeout(() => r("still held"), 3000))])).toBe("still held");
    const operator = generateSigningKey("ops", "operator");
    await trust(operator);
    await approvePlugin(log, readModel, { ...target, pending: true }, operator, "reviewed");

    expect(await answer).toMatchObject({ ok: true, pluginId: "max_price@1.0.0", outcome: "published" });
    const state = await runtime.hub.state();
    expect(state.plugins["max_price@1.0.0"]).toMatchObject({ status: "active", tier: "T2" });
    expect(state.plugins["max_price@1.0.0"]!.approvals.map((a) => a.keyId)).toContain(operator.keyId);
  });

  it("closes the gap when an operator rejects the held plugin", async () => {
    const answer = requestCapability(readModel, "count_items", { spec: loadTask("count_items"), source: "cli", newId: uuidIds, timeoutMs: 60_000 });
    const target = await held("count_items");
    await rejectPlugin(log, { pluginId: target.pluginId, pending: true }, ["not needed"]);
    expect(await answer).toMatchObject({ ok: false, outcome: "rejected" });
    expect((await answer).reason).toContain("not needed");
    expect((await runtime.hub.state()).capabilities["count_items"]).toBeUndefined();
  });

  it("refuses to sign an approval with a key that is not an operator's", async () => {
    await expect(approvePlugin(log, readModel, { pluginId: "x@1.0.0", checksum: "sha256:00", pending: true }, generateSigningKey("pub", "publisher"))).rejects.toMatchObject({ code: "approval_required" });
  });
});
