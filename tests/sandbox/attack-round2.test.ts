/**
 * Attack round 2: hostile plugins of the kinds the battery holds, aimed at what it does not cover —
 * off-heap memory through builtins the sandbox does not wrap, the factory's own `arguments`,
 * thrown values with huge names, results that stringify past every cap, net allowlist address
 * forms, floods of refusals of several operations, a plugin that invokes itself, and state that
 * would carry from one call to the next. Each runs the real sandbox; each names what contained is.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewEvent } from "../../src/events/index.ts";
import { createPluginHost } from "../../src/sandbox/index.ts";
import type { PluginHost, SandboxError } from "../../src/sandbox/index.ts";
import { isPublicAddress } from "../../src/sandbox/net-allowlist.ts";
import type { HostileCase } from "./hostile-plugins.ts";
import { notFound, useNetTarget } from "./host-fixture.ts";

const forever = "for (;;) {}";
const NOT_OK = ["memory_limit", "plugin_error", "output_invalid", "result_too_large", "sandbox_crashed", "timeout"] as const;

const cases: HostileCase[] = [
  // ---- off-heap memory through builtins that allocate their own buffers ----
  { name: "ArrayBuffer.prototype.transfer to 1 GiB", timeoutMs: 5_000, code: `export default () => new ArrayBuffer(8).transfer(2 ** 30).byteLength`, expect: ["memory_limit", "plugin_error"] },
  { name: "transferToFixedLength to 1 GiB", timeoutMs: 5_000, code: `export default () => new ArrayBuffer(8).transferToFixedLength(2 ** 30).byteLength`, expect: ["memory_limit", "plugin_error"] },
  { name: "a 1 GiB Float64Array made by its own constructor", timeoutMs: 5_000, code: `export default () => new Float64Array(2 ** 27).length`, expect: ["memory_limit", "plugin_error"] },
  { name: "typed array from a huge array-like", timeoutMs: 5_000, code: `export default () => Uint8Array.from({ length: 2 ** 30 }).length`, expect: ["memory_limit", "plugin_error", "timeout", "sandbox_crashed"] },
  // ---- huge strings the amplifier guards do not see ----
  { name: "join of 4,096 64 KiB strings", timeoutMs: 10_000, code: `export default () => { const s = new Array(4096).fill("x".repeat(65536)).join(""); return s.indexOf("y") + s.length; }`, expect: ["memory_limit"] },
  { name: "replaceAll with a long replacement", timeoutMs: 10_000, code: `export default () => { const s = "x".repeat(1e4).replaceAll("x", "y".repeat(2e4)); return s.indexOf("z") + s.length; }`, expect: ["memory_limit"] },
  { name: "doubling a string by concatenation and flattening it", timeoutMs: 10_000, code: `export default () => { let s = "x".repeat(2 ** 20); for (let i = 0; i < 8; i++) s += s; return s.lastIndexOf("y") + s.length; }`, expect: ["memory_limit"] },
  // ---- results that stringify past every cap ----
  { name: "sparse array of length 2^32-1 as the result", timeoutMs: 5_000, code: `export default () => { const a = []; a.length = 2 ** 32 - 1; return a; }`, expect: [...NOT_OK] },
  { name: "sparse array of 2^27 holes as the result", timeoutMs: 5_000, code: `export default () => new Array(2 ** 27)`, expect: [...NOT_OK] },
  { name: "result key of 2 million characters", timeoutMs: 5_000, code: `export default () => ({ ["k".repeat(2e6)]: 1 })`, expect: ["result_too_large"] },
  { name: "nested 65 deep in arrays (stringify succeeds)", code: `export default () => { let a = 1; for (let i = 0; i < 65; i++) a = [a]; return a; }`, expect: ["output_too_deep"] },
  { name: "nested 65 deep through objects with toJSON", code: `export default () => { let a = 1; for (let i = 0; i < 65; i++) { const inner = a; a = { toJSON: () => ({ x: inner }) }; } return a; }`, expect: ["output_too_deep"] },
  { name: "toJSON deep only the first time it is read", code: `export default () => { let n = 0; return { toJSON() { if (n++ > 0) return 1; let a = {}; for (let i = 0; i < 20000; i++) a = { a }; return a; } }; }`, expect: ["output_too_deep"] },
  { name: "cyclic array result", code: `export default () => { const a = [1]; a.push(a); return a; }`, expect: ["output_invalid"] },
  { name: "result Symbol.toPrimitive that loops (never called)", code: `export default () => ({ a: 1, [Symbol.toPrimitive]() { ${forever} } })`, expect: "ok" },
  // ---- thrown values ----
  // Its name, message and stack are read, never the object itself: plugin_error, with no loop run.
  { name: "thrown object whose Symbol.toPrimitive loops", code: `export default () => { throw { toJSON() { return undefined; }, [Symbol.toPrimitive]() { ${forever} } }; }`, expect: ["plugin_error"] },
  { name: "thrown object whose message has a looping Symbol.toPrimitive", code: `export default () => { throw { message: { toJSON() { return undefined; }, [Symbol.toPrimitive]() { ${forever} } } }; }`, expect: ["timeout"] },
  { name: "thrown Symbol with a 1M-character description", timeoutMs: 5_000, code: `export default () => { throw Symbol("s".repeat(1e6)); }`, expect: ["plugin_error"] },
  { name: "thrown error whose name getter returns a new huge string each time", timeoutMs: 5_000, code: `export default () => { const e = new Error("m"); Object.defineProperty(e, "name", { get: () => "n".repeat(5e6) }); throw e; }`, expect: ["plugin_error"] },
  { name: "thrown error named TimeoutError with code memory_limit", code: `export default () => { const e = new RangeError("Isolate was disposed during execution due to memory limit"); Object.defineProperty(e, "name", { value: "memory_limit" }); Object.defineProperty(e, "code", { get() { return "timeout"; } }); throw e; }`, expect: ["plugin_error"] },
  { name: "unhandled rejection with an AggregateError of Proxies", code: `export default () => { Promise.any([Promise.reject(new Proxy({}, {})), Promise.reject(2)]); return 1; }`, expect: ["plugin_error"] },
  // ---- promises and time ----
  { name: "thenable that resolves then queues a loop", code: `export default () => ({ then(r) { r(1); Promise.resolve().then(() => { ${forever} }); } })`, expect: ["timeout"] },
  { name: "async generator left suspended on a rejecting await", code: `async function* g() { await Promise.reject(new Error("g")); yield 1; } export default () => { g().next(); return 1; }`, expect: ["plugin_error"] },
  { name: "yield* over a sync iterable holding a rejection", code: `async function* g() { yield* [1, Promise.reject(new Error("y"))]; } export default () => { const it = g(); it.next(); return 1; }`, expect: ["plugin_error"] },
  { name: "Promise.withResolvers rejected and dropped", code: `export default () => { const { reject } = Promise.withResolvers(); reject(new Error("w")); return 1; }`, expect: ["plugin_error"] },
  { name: "then with a plugin constructor as species", code: `export default () => { const p = Promise.reject(new Error("s")); class C { constructor(ex) { ex(() => {}, () => {}); } } Object.defineProperty(p, "constructor", { value: { [Symbol.species]: C } }); p.then(() => 1); return 1; }`, expect: "ok" },
  { name: "microtask ping-pong through awaits after return", code: `export default () => { (async () => { for (;;) await null; })(); return 1; }`, expect: ["timeout"] },
  // ---- escapes ----
  {
    name: "globals stay absent however they are looked up",
    code: `export default () => ["SharedArrayBuffer", "Atomics", "WebAssembly", "WeakRef", "FinalizationRegistry", "queueMicrotask", "setTimeout", "structuredClone", "eval"].map((k) => typeof globalThis[k] + ":" + typeof Object.getOwnPropertyDescriptor(globalThis, k))`,
    expect: "ok",
    check: (o) => {
      for (const t of o as string[]) if (t !== "undefined:undefined") throw new Error(`a global is visible: ${JSON.stringify(o)}`);
    },
  },
  { name: "code generation through a generator function's constructor", code: `export default () => Object.getPrototypeOf(function* () {}).constructor("yield 1")().next().value`, expect: ["plugin_error"] },
  { name: "code generation through an async generator's constructor", code: `export default () => Object.getPrototypeOf(async function* () {}).constructor("yield 1")`, expect: ["plugin_error"] },
  { name: "eval spelled with a unicode escape", code: `export default () => ev\\u0061l("1")`, expect: ["scan_rejected"] },
  { name: "Function spelled with a unicode escape", code: `export default () => \\u0046unction("return 1")()`, expect: ["scan_rejected"] },
  { name: "a reserved name spelled with a unicode escape", code: `export default (x) => \\u005f_capsmith_track(x)`, expect: ["scan_rejected"] },
  { name: "HTML close comment after a multi-line comment", code: `export default () => { let r = "scanned";\nr /*\n*/ --> r = "hidden ran"\n; return r; }`, expect: ["scan_rejected"] },
  { name: "dynamic import with a comment between import and (", code: `export default () => import /* x */ ("data:text/javascript,export default 1")`, expect: ["scan_rejected"] },
  { name: "dynamic import on its own line", code: `export default () => import\n(\n"x")`, expect: ["scan_rejected"] },
  { name: "import.meta with whitespace around the dot", code: `export default () => typeof import . meta`, expect: ["scan_rejected"] },
  { name: "eval reached through globalThis by a computed name", code: `export default () => { const k = ["ev", "al"].join(""); return typeof globalThis[k] === "function" ? globalThis[k]("1") : "absent"; }`, expect: "ok", check: (o) => { if (o !== "absent") throw new Error(String(o)); } },
  { name: "the factory's arguments reached from a top-level arrow", code: `export default () => typeof arguments[0]`, expect: ["scan_rejected"] },
  { name: "the factory's arguments reached through a nested arrow", code: `const grab = () => (() => arguments)(); export default () => typeof grab()[0]`, expect: ["scan_rejected"] },
  {
    name: "arguments of the plugin's own functions, and the name as a key, still work",
    code: `function f() { return arguments.length; } const o = { arguments: 1 }; export default () => f(1, 2, 3) + o.arguments + (function () { return (() => arguments[0])(); })(10)`,
    expect: "ok",
    check: (o) => {
      if (o !== 14) throw new Error(`wrong result: ${JSON.stringify(o)}`);
    },
  },
  {
    name: "every object a plugin can reach is frozen",
    timeoutMs: 5_000,
    code: `export default () => {
      const { getPrototypeOf, getOwnPropertyDescriptor, isFrozen } = Object;
      const roots = [[globalThis, "globalThis"], [getPrototypeOf(getPrototypeOf((function* () {})())), "gen"], [getPrototypeOf(getPrototypeOf((async function* () {})())), "agen"], [getPrototypeOf(new Intl.Segmenter().segment("a")), "seg"], [getPrototypeOf([].values().map((x) => x)), "helper"], [getPrototypeOf(/a/[Symbol.matchAll]("a")), "rsi"]];
      const seen = new Set(); const open = []; const stack = [...roots];
      while (stack.length) {
        const [o, path] = stack.pop();
        if (o === null || (typeof o !== "object" && typeof o !== "function") || seen.has(o)) continue;
        seen.add(o);
        if (!isFrozen(o)) open.push(path);
        stack.push([getPrototypeOf(o), path + ".__proto__"]);
        for (const k of Reflect.ownKeys(o)) { const d = getOwnPropertyDescriptor(o, k); if (!d) continue; if ("value" in d) stack.push([d.value, path + "." + String(k)]); else { stack.push([d.get, path + "." + String(k) + "<get>"]); stack.push([d.set, path + "." + String(k) + "<set>"]); } }
      }
      return open.slice(0, 20);
    }`,
    expect: "ok",
    check: (o) => {
      if ((o as string[]).length > 0) throw new Error(`reachable objects are not frozen: ${JSON.stringify(o)}`);
    },
  },
];

describe("attack round 2: hostile plugins", () => {
  let host: PluginHost;

  beforeAll(async () => {
    host = createPluginHost({ workers: 2, graceMs: 400, invoke: async () => ({ ok: true, output: 1 }) });
    await host.load({ id: "benign", code: `export default (input) => ({ sum: input.a + input.b })` });
  });

  afterAll(async () => {
    await host.close();
  });

  for (const c of cases) {
    it(`contains: ${c.name}`, { timeout: 60_000 }, async () => {
      const loaded = await host
        .load({ id: "hostile", code: c.code, limits: { timeoutMs: c.timeoutMs ?? 300, memoryMB: c.memoryMB ?? 64 } })
        .then(() => undefined, (e: unknown) => e as SandboxError);
      if (loaded) {
        expect(c.expect === "ok" ? `refused: ${loaded.code}: ${loaded.message}` : loaded.code).toBeOneOf(c.expect === "ok" ? ["ok"] : c.expect);
        return;
      }
      const result = await host.call("hostile", c.input ?? null, { now: 86_400_000, seed: 7 });
      if (c.expect === "ok") {
        expect(result.ok ? "ok" : `${result.error.code}: ${result.error.message}`).toBe("ok");
        if (result.ok) c.check?.(result.output);
      } else {
        expect(result.ok ? `ok: ${JSON.stringify(result.output).slice(0, 200)}` : result.error.code).toBeOneOf(c.expect);
        if (!result.ok) {
          expect(result.error.message.length).toBeLessThanOrEqual(2_200);
          expect(JSON.stringify(result.error.details ?? {}).length).toBeLessThan(10_000);
        }
      }
      const benign = await host.call("benign", { a: 2, b: 3 });
      expect(benign.ok && benign.output).toEqual({ sum: 5 });
    });
  }

  it("answers plugins whose syntax nests past the host's stack with a coded error or a working plugin", { timeout: 120_000 }, async () => {
    // acorn parses member, call and tagged-template chains with a loop: the AST nests 100,000 deep.
    for (const [name, code] of [
      ["member chain", "export default (x) => x" + ".a".repeat(1e5)],
      ["call chain", "export default (x) => x" + "()".repeat(1e5)],
      ["tagged template chain", "export default (x) => x" + "``".repeat(1e5)],
      ["binary chain", "export default () => 1" + "+1".repeat(1e5)],
      ["array nest", "export default () => " + "[".repeat(5e4) + "]".repeat(5e4)],
    ] as const) {
      const outcome = await host.load({ id: "deep-syntax", code }).then(
        async () => {
          const r = await host.call("deep-syntax", null);
          return r.ok ? "ran" : r.error.code;
        },
        (e: unknown) => (e as SandboxError).code ?? `uncoded ${(e as Error).name}: ${(e as Error).message}`,
      );
      expect([name, outcome]).toEqual([name, expect.stringMatching(/^(ran|scan_rejected|invalid_plugin|plugin_error)$/)]);
    }
    expect(await host.call("benign", { a: 1, b: 1 })).toMatchObject({ ok: true, output: { sum: 2 } });
  });

  it("carries no state from one call to the next through the factory's arguments or anything else", { timeout: 60_000 }, async () => {
    // Loaded without the scan's help (the scan may refuse it): the bootstrap itself must hold.
    const code = `export default (n) => { const seen = []; const probes = [Iterator.prototype, DataView.prototype, Object.getPrototypeOf(Object.getPrototypeOf(Object.getPrototypeOf((async function* () {})()))), Object.getPrototypeOf(Object.getPrototypeOf(/a/[Symbol.matchAll]("a"))), Symbol.for("capsmith.probe"), Error, Array.prototype, Object.prototype];
      for (const p of probes) { try { if (p.capsmithState !== undefined) seen.push(p.capsmithState); } catch {} try { p.capsmithState = n; } catch {} }
      return seen; }`;
    await host.load({ id: "state", code });
    expect(await host.call("state", 1)).toMatchObject({ ok: true, output: [] });
    expect(await host.call("state", 2)).toMatchObject({ ok: true, output: [] });
  });
});

describe("attack round 2: net allowlist address forms", () => {
  const { port: portOf, hits, fetchAs } = useNetTarget(async (hostname) => {
    if (hostname === "mapped-long.test") return [{ address: "0:0:0:0:0:ffff:7f00:1", family: 6 }];
    if (hostname === "mapped-zeros.test") return [{ address: "0000:0000:0000:0000:0000:ffff:7f00:0001", family: 6 }];
    if (hostname === "mapped-dotted-long.test") return [{ address: "0:0:0:0:0:ffff:127.0.0.1", family: 6 }];
    if (hostname === "mapped-upper.test") return [{ address: "::FFFF:7F00:1", family: 6 }];
    if (hostname === "api.example.com" || hostname === "api.example.com.") return [{ address: "127.0.0.1", family: 4 }];
    return notFound(hostname);
  }, 3_000);

  it("classifies IPv4-mapped loopback however the IPv6 address is written", () => {
    for (const a of ["0:0:0:0:0:ffff:7f00:1", "0000:0000:0000:0000:0000:ffff:7f00:0001", "0:0:0:0:0:ffff:127.0.0.1", "::FFFF:7F00:1", "0::ffff:7f00:1", "::0:ffff:a00:1", "64:ff9b:0:0:0:0:7f00:1", "64:ff9b:0:0:0:0:a00:1", "0064:ff9b::0a00:0001", "64:ff9b:1::a00:1", "2002:7f00:0001::1", "2002:0a00:0001:0:0:0:0:1"]) {
      expect([a, isPublicAddress(a)]).toEqual([a, false]);
    }
  });

  it("refuses an allowlisted name that resolves to loopback written in long IPv6 forms", { timeout: 60_000 }, async () => {
    const port = portOf();
    const before = hits();
    for (const name of ["mapped-long.test", "mapped-zeros.test", "mapped-dotted-long.test", "mapped-upper.test"]) {
      expect([name, await fetchAs([`${name}:${port}`], `http://${name}:${port}/x`)]).toEqual([name, expect.objectContaining({ code: "permission_denied" })]);
    }
    expect(hits()).toBe(before);
  });

  it("refuses loopback written as a URL in other forms when only a name is allowlisted", { timeout: 60_000 }, async () => {
    const port = portOf();
    const before = hits();
    const net = [`api.example.com:${port}`];
    for (const url of [
      `http://2130706433:${port}/`, `http://0x7f.1:${port}/`, `http://0177.0.0.1:${port}/`, `http://127.1:${port}/`,
      `http://[::ffff:127.0.0.1]:${port}/`, `http://[::1]:${port}/`, `http://api.example.com@127.0.0.1:${port}/`,
      `http://127.0.0.1:${port}#@api.example.com/`, `http://api.example.com:${port}/`, `http://api.example.com.:${port}/`,
      `http://API.EXAMPLE.COM:${port}/`, `http://localhost:${port}/`, `http://localhost.:${port}/`,
    ]) {
      const r = await fetchAs(net, url);
      expect([url, r.code]).toEqual([url, "permission_denied"]);
    }
    expect(hits()).toBe(before);
  });
});

