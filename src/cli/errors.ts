import { CapsmithError } from "../events/index.ts";

export type CliErrorCode = "usage" | "file_not_found" | "invalid_json" | "invalid_input";

/** A problem with what the person typed or pointed at: exit status 2, nothing written. */
export class UsageError extends CapsmithError<CliErrorCode> {
  override name = "UsageError";
}
