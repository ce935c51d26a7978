/**
 * Attack round 3 on the slo judgement (docs/threat-model.md): a stolen tester, governor or slo key
 * writes failing usage (PluginInvoked, which those roles may record for the calls their processes
 * make) for a healthy active plugin, so that the slo agent finds a budget broken and quarantines it
 * (or, with `rollback`, asks for an older version). Only the runner's and an operator's usage is
 * evidence of production calls (USAGE_EVIDENCE): the plugin must stay active and serving. The same
 * records signed by the runner key still count, so each test fails both ways. A signed data
 * directory on a real file log, the real slo agent, the real sandbox serving the plugin.
 */
import { describe, expect, it } from "vitest";
import { createSloAgent } from "../../src/agents/slo-agent.ts";
import { openEventLog, subjectFor } from "../../src/events/index.ts";
import type { AnyStoredEvent, EventLog, NewEvent } from "../../src/events/index.ts";
import { parsePolicy, singleKeySigner } from "../../src/hub/index.ts";
import type { Policy } from "../../src/hub/index.ts";
import { uuidIds } from "../../src/platform/index.ts";
import { invokeCapability, openTestCapsmith } from "../support/capsmith.ts";
import { deploy, trackProcesses } from "../slo/rollback-processes.ts";
import type { Deployment } from "../slo/rollback-processes.ts";
import { at } from "../slo/support.ts";

const CAP = "double_it";
const ACTIVE = "double_it@2.0.0";

const policyFor = (action: "quarantine" | "rollback"): Policy => parsePolicy({
  requireSignedEvents: true,
  slo: { budgets: { [CAP]: { latencyP95Ms: 50 } }, onBreach: { action, consecutiveWindows: 1 } },
});

const { opened, logs } = trackProcesses();

/** A log writer holding one stolen role key (its signer; that role as the actor unless it claims another). */
async function stolen(d: Deployment, role: string, actor = role): Promise<EventLog> {
  const log = await openEventLog({ dataDir: d.operator.dir, sign: singleKeySigner(await d.operator.keys.load(role)).sign, clock: d.clock, newId: uuidIds, actor });
  logs.push(log);
  return log;
}

/**
 * An hour of calls to the active plugin that all failed on a timeout (1 s, against the 50 ms budget),
 * then one in the next hour, as `log`'s key: a breach of a completed hour if it counts. Returns the last.
 */
async function failingUsage(d: Deployment, log: EventLog): Promise<AnyStoredEvent> {
  const invoked = (ms: number, n: number): NewEvent[] => {
    d.clock.set(ms);
    return Array.from({ length: n }, () => ({
      type: "PluginInvoked", subject: subjectFor("usage", CAP),
      data: { pluginId: ACTIVE, capability: CAP, runId: null, ok: false, errorCode: "timeout", latencyMs: 1_000, cpuMs: 1_000, heapBytes: 1_000_000 },
    }) as NewEvent);
  };
  await log.append(invoked(at(0, 1), 20));
  const { seq } = await log.append(invoked(at(1, 0), 1));
  for await (const e of log.read(subjectFor("usage", CAP), { fromSeq: seq })) return e;
  throw new Error("the last usage event is missing");
}

/** The slo agent's judgement of `usage` (as its daemon would on delivery), then what it decided. */
async function judged(d: Deployment, policy: Policy, usage: AnyStoredEvent): Promise<{ quarantines: AnyStoredEvent[]; alerts: AnyStoredEvent[] }> {
  const slo = await openTestCapsmith({ dir: d.operator.dir, policy, clock: d.clock, roles: [], config: { signKey: "slo" } });
  opened.push(slo);
  await createSloAgent({ policy }).handle(usage, slo.runtime.agents.ctx);
  const read = async (subject: string, type: string): Promise<AnyStoredEvent[]> => {
    const out: AnyStoredEvent[] = [];
    for await (const e of d.operator.log.read(subject)) if (e.type === type) out.push(e);
    return out;
  };
  return { quarantines: await read(subjectFor("plugin", CAP), "PluginQuarantined"), alerts: await read(subjectFor("alert", CAP), "AlertRaised") };
}

describe("attack: forged usage does not drive an slo quarantine", () => {
  for (const action of ["quarantine", "rollback"] as const) {
    for (const role of ["tester", "governor", "slo"]) {
      it(`a ${role} key's failing usage leaves the healthy active plugin serving (onBreach ${action})`, async () => {
        const policy = policyFor(action);
        const d = await deploy(policy, opened, ["1.0.0", "2.0.0"]);
        const usage = await failingUsage(d, await stolen(d, role));
        expect(usage.actor).toBe(role);
        const decided = await judged(d, policy, usage);
        expect({ quarantines: decided.quarantines.map((e) => e.data), alerts: decided.alerts.map((e) => e.data) }).toEqual({ quarantines: [], alerts: [] });
        const state = await d.operator.runtime.hub.state();
        expect({ active: state.capabilities[CAP]?.active, status: state.plugins[ACTIVE]?.status, usage: state.plugins[ACTIVE]?.usage }).toEqual({ active: ACTIVE, status: "active", usage: { calls: 0, failures: 0 } });
        const call = await invokeCapability(d.operator.runtime, CAP, { n: 2 });
        expect(call.ok ? call.pluginId : call).toBe(ACTIVE);
      }, 120_000);
    }

    // The actor is the signing key's role behind the signature gate: claiming the runner's does not make it the runner's.
    it(`a tester key's failing usage that says it is the runner's counts for nothing (onBreach ${action})`, async () => {
      const policy = policyFor(action);
      const d = await deploy(policy, opened, ["1.0.0", "2.0.0"]);
      const usage = await failingUsage(d, await stolen(d, "tester", "runner"));
      expect(usage.actor).toBe("runner");
      const decided = await judged(d, policy, usage);
      expect({ quarantines: decided.quarantines.length, alerts: decided.alerts.length }).toEqual({ quarantines: 0, alerts: 0 });
      expect((await d.operator.runtime.hub.state()).capabilities[CAP]?.active).toBe(ACTIVE);
    }, 120_000);

    // The control: the very same records signed by the runner key are evidence, and the budget they
    // break is enforced as policy says.
    it(`the same failing usage from the runner key gets the plugin quarantined (onBreach ${action})`, async () => {
      const policy = policyFor(action);
      const d = await deploy(policy, opened, ["1.0.0", "2.0.0"]);
      const usage = await failingUsage(d, await stolen(d, "runner"));
      const decided = await judged(d, policy, usage);
      expect(decided.alerts.map((e) => (e.data as { rule: string }).rule)).toContain("budget_breach");
      expect(decided.quarantines.map((e) => e.data)).toEqual([expect.objectContaining({ pluginId: ACTIVE, ...(action === "rollback" ? { rollback: true } : {}) })]);
      const state = await d.operator.runtime.hub.state();
      expect({ status: state.plugins[ACTIVE]?.status, usage: state.plugins[ACTIVE]?.usage }).toEqual({ status: "quarantined", usage: { calls: 21, failures: 21 } });
    }, 120_000);
  }
});
