/**
 * The `llm` backend: asks a chat model on any OpenAI-compatible server for the plugin (structured
 * output `{code, explanation}`), runs the answer on the spec's examples in the sandbox, and on any
 * failure feeds the failing cases back and asks again, up to `maxRounds` (Voyager's iterative
 * refinement). Success means every example passes; the held-out `tests` are never shown.
 */
import type OpenAI from "openai";
import type * as OpenAISdkModule from "openai";
import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming, ChatCompletionMessageParam } from "openai/resources/chat/completions";
import type { CapabilitySpec } from "../../spec/index.ts";
import type { SynthesisBackend, SynthesisOptions, SynthesisResult } from "./backend.ts";
import { SynthesizerError } from "./errors.ts";
import { OPENAI_BASE_URL } from "./llm-config.ts";
import { llmFailure } from "./llm-errors.ts";
import { SYSTEM_PROMPT, clip, failurePrompt, invalidAnswerPrompt, taskPrompt } from "./llm-prompt.ts";
import { RESPONSE_FORMAT_NAME, answerJsonSchema, parseAnswer } from "./llm-response.ts";
import type { ParsedAnswer } from "./llm-response.ts";
import { goldenTests } from "./plugin.ts";
import { createSandboxEvaluator } from "./refine.ts";
import type { CandidateEvaluator, CaseFailure } from "./refine.ts";

/** An LLM round trip is slow: the default overall budget is larger than the example backend's. */
export const DEFAULT_LLM_BUDGET_MS = 120_000;
export const DEFAULT_MAX_ROUNDS = 3;

type OpenAISdk = typeof OpenAISdkModule;

export interface LlmBackendOptions {
  /** The server's API root (default https://api.openai.com/v1); see `llmConfigFromEnv`. */
  readonly baseURL?: string;
  /** Sent as the bearer token; local servers usually need none. Never logged. */
  readonly apiKey?: string;
  readonly model: string;
  /** Most requests to the model for one spec (default 3). */
  readonly maxRounds?: number;
  /** An `openai` client to use instead of one built from baseURL/apiKey (tests, proxies). */
  readonly client?: OpenAI;
  /** Checks a candidate on cases (default: the sandbox, see `createSandboxEvaluator`). */
  readonly evaluate?: CandidateEvaluator;
  /** The client's retries on 408/409/429/5xx and connection errors, per round (default 2). */
  readonly maxRetries?: number;
  /** Wall-clock limit of each example run in the sandbox (default 1,000 ms). */
  readonly caseTimeoutMs?: number;
  /** How structured output is asked for; `json_object` or `none` for servers without json_schema. */
  readonly responseFormat?: "json_schema" | "json_object" | "none";
  /** Milliseconds clock used only for the budget and elapsed time (default `performance.now`). */
  readonly now?: () => number;
}

/** What happened in one round, kept in results and in `no_program_found` details. */
export type LlmRound =
  | { readonly round: number; readonly outcome: "passed" }
  | { readonly round: number; readonly outcome: "failed"; readonly failures: readonly CaseFailure[] }
  | { readonly round: number; readonly outcome: "invalid_response"; readonly code: "llm_invalid_response"; readonly reason: string };

export interface LlmSynthesisResult extends SynthesisResult {
  readonly model: string;
  readonly explanation?: string;
  /** Every round, the last one passed. `candidates` is their count; `size` is the code's non-blank lines. */
  readonly rounds: readonly LlmRound[];
}

export interface LlmBackend extends SynthesisBackend {
  readonly model: string;
  synthesize(spec: CapabilitySpec, opts?: SynthesisOptions): Promise<LlmSynthesisResult>;
}

