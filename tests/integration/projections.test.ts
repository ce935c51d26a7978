/**
 * The replay engine over a real file log: determinism, as-of queries, checkpoint resume, and
 * tamper evidence (edits, deletions and truncation are all caught).
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openFileLog, verifyLog } from "../../src/events/index.ts";
import type { AnyStoredEvent, EventLog } from "../../src/events/index.ts";
import { createProjector, fileCheckpointStore, logStats } from "../../projections/index.ts";
import type { LogStats, Projection } from "../../projections/index.ts";
import { counterIds, steppingClock } from "../support/deterministic.ts";

let dir: string;
let opens = 0;
const open = (readOnly = false): Promise<EventLog> =>
  openFileLog({ dir, clock: steppingClock(), newId: counterIds(`o${++opens}`), actor: "test", readOnly });
const note = (topic: string, text: string) => ({ type: "OperatorNote" as const, subject: `capsmith.evt.note.${topic}`, data: { text } });

/** log-stats, counting how many events it was handed (to see what a resume replays). */
function counting(): { projection: Projection<LogStats>; applied: () => number } {
  let applied = 0;
  return {
    projection: { ...logStats, apply: (s, e: AnyStoredEvent) => (applied++, logStats.apply(s, e)) },
    applied: () => applied,
  };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-proj-"));
  const log = await open();
  for (let i = 1; i <= 6; i++) await log.append([note(i % 2 ? "odd" : "even", `n${i}`), note(i % 2 ? "odd" : "even", `m${i}`)]);
  await log.close();
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("replay engine", () => {
  it("gives byte-identical state when the same events are replayed twice", async () => {
    const log = await open(true);
    const a = await createProjector({ log, projections: [logStats] }).catchUp();
    const b = await createProjector({ log, projections: [logStats] }).catchUp();
    await log.close();
    expect(a.hashes).toEqual(b.hashes);
    expect(a.states["log-stats"]).toEqual({ events: 12, records: 6, lastSeq: 6, byType: { OperatorNote: 12 }, bySubject: { "capsmith.evt.note.odd": 6, "capsmith.evt.note.even": 6 } });
  });

  it("answers as of a sequence and as of a time", async () => {
    const log = await open(true);
    const projector = createProjector({ log, projections: [logStats] });
    const bySeq = await projector.asOf({ untilSeq: 2 });
    expect(bySeq.seq).toBe(2);
    expect((bySeq.states["log-stats"] as LogStats).events).toBe(4);
    const events: AnyStoredEvent[] = [];
    for await (const e of log.read("capsmith.evt.>")) events.push(e);
    const byTime = await projector.asOf({ untilTime: events[5]!.time });
    expect(byTime.seq).toBe(3);
    expect((byTime.states["log-stats"] as LogStats).events).toBe(6);
    await log.close();
  });

  it("resumes from checkpoints instead of replaying everything, and ends in the same state", async () => {
    const store = fileCheckpointStore(join(dir, "checkpoints"));
    const first = counting();
    let log = await open();
    await createProjector({ log, projections: [first.projection], store }).catchUp();
    expect(first.applied()).toBe(12);
    await log.append([note("odd", "later")]);
    await log.close();

    const second = counting();
    log = await open(true);
    const resumed = await createProjector({ log, projections: [second.projection], store }).catchUp();
    const scratch = await createProjector({ log, projections: [logStats] }).catchUp();
    await log.close();
    expect(second.applied()).toBe(1);
    expect(resumed.seq).toBe(7);
    expect(resumed.hashes["log-stats"]).toBe(scratch.hashes["log-stats"]);
  });

  it("applies each event once when catch-ups overlap, each covering what was appended before it", async () => {
    const log = await open();
    const counted = counting();
    const projector = createProjector({ log, projections: [counted.projection] });
    const views = [];
    for (let i = 0; i < 20; i++) {
      await log.append([note("odd", `more ${i}`)]);
      views.push(projector.catchUp());
    }
    const results = await Promise.all(views);
    await log.close();
    expect(counted.applied()).toBe(32);
    results.forEach((v, i) => expect(v.seq).toBeGreaterThanOrEqual(7 + i));
    expect(results[19]!.seq).toBe(26);
  });

  it("replays from the start when a checkpoint is damaged or of another version", async () => {
    const store = fileCheckpointStore(join(dir, "checkpoints"));
    const log = await open(true);
    await createProjector({ log, projections: [logStats], store }).catchUp();
    const file = join(dir, "checkpoints", "log-stats.json");
    const damaged = JSON.parse(await readFile(file, "utf8")) as { state: LogStats };
    damaged.state.events = 999;
    await writeFile(file, JSON.stringify(damaged));
    const again = counting();
    const view = await createProjector({ log, projections: [again.projection], store }).catchUp();
    expect(again.applied()).toBe(12);
    expect((view.states["log-stats"] as LogStats).events).toBe(12);
    const bumped = counting();
    await createProjector({ log, projections: [{ ...bumped.projection, version: 2 }], store }).catchUp();
    expect(bumped.applied()).toBe(12);
    await log.close();
  });
});

describe("tamper evidence", () => {
  /** Rewrites the log file through `edit` on its records, recomputing checksums like a careful forger. */
  async function forge(edit: (records: { seq: number; events: { data: unknown }[] }[]) => typeof records): Promise<void> {
    const file = join(dir, "events.log");
    const records = (await readFile(file, "utf8")).trim().split("\n").map((l) => JSON.parse(l.slice(9)) as { seq: number; events: { data: unknown }[] });
    const out = edit(records).map((r, i) => {
      const json = JSON.stringify({ ...r, seq: i + 1 });
      return `${crc32(json).toString(16).padStart(8, "0")} ${json}\n`;
    });
    await writeFile(file, out.join(""));
  }

  async function verify(withAnchors = false) {
    const log = await open(true);
    const anchors = withAnchors ? await fileCheckpointStore(join(dir, "checkpoints")).loadAnchors() : undefined;
    try {
      return await verifyLog(log, anchors);
    } finally {
      await log.close();
    }
  }

  it("verifies an untouched log", async () => {
    expect(await verify()).toMatchObject({ ok: true, events: 12, records: 6, subjects: 2 });
  });

  it("catches an edited event", async () => {
    await forge((records) => {
      records[2]!.events[1]!.data = { text: "rewritten" };
      return records;
    });
    expect(await verify()).toMatchObject({ ok: false, firstBreak: { problem: "hash_mismatch", seq: 3, subject: "capsmith.evt.note.odd" } });
  });

  it("reports an event whose envelope breaks the contract", async () => {
    await forge((records) => {
      (records[1]!.events[0] as unknown as { actor: string }).actor = "";
      return records;
    });
    expect(await verify()).toMatchObject({ ok: false, firstBreak: { problem: "malformed_envelope", seq: 2, expected: expect.stringContaining("actor") } });
  });

  it("catches a record deleted from the middle", async () => {
    await forge((records) => records.filter((r) => r.seq !== 3));
    expect(await verify()).toMatchObject({ ok: false, firstBreak: { problem: "prev_hash_mismatch", subject: "capsmith.evt.note.odd" } });
  });

  it("catches records cut off the end once a checkpoint anchored the heads", async () => {
    const log = await open(true);
    await createProjector({ log, projections: [logStats], store: fileCheckpointStore(join(dir, "checkpoints")) }).catchUp();
    await log.close();
    await forge((records) => records.slice(0, 5));
    expect(await verify(false)).toMatchObject({ ok: true });
    expect(await verify(true)).toMatchObject({ ok: false, firstBreak: { problem: "truncated", subject: "capsmith.evt.note.even", seq: 6 } });
  });
});
