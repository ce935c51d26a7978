/**
 * The part of every plugin isolate's setup that does not depend on the plugin. It runs once per
 * worker inside the snapshot that new isolates start from (or, for a plugin policy allows code
 * generation, in a fresh isolate). Shipped as source text: no imports, no closures over this module;
 * it sees only its arguments and the isolate's own globals.
 *
 * - removes what escapes the memory limit or the clock (SharedArrayBuffer, Atomics, WebAssembly,
 *   resizable ArrayBuffers, WeakRef/FinalizationRegistry, Temporal) and, unless allowed, code
 *   generation from strings (eval, the Function constructors), keeping a private `eval` for the
 *   plugin's own factory; where policy allows it, eval and the four Function constructors are
 *   wrappers that have the worker rewrite the text for the promise tracker (generated-code.ts)
 *   before it compiles;
 * - makes `Date`, `Math.random` and Intl's default "now" read the call's clock and seed;
 * - replaces `Promise` so every promise a plugin creates is tracked (bootstrap-promises.ts), and
 *   `RegExp` with one that bounds the patterns it compiles (bootstrap-regexp.ts);
 * - bounds the built-ins that do a plugin's work in one step the call's timer cannot cut short
 *   (bootstrap-steps.ts, the long steps' in bootstrap-long-steps.ts, the array built-ins' in
 *   bootstrap-arrays.ts, Intl's in bootstrap-intl.ts);
 * - freezes every reachable intrinsic except those the engine still changes when it makes a
 *   context from the snapshot (`skipPaths`); `finishHardening` freezes the rest once the plugin's
 *   context exists.
 */
import type { PromiseTracking, promiseTracking as PromiseTrackingFn } from "./bootstrap-promises.ts";
import type { boundArrays as BoundArraysFn } from "./bootstrap-arrays.ts";
import type { boundIntl as BoundIntlFn } from "./bootstrap-intl.ts";
import type { boundLongSteps as BoundLongStepsFn } from "./bootstrap-long-steps.ts";
import type { safeRegExp as SafeRegExpFn } from "./bootstrap-regexp.ts";
import type { ONE_STEP_LIMITS, TypedArrayReads, boundOneStepBuiltins as BoundOneStepBuiltinsFn } from "./bootstrap-steps.ts";
import type { intrinsicRoots as IntrinsicRootsFn, resolvePath as ResolvePathFn } from "./intrinsics.ts";

export interface SandboxEnv {
  /** Sets the clock (`Date.now()`) and the `Math.random` seed of the call that starts. */
  startCall(now: number, seed: string): void;
  /** The plugin's memory limit in bytes: the longest string the amplifying String methods may build, the largest ArrayBuffer. */
  limits: { maxStringChars: number };
  promises: PromiseTracking;
  /** The engine's JSON.parse, for the sandbox's own texts (the plugin's is bounded: bootstrap-steps.ts). */
  jsonParse: typeof JSON.parse;
  /** %TypedArray%.prototype's length and kind getters (bootstrap-steps.ts). */
  typedArrays: TypedArrayReads;
  /** Errors the sandbox itself throws at the plugin; a plugin cannot forge membership. */
  ownErrors: WeakSet<object>;
  sandboxError(code: string, message: string): Error;
  /** Compiles the plugin's factory script (the one text the scan read), before code generation is off. */
  compile(source: string): unknown;
  /** Freezes what the snapshot could not, and the global object. Call once, after the plugin's globals are set. */
  finishHardening(extraRoots: unknown[]): void;
}

export interface EnvHelpers {
  intrinsicRoots: typeof IntrinsicRootsFn;
  resolvePath: typeof ResolvePathFn;
  promiseTracking: typeof PromiseTrackingFn;
  boundOneStepBuiltins: typeof BoundOneStepBuiltinsFn;
  boundLongSteps: typeof BoundLongStepsFn;
  boundArrays: typeof BoundArraysFn;
  boundIntl: typeof BoundIntlFn;
  safeRegExp: typeof SafeRegExpFn;
  oneStepLimits: typeof ONE_STEP_LIMITS;
  /** When policy allows code generation: the worker's compiler for generated code (generated-code.ts), a synchronous call out of the isolate. */
  codegen?: (kind: string, params: string, body: string) => string;
  /** The longest generated text the worker compiles (MAX_GENERATED_CHARS). */
  maxGeneratedChars?: number;
  /** Unicode property escapes one `new RegExp` pattern may hold (parser.ts's MAX_REGEXP_PROPERTIES). */
  maxRegExpProperties: number;
}

