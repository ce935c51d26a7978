/**
 * Attacks on the promise that a package of a lower trust tier never replaces an active plugin a
 * trusted publisher signed without an operator's signed approval of that exact plugin id and
 * package checksum, through the real binary and the real log files. Setting: word_count@1.0.0 is
 * signed by a trusted publisher and active; word_count@1.1.0 is unsigned (a trust downgrade). Each
 * test asserts the promise, so an attack that gets in makes it fail. Written by an attacker of the
 * first design (an operator approved "the package an install refused", its checksum read back from
 * the log): six attacks got in or locked the operator out. The design now approves only a package
 * file the operator holds (`plugin approve --package FILE`, the checksum of its code), a rejection
 * withdraws approvals of a package not installed, and one key's approvals of two packages of an id
 * are both on record; every attack below is kept, translated where it used the old command.
 * Each runs a dozen CLI processes or more: 120 s each, for a loaded machine.
 */
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subjectFor } from "../../src/events/index.ts";
import type { NewEvent } from "../../src/events/index.ts";
import { checksumOf, openKeyStore, packageDigest, signApproval } from "../../src/hub/index.ts";
import { uuidIds } from "../../src/platform/index.ts";
import { startTestServer } from "../support/serve.ts";
import { openTestCapsmith } from "../support/capsmith.ts";
import { allCommands } from "../../src/repl/commands/index.ts";
import type { CommandContext, CommandResult } from "../../src/repl/core/types.ts";
import { replServices } from "../../src/repl/services.ts";
import { EXAMPLES, ID, expectRefused, forge, ok, openHub, readPackage } from "./downgrade-harness.ts";
import type { Hub } from "./downgrade-harness.ts";

/**
 * What a stolen runner key can write to the embedded log: an install of `pkg` that "the verify
 * phase refused as a trust downgrade", labelled as the governor's. The read model ignores both
 * events (a runner does not sign installs); the question is whether anything else reads them.
 */
async function forgeRefusedInstall(hub: Hub, pkg: Record<string, unknown>, source: string): Promise<void> {
  const txId = uuidIds();
  const subject = subjectFor("plugin", "word_count");
  const message = "trust_downgrade at manifest.signature: earlier versions of word_count are signed by publisher key x; this one is not signed by it";
  await forge(hub, "runner", [
    { type: "InstallStarted", subject, actor: "governor", data: { txId, kind: "update", pluginId: ID, capability: "word_count", version: "1.1.0", package: pkg, previousActive: "word_count@1.0.0", source } } as NewEvent,
    { type: "InstallRolledBack", subject, actor: "governor", data: { txId, pluginId: ID, phase: "verify", code: "preflight_failed", message, restored: "word_count@1.0.0" } } as NewEvent,
  ], "governor");
}

describe("the refused package an operator approves is the one an install of the hub refused", () => {
  let hub: Hub;
  beforeAll(async () => (hub = await openHub("capsmith-attack-downgrade-")), 120_000);
  afterAll(() => rm(hub?.dir ?? "", { recursive: true, force: true }));

  // Broke the first design: the approval's checksum was read from the raw log, where a stolen runner
  // key had appended a "refused" install of the attacker's package. Nothing is read from the log now.
  it("a refusal forged with a runner key does not choose what the operator's approval covers", { timeout: 120_000 }, async () => {
    await expectRefused(hub, hub.honest);
    await forgeRefusedInstall(hub, await readPackage(hub.evil), `file:${hub.evil}`);
    const approved = await hub.cli("--json", "plugin", "approve", ID, "--key", "op");
    expect(approved.code, approved.stdout).not.toBe(0);
    await ok(hub, "plugin", "approve", "--package", hub.honest, "--key", "op");
    await expectRefused(hub, hub.evil);
  });
});

/** The bait: the honest 1.1.0 code, under a manifest whose checksum is the evil code's. */
async function writeBait(hub: Hub): Promise<string> {
  const bait = join(hub.dir, "wc-1.1.0-bait.json");
  await writeFile(bait, JSON.stringify({ ...(await readPackage(hub.evil)), code: (await readPackage(hub.honest)).code }));
  return bait;
}

