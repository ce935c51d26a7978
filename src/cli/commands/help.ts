/**
 * `capsmith help [TOPIC|COMMAND...]`: the project's documentation by topic, printed from `docs/`
 * beside the package (`capsmith help errors CODE`: what one error code means and what to do), and
 * `capsmith help COMMAND [SUBCOMMAND]` as commander's help for that command. With no word: the topics.
 */
import { readFile } from "node:fs/promises";
import { Command } from "commander";
import { action } from "../command-kit.ts";
import { findTopic, listTopics, section, topicWords } from "../docs.ts";
import { UsageError } from "../errors.ts";
import { closest } from "../suggest.ts";
import { COMMANDS } from "./index.ts";
import { SUMMARIES } from "./summaries.ts";

export function registerHelp(program: Command): void {
  program
    .command("help")
    .description(SUMMARIES.help)
    .argument("[words...]", "a topic (spec-format, plan-format, policy, operations, errors, …) or a command (run, plugin list, …)")
    .action(
      action(async (_ctx, words: string[]) => {
        const topics = await listTopics();
        if (words.length === 0) {
          const width = Math.max(...topics.map((t) => t.name.length));
          const text = [
            "Topics (capsmith help TOPIC; the same files are in docs/):",
            ...topics.map((t) => `  ${t.name.padEnd(width)}  ${t.title}`),
            "",
            "capsmith help errors CODE: what an error code means and what to do.",
            "capsmith help COMMAND: a command's options (capsmith --help lists the commands).",
          ].join("\n");
          return { json: { ok: true, topics: topics.map(({ name, title }) => ({ name, title })) }, text };
        }
        const [first, ...rest] = words as [string, ...string[]];
        const topic = findTopic(topics, first);
        if (topic) {
          const doc = await readFile(topic.file, "utf8");
          if (rest.length === 0) return { json: { ok: true, topic: topic.name, file: topic.file, text: doc }, text: doc };
          const part = section(doc, rest[0]!);
          if (!part) throw new UsageError("usage", `${topic.name} has no section on "${rest[0]}"`, { nextStep: `Run capsmith help ${topic.name} for the whole topic.` });
          return { json: { ok: true, topic: topic.name, section: rest[0], text: part }, text: part };
        }
        const entry = COMMANDS.find((c) => c.name === first);
        if (entry) return { json: { ok: true, command: words.join(" ") }, text: await commandHelp(entry, words) };
        const nearest = closest(first, [...topicWords(topics), ...COMMANDS.map((c) => c.name)]);
        throw new UsageError("usage", `no topic or command named "${first}"`, {
          nextStep: nearest ? `Did you mean capsmith help ${nearest}? (capsmith help lists the topics)` : "Run capsmith help for the topics, capsmith --help for the commands.",
        });
      }),
    );
}

/** Commander's help for a command (and a subcommand), its module loaded on a program of its own. */
async function commandHelp(entry: (typeof COMMANDS)[number], words: string[]): Promise<string> {
  const program = new Command("capsmith");
  (await entry.load(words[1]))(program);
  let cmd = program.commands.find((c) => c.name() === entry.name)!;
  for (const word of words.slice(1)) {
    const sub = cmd.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (!sub) {
      throw new UsageError("usage", `capsmith ${cmd.name()} has no subcommand "${word}"`, { nextStep: `Run capsmith help ${cmd.name()} for its subcommands.` });
    }
    cmd = sub;
  }
  return cmd.helpInformation();
}
