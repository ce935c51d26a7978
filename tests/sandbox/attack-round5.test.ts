/**
 * Attack round 5 (issue 16): built-ins that walk a length or a buffer in one step the call's timer
 * cannot cut short, other than those round 4 found (BigInt, the Intl objects, Array.from). Real
 * isolates in real worker processes through createPluginHost; outcomes, codes and pids only.
 *
 * The new class: Array.prototype's generic methods (and String.raw) loop from 0 to `length` inside
 * the engine, calling no JavaScript for a missing element. An array-like `{ length: 2 ** 53 - 1 }`
 * or an empty array of length 2 ** 32 - 1 costs the plugin no memory and nothing to build, and one
 * call of the method, no loop around it, holds the worker until the host kills it (`host_timer`),
 * at the default 64 MB limit. Measured (workers: 2, default limits, `Array.prototype.indexOf.call({
 * length: 2 ** 53 - 1 }, 2)`): N such calls at once get N worker kills, and a benign plugin called
 * every 20 ms meanwhile waited 2.0 s (N = 2), 6.1 and 7.8 s (N = 4, two runs), 12.8 s (N = 8) for
 * one answer; four or eight calls of `for (;;) {}` instead, which the worker ends itself, held it
 * at most 3.4 s.
 *
 * Every `it.skip` is a promise the sandbox still breaks; its comment says what happened and what a
 * fix needs. They are skipped, not `it.fails`: whether the host's timer or the worker's own check
 * ends them first depends on the machine's speed. Plain `it`s are attacks that hold and are worth
 * keeping so.
 */
import { describe, expect, it } from "vitest";
import { createPluginHost } from "../../src/sandbox/index.ts";
import { besideBenign, code, endsOnItsOwn, pids, withHost } from "./attack-harness.ts";

/** What `source`'s default export answers in a fresh host: its output, or its error's code. */
const answerOf = async (source: string, timeoutMs = 10_000): Promise<{ ok: boolean; output?: unknown; code?: string }> => {
  let out: { ok: boolean; output?: unknown; code?: string } = { ok: false };
  await withHost({ workers: 1 }, async (h) => {
    await h.load({ id: "honest", code: source, limits: { timeoutMs } });
    const r = await h.call("honest", null);
    out = r.ok ? { ok: true, output: r.output } : { ok: false, code: r.error.code };
  });
  return out;
};

/** The length of an array-like no method can finish walking, and of the longest array. */
const HUGE = "2 ** 53 - 1";
const ARRAY_MAX = "2 ** 32 - 1";

