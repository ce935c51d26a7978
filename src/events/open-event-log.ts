import type { Logger } from "pino";
import type { Clock, EventLog, IdSource } from "./event-log.ts";
import { openFileLog } from "./file-log.ts";
import type { EventSigner } from "./seal.ts";

export interface OpenEventLogOptions {
  /** Data directory of the embedded log (also where checkpoints live with either adapter). */
  dataDir: string;
  /** NATS server URL (or comma-separated URLs of a cluster): use JetStream instead of the embedded log. */
  natsUrl?: string;
  /** Replicas of the event stream when this creates it on a cluster (default 1). */
  natsReplicas?: number;
  /**
   * `--namespace` / `CAPSMITH_NAMESPACE`: on NATS, the deployment's own stream (CAPSMITH_EVENTS_<name>)
   * and subject prefix, so deployments sharing a server never see each other. The embedded log's
   * namespace is its data directory, so it ignores this.
   */
  namespace?: string;
  /** Signs every event this process appends with its actor's key. */
  sign?: EventSigner;
  clock: Clock;
  newId: IdSource;
  actor: string;
  readOnly?: boolean;
  logger?: Logger;
}

/** The embedded file log by default; NATS JetStream when a URL is given. */
export async function openEventLog(options: OpenEventLogOptions): Promise<EventLog> {
  const common = { clock: options.clock, newId: options.newId, actor: options.actor, ...(options.logger ? { logger: options.logger } : {}), ...(options.sign ? { sign: options.sign } : {}) };
  if (options.natsUrl) {
    const { openNatsLog } = await import("./nats-log.ts");
    return openNatsLog({ url: options.natsUrl, ...common, ...(options.natsReplicas ? { replicas: options.natsReplicas } : {}), ...(options.namespace ? { namespace: options.namespace } : {}) });
  }
  return openFileLog({ dir: options.dataDir, readOnly: options.readOnly ?? false, ...common });
}
