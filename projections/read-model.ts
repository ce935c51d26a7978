/**
 * The read model: one projector per process over every projection capsmith keeps, each state typed
 * by its key, so every reader (agents, CLI, REPL, daemons) decides on the same states. The hub is
 * chosen once, from policy: with signed events required, the hub, installs, keys, gaps, slo and the
 * audit trail are the signed views (projections/gated.ts), which fold only decisions their role's key signed.
 *
 * It starts from the newest snapshot that matches its log and folds only the tail; it snapshots
 * again when the tail grows long, and when it closes. Waiters are woken when the log grows.
 */
import type { Logger } from "pino";
import { ALL_EVENTS, until } from "../src/events/index.ts";
import type { AnyStoredEvent, EventLog, UntilOptions } from "../src/events/index.ts";
import { audit } from "./audit.ts";
import { createProjector } from "./engine.ts";
import type { ProjectionView, Projector, ReplayPoint, StatesOf } from "./engine.ts";
import { gaps } from "./gaps.ts";
import { checkDecision } from "./event-signatures.ts";
import { gated, signedAudit, signedKeys } from "./gated.ts";
import { hubProjection } from "./hub.ts";
import { installs } from "./installs.ts";
import type { Integrity, Quarantined } from "./integrity.ts";
import { keys } from "./keys.ts";
import { logStats } from "./log-stats.ts";
import { runs } from "./runs.ts";
import { slo } from "./slo.ts";
import type { SnapshotStore } from "./snapshot-store.ts";

/** Every projection of the read model, by the name readers ask for it. */
export function readModelProjections(options: { requireSignedEvents?: boolean } = {}) {
  const signed = options.requireSignedEvents === true;
  return {
    logStats,
    hub: hubProjection(options),
    installs: signed ? gated(installs) : installs,
    audit: signed ? signedAudit : audit,
    keys: signed ? signedKeys : keys,
    gaps: signed ? gated(gaps) : gaps,
    slo: signed ? gated(slo) : slo,
    runs,
  } as const;
}

export type ReadModelProjections = ReturnType<typeof readModelProjections>;
export type ReadStates = StatesOf<ReadModelProjections>;
export type ProjectionName = keyof ReadStates & string;
export const PROJECTION_NAMES = Object.keys(readModelProjections()) as ProjectionName[];

export type ReadView<K extends ProjectionName> = ProjectionView<Pick<ReadStates, K>>;

export interface ReadModel {
  readonly log: EventLog;
  /** Whether decisions count only when their role's key signed them (policy `requireSignedEvents`). */
  readonly requireSignedEvents: boolean;
  /** The named projections (every one by default) as of the end of the log now. */
  current<K extends ProjectionName = ProjectionName>(names?: readonly K[]): Promise<ReadView<K>>;
  /** One projection's state as of the end of the log now. */
  state<K extends ProjectionName>(name: K): Promise<ReadStates[K]>;
  /** The states as of a point in the past, replayed from the start of the log. */
  asOf(point: ReplayPoint): Promise<ProjectionView<ReadStates>>;
  /** Chain heads and quarantined events, as far as this process has read. */
  integrity(): Integrity;
  quarantined(): readonly Quarantined[];
  /** Whether an event (a delivery from a subscription, say) passed the read model's checks (chain, and signature when required). */
  admits(event: AnyStoredEvent): Promise<boolean>;
  /** `listener` runs whenever the log grows (this process's appends at once, others' as noticed). */
  onChange(listener: () => void): () => void;
  /**
   * Resolves with the first value `check` returns that is not undefined, asking again each time the
   * log grows; rejects with `timeout()` when `timeoutMs` passes, or `cancelled()` when `signal` aborts.
   */
  waitFor<T>(check: () => Promise<T | undefined>, options: UntilOptions): Promise<T>;
  /**
   * The chain heads the newest snapshot recorded, whether or not it still matches the log: what
   * `audit verify` holds the log to (a log cut short no longer holds those heads).
   */
  anchors(): Promise<{ seq: number; heads: Integrity["heads"] } | undefined>;
  /** Saves a snapshot of every projection now (the position it saved, or 0 when there was nothing). */
  snapshot(): Promise<number>;
  /** Snapshots if the tail since the last snapshot is long enough, and stops watching the log. */
  close(): Promise<void>;
}

/** Where the read model hears that the log grew. */
export type ChangeSource = (listener: () => void) => () => void;

