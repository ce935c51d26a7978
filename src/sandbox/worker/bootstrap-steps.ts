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
 * not, and stays the host timer's (docs/sandbox.md).
 *
 * The array built-ins, which build or walk a length that costs a plugin nothing, are bounded in
 * bootstrap-arrays.ts, Intl's entry points in bootstrap-intl.ts, and the built-ins that are long only
 * when repeated or on some inputs (the long steps: typed arrays' walks and joins, string scans, key
 * lists, lastIndexOf's windowed search) in bootstrap-long-steps.ts: each gets this file's shared
 * checks from what boundOneStepBuiltins returns, so each check has one copy.
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
  /** A typed array's join of integers (~0.1 µs an element). */
  typedJoinElements: 4 * 1024 * 1024,
  /** Its join of floats or BigInts (a double to text ~1 µs on a loaded machine: 1 M took 0.9 s). */
  typedJoinWideElements: 512 * 1024,
  /** Its toLocaleString (each element formatted by ICU). */
  typedLocaleElements: 128 * 1024,
  /** Its default sort and toSorted (4 M doubles: 0.7 s). A comparator's calls are entries: not bounded. */
  typedSortElements: 1024 * 1024,
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
  /** Characters of a string or String object whose index keys Object.keys/values/entries/assign/getOwnPropertyNames/… list in one step (~0.3-1 µs each). */
  stringKeyChars: 128 * 1024,
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
  /** Whether a built-in takes `self` as its kind of object (isLocale, isConstructor). */
  succeeds: BrandCheck;
}

/**
 * Whether calling `f` on `self` with `args` returns rather than throws: a brand check by a built-in
 * that refuses the wrong kind of object (an internal slot's getter, Reflect.construct's new.target).
 */
export type BrandCheck = (f: (...args: never[]) => unknown, self: unknown, args: readonly unknown[]) => boolean;

/** What boundOneStepBuiltins hands the array bounds (bootstrap-arrays.ts): one copy of each check. */
export interface ArrayHelpers {
  /** Installs a wrapper where the built-in was, as the built-in was. */
  install(owner: object, name: PropertyKey, value: (...args: never[]) => unknown, original: { length: number }): void;
  /** The spec's ToIntegerOrInfinity: the argument read (valueOf) once. */
  toInteger(x: unknown): number;
  /** Whether `x` is an object (a function included). */
  isObject(x: unknown): x is object;
  /** Whether a built-in takes `self` as its kind of object (isLocale, isConstructor). */
  succeeds: BrandCheck;
  /** Whether `o` is a Proxy (the sandbox's Proxy records every one a plugin makes); no trap runs. */
  isProxy(o: object): boolean;
  typedArrays: TypedArrayReads;
}

/** What boundOneStepBuiltins hands the long steps (bootstrap-long-steps.ts): one copy of each check. */
export interface LongStepHelpers {
  /** Installs a wrapper where the built-in was, as the built-in was. */
  install(owner: object, name: PropertyKey, value: (...args: never[]) => unknown, original: { length: number }): void;
  /** Whether a built-in takes `self` as its kind of object. */
  succeeds: BrandCheck;
  /** Whether `o` is a Proxy (the sandbox's Proxy records every one a plugin makes); no trap runs. */
  isProxy(o: object): boolean;
  /** `this` as a string, converted once. */
  thisString(self: unknown): string;
  typedArrays: TypedArrayReads;
}

/**
 * %TypedArray%.prototype's own getters, called on a value with Reflect.apply: the one copy the
 * bootstrap's sources share (bootstrap-long-steps.ts, bootstrap-arrays.ts, bootstrap-calls.ts).
 */
export interface TypedArrayReads {
  /** A typed array's length. */
  length: () => unknown;
  /** A typed array's kind ("Uint8Array" …), and undefined, never a throw, for any other value. */
  kind: () => unknown;
}

export function boundOneStepBuiltins(
  G: Record<string, unknown>,
  bounds: typeof ONE_STEP_LIMITS,
  limits: { maxStringChars: number },
  sandboxError: (code: string, message: string) => Error,
): { jsonParse: typeof JSON.parse; intl: IntlHelpers; arrays: ArrayHelpers; longSteps: LongStepHelpers; typedArrays: TypedArrayReads; succeeds: BrandCheck } {
  "use strict";
  /** V8's longest string (64-bit): a longer `repeat`/`pad*` result is V8's own RangeError, nothing allocated. */
  const V8_MAX_STRING_LENGTH = 2 ** 29 - 24;
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
  /** The one try/catch brand check every shipped source uses (see BrandCheck). */
  const succeeds: BrandCheck = (f, self, args) => {
    try {
      apply(f, self, args);
      return true;
    } catch {
      return false;
    }
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

  // The plugin's Proxy is the engine's behind a Proxy of its own (the same shape: no prototype,
  // its name and length), with a `revocable` of the sandbox's: every proxy made is recorded, so a
  // wrapper can tell a Proxy (whose every read runs its handler's JavaScript) without asking it
  // anything a trap would see (bootstrap-arrays.ts, and the Object functions below).
  const RealProxy = G["Proxy"] as ProxyConstructor;
  const construct = Reflect.construct;
  const proxies = new WeakSet<object>();
  // `proxies` is reached by no plugin and WeakSet.prototype is frozen before any plugin runs: its
  // own methods are called directly (isProxy runs in Object.keys's hot path).
  const record = <T extends object>(p: T): T => (proxies.add(p), p);
  const isProxy = (o: object): boolean => proxies.has(o);
  const revocable = RealProxy.revocable;
  const proxyRevocable = {
    revocable(target: object, handler: ProxyHandler<object>): { proxy: object; revoke: () => void } {
      const r = revocable(target, handler);
      record(r.proxy);
      return r;
    },
  }.revocable;
  install(RealProxy, "revocable", proxyRevocable, revocable);
  G["Proxy"] = new RealProxy(RealProxy, { construct: (target, args, newTarget) => record(construct(target, args, newTarget) as object) });

  // %TypedArray%.prototype's own getters: `kind` answers a typed array's name, and undefined (never
  // a throw) for any other value; `length` answers a typed array's length.
  const typedProto = Object.getPrototypeOf((G["Uint8Array"] as typeof Uint8Array).prototype) as object;
  const typedArrays: TypedArrayReads = {
    length: Object.getOwnPropertyDescriptor(typedProto, "length")!.get!,
    kind: Object.getOwnPropertyDescriptor(typedProto, Symbol.toStringTag)!.get!,
  };

  /**
   * What bootstrap-intl.ts bounds Intl with, bootstrap-arrays.ts the array built-ins and
   * bootstrap-long-steps.ts the long steps (bootstrap-regexp.ts takes `succeeds`, and
   * bootstrap-calls.ts `typedArrays` through the environment).
   */
  const intl = { tooLarge, toPrimitive, checkBigInt, compareMax: caseMax, install, succeeds };
  const arrays = { install, toInteger, isObject, succeeds, isProxy, typedArrays };
  const longSteps = { install, succeeds, isProxy, thisString, typedArrays };

  return { jsonParse, intl, arrays, longSteps, typedArrays, succeeds };
}
