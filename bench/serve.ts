/**
 * `npm run bench -- serve [--calls N] [--seconds S] [--events N] [--skip-dashboard]`:
 *
 * 1. A warm plugin invoked N times (default 2,000) four ways, side by side in one process: the
 *    invoker in-process (what `capsmith invoke` runs), a bare node:http handler that only answers
 *    JSON (the HTTP floor), a bare node:http handler that calls the invoker (HTTP + invoke, nothing
 *    else), and the API (`POST /v1/capabilities/{c}/invoke`: token, validation, routing, errors).
 *    The API's overhead is its p50 minus the bare handler's with the invoker.
 * 2. Four concurrent clients on the API for S seconds (default 30): calls/s, p50/p99, errors.
 * 3. The dashboard's first render in headless Chromium on a log of N events (default 1,000,000
 *    usage events over 30 days): the server opens the read model from its snapshot, the page reads
 *    the API; the time from navigation to a page drawn with data.
 */
import { createServer, request, Agent } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { requestCapability } from "../src/agents/index.ts";
import { subjectFor } from "../src/events/index.ts";
import type { Clock, NewEvent } from "../src/events/index.ts";
import { uuidIds } from "../src/platform/index.ts";
import { openTokenStore, startServer } from "../src/serve/index.ts";
import { benchCapsmith } from "./_capsmith.ts";
import { flag, fmt, percentile, table } from "./_stats.ts";

const SPEC = {
  capability: "total_cost",
  description: "sum of qty times price",
  inputSchema: { type: "object", properties: { items: { type: "array", items: { type: "object", properties: { qty: { type: "number" }, price: { type: "number" } } } } }, required: ["items"] },
  outputSchema: { type: "number" },
  examples: [
    { input: { items: [{ qty: 2, price: 3 }] }, output: 6 },
    { input: { items: [{ qty: 1, price: 5 }, { qty: 3, price: 1 }] }, output: 8 },
    { input: { items: [] }, output: 0 },
  ],
};
const INPUT = JSON.stringify({ input: { items: [{ qty: 4, price: 2.5 }, { qty: 1, price: 1 }] } });

const agent = new Agent({ keepAlive: true, maxSockets: 8 });

function post(port: number, path: string, body: string, token?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...(token ? { authorization: `Bearer ${token}` } : {}) } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * Times each way `n` times, interleaved in rounds of 100 (so a change in the machine's load falls
 * on all of them alike), after 200 warm-up calls each.
 */
async function timeInterleaved(n: number, ways: (() => Promise<unknown>)[]): Promise<number[][]> {
  for (const once of ways) for (let i = 0; i < 200; i++) await once();
  const out: number[][] = ways.map(() => []);
  for (let done = 0; done < n; done += 100) {
    for (const [w, once] of ways.entries()) {
      for (let i = 0; i < Math.min(100, n - done); i++) {
        const t = performance.now();
        await once();
        out[w]!.push(performance.now() - t);
      }
    }
  }
  return out.map((xs) => xs.sort((a, b) => a - b));
}

const ms = (x: number): string => (x < 1 ? x.toFixed(3) : x.toFixed(2));

