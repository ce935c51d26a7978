/**
 * The pool's two lanes and the moves between them (worker-pool.ts says what each lane is for).
 *
 * - A foreground worker whose call runs long joins the background lane (`moveLong`); its later
 *   calls, all long ones, run at the lower priority.
 * - A foreground worker whose calls all wait on host operations is *lent* to the background lane
 *   while a short call waits (`mayLend`, `lend`); a long call takes the lane's place back from it
 *   (`takeBackLent`), or it changes places with an idle foreground worker (`swapForBackground`).
 * - An idle background worker runs at the lower priority from then on, and one beyond the lane's
 *   size retires (`retireIfSpare`).
 * None of these starts a worker: the pool's `pump` replaces what left the foreground.
 */
import type { Job, LoadTask, PoolOptions, Slot } from "./pool-slot.ts";

/** The nice value of background workers: the kernel runs short calls first when cores are scarce. */
export const BACKGROUND_NICE = 10;

export class PoolLanes {
  private readonly slots: readonly Slot[];
  private readonly queue: readonly (Job | LoadTask)[];
  private readonly options: PoolOptions;

  /** Reads the pool's own slots and queue (live arrays): the lanes keep no state of their own. */
  constructor(slots: readonly Slot[], queue: readonly (Job | LoadTask)[], options: PoolOptions) {
    this.slots = slots;
    this.queue = queue;
    this.options = options;
  }

  /** How many background workers the lane may hold. */
  get backgroundSize(): number {
    return this.options.maxBackground ?? this.options.size;
  }

  /** Workers in each lane (retiring ones left out), and background ones still starting. */
  counts(): { fg: number; bg: number; bgStarting: number } {
    const counts = { fg: 0, bg: 0, bgStarting: 0 };
    for (const slot of this.slots) {
      if (slot.retiring) continue;
      counts[slot.lane]++;
      if (slot.lane === "bg" && !slot.ready) counts.bgStarting++;
    }
    return counts;
  }

  /** A call ran long on a foreground worker: that worker becomes a background one. */
  moveLong(slot: Slot): void {
    // The call in progress keeps its priority (it was not known to be long when it started); the
    // worker's later calls, all long ones, run at the lower priority. A full lane first takes its
    // place back from a worker lent to it for waiting calls (that one rejoins the foreground), so
    // the pool stays within its two lanes and starts no worker it would retire later.
    if (this.counts().bg >= this.backgroundSize) this.takeBackLent();
    slot.lane = "bg";
  }

  /**
   * Whether a foreground worker whose calls all wait on host operations now may give its place up:
   * a short call waits for a worker, and either the worker's calls have waited long (`parkedLong`)
   * or the short call has waited since before `since` (a call that waits in many short host
   * operations is never parked long at once, yet holds its worker all the same), and the
   * background lane has room for one more.
   */
  mayLend(parkedLong: boolean, since: number): boolean {
    let waiting = false;
    let waitedLong = false;
    for (const item of this.queue) {
      if (item.kind !== "call" || item.req.background) continue;
      waiting = true;
      if (item.enqueuedAt < since) waitedLong = true;
    }
    if (!waiting || !(parkedLong || waitedLong)) return false;
    return this.counts().bg < this.backgroundSize;
  }

  /**
   * A foreground worker's calls have waited on host operations for a while (and a short call
   * waits): the worker joins the background lane. Its plugins are not marked long (they were
   * waiting, not computing), and it is reniced only once idle, as a worker moved for a long call is.
   */
  lend(slot: Slot): void {
    slot.lane = "bg";
    slot.lent = true;
  }

  /** A background worker whose calls only wait, lent by the foreground, rejoins it; false when there is none. */
  takeBackLent(): boolean {
    const lent = this.slots.find((s) => s.lent && s.lane === "bg" && !s.computing && !s.retiring && s.worker.alive);
    if (!lent) return false;
    lent.lane = "fg";
    lent.lent = false;
    return true;
  }

  /**
   * A call of a long plugin waits and the background lane is full: an idle foreground worker
   * changes places with a background worker lent for calls that only wait, so long calls do not
   * wait behind waiting calls while a foreground worker is idle.
   */
  swapForBackground(): boolean {
    const idle = this.slots.find((s) => s.lane === "fg" && s.ready && !s.computing && s.jobs.size === 0 && !s.retiring && s.worker.alive);
    if (!idle || !this.takeBackLent()) return false;
    idle.lane = "bg";
    idle.niced = true;
    idle.worker.lowerPriority(BACKGROUND_NICE);
    return true;
  }

  /** An idle background worker runs at the lower priority from now on; one beyond the lane's size goes. */
  retireIfSpare(slot: Slot): void {
    if (slot.lane !== "bg" || slot.jobs.size > 0 || slot.computing) return;
    slot.lent = false;
    if (!slot.niced) {
      slot.niced = true;
      slot.worker.lowerPriority(BACKGROUND_NICE);
    }
    if (this.counts().bg > this.backgroundSize) {
      slot.retiring = true;
      slot.worker.kill("retired");
    }
  }
}
