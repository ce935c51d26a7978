/**
 * A real `nats-server -js` for integration tests: a free port, a temporary store, readiness by
 * polling the monitoring endpoint. The binary comes from NATS_SERVER_BIN, PATH, or
 * /usr/sbin/nats-server; without one this throws (tests must not skip silently).
 *
 * NATS_URL: when set (and `useEnv` is not false), no server is started and the handle points at
 * that server; `stop()` then leaves it alone and `restart()` throws. Use a server dedicated to
 * tests: suites create and delete the capsmith stream on it.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

export interface NatsServerHandle {
  url: string;
  port: number;
  /** JetStream store directory ("" for an external server). */
  storeDir: string;
  /** Stops the server and removes its store. */
  stop(): Promise<void>;
  /** Stops and starts the server again on the same port with the same store. */
  restart(): Promise<void>;
}

export interface StartNatsServerOptions {
  /** Use NATS_URL when it is set (default true). */
  useEnv?: boolean;
  /** How long to wait for readiness (default 10 s). */
  readyTimeoutMs?: number;
}

const INSTALL_HINT =
  "Install one (Debian/Ubuntu: `sudo apt-get install nats-server`; or download from " +
  "https://github.com/nats-io/nats-server/releases), set NATS_SERVER_BIN to its path, " +
  "or set NATS_URL to a running `nats-server -js` dedicated to tests.";

export function findNatsServerBinary(): string {
  const fromEnv = process.env["NATS_SERVER_BIN"];
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new Error(`NATS_SERVER_BIN=${fromEnv} is not an executable file. ${INSTALL_HINT}`);
  }
  const dirs = (process.env["PATH"] ?? "").split(delimiter).filter(Boolean);
  for (const candidate of [...dirs.map((d) => join(d, "nats-server")), "/usr/sbin/nats-server", "/usr/local/bin/nats-server"]) {
    if (isExecutable(candidate)) return candidate;
  }
  throw new Error(`nats-server not found (looked at NATS_SERVER_BIN, PATH, /usr/sbin). ${INSTALL_HINT}`);
}

export async function startNatsServer(opts: StartNatsServerOptions = {}): Promise<NatsServerHandle> {
  const external = process.env["NATS_URL"];
  if (external && opts.useEnv !== false) return externalServer(external);

  const bin = findNatsServerBinary();
  const readyTimeoutMs = opts.readyTimeoutMs ?? 10_000;
  const storeDir = await mkdtemp(join(tmpdir(), "capsmith-nats-"));
  // Ports found free can be taken by another test file's server before this one binds them: the
  // first start then tries fresh ones (a restart keeps the ports its clients know).
  let port = 0;
  let monitorPort = 0;
  let args: string[] = [];
  const choosePorts = async (): Promise<void> => {
    port = await freePort();
    monitorPort = await freePort();
    args = ["-js", "-a", "127.0.0.1", "-p", String(port), "-m", String(monitorPort), "-sd", storeDir];
  };
  let child: ChildProcess | undefined;
  let output = "";

  const launch = async (): Promise<void> => {
    output = "";
    const proc = spawn(bin, args, { stdio: ["ignore", "pipe", "pipe"] });
    child = proc;
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString("utf8")).slice(-4000);
    };
    proc.stdout?.on("data", collect);
    proc.stderr?.on("data", collect);
    await waitForEndpoint(proc, monitorPort, "/healthz", readyTimeoutMs, () => output);
  };
  const kill = async (): Promise<void> => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
    proc.kill("SIGTERM");
    // A graceful stop writes the consumers' ack state; on a loaded machine it can take seconds, and
    // a SIGKILL before it is done loses acks (tests that restart would then see redeliveries).
    const timer = setTimeout(() => proc.kill("SIGKILL"), 30_000);
    await exited;
    clearTimeout(timer);
  };

  for (let attempt = 1; ; attempt++) {
    await choosePorts();
    try {
      await launch();
      break;
    } catch (err) {
      await kill();
      if (attempt < 3 && output.includes("address already in use")) continue;
      await rm(storeDir, { recursive: true, force: true });
      throw err;
    }
  }
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir,
    async stop() {
      await kill();
      await rm(storeDir, { recursive: true, force: true });
    },
    async restart() {
      await kill();
      await launch();
    },
  };
}

function externalServer(url: string): NatsServerHandle {
  const port = Number(new URL(url.replace(/^nats:/, "http:")).port || 4222);
  return {
    url,
    port,
    storeDir: "",
    stop: async () => {},
    restart: async () => {
      throw new Error("restart() needs a server started by the tests; unset NATS_URL to run this test");
    },
  };
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Polls a monitoring endpoint until it answers ok, the process dies, or time runs out: `/healthz`
 * (JetStream included) for a lone server, `/varz` (listening) for a cluster node.
 */
export async function waitForEndpoint(proc: ChildProcess, monitorPort: number, path: "/healthz" | "/varz", timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  proc.once("exit", () => {
    exited = true;
  });
  while (Date.now() < deadline) {
    if (exited) throw new Error(`nats-server exited during start-up:\n${output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${monitorPort}${path}`, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`nats-server ${path} not ok after ${timeoutMs} ms:\n${output()}`);
}
