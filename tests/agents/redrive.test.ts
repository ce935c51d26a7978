/**
 * Operators list dead letters and hand one back (`capsmith deadletters list|redrive`, real CLI
 * processes) on a signed embedded data directory while the agent loop runs in this process: the
 * loop gives the set-aside event to its role's handler again with fresh attempts; one that fails
 * again is a new letter, open to a new redrive. Every wait polls a condition.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startAgents } from "../../src/agents/loop/start-agents.ts";
import type { RunningAgents } from "../../src/agents/loop/start-agents.ts";
import type { Reactor } from "../../src/agents/index.ts";
import { openFileLog, subjectFor } from "../../src/events/index.ts";
import type { AnyStoredEvent, NewEvent } from "../../src/events/index.ts";
import { systemClock, uuidIds } from "../../src/platform/index.ts";
import { openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";
import { until } from "../support/daemon-fleet.ts";
import { runCli } from "../support/run-cli.ts";

let dir: string;
let capsmith: TestCapsmith;
let agents: RunningAgents | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-redrive-"));
  await writeFile(join(dir, "policy.json"), JSON.stringify({ requireSignedEvents: true }));
  capsmith = await openTestCapsmith({ dir });
});

afterEach(async () => {
  await agents?.stop();
  agents = undefined;
  await capsmith.dispose();
  await rm(dir, { recursive: true, force: true });
});

interface Letter {
  id: string;
  role: string;
  eventId: string;
  eventType: string;
  attempts: number;
  error: { message: string };
  redriven: { actor: string; note: string | null; seq: number } | null;
  handBack: { ok: boolean; code?: string; reason?: string } | null;
}

/** A tester reactor that fails on the note "poison" while `failing` says so, and records what it handled. */
function poisonable(): { reactor: Reactor; failing: { on: boolean }; calls: () => number; handled: string[] } {
  const failing = { on: true };
  let calls = 0;
  const handled: string[] = [];
  const reactor: Reactor = {
    role: "tester",
    filter: "capsmith.evt.gap.>",
    async handle(event) {
      if (event.type !== "OperatorNote" || (event.data as { text: string }).text !== "poison") return;
      calls++;
      if (failing.on) throw new Error(`cannot handle ${event.id}`);
      handled.push(event.id);
    },
  };
  return { reactor, failing, calls: () => calls, handled };
}

async function start(reactors: Reactor[]): Promise<void> {
  agents = await startAgents(capsmith.readModel, reactors, { clock: systemClock, newId: uuidIds, logger: pino({ level: "silent" }) }, { maxAttempts: 2 });
}

async function letterEvents(): Promise<AnyStoredEvent[]> {
  const out: AnyStoredEvent[] = [];
  for await (const e of capsmith.log.read("capsmith.evt.deadletter.>")) out.push(e);
  return out;
}

const poison = async (): Promise<AnyStoredEvent> => {
  const { events } = await capsmith.log.append([{ type: "OperatorNote", subject: subjectFor("gap", "poisoned"), data: { text: "poison" } }]);
  return events[0]! as AnyStoredEvent;
};

const cli = (args: string[]) => runCli(["--data", dir, "--json", "deadletters", ...args], { timeoutMs: 60_000 });
const listed = async (args: string[] = []): Promise<Letter[]> => {
  const run = await cli(["list", ...args]);
  expect(run.code, run.stderr).toBe(0);
  return run.json<{ letters: Letter[] }>().letters;
};

