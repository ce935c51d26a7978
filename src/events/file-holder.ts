/**
 * Who holds a lock or a durable's record: a process id, that process's start time (Linux
 * `/proc/<pid>/stat`, so a pid the system reused for another process does not look alive), and an
 * instance number within the process (two logs opened in one process are two holders).
 */
import { readFileSync } from "node:fs";

export interface Holder {
  pid: number;
  /** Start time in clock ticks since boot ("" where /proc is not available). */
  start: string;
  instance: number;
}

const live = new Set<number>();
let nextInstance = 0;
const ownStart = startOf(process.pid) ?? "";

/** A new holder for this process; `release` marks it dead for everyone who asks afterwards. */
export function newHolder(): Holder & { release(): void } {
  const instance = ++nextInstance;
  live.add(instance);
  return { pid: process.pid, start: ownStart, instance, release: () => live.delete(instance) };
}

export function holderText(h: Holder): string {
  return `${h.pid} ${h.start || "-"} ${h.instance}`;
}

/** Parses `pid start instance` (or a bare pid, as older versions wrote). */
export function parseHolder(text: string): Holder | undefined {
  const [pid, start = "-", instance = "0"] = text.trim().split(" ");
  const n = Number(pid);
  if (!Number.isSafeInteger(n) || n <= 0) return undefined;
  return { pid: n, start: start === "-" ? "" : start, instance: Number(instance) || 0 };
}

export function sameHolder(a: Holder, b: Holder): boolean {
  return a.pid === b.pid && a.instance === b.instance && a.start === b.start;
}

export function holderAlive(h: Holder): boolean {
  if (h.pid === process.pid && (h.start === "" || h.start === ownStart)) return h.instance === 0 || live.has(h.instance);
  try {
    process.kill(h.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const start = startOf(h.pid);
  if (start === undefined) return ownStart === ""; // no /proc: trust the pid; with /proc: gone (or a zombie)
  return h.start === "" || h.start === start;
}

/** Start time of a running (not zombie) process, or undefined. */
function startOf(pid: number): string | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "latin1");
  } catch {
    return undefined;
  }
  // The command name (field 2) may hold spaces and parentheses: fields after the last ")" are plain.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  if (fields[0] === "Z" || fields[0] === "X") return undefined;
  return fields[19];
}
