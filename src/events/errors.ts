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

/** Optimistic concurrency failed: the subject moved on since the caller read it. Nothing was written. */
export class ConcurrencyError extends EventLogError {
  override name = "ConcurrencyError";
  readonly subject: string;
  readonly expected: number;
  readonly actual: number;

  constructor(subject: string, expected: number, actual: number) {
    super("concurrency_conflict", `subject ${subject} is at seq ${actual}, expected ${expected}`, {
      retryable: true,
      nextStep: "Re-read the subject, decide again on the current state, and append with the new sequence.",
      details: { subject, expected, actual },
    });
    this.subject = subject;
    this.expected = expected;
    this.actual = actual;
  }
}
