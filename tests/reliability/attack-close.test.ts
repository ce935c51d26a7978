/**
 * Attacks on "close never waits on what it cannot finish" (commit 782feb4): a daemon whose NATS
 * server stops answering (SIGSTOP: the socket stays open, nothing replies) must still exit soon
 * after SIGTERM — its agents get 8 s, closing the log 2 s more — not wait for the server to wake.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startDaemon, until } from "../support/daemon-fleet.ts";
import { runCli } from "../support/run-cli.ts";
import type { Daemon } from "../support/daemon-fleet.ts";
import { findNatsServerBinary, freePort, waitForEndpoint } from "../support/nats-server.ts";

interface OwnServer {
  url: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

/** A nats-server of our own: the shared helper does not hand out its pid, and this test SIGSTOPs it. */
async function ownServer(): Promise<OwnServer> {
  const storeDir = await mkdtemp(join(tmpdir(), "capsmith-attack-nats-"));
  const port = await freePort();
  const monitorPort = await freePort();
  const proc = spawn(findNatsServerBinary(), ["-js", "-a", "127.0.0.1", "-p", String(port), "-m", String(monitorPort), "-sd", storeDir], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  proc.stdout?.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  proc.stderr?.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  await waitForEndpoint(proc, monitorPort, "/healthz", 10_000, () => output);
  return {
    url: `nats://127.0.0.1:${port}`,
    proc,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill("SIGCONT");
        proc.kill("SIGKILL");
        await new Promise((r) => proc.once("exit", r));
      }
      await rm(storeDir, { recursive: true, force: true });
    },
  };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

function exitsWithin(daemon: Daemon, ms: number): Promise<string> {
  return Promise.race([daemon.exited.then((e) => `exited ${e.code ?? e.signal}`), new Promise<string>((r) => setTimeout(() => r("still running"), ms))]);
}

describe("closing against a NATS server that stopped answering", () => {
  // SIGSTOP: the socket stays open and nothing answers. SIGKILL: the client reconnects without end.
  // "operator key": the daemon also anchors the log at close (a read of the log and an append).
  it.each([
    ["SIGSTOP", false],
    ["SIGKILL", false],
    ["SIGSTOP", true],
  ] as const)("a daemon exits after SIGTERM although its server got %s (operator key: %s)", async (signal, operatorKey) => {
    const server = await ownServer();
    cleanups.push(() => server.stop());
    const dataDir = await mkdtemp(join(tmpdir(), "capsmith-attack-data-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    if (operatorKey) {
      const made = await runCli(["--data", dataDir, "--nats", server.url, "keys", "generate", "operator", "--role", "operator", "--trust"]);
      expect(made.code, made.stderr).toBe(0);
    }
    const daemon = startDaemon("tester", "tester-1", { url: server.url, dataDir });
    cleanups.push(async () => {
      if (daemon.proc.exitCode === null) daemon.proc.kill("SIGKILL");
    });
    await until(() => daemon.stderr.includes("stop with Ctrl-C or SIGTERM"), 60_000, "the daemon to start");
    if (operatorKey) {
      // Something to anchor at close.
      const noted = await runCli(["--data", dataDir, "--nats", server.url, "note", "before the stop"]);
      expect(noted.code, noted.stderr).toBe(0);
    }
    server.proc.kill(signal);
    daemon.proc.kill("SIGTERM");
    // The promise is ~10 s (8 s drain + 2 s close); 60 s only proves it does not wait for the server.
    const outcome = await exitsWithin(daemon, 60_000);
    server.proc.kill("SIGCONT");
    expect(outcome, daemon.stderr.slice(-3000)).toBe("exited 0");
  }, 150_000);
});

describe("a one-shot command against a NATS server that stopped answering", () => {
  it("ends with a coded error instead of waiting for the server", async () => {
    const server = await ownServer();
    cleanups.push(() => server.stop());
    const dataDir = await mkdtemp(join(tmpdir(), "capsmith-attack-data-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const first = await runCli(["--data", dataDir, "--nats", server.url, "--json", "note", "while it answers"]);
    expect(first.code, first.stderr).toBe(0);
    server.proc.kill("SIGSTOP");
    // Connecting gives up after 5 s (log_unavailable); the finished command must not then wait on the
    // socket nats.js leaves open to the silent server.
    const run = await runCli(["--data", dataDir, "--nats", server.url, "--json", "note", "while it is stopped"], { timeoutMs: 90_000 });
    server.proc.kill("SIGCONT");
    expect(run.code, `killed after 90 s? stderr: ${run.stderr.slice(-2000)}`).not.toBeNull();
    expect(run.code).not.toBe(0);
    expect(run.json<{ ok: boolean; error: { code: string } }>()).toMatchObject({ ok: false, error: { code: expect.any(String) } });
  }, 150_000);
});
