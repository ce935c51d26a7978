/**
 * Attack on code generated at run time (eval and the Function constructors for plugins policy lets
 * generate code; generated-code.ts, bootstrap-env.ts): differentials between the text the worker
 * scans and the text the engine compiles, ways to the original constructors, the tracker reached
 * as a global, toString tricks on the arguments, and compiles that keep the worker busy. Each runs
 * real isolates through createPluginHost; a test that fails here is a break the report describes.
 */
import { parse } from "acorn";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileGenerated } from "../../src/sandbox/generated-code.ts";
import { misplacedReserved, scanCompiled } from "../../src/sandbox/static-scan.ts";
import { createPluginHost } from "../../src/sandbox/index.ts";
import type { PluginHost } from "../../src/sandbox/index.ts";

type Result = Awaited<ReturnType<PluginHost["call"]>>;

/** A rejection the tracker read: plugin_error with the reason's name in details (read inside the call). */
const tracked = (r: Result, message: string, name = "Error"): void => {
  expect(r.ok ? "ok" : r.error.code).toBe("plugin_error");
  if (r.ok) return;
  expect(r.error.message).toContain(`unhandled promise rejection: ${message}`);
  expect(r.error.details?.["name"]).toBe(name);
};

/**
 * Removing the `async` keyword joins `1/` and `/**\/` into `//`: the line comment hides the
 * function's header (and the transform's opening of the tracked arrow) from the engine. The body
 * then runs at the top level of the eval, where `await` is a plain name, so what the scan read as
 * regular expressions after `await` is code there: a `let __capsmith_track` the scan never saw and
 * an async arrow that passes it the "tracked" check. `[/*]` swallows the transform's tail.
 */
const JOIN_ATTACK = (reason: string): string => `0/async/**/function(){
typeof await/1;let __capsmith_track=p=>p;__capsmith_track((async()=>{throw ${reason}})());0&&0/g;
typeof await/[/*]/}*/]/
1`;

