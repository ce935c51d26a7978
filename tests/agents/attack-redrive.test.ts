/**
 * Attacks on redriving dead letters (src/agents/loop/redrive.ts; docs/threat-model.md "Dead
 * letters"). The attacker writes through connections of its own to a signed embedded data
 * directory — its events hashed and signed by the log as any writer's are, with stolen role keys or
 * none — and the loop runs in this process: forged letters (another role's key, an actor that is not
 * the letter's role, no signature, naming an event after them), letters sharing a real one's ids, a
 * redrive judged again after its key's revocation, a redrive on a plugin's subject mid-install, and
 * an approval redriven twice, copied, and seen by two governors. Every wait polls a condition.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { createGovernor } from "../../src/agents/governor.ts";
import { readDeadLetters, redriveFor } from "../../src/agents/index.ts";
import type { AgentContext, Reactor } from "../../src/agents/index.ts";
import { startAgents } from "../../src/agents/loop/start-agents.ts";
import type { RunningAgents } from "../../src/agents/loop/start-agents.ts";
import { openFileLog, subjectFor } from "../../src/events/index.ts";
import type { AnyStoredEvent, EventLog, IdSource, NewEvent } from "../../src/events/index.ts";
import { approvalCandidate, approvePlugin, generateSigningKey, openKeyStore, parsePolicy, signHash } from "../../src/hub/index.ts";
import type { HubService, SigningKey } from "../../src/hub/index.ts";
import { systemClock, uuidIds } from "../../src/platform/index.ts";
import { TEST_HOST_VERSION, openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";
import { closeRig, ctxOf, openRig, pluginIdOf } from "../support/decision-rig.ts";
import { readAll, until } from "../support/daemon-fleet.ts";
import { phaseRecord, racingLog, useHubBed } from "../support/hub-race.ts";
import { makePackage } from "../support/plugin-packages.ts";
import { loadTask } from "../support/tasks.ts";

const silent = pino({ level: "silent" });
const trust = (key: SigningKey): NewEvent => ({ type: "KeyTrusted", subject: subjectFor("key", key.keyId), data: { keyId: key.keyId, publicKey: key.publicKey, name: key.name, role: key.role } }) as NewEvent;
const revoke = (key: SigningKey, reason: string): NewEvent => ({ type: "KeyRevoked", subject: subjectFor("key", key.keyId), data: { keyId: key.keyId, reason } }) as NewEvent;
const letterEvent = (e: AnyStoredEvent, options: { role?: string; actor?: string; eventSeq?: number } = {}): NewEvent => ({
  type: "HandlerDeadLettered", subject: subjectFor("deadletter", options.role ?? "tester"), actor: options.actor ?? options.role ?? "tester",
  data: { role: options.role ?? "tester", eventId: e.id, eventType: e.type, eventSeq: options.eventSeq ?? e.seq, subject: e.subject, attempts: 5, error: { code: "internal", message: "failed" } },
}) as NewEvent;

// ---------------------------------------------------------------------------------------------
// A signed data directory, a tester reactor counting what it is handed, and attackers' connections

interface Signed {
  dir: string;
  capsmith: TestCapsmith;
  agents?: RunningAgents;
  attackers: EventLog[];
}

let s: Signed | undefined;

afterEach(async () => {
  const open = s;
  s = undefined;
  await closeRig();
  if (!open) return;
  await open.agents?.stop();
  for (const l of open.attackers) await l.close().catch(() => undefined);
  await open.capsmith.dispose();
  await rm(open.dir, { recursive: true, force: true });
});

async function signedDir(): Promise<Signed> {
  const dir = await mkdtemp(join(tmpdir(), "capsmith-attack-redrive-"));
  await writeFile(join(dir, "policy.json"), JSON.stringify({ requireSignedEvents: true }));
  s = { dir, capsmith: await openTestCapsmith({ dir }), attackers: [] };
  return s;
}

/** A connection of the attacker's own, writing as `actor`, signing with `key` (a stolen role key) if given, choosing its event ids with `newId`. */
async function attacker(t: Signed, actor: string, key?: SigningKey, newId: IdSource = uuidIds): Promise<EventLog> {
  const log = await openFileLog({ dir: t.dir, clock: systemClock, newId, actor, ...(key ? { sign: (hash: string) => signHash(hash, key) } : {}) });
  t.attackers.push(log);
  return log;
}

const roleKey = (t: Signed, role: string): Promise<SigningKey> => openKeyStore(t.dir).load(role);

