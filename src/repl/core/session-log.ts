/**
 * The session is event-sourced: SessionStarted, then a SessionInput for what was asked and a
 * SessionOutput (a tagged summary) for what was answered, on `capsmith.evt.session.<id>`.
 * `readSession` folds them back for `capsmith replay --session ID`.
 */
import { subjectFor } from "../../events/index.ts";
import type { EventLog, NewEvent, StoredEvent } from "../../events/index.ts";
import { resultText } from "./format.ts";
import type { CommandResult } from "./types.ts";

const MAX_TEXT = 20_000;

export type InputKind = "command" | "words" | "answer";
export type EndReason = "quit" | "interrupt" | "end_of_input" | "error";

export interface SessionRecorder {
  started(mode: "interactive" | "print", hostVersion: string, llm: boolean): Promise<void>;
  input(kind: InputKind, text: string): Promise<void>;
  output(result: CommandResult): Promise<void>;
  ended(reason: EndReason): Promise<void>;
}

export function sessionRecorder(log: EventLog, sessionId: string): SessionRecorder {
  const subject = subjectFor("session", sessionId);
  // Appends go one after another so the session's chain stays in the order things happened.
  let queue: Promise<unknown> = Promise.resolve();
  const append = (type: string, data: Record<string, unknown>): Promise<void> => {
    const next = queue.then(() => log.append([{ type, subject, correlationId: sessionId, actor: "operator", data: { sessionId, ...data } } as NewEvent]));
    queue = next.catch(() => undefined);
    return next.then(() => undefined);
  };
  return {
    started: (mode, hostVersion, llm) => append("SessionStarted", { mode, hostVersion, llm }),
    input: (kind, text) => append("SessionInput", { kind, text: text.slice(0, MAX_TEXT) }),
    output: (result) => append("SessionOutput", { type: result.type, text: resultText(result).slice(0, MAX_TEXT), ok: result.type !== "error" }),
    ended: (reason) => append("SessionEnded", { reason }),
  };
}

export interface SessionEntry {
  seq: number;
  time: string;
  kind: "input" | "output";
  /** The input's kind (command, words, answer) or the output's tag. */
  tag: string;
  text: string;
  ok: boolean;
}

export interface SessionTranscript {
  sessionId: string;
  startedAt: string | null;
  mode: string | null;
  endedAt: string | null;
  endReason: string | null;
  entries: SessionEntry[];
}

export async function readSession(log: EventLog, sessionId: string): Promise<SessionTranscript | null> {
  const transcript: SessionTranscript = { sessionId, startedAt: null, mode: null, endedAt: null, endReason: null, entries: [] };
  let found = false;
  for await (const any of log.read(subjectFor("session", sessionId))) {
    found = true;
    const e = any as StoredEvent;
    if (e.type === "SessionStarted") Object.assign(transcript, { startedAt: e.time, mode: e.data.mode });
    if (e.type === "SessionInput") transcript.entries.push({ seq: e.seq, time: e.time, kind: "input", tag: e.data.kind, text: e.data.text, ok: true });
    if (e.type === "SessionOutput") transcript.entries.push({ seq: e.seq, time: e.time, kind: "output", tag: e.data.type, text: e.data.text, ok: e.data.ok });
    if (e.type === "SessionEnded") Object.assign(transcript, { endedAt: e.time, endReason: e.data.reason });
  }
  return found ? transcript : null;
}

/** The transcript as a person reads it: `› what was typed`, then the answer indented. */
export function formatTranscript(t: SessionTranscript): string {
  const lines = [`session ${t.sessionId} (${t.mode ?? "?"}) started ${t.startedAt ?? "?"}`];
  for (const e of t.entries) {
    if (e.kind === "input") lines.push(`${e.tag === "answer" ? "  ?" : "›"} ${e.text}`);
    else lines.push(...e.text.split("\n").map((l) => `  ${l}`));
  }
  lines.push(t.endedAt ? `session ended ${t.endedAt} (${t.endReason})` : "session did not end cleanly (or is still open)");
  return lines.join("\n");
}

/** Session ids seen in the log, oldest first, for "which sessions are there". */
export async function listSessions(log: EventLog): Promise<{ sessionId: string; startedAt: string; mode: string }[]> {
  const out: { sessionId: string; startedAt: string; mode: string }[] = [];
  for await (const any of log.read("capsmith.evt.session.*")) {
    const e = any as StoredEvent;
    if (e.type === "SessionStarted") out.push({ sessionId: e.data.sessionId, startedAt: e.time, mode: e.data.mode });
  }
  return out;
}
