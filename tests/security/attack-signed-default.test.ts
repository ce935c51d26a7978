/**
 * Attacks on "signed by default" (issue 14), through the real binary. Each test is an attack on the
 * promise that a new embedded data directory requires signed events; it passes when the attack fails.
 * - `--policy`: a first command given a policy file that does not ask for signed events must still
 *   sign the new directory, and a signed directory is not downgraded by one (requireSignedEvents
 *   false) for a reader (invoke, plugin list) or for `audit verify`.
 * - Races: several first commands on a new directory at once end with one set of keys, each
 *   trusted, and a log that verifies; a first command killed after the policy but before all keys
 *   leaves a directory the next command completes.
 * - A log someone wrote to before the first command trusted the directory's keys (their own
 *   operator key, self-signed, first): writing commands refuse it (operator_key_untrusted).
 * - One stolen role key (runner, tester, slo, governor): revoking the operator key, trusting a key of
 *   its own, deactivating a plugin under any actor, or a governor's event that says it is the
 *   operator's changes nothing a reader serves, and `audit verify` lists each.
 * - A reading command run first (it writes nothing, not even an empty events.log) does not keep a
 *   new directory unsigned.
 * - Readers other than the hub: replay, the audit trail and slo show no unsigned decision (usage and
 *   alerts included: the slo agent quarantines on them), nor a key trusted by no operator.
 * What is out of scope (docs/threat-model.md): write access to the data directory reads the keys
 * and edits policy.json, snapshots or the index; anchors kept elsewhere are the answer there.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openFileLog, subjectFor } from "../../src/events/index.ts";
import type { NewEvent } from "../../src/events/index.ts";
import { generateSigningKey, openKeyStore, signHash } from "../../src/hub/index.ts";
import type { SigningKey } from "../../src/hub/index.ts";
import { DATA_DIR_ROLES } from "../../src/hub/role-keys.ts";
import { systemClock, uuidIds } from "../../src/platform/index.ts";
import { appendUnsignedInstall, readLogLines } from "../support/log-tamper.ts";
import { makePackage } from "../support/plugin-packages.ts";
import { runCli } from "../support/run-cli.ts";

let root: string;
let data: string;
const cli = (...args: string[]) => runCli(["--json", "--data", data, ...args], { timeoutMs: 90_000 });
const allEvents = async () => (await readLogLines(data)).flatMap((l) => l.events);

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "capsmith-attack-signed-"));
  data = join(root, "data");
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** A policy file that says nothing about signatures (or, with `unsigned`, turns them off). */
async function weakPolicy(unsigned: boolean): Promise<string> {
  const file = join(root, unsigned ? "unsigned.json" : "plain.json");
  await writeFile(file, JSON.stringify(unsigned ? { requireSignedEvents: false } : { mode: "auto" }));
  return file;
}

async function installDouble(...extra: string[]): Promise<void> {
  const pkg = join(root, "double.json");
  await writeFile(pkg, JSON.stringify(makePackage("1.0.0")));
  const installed = await cli("plugin", "install", pkg, ...extra);
  expect(installed.code, installed.stdout + installed.stderr).toBe(0);
}

/** What a reader serves of `evil`, the capability appendUnsignedInstall forges. */
async function expectEvilNotServed(...extra: string[]): Promise<void> {
  const invoke = await cli("invoke", "evil", "--input", "{}", ...extra);
  expect(invoke.json(), invoke.stdout + invoke.stderr).toMatchObject({ ok: false, error: { code: "capability_not_found" } });
  const list = (await cli("plugin", "list")).json<{ plugins: { id: string }[] }>();
  expect(list.plugins.map((p) => p.id)).toEqual(["double_it@1.0.0"]);
}

