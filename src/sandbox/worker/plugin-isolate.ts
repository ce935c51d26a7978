/**
 * One loaded plugin inside a worker process: its isolate, the bootstrap's dispatch function, and
 * the call in progress. Only strings and numbers go in or come out of the isolate.
 */
import ivm from "isolated-vm";
import type { FromWorker, WireFailure, WireUsage, WorkerPluginConfig } from "../protocol.ts";
import { sandboxBootstrap } from "./bootstrap.ts";
import type { BootstrapConfig, Dispatch } from "./bootstrap.ts";
import { hostAllowed } from "../net-allowlist.ts";

const BOOTSTRAP_SOURCE = `return (${sandboxBootstrap.toString()})($0, $1, $2);`;

interface ActiveCall {
  cid: number;
  startedAt: number;
  deadline: number;
  cpuStart: bigint;
  logs: string[];
  hostOps: number;
  pendingOps: Set<number>;
  outcome: string | undefined;
  timer: NodeJS.Timeout | undefined;
}

export type Send = (msg: FromWorker) => void;

const fail = (code: string, message: string): string => "E" + JSON.stringify({ code, message } satisfies WireFailure);

export class PluginIsolate {
  readonly config: WorkerPluginConfig;
  lastUsed = 0;
  private isolate: ivm.Isolate | undefined;
  private dispatch: ivm.Reference<Dispatch> | undefined;
  private active: ActiveCall | undefined;
  private nextOpId = 1;
  private readonly send: Send;

  constructor(config: WorkerPluginConfig, send: Send) {
    this.config = config;
    this.send = send;
  }

  get live(): boolean {
    return this.isolate !== undefined && !this.isolate.isDisposed;
  }

  get busy(): boolean {
    return this.active !== undefined;
  }

  /** Creates the isolate and runs the bootstrap; throws a WireFailure-shaped error if the plugin does not compile. */
  ensure(): void {
    if (this.live) return;
    const c = this.config;
    const isolate = new ivm.Isolate({ memoryLimit: Math.max(8, c.memoryMB) });
    try {
      const context = isolate.createContextSync();
      const config: BootstrapConfig = {
        factoryBody: c.factoryBody,
        allowCodegen: c.allowCodegen,
        freezeInput: c.profile === "quality_gate",
        maxResultChars: c.maxResultChars,
        maxLogLines: c.maxLogLines,
        maxLogChars: c.maxLogChars,
        maxHostArgChars: c.maxHostArgChars,
        maxStringChars: Math.max(8, c.memoryMB) * 1024 * 1024,
      };
      const hostCall = new ivm.Callback((callId: number, op: string, args: string) => this.onHostCall(callId, op, args));
      const settle = new ivm.Callback((callId: number, outcome: string) => this.onSettle(callId, outcome));
      this.dispatch = context.evalClosureSync(BOOTSTRAP_SOURCE, [hostCall, settle, JSON.stringify(config)], {
        result: { reference: true },
        timeout: 5_000,
        filename: "capsmith:bootstrap",
      }) as ivm.Reference<Dispatch>;
      this.isolate = isolate;
    } catch (err) {
      if (!isolate.isDisposed) isolate.dispose();
      const message = err instanceof Error ? err.message : String(err);
      throw Object.assign(new Error(message), { code: "invalid_plugin" });
    }
  }

  dispose(): void {
    if (this.isolate && !this.isolate.isDisposed) this.isolate.dispose();
    this.isolate = undefined;
    this.dispatch = undefined;
  }

  /** Runs one call; the outcome is sent as a `result` message when it settles. */
  call(cid: number, input: string, now: number, seed: string, timeoutMs: number): void {
    const startedAt = performance.now();
    this.lastUsed = startedAt;
    const call: ActiveCall = {
      cid,
      startedAt,
      deadline: startedAt + timeoutMs,
      cpuStart: 0n,
      logs: [],
      hostOps: 0,
      pendingOps: new Set(),
      outcome: undefined,
      timer: undefined,
    };
    this.active = call;
    try {
      this.ensure();
    } catch (err) {
      this.finish(call, fail("invalid_plugin", (err as Error).message));
      return;
    }
    call.cpuStart = this.isolate!.cpuTime;
    const first = this.enter(call, ["run", cid, input, now, seed]);
    if (first === undefined) return;
    if (first !== "P") this.finish(call, first);
    else this.afterEntry(call);
  }

  /** A host operation the parent finished: resolve it inside the isolate. */
  opResult(cid: number, opId: number, outcome: string): void {
    const call = this.active;
    if (!call || call.cid !== cid || !call.pendingOps.delete(opId)) return;
    if (this.enter(call, ["resolve", cid, opId, outcome]) === undefined) return;
    this.afterEntry(call);
  }

  /** Calls into the isolate with the time left; on termination finishes the call and returns undefined. */
  private enter(call: ActiveCall, args: Parameters<Dispatch>): string | undefined {
    const left = Math.max(1, Math.ceil(call.deadline - performance.now()));
    try {
      return this.dispatch!.applySync(undefined, args, { timeout: left }) as string;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (/memory limit/i.test(message)) this.finish(call, fail("memory_limit", `the plugin went over its memory limit of ${this.config.memoryMB} MB`), true);
      else if (/timed out|disposed/i.test(message)) this.finish(call, timeoutFailure(this.config, call), true);
      else this.finish(call, fail("sandbox_crashed", `the isolate failed: ${message}`), true);
      return undefined;
    }
  }

