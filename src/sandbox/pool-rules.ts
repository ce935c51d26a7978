/**
 * The pool's rules: which lane a call runs in, which worker takes it, and when a plugin is moved
 * to the background or confined (worker-pool.ts says why each rule is there). Pure functions of
 * what the pool knows (its workers, calls and queue, the plugins known to run long and those
 * confined): they decide, the pool acts on the answer. How much memory a worker may use and
 * whether the entry it runs has used enough CPU to count as long are pool-slot.ts's; the moves
 * between lanes are pool-lanes.ts's.
 */
import type { FromWorker } from "./protocol.ts";
import type { Job, LoadTask, PoolOptions, Slot } from "./pool-slot.ts";
import type { KillReason } from "./sandbox-worker.ts";

/** Loads spread to the worker holding fewer plugins once the difference passes this. */
const SPREAD_AFTER = 32;
/** CPU time (ms) after which a call counts as long, unless the options say otherwise. */
const LONG_AFTER_MS = 100;

/** The CPU time (ms) after which a call counts as long. */
export function longAfterMs(options: PoolOptions): number {
  return options.backgroundAfterMs ?? LONG_AFTER_MS;
}

// ---- which lane ----

/**
 * Whether a new call runs in the background lane: its plugin is known to run long, or its root
 * call runs there (a nested call runs in its root's lane: a long root cannot spread its calls
 * over foreground workers).
 */
export function runsInBackground(pluginKey: string, long: ReadonlySet<string>, root: Job | undefined): boolean {
  return long.has(pluginKey) || root?.req.background === true;
}

/**
 * Whether a call that ended marks its plugin long: it ran in the foreground and used more CPU
 * than `afterMs`, or ran out of time.
 */
export function endedLong(job: Job, msg: Extract<FromWorker, { t: "result" }>, afterMs: number): boolean {
  return !job.req.background && (msg.usage.cpuMs > afterMs || msg.outcome.startsWith('E{"code":"timeout"'));
}

/** Whether a queued call moves to the background lane now that its plugin `key` is known to run long. */
export function queuedJoinsLong(item: Job | LoadTask, key: string): item is Job {
  return item.kind === "call" && item.req.plugin.key === key && !item.req.background;
}

/**
 * Whether a foreground worker joins the background lane now that the plugin `key` is known to run
 * long: it is running a call of that plugin (rather than after its own 100 ms of CPU).
 */
export function workerJoinsLong(slot: Slot, key: string): boolean {
  const job = slot.computing;
  return slot.lane === "fg" && !slot.retiring && job?.kind === "call" && job.req.plugin.key === key;
}

/**
 * What becomes of a foreground worker the watchdog looks at: `long`, its call has run long (it
 * moves to the background and its plugin is marked long); `lend`, its calls only wait on host
 * operations and `mayLend` (pool-lanes.ts) lets it give its place up; undefined, it stays.
 * `ranLong` is asked only of a worker running a call (it notes the entry's CPU on the first look).
 */
export function foregroundMove(
  slot: Slot,
  now: number,
  afterMs: number,
  ranLong: () => boolean,
  mayLend: (parkedLong: boolean, since: number) => boolean,
): "long" | "lend" | undefined {
  if (slot.lane !== "fg") return undefined;
  if (slot.computing?.kind === "call" && slot.computing.state === "running" && ranLong()) return "long";
  if (!slot.computing && mayLend(now - slot.endedAt > afterMs, now - afterMs)) return "lend";
  return undefined;
}

/**
 * What the lanes need once the queue has been placed (`waiting` short calls and
 * `waitingBackground` long ones could not be). The first work starts every foreground worker, so
 * later calls do not wait for a process to start, and a worker moved to the background is
 * replaced the same way (`fg`: how many to start). Background workers start for the long calls
 * that wait, as many as the lane has room for and are not starting already (`bg`); with the lane
 * full, a long call that waits asks an idle foreground worker to change places with a lent one
 * (`swap`: pool-lanes.ts's swapForBackground).
 */
export function workersToStart(
  waiting: number,
  waitingBackground: number,
  workers: number,
  lanes: { fg: number; bg: number; bgStarting: number },
  size: number,
  backgroundSize: number,
): { fg: number; bg: number; swap: boolean } {
  const fg = waiting > 0 || (workers > 0 && lanes.fg < size) ? size - lanes.fg : 0;
  const room = backgroundSize - lanes.bg;
  const bg = Math.min(room, waitingBackground - lanes.bgStarting);
  return { fg: Math.max(0, fg), bg: Math.max(0, bg), swap: waitingBackground > 0 && room <= 0 };
}

