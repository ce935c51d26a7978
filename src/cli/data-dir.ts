/**
 * Whether the data directory a command was pointed at can be read or written. A path that is a file,
 * or runs through one, is never a data directory (any command). A command that only reads never makes
 * the data directory someone named (--data, CAPSMITH_HOME): a typo would otherwise read as an empty
 * log ("no dead letters", exit 0) and leave a new directory behind. The default ./.capsmith is made on
 * first use, by any command; a named one by the first that writes.
 */
import { stat } from "node:fs/promises";
import type { CapsmithConfig } from "../config/index.ts";
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
 * For a command that only reads: the data directory must be a directory, and one someone named must
 * be there. `reads`: "log" when only the log is read from it (not asked on NATS, where the log is
 * not in it); "files" when the command reads files of its own there whatever the log (tokens).
 */
export async function requireNamedDataDir(config: CapsmithConfig, reads: "log" | "files" = "log"): Promise<void> {
  if (reads === "log" && config.nats) return;
  const at = await whatIsAt(config.dataDir);
  if (at === "not_directory") throw notADirectory(config);
  if (at !== "missing" || !config.dataDirFrom) return;
  throw new DataDirError("data_dir_missing", `no data directory at ${config.dataDir} (named by ${config.dataDirFrom}): nothing to read`, {
    nextStep: `${checkThe(config)} A data directory is made by the first command that writes to it: capsmith (the REPL), capsmith daemon, or capsmith note TEXT.`,
    details: { dataDir: config.dataDir, from: config.dataDirFrom },
  });
}

/** For a command that writes: the data directory is made when it is not there, but a file is never written through. */
export async function refuseNonDirectory(config: CapsmithConfig): Promise<void> {
  if ((await whatIsAt(config.dataDir)) === "not_directory") throw notADirectory(config);
}

function notADirectory(config: CapsmithConfig): DataDirError {
  return new DataDirError("data_dir_not_directory", `${config.dataDir} (named by ${namedBy(config)}) cannot be a data directory: it is a file, or a path through one`, {
    nextStep: `${checkThe(config)} Name the data directory itself (the directory that holds events.log, policy.json and keys/), not a file in it or beside it.`,
    details: { dataDir: config.dataDir, from: namedBy(config) },
  });
}
