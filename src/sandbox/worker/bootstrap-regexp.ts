/**
 * The sandbox's RegExp. Shipped into isolates as source text (see bootstrap-env.ts): no imports, no
 * closures over this module.
 *
 * - RegExp's legacy statics ($1, lastMatch, ...) are removed: they would carry the last match from
 *   one call to the next.
 * - V8 builds a pattern's Unicode property sets (`\p{RGI_Emoji}`: ~6 ms each) while it parses it,
 *   and that work does not stop for the call's timer: 2,000 in one `new RegExp` held a worker ~13 s.
 *   A pattern may hold as many as the parser lets regexp literals hold (parser.ts), so one
 *   construction stays short. The pattern's text is read once, here, and what V8 parses is that
 *   text (or a real RegExp's own source): no getter can answer differently the second time.
 * - A pattern longer than `maxPatternChars` is refused too: V8 compiles a character class in one step,
 *   adding each character's case variants under `i` (3 MB of `[…]` with `ui` held a worker past
 *   the host's grace; 32 Ki: ~50 ms).
 * - Annex B's `compile`, which re-parses a regexp in place past the wrapper, is removed.
 */
import type { BrandCheck } from "./bootstrap-steps.ts";

export function safeRegExp(G: Record<string, unknown>, maxProperties: number, maxPatternChars: number, succeeds: BrandCheck): { SafeRegExp: RegExpConstructor; copyStatics: () => void } {
  "use strict";
  const { defineProperty, getOwnPropertyDescriptor } = Object;
  const ownKeys = Reflect.ownKeys;
  const construct = Reflect.construct;
  const apply = Reflect.apply;
  const RealRegExp = G["RegExp"] as RegExpConstructor;

  for (const key of ownKeys(RealRegExp)) {
    if (typeof key === "string" && (key.startsWith("$") || ["input", "lastMatch", "lastParen", "leftContext", "rightContext"].includes(key))) {
      delete (RealRegExp as unknown as Record<string, unknown>)[key];
    }
  }

  const regexpProto = RealRegExp.prototype as unknown as Record<string, unknown>;
  const sourceOf = getOwnPropertyDescriptor(regexpProto, "source")!.get!;
  const RealSyntaxError = SyntaxError;
  /** Whether `x` is a real RegExp (the source getter refuses any other object; RegExp.prototype answers, but is none). */
  const isRealRegExp = (x: unknown): boolean => x !== regexpProto && typeof x === "object" && x !== null && succeeds(sourceOf, x, []);
  const propertyEscapes = (text: string): number => {
    let n = 0;
    for (let i = text.indexOf("\\"); i !== -1; i = text.indexOf("\\", i + 2)) if ((text[i + 1] === "p" || text[i + 1] === "P") && text[i + 2] === "{") n++;
    return n;
  };
  const SafeRegExp = function RegExp(this: unknown, pattern: unknown, flags: unknown): unknown {
    const real = isRealRegExp(pattern);
    let isRegExp = false;
    if ((typeof pattern === "object" && pattern !== null) || typeof pattern === "function") {
      const m = (pattern as Record<symbol, unknown>)[Symbol.match];
      isRegExp = m !== undefined ? Boolean(m) : real;
    }
    if (new.target === undefined && isRegExp && flags === undefined && (pattern as { constructor?: unknown }).constructor === SafeRegExp) return pattern;
    let text: string;
    let args: unknown[];
    if (real) {
      text = apply(sourceOf, pattern, []) as string;
      args = [pattern, flags];
    } else {
      const P = isRegExp ? (pattern as { source: unknown }).source : pattern;
      const F = isRegExp && flags === undefined ? (pattern as { flags: unknown }).flags : flags;
      text = P === undefined ? "" : `${P as string}`;
      args = [text, F === undefined ? undefined : `${F as string}`];
    }
    if (text.length > maxPatternChars) {
      throw new RealSyntaxError(`Invalid regular expression: the pattern is ${text.length} characters; the sandbox takes at most ${maxPatternChars} in one RegExp (V8 compiles it in one step the call's time limit does not stop)`);
    }
    if (propertyEscapes(text) > maxProperties) {
      throw new RealSyntaxError(`Invalid regular expression: more than ${maxProperties} Unicode property escapes (\\p{…}) in one pattern; the sandbox bounds them`);
    }
    return construct(RealRegExp, args, new.target ?? SafeRegExp);
  };
  defineProperty(SafeRegExp, "length", { value: 2 });
  defineProperty(SafeRegExp, "prototype", { value: regexpProto });
  defineProperty(SafeRegExp, Symbol.species, { get: function (this: unknown) { return this; }, configurable: true });
  defineProperty(regexpProto, "constructor", { value: SafeRegExp, writable: true, configurable: true });
  // Annex B's `compile` re-parses a regexp in place, past the wrapper.
  delete regexpProto["compile"];
  G["RegExp"] = SafeRegExp;
  /** RegExp's statics on the wrapper (`escape`, which V8 may add only when it makes the context). */
  const copyStatics = (): void => {
    for (const key of ownKeys(RealRegExp)) {
      if (key === "prototype" || key === "length" || key === "name" || key === Symbol.species || getOwnPropertyDescriptor(SafeRegExp, key)) continue;
      defineProperty(SafeRegExp, key, getOwnPropertyDescriptor(RealRegExp, key)!);
    }
  };
  copyStatics();
  return { SafeRegExp: SafeRegExp as unknown as RegExpConstructor, copyStatics };
}
