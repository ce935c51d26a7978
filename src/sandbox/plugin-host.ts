/**
 * `createPluginHost`: loads plugins into isolates spread over a pool of supervised worker
 * processes and calls them. Calls to one plugin run one at a time (so its clock and seed are
 * unambiguous); different plugins run concurrently. Plugin failures come back as values.
 */
import { availableParallelism } from "node:os";
import type { NewEvent } from "../events/index.ts";
import { subjectFor } from "../events/index.ts";
import { SandboxError, isSandboxErrorCode } from "./errors.ts";
import { LlmBudgets, errOutcome, okOutcome, parseLlmRequest, performFetch } from "./host-services.ts";
import type { AgentLlmOptions } from "./host-services.ts";
import type { OutputValidator } from "./output-schema.ts";
import { preparePlugin } from "./prepare-plugin.ts";
import type { FromWorker, WireFailure, WorkerPluginConfig } from "./protocol.ts";
import { parsePluginJson, utf8Length } from "./safe-json.ts";
import { SandboxWorker } from "./sandbox-worker.ts";
import type { CallReply, WorkerOptions } from "./sandbox-worker.ts";
import type { CallOptions, CallResult, PluginDefinition, PluginHandle, Usage } from "./types.ts";

export interface PluginHostOptions {
  /** Worker processes in the pool (default: 2, or 1 on a single-core machine). */
  workers?: number;
  /** Resident memory at which a worker is killed and replaced, MB (default 2048). */
  workerMemoryMB?: number;
  /** Heap limit of each worker's own Node isolate, MB (default 256). */
  workerHeapMB?: number;
  /** Live isolates per worker before the least recently used idle one is disposed (default 512). */
  maxIsolatesPerWorker?: number;
  /** Extra time past a call's timeout before its worker is presumed wedged and killed (default 1000 ms). */
  graceMs?: number;
  maxCodeBytes?: number;
  maxInputBytes?: number;
  /** Cap on a result's JSON, in characters (default 1 MiB). */
  maxResultBytes?: number;
  maxLogLines?: number;
  maxLogChars?: number;
  maxHostOpsPerCall?: number;
  maxFetchBytes?: number;
  /** The clock a call gets when CallOptions.now is not given (default Date.now). */
  clock?: () => number;
  /** Where audit events (PermissionDenied) go; later work wires the event log in here. */
  onAudit?: (event: NewEvent) => void | Promise<void>;
  onLog?: (pluginId: string, line: string) => void;
  /** The fetch `host.fetch` uses after the allowlist check (default globalThis.fetch). */
  fetch?: typeof fetch;
  /** The completion backend of `host.llm.complete`; without it the agent profile gets `llm_unavailable`. */
  llm?: AgentLlmOptions;
  /** Resolves `host.invoke(capability, input)`: the hub's active plugin, run with the caller's remaining time. */
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
  /** What is left of the caller's time budget. */
  remainingMs: number;
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
  /** Kills the worker processes; calls in flight fail with `host_closed`. */
  close(): Promise<void>;
}

interface LoadedPlugin extends PluginHandle {
  key: string;
  slot: number;
  config: WorkerPluginConfig;
  net: string[];
  timeoutMs: number;
  validate: OutputValidator | undefined;
  tail: Promise<unknown>;
}

interface ActiveCall {
  plugin: LoadedPlugin;
  abort: AbortController;
  llmSpent: { tokens: number; cost: number };
  now: number;
  chain: readonly string[];
  /** performance.now() by which the call must end (its timeout). */
  deadline: number;
}

const MB = 1024 * 1024;

export function createPluginHost(options: PluginHostOptions = {}): PluginHost {
  return new DefaultPluginHost(options);
}

class DefaultPluginHost implements PluginHost {
  private readonly o: Required<Pick<PluginHostOptions, "maxCodeBytes" | "maxInputBytes" | "maxResultBytes" | "maxLogLines" | "maxLogChars" | "maxHostOpsPerCall" | "maxFetchBytes">>;
  private readonly workerOptions: WorkerOptions;
  private readonly workers: (SandboxWorker | undefined)[];
  private readonly plugins = new Map<string, LoadedPlugin>();
  private readonly active = new Map<number, ActiveCall>();
  private readonly budgets: LlmBudgets;
  private nextKey = 1;
  private nextCid = 1;
  private closed = false;
  private readonly options: PluginHostOptions;

