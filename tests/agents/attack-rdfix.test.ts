/**
 * Attacks on the rdfix promise "a dead letter about an event whose subject the letter's role does not
 * follow is no letter of that role" (src/agents/loop/redrive.ts, src/agents/loop/subscriptions.ts):
 * not listed, refused by `deadletters redrive` with dead_letter_not_found, and a redrive appended
 * anyway hands nothing back and never lists as redriven. Rigs as in attack-redrive2.test.ts: a signed
 * embedded data directory, the loop in this process, attackers writing with the role keys they stole
 * from the data directory, the real CLI where the operator acts. Attacks that break the promise are
 * `it.fails("BROKE: ...")`; those fixed since (rdfix2) are `it("FIXED (broke before): ...")`.
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
import type { AnyStoredEvent, EventLog, NewEvent } from "../../src/events/index.ts";
import { openKeyStore, signHash } from "../../src/hub/index.ts";
import type { SigningKey } from "../../src/hub/index.ts";
import { systemClock, uuidIds } from "../../src/platform/index.ts";
import { openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";
import { until } from "../support/daemon-fleet.ts";
import { runCli } from "../support/run-cli.ts";
import { startNatsServer } from "../support/nats-server.ts";

const silent = pino({ level: "silent" });

interface LetterOptions { role?: unknown; actor?: string; subject?: string; eventSeq?: number }
/** A HandlerDeadLettered about `e`, as the role's own record would be, with the fields an attacker picks. */
const letterEvent = (e: AnyStoredEvent, o: LetterOptions = {}): NewEvent => {
  const role = "role" in o ? o.role : "tester";
  const actor = o.actor ?? (typeof role === "string" ? role : "tester");
  return {
    type: "HandlerDeadLettered", subject: subjectFor("deadletter", actor), actor,
    data: { ...(role === undefined ? {} : { role }), eventId: e.id, eventType: e.type, eventSeq: o.eventSeq ?? e.seq, subject: o.subject ?? e.subject, attempts: 5, error: { code: "internal", message: "failed" } },
  } as NewEvent;
};
const redriveEvent = (letterId: string, e: AnyStoredEvent, o: { role?: string; subject?: string } = {}): NewEvent =>
  ({ type: "DeadLetterRedriven", subject: o.subject ?? e.subject, actor: "operator", data: { role: o.role ?? "tester", deadLetterId: letterId, eventId: e.id } }) as NewEvent;

interface Signed { dir: string; capsmith: TestCapsmith; agents: RunningAgents[]; attackers: EventLog[] }
let s: Signed | undefined;

afterEach(async () => {
  const open = s;
  s = undefined;
  if (!open) return;
  for (const a of open.agents) await a.stop();
  for (const l of open.attackers) await l.close().catch(() => undefined);
  await open.capsmith.dispose();
  await rm(open.dir, { recursive: true, force: true });
});

async function signedDir(): Promise<Signed> {
  const dir = await mkdtemp(join(tmpdir(), "capsmith-attack-rdfix-"));
  await writeFile(join(dir, "policy.json"), JSON.stringify({ requireSignedEvents: true }));
  s = { dir, capsmith: await openTestCapsmith({ dir }), agents: [], attackers: [] };
  return s;
}

/** A connection of the attacker's own, writing as `actor`, signing with a role key stolen from the data directory. */
async function attacker(t: Signed, actor: string, key: SigningKey): Promise<EventLog> {
  const log = await openFileLog({ dir: t.dir, clock: systemClock, newId: uuidIds, actor, sign: (hash: string) => signHash(hash, key) });
  t.attackers.push(log);
  return log;
}
const roleKey = (t: Signed, role: string): Promise<SigningKey> => openKeyStore(t.dir).load(role);
const appended = async (log: EventLog, events: NewEvent[]): Promise<AnyStoredEvent> => (await log.append(events)).events[0]! as AnyStoredEvent;
const noteOn = (t: Signed, subject: string, text = "poison"): Promise<AnyStoredEvent> => appended(t.capsmith.log, [{ type: "OperatorNote", subject, data: { text } } as NewEvent]);
/** A letter written by the thief of `role`'s key. */
const forge = async (t: Signed, role: string, letter: NewEvent): Promise<AnyStoredEvent> => appended(await attacker(t, role, await roleKey(t, role)), [letter]);

