/**
 * Attack round 3: an honest install blocked without reusing its id. Each step of an install is
 * appended conditional on the capability's head, and a conflict with an event that is not its own
 * transaction's rolls the install back (hub-service.ts `proceed`). So any event on the capability's
 * subject landing while the install runs, even one no reader counts (a quarantine of a plugin the hub
 * does not know), fails the honest install for good. Real file log, real sandbox health checks;
 * fails on the main it was written against.
 */
import { describe, expect, it } from "vitest";
import { subjectFor } from "../../src/events/index.ts";
import type { NewEvent } from "../../src/events/index.ts";
import { phaseRecord, racingLog, useHubBed } from "../support/hub-race.ts";
import { GOOD_CODE_V2, makePackage } from "../support/plugin-packages.ts";

const bed = useHubBed("install-race");

describe("break: an event on the capability's subject mid-install", () => {
  for (const phase of ["download", "health-check"]) {
    it(`that changes nothing does not fail the honest install (before its ${phase} record)`, { timeout: 60_000 }, async () => {
      await bed.service({ ids: "a" }).install(makePackage("1.0.0"), { source: "test" });
      const raced = bed.service({
        ids: "b",
        log: racingLog(bed.log, {
          at: phaseRecord(phase), when: "before", once: true,
          interfere: async () => {
            await bed.log.append([{ type: "PluginQuarantined", subject: subjectFor("plugin", "double_it"), actor: "slo", data: { pluginId: "double_it@0.0.1", reason: "noise" } } as NewEvent]);
          },
        }),
      });
      const outcome = await raced.install(makePackage("1.1.0", GOOD_CODE_V2), { source: "gap:g1", txId: "tx-honest" });
      expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true, pluginId: "double_it@1.1.0" });
    });
  }
});
