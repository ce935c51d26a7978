/**
 * Round 2 of the attacks on the hub fold's promise (docs/architecture.md "What the hub fold
 * refuses"): with a stolen governor key, the hub must not show active a plugin the runtime will not
 * run, nor let anything but the listed ways dislodge the honest active plugin. Through the real
 * binary and a real file log: word_count@1.0.0 (unsigned, T1) active; the attacker appends events
 * signed with the data directory's governor key (forge, as in downgrade-harness.ts). Each test
 * holds `plugin list --json` and `invoke` to agree. Each fails on the main it was written against.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { subjectFor } from "../../src/events/index.ts";
import type { NewEvent } from "../../src/events/index.ts";
import { checksumOf, generateSigningKey, parsePolicy } from "../../src/hub/index.ts";
import { uuidIds } from "../../src/platform/index.ts";
import { pack } from "../hub/fixtures.ts";
import { openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";
import { runCli } from "../support/run-cli.ts";
import { EVIL_CODE, EXAMPLES, forge, ok, readPackage } from "./downgrade-harness.ts";
import type { Hub, Package } from "./downgrade-harness.ts";

const GOOD = "word_count@1.0.0";
/** A text on which every honest version answers 3. */
const INPUT = JSON.stringify({ text: "xyzzy one two" });

async function openGoodHub(): Promise<Hub> {
  const dir = await mkdtemp(join(tmpdir(), "capsmith-attack-hub2-"));
  const data = join(dir, "data");
  const hub: Hub = { dir, data, cli: (...args) => runCli(["--data", data, ...args]), signed: join(dir, "wc-1.0.0.json"), honest: join(dir, "wc-1.1.0.json"), evil: "" };
  await ok(hub, "plugin", "pack", join(EXAMPLES, "1.0.0"), "-o", hub.signed);
  await ok(hub, "plugin", "install", hub.signed);
  await ok(hub, "plugin", "pack", join(EXAMPLES, "1.1.0"), "-o", hub.honest);
  return hub;
}

interface Seen {
  said: { active: string | null; listedActive: string[] };
  ran: { ok: boolean; pluginId?: string; output?: unknown; code?: string };
}

/** What `plugin list --json` says is active for word_count, and what `invoke` did. */
async function look(hub: Hub): Promise<Seen> {
  const list = (await ok(hub, "--json", "plugin", "list")).json<{ capabilities: Record<string, { active: string | null }>; plugins: { id: string; status: string }[] }>();
  const invoke = await hub.cli("--json", "invoke", "word_count", "--input", INPUT);
  const ran = invoke.json<{ ok: boolean; pluginId?: string; output?: unknown; error?: { code: string } }>();
  return {
    said: { active: list.capabilities["word_count"]?.active ?? null, listedActive: list.plugins.filter((p) => p.status === "active").map((p) => p.id) },
    ran: { ok: ran.ok, pluginId: ran.pluginId, output: ran.output, ...(ran.error ? { code: ran.error.code } : {}) },
  };
}

/** Whatever the hub says is active, invoke runs it. */
async function expectAgree(hub: Hub): Promise<void> {
  const seen = await look(hub);
  expect({ ok: seen.ran.ok, ran: seen.ran.pluginId, code: seen.ran.code }, JSON.stringify(seen)).toEqual({ ok: true, ran: seen.said.active, code: undefined });
}

interface Claim {
  pluginId: string;
  version: string;
  capability?: string;
}

function started(txId: string, pkg: Record<string, unknown>, claim: Claim, kind = "update"): NewEvent {
  const { pluginId, version, capability = "word_count" } = claim;
  return { type: "InstallStarted", subject: subjectFor("plugin", capability), actor: "governor", data: { txId, kind, pluginId, capability, version, package: pkg, previousActive: GOOD, source: "forged" } } as NewEvent;
}

function phase(txId: string, name: string, index: number, details?: Record<string, unknown>, capability = "word_count"): NewEvent {
  return { type: "InstallPhaseCompleted", subject: subjectFor("plugin", capability), actor: "governor", data: { txId, phase: name, index, ...(details ? { details } : {}) } } as NewEvent;
}

function activated(claim: Claim, txId: string | null): NewEvent {
  const { pluginId, version, capability = "word_count" } = claim;
  return { type: "PluginActivated", subject: subjectFor("plugin", capability), actor: "governor", data: { pluginId, capability, version, txId, reason: txId ? "update" : "revert" } } as NewEvent;
}

function committed(txId: string, pluginId: string, capability = "word_count", tier = "T1"): NewEvent {
  return { type: "InstallCommitted", subject: subjectFor("plugin", capability), actor: "governor", data: { txId, pluginId, tier } } as NewEvent;
}

