import { resolve } from "node:path";
import { ConfigError } from "./errors.ts";

/** The variables capsmith reads, in one place (docs/operations.md lists them). */
export interface Environment {
  home?: string;
  natsUrl?: string;
  natsReplicas?: string;
  namespace?: string;
  logLevel?: string;
  logFile?: string;
  signKey?: string;
  fault?: string;
  agentDelay?: string;
  llmBaseUrl?: string;
  llmApiKey?: string;
  llmModel?: string;
  sandboxMaxIsolates?: string;
  anchorEvery?: string;
  installLeaseMs?: string;
}

/** Reads the environment (default `process.env`); the only reader of it in capsmith. */
export function environment(env: Readonly<Record<string, string | undefined>> = process.env): Environment {
  const get = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const out: Environment = {};
  const set = (key: keyof Environment, ...names: string[]): void => {
    const value = names.map(get).find((v) => v !== undefined);
    if (value !== undefined) out[key] = value;
  };
  set("home", "CAPSMITH_HOME");
  set("natsUrl", "CAPSMITH_NATS_URL");
  set("natsReplicas", "CAPSMITH_NATS_REPLICAS");
  set("namespace", "CAPSMITH_NAMESPACE");
  set("logLevel", "CAPSMITH_LOG_LEVEL");
  set("logFile", "CAPSMITH_LOG_FILE");
  set("signKey", "CAPSMITH_SIGN_KEY");
  set("fault", "CAPSMITH_FAULT");
  set("agentDelay", "CAPSMITH_AGENT_DELAY");
  set("llmBaseUrl", "CAPSMITH_LLM_BASE_URL", "OPENAI_BASE_URL");
  set("llmApiKey", "CAPSMITH_LLM_API_KEY", "OPENAI_API_KEY");
  set("llmModel", "CAPSMITH_LLM_MODEL");
  set("sandboxMaxIsolates", "CAPSMITH_SANDBOX_MAX_ISOLATES");
  set("anchorEvery", "CAPSMITH_ANCHOR_EVERY");
  set("installLeaseMs", "CAPSMITH_INSTALL_LEASE_MS");
  return out;
}

export const DEFAULT_LLM_MODEL = "gpt-4o-mini";

/** Where the `llm` backend's server, key and model come from. The key is only ever passed on. */
export interface LlmSettings {
  readonly baseURL?: string;
  readonly apiKey?: string;
  readonly model: string;
  /** A key or a base URL is set: what `--backend auto` picks the llm backend on. */
  readonly configured: boolean;
}

export interface CapsmithConfig {
  /** Data directory (absolute): the embedded log, keys, snapshots, blobs, history. */
  dataDir: string;
  /** Who named the data directory, when someone did (not the default `./.capsmith`): a reader refuses one that is not there. */
  dataDirFrom?: "--data" | "CAPSMITH_HOME";
  /** JetStream instead of the embedded log: server URL(s), and the stream's replicas on creation. */
  nats?: { url: string; replicas?: number };
  /** Names the stream and prefixes the subjects, so deployments can share one NATS server. */
  namespace?: string;
  logLevel: string;
  /** Logs go here instead of stderr. */
  logFile?: string;
  /** Name of the key in `<data>/keys` that signs what this process appends. */
  signKey?: string;
  /** `--policy FILE`; otherwise `<data>/policy.json`, otherwise the defaults. */
  policyFile?: string;
  llm: LlmSettings;
  /** Test hooks: failure injection in install phases, per-role handling delays. */
  fault?: string;
  agentDelays: Partial<Record<string, number>>;
  sandboxMaxIsolates?: number;
  /** Writers anchor the log every this many records (0: never; default 10,000). */
  anchorEvery?: number;
  /** How long an install transaction may sit idle before another process takes it over (default 30 s). */
  installLeaseMs?: number;
  hostVersion: string;
}

/** What the command line says; flags win over the environment. */
export interface ConfigFlags {
  data?: string;
  nats?: string;
  namespace?: string;
  logLevel?: string;
  policy?: string;
  model?: string;
}

