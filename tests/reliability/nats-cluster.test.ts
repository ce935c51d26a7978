/**
 * A real cluster: three nats-server nodes on 127.0.0.1, the event stream replicated three times
 * (created through CAPSMITH_NATS_REPLICAS=3), daemons and a runner connected with all three URLs.
 * The node leading the stream is SIGKILLed mid-run: the run completes, and the log read back through
 * a surviving node holds every event once (every acked append too) with every hash chain intact.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { jetstreamManager } from "@nats-io/jetstream";
import type { StreamInfo } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subjectFor } from "../../src/events/index.ts";
import type { EventLog } from "../../src/events/index.ts";
import { checkRunLog, openTestLog, readAll, startDaemon, stopDaemons, until, writeMultiGapPlan } from "../support/daemon-fleet.ts";
import type { Daemon } from "../support/daemon-fleet.ts";
import { startNatsCluster } from "../support/nats-cluster.ts";
import type { NatsCluster } from "../support/nats-cluster.ts";
import { runCli } from "../support/run-cli.ts";

let cluster: NatsCluster | undefined;
let work: string;
const daemons: Daemon[] = [];
const logs: EventLog[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "capsmith-nats-cluster-"));
  cluster = await startNatsCluster();
}, 60_000);
afterAll(async () => {
  const debugDir = process.env["CAPSMITH_DEBUG_DIR"];
  if (debugDir) for (const d of daemons) await writeFile(join(debugDir, `${d.name}.log`), d.stderr);
  for (const d of daemons) d.proc.kill("SIGKILL");
  for (const log of logs) await log.close().catch(() => undefined);
  await cluster?.stop();
  await rm(work, { recursive: true, force: true });
});

async function streamInfo(url: string): Promise<StreamInfo> {
  const nc = await connect({ servers: url.split(","), timeout: 5_000 });
  try {
    return await (await jetstreamManager(nc)).streams.info("CAPSMITH_EVENTS");
  } finally {
    await nc.close();
  }
}

describe("a three-node NATS cluster", () => {
  it("loses the stream leader mid-run: the run completes and the log is complete", async () => {
    const c = cluster!;
    const env = { CAPSMITH_NATS_REPLICAS: "3", CAPSMITH_AGENT_DELAY: "synthesizer:400,tester:200" };
    // The first capsmith to open the log creates the stream, replicated three times.
    const first = await runCli(["--nats", c.urls, "--data", join(work, "operator"), "--json", "note", "cluster up"], { env, timeoutMs: 60_000 });
    expect(first.code, first.stderr).toBe(0);
    const before = await streamInfo(c.urls);
    expect(before.config.num_replicas).toBe(3);
    expect(before.cluster?.replicas).toHaveLength(2);

    const { plan, input, expected } = await writeMultiGapPlan(work);
    for (const [role, name] of [["gap", "gap"], ["synthesizer", "synth-a"], ["synthesizer", "synth-b"], ["tester", "tester"], ["governor", "governor"]] as const) {
      daemons.push(startDaemon(role, name, { url: c.urls, dataDir: join(work, name), env }));
    }
    await until(() => daemons.every((d) => d.stderr.includes("daemon started")), 60_000, "daemons to start");

    const writer = await openTestLog(c.urls, "operator");
    logs.push(writer);
    const acked: string[] = [];
    let writing = true;
    const notes = (async () => {
      for (let i = 0; writing; i++) {
        const id = `cluster-note-${i}-${process.pid}`;
        try {
          await writer.append([{ type: "OperatorNote", subject: subjectFor("note", "cluster"), id, data: { text: `note ${i}` } }]);
          acked.push(id);
        } catch {
          // Not acked: it may or may not be stored; only acked ones count.
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    })();

    const running = runCli(["--nats", c.urls, "--data", join(work, "runner"), "--json", "run", plan, "--input", input, "--no-agents"], { env, timeoutMs: 240_000 });
    let killed: string | undefined;
    const fault = (async () => {
      await until(async () => (await readAll(writer).catch(() => [])).some((e) => e.type === "PluginDrafted"), 120_000, "a first draft");
      const leader = (await streamInfo(c.urls)).cluster?.leader;
      const node = c.nodes.find((n) => n.name === leader) ?? c.nodes[0]!;
      killed = node.name;
      await node.kill("SIGKILL");
    })();

    const run = await running;
    await fault;
    writing = false;
    await notes;
    expect(run.json(), run.stdout + run.stderr.slice(-4000)).toMatchObject({ ok: true, output: expected });
    expect(killed).toBeDefined();

    // Read back through a surviving node only.
    const survivor = c.nodes.find((n) => n.alive())!;
    const reader = await openTestLog(survivor.url, "test");
    logs.push(reader);
    const check = await checkRunLog(reader);
    expect(check.problems).toEqual([]);
    const stored = (await readAll(reader)).filter((e) => e.type === "OperatorNote").map((e) => e.id);
    expect(acked.length).toBeGreaterThan(0);
    expect(acked.filter((id) => !stored.includes(id))).toEqual([]);
    expect(stored.length).toBe(new Set(stored).size);
    const after = await streamInfo(survivor.url);
    expect(after.config.num_replicas).toBe(3);
    expect(after.cluster?.leader).not.toBe(killed);
    console.info(`[nats-cluster] 3 nodes, R3 stream; SIGKILLed leader ${killed}; ${check.events} events in ${check.records} records checked via ${survivor.name}; ${acked.length} acked notes all present once; problems: ${check.problems.length}`);

    await stopDaemons(daemons);
    for (const d of daemons) expect((await d.exited).code, `${d.name}:\n${d.stderr.slice(-2000)}`).toBe(0);
  }, 300_000);
});