function rolledBack(txId: string, pluginId: string, capability = "word_count"): NewEvent {
  return { type: "InstallRolledBack", subject: subjectFor("plugin", capability), actor: "governor", data: { txId, pluginId, phase: "health-check", code: "health_check_failed", message: "forged", restored: null } } as NewEvent;
}

/** A whole transaction as the install service writes it, with a claimed passing health check. */
function transaction(txId: string, pkg: Record<string, unknown>, claim: Claim, tier = "T1"): NewEvent[] {
  const { pluginId, capability = "word_count" } = claim;
  return [
    started(txId, pkg, claim),
    ...(["download", "verify", "dependency-prepare"] as const).map((name, i) => phase(txId, name, i + 1, undefined, capability)),
    phase(txId, "health-check", 4, { passed: 4, failed: 0 }, capability),
    { type: "PluginTierAssigned", subject: subjectFor("plugin", capability), actor: "governor", data: { pluginId, tier, reasons: ["forged"] } } as NewEvent,
    activated(claim, txId), phase(txId, "activate", 5, undefined, capability), committed(txId, pluginId, capability, tier),
  ];
}

/** The honest 1.1.0 package re-versioned as `version` (manifest and claim agree; code unchanged, so its checksum holds). */
async function asVersion(hub: Hub, version: string, change: (pkg: Package) => void = () => {}): Promise<{ pkg: Package; claim: Claim }> {
  const pkg = await readPackage(hub.honest);
  const pluginId = `word_count@${version}`;
  pkg.manifest = { ...pkg.manifest, id: pluginId, version };
  change(pkg);
  return { pkg, claim: { pluginId, version } };
}

let hub: Hub | undefined;
afterEach(async () => {
  if (hub) await rm(hub.dir, { recursive: true, force: true });
  hub = undefined;
});

describe("round 2: the hub must not show active what invoke will not run", () => {
  // The sandbox loads a plugin under `<id>#<checksum>` and refuses a name over 200 characters
  // (prepare-plugin.ts); the fold checks no length, so an id over 128 characters is listed active
  // and every invoke fails with invalid_plugin.
  it("an install whose plugin id is too long for the sandbox to load is not shown active", { timeout: 120_000 }, async () => {
    hub = await openGoodHub();
    const { pkg, claim } = await asVersion(hub, `1.1.0-${"a".repeat(130)}`);
    await forge(hub, "governor", transaction(uuidIds(), pkg, claim));
    await expectAgree(hub);
  });

  // The sandbox refuses code over maxCodeBytes (1 MB by default, prepare-plugin.ts); the fold checks
  // the code's checksum but not its size, and a file log takes a record of any size.
  it("an install whose code is over the sandbox's size limit is not shown active", { timeout: 120_000 }, async () => {
    hub = await openGoodHub();
    const { pkg, claim } = await asVersion(hub, "1.1.1", (p) => {
      p.code = `${String(p.code)}\n// ${"x".repeat(1_100_000)}\n`;
      p.manifest = { ...p.manifest, checksum: checksumOf(p.code) };
    });
    await forge(hub, "governor", transaction(uuidIds(), pkg, claim));
    await expectAgree(hub);
  });

  // The fold checks that net is an array on an integration plugin, not that each entry is a host the
  // sandbox parses (prepare-plugin.ts: parseNetRule). Under a policy that runs integration plugins at
  // T1 (an operator's choice), the list says it is active and every invoke fails invalid_plugin.
  it("an integration install whose net allowlist the sandbox cannot parse is not shown active", { timeout: 120_000 }, async () => {
    hub = await openGoodHub();
    const policy = join(hub.dir, "policy.json");
    await writeFile(policy, JSON.stringify({ minTier: { integration: "T1" } }));
    const { pkg, claim } = await asVersion(hub, "1.1.2", (p) => void (p.manifest = { ...p.manifest, profile: "integration", permissions: { net: ["http://not a host/"] } }));
    await forge(hub, "governor", transaction(uuidIds(), pkg, claim));
    const list = (await ok(hub, "--json", "plugin", "list")).json<{ capabilities: Record<string, { active: string | null }> }>();
    const invoke = (await hub.cli("--json", "invoke", "word_count", "--input", INPUT, "--policy", policy)).json<{ ok: boolean; pluginId?: string; error?: { code: string } }>();
    const active = list.capabilities["word_count"]?.active ?? null;
    expect({ ok: invoke.ok, ran: invoke.pluginId, code: invoke.error?.code }, JSON.stringify({ active, invoke })).toEqual({ ok: true, ran: active, code: undefined });
  });


});

