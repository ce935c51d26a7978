import { CapsmithError } from "../errors/index.ts";

export type ServeErrorCode =
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "payload_too_large"
  | "body_timeout"
  | "unsupported_media_type"
  | "invalid_json"
  | "invalid_input"
  | "too_many_streams"
  | "too_many_requests"
  | "unknown_request"
  | "approval_key_missing"
  | "capability_not_found"
  | "invalid_token_store";

/** Errors of the HTTP API, the MCP server and the token store; each carries its HTTP status. */
export class ServeError extends CapsmithError<ServeErrorCode> {
  override name = "ServeError";
}
