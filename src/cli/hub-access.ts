import { HubError, loadDataDirPolicy, loadPolicy } from "../hub/index.ts";
import type { HubService, Policy } from "../hub/index.ts";
import type { CommandContext } from "./command-kit.ts";
import { asUsageError } from "./errors.ts";
import { withRuntime } from "./runtime-access.ts";

/**
 * Runs `body` with the governed hub on a writable log: the runtime with no agents, so installs'
 * health checks resolve `host.invoke` and record denials like any other plugin run, and every
 * install a crash left unfinished is rolled back before the command starts.
 */
export function withHub<T>(ctx: CommandContext, policyPath: string | undefined, body: (hub: HubService) => Promise<T>): Promise<T> {
  return withRuntime(ctx, { roles: [], ...(policyPath ? { policy: policyPath } : {}) }, (runtime) => body(runtime.hub));
}

/**
 * The policy a command runs under: `--policy FILE`, else `<data>/policy.json`, else the defaults. A
 * policy file that is missing or invalid is the person's input to fix: a usage error (exit 2).
 */
export async function policyFor(ctx: CommandContext, explicit: string | undefined): Promise<Policy> {
  try {
    return await (explicit ? loadPolicy(explicit) : loadDataDirPolicy(ctx.options.data));
  } catch (err) {
    if (err instanceof HubError && (err.code === "invalid_policy" || err.code === "policy_not_found")) {
      throw asUsageError(err, err.code === "invalid_policy" ? "invalid_input" : "file_not_found");
    }
    throw err;
  }
}
