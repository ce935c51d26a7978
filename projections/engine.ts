/**
 * The replay engine: folds the log into a set of projections, each state typed by its key.
 *
 * Every event is checked before any projection sees it: its hash must recompute and link to the
 * head of its subject's chain, and its envelope and data must match the catalog. An event that
 * fails is quarantined (kept in `integrity.quarantined`, logged, never applied), so an edited record
 * or a stray message changes no state and stops nothing.
 *
 * Projections advance lazily and independently: `catchUp(["hub"])` folds the tail into the hub
 * alone. A snapshot (see snapshot-store.ts) restores states and chain heads at a position, so a
 * catch-up reads only what was appended since.
 */
import type { Logger } from "pino";
import { ALL_EVENTS } from "../src/events/index.ts";
import type { AnyStoredEvent, EventLog } from "../src/events/index.ts";
import { checkEvent } from "./integrity.ts";
import type { Integrity, Quarantined } from "./integrity.ts";
import type { Projection } from "./projection.ts";
import type { LoadedSnapshot } from "./snapshot-store.ts";
import { stateHash } from "./state-hash.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a set of projections of any state type
export type ProjectionSet = Readonly<Record<string, Projection<any>>>;
export type StatesOf<P extends ProjectionSet> = { -readonly [K in keyof P]: P[K] extends Projection<infer S> ? S : never };

export interface ReplayPoint {
  untilSeq?: number;
  untilTime?: string;
}

export interface ProjectionView<S> {
  /** Log position the states reflect (the last record applied). */
  seq: number;
  states: S;
  /** sha256 of a state's canonical JSON form (computed on demand: it is not free for big states). */
  hash(name: keyof S & string): string;
}

export interface Projector<P extends ProjectionSet> {
  /** Folds every record appended so far into the named projections (all of them by default). */
  catchUp<K extends keyof P & string = keyof P & string>(names?: readonly K[]): Promise<ProjectionView<Pick<StatesOf<P>, K>>>;
  /** The states as of a point, replayed from the start of the log into fresh projections. */
  asOf(point: ReplayPoint): Promise<ProjectionView<StatesOf<P>>>;
  /** Chain heads and quarantined events as far as the log has been checked. */
  integrity(): Integrity;
  /** Whether an event read from the log passed the checks (the log is checked up to it first). */
  admits(event: AnyStoredEvent): Promise<boolean>;
  /** Every projection caught up, in the form a snapshot stores (JSON states at one position). */
  capture(): Promise<{ seq: number; integrity: Integrity; states: Record<string, { version: number; json: unknown }> }>;
}

export interface ProjectorOptions<P extends ProjectionSet> {
  log: EventLog;
  projections: P;
  /** Where to start from: states and chain heads at a position (validated by the caller). */
  snapshot?: LoadedSnapshot;
  logger?: Logger;
  /** Called for each event the first time it is quarantined. */
  onQuarantine?(entry: Quarantined): void;
}

interface Slot {
  projection: Projection<unknown>;
  state: unknown;
  seq: number;
  loaded: boolean;
}

