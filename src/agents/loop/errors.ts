import { CapsmithError } from "../../errors/index.ts";

export type RedriveErrorCode = "dead_letter_not_found" | "dead_letter_ambiguous" | "already_redriven" | "event_missing" | "event_not_admitted" | "redrive_not_counted";

/**
 * An operator's redrive refused: nothing was appended, except for `redrive_not_counted` (appended,
 * but not by an operator key, so it counts for nothing); retrying the same id cannot help.
 */
export class RedriveError extends CapsmithError<RedriveErrorCode> {
  override name = "RedriveError";
}
