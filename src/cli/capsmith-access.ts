/**
 * How a command gets capsmith: `withReader` for commands that only read (the embedded log opened
 * read-only, so they work beside a running REPL or daemon; a data directory named by --data or
 * CAPSMITH_HOME must be there already), `withCapsmith` for commands that write (and for those that
 * run agents; they make a new data directory). Both go through the one composition root, `openCapsmith`.
 */
import { stat } from "node:fs/promises";
import { openCapsmith } from "../app/index.ts";
import type { Capsmith, CapsmithReader, WriteAccess } from "../app/index.ts";
import type { CapsmithConfig } from "../config/index.ts";
import { HubError } from "../hub/index.ts";
import type { HubService } from "../hub/index.ts";
import type { CommandContext } from "./command-kit.ts";
import { asUsageError, DataDirError } from "./errors.ts";

/** What a command may override for itself: its own `--policy`, the llm model. */
export interface ConfigOverrides {
  /** The command's own `--policy FILE`. */
  policyFile?: string | undefined;
}

export function configFor(ctx: CommandContext, overrides: ConfigOverrides = {}): CapsmithConfig {
  return overrides.policyFile ? { ...ctx.config, policyFile: overrides.policyFile } : ctx.config;
}

export async function withReader<T>(ctx: CommandContext, body: (capsmith: CapsmithReader) => Promise<T>, overrides: ConfigOverrides = {}): Promise<T> {
  await requireNamedDataDir(ctx.config);
  const capsmith = await opened(() => openCapsmith(configFor(ctx, overrides), { access: "read", logger: ctx.logger }));
  try {
    return await body(capsmith);
  } finally {
    await capsmith.close();
  }
}

export type WriteChoice = Omit<WriteAccess, "access" | "logger"> & ConfigOverrides & { config?: Partial<CapsmithConfig> };

export async function withCapsmith<T>(ctx: CommandContext, choice: WriteChoice, body: (capsmith: Capsmith) => Promise<T>): Promise<T> {
  const { policyFile, config, ...access } = choice;
  const capsmith = await opened(() => openCapsmith({ ...configFor(ctx, { policyFile }), ...config }, { access: "write", logger: ctx.logger, ...access }));
  try {
    return await body(capsmith);
  } finally {
    await capsmith.close();
  }
}

/**
 * Runs `body` with the governed hub, as an operator command does: installs a crash left unfinished
 * are settled first, and health checks run in this process's sandbox.
 */
export function withHub<T>(ctx: CommandContext, policyFile: string | undefined, body: (hub: HubService, capsmith: Capsmith) => Promise<T>): Promise<T> {
  return withCapsmith(ctx, { policyFile, recoverInstalls: true }, (capsmith) => body(capsmith.runtime.hub, capsmith));
}

/**
 * A reader never makes the data directory someone named: a mistyped --data (or CAPSMITH_HOME) would
 * otherwise read as an empty log ("no dead letters", exit 0) and leave a new directory behind. The
 * default ./.capsmith is made on first use, by any command; a named one by the first that writes.
 * On NATS the log is not in the data directory, so there it is not asked for.
 */
async function requireNamedDataDir(config: CapsmithConfig): Promise<void> {
  if (config.nats || !config.dataDirFrom) return;
  const missing = await stat(config.dataDir).then(() => false, (err: NodeJS.ErrnoException) => err.code === "ENOENT");
  if (!missing) return;
  throw new DataDirError("data_dir_missing", `no data directory at ${config.dataDir} (named by ${config.dataDirFrom}): nothing to read`, {
    nextStep: `Check the path${config.dataDirFrom === "CAPSMITH_HOME" ? " in CAPSMITH_HOME" : " given to --data"}. A data directory is made by the first command that writes to it: capsmith (the REPL), capsmith daemon, or capsmith note TEXT.`,
    details: { dataDir: config.dataDir, from: config.dataDirFrom },
  });
}

/** A policy file that is missing or invalid is the person's to fix: a usage error (exit 2). */
async function opened<T>(open: () => Promise<T>): Promise<T> {
  try {
    return await open();
  } catch (err) {
    if (err instanceof HubError && (err.code === "invalid_policy" || err.code === "policy_not_found")) {
      throw asUsageError(err, err.code === "invalid_policy" ? "invalid_input" : "file_not_found");
    }
    throw err;
  }
}