describe("a policy file given with --policy", () => {
  it("on the first command still signs the new directory: policy.json, keys, every event signed", async () => {
    await installDouble("--policy", await weakPolicy(false));
    expect(JSON.parse(await readFile(join(data, "policy.json"), "utf8"))).toEqual({ requireSignedEvents: true });
    expect((await readdir(join(data, "keys"))).sort()).toEqual(DATA_DIR_ROLES.map((r) => `${r}.json`).sort());
    for (const event of await allEvents()) expect(event["sig"], String(event["type"])).toBeDefined();
    await appendUnsignedInstall(data);
    await expectEvilNotServed();
  }, 180_000);

  it("saying requireSignedEvents false does not downgrade a signed directory for readers or audit verify", async () => {
    await installDouble();
    await appendUnsignedInstall(data);
    const unsigned = await weakPolicy(true);
    await expectEvilNotServed("--policy", unsigned);
    const verify = await cli("audit", "verify", "--policy", unsigned);
    expect(verify.code, verify.stdout).toBe(1);
    expect(verify.json<{ forged: { type: string }[] }>().forged.map((f) => f.type)).toEqual(["InstallStarted", "InstallPhaseCompleted", "PluginActivated", "InstallCommitted"]);
  }, 180_000);
});

describe("a reading command run first on a new directory (plugin list)", () => {
  // It used to create an empty events.log, which an append could then make look made before, so it
  // wrote policy.json too; now it writes nothing at all (dd), and the first writing command signs.
  it("writes nothing, so there is no log for an append to extend; the first writing command signs the directory and an unsigned install after it is not served", async () => {
    // An empty directory made for it (a named one that is not there at all is refused: data_dir_missing).
    await mkdir(data);
    expect((await cli("plugin", "list")).code).toBe(0);
    expect(await readdir(data)).toEqual([]);
    await installDouble();
    expect(JSON.parse(await readFile(join(data, "policy.json"), "utf8"))).toEqual({ requireSignedEvents: true });
    await appendUnsignedInstall(data);
    await expectEvilNotServed();
  }, 180_000);
});

describe("first commands racing on a new directory", () => {
  it("all succeed, with one set of role keys, each trusted, and a log that verifies", async () => {
    const runs = await Promise.all([1, 2, 3, 4].map((i) => cli("note", `first ${i}`)));
    for (const run of runs) expect(run.code, run.stdout + run.stderr).toBe(0);
    const keys = await openKeyStore(data).list();
    expect(keys.map((k) => k.name).sort()).toEqual([...DATA_DIR_ROLES].sort());
    const trusted = (await allEvents()).filter((e) => e["type"] === "KeyTrusted").map((e) => (e["data"] as { keyId: string }).keyId);
    expect(new Set(trusted)).toEqual(new Set(keys.map((k) => k.keyId)));
    const verify = await cli("audit", "verify");
    expect(verify.json(), verify.stdout).toMatchObject({ ok: true, forged: [] });
    expect((await allEvents()).filter((e) => e["type"] === "OperatorNote")).toHaveLength(4);
  }, 180_000);

  it("a first command killed after policy.json and two keys leaves a directory the next command completes and signs", async () => {
    // What a SIGKILL between the steps leaves: the policy, some keys, no log yet.
    await mkdir(data, { recursive: true });
    await writeFile(join(data, "policy.json"), JSON.stringify({ requireSignedEvents: true }));
    const store = openKeyStore(data);
    await store.generate("operator", "operator");
    await store.generate("governor", "governor");
    await installDouble();
    expect((await store.list()).map((k) => k.name).sort()).toEqual([...DATA_DIR_ROLES].sort());
    for (const event of await allEvents()) expect(event["sig"], String(event["type"])).toBeDefined();
    expect((await cli("audit", "verify")).json()).toMatchObject({ ok: true, forged: [] });
    await appendUnsignedInstall(data);
    await expectEvilNotServed();
  }, 180_000);
});

describe("a log written before the first command trusted its keys", () => {
  it("(an operator key of someone else's, self-signed first) makes the first writing command fail operator_key_untrusted, not sign into the void", async () => {
    // What a crash after policy.json and an append by someone holding no key of this directory leave.
    await mkdir(data, { recursive: true });
    await writeFile(join(data, "policy.json"), JSON.stringify({ requireSignedEvents: true }));
    const theirs = generateSigningKey("theirs", "operator");
    const log = await openFileLog({ dir: data, clock: systemClock, newId: uuidIds, actor: "operator", sign: (hash) => signHash(hash, theirs) });
    try {
      await log.append([{ type: "KeyTrusted", subject: subjectFor("key", theirs.keyId), actor: "operator", data: { keyId: theirs.keyId, publicKey: theirs.publicKey, name: "theirs", role: "operator" } } as NewEvent]);
    } finally {
      await log.close();
    }
    const pkg = join(root, "double.json");
    await writeFile(pkg, JSON.stringify(makePackage("1.0.0")));
    const install = await cli("plugin", "install", pkg);
    expect(install.code, install.stdout + install.stderr).not.toBe(0);
    expect(install.json()).toMatchObject({ ok: false, error: { code: "operator_key_untrusted" } });
    expect(install.json<{ error: { message: string } }>().error.message).toContain(theirs.keyId);
    expect((await allEvents()).map((e) => e["type"])).not.toContain("InstallStarted");
  }, 180_000);
});

