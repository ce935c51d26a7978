import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { codeReply, errorReply, startFakeOpenAi } from "../support/fake-openai-server.ts";
import type { FakeOpenAi } from "../support/fake-openai-server.ts";
import { runCli } from "../support/run-cli.ts";
import { OWN_SPECS } from "./fixtures.ts";

const spec = OWN_SPECS.find((s) => s.capability === "expensive_names")!;
const RIGHT = "export default function (input) {\n  return input.products.filter((p) => p.price > 50).map((p) => p.name);\n}";
const WRONG = "export default function (input) {\n  return input.products.map((p) => p.name);\n}";
/** No LLM configuration at all, whatever the environment running the tests has. */
const NO_LLM = { OPENAI_API_KEY: "", OPENAI_BASE_URL: "", CAPSMITH_LLM_API_KEY: "", CAPSMITH_LLM_BASE_URL: "", CAPSMITH_LLM_MODEL: "" };

let dir: string;
let server: FakeOpenAi | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "capsmith-llm-cli-"));
  await writeFile(join(dir, "spec.json"), JSON.stringify(spec));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Ok {
  ok: true;
  backend: string;
  model?: string;
  candidates: number;
  size: number;
  code: string;
  out?: string;
  rounds?: { outcome: string }[];
}

describe("capsmith synthesize --backend llm", () => {
  it("synthesizes through OPENAI_BASE_URL with --model and --out, refining a wrong first answer", async () => {
    server = await startFakeOpenAi([codeReply(WRONG), codeReply(RIGHT, "keeps the expensive ones")]);
    const out = join(dir, "llm.js");
    const run = await runCli(["--json", "synthesize", "--spec", join(dir, "spec.json"), "--backend", "llm", "--model", "qwen2.5-coder", "--out", out], {
      env: { ...NO_LLM, OPENAI_BASE_URL: server.baseURL },
    });
    expect(run.code, run.stderr + run.stdout).toBe(0);
    const json = run.json<Ok & { explanation: string }>();
    expect(json).toMatchObject({ ok: true, backend: "llm", model: "qwen2.5-coder", candidates: 2, size: 3, explanation: "keeps the expensive ones", out });
    expect(json.rounds!.map((r) => r.outcome)).toEqual(["failed", "passed"]);
    expect(await readFile(out, "utf8")).toBe(json.code);
    expect(server.requests.map((r) => r.body?.model)).toEqual(["qwen2.5-coder", "qwen2.5-coder"]);
    expect(server.requests[1]!.body!.messages!.at(-1)!.content).toMatch(/- example 1: .*\n {2}expected: .*\n {2}got: /);
    // No key configured: the client sends a placeholder, not someone else's key.
    expect(server.requests[0]!.headers.authorization).toBe("Bearer no-key");
  });

  it("takes the key, model and base URL from capsmith's own variables and prints a summary without --json", async () => {
    server = await startFakeOpenAi([codeReply(RIGHT)]);
    const run = await runCli(["synthesize", "--spec", join(dir, "spec.json"), "--backend", "llm"], {
      env: { ...NO_LLM, CAPSMITH_LLM_BASE_URL: server.baseURL, CAPSMITH_LLM_API_KEY: "sk-cli-secret", CAPSMITH_LLM_MODEL: "llama3.1" },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/synthesized expensive_names with the llm backend: model llama3\.1, 1 round\(s\), 3 lines of code, \d+ ms/);
    expect(run.stdout).not.toContain("sk-cli-secret");
    expect(server.requests[0]!.headers.authorization).toBe("Bearer sk-cli-secret");
    expect(server.requests[0]!.body?.model).toBe("llama3.1");
  });

  it("--backend auto picks llm when a base URL is set and example when nothing is", async () => {
    server = await startFakeOpenAi([codeReply(RIGHT)]);
    const llm = await runCli(["--json", "synthesize", "--spec", join(dir, "spec.json")], { env: { ...NO_LLM, OPENAI_BASE_URL: server.baseURL } });
    expect(llm.code, llm.stderr).toBe(0);
    expect(llm.json<Ok>()).toMatchObject({ backend: "llm", model: "gpt-4o-mini" });
    expect(server.requests).toHaveLength(1);

    const offline = await runCli(["--json", "synthesize", "--spec", join(dir, "spec.json"), "--backend", "auto"], { env: NO_LLM });
    expect(offline.code, offline.stderr).toBe(0);
    const json = offline.json<Ok>();
    expect(json.backend).toBe("example");
    expect(json).not.toHaveProperty("model");
    expect(server.requests).toHaveLength(1);
  });

  it("--backend auto falls back to the example backend when the configured LLM fails, and says so", async () => {
    server = await startFakeOpenAi([{ ...errorReply(401, "bad key"), headers: { "x-should-retry": "false" } }]);
    const run = await runCli(["--json", "synthesize", "--spec", join(dir, "spec.json"), "--backend", "auto"], { env: { ...NO_LLM, OPENAI_BASE_URL: server.baseURL, OPENAI_API_KEY: "sk-wrong" } });
    expect(run.code, run.stderr + run.stdout).toBe(0);
    const json = run.json<Ok & { note: string }>();
    expect(json.backend).toBe("example");
    expect(json.note).toMatch(/^the llm backend failed \(llm_failed: .*\); used the offline example backend instead$/);
    expect(server.requests.length).toBeGreaterThanOrEqual(1);
    // The plain-text summary carries the note too.
    await server.close();
    server = await startFakeOpenAi([{ ...errorReply(401, "bad key"), headers: { "x-should-retry": "false" } }]);
    const text = await runCli(["synthesize", "--spec", join(dir, "spec.json"), "--backend", "auto"], { env: { ...NO_LLM, OPENAI_BASE_URL: server.baseURL, OPENAI_API_KEY: "sk-wrong" } });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/synthesized expensive_names with the example backend/);
    expect(text.stdout).toMatch(/note: the llm backend failed .* used the offline example backend instead/);
  }, 180_000);

  it("stops after --max-rounds with no_program_found (exit 1), and reports server errors as llm_failed", async () => {
    server = await startFakeOpenAi([codeReply(WRONG), codeReply(WRONG), codeReply(RIGHT)]);
    const run = await runCli(["--json", "synthesize", "--spec", join(dir, "spec.json"), "--backend", "llm", "--max-rounds", "2"], { env: { ...NO_LLM, OPENAI_BASE_URL: server.baseURL } });
    expect(run.code).toBe(1);
    const err = run.json<{ ok: false; error: { code: string; details: { rounds: number; maxRounds: number } } }>();
    expect(err).toMatchObject({ ok: false, error: { code: "no_program_found", details: { rounds: 2, maxRounds: 2 } } });
    expect(server.requests).toHaveLength(2);

    // A fresh server: the first one still holds the right answer that --max-rounds 2 never asked for.
    await server.close();
    server = await startFakeOpenAi([{ ...errorReply(401, "bad key"), headers: { "x-should-retry": "false" } }]);
    const denied = await runCli(["--json", "synthesize", "--spec", join(dir, "spec.json"), "--backend", "llm"], { env: { ...NO_LLM, OPENAI_BASE_URL: server.baseURL, OPENAI_API_KEY: "sk-wrong" } });
    expect(denied.code).toBe(1);
    expect(denied.json<{ error: { code: string; nextStep: string } }>().error).toMatchObject({ code: "llm_failed", nextStep: expect.stringMatching(/OPENAI_API_KEY/) });
  });

  it("answers backend_unavailable for --backend llm with nothing configured, and usage errors for bad --max-rounds", async () => {
    const run = await runCli(["--json", "synthesize", "--spec", join(dir, "spec.json"), "--backend", "llm"], { env: NO_LLM });
    expect(run.code).toBe(1);
    expect(run.json<{ error: { code: string; nextStep: string } }>().error).toMatchObject({ code: "backend_unavailable", nextStep: expect.stringMatching(/OPENAI_BASE_URL/) });
    const bad = await runCli(["--json", "synthesize", "--spec", join(dir, "spec.json"), "--backend", "llm", "--max-rounds", "0"], { env: NO_LLM });
    expect(bad.code).toBe(2);
  });
});