describe("attack round 5: one call of a generic Array method over a huge length holds the worker", () => {
  // Each line is one call, at the default 64 MB limit: every one held the worker until the host
  // killed it (`timeout`, `observed: "host_timer"`, ~1.5 s against 500 ms, the worker's pid
  // replaced). V8's generic paths (and, for an array of length 2 ** 32 - 1 with no elements, its
  // dictionary-elements paths) walk every index from 0 to length with a HasProperty/Get each and
  // no interrupt check; missing elements call no JavaScript, so nothing ever enters a function.
  // A fix needs each of these methods wrapped (as bootstrap-steps.ts wraps the string built-ins):
  // read `length` once (ToLength, as natively) and refuse `input_too_large` when the range it
  // would walk is larger than a bound (a few million indices) unless the receiver is a dense
  // array; or, for sparse arrays and array-likes, walk only the receiver's own index keys.
  // The bound must cover the receiver's length, not its memory: these objects are a few bytes.
  const cases: [string, string][] = [
    ["indexOf over an array-like", `Array.prototype.indexOf.call({ length: ${HUGE} }, 2)`],
    ["lastIndexOf over an array-like", `Array.prototype.lastIndexOf.call({ length: ${HUGE} }, 2)`],
    ["includes over an array-like", `Array.prototype.includes.call({ length: ${HUGE} }, 2)`],
    ["join over an array-like", `Array.prototype.join.call({ length: ${ARRAY_MAX} }, "").length`],
    ["toLocaleString over an array-like", `Array.prototype.toLocaleString.call({ length: ${ARRAY_MAX} }).length`],
    ["indexOf over a sparse array", `(() => { const a = []; a[${ARRAY_MAX} - 1] = 1; return a.indexOf(2); })()`],
    ["fill of an empty array of the longest length", `(() => { const a = []; a.length = ${ARRAY_MAX}; a.fill(1); return 1; })()`],
    ["forEach over an array-like", `(Array.prototype.forEach.call({ length: ${HUGE} }, () => {}), 1)`],
    ["every over an empty array of the longest length", `(() => { const a = []; a.length = ${ARRAY_MAX}; return a.every(() => false); })()`],
    ["reduce over an empty array of the longest length", `(() => { const a = []; a.length = ${ARRAY_MAX}; return a.reduce((x, y) => x + y, 0); })()`],
    ["flat of an array-like", `Array.prototype.flat.call({ length: ${HUGE} }).length`],
    ["reverse of an array-like", `(Array.prototype.reverse.call({ length: ${HUGE} }), 1)`],
    ["copyWithin of an array-like", `(Array.prototype.copyWithin.call({ length: ${HUGE} }, 0, 1), 1)`],
    ["shift of an array-like", `(Array.prototype.shift.call({ length: ${HUGE} }), 1)`],
    ["unshift of an array-like", `(Array.prototype.unshift.call({ length: ${HUGE} - 1 }, 1), 1)`],
    ["splice of an array-like", `(Array.prototype.splice.call({ length: ${HUGE} }, 0, 1), 1)`],
    ["slice of an array-like", `Array.prototype.slice.call({ length: ${ARRAY_MAX} }).length`],
    ["map over an array-like", `Array.prototype.map.call({ length: ${ARRAY_MAX} }, (x) => x).length`],
    ["filter over an array-like", `Array.prototype.filter.call({ length: ${HUGE} }, (x) => x).length`],
    ["concat of a spreadable array-like", `[].concat({ length: ${ARRAY_MAX}, [Symbol.isConcatSpreadable]: true }).length`],
  ];
  // Fixed: each of these built-ins is a wrapper (bootstrap-steps.ts) that bounds the length it
  // will walk by the plugin's memory limit, read once; `fill` of a sparse array refuses memory_limit.
  for (const [name, expression] of cases) {
    it(`${name} ends timeout on its own`, { timeout: 60_000 }, async () => {
      await endsOnItsOwn(`export default () => ${expression}`, {}, ["input_too_large", "memory_limit"]);
    });
  }

  // The ways around a bound on the length: a length the check reads small and the built-in, reading
  // it again, huge — a getter, an object's valueOf, a Proxy's trap (of an array target, so
  // Array.isArray says true), a Proxy made by Proxy.revocable, a Proxy on the prototype chain, a
  // spreadable marking answered by a getter. Each is walked on a view whose length is read once,
  // or refused by a built-in that writes to its receiver.
  const swap = `(() => { let n = 0; return () => (n++ === 0 ? 0 : ${HUGE}); })()`;
  const bypasses: [string, string][] = [
    ["a length getter", `(() => { const f = ${swap}; return Array.prototype.indexOf.call({ get length() { return f(); } }, 2); })()`],
    ["a length object's valueOf", `(() => { const f = ${swap}; return Array.prototype.includes.call({ length: { valueOf: f } }, 2); })()`],
    ["a Proxy of an array whose get trap answers the length", `(() => { const f = ${swap}; return new Proxy([], { get: (t, k) => (k === "length" ? f() : undefined) }).indexOf(2); })()`],
    ["a revocable Proxy", `(() => { const f = ${swap}; return Array.prototype.join.call(Proxy.revocable([], { get: (t, k) => (k === "length" ? f() : undefined) }).proxy, "").length; })()`],
    ["a Proxy on the prototype chain", `(() => { const f = ${swap}; const o = Object.create(new Proxy({}, { get: (t, k) => (k === "length" ? f() : undefined) })); return Array.prototype.lastIndexOf.call(o, 2); })()`],
    ["a built-in that writes, on a length getter", `(() => { const f = ${swap}; Array.prototype.reverse.call({ get length() { return f(); } }); return 1; })()`],
    ["fill on a length getter", `(() => { const f = ${swap}; Array.prototype.fill.call({ get length() { return f(); } }, 1); return 1; })()`],
    ["concat of a spreadable marking answered by a getter", `(() => { let n = 0; const o = { length: ${HUGE}, get [Symbol.isConcatSpreadable]() { return n++ > 0; } }; return [].concat(o).length; })()`],
    ["String.raw of a raw length getter", `(() => { const f = ${swap}; return String.raw({ raw: { get length() { return f(); } } }).length; })()`],
  ];
  for (const [name, expression] of bypasses) {
    it(`around the bound, ${name}: ends on its own or refused`, { timeout: 60_000 }, async () => {
      // "ok": the built-in walked a view of the length read first (0), and answered at once.
      await endsOnItsOwn(`export default () => ${expression}`, {}, ["ok", "input_too_large", "memory_limit", "plugin_error"]);
    });
  }

  it("array-likes, Proxies and String.raw still answer as natively below the bound", { timeout: 60_000 }, async () => {
    const h = createPluginHost({ workers: 1 });
    try {
      await h.load({
        id: "honest",
        code: `export default () => {
          let reads = 0;
          const counted = { 0: "a", 1: "b", get length() { reads++; return 2; } };
          const proxied = new Proxy(["x", "y", "z"], {});
          const { proxy, revoke } = Proxy.revocable({ v: 1 }, {});
          const seen = proxy.v;
          revoke();
          let revoked = "no";
          try { proxy.v; } catch (e) { revoked = e.constructor.name; }
          return {
            map: Array.prototype.map.call(counted, (s) => s.toUpperCase()),
            reads,
            join: Array.prototype.join.call({ length: 3, 0: 1, 2: 3 }, "-"),
            typed: Array.prototype.indexOf.call(new Uint8Array([5, 6, 7]), 7),
            text: Array.prototype.filter.call("abc", (c) => c !== "b"),
            proxyIsArray: Array.isArray(proxied),
            proxyJoin: proxied.join(""),
            proxySorted: [...proxied].reverse(),
            reversed: Array.prototype.reverse.call({ length: 2, 0: "p", 1: "q" }),
            concat: [1].concat([2], { length: 1, 0: 3, [Symbol.isConcatSpreadable]: true }, 4),
            trapped: new Proxy({}, { get: (t, k) => String(k).length }).abcd,
            seen, revoked,
            proxyShape: [typeof Proxy, Proxy.prototype, Proxy.name, Proxy.length, Proxy.revocable.length],
            raw: String.raw({ raw: ["a", "b", "c"] }, 1, 2),
          };
        }`,
      });
      expect(await h.call("honest", null)).toMatchObject({
        ok: true,
        output: {
          map: ["A", "B"], reads: 1, join: "1--3", typed: 2, text: ["a", "c"], proxyIsArray: true, proxyJoin: "xyz", proxySorted: ["z", "y", "x"],
          reversed: { 0: "q", 1: "p", length: 2 }, concat: [1, 2, 3, 4], trapped: 4, seen: 1, revoked: "TypeError",
          proxyShape: ["function", null, "Proxy", 2, 2], raw: "a1b2c",
        },
      });
    } finally {
      await h.close();
    }
  });

  // A TypedArray made from an array-like reads every index of it the same way (a Get that finds
  // nothing, per element): 200 M elements, within a 256 MB limit, held the worker until the host
  // killed it (host_timer). A fix needs the TypedArray constructors (and `from`) wrapped, refusing
  // an array-like source (not an ArrayBuffer or TypedArray) longer than the bound above.
  it.skip("a Uint8Array from an array-like of 200 M elements ends timeout on its own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => new Uint8Array({ length: 2e8 }).length`, { memoryMB: 256 }, ["input_too_large"]);
  });

  // String.raw walks its template object's `raw` the same way, appending "undefined" for each
  // missing index: one call held the worker until the host killed it (host_timer, ~1.7 s). A fix
  // needs String.raw to refuse a `raw.length` past a bound (the 2**29 V8 string limit is reached
  // only after tens of millions of steps). Fixed: String.raw is a wrapper with the arrays' bound.
  it("String.raw of a template object with a huge raw length ends timeout on its own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => String.raw({ raw: { length: ${HUGE} } }).length`, {}, ["input_too_large"]);
  });

  // Array.prototype.sort of an array-like of length 2 ** 32 - 1 makes V8 allocate its work list
  // at once: the worker aborts (fatal out-of-memory) 15 ms into the call, `memory_limit` with
  // `observed: "v8_oom"`, and the worker process and every isolate loaded in it are gone. A plugin
  // of one line costs a worker per call. A fix needs sort/toSorted refusing such lengths in a
  // wrapper (the same bound as above), before V8 sizes its work list. Fixed (input_too_large).
  it("sort of an array-like of the longest array length ends memory_limit, its worker kept", { timeout: 60_000 }, async () => {
    await besideBenign(
      { workers: 1, graceMs: 1_000 },
      { limits: { timeoutMs: 500 }, code: `export default () => (Array.prototype.sort.call({ length: ${ARRAY_MAX} }), 1)` },
      ["memory_limit", "input_too_large"],
    );
  });

  // The neighbour's view of the class above (measured figures in the header): each hostile call
  // costs a worker kill, and the benign calls queue behind the wedged workers. Fixed by the bound
  // above: every call here is refused at once.
  it("four concurrent one-line calls over a huge array-like end timeout on their own while a benign neighbour answers", { timeout: 60_000 }, async () => {
    await withHost({ workers: 2, graceMs: 1_000 }, async (h) => {
      await h.load({ id: "benign", code: `export default (x) => x + 1` });
      await h.load({ id: "hostile", limits: { timeoutMs: 500 }, code: `export default () => Array.prototype.indexOf.call({ length: ${HUGE} }, 2)` });
      const [hostile, benign] = await Promise.all([
        Promise.all([1, 2, 3, 4].map(() => h.call("hostile", null))),
        h.call("benign", 1),
      ]);
      for (const r of hostile) {
        expect(["timeout", "input_too_large"]).toContain(code(r));
        if (!r.ok) expect(r.error.details?.["observed"]).toBeUndefined();
      }
      expect(benign).toMatchObject({ ok: true, output: 2 });
    });
  });
});

