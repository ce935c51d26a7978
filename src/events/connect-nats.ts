import type { NatsConnection } from "@nats-io/transport-node";
import type { NatsConnectOptions } from "./nats-connect.ts";

/** Connects to NATS as the event log does (see nats-connect.ts); loaded on first use, so commands on the embedded log never load the client. */
export async function connectNats(options: NatsConnectOptions): Promise<NatsConnection> {
  return (await import("./nats-connect.ts")).connectNats(options);
}

/** Closes a connection as the event log does: drained, but never waiting on a server that stopped answering. */
export async function closeConnection(nc: NatsConnection): Promise<void> {
  return (await import("./nats-connect.ts")).closeConnection(nc);
}
