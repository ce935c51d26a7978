/**
 * Attacks on the scale-out promises (README "Scale-out", Reliability table) where the daemon attack
 * (attack-daemons.test.ts) did not go: late and double deliveries to the slo agent and its rollback,
 * and to the governor of an operator's approval. Daemons of one role share its work; an event a
 * daemon stalled on is redelivered to another; nothing is lost or applied twice.
 * A real `nats-server -js` (its duplicate window 1 s, as production's 2 min after a long stall) and
 * the agents' own reactors, each "daemon" its own capsmith on its own connection and data directory.
 * A stall is a reactor started on an event and held at one step (a hub call gated by the test) or a
 * reactor handed the event late; a daemon killed mid-work is one whose append fails. Every wait polls
 * for a condition; nothing asserts on time.
 */
import { afterEach, describe, expect, it } from "vitest";
import { closeRig, ctxOf, openRig, pastDuplicateWindow, pluginIdOf, stalledAt } from "../support/decision-rig.ts";
import type { Rig } from "../support/decision-rig.ts";
import { createGovernor } from "../../src/agents/governor.ts";
import { createSloAgent } from "../../src/agents/slo-agent.ts";
import { createSloRollback } from "../../src/agents/slo-rollback.ts";
import type { AgentContext, Reactor } from "../../src/agents/loop/context.ts";
import { subjectFor } from "../../src/events/index.ts";
import type { AnyStoredEvent, EventLog, NewEvent } from "../../src/events/index.ts";
import { approvalCandidate, approvePlugin, generateSigningKey, parsePolicy, rejectPlugin } from "../../src/hub/index.ts";
import type { HubService } from "../../src/hub/index.ts";
import { TEST_HOST_VERSION } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";
import { readAll, until } from "../support/daemon-fleet.ts";
import { makePackage } from "../support/plugin-packages.ts";
import { loadTask } from "../support/tasks.ts";
import { breach } from "../slo/rollback-processes.ts";

afterEach(closeRig);

// ---------------------------------------------------------------------------------------------
// The slo agent and its rollback

const CAP = "double_it";
const PLUGIN_SUBJECT = subjectFor("plugin", CAP);
const FAILING = "double_it@2.0.0";
const PREVIOUS = "double_it@1.0.0";
const sloPolicy = parsePolicy({ slo: { budgets: { [CAP]: { latencyP95Ms: 50 } }, onBreach: { action: "rollback", consecutiveWindows: 1 } } });

/** An operator process with double_it `versions` installed in order (the last active). */
async function deployment(r: Rig, versions: string[]): Promise<TestCapsmith> {
  const operator = await r.open(sloPolicy);
  for (const v of versions) {
    const outcome = await operator.runtime.hub.install(makePackage(v), { source: "test" });
    expect(outcome.ok, JSON.stringify(outcome.failure)).toBe(true);
  }
  return operator;
}

async function pluginEvents(log: EventLog, fromSeq = 0): Promise<AnyStoredEvent[]> {
  return (await readAll(log)).filter((e) => e.subject === PLUGIN_SUBJECT && e.seq > fromSeq);
}
const count = (events: AnyStoredEvent[], type: string, pluginId?: string): number => events.filter((e) => e.type === type && (pluginId === undefined || pluginIdOf(e) === pluginId)).length;
const rollbackStarts = (events: AnyStoredEvent[]): AnyStoredEvent[] => events.filter((e) => e.type === "InstallStarted" && (e.data as { kind: string }).kind === "rollback");
const activeOf = async (c: TestCapsmith): Promise<string | null | undefined> => (await c.readModel.current(["hub"])).states.hub.capabilities[CAP]?.active;

/** The governor's answer to every rollback quarantine in the log, as a governor daemon gives it. */
async function governorAnswers(gov: TestCapsmith, rollback: Reactor = createSloRollback({ hub: gov.runtime.hub, policy: sloPolicy })): Promise<void> {
  for (const q of (await pluginEvents(gov.log)).filter((e) => e.type === "PluginQuarantined")) await rollback.handle(q, ctxOf(gov));
}

