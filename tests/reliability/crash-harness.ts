/**
 * The crash harness: runs a real capsmith process on an embedded log, SIGKILLs it (after a seeded
 * random delay, or at a named fault point), then opens the log again the way capsmith does and
 * checks every promise the log and the hub make. Plain Node (no vitest) so the child can share it.
 */
import { spawn } from "node:child_process";
import { appendFile, readFile, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { ALL_EVENTS, openFileLog, verifyLog } from "../../src/events/index.ts";
import type { EventLog } from "../../src/events/index.ts";
import { createHubService } from "../../src/hub/hub-service.ts";
import type { PluginHost } from "../../src/sandbox/index.ts";
import { allProjections, createProjector, fileCheckpointStore, stateHash, unfinished } from "../../projections/index.ts";
import type { Checkpoint, HubState, InstallsState } from "../../projections/index.ts";
import { systemClock, uuidIds } from "../../src/platform/index.ts";
import { checksumVerify } from "../support/plugin-packages.ts";

/** Where capsmith keeps the embedded log's checkpoints under the data directory. */
export const CHECKPOINT_SUBDIR = join("checkpoints", "file");

/** A small seeded PRNG (mulberry32): the same seed gives the same schedule of kills and work. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Complete stdout lines (a line cut by the kill is dropped: it acknowledged nothing). */
  lines: string[];
  stderr: string;
  /** The harness had to kill a child that neither died at its fault point nor finished. */
  timedOut: boolean;
}

export interface ChildSpec {
  args: string[];
  env?: Record<string, string>;
  /** SIGKILL this long after the child prints `ready` (or after spawn, with `fromSpawn`). */
  killAfterMs?: number;
  fromSpawn?: boolean;
  /** Upper bound on the child's life when nothing else ends it. */
  timeoutMs?: number;
}

/** Spawns Node 24 on a script; kills it when told; resolves once it is gone (and reaped). */
export function runChild(spec: ChildSpec): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, spec.args, { env: { ...process.env, CAPSMITH_NATS_URL: "", ...spec.env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    let killTimer: NodeJS.Timeout | undefined;
    const armKill = (): void => {
      if (spec.killAfterMs !== undefined && !killTimer) killTimer = setTimeout(() => child.kill("SIGKILL"), spec.killAfterMs);
    };
    const guard = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, spec.timeoutMs ?? 90_000);
    if (spec.fromSpawn) armKill();
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      stdout += chunk;
      if (!spec.fromSpawn && /^ready$/m.test(stdout)) armKill();
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => (stderr = (stderr + chunk).slice(-8_000)));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(guard);
      clearTimeout(killTimer);
      const lines = stdout.split("\n");
      lines.pop(); // the unterminated rest
      resolve({ code, signal, lines, stderr, timedOut });
    });
  });
}

/** What a child acknowledged before it died: event ids with their record seq, and finished installs. */
export interface Acknowledged {
  events: Map<string, number>;
  txs: Map<string, { ok: boolean; pluginId: string }>;
  /** Plugins a finished `synthesize --publish` reported as published. */
  published: Set<string>;
  msgIds: string[];
}

export function newAcknowledged(): Acknowledged {
  return { events: new Map(), txs: new Map(), published: new Set(), msgIds: [] };
}

/** Folds a child's stdout into what it acknowledged; returns the number of new acks. */
export function collectAcks(run: ChildRun, into: Acknowledged): number {
  let n = 0;
  for (const line of run.lines) {
    const [kind, a, b, c] = line.split(" ");
    if (kind === "ack") {
      for (const id of c!.split(",")) into.events.set(id, Number(a));
      into.msgIds.push(b!);
      n++;
    } else if (kind === "tx" && a) {
      into.txs.set(a, { ok: b === "true", pluginId: c! });
      n++;
    } else if (line.startsWith("{")) {
      const answer = JSON.parse(line) as { ok?: boolean; pluginId?: string | null };
      if (answer.ok && answer.pluginId) into.published.add(answer.pluginId);
      n++;
    }
  }
  return n;
}

/** Simulates a torn last write (power cut mid-line): a prefix of the last record, no newline. */
export async function tearTail(dir: string, random: () => number): Promise<number> {
  const file = join(dir, "events.log");
  const text = await readFile(file, "utf8");
  const last = text.slice(text.lastIndexOf("\n", text.length - 2) + 1);
  if (last.length < 2) return 0;
  const cut = last.slice(0, 1 + Math.floor(random() * (last.length - 2)));
  await appendFile(file, cut);
  return Buffer.byteLength(cut);
}

export interface CheckFigures {
  events: number;
  records: number;
  ackedEventsChecked: number;
  txsChecked: number;
  tornBytesRepaired: number;
  recovered: number;
  checkpointsChecked: number;
}

export interface CheckResult {
  figures: CheckFigures;
  /** Broken promises, each a sentence naming what and where; empty when all held. */
  problems: string[];
  /** Acknowledged events not in the log. */
  losses: number;
}

/**
 * Opens the log after a kill (writable, as capsmith's next start does) and checks: it opens with a
 * torn tail cut off, the hash chains verify against the checkpointed anchors, every acknowledged
 * event is there at its seq and no event is stored twice, each checkpoint equals a replay up to its
 * seq, recovery leaves no install unfinished (and keeps every acknowledged outcome), and the
 * projections caught up from checkpoints equal the ones rebuilt from scratch.
 */