describe("round 2: a version the hub holds never changes", () => {
  // installProblem lets any package in under an id whose record is "failed". A reinstall of a held,
  // inactive version (same package: allowed) followed by a rollback of it makes its record "failed";
  // then other code takes the honest version's id, and an operator's `plugin rollback` to it runs that.
  it("a held version cannot be turned into a failed install and then replaced by other code", { timeout: 120_000 }, async () => {
    hub = await openGoodHub();
    await ok(hub, "plugin", "install", hub.honest); // 1.1.0 active, 1.0.0 inactive (held, served)
    const good = await readPackage(hub.signed);
    const tx = uuidIds();
    await forge(hub, "governor", [started(tx, good, { pluginId: GOOD, version: "1.0.0" }), rolledBack(tx, GOOD)]);
    const evil = { ...good, code: EVIL_CODE, manifest: { ...good.manifest, checksum: checksumOf(EVIL_CODE) } };
    await forge(hub, "governor", [started(uuidIds(), evil, { pluginId: GOOD, version: "1.0.0" })]);
    const shown = (await ok(hub, "--json", "plugin", "show", GOOD)).json<{ plugin: { code: string } }>();
    expect(shown.plugin.code).toBe(good.code);
  });
});

describe("round 2: a publisher-signed capability is not downgraded on a governor's word", () => {
  let capsmith: TestCapsmith | undefined;
  afterEach(async () => {
    await capsmith?.dispose();
    capsmith = undefined;
  });

  const subject = subjectFor("plugin", "total_cost");

  /** A governor's whole transaction for `pkg` (claimed passing health check), as raw signed events. */
  function governorTransaction(txId: string, pkg: Record<string, unknown>, pluginId: string, version: string): NewEvent[] {
    return [
      { type: "InstallStarted", data: { txId, kind: "update", pluginId, capability: "total_cost", version, package: pkg, previousActive: "total_cost@1.0.0", source: "forged" } },
      { type: "InstallPhaseCompleted", data: { txId, phase: "health-check", index: 4, details: { passed: 4, failed: 0 } } },
      { type: "PluginActivated", data: { pluginId, capability: "total_cost", version, txId, reason: "update" } },
      { type: "InstallCommitted", data: { txId, pluginId, tier: "T1" } },
    ].map((e) => ({ ...e, subject, actor: "governor" }) as NewEvent);
  }

  // The package digest (samePackage) leaves out the manifest's signature, so a re-install of the
  // active, publisher-signed version with its signature stripped is "the same package": it is let
  // in as a switch to a held version (no trust_downgrade check) and replaces the record's manifest.
  // The capability then has no publisher-signed version, and downgradesTrust no longer stops an
  // unsigned version from taking over: the hub and invoke both run it.
  it("stripping the active version's publisher signature through a re-install does not let an unsigned version replace it", { timeout: 120_000 }, async () => {
    const c = (capsmith = await openTestCapsmith({ policy: parsePolicy({ requireSignedEvents: true }) }));
    const acme = generateSigningKey("acme", "publisher");
    await c.log.append([{ type: "KeyTrusted", subject: subjectFor("key", acme.keyId), actor: "operator", data: { keyId: acme.keyId, publicKey: acme.publicKey, name: acme.name, role: acme.role } } as NewEvent]);
    expect(await c.runtime.hub.install(pack({ manifest: { version: "1.0.0" } }, acme), { source: "test" })).toMatchObject({ ok: true, tier: "T3" });
    const unsigned = pack({ manifest: { version: "2.0.0" } }) as unknown as Record<string, unknown>;
    // The control: an unsigned 2.0.0 alone is refused (trust_downgrade, held by the fold).
    await c.log.append(governorTransaction("tx-direct", unsigned, "total_cost@2.0.0", "2.0.0"));
    expect((await c.runtime.hub.state()).capabilities["total_cost"]?.active).toBe("total_cost@1.0.0");
    // The attack: re-install 1.0.0 without its signature, roll that back, then the unsigned 2.0.0 again.
    const held = (await c.runtime.hub.state()).plugins["total_cost@1.0.0"]!;
    const { signature: _sig, ...stripped } = held.manifest;
    await c.log.append([
      { type: "InstallStarted", data: { txId: "tx-strip", kind: "update", pluginId: held.id, capability: "total_cost", version: "1.0.0", package: { manifest: stripped, code: held.code, spec: held.spec, testReport: held.testReport }, previousActive: held.id, source: "forged" } },
      { type: "InstallRolledBack", data: { txId: "tx-strip", pluginId: held.id, phase: "verify", code: "forged", message: "forged", restored: null } },
    ].map((e) => ({ ...e, subject, actor: "governor" }) as NewEvent));
    await c.log.append(governorTransaction("tx-after", unsigned, "total_cost@2.0.0", "2.0.0"));
    const state = await c.runtime.hub.state();
    expect({ active: state.capabilities["total_cost"]?.active, tier: state.plugins["total_cost@1.0.0"]?.tier, resolved: c.runtime.invoker.resolve(state, "total_cost")?.id }).toEqual({ active: "total_cost@1.0.0", tier: "T3", resolved: "total_cost@1.0.0" });
  });
});
