import { describe, expect, it } from "vitest";
import { scanPlugin } from "../../src/sandbox/index.ts";
import { moduleToFactoryScript } from "../../src/sandbox/module-transform.ts";
import { scanCompiled } from "../../src/sandbox/static-scan.ts";
import { urlAllowed } from "../../src/sandbox/net-allowlist.ts";
import { parsePluginJson } from "../../src/sandbox/safe-json.ts";

const rules = (code: string, allow: Parameters<typeof scanPlugin>[1] = []) => scanPlugin(code, allow).findings.map((f) => `${f.rule}@${f.line}:${f.column}`);

describe("static scan", () => {
  it("accepts a plain plugin", () => {
    expect(rules(`const k = 2;\nexport default (x) => x * k;`)).toEqual([]);
  });
  it("reports parse errors with a location", () => {
    expect(rules(`export default (x) => {`)).toEqual(["parse_error@1:23"]);
  });
  it("requires a default export", () => {
    expect(rules(`export const f = 1;`)).toEqual(["no_default_export@1:0"]);
    expect(rules(`const f = () => 1; export { f as default };`)).toEqual([]);
  });
  it("rejects import, dynamic import, import.meta, re-exports, eval, Function and top-level await", () => {
    const code = [`import x from "y";`, `export * from "z";`, `export default async () => { await import("fs"); return [eval("1"), new Function("return 1"), import.meta.url]; };`, `await 1;`].join("\n");
    expect(rules(code)).toEqual(["import@1:0", "import@2:0", "dynamic_import@3:35", "eval@3:57", "function_constructor@3:72", "import_meta@3:94", "top_level_await@4:0"]);
  });
  it("lets policy allow a rule", () => {
    expect(rules(`export default () => eval("1")`, ["eval"])).toEqual([]);
  });
});

describe("the scan of the compiled script", () => {
  it("refuses a loop whose body does not start with the tick", () => {
    const rulesOf = (script: string): string[] => scanCompiled(script).map((f) => f.message);
    expect(rulesOf(`(function (__capsmith_track) {"use strict"; for (;;) { __capsmith_tick(); }\n})`)).toEqual([]);
    for (const loop of ["for (;;) {}", "while (true) x();", "do { x(); __capsmith_tick(); } while (true)", "for (const k in o) { x(); }"]) {
      expect(rulesOf(`(function (__capsmith_track) {"use strict"; ${loop}\n})`)).toEqual([expect.stringContaining("does not start with the sandbox's tick")]);
    }
  });
});

