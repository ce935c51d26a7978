/**
 * An event landing on the capability's subject between `begin` reading the head and appending
 * `InstallStarted` (src/hub/hub-service.ts `startingOver`): nothing of the transaction is written yet,
 * so the install decides again on the newer hub instead of failing on a ConcurrencyError.
 * Real file log, real sandbox health checks.
 */
import { describe, expect, it } from "vitest";
import { subjectFor } from "../../src/events/index.ts";
import type { NewEvent } from "../../src/events/index.ts";
import type { InstallOutcome } from "../../src/hub/hub-service.ts";
import { phaseRecord, racingLog, useHubBed } from "../support/hub-race.ts";
import { GOOD_CODE_V2, makePackage } from "../support/plugin-packages.ts";

const bed = useHubBed("install-start-race");

const started = (e: NewEvent): boolean => e.type === "InstallStarted";
const quarantine = (pluginId: string) => async (): Promise<void> => {
  await bed.log.append([{ type: "PluginQuarantined", subject: subjectFor("plugin", "double_it"), actor: "slo", data: { pluginId, reason: "budget" } } as NewEvent]);
};

async function hubSummary(): Promise<{ active: string | null; activeCount: number; open: number }> {
  const hub = await bed.readModel.state("hub");
  const installs = await bed.readModel.state("installs");
  return {
    active: hub.capabilities["double_it"]?.active ?? null,
    activeCount: Object.values(hub.plugins).filter((p) => p.status === "active").length,
    open: Object.values(installs.transactions).filter((t) => t.outcome === "in_progress").length,
  };
}

