/**
 * Attacks on redriving dead letters, round 2 (src/agents/loop/redrive.ts, src/cli/commands/
 * deadletters.ts; docs/threat-model.md "Dead letters"), on a signed embedded data directory with the
 * loop in this process and the real CLI where the operator acts (one attack on the hardened
 * JetStream setup, each role its own NATS user). Attackers write through
 * connections of their own (hashed and signed by the log as any writer's are, with stolen or
 * replayed keys). Attacks that break a promise are `it.fails`, named for what broke. Every wait
 * polls a condition.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { readDeadLetters, redriveFor } from "../../src/agents/index.ts";
import type { Reactor } from "../../src/agents/index.ts";
import { gapDetector } from "../../src/agents/gap-detector.ts";
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
import { startHardenedNats } from "../support/hardened-nats.ts";
import type { HardenedNats } from "../support/hardened-nats.ts";
import { openNatsLog } from "../../src/events/nats-log.ts";
import { loadTask } from "../support/tasks.ts";

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
  it("FIXED (broke before): a stolen governor key reusing a tester letter's own id (a governor letter about the same event) makes the real tester letter impossible to redrive (dead_letter_ambiguous by either id)", async () => {
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

  it("a letter by the tester's own key naming the event by a false earlier seq (the event is later, another sits at that seq): no letter (not listed, dead_letter_not_found), and a forced redrive hands nothing back", async () => {
    const t = await signedDir();
    const c = counting();
    await run(t, [c.reactor]);
    const decoy = await note(t.capsmith.log, "decoy");
    const target = await note(t.capsmith.log, "poison");
    await settled(t, c);
    const letter = await appended(await attacker(t, "tester", await roleKey(t, "tester")), [letterEvent(target, { eventSeq: decoy.seq })]);
    expect(await readDeadLetters(t.capsmith.readModel)).toEqual([]);
    await expect(redriveFor(t.capsmith.readModel, letter.id)).rejects.toMatchObject({ code: "dead_letter_not_found" });
    await t.capsmith.log.append([redriveEvent(letter.id, target)]);
    await settled(t, c);
    expect([c.handed.get(target.id), c.handed.get(decoy.id)]).toEqual([1, 1]);
  }, 90_000);

  it("a letter signed by a tester key trusted only after it (a fresh key the attacker got trusted later): never listed, and a redrive naming it hands nothing back", async () => {
    const t = await signedDir();
    const c = counting();
    await run(t, [c.reactor]);
    const target = await note(t.capsmith.log, "poison");
    const late = generateSigningKey("tester-late", "tester");
    const letter = await appended(await attacker(t, "tester", late), [letterEvent(target)]);
    await t.capsmith.log.append([trust(late)]);
    expect(await readDeadLetters(t.capsmith.readModel)).toEqual([]);
    await t.capsmith.log.append([redriveEvent(letter.id, target)]);
    await settled(t, c);
    expect(c.handed.get(target.id)).toBe(1);
  }, 90_000);

  it("FIXED (broke before): a tester letter about an event outside the tester's subscription (a plugin subject) is redriven and listed as redriven, but no tester agent is ever handed it", async () => {
    const t = await signedDir();
    const c = counting();
    await run(t, [c.reactor]);
    const { events } = await t.capsmith.log.append([{ type: "OperatorNote", subject: subjectFor("plugin", "double_it"), data: { text: "poison" } }]);
    const outside = events[0]! as AnyStoredEvent;
    const forged = await appended(await attacker(t, "tester", await roleKey(t, "tester")), [letterEvent(outside)]);
    // No tester agent could have been handed it, so it is no tester letter: not listed, not redriven.
    expect(await readDeadLetters(t.capsmith.readModel)).toEqual([]);
    const refused = await cli(t, ["redrive", forged.id]);
    expect(refused.code, refused.stdout + refused.stderr).toBe(1);
    expect(refused.json()).toMatchObject({ ok: false, error: { code: "dead_letter_not_found", nextStep: expect.stringContaining("deadletters list") } });
    // An operator-signed redrive appended anyway: still never listed as redriven, and nobody is handed the event.
    await t.capsmith.log.append([redriveEvent(forged.id, outside)]);
    await settled(t, c);
    expect((await cli(t, ["list", "--all"])).json<{ letters: unknown[] }>().letters).toEqual([]);
    expect(c.handed.get(outside.id)).toBeUndefined();
  }, 90_000);

  it("a governor letter about an event on a plugin subject (which the governor follows) counts: listed, redriven, and handed back to the governor", async () => {
    const t = await signedDir();
    const g = counting("governor", "capsmith.evt.plugin.>");
    g.failing.on = true;
    await run(t, [g.reactor]);
    const onGap = await note(t.capsmith.log, "poison", "unfollowed");
    const { events } = await t.capsmith.log.append([{ type: "OperatorNote", subject: subjectFor("plugin", "double_it"), data: { text: "poison" } }]);
    const onPlugin = events[0]! as AnyStoredEvent;
    await until(async () => (await readDeadLetters(t.capsmith.readModel, "governor")).length === 1, 30_000, "the governor's letter");
    g.failing.on = false;
    const [letter] = await readDeadLetters(t.capsmith.readModel, "governor");
    expect(letter).toMatchObject({ role: "governor", eventId: onPlugin.id, subject: subjectFor("plugin", "double_it") });
    const done = await cli(t, ["redrive", letter!.id]);
    expect(done.code, done.stdout + done.stderr).toBe(0);
    await until(() => g.handed.get(onPlugin.id) === 3, 30_000, "the hand-back to the governor");
    expect(g.handed.get(onGap.id)).toBeUndefined();
  }, 90_000);
});

// ---------------------------------------------------------------------------------------------
// Key rotation of the letter's role: never loses data

describe("rotating the role's key", () => {
  it("FIXED (broke before): an honest open letter vanishes once the tester key that signed it is revoked (routine rotation): not listed, and its redrive is dead_letter_not_found", async () => {
    const t = await signedDir();
    const c = counting();
    await run(t, [c.reactor]);
    const { letterId } = await deadLettered(t, c);
    const testerKey = await roleKey(t, "tester");
    await t.capsmith.log.append([revoke(testerKey, "rotated on schedule")]);
    expect((await readDeadLetters(t.capsmith.readModel)).map((l) => l.id)).toEqual([letterId]);
  }, 90_000);

  it("FIXED (broke before): a redrive the CLI accepted ('goes back to the tester agents') is never handed back when the tester key that signed the letter is rotated before the loop takes it, and the listing forgets it was redriven", async () => {
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

// ---------------------------------------------------------------------------------------------
// The listing tells the truth

describe("the listing", () => {
  it("FIXED (broke before): a letter by a stolen tester key whose error code holds a newline prints a forged 'redriven at seq … by operator' line under an open letter in `deadletters list`", async () => {
    const t = await signedDir();
    const target = await note(t.capsmith.log, "poison");
    const forgedLine = "internal\n    redriven at seq 3 by operator (key 0000000000000000) at 2026-12-04T00:00:00.000Z: fixed";
    await appended(await attacker(t, "tester", await roleKey(t, "tester")), [letterEvent(target, { code: forgedLine })]);
    const json = await cli(t, ["list"]);
    expect(json.json<{ letters: { redriven: unknown }[] }>().letters).toEqual([expect.objectContaining({ redriven: null })]);
    const text = await runCli(["--data", t.dir, "deadletters", "list"]);
    expect(text.code, text.stderr).toBe(0);
    // One letter: its head line and its one state line, which says it is open (the forged text stays escaped on the head line).
    const lines = text.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^ {4}can be handed back: /);
  }, 90_000);

  it("two operator keys redrive one letter (the second trusted after the letter): the first counts, is handed back once, and `list --all` names its key and note", async () => {
    const t = await signedDir();
    const c = counting();
    await run(t, [c.reactor]);
    const { target, letterId } = await deadLettered(t, c);
    const ops2 = generateSigningKey("ops2", "operator");
    await t.capsmith.log.append([trust(ops2)]);
    const built = (await redriveFor(t.capsmith.readModel, letterId, "ops2 took it")).event;
    const first = await appended(await attacker(t, "operator", ops2), [built]);
    await appended(t.capsmith.log, [(await redriveFor(t.capsmith.readModel, letterId).catch(() => ({ event: redriveEvent(letterId, target) }))).event]);
    await settled(t, c);
    expect(c.handed.get(target.id)).toBe(3);
    const all = await cli(t, ["list", "--all"]);
    expect(all.json<{ letters: unknown[] }>().letters).toEqual([expect.objectContaining({ id: letterId, redriven: expect.objectContaining({ id: first.id, actor: "operator", keyId: ops2.keyId, note: "ops2 took it" }) })]);
    const text = await runCli(["--data", t.dir, "deadletters", "list", "--all"]);
    expect(text.stdout).toContain(`redriven at seq ${first.seq} by operator (key ${ops2.keyId})`);
    expect((await cli(t, ["list"])).json<{ letters: unknown[] }>().letters).toEqual([]);
  }, 90_000);
});

// ---------------------------------------------------------------------------------------------
// Bad input: a clear error, nothing lost

describe("bad input to the CLI", () => {
  it("odd ids (empty, dash-led, 5,000 characters, control characters, the set-aside event's id with no letter): dead_letter_not_found with a next step, nothing appended", async () => {
    const t = await signedDir();
    const target = await note(t.capsmith.log, "poison");
    const head = await t.capsmith.log.lastSeq();
    for (const args of [["redrive", ""], ["redrive", "--", "-x"], ["redrive", "x".repeat(5_000)], ["redrive", "\u001b[2Jid\nnext"], ["redrive", target.id]]) {
      const run = await cli(t, args);
      expect(run.code, run.stdout + run.stderr).toBe(1);
      expect(run.json()).toMatchObject({ ok: false, error: { code: "dead_letter_not_found", message: expect.any(String), nextStep: expect.stringContaining("deadletters list") } });
    }
    expect(await t.capsmith.log.lastSeq()).toBe(head);
  }, 120_000);

  it("notes: over 2,000 characters or blank is refused (usage, exit 2, nothing appended); 1,000 astral characters (2,000 code units) are kept whole and listed", async () => {
    const t = await signedDir();
    const c = counting();
    await run(t, [c.reactor]);
    const { letterId } = await deadLettered(t, c);
    const head = await t.capsmith.log.lastSeq();
    for (const bad of ["n".repeat(2_001), " \n\t ", "😀".repeat(1_001)]) {
      const run = await cli(t, ["redrive", letterId, "--note", bad]);
      expect(run.code, run.stdout + run.stderr).toBe(2);
      expect(run.json()).toMatchObject({ ok: false, error: { code: "usage", nextStep: expect.any(String) } });
    }
    expect(await t.capsmith.log.lastSeq()).toBe(head);
    const astral = "😀".repeat(1_000);
    const ok = await cli(t, ["redrive", letterId, "--note", astral]);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    const [listed] = (await cli(t, ["list", "--all"])).json<{ letters: { redriven: { note: string } }[] }>().letters;
    expect(listed!.redriven.note).toBe(astral);
  }, 120_000);

  it("FIXED (broke before): `deadletters redrive` run with the tester's key (CAPSMITH_SIGN_KEY=tester) says ok ('goes back to the tester agents', exit 0) though its redrive counts for nothing and the letter stays open", async () => {
    const t = await signedDir();
    const c = counting();
    await run(t, [c.reactor]);
    const { target, letterId } = await deadLettered(t, c);
    const byTester = await runCli(["--data", t.dir, "--json", "deadletters", "redrive", letterId], { env: { CAPSMITH_SIGN_KEY: "tester" }, timeoutMs: 60_000 });
    await settled(t, c);
    const open = (await readDeadLetters(t.capsmith.readModel))[0]!;
    // Nothing was handed back and the letter is open: the command must not have said it was redriven.
    expect({ handed: c.handed.get(target.id), redriven: open.redriven }).toEqual({ handed: 2, redriven: null });
    expect(byTester.code, byTester.stdout).not.toBe(0);
  }, 90_000);

  it("`list --role` with a prototype key (__proto__, constructor) is refused as usage with the roles to use", async () => {
    const t = await signedDir();
    for (const role of ["__proto__", "constructor"]) {
      const run = await cli(t, ["list", "--role", role]);
      expect(run.code, run.stdout + run.stderr).toBe(2);
      expect(run.json()).toMatchObject({ ok: false, error: { code: "usage", nextStep: expect.stringContaining("tester") } });
    }
  }, 60_000);

  it("FIXED (broke before): a mistyped --data directory: `deadletters list` answers 'no dead letters' (exit 0) and creates a data directory there, instead of saying no data directory is there", async () => {
    const t = await signedDir();
    const typo = join(t.dir, "typo");
    const run = await runCli(["--data", typo, "--json", "deadletters", "list"]);
    const exists = await stat(typo).then(() => true, () => false);
    expect({ code: run.code, exists }).toEqual({ code: 1, exists: false });
    expect(run.json()).toMatchObject({ ok: false, error: { code: "data_dir_missing", message: expect.stringContaining(typo), nextStep: expect.stringContaining("Check the path") } });
  }, 60_000);

  it("FIXED (broke before): a letter whose event is an approval by an operator key revoked since is kept and refused, but told the log may be edited or forged (audit verify) rather than that the key was revoked", async () => {
    const t = await signedDir();
    const ops2 = generateSigningKey("ops2", "operator");
    await t.capsmith.log.append([trust(ops2)]);
    const approval = await appended(await attacker(t, "operator", ops2), [{ type: "PluginApproved", subject: subjectFor("gap", "total_cost"), actor: "operator", data: { pluginId: "total_cost@1.0.0", keyId: ops2.keyId, signature: "AAAA" } } as NewEvent]);
    await t.capsmith.log.append([letterEvent(approval)]);
    expect((await cli(t, ["list"])).json<{ letters: { handBack: unknown }[] }>().letters).toEqual([expect.objectContaining({ handBack: { ok: true } })]);
    await t.capsmith.log.append([revoke(ops2, "left the team")]);
    const [letter] = (await cli(t, ["list"])).json<{ letters: { id: string; handBack: { ok: boolean; code: string } }[] }>().letters;
    expect(letter!.handBack).toMatchObject({ ok: false, code: "event_not_admitted" });
    const refused = await cli(t, ["redrive", letter!.id]);
    expect(refused.code).toBe(1);
    const { error } = refused.json<{ error: { code: string; message: string; nextStep: string } }>();
    expect(error.code).toBe("event_not_admitted");
    expect(`${error.message} ${error.nextStep}`).toMatch(/revoked/);
  }, 90_000);
});

// ---------------------------------------------------------------------------------------------
// Once, and without disturbing other work

describe("a redriven event's effect happens once", () => {
  it("two agents of the role sharing its durable (two capsmith instances on one data directory): the redriven event is handed back once between them", async () => {
    const t = await signedDir();
    const a = counting();
    const b = counting();
    const second = await openTestCapsmith({ dir: t.dir });
    t.extra.push(second);
    await run(t, [a.reactor]);
    await run(t, [b.reactor], second);
    a.failing.on = b.failing.on = true;
    const target = await note(t.capsmith.log, "poison");
    await until(async () => (await readDeadLetters(t.capsmith.readModel)).length === 1, 30_000, "the letter");
    a.failing.on = b.failing.on = false;
    const total = (): number => (a.handed.get(target.id) ?? 0) + (b.handed.get(target.id) ?? 0);
    expect(total()).toBe(2);
    const [letter] = await readDeadLetters(t.capsmith.readModel);
    await t.capsmith.log.append([(await redriveFor(t.capsmith.readModel, letter!.id)).event]);
    const marker = await note(t.capsmith.log, "marker", "marker");
    await until(() => a.seen.has(marker.id) || b.seen.has(marker.id), 30_000, "one of them to reach the marker");
    await until(() => total() >= 3, 30_000, "the hand-back");
    expect(total()).toBe(3);
  }, 90_000);

  it("the hand-back outlives the ack wait and keeps failing (a slow first try, redelivered to the role's other agent): one new letter, not two, and it is open to a redrive of its own", async () => {
    const t = await signedDir();
    const c = counting();
    c.failing.on = true;
    let slowOnce = false;
    const slow: Reactor = {
      ...c.reactor,
      async handle(event, ctx) {
        if (slowOnce && event.type === "OperatorNote" && (event.data as { text: string }).text === "poison") {
          slowOnce = false;
          await new Promise((r) => setTimeout(r, 2_500));
        }
        return c.reactor.handle(event, ctx);
      },
    };
    // Two agents of the role on its durable: the redelivery after the ack wait goes to whichever asks.
    const second = await openTestCapsmith({ dir: t.dir });
    t.extra.push(second);
    for (const on of [t.capsmith, second]) t.agents.push(await startAgents(on.readModel, [slow], { clock: systemClock, newId: uuidIds, logger: silent }, { maxAttempts: 2, ackWaitMs: 800 }));
    const target = await note(t.capsmith.log, "poison");
    await until(async () => (await readDeadLetters(t.capsmith.readModel)).length === 1, 30_000, "the first letter");
    const [first] = await readDeadLetters(t.capsmith.readModel);
    slowOnce = true;
    await t.capsmith.log.append([(await redriveFor(t.capsmith.readModel, first!.id)).event]);
    await until(async () => (await readDeadLetters(t.capsmith.readModel)).length >= 2, 30_000, "the second letter");
    // The slow first try ends (it fails too) after the redelivered one was recorded: wait it out.
    await until(() => (c.handed.get(target.id) ?? 0) >= 4, 30_000, "the slow try to end");
    await settled(t, c);
    const letters = await readDeadLetters(t.capsmith.readModel);
    expect(letters.map((l) => [l.eventId, l.redriven === null])).toEqual([[target.id, false], [target.id, true]]);
    c.failing.on = false;
    const handed = c.handed.get(target.id)!;
    await t.capsmith.log.append([(await redriveFor(t.capsmith.readModel, letters[1]!.id)).event]);
    await until(() => c.handed.get(target.id) === handed + 1, 30_000, "the second redrive");
  }, 120_000);

  it("the tester process is SIGKILLed while handling the redriven event: restarted, it is handed the event again (the redrive was not lost), no new letter is written, and the letter lists redriven once", async () => {
    const t = await signedDir();
    const c = counting();
    await run(t, [c.reactor]);
    const { target, letterId } = await deadLettered(t, c);
    await t.agents.pop()!.stop();
    const child = (mode: string): { proc: ChildProcess; lines: string[] } => {
      const proc = spawn(process.execPath, [join(import.meta.dirname, "../support/redrive-agent-child.ts"), t.dir, mode, "1500"], { stdio: ["pipe", "pipe", "inherit"], env: { ...process.env, CAPSMITH_NATS_URL: "", CAPSMITH_HOME: "" } });
      const lines: string[] = [];
      let buf = "";
      proc.stdout!.on("data", (d: Buffer) => {
        buf += d.toString();
        const parts = buf.split("\n");
        buf = parts.pop()!;
        lines.push(...parts);
      });
      return { proc, lines };
    };
    const hang = child("hang");
    try {
      await until(() => hang.lines.includes("ready"), 60_000, "the hanging agent");
      const done = await cli(t, ["redrive", letterId]);
      expect(done.code, done.stderr).toBe(0);
      await until(() => hang.lines.includes(`handling ${target.id}`), 30_000, "the agent to take the redriven event");
    } finally {
      hang.proc.kill("SIGKILL");
    }
    const ok = child("ok");
    try {
      await until(() => ok.lines.includes(`handled ${target.id}`), 60_000, "the restarted agent to be handed the event again");
      const marker = await note(t.capsmith.log, "marker", "marker");
      await until(() => ok.lines.includes(`seen ${marker.id}`), 30_000, "the restarted agent to reach the marker");
      expect(ok.lines.filter((l) => l === `handled ${target.id}`)).toHaveLength(1);
    } finally {
      ok.proc.stdin!.end();
      await new Promise((r) => ok.proc.once("exit", r));
    }
    const letters = await readDeadLetters(t.capsmith.readModel);
    expect(letters).toEqual([expect.objectContaining({ id: letterId, redriven: expect.objectContaining({ actor: "operator" }) })]);
  }, 180_000);
});

describe("a redrive never disturbs other work", () => {
  it("a redrive on an open gap's subject leaves every projection's state as it was (the gap's included; only the log's own counts move)", async () => {
    const t = await signedDir();
    const c = counting();
    await run(t, [c.reactor, gapDetector]);
    const { capability: _c, ...spec } = loadTask("total_cost");
    await t.capsmith.log.append([{ type: "CapabilityRequested", subject: subjectFor("gap", "total_cost"), data: { requestId: "r1", capability: "total_cost", spec, source: "cli", runId: null, stepId: null, backend: "example" } } as NewEvent]);
    await until(async () => Object.keys((await t.capsmith.readModel.state("gaps")).openByCapability).length === 1, 30_000, "the gap to open");
    const { letterId } = await deadLettered(t, c, "total_cost");
    await t.agents.pop()!.stop();
    const states = async (): Promise<string> => {
      const { logStats: _stats, ...rest } = (await t.capsmith.readModel.current(PROJECTION_NAMES)).states as Record<string, unknown>;
      return JSON.stringify(rest);
    };
    const before = await states();
    await t.capsmith.log.append([(await redriveFor(t.capsmith.readModel, letterId)).event]);
    expect(await states()).toBe(before);
  }, 90_000);

  it("another role's reactor on the same subjects (its own durable) is never handed the redrive nor the set-aside event again", async () => {
    const t = await signedDir();
    const tester = counting();
    const governor = counting("governor");
    await run(t, [tester.reactor, governor.reactor]);
    const { target, letterId } = await deadLettered(t, tester);
    await settled(t, tester, governor);
    const typesBefore = governor.types.length;
    await t.capsmith.log.append([(await redriveFor(t.capsmith.readModel, letterId)).event]);
    await until(() => tester.handed.get(target.id) === 3, 30_000, "the hand-back");
    await settled(t, tester, governor);
    expect(governor.handed.get(target.id)).toBe(1);
    expect(governor.types.slice(typesBefore)).toEqual(["OperatorNote"]);
  }, 90_000);
});

// ---------------------------------------------------------------------------------------------
// JetStream, hardened as docs/operations.md sets it up: each role its NATS user and key

describe("on hardened JetStream", () => {
  let h: HardenedNats | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it("a tester's stolen NATS user and key: its redrives (as the operator, or as itself) leave the letter open; the operator's CLI redrive counts, listed with the operator's key", async () => {
    h = await startHardenedNats("capsmith-attack-redrive2-");
    const as = async (role: string): Promise<EventLog> => {
      const key = await h!.key(role);
      return openNatsLog({ url: h!.urlFor(role), clock: systemClock, newId: uuidIds, actor: role, sign: (hash: string) => signHash(hash, key) });
    };
    const operator = await as("operator");
    const tester = await as("tester");
    try {
      const target = await appended(operator, [{ type: "OperatorNote", subject: subjectFor("gap", "poisoned"), data: { text: "poison" } } as NewEvent]);
      const letter = await appended(tester, [letterEvent(target)]);
      await tester.append([{ ...redriveEvent(letter.id, target) }]);
      await tester.append([{ ...redriveEvent(letter.id, target), actor: "tester" }]);
      const open = await h.cli("operator", ["deadletters", "list"]);
      expect(open.code, open.stdout + open.stderr).toBe(0);
      expect(open.json<{ letters: unknown[] }>().letters).toEqual([expect.objectContaining({ id: letter.id, redriven: null, handBack: { ok: true } })]);

      const done = await h.cli("operator", ["deadletters", "redrive", letter.id, "--note", "fixed"]);
      expect(done.code, done.stdout + done.stderr).toBe(0);
      const all = await h.cli("operator", ["deadletters", "list", "--all"]);
      const operatorKey = (await h.key("operator")).keyId;
      expect(all.json<{ letters: unknown[] }>().letters).toEqual([expect.objectContaining({ id: letter.id, redriven: expect.objectContaining({ actor: "operator", keyId: operatorKey, note: "fixed" }) })]);
    } finally {
      await operator.close();
      await tester.close();
    }
  }, 180_000);
});
