/**
 * Attacks on the scale-out promises (README "Scale-out", Reliability table): daemons of one role
 * share its work, a daemon that dies or stalls mid-work has its event redelivered to another, and
 * nothing is lost or applied twice (one answer per request, one InstallCommitted / GapClosed per
 * capability, one active version). Real `capsmith daemon` processes on a real `nats-server -js`,
 * SIGSTOP / SIGCONT / SIGKILL; the daemons' ack wait is 3 s (tests/support/daemon-fleet.ts) and
 * install leases are shortened with CAPSMITH_INSTALL_LEASE_MS, so a stall outlives both quickly.
 * Every wait polls for a condition; nothing asserts on time.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { subjectFor } from "../../src/events/index.ts";
import type { AnyStoredEvent, EventLog, NewEvent } from "../../src/events/index.ts";
import { openNatsLog } from "../../src/events/nats-log.ts";
import { systemClock, uuidIds } from "../../src/platform/index.ts";
import { checkRunLog, readAll, startDaemon, stopDaemons, until, writeMultiGapPlan } from "../support/daemon-fleet.ts";
import type { Daemon, DaemonOptions } from "../support/daemon-fleet.ts";
import { findNatsServerBinary, freePort, startNatsServer, waitForEndpoint } from "../support/nats-server.ts";
import type { NatsServerHandle } from "../support/nats-server.ts";
import { runCli } from "../support/run-cli.ts";
import type { CliRun } from "../support/run-cli.ts";
import { loadTask } from "../support/tasks.ts";
import { CODE, sources, writePluginDir } from "../hub/fixtures.ts";

const CAPABILITY = "total_cost";
const LEASE = { CAPSMITH_INSTALL_LEASE_MS: "5000" };

interface Rig {
  server: NatsServerHandle;
  work: string;
  log: EventLog;
  daemons: Daemon[];
  start(role: string, name: string, env?: Record<string, string>, extra?: Partial<DaemonOptions>): Daemon;
  cli(name: string, args: string[]): Promise<CliRun>;
}

let rig: Rig | undefined;

/**
 * A server, a work directory and a log opened first, so the stream gets `duplicateWindowMs` (2 min
 * when capsmith creates it): a short window shows what a redelivery does once JetStream forgot
 * its message id, as it does after two minutes in production.
 */
async function openRig(duplicateWindowMs?: number, server?: NatsServerHandle): Promise<Rig> {
  server ??= await startNatsServer({ useEnv: false });
  const work = await mkdtemp(join(tmpdir(), "capsmith-attack-daemons-"));
  const log = await openNatsLog({ url: server.url, clock: systemClock, newId: uuidIds, actor: "operator", ...(duplicateWindowMs ? { duplicateWindowMs } : {}) });
  const daemons: Daemon[] = [];
  rig = {
    server, work, log, daemons,
    start(role, name, env = {}, extra = {}) {
      const d = startDaemon(role, name, { url: server.url, dataDir: join(work, name), env, ...extra });
      daemons.push(d);
      return d;
    },
    cli: (name, args) => runCli(["--nats", server.url, "--data", join(work, name), "--json", ...args], { timeoutMs: 180_000 }),
  };
  return rig;
}

afterEach(async () => {
  const r = rig;
  rig = undefined;
  if (!r) return;
  for (const d of r.daemons) {
    d.proc.kill("SIGCONT");
    d.proc.kill("SIGKILL");
  }
  await r.log.close().catch(() => undefined);
  await r.server.stop();
  await rm(r.work, { recursive: true, force: true });
});

/** A one-step plan on `total_cost` (its spec from the fixtures) and its input; the answer is 50. */
async function writeOneGapPlan(dir: string): Promise<{ plan: string; input: string }> {
  const { capability: _c, ...spec } = loadTask(CAPABILITY);
  const plan = { plan: "one_gap", capabilities: { [CAPABILITY]: spec }, steps: [{ id: "cost", capability: CAPABILITY, input: { items: "$input.items" } }], output: { cost: "$steps.cost" } };
  await writeFile(join(dir, "plan.json"), JSON.stringify(plan));
  await writeFile(join(dir, "input.json"), JSON.stringify({ items: [{ name: "a", qty: 2, price: 10 }, { name: "b", qty: 1, price: 30 }] }));
  return { plan: join(dir, "plan.json"), input: join(dir, "input.json") };
}

