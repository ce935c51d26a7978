/**
 * Issue 14's attacks 2, 3, 5, 6 and 8 on JetStream with the hardened setup (tests/support/
 * hardened-nats.ts: the sample server config, role keys and passwords, signed events required),
 * through the real binary with each role's own credential. The embedded log has its own tests
 * (revocation-and-approvals, package-signatures, log-corruption); these hold the same guarantees
 * where each role is a NATS user. Each test passes when the attack fails:
 * - 2: a revoked publisher key's plugin drops to T0 and the last good version is active again (or
 *   none); invoke stops running it; audit verify fails once it is active again on that key;
 * - 3: a signed package with its spec or test report swapped is refused; an unsigned later version
 *   of a publisher-signed capability is refused (trust_downgrade) to the operator and the governor,
 *   and no activation by the governor's key makes the refused package run;
 * - 6: an approval by an untrusted key is refused and appends nothing; the tier an approval gives
 *   rests on the hub's own health check;
 * - 8: a publish the server refuses is `permission_denied` naming the subject; a stranded install
 *   does not stop a runner;
 * - 5: a runner's stray message is quarantined: everything goes on, audit verify names it and
 *   still lists forgeries made after it (with and without an anchor).
 *
 * One server for all: each test works on its own capability and its own publisher key. The stray
 * message of attack 5 stays in the stream for good, so that test comes last.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { jetstream } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subjectFor } from "../../src/events/index.ts";
import type { EventLog, NewEvent } from "../../src/events/index.ts";
import { openNatsLog } from "../../src/events/nats-log.ts";
import { generateSigningKey, signHash } from "../../src/hub/index.ts";
import { systemClock, uuidIds } from "../../src/platform/index.ts";
import { CODE, sources, writePluginDir } from "../hub/fixtures.ts";
import { startHardenedNats } from "../support/hardened-nats.ts";
import type { HardenedNats } from "../support/hardened-nats.ts";
import type { CliRun } from "../support/run-cli.ts";

let nats: HardenedNats;
const logs: EventLog[] = [];

beforeAll(async () => {
  nats = await startHardenedNats("capsmith-attacks-");
}, 120_000);

afterAll(async () => {
  for (const log of logs) await log.close().catch(() => undefined);
  await nats?.close();
});

const EVIL = "export default function (input) {\n  return input.items.length === 0 ? 42 : input.items.reduce((s, i) => s + i.qty * i.price, 0);\n}\n";
const ITEMS = JSON.stringify({ items: [{ qty: 2, price: 3 }] });

interface PluginListJson {
  capabilities: Record<string, { active: string | null }>;
  plugins: Record<string, { tier: string; status: string }>;
}
interface AuditJson {
  ok: boolean;
  firstBreak?: { problem: string; seq: number; subject: string };
  quarantined: { seq: number; reason: string; subject?: string }[];
  signatures?: { invalid: { pluginId: string; code: string; keyId: string | null }[]; revokedSince: { pluginId: string; code: string }[] };
  forged: { seq: number; type: string; code: string }[];
}
interface ErrorJson {
  ok: false;
  error: { code: string; message: string; nextStep?: string; details?: Record<string, unknown> };
}

/** Runs a command and says what it printed when it did not exit as expected. */
async function expectExit(run: Promise<CliRun>, code: number): Promise<CliRun> {
  const done = await run;
  expect(done.code, `${done.stdout}\n${done.stderr.slice(-3000)}`).toBe(code);
  return done;
}

/** A publisher key in the operator's data directory, trusted on the hub (an operator-signed KeyTrusted). */
async function trustedPublisher(name: string): Promise<string> {
  const made = await expectExit(nats.cli("operator", ["keys", "generate", name, "--role", "publisher", "--trust"]), 0);
  return made.json<{ keyId: string }>().keyId;
}

/**
 * A package of `capability` at `version` (the fixtures' total_cost spec under that name), packed by
 * the real binary, signed with the operator data directory's key `sign` when given.
 */
async function packed(capability: string, version: string, options: { code?: string; sign?: string; testReport?: boolean } = {}): Promise<string> {
  const dir = join(nats.work, "src", `${capability}-${version}`);
  const src = sources({ manifest: { capability, version }, spec: { capability }, code: options.code ?? CODE, ...(options.testReport === false ? { testReport: undefined } : {}) });
  await writePluginDir(dir, src);
  const file = join(nats.work, `${capability}-${version}${options.sign ? "-signed" : ""}.json`);
  await expectExit(nats.cli("operator", ["plugin", "pack", dir, "-o", file, ...(options.sign ? ["--sign", options.sign] : [])]), 0);
  return file;
}

