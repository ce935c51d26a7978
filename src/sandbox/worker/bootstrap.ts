/**
 * The code that runs inside every plugin isolate before the plugin does. It is shipped into the
 * isolate as source text (`sandboxBootstrap.toString()`), so it must not close over anything from
 * this module: it sees only its three arguments and the isolate's own globals.
 *
 * What it does, once per isolate:
 * - removes what escapes the memory limit or the clock (SharedArrayBuffer, Atomics, WebAssembly,
 *   resizable ArrayBuffers, WeakRef/FinalizationRegistry) and, unless allowed, code generation
 *   from strings (eval, the Function constructors);
 * - replaces `Date`, `Math.random` and Intl's default "now" with the call's clock and seed;
 * - freezes every reachable intrinsic and the global object, so no call can leave state for the
 *   next one (the plugin's module body is re-run per call, so its own bindings are fresh too);
 * - runs the plugin inside the timed call and turns everything it produces (results, thrown
 *   values, host-call arguments) into size-checked strings before anything crosses to the host.
 *
 * It returns `dispatch(kind, callId, a, b, c)`:
 * - `run`: a = input JSON, b = clock ms, c = seed → `O<json>` | `E<error json>` | `P` (pending;
 *   the outcome arrives later through `settle`);
 * - `resolve`: a = op id, b = `O<json>` | `E<error json>` → resolves a pending host operation;
 * - `end`: forget the call (its pending host operations will never resolve).
 */
export interface BootstrapConfig {
  /** Source of the plugin's factory: a function body that returns the default export. */
  factoryBody: string;
  allowCodegen: boolean;
  freezeInput: boolean;
  maxResultChars: number;
  maxLogLines: number;
  maxLogChars: number;
  maxHostArgChars: number;
  /** The longest string the amplifying String methods may build: the memory limit, in characters. */
  maxStringChars: number;
}

export type HostCall = (callId: number, op: string, args: string) => string;
export type Settle = (callId: number, outcome: string) => void;
export type Dispatch = (kind: "run" | "resolve" | "end", callId: number, a?: string | number, b?: string | number, c?: string) => string;

