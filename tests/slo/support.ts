/** A real file log on a clock the test moves, and helpers to write usage and wait for the slo agent. */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { openFileLog, subjectFor, watchLog } from "../../src/events/index.ts";
import type { AnyStoredEvent, EventLog, NewEvent } from "../../src/events/index.ts";
import { waitForEvent } from "../../src/agents/index.ts";
import { counterIds } from "../support/deterministic.ts";

export const silent = pino({ level: "silent" });
export const T0 = Date.parse("2026-02-01T00:00:00.000Z");
export const at = (hour: number, minute = 0): number => T0 + hour * 3_600_000 + minute * 60_000;

export interface ClockLog {
  log: EventLog;
  dir: string;
  /** Moves the clock: the next record appended gets this time. */
  set(ms: number): void;
  clock: { now(): Date };
}

export async function openClockLog(dir?: string): Promise<ClockLog> {
  const where = dir ?? (await mkdtemp(join(tmpdir(), "capsmith-slo-")));
  let now = T0;
  const clock = { now: () => new Date(now) };
  const log = await openFileLog({ dir: where, clock, newId: counterIds(`s${Math.random().toString(36).slice(2, 6)}`), actor: "runner" });
  return { log, dir: where, clock, set: (ms) => (now = ms) };
}

export interface Call {
  ok?: boolean;
  latencyMs?: number;
  cpuMs?: number;
  heapBytes?: number;
  tokens?: number;
  costUsd?: number;
}

/** Appends `n` invocations of a plugin as one record at time `ms`. */
export async function calls(c: ClockLog, pluginId: string, ms: number, n: number, call: Call | ((i: number) => Call) = {}): Promise<number> {
  c.set(ms);
  const capability = pluginId.split("@")[0]!;
  const events: NewEvent[] = [];
  for (let i = 0; i < n; i++) {
    const d = typeof call === "function" ? call(i) : call;
    events.push({
      type: "PluginInvoked", subject: subjectFor("usage", capability),
      data: {
        pluginId, capability, runId: null, ok: d.ok ?? true, errorCode: d.ok === false ? "plugin_error" : null, latencyMs: d.latencyMs ?? 10, cpuMs: d.cpuMs ?? 2, heapBytes: d.heapBytes ?? 1_000_000,
        ...(d.tokens !== undefined ? { tokens: d.tokens } : {}), ...(d.costUsd !== undefined ? { costUsd: d.costUsd } : {}),
      },
    });
  }
  return (await c.log.append(events)).seq;
}

/** Waits for the slo agent's AlertRaised / AlertCleared of `alertId` after `afterSeq`. */
export function alert(log: EventLog, type: "AlertRaised" | "AlertCleared", alertId: string, afterSeq = 0): Promise<AnyStoredEvent> {
  const watched = watchLog(log, { pollMs: 20 });
  return waitForEvent({ log: watched.log, onChange: watched.changes }, "capsmith.evt.alert.>", afterSeq, (e) => e.type === type && (e.data as { alertId: string }).alertId === alertId, { timeoutMs: 15_000 });
}