const started = (ds: readonly Daemon[]): Promise<void> => until(() => ds.every((d) => d.stderr.includes("daemon started")), 60_000, "daemons to start");

/** Whether the process is stopped (SIGSTOP), from /proc. */
async function isStopped(d: Daemon): Promise<boolean> {
  const stat = await readFile(`/proc/${d.proc.pid}/stat`, "utf8").catch(() => "");
  return stat.slice(stat.lastIndexOf(")") + 2).startsWith("T");
}

/** A debug line of the daemon saying it began handling an event of `type`. */
const handling = (d: Daemon, type: string): boolean => d.stderr.split("\n").some((l) => l.includes('"msg":"handling"') && l.includes(`"type":"${type}"`));

async function active(log: EventLog): Promise<string[]> {
  const events = await readAll(log);
  // The hub's own answer is what a reader sees; counted from the log here so the test does not trust the fold it attacks.
  const on = new Set<string>();
  for (const e of events.filter((x) => x.subject === subjectFor("plugin", CAPABILITY))) {
    const d = e.data as { pluginId?: string; restored?: string | null };
    if (e.type === "PluginActivated" && d.pluginId) {
      on.clear();
      on.add(d.pluginId);
    }
    if (e.type === "PluginUninstalled" && d.pluginId) on.delete(d.pluginId);
    if (e.type === "InstallRolledBack") {
      on.clear();
      if (d.restored) on.add(d.restored);
    }
  }
  return [...on];
}

const causedBy = (events: AnyStoredEvent[], cause: AnyStoredEvent): AnyStoredEvent[] => events.filter((e) => e.causationId === cause.id);

describe("a governor stalled mid-install past its ack wait and lease", () => {
  // The second governor on its own data directory, or — a supervisor restarting a daemon it thinks
  // hung — on the stalled one's, beside it (its keys, its snapshots).
  it.each([["its own", "gov-b"], ["the stalled one's", "gov-a"]])("a second governor (on %s data directory) takes the install over; the first, resumed, adds nothing: one install, one GapClosed, one active version", async (_which, dir) => {
    const r = await openRig();
    const { plan, input } = await writeOneGapPlan(r.work);
    const govA = r.start("governor", "gov-a", { ...LEASE, CAPSMITH_FAULT: "pause:health-check" });
    await started([r.start("gap", "gap"), r.start("synthesizer", "synth"), r.start("tester", "tester"), govA]);
    const running = r.cli("runner", ["run", plan, "--input", input, "--no-agents"]);

    // gov-a stops itself after the health check's work, before its completion is recorded.
    await until(() => isStopped(govA), 90_000, "gov-a to stop mid-install");
    const govB = r.start("governor", dir, LEASE);
    await started([govB]);

    const run = await running;
    expect(run.json(), run.stdout + run.stderr.slice(-3000) + govB.stderr.slice(-3000)).toMatchObject({ ok: true, output: { cost: 50 } });
    expect(govB.stderr).toContain("taking over an install whose owner's lease expired");
    expect(await isStopped(govA)).toBe(true);

    // gov-a wakes on a transaction someone else finished and a gap someone else closed.
    govA.proc.kill("SIGCONT");
    await stopDaemons([govA]);
    expect((await govA.exited).code, govA.stderr.slice(-3000)).toBe(0);

    const check = await checkRunLog(r.log, [CAPABILITY]);
    expect(check.problems).toEqual([]);
    expect(await active(r.log)).toEqual([`${CAPABILITY}@1.0.0`]);
    const listed = (await r.cli("operator", ["plugin", "list"])).json<{ plugins: { id: string; status: string }[] }>();
    expect(listed.plugins.filter((p) => p.status === "active").map((p) => p.id)).toEqual([`${CAPABILITY}@1.0.0`]);
    // A governor started afresh on the directory both used reads the same hub.
    await stopDaemons(r.daemons);
    const after = (await r.cli(dir, ["plugin", "list"])).json<{ plugins: { id: string; status: string }[] }>();
    expect(after.plugins.filter((p) => p.status === "active").map((p) => p.id)).toEqual([`${CAPABILITY}@1.0.0`]);
  }, 180_000);
});

