/**
 * One supervised worker process, seen from the host: it spawns `worker/main.ts` with the same
 * Node binary, tracks the loads and calls in flight, puts a hard deadline on each call, watches the
 * process's resident memory, and when the process dies, aborts or misses a deadline it is killed
 * and every call in it fails with `sandbox_crashed` (or `memory_limit` when the memory watch
 * killed it for the one call it was running).
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import type { Socket } from "node:net";
import { fileURLToPath } from "node:url";
import { lineChannel } from "./line-channel.ts";
import type { LineChannel } from "./line-channel.ts";
import type { FromWorker, ToWorker, WireFailure, WireUsage } from "./protocol.ts";

const WORKER_FILE = fileURLToPath(new URL("./worker/main.ts", import.meta.url));
const PAGE = 4096;

export interface WorkerOptions {
  /** Heap limit of the worker's own Node isolate (not the plugins'), MB. */
  workerHeapMB: number;
  /** Resident memory at which the worker is killed, MB. */
  workerMemoryMB: number;
  /** Live isolates a worker keeps; beyond this the least recently used idle one is disposed. */
  maxIsolatesPerWorker: number;
  /** How long past a call's own timeout the host waits before it kills the worker. */
  graceMs: number;
}

export interface CallReply {
  outcome: string;
  usage: WireUsage | undefined;
  logs: string[];
}

interface InFlight {
  resolve: (reply: CallReply) => void;
  deadline: NodeJS.Timeout;
}

export type OpHandler = (worker: SandboxWorker, msg: Extract<FromWorker, { t: "op" | "denied" }>) => void;

export class SandboxWorker {
  readonly loaded = new Set<string>();
  /** Called once the process has exited. */
  onGone: (() => void) | undefined;
  private readonly child: ChildProcess;
  private readonly socket: Socket;
  private readonly channel: LineChannel<ToWorker, FromWorker>;
  private readonly calls = new Map<number, InFlight>();
  private readonly loads = new Map<number, (failure: WireFailure | undefined) => void>();
  private readonly statsWaiters = new Map<number, (s: Extract<FromWorker, { t: "stats" }> | undefined) => void>();
  private nextRid = 1;
  private exited = false;
  private killReason: "deadline" | "memory" | "closed" | undefined;
  private stderrTail = "";
  private memoryWatch: NodeJS.Timeout | undefined;
  private readonly options: WorkerOptions;
  private readonly onOp: OpHandler;
  private readonly onExit: (w: SandboxWorker) => void;

