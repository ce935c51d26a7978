/**
 * The `llm` backend's settings come from the config (src/config reads CAPSMITH_LLM_* and OPENAI_*);
 * the public endpoint is the default server.
 */
export { DEFAULT_LLM_MODEL } from "../../config/index.ts";
export type { LlmSettings as LlmConfig } from "../../config/index.ts";
export const OPENAI_BASE_URL = "https://api.openai.com/v1";
