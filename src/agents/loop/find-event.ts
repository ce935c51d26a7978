import { CapsmithError } from "../../events/index.ts";
import type { EventLog, EventType, StoredEvent } from "../../events/index.ts";

/** The data of the first `type` event on `subject` that `match` accepts (a gap's own history). */
export async function findEvent<T extends EventType>(log: EventLog, subject: string, type: T, match: (data: StoredEvent<T>["data"]) => boolean): Promise<StoredEvent<T>["data"]> {
  for await (const e of log.read(subject)) {
    if (e.type === type && match((e as StoredEvent<T>).data)) return (e as StoredEvent<T>).data;
  }
  throw new CapsmithError("event_missing", `no ${type} on ${subject} matches: the gap's history is incomplete`, {
    retryable: true,
    nextStep: "Run capsmith audit verify; if the log is intact, the event may still be on its way (the agent retries).",
  });
}
