/**
 * The loop across processes over a real nats-server: each role in its own daemon (two synthesizers
 * sharing the work), a runner with no agents of its own, and one synthesizer SIGKILLed while it
 * holds a gap. The run completes, with exactly one published plugin per missing capability.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_EVENTS } from "../../src/events/index.ts";
import type { AnyStoredEvent } from "../../src/events/index.ts";
import { openNatsLog } from "../../src/events/nats-log.ts";
import { uuidIds, systemClock } from "../../src/platform/index.ts";
import { startNatsServer } from "../support/nats-server.ts";
import { CAPSMITH_BIN, runCli } from "../support/run-cli.ts";
import { loadTask } from "../support/tasks.ts";

interface Daemon {
  role: string;
  proc: ChildProcess;
  stderr: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

let server: Awaited<ReturnType<typeof startNatsServer>>;
let work: string;
const daemons: Daemon[] = [];

function startDaemon(role: string, name: string): Daemon {
  const proc = spawn(process.execPath, [CAPSMITH_BIN, "--nats", server.url, "--data", join(work, name), "--log-level", "debug", "daemon", "--role", role, "--ack-wait-ms", "3000", "--heartbeat-ms", "1000"], {
    env: { ...process.env, CAPSMITH_AGENT_DELAY: "synthesizer:1500", CAPSMITH_LOG_FILE: "" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const daemon: Daemon = { role, proc, stderr: "", exited: new Promise((resolve) => proc.on("exit", (code, signal) => resolve({ code, signal }))) };
  proc.stderr!.on("data", (d: Buffer) => (daemon.stderr += d.toString()));
  daemons.push(daemon);
  return daemon;
}

async function until(predicate: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

beforeAll(async () => {
  server = await startNatsServer();
  work = await mkdtemp(join(tmpdir(), "capsmith-daemons-"));
});
afterAll(async () => {
  for (const d of daemons) d.proc.kill("SIGKILL");
  await server?.stop();
  await rm(work, { recursive: true, force: true });
});

describe("daemons over NATS", () => {
  it("completes a plan when a synthesizer daemon is killed mid-work, publishing each plugin once", async () => {
    const strip = (name: string) => {
      const { capability: _c, ...spec } = loadTask(name);
      return spec;
    };
    const plan = {
      plan: "two_gaps",
      capabilities: { total_cost: strip("total_cost"), max_price: strip("max_price") },
      steps: [
        { id: "cost", capability: "total_cost", input: { items: "$input.items" } },
        { id: "top", capability: "max_price", input: { items: "$input.items" } },
      ],
      output: { cost: "$steps.cost", top: "$steps.top" },
    };
    await writeFile(join(work, "plan.json"), JSON.stringify(plan));
    await writeFile(join(work, "input.json"), JSON.stringify({ items: [{ name: "a", qty: 2, price: 10 }, { name: "b", qty: 1, price: 30 }] }));

    for (const [role, name] of [["gap", "gap"], ["synthesizer", "synth-a"], ["synthesizer", "synth-b"], ["tester", "tester"], ["governor", "governor"]] as const) {
      startDaemon(role, name);
    }
    await until(() => daemons.every((d) => d.stderr.includes("daemon started")), 30_000, "daemons to start");

    const synths = daemons.filter((d) => d.role === "synthesizer");
    let killed: Daemon | undefined;
    const watcher = (async () => {
      await until(() => synths.some((d) => /"type":"CapabilityGapDetected"[^\n]*"msg":"handling"/.test(d.stderr)), 60_000, "a synthesizer to take a gap");
      killed = synths.find((d) => /"type":"CapabilityGapDetected"[^\n]*"msg":"handling"/.test(d.stderr))!;
      killed.proc.kill("SIGKILL"); // it holds the gap (its 1.5 s delay), so the gap must be redelivered
    })();

    const run = await runCli(["--nats", server.url, "--data", join(work, "runner"), "--json", "run", join(work, "plan.json"), "--input", join(work, "input.json"), "--no-agents"], { timeoutMs: 120_000 });
    await watcher;
    expect(run.json()).toMatchObject({ ok: true, output: { cost: 50, top: 30 } });
    expect(run.code).toBe(0);
    expect((await killed!.exited).signal).toBe("SIGKILL");

    const log = await openNatsLog({ url: server.url, clock: systemClock, newId: uuidIds, actor: "test" });
    const events: AnyStoredEvent[] = [];
    for await (const e of log.read(ALL_EVENTS)) events.push(e);
    await log.close();
    const about = (e: AnyStoredEvent, capability: string): boolean => {
      const d = e.data as { capability?: string; pluginId?: string };
      return d.capability === capability || Boolean(d.pluginId?.startsWith(`${capability}@`));
    };
    const count = (type: string, capability: string) => events.filter((e) => e.type === type && about(e, capability)).length;
    for (const capability of ["total_cost", "max_price"]) {
      expect(count("InstallCommitted", capability)).toBe(1);
      expect(count("CapabilityGapDetected", capability)).toBe(1);
      expect(events.filter((e) => e.type === "GapClosed" && (e.data as { capability: string; ok: boolean }).capability === capability && (e.data as { ok: boolean }).ok)).toHaveLength(1);
    }

    // SIGTERM drains: the live daemons stop cleanly.
    const live = daemons.filter((d) => d !== killed);
    for (const d of live) d.proc.kill("SIGTERM");
    for (const d of live) expect((await d.exited).code).toBe(0);
  });
});