describe("a governor SIGKILLed mid-install, then restarted on the same durable", () => {
  it("another governor finishes the install; the restarted one adds nothing", async () => {
    const r = await openRig();
    const { plan, input } = await writeOneGapPlan(r.work);
    const govA = r.start("governor", "gov-a", { ...LEASE, CAPSMITH_FAULT: "crash:verify" });
    await started([r.start("gap", "gap"), r.start("synthesizer", "synth"), r.start("tester", "tester"), govA]);
    const running = r.cli("runner", ["run", plan, "--input", input, "--no-agents"]);

    expect((await govA.exited).signal).toBe("SIGKILL");
    const govB = r.start("governor", "gov-b", LEASE);
    const run = await running;
    expect(run.json(), run.stdout + run.stderr.slice(-3000) + govB.stderr.slice(-3000)).toMatchObject({ ok: true, output: { cost: 50 } });

    // The same data directory and durable, no fault: nothing left to do, nothing done again.
    const again = r.start("governor", "gov-a", LEASE);
    await started([again]);
    await stopDaemons([again, govB]);
    expect((await again.exited).code, again.stderr.slice(-3000)).toBe(0);

    const check = await checkRunLog(r.log, [CAPABILITY]);
    expect(check.problems).toEqual([]);
    expect(await active(r.log)).toEqual([`${CAPABILITY}@1.0.0`]);
    await stopDaemons(r.daemons);
  }, 180_000);
});

describe("a request redelivered after its answer, the plugin's install and an uninstall", () => {
  it("is answered once: the stale gap detector opens no second gap and reinstalls nothing", async () => {
    // JetStream forgets message ids after its duplicate window (2 min by default): 1 s here.
    const r = await openRig(1_000);
    const { plan, input } = await writeOneGapPlan(r.work);
    const gapA = r.start("gap", "gap-a", { CAPSMITH_AGENT_DELAY: "gap:2000" });
    await started([gapA, r.start("synthesizer", "synth"), r.start("tester", "tester"), r.start("governor", "gov")]);
    const running = r.cli("runner", ["run", plan, "--input", input, "--no-agents"]);

    // gap-a holds the request (in its delay) and stalls; after the ack wait gap-b gets it.
    await until(() => handling(gapA, "CapabilityRequested"), 60_000, "gap-a to take the request");
    gapA.proc.kill("SIGSTOP");
    r.start("gap", "gap-b");
    const run = await running;
    expect(run.json(), run.stdout + run.stderr.slice(-3000)).toMatchObject({ ok: true, output: { cost: 50 } });

    // New events follow: the operator takes the plugin out. Then the duplicate window passes.
    const out = await r.cli("operator", ["plugin", "uninstall", `${CAPABILITY}@1.0.0`]);
    expect(out.code, out.stdout + out.stderr).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    // gap-a wakes and finishes its stale delivery before it exits (SIGTERM drains handlers in flight).
    gapA.proc.kill("SIGCONT");
    await stopDaemons([gapA]);
    expect((await gapA.exited).code, gapA.stderr.slice(-3000)).toBe(0);

    const events = await readAll(r.log);
    const request = events.find((e) => e.type === "CapabilityRequested")!;
    expect(causedBy(events, request).map((e) => e.type)).toEqual(["CapabilityGapDetected"]);
    expect(events.filter((e) => e.type === "CapabilityGapDetected")).toHaveLength(1);
    expect(await active(r.log)).toEqual([]);
    await stopDaemons(r.daemons);
  }, 180_000);
});

describe("a second request, taken while the first one's gap was open, redelivered after that gap closed and an uninstall", () => {
  it("is answered by that gap's closing: the stale gap detector opens no second gap", async () => {
    const r = await openRig(1_000);
    const { capability: _c, ...spec } = loadTask(CAPABILITY);
    const request = (requestId: string) => r.log.append([{ type: "CapabilityRequested", subject: subjectFor("gap", CAPABILITY), data: { requestId, capability: CAPABILITY, spec, source: "cli", runId: null, stepId: null, backend: "example" } } as NewEvent]);
    const count = async (type: string): Promise<number> => (await readAll(r.log)).filter((e) => e.type === type).length;
    const gapA = r.start("gap", "gap-a", { CAPSMITH_AGENT_DELAY: "gap:1000" });
    // A slow synthesizer keeps the first gap open while the second request is decided elsewhere.
    await started([gapA, r.start("synthesizer", "synth", { CAPSMITH_AGENT_DELAY: "synthesizer:8000" }), r.start("tester", "tester"), r.start("governor", "gov")]);

    await request("first");
    await until(async () => (await count("CapabilityGapDetected")) === 1, 60_000, "the first gap");
    await request("second");
    await until(() => handling(gapA, "CapabilityRequested") && gapA.stderr.split("\n").filter((l) => l.includes('"msg":"handling"') && l.includes("CapabilityRequested")).length === 2, 60_000, "gap-a to take the second request");
    gapA.proc.kill("SIGSTOP");
    const gapB = r.start("gap", "gap-b");
    await until(() => handling(gapB, "CapabilityRequested"), 60_000, "gap-b to get the second request");
    await until(async () => (await count("GapClosed")) === 1, 90_000, "the gap to close");
    expect((await readAll(r.log)).find((e) => e.type === "GapClosed")!.data).toMatchObject({ ok: true });

    const out = await r.cli("operator", ["plugin", "uninstall", `${CAPABILITY}@1.0.0`]);
    expect(out.code, out.stdout + out.stderr).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // past the duplicate window
    gapA.proc.kill("SIGCONT");
    await stopDaemons([gapA]);
    expect((await gapA.exited).code, gapA.stderr.slice(-3000)).toBe(0);

    expect(await count("CapabilityGapDetected")).toBe(1);
    expect(await active(r.log)).toEqual([]);
    await stopDaemons(r.daemons);
  }, 180_000);
});

