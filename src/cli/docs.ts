/**
 * The project's documentation as `capsmith help TOPIC` serves it: the Markdown files in `docs/`,
 * found beside the installed package (never relative to the working directory), each a topic named
 * by its file, with a few aliases people reach for (`errors`, `keys`).
 */
import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

/** `docs/` of this package. */
export const DOCS_DIR = fileURLToPath(new URL("../../docs/", import.meta.url));

/** Topics listed first, in reading order; any other doc follows alphabetically. */
const ORDER = ["architecture", "spec-format", "plan-format", "compatibility", "policy", "keys-and-trust", "operations", "serve", "troubleshooting", "event-log", "sandbox", "threat-model", "contributing"];

/** Words people type for a topic, and the doc they mean (used only when that doc exists). */
const ALIASES: Record<string, string> = {
  errors: "troubleshooting", codes: "troubleshooting", error: "troubleshooting",
  keys: "keys-and-trust", trust: "keys-and-trust", signatures: "keys-and-trust",
  spec: "spec-format", specs: "spec-format", plan: "plan-format", plans: "plan-format",
  daemons: "operations", cluster: "operations", backups: "operations", environment: "operations", env: "operations",
  log: "event-log", "event-log": "event-log", security: "threat-model", threats: "threat-model",
};

export interface Topic {
  name: string;
  /** The doc's first heading. */
  title: string;
  file: string;
}

export async function listTopics(dir = DOCS_DIR): Promise<Topic[]> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith(".md")).sort();
  const rank = (name: string): number => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);
  const topics = await Promise.all(files.map(async (f) => {
    const name = f.slice(0, -3);
    const text = await readFile(`${dir}${f}`, "utf8");
    return { name, title: /^# (.+)$/m.exec(text)?.[1]?.trim() ?? name, file: `${dir}${f}` };
  }));
  return topics.sort((a, b) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : 1));
}

/** The topic a word names (its file name, or an alias of an existing doc), if any. */
export function findTopic(topics: readonly Topic[], word: string): Topic | undefined {
  const key = word.toLowerCase().replace(/\.md$/, "");
  return topics.find((t) => t.name === key) ?? (Object.hasOwn(ALIASES, key) ? topics.find((t) => t.name === ALIASES[key]) : undefined);
}

/** Every word that names a topic: names and the aliases that resolve. */
export function topicWords(topics: readonly Topic[]): string[] {
  return [...topics.map((t) => t.name), ...Object.keys(ALIASES).filter((a) => topics.some((t) => t.name === ALIASES[a]))];
}

/**
 * The part of a doc under the heading that names `key` (e.g. "### `invalid_spec`"), down to the
 * next heading of the same or a higher level; undefined when no heading names it.
 */
export function section(text: string, key: string): string | undefined {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => /^#{1,6} /.test(l) && l.includes(`\`${key}\``));
  if (start < 0) return undefined;
  const level = /^#+/.exec(lines[start]!)![0].length;
  const end = lines.findIndex((l, i) => i > start && /^#{1,6} /.test(l) && /^#+/.exec(l)![0].length <= level);
  return lines.slice(start, end < 0 ? undefined : end).join("\n").trimEnd();
}
