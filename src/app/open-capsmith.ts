/**
 * The composition root: how every process — a CLI command, the REPL, a daemon, a bench, a test —
 * gets capsmith. One config in; out come the log, the policy, one read model, and (for writers) the
 * governed hub, the invoker, the sandbox and whichever agents this process runs.
 */
import { access, mkdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "pino";
import type { AgentRole, Runtime } from "../agents/index.ts";
import type { SynthesisBackend } from "../agents/synthesizer/index.ts";
import type { CapsmithConfig } from "../config/index.ts";
import { openEventLog, snapshotKey, watchLog } from "../events/index.ts";
import type { Clock, EventLog, IdSource } from "../events/index.ts";
import { assertOwnOperatorTrusted, loadDataDirPolicy, loadPolicy, openKeyStore, parsePolicy, roleKeySigner, singleKeySigner, trustRoleKeys } from "../hub/index.ts";
import type { KeyStore, Policy, RoleSigner } from "../hub/index.ts";
import { createFileOnce, systemClock, uuidIds } from "../platform/index.ts";
import type { PluginHost } from "../sandbox/index.ts";
import { fileSnapshotStore, openReadModel } from "../../projections/index.ts";
import { DEFAULT_ANCHOR_EVERY, startAnchorSchedule } from "./anchors.ts";
import type { AnchorSchedule } from "./anchors.ts";
import type { ReadModel } from "../../projections/index.ts";

/** What a process that only reads gets. */
export interface CapsmithReader {
  readonly config: CapsmithConfig;
  readonly logger: Logger;
  readonly log: EventLog;
  readonly policy: Policy;
  /** Where the policy came from: a file, or the defaults. */
  readonly policySource: string;
  readonly readModel: ReadModel;
  readonly keys: KeyStore;
  readonly clock: Clock;
  readonly newId: IdSource;
  /** Stops the agents and the sandbox (draining work in flight), snapshots, closes the log. */
  close(): Promise<void>;
}

/** A process that writes: the reader's parts plus the hub, invoker, sandbox and its agents. */
export interface Capsmith extends CapsmithReader {
  readonly runtime: Runtime;
}

interface CommonAccess {
  logger: Logger;
  /** A policy to use instead of the config's file (a program embedding capsmith, tests). */
  policy?: Policy;
}

export interface ReadAccess extends CommonAccess {
  access: "read";
}

export interface WriteAccess extends CommonAccess {
  access: "write";
  /** Agent roles this process runs (none: a client of agents running elsewhere). */
  roles?: readonly AgentRole[];
  /** Roll back installs a crash left unfinished (processes that govern the hub: governors, operators). */
  recoverInstalls?: boolean;
  synthesisBudgetMs?: number;
  ackWaitMs?: number;
  /** The llm backend to use instead of one made from the config (the REPL's switchable model). */
  llm?: () => SynthesisBackend;
  /** Tests and benches: their own sandbox, clock and ids. */
  sandbox?: PluginHost;
  clock?: Clock;
  newId?: IdSource;
  /** An opened log to use instead of opening one from the config (tests). */
  log?: EventLog;
  /**
   * Anchor the log on a schedule and at close (default: when the process runs agents — daemons,
   * the REPL, `run`, `serve`; a short command leaves it to them and to `audit anchor`).
   */
  anchors?: boolean;
}

export function openCapsmith(config: CapsmithConfig, options: ReadAccess): Promise<CapsmithReader>;
export function openCapsmith(config: CapsmithConfig, options: WriteAccess): Promise<Capsmith>;
export async function openCapsmith(config: CapsmithConfig, options: ReadAccess | WriteAccess): Promise<CapsmithReader | Capsmith> {
  const { logger } = options;
  const write = options.access === "write" ? options : undefined;
  const clock = write?.clock ?? systemClock;
  const newId = write?.newId ?? uuidIds;
  // The policy first: a broken policy file stops the command before anything is opened.
  const { policy, policySource } = options.policy ? { policy: options.policy, policySource: "given by the caller" } : await policyOf(config, options.access === "write");
  const keys = openKeyStore(config.dataDir);
  // Signing keys: the one CAPSMITH_SIGN_KEY names, else the data directory's role keys (made for an
  // embedded log when signed events are required).
  const signer = write ? await signerFor(keys, config.signKey, { create: policy.requireSignedEvents && !config.nats }) : undefined;
  const sign = signer?.sign;
  const opened = write?.log ?? await openEventLog({
    dataDir: config.dataDir,
    ...(config.nats ? { natsUrl: config.nats.url, ...(config.nats.replicas ? { natsReplicas: config.nats.replicas } : {}) } : {}),
    ...(config.namespace ? { namespace: config.namespace } : {}),
    ...(sign ? { sign } : {}),
    clock, newId, actor: signer?.actor ?? "operator", readOnly: !write, logger,
  });
  const watched = watchLog(opened);
  const log = watched.log;
  let readModel: ReadModel | undefined;
  let runtime: Runtime | undefined;
  let anchors: AnchorSchedule | undefined;
  try {
    readModel = await openReadModel({
      log,
      // Which log this is, stably across processes and copies of the data directory: snapshots
      // made for another log never match, and a backup at another path keeps its own.
      identity: async () => snapshotKey(await log.identity()),
      requireSignedEvents: policy.requireSignedEvents,
      snapshots: fileSnapshotStore(join(config.dataDir, "snapshots")),
      changes: watched.changes,
      logger,
      writer: Boolean(write),
    });
    // The role keys this process signs with are trusted in the log before anything they sign.
    if (signer && signer.keys.length > 1) {
      await trustRoleKeys(log, await readModel.state("keys"), signer.keys);
      assertOwnOperatorTrusted(await readModel.state("keys"), signer.keys, keys.dir);
    }
    if (write) {
      const { startRuntime } = await import("../agents/index.ts");
      runtime = await startRuntime({
        config, log, readModel, policy, logger, clock, newId,
        roles: write.roles ?? [],
        // Recovery writes plugin subjects: only a process signing as a governor or an operator may
        // (a runner's machine, holding the runner key, leaves stranded installs to the governor).
        recoverInstalls: (write.recoverInstalls ?? (write.roles ?? []).includes("governor")) && (signer?.keys.length !== 1 || ["governor", "operator"].includes(signer.actor)),
        ...(write.llm ? { llm: write.llm } : {}),
        ...(write.sandbox ? { sandbox: write.sandbox } : {}),
        ...(write.synthesisBudgetMs ? { synthesisBudgetMs: write.synthesisBudgetMs } : {}),
        ...(write.ackWaitMs ? { ackWaitMs: write.ackWaitMs } : {}),
      });
      // Long-running writers anchor the log on a schedule (when the data directory has an operator key).
      if (write.anchors ?? (write.roles ?? []).length > 0) {
        const changes = readModel;
        anchors = await startAnchorSchedule({
          log, keys, dataDir: config.dataDir, clock, logger, onChange: (listener) => changes.onChange(listener),
          every: config.anchorEvery ?? DEFAULT_ANCHOR_EVERY, onClose: true,
        });
      }
    }
  } catch (err) {
    await readModel?.close().catch(() => undefined);
    if (!write?.log) await opened.close().catch(() => undefined);
    throw err;
  }
  const model = readModel;
  let closing: Promise<void> | undefined;
  const reader: CapsmithReader = {
    config, logger, log, policy, policySource, readModel: model, keys, clock, newId,
    close() {
      closing ??= (async () => {
        try {
          await runtime?.close();
          await anchors?.close();
          await model.close();
        } finally {
          if (!write?.log) await opened.close();
        }
      })();
      return closing;
    },
  };
  return runtime ? { ...reader, runtime } : reader;
}

/**
 * The policy: `--policy FILE`, else `<data>/policy.json`, else the defaults. A data directory that
 * requires signed events keeps requiring them whatever file a command is given: its own policy is a
 * floor no `--policy` lowers (only editing `<data>/policy.json` does), and a new directory is signed
 * by its first command, `--policy` or not.
 */
async function policyOf(config: CapsmithConfig, writing: boolean): Promise<{ policy: Policy; policySource: string }> {
  // A broken --policy file stops the command before anything is written.
  const given = config.policyFile ? await loadPolicy(config.policyFile) : undefined;
  const file = join(config.dataDir, "policy.json");
  // A reader writes nothing: it reads a new directory with the policy its first writer will give it.
  const fresh = !config.nats && (await isNewDataDir(config.dataDir, file));
  if (fresh && writing) await signNewDataDir(config.dataDir, file);
  const unwritten = fresh && !writing;
  const own = unwritten ? NEW_DATA_DIR_POLICY : await loadDataDirPolicy(config.dataDir);
  const ownSource = unwritten ? "a new data directory's policy (signed events required; its first writing command writes policy.json)" : file;
  if (config.policyFile && given) {
    if (!own.requireSignedEvents || given.requireSignedEvents) return { policy: given, policySource: config.policyFile };
    return { policy: { ...given, requireSignedEvents: true }, policySource: `${config.policyFile} (signed events required by ${ownSource})` };
  }
  const exists = unwritten || (await access(file).then(() => true, () => false));
  return { policy: own, policySource: exists ? ownSource : "the defaults (no policy.json)" };
}

/** What signNewDataDir writes into a new embedded data directory. */
const NEW_DATA_DIR_POLICY = parsePolicy({ requireSignedEvents: true });

/** No records in its log (an older capsmith's reading command created events.log empty) and no policy.json. */
async function isNewDataDir(dataDir: string, policyFile: string): Promise<boolean> {
  const records = await stat(join(dataDir, "events.log")).then((s) => s.size > 0, () => false);
  return !records && !(await access(policyFile).then(() => true, () => false));
}

/**
 * Signed by default: a new embedded data directory (no records in its log, no policy.json) gets a
 * policy that requires signed events from its first writing command (a reader before it reads the
 * same policy without writing it), so its role keys are made, trusted and sign everything from the
 * first event on, and unsigned decisions never count. A directory made before keeps its policy (its
 * unsigned history would otherwise vanish from the hub): `capsmith help policy` says how to move it.
 * A NATS deployment signs once its roles have keys (`capsmith keys roles`, docs/operations.md).
 */
async function signNewDataDir(dataDir: string, policyFile: string): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  // Written whole or not at all: a command racing this one never reads it empty.
  await createFileOnce(policyFile, JSON.stringify({ requireSignedEvents: true }, null, 2) + "\n").catch((err: NodeJS.ErrnoException) => {
    if (err.code !== "EEXIST") throw err; // another process made it first: the same file
  });
}

/**
 * `CAPSMITH_SIGN_KEY=NAME` signs every appended event with the key NAME of `<data>/keys`, as its
 * role; without it, the data directory's role keys sign each event with its actor's key.
 */
async function signerFor(keys: KeyStore, name: string | undefined, options: { create: boolean }): Promise<RoleSigner | undefined> {
  if (name) return singleKeySigner(await keys.load(name));
  return roleKeySigner(keys, options);
}
