/**
 * Attack round 7 (issue 16): new attacks on the sandbox's promises as they stand after round 6, in
 * real isolates in real worker processes through createPluginHost (net attacks through a test
 * resolver and real local servers). Each asserts the promise; a break fixed in src/sandbox/ keeps
 * its test, one left open is an `it.skip` saying what breaks.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { startAgents } from "../../src/agents/loop/start-agents.ts";
import type { Reactor } from "../../src/agents/index.ts";
import { openFileLog, subjectFor } from "../../src/events/index.ts";
import type { AnyStoredEvent, NewEvent } from "../../src/events/index.ts";
import { systemClock, uuidIds } from "../../src/platform/index.ts";
import { createPluginHost } from "../../src/sandbox/index.ts";
import type { PluginHost } from "../../src/sandbox/index.ts";
import { isPublicAddress, urlAllowed } from "../../src/sandbox/net-allowlist.ts";
import { readModelOf } from "../support/capsmith.ts";
import { withHost } from "./attack-harness.ts";
import { FETCH_PLUGIN, notFound, useNetTarget } from "./host-fixture.ts";

/** IPv6 names for IPv4 addresses no plugin may reach unless named, in forms round 2 did not try. */
const EMBEDDED: [string, string][] = [
  ["zero-6to4.test", "2002:7f00::1"], // 6to4 of 127.0.0.0: its low group is zero, so the address compresses right after 2002:7f00
  ["private-6to4.test", "2002:c0a8::1"], // 6to4 of 192.168.0.0
  ["ten-6to4.test", "2002:a00::"], // 6to4 of 10.0.0.0
  ["meta-6to4.test", "2002:a9fe:a9fe::"], // 6to4 of 169.254.169.254 (round 2's form, kept as a control)
  ["translated.test", "::ffff:0:7f00:1"], // IPv4-translated (SIIT, RFC 6052's ::ffff:0:0:0/96) 127.0.0.1
  ["nat64-zero.test", "64:ff9b::"], // NAT64 of 0.0.0.0
  ["nat64-low.test", "64:ff9b::1"], // NAT64 of 0.0.0.1
  ["teredo.test", "2001:0:4136:e378:8000:63bf:80ff:fffe"], // Teredo whose client (bits inverted) is 127.0.0.1
];
/** IPv6 ranges the doc's words name (documentation, benchmarking) that round 2 did not try. */
const RANGES = ["2001:2::1", "3fff::1", "3fff:fff:ffff::1"];

describe("attack round 7: the net allowlist", () => {
  const names = new Map(EMBEDDED);
  const { port: portOf, hits, fetchAs } = useNetTarget(async (hostname) => {
    const address = names.get(hostname);
    return address ? [{ address, family: 6 }] : notFound(hostname);
  });

  it("classifies IPv4 inside IPv6 as that IPv4 address, whatever its groups compress to", () => {
    for (const [, a] of EMBEDDED) expect([a, isPublicAddress(a)]).toEqual([a, false]);
    // Public IPv4 inside the same forms stays public.
    for (const a of ["2002:5db8:d822::1", "64:ff9b::5db8:d822", "::ffff:0:5db8:d822"]) expect([a, isPublicAddress(a)]).toEqual([a, true]);
  });

  it("classifies the IPv6 documentation and benchmarking ranges as not public", () => {
    for (const a of RANGES) expect([a, isPublicAddress(a)]).toEqual([a, false]);
  });

  it("refuses an allowlisted name that resolves to such an address, before connecting", { timeout: 60_000 }, async () => {
    const port = portOf();
    for (const [name] of EMBEDDED) {
      const r = await fetchAs([`${name}:${port}`], `http://${name}:${port}/x`);
      expect([name, r.code]).toEqual([name, "permission_denied"]);
    }
    expect(hits()).toBe(0);
  });

  it("a wildcard entry matches domain names only, never an IPv4 literal ending in its labels", { timeout: 60_000 }, async () => {
    expect(urlAllowed(new URL("http://93.184.216.34/"), ["*.184.216.34"])).toBe(false);
    expect(urlAllowed(new URL("http://[::1]/"), ["*.1"])).toBe(false);
    expect(urlAllowed(new URL("http://api.example.com/"), ["*.example.com"])).toBe(true);
    // Through the real host: refused as not allowlisted, before any connection is tried.
    const r = await fetchAs(["*.184.216.34"], "http://93.184.216.34/");
    expect(r).toMatchObject({ code: "permission_denied" });
    expect(r.message).toContain("allowlist");
  });

  it("clips a refused URL of a million characters in its audit event", { timeout: 60_000 }, async () => {
    const events: NewEvent[] = [];
    await withHost({ workers: 1, onAudit: (e) => void events.push(e) }, async (h) => {
      await h.load({ id: "fetcher", profile: "integration", permissions: { net: ["api.example.com"] }, code: FETCH_PLUGIN });
      const r = await h.call("fetcher", `http://elsewhere.test/${"x".repeat(1_000_000)}`);
      expect(r).toMatchObject({ ok: true, output: { code: "permission_denied" } });
    });
    const denied = events.filter((e) => e.type === "PermissionDenied");
    expect(denied.length).toBe(1);
    expect(JSON.stringify(denied[0]!.data).length).toBeLessThan(2_000);
  });
});

