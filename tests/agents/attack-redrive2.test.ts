/**
 * Attacks on redriving dead letters, round 2 (src/agents/loop/redrive.ts, src/cli/commands/
 * deadletters.ts; docs/threat-model.md "Dead letters"), on a signed embedded data directory with the
 * loop in this process and the real CLI where the operator acts. Attackers write through
 * connections of their own (hashed and signed by the log as any writer's are, with stolen or
 * replayed keys). Attacks that break a promise are `it.fails`, named for what broke. Every wait
 * polls a condition.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { readDeadLetters, redriveFor } from "../../src/agents/index.ts";
import type { Reactor } from "../../src/agents/index.ts";
import { startAgents } from "../../src/agents/loop/start-agents.ts";
import type { RunningAgents } from "../../src/agents/loop/start-agents.ts";
import { openFileLog, subjectFor } from "../../src/events/index.ts";
import type { AnyStoredEvent, EventLog, IdSource, NewEvent } from "../../src/events/index.ts";
import { generateSigningKey, openKeyStore, signHash } from "../../src/hub/index.ts";
import type { SigningKey } from "../../src/hub/index.ts";
import { systemClock, uuidIds } from "../../src/platform/index.ts";
import { PROJECTION_NAMES } from "../../projections/index.ts";
import { openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";
import { until } from "../support/daemon-fleet.ts";
import { runCli } from "../support/run-cli.ts";

const silent = pino({ level: "silent" });
const trust = (key: SigningKey): NewEvent => ({ type: "KeyTrusted", subject: subjectFor("key", key.keyId), data: { keyId: key.keyId, publicKey: key.publicKey, name: key.name, role: key.role } }) as NewEvent;
const revoke = (key: { keyId: string }, reason: string): NewEvent => ({ type: "KeyRevoked", subject: subjectFor("key", key.keyId), data: { keyId: key.keyId, reason } }) as NewEvent;
interface LetterOptions { role?: string; subject?: string; eventSeq?: number; code?: string }
const letterEvent = (e: AnyStoredEvent, o: LetterOptions = {}): NewEvent => ({
  type: "HandlerDeadLettered", subject: subjectFor("deadletter", o.role ?? "tester"), actor: o.role ?? "tester",
  data: { role: o.role ?? "tester", eventId: e.id, eventType: e.type, eventSeq: o.eventSeq ?? e.seq, subject: o.subject ?? e.subject, attempts: 5, error: { code: o.code ?? "internal", message: "failed" } },
}) as NewEvent;
const redriveEvent = (letterId: string, e: AnyStoredEvent, o: { role?: string; subject?: string; eventId?: string } = {}): NewEvent =>
  ({ type: "DeadLetterRedriven", subject: o.subject ?? e.subject, actor: "operator", data: { role: o.role ?? "tester", deadLetterId: letterId, eventId: o.eventId ?? e.id } }) as NewEvent;

// ---------------------------------------------------------------------------------------------
// A signed data directory, counting reactors, attackers' connections, the real CLI

interface Signed {
  dir: string;
  capsmith: TestCapsmith;
  extra: TestCapsmith[];
  agents: RunningAgents[];
  attackers: EventLog[];
}

let s: Signed | undefined;

afterEach(async () => {
  const open = s;
  s = undefined;
  if (!open) return;
  for (const a of open.agents) await a.stop();
  for (const l of open.attackers) await l.close().catch(() => undefined);
  for (const c of open.extra) await c.dispose();
  await open.capsmith.dispose();
  await rm(open.dir, { recursive: true, force: true });
});

async function signedDir(): Promise<Signed> {
  const dir = await mkdtemp(join(tmpdir(), "capsmith-attack-redrive2-"));
  await writeFile(join(dir, "policy.json"), JSON.stringify({ requireSignedEvents: true }));
  s = { dir, capsmith: await openTestCapsmith({ dir }), extra: [], agents: [], attackers: [] };
  return s;
}

async function attacker(t: Signed, actor: string, sign?: SigningKey | ((hash: string) => ReturnType<typeof signHash>), newId: IdSource = uuidIds): Promise<EventLog> {
  const signer = typeof sign === "function" ? sign : sign ? (hash: string) => signHash(hash, sign) : undefined;
  const log = await openFileLog({ dir: t.dir, clock: systemClock, newId, actor, ...(signer ? { sign: signer } : {}) });
  t.attackers.push(log);
  return log;
}

const roleKey = (t: Signed, role: string): Promise<SigningKey> => openKeyStore(t.dir).load(role);

interface Counting { reactor: Reactor; failing: { on: boolean }; handed: Map<string, number>; seen: Set<string>; types: string[] }

/** A reactor of `role` on the gap subjects that fails on notes saying "poison" while `failing.on`, counting how often it is handed each note. */
function counting(role = "tester", filter = "capsmith.evt.gap.>"): Counting {
  const c: Counting = { reactor: undefined as unknown as Reactor, failing: { on: false }, handed: new Map(), seen: new Set(), types: [] };
  c.reactor = {
    role: role as Reactor["role"],
    filter,
    async handle(event) {
      c.seen.add(event.id);
      c.types.push(event.type);
      if (event.type !== "OperatorNote" || (event.data as { text: string }).text === "marker") return;
      c.handed.set(event.id, (c.handed.get(event.id) ?? 0) + 1);
      if (c.failing.on && (event.data as { text: string }).text === "poison") throw new Error("poisoned");
    },
  };
  return c;
}

