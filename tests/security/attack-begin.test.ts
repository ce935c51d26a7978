/**
 * Attacks on an install's start (src/hub/hub-service.ts `decideInstall`, `decideSwitch`, `begin`,
 * `commit`; src/hub/start-over.ts): a writer holding a plugin-subject key (a stolen governor key),
 * or plain bad luck, landing events at the await points between an install's decision and its
 * `InstallStarted`. Each test fails if a promise breaks:
 * - an install decided again never goes in as a downgrade the hub would have refused, never leaves
 *   two versions active or its own transaction open;
 * - an `InstallStarted` is never appended under a transaction id the log already holds;
 * - a redelivered decision (same txId) is one transaction; one without a txId writes one;
 * - an uninstall decides on the hub as of the head it appends at.
 * Real file log, real sandbox health checks (tests/support/hub-race.ts).
 */
import { describe, expect, it } from "vitest";
import { waitForEvent } from "../../src/agents/index.ts";
import { EventLogError, openEventLog, subjectFor } from "../../src/events/index.ts";
import type { EventLog, NewEvent } from "../../src/events/index.ts";
import { createHubService } from "../../src/hub/hub-service.ts";
import { parsePolicy, singleKeySigner } from "../../src/hub/index.ts";
import { uuidIds } from "../../src/platform/index.ts";
import { breach, deploy, trackProcesses } from "../slo/rollback-processes.ts";
import { openTestCapsmith } from "../support/capsmith.ts";
import type { InstallOutcome } from "../../src/hub/hub-service.ts";
import { counterIds, steppingClock } from "../support/deterministic.ts";
import { racingLog, useHubBed } from "../support/hub-race.ts";
import { checksumVerify, GOOD_CODE_V2, makePackage } from "../support/plugin-packages.ts";

const bed = useHubBed("attack-begin");
const SUBJECT = subjectFor("plugin", "double_it");

const started = (e: NewEvent): boolean => e.type === "InstallStarted";

/** An `InstallStarted` as a thief of the governor key writes it: `txId` for a package of its own. */
const squat = (txId: string, capability = "double_it", pluginId = `${capability}@9.9.9`): NewEvent =>
  ({
    type: "InstallStarted",
    subject: subjectFor("plugin", capability),
    actor: "governor",
    data: { txId, kind: "install", pluginId, capability, version: pluginId.split("@")[1], package: { forged: true }, previousActive: null, source: "forged" },
  }) as NewEvent;

const quarantine = (pluginId: string): NewEvent => ({ type: "PluginQuarantined", subject: SUBJECT, actor: "slo", data: { pluginId, reason: "budget" } }) as NewEvent;

async function hubSummary(): Promise<{ active: string | null; activeCount: number }> {
  const hub = await bed.readModel.state("hub");
  return {
    active: hub.capabilities["double_it"]?.active ?? null,
    activeCount: Object.values(hub.plugins).filter((p) => p.status === "active").length,
  };
}

/** The transactions of double_it's plugins (a squatter's forged one names its own plugin). */
async function honestTransactions(): Promise<{ txId: string; pluginId: string; outcome: string }[]> {
  const installs = await bed.readModel.state("installs");
  return Object.values(installs.transactions)
    .filter((t) => t.pluginId.startsWith("double_it@") && t.pluginId !== "double_it@9.9.9")
    .map((t) => ({ txId: t.txId, pluginId: t.pluginId, outcome: t.outcome }));
}

/** How many `InstallStarted` records of `pluginId` the log holds on double_it's subject. */
async function startsOf(log: EventLog, pluginId: string): Promise<number> {
  let n = 0;
  for await (const e of log.read(SUBJECT)) if (e.type === "InstallStarted" && (e.data as { pluginId: string }).pluginId === pluginId) n++;
  return n;
}

