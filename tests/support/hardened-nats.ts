/**
 * The hardened JetStream setup of docs/operations.md, for tests: a nats-server started from the
 * sample config (deploy/nats/accounts.conf) with the passwords `capsmith keys roles` made, the
 * operator trusting its own key and every role's, and a policy that requires signed events (in each
 * role's data directory, and as a file for --policy). `cli` runs the real binary as a role: that
 * role's NATS user, its data directory, CAPSMITH_SIGN_KEY=role.
 */
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openKeyStore } from "../../src/hub/index.ts";
import type { SigningKey } from "../../src/hub/index.ts";
import { until } from "./daemon-fleet.ts";
import { findNatsServerBinary, freePort } from "./nats-server.ts";
import { runCli } from "./run-cli.ts";
import type { CliRun } from "./run-cli.ts";

const SAMPLE = join(import.meta.dirname, "../../deploy/nats/accounts.conf");
export const ROLES = ["operator", "governor", "synthesizer", "tester", "runner", "gap", "slo"] as const;
export type Role = (typeof ROLES)[number];

export interface HardenedNats {
  /** The temporary directory: keys/<role> (each role's --data), keys/public, nats/, policy.json. */
  readonly work: string;
  readonly port: number;
  /** CAPSMITH_NATS_<ROLE>_PASS → password, as `keys roles` wrote them to keys/nats.env. */
  readonly passwords: Readonly<Record<string, string>>;
  /** A policy file with requireSignedEvents: true. */
  readonly policy: string;
  /** nats://role:password@127.0.0.1:port */
  urlFor(role: string): string;
  password(role: string): string;
  dataDir(role: string): string;
  /** The role's own signing key, from its data directory. */
  key(role: string): Promise<SigningKey>;
  /** The real binary as `role`, with --json; a minute at most. */
  cli(role: string, args: string[], extraEnv?: Record<string, string>): Promise<CliRun>;
  /** Stops the server and removes the directory. */
  close(): Promise<void>;
}

export async function startHardenedNats(prefix = "capsmith-hardened-"): Promise<HardenedNats> {
  const work = await mkdtemp(join(tmpdir(), prefix));
  let server: ChildProcess | undefined;
  try {
    const made = await runCli(["--json", "keys", "roles", "--out", join(work, "keys")]);
    if (made.code !== 0) throw new Error(`keys roles failed: ${made.stdout}${made.stderr}`);
    const passwords: Record<string, string> = Object.fromEntries(
      (await readFile(join(work, "keys", "nats.env"), "utf8")).trim().split("\n").map((l) => l.split("=") as [string, string]),
    );
    const started = await startConfiguredServer(work, passwords);
    server = started.server;
    const port = started.port;
    const password = (role: string): string => passwords[`CAPSMITH_NATS_${role.toUpperCase()}_PASS`]!;
    const urlFor = (role: string): string => `nats://${role}:${password(role)}@127.0.0.1:${port}`;
    const dataDir = (role: string): string => join(work, "keys", role);
    const cli = (role: string, args: string[], extraEnv: Record<string, string> = {}): Promise<CliRun> =>
      runCli(["--nats", urlFor(role), "--data", dataDir(role), "--json", ...args], { env: { CAPSMITH_SIGN_KEY: role, ...extraEnv }, timeoutMs: 60_000 });

    // The operator trusts its own key (self-signed), then every role's public key.
    const self = await cli("operator", ["keys", "trust", "operator"]);
    if (self.code !== 0) throw new Error(`keys trust operator failed: ${self.stdout}${self.stderr}`);
    for (const role of ROLES.filter((r) => r !== "operator")) {
      const trusted = await cli("operator", ["keys", "trust", "--public-key", join(work, "keys", "public", `${role}.json`)]);
      if (trusted.code !== 0) throw new Error(`keys trust ${role} failed: ${trusted.stdout}${trusted.stderr}`);
    }
    // Every role's machine requires signed events: its data directory's policy.json, which each
    // command without --policy reads, and the same in policy.json for commands given --policy.
    const policy = join(work, "policy.json");
    const text = JSON.stringify({ requireSignedEvents: true });
    await writeFile(policy, text);
    for (const role of ROLES) await writeFile(join(dataDir(role), "policy.json"), text);
    const running = server;
    return {
      work, port, passwords, policy, urlFor, password, dataDir, cli,
      key: (role) => openKeyStore(dataDir(role)).load(role),
      async close() {
        await stopServer(running);
        await rm(work, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await stopServer(server);
    await rm(work, { recursive: true, force: true });
    throw err;
  }
}

async function startConfiguredServer(work: string, passwords: Record<string, string>): Promise<{ server: ChildProcess; port: number }> {
  await copyFile(SAMPLE, join(work, "accounts.conf"));
  const port = await freePort();
  const monitor = await freePort();
  const conf = join(work, "server.conf");
  await writeFile(conf, `listen: 127.0.0.1:${port}\nhttp: 127.0.0.1:${monitor}\njetstream { store_dir: "${join(work, "nats")}" }\ninclude ./accounts.conf\n`);
  const proc = spawn(findNatsServerBinary(), ["-c", conf], { env: { ...process.env, ...passwords }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  proc.stderr!.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-8000)));
  try {
    await until(async () => {
      if (proc.exitCode !== null) throw new Error(`nats-server exited:\n${output}`);
      return fetch(`http://127.0.0.1:${monitor}/healthz`).then((r) => r.ok, () => false);
    }, 15_000, "nats-server from the sample config");
  } catch (err) {
    await stopServer(proc);
    throw err;
  }
  return { server: proc, port };
}

async function stopServer(server: ChildProcess | undefined): Promise<void> {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  server.kill("SIGTERM");
  await exited;
}
