/**
 * What only the embedded log has to prove: torn-tail repair, corruption reporting, and one writer
 * process at a time — with real files and real processes killed with SIGKILL.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { appendFile, mkdtemp, readFile, rm, stat, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ALL_EVENTS, openFileLog } from "../../src/events/index.ts";
import type { AnyStoredEvent, EventLog } from "../../src/events/index.ts";
import { counterIds, steppingClock } from "../support/deterministic.ts";

let dir: string;
let opens = 0; // each open gets its own ids: the default message id is the first event's id
const open = (readOnly = false): Promise<EventLog> =>
  openFileLog({ dir, clock: steppingClock(), newId: counterIds(`open${++opens}`), actor: "test", readOnly });
const note = (i: number) => ({ type: "OperatorNote" as const, subject: `capsmith.evt.note.n${i}`, data: { text: `note ${i}` } });

async function collect(iterable: AsyncIterable<AnyStoredEvent>): Promise<AnyStoredEvent[]> {
  const out: AnyStoredEvent[] = [];
  for await (const e of iterable) out.push(e);
  return out;
}

async function writeNotes(n: number): Promise<void> {
  const log = await open();
  for (let i = 1; i <= n; i++) await log.append([note(i)]);
  await log.close();
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-filelog-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("file log on disk", () => {
  it("keeps every acknowledged event across a reopen", async () => {
    await writeNotes(5);
    const log = await open();
    expect((await collect(log.read(ALL_EVENTS))).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect((await log.append([note(6)])).seq).toBe(6);
    await log.close();
  });

  it("repairs a torn last record and goes on appending after it", async () => {
    await writeNotes(3);
    const file = join(dir, "events.log");
    const before = (await stat(file)).size;
    await appendFile(file, '1a2b3c4d {"seq":4,"msgId":"torn","events":[{"id":"half');
    const log = await open();
    expect(await log.lastSeq()).toBe(3);
    expect((await stat(file)).size).toBe(before);
    expect((await log.append([note(4)])).seq).toBe(4);
    expect(await collect(log.read(ALL_EVENTS))).toHaveLength(4);
    await log.close();
  });

  it("names the file and offset of a corrupt record, and still reads every record before it", async () => {
    await writeNotes(4);
    const file = join(dir, "events.log");
    const text = await readFile(file, "utf8");
    const lines = text.split("\n");
    const offset = lines[0]!.length + 1 + lines[1]!.length + 1;
    lines[2] = lines[2]!.replace("note 3", "note X"); // checksum no longer matches
    await writeFile(file, lines.join("\n"));
    const error = await open().then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ code: "log_corrupt", details: { file, offset, seq: 3 } });
    const reader = await open(true);
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const e of reader.read(ALL_EVENTS)) seen.push(e.seq);
      })(),
    ).rejects.toMatchObject({ code: "log_corrupt", details: { offset } });
    expect(seen).toEqual([1, 2]);
    await reader.close();
  });

  it("treats a cut mid-record as torn only at the end", async () => {
    await writeNotes(2);
    const file = join(dir, "events.log");
    await truncate(file, (await stat(file)).size - 10);
    const log = await open();
    expect(await log.lastSeq()).toBe(1);
    await log.close();
  });
});

describe("one writer process", () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill("SIGKILL");
    child = undefined;
  });

  async function holdInChild(): Promise<ChildProcess> {
    const proc = spawn(process.execPath, [join(import.meta.dirname, "../support/hold-log.ts"), dir], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve, reject) => {
      proc.stdout!.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
      proc.on("exit", (code) => reject(new Error(`child exited ${code}`)));
    });
    return proc;
  }

  it("refuses a second writer while another process holds the log, and takes over after it is killed", async () => {
    child = await holdInChild();
    await expect(open()).rejects.toMatchObject({ code: "log_locked", details: { pid: child.pid } });
    const reader = await open(true);
    expect(await reader.lastSeq()).toBe(1);
    await reader.close();
    child.kill("SIGKILL");
    await new Promise((r) => child!.once("exit", r));
    const log = await open();
    expect((await log.append([note(2)])).seq).toBe(2);
    await log.close();
  });

  it("refuses a second writer in the same process", async () => {
    const log = await open();
    await expect(open()).rejects.toMatchObject({ code: "log_locked" });
    await log.close();
    const again = await open();
    await again.close();
  });
});
