/**
 * What every subcommand shares: the global options, how a result is printed (text, or exactly one
 * JSON object on stdout with `--json`), and how errors become exit codes (EXIT).
 */
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import type { Logger } from "pino";
import type { CapsmithConfig } from "../config/index.ts";
import { ConfigError } from "../config/index.ts";
import { CapsmithError } from "../errors/index.ts";
import { loneSurrogatePath } from "../events/index.ts";
import { jsonLine, safeText } from "../terminal/index.ts";
import { UsageError } from "./errors.ts";

/**
 * The exit statuses (README "Exit status", docs/troubleshooting.md). `held`: the command stopped
 * because policy holds a plugin for an operator's approval — nothing failed, a person decides
 * next — so a script can tell it from a failure without reading the JSON.
 */
export const EXIT = { ok: 0, failure: 1, usage: 2, held: 3 } as const;

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
  /**
   * A failure the command returns rather than throws, because its JSON says more than the error (the
   * plugin that failed, say): text mode prints it in place of `text` exactly as a thrown error is
   * printed (`errorText`, on stderr).
   */
  failure?: { error: ErrorFields; from?: string };
}

/** What every coded error carries, as `--json` shows it under `error`. */
export interface ErrorFields {
  code: string;
  message: string;
  nextStep?: string | undefined;
  details?: Record<string, unknown> | undefined;
}

/** A coded error's fields, for `errorText` (its `toJSON()` is what `--json` prints). */
export function errorFields(err: CapsmithError): ErrorFields {
  return { code: err.code, message: err.message, nextStep: err.nextStep, details: err.details };
}

/**
 * The one text shape of an error: `error [CODE] (from WHO): message`, the next step, the issues, and
 * `more: capsmith help errors CODE` (docs/troubleshooting.md has an entry for every code; a test
 * keeps it so).
 */
export function errorText(error: ErrorFields, from?: string): string {
  const lines = [`error [${error.code}]${from ? ` from ${from}` : ""}: ${error.message}`];
  if (error.nextStep) lines.push(`next step: ${error.nextStep}`);
  // Input errors name where with `path` (zod) or a JSON `pointer` (schema checks).
  const issues = (error.details as { issues?: { path?: string; pointer?: string; message: string }[] } | undefined)?.issues;
  for (const i of Array.isArray(issues) ? issues : []) lines.push(`  at ${i.path ?? (i.pointer || "(root)")}: ${i.message}`);
  lines.push(`more: capsmith help errors ${error.code}`);
  return lines.join("\n");
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
      if (result.silent) {
        // nothing: stdout belongs to a protocol
      } else if (ctx.options.json) print(ctx, jsonLine(result.json));
      else if (result.failure) printError(errorText(result.failure.error, result.failure.from));
      else print(ctx, safeText(result.text ?? JSON.stringify(result.json, null, 2)));
      process.exitCode = exitCode;
    } catch (err) {
      reportError(ctx, err);
    }
  };
}

export function reportError(ctx: Pick<CommandContext, "options" | "stdout"> & { logger: Logger | undefined }, err: unknown): void {
  const known = err instanceof CapsmithError;
  const error: ErrorFields = known
    ? errorFields(err)
    : { code: "internal", message: err instanceof Error ? err.message : String(err), nextStep: "This is a bug in capsmith; the log file has the stack." };
  if (!known) ctx.logger?.error({ err }, "unexpected error");
  if (ctx.options.json) print(ctx, jsonLine({ ok: false, error: known ? err.toJSON() : error }));
  else printError(errorText(error));
  process.exitCode = err instanceof UsageError || err instanceof ConfigError ? 2 : 1;
}

/** A progress line for people, on stderr (stdout is the result's), shown safely on one line. */
export function note(line: string): void {
  process.stderr.write(safeText(line, { oneLine: true }) + "\n");
}

/** An error for people, on stderr (stdout is the result's). Messages can carry what a plugin or an event wrote: shown, never run by the terminal. */
function printError(text: string): void {
  process.stderr.write(safeText(text) + "\n");
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
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (cause) {
    throw new UsageError("invalid_json", `${what} is not valid JSON: ${(cause as Error).message}`, {
      cause,
      nextStep: `Fix the JSON in ${what}.`,
    });
  }
  // A `\ud800` escape without its pair parses to a lone surrogate, which no event can record: the
  // person's file is refused, never altered.
  const lone = loneSurrogatePath(value);
  if (lone !== undefined) {
    throw new UsageError("invalid_input", `${what} holds a lone surrogate at ${lone}, which no event can record`, {
      nextStep: `Fix the text in ${what}: a \\ud800-\\udbff escape needs its low half (\\udc00-\\udfff) right after it.`,
    });
  }
  return value;
}
