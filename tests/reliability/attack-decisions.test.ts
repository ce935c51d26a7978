/**
 * Attacks on the decision promises of attack-slo-approvals (docs/architecture.md "Redelivery: one
 * effect per decision"): the first operator decision on a held gap decides it (governor
 * `decidedBefore`), and an slo rollback activates only a version still eligible to serve
 * (`whileEligible`). An attacker puts a decision that should not count first in the log (forged,
 * by a key not trusted when it was made, for another plugin or package) and looks for the real
 * operator's decision to be ignored, or withdraws the rollback's target by revoking its key while
 * a governor is stalled on it; or races two governors on one hold, one installing an approval it
 * claimed (src/agents/hold-claim.ts), the other taking a rejection, and kills the claimant. A real
 * `nats-server -js` (and the embedded file log where a test is named so); every wait polls a condition.
 */
import { afterEach, describe, expect, it } from "vitest";
import { closeRig, ctxOf, currentRig, openRig, pluginIdOf, stalledAt } from "../support/decision-rig.ts";
import { createGovernor } from "../../src/agents/governor.ts";
import { claimHold } from "../../src/agents/hold-claim.ts";
import { createSloAgent } from "../../src/agents/slo-agent.ts";
import { createSloRollback } from "../../src/agents/slo-rollback.ts";
import type { AgentContext, Reactor } from "../../src/agents/loop/context.ts";
import { subjectFor } from "../../src/events/index.ts";
import type { AnyStoredEvent, EventLog, NewEvent } from "../../src/events/index.ts";
import { approvalCandidate, approvePlugin, generateSigningKey, parsePolicy, rejectPlugin, signApproval, signHash } from "../../src/hub/index.ts";
import type { HubService, SigningKey } from "../../src/hub/index.ts";
import { TEST_HOST_VERSION } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";
import { readAll, until } from "../support/daemon-fleet.ts";
import { makePackage } from "../support/plugin-packages.ts";
import { loadTask } from "../support/tasks.ts";
import { breach } from "../slo/rollback-processes.ts";
import { checkDecision } from "../../projections/index.ts";

afterEach(closeRig);

const trust = (key: SigningKey): NewEvent => ({ type: "KeyTrusted", subject: subjectFor("key", key.keyId), data: { keyId: key.keyId, publicKey: key.publicKey, name: key.name, role: key.role } }) as NewEvent;
const revoke = (key: SigningKey, reason: string): NewEvent => ({ type: "KeyRevoked", subject: subjectFor("key", key.keyId), data: { keyId: key.keyId, reason } }) as NewEvent;

// ---------------------------------------------------------------------------------------------
// The governor: a decision that should not count, first on the hold

const HELD = "total_cost";
const HELD_ID = "total_cost@1.0.0";
const GAP_SUBJECT = subjectFor("gap", HELD);
const holdPolicy = parsePolicy({ approvalRequired: { profiles: ["node"], permissions: [] } });

interface Held {
  loop: TestCapsmith;
  govA: TestCapsmith;
  govB: TestCapsmith;
  operatorKey: SigningKey;
  checksum: string;
}

const governor = (c: TestCapsmith, hub: HubService = c.runtime.hub): Reactor => createGovernor({ hub, policy: holdPolicy, hostVersion: TEST_HOST_VERSION });

async function gapEvents(log: EventLog, type?: string): Promise<AnyStoredEvent[]> {
  return (await readAll(log)).filter((e) => e.subject === GAP_SUBJECT && (type === undefined || e.type === type));
}

/** total_cost requested and held by policy for an operator (the hold by govA), an operator key trusted. */
async function heldRig(backend: "nats" | "file" = "nats"): Promise<Held> {
  const r = await openRig(backend);
  const loop = await r.open(holdPolicy, ["gap", "synthesizer", "tester"]);
  const operatorKey = generateSigningKey("ops", "operator");
  await loop.log.append([trust(operatorKey)]);
  const h: Held = { loop, govA: await r.open(holdPolicy), govB: await r.open(holdPolicy), operatorKey, checksum: "" };
  await holdAgain(h, "first");
  return h;
}

