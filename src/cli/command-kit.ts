/**
 * What every subcommand shares: the global options, how a result is printed (text, or exactly one
 * JSON object on stdout with `--json`), and how errors become exit codes (2 usage, 1 failure).
 */
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import type { Logger } from "pino";
import type { CapsmithConfig } from "../config/index.ts";
import { ConfigError } from "../config/index.ts";
import { CapsmithError } from "../errors/index.ts";
import { jsonLine, safeText } from "../terminal/index.ts";
import { UsageError } from "./errors.ts";

export interface GlobalOptions {
  json: boolean;
}

export interface CommandContext {
  /** The configuration from the global flags and the environment. */
  config: CapsmithConfig;
  options: GlobalOptions;
  logger: Logger;
  stdout: NodeJS.WritableStream;
}

/** `text` is printed for people, `json` with --json; `exitCode` defaults to 0 (1 when ok === false). */
export interface CommandResult {
  text?: string;
  json: Record<string, unknown>;
  exitCode?: number;
  /** Print nothing (stdout was a protocol's, as for `capsmith mcp`). */
  silent?: boolean;
}

/** Builds a command's context; throws a usage error for a bad global setting. */
export type ContextFactory = (cmd: Command) => CommandContext;
let contextFactory: ContextFactory | undefined;
export function setContextFactory(factory: ContextFactory): void {
  contextFactory = factory;
}

/** Wraps a command's body: builds the context, prints the result, maps errors to exit codes. */
export function action<Args extends unknown[]>(
  body: (ctx: CommandContext, ...args: Args) => Promise<CommandResult>,
): (...args: Args) => Promise<void> {
  return async (...args: Args) => {
    const cmd = args[args.length - 1] as Command;
    if (!contextFactory) throw new Error("command context not configured");
    let ctx: CommandContext;
    try {
      ctx = contextFactory(cmd);
    } catch (err) {
      const json = Boolean((cmd.optsWithGlobals() as { json?: boolean }).json);
      return reportError({ options: { json }, logger: undefined, stdout: process.stdout }, err);
    }
    try {
      const result = await body(ctx, ...args);
      const exitCode = result.exitCode ?? (result.json["ok"] === false ? 1 : 0);
      if (!result.silent) print(ctx, ctx.options.json ? jsonLine(result.json) : safeText(result.text ?? JSON.stringify(result.json, null, 2)));
      process.exitCode = exitCode;
    } catch (err) {
      reportError(ctx, err);
    }
  };
}

export function reportError(ctx: Pick<CommandContext, "options" | "stdout"> & { logger: Logger | undefined }, err: unknown): void {
  const known = err instanceof CapsmithError;
  const error = known
    ? err.toJSON()
    : { code: "internal", message: err instanceof Error ? err.message : String(err), nextStep: "This is a bug in capsmith; the log file has the stack." };
  if (!known) ctx.logger?.error({ err }, "unexpected error");
  if (ctx.options.json) print(ctx, jsonLine({ ok: false, error }));
  else {
    const lines = [`error [${String(error["code"])}]: ${String(error["message"])}`];
    if (error["nextStep"]) lines.push(`next step: ${String(error["nextStep"])}`);
    const issues = (error["details"] as { issues?: { path: string; message: string }[] } | undefined)?.issues;
    for (const i of issues ?? []) lines.push(`  at ${i.path}: ${i.message}`);
    // docs/troubleshooting.md has an entry for every code (a test keeps it so).
    lines.push(`more: capsmith help errors ${String(error["code"])}`);
    // Messages can carry what a plugin or an event wrote: shown, never run by the terminal.
    process.stderr.write(safeText(lines.join("\n")) + "\n");
  }
  process.exitCode = err instanceof UsageError || err instanceof ConfigError ? 2 : 1;
}

/** A progress line for people, on stderr (stdout is the result's), shown safely on one line. */
export function note(line: string): void {
  process.stderr.write(safeText(line, { oneLine: true }) + "\n");
}

function print(ctx: Pick<CommandContext, "stdout">, text: string): void {
  ctx.stdout.write(text.endsWith("\n") ? text : text + "\n");
}

/** Reads and parses a JSON file the person named, with usage errors that say what to fix. */
export async function readJsonFile(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    throw new UsageError("file_not_found", `cannot read ${what} ${path}`, { cause, nextStep: `Check the path of the ${what}.` });
  }
  return parseJson(text, `${what} ${path}`);
}

export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new UsageError("invalid_json", `${what} is not valid JSON: ${(cause as Error).message}`, {
      cause,
      nextStep: `Fix the JSON in ${what}.`,
    });
  }
}
