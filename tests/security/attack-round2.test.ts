/**
 * Second round of attacks on the trust model and tamper evidence (after issue 14's). Each test is an
 * attack; it passes when the attack fails.
 * - Key trust: a self-signed operator key after the operator key is revoked; one on a subject a role
 *   may publish before the bootstrap; an operator's key id squatted with another public key; a
 *   revoked key trusted again; a key trusted by a governor key; a revoked operator key trusting more.
 * - A stolen governor key: lifting a tier (T3/T2) without the evidence; swapping the code of a
 *   publisher-signed plugin id in place; installing and activating an unsigned later version
 *   (trust_downgrade); replaying a signed activation later on its subject; prototype names.
 * - The data directory: a forged index checkpoint head (the next append, a revocation, would link to
 *   nothing); records before an anchor made unreadable or edited with their stored hash kept, which
 *   the incremental anchor check never re-read.
 * - Packing secrets in forms the first round did not try: a hard link to a file outside the plugin
 *   directory, a JWK written as a JavaScript object, an unarmored PKCS#8 key, PGP and PuTTY keys.
 */
import { generateKeyPairSync } from "node:crypto";
import { link, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventHash, openFileLog, subjectFor } from "../../src/events/index.ts";
import { decodeCheckpoint, encodeCheckpoint } from "../../src/events/file-log-checkpoint.ts";
import type { EventLog, NewEvent, Signature } from "../../src/events/index.ts";
import { generateSigningKey, openKeyStore, parsePolicy, signHash } from "../../src/hub/index.ts";
import type { SigningKey } from "../../src/hub/index.ts";
import { readPluginDir } from "../../src/hub/pack.ts";
import { systemClock, uuidIds } from "../../src/platform/index.ts";
import type { ReadModel } from "../../projections/index.ts";
import { pack, sources, writePluginDir } from "../hub/fixtures.ts";
import { openTestCapsmith, readModelOf } from "../support/capsmith.ts";
import { readLogLines, writeLogLines } from "../support/log-tamper.ts";
import { makePackage } from "../support/plugin-packages.ts";
import { runCli } from "../support/run-cli.ts";
import type { TestCapsmith } from "../support/capsmith.ts";

const trustEvent = (key: Pick<SigningKey, "keyId" | "publicKey" | "name" | "role">, keyId = key.keyId): NewEvent =>
  ({ type: "KeyTrusted", subject: subjectFor("key", keyId), actor: "operator", data: { keyId, publicKey: key.publicKey, name: key.name, role: key.role } }) as NewEvent;
const revokeEvent = (keyId: string, actor = "operator"): NewEvent =>
  ({ type: "KeyRevoked", subject: subjectFor("key", keyId), actor, data: { keyId, reason: "stolen" } }) as NewEvent;

/** A log in `dir` whose appends the test signs with whatever `signer.current` says. */
async function signingLog(dir: string, signer: { current: (hash: string) => Signature | undefined }, actor = "operator"): Promise<EventLog> {
  return openFileLog({ dir, clock: systemClock, newId: uuidIds, actor, sign: (hash) => signer.current(hash) });
}

describe("operator key trust", () => {
  let capsmith: TestCapsmith;
  beforeEach(async () => {
    capsmith = await openTestCapsmith({ policy: parsePolicy({ requireSignedEvents: true }) });
  });
  afterEach(() => capsmith.dispose());

  it("a self-signed operator key does not become the operator once the operator key is revoked", async () => {
    const operator = await openKeyStore(capsmith.dir).load("operator");
    expect((await capsmith.readModel.state("keys")).keys[operator.keyId]).toMatchObject({ role: "operator", revoked: false });
    // The operator revokes its key (it leaked): the documented response.
    await capsmith.log.append([revokeEvent(operator.keyId)]);
    expect((await capsmith.readModel.state("keys")).keys[operator.keyId]).toMatchObject({ revoked: true });

    // Anyone who can append (a role's process, a stolen credential) now offers its own operator key, self-signed.
    const mallory = generateSigningKey("mallory", "operator");
    const attacker = await signingLog(capsmith.dir, { current: (hash) => signHash(hash, mallory) });
    try {
      await attacker.append([trustEvent(mallory)]);
      const publisher = generateSigningKey("evil-pub", "publisher");
      await attacker.append([trustEvent(publisher)]);
      const keys = (await capsmith.readModel.state("keys")).keys;
      expect(keys[mallory.keyId]).toBeUndefined();
      expect(keys[publisher.keyId]).toBeUndefined();
    } finally {
      await attacker.close();
    }
  });
});

