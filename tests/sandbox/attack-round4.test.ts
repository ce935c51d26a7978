/**
 * Attack round 4 (issue 16): the one-step built-in wrappers (bootstrap-steps.ts, bootstrap-intl.ts),
 * the built-ins they left unwrapped (BigInt, Intl, arrays built or walked from a length alone), the
 * ways around each wrapper, and the async-parameter transform (module-transform.ts). Real isolates in
 * real worker processes through createPluginHost; outcomes, codes and pids only, never durations.
 *
 * Left open, as `it.skip` below: one BigInt step on huge values without a call (a template literal
 * of a 20-million-bit value; loops of operators now stop at the loop's tick, module-transform.ts),
 * and async functions that the transform makes plain ones (`new` of one now throws, as natively;
 * its `prototype` and Function's prototype remain).
 *
 * Fixed tests are plain `it`; a test that may also end with a documented refusal (`input_too_large`,
 * a RegExp's SyntaxError) names it. Every `it.skip` is a promise the sandbox still breaks; its comment
 * says what a fix needs. They are skipped, not `it.fails`: whether the host's timer or the worker's
 * own check ends them first depends on the machine's speed, so an `it.fails` could flip in CI.
 */
import { describe, expect, it } from "vitest";
import { createPluginHost } from "../../src/sandbox/index.ts";
import type { CallResult } from "../../src/sandbox/index.ts";
import { code, endsOnItsOwn, pids, withHost } from "./attack-harness.ts";



/** The output of one call of a plugin whose default export is `source`. */
const run = async (source: string, options: { allow?: "eval"[] } = {}): Promise<CallResult> => {
  const h = createPluginHost({ workers: 1 });
  try {
    await h.load({ id: "p", code: source, ...(options.allow ? { allow: options.allow } : {}) });
    return await h.call("p", null);
  } finally {
    await h.close();
  }
};