export function sandboxBootstrap(hostCall: HostCall, settle: Settle, configJson: string): Dispatch {
  "use strict";
  const config = JSON.parse(configJson) as BootstrapConfig;
  const G = globalThis as unknown as Record<string, unknown>;
  const { defineProperty, getOwnPropertyDescriptor, getPrototypeOf, freeze } = Object;
  const ownKeys = Reflect.ownKeys;
  const construct = Reflect.construct;
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const RealFunction = Function;
  const RealDate = Date;
  const RealPromise = Promise;
  const promiseThen = Promise.prototype.then;
  const apply = Reflect.apply;

  // Every error this bootstrap throws at the plugin; a plugin cannot forge membership.
  const ownErrors = new WeakSet<object>();
  function sandboxError(code: string, message: string): Error {
    const e = new Error(message) as Error & { code: string };
    defineProperty(e, "code", { value: code, enumerable: true });
    ownErrors.add(e);
    return freeze(e);
  }

  function clip(s: string, max: number): string {
    return s.length > max ? s.slice(0, max) + "…" : s;
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

  /** What a thrown value says, read inside the timed call (its getters and proxies are plugin code). */
  function describe(e: unknown): Failure {
    if (typeof e === "object" && e !== null && ownErrors.has(e)) {
      const own = e as Error & { code: string };
      return { code: own.code, message: own.message };
    }
    let name = "Error";
    let message = "";
    let stack = "";
    try {
      if ((typeof e === "object" && e !== null) || typeof e === "function") {
        const err = e as { name?: unknown; message?: unknown; stack?: unknown };
        name = safeString(err.name, 200);
        message = safeString(err.message, 2000);
        stack = safeString(err.stack, 4000);
      } else {
        message = safeString(e, 2000);
      }
    } catch {
      message = "[unprintable thrown value]";
    }
    const outOfMemory = name === "RangeError" && /allocation failed|Invalid string length/.test(message);
    return { code: outOfMemory ? "memory_limit" : "plugin_error", message, name, stack };
  }

  function errorOutcome(e: unknown): string {
    return "E" + stringify(describe(e));
  }

  function resultOutcome(value: unknown): string {
    let text: string | undefined;
    try {
      text = stringify(value);
    } catch (e) {
      const failure = describe(e);
      if (failure.code === "memory_limit") return "E" + stringify(failure);
      return "E" + stringify({ code: "output_invalid", message: "the result is not JSON: " + failure.message });
    }
    if (text === undefined) text = "null";
    if (text.length > config.maxResultChars) {
      return "E" + stringify({ code: "result_too_large", message: `the result is ${text.length} characters of JSON; the limit is ${config.maxResultChars}` });
    }
    return "O" + text;
  }

  // ---- the call in progress (calls to one plugin are serialized by the host) ----
  interface CallState {
    id: number;
    now: number;
    rand: [number, number, number, number];
    logLines: number;
    ops: Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>;
  }
  let current: CallState | null = null;

  function seedState(seed: string): [number, number, number, number] {
    // xmur3 string hash → four 32-bit words for sfc32.
    let h = 1779033703 ^ seed.length;
    for (let i = 0; i < seed.length; i++) {
      h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
      h = (h << 13) | (h >>> 19);
    }
    const next = (): number => {
      h = Math.imul(h ^ (h >>> 16), 2246822507);
      h = Math.imul(h ^ (h >>> 13), 3266489909);
      return (h ^= h >>> 16) >>> 0;
    };
    return [next(), next(), next(), next()];
  }

  let seedStateIdle: [number, number, number, number] | undefined;
  function random(): number {
    const s = current ? current.rand : (seedStateIdle ??= seedState("idle"));
    // sfc32
    const t = (((s[0] + s[1]) | 0) + s[3]) | 0;
    s[3] = (s[3] + 1) | 0;
    s[0] = s[1] ^ (s[1] >>> 9);
    s[1] = (s[2] + (s[2] << 3)) | 0;
    s[2] = (s[2] << 21) | (s[2] >>> 11);
    s[2] = (s[2] + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  const now = (): number => (current ? current.now : 0);

  // ---- remove what the memory limit or the clock cannot see ----
  const SAB = G["SharedArrayBuffer"] as { prototype: object } | undefined;
  if (SAB) delete (SAB.prototype as Record<string, unknown>)["grow"];
  for (const name of ["SharedArrayBuffer", "Atomics", "WebAssembly", "WeakRef", "FinalizationRegistry", "Temporal"]) delete G[name];
  const RealArrayBuffer = ArrayBuffer;
  delete (RealArrayBuffer.prototype as unknown as Record<string, unknown>)["resize"];
  const SafeArrayBuffer = function ArrayBuffer(this: unknown, length: unknown, options?: { maxByteLength?: unknown }): ArrayBuffer {
    if (new.target === undefined) throw new TypeError("Constructor ArrayBuffer requires 'new'");
    if (options !== undefined && options !== null && options.maxByteLength !== undefined) {
      throw new RangeError("resizable ArrayBuffers are disabled in the sandbox");
    }
    return construct(RealArrayBuffer, [length], new.target) as ArrayBuffer;
  };
  defineProperty(SafeArrayBuffer, "prototype", { value: RealArrayBuffer.prototype });
  defineProperty(SafeArrayBuffer, "isView", { value: RealArrayBuffer.isView, writable: true, configurable: true });
  defineProperty(SafeArrayBuffer, Symbol.species, { get: function (this: unknown) { return this; }, configurable: true });
  defineProperty(RealArrayBuffer.prototype, "constructor", { value: SafeArrayBuffer, writable: true, configurable: true });
  G["ArrayBuffer"] = SafeArrayBuffer;

  // V8 keeps large strings where isolated-vm's limit does not see them (a 256 MB string passes a
  // 32 MB limit). The methods that build a huge string in one step refuse one longer than the
  // plugin's whole memory limit; it could never fit in it.
  const StringProto = String.prototype as unknown as Record<string, (...args: unknown[]) => string>;
  const amplifiers: [string, (self: string, args: unknown[]) => number][] = [
    ["repeat", (self, args) => self.length * Number(args[0])],
    ["padStart", (_self, args) => Number(args[0])],
    ["padEnd", (_self, args) => Number(args[0])],
  ];
  for (const [name, resultLength] of amplifiers) {
    const original = StringProto[name]!;
    defineProperty(StringProto, name, {
      value: {
        [name](this: unknown, ...args: unknown[]): string {
          const self = typeof this === "string" ? this : String(this);
          if (resultLength(self, args) > config.maxStringChars) {
            throw sandboxError("memory_limit", `String.prototype.${name} would build a string over the plugin's memory limit (${config.maxStringChars} characters)`);
          }
          return apply(original, self, args) as string;
        },
      }[name],
      writable: true,
      configurable: true,
    });
  }

  // ---- the clock and randomness come from the call ----
  const SafeDate = function Date(this: unknown, ...args: unknown[]): unknown {
    if (new.target === undefined) return new RealDate(now()).toString();
    return construct(RealDate, args.length === 0 ? [now()] : args, new.target);
  };
  defineProperty(SafeDate, "length", { value: 7 });
  defineProperty(SafeDate, "prototype", { value: RealDate.prototype });
  for (const key of ["parse", "UTC"] as const) defineProperty(SafeDate, key, { value: RealDate[key], writable: true, configurable: true });
  defineProperty(SafeDate, "now", { value: function now_(): number { return now(); }, writable: true, configurable: true });
  defineProperty(RealDate.prototype, "constructor", { value: SafeDate, writable: true, configurable: true });
  G["Date"] = SafeDate;
  defineProperty(Math, "random", { value: random, writable: true, configurable: true });
  const dtf = Intl.DateTimeFormat.prototype as unknown as Record<string, unknown>;
  const formatGetter = getOwnPropertyDescriptor(dtf, "format")?.get;
  if (formatGetter) {
    defineProperty(dtf, "format", {
      get: function (this: unknown) {
        const f = apply(formatGetter, this, []) as (d?: unknown) => string;
        return (d?: unknown) => f(d === undefined ? now() : d);
      },
      configurable: true,
    });
  }
  const formatToParts = dtf["formatToParts"] as ((d?: unknown) => unknown) | undefined;
  if (formatToParts) {
    dtf["formatToParts"] = function (this: unknown, d?: unknown) {
      return apply(formatToParts, this, [d === undefined ? now() : d]);
    };
  }

  // RegExp's legacy statics ($1, lastMatch, ...) would carry the last match from one call to the next.
  for (const key of ownKeys(RegExp)) {
    if (typeof key === "string" && (key.startsWith("$") || ["input", "lastMatch", "lastParen", "leftContext", "rightContext"].includes(key))) {
      delete (RegExp as unknown as Record<string, unknown>)[key];
    }
  }

  // ---- the plugin's factory: its module body, re-run for every call ----
  const factory = new RealFunction(config.factoryBody) as () => unknown;

  // ---- no code generation from strings unless policy allows it ----
  if (!config.allowCodegen) {
    const protos = [
      getPrototypeOf(function () {}),
      getPrototypeOf(async function () {}),
      getPrototypeOf(function* () {}),
      getPrototypeOf(async function* () {}),
    ] as object[];
    for (const proto of protos) {
      const Stub = function Function(): never {
        throw new EvalError("code generation from strings is disabled in the sandbox");
      };
      defineProperty(Stub, "prototype", { value: proto });
      defineProperty(proto, "constructor", { value: Stub, writable: true, configurable: true });
      if (proto === RealFunction.prototype) G["Function"] = Stub;
    }
    delete G["eval"];
  }

  // ---- let plugins assign common inherited names on their own objects after the freeze ----
  function allowOverride(obj: object, name: PropertyKey): void {
    const d = getOwnPropertyDescriptor(obj, name);
    if (!d || !("value" in d) || !d.configurable) return;
    const value: unknown = d.value;
    defineProperty(obj, name, {
      get: function () {
        return value;
      },
      set: function (this: object, v: unknown) {
        if (this === obj) throw new TypeError(`Cannot assign to read only property '${String(name)}' of a frozen intrinsic`);
        defineProperty(this, name, { value: v, writable: true, enumerable: true, configurable: true });
      },
      enumerable: d.enumerable ?? false,
      configurable: false,
    });
  }
  const errorCtors = ["Error", "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError", "AggregateError"];
  for (const name of ["constructor", "toString", "valueOf", "toLocaleString", "hasOwnProperty"]) allowOverride(Object.prototype, name);
  for (const name of ["constructor", "toString"]) allowOverride(Function.prototype, name);
  for (const name of ["constructor", "toString", "push", "join"]) allowOverride(Array.prototype, name);
  for (const ctor of errorCtors) {
    const proto = (G[ctor] as { prototype: object } | undefined)?.prototype;
    if (proto) for (const name of ["constructor", "name", "message", "toString"]) allowOverride(proto, name);
  }

  // ---- host functions: arguments become bounded strings before they cross ----
  function callHost(op: string, args: unknown): unknown {
    const call = current;
    if (!call) throw sandboxError("call_ended", "host functions can only be used while the call runs");
    let text: string;
    try {
      text = stringify(args) ?? "null";
    } catch (e) {
      throw sandboxError("invalid_argument", `${op}: arguments must be JSON: ${safeString((e as Error).message, 200)}`);
    }
    if (text.length > config.maxHostArgChars) throw sandboxError("input_too_large", `${op}: arguments are ${text.length} characters; the limit is ${config.maxHostArgChars}`);
    const reply = hostCall(call.id, op, text);
    const kind = reply[0];
    if (kind === "O") return parse(reply.slice(1));
    if (kind === "E") {
      const err = parse(reply.slice(1)) as { code: string; message: string };
      throw sandboxError(err.code, err.message);
    }
    const opId = Number(reply.slice(1));
    return new RealPromise((resolve, reject) => {
      call.ops.set(opId, { resolve, reject });
    });
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

  // Composition: another capability, resolved by the host through the hub, within this call's time.
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

  function finish(call: CallState, outcome: string): void {
    if (current !== call) return;
    current = null;
    settle(call.id, outcome);
  }

  function run(callId: number, inputJson: string, clockMs: number, seed: string): string {
    const call: CallState = { id: callId, now: clockMs, rand: seedState(seed), logLines: 0, ops: new Map() };
    current = call;
    let value: unknown;
    try {
      const input: unknown = parse(inputJson);
      if (config.freezeInput) deepFreeze(input);
      const main = factory();
      if (typeof main !== "function") {
        current = null;
        return "E" + stringify({ code: "invalid_plugin", message: "the default export is not a function" });
      }
      value = (main as (input: unknown, h: unknown) => unknown)(input, host);
    } catch (e) {
      current = null;
      return errorOutcome(e);
    }
    let thenable = false;
    try {
      thenable = (typeof value === "object" || typeof value === "function") && value !== null && typeof (value as { then?: unknown }).then === "function";
    } catch (e) {
      current = null;
      return errorOutcome(e);
    }
    if (!thenable) {
      current = null;
      return resultOutcome(value);
    }
    const settled = new RealPromise<unknown>((resolve) => resolve(value));
    apply(promiseThen, settled, [
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
      op.reject(sandboxError(err.code, err.message));
    }
    return "";
  }

  /** Freezes everything reachable from the global object and the hidden intrinsics. */
  function hardenIntrinsics(): void {
    const protoOf = (make: () => unknown): unknown => {
      try {
        return getPrototypeOf(make());
      } catch {
        return undefined;
      }
    };
    const roots: unknown[] = [
      protoOf(() => ([] as unknown as { values(): { map(f: (x: unknown) => unknown): unknown } }).values().map((x) => x)),
      protoOf(() => (G["Iterator"] as { from(o: unknown): unknown }).from({ next: () => ({ done: true, value: undefined }) })),
      protoOf(() => new Intl.Segmenter().segment("a")),
      protoOf(() => new Intl.Segmenter().segment("a")[Symbol.iterator]()),
      G,
      getPrototypeOf(async function () {}),
      getPrototypeOf(function* () {}),
      getPrototypeOf(async function* () {}),
      getPrototypeOf((function* () {})()),
      getPrototypeOf((async function* () {})()),
      getPrototypeOf([][Symbol.iterator]()),
      getPrototypeOf(new Map().entries()),
      getPrototypeOf(new Set().values()),
      getPrototypeOf(""[Symbol.iterator]()),
      getPrototypeOf("a".matchAll(/a/g)),
      getPrototypeOf(Uint8Array),
      getOwnPropertyDescriptor(Function.prototype, "caller")?.get,
      SafeArrayBuffer,
      SafeDate,
    ];
    const seen = new Set<unknown>();
    while (roots.length > 0) {
      const o = roots.pop();
      if (o === null || (typeof o !== "object" && typeof o !== "function") || seen.has(o)) continue;
      seen.add(o);
      roots.push(getPrototypeOf(o));
      for (const key of ownKeys(o)) {
        const d = getOwnPropertyDescriptor(o, key);
        if (!d) continue;
        if ("value" in d) roots.push(d.value);
        else roots.push(d.get, d.set);
      }
    }
    for (const o of seen) freeze(o);
  }

  hardenIntrinsics();

  return function dispatch(kind, callId, a, b, c) {
    if (kind === "run") return run(callId, a as string, b as number, c as string);
    if (kind === "resolve") return resolveOp(callId, a as number, b as string);
    if (current && current.id === callId) current = null;
    return "";
  };
}