describe("an approval covers the code the operator was shown", () => {
  let hub: Hub;
  let bait: string;
  beforeAll(async () => {
    hub = await openHub("capsmith-attack-downgrade-");
    bait = await writeBait(hub);
  }, 120_000);
  afterAll(() => rm(hub?.dir ?? "", { recursive: true, force: true }));

  // Broke the first design: it signed the checksum the bait's manifest stated (the evil code's). The
  // checksum signed is now that of the code in the file, and a file whose manifest disagrees is refused.
  it("approving a package whose manifest lies about its checksum admits no other code", { timeout: 120_000 }, async () => {
    const refused = await hub.cli("plugin", "install", bait);
    expect(refused.code).toBe(1);
    const approved = await hub.cli("--json", "plugin", "approve", "--package", bait, "--key", "op");
    expect(approved.code).toBe(2);
    expect(approved.json()).toMatchObject({ ok: false, error: { code: "invalid_input", details: { reason: "checksum_mismatch" } } });
    await expectRefused(hub, hub.evil);
    expect(checksumOf((await readPackage(bait)).code)).not.toBe((await readPackage(bait)).manifest["checksum"]);
  });
});

/** `/approve ID` at a REPL over the hub's data directory; what it showed, and its answer. */
async function replApprove(hub: Hub, id: string): Promise<{ shown: CommandResult[]; result: CommandResult }> {
  const capsmith = await openTestCapsmith({ dir: hub.data, roles: [] });
  try {
    const shown: CommandResult[] = [];
    const ctx: CommandContext = {
      services: replServices(capsmith, { where: hub.data }),
      ui: { interactive: true, ask: () => Promise.resolve("y"), show: (r) => void shown.push(r), line: () => undefined, activity: () => undefined },
      session: { id: "attack", signal: new AbortController().signal, commands: allCommands, backend: "example", model: "test-model" },
    };
    const result = await allCommands.find((c) => c.name === "approve")!.run(ctx, id);
    return { shown, result };
  } finally {
    await capsmith.dispose();
  }
}

describe("the REPL's /approve of a refused package", () => {
  let hub: Hub;
  let bait: string;
  beforeAll(async () => {
    hub = await openHub("capsmith-attack-downgrade-");
    bait = await writeBait(hub);
  }, 120_000);
  afterAll(() => rm(hub?.dir ?? "", { recursive: true, force: true }));

  // Broke the first design: /approve offered the refused bait, and signed the evil code's checksum.
  // /approve knows held and installed plugins only; a refused package is approved from its file.
  it("/approve of a refused package approves nothing", { timeout: 120_000 }, async () => {
    expect((await hub.cli("plugin", "install", bait)).code).toBe(1);
    // The REPL shows a command's thrown HubError as the error it is.
    await expect(replApprove(hub, ID)).rejects.toMatchObject({ code: "unknown_plugin" });
    await expectRefused(hub, hub.evil);
  });
});

