/**
 * Attacks on the slo rollback (the slo key quarantines with `rollback: true`, the governor rolls
 * back): each test fails if a promise of docs/threat-model.md and docs/policy.md breaks.
 * - Only a governor or an operator changes what is active: a stolen slo key's quarantine of a version
 *   that breaks no budget, or that was not the active one, makes the governor activate nothing; no
 *   walking a capability back; no rollback across a trust boundary (trust_downgrade).
 * - A rollback stays within every dependent's range: one mid-install included, prereleases as semver reads them.
 * - A forged quarantine (a runner's key) or a forged RollbackBlocked (the slo key) decides nothing,
 *   and the slo key cannot suppress the governor's RollbackBlocked by taking its message id first.
 * - One effect per decision: a quarantine redelivered after an operator put the failing version back
 *   on purpose rolls back nothing (nor does recovery of a rollback its governor died in); a governor
 *   SIGKILLed mid-rollback is finished once; two governors answering one quarantine act once.
 * A signed data directory on a real file log, real sandbox, the governor as its own process (or
 * child process) holding only the governor key; the attacker appends with the stolen key's signer.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";
import { waitForEvent } from "../../src/agents/index.ts";
import { createSloRollback } from "../../src/agents/slo-rollback.ts";
import { openEventLog, sha256, subjectFor } from "../../src/events/index.ts";
import type { AnyStoredEvent, EventLog, NewEvent, StoredEvent } from "../../src/events/index.ts";
import { generateSigningKey, parsePolicy, rollbackWithinDependents, signManifest, singleKeySigner } from "../../src/hub/index.ts";
import { hub as hubProjection } from "../../projections/index.ts";
import type { PluginPackage } from "../../src/hub/package-format.ts";
import { uuidIds } from "../../src/platform/index.ts";
import { openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";
import { doubleSpec, makePackage } from "../support/plugin-packages.ts";
import { at } from "../slo/support.ts";
import { breach, deploy, trackProcesses } from "../slo/rollback-processes.ts";
import type { Deployment } from "../slo/rollback-processes.ts";
import { installEvents } from "../support/hub-events.ts";

const CAP = "double_it";
const SUBJECT = subjectFor("plugin", CAP);
const NEWEST = "double_it@2.0.0";
const PREVIOUS = "double_it@1.0.0";
const OLDEST = "double_it@0.9.0";

// Every version has a 50 ms p95 budget: the usage below breaks it, no usage breaks nothing.
const policy = parsePolicy({
  requireSignedEvents: true,
  slo: { budgets: { [CAP]: { latencyP95Ms: 50 } }, onBreach: { action: "rollback", consecutiveWindows: 1 } },
});

const { opened, logs } = trackProcesses();

/** A signed data directory with `versions` of double_it installed in order (the last active), by the operator. */
const deployment = (versions: (string | PluginPackage)[], before?: (operator: TestCapsmith) => Promise<void>): Promise<Deployment> => deploy(policy, opened, versions, before);

/** The governor daemon: its own process, the governor key only, its agents (the rollback durable among them). */
async function governor(d: Deployment): Promise<TestCapsmith> {
  const c = await openTestCapsmith({ dir: d.operator.dir, policy, clock: d.clock, roles: ["governor"], config: { signKey: "governor" }, ackWaitMs: 30_000 });
  opened.push(c);
  return c;
}

/** A log writer holding one stolen role key (its signer, that role as the actor). */
async function stolen(d: Deployment, role: "slo" | "runner"): Promise<EventLog> {
  const log = await openEventLog({ dataDir: d.operator.dir, sign: singleKeySigner(await d.operator.keys.load(role)).sign, clock: d.clock, newId: uuidIds, actor: role });
  logs.push(log);
  return log;
}

