import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openFileLog, subjectFor } from "../../src/events/index.ts";
import type { EventLog } from "../../src/events/index.ts";
import { generateSigningKey } from "../../src/hub/keys.ts";
import { readModelOf } from "../support/capsmith.ts";
import { counterIds, steppingClock } from "../support/deterministic.ts";

async function loadHubSnapshot(log: EventLog) {
  const view = await (await readModelOf(log)).current(["hub", "keys"]);
  return { seq: view.seq, ...view.states };
}

let dir: string;
let log: EventLog;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-hub-state-"));
  log = await openFileLog({ dir, clock: steppingClock(), newId: counterIds(), actor: "operator" });
});
afterEach(async () => {
  await log.close();
  await rm(dir, { recursive: true, force: true });
});

describe("hub and trust-store state from the log", () => {
  it("folds KeyTrusted and KeyRevoked into the trust store", async () => {
    const a = generateSigningKey("a", "publisher");
    const b = generateSigningKey("b", "operator");
    for (const k of [a, b]) {
      await log.append([{ type: "KeyTrusted", subject: subjectFor("key", k.keyId), data: { keyId: k.keyId, publicKey: k.publicKey, name: k.name, role: k.role } }]);
    }
    await log.append([{ type: "KeyRevoked", subject: subjectFor("key", a.keyId), data: { keyId: a.keyId, reason: "lost" } }]);
    const snapshot = await loadHubSnapshot(log);
    expect(snapshot.seq).toBe(3);
    expect(snapshot.keys.keys[a.keyId]).toMatchObject({ revoked: true, revokedSeq: 3, revokedReason: "lost", trustedSeq: 1 });
    expect(snapshot.keys.keys[b.keyId]).toMatchObject({ revoked: false, role: "operator", trustedSeq: 2 });
    const readModel = await readModelOf(log);
    expect(await readModel.state("keys")).toEqual(snapshot.keys);
    expect(await readModel.state("hub")).toEqual(snapshot.hub);
  });

  it("gives an empty hub and trust store on an empty log", async () => {
    const snapshot = await loadHubSnapshot(log);
    expect(snapshot.hub).toEqual({ capabilities: {}, plugins: {}, pendingApprovals: {} });
    expect(snapshot.keys).toEqual({ keys: {} });
  });
});
