/**
 * The slo agent's automatic rollback on a signed data directory, with the slo agent and the governor
 * as separate processes of one log, each holding only its own role's key (CAPSMITH_SIGN_KEY), as on
 * a deployment of daemons: the slo key may quarantine, never activate, so the rollback must be the
 * governor's (signed by the governor key, counted by the signed hub), must not break a dependent's
 * declared range, and must happen once however often the usage event is delivered.
 * The same with one process holding every key, where the governor agent beside the slo agent does it.
 * Real file log, real sandbox (the rollback health-checks the version it restores), real agents.
 */
import { describe, expect, it } from "vitest";
import { waitForEvent } from "../../src/agents/index.ts";
import { createSloAgent } from "../../src/agents/slo-agent.ts";
import { createSloRollback } from "../../src/agents/slo-rollback.ts";
import { openEventLog, sha256, subjectFor } from "../../src/events/index.ts";
import type { AnyStoredEvent, EventLog, NewEvent } from "../../src/events/index.ts";
import { parsePolicy, singleKeySigner } from "../../src/hub/index.ts";
import type { PluginPackage } from "../../src/hub/package-format.ts";
import { uuidIds } from "../../src/platform/index.ts";
import { openTestCapsmith } from "../support/capsmith.ts";
import { runCli } from "../support/run-cli.ts";
import type { TestCapsmith } from "../support/capsmith.ts";
import { doubleSpec, makePackage } from "../support/plugin-packages.ts";
import { breach, deploy, trackProcesses } from "./rollback-processes.ts";
import type { Deployment } from "./rollback-processes.ts";

const CAP = "double_it";
const FAILING = "double_it@2.0.0";
const PREVIOUS = "double_it@1.0.0";

const policy = parsePolicy({
  requireSignedEvents: true,
  slo: { budgets: { [FAILING]: { latencyP95Ms: 50 } }, onBreach: { action: "rollback", consecutiveWindows: 1 } },
});

const { opened, logs } = trackProcesses();

/** A signed data directory with double_it 1.0.0 then 2.0.0 installed (2.0.0 active), then `more`, by the operator. */
const deployment = (...more: PluginPackage[]): Promise<Deployment> => deploy(policy, opened, ["1.0.0", "2.0.0", ...more]);

/** A process of the deployment that holds one role's key only and runs that role's agent. */
async function daemon(d: Deployment, role: "slo" | "governor", log?: EventLog): Promise<TestCapsmith> {
  const c = await openTestCapsmith({ dir: d.operator.dir, policy, clock: d.clock, roles: [role], config: { signKey: role }, ackWaitMs: 30_000, ...(log ? { log } : {}) });
  opened.push(c);
  return c;
}

async function eventsOn(log: EventLog, subject: string): Promise<AnyStoredEvent[]> {
  const out: AnyStoredEvent[] = [];
  for await (const e of log.read(subject)) out.push(e);
  return out;
}

const keyIdOf = async (d: Deployment, role: string): Promise<string> => (await d.operator.keys.load(role)).keyId;

