/**
 * The long steps: built-ins that take milliseconds a call on what the memory limit allows (a typed
 * array's walk, a string's scan, an object's keys), bounded so a run of them, whoever makes it,
 * stops at the call's deadline. Shipped into isolates as source text (see bootstrap-env.ts): no
 * imports, no closures over this module.
 *
 * bootstrap-steps.ts bounds what one call alone would hold past the grace; this file is for what
 * is long only when repeated, or only on some inputs:
 * - each long built-in becomes a JavaScript function that calls it (`passThrough`), so every call
 *   is an interrupt check even when the engine makes it (a callback, getter or trap that is a
 *   built-in) or straight-line code does;
 * - a typed array's join, toLocaleString and default sort are bounded by its length, and the
 *   functions that list or copy an object's keys by a string source's length (`stringKeyChars`);
 * - lastIndexOf's naive search runs as windowed native searches once its worst case is long.
 * The bounds are ONE_STEP_LIMITS's; the shared checks come from what boundOneStepBuiltins returns.
 */
import type { LongStepHelpers, ONE_STEP_LIMITS } from "./bootstrap-steps.ts";

export function boundLongSteps(
  G: Record<string, unknown>,
  bounds: typeof ONE_STEP_LIMITS,
  helpers: LongStepHelpers,
  sandboxError: (code: string, message: string) => Error,
): void {
  "use strict";
  const apply = Reflect.apply;
  const { min, max: maxOf, trunc } = Math;
  const { install, succeeds, isProxy, thisString, typedArrays } = helpers;
  const StringProto = (G["String"] as StringConstructor).prototype as unknown as Record<string, (...args: unknown[]) => unknown>;

  // lastIndexOf searches backwards naively: at each position it compares up to the whole needle,
  // so a 1 M-character needle in a 2 M-character haystack is 10^12 comparisons in one step (a
  // 100,000-character needle in 200,000: 12.7 s). A search whose worst case passes
  // `lastIndexOfWork` runs as native searches of windows from the end, each within the bound, with
  // a function entry between them, where the call's timer stops it: the same answer, stoppable.
  const lastIndexOf = StringProto["lastIndexOf"]!;
  const slice = StringProto["slice"]!;
  const pause = (): void => {};
  install(StringProto, "lastIndexOf", {
    lastIndexOf(this: unknown, searchString: unknown, position?: unknown): unknown {
      if (this === undefined || this === null) return apply(lastIndexOf, this, [searchString, position]);
      const self = thisString(this);
      const search = thisString(searchString);
      const numPos = +(position as number);
      const m = search.length;
      if (m === 0 || m > self.length) return apply(lastIndexOf, self, [search, numPos]);
      const start = min(maxOf(numPos !== numPos ? Infinity : trunc(numPos), 0), self.length - m);
      if ((start + 1) * m <= bounds.lastIndexOfWork) return apply(lastIndexOf, self, [search, numPos]);
      const step = maxOf(1, trunc(bounds.lastIndexOfWork / m));
      for (let hi = start; hi >= 0; hi -= step) {
        pause();
        const lo = maxOf(0, hi - step + 1);
        const found = apply(lastIndexOf, apply(slice, self, [lo, hi + m]), [search]) as number;
        if (found >= 0) return lo + found;
      }
      return -1;
    },
  }.lastIndexOf, lastIndexOf);

  // A built-in the engine itself calls — a callback, getter, Proxy trap or iterator `next` that is
  // a built-in, handed to forEach, map, sort's comparator, JSON.parse's reviver, an `instanceof`
  // over a Proxy — runs with no function entry between its calls, and so does a run of statements
  // calling it: neither meets the loops' tick (module-transform.ts; attack-tick.test.ts:
  // `new Array(1e4).fill(0).forEach(Uint8Array.prototype.reverse, t)` over 30 MB, 10,000 reverses
  // in one step). The built-ins below take milliseconds a call on what the memory limit allows (a
  // typed array's walk, a string's scan, an object's keys), so each becomes a JavaScript function
  // that calls it with the same `this` and arguments (their count too): every call an entry,
  // whoever makes it. Those wrapped already (bootstrap-steps.ts runs first, and lastIndexOf above)
  // keep their wrappers.
  // `check`, when given, sees `this` and the arguments first and may refuse the call.
  const passThrough = (owner: Record<string, unknown>, names: readonly string[], check?: (name: string, self: unknown, args: unknown[]) => void): void => {
    for (const name of names) {
      const original = owner[name] as ((...args: unknown[]) => unknown) | undefined;
      if (typeof original !== "function") continue;
      install(owner, name, {
        [name](this: unknown, ...args: unknown[]): unknown {
          check?.(name, this, args);
          return apply(original, this, args);
        },
      }[name]!, original);
    }
  };
  const typedProto = Object.getPrototypeOf((G["Uint8Array"] as typeof Uint8Array).prototype) as Record<string, unknown>;
  const { length: typedLength, kind: typedKind } = typedArrays;
  passThrough(typedProto, ["copyWithin", "every", "fill", "filter", "find", "findIndex", "findLast", "findLastIndex", "forEach", "includes", "indexOf", "lastIndexOf", "map", "reduce", "reduceRight", "reverse", "set", "slice", "some", "toReversed", "with"]);
  // And a bound where one call alone outlasts the grace: turning every element into text (a double
  // ~1 µs on a loaded machine, locale formatting more) and the default sort.
  passThrough(typedProto, ["join", "toLocaleString", "sort", "toSorted"], (name, self, args) => {
    const kind = apply(typedKind, self, []) as string | undefined;
    if (kind === undefined) return; // not a typed array: the built-in throws its TypeError
    const wide = kind.startsWith("Float") || kind.startsWith("Big");
    const max = name === "toLocaleString" ? bounds.typedLocaleElements : name === "join" ? (wide ? bounds.typedJoinWideElements : bounds.typedJoinElements) : args[0] === undefined ? bounds.typedSortElements : Infinity;
    const n = apply(typedLength, self, []) as number;
    if (n > max) throw sandboxError("input_too_large", `${kind}.prototype.${name} of ${n} elements; in the sandbox it takes at most ${max} in one call (V8 does not stop it for the call's time limit). Work on subarrays`);
  });
  passThrough(StringProto, ["indexOf", "includes", "split", "trim", "trimStart", "trimEnd", "startsWith", "endsWith", "isWellFormed", "toWellFormed"]);
  passThrough(JSON as unknown as Record<string, unknown>, ["stringify", "rawJSON"]);
  // A string, or a String object, has an own key for each of its characters, and the engine lays
  // them out one by one (~0.3-1 µs each: 1 M characters took 0.25 s for getOwnPropertyNames, 0.5 s
  // for Object.keys, 1.0 s for entries or an assign from it; 2 M, past the grace): the functions
  // that list or copy an object's keys are bounded by a string source's length (stringKeyChars).
  const stringValueOf = StringProto["valueOf"]!;
  const isArray = Array.isArray;
  const hasOwn = Object.hasOwn;
  /** The characters whose keys `x` has as a string source: a string's, a String object's, else 0. */
  const stringKeys = (x: unknown): number => {
    if (typeof x === "string") return x.length;
    // Only a String object has both an own `length` and a string inside (no trap is asked: a
    // Proxy's keys are its handler's JavaScript, or its target's, which is checked when listed).
    if (typeof x !== "object" || x === null || isArray(x) || isProxy(x) || !hasOwn(x, "length") || !succeeds(stringValueOf, x, [])) return 0;
    return (apply(stringValueOf, x, []) as string).length;
  };
  /** Refuses `n` string keys past stringKeyChars for `owner.name` (the name made only then: these run in hot loops). */
  const refuseStringKeys = (owner: string, name: string, n: number): void => {
    if (n <= bounds.stringKeyChars) return;
    throw sandboxError("input_too_large", `${owner}.${name} was given a string (or String object) of ${n} characters, each an own key; in the sandbox it lists at most ${bounds.stringKeyChars} such keys in one call (V8 does not stop it for the call's time limit). Work on the string itself (indexing, slice, split)`);
  };
  // Their own wrappers, not passThrough's: its call sites are shared by every wrapper it makes, and
  // a check called there is not inlined (Object.keys of small objects cost twice its time).
  const keyLists: [Record<string, unknown>, string, string, number, boolean][] = [
    [Object as unknown as Record<string, unknown>, "Object", "keys", 0, false],
    [Object as unknown as Record<string, unknown>, "Object", "values", 0, false],
    [Object as unknown as Record<string, unknown>, "Object", "entries", 0, false],
    [Object as unknown as Record<string, unknown>, "Object", "getOwnPropertyNames", 0, false],
    [Object as unknown as Record<string, unknown>, "Object", "getOwnPropertyDescriptors", 0, false],
    [Object as unknown as Record<string, unknown>, "Object", "defineProperties", 1, false],
    [Object as unknown as Record<string, unknown>, "Object", "assign", 1, true],
    [Reflect as unknown as Record<string, unknown>, "Reflect", "ownKeys", 0, false],
  ];
  // `at`: where the string source is; `all`: every argument from there on is one (assign's sources).
  for (const [owner, ownerName, name, at, all] of keyLists) {
    const original = owner[name] as (...args: unknown[]) => unknown;
    install(owner, name, {
      // `arguments`, not `...args`: Object.keys sits in hot loops, where a rest array is one more allocation a call.
      [name](this: unknown): unknown {
        // eslint-disable-next-line prefer-rest-params -- see above
        const args = arguments;
        let n = stringKeys(args[at]);
        if (all) for (let i = at + 1; i < args.length; i++) n += stringKeys(args[i]);
        if (n > bounds.stringKeyChars) refuseStringKeys(ownerName, name, n);
        return apply(original, this, args);
      },
    }[name]!, original);
  }
  passThrough(Object as unknown as Record<string, unknown>, ["freeze", "fromEntries", "groupBy", "seal"]);
  // Object.create is in hot code; its list of properties is rare: only a call with one is checked.
  const objectCreate = Object.create;
  install(Object, "create", {
    create(proto: object | null, properties?: PropertyDescriptorMap): unknown {
      if (properties === undefined) return objectCreate(proto);
      refuseStringKeys("Object", "create", stringKeys(properties));
      return objectCreate(proto, properties);
    },
  }.create, objectCreate);
  passThrough(G["Map"] as Record<string, unknown>, ["groupBy"]);
  passThrough(G["RegExp"] as Record<string, unknown>, ["escape"]);

}
