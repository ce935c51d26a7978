/**
 * Turns what a caller appends into stored envelopes: validation against the catalog (once, at the
 * edge), ids, time, actor, and the hash chain. Shared by every adapter so they store the same bytes.
 */
import { eventCatalog, isKnownEventType } from "./catalog.ts";
import type { Envelope, LogRecord, NewEvent } from "./envelope.ts";
import { EventLogError, zodIssues } from "./errors.ts";
import type { Clock, IdSource } from "./event-log.ts";
import { eventHash } from "./hash-chain.ts";
import { assertSubject } from "./subjects.ts";

export interface SealContext {
  clock: Clock;
  newId: IdSource;
  /** Actor used when an event names none. */
  actor: string;
}

/** Validates a batch and returns its single subject. Throws before anything is written. */
export function validateBatch(events: readonly NewEvent[]): string {
  if (events.length === 0) {
    throw new EventLogError("invalid_event", "an append needs at least one event", { nextStep: "Pass one or more events." });
  }
  const subject = events[0]!.subject;
  assertSubject(subject);
  for (const [index, e] of events.entries()) {
    if (e.subject !== subject) {
      throw new EventLogError("invalid_event", `one append holds one subject; event ${index} is on ${e.subject}, not ${subject}`, {
        nextStep: "Append events of different aggregates separately.",
      });
    }
    if (!isKnownEventType(e.type)) {
      throw new EventLogError("invalid_event", `unknown event type "${String(e.type)}"`, {
        nextStep: "Add the type to src/events/catalog.ts or fix the type name.",
      });
    }
    const parsed = eventCatalog[e.type].data.safeParse(e.data);
    if (!parsed.success) {
      throw new EventLogError("invalid_event", `invalid data for ${e.type} (event ${index})`, {
        nextStep: "Fix the event data to match its schema in the catalog.",
        details: { issues: zodIssues(parsed.error.issues) },
      });
    }
  }
  return subject;
}

/** Builds the record: events chained after `prevHash` (the subject head), in order. */
export function sealRecord(events: readonly NewEvent[], prevHash: string | null, ctx: SealContext, msgId?: string): LogRecord {
  const time = ctx.clock.now().toISOString();
  let prev = prevHash;
  const sealed: Envelope[] = [];
  for (const e of events) {
    const id = e.id ?? ctx.newId();
    const body = {
      id,
      type: e.type,
      subject: e.subject,
      time,
      actor: e.actor ?? ctx.actor,
      correlationId: e.correlationId ?? sealed[0]?.correlationId ?? id,
      causationId: e.causationId ?? null,
      schemaVersion: eventCatalog[e.type].schemaVersion,
      data: e.data as unknown,
      prevHash: prev,
    };
    const hash = eventHash(body);
    sealed.push({ ...body, hash });
    prev = hash;
  }
  return { msgId: msgId ?? sealed[0]!.id, events: sealed };
}

/** The hash a record leaves at the head of its subject. */
export function recordHead(record: LogRecord): string {
  return record.events[record.events.length - 1]!.hash;
}