describe("breaks: the id squatted as the install starts", () => {
  // BREAK (fixed): `begin` found its id taken by another package (a squatter's InstallStarted under
  // the honest txId) and went on under the next derived id by calling `begin` again WITHOUT the head
  // the checks were made under: it read the head afresh. A newer version activated in the same
  // window then did not conflict, and 1.1.0, checked as an update of 1.0.0, went in over 1.2.0: a
  // downgrade the hub refuses (`downgrade_needs_rollback`) and nobody asked for.
  it("a squat plus a newer activation before InstallStarted does not let an older version in", { timeout: 90_000 }, async () => {
    await bed.service({ ids: "a" }).install(makePackage("1.0.0"), { source: "test" });
    const other = bed.service({ ids: "o" });
    const raced = bed.service({
      ids: "c",
      log: racingLog(bed.log, {
        at: started, when: "before", once: true,
        interfere: async () => {
          await other.install(makePackage("1.2.0"), { source: "test" }); // bad luck: an honest newer install
          await bed.log.append([squat("tx-honest")]); // the thief takes the honest id
        },
      }),
    });
    const result = await raced.install(makePackage("1.1.0", GOOD_CODE_V2), { source: "gap:g1", txId: "tx-honest" }).catch((e: unknown) => e);
    expect(result).toMatchObject({ name: "HubError", code: "downgrade_needs_rollback" });
    expect(await startsOf(bed.log, "double_it@1.1.0")).toBe(0);
    expect(await hubSummary()).toEqual({ active: "double_it@1.2.0", activeCount: 1 });
  });

  // BREAK (fixed): the squat on ANOTHER capability's subject, plus any side event on double_it's.
  // `commit` treated the conflict of the honest InstallStarted like a running step's: the log held a
  // transaction under the id (the squatter's), so it stepped over the quarantine "of no concern to
  // it" and appended the honest InstallStarted under an id the log already held. The installs view
  // keeps the first holder: the honest install ran as the squatter's transaction (its phases credited
  // to the forged one), its own transaction was never recorded, and the forged one stayed open.
  it("a squat on another subject plus a side event never gets InstallStarted appended under a held id", { timeout: 90_000 }, async () => {
    await bed.service({ ids: "a" }).install(makePackage("1.0.0"), { source: "test" });
    await bed.service({ ids: "b" }).install(makePackage("1.1.0", GOOD_CODE_V2), { source: "test" });
    const raced = bed.service({
      ids: "c",
      log: racingLog(bed.log, {
        at: started, when: "before", once: true,
        interfere: async () => {
          await bed.log.append([squat("tx-honest", "other_cap")]);
          await bed.log.append([quarantine("double_it@1.0.0")]);
        },
      }),
    });
    const outcome = await raced.install(makePackage("1.2.0"), { source: "gap:g1", txId: "tx-honest" });
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true, pluginId: "double_it@1.2.0" });
    expect(outcome.txId).not.toBe("tx-honest");
    const installs = (await bed.readModel.state("installs")).transactions;
    expect(installs[outcome.txId]).toMatchObject({ pluginId: "double_it@1.2.0", outcome: "committed" });
    expect(installs["tx-honest"]).toMatchObject({ pluginId: "other_cap@9.9.9", phases: [] });
    expect(await startsOf(bed.log, "double_it@1.2.0")).toBe(1);
    expect(await hubSummary()).toEqual({ active: "double_it@1.2.0", activeCount: 1 });
  });

  // BREAK (fixed): the squat on another capability's subject alone, between begin's look and its
  // append: the append is conditional on double_it's head only, so it landed, under an id the log
  // already held. Every reader keeps the id for the squatter's transaction: the honest install ran
  // and activated as no transaction of its own (its phases credited to the forged one, which stayed
  // open). `begin` now checks its InstallStarted started the transaction, else decides again.
  it.each([
    { given: undefined, drawn: "c-000001" },
    { given: "tx-honest", drawn: "tx-honest" },
  ])("a squat on another subject of the id as the install starts (txId $given) leaves it a transaction of its own", { timeout: 90_000 }, async ({ given, drawn }) => {
    await bed.service({ ids: "a" }).install(makePackage("1.0.0"), { source: "test" });
    // The drawn id is guessable here (a counter); the squatter takes it first.
    const raced = bed.service({
      ids: "c",
      log: racingLog(bed.log, { at: started, when: "before", once: true, interfere: async () => void (await bed.log.append([squat(drawn, "other_cap")])) }),
    });
    const outcome = await raced.install(makePackage("1.1.0", GOOD_CODE_V2), { source: "test", ...(given ? { txId: given } : {}) });
    expect(outcome).toMatchObject({ ok: true, pluginId: "double_it@1.1.0" });
    const installs = (await bed.readModel.state("installs")).transactions;
    expect(installs[outcome.txId]).toMatchObject({ pluginId: "double_it@1.1.0", outcome: "committed" });
    expect(installs[drawn]).toMatchObject({ pluginId: "other_cap@9.9.9", phases: [] });
    expect(await hubSummary()).toEqual({ active: "double_it@1.1.0", activeCount: 1 });
    if (given) {
      // Its redelivery derives the same id and finds its one transaction: no other start.
      const starts = await startsOf(bed.log, "double_it@1.1.0");
      expect(await bed.service({ ids: "r" }).install(makePackage("1.1.0", GOOD_CODE_V2), { source: "test", txId: given })).toMatchObject({ ok: true, txId: outcome.txId });
      expect(await startsOf(bed.log, "double_it@1.1.0")).toBe(starts);
    }
  });
});