describe("an approval covers one plugin id and one checksum, and only an operator's decision counts", () => {
  let hub: Hub;
  let other: string;
  beforeAll(async () => {
    hub = await openHub("capsmith-attack-downgrade-");
    // word_count@1.1.1: the honest code under another version, also unsigned.
    await cp(join(EXAMPLES, "1.1.0"), join(hub.dir, "1.1.1"), { recursive: true });
    const manifest = JSON.parse(await readFile(join(hub.dir, "1.1.1", "manifest.json"), "utf8")) as Record<string, unknown>;
    await writeFile(join(hub.dir, "1.1.1", "manifest.json"), JSON.stringify({ ...manifest, version: "1.1.1" }));
    other = join(hub.dir, "wc-1.1.1.json");
    await ok(hub, "plugin", "pack", join(hub.dir, "1.1.1"), "-o", other);
  }, 120_000);
  afterAll(() => rm(hub?.dir ?? "", { recursive: true, force: true }));

  it("approves nothing for an id no install was refused under, nor for one spelled another way", { timeout: 120_000 }, async () => {
    await expectRefused(hub, hub.honest);
    for (const id of ["word_count@6.6.6", "WORD_COUNT@1.1.0", "word_count@1.1.0 ", " word_count@1.1.0", "word_count@v1.1.0", "word_count@1.1", "word_count@1.1.0+b"]) {
      const run = await hub.cli("--json", "plugin", "approve", id, "--key", "op");
      expect(run.code, `${id}: ${run.stdout}`).not.toBe(0);
    }
    await expectRefused(hub, hub.honest);
  });

  it("the attacker's code under the signed plugin's own id (word_count@1.0.0, unsigned) is refused", { timeout: 120_000 }, async () => {
    // checkDowngrade looks for publishers among the capability's *other* ids: under the same id it
    // finds none, so another check has to keep it out.
    await cp(join(hub.dir, "evil"), join(hub.dir, "evil-1.0.0"), { recursive: true });
    const manifest = JSON.parse(await readFile(join(hub.dir, "evil-1.0.0", "manifest.json"), "utf8")) as Record<string, unknown>;
    await writeFile(join(hub.dir, "evil-1.0.0", "manifest.json"), JSON.stringify({ ...manifest, version: "1.0.0" }));
    const file = join(hub.dir, "wc-1.0.0-evil.json");
    await ok(hub, "plugin", "pack", join(hub.dir, "evil-1.0.0"), "-o", file);
    const run = await hub.cli("plugin", "install", file);
    expect(run.code).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).not.toContain("updated to");
    expect((await ok(hub, "plugin", "list")).stdout).toMatch(/word_count@1\.0\.0\s+active\s+T3/);
  });

  it("an approval of word_count@1.1.1 does not let word_count@1.1.0 in, though the code is the same", { timeout: 120_000 }, async () => {
    await expectRefused(hub, other);
    await ok(hub, "plugin", "approve", "--package", other, "--key", "op");
    await expectRefused(hub, hub.honest);
  });

  it("keeps the attacker's package refused after the approval, after a newer refused install of it, and after a rollback", { timeout: 120_000 }, async () => {
    await expectRefused(hub, hub.honest);
    await ok(hub, "plugin", "approve", "--package", hub.honest, "--key", "op");
    await expectRefused(hub, hub.evil);
    // The newest refusal of the id is now the attacker's: approving "again" must not cover it
    // without an operator signing it, and the approval already given covers the honest one only.
    await expectRefused(hub, hub.evil);
    const installed = await ok(hub, "plugin", "install", hub.honest);
    expect(installed.stdout, installed.stdout).toContain("updated to word_count@1.1.0");
    await ok(hub, "plugin", "rollback", "word_count");
    // 1.1.0 is in the hub now (inactive): the attacker's code under its id is refused as another
    // version's, and the old approval does not bring it back.
    const again = await hub.cli("plugin", "install", hub.evil);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain("error [version_exists]");
  });
});

describe("plugin reject of a refused package", () => {
  let hub: Hub;
  beforeAll(async () => (hub = await openHub("capsmith-attack-downgrade-")), 120_000);
  afterAll(() => rm(hub?.dir ?? "", { recursive: true, force: true }));

  // Broke the first design: the hub projection ignored PluginRejected, so an approval given before
  // stayed and the package installed. A rejection now withdraws approvals of a package not installed.
  it("an operator's reject after the approval keeps the package out", { timeout: 120_000 }, async () => {
    await expectRefused(hub, hub.evil);
    const approved = await hub.cli("plugin", "approve", "--package", hub.evil, "--key", "op");
    expect(approved.code).toBe(0);
    await ok(hub, "plugin", "reject", ID, "--reason", "changed my mind: it is not the publisher's");
    await expectRefused(hub, hub.evil);
  });
});

