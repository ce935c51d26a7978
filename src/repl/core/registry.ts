/** The slash-command registry: parses `/name args` and finds the command. */
import type { SlashCommand } from "./types.ts";

export interface ParsedLine {
  kind: "command" | "words" | "empty";
  name: string;
  args: string;
}

/** Bare words people type to leave or to ask for help, as in a shell: they mean the command. */
const BARE_COMMANDS: Record<string, string> = { help: "help", "?": "help", exit: "quit", quit: "quit", bye: "quit" };

export function parseLine(line: string): ParsedLine {
  const text = line.trim();
  if (text === "") return { kind: "empty", name: "", args: "" };
  const word = text.toLowerCase();
  if (Object.hasOwn(BARE_COMMANDS, word)) return { kind: "command", name: BARE_COMMANDS[word]!, args: "" };
  if (!text.startsWith("/")) return { kind: "words", name: "", args: text };
  const space = text.search(/\s/);
  const name = (space < 0 ? text.slice(1) : text.slice(1, space)).toLowerCase();
  return { kind: "command", name, args: space < 0 ? "" : text.slice(space + 1).trim() };
}

export interface Registry {
  readonly commands: readonly SlashCommand[];
  find(name: string): SlashCommand | undefined;
  /** Names that start with a prefix, for "did you mean". */
  similar(name: string): string[];
}

export function createRegistry(commands: readonly SlashCommand[]): Registry {
  const byName = new Map(commands.map((c) => [c.name, c]));
  return {
    commands,
    find: (name) => byName.get(name),
    similar: (name) => commands.map((c) => c.name).filter((n) => n.startsWith(name.slice(0, 2)) || name.startsWith(n)),
  };
}

/** Splits off the first whitespace-separated word: `"total_cost {\"a\": 1}"` → ["total_cost", "{\"a\": 1}"]. */
export function firstWord(args: string): [string, string] {
  const text = args.trim();
  const space = text.search(/\s/);
  return space < 0 ? [text, ""] : [text.slice(0, space), text.slice(space + 1).trim()];
}
