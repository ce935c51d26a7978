/**
 * Stopping an agent (a daemon's SIGTERM) waits for handlers in flight only up to its drain time: a
 * handler that never finishes (a read retrying against a dead cluster node) does not hold the
 * process, and its event, left unacknowledged, is handled by the next agent of the role.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterEach, beforeEach, expect, it } from "vitest";
import { startAgents } from "../../src/agents/loop/start-agents.ts";
import type { Reactor } from "../../src/agents/index.ts";
import { openFileLog, subjectFor } from "../../src/events/index.ts";
import type { EventLog } from "../../src/events/index.ts";
import { systemClock, uuidIds } from "../../src/platform/index.ts";
import { readModelOf } from "../support/capsmith.ts";

let dir: string;
let log: EventLog;
const deps = { clock: systemClock, newId: uuidIds, logger: pino({ level: "silent" }) };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-drain-"));
  log = await openFileLog({ dir, clock: systemClock, newId: uuidIds, actor: "test" });
});
afterEach(async () => {
  await log.close();
  await rm(dir, { recursive: true, force: true });
});

it("leaves a handler that never finishes after the drain time, and the next agent of the role handles its event", async () => {
  let started!: () => void;
  let release!: () => void;
  const inFlight = new Promise<void>((resolve) => (started = resolve));
  // Waits until the test lets it fail (as a read fails once its log closes), long after stop returned.
  const stuck: Reactor = { role: "tester", filter: "capsmith.evt.gap.>", handle: () => (started(), new Promise<void>((_, reject) => (release = () => reject(new Error("log closed"))))) };
  const first = await startAgents(await readModelOf(log), [stuck], deps, { drainMs: 300, ackWaitMs: 1_000 });
  const note = await log.append([{ type: "OperatorNote", subject: subjectFor("gap", "held"), data: { text: "held" } }]);
  await inFlight;
  // Resolves although the handler never will (without the drain time it would wait forever).
  expect(await Promise.race([first.stop().then(() => "stopped"), new Promise((r) => setTimeout(() => r("still waiting"), 30_000))])).toBe("stopped");

  const handled: number[] = [];
  const next: Reactor = { role: "tester", filter: "capsmith.evt.gap.>", handle: async (e) => void handled.push(e.seq) };
  const second = await startAgents(await readModelOf(log), [next], deps, { ackWaitMs: 1_000 });
  try {
    const until = performance.now() + 30_000;
    while (!handled.includes(note.seq) && performance.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(handled).toContain(note.seq);
  } finally {
    release();
    await second.stop();
  }
}, 60_000);
