/**
 * The array built-ins bounded as the one-step built-ins are (bootstrap-steps.ts). Shipped into
 * isolates as source text (see bootstrap-env.ts): no imports, no closures over this module.
 *
 * `Array(1e8)`, `a.length = 1e8` and an array-like `{ length: 2 ** 53 - 1 }` cost a plugin nothing,
 * and a built-in that builds or walks every index of one does it in one C++ step the call's timer
 * cannot cut short (1e8: 1.5-2 s; `sort` of length 2 ** 32 - 1 sizes its work list at once and
 * aborts the worker). So, wherever a built-in would build or walk every index in one step, the
 * length is bounded by the plugin's memory limit at ARRAY_ELEMENT_BYTES an element: `memory_limit`
 * where it would build an array that long, `input_too_large` where it would walk one.
 * - Array.from of an array-like reads the length once and copies the elements here, in JavaScript;
 * - the length-walking Array.prototype methods and String.raw get a receiver whose length a second
 *   read cannot change (`walkable`): a real array, a steady length, a Proxy (recorded in a WeakSet
 *   by the sandbox's Proxy, and handed over as itself), or a view with the length read once;
 * - fill gets its range computed once, as numbers;
 * - concat, flat and flatMap are the spec's steps in JavaScript (an element's getter may lengthen
 *   a later item, and nested arrays have lengths of their own), the result bounded as it grows.
 */
import type { ArrayHelpers } from "./bootstrap-steps.ts";

