/**
 * Attack round 3 (issue 16): the call's clock around callbacks into the worker, promises at the
 * edge of the stack, generated-code garbage, and neighbours on one worker. Real isolates in real
 * worker processes through createPluginHost; outcomes, codes and pids only, never durations.
 */
import { describe, expect, it } from "vitest";
import { code, pids, withHost } from "./attack-harness.ts";


/**
 * A regular expression of nested alternatives that all name their group `a` (valid since
 * ES2025): acorn's duplicate-name check compares each group with every earlier one, walking both
 * nestings, so parsing it takes cubic time (~20 KB: seconds).
 */
const CUBIC_REGEXP = "/" + "(?:(?<a>x)|".repeat(1_600) + "x" + ")".repeat(1_600) + "/";

/**
 * `var` declarations inside deeply nested blocks: acorn records each one in every block scope
 * between it and its function (to catch a later `let` of the same name), so D blocks and V vars
 * cost D x V pushes and name comparisons (1,000 blocks around 16,000 vars: seconds, +200 MB).
 */
const deepVars = (depth: number, chars: number): string => {
  let vars = "";
  for (let i = 0; depth * 2 + vars.length < chars; i++) vars += `var a${i};`;
  return "{".repeat(depth) + vars + "}".repeat(depth);
};

/**
 * A regexp of many Unicode properties of strings: acorn makes the literal's value with `new
 * RegExp` when it parses it, and V8 builds each `\p{RGI_Emoji}` set anew (~6 ms each; 2,000 in
 * 28 KB: 13 s), in the worker for generated code, in the host for a plugin's own code.
 */
const EMOJI_REGEXP = "/" + "\\p{RGI_Emoji}".repeat(2_000) + "/v";

/**
 * A plugin policy lets generate code evaluates `text` in a loop, next to a benign plugin on one
 * worker: the call must end `timeout` by the worker's own check (not the host's kill timer), the
 * worker must survive, and the benign plugin must still answer. The host's grace is 3 s past the
 * 1 s deadline: without the worker's own check the loop never ends before the host's timer, so the
 * test fails as before; with it, one step of the check may take a loaded machine over a second
 * (a CI run at load 9 saw the host's timer end the deep-vars case at 1 s of grace).
 */
const evalLoopEndsOnItsOwn = (text: string): Promise<void> =>
  withHost({ workers: 1, graceMs: 3_000 }, async (h) => {
    await h.load({ id: "benign", code: `export default (x) => x + 1` });
    await h.load({ id: "gen", allow: ["eval"], limits: { timeoutMs: 1_000 }, code: `export default () => { const text = ${JSON.stringify(text)}; for (;;) { try { eval(text); } catch (e) {} } }` });
    const before = await pids(h);
    const r = await h.call("gen", null);
    expect(code(r)).toBe("timeout");
    if (!r.ok) expect(r.error.details?.["observed"]).toBeUndefined();
    expect(await pids(h)).toEqual(expect.arrayContaining(before));
    expect(await h.call("benign", 1)).toMatchObject({ ok: true, output: 2 });
  });

/** A plugin whose own code is `source` is refused at load (`scan_rejected`); a benign neighbour still answers. */
const refusedAtLoad = (source: string): Promise<void> =>
  withHost({ workers: 1 }, async (h) => {
    await h.load({ id: "benign", code: `export default (x) => x + 1` });
    const loaded = await h.load({ id: "hostile", code: source }).then(() => "loaded", (e: { code?: string }) => e.code);
    expect(loaded).toBe("scan_rejected");
    expect(await h.call("benign", 1)).toMatchObject({ ok: true, output: 2 });
  });

