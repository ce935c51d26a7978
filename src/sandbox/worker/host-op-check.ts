/**
 * Whether a plugin's profile and manifest allow a host operation, decided in the worker before
 * anything reaches the host: `invoke` only of declared dependencies, `fetch` only for the
 * integration profile and only to an allowlisted host and port, `llm.complete` only for the agent
 * profile. (The host checks fetch again against the address it actually connects to.)
 */
import { urlAllowed } from "../net-allowlist.ts";
import type { DenialKind, WorkerPluginConfig } from "../protocol.ts";

export type OpVerdict =
  | { denied: true; operation: string; kind: DenialKind; target: string; reason: string; invalid?: undefined }
  | { denied: false; invalid?: string };

const NEEDS: Record<string, string> = { fetch: "integration", "llm.complete": "agent" };

export function checkHostOp(config: WorkerPluginConfig, op: string, args: string): OpVerdict {
  if (op === "invoke") {
    let capability = "";
    try {
      capability = String((JSON.parse(args) as { capability: unknown }).capability);
    } catch {
      return { denied: false, invalid: "invoke: arguments must be {capability, input}" };
    }
    if (!config.dependencies.includes(capability)) {
      return { denied: true, operation: op, kind: "dependency", target: capability, reason: `${capability} is not among the plugin's declared dependencies` };
    }
    return { denied: false };
  }
  let target = op;
  if (op === "fetch") {
    try {
      target = String((JSON.parse(args) as { url: unknown }).url);
    } catch {
      target = "";
    }
  }
  const needs = NEEDS[op];
  if (!needs || config.profile !== needs) return { denied: true, operation: op, kind: "profile", target, reason: `the ${config.profile} profile does not grant ${op}` };
  if (op === "fetch") {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return { denied: false, invalid: `fetch: not a valid URL: ${target.slice(0, 200).toWellFormed()}` };
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") return { denied: true, operation: op, kind: "scheme", target, reason: "only http and https URLs may be fetched" };
    if (!urlAllowed(url, config.net)) return { denied: true, operation: op, kind: "allowlist", target, reason: `${url.host} is not in the plugin's net allowlist (host and port)` };
  }
  return { denied: false };
}
