/**
 * `createPluginHost`: loads plugins and calls them in isolates spread over a pool of supervised
 * worker processes (worker-pool.ts), and answers the host operations plugins ask for (fetch, LLM
 * completions, nested invokes) within their call. Plugin failures come back as values.
 */
import { availableParallelism } from "node:os";
import { eventText } from "../events/index.ts";
import type { NewEvent } from "../events/index.ts";
import { DenialAudit } from "./denials.ts";
import { SandboxError, isSandboxErrorCode } from "./errors.ts";
import { LlmBudgets, parseLlmRequest } from "./llm-budget.ts";
import type { AgentLlmOptions, CallSpend, LlmRequest } from "./llm-budget.ts";
import { performFetch, systemResolver } from "./net-fetch.ts";
import type { Resolver } from "./net-fetch.ts";
import { errOutcome, okOutcome } from "./outcome.ts";
import type { OutputValidator } from "./output-schema.ts";
import { preparePlugin } from "./prepare-plugin.ts";
import type { DenialSummary, WireFailure, WorkerPluginConfig } from "./protocol.ts";
import { parsePluginJson, utf8Length } from "./safe-json.ts";
import { WorkerPool } from "./worker-pool.ts";
import type { JobReply, JobRequest } from "./worker-pool.ts";
import type { CallOptions, CallResult, PluginDefinition, PluginHandle, PluginLlmBudget, Usage } from "./types.ts";
import { DEFAULT_MAX_CODE_BYTES } from "./types.ts";

export interface PluginHostOptions {
  /** Worker processes in the pool (default: the number of cores). */
  workers?: number;
  /** Heap limit of each worker's own Node isolate, MB (default 256). */
  workerHeapMB?: number;
  /** Live isolates per worker before the least recently used idle one is disposed (default 512). */
  maxIsolatesPerWorker?: number;
  /** Extra time past a call's timeout before its worker is presumed wedged and killed (default 1000 ms). */
  graceMs?: number;
  /**
   * A call running longer than this moves its worker to the background (a lower CPU priority, and
   * the plugin's later calls run there), so short calls keep their latency beside long ones
   * (default 100 ms).
   */
  backgroundAfterMs?: number;
  maxCodeBytes?: number;
  maxInputBytes?: number;
  /** Cap on a result's JSON, in characters (default 1 MiB). */
  maxResultBytes?: number;
  maxLogLines?: number;
  maxLogChars?: number;
  /** Host operations per call, refused ones included (default 32). */
  maxHostOpsPerCall?: number;
  maxFetchBytes?: number;
  /** The clock a call gets when CallOptions.now is not given (default Date.now). */
  clock?: () => number;
  /** Where audit events (PermissionDenied, coalesced) go. */
  onAudit?: (event: NewEvent) => void | Promise<void>;
  onLog?: (pluginId: string, line: string) => void;
  /** How `host.fetch` resolves host names (default: the system resolver). */
  lookup?: Resolver;
  /** The completion backend of `host.llm.complete`; without it the agent profile gets `llm_unavailable`. */
  llm?: AgentLlmOptions;
  /** Resolves `host.invoke(capability, input)`: the hub's active plugin, run within the root call's time. */
  invoke?: InvokeFn;
}

/** A plugin calling a capability it declares as a dependency (composition). */
export interface InvokeRequest {
  capability: string;
  input: unknown;
  /** The calling plugin's id. */
  caller: string;
  /** Capabilities on the stack, outermost first, the caller's included. */
  chain: string[];
  /** What is left of the caller's time budget now. */
  remainingMs: number;
  /** The caller's deadline (`performance.now()` ms): pass it on as CallOptions.deadline. */
  deadline: number;
  /** The root call of the caller's tree: pass it on as CallOptions.root. */
  root: number;
}

export type InvokeFn = (request: InvokeRequest, signal: AbortSignal) => Promise<{ ok: true; output: unknown } | { ok: false; code: string; message: string }>;

export interface WorkerStats {
  pid: number | undefined;
  rssBytes: number;
  liveIsolates: number;
  loadedPlugins: number;
}

export interface PluginHost {
  /** Scans, compiles and loads a plugin (replacing one with the same id). Throws SandboxError. */
  load(plugin: PluginDefinition): Promise<PluginHandle>;
  /** Runs the plugin once. Never throws for anything the plugin does: failures are `{ ok: false, error }`. */
  call(plugin: PluginHandle | string, input: unknown, options?: CallOptions): Promise<CallResult>;
  dispose(plugin: PluginHandle | string): void;
  stats(): Promise<WorkerStats[]>;
  /** Calls waiting for a worker, running, and parked on host operations, now. */
  counts(): { queued: number; running: number; parked: number };
  /** Kills the worker processes; calls in flight fail with `host_closed`. */
  close(): Promise<void>;
}

