/**
 * Attacker round 3 of issue 14 on two promises.
 * A: a signing log keeps an agent's predictable message ids its own (keyedOptions in src/events/seal.ts):
 *    an outsider, or a holder of another role's key, who stores a record under one first does not
 *    swallow the agent's decision; two processes holding the same key still de-duplicate.
 * B: a plugin a revocation demoted comes back only on an operator's key (signedHub in projections/hub.ts).
 * Found and fixed: a version uninstalled when its key was revoked was not marked, so a governor could
 * re-install it under its old id and activate it (demote in projections/hub.ts now marks it too).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ALL_EVENTS, subjectFor } from "../../src/events/index.ts";
import type { AnyStoredEvent, EventLog, EventSigner, NewEvent } from "../../src/events/index.ts";
import { emit } from "../../src/agents/loop/context.ts";
import type { AgentContext } from "../../src/agents/loop/context.ts";
import { approvePlugin, generateSigningKey, parsePolicy, signHash } from "../../src/hub/index.ts";
import type { SigningKey } from "../../src/hub/index.ts";
import { pack } from "../hub/fixtures.ts";
import { openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";
import { openNatsLog } from "../../src/events/nats-log.ts";
import { systemClock, uuidIds } from "../../src/platform/index.ts";
import { counterIds, steppingClock } from "../support/deterministic.ts";
import { startHardenedNats } from "../support/hardened-nats.ts";
import type { HardenedNats } from "../support/hardened-nats.ts";
import { fileFactory, natsFactory } from "../support/log-factories.ts";

const CAUSE = "evt-cause-1";
const CAP = "total_cost";
const note = (subject: string, text: string, actor?: string): NewEvent => ({ type: "OperatorNote", subject, ...(actor ? { actor } : {}), data: { text } });

async function texts(log: EventLog, filter = ALL_EVENTS): Promise<string[]> {
  const out: string[] = [];
  for await (const e of log.read(filter) as AsyncIterable<AnyStoredEvent>) if (e.type === "OperatorNote") out.push((e.data as { text: string }).text);
  return out;
}

/** Every message id an agent derives from what it reacts to, as src/agents builds them. */
const PREDICTABLE: readonly { role: string; msgId: string }[] = [
  ...["gap", "synthesizer", "tester", "governor", "runner"].map((role) => ({ role, msgId: `${role}:${CAUSE}` })), // emit() in src/agents/loop/context.ts
  { role: "slo", msgId: `slo:${CAUSE}:${CAP}` }, // slo-agent alert
  { role: "slo", msgId: `slo:quarantine:${CAUSE}` }, // slo-agent enforcement
  { role: "governor", msgId: `deadletter:governor:${CAUSE}` }, // start-agents dead letter
];

/** A process holding every role's key signs each event with its actor's (roleKeySigner's rule). */
function roleSigner(keys: Map<string, SigningKey>): EventSigner {
  return (hash, actor) => signHash(hash, keys.get(actor) ?? keys.get("operator")!);
}

