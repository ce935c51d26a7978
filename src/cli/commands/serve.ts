import type { Command } from "commander";
import { AGENT_ROLES } from "../../agents/index.ts";
import { HubError, openKeyStore } from "../../hub/index.ts";
import type { SigningKey } from "../../hub/index.ts";
import { openTokenStore, startServer } from "../../serve/index.ts";
import { action } from "../command-kit.ts";
import type { CommandContext } from "../command-kit.ts";
import { asUsageError, UsageError } from "../errors.ts";
import { withCapsmith } from "../capsmith-access.ts";
import { requireWritableDataDir } from "../data-dir.ts";
import { VERSION } from "../version.ts";
import { SUMMARIES } from "./summaries.ts";

interface ServeOpts {
  port: string;
  host: string;
  agents: boolean;
  approveKey?: string;
  policy?: string;
  maxBody: string;
}

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description(SUMMARIES.serve)
    .option("--port <n>", "port to listen on (0: any free one)", "8787")
    .option("--host <address>", "address to bind (default 127.0.0.1: this machine only)", "127.0.0.1")
    .option("--no-agents", "run no agents here (daemons elsewhere answer capability requests)")
    .option("--approve-key <name>", "operator key (in the data directory) the server signs approvals with")
    .option("--max-body <bytes>", "largest request body accepted", "1048576")
    .option("--policy <file>", "policy file")
    .action(
      action(async (ctx, opts: ServeOpts) => {
        const port = wholeNumber(opts.port, "--port", 0, 65_535);
        const maxBodyBytes = wholeNumber(opts.maxBody, "--max-body", 1_024, 1_073_741_824);
        const approveKey = opts.approveKey ? await operatorKey(ctx, opts.approveKey) : undefined;
        // The operator token is written before the log is opened: never through a file or into someone else's directory.
        await requireWritableDataDir(ctx.config);
        const tokens = openTokenStore(ctx.config.dataDir);
        const first = await tokens.ensureOperatorToken();
        const roles = opts.agents ? [...AGENT_ROLES] : [];
        await withCapsmith(ctx, { roles, policyFile: opts.policy, recoverInstalls: true }, async (capsmith) => {
          const server = await startServer({ capsmith, tokens, host: opts.host, port, version: VERSION, limits: { maxBodyBytes }, ...(approveKey ? { approveKey } : {}) });
          const where = ctx.config.nats ? "NATS" : `the embedded log in ${ctx.config.dataDir}`;
          process.stderr.write([
            `capsmith serve ${process.pid} on ${where}, ${roles.length ? `agents: ${roles.join(", ")}` : "no agents (daemons elsewhere)"}`,
            `  dashboard  ${server.url}/`,
            `  API        ${server.url}/v1   (OpenAPI: ${server.url}/openapi.json)`,
            `  MCP        ${server.url}/mcp`,
            `  tokens     ${first.created ? `an operator token was made: ${first.operatorTokenFile}` : `${tokens.file} (capsmith tokens create --role ROLE)`}`,
            ...(approveKey ? [`  approvals  signed with operator key ${approveKey.name} (${approveKey.keyId})`] : []),
            ...(isLoopback(opts.host) ? [] : [`  WARNING    listening on ${opts.host}, beyond this machine: tokens travel in clear text unless TLS is in front`]),
            "  stop with Ctrl-C or SIGTERM",
          ].join("\n") + "\n");
          ctx.logger.info({ url: server.url, pid: process.pid }, "serve started");
          await new Promise<void>((resolve) => {
            process.once("SIGTERM", () => resolve());
            process.once("SIGINT", () => resolve());
          });
          await server.close();
        });
        return { json: { ok: true }, text: "capsmith serve stopped" };
      }),
    );
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || host.startsWith("127.");
}

function wholeNumber(value: string, flag: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError("usage", `${flag} takes a whole number from ${min} to ${max}, not "${value}"`, { nextStep: `e.g. ${flag} ${Math.max(min, 8787)}` });
  return n;
}

async function operatorKey(ctx: CommandContext, name: string): Promise<SigningKey> {
  let key: SigningKey;
  try {
    key = await openKeyStore(ctx.config.dataDir).load(name);
  } catch (err) {
    throw err instanceof HubError ? asUsageError(err) : err;
  }
  if (key.role !== "operator") {
    throw new UsageError("invalid_input", `key ${name} has role ${key.role}; approvals need an operator key`, { nextStep: "Generate one: capsmith keys generate NAME --role operator --trust." });
  }
  return key;
}
