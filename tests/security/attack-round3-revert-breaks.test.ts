/**
 * Attack round 3 on "a revert raced by another writer decides again" (src/hub/revert.ts). The revert
 * checks for a race only on the subjects of the capabilities it has something to compensate: a
 * writer that lands on ANY OTHER capability after the revert read the hub and before its
 * HubReverted marker is neither reverted nor noticed. The log then says "hub reverted to seq N"
 * after a change it did not undo, and the hub is not the hub as of N. Real file log, real sandbox
 * health checks; fails on the main it was written against.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ALL_EVENTS, openFileLog } from "../../src/events/index.ts";
import type { EventLog } from "../../src/events/index.ts";
import { createHubService } from "../../src/hub/hub-service.ts";
import type { HubService } from "../../src/hub/hub-service.ts";
import { revertHub } from "../../src/hub/revert.ts";
import { createPluginHost } from "../../src/sandbox/index.ts";
import type { PluginHost } from "../../src/sandbox/index.ts";
import { hubView } from "../../projections/index.ts";
import type { ReadModel } from "../../projections/index.ts";
import { pack } from "../hub/fixtures.ts";
import { readModelOf } from "../support/capsmith.ts";
import { counterIds, steppingClock } from "../support/deterministic.ts";
import { GOOD_CODE_V2, checksumVerify, makePackage } from "../support/plugin-packages.ts";

let dir: string;
let log: EventLog;
let readModel: ReadModel;
let sandbox: PluginHost;

const service = (): HubService =>
  createHubService({ log, readModel, sandbox, newId: counterIds(`tx-${Math.random()}`), verify: (pkg) => checksumVerify(pkg), tierFor: () => ({ tier: "T1", reasons: ["tests pass"] }) });

/** The log as the revert sees it: just before its `HubReverted` marker, `interfere` runs once, as another writer would. */
function racingBeforeMarker(interfere: () => Promise<void>): EventLog {
  let done = false;
  return new Proxy(log, {
    get(target, name) {
      if (name === "append") {
        return async (...args: Parameters<EventLog["append"]>) => {
          if (!done && args[0].some((e) => e.type === "HubReverted")) {
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
  dir = await mkdtemp(join(tmpdir(), "capsmith-revert-break-"));
  log = await openFileLog({ dir, clock: steppingClock(), newId: counterIds("l"), actor: "governor" });
  readModel = await readModelOf(log);
});
afterEach(async () => {
  await log.close();
  await rm(dir, { recursive: true, force: true });
});

describe("break: a revert raced on another capability", () => {
  it("does not leave a change made before its marker standing", { timeout: 60_000 }, async () => {
    const hub = service();
    await hub.install(makePackage("1.0.0"), { source: "test" });
    const point = await log.lastSeq();
    await hub.install(makePackage("1.1.0", GOOD_CODE_V2), { source: "test" });
    // Between the revert reading the hub and its marker, another writer installs a capability the
    // revert had nothing to do for (total_cost did not exist at the point, nor when the revert looked).
    await revertHub(racingBeforeMarker(async () => {
      expect(await service().install(pack(), { source: "race" })).toMatchObject({ ok: true });
    }), readModel, { untilSeq: point }, counterIds("rv"));

    let installSeq = 0;
    let markerSeq = 0;
    for await (const e of log.read(ALL_EVENTS)) {
      if (e.type === "InstallCommitted" && (e.data as { pluginId: string }).pluginId === "total_cost@1.0.0") installSeq = e.seq;
      if (e.type === "HubReverted") markerSeq = e.seq;
    }
    expect(installSeq).toBeLessThan(markerSeq); // the race landed before the revert's marker
    const then = (await readModel.asOf({ untilSeq: point })).states.hub;
    expect(hubView(await readModel.state("hub"))).toEqual(hubView(then));
  });
});
