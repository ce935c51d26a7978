/**
 * The one JetStream stream behind the log: created on first start, checked on every start. A stream
 * that would lose or misplace events (other subjects, memory storage, a per-subject limit) is an
 * error, not something to silently live with.
 */
import { DiscardPolicy, RetentionPolicy, StorageType } from "@nats-io/jetstream";
import type { JetStreamManager, StreamConfig, StreamInfo } from "@nats-io/jetstream";
import { nanos } from "@nats-io/transport-node";
import type { Logger } from "pino";
import { EventLogError } from "./errors.ts";
import { isStreamNotFound, operationError } from "./nats-errors.ts";
import { ALL_EVENTS } from "./subjects.ts";

export interface StreamSettings {
  name: string;
  /** Physical subject prefix of the namespace ("" for none). */
  prefix: string;
  duplicateWindowMs: number;
  /** Whether the duplicate window was chosen by the caller (then an existing stream is updated). */
  duplicateWindowExplicit: boolean;
  replicas: number;
}

export async function ensureStream(jsm: JetStreamManager, settings: StreamSettings, logger: Logger): Promise<StreamInfo> {
  const all = settings.prefix + ALL_EVENTS;
  const existing = await streamInfo(jsm, settings.name);
  if (existing) return checkStream(jsm, existing, settings, logger);
  const config: Partial<StreamConfig> & { name: string } = {
    name: settings.name,
    subjects: [all],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    max_msgs: -1,
    max_bytes: -1,
    max_age: 0,
    max_msgs_per_subject: -1,
    duplicate_window: nanos(settings.duplicateWindowMs),
    num_replicas: settings.replicas,
  };
  try {
    const info = await jsm.streams.add(config);
    logger.info({ stream: settings.name, subjects: config.subjects }, "created JetStream stream for the event log");
    return info;
  } catch (err) {
    // Another process may have created it at the same moment: check what is there now.
    const raced = await streamInfo(jsm, settings.name).catch(() => undefined);
    if (raced) return checkStream(jsm, raced, settings, logger);
    const other = await jsm.streams.find(all).catch(() => undefined);
    if (other && other !== settings.name) {
      throw new EventLogError("log_unavailable", `stream ${other} already captures ${all}; cannot create ${settings.name}`, {
        cause: err,
        nextStep: `Open the event log on stream ${other} (the \`stream\` option), or remove ${all} from that stream's subjects.`,
        details: { stream: settings.name, conflictingStream: other },
      });
    }
    throw operationError(`creating stream ${settings.name}`, err);
  }
}

/** The stream's info, or undefined when there is no such stream. */
export async function streamInfo(jsm: JetStreamManager, name: string): Promise<StreamInfo | undefined> {
  try {
    return await jsm.streams.info(name);
  } catch (err) {
    if (isStreamNotFound(err)) return undefined;
    throw operationError(`reading stream ${name}`, err);
  }
}

async function checkStream(jsm: JetStreamManager, info: StreamInfo, settings: StreamSettings, logger: Logger): Promise<StreamInfo> {
  const { config } = info;
  const all = settings.prefix + ALL_EVENTS;
  const subjects = config.subjects ?? [];
  const problems: string[] = [];
  if (subjects.length !== 1 || subjects[0] !== all) problems.push(`subjects are [${subjects.join(", ")}], not [${all}]`);
  if (config.storage !== StorageType.File) problems.push(`storage is ${config.storage}, not file`);
  if (config.max_msgs_per_subject > 0) problems.push(`max_msgs_per_subject is ${config.max_msgs_per_subject}, which drops events`);
  if (config.retention !== RetentionPolicy.Limits) problems.push(`retention is ${config.retention}, not limits`);
  if (problems.length > 0) {
    throw new EventLogError("log_unavailable", `JetStream stream ${settings.name} is not an event log stream: ${problems.join("; ")}`, {
      nextStep: `Point capsmith at another stream name, or fix/recreate stream ${settings.name} (subjects [${all}], file storage, no per-subject limit).`,
      details: { stream: settings.name, problems },
    });
  }
  if (config.max_msgs > 0 || config.max_bytes > 0 || config.max_age > 0) {
    logger.warn({ stream: settings.name, max_msgs: config.max_msgs, max_bytes: config.max_bytes, max_age: config.max_age },
      "the event log stream has limits; old events will be dropped");
  }
  const window = nanos(settings.duplicateWindowMs);
  if (settings.duplicateWindowExplicit && config.duplicate_window !== window) {
    try {
      return await jsm.streams.update(settings.name, { ...config, duplicate_window: window });
    } catch (err) {
      throw operationError(`updating the duplicate window of stream ${settings.name}`, err);
    }
  }
  return info;
}
