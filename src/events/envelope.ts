import { z } from "zod";
import type { EventData, EventType } from "./catalog.ts";

/** What an actor signs: the event hash, with the id of the key that signed it. */
export const signatureSchema = z.object({ keyId: z.string().min(1), value: z.string().min(1) });
export type Signature = z.infer<typeof signatureSchema>;

/** The stored envelope, as every adapter writes it (the log assigns `seq` when it is read back). */
export const envelopeSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  subject: z.string().min(1),
  time: z.iso.datetime(),
  actor: z.string().min(1),
  correlationId: z.string().min(1),
  causationId: z.string().min(1).nullable(),
  schemaVersion: z.int().positive(),
  data: z.unknown(),
  prevHash: z.string().nullable(),
  hash: z.string(),
  sig: signatureSchema.optional(),
});

export interface Envelope<T extends string = string, D = unknown> {
  id: string;
  type: T;
  subject: string;
  time: string;
  actor: string;
  correlationId: string;
  causationId: string | null;
  schemaVersion: number;
  data: D;
  prevHash: string | null;
  hash: string;
  sig?: Signature;
}

/** An event as read back: the envelope plus `seq`, the log position of the record that holds it. */
export type StoredEvent<T extends EventType = EventType> = {
  [K in T]: Envelope<K, EventData<K>> & { seq: number };
}[T];

/** Any event read from a log, including types this build does not know (written by a newer one). */
export type AnyStoredEvent = Envelope & { seq: number };

/** What a caller appends; the log fills in id, time, actor, hashes. */
export type NewEvent<T extends EventType = EventType> = {
  [K in T]: {
    type: K;
    subject: string;
    data: EventData<K>;
    id?: string;
    actor?: string;
    correlationId?: string;
    causationId?: string | null;
  };
}[T];

/** One append: the events a decision produced, stored as one record on one subject. */
export interface LogRecord {
  msgId: string;
  events: Envelope[];
}