export function sandboxEnvironment(allowCodegen: boolean, skipPaths: readonly string[], helpers: EnvHelpers): SandboxEnv {
  "use strict";
  const G = globalThis as unknown as Record<string, unknown>;
  const { defineProperty, getOwnPropertyDescriptor, getPrototypeOf, setPrototypeOf, freeze, isFrozen } = Object;
  const ownKeys = Reflect.ownKeys;
  const construct = Reflect.construct;
  const apply = Reflect.apply;
  const RealFunction = Function;
  const RealDate = Date;
  const indirectEval = eval;

  // Objects the engine still changes when it makes a context from the snapshot, found before we touch anything.
  const pristineRoots = helpers.intrinsicRoots(G);
  const skip = new Set<unknown>();
  for (const path of skipPaths) {
    const o = helpers.resolvePath(pristineRoots, path);
    if (o !== undefined) skip.add(o);
  }

  const ownErrors = new WeakSet<object>();
  function sandboxError(code: string, message: string): Error {
    const e = new Error(message) as Error & { code: string };
    defineProperty(e, "code", { value: code, enumerable: true });
    ownErrors.add(e);
    return freeze(e);
  }

  const clock: { now: number; rand: [number, number, number, number] | null } = { now: 0, rand: null };
  const limits = { maxStringChars: 8 * 1024 * 1024 };

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
  const idleSeed = seedState("idle");
  function random(): number {
    const s = clock.rand ?? idleSeed;
    // sfc32
    const t = (((s[0] + s[1]) | 0) + s[3]) | 0;
    s[3] = (s[3] + 1) | 0;
    s[0] = s[1] ^ (s[1] >>> 9);
    s[1] = (s[2] + (s[2] << 3)) | 0;
    s[2] = (s[2] << 21) | (s[2] >>> 11);
    s[2] = (s[2] + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  const now = (): number => clock.now;

  // ---- remove what the memory limit or the clock cannot see ----
  const SAB = G["SharedArrayBuffer"] as { prototype: object } | undefined;
  if (SAB) delete (SAB.prototype as Record<string, unknown>)["grow"];
  // Deleted from the global object only in finishHardening: V8 adds to some of them (Atomics.pause)
  // while it makes a context from the snapshot, and aborts if they are gone.
  // AsyncDisposableStack and async iterators' Symbol.asyncDispose make promises inside the engine
  // that no wrapper sees (a disposer's rejection there would escape the call), so they go too.
  const removedGlobals = ["SharedArrayBuffer", "Atomics", "WebAssembly", "WeakRef", "FinalizationRegistry", "Temporal", "AsyncDisposableStack"];
  const asyncIteratorProto = getPrototypeOf(getPrototypeOf(getPrototypeOf((async function* () {})()))) as object;
  const dropAsyncDispose = (): void => {
    if (Symbol.asyncDispose) Reflect.deleteProperty(asyncIteratorProto, Symbol.asyncDispose);
  };
  // Here, and again in finishHardening in case the engine adds it back while it makes the context.
  dropAsyncDispose();
  const RealArrayBuffer = ArrayBuffer;
  delete (RealArrayBuffer.prototype as unknown as Record<string, unknown>)["resize"];
  const SafeArrayBuffer = function ArrayBuffer(this: unknown, length: unknown, options?: { maxByteLength?: unknown }): ArrayBuffer {
    if (new.target === undefined) throw new TypeError("Constructor ArrayBuffer requires 'new'");
    if (options !== undefined && options !== null && options.maxByteLength !== undefined) {
      throw new RangeError("resizable ArrayBuffers are disabled in the sandbox");
    }
    // ToIndex, once: the check and the real constructor both get this number (a valueOf is read once).
    const n = +(length as number);
    const index = n !== n ? 0 : Math.trunc(n);
    if (index < 0 || index > Number.MAX_SAFE_INTEGER) throw new RangeError("Invalid array buffer length");
    if (index > limits.maxStringChars) {
      throw sandboxError("memory_limit", `new ArrayBuffer(${index}) is over the plugin's memory limit (${limits.maxStringChars} bytes)`);
    }
    return construct(RealArrayBuffer, [index], new.target) as ArrayBuffer;
  };
  defineProperty(SafeArrayBuffer, "prototype", { value: RealArrayBuffer.prototype });
  defineProperty(SafeArrayBuffer, "isView", { value: RealArrayBuffer.isView, writable: true, configurable: true });
  defineProperty(SafeArrayBuffer, Symbol.species, { get: function (this: unknown) { return this; }, configurable: true });
  defineProperty(RealArrayBuffer.prototype, "constructor", { value: SafeArrayBuffer, writable: true, configurable: true });
  G["ArrayBuffer"] = SafeArrayBuffer;

  // Built-ins that work in one step the call's timer cannot cut short: bounded (bootstrap-steps.ts,
  // bootstrap-long-steps.ts, bootstrap-arrays.ts, bootstrap-intl.ts). Before the RegExp wrapper:
  // their own regexp is made with the engine's RegExp. The long steps after the one-step wrappers,
  // which they keep. The arrays before Intl: Intl's Array.prototype.toLocaleString bounds its
  // locale list and then calls the arrays' wrapper, which bounds the length.
  const { jsonParse, intl, arrays, longSteps, typedArrays, succeeds } = helpers.boundOneStepBuiltins(G, helpers.oneStepLimits, limits, sandboxError);
  helpers.boundLongSteps(G, helpers.oneStepLimits, longSteps, sandboxError);
  helpers.boundArrays(G, limits, arrays, sandboxError);
  helpers.boundIntl(G, helpers.oneStepLimits, intl, sandboxError);

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

  // RegExp: its legacy statics removed, patterns bounded (bootstrap-regexp.ts).
  const { SafeRegExp, copyStatics: copyRegExpStatics } = helpers.safeRegExp(G, helpers.maxRegExpProperties, helpers.oneStepLimits.regexpPatternChars, succeeds);

  const promises = helpers.promiseTracking(G);

  // Every loop's body starts with a call of this (module-transform.ts's TICK): an entry into a
  // JavaScript function, where V8 stops a call that is out of time. A constant of the global object
  // (plugin code may not name it, nor replace or delete it): optimized code inlines the call to
  // nothing, where a binding of the factory costs a check each iteration (+20% on a 10^6-step sum).
  defineProperty(G, "__capsmith_tick", { value: freeze(function __capsmith_tick(): void {}) });

  // ---- code generation from strings: off, or (policy allows it) through the tracker's transform ----
  const codeConstructors: [object, string, string][] = [
    [getPrototypeOf(function () {}) as object, "function", "Function"],
    [getPrototypeOf(async function () {}) as object, "async function", "AsyncFunction"],
    [getPrototypeOf(function* () {}) as object, "function*", "GeneratorFunction"],
    [getPrototypeOf(async function* () {}) as object, "async function*", "AsyncGeneratorFunction"],
  ];
  if (!allowCodegen) {
    for (const [proto] of codeConstructors) {
      const Stub = function Function(): never {
        throw new EvalError("code generation from strings is disabled in the sandbox");
      };
      defineProperty(Stub, "prototype", { value: proto });
      defineProperty(proto, "constructor", { value: Stub, writable: true, configurable: true });
      if (proto === RealFunction.prototype) G["Function"] = Stub;
    }
    delete G["eval"];
  } else {
    const codegen = helpers.codegen;
    delete G["__capsmith_codegen"];
    if (typeof codegen !== "function") throw new Error("code generation is allowed but the worker gave no compiler for it");
    // The transformed code calls the tracker by this name (module-transform.ts's TRACK) with the
    // async arrow that makes the promise; generated code runs in the global scope, and may not
    // declare names starting with __capsmith. Any plugin code can call it too, with a function of
    // its own: a result with own properties is left alone, since attaching a handler reads
    // `p.constructor`, and a getter there would run plugin code while the tracker ignores new
    // promises. So is one whose prototype is not Promise.prototype (frozen, its `constructor` a
    // data property): a swapped prototype holds the getter as well. The transform only passes
    // promises just made, and every promise a plugin can hold was tracked when it was made.
    const track = promises.track;
    defineProperty(G, "__capsmith_track", {
      value: function __capsmith_track(make: (...args: unknown[]) => unknown, args?: ArrayLike<unknown>, newTarget?: unknown): unknown {
        return track(make, args, newTarget, true);
      },
    });
    const parseJson = jsonParse;
    const maxGenerated = helpers.maxGeneratedChars ?? 0;
    const generated = (kind: string, params: string, body: string): unknown => {
      // Refused here as well, before a huge string is copied out of the isolate.
      if (params.length + body.length > maxGenerated) {
        throw sandboxError("scan_rejected", `generated code is ${params.length + body.length} characters; the limit is ${maxGenerated}. Generate smaller pieces, or write the code into the plugin itself`);
      }
      const reply = codegen(kind, params, body);
      if (reply[0] === "O") return indirectEval(reply.slice(1));
      if (reply[0] === "S") throw new SyntaxError(reply.slice(1));
      const refused = parseJson(reply.slice(1)) as { code: string; message: string };
      throw sandboxError(refused.code, refused.message);
    };
    // An indirect eval: the text runs in the global scope, as strict mode code (generated-code.ts).
    G["eval"] = { eval: (x: unknown): unknown => (typeof x === "string" ? generated("eval", "", x) : x) }.eval;
    for (const [proto, kind, name] of codeConstructors) {
      const Wrapper = function (this: unknown, ...args: unknown[]): unknown {
        // Every argument becomes a string first, in order, as the engine's own constructor does.
        let params = "";
        for (let i = 0; i < args.length - 1; i++) params += (i > 0 ? "," : "") + `${args[i] as string}`;
        const body = args.length > 0 ? `${args[args.length - 1] as string}` : "";
        const fn = generated(kind, params, body) as object;
        // `class F extends Function {}`: the function is an F, as the engine would make it.
        const target = new.target as { prototype?: unknown } | undefined;
        if (target !== undefined && target !== Wrapper && typeof target.prototype === "object" && target.prototype !== null) setPrototypeOf(fn, target.prototype);
        return fn;
      };
      defineProperty(Wrapper, "name", { value: name });
      defineProperty(Wrapper, "length", { value: 1 });
      defineProperty(Wrapper, "prototype", { value: proto });
      defineProperty(proto, "constructor", { value: Wrapper, writable: true, configurable: true });
      if (proto === RealFunction.prototype) G["Function"] = Wrapper;
    }
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

  /** Freezes everything reachable from the roots; with `stopAtFrozen`, what is frozen already is taken as done. */
  function harden(roots: unknown[], stopAtFrozen: boolean): void {
    const seen = new Set<unknown>();
    const stack = [...roots];
    while (stack.length > 0) {
      const o = stack.pop();
      if (o === null || (typeof o !== "object" && typeof o !== "function") || seen.has(o)) continue;
      if (stopAtFrozen && isFrozen(o)) continue;
      seen.add(o);
      stack.push(getPrototypeOf(o));
      for (const key of ownKeys(o)) {
        const d = getOwnPropertyDescriptor(o, key);
        if (!d) continue;
        if ("value" in d) stack.push(d.value);
        else stack.push(d.get, d.set);
      }
    }
    for (const o of seen) if (!skip.has(o) && o !== G) freeze(o);
  }

  const roots: unknown[] = helpers.intrinsicRoots(G).map(([o]) => o);
  roots.push(SafeArrayBuffer, SafeDate, SafeRegExp, ...promises.hardenLater);
  for (const o of promises.hardenLater) skip.add(o);
  // Frozen in finishHardening, once V8 has added what it adds to RegExp while making the context.
  skip.add(SafeRegExp);
  harden(roots, false);

  return {
    startCall(callNow: number, seed: string): void {
      clock.now = callNow;
      clock.rand = seedState(seed);
    },
    limits,
    promises,
    jsonParse,
    typedArrays,
    ownErrors,
    sandboxError,
    compile(source: string): unknown {
      return indirectEval(source);
    },
    finishHardening(extraRoots: unknown[]): void {
      for (const name of removedGlobals) delete G[name];
      dropAsyncDispose();
      promises.complete();
      copyRegExpStatics();
      // What was skipped is unfrozen, and often reachable only through objects frozen already
      // (DataView.prototype through DataView, %IteratorPrototype% through Iterator): start from it
      // too, or a walk that stops at frozen objects never reaches it.
      const skipped = [...skip];
      skip.clear();
      harden([...skipped, ...roots, ...extraRoots, ...pristineRoots.map(([o]) => o)], true);
      freeze(G);
    },
  };
}