/** Objects a plugin reaches from built-ins without naming them (hidden intrinsics and their kin). */
const REACHABLE = `{
  GeneratorFunction: Object.getPrototypeOf(function* () {}),
  GeneratorPrototype: Object.getPrototypeOf(function* () {}).prototype,
  IteratorPrototype: Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())),
  ArrayIteratorPrototype: Object.getPrototypeOf([][Symbol.iterator]()),
  StringIteratorPrototype: Object.getPrototypeOf(""[Symbol.iterator]()),
  MapIteratorPrototype: Object.getPrototypeOf(new Map().entries()),
  SetIteratorPrototype: Object.getPrototypeOf(new Set().values()),
  RegExpStringIteratorPrototype: Object.getPrototypeOf(/a/g[Symbol.matchAll]("a")),
  SegmentsPrototype: Object.getPrototypeOf(new Intl.Segmenter().segment("a")),
  SegmentIteratorPrototype: Object.getPrototypeOf(new Intl.Segmenter().segment("a")[Symbol.iterator]()),
  IteratorHelperPrototype: Object.getPrototypeOf([].values().map((x) => x)),
  WrapForValidIteratorPrototype: Object.getPrototypeOf(Iterator.from({ next() { return { done: true }; } })),
  AsyncGeneratorFunction: Object.getPrototypeOf(async function* () {}),
  AsyncGeneratorPrototype: Object.getPrototypeOf(async function* () {}).prototype,
  AsyncIteratorPrototype: Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype),
  TypedArray: Object.getPrototypeOf(Uint8Array),
  TypedArrayPrototype: Object.getPrototypeOf(Uint8Array.prototype),
  unscopables: Array.prototype[Symbol.unscopables],
  ThrowTypeError: Object.getOwnPropertyDescriptor((function () { "use strict"; return arguments; })(), "callee").get,
  PromisePrototype: Object.getPrototypeOf((async () => 1)()),
  IntlCompare: new Intl.Collator().compare, // made per collator, as natively: not frozen, but new each call
  DisposableStack: typeof DisposableStack === "function" ? DisposableStack.prototype : Object.freeze({}),
  AsyncDisposableStack: typeof AsyncDisposableStack === "function" ? AsyncDisposableStack.prototype : Object.freeze({}),
  SuppressedError: typeof SuppressedError === "function" ? SuppressedError.prototype : Object.freeze({}),
  Float16Array: typeof Float16Array === "function" ? Float16Array.prototype : Object.freeze({}),
  console: typeof console === "object" ? console : Object.freeze({}),
  consoleLog: typeof console === "object" ? console.log : Object.freeze({}),
  host: h,
  hostLog: h.log,
  globalThis,
}`;

