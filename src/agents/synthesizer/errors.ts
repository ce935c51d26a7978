import { CapsmithError } from "../../events/index.ts";

export type SynthesizerErrorCode =
  | "no_program_found"
  | "invalid_spec"
  | "budget_exceeded"
  | "backend_unavailable"
  | "unsupported_spec"
  | "cancelled"
  /** The LLM server failed or refused the request (HTTP error, unreachable, bad key or model). */
  | "llm_failed"
  /** The model's answer was not the JSON object asked for; counted as a failed round, reported in details. */
  | "llm_invalid_response";

/** Why a synthesizer backend produced no plugin; `details` carries the size reached and counts. */
export class SynthesizerError extends CapsmithError<SynthesizerErrorCode> {
  override name = "SynthesizerError";
}
