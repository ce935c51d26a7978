/**
 * The one way capsmith connects to NATS (the event log and the blob store alike): credentials taken
 * out of the URL (the client ignores them there), endless reconnects, and a coded error for a server
 * that is not there or refuses the credentials.
 */
import { connect } from "@nats-io/transport-node";
import type { NatsConnection } from "@nats-io/transport-node";
import type { Logger } from "pino";
import { CLOSE_WAIT_MS, settlesWithin } from "./event-log.ts";
import { connectError, redactUrl } from "./nats-errors.ts";

export interface NatsConnectOptions {
  /** One server URL, or several comma-separated (the servers of a cluster); may carry `user:pass@` or `token@`. */
  url: string;
  /** Connection name the server shows. */
  name: string;
  /** How long the first connect may take before `log_unavailable` (default 5 s). */
  connectTimeoutMs?: number;
  user?: string;
  pass?: string;
  token?: string;
}

export async function connectNats(options: NatsConnectOptions): Promise<NatsConnection> {
  const { servers, auth } = splitCredentials(options.url);
  try {
    return await connect({
      servers,
      ...auth,
      name: options.name,
      noAsyncTraces: true,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      timeout: options.connectTimeoutMs ?? 5_000,
      ...pick(options, "user", "pass", "token"),
    });
  } catch (err) {
    throw connectError(options.url, err);
  }
}

/** The named options that are set (exactOptionalPropertyTypes-friendly spreading). */
export function pick<T extends object, K extends keyof T>(source: T, ...keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

/**
 * Server URLs without their credentials, and the credentials (`user:pass@` or `token@`) the first one
 * carries: the client would ignore credentials in a URL and connect anonymously.
 */
export function splitCredentials(url: string): { servers: string[]; auth: { user?: string; pass?: string; token?: string } } {
  let auth: { user?: string; pass?: string; token?: string } = {};
  const servers = url.split(",").map((s) => s.trim()).filter(Boolean).map((server) => {
    const m = /^([a-z]+:\/\/)?([^@/]*)@(.*)$/i.exec(server);
    if (!m) return server;
    const [, scheme = "", info = "", rest = ""] = m;
    if (Object.keys(auth).length === 0 && info) {
      const colon = info.indexOf(":");
      auth = colon < 0 ? { token: decodeURIComponent(info) } : { user: decodeURIComponent(info.slice(0, colon)), pass: decodeURIComponent(info.slice(colon + 1)) };
    }
    return scheme + rest;
  });
  return { servers, auth };
}

export function watchStatus(nc: NatsConnection, logger: Logger, url: string): void {
  void (async () => {
    for await (const s of nc.status()) {
      if (s.type === "disconnect") logger.warn({ url: redactUrl(url) }, "NATS connection lost; reconnecting");
      else if (s.type === "reconnect") logger.info({ url: redactUrl(url) }, "NATS connection restored");
    }
  })().catch(() => undefined);
}

/**
 * Drains the connection (what is buffered reaches the server) but waits at most `waitMs`: a drain
 * ends with a flush the server must answer, and one that stopped answering (SIGSTOP, a partition, a
 * reconnect that never comes) never does. Past that the connection closes without the flush.
 */
export async function closeConnection(nc: NatsConnection, waitMs = CLOSE_WAIT_MS): Promise<void> {
  const drained = nc.drain().catch(() => nc.close());
  if (!(await settlesWithin(drained, waitMs))) await nc.close().catch(() => undefined);
}