export function boundArrays(
  G: Record<string, unknown>,
  limits: { maxStringChars: number },
  helpers: ArrayHelpers,
  sandboxError: (code: string, message: string) => Error,
): void {
  "use strict";
  /** Bytes one array element takes at least (a tagged pointer, 64-bit without pointer compression). */
  const ARRAY_ELEMENT_BYTES = 8;
  /** Elements one native join or toLocaleString may turn into text (64 Ki numbers: ~25 ms); longer ones go window by window. */
  const JOIN_WINDOW = 64 * 1024;
  const { defineProperty, getPrototypeOf, getOwnPropertyDescriptor, create } = Object;
  const apply = Reflect.apply;
  const construct = Reflect.construct;
  const { min, max: maxOf, trunc } = Math;
  const MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER;
  const { install, toInteger, isObject, succeeds, isProxy, typedArrays } = helpers;

  // Array.from of an array-like fills `length` elements in one step, past the isolate's heap limit
  // before it can say so (the host killed the worker): the length is read once and bounded by the
  // memory limit, as ArrayBuffer's is, and the elements are copied here, where a loop stops.
  const RealArray = G["Array"] as ArrayConstructor;
  const arrayFrom = RealArray.from;
  const isArray = RealArray.isArray;
  const arrayValues = RealArray.prototype.values;
  const ArrayPrototype = RealArray.prototype as object;
  const noop = function (): void {};
  /** The spec's IsConstructor: whether `f` may be `new`'s target (nothing is called to find out; Reflect.construct refuses any other). */
  const isConstructor = (f: unknown): boolean => typeof f === "function" && succeeds(construct, undefined, [noop, [], f]);
  const overArrayMemory = (what: string, n: number): Error =>
    sandboxError("memory_limit", `${what} would make ${n} elements (${n * ARRAY_ELEMENT_BYTES} bytes), over the plugin's memory limit (${limits.maxStringChars} bytes)`);
  /** An array made by the engine's own Array (its prototype is frozen: no index setter on the way). */
  const ordinaryArray = (A: object): boolean => isArray(A) && getPrototypeOf(A) === ArrayPrototype;
  /** The spec's CreateDataPropertyOrThrow(A, n, v): an assignment on an ordinary array, a definition on anything else. */
  const putAt = (A: Record<number, unknown>, ordinary: boolean, n: number, v: unknown): void => {
    if (ordinary) A[n] = v;
    else defineProperty(A, n, { value: v, writable: true, enumerable: true, configurable: true });
  };
  /** The spec's ToLength. */
  const toLength = (x: unknown): number => min(maxOf(toInteger(x), 0), MAX_SAFE_INTEGER);
  install(RealArray, "from", {
    from(this: unknown, items: unknown, mapfn?: unknown, thisArg?: unknown): unknown {
      if ((mapfn !== undefined && typeof mapfn !== "function") || items === undefined || items === null) return apply(arrayFrom, this, [items, mapfn, thisArg]);
      const usingIterator = (items as Record<symbol, unknown>)[Symbol.iterator];
      // An array with the built-in iterator: the engine's fast path (the generic one is ~40x slower).
      // Its length is a data property, bounded here, so a second read of the iterator that answers
      // nothing (the engine then reads it as an array-like) still copies at most that many.
      if (isArray(items) && usingIterator === arrayValues) {
        if (items.length * ARRAY_ELEMENT_BYTES > limits.maxStringChars) throw overArrayMemory("Array.from", items.length);
        // As called: the engine's fast path needs `items` to be its only argument.
        // eslint-disable-next-line prefer-rest-params
        return apply(arrayFrom, this, arguments);
      }
      if (usingIterator !== undefined && usingIterator !== null) {
        // The engine's iteration, on the method read here (a getter is not read twice).
        return apply(arrayFrom, this, [{ [Symbol.iterator]: () => apply(usingIterator as () => unknown, items, []) }, mapfn, thisArg]);
      }
      const arrayLike = Object(items) as Record<number | string, unknown>;
      const length = toLength(arrayLike["length"]);
      if (length * ARRAY_ELEMENT_BYTES > limits.maxStringChars) throw overArrayMemory("Array.from", length);
      // `this` a constructor other than Array (a subclass): the array is made by it, as natively.
      const fresh = !isConstructor(this) || this === RealArray;
      const A = (fresh ? new RealArray(length) : construct(this as new (n: number) => unknown, [length])) as Record<number | string, unknown>;
      for (let k = 0; k < length; k++) {
        const v = mapfn === undefined ? arrayLike[k] : apply(mapfn as (v: unknown, k: number) => unknown, thisArg, [arrayLike[k], k]);
        putAt(A, fresh, k, v);
      }
      A["length"] = length;
      return A;
    },
  }.from, arrayFrom);
  // The length a built-in walks is read by the built-in itself, again after any check here: an
  // array's is a number no JavaScript answers, but an array-like's may be a getter, an object's
  // valueOf or a Proxy's trap answering 0 to the check and 2 ** 53 - 1 to the built-in, which then
  // walks every missing index in one step. A Proxy (the sandbox's Proxy records every one a plugin
  // makes) is handed over as itself: each of the built-in's reads of it runs its handler's
  // JavaScript or reads a target the same bound holds. Any other receiver is *steady* when its
  // length is a real array's, a primitive found on its prototype chain, or the engine's own getter
  // (a TypedArray's); an unsteady one is handed to the built-in as a view whose length is the
  // number read here, once: its elements are the receiver's (read through the prototype chain),
  // its length cannot change. A built-in that writes to its receiver cannot work on such a view,
  // and refuses an unsteady one. (The sandbox's Proxy, which records every proxy made, is
  // bootstrap-steps.ts's: `isProxy`.)
  const RealTypeError = TypeError;
  const typedArrayLength = typedArrays.length;
  /**
   * `self`'s length as a built-in reading it again gets it, or undefined when a second read may
   * answer otherwise. `self` is no Proxy (walkable hands those over first), so an array is a real one.
   */
  const steadyLength = (self: object): number | undefined => {
    if (isArray(self)) return (self as unknown[]).length;
    for (let o: object | null = self; o !== null; o = getPrototypeOf(o) as object | null) {
      if (isProxy(o)) return undefined;
      const d = getOwnPropertyDescriptor(o, "length");
      if (d === undefined) continue;
      if (d.get !== undefined) return d.get === typedArrayLength ? toLength((self as { length: unknown }).length) : undefined;
      // A primitive converts the same way every time; an object's valueOf may not.
      return isObject(d.value) ? undefined : toLength(d.value);
    }
    return 0;
  };
  /**
   * How many objects a lookup of a missing index visits on `self`'s prototype chain (an array's
   * is 3: itself, Array.prototype, Object.prototype), up to the first Proxy (whose traps are
   * JavaScript, where the timer can stop the walk). A built-in walking `length` indices pays this
   * for each one: the bound is on length times it, not on the length alone.
   */
  const lookupDepth = (self: object): number => {
    if (getPrototypeOf(self) === ArrayPrototype) return 3;
    let depth = 0;
    for (let o: object | null = self; o !== null && depth < 1e6; o = getPrototypeOf(o) as object | null) {
      depth++;
      if (isProxy(o)) break;
    }
    return depth;
  };
  const overWalk = (what: string, length: number): Error =>
    sandboxError("input_too_large", `${what} was given an array of length ${length}, longer than the plugin's memory could hold (${limits.maxStringChars} bytes); in the sandbox it walks at most that many in one call (V8 does not stop it for the call's time limit). Use a shorter array, or a Map for sparse keys`);
  /**
   * The receiver a length-walking built-in gets, its length (times its lookup depth) bounded:
   * `self` when a Proxy or steady, else a view of it whose length is read once here (a built-in
   * that writes refuses such a receiver with a TypeError).
   */
  const walkable = (self: unknown, what: string, builds: boolean, writes: boolean): unknown => {
    if (self === undefined || self === null) return self;
    const O = Object(self) as object;
    // A Proxy is handed over as itself (its Vue, MobX or immer users see it as natively): the
    // built-in's every read of it, its length's again included, goes through its handler's
    // JavaScript or through a target the same bound holds, so the timer can stop the walk.
    if (isProxy(O)) {
      const length = toLength((O as { length: unknown }).length);
      if (length * ARRAY_ELEMENT_BYTES > limits.maxStringChars) throw builds ? overArrayMemory(what, length) : overWalk(what, length);
      return self;
    }
    const steady = steadyLength(O);
    if (steady === undefined && writes) {
      throw new RealTypeError(`${what}: in the sandbox, a built-in that writes to an array-like needs its length as a plain value (not a getter or an object)`);
    }
    const length = steady ?? toLength((O as { length: unknown }).length);
    const work = length * ARRAY_ELEMENT_BYTES * maxOf(1, lookupDepth(O) / 3);
    if (work > limits.maxStringChars) throw builds && length * ARRAY_ELEMENT_BYTES > limits.maxStringChars ? overArrayMemory(what, length) : overWalk(what, length);
    return steady === undefined ? create(O, { length: { value: length } }) : self;
  };

  // fill writes every index of its range in one step: the range, computed once, is bounded the same
  // way and handed to the built-in as numbers (a length read again cannot widen it).
  const ArrayProto = RealArray.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const fill = ArrayProto["fill"]!;
  install(ArrayProto, "fill", {
    fill(this: unknown, value: unknown, start?: unknown, end?: unknown): unknown {
      if (this === undefined || this === null) return apply(fill, this, [value, start, end]);
      // The built-in clamps the range it is given to the length it reads: read again, a length
      // can only shrink it.
      const O = Object(this) as { length: unknown };
      const length = toLength(O.length);
      const relative = (x: number): number => (x < 0 ? maxOf(length + x, 0) : min(x, length));
      const k = relative(toInteger(start));
      const final = end === undefined ? length : relative(toInteger(end));
      if ((final - k) * ARRAY_ELEMENT_BYTES > limits.maxStringChars) throw overArrayMemory("Array.prototype.fill", final - k);
      return apply(fill, O, [value, k, final]);
    },
  }.fill, fill);
  // `Array(1e8)` or `a.length = 1e8` makes a sparse array of any length at no cost, and so does an
  // array-like `{ length: 2 ** 53 - 1 }`; these built-ins walk (or copy) every index of it in one
  // step (1e8: 1.5-2 s each, past the host's grace). A length longer than the plugin's memory could
  // hold is refused: memory_limit where the built-in would build an array that long,
  // input_too_large where it would walk it.
  const building = ["with", "toReversed", "toSorted", "toSpliced"];
  const writing = ["copyWithin", "reverse", "shift", "sort", "splice", "unshift"];
  const walking = ["every", "filter", "find", "findIndex", "findLast", "findLastIndex", "forEach", "includes", "indexOf", "lastIndexOf", "map", "reduce", "reduceRight", "slice", "some", ...writing];
  for (const name of [...building, ...walking]) {
    const original = ArrayProto[name];
    if (typeof original !== "function") continue;
    const builds = building.indexOf(name) !== -1;
    const writes = writing.indexOf(name) !== -1;
    install(ArrayProto, name, {
      // `arguments`, not `...args`: these run in plugins' hot loops, where a rest array is one more allocation a call.
      [name](this: unknown): unknown {
        // eslint-disable-next-line prefer-rest-params -- see above
        return apply(original, walkable(this, `Array.prototype.${name}`, builds, writes), arguments);
      },
    }[name]!, original);
  }
  // join and toLocaleString turn every element into text in one step, within the bound above
  // (4 M numbers: 1.5 s; 16 M copies of a short string, ~3 s). Past JOIN_WINDOW elements they are
  // the spec's steps in JavaScript, where the timer stops a long walk: each element is read and
  // turned into text here, in order, once, and each window of texts is joined by the built-in (a
  // copy). The same answer, as fast (plain Node: 1 M numbers or strings, within the noise of the
  // built-in's time), and stoppable. V8 answers "" for an array already being joined (a cycle):
  // `joining` is the same stack for the receivers joined here.
  const join = ArrayProto["join"]!;
  const toLocaleString = ArrayProto["toLocaleString"]!;
  const joining: object[] = [];
  const joinTexts = (O: object, R: Record<number, unknown>, sep: string, text: (e: unknown) => string): string => {
    for (let i = 0; i < joining.length; i++) if (joining[i] === O) return "";
    joining[joining.length] = O;
    try {
      const length = toLength((R as { length: unknown }).length);
      const parts: string[] = [];
      const texts: string[] = [];
      for (let lo = 0; lo < length; lo += JOIN_WINDOW) {
        const n = min(JOIN_WINDOW, length - lo);
        texts.length = n;
        for (let i = 0; i < n; i++) texts[i] = text(R[lo + i]);
        parts[parts.length] = apply(join, texts, [sep]) as string;
      }
      return apply(join, parts, [sep]) as string;
    } finally {
      joining.length--;
    }
  };
  /** Whether `R` (walkable's answer) is longer than one native join may take. */
  // (A Proxy's every read is its handler's JavaScript already: it goes to the built-in, its length read once more by nobody.)
  const longJoin = (R: unknown): boolean => R !== undefined && R !== null && !(isObject(R) && isProxy(R)) && toLength((R as { length: unknown }).length) > JOIN_WINDOW;
  install(ArrayProto, "join", {
    join(this: unknown, separator: unknown): string {
      const R = walkable(this, "Array.prototype.join", false, false);
      // eslint-disable-next-line prefer-rest-params -- as called
      if (!longJoin(R)) return apply(join, R, arguments) as string;
      const sep = separator === undefined ? "," : `${separator as string}`;
      return joinTexts(Object(this) as object, R as Record<number, unknown>, sep, (e) => (e === undefined || e === null ? "" : `${e as string}`));
    },
  }.join, join);
  install(ArrayProto, "toLocaleString", {
    toLocaleString(this: unknown, locales?: unknown, options?: unknown): string {
      const R = walkable(this, "Array.prototype.toLocaleString", false, false);
      // eslint-disable-next-line prefer-rest-params -- as called
      if (!longJoin(R)) return apply(toLocaleString, R, arguments) as string;
      // As V8 does: each element's toLocaleString gets the locales and the options.
      const text = (e: unknown): string => {
        if (e === undefined || e === null) return "";
        const f = (e as { toLocaleString: unknown }).toLocaleString;
        if (typeof f !== "function") throw new RealTypeError("Array.prototype.toLocaleString: an element's toLocaleString is not a function");
        return `${apply(f as (l: unknown, o: unknown) => unknown, e, [locales, options]) as string}`;
      };
      return joinTexts(Object(this) as object, R as Record<number, unknown>, ",", text);
    },
  }.toLocaleString, toLocaleString);
  // concat spreads every array and every object marked spreadable, reading each one's length when
  // it comes to it: an element's getter may lengthen (or mark spreadable) an item after any check
  // made before the built-in runs. So concat is the spec's steps in JavaScript, where the timer
  // stops a long walk, with the result bounded by the memory limit as it grows.
  const concat = ArrayProto["concat"]!;
  const spreadable = Symbol.isConcatSpreadable;
  const species = Symbol.species;
  /** The spec's ArraySpeciesCreate(O, 0). */
  const speciesCreate = (O: object): Record<number | string, unknown> => {
    if (!isArray(O)) return [] as unknown as Record<number | string, unknown>;
    let C = (O as { constructor: unknown }).constructor;
    if (C !== null && typeof C === "object") C = (C as Record<symbol, unknown>)[species];
    else if (typeof C === "function" && C !== RealArray) C = (C as unknown as Record<symbol, unknown>)[species];
    if (C === undefined || C === null || C === RealArray) return [] as unknown as Record<number | string, unknown>;
    if (!isConstructor(C)) throw new RealTypeError("object.constructor[Symbol.species] is not a constructor");
    return construct(C as new (n: number) => unknown, [0]) as Record<number | string, unknown>;
  };
  install(ArrayProto, "concat", {
    concat(this: unknown): unknown {
      if (this === undefined || this === null) return apply(concat, this, []);
      const O = Object(this) as object;
      const A = speciesCreate(O);
      const ordinary = ordinaryArray(A);
      let n = 0;
      for (let i = -1; i < arguments.length; i++) {
        // eslint-disable-next-line prefer-rest-params -- the items as given
        const E = i < 0 ? O : arguments[i];
        let spread = false;
        if (isObject(E)) {
          const marked = (E as Record<symbol, unknown>)[spreadable];
          spread = marked !== undefined ? !!marked : isArray(E);
        }
        if (!spread) {
          putAt(A, ordinary, n++, E);
          continue;
        }
        const len = toLength((E as { length: unknown }).length);
        if (n + len > MAX_SAFE_INTEGER) throw new RealTypeError("Array.prototype.concat: the result would be longer than 2 ** 53 - 1");
        if ((n + len) * ARRAY_ELEMENT_BYTES > limits.maxStringChars) throw overArrayMemory("Array.prototype.concat", n + len);
        const items = E as Record<number, unknown>;
        for (let k = 0; k < len; k++, n++) if (k in items) putAt(A, ordinary, n, items[k]);
      }
      (A as { length: number }).length = n;
      return A;
    },
  }.concat, concat);
  // flat and flatMap walk every nested array they flatten, each by its own length, in one step: an
  // array holding an empty array of length 2 ** 32 - 1 passes any bound on the outer length. So
  // they are the spec's FlattenIntoArray in JavaScript, where the timer stops a long walk, with the
  // result bounded by the memory limit as it grows.
  const flatInto = (target: Record<number, unknown>, ordinary: boolean, source: Record<number, unknown>, sourceLen: number, start: number, depth: number, mapper?: (v: unknown, i: number, o: unknown) => unknown, thisArg?: unknown): number => {
    let t = start;
    for (let k = 0; k < sourceLen; k++) {
      if (!(k in source)) continue;
      let element = source[k];
      if (mapper !== undefined) element = apply(mapper, thisArg, [element, k, source]);
      if (depth > 0 && isArray(element)) {
        const inner = element as Record<number, unknown> & { length: unknown };
        t = flatInto(target, ordinary, inner, toLength(inner.length), t, depth - 1);
        continue;
      }
      if (t * ARRAY_ELEMENT_BYTES > limits.maxStringChars) throw overArrayMemory("Array.prototype.flat", t);
      putAt(target, ordinary, t++, element);
    }
    return t;
  };
  const flat = ArrayProto["flat"]!;
  install(ArrayProto, "flat", {
    flat(this: unknown, depth?: unknown): unknown {
      if (this === undefined || this === null) return apply(flat, this, [depth]);
      const O = Object(this) as Record<number, unknown> & { length: unknown };
      const sourceLen = toLength(O.length);
      let d = depth === undefined ? 1 : +(depth as number);
      d = d !== d ? 0 : trunc(d); // ToIntegerOrInfinity (Infinity stays)
      const A = speciesCreate(O);
      flatInto(A, ordinaryArray(A), O, sourceLen, 0, d < 0 ? 0 : d);
      return A;
    },
  }.flat, flat);
  const flatMap = ArrayProto["flatMap"]!;
  install(ArrayProto, "flatMap", {
    flatMap(this: unknown, mapper: unknown, thisArg?: unknown): unknown {
      if (this === undefined || this === null || typeof mapper !== "function") return apply(flatMap, this, [mapper, thisArg]);
      const O = Object(this) as Record<number, unknown> & { length: unknown };
      const sourceLen = toLength(O.length);
      const A = speciesCreate(O);
      flatInto(A, ordinaryArray(A), O, sourceLen, 0, 1, mapper as (v: unknown, i: number, o: unknown) => unknown, thisArg);
      return A;
    },
  }.flatMap, flatMap);
  // String.raw walks its template's `raw` from 0 to its length, appending "undefined" for each
  // missing index: the same bound, on a view of `raw` whose length is read once.
  const RealString = G["String"] as StringConstructor;
  const stringRaw = RealString.raw;
  install(RealString as unknown as Record<string, unknown>, "raw", {
    raw(template: { raw: unknown }): string {
      if (template === undefined || template === null) return apply(stringRaw, RealString, [template]) as string;
      const raw = template.raw;
      if (raw === undefined || raw === null) return apply(stringRaw, RealString, [{ raw }]) as string;
      const view = walkable(raw, "String.raw", false, false);
      // eslint-disable-next-line prefer-rest-params -- the substitutions as given
      return apply(stringRaw, RealString, [{ raw: view }, ...[...(arguments as unknown as unknown[])].slice(1)]) as string;
    },
  }.raw, stringRaw);
}
