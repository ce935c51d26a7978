/**
 * capsmith as separate processes on a shared JetStream log, for the reliability suites: daemons of
 * each role, a multi-gap plan for `capsmith run --no-agents`, and the checks that a finished run left
 * a complete log (every gap detected, drafted, tested, installed and closed exactly once; every
 * causation present; every hash chain intact).
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ALL_EVENTS, verifyLog } from "../../src/events/index.ts";
import type { AnyStoredEvent, EventLog } from "../../src/events/index.ts";
import { openNatsLog } from "../../src/events/nats-log.ts";
import { systemClock, uuidIds } from "../../src/platform/index.ts";
import { CAPSMITH_BIN } from "./run-cli.ts";
import { loadTask } from "./tasks.ts";

export interface Daemon {
  role: string;
  name: string;
  proc: ChildProcess;
  stderr: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface DaemonOptions {
  /** Server URL(s), comma-separated. */
  url: string;
  dataDir: string;
  env?: Record<string, string>;
  /** Extra arguments after `daemon --role R` (e.g. --policy FILE). */
  args?: string[];
}

export function startDaemon(role: string, name: string, options: DaemonOptions): Daemon {
  const args = [CAPSMITH_BIN, "--nats", options.url, "--data", options.dataDir, "--log-level", "debug", "daemon", "--role", role, "--ack-wait-ms", "3000", "--heartbeat-ms", "1000", ...(options.args ?? [])];
  const proc = spawn(process.execPath, args, {
    env: { ...process.env, CAPSMITH_NATS_URL: "", CAPSMITH_HOME: "", CAPSMITH_LOG_FILE: "", ...options.env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const daemon: Daemon = { role, name, proc, stderr: "", exited: new Promise((resolve) => proc.on("exit", (code, signal) => resolve({ code, signal }))) };
  proc.stderr!.on("data", (d: Buffer) => {
    // Keep the tail only: debug logs of a long run are large.
    daemon.stderr = (daemon.stderr + d.toString()).slice(-400_000);
  });
  return daemon;
}

export async function until(predicate: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Capabilities of the multi-gap plan, with inputs their example synthesizer handles. */
export const PLAN_CAPABILITIES = ["total_cost", "max_price", "count_items", "unique_owners"] as const;

/** Writes plan.json and input.json into `dir`: one step per capability, none published yet. */
export async function writeMultiGapPlan(dir: string): Promise<{ plan: string; input: string; expected: Record<string, unknown> }> {
  const strip = (name: string) => {
    const { capability: _c, ...spec } = loadTask(name);
    return spec;
  };
  const plan = {
    plan: "four_gaps",
    capabilities: Object.fromEntries(PLAN_CAPABILITIES.map((c) => [c, strip(c)])),
    steps: [
      { id: "cost", capability: "total_cost", input: { items: "$input.items" } },
      { id: "top", capability: "max_price", input: { items: "$input.items" } },
      { id: "count", capability: "count_items", input: { items: "$input.items" } },
      { id: "owners", capability: "unique_owners", input: { tasks: "$input.tasks" } },
    ],
    output: { cost: "$steps.cost", top: "$steps.top", count: "$steps.count", owners: "$steps.owners" },
  };
  const input = { items: [{ name: "a", qty: 2, price: 10 }, { name: "b", qty: 1, price: 30 }], tasks: [{ owner: "dee" }, { owner: "cy" }, { owner: "cy" }] };
  await writeFile(join(dir, "plan.json"), JSON.stringify(plan));
  await writeFile(join(dir, "input.json"), JSON.stringify(input));
  return { plan: join(dir, "plan.json"), input: join(dir, "input.json"), expected: { cost: 50, top: 30, count: 2, owners: ["dee", "cy"] } };
}

export async function openTestLog(url: string, actor = "test"): Promise<EventLog> {
  return openNatsLog({ url, clock: systemClock, newId: uuidIds, actor });
}

export async function readAll(log: EventLog): Promise<AnyStoredEvent[]> {
  const events: AnyStoredEvent[] = [];
  for await (const e of log.read(ALL_EVENTS)) events.push(e);
  return events;
}

export interface RunCheck {
  events: number;
  records: number;
  /** Problems found; empty when the log is complete and nothing was applied twice. */
  problems: string[];
}

/** The checks every fault suite makes on the log a finished multi-gap run left. */
export async function checkRunLog(log: EventLog, capabilities: readonly string[] = PLAN_CAPABILITIES): Promise<RunCheck> {
  const events = await readAll(log);
  const chain = await verifyLog(log);
  const problems: string[] = [];
  if (!chain.ok) problems.push(`hash chain broken: ${JSON.stringify(chain.firstBreak)}`);
  const ids = new Set<string>();
  for (const e of events) {
    if (ids.has(e.id)) problems.push(`event ${e.id} (${e.type}) stored twice`);
    ids.add(e.id);
  }
  for (const e of events) {
    if (e.causationId && !ids.has(e.causationId)) problems.push(`${e.type} at seq ${e.seq} was caused by ${e.causationId}, which is not in the log`);
  }
  const about = (e: AnyStoredEvent, capability: string): boolean => {
    const d = e.data as { capability?: string; pluginId?: string };
    return d.capability === capability || Boolean(d.pluginId?.startsWith(`${capability}@`));
  };
  const count = (type: string, capability: string, extra: (e: AnyStoredEvent) => boolean = () => true): number =>
    events.filter((e) => e.type === type && about(e, capability) && extra(e)).length;
  for (const capability of capabilities) {
    const want: [string, number, ((e: AnyStoredEvent) => boolean)?][] = [
      ["CapabilityGapDetected", 1],
      ["InstallStarted", 1],
      ["InstallCommitted", 1],
      ["PluginActivated", 1],
      ["GapClosed", 1],
      ["GapClosed", 1, (e) => (e.data as { ok: boolean }).ok],
    ];
    for (const [type, n, extra] of want) {
      const found = count(type, capability, extra);
      if (found !== n) problems.push(`${capability}: ${found} ${type}${extra ? " (ok)" : ""}, expected ${n}`);
    }
    if (count("PluginTested", capability) < 1) problems.push(`${capability}: no PluginTested`);
  }
  return { events: events.length, records: chain.records, problems };
}

/** SIGTERMs every live daemon and waits for it; SIGKILLs after 15 s. */
export async function stopDaemons(daemons: readonly Daemon[]): Promise<void> {
  await Promise.all(
    daemons.map(async (d) => {
      if (d.proc.exitCode !== null || d.proc.signalCode !== null) return;
      d.proc.kill("SIGTERM");
      const timer = setTimeout(() => d.proc.kill("SIGKILL"), 15_000);
      await d.exited;
      clearTimeout(timer);
    }),
  );
}
