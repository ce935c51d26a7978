/**
 * How a command gets capsmith: `withReader` for commands that only read (the embedded log opened
 * read-only, so they work beside a running REPL or daemon; a data directory named by --data or
 * CAPSMITH_HOME must be there already), `withCapsmith` for commands that write (and for those that
 * run agents; they make a new data directory). Both go through the one composition root, `openCapsmith`,
 * and neither takes a file for the data directory (data-dir.ts).
 */
import { openCapsmith } from "../app/index.ts";
import type { Capsmith, CapsmithReader, WriteAccess } from "../app/index.ts";
import type { CapsmithConfig } from "../config/index.ts";
import { HubError } from "../hub/index.ts";
import type { HubService } from "../hub/index.ts";
import type { CommandContext } from "./command-kit.ts";
import { requireNamedDataDir, requireWritableDataDir } from "./data-dir.ts";
import { asUsageError } from "./errors.ts";

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
  const chosen = { ...configFor(ctx, { policyFile }), ...config };
  await requireWritableDataDir(chosen);
  const capsmith = await opened(() => openCapsmith(chosen, { access: "write", logger: ctx.logger, ...access }));
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