describe("attack round 7: isolation between calls", () => {
  it("every object a plugin reaches from the built-ins is frozen", { timeout: 60_000 }, async () => {
    await withHost({ workers: 1 }, async (h) => {
      await h.load({ id: "probe", code: `export default (x, h) => { const r = ${REACHABLE}; return Object.keys(r).filter((k) => k !== "IntlCompare" && !Object.isFrozen(r[k])); }` });
      const r = await h.call("probe", null);
      expect(r).toMatchObject({ ok: true, output: [] });
    });
  });

  it("a value written in one call is not there in the next, through any reachable object", { timeout: 60_000 }, async () => {
    await withHost({ workers: 1 }, async (h) => {
      await h.load({
        id: "leak",
        code: `export default (secret, h) => { const r = ${REACHABLE}; const seen = {}; for (const k of Object.keys(r)) { try { if (r[k].__leak !== undefined) seen[k] = r[k].__leak; } catch {} if (secret !== null) { try { Object.defineProperty(r[k], "__leak", { value: secret, configurable: true }); } catch {} } } return seen; }`,
      });
      expect(await h.call("leak", "s3cret")).toMatchObject({ ok: true });
      expect(await h.call("leak", null)).toMatchObject({ ok: true, output: {} });
    });
  });
});

describe("attack round 7: host operations in flight when the plugin returns", () => {
  // Before: the call ended as soon as the default export's value was ready; a host operation still
  // in flight was abandoned (its promise never settled, its answer dropped), so a rejection the
  // plugin left unhandled on it was never seen: the call answered ok (attack round 7).
  const nested = (h: (request: { capability: string }) => Promise<unknown>): Parameters<typeof withHost>[0] => ({
    workers: 1,
    invoke: (request) => h(request) as never,
  });

  it("a dropped host.invoke that fails after the plugin returned fails the call plugin_error", { timeout: 60_000 }, async () => {
    await withHost(nested(async () => ({ ok: false, code: "plugin_error", message: "nested failed" })), async (h) => {
      await h.load({ id: "p", dependencies: ["dep"], code: `export default (x, host) => { host.invoke("dep", 1); return 1; }` });
      const r = await h.call("p", null);
      expect(r).toMatchObject({ ok: false, error: { code: "plugin_error" } });
      expect(r.ok ? "" : r.error.message).toContain("unhandled promise rejection");
    });
  });

  it("a then-callback that throws on a host.invoke answered after the return is the call's unhandled rejection", { timeout: 60_000 }, async () => {
    await withHost(nested(async () => ({ ok: true, output: 2 })), async (h) => {
      await h.load({ id: "p", dependencies: ["dep"], code: `export default (x, host) => { host.invoke("dep", 1).then(() => { throw new Error("late"); }); return 1; }` });
      const r = await h.call("p", null);
      expect(r).toMatchObject({ ok: false, error: { code: "plugin_error", message: "unhandled promise rejection: late" } });
    });
  });

  it("a dropped llm.complete with no backend fails the call, not ok", { timeout: 60_000 }, async () => {
    await withHost({ workers: 1 }, async (h) => {
      await h.load({ id: "p", profile: "agent", code: `export default (x, host) => { host.llm.complete({ prompt: "x" }); return 1; }` });
      const r = await h.call("p", null);
      expect(r).toMatchObject({ ok: false, error: { code: "llm_unavailable" } });
    });
  });

  it("a host.invoke the plugin handles runs to its end: the call waits for it and answers ok", { timeout: 60_000 }, async () => {
    const seen: boolean[] = [];
    await withHost(nested(async () => ({ ok: true, output: 2 })), async (h) => {
      await h.load({ id: "p", dependencies: ["dep"], code: `export default (x, host) => { host.invoke("dep", 1).then((v) => host.log("got " + v)); return 1; }` });
      const r = await h.call("p", null);
      expect(r).toMatchObject({ ok: true, output: 1, logs: ["got 2"] });
      seen.push(r.ok);
      expect(await h.call("p", null)).toMatchObject({ ok: true, output: 1 });
    });
    expect(seen).toEqual([true]);
  });
});

