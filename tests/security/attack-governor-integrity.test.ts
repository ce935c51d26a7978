/**
 * Attacks with a stolen governor key on the promise that the hub never shows as installed or active
 * a package that cannot run, and that nothing but an install that passed its health check (or an
 * operator's revert) takes the active version's place. Through the real binary and the real log
 * files: a fresh signed data directory with word_count@1.0.0 (unsigned, T1) active; the attacker
 * appends events signed with the directory's governor key (forge, as in downgrade-harness.ts), with
 * actor "governor", every one of which the signature gate lets through. Each test then asks
 * `plugin list --json` and `invoke` and holds them to agree: 1.0.0 active, and 1.0.0 answering.
 * Every attack below got in before the hub fold checked the package and the transaction
 * (projections/hub-coherence.ts): the list said the forged version was active while invoke refused
 * it (tamper_detected, a crash on a missing spec) or ran code no health check had passed.
 * Each runs a handful of CLI processes: 120 s each, for a loaded machine.
 */
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { subjectFor } from "../../src/events/index.ts";
import type { NewEvent } from "../../src/events/index.ts";
import { checksumOf } from "../../src/hub/index.ts";
import { uuidIds } from "../../src/platform/index.ts";
import { runCli } from "../support/run-cli.ts";
import { EVIL_CODE, EXAMPLES, forge, ok, readPackage } from "./downgrade-harness.ts";
import type { Hub, Package } from "./downgrade-harness.ts";

const GOOD = "word_count@1.0.0";
const NEXT = "word_count@1.1.0";
const SUBJECT = subjectFor("plugin", "word_count");
const NEXT_CLAIM: Claim = { pluginId: "word_count@1.1.0", version: "1.1.0" };
/** A text on which the evil code answers 42, and every honest version 3. */
const INPUT = JSON.stringify({ text: "xyzzy one two" });

/** A signed data directory with word_count@1.0.0 installed and active; `honest` is the packed 1.1.0. */
async function openGoodHub(): Promise<Hub> {
  const dir = await mkdtemp(join(tmpdir(), "capsmith-attack-governor-"));
  const data = join(dir, "data");
  const hub: Hub = { dir, data, cli: (...args) => runCli(["--data", data, ...args]), signed: join(dir, "wc-1.0.0.json"), honest: join(dir, "wc-1.1.0.json"), evil: "" };
  await ok(hub, "plugin", "pack", join(EXAMPLES, "1.0.0"), "-o", hub.signed);
  await ok(hub, "plugin", "install", hub.signed);
  await ok(hub, "plugin", "pack", join(EXAMPLES, "1.1.0"), "-o", hub.honest);
  await expectServing(hub);
  return hub;
}

/**
 * What the hub says and what the runtime does agree, on 1.0.0: it is the active plugin of
 * `plugin list --json`, the one listed active, and the one `invoke` runs (answering 3).
 */
async function expectServing(hub: Hub): Promise<void> {
  const list = (await ok(hub, "--json", "plugin", "list")).json<{ capabilities: Record<string, { active: string | null }>; plugins: { id: string; status: string }[] }>();
  const invoke = await hub.cli("--json", "invoke", "word_count", "--input", INPUT);
  const said = { active: list.capabilities["word_count"]?.active ?? null, listedActive: list.plugins.filter((p) => p.status === "active").map((p) => p.id) };
  const ran = invoke.json<{ ok: boolean; pluginId?: string; output?: unknown; error?: { code: string } }>();
  expect({ said, ran: { ok: ran.ok, pluginId: ran.pluginId, output: ran.output } }, `${invoke.stdout}${invoke.stderr}`).toEqual({
    said: { active: GOOD, listedActive: [GOOD] },
    ran: { ok: true, pluginId: GOOD, output: 3 },
  });
}

/** The forged install of `pkg` under `pluginId`, `version` and `capability` as the event claims them. */
function started(txId: string, pkg: Package | Record<string, unknown>, claim: Claim): NewEvent {
  const { pluginId, version, capability = "word_count" } = claim;
  return { type: "InstallStarted", subject: subjectFor("plugin", capability), actor: "governor", data: { txId, kind: "update", pluginId, capability, version, package: pkg, previousActive: GOOD, source: "forged" } } as NewEvent;
}

interface Claim {
  pluginId: string;
  version: string;
  capability?: string;
}

function phase(txId: string, name: string, index: number, details?: Record<string, unknown>, capability = "word_count"): NewEvent {
  return { type: "InstallPhaseCompleted", subject: subjectFor("plugin", capability), actor: "governor", data: { txId, phase: name, index, ...(details ? { details } : {}) } } as NewEvent;
}