describe("attack round 4: C++ built-ins left unwrapped run past the call's deadline", () => {
  // BigInt's toString, multiplication and parsing are C++ (super-linear in the digits) and check no
  // interrupt: one toString of a 20-million-bit value held the worker until the host killed it.
  // Fixed for the calls: toString (a radix not a power of two), toLocaleString, BigInt() and
  // asIntN/asUintN are wrappers refusing more than 256 Ki bits / 128 Ki characters.
  it("a BigInt toString of a 20-million-bit value ends timeout on its own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => ((1n << 20000000n) - 1n).toString().length`, {}, ["input_too_large"]);
  });

  // `*` is an operator, which no wrapper reaches, and `<<`/`**` make its operands of any size in
  // one step; V8's BigInt code stops for a pending termination, but isolated-vm requests an
  // interrupt first and terminates only once JavaScript reaches an interrupt check. Fixed for loops:
  // the transform starts every loop's body with a call (module-transform.ts), an interrupt check
  // each iteration. One operation on values near the memory limit is still one step (below).
  it("a loop of BigInt multiplications of 4-million-bit values ends timeout on its own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => { const x = (1n << 4000000n) - 1n; let r; for (;;) r = x * x; }`);
  });

  it("a loop of BigInt() of a 2-million-digit string ends timeout on its own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => { const s = "9".repeat(2e6); for (;;) BigInt(s); }`, { memoryMB: 256 }, ["input_too_large"]);
  });

  // ICU comparison of two 4 MB strings, in a loop: never interrupted. Fixed for localeCompare: a
  // JavaScript wrapper with case mapping's bounds (bootstrap-steps.ts). Fixed for Intl.Collator:
  // its `compare` getter answers a wrapper with the same bounds (bootstrap-intl.ts).
  it("a loop of localeCompare of two 4 MB strings ends timeout on its own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => { const a = "a".repeat(4e6), b = "a".repeat(4e6); for (;;) a.localeCompare(b); }`, { memoryMB: 256 });
  });

  it("a loop of Intl.Collator compare of two 4 MB strings ends timeout on its own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => { const c = new Intl.Collator(); const a = "a".repeat(4e6), b = "a".repeat(4e6); for (;;) c.compare(a, b); }`, { memoryMB: 256 });
  });

  // Intl.NumberFormat formats a decimal string of any length exactly, in ICU. Fixed: format (its
  // getter's function), formatToParts, formatRange(ToParts) are wrappers refusing a string over 1 Mi
  // characters; under it each call is an interrupt check.
  it("a loop of Intl.NumberFormat format of a million-digit string ends timeout on its own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => { const s = "9".repeat(1e6); const f = new Intl.NumberFormat("en"); for (;;) f.format(s); }`, { memoryMB: 256 });
  });

  // Date.parse is the engine's own (the sandbox's Date constructor is a JavaScript wrapper, so
  // `new Date(s)` in a loop stops; Date.parse does not): its C++ parser skips 4 M leading spaces
  // on every call. Fixed: Date.parse is a JavaScript wrapper refusing a text over 4 Ki characters.
  it("a loop of Date.parse of a 4 MB text ends timeout on its own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => { const s = " ".repeat(4e6) + "2020"; for (;;) Date.parse(s); }`, { memoryMB: 256 }, ["input_too_large"]);
  });

  // The RegExp wrapper bounds \p{…} escapes only: a 3 MB character class of distinct code points
  // with the `ui` flags (V8 adds each one's case variants while it compiles the pattern) held the
  // worker in one step until the host killed it. Fixed: the sandbox's RegExp refuses a pattern
  // over 32 Ki characters (a SyntaxError, so the call ends plugin_error) before V8 parses it.
  it("a RegExp of a 3 MB character class with the ui flags ends timeout on its own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => { let s = ""; for (let c = 0x100; c < 0xd000; c += 2) s += String.fromCharCode(c); s = s.repeat(40); return new RegExp("[" + s + "]", "ui").test("a"); }`, { memoryMB: 1024 }, ["plugin_error"]);
  });

  // ICU's word break iterator walks the whole of one 8 M-character word to answer `containing`.
  // Fixed: `segment` refuses a text over 1 Mi characters, and containing and the iterator's next
  // are wrappers.
  it("a loop of Intl.Segmenter containing over an 8 MB word ends timeout on its own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => { const s = "a".repeat(8e6); const seg = new Intl.Segmenter("en", { granularity: "word" }); for (;;) seg.segment(s).containing(4e6); }`, { memoryMB: 256 }, ["input_too_large"]);
  });

  // Intl reads and canonicalizes a locale list in C++, one ICU parse per tag: a list of a million
  // tags (made by ordinary JavaScript first) is one step of seconds. A fix needs the Intl entry
  // points that take a locale list (getCanonicalLocales, supportedLocalesOf, the constructors,
  // toLocale*String, localeCompare) to refuse a list longer than a few hundred tags. Fixed: each
  // reads the list once, here, and refuses more than 256 tags.
  it("a loop of Intl.Collator.supportedLocalesOf of a million tags ends timeout on its own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => { const a = Array.from({ length: 1e6 }, () => "de-DE-u-co-phonebk"); for (;;) Intl.Collator.supportedLocalesOf(a); }`, { memoryMB: 512 }, ["input_too_large"]);
  });

  // One line at the default 64 MB limit: Array.from of a 100-million-element array-like fills the
  // array in one built-in, past the heap limit, and the host kills the worker instead of the call
  // ending memory_limit. (The battery's "fill of a 150M-element array" accepts `timeout` for the same
  // class; the promise does not.) A fix needs Array.from/fill/new Array(n) lengths bounded by the
  // memory limit in a wrapper, as ArrayBuffer's are. Fixed: Array.from reads an array-like's length
  // once and refuses one over the memory limit at 8 bytes an element (so do fill and the built-ins
  // that copy or walk a length: below).
  it("Array.from of a 100-million-element array-like ends memory_limit, its worker kept", { timeout: 60_000 }, async () => {
    await withHost({ workers: 1, graceMs: 1_000 }, async (h) => {
      await h.load({ id: "benign", code: `export default (x) => x + 1` });
      await h.load({ id: "hostile", limits: { timeoutMs: 500 }, code: `export default () => Array.from({ length: 1e8 }).length` });
      const before = await pids(h);
      const r = await h.call("hostile", null);
      expect(code(r)).toBe("memory_limit");
      expect(await pids(h)).toEqual(expect.arrayContaining(before));
      expect(await h.call("benign", 1)).toMatchObject({ ok: true, output: 2 });
    });
  });

  // replaceAll building an 12 M-character result from an 8 M one (1.8 s a call), in a loop. Fixed:
  // replaceAll is a JavaScript wrapper refusing a string over 512 Ki characters.
  it("a loop of replaceAll over an 8 MB string ends timeout on its own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => { const s = "ab".repeat(4e6); for (;;) s.replaceAll("a", "cd"); }`, { memoryMB: 512 }, ["input_too_large"]);
  });
});