/** Requests total_cost (as `requestId`) and lets the gap run until policy holds its plugin (govA's hold). */
async function holdAgain(h: Held, requestId: string): Promise<void> {
  const { loop, govA } = h;
  const { capability: _c, ...spec } = loadTask(HELD);
  const before = (await gapEvents(loop.log, "PluginTested")).length;
  await loop.log.append([{ type: "CapabilityRequested", subject: GAP_SUBJECT, data: { requestId, capability: HELD, spec, source: "cli", runId: null, stepId: null, backend: "example" } } as NewEvent]);
  await until(async () => (await gapEvents(loop.log, "PluginTested")).length > before, 60_000, "the draft to be tested");
  const tested = (await gapEvents(loop.log, "PluginTested")).at(-1)!;
  await governor(govA).handle(tested, ctxOf(govA));
  await until(async () => (await loop.readModel.current(["gaps"])).states.gaps.gaps[(tested.data as { gapId: string }).gapId]?.status === "awaiting_approval", 30_000, "the hold");
  h.checksum = (await approvalCandidate(loop.readModel, HELD_ID)).checksum;
}

/** Appends a PluginApproved as any writer of the gap subject can (no trust-store check on the way in). */
async function rawApproval(h: Held, data: { pluginId: string; keyId: string; signature: string }): Promise<AnyStoredEvent> {
  const { seq } = await h.loop.log.append([{ type: "PluginApproved", subject: GAP_SUBJECT, actor: "operator", data } as NewEvent]);
  return (await gapEvents(h.loop.log)).find((e) => e.seq === seq)!;
}

async function approve(h: Held, key: SigningKey = h.operatorKey): Promise<AnyStoredEvent> {
  const { seq } = await approvePlugin(h.loop.log, h.loop.readModel, { pluginId: HELD_ID, checksum: h.checksum, pending: true }, key);
  return (await gapEvents(h.loop.log)).find((e) => e.seq === seq)!;
}

async function reject(h: Held, reason: string): Promise<AnyStoredEvent> {
  const { seq } = await rejectPlugin(h.loop.log, { pluginId: HELD_ID, pending: true }, [reason]);
  return (await gapEvents(h.loop.log)).find((e) => e.seq === seq)!;
}

const outcomes = async (h: Held): Promise<string[]> => (await gapEvents(h.loop.log, "GapClosed")).map((e) => `${(e.data as { outcome: string }).outcome}: ${(e.data as { reason: string }).reason}`);
const installsOf = async (log: EventLog): Promise<AnyStoredEvent[]> => (await readAll(log)).filter((e) => e.type === "InstallStarted" && pluginIdOf(e) === HELD_ID);
const heldActive = async (c: TestCapsmith): Promise<string | null | undefined> => (await c.readModel.current(["hub"])).states.hub.capabilities[HELD]?.active;

/** Every delivery in `events`, to both governors, in log order: what a fleet does with them. */
async function deliverAll(h: Held, events: AnyStoredEvent[]): Promise<void> {
  for (const e of events) for (const g of [h.govA, h.govB]) await governor(g).handle(e, ctxOf(g)).catch(() => undefined);
}

/** A connection that signs what it appends with `key`, writing as `actor` (its role by default). */
function signedLog(key: SigningKey, actor: string = key.role): Promise<EventLog> {
  return currentRig().openLog({ actor, sign: (hash) => signHash(hash, key) });
}

/** The operator's approval as signed events require it: the event signed by the operator's key. */
async function signedApproval(h: Held): Promise<AnyStoredEvent> {
  const { seq } = await approvePlugin(await signedLog(h.operatorKey), h.loop.readModel, { pluginId: HELD_ID, checksum: h.checksum, pending: true }, h.operatorKey);
  return (await gapEvents(h.loop.log)).find((e) => e.seq === seq)!;
}

/**
 * With signed events required, the read model admits a decision only when a trusted key of a role
 * allowed to make it signed it (by the trust store now), and the agents' subscription delivers only
 * what it admits: `admits` as such a read model's, and delivery to both governors through it.
 */
