/**
 * Turns what the `openai` client throws into `SynthesizerError("llm_failed")` with a next step a
 * person can act on. The API key never reaches a message: servers sometimes echo part of it. The
 * SDK module is passed in because it is loaded lazily.
 */
import type * as OpenAISdk from "openai";
import { SynthesizerError } from "./errors.ts";

export interface LlmErrorContext {
  readonly baseURL: string;
  readonly model: string;
  readonly round: number;
  readonly apiKey?: string;
}

const CONFIG_HINT = "Check OPENAI_BASE_URL (or CAPSMITH_LLM_BASE_URL), OPENAI_API_KEY (or CAPSMITH_LLM_API_KEY) and --model (or CAPSMITH_LLM_MODEL)";

export function llmFailure(sdk: typeof OpenAISdk, err: unknown, ctx: LlmErrorContext): SynthesizerError {
  const { APIConnectionError, APIConnectionTimeoutError, APIError, AuthenticationError, BadRequestError, NotFoundError, OpenAIError, PermissionDeniedError, RateLimitError } = sdk;
  const redact = (text: string): string => (ctx.apiKey && ctx.apiKey.length >= 4 ? text.split(ctx.apiKey).join("[redacted]") : text);
  const status = err instanceof APIError ? err.status : undefined;
  const details = { baseURL: ctx.baseURL, model: ctx.model, round: ctx.round, ...(status !== undefined ? { status } : {}) };
  const raw = err instanceof Error ? err.message : String(err);
  // The cause is logged whole by pino's err serializer, so an echoed key must not survive in it either.
  const cause = redact(raw) === raw ? err : Object.assign(new Error(redact(raw)), { name: err instanceof Error ? err.name : "Error", status });
  const say = (what: string, nextStep: string, retryable = false): SynthesizerError =>
    new SynthesizerError("llm_failed", redact(`${what}: ${raw}`), { cause, nextStep, retryable, details });

  if (err instanceof AuthenticationError || err instanceof PermissionDeniedError) {
    return say(`the LLM server at ${ctx.baseURL} refused the API key (${status})`, `Check OPENAI_API_KEY (or CAPSMITH_LLM_API_KEY) is a valid key for ${ctx.baseURL}, and that the key may use model ${ctx.model}.`);
  }
  if (err instanceof NotFoundError) {
    return say(`the LLM server at ${ctx.baseURL} answered 404`, `Check the model name (--model or CAPSMITH_LLM_MODEL, now "${ctx.model}") and that OPENAI_BASE_URL points at the API root (usually ending in /v1).`);
  }
  if (err instanceof RateLimitError) {
    return say(`the LLM server at ${ctx.baseURL} is rate limiting (429)`, "Wait and retry, check the account's quota, or use a local OpenAI-compatible server via OPENAI_BASE_URL.", true);
  }
  if (err instanceof BadRequestError) {
    return say(`the LLM server at ${ctx.baseURL} rejected the request (400)`, `Check that model ${ctx.model} exists there and supports structured output (response_format json_schema). ${CONFIG_HINT}.`);
  }
  if (err instanceof APIConnectionTimeoutError) {
    return say(`the LLM server at ${ctx.baseURL} did not answer in time`, `Check the server is up and not overloaded, or give synthesis more time (--budget-ms). ${CONFIG_HINT}.`, true);
  }
  if (err instanceof APIConnectionError) {
    return say(`cannot reach the LLM server at ${ctx.baseURL}`, `Check that the server is running and that OPENAI_BASE_URL (or CAPSMITH_LLM_BASE_URL) is right, e.g. http://localhost:11434/v1 for Ollama.`, true);
  }
  if (err instanceof APIError && typeof status === "number" && status >= 500) {
    return say(`the LLM server at ${ctx.baseURL} failed (${status})`, `The server had an internal error; retry, and check its logs. ${CONFIG_HINT}.`, true);
  }
  if (err instanceof OpenAIError) {
    return say(`the LLM request failed`, `${CONFIG_HINT}.`);
  }
  return say("the LLM request failed unexpectedly", `${CONFIG_HINT}.`);
}