describe.each([fileFactory(), natsFactory()])("promise A, message ids an outsider cannot take first: $name", (factory) => {
  const keys = new Map(["operator", "gap", "synthesizer", "tester", "governor", "runner", "slo"].map((r) => [r, generateSigningKey(r, r === "operator" ? "operator" : (r as "governor"))]));
  const opened: EventLog[] = [];
  const open = async (actor: string, sign?: EventSigner): Promise<EventLog> => {
    const log = await factory.open({ clock: steppingClock(), newId: counterIds(`${actor}-${opened.length}`), actor, ...(sign ? { sign } : {}) });
    opened.push(log);
    return log;
  };
  beforeAll(() => factory.setup());
  afterAll(() => factory.teardown());
  beforeEach(() => factory.reset());
  afterEach(async () => {
    for (const log of opened.splice(0)) await log.close();
  });

  it("an outsider without keys, and a holder of another role's key, squat every predictable id first: each agent's decision is still stored", async () => {
    const outsider = await open("outsider");
    // The tester's machine (CAPSMITH_SIGN_KEY=tester signs everything with its one key), claiming the victim's actor.
    const tester = keys.get("tester")!;
    const otherRole = await open("tester", (hash) => signHash(hash, tester));
    for (const { role, msgId } of PREDICTABLE) {
      const subject = subjectFor("gap", `${CAP}_${role}`);
      expect((await outsider.append([note(subject, `squat ${msgId}`, role)], { msgId })).duplicate).toBe(false);
      if (role !== "tester") expect((await otherRole.append([note(subject, `tester squats ${msgId}`, role)], { msgId })).duplicate).toBe(false);
    }
    const agents = await open("operator", roleSigner(keys));
    for (const { role, msgId } of PREDICTABLE) {
      const subject = subjectFor("gap", `${CAP}_${role}`);
      const decided = await agents.append([note(subject, `decision ${msgId}`, role)], { msgId });
      expect(decided.duplicate, `${msgId} was swallowed by a squatter's record`).toBe(false);
      expect(await texts(agents, subject)).toContain(`decision ${msgId}`);
    }
  });

  it("emit() — every agent's real decision path — is not swallowed by a squatted `<role>:<cause>`, and a redelivery by a second process with the same key is one record", async () => {
    const outsider = await open("outsider");
    const cause = { id: CAUSE, correlationId: CAUSE } as AnyStoredEvent;
    for (const role of ["gap", "synthesizer", "tester", "governor", "runner"]) {
      await outsider.append([note(subjectFor("gap", CAP), `squat ${role}`, role)], { msgId: `${role}:${CAUSE}` });
    }
    const first = await open("operator", roleSigner(keys));
    // A second process on another machine: CAPSMITH_SIGN_KEY=<role>, one key for everything.
    for (const role of ["gap", "synthesizer", "tester", "governor", "runner"]) {
      const ctx = { log: first } as AgentContext;
      await emit(ctx, role as "governor", cause, CAP, [{ type: "OperatorNote", data: { text: `decision ${role}` } } as Omit<NewEvent, "subject">]);
      const key = keys.get(role)!;
      const second = await open(role, (hash) => signHash(hash, key));
      await emit({ log: second } as AgentContext, role as "governor", cause, CAP, [{ type: "OperatorNote", data: { text: `decision ${role}` } } as Omit<NewEvent, "subject">]);
    }
    const stored = await texts(first, subjectFor("gap", CAP));
    for (const role of ["gap", "synthesizer", "tester", "governor", "runner"]) {
      expect(stored.filter((t) => t === `decision ${role}`), role).toHaveLength(1);
    }
  });

  it("the same decision made at once by two processes holding the same key is stored once", async () => {
    const governor = keys.get("governor")!;
    const a = await open("operator", roleSigner(keys));
    const b = await open("governor", (hash) => signHash(hash, governor));
    const cause = { id: CAUSE, correlationId: CAUSE } as AnyStoredEvent;
    const decision = [{ type: "OperatorNote", data: { text: "decision" } } as Omit<NewEvent, "subject">];
    await Promise.all([emit({ log: a } as AgentContext, "governor", cause, CAP, decision), emit({ log: b } as AgentContext, "governor", cause, CAP, decision)]);
    expect(await texts(a, subjectFor("gap", CAP))).toEqual(["decision"]);
  });

  it("a holder of another role's key cannot compute the victim's stored id even when it signs as the victim's actor", async () => {
    // The squatter holds the tester key and forges actor "governor"; the governor's id stays its own.
    const tester = keys.get("tester")!;
    const forger = await open("governor", (hash) => signHash(hash, tester));
    await forger.append([note(subjectFor("gap", CAP), "forged", "governor")], { msgId: `governor:${CAUSE}` });
    const governor = keys.get("governor")!;
    const real = await open("governor", (hash) => signHash(hash, governor));
    expect((await real.append([note(subjectFor("gap", CAP), "real", "governor")], { msgId: `governor:${CAUSE}` })).duplicate).toBe(false);
  });
});

describe("promise A on hardened NATS: each role its own credential and key", () => {
  let nats: HardenedNats;
  const logs: EventLog[] = [];
  beforeAll(async () => {
    nats = await startHardenedNats("capsmith-round3-");
  }, 120_000);
  afterAll(async () => {
    for (const log of logs) await log.close().catch(() => undefined);
    await nats?.close();
  });
  const as = async (role: string, key?: SigningKey): Promise<EventLog> => {
    const log = await openNatsLog({ url: nats.urlFor(role), clock: systemClock, newId: uuidIds, actor: role, operationTimeoutMs: 5_000, requestTimeoutMs: 2_000, ...(key ? { sign: (hash: string) => signHash(hash, key) } : {}) });
    logs.push(log);
    return log;
  };

  it("the tester (its key) and the runner (no key) squat the governor's and the gap detector's ids on a gap subject; both decisions are stored, and a second governor process's redelivery is one record", async () => {
    const cause = { id: `cause-${Date.now()}`, correlationId: "c" } as AnyStoredEvent;
    const subject = subjectFor("gap", CAP);
    const tester = await as("tester", await nats.key("tester"));
    const runner = await as("runner");
    let squats = 0;
    for (const role of ["governor", "gap"]) {
      for (const squatter of [tester, runner]) {
        const r = await squatter.append([note(subject, `squat ${role}`, role)], { msgId: `${role}:${cause.id}` });
        if (!r.duplicate) squats++;
      }
    }
    expect(squats).toBeGreaterThan(0); // the credentials may append there: the squat is real
    const decide = (role: string) => [{ type: "OperatorNote", data: { text: `decision ${role}` } } as Omit<NewEvent, "subject">];
    for (const role of ["governor", "gap"]) {
      const first = await as(role, await nats.key(role));
      await emit({ log: first } as AgentContext, role as "governor", cause, CAP, decide(role));
      const second = await as(role, await nats.key(role));
      await emit({ log: second } as AgentContext, role as "governor", cause, CAP, decide(role));
    }
    const stored = await texts(tester, subject);
    expect(stored.filter((t) => t === "decision governor")).toHaveLength(1);
    expect(stored.filter((t) => t === "decision gap")).toHaveLength(1);
  }, 120_000);
});