interface LoadedPlugin extends PluginHandle {
  key: string;
  config: WorkerPluginConfig;
  net: string[];
  timeoutMs: number;
  validate: OutputValidator | undefined;
  llm: PluginLlmBudget | undefined;
}

interface ActiveCall {
  cid: number;
  plugin: LoadedPlugin;
  /** Made on the first host operation (most calls make none): ends what the call started when it ends. */
  controller: AbortController | undefined;
  ended: boolean;
  llm: CallSpend;
  now: number;
  chain: readonly string[];
  root: number;
  /** The first refusal of each kind, as the worker sent it: recorded only if no result comes. */
  early?: DenialSummary[];
}

const MB = 1024 * 1024;

export function createPluginHost(options: PluginHostOptions = {}): PluginHost {
  return new DefaultPluginHost(options);
}

class DefaultPluginHost implements PluginHost {
  private readonly o: Required<Pick<PluginHostOptions, "maxCodeBytes" | "maxInputBytes" | "maxResultBytes" | "maxLogLines" | "maxLogChars" | "maxHostOpsPerCall" | "maxFetchBytes">>;
  private readonly pool: WorkerPool;
  private readonly plugins = new Map<string, LoadedPlugin>();
  private readonly active = new Map<number, ActiveCall>();
  private readonly budgets: LlmBudgets;
  private readonly denials: DenialAudit;
  private nextKey = 1;
  private closed = false;
  private readonly options: PluginHostOptions;

  constructor(options: PluginHostOptions) {
    this.options = options;
    this.o = {
      maxCodeBytes: options.maxCodeBytes ?? DEFAULT_MAX_CODE_BYTES,
      maxInputBytes: options.maxInputBytes ?? MB,
      maxResultBytes: options.maxResultBytes ?? MB,
      maxLogLines: options.maxLogLines ?? 100,
      maxLogChars: options.maxLogChars ?? 2_000,
      maxHostOpsPerCall: options.maxHostOpsPerCall ?? 32,
      maxFetchBytes: options.maxFetchBytes ?? MB,
    };
    this.pool = new WorkerPool({
      size: Math.max(1, options.workers ?? availableParallelism()),
      workerHeapMB: options.workerHeapMB ?? 256,
      maxIsolatesPerWorker: options.maxIsolatesPerWorker ?? 512,
      graceMs: options.graceMs ?? 1_000,
      ...(options.backgroundAfterMs !== undefined ? { backgroundAfterMs: options.backgroundAfterMs } : {}),
      onOp: (cid, opId, op, args) => this.onOp(cid, opId, op, args),
      onDenied: (cid, denial) => {
        const call = this.active.get(cid);
        if (call) (call.early ??= []).push(denial);
      },
    });
    this.budgets = new LlmBudgets(options.llm?.budget);
    this.denials = new DenialAudit(options.onAudit);
  }

  async load(def: PluginDefinition): Promise<PluginHandle> {
    if (this.closed) throw new SandboxError("host_closed", "the plugin host is closed");
    const key = `${this.nextKey++}:${String(def.id)}`;
    const prepared = preparePlugin(def, key, this.o);
    const plugin: LoadedPlugin = { id: def.id, key, ...prepared };
    const failure = await this.pool.load(plugin);
    if (failure) {
      throw new SandboxError(failure.code === "sandbox_crashed" || failure.code === "host_closed" ? failure.code : "invalid_plugin", `cannot load ${def.id}: ${failure.message}`);
    }
    const previous = this.plugins.get(def.id);
    if (previous) this.pool.unload(previous.key);
    this.plugins.set(def.id, plugin);
    return { id: plugin.id, profile: plugin.profile };
  }

