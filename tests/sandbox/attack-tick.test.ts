/**
 * Attack on "every loop ticks" (commit 8eee00e, docs/sandbox.md "Limits and time"): the module
 * transform starts every loop statement's body with a call of `__capsmith_tick`, so a loop of long
 * C++ steps enters a JavaScript function each iteration, where V8 stops a call that is out of time.
 * The promise: any plugin whose time is spent in a loop, of any kind, ends `timeout` by the
 * worker's own check, and honest code computes what it computed. Real isolates in real worker
 * processes through createPluginHost; outcomes, codes and pids only.
 *
 * The tick sees loop *statements*. The engine repeats work in other ways: a built-in that calls a
 * function the plugin hands it (a callback, a getter, a Proxy trap, an iterator's `next`) calls it
 * without entering JavaScript when that function is itself a built-in (`Uint8Array.prototype.reverse`
 * passed with its `this` as forEach's thisArg, or bound to a typed array); the engine walks a
 * prototype cycle through such a trap 100 Ki times in one `instanceof`; and straight-line code
 * repeats a step without any loop. Every long step below is the reverse of a 30 MB Uint8Array
 * (~5-10 ms), under the default 64 MB limit.
 *
 * Every `it.skip` in the first block is a break: the call held the worker until the host killed it
 * (`timeout` with `observed: "host_timer"`, "its worker did not stop it and was replaced", ~1.5-1.8 s
 * against a 500 ms limit with a 1 s grace, the worker's pid replaced), measured at load average
 * 7-13 on 2 cores. Skipped, not `it.fails`: which timer ends them first depends on the machine.
 * Fixed as proposed (2026-12-02): the long built-ins (the typed arrays' walks, a string's scans,
 * JSON.stringify, Object's key lists, RegExp.escape, JSON.rawJSON) are JavaScript functions that call
 * them (bootstrap-long-steps.ts), and a typed array's join, default
 * sort and toLocaleString are bounded by its length; every break below but straight-line BigInt
 * arithmetic now ends on its own (or `input_too_large`, where a typed array becomes text).
 *
 * What a fix needed (all of them, one place): the tick cannot reach repetition the transform does
 * not see, so the long step itself must enter JavaScript. The built-ins the tick was made for
 * (TypedArray reverse/fill/indexOf/lastIndexOf/includes/join/sort, RegExp.escape, JSON.rawJSON, ...)
 * become JavaScript wrappers in bootstrap-long-steps.ts (each call an entry, an interrupt check), so it
 * no longer matters who calls them: a loop, a built-in's callback, a getter, a Proxy trap or the
 * next line. The tick stays for the operators (BigInt `*`, `==`), which only JavaScript repeats:
 * in a loop, or in straight-line code, which no tick reaches yet (the BigInt break below).
 *
 * The second block is honest code whose answer differs from plain Node 24 (`it.skip`, expected
 * value what `node` answers; each failed when run). Plain `it`s are attacks that held, kept so.
 */
import { describe, expect, it } from "vitest";
import { code, endsOnItsOwn, pids, withHost } from "./attack-harness.ts";

/**
 * A 30 MB typed array, its reverse bound to it (a built-in: calling it enters no JavaScript), and a
 * lastIndexOf of it bound to search the whole array for a 1 that is not there (answers -1).
 */
const SETUP = `const t = new Uint8Array(3e7); const r = Uint8Array.prototype.reverse.bind(t); const l = Uint8Array.prototype.lastIndexOf.bind(t, 1, 3e7 - 1);`;
/** An iterable whose iterator's `next` is that built-in: never done (a typed array has no `done`). */
const ITERABLE = `const it = { [Symbol.iterator]() { return { next: r }; } };`;