  private afterEntry(call: ActiveCall): void {
    if (this.active !== call) return;
    if (call.outcome !== undefined) return this.finish(call, call.outcome);
    if (call.pendingOps.size === 0) {
      // Nothing the plugin awaits can ever settle: there are no timers inside the isolate.
      return this.finish(call, fail("timeout", "the plugin's promise can never settle: it awaits nothing the host is doing"));
    }
    call.timer ??= setTimeout(() => this.finish(call, timeoutFailure(this.config, call), true), Math.max(1, call.deadline - performance.now()));
  }

  private onSettle(callId: number, outcome: string): void {
    const call = this.active;
    if (call && call.cid === callId) call.outcome = outcome;
  }

  /** Every host function the plugin calls lands here, synchronously, with JSON-string arguments. */
  private onHostCall(callId: number, op: string, args: string): string {
    const call = this.active;
    if (!call || call.cid !== callId) return fail("call_ended", "the call has ended");
    if (op === "log") {
      call.logs.push(args);
      return "Onull";
    }
    const profile = this.config.profile;
    if (op === "invoke") {
      let capability = "";
      try {
        capability = String((JSON.parse(args) as { capability: unknown }).capability);
      } catch {
        return fail("invalid_argument", "invoke: arguments must be {capability, input}");
      }
      if (!this.config.dependencies.includes(capability)) {
        return this.deny(call, op, capability, `${capability} is not among the plugin's declared dependencies`);
      }
      return this.startOp(call, callId, op, args);
    }
    const needs = op === "fetch" ? "integration" : op === "llm.complete" ? "agent" : undefined;
    let target = op;
    if (op === "fetch") {
      try {
        target = (JSON.parse(args) as { url: string }).url;
      } catch {
        target = "";
      }
    }
    if (!needs || profile !== needs) {
      return this.deny(call, op, target, `the ${profile} profile does not grant ${op}`);
    }
    if (op === "fetch") {
      let host = "";
      try {
        const url = new URL(target);
        if (url.protocol !== "http:" && url.protocol !== "https:") return this.deny(call, op, target, `only http and https URLs may be fetched`);
        host = url.hostname;
      } catch {
        return fail("invalid_argument", `fetch: not a valid URL: ${target.slice(0, 200)}`);
      }
      if (!hostAllowed(host, this.config.net)) return this.deny(call, op, target, `${host} is not in the plugin's net allowlist`);
    }
    return this.startOp(call, callId, op, args);
  }

  /** Hands an asynchronous host operation to the host process; the plugin gets a promise. */
  private startOp(call: NonNullable<typeof this.active>, callId: number, op: string, args: string): string {
    if (++call.hostOps > this.config.maxHostOpsPerCall) {
      return fail("rate_limited", `${op}: at most ${this.config.maxHostOpsPerCall} host operations per call`);
    }
    const opId = this.nextOpId++;
    call.pendingOps.add(opId);
    this.send({ t: "op", cid: callId, opId, op, args });
    return "P" + opId;
  }

  private deny(call: ActiveCall, operation: string, target: string, reason: string): string {
    this.send({ t: "denied", cid: call.cid, operation, target: target.slice(0, 500), reason });
    return fail("permission_denied", `${operation} denied: ${reason}`);
  }

  private finish(call: ActiveCall, outcome: string, disposeIsolate = false): void {
    if (this.active !== call) return;
    this.active = undefined;
    if (call.timer) clearTimeout(call.timer);
    let heapUsedBytes = 0;
    let heapPeakBytes = 0;
    let cpuMs = 0;
    const isolate = this.isolate;
    if (isolate && !isolate.isDisposed && call.cpuStart > 0n) cpuMs = Number(isolate.cpuTime - call.cpuStart) / 1e6;
    if (disposeIsolate) this.dispose();
    else if (isolate && !isolate.isDisposed) {
      const heap = isolate.getHeapStatisticsSync();
      heapUsedBytes = heap.used_heap_size + heap.externally_allocated_size;
      heapPeakBytes = heap.total_heap_size + heap.externally_allocated_size;
      // isolated-vm's limit is a guideline; hold every call to it after the fact as well.
      if (heapUsedBytes > this.config.memoryMB * 1024 * 1024 && !outcome.startsWith('E{"code":"memory_limit"')) {
        outcome = fail("memory_limit", `the plugin used ${Math.round(heapUsedBytes / 1048576)} MB; its limit is ${this.config.memoryMB} MB`);
        this.dispose();
      }
    }
    const usage: WireUsage = { wallMs: performance.now() - call.startedAt, cpuMs, heapUsedBytes, heapPeakBytes };
    this.send({ t: "result", cid: call.cid, outcome, usage, logs: call.logs });
  }
}

function timeoutFailure(config: WorkerPluginConfig, call: ActiveCall): string {
  const ms = Math.round(call.deadline - call.startedAt);
  return fail("timeout", `the plugin ${config.pluginId} did not finish within ${ms} ms`);
}
