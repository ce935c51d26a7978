import type { EventLog, EventType, StoredEvent } from "../../events/index.ts";

/** The data of the first `type` event on `subject` that `match` accepts (a gap's own history). */
export async function findEvent<T extends EventType>(log: EventLog, subject: string, type: T, match: (data: StoredEvent<T>["data"]) => boolean): Promise<StoredEvent<T>["data"]> {
  for await (const e of log.read(subject)) {
    if (e.type === type && match((e as StoredEvent<T>).data)) return (e as StoredEvent<T>).data;
  }
  throw new Error(`no ${type} on ${subject} matches`);
}