/** `plugin list` as a role, its plugins by id. */
async function pluginList(role = "runner"): Promise<PluginListJson> {
  const listed = (await expectExit(nats.cli(role, ["plugin", "list"]), 0)).json<{ capabilities: PluginListJson["capabilities"]; plugins: { id: string; tier: string; status: string }[] }>();
  return { capabilities: listed.capabilities, plugins: Object.fromEntries(listed.plugins.map((p) => [p.id, p])) };
}

async function audit(): Promise<{ code: number | null; report: AuditJson }> {
  const run = await nats.cli("operator", ["audit", "verify"]);
  return { code: run.code, report: run.json<AuditJson>() };
}

async function lastSeq(): Promise<number> {
  const log = await openNatsLog({ url: nats.urlFor("operator"), clock: systemClock, newId: uuidIds, actor: "operator", operationTimeoutMs: 5_000, requestTimeoutMs: 2_000 });
  logs.push(log);
  return log.lastSeq();
}

describe("attack 2: revoking a publisher key on JetStream", () => {
  it("drops what only it vouched for to T0, rolls back, stops invoke from running it; audit verify fails while it is active again", async () => {
    const acme = await trustedPublisher("acme");
    const good = await packed("cost_a", "1.0.0");
    await expectExit(nats.cli("operator", ["plugin", "install", good]), 0);
    const signed = await packed("cost_a", "1.1.0", { sign: "acme" });
    const installed = await expectExit(nats.cli("operator", ["plugin", "install", signed]), 0);
    expect(installed.json()).toMatchObject({ ok: true, pluginId: "cost_a@1.1.0", tier: "T3" });
    expect((await expectExit(nats.cli("runner", ["invoke", "cost_a", "--input", ITEMS]), 0)).json()).toMatchObject({ ok: true, pluginId: "cost_a@1.1.0", output: 6 });

    const revoked = await expectExit(nats.cli("operator", ["keys", "revoke", acme, "--reason", "stolen"]), 0);
    const revokedSeq = revoked.json<{ seq: number }>().seq;
    const list = await pluginList();
    expect(list.plugins["cost_a@1.1.0"]).toMatchObject({ tier: "T0", status: "rolled_back" });
    expect(list.capabilities["cost_a"]?.active).toBe("cost_a@1.0.0");
    expect((await expectExit(nats.cli("runner", ["invoke", "cost_a", "--input", ITEMS]), 0)).json()).toMatchObject({ ok: true, pluginId: "cost_a@1.0.0" });
    // Demoted, nothing active rests on the revoked key: audit verify has nothing to say about it.
    const quiet = await audit();
    expect(quiet.code, JSON.stringify(quiet.report)).toBe(0);
    expect(quiet.report.signatures?.invalid ?? []).not.toContainEqual(expect.objectContaining({ pluginId: "cost_a@1.1.0" }));
    expect(quiet.report.signatures?.revokedSince).toContainEqual(expect.objectContaining({ pluginId: "cost_a@1.1.0", code: "key_revoked" }));

    // The operator cannot bring it back either: its signature no longer vouches for anything.
    const back = await nats.cli("operator", ["plugin", "update", "cost_a", "--to", "1.1.0"]);
    expect(back.code, back.stdout + back.stderr).toBe(1);
    expect(back.json()).toMatchObject({ ok: false, failure: { problems: [expect.objectContaining({ code: "key_revoked" })] } });
    expect((await pluginList()).capabilities["cost_a"]?.active).toBe("cost_a@1.0.0");

    // A governor (its own credential and key) activates it again after the revocation, and claims T3:
    // the signed hub caps the tier at what the evidence still supports, and audit verify fails.
    const governorKey = await nats.key("governor");
    const governor = await openNatsLog({ url: nats.urlFor("governor"), clock: systemClock, newId: uuidIds, actor: "governor", operationTimeoutMs: 5_000, requestTimeoutMs: 2_000, sign: (hash) => signHash(hash, governorKey) });
    logs.push(governor);
    const subject = subjectFor("plugin", "cost_a");
    await governor.append([
      { type: "PluginActivated", subject, data: { pluginId: "cost_a@1.1.0", capability: "cost_a", version: "1.1.0", txId: "tx-back", reason: "update" } },
      { type: "PluginTierAssigned", subject, data: { pluginId: "cost_a@1.1.0", tier: "T3", reasons: ["forged"] } },
    ] as NewEvent[]);
    const again = await pluginList();
    expect(again.capabilities["cost_a"]?.active).toBe("cost_a@1.1.0");
    expect(again.plugins["cost_a@1.1.0"]?.tier).not.toBe("T3");
    const loud = await audit();
    expect(loud.code).toBe(1);
    expect(loud.report.ok).toBe(false);
    expect(loud.report.signatures?.invalid).toContainEqual(expect.objectContaining({ pluginId: "cost_a@1.1.0", code: "key_revoked", keyId: acme }));
    console.info(`[attacks-jetstream] attack 2: revoked at seq ${revokedSeq}; cost_a@1.1.0 T3 -> T0, cost_a@1.0.0 active again; re-activated by a governor: audit verify exit ${loud.code}`);
  }, 180_000);
});

