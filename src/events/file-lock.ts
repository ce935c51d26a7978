/**
 * A lock between processes, held for one operation (a group-committed write, one change of a
 * durable's state), not for a process's life. The lock is a file holding its holder (file-holder.ts),
 * made atomically by hard-linking the holder's own token file to the lock's name: it exists with its
 * content or not at all. A lock whose holder died (SIGKILL mid-write) is stale and broken; breaking
 * goes through a second lock, so two waiters that both find it stale cannot both take it.
 */
import { link, readFile, readdir, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { EventLogError } from "./errors.ts";
import { holderAlive, holderText, parseHolder } from "./file-holder.ts";
import type { Holder } from "./file-holder.ts";

export interface FileMutex {
  /** Waits for the lock (up to the timeout: `log_locked`); resolves with its release. */
  acquire(): Promise<() => Promise<void>>;
  /** Removes this holder's token file. */
  dispose(): Promise<void>;
}

export interface FileMutexOptions {
  /** How long to wait for a live holder before `log_locked` (default 60 s). */
  timeoutMs?: number;
  /** What the lock protects, for the error message. */
  what: string;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function fileMutex(path: string, holder: Holder, options: FileMutexOptions): FileMutex {
  const token = `${path}.${holder.pid}-${holder.instance}.holder`;
  const text = holderText(holder);
  const timeoutMs = options.timeoutMs ?? 60_000;
  let tokenReady: Promise<void> | undefined;
  let hardLinks = true;

  const makeToken = (): Promise<void> => (tokenReady ??= removeDeadTokens(path).then(() => writeFile(token, text)));

  /** Creates `target` holding this holder, atomically; false when it exists. */
  const create = async (target: string): Promise<boolean> => {
    await makeToken();
    try {
      if (hardLinks) await link(token, target);
      else await writeFile(target, text, { flag: "wx" });
      return true;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "EEXIST") return false;
      if (code === "ENOENT") {
        tokenReady = undefined; // the token was removed under us: write it again
        return create(target);
      }
      if (hardLinks && (code === "EPERM" || code === "ENOTSUP" || code === "EOPNOTSUPP" || code === "EXDEV")) {
        hardLinks = false; // a file system without hard links
        return create(target);
      }
      throw err;
    }
  };

  /** Removes the lock if it still holds `seen` (a dead holder), under the break lock. */
  const breakStale = async (seen: string): Promise<void> => {
    const brk = `${path}.break`;
    if (!(await create(brk))) {
      const breaker = parseHolder(await readFile(brk, "utf8").catch(() => ""));
      if (breaker && !holderAlive(breaker)) await unlink(brk).catch(() => undefined);
      return;
    }
    try {
      if ((await readFile(path, "utf8").catch(() => undefined)) === seen) await unlink(path).catch(() => undefined);
    } finally {
      await unlink(brk).catch(() => undefined);
    }
  };

  return {
    async acquire() {
      const started = performance.now(); // scheduling only
      let seenHolder: Holder | undefined;
      for (let attempt = 0; ; attempt++) {
        if (await create(path)) return () => unlink(path).catch(() => undefined);
        const seen = await readFile(path, "utf8").catch(() => undefined);
        if (seen === undefined) continue; // released meanwhile
        seenHolder = parseHolder(seen);
        if (seenHolder && !holderAlive(seenHolder)) {
          await breakStale(seen);
          continue;
        }
        if (performance.now() - started > timeoutMs) throw lockedError(options.what, path, seenHolder);
        await sleep(Math.min(10, attempt >> 2));
      }
    },
    async dispose() {
      if (tokenReady) await unlink(token).catch(() => undefined);
      tokenReady = undefined;
    },
  };
}

/** Token files left by holders that died (they are tiny, but they would pile up). */
async function removeDeadTokens(path: string): Promise<void> {
  const prefix = `${basename(path)}.`;
  const dir = dirname(path);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const m = /^(\d+)-(\d+)\.holder$/.exec(name.startsWith(prefix) ? name.slice(prefix.length) : "");
    if (!m) continue;
    const content = await readFile(join(dir, name), "utf8").catch(() => "");
    const holder = parseHolder(content);
    if (holder && !holderAlive(holder)) await unlink(join(dir, name)).catch(() => undefined);
  }
}

function lockedError(what: string, path: string, holder: Holder | undefined): EventLogError {
  return new EventLogError("log_locked", `${what} stayed locked by another process${holder ? ` (pid ${holder.pid})` : ""}`, {
    retryable: true,
    nextStep: `That process may be stuck. Stop it; if no capsmith process runs, remove ${path}.`,
    details: { lock: path, pid: holder?.pid ?? null },
  });
}
