/**
 * Messages between the host and a sandbox worker process (child_process IPC, JSON). Plugin values
 * travel as strings: an outcome is `O<json>` (a result) or `E<json>` (a failure: code, message).
 */
import type { Profile } from "./types.ts";

/** What a worker needs to build a plugin's isolate. */
export interface WorkerPluginConfig {
  key: string;
  pluginId: string;
  factoryBody: string;
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

export type ToWorker =
  | { t: "load"; rid: number; plugin: WorkerPluginConfig }
  | { t: "unload"; key: string }
  | { t: "call"; cid: number; key: string; input: string; now: number; seed: string; timeoutMs: number }
  | { t: "op-result"; cid: number; opId: number; outcome: string }
  | { t: "stats"; rid: number };

export type FromWorker =
  | { t: "ready" }
  | { t: "loaded"; rid: number; failure?: WireFailure; ms: number }
  | { t: "result"; cid: number; outcome: string; usage: WireUsage; logs: string[] }
  | { t: "op"; cid: number; opId: number; op: string; args: string }
  | { t: "denied"; cid: number; operation: string; target: string; reason: string }
  | { t: "stats"; rid: number; rss: number; isolates: number; loaded: number };
