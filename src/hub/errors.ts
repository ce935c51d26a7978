import { CapsmithError } from "../events/index.ts";

export type HubErrorCode =
  | "invalid_package"
  | "package_too_large"
  | "invalid_manifest"
  | "invalid_policy"
  | "preflight_failed"
  | "version_exists"
  | "downgrade_needs_rollback"
  | "unknown_plugin"
  | "unknown_capability"
  | "nothing_to_roll_back"
  | "health_check_failed"
  | "dependency_unresolved"
  | "injected_failure"
  | "interrupted"
  | "capability_busy"
  | "log_busy"
  | "superseded"
  | "invalid_point"
  | "tamper_detected"
  | "key_not_found"
  | "key_exists"
  | "invalid_key"
  | "policy_not_found"
  | "signature_missing"
  | "signature_invalid"
  | "signature_untrusted"
  | "key_revoked"
  | "operator_key_untrusted"
  | "approval_required"
  | "not_allowed_by_policy";

/** Errors of the plugin hub: packages, preflight, keys, policy and install transactions. */
export class HubError extends CapsmithError<HubErrorCode> {
  override name = "HubError";
}
