/**
 * `/need CAPABILITY`: asks for a description and input → output examples, one per line, builds a
 * capability spec (schemas inferred from the examples), and has the agents close the gap.
 */
import { CAPABILITY_NAME } from "../../hub/index.ts";
import { closeGap } from "../core/gap-flow.ts";
import { specFromExamples } from "../../spec/index.ts";
import type { CommandContext, CommandResult, SlashCommand } from "../core/types.ts";

/** `{"a": 1} => 2` (also `->` or `→`) into an example; undefined when the line is not one. */
export function parseExample(line: string): { input: unknown; output: unknown } | undefined {
  const m = /^(.*?)\s*(?:=>|->|→)\s*(.*)$/.exec(line.trim());
  if (!m) return undefined;
  try {
    return { input: JSON.parse(m[1]!) as unknown, output: JSON.parse(m[2]!) as unknown };
  } catch {
    return undefined;
  }
}

export const need: SlashCommand = {
  name: "need",
  usage: "/need CAPABILITY",
  summary: "describe a capability and give examples; the agents write, test and publish it",
  args: ["capability"],
  async run(ctx, args) {
    const capability = args.trim();
    if (!CAPABILITY_NAME.test(capability)) {
      return { type: "error", code: "usage", message: capability ? `"${capability}" is not a capability name` : "name the capability you need", nextStep: "Use snake_case, e.g. /need total_cost." };
    }
    if (!ctx.ui.interactive) return { type: "error", code: "needs_person", message: "/need asks for examples and needs a person at the keyboard", nextStep: "Write a spec file and use /synthesize SPEC.json." };
    const description = await ctx.ui.ask({ text: `What should ${capability} do? (one line)`, placeholder: "e.g. the sum of qty * price over the items" });
    if (description === null) return cancelled();
    const examples = await askExamples(ctx);
    if (examples === null) return cancelled();
    const spec = specFromExamples({ capability, description, examples });
    ctx.ui.line(`asking the agents for ${capability} with ${examples.length} examples…`);
    return closeGap(ctx, spec);
  },
};

async function askExamples(ctx: CommandContext): Promise<{ input: unknown; output: unknown }[] | null> {
  const examples: { input: unknown; output: unknown }[] = [];
  for (;;) {
    const text = `Example ${examples.length + 1}: INPUT => OUTPUT as JSON${examples.length ? " (empty line when done)" : ""}`;
    const line = await ctx.ui.ask({ text, placeholder: '{"items": [{"qty": 2, "price": 3}]} => 6' });
    if (line === null) return null;
    if (line.trim() === "") {
      if (examples.length > 0) return examples;
      ctx.ui.show({ type: "message", tone: "warning", text: "At least one example is needed." });
      continue;
    }
    const example = parseExample(line);
    if (!example) {
      ctx.ui.show({ type: "message", tone: "warning", text: 'Not an example: write INPUT => OUTPUT, both JSON, e.g. {"n": 2} => 4' });
      continue;
    }
    examples.push(example);
  }
}

function cancelled(): CommandResult {
  return { type: "message", tone: "info", text: "Cancelled; nothing was asked of the agents." };
}
