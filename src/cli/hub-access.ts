import { existsSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_POLICY, HubError, createGovernedHub, faultsFromEnv, loadPolicy } from "../hub/index.ts";
import type { HubService, Policy } from "../hub/index.ts";
import { STALE_INSTALL_MS } from "../agents/runtime.ts";
import { systemClock, uuidIds } from "../platform/index.ts";
import { createPluginHost } from "../sandbox/index.ts";
import type { CommandContext } from "./command-kit.ts";
import { UsageError } from "./errors.ts";
import { withLog } from "./log-access.ts";
import { VERSION } from "./version.ts";

/**
 * Runs `body` with the governed hub on a writable log. Opening it first rolls back any install a
 * crash left unfinished, so no command ever starts from a half-installed plugin.
 */
export async function withHub<T>(ctx: CommandContext, policyPath: string | undefined, body: (hub: HubService) => Promise<T>): Promise<T> {
  const policy = await policyFor(ctx, policyPath);
  const faults = faultsFromEnv();
  return withLog(ctx, { readOnly: false }, async (log) => {
    const sandbox = createPluginHost({ workers: 1 });
    try {
      const hub = createGovernedHub({ log, sandbox, policy, hostVersion: VERSION, newId: uuidIds, faults, logger: ctx.logger });
      const recovered = await hub.recover(log.kind === "file" ? {} : { staleAfterMs: STALE_INSTALL_MS, now: systemClock.now() });
      if (recovered.length > 0) ctx.logger.warn({ recovered }, "rolled back installs left unfinished by a crash");
      return await body(hub);
    } finally {
      await sandbox.close();
    }
  });
}



/**
 * The policy a command runs under: `--policy FILE`, else `<data>/policy.json`, else the defaults. A
 * policy file that is missing or invalid is the person's input to fix: a usage error (exit 2).
 */
export async function policyFor(ctx: CommandContext, explicit: string | undefined): Promise<Policy> {
  const file = explicit ?? join(ctx.options.data, "policy.json");
  if (!explicit && !existsSync(file)) return DEFAULT_POLICY;
  try {
    return await loadPolicy(file);
  } catch (err) {
    if (err instanceof HubError && (err.code === "invalid_policy" || err.code === "policy_not_found")) {
      throw new UsageError(err.code === "invalid_policy" ? "invalid_input" : "file_not_found", err.message, { cause: err, ...(err.nextStep ? { nextStep: err.nextStep } : {}), details: { reason: err.code, ...err.details } });
    }
    throw err;
  }
}