/** A tester reactor that fails on notes saying "poison" while `failing.on`, counting how often it is handed each note. */
function counting(): { reactor: Reactor; failing: { on: boolean }; handed: Map<string, number>; seen: Set<string> } {
  const failing = { on: false };
  const handed = new Map<string, number>();
  const seen = new Set<string>();
  const reactor: Reactor = {
    role: "tester",
    filter: "capsmith.evt.gap.>",
    async handle(event) {
      seen.add(event.id);
      if (event.type !== "OperatorNote" || (event.data as { text: string }).text === "marker") return;
      handed.set(event.id, (handed.get(event.id) ?? 0) + 1);
      if (failing.on && (event.data as { text: string }).text === "poison") throw new Error("poisoned");
    },
  };
  return { reactor, failing, handed, seen };
}

async function startTester(t: Signed, reactor: Reactor): Promise<void> {
  t.agents = await startAgents(t.capsmith.readModel, [reactor], { clock: systemClock, newId: uuidIds, logger: silent }, { maxAttempts: 2 });
}

async function note(log: EventLog, text: string, topic = "poisoned"): Promise<AnyStoredEvent> {
  const { events } = await log.append([{ type: "OperatorNote", subject: subjectFor("gap", topic), data: { text } }]);
  return events[0]! as AnyStoredEvent;
}

/** Appends a marker after everything and waits for the reactor to reach it: the loop has handled all before. */
async function settled(t: Signed, seen: Set<string>): Promise<void> {
  const marker = await note(t.capsmith.log, "marker", "marker");
  await until(() => seen.has(marker.id), 30_000, "the loop to reach the marker");
}

/** The operator's redrive of `letter` (as `redriveFor` builds it, skipping its checks), appended on `log`. */
const forcedRedrive = (letterId: string, e: AnyStoredEvent): NewEvent => ({ type: "DeadLetterRedriven", subject: e.subject, actor: "operator", data: { role: "tester", deadLetterId: letterId, eventId: e.id } }) as NewEvent;

const appended = async (log: EventLog, events: NewEvent[], msgId?: string): Promise<AnyStoredEvent> => {
  const { events: out } = await log.append(events, msgId ? { msgId } : {});
  return out[0]! as AnyStoredEvent;
};

describe("a letter counts only as its role's own decision about an earlier event", () => {
  it("letters signed by another role's key, by the role's key under another actor, unsigned, or naming an event after them: never listed, and a redrive naming them hands nothing back", async () => {
    const t = await signedDir();
    const c = counting();
    await startTester(t, c.reactor);
    const target = await note(t.capsmith.log, "poison");
    const governorKey = await roleKey(t, "governor");
    const testerKey = await roleKey(t, "tester");
    const forged = [
      await appended(await attacker(t, "tester", governorKey), [letterEvent(target)]),
      await appended(await attacker(t, "governor", testerKey), [letterEvent(target, { actor: "governor" })]),
      await appended(await attacker(t, "tester"), [letterEvent(target)]),
    ];
    // The tester's own key, naming an event it writes next (its ids are its to choose).
    const ids = ["future-note", "ahead-letter"];
    const ahead = await attacker(t, "tester", testerKey, () => ids.pop() ?? uuidIds());
    const last = await t.capsmith.log.lastSeq();
    const aheadLetter = await appended(ahead, [letterEvent({ ...target, id: "future-note" }, { eventSeq: last + 2 })], "ahead-letter");
    const future = await appended(ahead, [{ type: "OperatorNote", subject: target.subject, data: { text: "poison" } } as NewEvent], "future-note");
    expect(future).toMatchObject({ id: "future-note", seq: last + 2 });
    forged.push(aheadLetter);

    expect(await readDeadLetters(t.capsmith.readModel)).toEqual([]);
    await settled(t, c.seen);
    const before = new Map(c.handed);
    for (const letter of forged) {
      const e = letter.id === aheadLetter.id ? future : target;
      await t.capsmith.log.append([forcedRedrive(letter.id, e)]);
      await expect(redriveFor(t.capsmith.readModel, letter.id)).rejects.toMatchObject({ code: "dead_letter_not_found" });
    }
    await settled(t, c.seen);
    expect(c.handed).toEqual(before);
    expect([c.handed.get(target.id), c.handed.get(future.id)]).toEqual([1, 1]);
  }, 90_000);
});

