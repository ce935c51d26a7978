/**
 * What every subcommand shares: the global options, how a result is printed (text, or exactly one
 * JSON object on stdout with `--json`), and how errors become exit codes (2 usage, 1 failure).
 */
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import type { Logger } from "pino";
import { CapsmithError } from "../events/index.ts";
import { UsageError } from "./errors.ts";

export interface GlobalOptions {
  json: boolean;
  data: string;
  nats?: string;
}

export interface CommandContext {
  options: GlobalOptions;
  logger: Logger;
  stdout: NodeJS.WritableStream;
}

/** `text` is printed for people, `json` with --json; `exitCode` defaults to 0 (1 when ok === false). */
export interface CommandResult {
  text?: string;
  json: Record<string, unknown>;
  exitCode?: number;
}

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
    const ctx = contextFactory(cmd);
    try {
      const result = await body(ctx, ...args);
      const exitCode = result.exitCode ?? (result.json["ok"] === false ? 1 : 0);
      print(ctx, ctx.options.json ? JSON.stringify(result.json) : (result.text ?? JSON.stringify(result.json, null, 2)));
      process.exitCode = exitCode;
    } catch (err) {
      reportError(ctx, err);
    }
  };
}

export function reportError(ctx: CommandContext, err: unknown): void {
  const known = err instanceof CapsmithError;
  const error = known
    ? err.toJSON()
    : { code: "internal", message: err instanceof Error ? err.message : String(err), nextStep: "This is a bug in capsmith; the log file has the stack." };
  if (!known) ctx.logger.error({ err }, "unexpected error");
  if (ctx.options.json) print(ctx, JSON.stringify({ ok: false, error }));
  else {
    const lines = [`error [${String(error["code"])}]: ${String(error["message"])}`];
    if (error["nextStep"]) lines.push(`next step: ${String(error["nextStep"])}`);
    const issues = (error["details"] as { issues?: { path: string; message: string }[] } | undefined)?.issues;
    for (const i of issues ?? []) lines.push(`  at ${i.path}: ${i.message}`);
    process.stderr.write(lines.join("\n") + "\n");
  }
  process.exitCode = err instanceof UsageError ? 2 : 1;
}

function print(ctx: CommandContext, text: string): void {
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
