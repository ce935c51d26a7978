import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The development capability specs kept in the repository (overridable with CAPSMITH_SYNTHESIS_TASKS). */
export const TASKS_DIR = process.env["CAPSMITH_SYNTHESIS_TASKS"] ?? join(import.meta.dirname, "../fixtures/specs/dev");

export function loadTask(name: string): Record<string, unknown> & { capability: string; examples: { input: unknown; output: unknown }[]; tests?: { input: unknown; output: unknown }[] } {
  return JSON.parse(readFileSync(join(TASKS_DIR, `${name}.json`), "utf8")) as ReturnType<typeof loadTask>;
}
