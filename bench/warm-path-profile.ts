// `npm run bench -- warm-path-profile [--calls 2000] [--warmup 500] [--callgrind]`: one plugin host
// with one worker, one plugin loaded, `--warmup` warm calls then `--calls` more, and nothing else,
// so a profiler sees the warm path and little besides. Made to run under a profiler that counts
// instructions, which a shared machine's load does not change (docs/performance.md, "Sandbox"):
//
//   valgrind --tool=callgrind --trace-children=yes --smc-check=all-non-file \
//     --callgrind-out-file=/tmp/cg.%p node_modules/node/bin/node bench/run.ts warm-path-profile --callgrind
//
// With `--callgrind` the driver zeroes the host's and its worker's counters after the warm-up and
// dumps them after the measured calls (`callgrind_control -z PID` / `-d PID`), so each process
// writes a file `<out>.<pid>.1` holding the measured calls alone: its total over `--calls` is that
// process's instructions per warm call, startup, the load and the warm-up left out.
// (`--smc-check=all-non-file`: V8 writes machine code at run time, which valgrind must re-read.)
// `node --cpu-prof bench/run.ts warm-path-profile` shows where the host's JavaScript time goes. The
// plugin and its input are the sandbox bench's (bench/sandbox.ts).
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { createPluginHost } from "../src/sandbox/index.ts";
import { flag } from "./_stats.ts";

const CODE = `export default (input) => ({ total: input.items.reduce((s, i) => s + i.qty * i.price, 0), n: input.items.length })`;
const INPUT = { items: [{ qty: 2, price: 3.5 }, { qty: 1, price: 10 }, { qty: 4, price: 0.25 }, { qty: 3, price: 7 }] };

export async function run(args: string[]): Promise<void> {
  const calls = flag(args, "calls", 2_000);
  const warmup = flag(args, "warmup", 500);
  const callgrind = args.includes("--callgrind");
  // Under callgrind everything runs ~50x slower and the worker's resident memory grows with
  // valgrind's own: generous limits, so no call ends `timeout`, the pool does not take the plugin
  // for a long one (100 ms of CPU) and move it to a background worker, and the worker's memory
  // budget (which counts the plugin's limit while a call runs) is not passed.
  const limits = callgrind ? { timeoutMs: 120_000, graceMs: 120_000, backgroundAfterMs: 3_600_000, memoryMB: 2_048 } : { timeoutMs: 1_000, graceMs: 1_000, backgroundAfterMs: 100, memoryMB: 64 };
  const host = createPluginHost({ workers: 1, graceMs: limits.graceMs, backgroundAfterMs: limits.backgroundAfterMs });
  try {
    await host.load({ id: "warm", code: CODE, limits: { memoryMB: limits.memoryMB } });
    for (let i = 0; i < warmup; i++) await callOnce(host, limits.timeoutMs);
    const pids = [process.pid, ...(await host.stats()).map((w) => w.pid)].filter((pid) => pid !== undefined);
    if (callgrind) await callgrindControl("-z", pids);
    const started = performance.now();
    for (let i = 0; i < calls; i++) await callOnce(host, limits.timeoutMs);
    const ms = performance.now() - started;
    if (callgrind) await callgrindControl("-d", pids);
    console.log(`host pid ${process.pid}, worker pid ${pids.slice(1).join(", ")}`);
    console.log(`warm-path-profile: ${calls} warm calls after ${warmup}, ${((ms * 1000) / Math.max(1, calls)).toFixed(1)} µs a call (wall time; under a profiler, only its counts mean anything)`);
  } finally {
    await host.close();
  }
}

async function callOnce(host: ReturnType<typeof createPluginHost>, timeoutMs: number): Promise<void> {
  const r = await host.call("warm", INPUT, { now: 0, seed: 1, timeoutMs });
  if (!r.ok) throw new Error(`warm call failed: ${r.error.code} ${r.error.message}`);
}

/** Zeroes (`-z`) or dumps (`-d`) the instruction counters of these processes, each running under callgrind. */
async function callgrindControl(command: "-z" | "-d", pids: number[]): Promise<void> {
  for (const pid of pids) await promisify(execFile)("callgrind_control", [command, String(pid)]);
}