describe("breaks: a squat at every start", () => {
  // BREAK (fixed): a squatter taking, at each start, the very id the install is about to append
  // under (derived ids are predictable): `begin` went on to the next id by calling itself, an attempt
  // start-over.ts never counted, so the install kept starting over for as long as the squatter kept
  // up (here 50 times, then it installed) instead of giving up after five with capability_busy. An id
  // taken as the install starts is now a start-over like any other conflict.
  it("a squat of each id as it is about to be used counts as a conflict: capability_busy after five", { timeout: 90_000 }, async () => {
    await bed.service({ ids: "a" }).install(makePackage("1.0.0"), { source: "test" });
    let n = 0;
    const raced = new Proxy(bed.log, {
      get(target, name) {
        const value = Reflect.get(target, name, target) as unknown;
        if (typeof value !== "function") return value;
        if (name !== "append") return (value as (...a: unknown[]) => unknown).bind(target);
        return async (...args: Parameters<EventLog["append"]>) => {
          const start = args[0].find(started);
          if (start && n < 50) {
            n++;
            await target.append([squat((start.data as { txId: string }).txId)]);
          }
          return target.append(...args);
        };
      },
    });
    const result = await bed.service({ ids: "c", log: raced }).install(makePackage("1.1.0", GOOD_CODE_V2), { source: "gap:g1", txId: "tx-honest" }).catch((e: unknown) => e);
    expect(result).toMatchObject({ name: "HubError", code: "capability_busy", retryable: true });
    expect(n).toBe(5);
    expect(await startsOf(bed.log, "double_it@1.1.0")).toBe(0);
    expect(await hubSummary()).toEqual({ active: "double_it@1.0.0", activeCount: 1 });
  });
});

describe("breaks: an update decided again", () => {
  // BREAK (fixed): an update (switchTo kind "update", as `plugin update` runs it with the newest
  // version it saw) whose start conflicted with a newer version's install decided again and found
  // nothing to refuse: decideSwitch never compared an update's target with the active version, so
  // 1.1.0 went in over 1.2.0 labelled an update, the downgrade an install of 1.1.0 is refused for
  // (`downgrade_needs_rollback`). An update to a version older than the active one is now refused.
  it("a newer version installed as an update starts makes the update a refused downgrade", { timeout: 90_000 }, async () => {
    await bed.service({ ids: "a" }).install(makePackage("1.0.0"), { source: "test" });
    await bed.service({ ids: "b" }).install(makePackage("1.1.0", GOOD_CODE_V2), { source: "test" });
    await bed.service({ ids: "r" }).switchTo("double_it", { kind: "rollback", version: "1.0.0" });
    const other = bed.service({ ids: "o" });
    const raced = bed.service({ ids: "c", log: racingLog(bed.log, { at: started, when: "before", once: true, interfere: async () => void (await other.install(makePackage("1.2.0"), { source: "test" })) }) });
    await expect(raced.switchTo("double_it", { kind: "update", version: "1.1.0" })).rejects.toMatchObject({ name: "HubError", code: "downgrade_needs_rollback" });
    expect(await hubSummary()).toEqual({ active: "double_it@1.2.0", activeCount: 1 });
  });
});

