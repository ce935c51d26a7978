// `npm run bench -- sandbox [--plugins 1000] [--seconds 5]`: the sandbox beside a plain function
// call and node:vm for the same plugin. Cold start (with a spare isolate ready, and back to back),
// warm call latency with JSON in and out (end to end from the host, worker hop included, and the
// in-worker part on its own), memory per loaded plugin, warm p99 with many plugins loaded, p99
// under 4 concurrent callers against one, a benign caller's p99 while 4 hostile plugins busy-loop
// to their time limit against its idle p99, its longest wait beside a burst of calls that each cost
// a worker, a benign call after 40 hostile plugins in a row, and
// the in-worker time of plugins that loop (what the loops' tick costs honest code).
import { cpus, loadavg } from "node:os";
import { createContext, Script } from "node:vm";
import { createPluginHost } from "../src/sandbox/index.ts";
import type { PluginHost, SandboxErrorCode } from "../src/sandbox/index.ts";
import { hostileCases } from "../tests/sandbox/hostile-plugins.ts";
import { flag } from "./_stats.ts";

const CODE = `export default (input) => ({ total: input.items.reduce((s, i) => s + i.qty * i.price, 0), n: input.items.length })`;
const INPUT = { items: [{ qty: 2, price: 3.5 }, { qty: 1, price: 10 }, { qty: 4, price: 0.25 }, { qty: 3, price: 7 }] };

const us = (ms: number): string => `${(ms * 1000).toFixed(1)} µs`;
const msf = (ms: number): string => `${ms.toFixed(2)} ms`;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

function row(name: string, values: Record<string, string>): void {
  console.log(`  ${name.padEnd(58)} ${Object.entries(values).map(([k, v]) => `${k} ${v}`).join("   ")}`);
}

function plainFunction(): void {
  const fn = (input: typeof INPUT) => ({ total: input.items.reduce((s, i) => s + i.qty * i.price, 0), n: input.items.length });
  const text = JSON.stringify(INPUT);
  const times: number[] = [];
  for (let i = 0; i < 20_000; i++) {
    const t = performance.now();
    JSON.parse(JSON.stringify(fn(JSON.parse(text) as typeof INPUT)));
    times.push(performance.now() - t);
  }
  row("plain function (JSON in and out)", { p50: us(pct(times.slice(5_000), 50)), p99: us(pct(times.slice(5_000), 99)) });
}

function nodeVm(): void {
  const source = CODE.replace("export default", "globalThis.main =");
  const cold: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    const ctx = createContext({});
    new Script(source).runInContext(ctx);
    const main = (ctx as { main: (x: unknown) => unknown }).main;
    JSON.stringify(main(JSON.parse(JSON.stringify(INPUT))));
    cold.push(performance.now() - t);
  }
  const ctx = createContext({ input: "" });
  new Script(source).runInContext(ctx);
  const call = new Script("JSON.stringify(main(JSON.parse(input)))");
  const text = JSON.stringify(INPUT);
  row("node:vm cold (context + compile + first call)", { p50: msf(pct(cold, 50)) });
  // node:vm starts a watchdog thread per call when given a timeout, which a sandbox needs.
  for (const timeout of [undefined, 1000]) {
    const warm: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const t = performance.now();
      (ctx as { input: string }).input = text;
      JSON.parse(call.runInContext(ctx, timeout ? { timeout } : {}) as string);
      warm.push(performance.now() - t);
    }
    row(`node:vm warm call (JSON in and out${timeout ? ", with timeout" : ", no timeout"})`, { p50: us(pct(warm.slice(5_000), 50)), p99: us(pct(warm.slice(5_000), 99)) });
  }
}

async function warmCalls(host: PluginHost, ids: string[], n: number): Promise<{ e2e: number[]; inWorker: number[] }> {
  const e2e: number[] = [];
  const inWorker: number[] = [];
  for (let i = 0; i < n; i++) {
    const id = ids[i % ids.length]!;
    const t = performance.now();
    const r = await host.call(id, INPUT, { now: 0, seed: 1 });
    const elapsed = performance.now() - t;
    if (!r.ok) throw new Error(`${id}: ${r.error.code} ${r.error.message}`);
    e2e.push(elapsed);
    inWorker.push(r.usage.wallMs);
  }
  return { e2e, inWorker };
}

