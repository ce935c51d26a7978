/**
 * Whether a directory that is there is capsmith's: empty (a new data directory), or holding something
 * only capsmith writes (data-dir-entries.ts judges each entry by its contents, never by its name: a
 * project's keys/ or another tool's policy.json is not ours). Every state a data directory passes
 * through is one of these: a first command that stopped after policy.json or its first key leaves a
 * policy our schema accepts or a key file in our format; `keys generate` and `keys roles` leave key
 * files; a NATS deployment leaves keys, snapshots, anchors or tokens; one that stopped before any
 * file landed leaves an empty keys/ or a temporary file, which still reads as new. A directory
 * holding anything else and nothing of ours (a project folder named instead of its .capsmith) is
 * someone else's: reading it would answer "nothing here", writing it would scatter our files in it.
 */
import { readdir } from "node:fs/promises";
import { resolve } from "node:path";
import { judgeEntry } from "./data-dir-entries.ts";

/** What a file browser leaves in any directory it shows: a directory holding only these is still empty. */
const OS_LITTER = new Set([".DS_Store", "Thumbs.db", "desktop.ini"]);

/** The names most likely to prove a directory ours, judged first (and cheapest): most directories stop at events.log. */
const FIRST = ["events.log", "capsmith.log", "events.index", "policy.json", "keys"];

export interface ForeignDirectory {
  /** At most `shown` entries, sorted. */
  entries: string[];
  count: number;
  /** One of the entries is a .capsmith: the data directory a person most likely meant. */
  holdsDataDir: boolean;
  /** Entries bearing capsmith's names that are not capsmith's, and why (a damaged policy.json of ours shows here too). */
  unrecognised: { entry: string; why: string }[];
}

export interface JudgeOptions {
  /** At most this many entries are named (default 5). */
  shown?: number;
  /**
   * The log file the person configured (CAPSMITH_LOG_FILE): capsmith.log at that path proves
   * nothing, since capsmith writes it wherever it is told, the folder's owner's or not.
   */
  logFile?: string | undefined;
}

/**
 * What `dir` holds when nothing in it is capsmith's and something is not, or undefined when it is
 * new (empty, litter, or only capsmith's names holding nothing yet), capsmith's, or cannot be listed
 * (left to the open to report). It reads, never writes.
 */
export async function foreignEntries(dir: string, { shown = 5, logFile }: JudgeOptions = {}): Promise<ForeignDirectory | undefined> {
  const names = (await readdir(dir).catch(() => undefined))?.filter((name) => !OS_LITTER.has(name));
  if (!names || names.length === 0) return undefined;
  const order = [...FIRST.filter((name) => names.includes(name)), ...names.filter((name) => !FIRST.includes(name)).sort()];
  const unrecognised: { entry: string; why: string }[] = [];
  let foreign = 0;
  for (const name of order) {
    if (logFile !== undefined && resolve(logFile) === resolve(dir, name)) continue; // says nothing either way
    const verdict = await judgeEntry(dir, name);
    if (verdict.kind === "ours") return undefined;
    if (verdict.kind === "pending") continue;
    foreign++;
    if (verdict.why) unrecognised.push({ entry: name, why: verdict.why });
  }
  if (foreign === 0) return undefined;
  return { entries: names.sort().slice(0, shown), count: names.length, holdsDataDir: names.includes(".capsmith"), unrecognised };
}
