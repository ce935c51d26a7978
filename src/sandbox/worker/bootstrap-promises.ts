/**
 * Every promise a plugin creates is tracked from the moment it exists, so a rejection nobody
 * handles is found inside the call's time and reported as the call's error (read with the
 * plugin's getters running under the call's timer), instead of escaping to isolated-vm, which
 * would copy the reason out after the timer (a looping getter then wedges the worker).
 *
 * Shipped into isolates as source text (see bootstrap-env.ts): no imports, no closures over this
 * module. What makes a promise, and how each is caught:
 * - `Promise` (and `new`, statics, `then`/`catch`/`finally` via species): replaced by a tracking
 *   constructor that refuses subclasses (a subclass controls species lookups);
 * - async functions: the module transform passes each one's promise to `track` (code generated at
 *   run time goes through the same transform first: generated-code.ts);
 * - async generators' next/return/throw and `Array.fromAsync`: wrapped (async disposal, which makes
 *   promises no wrapper sees, is removed: bootstrap-env.ts).
 * A tracked promise gets a rejection handler at once; the plugin's own `then` (which `await`
 * reaches too, because the constructor is not the intrinsic one) marks it handled.
 *
 * At the edge of the stack too: a promise the tracker makes gets its handler before any plugin
 * code runs, and one the engine makes (`track`) gets it with no call that could overflow in
 * between. A promise that escaped the tracker would be found by isolated-vm at the end of the
 * task, after the call's timer, which reads its reason's getters with nothing to stop them.
 */
export interface PromiseTracking {
  /**
   * Calls `make` (which makes a promise inside the engine: an async function's), with `args` if
   * given (an async function's arguments, for the arrow that takes its parameters: module-transform.ts),
   * and tracks what it returns; returns it. `newTarget`: the async function's `new.target`, which
   * refuses `new` (TypeError) as the engine refuses it for an async function (module-transform.ts).
   * `plainOnly`: leaves alone anything but a promise with no own properties and the intrinsic
   * prototype (for callers that may be plugin code).
   */
  track<T>(make: (...args: unknown[]) => T, args?: ArrayLike<unknown>, newTarget?: unknown, plainOnly?: boolean): T;
  /** Starts recording for a call; `onFirst` is called (inside the isolate) at its first rejection. */
  begin(onFirst: () => void): void;
  /** The oldest rejection still unhandled, if any. */
  unhandled(): { reason: unknown } | undefined;
  end(): void;
  /** Objects that must stay unfrozen until `complete()` (the engine adds statics to Promise late). */
  hardenLater: unknown[];
  complete(): void;
  RealPromise: PromiseConstructor;
  realThen: typeof Promise.prototype.then;
}

