/**
 * Whether the data directory a command was pointed at can be read or written. A path that is a file,
 * or runs through one, is never a data directory (any command); nor is a directory that holds only
 * things that are not capsmith's (a project folder named instead of its .capsmith, even one with a
 * keys/ or a policy.json of its own: data-dir-contents.ts): reading it would answer "nothing here",
 * writing it would scatter our files among someone else's. An empty directory is a new data directory. A command that only reads never makes the data directory someone named
 * (--data, CAPSMITH_HOME): a typo would otherwise read as an empty log ("no dead letters", exit 0)
 * and leave a new directory behind; it makes nothing in any data directory either (the log opens
 * read-only). A writing command makes the data directory, named or the default ./.capsmith.
 */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { CapsmithConfig } from "../config/index.ts";
import { foreignEntries } from "./data-dir-contents.ts";
import { DataDirError } from "./errors.ts";

/** What is at a path: a directory, nothing, something no directory can be (a file, a path through one), or unknown (left to the open to report). */
async function whatIsAt(path: string): Promise<"directory" | "missing" | "not_directory" | "unknown"> {
  try {
    return (await stat(path)).isDirectory() ? "directory" : "not_directory";
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? "missing" : code === "ENOTDIR" ? "not_directory" : "unknown";
  }
}

const namedBy = (config: CapsmithConfig): string => config.dataDirFrom ?? "default";
const checkThe = (config: CapsmithConfig): string => `Check the path${config.dataDirFrom === "CAPSMITH_HOME" ? " in CAPSMITH_HOME" : config.dataDirFrom ? " given to --data" : ""}.`;

/**
 * For a command that only reads: the data directory must be a directory, one someone named must be
 * there, and one that is there must be capsmith's (or empty). `reads`: "log" when only the log is
 * read from it (a missing one is not refused on NATS, where the log is not in it); "files" when the
 * command reads files of its own there whatever the log (tokens).
 */
export async function requireNamedDataDir(config: CapsmithConfig, reads: "log" | "files" = "log"): Promise<void> {
  const at = await whatIsAt(config.dataDir);
  if (at === "not_directory") throw notADirectory(namedDir(config));
  if (at === "directory") return refuseForeign(namedDir(config));
  if (at !== "missing" || !config.dataDirFrom || (reads === "log" && config.nats)) return;
  throw new DataDirError("data_dir_missing", `no data directory at ${config.dataDir} (named by ${config.dataDirFrom}): nothing to read`, {
    nextStep: `${checkThe(config)} A data directory is made by the first command that writes to it: capsmith (the REPL), capsmith daemon, or capsmith note TEXT.`,
    details: { dataDir: config.dataDir, from: config.dataDirFrom },
  });
}

/**
 * For `plugin harness` without `--out`: its matrix goes to `<data>/harness`, so the data directory
 * must be there (named or not). A command that only reads never makes one, and the default
 * ./.capsmith made for a matrix would hold only harness/: the wrong folder, most likely.
 */
export async function requireDataDirForMatrix(config: CapsmithConfig): Promise<void> {
  const at = await whatIsAt(config.dataDir);
  if (at === "not_directory") throw notADirectory(namedDir(config));
  if (at !== "missing") return;
  throw new DataDirError("data_dir_missing", `no data directory at ${config.dataDir} (named by ${namedBy(config)}) to write the compatibility matrix into (<data>/harness), and plugin harness makes none`, {
    nextStep: `${checkThe(config)} Run it where the data directory is (or name it with --data), or give --out DIR for the matrix.`,
    details: { dataDir: config.dataDir, from: namedBy(config) },
  });
}

/** For a command that writes: the data directory is made when it is not there, but a file is never written through, nor someone else's directory written into. */
export async function requireWritableDataDir(config: CapsmithConfig): Promise<void> {
  await requireWritable(namedDir(config));
}

/**
 * For `keys roles --out DIR`: each DIR/<role> it writes a key into is that role's data directory
 * (--data DIR/<role>), so each is checked as one a writer may write, all before any is written.
 */
export async function requireWritableRoleDirs(out: string, roles: readonly string[]): Promise<void> {
  for (const role of roles) {
    await requireWritable({
      dir: join(out, role),
      from: "keys roles --out",
      checkThe: "Check the path given to --out.",
      nameInstead: "Name an empty or new --out directory (its <role> folders become the roles' data directories)",
    });
  }
}

/** A data directory as the messages name it: where it is, who named it, what to check, what to name instead. */
interface NamedDir {
  dir: string;
  from: string;
  checkThe: string;
  /** When it is someone else's directory: what to name instead (default: the data directory inside it). */
  nameInstead?: string;
  logFile?: string | undefined;
}