describe("an id that names more than one letter is refused", () => {
  it("a letter by a stolen tester key sharing a real letter's event id, or its own id: the event id is refused as ambiguous, the copy of the letter's own id is no letter (ids are unique: the first holds), and the real letter's redrive hands the event back once", async () => {
    const t = await signedDir();
    const c = counting();
    c.failing.on = true;
    await startTester(t, c.reactor);
    const target = await note(t.capsmith.log, "poison");
    await until(async () => (await readDeadLetters(t.capsmith.readModel)).length === 1, 30_000, "the real letter");
    const [real] = await readDeadLetters(t.capsmith.readModel);
    const testerKey = await roleKey(t, "tester");
    // The same event named again, and a second letter under the real letter's own id.
    await appended(await attacker(t, "tester", testerKey), [letterEvent(target)]);
    await appended(await attacker(t, "tester", testerKey, () => real!.id), [letterEvent(target)], "copy-of-the-id");

    expect(await readDeadLetters(t.capsmith.readModel)).toHaveLength(2);
    await expect(redriveFor(t.capsmith.readModel, target.id)).rejects.toMatchObject({ code: "dead_letter_ambiguous" });
    const { letter, event } = await redriveFor(t.capsmith.readModel, real!.id);
    expect(letter).toMatchObject({ id: real!.id, seq: real!.seq });
    c.failing.on = false;
    const handed = c.handed.get(target.id)!;
    await t.capsmith.log.append([event, forcedRedrive(real!.id, target)]);
    await until(() => c.handed.get(target.id) === handed + 1, 30_000, "the real letter's redrive");
    await settled(t, c.seen);
    expect(c.handed.get(target.id)).toBe(handed + 1);
  }, 90_000);
});

describe("a redrive counts only as the operator's", () => {
  it("redrives unsigned, by a stolen tester or governor key (as the operator, or as itself), or by a key trusted only after: the letter stays open, nothing is handed back", async () => {
    const t = await signedDir();
    const c = counting();
    c.failing.on = true;
    await startTester(t, c.reactor);
    const target = await note(t.capsmith.log, "poison");
    await until(async () => (await readDeadLetters(t.capsmith.readModel)).length === 1, 30_000, "the letter");
    c.failing.on = false;
    const [letter] = await readDeadLetters(t.capsmith.readModel);
    const { event } = await redriveFor(t.capsmith.readModel, letter!.id);
    const late = generateSigningKey("ops-late", "operator");
    for (const [actor, key] of [["operator", undefined], ["operator", await roleKey(t, "tester")], ["tester", await roleKey(t, "tester")], ["operator", await roleKey(t, "governor")], ["operator", late]] as const) {
      await (await attacker(t, actor, key)).append([{ ...event, actor }]);
    }
    await t.capsmith.log.append([trust(late)]);
    await settled(t, c.seen);
    expect(c.handed.get(target.id)).toBe(2);
    expect((await readDeadLetters(t.capsmith.readModel))[0]!.redriven).toBeNull();
    // The operator's own redrive still goes through.
    await t.capsmith.log.append([(await redriveFor(t.capsmith.readModel, letter!.id)).event]);
    await until(() => c.handed.get(target.id) === 3, 30_000, "the operator's redrive");
  }, 90_000);
});

describe("a redrive is judged by the keys as of the redrive", () => {
  it("a second operator key redrives a letter and is revoked afterwards: the letter stays redriven (no second redrive, handed back once); a redrive it signs after its revocation counts for nothing", async () => {
    const t = await signedDir();
    const c = counting();
    c.failing.on = true;
    await startTester(t, c.reactor);
    const ops2 = generateSigningKey("ops2", "operator");
    await t.capsmith.log.append([trust(ops2)]);
    const first = await note(t.capsmith.log, "poison");
    await until(async () => (await readDeadLetters(t.capsmith.readModel)).length === 1, 30_000, "the letter");
    c.failing.on = false;
    const [letter] = await readDeadLetters(t.capsmith.readModel);
    const byOps2 = await attacker(t, "operator", ops2);
    await byOps2.append([(await redriveFor(t.capsmith.readModel, letter!.id, "ops2 on call")).event]);
    await until(() => c.handed.get(first.id) === 3, 30_000, "the redriven note to be handed back");

    await t.capsmith.log.append([revoke(ops2, "left the team")]);
    const [after] = await readDeadLetters(t.capsmith.readModel);
    expect(after?.redriven).toMatchObject({ actor: "operator", keyId: ops2.keyId, note: "ops2 on call" });
    await expect(redriveFor(t.capsmith.readModel, letter!.id)).rejects.toMatchObject({ code: "already_redriven" });

    // A letter made after the revocation, redriven by the revoked key: open, nothing handed back.
    c.failing.on = true;
    const second = await note(t.capsmith.log, "poison", "poisoned-again");
    await until(async () => (await readDeadLetters(t.capsmith.readModel)).length === 2, 30_000, "the second letter");
    c.failing.on = false;
    const open = (await readDeadLetters(t.capsmith.readModel))[1]!;
    await byOps2.append([forcedRedrive(open.id, second)]);
    await settled(t, c.seen);
    expect(c.handed.get(second.id)).toBe(2);
    expect((await readDeadLetters(t.capsmith.readModel))[1]!.redriven).toBeNull();
    expect(c.handed.get(first.id)).toBe(3);
  }, 90_000);
});

