import { describe, expect, it } from "vitest";
import { environment, loadConfig } from "../../src/config/index.ts";

const config = (env: Record<string, string | undefined>, flags = {}) => loadConfig({ flags, env: environment(env), hostVersion: "9.9.9" });

describe("the config", () => {
  it("reads the llm server, key and model, capsmith's variables first, empty as unset", () => {
    expect(config({}).llm).toEqual({ model: "gpt-4o-mini", configured: false });
    expect(config({ OPENAI_BASE_URL: "http://localhost:11434/v1", OPENAI_API_KEY: "" }).llm).toEqual({ baseURL: "http://localhost:11434/v1", model: "gpt-4o-mini", configured: true });
    expect(config({ OPENAI_API_KEY: "a", CAPSMITH_LLM_API_KEY: "b", OPENAI_BASE_URL: "u1", CAPSMITH_LLM_BASE_URL: "u2", CAPSMITH_LLM_MODEL: "llama3.1" }).llm)
      .toEqual({ apiKey: "b", baseURL: "u2", model: "llama3.1", configured: true });
  });

  it("lets flags win over the environment", () => {
    const c = config({ CAPSMITH_HOME: "/tmp/a", CAPSMITH_NATS_URL: "nats://a:1", CAPSMITH_NAMESPACE: "team_a" }, { data: "/tmp/b", nats: "nats://b:2", namespace: "team_b" });
    expect(c).toMatchObject({ dataDir: "/tmp/b", nats: { url: "nats://b:2" }, namespace: "team_b", hostVersion: "9.9.9" });
    expect(config({ CAPSMITH_HOME: "/tmp/a" }).dataDir).toBe("/tmp/a");
  });

  it("refuses settings it cannot use, with a code and a next step", () => {
    for (const env of [{ CAPSMITH_NATS_REPLICAS: "7" }, { CAPSMITH_NAMESPACE: "a.b" }, { CAPSMITH_SANDBOX_MAX_ISOLATES: "-1" }, { CAPSMITH_INSTALL_LEASE_MS: "5s" }, { CAPSMITH_INSTALL_LEASE_MS: "10" }]) {
      expect(() => config(env)).toThrow(expect.objectContaining({ code: "invalid_config", nextStep: expect.any(String) }));
    }
  });

  it("parses the test hooks", () => {
    expect(config({ CAPSMITH_AGENT_DELAY: "synthesizer:1500,tester:x" }).agentDelays).toEqual({ synthesizer: 1500 });
    expect(config({ CAPSMITH_FAULT: "crash:verify" }).fault).toBe("crash:verify");
  });

  it("reads the install lease", () => {
    expect(config({}).installLeaseMs).toBeUndefined();
    expect(config({ CAPSMITH_INSTALL_LEASE_MS: "2000" }).installLeaseMs).toBe(2_000);
  });
});
