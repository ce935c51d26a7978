/**
 * The one place that reads the real clock and real randomness. Everything in src/events,
 * projections/ and agent decisions gets these injected (STYLE.md 4), so replay and tests can pin them.
 */
import { randomFillSync } from "node:crypto";
import { createRequire } from "node:module";
import type * as Uuid from "uuid";
import type { Clock, IdSource } from "../events/index.ts";

export const systemClock: Clock = { now: () => new Date() };

// uuid's default source asks the OS for 16 bytes per id; drawing them from a pool refilled in 8 KiB
// steps (as Node's own randomUUID does) makes ids ~10x cheaper on the append path.
const pool = new Uint8Array(8192);
let used = pool.length;
function rng(): Uint8Array {
  if (used + 16 > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += 16;
  return pool.slice(used - 16, used);
}

// uuid is required on the first id, not at start-up: a reading command makes none.
const require = createRequire(import.meta.url);
let v7: typeof Uuid.v7 | undefined;

/** Time-ordered unique ids (UUIDv7): sortable by creation time, unique across processes. */
export const uuidIds: IdSource = () => (v7 ??= (require("uuid") as typeof Uuid).v7)({ rng });

export { createFileOnce, writeNewFileSynced } from "./create-once.ts";
