/**
 * Approvals over HTTP: a request policy holds answers `awaiting_approval` at once; only an operator
 * token approves, with the server's operator key or a signature made elsewhere (checked before it
 * is appended); the held plugin is then published and the request answers `ready`.
 */
import { afterEach, describe, expect, it } from "vitest";
import { subjectFor } from "../../src/events/index.ts";
import { generateSigningKey, parsePolicy, signApproval } from "../../src/hub/index.ts";
import type { SigningKey } from "../../src/hub/index.ts";
import { startTestServer } from "../support/serve.ts";
import type { TestServer } from "../support/serve.ts";
import { loadTask } from "../support/tasks.ts";

let t: TestServer | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined;
});

async function trust(server: TestServer, key: SigningKey): Promise<void> {
  await server.capsmith.log.append([{ type: "KeyTrusted", subject: subjectFor("key", key.keyId), data: { keyId: key.keyId, publicKey: key.publicKey, name: key.name, role: key.role } }]);
}

const heldPolicy = parsePolicy({ approvalRequired: { profiles: ["node"], permissions: [] } });

describe("approvals over HTTP", () => {
  it("holds a new plugin for an operator, who approves it with the server's key; the request then answers ready", async () => {
    const key = generateSigningKey("ops", "operator");
    t = await startTestServer({ policy: heldPolicy, approveKey: key });
    await trust(t, key);
    const asked = await t.call("POST", "/v1/requests?wait=30", { role: "runner", body: { capability: "max_price", spec: loadTask("max_price") } });
    expect(asked.status).toBe(202);
    expect(asked.json).toMatchObject({ status: "awaiting_approval", pluginId: "max_price@1.0.0" });

    const pending = await t.call("GET", "/v1/approvals", { role: "viewer" });
    const item = (pending.json["approvals"] as { pluginId: string; checksum: string; signingText: string }[])[0]!;
    expect(item).toMatchObject({ pluginId: "max_price@1.0.0" });
    expect(item.signingText).toContain(item.checksum);

    expect((await t.call("POST", "/v1/approvals/max_price@1.0.0/approve", { role: "runner", body: {} })).status).toBe(403);
    const approved = await t.call("POST", "/v1/approvals/max_price@1.0.0/approve", { role: "operator", body: { note: "reviewed" } });
    expect(approved.status).toBe(200);
    expect(approved.json).toMatchObject({ ok: true, pending: true, keyId: key.keyId });

    const done = await t.call("GET", `/v1/requests/${String(asked.json["requestId"])}?wait=30`, { role: "runner" });
    expect(done.json).toMatchObject({ status: "ready", pluginId: "max_price@1.0.0", outcome: "published" });
    const audit = await t.call("GET", "/v1/audit?plugin=max_price", { role: "viewer" });
    expect((audit.json["entries"] as { what: string; keyId: string }[]).find((e) => e.what.includes("approved"))).toMatchObject({ keyId: key.keyId });
  });

  it("takes a signature an operator made elsewhere, and refuses one no trusted operator key made", async () => {
    t = await startTestServer({ policy: heldPolicy });
    const operator = generateSigningKey("remote-ops", "operator");
    await trust(t, operator);
    await t.call("POST", "/v1/requests", { role: "runner", body: { capability: "count_items", spec: loadTask("count_items") } });
    const item = await t.capsmith.readModel.waitFor(async () => {
      const r = await t!.call("GET", "/v1/approvals", { role: "viewer" });
      return (r.json["approvals"] as { pluginId: string; checksum: string }[])[0];
    }, { timeoutMs: 30_000, timeout: () => new Error("nothing held"), cancelled: () => new Error("cancelled") });

    const noKey = await t.call("POST", `/v1/approvals/${item.pluginId}/approve`, { role: "operator", body: {} });
    expect(noKey.status).toBe(409);
    expect(noKey.json["error"]).toMatchObject({ code: "approval_key_missing" });

    const stranger = generateSigningKey("stranger", "operator");
    const forged = signApproval({ pluginId: item.pluginId, checksum: item.checksum }, stranger);
    const before = await t.capsmith.log.lastSeq();
    const refused = await t.call("POST", `/v1/approvals/${item.pluginId}/approve`, { role: "operator", body: forged });
    expect(refused.status).toBe(409);
    expect(refused.json["error"]).toMatchObject({ code: "signature_untrusted" });
    const wrongCode = signApproval({ pluginId: item.pluginId, checksum: "sha256:" + "0".repeat(64) }, operator);
    expect((await t.call("POST", `/v1/approvals/${item.pluginId}/approve`, { role: "operator", body: wrongCode })).status).toBe(409);
    expect(await t.capsmith.log.lastSeq()).toBe(before);

    const signed = signApproval({ pluginId: item.pluginId, checksum: item.checksum }, operator);
    expect((await t.call("POST", `/v1/approvals/${item.pluginId}/approve`, { role: "operator", body: signed })).status).toBe(200);
    await t.capsmith.readModel.waitFor(async () => ((await t!.capsmith.readModel.state("hub")).capabilities["count_items"]?.active ? true : undefined),
      { timeoutMs: 30_000, timeout: () => new Error("not published"), cancelled: () => new Error("cancelled") });
  });

  it("rejects for an operator: the gap closes as rejected", async () => {
    t = await startTestServer({ policy: heldPolicy });
    const asked = await t.call("POST", "/v1/requests?wait=30", { role: "runner", body: { capability: "max_price", spec: loadTask("max_price") } });
    expect(asked.json["status"]).toBe("awaiting_approval");
    expect((await t.call("POST", "/v1/approvals/max_price@1.0.0/reject", { role: "operator", body: {} })).status).toBe(400);
    expect((await t.call("POST", "/v1/approvals/max_price@1.0.0/reject", { role: "operator", body: { reason: "not today" } })).status).toBe(200);
    const done = await t.call("GET", `/v1/requests/${String(asked.json["requestId"])}?wait=30`, { role: "runner" });
    expect(done.json).toMatchObject({ status: "failed", outcome: "rejected" });
    expect((await t.call("POST", "/v1/approvals/nothing_here@1.0.0/approve", { role: "operator", body: {} })).status).toBe(404);
  });
});
