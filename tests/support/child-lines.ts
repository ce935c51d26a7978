/** A child process whose stdout lines a test waits on (real processes, killed with real signals). */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

export interface LineChild {
  proc: ChildProcess;
  lines: string[];
  /** Resolves once a line matches (rejects if the child exits first or time runs out). */
  waitFor(match: (line: string) => boolean, ms?: number): Promise<string>;
  exited: Promise<number | null>;
}

export function spawnLines(script: string, args: string[]): LineChild {
  const proc = spawn(process.execPath, ["--no-warnings", script, ...args], { stdio: ["pipe", "pipe", "pipe"] });
  const lines: string[] = [];
  let stderr = "";
  const waiters = new Set<() => void>();
  proc.stderr!.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  createInterface({ input: proc.stdout! }).on("line", (line) => {
    lines.push(line);
    for (const w of waiters) w();
  });
  let done = false;
  const exited = new Promise<number | null>((resolve) =>
    proc.once("exit", (code) => {
      done = true;
      resolve(code);
      for (const w of waiters) w();
    }),
  );
  return {
    proc,
    lines,
    exited,
    waitFor(match, ms = 60_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`no matching line in ${ms} ms; stderr:\n${stderr}`)), ms);
        const check = (): void => {
          const found = lines.find(match);
          if (found !== undefined) finish(undefined, found);
          else if (done) finish(new Error(`child exited before a matching line; stderr:\n${stderr}`));
        };
        const finish = (err?: Error, line?: string): void => {
          clearTimeout(timer);
          waiters.delete(check);
          if (err) reject(err);
          else resolve(line!);
        };
        waiters.add(check);
        check();
      });
    },
  };
}
