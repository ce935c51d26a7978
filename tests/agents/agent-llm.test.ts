/**
 * The agent profile's `host.llm.complete` reaches the configured LLM server (through the real
 * `openai` client, against a local OpenAI-compatible server), within the manifest's budget.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "../../src/agents/index.ts";
import { sha256 } from "../../src/events/index.ts";
import { parsePolicy } from "../../src/hub/index.ts";
import type { PluginPackage } from "../../src/hub/index.ts";
import { openTestCapsmith } from "../support/capsmith.ts";
import type { TestCapsmith } from "../support/capsmith.ts";
import { startFakeOpenAi } from "../support/fake-openai-server.ts";
import type { FakeOpenAi } from "../support/fake-openai-server.ts";

let capsmith: TestCapsmith;
let runtime: Runtime;
let server: FakeOpenAi;

const code = `export default async (i, host) => { if (i.n === 1) return 1; const r = await host.llm.complete({ prompt: "say hi", maxTokens: 50 }); return r.text; }\n`;

function pkg(): PluginPackage {
  return {
    format: "capsmith-plugin/v1",
    manifest: {
      id: "greeter@1.0.0", capability: "greeter", version: "1.0.0", apiVersion: "capsmith.plugin/v1", hostRange: ">=0.1.0", profile: "agent",
      permissions: { llm: { maxTokensPerCall: 200, maxCostPerDay: 1 } }, dependencies: {}, limits: { memoryMB: 64, timeoutMs: 5_000 },
      checksum: `sha256:${sha256(code)}`, provenance: { origin: "authored" },
    },
    code,
    spec: {
      capability: "greeter", description: "asks the model to say hi",
      inputSchema: { type: "object", properties: { n: { type: "number" } }, required: ["n"] }, outputSchema: {},
      constraints: [], examples: [{ input: { n: 1 }, output: 1 }],
    },
  };
}

beforeAll(async () => {
  server = await startFakeOpenAi([{ content: "hi there" }]);
  // The LLM is configured the way a user configures it (the config's llm settings); the runtime
  // hands it to the sandbox for the agent profile.
  capsmith = await openTestCapsmith({
    config: { llm: { baseURL: server.baseURL, model: "fake-model", configured: true } },
    policy: parsePolicy({ approvalRequired: { permissions: [], profiles: [] }, minTier: { agent: "T1" } }),
  });
  ({ runtime } = capsmith);
});

afterAll(async () => {
  await capsmith.dispose();
  await server.close();
});

describe("host.llm.complete in the runtime", () => {
  it("answers from the configured server, asking for no more than the manifest's budget allows", async () => {
    expect((await runtime.hub.install(pkg(), { source: "test" })).ok).toBe(true);
    const plugin = runtime.invoker.resolve(await runtime.hub.state(), "greeter")!;
    expect(await runtime.invoker.invoke(plugin, { n: 2 })).toMatchObject({ ok: true, output: "hi there" });
    const asked = server.requests.filter((r) => r.path === "/v1/chat/completions");
    expect(asked).toHaveLength(1);
    const body = asked[0]!.body as { model?: string; max_tokens?: number; max_completion_tokens?: number; messages?: { content: string }[] };
    expect(body.model).toBe("fake-model");
    expect(body.messages?.at(-1)?.content).toBe("say hi");
    expect(body.max_completion_tokens ?? body.max_tokens).toBeLessThanOrEqual(200);
  });
});