describe("two daemons of every role on a backlog, one of each SIGKILLed as its stage begins and restarted", () => {
  it("the run completes; every capability installed and closed once", async () => {
    const r = await openRig();
    const { plan, input, expected } = await writeMultiGapPlan(r.work);
    // Requests are in the log before any daemon runs: a backlog that both of each role start on at once.
    const running = r.cli("runner", ["run", plan, "--input", input, "--no-agents"]);
    await until(async () => (await readAll(r.log)).some((e) => e.type === "CapabilityRequested"), 60_000, "the plan's first request");

    const env = { ...LEASE, CAPSMITH_AGENT_DELAY: "synthesizer:300,tester:300,governor:300" };
    const pairs = ["gap", "synthesizer", "tester", "governor"].map((role) => [r.start(role, `${role}-a`, env), r.start(role, `${role}-b`, env)] as const);
    r.start("slo", "slo", env);

    // Whichever daemon of a role first starts on an event of its stage is SIGKILLed, then brought
    // back on the same data directory and durable.
    const stages = ["CapabilityRequested", "CapabilityGapDetected", "PluginDrafted", "PluginTested"];
    const killed: string[] = [];
    const kills = pairs.map(async (pair, i) => {
      const stage = stages[i]!;
      let victim: Daemon | undefined;
      await until(() => (victim = pair.find((d) => handling(d, stage))) !== undefined, 120_000, `a ${pair[0].role} handling ${stage}`);
      victim!.proc.kill("SIGKILL");
      await victim!.exited;
      killed.push(victim!.name);
      r.start(victim!.role, victim!.name, env);
    });
    const run = await running;
    await Promise.all(kills);
    expect(killed).toHaveLength(4);
    expect(run.json(), run.stdout + run.stderr.slice(-3000)).toMatchObject({ ok: true, output: expected });

    const check = await checkRunLog(r.log);
    expect(check.problems).toEqual([]);
    const events = await readAll(r.log);
    for (const request of events.filter((e) => e.type === "CapabilityRequested")) expect(causedBy(events, request), request.subject).toHaveLength(1);
    await stopDaemons(r.daemons);
  }, 240_000);
});

/** Every transaction on the capability, by id: its start and its ends (commit or rollback). */
function transactions(events: AnyStoredEvent[]): Map<string, { started: number; ends: string[] }> {
  const txs = new Map<string, { started: number; ends: string[] }>();
  for (const e of events.filter((x) => x.subject === subjectFor("plugin", CAPABILITY))) {
    const txId = (e.data as { txId?: string }).txId;
    if (!txId) continue;
    const tx = txs.get(txId) ?? { started: 0, ends: [] };
    if (e.type === "InstallStarted") tx.started++;
    if (e.type === "InstallCommitted" || e.type === "InstallRolledBack") tx.ends.push(e.type);
    txs.set(txId, tx);
  }
  return txs;
}

