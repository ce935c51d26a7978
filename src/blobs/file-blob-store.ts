/**
 * Blobs in the data directory: `blobs/<first two hex>/<hash>`. A put writes a temporary file of its
 * own, fsyncs it, renames it into place and fsyncs the directory, so a blob is there whole or not
 * at all; processes putting the same blob at once each rename identical bytes over the other's.
 */
import { mkdir, open, readFile, readdir, rename, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import { BlobError, DEFAULT_MAX_BLOB_BYTES, assertBlobHash, assertBlobSize, blobHash, verified } from "./blob-store.ts";
import type { BlobStore } from "./blob-store.ts";
import { writeNewFileSynced } from "../platform/index.ts";

export interface FileBlobStoreOptions {
  /** The data directory; blobs go to `<dir>/blobs`. */
  dir: string;
  maxBytes?: number;
}

let nextTmp = 0;

export async function openFileBlobStore(options: FileBlobStoreOptions): Promise<BlobStore> {
  const root = join(options.dir, "blobs");
  const tmp = join(root, "tmp");
  await mkdir(tmp, { recursive: true });
  await removeDeadTemporaries(tmp);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BLOB_BYTES;
  const pathOf = (hash: string): string => join(root, hash.slice(0, 2), hash);

  return {
    kind: "file",
    maxBytes,
    async put(bytes) {
      assertBlobSize(bytes, maxBytes);
      const hash = blobHash(bytes);
      const target = pathOf(hash);
      if (await exists(target)) return hash;
      await mkdir(join(root, hash.slice(0, 2)), { recursive: true });
      const temporary = join(tmp, `${hash}.${process.pid}-${++nextTmp}`);
      try {
        await writeNewFileSynced(temporary, bytes);
        await rename(temporary, target);
        await syncDir(join(root, hash.slice(0, 2)));
      } catch (err) {
        await unlink(temporary).catch(() => undefined);
        throw new BlobError("blob_unavailable", `could not store blob ${hash} in ${root}: ${(err as Error).message}`, {
          cause: err,
          retryable: true,
          nextStep: "Check free disk space and permissions of the data directory, then retry.",
        });
      }
      return hash;
    },
    async get(hash) {
      assertBlobHash(hash);
      let bytes: Buffer;
      try {
        bytes = await readFile(pathOf(hash));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") throw notFound(hash, root);
        throw new BlobError("blob_unavailable", `could not read blob ${hash}: ${(err as Error).message}`, { cause: err, retryable: true });
      }
      return verified(hash, bytes, pathOf(hash));
    },
    async has(hash) {
      assertBlobHash(hash);
      return exists(pathOf(hash));
    },
    async close() {},
  };
}

function notFound(hash: string, where: string): BlobError {
  return new BlobError("blob_not_found", `no blob ${hash} in ${where}`, {
    nextStep: "The event refers to a blob this store does not hold: restore the blobs directory from a backup.",
    details: { hash },
  });
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } catch {
    // Some file systems cannot fsync a directory; the file itself was synced.
  } finally {
    await handle.close();
  }
}

/** Temporary files of processes that died mid-put (named `<hash>.<pid>-<n>`). */
async function removeDeadTemporaries(tmp: string): Promise<void> {
  for (const name of await readdir(tmp).catch(() => [] as string[])) {
    const pid = Number(/\.(\d+)-\d+$/.exec(name)?.[1]);
    if (!Number.isSafeInteger(pid) || pid === process.pid || alive(pid)) continue;
    await unlink(join(tmp, name)).catch(() => undefined);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
