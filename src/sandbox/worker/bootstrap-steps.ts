/**
 * Built-ins that do a plugin's work in one step the call's timer cannot cut short, and the bounds
 * the sandbox puts on them. Shipped into isolates as source text (see bootstrap-env.ts): no imports,
 * no closures over this module.
 *
 * V8 ends a call that runs out of time at its next interrupt check: the entry of a JavaScript
 * function, or a loop's back edge once the loop has used up its interrupt budget (thousands of
 * iterations). A built-in written in C++ checks neither, so
 * - one call of it runs to its end past the deadline: `"\u1e9b\u0323".repeat(1e7).normalize("NFKD")`
 *   took 5 s, `JSON.parse` of a 40 MB array 2.4 s, against a 500 ms limit;
 * - a loop that calls it a few hundred times is never interrupted at all: 200 `toUpperCase` of a
 *   3 MB string ran 5 s to completion, 300 `JSON.parse` of a 2 MB text 27 s (the timer's interrupt
 *   waits for a check that does not come), until the host killed the worker (`host_timer`).
 * Each such built-in is replaced by a JavaScript function (its entry is an interrupt check, so a
 * loop of them stops within one call of its deadline) that refuses an input larger than it may
 * work on in one call (`input_too_large`), sized so one call stays far inside the host's grace.
 * Measured on 2 loaded cores: case mapping ~26 ns a character (`ß` → `SS`), the URI functions ~8, JSON.parse ~60,
 * normalize up to ~250, and normalize reorders a run of combining marks in quadratic time (80,000
 * marks in a row: 1.2 s), so a run longer than `normalizeMarkRun` is refused too. The bounds are
 * sized for the worst input, not ordinary text (attack-round4): output that expands (case mapping
 * 3x, NFKC/NFKD 18x, URI encoding 9x) and JSON keys never seen before (~2 µs each, in plain Node
 * 300,000 distinct keys took 0.7 s) have bounds of their own.
 *
 * `repeat`, `padStart` and `padEnd` build a huge string in one step: they refuse a result longer
 * than the plugin's whole memory limit (`memory_limit`), which V8 would keep where isolated-vm's
 * limit does not see it (a 256 MB string passes a 32 MB limit). Every wrapper converts each argument
 * once, in the spec's order, and hands the built-in the converted value: a `valueOf` answering 1
 * and then 2**28 would otherwise pass the check and build the huge string.
 *
 * BigInt's decimal conversion and parsing are super-linear (toString of 1 Mi bits: 0.55 s;
 * BigInt() of 2 M digits: 1.25 s): the calls that do them are bounded in bits and characters. What
 * the language does without a call (`*`, `**`, `<<`, a template literal, `==` with a string) is
 * not, and stays the host timer's (docs/sandbox.md). Arrays made from a length alone (Array.from of
 * an array-like; `Array(1e8)` and `a.length = 1e8` cost nothing) are bounded by the memory limit at
 * ARRAY_ELEMENT_BYTES an element wherever a built-in would build or walk every index in one step.
 */

