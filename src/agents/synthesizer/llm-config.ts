/**
 * Where the `llm` backend's server, key and model come from: capsmith's own variables first, then
 * the ones the OpenAI SDKs use. Empty strings count as unset. The key is only ever passed on.
 */
export const DEFAULT_LLM_MODEL = "gpt-4o-mini";
export const OPENAI_BASE_URL = "https://api.openai.com/v1";

export interface LlmConfig {
  readonly baseURL?: string;
  readonly apiKey?: string;
  readonly model: string;
  /** True when a key or a base URL is set: what `--backend auto` picks the llm backend on. */
  readonly configured: boolean;
}

export function llmConfigFromEnv(env: Readonly<Record<string, string | undefined>> = process.env, model?: string): LlmConfig {
  const pick = (...names: string[]): string | undefined => names.map((n) => env[n]?.trim()).find((v) => Boolean(v));
  const baseURL = pick("CAPSMITH_LLM_BASE_URL", "OPENAI_BASE_URL");
  const apiKey = pick("CAPSMITH_LLM_API_KEY", "OPENAI_API_KEY");
  return {
    ...(baseURL ? { baseURL } : {}),
    ...(apiKey ? { apiKey } : {}),
    model: model?.trim() || pick("CAPSMITH_LLM_MODEL") || DEFAULT_LLM_MODEL,
    configured: Boolean(baseURL || apiKey),
  };
}
