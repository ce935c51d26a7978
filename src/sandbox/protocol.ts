/**
 * Messages between the host and a sandbox worker process (newline-delimited JSON over a socket).
 * Plugin values travel as strings: an outcome is `O<json>` (a result) or `E<json>` (a failure:
 * code, message).
 *
 * A worker runs one entry into one isolate at a time. It tells the host when an entry ends: with
 * `result` (the call is over) or `parked` (the call waits on host operations, the thread is free).
 * The host sends a worker new work (`load`, `call`, `op-result`) only while it is not running an
 * entry, so it always knows which call holds the worker's thread and since when.
 */
import type { Profile } from "./types.ts";

/** What a worker needs to build a plugin's isolate. */
export interface WorkerPluginConfig {
  key: string;
  pluginId: string;
  /** The factory script, exactly as the scan read it. */
  factorySource: string;
  profile: Profile;
  net: string[];
  /** Capabilities `host.invoke` may call. */
  dependencies: string[];
  memoryMB: number;
  allowCodegen: boolean;
  maxResultChars: number;
  maxLogLines: number;
  maxLogChars: number;
  maxHostArgChars: number;
  maxHostOpsPerCall: number;
}

export interface WireFailure {
  code: string;
  message: string;
  name?: string;
  stack?: string;
}

export interface WireUsage {
  wallMs: number;
  cpuMs: number;
  heapUsedBytes: number;
  heapPeakBytes: number;
}

/** Why a host operation was refused, in kinds that do not depend on what the plugin asked for. */
export type DenialKind = "dependency" | "profile" | "scheme" | "allowlist" | "address" | "budget";

/** Refusals of one kind within one call, counted; the target and reason are the first one's. */
export interface DenialSummary {
  operation: string;
  kind: DenialKind;
  target: string;
  reason: string;
  count: number;
}

/** The fields that carry JSON text as strings: sent after the line, not escaped into it (line-channel.ts). */
export const RAW_FIELDS = ["input", "outcome", "args"] as const;

export type ToWorker =
  | { t: "load"; rid: number; plugin: WorkerPluginConfig }
  | { t: "unload"; key: string }
  | { t: "call"; cid: number; key: string; input: string; now: number; seed: string; timeoutMs: number }
  | { t: "op-result"; cid: number; opId: number; outcome: string }
  | { t: "cancel"; cid: number }
  | { t: "stats"; rid: number };

export type FromWorker =
  | { t: "ready"; skipPaths: string[] }
  | { t: "loaded"; rid: number; failure?: WireFailure; ms: number; /** The plugin's isolate heap right after the load (its module's data). */ heapBytes?: number }
  | { t: "result"; cid: number; outcome: string; usage: WireUsage; logs: string[]; denials?: DenialSummary[] }
  | { t: "parked"; cid: number }
  | { t: "op"; cid: number; opId: number; op: string; args: string }
  | { t: "stats"; rid: number; rss: number; isolates: number; loaded: number };