describe("attack tick: repetition the transform does not see", () => {
  // Built-ins that call a callback for each element call a built-in callback without entering
  // JavaScript; no loop statement is written, so nothing ticks. Measured: forEach 1.6 s, map
  // 1.6 s, TypedArray forEach 1.6 s, JSON.parse's reviver 1.7 s, replace's replacer 1.6 s, sort's
  // comparator 1.6 s, Uint8Array.from's mapfn 1.6 s, Object.groupBy 1.6 s, Map.groupBy 1.7 s (their
  // callback a bound lastIndexOf, answering -1: a key costs nothing to make): each `timeout`, host_timer, its worker
  // replaced (sort's and replace's held with 10 MB arrays: the engine checks now and then). The Array.prototype wrappers (round 5) are
  // JavaScript, but only their own entry is a check: the engine's walk inside them calls the
  // callback 10,000 times with none. No `bind` is needed: forEach's thisArg hands reverse its
  // typed array. A fix: see the file's comment (the long built-ins wrapped in JavaScript); wrapping
  // each callback in a JavaScript arrow would also need every getter, trap and `next` wrapped.
  const callbacks: [string, string][] = [
    ["Array forEach calling reverse with its thisArg, no bind", `new Array(1e4).fill(0).forEach(Uint8Array.prototype.reverse, t); return 1;`],
    ["Array map with a bound built-in", `return new Array(1e4).fill(0).map(r).length;`],
    ["TypedArray forEach with a bound built-in", `new Uint8Array(1e4).forEach(r); return 1;`],
    ["JSON.parse with a built-in reviver", `JSON.parse(JSON.stringify(new Array(1e4).fill(0)), r); return 1;`],
    ["String replace with a built-in replacer", `return "x".repeat(1e4).replace(/x/g, r).length;`],
    ["Array sort with a built-in comparator", `const b = Array.from({ length: 1e4 }, (_, i) => i); b.sort(r); return 1;`],
    ["Uint8Array.from with a built-in mapfn", `return Uint8Array.from({ length: 1e4 }, r).length;`],
    ["Object.groupBy with a built-in callback", `return Object.keys(Object.groupBy(new Array(1e4).fill(0), l)).length;`],
    ["Map.groupBy with a built-in callback", `return Map.groupBy(new Array(1e4).fill(0), l).size;`],
  ];
  for (const [name, body] of callbacks) {
    it(`${name} ends timeout on its own`, { timeout: 60_000 }, async () => {
      // input_too_large: a replacer's or mapfn's answer (the typed array) turned into text is a join of 30 M elements.
      await endsOnItsOwn(`export default () => { ${SETUP} ${body} }`, {}, ["input_too_large"]);
    });
  }

  // Getters and Proxy traps that are built-ins, read by a built-in in its own walk: indexOf over
  // 10,000 index getters 1.6 s, Object.assign from 10,000 enumerable getters 2.4 s, indexOf over an
  // object whose prototype is a Proxy with a built-in `has` trap 1.5 s; each host_timer, worker
  // replaced. The fix is the same: the long built-in wrapped, so each getter call is an entry.
  const getters: [string, string][] = [
    ["indexOf over an array-like of built-in getters", `const o = { length: 1e4 }; for (let i = 0; i < 1e4; i++) Object.defineProperty(o, i, { get: r }); return Array.prototype.indexOf.call(o, 5);`],
    ["Object.assign from built-in getters", `const o = {}; for (let i = 0; i < 1e4; i++) Object.defineProperty(o, "k" + i, { get: r, enumerable: true }); Object.assign({}, o); return 1;`],
    ["indexOf over an array-like whose prototype is a Proxy with a built-in has trap", `const p = new Proxy({}, { has: r }); return Array.prototype.indexOf.call(Object.assign(Object.create(p), { length: 1e4 }), 5);`],
  ];
  for (const [name, body] of getters) {
    it(`${name} ends timeout on its own`, { timeout: 60_000 }, async () => {
      await endsOnItsOwn(`export default () => { ${SETUP} ${body} }`);
    });
  }

  // A loop the engine makes out of one expression: `p instanceof F` walks p's prototype chain, and
  // the chain is a cycle through a Proxy whose handler is the 30 MB typed array itself, with
  // `getPrototypeOf` = Uint8Array.prototype.reverse (the trap is called with the handler as
  // `this`: it reverses the array and answers it), the array's own prototype being the Proxy.
  // V8 stops following proxies only after 100 Ki of them (RangeError with a 10-byte array, 59 ms);
  // with 30 MB that is ~100 Ki reverses in one expression: 1.6 s, host_timer, worker replaced.
  // bootstrap-long-steps.ts's walks stop at a Proxy because "its traps are JavaScript": a trap may be
  // a built-in. A fix: the sandbox's Proxy (it records every one already) hands the engine a
  // handler of its own whose traps are JavaScript functions forwarding to the plugin's handler
  // (each trap call an entry), or the long built-ins wrapped (the file's comment).
  it("instanceof over a prototype cycle through a Proxy whose getPrototypeOf trap is a built-in ends timeout on its own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => { const t = new Uint8Array(3e7); t.getPrototypeOf = Uint8Array.prototype.reverse; const p = new Proxy({}, t); Object.setPrototypeOf(t, p); function F() {} return p instanceof F; }`);
  });

  // An endless iterator whose `next` is a built-in (it answers the typed array: `done` undefined),
  // read by spread and by array destructuring: 1.8 s and 1.5 s, host_timer, worker replaced. Set,
  // Promise.all, yield*, Iterator helpers and Intl.ListFormat over the same iterator held (below).
  const iterations: [string, string][] = [
    ["spread of an iterator whose next is a built-in", `return [...it].length;`],
    ["array destructuring of an iterator whose next is a built-in", `const [...x] = it; return x.length;`],
  ];
  for (const [name, body] of iterations) {
    it(`${name} ends timeout on its own`, { timeout: 60_000 }, async () => {
      await endsOnItsOwn(`export default () => { ${SETUP} ${ITERABLE} ${body} }`);
    });
  }

  // No loop at all: 3,000 statements `t.reverse();` (36 KB, far under the 1 MB code cap) in one
  // function run 3,000 long steps with no function entry and no back edge: 1.7 s, host_timer,
  // worker replaced (10 MB arrays: 1.7 s too). A JavaScript wrapper around reverse (the file's
  // comment) fixes this as well; the transform alone would need a tick every few statements.
  it("3,000 straight-line calls of TypedArray reverse end timeout on their own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => { const t = new Uint8Array(3e7); ${"t.reverse();".repeat(3_000)} return 1; }`);
  });

  // The same with an operator, which no wrapper can reach: 3,000 statements `x = a * a;` of a
  // 2,000,000-bit BigInt (30 KB of code) held the worker until the host killed it (1.5 s,
  // host_timer, worker replaced); the same multiplication in a loop stops (round 4's tick). A fix
  // needs the transform to tick straight-line code too (a call of the tick every few statements,
  // and inside one long expression every few operators), or the host a way to stop a call that
  // does not wait for V8's next function entry or back edge.
  it.skip("3,000 straight-line BigInt multiplications end timeout on their own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => { const a = (1n << 2000000n) - 1n; let x = 0n; ${"x = a * a;".repeat(3_000)} return 1; }`);
  });
});

