/**
 * The per-plugin part of an isolate's setup, and the calls into it. Shipped as source text (see
 * bootstrap-env.ts): no imports, no closures over this module.
 *
 * It runs in two steps, so a spare isolate can take the first before any plugin is known:
 * `sandboxCalls` builds `host` (log, fetch, invoke, llm.complete) and `console` and finishes
 * freezing the realm; the `configure` it returns takes the plugin's config, compiles its factory
 * (the script the scan read, one function expression: evaluating it defines nothing on the frozen
 * global) and returns `dispatch`:
 * - `run`: a = input JSON, b = clock ms, c = seed → `O<json>` | `E<error json>` | `P` (pending:
 *   the outcome comes later through `settle`);
 * - `resolve`: a = op id, b = `O<json>` | `E<error json>` → resolves a pending host operation;
 * - `check`: the call's first unhandled rejection as `E<error json>`, or "" (read inside the
 *   call's time: its getters are plugin code);
 * - `end`: forget the call (its pending host operations never resolve).
 * Everything the plugin produces (results, thrown values, log lines, host-call arguments) becomes
 * a size-checked string before it crosses to the host; every string the plugin controls is clipped.
 */
import type { SandboxEnv } from "./bootstrap-env.ts";

export interface BootstrapConfig {
  /** The plugin's factory: one function expression, as the scan read it. */
  factorySource: string;
  freezeInput: boolean;
  maxResultChars: number;
  maxLogLines: number;
  maxLogChars: number;
  maxHostArgChars: number;
  /** The longest string the amplifying String methods may build: the memory limit, in characters. */
  maxStringChars: number;
  /** How deeply a result or host-call argument may nest (MAX_OUTPUT_DEPTH). */
  maxDepth: number;
}

export type HostCall = (callId: number, op: string, args: string) => string;
/** `outcome` is the call's result, or "R" when the call saw its first rejection (check before finishing). */
export type Settle = (callId: number, outcome: string) => void;
export type Dispatch = (kind: "run" | "resolve" | "check" | "end", callId: number, a?: string | number, b?: string | number, c?: string) => string;
/** The plugin's part of the setup: callable once. */
export type Configure = (configJson: string) => Dispatch;
/** The compiled factory script (module-transform.ts): its one parameter is the tracker. */
type Factory = (track: SandboxEnv["promises"]["track"]) => unknown;