describe("attack codegen: text the worker scans and text the engine compiles", () => {
  let host: PluginHost;
  beforeAll(() => {
    host = createPluginHost({ workers: 1 });
  });
  afterAll(async () => {
    await host.close();
  });
  let n = 0;
  const run = async (code: string, allow: ("eval" | "function_constructor")[] = ["eval", "function_constructor"]): Promise<Result> => {
    const id = `cg${n++}`;
    await host.load({ id, allow, code });
    return host.call(id, null);
  };

  it("the worker refuses (or tracks) eval'd text whose async keyword's removal makes a line comment", () => {
    const answer = compileGenerated("eval", "", JOIN_ATTACK(`new Error("joined")`));
    // Either refused, or compiled with no binding named __capsmith_track anywhere (as the engine reads it).
    if (answer[0] !== "O") return expect(answer[0]).toBe("E");
    const names: string[] = [];
    const visit = (node: unknown): void => {
      if (typeof node !== "object" || node === null) return;
      if (Array.isArray(node)) return node.forEach(visit);
      const n = node as Record<string, unknown>;
      if (n["type"] === "VariableDeclarator") names.push(String((n["id"] as { name?: string }).name));
      for (const v of Object.values(n)) visit(v);
    };
    visit(parse(answer.slice(1), { ecmaVersion: "latest", sourceType: "script" }));
    expect(names.filter((x) => x.startsWith("__capsmith"))).toEqual([]);
  });

  it("a rewritten text that binds the tracker's name is caught even if a transform joins tokens again", () => {
    // What the transform made of JOIN_ATTACK before the keyword was blanked: the check on the
    // rewritten text finds the binding the scan before the rewrite could not see.
    const joined = `"use strict";void 0;0//**/function(){ return __capsmith_track((async () => {
typeof await/1;let __capsmith_track=p=>p;__capsmith_track((async()=>{throw new Error("x")})());0&&0/g;
typeof await/[/*]/})()); }*/]/
1`;
    const found = misplacedReserved(parse(joined, { ecmaVersion: "latest", sourceType: "script" }));
    expect(found.map((n) => n.type)).toEqual(["Identifier"]);
  });

  it("an async function hidden by a joined comment in eval'd code still reaches the tracker", async () => {
    // "ran": the hidden body stayed the body of a function nobody calls, as the scan read it.
    const r = await run(`export default () => { try { eval(${JSON.stringify(JOIN_ATTACK(`new Error("joined")`))}); } catch (e) { return e.code ?? e.name; } return "ran"; }`);
    if (r.ok) expect(["ran", "scan_rejected"]).toContain(r.output);
    else tracked(r, "joined");
  });

  it("the same text through new Function", async () => {
    const r = await run(`export default () => { try { new Function(${JSON.stringify(JOIN_ATTACK(`new Error("joinedfn")`))})(); } catch (e) { return e.code ?? e.name; } return "ran"; }`, ["function_constructor"]);
    if (r.ok) expect(["ran", "scan_rejected"]).toContain(r.output);
    else tracked(r, "joinedfn");
  });

  it("a looping message getter on the hidden rejection does not wedge the worker", { timeout: 60_000 }, async () => {
    const h = createPluginHost({ workers: 1, graceMs: 400 });
    try {
      const text = JOIN_ATTACK(`{get message(){for(;;);}}`);
      await h.load({ id: "wedge", allow: ["eval"], limits: { timeoutMs: 300 }, code: `export default () => { try { eval(${JSON.stringify(text)}); } catch (e) { return e.code ?? e.name; } return 1; }` });
      const before = (await h.stats()).map((s) => s.pid);
      const r = await h.call("wedge", null);
      if (!r.ok) {
        expect(r.error.code).toBe("timeout");
        expect(r.error.details?.["observed"]).toBeUndefined();
      } else expect([1, "scan_rejected"]).toContain(r.output);
      expect((await h.stats()).map((s) => s.pid)).toEqual(expect.arrayContaining(before));
    } finally {
      await h.close();
    }
  });

  it("HTML-like comments read alike by the scan and the engine", async () => {
    const texts = [
      "0 <!-- (async () => { throw new Error('html') })()\n;(async () => { throw new Error('html'); })()",
      "0;\n--> (async () => { throw new Error('x') })()\n(async () => { throw new Error('html'); })()",
      "0; /*\n*/ --> c\n(async () => { throw new Error('html'); })()",
      "0 /* */ -->(async () => { throw new Error('html'); })",
    ];
    for (const text of texts) {
      const r = await run(`export default () => { try { eval(${JSON.stringify(text)}); } catch (e) { return e.code ?? e.name; } return "ran"; }`);
      if (r.ok) expect(["scan_rejected", "SyntaxError", "ran"]).toContain(r.output);
      if (r.ok && r.output === "ran") throw new Error(`ran without a tracked rejection: ${text}`);
      if (!r.ok) tracked(r, "html");
    }
  });

  it("line and paragraph separators, escapes and labels in generated code", async () => {
    const texts = [
      "0;\u2028(async () => { throw new Error('sep'); })()",
      "//c\u2029(async () => { throw new Error('sep'); })()",
      "x: (async () => { throw new Error('sep'); })()",
      "({ async\u2028m() {} }); (async () => { throw new Error('sep'); })()",
      "({ async m() { throw new Error('sep'); } }).m()",
      "(class { static async m() { throw new Error('sep'); } }).m()",
      "(class { static { (async () => { throw new Error('sep'); })(); } })",
      "(class { x = (async () => { throw new Error('sep'); })(); }, new (class { x = (async () => { throw new Error('sep'); })(); })())",
      "({ get f() { return async () => { throw new Error('sep'); }; } }).f()",
      "`${(async () => { throw new Error('sep'); })()}`",
      "1 / /x/.source.length / (async () => { throw new Error('sep'); })()",
      "({ async [/*[*/ 'k']() { throw new Error('sep'); } }).k()",
      "({ /* async */ async /* async */ k() { throw new Error('sep'); } }).k()",
      "({ async 'async'() { throw new Error('sep'); } }).async()",
      "({ async async() { throw new Error('sep'); } }).async()",
    ];
    for (const text of texts) {
      const r = await run(`export default () => { try { eval(${JSON.stringify(text)}); } catch (e) { return e.code ?? e.name; } return "ran"; }`);
      if (r.ok) expect({ text, out: r.output }).toMatchObject({ text, out: expect.stringMatching(/^(scan_rejected|SyntaxError)$/) });
      else tracked(r, "sep");
    }
  });
});