describe("attack round 5: one call that compares long strings over and over holds the worker", () => {
  // String.prototype.lastIndexOf searches backwards naively: at each of the haystack's positions it
  // compares the whole needle, so a 2 M-character haystack of "a" and a needle of 1 M "a" then "b"
  // cost 10^12 comparisons (2e4/1e4 took 0.1 s; 2e6/1e6 held the worker until the host killed it,
  // host_timer). 3 MB of strings, one call, the default 64 MB limit. (indexOf, includes and split
  // use a linear search and held.) A fix needs lastIndexOf wrapped, refusing `input_too_large` when
  // haystack length x needle length passes a bound (~5e7), or searching in JavaScript. Fixed: past
  // `lastIndexOfWork` comparisons the search goes window by window from the end, a function entry
  // between windows (bootstrap-long-steps.ts), with the same answer.
  it("lastIndexOf of a 1 M-character needle in a 2 M-character haystack ends timeout on its own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => "a".repeat(2e6).lastIndexOf("a".repeat(1e6) + "b")`);
  });

  // The windowed search answers as the built-in does, on either side of the bound.
  it("lastIndexOf answers as natively, searched whole or window by window", { timeout: 60_000 }, async () => {
    const cases = `(() => {
      const h = "ab".repeat(150000) + "xyz" + "ab".repeat(1000) + "a".repeat(40000);
      const needle = "ab".repeat(50) + "xyz";
      const out = [];
      for (const pos of [undefined, 0, 1, 12345, 299999, 300000, 300003, NaN, -5, Infinity, "200000", { valueOf: () => 300001 }]) {
        out.push(h.lastIndexOf(needle, pos), h.lastIndexOf("ab".repeat(60), pos), h.lastIndexOf("a".repeat(500), pos), h.lastIndexOf("b".repeat(300), pos));
      }
      const first = "xyz" + "ab".repeat(200000);
      out.push(first.lastIndexOf("xyz" + "ab".repeat(40)), first.lastIndexOf("yz" + "ab".repeat(40)), first.lastIndexOf("ab".repeat(41) + "c"), first.lastIndexOf("xyz" + "ab".repeat(40), 3));
      out.push(h.lastIndexOf(""), h.lastIndexOf("", 7), h.lastIndexOf(h), h.lastIndexOf(h + "a"));
      out.push(String.prototype.lastIndexOf.call(1234512345, 45), "abcabc".lastIndexOf({ toString: () => "bc" }), "abc".lastIndexOf("c", -Infinity));
      return out;
    })()`;
    const native = (0, eval)(cases) as unknown;
    expect(await answerOf(`export default () => ${cases}`)).toEqual({ ok: true, output: native });
  });

  // Strings longer than 16,383 characters hash by their length only, so two 1 M-character strings
  // that differ in their last character are compared character by character every time. An array
  // holding only those two strings, 20,000 times (4 MB in all), costs the default sort 2.6e5
  // comparisons of 1 M characters and indexOf 2e4 of them, inside the engine: each held the worker
  // until the host killed it (host_timer). A fix needs sort (default comparator), indexOf,
  // lastIndexOf and includes wrapped with a bound on the work (elements x the longest string
  // element), or these comparisons moved where an interrupt check reaches them.
  it.skip("the default sort of two long strings repeated 20,000 times ends timeout on its own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => { const a = "x".repeat(1e6) + "a", b = "x".repeat(1e6) + "b"; a.indexOf("q"); b.indexOf("q"); const arr = []; for (let i = 0; i < 2e4; i++) arr.push(i % 2 ? a : b); return arr.sort().length; }`, {}, ["input_too_large"]);
  });

  it.skip("indexOf of a long string in an array of 20,000 copies of its near twin ends timeout on its own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => { const a = "x".repeat(1e6) + "a", b = "x".repeat(1e6) + "b"; a.indexOf("q"); b.indexOf("q"); return new Array(2e4).fill(a).indexOf(b); }`, {}, ["input_too_large"]);
  });
});

