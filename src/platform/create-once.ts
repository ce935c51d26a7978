/**
 * Creates a file that must never be overwritten (a private key, a data directory's policy) so that
 * no other process ever sees it empty or half written: the content goes to a temporary file first,
 * which is then hard-linked to its name (atomic, and failing with EEXIST when the name is taken).
 * A first command killed mid-write leaves a stray temporary file, never a truncated key or policy.
 */
import { link, open, unlink, writeFile } from "node:fs/promises";

let nextTemporary = 0;

/** Writes a new file (`wx`: never an existing one) and syncs it to disk before it resolves. */
export async function writeNewFileSynced(path: string, data: string | Uint8Array, mode?: number): Promise<void> {
  const handle = await open(path, "wx", mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes `text` to `path` unless `path` exists (then rejects with the EEXIST error of `link`). */
export async function createFileOnce(path: string, text: string, options: { mode?: number } = {}): Promise<void> {
  const mode = options.mode ?? 0o644;
  const temporary = `${path}.${process.pid}-${++nextTemporary}.tmp`;
  try {
    await writeNewFileSynced(temporary, text, mode);
    try {
      await link(temporary, path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // A file system without hard links: `wx` still never overwrites, only the atomicity is lost.
      if (code === "EPERM" || code === "ENOTSUP" || code === "EOPNOTSUPP") await writeFile(path, text, { flag: "wx", mode });
      else throw err;
    }
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}
