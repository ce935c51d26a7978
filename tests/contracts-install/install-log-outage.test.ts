/**
 * The log failing mid-install (a head read timing out while NATS restarts: retryable
 * `log_unavailable`) does not fail the install for good: the transaction stays in progress under
 * its lease, and once the lease expires `settle` (what a redelivered governor calls) takes it over
 * and commits it — one transaction, no rollback.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import { ALL_EVENTS, EventLogError, openFileLog } from "../../src/events/index.ts";
import type { EventLog, NewEvent } from "../../src/events/index.ts";
import { createHubService } from "../../src/hub/hub-service.ts";
import { createPluginHost } from "../../src/sandbox/index.ts";
import type { PluginHost } from "../../src/sandbox/index.ts";
import { systemClock, uuidIds } from "../../src/platform/index.ts";
import { readModelOf } from "../support/capsmith.ts";
import { checksumVerify, makePackage } from "../support/plugin-packages.ts";

let dir: string | undefined;
let log: EventLog | undefined;
let sandbox: PluginHost | undefined;
afterEach(async () => {
  await sandbox?.close();
  await log?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Fails the first append that records a health-check phase, as a timed-out head read would. */
function outageAtHealthCheck(target: EventLog): EventLog {
  let failed = false;
  return new Proxy(target, {
    get(t, key, receiver) {
      if (key === "append") {
        return (events: NewEvent[], options?: object) => {
          if (!failed && events.some((e) => e.type === "InstallPhaseCompleted" && (e.data as { phase: string }).phase === "health-check")) {
            failed = true;
            return Promise.reject(new EventLogError("log_unavailable", "reading the head of capsmith.evt.plugin.double_it failed: timeout", { retryable: true, nextStep: "retry" }));
          }
          return t.append(events, options);
        };
      }
      const value = Reflect.get(t, key, receiver) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(t) : value;
    },
  });
}

it("an install interrupted by a log outage stays in progress and is finished after its lease, not rolled back", async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-install-outage-"));
  log = await openFileLog({ dir, clock: systemClock, newId: uuidIds, actor: "governor" });
  sandbox = createPluginHost({ workers: 1 });
  const readModel = await readModelOf(log);
  const options = { readModel, sandbox, newId: uuidIds, verify: checksumVerify, tierFor: () => ({ tier: "T1" as const, reasons: ["tests pass"] }), leaseMs: 300 };
  const flaky = createHubService({ ...options, log: outageAtHealthCheck(log) });
  await expect(flaky.install(makePackage("1.0.0"), { source: "test", txId: "tx-1" })).rejects.toMatchObject({ code: "log_unavailable" });
  expect((await flaky.transactions()).transactions["tx-1"]).toMatchObject({ outcome: "in_progress" });

  // The redelivered decision: the same transaction id, on a log that works again.
  const again = createHubService({ ...options, log });
  expect(await again.install(makePackage("1.0.0"), { source: "test", txId: "tx-1" })).toMatchObject({ ok: true, txId: "tx-1", pluginId: "double_it@1.0.0", tier: "T1" });
  const types: string[] = [];
  for await (const e of log.read(ALL_EVENTS)) types.push(e.type);
  expect(types.filter((t) => t === "InstallStarted")).toHaveLength(1);
  expect(types.filter((t) => t === "InstallRolledBack")).toEqual([]);
  expect((await again.state()).capabilities["double_it"]!.active).toBe("double_it@1.0.0");
}, 60_000);
