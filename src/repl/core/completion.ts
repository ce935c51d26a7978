/**
 * Tab completion: command names after `/`, then capabilities, plugin ids or file names for the
 * argument the command expects there. Pure: the session passes the names it knows.
 */
import type { ArgKind, SlashCommand } from "./types.ts";

export interface CompletionSources {
  commands: readonly SlashCommand[];
  capabilities: readonly string[];
  pluginIds: readonly string[];
  files?: (prefix: string) => string[];
}

export interface Completion {
  /** The line with the completed word (unchanged when nothing or several candidates match and share no longer prefix). */
  line: string;
  /** Every candidate for the word being completed (shown when more than one). */
  candidates: string[];
}

export function complete(line: string, sources: CompletionSources): Completion {
  if (!line.startsWith("/")) return { line, candidates: [] };
  const words = line.split(/\s+/);
  const current = words[words.length - 1] ?? "";
  let pool: readonly string[];
  if (words.length === 1) {
    pool = sources.commands.map((c) => `/${c.name}`);
  } else {
    const command = sources.commands.find((c) => c.name === words[0]!.slice(1).toLowerCase());
    const kind: ArgKind = command?.args?.[words.length - 2] ?? "none";
    pool = kind === "capability" ? sources.capabilities : kind === "plugin" ? [...sources.pluginIds, ...sources.capabilities] : kind === "file" ? (sources.files?.(current) ?? []) : [];
  }
  const candidates = [...new Set(pool.filter((p) => p.startsWith(current)))].sort();
  if (candidates.length === 0) return { line, candidates };
  const prefix = commonPrefix(candidates);
  const done = candidates.length === 1 && !candidates[0]!.endsWith("/");
  const head = line.slice(0, line.length - current.length);
  return { line: head + prefix + (done ? " " : ""), candidates };
}

function commonPrefix(values: string[]): string {
  let prefix = values[0]!;
  for (const v of values) while (!v.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}
