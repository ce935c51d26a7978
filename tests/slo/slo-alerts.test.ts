/**
 * Synthetic faults on a real file log with the slo agent running: each alert fires on the fault and
 * clears once it ends, and a plugin that keeps breaking its budget is quarantined (with a rollback
 * requested, when policy says rollback: the governor's to make, tests/slo/slo-rollback.test.ts).
 * Usage events go straight into the log on a clock the test moves (no sandbox needed).
 */
import { rm } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { waitForEvent } from "../../src/agents/index.ts";
import { startAgents } from "../../src/agents/loop/start-agents.ts";
import { createSloAgent } from "../../src/agents/slo-agent.ts";
import type { RunningAgents } from "../../src/agents/loop/start-agents.ts";
import { subjectFor } from "../../src/events/index.ts";
import type { NewEvent } from "../../src/events/index.ts";
import { parsePolicy } from "../../src/hub/index.ts";
import type { PolicyInput } from "../../src/hub/index.ts";
import { readModelOf } from "../support/capsmith.ts";
import { alert, at, calls, openClockLog, silent } from "./support.ts";
import type { ClockLog } from "./support.ts";
import { installEvents } from "../support/hub-events.ts";

let open: { c: ClockLog; agents: RunningAgents }[] = [];
afterEach(async () => {
  for (const { c, agents } of open) {
    await agents.stop();
    await c.log.close();
    await rm(c.dir, { recursive: true, force: true });
  }
  open = [];
});

async function start(policy: PolicyInput = {}): Promise<ClockLog> {
  const c = await openClockLog();
  const agent = createSloAgent({ policy: parsePolicy(policy) });
  const agents = await startAgents(await readModelOf(c.log), [agent], { clock: c.clock, newId: () => "unused", logger: silent }, { ackWaitMs: 10_000 });
  open.push({ c, agents });
  return c;
}

/** 24 hours of healthy traffic: 60 calls an hour (a record of 10 every 10 minutes). */
async function baseline(c: ClockLog, pluginId: string, hours = 24): Promise<number> {
  let seq = 0;
  for (let h = 0; h < hours; h++) for (let m = 0; m < 60; m += 10) seq = await calls(c, pluginId, at(h, m), 10);
  return seq;
}

/** Installs a plugin as far as the hub projection is concerned (events only: no sandbox ran). */
async function installed(c: ClockLog, pluginId: string): Promise<void> {
  const subject = subjectFor("plugin", pluginId.split("@")[0]!);
  await c.log.append(installEvents(pluginId).map((e) => ({ ...e, subject }) as NewEvent));
}