describe("an event between begin's head and InstallStarted", () => {
  it("an unrelated quarantine of another version does not fail the install", { timeout: 60_000 }, async () => {
    await bed.service({ ids: "a" }).install(makePackage("1.0.0"), { source: "test" });
    await bed.service({ ids: "b" }).install(makePackage("1.1.0", GOOD_CODE_V2), { source: "test" });
    const raced = bed.service({ ids: "c", log: racingLog(bed.log, { at: started, when: "before", once: true, interfere: quarantine("double_it@1.0.0") }) });
    const outcome = await raced.install(makePackage("1.2.0"), { source: "gap:g1", txId: "tx-honest" });
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true, txId: "tx-honest", pluginId: "double_it@1.2.0", kind: "update" });
    const hub = await bed.readModel.state("hub");
    expect(hub.plugins["double_it@1.0.0"]?.status).toBe("quarantined");
    expect(await hubSummary()).toEqual({ active: "double_it@1.2.0", activeCount: 1, open: 0 });
    expect((await bed.readModel.state("installs")).transactions["tx-honest"]).toMatchObject({ previousActive: "double_it@1.1.0", outcome: "committed" });
  });

  it("a rollback (switchTo) started while another version is quarantined still runs", { timeout: 60_000 }, async () => {
    await bed.service({ ids: "a" }).install(makePackage("1.0.0"), { source: "test" });
    await bed.service({ ids: "b" }).install(makePackage("1.1.0", GOOD_CODE_V2), { source: "test" });
    await bed.service({ ids: "c" }).install(makePackage("1.2.0"), { source: "test" });
    const raced = bed.service({ ids: "d", log: racingLog(bed.log, { at: started, when: "before", once: true, interfere: quarantine("double_it@1.0.0") }) });
    const outcome = await raced.switchTo("double_it", { kind: "rollback", version: "1.1.0", txId: "rollback-q1" });
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true, txId: "rollback-q1", pluginId: "double_it@1.1.0", kind: "rollback" });
    expect(await hubSummary()).toEqual({ active: "double_it@1.1.0", activeCount: 1, open: 0 });
  });

  it("an install of a newer version finishing there makes the decision again: an update from it", { timeout: 60_000 }, async () => {
    await bed.service({ ids: "a" }).install(makePackage("1.0.0"), { source: "test" });
    const other = bed.service({ ids: "o" });
    const raced = bed.service({
      ids: "c",
      log: racingLog(bed.log, { at: started, when: "before", once: true, interfere: async () => void (await other.install(makePackage("1.1.0", GOOD_CODE_V2), { source: "test" })) }),
    });
    const outcome = await raced.install(makePackage("1.2.0"), { source: "gap:g1", txId: "tx-honest" });
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true, pluginId: "double_it@1.2.0", kind: "update" });
    expect((await bed.readModel.state("installs")).transactions["tx-honest"]).toMatchObject({ previousActive: "double_it@1.1.0", outcome: "committed" });
    expect(await hubSummary()).toEqual({ active: "double_it@1.2.0", activeCount: 1, open: 0 });
  });

  it("an install of a newer version finishing there refuses an older one as a downgrade (decided on the newer hub)", { timeout: 60_000 }, async () => {
    await bed.service({ ids: "a" }).install(makePackage("1.0.0"), { source: "test" });
    const other = bed.service({ ids: "o" });
    const raced = bed.service({
      ids: "c",
      log: racingLog(bed.log, { at: started, when: "before", once: true, interfere: async () => void (await other.install(makePackage("1.2.0"), { source: "test" })) }),
    });
    await expect(raced.install(makePackage("1.1.0", GOOD_CODE_V2), { source: "gap:g1", txId: "tx-honest" })).rejects.toMatchObject({ name: "HubError", code: "downgrade_needs_rollback" });
    expect((await bed.readModel.state("installs")).transactions["tx-honest"]).toBeUndefined();
    expect(await hubSummary()).toEqual({ active: "double_it@1.2.0", activeCount: 1, open: 0 });
  });

  it("an activation landing while the install checks the hub is not missed: the older one is refused as a downgrade", { timeout: 60_000 }, async () => {
    await bed.service({ ids: "a" }).install(makePackage("1.0.0"), { source: "test" });
    const other = bed.service({ ids: "o" });
    // 1.2.0 is installed as the raced install reads the capability's head. When that read came after
    // the checks (in begin), the checks had passed 1.1.0 against 1.0.0 and the head already held
    // 1.2.0's activation: 1.1.0 went in over 1.2.0, a downgrade no rollback asked for.
    let raced = false;
    const log = new Proxy(bed.log, {
      get(target, name) {
        const value = Reflect.get(target, name, target) as unknown;
        if (name !== "subjectHead" || typeof value !== "function") return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        return async (...args: unknown[]) => {
          if (!raced) {
            raced = true;
            await other.install(makePackage("1.2.0"), { source: "test" });
          }
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    await expect(bed.service({ ids: "c", log }).install(makePackage("1.1.0", GOOD_CODE_V2), { source: "gap:g1", txId: "tx-honest" })).rejects.toMatchObject({ name: "HubError", code: "downgrade_needs_rollback" });
    expect(raced).toBe(true);
    expect((await bed.readModel.state("installs")).transactions["tx-honest"]).toBeUndefined();
    expect(await hubSummary()).toEqual({ active: "double_it@1.2.0", activeCount: 1, open: 0 });
  });

  it("an install of another version starting there runs beside it: one commits, the other rolls back", { timeout: 90_000 }, async () => {
    await bed.service({ ids: "a" }).install(makePackage("1.0.0"), { source: "test" });
    const signal = (): { wait: Promise<void>; fire: () => void } => {
      let fire!: () => void;
      const wait = new Promise<void>((resolve) => (fire = resolve));
      return { wait, fire };
    };
    const otherStarted = signal();
    const honestStarted = signal();
    // The other install starts in the honest one's window, then waits at its verify record until the
    // honest one has started too: both transactions are open at once.
    const other = bed.service({
      ids: "o",
      log: racingLog(racingLog(bed.log, { at: started, when: "after", once: true, interfere: async () => otherStarted.fire() }), {
        at: phaseRecord("verify"), when: "before", once: true, interfere: () => honestStarted.wait,
      }),
    });
    let otherOutcome: Promise<InstallOutcome> | undefined;
    const honestLog = racingLog(racingLog(bed.log, { at: started, when: "after", interfere: async () => honestStarted.fire() }), {
      at: started, when: "before", once: true,
      interfere: async () => {
        otherOutcome = other.install(makePackage("1.1.0", GOOD_CODE_V2), { source: "test", txId: "tx-other" });
        await otherStarted.wait;
      },
    });
    const outcome = await bed.service({ ids: "c", log: honestLog }).install(makePackage("1.2.0"), { source: "gap:g1", txId: "tx-honest" });
    const second = await otherOutcome!;
    const installs = (await bed.readModel.state("installs")).transactions;
    // Both ran as updates of what was active when each started, side by side.
    expect({ honest: installs["tx-honest"]?.previousActive, other: installs["tx-other"]?.previousActive }).toEqual({ honest: "double_it@1.0.0", other: "double_it@1.0.0" });
    expect(installs["tx-other"]!.startedSeq).toBeLessThan(installs["tx-honest"]!.startedSeq);
    // The first to commit wins; the other's commit conflicts with that activation and rolls back.
    const committed = [outcome, second].filter((o) => o.ok);
    expect(committed.length, JSON.stringify([outcome, second])).toBe(1);
    expect([outcome, second].find((o) => !o.ok)).toMatchObject({ failure: { code: "concurrency_conflict" } });
    expect(await hubSummary()).toEqual({ active: committed[0]!.pluginId, activeCount: 1, open: 0 });
  });

  it("after five conflicts in a row a HubError says so and nothing of the transaction is written", { timeout: 60_000 }, async () => {
    await bed.service({ ids: "a" }).install(makePackage("1.0.0"), { source: "test" });
    await bed.service({ ids: "b" }).install(makePackage("1.1.0", GOOD_CODE_V2), { source: "test" });
    let n = 0;
    const raced = bed.service({
      ids: "c",
      log: racingLog(bed.log, { at: started, when: "before", interfere: async () => {
        n++;
        await bed.log.append([{ type: "PluginQuarantined", subject: subjectFor("plugin", "double_it"), actor: "slo", data: { pluginId: "double_it@1.0.0", reason: `budget ${n}` } } as NewEvent]);
      } }),
    });
    const err = await raced.install(makePackage("1.2.0"), { source: "gap:g1", txId: "tx-honest" }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "HubError", code: "capability_busy", retryable: true });
    expect((err as { nextStep?: string }).nextStep).toMatch(/capsmith events --filter capsmith\.evt\.plugin\.double_it/);
    expect(n).toBe(5);
    expect((await bed.readModel.state("installs")).transactions["tx-honest"]).toBeUndefined();
    expect(await hubSummary()).toEqual({ active: "double_it@1.1.0", activeCount: 1, open: 0 });
  });
});