export function createProjector<P extends ProjectionSet>(options: ProjectorOptions<P>): Projector<P> {
  const { log, projections, snapshot, logger } = options;
  const integrity: Integrity = snapshot ? structuredClone(snapshot.integrity) : { seq: 0, lastHash: null, heads: {}, quarantined: [] };
  const quarantinedAt = new Set(integrity.quarantined.map((q) => `${q.seq}:${q.hash}`));
  const slots = new Map<string, Slot>();
  for (const [name, projection] of Object.entries(projections) as [string, Projection<unknown>][]) {
    slots.set(name, { projection, state: undefined, seq: 0, loaded: false });
  }

  /** A projection's starting state: from the snapshot when it holds a usable one, else initial. */
  async function load(name: string, slot: Slot): Promise<void> {
    if (slot.loaded) return;
    slot.loaded = true;
    const saved = snapshot ? await snapshot.state(name, slot.projection.version) : undefined;
    if (saved !== undefined) {
      slot.state = slot.projection.restore ? slot.projection.restore(saved) : saved;
      slot.seq = snapshot!.seq;
    } else {
      slot.state = slot.projection.initial();
      slot.seq = 0;
      if (snapshot) logger?.info({ projection: name }, "no usable snapshot of this projection; replaying it from the start");
    }
  }

  /** Checks an event once (the first time the log is read past it); true when it may be applied. */
  function admit(event: AnyStoredEvent, index: number): boolean {
    if (event.seq <= integrity.seq) return !quarantinedAt.has(`${event.seq}:${String(event.hash)}`);
    integrity.lastHash = typeof event.hash === "string" ? event.hash : null;
    const problem = checkEvent(event, integrity.heads);
    if (!problem) {
      integrity.heads[event.subject] = { seq: event.seq, hash: event.hash };
      return true;
    }
    const entry: Quarantined = { seq: event.seq, index, hash: String(event.hash), subject: String(event.subject), type: String(event.type), problem: problem.problem, detail: problem.detail };
    integrity.quarantined.push(entry);
    quarantinedAt.add(`${event.seq}:${entry.hash}`);
    // A record whose own hash is wrong still links the chain (the next one names its stored hash);
    // one that does not link leaves the head where it was.
    if (problem.linksChain) integrity.heads[event.subject] = { seq: event.seq, hash: event.hash };
    logger?.warn(entry, "event quarantined: not applied to any projection");
    options.onQuarantine?.(entry);
    return false;
  }

  // Catch-ups run one after another, so an event is never applied twice and a caller always gets
  // a state that covers everything appended before it asked.
  let queue: Promise<unknown> = Promise.resolve();

  async function catchUpNow(names: readonly string[]): Promise<ProjectionView<Record<string, unknown>>> {
    const lastSeq = await log.lastSeq();
    const chosen: [string, Slot][] = [];
    for (const name of names) {
      const slot = slots.get(name);
      if (!slot) throw new Error(`unknown projection "${name}"`);
      await load(name, slot);
      chosen.push([name, slot]);
    }
    const behind = chosen.filter(([, s]) => s.seq < lastSeq).map(([, s]) => s);
    // The chain is checked as far as the log goes even when no projection needs the records.
    if (behind.length > 0 || integrity.seq < lastSeq) {
      const from = Math.min(integrity.seq, ...behind.map((s) => s.seq)) + 1;
      let recordSeq = 0;
      let index = 0;
      // A record the log cannot read never reaches admit(): it is recorded here, so what every
      // reader skipped stays visible (audit verify --anchor reads it back for the records it did not).
      const unreadable = (q: { seq: number; subject?: string; reason: string; message: string }): void => {
        if (q.seq <= integrity.seq || quarantinedAt.has(`${q.seq}:`)) return;
        const entry: Quarantined = { seq: q.seq, index: 0, hash: "", subject: q.subject ?? "", type: "", problem: "unreadable_record", detail: `${q.reason}: ${q.message}` };
        integrity.quarantined.push(entry);
        quarantinedAt.add(`${q.seq}:`);
        options.onQuarantine?.(entry);
      };
      for await (const event of log.read(ALL_EVENTS, { fromSeq: from, untilSeq: lastSeq, onQuarantine: unreadable })) {
        index = event.seq === recordSeq ? index + 1 : 0;
        recordSeq = event.seq;
        if (!admit(event, index)) continue;
        // A slot at seq S has applied all of record S; seqs move only after the loop, so one
        // record's events all pass the same test.
        for (const slot of behind) if (event.seq > slot.seq) slot.state = slot.projection.apply(slot.state, event);
      }
      for (const slot of behind) slot.seq = lastSeq;
      integrity.seq = Math.max(integrity.seq, lastSeq);
    }
    return view(Object.fromEntries(chosen.map(([name, slot]) => [name, slot])), lastSeq);
  }

  return {
    catchUp(names) {
      const next = queue.then(() => catchUpNow(names ?? [...slots.keys()]));
      queue = next.catch(() => undefined);
      return next as never;
    },

    async asOf(point) {
      const fresh: Record<string, Slot> = {};
      for (const [name, projection] of Object.entries(projections) as [string, Projection<unknown>][]) {
        fresh[name] = { projection, state: projection.initial(), seq: 0, loaded: true };
      }
      const heads: Integrity["heads"] = {};
      let seq = 0;
      let index = 0;
      const range = { ...(point.untilSeq !== undefined ? { untilSeq: point.untilSeq } : {}), ...(point.untilTime ? { untilTime: point.untilTime } : {}) };
      for await (const event of log.read(ALL_EVENTS, range)) {
        index = event.seq === seq ? index + 1 : 0;
        seq = event.seq;
        const problem = checkEvent(event, heads);
        if (problem && !problem.linksChain) continue;
        heads[event.subject] = { seq: event.seq, hash: event.hash };
        if (problem) continue;
        for (const slot of Object.values(fresh)) slot.state = slot.projection.apply(slot.state, event);
      }
      return view(fresh, seq) as never;
    },

    integrity: () => integrity,

    async admits(event) {
      if (event.seq > integrity.seq) await this.catchUp([]);
      return event.seq <= integrity.seq && !quarantinedAt.has(`${event.seq}:${String(event.hash)}`);
    },

    async capture() {
      const all = await this.catchUp();
      const states: Record<string, { version: number; json: unknown }> = {};
      for (const [name, slot] of slots) states[name] = { version: slot.projection.version, json: jsonOf(slot) };
      return { seq: all.seq, integrity: structuredClone(integrity), states };
    },
  };
}

function jsonOf(slot: Slot): unknown {
  return slot.projection.snapshot ? slot.projection.snapshot(slot.state) : slot.state;
}

function view(slots: Record<string, Slot>, seq: number): ProjectionView<Record<string, unknown>> {
  const states: Record<string, unknown> = {};
  for (const [name, slot] of Object.entries(slots)) states[name] = slot.state;
  return { seq, states, hash: (name) => stateHash(jsonOf(slots[name]!)) };
}
