import { describeRevert, revertHub } from "../../hub/index.ts";
import { parsePoint } from "../core/parse-point.ts";
import type { SlashCommand } from "../core/types.ts";

export const revert: SlashCommand = {
  name: "revert",
  usage: "/revert SEQ|TIME",
  summary: "undo every hub change after a point (appends compensating events; deletes nothing)",
  async run(ctx, args) {
    if (!args.trim()) return { type: "error", code: "usage", message: "give a record seq or an ISO time", nextStep: "e.g. /revert 120 (see /events or /audit for seqs)" };
    const point = parsePoint(args, "/revert");
    if (ctx.ui.interactive) {
      const ok = await ctx.ui.ask({ text: `Undo every hub change after ${point.untilSeq ?? point.untilTime}?`, choices: ["y", "n"] });
      if (ok !== "y") return { type: "message", text: "Nothing reverted." };
    }
    const result = await revertHub(ctx.services.log, ctx.services.readModel, point, ctx.services.newId);
    return { type: "message", tone: "success", text: describeRevert(result) };
  },
};
