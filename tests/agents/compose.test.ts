/**
 * Plugins compose: `host.invoke(capability, input)` on a declared dependency resolves through the
 * hub like a plan step; an undeclared one is denied; a cycle is caught (and an install that would
 * close one fails its health check and rolls back).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../../src/events/index.ts";
import type { EventLog } from "../../src/events/index.ts";
import type { Runtime } from "../../src/agents/index.ts";
import type { PluginPackage } from "../../src/hub/index.ts";
import { invokeCapability, openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";

let capsmith: TestCapsmith;
let log: EventLog;
let runtime: Runtime;

const numberSpec = (capability: string, factor: number) => ({
  capability,
  description: `${factor} times n`,
  inputSchema: { type: "object", properties: { n: { type: "number" } }, required: ["n"] },
  outputSchema: { type: "number" },
  constraints: ["deterministic" as const],
  examples: [{ input: { n: 1 }, output: factor }, { input: { n: 3 }, output: 3 * factor }],
});

function pkg(capability: string, version: string, factor: number, code: string, dependencies: Record<string, string> = {}): PluginPackage {
  return {
    format: "capsmith-plugin/v1",
    manifest: {
      id: `${capability}@${version}`, capability, version, apiVersion: "capsmith.plugin/v1", hostRange: ">=0.1.0", profile: "node",
      permissions: {}, dependencies, limits: { memoryMB: 64, timeoutMs: 2_000 }, checksum: `sha256:${sha256(code)}`, provenance: { origin: "authored" },
    },
    code,
    spec: numberSpec(capability, factor),
  };
}

beforeAll(async () => {
  capsmith = await openTestCapsmith();
  ({ log, runtime } = capsmith);
});
afterAll(async () => {
  await capsmith.dispose();
});

const call = (capability: string, input: unknown) => invokeCapability(runtime, capability, input);

describe("plugin composition", () => {
  it("calls a declared dependency through the hub, and the health check does too", async () => {
    expect((await runtime.hub.install(pkg("double_n", "1.0.0", 2, "export default (i) => i.n * 2;\n"), { source: "test" })).ok).toBe(true);
    const quad = pkg("quad_n", "1.0.0", 4, "export default async (i, host) => host.invoke('double_n', { n: await host.invoke('double_n', i) });\n", { double_n: "^1.0.0" });
    expect(await runtime.hub.install(quad, { source: "test" })).toMatchObject({ ok: true, health: { failed: 0 } });
    expect(await call("quad_n", { n: 5 })).toMatchObject({ ok: true, output: 20 });
  });

  it("denies a capability the manifest does not declare", async () => {
    const sneaky = pkg("sneaky_n", "1.0.0", 2, "export default async (i, host) => host.invoke('double_n', i);\n");
    const outcome = await runtime.hub.install(sneaky, { source: "test" });
    expect(outcome).toMatchObject({ ok: false, failure: { phase: "health-check" } });
    expect(outcome.failure!.message).toContain("permission_denied");
    const denied = [];
    for await (const e of log.read("capsmith.evt.sandbox.>")) if (e.type === "PermissionDenied") denied.push(e);
    expect(denied[0]).toMatchObject({ subject: "capsmith.evt.sandbox.sneaky_n", data: { operation: "invoke", target: "double_n" } });
  });

  it("catches a cycle: the install that would close it fails its health check and rolls back", async () => {
    expect((await runtime.hub.install(pkg("ping_n", "1.0.0", 1, "export default (i) => i.n;\n"), { source: "test" })).ok).toBe(true);
    expect((await runtime.hub.install(pkg("pong_n", "1.0.0", 1, "export default (i, host) => host.invoke('ping_n', i);\n", { ping_n: "^1.0.0" }), { source: "test" })).ok).toBe(true);
    const loop = pkg("ping_n", "1.1.0", 1, "export default (i, host) => host.invoke('pong_n', i);\n", { pong_n: "^1.0.0" });
    const outcome = await runtime.hub.install(loop, { source: "test" });
    expect(outcome).toMatchObject({ ok: false, failure: { phase: "health-check", restored: "ping_n@1.0.0" } });
    expect(outcome.failure!.message).toContain("cycle: ping_n → pong_n → ping_n");
    expect(await call("pong_n", { n: 7 })).toMatchObject({ ok: true, output: 7 });
  });
});
