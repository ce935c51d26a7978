/**
 * Turning what the NATS client throws into `EventLogError`s a person can act on, and telling
 * transient failures (worth another try within a deadline) from final ones.
 */
import { JetStreamApiCodes, JetStreamApiError } from "@nats-io/jetstream";
import { errors as natsErrors } from "@nats-io/transport-node";
import { EventLogError } from "./errors.ts";

const START_NEXT_STEP =
  "Start a JetStream server (`nats-server -js`), check --nats / CAPSMITH_NATS_URL, or drop --nats to use the embedded file log.";

/** Thrown on no responders for JetStream: not enabled, or (briefly) a server still starting. (Not exported by the client.) */
function isJetStreamNotEnabled(err: unknown): boolean {
  return err instanceof Error && err.name === "JetStreamNotEnabled";
}

/** The server said the subject (or stream) is not at the expected sequence. */
export function isWrongLastSequence(err: unknown): boolean {
  return err instanceof JetStreamApiError && err.code === JetStreamApiCodes.StreamWrongLastSequence;
}

export function isStreamNotFound(err: unknown): boolean {
  return err instanceof JetStreamApiError && err.code === JetStreamApiCodes.StreamNotFound;
}

export function isConsumerNotFound(err: unknown): boolean {
  return err instanceof JetStreamApiError && err.code === JetStreamApiCodes.ConsumerNotFound;
}

/** Failures that a reconnect or a restarting server may cure: retry until a deadline. */
export function isTransient(err: unknown): boolean {
  if (permissionDenial(err)) return false;
  if (err instanceof natsErrors.TimeoutError) return true;
  if (err instanceof natsErrors.RequestError) return true;
  if (err instanceof natsErrors.NoRespondersError) return true;
  if (isJetStreamNotEnabled(err)) return true; // no responders while JetStream restarts
  if (err instanceof natsErrors.ConnectionError) return true;
  return false;
}

/** The server's permission refusal, thrown as is (a publish) or as the cause of a failed request. */
export function permissionDenial(err: unknown): InstanceType<typeof natsErrors.PermissionViolationError> | undefined {
  for (let e = err, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    if (e instanceof natsErrors.PermissionViolationError) return e;
  }
  return undefined;
}

/** The server refused this user a subject: final, and said at once (not as a timeout). */
export function permissionError(what: string, err: InstanceType<typeof natsErrors.PermissionViolationError>, prefix = ""): EventLogError {
  const subject = prefix && err.subject.startsWith(prefix) ? err.subject.slice(prefix.length) : err.subject;
  return new EventLogError("permission_denied", `${what}: this NATS user may not ${err.operation === "subscription" ? "subscribe to" : "publish to"} ${subject}${subject === err.subject ? "" : ` (${err.subject} on the server)`}`, {
    cause: err,
    nextStep: "Use the credential of a role allowed to write this subject (see deploy/nats/accounts.conf), or ask the operator to grant it.",
    details: { subject, serverSubject: err.subject, operation: err.operation },
  });
}

export function isClosed(err: unknown): boolean {
  return err instanceof natsErrors.ClosedConnectionError || err instanceof natsErrors.DrainingConnectionError;
}

/** The URL (or comma-separated URLs) without credentials, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/,]*@/g, "//***@");
}

export function connectError(url: string, err: unknown): EventLogError {
  const reason = (err as Error)?.message ?? String(err);
  if (err instanceof natsErrors.AuthorizationError || err instanceof natsErrors.UserAuthenticationExpiredError) {
    return new EventLogError("log_unavailable", `NATS at ${redactUrl(url)} refused the credentials: ${reason}`, {
      cause: err,
      nextStep: "Check the user/password, token or credentials for the NATS server.",
    });
  }
  if (isJetStreamNotEnabled(err)) {
    return new EventLogError("log_unavailable", `NATS at ${redactUrl(url)} has no JetStream: ${reason}`, {
      cause: err,
      retryable: true,
      nextStep: "Start nats-server with JetStream enabled (`nats-server -js`) or enable JetStream for this account (capsmith help operations).",
    });
  }
  return new EventLogError("log_unavailable", `cannot reach NATS at ${redactUrl(url)}: ${reason}`, {
    cause: err,
    retryable: true,
    nextStep: START_NEXT_STEP,
  });
}

/** Any failure during an operation on an open log. */
export function operationError(what: string, err: unknown, prefix = ""): EventLogError {
  if (err instanceof EventLogError) return err;
  const denied = permissionDenial(err);
  if (denied) return permissionError(what, denied, prefix);
  if (isClosed(err)) {
    return new EventLogError("log_closed", `${what}: the NATS connection is closed`, { cause: err, nextStep: "Open the event log again." });
  }
  const reason = (err as Error)?.message ?? String(err);
  return new EventLogError("log_unavailable", `${what} failed: ${reason}`, {
    cause: err,
    retryable: isTransient(err),
    nextStep: isTransient(err) ? "The NATS server is unreachable or restarting; retry shortly. " + START_NEXT_STEP : "See the cause; check the NATS server logs.",
  });
}
