/**
 * Tail-follow for the file log: other processes append to the same file, and a log with subscribers
 * must notice. A file-change notification (fs.watch) wakes it at once where the platform has one; a
 * poll covers the rest (network file systems, missed notifications) and is also the tick on which
 * durables look again at records another process released or left behind when it died.
 */
import { watch } from "node:fs";
import type { FSWatcher } from "node:fs";

export interface Follower {
  stop(): void;
}

export function followFile(path: string, intervalMs: number, onChange: () => void): Follower {
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(path, { persistent: false }, () => onChange());
    watcher.on("error", () => {
      watcher?.close();
      watcher = undefined; // the poll carries on alone
    });
  } catch {
    watcher = undefined;
  }
  const timer = setInterval(onChange, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      watcher?.close();
    },
  };
}