async function run(t: Signed, reactors: Reactor[], on: TestCapsmith = t.capsmith): Promise<void> {
  t.agents.push(await startAgents(on.readModel, reactors, { clock: systemClock, newId: uuidIds, logger: silent }, { maxAttempts: 2 }));
}

async function note(log: EventLog, text: string, topic = "poisoned"): Promise<AnyStoredEvent> {
  const { events } = await log.append([{ type: "OperatorNote", subject: subjectFor("gap", topic), data: { text } }]);
  return events[0]! as AnyStoredEvent;
}

const appended = async (log: EventLog, events: NewEvent[], msgId?: string): Promise<AnyStoredEvent> => (await log.append(events, msgId ? { msgId } : {})).events[0]! as AnyStoredEvent;

/** A marker after everything, reached by every reactor given: the loop has handled all before it. */
async function settled(t: Signed, ...reactors: Counting[]): Promise<void> {
  const marker = await note(t.capsmith.log, "marker", "marker");
  await until(() => reactors.every((c) => c.seen.has(marker.id)), 30_000, "the loop to reach the marker");
}

/** A poisoned note dead-lettered by the tester loop; the handler then stops failing. */
async function deadLettered(t: Signed, c: Counting, topic = "poisoned"): Promise<{ target: AnyStoredEvent; letterId: string }> {
  c.failing.on = true;
  const before = (await readDeadLetters(t.capsmith.readModel)).length;
  const target = await note(t.capsmith.log, "poison", topic);
  await until(async () => (await readDeadLetters(t.capsmith.readModel)).length === before + 1, 30_000, "the letter");
  c.failing.on = false;
  const letter = (await readDeadLetters(t.capsmith.readModel)).find((l) => l.eventId === target.id)!;
  return { target, letterId: letter.id };
}

const cli = (t: Signed, args: string[]) => runCli(["--data", t.dir, "--json", "deadletters", ...args], { timeoutMs: 60_000 });

// ---------------------------------------------------------------------------------------------
// Who may redrive

describe("only the operator's own redrive of the letter hands anything back", () => {
  it("operator-signed redrives naming another role, another event, another subject, or the event's id for the letter's: the letter stays open, nothing is handed back; the true one is", async () => {
    const t = await signedDir();
    const c = counting();
    await run(t, [c.reactor]);
    const { target, letterId } = await deadLettered(t, c);
    const other = await note(t.capsmith.log, "bystander");
    for (const wrong of [
      redriveEvent(letterId, target, { role: "governor" }),
      redriveEvent(letterId, target, { eventId: other.id }),
      redriveEvent(letterId, target, { subject: subjectFor("gap", "elsewhere") }),
      redriveEvent(target.id, target),
    ]) await t.capsmith.log.append([wrong]);
    await settled(t, c);
    expect(c.handed.get(target.id)).toBe(2);
    expect((await readDeadLetters(t.capsmith.readModel))[0]!.redriven).toBeNull();
    await t.capsmith.log.append([(await redriveFor(t.capsmith.readModel, letterId)).event]);
    await until(() => c.handed.get(target.id) === 3, 30_000, "the true redrive");
  }, 90_000);

  it("a redrive carrying an operator signature replayed from another event, and one signed by an operator key revoked before it: nothing handed back, the letter stays open", async () => {
    const t = await signedDir();
    const c = counting();
    await run(t, [c.reactor]);
    const { target, letterId } = await deadLettered(t, c);
    const ops2 = generateSigningKey("ops2", "operator");
    await t.capsmith.log.append([trust(ops2)]);
    await t.capsmith.log.append([revoke(ops2, "left")]);
    // The operator signed the poisoned note itself: its signature, replayed on a redrive.
    expect(target.sig).toBeTruthy();
    await (await attacker(t, "operator", () => target.sig!)).append([redriveEvent(letterId, target)]);
    await (await attacker(t, "operator", ops2)).append([redriveEvent(letterId, target)]);
    await settled(t, c);
    expect(c.handed.get(target.id)).toBe(2);
    expect((await readDeadLetters(t.capsmith.readModel))[0]!.redriven).toBeNull();
  }, 90_000);
});