/** `callers` loops calling the plugins in turn for `ms`; the latencies of every call (failures counted apart). */
async function concurrent(host: PluginHost, ids: string[], callers: number, ms: number): Promise<number[] & { errors?: Record<string, number> }> {
  const out: number[] & { errors?: Record<string, number> } = [];
  const errors: Record<string, number> = {};
  const until = performance.now() + ms;
  await Promise.all(
    Array.from({ length: callers }, async (_, c) => {
      for (let i = c * 7; performance.now() < until; i++) {
        const t = performance.now();
        const r = await host.call(ids[i % ids.length]!, INPUT, { now: 0, seed: 1 });
        if (!r.ok) errors[r.error.code] = (errors[r.error.code] ?? 0) + 1;
        out.push(performance.now() - t);
      }
    }),
  );
  if (Object.keys(errors).length > 0) out.errors = errors;
  return out;
}

function failures(xs: { errors?: Record<string, number> }): Record<string, string> {
  return xs.errors ? { errors: JSON.stringify(xs.errors) } : {};
}

async function rssOf(host: PluginHost): Promise<number> {
  return (await host.stats()).reduce((s, w) => s + w.rssBytes, 0);
}

async function coldStarts(host: PluginHost): Promise<void> {
  for (const [label, gapMs] of [["a spare isolate ready (loads 20 ms apart)", 20], ["back to back", 0]] as const) {
    const cold: number[] = [];
    for (let i = 0; i < 100; i++) {
      if (gapMs) await sleep(gapMs);
      const t = performance.now();
      await host.load({ id: `cold-${i}`, code: CODE });
      const r = await host.call(`cold-${i}`, INPUT);
      cold.push(performance.now() - t);
      if (!r.ok) throw new Error(r.error.message);
      host.dispose(`cold-${i}`);
    }
    row(`sandbox cold start (scan + isolate + bootstrap + first call), ${label}`, { p50: msf(pct(cold, 50)), p99: msf(pct(cold, 99)) });
  }
}

/**
 * Honest plugins whose time is their loops: every loop's body starts with a call of the sandbox's
 * tick (module-transform.ts). Short loops run in the interpreter, long ones get optimized.
 */
export const LOOP_PLUGINS: [string, string, unknown][] = [
  ["a 100-iteration loop", `export default (n) => { let s = 0; for (let i = 0; i < n; i++) s += i % 7; return s; }`, 100],
  ["a 10^6-iteration loop", `export default (n) => { let s = 0; for (let i = 0; i < n; i++) s += i % 7; return s; }`, 1_000_000],
  ["bubble sort of 300 numbers (nested loops, 45,000 iterations)", `export default (n) => { const a = []; for (let i = 0; i < n; i++) a.push((i * 7919) % n); for (let i = 0; i < a.length; i++) for (let j = 0; j + 1 < a.length - i; j++) if (a[j] > a[j + 1]) { const t = a[j]; a[j] = a[j + 1]; a[j + 1] = t; } return a[0]; }`, 300],
  ["word counts of 2,000 words (for-of, while)", `export default (n) => { const words = []; let i = 0; while (i < n) words.push("w" + (i++ % 50)); const m = {}; for (const w of words) m[w] = (m[w] ?? 0) + 1; return Object.keys(m).length; }`, 2_000],
];

export async function loopPlugins(host: PluginHost, calls: number): Promise<void> {
  for (const [name, code, input] of LOOP_PLUGINS) {
    const id = `loop-${name}`;
    await host.load({ id, code });
    const times: number[] = [];
    for (let i = 0; i < calls; i++) {
      const r = await host.call(id, input);
      if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
      times.push(r.usage.wallMs);
    }
    row(`honest loops, in-worker: ${name}`, { p50: us(pct(times.slice(calls / 5), 50)), p99: us(pct(times.slice(calls / 5), 99)) });
  }
}

