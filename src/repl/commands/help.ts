import type { SlashCommand } from "../core/types.ts";

export const help: SlashCommand = {
  name: "help",
  usage: "/help [COMMAND]",
  summary: "what each command does",
  async run(ctx, args) {
    const name = args.trim().replace(/^\//, "");
    const commands = ctx.session.commands;
    if (name) {
      const c = commands.find((x) => x.name === name);
      if (!c) return { type: "error", code: "unknown_command", message: `there is no /${name}`, nextStep: "/help lists every command." };
      return { type: "message", text: `${c.usage}\n  ${c.summary}` };
    }
    return {
      type: "table",
      title: "Commands (Tab completes names, capabilities and plugin ids; ↑/↓ history; Ctrl-C cancels, twice exits):",
      columns: ["command", "what it does"],
      rows: commands.map((c) => [c.usage, c.summary]),
      footer: "Or type what you need in plain words (with an LLM configured it becomes a capability spec). The documentation: capsmith help in a shell, or docs/.",
    };
  },
};