describe("attack round 3: callbacks that take long in the worker", () => {
  it("generated code holding regexps acorn checks in cubic time ends the call timeout on its own, without the host killing the worker", { timeout: 120_000 }, async () => {
    // Six such literals fit in one 128 KiB text: one eval held the worker long past its call's
    // deadline (the compile runs while the isolate's timer is paused) until the host killed it.
    await evalLoopEndsOnItsOwn((CUBIC_REGEXP + ";").repeat(6));
  });

  it("a plugin whose own code holds such a regexp is refused at load, before the host's thread parses it for seconds", { timeout: 120_000 }, async () => {
    await refusedAtLoad(`const r = ${CUBIC_REGEXP}; export default (x) => r.test(x)`);
  });

  it("generated code declaring vars deep in nested blocks ends the call timeout on its own, its worker kept", { timeout: 120_000 }, async () => {
    await evalLoopEndsOnItsOwn(deepVars(1_000, 128 * 1024 - 100));
  });

  it("a plugin declaring vars deep in nested blocks is refused at load, before the host's thread spends seconds and hundreds of MB on it", { timeout: 120_000 }, async () => {
    await refusedAtLoad(`${deepVars(1_000, 256 * 1024)}\nexport default (x) => x`);
  });

  it("the sandbox's RegExp behaves as RegExp does for ordinary patterns", { timeout: 60_000 }, async () => {
    await withHost({ workers: 1 }, async (h) => {
      await h.load({
        id: "re",
        code: `export default () => { class R extends RegExp {} const r = /a(b)/gi; const like = { source: "q", flags: "g", [Symbol.match]: true };
          return [RegExp(r) === r, new RegExp(r) !== r, new RegExp(r, "y").flags, new RegExp(r).flags, new RegExp("\\\\p{L}+", "u").test("\u00e9"), "a-b".split(/-/), "x1y2".replace(/\\d/g, "#"), new R("x") instanceof R, /x/.constructor === RegExp, typeof RegExp.prototype.compile, Object.isFrozen(RegExp), String(new RegExp(like)), new RegExp("\\\\p{L}".repeat(32), "u").source.length]; }`,
      });
      expect(await h.call("re", null)).toMatchObject({ ok: true, output: [true, true, "y", "gi", true, ["a", "b"], "x#y#", true, true, "undefined", true, "/q/g", 32 * 5] });
    });
  });

  it("generated code holding a regexp of many properties of strings ends the call timeout on its own, its worker kept", { timeout: 120_000 }, async () => {
    await evalLoopEndsOnItsOwn(EMOJI_REGEXP);
  });

  it("a plugin whose own code holds a regexp of many properties of strings is refused at load", { timeout: 120_000 }, async () => {
    await refusedAtLoad(`const r = ${EMOJI_REGEXP}; export default (x) => r.test(x)`);
  });

  // V8 builds a regexp's Unicode property sets while it parses the pattern, and that work does not
  // stop for isolated-vm's timer: a call that made `new RegExp` of 2,000 `\p{RGI_Emoji}` held its
  // worker ~13 s (with a memory limit high enough for the RSS budget not to kill it first) until the
  // host's kill timer ended it. The sandbox's RegExp refuses a pattern with more than 32.
  it("a runtime RegExp of many properties of strings ends the call timeout on its own", { timeout: 120_000 }, async () => {
    await withHost({ workers: 1, graceMs: 1_000 }, async (h) => {
      await h.load({ id: "benign", code: `export default (x) => x + 1` });
      await h.load({ id: "emoji", limits: { timeoutMs: 1_000, memoryMB: 2048 }, code: `export default () => { const p = "\\\\p{RGI_Emoji}".repeat(2000); for (;;) { try { new RegExp(p, "v"); } catch (e) {} } }` });
      const before = await pids(h);
      const r = await h.call("emoji", null);
      expect(code(r)).toBe("timeout");
      if (!r.ok) expect(r.error.details?.["observed"]).toBeUndefined();
      expect(await pids(h)).toEqual(expect.arrayContaining(before));
      expect(await h.call("benign", 1)).toMatchObject({ ok: true, output: 2 });
    });
  });
});