describe("attack round 4 (issue 16): the same C++ work reached around the new wrappers", () => {
  /** The code (or "ok") of each thunk a plugin runs, caught inside the plugin: `calls` is a list of arrow functions, as source. */
  const codesOf = async (setup: string, calls: string[]): Promise<unknown> => {
    const r = await run(`export default () => { ${setup}; return [${calls.join(", ")}].map((f) => { try { f(); return "ok"; } catch (e) { return e.code ?? e.constructor.name; } }); }`);
    expect(r.ok).toBe(true);
    return r.ok ? r.output : undefined;
  };

  // The decimal conversion reached by a call, whichever way it is called: each ~5 s natively on 20 M bits.
  // A power-of-two radix is a linear copy of the bits, so it stays open.
  it("BigInt toString via call, radix 10, toLocaleString and NumberFormat is refused; radix 16 is not", { timeout: 60_000 }, async () => {
    const codes = await codesOf(`const x = (1n << 20000000n) - 1n`, [
      "() => BigInt.prototype.toString.call(x)", "() => x.toString(10)", "() => x.toString({ valueOf() { return 10; } })", "() => x.toLocaleString()",
      "() => new Intl.NumberFormat().format(x)", "() => new Intl.NumberFormat().formatToParts(x)", "() => x.toString(16)",
    ]);
    expect(codes).toEqual(["input_too_large", "input_too_large", "input_too_large", "input_too_large", "input_too_large", "input_too_large", "ok"]);
  });

  // asIntN/asUintN convert their argument with ToBigInt, which parses a string as BigInt() does.
  it("a loop of BigInt.asUintN of a 2-million-digit string ends timeout on its own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => { const s = "9".repeat(2e6); for (;;) BigInt.asUintN(8, s); }`, { memoryMB: 256 }, ["input_too_large"]);
  });

  // BigInt() reads its argument once: a valueOf answering a short string and then a long one
  // cannot pass the check and hand the engine the long one.
  it("BigInt of an object whose valueOf answers a 2-million-digit string is refused, and read once", { timeout: 60_000 }, async () => {
    const r = await run(`export default () => { let n = 0; const s = "9".repeat(2e6); const v = BigInt({ valueOf() { return n++ ? s : "12"; } }); let code; try { BigInt({ valueOf: () => s }); } catch (e) { code = e.code; } return [String(v), n, code]; }`);
    expect(r).toMatchObject({ ok: true, output: ["12", 1, "input_too_large"] });
  });

  // Every Intl entry point that takes a locale list reads it in C++ (~23 µs a tag).
  it("a locale list of 1,000 tags, or a tag of 1.8 M characters, is refused by every entry point that takes one", { timeout: 60_000 }, async () => {
    const codes = await codesOf(`const list = Array(1000).fill("de-DE-u-co-phonebk"); class C extends Intl.Collator {}; const tag = "en-" + "abcdefgh-".repeat(2e5) + "x"`, [
      "() => Intl.getCanonicalLocales(list)", "() => Intl.PluralRules.supportedLocalesOf(list)", "() => new Intl.DateTimeFormat(list)", "() => Intl.NumberFormat(list)",
      "() => new Intl.Segmenter(list)", "() => new Intl.ListFormat(list)", "() => new C(list)", "() => (1).toLocaleString(list)", "() => (1n).toLocaleString(list)",
      "() => 'a'.localeCompare('b', list)", "() => 'a'.toLocaleUpperCase(list)", "() => new Date(0).toLocaleDateString(list)", "() => [1].toLocaleString(list)",
      "() => new Uint8Array(1).toLocaleString(list)", "() => Intl.getCanonicalLocales({ length: 1e6 })",
      // One tag ICU parses in one step: a string, in a list, given to Intl.Locale or DisplayNames#of.
      "() => Intl.getCanonicalLocales(tag)", "() => Intl.getCanonicalLocales([tag])", "() => new Intl.Locale(tag)", "() => new Intl.Locale({ toString: () => tag })",
      "() => new Intl.DisplayNames('en', { type: 'language' }).of(tag)", "() => Intl.getCanonicalLocales(list.slice(0, 3))",
    ]);
    expect(codes).toEqual([...Array<string>(20).fill("input_too_large"), "ok"]);
  });

  // Under the tag bound (1 Mi characters), Intl.Locale and DisplayNames#of parse a 900 KB tag in
  // ~15 ms: they are wrappers, so a loop of them stops.
  it("a loop of Intl.Locale and DisplayNames#of of a 900 KB tag ends timeout on its own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => { const c = "en-" + "abcdefgh-".repeat(1e5) + "x"; const d = new Intl.DisplayNames("en", { type: "language" }); for (;;) { try { new Intl.Locale(c); } catch {} try { d.of(c); } catch {} } }`, { memoryMB: 256 });
  });

  // The Collator's compare reached through its getter's descriptor, and as a sort comparator.
  it("Intl.Collator compare through its descriptor's getter and as a comparator is bounded as localeCompare", { timeout: 60_000 }, async () => {
    const codes = await codesOf(`const c = new Intl.Collator(); const big = "a".repeat(9e6); const get = Object.getOwnPropertyDescriptor(Intl.Collator.prototype, "compare").get`, [
      "() => get.call(c)(big, 'b')", "() => [big, 'b'].sort(c.compare)", "() => c.compare('b', { toString: () => big })",
    ]);
    expect(codes).toEqual(["input_too_large", "input_too_large", "input_too_large"]);
  });

  it("Intl.NumberFormat formatToParts, formatRange and a valueOf answering a 2-million-digit string are refused", { timeout: 60_000 }, async () => {
    const codes = await codesOf(`const f = new Intl.NumberFormat("en"); const s = "9".repeat(2e6)`, [
      "() => f.formatToParts(s)", "() => f.formatRange(1, s)", "() => f.formatRangeToParts(s, s)", "() => f.format({ valueOf: () => s })",
    ]);
    expect(codes).toEqual(["input_too_large", "input_too_large", "input_too_large", "input_too_large"]);
  });

  // Under the text bound (1 Mi characters), containing and the segment iterator's next still walk
  // the whole word (~10 ms each): they are wrappers, so a loop of them stops.
  it("a loop of containing inside a 1 M-character word ends timeout on its own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => { const seg = new Intl.Segmenter("en", { granularity: "word" }).segment("a".repeat(1e6)); for (;;) seg.containing(5e5); }`, { memoryMB: 256 });
  });

  it("a loop of iterating the segments of a 1 M-character word ends timeout on its own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => { const seg = new Intl.Segmenter("en", { granularity: "word" }).segment("a".repeat(1e6)); for (;;) for (const s of seg) s.index; }`, { memoryMB: 256 });
  });

  // Intl.ListFormat formats its whole list in ICU, in one step: a million strings of 104 characters took 3.7 s.
  it("an Intl.ListFormat format of a million strings ends timeout on its own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => new Intl.ListFormat("en").format(Array(1e6).fill("abcdefghijklmnopqrstuvwxyz".repeat(4))).length`, { memoryMB: 256 }, ["input_too_large"]);
  });

  // `Array(1e8)` and `a.length = 1e8` make a sparse array at no cost; copying or walking its
  // indices is one step of ~1.5-2 s. Bounded by the memory limit as Array.from is.
  it("built-ins copying or walking a sparse array of 100 million indices are refused", { timeout: 60_000 }, async () => {
    const codes = await codesOf(`const a = []; a.length = 1e8`, [
      "() => Array(1e8).toReversed()", "() => a.with(0, 1)", "() => Array.prototype.toSorted.call({ length: 1e8 })", "() => Array(1e8).fill(0)", "() => Array.prototype.fill.call({ length: 1e8 }, 0)",
      // Array.from of an array takes the engine's fast path; an iterator getter that answers nothing
      // the second time sends the engine down the array-like path, over the same (bounded) length.
      "() => Array.from(a)", "() => { let n = 0; Object.defineProperty(a, Symbol.iterator, { get: () => (n++ ? undefined : Array.prototype.values), configurable: true }); return Array.from(a); }",
      "() => a.indexOf(1)", "() => a.sort()", "() => a.slice()", "() => a.reverse()", "() => a.copyWithin(0, 1)", "() => Array(1e8).fill(0, 0, 3)",
    ]);
    expect(codes).toEqual([...Array<string>(7).fill("memory_limit"), ...Array<string>(5).fill("input_too_large"), "ok"]);
  });

  // Not closed: a BigInt's decimal conversion reached by the language itself (a template
  // literal, `x + ""`, String(x), join) calls no function the sandbox can wrap, and its operators
  // (`*`, `**`, `<<`) make a value of any size in one step. A fix needs the module transform to
  // send every `+`, template literal and BigInt operator through a bounded helper (a cost on every
  // such expression of every plugin), or V8 to stop its BigInt loops on isolated-vm's request (its
  // BigInt code stops for a pending TerminateExecution, but isolated-vm requests an interrupt
  // first and terminates only when JavaScript reaches an interrupt check).
  it.skip("a template literal of a 20-million-bit BigInt ends timeout on its own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => \`\${(1n << 20000000n) - 1n}\`.length`);
  });

  // `==` and `<` between a BigInt and a string parse the string (StringToBigInt) as BigInt() does,
  // and BigInt64Array/DataView element writes convert a string with ToBigInt: no function a wrapper
  // could replace. A loop of them stops now at the loop's tick (module-transform.ts). One step is
  // superlinear in the digits (2 million: 0.5 s quiet, 2–4 s at load 11, past the grace), so the
  // loop's string is 200,000 digits: without the tick the loop never ends, with it each step is short.
  it("a loop of comparing a BigInt with a 200,000-digit string ends timeout on its own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => { const s = "9".repeat(2e5); for (;;) 1n == s; }`, { memoryMB: 256 });
  });
});

