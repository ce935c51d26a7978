import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import OpenAI from "openai";
import { afterEach, describe, expect, it } from "vitest";
import type { CapabilitySpec } from "../../src/spec/index.ts";
import { SynthesizerError, createLlmBackend } from "../../src/agents/synthesizer/index.ts";
import type { LlmBackendOptions } from "../../src/agents/synthesizer/index.ts";
import { parseAnswer } from "../../src/agents/synthesizer/llm-response.ts";
import { runPluginOnce } from "../../src/sandbox/index.ts";
import { codeReply, errorReply, startFakeOpenAi } from "../support/fake-openai-server.ts";
import type { FakeOpenAi, ScriptedReply } from "../support/fake-openai-server.ts";
import { makeSpec } from "./fixtures.ts";

const spec: CapabilitySpec = makeSpec(
  "total_cost",
  "Sum of qty * price over the items.",
  [
    [{ items: [{ qty: 2, price: 3 }, { qty: 1, price: 4 }] }, 10],
    [{ items: [] }, 0],
    [{ items: [{ qty: 5, price: 1.5 }] }, 7.5],
  ],
  // Held out: values that must never reach the model.
  [[{ items: [{ qty: 913, price: 17 }] }, 15521]],
  { type: "number" },
);

const RIGHT = "export default function (input) {\n  return input.items.reduce((sum, i) => sum + i.qty * i.price, 0);\n}";
/** Forgets qty: gets example 1 (7, not 10) and example 3 (1.5, not 7.5) wrong, example 2 right. */
const WRONG = "export default function (input) {\n  return input.items.reduce((sum, i) => sum + i.price, 0);\n}";

let server: FakeOpenAi | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function backendWith(script: ScriptedReply[], options: Partial<LlmBackendOptions> = {}) {
  server = await startFakeOpenAi(script);
  return createLlmBackend({ baseURL: server.baseURL, apiKey: "sk-test-key", model: "fake-model", maxRounds: 3, maxRetries: 0, caseTimeoutMs: 500, ...options });
}

async function failureOf(promise: Promise<unknown>): Promise<SynthesizerError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(SynthesizerError);
    return err as SynthesizerError;
  }
  throw new Error("expected the synthesis to fail");
}

const userMessages = (i: number): string[] => (server!.requests[i]!.body?.messages ?? []).filter((m) => m.role === "user").map((m) => m.content);