  async call(ref: PluginHandle | string, input: unknown, options: CallOptions = {}): Promise<CallResult> {
    const id = typeof ref === "string" ? ref : ref.id;
    if (this.closed) return failed(new SandboxError("host_closed", "the plugin host is closed"));
    const plugin = this.plugins.get(id);
    if (!plugin) return failed(new SandboxError("not_loaded", `no plugin ${id} is loaded`));
    let inputJson: string | undefined;
    try {
      inputJson = JSON.stringify(input);
    } catch (cause) {
      return failed(new SandboxError("invalid_input", `the input is not JSON: ${(cause as Error).message}`, { cause }));
    }
    if (inputJson === undefined) return failed(new SandboxError("invalid_input", "the input is not a JSON value"));
    const inputBytes = utf8Length(inputJson);
    if (inputBytes > this.o.maxInputBytes) {
      return failed(new SandboxError("input_too_large", `the input is ${inputBytes} bytes of JSON; the limit is ${this.o.maxInputBytes}`));
    }
    const now = options.now ?? (this.options.clock ?? Date.now)();
    const seed = String(options.seed ?? 0);
    // Set field by field: the optional ones as spreads of `{}` cost an object each, every call.
    const req: JobRequest = { plugin, input: inputJson, now, seed, timeoutMs: options.timeoutMs ?? plugin.timeoutMs };
    if (options.deadline !== undefined) req.deadline = options.deadline;
    if (options.root !== undefined) req.root = options.root;
    if (options.signal) req.signal = options.signal;
    const { cid, done } = this.pool.submit(req);
    // A nested call spends its root call's LLM budget, as it spends its root's time: a tree of
    // calls is one call to the per-call budget (attack round 7: five nested calls spent 19,960
    // tokens in a root call whose budget was 4,000).
    const llm = (options.root !== undefined ? this.active.get(options.root)?.llm : undefined) ?? { reserved: 0, tokens: 0, cost: 0 };
    const active: ActiveCall = { cid, plugin, controller: undefined, ended: false, llm, now, chain: options.chain ?? [], root: options.root ?? cid };
    this.active.set(cid, active);
    let reply: JobReply;
    try {
      reply = await done;
    } finally {
      this.active.delete(cid);
      active.ended = true;
      // Ends whatever the call started: fetches, completions, and nested calls it is still waiting for.
      active.controller?.abort();
    }
    for (const line of reply.logs) this.options.onLog?.(plugin.id, line);
    // The result counts every refusal; a call without one (its worker killed or crashed) leaves
    // the first of each kind, which the worker sent as it happened.
    for (const d of reply.denials ?? active.early ?? []) this.denials.record(plugin.id, plugin.profile, d);
    const usage: Usage | undefined = reply.usage && { ...reply.usage, queueMs: reply.queueMs, now, seed };
    return this.toResult(plugin, reply, usage);
  }

  dispose(ref: PluginHandle | string): void {
    const id = typeof ref === "string" ? ref : ref.id;
    const plugin = this.plugins.get(id);
    if (!plugin) return;
    this.plugins.delete(id);
    this.pool.unload(plugin.key);
  }

  stats(): Promise<WorkerStats[]> {
    return this.pool.stats();
  }

  counts(): { queued: number; running: number; parked: number } {
    return this.pool.counts();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.denials.flush();
    await this.pool.close();
  }

  private toResult(plugin: LoadedPlugin, reply: JobReply, usage: Usage | undefined): CallResult {
    const { outcome, logs } = reply;
    if (outcome[0] === "O") {
      if (outcome.length - 1 > this.o.maxResultBytes) {
        return { ok: false, error: new SandboxError("result_too_large", `the result of ${plugin.id} is over ${this.o.maxResultBytes} characters`), usage, logs };
      }
      let output: unknown;
      try {
        output = parsePluginJson(outcome.slice(1), `the result of ${plugin.id}`);
      } catch (e) {
        if (e instanceof SandboxError) return { ok: false, error: e, usage, logs };
        throw e;
      }
      const invalid = plugin.validate?.(output);
      if (invalid) return { ok: false, error: invalid, usage, logs };
      return { ok: true, output, usage: usage ?? emptyUsage(reply.queueMs), logs };
    }
    const error = toError(JSON.parse(outcome.slice(1)) as WireFailure, plugin.id, reply.observed);
    return { ok: false, error, usage: usage ?? { ...emptyUsage(reply.queueMs) }, logs };
  }

  // ---- host operations ----

  private onOp(cid: number, opId: number, op: string, args: string): void {
    const call = this.active.get(cid);
    if (!call) return;
    // An operation that reaches the host after its call's deadline is answered unread: parsing
    // the arguments of a call that is already over only holds the host's thread (attack round 5).
    if (performance.now() >= this.pool.deadlineOf(cid)) {
      this.pool.opResult(cid, opId, errOutcome("timeout", `${op}: the call's time is up`));
      return;
    }
    void this.performOp(call, op, args).then((outcome) => {
      if (!call.ended) this.pool.opResult(cid, opId, outcome);
    });
  }