describe("the slo agent's automatic rollback, signed, with separate slo and governor processes", () => {
  it("quarantines as slo and the governor rolls back: the previous version is active in the signed hub, activated under the governor key", async () => {
    const d = await deployment();
    await daemon(d, "governor");
    await daemon(d, "slo");
    const usage = await breach(d, CAP, FAILING);

    const activated = await waitForEvent(d.operator.readModel, subjectFor("plugin", CAP), usage.seq, (e) => e.type === "PluginActivated" && (e.data as { pluginId: string }).pluginId === PREVIOUS, { timeoutMs: 60_000 });
    expect(activated.data).toMatchObject({ reason: "rollback" });
    expect(activated.sig?.keyId).toBe(await keyIdOf(d, "governor"));
    const quarantine = (await eventsOn(d.operator.log, subjectFor("plugin", CAP))).find((e) => e.type === "PluginQuarantined")!;
    expect(quarantine).toMatchObject({ actor: "slo", data: { pluginId: FAILING, rollback: true } });
    expect(quarantine.sig?.keyId).toBe(await keyIdOf(d, "slo"));

    // The operator's read model requires signed events: this is the signed hub.
    const hub = await d.operator.readModel.state("hub");
    expect(hub.capabilities[CAP]!.active).toBe(PREVIOUS);
    expect(hub.plugins[FAILING]).toMatchObject({ status: "quarantined", tier: "T0" });
    expect(hub.ignored ?? 0).toBe(0);
  }, 120_000);

  it("does not activate a version a dependent's range excludes: the capability stays quarantined and RollbackBlocked names the dependent and the version", async () => {
    const d = await deployment(quadPackage({ [CAP]: "^2.0.0" }));
    await daemon(d, "governor");
    await daemon(d, "slo");
    const usage = await breach(d, CAP, FAILING);

    const blocked = await waitForEvent(d.operator.readModel, subjectFor("plugin", CAP), usage.seq, (e) => e.type === "RollbackBlocked", { timeoutMs: 60_000 });
    expect(blocked.actor).toBe("governor");
    expect(blocked.sig?.keyId).toBe(await keyIdOf(d, "governor"));
    expect(blocked.data).toMatchObject({ pluginId: FAILING, capability: CAP, candidates: [{ pluginId: PREVIOUS, dependents: [{ id: "quad_it@1.0.0", range: "^2.0.0" }] }] });
    expect((blocked.data as { reason: string }).reason).toBe(`${PREVIOUS} would break quad_it@1.0.0 (needs ${CAP} ^2.0.0)`);
    // Nothing was activated after the quarantine, and the audit trail says why.
    const after = (await eventsOn(d.operator.log, subjectFor("plugin", CAP))).filter((e) => e.seq > usage.seq);
    expect(after.map((e) => e.type)).toEqual(["PluginQuarantined", "RollbackBlocked"]);
    const hub = await d.operator.readModel.state("hub");
    expect(hub.capabilities[CAP]!.active).toBeNull();
    const audit = await d.operator.readModel.state("audit");
    expect(audit.entries.at(-1)).toMatchObject({ type: "RollbackBlocked", actor: "governor", what: expect.stringContaining("quad_it@1.0.0 (needs double_it ^2.0.0)") });

    // `capsmith slo` names the capability left with no active version, and what an operator can do.
    const view = await runCli(["--data", d.operator.dir, "slo"]);
    expect(view.code, view.stderr).toBe(0);
    expect(view.stdout).toContain("no active version (rollback blocked) (1):");
    expect(view.stdout).toContain(`${CAP} since`);
    expect(view.stdout).toContain("capsmith plugin rollback CAPABILITY --to VERSION");
    // The operator decides: a forced rollback activates the previous version and the listing goes.
    const rolled = await runCli(["--data", d.operator.dir, "plugin", "rollback", CAP, "--to", "1.0.0", "--force"]);
    expect(rolled.code, rolled.stderr).toBe(0);
    const later = await runCli(["--data", d.operator.dir, "slo", "--json"]);
    expect(later.json<{ blockedRollbacks: unknown[] }>().blockedRollbacks).toEqual([]);
  }, 120_000);

  it("acts once however the usage event is delivered: again after a failed action, and again after the rollback", async () => {
    const d = await deployment();
    const governor = await daemon(d, "governor");
    // The slo process's log fails its first append on a plugin subject, as if the process had died
    // between raising the budget_breach alert and acting on it: the log redelivers the usage event.
    const sloLog = await openEventLog({ dataDir: d.operator.dir, sign: singleKeySigner(await d.operator.keys.load("slo")).sign, clock: d.clock, newId: uuidIds, actor: "slo" });
    logs.push(sloLog);
    let failed = 0;
    const flaky = new Proxy(sloLog, {
      get(target, key) {
        if (key === "append") {
          return async (events: NewEvent[], options?: Parameters<EventLog["append"]>[1]) => {
            if (failed === 0 && events.some((e) => e.subject.startsWith("capsmith.evt.plugin."))) {
              failed++;
              throw new Error("the slo process stopped here");
            }
            return target.append(events, options);
          };
        }
        const value = Reflect.get(target, key, target) as unknown;
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const slo = await daemon(d, "slo", flaky);
    const usage = await breach(d, CAP, FAILING);

    await waitForEvent(d.operator.readModel, subjectFor("plugin", CAP), usage.seq, (e) => e.type === "PluginActivated" && (e.data as { pluginId: string }).pluginId === PREVIOUS, { timeoutMs: 60_000 });
    expect(failed).toBe(1);

    // The same usage event delivered again to an slo agent, and the quarantine again to a governor.
    await createSloAgent({ policy }).handle(usage, slo.runtime.agents.ctx);
    const quarantine = (await eventsOn(d.operator.log, subjectFor("plugin", CAP))).find((e) => e.type === "PluginQuarantined")!;
    await createSloRollback({ hub: governor.runtime.hub, policy }).handle(quarantine, governor.runtime.agents.ctx);

    const events = await eventsOn(d.operator.log, subjectFor("plugin", CAP));
    expect(events.filter((e) => e.type === "PluginQuarantined")).toHaveLength(1);
    expect(events.filter((e) => e.type === "InstallStarted" && (e.data as { kind: string }).kind === "rollback")).toHaveLength(1);
    expect(events.filter((e) => e.type === "RollbackBlocked")).toHaveLength(0);
    expect((await eventsOn(d.operator.log, subjectFor("alert", CAP))).filter((e) => e.type === "AlertRaised")).toHaveLength(1);
    expect((await d.operator.readModel.state("hub")).capabilities[CAP]!.active).toBe(PREVIOUS);
  }, 120_000);
});

describe("the slo agent's automatic rollback in one process holding every key (the REPL, capsmith run)", () => {
  it("the governor agent of the same process rolls back, under the governor key", async () => {
    const d = await deployment();
    const both = await openTestCapsmith({ dir: d.operator.dir, policy, clock: d.clock, roles: ["slo", "governor"], ackWaitMs: 30_000 });
    opened.push(both);
    const usage = await breach(d, CAP, FAILING);
    const activated = await waitForEvent(d.operator.readModel, subjectFor("plugin", CAP), usage.seq, (e) => e.type === "PluginActivated" && (e.data as { pluginId: string }).pluginId === PREVIOUS, { timeoutMs: 60_000 });
    expect(activated.sig?.keyId).toBe(await keyIdOf(d, "governor"));
    const quarantine = (await eventsOn(d.operator.log, subjectFor("plugin", CAP))).find((e) => e.type === "PluginQuarantined")!;
    expect(quarantine.sig?.keyId).toBe(await keyIdOf(d, "slo"));
    expect((await d.operator.readModel.state("hub")).capabilities[CAP]!.active).toBe(PREVIOUS);
  }, 120_000);
});

/** quad_it@1.0.0: a plugin of another capability that declares a range of double_it. */
function quadPackage(dependencies: Record<string, string>): PluginPackage {
  const code = "export default function (input) { return input.n * 4; }\n";
  const base = makePackage("1.0.0", code, { id: "quad_it@1.0.0", capability: "quad_it", dependencies, checksum: `sha256:${sha256(code)}` });
  return {
    ...base,
    spec: { ...doubleSpec, capability: "quad_it", description: "Four times the number.", examples: [{ input: { n: 2 }, output: 8 }, { input: { n: -3 }, output: -12 }], tests: [{ name: "golden_1", input: { n: 10 }, output: 40 }] },
  };
}
