/**
 * Messages between the host and a sandbox worker process (newline-delimited JSON over a socket).
 * Plugin values travel as strings: an outcome is `O<json>` (a result) or `E<json>` (a failure:
 * code, message).
 *
 * A worker runs one entry into one isolate at a time. It tells the host when an entry ends: with
 * `result` (the call is over) or `parked` (the call waits on host operations, the thread is free).
 * The host sends a worker new work (`load`, `call`, `op-result`) only while it is not running an
 * entry, so it always knows which call holds the worker's thread and since when.
 *
 * A call and its result, the two messages every call sends, travel packed (`WIRE_PACKING`).
 */
import { travelsRaw } from "./line-channel.ts";
import type { Packing } from "./line-channel.ts";
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
  /** A call's first refusal of a kind, sent when it happens; the host records it only if no result (which counts them all) comes. */
  | { t: "denied"; cid: number; denial: DenialSummary }
  | { t: "stats"; rid: number; rss: number; isolates: number; loaded: number };

/**
 * The two messages of every call, packed (line-channel.ts): their values in a JSON array, in a
 * fixed order, then the raw text after a tab —
 *   `C[cid,key,now,seed,timeoutMs]\t<input>` and
 *   `R[cid,wallMs,cpuMs,heapUsedBytes,heapPeakBytes,logs,denials or null]\t<outcome>`.
 * An array's JSON has no keys to write, read and give the parsed object (V8 builds an object from
 * JSON property by property): the pair costs half the instructions of the object form, both ends
 * together. A text that cannot travel raw sends the message as JSON, as every other message is.
 */
export const WIRE_PACKING: Packing = {
  pack(msg) {
    const m = msg as ToWorker | FromWorker;
    if (m.t === "call" && travelsRaw(m.input)) return "C" + JSON.stringify([m.cid, m.key, m.now, m.seed, m.timeoutMs]) + "\t" + m.input;
    if (m.t === "result" && travelsRaw(m.outcome)) {
      const u = m.usage;
      return "R" + JSON.stringify([m.cid, u.wallMs, u.cpuMs, u.heapUsedBytes, u.heapPeakBytes, m.logs, m.denials ?? null]) + "\t" + m.outcome;
    }
    return undefined;
  },
  unpack(line) {
    const tab = line.indexOf("\t");
    const v = JSON.parse(line.slice(1, tab)) as unknown[];
    const raw = line.slice(tab + 1);
    if (line.startsWith("C")) {
      return { t: "call", cid: v[0], key: v[1], input: raw, now: v[2], seed: v[3], timeoutMs: v[4] } as ToWorker;
    }
    if (line.startsWith("R")) {
      const usage = { wallMs: v[1], cpuMs: v[2], heapUsedBytes: v[3], heapPeakBytes: v[4] } as WireUsage;
      const msg = { t: "result", cid: v[0], outcome: raw, usage, logs: v[5] } as Extract<FromWorker, { t: "result" }>;
      if (v[6] !== null) msg.denials = v[6] as DenialSummary[];
      return msg;
    }
    throw new Error(`a line of an unknown packed message: ${JSON.stringify(line.slice(0, 40))}`);
  },
};