describe("a stolen governor key", () => {
  let capsmith: TestCapsmith;
  beforeEach(async () => {
    capsmith = await openTestCapsmith({ policy: parsePolicy({ requireSignedEvents: true }) });
  });
  afterEach(() => capsmith.dispose());

  it("cannot replay a genuinely signed activation of an older version later in the log (the signature covers the chain position)", async () => {
    expect(await capsmith.runtime.hub.install(pack({ manifest: { version: "0.9.0" } }), { source: "test" })).toMatchObject({ ok: true });
    expect(await capsmith.runtime.hub.install(pack(), { source: "test" })).toMatchObject({ ok: true });
    await capsmith.close();
    // The data-directory attacker (without keys) re-appends the record that activated 0.9.0, chained to the head and CRC'd.
    const lines = await readLogLines(capsmith.dir);
    const old = lines.find((l) => l.events.some((e) => e["type"] === "PluginActivated" && (e["data"] as { pluginId: string }).pluginId === "total_cost@0.9.0"))!;
    const subject = subjectFor("plugin", "total_cost");
    let prev: string | null = null;
    for (const l of lines) for (const e of l.events) if (e["subject"] === subject) prev = e["hash"] as string;
    const events = old.events.map((e) => {
      const replayed: Record<string, unknown> = { ...e, prevHash: prev };
      replayed["hash"] = eventHash(replayed as never);
      prev = replayed["hash"] as string;
      return replayed;
    });
    lines.push({ seq: lines.length + 1, msgId: "replayed", events });
    await writeLogLines(capsmith.dir, lines);
    const reopened = await openTestCapsmith({ dir: capsmith.dir, policy: parsePolicy({ requireSignedEvents: true }) });
    try {
      expect(reopened.readModel.quarantined()).toEqual([]);
      expect((await reopened.runtime.hub.state()).capabilities["total_cost"]?.active).toBe("total_cost@1.0.0");
    } finally {
      await reopened.close();
    }
  });

  it("cannot poison the hub with prototype names (__proto__, constructor) as capability and plugin id", async () => {
    const governor = await openKeyStore(capsmith.dir).load("governor");
    const attacker = await signingLog(capsmith.dir, { current: (hash) => signHash(hash, governor) }, "governor");
    try {
      for (const name of ["__proto__", "constructor"]) {
        const base = pack();
        const pkg = { ...base, manifest: { ...base.manifest, capability: name, id: name } };
        const subject = subjectFor("plugin", name === "__proto__" ? "proto" : name);
        await attacker.append([
          { type: "InstallStarted", subject, data: { txId: `tx-${name}`, kind: "install", pluginId: name, capability: name, version: "1.0.0", package: pkg, previousActive: null, source: "cli" } } as NewEvent,
          { type: "PluginActivated", subject, data: { pluginId: name, capability: name, version: "1.0.0", txId: `tx-${name}`, reason: "install" } } as NewEvent,
          { type: "PluginTierAssigned", subject, data: { pluginId: name, tier: "T3", reasons: [] } } as NewEvent,
        ]);
      }
      const state = await capsmith.runtime.hub.state();
      expect(({} as Record<string, unknown>)["active"]).toBeUndefined();
      expect(Object.getPrototypeOf(state.plugins)).toBe(Object.prototype);
      expect(Object.hasOwn(state.plugins, "__proto__") ? state.plugins["__proto__"]!.tier : "T1").toBe("T1");
      expect(Object.hasOwn(state.plugins, "constructor") ? state.plugins["constructor"]!.tier : "T1").toBe("T1");
    } finally {
      await attacker.close();
    }
  });

  it("cannot lift a plugin above what its evidence supports (T3 needs a publisher's signature, T2 an operator's approval)", async () => {
    expect(await capsmith.runtime.hub.install(pack({}), { source: "test" })).toMatchObject({ ok: true, tier: "T1" });
    const governor = await openKeyStore(capsmith.dir).load("governor");
    const attacker = await signingLog(capsmith.dir, { current: (hash) => signHash(hash, governor) }, "governor");
    try {
      const subject = subjectFor("plugin", "total_cost");
      await attacker.append([{ type: "PluginTierAssigned", subject, data: { pluginId: "total_cost@1.0.0", tier: "T3", reasons: ["trust me"] } } as NewEvent]);
      expect((await capsmith.runtime.hub.state()).plugins["total_cost@1.0.0"]?.tier).toBe("T1");
      await attacker.append([{ type: "PluginStatusRestored", subject, data: { pluginId: "total_cost@1.0.0", status: "active", tier: "T2" } } as NewEvent]);
      expect((await capsmith.runtime.hub.state()).plugins["total_cost@1.0.0"]?.tier).toBe("T1");
    } finally {
      await attacker.close();
    }
  });
});

