/**
 * Tamper evidence. Each event's `hash` is sha256 over the canonical JSON of the event (without
 * `hash`, `sig` and `seq`), which includes `prevHash`, the hash of the previous event on its subject.
 */
import { hash } from "node:crypto";
import { canonicalJson } from "./canonical-json.ts";
import type { Envelope } from "./envelope.ts";

export function sha256(text: string): string {
  return hash("sha256", text, "hex");
}

type HashedBody = Omit<Envelope, "hash" | "sig"> & { hash?: string; sig?: unknown; seq?: number };

/** The envelope's own keys, in RFC 8785 (sorted) order. */
const BODY_KEYS = ["actor", "causationId", "correlationId", "data", "id", "prevHash", "schemaVersion", "subject", "time", "type"] as const;
const EXCLUDED = new Set(["hash", "sig", "seq"]);

export function eventHash(event: HashedBody): string {
  return sha256(canonicalBody(event));
}

/**
 * Canonical JSON of the hashed part of an event. For the envelope's own keys the sorted object is
 * written directly (strings and integers serialize the same in RFC 8785 and JSON.stringify) and only
 * `data` goes through the general canonicalizer; an event with any other key takes the general path.
 */
function canonicalBody(event: HashedBody): string {
  const keys = Object.keys(event).filter((k) => !EXCLUDED.has(k));
  if (keys.length !== BODY_KEYS.length || !BODY_KEYS.every((k) => Object.hasOwn(event, k))) {
    return canonicalJson(Object.fromEntries(keys.map((k) => [k, (event as Record<string, unknown>)[k]])));
  }
  const e = event as Record<(typeof BODY_KEYS)[number], unknown>;
  return `{"actor":${JSON.stringify(e.actor)},"causationId":${JSON.stringify(e.causationId)},"correlationId":${JSON.stringify(e.correlationId)},"data":${canonicalJson(e.data)},"id":${JSON.stringify(e.id)},"prevHash":${JSON.stringify(e.prevHash)},"schemaVersion":${canonicalJson(e.schemaVersion)},"subject":${JSON.stringify(e.subject)},"time":${JSON.stringify(e.time)},"type":${JSON.stringify(e.type)}}`;
}

export interface ChainBreak {
  subject: string;
  seq: number;
  eventId: string;
  problem: "hash_mismatch" | "prev_hash_mismatch";
  expected: string | null;
  found: string | null;
}

/** Walks events in log order and reports the first broken link per the rules above. */
export class ChainVerifier {
  private readonly heads = new Map<string, { seq: number; hash: string }>();
  count = 0;

  /** `seed`: the heads as of the position the walk starts after (an anchor's). */
  constructor(seed: Readonly<Record<string, { seq: number; hash: string }>> = {}) {
    for (const [subject, head] of Object.entries(seed)) this.heads.set(subject, { seq: head.seq, hash: head.hash });
  }

  /** Returns the break this event reveals, or undefined when it links correctly. */
  check(event: Envelope & { seq: number }): ChainBreak | undefined {
    this.count++;
    const head = this.heads.get(event.subject);
    const expectedPrev = head?.hash ?? null;
    const base = { subject: event.subject, seq: event.seq, eventId: event.id };
    if (event.prevHash !== expectedPrev) {
      return { ...base, problem: "prev_hash_mismatch", expected: expectedPrev, found: event.prevHash };
    }
    const actual = eventHash(event);
    if (actual !== event.hash) return { ...base, problem: "hash_mismatch", expected: actual, found: event.hash };
    this.heads.set(event.subject, { seq: event.seq, hash: event.hash });
    return undefined;
  }

  head(subject: string): { seq: number; hash: string } | undefined {
    return this.heads.get(subject);
  }

  subjects(): ReadonlyMap<string, { seq: number; hash: string }> {
    return this.heads;
  }
}
