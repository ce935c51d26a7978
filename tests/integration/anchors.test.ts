/**
 * Anchors on a real file log: an anchor taken from a previous one (reading only the tail, across a
 * change of block size) is the anchor a full walk takes; verifying against one reads from the anchor
 * on; a rewrite before it — hashes and chain recomputed — is named, in blocks of one record and of
 * several; and writers anchor on their own when the data directory has an operator key.
 */
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { anchorStore, blockSizeFor, openFileLog, subjectFor, takeAnchor, verifyAgainstAnchor } from "../../src/events/index.ts";
import type { EventLog, NewEvent } from "../../src/events/index.ts";
import { openKeyStore } from "../../src/hub/index.ts";
import { DATA_DIR_ROLES } from "../../src/hub/role-keys.ts";
import { readLogLines, rewriteRecord } from "../support/log-tamper.ts";
import { openTestCapsmith } from "../support/capsmith.ts";

let dir: string;
let n = 0;
const clock = { now: () => new Date("2026-11-30T00:00:00.000Z") };
const open = (readOnly = false): Promise<EventLog> => openFileLog({ dir, clock, newId: () => `id-${++n}`, actor: "test", readOnly });

async function appendNotes(log: EventLog, count: number, subjects = 7): Promise<void> {
  const pending: Promise<unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const event = { type: "OperatorNote", subject: subjectFor("note", `s${i % subjects}`), data: { text: `note ${i}` } } as NewEvent;
    pending.push(log.append([event]));
  }
  await Promise.all(pending);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-anchors-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("taking anchors", () => {
  it("from a previous anchor gives the statement a full walk gives, across a change of block size", async () => {
    const log = await open();
    try {
      await appendNotes(log, 3_001);
      const first = await takeAnchor(log, { clock });
      expect(first).toMatchObject({ seq: 3_001, blockSize: 1, events: 3_001 });
      expect(first.blocks).toHaveLength(3_001);
      await appendNotes(log, 2_500);
      const incremental = await takeAnchor(log, { clock, previous: first });
      const full = await takeAnchor(log, { clock });
      expect(full.blockSize).toBe(blockSizeFor(5_501));
      expect(full.blockSize).toBe(2);
      expect(incremental).toEqual(full);
      // And once more at the same block size, with a partial last block in the previous one.
      await appendNotes(log, 3);
      expect(await takeAnchor(log, { clock, previous: full })).toEqual(await takeAnchor(log, { clock }));
    } finally {
      await log.close();
    }
  }, 120_000);

  it("refuses to anchor a log that no longer matches the previous anchor", async () => {
    const log = await open();
    await appendNotes(log, 40);
    const first = await takeAnchor(log, { clock });
    await log.close();
    await rewriteRecord(dir, 39, (event) => void ((event["data"] as { text: string }).text = "rewritten"));
    const again = await open(true);
    try {
      await expect(takeAnchor(again, { clock, previous: first })).rejects.toMatchObject({ code: "anchor_refused" });
    } finally {
      await again.close();
    }
  });
});

describe("verifying against an anchor", () => {
  it("reads from the anchor on, and verifies what came after", async () => {
    const log = await open();
    try {
      await appendNotes(log, 100);
      const anchor = await takeAnchor(log, { clock });
      await appendNotes(log, 10);
      const check = await verifyAgainstAnchor(log, anchor);
      expect(check).toMatchObject({ ok: true, mode: "incremental", logSeq: 110, records: 10, events: 10, headsChecked: 7 });
      expect(await verifyAgainstAnchor(log, anchor, { full: true })).toMatchObject({ ok: true, mode: "full", records: 110, events: 110 });
    } finally {
      await log.close();
    }
  });

  it.each([
    { records: 200, rewritten: 57 },
    { records: 9_000, rewritten: 4_321 },
  ])("names the first record that differs after a rewrite before the anchor ($records records)", async ({ records, rewritten }) => {
    const log = await open();
    await appendNotes(log, records, 50);
    const anchor = await takeAnchor(log, { clock });
    await appendNotes(log, 5, 50);
    await log.close();
    const subject = (await readLogLines(dir))[rewritten - 1]!.events[0]!["subject"];
    await rewriteRecord(dir, rewritten, (event) => void ((event["data"] as { text: string }).text = "rewritten"));
    const again = await open(true);
    try {
      const check = await verifyAgainstAnchor(again, anchor);
      expect(check.ok).toBe(false);
      expect(check.mode).toBe("full");
      expect(check.difference).toMatchObject({ problem: "record_differs", seq: rewritten, subject });
      expect(check.difference!.block!.from).toBeLessThanOrEqual(rewritten);
      expect(check.difference!.block!.to).toBeGreaterThanOrEqual(rewritten);
    } finally {
      await again.close();
    }
  }, 120_000);

  it("reports a quarantined line after the anchor", async () => {
    const log = await open();
    await appendNotes(log, 20);
    const anchor = await takeAnchor(log, { clock });
    await log.close();
    const { appendFile } = await import("node:fs/promises");
    await appendFile(join(dir, "events.log"), "hello\n");
    const again = await open(true);
    try {
      const check = await verifyAgainstAnchor(again, anchor);
      expect(check).toMatchObject({ ok: false, mode: "incremental", quarantined: [{ seq: 21, reason: "unreadable" }] });
      expect(check.difference).toBeUndefined();
    } finally {
      await again.close();
    }
  });
});

describe("writers", () => {
  it("anchor every N records when the data directory has an operator key, and not without one", async () => {
    // About an unsigned (older) data directory: a new one is signed by default and would make its
    // operator key on opening (the next test); this one has none until the test generates it.
    await writeFile(join(dir, "policy.json"), JSON.stringify({ requireSignedEvents: false }));
    const without = await openTestCapsmith({ dir, config: { anchorEvery: 5 }, anchors: true });
    try {
      await appendNotes(without.log, 12);
      await without.readModel.current();
    } finally {
      await without.close();
    }
    expect(await readdir(join(dir, "anchors")).catch(() => [])).toEqual([]);

    await openKeyStore(dir).generate("operator", "operator");
    const writer = await openTestCapsmith({ dir, config: { anchorEvery: 5 }, anchors: true });
    try {
      await appendNotes(writer.log, 6);
      // The anchor is written in the background after the append that crossed N: wait for it.
      for (let i = 0; i < 600 && (await anchorStore(join(dir, "anchors")).list()).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    } finally {
      await writer.close();
    }
    const [newest] = await anchorStore(join(dir, "anchors")).list();
    // And once more at close: the newest anchor covers everything appended.
    expect(newest!.anchor.statement.seq).toBe(18);
  }, 60_000);

  it("anchor on their own in a new data directory: signed by default, its operator key is made with it", async () => {
    const writer = await openTestCapsmith({ dir, config: { anchorEvery: 5 }, anchors: true });
    try {
      await appendNotes(writer.log, 12);
    } finally {
      await writer.close();
    }
    const [newest] = await anchorStore(join(dir, "anchors")).list();
    // The role keys' KeyTrusted events come first, then the 12 notes; the anchor at close covers all.
    expect(newest!.anchor.statement.seq).toBe(DATA_DIR_ROLES.length + 12);
  }, 60_000);
});
