/**
 * What the NATS adapter's parts share: the connection, the stream, the namespace, and how a message
 * holds a record. Inside capsmith subjects are logical (`capsmith.evt.…`); on the server a namespace
 * prefixes them (`<namespace>.capsmith.evt.…`), so deployments sharing a server never meet.
 */
import type { JetStreamClient, JetStreamManager } from "@nats-io/jetstream";
import type { NatsConnection } from "@nats-io/transport-node";
import type { Logger } from "pino";
import type { AnyStoredEvent, LogRecord } from "./envelope.ts";
import { EventLogError } from "./errors.ts";
import type { QuarantineListener, QuarantinedRecord } from "./event-log.ts";
import { recordProblem } from "./record-check.ts";

export interface NatsContext {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  stream: string;
  /** Physical subject prefix: "" without a namespace, else `<namespace>.`. */
  prefix: string;
  logger: Logger;
  /** How long an operation may keep retrying through a reconnect before it fails. */
  operationTimeoutMs: number;
  /** How long one request waits for its answer. */
  requestTimeoutMs: number;
  isClosed(): boolean;
}

const NAMESPACE = /^[A-Za-z0-9_-]{1,32}$/;

/** Checks a namespace: one subject token that is also safe in a stream name. */
export function assertNamespace(namespace: string): void {
  if (!NAMESPACE.test(namespace)) {
    throw new EventLogError("invalid_namespace", `invalid namespace "${namespace}"`, {
      nextStep: "Use 1 to 32 letters, digits, _ or -, e.g. team-a.",
    });
  }
}

export function physical(ctx: Pick<NatsContext, "prefix">, subject: string): string {
  return ctx.prefix + subject;
}

export function logical(ctx: Pick<NatsContext, "prefix">, subject: string): string {
  return ctx.prefix && subject.startsWith(ctx.prefix) ? subject.slice(ctx.prefix.length) : subject;
}

const decoder = new TextDecoder();

/** One message = one record, its payload `JSON.stringify(record)`, on its events' (logical) subject. */
export function decodeMessage(data: Uint8Array, seq: number, subject: string): LogRecord | QuarantinedRecord {
  let record: unknown;
  try {
    record = JSON.parse(decoder.decode(data));
  } catch {
    return { seq, subject, reason: "unreadable", message: "the message is not JSON" };
  }
  const problem = recordProblem(record, subject);
  return problem ? { seq, subject, reason: "not_a_record", message: problem } : (record as LogRecord);
}

export function isQuarantined(decoded: LogRecord | QuarantinedRecord): decoded is QuarantinedRecord {
  return "reason" in decoded;
}

/** Warns about a skipped message, naming its position, and tells the caller's listener. */
export function reportQuarantined(ctx: NatsContext, q: QuarantinedRecord, listener: QuarantineListener | undefined): void {
  ctx.logger.warn({ stream: ctx.stream, seq: q.seq, subject: q.subject, reason: q.reason }, `skipping message ${q.seq} of stream ${ctx.stream}: ${q.message}`);
  listener?.(q);
}

/** For the places that need a record (a duplicate's original): a quarantined one is an error there. */
export function decodeRecord(data: Uint8Array, seq: number, subject: string, stream: string): LogRecord {
  const decoded = decodeMessage(data, seq, subject);
  if (!isQuarantined(decoded)) return decoded;
  throw new EventLogError("log_corrupt", `message ${seq} of stream ${stream} is not an event record: ${decoded.message}`, {
    nextStep: `Inspect it with \`nats stream get ${stream} ${seq}\`; only capsmith should publish on its subjects.`,
    details: { stream, seq },
  });
}

/** The record's events as stored events; the record is this call's own (sealed or decoded for it), so they get their seq in place. */
export function withSeq(record: LogRecord, seq: number): AnyStoredEvent[] {
  const events = record.events as AnyStoredEvent[];
  for (const e of events) e.seq = seq;
  return events;
}

export function normalizeTime(time: string): string {
  const ms = Date.parse(time);
  if (Number.isNaN(ms)) {
    throw new EventLogError("invalid_event", `not an ISO time: ${time}`, { nextStep: "Use an ISO 8601 time such as 2026-11-22T10:00:00Z." });
  }
  return new Date(ms).toISOString();
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
