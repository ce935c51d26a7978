/**
 * One loaded plugin inside a worker process: its isolate, the bootstrap's dispatch function, and
 * the call in progress. Only strings and numbers go in or come out of the isolate.
 *
 * A call's failure code comes from what this worker observed: the isolate disposed by its memory
 * limit, the call's own timer, the heap statistics after the call. Text the plugin controls
 * (messages, names, stacks) is clipped before it leaves, and never decides a code.
 */
import type ivm from "isolated-vm";
import type { DenialSummary, FromWorker, WireFailure, WireUsage, WorkerPluginConfig } from "../protocol.ts";
import type { Dispatch } from "./bootstrap-calls.ts";
import type { BootstrapConfig } from "./bootstrap-calls.ts";
import type { IsolateFactory } from "./isolate-factory.ts";
import { compileGenerated } from "../generated-code.ts";
import { MAX_OUTPUT_DEPTH } from "../safe-json.ts";
import { checkHostOp } from "./host-op-check.ts";

interface ActiveCall {
  cid: number;
  startedAt: number;
  deadline: number;
  cpuStart: bigint;
  logs: string[];
  hostOps: number;
  /** Characters of host-operation arguments sent so far (bounded by MAX_HOST_ARG_INPUTS_PER_CALL). */
  hostArgChars: number;
  /** Made on the first host operation or refusal: most calls make none. */
  pendingOps: Set<number> | undefined;
  denials: Map<string, DenialSummary> | undefined;
  outcome: string | undefined;
  sawRejection: boolean;
  timer: NodeJS.Timeout | undefined;
  /** The isolate was disposed because a callback into the worker ran past the deadline (`timed`). */
  overran: boolean;
}

export type Send = (msg: FromWorker) => void;

const MAX_MESSAGE = 2_000;
/** A call's host operations together carry at most this many inputs' worth of arguments (maxHostArgChars each). */
export const MAX_HOST_ARG_INPUTS_PER_CALL = 4;
/**
 * A plugin's text as it may leave the worker: at most `max` characters, and well-formed Unicode (a
 * lone surrogate, the plugin's own or one a cut made of a pair, becomes U+FFFD), since no event can
 * hold one and a rollback or test report that cannot be recorded would leave its transaction open.
 */
const clip = (s: string, max = MAX_MESSAGE): string => (s.length > max ? s.slice(0, max) + "…" : s).toWellFormed();
const fail = (code: string, message: string): string => "E" + JSON.stringify({ code, message: clip(message) } satisfies WireFailure);
/** What a callback answers once the call is over; the isolate is disposed by then, so no plugin code reads it. */
const TIME_UP = fail("timeout", "the call's time is up");

export class PluginIsolate {
  readonly config: WorkerPluginConfig;
  lastUsed = 0;
  private isolate: ivm.Isolate | undefined;
  private dispatch: ivm.Reference<Dispatch> | undefined;
  private active: ActiveCall | undefined;
  private nextOpId = 1;
  private retired = false;
  private readonly send: Send;
  private readonly factory: IsolateFactory;

  constructor(config: WorkerPluginConfig, factory: IsolateFactory, send: Send) {
    this.config = config;
    this.factory = factory;
    this.send = send;
  }

  get live(): boolean {
    return this.isolate !== undefined && !this.isolate.isDisposed;
  }

  get busy(): boolean {
    return this.active !== undefined;
  }

  /** What the isolate holds now (heap in use and external memory); 0 when it is not live. */
  heapBytes(): number {
    const isolate = this.isolate;
    if (!isolate || isolate.isDisposed) return 0;
    const heap = isolate.getHeapStatisticsSync();
    return heap.total_heap_size + heap.externally_allocated_size;
  }

  /** Creates the isolate and runs the bootstrap; throws if the plugin does not compile. */
  ensure(): void {
    if (this.live) return;
    const c = this.config;
    const config: BootstrapConfig = {
      factorySource: c.factorySource,
      freezeInput: c.profile === "quality_gate",
      maxResultChars: c.maxResultChars,
      maxLogLines: c.maxLogLines,
      maxLogChars: c.maxLogChars,
      maxHostArgChars: c.maxHostArgChars,
      maxStringChars: Math.max(8, c.memoryMB) * 1024 * 1024,
      maxDepth: MAX_OUTPUT_DEPTH,
    };
    try {
      const made = this.factory.create(
        Math.max(8, c.memoryMB),
        c.allowCodegen,
        (callId, op, args) => this.timed(() => this.onHostCall(callId, op, args), TIME_UP),
        (callId, outcome) => this.timed(() => this.onSettle(callId, outcome), undefined),
        JSON.stringify(config),
        // Generated code (eval, the Function constructors) compiles here, while the isolate waits.
        (kind, params, body) => this.timed(() => compileGenerated(kind, params, body), TIME_UP),
      );
      this.isolate = made.isolate;
      this.dispatch = made.dispatch;
    } catch (err) {
      throw Object.assign(new Error(clip(err instanceof Error ? err.message : String(err))), { code: "invalid_plugin" });
    }
  }