/** Largest inputs of the one-step built-ins, in UTF-16 code units, sized for each one's worst case. */
export const ONE_STEP_LIMITS = {
  /** toUpperCase, toLowerCase and their locale forms, localeCompare (each string), on Latin-1 text (V8's fast path). */
  caseChars: 8 * 1024 * 1024,
  /** The same on other text: ICU maps a character to up to three (U+0390 → 3), so a third. */
  caseWideChars: Math.floor((8 * 1024 * 1024) / 3),
  /** normalize("NFC"/"NFD"): at most 3-4 characters out per character in. */
  normalizeChars: 1024 * 1024,
  /** normalize("NFKC"/"NFKD"): a character may decompose to 18 (U+FDFA). */
  normalizeCompatChars: 128 * 1024,
  /** Combining marks in a row normalize accepts (Unicode's stream-safe text has at most 30). */
  normalizeMarkRun: 256,
  jsonParseChars: 4 * 1024 * 1024,
  /** Colons in a JSON.parse text (an upper bound on its keys: each distinct key costs a hidden class, ~2 µs). */
  jsonParseColons: 128 * 1024,
  /** decodeURIComponent, decodeURI, unescape (their output is shorter than their input). */
  uriChars: 8 * 1024 * 1024,
  /** encodeURIComponent, encodeURI: one character may become 9 ("€" → "%E2%82%AC"). */
  uriEncodeChars: Math.floor((8 * 1024 * 1024) / 9),
  /** escape: one character may become 6 ("%u20AC"). */
  escapeChars: Math.floor((8 * 1024 * 1024) / 6),
  /** replaceAll: one match costs ~0.5 µs, and an empty pattern matches between every two characters. */
  replaceAllChars: 512 * 1024,
  /** lastIndexOf's comparisons in one native search (~1.7 ns each: 2^24 is ~30 ms): longer searches go window by window. */
  lastIndexOfWork: 2 ** 24,
  /** Date.parse: V8's parser skips any run of spaces; a date is never this long. */
  dateParseChars: 4 * 1024,
  /** The pattern of `new RegExp`/`RegExp()` (bootstrap-regexp.ts): V8 compiles a class with `ui` in superlinear time. */
  regexpPatternChars: 32 * 1024,
  /** BigInt's decimal toString/toLocaleString, in bits: super-linear (256 Ki bits ~80 ms, 1 Mi 0.55 s, 20 Mi many seconds). */
  bigIntBits: 256 * 1024,
  /** BigInt() of a string, in characters: super-linear too (100,000 digits ~30 ms, 2 M 1.25 s). */
  bigIntChars: 128 * 1024,
  /** Intl's string arguments (Collator compare, NumberFormat's decimal strings, Segmenter's text): bootstrap-intl.ts. */
  intlTextChars: 1024 * 1024,
  /** Tags in one locale list (~23 µs each: a million held a worker 23 s in one step). */
  localeListItems: 256,
  /** Strings in one Intl.ListFormat list (~1 µs each: a million took 1 s in one step; their characters count against intlTextChars). */
  listFormatItems: 64 * 1024,
};

/** What boundOneStepBuiltins hands the Intl bounds (bootstrap-intl.ts): one copy of each check. */
export interface IntlHelpers {
  tooLarge(what: string, n: number, max: number): Error;
  /** ToPrimitive with hint "number": a valueOf read once. */
  toPrimitive(x: unknown): unknown;
  /** Refuses a BigInt over bigIntBits bits. */
  checkBigInt(what: string, x: bigint): void;
  /** The most characters a string may have to be compared (localeCompare's bound). */
  compareMax(text: string): number;
  /** Installs a wrapper where the built-in was, as the built-in was. */
  install(owner: object, name: PropertyKey, value: (...args: never[]) => unknown, original: { length: number }): void;
}

