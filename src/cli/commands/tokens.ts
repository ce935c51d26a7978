import type { Command } from "commander";
import { API_ROLES, isApiRole, openTokenStore, permissionsOf } from "../../serve/index.ts";
import { action } from "../command-kit.ts";
import { requireNamedDataDir, requireWritableDataDir } from "../data-dir.ts";
import { UsageError } from "../errors.ts";
import { SUMMARIES } from "./summaries.ts";

export function registerTokens(program: Command): void {
  const tokens = program.command("tokens").description(SUMMARIES.tokens);
  tokens
    .command("create")
    .description("make a bearer token for a role; it is printed once and stored only as a hash")
    .requiredOption("--role <role>", API_ROLES.join("|"))
    .option("--label <text>", "what the token is for (shown in tokens list and the dashboard)")
    .action(
      action(async (ctx, opts: { role: string; label?: string }) => {
        if (!isApiRole(opts.role)) throw new UsageError("usage", `unknown role "${opts.role}"`, { nextStep: `Use one of ${API_ROLES.join(", ")}.` });
        await requireWritableDataDir(ctx.config);
        const made = await openTokenStore(ctx.config.dataDir).create(opts.role, opts.label);
        const text = [
          made.token,
          `(token ${made.id}, role ${made.role}: ${permissionsOf(made.role).join(", ")}; shown once, keep it secret)`,
        ].join("\n");
        return { json: { ok: true, ...made, permissions: permissionsOf(made.role) }, text };
      }),
    );
  tokens
    .command("list")
    .description("the tokens capsmith serve accepts (ids and roles, never the tokens)")
    .action(
      action(async (ctx) => {
        // Tokens are files of the data directory, on NATS too: a mistyped one is no empty list.
        await requireNamedDataDir(ctx.config, "files");
        const list = await openTokenStore(ctx.config.dataDir).list();
        const text = list.length === 0 ? "no tokens (capsmith serve makes an operator token on first start)" : list.map((t) => `${t.id}  ${t.role.padEnd(11)} ${t.createdAt}  ${t.label}`).join("\n");
        return { json: { ok: true, tokens: list }, text };
      }),
    );
  tokens
    .command("revoke")
    .description("stop accepting a token (a running server notices within a second)")
    .argument("<id>", "the token's id (capsmith tokens list)")
    .action(
      action(async (ctx, id: string) => {
        await requireWritableDataDir(ctx.config);
        if (!(await openTokenStore(ctx.config.dataDir).revoke(id))) throw new UsageError("invalid_input", `no token ${id}`, { nextStep: "Run capsmith tokens list for the ids." });
        return { json: { ok: true, id }, text: `revoked ${id}` };
      }),
    );
}