describe("attack round 5: loops of built-ins whose one step is long", () => {
  // A loop calling one of these a few hundred times was not interrupted (a loop's back edge checks
  // only once its interrupt budget is spent): each held the worker until the host killed it
  // (host_timer, ~1.6-1.9 s against 500 ms). Fixed in general, not built-in by built-in: the module
  // transform starts every loop's body with a call of an empty function (module-transform.ts), whose
  // entry is an interrupt check, so each loop stops within one step of its deadline.
  const cases: [string, string, number][] = [
    ["TypedArray fill of 60 MB", `const t = new Uint8Array(6e7); for (;;) t.fill(1);`, 64],
    ["TypedArray indexOf over 60 MB", `const t = new Uint8Array(6e7); for (;;) t.indexOf(1);`, 64],
    ["TypedArray reverse of 60 MB", `const t = new Uint8Array(6e7); for (;;) t.reverse();`, 64],
    ["TypedArray join of 10 M bytes", `const t = new Uint8Array(1e7); for (;;) t.join("");`, 64],
    ["RegExp.escape of 8 M characters", `const s = "a.".repeat(4e6); for (;;) RegExp.escape(s);`, 256],
    ["TypedArray reverse of 10 MB in a do-while", `const t = new Uint8Array(1e7); let i = 0; do t.reverse(); while (++i > 0);`, 64],
    ["TypedArray reverse of 10 MB in a for-of over an endless generator", `const t = new Uint8Array(1e7); function* g() { for (;;) yield 1; } for (const _ of g()) t.reverse();`, 64],
  ];
  for (const [name, body, memoryMB] of cases) {
    it(`a loop of ${name} ends timeout on its own`, { timeout: 60_000 }, async () => {
      await endsOnItsOwn(`export default () => { ${body} }`, { memoryMB }, ["input_too_large"]);
    });
  }

  // Generated code's loops get the same call (generated-code.ts runs the same transform).
  it("a loop of TypedArray reverse in eval'd code ends timeout on its own", { timeout: 60_000 }, async () => {
    await withHost({ workers: 1, graceMs: 1_000 }, async (h) => {
      await h.load({ id: "hostile", allow: ["eval"], limits: { timeoutMs: 500 }, code: `export default () => eval("const t = new Uint8Array(1e7); for (;;) t.reverse();")` });
      const before = await pids(h);
      const r = await h.call("hostile", null);
      expect(code(r)).toBe("timeout");
      if (!r.ok) expect(r.error.details?.["observed"]).toBeUndefined();
      expect(await pids(h)).toEqual(expect.arrayContaining(before));
    });
  });

  // One default sort of 4 M doubles took 0.7 s in plain Node, past the grace with a loaded machine.
  // Fixed: a typed array's default sort, join and toLocaleString are bounded by its length
  // (bootstrap-long-steps.ts, `typedSortElements` and the rest: input_too_large past them).
  it("a loop of TypedArray sort of 4 M doubles ends timeout on its own or is refused", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => { const t = new Float64Array(4e6); for (let i = 0; i < t.length; i++) t[i] = (i * 7919) % 4e6; for (;;) t.slice().sort(); }`, { memoryMB: 256 }, ["input_too_large"]);
  });

  // One step of these alone ran longer than the host's grace, loop or no loop (in plain Node 24 on
  // this machine, quiet: an array's join of 4 M numbers 1.5 s, of 1 M doubles 0.9 s, Object.assign
  // from a 1 M-character string 1.0 s, getOwnPropertyNames of a 2 M-character String 1.8 s,
  // Object.keys of one 2.3 s): each held the worker until the host killed it (host_timer). Fixed:
  // an array's join and toLocaleString go window by window past 64 Ki elements, in JavaScript
  // (bootstrap-arrays.ts, the same answer), and the Object functions that list or copy keys refuse
  // a string source longer than `stringKeyChars` (bootstrap-long-steps.ts, input_too_large).
  const steps: [string, string, number][] = [
    ["Array join of 4 M numbers", `const a = []; for (let i = 0; i < 4e6; i++) a.push(i); for (;;) a.join(",");`, 256],
    ["Array toString of 4 M numbers", `const a = []; for (let i = 0; i < 4e6; i++) a.push(i); for (;;) String(a);`, 256],
    ["Array toLocaleString of 4 M strings", `const a = new Array(4e6).fill("ab"); for (;;) a.toLocaleString();`, 256],
    ["Object.assign from a 1 M-character string", `const s = "a".repeat(1e6); for (;;) Object.assign({}, s);`, 256],
    ["Object.getOwnPropertyNames of a 2 M-character String object", `const s = new String("a".repeat(2e6)); for (;;) Object.getOwnPropertyNames(s);`, 256],
    ["Object.keys of a 2 M-character String object", `const s = new String("a".repeat(2e6)); for (;;) Object.keys(s);`, 256],
    ["Object.entries of a 2 M-character string", `const s = "a".repeat(2e6); for (;;) Object.entries(s);`, 256],
    ["Reflect.ownKeys of a 2 M-character String object", `const s = new String("a".repeat(2e6)); for (;;) Reflect.ownKeys(s);`, 256],
  ];
  for (const [name, body, memoryMB] of steps) {
    it(`a loop of ${name} ends timeout on its own`, { timeout: 60_000 }, async () => {
      await endsOnItsOwn(`export default () => { ${body} }`, { memoryMB }, ["input_too_large"]);
    });
  }

  // The windowed join answers as the built-in does (both sides of the window, holes, null and
  // undefined, nested and cyclic arrays, a separator converted once, array-likes, toLocaleString's
  // arguments), and the Object functions take short strings as natively.
  it("join, toString and toLocaleString of long arrays, and the Object functions on short strings, answer as natively", { timeout: 90_000 }, async () => {
    const cases = `(() => {
      const h = (s) => { let x = 0; for (let i = 0; i < s.length; i++) x = (x * 31 + s.charCodeAt(i)) | 0; return [s.length, x, s.slice(0, 40), s.slice(-40)]; };
      const n = 200000;
      const a = []; for (let i = 0; i < n; i++) a.push(i % 3 === 0 ? i / 7 : i % 5 === 0 ? null : i % 11 === 0 ? undefined : i % 13 === 0 ? [i, "x"] : "s" + i);
      a.length = n + 5; a[n + 3] = true;
      const cyc = a.slice(); cyc.push(cyc); cyc[7] = [1, cyc];
      let seps = 0; const sep = { toString: () => (seps++, "|") };
      const like = { length: 70000, 5: "five", 69999: "last" };
      const out = [a.join(), a.join(sep), a.join(""), String(a), cyc.join("-"), cyc.toString(), Array.prototype.join.call(like, ";"),
        a.toLocaleString(), a.toLocaleString("de-DE", { maximumFractionDigits: 1 }), Array.prototype.toLocaleString.call(like),
        Array.prototype.join.call("x".repeat(70000), "."), a.slice(0, 10).join("+")].map(h);
      out.push(seps);
      let thrown; try { [...a.slice(0, 70000), Symbol("s")].join(); } catch (e) { thrown = e.name; } out.push(thrown);
      out.push(Object.keys("abc"), Object.entries(new String("ab")), Object.values("xy"), Object.assign({}, "ab", "c", { z: 1 }), Object.getOwnPropertyNames(new String("ab")), Reflect.ownKeys(new String("q")), Object.create(null, {}) !== null, Object.keys([1, 2]), Object.keys({ length: 1 }));
      return out;
    })()`;
    const native = (0, eval)(cases) as unknown;
    // A dozen walks of 200,000 elements: 10 s ran out at load 12, so this honest call gets 40 s.
    expect(await answerOf(`export default () => ${cases}`, 40_000)).toEqual({ ok: true, output: native });
  });

  // JSON.rawJSON parses its text with the engine's JSON parser, past the JSON.parse wrapper's
  // 4 Mi-character bound (bootstrap-steps.ts): a loop of it over a 24 M-character string literal of
  // \u escapes held the worker until the host killed it (host_timer). Fixed by the loop's tick (above):
  // one rawJSON of the text is a short step, a loop of them was the problem.
  it("a loop of JSON.rawJSON of a 24 M-character string literal ends timeout on its own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => { const t = '"' + "\\\\u00e9".repeat(4e6) + '"'; for (;;) JSON.rawJSON(t); }`, { memoryMB: 256 }, ["input_too_large"]);
  });

  // docs/sandbox.md lists regular expression literals as bounded by their `\p{…}` count only; this
  // is what that leaves open. The `ui` character class of round 4 (bounded at 32 Ki characters for
  // `new RegExp`) written as a literal: 265,000 distinct code points, 786 KB of plugin code, under
  // the 1 MB code cap. The scan's `new RegExp` of it only parses (14 ms); V8 compiles it at the
  // first exec, one step of 3.6 s (in plain Node), and the call's timeout disposes the isolate, so
  // every call compiles it again: each call held the worker until the host killed it (host_timer).
  // A fix needs the parser to refuse a regular expression literal longer than
  // `ONE_STEP_LIMITS.regexpPatternChars` (scan_rejected at load, a SyntaxError in generated code).
  // Fixed: parser.ts refuses it (scan_rejected at load).
  it("a plugin holding a 265,000-character ui character class literal is refused or ends timeout on its own", { timeout: 60_000 }, async () => {
    let chars = "";
    for (let c = 0x100; c < 0xd000; c += 2) if (c !== 0x2028 && c !== 0x2029) chars += String.fromCharCode(c);
    await withHost({ workers: 1, graceMs: 1_000 }, async (h) => {
      await h.load({ id: "benign", code: `export default (x) => x + 1` });
      const loaded = await h.load({ id: "hostile", limits: { timeoutMs: 500 }, code: `export default () => /[${chars.repeat(10)}]/ui.test("a");` }).then(() => "loaded", (e: { code?: string }) => e.code);
      if (loaded === "loaded") {
        const before = await pids(h);
        const r = await h.call("hostile", null);
        expect(code(r)).toBe("timeout");
        if (!r.ok) expect(r.error.details?.["observed"]).toBeUndefined();
        expect(await pids(h)).toEqual(expect.arrayContaining(before));
      } else expect(loaded).toBe("scan_rejected");
      expect(await h.call("benign", 1)).toMatchObject({ ok: true, output: 2 });
    });
  });

  // The same bound in generated code (a SyntaxError the plugin can catch), and a literal at the
  // bound still compiles and matches.
  it("a regular expression literal past the bound is a SyntaxError in generated code, one at the bound works", { timeout: 60_000 }, async () => {
    await withHost({ workers: 1 }, async (h) => {
      await h.load({
        id: "gen",
        allow: ["eval"],
        code: `export default () => {
          const at = "a".repeat(32 * 1024 - 2) + "b$";
          let past; try { eval("/" + "a".repeat(32 * 1024 + 1) + "/"); past = "compiled"; } catch (e) { past = e.name; }
          return { past, at: eval("/" + at + "/").test("x".repeat(10) + "a".repeat(32 * 1024 - 2) + "b") };
        }`,
      });
      expect(await h.call("gen", null)).toMatchObject({ ok: true, output: { past: "SyntaxError", at: true } });
    });
  });

  // One locale tag of 400,000 variant subtags (3.6 MB) costs ICU ~150 ms to parse before it is
  // refused (RangeError), in a loop: host_timer. Round 4 found locale *lists*; a single tag needs
  // the same Intl entry points (Locale, DisplayNames.of, getCanonicalLocales, the constructors,
  // toLocale*String) to refuse a tag longer than a few hundred characters first.
  it("a loop of new Intl.Locale of a 3.6 MB tag ends timeout on its own", { timeout: 60_000 }, async () => {
    await endsOnItsOwn(`export default () => { const t = "en-" + "abcdefgh-".repeat(4e5) + "x"; for (;;) { try { new Intl.Locale(t); } catch {} } }`, { memoryMB: 256 }, ["input_too_large"]);
  });
});

