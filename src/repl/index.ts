/**
 * The REPL: `capsmith` with no arguments. The core (./core: the session controller, activity from
 * the log, approvals, the session record) emits `ReplEvent`s; the Ink UI (./ui) renders them; one
 * file per slash command (./commands). `runRepl` opens the log and a runtime with every agent role
 * in this process; `startRepl` takes injected streams, which is what makes it testable.
 */
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import React from "react";
import { render } from "ink";
import { pino } from "pino";
import type { Logger } from "pino";
import { AGENT_ROLES, agentDelaysFromEnv, llmConfigured, startRuntime } from "../agents/index.ts";
import { llmConfigFromEnv } from "../agents/synthesizer/index.ts";
import { openEventLog } from "../events/index.ts";
import type { EventLog } from "../events/index.ts";
import { faultsFromEnv, loadDataDirPolicy, openKeyStore } from "../hub/index.ts";
import { systemClock, uuidIds } from "../platform/index.ts";
import { allCommands } from "./commands/index.ts";
import { isUsageCode } from "./core/errors.ts";
import { resultText } from "./core/format.ts";
import { memoryHistory, openHistory } from "./core/history.ts";
import { switchableLlm } from "./core/llm-switch.ts";
import { parseLine } from "./core/registry.ts";
import { createSession } from "./core/session.ts";
import type { Session } from "./core/session.ts";
import type { EndReason } from "./core/session-log.ts";
import type { Activity, BackendChoice, Services } from "./core/types.ts";
import { createWordsModel } from "./core/words-model.ts";
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
  dataDir: string;
  natsUrl?: string;
  logLevel: string;
  hostVersion: string;
  /** `-p REQUEST`: run one request and exit. */
  print?: string;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WritableStream;
  /** Opens the log (the CLI passes its own, which honours the signing-key and replica settings). */
  openLog?: (logger: Logger) => Promise<EventLog>;
}

/** `capsmith` and `capsmith -p REQUEST`. Returns the exit status: 0 ok, 1 failed, 2 usage. */
export async function runRepl(options: RunReplOptions): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const stdin = options.stdin ?? process.stdin;
  const interactive = options.print === undefined;
  if (interactive && !stdin.isTTY) {
    stderr.write("error [usage]: the REPL needs a terminal\nnext step: run one request with capsmith -p \"/help\", or a headless command (capsmith --help).\n");
    return 2;
  }
  const dataDir = resolve(options.dataDir);
  // Logs never go to the terminal the REPL draws on.
  const logger: Logger = pino({ level: options.logLevel }, pino.destination({ dest: process.env["CAPSMITH_LOG_FILE"] ?? join(dataDir, "capsmith.log"), mkdir: true, sync: false }));
  const log = options.openLog
    ? await options.openLog(logger)
    : await openEventLog({ dataDir, ...(options.natsUrl ? { natsUrl: options.natsUrl } : {}), clock: systemClock, newId: uuidIds, actor: "operator", logger });
  let runtime: Awaited<ReturnType<typeof startRuntime>> | undefined;
  try {
    const policyFile = join(dataDir, "policy.json");
    // The same policy the headless commands use; a broken policy.json stops the REPL with its error.
    const policy = await loadDataDirPolicy(dataDir);
    const llm = llmConfigFromEnv(process.env);
    const settings = { backend: "auto" as BackendChoice, model: llm.model };
    runtime = await startRuntime({
      log, clock: systemClock, newId: uuidIds, logger, policy, hostVersion: options.hostVersion, roles: AGENT_ROLES, faults: faultsFromEnv(),
      ...(llm.configured ? { llm: () => switchableLlm(llm, () => settings.model) } : {}),
      agentOptions: { delays: agentDelaysFromEnv() },
    });
    const services: Services = {
      runtime, log, hub: runtime.hub, policy, policySource: (await fileExists(policyFile)) ? policyFile : "the defaults (no policy.json)",
      newId: uuidIds, clock: systemClock, dataDir, where: options.natsUrl ?? dataDir, keys: openKeyStore(dataDir),
      readFile: (path) => readFile(resolve(path), "utf8"),
      llmConfigured: llmConfigured(),
      ...(llm.configured ? { words: createWordsModel(llm, () => settings.model) } : {}),
    };
    const session = createSession({
      services, commands: allCommands, mode: interactive ? "interactive" : "print", hostVersion: options.hostVersion, settings, follow: true,
      history: interactive ? await openHistory(join(dataDir, "repl-history")) : memoryHistory(),
    });
    if (!interactive) return await printOne(session, options.print!, stdout, stderr);
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
    await runtime?.close();
    await log.close();
    logger.flush?.();
  }
}

/** `-p`: intermediate answers go to stdout as they come, agent activity to stderr, then the result. */
async function printOne(session: Session, request: string, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): Promise<number> {
  session.subscribe((e) => {
    if (e.type === "output") stdout.write(resultText(e.result) + "\n");
    if (e.type === "event_line") stderr.write(e.text + "\n");
    if (e.type === "activity" && (e.activity.type === "outcome" || ("state" in e.activity && e.activity.state !== "working"))) stderr.write(`· ${activityText(e.activity)}\n`);
  });
  await session.start();
  const result = await session.execute(request);
  await session.close(result.type === "error" ? "error" : "quit");
  stdout.write(resultText(result) + "\n");
  // Plain words answered with pointers (no LLM) were not done: like a usage error.
  if (result.type === "prompt" && parseLine(request).kind === "words") return 2;
  if (result.type !== "error") return 0;
  return isUsageCode(result.code) ? 2 : 1;
}

function activityText(a: Activity): string {
  return a.type === "approval" ? `${a.pluginId} waits for an operator: ${a.reasons.join("; ")}` : a.type === "agent" ? `${a.agent}: ${a.text}` : a.text;
}

async function fileExists(path: string): Promise<boolean> {
  return readFile(path).then(() => true, () => false);
}
