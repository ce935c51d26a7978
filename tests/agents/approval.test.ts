/**
 * Policy holds a plugin for an operator: the gap waits, a signed approval by a trusted operator key
 * publishes it at T2; a rejection closes the gap; an approval by an untrusted key is ignored.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openFileLog, subjectFor } from "../../src/events/index.ts";
import type { EventLog } from "../../src/events/index.ts";
import { requestCapability, startRuntime } from "../../src/agents/index.ts";
import type { Runtime } from "../../src/agents/index.ts";
import { approvePlugin, checksumOf, generateSigningKey, parsePolicy, rejectPlugin } from "../../src/hub/index.ts";
import { createProjector, gaps } from "../../projections/index.ts";
import type { GapsState } from "../../projections/index.ts";
import { uuidIds, systemClock } from "../../src/platform/index.ts";
import { loadTask } from "../support/tasks.ts";

let dir: string;
let log: EventLog;
let runtime: Runtime;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-approval-"));
  log = await openFileLog({ dir, clock: systemClock, newId: uuidIds, actor: "test" });
  const policy = parsePolicy({ approvalRequired: { profiles: ["node"], permissions: [] } });
  runtime = await startRuntime({ log, clock: systemClock, newId: uuidIds, logger: pino({ level: "silent" }), policy, hostVersion: "0.1.0", roles: ["gap", "synthesizer", "tester", "governor"] });
});
afterEach(async () => {
  await runtime.close();
  await log.close();
  await rm(dir, { recursive: true, force: true });
});

async function held(capability: string): Promise<{ pluginId: string; checksum: string }> {
  for (let i = 0; i < 400; i++) {
    const state = (await createProjector({ log, projections: [gaps] }).catchUp()).states["gaps"] as GapsState;
    const gap = Object.values(state.gaps).find((g) => g.capability === capability && g.status === "awaiting_approval");
    if (gap) {
      for await (const e of log.read(subjectFor("gap", capability))) {
        if (e.type === "PluginDrafted") return { pluginId: gap.pluginId!, checksum: checksumOf((e.data as { code: string }).code) };
      }
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("no gap awaiting approval");
}

async function trust(key: ReturnType<typeof generateSigningKey>): Promise<void> {
  await log.append([{ type: "KeyTrusted", subject: subjectFor("key", key.keyId), data: { keyId: key.keyId, publicKey: key.publicKey, name: key.name, role: key.role } }]);
}

describe("approvals", () => {
  it("publishes a held plugin at T2 once a trusted operator approves it, ignoring untrusted approvals", async () => {
    const answer = requestCapability(log, "max_price", { spec: loadTask("max_price"), source: "cli", newId: uuidIds, timeoutMs: 60_000 });
    const target = await held("max_price");
    expect(target.pluginId).toBe("max_price@1.0.0");

    const stranger = generateSigningKey("stranger", "operator"); // never trusted
    await approvePlugin(log, { ...target, pending: true }, stranger);
    const operator = generateSigningKey("ops", "operator");
    await trust(operator);
    await approvePlugin(log, { ...target, pending: true }, operator, "reviewed");

    expect(await answer).toMatchObject({ ok: true, pluginId: "max_price@1.0.0", outcome: "published" });
    const state = await runtime.hub.state();
    expect(state.plugins["max_price@1.0.0"]).toMatchObject({ status: "active", tier: "T2" });
    expect(state.plugins["max_price@1.0.0"]!.approvals.map((a) => a.keyId)).toContain(operator.keyId);
  });

  it("closes the gap when an operator rejects the held plugin", async () => {
    const answer = requestCapability(log, "count_items", { spec: loadTask("count_items"), source: "cli", newId: uuidIds, timeoutMs: 60_000 });
    const target = await held("count_items");
    await rejectPlugin(log, { pluginId: target.pluginId, pending: true }, ["not needed"]);
    expect(await answer).toMatchObject({ ok: false, outcome: "rejected" });
    expect((await answer).reason).toContain("not needed");
    expect((await runtime.hub.state()).capabilities["count_items"]).toBeUndefined();
  });

  it("refuses to sign an approval with a key that is not an operator's", async () => {
    await expect(approvePlugin(log, { pluginId: "x@1.0.0", checksum: "sha256:00", pending: true }, generateSigningKey("pub", "publisher"))).rejects.toMatchObject({ code: "approval_required" });
  });
});