describe("attack tick: honest code the tick changes", () => {
  // A function's source text now holds the tick: Node answers the text as written.
  it.skip("Function.prototype.toString of a function with a loop is its source text", { timeout: 60_000 }, async () => {
    await withHost({ workers: 1 }, async (h) => {
      await h.load({ id: "p", code: `export default () => { function f(n) { let s = 0; for (let i = 0; i < n; i++) s += i; return s; } return f.toString(); }` });
      expect(await h.call("p", null)).toMatchObject({ ok: true, output: "function f(n) { let s = 0; for (let i = 0; i < n; i++) s += i; return s; }" });
    });
  });

  // Error positions: the 18 characters of `__capsmith_tick();` move every column after a loop's
  // body opens on the same line, in the plugin's own `e.stack` and in the stack the host gets
  // (`details.stack` of a plugin_error): `plugin.js:2:62` where Node (the same module run as an
  // .mjs file) says 2:44. Line 1 was already off by the factory's prefix, as is a line with an
  // async function or `export default` (their rewrites); other lines were exact
  // until the tick. A fix: the worker maps `plugin.js:L:C` through the transform's edits (it knows
  // each insertion: a per-line offset table) in the host's stack and in Error.prepareStackTrace.
  it.skip("an error thrown inside a loop's body reports the column Node reports", { timeout: 60_000 }, async () => {
    await withHost({ workers: 1 }, async (h) => {
      await h.load({ id: "p", code: "export default () => {\n  for (let i = 0; i < 1; i++) { try { null.x; } catch (e) { return e.stack; } }\n};\n" });
      const r = await h.call("p", null);
      expect(r.ok && String(r.output)).toContain("plugin.js:2:44)");
    });
  });

  // And so compiling a function's own text again (a plugin allowed eval that revives functions
  // from their text) is refused for every function with a loop, not only for async ones as
  // docs/sandbox.md says: `scan_rejected`, "names starting with __capsmith are reserved". Node
  // answers 6. A fix: the tick outside the text toString shows (e.g. Function.prototype.toString
  // wrapped to drop the exact `__capsmith_tick();` the transform put, `{__capsmith_tick();…}` brackets
  // included), or the reserved name accepted where it stands as the transform would put it. Fixed
  // the second way: generated code may call `__capsmith_tick()` (no arguments), nothing else of it.
  it("eval of a function's own text, holding a loop, answers as natively", { timeout: 60_000 }, async () => {
    await withHost({ workers: 1 }, async (h) => {
      await h.load({ id: "p", allow: ["eval"], code: `export default () => { function f(n) { let s = 0; for (let i = 0; i < n; i++) s += i; return s; } return eval("(" + f + ")")(4); }` });
      expect(await h.call("p", null)).toMatchObject({ ok: true, output: 6 });
    });
  });
});

