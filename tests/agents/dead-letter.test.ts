/**
 * F2 (the loop's side): an agent handler that keeps failing on one event gets a bounded number of
 * attempts; then the event goes to a dead-letter record on the log (which `capsmith events` and the
 * REPL's `/events` show), and the agent moves on instead of retrying it forever.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startAgents } from "../../src/agents/loop/start-agents.ts";
import type { Reactor } from "../../src/agents/index.ts";
import { openFileLog, subjectFor } from "../../src/events/index.ts";
import type { AnyStoredEvent, EventLog } from "../../src/events/index.ts";
import { systemClock, uuidIds } from "../../src/platform/index.ts";
import { eventLine } from "../../src/repl/commands/events.ts";
import { readModelOf } from "../support/capsmith.ts";
import { runCli } from "../support/run-cli.ts";

let dir: string;
let log: EventLog;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-deadletter-"));
  log = await openFileLog({ dir, clock: systemClock, newId: uuidIds, actor: "test" });
});

afterEach(async () => {
  await log.close();
  await rm(dir, { recursive: true, force: true });
});

async function waitFor<T>(find: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const until = performance.now() + ms;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (performance.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function deadLetters(): Promise<AnyStoredEvent[]> {
  const out: AnyStoredEvent[] = [];
  for await (const e of log.read("capsmith.evt.deadletter.>")) out.push(e);
  return out;
}

describe("dead letters", () => {
  it("gives a failing handler a bounded number of attempts, then records the event as a dead letter", async () => {
    let calls = 0;
    let otherSeen = 0;
    const reactor: Reactor = {
      role: "tester",
      filter: "capsmith.evt.gap.>",
      async handle(event) {
        if (event.type === "OperatorNote" && (event.data as { text: string }).text === "poison") {
          calls++;
          throw new RangeError("Maximum call stack size exceeded " + "x".repeat(50_000));
        }
        otherSeen++;
      },
    };
    const agents = await startAgents(await readModelOf(log), [reactor], { clock: systemClock, newId: uuidIds, logger: pino({ level: "silent" }) }, { maxAttempts: 3 });
    try {
      const poison = await log.append([{ type: "OperatorNote", subject: subjectFor("gap", "poisoned"), data: { text: "poison" } }]);
      await log.append([{ type: "OperatorNote", subject: subjectFor("gap", "fine"), data: { text: "fine" } }]);
      const [letter] = await waitFor(async () => ((await deadLetters()).length > 0 ? deadLetters() : undefined));
      expect(letter).toMatchObject({
        type: "HandlerDeadLettered",
        subject: "capsmith.evt.deadletter.tester",
        data: { role: "tester", eventId: poison.events[0]!.id, eventType: "OperatorNote", eventSeq: poison.seq, attempts: 3 },
      });
      expect(String((letter!.data as { error: { message: string } }).error.message).length).toBeLessThanOrEqual(2_000);
      await waitFor(async () => (otherSeen > 0 ? true : undefined));
      // No more attempts after the dead letter, and only one record of it.
      await new Promise((r) => setTimeout(r, 1_000));
      expect(calls).toBe(3);
      expect(await deadLetters()).toHaveLength(1);
      expect(eventLine(letter!)).toContain("HandlerDeadLettered");
    } finally {
      await agents.stop();
    }
    await log.close();
    const cli = await runCli(["--data", dir, "--json", "events", "--filter", "capsmith.evt.deadletter.>"]);
    expect(cli.code).toBe(0);
    expect(cli.json<{ events: { type: string }[] }>().events.map((e) => e.type)).toEqual(["HandlerDeadLettered"]);
    log = await openFileLog({ dir, clock: systemClock, newId: uuidIds, actor: "test" });
  });
});
