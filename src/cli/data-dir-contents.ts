/**
 * Whether a directory that is there is capsmith's: empty (a new data directory), or holding something
 * capsmith writes in one. Every version's writers leave events.log (and, since signed-by-default,
 * policy.json); a NATS deployment's directory holds snapshots, keys, anchors or tokens instead, or
 * nothing. A directory holding only other things (a project folder named instead of its .capsmith)
 * is someone else's: reading it would answer "nothing here", writing it would scatter our files in it.
 */
import { open, readdir } from "node:fs/promises";
import { join } from "node:path";

/** What capsmith makes in a data directory, any version (events.log on its own is checked for its format). */
const OWN_NAMES = new Set([
  "events.index", "policy.json", "keys", "snapshots", "consumers", "anchors", "serve", "blobs", "harness", "capsmith.log", "repl-history",
]);

/** What a file browser leaves in any directory it shows: a directory holding only these is still empty. */
const OS_LITTER = new Set([".DS_Store", "Thumbs.db", "desktop.ini"]);

/** How every embedded log's first record starts: `<crc32, 8 hex digits> {"seq":1,`. */
const FIRST_JSON = '{"seq":1,';
const RECORD_START_BYTES = 9 + FIRST_JSON.length;

/** `text` is how a first record starts, or the start of that (a first write torn short). */
function startsAsRecord(text: string): boolean {
  return [...text].every((c, i) => (i < 8 ? /[0-9a-f]/.test(c) : i === 8 ? c === " " : c === FIRST_JSON[i - 9]));
}

/**
 * The entries of `dir` when it holds nothing of capsmith's (at most `shown` of them, sorted; and
 * whether one is a .capsmith, the data directory a person most likely meant), or undefined when it
 * is empty, capsmith's, or cannot be listed (left to the open to report).
 */
export async function foreignEntries(dir: string, shown = 5): Promise<{ entries: string[]; count: number; holdsDataDir: boolean } | undefined> {
  const names = (await readdir(dir).catch(() => undefined))?.filter((name) => !OS_LITTER.has(name));
  if (!names || names.length === 0) return undefined;
  if (names.some((name) => OWN_NAMES.has(name) || name.startsWith("events.lock"))) return undefined;
  if (names.includes("events.log") && (await readsAsEventLog(join(dir, "events.log")))) return undefined;
  return { entries: names.sort().slice(0, shown), count: names.length, holdsDataDir: names.includes(".capsmith") };
}

/** Empty (an older reader made it so, or a writer that stopped before its first append), or starting as a record does. */
async function readsAsEventLog(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, "r");
    const buffer = Buffer.alloc(RECORD_START_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, RECORD_START_BYTES, 0);
    return startsAsRecord(buffer.toString("latin1", 0, bytesRead));
  } catch {
    return false; // a directory named events.log, or unreadable: nothing to recognise it by
  } finally {
    await handle?.close();
  }
}