export function loadConfig(options: { flags?: ConfigFlags; env?: Environment; hostVersion: string }): CapsmithConfig {
  const env = options.env ?? environment();
  const flags = options.flags ?? {};
  const natsUrl = flags.nats ?? env.natsUrl;
  const replicas = natsReplicas(env.natsReplicas);
  const namespace = flags.namespace ?? env.namespace;
  if (namespace !== undefined && !/^[A-Za-z0-9_-]{1,32}$/.test(namespace)) {
    throw new ConfigError("invalid_config", `the namespace must be 1–32 letters, digits, _ or -, not "${namespace}"`, { nextStep: "Use e.g. --namespace team_a (capsmith help operations)." });
  }
  const maxIsolates = env.sandboxMaxIsolates === undefined ? undefined : Number(env.sandboxMaxIsolates);
  if (maxIsolates !== undefined && !(Number.isInteger(maxIsolates) && maxIsolates > 0)) {
    throw new ConfigError("invalid_config", `CAPSMITH_SANDBOX_MAX_ISOLATES takes a positive integer, not "${env.sandboxMaxIsolates}"`, { nextStep: "Unset it (default 512)." });
  }
  const anchorEvery = env.anchorEvery === undefined ? undefined : Number(env.anchorEvery);
  if (anchorEvery !== undefined && !(Number.isInteger(anchorEvery) && anchorEvery >= 0)) {
    throw new ConfigError("invalid_config", `CAPSMITH_ANCHOR_EVERY takes a whole number of records (0: never), not "${env.anchorEvery}"`, { nextStep: "Unset it (default 10000)." });
  }
  const leaseMs = env.installLeaseMs === undefined ? undefined : Number(env.installLeaseMs);
  if (leaseMs !== undefined && !(Number.isInteger(leaseMs) && leaseMs >= 100 && leaseMs <= 3_600_000)) {
    throw new ConfigError("invalid_config", `CAPSMITH_INSTALL_LEASE_MS takes whole milliseconds from 100 to 3600000, not "${env.installLeaseMs}"`, { nextStep: "Unset it (default 30000)." });
  }
  // An empty --data is most often an unset shell variable: resolved, it would name the current directory.
  if (flags.data !== undefined && flags.data.trim() === "") {
    throw new ConfigError("data_dir_invalid", "--data is empty: it names no data directory", {
      nextStep: "Give the data directory's path (--data DIR; check the shell variable it came from), or leave --data out for CAPSMITH_HOME or ./.capsmith.",
      details: { from: "--data" },
    });
  }
  const model = flags.model?.trim() || env.llmModel || DEFAULT_LLM_MODEL;
  return {
    dataDir: resolve(flags.data ?? env.home ?? ".capsmith"),
    ...(flags.data !== undefined ? { dataDirFrom: "--data" as const } : env.home !== undefined ? { dataDirFrom: "CAPSMITH_HOME" as const } : {}),
    ...(natsUrl ? { nats: { url: natsUrl, ...(replicas ? { replicas } : {}) } } : {}),
    ...(namespace ? { namespace } : {}),
    logLevel: flags.logLevel ?? env.logLevel ?? "warn",
    ...(env.logFile ? { logFile: env.logFile } : {}),
    ...(env.signKey ? { signKey: env.signKey } : {}),
    ...(flags.policy ? { policyFile: resolve(flags.policy) } : {}),
    llm: {
      ...(env.llmBaseUrl ? { baseURL: env.llmBaseUrl } : {}),
      ...(env.llmApiKey ? { apiKey: env.llmApiKey } : {}),
      model,
      configured: Boolean(env.llmBaseUrl || env.llmApiKey),
    },
    ...(env.fault ? { fault: env.fault } : {}),
    agentDelays: agentDelays(env.agentDelay),
    ...(maxIsolates ? { sandboxMaxIsolates: maxIsolates } : {}),
    ...(anchorEvery !== undefined ? { anchorEvery } : {}),
    ...(leaseMs ? { installLeaseMs: leaseMs } : {}),
    hostVersion: options.hostVersion,
  };
}

function natsReplicas(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 5) {
    throw new ConfigError("invalid_config", `CAPSMITH_NATS_REPLICAS takes 1 to 5, not "${value}"`, { nextStep: "Use 3 on a three-node cluster, or unset it (capsmith help operations)." });
  }
  return n;
}

/** `CAPSMITH_AGENT_DELAY=role:ms,role:ms`: a test hook that makes a kill land mid-work. */
function agentDelays(value: string | undefined): Partial<Record<string, number>> {
  const delays: Partial<Record<string, number>> = {};
  for (const part of (value ?? "").split(",").filter(Boolean)) {
    const [role, ms] = part.split(":");
    if (role && Number(ms) > 0) delays[role] = Number(ms);
  }
  return delays;
}