/** A benign caller alone, then beside 4 callers of hostile plugins that busy-loop to their time limit. */
async function hostileNeighbours(seconds: number): Promise<void> {
  const host = createPluginHost();
  try {
    await host.load({ id: "benign", code: CODE });
    const hostile = Array.from({ length: 4 }, (_, i) => `hostile-${i}`);
    for (const id of hostile) await host.load({ id, code: `export default () => { for (;;) {} }`, limits: { timeoutMs: 200 } });
    await concurrent(host, ["benign"], 1, 1_000);
    const idle = await concurrent(host, ["benign"], 1, seconds * 1_000);
    let stop = false;
    const loops = hostile.map(async (id) => {
      let n = 0;
      while (!stop) {
        const r = await host.call(id, null);
        if (!r.ok && r.error.code === "timeout") n++;
      }
      return n;
    });
    // Until the hostile plugins have run long once and moved to background workers, and the
    // foreground workers that replaced the ones they held are up.
    const started = performance.now();
    while (host.counts().running < 3 && performance.now() - started < 30_000) await sleep(100);
    await sleep(1_000);
    await host.stats();
    const busy = await concurrent(host, ["benign"], 1, seconds * 1_000);
    stop = true;
    const hostileCalls = (await Promise.all(loops)).reduce((a, b) => a + b, 0);
    row("benign caller alone", { p50: us(pct(idle, 50)), p99: us(pct(idle, 99)), ...failures(idle) });
    row(`benign caller beside 4 hostile busy loops (${hostileCalls} timeouts)`, { p50: us(pct(busy, 50)), p99: us(pct(busy, 99)), ratio: `${(pct(busy, 99) / pct(idle, 99)).toFixed(2)}x p99`, ...failures(busy) });
  } finally {
    await host.close();
  }
}

/**
 * N calls at once of a plugin whose one engine step outlasts the grace (its worker must be killed
 * for each), beside a benign caller calling every 20 ms: the benign call's longest wait and p99.
 * `create` is a plugin host factory, so another tree's host can be measured side by side.
 */
export async function wedgedNeighbours(create: typeof createPluginHost, n: number): Promise<{ kills: number; worst: number; p99: number; calls: number }> {
  const host = create({ graceMs: 1_000 });
  try {
    await host.load({ id: "benign", code: CODE });
    await host.load({ id: "wedge", code: "export default () => `${(1n << 20000000n) - 1n}`.length", limits: { timeoutMs: 500 } });
    await concurrent(host, ["benign"], 1, 500);
    const waits: number[] = [];
    let stop = false;
    const benign = (async () => {
      while (!stop) {
        const t = performance.now();
        const r = await host.call("benign", INPUT);
        if (!r.ok) throw new Error(`benign: ${r.error.code}`);
        waits.push(performance.now() - t);
        await sleep(20);
      }
    })();
    const results = await Promise.all(Array.from({ length: n }, () => host.call("wedge", null)));
    stop = true;
    await benign;
    const kills = results.filter((r) => !r.ok && r.error.details?.["observed"] === "host_timer").length;
    return { kills, worst: Math.max(...waits), p99: pct(waits, 99), calls: waits.length };
  } finally {
    await host.close();
  }
}

/** A long-lived host runs every hostile plugin of the battery in a row, then the benign plugin again. */
async function afterHostile(): Promise<void> {
  const host = createPluginHost({ invoke: async () => ({ ok: true, output: 1 }) });
  try {
    await host.load({ id: "benign", code: CODE });
    await warmCalls(host, ["benign"], 1_000);
    const before = await warmCalls(host, ["benign"], 3_000);
    let contained = 0;
    for (const c of hostileCases) {
      const refused = await host
        .load({ id: "hostile", code: c.code, limits: { timeoutMs: c.timeoutMs ?? 300, memoryMB: c.memoryMB ?? 64 }, ...(c.dependencies ? { dependencies: c.dependencies } : {}) })
        .then(() => undefined, (e: { code: SandboxErrorCode }) => e.code);
      if (refused) {
        if (c.expect !== "ok" && c.expect.includes(refused)) contained++;
        continue;
      }
      const r = await host.call("hostile", c.input ?? null, { now: 86_400_000, seed: 7 });
      if (c.expect === "ok" ? r.ok : !r.ok && c.expect.includes(r.error.code)) contained++;
    }
    await warmCalls(host, ["benign"], 1_000);
    const after = await warmCalls(host, ["benign"], 3_000);
    row(`benign call before ${hostileCases.length} hostile plugins (${contained} contained)`, { p50: us(pct(before.e2e, 50)), p99: us(pct(before.e2e, 99)) });
    row(`benign call after them, same host`, { p50: us(pct(after.e2e, 50)), p99: us(pct(after.e2e, 99)), ratio: `${(pct(after.e2e, 50) / pct(before.e2e, 50)).toFixed(2)}x p50` });
  } finally {
    await host.close();
  }
}