describe("llm backend against a real OpenAI-compatible server", () => {
  it("feeds a wrong first attempt's failing examples back, and the second attempt passes", async () => {
    const backend = await backendWith([codeReply(WRONG, "sums prices"), codeReply(RIGHT, "sums qty times price")]);
    const result = await backend.synthesize(spec);

    expect(result).toMatchObject({ backend: "llm", capability: "total_cost", model: "fake-model", candidates: 2, size: 3, explanation: "sums qty times price" });
    expect(result.rounds.map((r) => r.outcome)).toEqual(["failed", "passed"]);
    expect(result.tests).toHaveLength(3);
    expect(result.code).toContain(RIGHT);
    expect(result.code).toMatch(/^\/\/ capability: total_cost\n/);

    expect(server!.requests).toHaveLength(2);
    const first = server!.requests[0]!;
    expect(first.path).toBe("/v1/chat/completions");
    expect(first.headers.authorization).toBe("Bearer sk-test-key");
    expect(first.body?.model).toBe("fake-model");
    expect(first.body?.response_format).toMatchObject({ type: "json_schema", json_schema: { name: "capsmith_plugin", strict: true, schema: { required: ["code", "explanation"] } } });
    const system = first.body!.messages![0]!;
    expect(system.role).toBe("system");
    expect(system.content).toMatch(/export default function \(input, host\)/);
    expect(system.content).toMatch(/no `eval`/);
    const task = userMessages(0).join("\n");
    expect(task).toContain("Sum of qty * price over the items.");
    expect(task).toContain('{"items":[{"qty":2,"price":3},{"qty":1,"price":4}]}');
    expect(task).toContain('Output JSON Schema: {"type":"number"}');
    expect(task).toContain("deterministic");

    // The second request carries the first answer and the examples it failed, with what it gave.
    const second = server!.requests[1]!.body!.messages!;
    expect(second.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
    expect(second[2]!.content).toContain("sums prices");
    const feedback = second[3]!.content;
    expect(feedback).toContain("failed 2 of the 3 example(s)");
    expect(feedback).toContain('- example 1: input {"items":[{"qty":2,"price":3},{"qty":1,"price":4}]}\n  expected: 10\n  got: 7');
    expect(feedback).toContain("- example 3:");
    expect(feedback).toContain("got: 1.5");
    expect(feedback).not.toContain("example 2:");

    // The held-out test never reaches the model, and the plugin passes it in the sandbox.
    expect(JSON.stringify(server!.requests.map((r) => r.body))).not.toContain("913");
    const run = await runPluginOnce({ code: result.code }, { items: [{ qty: 913, price: 17 }] });
    expect(run).toMatchObject({ ok: true, output: 15521 });
  });

  it("counts a malformed answer (not JSON, or without code) as a round, says why, then takes a good one", async () => {
    const backend = await backendWith([{ content: "Sure! Here is the function you asked for." }, { content: JSON.stringify({ explanation: "forgot the code" }) }, codeReply(RIGHT)]);
    const result = await backend.synthesize(spec);
    expect(result.candidates).toBe(3);
    expect(result.rounds).toEqual([
      { round: 1, outcome: "invalid_response", code: "llm_invalid_response", reason: expect.stringMatching(/not JSON/) },
      { round: 2, outcome: "invalid_response", code: "llm_invalid_response", reason: expect.stringMatching(/code: .*expected string/i) },
      { round: 3, outcome: "passed" },
    ]);
    expect(userMessages(1).at(-1)).toMatch(/^Your answer could not be used: the answer is not JSON/);
    expect(userMessages(2).at(-1)).toMatch(/does not match \{code: string, explanation\?: string\}/);
  });

  it("gives up with no_program_found after maxRounds wrong answers, with the rounds and last failures", async () => {
    const backend = await backendWith([codeReply(WRONG), codeReply(WRONG), { content: "{}" }, codeReply(RIGHT)]);
    const err = await failureOf(backend.synthesize(spec));
    expect(err.code).toBe("no_program_found");
    expect(err.nextStep).toMatch(/--max-rounds/);
    expect(err.details).toMatchObject({
      reason: "rounds",
      rounds: 3,
      maxRounds: 3,
      model: "fake-model",
      history: [
        { round: 1, outcome: "failed", failures: 2 },
        { round: 2, outcome: "failed", failures: 2 },
        { round: 3, outcome: "invalid_response" },
      ],
      lastInvalidResponse: expect.stringMatching(/code/),
    });
    expect(server!.requests).toHaveLength(3);

    const twice = await backendWith([codeReply(WRONG), codeReply(WRONG)], { maxRounds: 2 });
    const last = await failureOf(twice.synthesize(spec));
    expect(last.details?.["lastFailures"]).toEqual([
      { kind: "wrong_output", example: 1, input: spec.examples[0]!.input, expected: 10, got: 7 },
      { kind: "wrong_output", example: 3, input: spec.examples[2]!.input, expected: 7.5, got: 1.5 },
    ]);
  });

  it("contains hostile code in the sandbox and feeds it back as a failure", async () => {
    const backend = await backendWith(
      [
        codeReply("export default function () { while (true) {} }"),
        codeReply("export default function () { process.exit(1); }"),
        codeReply('import { readFileSync } from "node:fs";\nexport default function () { return readFileSync("/etc/passwd", "utf8"); }'),
        codeReply("export default function () { return globalThis.require('child_process'); }"),
        codeReply(RIGHT),
      ],
      { maxRounds: 5, caseTimeoutMs: 300 },
    );
    const result = await backend.synthesize(spec);
    expect(result.candidates).toBe(5);
    const failed = result.rounds.slice(0, 4).map((r) => (r.outcome === "failed" ? r.failures : []));
    // The infinite loop times out on the first example and the rest are skipped.
    expect(failed[0]).toEqual([expect.objectContaining({ kind: "error", example: 1, error: expect.objectContaining({ code: "timeout" }) })]);
    expect(failed[1]![0]).toMatchObject({ kind: "error", error: { code: "plugin_error", message: expect.stringMatching(/process is not defined/) } });
    expect(failed[2]).toEqual([{ kind: "rejected", error: { code: "scan_rejected", message: expect.stringMatching(/import/) } }]);
    expect(failed[3]![0]).toMatchObject({ kind: "error", error: { code: "plugin_error" } });
    expect(userMessages(1).at(-1)).toMatch(/error: timeout.*\n\(examples after 1 were not run: the sandbox stops at the first timeout\)/);
    expect(userMessages(2).at(-1)).toMatch(/error: plugin_error: .*process is not defined/);
    expect(userMessages(3).at(-1)).toMatch(/^Your plugin was rejected before it ran:\n- the code could not be loaded: scan_rejected/);
    expect(process.exitCode ?? 0).toBe(0);
  });

  it("turns a 500 from the server into llm_failed with a next step, and retries it when allowed", async () => {
    const backend = await backendWith([errorReply(500, "the model crashed")]);
    const err = await failureOf(backend.synthesize(spec));
    expect(err.code).toBe("llm_failed");
    expect(err.retryable).toBe(true);
    expect(err.message).toMatch(/failed \(500\)/);
    expect(err.nextStep).toMatch(/OPENAI_BASE_URL/);
    expect(err.details).toMatchObject({ status: 500, model: "fake-model", round: 1, baseURL: server!.baseURL });

    const retrying = await backendWith([errorReply(503, "busy"), codeReply(RIGHT)], { maxRetries: 1 });
    expect((await retrying.synthesize(spec)).candidates).toBe(1);
    expect(server!.requests).toHaveLength(2);
  });

  it("turns a 401 into llm_failed that names the key variable but never shows the key", async () => {
    const backend = await backendWith([errorReply(401, "Incorrect API key provided: sk-test-key. You can find your API key at ...", "invalid_request_error")]);
    const err = await failureOf(backend.synthesize(spec));
    expect(err.code).toBe("llm_failed");
    expect(err.details).toMatchObject({ status: 401 });
    expect(err.nextStep).toMatch(/OPENAI_API_KEY/);
    expect(err.message).toContain("[redacted]");
    expect(JSON.stringify(err.toJSON())).not.toContain("sk-test-key");
    expect(String((err.cause as Error).message)).not.toContain("sk-test-key");
    expect(server!.requests).toHaveLength(1);
  });

  it("turns a refused connection into llm_failed that says to check OPENAI_BASE_URL", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const backend = createLlmBackend({ baseURL: `http://127.0.0.1:${port}/v1`, model: "m", maxRetries: 0 });
    const err = await failureOf(backend.synthesize(spec));
    expect(err.code).toBe("llm_failed");
    expect(err.message).toMatch(/cannot reach the LLM server at http:\/\/127\.0\.0\.1:\d+\/v1/);
    expect(err.nextStep).toMatch(/OPENAI_BASE_URL/);
  });

  it("honours the budget and cancellation while waiting for the server", async () => {
    const slow = await backendWith([{ ...codeReply(RIGHT), delayMs: 5_000 }]);
    const started = performance.now();
    const err = await failureOf(slow.synthesize(spec, { budgetMs: 300 }));
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(err.code).toBe("no_program_found");
    expect(err.details).toMatchObject({ reason: "budget", rounds: 0, budgetMs: 300 });
    expect(err.nextStep).toMatch(/--budget-ms/);

    const again = await backendWith([{ ...codeReply(RIGHT), delayMs: 5_000 }]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const cancelled = await failureOf(again.synthesize(spec, { signal: controller.signal }));
    expect(cancelled.code).toBe("cancelled");
  });

  it("accepts an injected openai client and evaluator, and asks for json_object when told to", async () => {
    server = await startFakeOpenAi([codeReply("anything")]);
    const client = new OpenAI({ baseURL: server.baseURL, apiKey: "k", maxRetries: 0 });
    const seen: string[] = [];
    const backend = createLlmBackend({ client, model: "m", responseFormat: "json_object", evaluate: async (code) => (seen.push(code), []) });
    const result = await backend.synthesize(spec);
    expect(seen).toEqual(["anything"]);
    expect(result.candidates).toBe(1);
    expect(server.requests[0]!.body?.response_format).toEqual({ type: "json_object" });
  });

  it("is unavailable without a key, a base URL or a client", () => {
    expect(() => createLlmBackend({ model: "m" })).toThrow(expect.objectContaining({ code: "backend_unavailable", nextStep: expect.stringMatching(/OPENAI_BASE_URL/) }));
  });
});

describe("llm answer parsing and configuration", () => {
  it("parses {code, explanation}, tolerating markdown fences around the JSON or the code", () => {
    expect(parseAnswer('{"code":"export default () => 1","explanation":"one"}')).toEqual({ ok: true, answer: { code: "export default () => 1", explanation: "one" } });
    expect(parseAnswer('```json\n{"code":"```js\\nexport default () => 1\\n```"}\n```')).toEqual({ ok: true, answer: { code: "export default () => 1" } });
    expect(parseAnswer('{"code":"x","explanation":null}')).toEqual({ ok: true, answer: { code: "x" } });
    expect(parseAnswer("")).toMatchObject({ ok: false, reason: "the answer was empty" });
    expect(parseAnswer('{"code":"  "}')).toMatchObject({ ok: false, reason: expect.stringMatching(/code is empty/) });
    expect(parseAnswer('["code"]')).toMatchObject({ ok: false });
  });

  it("refuses code holding a lone surrogate (JSON's \\ud800 escape), and accepts the same character escaped in the source", () => {
    // The raw character: no PluginDrafted could record this code.
    expect(parseAnswer('{"code":"export default () => \\"\\ud800\\""}')).toMatchObject({ ok: false, reason: expect.stringMatching(/lone surrogate .* at character 22/) });
    // The escape written into the source is plain ASCII text.
    expect(parseAnswer('{"code":"export default () => \\"\\\\ud800\\""}')).toEqual({ ok: true, answer: { code: 'export default () => "\\ud800"' } });
    expect(parseAnswer('{"code":"x","explanation":"why \\udc00"}')).toEqual({ ok: true, answer: { code: "x", explanation: "why \uFFFD" } });
  });

});
