/**
 * Promises made at the edge of the stack. Every promise a plugin makes must reach the tracker, or
 * isolated-vm copies its rejection out after the call's timer, and a `message` getter that loops
 * then wedges the worker until the host kills it. Near the end of the stack, the call that hands a
 * new promise to the tracker (or the tracker's own handler attach) used to overflow, and the
 * promise was lost. Each case here reaches the edge another way and rejects with such a reason: the
 * call must end inside its time (`timeout` read by the worker's own timer, or `plugin_error`), never
 * by the host killing the worker (`observed: "host_timer"`, a new worker pid).
 */
import { describe, expect, it } from "vitest";
import { createPluginHost } from "../../src/sandbox/index.ts";
import type { SandboxErrorCode } from "../../src/sandbox/index.ts";

/**
 * Shared by every case: `bad()` is a reason whose message getter never returns; `atEdge(act)` calls
 * `act` at the deepest level of a recursion where it does not overflow (each level that overflows
 * throws to the one above, which tries again); `sweep(act)` calls it at every level near the edge,
 * so each depth is tried, whatever `act` needs.
 */
const PRELUDE = `
const bad = () => ({ get message() { for (;;) {} } });
const f = async () => { throw bad(); };
function atEdge(act) { function probe() { try { probe(); } catch { act(); } } probe(); }
function sweep(act, levels = 3000) {
  let max = 0, acting = false;
  function down(d) { if (d > max) max = d; try { down(d + 1); } catch {} if (acting && d > max - levels) try { act(); } catch {} }
  down(0);
  acting = true;
  down(0);
}
`;

interface EdgeCase {
  name: string;
  body: string;
  allow?: ("eval" | "function_constructor")[];
  /** For cases with work to do before the edge (default 300 ms). */
  timeoutMs?: number;
}

const cases: EdgeCase[] = [
  { name: "an async function", body: `atEdge(f);` },
  { name: "an async function at every depth near the edge, warm", body: `for (let i = 0; i < 3; i++) sweep(f);` },
  { name: "the edge reached through a getter", body: `const o = { get deep() { try { return o.deep; } catch { f(); } } }; o.deep;` },
  { name: "the edge reached through a Proxy trap", body: `const p = new Proxy({}, { get(t, k, r) { try { return r[k]; } catch { f(); } } }); p.x;` },
  { name: "the edge reached through valueOf", body: `const o = { valueOf() { try { return o + 1; } catch { f(); return 0; } } }; o + 1;` },
  { name: "the edge reached through toString", body: `const o = { toString() { try { return String(o); } catch { f(); return ""; } } }; String(o);` },
  { name: "the edge reached through a sort comparator", body: `const cmp = () => { try { [2, 1].sort(cmp); } catch { f(); } return 0; }; [2, 1].sort(cmp);` },
  { name: "the edge reached through a generator", body: `function* g() { try { yield* g(); } catch { f(); } } [...g()];` },
  { name: "an async generator's next at the edge", body: `const ag = async function* () { throw bad(); }; atEdge(() => ag().next());` },
  { name: "an async generator's next at every depth", body: `const ag = async function* () { throw bad(); }; sweep(() => ag().next());` },
  { name: "the edge reached inside an async generator's body", body: `async function* ag() { atEdge(f); yield 1; } ag().next();` },
  { name: "the edge reached in a then callback", body: `Promise.resolve().then(() => atEdge(f));` },
  { name: "the edge reached in a microtask after an await", body: `(async () => { await null; atEdge(f); })();` },
  { name: "the edge reached in the last microtask of a chain", body: `let p = Promise.resolve(); for (let i = 0; i < 50; i++) p = p.then(() => null); p.then(() => sweep(f, 500));` },
  { name: "Promise.all over many async functions at the edge", body: `atEdge(() => Promise.all(Array.from({ length: 100 }, f)));` },
  { name: "Promise.all over many at every depth", body: `sweep(() => Promise.all(Array.from({ length: 20 }, f)), 1000);` },
  { name: "an async function that awaits at the edge, then rejects", body: `const g = async () => { await null; throw bad(); }; atEdge(g);` },
  {
    // Major collections flush the bytecode of functions that have not run for a while; calling one
    // again compiles it, which wants the most stack of all.
    name: "an async function at every depth after the heap was churned",
    timeoutMs: 3_000,
    body: `for (let i = 0; i < 200; i++) new Array(1e5).fill(i); sweep(f);`,
  },
  { name: "new Promise at every depth", body: `sweep(() => new Promise((_, reject) => reject(bad())));` },
  { name: "Promise.reject at every depth", body: `sweep(() => Promise.reject(bad()));` },
  { name: "then on a rejected promise at every depth", body: `const p = Promise.reject(bad()); p.catch(() => {}); sweep(() => p.then(() => 1));` },
  { name: "Promise.withResolvers at every depth", body: `sweep(() => Promise.withResolvers().reject(bad()));` },
  { name: "Array.fromAsync at every depth", body: `sweep(() => Array.fromAsync([1], () => { throw bad(); }), 1000);` },
  {
    name: "an async function made by generated code, at every depth",
    allow: ["function_constructor"],
    body: `const g = new Function("bad", "return async () => { throw bad(); };")(bad); sweep(g);`,
  },
  {
    name: "the global tracker generated code calls, at every depth",
    allow: ["eval"],
    body: `const track = globalThis["__capsmith" + "_track"]; sweep(() => track(f));`,
  },
];

const CONTAINED: SandboxErrorCode[] = ["timeout", "plugin_error"];

describe("attack: promises made at the edge of the stack", () => {
  for (const c of cases) {
    // A host of its own: the worker that ran the call must still be there after it (a timed-out
    // call moves its worker to the background lane; only a kill replaces it).
    it(c.name, { timeout: 60_000 }, async () => {
      const host = createPluginHost({ workers: 1, graceMs: 400 });
      try {
        await host.load({ id: "edge", limits: { timeoutMs: c.timeoutMs ?? 300 }, ...(c.allow ? { allow: c.allow } : {}), code: `${PRELUDE}\nexport default () => { ${c.body} return 1; }` });
        const before = (await host.stats()).map((s) => s.pid);
        const r = await host.call("edge", null);
        expect(r.ok ? "ok" : r.error.code).toBeOneOf(CONTAINED);
        if (!r.ok) expect(r.error.details?.["observed"]).toBeUndefined();
        expect((await host.stats()).map((s) => s.pid)).toEqual(expect.arrayContaining(before));
      } finally {
        await host.close();
      }
    });
  }
});