// ---- which worker ----

/**
 * How well a free worker fits an item (higher is better), or undefined when it may not take it. A
 * call may run on an idle worker or one its own tree holds, never beside an unrelated call; a
 * plugin already loaded there, an idle worker and (for short calls) a foreground one fit better.
 */
export function fit(slot: Slot, item: Job | LoadTask): number | undefined {
  if (!slot.ready || slot.computing || slot.retiring || !slot.worker.alive) return undefined;
  if (item.kind === "load") return slot.jobs.size === 0 ? 1 : 0;
  const key = item.req.plugin.key;
  if (slot.busy.has(key)) return undefined;
  const empty = slot.jobs.size === 0;
  if (!empty && slot.root !== item.root) return undefined;
  // A long call never takes a foreground worker of its own; a short one prefers them.
  if (empty && item.req.background && slot.lane === "fg") return undefined;
  return (slot.loaded.has(key) ? 2 : 0) + (empty ? 1 : 0) + (slot.lane === "fg" && !item.req.background ? 4 : 0);
}

/**
 * The best free worker for an item, or undefined when it must wait. `laneSizes`: how many workers
 * each lane may have (a nested call's tree may hold all but one of its lane's).
 */
export function place(slots: readonly Slot[], item: Job | LoadTask, laneSizes: { fg: number; bg: number }): Slot | undefined {
  let best: Slot | undefined;
  let bestScore = -1;
  const crowded = item.kind === "call" && item.root !== item.cid && treeIsWide(slots, item, item.req.background ? laneSizes.bg : laneSizes.fg);
  for (const slot of slots) {
    const score = fit(slot, item);
    if (score === undefined) continue;
    // A nested call whose tree already holds its share waits for a worker of its tree.
    if (crowded && slot.jobs.size === 0) continue;
    if (score > bestScore || (score === bestScore && best && preferOnTie(item, slot, best))) {
      best = slot;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Whether a call's tree already holds all the workers of its lane it may: one less than the
 * lane has (at least one), so a tree whose nested calls park on many workers (the same plugin
 * invoked twice at once needs two copies) always leaves a worker to unrelated calls. Its nested
 * calls then wait for a worker the tree holds, within the tree's deadline.
 */
export function treeIsWide(slots: readonly Slot[], job: Job, laneSize: number): boolean {
  let held = 0;
  for (const slot of slots) if (slot.root === job.root && slot.jobs.size > 0 && !slot.retiring) held++;
  return held >= Math.max(1, laneSize - 1);
}

/**
 * Between workers that fit equally: the one used last (a warm process answers sooner than one
 * woken from sleep), except that a new plugin goes to a worker holding clearly fewer, so many
 * plugins spread over the pool.
 */
export function preferOnTie(item: Job | LoadTask, slot: Slot, best: Slot): boolean {
  if (item.kind === "load" && Math.abs(slot.loaded.size - best.loaded.size) > SPREAD_AFTER) return slot.loaded.size < best.loaded.size;
  return slot.lastUsed > best.lastUsed;
}

// ---- confinement ----

/**
 * Whether the call a worker was running when it went cost it the worker (killed for the call's
 * deadline or memory, or the process died under it): its plugin is long, and confined from then on.
 */
export function costItsWorker(computing: Job | LoadTask | undefined, reason: KillReason): computing is Job {
  return computing?.kind === "call" && reason !== "closed" && reason !== "retired";
}

/**
 * Whether a queued call waits for a call of its confined plugin from another call tree to end
 * (one at a time, per tree: a tree's own nested calls never wait for each other); it needs no
 * worker started for it meanwhile.
 */
export function waitsForConfined(item: Job | LoadTask, confined: ReadonlySet<string>, jobs: Iterable<Job>): boolean {
  return item.kind === "call" && confined.has(item.req.plugin.key) && runsElsewhere(item, jobs);
}

/** Whether a call of the same plugin from another call tree is under way. */
export function runsElsewhere(job: Job, jobs: Iterable<Job>): boolean {
  const key = job.req.plugin.key;
  for (const other of jobs) {
    if (other !== job && other.req.plugin.key === key && other.root !== job.root && other.state !== "queued" && other.state !== "done") return true;
  }
  return false;
}
