import { describe, expect, it } from "vitest";
import { scanPlugin } from "../../src/sandbox/index.ts";
import { moduleToFactoryScript } from "../../src/sandbox/module-transform.ts";
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
