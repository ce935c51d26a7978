/**
 * Usage a health check causes deeper than its own calls: a package under check calls a production
 * plugin, which calls another. Every call in that tree is the health check's (recorded as the
 * governor's), not production's, in a process holding every key (src/agents/invoke.ts). Real signed
 * file log, real sandbox.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ALL_EVENTS } from "../../src/events/index.ts";
import { parsePolicy } from "../../src/hub/index.ts";
import { pack } from "../hub/fixtures.ts";
import { openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";

let capsmith: TestCapsmith | undefined;
afterEach(async () => {
  await capsmith?.dispose();
  capsmith = undefined;
});

const RELAY = 'export default async function (input, host) {\n  return await host.invoke("total_cost", input);\n}\n';
const PROBE = 'export default async function (input, host) {\n  for (let i = 0; i < 5; i++) { try { await host.invoke("relay", { items: [null] }); } catch {} }\n  return 1;\n}\n';
const spec = (capability: string, example: { input: unknown; output: unknown }) =>
  ({ capability, description: capability, inputSchema: { type: "object" }, outputSchema: { type: "number" }, examples: [example] });

describe("a health check's calls at any depth", () => {
  it("are recorded as the governor's, and count as no plugin's usage", { timeout: 60_000 }, async () => {
    const c = (capsmith = await openTestCapsmith({ policy: parsePolicy({ requireSignedEvents: true }) }));
    expect(await c.runtime.hub.install(pack(), { source: "test" })).toMatchObject({ ok: true });
    const relay = pack({ code: RELAY, manifest: { capability: "relay", version: "1.0.0", dependencies: { total_cost: "^1.0.0" } }, spec: spec("relay", { input: { items: [{ qty: 2, price: 3 }] }, output: 6 }) });
    expect(await c.runtime.hub.install(relay, { source: "test" })).toMatchObject({ ok: true });
    const probe = pack({ code: PROBE, manifest: { capability: "probe", version: "1.0.0", dependencies: { relay: "^1.0.0" } }, spec: spec("probe", { input: {}, output: 1 }) });
    const installed = await c.runtime.hub.install(probe, { source: "test" });
    expect(installed, JSON.stringify(installed).slice(0, 400)).toMatchObject({ ok: true });
    const calls: string[] = [];
    for await (const e of c.log.read(ALL_EVENTS)) if (e.type === "PluginInvoked") calls.push(`${e.actor}:${(e.data as { pluginId: string }).pluginId}:${(e.data as { ok: boolean }).ok}`);
    // The relay's own health check called total_cost (governor:…:true); the probe's called the relay,
    // which called total_cost, failing: both levels of the probe's tree are the governor's too.
    expect([...new Set(calls)].sort()).toEqual(["governor:relay@1.0.0:false", "governor:total_cost@1.0.0:false", "governor:total_cost@1.0.0:true"]);
    const state = await c.runtime.hub.state();
    expect([state.plugins["total_cost@1.0.0"]?.usage, state.plugins["relay@1.0.0"]?.usage]).toEqual([{ calls: 0, failures: 0 }, { calls: 0, failures: 0 }]);
  });
});