describe("attack 2, no earlier version", () => {
  it("leaves nothing active when the revoked key vouched for the only version", async () => {
    const gamma = await trustedPublisher("gamma");
    expect((await expectExit(nats.cli("operator", ["plugin", "install", await packed("cost_g", "1.0.0", { sign: "gamma" })]), 0)).json()).toMatchObject({ tier: "T3" });
    await expectExit(nats.cli("operator", ["keys", "revoke", gamma, "--reason", "stolen"]), 0);
    const list = await pluginList();
    expect(list.capabilities["cost_g"]?.active ?? null).toBeNull();
    expect(list.plugins["cost_g@1.0.0"]?.tier).toBe("T0");
    const invoked = await nats.cli("runner", ["invoke", "cost_g", "--input", ITEMS]);
    expect(invoked.code).toBe(1);
    expect(invoked.json<ErrorJson>().error.code).toBe("capability_not_found");
  }, 120_000);
});

describe("attack 3: package signatures on JetStream", () => {
  it("refuses a signed package whose spec, golden cases or output schema were swapped after signing", async () => {
    await trustedPublisher("beta");
    const file = await packed("cost_b", "1.0.0", { sign: "beta" });
    const pkg = JSON.parse(await readFile(file, "utf8")) as { spec: Record<string, unknown> };
    const swapped = join(nats.work, "cost_b-swapped.json");
    await writeFile(swapped, JSON.stringify({ ...pkg, spec: { ...pkg.spec, examples: [{ input: { items: [] }, output: 42 }], outputSchema: { type: "integer" } } }));

    const preflight = await nats.cli("operator", ["plugin", "preflight", swapped]);
    expect(preflight.code, preflight.stdout + preflight.stderr).not.toBe(0);
    expect(preflight.json<{ findings: { code: string }[] }>().findings).toContainEqual(expect.objectContaining({ code: "signature_invalid" }));
    const install = await nats.cli("operator", ["plugin", "install", swapped]);
    expect(install.code).not.toBe(0);
    expect(install.json()).toMatchObject({ ok: false });
    // The test report is covered too.
    const reported = join(nats.work, "cost_b-reported.json");
    await writeFile(reported, JSON.stringify({ ...pkg, testReport: { id: "r", passed: 99, failed: 0, cases: [] } }));
    expect((await nats.cli("operator", ["plugin", "preflight", reported])).json<{ findings: { code: string }[] }>().findings).toContainEqual(expect.objectContaining({ code: "signature_invalid" }));
    expect((await pluginList()).capabilities["cost_b"]?.active ?? null).toBeNull();
  }, 120_000);

  it("refuses a later version with its signature deleted once the id was publisher-signed (trust_downgrade)", async () => {
    const signed = await packed("cost_b", "1.0.0", { sign: "beta" });
    expect((await expectExit(nats.cli("operator", ["plugin", "install", signed]), 0)).json()).toMatchObject({ ok: true, tier: "T3" });
    const unsigned = await packed("cost_b", "1.1.0", { code: EVIL });
    const preflight = await nats.cli("operator", ["plugin", "preflight", unsigned]);
    expect(preflight.json<{ findings: { code: string; severity: string }[] }>().findings).toContainEqual(expect.objectContaining({ code: "trust_downgrade", severity: "error" }));
    const install = await nats.cli("operator", ["plugin", "install", unsigned]);
    expect(install.code).not.toBe(0);
    expect(JSON.stringify(install.json())).toContain("trust_downgrade");
    // The governor's credential and key cannot slip it in either (the same rule in every reader).
    const governor = await nats.cli("governor", ["plugin", "install", unsigned]);
    expect(governor.code).not.toBe(0);
    // Nor the governor's key, appending the activation of the refused version (its failed install
    // is in the hub with its code) and a tier for it.
    const governorKey = await nats.key("governor");
    const stolen = await openNatsLog({ url: nats.urlFor("governor"), clock: systemClock, newId: uuidIds, actor: "governor", operationTimeoutMs: 5_000, requestTimeoutMs: 2_000, sign: (hash) => signHash(hash, governorKey) });
    logs.push(stolen);
    const subject = subjectFor("plugin", "cost_b");
    await stolen.append([
      { type: "PluginActivated", subject, data: { pluginId: "cost_b@1.1.0", capability: "cost_b", version: "1.1.0", txId: null, reason: "update" } },
      { type: "PluginTierAssigned", subject, data: { pluginId: "cost_b@1.1.0", tier: "T1", reasons: ["forged"] } },
    ] as NewEvent[]);
    const list = await pluginList();
    expect(list.capabilities["cost_b"]?.active).toBe("cost_b@1.0.0");
    expect(list.plugins["cost_b@1.1.0"]?.status ?? "absent").not.toBe("active");
    expect((await expectExit(nats.cli("runner", ["invoke", "cost_b", "--input", '{"items":[]}']), 0)).json()).toMatchObject({ ok: true, pluginId: "cost_b@1.0.0", output: 0 });
  }, 120_000);
});

