/**
 * Snapshots of the read model: every projection's state and the chain heads at one log position,
 * so a command folds only the records appended since. A snapshot belongs to one log (its identity:
 * which log, and the hash of its first event) and names the hash of the last event it covers; the
 * caller checks that against the log before using it, and one that does not match is ignored.
 *
 * Layout: `<dir>/<identity digest>/<seq>/manifest.json` and one `<projection>.json` per state, each
 * with its state hash; a snapshot directory is written under a temporary name and renamed into
 * place, so readers see a whole snapshot or none. The newest few are kept; an old one is first
 * renamed out of sight and only then deleted, because deleting its files one by one in place would
 * leave a snapshot without some of its states to a process killed meanwhile.
 */
import { mkdir, open, readFile, readdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { sha256 } from "../src/events/index.ts";
import type { Integrity } from "./integrity.ts";

export const SNAPSHOT_FORMAT = "capsmith-snapshot/v1";
const KEEP = 2;

interface Manifest {
  format: typeof SNAPSHOT_FORMAT;
  identity: string;
  seq: number;
  integrity: Integrity;
  /** Each state file's version and the sha256 of its bytes (what catches a damaged file). */
  projections: Record<string, { version: number; fileHash: string }>;
}

export interface LoadedSnapshot {
  seq: number;
  integrity: Integrity;
  /** A projection's JSON state when the snapshot holds an intact one of that version. */
  state(name: string, version: number): Promise<unknown | undefined>;
}

export interface SnapshotCapture {
  seq: number;
  integrity: Integrity;
  states: Record<string, { version: number; json: unknown }>;
}

export interface SnapshotStore {
  /**
   * The newest snapshot of the log `identity` names that `matches` accepts (the caller checks its
   * position and last hash against the log), or undefined.
   */
  latest(identity: string, matches: (seq: number, lastHash: string | null) => Promise<boolean>): Promise<LoadedSnapshot | undefined>;
  /** The newest snapshot's position (without loading it), or 0. */
  newestSeq(identity: string): Promise<number>;
  /**
   * Saves a snapshot; false when a snapshot at or past its position exists already (a log behind
   * its newest snapshot was cut short: its heads stay the anchors `audit verify` holds it to).
   */
  save(identity: string, capture: SnapshotCapture): Promise<boolean>;
  /** Removes every snapshot of the log (`replay --from-scratch`). */
  clear(identity: string): Promise<void>;
}

export function fileSnapshotStore(dir: string): SnapshotStore {
  const logDir = (identity: string): string => join(dir, sha256(identity).slice(0, 24));

  async function positions(identity: string): Promise<number[]> {
    const names = await readdir(logDir(identity)).catch(() => [] as string[]);
    return names.filter((n) => /^\d{12}$/.test(n)).map(Number).sort((a, b) => b - a);
  }

  return {
    async newestSeq(identity) {
      return (await positions(identity))[0] ?? 0;
    },

    async latest(identity, matches) {
      for (const seq of await positions(identity)) {
        const at = join(logDir(identity), pad(seq));
        const manifest = await readJson<Manifest>(join(at, "manifest.json"));
        if (!manifest || manifest.format !== SNAPSHOT_FORMAT || manifest.identity !== identity || manifest.seq !== seq) continue;
        // One that lost a state file (a deletion interrupted before discards were renames) is passed over.
        if (!(await everyFile(at, Object.keys(manifest.projections)))) continue;
        if (!(await matches(seq, manifest.integrity.lastHash))) continue;
        return {
          seq,
          integrity: manifest.integrity,
          async state(name, version) {
            const entry = Object.hasOwn(manifest.projections, name) ? manifest.projections[name] : undefined;
            if (!entry || entry.version !== version) return undefined;
            const text = await readFile(join(at, `${name}.json`), "utf8").catch(() => undefined);
            // A damaged state file is not trusted: that projection replays from the start instead.
            if (text === undefined || sha256(text) !== entry.fileHash) return undefined;
            return JSON.parse(text) as unknown;
          },
        };
      }
      return undefined;
    },

    async save(identity, capture) {
      const base = logDir(identity);
      const final = join(base, pad(capture.seq));
      if (((await positions(identity))[0] ?? 0) >= capture.seq) return false;
      const tmp = join(base, `.${pad(capture.seq)}.${process.pid}.${Math.floor(performance.now() * 1000)}`);
      await mkdir(tmp, { recursive: true });
      const manifest: Manifest = { format: SNAPSHOT_FORMAT, identity, seq: capture.seq, integrity: capture.integrity, projections: {} };
      try {
        for (const [name, { version, json }] of Object.entries(capture.states)) {
          const text = JSON.stringify(json);
          manifest.projections[name] = { version, fileHash: sha256(text) };
          await writeSynced(join(tmp, `${name}.json`), text);
        }
        await writeSynced(join(tmp, "manifest.json"), JSON.stringify(manifest));
        await rename(tmp, final).catch(async (err: NodeJS.ErrnoException) => {
          // Another process saved the same position first: theirs is as good as ours.
          if (err.code !== "ENOTEMPTY" && err.code !== "EEXIST") throw err;
        });
        await syncDir(base);
      } finally {
        await rm(tmp, { recursive: true, force: true });
      }
      for (const old of (await positions(identity)).slice(KEEP)) await discard(base, pad(old));
      await sweepTemporaries(base);
      return true;
    },

    async clear(identity) {
      const base = logDir(identity);
      for (const seq of await positions(identity)) await discard(base, pad(seq));
      await rm(base, { recursive: true, force: true });
    },
  };
}

function pad(seq: number): string {
  return String(seq).padStart(12, "0");
}

async function everyFile(at: string, names: string[]): Promise<boolean> {
  for (const name of names) if (!(await stat(join(at, `${name}.json`)).catch(() => undefined))) return false;
  return true;
}

/** Unpublishes a snapshot at once (a rename), then deletes it at leisure; a leftover is swept later. */
async function discard(base: string, name: string): Promise<void> {
  const away = join(base, `.${name}.discarded.${process.pid}.${Math.floor(performance.now() * 1000)}`);
  try {
    await rename(join(base, name), away);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return; // another process discarded it
    throw err;
  }
  await rm(away, { recursive: true, force: true });
}

/** Makes a rename in `dir` durable. */
async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

async function writeSynced(file: string, text: string): Promise<void> {
  const handle = await open(file, "w", 0o600);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Temporary directories of writers that died mid-save (older than a minute) are removed. */
async function sweepTemporaries(base: string): Promise<void> {
  for (const name of await readdir(base).catch(() => [] as string[])) {
    if (!name.startsWith(".")) continue;
    const info = await stat(join(base, name)).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > 60_000) await rm(join(base, name), { recursive: true, force: true });
  }
}