export function createLlmBackend(options: LlmBackendOptions): LlmBackend {
  if (!options.client && !options.apiKey && !options.baseURL) {
    throw new SynthesizerError("backend_unavailable", "the llm backend needs an API key or the base URL of an OpenAI-compatible server", {
      nextStep: "Set OPENAI_API_KEY (OpenAI) or OPENAI_BASE_URL (a local server, e.g. http://localhost:11434/v1 for Ollama), or use --backend example.",
    });
  }
  const now = options.now ?? (() => performance.now());
  const maxRounds = Math.max(1, options.maxRounds ?? DEFAULT_MAX_ROUNDS);
  const maxRetries = options.maxRetries ?? 2;
  const baseURL = options.client?.baseURL ?? options.baseURL ?? OPENAI_BASE_URL;
  // The SDK is loaded on first use: importing it costs ~200 ms that other commands should not pay.
  let sdk: Promise<{ sdk: OpenAISdk; client: OpenAI }> | undefined;
  const connect = (): Promise<{ sdk: OpenAISdk; client: OpenAI }> =>
    (sdk ??= import("openai").then((m) => ({
      sdk: m,
      client: options.client ?? new m.OpenAI({ baseURL, apiKey: options.apiKey ?? "no-key", maxRetries, timeout: DEFAULT_LLM_BUDGET_MS }),
    })));
  const format = responseFormat(options.responseFormat ?? "json_schema");

  return {
    name: "llm",
    model: options.model,
    async synthesize(spec: CapabilitySpec, opts: SynthesisOptions = {}): Promise<LlmSynthesisResult> {
      const budgetMs = opts.budgetMs ?? DEFAULT_LLM_BUDGET_MS;
      const start = now();
      const deadline = start + budgetMs;
      const evaluate = options.evaluate ?? createSandboxEvaluator({ timeoutMs: options.caseTimeoutMs ?? 1_000, outputSchema: spec.outputSchema });
      const messages: ChatCompletionMessageParam[] = [
        { role: "system", content: SYSTEM_PROMPT },
        { role: "user", content: taskPrompt(spec) },
      ];
      const { sdk, client } = await connect();
      const rounds: LlmRound[] = [];
      const elapsed = (): number => Math.round(now() - start);
      const cancelled = (): SynthesizerError =>
        new SynthesizerError("cancelled", "synthesis was cancelled", { details: { rounds: rounds.length, elapsedMs: elapsed(), model: options.model } });
      let ranOut = false;

      for (let round = 1; round <= maxRounds; round++) {
        if (opts.signal?.aborted) throw cancelled();
        const remaining = deadline - now();
        if (remaining <= 0) {
          ranOut = true;
          break;
        }
        const timer = AbortSignal.timeout(Math.ceil(remaining));
        const signal = opts.signal ? AbortSignal.any([opts.signal, timer]) : timer;
        let completion: ChatCompletion;
        try {
          const body: ChatCompletionCreateParamsNonStreaming = { model: options.model, messages: [...messages], ...(format ? { response_format: format } : {}) };
          completion = await client.chat.completions.create(body, { signal, timeout: Math.ceil(remaining), maxRetries });
        } catch (err) {
          if (opts.signal?.aborted) throw cancelled();
          if (timer.aborted) {
            ranOut = true;
            break;
          }
          throw llmFailure(sdk, err, { baseURL, model: options.model, round, ...(options.apiKey ? { apiKey: options.apiKey } : {}) });
        }

        const { content, parsed } = readAnswer(completion);
        messages.push({ role: "assistant", content: clip(content, 8_000) });
        if (!parsed.ok) {
          rounds.push({ round, outcome: "invalid_response", code: "llm_invalid_response", reason: parsed.reason });
          messages.push({ role: "user", content: invalidAnswerPrompt(parsed.reason) });
          continue;
        }
        const failures = await evaluate(parsed.answer.code, spec.examples, opts.signal ? { signal: opts.signal } : {});
        if (opts.signal?.aborted) throw cancelled();
        if (failures.length > 0) {
          rounds.push({ round, outcome: "failed", failures });
          messages.push({ role: "user", content: failurePrompt(failures, spec.examples.length) });
          continue;
        }
        rounds.push({ round, outcome: "passed" });
        return {
          backend: "llm",
          capability: spec.capability,
          code: withHeader(spec, parsed.answer.code, options.model, round),
          size: parsed.answer.code.split("\n").filter((l) => l.trim() !== "").length,
          candidates: round,
          elapsedMs: elapsed(),
          tests: goldenTests(spec),
          model: options.model,
          ...(parsed.answer.explanation ? { explanation: parsed.answer.explanation } : {}),
          rounds,
        };
      }

      const last = rounds.at(-1);
      throw new SynthesizerError(
        "no_program_found",
        ranOut
          ? `the model found no plugin for ${spec.capability} passing its ${spec.examples.length} example(s) within ${budgetMs} ms (${rounds.length} round(s))`
          : `the model found no plugin for ${spec.capability} passing its ${spec.examples.length} example(s) in ${rounds.length} round(s)`,
        {
          nextStep: ranOut
            ? "Give synthesis more time (--budget-ms), use a faster model, or add examples that make the rule clearer."
            : "Allow more rounds (--max-rounds), try a stronger model (--model), make the description and examples clearer, or use --backend example.",
          details: {
            reason: ranOut ? "budget" : "rounds",
            rounds: rounds.length,
            maxRounds,
            model: options.model,
            elapsedMs: elapsed(),
            budgetMs,
            history: rounds.map((r) => ({ round: r.round, outcome: r.outcome, ...(r.outcome === "failed" ? { failures: r.failures.length } : {}) })),
            ...(last?.outcome === "failed" ? { lastFailures: last.failures } : {}),
            ...(last?.outcome === "invalid_response" ? { lastInvalidResponse: last.reason } : {}),
          },
        },
      );
    },
  };
}

function responseFormat(kind: "json_schema" | "json_object" | "none"): ChatCompletionCreateParamsNonStreaming["response_format"] | undefined {
  if (kind === "none") return undefined;
  if (kind === "json_object") return { type: "json_object" };
  return { type: "json_schema", json_schema: { name: RESPONSE_FORMAT_NAME, schema: answerJsonSchema(), strict: true } };
}

/** The first choice's text, parsed; a reply without one, a refusal or a cut-off answer is a bad round. */
function readAnswer(completion: ChatCompletion): { content: string; parsed: ParsedAnswer } {
  const choice = (completion as Partial<ChatCompletion> | undefined)?.choices?.[0];
  const message = choice?.message;
  const content = typeof message?.content === "string" ? message.content : "";
  if (!message) return { content, parsed: { ok: false, reason: "the server's reply has no message (choices[0].message is missing)" } };
  if (message.refusal) return { content, parsed: { ok: false, reason: `the model refused: ${clip(message.refusal, 500)}` } };
  const parsed = parseAnswer(content);
  if (!parsed.ok && choice.finish_reason === "length") return { content, parsed: { ok: false, reason: `${parsed.reason}; the answer was cut off at the token limit` } };
  return { content, parsed };
}

function withHeader(spec: CapabilitySpec, code: string, model: string, round: number): string {
  const description = spec.description.replace(/\s+/g, " ").trim();
  const header = [
    `// capability: ${spec.capability}`,
    ...(description ? [`// ${description}`] : []),
    `// Synthesized by capsmith's \`llm\` backend (model ${model.replace(/\s+/g, " ")}, round ${round}), checked on ${spec.examples.length} example(s).`,
  ];
  return `${header.join("\n")}\n${code.trimEnd()}\n`;
}
