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
 * marks in a row: 1.2 s), so a run longer than `normalizeMarkRun` is refused too.
 *
 * `repeat`, `padStart` and `padEnd` build a huge string in one step: they refuse a result longer
 * than the plugin's whole memory limit (`memory_limit`), which V8 would keep where isolated-vm's
 * limit does not see it (a 256 MB string passes a 32 MB limit).
 */

/** Largest inputs of the one-step built-ins, in UTF-16 code units. */
export const ONE_STEP_LIMITS = {
  /** toUpperCase, toLowerCase, toLocaleUpperCase, toLocaleLowerCase. */
  caseChars: 8 * 1024 * 1024,
  normalizeChars: 1024 * 1024,
  /** Combining marks in a row normalize accepts (Unicode's stream-safe text has at most 30). */
  normalizeMarkRun: 256,
  jsonParseChars: 4 * 1024 * 1024,
  /** encodeURIComponent, decodeURIComponent, encodeURI, decodeURI, escape, unescape. */
  uriChars: 8 * 1024 * 1024,
};

export function boundOneStepBuiltins(
  G: Record<string, unknown>,
  bounds: typeof ONE_STEP_LIMITS,
  limits: { maxStringChars: number },
  sandboxError: (code: string, message: string) => Error,
): { jsonParse: typeof JSON.parse } {
  "use strict";
  const { defineProperty } = Object;
  const apply = Reflect.apply;
  const exec = RegExp.prototype.exec;
  const StringProto = (G["String"] as StringConstructor).prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  /** Installs `value` as `owner[name]`, as the built-in was (writable, configurable, not enumerable). */
  const install = (owner: object, name: string, value: unknown): void => {
    defineProperty(owner, name, { value, writable: true, configurable: true });
  };
  const tooLarge = (what: string, n: number, max: number): Error =>
    sandboxError("input_too_large", `${what} was given ${n} characters; in the sandbox it takes at most ${max} in one call (V8 does not stop it for the call's time limit). Work on smaller pieces`);

  for (const [name, resultLength] of [
    ["repeat", (self: string, args: unknown[]) => self.length * Number(args[0])],
    ["padStart", (_self: string, args: unknown[]) => Number(args[0])],
    ["padEnd", (_self: string, args: unknown[]) => Number(args[0])],
  ] as const) {
    const original = StringProto[name]!;
    install(StringProto, name, {
      [name](this: unknown, ...args: unknown[]): unknown {
        if (this === undefined || this === null) return apply(original, this, args);
        const self = typeof this === "string" ? this : `${this as string}`;
        if (resultLength(self, args) > limits.maxStringChars) {
          throw sandboxError("memory_limit", `String.prototype.${name} would build a string over the plugin's memory limit (${limits.maxStringChars} characters)`);
        }
        return apply(original, self, args);
      },
    }[name]);
  }

  // A run of more than normalizeMarkRun marks; the lookbehind tries each run once, from its start (linear time).
  const longMarkRun = new RegExp(`(?<!\\p{M})\\p{M}{${bounds.normalizeMarkRun + 1}}`, "u");
  for (const name of ["toUpperCase", "toLowerCase", "toLocaleUpperCase", "toLocaleLowerCase", "normalize"]) {
    const original = StringProto[name]!;
    const max = name === "normalize" ? bounds.normalizeChars : bounds.caseChars;
    install(StringProto, name, {
      [name](this: unknown, ...args: unknown[]): unknown {
        // The engine's own TypeError for a missing `this`; anything else becomes a string once, here.
        if (this === undefined || this === null) return apply(original, this, args);
        const self = typeof this === "string" ? this : `${this as string}`;
        if (self.length > max) throw tooLarge(`String.prototype.${name}`, self.length, max);
        if (name === "normalize" && apply(exec, longMarkRun, [self]) !== null) {
          throw sandboxError("input_too_large", `String.prototype.normalize was given more than ${bounds.normalizeMarkRun} combining marks in a row; in the sandbox it takes at most that many (V8 reorders them in quadratic time, which the call's time limit does not stop)`);
        }
        return apply(original, self, args);
      },
    }[name]);
  }

  // The URI functions and Annex B's escape/unescape (300 decodeURIComponent of 3 MB: 4 s, never interrupted).
  for (const name of ["encodeURIComponent", "decodeURIComponent", "encodeURI", "decodeURI", "escape", "unescape"]) {
    const original = G[name] as ((s: unknown) => string) | undefined;
    if (typeof original !== "function") continue;
    install(G, name, {
      [name](text: unknown): unknown {
        const t = typeof text === "string" ? text : `${text as string}`;
        if (t.length > bounds.uriChars) throw tooLarge(name, t.length, bounds.uriChars);
        return original(t);
      },
    }[name]);
  }

  const JSON_ = G["JSON"] as JSON;
  const jsonParse = JSON_.parse;
  install(JSON_, "parse", {
    parse(text: unknown, reviver?: unknown): unknown {
      const t = typeof text === "string" ? text : `${text as string}`;
      if (t.length > bounds.jsonParseChars) throw tooLarge("JSON.parse", t.length, bounds.jsonParseChars);
      return apply(jsonParse, JSON_, reviver === undefined ? [t] : [t, reviver]);
    },
  }.parse);
  return { jsonParse };
}
