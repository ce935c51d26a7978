/**
 * Install, update, rollback, uninstall and revert as transactions over a real file log, with health
 * checks in the real sandbox; failures injected at every phase, and real processes SIGKILLed at
 * every phase then recovered.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ALL_EVENTS, openFileLog } from "../../src/events/index.ts";
import type { AnyStoredEvent, EventLog } from "../../src/events/index.ts";
import { createHubService } from "../../src/hub/hub-service.ts";
import type { HubService } from "../../src/hub/hub-service.ts";
import { revertHub } from "../../src/hub/revert.ts";
import type { FaultPlan } from "../../src/hub/faults.ts";
import { createPluginHost } from "../../src/sandbox/index.ts";
import type { PluginHost } from "../../src/sandbox/index.ts";
import { hubView, INSTALL_PHASES } from "../../projections/index.ts";
import type { ReadModel } from "../../projections/index.ts";
import { readModelOf } from "../support/capsmith.ts";
import { counterIds, steppingClock } from "../support/deterministic.ts";
import { GOOD_CODE_V2, WRONG_CODE, checksumVerify, makePackage } from "../support/plugin-packages.ts";

let dir: string;
let log: EventLog;
let readModel: ReadModel;
let sandbox: PluginHost;
let opens = 0;

const openLog = () => openFileLog({ dir, clock: steppingClock(), newId: counterIds(`l${++opens}`), actor: "governor" });
const service = (faults: FaultPlan = {}): HubService =>
  createHubService({ log, readModel, sandbox, newId: counterIds(`tx${opens}-${Math.random()}`), verify: (pkg) => checksumVerify(pkg), tierFor: () => ({ tier: "T1", reasons: ["tests pass"] }), faults });

async function events(): Promise<AnyStoredEvent[]> {
  const out: AnyStoredEvent[] = [];
  for await (const e of log.read(ALL_EVENTS)) out.push(e);
  return out;
}

beforeAll(() => {
  sandbox = createPluginHost({ workers: 1 });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-hub-"));
  log = await openLog();
  readModel = await readModelOf(log);
});
afterEach(async () => {
  await log.close();
  await rm(dir, { recursive: true, force: true });
});

describe("install transactions", () => {
  it("installs through all five phases under one correlation id, then updates", async () => {
    const hubService = service();
    const first = await hubService.install(makePackage("1.0.0"), { source: "test" });
    expect(first).toMatchObject({ ok: true, kind: "install", tier: "T1", health: { passed: 3, failed: 0 } });
    const tx = (await hubService.transactions()).transactions[first.txId]!;
    expect(tx.phases.map((p) => p.phase)).toEqual([...INSTALL_PHASES]);
    expect(tx.outcome).toBe("committed");
    const txEvents = (await events()).filter((e) => e.correlationId === first.txId);
    expect(txEvents.map((e) => e.type)).toEqual(["InstallStarted", "InstallPhaseCompleted", "InstallPhaseCompleted", "InstallPhaseCompleted", "InstallPhaseCompleted", "PluginTierAssigned", "PluginActivated", "InstallPhaseCompleted", "InstallCommitted"]);
    // Activation, tier and commit are one record: no reader ever sees the candidate active at T0.
    const activation = txEvents.find((e) => e.type === "PluginActivated")!;
    expect(txEvents.filter((e) => e.seq === activation.seq).map((e) => e.type)).toEqual(["PluginTierAssigned", "PluginActivated", "InstallPhaseCompleted", "InstallCommitted"]);

    const second = await hubService.install(makePackage("1.1.0", GOOD_CODE_V2), { source: "test" });
    expect(second).toMatchObject({ ok: true, kind: "update" });
    const state = await hubService.state();
    expect(state.capabilities["double_it"]!.active).toBe("double_it@1.1.0");
    expect(state.plugins["double_it@1.0.0"]!.status).toBe("inactive");
    expect((await hubService.install(makePackage("1.1.0", GOOD_CODE_V2), { source: "again" })).unchanged).toBe(true);
  });

  it("rolls back an update whose health check fails, keeping the last known-good version active", async () => {
    const hubService = service();
    await hubService.install(makePackage("1.0.0"), { source: "test" });
    const bad = await hubService.install(makePackage("1.1.0", WRONG_CODE), { source: "test" });
    expect(bad).toMatchObject({ ok: false, failure: { phase: "health-check", code: "health_check_failed", restored: "double_it@1.0.0" } });
    const state = await hubService.state();
    expect(state.capabilities["double_it"]!.active).toBe("double_it@1.0.0");
    // Health-checked before activation, the candidate never served: it failed, nothing was rolled back from it.
    expect(state.plugins["double_it@1.1.0"]!.status).toBe("failed");
  });

  it("rejects a tampered package at verify, with an audit event", async () => {
    const hubService = service();
    const pkg = makePackage("1.0.0");
    pkg.code = WRONG_CODE;
    const outcome = await hubService.install(pkg, { source: "test" });
    expect(outcome).toMatchObject({ ok: false, failure: { phase: "verify", code: "preflight_failed", restored: null } });
    expect((await events()).some((e) => e.type === "TamperDetected")).toBe(true);
    // A package whose code is not its manifest's never enters the hub, not even as a failed install.
    const state = await hubService.state();
    expect(state.capabilities["double_it"]?.active ?? null).toBeNull();
    expect(state.plugins["double_it@1.0.0"]).toBeUndefined();
  });

  it("refuses a malformed package before writing anything", async () => {
    await expect(service().install({ format: "capsmith-plugin/v1", manifest: { id: "x" } }, { source: "test" })).rejects.toMatchObject({ code: "invalid_package" });
    expect(await log.lastSeq()).toBe(0);
  });

  it.each(INSTALL_PHASES)("rolls back to the previous version when %s fails", async (phase) => {
    await service().install(makePackage("1.0.0"), { source: "test" });
    const outcome = await service({ fail: phase }).install(makePackage("1.1.0", GOOD_CODE_V2), { source: "test" });
    expect(outcome).toMatchObject({ ok: false, failure: { phase, restored: "double_it@1.0.0" } });
    const state = await service().state();
    expect(state.capabilities["double_it"]!.active).toBe("double_it@1.0.0");
    expect(state.plugins["double_it@1.0.0"]!.status).toBe("active");
    expect(["failed", "rolled_back"]).toContain(state.plugins["double_it@1.1.0"]!.status);
  });
});

describe("crash safety", () => {
  async function installInChild(pkgFile: string, fault: string): Promise<NodeJS.Signals | null> {
    const child = spawn(process.execPath, [join(import.meta.dirname, "../support/install-child.ts"), dir, pkgFile], {
      env: { ...process.env, CAPSMITH_FAULT: fault },
      stdio: ["ignore", "pipe", "inherit"],
    });
    return new Promise((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
  }

  it.each(INSTALL_PHASES)("a process killed at %s leaves a transaction the next start finishes from where it stopped", async (phase) => {
    await service().install(makePackage("1.0.0"), { source: "test" });
    await log.close();
    const pkgFile = join(dir, "update.json");
    await writeFile(pkgFile, JSON.stringify(makePackage("1.1.0", GOOD_CODE_V2)));
    expect(await installInChild(pkgFile, `crash:${phase}`)).toBe("SIGKILL");

    log = await openLog();
    readModel = await readModelOf(log);
    const restarted = service();
    const stranded = await restarted.recover();
    expect(stranded).toHaveLength(1);
    const tx = (await restarted.transactions()).transactions[stranded[0]!]!;
    expect(tx).toMatchObject({ outcome: "committed", tier: "T1" });
    expect(tx.phases.map((p) => p.phase)).toEqual([...INSTALL_PHASES]);
    expect((await restarted.state()).capabilities["double_it"]!.active).toBe("double_it@1.1.0");
    expect((await events()).filter((e) => e.type === "InstallStarted" && e.correlationId === tx.txId)).toHaveLength(1);
    const state = await restarted.state();
    expect(Object.values(state.plugins).filter((p) => p.status === "installing")).toEqual([]);
    expect(await restarted.recover()).toEqual([]);
  });
});

describe("rollback, uninstall and revert", () => {
  it("reverting rolls back a transaction another process is still driving; the driver reports reverted at its next phase", async () => {
    await service().install(makePackage("1.0.0"), { source: "test" });
    const point = await log.lastSeq();
    // A driver held in its health check (its golden cases wait to load) until the revert is done.
    let entered!: () => void;
    let release!: () => void;
    const inHealthCheck = new Promise<void>((resolve) => (entered = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held = new Proxy(sandbox, {
      get(target, name) {
        if (name === "load") return async (...args: Parameters<PluginHost["load"]>) => (entered(), await gate, target.load(...args));
        const value = Reflect.get(target, name, target) as unknown;
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const driver = createHubService({ log, readModel, sandbox: held, newId: counterIds("held-tx"), verify: (pkg) => checksumVerify(pkg), tierFor: () => ({ tier: "T1", reasons: ["tests pass"] }) });
    const installing = driver.install(makePackage("1.1.0", GOOD_CODE_V2), { source: "test" });
    await inHealthCheck;

    const result = await revertHub(log, readModel, { untilSeq: point }, counterIds("rv"));
    expect(result.rolledBack).toHaveLength(1);
    release();
    expect(await installing).toMatchObject({ ok: false, pluginId: "double_it@1.1.0", failure: { code: "reverted", restored: "double_it@1.0.0" } });
    const state = await readModel.state("hub");
    expect(state.capabilities["double_it"]!.active).toBe("double_it@1.0.0");
    expect(state.plugins["double_it@1.1.0"]!.status).toBe("uninstalled");
    expect(Object.values((await readModel.state("installs")).transactions).filter((t) => t.outcome === "in_progress")).toEqual([]);
  });


  it("rolls back to the previous version and to a named one, appending history only", async () => {
    const hubService = service();
    await hubService.install(makePackage("1.0.0"), { source: "test" });
    await hubService.install(makePackage("1.1.0", GOOD_CODE_V2), { source: "test" });
    const before = await log.lastSeq();
    const back = await hubService.switchTo("double_it", { kind: "rollback" });
    expect(back).toMatchObject({ ok: true, kind: "rollback", pluginId: "double_it@1.0.0" });
    expect((await hubService.state()).capabilities["double_it"]!.active).toBe("double_it@1.0.0");
    expect(await log.lastSeq()).toBeGreaterThan(before);
    const forward = await hubService.switchTo("double_it", { kind: "update", version: "1.1.0" });
    expect(forward.ok).toBe(true);
    await expect(hubService.switchTo("double_it", { kind: "rollback", version: "9.9.9" })).rejects.toMatchObject({ code: "unknown_plugin" });
    // Uninstalling the active version activates the newest remaining good one.
    expect(await hubService.uninstall("double_it@1.1.0")).toMatchObject({ wasActive: true, restored: "double_it@1.0.0" });
    const state = await hubService.state();
    expect(state.capabilities["double_it"]!.active).toBe("double_it@1.0.0");
    expect(state.plugins["double_it@1.1.0"]!.status).toBe("uninstalled");
    await expect(hubService.uninstall("double_it@1.1.0")).rejects.toMatchObject({ code: "unknown_plugin" });
  });

  it("reverts every hub change after a point; the hub then equals the hub as of that point", async () => {
    const hubService = service();
    await hubService.install(makePackage("1.0.0"), { source: "test" });
    const point = await log.lastSeq();
    await hubService.install(makePackage("1.1.0", GOOD_CODE_V2), { source: "test" });
    await hubService.install(makePackage("1.2.0", "export default (i) => i.n * 2 + 0;\n"), { source: "test" });
    await hubService.switchTo("double_it", { kind: "rollback", version: "1.1.0" });
    const result = await revertHub(log, readModel, { untilSeq: point }, counterIds("rv"));
    expect(result.changes).toBeGreaterThan(0);
    const then = (await readModel.asOf({ untilSeq: point })).states.hub;
    const now = await readModel.state("hub");
    expect(hubView(now)).toEqual(hubView(then));
    const all = await events();
    expect(all.filter((e) => e.correlationId === result.correlationId).map((e) => e.type)).toContain("HubReverted");
    expect(all.some((e) => e.type === "InstallCommitted" && (e.data as { pluginId: string }).pluginId === "double_it@1.2.0")).toBe(true);
  });
});
