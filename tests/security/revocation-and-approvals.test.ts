/**
 * Attacks 2 and 6 of issue 14, on the embedded log with signed events required.
 * Revocation demotes: once the publisher key that signed total_cost@1.0.0 is revoked, the plugin
 * drops to T0 at the revocation's place in the log and the last good version is active again (a
 * fold of the log: replaying to before the revocation shows it as it was); `audit verify` fails
 * while an active plugin rests on a revoked key.
 * Approvals need a trusted operator key, and the tier comes from the hub's own health check, not
 * from a test report the package declares.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { subjectFor } from "../../src/events/index.ts";
import type { NewEvent } from "../../src/events/index.ts";
import { approvePlugin, auditSignatures, generateSigningKey, openKeyStore, parsePolicy } from "../../src/hub/index.ts";
import type { SigningKey } from "../../src/hub/index.ts";
import { hubWith, pack, trustStore } from "../hub/fixtures.ts";
import { openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";

let capsmith: TestCapsmith;

beforeEach(async () => {
  capsmith = await openTestCapsmith({ policy: parsePolicy({ requireSignedEvents: true }) });
});
afterEach(() => capsmith.dispose());

async function trust(key: SigningKey): Promise<void> {
  await capsmith.log.append([{ type: "KeyTrusted", subject: subjectFor("key", key.keyId), actor: "operator", data: { keyId: key.keyId, publicKey: key.publicKey, name: key.name, role: key.role } } as NewEvent]);
}

describe("revoking a publisher key", () => {
  it("demotes what only it vouched for and rolls back to the last good version, as a fold of the log", async () => {
    const acme = generateSigningKey("acme", "publisher");
    await trust(acme);
    const hub = capsmith.runtime.hub;
    expect(await hub.install(pack({ manifest: { version: "0.9.0" } }), { source: "test" })).toMatchObject({ ok: true, tier: "T1" });
    expect(await hub.install(pack({ manifest: { version: "1.0.0" } }, acme), { source: "test" })).toMatchObject({ ok: true, tier: "T3" });
    expect((await hub.state()).capabilities["total_cost"]?.active).toBe("total_cost@1.0.0");

    const revoked = await capsmith.log.append([{ type: "KeyRevoked", subject: subjectFor("key", acme.keyId), actor: "operator", data: { keyId: acme.keyId, reason: "stolen" } } as NewEvent]);
    const after = await hub.state();
    expect(after.plugins["total_cost@1.0.0"]).toMatchObject({ tier: "T0", status: "rolled_back", changedSeq: revoked.seq });
    expect(after.capabilities["total_cost"]?.active).toBe("total_cost@0.9.0");
    expect(capsmith.runtime.invoker.resolve(after, "total_cost")?.id).toBe("total_cost@0.9.0");

    // Replayable: before the revocation the signed version was active at T3.
    const before = await capsmith.readModel.asOf({ untilSeq: revoked.seq - 1 });
    expect(before.states.hub.plugins["total_cost@1.0.0"]).toMatchObject({ tier: "T3", status: "active" });
  });

  it("leaves nothing active when no earlier version is trusted", async () => {
    const acme = generateSigningKey("acme", "publisher");
    await trust(acme);
    await capsmith.runtime.hub.install(pack({}, acme), { source: "test" });
    await capsmith.log.append([{ type: "KeyRevoked", subject: subjectFor("key", acme.keyId), actor: "operator", data: { keyId: acme.keyId, reason: "stolen" } } as NewEvent]);
    const state = await capsmith.runtime.hub.state();
    expect(state.capabilities["total_cost"]?.active ?? null).toBeNull();
    expect(capsmith.runtime.invoker.resolve(state, "total_cost")).toBeUndefined();
  });

  it("fails audit verify while an active plugin rests on a revoked key", () => {
    const acme = generateSigningKey("acme", "publisher");
    const signed = pack({}, acme);
    const state = hubWith(signed);
    state.plugins["total_cost@1.0.0"]!.tier = "T3";
    const findings = auditSignatures(state, trustStore({ key: acme, revoked: true }));
    expect(findings.invalid).toContainEqual(expect.objectContaining({ pluginId: "total_cost@1.0.0", code: "key_revoked" }));
  });
});

describe("approvals", () => {
  it("refuse a key the hub does not trust as an operator's, and append nothing", async () => {
    await capsmith.runtime.hub.install(pack({ testReport: undefined }), { source: "test" });
    const mallory = generateSigningKey("mallory", "operator");
    const target = { pluginId: "total_cost@1.0.0", checksum: String((await capsmith.runtime.hub.state()).plugins["total_cost@1.0.0"]!.manifest["checksum"]), pending: false };
    const last = await capsmith.log.lastSeq();
    await expect(approvePlugin(capsmith.log, capsmith.readModel, target, mallory)).rejects.toMatchObject({ code: "signature_untrusted" });
    expect(await capsmith.log.lastSeq()).toBe(last);
  });

  it("take the tier from the hub's own health check, not a self-declared test report", async () => {
    expect(await capsmith.runtime.hub.install(pack({ testReport: undefined }), { source: "test" })).toMatchObject({ ok: true, tier: "T1" });
    const operator = await openKeyStore(capsmith.dir).load("operator");
    const target = { pluginId: "total_cost@1.0.0", checksum: String((await capsmith.runtime.hub.state()).plugins["total_cost@1.0.0"]!.manifest["checksum"]), pending: false };
    expect(await approvePlugin(capsmith.log, capsmith.readModel, target, operator)).toMatchObject({ tier: "T2" });
    expect((await capsmith.runtime.hub.state()).plugins["total_cost@1.0.0"]).toMatchObject({ tier: "T2", status: "active" });
  });
});