describe("breaks: uninstall", () => {
  // BREAK (fixed): uninstall read the hub, THEN the head it appends at. A rollback activating the
  // version being uninstalled in between did not conflict, and the uninstall, having decided it was
  // not the active one, took the capability out of service with no successor (1.0.0 stayed good and
  // unused). The same stale-check race the install's head-before-state closed; an uninstall now
  // reads the head first and decides again on a conflict (start-over.ts).
  it("an activation of the version being uninstalled, landing as it decides, is not missed", { timeout: 90_000 }, async () => {
    await bed.service({ ids: "a" }).install(makePackage("1.0.0"), { source: "test" });
    await bed.service({ ids: "b" }).install(makePackage("1.1.0", GOOD_CODE_V2), { source: "test" });
    await bed.service({ ids: "d" }).install(makePackage("1.2.0"), { source: "test" });
    const other = bed.service({ ids: "o" });
    let raced = false;
    const log = new Proxy(bed.log, {
      get(target, name) {
        const value = Reflect.get(target, name, target) as unknown;
        if (typeof value !== "function") return value;
        if (name !== "subjectHead") return (value as (...a: unknown[]) => unknown).bind(target);
        return async (...args: unknown[]) => {
          if (!raced) {
            raced = true;
            await other.switchTo("double_it", { kind: "rollback", version: "1.1.0" });
          }
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const result = await bed.service({ ids: "c", log }).uninstall("double_it@1.1.0");
    expect(raced).toBe(true);
    expect(result).toMatchObject({ wasActive: true, restored: "double_it@1.0.0" });
    const hub = await bed.readModel.state("hub");
    expect({ active: hub.capabilities["double_it"]?.active ?? null, uninstalled: hub.plugins["double_it@1.1.0"]?.status }).toEqual({ active: "double_it@1.0.0", uninstalled: "uninstalled" });
  });
});

describe("breaks: the successor an uninstall restores", () => {
  // BREAK (fixed): uninstalling the active version restores the newest good one by a rollback
  // decided after the uninstall landed; an operator activating another version as that rollback
  // starts made it conflict and decide again, and it went on and replaced the operator's choice.
  // The successor is now restored only while nothing serves (`whileActive: null`).
  it("an activation landing as the successor's rollback starts is not undone", { timeout: 90_000 }, async () => {
    await bed.service({ ids: "a" }).install(makePackage("0.9.0"), { source: "test" });
    await bed.service({ ids: "b" }).install(makePackage("1.0.0", GOOD_CODE_V2), { source: "test" });
    await bed.service({ ids: "d" }).install(makePackage("1.1.0"), { source: "test" });
    const operator = bed.service({ ids: "o" });
    const raced = bed.service({ ids: "c", log: racingLog(bed.log, { at: started, when: "before", once: true, interfere: async () => void (await operator.switchTo("double_it", { kind: "rollback", version: "0.9.0" })) }) });
    const result = await raced.uninstall("double_it@1.1.0");
    expect(result).toMatchObject({ wasActive: true, restored: null });
    expect(await hubSummary()).toEqual({ active: "double_it@0.9.0", activeCount: 1 });
  });
});

describe("attacks that held", () => {
  it("a redelivery (same txId) finishing in the start-over window is one transaction, its outcome returned", { timeout: 90_000 }, async () => {
    await bed.service({ ids: "a" }).install(makePackage("1.0.0"), { source: "test" });
    const redelivery = bed.service({ ids: "r" });
    let second: InstallOutcome | undefined;
    const raced = bed.service({
      ids: "c",
      log: racingLog(bed.log, { at: started, when: "before", once: true, interfere: async () => void (second = await redelivery.install(makePackage("1.1.0", GOOD_CODE_V2), { source: "gap:g1", txId: "tx-honest" })) }),
    });
    const first = await raced.install(makePackage("1.1.0", GOOD_CODE_V2), { source: "gap:g1", txId: "tx-honest" });
    expect(first).toMatchObject({ ok: true, txId: "tx-honest" });
    expect(second).toMatchObject({ ok: true, txId: "tx-honest" });
    expect(await startsOf(bed.log, "double_it@1.1.0")).toBe(1);
    expect(await honestTransactions()).toEqual([
      { txId: "a-000001", pluginId: "double_it@1.0.0", outcome: "committed" },
      { txId: "tx-honest", pluginId: "double_it@1.1.0", outcome: "committed" },
    ]);
  });

  it("a redelivery racing a start-over caused by a side event still finds its one transaction", { timeout: 90_000 }, async () => {
    await bed.service({ ids: "a" }).install(makePackage("1.0.0"), { source: "test" });
    await bed.service({ ids: "b" }).install(makePackage("1.1.0", GOOD_CODE_V2), { source: "test" });
    const redelivery = bed.service({ ids: "r" });
    let second: Promise<InstallOutcome> | undefined;
    const raced = bed.service({
      ids: "c",
      log: racingLog(bed.log, {
        at: started, when: "before", once: true,
        interfere: async () => {
          await bed.log.append([quarantine("double_it@1.0.0")]);
          second = redelivery.install(makePackage("1.2.0"), { source: "gap:g1", txId: "tx-honest" });
        },
      }),
    });
    const first = await raced.install(makePackage("1.2.0"), { source: "gap:g1", txId: "tx-honest" });
    expect([first, await second!].map((o) => ({ ok: o.ok, txId: o.txId }))).toEqual([{ ok: true, txId: "tx-honest" }, { ok: true, txId: "tx-honest" }]);
    expect(await startsOf(bed.log, "double_it@1.2.0")).toBe(1);
    expect(await hubSummary()).toEqual({ active: "double_it@1.2.0", activeCount: 1 });
  });

  it("without a txId each attempt draws a new id, and only the last one writes", { timeout: 90_000 }, async () => {
    await bed.service({ ids: "a" }).install(makePackage("1.0.0"), { source: "test" });
    await bed.service({ ids: "b" }).install(makePackage("1.1.0", GOOD_CODE_V2), { source: "test" });
    let n = 0;
    const raced = bed.service({
      ids: "c",
      log: racingLog(bed.log, { at: started, when: "before", interfere: async () => void (++n < 4 && (await bed.log.append([quarantine("double_it@1.0.0")]))) }),
    });
    const outcome = await raced.install(makePackage("1.2.0"), { source: "test" });
    expect(outcome).toMatchObject({ ok: true, txId: "c-000004" });
    expect(await startsOf(bed.log, "double_it@1.2.0")).toBe(1);
    expect((await honestTransactions()).filter((t) => t.pluginId === "double_it@1.2.0")).toEqual([{ txId: "c-000004", pluginId: "double_it@1.2.0", outcome: "committed" }]);
  });

  it("an uninstall of the rollback's target landing before its InstallStarted: decided again, refused, nothing written", { timeout: 90_000 }, async () => {
    await bed.service({ ids: "a" }).install(makePackage("1.0.0"), { source: "test" });
    await bed.service({ ids: "b" }).install(makePackage("1.1.0", GOOD_CODE_V2), { source: "test" });
    const operator = bed.service({ ids: "o" });
    const raced = bed.service({ ids: "c", log: racingLog(bed.log, { at: started, when: "before", once: true, interfere: async () => void (await operator.uninstall("double_it@1.0.0")) }) });
    await expect(raced.switchTo("double_it", { kind: "rollback", version: "1.0.0", txId: "rollback-q1" })).rejects.toMatchObject({ name: "HubError", code: "unknown_plugin" });
    expect((await bed.readModel.state("installs")).transactions["rollback-q1"]).toBeUndefined();
    expect(await hubSummary()).toEqual({ active: "double_it@1.1.0", activeCount: 1 });
  });

  it("an uninstall of the version the install would replace, landing before its InstallStarted: decided again from the successor", { timeout: 90_000 }, async () => {
    await bed.service({ ids: "a" }).install(makePackage("1.0.0"), { source: "test" });
    await bed.service({ ids: "b" }).install(makePackage("1.1.0", GOOD_CODE_V2), { source: "test" });
    const operator = bed.service({ ids: "o" });
    const raced = bed.service({ ids: "c", log: racingLog(bed.log, { at: started, when: "before", once: true, interfere: async () => void (await operator.uninstall("double_it@1.1.0")) }) });
    const outcome = await raced.install(makePackage("1.2.0"), { source: "gap:g1", txId: "tx-honest" });
    expect(outcome).toMatchObject({ ok: true, txId: "tx-honest", kind: "update" });
    expect((await bed.readModel.state("installs")).transactions["tx-honest"]).toMatchObject({ previousActive: "double_it@1.0.0", outcome: "committed" });
    expect(await hubSummary()).toEqual({ active: "double_it@1.2.0", activeCount: 1 });
  });

  it("a rollback raced by a newer install finishing: decided again from it, one active, none open", { timeout: 90_000 }, async () => {
    await bed.service({ ids: "a" }).install(makePackage("1.0.0"), { source: "test" });
    await bed.service({ ids: "b" }).install(makePackage("1.1.0", GOOD_CODE_V2), { source: "test" });
    const other = bed.service({ ids: "o" });
    const raced = bed.service({ ids: "c", log: racingLog(bed.log, { at: started, when: "before", once: true, interfere: async () => void (await other.install(makePackage("1.2.0"), { source: "test" })) }) });
    const outcome = await raced.switchTo("double_it", { kind: "rollback", txId: "rollback-q1" });
    // Without a version the target is chosen again on the newer hub: the newest good one older than 1.2.0.
    expect(outcome).toMatchObject({ ok: true, pluginId: "double_it@1.1.0", kind: "rollback" });
    expect((await bed.readModel.state("installs")).transactions["rollback-q1"]).toMatchObject({ previousActive: "double_it@1.2.0", outcome: "committed" });
    expect(await hubSummary()).toEqual({ active: "double_it@1.1.0", activeCount: 1 });
  });

  it("a crash before InstallStarted writes nothing; one after it is finished once by the redelivery", { timeout: 90_000 }, async () => {
    await bed.service({ ids: "a" }).install(makePackage("1.0.0"), { source: "test" });
    const crashing = (when: "before" | "after"): EventLog => racingLog(bed.log, { at: started, when, once: true, interfere: () => Promise.reject(new Error(`crash ${when}`)) });
    const service = (log: EventLog) => createHubService({ log, readModel: bed.readModel, sandbox: bed.sandbox, newId: counterIds("x"), verify: (pkg) => checksumVerify(pkg), tierFor: () => ({ tier: "T1", reasons: [] }), leaseMs: 200 });
    await expect(service(crashing("before")).install(makePackage("1.1.0", GOOD_CODE_V2), { source: "gap:g1", txId: "tx-honest" })).rejects.toThrow("crash before");
    expect((await bed.readModel.state("installs")).transactions["tx-honest"]).toBeUndefined();
    await expect(service(crashing("after")).install(makePackage("1.1.0", GOOD_CODE_V2), { source: "gap:g1", txId: "tx-honest" })).rejects.toThrow("crash after");
    const redelivered = await service(bed.log).install(makePackage("1.1.0", GOOD_CODE_V2), { source: "gap:g1", txId: "tx-honest" });
    expect(redelivered).toMatchObject({ ok: true, txId: "tx-honest" });
    expect(await startsOf(bed.log, "double_it@1.1.0")).toBe(1);
    expect(await hubSummary()).toEqual({ active: "double_it@1.1.0", activeCount: 1 });
  });

  // BREAK (fixed): the log failing as InstallStarted was sent (NATS restarting, its ack lost) after
  // the record landed: `begin` rethrew without marking the transaction paused, so the redelivery,
  // finding it held, waited out the whole lease (30 s by default, an hour here on the log's own
  // clock) as if its owner had died, where a failure one phase later is resumed at once. Fails here by the test's timeout.
  it("a log failure after InstallStarted landed is resumed by the redelivery at once, not after the lease", { timeout: 30_000 }, async () => {
    await bed.service({ ids: "a" }).install(makePackage("1.0.0"), { source: "test" });
    const lost = racingLog(bed.log, { at: started, when: "after", once: true, interfere: () => Promise.reject(new EventLogError("log_unavailable", "the ack was lost", { retryable: true })) });
    const hub = createHubService({ log: lost, readModel: bed.readModel, sandbox: bed.sandbox, newId: counterIds("x"), verify: (pkg) => checksumVerify(pkg), tierFor: () => ({ tier: "T1", reasons: [] }), leaseMs: 3_600_000, clock: steppingClock() });
    await expect(hub.install(makePackage("1.1.0", GOOD_CODE_V2), { source: "gap:g1", txId: "tx-honest" })).rejects.toMatchObject({ code: "log_unavailable" });
    expect((await bed.readModel.state("installs")).transactions["tx-honest"]).toMatchObject({ outcome: "in_progress" });
    const redelivered = await hub.install(makePackage("1.1.0", GOOD_CODE_V2), { source: "gap:g1", txId: "tx-honest" });
    expect(redelivered).toMatchObject({ ok: true, txId: "tx-honest" });
    expect(await startsOf(bed.log, "double_it@1.1.0")).toBe(1);
    expect(await hubSummary()).toEqual({ active: "double_it@1.1.0", activeCount: 1 });
  });

  it("five squats in a row (another package each time) end in capability_busy or the install, never a second one", { timeout: 120_000 }, async () => {
    await bed.service({ ids: "a" }).install(makePackage("1.0.0"), { source: "test" });
    let n = 0;
    const ids = ["tx-honest", "tx-honest/double_it@1.1.0", "tx-honest/double_it@1.1.0/2", "tx-honest/double_it@1.1.0/3", "tx-honest/double_it@1.1.0/4", "tx-honest/double_it@1.1.0/5"];
    const raced = bed.service({ ids: "c", log: racingLog(bed.log, { at: started, when: "before", interfere: async () => void (n < ids.length && (await bed.log.append([squat(ids[n++]!)]))) }) });
    const result = await raced.install(makePackage("1.1.0", GOOD_CODE_V2), { source: "gap:g1", txId: "tx-honest" }).catch((e: unknown) => e);
    expect(await startsOf(bed.log, "double_it@1.1.0")).toBeLessThanOrEqual(1);
    if ((result as InstallOutcome).ok !== undefined) expect(result).toMatchObject({ ok: true, pluginId: "double_it@1.1.0" });
    else expect(result).toMatchObject({ name: "HubError", code: "capability_busy", retryable: true });
    expect((await hubSummary()).activeCount).toBe(1);
  });
});

describe("the governor's slo rollback when its start keeps conflicting", () => {
  const policy = parsePolicy({
    requireSignedEvents: true,
    slo: { budgets: { "double_it@2.0.0": { latencyP95Ms: 50 } }, onBreach: { action: "rollback", consecutiveWindows: 1 } },
  });
  const { opened, logs } = trackProcesses();

  // Held: a stolen slo key quarantining another version (a side event) as each of the rollback's
  // five starts is about to land makes it capability_busy; the reactor rethrows that retryable
  // error, the quarantine is delivered again, and the rollback happens once.
  it("capability_busy on the first delivery: the redelivery rolls back, once", { timeout: 120_000 }, async () => {
    const d = await deploy(policy, opened, ["0.9.0", "1.0.0", "2.0.0"]);
    const thief = await openEventLog({ dataDir: d.operator.dir, sign: singleKeySigner(await d.operator.keys.load("slo")).sign, clock: d.clock, newId: uuidIds, actor: "slo" });
    const governorLog = await openEventLog({ dataDir: d.operator.dir, sign: singleKeySigner(await d.operator.keys.load("governor")).sign, clock: d.clock, newId: uuidIds, actor: "governor" });
    logs.push(thief, governorLog);
    let n = 0;
    const raced = racingLog(governorLog, { at: started, when: "before", interfere: async () => void (++n <= 5 && (await thief.append([{ ...quarantine("double_it@0.9.0"), data: { pluginId: "double_it@0.9.0", reason: `noise ${n}` } } as NewEvent]))) });
    opened.push(await openTestCapsmith({ dir: d.operator.dir, policy, clock: d.clock, roles: ["governor"], config: { signKey: "governor" }, ackWaitMs: 30_000, log: raced }));
    opened.push(await openTestCapsmith({ dir: d.operator.dir, policy, clock: d.clock, roles: ["slo"], config: { signKey: "slo" }, ackWaitMs: 30_000 }));
    const usage = await breach(d, "double_it", "double_it@2.0.0");
    await waitForEvent(d.operator.readModel, SUBJECT, usage.seq, (e) => e.type === "PluginActivated" && (e.data as { pluginId: string }).pluginId === "double_it@1.0.0", { timeoutMs: 60_000 });
    expect(n).toBeGreaterThan(5);
    const rollbacks = Object.values((await d.operator.readModel.state("installs")).transactions).filter((t) => t.kind === "rollback");
    expect(rollbacks.map((t) => ({ pluginId: t.pluginId, outcome: t.outcome, derived: t.txId.startsWith("rollback-") }))).toEqual([{ pluginId: "double_it@1.0.0", outcome: "committed", derived: true }]);
    expect((await d.operator.readModel.state("hub")).capabilities["double_it"]?.active).toBe("double_it@1.0.0");
  });

  // BREAK (fixed): the operator acts first, putting 0.9.0 in service by name as the governor's
  // rollback (to 1.0.0, chosen while nothing was active) is about to start. The start conflicted and
  // was decided again on the newer hub, where nothing checked that nothing served any more (the
  // reactor had checked, before): 1.0.0 replaced the operator's choice. The reactor now asks the hub
  // to roll back only while nothing is active (`whileActive: null`), judged on the hub it starts on.
  it("an operator's activation landing as the rollback starts is not undone by it", { timeout: 120_000 }, async () => {
    const d = await deploy(policy, opened, ["0.9.0", "1.0.0", "2.0.0"]);
    const governorLog = await openEventLog({ dataDir: d.operator.dir, sign: singleKeySigner(await d.operator.keys.load("governor")).sign, clock: d.clock, newId: uuidIds, actor: "governor" });
    logs.push(governorLog);
    let acted = false;
    const raced = racingLog(governorLog, {
      at: started, when: "before", once: true,
      interfere: async () => {
        acted = (await d.operator.runtime.hub.switchTo("double_it", { kind: "rollback", version: "0.9.0" })).ok;
      },
    });
    opened.push(await openTestCapsmith({ dir: d.operator.dir, policy, clock: d.clock, roles: ["governor"], config: { signKey: "governor" }, ackWaitMs: 30_000, log: raced }));
    opened.push(await openTestCapsmith({ dir: d.operator.dir, policy, clock: d.clock, roles: ["slo"], config: { signKey: "slo" }, ackWaitMs: 30_000 }));
    const usage = await breach(d, "double_it", "double_it@2.0.0");
    await waitForEvent(d.operator.readModel, SUBJECT, usage.seq, (e) => e.type === "PluginActivated" && (e.data as { pluginId: string }).pluginId === "double_it@0.9.0", { timeoutMs: 60_000 });
    // Whatever the governor does with the quarantine, 1.0.0 must not replace the operator's choice.
    const settled = await waitForEvent(d.operator.readModel, SUBJECT, usage.seq, (e) => e.type === "PluginActivated" && (e.data as { pluginId: string }).pluginId === "double_it@1.0.0", { timeoutMs: 5_000 }).catch(() => undefined);
    expect(acted).toBe(true);
    expect(settled).toBeUndefined();
    expect((await d.operator.readModel.state("hub")).capabilities["double_it"]?.active).toBe("double_it@0.9.0");
  });

  // BREAK (not fixed: a bound by design): conflicts at every start through all five deliveries (25
  // side events timed to the starts; a stolen slo key may quarantine any version) make the
  // quarantine a dead letter, and nothing answers it after the flood stops: the rollback is lost and
  // the capability stays with none active until an operator acts. Not an escalation for that key (it
  // may quarantine the active version without asking for a rollback, to the same effect), and bad
  // luck does not time 25 events; a longer bound only moves the line. `it.fails` until decided.
  it.fails("conflicts through every delivery lose the rollback to a dead letter", { timeout: 120_000 }, async () => {
    const d = await deploy(policy, opened, ["0.9.0", "1.0.0", "2.0.0"]);
    const thief = await openEventLog({ dataDir: d.operator.dir, sign: singleKeySigner(await d.operator.keys.load("slo")).sign, clock: d.clock, newId: uuidIds, actor: "slo" });
    const governorLog = await openEventLog({ dataDir: d.operator.dir, sign: singleKeySigner(await d.operator.keys.load("governor")).sign, clock: d.clock, newId: uuidIds, actor: "governor" });
    logs.push(thief, governorLog);
    let n = 0;
    const raced = racingLog(governorLog, { at: started, when: "before", interfere: async () => void (++n <= 25 && (await thief.append([{ ...quarantine("double_it@0.9.0"), data: { pluginId: "double_it@0.9.0", reason: `noise ${n}` } } as NewEvent]))) });
    opened.push(await openTestCapsmith({ dir: d.operator.dir, policy, clock: d.clock, roles: ["governor"], config: { signKey: "governor" }, ackWaitMs: 30_000, log: raced }));
    opened.push(await openTestCapsmith({ dir: d.operator.dir, policy, clock: d.clock, roles: ["slo"], config: { signKey: "slo" }, ackWaitMs: 30_000 }));
    const usage = await breach(d, "double_it", "double_it@2.0.0");
    const answer = await waitForEvent(d.operator.readModel, SUBJECT, usage.seq, (e) => e.type === "PluginActivated", { timeoutMs: 20_000 }).catch(() => undefined);
    expect(n).toBe(25);
    expect(answer?.data).toMatchObject({ pluginId: "double_it@1.0.0" });
  });
});
