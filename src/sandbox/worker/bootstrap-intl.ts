/**
 * Intl's entry points bounded as the one-step built-ins are (bootstrap-steps.ts). Shipped into
 * isolates as source text (see bootstrap-env.ts): no imports, no closures over this module.
 *
 * Intl's work is ICU's, in C++, and checks no interrupt: a loop of `Intl.Collator#compare` of two
 * 4 MB strings, of `Intl.NumberFormat#format` of a million-digit string, of
 * `Segments#containing` inside one 8 M-character word (~150 ms each), or one
 * `supportedLocalesOf` of a million tags (~23 µs a tag) held a worker until the host killed it.
 * So each such function is a JavaScript wrapper (its entry is an interrupt check, so a loop of
 * them stops within one call of its deadline) that refuses input larger than it may work on in one
 * call (`input_too_large`):
 * - every locale list (the constructors, `supportedLocalesOf`, `Intl.getCanonicalLocales`,
 *   `toLocaleString` and friends) is read once, here, into an array of at most `localeListItems`;
 *   each tag in it, `Intl.Locale`'s tag and `DisplayNames#of`'s code has at most `intlTextChars`;
 * - Collator's `compare` takes strings as localeCompare does, NumberFormat a decimal string of at
 *   most `intlTextChars` and a BigInt of at most `bigIntBits`, Segmenter a text of at most
 *   `intlTextChars`, and `Segments#containing` and the segment iterator's `next` are wrappers too;
 * - ListFormat takes at most `listFormatItems` strings of `intlTextChars` characters in all, read
 *   once from the iterable (ICU: ~36 ns a character, a million strings of 104 took 3.7 s).
 */
import type { IntlHelpers, ONE_STEP_LIMITS } from "./bootstrap-steps.ts";