describe("a redrive whose key is revoked before the loop takes it", () => {
  it("is handed back all the same, as the listing shows it redriven (judged by the keys as of the redrive)", async () => {
    const t = await signedDir();
    const c = counting();
    c.failing.on = true;
    await startTester(t, c.reactor);
    const ops2 = generateSigningKey("ops2", "operator");
    await t.capsmith.log.append([trust(ops2)]);
    const target = await note(t.capsmith.log, "poison");
    await until(async () => (await readDeadLetters(t.capsmith.readModel)).length === 1, 30_000, "the letter");
    c.failing.on = false;
    await t.agents!.stop();
    const [letter] = await readDeadLetters(t.capsmith.readModel);
    await (await attacker(t, "operator", ops2)).append([(await redriveFor(t.capsmith.readModel, letter!.id)).event]);
    await t.capsmith.log.append([revoke(ops2, "rotated")]);
    expect((await readDeadLetters(t.capsmith.readModel))[0]!.redriven).toMatchObject({ keyId: ops2.keyId });
    await startTester(t, c.reactor);
    await until(() => c.handed.get(target.id) === 3, 30_000, "the redrive to be handed back");
  }, 90_000);
});

describe("a redrive on a plugin's subject mid-install", () => {
  const bed = useHubBed("redrive-side");
  it("does not fail the install (DeadLetterRedriven is a side event)", { timeout: 60_000 }, async () => {
    const raced = bed.service({
      ids: "r",
      log: racingLog(bed.log, {
        at: phaseRecord("health-check"), when: "before", once: true,
        interfere: async () => {
          await bed.log.append([{ type: "DeadLetterRedriven", subject: subjectFor("plugin", "double_it"), actor: "operator", data: { role: "governor", deadLetterId: "some-letter", eventId: "some-event" } } as NewEvent]);
        },
      }),
    });
    const outcome = await raced.install(makePackage("1.0.0"), { source: "test", txId: "tx-honest" });
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true, pluginId: "double_it@1.0.0" });
    expect((await bed.readModel.state("hub")).capabilities["double_it"]?.active).toBe("double_it@1.0.0");
  });
});

// ---------------------------------------------------------------------------------------------
// One effect: an approval whose install kept failing, redriven twice, copied, seen by two governors

const HELD = "total_cost";
const HELD_ID = "total_cost@1.0.0";
const GAP_SUBJECT = subjectFor("gap", HELD);
const holdPolicy = parsePolicy({ approvalRequired: { profiles: ["node"], permissions: [] } });