describe("attack codegen: the same join in a plugin's own module (no exemption)", () => {
  // Not new with generated code: the module transform removes `async` the same way, and the
  // compiled scan (scanCompiled) reads names with `compiled = true`, so a block-scoped
  // `let __capsmith_track` the module scan saw as a regexp after `await` passes it.
  const MODULE = (reason: string): string => `export default () => { 0/async/**/function(){
typeof await/1;{let __capsmith_track=p=>p;__capsmith_track((async()=>{throw ${reason}})())};0&&0/g;
typeof await/[/*]/}*/]/
1; return 1; }`;

  it("a plugin with no exemption cannot hide an async function from the tracker", { timeout: 60_000 }, async () => {
    const host = createPluginHost({ workers: 1 });
    try {
      const loaded = await host.load({ id: "mod", code: MODULE(`new Error("module")`) }).then(() => "loaded", (e: { code?: string }) => e.code ?? "error");
      if (loaded !== "loaded") return expect(loaded).toBe("scan_rejected");
      const r = await host.call("mod", null);
      // 1: the hidden body stayed the body of a function nobody calls, as the scan read it.
      if (r.ok) expect(r.output).toBe(1);
      else tracked(r, "module");
    } finally {
      await host.close();
    }
  });

  it("... nor wedge its worker with a looping getter on the hidden rejection", { timeout: 60_000 }, async () => {
    const host = createPluginHost({ workers: 1, graceMs: 400 });
    try {
      const loaded = await host.load({ id: "modw", limits: { timeoutMs: 300 }, code: MODULE(`{get message(){for(;;);}}`) }).then(() => "loaded", (e: { code?: string }) => e.code ?? "error");
      if (loaded !== "loaded") return expect(loaded).toBe("scan_rejected");
      const before = (await host.stats()).map((s) => s.pid);
      const r = await host.call("modw", null);
      if (r.ok) expect(r.output).toBe(1);
      else {
        expect(r.error.code).toBe("timeout");
        expect(r.error.details?.["observed"]).toBeUndefined();
      }
      expect((await host.stats()).map((s) => s.pid)).toEqual(expect.arrayContaining(before));
    } finally {
      await host.close();
    }
  });
});

describe("attack codegen: a removed export statement joins two lines (no exemption)", () => {
  // Pre-existing in the module transform: `export { f as default }` is removed whole, so the line
  // before it (`let x = a`, ended by ASI) and a regexp statement after it become one division
  // expression; the regexp's text, never scanned, is code: an arrow that binds __capsmith_track.
  const MODULE = (reason: string): string => `const a = 1, g = { exec() { return 0; } }, s = "";
function f() { return 1; }
let x = a
export { f as default }
/(__capsmith_track=>__capsmith_track((async()=>{throw ${reason}})()))(p=>p)/g.exec(s)
`;

  it("the compiled scan refuses a factory that binds the tracker's name (what the removal made)", () => {
    const script = `(function (__capsmith_track) {"use strict";const a = 1, g = { exec() { return 0; } }, s = "";
function f() { return 1; }
let x = a

/(__capsmith_track=>__capsmith_track((async()=>{throw new Error("e")})()))(p=>p)/g.exec(s)

;return f;
})
`;
    expect(scanCompiled(script).map((f) => f.rule)).toContain("reserved_name");
  });

  it("what follows a removed export statement is read as the scan read it", { timeout: 60_000 }, async () => {
    const host = createPluginHost({ workers: 1, graceMs: 400 });
    try {
      await host.load({ id: "exp", code: MODULE(`new Error("exported")`) });
      const r = await host.call("exp", null);
      if (r.ok) expect(r.output).toBe(1);
      else tracked(r, "exported");
      await host.load({ id: "expw", limits: { timeoutMs: 300 }, code: MODULE(`{get message(){for(;;);}}`) });
      const before = (await host.stats()).map((s) => s.pid);
      const w = await host.call("expw", null);
      if (w.ok) expect(w.output).toBe(1);
      else {
        expect(w.error.code).toBe("timeout");
        expect(w.error.details?.["observed"]).toBeUndefined();
      }
      expect((await host.stats()).map((s) => s.pid)).toEqual(expect.arrayContaining(before));
    } finally {
      await host.close();
    }
  });
});