describe("attack round 5: host operations whose arguments are costly for the host to read", () => {
  // 32 host.invoke calls, made at once, each with 1 MiB of arguments that are 60,000 objects of one
  // distinct key (JSON.parse makes a new hidden class for each: ~250 ms on the host's thread per
  // operation on 2 loaded cores, against ~30 ms for 1 MiB of numbers). The worker ends the call by
  // its own check at 5 s, but its result line is queued behind the 32 MB of operation lines its
  // event loop could not flush while the isolate ran (the host's `invoke` function was never
  // called: every operation line reached the host after the deadline); the host reads and parses
  // them (`parsePluginJson` in PluginHost.invoke, for a call already past its deadline) before it
  // reaches the result, and its watchdog kills the worker first: `timeout` with `observed: "host_timer"`
  // at ~6.1 s, the worker replaced, ~2 s of the host's CPU spent on one call's arguments. The same
  // call with the arguments as one string (cheap to parse) and twice the in-isolate work ended by the
  // worker's own check at 5.5 s. (The agent profile's llm.complete, whose arguments the host also
  // JSON.parses, did the same.) A benign neighbour's calls, measured meanwhile every 5 ms, waited at
  // most ~0.3 s: each parse holds the host's thread for one line. A fix needs the host to skip the
  // operations of a call past its deadline unread (or read the result first), and a per-call budget
  // of operation-argument bytes far below 32 x 1 MiB. Fixed: an operation that reaches the host past
  // its call's deadline is answered `timeout` unread, and a call's operations together carry at
  // most four inputs' worth of arguments (`input_too_large` past that, in the worker).
  it("32 host.invoke calls with 1 MiB arguments of distinct keys end timeout by the worker's own check", { timeout: 60_000 }, async () => {
    // The fifth operation is refused in the worker (host.invoke throws input_too_large, which
    // this plugin does not catch) unless the call's time ran out first.
    await besideBenign(
      { workers: 1, graceMs: 1_000, invoke: async () => ({ ok: true, output: 1 }) },
      {
        dependencies: ["dep"],
        limits: { timeoutMs: 5_000, memoryMB: 256 },
        code: `export default async (x, host) => { const junk = []; for (let i = 0; i < 60000; i++) junk.push({ [(7e8 + i).toString(36)]: 0 }); const ps = []; for (let i = 0; i < 32; i++) ps.push(host.invoke("dep", junk).then(() => 1, (e) => e.code)); return Promise.all(ps); }`,
      },
      ["timeout", "input_too_large"],
    );
  });

  it("a call's host operations together carry at most four inputs' worth of arguments", { timeout: 60_000 }, async () => {
    let invoked = 0;
    await withHost({ workers: 1, maxInputBytes: 100_000, invoke: async () => ((invoked++), { ok: true, output: 1 }) }, async (h) => {
      await h.load({
        id: "fan",
        dependencies: ["dep"],
        code: `export default async (n, host) => { const arg = "x".repeat(90_000); const out = []; for (let i = 0; i < n; i++) { try { await host.invoke("dep", arg); out.push("ok"); } catch (e) { out.push(e.code); } } return out; }`,
      });
      // Four of 90,000 characters fit in 4 x 100,000; the fifth and every one after are refused
      // before the host reads them, and the call itself goes on.
      expect(await h.call("fan", 6)).toMatchObject({ ok: true, output: ["ok", "ok", "ok", "ok", "input_too_large", "input_too_large"] });
      expect(invoked).toBe(4);
      // The budget is the call's: the next call starts again.
      expect(await h.call("fan", 1)).toMatchObject({ ok: true, output: ["ok"] });
    });
  });
});