interface Counting { reactor: Reactor; handed: Map<string, number>; seen: Set<string> }
/** A tester reactor on the gap subjects counting how often it is handed each note. */
function counting(role = "tester", filter = "capsmith.evt.gap.>"): Counting {
  const c: Counting = { reactor: undefined as unknown as Reactor, handed: new Map(), seen: new Set() };
  c.reactor = {
    role: role as Reactor["role"],
    filter,
    async handle(event) {
      c.seen.add(event.id);
      if (event.type === "OperatorNote") c.handed.set(event.id, (c.handed.get(event.id) ?? 0) + 1);
    },
  };
  return c;
}
async function run(t: Signed, reactors: Reactor[]): Promise<void> {
  t.agents.push(await startAgents(t.capsmith.readModel, reactors, { clock: systemClock, newId: uuidIds, logger: silent }, { maxAttempts: 2 }));
}
async function settled(t: Signed, c: Counting): Promise<void> {
  const marker = await noteOn(t, subjectFor("gap", "marker"), "marker");
  await until(() => c.seen.has(marker.id), 30_000, "the loop to reach the marker");
}

const cli = (t: Signed, args: string[]) => runCli(["--data", t.dir, "--json", "deadletters", ...args], { timeoutMs: 60_000 });
const PLUGIN = subjectFor("plugin", "double_it");
const GAP = subjectFor("gap", "poisoned");

// ---------------------------------------------------------------------------------------------
// The letter says a subject the role follows; the event it names is on one the role does not

describe("a letter whose subject field lies about the event it names", () => {
  it("FIXED (broke before): a tester letter naming a plugin event (id, seq, type) but saying subject capsmith.evt.gap.poisoned is listed by deadletters list (letterOf trusts data.subject, never the named event's own subject)", async () => {
    const t = await signedDir();
    const outside = await noteOn(t, PLUGIN);
    const lying = await forge(t, "tester", letterEvent(outside, { subject: GAP }));
    const listed = (await cli(t, ["list", "--all"])).json<{ letters: { id: string }[] }>().letters.map((l) => l.id);
    expect(listed).not.toContain(lying.id);
  }, 90_000);

  it("FIXED (broke before): the same lying letter, wildcard edition (subject capsmith.evt.gap.>, which follows() accepts by string equality with the filter), is listed too", async () => {
    const t = await signedDir();
    const outside = await noteOn(t, PLUGIN);
    const lying = await forge(t, "tester", letterEvent(outside, { subject: "capsmith.evt.gap.>" }));
    expect((await readDeadLetters(t.capsmith.readModel)).map((l) => l.id)).not.toContain(lying.id);
  }, 90_000);

  it("FIXED (broke before): deadletters redrive of the lying letter is refused with event_missing, not dead_letter_not_found (the promise's code for a letter about an unfollowed subject)", async () => {
    const t = await signedDir();
    const outside = await noteOn(t, PLUGIN);
    const lying = await forge(t, "tester", letterEvent(outside, { subject: GAP }));
    const refused = await cli(t, ["redrive", lying.id]);
    expect(refused.code, refused.stdout + refused.stderr).toBe(1);
    expect(refused.json()).toMatchObject({ ok: false, error: { code: "dead_letter_not_found" } });
  }, 90_000);

  it("FIXED (broke before): an operator redrive of the lying letter appended anyway (on the subject the letter claims) lists it as redriven in deadletters list --all", async () => {
    const t = await signedDir();
    const c = counting();
    await run(t, [c.reactor]);
    const outside = await noteOn(t, PLUGIN);
    const lying = await forge(t, "tester", letterEvent(outside, { subject: GAP }));
    await t.capsmith.log.append([redriveEvent(lying.id, outside, { subject: GAP })]);
    await settled(t, c);
    // Nothing is handed back (the event is not on the gap subject it claims)...
    expect(c.handed.get(outside.id)).toBeUndefined();
    // ...but the listing says an operator redrove a tester letter about a plugin event.
    const letters = (await cli(t, ["list", "--all"])).json<{ letters: { id: string; redriven: unknown }[] }>().letters;
    expect(letters.filter((l) => l.id === lying.id && l.redriven !== null)).toEqual([]);
  }, 90_000);

  it("FIXED (broke before): the lying tester letter about a plugin event makes the governor's honest letter about the same event ambiguous: deadletters redrive EVENT_ID is dead_letter_ambiguous instead of handing it back to the governor", async () => {
    const t = await signedDir();
    let failing = true;
    const handed = new Map<string, number>();
    const governor: Reactor = {
      role: "governor", filter: "capsmith.evt.plugin.>",
      async handle(event) {
        handed.set(event.id, (handed.get(event.id) ?? 0) + 1);
        if (failing && event.type === "OperatorNote") throw new Error("poisoned");
      },
    };
    await run(t, [governor]);
    const onPlugin = await noteOn(t, PLUGIN);
    await until(async () => (await readDeadLetters(t.capsmith.readModel, "governor")).length === 1, 30_000, "the governor's letter");
    failing = false;
    await forge(t, "tester", letterEvent(onPlugin, { subject: GAP }));
    const done = await cli(t, ["redrive", onPlugin.id]);
    expect(done.json<{ error?: { code: string } }>().error?.code, done.stdout).toBeUndefined();
    await until(() => handed.get(onPlugin.id) === 3, 30_000, "the hand-back to the governor");
  }, 90_000);
});

