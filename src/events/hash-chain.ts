/**
 * Tamper evidence. Each event's `hash` is sha256 over the canonical JSON of the event (without
 * `hash`, `sig` and `seq`), which includes `prevHash`, the hash of the previous event on its subject.
 */
import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json.ts";
import type { Envelope } from "./envelope.ts";

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function eventHash(event: Omit<Envelope, "hash" | "sig"> & { hash?: string; sig?: unknown; seq?: number }): string {
  const { hash: _h, sig: _s, seq: _q, ...body } = event;
  return sha256(canonicalJson(body));
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
