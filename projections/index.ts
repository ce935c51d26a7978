/**
 * Projections: pure reducers over the event log, the replay engine that folds the log into them,
 * and checkpoints. Reducers do no I/O and read no clock; replaying the same events gives
 * byte-identical state (compare `stateHash`).
 */
import { logStats } from "./log-stats.ts";
import type { Projection } from "./projection.ts";

export type { Projection } from "./projection.ts";
export type { LogStats } from "./log-stats.ts";
export { logStats } from "./log-stats.ts";
export { createProjector } from "./engine.ts";
export type { ProjectionView, Projector, ProjectorOptions, ReplayPoint } from "./engine.ts";
export { fileCheckpointStore } from "./checkpoint-store.ts";
export type { Anchors, Checkpoint, CheckpointStore } from "./checkpoint-store.ts";
export { stateHash } from "./state-hash.ts";

/** Every projection capsmith maintains; later areas add theirs here. */
export const allProjections: readonly Projection[] = [logStats as Projection];
