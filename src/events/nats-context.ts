/** What the NATS adapter's parts share: the connection, the stream, and how a message holds a record. */
import type { JetStreamClient, JetStreamManager } from "@nats-io/jetstream";
import type { NatsConnection } from "@nats-io/transport-node";
import type { Logger } from "pino";
import type { AnyStoredEvent, LogRecord } from "./envelope.ts";
import { EventLogError } from "./errors.ts";

export interface NatsContext {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  stream: string;
  logger: Logger;
  /** How long an operation may keep retrying through a reconnect before it fails. */
  operationTimeoutMs: number;
  /** How long one request waits for its answer. */
  requestTimeoutMs: number;
  isClosed(): boolean;
}

const decoder = new TextDecoder();

/** One message = one record, its payload `JSON.stringify(record)`. */
export function decodeRecord(data: Uint8Array, seq: number, stream: string): LogRecord {
  try {
    const record = JSON.parse(decoder.decode(data)) as LogRecord;
    if (Array.isArray(record.events) && record.events.length > 0) return record;
  } catch {
    // reported below
  }
  throw new EventLogError("log_corrupt", `message ${seq} of stream ${stream} is not an event record`, {
    nextStep: `Inspect it with \`nats stream get ${stream} ${seq}\`; only capsmith should publish on its subjects.`,
    details: { stream, seq },
  });
}

export function withSeq(record: LogRecord, seq: number): AnyStoredEvent[] {
  return record.events.map((e) => ({ ...e, seq }));
}

export function normalizeTime(time: string): string {
  const ms = Date.parse(time);
  if (Number.isNaN(ms)) {
    throw new EventLogError("invalid_event", `not an ISO time: ${time}`, { nextStep: "Use an ISO 8601 time such as 2026-11-22T10:00:00Z." });
  }
  return new Date(ms).toISOString();
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