function signedCtx(c: TestCapsmith): AgentContext {
  const base = ctxOf(c);
  const admits = async (e: AnyStoredEvent): Promise<boolean> => (await base.readModel.admits(e)) && checkDecision(e, (await base.readModel.state("keys")).keys).ok;
  return { ...base, readModel: { ...base.readModel, admits } };
}
async function deliverSigned(h: Held, events: AnyStoredEvent[]): Promise<void> {
  for (const e of events) for (const g of [h.govA, h.govB]) if (await signedCtx(g).readModel.admits(e)) await governor(g).handle(e, signedCtx(g)).catch(() => undefined);
}

describe("a decision that should not count, first on a held gap", () => {
  it("forged approvals first (tampered signature, untrusted key, publisher key, another plugin id, another package's checksum), then the operator's rejection: the rejection decides", async () => {
    const h = await heldRig();
    const stranger = generateSigningKey("stranger", "operator");
    const publisher = generateSigningKey("pub", "publisher");
    await h.loop.log.append([trust(publisher)]);
    const good = signApproval({ pluginId: HELD_ID, checksum: h.checksum }, h.operatorKey);
    const forged = [
      await rawApproval(h, { pluginId: HELD_ID, keyId: good.keyId, signature: `${good.signature.slice(0, -4)}AAAA` }),
      await rawApproval(h, { pluginId: HELD_ID, ...signApproval({ pluginId: HELD_ID, checksum: h.checksum }, stranger) }),
      await rawApproval(h, { pluginId: HELD_ID, ...signApproval({ pluginId: HELD_ID, checksum: h.checksum }, publisher) }),
      await rawApproval(h, { pluginId: HELD_ID, ...signApproval({ pluginId: HELD_ID, checksum: "sha256:0000" }, h.operatorKey) }),
      // Signed for 2.0.0 and relabelled as 1.0.0: the signature says 2.0.0.
      await rawApproval(h, { pluginId: HELD_ID, ...signApproval({ pluginId: "total_cost@2.0.0", checksum: h.checksum }, h.operatorKey) }),
    ];
    const rejection = await reject(h, "not this one");
    await deliverAll(h, [...forged, rejection]);

    expect(await outcomes(h)).toEqual([expect.stringContaining("not this one")]);
    expect(await installsOf(h.loop.log)).toEqual([]);
  }, 90_000);

  it("an approval of another plugin id first (signed for it), then the operator's approval: published", async () => {
    const h = await heldRig();
    const other = await rawApproval(h, { pluginId: "total_cost@2.0.0", ...signApproval({ pluginId: "total_cost@2.0.0", checksum: h.checksum }, h.operatorKey) });
    const approval = await approve(h);
    await deliverAll(h, [other, approval]);

    expect(await outcomes(h)).toEqual([expect.stringMatching(/^published/)]);
    expect(await installsOf(h.loop.log)).toHaveLength(1);
    expect(await heldActive(h.loop)).toBe(HELD_ID);
  }, 90_000);

  it("an approval by a key trusted only after it was made (ignored when delivered), then the operator's rejection: the rejection decides, the gap does not stay held", async () => {
    const h = await heldRig();
    const late = generateSigningKey("late", "operator");
    const early = await rawApproval(h, { pluginId: HELD_ID, ...signApproval({ pluginId: HELD_ID, checksum: h.checksum }, late) });
    await deliverAll(h, [early]);
    expect(await outcomes(h)).toEqual([]);
    // The key is trusted afterwards (another operator's, say): it does not make the earlier approval count.
    await h.loop.log.append([trust(late)]);
    const rejection = await reject(h, "not this one");
    await deliverAll(h, [rejection]);

    expect(await outcomes(h)).toEqual([expect.stringContaining("not this one")]);
    // Nor does a late redelivery of that approval install anything.
    await deliverAll(h, [early]);
    expect(await installsOf(h.loop.log)).toEqual([]);
  }, 90_000);

  it("an approval by a key revoked before any governor took it, then the operator's rejection: rejected, nothing installed", async () => {
    const h = await heldRig();
    const stolen = generateSigningKey("stolen", "operator");
    await h.loop.log.append([trust(stolen)]);
    const approval = await approve(h, stolen);
    await h.loop.log.append([revoke(stolen, "laptop stolen")]);
    const rejection = await reject(h, "the approval was the thief's");
    await deliverAll(h, [approval, rejection]);

    expect(await outcomes(h)).toEqual([expect.stringContaining("the approval was the thief's")]);
    expect(await installsOf(h.loop.log)).toEqual([]);
  }, 90_000);

  it("a rejection of another version of the capability first, then the operator's approval: published", async () => {
    const h = await heldRig();
    const { seq } = await rejectPlugin(h.loop.log, { pluginId: "total_cost@2.0.0", pending: true }, ["not that one"]);
    const other = (await gapEvents(h.loop.log)).find((e) => e.seq === seq)!;
    const approval = await approve(h);
    await deliverAll(h, [other, approval]);

    expect(await outcomes(h)).toEqual([expect.stringMatching(/^published/)]);
    expect(await heldActive(h.loop)).toBe(HELD_ID);
  }, 90_000);

  it("with signed events required, a rejection signed by a governor key trusted only after it was made, then the operator's approval: published", async () => {
    const h = await heldRig();
    const governorKey = generateSigningKey("gov", "governor");
    const { seq } = await (await signedLog(governorKey)).append([{ type: "PluginRejected", subject: GAP_SUBJECT, actor: "governor", data: { pluginId: HELD_ID, reasons: ["signed before its key was trusted"] } } as NewEvent]);
    const early = (await gapEvents(h.loop.log)).find((e) => e.seq === seq)!;
    await deliverSigned(h, [early]);
    expect(await outcomes(h)).toEqual([]);
    // The key is trusted afterwards (a new governor daemon's): the rejection made before does not count.
    await h.loop.log.append([trust(governorKey)]);
    const approval = await signedApproval(h);
    await deliverSigned(h, [early, approval]); // the rejection redelivered late, then the operator's approval

    expect(await outcomes(h)).toEqual([expect.stringMatching(/^published/)]);
    expect(await heldActive(h.loop)).toBe(HELD_ID);
  }, 90_000);

  it("with signed events required, rejections by credentials that may not reject (a runner's key; a governor's key writing as the operator) first, then the operator's approval: published", async () => {
    const h = await heldRig();
    const runnerKey = generateSigningKey("runner", "runner");
    const governorKey = generateSigningKey("gov", "governor");
    for (const key of [runnerKey, governorKey]) await h.loop.log.append([trust(key)]);
    const forged: AnyStoredEvent[] = [];
    for (const [key, actor] of [[runnerKey, "runner"], [governorKey, "operator"]] as const) {
      const { seq } = await (await signedLog(key, actor)).append([{ type: "PluginRejected", subject: GAP_SUBJECT, actor, data: { pluginId: HELD_ID, reasons: [`by ${actor} with a ${key.role} key`] } } as NewEvent]);
      forged.push((await gapEvents(h.loop.log)).find((e) => e.seq === seq)!);
    }
    const approval = await signedApproval(h);
    await deliverSigned(h, [...forged, approval]);

    expect(await outcomes(h)).toEqual([expect.stringMatching(/^published/)]);
    expect(await heldActive(h.loop)).toBe(HELD_ID);
  }, 90_000);

  it("a hold rejected, the capability requested again and the same version held anew: the earlier rejection does not decide the new hold, the operator's approval does", async () => {
    const h = await heldRig();
    const first = await reject(h, "not the first draft");
    await deliverAll(h, [first]);
    expect(await outcomes(h)).toEqual([expect.stringContaining("not the first draft")]);
    await holdAgain(h, "second");
    const approval = await approve(h);
    await deliverAll(h, [first, approval]);

    expect((await outcomes(h)).map((o) => o.split(":")[0])).toEqual(["rejected", "published"]);
    expect(await heldActive(h.loop)).toBe(HELD_ID);
  }, 120_000);

  // Promise 1, "governors in parallel reach the same answer": govA verified the approval before the
  // revocation; govB, after it, no longer counts the approval. govA claims the hold (HoldClaimed, on
  // the gap's head) before it installs, so govB sees the hold decided and stands down; had govB's
  // rejection closed the gap first, govA's claim would fail and nothing would be installed.
  it.each(["nats", "file"] as const)("(%s) an approval a governor verified and is installing when its key is revoked and the operator rejects, taken by another governor: one answer", async (backend) => {
    const h = await heldRig(backend);
    const stolen = generateSigningKey("stolen", "operator");
    await h.loop.log.append([trust(stolen)]);
    const approval = await approve(h, stolen);
    const stall = stalledAt(h.govA.runtime.hub, "install");
    const approving = governor(h.govA, stall.hub).handle(approval, ctxOf(h.govA));
    await until(stall.reached, 30_000, "govA to start the install");
    await h.loop.log.append([revoke(stolen, "laptop stolen")]);
    const rejection = await reject(h, "the approval was the thief's");
    await governor(h.govB).handle(rejection, ctxOf(h.govB)).catch(() => undefined);
    expect(await outcomes(h)).toEqual([]); // govB stood down on the claim
    stall.release();
    await approving.catch(() => undefined);
    await deliverAll(h, [approval, rejection]);

    const closed = await outcomes(h);
    expect(closed).toHaveLength(1);
    // Installed and serving only if the gap says published; rejected and nothing serves otherwise.
    expect(await heldActive(h.loop) === HELD_ID).toBe(closed[0]!.startsWith("published"));
    expect(await installsOf(h.loop.log)).toHaveLength(closed[0]!.startsWith("published") ? 1 : 0);
  }, 90_000);

  it("the other order: the rejection closes the hold while a governor judges an approval it verified before the key's revocation; its claim on the head it read fails, nothing is installed", async () => {
    const h = await heldRig();
    const stolen = generateSigningKey("stolen", "operator");
    await h.loop.log.append([trust(stolen)]);
    const approval = await approve(h, stolen);
    // govA read the gap's head and the held gap, and verified the approval, before what follows.
    const head = (await h.govA.log.subjectHead(GAP_SUBJECT))!.seq;
    const judged = { ...Object.values((await h.govA.readModel.current(["gaps"])).states.gaps.gaps).find((g) => g.pluginId === HELD_ID)! };
    expect(judged).toMatchObject({ status: "awaiting_approval", claimedBy: null });
    await h.loop.log.append([revoke(stolen, "laptop stolen")]);
    const rejection = await reject(h, "the approval was the thief's");
    await governor(h.govB).handle(rejection, ctxOf(h.govB));
    expect(await claimHold(ctxOf(h.govA), approval, judged, head)).toBe(false);
    await deliverAll(h, [approval, rejection]);

    expect(await outcomes(h)).toEqual([expect.stringContaining("the approval was the thief's")]);
    expect(await installsOf(h.loop.log)).toEqual([]);
    expect(await gapEvents(h.loop.log, "HoldClaimed")).toEqual([]);
  }, 90_000);

  // A governor that claimed the hold and died (its install never started: the stall is never
  // released while the others act) leaves the approval unacknowledged; the log redelivers it to
  // another governor, which carries the claimed decision out. A claim that expired instead would
  // hand a governor that merely stalled past the timeout a hold it no longer owns.
  it.each(["nats", "file"] as const)("(%s) a governor that claimed a hold and died: the operator's later rejection changes nothing, the approval redelivered to another governor publishes it, once", async (backend) => {
    const h = await heldRig(backend);
    const approval = await approve(h);
    const stall = stalledAt(h.govA.runtime.hub, "install");
    const dying = governor(h.govA, stall.hub).handle(approval, ctxOf(h.govA));
    await until(stall.reached, 30_000, "govA to claim the hold and start the install");
    expect((await gapEvents(h.loop.log, "HoldClaimed")).map((e) => (e.data as { decisionId: string }).decisionId)).toEqual([approval.id]);
    const rejection = await reject(h, "too late");
    await deliverAll(h, [rejection]);
    expect(await outcomes(h)).toEqual([]);
    // The redelivery, to govB only: govA is dead.
    await governor(h.govB).handle(approval, ctxOf(h.govB));

    expect(await outcomes(h)).toEqual([expect.stringMatching(/^published/)]);
    expect(await heldActive(h.loop)).toBe(HELD_ID);
    // Had govA only stalled, waking changes nothing: one transaction, one answer.
    stall.release();
    await dying.catch(() => undefined);
    await deliverAll(h, [approval, rejection]);
    expect(await outcomes(h)).toHaveLength(1);
    expect(await installsOf(h.loop.log)).toHaveLength(1);
  }, 90_000);
});