export interface ReadModelOptions {
  log: EventLog;
  /** Which log this is, stably across processes (snapshots are keyed by it). */
  identity: () => Promise<string>;
  requireSignedEvents?: boolean;
  snapshots?: SnapshotStore;
  changes?: ChangeSource;
  logger?: Logger;
  /** Snapshot when a catch-up leaves this many records unsnapshotted (default 10,000). */
  snapshotEvery?: number;
  /**
   * On close, snapshot if at least this many records are unsnapshotted (default 1,000), or any at
   * all while the log is small enough (ten times that) for a snapshot to cost next to nothing.
   */
  snapshotOnCloseAfter?: number;
  /** Never write snapshots (a read-only data directory). */
  readOnly?: boolean;
  /**
   * A process that appends (default true): it snapshots on close once 1,000 records are
   * unsnapshotted. A reader leaves that to writers, and snapshots on close only when the tail it
   * had to fold reached `snapshotEvery` (no writer is keeping snapshots fresh here).
   */
  writer?: boolean;
}

export async function openReadModel(options: ReadModelOptions): Promise<ReadModel> {
  const { log, identity, snapshots, logger } = options;
  const every = options.snapshotEvery ?? 10_000;
  const onCloseAfter = options.snapshotOnCloseAfter ?? 1_000;
  const signed = options.requireSignedEvents ?? false;
  const projections = readModelProjections({ requireSignedEvents: signed });
  const snapshot = snapshots ? await snapshots.latest(await identity(), (seq, lastHash) => matchesLog(log, seq, lastHash)) : undefined;
  const projector: Projector<ReadModelProjections> = createProjector({
    log, projections, ...(snapshot ? { snapshot } : {}), ...(logger ? { logger } : {}),
  });
  let snapshotSeq = snapshot?.seq ?? 0;
  let saving: Promise<number> | undefined;

  async function save(): Promise<number> {
    if (!snapshots || options.readOnly) return 0;
    saving ??= (async () => {
      try {
        const capture = await projector.capture();
        if (capture.seq <= snapshotSeq) return snapshotSeq;
        if (!(await snapshots.save(await identity(), capture))) {
          logger?.warn({ seq: capture.seq }, "the log ends before its newest snapshot: was it cut short? `capsmith audit verify` checks");
          return 0;
        }
        snapshotSeq = capture.seq;
        return capture.seq;
      } catch (err) {
        // A snapshot is a cache: failing to write one costs time later, never correctness.
        logger?.warn({ err }, "could not save a read-model snapshot");
        return 0;
      } finally {
        saving = undefined;
      }
    })();
    return saving;
  }

  const listeners = new Set<() => void>();
  let unwatch: (() => void) | undefined;
  const notify = (): void => {
    for (const l of [...listeners]) l();
  };

  const model: ReadModel = {
    log,
    requireSignedEvents: signed,
    async current(names) {
      const view = await projector.catchUp(names);
      // A writer keeps snapshots fresh as it goes; a reader saves one on close if it must.
      if (options.writer !== false && view.seq - snapshotSeq >= every) void save();
      return view as never;
    },
    async state(name) {
      return (await model.current([name])).states[name];
    },
    asOf: (point) => projector.asOf(point),
    integrity: () => projector.integrity(),
    quarantined: () => projector.integrity().quarantined,
    async admits(event) {
      if (!(await projector.admits(event))) return false;
      // Signed: a decision its role's key did not sign decides nothing, delivered or folded.
      return !signed || checkDecision(event, (await model.state("keys")).keys).ok;
    },
    onChange(listener) {
      listeners.add(listener);
      if (listeners.size === 1 && options.changes) unwatch = options.changes(notify);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          unwatch?.();
          unwatch = undefined;
        }
      };
    },
    waitFor: (check, wait) => until((listener) => model.onChange(listener), check, wait),
    async anchors() {
      const newest = snapshots ? await snapshots.latest(await identity(), async () => true) : undefined;
      return newest ? { seq: newest.seq, heads: newest.integrity.heads } : undefined;
    },
    snapshot: save,
    async close() {
      unwatch?.();
      listeners.clear();
      if (!snapshots || options.readOnly) return;
      await saving;
      const last = await log.lastSeq().catch(() => 0);
      const tail = last - snapshotSeq;
      const due = options.writer === false ? tail >= every : tail >= onCloseAfter || (tail > 0 && last <= onCloseAfter * 10);
      if (due) await save();
      else await saving;
    },
  };
  return model;
}

/** A snapshot matches its log when the log holds a record at its position whose last event hash it names. */
async function matchesLog(log: EventLog, seq: number, lastHash: string | null): Promise<boolean> {
  if (seq > (await log.lastSeq())) return false;
  let last: string | null = null;
  for await (const event of log.read(ALL_EVENTS, { fromSeq: seq, untilSeq: seq })) last = event.hash;
  return last !== null && last === lastHash;
}