/** Appends a quarantine asking for a rollback, as `log`'s key; returns it as stored. */
async function quarantine(log: EventLog, pluginId: string, actor: string, rollback = true): Promise<AnyStoredEvent> {
  const { seq } = await log.append([{ type: "PluginQuarantined", subject: SUBJECT, actor, data: { pluginId, reason: "slo budget_breach", ...(rollback ? { rollback: true } : {}) } } as NewEvent]);
  for await (const e of log.read(SUBJECT, { fromSeq: seq })) return e;
  throw new Error("the quarantine is missing");
}

/** The governor's answer to a quarantine: a rollback transaction starting, or a RollbackBlocked. */
function answer(d: Deployment, q: AnyStoredEvent): Promise<AnyStoredEvent> {
  return waitForEvent(d.operator.readModel, SUBJECT, q.seq, (e) => e.type === "RollbackBlocked" || (e.type === "InstallStarted" && (e.data as { kind: string }).kind === "rollback") || e.type === "PluginActivated", { timeoutMs: 60_000 });
}

/** Runs the governor's answer to `q` in a child process that SIGKILLs itself at `phase` of the rollback. */
function governorKilledAt(d: Deployment, q: AnyStoredEvent, phase: string): Promise<NodeJS.Signals | null> {
  const policyJson = JSON.stringify({ requireSignedEvents: true, slo: policy.slo });
  const child = spawn(process.execPath, [join(import.meta.dirname, "slo-rollback-child.ts"), d.operator.dir, String(q.seq), String(d.clock.now().getTime()), policyJson], {
    env: { ...process.env, CAPSMITH_FAULT: `crash:${phase}` },
    stdio: ["ignore", "inherit", "inherit"],
  });
  return new Promise((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
}

async function eventsOn(log: EventLog, subject: string): Promise<AnyStoredEvent[]> {
  const out: AnyStoredEvent[] = [];
  for await (const e of log.read(subject)) out.push(e);
  return out;
}

const keyIdOf = async (d: Deployment, role: string): Promise<string> => (await d.operator.keys.load(role)).keyId;
const active = async (d: Deployment): Promise<string | null> => (await d.operator.readModel.state("hub")).capabilities[CAP]!.active;
const rollbacksAfter = async (d: Deployment, seq: number): Promise<AnyStoredEvent[]> =>
  (await eventsOn(d.operator.log, SUBJECT)).filter((e) => e.seq > seq && (e.type === "PluginActivated" || (e.type === "InstallStarted" && (e.data as { kind: string }).kind === "rollback")));

describe("attack: a stolen slo key makes the governor downgrade", () => {
  it("a quarantine of the active version that breaks no budget activates nothing older; the governor records why", async () => {
    const d = await deployment(["1.0.0", NEWEST.split("@")[1]!]);
    await governor(d);
    const slo = await stolen(d, "slo");
    // No usage at all: 2.0.0 breaks no budget, yet the slo key asks for a rollback.
    const q = await quarantine(slo, NEWEST, "slo");
    expect(q.sig?.keyId).toBe(await keyIdOf(d, "slo"));

    const reply = await answer(d, q);
    expect(reply.type, `the governor rolled back on a forged quarantine: ${JSON.stringify(reply.data)}`).toBe("RollbackBlocked");
    expect(reply.sig?.keyId).toBe(await keyIdOf(d, "governor"));
    expect((reply.data as { reason: string }).reason).toContain("breaks no budget");
    expect(await rollbacksAfter(d, q.seq)).toEqual([]);
    expect(await active(d)).toBeNull(); // the slo key may take a plugin out of service: that much it can do
  }, 120_000);

  it("repeated quarantines cannot walk the capability back: after a real rollback to 1.0.0, a quarantine of 1.0.0 activates nothing", async () => {
    const d = await deployment(["0.9.0", "1.0.0", "2.0.0"]);
    await governor(d);
    const slo = await stolen(d, "slo");
    await breach(d, CAP, NEWEST);
    const first = await quarantine(slo, NEWEST, "slo");
    const rolled = await answer(d, first);
    expect(rolled.type).toBe("InstallStarted");
    await waitForEvent(d.operator.readModel, SUBJECT, first.seq, (e) => e.type === "PluginActivated" && (e.data as { pluginId: string }).pluginId === PREVIOUS, { timeoutMs: 60_000 });
    const settled = (await d.operator.log.subjectHead(SUBJECT))!.seq;

    // 1.0.0 has served nothing over budget; walking back to 0.9.0 is a downgrade nobody decided.
    const second = await quarantine(slo, PREVIOUS, "slo");
    const reply = await answer(d, second);
    expect(reply.type, `the governor walked back to ${JSON.stringify(reply.data)}`).toBe("RollbackBlocked");
    expect(await rollbacksAfter(d, settled)).toEqual([]);
    expect((await d.operator.readModel.state("hub")).plugins[OLDEST]!.status).not.toBe("active");
  }, 120_000);

  it("a quarantine of a version that was not active (the operator had taken the capability out of service) activates nothing", async () => {
    const d = await deployment(["1.0.0", "2.0.0"]);
    await governor(d);
    await breach(d, CAP, NEWEST); // a real breach, so only the "was it active" rule stands in the way
    // The operator quarantines 2.0.0 without a rollback: on purpose, nothing serves double_it.
    const byOperator = await quarantine(d.operator.log, NEWEST, "operator", false);
    expect(await active(d)).toBeNull();
    const slo = await stolen(d, "slo");
    const q = await quarantine(slo, NEWEST, "slo");

    const reply = await answer(d, q);
    expect(reply.type, `the governor overrode the operator: ${JSON.stringify(reply.data)}`).toBe("RollbackBlocked");
    expect((reply.data as { reason: string }).reason).toContain("not the active version");
    expect(await rollbacksAfter(d, byOperator.seq)).toEqual([]);
    expect(await active(d)).toBeNull();
  }, 120_000);
});

describe("attack: a rollback across a trust boundary", () => {
  it("after a publisher-signed 2.0.0 breaks its budget, the governor does not fall back to the unsigned 1.0.0 (trust_downgrade); RollbackBlocked names it", async () => {
    const acme = generateSigningKey("acme", "publisher");
    const base = makePackage("2.0.0");
    const signed: PluginPackage = { ...base, manifest: signManifest(base.manifest, acme, { spec: base.spec, testReport: null }) as PluginPackage["manifest"] };
    const d = await deployment(["1.0.0", signed], async (operator) => {
      await operator.log.append([{ type: "KeyTrusted", subject: subjectFor("key", acme.keyId), actor: "operator", data: { keyId: acme.keyId, publicKey: acme.publicKey, name: acme.name, role: acme.role } } as NewEvent]);
    });
    expect((await d.operator.readModel.state("hub")).plugins[NEWEST]!.tier).toBe("T3");
    await governor(d);
    await breach(d, CAP, NEWEST);
    const q = await quarantine(await stolen(d, "slo"), NEWEST, "slo");
    const reply = await answer(d, q);
    expect(reply.type, `the governor rolled back across the trust boundary to ${(reply.data as { pluginId: string }).pluginId}`).toBe("RollbackBlocked");
    expect(reply.data).toMatchObject({ pluginId: NEWEST, candidates: [{ pluginId: PREVIOUS, code: "trust_downgrade", dependents: [] }] });
    expect((reply.data as { reason: string }).reason).toContain("trust_downgrade");
    expect(await rollbacksAfter(d, q.seq)).toEqual([]);
    expect(await active(d)).toBeNull();
  }, 120_000);
});

describe("attack: dependents the rollback must respect", () => {
  it("a dependent mid-install (its dependency check passed against 2.0.0) counts: the rollback to 1.0.0 does not leave it active outside its range", async () => {
    const d = await deployment(["1.0.0", "2.0.0"]);
    // quad_it@1.0.0 (needs double_it ^2.0.0) is being installed: started, and past dependency-prepare
    // while 2.0.0 was active; its owner is still running the health check.
    const dependent = quadPackage({ [CAP]: "^2.0.0" });
    const txId = "tx-quad-in-flight";
    const quadSubject = subjectFor("plugin", "quad_it");
    const phase = (name: string, index: number, details?: Record<string, unknown>): NewEvent => ({ type: "InstallPhaseCompleted", subject: quadSubject, actor: "operator", data: { txId, phase: name, index, ...(details ? { details } : {}) } }) as NewEvent;
    await d.operator.log.append([
      { type: "InstallStarted", subject: quadSubject, actor: "operator", data: { txId, kind: "install", pluginId: "quad_it@1.0.0", capability: "quad_it", version: "1.0.0", package: dependent, previousActive: null, source: "test" } } as NewEvent,
      phase("download", 1),
      phase("verify", 2),
      phase("dependency-prepare", 3, { resolved: { [CAP]: NEWEST } }),
    ]);
    await breach(d, CAP, NEWEST);
    const q = await quarantine(await stolen(d, "slo"), NEWEST, "slo");
    const gov = await openTestCapsmith({ dir: d.operator.dir, policy, clock: d.clock, roles: [], config: { signKey: "governor" } });
    opened.push(gov);
    await createSloRollback({ hub: gov.runtime.hub, policy }).handle(q, gov.runtime.agents.ctx);
    // The dependent's install is finished (its owner, or whoever takes it over).
    await d.operator.runtime.hub.recover();

    const hub = await d.operator.readModel.state("hub");
    const activeCap = hub.capabilities[CAP]!.active;
    const quad = hub.capabilities["quad_it"]?.active ?? null;
    const activeVersion = activeCap ? hub.plugins[activeCap]!.version : null;
    const outside = quad !== null && activeVersion !== null && !semver.satisfies(activeVersion, "^2.0.0");
    expect(outside, `${quad} (needs ${CAP} ^2.0.0) is active beside ${activeCap}`).toBe(false);
    const blocked = (await eventsOn(d.operator.log, SUBJECT)).find((e) => e.type === "RollbackBlocked");
    expect(blocked?.data).toMatchObject({ candidates: [{ pluginId: PREVIOUS, code: "dependents_broken", dependents: [{ id: "quad_it@1.0.0", range: "^2.0.0" }] }] });
  }, 120_000);
});

describe("attack: a prerelease the rollback might slip past a dependent's range", () => {
  it("passes over an earlier prerelease a plain range excludes (semver's reading, the resolver's and the install check's too)", () => {
    let state = hubProjection.initial();
    let seq = 0;
    const apply = (type: string, data: Record<string, unknown>): void => void (state = hubProjection.apply(state, { type, data, seq: ++seq } as unknown as StoredEvent));
    const install = (pluginId: string, dependencies: Record<string, string> = {}): void => {
      for (const e of installEvents(pluginId, { txId: `tx${seq}`, manifest: { dependencies } })) apply(e.type, e.data);
    };
    install("word_count@1.0.0");
    install("word_count@1.5.0-rc.1");
    install("word_count@2.0.0");
    install("wc_double@1.0.0", { word_count: ">=1.0.0 <3.0.0" });
    apply("PluginQuarantined", { pluginId: "word_count@2.0.0", reason: "slo budget_breach", rollback: true });
    const choice = rollbackWithinDependents(state, state.plugins["word_count@2.0.0"]!);
    expect(choice.target?.id).toBe("word_count@1.0.0");
    expect(choice.refused).toEqual([{ pluginId: "word_count@1.5.0-rc.1", code: "dependents_broken", dependents: [{ id: "wc_double@1.0.0", capability: "word_count", range: ">=1.0.0 <3.0.0" }] }]);
  });
});

describe("attack: forged events around the rollback", () => {
  it("a runner key's quarantine with rollback requested counts for nothing: 2.0.0 stays active and nothing is rolled back", async () => {
    const d = await deployment(["1.0.0", "2.0.0"]);
    const gov = await governor(d);
    await breach(d, CAP, NEWEST);
    const runner = await stolen(d, "runner");
    const forged = await quarantine(runner, NEWEST, "slo"); // claims to be the slo agent, signed by the runner key
    expect(await d.operator.readModel.admits(forged)).toBe(false);
    // Handled directly, so the test does not wait on something that must not happen.
    await createSloRollback({ hub: gov.runtime.hub, policy }).handle(forged, gov.runtime.agents.ctx);
    expect(await active(d)).toBe(NEWEST);
    expect((await eventsOn(d.operator.log, SUBJECT)).filter((e) => e.seq > forged.seq)).toEqual([]);
  }, 120_000);

  it("a RollbackBlocked the slo key forges ahead of the governor does not stand in for the rollback", async () => {
    const d = await deployment(["1.0.0", "2.0.0"]);
    await breach(d, CAP, NEWEST);
    const slo = await stolen(d, "slo");
    const q = await quarantine(slo, NEWEST, "slo");
    const { seq } = await slo.append([{ type: "RollbackBlocked", subject: SUBJECT, actor: "governor", causationId: q.id, data: { pluginId: NEWEST, capability: CAP, candidates: [], reason: "forged" } } as NewEvent]);
    const forged = (await eventsOn(d.operator.log, SUBJECT)).find((e) => e.seq === seq)!;
    expect(await d.operator.readModel.admits(forged)).toBe(false);
    await governor(d); // starts after the forgery: its durable delivers the quarantine, then the forged record
    await waitForEvent(d.operator.readModel, SUBJECT, q.seq, (e) => e.type === "PluginActivated" && (e.data as { pluginId: string }).pluginId === PREVIOUS, { timeoutMs: 60_000 });
    expect(await active(d)).toBe(PREVIOUS);
  }, 120_000);
});

describe("attack: the governor's record squatted", () => {
  it("the slo key appending first under the message id the governor's RollbackBlocked uses does not suppress that record", async () => {
    const d = await deployment(["1.0.0", "2.0.0"]);
    const slo = await stolen(d, "slo");
    const q = await quarantine(slo, NEWEST, "slo"); // breaks no budget: the governor's answer is a RollbackBlocked
    const squat = await slo.append([{ type: "AlertCleared", subject: subjectFor("alert", CAP), actor: "slo", data: { alertId: "x", rule: "budget_breach", pluginId: NEWEST, capability: CAP, message: "squat" } } as NewEvent], { msgId: `governor:rollback:${q.id}` });
    expect(squat.duplicate ?? false).toBe(false);
    const gov = await openTestCapsmith({ dir: d.operator.dir, policy, clock: d.clock, roles: [], config: { signKey: "governor" } });
    opened.push(gov);
    await createSloRollback({ hub: gov.runtime.hub, policy }).handle(q, gov.runtime.agents.ctx);
    const blocked = (await eventsOn(d.operator.log, SUBJECT)).filter((e) => e.type === "RollbackBlocked");
    expect(blocked, "the governor's RollbackBlocked was taken for a duplicate of the slo key's append").toHaveLength(1);
    expect(blocked[0]!.sig?.keyId).toBe(await keyIdOf(d, "governor"));
  }, 120_000);

  it("without the message id, two governors refusing one quarantine at once still record one RollbackBlocked", async () => {
    const d = await deployment(["1.0.0", "2.0.0"]);
    const q = await quarantine(await stolen(d, "slo"), NEWEST, "slo");
    const a = await openTestCapsmith({ dir: d.operator.dir, policy, clock: d.clock, roles: [], config: { signKey: "governor" } });
    const b = await openTestCapsmith({ dir: d.operator.dir, policy, clock: d.clock, roles: [], config: { signKey: "governor" } });
    opened.push(a, b);
    await Promise.all([a, b, a, b].map((c) => createSloRollback({ hub: c.runtime.hub, policy }).handle(q, c.runtime.agents.ctx)));
    expect((await eventsOn(d.operator.log, SUBJECT)).filter((e) => e.type === "RollbackBlocked")).toHaveLength(1);
  }, 120_000);
});

describe("attack: one effect per quarantine", () => {
  it("a quarantine redelivered after the operator put 2.0.0 back on purpose rolls back nothing", async () => {
    const d = await deployment(["1.0.0", "2.0.0"]);
    const gov = await governor(d);
    await breach(d, CAP, NEWEST);
    const slo = await stolen(d, "slo");
    const q = await quarantine(slo, NEWEST, "slo");
    await waitForEvent(d.operator.readModel, SUBJECT, q.seq, (e) => e.type === "PluginActivated" && (e.data as { pluginId: string }).pluginId === PREVIOUS, { timeoutMs: 60_000 });

    // The operator decides 2.0.0 serves after all: restores it and activates it by name.
    await d.operator.log.append([{ type: "PluginStatusRestored", subject: SUBJECT, actor: "operator", data: { pluginId: NEWEST, status: "inactive", tier: "T1" } } as NewEvent]);
    const back = await d.operator.runtime.hub.switchTo(CAP, { kind: "update", version: "2.0.0" });
    expect(back.ok, JSON.stringify(back.failure)).toBe(true);
    expect(await active(d)).toBe(NEWEST);
    const decided = (await d.operator.log.subjectHead(SUBJECT))!.seq;

    // Minutes later the quarantine comes again, to this governor and to a second one.
    d.clock.set(at(1, 30));
    await createSloRollback({ hub: gov.runtime.hub, policy }).handle(q, gov.runtime.agents.ctx);
    const other = await governor(d);
    await createSloRollback({ hub: other.runtime.hub, policy }).handle(q, other.runtime.agents.ctx);
    expect(await rollbacksAfter(d, decided)).toEqual([]);
    expect(await active(d)).toBe(NEWEST);
  }, 120_000);

  it.each(["health-check", "activate"])("a governor killed at %s of the rollback: the redelivered quarantine finishes that transaction, no second one", async (phase) => {
    const d = await deployment(["1.0.0", "2.0.0"]);
    await breach(d, CAP, NEWEST);
    const q = await quarantine(await stolen(d, "slo"), NEWEST, "slo");
    expect(await governorKilledAt(d, q, phase)).toBe("SIGKILL");
    const started = (await eventsOn(d.operator.log, SUBJECT)).filter((e) => e.type === "InstallStarted" && (e.data as { kind: string }).kind === "rollback");
    expect(started).toHaveLength(1);

    // Redelivered to a live governor once the dead one's lease has run out.
    d.clock.set(at(2, 0));
    const gov = await openTestCapsmith({ dir: d.operator.dir, policy, clock: d.clock, roles: [], config: { signKey: "governor" } });
    opened.push(gov);
    await createSloRollback({ hub: gov.runtime.hub, policy }).handle(q, gov.runtime.agents.ctx);
    await createSloRollback({ hub: gov.runtime.hub, policy }).handle(q, gov.runtime.agents.ctx);
    const events = await eventsOn(d.operator.log, SUBJECT);
    expect(events.filter((e) => e.type === "InstallStarted" && (e.data as { kind: string }).kind === "rollback")).toHaveLength(1);
    expect(events.filter((e) => e.type === "InstallCommitted" && (e.data as { txId: string }).txId === (started[0]!.data as { txId: string }).txId)).toHaveLength(1);
    expect(events.filter((e) => e.type === "PluginActivated" && e.seq > q.seq)).toHaveLength(1);
    expect(await active(d)).toBe(PREVIOUS);
  }, 120_000);

  it("a governor killed mid-rollback, then the operator puts 2.0.0 back: neither the redelivery nor recovery activates 1.0.0 over it", async () => {
    const d = await deployment(["1.0.0", "2.0.0"]);
    await breach(d, CAP, NEWEST);
    const q = await quarantine(await stolen(d, "slo"), NEWEST, "slo");
    expect(await governorKilledAt(d, q, "health-check")).toBe("SIGKILL");

    await d.operator.log.append([{ type: "PluginStatusRestored", subject: SUBJECT, actor: "operator", data: { pluginId: NEWEST, status: "inactive", tier: "T1" } } as NewEvent]);
    const back = await d.operator.runtime.hub.switchTo(CAP, { kind: "update", version: "2.0.0" });
    expect(back.ok, JSON.stringify(back.failure)).toBe(true);
    d.clock.set(at(2, 0)); // the dead governor's lease runs out
    const gov = await openTestCapsmith({ dir: d.operator.dir, policy, clock: d.clock, roles: [], config: { signKey: "governor" } });
    opened.push(gov);
    await createSloRollback({ hub: gov.runtime.hub, policy }).handle(q, gov.runtime.agents.ctx);
    await gov.runtime.hub.recover({ expiredOnly: true });
    expect(await active(d)).toBe(NEWEST);
    const stranded = (await eventsOn(d.operator.log, SUBJECT)).find((e) => e.type === "InstallRolledBack");
    expect(stranded?.data).toMatchObject({ txId: `rollback-${q.id}`, code: "superseded", restored: NEWEST });
    expect(await rollbacksAfter(d, q.seq)).toHaveLength(2); // the stranded start, and the operator's activation of 2.0.0
    expect((await rollbacksAfter(d, q.seq)).filter((e) => e.type === "PluginActivated").map((e) => (e.data as { pluginId: string }).pluginId)).toEqual([NEWEST]);
  }, 120_000);

  it("two governors answering one quarantine at once roll back once", async () => {
    const d = await deployment(["1.0.0", "2.0.0"]);
    await breach(d, CAP, NEWEST);
    const slo = await stolen(d, "slo");
    const q = await quarantine(slo, NEWEST, "slo");
    const a = await openTestCapsmith({ dir: d.operator.dir, policy, clock: d.clock, roles: [], config: { signKey: "governor" } });
    const b = await openTestCapsmith({ dir: d.operator.dir, policy, clock: d.clock, roles: [], config: { signKey: "governor" } });
    opened.push(a, b);
    const ctxOf = (c: TestCapsmith) => c.runtime.agents.ctx;
    await Promise.allSettled([
      createSloRollback({ hub: a.runtime.hub, policy }).handle(q, ctxOf(a)),
      createSloRollback({ hub: b.runtime.hub, policy }).handle(q, ctxOf(b)),
    ]);
    // Whatever failed above (a lost race), a redelivery to either settles it: one rollback in all.
    await createSloRollback({ hub: a.runtime.hub, policy }).handle(q, ctxOf(a));
    const events = await eventsOn(d.operator.log, SUBJECT);
    expect(events.filter((e) => e.type === "InstallStarted" && (e.data as { kind: string }).kind === "rollback")).toHaveLength(1);
    expect(events.filter((e) => e.type === "PluginActivated" && e.seq > q.seq)).toHaveLength(1);
    expect(events.filter((e) => e.type === "RollbackBlocked")).toHaveLength(0);
    expect(await active(d)).toBe(PREVIOUS);
  }, 120_000);
});

/** quad_it@1.0.0: a plugin of another capability that declares a range of double_it. */
function quadPackage(dependencies: Record<string, string>): PluginPackage {
  const code = "export default function (input) { return input.n * 4; }\n";
  const base = makePackage("1.0.0", code, { id: "quad_it@1.0.0", capability: "quad_it", dependencies, checksum: `sha256:${sha256(code)}` });
  return {
    ...base,
    spec: { ...doubleSpec, capability: "quad_it", description: "Four times the number.", examples: [{ input: { n: 2 }, output: 8 }, { input: { n: -3 }, output: -12 }], tests: [{ name: "golden_1", input: { n: 10 }, output: 40 }] },
  };
}
