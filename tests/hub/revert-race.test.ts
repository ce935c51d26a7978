/**
 * A revert racing another writer of the same capability (in the REPL, its own lease watcher taking
 * over an install; elsewhere a daemon's rollback): the revert works its compensations out again from
 * the hub as it is then, so it still ends with the hub as of its point, under one correlation id.
 * Only a writer that keeps changing the capability on every attempt makes it give up, with the
 * retryable `interrupted` error. Real file log, real sandbox health checks.
 */
import { describe, expect, it } from "vitest";
import { ALL_EVENTS } from "../../src/events/index.ts";
import type { EventLog } from "../../src/events/index.ts";
import { revertHub } from "../../src/hub/revert.ts";
import { hubView } from "../../projections/index.ts";
import { counterIds } from "../support/deterministic.ts";
import { racingLog, revertMarker, useHubBed } from "../support/hub-race.ts";
import { GOOD_CODE_V2, makePackage } from "../support/plugin-packages.ts";

const bed = useHubBed("revert-race");
/** The log as the revert sees it: after each `HubReverted` marker, `interfere` runs first, as another writer would. */
const racing = (interfere: () => Promise<void>): EventLog => racingLog(bed.log, { at: revertMarker, when: "after", interfere });

describe("a revert racing another writer", () => {
  it("works the compensations out again and still returns the hub to its point", async () => {
    const hub = bed.service();
    await hub.install(makePackage("1.0.0"), { source: "test" });
    const point = await bed.log.lastSeq();
    await hub.install(makePackage("1.1.0", GOOD_CODE_V2), { source: "test" });
    await hub.install(makePackage("1.2.0", "export default (i) => i.n * 2 + 0;\n"), { source: "test" });
    let raced = 0;
    const result = await revertHub(racing(async () => {
      // Once: between the revert's marker and its compensations, someone rolls the capability back.
      if (raced++ === 0) await bed.service().switchTo("double_it", { kind: "rollback", version: "1.1.0" });
    }), bed.readModel, { untilSeq: point }, counterIds("rv"));

    expect(raced).toBe(2);
    const then = (await bed.readModel.asOf({ untilSeq: point })).states.hub;
    expect(hubView(await bed.readModel.state("hub"))).toEqual(hubView(then));
    const markers: string[] = [];
    for await (const e of bed.log.read(ALL_EVENTS)) if (e.type === "HubReverted") markers.push(e.correlationId!);
    expect(markers).toEqual([result.correlationId, result.correlationId]);
    expect(result.changes).toBeGreaterThan(0);
  });

  it("gives up with the retryable interrupted error when the capability changes on every attempt", async () => {
    const hub = bed.service();
    await hub.install(makePackage("1.0.0"), { source: "test" });
    const point = await bed.log.lastSeq();
    await hub.install(makePackage("1.1.0", GOOD_CODE_V2), { source: "test" });
    let flip = false;
    const err = await revertHub(racing(async () => {
      flip = !flip;
      await bed.service().switchTo("double_it", flip ? { kind: "rollback", version: "1.0.0" } : { kind: "update", version: "1.1.0" });
    }), bed.readModel, { untilSeq: point }, counterIds("rv")).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "interrupted", retryable: true });
  });
});
