/**
 * The bed of the activation race tests: a governed hub on a log of `factory` (the file log or a real
 * nats-server), another process's connection to the same log, and a sandbox. `hubWithTwoVersions`
 * installs double_it@1.0.0 (approved by an operator key: T2) and 2.0.0, 2.0.0 active; with
 * `dependent`, also quad_it@1.0.0 (needs double_it ^2.0.0), set to T0 so that no dependent holds
 * 1.0.0 back until it is re-trusted.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import { subjectFor } from "../../src/events/index.ts";
import type { EventLog, NewEvent } from "../../src/events/index.ts";
import { approvalCandidate, approvePlugin, createGovernedHub, generateSigningKey, parsePolicy } from "../../src/hub/index.ts";
import type { HubService, SigningKey } from "../../src/hub/index.ts";
import { createPluginHost } from "../../src/sandbox/index.ts";
import type { PluginHost } from "../../src/sandbox/index.ts";
import type { HubState, InstallsState, ReadModel } from "../../projections/index.ts";
import { readModelOf, TEST_HOST_VERSION } from "./capsmith.ts";
import { counterIds, steppingClock } from "./deterministic.ts";
import type { LogFactory } from "./log-factories.ts";
import { makePackage } from "./plugin-packages.ts";

export const CAP = "double_it";
export const TARGET = "double_it@1.0.0";
export const NEWER = "double_it@2.0.0";
export const DEPENDENT = "quad_it@1.0.0";

export const trust = (key: SigningKey): NewEvent => ({ type: "KeyTrusted", subject: subjectFor("key", key.keyId), actor: "operator", data: { keyId: key.keyId, publicKey: key.publicKey, name: key.name, role: key.role } }) as NewEvent;
export const revoke = (key: SigningKey): NewEvent => ({ type: "KeyRevoked", subject: subjectFor("key", key.keyId), actor: "operator", data: { keyId: key.keyId, reason: "leaked" } }) as NewEvent;
export const tierOf = (pluginId: string, tier: string, capability: string): NewEvent => ({ type: "PluginTierAssigned", subject: subjectFor("plugin", capability), actor: "operator", data: { pluginId, tier, reasons: ["by the operator"] } }) as NewEvent;
/** A call another process made (the runtime records one usage record at every call, src/agents/invoke.ts). */
export const call = (n: number): NewEvent => ({ type: "PluginInvoked", subject: subjectFor("usage", CAP), actor: "operator", data: { pluginId: NEWER, capability: CAP, runId: null, ok: true, errorCode: null, latencyMs: n, cpuMs: 1, heapBytes: 1 } }) as NewEvent;

export interface TwoVersionsBed {
  readonly log: EventLog;
  /** Another process's connection to the same log. */
  readonly other: EventLog;
  readonly readModel: ReadModel;
  /** The operator key that approved 1.0.0 (set by hubWithTwoVersions). */
  readonly approver: SigningKey;
  hubOn(log: EventLog, ids: string): HubService;
  hubNow(): Promise<{ hub: HubState; installs: InstallsState }>;
  hubWithTwoVersions(options?: { dependent?: boolean }): Promise<void>;
}

/** Registers the hooks of one describe block: the sandbox for the block, a fresh log and read model for each test. */
export function useTwoVersionsBed(factory: LogFactory): TwoVersionsBed {
  const policy = parsePolicy({});
  let sandbox: PluginHost;
  let log: EventLog;
  let other: EventLog;
  let readModel: ReadModel;
  let approver: SigningKey;
  beforeAll(async () => {
    await factory.setup();
    sandbox = createPluginHost({ workers: 1 });
  });
  afterAll(async () => {
    await sandbox.close();
    await factory.teardown();
  });
  beforeEach(async () => {
    await factory.reset();
    log = await factory.open({ clock: steppingClock(), newId: counterIds("gov"), actor: "governor" });
    other = await factory.open({ clock: steppingClock(), newId: counterIds("op"), actor: "operator" });
    readModel = await readModelOf(log);
  });
  afterEach(async () => {
    await readModel.close();
    await other.close();
    await log.close();
  });

  const hubOn = (l: EventLog, ids: string): HubService => createGovernedHub({ log: l, readModel, sandbox, policy, hostVersion: TEST_HOST_VERSION, newId: counterIds(ids) });
  return {
    get log() { return log; },
    get other() { return other; },
    get readModel() { return readModel; },
    get approver() { return approver; },
    hubOn,
    hubNow: async () => (await readModel.current(["hub", "installs"])).states,
    async hubWithTwoVersions(options = {}) {
      approver = generateSigningKey("approver", "operator");
      await other.append([trust(approver)]);
      const setup = hubOn(log, "setup");
      expect((await setup.install(makePackage("1.0.0"), { source: "test" })).ok).toBe(true);
      await approvePlugin(other, readModel, { pluginId: TARGET, checksum: (await approvalCandidate(readModel, TARGET)).checksum, pending: false }, approver);
      expect((await setup.install(makePackage("2.0.0"), { source: "test" })).ok).toBe(true);
      if (options.dependent) {
        const quad = makePackage("1.0.0", undefined, { id: DEPENDENT, capability: "quad_it", dependencies: { [CAP]: "^2.0.0" } });
        const dependent = await setup.install({ ...quad, spec: { ...quad.spec, capability: "quad_it" } }, { source: "test" });
        expect(dependent.ok, JSON.stringify(dependent.failure)).toBe(true);
        await other.append([tierOf(DEPENDENT, "T0", "quad_it")]);
      }
      const hub = (await readModel.current(["hub"])).states.hub;
      expect(hub.capabilities[CAP]?.active).toBe(NEWER);
      expect(hub.plugins[TARGET]?.tier).toBe("T2");
    },
  };
}