  private async performOp(call: ActiveCall, op: string, args: string): Promise<string> {
    try {
      if (op === "fetch") {
        return await performFetch(args, {
          allowlist: call.plugin.net, signal: signalOf(call), resolve: this.options.lookup ?? systemResolver, maxBytes: this.o.maxFetchBytes,
          onDenied: (kind, target, reason) => this.denials.record(call.plugin.id, call.plugin.profile, { operation: "fetch", kind, target, reason, count: 1 }),
        });
      }
      if (op === "llm.complete") return await this.complete(call, args);
      if (op === "invoke") return await this.invoke(call, args);
      return errOutcome("permission_denied", `unknown host operation ${op}`);
    } catch (e) {
      return errOutcome("plugin_error", eventText(`${op} failed: ${(e as Error).message}`, 2_000));
    }
  }

  private async invoke(call: ActiveCall, args: string): Promise<string> {
    const invoke = this.options.invoke;
    if (!invoke) return errOutcome("invoke_unavailable", "host.invoke: this host resolves no capabilities");
    let request: { capability: string; input: unknown };
    try {
      request = parsePluginJson(args, "host.invoke's arguments") as { capability: string; input: unknown };
    } catch (e) {
      if (e instanceof SandboxError) return errOutcome(e.code, e.message);
      throw e;
    }
    const deadline = this.pool.deadlineOf(call.cid);
    const remainingMs = Math.floor(deadline - performance.now());
    if (remainingMs <= 0) return errOutcome("timeout", `host.invoke(${request.capability}): no time left in the caller's budget`);
    const result = await invoke({ capability: request.capability, input: request.input, caller: call.plugin.id, chain: [...call.chain], remainingMs, deadline, root: call.root }, signalOf(call));
    return result.ok ? okOutcome(result.output) : errOutcome(result.code, result.message);
  }

  private async complete(call: ActiveCall, args: string): Promise<string> {
    const llm = this.options.llm;
    if (!llm) return errOutcome("llm_unavailable", "llm.complete: no completion backend is configured for the agent profile");
    const request = parseLlmRequest(args);
    if (typeof request === "string") return errOutcome("invalid_argument", request);
    const endTurn = await this.budgets.turn(call.plugin.id);
    try {
      if (call.ended) return errOutcome("timeout", "llm.complete: the call ended while the plugin's completion before this one ran");
      return await this.completeInTurn(call, llm, request);
    } finally {
      endTurn();
    }
  }

  private async completeInTurn(call: ActiveCall, llm: AgentLlmOptions, request: LlmRequest): Promise<string> {
    const id = call.plugin.id;
    const day = new Date(call.now).toISOString().slice(0, 10);
    const reservation = this.budgets.reserve(id, day, this.budgets.forPlugin(call.plugin.llm), call.llm, request);
    if (typeof reservation === "string") {
      this.denials.record(id, call.plugin.profile, { operation: "llm.complete", kind: "budget", target: request.model ?? "default", reason: `budget: ${reservation}`, count: 1 });
      return errOutcome("budget_exceeded", `llm.complete denied: ${reservation}`);
    }
    let used: { tokens: number; cost: number; charged?: boolean } | undefined;
    try {
      const res = await llm.complete({ ...request, maxTokens: reservation.maxOutput }, signalOf(call));
      used = { tokens: res.usage.inputTokens + res.usage.outputTokens, cost: res.usage.costUsd ?? 0, charged: res.usage.costUsd !== undefined };
      return okOutcome({ text: res.text, usage: res.usage });
    } catch (e) {
      // A completion that failed may still have been charged; count what was reserved.
      used = { tokens: reservation.tokens, cost: 0 };
      return errOutcome("llm_failed", eventText(`llm.complete failed: ${(e as Error).message}`, 2_000));
    } finally {
      this.budgets.settle(id, call.llm, reservation, used);
    }
  }
}

function signalOf(call: ActiveCall): AbortSignal {
  call.controller ??= new AbortController();
  if (call.ended) call.controller.abort();
  return call.controller.signal;
}

function toError(f: WireFailure, pluginId: string, observed: Record<string, unknown> | undefined): SandboxError {
  const code = isSandboxErrorCode(f.code) ? f.code : "plugin_error";
  const details: Record<string, unknown> = { plugin: pluginId, ...observed };
  // The worker clipped these well-formed; the host's own cuts keep them so (they reach events).
  if (f.name) details["name"] = eventText(f.name, 200);
  if (f.stack) details["stack"] = eventText(f.stack, 4_000);
  if (code !== f.code) details["pluginCode"] = eventText(f.code, 100);
  return new SandboxError(code, eventText(f.message, 2_100), { details });
}

function failed(error: SandboxError): CallResult {
  return { ok: false, error, logs: [] };
}

function emptyUsage(queueMs: number): Usage {
  return { queueMs, wallMs: 0, cpuMs: 0, heapUsedBytes: 0, heapPeakBytes: 0, now: 0, seed: "0" };
}
