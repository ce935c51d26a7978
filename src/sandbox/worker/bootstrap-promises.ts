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
 */
export interface PromiseTracking {
  /** Tracks a promise the engine made for the plugin (an async function's); returns it. */
  track<T>(p: T): T;
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
  const proto = RealPromise.prototype;
  const realThen = proto.then;
  const handled = new WeakSet<object>();
  let internal = false;
  let record: { rejected: Map<object, unknown>; notified: boolean; onFirst: () => void } | null = null;

  const onRejected = (p: object) => (reason: unknown): void => {
    const r = record;
    if (!r || handled.has(p)) return;
    r.rejected.set(p, reason);
    if (!r.notified) {
      r.notified = true;
      r.onFirst();
    }
  };

  function track<T>(p: T): T {
    if (internal || typeof p !== "object" || p === null) return p;
    internal = true;
    try {
      apply(realThen, p, [undefined, onRejected(p as object)]);
    } catch {
      // Not a promise: nothing to track.
    } finally {
      internal = false;
    }
    return p;
  }

  const TrackedPromise = function Promise(this: unknown, executor: unknown): object {
    if ((new.target as unknown) !== TrackedPromise) {
      throw new TypeError(new.target === undefined ? "Promise constructor cannot be invoked without 'new'" : "subclassing Promise is not supported in the sandbox");
    }
    return track(construct(RealPromise, [executor], TrackedPromise) as object);
  } as unknown as PromiseConstructor & Record<PropertyKey, unknown>;
  defineProperty(TrackedPromise, "prototype", { value: proto });
  defineProperty(TrackedPromise, "length", { value: 1 });
  defineProperty(TrackedPromise, Symbol.species, { get: function (this: unknown) { return this; }, configurable: true });
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
      if (typeof this === "object" && this !== null) {
        handled.add(this);
        record?.rejected.delete(this);
      }
      return apply(realThen, this, [onFulfilled, onRejected_]);
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
      value: { [name](this: unknown, ...args: unknown[]) { return track(apply(original, this, args)); } }[name],
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
