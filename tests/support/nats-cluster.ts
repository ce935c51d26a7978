/**
 * A real three-node nats-server cluster for the reliability suites: one process per node on
 * 127.0.0.1, each with its own client, cluster and monitoring port, server name and temporary store,
 * routes to the other two, JetStream on. Ready once every node answers /healthz and the JetStream
 * meta group has a leader. `stop()` kills every node and removes every store.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findNatsServerBinary, freePort, waitForEndpoint } from "./nats-server.ts";

export interface ClusterNode {
  name: string;
  url: string;
  port: number;
  clusterPort: number;
  monitorPort: number;
  storeDir: string;
  /** Whether its process is running. */
  alive(): boolean;
  /** Kills the node (SIGKILL by default) and waits for the process to end; the store stays. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same ports and store. */
  start(): Promise<void>;
  /** The last lines it printed. */
  output(): string;
}

export interface NatsCluster {
  nodes: ClusterNode[];
  /** Every node's client URL, comma-separated (what capsmith's --nats takes). */
  urls: string;
  stop(): Promise<void>;
}

/**
 * The free ports are picked before the servers bind them, so another test's process may take one
 * first ("address already in use"): then the whole cluster starts again on fresh ports, as
 * startNatsServer does for one server.
 */
export async function startNatsCluster(options: { size?: number; name?: string; readyTimeoutMs?: number } = {}): Promise<NatsCluster> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options);
    } catch (err) {
      if (attempt < 3 && String((err as Error).message).includes("address already in use")) continue;
      throw err;
    }
  }
}

async function startOnce(options: { size?: number; name?: string; readyTimeoutMs?: number }): Promise<NatsCluster> {
  const size = options.size ?? 3;
  const clusterName = options.name ?? "capsmith-test";
  const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;
  const bin = findNatsServerBinary();
  const specs: { name: string; port: number; clusterPort: number; monitorPort: number; storeDir: string }[] = [];
  for (let i = 0; i < size; i++) {
    specs.push({ name: `n${i + 1}`, port: await freePort(), clusterPort: await freePort(), monitorPort: await freePort(), storeDir: await mkdtemp(join(tmpdir(), `capsmith-cluster-n${i + 1}-`)) });
  }
  const nodes = specs.map((spec) => makeNode(bin, clusterName, spec, specs));
  const cluster: NatsCluster = {
    nodes,
    urls: nodes.map((n) => n.url).join(","),
    async stop() {
      await Promise.all(nodes.map((n) => n.kill("SIGKILL")));
      await Promise.all(specs.map((s) => rm(s.storeDir, { recursive: true, force: true })));
    },
  };
  try {
    await Promise.all(nodes.map((n) => n.start()));
    await waitForMetaLeader(nodes, readyTimeoutMs);
  } catch (err) {
    await cluster.stop();
    throw err;
  }
  return cluster;
}

function makeNode(bin: string, clusterName: string, spec: { name: string; port: number; clusterPort: number; monitorPort: number; storeDir: string }, all: readonly { clusterPort: number }[]): ClusterNode {
  const routes = all.filter((o) => o.clusterPort !== spec.clusterPort).map((o) => `nats://127.0.0.1:${o.clusterPort}`).join(",");
  const args = [
    "-js", "-a", "127.0.0.1", "-p", String(spec.port), "-m", String(spec.monitorPort), "-sd", spec.storeDir,
    "-n", spec.name, "--cluster_name", clusterName, "--cluster", `nats://127.0.0.1:${spec.clusterPort}`, "--routes", routes,
  ];
  let child: ChildProcess | undefined;
  let output = "";
  const node: ClusterNode = {
    ...spec,
    url: `nats://127.0.0.1:${spec.port}`,
    alive: () => child !== undefined && child.exitCode === null && child.signalCode === null,
    output: () => output,
    async kill(signal = "SIGKILL") {
      const proc = child;
      child = undefined;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
      proc.kill(signal);
      const timer = setTimeout(() => proc.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
    async start() {
      output = "";
      const proc = spawn(bin, args, { stdio: ["ignore", "pipe", "pipe"] });
      child = proc;
      const collect = (chunk: Buffer): void => {
        output = (output + chunk.toString("utf8")).slice(-8000);
      };
      proc.stdout?.on("data", collect);
      proc.stderr?.on("data", collect);
      // Listening is enough here; JetStream readiness is checked cluster-wide after.
      await waitForEndpoint(proc, spec.monitorPort, "/varz", 15_000, () => output);
    },
  };
  return node;
}


/** Until every node reports the same JetStream meta leader and /healthz is ok on each. */
async function waitForMetaLeader(nodes: readonly ClusterNode[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const leaders = await Promise.all(
      nodes.map(async (n) => {
        try {
          const health = await fetch(`http://127.0.0.1:${n.monitorPort}/healthz`, { signal: AbortSignal.timeout(1_000) });
          if (!health.ok) return undefined;
          const jsz = (await (await fetch(`http://127.0.0.1:${n.monitorPort}/jsz`, { signal: AbortSignal.timeout(1_000) })).json()) as { meta_cluster?: { leader?: string; cluster_size?: number } };
          return jsz.meta_cluster?.leader;
        } catch {
          return undefined;
        }
      }),
    );
    if (leaders[0] && leaders.every((l) => l === leaders[0])) return;
    if (Date.now() > deadline) throw new Error(`no JetStream meta leader after ${timeoutMs} ms (seen ${JSON.stringify(leaders)}):\n${nodes.map((n) => `--- ${n.name}\n${n.output()}`).join("\n")}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
