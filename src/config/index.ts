/**
 * capsmith's configuration: the one place that reads the environment. The CLI turns flags and the
 * environment into a `CapsmithConfig`; everything else is handed the parts it needs.
 */
export { DEFAULT_LLM_MODEL, environment, loadConfig } from "./config.ts";
export type { CapsmithConfig, ConfigFlags, Environment, LlmSettings } from "./config.ts";
export { ConfigError } from "./errors.ts";