describe("attack round 4: the one-step bounds count the input, not the work", () => {
  // ONE_STEP_LIMITS bound a call by its input's length, with costs measured on ordinary text. Input
  // that expands (or that costs more per character) stays under the bound and runs past the grace
  // in one step. A fix needs each bound set for the worst case (the largest expansion: case mapping
  // 3x, NFKD 18x, encodeURIComponent 9x) or the work measured another way (e.g. the input
  // checked by a JavaScript pre-pass, or done in pieces the timer can stop between). Fixed: each
  // bound is sized for its worst expansion (ONE_STEP_LIMITS), so these end input_too_large.

  // U+0390 upper-cases to three characters: 8 M of them (under caseChars) make 24 M.
  it("a loop of toUpperCase of 8 M characters that triple ends timeout on its own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => { const s = "\\u0390".repeat(8e6); for (;;) s.toUpperCase(); }`, { memoryMB: 512 }, ["input_too_large"]);
  });

  // U+FDFA decomposes (NFKD, NFKC) to 18 characters: a million of them (under normalizeChars, no
  // marks) took 0.77 s in one NFKC call in plain Node, up to ~1.9 s in a loaded worker, against the
  // ~0.25 s the bound was sized on. With the default grace (1,000 ms) the host killed the worker in
  // some runs only, with a 400 ms grace (a host's option) in most. Fixed: NFKC/NFKD take at most
  // 128 Ki characters, so this is refused at once, on any machine.
  it("a loop of NFKC of a million U+FDFA ends timeout on its own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => { const s = "\\ufdfa".repeat(1048000); for (;;) s.normalize("NFKC"); }`, { memoryMB: 512 }, ["input_too_large"], 400);
  });

  // "€" encodes to 9 characters: 8 M of them (under uriChars) make 72 M.
  it("a loop of encodeURIComponent of 8 M euro signs ends timeout on its own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => { const s = "\\u20ac".repeat(8e6); for (;;) encodeURIComponent(s); }`, { memoryMB: 1024 }, ["input_too_large"]);
  });

  // The mark-run check looks for \p{M} in a row, in the text as given. U+FF9E (HALFWIDTH KATAKANA
  // VOICED SOUND MARK) is a letter (Lm), not \p{M}, but NFKD makes it U+3099, a combining mark of
  // class 8: alternated with U+0301 (class 230) no \p{M} run is longer than one, and the decomposed
  // text is one run of 200,000 marks V8 reorders in quadratic time, in one call. A fix needs the
  // run counted after decomposition: U+FF9E and U+FF9F (the only characters outside \p{M} whose
  // decomposition starts with a mark) counted as marks. Fixed: the run check counts them.
  it("NFKD of marks alternated with U+FF9E ends timeout on its own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => ("a" + "\\u0301\\uff9e".repeat(100000)).normalize("NFKD").length`, { memoryMB: 256 }, ["input_too_large"]);
    // The run check itself, on text under the length bounds: 2,000 marks in a row after decomposition.
    const r = await run(`export default () => ("a" + "\\u0301\\uff9e".repeat(1000)).normalize("NFKD").length`);
    expect(code(r)).toBe("input_too_large");
  });

  // 300,000 objects each with a key of its own (3.6 M characters, under jsonParseChars): every
  // object makes a new hidden class, far above the ~60 ns a character the bound was sized on.
  // Fixed: JSON.parse also refuses a text with more than 128 Ki colons (an upper bound on its keys).
  it("a loop of JSON.parse of objects with distinct keys ends timeout on its own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => { const s = "[" + Array.from({ length: 300000 }, (_, i) => '{"k' + i + '":1}').join(",") + "]"; for (;;) JSON.parse(s); }`, { memoryMB: 1024 }, ["input_too_large"]);
  });
});

