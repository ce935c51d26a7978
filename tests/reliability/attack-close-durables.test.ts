/**
 * Attack on "closing a log waits at most CLOSE_WAIT_MS (2 s) for subscription handlers": with many
 * durables each holding a handler that never finishes (a daemon running every role, each stuck on a
 * dead dependency), closing must not wait 2 s per durable, one after another.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventLog, NewEvent } from "../../src/events/index.ts";
import { counterIds, steppingClock } from "../support/deterministic.ts";
import { fileFactory, natsFactory } from "../support/log-factories.ts";

const DURABLES = 20;
const note = (subject: string, text: string): NewEvent => ({ type: "OperatorNote", subject, data: { text } });

describe.each([fileFactory(), natsFactory()])("closing with $name durables all stuck", (factory) => {
  let log: EventLog;
  beforeAll(async () => {
    await factory.setup();
    await factory.reset();
    log = await factory.open({ clock: steppingClock(), newId: counterIds("stuck") });
  }, 60_000);
  afterAll(() => factory.teardown());

  it(`closes in about CLOSE_WAIT_MS, not ${DURABLES} times it`, async () => {
    let started = 0;
    const never = new Promise<void>(() => undefined);
    for (let i = 0; i < DURABLES; i++) {
      await log.subscribe(`stuck-${i}`, { filter: "capsmith.evt.stuck.>", ackWaitMs: 60_000 }, () => (started++, never));
    }
    await log.append([note("capsmith.evt.stuck.one", "held")]);
    const deadline = Date.now() + 30_000;
    while (started < DURABLES && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(started).toBe(DURABLES);
    // The promise is 2 s; 20 s (ten times it) only proves the waits do not add up (20 × 2 s = 40 s).
    const outcome = await Promise.race([log.close().then(() => "closed"), new Promise((r) => setTimeout(() => r("still closing"), 20_000))]);
    expect(outcome).toBe("closed");
  }, 90_000);
});
