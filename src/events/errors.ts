import { CapsmithError } from "../errors/index.ts";

export { CapsmithError, zodIssues } from "../errors/index.ts";
export type { CapsmithErrorOptions } from "../errors/index.ts";

export type EventLogErrorCode =
  | "concurrency_conflict"
  | "invalid_event"
  | "log_corrupt"
  | "log_locked"
  | "log_closed"
  | "log_write_failed"
  | "log_unavailable"
  | "permission_denied"
  | "invalid_namespace"
  | "invalid_subject"
  | "anchor_invalid"
  | "anchor_untrusted"
  | "anchor_refused"
  | "anchor_mismatch"
  | "anchor_missing"
  | "anchor_store_unprotected";

export class EventLogError extends CapsmithError<EventLogErrorCode> {
  override name = "EventLogError";
}

/**
 * Optimistic concurrency failed: the subject (`scope` "subject", `expectedSubjectSeq`) or the whole
 * log (`scope` "log", `expectedLastSeq`) moved on since the caller read it. Nothing was written.
 * `expected` and `actual` are seqs of what the condition was on: the subject's head, or the log's last record.
 */
export class ConcurrencyError extends EventLogError {
  override name = "ConcurrencyError";
  readonly subject: string;
  readonly expected: number;
  readonly actual: number;
  readonly scope: "subject" | "log";

  constructor(subject: string, expected: number, actual: number, scope: "subject" | "log" = "subject") {
    super("concurrency_conflict", scope === "subject" ? `subject ${subject} is at seq ${actual}, expected ${expected}` : `the log is at seq ${actual}, expected ${expected} (append to ${subject})`, {
      retryable: true,
      nextStep: scope === "subject" ? "Re-read the subject, decide again on the current state, and append with the new sequence." : "Re-read the state the decision rests on, decide again, and append with the log's new last sequence.",
      details: { subject, expected, actual, scope },
    });
    this.subject = subject;
    this.expected = expected;
    this.actual = actual;
    this.scope = scope;
  }
}