describe("a stolen governor key against a publisher-signed capability", () => {
  let capsmith: TestCapsmith;
  let attacker: EventLog;
  const EVIL = "export default function () { return 42; }\n";
  const subject = subjectFor("plugin", "total_cost");
  const started = (pkg: ReturnType<typeof pack>, txId: string): NewEvent =>
    ({ type: "InstallStarted", subject, data: { txId, kind: "update", pluginId: pkg.manifest.id, capability: "total_cost", version: pkg.manifest.version, package: pkg, previousActive: "total_cost@1.0.0", source: "cli" } }) as NewEvent;

  beforeEach(async () => {
    capsmith = await openTestCapsmith({ policy: parsePolicy({ requireSignedEvents: true }) });
    const acme = generateSigningKey("acme", "publisher");
    await capsmith.log.append([trustEvent(acme)]);
    expect(await capsmith.runtime.hub.install(pack({}, acme), { source: "test" })).toMatchObject({ ok: true, tier: "T3" });
    const governor = await openKeyStore(capsmith.dir).load("governor");
    attacker = await signingLog(capsmith.dir, { current: (hash) => signHash(hash, governor) }, "governor");
  });
  afterEach(async () => {
    await attacker.close();
    await capsmith.dispose();
  });

  it("cannot swap the code of the signed version in place (same plugin id, its tier and active status kept)", async () => {
    await attacker.append([started(pack({ code: EVIL }), "tx-evil")]);
    const plugin = (await capsmith.runtime.hub.state()).plugins["total_cost@1.0.0"]!;
    expect(plugin.code).not.toBe(EVIL);
    expect(plugin.tier).toBe("T3");
  });

  it("cannot install and activate an unsigned later version (trust_downgrade, enforced by every reader)", async () => {
    const evil = pack({ code: EVIL, manifest: { version: "2.0.0" } });
    await attacker.append([
      started(evil, "tx-evil2"),
      { type: "PluginActivated", subject, data: { pluginId: "total_cost@2.0.0", capability: "total_cost", version: "2.0.0", txId: "tx-evil2", reason: "update" } } as NewEvent,
    ]);
    const state = await capsmith.runtime.hub.state();
    expect(state.capabilities["total_cost"]?.active).toBe("total_cost@1.0.0");
    expect(capsmith.runtime.invoker.resolve(state, "total_cost")?.id).toBe("total_cost@1.0.0");
  });
});