  dispose(): void {
    if (this.isolate && !this.isolate.isDisposed) this.isolate.dispose();
    this.isolate = undefined;
    this.dispatch = undefined;
  }

  /** Disposes the isolate now, or when the call in progress ends. */
  retire(): void {
    if (this.active) this.retired = true;
    else this.dispose();
  }

  /** Runs one call; the outcome is sent as a `result` message when it settles, `parked` while it waits on host operations. */
  call(cid: number, input: string, now: number, seed: string, timeoutMs: number): void {
    const startedAt = performance.now();
    this.lastUsed = startedAt;
    const call: ActiveCall = {
      cid, startedAt, deadline: startedAt + timeoutMs, cpuStart: 0n, logs: [], hostOps: 0, hostArgChars: 0, pendingOps: undefined, denials: undefined,
      outcome: undefined, sawRejection: false, timer: undefined, overran: false,
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
    if (first !== "P") call.outcome ??= first;
    this.afterEntry(call);
  }

  /** A host operation the parent finished: resolve it inside the isolate. */
  opResult(cid: number, opId: number, outcome: string): void {
    const call = this.active;
    if (!call || call.cid !== cid || !call.pendingOps?.delete(opId)) return;
    if (this.enter(call, ["resolve", cid, opId, outcome]) === undefined) return;
    this.afterEntry(call);
  }

  /** The root call this one belongs to ended: stop waiting. */
  cancel(cid: number): void {
    const call = this.active;
    if (call && call.cid === cid) this.finish(call, fail("cancelled", "the call was cancelled: the call it was made for ended"));
  }

  /** Calls into the isolate with the time left; when the call cannot go on, finishes it and returns undefined. */
  private enter(call: ActiveCall, args: Parameters<Dispatch>): string | undefined {
    const left = Math.max(1, Math.ceil(call.deadline - performance.now()));
    try {
      return this.dispatch!.applySync(undefined, args, { timeout: left }) as string;
    } catch (err) {
      // Decided from what this worker observed, never from the error's text (which may be the
      // plugin's own, copied out by isolated-vm for a rejection nobody handled).
      if (call.overran) this.finish(call, timeoutFailure(this.config, call), true);
      else if (this.isolate?.isDisposed) this.finish(call, fail("memory_limit", `the plugin went over its memory limit of ${this.config.memoryMB} MB`), true);
      else if (performance.now() >= call.deadline - 1) this.finish(call, timeoutFailure(this.config, call), true);
      else {
        const message = err instanceof Error ? err.message : String(err);
        this.finish(call, fail("plugin_error", `unhandled promise rejection: ${message}`), true);
      }
      return undefined;
    }
  }

  private afterEntry(call: ActiveCall): void {
    if (this.active !== call) return;
    const waiting = call.pendingOps !== undefined && call.pendingOps.size > 0;
    // A result is not the end while host operations the plugin started are in flight: their
    // promises settle inside the call (a rejection nobody handles is still its error), never
    // after it, lost (attack round 7). A failure ends the call at once: nothing can undo it.
    if (call.outcome !== undefined && (!waiting || call.outcome[0] !== "O")) {
      if (call.sawRejection) {
        const verdict = this.enter(call, ["check", call.cid]);
        if (verdict === undefined) return;
        if (verdict !== "") call.outcome = verdict;
      }
      return this.finish(call, call.outcome);
    }
    if (!waiting) {
      // Nothing the plugin awaits can ever settle: there are no timers inside the isolate.
      return this.finish(call, fail("timeout", "the plugin's promise can never settle: it awaits nothing the host is doing"));
    }
    call.timer ??= setTimeout(() => this.finish(call, timeoutFailure(this.config, call), true), Math.max(1, call.deadline - performance.now()));
    this.send({ t: "parked", cid: call.cid });
  }

  private onSettle(callId: number, outcome: string): void {
    const call = this.active;
    if (!call || call.cid !== callId) return;
    if (outcome === "R") call.sawRejection = true;
    else call.outcome ??= outcome;
  }

  /**
   * Runs one callback from the isolate into this worker: a host operation's synchronous part, a
   * log line, a promise settling, a generated-code compile. isolated-vm pauses the call's timer
   * for as long as a callback runs, so a call that spends its time in callbacks (refused host
   * operations in a loop, compiles) would run past its limit until the host killed the worker.
   * The deadline is checked before and after each one instead: past it, the isolate is disposed,
   * which ends the call at once with `timeout`, out of reach of the plugin's `catch`; a call
   * overruns by at most one callback.
   */
  private timed<T>(body: () => T, late: T): T {
    if (this.pastDeadline()) return late;
    const answer = body();
    return this.pastDeadline() ? late : answer;
  }

  /** Whether the call in progress is past its deadline; if so it is ended (see `timed`). */
  private pastDeadline(): boolean {
    const call = this.active;
    if (call === undefined || performance.now() < call.deadline) return false;
    call.overran = true;
    this.isolate?.dispose();
    return true;
  }

  /** Every host function the plugin calls lands here, synchronously, with JSON-string arguments. */
  private onHostCall(callId: number, op: string, args: string): string {
    const call = this.active;
    if (!call || call.cid !== callId) return fail("call_ended", "the call has ended");
    if (op === "log") {
      call.logs.push(clip(args, this.config.maxLogChars + 64));
      return "Onull";
    }
    // Every operation counts, refused or not: a flood of refusals stops here like any other.
    if (++call.hostOps > this.config.maxHostOpsPerCall) {
      return fail("rate_limited", `${op}: at most ${this.config.maxHostOpsPerCall} host operations per call`);
    }
    const verdict = checkHostOp(this.config, op, args);
    if (verdict.denied) {
      const key = `${verdict.operation}\u0000${verdict.kind}`;
      call.denials ??= new Map();
      const seen = call.denials.get(key);
      if (seen) seen.count++;
      else {
        const denial = { operation: verdict.operation, kind: verdict.kind, target: clip(verdict.target, 500), reason: clip(verdict.reason, 1_000), count: 1 };
        call.denials.set(key, denial);
        // The first of a kind goes now as well: a call that then costs its worker (killed for its
        // deadline or memory, crashed) sends no result to count them in (attack round 7).
        this.send({ t: "denied", cid: callId, denial: { ...denial } });
      }
      return fail("permission_denied", `${verdict.operation} denied: ${verdict.reason}`);
    }
    if (verdict.invalid) return fail("invalid_argument", verdict.invalid);
    // The host reads every operation's arguments as JSON on its own thread: a call's operations
    // together carry at most a few inputs' worth, not maxHostOpsPerCall times one.
    call.hostArgChars += args.length;
    if (call.hostArgChars > MAX_HOST_ARG_INPUTS_PER_CALL * this.config.maxHostArgChars) {
      return fail("input_too_large", `${op}: this call's host operations carry ${call.hostArgChars} characters of arguments; the limit is ${MAX_HOST_ARG_INPUTS_PER_CALL * this.config.maxHostArgChars} a call`);
    }
    const opId = this.nextOpId++;
    (call.pendingOps ??= new Set()).add(opId);
    this.send({ t: "op", cid: callId, opId, op, args });
    return "P" + opId;
  }

  private finish(call: ActiveCall, outcome: string, disposeIsolate = false): void {
    if (this.active !== call) return;
    this.active = undefined;
    if (call.timer) clearTimeout(call.timer);
    let heapUsedBytes = 0;
    let heapPeakBytes = 0;
    let cpuMs = 0;
    const isolate = this.isolate;
    // Read once: each read of isDisposed is a call into isolated-vm.
    const live = isolate !== undefined && !isolate.isDisposed;
    if (live && call.cpuStart > 0n) cpuMs = Number(isolate.cpuTime - call.cpuStart) / 1e6;
    if (disposeIsolate) this.dispose();
    else if (live) {
      const heap = isolate.getHeapStatisticsSync();
      heapUsedBytes = heap.used_heap_size + heap.externally_allocated_size;
      heapPeakBytes = heap.total_heap_size + heap.externally_allocated_size;
      const limit = this.config.memoryMB * 1024 * 1024;
      // isolated-vm's limit is a guideline; hold every call to it after the fact as well. A call
      // that failed with its heap at the limit (an allocation the isolate refused) failed of it.
      if (!outcome.startsWith('E{"code":"memory_limit"') && (heapUsedBytes > limit || (outcome.startsWith('E{"code":"plugin_error"') && heapUsedBytes >= 0.9 * limit))) {
        outcome = fail("memory_limit", `the plugin used ${Math.round(heapUsedBytes / 1048576)} MB; its limit is ${this.config.memoryMB} MB`);
        this.dispose();
      }
    }
    if (this.retired) this.dispose();
    const usage: WireUsage = { wallMs: performance.now() - call.startedAt, cpuMs, heapUsedBytes, heapPeakBytes };
    const result: FromWorker = { t: "result", cid: call.cid, outcome, usage, logs: call.logs };
    if (call.denials !== undefined) result.denials = [...call.denials.values()];
    this.send(result);
  }
}

function timeoutFailure(config: WorkerPluginConfig, call: ActiveCall): string {
  const ms = Math.round(call.deadline - call.startedAt);
  return fail("timeout", `the plugin ${config.pluginId} did not finish within ${ms} ms`);
}
