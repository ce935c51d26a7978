/**
 * Attack round 3: an honest install blocked without reusing its id. Each step of an install is
 * appended conditional on the capability's head, and a conflict with an event that is not its own
 * transaction's rolls the install back (hub-service.ts `proceed`). So any event on the capability's
 * subject landing while the install runs, even one no reader counts (a quarantine of a plugin the hub
 * does not know), fails the honest install for good. Real file log, real sandbox health checks;
 * fails on the main it was written against.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openFileLog, subjectFor } from "../../src/events/index.ts";
import type { EventLog, NewEvent } from "../../src/events/index.ts";
import { createHubService } from "../../src/hub/hub-service.ts";
import { createPluginHost } from "../../src/sandbox/index.ts";
import type { PluginHost } from "../../src/sandbox/index.ts";
import type { ReadModel } from "../../projections/index.ts";
import { readModelOf } from "../support/capsmith.ts";
import { counterIds, steppingClock } from "../support/deterministic.ts";
import { GOOD_CODE_V2, checksumVerify, makePackage } from "../support/plugin-packages.ts";

let dir: string;
let log: EventLog;
let readModel: ReadModel;
let sandbox: PluginHost;

/** The log as the install sees it: before its first `download` phase record, `interfere` runs once. */
function racingAt(phase: string, interfere: () => Promise<void>): EventLog {
  let done = false;
  return new Proxy(log, {
    get(target, name) {
      if (name === "append") {
        return async (...args: Parameters<EventLog["append"]>) => {
          if (!done && args[0].some((e) => e.type === "InstallPhaseCompleted" && (e.data as { phase: string }).phase === phase)) {
            done = true;
            await interfere();
          }
          return target.append(...args);
        };
      }
      const value = Reflect.get(target, name, target) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

beforeAll(() => {
  sandbox = createPluginHost({ workers: 1 });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-install-race-"));
  log = await openFileLog({ dir, clock: steppingClock(), newId: counterIds("l"), actor: "governor" });
  readModel = await readModelOf(log);
});
afterEach(async () => {
  await log.close();
  await rm(dir, { recursive: true, force: true });
});

describe("break: an event on the capability's subject mid-install", () => {
  for (const phase of ["download", "health-check"]) {
    it(`that changes nothing does not fail the honest install (before its ${phase} record)`, { timeout: 60_000 }, async () => {
      const plain = createHubService({ log, readModel, sandbox, newId: counterIds("a"), verify: (pkg) => checksumVerify(pkg), tierFor: () => ({ tier: "T1", reasons: ["tests pass"] }) });
      await plain.install(makePackage("1.0.0"), { source: "test" });
      const raced = createHubService({
        log: racingAt(phase, async () => {
          await log.append([{ type: "PluginQuarantined", subject: subjectFor("plugin", "double_it"), actor: "slo", data: { pluginId: "double_it@0.0.1", reason: "noise" } } as NewEvent]);
        }),
        readModel, sandbox, newId: counterIds("b"), verify: (pkg) => checksumVerify(pkg), tierFor: () => ({ tier: "T1", reasons: ["tests pass"] }),
      });
      const outcome = await raced.install(makePackage("1.1.0", GOOD_CODE_V2), { source: "gap:g1", txId: "tx-honest" });
      expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true, pluginId: "double_it@1.1.0" });
    });
  }
});