describe("attack round 3: worker-side memory and neighbours (promises that hold)", () => {
  it("a plugin flooding the worker with log lines, refusals, big host-operation arguments and deep results leaves its worker and a benign neighbour on workers: 1 alone", { timeout: 120_000 }, async () => {
    await withHost({ workers: 1, graceMs: 1_000 }, async (h) => {
      await h.load({ id: "benign", code: `export default (x) => x + 1` });
      const floods = {
        logs: `export default (x, host) => { const s = "z".repeat(1e6); for (let i = 0; i < 1e4; i++) host.log(s, s, { s }); return 1; }`,
        refusals: `export default (x, host) => { const big = "q".repeat(900000); let n = 0; for (let i = 0; i < 1e4; i++) { try { host.fetch("http://h" + i + ".example/" + big); } catch (e) { n++; } try { host.llm.complete({ prompt: big + i }); } catch (e) { n++; } } return n; }`,
        deep: `export default () => { let a = 1; for (let i = 0; i < 63; i++) a = [a, a]; return a; }`,
        wideDeep: `export default () => { const out = []; for (let i = 0; i < 2000; i++) { let a = "x".repeat(100); for (let j = 0; j < 60; j++) a = { a }; out.push(a); } return out; }`,
      };
      const before = await pids(h);
      for (const [id, source] of Object.entries(floods)) {
        await h.load({ id, limits: { timeoutMs: 2_000 }, code: source });
        const r = await h.call(id, null);
        expect(`${id}: ${code(r)}`).toBeOneOf([`${id}: ok`, `${id}: timeout`, `${id}: rate_limited`, `${id}: plugin_error`, `${id}: result_too_large`]);
        if (!r.ok) expect(r.error.details?.["observed"]).toBeUndefined();
        expect(r.logs.length).toBeLessThanOrEqual(101);
        expect(await h.call("benign", 1)).toMatchObject({ ok: true, output: 2 });
      }
      // Long calls move to a background worker; none was killed.
      expect(await pids(h)).toEqual(expect.arrayContaining(before));
    });
  });

  it("a benign plugin next to a neighbour loading many large plugins on workers: 1 answers correctly after every load", { timeout: 180_000 }, async () => {
    await withHost({ workers: 1 }, async (h) => {
      await h.load({ id: "benign", code: `export default (x) => x + 1` });
      // ~590 KB of string data each: an isolate holding one costs the worker ~13 MB; were it not
      // counted in the worker's budget, the worker would be replaced once enough were loaded.
      const big = "const d = [" + Array.from({ length: 60_000 }, (_, i) => `"\u03a9${i}"`).join(",") + "];\nexport default () => d.length;";
      for (let i = 0; i < 10; i++) {
        await h.load({ id: `big${i}`, code: big }).catch((e: { code?: string }) => expect(e.code).toBe("sandbox_crashed"));
        expect(await h.call("benign", i)).toMatchObject({ ok: true, output: i + 1 });
      }
    });
  });
});

// Broke (capacity, not isolation): an isolate holding ~590 KB of a plugin's string data costs its
// worker ~13 MB of RSS, but each loaded plugin added only IDLE_ISOLATE_MB = 4 MB to the worker's
// budget, so on workers: 1 the 8th such load killed the worker and failed `sandbox_crashed`
// ("treat the plugin as hostile") though the plugin was fine. Fixed: the worker reports each
// isolate's heap after its load, and the budget counts it (pool-slot.ts memoryBudget).
it("ten plugins of ~590 KB of data each load into workers: 1 and answer, the worker never killed", { timeout: 180_000 }, async () => {
  await withHost({ workers: 1 }, async (h) => {
    const big = "const d = [" + Array.from({ length: 60_000 }, (_, i) => `"\u03a9${i}"`).join(",") + "];\nexport default () => d.length;";
    await h.load({ id: "big0", code: big });
    const before = await pids(h);
    for (let i = 0; i < 10; i++) {
      if (i > 0) await h.load({ id: `big${i}`, code: big });
      expect(await h.call(`big${i}`, null)).toMatchObject({ ok: true, output: 60_000 });
    }
    expect(await pids(h)).toEqual(before);
  });
});

