/**
 * A hub on a real file log with a real sandbox for each test, and the log as a writer racing another
 * sees it: tests of installs and reverts that another writer interrupts at a chosen record.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { openFileLog } from "../../src/events/index.ts";
import type { EventLog, NewEvent } from "../../src/events/index.ts";
import { createHubService } from "../../src/hub/hub-service.ts";
import type { HubService } from "../../src/hub/hub-service.ts";
import { createPluginHost } from "../../src/sandbox/index.ts";
import type { PluginHost } from "../../src/sandbox/index.ts";
import type { ReadModel } from "../../projections/index.ts";
import { readModelOf } from "./capsmith.ts";
import { counterIds, steppingClock } from "./deterministic.ts";
import { checksumVerify } from "./plugin-packages.ts";

export interface HubBed {
  readonly log: EventLog;
  readonly readModel: ReadModel;
  readonly sandbox: PluginHost;
  /** A hub service on the bed's read model and sandbox, writing to `log` (the bed's own by default). */
  service(options?: { log?: EventLog; ids?: string }): HubService;
}

/** Registers the hooks: one sandbox for the file, a fresh log directory and read model for each test. */
export function useHubBed(prefix: string): HubBed {
  let dir: string;
  let log: EventLog;
  let readModel: ReadModel;
  let sandbox: PluginHost;
  beforeAll(() => {
    sandbox = createPluginHost({ workers: 1 });
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), `capsmith-${prefix}-`));
    log = await openFileLog({ dir, clock: steppingClock(), newId: counterIds("l"), actor: "governor" });
    readModel = await readModelOf(log);
  });
  afterEach(async () => {
    await log.close();
    await rm(dir, { recursive: true, force: true });
  });
  return {
    get log() { return log; },
    get readModel() { return readModel; },
    get sandbox() { return sandbox; },
    service: (options = {}) =>
      createHubService({ log: options.log ?? log, readModel, sandbox, newId: counterIds(options.ids ?? `tx-${Math.random()}`), verify: (pkg) => checksumVerify(pkg), tierFor: () => ({ tier: "T1", reasons: ["tests pass"] }) }),
  };
}

/**
 * `log` as its writer sees it while another races it: whenever an append holds an event `at` picks,
 * `interfere` runs first (`before`) or once the append landed (`after`); `once` stops after the first.
 */
export function racingLog(log: EventLog, race: { at: (e: NewEvent) => boolean; interfere: () => Promise<void>; when: "before" | "after"; once?: boolean }): EventLog {
  let raced = false;
  return new Proxy(log, {
    get(target, name) {
      if (name === "append") {
        return async (...args: Parameters<EventLog["append"]>) => {
          const hit = !(race.once && raced) && args[0].some(race.at);
          if (hit) raced = true;
          if (hit && race.when === "before") await race.interfere();
          const result = await target.append(...args);
          if (hit && race.when === "after") await race.interfere();
          return result;
        };
      }
      const value = Reflect.get(target, name, target) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Picks the record of an install phase. */
export const phaseRecord = (phase: string) => (e: NewEvent): boolean => e.type === "InstallPhaseCompleted" && (e.data as { phase: string }).phase === phase;
/** Picks a revert's marker. */
export const revertMarker = (e: NewEvent): boolean => e.type === "HubReverted";
