/**
 * The replay engine: folds the log into projections. `catchUp` resumes from checkpoints and saves
 * new ones; `asOf` answers "what was the state at seq N / time T" by replaying up to that point.
 */
import type { Logger } from "pino";
import { ALL_EVENTS } from "../src/events/index.ts";
import type { EventLog } from "../src/events/index.ts";
import type { Anchors, CheckpointStore } from "./checkpoint-store.ts";
import type { Projection } from "./projection.ts";
import { stateHash } from "./state-hash.ts";

export interface ReplayPoint {
  untilSeq?: number;
  untilTime?: string;
}

export interface ProjectionView {
  /** Log position the states reflect (the last record applied). */
  seq: number;
  states: Record<string, unknown>;
  hashes: Record<string, string>;
}

export interface Projector {
  catchUp(): Promise<ProjectionView>;
  asOf(point: ReplayPoint): Promise<ProjectionView>;
}

export interface ProjectorOptions {
  log: EventLog;
  projections: readonly Projection[];
  store?: CheckpointStore;
  logger?: Logger;
}

interface Slot {
  projection: Projection;
  state: unknown;
  seq: number;
}

export function createProjector(options: ProjectorOptions): Projector {
  const { log, projections, store, logger } = options;
  let slots: Slot[] | undefined;
  let anchors: Anchors = { seq: 0, heads: {} };

  async function loadSlots(lastSeq: number): Promise<Slot[]> {
    const loaded: Slot[] = [];
    for (const projection of projections) {
      const checkpoint = await store?.load(projection.name);
      const usable = checkpoint && checkpoint.version === projection.version && checkpoint.seq <= lastSeq;
      if (checkpoint && !usable) logger?.info({ projection: projection.name }, "checkpoint not usable; replaying from the start");
      const state = usable ? (projection.restore ? projection.restore(checkpoint.state) : checkpoint.state) : projection.initial();
      loaded.push({ projection, state, seq: usable ? checkpoint.seq : 0 });
    }
    const saved = await store?.loadAnchors();
    anchors = saved && saved.seq <= lastSeq ? saved : { seq: 0, heads: {} };
    return loaded;
  }

  // Catch-ups run one after another: one applies events up to the end of the log as that call
  // finds it, after every earlier call has finished, so an event is never applied twice and a caller
  // always gets a state that covers everything appended before it asked.
  let queue: Promise<unknown> = Promise.resolve();

  async function catchUpNow(): Promise<ProjectionView> {
    const lastSeq = await log.lastSeq();
    slots ??= await loadSlots(lastSeq);
    const from = Math.min(anchors.seq, ...slots.map((s) => s.seq)) + 1;
    let seq = Math.max(anchors.seq, ...slots.map((s) => s.seq));
    // A slot at seq S has applied all of record S; seqs move only after the loop, so one record's
    // events all pass the same test.
    for await (const event of log.read(ALL_EVENTS, { fromSeq: from, untilSeq: lastSeq })) {
      for (const slot of slots) if (event.seq > slot.seq) slot.state = slot.projection.apply(slot.state, event);
      if (event.seq > anchors.seq) anchors.heads[event.subject] = { seq: event.seq, hash: event.hash };
      seq = event.seq;
    }
    for (const slot of slots) slot.seq = Math.max(slot.seq, seq);
    anchors.seq = Math.max(anchors.seq, seq);
    if (store) {
      for (const slot of slots) {
        const json = jsonOf(slot);
        await store.save({ projection: slot.projection.name, version: slot.projection.version, seq: slot.seq, stateHash: stateHash(json), state: json });
      }
      await store.saveAnchors(anchors);
    }
    return view(slots, seq);
  }

  return {
    catchUp() {
      const next = queue.then(catchUpNow);
      queue = next.catch(() => undefined);
      return next;
    },

    async asOf(point) {
      const fresh: Slot[] = projections.map((projection) => ({ projection, state: projection.initial(), seq: 0 }));
      let seq = 0;
      const range = { ...(point.untilSeq !== undefined ? { untilSeq: point.untilSeq } : {}), ...(point.untilTime ? { untilTime: point.untilTime } : {}) };
      for await (const event of log.read(ALL_EVENTS, range)) {
        for (const slot of fresh) slot.state = slot.projection.apply(slot.state, event);
        seq = event.seq;
      }
      return view(fresh, seq);
    },
  };
}

function jsonOf(slot: Slot): unknown {
  return slot.projection.snapshot ? slot.projection.snapshot(slot.state) : slot.state;
}

/** States as the projections keep them; hashes over their JSON form. */
function view(slots: Slot[], seq: number): ProjectionView {
  const states: Record<string, unknown> = {};
  const hashes: Record<string, string> = {};
  for (const slot of slots) {
    states[slot.projection.name] = slot.state;
    hashes[slot.projection.name] = stateHash(jsonOf(slot));
  }
  return { seq, states, hashes };
}