describe("attack codegen: the runtime around generated code", () => {
  let host: PluginHost;
  beforeAll(() => {
    host = createPluginHost({ workers: 1 });
  });
  afterAll(async () => {
    await host.close();
  });
  let n = 0;
  const load = async (code: string, allow: ("eval" | "function_constructor")[] = ["eval", "function_constructor"]): Promise<string> => {
    const id = `rt${n++}`;
    await host.load({ id, allow, code });
    return id;
  };
  const run = async (code: string, allow?: ("eval" | "function_constructor")[]): Promise<Result> => host.call(await load(code, allow), null);

  it("the global tracker runs no plugin getter reached through a swapped prototype while it ignores new promises", async () => {
    // The tracker skips promises with own properties; one whose prototype was swapped has none,
    // and attaching the handler reads `constructor` from the new prototype.
    const code = `export default () => {
      const track = globalThis["__capsmith" + "_track"];
      const p = Promise.resolve(1);
      Object.setPrototypeOf(p, new Proxy(Promise.prototype, { get(t, k, r) {
        if (k === "constructor") { new Promise((_, reject) => reject(new Error("proto"))); (async () => { throw new Error("proto"); })(); }
        return Reflect.get(t, k, r);
      } }));
      track(() => p);
      return 1;
    }`;
    // 1: the getter never ran (the tracker left the promise alone); else what it made was tracked.
    const r = await run(code);
    if (r.ok) expect(r.output).toBe(1);
    else tracked(r, "proto");
  });

  it("... nor wedges the worker that way", { timeout: 60_000 }, async () => {
    const h = createPluginHost({ workers: 1, graceMs: 400 });
    try {
      const code = `export default () => {
        const track = globalThis["__capsmith" + "_track"];
        const p = Promise.resolve(1);
        Object.setPrototypeOf(p, { get constructor() { new Promise((_, reject) => reject({ get message() { for (;;) {} } })); return Promise; } });
        track(() => p);
        return 1;
      }`;
      await h.load({ id: "pw", allow: ["eval"], limits: { timeoutMs: 300 }, code });
      const before = (await h.stats()).map((s) => s.pid);
      const r = await h.call("pw", null);
      if (r.ok) expect(r.output).toBe(1);
      else {
        expect(r.error.code).toBe("timeout");
        expect(r.error.details?.["observed"]).toBeUndefined();
      }
      expect((await h.stats()).map((s) => s.pid)).toEqual(expect.arrayContaining(before));
    } finally {
      await h.close();
    }
  });

  it("a plugin without the exemption has no eval, no tracker global, and every constructor refuses text", async () => {
    const code = `export default () => {
      const out = [typeof globalThis["ev" + "al"], typeof globalThis["__capsmith" + "_track"], typeof globalThis["__capsmith" + "_codegen"]];
      const ctors = [(() => {}).constructor, (async () => {}).constructor, (function* () {}).constructor, (async function* () {}).constructor, globalThis["Func" + "tion"], (() => {}).bind(null).constructor, class {}.constructor];
      for (const C of ctors) {
        try { C("return 1"); out.push("made"); } catch (e) { out.push(e.name); }
        try { Reflect.construct(C, ["return 1"], Object); out.push("made"); } catch (e) { out.push(e.name); }
      }
      return out;
    }`;
    const r = await run(code, []);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.output).toEqual(["undefined", "undefined", "undefined", ...Array(14).fill("EvalError")]);
  });

  it("arguments converted once: a toString that changes its text, or calls eval itself, compiles what was scanned", async () => {
    const code = `export default () => {
      let n = 0;
      const body = { toString() { return n++ === 0 ? "return 'first'" : "return (async () => { throw new Error('second'); })()"; } };
      const f = new Function(body);
      const inner = { toString() { eval("(async () => { throw new Error('reentered'); })()"); return "return 2"; } };
      let caught = "";
      try { new Function(inner)(); } catch (e) { caught = e.message; }
      return [f(), n];
    }`;
    tracked(await run(code), "reentered");
  });

  it("constructor parameters and body split by a comment, and escaped keywords, do not make another function", async () => {
    const code = `export default () => {
      const out = [];
      const tries = [
        () => new Function("a /*", "*/) { (async () => { throw new Error('split'); })(); } ; (function () {"),
        () => new Function("a = \`", "\`) { (async () => { throw new Error('split'); })(); } ; (function () {"),
        () => new Function("a", "//", "return 1"),
        () => eval("\\u0061sync function g() { throw new Error('split'); } g()"),
        () => eval("({ \\u0061sync m() { throw new Error('split'); } }).m()"),
      ];
      for (const t of tries) { try { const f = t(); if (typeof f === "function") f(1); out.push("made"); } catch (e) { out.push(e.code ?? e.name); } }
      return out;
    }`;
    const r = await run(code);
    if (!r.ok) return tracked(r, "split");
    for (const o of r.output as string[]) expect(["SyntaxError", "scan_rejected", "made"]).toContain(o);
  });

  it("generated code carries no state to the next call: globals, constructors, prototypes", async () => {
    const id = await load(`export default (x) => {
      if (x === "set") {
        const out = [];
        for (const text of ["globalThis.leak = 1", "Object.getPrototypeOf(async () => {}).constructor = function () { return () => 'hijacked'; }", "Function.prototype.leak = 1", "var leak2 = 1", "this === undefined"]) {
          try { out.push(String(eval(text))); } catch (e) { out.push(e.name); }
        }
        try { out.push(String(new Function("globalThis.leak3 = 1; return 1")())); } catch (e) { out.push(e.name); }
        return out;
      }
      return [typeof globalThis.leak, typeof globalThis.leak2, typeof globalThis.leak3, typeof Function.prototype.leak, String(new Function("return 1")())];
    }`);
    await host.call(id, "set");
    const r = await host.call(id, "get");
    expect(r).toMatchObject({ ok: true, output: ["undefined", "undefined", "undefined", "undefined", "1"] });
  });

  it("a call whose generated text is slow to rewrite ends at its deadline without the host killing the worker", { timeout: 120_000 }, async () => {
    // The worker reads each text while the call waits, where the isolate's timer cannot stop it.
    // A computed method key found by lastIndexOf("[") inside a comment leaves an unclosed `/*` in
    // the prefix the transform searches for `async` (blankComments: one lazy scan to the end for
    // every `/*`): quadratic in a text under the 128 KiB cap, over a second a compile on 2 cores.
    const h = createPluginHost({ workers: 1 });
    try {
      const code = `export default () => { const t = "({ async [/*" + "/* ".repeat(43600) + "[*/ 'k']() {} })"; for (;;) { try { eval(t); } catch (e) { return e.code ?? e.name; } } }`;
      await h.load({ id: "slow", allow: ["eval"], limits: { timeoutMs: 300 }, code });
      const before = (await h.stats()).map((s) => s.pid);
      const r = await h.call("slow", null);
      expect(r.ok ? "ok" : r.error.code).toBe("timeout");
      if (!r.ok) expect(r.error.details?.["observed"]).toBeUndefined();
      expect((await h.stats()).map((s) => s.pid)).toEqual(expect.arrayContaining(before));
    } finally {
      await h.close();
    }
  });
});

