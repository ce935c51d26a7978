import { CapsmithError } from "../../events/index.ts";

export type SynthesizerErrorCode =
  | "no_program_found"
  | "invalid_spec"
  | "budget_exceeded"
  | "backend_unavailable"
  | "unsupported_spec"
  | "cancelled";

/** Why a synthesizer backend produced no plugin; `details` carries the size reached and counts. */
export class SynthesizerError extends CapsmithError<SynthesizerErrorCode> {
  override name = "SynthesizerError";
}
