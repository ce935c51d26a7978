/**
 * Errors are values with codes: `CapsmithError` is the base every area extends — a machine-readable
 * `code`, a human `nextStep`, whether retrying can help, and structured `details`. A leaf: it
 * imports nothing, so the CLI can report an error without loading the rest of capsmith.
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

/** Turn zod issues into the `details` of an error: path + message, nothing else. */
export function zodIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): { path: string; message: string }[] {
  return issues.map((i) => ({ path: i.path.map(String).join(".") || "(root)", message: i.message }));
}
