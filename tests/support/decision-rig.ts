/**
 * A deployment of capsmith processes on one real `nats-server -js` (or, `openRig("file")`, on one
 * embedded file log) for the decision attacks (attack-slo-approvals, attack-decisions): each process
 * its own connection, data directory and read model, on a clock the test sets; and a hub call held by
 * the test, as a daemon stalled there. `openRig` in a test, `closeRig` after each.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AgentContext } from "../../src/agents/loop/context.ts";
import { openFileLog } from "../../src/events/index.ts";
import type { AnyStoredEvent, EventLog, EventSigner } from "../../src/events/index.ts";
import { openNatsLog } from "../../src/events/nats-log.ts";
import type { HubService, Policy } from "../../src/hub/index.ts";
import { uuidIds } from "../../src/platform/index.ts";
import { openTestCapsmith } from "./capsmith.ts";
import type { TestCapsmith } from "./capsmith.ts";
import { startNatsServer } from "./nats-server.ts";
import type { NatsServerHandle } from "./nats-server.ts";
import { T0 } from "../slo/support.ts";

export const DUPLICATE_WINDOW_MS = 1_000;

export interface Rig {
  backend: "nats" | "file";
  clock: { now(): Date; set(ms: number): void };
  opened: TestCapsmith[];
  logs: EventLog[];
  /** A process of the deployment: its own connection, data directory and read model; `roles` its agents. */
  open(policy: Policy, roles?: string[]): Promise<TestCapsmith>;
  /** A connection of its own to the deployment's log, writing as `actor` (signing with `sign`). */
  openLog(options: { actor: string; sign?: EventSigner }): Promise<EventLog>;
}

let rig: Rig | undefined;
let stopBackend: (() => Promise<void>) | undefined;

export async function openRig(backend: Rig["backend"] = "nats"): Promise<Rig> {
  let now = T0;
  const clock = { now: () => new Date(now), set: (ms: number) => (now = ms) };
  const opened: TestCapsmith[] = [];
  const logs: EventLog[] = [];
  let connect: (actor: string, sign?: EventSigner) => Promise<EventLog>;
  if (backend === "nats") {
    const server: NatsServerHandle = await startNatsServer({ useEnv: false });
    stopBackend = () => server.stop();
    connect = (actor, sign) => openNatsLog({ url: server.url, clock, newId: uuidIds, actor, duplicateWindowMs: DUPLICATE_WINDOW_MS, ...(sign ? { sign } : {}) });
  } else {
    const dir = await mkdtemp(join(tmpdir(), "capsmith-decision-rig-"));
    stopBackend = () => rm(dir, { recursive: true, force: true });
    connect = (actor, sign) => openFileLog({ dir, clock, newId: uuidIds, actor, ...(sign ? { sign } : {}) });
  }
  const openLog = async ({ actor, sign }: { actor: string; sign?: EventSigner }): Promise<EventLog> => {
    const log = await connect(actor, sign);
    logs.push(log);
    return log;
  };
  rig = {
    backend, clock, opened, logs, openLog,
    async open(policy, roles = []) {
      const log = await openLog({ actor: "operator" });
      const c = await openTestCapsmith({ policy, clock, roles: roles as never, log, ackWaitMs: 30_000 });
      opened.push(c);
      return c;
    },
  };
  return rig;
}

export async function closeRig(): Promise<void> {
  const r = rig;
  const stop = stopBackend;
  rig = undefined;
  stopBackend = undefined;
  if (!r) return;
  for (const c of r.opened.reverse()) await c.dispose().catch(() => undefined);
  for (const l of r.logs) await l.close().catch(() => undefined);
  await stop?.();
}

/** The deployment opened by this test (for a log of its own on the same server). */
export function currentRig(): Rig {
  if (!rig) throw new Error("no rig open: call openRig first");
  return rig;
}

export const pastDuplicateWindow = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, DUPLICATE_WINDOW_MS + 500));
export const ctxOf = (c: TestCapsmith): AgentContext => c.runtime.agents.ctx;
export const pluginIdOf = (e: AnyStoredEvent): string | undefined => (e.data as { pluginId?: string }).pluginId;

/** `hub` with `method` held until `release()`: a daemon stalled at that step. `reached` says it got there. */
export function stalledAt<K extends "install" | "switchTo">(hub: HubService, method: K): { hub: HubService; reached: () => boolean; release: () => void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let arrived = false;
  const original = hub[method].bind(hub) as (...args: unknown[]) => Promise<never>;
  const held = async (...args: unknown[]): Promise<never> => {
    arrived = true;
    await gate;
    return original(...args);
  };
  return { hub: { ...hub, [method]: held } as HubService, reached: () => arrived, release };
}
