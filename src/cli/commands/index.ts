import type { Command } from "commander";

/** Every subcommand registers itself on the program; order is the order `--help` lists them. */
export const commands: ((program: Command) => void)[] = [];