describe("across roles, by the wildcard that is the role's own filter", () => {
  it("FIXED (broke before): an slo letter (stolen slo key) about a gap event, saying subject capsmith.evt.usage.> (equal to slo's filter, so follows() says yes), is listed as an slo letter though no slo agent is ever handed a gap event", async () => {
    const t = await signedDir();
    const onGap = await noteOn(t, GAP);
    const lying = await forge(t, "slo", letterEvent(onGap, { role: "slo", subject: "capsmith.evt.usage.>" }));
    expect((await readDeadLetters(t.capsmith.readModel, "slo")).map((l) => l.id)).not.toContain(lying.id);
  }, 90_000);
});

// ---------------------------------------------------------------------------------------------
// Subjects a role does not follow, by every trick at hand

describe("letters about subjects their role does not follow", () => {
  it("none is listed: another role's tree (gap for slo, usage for governor and tester, plugin for tester), a case variant, a short subject, wildcards across trees (capsmith.evt.>, capsmith.evt.*.poisoned, >), a runner letter (runner follows nothing), an unknown or missing role", async () => {
    const t = await signedDir();
    const onGap = await noteOn(t, GAP);
    const onUpperGap = await noteOn(t, "capsmith.evt.GAP.poisoned");
    const onUsage = await noteOn(t, subjectFor("usage", "double_it"));
    const onPlugin = await noteOn(t, PLUGIN);
    const forged: AnyStoredEvent[] = [
      await forge(t, "slo", letterEvent(onGap, { role: "slo" })),
      await forge(t, "governor", letterEvent(onUsage, { role: "governor" })),
      await forge(t, "tester", letterEvent(onUsage)),
      await forge(t, "tester", letterEvent(onPlugin)),
      await forge(t, "tester", letterEvent(onUpperGap)),
      await forge(t, "tester", letterEvent(onGap, { subject: "capsmith.evt.gap" })),
      await forge(t, "tester", letterEvent(onGap, { subject: "capsmith.evt.>" })),
      await forge(t, "tester", letterEvent(onGap, { subject: "capsmith.evt.*.poisoned" })),
      await forge(t, "tester", letterEvent(onGap, { subject: ">" })),
      await forge(t, "runner", letterEvent(onGap, { role: "runner" })),
      await forge(t, "tester", letterEvent(onGap, { role: "auditor", actor: "tester" })),
    ];
    // A letter with no role at all is refused by the log itself (the catalog's schema).
    await expect(forge(t, "tester", letterEvent(onGap, { role: undefined, actor: "tester" }))).rejects.toMatchObject({ code: "invalid_event" });
    expect((await readDeadLetters(t.capsmith.readModel)).filter((l) => forged.some((f) => f.id === l.id))).toEqual([]);
    const listed = await cli(t, ["list", "--all"]);
    expect(listed.json()).toEqual({ ok: true, letters: [] });
  }, 90_000);

  it("an slo letter about a gap event does not count, so the event's id names only the true tester letter: redrive by event id hands it back once, no ambiguity", async () => {
    const t = await signedDir();
    const c = counting();
    await run(t, [c.reactor]);
    const target = await noteOn(t, GAP);
    const honest = await forge(t, "tester", letterEvent(target));
    const other = await forge(t, "slo", letterEvent(target, { role: "slo" }));
    const refused = await cli(t, ["redrive", other.id]);
    expect(refused.json()).toMatchObject({ ok: false, error: { code: "dead_letter_not_found" } });
    const done = await cli(t, ["redrive", target.id]);
    expect(done.code, done.stdout + done.stderr).toBe(0);
    await until(() => c.handed.get(target.id) === 2, 30_000, "the hand-back");
    expect((await readDeadLetters(t.capsmith.readModel)).map((l) => [l.id, l.redriven !== null])).toEqual([[honest.id, true]]);
  }, 90_000);

  it("a redrive naming a letter by a prefix of its id is dead_letter_not_found", async () => {
    const t = await signedDir();
    const target = await noteOn(t, GAP);
    const honest = await forge(t, "tester", letterEvent(target));
    const refused = await cli(t, ["redrive", honest.id.slice(0, 8)]);
    expect(refused.code).toBe(1);
    expect(refused.json()).toMatchObject({ ok: false, error: { code: "dead_letter_not_found" } });
  }, 90_000);

  it("an operator redrive appended anyway for an slo letter about a gap event hands nothing to the tester loop and never lists", async () => {
    const t = await signedDir();
    const c = counting();
    await run(t, [c.reactor]);
    const target = await noteOn(t, GAP);
    const other = await forge(t, "slo", letterEvent(target, { role: "slo" }));
    await t.capsmith.log.append([redriveEvent(other.id, target, { role: "slo" }), redriveEvent(other.id, target, { role: "tester" })]);
    await settled(t, c);
    expect(c.handed.get(target.id)).toBe(1);
    expect((await cli(t, ["list", "--all"])).json()).toEqual({ ok: true, letters: [] });
  }, 90_000);
});

