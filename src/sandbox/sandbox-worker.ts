/**
 * One supervised worker process, seen from the host: it spawns `worker/main.ts` with the same Node
 * binary, carries messages both ways, reads the process's resident memory, and kills it. What runs
 * where, and what a death means for the calls in it, is the pool's business (worker-pool.ts).
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { setPriority } from "node:os";
import type { Socket } from "node:net";
import { fileURLToPath } from "node:url";
import { settlesWithin } from "../events/index.ts";
import { lineChannel } from "./line-channel.ts";
import type { LineChannel } from "./line-channel.ts";
import { RAW_FIELDS, WIRE_PACKING } from "./protocol.ts";
import type { FromWorker, ToWorker } from "./protocol.ts";

const WORKER_FILE = fileURLToPath(new URL("./worker/main.ts", import.meta.url));
const PAGE = 4096;
/** USER_HZ: the unit of /proc/<pid>/stat's CPU times on Linux. */
const CLOCK_TICKS = 100;
/**
 * The worker's young generation, MB a semi-space. Generated code is read in the worker's own heap
 * (generated-code.ts: acorn's tree, the scan, the rewrite; 45-60 MB of short-lived objects for a
 * 128 KiB text), outside every isolate's limit. With V8's default young generation that garbage
 * kept the worker 130 MB above its starting RSS after two such compiles, past the pool's
 * memory budget, so the worker was killed and the call failed `memory_limit`; with 2 MB it stays
 * within ~90 MB of it however many compiles run (tests/sandbox/worker-compile-memory.test.ts).
 */
const WORKER_SEMI_SPACE_MB = 2;
/** How long `stop` waits for a killed process's exit to be reported. */
const STOP_WAIT_MS = 5_000;

export type KillReason = "deadline" | "memory" | "closed" | "crashed" | "retired";

export interface WorkerSpawnOptions {
  /** Heap limit of the worker's own Node isolate (not the plugins'), MB. */
  workerHeapMB: number;
  /** Live isolates a worker keeps; beyond this the least recently used idle one is disposed. */
  maxIsolatesPerWorker: number;
  /** What an earlier worker found V8 changes in a context made from a snapshot (saves probing again). */
  skipPaths: string[] | undefined;
}

export class SandboxWorker {
  readonly child: ChildProcess;
  private readonly socket: Socket;
  private readonly channel: LineChannel<ToWorker, FromWorker>;
  private exited = false;
  private reason: KillReason | undefined;
  private stderrTail = "";
  private referenced = true;

  constructor(options: WorkerSpawnOptions, onMessage: (msg: FromWorker) => void, onExit: (reason: KillReason, why: string) => void) {
    this.child = spawn(process.execPath, ["--no-node-snapshot", `--max-old-space-size=${options.workerHeapMB}`, `--max-semi-space-size=${WORKER_SEMI_SPACE_MB}`, "--disable-warning=ExperimentalWarning", WORKER_FILE], {
      // A fixed time zone and locale keep plugin output the same on every machine.
      env: {
        TZ: "UTC", LANG: "en_US.UTF-8", LC_ALL: "en_US.UTF-8",
        CAPSMITH_SANDBOX_MAX_ISOLATES: String(options.maxIsolatesPerWorker),
        ...(options.skipPaths ? { CAPSMITH_SANDBOX_SKIP_PATHS: JSON.stringify(options.skipPaths) } : {}),
      },
      stdio: ["ignore", "ignore", "pipe", "pipe"],
    });
    this.socket = this.child.stdio[3] as Socket;
    this.socket.on("error", () => this.kill("crashed"));
    this.channel = lineChannel<ToWorker, FromWorker>(this.socket, RAW_FIELDS, WIRE_PACKING);
    this.child.stderr?.setEncoding("utf8");
    this.child.stderr?.on("data", (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-4096);
    });
    this.channel.onMessage(onMessage);
    this.child.on("exit", (code, signal) => {
      this.exited = true;
      const reason = this.reason ?? "crashed";
      const why =
        reason === "deadline"
          ? "missed its deadline (the plugin wedged the isolate thread) and was killed"
          : reason === "memory"
            ? "passed its resident memory budget and was killed"
            : /out.of.memory|is_heap_oom|Allocation failed/i.test(this.stderrTail)
              ? "aborted: V8 ran out of memory (fatal, uncatchable)"
              : `exited (${signal ?? `code ${code}`})`;
      onExit(reason, why);
    });
    this.child.on("error", () => this.kill("crashed"));
  }

  get alive(): boolean {
    return !this.exited;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  send(msg: ToWorker): void {
    if (this.exited) return;
    if (!this.socket.writable) return this.kill("crashed");
    this.channel.send(msg);
  }

  /** Resident memory in bytes (0 when it cannot be read). */
  rss(): number {
    if (this.child.pid === undefined || process.platform !== "linux") return 0;
    try {
      return Number(readFileSync(`/proc/${this.child.pid}/statm`, "utf8").split(" ")[1]) * PAGE;
    } catch {
      return 0;
    }
  }

  /** CPU time the process has used (user + system), ms; undefined where it cannot be read. */
  cpuMs(): number | undefined {
    if (this.child.pid === undefined || process.platform !== "linux") return undefined;
    try {
      const stat = readFileSync(`/proc/${this.child.pid}/stat`, "utf8");
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
    } catch {
      return undefined;
    }
  }

  /** Makes the worker's thread yield to others when cores are scarce (never undone). */
  lowerPriority(nice: number): void {
    if (this.child.pid === undefined) return;
    try {
      setPriority(this.child.pid, nice);
    } catch {
      // Not permitted here: the worker keeps its priority.
    }
  }

  kill(reason: KillReason): void {
    if (this.exited) return;
    this.reason ??= reason;
    // Stay referenced until the exit is seen, so `close()` can wait for it.
    this.reference(true);
    this.child.kill("SIGKILL");
  }

  /**
   * Kills the process and resolves once its exit is seen. The wait holds the host's event loop
   * with a timer of its own, so it never depends on the process handle's reference (a host whose
   * loop ran empty while a close awaited an exit quit with "unsettled top-level await"); an exit
   * not reported within `waitMs` (a process that never started) ends the wait too.
   */
  async stop(reason: KillReason, waitMs = STOP_WAIT_MS): Promise<void> {
    if (this.exited) return;
    // Not events.once: it rejects on an 'error' event, and a process that never started still ends the wait.
    const exit = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    this.kill(reason);
    await settlesWithin(exit, waitMs);
  }

  /** While work is in flight the worker keeps the host process alive; an idle one never does. */
  reference(on: boolean): void {
    if (this.referenced === on) return;
    this.referenced = on;
    if (on) {
      this.socket.ref();
      this.child.ref();
    } else {
      this.socket.unref();
      this.child.unref();
    }
  }
}