export function promiseTracking(G: Record<string, unknown>): PromiseTracking {
  "use strict";
  const { defineProperty, getOwnPropertyDescriptor, getPrototypeOf } = Object;
  const apply = Reflect.apply;
  const construct = Reflect.construct;
  const ownKeys = Reflect.ownKeys;
  const RealPromise = G["Promise"] as PromiseConstructor;
  const RealTypeError = G["TypeError"] as TypeErrorConstructor;
  const proto = RealPromise.prototype;
  const realThen = proto.then;
  const withResolvers = RealPromise.withResolvers;
  const handled = new WeakSet<object>();
  let record: { rejected: Map<object, unknown>; notified: boolean; onFirst: () => void } | null = null;

  /**
   * The engine's TypeError for `new` of an async function, which the transform made a plain
   * function. The engine names the expression `new` was given (`new o.f()`: "o.f is not a
   * constructor"); this names the function, as the expression usually does (`new f()`). Its name
   * is read as a data property: no getter runs.
   */
  function notConstructor(f: unknown): TypeError {
    const name = typeof f === "function" ? getOwnPropertyDescriptor(f, "name")?.value : undefined;
    return new RealTypeError(`${typeof name === "string" && name !== "" ? name : "(intermediate value)"} is not a constructor`);
  }

  /** The tracker's rejection handler for `p` (it runs in a microtask, at the top of the stack). */
  function rejected(p: object, reason: unknown): void {
    const r = record;
    if (!r || handled.has(p)) return;
    r.rejected.set(p, reason);
    if (!r.notified) {
      r.notified = true;
      r.onFirst();
    }
  }

  /**
   * What `Promise[Symbol.species]` answers: the tracking constructor, except while the tracker
   * attaches its own handler, when it is the intrinsic one (the derived promise is then made by
   * the engine, with no function of ours called). The getter is a bound built-in reading this slot,
   * not a function of ours, for the same reason.
   */
  const species: { C: unknown } = { C: undefined };

  /**
   * Between the moment a promise exists and the moment it carries the tracker's handler, the
   * tracker calls no function of its own (the attach is written out here and in TrackedPromise,
   * not called), only built-ins: a call to a JavaScript function can throw a RangeError near the
   * end of the stack (for its frame, or for compiling it, which wants tens of KB of headroom), a
   * built-in neither checks the stack limit nor compiles. `make` is called from here for the same
   * reason: at the edge of the stack it overflows before its promise exists, or its promise is
   * tracked. (The handler closure is compiled when it first runs, in a microtask.)
   */
  function track<T>(make: (...args: unknown[]) => T, args?: ArrayLike<unknown>, newTarget?: unknown, plainOnly = false): T {
    // Before any promise exists, so the throw may call what it likes.
    if (newTarget !== undefined) throw notConstructor(newTarget);
    // Through `Reflect.apply` (a built-in) when there are arguments: still no function of ours in between.
    const p = args === undefined ? make() : (apply(make, undefined, args) as T);
    if (typeof p !== "object" || p === null) return p;
    if (plainOnly && (getPrototypeOf(p) !== proto || ownKeys(p).length > 0)) return p;
    species.C = RealPromise;
    try {
      apply(realThen, p, [undefined, (reason: unknown) => rejected(p, reason)]);
    } finally {
      species.C = TrackedPromise;
    }
    return p;
  }

  const TrackedPromise = function Promise(this: unknown, executor: unknown): object {
    if ((new.target as unknown) !== TrackedPromise) {
      throw new TypeError(new.target === undefined ? "Promise constructor cannot be invoked without 'new'" : "subclassing Promise is not supported in the sandbox");
    }
    // The engine's own TypeError for an executor that is not a function.
    if (typeof executor !== "function") return construct(RealPromise, [executor], TrackedPromise) as object;
    // Made and tracked before the plugin's executor runs (built-ins only, see above).
    const { promise, resolve, reject } = apply(withResolvers, RealPromise, []) as PromiseWithResolvers<unknown>;
    species.C = RealPromise;
    try {
      apply(realThen, promise, [undefined, (reason: unknown) => rejected(promise, reason)]);
    } finally {
      species.C = TrackedPromise;
    }
    try {
      (executor as (a: typeof resolve, b: typeof reject) => void)(resolve, reject);
    } catch (e) {
      reject(e);
    }
    return promise;
  } as unknown as PromiseConstructor & Record<PropertyKey, unknown>;
  species.C = TrackedPromise;
  defineProperty(TrackedPromise, "prototype", { value: proto });
  defineProperty(TrackedPromise, "length", { value: 1 });
  // `Reflect.get.bind(undefined, species, "C")`: a built-in whose `this` is ignored.
  defineProperty(TrackedPromise, Symbol.species, { get: apply(Function.prototype.bind, Reflect.get, [undefined, species, "C"]) as () => unknown, configurable: true });
  defineProperty(proto, "constructor", { value: TrackedPromise, writable: true, configurable: true });

  function copyStatics(): void {
    for (const key of ownKeys(RealPromise)) {
      if (key === "length" || key === "name" || key === "prototype" || key === Symbol.species || getOwnPropertyDescriptor(TrackedPromise, key)) continue;
      const original = getOwnPropertyDescriptor(RealPromise, key)?.value as ((...args: unknown[]) => unknown) | undefined;
      if (typeof original !== "function") continue;
      // `this` passes through (statics use it as the constructor); results made with it are tracked.
      const name = String(key);
      defineProperty(TrackedPromise, key, {
        value: { [name](this: unknown, ...args: unknown[]) { return apply(original, this, args); } }[name],
        writable: true,
        configurable: true,
      });
    }
  }
  copyStatics();
  G["Promise"] = TrackedPromise;

  defineProperty(proto, "then", {
    value: function then(this: unknown, onFulfilled: unknown, onRejected_: unknown): unknown {
      // Handled only once the handler is attached: a `then` that overflows the stack while it
      // builds the derived promise leaves the rejection unhandled, and so reported, not dropped.
      const derived = apply(realThen, this, [onFulfilled, onRejected_]);
      if (typeof this === "object" && this !== null) {
        handled.add(this);
        record?.rejected.delete(this);
      }
      return derived;
    },
    writable: true,
    configurable: true,
  });

  /** Wraps a built-in method that returns a promise the engine makes itself. */
  function trackResult(owner: object | undefined, key: PropertyKey): void {
    if (!owner) return;
    const original = getOwnPropertyDescriptor(owner, key)?.value as ((...args: unknown[]) => unknown) | undefined;
    if (typeof original !== "function") return;
    const name = typeof key === "symbol" ? `[${key.description ?? ""}]` : key;
    defineProperty(owner, key, {
      value: { [name](this: unknown, ...args: unknown[]) { return track(() => apply(original, this, args)); } }[name],
      writable: true,
      configurable: true,
    });
  }
  const asyncGenProto = getPrototypeOf(getPrototypeOf((async function* () {})())) as object;
  for (const key of ["next", "return", "throw"]) trackResult(asyncGenProto, key);
  trackResult(G["Array"] as object, "fromAsync");

  return {
    track,
    begin(onFirst) {
      record = { rejected: new Map(), notified: false, onFirst };
    },
    unhandled() {
      if (!record) return undefined;
      for (const [p, reason] of record.rejected) {
        if (!handled.has(p)) return { reason };
      }
      return undefined;
    },
    end() {
      record = null;
    },
    hardenLater: [TrackedPromise],
    complete: copyStatics,
    RealPromise,
    realThen,
  };
}