describe("an operator installing a newer version while a stalled governor holds an install of the capability", () => {
  // Woken after its lease expired, the governor's install is taken over and rolled back as
  // superseded; woken before, its own next phase conflicts and it rolls back itself.
  it.each([["after", "5000"], ["before", "60000"]])("woken %s its lease expired: the operator's version stays active; each transaction ends once; the gap closes once", async (_when, lease) => {
    const r = await openRig();
    const { plan, input } = await writeOneGapPlan(r.work);
    const govA = r.start("governor", "gov-a", { CAPSMITH_INSTALL_LEASE_MS: lease, CAPSMITH_FAULT: "pause:health-check" });
    await started([r.start("gap", "gap"), r.start("synthesizer", "synth"), r.start("tester", "tester"), govA]);
    const running = r.cli("runner", ["run", plan, "--input", input, "--no-agents"]);
    await until(() => isStopped(govA), 90_000, "gov-a to stop mid-install");

    // The operator acts on the capability while the governor's transaction is open.
    const dir = join(r.work, "src", "v2");
    await writePluginDir(dir, sources({ manifest: { capability: CAPABILITY, version: "2.0.0" }, spec: { capability: CAPABILITY }, code: CODE }));
    const pkg = join(r.work, "v2.json");
    const packed = await r.cli("operator", ["plugin", "pack", dir, "-o", pkg]);
    expect(packed.code, packed.stdout + packed.stderr).toBe(0);
    const installed = await r.cli("operator", ["plugin", "install", pkg]);
    expect(installed.code, installed.stdout + installed.stderr).toBe(0);

    govA.proc.kill("SIGCONT");
    const run = await running;
    expect(run.code, run.stdout + run.stderr.slice(-3000) + govA.stderr.slice(-3000)).not.toBeNull();
    await stopDaemons([govA]);
    expect((await govA.exited).code, govA.stderr.slice(-3000)).toBe(0);

    const events = await readAll(r.log);
    const listedNow = (await r.cli("operator", ["plugin", "list"])).json<{ plugins: { id: string; status: string }[] }>();
    console.info(`[attack-daemons] plugin events: ${JSON.stringify(events.filter((e) => e.subject === subjectFor("plugin", CAPABILITY)).map((e) => [e.seq, e.type, e.actor, (e.data as { txId?: string }).txId?.slice(0, 12), (e.data as { pluginId?: string }).pluginId, (e.data as { restored?: string }).restored, (e.data as { code?: string }).code]))}; list: ${JSON.stringify(listedNow.plugins)}`);
    for (const [txId, tx] of transactions(events)) expect({ txId, ...tx }).toMatchObject({ started: 1, ends: [expect.any(String)] });
    expect(events.filter((e) => e.type === "GapClosed")).toHaveLength(1);
    // What the log says serves (a rollback's `restored`, its audit line's "active: …") is what does.
    expect(await active(r.log)).toEqual([`${CAPABILITY}@2.0.0`]);
    expect(listedNow.plugins.filter((p) => p.status === "active").map((p) => p.id)).toEqual([`${CAPABILITY}@2.0.0`]);
    await stopDaemons(r.daemons);
  }, 180_000);
});

describe("an operator's rejection redelivered late, to a stalled governor, after a new gap for the same version waits for approval", () => {
  it("decides only the gap it was given for: the new gap still waits for the operator", async () => {
    // Message ids forgotten after 1 s (JetStream's window is 2 min), as for the late request above.
    const r = await openRig(1_000);
    const policy = join(r.work, "policy.json");
    await writeFile(policy, JSON.stringify({ approvalRequired: { permissions: [], profiles: ["node"] } }));
    const { capability: _c, ...spec } = loadTask(CAPABILITY);
    const request = (requestId: string) => r.log.append([{ type: "CapabilityRequested", subject: subjectFor("gap", CAPABILITY), data: { requestId, capability: CAPABILITY, spec, source: "cli", runId: null, stepId: null, backend: "example" } } as NewEvent]);
    const count = async (type: string): Promise<number> => (await readAll(r.log)).filter((e) => e.type === type).length;

    const govA = r.start("governor", "gov-a", { CAPSMITH_AGENT_DELAY: "governor:2000" }, { args: ["--policy", policy] });
    await started([r.start("gap", "gap"), r.start("synthesizer", "synth"), r.start("tester", "tester"), govA]);
    await request("first");
    await until(async () => (await count("ApprovalRequested")) === 1, 90_000, "the first approval request");

    // The operator rejects; gov-a takes the rejection and stalls; gov-b closes the first gap with it.
    const rejected = await r.cli("operator", ["plugin", "reject", `${CAPABILITY}@1.0.0`, "--reason", "not this draft"]);
    expect(rejected.code, rejected.stdout + rejected.stderr).toBe(0);
    await until(() => handling(govA, "PluginRejected"), 60_000, "gov-a to take the rejection");
    govA.proc.kill("SIGSTOP");
    r.start("governor", "gov-b", {}, { args: ["--policy", policy] });
    await until(async () => (await count("GapClosed")) === 1, 90_000, "the first gap to close");

    // A new request: a second gap, drafted again at 1.0.0 (nothing was installed), waits for approval.
    await request("second");
    await until(async () => (await count("ApprovalRequested")) === 2, 90_000, "the second approval request");
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // past the duplicate window

    govA.proc.kill("SIGCONT");
    await stopDaemons([govA]);
    expect((await govA.exited).code, govA.stderr.slice(-3000)).toBe(0);

    const events = await readAll(r.log);
    const closed = events.filter((e) => e.type === "GapClosed");
    expect(closed.map((e) => (e.data as { reason: string }).reason)).toEqual([expect.stringContaining("not this draft")]);
    const gaps = events.filter((e) => e.type === "CapabilityGapDetected").map((e) => (e.data as { gapId: string }).gapId);
    expect(gaps).toHaveLength(2);
    expect((closed[0]!.data as { gapId: string }).gapId).toBe(gaps[0]);

    // The operator's own decision on the second gap still lands.
    const again = await r.cli("operator", ["plugin", "reject", `${CAPABILITY}@1.0.0`, "--reason", "nor this one"]);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    await until(async () => (await count("GapClosed")) === 2, 90_000, "the second gap to close on its own rejection");
    await stopDaemons(r.daemons);
  }, 180_000);
});