function activated(claim: Claim, txId: string | null): NewEvent {
  const { pluginId, version, capability = "word_count" } = claim;
  return { type: "PluginActivated", subject: subjectFor("plugin", capability), actor: "governor", data: { pluginId, capability, version, txId, reason: txId ? "update" : "revert" } } as NewEvent;
}

function committed(txId: string, pluginId: string, capability = "word_count"): NewEvent {
  return { type: "InstallCommitted", subject: subjectFor("plugin", capability), actor: "governor", data: { txId, pluginId, tier: "T1" } } as NewEvent;
}

/** A whole transaction as the install service writes it, health check included (the attacker's claim of one). */
function transaction(txId: string, pkg: Package | Record<string, unknown>, claim: Claim): NewEvent[] {
  const { pluginId, capability = "word_count" } = claim;
  return [
    started(txId, pkg, claim),
    ...(["download", "verify", "dependency-prepare"] as const).map((name, i) => phase(txId, name, i + 1, undefined, capability)),
    phase(txId, "health-check", 4, { passed: 4, failed: 0 }, capability),
    { type: "PluginTierAssigned", subject: subjectFor("plugin", capability), actor: "governor", data: { pluginId, tier: "T1", reasons: ["forged"] } } as NewEvent,
    activated(claim, txId), phase(txId, "activate", 5, undefined, capability), committed(txId, pluginId, capability),
  ];
}

/** The honest 1.1.0 package with `change` applied (the attacker's edit of a package they hold). */
async function honestWith(hub: Hub, change: (pkg: Package) => void): Promise<Package> {
  const pkg = await readPackage(hub.honest);
  change(pkg);
  return pkg;
}

let hub: Hub | undefined;
afterEach(async () => {
  if (hub) await rm(hub.dir, { recursive: true, force: true });
  hub = undefined;
});

describe("a stolen governor key cannot make the hub show a package that cannot run", () => {
  // The confirmed finding: the list said 1.1.0 active at T1; invoke refused it (tamper_detected),
  // and 1.0.0, which still runs, was no longer active.
  it("an install whose code does not hash to its manifest's checksum is refused, and its activation changes nothing", { timeout: 120_000 }, async () => {
    hub = await openGoodHub();
    const pkg = await honestWith(hub, (p) => void (p.code = EVIL_CODE));
    expect(checksumOf(pkg.code)).not.toBe(pkg.manifest["checksum"]);
    await forge(hub, "governor", transaction(uuidIds(), pkg, NEXT_CLAIM));
    await expectServing(hub);
    const shown = await hub.cli("--json", "plugin", "show", NEXT);
    expect(shown.code, shown.stdout).not.toBe(0);
  });

  it("an install whose manifest names another id, version or capability than the event is refused", { timeout: 120_000 }, async () => {
    hub = await openGoodHub();
    const honest = await readPackage(hub.honest);
    // The honest 1.1.0 package, claimed as 9.9.9 (another version than its manifest's) ...
    await forge(hub, "governor", transaction(uuidIds(), honest, { pluginId: "word_count@9.9.9", version: "9.9.9" }));
    await expectServing(hub);
    // ... and as a plugin of the capability `total_cost` (its manifest and spec say word_count).
    await forge(hub, "governor", transaction(uuidIds(), honest, { pluginId: "total_cost@1.1.0", version: "1.1.0", capability: "total_cost" }));
    await expectServing(hub);
    const list = (await ok(hub, "--json", "plugin", "list")).json<{ capabilities: Record<string, unknown>; plugins: { id: string }[] }>();
    expect(list.plugins.map((p) => p.id).sort()).toEqual([GOOD]);
    expect(list.capabilities["total_cost"]).toBeUndefined();
  });

  it("an install without a spec is refused (the invoker reads every input's schema from it)", { timeout: 120_000 }, async () => {
    hub = await openGoodHub();
    const { spec: _spec, ...noSpec } = await readPackage(hub.honest);
    await forge(hub, "governor", transaction(uuidIds(), noSpec, NEXT_CLAIM));
    await expectServing(hub);
  });

  it("an install whose manifest asks the sandbox for what it refuses to load (net hosts on a node plugin) is refused", { timeout: 120_000 }, async () => {
    hub = await openGoodHub();
    const pkg = await honestWith(hub, (p) => void (p.manifest["permissions"] = { net: ["evil.example"] }));
    await forge(hub, "governor", transaction(uuidIds(), pkg, NEXT_CLAIM));
    await expectServing(hub);
  });

  it("an install of other code under the active plugin's own id is refused (it would run unchecked in its place)", { timeout: 120_000 }, async () => {
    hub = await openGoodHub();
    const good = await readPackage(hub.signed);
    const pkg = { ...good, code: EVIL_CODE, manifest: { ...good.manifest, checksum: checksumOf(EVIL_CODE) } };
    await forge(hub, "governor", [started(uuidIds(), pkg, { pluginId: GOOD, version: "1.0.0" })]);
    await expectServing(hub);
  });

  // Attack of the lead's review: the same code under the active id with another manifest (wider
  // limits) or other golden cases passed the code-only check and replaced the held version's manifest.
  it("an install of the active plugin's own id with its code but another manifest or spec is refused (a version never changes)", { timeout: 120_000 }, async () => {
    hub = await openGoodHub();
    const good = await readPackage(hub.signed);
    const wider = { ...good, manifest: { ...good.manifest, limits: { memoryMB: 4096, timeoutMs: 600_000 } } };
    await forge(hub, "governor", transaction(uuidIds(), wider, { pluginId: GOOD, version: "1.0.0" }));
    const otherCases = { ...good, spec: { ...good.spec, description: "forged" } };
    await forge(hub, "governor", transaction(uuidIds(), otherCases, { pluginId: GOOD, version: "1.0.0" }));
    await expectServing(hub);
    const shown = (await ok(hub, "--json", "plugin", "show", GOOD)).json<{ plugin: { manifest: Record<string, unknown>; spec: Record<string, unknown> } }>();
    expect(shown.plugin.manifest["limits"]).toEqual(good.manifest["limits"]);
    expect(shown.plugin.spec["description"]).toEqual(good.spec["description"]);
  });
});

