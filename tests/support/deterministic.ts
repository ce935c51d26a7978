import type { Clock, IdSource } from "../../src/events/index.ts";

/** A clock that starts at `start` and moves 1 ms each time it is read. */
export function steppingClock(start = "2026-01-01T00:00:00.000Z"): Clock {
  let t = Date.parse(start);
  return { now: () => new Date(t++) };
}

/** Ids `prefix-000001`, `prefix-000002`, ... (sortable like the real UUIDv7 ids). */
export function counterIds(prefix = "evt"): IdSource {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(6, "0")}`;
}
