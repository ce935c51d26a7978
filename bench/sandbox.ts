// `npm run bench -- sandbox [--plugins 1000]`: the sandbox beside a plain function call and
// node:vm for the same plugin. Cold start, warm call latency with JSON in and out (end to end from
// the host, worker hop included, and the in-worker part on its own), memory per loaded plugin, and
// warm p99 with 1,000 plugins loaded against 10.
import { createContext, Script } from "node:vm";
import { createPluginHost } from "../src/sandbox/index.ts";
import type { PluginHost } from "../src/sandbox/index.ts";

const CODE = `export default (input) => ({ total: input.items.reduce((s, i) => s + i.qty * i.price, 0), n: input.items.length })`;
const INPUT = { items: [{ qty: 2, price: 3.5 }, { qty: 1, price: 10 }, { qty: 4, price: 0.25 }, { qty: 3, price: 7 }] };

const us = (ms: number): string => `${(ms * 1000).toFixed(1)} µs`;
const msf = (ms: number): string => `${ms.toFixed(2)} ms`;

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

function row(name: string, values: Record<string, string>): void {
  console.log(`  ${name.padEnd(44)} ${Object.entries(values).map(([k, v]) => `${k} ${v}`).join("   ")}`);
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

async function rssOf(host: PluginHost): Promise<number> {
  return (await host.stats()).reduce((s, w) => s + w.rssBytes, 0);
}

export async function run(args: string[]): Promise<void> {
  const many = Number(args[args.indexOf("--plugins") + 1] || 1000);
  console.log(`sandbox benchmark (Node ${process.version}, isolated-vm, ${many} plugins for the capacity run)`);
  plainFunction();
  nodeVm();

  const host = createPluginHost({ workers: 2, maxIsolatesPerWorker: Math.max(512, many) });
  try {
    // Start the workers so cold start measures a plugin, not a process.
    await host.load({ id: "warmup", code: CODE });
    await host.load({ id: "warmup2", code: CODE });
    const cold: number[] = [];
    for (let i = 0; i < 100; i++) {
      const t = performance.now();
      await host.load({ id: `cold-${i}`, code: CODE });
      const r = await host.call(`cold-${i}`, INPUT);
      cold.push(performance.now() - t);
      if (!r.ok) throw new Error(r.error.message);
      host.dispose(`cold-${i}`);
    }
    row("sandbox cold (scan + isolate + bootstrap + first call)", { p50: msf(pct(cold, 50)), p99: msf(pct(cold, 99)) });

    const ten = Array.from({ length: 10 }, (_, i) => `p-${i}`);
    for (const id of ten) await host.load({ id, code: CODE });
    await warmCalls(host, ten, 2_000);
    const w10 = await warmCalls(host, ten, 10_000);
    row("sandbox warm call, end to end (10 loaded)", { p50: us(pct(w10.e2e, 50)), p99: us(pct(w10.e2e, 99)) });
    row("sandbox warm call, in-worker part (10 loaded)", { p50: us(pct(w10.inWorker, 50)), p99: us(pct(w10.inWorker, 99)) });

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
}