export async function checkAfterCrash(dir: string, acked: Acknowledged, sandbox: PluginHost): Promise<CheckResult> {
  const problems: string[] = [];
  const file = join(dir, "events.log");
  const sizeBefore = (await stat(file).catch(() => ({ size: 0 }))).size;
  let log: EventLog;
  try {
    // Real ids: counter ids restarting at every open would collide with the last open's (msgId dedup).
    log = await openFileLog({ dir, clock: systemClock, newId: uuidIds, actor: "crash-harness" });
  } catch (err) {
    return { figures: emptyFigures(), problems: [`the log did not open: ${(err as Error).message}`], losses: acked.events.size };
  }
  try {
    const tornBytesRepaired = sizeBefore - (await stat(file)).size;
    const seen = new Map<string, number>();
    let events = 0;
    for await (const e of log.read(ALL_EVENTS)) {
      events++;
      if (seen.has(e.id)) problems.push(`event ${e.id} is stored twice (seq ${seen.get(e.id)} and ${e.seq})`);
      seen.set(e.id, e.seq);
    }
    let losses = 0;
    for (const [id, seq] of acked.events) {
      const found = seen.get(id);
      if (found === undefined) losses++;
      if (found !== seq) problems.push(`acknowledged event ${id} (seq ${seq}) is ${found === undefined ? "missing" : `at seq ${found}`}`);
    }

    const store = fileCheckpointStore(join(dir, CHECKPOINT_SUBDIR));
    const report = await verifyLog(log, await store.loadAnchors());
    if (!report.ok) problems.push(`audit verify failed: ${JSON.stringify(report.firstBreak)}`);

    const checkpointsChecked = await checkCheckpoints(log, join(dir, CHECKPOINT_SUBDIR), problems);

    const hub = createHubService({ log, sandbox, newId: uuidIds, verify: (pkg) => checksumVerify(pkg), tierFor: () => ({ tier: "T1", reasons: [] }) });
    const recovered = (await hub.recover()).length;
    const txs = await hub.transactions();
    for (const tx of unfinished(txs)) problems.push(`install ${tx.txId} is still unfinished after recovery`);
    const txsChecked = checkTransactions(acked, txs, problems);
    checkHub(await hub.state(), acked, problems);

    const resumed = await createProjector({ log, projections: allProjections, store }).catchUp();
    const fresh = await createProjector({ log, projections: allProjections }).catchUp();
    for (const [name, hash] of Object.entries(fresh.hashes)) {
      if (resumed.hashes[name] !== hash) problems.push(`projection ${name} from checkpoints (${resumed.hashes[name]}) differs from a full replay (${hash})`);
    }
    return {
      figures: { events, records: await log.lastSeq(), ackedEventsChecked: acked.events.size, txsChecked, tornBytesRepaired, recovered, checkpointsChecked },
      problems,
      losses,
    };
  } finally {
    await log.close();
  }
}

/** Every checkpoint file must be whole, hash to what it claims, and equal a replay up to its seq. */
async function checkCheckpoints(log: EventLog, dir: string, problems: string[]): Promise<number> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith(".json") && n !== "_anchors.json");
  const bySeq = new Map<number, Checkpoint[]>();
  for (const name of names) {
    let checkpoint: Checkpoint;
    try {
      checkpoint = JSON.parse(await readFile(join(dir, name), "utf8")) as Checkpoint;
    } catch (err) {
      problems.push(`checkpoint ${name} is not readable JSON: ${(err as Error).message}`);
      continue;
    }
    if (stateHash(checkpoint.state) !== checkpoint.stateHash) problems.push(`checkpoint ${name} does not hash to its stateHash`);
    bySeq.set(checkpoint.seq, [...(bySeq.get(checkpoint.seq) ?? []), checkpoint]);
  }
  const replay = createProjector({ log, projections: allProjections });
  for (const [seq, checkpoints] of bySeq) {
    const then = await replay.asOf({ untilSeq: seq });
    for (const c of checkpoints) {
      if (then.hashes[c.projection] !== c.stateHash) problems.push(`checkpoint ${c.projection} at seq ${seq} differs from a replay up to seq ${seq}`);
    }
  }
  return names.length;
}

/** An install the child saw finish keeps that outcome: recovery never rewrites a finished one. */
function checkTransactions(acked: Acknowledged, txs: InstallsState, problems: string[]): number {
  for (const [txId, { ok }] of acked.txs) {
    const outcome = txs.transactions[txId]?.outcome;
    const want = ok ? "committed" : "rolled_back";
    if (outcome !== want) problems.push(`install ${txId} was acknowledged ${want} but the log says ${outcome ?? "nothing"}`);
  }
  return acked.txs.size;
}

/** No plugin half-installed; an active plugin is the one its capability points at; published ones exist. */
function checkHub(state: HubState, acked: Acknowledged, problems: string[]): void {
  for (const [capability, record] of Object.entries(state.capabilities)) {
    const active = record.active ? state.plugins[record.active] : undefined;
    if (record.active && active?.status !== "active") problems.push(`${capability} points at ${record.active}, whose status is ${active?.status ?? "missing"}`);
  }
  for (const plugin of Object.values(state.plugins)) {
    if (plugin.status === "active" && state.capabilities[plugin.capability]?.active !== plugin.id) problems.push(`${plugin.id} is active but its capability points elsewhere`);
    if ((plugin.status as string) === "installing") problems.push(`${plugin.id} is left installing`);
  }
  for (const id of acked.published) if (!state.plugins[id]) problems.push(`published plugin ${id} is not in the hub`);
}

function emptyFigures(): CheckFigures {
  return { events: 0, records: 0, ackedEventsChecked: 0, txsChecked: 0, tornBytesRepaired: 0, recovered: 0, checkpointsChecked: 0 };
}