export function boundOneStepBuiltins(
  G: Record<string, unknown>,
  bounds: typeof ONE_STEP_LIMITS,
  limits: { maxStringChars: number },
  sandboxError: (code: string, message: string) => Error,
): { jsonParse: typeof JSON.parse; intl: IntlHelpers } {
  "use strict";
  /** V8's longest string (64-bit): a longer `repeat`/`pad*` result is V8's own RangeError, nothing allocated. */
  const V8_MAX_STRING_LENGTH = 2 ** 29 - 24;
  /** Bytes one array element takes at least (a tagged pointer, 64-bit without pointer compression). */
  const ARRAY_ELEMENT_BYTES = 8;
  const { defineProperty } = Object;
  const apply = Reflect.apply;
  const exec = RegExp.prototype.exec;
  const indexOf = String.prototype.indexOf;
  const trunc = Math.trunc;
  const RealRangeError = RangeError;
  const StringProto = (G["String"] as StringConstructor).prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  /** Installs `value` as `owner[name]`, as the built-in was (writable, configurable, not enumerable), with its `length`. */
  const install = (owner: object, name: PropertyKey, value: (...args: never[]) => unknown, original: { length: number }): void => {
    defineProperty(value, "length", { value: original.length, configurable: true });
    defineProperty(owner, name, { value, writable: true, configurable: true });
  };
  const tooLarge = (what: string, n: number, max: number): Error =>
    sandboxError("input_too_large", `${what} was given ${n} characters; in the sandbox it takes at most ${max} in one call (V8 does not stop it for the call's time limit). Work on smaller pieces`);
  const { min, max: maxOf } = Math;
  const MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER;
  /** `this` as a string, converted once (a missing `this` is the engine's TypeError, from the built-in). */
  const thisString = (self: unknown): string => (typeof self === "string" ? self : `${self as string}`);
  /** The spec's ToIntegerOrInfinity: the argument is read (valueOf) once, and this number is what the built-in gets. */
  const toInteger = (x: unknown): number => {
    const n = +(x as number);
    return n !== n || n === 0 ? 0 : trunc(n);
  };
  const overMemory = (name: string, n: number): Error =>
    sandboxError("memory_limit", `String.prototype.${name} would build a string of ${n} characters, over the plugin's memory limit (${limits.maxStringChars} characters)`);

  // repeat/padStart/padEnd: each argument converted once, in the spec's order; the check and the
  // built-in both see the converted values. What V8 itself refuses (a negative or infinite count, a
  // result past its longest string) is V8's RangeError; what it would build past the memory limit,
  // and only that, is memory_limit.
  const originalRepeat = StringProto["repeat"]!;
  install(StringProto, "repeat", {
    repeat(this: unknown, count: unknown): string {
      if (this === undefined || this === null) return apply(originalRepeat, this, [count]) as string;
      const self = thisString(this);
      const n = toInteger(count);
      if (n < 0 || n === Infinity) throw new RealRangeError(`Invalid count value: ${n}`);
      const length = self.length * n;
      if (length > V8_MAX_STRING_LENGTH) throw new RealRangeError("Invalid string length");
      if (length > limits.maxStringChars) throw overMemory("repeat", length);
      return apply(originalRepeat, self, [n]) as string;
    },
  }.repeat, originalRepeat);
  for (const name of ["padStart", "padEnd"] as const) {
    const original = StringProto[name]!;
    install(StringProto, name, {
      [name](this: unknown, maxLength: unknown, fillString?: unknown): string {
        if (this === undefined || this === null) return apply(original, this, [maxLength, fillString]) as string;
        const self = thisString(this);
        const n = min(maxOf(toInteger(maxLength), 0), MAX_SAFE_INTEGER);
        if (n <= self.length) return self;
        const filler = fillString === undefined ? " " : `${fillString as string}`;
        if (filler === "") return self;
        if (n > V8_MAX_STRING_LENGTH) throw new RealRangeError("Invalid string length");
        if (n > limits.maxStringChars) throw overMemory(name, n);
        return apply(original, self, [n, filler]) as string;
      },
    }[name]!, original);
  }

  // A run of more than normalizeMarkRun marks; the lookbehind tries each run once, from its start (linear time).
  // U+FF9E/U+FF9F (halfwidth voiced marks) are letters, but NFKD/NFKC make them combining marks.
  const mark = "[\\p{M}\\uff9e\\uff9f]";
  const longMarkRun = new RegExp(`(?<!${mark})${mark}{${bounds.normalizeMarkRun + 1}}`, "u");
  // Text V8 case-maps on its Latin-1 fast path (at most 2 characters out per character in).
  const wide = /[^\0-\xff]/;
  /** The most characters `text` may have to be case-mapped or compared. */
  const caseMax = (text: string): number => (text.length > bounds.caseWideChars && apply(exec, wide, [text]) !== null ? bounds.caseWideChars : bounds.caseChars);
  for (const name of ["toUpperCase", "toLowerCase", "toLocaleUpperCase", "toLocaleLowerCase", "normalize", "localeCompare"]) {
    const original = StringProto[name]!;
    /** The most characters `text` may have for this call (`form`: normalize's argument, as given). */
    const maxFor = (text: string, form: unknown): number => {
      if (name === "normalize") return form === "NFKC" || form === "NFKD" ? bounds.normalizeCompatChars : bounds.normalizeChars;
      return caseMax(text);
    };
    install(StringProto, name, {
      [name](this: unknown, ...args: unknown[]): unknown {
        // The engine's own TypeError for a missing `this`; anything else becomes a string once, here.
        if (this === undefined || this === null) return apply(original, this, args);
        const self = thisString(this);
        let form = args[0];
        if (name === "normalize" && form !== undefined) form = args[0] = `${form as string}`;
        if (name === "localeCompare") {
          const that = (args[0] = `${args[0] as string}`);
          const max = maxFor(that, undefined);
          if (that.length > max) throw tooLarge(`String.prototype.${name}`, that.length, max);
        }
        const max = maxFor(self, form);
        if (self.length > max) throw tooLarge(`String.prototype.${name}`, self.length, max);
        if (name === "normalize" && apply(exec, longMarkRun, [self]) !== null) {
          throw sandboxError("input_too_large", `String.prototype.normalize was given more than ${bounds.normalizeMarkRun} combining marks in a row; in the sandbox it takes at most that many (V8 reorders them in quadratic time, which the call's time limit does not stop)`);
        }
        return apply(original, self, args);
      },
    }[name]!, original);
  }

  // The URI functions and Annex B's escape/unescape (300 decodeURIComponent of 3 MB: 4 s, never
  // interrupted), bounded by what they write: encoding grows a character up to 9 times, escape 6.
  const uriMax: Record<string, number> = { encodeURIComponent: bounds.uriEncodeChars, encodeURI: bounds.uriEncodeChars, escape: bounds.escapeChars };
  for (const name of ["encodeURIComponent", "decodeURIComponent", "encodeURI", "decodeURI", "escape", "unescape"]) {
    const original = G[name] as ((s: unknown) => string) | undefined;
    if (typeof original !== "function") continue;
    const max = uriMax[name] ?? bounds.uriChars;
    install(G, name, {
      [name](text: unknown): unknown {
        const t = typeof text === "string" ? text : `${text as string}`;
        if (t.length > max) throw tooLarge(name, t.length, max);
        return original(t);
      },
    }[name]!, original);
  }

  // replaceAll: a string searched for every match in one step (8 M characters: 1.8 s). A pattern
  // with its own Symbol.replace (a RegExp) gets `this` as a string, as RegExp's does anyway.
  const replaceAll = StringProto["replaceAll"]!;
  install(StringProto, "replaceAll", {
    replaceAll(this: unknown, searchValue: unknown, replaceValue: unknown): unknown {
      if (this === undefined || this === null) return apply(replaceAll, this, [searchValue, replaceValue]);
      const self = thisString(this);
      if (self.length > bounds.replaceAllChars) throw tooLarge("String.prototype.replaceAll", self.length, bounds.replaceAllChars);
      return apply(replaceAll, self, [searchValue, replaceValue]);
    },
  }.replaceAll, replaceAll);

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

  // Date.parse skips any run of spaces in C++ (4 M: 50 ms a call, a loop of them never interrupted).
  const RealDate = G["Date"] as DateConstructor;
  const dateParse = RealDate.parse;
  install(RealDate, "parse", {
    parse(text: unknown): number {
      const t = typeof text === "string" ? text : `${text as string}`;
      if (t.length > bounds.dateParseChars) throw tooLarge("Date.parse", t.length, bounds.dateParseChars);
      return dateParse(t);
    },
  }.parse, dateParse);

  // JSON.parse: ~60 ns a character, and ~2 µs for each key it has not seen (a new hidden class);
  // every key is followed by a colon, so colons bound the keys.
  const JSON_ = G["JSON"] as JSON;
  const jsonParse = JSON_.parse;
  install(JSON_, "parse", {
    parse(text: unknown, reviver?: unknown): unknown {
      const t = typeof text === "string" ? text : `${text as string}`;
      if (t.length > bounds.jsonParseChars) throw tooLarge("JSON.parse", t.length, bounds.jsonParseChars);
      let colons = 0;
      for (let i = apply(indexOf, t, [":"]) as number; i !== -1; i = apply(indexOf, t, [":", i + 1]) as number) {
        if (++colons > bounds.jsonParseColons) {
          throw sandboxError("input_too_large", `JSON.parse was given more than ${bounds.jsonParseColons} keys (colons); in the sandbox it takes at most that many in one call (V8 does not stop it for the call's time limit). Work on smaller pieces`);
        }
      }
      return apply(jsonParse, JSON_, reviver === undefined ? [t] : [t, reviver]);
    },
  }.parse, jsonParse);

  // BigInt: decimal toString and parsing are super-linear C++ that checks no interrupt. The entry
  // points are bounded; the operators (`*`, `**`, `<<`) and the implicit conversions (`${x}`,
  // `x + ""`, String(x), join) cannot be wrapped: see docs/sandbox.md for what that leaves.
  const RealBigInt = G["BigInt"] as BigIntConstructor;
  const BigIntProto = RealBigInt.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const bigIntValueOf = BigIntProto["valueOf"]!;
  const bigIntLimit = RealBigInt(2) ** RealBigInt(bounds.bigIntBits);
  /** Refuses a BigInt of more than bigIntBits bits for `what` (`x`: a bigint). */
  const checkBigInt = (what: string, x: bigint): void => {
    if (x >= bigIntLimit || x <= -bigIntLimit) {
      throw sandboxError("input_too_large", `${what} was given a BigInt of more than ${bounds.bigIntBits} bits; in the sandbox it takes at most that many in one call (V8 does not stop it for the call's time limit). Use toString(16), or work on smaller pieces`);
    }
  };
  const isObject = (x: unknown): x is object => (typeof x === "object" && x !== null) || typeof x === "function";
  /** The spec's ToPrimitive with hint "number", so a wrapper reads a `valueOf` once and hands the built-in the primitive. */
  const toPrimitive = (x: unknown): unknown => {
    if (!isObject(x)) return x;
    const exotic = (x as Record<symbol, unknown>)[Symbol.toPrimitive];
    if (exotic !== undefined && exotic !== null) {
      const r = apply(exotic as () => unknown, x, ["number"]);
      if (!isObject(r)) return r;
    } else {
      for (const name of ["valueOf", "toString"]) {
        const f = (x as Record<string, unknown>)[name];
        if (typeof f !== "function") continue;
        const r = apply(f as () => unknown, x, []);
        if (!isObject(r)) return r;
      }
    }
    throw new TypeError("Cannot convert object to primitive value");
  };
  /** A value converted once as ToBigInt does, a string bounded (its parse is the super-linear part). */
  const bigIntSource = (what: string, value: unknown): unknown => {
    const prim = toPrimitive(value);
    if (typeof prim === "string" && prim.length > bounds.bigIntChars) throw tooLarge(what, prim.length, bounds.bigIntChars);
    return prim;
  };
  const SafeBigInt = {
    BigInt(this: unknown, value: unknown): bigint {
      return RealBigInt(bigIntSource("BigInt", value) as string);
    },
  }.BigInt;
  defineProperty(SafeBigInt, "prototype", { value: BigIntProto });
  // asIntN/asUintN parse a string as BigInt() does: `bits` converted first, as the spec does.
  for (const name of ["asIntN", "asUintN"] as const) {
    const original = RealBigInt[name];
    install(SafeBigInt, name, {
      [name](bits: unknown, value: unknown): bigint {
        const n = toInteger(bits);
        return original(n, bigIntSource(`BigInt.${name}`, value) as bigint);
      },
    }[name]!, original);
  }
  defineProperty(BigIntProto, "constructor", { value: SafeBigInt, writable: true, configurable: true });
  install(G, "BigInt", SafeBigInt, RealBigInt);
  // A power-of-two radix is a linear copy of the bits; any other is the super-linear division.
  const bigIntToString = BigIntProto["toString"]!;
  install(BigIntProto, "toString", {
    toString(this: unknown, radix?: unknown): string {
      const x = apply(bigIntValueOf, this, []) as bigint;
      if (radix === undefined) {
        checkBigInt("BigInt.prototype.toString", x);
        return apply(bigIntToString, x, []) as string;
      }
      const r = toInteger(radix);
      if ((r & (r - 1)) !== 0) checkBigInt("BigInt.prototype.toString", x);
      return apply(bigIntToString, x, [r]) as string;
    },
  }.toString, bigIntToString);
  const bigIntToLocaleString = BigIntProto["toLocaleString"]!;
  install(BigIntProto, "toLocaleString", {
    toLocaleString(this: unknown, ...args: unknown[]): string {
      const x = apply(bigIntValueOf, this, []) as bigint;
      checkBigInt("BigInt.prototype.toLocaleString", x);
      return apply(bigIntToLocaleString, x, args) as string;
    },
  }.toLocaleString, bigIntToLocaleString);

  // Array.from of an array-like fills `length` elements in one step, past the isolate's heap limit
  // before it can say so (the host killed the worker): the length is read once and bounded by the
  // memory limit, as ArrayBuffer's is, and the elements are copied here, where a loop stops.
  const RealArray = G["Array"] as ArrayConstructor;
  const arrayFrom = RealArray.from;
  const isArray = RealArray.isArray;
  const arrayValues = RealArray.prototype.values;
  const construct = Reflect.construct;
  const { getPrototypeOf, getOwnPropertyDescriptor, create } = Object;
  const ArrayPrototype = RealArray.prototype as object;
  const noop = function (): void {};
  /** The spec's IsConstructor: whether `f` may be `new`'s target (nothing is called to find out). */
  const isConstructor = (f: unknown): boolean => {
    if (typeof f !== "function") return false;
    try {
      construct(noop, [], f as new () => unknown);
      return true;
    } catch {
      return false;
    }
  };
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
  // and refuses an unsteady one.
  const RealProxy = G["Proxy"] as ProxyConstructor;
  const RealTypeError = TypeError;
  const proxies = new WeakSet<object>();
  const weakSetAdd = WeakSet.prototype.add;
  const weakSetHas = WeakSet.prototype.has;
  const record = <T extends object>(p: T): T => (apply(weakSetAdd, proxies, [p]), p);
  const isProxy = (o: object): boolean => apply(weakSetHas, proxies, [o]) as boolean;
  const revocable = RealProxy.revocable;
  // The plugin's Proxy is the engine's behind a Proxy of its own (the same shape: no prototype,
  // its name and length), with a `revocable` of the sandbox's: every proxy made is recorded.
  const proxyRevocable = {
    revocable(target: object, handler: ProxyHandler<object>): { proxy: object; revoke: () => void } {
      const r = revocable(target, handler);
      record(r.proxy);
      return r;
    },
  }.revocable;
  install(RealProxy, "revocable", proxyRevocable, revocable);
  G["Proxy"] = new RealProxy(RealProxy, { construct: (target, args, newTarget) => record(construct(target, args, newTarget) as object) });
  const TypedArrayProto = getPrototypeOf((G["Uint8Array"] as Uint8ArrayConstructor).prototype) as object;
  const typedArrayLength = getOwnPropertyDescriptor(TypedArrayProto, "length")?.get;
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
  const walking = ["every", "filter", "find", "findIndex", "findLast", "findLastIndex", "forEach", "includes", "indexOf", "join", "lastIndexOf", "map", "reduce", "reduceRight", "slice", "some", "toLocaleString", ...writing];
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

  /** What bootstrap-intl.ts bounds Intl with. */
  const intl = { tooLarge, toPrimitive, checkBigInt, compareMax: caseMax, install };
  return { jsonParse, intl };
}