describe("attack round 7: refusals of a call that then costs its worker", () => {
  // Before: a call's refusals reached the host only with its result, so a plugin that probed
  // internal addresses and then cost its worker (here: Function.prototype.apply of a 3e7-slot
  // array-like, round 6's open break, which passes the worker's memory budget or its deadline in
  // one step) left no PermissionDenied event at all (5 refused fetches, 0 events).
  it("the first refusal of each kind is recorded though the worker is killed before the call's result", { timeout: 60_000 }, async () => {
    const events: NewEvent[] = [];
    await withHost({ workers: 1, graceMs: 200, onAudit: (e) => void events.push(e) }, async (h) => {
      await h.load({
        id: "probe@1.0.0",
        profile: "integration",
        limits: { timeoutMs: 500 },
        code: `export default async (x, host) => { for (let i = 0; i < 5; i++) { try { await host.fetch("http://10.0.0." + i + "/"); } catch {} } try { await host.llm.complete({ prompt: "p" }); } catch {} return String.prototype.concat.apply("", { length: 3e7 }).length; }`,
      });
      const r = await h.call("probe@1.0.0", null);
      expect(r.ok).toBe(false);
    });
    const denied = events.filter((e) => e.type === "PermissionDenied").map((e) => e.data);
    expect(denied).toEqual(expect.arrayContaining([expect.objectContaining({ operation: "fetch", target: "http://10.0.0.0/" }), expect.objectContaining({ operation: "llm.complete", reason: "the integration profile does not grant llm.complete" })]));
  });

  it("a call that ends normally still records each kind once with its full count", { timeout: 60_000 }, async () => {
    const events: NewEvent[] = [];
    await withHost({ workers: 1, onAudit: (e) => void events.push(e) }, async (h) => {
      await h.load({ id: "flood@1.0.0", profile: "integration", code: `export default async (x, host) => { let n = 0; for (let i = 0; i < 20; i++) { try { await host.fetch("http://10.0.0." + i + "/"); } catch { n++; } } return n; }` });
      expect(await h.call("flood@1.0.0", null)).toMatchObject({ ok: true, output: 20 });
    });
    const denied = events.filter((e) => e.type === "PermissionDenied").map((e) => (e.data as { count: number }).count);
    expect(denied.reduce((a, b) => a + b, 0)).toBe(20);
    expect(denied.length).toBeLessThanOrEqual(2);
  });
});

describe("attack round 7: the per-call LLM budget across nested calls", () => {
  // Before: each call made through host.invoke had its own per-call budget, so a root call that
  // invoked an agent plugin five times spent 19,960 tokens against a per-call budget of 4,000.
  it("a call tree spends one call's tokens, however many nested calls complete", { timeout: 60_000 }, async () => {
    let spent = 0;
    const host: PluginHost = createPluginHost({
      workers: 2,
      llm: {
        complete: async (request) => {
          const output = request.maxTokens ?? 4_000;
          spent += 10 + output;
          return { text: "x", usage: { inputTokens: 10, outputTokens: output } };
        },
        budget: { tokensPerCall: 4_000, tokensPerDay: 200_000 },
      },
      invoke: async (request, signal) => {
        const r = await host.call(request.capability, request.input, { deadline: request.deadline, root: request.root, signal, chain: [...request.chain, request.capability] });
        return r.ok ? { ok: true, output: r.output } : { ok: false, code: r.error.code, message: r.error.message };
      },
    });
    try {
      await host.load({
        id: "spender",
        profile: "agent",
        limits: { timeoutMs: 5_000 },
        code: `export default async (n, host) => { let t = 0; for (let i = 0; i < n; i++) { try { const r = await host.llm.complete({ prompt: "p" + i, maxTokens: 1000 }); t += r.usage.inputTokens + r.usage.outputTokens; } catch (e) { if (e.code !== "budget_exceeded") throw e; break; } } return t; }`,
      });
      await host.load({ id: "root", profile: "agent", dependencies: ["spender"], limits: { timeoutMs: 10_000 }, code: `export default async (n, host) => { let t = 0; for (let i = 0; i < n; i++) t += await host.invoke("spender", 10); return t; }` });
      const r = await host.call("root", 5, { now: Date.UTC(2025, 0, 1) });
      expect(r.ok).toBe(true);
      expect(spent).toBeGreaterThan(0);
      expect(spent).toBeLessThanOrEqual(4_000);
      // A root call after it has its own budget again.
      spent = 0;
      expect(await host.call("spender", 1, { now: Date.UTC(2025, 0, 1) })).toMatchObject({ ok: true, output: 1_010 });
    } finally {
      await host.close();
    }
  });
});

