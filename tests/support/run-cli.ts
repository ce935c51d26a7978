import { spawn } from "node:child_process";
import { join } from "node:path";

export const CAPSMITH_BIN = join(import.meta.dirname, "../../bin/capsmith.js");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as the one JSON object `--json` promises (throws if it is not exactly that). */
  json<T = Record<string, unknown>>(): T;
}

/** Runs the real `capsmith` binary under this Node (24) with a private data dir and env. */
export function runCli(args: string[], options: { env?: Record<string, string>; input?: string; timeoutMs?: number; cwd?: string } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CAPSMITH_BIN, ...args], {
      env: { ...process.env, CAPSMITH_NATS_URL: "", CAPSMITH_HOME: "", ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
      ...(options.cwd ? { cwd: options.cwd } : {}),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({
        code,
        stdout,
        stderr,
        json<T>() {
          const lines = stdout.trim().split("\n");
          if (lines.length !== 1) throw new Error(`expected one JSON line on stdout, got:\n${stdout}`);
          return JSON.parse(lines[0]!) as T;
        },
      });
    });
    child.stdin.end(options.input ?? "");
  });
}
