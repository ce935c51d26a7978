/**
 * What one entry of a directory says about whose directory it is. An entry counts as capsmith's only
 * by what is in it, never by its name alone: `keys/`, `policy.json`, `snapshots/` or `serve/` are
 * names any project or tool may use. So each name capsmith writes is judged by the format capsmith
 * writes it in: the log's first record, the index checkpoint's magic, a policy our schema accepts, a
 * key, token, anchor or snapshot file carrying its `format`. One of our names that holds nothing yet
 * (an empty `keys/`, a temporary file left by a first command that stopped while writing) is neither
 * ours nor foreign: it is what a data directory looks like before its first file lands.
 */
import { constants } from "node:fs";
import { open, readdir } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { CHECKPOINT_MAGIC } from "../events/file-log-checkpoint.ts";
import { decodeLine, isBad, lines } from "../events/file-log-format.ts";
import { isOldHarnessMatrix } from "./old-harness-matrix.ts";

/** `ours`: only capsmith writes it; `pending`: one of capsmith's names holding nothing to judge yet; `foreign`: anything else (`why` when it bears one of our names). */
export type EntryVerdict = { kind: "ours" } | { kind: "pending" } | { kind: "foreign"; why?: string };

const OURS: EntryVerdict = { kind: "ours" };
const PENDING: EntryVerdict = { kind: "pending" };
const foreign = (why?: string): EntryVerdict => (why ? { kind: "foreign", why } : { kind: "foreign" });

/** How every embedded log's first record starts: `<crc32, 8 hex digits> {"seq":1,`. */
const FIRST_JSON = '{"seq":1,';
const RECORD_START_BYTES = 9 + FIRST_JSON.length;
/** How much of events.log is read to judge it, and how many of its first lines may be damaged before one that decodes. */
const LOG_HEAD_BYTES = 256 * 1024;
const MAX_LINES = 8;

/** A file of ours larger than this is no key, token list, anchor, snapshot manifest or policy: it is not read whole. */
const MAX_JSON_BYTES = 1024 * 1024;
/** How many candidate files of one of our directories are read before giving up on it (a huge foreign folder). */
const MAX_FILES_READ = 20;

/** What capsmith's own writers leave behind when they stop mid-write (createFileOnce, the token and anchor stores): `NAME.<pid>[-<n>].tmp`. */
const TEMPORARY = /\.\d+(-\d+)?\.tmp$/;

/**
 * The verdict on `name` in `dir`. Names capsmith writes without a format of their own: `capsmith.log`
 * carries our name; a lock, the REPL's history and the folders made beside the log (consumers/,
 * blobs/) carry nothing that proves them ours, and come after a file that does (the log, a policy, a
 * key), so they say nothing either way (the folders while empty; holding things, they are not taken
 * for ours). harness/ is judged by its compat-matrix.json: its format, or an older capsmith's exact shape.
 */
export async function judgeEntry(dir: string, name: string): Promise<EntryVerdict> {
  const path = join(dir, name);
  switch (name) {
    case "capsmith.log":
      return OURS;
    case "events.log":
      return judgeEventLog(path);
    case "events.index":
      return (await startsWith(path, CHECKPOINT_MAGIC)) ? OURS : foreign("events.index is not capsmith's index checkpoint");
    case "policy.json":
      return judgePolicy(path);
    case "keys":
      return judgeFolder(path, "keys/", (file) => file.endsWith(".json"), async () => (await import("../hub/keys-store.ts")).KEY_FILE_FORMAT, "capsmith key file", formatOf);
    case "serve":
      return judgeFolder(path, "serve/", (file) => file === "tokens.json", async () => (await import("../serve/tokens.ts")).TOKEN_FILE_FORMAT, "capsmith tokens.json", formatOf);
    case "anchors":
      // An anchor file's format is its signed statement's.
      return judgeFolder(path, "anchors/", (file) => /^anchor-\d{12}\.json$/.test(file), async () => (await import("../events/anchor.ts")).ANCHOR_FORMAT, "capsmith anchor file", (value) => formatOf(fieldOf(value, "statement")));
    case "snapshots":
      return judgeSnapshots(path);
    case "repl-history":
      return PENDING;
    case "harness":
      return judgeHarness(path);
    case "consumers":
    case "blobs":
      return (await isEmptyDirectory(path)) ? PENDING : foreign();
    default:
      if (name.startsWith("events.lock")) return PENDING;
      if (name.startsWith("policy.json.") && TEMPORARY.test(name)) return PENDING; // a first command stopped while writing policy.json
      return foreign();
  }
}