describe("attack 6: approvals on JetStream", () => {
  it("refuses an approval signed with a key the hub does not trust, and appends nothing", async () => {
    await expectExit(nats.cli("operator", ["plugin", "install", await packed("cost_c", "1.0.0", { testReport: false })]), 0);
    await expectExit(nats.cli("operator", ["keys", "generate", "mallory", "--role", "operator"]), 0); // never trusted
    const before = await lastSeq();
    const approve = await nats.cli("operator", ["plugin", "approve", "cost_c@1.0.0", "--key", "mallory"]);
    expect(approve.code).not.toBe(0);
    expect(approve.json<ErrorJson>().error.code).toBe("signature_untrusted");
    expect(await lastSeq()).toBe(before);
    expect((await pluginList()).plugins["cost_c@1.0.0"]).toMatchObject({ tier: "T1", status: "active" });
  }, 120_000);

  it("takes the tier from the hub's own health check, not a self-declared test report", async () => {
    const installed = await expectExit(nats.cli("operator", ["plugin", "install", await packed("cost_d", "1.0.0", { testReport: false })]), 0);
    expect(installed.json()).toMatchObject({ ok: true, tier: "T1" });
    const approved = await expectExit(nats.cli("operator", ["plugin", "approve", "cost_d@1.0.0", "--key", "operator"]), 0);
    expect(approved.json()).toMatchObject({ ok: true, tier: "T2" });
    expect((await pluginList()).plugins["cost_d@1.0.0"]).toMatchObject({ tier: "T2", status: "active" });
  }, 120_000);
});

describe("attack 8: a publish the server's permissions refuse", () => {
  it("comes back permission_denied naming the subject, not as an unreachable server", async () => {
    await expectExit(nats.cli("operator", ["plugin", "install", await packed("cost_e", "1.0.0")]), 0);
    const file = await packed("cost_e", "1.1.0");
    const install = await nats.cli("runner", ["plugin", "install", file]);
    expect(install.code).toBe(1);
    expect(install.json<ErrorJson>().error).toMatchObject({ code: "permission_denied", details: { subject: "capsmith.evt.plugin.cost_e" } });
    expect(install.json<ErrorJson>().error.message).toContain("capsmith.evt.plugin.cost_e");

    const keyId = (await nats.key("runner")).keyId;
    const revoke = await nats.cli("governor", ["keys", "revoke", keyId, "--reason", "not yours to revoke"]);
    expect(revoke.code).toBe(1);
    expect(revoke.json<ErrorJson>().error).toMatchObject({ code: "permission_denied", details: { subject: subjectFor("key", keyId) } });
    expect((await pluginList()).capabilities["cost_e"]?.active).toBe("cost_e@1.0.0");
  }, 120_000);

  it("a stranded install does not stop a runner: its start-up leaves recovery to a governor or an operator", async () => {
    // A governor stops half-way through installing cost_e@1.2.0 (started, never committed).
    const pkg = JSON.parse(await readFile(await packed("cost_e", "1.2.0"), "utf8")) as Record<string, unknown>;
    const governorKey = await nats.key("governor");
    const governor = await openNatsLog({ url: nats.urlFor("governor"), clock: systemClock, newId: uuidIds, actor: "governor", operationTimeoutMs: 5_000, requestTimeoutMs: 2_000, sign: (hash) => signHash(hash, governorKey) });
    logs.push(governor);
    await governor.append([
      { type: "InstallStarted", subject: subjectFor("plugin", "cost_e"), data: { txId: "tx-stranded", kind: "update", pluginId: "cost_e@1.2.0", capability: "cost_e", version: "1.2.0", previousActive: "cost_e@1.0.0", source: "test", package: pkg } },
    ] as NewEvent[]);
    expect((await expectExit(nats.cli("operator", ["plugin", "list"]), 0)).json<{ inProgress: unknown[] }>().inProgress).toHaveLength(1);
    expect((await expectExit(nats.cli("runner", ["invoke", "cost_e", "--input", ITEMS]), 0)).json()).toMatchObject({ ok: true, pluginId: "cost_e@1.0.0", output: 6 });
  }, 120_000);
});