  constructor(options: PluginHostOptions) {
    this.options = options;
    this.o = {
      maxCodeBytes: options.maxCodeBytes ?? MB,
      maxInputBytes: options.maxInputBytes ?? MB,
      maxResultBytes: options.maxResultBytes ?? MB,
      maxLogLines: options.maxLogLines ?? 100,
      maxLogChars: options.maxLogChars ?? 2_000,
      maxHostOpsPerCall: options.maxHostOpsPerCall ?? 32,
      maxFetchBytes: options.maxFetchBytes ?? MB,
    };
    this.workerOptions = {
      workerHeapMB: options.workerHeapMB ?? 256,
      workerMemoryMB: options.workerMemoryMB ?? 2048,
      maxIsolatesPerWorker: options.maxIsolatesPerWorker ?? 512,
      graceMs: options.graceMs ?? 1_000,
    };
    this.workers = new Array<SandboxWorker | undefined>(Math.max(1, options.workers ?? Math.min(2, availableParallelism()))).fill(undefined);
    this.budgets = new LlmBudgets(options.llm?.budget);
  }

  async load(def: PluginDefinition): Promise<PluginHandle> {
    if (this.closed) throw new SandboxError("host_closed", "the plugin host is closed");
    const plugin = this.prepare(def);
    const previous = this.plugins.get(def.id);
    if (previous) this.dispose(previous);
    this.plugins.set(def.id, plugin);
    const failure = await this.ensureLoaded(plugin);
    if (failure) {
      this.plugins.delete(def.id);
      throw new SandboxError(failure.code === "sandbox_crashed" ? "sandbox_crashed" : "invalid_plugin", `cannot load ${def.id}: ${failure.message}`);
    }
    return { id: plugin.id, profile: plugin.profile };
  }

  call(ref: PluginHandle | string, input: unknown, options: CallOptions = {}): Promise<CallResult> {
    const plugin = this.plugins.get(typeof ref === "string" ? ref : ref.id);
    if (this.closed) return Promise.resolve(failed(new SandboxError("host_closed", "the plugin host is closed")));
    if (!plugin) return Promise.resolve(failed(new SandboxError("not_loaded", `no plugin ${typeof ref === "string" ? ref : ref.id} is loaded`)));
    const run = plugin.tail.then(() => this.run(plugin, input, options));
    plugin.tail = run.catch(() => undefined);
    return run;
  }

  dispose(ref: PluginHandle | string): void {
    const id = typeof ref === "string" ? ref : ref.id;
    const plugin = this.plugins.get(id);
    if (!plugin) return;
    this.plugins.delete(id);
    const worker = this.workers[plugin.slot];
    if (worker?.loaded.has(plugin.key)) worker.unload(plugin.key);
  }

  async stats(): Promise<WorkerStats[]> {
    const out: WorkerStats[] = [];
    for (const w of this.workers) {
      const s = await w?.stats();
      if (w && s) out.push({ pid: w.pid, rssBytes: s.rss, liveIsolates: s.isolates, loadedPlugins: s.loaded });
    }
    return out;
  }

