/**
 * Checkpoints: each projection's state with the log position it reflects, plus the anchors (the
 * head seq and hash of every subject's chain at that position) that let `audit verify` notice events
 * cut off the end of the log. Files are replaced atomically (write, fsync, rename).
 */
import { mkdir, open, readFile, rename } from "node:fs/promises";
import { join } from "node:path";
import { stateHash } from "./state-hash.ts";

export interface Checkpoint<S = unknown> {
  projection: string;
  version: number;
  seq: number;
  stateHash: string;
  state: S;
}

export interface Anchors {
  seq: number;
  heads: Record<string, { seq: number; hash: string }>;
}

export interface CheckpointStore {
  load(projection: string): Promise<Checkpoint | undefined>;
  save(checkpoint: Checkpoint): Promise<void>;
  loadAnchors(): Promise<Anchors | undefined>;
  saveAnchors(anchors: Anchors): Promise<void>;
}

/** Checkpoints as JSON files in `dir` (capsmith uses `<data>/checkpoints/<adapter kind>`). */
export function fileCheckpointStore(dir: string): CheckpointStore {
  const path = (name: string): string => join(dir, `${name}.json`);
  return {
    async load(projection) {
      const checkpoint = await readJson<Checkpoint>(path(projection));
      // A checkpoint whose state does not hash to what it claims is damaged: replay instead.
      return checkpoint && stateHash(checkpoint.state) === checkpoint.stateHash ? checkpoint : undefined;
    },
    save: (checkpoint) => writeAtomic(dir, path(checkpoint.projection), checkpoint),
    loadAnchors: () => readJson<Anchors>(path("_anchors")),
    saveAnchors: (anchors) => writeAtomic(dir, path("_anchors"), anchors),
  };
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

async function writeAtomic(dir: string, file: string, value: unknown): Promise<void> {
  await mkdir(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const handle = await open(tmp, "w");
  try {
    await handle.writeFile(JSON.stringify(value));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, file);
}