export function boundIntl(G: Record<string, unknown>, bounds: typeof ONE_STEP_LIMITS, helpers: IntlHelpers, sandboxError: (code: string, message: string) => Error): void {
  "use strict";
  const { defineProperty, getOwnPropertyDescriptor, getPrototypeOf } = Object;
  const apply = Reflect.apply;
  const construct = Reflect.construct;
  const Intl_ = G["Intl"] as Record<string, unknown>;
  const { tooLarge, toPrimitive, checkBigInt, compareMax, install, succeeds } = helpers;
  const localeBaseName = getOwnPropertyDescriptor((Intl_["Locale"] as { prototype: object }).prototype, "baseName")!.get!;
  /** Whether `x` is an Intl.Locale (the baseName getter refuses anything else). */
  const isLocale = (x: unknown): boolean => succeeds(localeBaseName, x, []);

  /** One locale tag: ICU parses it in one step (a 900 KB tag: ~15 ms, a loop of them never interrupted). */
  const tag = (t: string): string => {
    if (t.length > bounds.intlTextChars) throw tooLarge("an Intl locale tag", t.length, bounds.intlTextChars);
    return t;
  };
  /**
   * A locale list read once, as the spec's CanonicalizeLocaleList reads it (its length, then each
   * present index), into an array of at most localeListItems; a string, an Intl.Locale or a value
   * the engine refuses (null) is the engine's to read.
   */
  const localeList = (locales: unknown): unknown => {
    if (typeof locales === "string") return tag(locales);
    if (locales === undefined || locales === null || (typeof locales !== "object" && typeof locales !== "function") || isLocale(locales)) return locales;
    const O = locales as Record<number | string, unknown>;
    const n = +(O["length"] as number);
    const length = n !== n || n <= 0 ? 0 : Math.min(Math.trunc(n), Number.MAX_SAFE_INTEGER);
    if (length > bounds.localeListItems) {
      throw sandboxError("input_too_large", `a locale list of ${length} tags was given; in the sandbox Intl takes at most ${bounds.localeListItems} in one call (V8 does not stop it for the call's time limit). Pass the locales you need`);
    }
    const list: unknown[] = [];
    for (let k = 0; k < length; k++) if (k in O) list.push(typeof O[k] === "string" ? tag(O[k] as string) : O[k]);
    return list;
  };
  /** Wraps `owner[name]` so its argument `index`, a locale list, is bounded first. */
  const boundLocaleArgument = (owner: Record<PropertyKey, unknown>, name: string, index: number): void => {
    const original = owner[name] as ((...args: unknown[]) => unknown) | undefined;
    if (typeof original !== "function") return;
    install(owner, name, {
      [name](this: unknown, ...args: unknown[]): unknown {
        if (args.length > index) args[index] = localeList(args[index]);
        return apply(original, this, args);
      },
    }[name]!, original);
  };

  // The constructors (their prototypes keep them as `constructor`) and their supportedLocalesOf.
  for (const name of ["Collator", "DateTimeFormat", "DisplayNames", "DurationFormat", "ListFormat", "NumberFormat", "PluralRules", "RelativeTimeFormat", "Segmenter"]) {
    const Real = Intl_[name] as (((...args: unknown[]) => unknown) & { prototype: object; supportedLocalesOf: unknown }) | undefined;
    if (typeof Real !== "function") continue;
    // Collator, DateTimeFormat and NumberFormat may be called without `new` (the engine decides what that means).
    const Ctor = function (this: unknown, ...args: unknown[]): unknown {
      if (args.length > 0) args[0] = localeList(args[0]);
      return new.target === undefined ? apply(Real, this, args) : construct(Real, args, new.target);
    };
    defineProperty(Ctor, "name", { value: name });
    defineProperty(Ctor, "length", { value: Real.length });
    defineProperty(Ctor, "prototype", { value: Real.prototype, writable: false });
    defineProperty(Real.prototype, "constructor", { value: Ctor, writable: true, configurable: true });
    defineProperty(Ctor, "supportedLocalesOf", { value: Real.supportedLocalesOf, writable: true, configurable: true });
    boundLocaleArgument(Ctor as unknown as Record<string, unknown>, "supportedLocalesOf", 0);
    defineProperty(Intl_, name, { value: Ctor, writable: true, configurable: true });
  }
  boundLocaleArgument(Intl_, "getCanonicalLocales", 0);
  // Intl.Locale takes one tag (a string, or an object it converts once; anything else is the engine's TypeError).
  const RealLocale = Intl_["Locale"] as (new (tag: unknown, options?: unknown) => object) & { prototype: object; length: number };
  const SafeLocale = function Locale(this: unknown, ...args: unknown[]): unknown {
    if (new.target === undefined) return apply(RealLocale, this, args);
    const t = args[0];
    if (typeof t === "string") tag(t);
    else if ((typeof t === "object" && t !== null) || typeof t === "function") args[0] = isLocale(t) ? t : tag(`${t as unknown as string}`);
    return construct(RealLocale, args, new.target);
  };
  defineProperty(SafeLocale, "length", { value: RealLocale.length });
  defineProperty(SafeLocale, "prototype", { value: RealLocale.prototype, writable: false });
  defineProperty(RealLocale.prototype, "constructor", { value: SafeLocale, writable: true, configurable: true });
  defineProperty(Intl_, "Locale", { value: SafeLocale, writable: true, configurable: true });
  const protoOf = (name: string): Record<string, unknown> => (G[name] as { prototype: Record<string, unknown> }).prototype;
  for (const name of ["toLocaleString", "toLocaleDateString", "toLocaleTimeString"]) boundLocaleArgument(protoOf("Date"), name, 0);
  for (const owner of ["Number", "BigInt", "Array"]) boundLocaleArgument(protoOf(owner), "toLocaleString", 0);
  boundLocaleArgument(getPrototypeOf(protoOf("Uint8Array")) as Record<string, unknown>, "toLocaleString", 0);
  for (const name of ["toLocaleUpperCase", "toLocaleLowerCase"]) boundLocaleArgument(protoOf("String"), name, 0);
  boundLocaleArgument(protoOf("String"), "localeCompare", 1);

  /** Replaces the getter `name` of `proto`, which answers a bound function, with one answering `wrap` of it (the same wrapper every time, as natively). */
  const wrapBoundGetter = (proto: object, name: string, wrap: (f: (...args: unknown[]) => unknown) => (...args: unknown[]) => unknown): void => {
    const getter = getOwnPropertyDescriptor(proto, name)?.get;
    if (!getter) return;
    const made = new WeakMap<object, (...args: unknown[]) => unknown>();
    defineProperty(proto, name, {
      get: {
        [`get ${name}`](this: unknown) {
          const f = apply(getter, this, []) as (...args: unknown[]) => unknown;
          let w = made.get(f);
          if (w === undefined) {
            w = wrap(f);
            defineProperty(w, "name", { value: "" });
            defineProperty(w, "length", { value: f.length });
            made.set(f, w);
          }
          return w;
        },
      }[`get ${name}`],
      configurable: true,
    });
  };
  /** Replaces the method `name` of `proto` with `wrap` of it. */
  const wrapMethod = (proto: Record<string, unknown>, name: string, wrap: (f: (...args: unknown[]) => unknown) => (this: unknown, ...args: unknown[]) => unknown): void => {
    const original = proto[name] as ((...args: unknown[]) => unknown) | undefined;
    if (typeof original !== "function") return;
    const w = wrap(original);
    defineProperty(w, "name", { value: name });
    install(proto, name, w, original);
  };

  // DisplayNames#of: a code (a locale tag, a region, a script, …) converted once and bounded as a tag.
  const displayNames = (Intl_["DisplayNames"] as { prototype: Record<string, unknown> } | undefined)?.prototype;
  if (displayNames) {
    wrapMethod(displayNames, "of", (f) => function (this: unknown, code: unknown) {
      // A symbol is the engine's TypeError; anything else becomes a string once, here, as ToString would.
      return apply(f, this, [typeof code === "symbol" ? code : tag(`${code as string}`)]);
    });
  }

  // Collator#compare: each string converted once and bounded as localeCompare's.
  const text = (what: string, x: unknown, max: (s: string) => number): string => {
    const s = typeof x === "string" ? x : `${x as string}`;
    if (s.length > max(s)) throw tooLarge(what, s.length, max(s));
    return s;
  };
  wrapBoundGetter((Intl_["Collator"] as { prototype: object }).prototype, "compare", (f) => function (x: unknown, y: unknown) {
    const a = text("Intl.Collator compare", x, compareMax);
    return f(a, text("Intl.Collator compare", y, compareMax));
  });

  // NumberFormat: a value converted once (ToPrimitive, as ToIntlMathematicalValue does); a
  // decimal string or a BigInt bounded, a number is short anyway.
  const intlTextMax = (): number => bounds.intlTextChars;
  const numeric = (what: string, x: unknown): unknown => {
    const v = toPrimitive(x);
    if (typeof v === "string") text(what, v, intlTextMax);
    else if (typeof v === "bigint") checkBigInt(what, v);
    return v;
  };
  const nf = (Intl_["NumberFormat"] as { prototype: Record<string, unknown> }).prototype;
  wrapBoundGetter(nf, "format", (f) => function (x: unknown) {
    return f(numeric("Intl.NumberFormat format", x));
  });
  wrapMethod(nf, "formatToParts", (f) => function (this: unknown, x: unknown) {
    return apply(f, this, [numeric("Intl.NumberFormat formatToParts", x)]);
  });
  for (const name of ["formatRange", "formatRangeToParts"]) {
    wrapMethod(nf, name, (f) => function (this: unknown, x: unknown, y: unknown) {
      // The engine's TypeError for a missing end, before anything is converted.
      if (x === undefined || y === undefined) return apply(f, this, [x, y]);
      const start = numeric(`Intl.NumberFormat ${name}`, x);
      return apply(f, this, [start, numeric(`Intl.NumberFormat ${name}`, y)]);
    });
  }

  // Segmenter: the text bounded; containing and the iterator's next are wrappers, so a loop of them stops.
  const segmenter = Intl_["Segmenter"] as (new (l?: string, o?: object) => { segment(s: string): { containing(i: number): unknown; [Symbol.iterator](): { next(): unknown } } }) & { prototype: Record<string, unknown> };
  wrapMethod(segmenter.prototype, "segment", (f) => function (this: unknown, x: unknown) {
    return apply(f, this, [text("Intl.Segmenter segment", x, intlTextMax)]);
  });
  const segments = new segmenter().segment("a");
  const segmentsProto = getPrototypeOf(segments) as Record<string, unknown>;
  wrapMethod(segmentsProto, "containing", (f) => function (this: unknown, ...args: unknown[]) {
    return apply(f, this, args);
  });
  wrapMethod(getPrototypeOf(segments[Symbol.iterator]()) as Record<string, unknown>, "next", (f) => function (this: unknown) {
    return apply(f, this, []);
  });

  // ListFormat: the iterable read once, here (the spec's StringListFromIterable), at most listFormatItems strings.
  const listFormat = (Intl_["ListFormat"] as { prototype: Record<string, unknown> } | undefined)?.prototype;
  if (listFormat) {
    for (const name of ["format", "formatToParts"]) {
      wrapMethod(listFormat, name, (f) => function (this: unknown, list: unknown) {
        if (list === undefined || list === null) return apply(f, this, [list]);
        const strings: unknown[] = [];
        let chars = 0;
        for (const s of list as Iterable<unknown>) {
          if (typeof s === "string") chars += s.length;
          if (strings.length === bounds.listFormatItems || chars > bounds.intlTextChars) {
            throw sandboxError("input_too_large", `Intl.ListFormat ${name} was given more than ${bounds.listFormatItems} strings or ${bounds.intlTextChars} characters; in the sandbox it takes at most that many in one call (V8 does not stop it for the call's time limit). Work on smaller pieces`);
          }
          strings.push(s);
        }
        return apply(f, this, [strings]);
      });
    }
  }
}
