// `npm run bench -- codegen [--calls 2000] [--rounds 5]`: what code generation costs a plugin's warm
// call, side by side in one host (rounds interleaved, so load shifts hit every row alike): a plugin
// without it; the same plugin with policy allowing `eval` (its own isolate, no snapshot, wrapped eval
// and Function constructors) but not using it; and plugins that build their function with
// `new Function` or `eval` on every call (a round trip to the worker, a parse and the tracker's
// rewrite each time). Ratios are against the plugin without code generation.
import { cpus, loadavg } from "node:os";
import { createPluginHost } from "../src/sandbox/index.ts";
import { flag } from "./_stats.ts";

const BODY = "({ total: input.items.reduce((s, i) => s + i.qty * i.price, 0), n: input.items.length })";
const INPUT = { items: [{ qty: 2, price: 3.5 }, { qty: 1, price: 10 }, { qty: 4, price: 0.25 }, { qty: 3, price: 7 }] };

const PLUGINS = [
  { id: "no codegen", code: `export default (input) => ${BODY}` },
  { id: "eval allowed, unused", allow: ["eval" as const], code: `export default (input) => ${BODY}` },
  { id: "new Function every call", allow: ["function_constructor" as const], code: `export default (input) => new Function("input", ${JSON.stringify(`return ${BODY}`)})(input)` },
  { id: "eval every call", allow: ["eval" as const], code: `export default (input) => eval(${JSON.stringify(`(input) => ${BODY}`)})(input)` },
  { id: "async function from eval every call", allow: ["eval" as const], code: `export default async (input) => await eval(${JSON.stringify(`(async (input) => ${BODY})`)})(input)` },
];

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
const us = (ms: number): string => `${(ms * 1000).toFixed(1)} µs`;

export async function run(args: string[]): Promise<void> {
  const calls = flag(args, "calls", 2_000);
  const rounds = flag(args, "rounds", 5);
  console.log(`codegen benchmark (Node ${process.version}, ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} at start; ${rounds} rounds of ${calls} calls per plugin, interleaved)`);
  const host = createPluginHost({ workers: 1 });
  try {
    const e2e = new Map<string, number[]>();
    const inWorker = new Map<string, number[]>();
    for (const p of PLUGINS) {
      await host.load({ id: p.id, code: p.code, ...(p.allow ? { allow: p.allow } : {}) });
      e2e.set(p.id, []);
      inWorker.set(p.id, []);
      for (let i = 0; i < 200; i++) await host.call(p.id, INPUT, { now: 0, seed: 1 });
    }
    for (let r = 0; r < rounds; r++) {
      for (const p of PLUGINS) {
        for (let i = 0; i < calls; i++) {
          const t = performance.now();
          const res = await host.call(p.id, INPUT, { now: 0, seed: 1 });
          const elapsed = performance.now() - t;
          if (!res.ok) throw new Error(`${p.id}: ${res.error.code} ${res.error.message}`);
          e2e.get(p.id)!.push(elapsed);
          inWorker.get(p.id)!.push(res.usage.wallMs);
        }
      }
    }
    const base = PLUGINS[0]!.id;
    for (const p of PLUGINS) {
      const e = e2e.get(p.id)!;
      const w = inWorker.get(p.id)!;
      const ratio = (pct(e, 50) / pct(e2e.get(base)!, 50)).toFixed(2);
      const ratioWorker = (pct(w, 50) / pct(inWorker.get(base)!, 50)).toFixed(2);
      console.log(`  ${p.id.padEnd(38)} end to end p50 ${us(pct(e, 50))} p99 ${us(pct(e, 99))} (${ratio}x p50)   in worker p50 ${us(pct(w, 50))} p99 ${us(pct(w, 99))} (${ratioWorker}x p50)`);
    }
  } finally {
    await host.close();
  }
  console.log(`  (load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} at the end)`);
}
