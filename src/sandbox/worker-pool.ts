/**
 * The pool of sandbox worker processes and what runs where.
 *
 * - A worker runs one entry into one isolate at a time; the host sends it work only while it runs
 *   none, so each call's kill timer starts when its worker starts it, never while it waits.
 * - A call holds its plugin's isolate in that worker until it ends (one call at a time per
 *   isolate); calls to one plugin run in parallel on different workers, each with its own isolate.
 * - A worker serves one root call and the calls it makes through `host.invoke` (its tree) at a
 *   time: an unrelated call never waits for a neighbour's computation in the same process, and a
 *   tree's nested calls can always run on a worker the tree holds, so the pool cannot deadlock.
 * - Two lanes: `size` foreground workers for short calls, and up to `maxBackground` background
 *   workers, at a lower CPU priority, for plugins that ran long (much CPU, or out of time). A
 *   worker whose call runs long is moved to the background and replaced, so busy loops cannot
 *   hold the cores short calls need. A foreground worker whose calls all wait on host operations
 *   (a slow fetch, a completion), for as long or while a short call has waited as long, moves to
 *   the background too, while a short call waits and the background lane has room: calls waiting
 *   on I/O do not hold the workers other calls could compute on.
 * - A plugin known to run long has all its calls in the background lane, those already waiting or
 *   running included, so a burst of calls to it cannot take the foreground workers one after another.
 * - A plugin whose call cost its worker (the host killed the worker for the call's deadline or
 *   its memory, or the process died under it) is *confined*: one call of it runs at a time (per call tree), so a
 *   burst of such calls costs one worker at a time, not one per call, and the background lane
 *   keeps room for other long calls.
 * - Time spent waiting for a worker is the call's queue time, reported apart from its run time.
 * - A worker that misses an entry's deadline (plus grace) or passes its resident memory budget is
 *   killed and replaced (pool-slot.ts says what its calls get).
 * The rules (which lane, which worker, when a plugin is confined or moved) are pool-rules.ts's,
 * the moves between lanes pool-lanes.ts's; this file is the mechanics that applies them.
 */
import type { FromWorker, WireFailure } from "./protocol.ts";
import { MB, afterDeath, fail, memoryBudget, newSlot, ranLong } from "./pool-slot.ts";
import type { Job, JobReply, JobRequest, Lane, LoadTask, PoolOptions, PoolPlugin, Slot } from "./pool-slot.ts";
import { BACKGROUND_NICE, PoolLanes } from "./pool-lanes.ts";
import { costItsWorker, endedLong, foregroundMove, longAfterMs, place, queuedJoinsLong, runsInBackground, waitsForConfined, workerJoinsLong, workersToStart } from "./pool-rules.ts";
import { SandboxWorker } from "./sandbox-worker.ts";
import type { KillReason } from "./sandbox-worker.ts";

export { WORKER_MEMORY_MARGIN_MB } from "./pool-slot.ts";
export type { JobReply, JobRequest, PoolOptions, PoolPlugin } from "./pool-slot.ts";

