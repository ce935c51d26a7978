import { CapsmithError } from "../events/index.ts";

export type SpecErrorCode = "invalid_spec";

/** A capability spec that does not follow docs/spec-format.md; `details.issues` says where. */
export class SpecError extends CapsmithError<SpecErrorCode> {
  override name = "SpecError";
}

/**
 * A value that breaks a capability's contract, or a schema capsmith cannot check values against.
 * `input_invalid` is the caller's error (the plugin never ran), `output_invalid` the plugin's;
 * `details.issues` lists each problem as `{pointer, message, keyword}`, the pointer an RFC 6901
 * JSON Pointer into the value.
 */
export type ContractErrorCode = "input_invalid" | "output_invalid" | "schema_invalid" | "schema_unsupported";

export class ContractError extends CapsmithError<ContractErrorCode> {
  override name = "ContractError";
}

/** A new version whose number does not say what its contract change means, or that breaks dependents. */
export type VersionErrorCode = "version_not_greater" | "version_bump_too_small" | "dependents_broken" | "invalid_version";

export class VersionError extends CapsmithError<VersionErrorCode> {
  override name = "VersionError";
}