export async function run(args: string[]): Promise<void> {
  const many = flag(args, "plugins", 1000);
  const seconds = flag(args, "seconds", 5);
  console.log(`sandbox benchmark (Node ${process.version}, isolated-vm, ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} at start)`);
  plainFunction();
  nodeVm();

  const host = createPluginHost({ maxIsolatesPerWorker: Math.max(512, many) });
  try {
    // Start the workers so cold start measures a plugin, not a process.
    await host.load({ id: "warmup", code: CODE });
    await host.stats();
    await coldStarts(host);

    await loopPlugins(host, 500);

    const ten = Array.from({ length: 10 }, (_, i) => `p-${i}`);
    for (const id of ten) await host.load({ id, code: CODE });
    await warmCalls(host, ten, 2_000);
    const w10 = await warmCalls(host, ten, 10_000);
    row("sandbox warm call, end to end (10 loaded)", { p50: us(pct(w10.e2e, 50)), p99: us(pct(w10.e2e, 99)) });
    row("sandbox warm call, in-worker part (10 loaded)", { p50: us(pct(w10.inWorker, 50)), p99: us(pct(w10.inWorker, 99)) });

    const one = await concurrent(host, ten, 1, seconds * 1_000);
    const four = await concurrent(host, ten, 4, seconds * 1_000);
    row("warm calls, 1 caller (10 loaded)", { p50: us(pct(one, 50)), p99: us(pct(one, 99)), "calls/s": String(Math.round(one.length / seconds)), ...failures(one) });
    row("warm calls, 4 concurrent callers (10 loaded)", { p50: us(pct(four, 50)), p99: us(pct(four, 99)), "calls/s": String(Math.round(four.length / seconds)), ratio: `${(pct(four, 99) / pct(one, 99)).toFixed(2)}x p99`, ...failures(four) });

    const before = await rssOf(host);
    const ids = [...ten];
    for (let i = 10; i < many; i++) {
      await host.load({ id: `p-${i}`, code: CODE });
      ids.push(`p-${i}`);
    }
    const after = await rssOf(host);
    row(`memory per loaded plugin (${many - 10} more loaded)`, { rss: `${((after - before) / (many - 10) / 1024 / 1024).toFixed(2)} MB` });
    await warmCalls(host, ids, 2_000);
    const wMany = await warmCalls(host, ids, 10_000);
    const stats = await host.stats();
    row(`sandbox warm call, end to end (${ids.length} loaded)`, { p50: us(pct(wMany.e2e, 50)), p99: us(pct(wMany.e2e, 99)) });
    row(`sandbox warm call, in-worker part (${ids.length} loaded)`, { p50: us(pct(wMany.inWorker, 50)), p99: us(pct(wMany.inWorker, 99)) });
    row(`warm p99 ratio, ${ids.length} loaded vs 10`, { ratio: `${(pct(wMany.e2e, 99) / pct(w10.e2e, 99)).toFixed(2)}x` });
    row("workers", { live: String(stats.length), isolates: stats.map((s) => s.liveIsolates).join("+"), rss: stats.map((s) => `${Math.round(s.rssBytes / 1048576)} MB`).join(" + ") });
  } finally {
    await host.close();
  }
  await hostileNeighbours(seconds);
  for (const n of [4, 8]) {
    const w = await wedgedNeighbours(createPluginHost, n);
    row(`benign caller beside ${n} calls at once that each cost a worker (${w.kills} killed)`, { worst: msf(w.worst), p99: msf(w.p99), calls: String(w.calls) });
  }
  await afterHostile();
  console.log(`  (load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} at the end)`);
}