describe("attack codegen: time spent compiling is the call's time", () => {
  // isolated-vm pauses an isolate's timeout while a callback runs in the worker (Executor::CpuTimer
  // pauses timer_holder), and every generated compile is such a callback: a call looping on eval
  // ran 4x its limit with 3-character texts and past deadline + grace with 128 KiB ones.
  it("a call looping on small evals (caught) ends at its deadline without the host killing the worker", { timeout: 120_000 }, async () => {
    const h = createPluginHost({ workers: 1, graceMs: 1_000 });
    try {
      // Each text is new (no cache), so each is a round trip and a parse in the worker.
      const code = `export default () => { let n = 0; for (;;) { try { eval("(async () => " + (n++) + ")"); } catch (e) { if (e.code === "scan_rejected") return e.code; } } }`;
      await h.load({ id: "small", allow: ["eval"], limits: { timeoutMs: 2_000 }, code });
      const before = (await h.stats()).map((s) => s.pid);
      const r = await h.call("small", null);
      expect(r.ok ? "ok" : r.error.code).toBe("timeout");
      if (!r.ok) expect(r.error.details?.["observed"]).toBeUndefined();
      expect((await h.stats()).map((s) => s.pid)).toEqual(expect.arrayContaining(before));
    } finally {
      await h.close();
    }
  });
});