describe("the built-ins made JavaScript entries answer as natively", () => {
  it("typed arrays, strings, JSON, Object, Reflect, Map and RegExp", { timeout: 60_000 }, async () => {
    const expression = `(() => {
      const e = (f) => { try { return f(); } catch (x) { return x.constructor.name; } };
      const t = new Uint8Array([5, 1, 4, 1]);
      const f = new Float64Array([2.5, -1, NaN, 0]);
      const TA = Object.getPrototypeOf(Uint8Array.prototype);
      return [
        t.lastIndexOf(1), t.lastIndexOf(1, undefined), t.lastIndexOf(1, 2), t.indexOf(4), t.includes(NaN), f.includes(NaN), f.indexOf(NaN),
        Array.from(t.slice().sort()), Array.from(f.slice().sort()), Array.from(t.slice().sort((a, b) => b - a)), Array.from(t.toSorted()), Array.from(t.toReversed()), Array.from(t.with(0, 9)),
        t.join(), t.join("-"), f.join(), String(t), t.toLocaleString("de"), Array.from(new Uint8Array(4).fill(3, 1)), Array.from(t.map((x) => x * 2)), t.filter((x) => x > 1).length,
        t.reduce((a, b) => a + b), t.reduceRight((a, b) => a + b, ""), t.every((x) => x > 0), t.some((x) => x > 4), t.find((x) => x > 3), t.findIndex((x) => x > 3), t.findLast((x) => x < 2), t.findLastIndex((x) => x < 2),
        Array.from(new Uint8Array([1, 2, 3, 4]).copyWithin(0, 2)), (() => { const u = new Uint8Array(3); u.set([7, 8], 1); return Array.from(u); })(), (() => { let n = 0; t.forEach((x) => (n += x)); return n; })(),
        e(() => TA.reverse.call([1, 2])), e(() => TA.join.call({})), TA.lastIndexOf.length, TA.join.name, TA.sort.length, TA.set.length,
        "abcabc".indexOf("c"), "abcabc".indexOf("c", 3), "abc".includes("b", 2), "a,b,,c".split(","), "a,b,,c".split(",", 2), "a1b2".split(/\d/), "  x ".trim(), " x ".trimStart(), " x ".trimEnd(),
        "abc".startsWith("b", 1), "abc".endsWith("b", 2), "a\uD800".isWellFormed(), "a\uD800".toWellFormed(), "abc".at(-1), "abc".charAt(1), "abc".charCodeAt(1), "\u{1F600}".codePointAt(0),
        String.prototype.indexOf.length, String.prototype.split.name, e(() => String.prototype.trim.call(null)), e(() => String.prototype.at.call(undefined)),
        JSON.stringify({ a: [1, "x"] }), JSON.stringify({ a: 1, b: 2 }, ["a"]), JSON.stringify([1], null, 2), JSON.stringify(undefined) === undefined, JSON.stringify.length, JSON.stringify({ x: JSON.rawJSON("1e3") }),
        Object.keys({ b: 1, a: 2 }), Object.values({ a: 1 }), Object.entries({ a: 1 }), Object.assign({}, { a: 1 }, null, "xy"), Object.getOwnPropertyNames("ab"), Object.keys(Object.getOwnPropertyDescriptors({ a: 1 })),
        Object.isFrozen(Object.freeze({})), Object.isSealed(Object.seal({})), Object.fromEntries([["a", 1]]), Object.groupBy([1, 2, 3], (x) => (x % 2 ? "odd" : "even")), [...Map.groupBy([1, 2, 3], (x) => x % 2)].length,
        Reflect.ownKeys({ a: 1, [Symbol.iterator]: 2 }).length, Object.keys.length, Object.assign.length, e(() => Object.keys(null)), e(() => new Object.keys({})), RegExp.escape("a.b"), Object.keys.name,
      ];
    })()`;
    const native = JSON.parse(JSON.stringify((0, eval)(expression))) as unknown;
    let r: unknown;
    await withHost({ workers: 1 }, async (h) => {
      await h.load({ id: "honest", code: `export default () => ${expression}` });
      r = await h.call("honest", null);
    });
    expect(r).toMatchObject({ ok: true, output: native });
  });
});