describe("a stolen governor key cannot dislodge the active plugin without an install that passed its health check", () => {
  it("an activation and commit of a transaction with no health check change nothing", { timeout: 120_000 }, async () => {
    hub = await openGoodHub();
    const txId = uuidIds();
    await forge(hub, "governor", [started(txId, await readPackage(hub.honest), NEXT_CLAIM), activated(NEXT_CLAIM, txId), committed(txId, NEXT)]);
    await expectServing(hub);
  });

  it("an activation of an install that failed its health check changes nothing", { timeout: 120_000 }, async () => {
    hub = await openGoodHub();
    // An honest install of a 1.1.0 that answers 0 to everything: it fails its golden cases.
    await cp(join(EXAMPLES, "1.1.0"), join(hub.dir, "broken"), { recursive: true });
    await writeFile(join(hub.dir, "broken", "plugin.js"), "export default function () {\n  return 0;\n}\n");
    const broken = join(hub.dir, "wc-broken.json");
    await ok(hub, "plugin", "pack", join(hub.dir, "broken"), "-o", broken);
    const failed = await hub.cli("--json", "plugin", "install", broken);
    expect(failed.code, failed.stdout).toBe(1);
    const txId = (await ok(hub, "--json", "plugin", "show", NEXT)).json<{ history: { txId: string }[] }>().history[0]!.txId;
    await forge(hub, "governor", [activated(NEXT_CLAIM, txId), committed(txId, NEXT)]);
    await expectServing(hub);
    // Nor as a revert would (no transaction): restoring its status first, then activating it.
    await forge(hub, "governor", [
      { type: "PluginStatusRestored", subject: SUBJECT, actor: "governor", data: { pluginId: NEXT, status: "inactive", tier: "T1" } } as NewEvent,
      activated(NEXT_CLAIM, null),
    ]);
    await expectServing(hub);
  });

  it("a rollback of a transaction does not choose what is active, and a deactivation is a revert's, an operator's", { timeout: 120_000 }, async () => {
    hub = await openGoodHub();
    const txId = uuidIds();
    await forge(hub, "governor", [
      started(txId, await readPackage(hub.honest), NEXT_CLAIM),
      { type: "InstallRolledBack", subject: SUBJECT, actor: "governor", data: { txId, pluginId: NEXT, phase: "verify", code: "preflight_failed", message: "forged", restored: null } } as NewEvent,
    ]);
    await expectServing(hub);
    await forge(hub, "governor", [{ type: "PluginDeactivated", subject: SUBJECT, actor: "governor", data: { capability: "word_count", pluginId: GOOD, reason: "revert" } } as NewEvent]);
    await expectServing(hub);
  });

  it("an honest install still replaces the active version, and the list and invoke agree on it", { timeout: 120_000 }, async () => {
    hub = await openGoodHub();
    const run = await ok(hub, "plugin", "install", hub.honest);
    expect(run.stdout).toContain(`updated to ${NEXT}`);
    const list = (await ok(hub, "--json", "plugin", "list")).json<{ capabilities: Record<string, { active: string }> }>();
    const invoke = (await ok(hub, "--json", "invoke", "word_count", "--input", INPUT)).json<{ pluginId: string; output: unknown }>();
    expect({ active: list.capabilities["word_count"]!.active, ran: invoke.pluginId, output: invoke.output }).toEqual({ active: NEXT, ran: NEXT, output: 3 });
  });
});