function namedDir(config: CapsmithConfig): NamedDir {
  return { dir: config.dataDir, from: namedBy(config), checkThe: checkThe(config), logFile: config.logFile };
}

async function requireWritable(named: NamedDir): Promise<void> {
  const at = await whatIsAt(named.dir);
  if (at === "not_directory") throw notADirectory(named);
  if (at === "directory") await refuseForeign(named);
}

async function refuseForeign(named: NamedDir): Promise<void> {
  const foreign = await foreignEntries(named.dir, { logFile: named.logFile });
  if (!foreign) return refuseOddLogFiles(named);
  const holds = `${foreign.entries.join(", ")}${foreign.count > foreign.entries.length ? ` and ${foreign.count - foreign.entries.length} more` : ""}`;
  const why = foreign.unrecognised.map((u) => `; ${u.why}`).join("");
  const inside = foreign.holdsDataDir ? `Name ${join(named.dir, ".capsmith")}, the data directory inside it` : "Name the data directory inside it (often its .capsmith folder)";
  throw new DataDirError("data_dir_foreign", `${named.dir} (named by ${named.from}) is not a capsmith data directory: it holds ${holds}, and nothing only capsmith writes (its events.log, a policy.json capsmith accepts, its key files in keys/, its snapshots)${why}`, {
    nextStep: [
      named.checkThe,
      `${named.nameInstead ?? inside}, or an empty or new directory for a new one.`,
      ...(foreign.unrecognised.length > 0 ? ["If it is capsmith's, repair what the message names (capsmith help troubleshooting, data_dir_foreign); nothing was written to it."] : []),
    ].join(" "),
    details: { dataDir: named.dir, from: named.from, holds: foreign.entries, entries: foreign.count, ...(foreign.unrecognised.length > 0 ? { unrecognised: foreign.unrecognised } : {}) },
  });
}

/** The files the event log reads in the data directory (its lock's too: events.lock, .break, holder tokens), judged in this order; capsmith makes each a regular file. */
const isLogFile = (name: string): boolean => name === "events.log" || name === "events.index" || name.startsWith("events.lock");
const logFileOrder = (name: string): number => (name === "events.log" ? 0 : name === "events.index" ? 1 : 2);

/** What to do after moving `name` out: what the data directory lacks without it. */
function afterMoving(name: string): string {
  if (name === "events.log") return "If the data directory had a log, put its events.log (a regular file) back from a copy; without one, the next writer starts a new log.";
  if (name === "events.index") return "Without events.index the log is indexed from its start and a writer saves a new one.";
  return "The next writer takes the log's lock afresh.";
}

/**
 * In a directory that is capsmith's (or new), the files its log reads must be regular files if they
 * are there: opening a FIFO named events.log (or its index, or its lock) waits for a writer forever,
 * and a writer would first have made keys/ and its log beside it; a directory or a device is no log
 * either. capsmith never makes one, so it is refused before anything is opened or written, and left
 * where it is.
 */
async function refuseOddLogFiles(named: NamedDir): Promise<void> {
  const names = ((await readdir(named.dir).catch(() => [])) as string[]).filter(isLogFile);
  for (const name of names.sort((a, b) => logFileOrder(a) - logFileOrder(b) || (a < b ? -1 : 1))) {
    const kind = await nonRegularKind(join(named.dir, name));
    if (kind === undefined) continue;
    throw new DataDirError("data_dir_damaged", `${join(named.dir, name)} is ${kind}, not a regular file as capsmith's ${name} always is: the event log cannot use it (a FIFO would keep it waiting for a writer forever); nothing was read from it or written`, {
      nextStep: `capsmith never makes ${kind} there: move it out of ${named.dir} (capsmith help troubleshooting, data_dir_damaged). ${afterMoving(name)}`,
      details: { dataDir: named.dir, from: named.from, entry: name, kind },
    });
  }
}

/** What a path is when it is there and not a regular file (following a symbolic link), without opening it. */
async function nonRegularKind(path: string): Promise<string | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (!info || info.isFile()) return undefined;
  if (info.isFIFO()) return "a FIFO (named pipe)";
  if (info.isDirectory()) return "a directory";
  if (info.isSocket()) return "a socket";
  return info.isCharacterDevice() || info.isBlockDevice() ? "a device" : "not a regular file";
}

function notADirectory(named: NamedDir): DataDirError {
  return new DataDirError("data_dir_not_directory", `${named.dir} (named by ${named.from}) cannot be a data directory: it is a file, or a path through one`, {
    nextStep: `${named.checkThe} Name the data directory itself (the directory that holds events.log, policy.json and keys/), not a file in it or beside it.`,
    details: { dataDir: named.dir, from: named.from },
  });
}
