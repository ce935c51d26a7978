/**
 * Errors are values with codes (STYLE.md 7). `CapsmithError` is the base every area extends: a
 * machine-readable `code`, a human `nextStep`, whether retrying can help, and structured `details`.
 */
export interface CapsmithErrorOptions extends ErrorOptions {
  nextStep?: string;
  retryable?: boolean;
  details?: Record<string, unknown>;
}

export class CapsmithError<Code extends string = string> extends Error {
  override name = "CapsmithError";
  readonly code: Code;
  readonly nextStep: string | undefined;
  readonly retryable: boolean;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: Code, message: string, options: CapsmithErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.nextStep = options.nextStep;
    this.retryable = options.retryable ?? false;
    this.details = options.details;
  }

  /** The shape `--json` prints: `{code, message, nextStep, details}`. */
  toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      message: this.message,
      ...(this.nextStep ? { nextStep: this.nextStep } : {}),
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

export type EventLogErrorCode =
  | "concurrency_conflict"
  | "invalid_event"
  | "log_corrupt"
  | "log_locked"
  | "log_closed"
  | "log_write_failed"
  | "log_unavailable"
  | "invalid_subject";

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

/** Turn zod issues into the `details` of an error: path + message, nothing else. */
export function zodIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): { path: string; message: string }[] {
  return issues.map((i) => ({ path: i.path.map(String).join(".") || "(root)", message: i.message }));
}
