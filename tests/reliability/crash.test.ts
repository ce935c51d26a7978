/**
 * Crash safety of the embedded log and the hub: real capsmith processes appending (single, batched,
 * pipelined), checkpointing, installing and running the whole synthesis loop are SIGKILLed at seeded
 * random moments and at every named install fault point, over many iterations on the same data
 * directories; after each kill the harness opens the log again and checks every promise.
 *
 * CAPSMITH_CRASH_ITERATIONS (default 40) and CAPSMITH_CRASH_SEED set the length and the schedule;
 * CAPSMITH_CRASH_KEEP=1 keeps the data directories for a post-mortem.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { INSTALL_PHASES } from "../../projections/index.ts";
import { createPluginHost } from "../../src/sandbox/index.ts";
import type { PluginHost } from "../../src/sandbox/index.ts";
import { CAPSMITH_BIN, runCli } from "../support/run-cli.ts";
import { TASKS_DIR } from "../support/tasks.ts";
import { checkAfterCrash, collectAcks, mulberry32, newAcknowledged, runChild, tearTail } from "./crash-harness.ts";
import type { Acknowledged, ChildRun } from "./crash-harness.ts";

const ITERATIONS = Number(process.env["CAPSMITH_CRASH_ITERATIONS"] ?? 40);
const SEED = Number(process.env["CAPSMITH_CRASH_SEED"] ?? 9_009);
const CHILD = join(import.meta.dirname, "crash-child.ts");
const LOG_GENERATION = 8;
const ROTATION = ["append", "checkpoint", "install", "append", "fault", "checkpoint", "append", "synthesis"] as const;
type Scenario = (typeof ROTATION)[number];
const TASKS = ["count_items", "total_cost", "max_price", "names_upper", "join_tags", "unique_owners"];

let root: string;
let sandbox: PluginHost;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "capsmith-crash-"));
  sandbox = createPluginHost({ workers: 1 });
});
afterAll(async () => {
  await sandbox.close();
  if (process.env["CAPSMITH_CRASH_KEEP"]) console.log(`crash harness data kept in ${root}`);
  else await rm(root, { recursive: true, force: true });
});

interface Figures {
  iterations: number;
  kills: number;
  faultPoints: number;
  byScenario: Record<string, number>;
  msByScenario: Record<string, number>;
  tornTailsRepaired: number;
  tornTailsInjected: number;
  transactionsRecovered: number;
  ackedEventsChecked: number;
  acknowledgedTransactions: number;
  published: number;
  eventsInLogs: number;
  distinctAckedEvents: number;
  checkpointsChecked: number;
  losses: number;
  problems: string[];
}

it(`survives ${ITERATIONS} SIGKILLs mid-append, mid-checkpoint, mid-install and mid-synthesis without losing an acknowledged event`, async () => {
  const random = mulberry32(SEED);
  const pick = (n: number): number => Math.floor(random() * n);
  const dirs = { log: join(root, "log"), hub: join(root, "hub"), loop: join(root, "loop") };
  const acked: Record<keyof typeof dirs, Acknowledged> = { log: newAcknowledged(), hub: newAcknowledged(), loop: newAcknowledged() };
  const figures: Figures = {
    iterations: 0, kills: 0, faultPoints: 0, byScenario: {}, msByScenario: {}, tornTailsRepaired: 0, tornTailsInjected: 0, transactionsRecovered: 0,
    ackedEventsChecked: 0, acknowledgedTransactions: 0, published: 0, eventsInLogs: 0, distinctAckedEvents: 0, checkpointsChecked: 0, losses: 0, problems: [],
  };
  const retired: { name: string; dir: string; acked: Acknowledged }[] = [];
  let faults = 0;
  let syntheses = 0;

  for (let i = 0; i < ITERATIONS; i++) {
    const scenario: Scenario = ROTATION[i % ROTATION.length]!;
    const where = scenario === "install" || scenario === "fault" ? "hub" : scenario === "synthesis" ? "loop" : "log";
    if (where === "log" && i > 0 && i % LOG_GENERATION === 0) {
      // A fresh log now and then keeps each check's full replays short; kills per log stay many.
      retired.push({ name: `log (to i${i})`, dir: dirs.log, acked: acked.log });
      dirs.log = join(root, `log-${i}`);
      acked.log = newAcknowledged();
    }
    const started = performance.now();
    const tag = `i${i + 1}`;
    let run: ChildRun;
    let expectKill = true;
    let label: string = scenario;
    if (scenario === "append" || scenario === "checkpoint") {
      const repeat = acked.log.msgIds.length > 0 ? [acked.log.msgIds[pick(acked.log.msgIds.length)]!] : [];
      run = await runChild({ args: [CHILD, dirs.log, scenario, tag, String(pick(2 ** 31)), ...repeat], killAfterMs: 20 + pick(900) });
    } else if (scenario === "install") {
      run = await runChild({ args: [CHILD, dirs.hub, "install", tag, String(pick(2 ** 31))], killAfterMs: 50 + pick(3_000) });
    } else if (scenario === "fault") {
      const phase = INSTALL_PHASES[faults++ % INSTALL_PHASES.length]!;
      label = `fault crash:${phase}`;
      run = await runChild({ args: [CHILD, dirs.hub, "install", tag, String(pick(2 ** 31))], env: { CAPSMITH_FAULT: `crash:${phase}` } });
      figures.faultPoints++;
    } else {
      const task = TASKS[syntheses++ % TASKS.length]!;
      label = `synthesis ${task}`;
      const killAfterMs = pick(5_000);
      run = await runChild({
        args: [CAPSMITH_BIN, "--json", "--data", dirs.loop, "synthesize", "--spec", join(TASKS_DIR, `${task}.json`), "--publish", "--backend", "example"],
        killAfterMs, fromSpawn: true,
      });
      expectKill = false; // it may finish before its kill comes; then its answer is an acknowledgement
    }
    const ran = performance.now();
    collectAcks(run, acked[where]);
    const killed = run.signal === "SIGKILL" && !run.timedOut;
    if (killed) figures.kills++;
    else if (expectKill || run.code !== 0) {
      figures.problems.push(`${tag} ${label}: the child ended without being killed (code ${run.code}, signal ${run.signal}${run.timedOut ? ", timed out" : ""}): ${run.stderr.slice(-1_500)}`);
    }
    if (scenario === "append" && i % 3 === 0) {
      // A power cut can leave half a line; SIGKILL rarely does, so simulate one now and then.
      if ((await tearTail(dirs.log, random)) > 0) figures.tornTailsInjected++;
    }

    const result = await checkAfterCrash(dirs[where], acked[where], sandbox);
    if (process.env["CAPSMITH_CRASH_TRACE"]) console.log(tag, label, Math.round(ran - started), Math.round(performance.now() - ran), result.figures.events);
    figures.iterations++;
    figures.byScenario[scenario] = (figures.byScenario[scenario] ?? 0) + 1;
    if (result.figures.tornBytesRepaired > 0) figures.tornTailsRepaired++;
    figures.transactionsRecovered += result.figures.recovered;
    figures.ackedEventsChecked += result.figures.ackedEventsChecked;
    figures.checkpointsChecked += result.figures.checkpointsChecked;
    figures.losses += result.losses;
    figures.problems.push(...result.problems.map((p) => `${tag} ${label}: ${p}`));
    figures.msByScenario[scenario] = (figures.msByScenario[scenario] ?? 0) + Math.round(performance.now() - started);
  }

  const finals = [...retired, ...Object.entries(dirs).map(([name, dir]) => ({ name, dir, acked: acked[name as keyof typeof dirs] }))];
  for (const { name, dir, acked: seen } of finals) {
    // The real command a person runs agrees, from its own read-only open.
    const verify = await runCli(["--json", "--data", dir, "audit", "verify"]);
    if (verify.code !== 0) figures.problems.push(`capsmith audit verify on ${name}: exit ${verify.code} ${verify.stdout}`);
    const result = await checkAfterCrash(dir, seen, sandbox);
    figures.eventsInLogs += result.figures.events;
    figures.distinctAckedEvents += seen.events.size;
    figures.losses += result.losses;
    figures.problems.push(...result.problems.map((p) => `final ${name}: ${p}`));
  }
  figures.acknowledgedTransactions = acked.hub.txs.size;
  figures.published = acked.loop.published.size;

  console.log(`crash harness (seed ${SEED}): ${JSON.stringify({ ...figures, problems: figures.problems.length })}`);
  expect(figures.problems).toEqual([]);
  expect(figures.losses).toBe(0);
  expect(figures.kills).toBeGreaterThan(ITERATIONS / 2);
  expect(acked.log.events.size).toBeGreaterThan(0);
}, 900_000);
