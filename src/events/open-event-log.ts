import type { Logger } from "pino";
import type { Clock, EventLog, IdSource } from "./event-log.ts";
import { openFileLog } from "./file-log.ts";

export interface OpenEventLogOptions {
  /** Data directory of the embedded log (also where checkpoints live with either adapter). */
  dataDir: string;
  /** NATS server URL: use JetStream instead of the embedded log. */
  natsUrl?: string;
  clock: Clock;
  newId: IdSource;
  actor: string;
  readOnly?: boolean;
  logger?: Logger;
}

/** The embedded file log by default; NATS JetStream when a URL is given. */
export async function openEventLog(options: OpenEventLogOptions): Promise<EventLog> {
  const common = { clock: options.clock, newId: options.newId, actor: options.actor, ...(options.logger ? { logger: options.logger } : {}) };
  if (options.natsUrl) {
    const { openNatsLog } = await import("./nats-log.ts");
    return openNatsLog({ url: options.natsUrl, ...common });
  }
  return openFileLog({ dir: options.dataDir, readOnly: options.readOnly ?? false, ...common });
}
