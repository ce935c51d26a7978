/** `capsmith replay --session ID`: a recorded REPL session, as text or JSON (`list` lists them). */
import type { EventLog } from "../events/index.ts";
import { formatTranscript, listSessions, readSession } from "./core/session-log.ts";

export async function replaySession(log: EventLog, id: string): Promise<{ text: string; json: Record<string, unknown>; exitCode?: number }> {
  if (id === "list") {
    const sessions = await listSessions(log);
    const text = sessions.length ? sessions.map((s) => `${s.sessionId}  ${s.startedAt}  ${s.mode}`).join("\n") : "no REPL sessions in this log";
    return { text, json: { ok: true, sessions } };
  }
  const transcript = await readSession(log, id);
  if (!transcript) {
    // A usage problem (exit 2): the id names no session.
    const error = { code: "usage", message: `no REPL session ${id} in this log`, nextStep: "List them with capsmith replay --session list." };
    return { text: `error [usage]: ${error.message}\nnext step: ${error.nextStep}`, json: { ok: false, error }, exitCode: 2 };
  }
  return { text: formatTranscript(transcript), json: { ok: true, ...transcript } };
}
