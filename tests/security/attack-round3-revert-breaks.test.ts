/**
 * Attack round 3 on "a revert raced by another writer decides again" (src/hub/revert.ts). The revert
 * checks for a race only on the subjects of the capabilities it has something to compensate: a
 * writer that lands on ANY OTHER capability after the revert read the hub and before its
 * HubReverted marker is neither reverted nor noticed. The log then says "hub reverted to seq N"
 * after a change it did not undo, and the hub is not the hub as of N. Real file log, real sandbox
 * health checks; fails on the main it was written against.
 */
import { describe, expect, it } from "vitest";
import { ALL_EVENTS } from "../../src/events/index.ts";
import { revertHub } from "../../src/hub/revert.ts";
import { hubView } from "../../projections/index.ts";
import { pack } from "../hub/fixtures.ts";
import { counterIds } from "../support/deterministic.ts";
import { racingLog, revertMarker, useHubBed } from "../support/hub-race.ts";
import { GOOD_CODE_V2, makePackage } from "../support/plugin-packages.ts";

const bed = useHubBed("revert-break");

describe("break: a revert raced on another capability", () => {
  it("does not leave a change made before its marker standing", { timeout: 60_000 }, async () => {
    const hub = bed.service();
    await hub.install(makePackage("1.0.0"), { source: "test" });
    const point = await bed.log.lastSeq();
    await hub.install(makePackage("1.1.0", GOOD_CODE_V2), { source: "test" });
    // Between the revert reading the hub and its marker, another writer installs a capability the
    // revert had nothing to do for (total_cost did not exist at the point, nor when the revert looked).
    await revertHub(racingLog(bed.log, {
      at: revertMarker, when: "before", once: true,
      interfere: async () => void expect(await bed.service().install(pack(), { source: "race" })).toMatchObject({ ok: true }),
    }), bed.readModel, { untilSeq: point }, counterIds("rv"));

    let installSeq = 0;
    let markerSeq = 0;
    for await (const e of bed.log.read(ALL_EVENTS)) {
      if (e.type === "InstallCommitted" && (e.data as { pluginId: string }).pluginId === "total_cost@1.0.0") installSeq = e.seq;
      if (e.type === "HubReverted") markerSeq = e.seq;
    }
    expect(installSeq).toBeLessThan(markerSeq); // the race landed before the revert's marker
    const then = (await bed.readModel.asOf({ untilSeq: point })).states.hub;
    expect(hubView(await bed.readModel.state("hub"))).toEqual(hubView(then));
  });
});