describe("attack round 2: floods and recursion", () => {
  it("coalesces a flood of refusals spread over three operations", { timeout: 60_000 }, async () => {
    const audit: NewEvent[] = [];
    const host = createPluginHost({ workers: 1, onAudit: (e) => void audit.push(e) });
    try {
      await host.load({
        id: "mixed",
        code: `export default async (n, host) => { const codes = {}; for (let i = 0; i < n; i++) { try { const op = i % 3; if (op === 0) await host.fetch("http://10.0.0.1/" + i); else if (op === 1) await host.llm.complete({ prompt: "p" + i }); else await host.invoke("cap" + i, i); } catch (e) { codes[e.code] = (codes[e.code] ?? 0) + 1; } } return codes; }`,
        limits: { timeoutMs: 20_000 },
      });
      const r = await host.call("mixed", 9_000);
      expect(r).toMatchObject({ ok: true, output: { permission_denied: 32, rate_limited: 9_000 - 32 } });
    } finally {
      await host.close();
    }
    const denied = audit.filter((e) => e.type === "PermissionDenied");
    expect(denied.length).toBeLessThanOrEqual(3);
    expect(denied.reduce((s, e) => s + ((e.data as { count?: number }).count ?? 1), 0)).toBe(32);
  });

  it("a tree that parks nested calls on every worker does not hold a neighbour until the tree's deadline", { timeout: 120_000 }, async () => {
    // "slow" waits on a fetch that never answers; "fan" invokes it twice at once, so the two copies
    // need two workers, and parks. A benign call made after that must not wait for the tree's end.
    const hang = createServer(() => undefined);
    await new Promise<void>((r) => hang.listen(0, "127.0.0.1", r));
    const hangPort = (hang.address() as AddressInfo).port;
    const host: PluginHost = createPluginHost({
      workers: 2,
      invoke: async (request, signal) => {
        if (request.chain.includes(request.capability)) return { ok: false, code: "invoke_cycle", message: "cycle" };
        const r = await host.call(request.capability, request.input, { deadline: request.deadline, root: request.root, signal, chain: [...request.chain, request.capability] });
        return r.ok ? { ok: true, output: r.output } : { ok: false, code: r.error.code, message: r.error.message };
      },
    });
    try {
      await host.load({ id: "slow", profile: "integration", permissions: { net: [`127.0.0.1:${hangPort}`] }, limits: { timeoutMs: 5_000 }, code: `export default async (u, host) => (await host.fetch(u)).status` });
      await host.load({ id: "fan", dependencies: ["slow"], limits: { timeoutMs: 5_000 }, code: `export default (u, host) => Promise.all([host.invoke("slow", u), host.invoke("slow", u)])` });
      await host.load({ id: "benign", code: `export default (x) => x + 1` });
      // Warm both workers so the tree's calls start at once.
      await Promise.all([host.call("benign", 0), host.call("benign", 0)]);
      const order: string[] = [];
      const tree = host.call("fan", `http://127.0.0.1:${hangPort}/`, { chain: ["fan"] }).then((r) => void order.push(`tree:${r.ok ? "ok" : r.error.code}`));
      await expect.poll(() => host.counts().parked, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
      await expect.poll(() => host.counts().queued + host.counts().parked, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
      const neighbour = host.call("benign", 41).then((r) => void order.push(`benign:${r.ok ? String(r.output) : r.error.code}`));
      await Promise.all([tree, neighbour]);
      expect(order[0]).toBe("benign:42");
    } finally {
      await host.close();
      hang.closeAllConnections();
      await new Promise((r) => hang.close(r));
    }
  });

  it("gives a nested call what is left of its root's time, never its own longer limit", { timeout: 120_000 }, async () => {
    const nested: string[] = [];
    const host: PluginHost = createPluginHost({
      workers: 2,
      graceMs: 400,
      invoke: async (request, signal) => {
        const r = await host.call(request.capability, request.input, { deadline: request.deadline, root: request.root, signal, chain: [...request.chain, request.capability] });
        nested.push(r.ok ? "ok" : `${r.error.code}: ${r.error.message}`);
        return r.ok ? { ok: true, output: r.output } : { ok: false, code: r.error.code, message: r.error.message };
      },
    });
    try {
      await host.load({ id: "spin", limits: { timeoutMs: 30_000 }, code: `export default () => { for (;;) {} }` });
      await host.load({ id: "root", dependencies: ["spin"], limits: { timeoutMs: 500 }, code: `export default async (n, host) => { try { await host.invoke("spin", n); } catch (e) { return "caught " + e.code; } }` });
      const r = await host.call("root", 1);
      expect(r.ok ? String(r.output) : r.error.code).toBeOneOf(["timeout", "caught timeout"]);
      await expect.poll(() => nested.length, { timeout: 30_000 }).toBe(1);
      // The nested call ended by the root's clock: the limit it was started with is at most the root's.
      const limit = Number(/within (\d+) ms/.exec(nested[0]!)?.[1] ?? "NaN");
      if (nested[0]!.startsWith("timeout")) expect(limit).toBeLessThanOrEqual(500);
      else expect(nested[0]).toMatch(/^cancelled/);
    } finally {
      await host.close();
    }
  });

  it("ends a plugin that invokes itself without end when its root call ends, and its neighbour still answers", { timeout: 120_000 }, async () => {
    let nested = 0;
    const host: PluginHost = createPluginHost({
      workers: 2,
      graceMs: 400,
      // A resolver with no cycle guard: only the sandbox's time budget stops the recursion.
      invoke: async (request, signal) => {
        nested++;
        const r = await host.call(request.capability, request.input, { deadline: request.deadline, root: request.root, signal, chain: [...request.chain, request.capability] });
        return r.ok ? { ok: true, output: r.output } : { ok: false, code: r.error.code, message: r.error.message };
      },
    });
    try {
      await host.load({ id: "self", dependencies: ["self"], limits: { timeoutMs: 1_000 }, code: `export default async (n, host) => { const r = await Promise.all([host.invoke("self", n + 1), host.invoke("self", n + 1)]); return r[0]; }` });
      await host.load({ id: "benign", code: `export default (x) => x + 1` });
      const [root, neighbour] = await Promise.all([host.call("self", 0), host.call("benign", 41)]);
      expect(root.ok ? "ok" : root.error.code).toBeOneOf(["timeout", "plugin_error"]);
      expect(neighbour).toMatchObject({ ok: true, output: 42 });
      expect(nested).toBeGreaterThan(1);
      // Everything the tree started has ended with it.
      await expect.poll(() => host.counts(), { timeout: 10_000 }).toEqual({ queued: 0, running: 0, parked: 0 });
      expect(await host.call("benign", 1)).toMatchObject({ ok: true, output: 2 });
    } finally {
      await host.close();
    }
  });
});

describe("attack round 2: llm budget estimate", () => {
  // Broke in round 2: the reservation estimated a prompt at about 3 characters a token, but a
  // tokenizer can spend up to one token per UTF-8 byte (12 completions of CJK prompts spent 10,920
  // tokens of a 4,000-token call budget). The prompt is now reserved at its byte length. This
  // backend counts one token per non-ASCII character, the low end for CJK.
  it("keeps concurrent completions with token-dense prompts within the call's tokens", { timeout: 60_000 }, async () => {
    const host = createPluginHost({
      workers: 1,
      llm: {
        budget: { tokensPerCall: 4_000, tokensPerDay: 200_000 },
        complete: async (request) => {
          await new Promise((r) => setTimeout(r, 20));
          const prompt = request.prompt ?? "";
          return { text: "x", usage: { inputTokens: [...prompt].length, outputTokens: request.maxTokens ?? 256 } };
        },
      },
    });
    try {
      await host.load({
        id: "agent",
        profile: "agent",
        limits: { timeoutMs: 5_000 },
        code: `export default async (n, host) => { const prompt = "漢".repeat(900); const r = await Promise.allSettled(Array.from({ length: n }, () => host.llm.complete({ prompt, maxTokens: 10 }))); return r.map((x) => x.status === "fulfilled" ? x.value.usage.inputTokens + x.value.usage.outputTokens : x.reason.code); }`,
      });
      const r = await host.call("agent", 12, { now: Date.UTC(2025, 0, 1) });
      const out = (r.ok ? r.output : []) as (number | string)[];
      const spent = out.filter((x): x is number => typeof x === "number").reduce((a, b) => a + b, 0);
      expect(spent).toBeLessThanOrEqual(4_000);
    } finally {
      await host.close();
    }
  });
});

describe("attack round 2: plugins policy lets generate code", () => {
  // Fixed: with `allow: ["eval"]` (or "function_constructor") eval and the four Function
  // constructors hand the text to the worker, which rewrites its async functions for the promise
  // tracker before it compiles (generated-code.ts). Before, an async function made by generated
  // code was not rewritten, its rejection escaped the tracker, and isolated-vm copied the reason
  // out after the call's timer: a looping `message` getter wedged the worker until the host killed
  // it (`timeout` with observed "host_timer", the worker replaced).
  it("reads an eval'd async function's rejection inside the call's time", { timeout: 60_000 }, async () => {
    const host = createPluginHost({ workers: 1, graceMs: 400 });
    try {
      await host.load({ id: "e", allow: ["eval"], limits: { timeoutMs: 300 }, code: `export default () => { eval("(async () => { throw { get message() { for (;;) {} } }; })()"); return 1; }` });
      const before = (await host.stats()).map((s) => s.pid);
      const r = await host.call("e", null);
      expect(r.ok ? "ok" : r.error.code).toBe("timeout");
      if (!r.ok) expect(r.error.details?.["observed"]).toBeUndefined();
      expect((await host.stats()).map((s) => s.pid)).toEqual(expect.arrayContaining(before));
    } finally {
      await host.close();
    }
  });

  // Fixed (found attacking the generated-code fix, but no eval is needed): an async function
  // called with the stack nearly exhausted made its promise, and then the call that passed it to
  // the tracker overflowed (or the tracker's own handler attach did, and its catch swallowed the
  // RangeError). The promise was lost to the tracker; a looping getter on its reason wedged the
  // worker (`timeout`, observed "host_timer", worker replaced). Now the tracker calls the async
  // function itself and attaches its handler with only built-ins in between (bootstrap-promises.ts);
  // attack-stack-edge.test.ts reaches the edge in many other ways.
  it("reads the rejection of an async function called at the edge of the stack inside the call's time", { timeout: 60_000 }, async () => {
    const host = createPluginHost({ workers: 1, graceMs: 400 });
    try {
      await host.load({
        id: "deep",
        limits: { timeoutMs: 300 },
        code: `export default () => { const f = async () => { throw { get message() { for (;;) {} } }; }; function probe() { try { probe(); } catch { f(); } } probe(); return 1; }`,
      });
      const before = (await host.stats()).map((s) => s.pid);
      const r = await host.call("deep", null);
      expect(r.ok ? "ok" : r.error.code).toBe("timeout");
      if (!r.ok) expect(r.error.details?.["observed"]).toBeUndefined();
      expect((await host.stats()).map((s) => s.pid)).toEqual(expect.arrayContaining(before));
    } finally {
      await host.close();
    }
  });

  describe("every promise generated code makes reaches the tracker", () => {
    let host: PluginHost;
    beforeAll(() => {
      host = createPluginHost({ workers: 1 });
    });
    afterAll(async () => {
      await host.close();
    });
    let n = 0;
    const run = async (code: string, allow: ("eval" | "function_constructor")[] = ["eval", "function_constructor"]) => {
      const id = `gen${n++}`;
      await host.load({ id, allow, code });
      return host.call(id, null);
    };
    /**
     * A rejection the tracker read comes out with the reason's name in `details` (read inside the
     * call); one that escaped it is copied out by isolated-vm with a message only.
     */
    const tracked = (r: Awaited<ReturnType<PluginHost["call"]>>, message: string, name = "Error") => {
      expect(r.ok ? "ok" : r.error.code).toBe("plugin_error");
      if (r.ok) return;
      expect(r.error.message).toContain(`unhandled promise rejection: ${message}`);
      expect(r.error.details?.["name"]).toBe(name);
    };

    it("new Function returning an async arrow's promise", async () => {
      tracked(await run(`export default () => { new Function("return (async () => { throw new Error('f'); })()")(); return 1; }`, ["function_constructor"]), "f");
    });

    it("an async arrow inside eval'd code", async () => {
      tracked(await run(`export default () => { eval("const f = async (x) => { throw new Error(x); }; f('arrow'); 0"); return 1; }`), "arrow");
    });

    it("await of a rejected promise in generated code", async () => {
      tracked(await run(`export default () => { eval("(async function () { await Promise.reject(new Error('awaited')); })()"); return 1; }`), "awaited");
    });

    it("a generated async generator", async () => {
      // Its next() was tracked already; what it makes inside must be too.
      const code = `export default async () => {
        const AG = Object.getPrototypeOf(async function* () {}).constructor;
        const g = new AG("x", "yield x; (async () => { throw new Error('inner'); })(); yield x + 1;");
        const it = g(1);
        return [(await it.next()).value, (await it.next()).value];
      }`;
      tracked(await run(code), "inner");
    });

    it("generated code reaches no AsyncFunction constructor: its async functions are rewritten too", async () => {
      // Unrewritten, eval'd code would hand out %AsyncFunction%, whose functions' promises the tracker never sees.
      const code = `export default () => {
        const AF = eval("Object.getPrototypeOf(async function () {}).constructor");
        const same = AF === Function;
        try { new AF("throw new Error('af');")(); } catch (e) { return ["thrown", same, e.message]; }
        return ["returned", same];
      }`;
      expect(await run(code)).toMatchObject({ ok: true, output: ["thrown", true, "af"] });
    });

    it("Function.prototype.constructor reached from an async function's prototype chain", async () => {
      tracked(await run(`export default () => { (async () => {}).constructor.constructor("return (async () => { throw new Error('chain'); })()")(); return 1; }`), "chain");
    });

    it("Reflect.construct of Function with another new.target", async () => {
      tracked(await run(`export default () => { const f = Reflect.construct(Function, ["return (async () => { throw new Error('rc'); })()"], Object); f(); return Object.getPrototypeOf(f) === Object.prototype ? 1 : 0; }`), "rc");
    });

    it("a thenable that rejects, awaited in generated code", async () => {
      tracked(await run(`export default () => { eval("(async () => { await { then(_, reject) { reject(new Error('thenable')); } }; })()"); return 1; }`), "thenable");
    });

    it("a Promise subclass made by generated code is refused inside the call", async () => {
      const r = await run(`export default () => { eval("class P extends Promise {} new P((_, reject) => reject(new Error('sub')));"); return 1; }`);
      expect(r.ok ? "ok" : r.error.code).toBe("plugin_error");
      if (!r.ok) expect(r.error.message).toContain("subclassing Promise is not supported");
    });

    it("a function made by new Function cannot read its caller: the transform's async arrow stays out of reach", async () => {
      // In sloppy code `g.caller` is the async arrow around h's body; calling it again would make
      // a promise the tracker never sees. Generated code runs as strict mode code.
      const body = "let arrow, n = 0; function g() { if (n++ === 0) { try { arrow = g.caller; } catch { arrow = null; } } else throw new Error('again'); } async function h() { g(); } h(); if (typeof arrow === 'function') arrow(); return arrow === null ? 'refused' : typeof arrow;";
      const r = await run(`export default () => new Function(${JSON.stringify(body)})()`);
      expect(r).toMatchObject({ ok: true, output: "refused" });
    });

    it("generated code cannot shadow or replace the tracker", async () => {
      const code = `export default () => {
        const refused = [];
        for (const text of ["var __capsmith_track = (p) => p", "let { a: __capsmith_track } = { a: (p) => p }", "globalThis['__capsmith' + '_track'] = (p) => p"]) {
          try { eval(text); } catch (e) { refused.push(e.code ?? e.name); }
        }
        eval("(async () => { throw new Error('still'); })()");
        return refused;
      }`;
      tracked(await run(code), "still");
      const r = await run(`export default () => { try { eval("var __capsmith_track = 1"); } catch (e) { return e.code; } }`);
      expect(r).toMatchObject({ ok: true, output: "scan_rejected" });
      const assign = await run(`export default () => { try { globalThis["__capsmith" + "_track"] = 1; return "assigned"; } catch (e) { return e.name; } }`);
      expect(assign).toMatchObject({ ok: true, output: "TypeError" });
    });

    it("the global tracker generated code calls runs no plugin getter while it ignores new promises", async () => {
      // Attaching its handler reads `p.constructor`; a getter there ran while the tracker ignored
      // the promises it was handed (its own reentry guard), so an async function called from the
      // getter went untracked. A promise with own properties is left alone (it was tracked when made).
      const code = `export default () => {
        const track = globalThis["__capsmith" + "_track"];
        const p = Promise.resolve(1);
        Object.defineProperty(p, "constructor", { get() { eval("(async () => { throw new Error('getter'); })()"); return Promise; } });
        track(() => p);
        p.then(() => {});
        return 1;
      }`;
      tracked(await run(code), "getter");
    });

    it("generated code works as code: values, parameters, async results, syntax errors", async () => {
      const code = `export default async () => {
        const AF = Object.getPrototypeOf(async function* () {}).constructor;
        let syntax = "";
        try { new Function("a", "){}; (function (b"); } catch (e) { syntax = e.name; }
        let parse = "";
        try { eval("1 +"); } catch (e) { parse = e.name; }
        return [eval("1 + 2"), eval("var x = 1"), eval(7), new Function("a", "b", "return a + b")(2, 3), (await new AF("x", "yield x * 2")(21).next()).value, syntax, parse];
      }`;
      expect(await run(code)).toMatchObject({ ok: true, output: [3, null, 7, 5, 42, "SyntaxError", "SyntaxError"] });
    });

    it("generated code keeps the scan's rules: import() and oversized text are refused with scan_rejected", async () => {
      const r = await run(`export default () => { const out = []; for (const text of ["import('x')", "1;".repeat(70000)]) { try { eval(text); out.push("ran"); } catch (e) { out.push(e.code); } } return out; }`);
      expect(r).toMatchObject({ ok: true, output: ["scan_rejected", "scan_rejected"] });
    });
  });
});

describe("attack round 2: memory while the host is busy", () => {
  /** The scheduler state of a process (`R` running, `S` sleeping, ...), read synchronously. */
  const stateOf = (pid: number): string => readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ")[0]!;

  it.runIf(process.platform === "linux")("fails memory_limit when the worker passed its budget while the host's event loop was busy", { timeout: 120_000 }, async () => {
    const host = createPluginHost({ workers: 1, graceMs: 2_000 });
    try {
      // split builds ~200 MB of strings in one step, past the isolate's 64 MB limit, garbage by the
      // time the call returns. (It was ICU's buffers for case mapping a 40 MB string, outside the
      // heap; the sandbox now refuses such inputs before ICU sees them: bootstrap-steps.ts.)
      await host.load({ id: "icu", code: `export default () => { const s = "a,".repeat(2e7); return s.split(",").length; }`, limits: { timeoutMs: 20_000, memoryMB: 64 } });
      await host.load({ id: "benign", code: `export default (x) => x + 1` });
      expect(await host.call("benign", 1)).toMatchObject({ ok: true, output: 2 });
      const [worker] = await host.stats();
      const pending = host.call("icu", null);
      // The host is busy (a long synchronous task) until the worker has run the call and gone idle:
      // the pool's 10 ms memory sampler gets no turn while the spike lasts.
      let ran = false;
      let idleSince = 0;
      const giveUp = Date.now() + 60_000;
      while (Date.now() < giveUp) {
        const state = stateOf(worker!.pid!);
        if (state === "R") {
          ran = true;
          idleSince = 0;
        } else if (ran) {
          idleSince ||= Date.now();
          if (Date.now() - idleSince > 300) break;
        }
      }
      const r = await pending;
      // Whichever layer saw it (the sampler, or the heap statistics after the call), the call fails of it.
      expect(r.ok ? "ok" : r.error.code).toBe("memory_limit");
      expect(await host.call("benign", 1)).toMatchObject({ ok: true, output: 2 });
    } finally {
      await host.close();
    }
  });
});
