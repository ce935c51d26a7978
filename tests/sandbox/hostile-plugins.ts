/**
 * The hostile battery: plugins that try to loop, flood promises, recurse, exhaust heap and
 * off-heap memory, escape to the host, attack host.log and the result copy, wedge the isolate's
 * thread and read the clock. Each names the codes that count as contained; a case whose code
 * can legitimately differ by machine speed lists both.
 */
import type { SandboxErrorCode } from "../../src/sandbox/index.ts";

export interface HostileCase {
  name: string;
  code: string;
  expect: SandboxErrorCode[] | "ok";
  /** Dependencies the plugin declares (for host.invoke attacks). */
  dependencies?: string[];
  /** For "ok" cases: a check of the output that proves nothing escaped. */
  check?: (output: unknown) => void;
  memoryMB?: number;
  /** Cases that must do real work before they reach their code get more than the default 300 ms. */
  timeoutMs?: number;
  input?: unknown;
}

const forever = "for (;;) {}";

export const hostileCases: HostileCase[] = [
  // ---- time ----
  { name: "infinite while loop", code: `export default () => { while (true) {} }`, expect: ["timeout"] },
  { name: "loop after an await", code: `export default async () => { await null; ${forever} }`, expect: ["timeout"] },
  { name: "microtask flood", code: `export default () => { const f = () => Promise.resolve().then(f); f(); return new Promise(() => {}); }`, expect: ["timeout"] },
  { name: "work scheduled after the sync part returns", code: `export default () => { Promise.resolve().then(() => { ${forever} }); return 1; }`, expect: ["timeout"] },
  { name: "promise that never settles", code: `export default () => new Promise(() => {})`, expect: ["timeout"] },
  { name: "thenable whose then loops", code: `export default () => ({ then() { ${forever} } })`, expect: ["timeout"] },
  { name: "result getter that loops", code: `export default () => ({ get x() { ${forever} } })`, expect: ["timeout"] },
  { name: "result toJSON that loops", code: `export default () => ({ toJSON() { ${forever} } })`, expect: ["timeout"] },
  { name: "then getter that loops", code: `export default () => ({ get then() { ${forever} } })`, expect: ["timeout"] },
  { name: "thrown Proxy with a looping get trap", code: `export default () => { throw new Proxy({}, { get() { ${forever} } }); }`, expect: ["timeout"] },
  { name: "thrown object with a looping message getter", code: `export default () => { throw { get message() { ${forever} } }; }`, expect: ["timeout"] },
  { name: "rejected promise with a looping Proxy", code: `export default async () => { await null; throw new Proxy({}, { get() { ${forever} } }); }`, expect: ["timeout"] },
  { name: "result Proxy with a looping ownKeys trap", code: `export default () => new Proxy({}, { ownKeys() { ${forever} } })`, expect: ["timeout"] },
  { name: "catastrophic regex backtracking", code: `export default () => /(a+)+$/.test("a".repeat(64) + "b")`, expect: ["timeout"] },
  { name: "busy-wait on the clock", code: `export default () => { const t = Date.now(); while (Date.now() - t < 10) {} return "waited"; }`, expect: ["timeout"] },
  // ---- recursion ----
  { name: "unbounded recursion", code: `export default () => { const f = () => f() + 1; return f(); }`, expect: ["plugin_error"] },
  { name: "recursion through getters", code: `export default () => { const o = { get a() { return o.a; } }; return o.a; }`, expect: ["plugin_error"] },
  { name: "cyclic result", code: `export default () => { const o = {}; o.self = o; return o; }`, expect: ["output_invalid"] },
  { name: "result nested too deep to stringify", timeoutMs: 5_000, code: `export default () => { let a = []; for (let i = 0; i < 200000; i++) a = [a]; return a; }`, expect: ["output_too_deep"] },
  // ---- heap and off-heap memory ----
  { name: "heap exhaustion", timeoutMs: 5_000, code: `export default () => { const a = []; for (;;) a.push(new Array(1e5).fill(1)); }`, expect: ["memory_limit"] },
  { name: "promise flood on the heap", code: `export default async () => { const ps = []; for (;;) ps.push(Promise.resolve(1)); }`, expect: ["memory_limit", "timeout"] },
  // Its limit is far off: the point is the out-of-memory abort, which a loaded machine reaches late.
  { name: "fatal V8 OOM (holey array)", timeoutMs: 30_000, code: `export default () => { const a = new Array(100 * 1024 * 1024); for (let i = 0; i < a.length; i++) a[i] = i; return 1; }`, expect: ["sandbox_crashed", "memory_limit"] },
  { name: "flattened 256 MB string", timeoutMs: 5_000, code: `export default () => { const s = "x".repeat(2 ** 28); return s.indexOf("y") + s.length; }`, expect: ["memory_limit"] },
  { name: "1 GB ArrayBuffer", timeoutMs: 5_000, code: `export default () => new ArrayBuffer(1e9).byteLength`, expect: ["memory_limit"] },
  { name: "typed arrays until the allocator refuses", timeoutMs: 5_000, code: `export default () => { const l = []; for (;;) l.push(new Uint8Array(1e7)); }`, expect: ["memory_limit"] },
  { name: "resizable ArrayBuffer grown to 1 GiB", code: `export default () => { const b = new ArrayBuffer(8, { maxByteLength: 2 ** 30 }); b.resize(2 ** 30); return b.byteLength; }`, expect: ["plugin_error"] },
  { name: "resizable ArrayBuffer through a typed array's buffer.constructor", code: `export default () => { const AB = new Uint8Array(1).buffer.constructor; const b = new AB(8, { maxByteLength: 2 ** 30 }); ArrayBuffer.prototype.resize.call(b, 2 ** 30); return b.byteLength; }`, expect: ["plugin_error"] },
  { name: "growable SharedArrayBuffer", code: `export default () => { const b = new SharedArrayBuffer(8, { maxByteLength: 2 ** 30 }); b.grow(2 ** 30); return b.byteLength; }`, expect: ["plugin_error"] },
  { name: "WebAssembly.Memory", code: `export default () => { const m = new WebAssembly.Memory({ initial: 1, maximum: 16384 }); m.grow(16000); return m.buffer.byteLength; }`, expect: ["plugin_error"] },
  { name: "Atomics.wait", code: `export default () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60000)`, expect: ["plugin_error"] },
  // ---- wedging the thread (ICU and builtins that never check for termination) ----
  // The sandbox bounds both (bootstrap-intl.ts, bootstrap-steps.ts): the compare of 30 M characters
  // is refused (input_too_large), the fill past the memory limit too (memory_limit).
  { name: "ICU collation of huge strings", code: `export default () => { const a = "a".repeat(3e7), b = a + "b"; let n = 0; for (let i = 0; i < 1000; i++) n += new Intl.Collator("en").compare(a, b); return n; }`, expect: ["sandbox_crashed", "timeout", "input_too_large"], memoryMB: 256 },
  { name: "fill of a 150M-element array", code: `export default () => new Array(1.5e8).fill(0).length`, expect: ["sandbox_crashed", "memory_limit", "timeout"] },
  // ---- escapes ----
  {
    name: "Node globals are absent",
    code: `export default () => [typeof process, typeof require, typeof module, typeof exports, typeof globalThis.process, typeof setTimeout, typeof fetch, typeof performance, typeof WebAssembly, typeof SharedArrayBuffer]`,
    expect: "ok",
    check: (o) => {
      if ((o as string[]).some((t) => t !== "undefined")) throw new Error(`a host global is visible: ${JSON.stringify(o)}`);
    },
  },
  { name: "constructor.constructor to the Function constructor", code: `export default () => (() => {}).constructor.constructor("return process")()`, expect: ["plugin_error"] },
  { name: "async function constructor", code: `export default () => Object.getPrototypeOf(async () => {}).constructor("return 1")`, expect: ["plugin_error"] },
  { name: "host callback constructor chain", code: `export default (input, host) => host.log.constructor("return this")()`, expect: ["plugin_error"] },
  {
    name: "error stacks name no host paths",
    code: `export default (input, host) => { try { null.x; } catch (e) { return e.stack + String(new Error("x").stack); } }`,
    expect: "ok",
    check: (o) => {
      if (/\/work|node:|isolated-vm|\.ts\b|\/home|file:/.test(String(o))) throw new Error(`a stack names a host path: ${String(o)}`);
    },
  },
  { name: "Error.prepareStackTrace hook to reach frames", code: `export default () => { Error.prepareStackTrace = (e, frames) => frames.map((f) => f.getThis()); return new Error().stack; }`, expect: ["plugin_error"] },
  { name: "overwrite host.log", code: `export default (input, host) => { host.log = () => 1; return 1; }`, expect: ["plugin_error"] },
  { name: "pollute Object.prototype", code: `export default () => { Object.prototype.polluted = 1; return 1; }`, expect: ["plugin_error"] },
  { name: "pollute Array.prototype.map", code: `export default () => { Array.prototype.map = () => []; return 1; }`, expect: ["plugin_error"] },
  {
    name: "result carries __proto__ and constructor keys",
    code: `export default () => JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},"a":{"__proto__":{"deep":1},"b":2}}')`,
    expect: "ok",
    check: (o) => {
      const out = o as Record<string, unknown>;
      if (Object.hasOwn(out, "__proto__") || Object.hasOwn(out, "constructor") || Object.hasOwn(out["a"] as object, "__proto__")) throw new Error("a dangerous key crossed");
      if (({} as Record<string, unknown>)["polluted"] !== undefined) throw new Error("the host's Object.prototype was polluted");
      if ((out["a"] as { b: number }).b !== 2) throw new Error("ordinary keys were lost");
    },
  },
  // ---- host.log and the result copy ----
  {
    name: "log of a 50M-character string is truncated in the isolate",
    timeoutMs: 5_000,
    code: `export default (input, host) => { host.log("x".repeat(5e7)); return 1; }`,
    expect: "ok",
    memoryMB: 128,
  },
  { name: "log flood", timeoutMs: 5_000, code: `export default (input, host) => { for (let i = 0; i < 1e6; i++) host.log("line", i); return "done"; }`, expect: "ok" },
  { name: "log argument with a looping toString", code: `export default (input, host) => { host.log({ toJSON() { ${forever} } }); return 1; }`, expect: ["timeout"] },
  { name: "log argument that is a Proxy throwing everywhere", code: `export default (input, host) => { host.log(new Proxy({}, { get() { throw new Error("boom"); }, ownKeys() { throw new Error("boom"); } })); return "logged"; }`, expect: "ok" },
  { name: "result over the size cap", timeoutMs: 5_000, code: `export default () => "x".repeat(2e6)`, expect: ["result_too_large"] },
  { name: "result with 200,000 keys", timeoutMs: 5_000, code: `export default () => { const o = {}; for (let i = 0; i < 2e5; i++) o["k" + i] = i; return o; }`, expect: ["result_too_large"], memoryMB: 256 },
  { name: "BigInt result", code: `export default () => 10n`, expect: ["output_invalid"] },
  { name: "host.fetch from the node profile", code: `export default (input, host) => host.fetch("http://127.0.0.1:1/")`, expect: ["permission_denied"] },
  // ---- promises that escape the call (F1) ----
  { name: "unhandled rejection in the sync part", code: `export default () => { Promise.reject(new Error("x")); return 1; }`, expect: ["plugin_error"] },
  { name: "unhandled rejection with a 20 MB message", timeoutMs: 5_000, memoryMB: 256, code: `export default () => { Promise.reject(new Error("x".repeat(2e7))); return 1; }`, expect: ["plugin_error"] },
  { name: "unhandled rejection whose message getter loops", code: `export default () => { Promise.reject({ get message() { ${forever} } }); return 1; }`, expect: ["timeout"] },
  { name: "unhandled rejection whose reason is a looping Proxy", code: `export default () => { Promise.reject(new Proxy({}, { get() { ${forever} } })); return 1; }`, expect: ["timeout"] },
  { name: "discarded async function that throws a looping getter", code: `export default () => { (async () => { await null; throw { get stack() { ${forever} } }; })(); return 1; }`, expect: ["timeout"] },
  { name: "async generator left rejecting", code: `async function* g() { throw new Error("g"); } export default () => { g().next(); g().return(1); return 1; }`, expect: ["plugin_error"] },
  { name: "Promise subclass with a throwing species", code: `class P extends Promise { static get [Symbol.species]() { throw new Error("s"); } } export default () => { P.reject(1); return 1; }`, expect: ["plugin_error"] },
  { name: "replace Promise.prototype.then", code: `export default () => { Promise.prototype.then = () => 1; return 1; }`, expect: ["plugin_error"] },
  { name: "rejection handled only after the call's result", code: `export default () => { const p = Promise.reject(new Error("late")); Promise.resolve().then(() => Promise.resolve().then(() => p.catch(() => 0))); return "handled"; }`, expect: "ok" },
  // ---- deep results (F2) ----
  { name: "result nested 3,600 deep", code: `export default () => { let a = 1; for (let i = 0; i < 3600; i++) a = [a]; return a; }`, expect: ["output_too_deep"] },
  { name: "toJSON that returns a deep value", code: `export default () => ({ toJSON() { let a = {}; for (let i = 0; i < 5000; i++) a = { a }; return a; } })`, expect: ["output_too_deep"] },
  { name: "deep host.invoke arguments", dependencies: ["other"], code: `export default async (n, host) => { let a = 1; for (let i = 0; i < 5000; i++) a = [a]; return host.invoke("other", a); }`, expect: ["output_too_deep"] },
  // ---- host operation floods (F5) ----
  {
    name: "flood of refused host operations",
    timeoutMs: 5_000,
    code: `export default async (n, host) => { const codes = {}; for (let i = 0; i < 10000; i++) { try { await host.fetch("http://10.0.0.1/" + i); } catch (e) { codes[e.code] = (codes[e.code] ?? 0) + 1; } } return codes; }`,
    expect: "ok",
    check: (o) => {
      const codes = o as Record<string, number>;
      if ((codes["permission_denied"] ?? 0) > 32) throw new Error(`more refusals than the per-call budget: ${JSON.stringify(codes)}`);
    },
  },
  { name: "flood of undeclared invokes", timeoutMs: 5_000, code: `export default (n, host) => { for (let i = 0; i < 1e4; i++) { try { host.invoke("x" + i, 1); } catch {} } return 1; }`, expect: "ok" },
  // ---- forged error codes (F8) ----
  { name: "thrown RangeError that reads like an allocation failure", code: `export default () => { throw new RangeError("Array buffer allocation failed"); }`, expect: ["plugin_error"] },
  { name: "thrown object with a sandbox code", code: `export default () => { throw Object.assign(new Error("Script execution timed out."), { code: "timeout", name: "RangeError" }); }`, expect: ["plugin_error"] },
  { name: "unhandled rejection that says memory limit", code: `export default () => { Promise.reject(new Error("Isolate was disposed during execution due to memory limit")); return 1; }`, expect: ["plugin_error"] },
  // ---- the compiled text (F9) ----
  { name: "code hidden from the scan by an HTML-like comment", code: `export default () => { let r = "scanned"; let x = 1;\nx <!-- /*\nr = "hidden ran";\n/* */ x\n; return r; }`, expect: ["scan_rejected"] },
  { name: "a name the sandbox reserves", code: `export default (x) => { const __capsmith_track = (p) => p; return __capsmith_track(x); }`, expect: ["scan_rejected"] },
  // ---- memory the isolate's own limit sees late ----
  { name: "split of a 40 MB string", timeoutMs: 20_000, code: `export default () => { const s = "a,".repeat(2e7); return s.split(",").length; }`, expect: ["memory_limit"] },
  // Refused before ICU builds its buffers outside the heap (bootstrap-steps.ts); it once passed the worker's budget.
  { name: "ICU buffers of a 40 MB string", timeoutMs: 20_000, code: `export default () => { const s = "ab".repeat(2e7); return s.normalize("NFD").length + s.toUpperCase().length; }`, expect: ["input_too_large"] },
  // ---- the clock ----
  {
    name: "every clock reads the call's clock",
    code: `export default () => [Date.now(), new Date().getTime(), Date(), new Intl.DateTimeFormat("en", { timeZone: "UTC", year: "numeric" }).format(), typeof performance, typeof Temporal]`,
    expect: "ok",
    check: (o) => {
      const [a, b, c, d, e, f] = o as [number, number, string, string, string, string];
      if (a !== 86_400_000 || b !== 86_400_000 || !c.startsWith("Fri Jan 02 1970") || d !== "1970" || e !== "undefined" || f !== "undefined") throw new Error(`the clock leaked: ${JSON.stringify(o)}`);
    },
  },
];
