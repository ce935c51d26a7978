/**
 * Roles that cannot overstep, on a nats-server started from the sample config (deploy/nats/
 * accounts.conf) with the keys and passwords `capsmith keys roles` made:
 * - a synthesizer credential cannot publish on a plugin subject: the server refuses it;
 * - a stolen governor connection appending hub changes signed with a wrong key (an untrusted one, or
 *   a trusted key of a role not allowed to make them) changes nothing in the signed hub projection,
 *   and `audit verify` lists each as forged, while the governor's own signed events count;
 * - the daemons, each with its role's credential and key and signed events required, run a plan to
 *   the end: the permissions are narrow, not too narrow;
 * - and then a stolen synthesizer credential and key opening a gap for the active total_cost at
 *   9.0.0 (issue 14, attack 1) is ignored by every daemon and listed by `audit verify`;
 * - an slo budget breach with policy rollback is quarantined by the slo daemon (slo key) and answered
 *   by the governor daemon's second durable (governor key): here there is no earlier version, so
 *   the answer is RollbackBlocked.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { jetstream } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256, subjectFor } from "../../src/events/index.ts";
import type { EventLog, NewEvent } from "../../src/events/index.ts";
import { openNatsLog } from "../../src/events/nats-log.ts";
import { generateSigningKey, signHash } from "../../src/hub/index.ts";
import type { SigningKey } from "../../src/hub/index.ts";
import { systemClock, uuidIds } from "../../src/platform/index.ts";
import type { HubState } from "../../projections/index.ts";
import { PLAN_CAPABILITIES, checkRunLog, readAll, startDaemon, stopDaemons, until, writeMultiGapPlan } from "../support/daemon-fleet.ts";
import type { Daemon } from "../support/daemon-fleet.ts";
import { readModelOf } from "../support/capsmith.ts";
import { startHardenedNats } from "../support/hardened-nats.ts";
import type { HardenedNats } from "../support/hardened-nats.ts";
import { runCli } from "../support/run-cli.ts";
import { loadTask } from "../support/tasks.ts";

let nats: HardenedNats;
let synthesizerKey: SigningKey | undefined;
const daemons: Daemon[] = [];
const logs: EventLog[] = [];

const urlFor = (role: string): string => nats.urlFor(role);
const cli = (role: string, args: string[], extraEnv: Record<string, string> = {}) => nats.cli(role, args, extraEnv);

beforeAll(async () => {
  nats = await startHardenedNats("capsmith-roles-");
  synthesizerKey = await nats.key("synthesizer");
}, 120_000);

afterAll(async () => {
  for (const d of daemons) d.proc.kill("SIGKILL");
  for (const log of logs) await log.close().catch(() => undefined);
  await nats?.close();
});

async function openAs(role: string, sign?: (hash: string) => { keyId: string; value: string }): Promise<EventLog> {
  const log = await openNatsLog({ url: urlFor(role), clock: systemClock, newId: uuidIds, actor: role, operationTimeoutMs: 2_000, requestTimeoutMs: 1_000, ...(sign ? { sign } : {}) });
  logs.push(log);
  return log;
}

/**
 * The events of a plugin install, as the governor's hub writes them (enough for the hub projection:
 * a package whose code is its checksum's; with `healthChecked`, the passed health check without
 * which the fold activates nothing).
 */
function installEvents(capability: string, pluginId: string, options: { healthChecked?: boolean } = {}): NewEvent[] {
  const subject = subjectFor("plugin", capability);
  const code = "export default () => 1";
  const manifest = { id: pluginId, capability, version: "1.0.0", profile: "node", checksum: `sha256:${sha256(code)}` };
  const txId = `tx-${pluginId}`;
  return [
    { type: "InstallStarted", subject, data: { txId, kind: "install", pluginId, capability, version: "1.0.0", previousActive: null, source: "test", package: { manifest, code, spec: { capability } } } },
    ...(options.healthChecked ? [{ type: "InstallPhaseCompleted", subject, data: { txId, phase: "health-check", index: 4, details: { passed: 1, failed: 0 } } }] : []),
    { type: "PluginActivated", subject, data: { pluginId, capability, version: "1.0.0", txId, reason: "install" } },
    { type: "InstallCommitted", subject, data: { txId, pluginId, tier: "T3" } },
  ] as NewEvent[];
}

async function signedHubState(log: EventLog): Promise<HubState> {
  return (await readModelOf(log, { requireSignedEvents: true })).state("hub");
}

