/**
 * The `capsmith` command: global options, the logger, and one module per subcommand under
 * ./commands, loaded only when it is the one being run. Thin by rule: parse, call the core, print.
 */
import { Command, CommanderError } from "commander";
import type { Option } from "commander";
import { environment, loadConfig } from "../config/index.ts";
import type { ConfigFlags } from "../config/index.ts";
import { reportError, setContextFactory } from "./command-kit.ts";
import { requireWritableDataDir } from "./data-dir.ts";
import { UsageError } from "./errors.ts";
import { jsonLine, safeText } from "../terminal/index.ts";
import { createLogger } from "./logger.ts";
import { COMMANDS } from "./commands/index.ts";
import { closest } from "./suggest.ts";
import { VERSION } from "./version.ts";

type GlobalFlags = ConfigFlags & { json?: boolean; print?: string };

export async function main(argv: string[] = process.argv): Promise<void> {
  const env = environment();
  const program = new Command("capsmith")
    .description("An event-sourced agent runtime that grows its own capabilities.")
    .version(VERSION)
    .option("--json", "print exactly one JSON object on stdout", false)
    .option("--data <dir>", "data directory of the embedded log (default ./.capsmith, or CAPSMITH_HOME)")
    .option("--nats <url>", "use NATS JetStream at this URL (or comma-separated URLs) instead of the embedded log (or CAPSMITH_NATS_URL)")
    .option("--namespace <name>", "on NATS: the deployment's own stream and subjects (or CAPSMITH_NAMESPACE)")
    .option("--log-level <level>", "pino log level; logs go to stderr, never stdout (default warn, or CAPSMITH_LOG_LEVEL)")
    .option("-p, --print <request>", "run one request (a /command or plain words) without the REPL, and exit")
    .usage("[options] [command]   (no command: the REPL)")
    // Words that name no command arrive here; they get a usage error that names the nearest one.
    .allowExcessArguments(true)
    .action(async (raw: GlobalFlags, cmd: Command) => {
      const words = cmd.args;
      const report = (err: unknown): void => reportError({ options: { json: Boolean(raw.json) }, logger: undefined, stdout: process.stdout }, err);
      if (words.length > 0) {
        const suggestion = closest(words[0]!, COMMANDS.map((c) => c.name));
        return report(new UsageError("usage", `unknown command ${words[0]}`, {
          nextStep: suggestion ? `Did you mean capsmith ${suggestion}? (capsmith --help lists every command)` : "Run capsmith --help for the commands.",
        }));
      }
      let config;
      try {
        config = loadConfig({ flags: raw, env, hostVersion: VERSION });
        // The REPL writes (its log file first): never through a file, nor into someone else's directory.
        await requireWritableDataDir(config);
      } catch (err) {
        return report(err);
      }
      // No command: the REPL (loaded only here, so other commands never pay for Ink and React).
      const { runRepl } = await import("../repl/index.ts");
      process.exitCode = await runRepl({ config, json: Boolean(raw.json), ...(raw.print !== undefined ? { print: raw.print } : {}) });
    })
    .addHelpText("after", "\nDocumentation: capsmith help lists the topics (spec-format, plan-format, policy, operations, errors, …);\ncapsmith help TOPIC prints one, capsmith help COMMAND a command's options. The same files are in docs/.")
    .showHelpAfterError("next step: capsmith --help lists the commands and options\nmore: capsmith help errors usage")
    .exitOverride();
  // A parse error reads like every other error: its code, and where to look (not the whole help).
  program.configureOutput({
    writeErr: (s) => process.stderr.write(safeText(s)),
    outputError: (s, write) => write(s.replace(/^error: /, "error [usage]: ")),
  });

  setContextFactory((cmd) => {
    const raw = cmd.optsWithGlobals() as GlobalFlags;
    const config = loadConfig({ flags: raw, env, hostVersion: VERSION });
    return { config, options: { json: Boolean(raw.json) }, logger: createLogger(config.logLevel, config.logFile), stdout: process.stdout };
  });
  const wanted = commandWord(argv.slice(2), program.options);
  for (const entry of COMMANDS) {
    if (entry.name === wanted) (await entry.load(subcommandWord(argv.slice(2), wanted)))(program);
    // The others only need a line in the help listing.
    else program.command(entry.name).description(entry.summary);
  }
  for (const cmd of program.commands) pointToOwnHelp(cmd, cmd.name());

  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with exit code 0; anything else is a usage error.
      process.exitCode = err.exitCode === 0 ? 0 : 2;
      if (err.exitCode !== 0 && argv.includes("--json")) {
        const message = err.message.replace(/^error: /, "");
        const error = { code: "usage", message, nextStep: "Run capsmith --help (or capsmith COMMAND --help) for the usage." };
        process.stdout.write(jsonLine({ ok: false, error }) + "\n");
      }
      return;
    }
    throw err;
  }
}

/** After a parse error, a command names its own `--help` instead of printing all of it. */
function pointToOwnHelp(cmd: Command, path: string): void {
  const what = cmd.commands.length ? "subcommands" : "options";
  cmd.showHelpAfterError(`next step: capsmith ${path} --help lists its ${what}\nmore: capsmith help errors usage`);
  for (const sub of cmd.commands) pointToOwnHelp(sub, `${path} ${sub.name()}`);
}

/** The word after the command word, when it is not an option: a group's subcommand. */
function subcommandWord(args: string[], command: string): string | undefined {
  const next = args[args.indexOf(command) + 1];
  return next !== undefined && !next.startsWith("-") ? next : undefined;
}

/** The first word that is not a global option or an option's value: the command being run. */
function commandWord(args: string[], options: readonly Option[]): string | undefined {
  const takesValue = new Set(options.filter((o) => o.required || o.optional).flatMap((o) => [o.long, o.short].filter((f): f is string => Boolean(f))));
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") return args[i + 1];
    if (!arg.startsWith("-")) return arg;
    if (takesValue.has(arg)) i++;
  }
  return undefined;
}
