import { agentDelaysFromEnv, startRuntime } from "../agents/index.ts";
import { createLlmBackend, llmConfigFromEnv } from "../agents/synthesizer/index.ts";
import type { AgentRole, Runtime } from "../agents/index.ts";
import { ensureGovernorKey, faultsFromEnv } from "../hub/index.ts";
import { systemClock, uuidIds } from "../platform/index.ts";
import type { CommandContext } from "./command-kit.ts";
import { policyFor } from "./hub-access.ts";
import { withLog } from "./log-access.ts";
import { VERSION } from "./version.ts";

export interface RuntimeChoice {
  roles: readonly AgentRole[];
  policy?: string;
  synthesisBudgetMs?: number;
  ackWaitMs?: number;
  /** The llm backend's model (default from the environment). */
  model?: string;
}

/** Runs `body` with capsmith started in this process on the log the global options name. */
export async function withRuntime<T>(ctx: CommandContext, choice: RuntimeChoice, body: (runtime: Runtime) => Promise<T>): Promise<T> {
  const policy = await policyFor(ctx, choice.policy);
  const faults = faultsFromEnv();
  const llm = llmConfigFromEnv(process.env, choice.model);
  return withLog(ctx, { readOnly: false }, async (log) => {
    const governorKey = choice.roles.includes("governor") ? await ensureGovernorKey(log, ctx.options.data) : undefined;
    const runtime = await startRuntime({
      ...(governorKey ? { governorKey } : {}),
      log, clock: systemClock, newId: uuidIds, logger: ctx.logger, policy, hostVersion: VERSION, roles: choice.roles, faults,
      ...(choice.synthesisBudgetMs ? { synthesisBudgetMs: choice.synthesisBudgetMs } : {}),
      ...(llm.configured
        ? { llm: () => createLlmBackend({ model: llm.model, ...(llm.baseURL ? { baseURL: llm.baseURL } : {}), ...(llm.apiKey ? { apiKey: llm.apiKey } : {}) }) }
        : {}),
      agentOptions: { delays: agentDelaysFromEnv(), ...(choice.ackWaitMs ? { ackWaitMs: choice.ackWaitMs } : {}) },
    });
    try {
      return await body(runtime);
    } finally {
      await runtime.close();
    }
  });
}
