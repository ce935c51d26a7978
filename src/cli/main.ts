/**
 * The `capsmith` command: global options, the logger, and one module per subcommand under
 * ./commands. Thin by rule: parse, call the core, print.
 */
import { resolve } from "node:path";
import { Command, CommanderError } from "commander";
import { setContextFactory } from "./command-kit.ts";
import type { GlobalOptions } from "./command-kit.ts";
import { createLogger } from "./logger.ts";
import { openLog } from "./log-access.ts";
import { commands } from "./commands/index.ts";
import { VERSION } from "./version.ts";

export async function main(argv: string[] = process.argv): Promise<void> {
  const program = new Command("capsmith")
    .description("An event-sourced agent runtime that grows its own capabilities.")
    .version(VERSION)
    .option("--json", "print exactly one JSON object on stdout", false)
    .option("--data <dir>", "data directory of the embedded log", process.env["CAPSMITH_HOME"] ?? ".capsmith")
    .option("--nats <url>", "use NATS JetStream at this URL instead of the embedded log", process.env["CAPSMITH_NATS_URL"])
    .option("--log-level <level>", "pino log level (logs go to stderr, never stdout)", process.env["CAPSMITH_LOG_LEVEL"] ?? "warn")
    .option("-p, --print <request>", "run one request (a /command or plain words) without the REPL, and exit")
    .action(async (raw: GlobalOptions & { logLevel: string; print?: string }) => {
      // No subcommand: the REPL (loaded only here, so other commands never pay for Ink and React).
      const { runRepl } = await import("../repl/index.ts");
      const options = { json: false, data: resolve(raw.data), ...(raw.nats ? { nats: raw.nats } : {}) };
      process.exitCode = await runRepl({
        dataDir: options.data, ...(raw.nats ? { natsUrl: raw.nats } : {}), logLevel: raw.logLevel, hostVersion: VERSION, ...(raw.print !== undefined ? { print: raw.print } : {}),
        // The same log every command opens (signing key and replicas from the environment included).
        openLog: (logger) => openLog({ options, logger, stdout: process.stdout }, { readOnly: false }),
      });
    })
    .showHelpAfterError()
    .exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s) });

  setContextFactory((cmd) => {
    const raw = cmd.optsWithGlobals() as GlobalOptions & { logLevel: string };
    const options: GlobalOptions = { json: Boolean(raw.json), data: resolve(raw.data), ...(raw.nats ? { nats: raw.nats } : {}) };
    return { options, logger: createLogger(raw.logLevel), stdout: process.stdout };
  });
  for (const register of commands) register(program);

  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with exit code 0; anything else is a usage error.
      process.exitCode = err.exitCode === 0 ? 0 : 2;
      if (err.exitCode !== 0 && argv.includes("--json")) {
        const message = err.message.replace(/^error: /, "");
        const error = { code: "usage", message, nextStep: "Run capsmith --help (or capsmith COMMAND --help) for the usage." };
        process.stdout.write(JSON.stringify({ ok: false, error }) + "\n");
      }
      return;
    }
    throw err;
  }
}
