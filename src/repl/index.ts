/**
 * The REPL: `capsmith` with no arguments. The core (./core: the session controller, activity from
 * the log, approvals, the session record) emits `ReplEvent`s; the Ink UI (./ui) renders them; one
 * file per slash command (./commands). `runRepl` opens the log and a runtime with every agent role
 * in this process; `startRepl` takes injected streams, which is what makes it testable.
 */
import { join } from "node:path";
import React from "react";
import { render } from "ink";
import { pino } from "pino";
import type { Logger } from "pino";
import { AGENT_ROLES } from "../agents/index.ts";
import { openCapsmith } from "../app/index.ts";
import type { CapsmithConfig } from "../config/index.ts";
import { jsonLine, safeText } from "../terminal/index.ts";
import { allCommands } from "./commands/index.ts";
import { isUsageCode } from "./core/errors.ts";
import { resultText } from "./core/format.ts";
import { memoryHistory, openHistory } from "./core/history.ts";
import { switchableLlm } from "./core/llm-switch.ts";
import { parseLine } from "./core/registry.ts";
import { createSession } from "./core/session.ts";
import type { Session } from "./core/session.ts";
import type { EndReason } from "./core/session-log.ts";
import type { Activity, BackendChoice, CommandResult } from "./core/types.ts";
import { createWordsModel } from "./core/words-model.ts";
import { replServices } from "./services.ts";
import { App } from "./ui/App.ts";

export { createSession } from "./core/session.ts";
export type { Session, SessionOptions } from "./core/session.ts";
export type { ReplEvent, CommandResult, SlashCommand, Services } from "./core/types.ts";
export { allCommands } from "./commands/index.ts";
export { readSession, formatTranscript, listSessions } from "./core/session-log.ts";

export interface StartReplOptions {
  session: Session;
  /** Default process.stdin / process.stdout. */
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
}

/** Renders the REPL for a session until it ends. */
export async function startRepl(options: StartReplOptions): Promise<EndReason> {
  const { session } = options;
  const instance = render(React.createElement(App, { session }), {
    stdin: options.stdin ?? process.stdin,
    stdout: options.stdout ?? process.stdout,
    exitOnCtrlC: false,
    patchConsole: false,
    // The REPL only runs on a terminal (runRepl checks), so it always draws live — also where a CI
    // variable is set, which would otherwise make Ink write only the last frame, at exit.
    interactive: true,
  });
  await session.start();
  const reason = await session.ended;
  await instance.waitUntilRenderFlush();
  instance.unmount();
  await instance.waitUntilExit().catch(() => undefined);
  return reason;
}

export interface RunReplOptions {
  config: CapsmithConfig;
  /** `--json` with `-p`: exactly one JSON object on stdout. */
  json?: boolean;
  /** `-p REQUEST`: run one request and exit. */
  print?: string;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WritableStream;
}

/** `capsmith` and `capsmith -p REQUEST`. Returns the exit status: 0 ok, 1 failed, 2 usage, 3 held for an operator. */
export async function runRepl(options: RunReplOptions): Promise<number> {
  const { config } = options;
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const stdin = options.stdin ?? process.stdin;
  const interactive = options.print === undefined;
  if (interactive && !stdin.isTTY) {
    stderr.write("error [usage]: the REPL needs a terminal\nnext step: run one request with capsmith -p \"/help\", or a headless command (capsmith --help).\n");
    return 2;
  }
  // Logs never go to the terminal the REPL draws on.
  const logger: Logger = pino({ level: config.logLevel }, pino.destination({ dest: config.logFile ?? join(config.dataDir, "capsmith.log"), mkdir: true, sync: false }));
  const settings = { backend: "auto" as BackendChoice, model: config.llm.model };
  const capsmith = await openCapsmith(config, {
    access: "write", logger, roles: AGENT_ROLES,
    ...(config.llm.configured ? { llm: () => switchableLlm(config.llm, () => settings.model) } : {}),
  });
  try {
    const services = replServices(capsmith, {
      where: config.nats?.url ?? config.dataDir,
      ...(config.llm.configured ? { words: createWordsModel(config.llm, () => settings.model) } : {}),
    });
    const session = createSession({
      services, commands: allCommands, mode: interactive ? "interactive" : "print", hostVersion: config.hostVersion, settings, follow: true,
      history: interactive ? await openHistory(join(config.dataDir, "repl-history")) : memoryHistory(),
    });
    if (!interactive) return await printOne(session, options.print!, { stdout, stderr, json: options.json ?? false });
    const onSignal = (): void => session.interrupt();
    const onTerm = (): void => void session.close("interrupt");
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onTerm);
    try {
      await startRepl({ session, stdin: stdin as NodeJS.ReadStream, stdout: stdout as NodeJS.WriteStream });
    } finally {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onTerm);
    }
    return 0;
  } finally {
    await capsmith.close();
    logger.flush?.();
  }
}

/**
 * `-p`: intermediate answers go to stdout as they come, agent activity to stderr, then the result.
 * With `--json`, stdout gets exactly one JSON object: the result, with the intermediate answers.
 */
async function printOne(session: Session, request: string, io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; json: boolean }): Promise<number> {
  const { stdout, stderr } = io;
  const shown: CommandResult[] = [];
  // Tables fit a terminal; piped, they are as wide as their cells.
  const tty = stdout as Partial<NodeJS.WriteStream>;
  const width = tty.isTTY && tty.columns ? tty.columns - 1 : undefined;
  session.subscribe((e) => {
    if (e.type === "output") {
      if (io.json) shown.push(e.result);
      else stdout.write(resultText(e.result, width) + "\n");
    }
    if (e.type === "event_line") stderr.write(safeText(e.text) + "\n");
    if (e.type === "activity" && (e.activity.type === "outcome" || ("state" in e.activity && e.activity.state !== "working"))) stderr.write(`· ${safeText(activityText(e.activity), { oneLine: true })}\n`);
  });
  await session.start();
  const result = await session.execute(request);
  await session.close(result.type === "error" ? "error" : "quit");
  // Plain words answered with pointers (no LLM) were not done: like a usage error.
  // Held for an operator's approval is not a failure: exit 3, as for synthesize --publish and run.
  const status = result.type === "prompt" && parseLine(request).kind === "words" ? 2 : result.type !== "error" ? 0 : isUsageCode(result.code) ? 2 : result.code === "awaiting_approval" ? 3 : 1;
  if (io.json) {
    const body = result.type === "error"
      ? { ok: false, error: { code: result.code, message: result.message, ...(result.nextStep ? { nextStep: result.nextStep } : {}) } }
      : { ok: status === 0, result };
    stdout.write(jsonLine({ ...body, request, ...(shown.length ? { shown } : {}) }) + "\n");
  } else {
    stdout.write(resultText(result, width) + "\n");
  }
  return status;
}

function activityText(a: Activity): string {
  return a.type === "approval" ? `${a.pluginId} waits for an operator: ${a.reasons.join("; ")}` : a.type === "agent" ? `${a.agent}: ${a.text}` : a.text;
}