/**
 * Ours when it reads as capsmith's log reads it: one of its first lines decodes as the record at its
 * position (the log's own decodeLine: checksum, JSON, record, seq), or it starts as a first record
 * does, every byte of that opening there (a first record larger than what is read of it). The log
 * quarantines a damaged line and reads on, so a damaged first record does not make an older
 * directory foreign. Fewer bytes than a record's opening, even ones that could begin one, are what
 * any logger or tool may leave. Empty, it holds nothing to judge (an application's logger touches
 * one as readily as a capsmith writer that stopped before its first append): pending, so a folder
 * holding only that is new and one beside a project's files is not ours.
 */
async function judgeEventLog(file: string): Promise<EntryVerdict> {
  const head = await readHead(file, LOG_HEAD_BYTES);
  if (!Buffer.isBuffer(head)) return foreign(`events.log ${head.why}`);
  if (head.length === 0) return PENDING;
  if (opensFirstRecord(head.toString("latin1", 0, RECORD_START_BYTES)) || firstLinesDecode(head)) return OURS;
  return foreign("events.log does not start as capsmith's event log does (none of its first lines is a record)");
}

/** Whether one of the first MAX_LINES complete lines decodes as the record at its position. */
function firstLinesDecode(buffer: Buffer): boolean {
  let seq = 0;
  for (const line of lines(buffer)) {
    if (++seq > MAX_LINES) return false;
    if (!isBad(decodeLine(buffer, line.start, line.stop, seq))) return true;
  }
  return false;
}

function opensFirstRecord(head: string): boolean {
  return head.length === RECORD_START_BYTES && [...head].every((c, i) => (i < 8 ? /[0-9a-f]/.test(c) : i === 8 ? c === " " : c === FIRST_JSON[i - 9]));
}

async function startsWith(file: string, magic: string): Promise<boolean> {
  const head = await readHead(file, magic.length);
  return Buffer.isBuffer(head) && head.toString("latin1") === magic;
}

/** The first `bytes` bytes of a regular file (fewer when it is shorter), or why there are none. */
async function readHead(file: string, bytes: number): Promise<Buffer | { why: string }> {
  const opened = await openRegular(file);
  if ("why" in opened) return opened;
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await opened.handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } catch {
    return { why: "cannot be read" };
  } finally {
    await opened.handle.close();
  }
}

/**
 * Opens a file for reading only when it is a regular file. Never blocking: opening a FIFO for
 * reading waits for a writer (forever, in a folder no one writes), so it is opened non-blocking and
 * its type taken from the open handle (no swap between a look and the open), and anything but a
 * regular file (a FIFO, a device, a socket, a directory) is closed unread: capsmith writes none.
 */
async function openRegular(file: string): Promise<{ handle: FileHandle; size: number } | { why: string }> {
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return { why: "cannot be opened for reading" };
  }
  const info = await handle.stat().catch(() => undefined);
  if (info?.isFile()) return { handle, size: info.size };
  await handle.close();
  return { why: "is not a regular file" };
}

/**
 * A policy.json is ours when capsmith's policy schema accepts it (what every capsmith writer and
 * reader of it requires) and it sets something: `{}`, or only a `$schema` (any tool's), is what many
 * tools' policy files are, and our schema accepts it only because every field has a default. Such a
 * policy says nothing either way (capsmith itself never writes one: a new data directory's says
 * requireSignedEvents).
 */
async function judgePolicy(file: string): Promise<EntryVerdict> {
  const value = await readJson(file);
  if (!value.ok) return foreign(`policy.json ${value.why}`);
  const { policySchema } = await import("../hub/policy.ts");
  const parsed = policySchema.safeParse(value.value);
  if (parsed.success) return Object.keys(value.value as object).some((key) => key !== "$schema") ? OURS : PENDING;
  const issue = parsed.error.issues[0]!;
  return foreign(`policy.json is not a capsmith policy (${issue.path.join(".") || "(root)"}: ${issue.message})`);
}

/**
 * One of our folders is ours when a file in it that its writer names so carries the format that
 * writer gives it; pending when it holds nothing, or only what a writer that stopped mid-write left.
 */
