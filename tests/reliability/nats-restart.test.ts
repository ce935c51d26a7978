/**
 * NATS faults: the nats-server restarts (twice) in the middle of a run, with a daemon of every role
 * attached and a runner (`capsmith run --no-agents`) waiting on them. The daemons and the runner
 * reconnect, the run completes, every acknowledged append is in the log exactly once (a writer in
 * this test appends notes right through the restarts), and nothing the agents do is applied twice.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subjectFor } from "../../src/events/index.ts";
import type { EventLog } from "../../src/events/index.ts";
import { checkRunLog, openTestLog, readAll, startDaemon, stopDaemons, until, writeMultiGapPlan } from "../support/daemon-fleet.ts";
import type { Daemon } from "../support/daemon-fleet.ts";
import { startNatsServer } from "../support/nats-server.ts";
import type { NatsServerHandle } from "../support/nats-server.ts";
import { runCli } from "../support/run-cli.ts";

let server: NatsServerHandle | undefined;
let work: string;
const daemons: Daemon[] = [];
let writer: EventLog | undefined;

beforeAll(async () => {
  server = await startNatsServer({ useEnv: false });
  work = await mkdtemp(join(tmpdir(), "capsmith-nats-restart-"));
});
afterAll(async () => {
  for (const d of daemons) d.proc.kill("SIGKILL");
  await writer?.close().catch(() => undefined);
  await server?.stop();
  await rm(work, { recursive: true, force: true });
});

describe("NATS server restarts mid-run", () => {
  it("daemons reconnect, the run completes, no acked event is lost and none is applied twice", async () => {
    const srv = server!;
    const { plan, input, expected } = await writeMultiGapPlan(work);
    const env = { CAPSMITH_AGENT_DELAY: "synthesizer:400,tester:200" };
    for (const [role, name] of [["gap", "gap"], ["synthesizer", "synth-a"], ["synthesizer", "synth-b"], ["tester", "tester"], ["governor", "governor"], ["slo", "slo"]] as const) {
      daemons.push(startDaemon(role, name, { url: srv.url, dataDir: join(work, name), env }));
    }
    await until(() => daemons.every((d) => d.stderr.includes("daemon started")), 60_000, "daemons to start");

    // A writer of its own: every note it gets an ack for must be in the log once.
    writer = await openTestLog(srv.url, "operator");
    const acked: string[] = [];
    let writing = true;
    const notes = (async () => {
      for (let i = 0; writing; i++) {
        const id = `note-${i}-${process.pid}`;
        try {
          await writer!.append([{ type: "OperatorNote", subject: subjectFor("note", "restart"), id, data: { text: `note ${i}` } }]);
          acked.push(id);
        } catch {
          // Not acked within the adapter's deadline: it may or may not be stored; only acked ones count.
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    })();

    const running = runCli(["--nats", srv.url, "--data", join(work, "runner"), "--json", "run", plan, "--input", input, "--no-agents"], { timeoutMs: 240_000 });

    // First restart once the agents are at work (a draft exists), the second once a plugin is installed.
    const restarts: number[] = [];
    const faults = (async () => {
      const seen = async (type: string): Promise<boolean> => (await readAll(writer!).catch(() => [])).some((e) => e.type === type);
      await until(() => seen("PluginDrafted"), 120_000, "a first draft");
      await srv.restart();
      restarts.push(Date.now());
      await until(() => seen("InstallCommitted"), 120_000, "a first install");
      await srv.restart();
      restarts.push(Date.now());
    })();

    const run = await running;
    await faults;
    writing = false;
    await notes;
    expect(run.json(), run.stdout + run.stderr.slice(-4000)).toMatchObject({ ok: true, output: expected });
    expect(restarts).toHaveLength(2);

    const check = await checkRunLog(writer);
    expect(check.problems).toEqual([]);
    const stored = (await readAll(writer)).filter((e) => e.type === "OperatorNote").map((e) => e.id);
    expect(acked.length).toBeGreaterThan(0);
    expect(acked.filter((id) => !stored.includes(id))).toEqual([]); // none lost
    expect(stored.length).toBe(new Set(stored).size); // none twice
    console.info(`[nats-restart] 2 server restarts; ${check.events} events in ${check.records} records checked; ${acked.length} acked notes all present once; problems: ${check.problems.length}`);

    await stopDaemons(daemons);
    for (const d of daemons) expect((await d.exited).code, `${d.name}:\n${d.stderr.slice(-2000)}`).toBe(0);
  }, 300_000);
});
