/**
 * The embedded log's index checkpoint (`events.index`): a writer leaves one, the next process
 * starts from it and reads only the records after it, and a checkpoint that does not match its log
 * (damaged, stale, of another log) is ignored and the index is built from the log again.
 */
import { copyFile, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ALL_EVENTS, openFileLog } from "../../src/events/index.ts";
import type { AnyStoredEvent, EventLog } from "../../src/events/index.ts";
import { counterIds, steppingClock } from "../support/deterministic.ts";

let dir: string;
let opens = 0;
let warnings: string[] = [];
const logger = () => pino({ level: "warn" }, { write: (line: string) => void warnings.push(line) });
const open = (at = dir, options: { readOnly?: boolean; checkpointEvery?: number } = {}): Promise<EventLog> =>
  openFileLog({ dir: at, clock: steppingClock(), newId: counterIds(`open${++opens}`), actor: "test", logger: logger(), checkpointEvery: 10, ...options });
const note = (i: number) => ({ type: "OperatorNote" as const, subject: `capsmith.evt.note.s${i % 3}`, data: { text: `note ${i}` } });

async function collect(log: EventLog): Promise<AnyStoredEvent[]> {
  const out: AnyStoredEvent[] = [];
  for await (const e of log.read(ALL_EVENTS)) out.push(e);
  return out;
}

async function writeNotes(at: string, from: number, to: number): Promise<void> {
  const log = await open(at);
  for (let i = from; i <= to; i++) await log.append([note(i)], { msgId: `m${i}` });
  await log.close();
}

/** What a reader sees of the log: every event, the heads, the identity. */
async function view(log: EventLog) {
  const heads = await Promise.all([0, 1, 2].map((s) => log.subjectHead(`capsmith.evt.note.s${s}`)));
  return { events: (await collect(log)).map((e) => [e.seq, e.hash]), heads, last: await log.lastSeq(), identity: await log.identity() };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-filelog-index-"));
  warnings = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the index checkpoint", () => {
  it("is left by a writer and gives the next process the same log, msgIds included", async () => {
    await writeNotes(dir, 1, 40);
    expect((await stat(join(dir, "events.index"))).size).toBeGreaterThan(0);
    const reader = await open(dir, { readOnly: true });
    const fromCheckpoint = await view(reader);
    await reader.close();
    await rm(join(dir, "events.index"));
    const scanning = await open(dir, { readOnly: true });
    expect(await view(scanning)).toEqual(fromCheckpoint);
    await scanning.close();
    expect(fromCheckpoint.last).toBe(40);
    expect(warnings).toEqual([]);

    // A msgId from before the checkpoint is still a duplicate (found through the hash table).
    await writeNotes(dir, 1, 40); // writes a new checkpoint after the scan
    const writer = await open();
    const again = await writer.append([note(7)], { msgId: "m7" });
    expect(again).toMatchObject({ duplicate: true, seq: 7 });
    expect((await writer.append([note(41)], { msgId: "m41" })).duplicate).toBe(false);
    await writer.close();
  });

  it("catches up with what was appended after it", async () => {
    await writeNotes(dir, 1, 20);
    const saved = await readFile(join(dir, "events.index"));
    await writeNotes(dir, 21, 35);
    await writeFile(join(dir, "events.index"), saved); // a checkpoint at 20 of a log of 35
    const log = await open(dir, { readOnly: true });
    const events = await collect(log);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));
    expect((await log.subjectHead("capsmith.evt.note.s2"))?.seq).toBe(35);
    await log.close();
    expect(warnings).toEqual([]);
  });

  it("is ignored, and the log indexed again, when it does not match the log", async () => {
    await writeNotes(dir, 1, 30);
    const truth = await open(dir, { readOnly: true });
    await rm(join(dir, "events.index"));
    const expected = await view(truth);
    await truth.close();

    // Another log's checkpoint, a damaged one, and one of a longer log: none may be trusted.
    const other = await mkdtemp(join(tmpdir(), "capsmith-filelog-index-other-"));
    try {
      await writeNotes(other, 100, 129);
      const foreign = await readFile(join(other, "events.index"));
      await writeNotes(other, 130, 160);
      const longer = await readFile(join(other, "events.index"));
      const damaged = Buffer.from(foreign);
      damaged[damaged.length - 100] = damaged[damaged.length - 100]! ^ 0xff;
      for (const [what, bytes] of [["foreign", foreign], ["damaged", damaged], ["longer", longer]] as const) {
        warnings = [];
        await writeFile(join(dir, "events.index"), bytes);
        const log = await open(dir, { readOnly: true });
        expect({ what, view: await view(log) }).toEqual({ what, view: expected });
        await log.close();
        expect(warnings.some((w) => w.includes("ignoring the event log's index checkpoint")), what).toBe(true);
      }
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it("is not trusted over a log rewritten in place", async () => {
    await writeNotes(dir, 1, 30);
    const checkpoint = await readFile(join(dir, "events.index"));
    // The same number of records, other content: a log restored from elsewhere, say.
    const other = await mkdtemp(join(tmpdir(), "capsmith-filelog-index-other-"));
    try {
      await writeNotes(other, 1001, 1030);
      await copyFile(join(other, "events.log"), join(dir, "events.log"));
      await writeFile(join(dir, "events.index"), checkpoint);
      const log = await open(dir, { readOnly: true });
      const texts = (await collect(log)).map((e) => (e.data as { text: string }).text);
      expect(texts[0]).toBe("note 1001");
      expect(texts).toHaveLength(30);
      await log.close();
      expect(warnings.some((w) => w.includes("ignoring the event log's index checkpoint"))).toBe(true);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