describe("attack round 7: dead letters of values that cannot be printed", () => {
  // Before: the dead-letter record made its message with String(err), which throws for an object
  // without a prototype (or whose toString or message getter throws); the record was never
  // written, the event came back, and the handler was retried without end (20 attempts in 4 s
  // with maxAttempts 3, no HandlerDeadLettered).
  const unprintable: [string, () => unknown][] = [
    ["an object without a prototype", () => Object.create(null)],
    ["an object whose toString throws", () => ({ toString() { throw new Error("no"); } })],
    ["an error whose message getter throws", () => Object.defineProperty(new Error("m"), "message", { get() { throw new Error("no"); } })],
  ];
  for (const [name, make] of unprintable) {
    it(`a handler that keeps throwing ${name} is dead-lettered after its attempts`, { timeout: 60_000 }, async () => {
      const dir = await mkdtemp(join(tmpdir(), "capsmith-round7-"));
      const log = await openFileLog({ dir, clock: systemClock, newId: uuidIds, actor: "test" });
      let calls = 0;
      const reactor: Reactor = {
        role: "tester",
        filter: "capsmith.evt.gap.>",
        async handle() {
          calls++;
          throw make();
        },
      };
      // The logger at "error" level serializes what the handler threw, as a real daemon's does.
      const agents = await startAgents(await readModelOf(log), [reactor], { clock: systemClock, newId: uuidIds, logger: pino({ level: "error" }, { write: () => undefined }) }, { maxAttempts: 3 });
      try {
        await log.append([{ type: "OperatorNote", subject: subjectFor("gap", "poisoned"), data: { text: "poison" } }]);
        const letters = async (): Promise<AnyStoredEvent[]> => {
          const out: AnyStoredEvent[] = [];
          for await (const e of log.read("capsmith.evt.deadletter.>")) out.push(e);
          return out;
        };
        await expect.poll(async () => (await letters()).length, { timeout: 20_000, interval: 50 }).toBe(1);
        expect((await letters())[0]).toMatchObject({ type: "HandlerDeadLettered", data: { attempts: 3, error: { code: "internal" } } });
        expect(calls).toBe(3);
      } finally {
        await agents.stop();
        await log.close();
        await rm(dir, { recursive: true, force: true });
      }
    });
  }
});

describe("attack round 7: the scan and what the runtime compiles", () => {
  /** What loading `code` and calling it once gives: the output, an error code, or the refusal's code. */
  const outcome = async (code: string): Promise<unknown> => {
    let out: unknown;
    await withHost({ workers: 1 }, async (h) => {
      try {
        await h.load({ id: "s", code });
      } catch (e) {
        out = `refused ${(e as { code: string }).code}`;
        return;
      }
      const r = await h.call("s", null);
      out = r.ok ? r.output : r.error.code;
    });
    return out;
  };

  // Before: a module starting with a hashbang (valid since ES2023, and what a file made to be run
  // by node starts with) was refused scan_rejected, "the compiled plugin does not parse:
  // Unexpected character '!'": the factory put the hashbang inside a function.
  it("a plugin starting with a hashbang loads and runs, the hashbang line a comment", { timeout: 60_000 }, async () => {
    expect(await outcome(`#!/usr/bin/env node r = 2;\nlet r = 1; export default () => r`)).toBe(1);
  });

  // Held: names and comments read as the engine reads them.
  const held: [string, string, unknown][] = [
    ["eval spelled with a unicode escape", `export default () => ev\\u0061l("1")`, "refused scan_rejected"],
    ["Function spelled with a unicode escape", `export default () => \\u0046unction("return 1")()`, "refused scan_rejected"],
    ["a reserved name spelled with braced escapes", `const \\u{5f}\\u{5f}capsmith_x = 1; export default () => 1`, "refused scan_rejected"],
    ["eval inside a class static block", `export default () => { class A { static { this.x = typeof eval; } } return A.x; }`, "refused scan_rejected"],
    ["an escaped async keyword", `export default \\u0061sync () => 1`, "refused scan_rejected"],
    ["a line separator ending a single-line comment", `export default () => { let r = 1; // c\u2028 r = 2;\n return r; }`, 2],
    ["--> at a line's start after a multi-line comment", `export default () => { let r = 1; /*\n*/ --> r = 2;\n return r; }`, "refused scan_rejected"],
    ["the Function constructor reached through an arrow", `export default () => { try { return (() => {}).constructor("return 1")(); } catch (e) { return e.name; } }`, "EvalError"],
  ];
  for (const [name, code, expected] of held) {
    it(`${name}: ${String(expected)}`, { timeout: 60_000 }, async () => {
      expect(await outcome(code)).toBe(expected);
    });
  }
});

