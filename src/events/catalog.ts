/**
 * The event catalog: every event type capsmith writes, with the zod schema of its `data` and its
 * `schemaVersion`. Adding an event type is one entry here; envelopes, validation and the typed
 * `StoredEvent` union all derive from this object.
 */
import { z } from "zod";

export const eventCatalog = {
  /** A free-text note an operator adds to the log (`capsmith note`). */
  OperatorNote: {
    schemaVersion: 1,
    data: z.object({ text: z.string().min(1).max(10_000) }),
  },
  /** The sandbox refused a plugin's host operation (profile, allowlist or budget); audit trail. */
  PermissionDenied: {
    schemaVersion: 1,
    data: z.object({
      plugin: z.string().min(1),
      operation: z.string().min(1),
      target: z.string().max(500),
      profile: z.string(),
      reason: z.string().max(1_000),
    }),
  },
} as const satisfies Record<string, { schemaVersion: number; data: z.ZodType }>;

export type EventCatalog = typeof eventCatalog;
export type EventType = keyof EventCatalog;
export type EventData<T extends EventType> = z.infer<EventCatalog[T]["data"]>;

export function isKnownEventType(type: string): type is EventType {
  return Object.hasOwn(eventCatalog, type);
}
