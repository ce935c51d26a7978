/**
 * Walks the whole log and checks the hash chain of every subject; with anchors (heads recorded in
 * checkpoints) it also catches events cut off the end of a chain.
 */
import { envelopeSchema } from "./envelope.ts";
import type { EventLog } from "./event-log.ts";
import { ChainVerifier } from "./hash-chain.ts";
import type { ChainBreak } from "./hash-chain.ts";
import { ALL_EVENTS } from "./subjects.ts";

export interface AnchorHeads {
  seq: number;
  heads: Record<string, { seq: number; hash: string }>;
}

export type VerifyProblem =
  | ChainBreak
  | { problem: "malformed_envelope"; subject: string; seq: number; eventId: string; expected: string; found: string }
  | { problem: "truncated"; subject: string; seq: number; expected: string; found: string | null };

export interface VerifyReport {
  ok: boolean;
  events: number;
  records: number;
  subjects: number;
  anchorsChecked: number;
  /** The first problem found, in log order (anchors are checked after the walk). */
  firstBreak?: VerifyProblem;
}

export async function verifyLog(log: EventLog, anchors?: AnchorHeads): Promise<VerifyReport> {
  const verifier = new ChainVerifier();
  const atAnchor = new Map<string, string>(); // subject → hash seen at the anchored seq
  let records = 0;
  let lastSeq = 0;
  for await (const event of log.read(ALL_EVENTS)) {
    if (event.seq !== lastSeq) records++;
    lastSeq = event.seq;
    const shape = envelopeSchema.safeParse(event);
    if (!shape.success) {
      const issue = shape.error.issues[0]!;
      return {
        ok: false, events: verifier.count, records, subjects: verifier.subjects().size, anchorsChecked: 0,
        firstBreak: { problem: "malformed_envelope", subject: String(event.subject), seq: event.seq, eventId: String(event.id), expected: `${issue.path.join(".") || "(envelope)"}: ${issue.message}`, found: JSON.stringify(issue.path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k], event)) ?? "undefined" },
      };
    }
    const broken = verifier.check(event);
    if (broken) return { ok: false, events: verifier.count, records, subjects: verifier.subjects().size, anchorsChecked: 0, firstBreak: broken };
    if (anchors?.heads[event.subject]?.seq === event.seq) atAnchor.set(event.subject, event.hash);
  }
  const base = { events: verifier.count, records, subjects: verifier.subjects().size };
  const anchored = Object.entries(anchors?.heads ?? {});
  for (const [subject, head] of anchored) {
    const found = atAnchor.get(subject) ?? null;
    if (found !== head.hash) {
      return { ok: false, ...base, anchorsChecked: anchored.length, firstBreak: { problem: "truncated", subject, seq: head.seq, expected: head.hash, found } };
    }
  }
  return { ok: true, ...base, anchorsChecked: anchored.length };
}
