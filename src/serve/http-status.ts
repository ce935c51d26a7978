/**
 * Which HTTP status an error's code means. The API answers every error with the CLI's shape,
 * `{ok: false, error: {code, message, nextStep, details}}`; the status says whose problem it is: 4xx
 * the caller's (bad input, no token, wrong role, nothing there), 5xx capsmith's or the plugin's.
 */
const BY_CODE: Record<string, number> = {
  // The caller's input: what the CLI reports as a usage error (exit 2).
  usage: 400,
  invalid_input: 400,
  input_invalid: 400,
  invalid_json: 400,
  invalid_spec: 400,
  invalid_range: 400,
  invalid_point: 400,
  invalid_filter: 400,
  input_too_large: 413,
  unauthorized: 401,
  forbidden: 403,
  approval_required: 403,
  not_found: 404,
  unknown_request: 404,
  unknown_plugin: 404,
  unknown_capability: 404,
  capability_not_found: 404,
  key_not_found: 404,
  method_not_allowed: 405,
  // The hub's state does not allow it now.
  not_allowed_by_policy: 409,
  nothing_to_roll_back: 409,
  capability_busy: 409,
  log_busy: 409,
  dependents_broken: 409,
  downgrade_needs_rollback: 409,
  version_exists: 409,
  approval_key_missing: 409,
  signature_missing: 409,
  signature_invalid: 409,
  signature_untrusted: 409,
  key_revoked: 409,
  payload_too_large: 413,
  body_timeout: 408,
  unsupported_media_type: 415,
  too_many_streams: 429,
  too_many_requests: 429,
  rate_limited: 429,
  // The plugin failed (capsmith is the gateway to it).
  plugin_error: 502,
  output_invalid: 502,
  output_invalid_schema: 502,
  memory_limit: 502,
  permission_denied: 502,
  result_too_large: 502,
  output_too_deep: 502,
  scan_rejected: 502,
  invalid_plugin: 502,
  not_loaded: 502,
  invoke_cycle: 502,
  invoke_depth: 502,
  sandbox_crashed: 502,
  fetch_failed: 502,
  budget_exceeded: 502,
  llm_unavailable: 502,
  tamper_detected: 502,
  // capsmith is stopping, or the caller went away while the plugin ran.
  host_closed: 503,
  cancelled: 503,
  timeout: 504,
  loop_timeout: 504,
};

export function statusFor(code: string): number {
  return BY_CODE[code] ?? 500;
}