describe("module to factory script", () => {
  const identity = (p: unknown): unknown => p;
  const factoryOf = (code: string): (() => unknown) => {
    const { program } = scanPlugin(code);
    const make = (0, eval)(moduleToFactoryScript(code, program!)) as (track: unknown) => unknown;
    return () => make(identity);
  };
  const run = (code: string): unknown => factoryOf(code)();
  it("returns the default export in all its forms", () => {
    expect((run(`export default function add(a) { return a + 1 }`) as (n: number) => number)(1)).toBe(2);
    expect((run(`export default (a) => a * 3;`) as (n: number) => number)(2)).toBe(6);
    expect((run(`export default (1, (a) => a - 1)`) as (n: number) => number)(2)).toBe(1);
    expect(typeof run(`export default class { }`)).toBe("function");
    expect((run(`export const k = 5; function f() { return k } export { f as default };`) as () => number)()).toBe(5);
  });
  it("runs in strict mode with fresh module bindings on every invocation", () => {
    const factory = factoryOf(`let n = 0; export default () => ++n;`) as () => () => number;
    expect(factory()()).toBe(1);
    expect(factory()()).toBe(1);
    expect(() => (run(`export default () => { undeclared = 1; }`) as () => void)()).toThrow(ReferenceError);
  });
  describe("starts every loop's body with a call of the tick, and the loops compute what they did", () => {
    // Each body runs natively and as a transformed plugin; the results must be equal, and the tick
    // must run once per iteration of every loop.
    const bodies: [string, string, number][] = [
      ["labels and continue", `let s = ""; outer: for (let i = 0; i < 3; i++) { for (let j = 0; j < 3; j++) { if (j == 1) continue outer; s += i + "" + j; } } return s;`, 9],
      ["do-while with a bare body", `let i = 0; do i++; while (i < 4)\nreturn i;`, 4],
      ["a body that ends without its semicolon", `let x = 0, c = 3\nwhile (c--) x++\nreturn x`, 3],
      ["for-in and for-of with destructuring", `const o = { a: 1, b: 2 }; const s = []; for (const k in o) s.push(k); for (const [, v] of Object.entries(o)) s.push(v); return s;`, 4],
      ["empty bodies", `let i = 0; for (; i < 10; i++); while (false); return i;`, 10],
      ["nested bare bodies", `let n = 0; for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) n++; return n;`, 12],
      ["per-iteration bindings", `const fs = []; for (let i = 0; i < 3; i++) fs.push(() => i); return fs.map((f) => f());`, 3],
      ["a labelled break out of a bare body", `l: while (true) break l; return 1;`, 1],
      ["switch with continue", `let s = 0; for (const x of [1, 2, 3]) switch (x) { case 2: continue; default: s += x; } return s;`, 3],
      ["async arrows that start and end a bare body", `const fs = []; for (let i = 0; i < 2; i++) fs[i] = async () => i; for (let i = 0; i < 2; i++) fs.push(async () => i); return fs.length;`, 4],
    ];
    for (const [name, body, iterations] of bodies) {
      it(name, () => {
        const code = `export default () => { ${body} }`;
        const { program } = scanPlugin(code);
        let ticks = 0;
        const make = (0, eval)(moduleToFactoryScript(code, program!)) as (track: unknown) => () => unknown;
        // In the sandbox a constant of the isolate's global object (bootstrap-env.ts); here, this realm's.
        const G = globalThis as Record<string, unknown>;
        G["__capsmith_tick"] = () => void ticks++;
        try {
          expect(make(identity)()).toEqual((new Function(body) as () => unknown)());
        } finally {
          delete G["__capsmith_tick"];
        }
        expect(ticks).toBe(iterations);
      });
    }
  });
  it("hands every async function's promise to the tracker, keeping this, arguments and super", async () => {
    const tracked: unknown[] = [];
    const code = [
      `class Base { greet() { return "hi"; } }`,
      `class Sub extends Base { async greet() { await null; return super.greet() + "!"; } static async make() { return new Sub(); } }`,
      `const o = { n: 2, async twice(x) { return this.n * x + arguments.length; }, async "quoted"() { return 1; }, async [1 + 1]() { return 2; } };`,
      `async function* gen() { yield 1; }`,
      `export default async function main(x) { const arrow = async (y) => y + 1; const concise = async () => ({ ok: true }); const nested = async () => async () => 3;`,
      `  return [await (await Sub.make()).greet(), await o.twice(x), await o.quoted(), await o[2](), await arrow(1), await concise(), await (await nested())(), typeof gen().next]; }`,
    ].join("\n");
    const { program } = scanPlugin(code);
    const make = (0, eval)(moduleToFactoryScript(code, program!)) as (track: (make: () => unknown) => unknown) => (x: number) => Promise<unknown>;
    const main = make((makePromise) => {
      const p = makePromise();
      tracked.push(p);
      return p;
    });
    expect(await main(5)).toEqual(["hi!", 11, 1, 2, 2, { ok: true }, 3, "function"]);
    expect(tracked.length).toBeGreaterThanOrEqual(9);
    expect(tracked.every((p) => p instanceof Promise)).toBe(true);
  });
  describe("an async function whose parameters throw rejects its promise, as natively", () => {
    // The tracker as the sandbox's: calls the arrow with the arguments it is given, records the promise.
    const tracked: unknown[] = [];
    const track = (make: (...a: unknown[]) => unknown, args?: ArrayLike<unknown>): unknown => {
      const p = args === undefined ? make() : Reflect.apply(make, undefined, args);
      tracked.push(p);
      return p;
    };
    const load = (code: string): Record<string, (...a: unknown[]) => Promise<unknown>> => {
      const { program, findings } = scanPlugin(code);
      expect(findings).toEqual([]);
      return ((0, eval)(moduleToFactoryScript(code, program!)) as (t: typeof track) => () => Record<string, (...a: unknown[]) => Promise<unknown>>)(track)();
    };
    /** What a call gives: a sync throw is `throws …`, a rejection `rejects …`, else `resolves …`. */
    const outcome = async (call: () => Promise<unknown>): Promise<string> => {
      let p: Promise<unknown>;
      try {
        p = call();
      } catch (e) {
        return `throws ${(e as Error).name}: ${(e as Error).message}`;
      }
      expect(tracked).toContain(p);
      return p.then((v) => `resolves ${JSON.stringify(v)}`, (e: Error) => `rejects ${e.name}: ${e.message}`);
    };
    const boom = `const boom = () => { throw new Error("boom"); };`;

    it("a default that throws, in a declaration, an expression, a method, a static method and an arrow", async () => {
      const f = load(`${boom}
        async function decl(x = boom()) { return x; }
        const expr = async function (x = boom()) { return x; };
        const o = { async m(x = boom()) { return x; } };
        class C { static async s(x = boom()) { return x; } }
        const arrow = async (x = boom()) => x;
        export default () => ({ decl, expr, m: () => o.m(), s: () => C.s(), arrow });`);
      for (const name of ["decl", "expr", "m", "s", "arrow"]) expect(await outcome(() => f[name]!())).toBe("rejects Error: boom");
      expect(await outcome(() => f["decl"]!(1))).toBe("resolves 1");
      expect(await outcome(() => f["arrow"]!(2))).toBe("resolves 2");
    });

    it("destructuring undefined rejects, in a function and in an arrow; a rest parameter after it sees only the extra arguments", async () => {
      const f = load(`
        async function obj({ a }) { return a; }
        const arr = async ([a], ...rest) => [a, rest];
        const restPattern = async (...[a, b = boom()]) => a;
        ${boom}
        export default () => ({ obj, arr, restPattern });`);
      expect(await outcome(() => f["obj"]!())).toMatch(/^rejects TypeError/);
      expect(await outcome(() => f["obj"]!({ a: 1 }))).toBe("resolves 1");
      expect(await outcome(() => f["arr"]!())).toMatch(/^rejects TypeError/);
      expect(await outcome(() => f["arr"]!(undefined))).toMatch(/^rejects TypeError/);
      expect(await outcome(() => f["arr"]!([1]))).toBe(`resolves [1,[]]`);
      expect(await outcome(() => f["arr"]!([1], 2, 3))).toBe(`resolves [1,[2,3]]`);
      expect(await outcome(() => f["restPattern"]!(1))).toBe("rejects Error: boom");
      expect(await outcome(() => f["restPattern"]!(1, 2))).toBe("resolves 1");
    });

    it("keeps this, arguments, super, new.target and length in the parameters that now run inside the promise", async () => {
      // Each default reads this, arguments, super or new.target, and throws when they are not what the call gave.
      const f = load(`${boom}
        class B { x() { return "super"; } }
        class C extends B { async m(a = super.x(), b = this.n ?? boom()) { return [a, b]; } }
        const c = Object.assign(new C(), { n: 7 });
        const o = { n: 2, async m(a = this.n, b = arguments.length, c = a > b ? boom() : 0) { return [a, b, c, arguments.length, this.n]; } };
        function outer() { return (async (a = arguments.length, b = this, c = a > 2 ? b : boom()) => [a, c, arguments[0]])(); }
        function Made() { this.p = (async (t = new.target ?? boom()) => t === Made)(); }
        async function lengths(a, { b }, c = 1, ...d) {}
        const arrowLengths = [async ({ a }, [b], c = 1) => 0, async (a = 1) => a, async (...[a]) => a];
        export default () => ({
          sup: () => c.m(),
          supNoN: () => new C().m(),
          method: () => o.m(),
          methodArgs: () => o.m(undefined, undefined, 5),
          outer: () => outer.call("self", "first", 2, 3),
          outerFew: () => outer.call("self", "first"),
          made: () => new Made().p,
          madeCalled: () => { const t = {}; Made.call(t); return t.p; },
          lengths: async () => [lengths.length, ...arrowLengths.map((g) => g.length), lengths.name, arrowLengths[0].name],
        });`);
      expect(await outcome(() => f["sup"]!())).toBe(`resolves ["super",7]`);
      expect(await outcome(() => f["supNoN"]!())).toBe("rejects Error: boom");
      expect(await outcome(() => f["method"]!())).toBe("rejects Error: boom");
      expect(await outcome(() => f["methodArgs"]!())).toBe(`resolves [2,3,5,3,2]`);
      expect(await outcome(() => f["outer"]!())).toBe(`resolves [3,"self","first"]`);
      expect(await outcome(() => f["outerFew"]!())).toBe("rejects Error: boom");
      expect(await outcome(() => f["made"]!())).toBe(`resolves true`);
      expect(await outcome(() => f["madeCalled"]!())).toBe("rejects Error: boom");
      expect(await f["lengths"]!()).toEqual([2, 2, 0, 0, "lengths", ""]);
    });
  });
});