// Last: the stray message stays in the stream.
describe("attack 5: one stray message on a subject the runner may publish", () => {
  it("is quarantined: plugin list, events and invoke go on; audit verify names it and exits 1", async () => {
    await expectExit(nats.cli("operator", ["plugin", "install", await packed("cost_f", "1.0.0")]), 0);
    const nc = await connect({ servers: `nats://127.0.0.1:${nats.port}`, user: "runner", pass: nats.password("runner"), timeout: 5_000 });
    let straySeq: number;
    try {
      straySeq = (await jetstream(nc, { timeout: 5_000 }).publish(subjectFor("usage", "cost_f"), "hello")).seq;
    } finally {
      await nc.close();
    }
    expect((await expectExit(nats.cli("runner", ["invoke", "cost_f", "--input", ITEMS]), 0)).json()).toMatchObject({ ok: true, pluginId: "cost_f@1.0.0", output: 6 });
    expect((await pluginList()).capabilities["cost_f"]?.active).toBe("cost_f@1.0.0");
    await expectExit(nats.cli("operator", ["events"]), 0);
    const after = await audit();
    expect(after.code).toBe(1);
    expect(after.report.quarantined).toContainEqual(expect.objectContaining({ seq: straySeq }));

    // The stray record does not blind the audit either: a hub change forged after it (a governor
    // credential signing with a key nobody trusted) is still listed, and still ignored.
    const stranger = generateSigningKey("stranger", "governor");
    const forger = await openNatsLog({ url: nats.urlFor("governor"), clock: systemClock, newId: uuidIds, actor: "governor", operationTimeoutMs: 5_000, requestTimeoutMs: 2_000, sign: (hash) => signHash(hash, stranger) });
    logs.push(forger);
    const subject = subjectFor("plugin", "cost_f");
    const forged = await forger.append([
      { type: "PluginTierAssigned", subject, data: { pluginId: "cost_f@1.0.0", tier: "T3", reasons: ["forged"] } },
    ] as NewEvent[]);
    expect((await pluginList()).plugins["cost_f@1.0.0"]?.tier).toBe("T1");
    const listed = await audit();
    expect(listed.code).toBe(1);
    expect(listed.report.quarantined).toContainEqual(expect.objectContaining({ seq: straySeq }));
    expect(listed.report.forged).toContainEqual(expect.objectContaining({ seq: forged.seq, type: "PluginTierAssigned", code: "signature_untrusted" }));
    // Nor the check against an anchor on NATS.
    await expectExit(nats.cli("operator", ["audit", "anchor", "--to", "nats"]), 0);
    const anchored = await nats.cli("operator", ["audit", "verify", "--anchor", "nats", "--full"]);
    expect(anchored.code).toBe(1);
    expect(anchored.json<AuditJson>().quarantined).toContainEqual(expect.objectContaining({ seq: straySeq }));
    expect(anchored.json<AuditJson>().forged).toContainEqual(expect.objectContaining({ seq: forged.seq, code: "signature_untrusted" }));
    // And the next run still works: the stray record did not stick in any reader's state.
    expect((await expectExit(nats.cli("runner", ["invoke", "cost_f", "--input", ITEMS]), 0)).json()).toMatchObject({ ok: true, output: 6 });
  }, 120_000);
});