describe("a forged index checkpoint", () => {
  it("does not make the next append (a revocation) link to a head the log does not hold", async () => {
    const dir = await mkdtemp(join(tmpdir(), "capsmith-attack2-index-"));
    try {
      let capsmith = await openTestCapsmith({ dir, policy: parsePolicy({ requireSignedEvents: true }) });
      const acme = generateSigningKey("acme", "publisher");
      await capsmith.log.append([trustEvent(acme)]);
      expect(await capsmith.runtime.hub.install(pack({}, acme), { source: "test" })).toMatchObject({ ok: true, tier: "T3" });
      await capsmith.close();
      // A writer that saves the checkpoint on close.
      const writer = await openFileLog({ dir, clock: systemClock, newId: uuidIds, actor: "operator", checkpointEvery: 1 });
      await writer.close();

      // The attacker edits the head of the publisher key's subject in the checkpoint (its checksum recomputed).
      const file = join(dir, "events.index");
      const checkpoint = decodeCheckpoint(await readFile(file));
      if (typeof checkpoint === "string") throw new Error(checkpoint);
      const id = checkpoint.header.subjects.indexOf(subjectFor("key", acme.keyId));
      expect(id).toBeGreaterThanOrEqual(0);
      checkpoint.header.heads[id] = [checkpoint.header.heads[id]![0], "0".repeat(64)];
      await writeFile(file, encodeCheckpoint(checkpoint));

      // The operator revokes the key: every reader must take the revocation.
      capsmith = await openTestCapsmith({ dir, policy: parsePolicy({ requireSignedEvents: true }) });
      try {
        await capsmith.log.append([revokeEvent(acme.keyId)]);
        expect((await capsmith.readModel.state("keys")).keys[acme.keyId]).toMatchObject({ revoked: true });
        expect((await capsmith.runtime.hub.state()).plugins["total_cost@1.0.0"]).toMatchObject({ tier: "T0" });
        expect(capsmith.readModel.quarantined()).toEqual([]);
      } finally {
        await capsmith.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("key trust folded from a bare log", () => {
  let dir: string;
  let model: ReadModel;
  let log: EventLog;
  const signer: { current: (hash: string) => Signature | undefined } = { current: () => undefined };
  const as = (key: SigningKey, claimedId = key.keyId) => (signer.current = (hash) => ({ keyId: claimedId, value: signHash(hash, key).value }));

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "capsmith-attack2-"));
    log = await signingLog(dir, signer);
    model = await readModelOf(log, { requireSignedEvents: true });
  });
  afterEach(async () => {
    await model.close();
    await log.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("a key id is its public key's: squatting the operator's id with another key before its bootstrap takes nothing", async () => {
    const operator = generateSigningKey("operator", "operator");
    const mallory = generateSigningKey("mallory", "operator");
    // The attacker gets in first, claiming the real operator's key id (public, from its export) for its own public key.
    as(mallory, operator.keyId);
    await log.append([trustEvent({ ...mallory, keyId: operator.keyId }, operator.keyId)]);
    // Then the real bootstrap.
    as(operator);
    await log.append([trustEvent(operator)]);
    const keys = (await model.state("keys")).keys;
    expect(keys[operator.keyId]?.publicKey).toBe(operator.publicKey);
  });

  it("a self-signed operator key put on a subject a role may publish (a runner's run.>) before the bootstrap takes nothing", async () => {
    // On JetStream only the operator's user may publish capsmith.evt.key.>; every role may publish its own subjects.
    const operator = generateSigningKey("operator", "operator");
    const mallory = generateSigningKey("mallory", "operator");
    as(mallory);
    await log.append([{ ...trustEvent(mallory), subject: "capsmith.evt.run.squat" } as NewEvent]);
    expect((await model.state("keys")).keys[mallory.keyId]).toBeUndefined();
    as(operator);
    await log.append([trustEvent(operator)]);
    expect((await model.state("keys")).keys[operator.keyId]).toMatchObject({ role: "operator", revoked: false });
  });

  it("a revoked key is not trusted again, and a key trusted by a governor key is not trusted", async () => {
    const operator = generateSigningKey("operator", "operator");
    const governor = generateSigningKey("governor", "governor");
    const publisher = generateSigningKey("acme", "publisher");
    as(operator);
    await log.append([trustEvent(operator)]);
    await log.append([trustEvent(governor)]);
    await log.append([trustEvent(publisher)]);
    await log.append([revokeEvent(publisher.keyId)]);
    await log.append([trustEvent(publisher)]);
    expect((await model.state("keys")).keys[publisher.keyId]).toMatchObject({ revoked: true });

    const other = generateSigningKey("other", "publisher");
    as(governor);
    await log.append([{ ...trustEvent(other), actor: "governor" } as NewEvent]);
    expect((await model.state("keys")).keys[other.keyId]).toBeUndefined();
  });

  it("a revoked operator key trusts nothing more", async () => {
    const operator = generateSigningKey("operator", "operator");
    const second = generateSigningKey("second", "operator");
    as(operator);
    await log.append([trustEvent(operator)]);
    await log.append([trustEvent(second)]);
    await log.append([revokeEvent(operator.keyId)]);
    const late = generateSigningKey("late", "publisher");
    await log.append([trustEvent(late)]);
    const keys = (await model.state("keys")).keys;
    expect(keys[late.keyId]).toBeUndefined();
    expect(keys[second.keyId]).toMatchObject({ revoked: false });
  });
});

describe("packing secrets in other forms", () => {
  let root: string;
  let plugin: string;
  const refused = (message: RegExp) => expect.objectContaining({ code: "invalid_package", message: expect.stringMatching(message) });

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "capsmith-pack-attack2-"));
    plugin = join(root, "plugin");
    await mkdir(plugin);
    await writePluginDir(plugin, sources());
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const withCode = (code: string) => writeFile(join(plugin, "plugin.js"), code);

  it("refuses a plugin.js hard-linked to a file outside the plugin directory (a secret that is no key)", async () => {
    const secret = join(root, "deploy.env");
    await writeFile(secret, "export default () => 'NATS_PASSWORD=hunter2';\n");
    await rm(join(plugin, "plugin.js"));
    await link(secret, join(plugin, "plugin.js"));
    await expect(readPluginDir(plugin)).rejects.toEqual(refused(/hard link/));
  });

  it("refuses a JWK private key written as a JavaScript object", async () => {
    const jwk = generateKeyPairSync("ed25519").privateKey.export({ format: "jwk" });
    await withCode(`const key = { kty: "OKP", crv: "Ed25519", x: "${jwk.x}", d: "${jwk.d}" };\nexport default () => key.x;\n`);
    await expect(readPluginDir(plugin)).rejects.toEqual(refused(/private key/));
  });

  it("refuses an unarmored PKCS#8 key (the base64 of its DER)", async () => {
    const der = generateKeyPairSync("ed25519").privateKey.export({ format: "der", type: "pkcs8" }).toString("base64");
    await withCode(`const k = "${der}";\nexport default () => k.length;\n`);
    await expect(readPluginDir(plugin)).rejects.toEqual(refused(/private key/));
  });

  it("refuses a PGP private key block and a PuTTY key", async () => {
    await withCode("const k = `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlFgEZ0\n-----END PGP PRIVATE KEY BLOCK-----`;\nexport default () => k;\n");
    await expect(readPluginDir(plugin)).rejects.toEqual(refused(/private key/));
    await withCode("const k = `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 1\nAAAAIE`;\nexport default () => k;\n");
    await expect(readPluginDir(plugin)).rejects.toEqual(refused(/private key/));
  });
});

describe("records dropped before an anchor", () => {
  let root: string;
  let data: string;
  const cli = (...args: string[]) => runCli(["--json", "--data", data, ...args], { timeoutMs: 90_000 });

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "capsmith-attack2-anchor-"));
    data = join(root, "data");
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  /** double_it 1.0.0 then 1.1.0 installed, an operator key, and an anchor (with the key's public half) kept outside. */
  async function anchoredUpdate(): Promise<{ anchor: string; publicKey: string; update: number }> {
    for (const version of ["1.0.0", "1.1.0"]) {
      const pkg = join(root, `double-${version}.json`);
      await writeFile(pkg, JSON.stringify(makePackage(version)));
      expect((await cli("plugin", "install", pkg)).code).toBe(0);
    }
    expect((await cli("invoke", "double_it", "--input", '{"n":2}')).json()).toMatchObject({ ok: true, pluginId: "double_it@1.1.0" });
    // Signed by default: the new data directory's first command made and trusted its operator key.
    const listed = (await cli("keys", "list")).json<{ trusted: { name: string; role: string; revoked: boolean }[] }>();
    expect(listed.trusted).toContainEqual(expect.objectContaining({ name: "operator", role: "operator", revoked: false }));
    const publicKey = join(root, "operator.pub.json");
    expect((await cli("keys", "export", "operator", "--out", publicKey)).code).toBe(0);
    const anchor = join(root, "kept-elsewhere.anchor.json");
    expect((await cli("audit", "anchor", "--out", anchor)).code).toBe(0);
    const lines = await readLogLines(data);
    const starts = lines.filter((l) => l.events.some((e) => e["type"] === "InstallStarted"));
    return { anchor, publicKey, update: starts[1]!.seq };
  }

  async function expectCaught(anchor: string, publicKey: string, seq: number): Promise<void> {
    // The update is gone from every reader: the hub no longer serves 1.1.0.
    const served = await cli("invoke", "double_it", "--input", '{"n":2}');
    expect(served.stdout).not.toContain("double_it@1.1.0");
    expect((await cli("audit", "verify")).code).toBe(1);
    const anchored = await cli("audit", "verify", "--anchor", anchor, "--public-key", publicKey);
    expect(anchored.code, anchored.stdout).toBe(1);
    expect(anchored.stdout).toContain(`"seq":${seq}`);
  }

  it("a line before the anchor made unreadable (a complete line, bad CRC) is reported by audit verify --anchor", async () => {
    const { anchor, publicKey, update } = await anchoredUpdate();
    const text = await readFile(join(data, "events.log"), "utf8");
    const lines = text.split("\n");
    // Flip one character inside the record: the line stays terminated, its CRC no longer matches.
    lines[update - 1] = lines[update - 1]!.replace("InstallStarted", "InstallStarteD");
    await writeFile(join(data, "events.log"), lines.join("\n"));
    await rm(join(data, "snapshots"), { recursive: true, force: true });
    await expectCaught(anchor, publicKey, update);
  }, 300_000);

  it("an event before the anchor edited with its stored hash kept (CRC fixed) is reported by audit verify --anchor", async () => {
    const { anchor, publicKey, update } = await anchoredUpdate();
    const lines = await readLogLines(data);
    const record = lines.find((l) => l.seq === update)!;
    (record.events[0]!["data"] as Record<string, unknown>)["source"] = "edited";
    await writeLogLines(data, lines);
    await rm(join(data, "snapshots"), { recursive: true, force: true });
    await expectCaught(anchor, publicKey, update);
  }, 300_000);
});
