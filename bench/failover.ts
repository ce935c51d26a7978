/**
 * `npm run bench -- failover [--rounds 1]`: a four-gap plan run by `capsmith run --no-agents` against
 * daemons of every role on a three-node NATS cluster (R3 stream), once steady and once with the
 * stream leader SIGKILLed when the first draft appears. Reports each run's wall time, the ratio
 * (goal: the run through the kill within 2x the steady one) and whether the log is complete with
 * every gap installed exactly once. Each run gets a fresh cluster.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { jetstreamManager } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { checkRunLog, openTestLog, readAll, startDaemon, stopDaemons, until, writeMultiGapPlan } from "../tests/support/daemon-fleet.ts";
import type { Daemon } from "../tests/support/daemon-fleet.ts";
import { startNatsCluster } from "../tests/support/nats-cluster.ts";
import { runCli } from "../tests/support/run-cli.ts";
import { flag, table } from "./_stats.ts";

async function leaderOf(urls: string): Promise<string | undefined> {
  const nc = await connect({ servers: urls.split(","), timeout: 5_000 });
  try {
    return (await (await jetstreamManager(nc)).streams.info("CAPSMITH_EVENTS")).cluster?.leader;
  } finally {
    await nc.close();
  }
}

async function once(kill: boolean): Promise<{ ms: number; ok: boolean; problems: string[]; killed: string }> {
  const cluster = await startNatsCluster();
  const work = await mkdtemp(join(tmpdir(), "capsmith-bench-failover-"));
  const daemons: Daemon[] = [];
  try {
    const env = { CAPSMITH_NATS_REPLICAS: "3", CAPSMITH_AGENT_DELAY: "synthesizer:400,tester:200" };
    const first = await runCli(["--nats", cluster.urls, "--data", join(work, "operator"), "--json", "note", "cluster up"], { env, timeoutMs: 60_000 });
    if (first.code !== 0) throw new Error(`the stream was not created: ${first.stderr}`);
    const { plan, input } = await writeMultiGapPlan(work);
    for (const [role, name] of [["gap", "gap"], ["synthesizer", "synth-a"], ["synthesizer", "synth-b"], ["tester", "tester"], ["governor", "governor"]] as const) {
      daemons.push(startDaemon(role, name, { url: cluster.urls, dataDir: join(work, name), env }));
    }
    await until(() => daemons.every((d) => d.stderr.includes("daemon started")), 60_000, "daemons to start").catch((err: unknown) => {
      // Say which daemon did not start, and what it said.
      for (const d of daemons.filter((x) => !x.stderr.includes("daemon started"))) console.error(`--- ${d.name} stderr:\n${d.stderr.slice(-3_000)}`);
      throw err;
    });
    const watcher = await openTestLog(cluster.urls, "bench");
    let killed = "-";
    const started = performance.now();
    const running = runCli(["--nats", cluster.urls, "--data", join(work, "runner"), "--json", "run", plan, "--input", input, "--no-agents"], { env, timeoutMs: 600_000 });
    const fault = kill
      ? (async () => {
          await until(async () => (await readAll(watcher).catch(() => [])).some((e) => e.type === "PluginDrafted"), 300_000, "a first draft");
          const leader = await leaderOf(cluster.urls);
          const node = cluster.nodes.find((n) => n.name === leader) ?? cluster.nodes[0]!;
          killed = node.name;
          await node.kill("SIGKILL");
        })()
      : Promise.resolve();
    const run = await running;
    const ms = performance.now() - started;
    await fault;
    await watcher.close().catch(() => undefined);
    const survivor = cluster.nodes.find((n) => n.alive())!;
    const reader = await openTestLog(survivor.url, "bench");
    const check = await checkRunLog(reader);
    await reader.close();
    const ok = (run.json() as { ok?: boolean }).ok === true;
    return { ms, ok, problems: check.problems, killed };
  } finally {
    await stopDaemons(daemons);
    await cluster.stop();
    await rm(work, { recursive: true, force: true });
  }
}

export async function run(args: string[]): Promise<void> {
  const rounds = flag(args, "rounds", 1);
  const rows: (string | number)[][] = [["run", "leader killed", "wall ms", "run ok", "exactly once"]];
  const steady: number[] = [];
  const failover: number[] = [];
  for (let i = 0; i < rounds; i++) {
    for (const kill of [false, true]) {
      const r = await once(kill);
      (kill ? failover : steady).push(r.ms);
      rows.push([`${kill ? "failover" : "steady"} ${i + 1}`, r.killed, r.ms.toFixed(0), r.ok ? "yes" : "NO", r.problems.length === 0 ? "yes" : `NO: ${r.problems.join("; ")}`]);
    }
  }
  console.log(table(rows));
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const ratio = median(failover) / median(steady);
  console.log(`\nmedian steady ${median(steady).toFixed(0)} ms, through a leader kill ${median(failover).toFixed(0)} ms: ${ratio.toFixed(2)}x (goal <= 2x)`);
}
