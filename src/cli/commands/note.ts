import type { Command } from "commander";
import { subjectFor } from "../../events/index.ts";
import { action } from "../command-kit.ts";
import { UsageError } from "../errors.ts";
import { withCapsmith } from "../capsmith-access.ts";
import { SUMMARIES } from "./summaries.ts";

export function registerNote(program: Command): void {
  program
    .command("note")
    .description(SUMMARIES.note)
    .argument("<text>", "the note")
    .option("--topic <id>", "aggregate id the note belongs to", "operator")
    .action(
      action(async (ctx, text: string, opts: { topic: string }) => {
        if (!/^[A-Za-z0-9_\-:]+$/.test(opts.topic)) {
          throw new UsageError("usage", `--topic takes letters, digits, _ - :, not "${opts.topic}"`, { nextStep: "Use e.g. --topic release_42." });
        }
        if (text.trim() === "") throw new UsageError("usage", "the note is empty", { nextStep: 'Write some text, e.g. capsmith note "rolled back by hand".' });
        const result = await withCapsmith(ctx, {}, ({ log }) =>
          log.append([{ type: "OperatorNote", subject: subjectFor("note", opts.topic), data: { text } }]),
        );
        const event = result.events[0]!;
        return { json: { ok: true, seq: result.seq, id: event.id }, text: `noted at seq ${result.seq} (${event.id})` };
      }),
    );
}