describe("promise B, a plugin a revocation demoted comes back only on an operator's key", () => {
  let capsmith: TestCapsmith;
  beforeEach(async () => {
    capsmith = await openTestCapsmith({ policy: parsePolicy({ requireSignedEvents: true }) });
  });
  afterEach(() => capsmith.dispose());

  const subject = subjectFor("plugin", "total_cost");
  const asGovernor = (events: NewEvent[]): Promise<unknown> => capsmith.log.append(events.map((e) => ({ ...e, subject, actor: "governor" }) as NewEvent));

  /** total_cost@0.9.0 (T1) then @1.0.0 signed by publisher acme (T3, active); returns acme. */
  async function signedVersionActive(): Promise<SigningKey> {
    const acme = generateSigningKey("acme", "publisher");
    await capsmith.log.append([{ type: "KeyTrusted", subject: subjectFor("key", acme.keyId), actor: "operator", data: { keyId: acme.keyId, publicKey: acme.publicKey, name: acme.name, role: acme.role } } as NewEvent]);
    const hub = capsmith.runtime.hub;
    expect(await hub.install(pack({ manifest: { version: "0.9.0" } }), { source: "test" })).toMatchObject({ ok: true, tier: "T1" });
    expect(await hub.install(pack({ manifest: { version: "1.0.0" } }, acme), { source: "test" })).toMatchObject({ ok: true, tier: "T3" });
    expect((await hub.state()).capabilities["total_cost"]?.active).toBe("total_cost@1.0.0");
    return acme;
  }
  const revoke = (key: SigningKey): Promise<unknown> =>
    capsmith.log.append([{ type: "KeyRevoked", subject: subjectFor("key", key.keyId), actor: "operator", data: { keyId: key.keyId, reason: "stolen" } } as NewEvent]);

  async function installStartedOf(pluginId: string): Promise<Record<string, unknown>> {
    for await (const e of capsmith.log.read(subject) as AsyncIterable<AnyStoredEvent>) {
      if (e.type === "InstallStarted" && (e.data as { pluginId: string }).pluginId === pluginId) return e.data as Record<string, unknown>;
    }
    throw new Error(`no InstallStarted for ${pluginId}`);
  }

  /** A governor's own transaction re-installing and activating `data`'s plugin, as raw events. */
  async function governorReinstalls(data: Record<string, unknown>, txId: string): Promise<void> {
    const { pluginId, capability, version } = data as { pluginId: string; capability: string; version: string };
    await asGovernor([
      { type: "InstallStarted", data: { ...data, txId, kind: "update" } },
      { type: "InstallCommitted", data: { txId, pluginId, tier: "T3" } },
      { type: "PluginActivated", data: { pluginId, capability, version, txId, reason: "update" } },
    ] as NewEvent[]);
  }

  it("a version uninstalled before its key was revoked is not re-installed and activated on a governor's word", async () => {
    const acme = await signedVersionActive();
    const original = await installStartedOf("total_cost@1.0.0");
    await capsmith.runtime.hub.uninstall("total_cost@1.0.0", "retired");
    expect((await capsmith.runtime.hub.state()).capabilities["total_cost"]?.active).toBe("total_cost@0.9.0");
    await revoke(acme);
    await governorReinstalls(original, "tx-back");
    const state = await capsmith.runtime.hub.state();
    expect(state.capabilities["total_cost"]?.active).toBe("total_cost@0.9.0");
    expect(capsmith.runtime.invoker.resolve(state, "total_cost")?.id).toBe("total_cost@0.9.0");
  });

  it("a version the revoked key signed, re-installed after an uninstall that followed the revocation, stays out of service", async () => {
    const acme = await signedVersionActive();
    const original = await installStartedOf("total_cost@1.0.0");
    await revoke(acme);
    await asGovernor([{ type: "PluginUninstalled", data: { pluginId: "total_cost@1.0.0", capability: "total_cost", reason: "retired" } } as NewEvent]);
    await governorReinstalls(original, "tx-back");
    const state = await capsmith.runtime.hub.state();
    expect(state.capabilities["total_cost"]?.active).toBe("total_cost@0.9.0");
  });

  it("a new version id carrying the revoked key's signature does not serve on a governor's word (held by trust_downgrade: the install is ignored)", async () => {
    const acme = await signedVersionActive();
    await revoke(acme);
    const fresh = pack({ manifest: { version: "1.0.1" } }, acme);
    const original = await installStartedOf("total_cost@1.0.0");
    await governorReinstalls({ ...original, pluginId: "total_cost@1.0.1", version: "1.0.1", package: fresh }, "tx-new");
    const state = await capsmith.runtime.hub.state();
    expect(state.capabilities["total_cost"]?.active).toBe("total_cost@0.9.0");
  });

  it("a governor's rollback chain (deactivate, roll back to it, restore its status, re-commit its tier) leaves the revoked version out of service", async () => {
    const acme = await signedVersionActive();
    await revoke(acme);
    const revoked = { pluginId: "total_cost@1.0.0", capability: "total_cost", version: "1.0.0" };
    await asGovernor([
      { type: "PluginDeactivated", data: { pluginId: "total_cost@0.9.0", capability: "total_cost", version: "0.9.0", txId: "tx-r", reason: "rollback" } },
      { type: "InstallRolledBack", data: { txId: "tx-r", pluginId: "total_cost@0.9.0", phase: "activate", code: "x", message: "x", restored: revoked.pluginId } },
      { type: "PluginStatusRestored", data: { pluginId: revoked.pluginId, status: "inactive", tier: "T3" } },
      { type: "InstallCommitted", data: { txId: "tx-r", pluginId: revoked.pluginId, tier: "T3" } },
    ] as NewEvent[]);
    const state = await capsmith.runtime.hub.state();
    expect(state.capabilities["total_cost"]?.active ?? null).not.toBe(revoked.pluginId);
    expect(state.plugins[revoked.pluginId]).toMatchObject({ tier: "T0", status: "rolled_back" });
    expect(capsmith.runtime.invoker.resolve(state, "total_cost")?.id).not.toBe(revoked.pluginId);
  });

  it("a package signed by a key revoked before its install does not enter the hub on a governor's word, in a capability that key never signed", async () => {
    const beta = generateSigningKey("beta", "publisher");
    await capsmith.log.append([{ type: "KeyTrusted", subject: subjectFor("key", beta.keyId), actor: "operator", data: { keyId: beta.keyId, publicKey: beta.publicKey, name: beta.name, role: beta.role } } as NewEvent]);
    expect(await capsmith.runtime.hub.install(pack({ manifest: { version: "0.9.0" } }), { source: "test" })).toMatchObject({ ok: true, tier: "T1" });
    await revoke(beta);
    const pkg = pack({ manifest: { version: "2.0.0" } }, beta);
    await governorReinstalls({ pluginId: "total_cost@2.0.0", capability: "total_cost", version: "2.0.0", previousActive: "total_cost@0.9.0", source: "test", package: pkg }, "tx-revoked-signer");
    const state = await capsmith.runtime.hub.state();
    expect(state.plugins["total_cost@2.0.0"]).toBeUndefined();
    expect(state.capabilities["total_cost"]?.active).toBe("total_cost@0.9.0");
  });

  it("a revocation of a key that only approved the plugin: a governor's activation of it is ignored", async () => {
    const boss = generateSigningKey("boss", "operator");
    await capsmith.log.append([{ type: "KeyTrusted", subject: subjectFor("key", boss.keyId), actor: "operator", data: { keyId: boss.keyId, publicKey: boss.publicKey, name: boss.name, role: boss.role } } as NewEvent]);
    const hub = capsmith.runtime.hub;
    await hub.install(pack({ manifest: { version: "0.9.0" } }), { source: "test" });
    await hub.install(pack({ manifest: { version: "1.0.0" } }), { source: "test" });
    const checksum = String((await hub.state()).plugins["total_cost@1.0.0"]!.manifest["checksum"]);
    await approvePlugin(capsmith.log, capsmith.readModel, { pluginId: "total_cost@1.0.0", checksum, pending: false }, boss);
    await revoke(boss);
    // hub.state() is folded in place: take what the revocation left as values, not a reference.
    const after = await hub.state();
    expect(after.plugins["total_cost@1.0.0"]?.revokedTrust).toBe(boss.keyId);
    expect(after.capabilities["total_cost"]?.active).toBe("total_cost@0.9.0");
    await asGovernor([{ type: "PluginActivated", data: { pluginId: "total_cost@1.0.0", capability: "total_cost", version: "1.0.0", txId: "tx-x", reason: "update" } } as NewEvent]);
    expect((await hub.state()).capabilities["total_cost"]?.active).toBe("total_cost@0.9.0");
  });
});
