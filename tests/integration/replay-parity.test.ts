/**
 * The same events, appended through the file log and through JetStream, replay into byte-identical
 * projection states (equal state hashes), and replaying twice changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventLog, NewEvent } from "../../src/events/index.ts";
import { allProjections, createProjector } from "../../projections/index.ts";
import { counterIds, steppingClock } from "../support/deterministic.ts";
import { fileFactory, natsFactory } from "../support/log-factories.ts";

const factories = [fileFactory(), natsFactory()];

async function fill(log: EventLog): Promise<void> {
  for (let i = 0; i < 30; i++) {
    const events: NewEvent[] = [{ type: "OperatorNote", subject: `capsmith.evt.note.t${i % 4}`, data: { text: `note ${i}` } }];
    if (i % 5 === 0) events.push({ type: "OperatorNote", subject: `capsmith.evt.note.t${i % 4}`, data: { text: `and ${i}` } });
    await log.append(events);
  }
  await log.append([{ type: "KeyTrusted", subject: "capsmith.evt.key.k1", data: { keyId: "k1", publicKey: "pk", name: "ops", role: "operator" } }]);
}

describe("replay parity across adapters", () => {
  beforeAll(async () => {
    for (const f of factories) {
      await f.setup();
      await f.reset();
    }
  });
  afterAll(async () => {
    for (const f of factories) await f.teardown();
  });

  it("gives equal state hashes from the file log and from JetStream, and on a second replay", async () => {
    const hashes: string[][] = [];
    const names = Object.keys(allProjections) as (keyof typeof allProjections)[];
    for (const f of factories) {
      const log = await f.open({ clock: steppingClock(), newId: counterIds("p") });
      try {
        await fill(log);
        const first = await createProjector({ log, projections: allProjections }).catchUp();
        const second = await createProjector({ log, projections: allProjections }).asOf({ untilSeq: first.seq });
        expect(names.map((n) => second.hash(n))).toEqual(names.map((n) => first.hash(n)));
        expect(first.seq).toBe(31);
        hashes.push(names.map((n) => first.hash(n)));
      } finally {
        await log.close();
      }
    }
    expect(hashes[0]).toEqual(hashes[1]);
  });
});