describe("capsmith serve's approval route on a refused package", () => {
  let hub: Hub;
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  let honestChecksum: string;
  beforeAll(async () => {
    hub = await openHub("capsmith-attack-downgrade-");
    honestChecksum = String((await readPackage(hub.honest)).manifest["checksum"]);
    await expectRefused(hub, hub.honest);
    await forgeRefusedInstall(hub, await readPackage(hub.evil), `file:${hub.evil}`);
    server = await startTestServer({ dir: hub.data, roles: [], approveKey: await openKeyStore(hub.data).load("op") });
  }, 120_000);
  afterAll(async () => {
    await server?.dispose();
    await rm(hub?.dir ?? "", { recursive: true, force: true });
  });

  it("refuses every non-operator token, and an operator signature made elsewhere over the honest checksum", { timeout: 120_000 }, async () => {
    const before = await server!.capsmith.log.lastSeq();
    for (const role of ["governor", "runner", "gap", "synthesizer", "tester", "viewer"] as const) {
      expect((await server!.call("POST", `/v1/approvals/${ID}/approve`, { role, body: {} })).status, role).toBe(403);
    }
    expect((await server!.call("POST", `/v1/approvals/${ID}/approve`, { role: null, body: {} })).status).toBe(401);
    // Nothing of that id is held or installed: the route finds no candidate, and appends nothing.
    const signed = signApproval({ pluginId: ID, checksum: honestChecksum }, await openKeyStore(hub.data).load("op"));
    expect((await server!.call("POST", `/v1/approvals/${ID}/approve`, { role: "operator", body: signed })).status).toBeGreaterThanOrEqual(400);
    expect(await server!.capsmith.log.lastSeq()).toBe(before);
  });

  // Broke the first design: the route signed the checksum of the package a stolen runner key "refused".
  it("an operator token's approval with the server key covers no refused package", { timeout: 120_000 }, async () => {
    const r = await server!.call("POST", `/v1/approvals/${ID}/approve`, { role: "operator", body: {} });
    expect(r.status).toBeGreaterThanOrEqual(400);
    await server!.dispose();
    server = undefined;
    await expectRefused(hub, hub.evil);
  });
});

describe("old and replayed approvals", () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await openHub("capsmith-attack-downgrade-");
    await ok(hub, "keys", "generate", "op2", "--role", "operator", "--trust");
  }, 120_000);
  afterAll(() => rm(hub?.dir ?? "", { recursive: true, force: true }));

  it("an operator's approval signature replayed into the log by a runner key does not count", { timeout: 120_000 }, async () => {
    await expectRefused(hub, hub.evil);
    // A genuine signature of the operator key over this id and the evil package's digest (given on
    // another hub that trusts the same key), appended here by a stolen runner key.
    const op = await openKeyStore(hub.data).load("op");
    const evil = await readPackage(hub.evil);
    const approval = signApproval({ pluginId: ID, checksum: packageDigest(evil.manifest, { spec: evil.spec, testReport: evil["testReport"] }) }, op);
    await forge(hub, "runner", [{ type: "PluginApproved", subject: subjectFor("plugin", "word_count"), actor: "operator", data: { pluginId: ID, ...approval } } as NewEvent], "operator");
    await expectRefused(hub, hub.evil);
  });

  it("an approval by an operator key revoked since does not count", { timeout: 120_000 }, async () => {
    await expectRefused(hub, hub.honest);
    await ok(hub, "plugin", "approve", "--package", hub.honest, "--key", "op2");
    const keys = (await ok(hub, "--json", "keys", "list")).json<{ trusted: { keyId: string; name: string }[] }>();
    const op2 = keys.trusted.find((k) => k.name === "op2");
    expect(op2, JSON.stringify(keys)).toBeDefined();
    await ok(hub, "keys", "revoke", op2!.keyId, "--reason", "laptop stolen");
    await expectRefused(hub, hub.honest);
  });
});

describe("an operator who approved the wrong package", () => {
  let hub: Hub;
  beforeAll(async () => (hub = await openHub("capsmith-attack-downgrade-")), 120_000);
  afterAll(() => rm(hub?.dir ?? "", { recursive: true, force: true }));

  // Broke the first design (availability): the hub kept one approval per plugin id and key, the
  // first, so after approving the wrong package the operator's approval of the honest one was dropped.
  it("can still approve the honest package with the same key, which then installs", { timeout: 120_000 }, async () => {
    await expectRefused(hub, hub.honest);
    await ok(hub, "plugin", "approve", "--package", hub.evil, "--key", "op");
    await expectRefused(hub, hub.honest);
    const again = await ok(hub, "--json", "plugin", "approve", "--package", hub.honest, "--key", "op");
    const honest = await readPackage(hub.honest);
    expect(again.json()["digest"]).toBe(packageDigest(honest.manifest, { spec: honest["spec"], testReport: honest["testReport"] }));
    const installed = await hub.cli("plugin", "install", hub.honest);
    expect(installed.stdout, installed.stdout).toContain("updated to word_count@1.1.0");
  });
});