describe("attack round 5: strings past the memory bound built without repeat", () => {
  // repeat/padStart/padEnd refuse a result past the memory limit (round 4), but that bound is not
  // what keeps memory in check: join of an empty array of length n with a one-character separator
  // builds the same n-character string (a rope, in 2 ms), and so does `s = s + s` 28 times; an
  // indexOf flattens each into 256 MB the isolate's limit does not see. Ten such strings at the
  // default 64 MB limit: the worker passed its RSS budget and the pool killed it (`memory_limit`,
  // `observed: "worker_rss"`). The promise holds through the RSS budget, with the worker replaced;
  // kept so. (Round 4's repeat test keeps its worker only because repeat refuses first.)
  // (join now refuses to walk an array longer than the memory limit: input_too_large at once.)
  const builders: [string, string, string[]][] = [
    ["join of an empty array", `new Array(2 ** 28 - 30).join(String.fromCharCode(97 + i))`, ["memory_limit", "input_too_large"]],
    // Loops tick now (issue 16): on a loaded machine the 500 ms timeout can end the call before the
    // tenth string has passed the RSS budget; either way it ends and the neighbour answers.
    ["doubling with +", `(() => { let s = String.fromCharCode(97 + i); for (let d = 0; d < 28; d++) s = s + s; return s; })()`, ["memory_limit", "timeout"]],
  ];
  for (const [name, build, codes] of builders) {
    it(`flattening strings built past the bound by ${name} ends ${codes.join(" or ")}, and a benign neighbour answers`, { timeout: 60_000 }, async () => {
      await withHost({ workers: 1, graceMs: 1_000 }, async (h) => {
        await h.load({ id: "benign", code: `export default (x) => x + 1` });
        await h.load({
          id: "hostile",
          limits: { timeoutMs: 500 },
          code: `export default () => { const keep = []; for (let i = 0; i < 10; i++) { const s = ${build}; s.indexOf("z"); keep.push(s); } return keep.length; }`,
        });
        expect(codes).toContain(code(await h.call("hostile", null)));
        expect(await h.call("benign", 1)).toMatchObject({ ok: true, output: 2 });
      });
    });
  }
});