const LOAD_TIMEOUT_MS = 5_000;
/** How often the pool checks deadlines, workers' resident memory and long calls while anything runs. */
const WATCH_MS = 10;

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: (Job | LoadTask)[] = [];
  private readonly jobs = new Map<number, Job>();
  private nextCid = 1;
  private watchdog: NodeJS.Timeout | undefined;
  private nextRid = 1;
  private skipPaths: string[] | undefined;
  private closed = false;
  private readonly options: PoolOptions;
  private readonly lanes: PoolLanes;
  /** Plugins (keys) a call of which ran long: their calls run in the background lane. */
  private readonly long = new Set<string>();
  /** Plugins (keys) a call of which cost its worker: one call of each at a time. */
  private readonly confined = new Set<string>();

  constructor(options: PoolOptions) {
    this.options = options;
    this.lanes = new PoolLanes(this.slots, this.queue, options);
  }

  /** Queues a call; `cid` identifies it to `onOp`/`opResult` before it is answered. */
  submit(req: JobRequest): { cid: number; done: Promise<JobReply> } {
    const cid = this.nextCid++;
    let resolve!: (reply: JobReply) => void;
    const done = new Promise<JobReply>((r) => (resolve = r));
    if (this.closed) {
      resolve({ outcome: fail("host_closed", "the plugin host is closed"), usage: undefined, logs: [], queueMs: 0 });
      return { cid, done };
    }
    if (runsInBackground(req.plugin.key, this.long, req.root === undefined ? undefined : this.jobs.get(req.root))) req = { ...req, background: true };
    const job: Job = { kind: "call", cid, root: req.root ?? cid, req, resolve, state: "queued", enqueuedAt: performance.now(), queueMs: 0, deadline: Infinity, limitMs: 0, results: [], cancelled: false };
    this.jobs.set(cid, job);
    if (req.signal) {
      if (req.signal.aborted) this.cancel(job);
      else req.signal.addEventListener("abort", () => this.cancel(job), { once: true });
    }
    if (job.state === "queued") {
      this.queue.push(job);
      this.pump();
    }
    return { cid, done };
  }

  /** Compiles a plugin in one worker, so a plugin that does not compile is refused at load. */
  load(plugin: PoolPlugin): Promise<WireFailure | undefined> {
    if (this.closed) return Promise.resolve({ code: "host_closed", message: "the plugin host is closed" });
    return new Promise((resolve) => {
      this.queue.push({ kind: "load", plugin, resolve });
      this.pump();
    });
  }

  /** Forgets a plugin in every worker (a worker still running a call to it forgets it after). */
  unload(key: string): void {
    this.long.delete(key);
    this.confined.delete(key);
    for (const slot of this.slots) {
      if (!slot.loaded.delete(key)) continue;
      slot.worker.send({ t: "unload", key });
    }
  }

  /** The answer to a host operation of a call still in flight. */
  opResult(cid: number, opId: number, outcome: string): void {
    const job = this.jobs.get(cid);
    if (!job || job.state === "done" || !job.slot) return;
    job.results.push({ opId, outcome, at: performance.now() });
    if (!job.slot.resumes.includes(job)) job.slot.resumes.push(job);
    this.pump();
  }

  /** When a call must end (`performance.now()` ms); before it starts, its root's deadline or none. */
  deadlineOf(cid: number): number {
    const job = this.jobs.get(cid);
    if (!job) return 0;
    return job.state === "queued" || job.state === "loading" ? (job.req.deadline ?? Infinity) : job.deadline;
  }

  /** Calls waiting for a worker, running, and parked on host operations. */
  counts(): { queued: number; running: number; parked: number } {
    let running = 0;
    let parked = 0;
    for (const job of this.jobs.values()) {
      if (job.state === "running" || job.state === "loading") running++;
      if (job.state === "parked") parked++;
    }
    return { queued: this.queue.filter((q) => q.kind === "call").length, running, parked };
  }

  async stats(): Promise<{ pid: number | undefined; rssBytes: number; liveIsolates: number; loadedPlugins: number }[]> {
    const out = [];
    for (const slot of [...this.slots]) {
      if (!slot.ready) await new Promise<void>((resolve) => slot.readyWaiters.push(resolve));
      if (!slot.ready || !slot.worker.alive) continue;
      const rid = this.nextRid++;
      const s = await new Promise<Extract<FromWorker, { t: "stats" }> | undefined>((resolve) => {
        slot.stats.set(rid, resolve);
        slot.worker.send({ t: "stats", rid });
      });
      if (s) out.push({ pid: slot.worker.pid, rssBytes: s.rss, liveIsolates: s.isolates, loadedPlugins: s.loaded });
    }
    return out;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.watchdog) clearInterval(this.watchdog);
    for (const item of this.queue.splice(0)) {
      if (item.kind === "load") item.resolve({ code: "host_closed", message: "the plugin host is closed" });
      else this.finishJob(item, { outcome: fail("host_closed", "the plugin host was closed during the call"), usage: undefined, logs: [], queueMs: 0 });
    }
    await Promise.all(this.slots.map((slot) => slot.worker.stop("closed")));
  }

  // ---- scheduling ----

  private pump(): void {
    if (this.closed) return;
    for (const slot of this.slots) if (slot.ready && !slot.computing) this.resume(slot);
    let waiting = 0;
    let waitingBackground = 0;
    for (let i = 0; i < this.queue.length; ) {
      const item = this.queue[i]!;
      // Most pools confine nothing: then no iterator over every call is made for every queued one.
      if (this.confined.size > 0 && waitsForConfined(item, this.confined, this.jobs.values())) {
        i++;
        continue;
      }
      const slot = place(this.slots, item, { fg: this.options.size, bg: this.lanes.backgroundSize });
      if (!slot) {
        if (item.kind === "call" && item.req.background) waitingBackground++;
        else waiting++;
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      if (item.kind === "load") this.startLoad(slot, item);
      else this.startJob(slot, item);
    }
    const start = workersToStart(waiting, waitingBackground, this.slots.length, this.lanes.counts(), this.options.size, this.lanes.backgroundSize);
    for (let n = start.fg; n > 0; n--) this.spawn("fg");
    for (let n = start.bg; n > 0; n--) this.spawn("bg");
    if (start.swap && this.lanes.swapForBackground()) this.pump();
  }

  private startLoad(slot: Slot, task: LoadTask): void {
    this.begin(slot, task, performance.now() + LOAD_TIMEOUT_MS);
    slot.worker.send({ t: "load", rid: 0, plugin: task.plugin.config });
  }

  private startJob(slot: Slot, job: Job): void {
    const key = job.req.plugin.key;
    job.slot = slot;
    if (slot.jobs.size === 0) slot.root = job.root;
    slot.jobs.set(job.cid, job);
    slot.busy.add(key);
    if (slot.loaded.has(key)) return this.sendCall(slot, job);
    job.state = "loading";
    this.begin(slot, job, performance.now() + LOAD_TIMEOUT_MS);
    slot.worker.send({ t: "load", rid: job.cid, plugin: job.req.plugin.config });
  }

  private sendCall(slot: Slot, job: Job): void {
    const now = performance.now();
    job.queueMs += now - job.enqueuedAt;
    const timeoutMs = Math.floor(Math.min(job.req.timeoutMs, (job.req.deadline ?? Infinity) - now));
    if (timeoutMs <= 0 || job.cancelled) {
      if (slot.computing === job) this.end(slot);
      const outcome = job.cancelled ? fail("cancelled", "the call was cancelled before it started: the call it was made for ended") : fail("timeout", "no time was left of the root call's time limit when a worker was free");
      return this.finishJob(job, { outcome, usage: undefined, logs: [], queueMs: job.queueMs });
    }
    job.state = "running";
    job.deadline = now + timeoutMs;
    job.limitMs = timeoutMs;
    this.begin(slot, job, job.deadline);
    slot.worker.send({ t: "call", cid: job.cid, key: job.req.plugin.key, input: job.req.input, now: job.req.now, seed: job.req.seed, timeoutMs });
  }

  /** Hands a parked call the next answer it waits for. */
  private resume(slot: Slot): void {
    while (slot.resumes.length > 0) {
      const job = slot.resumes[0]!;
      if (job.state === "done" || job.results.length === 0) {
        slot.resumes.shift();
        continue;
      }
      if (job.state !== "parked") return;
      const next = job.results.shift()!;
      if (job.results.length === 0) slot.resumes.shift();
      job.queueMs += performance.now() - next.at;
      job.state = "running";
      this.begin(slot, job, job.deadline);
      slot.worker.send({ t: "op-result", cid: job.cid, opId: next.opId, outcome: next.outcome });
      return;
    }
  }

  private cancel(job: Job): void {
    if (job.state === "done") return;
    if (job.state === "queued") {
      const i = this.queue.indexOf(job);
      if (i >= 0) this.queue.splice(i, 1);
      return this.finishJob(job, { outcome: fail("cancelled", "the call was cancelled before it started: the call it was made for ended"), usage: undefined, logs: [], queueMs: performance.now() - job.enqueuedAt });
    }
    job.cancelled = true;
    job.results.length = 0;
    if (job.state !== "loading") job.slot?.worker.send({ t: "cancel", cid: job.cid });
  }

  // ---- entries, deadlines, memory ----

  private begin(slot: Slot, what: Job | LoadTask, deadline: number): void {
    slot.computing = what;
    slot.entry++;
    slot.lastUsed = performance.now();
    slot.killAt = deadline + this.options.graceMs;
    slot.worker.reference(true);
    // One timer for the whole pool: per-entry timers cost more than the calls they guard.
    this.watchdog ??= setInterval(() => this.watch(), WATCH_MS);
  }

  private end(slot: Slot): void {
    slot.computing = undefined;
    slot.endedAt = performance.now();
    slot.killAt = undefined;
    if (slot.jobs.size === 0) slot.worker.reference(false);
  }

  /** Kills workers that ran past an entry's deadline or their memory budget; stops when nothing runs. */
  private watch(): void {
    const now = performance.now();
    const afterMs = longAfterMs(this.options);
    let busy = false;
    for (const slot of this.slots) {
      if (!slot.computing && slot.jobs.size === 0) continue;
      busy = true;
      if (slot.killAt !== undefined && now > slot.killAt) slot.worker.kill("deadline");
      else if (slot.worker.rss() > memoryBudget(slot)) slot.worker.kill("memory");
      else {
        const move = foregroundMove(slot, now, afterMs, () => ranLong(slot, afterMs, now), (parkedLong, since) => this.lanes.mayLend(parkedLong, since));
        if (move === "long") this.moveLong(slot, slot.computing as Job);
        else if (move === "lend") {
          // Its calls only wait on host operations: a new foreground worker takes its place.
          this.lanes.lend(slot);
          this.pump();
        }
      }
    }
    if (!busy && this.watchdog) {
      clearInterval(this.watchdog);
      this.watchdog = undefined;
    }
  }

  /** A call ran long on a foreground worker: it moves to the background and a new foreground worker takes its place. */
  private moveLong(slot: Slot, job: Job): void {
    this.lanes.moveLong(slot);
    this.markLong(job.req.plugin.key);
    this.pump();
  }

  /**
   * A plugin ran long: its later calls, and those already waiting, ask for the background lane, and
   * the foreground workers its other calls run on join that lane now rather than after their own
   * 100 ms of CPU (the pump replaces them).
   */
  private markLong(key: string): void {
    this.long.add(key);
    for (const item of this.queue) if (queuedJoinsLong(item, key)) item.req = { ...item.req, background: true };
    for (const slot of this.slots) if (workerJoinsLong(slot, key)) this.lanes.moveLong(slot);
  }

  // ---- the worker's messages ----

  private spawn(lane: Lane): void {
    const slot = newSlot(lane);
    slot.worker = new SandboxWorker(
      { workerHeapMB: this.options.workerHeapMB, maxIsolatesPerWorker: this.options.maxIsolatesPerWorker, skipPaths: this.skipPaths },
      (msg) => this.onMessage(slot, msg),
      (reason, why) => this.onExit(slot, reason, why),
    );
    if (lane === "bg") {
      slot.niced = true;
      slot.worker.lowerPriority(BACKGROUND_NICE);
    }
    this.slots.push(slot);
  }

  private onMessage(slot: Slot, msg: FromWorker): void {
    switch (msg.t) {
      case "ready":
        this.skipPaths ??= msg.skipPaths;
        slot.ready = true;
        slot.readyRss = slot.worker.rss();
        slot.worker.reference(slot.jobs.size > 0);
        for (const waiter of slot.readyWaiters.splice(0)) waiter();
        return this.pump();
      case "loaded": {
        const what = slot.computing;
        this.end(slot);
        if (what?.kind === "load") {
          if (!msg.failure) slot.loaded.set(what.plugin.config.key, (msg.heapBytes ?? 0) / MB);
          what.resolve(msg.failure);
        } else if (what?.kind === "call") {
          if (msg.failure) this.finishJob(what, { outcome: "E" + JSON.stringify(msg.failure), usage: undefined, logs: [], queueMs: what.queueMs });
          else {
            slot.loaded.set(what.req.plugin.key, (msg.heapBytes ?? 0) / MB);
            this.sendCall(slot, what);
          }
        }
        return this.pump();
      }
      case "parked": {
        const job = this.jobs.get(msg.cid);
        if (!job || job.slot !== slot) return;
        if (slot.computing === job) this.end(slot);
        if (job.state === "running") job.state = "parked";
        return this.pump();
      }
      case "result": {
        const job = this.jobs.get(msg.cid);
        if (!job || job.slot !== slot) return;
        if (slot.computing === job) this.end(slot);
        if (endedLong(job, msg, longAfterMs(this.options))) this.markLong(job.req.plugin.key);
        this.finishJob(job, { outcome: msg.outcome, usage: msg.usage, logs: msg.logs, ...(msg.denials ? { denials: msg.denials } : {}), queueMs: job.queueMs });
        return this.pump();
      }
      case "op":
        if (this.jobs.get(msg.cid)?.slot === slot) this.options.onOp(msg.cid, msg.opId, msg.op, msg.args);
        return;
      case "denied":
        if (this.jobs.get(msg.cid)?.slot === slot) this.options.onDenied(msg.cid, msg.denial);
        return;
      case "stats": {
        const done = slot.stats.get(msg.rid);
        slot.stats.delete(msg.rid);
        done?.(msg);
        return;
      }
    }
  }

  private finishJob(job: Job, reply: JobReply): void {
    if (job.state === "done") return;
    job.state = "done";
    this.jobs.delete(job.cid);
    const slot = job.slot;
    if (slot) {
      slot.jobs.delete(job.cid);
      slot.busy.delete(job.req.plugin.key);
      if (slot.jobs.size === 0) {
        slot.root = undefined;
        if (!slot.computing) this.end(slot);
        this.lanes.retireIfSpare(slot);
      }
    }
    job.resolve(reply);
  }

  private onExit(slot: Slot, reason: KillReason, why: string): void {
    this.slots.splice(this.slots.indexOf(slot), 1);
    const computing = slot.computing;
    if (computing?.kind === "load") computing.resolve({ code: reason === "closed" ? "host_closed" : "sandbox_crashed", message: `the sandbox worker ${why}` });
    if (costItsWorker(computing, reason)) {
      this.markLong(computing.req.plugin.key);
      this.confined.add(computing.req.plugin.key);
    }
    for (const job of [...slot.jobs.values()]) {
      const { outcome, observed } = afterDeath(job, computing === job, reason, why);
      this.finishJob(job, { outcome, usage: undefined, logs: [], queueMs: job.queueMs, ...(observed ? { observed } : {}) });
    }
    for (const [, done] of slot.stats) done(undefined);
    for (const waiter of slot.readyWaiters.splice(0)) waiter();
    if (!this.closed) this.pump();
  }
}