describe("late and double deliveries to the slo agent", () => {
  it("two slo daemons judging one breach at once, then each again: one alert, one quarantine, one rollback", async () => {
    const r = await openRig();
    const operator = await deployment(r, ["1.0.0", "2.0.0"]);
    const usage = await breach({ operator, clock: r.clock }, CAP, FAILING);
    const [a, b, gov] = [await r.open(sloPolicy), await r.open(sloPolicy), await r.open(sloPolicy)];
    const [sloA, sloB] = [createSloAgent({ policy: sloPolicy }), createSloAgent({ policy: sloPolicy })];

    const first = await Promise.allSettled([sloA.handle(usage, ctxOf(a)), sloB.handle(usage, ctxOf(b))]);
    // A daemon whose decision lost a race fails its delivery; the redelivery (to either) decides again.
    await sloA.handle(usage, ctxOf(a));
    await sloB.handle(usage, ctxOf(b));
    await governorAnswers(gov);
    await governorAnswers(gov);

    const all = await readAll(operator.log);
    const events = await pluginEvents(operator.log, usage.seq);
    expect(all.filter((e) => e.type === "AlertRaised" && (e.data as { rule: string }).rule === "budget_breach"), JSON.stringify(first)).toHaveLength(1);
    expect(count(events, "PluginQuarantined", FAILING)).toBe(1);
    expect(rollbackStarts(events)).toHaveLength(1);
    expect(count(events, "PluginActivated", PREVIOUS)).toBe(1);
    expect(await activeOf(operator)).toBe(PREVIOUS);
  }, 60_000);

  it("an slo daemon woken past the duplicate window, after the breach was acted on and the operator put 2.0.0 back: quarantines nothing", async () => {
    const r = await openRig();
    const operator = await deployment(r, ["1.0.0", "2.0.0"]);
    const usage = await breach({ operator, clock: r.clock }, CAP, FAILING);
    const [stale, live, gov] = [await r.open(sloPolicy), await r.open(sloPolicy), await r.open(sloPolicy)];

    // The usage event's first daemon stalls before judging it; the redelivery acts on the breach.
    await createSloAgent({ policy: sloPolicy }).handle(usage, ctxOf(live));
    await governorAnswers(gov);
    expect(await activeOf(operator)).toBe(PREVIOUS);

    // The operator decides 2.0.0 serves after all: restores it and activates it by name.
    await operator.log.append([{ type: "PluginStatusRestored", subject: PLUGIN_SUBJECT, actor: "operator", data: { pluginId: FAILING, status: "inactive", tier: "T1" } } as NewEvent]);
    const back = await operator.runtime.hub.switchTo(CAP, { kind: "update", version: "2.0.0" });
    expect(back.ok, JSON.stringify(back.failure)).toBe(true);
    const decided = (await operator.log.subjectHead(PLUGIN_SUBJECT))!.seq;
    await pastDuplicateWindow();

    await createSloAgent({ policy: sloPolicy }).handle(usage, ctxOf(stale));
    await governorAnswers(gov);
    expect(await pluginEvents(operator.log, decided)).toEqual([]);
    expect(await activeOf(operator)).toBe(FAILING);
  }, 60_000);

  it("an slo daemon killed between the alert and the quarantine, redelivered after a newer install replaced the breaching version: quarantines nothing, rolls back nothing", async () => {
    const r = await openRig();
    const operator = await deployment(r, ["1.0.0", "2.0.0"]);
    const usage = await breach({ operator, clock: r.clock }, CAP, FAILING);
    const [dying, live, gov] = [await r.open(sloPolicy), await r.open(sloPolicy), await r.open(sloPolicy)];

    // Its quarantine never reaches the log: the process died after raising the alert.
    const base = ctxOf(dying);
    const killed: AgentContext = {
      ...base,
      log: { ...base.log, append: (events, options) => (events.some((e) => e.type === "PluginQuarantined") ? Promise.reject(new Error("killed")) : base.log.append(events, options)) } as EventLog,
    };
    await expect(createSloAgent({ policy: sloPolicy }).handle(usage, killed)).rejects.toThrow("killed");
    expect((await readAll(operator.log)).filter((e) => e.type === "AlertRaised")).toHaveLength(1);

    // Meanwhile the operator installs 3.0.0: 2.0.0 no longer serves.
    const newer = await operator.runtime.hub.install(makePackage("3.0.0"), { source: "test" });
    expect(newer.ok, JSON.stringify(newer.failure)).toBe(true);
    const installed = (await operator.log.subjectHead(PLUGIN_SUBJECT))!.seq;
    await pastDuplicateWindow();

    await createSloAgent({ policy: sloPolicy }).handle(usage, ctxOf(live));
    await governorAnswers(gov);
    const after = await pluginEvents(operator.log, installed);
    expect(count(after, "PluginQuarantined")).toBe(0);
    expect(rollbackStarts(after)).toEqual([]);
    expect(await activeOf(operator)).toBe("double_it@3.0.0");
  }, 60_000);

  // The operator withdraws the version the governor chose: uninstalls it, or quarantines it (a revocation's effect).
  const withdraw = {
    uninstalls: async (operator: TestCapsmith) => expect((await operator.runtime.hub.uninstall(PREVIOUS, "withdrawn by its author")).pluginId).toBe(PREVIOUS),
    quarantines: async (operator: TestCapsmith) => void (await operator.log.append([{ type: "PluginQuarantined", subject: PLUGIN_SUBJECT, actor: "operator", data: { pluginId: PREVIOUS, reason: "withdrawn by its author" } } as NewEvent])),
  };
  it.each(["uninstalls", "quarantines"] as const)("a governor stalled between choosing 1.0.0 and activating it, while the operator %s 1.0.0: 1.0.0 is not brought back", async (how) => {
    const r = await openRig();
    const operator = await deployment(r, ["1.0.0", "2.0.0"]);
    const usage = await breach({ operator, clock: r.clock }, CAP, FAILING);
    const [slo, gov] = [await r.open(sloPolicy), await r.open(sloPolicy)];
    await createSloAgent({ policy: sloPolicy }).handle(usage, ctxOf(slo));
    const quarantine = (await pluginEvents(operator.log)).find((e) => e.type === "PluginQuarantined")!;
    expect(quarantine).toBeDefined();

    const stall = stalledAt(gov.runtime.hub, "switchTo");
    const handling = createSloRollback({ hub: stall.hub, policy: sloPolicy }).handle(quarantine, ctxOf(gov));
    await until(stall.reached, 30_000, "the governor to choose its rollback");
    await withdraw[how](operator);
    stall.release();
    await handling.catch(() => undefined); // a failed delivery is redelivered: below
    await governorAnswers(gov);

    const events = await pluginEvents(operator.log, quarantine.seq);
    expect(count(events, "PluginActivated", PREVIOUS)).toBe(0);
    expect(await activeOf(operator)).toBeNull();
    // Decided again on the hub as it stands: nothing good left, recorded for an operator.
    expect(count(events, "RollbackBlocked")).toBe(1);
    expect((await operator.readModel.current(["hub"])).states.hub.plugins[PREVIOUS]?.status ?? "uninstalled").toBe(how === "uninstalls" ? "uninstalled" : "quarantined");
  }, 60_000);

  it("a governor stalled between choosing 1.0.0 and activating it, while the operator re-trusts a dependent that needs 2.0.0: 1.0.0 is not brought back over it", async () => {
    const r = await openRig();
    const operator = await deployment(r, ["1.0.0", "2.0.0"]);
    // quad_it (double_it's spec under another name) declares double_it ^2.0.0; at T0 (its key revoked, say) it is no dependent to respect.
    const quad = makePackage("1.0.0", undefined, { id: "quad_it@1.0.0", capability: "quad_it", dependencies: { [CAP]: "^2.0.0" } });
    const dependent = await operator.runtime.hub.install({ ...quad, spec: { ...quad.spec, capability: "quad_it" } }, { source: "test" });
    expect(dependent.ok, JSON.stringify(dependent.failure)).toBe(true);
    const tier = (t: string) => ({ type: "PluginTierAssigned", subject: subjectFor("plugin", "quad_it"), actor: "operator", data: { pluginId: "quad_it@1.0.0", tier: t, reasons: ["test"] } }) as NewEvent;
    await operator.log.append([tier("T0")]);
    const usage = await breach({ operator, clock: r.clock }, CAP, FAILING);
    const [slo, gov] = [await r.open(sloPolicy), await r.open(sloPolicy)];
    await createSloAgent({ policy: sloPolicy }).handle(usage, ctxOf(slo));
    const quarantine = (await pluginEvents(operator.log)).find((e) => e.type === "PluginQuarantined")!;
    expect(quarantine).toBeDefined();

    const stall = stalledAt(gov.runtime.hub, "switchTo");
    const handling = createSloRollback({ hub: stall.hub, policy: sloPolicy }).handle(quarantine, ctxOf(gov));
    await until(stall.reached, 30_000, "the governor to choose its rollback");
    await operator.log.append([tier("T1")]);
    stall.release();
    await handling.catch(() => undefined); // a failed delivery is redelivered: below
    await governorAnswers(gov);

    const events = await pluginEvents(operator.log, quarantine.seq);
    expect(count(events, "PluginActivated", PREVIOUS)).toBe(0);
    expect(await activeOf(operator)).toBeNull();
    expect(count(events, "RollbackBlocked")).toBe(1);
    expect((await operator.readModel.current(["hub"])).states.hub.plugins["quad_it@1.0.0"]?.tier).toBe("T1");
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// The governor and an operator's approval

const HELD = "total_cost";
const HELD_ID = "total_cost@1.0.0";
const holdPolicy = parsePolicy({ approvalRequired: { profiles: ["node"], permissions: [] } });

interface Held {
  loop: TestCapsmith;
  /** The governor daemons (two processes); `governor(c)` is a fresh reactor of one. */
  govA: TestCapsmith;
  govB: TestCapsmith;
  operatorKey: ReturnType<typeof generateSigningKey>;
}

const governor = (c: TestCapsmith, hub: HubService = c.runtime.hub): Reactor => createGovernor({ hub, policy: holdPolicy, hostVersion: TEST_HOST_VERSION });

async function gapEvents(log: EventLog, type?: string): Promise<AnyStoredEvent[]> {
  return (await readAll(log)).filter((e) => e.subject === subjectFor("gap", HELD) && (type === undefined || e.type === type));
}

/** Requests total_cost and lets the gap run until policy holds its plugin (the governor's hold by govA). */
async function request(h: Held, requestId: string): Promise<void> {
  const { capability: _c, ...spec } = loadTask(HELD);
  const before = (await gapEvents(h.loop.log, "PluginTested")).length;
  await h.loop.log.append([{ type: "CapabilityRequested", subject: subjectFor("gap", HELD), data: { requestId, capability: HELD, spec, source: "cli", runId: null, stepId: null, backend: "example" } } as NewEvent]);
  await until(async () => (await gapEvents(h.loop.log, "PluginTested")).length > before, 60_000, "the draft to be tested");
  const tested = (await gapEvents(h.loop.log, "PluginTested")).at(-1)!;
  await governor(h.govA).handle(tested, ctxOf(h.govA));
  await until(async () => (await h.loop.readModel.current(["gaps"])).states.gaps.gaps[(tested.data as { gapId: string }).gapId]?.status === "awaiting_approval", 30_000, "the hold");
}

async function heldRig(): Promise<Held> {
  const r = await openRig();
  const loop = await r.open(holdPolicy, ["gap", "synthesizer", "tester"]);
  const operatorKey = generateSigningKey("ops", "operator");
  await loop.log.append([{ type: "KeyTrusted", subject: subjectFor("key", operatorKey.keyId), data: { keyId: operatorKey.keyId, publicKey: operatorKey.publicKey, name: operatorKey.name, role: operatorKey.role } } as NewEvent]);
  const h = { loop, govA: await r.open(holdPolicy), govB: await r.open(holdPolicy), operatorKey };
  await request(h, "first");
  return h;
}

async function approve(h: Held): Promise<AnyStoredEvent> {
  const candidate = await approvalCandidate(h.loop.readModel, HELD_ID);
  const { seq } = await approvePlugin(h.loop.log, h.loop.readModel, { pluginId: HELD_ID, checksum: candidate.checksum, pending: true }, h.operatorKey);
  return (await gapEvents(h.loop.log)).find((e) => e.seq === seq)!;
}

async function reject(h: Held, reason: string): Promise<AnyStoredEvent> {
  const { seq } = await rejectPlugin(h.loop.log, { pluginId: HELD_ID, pending: true }, [reason]);
  return (await gapEvents(h.loop.log)).find((e) => e.seq === seq)!;
}

const installsOf = async (log: EventLog): Promise<AnyStoredEvent[]> => (await readAll(log)).filter((e) => e.type === "InstallStarted" && pluginIdOf(e) === HELD_ID);
const heldActive = async (c: TestCapsmith): Promise<string | null | undefined> => (await c.readModel.current(["hub"])).states.hub.capabilities[HELD]?.active;

describe("late and double deliveries of an operator's approval to the governor", () => {
  it("an approval and a rejection after it, taken by two governors at once (the approving one stalled at the install): the approval, first, decides: published and serving", async () => {
    const h = await heldRig();
    const approval = await approve(h);
    const rejection = await reject(h, "changed my mind");

    // govA takes the approval and stalls as the install starts; govB takes the rejection meanwhile.
    const stall = stalledAt(h.govA.runtime.hub, "install");
    const approving = governor(h.govA, stall.hub).handle(approval, ctxOf(h.govA));
    await until(stall.reached, 30_000, "govA to start the install");
    await governor(h.govB).handle(rejection, ctxOf(h.govB)).catch(() => undefined);
    stall.release();
    await approving.catch(() => undefined);
    // Redeliveries of both, to either, settle what is left.
    for (const e of [approval, rejection]) for (const g of [h.govA, h.govB]) await governor(g).handle(e, ctxOf(g));

    // The first decision on the hold decides it, wholly (it was: installed and serving, the gap closed as rejected).
    expect((await gapEvents(h.loop.log, "GapClosed")).map((e) => (e.data as { outcome: string }).outcome)).toEqual(["published"]);
    expect(await installsOf(h.loop.log)).toHaveLength(1);
    expect(await heldActive(h.loop)).toBe(HELD_ID);
  }, 90_000);

  it("a rejection and an approval after it, the rejecting governor stalled before its GapClosed: the rejection decides, nothing is installed", async () => {
    const h = await heldRig();
    const rejection = await reject(h, "not this draft");
    const approval = await approve(h);

    // govB takes the rejection and stalls as it records the gap's closing; govA takes the approval meanwhile.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reached = false;
    const base = ctxOf(h.govB);
    const stalled: AgentContext = {
      ...base,
      log: { ...base.log, append: async (events, options) => {
        if (events.some((e) => e.type === "GapClosed")) {
          reached = true;
          await gate;
        }
        return base.log.append(events, options);
      } } as EventLog,
    };
    const rejecting = governor(h.govB).handle(rejection, stalled);
    await until(() => reached, 30_000, "govB to close the gap");
    await governor(h.govA).handle(approval, ctxOf(h.govA)).catch(() => undefined);
    release();
    await rejecting.catch(() => undefined);
    for (const e of [rejection, approval]) for (const g of [h.govA, h.govB]) await governor(g).handle(e, ctxOf(g));

    expect((await gapEvents(h.loop.log, "GapClosed")).map((e) => (e.data as { reason: string }).reason)).toEqual([expect.stringContaining("not this draft")]);
    expect(await installsOf(h.loop.log)).toEqual([]);
    expect(await heldActive(h.loop)).toBeFalsy();
  }, 90_000);

  it("one approval delivered to two governors at once, then again after the gap closed and the duplicate window: one install, one GapClosed", async () => {
    const h = await heldRig();
    const approval = await approve(h);
    await Promise.allSettled([governor(h.govA).handle(approval, ctxOf(h.govA)), governor(h.govB).handle(approval, ctxOf(h.govB))]);
    await governor(h.govA).handle(approval, ctxOf(h.govA));
    await until(async () => (await gapEvents(h.loop.log, "GapClosed")).length === 1, 30_000, "the gap to close");
    await pastDuplicateWindow();
    await governor(h.govB).handle(approval, ctxOf(h.govB));

    expect(await installsOf(h.loop.log)).toHaveLength(1);
    expect((await gapEvents(h.loop.log, "GapClosed")).map((e) => (e.data as { outcome: string }).outcome)).toEqual(["published"]);
    expect(await heldActive(h.loop)).toBe(HELD_ID);
  }, 90_000);

  it("two approvals of one held plugin (two operators), taken by two governors at once: one install", async () => {
    const h = await heldRig();
    const first = await approve(h);
    const second = await approve(h);
    const stall = stalledAt(h.govA.runtime.hub, "install");
    const a = governor(h.govA, stall.hub).handle(first, ctxOf(h.govA));
    await until(stall.reached, 30_000, "govA to start the install");
    const b = governor(h.govB).handle(second, ctxOf(h.govB));
    stall.release();
    await Promise.allSettled([a, b]);
    for (const e of [first, second]) for (const g of [h.govA, h.govB]) await governor(g).handle(e, ctxOf(g));

    const committed = (await readAll(h.loop.log)).filter((e) => e.type === "InstallCommitted");
    expect(committed).toHaveLength(1);
    expect(await gapEvents(h.loop.log, "GapClosed")).toHaveLength(1);
    expect(await heldActive(h.loop)).toBe(HELD_ID);
  }, 90_000);

  it("an approval redelivered late, after its gap was published, the plugin uninstalled and a new gap for the same version held: installs nothing", async () => {
    const h = await heldRig();
    const approval = await approve(h);
    await governor(h.govA).handle(approval, ctxOf(h.govA));
    expect(await heldActive(h.loop)).toBe(HELD_ID);
    await h.loop.runtime.hub.uninstall(HELD_ID, "not wanted after all");
    await request(h, "second");
    await pastDuplicateWindow();

    await governor(h.govB).handle(approval, ctxOf(h.govB));
    expect(await installsOf(h.loop.log)).toHaveLength(1);
    expect(await gapEvents(h.loop.log, "GapClosed")).toHaveLength(1);
    expect(await heldActive(h.loop)).toBeFalsy();
    const gaps = (await h.loop.readModel.current(["gaps"])).states.gaps.gaps;
    expect(Object.values(gaps).map((g) => g.status).sort()).toEqual(["awaiting_approval", "closed"]);
  }, 90_000);
});