describe("slo alerts from synthetic faults", () => {
  it("raises and clears the burn-rate, latency-regression and cost-anomaly alerts", async () => {
    const c = await start({ slo: { availability: 0.99 } });
    const p = "flaky@1.0.0";
    await baseline(c, p);

    // Error spike: half the calls fail for 10 minutes — every burn-rate rule fires.
    let seq = 0;
    for (let m = 0; m < 10; m++) seq = await calls(c, p, at(24, m), 10, (i) => ({ ok: i % 2 === 0 }));
    const fast = await alert(c.log, "AlertRaised", "burn_fast:flaky@1.0.0");
    expect(fast.subject).toBe("capsmith.evt.alert.flaky");
    expect(fast.actor).toBe("slo");
    expect(fast.data).toMatchObject({ rule: "burn_fast", severity: "page", pluginId: p, capability: "flaky", threshold: 14.4 });
    expect((fast.data as { value: number }).value).toBeGreaterThan(14.4);
    await alert(c.log, "AlertRaised", "burn_slow:flaky@1.0.0");
    await alert(c.log, "AlertRaised", "burn_ticket:flaky@1.0.0");

    // Healthy again: fast clears after 5 good minutes, slow after 30, the ticket after 6 hours.
    const before = seq;
    for (let m = 12; m < 20; m++) seq = await calls(c, p, at(24, m), 10);
    await alert(c.log, "AlertCleared", "burn_fast:flaky@1.0.0", before);
    for (let m = 20; m < 60; m += 5) seq = await calls(c, p, at(24, m), 10);
    await alert(c.log, "AlertCleared", "burn_slow:flaky@1.0.0", before);
    for (let h = 25; h < 32; h++) for (let m = 0; m < 60; m += 10) seq = await calls(c, p, at(h, m), 10);
    await alert(c.log, "AlertCleared", "burn_ticket:flaky@1.0.0", before);

    // Latency regression: p95 10 ms → 100 ms this hour; clears the next hour when it is back.
    for (let m = 0; m < 30; m += 10) seq = await calls(c, p, at(32, m), 10, { latencyMs: 100 });
    const slow = await alert(c.log, "AlertRaised", "latency_regression:flaky@1.0.0", before);
    expect(slow.data).toMatchObject({ rule: "latency_regression", threshold: 1.5 });
    expect((slow.data as { value: number }).value).toBeGreaterThanOrEqual(9);
    for (let m = 0; m < 30; m += 10) seq = await calls(c, p, at(33, m), 10);
    await alert(c.log, "AlertCleared", "latency_regression:flaky@1.0.0", before);

    // Cost anomaly: CPU per successful execution 2 ms → 20 ms; clears when it is back.
    for (let m = 0; m < 30; m += 10) seq = await calls(c, p, at(34, m), 10, { cpuMs: 20 });
    const costly = await alert(c.log, "AlertRaised", "cost_anomaly:flaky@1.0.0", before);
    expect((costly.data as { message: string }).message).toMatch(/CPU ms per successful execution/);
    for (let m = 0; m < 30; m += 10) seq = await calls(c, p, at(35, m), 10);
    await alert(c.log, "AlertCleared", "cost_anomaly:flaky@1.0.0", before);

    // Nothing else fired, and every raise was cleared.
    const raised: string[] = [];
    const cleared: string[] = [];
    for await (const e of c.log.read("capsmith.evt.alert.>")) (e.type === "AlertRaised" ? raised : cleared).push((e.data as { alertId: string }).alertId);
    expect(raised.sort()).toEqual(["burn_fast:flaky@1.0.0", "burn_slow:flaky@1.0.0", "burn_ticket:flaky@1.0.0", "cost_anomaly:flaky@1.0.0", "latency_regression:flaky@1.0.0"]);
    expect(cleared.sort()).toEqual(raised);
  });

  it("flags a plugin that keeps breaking its budget and quarantines it when policy says so", async () => {
    const c = await start({ slo: { budgets: { heavy: { memoryMB: 10 } }, onBreach: { action: "quarantine", consecutiveWindows: 2 } } });
    const p = "heavy@1.0.0";
    await installed(c, p);
    await calls(c, p, at(0, 5), 5, { heapBytes: 20 * 1024 * 1024 });
    await calls(c, p, at(2, 5), 5, { heapBytes: 30 * 1024 * 1024 }); // hour 1 idle: neither breaks nor extends the streak
    const quiet = await calls(c, p, at(3, 0), 1, { heapBytes: 1024 }); // two completed hours over budget → flag and act
    const flag = await alert(c.log, "AlertRaised", "budget_breach:heavy@1.0.0");
    expect(flag.data).toMatchObject({ rule: "budget_breach", action: "quarantine", value: 2, threshold: 2 });
    expect((flag.data as { message: string }).message).toMatch(/peak heap 30 MB > 10 MB/);
    const readModel = await readModelOf(c.log);
    const quarantined = await waitForEvent(readModel, "capsmith.evt.plugin.heavy", quiet, (e) => e.type === "PluginQuarantined", { timeoutMs: 10_000 });
    expect(quarantined.data).toMatchObject({ pluginId: p });
    const state = await readModel.state("hub");
    expect(state.plugins[p]).toMatchObject({ status: "quarantined", tier: "T0" });
    expect(state.capabilities["heavy"]!.active).toBeNull();
    // Within budget in the next completed hour: the flag clears itself.
    await calls(c, p, at(4, 0), 1, { heapBytes: 1024 });
    await alert(c.log, "AlertCleared", "budget_breach:heavy@1.0.0");
  });

  it("asks for a rollback when policy says rollback: it quarantines the active plugin with rollback requested and activates nothing itself", async () => {
    const c = await start({ slo: { budgets: { "slowpoke@2.0.0": { latencyP95Ms: 50 } }, onBreach: { action: "rollback", consecutiveWindows: 1 } } });
    const p = "slowpoke@2.0.0";
    await installed(c, "slowpoke@1.0.0");
    await installed(c, p);
    await calls(c, p, at(0, 1), 20, { latencyMs: 200 });
    const last = await calls(c, p, at(1, 0), 1, { latencyMs: 200 });
    const flag = await alert(c.log, "AlertRaised", "budget_breach:slowpoke@2.0.0");
    expect(flag.data).toMatchObject({ action: "rollback" });
    const readModel = await readModelOf(c.log);
    const quarantined = await waitForEvent(readModel, "capsmith.evt.plugin.slowpoke", last, (e) => e.type === "PluginQuarantined", { timeoutMs: 10_000 });
    expect(quarantined).toMatchObject({ actor: "slo", data: { pluginId: p, rollback: true, reason: expect.stringMatching(/rollback to the previous good version requested/) } });
    // The rollback is a governor's (src/agents/slo-rollback.ts): none runs here, so nothing is activated.
    const after: string[] = [];
    for await (const e of c.log.read("capsmith.evt.plugin.slowpoke", { fromSeq: last + 1 })) after.push(e.type);
    expect(after).toEqual(["PluginQuarantined"]);
    expect((await readModel.state("hub")).capabilities["slowpoke"]!.active).toBeNull();
  });
});
