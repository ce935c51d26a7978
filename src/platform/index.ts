/**
 * The one place that reads the real clock and real randomness. Everything in src/events,
 * projections/ and agent decisions gets these injected (STYLE.md 4), so replay and tests can pin them.
 */
import { v7 as uuidv7 } from "uuid";
import type { Clock, IdSource } from "../events/index.ts";

export const systemClock: Clock = { now: () => new Date() };

/** Time-ordered unique ids (UUIDv7): sortable by creation time, unique across processes. */
export const uuidIds: IdSource = () => uuidv7();