describe("attack tick: held", () => {
  // Built-ins and wrappers whose repetition of a built-in callback, getter or `next` the worker's
  // own check still stops (measured 0.56-0.81 s against 500 ms with 30 MB reverses): their
  // iteration enters JavaScript or checks for interrupts. Keep them so.
  const holds: [string, string][] = [
    ["Array.from with a built-in mapfn (the wrapper's own loop)", `return Array.from({ length: 1e4 }, r).length;`],
    ["concat of built-in index getters (the wrapper's own loop)", `const o = { length: 1e4, [Symbol.isConcatSpreadable]: true }; for (let i = 0; i < 1e4; i++) Object.defineProperty(o, i, { get: r }); return [].concat(o).length;`],
    ["flatMap with a built-in mapper", `return new Array(1e4).fill(0).flatMap(r).length;`],
    ["a Set of an iterator whose next is a built-in", `${ITERABLE} return new Set(it).size;`],
    ["yield* over an iterator whose next is a built-in", `${ITERABLE} function* g() { yield* it; } return [...g()].length;`],
    ["Iterator.from(...).toArray() over a built-in next", `return Iterator.from({ next: r }).toArray().length;`],
    ["Intl.ListFormat of an iterator whose next is a built-in", `${ITERABLE} return new Intl.ListFormat("en").format(it);`],
    ["a chain of 10,000 then with a built-in handler", `let p = Promise.resolve(0); for (let i = 0; i < 1e4; i++) p = p.then(r); return p.then(() => 1);`],
    ["Array.fromAsync with a built-in mapfn", `return Array.fromAsync(new Array(1e4).fill(0), r).then((x) => x.length);`],
    ["JSON.stringify of elements whose toJSON is a built-in", `return JSON.stringify(new Array(1e4).fill({ toJSON: l })).length;`],
  ];
  for (const [name, body] of holds) {
    it(`${name} ends timeout on its own`, { timeout: 60_000 }, async () => {
      await endsOnItsOwn(`export default () => { ${SETUP} ${body} }`);
    });
  }

  // An endless iterator of tiny built-in steps (`next` is Object: a fresh object, never done)
  // spread into an array: no long step, so the engine's checks (or the memory limit) end it.
  it("spread of an endless iterator whose next is Object ends on its own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => [...{ [Symbol.iterator]() { return { next: Object }; } }].length`, {}, ["memory_limit"]);
  });

  // The tick cannot be replaced, deleted or redefined from plugin code, and generated code cannot
  // declare it (not even with an escape in its name); a loop after the attempts still ticks.
  it("the tick cannot be replaced, and a loop after the attempts ends timeout on its own", { timeout: 60_000 }, async () => {
    await withHost({ workers: 1, graceMs: 1_000 }, async (h) => {
      const attempts = `const g = globalThis; const k = "__capsmith" + "_tick"; const out = [];
        try { g[k] = () => {}; } catch (e) { out.push(e.name); }
        try { Object.defineProperty(g, k, { value: () => {} }); } catch (e) { out.push(e.name); }
        try { delete g[k]; } catch (e) { out.push(e.name); }
        try { Object.setPrototypeOf(g[k], null); } catch (e) { out.push(e.name); }
        out.push(Object.isFrozen(g[k]));`;
      await h.load({ id: "probe", code: `export default () => { ${attempts} return out; }` });
      expect(await h.call("probe", null)).toMatchObject({ ok: true, output: ["TypeError", "TypeError", "TypeError", "TypeError", true] });
      await h.load({ id: "shadow", allow: ["eval"], code: `export default (s) => eval(s)` });
      for (const text of ["let __capsmith_tick = () => {}; 1", "let \\u005f_capsmith_tick = () => {}; 1", "var __capsmith_tick; 1"]) {
        expect(code(await h.call("shadow", text))).toBe("scan_rejected");
      }
      await h.load({ id: "loop", limits: { timeoutMs: 500 }, code: `export default () => { ${attempts} const t = new Uint8Array(3e7); for (;;) t.reverse(); }` });
      const before = await pids(h);
      const r = await h.call("loop", null);
      expect(code(r)).toBe("timeout");
      if (!r.ok) expect(r.error.details?.["observed"]).toBeUndefined();
      expect(await pids(h)).toEqual(expect.arrayContaining(before));
    });
  });

  // Text the module parse and the engine (which compiles a script) read differently, hiding a loop
  // from the transform: `<!--` starts a comment in a script and `-->` at a line's start is one (the
  // loop inside the template literal the module parse sees would run unticked); at the top level
  // `await /1;for(;;)t.reverse();// 2` is an await of a regexp to a module and, with a global named
  // `await`, a division then a loop to a script. Both are refused at load.
  it("a loop hidden from the transform by module-only readings is refused at load", { timeout: 60_000 }, async () => {
    await withHost({ workers: 1 }, async (h) => {
      const html = "export default () => {\n  const t = new Uint8Array(1e7); let y = 1;\n  const s = y <!--y + `\n  for (;;) t.reverse();\n-->`;\n  return s;\n};\n";
      const topLevelAwait = `globalThis["await"] = 1;\nconst t = new Uint8Array(1e7);\nlet x = await /1;for(;;)t.reverse();// 2\n;\nexport default () => x;\n`;
      for (const source of [html, topLevelAwait]) {
        await expect(h.load({ id: "p", code: source })).rejects.toMatchObject({ code: "scan_rejected" });
      }
    });
  });
});