describe("attack round 4: the repeat/padStart/padEnd bound reads its count twice", () => {
  // The wrapper checks `Number(count)` and then hands `count` itself to the built-in, which
  // converts it again: a `valueOf` answering 1 and then 2**28 passes the check and builds a
  // 256-million-character string under a 64 MB limit. A fix needs the count converted once
  // (`const n = Number(args[0])`, the check and the built-in both given `n`), the same for every
  // argument a wrapper checks. Fixed: each argument is converted once, as the spec does.
  // Natively the count is read once: it is 1, the result 2 characters (the wrapper used to build 2**28).
  it("repeat with a count whose valueOf changes reads it once, as natively", { timeout: 60_000 }, async () => {
    const r = await run(`export default () => { let n = 0; const s = "ab".repeat({ valueOf() { return n++ ? 2 ** 27 : 1; } }); return [s.length, n]; }`);
    expect(r).toMatchObject({ ok: true, output: [2, 1] });
    // A count that is huge the first time it is read is refused before anything is built.
    expect(code(await run(`export default () => "ab".repeat({ valueOf() { return 2 ** 27; } }).length`))).toBe("memory_limit");
  });

  it("padEnd with a length whose valueOf changes reads it once, as natively", { timeout: 60_000 }, async () => {
    const r = await run(`export default () => { let n = 0; const s = "a".padEnd({ valueOf() { return n++ ? 2 ** 28 : 2; } }); return [s, n]; }`);
    expect(r).toMatchObject({ ok: true, output: ["a ", 1] });
  });

  // Ten such strings, each flattened by an indexOf (2.5 GB the isolate's limit never sees): on a
  // loaded machine the host's timer killed the worker (`timeout`, observed `host_timer`), on another
  // run the RSS budget did (`memory_limit`, `worker_rss`). Fixed by the count fix above: each repeat
  // reads its count once (1), so no string past the bound is built, on any machine.
  it("flattening strings built past the bound: nothing is built past it, the worker kept", { timeout: 60_000 }, async () => {
    await withHost({ workers: 1, graceMs: 1_000 }, async (h) => {
      await h.load({ id: "benign", code: `export default (x) => x + 1` });
      await h.load({
        id: "hostile",
        limits: { timeoutMs: 500 },
        code: `export default () => { const keep = []; for (let i = 0; i < 10; i++) { let n = 0; const s = String.fromCharCode(97 + i).repeat({ valueOf() { return n++ ? 2 ** 28 : 1; } }); s.indexOf("z"); keep.push(s); } return keep.length; }`,
      });
      const before = await pids(h);
      const r = await h.call("hostile", null);
      expect(r).toMatchObject({ ok: true, output: 10 });
      expect(await pids(h)).toEqual(expect.arrayContaining(before));
      expect(await h.call("benign", 1)).toMatchObject({ ok: true, output: 2 });
    });
  });
});