// Broke: at the default limits (64 MB, 500 ms) each of these held its worker past the deadline
// plus the host's 1 s grace, so the host killed it (`observed: "host_timer"`) instead of the
// worker ending the call. V8 ends a call that runs out of time only at an interrupt check (a
// JavaScript function's entry, a loop's back edge once its interrupt budget is spent), and a
// built-in written in C++ checks neither: one call of it ran to its end (normalize 5 s, JSON.parse
// of 40 MB 2.4 s), and a loop calling it a few hundred times was never interrupted at all (300
// JSON.parse of 2 MB: 27 s to completion; decodeURIComponent likewise). Fixed: those built-ins
// are JavaScript wrappers (an interrupt check at every call) that refuse inputs they could not
// finish quickly (`input_too_large`): bootstrap-steps.ts.
it("one-step builtins over large strings end the call inside its time, the worker kept", { timeout: 180_000 }, async () => {
  // A grace of 5 s: the loops overrun their deadline by about one call (~100 ms), far less on any
  // machine; without the wrappers they ran 6 to 30 s.
  await withHost({ workers: 1, graceMs: 5_000 }, async (h) => {
    await h.load({ id: "benign", code: `export default (x) => x + 1` });
    const cases: Record<string, [string, string]> = {
      upper: ["input_too_large", `export default () => { const s = "\\u00df".repeat(3e7); let n = 0; for (let i = 0; i < 20; i++) n += s.toUpperCase().length; return n; }`],
      normalize: ["input_too_large", `export default () => "\\u1e9b\\u0323".repeat(1e7).normalize("NFKD").length`],
      jsonParse: ["input_too_large", `export default () => JSON.parse("[" + "1,".repeat(2e7) + "1]").length`],
      // Combining marks in a row: reordered in quadratic time (80,000: 1.2 s in one call).
      markRun: ["input_too_large", `export default () => ("a" + "\\u0301\\u0323".repeat(4e5)).normalize("NFD").length`],
      // Under the bounds, called in a loop: each call is short, and the loop stops at the deadline.
      upperLoop: ["timeout", `export default () => { const s = "\\u00df".repeat(3e6); let n = 0; for (let i = 0; i < 1000; i++) n += s.toUpperCase().length; return n; }`],
      parseLoop: ["timeout", `export default () => { const t = "[" + "1,".repeat(1e6) + "1]"; let n = 0; for (let i = 0; i < 300; i++) n += JSON.parse(t).length; return n; }`],
      uri: ["input_too_large", `export default () => decodeURIComponent("%41".repeat(1e7)).length`],
      uriLoop: ["timeout", `export default () => { const s = "%41".repeat(1e6); let n = 0; for (let i = 0; i < 1000; i++) n += decodeURIComponent(s).length; return n; }`],
      lowerLocaleLoop: ["timeout", `export default () => { const s = "I".repeat(3e6); let n = 0; for (let i = 0; i < 300; i++) n += s.toLocaleLowerCase("tr").length; return n; }`],
    };
    const before = await pids(h);
    for (const [id, [expected, source]] of Object.entries(cases)) {
      await h.load({ id, limits: { timeoutMs: 500 }, code: source });
      const r = await h.call(id, null);
      expect(`${id}: ${code(r)}`).toBe(`${id}: ${expected}`);
      if (!r.ok) expect(`${id}: ${String(r.error.details?.["observed"])}`).toBe(`${id}: undefined`);
      expect(await h.call("benign", 1)).toMatchObject({ ok: true, output: 2 });
    }
    // No worker was killed for any of them (a long call moves its worker to the background lane).
    expect(await pids(h)).toEqual(expect.arrayContaining(before));
  });
});

it("the bounded builtins behave as the engine's below their bounds", { timeout: 60_000 }, async () => {
  await withHost({ workers: 1 }, async (h) => {
    await h.load({
      id: "same",
      code: `export default () => {
  const e = (f) => { try { f(); return "no error"; } catch (x) { return x.constructor.name; } };
  return [
    "stra\\u00dfe".toUpperCase(), "\\u0130".toLowerCase(), "i".toLocaleUpperCase("tr"), "I".toLocaleLowerCase("tr"), "\\u1e9b\\u0323".normalize("NFKD").length,
    "e\\u0301".normalize(), String.prototype.toUpperCase.call(12), String.prototype.toUpperCase.length, String.prototype.normalize.name,
    e(() => String.prototype.toUpperCase.call(null)), e(() => "a".normalize("NFX")), e(() => String.prototype.toLowerCase.call(Symbol())),
    JSON.parse('{"a":[1,2]}', (k, v) => (k === "1" ? 5 : v)).a, JSON.parse.length, JSON.parse.name, e(() => JSON.parse("{")), JSON.parse(12), JSON.parse({ toString: () => "[3]" }),
    "ab".repeat(2), "a".padStart(3, "-"), "a".padEnd(2, "+"),
    encodeURIComponent("a b&\\u00e9"), decodeURIComponent("%C3%A9"), encodeURI("/a b?c=d"), decodeURI("%2F%20"), escape("a b"), unescape("%u0107"), encodeURIComponent(undefined), e(() => decodeURIComponent("%")), encodeURIComponent.length,
  ];
}`,
    });
    expect(await h.call("same", null)).toMatchObject({
      ok: true,
      output: ["STRASSE", "i\u0307", "\u0130", "\u0131", 3, "\u00e9", "12", 0, "normalize", "TypeError", "RangeError", "TypeError", [1, 5], 2, "parse", "SyntaxError", 12, [3], "abab", "--a", "a+", "a%20b%26%C3%A9", "\u00e9", "/a%20b?c=d", "%2F ", "a%20b", "\u0107", "undefined", "URIError", 1],
    });
  });
});

