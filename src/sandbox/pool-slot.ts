/**
 * What the pool (worker-pool.ts) knows of each worker process and each call, and what it works
 * out for one worker at a time: how much resident memory a worker may use, whether the entry it
 * runs has used enough CPU to count as long, and what a worker's death means for the calls in it.
 * Where a call may run and how well a worker fits it are pool-rules.ts's.
 */
import type { DenialSummary, FromWorker, WireFailure, WireUsage, WorkerPluginConfig } from "./protocol.ts";
import type { KillReason, SandboxWorker } from "./sandbox-worker.ts";

/** Resident memory a worker may use beyond its start, its plugins' allowances and its calls' limits (docs/sandbox.md). */
export const WORKER_MEMORY_MARGIN_MB = 64;
/** What each plugin loaded in a worker may hold while idle, beyond its isolate's heap after the load. */
export const IDLE_ISOLATE_MB = 4;
/** Bytes in a MB, for the pool's memory sums (worker-pool.ts uses it too). */
export const MB = 1024 * 1024;

export interface PoolOptions {
  /** Foreground workers: what short calls run on (the number of cores). */
  size: number;
  /** Background workers at most, for long calls (default: `size`). */
  maxBackground?: number;
  /** A call that runs longer than this moves its worker to the background lane (default 100 ms). */
  backgroundAfterMs?: number;
  workerHeapMB: number;
  maxIsolatesPerWorker: number;
  /** Extra time past an entry's deadline before its worker is presumed wedged and killed. */
  graceMs: number;
  /** Called for every host operation a running call asks for; answer with `opResult`. */
  onOp: (cid: number, opId: number, op: string, args: string) => void;
  /** A call's first refusal of a kind, as it happens (so a call that then costs its worker still leaves its audit event). */
  onDenied: (cid: number, denial: DenialSummary) => void;
}

export interface PoolPlugin {
  key: string;
  config: WorkerPluginConfig;
}

export interface JobRequest {
  plugin: PoolPlugin;
  input: string;
  now: number;
  seed: string;
  /** The plugin's own limit for this call. */
  timeoutMs: number;
  /** A nested call's root deadline (`performance.now()` ms): the call gets what is left of it when it starts. */
  deadline?: number;
  /** The root call of a nested call's tree. */
  root?: number;
  signal?: AbortSignal;
  /** The plugin is known to run long: run it on a background worker (the pool sets it). */
  background?: boolean;
}

export interface JobReply {
  outcome: string;
  usage: WireUsage | undefined;
  logs: string[];
  denials?: DenialSummary[];
  queueMs: number;
  /** Set when the host, not the plugin, decided the outcome from what it observed. */
  observed?: Record<string, unknown>;
}

export interface Job {
  kind: "call";
  cid: number;
  root: number;
  req: JobRequest;
  resolve: (reply: JobReply) => void;
  state: "queued" | "loading" | "running" | "parked" | "done";
  slot?: Slot;
  enqueuedAt: number;
  queueMs: number;
  deadline: number;
  /** The time limit the call was started with (what was left of its root's, or its own). */
  limitMs: number;
  results: { opId: number; outcome: string; at: number }[];
  /** Its root ended: it is dropped wherever it is. */
  cancelled: boolean;
}

export interface LoadTask {
  kind: "load";
  plugin: PoolPlugin;
  resolve: (failure: WireFailure | undefined) => void;
}

export type Lane = "fg" | "bg";

