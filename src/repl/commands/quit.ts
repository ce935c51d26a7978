import type { SlashCommand } from "../core/types.ts";

export const quit: SlashCommand = {
  name: "quit",
  usage: "/quit",
  summary: "leave (the agents finish what they hold; the log is closed cleanly)",
  run: async () => ({ type: "quit" }),
};