describe("attack round 7: the cost budget under concurrency", () => {
  // Was open: cost is known only after a completion (checked before, charged after), so 30
  // completions started at once in one call all passed the check while the call's cost was still
  // $0: a backend charging $0.01 each was paid $0.30 against costPerCallUsd $0.05. Now a plugin's
  // completions run one at a time while the backend charges (llm-budget.ts `turn`).
  /** A completion backend that counts what it was paid and how many completions ran at once. */
  function countingBackend(delayMs: number, costUsd?: number) {
    const seen = { cost: 0, most: 0 };
    let inFlight = 0;
    const complete = async () => {
      seen.most = Math.max(seen.most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      inFlight--;
      seen.cost += costUsd ?? 0;
      return { text: "x", usage: { inputTokens: 5, outputTokens: 5, ...(costUsd === undefined ? {} : { costUsd }) } };
    };
    return { seen, complete };
  }

  const burst = `export default async (n, host) => (await Promise.allSettled(Array.from({ length: n }, (_, i) => host.llm.complete({ prompt: "p" + i, maxTokens: 10 })))).filter((x) => x.status === "fulfilled").length`;

  it("concurrent completions in one call, and in concurrent calls, stay within the cost budgets", { timeout: 60_000 }, async () => {
    const { seen, complete } = countingBackend(5, 0.01);
    const host = createPluginHost({
      workers: 1,
      llm: {
        complete,
        budget: { tokensPerCall: 100_000, tokensPerDay: 1_000_000, costPerCallUsd: 0.05, costPerDayUsd: 0.08 },
      },
    });
    try {
      await host.load({ id: "a", profile: "agent", limits: { timeoutMs: 10_000 }, code: burst });
      const first = await host.call("a", 30, { now: Date.UTC(2025, 0, 1) });
      expect(first).toMatchObject({ ok: true, output: 5 });
      expect(seen.cost).toBeCloseTo(0.05, 9);
      // The day's budget ($0.08) across two calls at once: at most one completion past it.
      const both = await Promise.all([host.call("a", 30, { now: Date.UTC(2025, 0, 1) }), host.call("a", 30, { now: Date.UTC(2025, 0, 1) })]);
      expect(both.every((r) => r.ok)).toBe(true);
      expect(seen.cost).toBeLessThanOrEqual(0.08 + 1e-9);
      expect(seen.most).toBe(1);
    } finally {
      await host.close();
    }
  });

  it("a backend that charges nothing gets a plugin's completions at once", { timeout: 60_000 }, async () => {
    const { seen, complete } = countingBackend(20);
    const host = createPluginHost({ workers: 1, llm: { complete } });
    try {
      await host.load({ id: "a", profile: "agent", limits: { timeoutMs: 10_000 }, code: burst });
      expect(await host.call("a", 1, { now: Date.UTC(2025, 0, 1) })).toMatchObject({ ok: true, output: 1 });
      expect(await host.call("a", 8, { now: Date.UTC(2025, 0, 1) })).toMatchObject({ ok: true, output: 8 });
      expect(seen.most).toBeGreaterThan(1);
    } finally {
      await host.close();
    }
  });
});