describe("one stolen role key", () => {
  /** Appends `events` signed by `key` (actor: the event's own, else the key's role). */
  async function appendSigned(key: SigningKey, events: NewEvent[]): Promise<void> {
    const log = await openFileLog({ dir: data, clock: systemClock, newId: uuidIds, actor: key.role, sign: (hash) => signHash(hash, key) });
    try {
      for (const event of events) await log.append([event]);
    } finally {
      await log.close();
    }
  }
  const forgedInstall = (actor: string): NewEvent[] => {
    const subject = subjectFor("plugin", "double_it");
    return [
      { type: "PluginDeactivated", subject, actor, data: { pluginId: "double_it@1.0.0", capability: "double_it", reason: "stolen key" } },
    ] as NewEvent[];
  };

  it("(runner) cannot revoke the operator key or trust an operator key of its own; the hub keeps serving", async () => {
    await installDouble();
    const store = openKeyStore(data);
    const runner = await store.load("runner");
    const operator = await store.load("operator");
    const mine = generateSigningKey("mine", "operator");
    await appendSigned(runner, [
      { type: "KeyRevoked", subject: subjectFor("key", operator.keyId), actor: "runner", data: { keyId: operator.keyId, reason: "stolen" } },
      { type: "KeyTrusted", subject: subjectFor("key", mine.keyId), actor: "runner", data: { keyId: mine.keyId, publicKey: mine.publicKey, name: "mine", role: "operator" } },
    ] as NewEvent[]);
    await appendSigned(mine, [
      { type: "KeyTrusted", subject: subjectFor("key", mine.keyId), actor: "operator", data: { keyId: mine.keyId, publicKey: mine.publicKey, name: "mine", role: "operator" } },
      ...forgedInstall("operator"),
    ]);
    const invoke = await cli("invoke", "double_it", "--input", '{"n":2}');
    expect(invoke.json(), invoke.stdout + invoke.stderr).toMatchObject({ ok: true, output: 4 });
    const keys = (await cli("keys", "list")).stdout;
    expect(keys).not.toContain(mine.keyId);
    const verify = await cli("audit", "verify");
    expect(verify.code).toBe(1);
    expect(verify.json<{ forged: { type: string; code: string }[] }>().forged.map((f) => `${f.type} ${f.code}`)).toEqual([
      "KeyRevoked signature_untrusted", "KeyTrusted signature_untrusted", "KeyTrusted signature_untrusted", "PluginDeactivated signature_untrusted",
    ]);
  }, 180_000);

  it("(runner, through CAPSMITH_SIGN_KEY) cannot install with the real binary: every event it signs is the runner's", async () => {
    await installDouble();
    const pkg = join(root, "double-2.json");
    await writeFile(pkg, JSON.stringify(makePackage("2.0.0")));
    await runCli(["--json", "--data", data, "plugin", "install", pkg], { env: { CAPSMITH_SIGN_KEY: "runner" }, timeoutMs: 90_000 });
    const list = (await cli("plugin", "list")).json<{ plugins: { id: string }[] }>();
    expect(list.plugins.map((p) => p.id)).toEqual(["double_it@1.0.0"]);
    const verify = await cli("audit", "verify");
    expect(verify.code).toBe(1);
    expect(verify.json<{ forged: { type: string; code: string }[] }>().forged).toContainEqual(expect.objectContaining({ type: "InstallStarted", code: "role_not_allowed" }));
  }, 180_000);

  it("(runner, tester, slo) cannot deactivate a plugin, whatever actor the event names; (governor) cannot sign as the operator", async () => {
    await installDouble();
    const store = openKeyStore(data);
    for (const role of ["runner", "tester", "slo"]) {
      const key = await store.load(role);
      await appendSigned(key, [...forgedInstall(role), ...forgedInstall("governor")]);
    }
    await appendSigned(await store.load("governor"), forgedInstall("operator"));
    const invoke = await cli("invoke", "double_it", "--input", '{"n":2}');
    expect(invoke.json(), invoke.stdout + invoke.stderr).toMatchObject({ ok: true, output: 4 });
    const verify = await cli("audit", "verify");
    expect(verify.code).toBe(1);
    expect(verify.json<{ forged: { code: string }[] }>().forged.map((f) => f.code)).toEqual([
      "role_not_allowed", "role_not_allowed", "role_not_allowed", "role_not_allowed", "role_not_allowed", "role_not_allowed", "actor_mismatch",
    ]);
  }, 180_000);
});