/**
 * Promise sources attack-stack-edge.test.ts does not try, each at every depth near the edge of the
 * stack, rejecting with a reason whose `message` getter never returns: the call must end inside its
 * time (`timeout` or `plugin_error`), never by the host killing the worker.
 */
const EDGE_PRELUDE = `
const bad = () => ({ get message() { for (;;) {} } });
const f = async () => { throw bad(); };
function sweep(act, levels = 2000) {
  let max = 0, acting = false;
  function down(d) { if (d > max) max = d; try { down(d + 1); } catch {} if (acting && d > max - levels) try { act(); } catch {} }
  down(0);
  acting = true;
  down(0);
}
`;

const edgeCases: { name: string; body: string; allow?: ("eval" | "function_constructor")[] }[] = [
  { name: "Promise.try", body: `sweep(() => Promise.try(() => { throw bad(); }));` },
  { name: "Promise.any, allSettled and race", body: `sweep(() => { Promise.any([f()]); Promise.race([f()]); Promise.allSettled([f()]).then(() => { throw bad(); }); });` },
  { name: "a thenable adopted by Promise.resolve", body: `sweep(() => Promise.resolve({ then(_, reject) { reject(bad()); } }));` },
  { name: "finally on a rejected promise", body: `const p = Promise.reject(bad()); p.catch(() => {}); sweep(() => p.finally(() => {}));` },
  { name: "a static async method, an async class field and an async object method", body: `class A { static async m() { throw bad(); } g = async () => { throw bad(); }; } const a = new A(); const o = { async m() { throw bad(); } }; sweep(() => { A.m(); a.g(); o.m(); });` },
  { name: "an async method calling super", body: `class B { async m() { throw bad(); } } class C extends B { async m() { return super.m(); } } const c = new C(); sweep(() => c.m());` },
  { name: "an async function bound, proxied, tagged and applied", body: `const b = f.bind(null); const p = new Proxy(f, {}); sweep(() => { b(); p(); f\`\`; Reflect.apply(f, null, []); [1].map(f); });` },
  { name: "async functions whose parameters throw (the tracker calls them with their arguments)", body: `const g = async (x = (() => { throw bad(); })()) => x; const o = { async m({ a } = { get a() { throw bad(); } }) {} }; async function d([x]) {} sweep(() => { g(); o.m(); d(); d({ [Symbol.iterator]() { throw bad(); } }); });` },
  { name: "an async function as a JSON.parse reviver", body: `sweep(() => JSON.parse("[1]", f));` },
  { name: "an async generator's throw and return", body: `async function* g() { yield 1; } sweep(() => { const it = g(); it.throw(bad()); const it2 = g(); it2.next(); it2.return(Promise.reject(bad())); });` },
  { name: "for await over a sync iterable holding a rejection", body: `sweep(async () => { for await (const x of [Promise.reject(bad())]) {} });` },
  { name: "await using with a disposer that rejects", body: `sweep(async () => { await using r = { [Symbol.asyncDispose]() { return Promise.reject(bad()); } }; });` },
  { name: "an async arrow made by eval", allow: ["eval"], body: `const g = eval("(b) => async () => { throw b(); }")(bad); sweep(g);` },
  { name: "an async generator made by its constructor", allow: ["function_constructor"], body: `const AG = Object.getPrototypeOf(async function* () {}).constructor; const g = new AG("b", "throw b();"); sweep(() => g(bad).next());` },
  { name: "the edge reached in a microtask after the call's function returned", body: `Promise.resolve().then(() => sweep(() => { f(); Promise.reject(bad()); }, 500));` },
];

