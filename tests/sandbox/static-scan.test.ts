import { describe, expect, it } from "vitest";
import { scanPlugin } from "../../src/sandbox/index.ts";
import { moduleToFactoryBody } from "../../src/sandbox/module-transform.ts";
import { hostAllowed } from "../../src/sandbox/net-allowlist.ts";
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

describe("module to factory body", () => {
  const run = (code: string): unknown => {
    const { program } = scanPlugin(code);
    return new Function(moduleToFactoryBody(code, program!))();
  };
  it("returns the default export in all its forms", () => {
    expect((run(`export default function add(a) { return a + 1 }`) as (n: number) => number)(1)).toBe(2);
    expect((run(`export default (a) => a * 3;`) as (n: number) => number)(2)).toBe(6);
    expect((run(`export default (1, (a) => a - 1)`) as (n: number) => number)(2)).toBe(1);
    expect(typeof run(`export default class { }`)).toBe("function");
    expect((run(`export const k = 5; function f() { return k } export { f as default };`) as () => number)()).toBe(5);
  });
  it("runs in strict mode with fresh module bindings on every invocation", () => {
    const code = `let n = 0; export default () => ++n;`;
    const { program } = scanPlugin(code);
    const factory = new Function(moduleToFactoryBody(code, program!)) as () => () => number;
    expect(factory()()).toBe(1);
    expect(factory()()).toBe(1);
    expect(() => (run(`export default () => { undeclared = 1; }`) as () => void)()).toThrow(ReferenceError);
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
  it("matches exact hosts and *.domain subdomains only", () => {
    expect(hostAllowed("api.example.com", ["api.example.com"])).toBe(true);
    expect(hostAllowed("API.example.com.", ["api.example.com"])).toBe(true);
    expect(hostAllowed("evil-api.example.com", ["api.example.com"])).toBe(false);
    expect(hostAllowed("a.example.com", ["*.example.com"])).toBe(true);
    expect(hostAllowed("example.com", ["*.example.com"])).toBe(false);
    expect(hostAllowed("badexample.com", ["*.example.com"])).toBe(false);
    expect(hostAllowed("127.0.0.1", [])).toBe(false);
  });
});
