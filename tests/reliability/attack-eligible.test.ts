/**
 * Attacks on "an slo rollback activates only a version still eligible to serve" (docs/threat-model.md)
 * where decideSwitch does not look: between the rollback transaction's start and its activation.
 * The governor chose double_it@1.0.0 and its transaction started on a hub where 1.0.0 was eligible;
 * while its health check runs (or after its process was SIGKILLed there, before a takeover finishes
 * it) the attacker, or an operator, changes something, and looks for 1.0.0 activated anyway: a
 * dependent re-trusted whose range excludes it, the key that approved it revoked (activated at its
 * old tier), it quarantined or uninstalled, another version activated, forged events that would
 * make a withdrawn target look eligible again, and redeliveries after the rollback.
 * A real file log per data directory (unsigned, or signed with requireSignedEvents), the real
 * governed hub and sandbox; the change is made from inside the health check (a sandbox whose load of
 * the rollback's candidate runs it first), or while the governor is dead (the crash harness's child).
 */
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createSloAgent } from "../../src/agents/slo-agent.ts";
import { createSloRollback } from "../../src/agents/slo-rollback.ts";
import { openFileLog, openEventLog, subjectFor } from "../../src/events/index.ts";
import type { AnyStoredEvent, EventLog, NewEvent } from "../../src/events/index.ts";
import { approvalCandidate, approvePlugin, generateSigningKey, parsePolicy, singleKeySigner } from "../../src/hub/index.ts";
import type { Policy, SigningKey } from "../../src/hub/index.ts";
import { createPluginHost } from "../../src/sandbox/index.ts";
import type { PluginDefinition, PluginHost } from "../../src/sandbox/index.ts";
import { systemClock, uuidIds } from "../../src/platform/index.ts";
import { openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";
import { makePackage } from "../support/plugin-packages.ts";
import { at } from "../slo/support.ts";
import { breach, deploy, trackProcesses } from "../slo/rollback-processes.ts";
import type { Deployment } from "../slo/rollback-processes.ts";
import { racingLog } from "../support/hub-race.ts";
import { runChild } from "./crash-harness.ts";

const CAP = "double_it";
const SUBJECT = subjectFor("plugin", CAP);
const FAILING = "double_it@2.0.0";
const TARGET = "double_it@1.0.0";
const DEPENDENT = "quad_it@1.0.0";
const slo = { budgets: { [CAP]: { latencyP95Ms: 50 } }, onBreach: { action: "rollback" as const, consecutiveWindows: 1 } };
const unsigned = parsePolicy({ slo });
const signed = parsePolicy({ requireSignedEvents: true, slo });
type Hub = "unsigned" | "signed";
const policyOf = (hub: Hub): Policy => (hub === "signed" ? signed : unsigned);

const { opened, logs } = trackProcesses();
const sandboxes: PluginHost[] = [];
afterEach(async () => {
  for (const s of sandboxes.splice(0)) await s.close().catch(() => undefined);
});

const trust = (key: SigningKey): NewEvent => ({ type: "KeyTrusted", subject: subjectFor("key", key.keyId), actor: "operator", data: { keyId: key.keyId, publicKey: key.publicKey, name: key.name, role: key.role } }) as NewEvent;
const revoke = (key: SigningKey, reason: string): NewEvent => ({ type: "KeyRevoked", subject: subjectFor("key", key.keyId), actor: "operator", data: { keyId: key.keyId, reason } }) as NewEvent;
const tierOf = (pluginId: string, tier: string, capability = "quad_it"): NewEvent => ({ type: "PluginTierAssigned", subject: subjectFor("plugin", capability), actor: "operator", data: { pluginId, tier, reasons: ["by the operator"] } }) as NewEvent;

interface Rig {
  hub: Hub;
  d: Deployment;
  /** The operator's connection (signed by the operator's key in a signed directory). */
  operator: TestCapsmith;
  /** The key that approved 1.0.0 (its revocation takes 1.0.0's trust away). */
  approver: SigningKey;
}

/**
 * double_it 1.0.0 (approved by an operator key) and 2.0.0 installed, 2.0.0 active; quad_it@1.0.0
 * (needs double_it ^2.0.0) installed and set to T0 (no dependent to respect, until re-trusted); 2.0.0
 * breaks its budget and the slo key quarantines it asking for a rollback. Returns the rig and that quarantine.
 */
async function breached(hub: Hub): Promise<{ rig: Rig; quarantine: AnyStoredEvent }> {
  const approver = generateSigningKey("approver", "operator");
  const d = await deploy(policyOf(hub), opened, ["1.0.0", "2.0.0"], async (op) => void (await op.log.append([trust(approver)])));
  const operator = d.operator;
  const { checksum } = await approvalCandidate(operator.readModel, TARGET);
  await approvePlugin(operator.log, operator.readModel, { pluginId: TARGET, checksum, pending: false }, approver);
  const quad = makePackage("1.0.0", undefined, { id: DEPENDENT, capability: "quad_it", dependencies: { [CAP]: "^2.0.0" } });
  const dependent = await operator.runtime.hub.install({ ...quad, spec: { ...quad.spec, capability: "quad_it" } }, { source: "test" });
  expect(dependent.ok, JSON.stringify(dependent.failure)).toBe(true);
  await operator.log.append([tierOf(DEPENDENT, "T0")]);
  const hubNow = (await operator.readModel.current(["hub"])).states.hub;
  expect(hubNow.plugins[TARGET]?.tier).toBe("T2");
  expect(hubNow.plugins[DEPENDENT]?.tier).toBe("T0");
  await breach(d, CAP, FAILING);
  const sloLog = hub === "signed" ? await roleLog(d, "slo") : operator.log;
  const { seq } = await sloLog.append([{ type: "PluginQuarantined", subject: SUBJECT, actor: "slo", data: { pluginId: FAILING, reason: "slo budget_breach", rollback: true } } as NewEvent]);
  return { rig: { hub, d, operator, approver }, quarantine: (await eventsOn(operator.log)).find((e) => e.seq === seq)! };
}

/** A connection signing with one of the data directory's role keys (its role the actor). */
async function roleLog(d: Deployment, role: string): Promise<EventLog> {
  const log = await openEventLog({ dataDir: d.operator.dir, sign: singleKeySigner(await d.operator.keys.load(role)).sign, clock: d.clock, newId: uuidIds, actor: role });
  logs.push(log);
  return log;
}

/** A real sandbox that runs `change` (once) as a health check loads 1.0.0 (the rollback's candidate): mid-transaction. */
function changingAtHealthCheck(change: () => Promise<void>): { sandbox: PluginHost; fired: () => boolean } {
  const real = createPluginHost({ workers: 1 });
  sandboxes.push(real);
  let fired = false;
  const sandbox = new Proxy(real, {
    get(target, prop) {
      if (prop === "load") {
        return async (def: PluginDefinition) => {
          if (!fired && def.id.includes(`${TARGET}#`)) {
            fired = true;
            await change();
          }
          return target.load(def);
        };
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { sandbox, fired: () => fired };
}

/** The governor's process (no agents of its own: the test delivers), signing as the governor in a signed directory. */
async function governor(rig: Rig, sandbox?: PluginHost): Promise<TestCapsmith> {
  const c = await openTestCapsmith({ dir: rig.d.operator.dir, policy: policyOf(rig.hub), clock: rig.d.clock, roles: [], ...(sandbox ? { sandbox } : {}), ...(rig.hub === "signed" ? { config: { signKey: "governor" } } : {}) });
  opened.push(c);
  return c;
}

async function answer(gov: TestCapsmith, quarantine: AnyStoredEvent, hub: Hub): Promise<void> {
  await createSloRollback({ hub: gov.runtime.hub, policy: policyOf(hub) }).handle(quarantine, gov.runtime.agents.ctx);
}

async function eventsOn(log: EventLog, subject = SUBJECT): Promise<AnyStoredEvent[]> {
  const out: AnyStoredEvent[] = [];
  for await (const e of log.read(subject)) out.push(e);
  return out;
}

/** What came of the rollback: 1.0.0's activations the hub took since it was first replaced, what is active, and the transaction's record. */
async function outcome(rig: Rig, quarantine: AnyStoredEvent) {
  const after = (await eventsOn(rig.operator.log)).filter((e) => e.seq > quarantine.seq);
  const { hub, installs } = (await rig.operator.readModel.current(["hub", "installs"])).states;
  return {
    // As readers see it: 1.0.0 made active again (it was active once, before 2.0.0), whatever the log holds.
    activations: (hub.capabilities[CAP]?.history ?? []).filter((id) => id === TARGET).length - 1,
    starts: after.filter((e) => e.type === "InstallStarted" && (e.data as { kind: string }).kind === "rollback").length,
    active: hub.capabilities[CAP]?.active ?? null,
    tier: hub.plugins[TARGET]?.tier,
    tx: installs.transactions[`rollback-${quarantine.id}`],
  };
}

/** The rollback refused at its activation: nothing activated, nothing serves, the transaction rolled back as superseded. */
async function expectSuperseded(rig: Rig, quarantine: AnyStoredEvent): Promise<void> {
  const o = await outcome(rig, quarantine);
  expect(o.activations, `${TARGET} was activated (tier ${o.tier}) though it was no longer eligible`).toBe(0);
  expect(o.active).toBeNull();
  expect(o.tx?.outcome).toBe("rolled_back");
  expect(o.tx?.failure).toMatchObject({ code: "superseded", restored: null });
}

/**
 * The rollback did not bring 1.0.0 back (however it was refused), and its transaction says so: on
 * main a takeover recorded some of these as committed, an activation the hub then refused to take.
 */
async function expectNotActivated(rig: Rig, quarantine: AnyStoredEvent): Promise<void> {
  const o = await outcome(rig, quarantine);
  expect(o.activations, `${TARGET} was activated (tier ${o.tier}) though it was no longer eligible`).toBe(0);
  expect(o.active).not.toBe(TARGET);
  expect(o.tx?.outcome).toBe("rolled_back");
}

// What changes mid-transaction, and whether the activation should still go ahead.
const changes = {
  "a dependent is re-trusted (its range ^2.0.0 excludes 1.0.0)": (rig: Rig) => rig.operator.log.append([tierOf(DEPENDENT, "T1")]),
  "the key that approved 1.0.0 is revoked": (rig: Rig) => rig.operator.log.append([revoke(rig.approver, "approver's key leaked")]),
  "1.0.0 is quarantined": (rig: Rig) => rig.operator.log.append([{ type: "PluginQuarantined", subject: SUBJECT, actor: "operator", data: { pluginId: TARGET, reason: "withdrawn by its author" } } as NewEvent]),
  "1.0.0 is uninstalled": async (rig: Rig) => void (await rig.operator.runtime.hub.uninstall(TARGET, "withdrawn by its author")),
  "1.0.0 is set to T0 by the operator": (rig: Rig) => rig.operator.log.append([tierOf(TARGET, "T0", CAP)]),
} as const;
type Change = keyof typeof changes;

describe("attack: the hub changes while the slo rollback's health check runs", () => {
  it.each([
    ["unsigned", "a dependent is re-trusted (its range ^2.0.0 excludes 1.0.0)"],
    ["signed", "a dependent is re-trusted (its range ^2.0.0 excludes 1.0.0)"],
    ["unsigned", "the key that approved 1.0.0 is revoked"],
  ] as [Hub, Change][])("(%s hub) %s: the activation is refused as superseded", async (hub, change) => {
    const { rig, quarantine } = await breached(hub);
    const hook = changingAtHealthCheck(async () => void (await changes[change](rig)));
    await answer(await governor(rig, hook.sandbox), quarantine, hub);
    expect(hook.fired()).toBe(true);
    await expectSuperseded(rig, quarantine);
  }, 120_000);

  it.each([
    ["signed", "the key that approved 1.0.0 is revoked"],
    ["unsigned", "1.0.0 is quarantined"],
    ["signed", "1.0.0 is quarantined"],
    ["unsigned", "1.0.0 is uninstalled"],
    ["unsigned", "1.0.0 is set to T0 by the operator"],
  ] as [Hub, Change][])("(%s hub) %s: 1.0.0 is not activated", async (hub, change) => {
    const { rig, quarantine } = await breached(hub);
    const hook = changingAtHealthCheck(async () => void (await changes[change](rig)));
    await answer(await governor(rig, hook.sandbox), quarantine, hub);
    expect(hook.fired()).toBe(true);
    await expectNotActivated(rig, quarantine);
  }, 120_000);

  it("(unsigned hub) the operator installs 3.0.0 meanwhile: 3.0.0 keeps serving, 1.0.0 is not activated over it", async () => {
    const { rig, quarantine } = await breached("unsigned");
    const hook = changingAtHealthCheck(async () => {
      const newer = await rig.operator.runtime.hub.install(makePackage("3.0.0"), { source: "test" });
      expect(newer.ok, JSON.stringify(newer.failure)).toBe(true);
    });
    await answer(await governor(rig, hook.sandbox), quarantine, "unsigned");
    expect(hook.fired()).toBe(true);
    const o = await outcome(rig, quarantine);
    expect(o.activations).toBe(0);
    expect(o.active).toBe("double_it@3.0.0");
  }, 120_000);

  it("(signed hub) the approver's key revoked, then forged unsigned events (valid hash chain, no signature) trusting it again and restoring 1.0.0's tier: 1.0.0 is not activated", async () => {
    const { rig, quarantine } = await breached("signed");
    const hook = changingAtHealthCheck(async () => {
      await changes["the key that approved 1.0.0 is revoked"](rig);
      // Someone with write access to events.log but not the keys: the raw adapter hashes and chains, signs nothing.
      const raw = await openFileLog({ dir: rig.d.operator.dir, clock: systemClock, newId: uuidIds, actor: "operator" });
      try {
        await raw.append([trust(rig.approver)]);
        await raw.append([tierOf(TARGET, "T2", CAP), { type: "PluginStatusRestored", subject: SUBJECT, actor: "operator", data: { pluginId: TARGET, status: "inactive", tier: "T2" } } as NewEvent]);
      } finally {
        await raw.close();
      }
    });
    await answer(await governor(rig, hook.sandbox), quarantine, "signed");
    expect(hook.fired()).toBe(true);
    await expectNotActivated(rig, quarantine);
    expect((await rig.operator.readModel.current(["hub"])).states.hub.plugins[TARGET]?.tier).toBe("T0");
  }, 120_000);
});

/** Runs the governor's answer to `quarantine` in a child process the fault plan SIGKILLs at the health check. */
async function governorKilledAtHealthCheck(rig: Rig, quarantine: AnyStoredEvent): Promise<void> {
  const policyJson = JSON.stringify({ ...(rig.hub === "signed" ? { requireSignedEvents: true } : {}), slo });
  const run = await runChild({
    args: [join(import.meta.dirname, "rollback-crash-child.ts"), rig.d.operator.dir, String(quarantine.seq), String(rig.d.clock.now().getTime()), policyJson, ...(rig.hub === "signed" ? ["governor"] : [])],
    env: { CAPSMITH_FAULT: "crash:health-check" },
    timeoutMs: 90_000,
  });
  expect(run.signal, run.stderr).toBe("SIGKILL");
  const started = (await eventsOn(rig.operator.log)).filter((e) => e.seq > quarantine.seq && e.type === "InstallStarted");
  expect(started).toHaveLength(1);
}

/** The quarantine redelivered to a live governor once the dead one's lease ran out: it takes the transaction over. */
async function takenOver(rig: Rig, quarantine: AnyStoredEvent): Promise<void> {
  rig.d.clock.set(at(2, 0));
  const gov = await governor(rig);
  await answer(gov, quarantine, rig.hub);
  await answer(gov, quarantine, rig.hub);
}

describe("attack: the hub changes while the governor that started the rollback is dead", () => {
  it.each([
    ["unsigned", "a dependent is re-trusted (its range ^2.0.0 excludes 1.0.0)"],
    ["signed", "a dependent is re-trusted (its range ^2.0.0 excludes 1.0.0)"],
    ["unsigned", "the key that approved 1.0.0 is revoked"],
  ] as [Hub, Change][])("(%s hub) %s, then a takeover: the activation is refused as superseded", async (hub, change) => {
    const { rig, quarantine } = await breached(hub);
    await governorKilledAtHealthCheck(rig, quarantine);
    await changes[change](rig);
    await takenOver(rig, quarantine);
    await expectSuperseded(rig, quarantine);
  }, 120_000);

  it.each([
    ["signed", "the key that approved 1.0.0 is revoked"],
    ["unsigned", "1.0.0 is quarantined"],
    ["unsigned", "1.0.0 is uninstalled"],
  ] as [Hub, Change][])("(%s hub) %s, then a takeover: 1.0.0 is not activated", async (hub, change) => {
    const { rig, quarantine } = await breached(hub);
    await governorKilledAtHealthCheck(rig, quarantine);
    await changes[change](rig);
    await takenOver(rig, quarantine);
    await expectNotActivated(rig, quarantine);
  }, 120_000);

  it("(unsigned hub) the operator installs 3.0.0, then a takeover: 3.0.0 keeps serving", async () => {
    const { rig, quarantine } = await breached("unsigned");
    await governorKilledAtHealthCheck(rig, quarantine);
    const newer = await rig.operator.runtime.hub.install(makePackage("3.0.0"), { source: "test" });
    expect(newer.ok, JSON.stringify(newer.failure)).toBe(true);
    await takenOver(rig, quarantine);
    const o = await outcome(rig, quarantine);
    expect(o.activations).toBe(0);
    expect(o.active).toBe("double_it@3.0.0");
    expect(o.tx?.failure?.code).toBe("superseded");
  }, 120_000);
});

describe("the tier of any switch is the trust store's at its activation", () => {
  // T1: what its own evidence supports against the trust store now (tests pass, the approval no
  // longer counts), as a fresh install of it would get; on main it kept the T2 the revoked key gave.
  it("(unsigned hub) an operator's rollback to 1.0.0 (no eligibility condition) while the key that approved it is revoked: committed at T1, not at the T2 the revoked approval gave", async () => {
    const { rig } = await breached("unsigned");
    const hook = changingAtHealthCheck(async () => void (await changes["the key that approved 1.0.0 is revoked"](rig)));
    const gov = await governor(rig, hook.sandbox);
    const done = await gov.runtime.hub.switchTo(CAP, { kind: "rollback", version: "1.0.0" });
    expect(hook.fired()).toBe(true);
    expect(done.ok, JSON.stringify(done.failure)).toBe(true);
    expect(done.tier).toBe("T1");
    const hub = (await rig.operator.readModel.current(["hub"])).states.hub;
    expect(hub.capabilities[CAP]?.active).toBe(TARGET);
    expect(hub.plugins[TARGET]?.tier).toBe("T1");
  }, 120_000);
});

describe("attack: the hub changes between the slo rollback's choice and its RollbackBlocked record", () => {
  // The choice rests on a dependent's tier (another capability's subject); the record was conditional
  // on the quarantined capability's subject only, so it landed on a stale choice, and the quarantine
  // counted as answered: nothing served though a rollback fit by then.
  it("(unsigned hub) the dependent that blocked 1.0.0 is set to T0 just before the RollbackBlocked lands: the governor chooses again and rolls back to 1.0.0", async () => {
    const { rig, quarantine } = await breached("unsigned");
    await rig.operator.log.append([tierOf(DEPENDENT, "T1")]); // re-trusted: its range ^2.0.0 blocks 1.0.0
    const gov = await governor(rig);
    const ctx = gov.runtime.agents.ctx;
    let fired = 0;
    const raced = racingLog(ctx.log, { at: (e) => e.type === "RollbackBlocked", when: "before", once: true, interfere: async () => void (fired++, await rig.operator.log.append([tierOf(DEPENDENT, "T0")])) });
    await createSloRollback({ hub: gov.runtime.hub, policy: unsigned }).handle(quarantine, { ...ctx, log: raced });
    expect(fired).toBe(1);
    const o = await outcome(rig, quarantine);
    expect(o.active, "a RollbackBlocked landed on the choice the dependent's demotion made stale").toBe(TARGET);
    expect(o.tx?.outcome).toBe("committed");
  }, 120_000);

  // The calls other capabilities keep getting while the governor decides append a usage record each;
  // they change nothing the choice rests on. Conditional on the whole log alone, the record lost every one of
  // its 8 decisions to them and the quarantine went unanswered until a redelivery.
  // (Calls to another capability: the quarantined plugin's own usage is what the warrant reads, so
  // each of those makes the governor judge again; tests/hub/attack-append-while-judged.test.ts.)
  const failingCall = (n: number): NewEvent => ({ type: "PluginInvoked", subject: subjectFor("usage", "quad_it"), actor: "operator", data: { pluginId: DEPENDENT, capability: "quad_it", runId: null, ok: false, errorCode: "timeout", latencyMs: 900 + n, cpuMs: 1, heapBytes: 1 } }) as NewEvent;
  it("(unsigned hub) calls land before each of the RollbackBlocked record's first 20 tries: it lands, once", async () => {
    const { rig, quarantine } = await breached("unsigned");
    await rig.operator.log.append([tierOf(DEPENDENT, "T1")]); // re-trusted: its range ^2.0.0 blocks 1.0.0
    const gov = await governor(rig);
    const ctx = gov.runtime.agents.ctx;
    let fired = 0;
    const raced = racingLog(ctx.log, { at: (e) => e.type === "RollbackBlocked", when: "before", interfere: async () => void (++fired <= 20 && (await rig.operator.log.append([failingCall(fired)]))) });
    await createSloRollback({ hub: gov.runtime.hub, policy: unsigned }).handle(quarantine, { ...ctx, log: raced });
    expect(fired).toBe(21);
    const o = await outcome(rig, quarantine);
    expect((await eventsOn(rig.operator.log)).filter((e) => e.seq > quarantine.seq && e.type === "RollbackBlocked")).toHaveLength(1);
    expect(o.active).toBeNull();
    expect(o.starts).toBe(0);
  }, 120_000);

  it("(unsigned hub) calls land before each try, and the dependent is set to T0 among them: the governor chooses again and rolls back to 1.0.0", async () => {
    const { rig, quarantine } = await breached("unsigned");
    await rig.operator.log.append([tierOf(DEPENDENT, "T1")]);
    const gov = await governor(rig);
    const ctx = gov.runtime.agents.ctx;
    let fired = 0;
    const raced = racingLog(ctx.log, {
      at: (e) => e.type === "RollbackBlocked",
      when: "before",
      interfere: async () => {
        await rig.operator.log.append([failingCall(++fired)]);
        if (fired === 4) await rig.operator.log.append([tierOf(DEPENDENT, "T0")]);
        await rig.operator.log.append([failingCall(fired)]);
      },
    });
    await createSloRollback({ hub: gov.runtime.hub, policy: unsigned }).handle(quarantine, { ...ctx, log: raced });
    const o = await outcome(rig, quarantine);
    expect(o.active, "a RollbackBlocked landed on the choice the dependent's demotion made stale").toBe(TARGET);
    expect(o.tx?.outcome).toBe("committed");
  }, 120_000);
});

describe("attack: redeliveries after the rollback", () => {
  it("(unsigned hub) the quarantine redelivered after a rollback refused mid-transaction (1.0.0 quarantined): no second transaction, nothing activated", async () => {
    const { rig, quarantine } = await breached("unsigned");
    const hook = changingAtHealthCheck(async () => void (await changes["1.0.0 is quarantined"](rig)));
    const gov = await governor(rig, hook.sandbox);
    await answer(gov, quarantine, "unsigned");
    rig.d.clock.set(at(2, 0));
    await answer(gov, quarantine, "unsigned");
    await answer(await governor(rig), quarantine, "unsigned");
    const o = await outcome(rig, quarantine);
    expect(o.starts).toBe(1);
    expect(o.activations).toBe(0);
    expect(o.active).toBeNull();
  }, 120_000);

  it("(unsigned hub) the usage that raised the slo alert redelivered after the rollback, and the quarantine again: one alert, one quarantine, one rollback", async () => {
    const approver = generateSigningKey("approver", "operator");
    const d = await deploy(unsigned, opened, ["1.0.0", "2.0.0"], async (op) => void (await op.log.append([trust(approver)])));
    const usage = await breach(d, CAP, FAILING);
    const sloAgent = await openTestCapsmith({ dir: d.operator.dir, policy: unsigned, clock: d.clock, roles: [] });
    opened.push(sloAgent);
    await createSloAgent({ policy: unsigned }).handle(usage, sloAgent.runtime.agents.ctx);
    const rig: Rig = { hub: "unsigned", d, operator: d.operator, approver };
    const quarantine = (await eventsOn(d.operator.log)).find((e) => e.type === "PluginQuarantined")!;
    expect(quarantine).toBeDefined();
    await answer(await governor(rig), quarantine, "unsigned");
    expect((await outcome(rig, quarantine)).active).toBe(TARGET);

    d.clock.set(at(1, 30));
    await createSloAgent({ policy: unsigned }).handle(usage, sloAgent.runtime.agents.ctx);
    await answer(await governor(rig), quarantine, "unsigned");
    const o = await outcome(rig, quarantine);
    expect((await eventsOn(d.operator.log)).filter((e) => e.type === "PluginQuarantined")).toHaveLength(1);
    expect(o.starts).toBe(1);
    expect(o.activations).toBe(1);
    expect(o.active).toBe(TARGET);
  }, 120_000);
});
