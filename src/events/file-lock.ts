/**
 * One writer process per embedded log: a lock file holding the writer's pid. A lock left by a
 * process that no longer runs (killed with SIGKILL) is stale and taken over; a live one is an error.
 */
import { open, readFile, unlink } from "node:fs/promises";
import { EventLogError } from "./errors.ts";

const heldHere = new Set<string>();

export interface FileLock {
  release(): Promise<void>;
}

export async function acquireLock(path: string, dir: string): Promise<FileLock> {
  if (heldHere.has(path)) throw lockedError(dir, process.pid);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, "wx");
      await handle.writeFile(String(process.pid));
      await handle.sync();
      await handle.close();
      heldHere.add(path);
      return {
        release: async () => {
          heldHere.delete(path);
          await unlink(path).catch(() => undefined);
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const pid = Number.parseInt(await readFile(path, "utf8").catch(() => ""), 10);
      if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) throw lockedError(dir, pid);
      await unlink(path).catch(() => undefined); // stale: its writer is gone
    }
  }
  throw lockedError(dir, Number.NaN);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function lockedError(dir: string, pid: number): EventLogError {
  return new EventLogError("log_locked", `the event log in ${dir} is open for writing by another process${Number.isNaN(pid) ? "" : ` (pid ${pid})`}`, {
    retryable: true,
    nextStep: "Stop the other capsmith process, or share one log between processes with --nats URL.",
    details: { dir, pid },
  });
}
