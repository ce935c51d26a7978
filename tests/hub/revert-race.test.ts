/**
 * A revert racing another writer of the same capability (in the REPL, its own lease watcher taking
 * over an install; elsewhere a daemon's rollback): the revert works its compensations out again from
 * the hub as it is then, so it still ends with the hub as of its point, under one correlation id.
 * Only a writer that keeps changing the capability on every attempt makes it give up, with the
 * retryable `interrupted` error. Real file log, real sandbox health checks.
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
import { readModelOf } from "../support/capsmith.ts";
import { counterIds, steppingClock } from "../support/deterministic.ts";
import { GOOD_CODE_V2, checksumVerify, makePackage } from "../support/plugin-packages.ts";

let dir: string;
let log: EventLog;
let readModel: ReadModel;
let sandbox: PluginHost;

const service = (): HubService =>
  createHubService({ log, readModel, sandbox, newId: counterIds(`tx-${Math.random()}`), verify: (pkg) => checksumVerify(pkg), tierFor: () => ({ tier: "T1", reasons: ["tests pass"] }) });

/** The log as the revert sees it: after each `HubReverted` marker, `interfere` runs first, as another writer would. */
function racing(interfere: () => Promise<void>): EventLog {
  return new Proxy(log, {
    get(target, name) {
      if (name === "append") {
        return async (...args: Parameters<EventLog["append"]>) => {
          const result = await target.append(...args);
          if (args[0].some((e) => e.type === "HubReverted")) await interfere();
          return result;
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
  dir = await mkdtemp(join(tmpdir(), "capsmith-revert-race-"));
  log = await openFileLog({ dir, clock: steppingClock(), newId: counterIds("l"), actor: "governor" });
  readModel = await readModelOf(log);
});
afterEach(async () => {
  await log.close();
  await rm(dir, { recursive: true, force: true });
});

describe("a revert racing another writer", () => {
  it("works the compensations out again and still returns the hub to its point", async () => {
    const hub = service();
    await hub.install(makePackage("1.0.0"), { source: "test" });
    const point = await log.lastSeq();
    await hub.install(makePackage("1.1.0", GOOD_CODE_V2), { source: "test" });
    await hub.install(makePackage("1.2.0", "export default (i) => i.n * 2 + 0;\n"), { source: "test" });
    let raced = 0;
    const result = await revertHub(racing(async () => {
      // Once: between the revert's marker and its compensations, someone rolls the capability back.
      if (raced++ === 0) await service().switchTo("double_it", { kind: "rollback", version: "1.1.0" });
    }), readModel, { untilSeq: point }, counterIds("rv"));

    expect(raced).toBe(2);
    const then = (await readModel.asOf({ untilSeq: point })).states.hub;
    expect(hubView(await readModel.state("hub"))).toEqual(hubView(then));
    const markers: string[] = [];
    for await (const e of log.read(ALL_EVENTS)) if (e.type === "HubReverted") markers.push(e.correlationId!);
    expect(markers).toEqual([result.correlationId, result.correlationId]);
    expect(result.changes).toBeGreaterThan(0);
  });

  it("gives up with the retryable interrupted error when the capability changes on every attempt", async () => {
    const hub = service();
    await hub.install(makePackage("1.0.0"), { source: "test" });
    const point = await log.lastSeq();
    await hub.install(makePackage("1.1.0", GOOD_CODE_V2), { source: "test" });
    let flip = false;
    const err = await revertHub(racing(async () => {
      flip = !flip;
      await service().switchTo("double_it", flip ? { kind: "rollback", version: "1.0.0" } : { kind: "update", version: "1.1.0" });
    }), readModel, { untilSeq: point }, counterIds("rv")).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "interrupted", retryable: true });
  });
});
