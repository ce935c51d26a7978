/**
 * Install steps racing events on the capability's subject: events that change what the install
 * would replace still make its conditional append conflict (src/hub/hub-service.ts `unrelatedHead`).
 * Real file log, real sandbox health checks.
 */
import { describe, expect, it } from "vitest";
import { subjectFor } from "../../src/events/index.ts";
import type { NewEvent } from "../../src/events/index.ts";
import { phaseRecord, racingLog, useHubBed } from "../support/hub-race.ts";
import { GOOD_CODE_V2, makePackage } from "../support/plugin-packages.ts";

const bed = useHubBed("install-race");

describe("an event on the capability's subject mid-install that does change things", () => {
  // The other side of attack round 3's race fix: a conflict is retried only when the new events leave
  // the transaction alone. Quarantining the version in service mid-install changes what the install
  // would replace, so the install still conflicts and rolls back, leaving the quarantine in place.
  it("a quarantine of the active version before the health-check record still fails the install", { timeout: 60_000 }, async () => {
    await bed.service({ ids: "a" }).install(makePackage("1.0.0"), { source: "test" });
    const raced = bed.service({
      ids: "b",
      log: racingLog(bed.log, {
        at: phaseRecord("health-check"), when: "before", once: true,
        interfere: async () => {
          await bed.log.append([{ type: "PluginQuarantined", subject: subjectFor("plugin", "double_it"), actor: "slo", data: { pluginId: "double_it@1.0.0", reason: "budget" } } as NewEvent]);
        },
      }),
    });
    const outcome = await raced.install(makePackage("1.1.0", GOOD_CODE_V2), { source: "gap:g1", txId: "tx-honest" });
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: false, failure: { phase: "health-check", code: "concurrency_conflict" } });
    const state = await bed.readModel.state("hub");
    expect({ active: state.capabilities["double_it"]?.active ?? null, quarantined: state.plugins["double_it@1.0.0"]?.status }).toEqual({ active: null, quarantined: "quarantined" });
  });
});
