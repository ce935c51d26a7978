/**
 * Walks the whole log and checks the hash chain of every subject; with anchors (heads recorded in
 * checkpoints) it also catches events cut off the end of a chain. Records the log quarantined (bad
 * lines, stray messages) are listed and make the report fail: readers skip them, an audit names them.
 */
import { envelopeSchema } from "./envelope.ts";
import type { EventLog, QuarantinedRecord } from "./event-log.ts";
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
  | { problem: "truncated"; subject: string; seq: number; expected: string; found: string | null }
  | { problem: "quarantined"; subject: string; seq: number; expected: string; found: string };

export interface VerifyReport {
  ok: boolean;
  events: number;
  records: number;
  subjects: number;
  anchorsChecked: number;
  /** The first problem found, in log order (anchors are checked after the walk). */
  firstBreak?: VerifyProblem;
  /** Records set aside as unreadable, in log order (readers skip them). */
  quarantined: QuarantinedRecord[];
  /**
   * Every chain held over the whole log, the quarantined records aside (readers skip those and apply
   * the rest): what the events say can still be audited, signatures included.
   */
  chainsIntact: boolean;
}

export async function verifyLog(log: EventLog, anchors?: AnchorHeads): Promise<VerifyReport> {
  const verifier = new ChainVerifier();
  const atAnchor = new Map<string, string>(); // subject → hash seen at the anchored seq
  let records = 0;
  let lastSeq = 0;
  const quarantined: QuarantinedRecord[] = [];
  let broken: VerifyProblem | undefined;
  const fail = (problem: VerifyProblem): VerifyReport => ({ ok: false, events: verifier.count, records, subjects: verifier.subjects().size, anchorsChecked: 0, firstBreak: broken ?? problem, quarantined, chainsIntact: false });
  const onQuarantine = (q: QuarantinedRecord): void => {
    quarantined.push(q);
    broken ??= { problem: "quarantined", subject: q.subject ?? "(unknown)", seq: q.seq, expected: "a sealed record", found: `${q.reason}: ${q.message}` };
  };
  for await (const event of log.read(ALL_EVENTS, { onQuarantine })) {
    if (event.seq !== lastSeq) records++;
    lastSeq = event.seq;
    const shape = envelopeSchema.safeParse(event);
    if (!shape.success) {
      const issue = shape.error.issues[0]!;
      return fail({ problem: "malformed_envelope", subject: String(event.subject), seq: event.seq, eventId: String(event.id), expected: `${issue.path.join(".") || "(envelope)"}: ${issue.message}`, found: JSON.stringify(issue.path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k], event)) ?? "undefined" });
    }
    const link = verifier.check(event);
    if (link) return fail(link);
    if (anchors?.heads[event.subject]?.seq === event.seq) atAnchor.set(event.subject, event.hash);
  }
  const base = { events: verifier.count, records, subjects: verifier.subjects().size, quarantined };
  const anchored = Object.entries(anchors?.heads ?? {});
  for (const [subject, head] of anchored) {
    const found = atAnchor.get(subject) ?? null;
    if (found !== head.hash) {
      return { ok: false, ...base, anchorsChecked: anchored.length, firstBreak: broken ?? { problem: "truncated", subject, seq: head.seq, expected: head.hash, found }, chainsIntact: false };
    }
  }
  return broken ? { ok: false, ...base, anchorsChecked: anchored.length, firstBreak: broken, chainsIntact: true } : { ok: true, ...base, anchorsChecked: anchored.length, chainsIntact: true };
}