describe("an approval dead-lettered, then redriven twice, copied, and seen by two governors", () => {
  it("installs once: each governor is handed the approval once, for the first redrive; the second redrive and the copy hand nothing back", async () => {
    const r = await openRig("file");
    const loop = await r.open(holdPolicy, ["gap", "synthesizer", "tester"]);
    const operatorKey = generateSigningKey("ops", "operator");
    await loop.log.append([trust(operatorKey)]);
    const govA = await r.open(holdPolicy);
    const govB = await r.open(holdPolicy);
    const gapEvents = async (type: string): Promise<AnyStoredEvent[]> => (await readAll(loop.log)).filter((e) => e.subject === GAP_SUBJECT && e.type === type);
    const { capability: _c, ...spec } = loadTask(HELD);
    await loop.log.append([{ type: "CapabilityRequested", subject: GAP_SUBJECT, data: { requestId: "first", capability: HELD, spec, source: "cli", runId: null, stepId: null, backend: "example" } } as NewEvent]);
    await until(async () => (await gapEvents("PluginTested")).length > 0, 60_000, "the draft to be tested");
    await createGovernor({ hub: govA.runtime.hub, policy: holdPolicy, hostVersion: TEST_HOST_VERSION }).handle((await gapEvents("PluginTested"))[0]!, ctxOf(govA));
    await until(async () => (await gapEvents("ApprovalRequested")).length > 0, 30_000, "the hold");
    const { checksum } = await approvalCandidate(loop.readModel, HELD_ID);
    const { seq } = await approvePlugin(loop.log, loop.readModel, { pluginId: HELD_ID, checksum, pending: true }, operatorKey);
    const approval = (await gapEvents("PluginApproved")).find((e) => e.seq === seq)!;

    // Governor A's installs fail (a disk that is full) until the operator fixes it.
    const failing = { on: true };
    const flaky = (hub: HubService): HubService => ({ ...hub, install: async (...args) => (failing.on ? Promise.reject(new Error("disk full")) : hub.install(...args)) });
    const handed = { a: 0, b: 0 };
    const seenB = { seq: 0, armed: false };
    const seen = { a: new Set<string>(), b: new Set<string>() };
    const counted = (who: "a" | "b", base: Reactor): Reactor => ({
      ...base,
      async handle(event: AnyStoredEvent, ctx: AgentContext) {
        if (who === "b" && !seenB.armed) {
          seenB.seq = Math.max(seenB.seq, event.seq);
          return;
        }
        seen[who].add(event.id);
        if (event.id === approval.id) handed[who]++;
        // Governor B takes its turn after A has closed the gap (two governors racing one install
        // are the hold claim's business, attack-hold-claim.test.ts).
        if (who === "b") await until(async () => (await gapEvents("GapClosed")).length > 0, 60_000, "governor A to close the gap");
        return base.handle(event, ctx);
      },
    });
    const run = (c: TestCapsmith, reactor: Reactor) => startAgents(c.readModel, [reactor], { clock: r.clock, newId: uuidIds, logger: silent }, { maxAttempts: 2 });
    const agentsA = await run(govA, counted("a", createGovernor({ hub: flaky(govA.runtime.hub), policy: holdPolicy, hostVersion: TEST_HOST_VERSION })));
    const agentsB = await run(govB, counted("b", { ...createGovernor({ hub: govB.runtime.hub, policy: holdPolicy, hostVersion: TEST_HOST_VERSION }), durable: "agent-governor-b" }));
    try {
      await until(async () => (await readDeadLetters(loop.readModel, "governor")).length === 1, 60_000, "the approval to be dead-lettered");
      expect(handed.a).toBe(2);
      const head = (await loop.log.subjectHead(GAP_SUBJECT))!.seq;
      await until(() => seenB.seq >= head, 30_000, "governor B to pass the gap's history");
      seenB.armed = true;
      failing.on = false;

      const { event: redrive } = await redriveFor(loop.readModel, approval.id, "disk replaced");
      const first = await appended(loop.log, [redrive]);
      await until(async () => (await gapEvents("GapClosed")).length > 0, 60_000, "the gap to close");
      await until(() => handed.b === 1, 60_000, "governor B to be handed the approval");
      // The operator forces a second redrive past the CLI's refusal, and a copy of the first is appended.
      await appended(loop.log, [redrive], "second-redrive");
      await appended(loop.log, [{ type: first.type, subject: first.subject, actor: first.actor, data: first.data } as NewEvent], "copied-redrive");
      const marker = await appended(loop.log, [{ type: "OperatorNote", subject: GAP_SUBJECT, data: { text: "marker" } } as NewEvent]);
      await until(() => seen.a.has(marker.id) && seen.b.has(marker.id), 30_000, "both governors to reach the marker");

      expect({ a: handed.a, b: handed.b }).toEqual({ a: 3, b: 1 });
      const installs = (await readAll(loop.log)).filter((e) => e.type === "InstallStarted" && pluginIdOf(e) === HELD_ID);
      expect(installs).toHaveLength(1);
      expect((await gapEvents("GapClosed")).map((e) => (e.data as { outcome: string }).outcome)).toEqual(["published"]);
      expect(await readDeadLetters(loop.readModel, "governor")).toEqual([expect.objectContaining({ redriven: expect.objectContaining({ id: first.id }) })]);
    } finally {
      await agentsA.stop();
      await agentsB.stop();
    }
  }, 180_000);
});
