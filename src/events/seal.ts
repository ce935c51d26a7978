/**
 * Turns what a caller appends into stored envelopes: validation against the catalog (once, at the
 * edge), ids, time, actor, and the hash chain. Shared by every adapter so they store the same bytes.
 */
import { eventCatalog, isKnownEventType } from "./catalog.ts";
import type { Envelope, LogRecord, NewEvent, Signature } from "./envelope.ts";
import { EventLogError, zodIssues } from "./errors.ts";
import type { AppendOptions, Clock, IdSource } from "./event-log.ts";
import { eventHash, sha256 } from "./hash-chain.ts";
import { loneSurrogatePath } from "./lone-surrogates.ts";
import { MAX_JSON_DEPTH, jsonTooDeep } from "./json-depth.ts";
import { assertSubject } from "./subjects.ts";

export interface SealContext {
  clock: Clock;
  newId: IdSource;
  /** Actor used when an event names none. */
  actor: string;
  /** Signs each event's hash with the appending actor's key (the log itself holds no keys). */
  sign?: EventSigner;
}

/** Signs an event's hash for its actor (a process holding every role's key signs each with its own); undefined leaves it unsigned. */
export type EventSigner = (hash: string, actor: string) => Signature | undefined;

/** Validates a batch (and the append's options) and returns its single subject. Throws before anything is written. */
export function validateBatch(events: readonly NewEvent[], options: AppendOptions = {}): string {
  if (!Array.isArray(events as unknown) || events.length === 0) {
    throw new EventLogError("invalid_event", "an append needs a non-empty array of events", { nextStep: "Pass one or more events." });
  }
  assertOptions(options);
  for (const [index, e] of events.entries()) assertEnvelopeFields(e, index);
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
    if (jsonTooDeep(e.data)) {
      throw new EventLogError("invalid_event", `data of ${e.type} (event ${index}) nests deeper than ${MAX_JSON_DEPTH} levels`, {
        nextStep: "Flatten the event data; no event needs nesting that deep.",
      });
    }
    const unencodable = loneSurrogatePath(e, `event ${index}`);
    if (unencodable) {
      throw new EventLogError("invalid_event", `${unencodable} of ${e.type} holds a lone surrogate, which has no form in the JSON events are hashed as`, {
        nextStep: "Pass well-formed Unicode text (String.prototype.toWellFormed, or drop the stray half of the pair).",
        details: { path: unencodable },
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

/** The envelope fields a caller may set: an object with a string subject and type, optional ids. */
function assertEnvelopeFields(e: unknown, index: number): asserts e is NewEvent {
  const bad = (what: string): EventLogError =>
    new EventLogError("invalid_event", `event ${index} ${what}`, { nextStep: "Pass events as {type, subject, data} objects (id, actor, correlationId, causationId optional)." });
  if (e === null || typeof e !== "object" || Array.isArray(e)) throw bad("is not an object");
  const fields = e as Record<string, unknown>;
  if (typeof fields["subject"] !== "string") throw bad("has no string subject");
  if (typeof fields["type"] !== "string") throw bad("has no string type");
  for (const key of ["id", "actor", "correlationId"]) {
    if (fields[key] !== undefined && (typeof fields[key] !== "string" || fields[key] === "")) throw bad(`has a ${key} that is not a non-empty string`);
  }
  const causation = fields["causationId"];
  if (causation !== undefined && causation !== null && (typeof causation !== "string" || causation === "")) throw bad("has a causationId that is neither null nor a non-empty string");
}

function assertOptions(options: unknown): asserts options is AppendOptions {
  const bad = (what: string): EventLogError =>
    new EventLogError("invalid_event", `append options: ${what}`, { nextStep: "Pass {expectedSubjectSeq?: whole number >= 0, expectedLastSeq?: whole number >= 0, msgId?: non-empty string}." });
  if (options === null || typeof options !== "object" || Array.isArray(options)) throw bad("not an object");
  const o = options as Record<string, unknown>;
  const expected = o["expectedSubjectSeq"];
  if (expected !== undefined && !(Number.isSafeInteger(expected) && (expected as number) >= 0)) throw bad("expectedSubjectSeq must be a whole number >= 0");
  const last = o["expectedLastSeq"];
  if (last !== undefined && !(Number.isSafeInteger(last) && (last as number) >= 0)) throw bad("expectedLastSeq must be a whole number >= 0");
  if (o["msgId"] !== undefined && (typeof o["msgId"] !== "string" || o["msgId"] === "" || /[\x00-\x1f\x7f]/.test(o["msgId"]))) {
    throw bad("msgId must be a non-empty string without control characters");
  }
}

/**
 * The msgId the log stores for an append whose caller chose one. Agents derive theirs from what
 * they react to (`governor:<event id>`), so anyone allowed to append could store a record of their
 * own under that id first, and the agent's decision would be dropped as its duplicate. With a
 * signer, the stored id is the caller's tagged with the signer's Ed25519 signature over it:
 * deterministic, so every retry and redelivery by the same key still de-duplicates, and unknowable
 * to anyone without the key.
 */
export function keyedOptions(options: AppendOptions, events: readonly NewEvent[], ctx: SealContext): AppendOptions {
  if (options.msgId === undefined || !ctx.sign) return options;
  const sig = ctx.sign(sha256(`capsmith-msgid:${options.msgId}`), events[0]?.actor ?? ctx.actor);
  return sig ? { ...options, msgId: `${options.msgId}~${sig.value.slice(0, 22)}` } : options;
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
    // Added to the body rather than copied with it: same keys, same order, one object less.
    const envelope = body as Envelope;
    envelope.hash = hash;
    const sig = ctx.sign?.(hash, envelope.actor);
    if (sig) envelope.sig = sig;
    sealed.push(envelope);
    prev = hash;
  }
  return { msgId: msgId ?? sealed[0]!.id, events: sealed };
}

/** The hash a record leaves at the head of its subject. */
export function recordHead(record: LogRecord): string {
  return record.events[record.events.length - 1]!.hash;
}
