import type { Command } from "commander";
import { AGENT_ROLES } from "../../agents/index.ts";
import { API_ROLES, isApiRole, openTokenStore, serveMcpStdio } from "../../serve/index.ts";
import { action } from "../command-kit.ts";
import { UsageError } from "../errors.ts";
import { withCapsmith } from "../capsmith-access.ts";
import { VERSION } from "../version.ts";
import { SUMMARIES } from "./summaries.ts";

export function registerMcp(program: Command): void {
  program
    .command("mcp")
    .description(SUMMARIES.mcp)
    .option("--no-agents", "run no agents here (daemons elsewhere answer capability requests)")
    .option("--role <role>", `what the session may do: ${API_ROLES.join("|")}`, "runner")
    .option("--policy <file>", "policy file")
    .action(
      action(async (ctx, opts: { agents: boolean; role: string; policy?: string }) => {
        if (!isApiRole(opts.role)) throw new UsageError("usage", `unknown role "${opts.role}"`, { nextStep: `Use one of ${API_ROLES.join(", ")}.` });
        const role = opts.role;
        const roles = opts.agents ? [...AGENT_ROLES] : [];
        await withCapsmith(ctx, { roles, policyFile: opts.policy }, async (capsmith) => {
          const mcp = await serveMcpStdio({ capsmith, tokens: openTokenStore(ctx.config.dataDir), role, version: VERSION });
          ctx.logger.info({ role, agents: roles }, "MCP server on stdio");
          await Promise.race([
            mcp.closed,
            new Promise<void>((resolve) => {
              process.once("SIGTERM", () => resolve());
              process.once("SIGINT", () => resolve());
            }),
          ]);
          await mcp.close();
        });
        // stdout was the protocol's: nothing more goes there.
        return { json: { ok: true }, silent: true };
      }),
    );
}