describe("attack round 4: wrapped built-ins that answer honest input differently", () => {
  // Natively `"abc".padEnd(1e9, "")` is "abc" (an empty filler pads nothing) and an impossible
  // repeat is a catchable RangeError; the wrapper throws its own memory_limit error for both. A fix
  // needs the bound to count what the built-in would really build (nothing for an empty filler or
  // an empty string) and to leave counts V8 itself refuses (Infinity, over 2**29) to V8's RangeError.
  // Fixed: the wrappers do just that.
  it("padEnd/padStart with an empty filler and repeat past V8's own maximum answer as natively", { timeout: 60_000 }, async () => {
    const r = await run(`export default () => [() => "abc".padEnd(1e9, ""), () => "abc".padStart(2 ** 40, ""), () => "a".repeat(Infinity), () => "a".repeat(2 ** 31)].map((f) => { try { return f(); } catch (e) { return e.constructor.name; } })`);
    expect(r).toMatchObject({ ok: true, output: ["abc", "abc", "RangeError", "RangeError"] });
  });

  // docs/sandbox.md: `memory_limit` comes only from what the host observed. A repeat the engine
  // itself refuses at once (count Infinity: a RangeError, nothing allocated) ends the call
  // memory_limit, decided from the plugin's own argument. A fix is the one above: leave counts V8
  // refuses to V8, and bound only what V8 would really build.
  it("a call that allocates nothing does not end memory_limit", { timeout: 60_000 }, async () => {
    const r = await run(`export default (x) => "a".repeat(x ?? Infinity)`);
    expect(code(r)).toBe("plugin_error");
  });

  // The wrappers added or changed in this round answer below their bounds as the engine does
  // (the expected values are plain Node's).
  it("the new and changed wrappers behave as the engine's below their bounds", { timeout: 60_000 }, async () => {
    const r = await run(`export default () => {
  const e = (f) => { try { f(); return "no error"; } catch (x) { return x.constructor.name; } };
  return ["a".localeCompare("b"), "a".localeCompare(), "aXbX".replaceAll("X", "-"), "x1y2".replaceAll(/\\d/g, "#"), "ab".replaceAll("", "."),
    Date.parse("2020-01-01T00:00:00Z"), Date.parse("nope"), String.prototype.replaceAll.length, String.prototype.localeCompare.length, Date.parse.length,
    "\u00e9".normalize({ toString() { return "NFD"; } }).length, "a".padStart(5, 12), "abc".padEnd(-1), "ab".repeat(2.9), "ab".repeat("2"), new ArrayBuffer("8").byteLength, "\u0390".toUpperCase().length,
    e(() => "a".repeat(-1)), e(() => "a".repeat(Symbol())), e(() => "a".padEnd(5n)), e(() => String.prototype.repeat.call(null, 1)), e(() => new ArrayBuffer(-1)), e(() => String.prototype.replaceAll.call(undefined, "a", "b")), e(() => "a".replaceAll(/a/, "b")),
    String.prototype.padStart.name, String.prototype.replaceAll.name, Date.parse.name];
}`);
    expect(r).toMatchObject({
      ok: true,
      output: [-1, -1, "a-b-", "x#y#", ".a.b.", 1577836800000, null, 2, 1, 1, 2, "1212a", "abc", "abab", "abab", 8, 3,
        "RangeError", "TypeError", "TypeError", "TypeError", "RangeError", "TypeError", "TypeError", "padStart", "replaceAll", "parse"],
    });
  });

  // The wrappers added for issue 16 answer below their bounds as the engine does (the expected
  // values are plain Node's, from the same code): BigInt, Array.from/fill, Intl's constructors,
  // getters and locale lists, Intl.Locale and DisplayNames#of.
  it("the BigInt, Array and Intl wrappers behave as the engine's below their bounds", { timeout: 60_000 }, async () => {
    const r = await run(`export default () => {
const e = (f) => { try { f(); return "no error"; } catch (x) { return x.constructor.name; } };
class A extends Array {}
class C extends Intl.Collator {}
const c = new Intl.Collator("de");
const seg = new Intl.Segmenter("en", { granularity: "word" });
return [
  String(BigInt(10)), String(BigInt("123")), String(BigInt({ valueOf() { return "5"; } })), String(BigInt(true)), e(() => new BigInt(1)), e(() => BigInt(1.5)), e(() => BigInt("x")), BigInt.length, BigInt.name,
  String(BigInt.asUintN(8, 257n)), Object(1n) instanceof BigInt, (255n).toString(16), (255n).toString(), (-255n).toString(2), e(() => (1n).toString(1)), e(() => BigInt.prototype.toString.call(1)),
  (1234567n).toLocaleString("de-DE"), BigInt.prototype.toString.length, BigInt.prototype.toLocaleString.length, (2n ** 300000n).toString(16).length, BigInt.prototype.constructor === BigInt,
  Array.from({ length: 3 }, (_, i) => i * 2), Array.from("abc"), Array.from(new Set([1, 2])), Array.from({ length: 2, 0: "a", 1: "b" }), A.from({ length: 2 }) instanceof A, A.from([1]) instanceof A, Array.from.length,
  e(() => Array.from({ length: 1 }, 5)), e(() => Array.from(null)), Array.from({ length: -1 }).length, Array.from({ length: 2 }), [1, 2, 3, 4].fill(0, 1, -1), Array.prototype.fill.call({ length: 3 }, 7), new Array(3).fill(1), [1, 2].fill(9, NaN), [1, 2, 3].fill(9, -2), Array.prototype.fill.length, e(() => Array.prototype.fill.call(null)),
  c.compare("ä", "z"), Intl.Collator("de") instanceof Intl.Collator, e(() => Intl.Segmenter()), Intl.Collator.name, Intl.Collator.length, Intl.NumberFormat.length, Intl.Collator.supportedLocalesOf(["de", "en-US"]),
  Intl.getCanonicalLocales(["EN-us", "de"]), Intl.getCanonicalLocales("EN-us"), Intl.getCanonicalLocales(new Intl.Locale("fr")), Intl.getCanonicalLocales({ length: 2, 0: "de", 1: "fr" }), e(() => Intl.getCanonicalLocales(null)), e(() => Intl.getCanonicalLocales([5])),
  new Intl.NumberFormat("en").format("12345678901234567890.5"), new Intl.NumberFormat("en").format(12345n), new Intl.NumberFormat("en").format({ valueOf() { return 7; } }), new Intl.NumberFormat("en").formatToParts(1.5).length, new Intl.NumberFormat("en").formatRange(1, 5), e(() => new Intl.NumberFormat("en").formatRange(1)),
  [...seg.segment("hi there")].map((s) => s.segment), seg.segment("hi there").containing(4).segment, new Intl.ListFormat("en").format(["a", "b", "c"]), new Intl.ListFormat("en").format(new Set(["x", "y"])), e(() => new Intl.ListFormat().format([1])), new Intl.ListFormat("en").format(),
  (1234.5).toLocaleString(["de-DE"]), "a".localeCompare("b", ["de"]), new Date(0).toLocaleDateString(["en-US"], { timeZone: "UTC" }), [1234, 5].toLocaleString("de"), new C() instanceof C, Intl.Collator.prototype.constructor === Intl.Collator,
  e(() => Intl.Collator.prototype.compare), c.compare === c.compare, c.compare.length, c.compare.name, new Intl.NumberFormat().format.length, Intl.Collator.supportedLocalesOf.length, new Intl.PluralRules("en").select(1), new Uint8Array([1, 2]).toLocaleString("de"),
  Object.getOwnPropertyNames(Intl.Collator).sort(), Intl.NumberFormat.prototype.formatToParts.name, Intl.NumberFormat.prototype.formatToParts.length, Object.getOwnPropertyDescriptor(Intl.Collator, "prototype").writable, e(() => Intl.NumberFormat.call({})),
];
}`);
    expect(r).toMatchObject({ ok: true, output: ["10","123","5","1","TypeError","RangeError","SyntaxError",1,"BigInt","1",true,"ff","255","-11111111","RangeError","TypeError","1.234.567",0,0,75001,true,[0,2,4],["a","b","c"],[1,2],["a","b"],true,true,1,"TypeError","TypeError",0,[null,null],[1,0,0,4],{"0":7,"1":7,"2":7,"length":3},[1,1,1],[9,9],[1,9,9],1,"TypeError",-1,true,"TypeError","Collator",0,0,["de","en-US"],["en-US","de"],["en-US"],["fr"],["de","fr"],"TypeError","TypeError","12,345,678,901,234,567,890.5","12,345","7",3,"1–5","TypeError",["hi"," ","there"],"there","a, b, and c","x and y","TypeError","","1.234,5",-1,"1/1/1970","1.234,5",true,true,"TypeError",true,2,"",1,1,"one","1,2",["length","name","prototype","supportedLocalesOf"],"formatToParts",1,false,"no error"] });
    const r2 = await run(`export default () => {
const e = (f) => { try { f(); return "no error"; } catch (x) { return x.constructor.name; } };
const dn = new Intl.DisplayNames("en", { type: "language" });
class L extends Intl.Locale {}
return [new Intl.Locale("en-US").baseName, new Intl.Locale(new Intl.Locale("fr")).baseName, new Intl.Locale({ toString: () => "de" }).baseName, e(() => new Intl.Locale(5)), e(() => Intl.Locale("en")), e(() => new Intl.Locale()),
  new Intl.Locale("en", { region: "GB" }).toString(), Intl.Locale.length, Intl.Locale.name, new L("en") instanceof L, Intl.Locale.prototype.constructor === Intl.Locale,
  dn.of("fr"), e(() => dn.of()), e(() => dn.of(Symbol())), e(() => dn.of("not a code!")), Intl.DisplayNames.prototype.of.length, Intl.DisplayNames.prototype.of.name,
  Intl.getCanonicalLocales("EN-gb"), new Intl.Locale("en").maximize().toString()];
}`);
    expect(r2).toMatchObject({ ok: true, output: ["en-US","fr","de","TypeError","TypeError","TypeError","en-GB",1,"Locale",true,true,"French","RangeError","TypeError","RangeError",1,"of",["en-GB"],"en-Latn-US"] });
  });

  // The wrappers take `...args`: their `length` is 0 where the built-ins' is 1. A fix needs
  // `defineProperty(wrapper, "length", { value: original.length })` in `install`. Fixed so.
  it("repeat, padStart and padEnd keep the built-ins' length", { timeout: 60_000 }, async () => {
    const r = await run(`export default () => ["repeat", "padStart", "padEnd", "toUpperCase", "normalize"].map((k) => String.prototype[k].length)`);
    expect(r).toMatchObject({ ok: true, output: [1, 1, 1, 0, 0] });
  });

  // SafeArrayBuffer (bootstrap-env.ts) checks `Number(length)` and then hands `length` itself to
  // the real constructor: the same double conversion as repeat's, past its 8 MB bound (the
  // isolate's own limit still catches the sum). Fixed: ToIndex once, as for repeat.
  it("new ArrayBuffer with a length whose valueOf changes reads it once, as natively", { timeout: 60_000 }, async () => {
    const r = await run(`export default () => { let n = 0; const b = new ArrayBuffer({ valueOf() { return n++ ? 60 * 1024 * 1024 : 1; } }); return [b.byteLength, n, new ArrayBuffer(3.7).byteLength]; }`);
    expect(r).toMatchObject({ ok: true, output: [1, 1, 3] });
  });
});

