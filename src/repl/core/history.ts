/**
 * Input history across sessions: one line per entry in `<data>/repl-history`, newest last, at
 * most `limit` kept. Answers to questions are not history; only what was typed at the prompt.
 */
import { appendFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

export interface History {
  entries(): readonly string[];
  add(line: string): Promise<void>;
}

export async function openHistory(file: string, limit = 500): Promise<History> {
  let lines: string[] = [];
  try {
    lines = (await readFile(file, "utf8")).split("\n").filter((l) => l.trim() !== "");
  } catch {
    // no history yet
  }
  if (lines.length > limit) {
    lines = lines.slice(-limit);
    await writeFile(file, lines.join("\n") + "\n").catch(() => undefined);
  }
  return {
    entries: () => lines,
    async add(line) {
      const text = line.replace(/\n/g, " ").trim();
      if (text === "" || lines[lines.length - 1] === text) return;
      lines.push(text);
      if (lines.length > limit) lines.shift();
      await mkdir(dirname(file), { recursive: true });
      await appendFile(file, text + "\n").catch(() => undefined);
    },
  };
}

/** In-memory history (for `-p` and tests). */
export function memoryHistory(initial: string[] = []): History {
  const lines = [...initial];
  return { entries: () => lines, add: async (l) => void lines.push(l) };
}
