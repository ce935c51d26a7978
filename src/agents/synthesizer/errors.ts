import { CapsmithError } from "../../events/index.ts";

export type SynthesizerErrorCode =
  | "no_program_found"
  | "invalid_spec"
  | "budget_exceeded"
  | "backend_unavailable"
  | "unsupported_spec"
  | "cancelled"
  /** Two examples give one input different outputs: reported at once, nothing is searched. */
  | "contradictory_examples"
  /** Programs that fit the examples disagree on another input (see the result's `ambiguity`). */
  | "ambiguous"
  /** The LLM server failed or refused the request (HTTP error, unreachable, bad key or model). */
  | "llm_failed"
  /** The model's answer was not the JSON object asked for; counted as a failed round, reported in details. */
  | "llm_invalid_response";

/** Why a synthesizer backend produced no plugin; `details` carries the size reached and counts. */
export class SynthesizerError extends CapsmithError<SynthesizerErrorCode> {
  override name = "SynthesizerError";
}