  async close(): Promise<void> {
    this.closed = true;
    const exits = this.workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          if (!w || !w.alive) return resolve();
          w.onGone = resolve;
          w.kill("closed");
        }),
    );
    this.workers.fill(undefined);
    await Promise.all(exits);
  }

  private prepare(def: PluginDefinition): LoadedPlugin {
    const key = `${this.nextKey++}:${String(def.id)}`;
    const prepared = preparePlugin(def, key, this.o);
    return { id: def.id, key, slot: this.pickSlot(), ...prepared, tail: Promise.resolve() };
  }

  private pickSlot(): number {
    const counts = this.workers.map(() => 0);
    for (const p of this.plugins.values()) counts[p.slot] = (counts[p.slot] ?? 0) + 1;
    let best = 0;
    for (let i = 1; i < counts.length; i++) if ((counts[i] ?? 0) < (counts[best] ?? 0)) best = i;
    return best;
  }

  private worker(slot: number): SandboxWorker {
    let w = this.workers[slot];
    if (!w || !w.alive) {
      w = new SandboxWorker(
        this.workerOptions,
        (worker, msg) => this.onWorkerOp(worker, msg),
        (gone) => {
          if (this.workers[slot] === gone) this.workers[slot] = undefined;
        },
      );
      this.workers[slot] = w;
    }
    return w;
  }

  private async ensureLoaded(plugin: LoadedPlugin): Promise<WireFailure | undefined> {
    const w = this.worker(plugin.slot);
    if (w.loaded.has(plugin.key)) return undefined;
    const failure = await w.load(plugin.config);
    if (!failure) w.loaded.add(plugin.key);
    return failure;
  }

  private async run(plugin: LoadedPlugin, input: unknown, options: CallOptions): Promise<CallResult> {
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
    if (this.closed) return failed(new SandboxError("host_closed", "the plugin host is closed"));
    const loadFailure = await this.ensureLoaded(plugin);
    if (loadFailure) return failed(toError(loadFailure, plugin.id));
    const now = options.now ?? (this.options.clock ?? Date.now)();
    const seed = String(options.seed ?? 0);
    const timeoutMs = options.timeoutMs ?? plugin.timeoutMs;
    const cid = this.nextCid++;
    const active: ActiveCall = { plugin, abort: new AbortController(), llmSpent: { tokens: 0, cost: 0 }, now, chain: options.chain ?? [], deadline: performance.now() + timeoutMs };
    this.active.set(cid, active);
    let reply: CallReply;
    try {
      reply = await this.worker(plugin.slot).call({ t: "call", cid, key: plugin.key, input: inputJson, now, seed, timeoutMs });
    } finally {
      this.active.delete(cid);
      active.abort.abort();
    }
    for (const line of reply.logs) this.options.onLog?.(plugin.id, line);
    const usage: Usage | undefined = reply.usage && { ...reply.usage, now, seed };
    return this.toResult(plugin, reply, usage);
  }

  private toResult(plugin: LoadedPlugin, reply: CallReply, usage: Usage | undefined): CallResult {
    const { outcome, logs } = reply;
    if (outcome[0] === "O") {
      if (outcome.length - 1 > this.o.maxResultBytes) {
        return { ok: false, error: new SandboxError("result_too_large", `the result of ${plugin.id} is over ${this.o.maxResultBytes} characters`), usage, logs };
      }
      const output = parsePluginJson(outcome.slice(1));
      const invalid = plugin.validate?.(output);
      if (invalid) return { ok: false, error: invalid, usage, logs };
      return { ok: true, output, usage: usage ?? emptyUsage(), logs };
    }
    return { ok: false, error: toError(JSON.parse(outcome.slice(1)) as WireFailure, plugin.id), usage, logs };
  }

  private onWorkerOp(worker: SandboxWorker, msg: Extract<FromWorker, { t: "op" | "denied" }>): void {
    const call = this.active.get(msg.cid);
    if (!call) return;
    if (msg.t === "denied") {
      this.audit(call.plugin, msg.operation, msg.target, msg.reason);
      return;
    }
    void this.performOp(call, msg.op, msg.args).then((outcome) => {
      if (!call.abort.signal.aborted) worker.opResult(msg.cid, msg.opId, outcome);
    });
  }

  private async performOp(call: ActiveCall, op: string, args: string): Promise<string> {
    try {
      if (op === "fetch") {
        const outcome = await performFetch(args, { allowlist: call.plugin.net, signal: call.abort.signal, fetchImpl: this.options.fetch ?? fetch, maxBytes: this.o.maxFetchBytes });
        if (outcome.startsWith('E{"code":"permission_denied"')) this.audit(call.plugin, "fetch", safeUrl(args), "not in the net allowlist");
        return outcome;
      }
      if (op === "llm.complete") return await this.complete(call, args);
      if (op === "invoke") return await this.invoke(call, args);
      return errOutcome("permission_denied", `unknown host operation ${op}`);
    } catch (e) {
      return errOutcome("plugin_error", `${op} failed: ${(e as Error).message}`);
    }
  }

  private async invoke(call: ActiveCall, args: string): Promise<string> {
    const invoke = this.options.invoke;
    if (!invoke) return errOutcome("invoke_unavailable", "host.invoke: this host resolves no capabilities");
    const request = JSON.parse(args) as { capability: string; input: unknown };
    const remainingMs = Math.floor(call.deadline - performance.now());
    if (remainingMs <= 0) return errOutcome("timeout", `host.invoke(${request.capability}): no time left in the caller's budget`);
    const result = await invoke({ capability: request.capability, input: request.input, caller: call.plugin.id, chain: [...call.chain], remainingMs }, call.abort.signal);
    return result.ok ? okOutcome(result.output) : errOutcome(result.code, result.message);
  }

  private async complete(call: ActiveCall, args: string): Promise<string> {
    const llm = this.options.llm;
    if (!llm) return errOutcome("llm_unavailable", "llm.complete: no completion backend is configured for the agent profile");
    const request = parseLlmRequest(args);
    if (typeof request === "string") return errOutcome("invalid_argument", request);
    const id = call.plugin.id;
    const day = new Date(call.now).toISOString().slice(0, 10);
    const over = this.budgets.check(id, day, call.llmSpent);
    if (over) {
      this.audit(call.plugin, "llm.complete", request.model ?? "default", `budget: ${over}`);
      return errOutcome("budget_exceeded", `llm.complete denied: ${over}`);
    }
    const left = this.budgets.remainingTokens(id, day, call.llmSpent);
    const res = await llm.complete({ ...request, maxTokens: Math.min(request.maxTokens ?? left, left) }, call.abort.signal);
    const tokens = res.usage.inputTokens + res.usage.outputTokens;
    const cost = res.usage.costUsd ?? 0;
    call.llmSpent.tokens += tokens;
    call.llmSpent.cost += cost;
    this.budgets.spend(id, day, tokens, cost);
    return okOutcome({ text: res.text, usage: res.usage });
  }

  private audit(plugin: LoadedPlugin, operation: string, target: string, reason: string): void {
    const sink = this.options.onAudit;
    if (!sink) return;
    const event: NewEvent = {
      type: "PermissionDenied",
      // On the sandbox's own aggregate (the plugin's capability, from `capability@version`), never on
      // the hub's plugin subjects, whose appends are conditional on their heads.
      subject: subjectFor("sandbox", plugin.id.split(/[@#]/)[0]!.replace(/[^A-Za-z0-9_\-:]/g, "_") || "plugin"),
      data: { plugin: plugin.id, operation, target: target.slice(0, 500), profile: plugin.profile, reason: reason.slice(0, 1_000) },
    };
    // The sink's own failure must not turn into the plugin's; the log adapter reports it.
    void Promise.resolve()
      .then(() => sink(event))
      .catch(() => undefined);
  }
}

function toError(f: WireFailure, pluginId: string): SandboxError {
  const code = isSandboxErrorCode(f.code) ? f.code : "plugin_error";
  const details: Record<string, unknown> = { plugin: pluginId };
  if (f.name) details["name"] = f.name;
  if (f.stack) details["stack"] = f.stack;
  if (code !== f.code) details["pluginCode"] = f.code;
  return new SandboxError(code, f.message, { details });
}

function failed(error: SandboxError): CallResult {
  return { ok: false, error, logs: [] };
}

function emptyUsage(): Usage {
  return { wallMs: 0, cpuMs: 0, heapUsedBytes: 0, heapPeakBytes: 0, now: 0, seed: "0" };
}

function safeUrl(args: string): string {
  try {
    return String((JSON.parse(args) as { url: unknown }).url);
  } catch {
    return "";
  }
}