/**
 * A `nats-server -js` that pings its clients every second and drops one after a missed answer, so a
 * daemon stopped for a few seconds is dropped as stale, as a production server (2 min, 2 pings)
 * drops one stopped for minutes.
 */
async function impatientServer(): Promise<NatsServerHandle> {
  const storeDir = await mkdtemp(join(tmpdir(), "capsmith-nats-ping-"));
  const [port, monitor] = [await freePort(), await freePort()];
  const conf = join(storeDir, "server.conf");
  await writeFile(conf, `listen: "127.0.0.1:${port}"\nhttp: "127.0.0.1:${monitor}"\njetstream { store_dir: "${join(storeDir, "js")}" }\nping_interval: "1s"\nping_max: 1\n`);
  const proc = spawn(findNatsServerBinary(), ["-c", conf], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  proc.stderr.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
  await waitForEndpoint(proc, monitor, "/healthz", 10_000, () => output);
  return {
    url: `nats://127.0.0.1:${port}`, port, storeDir,
    async stop() {
      const exited = new Promise((resolve) => proc.once("exit", resolve));
      proc.kill("SIGTERM");
      await exited;
      await rm(storeDir, { recursive: true, force: true });
    },
    restart: () => Promise.reject(new Error("not supported")),
  };
}

describe("a daemon stopped long enough for the server to drop it as stale", () => {
  it("comes back after SIGCONT and does its role's work (it is the only one of its role)", async () => {
    const r = await openRig(undefined, await impatientServer());
    const { plan, input } = await writeOneGapPlan(r.work);
    const synth = r.start("synthesizer", "synth");
    await started([r.start("gap", "gap"), synth, r.start("tester", "tester"), r.start("governor", "gov")]);

    synth.proc.kill("SIGSTOP");
    // Dropped: the server no longer lists it among its connections.
    const connections = async (): Promise<number> => ((await (await fetch(`http://127.0.0.1:${await monitorPortOf(r)}/connz`)).json()) as { num_connections: number }).num_connections;
    const before = await connections();
    await until(async () => (await connections()) < before, 60_000, "the server to drop the stopped synthesizer");
    synth.proc.kill("SIGCONT");

    const run = await r.cli("runner", ["run", plan, "--input", input, "--no-agents"]);
    expect(run.json(), run.stdout + run.stderr.slice(-3000) + synth.stderr.slice(-3000)).toMatchObject({ ok: true, output: { cost: 50 } });
    expect((await checkRunLog(r.log, [CAPABILITY])).problems).toEqual([]);
    await stopDaemons(r.daemons);
    expect((await synth.exited).code, synth.stderr.slice(-3000)).toBe(0);
  }, 180_000);
});

/** The monitoring port of the rig's server, read from the config it was started with. */
async function monitorPortOf(r: Rig): Promise<number> {
  const conf = await readFile(join(r.server.storeDir, "server.conf"), "utf8");
  return Number(/http: "127\.0\.0\.1:(\d+)"/.exec(conf)![1]);
}