describe("readers other than the hub", () => {
  it("slo counts neither unsigned usage nor an unsigned alert (what the slo agent quarantines on)", async () => {
    await installDouble();
    expect((await cli("invoke", "double_it", "--input", '{"n":2}')).code).toBe(0);
    const log = await openFileLog({ dir: data, clock: systemClock, newId: uuidIds, actor: "runner" });
    try {
      const usage = { pluginId: "double_it@1.0.0", capability: "double_it", runId: null, ok: false, errorCode: "timeout", latencyMs: 60_000, cpuMs: 60_000, heapBytes: 1 };
      for (let i = 0; i < 20; i++) await log.append([{ type: "PluginInvoked", subject: subjectFor("usage", "double_it"), data: usage } as NewEvent]);
      await log.append([{
        type: "AlertRaised", subject: subjectFor("alert", "double_it"), actor: "slo",
        data: { alertId: "forged", rule: "budget_breach", severity: "page", pluginId: "double_it@1.0.0", capability: "double_it", value: 9, threshold: 1, message: "forged", action: "quarantine" },
      } as NewEvent]);
    } finally {
      await log.close();
    }
    const view = (await cli("slo")).json<{ fleet: { current: { calls: number; failures: number } }; alerts: unknown[] }>();
    expect(view.alerts).toEqual([]);
    expect(view.fleet.current).toMatchObject({ calls: 1, failures: 0 });
    const verify = await cli("audit", "verify");
    expect(verify.code).toBe(1);
    expect(new Set(verify.json<{ forged: { type: string }[] }>().forged.map((f) => f.type))).toEqual(new Set(["PluginInvoked", "AlertRaised"]));
  }, 180_000);

  it("audit trail lists neither an unsigned install nor a key trusted without an operator's signature", async () => {
    await installDouble();
    await appendUnsignedInstall(data);
    const runner = await openKeyStore(data).load("runner");
    const mine = generateSigningKey("mine", "operator");
    const log = await openFileLog({ dir: data, clock: systemClock, newId: uuidIds, actor: "operator", sign: (hash) => signHash(hash, runner) });
    try {
      await log.append([{ type: "KeyTrusted", subject: subjectFor("key", mine.keyId), actor: "operator", data: { keyId: mine.keyId, publicKey: mine.publicKey, name: "mine", role: "operator" } } as NewEvent]);
    } finally {
      await log.close();
    }
    const trail = await cli("audit", "trail");
    const entries = trail.json<{ entries: { what: string; pluginId: string | null }[] }>().entries;
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.filter((e) => e.pluginId === "double_it@1.0.0").length).toBeGreaterThan(0);
    expect(trail.stdout).not.toContain("evil");
    expect(trail.stdout).not.toContain(mine.keyId);
  }, 180_000);

  it("replay (now and --until) does not show an unsigned install", async () => {
    await installDouble();
    await appendUnsignedInstall(data);
    const last = (await readLogLines(data)).at(-1)!.seq;
    for (const args of [["replay", "--projection", "hub"], ["replay", "--projection", "hub", "--until", String(last)], ["replay", "--projection", "installs"]]) {
      const out = await cli(...args);
      expect(out.code, out.stdout + out.stderr).toBe(0);
      expect(out.stdout, args.join(" ")).not.toContain("evil");
    }
  }, 180_000);
});