async function judgeFolder(
  path: string,
  shown: string,
  candidate: (file: string) => boolean,
  format: () => Promise<string>,
  what: string,
  carried: (value: unknown) => unknown,
): Promise<EntryVerdict> {
  const files = await readdir(path).catch(() => undefined);
  if (!files) return foreign(`${shown} is no folder capsmith can list, so nothing in it tells it for capsmith's`);
  const settled = files.filter((file) => !TEMPORARY.test(file));
  if (settled.length === 0) return PENDING;
  const expected = await format();
  for (const file of settled.filter(candidate).sort().slice(0, MAX_FILES_READ)) {
    const value = await readJson(join(path, file));
    if (value.ok && carried(value.value) === expected) return OURS;
  }
  return foreign(`${shown} holds no ${what} (format ${expected})`);
}

/**
 * plugin harness's matrix: a reader writes it there, so a data directory it ran on first holds only
 * that. Ours by the format its compat-matrix.json carries, or, written by an older capsmith without
 * one, by that file's and compat-matrix.md's exact old shape (old-harness-matrix.ts).
 */
async function judgeHarness(path: string): Promise<EntryVerdict> {
  const verdict = await judgeFolder(path, "harness/", (file) => file === "compat-matrix.json", async () => (await import("../app/compat-matrix-format.ts")).COMPAT_MATRIX_FORMAT, "capsmith compat-matrix.json", formatOf);
  if (verdict.kind !== "foreign") return verdict;
  const json = await readText(join(path, "compat-matrix.json"));
  const markdown = json.ok ? await readText(join(path, "compat-matrix.md")) : json;
  return json.ok && markdown.ok && isOldHarnessMatrix(json.text, markdown.text) ? OURS : verdict;
}

/** snapshots/<24 hex digits, the log's>/<12-digit seq>/manifest.json carrying the snapshot format; pending when no snapshot was finished. */
async function judgeSnapshots(path: string): Promise<EntryVerdict> {
  const logs = await readdir(path).catch(() => undefined);
  if (!logs) return foreign("snapshots/ is no folder capsmith can list, so nothing in it tells it for capsmith's");
  if (logs.some((name) => !/^[0-9a-f]{24}$/.test(name))) return foreign("snapshots/ holds what capsmith's snapshots never are");
  const expected = (await import("../../projections/snapshot-store.ts")).SNAPSHOT_FORMAT;
  let finished = 0;
  for (const log of logs.sort().slice(0, MAX_FILES_READ)) {
    // Names starting with a dot are a snapshot being written, or one set aside.
    const seqs = ((await readdir(join(path, log)).catch(() => [])) as string[]).filter((name) => !name.startsWith("."));
    for (const seq of seqs.filter((name) => /^\d{12}$/.test(name)).sort().reverse().slice(0, 1)) {
      finished++;
      const value = await readJson(join(path, log, seq, "manifest.json"));
      if (value.ok && formatOf(value.value) === expected) return OURS;
    }
    if (seqs.some((name) => !/^\d{12}$/.test(name))) return foreign("snapshots/ holds what capsmith's snapshots never are");
  }
  return finished === 0 ? PENDING : foreign(`snapshots/ holds no capsmith snapshot (format ${expected})`);
}

async function isEmptyDirectory(path: string): Promise<boolean> {
  return (await readdir(path).catch(() => undefined))?.length === 0;
}

function formatOf(value: unknown): unknown {
  return fieldOf(value, "format");
}

function fieldOf(value: unknown, field: string): unknown {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>)[field] : undefined;
}

/** A small regular file's JSON, or why there is none. */
async function readJson(file: string): Promise<{ ok: true; value: unknown } | { ok: false; why: string }> {
  const text = await readText(file);
  if (!text.ok) return text;
  try {
    return { ok: true, value: JSON.parse(text.text) };
  } catch {
    return { ok: false, why: "cannot be read as JSON" };
  }
}

/** A small regular file's text, or why there is none. */
async function readText(file: string): Promise<{ ok: true; text: string } | { ok: false; why: string }> {
  const opened = await openRegular(file);
  if ("why" in opened) return { ok: false, why: opened.why };
  try {
    if (opened.size > MAX_JSON_BYTES) return { ok: false, why: `is larger (${opened.size} bytes) than any capsmith file of its name` };
    return { ok: true, text: await opened.handle.readFile("utf8") };
  } catch {
    return { ok: false, why: "cannot be read" };
  } finally {
    await opened.handle.close();
  }
}