  constructor(options: WorkerOptions, onOp: OpHandler, onExit: (w: SandboxWorker) => void) {
    this.options = options;
    this.onOp = onOp;
    this.onExit = onExit;
    this.child = spawn(process.execPath, ["--no-node-snapshot", `--max-old-space-size=${options.workerHeapMB}`, "--disable-warning=ExperimentalWarning", WORKER_FILE], {
      // A fixed time zone and locale keep plugin output the same on every machine.
      env: { TZ: "UTC", LANG: "en_US.UTF-8", LC_ALL: "en_US.UTF-8", CAPSMITH_SANDBOX_MAX_ISOLATES: String(options.maxIsolatesPerWorker) },
      stdio: ["ignore", "ignore", "pipe", "pipe"],
    });
    this.socket = this.child.stdio[3] as Socket;
    this.socket.on("error", () => this.kill());
    this.channel = lineChannel<ToWorker, FromWorker>(this.socket);
    this.child.stderr?.setEncoding("utf8");
    this.child.stderr?.on("data", (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-4096);
    });
    this.channel.onMessage((msg) => this.onMessage(msg));
    this.child.on("exit", (code, signal) => this.onProcessExit(code, signal));
    this.child.on("error", () => this.kill());
    this.idle();
  }

  get alive(): boolean {
    return !this.exited;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get callsInFlight(): number {
    return this.calls.size;
  }

  load(plugin: Extract<ToWorker, { t: "load" }>["plugin"]): Promise<WireFailure | undefined> {
    if (this.exited) return Promise.resolve({ code: "sandbox_crashed", message: "the worker process is gone" });
    const rid = this.nextRid++;
    return new Promise((resolve) => {
      this.loads.set(rid, resolve);
      this.busy();
      this.post({ t: "load", rid, plugin });
    });
  }

  unload(key: string): void {
    this.loaded.delete(key);
    if (!this.exited) this.post({ t: "unload", key });
  }

  call(msg: Extract<ToWorker, { t: "call" }>): Promise<CallReply> {
    if (this.exited) return Promise.resolve(crashReply("the worker process is gone"));
    return new Promise((resolve) => {
      const deadline = setTimeout(() => this.kill("deadline"), msg.timeoutMs + this.options.graceMs);
      this.calls.set(msg.cid, { resolve, deadline });
      this.busy();
      this.post(msg);
    });
  }

  opResult(cid: number, opId: number, outcome: string): void {
    if (!this.exited && this.calls.has(cid)) this.post({ t: "op-result", cid, opId, outcome });
  }

  stats(): Promise<Extract<FromWorker, { t: "stats" }> | undefined> {
    if (this.exited) return Promise.resolve(undefined);
    const rid = this.nextRid++;
    return new Promise((resolve) => {
      this.statsWaiters.set(rid, resolve);
      this.busy();
      this.post({ t: "stats", rid });
    });
  }

  kill(reason: "deadline" | "memory" | "closed" = "closed"): void {
    if (this.exited) return;
    this.killReason ??= reason;
    // Stay referenced until the exit is seen, so `close()` can wait for it.
    this.child.ref();
    this.socket.ref();
    this.child.kill("SIGKILL");
  }

  private post(msg: ToWorker): void {
    if (!this.socket.writable) return this.kill();
    this.channel.send(msg);
  }

  private onMessage(msg: FromWorker): void {
    switch (msg.t) {
      case "result": {
        const call = this.calls.get(msg.cid);
        if (!call) return;
        this.calls.delete(msg.cid);
        clearTimeout(call.deadline);
        this.idleIfQuiet();
        call.resolve({ outcome: msg.outcome, usage: msg.usage, logs: msg.logs });
        return;
      }
      case "loaded": {
        const done = this.loads.get(msg.rid);
        this.loads.delete(msg.rid);
        this.idleIfQuiet();
        done?.(msg.failure);
        return;
      }
      case "stats": {
        const done = this.statsWaiters.get(msg.rid);
        this.statsWaiters.delete(msg.rid);
        this.idleIfQuiet();
        done?.(msg);
        return;
      }
      case "op":
      case "denied":
        if (this.calls.has(msg.cid)) this.onOp(this, msg);
        return;
      case "ready":
        return;
    }
  }

  private onProcessExit(code: number | null, signal: NodeJS.Signals | null): void {
    this.exited = true;
    if (this.memoryWatch) clearInterval(this.memoryWatch);
    const why =
      this.killReason === "deadline"
        ? "missed its deadline (the plugin wedged the isolate thread) and was killed"
        : this.killReason === "memory"
          ? `passed ${this.options.workerMemoryMB} MB of resident memory and was killed`
          : /out.of.memory|is_heap_oom|Allocation failed/i.test(this.stderrTail)
            ? "aborted: V8 ran out of memory (fatal, uncatchable)"
            : `exited (${signal ?? `code ${code}`})`;
    const single = this.calls.size === 1;
    for (const [, call] of this.calls) {
      clearTimeout(call.deadline);
      if (this.killReason === "closed") {
        call.resolve({ outcome: "E" + JSON.stringify({ code: "host_closed", message: "the plugin host was closed during the call" }), usage: undefined, logs: [] });
      } else if (this.killReason === "memory" && single) {
        call.resolve({ outcome: "E" + JSON.stringify({ code: "memory_limit", message: `the sandbox worker running the plugin ${why}` }), usage: undefined, logs: [] });
      } else call.resolve(crashReply(`the sandbox worker running the plugin ${why}`));
    }
    this.calls.clear();
    for (const [, done] of this.loads) done({ code: "sandbox_crashed", message: `the sandbox worker ${why}` });
    this.loads.clear();
    for (const [, done] of this.statsWaiters) done(undefined);
    this.statsWaiters.clear();
    this.onExit(this);
    this.onGone?.();
  }

  /** While work is in flight the socket keeps the host alive and the memory watch runs. */
  private busy(): void {
    this.socket.ref();
    this.child.ref();
    if (!this.memoryWatch && this.child.pid !== undefined && process.platform === "linux") {
      const statm = `/proc/${this.child.pid}/statm`;
      this.memoryWatch = setInterval(() => {
        let rss = 0;
        try {
          rss = Number(readFileSync(statm, "utf8").split(" ")[1]) * PAGE;
        } catch {
          return;
        }
        if (rss > this.options.workerMemoryMB * 1024 * 1024) this.kill("memory");
      }, 25);
      this.memoryWatch.unref();
    }
  }

  private idleIfQuiet(): void {
    if (this.calls.size === 0 && this.loads.size === 0 && this.statsWaiters.size === 0) this.idle();
  }

  /** An idle worker never keeps the host process from exiting. */
  private idle(): void {
    if (this.memoryWatch) clearInterval(this.memoryWatch);
    this.memoryWatch = undefined;
    this.socket.unref();
    this.child.unref();
  }
}

function crashReply(message: string): CallReply {
  return { outcome: "E" + JSON.stringify({ code: "sandbox_crashed", message }), usage: undefined, logs: [] };
}