describe("attack round 4: async functions the transform rewrites", () => {
  // The transform turned every async function into a plain one that returns the tracked promise,
  // so `new f()` answered a promise where natively it throws TypeError. Fixed (2026-12-02): a
  // function declaration or expression hands the tracker its `new.target`, and the tracker throws
  // the engine's TypeError ("f is not a constructor": it names the function, where the engine names
  // the expression `new` was given). Arrows and methods were never constructible. The same snippet
  // runs in plain Node and in the sandbox, module code and generated code.
  it("new of an async function throws TypeError, as natively; calling it still answers a promise", { timeout: 60_000 }, async () => {
    const snippet = `(() => {
      "use strict";
      async function f(a) { return a; }
      const g = async function () {};
      const h = async function h(x = 1) { return x; };
      async function d({ a } = {}, b = a) { return b; }
      const o = { async m() {}, async k({ a } = {}) { return a; } };
      class C { async m() {} static async s(a = 2) { return a; } }
      const ar = async (p) => p;
      const ap = async ({ q } = {}) => q;
      const e = (0, eval)("(async function e(a = 1) { return a; })");
      const made = (make) => { try { const r = make(); return typeof r.then === "function" ? "a promise" : typeof r; } catch (err) { return [err.constructor.name, err.message]; } };
      return [made(() => new f()), made(() => new g()), made(() => new h()), made(() => new d()), made(() => new o.m()), made(() => new o.k()),
        made(() => new C.prototype.m()), made(() => new C.s()), made(() => new ar()), made(() => new ap()), made(() => new e()),
        made(() => f(1)), made(() => g()), made(() => h()), made(() => d()), made(() => o.k()), made(() => C.s()), made(() => ar(1)), made(() => ap()), made(() => e())];
    })()`;
    const native = (0, eval)(snippet) as unknown;
    expect(native).toContainEqual(["TypeError", "f is not a constructor"]);
    expect(await run(`export default () => ${snippet}`, { allow: ["eval"] })).toMatchObject({ ok: true, output: native });
  });

  // What remains: it has a `prototype`, and inherits from Function.prototype, so
  // `Object.prototype.toString` (how libraries tell an async function) says "[object Function]".
  // The new parameter bracket keeps this. A fix needs the outer function made a method-like non-constructor with AsyncFunction's
  // prototype (e.g. `setPrototypeOf` and no `prototype` via the tracker, or `{ f() {} }.f`-shaped
  // output for declarations). Not fixed in issue 16, and not small: a plain function's `prototype`
  // cannot be deleted (it is not configurable), so the outer function must become a method or an
  // arrow; wrapping an expression in a call (`mark(function () {})`) loses the name the engine infers
  // from `const x = …` (the transform would have to pass it), a declaration must stay hoisted (a
  // rebinding `f = mark(f)` at the top of its scope, after any directives), and methods and class
  // methods need their prototype set once the object or class exists.
  it.skip("async functions, with and without parameters that can throw, look like async functions", { timeout: 60_000 }, async () => {
    const r = await run(`export default () => { const FP = Object.getPrototypeOf(function () {}); const af = async function (a) {}; const ad = async function (a = 1) {}; const ctor = (f) => { try { new f(); return "constructed"; } catch (e) { return e.constructor.name; } };
      return [Object.getPrototypeOf(af) === FP, Object.getPrototypeOf(ad) === FP, "prototype" in af, "prototype" in ad, Object.prototype.toString.call(af), Object.prototype.toString.call(ad), ctor(af), ctor(ad)]; }`);
    expect(r).toMatchObject({ ok: true, output: [false, false, false, false, "[object AsyncFunction]", "[object AsyncFunction]", "TypeError", "TypeError"] });
  });
});