describe("plugin JSON on the host side", () => {
  it("drops __proto__, constructor and prototype keys at any depth and keeps the rest", () => {
    const parsed = parsePluginJson(`{"__proto__":{"x":1},"a":[{"constructor":{"prototype":1},"b":2}],"prototype":3}`) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(["a"]);
    expect(parsed["a"]).toEqual([{ b: 2 }]);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });
});

describe("net allowlist", () => {
  it("matches host and port, exact hosts and *.domain subdomains only", () => {
    const ok = (url: string, list: string[]) => urlAllowed(new URL(url), list);
    expect(ok("https://api.example.com/x", ["api.example.com"])).toBe(true);
    expect(ok("http://API.example.com./x", ["api.example.com"])).toBe(true);
    expect(ok("https://api.example.com:8443/x", ["api.example.com"])).toBe(false);
    expect(ok("https://api.example.com:8443/x", ["api.example.com:8443"])).toBe(true);
    expect(ok("https://api.example.com/x", ["api.example.com:8443"])).toBe(false);
    expect(ok("https://evil-api.example.com/", ["api.example.com"])).toBe(false);
    expect(ok("https://a.example.com/", ["*.example.com"])).toBe(true);
    expect(ok("https://example.com/", ["*.example.com"])).toBe(false);
    expect(ok("https://badexample.com/", ["*.example.com"])).toBe(false);
    expect(ok("http://127.0.0.1/", [])).toBe(false);
  });
});