// ---------------------------------------------------------------------------------------------
// A wildcard subject over an event the role does follow

describe("a letter whose subject is a wildcard over its own role's tree", () => {
  it("FIXED (broke before, beside the promise): a tester letter saying subject capsmith.evt.gap.> about a real gap event is listed as open, but deadletters redrive fails with invalid_subject (it appends the redrive on the wildcard) instead of handing it back or refusing it as no letter", async () => {
    const t = await signedDir();
    const target = await noteOn(t, GAP);
    const wild = await forge(t, "tester", letterEvent(target, { subject: "capsmith.evt.gap.>" }));
    const listed = (await cli(t, ["list"])).json<{ letters: { id: string }[] }>().letters.map((l) => l.id);
    const done = await cli(t, ["redrive", wild.id]);
    // Either it is no letter (never listed, dead_letter_not_found) or it is one that can be redriven.
    if (listed.includes(wild.id)) expect(done.json(), "listed as open, so redrivable").toMatchObject({ ok: true });
    else expect(done.json()).toMatchObject({ ok: false, error: { code: "dead_letter_not_found" } });
  }, 90_000);
});

// ---------------------------------------------------------------------------------------------
// An honest letter must survive: subjects on a namespaced NATS stream

describe("an honest letter on NATS under a namespace (subjects prefixed on the server)", () => {
  it("the tester loop's own letter is listed, and redriven once by redriveFor's event (its subject is the logical one the tester follows)", async () => {
    const nats = await startNatsServer({ useEnv: false });
    const capsmith = await openTestCapsmith({ config: { nats: { url: nats.url }, namespace: "team_a" } });
    let agents: RunningAgents | undefined;
    try {
      let failing = true;
      const handed = new Map<string, number>();
      const reactor: Reactor = {
        role: "tester", filter: "capsmith.evt.gap.>",
        async handle(event) {
          handed.set(event.id, (handed.get(event.id) ?? 0) + 1);
          if (failing && event.type === "OperatorNote" && (event.data as { text: string }).text === "poison") throw new Error("poisoned");
        },
      };
      agents = await startAgents(capsmith.readModel, [reactor], { clock: systemClock, newId: uuidIds, logger: silent }, { maxAttempts: 2 });
      const target = await appended(capsmith.log, [{ type: "OperatorNote", subject: GAP, data: { text: "poison" } } as NewEvent]);
      await until(async () => (await readDeadLetters(capsmith.readModel, "tester")).length === 1, 30_000, "the honest letter");
      failing = false;
      const [letter] = await readDeadLetters(capsmith.readModel, "tester");
      expect(letter).toMatchObject({ role: "tester", eventId: target.id, subject: GAP, redriven: null });
      const { event } = await redriveFor(capsmith.readModel, letter!.id);
      await capsmith.log.append([event]);
      await until(() => handed.get(target.id) === 3, 30_000, "the hand-back");
      expect((await readDeadLetters(capsmith.readModel, "tester"))[0]?.redriven).not.toBeNull();
    } finally {
      await agents?.stop();
      await capsmith.dispose();
      await nats.stop();
    }
  }, 120_000);
});
