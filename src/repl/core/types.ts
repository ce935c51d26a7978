/**
 * The REPL core's vocabulary: what a command returns (`CommandResult`), what the session tells the
 * UI (`ReplEvent`), what the agents are doing (`Activity`), and the grouped context a slash command
 * gets. Everything here is a tagged union the UI switches on; none of it knows about React or Ink.
 */
import type { Runtime } from "../../agents/index.ts";
import type { Clock, EventLog, IdSource } from "../../events/index.ts";
import type { HubService, KeyStore, Policy } from "../../hub/index.ts";
import type { ReadModel } from "../../../projections/index.ts";

/** What a slash command (or plain words) answers. */
export type CommandResult =
  | { type: "message"; text: string; tone?: "info" | "success" | "warning" }
  /** `layout`: columns aligned right, and those that give way first on a narrow terminal. */
  | { type: "table"; title?: string; columns: string[]; rows: string[][]; footer?: string; layout?: { right?: number[]; shrink?: number[] } }
  | { type: "json"; title?: string; value: unknown }
  | { type: "error"; code: string; message: string; nextStep?: string }
  /** A suggestion put into the input line for the person to edit and send. */
  | { type: "prompt"; text: string; suggestion: string }
  | { type: "quit" };

/** A question a command (or an approval) puts to the person; the next line typed answers it. */
export interface Question {
  text: string;
  /** Accepted short answers (e.g. y/n/details); anything else is asked again. */
  choices?: string[];
  /** Shown dimmed in an empty input line. */
  placeholder?: string;
}

/** What the agents are doing, as the session reads it from the log. */
export type Activity =
  | { type: "agent"; key: string; agent: string; capability: string; text: string; state: "working" | "done" | "failed" }
  | { type: "install"; key: string; text: string; phase: number; state: "working" | "done" | "failed" }
  | { type: "outcome"; key: string; capability: string; outcome: string; ok: boolean; text: string }
  | { type: "approval"; key: string; gapId: string; pluginId: string; capability: string; reasons: string[] }
  | { type: "step"; key: string; text: string; state: "working" | "done" | "failed" };

/** What the session emits; the UI renders exactly these and decides nothing. */
export type ReplEvent =
  | { type: "started"; sessionId: string; where: string; llm: boolean; backend: string }
  | { type: "input"; text: string; answer: boolean }
  | { type: "output"; result: CommandResult }
  | { type: "busy"; label: string }
  | { type: "idle" }
  | { type: "activity"; activity: Activity }
  | { type: "event_line"; text: string }
  | { type: "question"; question: Question }
  | { type: "question_closed" }
  | { type: "hint"; text: string }
  | { type: "suggest"; text: string }
  | { type: "exit" };

/** How a command talks to the person while it runs. */
export interface UiPort {
  /** Asks a question; null when the person cancelled (Ctrl-C) or nobody can answer (`-p`). */
  ask(question: Question): Promise<string | null>;
  /** Shows an intermediate result (a proposed spec, a line of a live tail) without ending the command. */
  show(result: CommandResult): void;
  /** A line of live output (the `/events` tail, a progress note). */
  line(text: string): void;
  /** Live progress that is not on the log's agent subjects (plan steps). */
  activity(activity: Activity): void;
  /** True when a person is there to answer questions. */
  readonly interactive: boolean;
}

/** The LLM port for plain words: one prompt in, the model's text out. */
export interface WordsModel {
  readonly model: string;
  complete(system: string, user: string, signal?: AbortSignal): Promise<string>;
}

export type BackendChoice = "auto" | "example" | "llm";

export interface Services {
  runtime: Runtime;
  log: EventLog;
  /** The process's read model: every state a command shows comes from it. */
  readModel: ReadModel;
  hub: HubService;
  policy: Policy;
  /** Where the policy came from (a file, or the defaults). */
  policySource: string;
  newId: IdSource;
  /** "Now" for views over time (the SLO windows). */
  clock: Clock;
  dataDir: string;
  /** The data directory or NATS URL the log lives on, for people. */
  where: string;
  keys: KeyStore;
  /** Reads a file the person named, relative to the working directory. */
  readFile(path: string): Promise<string>;
  /** The model for plain words, when an LLM is configured. */
  words?: WordsModel;
  llmConfigured: boolean;
}

/** Mutable per-session settings and the current operation's signal. */
export interface SessionInfo {
  readonly id: string;
  /** Aborted by Ctrl-C: pass it to anything that waits. */
  readonly signal: AbortSignal;
  backend: BackendChoice;
  model: string;
  /** Every slash command of this session (for /help). */
  readonly commands: readonly SlashCommand[];
}

export interface CommandContext {
  services: Services;
  ui: UiPort;
  session: SessionInfo;
}

/** What an argument completes to. */
export type ArgKind = "capability" | "plugin" | "file" | "none";

export interface SlashCommand {
  name: string;
  /** One line for /help, with the arguments: "/invoke CAPABILITY JSON". */
  usage: string;
  summary: string;
  args?: ArgKind[];
  run(ctx: CommandContext, args: string): Promise<CommandResult>;
}
