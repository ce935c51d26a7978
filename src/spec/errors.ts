import { CapsmithError } from "../events/index.ts";

export type SpecErrorCode = "invalid_spec";

/** A capability spec that does not follow ../shared/SPEC-FORMAT.md; `details.issues` says where. */
export class SpecError extends CapsmithError<SpecErrorCode> {
  override name = "SpecError";
}