describe("attack round 3: promise sources at the edge of the stack", () => {
  for (const c of edgeCases) {
    it(c.name, { timeout: 60_000 }, async () => {
      // The host's default grace (1 s): with 400 ms, a clean-clone CI run (a search test beside this
      // file on two cores) saw "a thenable adopted by Promise.resolve" fail once (stop 49), the kind of
      // overrun past the stop that attack-parked's tree test met at 400 ms (a kill the grace exists to avoid).
      await withHost({ workers: 1 }, async (h) => {
        const loaded = await h
          .load({ id: "edge", limits: { timeoutMs: 500 }, ...(c.allow ? { allow: c.allow } : {}), code: `${EDGE_PRELUDE}\nexport default () => { ${c.body} return 1; }` })
          .then(() => "loaded", (e: { code?: string; message?: string }) => `${e.code}: ${e.message}`);
        // Syntax the scan refuses never runs (`await using` where the parser does not take it).
        if (loaded !== "loaded") return expect(loaded).toMatch(/^scan_rejected/);
        const before = await pids(h);
        const r = await h.call("edge", null);
        expect(code(r)).toBeOneOf(["timeout", "plugin_error"]);
        if (!r.ok) expect(r.error.details?.["observed"]).toBeUndefined();
        expect(await pids(h)).toEqual(expect.arrayContaining(before));
      });
    });
  }
});

// Broke (semantics, not containment): the transform left an async function's parameters on the
// plain function it made and moved only the body into the tracked async arrow, so a parameter
// default that threw threw synchronously from the call instead of rejecting the promise: a
// plugin's `d().catch(...)` never ran and the call failed plugin_error where Node answers "caught".
// Fixed: for parameters that can throw, the tracked arrow takes the parameter list and the
// tracker calls it with the function's arguments (module-transform.ts trackWithParams).
describe("attack round 3: an async function whose parameters throw rejects its promise", () => {
  const catches = (call: string): string => `(() => { try { return ${call}.then(() => "resolved", (e) => "caught " + e.name); } catch (e) { return "threw " + e.name; } })()`;
  it("a throwing default, destructuring undefined, a default calling a throwing function; this and arguments still right", { timeout: 60_000 }, async () => {
    await withHost({ workers: 1 }, async (h) => {
      await h.load({
        id: "params",
        code: `async function d(x = (() => { throw new Error("param"); })()) { return x; }
const boom = () => { throw new RangeError("boom"); };
const destructure = async ({ a }) => a;
const o = { n: 3, async m(a = this.n, b = arguments.length, c = a > b ? boom() : a + b) { return c; } };
class K { static async s([first] = [], ...rest) { return [first, rest.length]; } }
export default async () => [
  await d().catch((e) => "caught " + e.message),
  await ${catches("destructure()")},
  await ${catches("o.m()")},
  await ${catches("o.m(1, 2)")},
  await o.m(undefined, undefined, undefined),
  await K.s([9], 1, 2),
  await destructure({ a: "ok" }),
]`,
      });
      expect(await h.call("params", null)).toMatchObject({ ok: true, output: ["caught param", "caught TypeError", "caught RangeError", "resolved", 6, [9, 2], "ok"] });
    });
  });

  it("the same for async functions made by generated code", { timeout: 60_000 }, async () => {
    await withHost({ workers: 1 }, async (h) => {
      await h.load({
        id: "gen-params",
        allow: ["eval", "function_constructor"],
        // (A plugin's own async function is a plain function once transformed: its prototype's
        // constructor is Function, so the async functions here are written in the generated text.)
        code: `export default async () => {
  const fromCtor = new Function("return async function ({ a }, b = this.k) { return [a, b, arguments.length]; }")();
  const fromEval = eval("(async (x = (() => { throw new TypeError('p'); })()) => x)");
  return [
    await ${catches("fromCtor()")},
    await fromCtor.call({ k: 5 }, { a: 1 }),
    fromCtor.length,
    await ${catches("fromEval()")},
    await fromEval(4),
  ];
}`,
      });
      expect(await h.call("gen-params", null)).toMatchObject({ ok: true, output: ["caught TypeError", [1, 5, 1], 1, "caught TypeError", 4] });
    });
  });
});
