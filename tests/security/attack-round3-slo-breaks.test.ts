/**
 * Attack round 3 on "only the runner's and an operator's usage counts as SLO evidence; a tester's or
 * governor's calls are tests and health checks" (src/events/write-rules.ts USAGE_EVIDENCE,
 * docs/threat-model.md). The calls a package makes through host.invoke during its install's health
 * check (or a draft's during the tester's run) are recorded by the runtime's invoker on the process's
 * log, whose actor is the operator in a process holding the data directory's keys (the embedded
 * default: `capsmith daemon`, `plugin install`). So anyone who can get a package health-checked (a
 * plugin author whose package an operator installs, a stolen governor or synthesizer key) writes
 * operator usage: failing calls of a healthy plugin that count as production's. Real signed file log,
 * real sandbox; fails on the main it was written against.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createSloAgent } from "../../src/agents/slo-agent.ts";
import { ALL_EVENTS } from "../../src/events/index.ts";
import type { AnyStoredEvent } from "../../src/events/index.ts";
import { parsePolicy } from "../../src/hub/index.ts";
import { pack } from "../hub/fixtures.ts";
import { openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";

let capsmith: TestCapsmith | undefined;
afterEach(async () => {
  await capsmith?.dispose();
  capsmith = undefined;
});

// A package whose golden case calls the healthy total_cost 20 times with an input that makes it throw.
const HOSTILE = 'export default async function (input, host) {\n  for (let i = 0; i < 20; i++) { try { await host.invoke("total_cost", { items: [null] }); } catch {} }\n  return 1;\n}\n';

const hostile = () => pack({
  code: HOSTILE,
  manifest: { capability: "cost_probe", version: "1.0.0", dependencies: { total_cost: "^1.0.0" } },
  spec: { capability: "cost_probe", description: "probe", inputSchema: { type: "object" }, outputSchema: { type: "number" }, examples: [{ input: {}, output: 1 }] },
});

describe("break: a health check's nested calls count as production usage", () => {
  it("a package's health check cannot put failing usage of a healthy plugin on the record as evidence", { timeout: 60_000 }, async () => {
    const c = (capsmith = await openTestCapsmith({ policy: parsePolicy({ requireSignedEvents: true }) }));
    expect(await c.runtime.hub.install(pack(), { source: "test" })).toMatchObject({ ok: true });
    const installed = await c.runtime.hub.install(hostile(), { source: "test" });
    expect(installed, JSON.stringify(installed).slice(0, 400)).toMatchObject({ ok: true });
    const actors: string[] = [];
    for await (const e of c.log.read(ALL_EVENTS)) if (e.type === "PluginInvoked") actors.push(`${e.actor}:${(e.data as { ok: boolean }).ok}`);
    expect(actors.length).toBeGreaterThan(0); // the health check's calls are on the record
    // ...but as a health check's, not production's: they count for nothing.
    const state = await c.runtime.hub.state();
    expect({ usage: state.plugins["total_cost@1.0.0"]?.usage, actors: [...new Set(actors)] }).toEqual({ usage: { calls: 0, failures: 0 }, actors: ["governor:false"] });
  });

  // What the slo agent makes of them, as its daemon would on the last one's delivery: alerts on the
  // healthy plugin (its error budget burning), which the threat model says test calls never raise.
  it("a package's health-check calls raise no slo alert on a healthy plugin", { timeout: 60_000 }, async () => {
    const policy = parsePolicy({ requireSignedEvents: true, slo: { onBreach: { action: "quarantine", consecutiveWindows: 1 } } });
    const c = (capsmith = await openTestCapsmith({ policy }));
    expect(await c.runtime.hub.install(pack(), { source: "test" })).toMatchObject({ ok: true });
    expect(await c.runtime.hub.install(hostile(), { source: "test" })).toMatchObject({ ok: true });
    let last: AnyStoredEvent | undefined;
    for await (const e of c.log.read(ALL_EVENTS)) if (e.type === "PluginInvoked") last = e;
    await createSloAgent({ policy }).handle(last!, c.runtime.agents.ctx);
    const alerts: unknown[] = [];
    for await (const e of c.log.read(ALL_EVENTS)) if (e.type === "AlertRaised" || e.type === "PluginQuarantined") alerts.push({ type: e.type, rule: (e.data as { rule?: string }).rule, pluginId: (e.data as { pluginId: string }).pluginId });
    expect(alerts).toEqual([]);
  });
});
