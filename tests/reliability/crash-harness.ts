/**
 * The crash harness: runs a real capsmith process on an embedded log, SIGKILLs it (after a seeded
 * random delay, or at a named fault point), then opens the log again the way capsmith does and
 * checks every promise the log and the hub make. Plain Node (no vitest) so the child can share it.
 */
import { spawn } from "node:child_process";
import { appendFile, readFile, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { ALL_EVENTS, openFileLog, sha256, verifyLog } from "../../src/events/index.ts";
import type { EventLog } from "../../src/events/index.ts";
import { createHubService } from "../../src/hub/hub-service.ts";
import { loadDataDirPolicy } from "../../src/hub/policy.ts";
import { openKeyStore } from "../../src/hub/keys-store.ts";
import { roleKeySigner, trustRoleKeys } from "../../src/hub/role-keys.ts";
import type { RoleSigner } from "../../src/hub/role-keys.ts";
import type { PluginHost } from "../../src/sandbox/index.ts";
import { fileSnapshotStore, openReadModel, PROJECTION_NAMES, stateHash, unfinished } from "../../projections/index.ts";
import type { HubState, InstallsState, ReadModel } from "../../projections/index.ts";
import { systemClock, uuidIds } from "../../src/platform/index.ts";
import { checksumVerify } from "../support/plugin-packages.ts";

/** Where capsmith keeps read-model snapshots under the data directory, and the identity the harness's log goes by. */
export const SNAPSHOT_SUBDIR = "snapshots";
export const CRASH_LOG_IDENTITY = "file:crash-harness";

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
  let signer: RoleSigner | undefined;
  let requireSignedEvents = false;
  try {
    // A directory that requires signed events (the synthesis loop's: the real binary made it, and a
    // new data directory is signed by default) is recovered as capsmith's next start would: with
    // its role keys (made if a kill came before they all were), each event signed by its actor's.
    // Its read models take the signed view too, as the snapshots the binary left there did.
    requireSignedEvents = (await loadDataDirPolicy(dir)).requireSignedEvents;
    if (requireSignedEvents) signer = await roleKeySigner(openKeyStore(dir), { create: true });
    // Real ids: counter ids restarting at every open would collide with the last open's (msgId dedup).
    log = await openFileLog({ dir, clock: systemClock, newId: uuidIds, actor: signer?.actor ?? "crash-harness", ...(signer ? { sign: signer.sign } : {}) });
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

    const snapshots = fileSnapshotStore(join(dir, SNAPSHOT_SUBDIR));
    const resumed = await openReadModel({ log, identity: async () => CRASH_LOG_IDENTITY, snapshots, readOnly: true, requireSignedEvents });
    const report = await verifyLog(log, await resumed.anchors());
    if (!report.ok) problems.push(`audit verify failed: ${JSON.stringify(report.firstBreak)}`);

    const fresh = await openReadModel({ log, identity: async () => CRASH_LOG_IDENTITY, requireSignedEvents });
    const checkpointsChecked = await checkSnapshots(fresh, join(dir, SNAPSHOT_SUBDIR), problems);

    if (signer) await trustRoleKeys(log, await fresh.state("keys"), signer.keys);
    const hub = createHubService({ log, readModel: fresh, sandbox, newId: uuidIds, verify: (pkg) => checksumVerify(pkg), tierFor: () => ({ tier: "T1", reasons: [] }) });
    const recovered = (await hub.recover()).length;
    const txs = await hub.transactions();
    for (const tx of unfinished(txs)) problems.push(`install ${tx.txId} is still unfinished after recovery`);
    const txsChecked = checkTransactions(acked, txs, problems);
    checkHub(await hub.state(), acked, problems);

    const fromSnapshot = await resumed.current();
    const fromScratch = await fresh.current();
    for (const name of PROJECTION_NAMES) {
      if (fromSnapshot.hash(name) !== fromScratch.hash(name)) problems.push(`projection ${name} from the snapshot (${fromSnapshot.hash(name)}) differs from a full replay (${fromScratch.hash(name)})`);
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

/**
 * Every snapshot a killed process left in place must be whole — a manifest and every state it
 * names, each hashing to what the manifest says — and equal a replay up to its position.
 * (Directories still under a temporary name were never published and are not read.)
 */
async function checkSnapshots(replay: ReadModel, dir: string, problems: string[]): Promise<number> {
  let checked = 0;
  for (const logDir of await readdir(dir).catch(() => [] as string[])) {
    for (const at of (await readdir(join(dir, logDir))).filter((n) => /^\d{12}$/.test(n))) {
      const base = join(dir, logDir, at);
      let manifest: { seq: number; projections: Record<string, { fileHash: string }> };
      try {
        manifest = JSON.parse(await readFile(join(base, "manifest.json"), "utf8")) as typeof manifest;
      } catch (err) {
        problems.push(`snapshot ${at} has no readable manifest: ${(err as Error).message}`);
        continue;
      }
      const then = await replay.asOf({ untilSeq: manifest.seq });
      for (const [name, entry] of Object.entries(manifest.projections)) {
        checked++;
        const text = await readFile(join(base, `${name}.json`), "utf8").catch(() => "null");
        if (sha256(text) !== entry.fileHash) problems.push(`snapshot ${at}: ${name} does not hash to what its manifest says`);
        else if (then.hash(name as (typeof PROJECTION_NAMES)[number]) !== stateHash(JSON.parse(text))) problems.push(`snapshot ${at}: ${name} differs from a replay up to seq ${manifest.seq}`);
      }
    }
  }
  return checked;
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