describe("roles that cannot overstep", () => {
  it("refuses a synthesizer credential that publishes on a plugin subject", async () => {
    const nc = await connect({ servers: `nats://127.0.0.1:${nats.port}`, user: "synthesizer", pass: nats.password("synthesizer"), timeout: 5_000 });
    try {
      const errors: string[] = [];
      void (async () => {
        for await (const s of nc.status()) if (s.type === "error") errors.push(String((s as { error?: Error }).error?.message ?? s.type));
      })();
      await expect(jetstream(nc, { timeout: 2_000 }).publish("capsmith.evt.plugin.x", JSON.stringify({ msgId: "forged", events: [] }))).rejects.toThrow(/permission/i);
      await until(() => errors.some((e) => /permissions violation for publish to "capsmith\.evt\.plugin\.x"/i.test(e)), 5_000, "the server's permission violation");
    } finally {
      await nc.close();
    }
    // Through capsmith's own log: the append never lands.
    const synth = await openAs("synthesizer", (hash) => signHash(hash, synthesizerKey!));
    await expect(synth.append(installEvents("x", "x@1.0.0"))).rejects.toMatchObject({ code: "permission_denied", details: { subject: "capsmith.evt.plugin.x" } });
    const operator = await openAs("operator");
    expect((await readAll(operator)).filter((e) => e.subject === "capsmith.evt.plugin.x")).toEqual([]);
  }, 60_000);

  it("lets the operator alone keep anchors on NATS: a governor credential can neither write nor remove them", async () => {
    const anchored = await cli("operator", ["audit", "anchor", "--to", "nats"]);
    expect(anchored.code, anchored.stdout + anchored.stderr).toBe(0);
    const anchorStream = anchored.json<{ nats: { stream: string; subject: string } }>().nats;
    const nc = await connect({ servers: `nats://127.0.0.1:${nats.port}`, user: "governor", pass: nats.password("governor"), timeout: 5_000 });
    try {
      const js = jetstream(nc, { timeout: 2_000 });
      await expect(js.publish(anchorStream.subject, anchored.stdout)).rejects.toThrow(/permission/i);
      const jsm = await js.jetstreamManager();
      await expect(jsm.streams.delete(anchorStream.stream)).rejects.toThrow();
      await expect(jsm.streams.purge(anchorStream.stream)).rejects.toThrow();
    } finally {
      await nc.close();
    }
    const verified = await cli("operator", ["audit", "verify", "--anchor", "nats"]);
    expect(verified.json(), verified.stderr).toMatchObject({ ok: true, anchor: { seq: anchored.json<{ seq: number }>().seq } });
  }, 60_000);

  it("ignores hub changes a stolen governor connection signs with a wrong key, and audit verify lists them", async () => {
    const governorKey = await nats.key("governor");
    const stranger = generateSigningKey("stranger", "governor"); // never trusted
    const byStranger = await openAs("governor", (hash) => signHash(hash, stranger));
    const bySynthesizer = await openAs("governor", (hash) => signHash(hash, synthesizerKey!)); // trusted, wrong role
    const byGovernor = await openAs("governor", (hash) => signHash(hash, governorKey));
    await byStranger.append(installEvents("evil_a", "evil_a@1.0.0"));
    await bySynthesizer.append(installEvents("evil_b", "evil_b@1.0.0"));
    await byGovernor.append(installEvents("good", "good@1.0.0", { healthChecked: true }));

    const hub = await signedHubState(byGovernor);
    expect(hub.capabilities["good"]?.active).toBe("good@1.0.0");
    expect(hub.plugins["evil_a@1.0.0"]).toBeUndefined();
    expect(hub.plugins["evil_b@1.0.0"]).toBeUndefined();
    expect(hub.capabilities["evil_a"]).toBeUndefined();
    expect(hub.ignored).toBe(6);

    const audit = await cli("operator", ["audit", "verify", "--policy", nats.policy]);
    expect(audit.code).toBe(1);
    const report = audit.json<{ ok: boolean; forged: { seq: number; type: string; actor: string; keyId: string | null; code: string; subject: string }[] }>();
    expect(report.ok).toBe(false);
    const forged = report.forged;
    expect(forged).toHaveLength(6);
    expect(forged.filter((f) => f.keyId === stranger.keyId).map((f) => [f.type, f.code, f.actor])).toEqual([
      ["InstallStarted", "signature_untrusted", "governor"],
      ["PluginActivated", "signature_untrusted", "governor"],
      ["InstallCommitted", "signature_untrusted", "governor"],
    ]);
    expect(forged.filter((f) => f.keyId === synthesizerKey!.keyId).every((f) => f.code === "role_not_allowed" && f.subject === "capsmith.evt.plugin.evil_b")).toBe(true);
    expect(forged.every((f) => f.seq > 0)).toBe(true);
    expect(forged.some((f) => f.subject === "capsmith.evt.plugin.good")).toBe(false);
    console.info(`[roles] forged hub changes: ${forged.length} appended, ${hub.ignored} ignored by the signed hub, ${forged.length} flagged by audit verify`);
  }, 60_000);

  it("runs a plan with every daemon on its own credential and key, signed events required", async () => {
    const fleet = join(nats.work, "fleet");
    await rm(fleet, { recursive: true, force: true });
    await mkdir(fleet, { recursive: true });
    const { plan, input, expected } = await writeMultiGapPlan(fleet);
    const policy = nats.policy;
    for (const role of ["gap", "synthesizer", "tester", "governor"]) {
      daemons.push(startDaemon(role, role, { url: urlFor(role), dataDir: nats.dataDir(role), env: { CAPSMITH_SIGN_KEY: role }, args: ["--policy", policy] }));
    }
    await until(() => daemons.every((d) => d.stderr.includes("daemon started")), 60_000, "daemons to start");
    const run = await runCli(["--nats", urlFor("runner"), "--data", nats.dataDir("runner"), "--json", "run", plan, "--input", input, "--no-agents", "--policy", policy], { env: { CAPSMITH_SIGN_KEY: "runner" }, timeoutMs: 180_000 });
    expect(run.json(), run.stdout + run.stderr.slice(-3000) + daemons.map((d) => d.stderr.slice(-1500)).join("\n")).toMatchObject({ ok: true, output: expected });

    const operator = await openAs("operator");
    const events = await readAll(operator);
    const planSubjects = PLAN_CAPABILITIES.map((c) => subjectFor("plugin", c));
    const plugins = events.filter((e) => planSubjects.includes(e.subject));
    expect(plugins.length).toBeGreaterThan(0);
    const governorKeyId = (await nats.key("governor")).keyId;
    expect(plugins.every((e) => e.sig?.keyId === governorKeyId)).toBe(true);
    const check = await checkRunLog(operator);
    expect(check.problems).toEqual([]);
    const hub = await signedHubState(operator);
    for (const capability of PLAN_CAPABILITIES) expect(hub.capabilities[capability]?.active).toMatch(new RegExp(`^${capability}@`));
    console.info(`[roles] signed fleet: ${events.length} events, ${plugins.length} hub changes all signed by the governor key; problems: ${check.problems.length}`);

    // Attack 1 of issue 14: the synthesizer's credential and key open a gap for the active
    // total_cost at 9.0.0 (labelled actor "gap") and draft code that answers 42.
    const attacker = await openAs("synthesizer", (hash) => signHash(hash, synthesizerKey!));
    const gapSubject = subjectFor("gap", "total_cost");
    const { capability: _c, ...costSpec } = loadTask("total_cost");
    const evilSpec = { ...costSpec, capability: "total_cost", examples: [{ input: { items: [] }, output: 42 }] };
    const evil = "export default function () {\n  return 42;\n}\n";
    await attacker.append([{ type: "CapabilityGapDetected", subject: gapSubject, actor: "gap", data: { gapId: "gap-evil", capability: "total_cost", spec: evilSpec, specHash: "forged", version: "9.0.0", backend: "example" } } as NewEvent]);
    await attacker.append([{ type: "PluginDrafted", subject: gapSubject, actor: "synthesizer", data: { gapId: "gap-evil", draftId: "draft-evil", capability: "total_cost", version: "9.0.0", code: evil, backend: "example", model: null, size: evil.length, candidates: 1, elapsedMs: 1 } } as NewEvent]);
    // Another gap through every daemon: each handles the log in order, so once it is published
    // every daemon has been handed the forged events too.
    const again = join(fleet, "again.json");
    await writeFile(again, JSON.stringify({ plan: "again", capabilities: { total_cost_again: costSpec }, steps: [{ id: "cost", capability: "total_cost_again", input: { items: "$input.items" } }], output: { cost: "$steps.cost" } }));
    const second = await runCli(["--nats", urlFor("runner"), "--data", nats.dataDir("runner"), "--json", "run", again, "--input", input, "--no-agents", "--policy", policy], { env: { CAPSMITH_SIGN_KEY: "runner" }, timeoutMs: 180_000 });
    expect(second.json(), second.stdout + second.stderr.slice(-3000)).toMatchObject({ ok: true, output: { cost: 50 } });
    const after = await readAll(operator);
    expect(after.filter((e) => e.type === "PluginTested" && (e.data as { draftId: string }).draftId === "draft-evil")).toEqual([]);
    const hubAfter = await signedHubState(operator);
    expect(hubAfter.plugins["total_cost@9.0.0"]).toBeUndefined();
    expect(hubAfter.capabilities["total_cost"]?.active).toBe("total_cost@1.0.0");
    const verify = await cli("operator", ["audit", "verify", "--policy", policy]);
    expect(verify.code).toBe(1);
    expect(verify.json<{ forged: { type: string; code: string }[] }>().forged).toContainEqual(expect.objectContaining({ type: "CapabilityGapDetected", code: "role_not_allowed" }));
    await stopDaemons(daemons);
  }, 240_000);

  it("rolls back an slo budget breach as the governor's decision: the slo daemon quarantines under its key, the governor daemon answers under its own", async () => {
    const sloPolicy = join(nats.work, "slo-policy.json");
    await writeFile(sloPolicy, JSON.stringify({ requireSignedEvents: true, slo: { budgets: { total_cost: { latencyP95Ms: 1 } }, onBreach: { action: "rollback", consecutiveWindows: 1 } } }));
    // One deployment policy for both: the governor judges the breach by its own policy, not the slo key's word.
    const fleet = [
      startDaemon("governor", "governor-slo", { url: urlFor("governor"), dataDir: nats.dataDir("governor"), env: { CAPSMITH_SIGN_KEY: "governor" }, args: ["--policy", sloPolicy] }),
      startDaemon("slo", "slo", { url: urlFor("slo"), dataDir: nats.dataDir("slo"), env: { CAPSMITH_SIGN_KEY: "slo" }, args: ["--policy", sloPolicy] }),
    ];
    daemons.push(...fleet);
    await until(() => fleet.every((d) => d.stderr.includes("daemon started")), 60_000, "the governor and slo daemons to start");
    // total_cost@1.0.0 (the plan's, the only version) answers in 200 ms for an hour, then once the next hour.
    const runnerKey = await nats.key("runner");
    let now = Date.now() + 3_600_000;
    const runner = await openNatsLog({ url: urlFor("runner"), clock: { now: () => new Date(now) }, newId: uuidIds, actor: "runner", operationTimeoutMs: 2_000, requestTimeoutMs: 1_000, sign: (hash) => signHash(hash, runnerKey) });
    logs.push(runner);
    const invoked = (n: number): NewEvent[] => Array.from({ length: n }, () => ({
      type: "PluginInvoked", subject: subjectFor("usage", "total_cost"),
      data: { pluginId: "total_cost@1.0.0", capability: "total_cost", runId: null, ok: true, errorCode: null, latencyMs: 200, cpuMs: 2, heapBytes: 1_000_000 },
    }) as NewEvent);
    await runner.append(invoked(20));
    now += 3_660_000;
    await runner.append(invoked(1));

    const operator = await openAs("operator");
    const onPlugin = async () => (await readAll(operator)).filter((e) => e.subject === subjectFor("plugin", "total_cost"));
    await until(async () => (await onPlugin()).some((e) => e.type === "RollbackBlocked"), 60_000, "the governor's answer to the slo quarantine");
    const keyId = async (role: string) => (await nats.key(role)).keyId;
    const events = await onPlugin();
    const quarantine = events.find((e) => e.type === "PluginQuarantined")!;
    expect(quarantine).toMatchObject({ actor: "slo", data: { pluginId: "total_cost@1.0.0", rollback: true } });
    expect(quarantine.sig?.keyId).toBe(await keyId("slo"));
    const blocked = events.find((e) => e.type === "RollbackBlocked")!;
    expect(blocked).toMatchObject({ actor: "governor", causationId: quarantine.id, data: { pluginId: "total_cost@1.0.0", candidates: [], reason: "total_cost has no good version older than total_cost@1.0.0" } });
    expect(blocked.sig?.keyId).toBe(await keyId("governor"));
    const hub = await signedHubState(operator);
    expect(hub.plugins["total_cost@1.0.0"]).toMatchObject({ status: "quarantined", tier: "T0" });
    expect(hub.capabilities["total_cost"]?.active).toBeNull();
    await stopDaemons(fleet);
  }, 180_000);
});