describe("capsmith deadletters", () => {
  it("lists a letter, redrives it (fresh attempts), lists the letter a second failure makes, refuses the redriven one and an ambiguous event id, and the second redrive is handled once", async () => {
    const p = poisonable();
    await start([p.reactor]);
    const event = await poison();
    await until(async () => (await letterEvents()).length === 1, 30_000, "the first letter");
    expect(p.calls()).toBe(2);

    const [first] = await listed();
    expect(first).toMatchObject({ role: "tester", eventId: event.id, eventType: "OperatorNote", attempts: 2, redriven: null, handBack: { ok: true } });
    expect(first!.error.message).toContain("cannot handle");
    const text = await runCli(["--data", dir, "deadletters", "list"]);
    expect(text.stdout).toContain(`can be handed back: capsmith deadletters redrive ${first!.id}`);

    // Redriven while the handler still fails: two fresh attempts, then a second letter (its own id).
    const redrive = await cli(["redrive", first!.id, "--note", "the backend is back"]);
    expect(redrive.code, redrive.stderr).toBe(0);
    expect(redrive.json()).toMatchObject({ ok: true, deadLetterId: first!.id, role: "tester", eventId: event.id });
    await until(async () => (await letterEvents()).length === 2, 30_000, "the second letter");
    expect(p.calls()).toBe(4);
    const open = await listed();
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ eventId: event.id, redriven: null, handBack: { ok: true } });
    expect(open[0]!.id).not.toBe(first!.id);
    const all = await listed(["--all"]);
    expect(all.map((l) => [l.id, l.redriven?.actor ?? null, l.redriven?.note ?? null])).toEqual([[first!.id, "operator", "the backend is back"], [open[0]!.id, null, null]]);

    // Refused: the letter already redriven, and the event id two letters share.
    const again = await cli(["redrive", first!.id]);
    expect(again.code).toBe(1);
    expect(again.json()).toMatchObject({ ok: false, error: { code: "already_redriven", nextStep: expect.stringContaining("deadletters list") } });
    const ambiguous = await cli(["redrive", event.id]);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.json()).toMatchObject({ ok: false, error: { code: "dead_letter_ambiguous", nextStep: expect.any(String) } });

    p.failing.on = false;
    expect((await cli(["redrive", open[0]!.id])).code).toBe(0);
    await until(() => p.handled.length > 0, 30_000, "the handler to take the event");
    expect(await listed()).toEqual([]);
    expect((await listed(["--all"])).every((l) => l.redriven?.actor === "operator")).toBe(true);
    expect(p.handled).toEqual([event.id]);
    expect(await letterEvents()).toHaveLength(2);
  }, 120_000);

  it("two operators redriving one letter at once: the handler takes the event once, and the letter lists redriven by the first", async () => {
    const p = poisonable();
    await start([p.reactor]);
    const event = await poison();
    await until(async () => (await letterEvents()).length === 1, 30_000, "the letter");
    p.failing.on = false;
    const [letter] = await listed();
    const runs = await Promise.all([cli(["redrive", letter!.id, "--note", "one"]), cli(["redrive", letter!.id, "--note", "two"])]);
    // Each either redrove it or was told it was redriven already.
    for (const run of runs) expect(run.code === 0 || run.json<{ error: { code: string } }>().error.code === "already_redriven", run.stdout + run.stderr).toBe(true);
    expect(runs.some((r) => r.code === 0)).toBe(true);
    await until(() => p.handled.length > 0, 30_000, "the handler to take the event");
    // A marker after both: the loop has been handed everything before it.
    const { events } = await capsmith.log.append([{ type: "OperatorNote", subject: subjectFor("gap", "marker"), data: { text: "poison" } }]);
    await until(() => p.handled.includes(events[0]!.id), 30_000, "the marker");
    expect(p.handled).toEqual([event.id, events[0]!.id]);
    const [after] = await listed(["--all"]);
    const firstOk = runs.find((r) => r.code === 0)!.json<{ seq: number }>();
    expect(after!.redriven).toMatchObject({ actor: "operator" });
    expect(after!.redriven!.seq).toBeLessThanOrEqual(firstOk.seq);
  }, 90_000);

  it("filters by role, refuses a role that is not an agent's and an unknown id, each with a next step", async () => {
    const p = poisonable();
    await start([p.reactor]);
    await poison();
    await until(async () => (await letterEvents()).length === 1, 30_000, "the letter");
    expect(await listed(["--role", "governor"])).toEqual([]);
    expect(await listed(["--role", "tester"])).toHaveLength(1);

    const badRole = await cli(["list", "--role", "operator"]);
    expect(badRole.code).toBe(2);
    expect(badRole.json()).toMatchObject({ ok: false, error: { code: "usage", message: expect.stringContaining("operator"), nextStep: expect.stringContaining("governor") } });
    const unknown = await cli(["redrive", "no-such-letter"]);
    expect(unknown.code).toBe(1);
    expect(unknown.json()).toMatchObject({ ok: false, error: { code: "dead_letter_not_found", nextStep: expect.stringContaining("deadletters list") } });
    const text = await runCli(["--data", dir, "deadletters", "redrive", "no-such-letter"]);
    expect(text.stderr).toContain("more: capsmith help errors dead_letter_not_found");
  }, 90_000);

  it("says a letter cannot be handed back when its event would not be admitted, and refuses to redrive it (event_not_admitted); a letter about an event the log does not hold is no letter (dead_letter_not_found)", async () => {
    // The tester's own letters (signed by its key) about events this log does not hold or admit:
    // a made-up event, and an operator's approval appended without any signature.
    const unsigned = await openFileLog({ dir, clock: systemClock, newId: uuidIds, actor: "operator" });
    let forgedApproval: AnyStoredEvent;
    try {
      const { events } = await unsigned.append([{ type: "PluginApproved", subject: subjectFor("gap", "total_cost"), actor: "operator", data: { pluginId: "total_cost@1.0.0", keyId: "0000000000000000", signature: "AAAA" } } as NewEvent]);
      forgedApproval = events[0]! as AnyStoredEvent;
    } finally {
      await unsigned.close();
    }
    const letter = (eventId: string, eventSeq: number, subject: string, eventType: string): NewEvent => ({
      type: "HandlerDeadLettered", subject: subjectFor("deadletter", "tester"), actor: "tester",
      data: { role: "tester", eventId, eventType, eventSeq, subject, attempts: 5, error: { code: "internal", message: "failed" } },
    }) as NewEvent;
    const madeUp = (await capsmith.log.append([letter("made-up", 1, subjectFor("gap", "total_cost"), "OperatorNote")])).events[0]!;
    await capsmith.log.append([letter(forgedApproval.id, forgedApproval.seq, forgedApproval.subject, "PluginApproved")]);

    const letters = await listed();
    expect(letters.map((l) => [l.eventId, l.handBack?.ok, l.handBack?.code])).toEqual([[forgedApproval.id, false, "event_not_admitted"]]);
    const text = await runCli(["--data", dir, "deadletters", "list"]);
    expect(text.stdout.match(/cannot be handed back: /g)).toHaveLength(1);
    const run = await cli(["redrive", letters[0]!.id]);
    expect(run.code).toBe(1);
    expect(run.json()).toMatchObject({ ok: false, error: { code: "event_not_admitted", nextStep: expect.stringContaining("audit verify") } });
    for (const id of [madeUp.id, "made-up"]) {
      const refused = await cli(["redrive", id]);
      expect(refused.code).toBe(1);
      expect(refused.json()).toMatchObject({ ok: false, error: { code: "dead_letter_not_found" } });
    }
    expect((await listed()).every((l) => l.redriven === null)).toBe(true);
  }, 90_000);
});