// ---------------------------------------------------------------------------------------------
// The slo rollback: its target's key revoked while a governor is stalled on it

const CAP = "double_it";
const PLUGIN_SUBJECT = subjectFor("plugin", CAP);
const PREVIOUS = "double_it@1.0.0";
const FAILING = "double_it@2.0.0";
const sloPolicy = parsePolicy({ slo: { budgets: { [CAP]: { latencyP95Ms: 50 } }, onBreach: { action: "rollback", consecutiveWindows: 1 } } });
const activeOf = async (c: TestCapsmith): Promise<string | null | undefined> => (await c.readModel.current(["hub"])).states.hub.capabilities[CAP]?.active;

describe("an slo rollback whose target's key is revoked as it starts", () => {
  it("a governor stalled between choosing 1.0.0 and activating it, while the key that approved 1.0.0 is revoked (and trusted again): 1.0.0 is not activated", async () => {
    const r = await openRig();
    const operator = await r.open(sloPolicy);
    const approver = generateSigningKey("approver", "operator");
    await operator.log.append([trust(approver)]);
    for (const v of ["1.0.0", "2.0.0"]) {
      const outcome = await operator.runtime.hub.install(makePackage(v), { source: "test" });
      expect(outcome.ok, JSON.stringify(outcome.failure)).toBe(true);
    }
    // 1.0.0 rests on the approver's key: its revocation puts 1.0.0 at T0.
    const { checksum } = await approvalCandidate(operator.readModel, PREVIOUS);
    await approvePlugin(operator.log, operator.readModel, { pluginId: PREVIOUS, checksum, pending: false }, approver);
    const usage = await breach({ operator, clock: r.clock }, CAP, FAILING);
    const [slo, gov] = [await r.open(sloPolicy), await r.open(sloPolicy)];
    await createSloAgent({ policy: sloPolicy }).handle(usage, ctxOf(slo));
    const quarantine = (await readAll(operator.log)).find((e) => e.type === "PluginQuarantined" && e.subject === PLUGIN_SUBJECT)!;
    expect(quarantine).toBeDefined();

    const stall = stalledAt(gov.runtime.hub, "switchTo");
    const handling = createSloRollback({ hub: stall.hub, policy: sloPolicy }).handle(quarantine, ctxOf(gov));
    await until(stall.reached, 30_000, "the governor to choose its rollback");
    await operator.log.append([revoke(approver, "approver's key leaked")]);
    await operator.log.append([trust(approver)]); // a revocation is for good: this changes nothing
    stall.release();
    await handling.catch(() => undefined);
    const rollback = createSloRollback({ hub: gov.runtime.hub, policy: sloPolicy });
    await rollback.handle(quarantine, ctxOf(gov)).catch(() => undefined);

    const after = (await readAll(operator.log)).filter((e) => e.subject === PLUGIN_SUBJECT && e.seq > quarantine.seq);
    expect(after.filter((e) => e.type === "PluginActivated" && pluginIdOf(e) === PREVIOUS)).toEqual([]);
    expect(await activeOf(operator)).toBeNull();
    expect(after.filter((e) => e.type === "RollbackBlocked")).toHaveLength(1);
  }, 60_000);
});