describe("attack round 5: what held", () => {
  // Iteration through an iterator (the Set constructor, TypedArray from an iterable, iterator
  // helpers) checks interrupts even when every step is a built-in: over the 4,294,967,295 holes of
  // an empty array these end by the worker's own check. Kept so: the wrappers the fixes above need
  // must not take these paths away.
  // A TypedArray from an iterable first collects every value in a list, which may pass the
  // isolate's memory limit before its time limit (a quiet machine reaches it in 500 ms): both end
  // the call by the sandbox's own check.
  const iterating: [string, string, string[]][] = [
    ["new Set over the holes of the longest array", `new Set(new Array(${ARRAY_MAX})).size`, []],
    ["Iterator drop over the keys of the longest array", `new Array(${ARRAY_MAX}).keys().drop(2 ** 40).next().done`, []],
    ["a Uint8Array from the keys of the longest array", `new Uint8Array(new Array(${ARRAY_MAX}).keys()).length`, ["memory_limit"]],
  ];
  for (const [name, expression, refusals] of iterating) {
    it(`${name} ends on its own`, { timeout: 60_000 }, async () => {
      await endsOnItsOwn(`export default () => ${expression}`, {}, refusals);
    });
  }

  // A global RegExp replace over 30 M characters (one match each) goes through the sandbox's
  // RegExp (bootstrap-regexp.ts), whose JavaScript exec each match enters: it ends by the worker's
  // own check, as matchAll and split did. Hash flooding (2,000 keys of 20 K characters, which hash
  // by their length only, into a Set or an object) is slow but interruptible between insertions.
  const matching: [string, string][] = [
    ["a global replace over 30 M characters", `"a".repeat(3e7).replace(/a/g, "").length`],
    ["a Set of 2,000 long keys that hash alike", `(() => { const base = "x".repeat(2e4); const arr = []; for (let i = 0; i < 2e3; i++) arr.push(base + String(i).padStart(4, "0")); return new Set(arr).size; })()`],
  ];
  for (const [name, expression] of matching) {
    it(`${name} ends timeout on its own`, { timeout: 60_000 }, async () => {
      await endsOnItsOwn(`export default () => ${expression}`, { memoryMB: 256 });
    });
  }

  // ArrayBuffers made by other routes than `new ArrayBuffer` (a TypedArray constructor, slice,
  // transfer, from) are held to the isolate's limit by isolated-vm's allocator: a catchable
  // RangeError, so `plugin_error`, never memory the limit does not see.
  it("ArrayBuffers made without the ArrayBuffer constructor stay within the memory limit", { timeout: 60_000 }, async () => {
    await withHost({ workers: 1 }, async (h) => {
      await h.load({
        id: "p",
        code: `export default () => [
  () => new Float64Array(2e7).length,
  () => { const k = []; for (let i = 0; i < 20; i++) k.push(new Uint8Array(5e7)); return k.length; },
  () => new ArrayBuffer(8).transfer(3e8).byteLength,
  () => { const t = new Uint8Array(5e7); const k = []; for (let i = 0; i < 20; i++) k.push(t.slice()); return k.length; },
  () => Uint8Array.from({ length: 3e8 }).length,
].map((f) => { try { return f(); } catch (e) { return e.constructor.name; } })`,
      });
      expect(await h.call("p", null)).toMatchObject({ ok: true, output: ["RangeError", "RangeError", "RangeError", "RangeError", "RangeError"] });
    });
  });
});
