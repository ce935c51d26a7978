/**
 * What the engine checks before a projection sees an event: the envelope's shape, the hash chain
 * (the event links to its subject's head, and its hash recomputes), and its data against the
 * catalog. Projections fold only events that pass; the others are quarantined with the reason.
 */
import { eventCatalog, eventHash, isKnownEventType } from "../src/events/index.ts";
import type { AnyStoredEvent } from "../src/events/index.ts";

export type Heads = Record<string, { seq: number; hash: string }>;

/** `unreadable_record`: the log itself could not read the record (a bad line, a stray message): none of its events reached the engine. */
export type QuarantineProblem = "malformed_envelope" | "prev_hash_mismatch" | "hash_mismatch" | "invalid_data" | "unreadable_record";

export interface Quarantined {
  seq: number;
  /** The event's place in its record (records hold the events of one decision), and its stored hash. */
  index: number;
  hash: string;
  subject: string;
  type: string;
  problem: QuarantineProblem;
  detail: string;
}

/** How far the log has been checked: chain heads, and every event that was not admitted. */
export interface Integrity {
  seq: number;
  /** Hash of the last event checked (the last event of record `seq`): a snapshot's fingerprint of its log. */
  lastHash: string | null;
  heads: Heads;
  quarantined: Quarantined[];
}

export interface EventProblem {
  problem: QuarantineProblem;
  detail: string;
  /** Whether the event still becomes its subject's head (its stored hash is what the next one names). */
  linksChain: boolean;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Undefined when the event may be applied; otherwise why not. Pure. */
export function checkEvent(event: AnyStoredEvent, heads: Readonly<Heads>): EventProblem | undefined {
  if (!wellFormed(event)) {
    return { problem: "malformed_envelope", detail: "the record does not hold a capsmith event envelope", linksChain: false };
  }
  const head = Object.hasOwn(heads, event.subject) ? heads[event.subject] : undefined;
  const expected = head?.hash ?? null;
  if (event.prevHash !== expected) {
    return { problem: "prev_hash_mismatch", detail: `links to ${event.prevHash ?? "nothing"}, but the head of ${event.subject} is ${expected ?? "nothing"}`, linksChain: false };
  }
  const actual = eventHash(event);
  if (actual !== event.hash) {
    return { problem: "hash_mismatch", detail: `content hashes to ${actual}, the record says ${event.hash}`, linksChain: true };
  }
  if (isKnownEventType(event.type)) {
    const parsed = eventCatalog[event.type].data.safeParse(event.data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { problem: "invalid_data", detail: `${event.type}.data${issue?.path.length ? `.${issue.path.join(".")}` : ""}: ${issue?.message ?? "invalid"}`, linksChain: true };
    }
  }
  return undefined;
}

function wellFormed(event: AnyStoredEvent): boolean {
  const e = event as unknown as Record<string, unknown>;
  return (
    typeof e["id"] === "string" && typeof e["type"] === "string" && typeof e["subject"] === "string" && typeof e["time"] === "string" &&
    typeof e["actor"] === "string" && typeof e["correlationId"] === "string" && (e["causationId"] === null || typeof e["causationId"] === "string") &&
    Number.isInteger(e["schemaVersion"]) && (e["prevHash"] === null || typeof e["prevHash"] === "string") &&
    typeof e["hash"] === "string" && HEX64.test(e["hash"] as string) && Number.isInteger(e["seq"])
  );
}