// ---------------------------------------------------------------------------------------------
// Which letters count

describe("a letter counts only as its own role's", () => {
  it.fails("BROKE: a stolen governor key reusing a tester letter's own id (a governor letter about the same event) makes the real tester letter impossible to redrive (dead_letter_ambiguous by either id)", async () => {
    const t = await signedDir();
    const c = counting();
    await run(t, [c.reactor]);
    const { target, letterId } = await deadLettered(t, c);
    const governorKey = await roleKey(t, "governor");
    await appended(await attacker(t, "governor", governorKey, () => letterId), [letterEvent(target, { role: "governor" })], "governor-copy");
    // The governor's forgery is listed as the governor's, and nothing the operator can type reaches the tester's letter.
    expect((await readDeadLetters(t.capsmith.readModel, "tester")).map((l) => l.id)).toEqual([letterId]);
    const { letter } = await redriveFor(t.capsmith.readModel, letterId);
    expect(letter.role).toBe("tester");
  }, 90_000);

  it("a letter by the tester's own key naming the event by a false earlier seq (the event is later, another sits at that seq): cannot be handed back (event_missing), and a forced redrive hands nothing back", async () => {
    const t = await signedDir();
    const c = counting();
    await run(t, [c.reactor]);
    const decoy = await note(t.capsmith.log, "decoy");
    const target = await note(t.capsmith.log, "poison");
    await settled(t, c);
    const letter = await appended(await attacker(t, "tester", await roleKey(t, "tester")), [letterEvent(target, { eventSeq: decoy.seq })]);
    const [listed] = await readDeadLetters(t.capsmith.readModel);
    expect(listed).toMatchObject({ id: letter.id, eventSeq: decoy.seq });
    await expect(redriveFor(t.capsmith.readModel, letter.id)).rejects.toMatchObject({ code: "event_missing" });
    await t.capsmith.log.append([redriveEvent(letter.id, target)]);
    await settled(t, c);
    expect([c.handed.get(target.id), c.handed.get(decoy.id)]).toEqual([1, 1]);
  }, 90_000);

  it.fails("BROKE: a tester letter about an event outside the tester's subscription (a plugin subject) is redriven and listed as redriven, but no tester agent is ever handed it", async () => {
    const t = await signedDir();
    const c = counting();
    await run(t, [c.reactor]);
    const { events } = await t.capsmith.log.append([{ type: "OperatorNote", subject: subjectFor("plugin", "double_it"), data: { text: "poison" } }]);
    const outside = events[0]! as AnyStoredEvent;
    await appended(await attacker(t, "tester", await roleKey(t, "tester")), [letterEvent(outside)]);
    const [letter] = await readDeadLetters(t.capsmith.readModel);
    await t.capsmith.log.append([(await redriveFor(t.capsmith.readModel, letter!.id)).event]);
    await settled(t, c);
    expect((await readDeadLetters(t.capsmith.readModel))[0]!.redriven).not.toBeNull();
    // The listing says redriven ("goes back to the tester agents"): the tester must then have been handed it.
    expect(c.handed.get(outside.id)).toBe(1);
  }, 90_000);
});

// ---------------------------------------------------------------------------------------------
// Key rotation of the letter's role: never loses data

describe("rotating the role's key", () => {
  it.fails("BROKE: an honest open letter vanishes once the tester key that signed it is revoked (routine rotation): not listed, and its redrive is dead_letter_not_found", async () => {
    const t = await signedDir();
    const c = counting();
    await run(t, [c.reactor]);
    const { letterId } = await deadLettered(t, c);
    const testerKey = await roleKey(t, "tester");
    await t.capsmith.log.append([revoke(testerKey, "rotated on schedule")]);
    expect((await readDeadLetters(t.capsmith.readModel)).map((l) => l.id)).toEqual([letterId]);
  }, 90_000);

  it.fails("BROKE: a redrive the CLI accepted ('goes back to the tester agents') is never handed back when the tester key that signed the letter is rotated before the loop takes it, and the listing forgets it was redriven", async () => {
    const t = await signedDir();
    const c = counting();
    await run(t, [c.reactor]);
    const { target, letterId } = await deadLettered(t, c);
    await t.agents.pop()!.stop();
    const done = await cli(t, ["redrive", letterId, "--note", "disk replaced"]);
    expect(done.code, done.stderr).toBe(0);
    await t.capsmith.log.append([revoke(await roleKey(t, "tester"), "rotated on schedule")]);
    await run(t, [c.reactor]);
    await settled(t, c);
    expect({ handed: c.handed.get(target.id), redriven: (await readDeadLetters(t.capsmith.readModel))[0]?.redriven?.note }).toEqual({ handed: 3, redriven: "disk replaced" });
  }, 90_000);
});