export interface Slot {
  worker: SandboxWorker;
  /** Foreground workers run at normal priority; background ones (long calls) at a lower one. */
  lane: Lane;
  ready: boolean;
  readyRss: number;
  /** The plugins loaded in the worker, each with its isolate's heap after the load (MB). */
  loaded: Map<string, number>;
  busy: Set<string>;
  jobs: Map<number, Job>;
  root: number | undefined;
  computing: Job | LoadTask | undefined;
  resumes: Job[];
  /** When the entry it runs must be over (its deadline plus the grace), `performance.now()` ms. */
  killAt: number | undefined;
  lastUsed: number;
  /** When the worker last ended an entry (`performance.now()` ms): how long its parked calls have waited. */
  endedAt: number;
  /**
   * In the background lane only because its calls wait on host operations (moved while a short call
   * queued): it gives the lane's place back to a long call while its calls still only wait.
   */
  lent: boolean;
  /** A spare background worker on its way out: it takes no more work. */
  retiring: boolean;
  /** Runs at the background priority (a worker moved to the background is reniced once idle). */
  niced: boolean;
  /** Counts entries; with `cpuAtFirstLook`, how much CPU the entry in progress has used so far. */
  entry: number;
  lookedAt: number;
  cpuAtFirstLook: number;
  stats: Map<number, (s: Extract<FromWorker, { t: "stats" }> | undefined) => void>;
  readyWaiters: (() => void)[];
}

export const fail = (code: string, message: string): string => "E" + JSON.stringify({ code, message });

export function newSlot(lane: Lane): Slot {
  return {
    worker: undefined as unknown as SandboxWorker,
    lane, ready: false, readyRss: 0, loaded: new Map(), busy: new Set(), jobs: new Map(), root: undefined, computing: undefined, resumes: [],
    killAt: undefined, lastUsed: 0, endedAt: 0, lent: false, retiring: false, niced: false, entry: 0, lookedAt: -1, cpuAtFirstLook: 0, stats: new Map(), readyWaiters: [],
  };
}

/**
 * A worker's budget: its RSS at start, the margin, an allowance per loaded plugin (what its
 * isolate held after the load, plus IDLE_ISOLATE_MB), and the limit of each call in it. A plugin
 * whose module holds much data is charged for it (within its own memory limit, which bounds its
 * heap), so loading honest large plugins never pushes a worker past its budget.
 */
export function memoryBudget(slot: Slot): number {
  let mb = WORKER_MEMORY_MARGIN_MB;
  for (const job of slot.jobs.values()) mb += job.req.plugin.config.memoryMB;
  for (const heapMB of slot.loaded.values()) mb += IDLE_ISOLATE_MB + heapMB;
  return slot.readyRss + mb * MB;
}

/**
 * Whether the entry in progress has used more CPU than `limitMs` since the watchdog first saw it
 * (CPU, not wall time: a machine busy with other work does not make a call long).
 */
export function ranLong(slot: Slot, limitMs: number, now: number): boolean {
  const cpu = slot.worker.cpuMs();
  if (cpu === undefined) return now - slot.lastUsed > limitMs;
  if (slot.lookedAt !== slot.entry) {
    slot.lookedAt = slot.entry;
    slot.cpuAtFirstLook = cpu;
    return false;
  }
  return cpu - slot.cpuAtFirstLook > limitMs;
}

/**
 * What a call in a worker that died gets. The call it was running fails of what the host saw
 * (its deadline passed: `timeout`; its memory budget or V8's heap: `memory_limit`); the others
 * `sandbox_crashed`, or `host_closed` when the host closed.
 */
export function afterDeath(job: Job, running: boolean, reason: KillReason, why: string): { outcome: string; observed?: Record<string, unknown> } {
  if (reason === "closed") return { outcome: fail("host_closed", "the plugin host was closed during the call") };
  if (running && reason === "deadline" && job.state === "running") {
    return { outcome: fail("timeout", `the plugin ${job.req.plugin.config.pluginId} did not finish within ${job.limitMs} ms; its worker did not stop it and was replaced`), observed: { observed: "host_timer" } };
  }
  if (running && (reason === "memory" || why.startsWith("aborted: V8 ran out of memory"))) {
    return { outcome: fail("memory_limit", `the sandbox worker running the plugin ${why}`), observed: { observed: reason === "memory" ? "worker_rss" : "v8_oom" } };
  }
  return { outcome: fail("sandbox_crashed", `the sandbox worker running the plugin ${why}`) };
}

