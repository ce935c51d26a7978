/**
 * The shape a stored record must have before any reader trusts it: a msgId and one or more
 * envelopes, all on the subject the record was stored under. Cheap checks only (typeof, equality),
 * so every read can afford them; hashes and signatures are verified by `verifyLog` and the read model.
 * A record on one subject whose events claim another is refused here: on JetStream the server
 * checks permissions against the message subject, so the events must not say otherwise.
 */
import type { LogRecord } from "./envelope.ts";
import { SUBJECT_PREFIX } from "./subjects.ts";

const PREFIX = `${SUBJECT_PREFIX}.`;

/** Why `value` is not a usable record stored on `subject` (or on its first event's subject), or undefined. */
export function recordProblem(value: unknown, subject?: string): string | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return "not an object";
  const record = value as Partial<LogRecord>;
  if (typeof record.msgId !== "string" || record.msgId === "") return "no msgId";
  const events = record.events as unknown;
  if (!Array.isArray(events) || events.length === 0) return "no events";
  const on = subject ?? (events[0] as { subject?: unknown } | null)?.subject;
  if (typeof on !== "string" || !on.startsWith(PREFIX)) return "not on a capsmith subject";
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as Record<string, unknown> | null;
    if (e === null || typeof e !== "object") return `event ${i} is not an object`;
    if (typeof e["id"] !== "string" || typeof e["type"] !== "string" || typeof e["hash"] !== "string" || typeof e["time"] !== "string") {
      return `event ${i} is not an envelope`;
    }
    if (e["prevHash"] !== null && typeof e["prevHash"] !== "string") return `event ${i} has no prevHash`;
    if (e["subject"] !== on) return `event ${i} is on ${String(e["subject"])}, not ${on}`;
  }
  return undefined;
}
