import type { Command } from "commander";
import { registerAudit } from "./audit.ts";
import { registerDaemon } from "./daemon.ts";
import { registerInvoke } from "./invoke.ts";
import { registerStats } from "./stats.ts";
import { registerSlo } from "./slo.ts";
import { registerEvents } from "./events.ts";
import { registerKeys } from "./keys.ts";
import { registerNote } from "./note.ts";
import { registerPlugin } from "./plugin.ts";
import { registerReplay } from "./replay.ts";
import { registerRun } from "./run.ts";
import { registerRevert } from "./revert.ts";
import { registerSandbox } from "./sandbox.ts";
import { registerSynthesize } from "./synthesize.ts";

/** Every subcommand registers itself on the program; order is the order `--help` lists them. */
export const commands: ((program: Command) => void)[] = [
  registerRun,
  registerInvoke,
  registerStats,
  registerSlo,
  registerDaemon,
  registerReplay,
  registerAudit,
  registerEvents,
  registerNote,
  registerSynthesize,
  registerSandbox,
  registerPlugin,
  registerRevert,
  registerKeys,
];