export function sandboxCalls(env: SandboxEnv, hostCall: HostCall, settle: Settle): Configure {
  "use strict";
  // Set by `configure`; nothing below reads it before a call runs.
  let config!: BootstrapConfig;
  const G = globalThis as unknown as Record<string, unknown>;
  const { freeze } = Object;
  const ownKeys = Reflect.ownKeys;
  const apply = Reflect.apply;
  const stringify = JSON.stringify;
  const parse = env.jsonParse;
  const { RealPromise, realThen } = env.promises;
  const sandboxError = env.sandboxError;
  // The longest message, name and stack the sandbox passes on from a plugin.
  const LIMIT = { message: 2_000, name: 200, stack: 4_000 };
  // Codes only the host decides from what it observed: a plugin that rethrows one it got from a
  // host operation (a nested call's timeout) fails with plugin_error, not with that code.
  const HOST_ONLY = new Set(["timeout", "memory_limit", "sandbox_crashed", "cancelled", "host_closed"]);
  const fromOps = new WeakMap<object, string>();
  function opError(op: string, code: string, message: string): Error {
    const e = sandboxError(code, message);
    fromOps.set(e, `host.${op}`);
    return e;
  }

  /** At most `max` characters of well-formed text (no event can hold a lone surrogate). */
  function clip(s: string, max: number): string {
    return (s.length > max ? s.slice(0, max) + "…" : s).toWellFormed();
  }

  /** A printable string for any plugin value; runs plugin code (toString, getters) inside the timed call. */
  function safeString(x: unknown, max: number): string {
    try {
      if (typeof x === "string") return clip(x, max);
      if (typeof x === "symbol") return clip(x.toString(), max);
      if (typeof x === "object" && x !== null) {
        const s = stringify(x);
        return clip(typeof s === "string" ? s : String(x), max);
      }
      return clip(String(x), max);
    } catch {
      return "[unprintable]";
    }
  }

  interface Failure {
    code: string;
    message: string;
    name?: string;
    stack?: string;
  }

  /**
   * What a thrown value says, read inside the timed call (its getters and proxies are plugin
   * code). The code is the sandbox's own only for an error the sandbox itself threw; anything the
   * plugin made is `plugin_error`, whatever its name, message or `code` say.
   */
  function describe(e: unknown, prefix = ""): Failure {
    if (typeof e === "object" && e !== null && env.ownErrors.has(e)) {
      const own = e as Error & { code: string };
      if (fromOps.has(e) && HOST_ONLY.has(own.code)) return { code: "plugin_error", message: clip(`${prefix}uncaught ${own.code} from ${fromOps.get(e)}: ${own.message}`, LIMIT.message) };
      return { code: own.code, message: clip(prefix + own.message, LIMIT.message) };
    }
    let name = "Error";
    let message = "";
    let stack = "";
    try {
      if ((typeof e === "object" && e !== null) || typeof e === "function") {
        const err = e as { name?: unknown; message?: unknown; stack?: unknown };
        name = safeString(err.name, LIMIT.name);
        message = safeString(err.message, LIMIT.message);
        stack = safeString(err.stack, LIMIT.stack);
      } else {
        message = safeString(e, LIMIT.message);
      }
    } catch {
      message = "[unprintable thrown value]";
    }
    return { code: "plugin_error", message: clip(prefix + message, LIMIT.message), name, stack };
  }

  const errorOutcome = (e: unknown): string => "E" + stringify(describe(e));

  // Thrown by the depth and size checks inside JSON.stringify; never reach plugin code.
  const TOO_DEEP = freeze({ tooDeep: true });
  const TOO_LARGE = freeze({ tooLarge: true });
  const isArray = Array.isArray;
  // `typedKind` answers undefined (never a throw) for a value that is not a typed array.
  const { length: typedLength, kind: typedKind } = env.typedArrays;
  /** A typed array's length (undefined for any other value): it is written as an object of that many keys. */
  const lengthOfTyped = (v: object): number | undefined => (apply(typedKind, v, []) === undefined ? undefined : (apply(typedLength, v, []) as number));

  /**
   * JSON text of a value, refused past the depth limit and past `maxChars` while it is written:
   * the replacer sees each value after its toJSON, exactly as stringify writes it (a toJSON that
   * answers deep once and shallow the next time cannot tell two readings apart), and stringify
   * never recurses past the limit. It also keeps a lower bound on the text written so far (a
   * property at least its quoted key, a colon and one character; a string its characters and
   * quotes), so a value whose text cannot fit is refused as soon as that is certain, not after
   * writing it all: a 10 M-element typed array, 10 M keys, held the worker ~10 s in one step (a
   * typed array's keys are counted before stringify lists them). An ordinary object's keys are
   * listed in one step too; the plugin made each of them, at least, in steps the timer stops.
   */
  function stringifyBounded(value: unknown, maxChars: number): string | undefined {
    const depths = new WeakMap<object, number>();
    // The first call's key is the empty key of stringify's own holder, which writes nothing.
    let atLeast = -3;
    return stringify(value, function (this: object, key: string, v: unknown): unknown {
      const inArray = isArray(this);
      if (inArray || (v !== undefined && typeof v !== "function" && typeof v !== "symbol")) atLeast += (inArray ? 0 : key.length + 3) + (typeof v === "string" ? v.length + 2 : 1);
      if (atLeast > maxChars) throw TOO_LARGE;
      if (typeof v === "object" && v !== null) {
        // stringify lists a typed array's keys, all of them, in one step before writing any: at
        // least 4 characters each (`"0":0` and a comma), so a long one is refused before the list.
        const n = lengthOfTyped(v);
        if (n !== undefined && atLeast + 4 * n > maxChars) throw TOO_LARGE;
        const depth = (depths.get(this) ?? 0) + 1;
        if (depth > config.maxDepth) throw TOO_DEEP;
        depths.set(v, depth);
      }
      return v;
    });
  }

  /** JSON text of a plugin value of at most `maxChars`, or the failure that explains why there is none. */
  function toJson(value: unknown, what: string, maxChars: number, tooLarge: string): { text: string } | { failure: Failure } {
    try {
      const text = stringifyBounded(value, maxChars) ?? "null";
      if (text.length > maxChars) return { failure: { code: tooLarge, message: `${what} is ${text.length} characters of JSON; the limit is ${maxChars}` } };
      return { text };
    } catch (e) {
      if (e === TOO_DEEP) return { failure: { code: "output_too_deep", message: `${what} nests more than ${config.maxDepth} levels deep` } };
      if (e === TOO_LARGE) return { failure: { code: tooLarge, message: `${what} is more than ${maxChars} characters of JSON, the limit` } };
      if (env.ownErrors.has(e as object)) return { failure: describe(e) };
      return { failure: { code: what === "the result" ? "output_invalid" : "invalid_argument", message: clip(`${what} is not JSON: ${describe(e).message}`, LIMIT.message) } };
    }
  }

  function resultOutcome(value: unknown): string {
    const json = toJson(value, "the result", config.maxResultChars, "result_too_large");
    if ("failure" in json) return "E" + stringify(json.failure);
    return "O" + json.text;
  }

  // ---- the call in progress (calls to one plugin run one at a time) ----
  interface CallState {
    id: number;
    logLines: number;
    ops: Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void; op: string }>;
  }
  let current: CallState | null = null;

  // ---- host functions: arguments become bounded strings before they cross ----
  function callHost(op: string, args: unknown): unknown {
    const call = current;
    if (!call) throw sandboxError("call_ended", "host functions can only be used while the call runs");
    const json = toJson(args, `${op}'s arguments`, config.maxHostArgChars, "input_too_large");
    if ("failure" in json) throw sandboxError(json.failure.code, json.failure.message);
    const text = json.text;
    const reply = hostCall(call.id, op, text);
    const kind = reply[0];
    if (kind === "O") return parse(reply.slice(1));
    if (kind === "E") {
      const err = parse(reply.slice(1)) as { code: string; message: string };
      throw opError(op, err.code, err.message);
    }
    const opId = Number(reply.slice(1));
    return env.promises.track(
      () =>
        new RealPromise((resolve, reject) => {
          call.ops.set(opId, { resolve, reject: (e) => reject(e), op });
        }),
    );
  }

  const log = (...args: unknown[]): void => {
    const call = current;
    if (!call) return;
    if (call.logLines >= config.maxLogLines) {
      if (call.logLines++ === config.maxLogLines) hostCall(call.id, "log", `[capsmith] more log lines dropped: the limit is ${config.maxLogLines} per call`);
      return;
    }
    call.logLines++;
    let line = "";
    for (let i = 0; i < args.length && line.length <= config.maxLogChars; i++) {
      line += (i > 0 ? " " : "") + safeString(args[i], config.maxLogChars);
    }
    hostCall(call.id, "log", clip(line, config.maxLogChars));
  };

  const fetch = (url: unknown, init?: unknown): unknown => {
    const i = (typeof init === "object" && init !== null ? init : {}) as { method?: unknown; headers?: unknown; body?: unknown };
    const request = {
      url: safeString(url, 4096),
      method: i.method === undefined ? "GET" : safeString(i.method, 16),
      headers: i.headers === undefined ? {} : i.headers,
      body: i.body === undefined || i.body === null ? null : safeString(i.body, config.maxHostArgChars),
    };
    return callHost("fetch", request);
  };

  const complete = (request: unknown): unknown => callHost("llm.complete", request);

  // Composition: another capability, resolved by the host through the hub, within the root call's time.
  const invoke = (capability: unknown, input: unknown): unknown => callHost("invoke", { capability: safeString(capability, 64), input });

  function deepFreeze(v: unknown): unknown {
    if ((typeof v === "object" && v !== null) || typeof v === "function") {
      for (const key of ownKeys(v)) deepFreeze((v as Record<PropertyKey, unknown>)[key]);
      freeze(v);
    }
    return v;
  }

  const host = deepFreeze({ log, fetch, invoke, llm: { complete } });
  // console goes to host.log, so machine-written plugins that print do not break.
  G["console"] = deepFreeze({ log, info: log, warn: log, error: log, debug: log });

  // Frozen: the factory's one argument is the plugin's to see if the scan is ever bypassed.
  const track = freeze(env.promises.track);
  env.finishHardening([host, G["console"]]);

  // ---- the plugin's factory: its module body, re-run for every call ----
  let make: Factory | undefined;
  const factory = (): unknown => make!(track);

  function finish(call: CallState, outcome: string): void {
    if (current !== call) return;
    settle(call.id, outcome);
  }

  function run(callId: number, inputJson: string, clockMs: number, seed: string): string {
    // The previous call's state is simply replaced: no plugin code runs between calls.
    const call: CallState = { id: callId, logLines: 0, ops: new Map() };
    current = call;
    env.startCall(clockMs, seed);
    env.promises.begin(() => settle(callId, "R"));
    let value: unknown;
    try {
      const input: unknown = parse(inputJson);
      if (config.freezeInput) deepFreeze(input);
      const main = factory();
      if (typeof main !== "function") return "E" + stringify({ code: "invalid_plugin", message: "the default export is not a function" });
      value = (main as (input: unknown, h: unknown) => unknown)(input, host);
    } catch (e) {
      return errorOutcome(e);
    }
    let thenable = false;
    try {
      thenable = (typeof value === "object" || typeof value === "function") && value !== null && typeof (value as { then?: unknown }).then === "function";
    } catch (e) {
      return errorOutcome(e);
    }
    if (!thenable) return resultOutcome(value);
    // Adopts the plugin's thenable through its own `then`, which marks it handled.
    const settled = new RealPromise<unknown>((resolve) => resolve(value));
    apply(realThen, settled, [
      (v: unknown) => finish(call, resultOutcome(v)),
      (e: unknown) => finish(call, errorOutcome(e)),
    ]);
    return "P";
  }

  function resolveOp(callId: number, opId: number, outcome: string): string {
    const call = current;
    if (!call || call.id !== callId) return "";
    const op = call.ops.get(opId);
    if (!op) return "";
    call.ops.delete(opId);
    if (outcome[0] === "O") op.resolve(parse(outcome.slice(1)));
    else {
      const err = parse(outcome.slice(1)) as { code: string; message: string };
      op.reject(opError(op.op, err.code, err.message));
    }
    return "";
  }

  function check(callId: number): string {
    if (!current || current.id !== callId) return "";
    const found = env.promises.unhandled();
    if (!found) return "";
    return "E" + stringify(describe(found.reason, "unhandled promise rejection: "));
  }

  function dispatch(kind: Parameters<Dispatch>[0], callId: number, a?: string | number, b?: string | number, c?: string): string {
    if (kind === "run") return run(callId, a as string, b as number, c as string);
    if (kind === "resolve") return resolveOp(callId, a as number, b as string);
    if (kind === "check") return check(callId);
    if (current && current.id === callId) {
      current = null;
      env.startCall(0, "idle");
      env.promises.end();
    }
    return "";
  }

  return function configure(configJson: string): Dispatch {
    if (make) throw new Error("the isolate is configured already");
    config = parse(configJson) as BootstrapConfig;
    env.limits.maxStringChars = config.maxStringChars;
    make = env.compile(config.factorySource) as Factory;
    return dispatch;
  };
}
