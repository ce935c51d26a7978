/**
 * Every error the API answers carries the status its code means: a plugin's failure is the
 * gateway's 502, never the server's own 500. A plugin that returned data nested deeper than the log
 * accepts (the sandbox's `output_too_deep`) used to come back as a 500, as if capsmith had a bug.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../../src/events/index.ts";
import type { PluginPackage } from "../../src/hub/package-format.ts";
import { startTestServer } from "../support/serve.ts";
import type { TestServer } from "../support/serve.ts";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ roles: [] });
}, 60_000);
afterAll(async () => {
  await t.dispose();
});

function deepPackage(): PluginPackage {
  // Flat for n = 0 (so the install's health check passes), 100 levels deep otherwise.
  const code = "export default function (input) { let v = []; for (let i = 0; i < input.n; i++) v = [v]; return v; }\n";
  return {
    format: "capsmith-plugin/v1",
    manifest: {
      id: "deep_out@1.0.0", capability: "deep_out", version: "1.0.0", apiVersion: "capsmith.plugin/v1", hostRange: ">=0.1.0", profile: "node",
      permissions: {}, dependencies: {}, limits: { memoryMB: 64, timeoutMs: 2_000 }, checksum: `sha256:${sha256(code)}`, provenance: { origin: "authored" },
    },
    code,
    spec: {
      capability: "deep_out",
      description: "nests an empty list n times",
      inputSchema: { type: "object", properties: { n: { type: "integer", minimum: 0 } }, required: ["n"] },
      outputSchema: { type: "array" },
      constraints: ["deterministic"],
      examples: [{ input: { n: 0 }, output: [] }],
    },
  } as PluginPackage;
}

describe("a plugin's failure over HTTP", () => {
  it("answers a plugin's too-deep output as 502 output_too_deep, not 500", async () => {
    expect(await t.capsmith.runtime.hub.install(deepPackage(), { source: "test" })).toMatchObject({ ok: true });
    const res = await t.call("POST", "/v1/capabilities/deep_out/invoke", { role: "runner", body: { input: { n: 100 } } });
    expect((res.json["error"] as { code: string }).code).toBe("output_too_deep");
    expect(res.status).toBe(502);
  });
});
