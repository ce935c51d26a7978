/**
 * Every top-level command, in the order `--help` lists them: its one-line summary, and how to load
 * the module that defines it. Only the command a person runs is loaded (the others appear in the
 * help listing by their summary), so `capsmith --help` and `capsmith plugin list` do not pay for
 * the REPL, the synthesizer or the sandbox.
 */
import type { Command } from "commander";
import { SUMMARIES } from "./summaries.ts";

export interface CommandEntry {
  name: keyof typeof SUMMARIES;
  summary: string;
  /** Loads the command's module; `sub` is the word after the command (a group loads that subcommand's module alone). */
  load(sub?: string): Promise<(program: Command) => void>;
}

const entry = (name: keyof typeof SUMMARIES, load: (sub?: string) => Promise<(program: Command) => void>): CommandEntry => ({ name, summary: SUMMARIES[name], load });

export const COMMANDS: readonly CommandEntry[] = [
  entry("run", async () => (await import("./run.ts")).registerRun),
  entry("invoke", async () => (await import("./invoke.ts")).registerInvoke),
  entry("stats", async () => (await import("./stats.ts")).registerStats),
  entry("slo", async () => (await import("./slo.ts")).registerSlo),
  entry("daemon", async () => (await import("./daemon.ts")).registerDaemon),
  entry("replay", async () => (await import("./replay.ts")).registerReplay),
  entry("audit", async () => (await import("./audit.ts")).registerAudit),
  entry("events", async () => (await import("./events.ts")).registerEvents),
  entry("note", async () => (await import("./note.ts")).registerNote),
  entry("deadletters", async () => (await import("./deadletters.ts")).registerDeadletters),
  entry("synthesize", async () => (await import("./synthesize.ts")).registerSynthesize),
  entry("sandbox", async () => (await import("./sandbox.ts")).registerSandbox),
  entry("plugin", async (sub) => (await import("./plugin.ts")).loadPlugin(sub)),
  entry("revert", async () => (await import("./revert.ts")).registerRevert),
  entry("keys", async () => (await import("./keys.ts")).registerKeys),
  entry("serve", async () => (await import("./serve.ts")).registerServe),
  entry("mcp", async () => (await import("./mcp.ts")).registerMcp),
  entry("tokens", async () => (await import("./tokens.ts")).registerTokens),
  entry("help", async () => (await import("./help.ts")).registerHelp),
];
