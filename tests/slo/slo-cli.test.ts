/**
 * `capsmith slo`, `capsmith slo report` and `capsmith daemon --metrics-port` through the real binary,
 * on a file log written with known usage.
 */
import { spawn } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CAPSMITH_BIN, runCli } from "../support/run-cli.ts";
import { at, calls, openClockLog } from "./support.ts";

let dir = "";
const AT = new Date(at(47, 30)).toISOString();
const on = (...args: string[]) => runCli(["--data", dir, ...args]);

beforeAll(async () => {
  const c = await openClockLog();
  dir = c.dir;
  // Two days of sum@1.0.0 (healthy, then slower and flakier today) and a costly agent plugin.
  for (let h = 0; h < 48; h++) {
    await calls(c, "sum@1.0.0", at(h, 0), 20, (i) => ({ ok: h < 24 || i !== 0, latencyMs: h < 24 ? 10 : 20, cpuMs: 1 }));
    if (h >= 40) await calls(c, "summarize@1.0.0", at(h, 15), 5, { latencyMs: 800, cpuMs: 30, tokens: 1200, costUsd: 0.004 });
  }
  await c.log.close();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("capsmith slo", () => {
  it("prints a table with sparklines, and the same figures with --json", async () => {
    const text = await on("slo", "--window", "24h", "--at", AT);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/sum@1\.0\.0 +480 +95\.00%/);
    expect(text.stdout).toMatch(/[▁▂▃▄▅▆▇█]{24}/);
    expect(text.stdout).toContain("summarize@1.0.0");
    expect(text.stdout).toContain("no open alerts");
    const json = (await on("--json", "slo", "--window", "24h", "--at", AT)).json<{ plugins: { id: string; current: { calls: number; availability: number; latencyMs: { p95: number }; cost: { tokensPerSuccess: number | null } }; previous: { availability: number } }[] }>();
    const sum = json.plugins.find((p) => p.id === "sum@1.0.0")!;
    expect(sum.current).toMatchObject({ calls: 480, availability: 0.95 });
    expect(sum.current.latencyMs.p95).toBeCloseTo(20, 0);
    expect(sum.previous.availability).toBe(1);
    expect(json.plugins.find((p) => p.id === "summarize@1.0.0")!.current.cost.tokensPerSuccess).toBe(1200);
  });

  it("narrows to one plugin and refuses unknown windows and plugins with exit 2", async () => {
    const one = (await on("--json", "slo", "--plugin", "summarize@1.0.0", "--window", "7d", "--at", AT)).json<{ plugins: unknown[]; capabilities: { id: string }[] }>();
    expect(one.plugins).toHaveLength(1);
    expect(one.capabilities.map((c) => c.id)).toEqual(["summarize"]);
    expect((await on("slo", "--window", "2w")).code).toBe(2);
    const missing = await on("--json", "slo", "--plugin", "nope@1.0.0", "--at", AT);
    expect(missing.code).toBe(2);
    expect(missing.json<{ error: { code: string; nextStep: string } }>().error.nextStep).toMatch(/without --plugin/);
  });

  it("takes a capability name for its plugins, and says so", async () => {
    const json = (await on("--json", "slo", "--plugin", "sum", "--window", "7d", "--at", AT)).json<{ plugins: { id: string; current: { calls: number } }[]; selected: unknown }>();
    expect(json.selected).toEqual({ id: "sum", kind: "capability", plugins: ["sum@1.0.0"] });
    expect(json.plugins.map((p) => [p.id, p.current.calls])).toEqual([["sum@1.0.0", 960]]);
    const text = await on("slo", "--plugin", "sum", "--window", "7d", "--at", AT);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("sum is a capability: every version of it with usage (sum@1.0.0)");
    expect(text.stdout).not.toContain("summarize@1.0.0");
  });

  it("writes the weekly report as Markdown and as JSON", async () => {
    const md = join(dir, "week.md");
    const wrote = await on("slo", "report", "--format", "md", "-o", md, "--at", AT);
    expect(wrote.code).toBe(0);
    const text = await readFile(md, "utf8");
    for (const h of ["## Fleet", "## Top failing", "## Top costly", "## Trends vs the previous window", "## Open alerts"]) expect(text).toContain(h);
    expect(text).toMatch(/\| sum@1\.0\.0 \| 24 \| 960 \|/);
    expect(text.indexOf("| summarize@1.0.0 | 1200")).toBeGreaterThan(text.indexOf("## Top costly"));
    const json = join(dir, "week.json");
    await on("slo", "report", "--format", "json", "-o", json, "--at", AT);
    const report = JSON.parse(await readFile(json, "utf8")) as { window: string; topFailing: { pluginId: string }[]; topCostly: { pluginId: string }[]; fleet: { current: { calls: number } } };
    expect(report.window).toBe("7d");
    expect(report.topFailing.map((l) => l.pluginId)).toEqual(["sum@1.0.0"]);
    expect(report.topCostly[0]!.pluginId).toBe("summarize@1.0.0");
    expect(report.fleet.current.calls).toBe(960 + 40);
    expect((await on("slo", "report", "--format", "pdf")).code).toBe(2);
  });
});

describe("capsmith daemon --metrics-port", () => {
  it("serves the SLO figures as Prometheus metrics", async () => {
    const c = await openClockLog();
    // The daemon judges by the real clock, and the 1h window is the current hour: place the calls
    // at its start so they never straddle an hour boundary.
    const hourStart = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    for (let i = 0; i < 3; i++) await calls(c, "sum@1.0.0", hourStart + i * 10, 10, (k) => ({ ok: k !== 0, latencyMs: 12 }));
    await c.log.close();
    const port = await freePort();
    const proc = spawn(process.execPath, [CAPSMITH_BIN, "--data", c.dir, "daemon", "--role", "slo", "--metrics-port", String(port)], { env: { ...process.env, CAPSMITH_NATS_URL: "", CAPSMITH_HOME: "" }, stdio: ["ignore", "pipe", "pipe"] });
    try {
      const body = await scrape(`http://127.0.0.1:${port}/metrics`);
      expect(body).toContain("# TYPE capsmith_slo_calls gauge");
      expect(body).toMatch(/capsmith_slo_calls\{scope="plugin",id="sum@1\.0\.0",capability="sum",window="1h"\} 30/);
      expect(body).toMatch(/capsmith_slo_availability_ratio\{scope="capability",id="sum",capability="sum",window="24h"\} 0\.9/);
      expect(body).toMatch(/capsmith_slo_latency_ms\{scope="fleet",id="fleet",capability="",window="30d",quantile="0\.95"\} 12/);
      expect(body).toMatch(/capsmith_slo_target_availability_ratio 0\.99/);
      expect((await fetch(`http://127.0.0.1:${port}/nope`)).status).toBe(404);
    } finally {
      const exited = new Promise((resolve) => proc.on("exit", resolve));
      proc.kill("SIGTERM");
      await exited;
      await rm(c.dir, { recursive: true, force: true });
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function scrape(url: string): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return await res.text();
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`no metrics at ${url}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
