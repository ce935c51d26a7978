import { CapsmithError } from "../errors/index.ts";

export type CliErrorCode = "usage" | "file_not_found" | "invalid_json" | "invalid_input";

/** A problem with what the person typed or pointed at: exit status 2, nothing written. */
export class UsageError extends CapsmithError<CliErrorCode> {
  override name = "UsageError";
}

/**
 * A core error about what the person gave us (a bad file, an unknown key), as a usage error: exit
 * status 2, the same message and next step, and the core's own code kept in `details.reason`.
 */
export function asUsageError(err: CapsmithError, code: CliErrorCode = "invalid_input", prefix?: string): UsageError {
  return new UsageError(code, prefix ? `${prefix}: ${err.message}` : err.message, {
    cause: err,
    ...(err.nextStep ? { nextStep: err.nextStep } : {}),
    details: { reason: err.code, ...err.details },
  });
}

/**
 * The data directory a command was pointed at cannot be one: not there (for a command that only
 * reads; reading it would answer "nothing here" for a typo), a file, a path through a file, or a
 * directory holding only what is not capsmith's (data_dir_foreign), or a directory of capsmith's whose
 * events.log, events.index or log lock is no regular file (data_dir_damaged: a FIFO there would hang the
 * log's open). Exit status 1, nothing created.
 */
export class DataDirError extends CapsmithError<"data_dir_missing" | "data_dir_not_directory" | "data_dir_foreign" | "data_dir_damaged"> {
  override name = "DataDirError";
}