export async function run(args: string[]): Promise<void> {
  const calls = flag(args, "calls", 2_000);
  const seconds = flag(args, "seconds", 30);
  const events = flag(args, "events", 1_000_000);
  console.log(`capsmith serve bench; node ${process.version}; load average at start ${loadavg().map((x) => x.toFixed(2)).join(" ")}\n`);

  const dir = await mkdtemp(join(tmpdir(), "capsmith-bench-serve-"));
  try {
    const capsmith = await benchCapsmith(dir, { roles: ["gap", "synthesizer", "tester", "governor"] });
    const answer = await requestCapability(capsmith.readModel, "total_cost", { spec: SPEC, source: "cli", newId: uuidIds, timeoutMs: 60_000 });
    if (!answer.ok) throw new Error(`could not publish total_cost: ${answer.reason}`);
    const { runtime, readModel } = capsmith;
    const invokeOnce = async (): Promise<void> => {
      const plugin = runtime.invoker.resolve(await readModel.state("hub"), "total_cost")!;
      const r = await runtime.invoker.invoke(plugin, { items: [{ qty: 4, price: 2.5 }, { qty: 1, price: 1 }] });
      if (!r.ok) throw new Error(r.error!.message);
    };

    // The floors: node:http alone, and node:http around the invoker.
    const bare = createServer((req, res) => {
      let body = "";
      req.setEncoding("utf8");
      req.on("data", (d: string) => (body += d));
      req.on("end", async () => {
        const parsed = JSON.parse(body) as { input: unknown };
        let out: unknown = { ok: true, echo: parsed.input !== undefined };
        if (req.url === "/invoke") {
          const plugin = runtime.invoker.resolve(await readModel.state("hub"), "total_cost")!;
          out = await runtime.invoker.invoke(plugin, parsed.input);
        }
        const text = JSON.stringify(out);
        res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
        res.end(text);
      });
    });
    await new Promise<void>((r) => bare.listen(0, "127.0.0.1", r));
    const barePort = (bare.address() as AddressInfo).port;

    const tokens = openTokenStore(dir);
    const token = (await tokens.create("runner")).token;
    const server = await startServer({ capsmith, tokens, version: "bench" });

    const [inProcess, bareEcho, bareInvoke, api] = await timeInterleaved(calls, [
      invokeOnce,
      () => post(barePort, "/echo", INPUT),
      () => post(barePort, "/invoke", INPUT),
      async () => {
        const r = await post(server.port, "/v1/capabilities/total_cost/invoke", INPUT, token);
        if (r.status !== 200) throw new Error(r.text);
      },
    ]) as [number[], number[], number[], number[]];
    const row = (name: string, xs: number[]): string[] => [name, ms(percentile(xs, 50)), ms(percentile(xs, 99))];
    console.log(`1. a warm plugin, ${fmt(calls)} calls each, one client (ms)\n`);
    console.log(table([
      ["path", "p50", "p99"],
      row("in-process invoke (what capsmith invoke runs)", inProcess),
      row("bare node:http, JSON echo (the HTTP floor)", bareEcho),
      row("bare node:http + invoke", bareInvoke),
      row("API: POST /v1/capabilities/total_cost/invoke", api),
    ]));
    const overhead = percentile(api, 50) - percentile(bareInvoke, 50);
    console.log(`\nthe API's overhead over bare node:http + invoke: p50 ${ms(overhead)} ms (goal < 0.5 ms: ${overhead < 0.5 ? "met" : "not met"}); over in-process: p50 ${ms(percentile(api, 50) - percentile(inProcess, 50))} ms\n`);

    // 2. Four clients for S seconds.
    const latencies: number[] = [];
    let errors = 0;
    const until = performance.now() + seconds * 1_000;
    const client = async (): Promise<void> => {
      while (performance.now() < until) {
        const t = performance.now();
        const r = await post(server.port, "/v1/capabilities/total_cost/invoke", INPUT, token).catch(() => ({ status: 0, text: "" }));
        latencies.push(performance.now() - t);
        if (r.status !== 200) errors++;
      }
    };
    const loadBefore = loadavg()[0]!;
    await Promise.all([client(), client(), client(), client()]);
    latencies.sort((a, b) => a - b);
    console.log(`2. four concurrent clients for ${seconds} s on the API: ${fmt(latencies.length)} calls, ${fmt(latencies.length / seconds)} calls/s, p50 ${ms(percentile(latencies, 50))} ms, p99 ${ms(percentile(latencies, 99))} ms, errors ${errors}; load average ${loadBefore.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}\n`);

    await server.close();
    await new Promise<void>((r) => bare.close(() => r()));
    await capsmith.close();

    if (!args.includes("--skip-dashboard")) await dashboardFirstRender(events);
  } finally {
    agent.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}

async function dashboardFirstRender(n: number): Promise<void> {
  const chromiumPath = "/usr/bin/chromium";
  if (!existsSync(chromiumPath)) {
    console.log("3. skipped: no Chromium at /usr/bin/chromium");
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), "capsmith-bench-dashboard-"));
  try {
    const days = 30;
    const end = Date.now();
    let clockMs = end - days * 86_400_000;
    const clock: Clock = { now: () => new Date(clockMs) };
    let t = performance.now();
    const publisher = await benchCapsmith(dir, { roles: ["gap", "synthesizer", "tester", "governor"], clock });
    await requestCapability(publisher.readModel, "total_cost", { spec: SPEC, source: "cli", newId: uuidIds, timeoutMs: 60_000 });
    await publisher.close();
    const writer = await benchCapsmith(dir, { roles: [], clock });
    // Usage over 30 days, 20 plugins, records of 100 calls of one capability, 32 appends in flight.
    let inFlight: Promise<unknown>[] = [];
    for (let i = 0; i < n; i += 100) {
      clockMs = end - days * 86_400_000 + Math.floor((i / n) * days * 86_400_000);
      const p = (i / 100) % 20;
      const capability = p === 0 ? "total_cost" : `cap_${p}`;
      const pluginId = p === 0 ? "total_cost@1.0.0" : `${capability}@1.0.0`;
      const batch: NewEvent[] = Array.from({ length: Math.min(100, n - i) }, (_, k) => ({
        type: "PluginInvoked",
        subject: subjectFor("usage", capability),
        data: { pluginId, capability, runId: null, ok: (i + k) % 53 !== 0, errorCode: null, latencyMs: 0.3 + ((i + k) % 17) / 10, cpuMs: 0.2, heapBytes: 2_000_000 },
      }));
      inFlight.push(writer.log.append(batch));
      if (inFlight.length >= 32) {
        await Promise.all(inFlight);
        inFlight = [];
      }
    }
    await Promise.all(inFlight);
    clockMs = end;
    const lastSeq = await writer.log.lastSeq();
    await writer.close(); // writes the snapshot, as any writer leaves one
    const buildMs = performance.now() - t;

    t = performance.now();
    const capsmith = await benchCapsmith(dir, { roles: [] });
    const openMs = performance.now() - t;
    const tokens = openTokenStore(dir);
    const token = (await tokens.create("viewer")).token;
    const server = await startServer({ capsmith, tokens, version: "bench" });
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
    const renders: number[] = [];
    try {
      for (let i = 0; i < 5; i++) {
        const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
        t = performance.now();
        await page.goto(`${server.url}/#token=${token}`);
        await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
        await page.evaluate("new Promise((r) => requestAnimationFrame(() => r(null)))");
        renders.push(performance.now() - t);
        await page.close();
      }
    } finally {
      await browser.close();
      await server.close();
      await capsmith.close();
    }
    const size = (await readFile(join(dir, "events.log")).then((b) => b.length, () => 0)) / 1e6;
    console.log(`3. the dashboard on a log of ${fmt(n)} usage events (${fmt(lastSeq)} records, ${size.toFixed(0)} MB; built in ${fmt(buildMs)} ms)`);
    console.log(`   capsmith opened from its snapshot in ${fmt(openMs)} ms; first render (navigation → fleet page drawn with data), 5 cold pages: ${renders.map((r) => fmt(r)).join(", ")} ms; first ${fmt(renders[0]!)} ms (goal < 1,000 ms: ${renders[0]! < 1_000 ? "met" : "not met"})`);
    console.log(`   load average ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
