/** A real `capsmith serve` process on a free port, for tests that drive it as a client would. */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { CAPSMITH_BIN } from "./run-cli.ts";

export interface ServeProcess {
  url: string;
  child: ChildProcess;
  stderr(): string;
  /** SIGTERM, and waits for the process to end (SIGKILL after 10 s). */
  stop(): Promise<void>;
}

export async function startServeProcess(dataDir: string, args: string[] = [], env: Record<string, string> = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, [CAPSMITH_BIN, "--data", dataDir, "serve", "--port", "0", ...args], {
    env: { ...process.env, CAPSMITH_NATS_URL: "", CAPSMITH_HOME: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stdout!.resume();
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`capsmith serve did not start:\n${stderr}`)), 30_000);
    child.stderr!.on("data", (d: Buffer) => {
      stderr += d.toString();
      const m = /API\s+(http:\/\/\S+)\/v1/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once("exit", (code) => reject(new Error(`capsmith serve exited ${code}:\n${stderr}`)));
  });
  return {
    url,
    child,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null) return;
      const ended = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await ended;
      clearTimeout(timer);
    },
  };
}
